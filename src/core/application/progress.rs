//! The progress file: a draft downloaded to be brought back later, on this
//! computer or another, checked before it is taken back (its checksum, its
//! form, its version, and a frozen payload exactly what its answers make).

use serde::{Deserialize, Serialize};

use super::draft::Draft;
use super::form::Form;

/// Version of the progress file format.
pub const PROGRESS_VERSION: u32 = 1;
/// Largest progress file read, in bytes (checked before reading the file). An
/// honest draft is a few tens of kilobytes at most.
pub const MAX_PROGRESS_BYTES: u64 = 512 * 1024;

/// Why a progress file was refused (each has its own message).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportError {
    /// Larger than [`MAX_PROGRESS_BYTES`]: not read at all.
    TooLarge,
    /// Not JSON, or JSON that is not a Campus progress file.
    NotProgressFile,
    /// A progress file from a newer version of the app.
    NewerVersion(u32),
    /// A progress file edited by hand or damaged: checksum or contents wrong.
    Damaged,
}

#[derive(Serialize, Deserialize)]
struct ProgressFile {
    format: String,
    version: u32,
    checksum: String,
    draft: serde_json::Value,
}

/// Detects accidental or hand edits (an integrity check, not a signature:
/// nothing secret is protected by it).
fn checksum(text: &str) -> String {
    crate::fingerprint::fnv1a_hex(text.bytes())
}

/// The progress file of a draft of `form`, to download.
pub fn export_progress(form: &Form, draft: &Draft) -> String {
    let value = serde_json::to_value(draft).unwrap_or_default();
    let canonical = value.to_string();
    let file = ProgressFile {
        format: form.progress_format.into(),
        version: PROGRESS_VERSION,
        checksum: checksum(&canonical),
        draft: value,
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Reads a progress file of `form`; refuses large, foreign (another form's
/// included), newer, edited or invalid files, and files whose frozen payload
/// is not exactly what their answers make (an edited payload with its
/// checksum recomputed). Times later than `now_ms` (another computer's clock)
/// are brought back to it.
pub fn import_progress(form: &Form, text: &str, now_ms: i64) -> Result<Draft, ImportError> {
    if text.len() as u64 > MAX_PROGRESS_BYTES {
        return Err(ImportError::TooLarge);
    }
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|_| ImportError::NotProgressFile)?;
    if value.get("format").and_then(|f| f.as_str()) != Some(form.progress_format) {
        return Err(ImportError::NotProgressFile);
    }
    let file: ProgressFile = serde_json::from_value(value).map_err(|_| ImportError::Damaged)?;
    if file.version > PROGRESS_VERSION {
        return Err(ImportError::NewerVersion(file.version));
    }
    if file.version != PROGRESS_VERSION || checksum(&file.draft.to_string()) != file.checksum {
        return Err(ImportError::Damaged);
    }
    let mut draft: Draft = serde_json::from_value(file.draft).map_err(|_| ImportError::Damaged)?;
    draft.validate(form).map_err(|_| ImportError::Damaged)?;
    if draft.frozen.is_some() && super::payload::proven_frozen(form, &draft).is_none() {
        return Err(ImportError::Damaged);
    }
    draft.clamp_times(now_ms);
    Ok(draft)
}
