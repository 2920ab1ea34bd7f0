//! French spacing for texts the app did not write (the catalogue's titles,
//! summaries, figures): a breaking space where French needs a fixed one becomes
//! non-breaking, so a lone "»" or ":" never wraps onto its own line. Applied
//! when a French text is shown, not when it is parsed or searched: a catalogue
//! of 50,000 courses is not rewritten to show twenty of them.

use std::borrow::Cow;

/// `text` with a non-breaking space (U+00A0) instead of a breaking one before
/// `: ; ! ? »` and after `«`, and a narrow one (U+202F) between groups of
/// thousands ("21 000"). Borrowed when nothing changes.
pub fn french_spacing(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let needs = |i: usize| -> Option<char> {
        // `i` is a space: what should it be?
        let next = text[i + 1..].chars().next();
        let prev = text[..i].chars().next_back();
        match next {
            Some(':' | ';' | '!' | '?' | '»') => Some('\u{a0}'),
            _ if prev == Some('«') => Some('\u{a0}'),
            _ if prev.is_some_and(|c| c.is_ascii_digit())
                && bytes
                    .get(i + 1..i + 4)
                    .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                && !bytes.get(i + 4).is_some_and(u8::is_ascii_digit) =>
            {
                Some('\u{202f}')
            }
            _ => None,
        }
    };
    let first = bytes
        .iter()
        .enumerate()
        .find(|&(i, &b)| b == b' ' && needs(i).is_some());
    let Some((start, _)) = first else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..start]);
    for (i, c) in text[start..].char_indices() {
        let fixed = if c == ' ' { needs(start + i) } else { None };
        out.push(fixed.unwrap_or(c));
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixes_only_what_french_needs() {
        assert_eq!(
            french_spacing("Acheter du numérique : marchés publics ; « contrats » ?"),
            "Acheter du numérique\u{a0}: marchés publics\u{a0}; «\u{a0}contrats\u{a0}»\u{a0}?"
        );
        assert_eq!(
            french_spacing("21 000 agents, 1 200 sessions"),
            "21\u{202f}000 agents, 1\u{202f}200 sessions"
        );
        // Years side by side, a phone number, a four-digit group: untouched.
        assert_eq!(
            french_spacing("2024 2025, 01 23 45, 1 2345"),
            "2024 2025, 01 23 45, 1 2345"
        );
        assert!(matches!(
            french_spacing("Rien à changer."),
            Cow::Borrowed(_)
        ));
        assert_eq!(french_spacing(""), "");
        assert_eq!(french_spacing(" :"), "\u{a0}:");
        assert_eq!(french_spacing("« "), "«\u{a0}");
        // Multibyte text around the spaces stays intact.
        assert_eq!(
            french_spacing("Sécurité : éé ! 🎓 ?"),
            "Sécurité\u{a0}: éé\u{a0}! 🎓\u{a0}?"
        );
    }
}
