//! The draft: everything typed so far, where the applicant is, and the keys that
//! make submission safe to retry. Saved in the browser as they type, and
//! exportable as a progress file to continue on another computer.

use serde::{Deserialize, Serialize};

use super::answers::Answers;
use super::form::StepId;

/// `format` of a progress file; anything else is refused as foreign.
pub const PROGRESS_FORMAT: &str = "campus-candidature-brouillon";
/// Version of the progress file format.
pub const PROGRESS_VERSION: u32 = 1;

/// An application in progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// The answers.
    pub answers: Answers,
    /// The step last shown.
    pub step: StepSlug,
    /// Sent with the submission: the server stores one application per key, so
    /// a retry after a timeout never creates a duplicate.
    pub idempotency_key: String,
    /// The reference given to the applicant once submitted.
    pub reference: String,
    /// Whether the application was accepted by the server (or downloaded).
    #[serde(default)]
    pub submitted: bool,
    /// When the draft was started (unix seconds).
    pub started_at: i64,
    /// When it was last changed (unix seconds).
    pub updated_at: i64,
}

/// A step stored by its URL slug (stable across releases).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct StepSlug(pub StepId);

impl TryFrom<String> for StepSlug {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        StepId::from_slug(&s)
            .map(StepSlug)
            .ok_or_else(|| format!("unknown step {s}"))
    }
}

impl From<StepSlug> for String {
    fn from(s: StepSlug) -> String {
        s.0.slug().to_owned()
    }
}

/// Characters of a reference number: no 0/O, 1/I/L, which are read wrongly.
pub const REFERENCE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// An 8-character reference from 8 random bytes.
pub fn reference_from(random: [u8; 8]) -> String {
    let mut n = u64::from_le_bytes(random);
    (0..8)
        .map(|_| {
            let c = REFERENCE_ALPHABET[(n % REFERENCE_ALPHABET.len() as u64) as usize] as char;
            n /= REFERENCE_ALPHABET.len() as u64;
            c
        })
        .collect()
}

/// A version 4 UUID from 16 random bytes (the idempotency key).
pub fn uuid_from(mut b: [u8; 16]) -> String {
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

impl Draft {
    /// A new, empty draft; `random` feeds the keys (24 bytes from the browser's
    /// cryptographic generator).
    pub fn new(random: [u8; 24], now: i64) -> Draft {
        let mut key = [0u8; 16];
        key.copy_from_slice(&random[..16]);
        let mut reference = [0u8; 8];
        reference.copy_from_slice(&random[16..]);
        Draft {
            answers: Answers::default(),
            step: StepSlug(StepId::You),
            idempotency_key: uuid_from(key),
            reference: reference_from(reference),
            submitted: false,
            started_at: now,
            updated_at: now,
        }
    }

    /// Reads a draft saved by this app (`None` if unreadable: start afresh).
    pub fn from_storage(text: &str) -> Option<Draft> {
        serde_json::from_str(text).ok()
    }

    /// The JSON kept in browser storage.
    pub fn to_storage(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Why a progress file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Not JSON.
    NotJson,
    /// JSON, but not a Campus progress file.
    Foreign,
    /// A progress file from a newer version of the app.
    UnsupportedVersion(u32),
    /// Edited by hand or damaged: the checksum does not match.
    Tampered,
}

#[derive(Serialize, Deserialize)]
struct ProgressFile {
    format: String,
    version: u32,
    checksum: String,
    draft: serde_json::Value,
}

/// FNV-1a 64-bit: detects accidental or hand edits (it is an integrity check,
/// not a signature: nothing secret is protected by it).
fn checksum(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The progress file to download.
pub fn export_progress(draft: &Draft) -> String {
    let value = serde_json::to_value(draft).unwrap_or_default();
    let canonical = value.to_string();
    let file = ProgressFile {
        format: PROGRESS_FORMAT.into(),
        version: PROGRESS_VERSION,
        checksum: checksum(&canonical),
        draft: value,
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Reads a progress file; refuses foreign, newer or edited files.
pub fn import_progress(text: &str) -> Result<Draft, ImportError> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|_| ImportError::NotJson)?;
    let file: ProgressFile = serde_json::from_value(value).map_err(|_| ImportError::Foreign)?;
    if file.format != PROGRESS_FORMAT {
        return Err(ImportError::Foreign);
    }
    if file.version != PROGRESS_VERSION {
        return Err(ImportError::UnsupportedVersion(file.version));
    }
    if checksum(&file.draft.to_string()) != file.checksum {
        return Err(ImportError::Tampered);
    }
    serde_json::from_value(file.draft).map_err(|_| ImportError::Tampered)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> Draft {
        let mut d = Draft::new([7; 24], 1_795_000_000);
        d.answers.set_text("first_name", "Camille");
        d.step = StepSlug(StepId::Proposal);
        d
    }

    #[test]
    fn references_avoid_look_alike_characters() {
        for seed in 0..500u64 {
            let r = reference_from(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15).to_le_bytes());
            assert_eq!(r.len(), 8);
            assert!(!r.contains(['0', 'O', '1', 'I', 'L']), "{r}");
            assert!(r.bytes().all(|c| REFERENCE_ALPHABET.contains(&c)));
        }
    }

    #[test]
    fn idempotency_keys_are_v4_uuids() {
        let k = uuid_from([0xff; 16]);
        assert_eq!(k.len(), 36);
        assert_eq!(&k[14..15], "4");
        assert!(matches!(&k[19..20], "8" | "9" | "a" | "b"));
    }

    #[test]
    fn storage_round_trips_and_garbage_is_ignored() {
        let d = draft();
        assert_eq!(Draft::from_storage(&d.to_storage()), Some(d));
        assert_eq!(Draft::from_storage("{oops"), None);
    }

    #[test]
    fn progress_files_round_trip() {
        let d = draft();
        assert_eq!(import_progress(&export_progress(&d)), Ok(d));
    }

    #[test]
    fn tampered_or_foreign_files_are_refused() {
        let file = export_progress(&draft());
        assert_eq!(
            import_progress(&file.replace("Camille", "Mallory")),
            Err(ImportError::Tampered)
        );
        assert_eq!(import_progress("not json"), Err(ImportError::NotJson));
        assert_eq!(
            import_progress(r#"{"hello": "world"}"#),
            Err(ImportError::Foreign)
        );
        assert_eq!(
            import_progress(&file.replace(PROGRESS_FORMAT, "autre-chose")),
            Err(ImportError::Foreign)
        );
        assert_eq!(
            import_progress(&file.replace("\"version\": 1", "\"version\": 9")),
            Err(ImportError::UnsupportedVersion(9))
        );
    }
}
