//! The catalogue: the course model, parsing, search, filters, exploration and
//! exports. Pure: no browser crate, tested natively (`cargo test`).

pub mod atom;
pub mod excerpt;
pub mod explore;
pub mod export;
pub mod facets;
pub mod feeds;
pub mod filters;
pub mod labels;
pub mod model;
pub mod next_step;
pub mod offer;
pub mod query;
pub mod scan;
pub mod schedule;
pub mod search;
pub mod selection;
pub mod selection_labels;
pub mod sliced;
pub mod summary;
/// A catalogue of any size, for tests and benchmarks (feature `synthetic`):
/// never in the app.
#[cfg(any(test, feature = "synthetic"))]
pub mod synthetic;
pub mod takeaway;
pub mod text;
pub mod time;
pub mod url_value;
