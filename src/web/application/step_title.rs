//! The document title of a form's step page, shared by the steps and the
//! review (the step page shows the review as its last step).

use leptos::prelude::*;

use super::storage::use_form;
use crate::ui::i18n::use_i18n;
use campus_core::application::form::StepId;
use campus_core::application::validation::Invalid;
use campus_core::i18n::document_title;
use campus_core::i18n::forms::FormText;

/// Keeps the title "[Erreur : ]Step - Candidature… - Campus…".
pub fn use_step_title(step: StepId, errors: Signal<Vec<Invalid>>) {
    let i18n = use_i18n();
    let form = use_form();
    Effect::new(move |_| {
        let l = i18n.locale();
        let prefix = if errors.with(Vec::is_empty) {
            ""
        } else {
            FormText::ErrorTitlePrefix.get(l)
        };
        let page = format!(
            "{prefix}{} - {}",
            form.step_title(step).get(l),
            form.title.get(l)
        );
        document().set_title(&document_title(&page, l));
    });
}
