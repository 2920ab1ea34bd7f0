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
// Leptos's server-side renderer nests view types deeply (the catalogue page).
#![recursion_limit = "256"]

pub mod application;
#[cfg(feature = "sheets")]
pub mod applications;
pub mod catalogue;
pub mod config;
pub mod embed;
pub mod fingerprint;
pub mod i18n;
pub mod routes;
pub mod static_site;

#[cfg(feature = "sheets")]
pub mod sheets;

#[cfg(feature = "browser")]
pub mod app;
#[cfg(feature = "browser")]
pub mod pages;
#[cfg(feature = "browser")]
pub mod site;
#[cfg(feature = "browser")]
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
