//! Static pages and the live app.
//!
//! Every page a visitor can land on is also a static HTML file, rendered at
//! build time by the same views (Leptos's server-side renderer, natively:
//! `src/tools/bin/campus-pages.rs`). There, [`Prerender`] stands in for the browser:
//! the page, the configuration and the catalogue are given instead of fetched.
//!
//! In the browser, the live app renders hidden next to the static content and
//! takes its place in one frame once it has what the static page showed (the
//! catalogue), so that the swap is invisible ([`use_takeover`]).

use std::sync::{Arc, Mutex};

use leptos::prelude::*;

use campus_core::catalogue::summary::Summary;
use campus_core::config::Config;
use campus_core::routes::Location;

/// Id of the static content of a page (in the HTML file).
pub const STATIC_ID: &str = "campus-static";
/// Id of the element the live app renders into.
pub const APP_ID: &str = "campus-app";
/// Id of the loading message (pages without static content).
pub const BOOT_ID: &str = "campus-boot";
/// Attribute index.html sets on a static page's bookmark button clicked before
/// the app started: whether the visitor asked for it saved (`true`/`false`).
#[cfg(feature = "csr")]
const EARLY_BOOKMARK: &str = "data-favori-voulu";
/// Set on the live app while it is laid out whole (see [`reveal`]).
#[cfg(feature = "csr")]
const LAID_OUT_ATTRIBUTE: &str = "data-tout-mis-en-page";

/// What the static-page renderer gives the app in place of the browser (the
/// catalogue it renders comes apart, as `catalogue::loader::PrerenderedCatalogue`:
/// `ui` knows no feature).
#[derive(Clone)]
pub struct Prerender {
    /// The page being rendered.
    pub location: Location,
    /// The configuration the deployment ships.
    pub config: Config,
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

/// Parts of the live app that render a task after the rest ([`use_deferred`]):
/// the static content stays in view until none is pending, so that the swap
/// shows the whole page at once.
#[derive(Clone, Copy)]
pub struct RenderGate(RwSignal<u32>);

impl RenderGate {
    /// Whether no part is waiting to render (tracked).
    pub fn idle(self) -> bool {
        self.0.get() == 0
    }
}

/// Creates the render gate (once, by the root).
pub fn provide_render_gate() -> RenderGate {
    let gate = RenderGate(RwSignal::new(0));
    provide_context(gate);
    gate
}

/// `false` on the first render, `true` one task later (at once where nothing
/// runs in tasks: the static-page renderer). A view splits its first render
/// with it: what needs to be there at once now, the rest in the next task, so
/// that no single task builds the whole page (the main thread stays free for
/// input). A live app still hidden behind the static content is shown only
/// once every deferred part has rendered.
pub fn use_deferred() -> Signal<bool> {
    let shown = RwSignal::new(!cfg!(feature = "csr"));
    #[cfg(feature = "csr")]
    {
        let gate = use_context::<RenderGate>();
        // After the first render (an effect), not while building it.
        Effect::new(move || {
            if let Some(gate) = gate {
                gate.0.update(|n| *n += 1);
            }
            leptos::task::spawn_local(async move {
                crate::ui::tasks::next_task().await;
                // The view may be gone (another page): nothing to show then.
                let _ = shown.try_set(true);
                if let Some(gate) = gate {
                    let _ = gate.0.try_update(|n| *n = n.saturating_sub(1));
                }
            });
        });
    }
    shown.into()
}

/// Replaces the static content by the live app once the app can show the same
/// page: at once when nothing needs fetching, else when the catalogue has
/// loaded or failed (`settled`, tracked), and its deferred parts have rendered
/// ([`RenderGate`]). Before that, the static content stays in view (readable,
/// its links work as plain links) and the live app renders hidden.
pub fn use_takeover(gate: RenderGate, settled: impl Fn() -> bool + 'static) {
    #[cfg(feature = "csr")]
    Effect::new(move || {
        // Once shown, nothing more to do: reading no signal, this effect then
        // never runs again.
        if app_shown() {
            return;
        }
        if settled() && gate.idle() {
            // After this frame's reactive updates, before its paint; not if a
            // part deferred in the meantime is still to come (this runs again
            // when it has rendered).
            request_animation_frame(move || {
                if gate.0.get_untracked() == 0 {
                    reveal();
                }
            });
        }
    });
    #[cfg(not(feature = "csr"))]
    let _ = (gate, settled);
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
    let ticked = changed_ticks(&document);
    let bookmarked = early_bookmarks(&document);
    let anchor = document
        .get_element_by_id(STATIC_ID)
        .and_then(|root| scroll_anchor(&document, &root));
    for id in [STATIC_ID, BOOT_ID] {
        if let Some(element) = document.get_element_by_id(id) {
            element.remove();
        }
    }
    // A visitor who had scrolled sees the same place. The live app has the
    // static content's elements, but the parts out of view are not laid out
    // (`content-visibility: auto` in main.css), so heights above the viewport
    // may differ: this once, the live app is laid out whole (its heights are
    // then remembered), and the element that was at the top of the viewport
    // is put back where it was.
    if anchor.is_some() {
        let _ = app.set_attribute(LAID_OUT_ATTRIBUTE, "");
    }
    app.set_hidden(false);
    if let Some((path, top)) = anchor {
        if let Some(element) = follow_path(&app, &path) {
            let moved = element.get_bounding_client_rect().top() - top;
            if moved.abs() >= 0.5 {
                window().scroll_by_with_x_and_y(0.0, moved);
            }
        }
        // Two frames later the heights are remembered: out-of-view parts may
        // be skipped again without moving anything.
        let app = app.clone();
        request_animation_frame(move || {
            request_animation_frame(move || {
                let _ = app.remove_attribute(LAID_OUT_ATTRIBUTE);
            })
        });
    }
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
    // Bookmarks set or removed before the app started (first: a filter
    // applied below may take their card out of the list): the live button is
    // clicked where its state differs from what the visitor asked for.
    for (course, saved) in bookmarked {
        let Ok(buttons) = app.query_selector_all("[data-favori]") else {
            break;
        };
        let button = (0..buttons.length())
            .filter_map(|i| buttons.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
            .find(|b| b.get_attribute("data-favori").as_deref() == Some(course.as_str()));
        let pressed =
            |b: &web_sys::HtmlElement| b.get_attribute("aria-pressed").as_deref() == Some("true");
        if let Some(button) = button.filter(|b| pressed(b) != saved) {
            button.click();
        }
    }
    // Boxes the visitor ticked or unticked, filter groups unfolded or folded:
    // the same control of the live app is clicked where its state differs,
    // as if clicked there.
    for (id, on) in ticked {
        let control = document
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(control) = control.filter(|c| control_on(c) != on) {
            control.click();
        }
    }
    if let Some(id) = focused_id {
        crate::ui::focus::focus_element_by_id(&id);
    }
}

/// The controls of the static content whose state the visitor changed
/// (ids and states): checkboxes, and the filter groups' buttons that
/// index.html marked `data-deplie` when clicked. Read before the static
/// content goes.
#[cfg(feature = "csr")]
fn changed_ticks(document: &web_sys::Document) -> Vec<(String, bool)> {
    use wasm_bindgen::JsCast;
    let Ok(controls) = document.query_selector_all(
        "#campus-static input[id][type=checkbox], #campus-static [id][data-deplie]",
    ) else {
        return Vec::new();
    };
    (0..controls.length())
        .filter_map(|i| controls.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|c| {
            c.dyn_ref::<web_sys::HtmlInputElement>()
                .is_none_or(|input| input.checked() != input.default_checked())
        })
        .map(|c| (c.id(), control_on(&c)))
        .collect()
}

/// Whether a control is on: a checkbox ticked, a disclosure expanded.
#[cfg(feature = "csr")]
fn control_on(control: &web_sys::HtmlElement) -> bool {
    match wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlInputElement>(control) {
        Some(input) => input.checked(),
        None => control.get_attribute("aria-expanded").as_deref() == Some("true"),
    }
}

/// The bookmarks set or removed on the static page before the app started
/// (course ids, and whether saved), as index.html recorded them.
#[cfg(feature = "csr")]
fn early_bookmarks(document: &web_sys::Document) -> Vec<(String, bool)> {
    // `#campus-static [data-favori-voulu]`, spelt out (no formatting code).
    let Ok(buttons) = document.query_selector_all("#campus-static [data-favori-voulu]") else {
        return Vec::new();
    };
    (0..buttons.length())
        .filter_map(|i| {
            let button: web_sys::Element = wasm_bindgen::JsCast::dyn_into(buttons.item(i)?).ok()?;
            let course = button.get_attribute("data-favori")?;
            Some((
                course,
                button.get_attribute(EARLY_BOOKMARK).as_deref() == Some("true"),
            ))
        })
        .collect()
}

/// Where the visitor is in the static content, if scrolled: the element at
/// the top of the viewport, as its path of element indices from `root`, and
/// its distance from the top of the viewport.
#[cfg(feature = "csr")]
fn scroll_anchor(document: &web_sys::Document, root: &web_sys::Element) -> Option<(Vec<u32>, f64)> {
    let window = window();
    if window.scroll_y().ok()? <= 0.0 {
        return None;
    }
    let width = window.inner_width().ok()?.as_f64()?;
    // The top of the viewport, a little inside (a border is not an anchor).
    let mut element = document.element_from_point((width / 2.0) as f32, 4.0)?;
    let top = element.get_bounding_client_rect().top();
    let mut path = Vec::new();
    while !element.is_same_node(Some(root)) {
        let mut index = 0;
        let mut sibling = element.previous_element_sibling();
        while let Some(previous) = sibling {
            index += 1;
            sibling = previous.previous_element_sibling();
        }
        path.push(index);
        // Not inside `root` (the page's margin): no anchor.
        element = element.parent_element()?;
    }
    path.reverse();
    Some((path, top))
}

/// The element at `path` (as [`scroll_anchor`] gives it) under `root`.
#[cfg(feature = "csr")]
fn follow_path(root: &web_sys::Element, path: &[u32]) -> Option<web_sys::Element> {
    let mut element = root.clone();
    for &index in path {
        let mut child = element.first_element_child()?;
        for _ in 0..index {
            child = child.next_element_sibling()?;
        }
        element = child;
    }
    Some(element)
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
    // Started after all (the watchdog in index.html may have given up on a
    // slow connection): main.css hides the failure notice once #campus-app
    // is there.
    body.append_child(&app).ok()?;
    Some(app)
}

/// Makes a page's `<base href="../../">` absolute, so that the site root
/// stays the same once the address bar moves to another page's address
/// (History API): relative URLs (styles, `config.json`, links) keep their
/// meaning.
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
/// `false` when the page is an embedded widget (its parameters change the
/// page). (An old `#/…` address never gets here: index.html's first script
/// moves it to its path.)
#[cfg(feature = "csr")]
pub fn static_shows_url() -> bool {
    let search = window().location().search().unwrap_or_default();
    !campus_core::embed::params::EmbedParams::from_query(&search).embedded
}
