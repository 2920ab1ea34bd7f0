//! The submitted form: a JSON document built from the answers that apply
//! (answers to branches not taken are never sent), one object per question
//! step. Each form's JSON Schema is published next to `index.html`
//! (`application.schema.json`, `request.schema.json`). It is built once, when
//! the applicant first sends or downloads it, and frozen in the draft: retries
//! send the same bytes.

use serde_json::{json, Map, Value};

use super::answers::Answer;
use super::draft::Draft;
use super::form::{Form, Input, StepId, TICKED};
use super::validation::{applies, check_all, Invalid};

/// Version of the payload format (the schema's `schema_version`).
pub const PAYLOAD_VERSION: u32 = 1;

fn section(form: &Form, step: StepId, draft: &Draft) -> Value {
    let mut out = Map::new();
    for field in form.fields_of(step).filter(|f| applies(f, &draft.answers)) {
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

/// The JSON document `POST`ed to the form's endpoint (and downloaded), or the
/// invalid fields (consent included) when the form is not complete: sending
/// and downloading require the same. `submitted_at` is RFC 3339; `language` is
/// the interface language.
pub fn payload(
    form: &Form,
    draft: &Draft,
    submitted_at: &str,
    language: &str,
) -> Result<Value, Vec<Invalid>> {
    let invalid = check_all(form, &draft.answers);
    if !invalid.is_empty() {
        return Err(invalid);
    }
    let mut out = json!({
        "schema_version": PAYLOAD_VERSION,
        "reference": draft.reference,
        "idempotency_key": draft.idempotency_key,
        "submitted_at": submitted_at,
        "language": language,
        "consent": draft.answers.text(form.consent) == TICKED,
    });
    if let Value::Object(map) = &mut out {
        for step in form.questions {
            map.insert(step.section().to_owned(), section(form, *step, draft));
        }
    }
    Ok(out)
}

/// The bytes to send: the frozen payload if there is one, else a new one,
/// which the caller freezes in the draft before the first attempt.
pub fn frozen_or_new(
    form: &Form,
    draft: &Draft,
    submitted_at: &str,
    language: &str,
) -> Result<String, Vec<Invalid>> {
    // Even a frozen body is sent only while the answers are complete.
    let fresh = payload(form, draft, submitted_at, language)?;
    Ok(draft.frozen.clone().unwrap_or_else(|| fresh.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::application::draft::Draft;
    use crate::application::form::FieldId as F;
    use crate::application::form::{REQUEST, TRAINER};

    fn complete() -> Draft {
        let mut d = Draft::new(&TRAINER, [1; 24], 0);
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
        let p = payload(&TRAINER, &d, "2026-11-23T10:00:00Z", "fr").unwrap();
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
        let errors = payload(&TRAINER, &d, "x", "fr").unwrap_err();
        assert_eq!(
            errors.iter().map(|e| e.field).collect::<Vec<_>>(),
            [F::Consent]
        );
        let mut d = complete();
        d.answers.set_text(F::Email, "nope");
        assert!(payload(&TRAINER, &d, "x", "fr").is_err());
    }

    #[test]
    fn a_frozen_body_is_sent_as_is() {
        let mut d = complete();
        let first = frozen_or_new(&TRAINER, &d, "2026-11-23T10:00:00Z", "fr").unwrap();
        d.frozen = Some(first.clone());
        let again = frozen_or_new(&TRAINER, &d, "2026-11-23T10:05:00Z", "en").unwrap();
        assert_eq!(again, first, "same bytes on every retry");
    }

    #[test]
    fn the_request_form_sends_its_own_sections() {
        let mut d = Draft::new(&REQUEST, [2; 24], 0);
        d.answers = crate::application::fixtures::complete_request();
        let p = payload(&REQUEST, &d, "2026-12-01T10:00:00Z", "fr").unwrap();
        let keys: Vec<_> = p.as_object().unwrap().keys().cloned().collect();
        assert!(keys.contains(&"requester".to_owned()) && keys.contains(&"need".to_owned()));
        assert!(!keys.contains(&"applicant".to_owned()));
        assert_eq!(p["consent"], true);
        assert_eq!(p["need"]["request_team_size"], 12);
        assert_eq!(p["need"]["request_periods"], json!(["t2", "t3"]));
        assert_eq!(
            p["need"]["request_course"],
            Value::Null,
            "optional, skipped"
        );
        assert_eq!(p["requester"]["requester_phone"], Value::Null);
        assert!(!p["requester"]
            .as_object()
            .unwrap()
            .contains_key("requester_administration_other"));
        // The trainer form's answers never complete a request, nor the reverse.
        let mut t = Draft::new(&TRAINER, [3; 24], 0);
        t.answers = crate::application::fixtures::complete_answers(
            crate::application::form::ProposalKind::Help,
        );
        assert!(payload(&REQUEST, &t, "x", "fr").is_err());
        assert!(payload(&TRAINER, &d, "x", "fr").is_err());
    }

    /// Each form's published schema describes exactly its table: the same
    /// sections, fields, options, bounds and lengths (a drift fails here).
    #[test]
    fn each_schema_matches_its_form_table() {
        use crate::application::form::{Condition, FormId};
        for id in FormId::ALL {
            let form = id.form();
            let text = match id {
                FormId::Trainer => include_str!("../../public/application.schema.json"),
                FormId::Request => include_str!("../../public/request.schema.json"),
            };
            let schema: Value = serde_json::from_str(text).unwrap();
            assert_eq!(schema["$id"], form.schema);
            let required = schema["required"].as_array().unwrap();
            for step in form.questions {
                assert!(required.contains(&Value::from(step.section())), "{step:?}");
                let section = &schema["properties"][step.section()];
                assert_eq!(section["additionalProperties"], false);
                let props = section["properties"].as_object().unwrap();
                let ids: Vec<_> = form.fields_of(*step).map(|f| f.id.as_str()).collect();
                assert_eq!(
                    props
                        .keys()
                        .map(String::as_str)
                        .collect::<std::collections::BTreeSet<_>>(),
                    ids.iter().copied().collect(),
                    "{step:?}"
                );
                let section_required = section["required"].as_array().unwrap();
                for f in form.fields_of(*step) {
                    let p = &props[f.id.as_str()];
                    let always = f.shown_when == Condition::Always;
                    let listed = section_required.contains(&Value::from(f.id.as_str()));
                    if always && !f.is_optional() {
                        assert!(listed, "{} must be required", f.id);
                    }
                    if !always {
                        assert!(!listed, "{} is absent when not asked", f.id);
                    }
                    // An optional question is sent as null.
                    if f.is_optional() {
                        assert_eq!(p["oneOf"][1], json!({"type": "null"}), "{}", f.id);
                    }
                    let p = if p.get("oneOf").is_some() {
                        &p["oneOf"][0]
                    } else {
                        p
                    };
                    match f.input {
                        Input::OneOf(o) => assert_eq!(p["enum"], json!(o), "{}", f.id),
                        Input::AnyOf(o) => assert_eq!(p["items"]["enum"], json!(o), "{}", f.id),
                        Input::Number { min, max } => {
                            assert_eq!(
                                (p["minimum"].as_u64(), p["maximum"].as_u64()),
                                (Some(min.into()), Some(max.into())),
                                "{}",
                                f.id
                            )
                        }
                        _ => assert_eq!(p["maxLength"], f.max_len, "{}", f.id),
                    }
                }
            }
        }
    }
}
