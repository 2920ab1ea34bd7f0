//! The call for volunteer trainers.

use leptos::prelude::*;

use crate::i18n::Text;
use crate::routes::Route;
use crate::ui::i18n::use_i18n;
use crate::ui::page::use_static_page_title;

/// What volunteers gain and how to apply.
#[component]
pub fn TrainerCallPage() -> impl IntoView {
    let i18n = use_i18n();
    use_static_page_title(Text::TitleTrainerCall);
    view! {
        <div class="fr-container fr-my-7w">
            <h1>{i18n.t(Text::TitleTrainerCall)}</h1>
            <p class="fr-text--lead">{i18n.t(Text::TrainerCallIntro)}</p>
            <a class="fr-btn" href=Route::Application.href()>{i18n.t(Text::TrainerCallApply)}</a>
        </div>
    }
}
