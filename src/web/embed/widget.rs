//! The app as a widget in a host page's iframe: its height and route changes are
//! posted to the host, only to the host origin the loader declared (never `*`);
//! links to the full site can open in a new tab.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

use crate::ui::router::Router;
use campus_core::embed::params::{EmbedParams, LinkMode};

/// Reads the widget parameters from the page URL's query.
pub fn read_params() -> EmbedParams {
    if crate::ui::boot::prerender().is_some() {
        return EmbedParams::from_query("");
    }
    let search = window().location().search().unwrap_or_default();
    EmbedParams::from_query(&search)
}

fn post(origin: &str, kind: &str, key: &str, value: JsValue) {
    let Ok(Some(parent)) = window().parent() else {
        return;
    };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &kind.into());
    let _ = js_sys::Reflect::set(&message, &key.into(), &value);
    let _ = parent.post_message(&message, origin);
}

/// The height of the content (not of the iframe's viewport).
fn content_height() -> f64 {
    document()
        .body()
        .map_or(0.0, |b| b.get_bounding_client_rect().height().ceil())
}

/// Starts the widget behaviours; does nothing outside an iframe or without a
/// valid host origin.
pub fn start(params: &EmbedParams, router: Router) {
    if !params.embedded {
        return;
    }
    if let Some(html) = document().document_element() {
        let _ = html.class_list().add_1("campus-embedded");
    }
    if params.links == LinkMode::NewTab {
        // Links to other campus pages open the full site in a new tab.
        let handle = window_event_listener(ev::click, move |event: ev::MouseEvent| {
            let href = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.closest("a[href]").ok().flatten())
                .and_then(|link| link.get_attribute("href"))
                .filter(|href| campus_core::routes::Location::of_page(href).is_some());
            if let Some(href) = href {
                let full = crate::ui::router::absolute(&href);
                event.prevent_default();
                let _ = window().open_with_url_and_target_and_features(&full, "_blank", "noopener");
            }
        });
        on_cleanup(move || handle.remove());
    }
    let Some(origin) = params.host_origin.clone() else {
        return;
    };
    // Height: a ResizeObserver on <body>, so every change (route, step, errors,
    // results) reaches the host, which sizes the iframe: no inner scrollbar.
    let resize_origin = origin.clone();
    let last = std::rc::Rc::new(std::cell::Cell::new(-1.0));
    let report = std::rc::Rc::new(move || {
        let h = content_height();
        if (h - last.get()).abs() >= 1.0 {
            last.set(h);
            post(&resize_origin, "campus:resize", "height", h.into());
        }
    });
    let observed = report.clone();
    let on_resize = Closure::<dyn FnMut()>::new(move || observed());
    // Browsers pause rendering (and so ResizeObserver) in offscreen cross-origin
    // frames; timers still run, so a slow check keeps a widget below the fold
    // sized before the reader scrolls to it.
    let on_timer = Closure::<dyn FnMut()>::new(move || report());
    let _ = window().set_interval_with_callback_and_timeout_and_arguments_0(
        on_timer.as_ref().unchecked_ref(),
        500,
    );
    on_timer.forget();
    if let (Ok(observer), Some(body)) = (
        web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()),
        document().body(),
    ) {
        observer.observe(&body);
        // The observer lives as long as the page: an unreferenced one may be
        // garbage-collected and stop reporting.
        std::mem::forget(observer);
    }
    on_resize.forget();
    // Page or step changes: the host scrolls the widget's top into view.
    let route = Memo::new(move |_| router.route());
    Effect::new(move |previous: Option<()>| {
        let path = route.get().path();
        if previous.is_some() {
            post(&origin, "campus:navigate", "path", path.into());
        }
    });
}
