//! A course page: everything the contract says about one course, its modules or
//! parcours, upcoming sessions (register, add to calendar), similar courses.

use std::sync::Arc;

use leptos::prelude::*;

use super::components::{
    course_badges, skipped_notice, BookmarkButton, CourseCard, WidgetSelectionLink, WithCatalogue,
};
use super::loader::{use_catalogue, LoadedCatalogue};
use crate::ui::clock::now_unix;
use crate::ui::download::download;
use crate::ui::external_link::ExternalLink;
use crate::ui::i18n::use_i18n;
use crate::ui::page::use_page_title;
use crate::ui::router::{absolute, use_router};
use campus_core::catalogue::excerpt::SIMILAR_COURSES;
use campus_core::catalogue::export::{session_ics, session_ics_name};
use campus_core::catalogue::feeds::{course_feed_path, has_course_feed, webcal};
use campus_core::catalogue::filters::FilterValue;
use campus_core::catalogue::labels;
use campus_core::catalogue::model::{Course, Kind, Session};
use campus_core::catalogue::next_step::{mailto, next_step, NextStep};
use campus_core::catalogue::offer::is_offered;
use campus_core::catalogue::query::{CatalogueQuery, Filters};
use campus_core::catalogue::schedule::session_schedule_text;
use campus_core::i18n::typography::french_spacing;
use campus_core::i18n::CAMPUS_EMAIL;
use campus_core::i18n::{Locale, Text};
use campus_core::routes::Route;

fn link_to(course: &Course) -> impl IntoView {
    view! { <a class="fr-link" href=Route::Course(course.id.clone()).href()>{course.title.clone()}</a> }
}

/// One upcoming session. `registrable` is false for a sur-mesure programme,
/// whose sessions are never registered for (nor added to a calendar): they
/// show no seats count either.
fn session_item(course: &Course, session: &Session, registrable: bool) -> impl IntoView {
    let i18n = use_i18n();
    let format = session.format;
    let schedule_session = session.clone();
    let place = session
        .place
        .as_ref()
        .map(|p| format!("{} ({})", p.city, p.region));
    let seats = session.seats_left.filter(|_| registrable);
    // A full session offers neither registration nor a calendar entry. The
    // page's one primary button is its next step: these are secondary.
    let offered = is_offered(course, session);
    let registration = session.registration_url.clone().filter(|_| offered);
    let ics_course = course.clone();
    let ics_session = session.clone();
    let add_to_calendar = move |_| {
        let href = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        let ics = session_ics(
            &ics_course,
            &ics_session,
            now_unix(),
            &href,
            i18n.locale_untracked(),
        );
        if let Err(e) = download(
            &session_ics_name(&ics_course.id, &ics_session),
            "text/calendar;charset=utf-8",
            &ics,
        ) {
            web_sys::console::error_1(&e);
        }
    };
    let title = course.title.clone();
    view! {
        <li class="fr-mb-3w campus-session">
            <p class="fr-mb-1v">
                <strong>{move || session_schedule_text(&schedule_session, i18n.locale())}</strong>
            </p>
            <p class="fr-mb-1v">
                {move || labels::format(format, i18n.locale())}
                {move || {
                    labels::session_place(place.as_deref(), format, i18n.locale())
                        .map(|p| format!(" · {p}"))
                        .unwrap_or_default()
                }}
                {move || match seats {
                    Some(0) => format!(" · {}", Text::Full.get(i18n.locale())),
                    Some(1) => format!(" · 1 {}", Text::SeatLeft.get(i18n.locale())),
                    Some(n) => format!(" · {n} {}", Text::SeatsLeft.get(i18n.locale())),
                    None => String::new(),
                }}
            </p>
            {offered.then(|| view! {
                <ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm fr-btns-group--icon-left">
                    {registration.map(|url| {
                        view! {
                            <li>
                                <ExternalLink href=url label=Text::Register context=title.clone() class="fr-btn fr-btn--sm fr-btn--secondary" />
                            </li>
                        }
                    })}
                    <li>
                        <button
                            type="button"
                            class="fr-btn fr-btn--sm fr-btn--tertiary fr-btn--icon-left fr-icon-calendar-line"
                            on:click=add_to_calendar
                        >
                            {i18n.t(Text::AddToCalendar)}
                        </button>
                    </li>
                </ul>
            })}
        </li>
    }
}

/// The links to follow the course's sessions in a calendar: its feed
/// (`catalogue::feeds`, written by `campus-pages`) as a `webcal:`
/// subscription, on the site's absolute address, and as a file to download.
/// Only for a course with a feed, and whose folder the pages were written
/// for (a course added since has no feed yet).
fn subscribe_links(course: &Course, l: Locale) -> Option<impl IntoView> {
    use campus_core::i18n::feeds::FeedText;
    let written = !Route::Course(course.id.clone()).href().contains('?');
    let path = course_feed_path(&course.id).filter(|_| written && has_course_feed(course))?;
    let subscription = webcal(&absolute(&path)).map(|href| {
        view! {
            <li>
                <a class="fr-btn fr-btn--sm fr-btn--secondary fr-btn--icon-left fr-icon-calendar-line" href=href>
                    {FeedText::Subscribe.get(l)}
                </a>
            </li>
        }
    });
    Some(view! {
        <p class="fr-mt-3w fr-mb-1w">{FeedText::Hint.get(l)}</p>
        <ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm fr-btns-group--icon-left">
            {subscription}
            <li><a class="fr-btn fr-btn--sm fr-btn--tertiary" href=path download="">{FeedText::Download.get(l)}</a></li>
        </ul>
    })
}

/// Who the course is for, who may attend, and its price, stated plainly.
fn key_facts(course: &Course, l: Locale) -> impl IntoView {
    let audience = course
        .audience
        .iter()
        .map(|a| labels::audience(*a, l))
        .collect::<Vec<_>>()
        .join(", ");
    let eligibility = course.eligibility.clone().map(|text| {
        view! { <div><dt>{Text::FactEligibility.get(l)}</dt> <dd>{text}</dd></div> }
    });
    let languages = labels::languages_fact(course, l)
        .map(|(heading, value)| view! { <div><dt>{heading}</dt> <dd>{value}</dd></div> });
    view! {
        <dl class="campus-key-facts fr-mb-2w">
            <div><dt>{Text::FactAudience.get(l)}</dt> <dd>{audience}</dd></div>
            {eligibility}
            {languages}
            <div><dt>{Text::FactPrice.get(l)}</dt> <dd>{labels::price(course, l)}</dd></div>
        </dl>
    }
}

/// The course's next step: why (when it needs saying), its one primary
/// button, and "Écrire à l'équipe pédagogique" as a secondary one.
fn next_step_view(course: &Course, step: NextStep<'_>, l: Locale) -> impl IntoView {
    let label = labels::next_step(&step, l);
    let note = labels::next_step_note(&step, l).map(|n| view! { <p class="fr-mb-2w">{n}</p> });
    let subject = labels::mail_subject(&course.title, l);
    let primary = match step {
        NextStep::Register { url, .. } | NextStep::StartElearning { url } => {
            let title = format!("{label} - {}", Text::NewWindow.get(l));
            view! {
                <a class="fr-btn" href=url.to_owned() target="_blank" rel="noopener noreferrer" title=title>
                    {label}
                </a>
            }
            .into_any()
        }
        NextStep::Write { email, .. } => {
            view! { <a class="fr-btn" href=mailto(email, &subject)>{label}</a> }.into_any()
        }
        NextStep::AskForIt { .. } => {
            view! { <a class="fr-btn" href=Route::request_href(Some(&course.id))>{label}</a> }
                .into_any()
        }
    };
    let secondary = step.secondary_contact(course).map(|email| {
        view! {
            <li>
                <a class="fr-btn fr-btn--secondary" href=mailto(email, &subject)>{Text::CtaWrite.get(l)}</a>
            </li>
        }
    });
    let team = step.offers_team_request().then(|| {
        view! {
            <li>
                <a class="fr-btn fr-btn--secondary" href=Route::request_href(Some(&course.id))>{Text::CtaAskForTeam.get(l)}</a>
            </li>
        }
    });
    view! {
        <div class="campus-next-step">
            {note}
            <ul class="fr-btns-group fr-btns-group--inline-md">
                <li>{primary}</li>
                {secondary}
                {team}
            </ul>
        </div>
    }
}

/// The body of a course page once the catalogue is loaded.
fn course_view(loaded: Arc<LoadedCatalogue>, id: String, filters: Filters) -> AnyView {
    let i18n = use_i18n();
    let explorer = &loaded.explorer;
    let catalogue = &explorer.catalogue;
    let Some(position) = explorer.position(&id) else {
        return view! {
            <h1>{i18n.t(Text::CourseNotFound)}</h1>
            <p class="fr-text--lead">{i18n.t(Text::CourseNotFoundText)}</p>
            <a class="fr-btn" href=Route::Catalogue.href()>{i18n.t(Text::BackToCatalogue)}</a>
        }
        .into_any();
    };
    let course = catalogue.courses[position].clone();

    let now = explorer.now();
    // The whole view is rebuilt when the language changes (see `CoursePage`).
    let l = i18n.locale_untracked();
    // The course's own texts are French: spaced as French needs, and marked
    // `lang="fr"` under an English interface.
    let lang = move || i18n.content_lang();
    let title = french_spacing(&course.title).into_owned();
    let domains = course
        .domains
        .iter()
        .filter_map(|d| catalogue.domain(d))
        .map(|d| {
            let href = Route::catalogue_href(
                &CatalogueQuery::filtered_on(FilterValue::Domain(d.id.clone())).to_query_string(),
            );
            view! { <li><a class="fr-tag fr-tag--sm" href=href>{d.label.clone()}</a></li> }
        })
        .collect_view();
    let paragraphs = course
        .paragraphs()
        .map(|p| view! { <p>{french_spacing(p).into_owned()}</p> })
        .collect_view();
    let objectives = course
        .objectives
        .iter()
        .map(|o| view! { <li>{french_spacing(o).into_owned()}</li> })
        .collect_view();
    let prerequisites = if course.prerequisites.is_empty() {
        view! { <p>{i18n.t(Text::NoPrerequisites)}</p> }.into_any()
    } else {
        view! { <ul lang=lang>{course.prerequisites.iter().map(|p| view! { <li>{french_spacing(p).into_owned()}</li> }).collect_view()}</ul> }.into_any()
    };
    let modules = (course.kind == Kind::Parcours && !course.modules.is_empty()).then(|| {
        let items = course
            .modules
            .iter()
            .filter_map(|m| explorer.position(m).map(|i| &catalogue.courses[i]))
            .map(|m| {
                let hours = m.duration_hours;
                view! { <li>{link_to(m)} " (" {move || labels::hours(hours, i18n.locale())} ")"</li> }
            })
            .collect_view();
        view! {
            <h2 class="fr-h4 fr-mt-5w">{i18n.t(Text::ModulesOfParcours)}</h2>
            <ol>{items}</ol>
        }
    });
    let parents: Vec<_> = catalogue
        .parcours_containing(&course.id)
        .map(|p| view! { <li>{link_to(p)}</li> })
        .collect();
    let part_of = (!parents.is_empty()).then(|| {
        view! {
            <h2 class="fr-h4 fr-mt-5w">{i18n.t(Text::PartOfParcours)}</h2>
            <ul>{parents}</ul>
        }
    });
    // The sessions the catalogue's filters kept (region, format), when the
    // visitor came from a filtered list; with a link to all of them.
    let wanted = explorer
        .sanitize(CatalogueQuery {
            filters: filters.for_sessions(),
            ..CatalogueQuery::default()
        })
        .filters;
    let all_upcoming = course.upcoming_sessions(now).count();
    let kept = explorer.matching_sessions(&course, &wanted);
    let next = next_step_view(&course, next_step(&course, &kept, now, CAMPUS_EMAIL), l);
    let upcoming: Vec<Session> = kept.into_iter().cloned().collect();
    let narrowed = (wanted != Filters::default() && upcoming.len() < all_upcoming).then(|| {
        let all_href = Route::Course(course.id.clone()).href();
        view! {
            <p class="fr-mb-2w" id="sessions-filtrees">
                {i18n.t(Text::SessionsNarrowed)} " (" {upcoming.len()} "/" {all_upcoming} ") · "
                <a class="fr-link" href=all_href>{i18n.t(Text::AllSessions)}</a>
            </p>
        }
    });
    let registrable = course.kind != Kind::SurMesure;
    let sessions = if upcoming.is_empty() {
        let text = if course.format == campus_core::catalogue::model::Format::ELearning {
            Text::SelfPaced
        } else {
            Text::NoUpcomingSessions
        };
        view! { <p>{i18n.t(text)}</p> }.into_any()
    } else {
        let items = upcoming
            .iter()
            .map(|s| session_item(&course, s, registrable))
            .collect_view();
        view! {
            {(!registrable).then(|| view! { <p class="fr-mb-2w">{Text::SurMesureSessions.get(l)}</p> })}
            <ul class="campus-results">{items}</ul>
        }
        .into_any()
    };
    let subscribe = subscribe_links(&course, l);
    let sessions = view! { {narrowed} {sessions} {subscribe} };
    // A course page's excerpt carries the similar courses the whole
    // catalogue ranks (it holds too few courses to rank them itself). In the
    // browser, what the whole catalogue looks them up in is built in the
    // background once it is shown: until then the section is left out (it
    // comes last, below the fold), then drawn.
    let similar_view = {
        let loaded = loaded.clone();
        move || {
            let explorer = &loaded.explorer;
            let similar: Vec<u32> = match &loaded.excerpt {
                Some(excerpt) => excerpt
                    .similar
                    .iter()
                    .filter_map(|id| explorer.position(id))
                    .filter_map(|p| u32::try_from(p).ok())
                    .collect(),
                None if cfg!(feature = "csr") && !explorer.has_similar() => {
                    loaded.similar_built.track();
                    Vec::new()
                }
                None => explorer.similar(position, SIMILAR_COURSES),
            };
            (!similar.is_empty()).then(|| {
                let cards = similar
                    .into_iter()
                    .map(|doc| view! { <li><CourseCard catalogue=loaded.clone() doc=doc /></li> })
                    .collect_view();
                view! {
                    <h2 class="fr-h4 fr-mt-5w">{i18n.t(Text::SimilarCourses)}</h2>
                    <ul class="campus-results">{cards}</ul>
                }
            })
        }
    };
    let more = course.url.clone().map(|url| {
        view! { <p><ExternalLink href=url label=Text::MoreInfo context=course.title.clone() /></p> }
    });
    let (hours, format, level) = (course.duration_hours, course.format, course.level);
    let provider = course.provider.clone();
    let facts = key_facts(&course, l);
    // In a widget the way back is its catalogue as the visitor left it (the
    // host's domain, their search), and the campus's home page, which would
    // open inside the host's page, is not offered.
    let in_widget = crate::embed::widget::read_params().embedded;
    let home = (!in_widget).then(|| {
        view! { <li><a class="fr-breadcrumb__link" href=Route::Home.href()>{i18n.t(Text::NavHome)}</a></li> }
    });
    let catalogue_href = use_router().catalogue_return_href();

    view! {
        <nav class="fr-breadcrumb" aria-label="fil d'Ariane">
            <ol class="fr-breadcrumb__list">
                {home}
                <li><a class="fr-breadcrumb__link" href=catalogue_href>{i18n.t(Text::NavCatalogue)}</a></li>
                <li><a class="fr-breadcrumb__link" aria-current="page" lang=lang>{title.clone()}</a></li>
            </ol>
        </nav>
        {course_badges(&course)}
        <h1 class="fr-mt-2w" lang=lang>{title.clone()}</h1>
        <p class="fr-text--lead" lang=lang>{french_spacing(&course.summary).into_owned()}</p>
        {facts}
        {next}
        <ul class="fr-tags-group fr-mt-3w" aria-label=i18n.t(Text::DomainsLabel)>{domains}</ul>
        <BookmarkButton id=course.id.clone() title=title.clone() />
        <WidgetSelectionLink />
        <div class="fr-grid-row fr-grid-row--gutters fr-mt-3w">
            <div class="fr-col-12 fr-col-md-8">
                <h2 class="fr-h4">{i18n.t(Text::About)}</h2>
                <div lang=lang>{paragraphs}</div>
                {more}
                <h2 class="fr-h4 fr-mt-5w">{i18n.t(Text::Objectives)}</h2>
                <ul lang=lang>{objectives}</ul>
                <h2 class="fr-h4 fr-mt-5w">{i18n.t(Text::Prerequisites)}</h2>
                {prerequisites}
                {modules}
                {part_of}
                <h2 class="fr-h4 fr-mt-5w">{i18n.t(Text::UpcomingSessions)}</h2>
                {sessions}
            </div>
            <div class="fr-col-12 fr-col-md-4">
                <div class="fr-callout">
                    <h2 class="fr-callout__title fr-h5">{i18n.t(Text::AtAGlance)}</h2>
                    <dl class="campus-facts">
                        <dt>{i18n.t(Text::DurationLabel)}</dt>
                        <dd>{move || labels::hours(hours, i18n.locale())}</dd>
                        <dt>{i18n.t(Text::FilterFormat)}</dt>
                        <dd>{move || labels::format(format, i18n.locale())}</dd>
                        <dt>{i18n.t(Text::FilterLevel)}</dt>
                        <dd>{move || labels::level(level, i18n.locale())}</dd>
                        <dt>{i18n.t(Text::ProviderLabel)}</dt>
                        <dd>{provider}</dd>
                    </dl>
                </div>
            </div>
        </div>
        {similar_view}
    }
    .into_any()
}

/// The page of the course `id`.
#[component]
pub fn CoursePage(
    /// The course id from the URL.
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let catalogue = use_catalogue();
    let router = use_router();
    let query = Memo::new(move |_| router.location().query);
    let filters = Memo::new(move |_| query.with(|q| CatalogueQuery::from_query_string(q).filters));
    // The excerpt the page's file carries, or the whole catalogue once here
    // (`for_course`); read by the title, the focus and the body alike.
    let shown_id = id.clone();
    let loaded = Signal::derive(move || query.with(|q| catalogue.for_course(&shown_id, q)));
    let title_id = id.clone();
    use_page_title(move |l| match loaded.get() {
        Some(loaded) => loaded.explorer.position(&title_id).map_or_else(
            || Text::CourseNotFound.get(l).to_owned(),
            |p| loaded.explorer.catalogue.courses[p].title.clone(),
        ),
        None => Text::TitleCourse.get(l).to_owned(),
    });
    // Badges and cards are rendered in one language: rebuilt on a switch.
    let shown = move |loaded: Arc<LoadedCatalogue>, id: String| {
        move || {
            i18n.locale();
            course_view(loaded.clone(), id.clone(), filters.get())
        }
    };
    // The course's heading comes with its data: a route change that found
    // none (the whole catalogue on its way) gives it the focus then.
    Effect::new(move || {
        if loaded.with(Option::is_some) {
            router.settle_focus();
        }
    });
    // Until the course's data is here, the catalogue's loading or failure.
    let body = move || match loaded.get() {
        Some(loaded) => {
            view! { {skipped_notice(loaded.skipped)} {shown(loaded, id.clone())} }.into_any()
        }
        None => {
            let id = id.clone();
            view! { <WithCatalogue ready=move |loaded| shown(loaded, id.clone()) /> }.into_any()
        }
    };
    view! { <div class="fr-container fr-my-5w">{body}</div> }
}
