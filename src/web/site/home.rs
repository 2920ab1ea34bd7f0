//! Home page: what the campus is, its key figures, the training fields with their
//! course counts, the next sessions, and the call for trainers. Figures, fields
//! and the call come from the catalogue data, so the campus updates them without
//! a release.

use std::sync::Arc;

use leptos::prelude::*;

use crate::catalogue::components::WithCatalogue;
use crate::catalogue::loader::{use_catalogue, LoadedCatalogue};
use crate::ui::i18n::use_i18n;
use crate::ui::page::use_static_page_title;
use crate::ui::router::use_router;
use crate::ui::search_bar::SearchBar;
use campus_core::catalogue::filters::FilterValue;
use campus_core::catalogue::labels;
use campus_core::catalogue::query::CatalogueQuery;
use campus_core::catalogue::summary::{Summary, HOME_SESSIONS};
use campus_core::i18n::typography::french_spacing;
use campus_core::i18n::Text;
use campus_core::routes::Route;

/// What the home page shows of the catalogue, on the day `now` (unix time).
fn home_data(summary: &Summary, now: i64) -> impl IntoView {
    let i18n = use_i18n();

    let figures = (!summary.figures.is_empty()).then(|| {
        let items = summary
            .figures
            .iter()
            .map(|f| {
                view! {
                    <li class="fr-col-6 fr-col-md-4 fr-col-lg-3">
                        <p class="fr-h3 fr-mb-0" lang=move || i18n.content_lang()>{french_spacing(&f.value).into_owned()}</p>
                        <p class="fr-text--sm" lang=move || i18n.content_lang()>{french_spacing(&f.label).into_owned()}</p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h2 class="fr-mt-6w">{i18n.t(Text::HomeFiguresTitle)}</h2>
            <ul class="fr-grid-row fr-grid-row--gutters campus-figures">{items}</ul>
        }
    });

    let domains = summary
        .domains
        .iter()
        .map(|d| {
            let count = d.courses;
            let href = Route::catalogue_href(&CatalogueQuery::filtered_on(FilterValue::Domain(d.id.clone())).to_query_string());
            view! {
                <li class="fr-col-12 fr-col-md-6 fr-col-lg-4">
                    <div class="fr-tile fr-enlarge-link">
                        <div class="fr-tile__body">
                            <div class="fr-tile__content">
                                <h3 class="fr-tile__title" lang=move || i18n.content_lang()><a href=href>{d.label.clone()}</a></h3>
                                <p class="fr-tile__desc" lang=move || i18n.content_lang()>{french_spacing(&d.description).into_owned()}</p>
                                <p class="fr-tile__detail">{move || labels::courses_count(count, i18n.locale())}</p>
                            </div>
                        </div>
                    </div>
                </li>
            }
        })
        .collect_view();

    let sessions = summary
        .upcoming(now, HOME_SESSIONS)
        .unwrap_or_default()
        .iter()
        .map(|s| {
            let (start, end) = (s.start, s.end);
            view! {
                <li>
                    <a class="fr-link" href=Route::Course(s.course.clone()).href() lang=move || i18n.content_lang()>{french_spacing(&s.title).into_owned()}</a>
                    " – "
                    {move || labels::session_span(start, end, i18n.locale())}
                </li>
            }
        })
        .collect_view();
    let upcoming_href = Route::catalogue_href(
        &CatalogueQuery::filtered_on(FilterValue::Upcoming).to_query_string(),
    );

    let call = summary.trainer_call.clone().map(|call| {
        let skills = call.sought_skills.join(", ");
        let today = now.div_euclid(86_400);
        let status_call = call.clone();
        view! {
            <div class="fr-callout fr-mt-6w">
                <h2 class="fr-callout__title">{i18n.t(Text::HomeTrainerTitle)}</h2>
                <p class="fr-callout__text">{move || labels::call_status(Some(&status_call), today, i18n.locale()).1}</p>
                {(!skills.is_empty()).then(|| view! { <p>{i18n.t(Text::HomeSoughtSkills)} " " {skills}</p> })}
                <a class="fr-btn" href=Route::TrainerCall.href()>{i18n.t(Text::HomeTrainerLink)}</a>
            </div>
        }
    });

    view! {
        {figures}
        <h2 class="fr-mt-6w">{i18n.t(Text::HomeDomainsTitle)}</h2>
        <ul class="fr-grid-row fr-grid-row--gutters campus-domains">{domains}</ul>
        <h2 class="fr-mt-6w">{i18n.t(Text::HomeUpcomingTitle)}</h2>
        <ul class="campus-upcoming">{sessions}</ul>
        <p><a class="fr-link" href=upcoming_href>{i18n.t(Text::HomeAllUpcoming)}</a></p>
        {call}
    }
}

/// What the home page shows of the whole catalogue: its summary, made once
/// with it (`LoadedCatalogue::summary`).
fn home_from_catalogue(loaded: Arc<LoadedCatalogue>) -> impl IntoView {
    let now = loaded.explorer.now();
    loaded
        .summary
        .as_ref()
        .map(|summary| home_data(summary, now))
}

/// The home page's share of the catalogue: from the whole catalogue if it is
/// already here (another page fetched it), else from the summary the page's
/// file carries when that tells what is true today, else from the catalogue
/// once fetched (with its loading and error states). Chosen when the page is
/// shown and the configuration known, not again: the page is not rebuilt
/// under the visitor when the catalogue arrives.
fn home_catalogue() -> impl IntoView {
    let catalogue = use_catalogue();
    let loaded = catalogue.is_ready_untracked();
    let summary = Memo::new(move |_| if loaded { None } else { catalogue.summary() });
    move || match summary.get() {
        Some(summary) => home_data(&summary, crate::ui::clock::now_unix()).into_any(),
        None => view! {
            <WithCatalogue ready=home_from_catalogue />
        }
        .into_any(),
    }
}

/// A search box that opens the catalogue on the text typed.
#[component]
fn HomeSearch() -> impl IntoView {
    let router = use_router();
    let text = RwSignal::new(String::new());
    let submit = move |()| {
        let query = CatalogueQuery {
            text: text.get_untracked().trim().to_owned(),
            ..CatalogueQuery::default()
        };
        router.navigate(&Route::catalogue_href(&query.to_query_string()), false);
    };
    view! {
        <SearchBar
            id="recherche-accueil"
            value=text
            on_input=Callback::new(move |t| text.set(t))
            on_submit=Callback::new(submit)
        />
    }
}

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    use_static_page_title(Text::TitleHome);
    view! {
        <div class="fr-container fr-my-7w">
            <h1>{i18n.t(Text::ServiceName)}</h1>
            <p class="fr-text--lead">{i18n.t(Text::HomeLead)}</p>
            <HomeSearch />
            <ul class="fr-btns-group fr-btns-group--inline-md">
                <li><a class="fr-btn" href=Route::Catalogue.href()>{i18n.t(Text::HomeExploreLink)}</a></li>
                <li>
                    <a class="fr-btn fr-btn--secondary" href=Route::TrainerCall.href()>
                        {i18n.t(Text::HomeTrainerLink)}
                    </a>
                </li>
            </ul>
            {home_catalogue()}
        </div>
    }
}
