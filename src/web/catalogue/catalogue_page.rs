//! The catalogue page: search as you type, filters with live counts, active
//! filter tags, sort, pages, CSV export, and suggestions when nothing matches.
//! All state is in the URL; this view reads it and navigates.

use std::sync::Arc;

use leptos::prelude::*;

use super::components::{CourseCard, WidgetSelectionLink, WithCatalogue};
use super::loader::LoadedCatalogue;
use crate::ui::boot::use_deferred;
use crate::ui::download::download;
use crate::ui::focus::focus_element_by_id;
use crate::ui::i18n::use_i18n;
use crate::ui::page::use_page_title;
use crate::ui::perf::measure;
use crate::ui::router::{use_router, Router};
use crate::ui::search_bar::SearchBar;
use campus_core::catalogue::explore::{Dropped, Results};
use campus_core::catalogue::export::courses_csv;
use campus_core::catalogue::filters::{panel_groups, FilterKey, FilterValue};
use campus_core::catalogue::labels;
use campus_core::catalogue::query::{catalogue_title, CatalogueQuery};
use campus_core::catalogue::url_value::Sort;
use campus_core::catalogue::url_value::UrlValue;
use campus_core::i18n::CAMPUS_EMAIL;
use campus_core::i18n::{args as text_args, Locale, Text};
use campus_core::routes::Route;
use campus_core::util::percent::percent_encode;

/// Cards built by the first render of the results (more than a screen's worth
/// on a desktop; the others come one task later).
const FIRST_CARDS: usize = 4;

/// Id of the results heading (focus target after paging or removing a filter).
const RESULTS_ID: &str = "resultats";

fn go(router: Router, query: &CatalogueQuery, replace: bool) {
    router.navigate(&Route::catalogue_href(&query.to_query_string()), replace);
}

fn focus_results() {
    request_animation_frame(|| focus_element_by_id(RESULTS_ID));
}

/// HTML id part of a filter group: its URL key, or `autres` for the flags'.
fn group_id(group: &[FilterKey]) -> &'static str {
    match group {
        [key] if !key.is_flag() => key.url_key(),
        _ => "autres",
    }
}

/// Legend of a filter group: its filter's label, or "Autres critères".
fn group_legend(group: &[FilterKey]) -> Text {
    match group {
        [key] if !key.is_flag() => key.spec().label,
        _ => Text::FilterOther,
    }
}

/// HTML id of a filter value's checkbox (`filtre-type-module`, `filtre-gratuit-1`).
fn checkbox_id(value: &FilterValue) -> String {
    format!(
        "filtre-{}-{}",
        value.key().url_key(),
        percent_encode(&value.url_value()).replace('%', "_")
    )
}

/// The filter panel. Its DOM is built once per catalogue; only checked states and
/// counts update, so keyboard focus stays on the checkbox being toggled.
#[component]
fn FilterPanel(
    loaded: Arc<LoadedCatalogue>,
    query: Memo<CatalogueQuery>,
    results: Memo<Results>,
) -> impl IntoView {
    let router = use_router();
    let i18n = use_i18n();
    let facets = loaded.explorer.facet_index();
    // On small screens the filters fold behind a button so results come first.
    let open = RwSignal::new(false);
    // Computed once per query change (and unchanged while only the text changes):
    // every checkbox reads it.
    let active_filters = Memo::new(move |_| query.with(|q| q.filters.active()));
    let active = move || active_filters.with(Vec::len);
    view! {
        <section class="campus-filters campus-needs-app" aria-labelledby="filtres-titre">
            <h2 id="filtres-titre" class="fr-h5">{i18n.t(Text::FiltersTitle)}</h2>
            <button
                type="button"
                class="fr-btn fr-btn--secondary fr-btn--sm fr-hidden-md fr-mb-2w"
                aria-controls="filtres-contenu"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || {
                    let l = i18n.locale();
                    let label = if open.get() { Text::HideFilters } else { Text::ShowFilters };
                    match active() {
                        0 => label.get(l).to_owned(),
                        n => format!("{} ({n})", label.get(l)),
                    }
                }}
            </button>
            <div id="filtres-contenu" class="campus-filters__body" class=("campus-filters__body--open", move || open.get())>
            {panel_groups()
                .into_iter()
                .filter(|group| group.iter().any(|k| !facets.values(*k).is_empty()))
                .map(|group| {
                    let group_key = group_id(&group);
                    let (toggle_id, options_id) =
                        (format!("filtre-{group_key}-bouton"), format!("filtre-{group_key}-options"));
                    // A group is folded, its options not built (the page's weight
                    // is mostly its elements), until it is opened; one with a
                    // value in force is open. Once the visitor has opened, closed
                    // or ticked in it, their choice holds: unticking its last
                    // value never folds the group under the keyboard's focus.
                    let (touched, expanded) = (RwSignal::new(false), RwSignal::new(false));
                    let keys = group.clone();
                    let in_force = Memo::new(move |_| {
                        active_filters.with(|a| a.iter().filter(|v| keys.contains(&v.key())).count())
                    });
                    let shown = move || if touched.get() { expanded.get() } else { in_force.get() > 0 };
                    let legend = group_legend(&group);
                    let options_loaded = loaded.clone();
                    let options = move || {
                        let loaded = options_loaded.clone();
                        let facets = options_loaded.explorer.facet_index();
                        group
                            .iter()
                            .flat_map(|key| facets.values(*key).iter().cloned().enumerate().map(move |(index, value)| (*key, index, value)))
                            .map(|(key, index, value)| {
                                let id = checkbox_id(&value);
                                let label_loaded = loaded.clone();
                                let (checked, toggled, label) = (value.clone(), value.clone(), value);
                                view! {
                                    <div class="fr-checkbox-group fr-checkbox-group--sm">
                                        <input
                                            type="checkbox"
                                            id=id.clone()
                                            name=key.url_key()
                                            prop:checked=move || active_filters.with(|a| a.contains(&checked))
                                            on:change=move |_| {
                                                touched.set(true);
                                                expanded.set(true);
                                                go(router, &query.get_untracked().toggled(toggled.clone()), false);
                                            }
                                        />
                                        <label class="fr-label" for=id>
                                            {move || label.label(&label_loaded.explorer.catalogue, i18n.locale())}
                                            " "
                                            <span class="campus-filter-count">
                                                {move || {
                                                    let n = results.with(|r| r.counts.of(key).get(index).copied().unwrap_or(0));
                                                    format!("({n})")
                                                }}
                                            </span>
                                        </label>
                                    </div>
                                }
                            })
                            .collect_view()
                    };
                    let labelled_by = toggle_id.clone();
                    let toggle_controls = options_id.clone();
                    view! {
                        <h3 class="campus-filter-group">
                            <button
                                type="button"
                                id=toggle_id
                                class="campus-filter-group__toggle"
                                aria-expanded=move || shown().to_string()
                                // Only while its options exist (the checker and
                                // assistive tools want a real target).
                                aria-controls=move || shown().then(|| toggle_controls.clone())
                                on:click=move |_| {
                                    let open = !shown();
                                    touched.set(true);
                                    expanded.set(open);
                                }
                            >
                                {move || match in_force.get() {
                                    0 => i18n.t(legend)().to_owned(),
                                    n => format!("{} ({n})", i18n.t(legend)()),
                                }}
                            </button>
                        </h3>
                        {move || shown().then(|| view! {
                            <fieldset class="fr-fieldset campus-filter-options" id=options_id.clone() aria-labelledby=labelled_by.clone()>
                                {options()}
                            </fieldset>
                        })}
                    }
                })
                .collect_view()}
            // On a phone the results are far below the filters: this closes
            // them and takes the reader (and focus) to the results.
            <button
                type="button"
                class="fr-btn fr-hidden-md fr-mt-2w campus-see-results"
                on:click=move |_| {
                    open.set(false);
                    request_animation_frame(|| {
                        if let Some(el) = document().get_element_by_id(RESULTS_ID) {
                            el.scroll_into_view();
                        }
                        focus_element_by_id(RESULTS_ID);
                    });
                }
            >
                {move || {
                    let l = i18n.locale();
                    match results.with(|r| r.all.len()) {
                        0 => Text::SeeNoResult.get(l).to_owned(),
                        1 => Text::SeeOneResult.get(l).to_owned(),
                        n => text_args::SeeResults {
                            n: &labels::group_thousands(n, l),
                        }
                        .get(l),
                    }
                }}
            </button>
            </div>
        </section>
    }
}

/// Removable tags of the active filters, with "clear all".
#[component]
fn ActiveFilters(loaded: Arc<LoadedCatalogue>, query: Memo<CatalogueQuery>) -> impl IntoView {
    let router = use_router();
    let i18n = use_i18n();
    move || {
        let q = query.get();
        let active = q.filters.active();
        if active.is_empty() {
            return ().into_any();
        }
        let l = i18n.locale();
        let tags = active
            .into_iter()
            .map(|value| {
                let label = value.label(&loaded.explorer.catalogue, l);
                let target = q.without(&value);
                view! {
                    <li>
                        <button
                            type="button"
                            class="fr-tag fr-tag--sm fr-tag--dismiss"
                            aria-label=format!("{} {label}", Text::RemoveFilter.get(l))
                            on:click=move |_| {
                                go(router, &target, false);
                                focus_results();
                            }
                        >
                            {label.clone()}
                        </button>
                    </li>
                }
            })
            .collect_view();
        let cleared = q.without_filters();
        view! {
            <div class="fr-mb-2w campus-active-filters">
                <p class="fr-text--sm fr-mb-1w" id="filtres-actifs">{Text::ActiveFilters.get(l)}</p>
                <ul class="fr-tags-group" aria-labelledby="filtres-actifs">
                    {tags}
                    <li>
                        <button
                            type="button"
                            class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline"
                            on:click=move |_| {
                                go(router, &cleared, false);
                                focus_results();
                            }
                        >
                            {Text::ClearAll.get(l)}
                        </button>
                    </li>
                </ul>
            </div>
        }
        .into_any()
    }
}

/// DSFR pagination with links (each page has its own URL).
fn pagination(query: &CatalogueQuery, page: u32, pages: u32, l: Locale) -> impl IntoView {
    let href = |p: u32| {
        let q = CatalogueQuery {
            page: p,
            ..query.clone()
        };
        Route::catalogue_href(&q.to_query_string())
    };
    // Pages around the current one, plus the first and last.
    let mut shown: Vec<u32> = vec![1, page.saturating_sub(1), page, page + 1, pages]
        .into_iter()
        .filter(|p| (1..=pages).contains(p))
        .collect();
    campus_core::util::sort::sort(&mut shown);
    shown.dedup();
    let edge = |class: &'static str, label: Text, target: Option<u32>| {
        match target {
        Some(p) => view! {
            <li>
                <a class=format!("fr-pagination__link {class}") href=href(p)>{label.get(l)}</a>
            </li>
        }
        .into_any(),
        None => view! {
            <li>
                <a class=format!("fr-pagination__link {class}") aria-disabled="true" role="link">{label.get(l)}</a>
            </li>
        }
        .into_any(),
    }
    };
    let mut previous = 0;
    let numbers = shown
        .into_iter()
        .map(|p| {
            let gap = (p > previous + 1).then(
                || view! { <li><span class="fr-pagination__link fr-displayed-lg">"…"</span></li> },
            );
            previous = p;
            let title = format!("{} {p}", Text::PageWord.get(l));
            let link = if p == page {
                view! { <a class="fr-pagination__link" aria-current="page" title=title>{p}</a> }
                    .into_any()
            } else {
                view! { <a class="fr-pagination__link" href=href(p) title=title>{p}</a> }.into_any()
            };
            view! { {gap} <li>{link}</li> }
        })
        .collect_view();
    view! {
        <nav class="fr-pagination fr-mt-4w" aria-label=Text::PaginationLabel.get(l)>
            <ul class="fr-pagination__list">
                {edge("fr-pagination__link--first", Text::PageFirst, (page > 1).then_some(1))}
                {edge("fr-pagination__link--prev fr-pagination__link--lg-label", Text::PagePrevious, (page > 1).then(|| page - 1))}
                {numbers}
                {edge("fr-pagination__link--next fr-pagination__link--lg-label", Text::PageNext, (page < pages).then(|| page + 1))}
                {edge("fr-pagination__link--last", Text::PageLast, (page < pages).then_some(pages))}
            </ul>
        </nav>
    }
}

/// The results column: count, tags, sort, export, list or suggestions, pages.
#[component]
fn ResultsPanel(
    loaded: Arc<LoadedCatalogue>,
    query: Memo<CatalogueQuery>,
    results: Memo<Results>,
) -> impl IntoView {
    let router = use_router();
    let i18n = use_i18n();
    // Shown twice (the heading and the live region): formatted once.
    let heading = Memo::new(move |_| {
        let l = i18n.locale();
        let count = results.with(|r| r.all.len());
        let text = query.with(|q| q.text.trim().to_owned());
        let mut s = labels::courses_count(count, l);
        if !text.is_empty() {
            s.push_str(&format!(" {} {}", Text::ResultsFor.get(l), l.quote(&text)));
        }
        let pages = results.with(|r| r.pages);
        if pages > 1 {
            s.push_str(&format!(
                " – {} {} {} {pages}",
                Text::PageWord.get(l),
                results.with(|r| r.page),
                Text::PageOf.get(l)
            ));
        }
        s
    });
    let export_loaded = loaded.clone();
    let export = move |_| {
        let explorer = &export_loaded.explorer;
        let filters = query.with_untracked(|q| q.filters.clone());
        // Each row names the session the card announces (the filters' own).
        let rows: Vec<(u32, Option<usize>)> = results.with_untracked(|r| {
            r.all
                .iter()
                .map(|&doc| {
                    let course = &explorer.catalogue.courses[doc as usize];
                    let session = explorer
                        .next_open_session(course, &filters)
                        .and_then(|s| course.sessions.iter().position(|x| std::ptr::eq(x, s)));
                    (doc, session)
                })
                .collect()
        });
        let base = crate::ui::router::site_root();
        let csv = courses_csv(&explorer.catalogue, &rows, &base, i18n.locale_untracked());
        if let Err(e) = download("campus-formations.csv", "text/csv;charset=utf-8", &csv) {
            web_sys::console::error_1(&e);
        }
    };
    let sort_select = move || {
        let current = query.with(|q| q.sort);
        let l = i18n.locale();
        Sort::VALUES
            .iter()
            .map(|s| view! { <option value=s.url_value() selected=*s == current>{labels::sort(*s, l)}</option> })
            .collect_view()
    };
    let suggest_loaded = loaded.clone();
    let no_results = move || {
        let l = i18n.locale();
        let suggestions = suggest_loaded.explorer.suggestions(&query.get(), 5);
        let text = query.with(|q| q.text.trim().to_owned());
        let items = suggestions
            .into_iter()
            .map(|s| {
                let what = match &s.dropped {
                    Dropped::Text => format!(
                        "{}{}{}",
                        l.quote(&text),
                        l.colon(),
                        Text::SuggestWithoutText.get(l)
                    ),
                    Dropped::AllFilters => Text::SuggestWithoutFilters.get(l).to_owned(),
                    Dropped::Filter(value) => {
                        format!(
                            "{} {}",
                            Text::SuggestWithout.get(l),
                            l.quote(&value.label(&suggest_loaded.explorer.catalogue, l))
                        )
                    }
                };
                let href = Route::catalogue_href(&s.query.to_query_string());
                view! {
                    <li>
                        <a class="fr-link" href=href>{what}</a>
                        " (" {labels::courses_count(s.count, l)} ")"
                    </li>
                }
            })
            .collect_view();
        // The closest spelling, if it gives results: "Vouliez-vous dire…".
        let corrected = suggest_loaded
            .explorer
            .search_index()
            .did_you_mean(&text)
            .map(|better| {
                let q = CatalogueQuery {
                    text: better.clone(),
                    page: 1,
                    ..query.get()
                };
                let href = Route::catalogue_href(&q.to_query_string());
                view! {
                    <p class="fr-text--lg" id="vouliez-vous-dire">
                        {Text::DidYouMean.get(l)} " "
                        <a class="fr-link fr-text--lg" href=href>{Text::QuoteOpen.get(l)} {better} {Text::QuoteClose.get(l)}</a>
                        {Text::QuestionMark.get(l)}
                    </p>
                }
            });
        view! {
            <div class="campus-no-results">
                <p class="fr-text--lead">{Text::NoResultsTitle.get(l)}</p>
                {corrected}
                <p>{Text::NoResultsTry.get(l)}</p>
                <ul>{items}</ul>
                // A way forward when the catalogue has nothing: a programme
                // built for a team, or a word with the campus team.
                <p class="fr-mt-3w fr-mb-1w">{Text::NoResultsElsewhere.get(l)}</p>
                <ul>
                    <li><a class="fr-link" href=Route::request_href(None)>{Text::NoResultsAskTailorMade.get(l)}</a></li>
                    <li>
                        <a class="fr-link" href=format!("mailto:{CAMPUS_EMAIL}")>{Text::NoResultsWrite.get(l)}</a>
                        {format!("{}{CAMPUS_EMAIL}", l.colon())}
                    </li>
                </ul>
            </div>
        }
    };
    // Cards are keyed by course: one still in the results is kept (only its
    // highlighting updates), so typing re-creates only the cards that change.
    let matcher = Memo::new(move |_| results.with(|r| r.matcher.clone()));
    let card_filters = Signal::derive(move || query.with(|q| q.filters.clone()));
    let items = Memo::new(move |_| results.with(|r| r.page_items.clone()));
    // The first render builds a screen of cards; the rest of the page follows
    // in the next task (see `use_deferred`).
    let all_cards = use_deferred();
    let shown_items = move || {
        let limit = if all_cards.get() {
            usize::MAX
        } else {
            FIRST_CARDS
        };
        items.with(|i| i.iter().take(limit).copied().collect::<Vec<_>>())
    };
    let has_results = Memo::new(move |_| items.with(|i| !i.is_empty()));
    let list_loaded = loaded.clone();
    let list = view! {
        <Show when=move || has_results.get() fallback=no_results>
            <ul class="campus-results">
                {
                    let list_loaded = list_loaded.clone();
                    move || {
                        // Cards are rendered in one language: rebuild them all when it changes.
                        i18n.locale();
                        let list_loaded = list_loaded.clone();
                        view! {
                            <For
                                each=shown_items
                                key=|doc| *doc
                                children=move |doc| view! { <li><CourseCard catalogue=list_loaded.clone() doc=doc matcher=matcher filters=card_filters /></li> }
                            />
                        }
                    }
                }
            </ul>
        </Show>
        {move || {
            let (page, pages) = results.with(|r| (r.page, r.pages));
            (pages > 1).then(|| pagination(&query.get(), page, pages, i18n.locale()))
        }}
    };
    view! {
        <div class="campus-results-panel">
            <h2 id=RESULTS_ID class="fr-h4" tabindex="-1">{heading}</h2>
            <p class="fr-sr-only" role="status" aria-live="polite">{heading}</p>
            <ActiveFilters loaded=loaded.clone() query=query />
            <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom fr-mb-2w">
                <div class="fr-col-12 fr-col-sm-6">
                    <div class="fr-select-group">
                        <label class="fr-label" for="tri">{i18n.t(Text::SortLabel)}</label>
                        <select
                            class="fr-select"
                            id="tri"
                            name="tri"
                            on:change=move |ev| {
                                let value = event_target_value(&ev);
                                let mut q = query.get_untracked();
                                q.sort = Sort::from_url_value(&value).unwrap_or_default();
                                q.page = 1;
                                go(router, &q, false);
                            }
                        >
                            {sort_select}
                        </select>
                    </div>
                </div>
                <div class="fr-col-12 fr-col-sm-6 campus-export">
                    <button
                        type="button"
                        class="fr-btn fr-btn--secondary fr-btn--sm fr-btn--icon-left fr-icon-download-line"
                        disabled=move || results.with(|r| r.all.is_empty())
                        on:click=export
                    >
                        {i18n.t(Text::ExportCsv)}
                    </button>
                </div>
            </div>
            {list}
        </div>
    }
}

/// The loaded catalogue's explorer.
#[component]
fn CatalogueExplorer(loaded: Arc<LoadedCatalogue>, query: Memo<CatalogueQuery>) -> impl IntoView {
    let router = use_router();
    // Values this catalogue does not have (`domaine=cyber`, a widget's
    // `data-domain="Cybersécurité"`) are dropped: no tag, no empty result.
    let raw = query;
    let clean_loaded = loaded.clone();
    let query = Memo::new(move |_| clean_loaded.explorer.sanitize(raw.get()));
    let warn_loaded = loaded.clone();
    Effect::new(move |_| {
        let warnings = raw.with(|q| warn_loaded.explorer.unknown_value_warnings(q));
        if warnings.is_empty() {
            return;
        }
        for warning in &warnings {
            web_sys::console::warn_1(&warning.as_str().into());
        }
        go(router, &query.get_untracked(), true);
    });
    let run_loaded = loaded.clone();
    let results = Memo::new(move |_| {
        let q = query.get();
        measure("campus:search", || run_loaded.explorer.run(&q))
    });
    // The filters render a task after the results (see `use_deferred`).
    let filters_shown = use_deferred();
    let filters_loaded = loaded.clone();
    // A new page of results: take keyboard focus to its heading.
    Effect::new(move |previous: Option<u32>| {
        let page = query.with(|q| q.page);
        if previous.is_some_and(|p| p != page) {
            focus_results();
        }
        page
    });
    view! {
        <SearchBar
            id="recherche"
            value=Signal::derive(move || query.with(|q| q.text.clone()))
            on_input=Callback::new(move |text: String| {
                measure("campus:input", || {
                    let mut q = query.get_untracked();
                    q.text = text;
                    q.page = 1;
                    go(router, &q, true);
                });
            })
            on_submit=Callback::new(|()| {})
            hint_id="recherche-aide"
            hint=Text::SearchHint
        />
        <div class="fr-grid-row fr-grid-row--gutters">
            <div class="fr-col-12 fr-col-md-4 fr-col-lg-3">
                {move || filters_shown.get().then(|| view! {
                    <FilterPanel loaded=filters_loaded.clone() query=query results=results />
                })}
            </div>
            <div class="fr-col-12 fr-col-md-8 fr-col-lg-9">
                <ResultsPanel loaded=loaded query=query results=results />
            </div>
        </div>
    }
}

/// The catalogue explorer page.
#[component]
pub fn CataloguePage() -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    let query = Memo::new(move |_| CatalogueQuery::from_query_string(&router.location().query));
    use_page_title(move |l| query.with(|q| catalogue_title(q, l)));
    // A course page's way back leads to this catalogue as it is.
    Effect::new(move || router.remember_catalogue(query.with(|q| q.to_query_string())));
    view! {
        <div class="fr-container fr-my-7w">
            <h1>{i18n.t(Text::TitleCatalogue)}</h1>
            <p class="fr-text--lead">{i18n.t(Text::CatalogueIntro)}</p>
            <WidgetSelectionLink />
            <WithCatalogue ready=move |loaded| view! { <CatalogueExplorer loaded=loaded query=query /> } />
        </div>
    }
}
