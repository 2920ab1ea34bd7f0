//! The sitemap ("Plan du site"), required on every public site.

use leptos::prelude::*;

use crate::ui::i18n::use_i18n;
use crate::ui::page::use_static_page_title;
use campus_core::application::form::FormId;
use campus_core::i18n::Text;
use campus_core::routes::Route;

/// Sections of the sitemap and their pages.
const SECTIONS: [(Text, &[(Route, Text)]); 3] = [
    (
        Text::SitemapTrainings,
        &[
            (Route::Home, Text::NavHome),
            (Route::Catalogue, Text::NavCatalogue),
            (Route::FormStart(FormId::Request), Text::TitleRequest),
        ],
    ),
    (
        Text::SitemapTrainers,
        &[
            (Route::TrainerCall, Text::TitleTrainerCall),
            (Route::FormStart(FormId::Trainer), Text::TitleApplication),
        ],
    ),
    (
        Text::SitemapAbout,
        &[
            (Route::Accessibility, Text::TitleAccessibility),
            (Route::LegalNotice, Text::TitleLegalNotice),
            (Route::PersonalData, Text::TitlePersonalData),
            (Route::Sitemap, Text::TitleSitemap),
        ],
    ),
];

/// The sitemap page.
#[component]
pub fn SitemapPage() -> impl IntoView {
    let i18n = use_i18n();
    use_static_page_title(Text::TitleSitemap);
    view! {
        <div class="fr-container fr-my-7w">
            <h1>{i18n.t(Text::TitleSitemap)}</h1>
            {SECTIONS
                .into_iter()
                .map(|(heading, pages)| {
                    view! {
                        <h2>{i18n.t(heading)}</h2>
                        <ul>
                            {pages
                                .iter()
                                .map(|(route, label)| {
                                    view! {
                                        <li>
                                            <a class="fr-link" href=route.href()>{i18n.t(*label)}</a>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })
                .collect_view()}
        </div>
    }
}
