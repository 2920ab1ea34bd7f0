//! The catalogue explorer: the course model, parsing, search, filters and exports
//! (pure, tested natively), and its pages (browser only).

pub mod explore;
pub mod export;
pub mod facets;
pub mod filters;
pub mod model;
pub mod next_step;
pub mod query;
pub mod search;
pub mod selection;
pub mod synthetic;
pub mod text;
pub mod time;

#[cfg(target_arch = "wasm32")]
pub mod bookmarks;
#[cfg(target_arch = "wasm32")]
pub mod catalogue_page;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod course_page;
#[cfg(target_arch = "wasm32")]
pub mod loader;
#[cfg(target_arch = "wasm32")]
pub mod selection_page;
#[cfg(target_arch = "wasm32")]
pub mod selection_parts;
#[cfg(target_arch = "wasm32")]
pub mod shared_selection;
