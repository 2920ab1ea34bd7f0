//! `localStorage` access that never throws: storage may be disabled (privacy
//! settings, sandboxed iframes), and the app must then work without it.

/// Reads `key`, or `None` when absent or when storage is unavailable.
pub fn get(key: &str) -> Option<String> {
    let storage = web_sys::window()?.local_storage().ok()??;
    storage.get_item(key).ok()?
}

/// Writes `key`; returns whether it was stored.
pub fn set(key: &str, value: &str) -> bool {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return false;
    };
    storage.set_item(key, value).is_ok()
}
