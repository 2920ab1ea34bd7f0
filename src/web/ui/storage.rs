//! `localStorage` access that never throws and reports every failure: storage
//! may be disabled (privacy settings), denied (a cross-site iframe whose
//! browser blocks third-party storage, a sandboxed frame) or full. Each write is
//! checked by reading it back.

use wasm_bindgen::JsCast;

/// Why storage did not work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageError {
    /// No storage: disabled, or access denied (`SecurityError`).
    Unavailable,
    /// The quota is reached (`QuotaExceededError`).
    Full,
    /// The write was accepted but did not read back.
    NotKept,
}

fn classify(error: &wasm_bindgen::JsValue) -> StorageError {
    match error.dyn_ref::<web_sys::DomException>().map(|e| e.name()) {
        Some(name) if name == "QuotaExceededError" => StorageError::Full,
        _ => StorageError::Unavailable,
    }
}

/// The page's `localStorage`, if the browser lets this page have one.
pub fn local() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(StorageError::Unavailable),
        Err(e) => Err(classify(&e)),
    }
}

/// Reads `key` (`Ok(None)` when absent).
///
/// While static pages are rendered (natively, no browser), storage is that of a
/// first visit: working and empty. So are [`write`], [`remove`] and [`probe`].
pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    if !IN_BROWSER {
        return Ok(None);
    }
    local()?.get_item(key).map_err(|e| classify(&e))
}

/// Whether this code runs in a browser (not in the static-page renderer).
const IN_BROWSER: bool = cfg!(target_arch = "wasm32");

/// Writes `key` and checks that it reads back.
pub fn write(key: &str, value: &str) -> Result<(), StorageError> {
    if !IN_BROWSER {
        return Ok(());
    }
    let storage = local()?;
    storage.set_item(key, value).map_err(|e| classify(&e))?;
    match storage.get_item(key) {
        Ok(Some(back)) if back == value => Ok(()),
        Ok(_) => Err(StorageError::NotKept),
        Err(e) => Err(classify(&e)),
    }
}

/// Removes `key`.
pub fn remove(key: &str) -> Result<(), StorageError> {
    if !IN_BROWSER {
        return Ok(());
    }
    local()?.remove_item(key).map_err(|e| classify(&e))
}

/// Checks at start-up that this page can store anything at all (a small write,
/// read back, then removed), so that a problem is shown before the first
/// keystroke wherever it can be known.
pub fn probe() -> Result<(), StorageError> {
    const PROBE: &str = "campus.probe";
    write(PROBE, "1")?;
    remove(PROBE)
}

/// Reads `key`, or `None` when absent or when storage is unavailable.
pub fn get(key: &str) -> Option<String> {
    read(key).ok().flatten()
}

/// Writes `key`; returns whether it was stored.
pub fn set(key: &str, value: &str) -> bool {
    write(key, value).is_ok()
}

/// Reads `key` from this tab's `sessionStorage`; `None` when absent or
/// unavailable (and while the static pages are rendered).
pub fn session_get(key: &str) -> Option<String> {
    if !IN_BROWSER {
        return None;
    }
    web_sys::window()?
        .session_storage()
        .ok()
        .flatten()?
        .get_item(key)
        .ok()
        .flatten()
}
