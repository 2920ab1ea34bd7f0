//! One page per step of a form (any form: the steps come from its table): the
//! questions, the DSFR step indicator, the error summary, Back and Continue.
//! The journey's guard (`journey::resolve`) is applied here, in one Effect,
//! for every step.

use leptos::prelude::*;

use super::confirmation_page::confirmation_step;
use super::fields::{control_id, FieldView};
use super::notices::{error_summary, saved_line, storage_warning, SUMMARY_ID};
use super::review_page::review_step;
use super::step_title::use_step_title;
use super::storage::{use_drafts, use_form};
use crate::catalogue::loader::use_catalogue;
use crate::ui::focus::focus_element_by_id;
use crate::ui::i18n::use_i18n;
use crate::ui::router::use_router;
use campus_core::application::form::{field_by_str, FieldId, Form, StepId};
use campus_core::application::journey::{next, previous, resolve, Decision, JourneyState};
use campus_core::application::validation::{applies, check_step, Invalid};
use campus_core::i18n::forms::{args as form_args, FormText};
use campus_core::routes::Route;

/// The DSFR step indicator for a question step (its `h1` is the page heading).
fn stepper(form: &'static Form, step: StepId) -> impl IntoView {
    let i18n = use_i18n();
    let total = form.questions.len();
    let n = form
        .questions
        .iter()
        .position(|s| *s == step)
        .map_or(total, |i| i + 1);
    let next_step = form.questions.get(n).copied();
    view! {
        <div class="fr-stepper">
            <h1 class="fr-stepper__title">
                {move || form.step_title(step).get(i18n.locale())}
                <span class="fr-stepper__state">
                    {move || form_args::StepOf { n: &n, total: &total }.get(i18n.locale())}
                </span>
            </h1>
            <div class="fr-stepper__steps" data-fr-current-step=n.to_string() data-fr-steps=total.to_string()></div>
            {next_step.map(|s| view! {
                <p class="fr-stepper__details">
                    <span class="fr-text--bold">{i18n.t(FormText::NextStepLabel)}</span>
                    " "
                    {move || form.step_title(s).get(i18n.locale())}
                </p>
            })}
        </div>
    }
}

/// Courses of the catalogue that look like the title being typed.
fn similar_courses(field: FieldId) -> impl IntoView {
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
        // Any significant word counts: "Accessibilité des PDF" finds
        // "Documents bureautiques et PDF accessibles".
        let hits = loaded.explorer.search_index().similar(&title, 4);
        // The course the answer already names (a request about it) is not
        // "a training that may already exist": only the others are listed.
        let named =
            campus_core::catalogue::text::fold(campus_core::application::visible::trim(&title));
        let courses: Vec<_> = hits
            .iter()
            .filter_map(|h| {
                loaded
                    .explorer
                    .catalogue
                    .courses
                    .get(h.doc as usize)
                    .cloned()
            })
            .filter(|c| campus_core::catalogue::text::fold(&c.title) != named)
            .take(3)
            .collect();
        (!courses.is_empty()).then(|| {
            view! {
                <div class="fr-callout fr-mb-3w campus-similar" aria-live="polite">
                    <p class="fr-callout__text fr-text--sm">{i18n.t(FormText::MaybeExists)}</p>
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
    let form = use_form();
    let drafts = use_drafts();
    let router = use_router();
    let errors = RwSignal::new(Vec::<Invalid>::new());
    use_step_title(step, errors.into());

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(found) = drafts.with_untracked(|d| d.map(|d| check_step(form, step, &d.answers)))
        else {
            return;
        };
        if found.is_empty() {
            errors.set(Vec::new());
            let target = if returning {
                StepId::Review
            } else {
                next(form, step)
            };
            router.navigate(&Route::FormStep(form.id, target).href(), false);
        } else {
            errors.set(found);
            request_animation_frame(|| focus_element_by_id(SUMMARY_ID));
        }
    };
    let back = if returning {
        Some(StepId::Review)
    } else {
        previous(form, step)
    };
    let fields = form
        .fields_of(step)
        .map(|field| {
            let shown = move || drafts.with(|d| d.is_some_and(|d| applies(field, &d.answers)));
            view! {
                <Show when=shown>
                    <FieldView field=field errors=errors.into() />
                    {field.similar_courses.then(|| similar_courses(field.id))}
                </Show>
            }
        })
        .collect_view();
    view! {
        {back.map(|b| view! {
            <a class="fr-link fr-icon-arrow-left-line fr-link--icon-left fr-mb-3w" href=Route::FormStep(form.id, b).href()>
                {i18n.t(FormText::Back)}
            </a>
        })}
        {stepper(form, step)}
        {storage_warning()}
        {error_summary(errors.into())}
        {saved_line()}
        <form novalidate on:submit=on_submit>
            {fields}
            <button type="submit" id="continuer" class="fr-btn fr-mt-3w">{i18n.t(FormText::Continue)}</button>
        </form>
    }
}

/// One step of the current form (`#/candidature/{step}`, `#/sur-mesure/{step}`).
#[component]
pub fn StepPage(
    /// The step from the URL.
    step: StepId,
) -> impl IntoView {
    let form = use_form();
    let drafts = use_drafts();
    let router = use_router();
    // The journey's one decision for this step, from the draft and this tab's
    // sent application; re-decided when either changes (another tab may send).
    let decision = Memo::new(move |_| {
        let sent = drafts.sent();
        let sent_here = sent.is_some();
        let ending = match sent.map(|s| s.to()) {
            Some(super::storage::SentTo::Demarches) => StepId::HandOff,
            _ => StepId::Confirmation,
        };
        let closed = drafts.closed().is_some();
        drafts.with(|d| {
            resolve(
                form,
                step,
                JourneyState {
                    draft: d.map(|d| &d.answers),
                    sent_here,
                    ending,
                    closed,
                },
            )
        })
    });
    // ... applied in one place.
    Effect::new(move |_| match decision.get() {
        Decision::Show => {
            if form.questions.contains(&step) {
                drafts.visit(step);
            }
        }
        Decision::StartAndShow => drafts.start(),
        Decision::Redirect(to) => router.navigate(&Route::FormStep(form.id, to).href(), true),
        Decision::ToStart => router.navigate(&Route::FormStart(form.id).href(), true),
    });
    let query = router.location().query;
    let returning = query.split('&').any(|p| p == "retour=verification");
    if let Some(field) = query
        .split('&')
        .find_map(|p| p.strip_prefix("champ="))
        .and_then(field_by_str)
    {
        router.focus_on_arrival(control_id(field));
    }
    let content = move || {
        (decision.get() == Decision::Show).then(|| match step {
            StepId::Review => review_step().into_any(),
            StepId::Confirmation => confirmation_step().into_any(),
            StepId::HandOff => super::handoff_page::handoff_step().into_any(),
            _ => question_step(step, returning).into_any(),
        })
    };
    view! {
        <div class="fr-container fr-my-5w">
            <div class="fr-grid-row">
                <div class="fr-col-12 fr-col-md-10 fr-col-lg-8">{content}</div>
            </div>
        </div>
    }
}
