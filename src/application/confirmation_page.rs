//! The confirmation of an application sent from this tab: its reference, what
//! happens next, a copy to download, print.

use leptos::prelude::*;

use super::form::StepId;
use super::storage::use_drafts;
use crate::i18n::application::step_title;
use crate::i18n::{document_title, Text};
use crate::ui::download::download;
use crate::ui::i18n::use_i18n;

/// The confirmation page.
pub fn confirmation_step() -> impl IntoView {
    let i18n = use_i18n();
    let drafts = use_drafts();
    Effect::new(move |_| {
        let l = i18n.locale();
        document().set_title(&document_title(step_title(StepId::Confirmation, l), l));
    });
    let sent = drafts.sent();
    let reference = sent
        .as_ref()
        .map(|s| s.reference.clone())
        .unwrap_or_default();
    let copy = sent.map(|s| s.payload);
    let file_ref = reference.clone();
    view! {
        <div class="fr-alert fr-alert--success fr-mb-4w">
            <h1 class="fr-alert__title">{move || step_title(StepId::Confirmation, i18n.locale())}</h1>
            <p>{i18n.t(Text::ConfirmationReference)} " : " <strong class="campus-reference">{reference}</strong></p>
        </div>
        <p>{i18n.t(Text::ConfirmationNext)}</p>
        <ul class="fr-btns-group fr-btns-group--inline-md">
            <li>
                <button type="button" class="fr-btn fr-btn--secondary" on:click=move |_| {
                    if let Some(c) = &copy {
                        let _ = download(&format!("candidature-{file_ref}.json"), "application/json", c);
                    }
                }>{i18n.t(Text::DownloadJson)}</button>
            </li>
            <li>
                <button type="button" class="fr-btn fr-btn--tertiary" on:click=move |_| {
                    let _ = window().print();
                }>{i18n.t(Text::Print)}</button>
            </li>
        </ul>
    }
}
