//! Where the keyboard focus goes: the ids of the elements that take it on a
//! page change (the main content, a page's loading message or its failure),
//! and moving it to an element. A leaf of `ui`: the router, the boot and the
//! layout all use it, and it uses none of them.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The main content: the skip link's target, focused on a route change.
pub const MAIN_ID: &str = "contenu";

/// Id of the message a page shows while its chunk is on its way (its `h1`,
/// so that the page always has one, gets the focus until the page's own does).
pub const LOADING_ID: &str = "page-en-chargement";

/// The id of the alert shown when a page's code could not be fetched.
pub const FAILED_ID: &str = "page-non-chargee";

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
