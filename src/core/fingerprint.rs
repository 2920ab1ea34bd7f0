//! FNV-1a, 64 bits, as 16 hex digits: a short fingerprint that stays the
//! same across builds, platforms and versions of Rust (std's hasher does
//! not promise that). It detects change, not tampering: nothing secret
//! rests on it. Used by the progress files of the forms (their checksum)
//! and by the stamp of the static pages' course folders.

/// The fingerprint of `bytes`.
pub fn fnv1a_hex(bytes: impl IntoIterator<Item = u8>) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::fnv1a_hex;

    #[test]
    fn known_values_of_fnv1a_64() {
        // The published test vectors of FNV-1a 64.
        assert_eq!(fnv1a_hex("".bytes()), "cbf29ce484222325");
        assert_eq!(fnv1a_hex("a".bytes()), "af63dc4c8601ec8c");
        assert_eq!(fnv1a_hex("foobar".bytes()), "85944171f73967e8");
    }
}
