//! The catalogue pipeline: search, filter, count, sort, paginate, and suggest
//! wider searches when nothing matches. One pure function of the query, so the
//! view only renders what it returns.
//!
//! One file per concern: `explorer` (the pipeline), `searchable` (what of a
//! course is searched), `builder` (the explorer built in stages),
//! `title_sort` (the sliced merge sort of the titles), `similar` (the
//! similar courses, a second ranking engine), `lists` (lists stored end to
//! end).

mod builder;
mod explorer;
mod lists;
mod searchable;
mod similar;
mod title_sort;

#[cfg(test)]
mod tests;

pub use builder::ExplorerBuilder;
pub use explorer::{Dropped, Explorer, Results, SimilarJob, Suggestion, PAGE_SIZE};
pub use searchable::build_search_index;
pub use similar::SimilarBuilder;
