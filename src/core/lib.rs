//! The core of Campus: everything that is not a view, with no browser
//! dependency (no `leptos`, `web-sys`, `js-sys`, `wasm-bindgen` or `gloo`: the
//! compiler enforces it, see `docs/architecture.md`). Tested natively in
//! milliseconds by `cargo test`.
//!
//! Layers, each using only those above it (`tests/architecture.rs`):
//! `util` → `fingerprint` → `i18n` → `application` → `routes` → `catalogue`,
//! and `routes` → `embed` → `config`.

#![warn(missing_docs)]

pub mod application;
pub mod catalogue;
pub mod config;
pub mod embed;
pub mod fingerprint;
pub mod i18n;
pub mod routes;
pub mod util;
