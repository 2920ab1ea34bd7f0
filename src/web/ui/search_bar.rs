//! The DSFR search bar (large), shared by the home page and the catalogue: one
//! markup for one control, whatever it does with the text.

use leptos::prelude::*;

use crate::ui::i18n::use_i18n;
use campus_core::i18n::Text;
use campus_core::routes::Route;

/// Longest search text accepted by the input.
pub const MAX_SEARCH_LEN: &str = "200";

/// A labelled search input and its button, in a `<search>` landmark.
#[component]
pub fn SearchBar(
    /// Id of the bar; the input is `{id}-texte`.
    id: &'static str,
    /// The text shown.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the text on every keystroke.
    on_input: Callback<String>,
    /// Called when the form is submitted (Enter, the button).
    on_submit: Callback<()>,
    /// Id of a hint under the bar, if any (`aria-describedby`).
    #[prop(optional)]
    hint_id: Option<&'static str>,
    /// The hint under the bar.
    #[prop(optional)]
    hint: Option<Text>,
) -> impl IntoView {
    let i18n = use_i18n();
    let input_id = format!("{id}-texte");
    view! {
        <search class="fr-mb-4w campus-needs-app">
            // Without JavaScript (a static page), the form asks for the
            // catalogue page with the text as its `q`.
            <form action=Route::Catalogue.href() on:submit=move |ev| {
                ev.prevent_default();
                on_submit.run(());
            }>
                <div class="fr-search-bar fr-search-bar--lg" id=id>
                    <label class="fr-label" for=input_id.clone()>{i18n.t(Text::SearchLabel)}</label>
                    <input
                        class="fr-input"
                        type="search"
                        id=input_id
                        name="q"
                        autocomplete="off"
                        maxlength=MAX_SEARCH_LEN
                        aria-describedby=hint_id
                        placeholder=i18n.t(Text::SearchLabel)
                        prop:value=move || value.get()
                        on:input=move |ev| on_input.run(event_target_value(&ev))
                    />
                    <button class="fr-btn" type="submit" title=i18n.t(Text::SearchButton)>
                        {i18n.t(Text::SearchButton)}
                    </button>
                </div>
                {hint.map(|h| view! { <p class="fr-hint-text fr-mt-1w" id=hint_id>{i18n.t(h)}</p> })}
            </form>
        </search>
    }
}
