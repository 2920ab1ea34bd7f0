//! What a person sees of a text answer: the one definition of "filled", of
//! "length" and of "email address" that every field of every form uses.
//!
//! An answer of zero-width spaces, soft hyphens or bidirectional controls
//! looks empty, so it is empty; a decomposed "é" (e + U+0301) or a family emoji
//! (seven code points joined by U+200D) is one character to whoever reads it,
//! so it counts as one. Pure and small: a few ranges of Unicode, no tables
//! (`unicode-segmentation` would cost tens of kilobytes of wasm for the same
//! answers on the text people type in these forms).

/// Whether `c` draws nothing by itself: controls, format characters
/// (zero-width spaces and joiners, bidirectional marks, embeddings, overrides
/// and isolates, the soft hyphen, the byte-order mark, invisible operators),
/// variation selectors and tag characters, Hangul fillers.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{B}'..='\u{C}' | '\u{E}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{AD}' // soft hyphen
        | '\u{34F}' // combining grapheme joiner
        | '\u{61C}' // Arabic letter mark
        | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' // Hangul fillers
        | '\u{17B4}' | '\u{17B5}' // Khmer inherent vowels
        | '\u{180B}'..='\u{180F}' // Mongolian selectors and vowel separator
        | '\u{200B}'..='\u{200F}' // zero-width space, (non-)joiner, LRM, RLM
        | '\u{2028}' | '\u{2029}' // line and paragraph separators
        | '\u{202A}'..='\u{202E}' // bidirectional embeddings and overrides
        | '\u{2060}'..='\u{206F}' // word joiner, invisible operators, isolates
        | '\u{FE00}'..='\u{FE0F}' // variation selectors
        | '\u{FEFF}' // zero-width no-break space (byte-order mark)
        | '\u{FFF9}'..='\u{FFFB}' // interlinear annotation
        | '\u{1BCA0}'..='\u{1BCA3}' // shorthand format controls
        | '\u{1D173}'..='\u{1D17A}' // musical format controls
        | '\u{E0000}'..='\u{E0FFF}' // tags, variation selectors supplement
    )
}

/// Whether `c` is a combining mark that sits on the character before it (the
/// accents of decomposed text, and the marks of the scripts most often typed
/// in French administrations' forms).
pub fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{300}'..='\u{36F}' // combining diacritical marks
        | '\u{483}'..='\u{489}' // Cyrillic
        | '\u{591}'..='\u{5BD}' | '\u{5BF}' | '\u{5C1}' | '\u{5C2}' | '\u{5C4}' | '\u{5C5}' | '\u{5C7}' // Hebrew
        | '\u{610}'..='\u{61A}' | '\u{64B}'..='\u{65F}' | '\u{670}' | '\u{6D6}'..='\u{6DC}' | '\u{6DF}'..='\u{6E4}' | '\u{6E7}' | '\u{6E8}' | '\u{6EA}'..='\u{6ED}' // Arabic
        | '\u{900}'..='\u{903}' | '\u{93A}'..='\u{94F}' | '\u{951}'..='\u{957}' | '\u{962}' | '\u{963}' // Devanagari
        | '\u{E31}' | '\u{E34}'..='\u{E3A}' | '\u{E47}'..='\u{E4E}' // Thai
        | '\u{1AB0}'..='\u{1AFF}' // … extended
        | '\u{1DC0}'..='\u{1DFF}' // … supplement
        | '\u{20D0}'..='\u{20FF}' // … for symbols (the keycap's enclosing mark)
        | '\u{302A}'..='\u{302F}' | '\u{3099}' | '\u{309A}' // CJK tone marks, kana voicing
        | '\u{FE20}'..='\u{FE2F}' // combining half marks
        | '\u{1F3FB}'..='\u{1F3FF}' // emoji skin-tone modifiers
    )
}

/// Whether `c` is white space (including the non-breaking spaces French puts
/// before `:` and inside «\u{a0}»).
fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// The number of characters a reader sees in `text`: combining marks,
/// invisible characters and white space at the ends add nothing; a sequence
/// joined by U+200D (an emoji family, a profession with its skin tone) and a
/// pair of regional indicators (a flag) count once. Line breaks count as one.
pub fn visible_len(text: &str) -> usize {
    let text = trim(text);
    let mut count = 0;
    let mut joined = false;
    let mut flag_half = false;
    for c in text.chars() {
        if c == '\u{200D}' {
            joined = count > 0;
            continue;
        }
        if is_invisible(c) || is_combining(c) {
            continue;
        }
        if std::mem::take(&mut joined) {
            continue;
        }
        if ('\u{1F1E6}'..='\u{1F1FF}').contains(&c) {
            flag_half = !flag_half;
            if !flag_half {
                continue;
            }
        } else {
            flag_half = false;
        }
        count += 1;
    }
    count
}

/// `text` without the white space and invisible characters at its ends: what
/// is checked and sent.
pub fn trim(text: &str) -> &str {
    text.trim_matches(|c: char| is_space(c) || is_invisible(c))
}

/// Whether `text` has something to read: at least one character that is not
/// white space, invisible, or a mark with nothing to sit on.
pub fn is_filled(text: &str) -> bool {
    text.chars()
        .any(|c| !is_space(c) && !is_invisible(c) && !is_combining(c))
}

/// Whether `text` is an email address a person can write to and a mail
/// server accepts: one `@`; a local part of at most 64 characters, of letters,
/// digits and `.!#$%&'*+/=?^_`{|}~-`, with no dot at either end nor two in a
/// row; a domain of at least two labels of letters, digits and inner hyphens
/// (letters of any script allowed), the last one of letters only. Nothing
/// invisible, no white space, no quotes or comments: what passes can go into a
/// `mailto:` link or an email header as is.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let label_ok = |l: &&str| {
        !l.is_empty()
            && l.chars().count() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
            && !l.chars().any(|c| is_invisible(c) || is_combining(c))
    };
    let tld_ok = labels
        .last()
        .is_some_and(|t| t.chars().count() >= 2 && t.chars().all(char::is_alphabetic));
    local_ok && domain.len() <= 253 && labels.len() >= 2 && labels.iter().all(label_ok) && tld_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_answers_are_empty() {
        for empty in [
            "",
            "   ",
            "\u{200B}\u{200B}",
            "\u{AD}",
            "\u{202E}",
            "\u{A0}\u{202F}\u{2060}\u{FEFF}",
            "\u{301}\u{301}",
            "\u{2066}\u{2069}\u{200E}",
            "\u{E0041}\u{FE0F}",
            "\u{3164}",
        ] {
            assert!(!is_filled(empty), "{empty:?}");
            assert_eq!(visible_len(empty), 0, "{empty:?}");
        }
        for filled in ["a", " é ", "e\u{301}", "\u{200B}Camille", "😀", "李"] {
            assert!(is_filled(filled), "{filled:?}");
        }
    }

    #[test]
    fn lengths_count_what_a_reader_sees() {
        assert_eq!(visible_len("Camille"), 7);
        assert_eq!(visible_len("e\u{301}té"), 3, "decomposed é is one");
        assert_eq!(visible_len(&"e\u{301}".repeat(1500)), 1500);
        let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦";
        assert_eq!(visible_len(family), 1);
        assert_eq!(visible_len(&family.repeat(500)), 500);
        assert_eq!(visible_len("👍🏽"), 1, "skin tone");
        assert_eq!(visible_len("🇫🇷🇪🇺"), 2, "two flags");
        assert_eq!(visible_len("1\u{FE0F}\u{20E3}"), 1, "keycap");
        assert_eq!(visible_len("a\u{200B}b"), 2);
        assert_eq!(visible_len("  ligne 1\nligne 2  "), 15);
        assert_eq!(
            visible_len("\u{200D}a"),
            1,
            "a joiner at the start joins nothing"
        );
    }

    #[test]
    fn trimming_removes_invisible_ends_only() {
        assert_eq!(trim("\u{200B} Camille\u{A0}\u{202E}"), "Camille");
        assert_eq!(trim("Anne\u{200B}Marie"), "Anne\u{200B}Marie");
    }

    #[test]
    fn email_addresses_people_write_and_nothing_else() {
        for ok in [
            "camille.martin@interieur.gouv.fr",
            "a@b.fr",
            "prenom.nom+campus@finances.gouv.fr",
            "o'brien@example.org",
            "x_y-z@sous-domaine.exemple.fr",
            "agent@préfecture.gouv.fr",
        ] {
            assert!(is_email(ok), "{ok}");
        }
        for bad in [
            "claire\u{200B}@interieur.gouv.fr",
            "a@b.fr\u{202E}",
            "camille@@interieur.gouv.fr",
            "camille..martin@x.fr",
            ".camille@x.fr",
            "camille.@x.fr",
            "camille",
            "a@b",
            "a b@c.fr",
            "@c.fr",
            "a@.fr",
            "a@b..fr",
            "a@-b.fr",
            "a@b-.fr",
            "a@b.f",
            "a@b.123",
            "\"a\"@b.fr",
            "a@b.fr,c@d.fr",
            "a@b.fr\r\nBcc: x@y.fr",
            "a<b>@c.fr",
            "é@b.fr",
            "a@b.fr ",
        ] {
            assert!(!is_email(bad), "{bad:?}");
        }
        assert!(!is_email(&format!("{}@b.fr", "a".repeat(65))));
        assert!(is_email(&format!("{}@b.fr", "a".repeat(64))));
    }
}
