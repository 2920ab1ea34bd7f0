//! View pieces shared by the catalogue pages: highlighted text, course cards,
//! the bookmark button, and the loading / error / skipped notices.

use std::sync::Arc;

use leptos::prelude::*;

use super::bookmarks::use_bookmarks;
use super::loader::{use_catalogue, CatalogueState, LoadError, LoadedCatalogue};
use crate::ui::i18n::use_i18n;
use campus_core::catalogue::explore::Explorer;
use campus_core::catalogue::labels;
use campus_core::catalogue::model::{Course, Format, Kind, Session};
use campus_core::catalogue::query::{CatalogueQuery, Filters};
use campus_core::catalogue::search::{highlight, Matcher};
use campus_core::catalogue::selection::{share_href, MAX_BOOKMARKS};
use campus_core::i18n::typography::french_spacing;
use campus_core::i18n::Text;
use campus_core::routes::Route;

/// Text with the words matched by a search wrapped in `<mark>`. Text nodes only:
/// catalogue text is never parsed as HTML.
pub fn highlighted(text: &str, matcher: &Matcher) -> impl IntoView {
    highlight(text, matcher)
        .into_iter()
        .map(|(run, marked)| {
            let run = run.to_owned();
            if marked {
                view! { <mark>{run}</mark> }.into_any()
            } else {
                run.into_any()
            }
        })
        .collect_view()
}

/// "Ajouter à ma sélection" / "Retirer de ma sélection", as a toggle button.
#[component]
pub fn BookmarkButton(
    /// The course id.
    id: String,
    /// The course title, for the accessible name.
    title: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let bookmarks = use_bookmarks();
    let check_id: Arc<str> = id.as_str().into();
    let saved = Signal::derive(move || bookmarks.contains(&check_id));
    // A full selection takes no more: the button says so instead of doing
    // nothing.
    let full = Signal::derive(move || !saved.get() && bookmarks.len() >= MAX_BOOKMARKS);
    // Labels are fixed for this render: lists are rebuilt when the language changes.
    let l = i18n.locale_untracked();
    let (add, remove, full_text) = (
        Text::AddToSelection.get(l),
        Text::RemoveFromSelection.get(l),
        Text::SelectionFull.get(l),
    );
    let colon = l.colon();
    view! {
        <button
            type="button"
            class="fr-btn fr-btn--sm fr-btn--tertiary fr-btn--icon-left campus-needs-app"
            data-favori=id.clone()
            class=("fr-icon-bookmark-line", move || !saved.get())
            class=("fr-icon-bookmark-fill", move || saved.get())
            aria-pressed=move || saved.get().to_string()
            aria-disabled=move || full.get().then_some("true")
            title=move || format!("{}{colon}{}", if saved.get() { remove } else { add }, title)
            on:click=move |_| bookmarks.toggle(&id)
        >
            {move || match (saved.get(), full.get()) {
                (true, _) => remove,
                (false, true) => full_text,
                (false, false) => add,
            }}
        </button>
    }
}

/// In a compact widget, which has no header: « Ma sélection (n) » once
/// something is bookmarked, so that the visitor sees what they keep. Where
/// the widget's links open the full site, the link carries the selection
/// (a shared selection's address): the full site's storage is not the
/// widget's.
#[component]
pub fn WidgetSelectionLink() -> impl IntoView {
    let params = crate::embed::widget::read_params();
    let shown = params.embedded && params.compact;
    let new_tab = params.links == campus_core::embed::params::LinkMode::NewTab;
    let bookmarks = use_bookmarks();
    let i18n = use_i18n();
    move || {
        (shown && !bookmarks.is_empty()).then(|| {
            let href = if new_tab {
                bookmarks.with_ids(|ids| share_href(ids))
            } else {
                Route::Selection.href()
            };
            view! {
                <p class="fr-mt-1w">
                    <a class="fr-link fr-icon-bookmark-fill fr-link--icon-left" id="widget-selection" href=href>
                        {format!("{} ({})", Text::NavSelection.get(i18n.locale()), bookmarks.len())}
                    </a>
                </p>
            }
        })
    }
}

/// The small badges of a course: kind, level, free/paid (in the current language;
/// callers are rebuilt when it changes).
pub fn course_badges(course: &Course) -> impl IntoView {
    let l = use_i18n().locale_untracked();
    let free = course.free;
    view! {
        // One paragraph of spans, not a list of three (7 elements to 4: a
        // result page has 20 of them); the spaces between them are what a
        // screen reader and a copy read between the words.
        <p class="fr-badges-group">
            <span class="fr-badge fr-badge--sm fr-badge--blue-ecume">{labels::kind(course.kind, l)}</span>
            " "
            <span class="fr-badge fr-badge--sm">{labels::level(course.level, l)}</span>
            " "
            <span class="fr-badge fr-badge--sm" class=("fr-badge--green-emeraude", free)>
                {if free { Text::Free.get(l) } else { Text::Paid.get(l) }}
            </span>
        </p>
    }
}

/// A course in a result list. Rendered in the current language: put it in a view
/// that is rebuilt when the language changes.
#[component]
pub fn CourseCard(
    /// The catalogue.
    catalogue: Arc<LoadedCatalogue>,
    /// Position of the course.
    doc: u32,
    /// What to highlight (reactive: a card kept across keystrokes re-highlights).
    #[prop(optional, into)]
    matcher: Signal<Matcher>,
    /// Heading level of the title (3 in lists under an h2).
    #[prop(default = 3)]
    heading: u8,
    /// The catalogue filters in force: the announced session is one they keep
    /// (region, format), and the course link carries them.
    #[prop(optional, into)]
    filters: Signal<Filters>,
) -> impl IntoView {
    let i18n = use_i18n();
    let explorer = &catalogue.explorer;
    let Some(course) = explorer.catalogue.courses.get(doc as usize).cloned() else {
        return ().into_any();
    };
    let domains = course
        .domains
        .iter()
        .filter_map(|d| explorer.catalogue.domain(d))
        .map(|d| d.label.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let course_id = course.id.clone();
    let href = move || course_href(&course_id, &filters.get());
    // The catalogue's French texts, spaced as French needs.
    let (title_text, summary_text) = (
        french_spacing(&course.title).into_owned(),
        french_spacing(&course.summary).into_owned(),
    );
    let bookmark_title = title_text.clone();
    let title = move || matcher.with(|m| highlighted(&title_text, m));
    let summary = move || matcher.with(|m| highlighted(&summary_text, m));
    let l = i18n.locale_untracked();
    let details = format!(
        "{} · {}",
        labels::hours(course.duration_hours, l),
        labels::format(course.format, l),
    );
    let when_loaded = catalogue.clone();
    let when_course = course.clone();
    let when = move || {
        filters.with(|f| {
            matcher.with(|m| announced_session(&when_loaded.explorer, &when_course, f, m, l))
        })
    };
    let title_link = view! { <a href=href>{title}</a> };
    let title_view = if heading == 2 {
        view! { <h2 class="fr-card__title" lang=move || i18n.content_lang()>{title_link}</h2> }
            .into_any()
    } else {
        view! { <h3 class="fr-card__title" lang=move || i18n.content_lang()>{title_link}</h3> }
            .into_any()
    };
    view! {
        <div class="fr-card fr-card--horizontal fr-card--sm campus-course-card">
            <div class="fr-card__body">
                <div class="fr-card__content">
                    {title_view}
                    <p class="fr-card__desc" lang=move || i18n.content_lang()>{summary}</p>
                    <div class="fr-card__start">
                        {course_badges(&course)}
                        <p class="fr-card__detail">{domains}</p>
                    </div>
                    <div class="fr-card__end">
                        <p class="fr-card__detail">{details}</p>
                        <p class="fr-card__detail campus-next-session">{when}</p>
                    </div>
                </div>
                <div class="fr-card__footer">
                    <BookmarkButton id=course.id.clone() title=bookmark_title />
                </div>
            </div>
        </div>
    }
    .into_any()
}

/// The link to a course page, carrying the filters that narrow its sessions
/// (region, format), so the page shows the same sessions as the card.
pub fn course_href(id: &str, filters: &Filters) -> String {
    let narrowing = CatalogueQuery {
        filters: filters.for_sessions(),
        ..CatalogueQuery::default()
    }
    .to_query_string();
    campus_core::routes::with_query(Route::Course(id.to_owned()).href(), &narrowing)
}

/// "Prochaine session : 12 mars 2027 · Lyon · Présentiel", from the sessions
/// the filters keep, with seats left: one in a place the search names first.
fn announced_session(
    explorer: &Explorer,
    course: &Course,
    filters: &Filters,
    matcher: &Matcher,
    l: campus_core::i18n::Locale,
) -> String {
    match explorer.announced_session(course, filters, matcher) {
        // A sur-mesure programme is built for a team: it has no session to join.
        _ if course.kind == Kind::SurMesure => Text::OnRequestShort.get(l).to_owned(),
        Some(s) => format!("{} {}", Text::NextSessionLabel.get(l), session_facts(s, l)),
        None if !explorer.matching_sessions(course, filters).is_empty() => {
            Text::AllSessionsFull.get(l).to_owned()
        }
        None if course.format == Format::ELearning => Text::SelfPacedShort.get(l).to_owned(),
        None => Text::NoSession.get(l).to_owned(),
    }
}

/// "12 mars 2027 · Lyon · En présentiel", "12 mars 2027 · À distance".
pub fn session_facts(s: &Session, l: campus_core::i18n::Locale) -> String {
    let city = s.place.as_ref().map(|p| p.city.as_str());
    match labels::session_place(city, s.format, l) {
        Some(place) => format!(
            "{} · {place} · {}",
            labels::date(s.start, l),
            labels::format(s.format, l)
        ),
        None => format!(
            "{} · {}",
            labels::date(s.start, l),
            labels::format(s.format, l)
        ),
    }
}

/// Shows `ready` once the catalogue is loaded; meanwhile a loading state, and on
/// failure an error with a retry button. A notice counts skipped entries.
#[component]
pub fn WithCatalogue<V, F>(
    /// The view of the loaded catalogue.
    ready: F,
) -> impl IntoView
where
    F: Fn(Arc<LoadedCatalogue>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    let ctx = use_catalogue();
    let ready = Arc::new(ready);
    move || match ctx.state() {
        CatalogueState::Loading => view! {
            <div class="campus-loading" role="status" aria-busy="true">
                <p>{i18n.t(Text::CatalogueLoading)}</p>
                <div class="campus-skeleton" aria-hidden="true"></div>
                <div class="campus-skeleton" aria-hidden="true"></div>
                <div class="campus-skeleton" aria-hidden="true"></div>
            </div>
        }
        .into_any(),
        CatalogueState::Failed(error) => {
            let (message, detail) = match error {
                LoadError::Network(d) => (Text::CatalogueErrorNetwork, d),
                LoadError::Invalid(d) => (Text::CatalogueErrorInvalid, d),
                LoadError::Timeout => (Text::CatalogueErrorTimeout, "catalogue: timeout".into()),
                LoadError::ConfigTimeout => (Text::ConfigTimeout, "config.json: timeout".into()),
            };
            view! {
                <div class="fr-alert fr-alert--error fr-mb-4w" role="alert">
                    <h2 class="fr-alert__title">{i18n.t(Text::CatalogueErrorTitle)}</h2>
                    <p>{i18n.t(message)}</p>
                    <p class="fr-text--sm">{i18n.t(Text::CatalogueErrorDetail)} " " {detail}</p>
                    <button type="button" class="fr-btn fr-mt-2w" on:click=move |_| ctx.retry()>
                        {i18n.t(Text::Retry)}
                    </button>
                </div>
            }
            .into_any()
        }
        CatalogueState::Ready(loaded) => {
            view! { {skipped_notice(loaded.skipped)} {ready(loaded)} }.into_any()
        }
    }
}

/// The notice that counts the courses the catalogue left out as invalid
/// (nothing when there are none).
pub fn skipped_notice(skipped: usize) -> impl IntoView {
    let i18n = use_i18n();
    (skipped > 0).then(|| {
        view! {
            <div class="fr-alert fr-alert--warning fr-alert--sm fr-mb-3w campus-skipped">
                <p>
                    {move || match skipped {
                        1 => Text::SkippedOne.get(i18n.locale()).to_owned(),
                        n => format!("{} {}", labels::group_thousands(n, i18n.locale()), Text::SkippedMany.get(i18n.locale())),
                    }}
                </p>
            </div>
        }
    })
}
