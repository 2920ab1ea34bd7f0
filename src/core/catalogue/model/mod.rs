//! The catalogue contract (version 1) and its tolerant parser.
//!
//! The document is produced by people (the campus, a ministry), so one bad course
//! must not hide the others: each course is parsed on its own and an invalid one is
//! skipped and counted. Only a document that is not JSON, or not version 1, fails.
//!
//! One file per concern: `types` (the contract's types), `report` (what a
//! parse reports), `sanitize` (what of a course's fields is kept), `parse`
//! (the one-shot parser), `progress` (the sliced parser).

mod parse;
mod progress;
mod report;
mod sanitize;
mod types;

#[cfg(test)]
mod tests;

pub use progress::ParseProgress;
pub use report::{CatalogueError, DroppedField, FieldProblem, Parsed, SkipReason, Skipped};
pub use sanitize::{plausible_email, safe_link, MAX_ELIGIBILITY_CHARS, MAX_PRICE_CHARS};
pub use types::{
    Audience, CallStatus, Catalogue, Course, Domain, Figure, Format, Kind, Language, Level, Place,
    Session, TrainerCall, SUPPORTED_VERSION,
};
