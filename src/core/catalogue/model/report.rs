//! What a parse reports: the courses it skipped, the fields it dropped, why a
//! whole document was refused, and the result itself ([`Parsed`]).

use std::fmt;

use super::types::{Catalogue, SUPPORTED_VERSION};

/// A course left out of the catalogue, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Position in the `courses` array.
    pub index: usize,
    /// The course id, if it could be read.
    pub id: Option<String>,
    /// What was wrong.
    pub reason: SkipReason,
}

/// Why a course was skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// Missing field, wrong type, unknown enum value, bad date.
    Invalid(String),
    /// Another course already has this id.
    DuplicateId,
    /// It names a domain the catalogue does not define.
    UnknownDomain(String),
    /// A parcours lists a module id that is missing, invalid or not a module.
    DanglingModule(String),
    /// A session ends before it starts.
    SessionEndsBeforeStart(String),
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Invalid(why) => write!(f, "invalid: {why}"),
            SkipReason::DuplicateId => f.write_str("duplicate id"),
            SkipReason::UnknownDomain(d) => write!(f, "unknown domain `{d}`"),
            SkipReason::DanglingModule(m) => write!(f, "unknown module `{m}`"),
            SkipReason::SessionEndsBeforeStart(s) => {
                write!(f, "session `{s}` ends before it starts")
            }
        }
    }
}

/// An optional field of a course that was left out (the course is kept), and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DroppedField {
    /// Position of the course in the `courses` array.
    pub index: usize,
    /// The course id.
    pub id: String,
    /// The field's name in the contract (`contact`, `access_url`, …).
    pub field: &'static str,
    /// What was wrong with its value.
    pub problem: FieldProblem,
}

/// Why an optional field of a course was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldProblem {
    /// Not a string.
    NotText,
    /// Not a plausible email address (see [`plausible_email`]).
    NotAnEmail,
    /// Not an absolute `http(s)` URL.
    NotHttp,
    /// Longer than this many characters.
    TooLong(usize),
    /// `access_url` on a course whose format is not e-learning.
    NotElearning,
    /// `languages` that is not a list of known language codes.
    NotLanguages,
}

impl fmt::Display for FieldProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldProblem::NotText => f.write_str("not a string"),
            FieldProblem::NotAnEmail => f.write_str("not a plain email address"),
            FieldProblem::NotHttp => f.write_str("not an absolute http(s) URL"),
            FieldProblem::TooLong(max) => write!(f, "longer than {max} characters"),
            FieldProblem::NotElearning => {
                f.write_str("only read on courses whose format is e-learning")
            }
            FieldProblem::NotLanguages => {
                f.write_str("not a list of language codes among fr, en, de, es, it")
            }
        }
    }
}

/// Why the whole document was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogueError {
    /// Not JSON, or not an object with the expected top-level shape.
    Malformed(String),
    /// `version` is missing or not one this app reads.
    UnsupportedVersion(Option<String>),
}

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CatalogueError::Malformed(why) => write!(f, "the catalogue is not valid JSON: {why}"),
            CatalogueError::UnsupportedVersion(Some(v)) => {
                write!(
                    f,
                    "catalogue version {v} is not supported (expected {SUPPORTED_VERSION})"
                )
            }
            CatalogueError::UnsupportedVersion(None) => {
                write!(
                    f,
                    "the catalogue has no version (expected {SUPPORTED_VERSION})"
                )
            }
        }
    }
}

impl std::error::Error for CatalogueError {}

/// A parse result: the valid catalogue and what was skipped.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parsed {
    /// The catalogue of valid courses.
    pub catalogue: Catalogue,
    /// Courses left out.
    pub skipped: Vec<Skipped>,
    /// Optional fields left out of kept courses.
    pub dropped: Vec<DroppedField>,
}
