//! `#/ma-selection`: the visitor's own bookmarked courses, or, with `?ids=`,
//! a selection someone shared (see [`super::shared_selection`]).

use std::sync::Arc;

use leptos::prelude::*;

use super::bookmarks::use_bookmarks;
use super::components::{CourseCard, WithCatalogue};
use super::loader::LoadedCatalogue;
use super::selection_parts::{card_id, focus_card, EditNotice, ShareLink, StorageNotice, UNDO_ID};
use super::selection_takeaway::{
    use_compared, CompareBox, CompareNotices, Comparison, TakeawayActions,
};
use super::shared_selection::SharedSelection;
use crate::ui::focus::focus_element_by_id;
use crate::ui::i18n::use_i18n;
use crate::ui::page::use_static_page_title;
use crate::ui::router::{focus_page_heading, use_router};
use campus_core::catalogue::selection::{EditKind, SharedLink};
use campus_core::i18n::typography::french_spacing;
use campus_core::i18n::Text;
use campus_core::routes::Route;

/// The selection page: the shared selection of the link when the query has
/// `ids`, else the visitor's own. Rebuilt only when the link changes.
#[component]
pub fn SelectionPage() -> impl IntoView {
    let router = use_router();
    let link = Memo::new(move |_| SharedLink::from_query(&router.location().query));
    let in_file = crate::ui::boot::prerender().is_some();
    move || match link.get() {
        Some(link) => view! { <SharedSelection link=link /> }.into_any(),
        None => view! { <OwnSelection /> {in_file.then(shared_heading_of_the_file)} }.into_any(),
    }
}

/// The page's file cannot know whether its address shares a selection
/// (`?ids=`): it carries the shared page's heading and introduction too, out
/// of view, and index.html's first script shows them in place of the own
/// selection when the address has `ids` (main.css, `campus-etat-ma-selection`).
/// The page's largest text is then there before the app, which draws the
/// same in its place.
fn shared_heading_of_the_file() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="fr-container fr-my-7w campus-si-partage">
            <h1>{i18n.t(Text::TitleSharedSelection)}</h1>
            <p class="fr-text--lead">{i18n.t(Text::SharedIntro)}</p>
        </div>
    }
}

/// The visitor's own selection: the courses, the share link, "Vider ma
/// sélection" and the undo of the last removal.
#[component]
fn OwnSelection() -> impl IntoView {
    let i18n = use_i18n();
    let bookmarks = use_bookmarks();
    use_static_page_title(Text::TitleSelection);
    // Only what is done on this page is offered for undo.
    let since = bookmarks.edit_seq_untracked();
    let edit = Memo::new(move |_| bookmarks.last_edit().filter(|e| e.seq > since));
    let intro = move || {
        if bookmarks.storage_problem().is_some() {
            i18n.t(Text::SelectionIntroNotKept)()
        } else {
            i18n.t(Text::SelectionIntro)()
        }
    };
    view! {
        <div class="fr-container fr-my-7w">
            <h1>{i18n.t(Text::TitleSelection)}</h1>
            <p class="fr-text--lead">{intro}</p>
            <StorageNotice />
            <WithCatalogue ready=move |loaded| {
                follow_edits_with_focus(edit, loaded.clone());
                view! {
                    <EditNotice edit=edit catalogue=loaded.clone() />
                    <OwnList catalogue=loaded />
                }
            } />
        </div>
    }
}

/// Keeps keyboard focus on the page as the list changes under it: after a
/// removal (the card and its button are gone) on "Annuler"; after "Annuler" on
/// the first course it brought back (or the heading).
fn follow_edits_with_focus(
    edit: Memo<Option<super::bookmarks::Edit>>,
    loaded: Arc<LoadedCatalogue>,
) {
    Effect::new(move |_| {
        let Some(edit) = edit.get() else {
            return;
        };
        let restored = match edit.kind {
            EditKind::Restored => Some(
                edit.change
                    .added()
                    .find_map(|id| loaded.explorer.position(id))
                    .map(|doc| doc as u32),
            ),
            _ => None,
        };
        request_animation_frame(move || match restored {
            None => focus_element_by_id(UNDO_ID),
            Some(Some(doc)) => focus_card(doc),
            Some(None) => {
                focus_page_heading();
            }
        });
    });
}

/// The bookmarked courses with the share and clear buttons, or the empty state.
#[component]
fn OwnList(catalogue: Arc<LoadedCatalogue>) -> impl IntoView {
    let i18n = use_i18n();
    let bookmarks = use_bookmarks();
    let explorer_of = catalogue.clone();
    // The courses of the catalogue, in selection order (ids it no longer has
    // are neither shown nor shared).
    let docs = Memo::new(move |_| {
        bookmarks.with_ids(|ids| {
            ids.iter()
                .filter_map(|id| explorer_of.explorer.position(id).map(|p| p as u32))
                .collect::<Vec<u32>>()
        })
    });
    let ids_of = catalogue.clone();
    let shared_ids = Signal::derive(move || {
        docs.with(|docs| {
            docs.iter()
                .filter_map(|&d| ids_of.explorer.catalogue.courses.get(d as usize))
                .map(|c| c.id.clone())
                .collect::<Vec<String>>()
        })
    });
    let missing = move || {
        (docs.with(Vec::len) < bookmarks.len()).then(|| {
            view! {
                <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w">
                    <p>{i18n.t(Text::SelectionMissing)}</p>
                </div>
            }
        })
    };
    // The comparison's courses are in the address (`?comparer=`).
    let compared = use_compared(catalogue.clone());
    let refused = RwSignal::new(false);
    let card_catalogue = catalogue.clone();
    let actions_catalogue = catalogue.clone();
    let cards =
        move || {
            i18n.locale();
            docs.get()
            .into_iter()
            .map(|doc| {
                let course = &card_catalogue.explorer.catalogue.courses[doc as usize];
                let (id, title) = (course.id.clone(), french_spacing(&course.title).into_owned());
                view! {
                    <li id=card_id(doc)>
                        <CourseCard catalogue=card_catalogue.clone() doc=doc heading=2 />
                        <CompareBox doc=doc id=id title=title compared=compared refused=refused />
                    </li>
                }
            })
            .collect_view()
        };
    let empty = move || {
        view! {
            <p>{i18n.t(Text::SelectionEmpty)}</p>
            <a class="fr-btn" href=Route::Catalogue.href()>{i18n.t(Text::NavCatalogue)}</a>
        }
    };
    // The share link is built once while the selection is not empty: its
    // copy state and fallback field follow the selection as it changes.
    view! {
        <Show when=move || !bookmarks.is_empty() fallback=empty>
            {missing}
            <ShareLink ids=shared_ids>
                <button
                    type="button"
                    id="selection-vider"
                    class="fr-btn fr-btn--tertiary fr-btn--icon-left fr-icon-delete-line"
                    on:click=move |_| bookmarks.clear()
                >
                    {i18n.t(Text::SelectionClear)}
                </button>
            </ShareLink>
            <TakeawayActions catalogue=actions_catalogue.clone() docs=docs />
        </Show>
        // A compared course need not be bookmarked here (a link from
        // someone else): the comparison shows even with an empty selection.
        <Comparison catalogue=catalogue.clone() compared=compared />
        <Show when=move || !bookmarks.is_empty()>
            <CompareNotices compared=compared refused=refused />
            <ul class="campus-results">{cards.clone()}</ul>
        </Show>
    }
}
