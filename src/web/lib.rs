//! Campus's web crate: the Leptos views and their browser glue, over the pure
//! core (`campus_core`). Built with `csr` into the app (trunk, wasm32) and
//! with `ssr` natively by the static pages (`campus-tools`' `campus-pages`).
//!
//! The core's modules are re-exported under their own names (`campus_core::i18n`,
//! `campus_core::catalogue::model`…), so a view reads the same paths as the core;
//! the feature folders add their views to the core's modules.

#![warn(missing_docs)]
// Leptos's server-side renderer nests view types deeply (the catalogue page).
#![recursion_limit = "256"]

pub mod app;
pub mod application;
pub mod catalogue;
pub mod embed;
pub mod pages;
pub mod site;
pub mod ui;

/// Mounts the app: over the static content of the page when it shows the
/// page asked for (it stays in view until the live app can take its place,
/// see `ui::boot`), else at once in place of the loading message.
#[cfg(feature = "csr")]
pub fn start() {
    // The panic's message in the console, in debug builds only: it costs the
    // main module 1.5 kB gzip. In a release build a panic (a bug: nothing a
    // visitor does may reach one) is still an uncaught `RuntimeError:
    // unreachable` in the console, which fails any e2e test (`assertNoProblems`).
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    ui::boot::pin_base();
    let Some(mount) = ui::boot::mount_point(ui::boot::static_shows_url()) else {
        return;
    };
    leptos::mount::mount_to(mount, app::App).forget();
}
