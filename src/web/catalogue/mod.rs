//! The catalogue's pages and their browser glue. The pure catalogue (model,
//! search, filters, exports) is `campus_core::catalogue`, re-exported here so
//! that a view reads `campus_core::catalogue::model` like the core does.

pub mod bookmarks;
pub mod catalogue_page;
pub mod components;
pub mod course_page;
pub mod loader;
pub mod selection_page;
pub mod selection_parts;
pub mod selection_takeaway;
pub mod shared_selection;
