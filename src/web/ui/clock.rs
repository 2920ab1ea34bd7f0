//! The clock and the random source, shared by every feature (pure code takes
//! times and random bytes as arguments; only this module reads the browser's).

/// Current time, in unix seconds.
pub fn now_unix() -> i64 {
    now_ms().div_euclid(1000)
}

/// Current time, in unix milliseconds (natively, for the static pages, the
/// system clock).
pub fn now_ms() -> i64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now() as i64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as i64)
    }
}

/// Current time as RFC 3339 UTC (`2026-12-01T18:51:28.123Z`).
pub fn now_rfc3339() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}

/// `N` random bytes from the browser's cryptographic generator.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    if let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    bytes
}
