//! The catalogue explorer: the course model and search (pure), and its pages.

#[cfg(target_arch = "wasm32")]
pub mod catalogue_page;
#[cfg(target_arch = "wasm32")]
pub mod course_page;
