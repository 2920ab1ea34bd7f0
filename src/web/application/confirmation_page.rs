//! The ending of a form finished from this tab, by where it went: received by
//! the campus team (its reference, Grist's row id), or still to email (the
//! file to attach, the address), or to submit on démarches simplifiées (the
//! hand-off page). A copy to download, print.

use leptos::prelude::*;

use super::storage::{use_drafts, use_form, SentTo};
use crate::ui::download::download;
use crate::ui::i18n::use_i18n;
use campus_core::application::form::StepId;
use campus_core::i18n::back_office::{args as ending, Ending};
use campus_core::i18n::{document_title, Text};

/// The confirmation page.
pub fn confirmation_step() -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let drafts = use_drafts();
    let sent = drafts.sent();
    let to = sent.as_ref().map(|s| s.to()).unwrap_or_default();
    if to == SentTo::Demarches {
        return super::handoff_page::handoff_step().into_any();
    }
    let email = match &to {
        SentTo::Email(address) => Some(address.clone()),
        _ => None,
    };
    let by_email = email.is_some();
    let title = move || {
        let l = i18n.locale();
        if by_email {
            form.say(Ending::EmailNextTitle, l)
        } else {
            form.step_title(StepId::Confirmation).get(l).to_owned()
        }
    };
    Effect::new(move |_| {
        document().set_title(&document_title(&title(), i18n.locale()));
    });
    let reference = sent
        .as_ref()
        .map(|s| s.reference.clone())
        .unwrap_or_default();
    let file = form.file_name(&reference);
    let copy = sent.map(|s| s.payload);
    let file_ref = file.clone();
    let row = match to {
        SentTo::Grist(row) => Some(row),
        _ => None,
    };
    let what = {
        let (email, file) = (email.clone(), file.clone());
        move || {
            let l = i18n.locale();
            match &email {
                Some(email) => form.say_with(
                    &ending::EmailNextText {
                        file_json: &file,
                        email,
                    },
                    l,
                ),
                None => form.say(Ending::ReceivedText, l),
            }
        }
    };
    let mail = email.map(|address| {
        let href = form.mailto(&address, &reference);
        view! { <li><a class="fr-btn" href=href>{i18n.t(Text::PrepareEmail)}</a></li> }
    });
    let kind = if by_email {
        "fr-alert--info"
    } else {
        "fr-alert--success"
    };
    view! {
        <div class=format!("fr-alert {kind} fr-mb-4w")>
            <h1 class="fr-alert__title">{title}</h1>
            <p>{what}</p>
            <p>{i18n.t(Text::ConfirmationReference)} {move || i18n.locale().colon()} <strong class="campus-reference">{reference.clone()}</strong></p>
            {row.map(|row| view! {
                <p>{move || Ending::GristRow.get(i18n.locale())} {move || i18n.locale().colon()} <strong class="campus-grist-row">{row}</strong></p>
            })}
        </div>
        <p>{move || form.next_steps.get(i18n.locale())}</p>
        <ul class="fr-btns-group fr-btns-group--inline-md">
            {mail}
            <li>
                <button type="button" class="fr-btn fr-btn--secondary" id="telecharger-copie" on:click=move |_| {
                    if let Some(c) = &copy {
                        let _ = download(&file_ref, "application/json", &campus_core::application::file::file_body(c));
                    }
                }>{move || if by_email { ending::DownloadAgain { file_json: &file }.get(i18n.locale()) } else { form.say(Text::DownloadJson, i18n.locale()) }}</button>
            </li>
            <li>
                <button type="button" class="fr-btn fr-btn--tertiary" on:click=move |_| {
                    let _ = window().print();
                }>{i18n.t(Text::Print)}</button>
            </li>
        </ul>
    }
    .into_any()
}
