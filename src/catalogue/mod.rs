//! The catalogue explorer: the course model, parsing, search, filters and exports
//! (pure, tested natively), and its pages (browser only).

pub mod atom;
pub mod excerpt;
pub mod explore;
pub mod export;
pub mod facets;
pub mod feeds;
pub mod filters;
pub mod model;
pub mod next_step;
pub mod query;
pub mod scan;
pub mod search;
pub mod selection;
pub mod sliced;
pub mod sort;
pub mod summary;
pub mod synthetic;
pub mod takeaway;
pub mod text;
pub mod time;

#[cfg(feature = "browser")]
pub mod bookmarks;
#[cfg(feature = "browser")]
pub mod catalogue_page;
#[cfg(feature = "browser")]
pub mod components;
#[cfg(feature = "browser")]
pub mod course_page;
#[cfg(feature = "browser")]
pub mod loader;
#[cfg(feature = "browser")]
pub mod selection_page;
#[cfg(feature = "browser")]
pub mod selection_parts;
#[cfg(feature = "browser")]
pub mod selection_takeaway;
#[cfg(feature = "browser")]
pub mod shared_selection;
