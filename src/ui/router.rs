//! A hash router: the current [`Location`] as a signal, driven by `hashchange`.
//!
//! Links are plain `<a href="#/…">`: the browser handles history, Back and Forward,
//! opening in a new tab and reload, with no server rewrite rule (see `routes.rs`).
//!
//! A static page (`formation/x/index.html`, see `ui::boot`) names the site root
//! as its `<base>`, so its `#/…` links point at the root document: a click on
//! one is kept in this document (History API) instead of loading the root. With
//! no route in the fragment, the document's own path names the page.

#[cfg(feature = "csr")]
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::routes::{Location, Route};

/// The router context: the location parsed from the URL fragment.
#[derive(Debug, Clone, Copy)]
pub struct Router {
    location: ReadSignal<Location>,
    set_location: WriteSignal<Location>,
    /// The element to focus after this route change instead of the `h1` (a
    /// "change" link landing on its field).
    arrival_focus: StoredValue<Option<String>>,
    /// A route change whose page had no heading yet (its chunk was on its
    /// way): focus goes to the heading once the page is there.
    focus_pending: StoredValue<bool>,
}

impl Router {
    /// The current location (tracked).
    pub fn location(self) -> Location {
        self.location.get()
    }

    /// The current route (tracked).
    pub fn route(self) -> Route {
        self.location.with(|l| l.route.clone())
    }

    /// Asks that the element with `id`, rather than the page's `h1`, receive
    /// focus once the current route change has rendered.
    pub fn focus_on_arrival(self, id: String) {
        self.arrival_focus.set_value(Some(id));
    }

    /// Asks that focus go to the page's heading once the page that is
    /// arriving has rendered ([`Router::settle_focus`]): after a retry, whose
    /// button is then gone.
    pub fn focus_when_settled(self) {
        self.focus_pending.set_value(true);
    }

    /// Called when a page that was still arriving has rendered: gives it the
    /// focus that its route change could not (the `h1`, or the element asked
    /// for by [`Router::focus_on_arrival`]). Does nothing when no route change
    /// is waiting (the first page keeps the browser's own focus), nor when the
    /// visitor has put the focus elsewhere meanwhile (a footer link tabbed to
    /// while the page was on its way stays focused).
    pub fn settle_focus(self) {
        if self.focus_pending.try_update_value(std::mem::take) == Some(true) {
            #[cfg(feature = "csr")]
            request_animation_frame(move || {
                if focus_unclaimed() {
                    focus_arrival(self);
                } else {
                    self.arrival_focus.set_value(None);
                }
            });
        }
    }
}

/// The app's own document without query or fragment
/// (`https://host/formations/campus/index.html`), or on a static page the site
/// root it names as its `<base>` (`https://host/formations/campus/`): the base
/// of links to the full site (from a widget) and of the course links in exports.
pub fn document_url() -> String {
    if let Some(prerender) = crate::ui::boot::prerender() {
        return prerender.site_url;
    }
    if let Some(root) = base_url() {
        return root;
    }
    let location = window().location();
    format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

/// The absolute site root named by a static page's `<base href>`.
fn base_url() -> Option<String> {
    let base = document().query_selector("base[href]").ok().flatten()?;
    let base = base.dyn_into::<web_sys::HtmlBaseElement>().ok()?;
    Some(base.href())
}

/// The location in the address bar: the fragment's route, else (no fragment)
/// the route of the document's own path under the site root; `None` for an
/// in-page anchor (`#contenu`).
fn current_location() -> Option<Location> {
    let location = window().location();
    let hash = location.hash().unwrap_or_default();
    if hash.len() > 1 {
        return Location::from_hash(&hash);
    }
    let pathname = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    let root_path = base_url()
        .and_then(|root| web_sys::Url::new(&root).ok())
        .map(|url| url.pathname());
    let rel = match root_path {
        Some(root) => pathname.strip_prefix(root.as_str()).unwrap_or_default(),
        // The root document itself (`/`, `/sub/`, `/sub/index.html`).
        None => "",
    };
    let rel = crate::routes::percent_decode(rel).unwrap_or_default();
    Some(Location::from_document_path(&rel, &search))
}

/// The route shown when the URL names none (the home page).
fn home() -> Location {
    Location {
        route: Route::Home,
        query: String::new(),
    }
}

/// Moves keyboard focus to the element with `id` (a skip-link target, a field
/// named by an error summary). An element that cannot take focus (a `main`, a
/// `nav`) gets `tabindex="-1"` first; a control keeps its place in the Tab order.
pub fn focus_element_by_id(id: &str) {
    let Some(element) = document().get_element_by_id(id) else {
        return;
    };
    if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
        // tabIndex is negative exactly for elements that are not focusable by default.
        if element.tab_index() < 0 && !element.has_attribute("tabindex") {
            let _ = element.set_attribute("tabindex", "-1");
        }
        let _ = element.focus();
    }
}

/// Moves keyboard focus to the page's `h1` (made focusable by script only);
/// `false` when the page has none (yet).
pub fn focus_page_heading() -> bool {
    let Some(h1) = document()
        .query_selector("main h1")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    let _ = h1.set_attribute("tabindex", "-1");
    let _ = h1.focus();
    true
}

/// Starts listening to the URL fragment and provides the [`Router`] context.
///
/// When the route (not just its query) changes, focus moves to the new page's `h1`
/// so that keyboard and screen-reader users land on the new content (RGAA 12.x).
pub fn provide_router() -> Router {
    // The static-page renderer names its page; the browser reads the URL.
    let initial = match crate::ui::boot::prerender() {
        Some(prerender) => prerender.location,
        None => current_location().unwrap_or_else(home),
    };
    let (location, set_location) = signal(initial);
    let arrival_focus = StoredValue::new(None::<String>);
    let router = Router {
        location,
        set_location,
        arrival_focus,
        focus_pending: StoredValue::new(false),
    };
    provide_context(router);
    #[cfg(feature = "csr")]
    listen(router);
    router
}

/// Follows the address bar, and moves focus on route changes.
#[cfg(feature = "csr")]
fn listen(router: Router) {
    let Router {
        location,
        set_location,
        ..
    } = router;
    // Links change the fragment (hashchange); Back and Forward over entries made
    // by `navigate` fire popstate. Both land here; equal locations are ignored.
    let sync = move || {
        let hash = window().location().hash().unwrap_or_default();
        match current_location() {
            Some(next) => {
                if location.with_untracked(|l| *l != next) {
                    set_location.set(next);
                }
            }
            None => {
                // An in-page anchor (`#contenu`): focus its target and put the
                // route back in the address bar so that a reload keeps the page.
                let id = hash.trim_start_matches('#').to_owned();
                let path = location.with_untracked(|l| {
                    let mut href = l.route.href();
                    if !l.query.is_empty() {
                        href = format!("{href}?{}", l.query);
                    }
                    href
                });
                if let Ok(history) = window().history() {
                    let _ = history.replace_state_with_url(
                        &wasm_bindgen::JsValue::NULL,
                        "",
                        Some(&path),
                    );
                }
                focus_element_by_id(&id);
            }
        }
    };
    let hashchange = window_event_listener(ev::hashchange, move |_| sync());
    let popstate = window_event_listener(ev::popstate, move |_| sync());
    // On a static page, links into the app name the root document (the
    // `<base>`): keep them in this document. Modified clicks (new tab, new
    // window, download) and links that opt out are left to the browser.
    let root = base_url();
    let click = window_event_listener(ev::click, move |event: ev::MouseEvent| {
        let Some(root) = root.as_deref() else {
            return;
        };
        // (While the static content is in view, its links are plain links:
        // the hidden app must not move to a page the visitor cannot see.)
        if !crate::ui::boot::app_shown()
            || event.default_prevented()
            || event.button() != 0
            || event.ctrl_key()
            || event.meta_key()
            || event.shift_key()
            || event.alt_key()
        {
            return;
        }
        let Some(link) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        if !link.target().is_empty() || link.has_attribute("download") {
            return;
        }
        let href = link.href();
        let Some(fragment) = href.strip_prefix(root).and_then(|f| f.strip_prefix('#')) else {
            return;
        };
        event.prevent_default();
        let fragment = format!("#{fragment}");
        if Location::from_hash(&fragment).is_some() {
            router.navigate(&fragment, false);
        } else {
            focus_element_by_id(fragment.trim_start_matches('#'));
        }
    });
    on_cleanup(move || {
        hashchange.remove();
        popstate.remove();
        click.remove();
    });

    // Focus management on route changes (not on the first render, not on query changes).
    let route = Memo::new(move |_| location.with(|l| l.route.clone()));
    Effect::new(move |previous: Option<Route>| {
        let current = route.get();
        if previous.is_some_and(|p| p != current) {
            request_animation_frame(move || {
                // Every page change — a step of the application included —
                // starts at the top with focus on the new heading, unless the
                // page asked for a field (a "change" link).
                window().scroll_to_with_x_and_y(0.0, 0.0);
                focus_arrival(router);
            });
        }
        current
    });
}

/// Focus after a route change: the element the page asked for, else its
/// `h1`. A page still arriving has only its loading message: focus goes there
/// for now (so that it does not stay on a link that is gone), and to the
/// page's heading once the page is there ([`Router::settle_focus`]).
#[cfg(feature = "csr")]
fn focus_arrival(router: Router) {
    let asked = router
        .arrival_focus
        .with_value(|id| id.clone())
        .filter(|id| document().get_element_by_id(id).is_some());
    if let Some(id) = asked {
        router.arrival_focus.set_value(None);
        focus_element_by_id(&id);
        return;
    }
    // A page whose code is on its way shows a loading message as its `h1`:
    // it gets the focus for now, and the page's own heading once it is there.
    let arriving = document()
        .get_element_by_id(crate::ui::chunks::LOADING_ID)
        .is_some();
    if !focus_page_heading() {
        focus_element_by_id(crate::ui::layout::MAIN_ID);
        router.focus_pending.set_value(true);
    } else if arriving {
        router.focus_pending.set_value(true);
    } else {
        router.arrival_focus.set_value(None);
    }
}

/// Whether the focus is still where a route change left it while its page was
/// on its way: nowhere (the loading message that held it is gone), on `main`,
/// or inside the loading message or the failure alert.
#[cfg(feature = "csr")]
fn focus_unclaimed() -> bool {
    let Some(active) = document().active_element() else {
        return true;
    };
    active.tag_name().eq_ignore_ascii_case("body")
        || active.id() == crate::ui::layout::MAIN_ID
        || active
            .closest(&format!(
                "#{}, #{}",
                crate::ui::chunks::LOADING_ID,
                crate::ui::chunks::FAILED_ID
            ))
            .ok()
            .flatten()
            .is_some()
}

/// The router context provided by [`provide_router`].
pub fn use_router() -> Router {
    expect_context::<Router>()
}

impl Router {
    /// Goes to `href` (a `#/…` fragment) at once: the view updates in this same
    /// task, and the address bar follows through the History API. With
    /// `replace`, the current history entry is replaced (used while typing, so
    /// Back does not replay every keystroke).
    pub fn navigate(self, href: &str, replace: bool) {
        let Some(next) = Location::from_hash(href) else {
            return;
        };
        if let Ok(history) = window().history() {
            let url = Some(href);
            let _ = if replace {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", url)
            } else {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", url)
            };
        }
        if self.location.with_untracked(|l| *l != next) {
            self.set_location.set(next);
        }
    }
}
