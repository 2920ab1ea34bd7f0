//! Home page: what the campus is and the two ways in (find a training, become a trainer).

use leptos::prelude::*;

use crate::i18n::Text;
use crate::routes::Route;
use crate::ui::i18n::use_i18n;
use crate::ui::page::use_static_page_title;

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    use_static_page_title(Text::TitleHome);
    view! {
        <div class="fr-container fr-my-7w">
            <h1>{i18n.t(Text::ServiceName)}</h1>
            <p class="fr-text--lead">{i18n.t(Text::HomeLead)}</p>
            <div class="fr-grid-row fr-grid-row--gutters">
                <div class="fr-col-12 fr-col-md-6">
                    <div class="fr-card fr-enlarge-link">
                        <div class="fr-card__body">
                            <div class="fr-card__content">
                                <h2 class="fr-card__title">
                                    <a href=Route::Catalogue.href()>{i18n.t(Text::HomeExploreLink)}</a>
                                </h2>
                                <p class="fr-card__desc">{i18n.t(Text::HomeExploreText)}</p>
                                <div class="fr-card__start">
                                    <p class="fr-card__detail">{i18n.t(Text::HomeExploreTitle)}</p>
                                </div>
                            </div>
                        </div>
                    </div>
                </div>
                <div class="fr-col-12 fr-col-md-6">
                    <div class="fr-card fr-enlarge-link">
                        <div class="fr-card__body">
                            <div class="fr-card__content">
                                <h2 class="fr-card__title">
                                    <a href=Route::TrainerCall.href()>{i18n.t(Text::HomeTrainerLink)}</a>
                                </h2>
                                <p class="fr-card__desc">{i18n.t(Text::HomeTrainerText)}</p>
                                <div class="fr-card__start">
                                    <p class="fr-card__detail">{i18n.t(Text::HomeTrainerTitle)}</p>
                                </div>
                            </div>
                        </div>
                    </div>
                </div>
            </div>
        </div>
    }
}
