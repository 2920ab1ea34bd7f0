//! Campus: the web front of France's *Campus du numérique public*.
//!
//! Two halves, split by target:
//! - pure modules (`config`, `i18n`, `routes`, and the model parts of each feature)
//!   depend only on `std` and `serde`; `cargo test` runs them natively;
//! - browser modules (`app`, `ui`, `site` and the views of each feature) exist only
//!   with the `browser` feature: `csr` in the browser (trunk), `ssr` natively for
//!   the static pages (`campus-pages`). A pure module that reached for the
//!   browser would not compile under plain `cargo test`: the split is enforced.

#![warn(missing_docs)]

pub mod application;
pub mod catalogue;
pub mod config;
pub mod embed;
pub mod i18n;
pub mod routes;

#[cfg(feature = "browser")]
pub mod app;
#[cfg(feature = "browser")]
pub mod site;
#[cfg(feature = "browser")]
pub mod ui;

/// Mounts the app on `<body>`, replacing the boot message of `index.html`.
#[cfg(feature = "csr")]
pub fn start() {
    console_error_panic_hook::set_once();
    if let Some(boot) = leptos::prelude::document().get_element_by_id("campus-boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(app::App);
}
