//! Per-page helpers: the document title.

use leptos::prelude::*;

use crate::ui::i18n::use_i18n;
use campus_core::i18n::{document_title, Locale, Text};

/// Keeps `document.title` as "<page> - Campus du numérique public" in the current
/// language, for the lifetime of the calling component.
pub fn use_page_title(page: impl Fn(Locale) -> String + Send + Sync + 'static) {
    let i18n = use_i18n();
    // The static-page renderer writes the title into the file's <title>.
    if let Some(prerender) = crate::ui::boot::prerender() {
        if let Ok(mut title) = prerender.title.lock() {
            let locale = i18n.locale_untracked();
            *title = document_title(&page(locale), locale);
        }
        return;
    }
    Effect::new(move |_| {
        let locale = i18n.locale();
        document().set_title(&document_title(&page(locale), locale));
    });
}

/// [`use_page_title`] for a page whose title is a fixed [`Text`].
pub fn use_static_page_title(title: Text) {
    use_page_title(move |locale| title.get(locale).to_owned());
}
