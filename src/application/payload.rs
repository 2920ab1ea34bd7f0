//! The submitted application: a JSON document built from the answers that apply
//! (answers to branches not taken are never sent). Its JSON Schema is published
//! as `public/application.schema.json`. It is built once, when the applicant
//! first sends or downloads it, and frozen in the draft: retries send the same
//! bytes.

use serde_json::{json, Map, Value};

use super::answers::Answer;
use super::draft::Draft;
use super::form::{fields_of, FieldId, Input, StepId, TICKED};
use super::validation::{applies, check_all, Invalid};

/// Version of the payload format (the schema's `schema_version`).
pub const PAYLOAD_VERSION: u32 = 1;

fn section(step: StepId, draft: &Draft) -> Value {
    let mut out = Map::new();
    for field in fields_of(step).filter(|f| applies(f, &draft.answers)) {
        let value = match draft.answers.0.get(&field.id) {
            Some(a) if !a.is_empty() => match a {
                Answer::Text(t) => match field.input {
                    Input::Number { .. } => {
                        t.trim().parse::<u32>().map_or(Value::Null, Value::from)
                    }
                    _ => Value::from(t.trim()),
                },
                Answer::Choices(c) => Value::from(c.clone()),
            },
            // A skipped optional question is sent as null: present, unanswered.
            _ => Value::Null,
        };
        out.insert(field.id.as_str().to_owned(), value);
    }
    Value::Object(out)
}

/// The JSON document `POST`ed to `applications_endpoint` (and downloaded), or
/// the invalid fields (consent included) when the application is not complete:
/// sending and downloading require the same. `submitted_at` is RFC 3339;
/// `language` is the interface language.
pub fn payload(draft: &Draft, submitted_at: &str, language: &str) -> Result<Value, Vec<Invalid>> {
    let invalid = check_all(&draft.answers);
    if !invalid.is_empty() {
        return Err(invalid);
    }
    Ok(json!({
        "schema_version": PAYLOAD_VERSION,
        "reference": draft.reference,
        "idempotency_key": draft.idempotency_key,
        "submitted_at": submitted_at,
        "language": language,
        "consent": draft.answers.text(FieldId::Consent) == TICKED,
        "applicant": section(StepId::You, draft),
        "expertise": section(StepId::Expertise, draft),
        "proposal": section(StepId::Proposal, draft),
        "availability": section(StepId::Availability, draft),
    }))
}

/// The bytes to send: the frozen payload if there is one, else a new one,
/// which the caller freezes in the draft before the first attempt.
pub fn frozen_or_new(
    draft: &Draft,
    submitted_at: &str,
    language: &str,
) -> Result<String, Vec<Invalid>> {
    // Even a frozen body is sent only while the answers are complete.
    let fresh = payload(draft, submitted_at, language)?;
    Ok(draft.frozen.clone().unwrap_or_else(|| fresh.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::application::draft::Draft;
    use crate::application::form::FieldId as F;

    fn complete() -> Draft {
        let mut d = Draft::new([1; 24], 0);
        d.answers = crate::application::fixtures::complete_answers(
            crate::application::form::ProposalKind::Idea,
        );
        d.answers.set_text(F::IdeaTitle, " Data pour managers ");
        // Answers of branches not taken, which must never be sent.
        d.answers.set_text(F::ExistingTitle, "Abandonné");
        d.answers.set_text(F::HelpTopic, "Abandonné aussi");
        d
    }

    #[test]
    fn only_the_chosen_branch_is_sent_and_numbers_are_numbers() {
        let d = complete();
        let p = payload(&d, "2026-11-23T10:00:00Z", "fr").unwrap();
        let proposal = p["proposal"].as_object().unwrap();
        assert_eq!(proposal["idea_title"], "Data pour managers");
        assert!(!proposal.contains_key("existing_title"));
        assert!(!proposal.contains_key("help_topic"));
        assert_eq!(p["availability"]["days_per_year"], 5);
        assert_eq!(p["applicant"]["phone"], Value::Null);
        assert!(!p["applicant"]
            .as_object()
            .unwrap()
            .contains_key("administration_other"));
        assert_eq!(p["reference"].as_str().unwrap().len(), 8);
        assert_eq!(p["schema_version"], 1);
        assert_eq!(p["consent"], true);
        assert!(
            p.get("review").is_none(),
            "consent is framing, not a section"
        );
    }

    #[test]
    fn no_payload_without_consent_or_with_an_incomplete_step() {
        let mut d = complete();
        d.answers.set_text(F::Consent, "");
        let errors = payload(&d, "x", "fr").unwrap_err();
        assert_eq!(
            errors.iter().map(|e| e.field).collect::<Vec<_>>(),
            [F::Consent]
        );
        let mut d = complete();
        d.answers.set_text(F::Email, "nope");
        assert!(payload(&d, "x", "fr").is_err());
    }

    #[test]
    fn a_frozen_body_is_sent_as_is() {
        let mut d = complete();
        let first = frozen_or_new(&d, "2026-11-23T10:00:00Z", "fr").unwrap();
        d.frozen = Some(first.clone());
        let again = frozen_or_new(&d, "2026-11-23T10:05:00Z", "en").unwrap();
        assert_eq!(again, first, "same bytes on every retry");
    }
}
