//! Percent coding of URL parts, over the `percent-encoding` crate (already in
//! the build through Leptos's URL handling; the copy it replaces cost more
//! wasm than the crate's few functions).

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything but RFC 3986's unreserved characters (`A-Z a-z 0-9 - _ . ~`).
const RESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encodes everything but unreserved URL characters (RFC 3986).
pub fn percent_encode(text: &str) -> String {
    utf8_percent_encode(text, RESERVED).to_string()
}

/// Decodes `%XX` escapes (and `+` as a space when `plus_is_space`); `None` on a
/// malformed escape or invalid UTF-8.
pub fn percent_decode_with(text: &str, plus_is_space: bool) -> Option<String> {
    let bytes = text.as_bytes();
    let malformed = bytes.iter().enumerate().any(|(i, &b)| {
        b == b'%'
            && !bytes
                .get(i + 1..i + 3)
                .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
    });
    if malformed {
        return None;
    }
    let spaced;
    let text = if plus_is_space && text.contains('+') {
        spaced = text.replace('+', " ");
        spaced.as_str()
    } else {
        text
    };
    percent_decode_str(text)
        .decode_utf8()
        .ok()
        .map(|decoded| decoded.into_owned())
}

/// Decodes a path segment (`+` stays a plus).
pub fn percent_decode(text: &str) -> Option<String> {
    percent_decode_with(text, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_handles_plus_only_when_asked() {
        assert_eq!(percent_decode_with("a+b%20c", true).unwrap(), "a b c");
        assert_eq!(percent_decode("a+b").unwrap(), "a+b");
        assert_eq!(percent_decode("%C3%A9").unwrap(), "é");
        assert_eq!(percent_decode_with("%2B+", true).unwrap(), "+ ");
    }

    #[test]
    fn a_malformed_escape_or_invalid_utf8_is_refused() {
        for bad in ["%", "%4", "%zz", "a%2", "%C3", "%FF"] {
            assert_eq!(percent_decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn only_unreserved_characters_stay_as_they_are() {
        assert_eq!(percent_encode("aZ09-_.~"), "aZ09-_.~");
        assert_eq!(
            percent_encode("é /?#&=+%"),
            "%C3%A9%20%2F%3F%23%26%3D%2B%25"
        );
    }
}
