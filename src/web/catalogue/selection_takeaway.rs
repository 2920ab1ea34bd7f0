//! Ma sélection to take away: the CSV and calendar downloads, print, and the
//! comparison of two to four courses side by side (its state in the address,
//! `?comparer=a,b`). The views only: what goes in each is decided by
//! [`campus_core::catalogue::takeaway`] and [`campus_core::catalogue::export`].

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::loader::LoadedCatalogue;
use crate::ui::clock::now_unix;
use crate::ui::download::download;
use crate::ui::focus::focus_element_by_id;
use crate::ui::i18n::use_i18n;
use crate::ui::router::{site_root, use_router, Router};
use campus_core::catalogue::export::{course_link, courses_csv, sessions_ics};
use campus_core::catalogue::filters::Filters;
use campus_core::catalogue::model::Course;
use campus_core::catalogue::selection_labels::{
    calendar_hint, compare_announce, compare_heading, compare_unknown, Takeaway,
};
use campus_core::catalogue::takeaway::{
    calendar_event_count, calendar_sessions, compare_href, comparison_rows, Cell, Compared,
    MAX_COMPARED,
};
use campus_core::i18n::typography::french_spacing;

/// Id of the comparison's heading (focused when it appears).
pub const COMPARE_HEADING_ID: &str = "comparaison-titre";
/// Id of the calendar button's explanation.
const CALENDAR_HINT_ID: &str = "selection-agenda-aide";

/// The courses at `docs` (positions), in that order.
fn courses_at(loaded: &LoadedCatalogue, docs: &[u32]) -> Vec<Course> {
    docs.iter()
        .filter_map(|&d| loaded.explorer.catalogue.courses.get(d as usize))
        .cloned()
        .collect()
}

/// « Télécharger (CSV) », « Ajouter les sessions à mon agenda (.ics) » (with
/// how many sessions, or why there are none) and « Imprimer », for the
/// courses at `docs`.
#[component]
pub fn TakeawayActions(
    /// The catalogue.
    catalogue: Arc<LoadedCatalogue>,
    /// The selected courses' positions, in selection order.
    docs: Memo<Vec<u32>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let now = catalogue.explorer.now();
    let count_of = catalogue.clone();
    // (sessions, events) of the calendar file.
    let counts = Memo::new(move |_| {
        let courses = docs.with(|d| courses_at(&count_of, d));
        let refs: Vec<&Course> = courses.iter().collect();
        let sessions = calendar_sessions(&refs, now);
        (sessions.len(), calendar_event_count(&sessions))
    });
    let csv_of = catalogue.clone();
    let on_csv = move |_| {
        let explorer = &csv_of.explorer;
        let filters = Filters::default();
        // Each row names the session a card announces, as the catalogue's export.
        let rows: Vec<(u32, Option<usize>)> = docs.with_untracked(|docs| {
            docs.iter()
                .filter_map(|&doc| {
                    let course = explorer.catalogue.courses.get(doc as usize)?;
                    let session = explorer
                        .next_open_session(course, &filters)
                        .and_then(|s| course.sessions.iter().position(|x| std::ptr::eq(x, s)));
                    Some((doc, session))
                })
                .collect()
        });
        let csv = courses_csv(
            &explorer.catalogue,
            &rows,
            &site_root(),
            i18n.locale_untracked(),
        );
        if let Err(e) = download("ma-selection.csv", "text/csv;charset=utf-8", &csv) {
            web_sys::console::error_1(&e);
        }
    };
    let ics_of = catalogue.clone();
    let on_ics = move |_| {
        let courses = docs.with_untracked(|d| courses_at(&ics_of, d));
        let refs: Vec<&Course> = courses.iter().collect();
        let base = site_root();
        let sessions: Vec<(&Course, &campus_core::catalogue::model::Session, String)> =
            calendar_sessions(&refs, now)
                .into_iter()
                .map(|(c, s)| (c, s, course_link(&base, &c.id)))
                .collect();
        if sessions.is_empty() {
            return;
        }
        let ics = sessions_ics(&sessions, &[], now_unix(), i18n.locale_untracked());
        if let Err(e) = download("ma-selection.ics", "text/calendar;charset=utf-8", &ics) {
            web_sys::console::error_1(&e);
        }
    };
    let on_print = move |_| print_page();
    let hint = move || {
        let l = i18n.locale();
        match counts.get().0 {
            0 => Takeaway::CalendarNone.get(l).to_owned(),
            n => calendar_hint(n, docs.with(Vec::len), l),
        }
    };
    view! {
        <div class="campus-selection-takeaway campus-no-print fr-mb-4w">
            <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
                <li>
                    <button
                        type="button"
                        id="selection-csv"
                        class="fr-btn fr-btn--secondary fr-btn--icon-left fr-icon-download-line"
                        on:click=on_csv
                    >
                        {move || Takeaway::Csv.get(i18n.locale())}
                    </button>
                </li>
                <li>
                    <button
                        type="button"
                        id="selection-agenda"
                        class="fr-btn fr-btn--secondary fr-btn--icon-left fr-icon-calendar-line"
                        aria-describedby=CALENDAR_HINT_ID
                        disabled=move || counts.get().0 == 0
                        on:click=on_ics
                    >
                        {move || Takeaway::Calendar.get(i18n.locale())}
                    </button>
                </li>
                <li>
                    <button
                        type="button"
                        id="selection-imprimer"
                        class="fr-btn fr-btn--tertiary fr-btn--icon-left fr-icon-printer-line"
                        on:click=on_print
                    >
                        {move || Takeaway::Print.get(i18n.locale())}
                    </button>
                </li>
            </ul>
            <p class="fr-hint-text" id=CALENDAR_HINT_ID>{hint}</p>
        </div>
    }
}

/// Opens the browser's print dialog. Never throws: each step is a `Result`
/// (a sandboxed frame refuses). Through `Reflect` rather than web-sys's
/// `Window::print`: the same call, and the main module measured 266 bytes
/// gzip smaller with it (217,955 against 218,221 bytes; tests/budgets.json).
fn print_page() {
    let window = window();
    let print = js_sys::Reflect::get(&window, &wasm_bindgen::JsValue::from_str("print"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(print) = print {
        let _ = print.call0(&window);
    }
}

/// The compared courses, read from the address against the catalogue.
pub fn use_compared(catalogue: Arc<LoadedCatalogue>) -> Memo<Compared> {
    let router = use_router();
    Memo::new(move |_| {
        let query = router.location().query;
        Compared::from_query(&query, |id| catalogue.explorer.position(id).is_some())
    })
}

/// The current query string, without tracking it.
fn current_query(router: Router) -> String {
    untrack(|| router.location().query)
}

/// A course's « Comparer » checkbox. Ticking a fifth is refused (the click
/// is cancelled) and `refused` says so.
#[component]
pub fn CompareBox(
    /// The course's position (the HTML id; course ids are data).
    doc: u32,
    /// The course's id.
    id: String,
    /// The course's title (the checkbox's accessible name).
    title: String,
    /// The compared courses.
    compared: Memo<Compared>,
    /// Set when a fifth course was refused.
    refused: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    let input_id = format!("comparer-{doc}");
    let checked_id = id.clone();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let next = compared.with_untracked(|c| c.toggled(&id));
        match next {
            None => {
                ev.prevent_default();
                refused.set(true);
            }
            Some(ids) => {
                refused.set(false);
                router.navigate(&compare_href(&current_query(router), &ids), true);
            }
        }
    };
    view! {
        <div class="fr-checkbox-group fr-checkbox-group--sm campus-compare-box campus-no-print">
            <input
                type="checkbox"
                id=input_id.clone()
                aria-describedby="comparaison-aide"
                prop:checked=move || compared.with(|c| c.contains(&checked_id))
                on:click=on_click
            />
            <label class="fr-label" for=input_id>
                {move || Takeaway::Compare.get(i18n.locale())}
                <span class="fr-sr-only">" " {move || i18n.locale().quote(&title)}</span>
            </label>
        </div>
    }
}

/// The hint above the list and the refusal of a fifth course.
#[component]
pub fn CompareNotices(
    /// The compared courses.
    compared: Memo<Compared>,
    /// Set when a fifth course was refused.
    refused: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint = move || {
        let l = i18n.locale();
        match compared.with(|c| c.ids.len()) {
            1 => Takeaway::CompareOneMore.get(l),
            _ => Takeaway::CompareHint.get(l),
        }
    };
    let full = move || {
        (refused.get() && compared.with(|c| c.ids.len() >= MAX_COMPARED)).then(|| {
            view! {
                <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-2w" id="comparaison-pleine">
                    <p>{Takeaway::CompareFull.get(i18n.locale())}</p>
                </div>
            }
        })
    };
    view! {
        <div class="campus-no-print">
            <p class="fr-hint-text fr-mb-2w" id="comparaison-aide">{hint}</p>
            <div role="status">{full}</div>
        </div>
    }
}

/// The comparison table of the compared courses, once there are two (shown
/// whether or not they are in this browser's selection: the address may
/// come from someone else), with what the address held that is not
/// compared; focus goes to its heading when it appears, and a polite live
/// region says so.
#[component]
pub fn Comparison(
    /// The catalogue.
    catalogue: Arc<LoadedCatalogue>,
    /// The compared courses.
    compared: Memo<Compared>,
) -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    let shown = Memo::new(move |_| compared.with(Compared::is_shown));
    // Focus follows the comparison when it appears after a tick (not on a
    // page opened with it: the page's own focus rules then).
    Effect::new(move |was: Option<bool>| {
        let now = shown.get();
        if was == Some(false) && now {
            request_animation_frame(|| focus_element_by_id(COMPARE_HEADING_ID));
        }
        now
    });
    let announce = move || {
        let n = compared.with(|c| c.ids.len());
        if shown.get() {
            compare_announce(n, i18n.locale())
        } else {
            String::new()
        }
    };
    let on_clear = move |_| {
        router.navigate(&compare_href::<&str>(&current_query(router), &[]), true);
    };
    let problems = move || {
        let l = i18n.locale();
        let (unknown, over) = compared.with(|c| (c.unknown, c.over));
        let lines: Vec<String> = [
            (unknown > 0).then(|| compare_unknown(unknown, l)),
            (over > 0).then(|| Takeaway::CompareOver.get(l).to_owned()),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!lines.is_empty()).then(|| {
            view! {
                <div class="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" id="comparaison-adresse">
                    {lines.into_iter().map(|t| view! { <p>{t}</p> }).collect_view()}
                </div>
            }
        })
    };
    let now = catalogue.explorer.now();
    let table = move || {
        if !shown.get() {
            return None;
        }
        let l = i18n.locale();
        let courses: Vec<&Course> = compared.with(|c| {
            c.ids
                .iter()
                .filter_map(|id| catalogue.explorer.position(id))
                .filter_map(|p| catalogue.explorer.catalogue.courses.get(p))
                .collect()
        });
        let heads = courses
            .iter()
            .map(|c| {
                let title = french_spacing(&c.title).into_owned();
                view! { <th scope="col" lang=move || i18n.content_lang()>{title}</th> }
            })
            .collect_view();
        let rows = comparison_rows(&courses, now, l)
            .into_iter()
            .map(|row| {
                let cells = row.cells.into_iter().map(cell_view).collect_view();
                view! { <tr><th scope="row">{row.header}</th>{cells}</tr> }
            })
            .collect_view();
        Some(view! {
            <section class="campus-compare fr-mb-5w" aria-labelledby=COMPARE_HEADING_ID>
                <h2 id=COMPARE_HEADING_ID tabindex="-1">{compare_heading(courses.len(), l)}</h2>
                <div class="fr-table fr-table--multiline campus-compare-table">
                    <div class="fr-table__wrapper">
                        <div class="fr-table__container">
                            <div class="fr-table__content">
                                <table>
                                    <caption>{Takeaway::CompareCaption.get(l)}</caption>
                                    <thead>
                                        <tr>
                                            <th scope="col">{Takeaway::CompareCorner.get(l)}</th>
                                            {heads}
                                        </tr>
                                    </thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            </div>
                        </div>
                    </div>
                </div>
                <button
                    type="button"
                    id="comparaison-effacer"
                    class="fr-btn fr-btn--tertiary fr-btn--sm campus-no-print"
                    on:click=on_clear
                >
                    {Takeaway::CompareClear.get(l)}
                </button>
            </section>
        })
    };
    view! {
        <p class="fr-sr-only" role="status" aria-live="polite" id="comparaison-annonce">{announce}</p>
        {problems}
        {table}
    }
}

/// One cell of the comparison (text only: data is never HTML).
fn cell_view(cell: Cell) -> impl IntoView {
    match cell {
        Cell::Text(text) => view! { <td>{text}</td> }.into_any(),
        Cell::Lines(lines, more) => view! {
            <td>
                <ul class="campus-compare-sessions">
                    {lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                </ul>
                {more.map(|m| view! { <p class="fr-text--sm fr-mb-0">{m}</p> })}
            </td>
        }
        .into_any(),
        Cell::Link { href, label, title } => view! {
            <td>
                <a class="fr-link" href=href>
                    {label}
                    <span class="fr-sr-only">" " {title}</span>
                </a>
            </td>
        }
        .into_any(),
    }
}
