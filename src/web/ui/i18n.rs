//! The current language as a reactive context, kept in `<html lang>` and in the browser.

use leptos::prelude::*;

use crate::ui::storage;
use campus_core::i18n::{Locale, Texts};

/// Where the chosen language is remembered across visits.
const STORAGE_KEY: &str = "campus.locale";

/// The language context: copy it freely, it is a signal handle.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
}

impl I18n {
    /// The current locale (tracked).
    pub fn locale(self) -> Locale {
        self.locale.get()
    }

    /// The current locale, without tracking: for views that are rebuilt as a
    /// whole when the language changes (result lists).
    pub fn locale_untracked(self) -> Locale {
        self.locale.get_untracked()
    }

    /// The `lang` of the catalogue's own texts (titles, summaries, figures),
    /// which are French: `Some("fr")` while the interface is in another
    /// language, so that screen readers switch voice (RGAA 8.7); `None` in
    /// French (tracked).
    pub fn content_lang(self) -> Option<&'static str> {
        (self.locale() != Locale::Fr).then_some("fr")
    }

    /// Switches language and remembers the choice.
    pub fn set_locale(self, locale: Locale) {
        self.locale.set(locale);
        storage::set(STORAGE_KEY, locale.tag());
    }

    /// A reactive getter for `key` in the current language, for use in views.
    pub fn t<K: Texts>(self, key: K) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || key.get(self.locale.get())
    }
}

/// Creates the language context (`requested` by an embedding host, else the
/// stored choice, else French), keeps `<html lang>` in step, and provides it.
pub fn provide_i18n(requested: Option<Locale>) -> I18n {
    let initial = requested
        .or_else(|| storage::get(STORAGE_KEY).and_then(|tag| Locale::from_tag(&tag)))
        .unwrap_or_default();
    let i18n = I18n {
        locale: RwSignal::new(initial),
    };
    Effect::new(move |_| {
        let tag = i18n.locale().tag();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", tag);
        }
    });
    provide_context(i18n);
    i18n
}

/// The language context provided by [`provide_i18n`].
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}
