//! The "check your answers" page: every answer with its change link, consent
//! (a field of the form), and sending. Sending builds the payload once and
//! freezes it in the draft, sends one request at a time whatever fires the
//! submit, honours `Retry-After` (one automatic retry when the wait is short),
//! and on any failure keeps everything and offers the download and email
//! fallback right there. Where the form goes is the configuration's
//! [`Destination`]: the receiver or Grist (sent from here), démarches
//! simplifiées (the applicant continues there, see `handoff_page`), or email
//! (download, then email). Downloading and preparing the email pass the
//! same check as sending (complete answers, consent), and either ends the
//! form in email mode: its confirmation says what is left to do.

use leptos::prelude::*;

use super::fields::{label_text, FieldView};
use super::notices::{error_summary, storage_warning, SUMMARY_ID};
use super::step_title::use_step_title;
use super::storage::{use_drafts, use_form, SentTo};
use super::submit::{send, sleep};
use crate::ui::clock::now_rfc3339;
use crate::ui::config::use_config;
use crate::ui::download::download;
use crate::ui::focus::focus_element_by_id;
use crate::ui::i18n::use_i18n;
use crate::ui::router::use_router;
use campus_core::application::answers::Answer;
use campus_core::application::form::{Input, StepId, CAMPUS_EMAIL};
use campus_core::application::journey::{previous, review_rows};
use campus_core::application::labels::option_label;
use campus_core::application::receipt::SendError;
use campus_core::application::validation::Invalid;
use campus_core::config::Destination;
use campus_core::i18n::back_office::Ending;
use campus_core::i18n::forms::{args as form_args, FormText};
use campus_core::i18n::{Locale, Text};
use campus_core::routes::Route;

/// Longest `Retry-After` waited for automatically (once).
const AUTO_RETRY_MAX_S: u32 = 30;

fn answer_text(
    row_field: &campus_core::application::form::Field,
    answer: &Answer,
    l: Locale,
) -> String {
    let is_choice = matches!(row_field.input, Input::OneOf(_) | Input::AnyOf(_));
    match answer {
        Answer::Text(t) if is_choice => option_label(t, l).to_owned(),
        Answer::Text(t) => t.clone(),
        Answer::Choices(c) => c
            .iter()
            .map(|v| option_label(v, l))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// "2 min", "45 s", "3 h": a wait (the same units in French and English).
fn duration_text(seconds: u32) -> String {
    let nb = '\u{a0}';
    match seconds {
        0..=90 => format!("{seconds}{nb}s"),
        91..=5400 => format!("{}{nb}min", seconds.div_ceil(60)),
        _ => format!("{}{nb}h", seconds.div_ceil(3600)),
    }
}

/// What the failure alert says for `error`.
fn failure_text(
    form: &campus_core::application::form::Form,
    error: &SendError,
    l: Locale,
) -> String {
    let text = match error {
        SendError::Network => FormText::SubmitFailedNetwork,
        SendError::Timeout => FormText::SubmitFailedTimeout,
        SendError::Redirected => FormText::SubmitFailedRedirected,
        SendError::NotJson => FormText::SubmitFailedNotJson,
        SendError::Empty => FormText::SubmitFailedEmpty,
        SendError::NoEcho => FormText::SubmitFailedNoEcho,
        SendError::NoRowId => return form.say(Ending::SubmitFailedNoRowId, l),
        SendError::OtherReference(other) => {
            let reference = other
                .as_deref()
                .unwrap_or(FormText::SubmitFailedOtherReferenceUnnamed.get(l));
            return form.say_with(
                &form_args::SubmitFailedOtherReference {
                    reference: &reference,
                },
                l,
            );
        }
        SendError::Blocked => FormText::SubmitFailedBlocked,
        SendError::Busy { .. } => FormText::SubmitFailedBusy,
        SendError::Status(code) if *code < 500 => FormText::SubmitFailedRefused,
        SendError::Status(_) => FormText::SubmitFailedServer,
        SendError::Internal => FormText::SubmitFailedInternal,
    };
    let mut out = form.say(text, l);
    match error {
        SendError::Busy {
            retry_after: Some(0),
            ..
        } => {
            out.push(' ');
            out.push_str(FormText::SubmitRetryNow.get(l));
        }
        SendError::Busy {
            retry_after: Some(s),
            ..
        } => {
            out.push(' ');
            out.push_str(
                &form_args::SubmitWaitFor {
                    d: &duration_text(*s),
                }
                .get(l),
            );
        }
        _ => {}
    }
    out
}

fn failure_detail(error: &SendError) -> String {
    match error {
        SendError::Network => "network error".into(),
        SendError::Timeout => "timeout".into(),
        SendError::Redirected => "redirect (3xx)".into(),
        SendError::NotJson => "2xx without a JSON body".into(),
        SendError::Empty => "2xx with an empty body".into(),
        SendError::NoEcho => "JSON without the reference".into(),
        SendError::NoRowId => "JSON without records[0].id".into(),
        SendError::OtherReference(_) => "JSON with another reference".into(),
        SendError::Blocked => "blocked by the page's CSP".into(),
        SendError::Busy { status, .. } | SendError::Status(status) => format!("HTTP {status}"),
        SendError::Internal => "request not built".into(),
    }
}

/// Where the sending is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Progress {
    Idle,
    Sending,
    /// Waiting `Retry-After` seconds before the one automatic retry.
    Waiting(u32),
    Failed(SendError),
}

/// The "check your answers" page.
pub fn review_step() -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let drafts = use_drafts();
    let router = use_router();
    let config = use_config();
    let errors = RwSignal::new(Vec::<Invalid>::new());
    let progress = RwSignal::new(Progress::Idle);
    use_step_title(StepId::Review, errors.into());

    // Validates and freezes the payload; `None` (with the errors shown) when
    // the application is not complete. Sending and downloading both go here.
    let prepare = move || -> Option<(String, String, String)> {
        match drafts.seal(&now_rfc3339(), i18n.locale().tag())? {
            Ok(sealed) => {
                errors.set(Vec::new());
                Some(sealed)
            }
            Err(found) => {
                errors.set(found);
                request_animation_frame(|| focus_element_by_id(SUMMARY_ID));
                None
            }
        }
    };

    // Where this form goes; a refused configuration is said once on the console.
    let destination = move || config.get().map(|c| c.destination(form.id).0);
    Effect::new(move |_| {
        if let Some((_, Some(warning))) = config.get().map(|c| c.destination(form.id)) {
            web_sys::console::warn_1(&format!("[campus] {warning}").into());
        }
    });

    // (url, body sent, frozen payload, key, reference, to Grist)
    type Sending = (String, String, String, String, String, bool);
    let sending = Action::new_local(move |input: &Sending| {
        let (endpoint, body, frozen, key, reference, grist) = input.clone();
        async move {
            let mut auto_retries = 1;
            loop {
                progress.set(Progress::Sending);
                match send(&endpoint, &body, &key, &reference, grist).await {
                    Ok(to) => {
                        progress.set(Progress::Idle);
                        drafts.finish(frozen, to);
                        router.navigate(
                            &Route::FormStep(form.id, StepId::Confirmation).href(),
                            false,
                        );
                        return;
                    }
                    Err(SendError::Busy {
                        retry_after: Some(s),
                        ..
                    }) if auto_retries > 0 && s <= AUTO_RETRY_MAX_S => {
                        auto_retries -= 1;
                        progress.set(Progress::Waiting(s));
                        sleep(s).await;
                    }
                    Err(e) => {
                        progress.set(Progress::Failed(e));
                        request_animation_frame(|| focus_element_by_id("echec-envoi"));
                        return;
                    }
                }
            }
        }
    });
    let pending = sending.pending();
    let busy = move || pending.get();

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // One submission in flight, however many submits fire (Enter, clicks,
        // several requestSubmit() in one task): `pending` is set synchronously.
        if pending.get_untracked() {
            return;
        }
        let Some(to) = destination() else {
            return;
        };
        let Some((body, key, reference)) = prepare() else {
            return;
        };
        let (url, sent, grist) = match to {
            Destination::Endpoint { url } => (url, body.clone(), false),
            Destination::Grist {
                server,
                share_key,
                table,
                columns,
            } => match campus_core::application::grist::record_body(form, &body, &columns) {
                Some(row) => (
                    campus_core::application::grist::records_url(&server, &share_key, &table),
                    row,
                    true,
                ),
                None => return,
            },
            Destination::DemarchesSimplifiees { .. } => {
                drafts.finish(body, SentTo::Demarches);
                router.navigate(&Route::FormStep(form.id, StepId::HandOff).href(), false);
                return;
            }
            Destination::Email { .. } => return,
        };
        sending.dispatch_local((url, sent, body, key, reference, grist));
    };
    let has_endpoint =
        move || destination().is_some_and(|to| !matches!(to, Destination::Email { .. }));
    // Where the email goes: a request about a course whose catalogue entry
    // names a contact goes to that contact; anything else to the campus team.
    let catalogue = crate::catalogue::loader::use_catalogue();
    let recipient = Memo::new(move |_| {
        let course = form.course_field.and_then(|field| {
            drafts.with(|d| {
                d.map(|d| campus_core::application::visible::trim(d.answers.text(field)).to_owned())
            })
        });
        course
            .filter(|title| !title.is_empty())
            .and_then(|title| {
                catalogue.ready().and_then(|c| {
                    c.explorer
                        .catalogue
                        .course_titled(&title)
                        .and_then(|course| course.contact.clone())
                })
            })
            .or_else(|| match destination() {
                Some(Destination::Email { address }) => Some(address),
                _ => None,
            })
            .unwrap_or_else(|| CAMPUS_EMAIL.to_owned())
    });
    // Downloading and preparing the email pass the same check as sending;
    // either ends the form in email mode (after the browser has acted on
    // the click: the link's own mailto opens first).
    let finish_by_email = move |body: String| {
        let to = SentTo::Email(recipient.get_untracked());
        set_timeout(
            move || {
                drafts.finish(body, to);
                router.navigate(
                    &Route::FormStep(form.id, StepId::Confirmation).href(),
                    false,
                );
            },
            std::time::Duration::ZERO,
        );
    };
    let download_json = move || {
        if let Some((body, _, reference)) = prepare() {
            let _ = download(
                &form.file_name(&reference),
                "application/json",
                &campus_core::application::file::file_body(&body),
            );
            finish_by_email(body);
        }
    };
    let on_mail = move |ev: leptos::ev::MouseEvent| match prepare() {
        Some((body, ..)) => finish_by_email(body),
        None => ev.prevent_default(),
    };
    let mail_href = move || {
        let reference = drafts.with(|d| d.map(|d| d.reference.clone()).unwrap_or_default());
        form.mailto(&recipient.get(), &reference)
    };
    let fallback = move || {
        view! {
            <ul class="fr-btns-group fr-btns-group--inline-md">
                <li><button type="button" class="fr-btn fr-btn--secondary" id="telecharger-candidature" on:click=move |_| download_json()>{move || form.say(Text::DownloadJson, i18n.locale())}</button></li>
                <li><a class="fr-btn fr-btn--tertiary" href=mail_href on:click=on_mail>{i18n.t(Text::PrepareEmail)}</a></li>
            </ul>
        }
    };

    let sections = move || {
        let l = i18n.locale();
        let Some(draft) = drafts.get() else {
            return ().into_any();
        };
        form.questions
            .iter()
            .copied()
            .map(|step| {
                let rows = review_rows(form, step, &draft.answers)
                    .into_iter()
                    .map(|row| {
                        let value = row.answer.as_ref().map_or_else(
                            || FormText::NotProvided.get(l).to_owned(),
                            |a| answer_text(row.field, a, l),
                        );
                        let href = format!(
                            "{}?retour=verification&champ={}",
                            Route::FormStep(form.id, step).href(),
                            row.field.id
                        );
                        view! {
                            <div class="campus-review-row">
                                <dt>{label_text(row.field, l)}</dt>
                                <dd class="campus-review-value">{value}</dd>
                                <dd>
                                    <a class="fr-link" href=href>
                                        {FormText::ChangeAnswer.get(l)}
                                        <span class="fr-sr-only">" " {row.field.label.get(l)}</span>
                                    </a>
                                </dd>
                            </div>
                        }
                    })
                    .collect_view();
                view! {
                    <h2 class="fr-h4 fr-mt-5w">{form.step_title(step).get(l)}</h2>
                    <dl class="campus-review">{rows}</dl>
                }
            })
            .collect_view()
            .into_any()
    };
    let status = move || {
        let l = i18n.locale();
        match progress.get() {
            Progress::Waiting(s) => Some(format!(
                "{} {}",
                FormText::SubmitFailedBusy.get(l),
                form_args::SubmitAutoRetry { n: &s }.get(l)
            )),
            Progress::Sending => Some(FormText::Sending.get(l).to_owned()),
            _ => None,
        }
    };
    let consent_fields = form
        .fields_of(StepId::Review)
        .map(|f| view! { <FieldView field=f errors=errors.into() /> })
        .collect_view();

    let back = Route::FormStep(
        form.id,
        previous(form, StepId::Review).unwrap_or(form.first_step()),
    );
    view! {
        <a class="fr-link fr-icon-arrow-left-line fr-link--icon-left fr-mb-3w" href=back.href()>
            {i18n.t(FormText::Back)}
        </a>
        <h1>{move || form.step_title(StepId::Review).get(i18n.locale())}</h1>
        {storage_warning()}
        {error_summary(errors.into())}
        {move || match progress.get() {
            Progress::Failed(e) => {
                let l = i18n.locale();
                Some(view! {
                    <div class="fr-alert fr-alert--error fr-mb-4w" id="echec-envoi" tabindex="-1" role="alert">
                        <h2 class="fr-alert__title">{form.say(Text::SubmitFailedTitle, l)}</h2>
                        <p>{failure_text(form, &e, l)}</p>
                        <p class="fr-text--sm">{Text::CatalogueErrorDetail.get(l)} " " {failure_detail(&e)}</p>
                        <p class="fr-mt-2w">{
                            let email = &recipient.get();
                            if e == SendError::Blocked {
                                form.say_with(&form_args::SubmitKeptNoRetry { email }, l)
                            } else {
                                form.say_with(&form_args::SubmitKept { email }, l)
                            }
                        }</p>
                        {fallback()}
                    </div>
                })
            }
            _ => None,
        }}
        {sections}
        <form novalidate class="fr-mt-5w" on:submit=on_submit>
            {consent_fields}
            <p class="fr-mt-1w"><a class="fr-link" href=Route::PersonalData.href() target="_blank" rel="noopener">{i18n.t(FormText::ConsentPrivacyLink)}</a></p>
            <Show
                when=has_endpoint
                fallback=move || view! {
                    <div class="fr-callout fr-mt-3w">
                        <h2 class="fr-callout__title fr-h5">{i18n.t(FormText::NoEndpointTitle)}</h2>
                        <p class="fr-callout__text">{move || form.say_with(&form_args::NoEndpointText { email: &recipient.get() }, i18n.locale())}</p>
                        {fallback()}
                    </div>
                }
            >
                <p class="fr-mt-3w" role="status" id="etat-envoi">{status}</p>
                <button type="submit" id="envoyer" class="fr-btn" aria-disabled=move || busy().then_some("true")>
                    {move || if busy() { i18n.t(FormText::Sending)() } else if matches!(progress.get(), Progress::Failed(_)) { i18n.t(FormText::SubmitRetry)() } else if matches!(destination(), Some(Destination::DemarchesSimplifiees { .. })) { Ending::DsContinue.get(i18n.locale()) } else { form.submit.get(i18n.locale()) }}
                </button>
            </Show>
        </form>
    }
}
