//! Grist as the campus's back office, as pure rules: the frozen payload
//! mapped to a table's columns, Grist's answer judged, and the table to
//! create in Grist.
//!
//! A form published from a Grist document takes anonymous rows at
//! `POST {server}/api/s/{share_key}/tables/{table}/records` with the body
//! `{"records":[{"fields":{…}}]}` and answers `{"records":[{"id":N}]}`
//! (grist-core: `app/client/ui/FormAPI.ts`, `app/server/lib/DocApi.ts`).
//! Cross-origin, Grist allows `Content-Type` and `X-Requested-With` only, and
//! refuses credentials with a 403 (`trustOriginHandler` in
//! `app/server/lib/FlexServer.ts`): the request carries no cookie and no
//! `Idempotency-Key` header. Grist has no idempotency key either: a retry
//! after a lost answer adds a second row, so the reference and the key go
//! in columns of their own, where the team sees the duplicate.
//!
//! Proof of receipt is the id of the row Grist created, and nothing else.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use super::form::{Field, FieldId, Form, Input, StepId};
use super::receipt::{judge_json, Response, SendError};

/// The columns every row has besides the fields: the payload's own members.
pub const META_COLUMNS: [&str; 4] = ["reference", "idempotency_key", "submitted_at", "language"];

/// The column of `field`: the configured one, else the field id.
pub fn column<'a>(field: &Field, columns: &'a BTreeMap<FieldId, String>) -> &'a str {
    columns
        .get(&field.id)
        .map_or(field.id.as_str(), String::as_str)
}

/// The URL rows are added at.
pub fn records_url(server: &str, share_key: &str, table: &str) -> String {
    format!("{server}/api/s/{share_key}/tables/{table}/records")
}

/// The payload's value for `field`: the consent is the payload's `consent`;
/// every other field is in its step's section (absent: not asked).
fn value_of<'p>(form: &Form, payload: &'p Value, field: &Field) -> Option<&'p Value> {
    if field.step == StepId::Review || field.id == form.consent {
        payload.get("consent")
    } else {
        payload.get(field.step.section())?.get(field.id.as_str())
    }
}

/// The body that adds the frozen `payload` as one row: each answered field
/// in its column (multiple choices as a Grist choice list `["L", …]`,
/// numbers as numbers, text as text), plus the [`META_COLUMNS`]. `None` if
/// the payload is not a JSON object.
pub fn record_body(
    form: &Form,
    payload: &str,
    columns: &BTreeMap<FieldId, String>,
) -> Option<String> {
    let payload: Value = serde_json::from_str(payload).ok()?;
    payload.as_object()?;
    let mut fields = Map::new();
    for name in META_COLUMNS {
        if let Some(v) = payload.get(name).filter(|v| !v.is_null()) {
            fields.insert(name.to_owned(), v.clone());
        }
    }
    for field in form.fields {
        let value = match value_of(form, &payload, field) {
            None | Some(Value::Null) => continue,
            Some(Value::Array(items)) => {
                let mut list = vec![Value::from("L")];
                list.extend(items.iter().cloned());
                Value::Array(list)
            }
            Some(v) => v.clone(),
        };
        fields.insert(column(field, columns).to_owned(), value);
    }
    Some(json!({ "records": [{ "fields": fields }] }).to_string())
}

/// Judges Grist's answer: the id of the created row, or why there is none.
/// A `2xx` whose JSON has no positive whole `records[0].id` is
/// [`SendError::NoRowId`].
pub fn judge(r: &Response<'_>, now_unix: i64) -> Result<u64, SendError> {
    let value = judge_json(r, now_unix)?;
    value
        .get("records")
        .and_then(|records| records.get(0))
        .and_then(|record| record.get("id"))
        .and_then(Value::as_u64)
        .filter(|id| *id > 0)
        .ok_or(SendError::NoRowId)
}

/// The Grist column type of a field, and its choices.
fn column_type(input: Input) -> (&'static str, &'static [&'static str]) {
    match input {
        Input::Number { .. } => ("Int", &[]),
        Input::Hours { .. } => ("Numeric", &[]),
        Input::OneOf(options) => ("Choice", options),
        Input::AnyOf(options) => ("ChoiceList", options),
        Input::Tick => ("Bool", &[]),
        Input::Text | Input::Email | Input::Phone | Input::LongText | Input::Url => ("Text", &[]),
    }
}

/// The table to create for `form`, as the JSON body of Grist's
/// `POST /api/docs/{docId}/tables`: the [`META_COLUMNS`], then one column
/// per field (its id, its French question as label, its Grist type, and the
/// choices of a choice or choice list column).
pub fn table_definition(form: &Form, table: &str, columns: &BTreeMap<FieldId, String>) -> Value {
    let meta = META_COLUMNS
        .iter()
        .map(|id| json!({ "id": id, "fields": { "label": id, "type": "Text" } }));
    let fields = form.fields.iter().map(|field| {
        let (kind, choices) = column_type(field.input);
        let mut fields = json!({ "label": field.label.get(crate::i18n::Locale::Fr), "type": kind });
        if !choices.is_empty() {
            fields["widgetOptions"] = Value::from(json!({ "choices": choices }).to_string());
        }
        json!({ "id": column(field, columns), "fields": fields })
    });
    json!({ "tables": [{ "id": table, "columns": meta.chain(fields).collect::<Vec<_>>() }] })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::application::draft::Draft;
    use crate::application::fixtures::{complete_answers, complete_request};
    use crate::application::form::{ProposalKind, REQUEST, TRAINER};
    use crate::application::payload::payload;

    fn draft(form: &Form) -> Draft {
        let mut draft = Draft::new(form, [7; 24], 0);
        draft.answers = if form.id == TRAINER.id {
            complete_answers(ProposalKind::Existing)
        } else {
            complete_request()
        };
        draft
    }

    fn frozen(form: &Form) -> String {
        payload(form, &draft(form), "2026-12-07T10:00:00.000Z", "fr")
            .unwrap()
            .to_string()
    }

    fn ok(status: u16, body: &str) -> Response<'_> {
        Response {
            status,
            redirected: false,
            content_type: Some("application/json; charset=utf-8"),
            retry_after: None,
            body,
        }
    }

    #[test]
    fn the_frozen_payload_becomes_one_row_in_its_columns() {
        let columns: BTreeMap<_, _> = [(FieldId::Email, "Courriel".to_owned())].into();
        let payload = frozen(&TRAINER);
        let body: Value =
            serde_json::from_str(&record_body(&TRAINER, &payload, &columns).unwrap()).unwrap();
        let sent: Value = serde_json::from_str(&payload).unwrap();
        let row = &body["records"][0]["fields"];
        assert_eq!(body["records"].as_array().unwrap().len(), 1);
        assert_eq!(row["reference"], sent["reference"]);
        assert_eq!(row["idempotency_key"], sent["idempotency_key"]);
        assert_eq!(row["Courriel"], sent["applicant"]["email"]);
        assert!(row.get("email").is_none());
        assert_eq!(row["first_name"], sent["applicant"]["first_name"]);
        assert_eq!(row["consent"], Value::Bool(true));
        // Multiple choices as a Grist choice list; numbers stay numbers.
        let domains = row["domains"].as_array().unwrap();
        assert_eq!(domains[0], "L");
        assert_eq!(
            &domains[1..],
            sent["expertise"]["domains"].as_array().unwrap().as_slice()
        );
        assert!(row["years_experience"].is_number());
        // Every column of the row is one the table defines.
        let table = table_definition(&TRAINER, "Candidatures", &columns);
        let ids: Vec<&str> = table["tables"][0]["columns"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap())
            .collect();
        for key in row.as_object().unwrap().keys() {
            assert!(ids.contains(&key.as_str()), "{key} not in the table");
        }
        // A skipped optional question is not sent (the cell stays blank).
        let request = record_body(&REQUEST, &frozen(&REQUEST), &BTreeMap::new()).unwrap();
        assert!(!request.contains("null"), "{request}");
        assert!(record_body(&TRAINER, "[1]", &columns).is_none());
        assert!(record_body(&TRAINER, "{", &columns).is_none());
    }

    /// Every free-text answer of `form` made hostile (a formula, a query
    /// string, markup, quotes, NFD), each different; what the payload says.
    fn all_hostile(form: &Form) -> (String, Vec<(FieldId, String)>) {
        let mut d = draft(form);
        let mut set = Vec::new();
        for (i, field) in form.fields.iter().enumerate() {
            if matches!(field.input, Input::Text | Input::LongText)
                && !d.answers.text(field.id).is_empty()
            {
                let hostile =
                    format!("=HYPERLINK(\"http://x\")+@-&champ_{i}=1#f <b>\"q\"</b> e\u{301} {i}");
                d.answers.set_text(field.id, &hostile);
                set.push((field.id, hostile));
            }
        }
        let payload = payload(form, &d, "2026-12-07T10:00:00.000Z", "fr")
            .unwrap_or_else(|e| panic!("{:?} refused: {e:?}", form.id));
        (payload.to_string(), set)
    }

    #[test]
    fn every_free_text_answer_hostile_reaches_its_column_and_its_link_as_typed() {
        for form in [&TRAINER, &REQUEST] {
            let (payload, set) = all_hostile(form);
            assert!(
                set.len() >= 4,
                "{:?}: {} hostile answers",
                form.id,
                set.len()
            );
            let row: Value =
                serde_json::from_str(&record_body(form, &payload, &BTreeMap::new()).unwrap())
                    .unwrap();
            let fields: BTreeMap<FieldId, String> = set
                .iter()
                .enumerate()
                .map(|(i, (id, _))| (*id, format!("champ_Q{i}")))
                .collect();
            let out = crate::application::demarches::hand_off(
                form,
                &payload,
                "https://ds.example/commencer/x",
                &fields,
            )
            .unwrap();
            let query = out.link.split_once('?').map_or("", |(_, q)| q);
            let sent: Vec<(String, String)> = query
                .split('&')
                .filter_map(|pair| pair.split_once('='))
                .map(|(k, v)| {
                    let decode =
                        |x: &str| crate::util::percent::percent_decode_with(x, false).unwrap();
                    (decode(k), decode(v))
                })
                .collect();
            for (i, (id, hostile)) in set.iter().enumerate() {
                assert_eq!(
                    row["records"][0]["fields"][id.as_str()],
                    Value::from(hostile.as_str()),
                    "{id}"
                );
                let key = format!("champ_Q{i}");
                let in_link = sent.iter().any(|(k, v)| *k == key && v == hostile);
                let left = out.left.iter().any(|l| l.field == *id);
                assert!(
                    in_link != left,
                    "{id}: in the link as typed, or listed to copy (exactly one)"
                );
            }
        }
    }

    #[test]
    fn hostile_answers_travel_as_json_text() {
        let mut draft = draft(&REQUEST);
        let hostile = "=HYPERLINK(\"http://x\")\u{200b}\"\\</script>e\u{301}";
        draft.answers.0.insert(
            FieldId::RequestNeed,
            crate::application::answers::Answer::Text(hostile.into()),
        );
        let payload = payload(&REQUEST, &draft, "2026-12-07T10:00:00.000Z", "fr")
            .unwrap()
            .to_string();
        let body: Value =
            serde_json::from_str(&record_body(&REQUEST, &payload, &BTreeMap::new()).unwrap())
                .unwrap();
        assert_eq!(body["records"][0]["fields"]["request_need"], hostile);
    }

    #[test]
    fn only_a_row_id_is_proof_of_receipt() {
        assert_eq!(judge(&ok(200, r#"{"records":[{"id":42}]}"#), 0), Ok(42));
        for body in [
            r#"{"records":[]}"#,
            r#"{"records":[{"id":"42"}]}"#,
            r#"{"records":[{"id":0}]}"#,
            r#"{"records":[{"id":-3}]}"#,
            r#"{"records":[{"id":1.5}]}"#,
            r#"{"records":{"id":4}}"#,
            r#"{"reference":"ABCDEFGH"}"#,
            "{}",
        ] {
            assert_eq!(judge(&ok(200, body), 0), Err(SendError::NoRowId), "{body}");
        }
        let html = Response {
            content_type: Some("text/html"),
            ..ok(200, "<html>login</html>")
        };
        assert_eq!(judge(&html, 0), Err(SendError::NotJson));
        assert_eq!(judge(&ok(200, ""), 0), Err(SendError::Empty));
        assert_eq!(
            judge(
                &ok(
                    403,
                    r#"{"error":"Credentials not supported for cross-origin requests"}"#
                ),
                0
            ),
            Err(SendError::Status(403))
        );
        assert_eq!(judge(&ok(500, "{}"), 0), Err(SendError::Status(500)));
        let busy = Response {
            retry_after: Some("7"),
            ..ok(429, "")
        };
        assert_eq!(
            judge(&busy, 0),
            Err(SendError::Busy {
                status: 429,
                retry_after: Some(7)
            })
        );
        let redirect = Response {
            redirected: true,
            ..ok(0, "")
        };
        assert_eq!(judge(&redirect, 0), Err(SendError::Redirected));
    }

    #[test]
    fn the_table_definition_types_each_column() {
        let table = table_definition(&REQUEST, "Demandes", &BTreeMap::new());
        assert_eq!(table["tables"][0]["id"], "Demandes");
        let columns = table["tables"][0]["columns"].as_array().unwrap();
        assert_eq!(columns.len(), META_COLUMNS.len() + REQUEST.fields.len());
        let find = |id: &str| columns.iter().find(|c| c["id"] == id).unwrap()["fields"].clone();
        assert_eq!(find("reference")["type"], "Text");
        assert_eq!(find("idempotency_key")["type"], "Text");
        assert_eq!(find("request_team_size")["type"], "Int");
        assert_eq!(find("request_consent")["type"], "Bool");
        assert_eq!(find("request_need")["type"], "Text");
        assert_eq!(find("request_need")["label"], "Décrivez votre besoin");
        let periods = find("request_periods");
        assert_eq!(periods["type"], "ChoiceList");
        let options: Value =
            serde_json::from_str(periods["widgetOptions"].as_str().unwrap()).unwrap();
        assert!(!options["choices"].as_array().unwrap().is_empty());
        assert_eq!(find("request_format")["type"], "Choice");
        assert_eq!(
            records_url("https://g.fr", "k1", "Demandes"),
            "https://g.fr/api/s/k1/tables/Demandes/records"
        );
    }
}
