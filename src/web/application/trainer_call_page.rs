//! The call for volunteer trainers: what volunteers gain, the skills sought
//! (from the catalogue's `trainer_call` when published), what can be proposed,
//! and how applications are examined.

use leptos::prelude::*;

use crate::catalogue::loader::{use_catalogue, CatalogueContext, CatalogueState};
use crate::ui::i18n::use_i18n;
use crate::ui::page::use_static_page_title;
use campus_core::application::form::FormId;
use campus_core::application::form::PROPOSAL_KINDS;
use campus_core::application::labels::option_label;
use campus_core::catalogue::labels;
use campus_core::i18n::{Locale, Text};
use campus_core::routes::Route;

/// Skills shown when the catalogue publishes none (the 2025 call).
const DEFAULT_SKILLS: [&str; 5] = [
    "coaching-produit",
    "deploiement-produits",
    "ia",
    "design",
    "data",
];

/// Whether the call for trainers is open, and the sentence that says so or
/// why not, from the catalogue's `trainer_call` (tracked); `None` while the
/// catalogue is on its way, when nothing is known. A catalogue that failed
/// publishes no call: the campus's call is then open, as when a catalogue
/// has none (a volunteer is not turned away by a network failure).
pub fn known_call_status(catalogue: CatalogueContext, l: Locale) -> Option<(bool, String)> {
    match catalogue.state() {
        CatalogueState::Loading => None,
        CatalogueState::Ready(c) => Some(labels::call_status(
            c.explorer.catalogue.trainer_call.as_ref(),
            c.explorer.now().div_euclid(86_400),
            l,
        )),
        CatalogueState::Failed(_) => Some(labels::call_status(None, 0, l)),
    }
}

/// The call for trainers page.
#[component]
pub fn TrainerCallPage() -> impl IntoView {
    let i18n = use_i18n();
    let catalogue = use_catalogue();
    use_static_page_title(Text::TitleTrainerCall);
    let call = move || {
        catalogue
            .ready()
            .and_then(|c| c.explorer.catalogue.trainer_call.clone())
    };
    // Open or closed, and why, from the data (`trainer_call`): a closed call
    // offers no application; while the catalogue is on its way, the page
    // claims neither.
    // Read three times (the text, `aria-busy`, the apply link): worked out once.
    let status = Memo::new(move |_| known_call_status(catalogue, i18n.locale()));
    let open = move || status.with(|s| s.as_ref().is_some_and(|s| s.0));
    let status_text = move || {
        status.with(|s| {
            s.as_ref().map_or_else(
                || Text::CallChecking.get(i18n.locale()).to_owned(),
                |s| s.1.clone(),
            )
        })
    };
    let skills = move || {
        let l = i18n.locale();
        match call().map(|c| c.sought_skills).filter(|s| !s.is_empty()) {
            Some(skills) => skills,
            None => DEFAULT_SKILLS
                .iter()
                .map(|s| option_label(s, l).to_owned())
                .collect(),
        }
        .into_iter()
        .map(|s| view! { <li>{s}</li> })
        .collect_view()
    };
    let list = |items: &'static [Text]| {
        view! { <ul>{items.iter().map(|t| view! { <li>{i18n.t(*t)}</li> }).collect_view()}</ul> }
    };
    view! {
        <div class="fr-container fr-my-7w">
            <div class="fr-grid-row">
                <div class="fr-col-12 fr-col-lg-9">
                    <h1>{i18n.t(Text::TitleTrainerCall)}</h1>
                    <p class="fr-text--lead">{i18n.t(Text::TrainerCallIntro)}</p>
                    <div class="fr-callout fr-mb-5w">
                        <p
                            class="fr-callout__text"
                            id="etat-appel"
                            role="status"
                            aria-busy=move || status.with(Option::is_none).then_some("true")
                        >
                            {status_text}
                        </p>
                        {move || open().then(|| view! {
                            <a class="fr-btn" href=Route::FormStart(FormId::Trainer).href()>{i18n.t(Text::TrainerCallApply)}</a>
                        })}
                    </div>
                    <h2>{i18n.t(Text::CallGainsTitle)}</h2>
                    {list(&[
                        Text::CallGainLeadership,
                        Text::CallGainRecognition,
                        Text::CallGainDevelopment,
                        Text::CallGainNetwork,
                        Text::CallGainPurpose,
                    ])}
                    <h2>{i18n.t(Text::CallSkillsTitle)}</h2>
                    <ul class="campus-skills">{skills}</ul>
                    <h2>{i18n.t(Text::CallProposalsTitle)}</h2>
                    <ul>
                        {PROPOSAL_KINDS
                            .iter()
                            .map(|k| view! { <li>{move || option_label(k, i18n.locale())}</li> })
                            .collect_view()}
                    </ul>
                    <h2>{i18n.t(Text::CallJudgedTitle)}</h2>
                    {list(&[Text::CallJudgedExpertise, Text::CallJudgedTraining, Text::CallJudgedCommitment])}
                    <p>{i18n.t(Text::CallTrainersFigure)}</p>
                    {move || open().then(|| view! {
                        <a class="fr-btn" href=Route::FormStart(FormId::Trainer).href()>{i18n.t(Text::TrainerCallApply)}</a>
                    })}
                </div>
            </div>
        </div>
    }
}
