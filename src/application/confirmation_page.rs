//! The confirmation of a form sent from this tab: its reference, what
//! happens next, a copy to download, print.

use leptos::prelude::*;

use super::form::StepId;
use super::storage::{use_drafts, use_form};
use crate::i18n::{document_title, Text};
use crate::ui::download::download;
use crate::ui::i18n::use_i18n;

/// The confirmation page.
pub fn confirmation_step() -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let drafts = use_drafts();
    Effect::new(move |_| {
        let l = i18n.locale();
        document().set_title(&document_title(
            form.step_title(StepId::Confirmation).get(l),
            l,
        ));
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
            <h1 class="fr-alert__title">{move || form.step_title(StepId::Confirmation).get(i18n.locale())}</h1>
            <p>{i18n.t(Text::ConfirmationReference)} {move || i18n.locale().colon()} <strong class="campus-reference">{reference}</strong></p>
        </div>
        <p>{move || form.next_steps.get(i18n.locale())}</p>
        <ul class="fr-btns-group fr-btns-group--inline-md">
            <li>
                <button type="button" class="fr-btn fr-btn--secondary" on:click=move |_| {
                    if let Some(c) = &copy {
                        let _ = download(&format!("{}-{file_ref}.json", form.file_stem), "application/json", &super::file::file_body(c));
                    }
                }>{move || form.say(Text::DownloadJson, i18n.locale())}</button>
            </li>
            <li>
                <button type="button" class="fr-btn fr-btn--tertiary" on:click=move |_| {
                    let _ = window().print();
                }>{i18n.t(Text::Print)}</button>
            </li>
        </ul>
    }
}
