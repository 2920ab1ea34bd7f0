//! The catalogue page: search and filters over every course.

use leptos::prelude::*;

use crate::i18n::Text;
use crate::ui::i18n::use_i18n;
use crate::ui::page::use_static_page_title;

/// The catalogue explorer.
#[component]
pub fn CataloguePage() -> impl IntoView {
    let i18n = use_i18n();
    use_static_page_title(Text::TitleCatalogue);
    view! {
        <div class="fr-container fr-my-7w">
            <h1>{i18n.t(Text::TitleCatalogue)}</h1>
            <p class="fr-text--lead">{i18n.t(Text::CatalogueIntro)}</p>
            <p>{i18n.t(Text::ComingSoon)}</p>
        </div>
    }
}
