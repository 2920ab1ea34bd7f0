//! The downloaded file of a form: the frozen payload (exactly the bytes the
//! form `POST`s, see `payload::seal`) with one more top-level member,
//! `"checksum"`, added at its end:
//!
//! ```text
//! payload:  {"applicant":{…},…,"submitted_at":"2026-11-23T10:00:00.000Z"}
//! file:     {"applicant":{…},…,"submitted_at":"2026-11-23T10:00:00.000Z","checksum":"0123456789abcdef"}
//! ```
//!
//! The checksum is [`fnv1a_hex`] of the payload's exact text (UTF-8 bytes):
//! removing `,"checksum":"…"` from the file's text gives back, byte for byte,
//! the payload that was hashed. The body sent to a receiver does not change
//! (the receiver contract stays as it is); only the download carries the
//! member, and both published schemas allow it.
//!
//! What it proves: the file is the one the app wrote, unchanged, or was
//! changed by someone who recomputed the checksum. It detects change (an
//! answer edited by hand, a file damaged in transit), not tampering: FNV-1a
//! is public and anyone can recompute it.

use crate::fingerprint::fnv1a_hex;

/// The name of the member.
pub const CHECKSUM_MEMBER: &str = "checksum";

/// The text that ends a file: `,"checksum":"` … `"}`.
const TAIL_START: &str = ",\"checksum\":\"";

/// Digits of a checksum (FNV-1a 64 in lowercase hex).
const DIGITS: usize = 16;

/// The file to download for the frozen payload `body` (a JSON object, as
/// `payload::seal` returns it): `body` with `"checksum"` added at its end. A
/// body that is not an object's text (never made by the app) is returned as
/// is, without a checksum.
pub fn file_body(body: &str) -> String {
    let Some(inner) = body.strip_prefix('{').and_then(|b| b.strip_suffix('}')) else {
        return body.to_owned();
    };
    let checksum = fnv1a_hex(body.bytes());
    let comma = if inner.trim().is_empty() { "" } else { "," };
    format!("{{{inner}{comma}\"{CHECKSUM_MEMBER}\":\"{checksum}\"}}")
}

/// What a received file says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sealed<'t> {
    /// Its checksum matches: `payload` is the text that was hashed.
    Verified {
        /// The payload, the member removed.
        payload: String,
        /// The checksum it carries.
        checksum: &'t str,
    },
    /// No checksum at its end (a download made before checksums, or a body
    /// saved from a receiver): the whole text is the payload, unproven.
    Unsigned,
    /// A checksum at its end that does not match the rest: changed after it
    /// was downloaded.
    Altered {
        /// The checksum it carries.
        checksum: &'t str,
        /// The checksum of the payload as it now is.
        actual: String,
    },
}

/// Reads the checksum at the end of a received file's `text`. Whitespace
/// after the closing brace (a final newline an editor or a mail client
/// adds) is ignored; nothing else is. A `"checksum"` member anywhere else is
/// not this file's checksum: the text is then [`Sealed::Unsigned`], and the
/// payload's own checks refuse the unknown member.
pub fn unseal(text: &str) -> Sealed<'_> {
    let text = text.trim_end_matches([' ', '\t', '\r', '\n']);
    let Some(rest) = text.strip_suffix("\"}") else {
        return Sealed::Unsigned;
    };
    let Some(split) = rest.len().checked_sub(DIGITS) else {
        return Sealed::Unsigned;
    };
    if !rest.is_char_boundary(split) {
        return Sealed::Unsigned;
    }
    let (head, checksum) = rest.split_at(split);
    if !checksum
        .bytes()
        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    {
        return Sealed::Unsigned;
    }
    let payload = if let Some(inner) = head.strip_suffix(TAIL_START) {
        format!("{inner}}}")
    } else if head == "{\"checksum\":\"" {
        "{}".to_owned()
    } else {
        return Sealed::Unsigned;
    };
    let actual = fnv1a_hex(payload.bytes());
    if actual == checksum {
        Sealed::Verified { payload, checksum }
    } else {
        Sealed::Altered { checksum, actual }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::application::draft::Draft;
    use crate::application::form::{ProposalKind, REQUEST, TRAINER};
    use crate::application::payload::seal;
    use serde_json::Value;

    fn frozen() -> String {
        let mut d = Draft::new(&TRAINER, [4; 24], 0);
        d.answers = crate::application::fixtures::complete_answers(ProposalKind::Existing);
        seal(&TRAINER, &mut d, "2026-11-23T10:00:00.000Z", "fr", || {
            [5; 16]
        })
        .unwrap()
    }

    #[test]
    fn the_file_is_the_payload_plus_its_checksum_at_the_end() {
        let body = frozen();
        let file = file_body(&body);
        let sum = fnv1a_hex(body.bytes());
        assert_eq!(
            file.replace(&format!(",\"checksum\":\"{sum}\""), ""),
            body,
            "removing the member gives back the exact payload"
        );
        assert!(file.ends_with(&format!(",\"checksum\":\"{sum}\"}}")));
        let value: Value = serde_json::from_str(&file).unwrap();
        assert_eq!(value["checksum"], sum.as_str());
        assert_eq!(
            unseal(&file),
            Sealed::Verified {
                payload: body.clone(),
                checksum: &sum
            }
        );
        // A final newline (an editor, a mail client) is not a change.
        assert!(matches!(
            unseal(&format!("{file}\r\n")),
            Sealed::Verified { .. }
        ));
        assert_eq!(
            file_body("{}"),
            format!("{{\"checksum\":\"{}\"}}", fnv1a_hex("{}".bytes()))
        );
        assert_eq!(
            unseal(&file_body("{}")),
            Sealed::Verified {
                payload: "{}".into(),
                checksum: &fnv1a_hex("{}".bytes())
            }
        );
        assert_eq!(file_body("[1]"), "[1]", "not an object: as is");
    }

    #[test]
    fn any_change_of_the_payload_is_seen() {
        let file = file_body(&frozen());
        for (from, to) in [
            ("Camille", "Mallory"),
            ("\"days_per_year\":5", "\"days_per_year\":50"),
            ("{\"applicant\"", "{ \"applicant\""),
        ] {
            assert!(file.contains(from), "{from}");
            let changed = file.replacen(from, to, 1);
            assert!(
                matches!(unseal(&changed), Sealed::Altered { .. }),
                "{from} → {to}"
            );
        }
        // A checksum changed alone.
        let sum = fnv1a_hex(frozen().bytes());
        let other = if sum.starts_with('0') { "1" } else { "0" };
        let changed = file.replace(&sum, &format!("{other}{}", &sum[1..]));
        assert!(matches!(unseal(&changed), Sealed::Altered { .. }));
    }

    #[test]
    fn files_without_a_checksum_at_their_end_are_unsigned() {
        let body = frozen();
        assert_eq!(unseal(&body), Sealed::Unsigned);
        for text in [
            "",
            "\"}",
            "é\"}",
            "{\"checksum\":\"ABCDEF0123456789\"}",
            "{\"checksum\":\"0123456789abcdef\",\"a\":1}",
            "{\"x\":\"0123456789abcdef\"}",
            "not json at all",
        ] {
            assert_eq!(unseal(text), Sealed::Unsigned, "{text}");
        }
        // A multibyte character right before the digits is not a boundary.
        assert_eq!(unseal("ééééééééééééééééé\"}"), Sealed::Unsigned);
    }

    #[test]
    fn a_request_file_works_the_same() {
        let mut d = Draft::new(&REQUEST, [6; 24], 0);
        d.answers = crate::application::fixtures::complete_request();
        let body = seal(&REQUEST, &mut d, "2026-12-01T10:00:00Z", "en", || [7; 16]).unwrap();
        assert!(
            matches!(unseal(&file_body(&body)), Sealed::Verified { payload, .. } if payload == body)
        );
    }

    /// Both published schemas allow the member, as 16 lowercase hex digits,
    /// and do not require it (older downloads and receivers' bodies).
    #[test]
    fn the_schemas_allow_the_checksum() {
        for text in [
            include_str!("../../../public/application.schema.json"),
            include_str!("../../../public/request.schema.json"),
        ] {
            let schema: Value = serde_json::from_str(text).unwrap();
            let member = &schema["properties"][CHECKSUM_MEMBER];
            assert_eq!(member["type"], "string");
            assert_eq!(member["pattern"], "^[0-9a-f]{16}$");
            assert!(!schema["required"]
                .as_array()
                .unwrap()
                .contains(&Value::from(CHECKSUM_MEMBER)));
        }
    }
}
