//! Pieces of the selection pages: the notice of the last edit with "Annuler",
//! the storage warning, and the share link with its copy button.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::bookmarks::{use_bookmarks, Edit};
use super::loader::LoadedCatalogue;
use crate::ui::clipboard;
use crate::ui::i18n::use_i18n;
use crate::ui::router::absolute;
use crate::ui::storage::StorageError;
use campus_core::catalogue::selection::{share_href, EditKind};
use campus_core::catalogue::selection_labels::edit_notice;
use campus_core::i18n::Text;

/// Id of the "Annuler" button of the last edit.
pub const UNDO_ID: &str = "selection-annuler";
/// Id of the read-only field that shows the link when it cannot be copied.
pub const LINK_FIELD_ID: &str = "selection-lien";

/// The HTML id of the list item of the course at position `doc` (positions
/// are numbers: course ids are data, not safe HTML ids).
pub fn card_id(doc: u32) -> String {
    format!("selection-formation-{doc}")
}

/// Moves keyboard focus to the title link of the card of `doc`.
pub fn focus_card(doc: u32) {
    let link = document()
        .query_selector(&format!("#{} .fr-card__title a", card_id(doc)))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(link) = link {
        let _ = link.focus();
    }
}

/// The live region that announces the last edit ("… a été retirée de votre
/// sélection") with "Annuler", which puts the selection back as it was.
/// `info`, when newer, says why nothing changed.
#[component]
pub fn EditNotice(
    /// The edit to announce (`None`: nothing to say).
    edit: Memo<Option<Edit>>,
    /// For the titles of removed courses.
    catalogue: Arc<LoadedCatalogue>,
    /// A message that replaces the notice (a button that changed nothing).
    #[prop(optional, into)]
    info: Signal<Option<Text>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let bookmarks = use_bookmarks();
    let undo = move |_| {
        if let Some(edit) = edit.get_untracked() {
            bookmarks.undo(&edit);
        }
    };
    let notice = move || {
        let l = i18n.locale();
        if let Some(text) = info.get() {
            return Some(
                view! {
                    <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w">
                        <p>{text.get(l)}</p>
                    </div>
                }
                .into_any(),
            );
        }
        let edit = edit.get()?;
        let title = match &edit.kind {
            EditKind::Removed(id) => catalogue
                .explorer
                .position(id)
                .and_then(|p| catalogue.explorer.catalogue.courses.get(p))
                .map(|c| c.title.clone()),
            _ => None,
        };
        let message = edit_notice(&edit.kind, title.as_deref(), l);
        Some(
            view! {
                <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-3w">
                    <p>{message}</p>
                    {edit.kind.can_undo().then(|| view! {
                        <button
                            type="button"
                            id=UNDO_ID
                            class="fr-btn fr-btn--sm fr-btn--secondary fr-btn--icon-left fr-icon-arrow-go-back-line fr-mt-1w"
                            on:click=undo
                        >
                            {Text::Undo.get(l)}
                        </button>
                    })}
                </div>
            }
            .into_any(),
        )
    };
    view! { <div id="selection-annonce" role="status">{notice}</div> }
}

/// "Votre sélection ne peut pas être conservée dans ce navigateur", while
/// storage refuses it (disabled, denied, full).
#[component]
pub fn StorageNotice() -> impl IntoView {
    let i18n = use_i18n();
    let bookmarks = use_bookmarks();
    move || {
        bookmarks.storage_problem().map(|problem| {
            let reason = match problem {
                StorageError::Unavailable => Text::SelectionNotKeptDenied,
                StorageError::Full | StorageError::NotKept => Text::SelectionNotKeptFull,
            };
            view! {
                <div class="fr-alert fr-alert--warning fr-mb-3w" id="selection-non-conservee">
                    <h2 class="fr-alert__title">{i18n.t(Text::SelectionNotKeptTitle)}</h2>
                    <p>{i18n.t(reason)}</p>
                </div>
            }
        })
    }
}

/// What the last press of the copy button gave.
#[derive(Debug, Clone, PartialEq, Eq)]
enum CopyOutcome {
    /// This link was copied.
    Copied(String),
    /// The browser refused or has no clipboard: the link is shown to copy by hand.
    Refused,
}

/// "Copier le lien de ma sélection" (with `children`, more buttons of the
/// same group), the confirmation, and the link in a read-only field when the
/// clipboard is refused.
#[component]
pub fn ShareLink(
    /// The ids to share, in order.
    ids: Signal<Vec<String>>,
    /// Other buttons of the group (each is put in its own list item).
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let url = Memo::new(move |_| ids.with(|ids| absolute(&share_href(ids))));
    let copy = RwSignal::new(None::<CopyOutcome>);
    let on_copy = move |_| {
        let text = url.get_untracked();
        leptos::task::spawn_local(async move {
            let copied = clipboard::copy_text(&text).await;
            copy.set(Some(if copied {
                CopyOutcome::Copied(text)
            } else {
                CopyOutcome::Refused
            }));
            if !copied {
                request_animation_frame(select_link_field);
            }
        });
    };
    // A confirmation is for the link that was copied: it goes when the
    // selection (and so the link) changes.
    let status = move || match copy.get() {
        Some(CopyOutcome::Copied(copied)) if copied == url.get() => Some(
            view! {
                <div class="fr-alert fr-alert--success fr-alert--sm">
                    <p>{i18n.t(Text::ShareCopied)}</p>
                </div>
            }
            .into_any(),
        ),
        Some(CopyOutcome::Refused) => Some(
            view! {
                <div class="fr-alert fr-alert--info fr-alert--sm">
                    <p>{i18n.t(Text::ShareCopyFailed)}</p>
                </div>
            }
            .into_any(),
        ),
        _ => None,
    };
    let field = move || {
        (copy.get() == Some(CopyOutcome::Refused)).then(|| {
            view! {
                <div class="fr-input-group fr-mt-2w">
                    <label class="fr-label" for=LINK_FIELD_ID>{i18n.t(Text::ShareLinkLabel)}</label>
                    <input
                        class="fr-input"
                        type="text"
                        id=LINK_FIELD_ID
                        readonly=true
                        prop:value=move || url.get()
                        on:focus=move |_| select_link_field()
                    />
                </div>
            }
        })
    };
    view! {
        <div class="campus-selection-share fr-mb-4w">
            <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
                <li>
                    <button
                        type="button"
                        id="selection-copier"
                        class="fr-btn fr-btn--secondary fr-btn--icon-left fr-icon-links-line"
                        aria-describedby="selection-partage-aide"
                        on:click=on_copy
                    >
                        {i18n.t(Text::ShareCopy)}
                    </button>
                </li>
                <li>{children()}</li>
            </ul>
            <p class="fr-hint-text" id="selection-partage-aide">{i18n.t(Text::ShareHint)}</p>
            <div role="status">{status}</div>
            {field}
        </div>
    }
}

/// Focuses the link field and selects its text, ready for Ctrl+C.
fn select_link_field() {
    let input = document()
        .get_element_by_id(LINK_FIELD_ID)
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    if let Some(input) = input {
        if document().active_element().as_ref() != Some(input.as_ref()) {
            let _ = input.focus();
        }
        input.select();
    }
}
