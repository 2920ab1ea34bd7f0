//! The sanitizers: what of a course's optional fields is kept (safe links,
//! plausible emails, texts on one line and of limited length, known
//! languages), and synonym groups read tolerantly.

use serde_json::value::RawValue;

use super::report::{DroppedField, FieldProblem};
use super::types::{Course, Format, Language};

/// Longest `eligibility` text kept, in characters (after spaces are collapsed).
pub const MAX_ELIGIBILITY_CHARS: usize = 300;
/// Longest `price` text kept, in characters (after spaces are collapsed).
pub const MAX_PRICE_CHARS: usize = 120;

/// Keeps only absolute `http(s)` URLs: anything else (`javascript:`, `data:`,
/// relative paths) must never become a link.
pub fn safe_link(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let ok = (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.chars().any(|c| c.is_control() || c.is_whitespace());
    ok.then_some(url)
}

/// Keeps only a plain, plausible email address (`equipe.data@numerique.gouv.fr`),
/// trimmed: ASCII, one `@`, a local part of letters, digits and `. _ + -`, and a
/// domain of at least two dot-separated labels (letters, digits, inner hyphens)
/// ending in a letters-only one. Anything else — a `mailto:` or `javascript:`
/// link, spaces, line breaks (header injection), `?`, `&`, `%`, quotes — is
/// refused, so the address can go into a `mailto:` link as is.
pub fn plausible_email(text: &str) -> Option<&str> {
    let email = text.trim();
    let (local, domain) = email.split_once('@')?;
    let local_ok = (1..=64).contains(&local.len())
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'+' | b'-'))
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..");
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|label| {
            (1..=63).contains(&label.len())
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()));
    (email.len() <= 254 && local_ok && domain_ok).then_some(email)
}

/// Plain text on one line: whitespace runs (line breaks included) become one
/// space, control characters go, and the ends are trimmed. No-break spaces
/// stay: they are French typography ("390 €", "Prix :").
pub(super) fn one_line(text: &str) -> String {
    let no_break = |c: char| matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}');
    text.split(|c: char| (c.is_whitespace() && !no_break(c)) || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Checks one optional text field: `Ok(None)` when absent, null or blank;
/// `Err` when it is not a string or fails `check`.
pub(super) fn optional_text(
    value: Option<serde_json::Value>,
    check: impl Fn(String) -> Result<String, FieldProblem>,
) -> Result<Option<String>, FieldProblem> {
    match value {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::String(t)) if t.trim().is_empty() => Ok(None),
        Some(serde_json::Value::String(t)) => check(t).map(Some),
        Some(_) => Err(FieldProblem::NotText),
    }
}

pub(super) fn limited(max: usize) -> impl Fn(String) -> Result<String, FieldProblem> {
    move |text| {
        let text = one_line(&text);
        if text.chars().count() > max {
            Err(FieldProblem::TooLong(max))
        } else {
            Ok(text)
        }
    }
}

/// Checks the optional fields of `course` read as written (`unchecked_…`),
/// keeps the good values and says which were dropped.
pub(super) fn check_extras(course: &mut Course, index: usize) -> Vec<DroppedField> {
    let elearning = course.format == Format::ELearning;
    let id = course.id.clone();
    let mut dropped = Vec::new();
    let mut keep = |field: &'static str, result: Result<Option<String>, FieldProblem>| {
        result.unwrap_or_else(|problem| {
            dropped.push(DroppedField {
                index,
                id: id.clone(),
                field,
                problem,
            });
            None
        })
    };
    course.contact = keep(
        "contact",
        optional_text(course.unchecked_contact.take(), |t| {
            plausible_email(&t)
                .map(str::to_owned)
                .ok_or(FieldProblem::NotAnEmail)
        }),
    );
    course.access_url = keep(
        "access_url",
        optional_text(course.unchecked_access_url.take(), |t| {
            match safe_link(&t) {
                None => Err(FieldProblem::NotHttp),
                Some(_) if !elearning => Err(FieldProblem::NotElearning),
                Some(url) => Ok(url.to_owned()),
            }
        }),
    );
    course.eligibility = keep(
        "eligibility",
        optional_text(
            course.unchecked_eligibility.take(),
            limited(MAX_ELIGIBILITY_CHARS),
        ),
    );
    course.price = keep(
        "price",
        optional_text(course.unchecked_price.take(), limited(MAX_PRICE_CHARS)),
    );
    course.languages = match languages(course.unchecked_languages.take()) {
        Ok(list) => list,
        Err(problem) => {
            dropped.push(DroppedField {
                index,
                id,
                field: "languages",
                problem,
            });
            Vec::new()
        }
    };
    dropped
}

/// The `languages` of a course as written: absent, `null` or `[]` is none;
/// else a list of known codes (repeats counted once, in order).
pub(super) fn languages(value: Option<serde_json::Value>) -> Result<Vec<Language>, FieldProblem> {
    let items = match value {
        None | Some(serde_json::Value::Null) => return Ok(Vec::new()),
        Some(serde_json::Value::Array(items)) => items,
        Some(_) => return Err(FieldProblem::NotLanguages),
    };
    let mut out = Vec::new();
    for item in items {
        let language = item
            .as_str()
            .and_then(Language::from_code)
            .ok_or(FieldProblem::NotLanguages)?;
        if !out.contains(&language) {
            out.push(language);
        }
    }
    Ok(out)
}

pub(super) fn sanitize_links(course: &mut Course) {
    course.url = course.url.as_deref().and_then(safe_link).map(str::to_owned);
    for session in &mut course.sessions {
        session.registration_url = session
            .registration_url
            .as_deref()
            .and_then(safe_link)
            .map(str::to_owned);
    }
}

/// One entry of `synonyms`, read tolerantly: an array whose string members are
/// trimmed, blank and repeated members dropped, other members ignored. Kept only
/// when at least two terms remain; anything else is ignored.
pub(super) fn synonym_group(json: &str) -> Option<Vec<String>> {
    let members: Vec<&RawValue> = serde_json::from_str(json).ok()?;
    let mut group: Vec<String> = Vec::new();
    for member in members {
        if let Ok(term) = serde_json::from_str::<String>(member.get()) {
            let term = term.trim();
            if !term.is_empty() && !group.iter().any(|t| t == term) {
                group.push(term.to_owned());
            }
        }
    }
    (group.len() >= 2).then_some(group)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::model::tests::{course, doc};
    use crate::catalogue::model::Parsed;

    #[test]
    fn unsafe_links_are_dropped_but_the_course_kept() {
        let text = doc(&course(
            "m1",
            "module",
            r#", "url": "javascript:alert(1)", "sessions": [{"id": "s1",
                "start": "2027-01-01T10:00:00+01:00", "end": "2027-01-01T12:00:00+01:00",
                "format": "presentiel", "location": {"city": "Lyon", "region": "Auvergne-Rhône-Alpes"},
                "registration_url": " JaVaScRiPt:alert(1)"}]"#,
        ));
        let parsed = Parsed::from_json(&text).unwrap();
        let c = &parsed.catalogue.courses[0];
        assert_eq!(c.url, None);
        assert_eq!(c.sessions[0].registration_url, None);
        assert_eq!(c.sessions[0].place.as_ref().unwrap().city, "Lyon");
    }

    #[test]
    fn next_step_fields_are_read_and_bad_values_dropped_with_a_note() {
        let long = "x".repeat(MAX_ELIGIBILITY_CHARS + 1);
        let text = doc(&[
            course(
                "good",
                "module",
                r#", "contact": " equipe.data+cat@numerique.gouv.fr ",
                   "eligibility": "Agents des trois\n fonctions   publiques",
                   "price": "390 € par participant""#,
            ),
            course(
                "elearn",
                "module",
                r#", "access_url": "https://campus.numerique.gouv.fr/e/1""#,
            )
            .replace(r#""format": "distanciel""#, r#""format": "e-learning""#),
            course(
                "hostile",
                "module",
                &format!(
                    r#", "contact": "a@b.fr\r\nBcc: x@y.fr", "access_url": "javascript:alert(1)",
                       "eligibility": "{long}", "price": 450"#
                ),
            )
            .replace(r#""format": "distanciel""#, r#""format": "e-learning""#),
            course(
                "misplaced",
                "module",
                r#", "contact": "javascript:alert(1)", "access_url": "https://a.fr",
                   "eligibility": null, "price": "  ""#,
            ),
        ]
        .join(","));
        let parsed = Parsed::from_json(&text).unwrap();
        assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
        let c = &parsed.catalogue.courses;
        assert_eq!(c.len(), 4, "every course is kept");
        assert_eq!(
            c[0].contact.as_deref(),
            Some("equipe.data+cat@numerique.gouv.fr")
        );
        assert_eq!(
            c[0].eligibility.as_deref(),
            Some("Agents des trois fonctions publiques")
        );
        assert_eq!(c[0].price.as_deref(), Some("390\u{a0}€ par participant"));
        assert_eq!(c[0].access_url, None);
        assert_eq!(
            c[1].access_url.as_deref(),
            Some("https://campus.numerique.gouv.fr/e/1")
        );
        for course in &c[2..] {
            assert_eq!(
                (
                    &course.contact,
                    &course.access_url,
                    &course.eligibility,
                    &course.price
                ),
                (&None, &None, &None, &None),
                "{}",
                course.id
            );
        }
        let notes: Vec<_> = parsed
            .dropped
            .iter()
            .map(|d| (d.index, d.id.as_str(), d.field, d.problem))
            .collect();
        assert_eq!(
            notes,
            [
                (2, "hostile", "contact", FieldProblem::NotAnEmail),
                (2, "hostile", "access_url", FieldProblem::NotHttp),
                (
                    2,
                    "hostile",
                    "eligibility",
                    FieldProblem::TooLong(MAX_ELIGIBILITY_CHARS)
                ),
                (2, "hostile", "price", FieldProblem::NotText),
                (3, "misplaced", "contact", FieldProblem::NotAnEmail),
                (3, "misplaced", "access_url", FieldProblem::NotElearning),
            ]
        );
        // An old catalogue, without any of these fields, reads as before.
        let old = Parsed::from_json(&doc(&course("m1", "module", ""))).unwrap();
        assert!(old.dropped.is_empty() && old.skipped.is_empty());
        assert_eq!(old.catalogue.courses[0].contact, None);
    }

    #[test]
    fn languages_are_read_as_known_codes_and_anything_else_dropped_with_a_note() {
        let text = doc(&[
            course("none", "module", ""),
            course("en", "module", r#", "languages": ["en"]"#),
            course("both", "module", r#", "languages": [" FR", "en", "fr"]"#),
            course("empty", "module", r#", "languages": []"#),
            course("null", "module", r#", "languages": null"#),
            course("unknown", "module", r#", "languages": ["fr", "klingon"]"#),
            course("text", "module", r#", "languages": "en""#),
            course("number", "module", r#", "languages": [1]"#),
            course("markup", "module", r#", "languages": ["<b>en</b>"]"#),
        ]
        .join(","));
        let parsed = Parsed::from_json(&text).unwrap();
        assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
        let c = &parsed.catalogue.courses;
        let langs = |i: usize| c[i].languages().to_vec();
        assert_eq!(langs(0), [Language::Fr], "none named: French");
        assert!(c[0].french_only());
        assert_eq!(langs(1), [Language::En]);
        assert!(!c[1].french_only());
        assert_eq!(
            langs(2),
            [Language::Fr, Language::En],
            "once each, in order"
        );
        assert_eq!(langs(3), [Language::Fr]);
        assert_eq!(langs(4), [Language::Fr]);
        for dropped in &c[5..9] {
            assert_eq!(dropped.languages(), [Language::Fr], "{}", dropped.id);
        }
        let dropped: Vec<(&str, &str)> = parsed
            .dropped
            .iter()
            .map(|d| (d.id.as_str(), d.field))
            .collect();
        assert_eq!(
            dropped,
            [
                ("unknown", "languages"),
                ("text", "languages"),
                ("number", "languages"),
                ("markup", "languages")
            ]
        );
        // Written back as read: the codes, and nothing for none.
        let json = serde_json::to_string(&c[2]).unwrap();
        assert!(json.contains(r#""languages":["fr","en"]"#), "{json}");
        assert!(!serde_json::to_string(&c[0]).unwrap().contains("languages"));
    }

    #[test]
    fn only_plain_plausible_email_addresses_are_kept() {
        for good in [
            "campus@numerique.gouv.fr",
            " prenom.nom@interieur.gouv.fr ",
            "equipe_data+catalogue@sub-domaine.example.fr",
            "A1@b2.io",
        ] {
            assert_eq!(plausible_email(good), Some(good.trim()), "{good}");
        }
        for bad in [
            "",
            "campus",
            "mailto:campus@numerique.gouv.fr",
            "javascript:alert(1)//@a.fr",
            "a@b.fr\r\nBcc: x@y.fr",
            "a@b.fr?bcc=x@y.fr",
            "a@b.fr&cc=x@y.fr",
            "a b@c.fr",
            "a@b",
            "a@b.f",
            "a@b.123",
            "a@@b.fr",
            "a@b@c.fr",
            ".a@b.fr",
            "a.@b.fr",
            "a..b@c.fr",
            "a@-b.fr",
            "a@b-.fr",
            "a@b..fr",
            "a%40b@c.fr",
            "\"a\"@b.fr",
            "é@b.fr",
            "a@exämple.fr",
            "<a@b.fr>",
        ] {
            assert_eq!(plausible_email(bad), None, "{bad:?}");
        }
        let long_local = format!("{}@b.fr", "a".repeat(65));
        assert_eq!(plausible_email(&long_local), None);
    }

    #[test]
    fn safe_link_accepts_only_http_and_https() {
        assert_eq!(safe_link(" https://a.fr/x "), Some("https://a.fr/x"));
        assert_eq!(safe_link("HTTP://a.fr"), Some("HTTP://a.fr"));
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "/relative",
            "https://a b",
            "vbscript:x",
        ] {
            assert_eq!(safe_link(bad), None, "{bad}");
        }
    }
}
