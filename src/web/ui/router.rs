//! The router: the current [`Location`] as a signal, driven by the address bar.
//!
//! Every page has a real address (`catalogue/?q=data`, `formation/x/`, see
//! `routes.rs`) and every document names the site root as its `<base>`, so
//! links are plain relative `<a href>`s that work without the app. Once the
//! app is shown, a click on one is kept in this document (History API);
//! Back and Forward come back through `popstate`. Opening in a new tab,
//! reloading and sharing load the page's own file.

#[cfg(feature = "csr")]
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use campus_core::routes::{Location, Route};

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
    /// The widget's keys of the first address (`embed=1&origin=…`), kept in
    /// every address the widget moves to, so that a reload stays a widget.
    sticky: StoredValue<String>,
    /// The query of the catalogue page last shown in this document: where
    /// a course page's way back leads (a widget's domain, the visitor's search).
    catalogue_query: StoredValue<String>,
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

    /// Remembers the query of the catalogue page being shown.
    pub fn remember_catalogue(self, query: String) {
        self.catalogue_query.set_value(query);
    }

    /// The catalogue as it was last shown in this document (its search,
    /// filters and page), or the whole catalogue.
    pub fn catalogue_return_href(self) -> String {
        self.catalogue_query
            .with_value(|q| Route::catalogue_href(q))
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

/// The site root (`https://host/formations/campus/`), which every document
/// names as its `<base>` (index.html's own is `./`). The base of links to
/// the full site (from a widget), of shared links and of the course links in
/// exports.
pub fn site_root() -> String {
    if let Some(prerender) = crate::ui::boot::prerender() {
        return prerender.site_url;
    }
    document().base_uri().ok().flatten().unwrap_or_default()
}

/// The absolute address of `href`, a link of the app relative to the site
/// root (`formation/x/`, `./`).
pub fn absolute(href: &str) -> String {
    format!("{}{}", site_root(), href.strip_prefix("./").unwrap_or(href))
}

/// The location in the address bar: the page under the site root, and its
/// query without the widget's own keys.
fn current_location() -> Location {
    let href = window().location().href().unwrap_or_default();
    // The page and, when it carries the query (a long one), the fragment;
    // an anchor (`#contenu`) is no part of the location.
    let (page, fragment) = href.split_once('#').unwrap_or((&href, ""));
    let href = match fragment.contains('=') {
        true => href.as_str(),
        false => page,
    };
    let mut current = href
        .strip_prefix(site_root().as_str())
        .and_then(Location::from_href)
        .unwrap_or(Location {
            route: Route::NotFound,
            query: String::new(),
        });
    current.query = campus_core::embed::params::without_widget_keys(&current.query);
    current
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

/// Starts following the address bar and provides the [`Router`] context.
///
/// When the route (not just its query) changes, focus moves to the new page's `h1`
/// so that keyboard and screen-reader users land on the new content (RGAA 12.x).
pub fn provide_router() -> Router {
    // The static-page renderer names its page; the browser reads the URL.
    let (initial, sticky) = match crate::ui::boot::prerender() {
        Some(prerender) => (prerender.location, String::new()),
        None => (
            current_location(),
            campus_core::embed::params::widget_keys(
                &window().location().search().unwrap_or_default(),
            ),
        ),
    };
    let (location, set_location) = signal(initial);
    let arrival_focus = StoredValue::new(None::<String>);
    let router = Router {
        location,
        set_location,
        arrival_focus,
        focus_pending: StoredValue::new(false),
        sticky: StoredValue::new(sticky),
        catalogue_query: StoredValue::new(String::new()),
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
    // Back and Forward over entries made by `navigate`; equal locations are
    // ignored.
    let popstate = window_event_listener(ev::popstate, move |_| {
        let next = current_location();
        if location.with_untracked(|l| *l != next) {
            set_location.set(next);
        }
    });
    // An in-page anchor typed in the address bar (`#contenu`) gets the focus.
    let hashchange = window_event_listener(ev::hashchange, move |_| {
        let hash = window().location().hash().unwrap_or_default();
        crate::ui::focus::focus_element_by_id(hash.trim_start_matches('#'));
    });
    // Links into the app are kept in this document. Modified clicks (new
    // tab, new window, download), links with a target and links out of the
    // app are left to the browser; so are all links of a widget that opens
    // them on the full site (`embed::widget`).
    let new_tab = router.sticky.with_value(|sticky| {
        campus_core::embed::params::EmbedParams::from_query(sticky).links
            == campus_core::embed::params::LinkMode::NewTab
    });
    let click = window_event_listener(ev::click, move |event: ev::MouseEvent| {
        // (While the static content is in view, its links are plain links:
        // the hidden app must not move to a page the visitor cannot see.)
        if new_tab
            || !crate::ui::boot::app_shown()
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
        let root = site_root();
        let Some(rest) = href.strip_prefix(root.as_str()) else {
            return;
        };
        // An in-page anchor of the live app (`#contenu`, resolved against
        // the site root): the page stays, the target gets the focus.
        if let Some(id) = rest.strip_prefix('#') {
            event.prevent_default();
            crate::ui::focus::focus_element_by_id(id);
            return;
        }
        if Location::of_page(rest).is_some() {
            event.prevent_default();
            router.navigate(rest, false);
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
        crate::ui::focus::focus_element_by_id(&id);
        return;
    }
    // A page whose code is on its way shows a loading message as its `h1`:
    // it gets the focus for now, and the page's own heading once it is there.
    let arriving = document()
        .get_element_by_id(crate::ui::focus::LOADING_ID)
        .is_some();
    if !focus_page_heading() {
        crate::ui::focus::focus_element_by_id(crate::ui::focus::MAIN_ID);
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
        || active.id() == crate::ui::focus::MAIN_ID
        || active
            .closest(&format!(
                "#{}, #{}",
                crate::ui::focus::LOADING_ID,
                crate::ui::focus::FAILED_ID
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
    /// Goes to `href` (a link of the app, relative to the site root, as
    /// [`Route::href`] writes them) at once: the view updates in this same
    /// task, and the address bar follows through the History API. With
    /// `replace`, the current history entry is replaced (used while typing, so
    /// Back does not replay every keystroke).
    pub fn navigate(self, href: &str, replace: bool) {
        let Some(next) = Location::from_href(href) else {
            return;
        };
        let rel = href.strip_prefix("./").unwrap_or(href);
        let rel = self
            .sticky
            .with_value(|sticky| campus_core::routes::with_query(rel.to_owned(), sticky));
        let url = format!("{}{rel}", site_root());
        if let Ok(history) = window().history() {
            let url = Some(url.as_str());
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
