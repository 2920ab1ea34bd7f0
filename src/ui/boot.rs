//! Static pages and the live app.
//!
//! Every page a visitor can land on is also a static HTML file, rendered at
//! build time by the same views (Leptos's server-side renderer, natively:
//! `src/bin/campus-pages.rs`). There, [`Prerender`] stands in for the browser:
//! the page, the configuration and the catalogue are given instead of fetched.
//!
//! In the browser, the live app renders hidden next to the static content and
//! takes its place in one frame once it has what the static page showed (the
//! catalogue), so that the swap is invisible ([`use_takeover`]).

use std::sync::{Arc, Mutex};

use leptos::prelude::*;

use crate::catalogue::loader::LoadedCatalogue;
use crate::catalogue::summary::Summary;
use crate::config::Config;
use crate::routes::Location;

/// Id of the static content of a page (in the HTML file).
pub const STATIC_ID: &str = "campus-static";
/// Id of the element the live app renders into.
pub const APP_ID: &str = "campus-app";
/// Id of the loading message (pages without static content).
pub const BOOT_ID: &str = "campus-boot";

/// What the static-page renderer gives the app in place of the browser.
#[derive(Clone)]
pub struct Prerender {
    /// The page being rendered.
    pub location: Location,
    /// The configuration the deployment ships.
    pub config: Config,
    /// The catalogue, parsed and indexed.
    pub catalogue: Arc<LoadedCatalogue>,
    /// The summary the page's file carries (pages of `PageData::Summary`),
    /// made once by the renderer, which also writes it into the file.
    pub summary: Option<Arc<Summary>>,
    /// Where the site is published (absolute, ending with `/`).
    pub site_url: String,
    /// The document title the page asked for (see `ui::page`).
    pub title: Arc<Mutex<String>>,
}

/// The static-page renderer's context, when rendering (never in the browser).
pub fn prerender() -> Option<Prerender> {
    if cfg!(feature = "ssr") {
        use_context::<Prerender>()
    } else {
        None
    }
}

/// The text of the page's `<script type="application/json" id="{id}">` data
/// element, written by the static-page renderer; `None` if the file has none
/// (and always while rendering the static pages).
pub fn page_data(id: &str) -> Option<String> {
    #[cfg(feature = "csr")]
    {
        let element = document().get_element_by_id(id)?;
        (element.get_attribute("type").as_deref() == Some("application/json"))
            .then(|| element.text_content())
            .flatten()
    }
    #[cfg(not(feature = "csr"))]
    {
        let _ = id;
        None
    }
}

/// Replaces the static content by the live app once the app can show the same
/// page: at once when nothing needs fetching, else when the catalogue has
/// loaded or failed (`settled`, tracked). Before that, the static content stays
/// in view (readable, its links work as plain links) and the live app renders
/// hidden.
pub fn use_takeover(settled: impl Fn() -> bool + 'static) {
    #[cfg(feature = "csr")]
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        if !settled() {
            return false;
        }
        // After this frame's reactive updates, before its paint.
        request_animation_frame(reveal);
        true
    });
    #[cfg(not(feature = "csr"))]
    let _ = settled;
}

/// Shows the live app in place of the static content: one DOM change, so no
/// frame shows both or neither. Keyboard focus inside the static content moves
/// to the element with the same id in the live app.
#[cfg(feature = "csr")]
pub fn reveal() {
    use wasm_bindgen::JsCast;
    let document = document();
    let Some(app) = document
        .get_element_by_id(APP_ID)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    if !app.hidden() {
        return;
    }
    let focused_id = document
        .active_element()
        .filter(|e| e.closest(&format!("#{STATIC_ID}")).ok().flatten().is_some())
        .map(|e| e.id())
        .filter(|id| !id.is_empty());
    let typed = typed_values(&document);
    for id in [STATIC_ID, BOOT_ID] {
        if let Some(element) = document.get_element_by_id(id) {
            element.remove();
        }
    }
    app.set_hidden(false);
    // What the visitor typed in the static page is not lost: it goes into the
    // same field of the live app, as if typed there.
    for (id, value) in typed {
        let input = document
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(input) = input {
            input.set_value(&value);
            if let Ok(event) = web_sys::Event::new("input") {
                let _ = input.dispatch_event(&event);
            }
        }
    }
    if let Some(id) = focused_id {
        crate::ui::router::focus_element_by_id(&id);
    }
}

/// Whether the live app is in view (it has taken the static content's place,
/// or there was none). Until then the static page is what the visitor sees
/// and uses: its links load their pages as plain links.
#[cfg(feature = "csr")]
pub fn app_shown() -> bool {
    use wasm_bindgen::JsCast;
    document()
        .get_element_by_id(APP_ID)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|app| !app.hidden())
}

/// The text inputs of the static content that the visitor changed: their ids
/// and values.
#[cfg(feature = "csr")]
fn typed_values(document: &web_sys::Document) -> Vec<(String, String)> {
    use wasm_bindgen::JsCast;
    let Ok(inputs) = document.query_selector_all(&format!("#{STATIC_ID} input[id]")) else {
        return Vec::new();
    };
    (0..inputs.length())
        .filter_map(|i| inputs.item(i)?.dyn_into::<web_sys::HtmlInputElement>().ok())
        .filter(|input| matches!(input.type_().as_str(), "text" | "search" | "email" | "tel"))
        .filter(|input| input.value() != input.default_value())
        .map(|input| (input.id(), input.value()))
        .collect()
}

/// Prepares the page for the live app and returns the element to mount it in.
///
/// The static content stays only when it shows the page the URL asks for (a
/// fragment route such as `#/catalogue` on the home page's file does not).
#[cfg(feature = "csr")]
pub fn mount_point(static_matches: bool) -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    let document = document();
    let body = document.body()?;
    let app = document
        .create_element("div")
        .ok()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()?;
    app.set_id(APP_ID);
    let keep_static = static_matches && document.get_element_by_id(STATIC_ID).is_some();
    if keep_static {
        app.set_hidden(true);
    } else {
        for id in [STATIC_ID, BOOT_ID] {
            if let Some(element) = document.get_element_by_id(id) {
                element.remove();
            }
        }
    }
    body.append_child(&app).ok()?;
    Some(app)
}

/// Makes a static page's `<base href="../../">` absolute, so that the site
/// root stays the same once the address bar moves to a `#/…` URL of the root
/// document (History API): relative URLs (styles, `config.json`, links) keep
/// their meaning.
#[cfg(feature = "csr")]
pub fn pin_base() {
    use wasm_bindgen::JsCast;
    let base = document()
        .query_selector("base[href]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlBaseElement>().ok());
    if let Some(base) = base {
        let absolute = base.href();
        base.set_href(&absolute);
    }
}

/// Whether the static content in this file shows the page the URL asks for:
/// `false` when the fragment names another route (`index.html#/catalogue`), or
/// when the page is an embedded widget (its parameters change the page).
#[cfg(feature = "csr")]
pub fn static_shows_url() -> bool {
    let location = window().location();
    let hash = location.hash().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    if crate::embed::params::EmbedParams::from_query(&search).embedded {
        return false;
    }
    // `#`, `#/` and in-page anchors keep the document's own page.
    !(hash.len() > 2 && hash.starts_with("#/"))
}
