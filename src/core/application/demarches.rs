//! démarches simplifiées as the campus's back office, as pure rules: the
//! prefilled link to a démarche, and what does not fit in it.
//!
//! A dossier starts prefilled from `{démarche URL}?champ_{id}=…&identite_prenom=…`
//! (demarches-simplifiees.fr: `app/models/prefill_champs.rb`,
//! `prefill_identity.rb`); a multiple choice is a repeated `champ_{id}[]=`;
//! a choice is given by its option's text, a yes/no champ by `true`/`false`,
//! a number by its digits. DS warns past 2,000 characters
//! (`MAX_PREFILL_LINK_LENGTH`, `prefill_description.rb`): the link is built
//! within [`MAX_LINK`] bytes once percent-encoded, which is never shorter
//! than what DS counts. DS's API sends no CORS headers, so a static page
//! cannot send a dossier itself: the applicant continues on DS and submits
//! there.
//!
//! Order in the link, each answer whole or not at all: identity
//! (`identite_*`), then choices (single, multiple, yes/no, boxes), then
//! numbers and one-line texts, then long texts; within each, the form's
//! order. An answer that does not fit is skipped and the next ones are
//! still tried; what is left out is listed, in the form's order, for the
//! applicant to copy on DS.

use std::collections::BTreeMap;

use serde_json::Value;

use super::form::{Field, FieldId, Form, Input, StepId, YES_NO};
use crate::application::labels::option_label;
use crate::i18n::Locale;
use crate::util::percent::percent_encode;

/// Longest link offered, in bytes once encoded (DS's own limit).
pub const MAX_LINK: usize = 2000;

/// An answer that is not in the link: the applicant copies it on DS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Left {
    /// The question.
    pub field: FieldId,
    /// The DS key it goes into (`champ_…`, `identite_…`); `None` when the
    /// configuration maps it to no champ.
    pub key: Option<String>,
    /// The answer as the applicant copies it (choices by their text,
    /// several joined by ", ").
    pub text: String,
}

/// The prefilled link and what is left out of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandOff {
    /// The démarche's URL with every answer that fits.
    pub link: String,
    /// The answers not in the link, in the form's order.
    pub left: Vec<Left>,
}

/// How DS reads `field`'s `value` (from the payload): the values of its
/// query parameter (several for a multiple choice), and the text to copy.
fn values(field: &Field, value: &Value) -> Option<(Vec<String>, String)> {
    let label = |v: &str| option_label(v, Locale::Fr).to_owned();
    match (field.input, value) {
        (Input::AnyOf(_), Value::Array(items)) => {
            let labels: Vec<String> = items.iter().filter_map(Value::as_str).map(label).collect();
            let text = labels.join(", ");
            (!labels.is_empty()).then_some((labels, text))
        }
        (Input::OneOf(options), Value::String(v)) if options == YES_NO => {
            Some((vec![(v == "oui").to_string()], label(v)))
        }
        (Input::OneOf(_), Value::String(v)) => Some((vec![label(v)], label(v))),
        // A ticked box (an unticked one is left for DS to ask).
        (_, Value::Bool(b)) => b.then(|| (vec!["true".to_owned()], "Oui".to_owned())),
        (_, Value::Number(n)) => Some((vec![n.to_string()], n.to_string())),
        (_, Value::String(s)) if !s.is_empty() => Some((vec![s.clone()], s.clone())),
        _ => None,
    }
}

/// Where `field` comes in the link (lower first).
fn rank(field: &Field, key: &str) -> u8 {
    match field.input {
        _ if key.starts_with("identite_") => 0,
        Input::OneOf(_) | Input::AnyOf(_) | Input::Tick => 1,
        Input::LongText => 3,
        _ => 2,
    }
}

/// The link to `url` prefilled from the frozen `payload` through `fields`
/// (our field → DS key), within [`MAX_LINK`], and what is left out. `None`
/// if the payload is not a JSON object.
pub fn hand_off(
    form: &Form,
    payload: &str,
    url: &str,
    fields: &BTreeMap<FieldId, String>,
) -> Option<HandOff> {
    let payload: Value = serde_json::from_str(payload).ok()?;
    payload.as_object()?;
    // Every answered question, in the form's order.
    let answers: Vec<(&Field, Vec<String>, String)> = form
        .fields
        .iter()
        .filter_map(|field| {
            // The consent is the campus's own: DS asks for its own, so it
            // is neither sent nor listed unless the configuration maps it.
            if field.id == form.consent && !fields.contains_key(&field.id) {
                return None;
            }
            let value = if field.step == StepId::Review {
                payload.get("consent")?
            } else {
                payload.get(field.step.section())?.get(field.id.as_str())?
            };
            let (params, text) = values(field, value)?;
            Some((field, params, text))
        })
        .collect();
    let mut mapped: Vec<(usize, &str)> = answers
        .iter()
        .enumerate()
        .filter_map(|(i, (field, ..))| Some((i, fields.get(&field.id)?.as_str())))
        .collect();
    mapped.sort_by_key(|(i, key)| rank(answers[*i].0, key));
    let mut link = url.to_owned();
    let mut fitted = vec![false; answers.len()];
    for (i, key) in mapped {
        let (field, params, _) = &answers[i];
        let name = percent_encode(key);
        let many = matches!(field.input, Input::AnyOf(_));
        let mut part = String::new();
        for value in params {
            let sep = if link.contains('?') || !part.is_empty() {
                '&'
            } else {
                '?'
            };
            part.push(sep);
            part.push_str(&name);
            if many {
                part.push_str("[]");
            }
            part.push('=');
            part.push_str(&percent_encode(value));
        }
        if link.len() + part.len() <= MAX_LINK {
            link.push_str(&part);
            fitted[i] = true;
        }
    }
    let left = answers
        .into_iter()
        .zip(fitted)
        .filter(|(_, fitted)| !fitted)
        .map(|((field, _, text), _)| Left {
            field: field.id,
            key: fields.get(&field.id).cloned(),
            text,
        })
        .collect();
    Some(HandOff { link, left })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::application::answers::Answer;
    use crate::application::draft::Draft;
    use crate::application::fixtures::complete_request;
    use crate::application::form::REQUEST;
    use crate::application::payload::payload;

    const URL: &str = "https://www.demarches-simplifiees.fr/commencer/campus-sur-mesure";

    fn frozen(edit: impl FnOnce(&mut Draft)) -> String {
        let mut draft = Draft::new(&REQUEST, [3; 24], 0);
        draft.answers = complete_request();
        edit(&mut draft);
        payload(&REQUEST, &draft, "2026-12-07T10:00:00.000Z", "fr")
            .unwrap()
            .to_string()
    }

    /// The complete request's payload with `section.field` set to `text`
    /// (past the form's own limits: the link must hold whatever it is given).
    fn with_text(field: FieldId, text: &str) -> String {
        let mut value: Value = serde_json::from_str(&frozen(|_| {})).unwrap();
        value["need"][field.as_str()] = Value::from(text);
        value.to_string()
    }

    fn map(pairs: &[(FieldId, &str)]) -> BTreeMap<FieldId, String> {
        pairs.iter().map(|(f, k)| (*f, (*k).to_owned())).collect()
    }

    fn all_fields() -> BTreeMap<FieldId, String> {
        REQUEST
            .fields
            .iter()
            .map(|f| {
                let key = match f.id {
                    FieldId::RequesterFirstName => "identite_prenom".to_owned(),
                    FieldId::RequesterLastName => "identite_nom".to_owned(),
                    id => format!("champ_{}", id.as_str().replace('_', "")),
                };
                (f.id, key)
            })
            .collect()
    }

    #[test]
    fn identity_then_choices_then_short_then_long_texts() {
        let out = hand_off(&REQUEST, &frozen(|_| {}), URL, &all_fields()).unwrap();
        assert!(out.left.is_empty(), "{:?}", out.left);
        let keys: Vec<&str> = out
            .link
            .split(['?', '&'])
            .skip(1)
            .map(|p| p.split('=').next().unwrap())
            .collect();
        assert_eq!(
            keys,
            [
                "identite_prenom",
                "identite_nom",
                "champ_requesteradministration",
                "champ_requestaudience[]",
                "champ_requestformat",
                "champ_requestperiods[]",
                "champ_requestperiods[]",
                "champ_requestconsent",
                "champ_requesteremail",
                "champ_requesterrole",
                "champ_requestteamsize",
                "champ_requestplace",
                "champ_requestneed",
            ]
        );
        assert!(out.link.starts_with(&format!(
            "{URL}?identite_prenom=Dominique&identite_nom=Lef%C3%A8vre&"
        )));
        // Choices by their French text, numbers by their digits, a ticked box as true.
        assert!(out
            .link
            .contains("&champ_requesteradministration=Minist%C3%A8re%20de%20la%20Culture&"));
        assert!(out.link.contains("&champ_requestteamsize=12&"));
        assert!(out.link.contains("&champ_requestconsent=true&"));
    }

    #[test]
    fn unmapped_answers_are_left_with_no_key() {
        let out = hand_off(
            &REQUEST,
            &frozen(|_| {}),
            URL,
            &map(&[(FieldId::RequestNeed, "champ_Q2hhbXAtMTIz")]),
        )
        .unwrap();
        assert_eq!(
            out.link,
            format!("{URL}?champ_Q2hhbXAtMTIz=Former%20l%27%C3%A9quipe%20%C3%A0%20la%20conduite%20de%20produit.")
        );
        assert!(out.left.iter().all(|l| l.key.is_none()));
        assert!(out.left.iter().all(|l| l.field != FieldId::RequestConsent));
        let periods = out
            .left
            .iter()
            .find(|l| l.field == FieldId::RequestPeriods)
            .unwrap();
        assert!(periods.text.contains(", "), "{}", periods.text);
        // In the form's order.
        assert_eq!(out.left[0].field, FieldId::RequesterFirstName);
    }

    #[test]
    fn a_huge_answer_is_left_out_and_the_others_still_fit() {
        let huge = "é".repeat(20_000);
        let payload = with_text(FieldId::RequestNeed, &huge);
        let out = hand_off(&REQUEST, &payload, URL, &all_fields()).unwrap();
        assert!(out.link.len() <= MAX_LINK);
        assert_eq!(out.left.len(), 1);
        assert_eq!(out.left[0].field, FieldId::RequestNeed);
        assert_eq!(out.left[0].key.as_deref(), Some("champ_requestneed"));
        assert_eq!(out.left[0].text, huge);
        assert!(out.link.contains("champ_requestplace=Paris"));
    }

    #[test]
    fn the_limit_is_two_thousand_bytes_exactly() {
        let fields = map(&[(FieldId::RequestPlace, "champ_P")]);
        // URL + "?champ_P=" + value
        let room = MAX_LINK - URL.len() - "?champ_P=".len();
        for (len, fits) in [(room, true), (room + 1, false)] {
            let payload = with_text(FieldId::RequestPlace, &"x".repeat(len));
            let out = hand_off(&REQUEST, &payload, URL, &fields).unwrap();
            assert_eq!(
                out.link.len(),
                if fits { MAX_LINK } else { URL.len() },
                "{len}"
            );
            assert_eq!(
                out.left.iter().any(|l| l.field == FieldId::RequestPlace),
                !fits
            );
        }
    }

    #[test]
    fn hostile_values_and_keys_are_encoded() {
        let hostile = "a&champ_X=1#frag +=%\n\u{200b}<script>e\u{301}";
        let payload = frozen(|d| {
            d.answers
                .0
                .insert(FieldId::RequestPlace, Answer::Text(hostile.into()));
        });
        let out = hand_off(
            &REQUEST,
            &payload,
            URL,
            &map(&[(FieldId::RequestPlace, "champ_Q2g=")]),
        )
        .unwrap();
        let query = out.link.strip_prefix(URL).unwrap();
        assert_eq!(
            query,
            "?champ_Q2g%3D=a%26champ_X%3D1%23frag%20%2B%3D%25%0A%E2%80%8B%3Cscript%3Ee%CC%81"
        );
        // NFD stays as typed (e + combining accent): three bytes more than é.
        assert!(query.ends_with("e%CC%81"));
        let decoded =
            crate::util::percent::percent_decode_with(query.split_once('=').unwrap().1, false)
                .unwrap();
        assert_eq!(decoded, hostile);
        assert!(hand_off(&REQUEST, "null", URL, &BTreeMap::new()).is_none());
    }

    #[test]
    fn yes_no_is_true_or_false_and_an_empty_choice_list_is_not_sent() {
        let form = &crate::application::form::TRAINER;
        let mut draft = Draft::new(form, [1; 24], 0);
        draft.answers = crate::application::fixtures::complete_answers(
            crate::application::form::ProposalKind::Idea,
        );
        let payload = payload(form, &draft, "2026-12-07T10:00:00.000Z", "en").unwrap();
        let informed = payload["availability"]["manager_informed"]
            .as_str()
            .unwrap()
            .to_owned();
        let out = hand_off(
            form,
            &payload.to_string(),
            URL,
            &map(&[(FieldId::ManagerInformed, "champ_M")]),
        )
        .unwrap();
        assert_eq!(out.link, format!("{URL}?champ_M={}", informed == "oui"));
        let field = form
            .fields
            .iter()
            .find(|f| f.id == FieldId::Domains)
            .unwrap();
        assert_eq!(values(field, &Value::Array(vec![])), None);
    }
}
