//! Home page: what the campus is, its key figures, the training fields with their
//! course counts, the next sessions, and the call for trainers. Figures, fields
//! and the call come from the catalogue data, so the campus updates them without
//! a release.

use std::sync::Arc;

use leptos::prelude::*;

use crate::catalogue::components::WithCatalogue;
use crate::catalogue::filters::FilterValue;
use crate::catalogue::loader::LoadedCatalogue;
use crate::catalogue::query::CatalogueQuery;
use crate::i18n::typography::french_spacing;
use crate::i18n::{labels, Text};
use crate::routes::Route;
use crate::ui::i18n::use_i18n;
use crate::ui::page::use_static_page_title;
use crate::ui::router::use_router;
use crate::ui::search_bar::SearchBar;

/// How many upcoming sessions the home page lists.
const UPCOMING_SHOWN: usize = 5;

fn home_data(loaded: Arc<LoadedCatalogue>) -> impl IntoView {
    let i18n = use_i18n();
    let explorer = &loaded.explorer;
    let catalogue = &explorer.catalogue;
    let now = explorer.now();

    let figures = (!catalogue.figures.is_empty()).then(|| {
        let items = catalogue
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

    let domains = catalogue
        .domains
        .iter()
        .map(|d| {
            let count = catalogue.courses.iter().filter(|c| c.domains.contains(&d.id)).count();
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

    let mut upcoming: Vec<_> = catalogue
        .courses
        .iter()
        .flat_map(|c| c.upcoming_sessions(now).map(move |s| (s.start, s.end, c)))
        .collect();
    crate::catalogue::sort::sort_by_key(&mut upcoming, |(start, _, c)| (*start, c.id.clone()));
    let sessions = upcoming
        .into_iter()
        .take(UPCOMING_SHOWN)
        .map(|(start, end, course)| {
            view! {
                <li>
                    <a class="fr-link" href=Route::Course(course.id.clone()).href() lang=move || i18n.content_lang()>{french_spacing(&course.title).into_owned()}</a>
                    " – "
                    {move || labels::session_span(start, end, i18n.locale())}
                </li>
            }
        })
        .collect_view();
    let upcoming_href = Route::catalogue_href(
        &CatalogueQuery::filtered_on(FilterValue::Upcoming).to_query_string(),
    );

    let call = catalogue.trainer_call.clone().map(|call| {
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
            <WithCatalogue ready=home_data />
        </div>
    }
}
