//! The submitted application: a JSON document built from the answers that apply
//! (answers to branches not taken are never sent). Its JSON Schema is published
//! as `public/application.schema.json`.

use serde_json::{json, Map, Value};

use super::answers::Answer;
use super::draft::Draft;
use super::form::{fields_of, StepId};
use super::validation::applies;

/// Version of the payload format (the schema's `schema_version`).
pub const PAYLOAD_VERSION: u32 = 1;

fn section(step: StepId, draft: &Draft) -> Value {
    let mut out = Map::new();
    for field in fields_of(step).filter(|f| applies(f, &draft.answers)) {
        let value = match draft.answers.0.get(field.id) {
            Some(a) if !a.is_empty() => match a {
                Answer::Text(t) => match field.input {
                    super::form::Input::Number { .. } => {
                        t.trim().parse::<u32>().map_or(Value::Null, Value::from)
                    }
                    _ => Value::from(t.trim()),
                },
                Answer::Choices(c) => Value::from(c.clone()),
            },
            // A skipped optional question is sent as null: present, unanswered.
            _ => Value::Null,
        };
        out.insert(field.id.to_owned(), value);
    }
    Value::Object(out)
}

/// The JSON document `POST`ed to `applications_endpoint` (and downloaded).
/// `submitted_at` is RFC 3339; `language` is the interface language.
pub fn payload(draft: &Draft, submitted_at: &str, language: &str) -> Value {
    json!({
        "schema_version": PAYLOAD_VERSION,
        "reference": draft.reference,
        "idempotency_key": draft.idempotency_key,
        "submitted_at": submitted_at,
        "language": language,
        "consent": true,
        "applicant": section(StepId::You, draft),
        "expertise": section(StepId::Expertise, draft),
        "proposal": section(StepId::Proposal, draft),
        "availability": section(StepId::Availability, draft),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::application::draft::Draft;

    #[test]
    fn only_the_chosen_branch_is_sent_and_numbers_are_numbers() {
        let mut d = Draft::new([1; 24], 0);
        d.answers.set_text("proposal_kind", "idee-programme");
        d.answers.set_text("idea_title", " Data pour managers ");
        d.answers.set_text("existing_title", "Abandonné");
        d.answers.set_text("help_topic", "Abandonné aussi");
        d.answers.set_text("days_per_year", "5");
        let p = payload(&d, "2026-11-23T10:00:00Z", "fr");
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
    }
}
