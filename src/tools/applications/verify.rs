//! One received file, verified: its checksum (`application::file`), then its
//! payload held to the app's own rules. A payload is accepted only when it is
//! exactly what the app's payload code makes from some answers: the answers
//! are read back from it, checked by `validation::check_all`, and the payload
//! is rebuilt by `payload::payload` and compared. The published schemas say
//! the same (a test in `payload.rs` holds them to the form tables); the
//! rebuild says more (trimmed text, numbers as the app writes them, no
//! answer to a question that was not asked).

use serde_json::{Map, Value};

use super::messages::{Reason, WrongType};
use campus_core::application::answers::{Answer, Answers};
use campus_core::application::draft::{valid_key, valid_reference, Draft};
use campus_core::application::file::{unseal, Sealed, CHECKSUM_MEMBER};
use campus_core::application::form::{Field, FieldId, Form, FormId, Input, TICKED};
use campus_core::application::labels::error_message;
use campus_core::application::payload::{is_iso_utc, payload, PAYLOAD_VERSION};
use campus_core::catalogue::time::WallClock;
use campus_core::i18n::Locale;
use campus_core::util::dates::days_from_civil;

/// The top-level members every payload has besides its sections.
const FRAME: [&str; 6] = [
    "schema_version",
    "reference",
    "idempotency_key",
    "submitted_at",
    "language",
    "consent",
];

/// What the file's checksum showed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    /// Present and matching (its value).
    Verified(String),
    /// Absent.
    Absent,
}

/// A received form, verified.
#[derive(Debug, Clone, PartialEq)]
pub struct Received {
    /// Which form.
    pub form: FormId,
    /// Its reference.
    pub reference: String,
    /// When it was sent, as the file writes it (RFC 3339, UTC).
    pub submitted_at: String,
    /// The same as a date and time (UTC), and its milliseconds.
    pub at: (WallClock, u32),
    /// The applicant's interface language.
    pub language: Locale,
    /// The answers, read back.
    pub answers: Answers,
    /// Its checksum.
    pub check: Check,
    /// The fingerprint (FNV-1a) of the payload's text, the file without its
    /// checksum: two versions with the same one are the same version. Only
    /// the fingerprint is kept, not the text: 10,000 files stay in memory.
    pub content: String,
}

impl Received {
    /// A key that orders versions by the time they were sent.
    pub fn sent_key(&self) -> (i64, u32, u32, u32, u32) {
        let (c, ms) = self.at;
        (
            days_from_civil(c.year, c.month, c.day),
            c.hour,
            c.minute,
            c.second,
            ms,
        )
    }
}

/// Verifies a received file's text: the form it holds, or why it is refused.
pub fn verify(text: &str) -> Result<Received, Reason> {
    let whole: Value = serde_json::from_str(text).map_err(|e| Reason::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    let Value::Object(top) = &whole else {
        return Err(Reason::NotAnObject);
    };
    let form = kind(top)?;
    let (payload_text, value, check) = match unseal(text) {
        Sealed::Altered { checksum, actual } => {
            return Err(Reason::Altered {
                checksum: checksum.to_owned(),
                actual,
            })
        }
        Sealed::Verified { payload, checksum } => {
            let value: Value = serde_json::from_str(&payload).map_err(|e| Reason::NotJson {
                line: e.line(),
                column: e.column(),
            })?;
            (payload, value, Check::Verified(checksum.to_owned()))
        }
        Sealed::Unsigned if top.contains_key(CHECKSUM_MEMBER) => {
            return Err(Reason::ChecksumMisplaced)
        }
        Sealed::Unsigned => (text.to_owned(), whole, Check::Absent),
    };
    let Value::Object(map) = &value else {
        return Err(Reason::NotAnObject);
    };
    let form = form.form();
    let version = map.get("schema_version");
    if version != Some(&Value::from(PAYLOAD_VERSION)) {
        return Err(Reason::UnknownVersion {
            found: version.map_or_else(|| "—".to_owned(), Value::to_string),
            known: PAYLOAD_VERSION,
        });
    }
    for member in map.keys() {
        let known = FRAME.contains(&member.as_str())
            || form.questions.iter().any(|s| s.section() == member);
        if !known {
            return Err(Reason::Unexpected {
                member: member.clone(),
            });
        }
    }
    let text_of = |name: &str| -> Result<&str, Reason> {
        match map.get(name) {
            None => Err(Reason::Missing {
                member: name.to_owned(),
            }),
            Some(Value::String(s)) => Ok(s),
            Some(_) => Err(Reason::WrongType {
                member: name.to_owned(),
                expected: WrongType::Text,
            }),
        }
    };
    let not_as_made = |name: &str| Reason::NotAsMade {
        member: name.to_owned(),
    };
    let reference = text_of("reference")?;
    if !valid_reference(reference) {
        return Err(not_as_made("reference"));
    }
    let key = text_of("idempotency_key")?;
    if !valid_key(key) {
        return Err(not_as_made("idempotency_key"));
    }
    let submitted_at = text_of("submitted_at")?;
    let at = sent_at(submitted_at).ok_or_else(|| not_as_made("submitted_at"))?;
    let language = text_of("language")?;
    let locale = Locale::ALL
        .into_iter()
        .find(|l| l.tag() == language)
        .ok_or_else(|| not_as_made("language"))?;
    match map.get("consent") {
        Some(Value::Bool(true)) => {}
        None => {
            return Err(Reason::Missing {
                member: "consent".into(),
            })
        }
        Some(_) => {
            return Err(Reason::WrongType {
                member: "consent".into(),
                expected: WrongType::True,
            })
        }
    }
    let answers = read_answers(form, map)?;
    let mut draft = Draft::new(form, [0; 24], 0);
    draft.answers = answers;
    draft.reference = reference.to_owned();
    draft.idempotency_key = key.to_owned();
    let rebuilt = payload(form, &draft, submitted_at, language).map_err(|invalid| {
        let Some(first) = invalid.first() else {
            return not_as_made("—");
        };
        let field = field_of(form, first.field);
        Reason::AnswerRefused {
            label: field.map_or_else(
                || first.field.to_string(),
                |f| f.label.get(campus_core::i18n::Locale::Fr).to_owned(),
            ),
            rule: field.map_or_else(String::new, |f| error_message(f, first.error, Locale::Fr)),
        }
    })?;
    if rebuilt != value {
        return Err(first_difference(form, &rebuilt, &value));
    }
    let mut answers = draft.answers;
    answers.0.remove(&form.consent);
    Ok(Received {
        form: form.id,
        reference: reference.to_owned(),
        submitted_at: submitted_at.to_owned(),
        at,
        language: locale,
        answers,
        check,
        content: campus_core::fingerprint::fnv1a_hex(payload_text.bytes()),
    })
}

/// Which form the object is, by its sections; or what else it is.
fn kind(top: &Map<String, Value>) -> Result<FormId, Reason> {
    if let Some(id) = FormId::ALL.into_iter().find(|id| {
        id.form()
            .questions
            .iter()
            .any(|s| top.contains_key(s.section()))
    }) {
        return Ok(id);
    }
    let format = top.get("format").and_then(Value::as_str);
    if FormId::ALL
        .into_iter()
        .any(|id| Some(id.form().progress_format) == format)
    {
        return Err(Reason::ProgressFile);
    }
    if top.contains_key("courses") {
        return Err(Reason::Catalogue);
    }
    Err(Reason::UnknownKind)
}

fn field_of(form: &Form, id: FieldId) -> Option<&'static Field> {
    form.fields.iter().find(|f| f.id == id)
}

/// The answers as the app held them, read back from the payload's sections.
fn read_answers(form: &Form, map: &Map<String, Value>) -> Result<Answers, Reason> {
    let mut answers = Answers::default();
    answers.set_text(form.consent, TICKED);
    for step in form.questions {
        let name = step.section();
        let section = match map.get(name) {
            Some(Value::Object(section)) => section,
            Some(_) => {
                return Err(Reason::WrongType {
                    member: name.to_owned(),
                    expected: WrongType::Section,
                })
            }
            None => {
                return Err(Reason::Missing {
                    member: name.to_owned(),
                })
            }
        };
        for (key, value) in section {
            let member = format!("{name}.{key}");
            let field = FieldId::parse(key)
                .and_then(|id| form.fields_of(*step).find(|f| f.id == id))
                .ok_or_else(|| Reason::Unexpected {
                    member: member.clone(),
                })?;
            let wrong = |expected| Reason::WrongType {
                member: member.clone(),
                expected,
            };
            let answer = match (field.input, value) {
                (_, Value::Null) => continue,
                (Input::AnyOf(_), Value::Array(items)) => Answer::Choices(
                    items
                        .iter()
                        .map(|i| i.as_str().map(str::to_owned))
                        .collect::<Option<Vec<_>>>()
                        .ok_or_else(|| wrong(WrongType::List))?,
                ),
                (Input::AnyOf(_), _) => return Err(wrong(WrongType::List)),
                (Input::Number { .. } | Input::Hours { .. }, Value::Number(n)) => {
                    Answer::Text(n.to_string())
                }
                (Input::Number { .. } | Input::Hours { .. }, _) => {
                    return Err(wrong(WrongType::Number))
                }
                (_, Value::String(s)) => Answer::Text(s.clone()),
                _ => return Err(wrong(WrongType::Text)),
            };
            answers.0.insert(field.id, answer);
        }
    }
    Ok(answers)
}

/// The first member where the file differs from what the app makes of its
/// own answers.
fn first_difference(form: &Form, rebuilt: &Value, value: &Value) -> Reason {
    for step in form.questions {
        let name = step.section();
        let (mine, theirs) = (&rebuilt[name], &value[name]);
        if mine == theirs {
            continue;
        }
        for field in form.fields_of(*step) {
            let key = field.id.as_str();
            if mine.get(key) != theirs.get(key) {
                let member = format!("{name}.{key}");
                return if mine.get(key).is_none() {
                    Reason::Unexpected { member }
                } else if theirs.get(key).is_none() {
                    Reason::Missing { member }
                } else {
                    Reason::NotAsMade { member }
                };
            }
        }
    }
    Reason::NotAsMade {
        member: "—".into()
    }
}

/// `2026-11-23T10:00:00.000Z` as a date and time, and milliseconds; `None`
/// for any other shape or an impossible date.
fn sent_at(t: &str) -> Option<(WallClock, u32)> {
    if !is_iso_utc(t) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| t.get(r)?.parse::<u32>().ok();
    let (year, month, day) = (n(0..4)?, n(5..7)?, n(8..10)?);
    let (hour, minute, second) = (n(11..13)?, n(14..16)?, n(17..19)?);
    let ms = match t.get(20..t.len() - 1) {
        Some(f) if !f.is_empty() => format!("{f:0<3}").parse().ok()?,
        _ => 0,
    };
    let days = days_from_civil(year as i32, month, day);
    let real = (1..=12).contains(&month)
        && day >= 1
        && campus_core::util::dates::civil_from_days(days) == (year as i32, month, day)
        && hour < 24
        && minute < 60
        && second < 60;
    real.then_some((
        WallClock {
            year: year as i32,
            month,
            day,
            hour,
            minute,
            second,
        },
        ms,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_real_utc_times() {
        let (c, ms) = sent_at("2026-11-23T10:05:09.120Z").unwrap();
        assert_eq!(
            (c.year, c.month, c.day, c.hour, c.minute, c.second, ms),
            (2026, 11, 23, 10, 5, 9, 120)
        );
        assert_eq!(sent_at("2026-11-23T10:05:09.1Z").unwrap().1, 100);
        assert_eq!(sent_at("2026-11-23T10:05:09Z").unwrap().1, 0);
        for bad in [
            "2026-02-30T10:00:00Z",
            "2026-13-01T10:00:00Z",
            "2026-00-01T10:00:00Z",
            "2026-01-00T10:00:00Z",
            "2026-01-01T24:00:00Z",
            "2026-01-01T10:60:00Z",
            "2026-01-01T10:00:60Z",
            "2026-01-01T10:00:00+01:00",
            "",
        ] {
            assert_eq!(sent_at(bad), None, "{bad}");
        }
        assert!(sent_at("2028-02-29T00:00:00Z").is_some());
    }
}
