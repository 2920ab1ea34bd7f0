//! The campus team's native tools, beside the app: the static pages
//! (`campus-pages`), the catalogue's spreadsheet (`campus-catalogue`) and the
//! applications received by email (`campus-applications`). Native only: their
//! crates (spreadsheets, zip, XML) never reach the wasm.
//!
//! This package is also the workspace's root: its `tests/` are the native
//! integration tests of the core and of the tools.

#![warn(missing_docs)]
// Leptos's server-side renderer nests view types deeply (the catalogue page).
#![recursion_limit = "256"]

pub mod applications;
pub mod sheets;
pub mod static_site;
