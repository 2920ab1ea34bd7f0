//! Writing the tools' output files (`campus-catalogue`, `campus-applications`).

use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` whole or not at all: a temporary file beside it,
/// then renamed (an interrupted run never leaves half a file).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, bytes).map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| format!("{}: {e}", path.display()))
}
