//! The start page of a form (the trainer application, the sur-mesure
//! request): start, or resume the draft kept in this browser (never a second
//! one), discard it, move it between computers with a progress file.

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

use super::notices::{closed_notice, download_progress, storage_warning};
use super::storage::{use_drafts, use_form};
use super::trainer_call_page::known_call_status;
use crate::catalogue::loader::CatalogueState;
use crate::ui::i18n::use_i18n;
use crate::ui::page::use_static_page_title;
use crate::ui::router::use_router;
use campus_core::application::form::FormId;
use campus_core::application::progress::{import_progress, ImportError, MAX_PROGRESS_BYTES};
use campus_core::i18n::forms::{args as form_args, FormText};
use campus_core::i18n::Text;
use campus_core::routes::Route;

/// What the start of a form offers when no draft is in progress.
enum StartState {
    /// The start button.
    Open,
    /// Nothing yet: the catalogue is on its way, and it tells (the call's
    /// state, or the course a request is about).
    Checking(Text),
    /// The call is closed, and why.
    Closed(String),
}

/// Why a chosen progress file was not loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refusal {
    /// The file was read and refused.
    File(ImportError),
    /// The browser could not read it.
    Unreadable,
}

/// The start page of the current form.
#[component]
pub fn FormStartPage() -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let drafts = use_drafts();
    let router = use_router();
    use_static_page_title(form.title);
    let confirming = RwSignal::new(false);
    // The outcome of the last progress file chosen: `Err` says why it was refused.
    let loaded = RwSignal::new(None::<Result<(), Refusal>>);
    // How many files were judged: a refusal's alert is re-announced for each.
    let judged = RwSignal::new(0u32);
    let judge = move |outcome: Result<(), Refusal>| {
        judged.update(|n| *n += 1);
        loaded.set(Some(outcome));
    };
    let in_progress = move || drafts.with(|d| d.is_some());
    let catalogue = crate::catalogue::loader::use_catalogue();
    // Only the trainer application waits for the call to be open; `None`
    // while the catalogue that tells is on its way.
    let call_status = move || {
        if form.gated_by_call {
            known_call_status(catalogue, i18n.locale())
        } else {
            Some((true, String::new()))
        }
    };

    // `?formation=<id>`: the course this request is about, prefilled.
    let about = router
        .location()
        .query
        .split('&')
        .find_map(|p| p.strip_prefix("formation="))
        .and_then(|id| campus_core::util::percent::percent_decode_with(id, true));
    // A request about a course names it once the catalogue is here (the
    // title comes from there): until then, its start waits.
    let waits_for_course = about.is_some() && form.course_field.is_some();
    let about = StoredValue::new(about);
    let start_state = move || {
        let loading = matches!(catalogue.state(), CatalogueState::Loading);
        match call_status() {
            None => StartState::Checking(Text::CallChecking),
            Some(_) if loading && waits_for_course => StartState::Checking(Text::CourseChecking),
            Some((true, _)) => StartState::Open,
            Some((false, why)) => StartState::Closed(why),
        }
    };
    // The title of the course `?formation=` names, once the catalogue is here
    // (only a course of the catalogue is named: a link cannot write
    // arbitrary text into the form).
    let about_title = Memo::new(move |_| {
        form.course_field?;
        let id = about.get_value()?;
        catalogue
            .ready()
            .and_then(|c| c.explorer.catalogue.course(&id).map(|c| c.title.clone()))
    });
    // The course the draft in progress is about ("" when none).
    let draft_course = move || {
        form.course_field.map_or_else(String::new, |field| {
            drafts.with(|d| {
                d.map_or_else(String::new, |d| {
                    campus_core::application::visible::trim(d.answers.text(field)).to_owned()
                })
            })
        })
    };
    let start = move |_| {
        drafts.start();
        if let (Some(field), Some(title)) = (form.course_field, about_title.get_untracked()) {
            drafts.set_text(field, title);
        }
        router.navigate(&Route::FormStep(form.id, form.first_step()).href(), false);
    };
    // A request in progress, opened from another course's page: it may be
    // made about that course instead (the other answers stay).
    let switch_course = move |_| {
        if let (Some(field), Some(title)) = (form.course_field, about_title.get_untracked()) {
            drafts.set_text(field, title);
            let step = campus_core::application::form::field(field).step;
            router.navigate(&Route::FormStep(form.id, step).href(), false);
        }
    };
    let other_course = move || {
        let wanted = about_title.get()?;
        let current = draft_course();
        (current != wanted).then_some((current, wanted))
    };

    let resume_href = move || {
        let step = drafts.with(|d| d.map_or(form.first_step(), |d| d.step.0));
        Route::FormStep(form.id, step).href()
    };
    let save_progress = move |_| download_progress();
    let load_progress = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        // The same file may be chosen again after a fix: clear the input.
        input.set_value("");
        // Checked before reading: a huge file is never loaded into memory.
        if file.size() > MAX_PROGRESS_BYTES as f64 {
            judge(Err(Refusal::File(ImportError::TooLarge)));
            return;
        }
        let Ok(reader) = web_sys::FileReader::new() else {
            judge(Err(Refusal::Unreadable));
            return;
        };
        let reader_done = reader.clone();
        let onload = Closure::once_into_js(move || {
            let text = reader_done.result().ok().and_then(|r| r.as_string());
            let Some(text) = text else {
                judge(Err(Refusal::Unreadable));
                return;
            };
            match import_progress(form, &text, crate::ui::clock::now_ms()) {
                Ok(draft) => {
                    judge(Ok(()));
                    let step = draft.step.0;
                    drafts.replace(draft);
                    router.navigate(&Route::FormStep(form.id, step).href(), false);
                }
                Err(e) => judge(Err(Refusal::File(e))),
            }
        });
        let onerror = Closure::once_into_js(move || judge(Err(Refusal::Unreadable)));
        reader.set_onload(Some(onload.unchecked_ref()));
        reader.set_onerror(Some(onerror.unchecked_ref()));
        if reader.read_as_text(&file).is_err() {
            judge(Err(Refusal::Unreadable));
        }
    };
    let refusal = move || {
        let Some(Err(why)) = loaded.get() else {
            return None;
        };
        let text = match why {
            Refusal::File(ImportError::TooLarge) => FormText::ProgressTooLarge,
            Refusal::File(ImportError::NotProgressFile) => FormText::ProgressNotFile,
            Refusal::File(ImportError::NewerVersion(_)) => FormText::ProgressNewer,
            Refusal::File(ImportError::Damaged) => FormText::ProgressDamaged,
            Refusal::Unreadable => FormText::ProgressUnreadable,
        };
        Some(view! {
            <div class="fr-alert fr-alert--error fr-mb-3w" id="progression-refusee" role="alert" data-essai=judged.get()>
                <p>{form.say(text, i18n.locale())}</p>
            </div>
        })
    };

    view! {
        <div class="fr-container fr-my-7w">
            <div class="fr-grid-row">
                <div class="fr-col-12 fr-col-md-10 fr-col-lg-8">
                    <h1>{i18n.t(form.title)}</h1>
                    <p class="fr-text--lead">{move || form.intro.get(i18n.locale())}</p>
                    {(form.id == FormId::Request).then(sur_mesure_examples)}
                    {storage_warning()}
                    {closed_notice()}
                    {refusal}
                    <Show
                        when=in_progress
                        fallback=move || {
                            move || match start_state() {
                                StartState::Open => view! {
                                    <p>{form.say(FormText::ApplicationNotStarted, i18n.locale())}</p>
                                    {move || about_title.get().map(|title| view! {
                                        <p id="formation-concernee">
                                            {i18n.t(FormText::RequestAboutCourse)} " " <strong>{title}</strong>
                                        </p>
                                    })}
                                    <button type="button" class="fr-btn campus-needs-app" on:click=start>{form.start.get(i18n.locale())}</button>
                                }
                                .into_any(),
                                // Nothing to start yet: what it waits for is said.
                                StartState::Checking(what) => view! {
                                    <p id="depart-en-attente" role="status" aria-busy="true">{i18n.t(what)}</p>
                                }
                                .into_any(),
                                // A closed call takes no new application, and says why.
                                StartState::Closed(text) => view! {
                                    <div class="fr-alert fr-alert--info fr-mb-3w" id="appel-ferme">
                                        <p>{text}</p>
                                    </div>
                                }
                                .into_any(),
                            }
                        }
                    >
                        <div class="fr-callout campus-needs-app">
                            <p class="fr-callout__text">{move || form.say(FormText::ResumeIntro, i18n.locale())}</p>
                            {move || other_course().map(|(current, wanted)| {
                                let l = i18n.locale();
                                let now = if current.is_empty() {
                                    FormText::RequestInProgressNoCourse.get(l).to_owned()
                                } else {
                                    form_args::RequestInProgressAbout { course: &current }.get(l)
                                };
                                view! {
                                    <div id="autre-formation" class="fr-mb-3w">
                                        <p>{now}</p>
                                        <p>{form_args::RequestSwitchQuestion { course: &wanted }.get(l)}</p>
                                        <button type="button" class="fr-btn fr-btn--secondary" id="changer-formation" on:click=switch_course>
                                            {FormText::RequestSwitchCourse.get(l)}
                                        </button>
                                    </div>
                                }
                            })}
                            <ul class="fr-btns-group fr-btns-group--inline-md">
                                <li><a class="fr-btn" href=resume_href>{move || form.resume.get(i18n.locale())}</a></li>
                                <li>
                                    <button type="button" class="fr-btn fr-btn--secondary" on:click=save_progress>
                                        {i18n.t(FormText::DownloadProgress)}
                                    </button>
                                </li>
                                <li>
                                    <button
                                        type="button"
                                        class="fr-btn fr-btn--tertiary"
                                        aria-expanded=move || confirming.get().to_string()
                                        aria-controls="confirmer-suppression"
                                        on:click=move |_| confirming.set(true)
                                    >
                                        {i18n.t(FormText::DiscardDraft)}
                                    </button>
                                </li>
                            </ul>
                            <div id="confirmer-suppression">
                                {move || confirming.get().then(|| view! {
                                    <p class="fr-text--bold">{i18n.t(FormText::DiscardConfirm)}</p>
                                    <ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
                                        <li>
                                            <button type="button" class="fr-btn fr-btn--sm" on:click=move |_| {
                                                drafts.discard();
                                                confirming.set(false);
                                            }>{i18n.t(FormText::DiscardDraft)}</button>
                                        </li>
                                        <li>
                                            <button type="button" class="fr-btn fr-btn--sm fr-btn--secondary" on:click=move |_| confirming.set(false)>
                                                {i18n.t(FormText::Back)}
                                            </button>
                                        </li>
                                    </ul>
                                })}
                            </div>
                        </div>
                    </Show>
                    <div class="fr-upload-group fr-mt-5w campus-needs-app">
                        <label class="fr-label" for="progression">{i18n.t(FormText::LoadProgress)}</label>
                        <input class="fr-upload" type="file" id="progression" accept=".json,application/json" on:change=load_progress />
                    </div>
                </div>
            </div>
        </div>
    }
}

/// The sur-mesure programmes of the catalogue, as examples of what can be
/// asked for.
fn sur_mesure_examples() -> impl IntoView {
    let i18n = use_i18n();
    let catalogue = crate::catalogue::loader::use_catalogue();
    move || {
        let loaded = catalogue.ready()?;
        let examples: Vec<_> = loaded
            .explorer
            .catalogue
            .courses
            .iter()
            .filter(|c| c.kind == campus_core::catalogue::model::Kind::SurMesure)
            .take(5)
            .map(|c| (c.id.clone(), c.title.clone()))
            .collect();
        (!examples.is_empty()).then(|| {
            view! {
                <p>{i18n.t(FormText::RequestExamples)}</p>
                <ul class="fr-mb-4w">
                    {examples
                        .into_iter()
                        .map(|(id, title)| view! {
                            <li><a class="fr-link" href=Route::Course(id).href()>{title}</a></li>
                        })
                        .collect_view()}
                </ul>
            }
        })
    }
}
