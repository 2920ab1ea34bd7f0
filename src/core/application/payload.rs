//! The submitted form: a JSON document built from the answers that apply
//! (answers to branches not taken are never sent), one object per question
//! step. Each form's JSON Schema is published next to `index.html`
//! (`application.schema.json`, `request.schema.json`). It is built once, when
//! the applicant first sends or downloads it, and frozen in the draft: retries
//! send the same bytes. A frozen body is sent only while it is exactly the
//! payload the answers make ([`proven_frozen`]); any other — edited in a
//! progress file or in storage — is rebuilt from the answers under a new key
//! ([`seal`]): what the applicant reviewed is what is sent.

use serde_json::{json, Map, Value};

use super::answers::Answer;
use super::draft::{uuid_from, Draft};
use super::form::{Form, Input, StepId, TICKED};
use super::validation::{applies, check_all, parse_hours, parse_whole, Invalid};
use super::visible::trim;
use crate::i18n::Locale;

/// Version of the payload format (the schema's `schema_version`).
pub const PAYLOAD_VERSION: u32 = 1;

fn section(form: &Form, step: StepId, draft: &Draft) -> Value {
    let mut out = Map::new();
    for field in form.fields_of(step).filter(|f| applies(f, &draft.answers)) {
        let value = match draft.answers.0.get(&field.id) {
            Some(a) if !a.is_empty() => match a {
                Answer::Text(t) => match field.input {
                    Input::Number { .. } => parse_whole(t).map_or(Value::Null, Value::from),
                    Input::Hours { .. } => parse_hours(t).map_or(Value::Null, hours_value),
                    _ => Value::from(trim(t)),
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

/// Hundredths of an hour as a JSON number: `7`, `3.5`, `1.33`.
fn hours_value(hundredths: u32) -> Value {
    if hundredths.is_multiple_of(100) {
        Value::from(hundredths / 100)
    } else {
        Value::from(f64::from(hundredths) / 100.0)
    }
}

/// Whether `t` is a UTC time as `Date.prototype.toISOString` writes it
/// (`2026-11-23T10:00:00.000Z`, milliseconds optional).
pub fn is_iso_utc(t: &str) -> bool {
    let b = t.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let base = b.len() >= 20
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19);
    base && match &b[19..] {
        [b'Z'] => true,
        [b'.', rest @ .., b'Z'] => {
            !rest.is_empty() && rest.len() <= 3 && rest.iter().all(u8::is_ascii_digit)
        }
        _ => false,
    }
}

/// The draft's frozen body, if it is exactly the payload its answers make
/// (under its own `submitted_at` and `language`): only then may it be sent
/// again as is.
pub fn proven_frozen<'d>(form: &Form, draft: &'d Draft) -> Option<&'d str> {
    let frozen = draft.frozen.as_deref()?;
    let value: Value = serde_json::from_str(frozen).ok()?;
    let submitted_at = value
        .get("submitted_at")?
        .as_str()
        .filter(|t| is_iso_utc(t))?;
    let language = value
        .get("language")?
        .as_str()
        .filter(|l| Locale::ALL.iter().any(|x| x.tag() == *l))?;
    let rebuilt = payload(form, draft, submitted_at, language).ok()?;
    (rebuilt == value).then_some(frozen)
}

/// The bytes to send or download, and the draft ready for it: the frozen
/// body if it is proven ([`proven_frozen`]), else a new payload, frozen in
/// the draft before the first attempt. A frozen body that is not proven is
/// dropped and the draft takes a new key (`fresh_key`): a receiver that saw
/// the old key must never get another body under it. The invalid fields
/// (consent included) when the form is not complete: sending and
/// downloading require the same.
pub fn seal(
    form: &Form,
    draft: &mut Draft,
    submitted_at: &str,
    language: &str,
    fresh_key: impl FnOnce() -> [u8; 16],
) -> Result<String, Vec<Invalid>> {
    // Even a frozen body is sent only while the answers are complete.
    let invalid = check_all(form, &draft.answers);
    if !invalid.is_empty() {
        return Err(invalid);
    }
    if let Some(body) = proven_frozen(form, draft) {
        return Ok(body.to_owned());
    }
    if draft.frozen.take().is_some() {
        draft.idempotency_key = uuid_from(fresh_key());
    }
    let body = payload(form, draft, submitted_at, language)?.to_string();
    draft.frozen = Some(body.clone());
    Ok(body)
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
        let first = seal(&TRAINER, &mut d, "2026-11-23T10:00:00.000Z", "fr", || {
            [9; 16]
        })
        .unwrap();
        assert_eq!(d.frozen.as_deref(), Some(first.as_str()));
        let key = d.idempotency_key.clone();
        let again = seal(&TRAINER, &mut d, "2026-11-23T10:05:00.000Z", "en", || {
            [8; 16]
        })
        .unwrap();
        assert_eq!(again, first, "same bytes on every retry");
        assert_eq!(d.idempotency_key, key, "same key");
    }

    /// A frozen body edited anywhere (a progress file with its checksum
    /// recomputed, storage) is never sent: the payload is rebuilt from the
    /// answers, under a new key.
    #[test]
    fn a_frozen_body_that_differs_from_the_answers_is_rebuilt_under_a_new_key() {
        let mut d = complete();
        let honest = seal(&TRAINER, &mut d, "2026-11-23T10:00:00.000Z", "fr", || {
            [9; 16]
        })
        .unwrap();
        let key = d.idempotency_key.clone();
        let mut value: Value = serde_json::from_str(&honest).unwrap();
        value["applicant"]["email"] = json!("mallory@evil.example");
        let mut extra: Value = serde_json::from_str(&honest).unwrap();
        extra["extra"] = json!("<script>");
        let mut date: Value = serde_json::from_str(&honest).unwrap();
        date["submitted_at"] = json!("<script>");
        let mut language: Value = serde_json::from_str(&honest).unwrap();
        language["language"] = json!("xx");
        for tampered in [value, extra, date, language] {
            let mut t = d.clone();
            t.frozen = Some(tampered.to_string());
            assert_eq!(proven_frozen(&TRAINER, &t), None, "{tampered}");
            let sent = seal(&TRAINER, &mut t, "2026-11-24T09:00:00.000Z", "fr", || {
                [7; 16]
            })
            .unwrap();
            let sent: Value = serde_json::from_str(&sent).unwrap();
            assert_eq!(
                sent["applicant"]["email"],
                "camille.martin@interieur.gouv.fr"
            );
            assert!(sent.get("extra").is_none());
            assert_eq!(sent["submitted_at"], "2026-11-24T09:00:00.000Z");
            assert_ne!(t.idempotency_key, key, "a new key for another body");
            assert_eq!(sent["idempotency_key"], t.idempotency_key.as_str());
        }
        // The honest body is proven, whatever its language.
        let mut en = complete();
        seal(&TRAINER, &mut en, "2026-11-23T10:00:00Z", "en", || [9; 16]).unwrap();
        assert!(proven_frozen(&TRAINER, &en).is_some());
    }

    #[test]
    fn hours_are_sent_as_numbers_and_text_without_invisible_ends() {
        let mut d = complete();
        d.answers = crate::application::fixtures::complete_answers(
            crate::application::form::ProposalKind::Existing,
        );
        d.answers.set_text(F::ExistingDurationHours, "3,5");
        d.answers
            .set_text(F::Email, "\u{200B}camille.martin@interieur.gouv.fr\u{202E}");
        let p = payload(&TRAINER, &d, "x", "fr").unwrap();
        assert_eq!(p["proposal"]["existing_duration_hours"], json!(3.5));
        assert_eq!(p["applicant"]["email"], "camille.martin@interieur.gouv.fr");
        d.answers.set_text(F::ExistingDurationHours, "7 h");
        let p = payload(&TRAINER, &d, "x", "fr").unwrap();
        assert_eq!(p["proposal"]["existing_duration_hours"], json!(7));
    }

    #[test]
    fn timestamps_are_iso_utc_only() {
        for ok in ["2026-11-23T10:00:00Z", "2026-11-23T10:00:00.123Z"] {
            assert!(is_iso_utc(ok), "{ok}");
        }
        for bad in [
            "",
            "2026-11-23",
            "2026-11-23T10:00:00+01:00",
            "2026-11-23T10:00:00.Z",
            "x026-11-23T10:00:00Z",
            "2026-11-23T10:00:00.1234Z",
        ] {
            assert!(!is_iso_utc(bad), "{bad}");
        }
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
                FormId::Trainer => include_str!("../../../public/application.schema.json"),
                FormId::Request => include_str!("../../../public/request.schema.json"),
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
                        Input::Number { min, max } | Input::Hours { min, max } => {
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
