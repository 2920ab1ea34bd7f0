//! The multi-step application form.

use leptos::prelude::*;

use crate::i18n::Text;
use crate::ui::i18n::use_i18n;
use crate::ui::page::use_static_page_title;

/// The application form.
#[component]
pub fn ApplicationPage() -> impl IntoView {
    let i18n = use_i18n();
    use_static_page_title(Text::TitleApplication);
    view! {
        <div class="fr-container fr-my-7w">
            <h1>{i18n.t(Text::TitleApplication)}</h1>
            <p class="fr-text--lead">{i18n.t(Text::ApplicationIntro)}</p>
            <p>{i18n.t(Text::ComingSoon)}</p>
        </div>
    }
}
