//! The 404 page, following the DSFR error page pattern.

use leptos::prelude::*;

use crate::ui::i18n::use_i18n;
use crate::ui::page::use_static_page_title;
use campus_core::i18n::Text;
use campus_core::routes::Route;

/// Shown for any fragment that matches no route.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    use_static_page_title(Text::TitleNotFound);
    view! {
        <div class="fr-container">
            <div class="fr-my-7w fr-mt-md-12w fr-mb-md-10w fr-grid-row fr-grid-row--gutters fr-grid-row--middle fr-grid-row--center">
                <div class="fr-py-0 fr-col-12 fr-col-md-6">
                    <h1>{i18n.t(Text::TitleNotFound)}</h1>
                    <p class="fr-text--sm fr-mb-3w">{i18n.t(Text::NotFoundCode)}</p>
                    <p class="fr-text--lead fr-mb-3w">{i18n.t(Text::NotFoundLead)}</p>
                    <p class="fr-text--sm fr-mb-5w">{i18n.t(Text::NotFoundHelp)}</p>
                    <ul class="fr-btns-group fr-btns-group--inline-md">
                        <li>
                            <a class="fr-btn" href=Route::Home.href()>{i18n.t(Text::NotFoundHome)}</a>
                        </li>
                        <li>
                            <a class="fr-btn fr-btn--secondary" href=Route::Sitemap.href()>
                                {i18n.t(Text::TitleSitemap)}
                            </a>
                        </li>
                    </ul>
                </div>
            </div>
        </div>
    }
}
