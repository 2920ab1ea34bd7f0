//! One page per step of the application: the questions, the DSFR step
//! indicator, the error summary, Back and Continue; then the review page with
//! change links, consent and submission, and the confirmation.

use leptos::prelude::*;

use super::fields::{control_id, label_text, FieldView};
use super::form::{field_by_id, fields_of, StepId};
use super::journey::{next, previous, redirect, review_rows};
use super::payload::payload;
use super::storage::use_drafts;
use super::submit::{submit, SubmitError};
use super::validation::{applies, check_step, FieldError, Invalid};
use crate::app::ConfigContext;
use crate::catalogue::loader::use_catalogue;
use crate::i18n::application::{error_message, field_label, option_label, step_title};
use crate::i18n::{document_title, Text};
use crate::routes::Route;
use crate::ui::download::download;
use crate::ui::i18n::use_i18n;
use crate::ui::router::{focus_element_by_id, use_router};

const SUMMARY_ID: &str = "erreurs";

/// The DSFR step indicator for a question step.
fn stepper(step: StepId) -> impl IntoView {
    let i18n = use_i18n();
    let total = StepId::QUESTIONS.len();
    let n = StepId::QUESTIONS
        .iter()
        .position(|s| *s == step)
        .map_or(total, |i| i + 1);
    let next_step = StepId::QUESTIONS.get(n).copied();
    view! {
        <div class="fr-stepper">
            <h1 class="fr-stepper__title">
                {move || step_title(step, i18n.locale())}
                <span class="fr-stepper__state">
                    {move || Text::StepOf.get(i18n.locale()).replace("{n}", &n.to_string()).replace("{total}", &total.to_string())}
                </span>
            </h1>
            <div class="fr-stepper__steps" data-fr-current-step=n.to_string() data-fr-steps=total.to_string()></div>
            {next_step.map(|s| view! {
                <p class="fr-stepper__details">
                    <span class="fr-text--bold">{i18n.t(Text::NextStepLabel)}</span>
                    " "
                    {move || step_title(s, i18n.locale())}
                </p>
            })}
        </div>
    }
}

/// The error summary: a linked list of every error, focused when shown.
fn error_summary(errors: Signal<Vec<Invalid>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let list = errors.get();
        (!list.is_empty()).then(|| {
            let l = i18n.locale();
            let items = list
                .into_iter()
                .filter_map(|e| field_by_id(e.field).map(|f| (f, e.error)))
                .map(|(f, error)| {
                    let target = control_id(f);
                    let href = format!("#{target}");
                    let message = if f.id == "consent" {
                        Text::ConsentRequired.get(l).to_owned()
                    } else {
                        error_message(field_label(f.id, l), error, l)
                    };
                    view! {
                        <li>
                            <a
                                href=href
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    focus_element_by_id(&target);
                                }
                            >
                                {message}
                            </a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="fr-alert fr-alert--error fr-mb-4w" id=SUMMARY_ID tabindex="-1" role="alert">
                    <h2 class="fr-alert__title">{Text::ErrorSummaryTitle.get(l)}</h2>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}

/// Courses of the catalogue that look like the title being typed.
fn similar_courses(field: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let drafts = use_drafts();
    let catalogue = use_catalogue();
    move || {
        let title = drafts.with(|d| {
            d.map(|d| d.answers.text(field).to_owned())
                .unwrap_or_default()
        });
        let loaded = catalogue.ready()?;
        if title.trim().chars().count() < 4 {
            return None;
        }
        let (hits, _) = loaded.explorer.search_index().search(&title)?;
        let courses: Vec<_> = hits
            .iter()
            .take(3)
            .map(|h| loaded.explorer.catalogue.courses[h.doc as usize].clone())
            .collect();
        (!courses.is_empty()).then(|| {
            view! {
                <div class="fr-callout fr-mb-3w campus-similar" aria-live="polite">
                    <p class="fr-callout__text fr-text--sm">{i18n.t(Text::MaybeExists)}</p>
                    <ul>
                        {courses
                            .into_iter()
                            .map(|c| view! {
                                <li>
                                    <a class="fr-link" href=Route::Course(c.id.clone()).href() target="_blank" rel="noopener">
                                        {c.title.clone()}
                                    </a>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

/// A question step.
fn question_step(step: StepId, returning: bool) -> impl IntoView {
    let i18n = use_i18n();
    let drafts = use_drafts();
    let router = use_router();
    let errors = RwSignal::new(Vec::<Invalid>::new());
    use_step_title(step, errors.into());

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(draft) = drafts.get_untracked() else {
            return;
        };
        let found = check_step(step, &draft.answers);
        if found.is_empty() {
            errors.set(Vec::new());
            let target = if returning {
                StepId::Review
            } else {
                next(step)
            };
            drafts.update(|d| d.step.0 = target);
            router.navigate(&Route::ApplicationStep(target).href(), false);
        } else {
            errors.set(found);
            request_animation_frame(|| focus_element_by_id(SUMMARY_ID));
        }
    };
    let back = if returning {
        Some(StepId::Review)
    } else {
        previous(step)
    };
    let fields = fields_of(step)
        .map(|field| {
            let shown = move || drafts.with(|d| d.is_some_and(|d| applies(field, &d.answers)));
            let with_similar = matches!(field.id, "existing_title" | "idea_title");
            view! {
                <Show when=shown>
                    <FieldView field=field errors=errors.into() />
                    {with_similar.then(|| similar_courses(field.id))}
                </Show>
            }
        })
        .collect_view();
    view! {
        {back.map(|b| view! {
            <a class="fr-link fr-icon-arrow-left-line fr-link--icon-left fr-mb-3w" href=Route::ApplicationStep(b).href()>
                {i18n.t(Text::Back)}
            </a>
        })}
        {stepper(step)}
        {error_summary(errors.into())}
        <p class="fr-text--sm">{i18n.t(Text::DraftSaved)}</p>
        <form novalidate on:submit=on_submit>
            {fields}
            <button type="submit" id="continuer" class="fr-btn fr-mt-3w">{i18n.t(Text::Continue)}</button>
        </form>
    }
}

/// Keeps the title "[Erreur : ]Step - Candidature… - Campus…".
fn use_step_title(step: StepId, errors: Signal<Vec<Invalid>>) {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let l = i18n.locale();
        let prefix = if errors.with(Vec::is_empty) {
            ""
        } else {
            Text::ErrorTitlePrefix.get(l)
        };
        let page = format!(
            "{prefix}{} - {}",
            step_title(step, l),
            Text::TitleApplication.get(l)
        );
        document().set_title(&document_title(&page, l));
    });
}

fn answer_text(
    field: &'static str,
    answer: &super::answers::Answer,
    l: crate::i18n::Locale,
) -> String {
    use super::answers::Answer;
    let f = field_by_id(field);
    let is_choice = f.is_some_and(|f| {
        matches!(
            f.input,
            super::form::Input::OneOf(_) | super::form::Input::AnyOf(_)
        )
    });
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

/// The "check your answers" page.
fn review_step() -> impl IntoView {
    let i18n = use_i18n();
    let drafts = use_drafts();
    let router = use_router();
    let config = expect_context::<ConfigContext>().0;
    let consent = RwSignal::new(false);
    let errors = RwSignal::new(Vec::<Invalid>::new());
    let failure = RwSignal::new(None::<SubmitError>);
    let sending = RwSignal::new(false);
    use_step_title(StepId::Review, errors.into());

    let sections = move || {
        let l = i18n.locale();
        let Some(draft) = drafts.get() else {
            return ().into_any();
        };
        StepId::QUESTIONS
            .into_iter()
            .map(|step| {
                let rows = review_rows(step, &draft.answers)
                    .into_iter()
                    .map(|row| {
                        let value = row.answer.as_ref().map_or_else(
                            || Text::NotProvided.get(l).to_owned(),
                            |a| answer_text(row.field.id, a, l),
                        );
                        let href = format!("{}?retour=verification&champ={}", Route::ApplicationStep(step).href(), row.field.id);
                        view! {
                            <div class="campus-review-row">
                                <dt>{label_text(row.field, l)}</dt>
                                <dd class="campus-review-value">{value}</dd>
                                <dd>
                                    <a class="fr-link" href=href>
                                        {Text::ChangeAnswer.get(l)}
                                        <span class="fr-sr-only">" " {field_label(row.field.id, l)}</span>
                                    </a>
                                </dd>
                            </div>
                        }
                    })
                    .collect_view();
                view! {
                    <h2 class="fr-h4 fr-mt-5w">{step_title(step, l)}</h2>
                    <dl class="campus-review">{rows}</dl>
                }
            })
            .collect_view()
            .into_any()
    };

    let body = move || {
        drafts.get_untracked().map(|d| {
            payload(
                &d,
                &js_sys::Date::new_0()
                    .to_iso_string()
                    .as_string()
                    .unwrap_or_default(),
                i18n.locale().tag(),
            )
            .to_string()
        })
    };
    let finish = move |sent_body: String| {
        drafts.finish(sent_body);
        router.navigate(&Route::ApplicationStep(StepId::Confirmation).href(), false);
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !consent.get_untracked() {
            errors.set(vec![Invalid {
                field: "consent",
                error: FieldError::Required,
            }]);
            request_animation_frame(|| focus_element_by_id(SUMMARY_ID));
            return;
        }
        errors.set(Vec::new());
        let Some(endpoint) = config.get_untracked().and_then(|c| c.applications_endpoint) else {
            return;
        };
        let (Some(body), Some(key)) = (body(), drafts.get_untracked().map(|d| d.idempotency_key))
        else {
            return;
        };
        sending.set(true);
        failure.set(None);
        leptos::task::spawn_local(async move {
            let result = submit(&endpoint, &body, &key).await;
            sending.set(false);
            match result {
                Ok(()) => finish(body),
                Err(e) => {
                    failure.set(Some(e));
                    request_animation_frame(|| focus_element_by_id("echec-envoi"));
                }
            }
        });
    };
    let has_endpoint = move || {
        config.with(|c| {
            c.as_ref()
                .and_then(|c| c.applications_endpoint.as_ref())
                .is_some()
        })
    };
    let download_json = move |_| {
        if let (Some(body), Some(d)) = (body(), drafts.get_untracked()) {
            let _ = download(
                &format!("candidature-{}.json", d.reference),
                "application/json",
                &body,
            );
        }
    };
    let mail_href = move || {
        let reference = drafts.with(|d| d.map(|d| d.reference.clone()).unwrap_or_default());
        let subject = format!("Candidature formateur bénévole {reference}");
        let body = format!("Bonjour,\n\nVeuillez trouver ci-joint ma candidature (référence {reference}).\n\nCordialement");
        format!(
            "mailto:campus@numerique.gouv.fr?subject={}&body={}",
            crate::routes::percent_encode(&subject),
            crate::routes::percent_encode(&body)
        )
    };

    view! {
        <a class="fr-link fr-icon-arrow-left-line fr-link--icon-left fr-mb-3w" href=Route::ApplicationStep(StepId::Availability).href()>
            {i18n.t(Text::Back)}
        </a>
        <h1>{move || step_title(StepId::Review, i18n.locale())}</h1>
        {error_summary(errors.into())}
        {move || failure.get().map(|f| {
            let l = i18n.locale();
            let text = match f {
                SubmitError::Network(_) => Text::SubmitFailedNetwork,
                SubmitError::Server(_) => Text::SubmitFailedServer,
            };
            let detail = match f {
                SubmitError::Network(d) => d,
                SubmitError::Server(code) => format!("HTTP {code}"),
            };
            view! {
                <div class="fr-alert fr-alert--error fr-mb-4w" id="echec-envoi" tabindex="-1" role="alert">
                    <h2 class="fr-alert__title">{Text::SubmitFailedTitle.get(l)}</h2>
                    <p>{text.get(l)}</p>
                    <p class="fr-text--sm">{Text::CatalogueErrorDetail.get(l)} " " {detail}</p>
                </div>
            }
        })}
        {sections}
        <form novalidate class="fr-mt-5w" on:submit=on_submit>
            <div class="fr-checkbox-group" class=("fr-checkbox-group--error", move || !errors.with(Vec::is_empty))>
                <input
                    type="checkbox"
                    id="f-consent"
                    name="consent"
                    prop:checked=move || consent.get()
                    on:change=move |ev| consent.set(event_target_checked(&ev))
                    aria-describedby=move || (!errors.with(Vec::is_empty)).then_some("f-consent-error")
                />
                <label class="fr-label" for="f-consent">{i18n.t(Text::ConsentLabel)}</label>
                {move || (!errors.with(Vec::is_empty)).then(|| view! {
                    <p class="fr-error-text" id="f-consent-error">{i18n.t(Text::ConsentRequired)}</p>
                })}
            </div>
            <p class="fr-mt-1w"><a class="fr-link" href=Route::PersonalData.href() target="_blank" rel="noopener">{i18n.t(Text::ConsentPrivacyLink)}</a></p>
            <Show
                when=has_endpoint
                fallback=move || view! {
                    <div class="fr-callout fr-mt-3w">
                        <h2 class="fr-callout__title fr-h5">{i18n.t(Text::NoEndpointTitle)}</h2>
                        <p class="fr-callout__text">{i18n.t(Text::NoEndpointText)}</p>
                        <ul class="fr-btns-group fr-btns-group--inline-md">
                            <li><button type="button" class="fr-btn" on:click=download_json>{i18n.t(Text::DownloadJson)}</button></li>
                            <li><a class="fr-btn fr-btn--secondary" href=mail_href>{i18n.t(Text::PrepareEmail)}</a></li>
                        </ul>
                    </div>
                }
            >
                <button type="submit" id="envoyer" class="fr-btn fr-mt-3w" disabled=move || sending.get()>
                    {move || if sending.get() { i18n.t(Text::Sending)() } else if failure.get().is_some() { i18n.t(Text::SubmitRetry)() } else { i18n.t(Text::Submit)() }}
                </button>
            </Show>
        </form>
    }
}

/// The confirmation page.
fn confirmation_step() -> impl IntoView {
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

/// One step of the application (`#/candidature/{step}`).
#[component]
pub fn StepPage(
    /// The step from the URL.
    step: StepId,
) -> impl IntoView {
    let drafts = use_drafts();
    let router = use_router();
    // A deep link to a step that may not be shown yet goes to the right one.
    let (answers, submitted) = drafts.with_untracked(|d| {
        d.map_or((Default::default(), false), |d| {
            (d.answers.clone(), d.submitted)
        })
    });
    let sent = drafts.sent().is_some();
    if step == StepId::Confirmation && sent {
        // The confirmation of an application sent from this tab.
    } else if drafts.get_untracked().is_none() && step != StepId::You {
        request_animation_frame(move || router.navigate(&Route::Application.href(), true));
    } else {
        if drafts.get_untracked().is_none() {
            drafts.start();
        }
        let allowed = redirect(step, &answers, submitted);
        if allowed != step {
            request_animation_frame(move || {
                router.navigate(&Route::ApplicationStep(allowed).href(), true)
            });
        } else if !matches!(step, StepId::Review | StepId::Confirmation) {
            drafts.update(|d| d.step.0 = step);
        }
    }
    let query = router.location().query;
    let returning = query.split('&').any(|p| p == "retour=verification");
    let focus = query
        .split('&')
        .find_map(|p| p.strip_prefix("champ="))
        .and_then(field_by_id);
    if let Some(field) = focus {
        let id = control_id(field);
        request_animation_frame(move || focus_element_by_id(&id));
    }
    let content = match step {
        StepId::Review => review_step().into_any(),
        StepId::Confirmation => confirmation_step().into_any(),
        _ => question_step(step, returning).into_any(),
    };
    view! {
        <div class="fr-container fr-my-5w">
            <div class="fr-grid-row">
                <div class="fr-col-12 fr-col-md-10 fr-col-lg-8">{content}</div>
            </div>
        </div>
    }
}
