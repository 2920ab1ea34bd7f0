//! `#/ma-selection?ids=a,b,c`: a selection someone shared. Shown apart from
//! the visitor's own, which changes only when they ask ("Ajouter ces
//! formations à ma sélection", "Remplacer ma sélection par celles-ci", each
//! with "Annuler").

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;

use super::bookmarks::use_bookmarks;
use super::components::{CourseCard, WithCatalogue};
use super::loader::{use_catalogue, LoadedCatalogue};
use super::selection_parts::EditNotice;
use crate::ui::focus::focus_element_by_id;
use crate::ui::i18n::use_i18n;
use crate::ui::page::use_static_page_title;
use crate::ui::router::{focus_page_heading, use_router};
use campus_core::catalogue::selection::{EditKind, SharedLink};
use campus_core::catalogue::selection_labels::{
    over_limit, shared_heading, unknown_in_link, unreadable_in_link,
};
use campus_core::i18n::labels::courses_count;
use campus_core::i18n::Text;
use campus_core::routes::Route;

/// Id of "Ajouter ces formations à ma sélection".
const ADD_ID: &str = "selection-ajouter";

/// The courses of the link that the catalogue has, in link order, and how many
/// it does not have.
fn resolve(link: &SharedLink, loaded: &LoadedCatalogue) -> (Vec<String>, usize) {
    let (found, unknown) = link.resolve(|id| loaded.explorer.position(id).is_some());
    (found.into_iter().map(str::to_owned).collect(), unknown)
}

/// The shared selection of `link`.
#[component]
pub fn SharedSelection(
    /// The link, read from the query.
    link: SharedLink,
) -> impl IntoView {
    let i18n = use_i18n();
    let catalogue = use_catalogue();
    use_static_page_title(Text::TitleSharedSelection);
    let link = Arc::new(link);
    let heading_link = link.clone();
    // "Sélection partagée : 3 formations" once the catalogue says which exist.
    let heading = move || {
        let l = i18n.locale();
        match catalogue.ready() {
            Some(loaded) => shared_heading(resolve(&heading_link, &loaded).0.len(), l),
            None => Text::TitleSharedSelection.get(l).to_owned(),
        }
    };
    view! {
        <div class="fr-container fr-my-7w">
            <h1>{heading}</h1>
            <p class="fr-text--lead">{i18n.t(Text::SharedIntro)}</p>
            <WithCatalogue ready=move |loaded| {
                let (ids, unknown) = resolve(&link, &loaded);
                view! {
                    <LinkProblems link=link.clone() unknown=unknown />
                    <SharedCourses ids=ids catalogue=loaded />
                }
            } />
        </div>
    }
}

/// What the link held that is not shown: unknown courses, unreadable parts,
/// ids past the limit.
#[component]
fn LinkProblems(link: Arc<SharedLink>, unknown: usize) -> impl IntoView {
    let i18n = use_i18n();
    let (unreadable, over) = (link.unreadable, link.over_limit);
    (unknown + unreadable + over > 0).then(|| {
        view! {
            <div class="fr-alert fr-alert--warning fr-alert--sm fr-mb-3w" id="selection-lien-incomplet">
                {move || {
                    let l = i18n.locale();
                    [
                        (unknown > 0).then(|| unknown_in_link(unknown, l)),
                        (unreadable > 0).then(|| unreadable_in_link(unreadable, l)),
                        (over > 0).then(|| over_limit(l)),
                    ]
                    .into_iter()
                    .flatten()
                    .map(|text| view! { <p>{text}</p> })
                    .collect_view()
                }}
            </div>
        }
    })
}

/// The shared courses with the actions on the visitor's own selection.
#[component]
fn SharedCourses(ids: Vec<String>, catalogue: Arc<LoadedCatalogue>) -> impl IntoView {
    let i18n = use_i18n();
    let bookmarks = use_bookmarks();
    let router = use_router();
    if ids.is_empty() {
        return view! {
            <p>{i18n.t(Text::SharedEmpty)}</p>
            <ul class="fr-btns-group fr-btns-group--inline-md">
                <li><a class="fr-btn" href=Route::Catalogue.href()>{i18n.t(Text::NavCatalogue)}</a></li>
                <li><a class="fr-btn fr-btn--secondary" href=Route::Selection.href()>{i18n.t(Text::SharedSeeOwn)}</a></li>
            </ul>
        }
        .into_any();
    }
    let since = bookmarks.edit_seq_untracked();
    let edit = Memo::new(move |_| bookmarks.last_edit().filter(|e| e.seq > since));
    // Why a button changed nothing, until the next edit.
    let info = RwSignal::new(None::<(u64, Text)>);
    let info_now = Signal::derive(move || {
        info.get()
            .filter(|(seq, _)| *seq == bookmarks.last_edit().map_or(0, |e| e.seq))
            .map(|(_, text)| text)
    });
    // After "Annuler" its button is gone: focus goes back to "Ajouter".
    Effect::new(move |_| {
        if edit.with(|e| e.as_ref().is_some_and(|e| e.kind == EditKind::Restored)) {
            request_animation_frame(|| focus_element_by_id(ADD_ID));
        }
    });
    let ids = Arc::new(ids);
    let (add_ids, replace_ids) = (ids.clone(), ids.clone());
    let add = move |_| {
        let list: Vec<&str> = add_ids.iter().map(String::as_str).collect();
        let (added, left_out) = bookmarks.add_all(&list);
        let seq = bookmarks.edit_seq_untracked();
        // Nothing added is no edit (no notice of its own): say why.
        let why = match (added, left_out) {
            (0, 0) => Some(Text::SharedNothingNew),
            (0, _) => Some(Text::SharedSelectionFull),
            _ => None,
        };
        info.set(why.map(|t| (seq, t)));
    };
    let replace = move |_| {
        let list: Vec<&str> = replace_ids.iter().map(String::as_str).collect();
        let changed = bookmarks.replace(&list);
        let seq = bookmarks.edit_seq_untracked();
        info.set((!changed).then_some((seq, Text::SharedSameAsOwn)));
    };
    // "Voir ma sélection" stays on this page (only the query changes): focus
    // goes to the new heading, as on any change of page.
    let see_own = move |event: ev::MouseEvent| {
        event.prevent_default();
        router.navigate(&Route::Selection.href(), false);
        request_animation_frame(|| {
            focus_page_heading();
        });
    };
    let see_own_label = move || {
        let l = i18n.locale();
        match bookmarks.len() {
            0 => Text::SharedSeeOwn.get(l).to_owned(),
            n => format!("{} ({})", Text::SharedSeeOwn.get(l), courses_count(n, l)),
        }
    };
    let notice_catalogue = catalogue.clone();
    let cards = move || {
        i18n.locale();
        ids.iter()
            .filter_map(|id| catalogue.explorer.position(id))
            .map(|doc| view! { <li><CourseCard catalogue=catalogue.clone() doc=doc as u32 heading=2 /></li> })
            .collect_view()
    };
    view! {
        <ul class="fr-btns-group fr-btns-group--inline-md">
            <li>
                <button type="button" id=ADD_ID class="fr-btn" on:click=add>
                    {i18n.t(Text::SharedAdd)}
                </button>
            </li>
            <li>
                <button type="button" class="fr-btn fr-btn--secondary" on:click=replace>
                    {i18n.t(Text::SharedReplace)}
                </button>
            </li>
            <li>
                <a class="fr-btn fr-btn--tertiary" href=Route::Selection.href() on:click=see_own>
                    {see_own_label}
                </a>
            </li>
        </ul>
        <EditNotice edit=edit catalogue=notice_catalogue info=info_now />
        <ul class="campus-results">{cards}</ul>
    }
    .into_any()
}
