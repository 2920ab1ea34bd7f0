//! Text normalisation for search: lower case, diacritics removed ("Sécurité" →
//! "securite"), ligatures expanded ("œ" → "oe", "ﬁ" → "fi"), invisible characters
//! dropped, words split on anything that is not a letter or digit.
//!
//! Precomposed (NFC) and decomposed (NFD) spellings fold to the same text for the
//! Latin script: letters of Latin-1, Latin Extended-A/B and Latin Extended
//! Additional (U+00C0–U+024F, U+1E00–U+1EFF) fold through a 656-byte table to
//! their base letter, and combining marks are dropped without splitting the
//! word. That costs well under a kilobyte of wasm, where `unicode-normalization`
//! costs 150 KB. (Other scripts are lower-cased; their NFD marks are dropped, so
//! their precomposed and decomposed forms may differ.)

use std::ops::Range;

/// Folded form of U+00C0..U+0250, one byte per code point: an ASCII letter, 0
/// for "lower-case it" (or not a letter), or `0x80 + i` for `MULTI[i]`.
/// Generated from Unicode's canonical decompositions (base letter of the NFD
/// form, lower-cased) plus the letters with a stroke or bar (ø → o, ł → l, đ → d).
static LATIN: &[u8; 0x250 - 0xC0] = b"\
      aaaaaa\x80ceeeeiiiidnooooo\0ouuuuy\x87\x82aaaaaa\x80ceeeeiiiidnooooo\0ouuuuy\x87yaaa\
      aaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii\x83\x83jjkk\0llllllllllnnnnnn\0\0\0o\
      ooooo\x81\x81rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzsbb\0\0\0\0\0cc\0d\0\0\0\0\0\
      \0ff\0\0\0\0\0kkl\0\0\0\0\0oo\0\0pp\0\0\0\0\0\0tttuu\0\0yyzz\0\0\0\0\0\0\0\0\0\0\0\0\
      \0\x84\x84\x84\x85\x85\x85\x86\x86\x86aaiioouuuuuuuuuu\0aaaa\x80\x80ggggkkoooo\0\0j\
      \x84\x84\x84gg\0\0nnaa\x80\x80ooaaaaeeeeiiiioooorrrruuuusstt\0\0hh\0d\0\0zzaaeeooooo\
      oooyylntj\0\0\0cc\0\0\0\0\0\0\0\0\0eejj\0\0rryy";

/// The same for Latin Extended Additional, U+1E00..U+1F00 (Vietnamese, Welsh…).
static LATIN_ADDITIONAL: &[u8; 0x100] = b"\
      aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooo\
      pppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy\0s\0\0\x82\0a\
      aaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyy\
      yyyyy\0\0\0\0\0\0";

/// Letters that fold to two: æ, œ, ß, ĳ, ǆ, ǉ, ǌ, þ.
const MULTI: [&str; 8] = ["ae", "oe", "ss", "ij", "dz", "lj", "nj", "th"];

/// Whether `c` is dropped from words without splitting them: combining marks
/// (diacritics of decomposed text), zero-width characters and the soft hyphen.
#[inline]
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' // combining diacritical marks
        | '\u{1AB0}'..='\u{1AFF}' // … extended
        | '\u{1DC0}'..='\u{1DFF}' // … supplement
        | '\u{20D0}'..='\u{20FF}' // … for symbols
        | '\u{FE20}'..='\u{FE2F}' // combining half marks
        | '\u{200B}'..='\u{200D}' // zero-width space, non-joiner, joiner
        | '\u{2060}' // word joiner
        | '\u{FEFF}' // zero-width no-break space (BOM)
        | '\u{00AD}' // soft hyphen
    )
}

/// Appends the folded form of `c` to `out`: lower case, without diacritics.
/// Returns `false` when `c` is a word separator. An invisible character (see
/// [`is_invisible`]) returns `true` and appends nothing.
#[inline]
pub fn fold_char_into(c: char, out: &mut String) -> bool {
    if c.is_ascii() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            return true;
        }
        return false;
    }
    let cp = c as u32;
    let mapped = match cp {
        0xC0..=0x24F => LATIN[(cp - 0xC0) as usize],
        0x1E00..=0x1EFF => LATIN_ADDITIONAL[(cp - 0x1E00) as usize],
        _ => 0,
    };
    match mapped {
        0 => {}
        1..=0x7F => {
            out.push(char::from(mapped));
            return true;
        }
        _ => {
            out.push_str(MULTI[usize::from(mapped - 0x80)]);
            return true;
        }
    }
    let folded: &str = match c {
        _ if is_invisible(c) => return true,
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        // ǯ is ʒ with a caron.
        'Ǯ' | 'ǯ' => "ʒ",
        _ if c.is_alphanumeric() => {
            out.extend(c.to_lowercase());
            return true;
        }
        _ => return false,
    };
    out.push_str(folded);
    true
}

/// The folded form of a whole text, words separated by single spaces.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for_each_word(text, |_, word| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    });
    out
}

/// Calls `f(byte_range_in_text, folded_word)` for each word of `text`, in order.
/// A word never is empty; its range covers the invisible characters inside it.
pub fn for_each_word(text: &str, mut f: impl FnMut(Range<usize>, &str)) {
    for_each_word_verbatim(text, |range, word, _| f(range, word));
}

/// [`for_each_word`], also telling whether the folded word is the original
/// text verbatim: `true` for a word of lower-case ASCII letters and digits only,
/// then a slice of `text` rather than a copy. (`false` means it may differ.)
pub fn for_each_word_verbatim(text: &str, mut f: impl FnMut(Range<usize>, &str, bool)) {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let is_verbatim = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    let is_ascii_separator = |b: u8| b < 0x80 && !b.is_ascii_alphanumeric();
    // The folded word, when it differs from the original text.
    let mut buf = String::new();
    let mut i = 0;
    while i < len {
        if is_ascii_separator(bytes[i]) {
            i += 1;
            continue;
        }
        let mut start = i;
        // Most words are lower-case ASCII: a slice of `text`, no copy.
        while i < len && is_verbatim(bytes[i]) {
            i += 1;
        }
        if i == len || is_ascii_separator(bytes[i]) {
            f(start..i, &text[start..i], true);
            i += 1;
            continue;
        }
        // Something to fold: copy, and go on to the end of the word.
        buf.clear();
        buf.push_str(&text[start..i]);
        let mut end = len;
        while i < len {
            let b = bytes[i];
            if b < 0x80 {
                if is_verbatim(b) {
                    buf.push(char::from(b));
                } else if b.is_ascii_uppercase() {
                    buf.push(char::from(b.to_ascii_lowercase()));
                } else {
                    end = i;
                    i += 1;
                    break;
                }
                i += 1;
                continue;
            }
            let c = text[i..]
                .chars()
                .next()
                .unwrap_or(char::REPLACEMENT_CHARACTER);
            let width = c.len_utf8();
            if !fold_char_into(c, &mut buf) {
                end = i;
                i += width;
                break;
            }
            i += width;
            if buf.is_empty() {
                // Invisible characters before any letter are not part of the word.
                start = i;
            }
        }
        if !buf.is_empty() {
            f(start..end, &buf, false);
        }
    }
}

/// Words too common in French (and English) to help a search; they are neither
/// indexed nor required in queries.
pub fn is_stop_word(word: &str) -> bool {
    // Most words are longer than any stop word: skip the comparisons.
    word.len() <= 6
        && matches!(
            word,
            "a" | "au"
                | "aux"
                | "d"
                | "de"
                | "des"
                | "du"
                | "en"
                | "et"
                | "l"
                | "la"
                | "le"
                | "les"
                | "un"
                | "une"
                | "pour"
                | "par"
                | "sur"
                | "dans"
                | "avec"
                | "ou"
                | "qu"
                | "que"
                | "qui"
                | "se"
                | "sa"
                | "son"
                | "ses"
                | "vos"
                | "votre"
                | "the"
                | "of"
                | "and"
                | "to"
                | "in"
                | "for"
                | "s"
                | "n"
                | "c"
                | "j"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_case_and_ligatures() {
        assert_eq!(fold("Sécurité"), "securite");
        assert_eq!(
            fold("ÉCO-CONCEPTION des Œuvres"),
            "eco conception des oeuvres"
        );
        assert_eq!(fold("l'État, 2024 !"), "l etat 2024");
        assert_eq!(fold("Ça coûte  zéro"), "ca coute zero");
        assert_eq!(fold("Łódź Straße"), "lodz strasse");
        assert_eq!(fold(""), "");
        assert_eq!(fold("« … »"), "");
    }

    #[test]
    fn folds_the_letters_the_brief_names() {
        assert_eq!(fold("İstanbul"), "istanbul");
        assert_eq!(fold("STRAẞE Straße"), "strasse strasse");
        assert_eq!(fold("Œuvre cœur"), "oeuvre coeur");
        assert_eq!(fold("Æsope ex æquo"), "aesope ex aequo");
        assert_eq!(fold("ﬁchier ﬂux eﬀet"), "fichier flux effet");
        assert_eq!(fold("Tiếng Việt"), "tieng viet");
        assert_eq!(fold("Ĳssel Ørsted ǅemal"), "ijssel orsted dzemal");
    }

    #[test]
    fn decomposed_accents_fold_like_precomposed_ones() {
        // NFD: a base letter followed by combining marks.
        assert_eq!(fold("se\u{301}curite\u{301}"), "securite");
        assert_eq!(fold("S\u{301}E\u{301}CURITE\u{301}"), "securite");
        assert_eq!(fold("I\u{307}stanbul"), "istanbul");
        // Marks of the other combining blocks, even stacked.
        assert_eq!(fold("se\u{1ab0}cu\u{1dc0}\u{20d0}ri\u{fe20}te"), "securite");
        // A mark with no base letter is dropped, not a word.
        assert_eq!(fold("\u{301} a \u{301}\u{301}"), "a");
        // Every letter of the tables: NFC and NFD give identical folded text.
        // (Generated with Python's unicodedata.normalize.)
        let nfc = "\u{c0}\u{c1}\u{c2}\u{c3}\u{c4}\u{c5}\u{c7}\u{c8}\u{c9}\u{ca}\u{cb}\u{cc}\u{cd}\u{ce}\u{cf}\u{d1}\u{d2}\u{d3}\u{d4}\u{d5}\u{d6}\u{d9}\u{da}\u{db}\u{dc}\u{dd}\u{e0}\u{e1}\u{e2}\u{e3}\u{e4}\u{e5}\u{e7}\u{e8}\u{e9}\u{ea}\u{eb}\u{ec}\u{ed}\u{ee}\u{ef}\u{f1}\u{f2}\u{f3}\u{f4}\u{f5}\u{f6}\u{f9}\u{fa}\u{fb}\u{fc}\u{fd}\u{ff}\u{100}\u{101}\u{102}\u{103}\u{104}\u{105}\u{106}\u{107}\u{108}\u{109}\u{10a}\u{10b}\u{10c}\u{10d}\u{10e}\u{10f}\u{112}\u{113}\u{114}\u{115}\u{116}\u{117}\u{118}\u{119}\u{11a}\u{11b}\u{11c}\u{11d}\u{11e}\u{11f}\u{120}\u{121}\u{122}\u{123}\u{124}\u{125}\u{128}\u{129}\u{12a}\u{12b}\u{12c}\u{12d}\u{12e}\u{12f}\u{130}\u{134}\u{135}\u{136}\u{137}\u{139}\u{13a}\u{13b}\u{13c}\u{13d}\u{13e}\u{143}\u{144}\u{145}\u{146}\u{147}\u{148}\u{14c}\u{14d}\u{14e}\u{14f}\u{150}\u{151}\u{154}\u{155}\u{156}\u{157}\u{158}\u{159}\u{15a}\u{15b}\u{15c}\u{15d}\u{15e}\u{15f}\u{160}\u{161}\u{162}\u{163}\u{164}\u{165}\u{168}\u{169}\u{16a}\u{16b}\u{16c}\u{16d}\u{16e}\u{16f}\u{170}\u{171}\u{172}\u{173}\u{174}\u{175}\u{176}\u{177}\u{178}\u{179}\u{17a}\u{17b}\u{17c}\u{17d}\u{17e}\u{1a0}\u{1a1}\u{1af}\u{1b0}\u{1cd}\u{1ce}\u{1cf}\u{1d0}\u{1d1}\u{1d2}\u{1d3}\u{1d4}\u{1d5}\u{1d6}\u{1d7}\u{1d8}\u{1d9}\u{1da}\u{1db}\u{1dc}\u{1de}\u{1df}\u{1e0}\u{1e1}\u{1e2}\u{1e3}\u{1e6}\u{1e7}\u{1e8}\u{1e9}\u{1ea}\u{1eb}\u{1ec}\u{1ed}\u{1ee}\u{1ef}\u{1f0}\u{1f4}\u{1f5}\u{1f8}\u{1f9}\u{1fa}\u{1fb}\u{1fc}\u{1fd}\u{1fe}\u{1ff}\u{200}\u{201}\u{202}\u{203}\u{204}\u{205}\u{206}\u{207}\u{208}\u{209}\u{20a}\u{20b}\u{20c}\u{20d}\u{20e}\u{20f}\u{210}\u{211}\u{212}\u{213}\u{214}\u{215}\u{216}\u{217}\u{218}\u{219}\u{21a}\u{21b}\u{21e}\u{21f}\u{226}\u{227}\u{228}\u{229}\u{22a}\u{22b}\u{22c}\u{22d}\u{22e}\u{22f}\u{230}\u{231}\u{232}\u{233}\u{1e00}\u{1e01}\u{1e02}\u{1e03}\u{1e04}\u{1e05}\u{1e06}\u{1e07}\u{1e08}\u{1e09}\u{1e0a}\u{1e0b}\u{1e0c}\u{1e0d}\u{1e0e}\u{1e0f}\u{1e10}\u{1e11}\u{1e12}\u{1e13}\u{1e14}\u{1e15}\u{1e16}\u{1e17}\u{1e18}\u{1e19}\u{1e1a}\u{1e1b}\u{1e1c}\u{1e1d}\u{1e1e}\u{1e1f}\u{1e20}\u{1e21}\u{1e22}\u{1e23}\u{1e24}\u{1e25}\u{1e26}\u{1e27}\u{1e28}\u{1e29}\u{1e2a}\u{1e2b}\u{1e2c}\u{1e2d}\u{1e2e}\u{1e2f}\u{1e30}\u{1e31}\u{1e32}\u{1e33}\u{1e34}\u{1e35}\u{1e36}\u{1e37}\u{1e38}\u{1e39}\u{1e3a}\u{1e3b}\u{1e3c}\u{1e3d}\u{1e3e}\u{1e3f}\u{1e40}\u{1e41}\u{1e42}\u{1e43}\u{1e44}\u{1e45}\u{1e46}\u{1e47}\u{1e48}\u{1e49}\u{1e4a}\u{1e4b}\u{1e4c}\u{1e4d}\u{1e4e}\u{1e4f}\u{1e50}\u{1e51}\u{1e52}\u{1e53}\u{1e54}\u{1e55}\u{1e56}\u{1e57}\u{1e58}\u{1e59}\u{1e5a}\u{1e5b}\u{1e5c}\u{1e5d}\u{1e5e}\u{1e5f}\u{1e60}\u{1e61}\u{1e62}\u{1e63}\u{1e64}\u{1e65}\u{1e66}\u{1e67}\u{1e68}\u{1e69}\u{1e6a}\u{1e6b}\u{1e6c}\u{1e6d}\u{1e6e}\u{1e6f}\u{1e70}\u{1e71}\u{1e72}\u{1e73}\u{1e74}\u{1e75}\u{1e76}\u{1e77}\u{1e78}\u{1e79}\u{1e7a}\u{1e7b}\u{1e7c}\u{1e7d}\u{1e7e}\u{1e7f}\u{1e80}\u{1e81}\u{1e82}\u{1e83}\u{1e84}\u{1e85}\u{1e86}\u{1e87}\u{1e88}\u{1e89}\u{1e8a}\u{1e8b}\u{1e8c}\u{1e8d}\u{1e8e}\u{1e8f}\u{1e90}\u{1e91}\u{1e92}\u{1e93}\u{1e94}\u{1e95}\u{1e96}\u{1e97}\u{1e98}\u{1e99}\u{1e9b}\u{1ea0}\u{1ea1}\u{1ea2}\u{1ea3}\u{1ea4}\u{1ea5}\u{1ea6}\u{1ea7}\u{1ea8}\u{1ea9}\u{1eaa}\u{1eab}\u{1eac}\u{1ead}\u{1eae}\u{1eaf}\u{1eb0}\u{1eb1}\u{1eb2}\u{1eb3}\u{1eb4}\u{1eb5}\u{1eb6}\u{1eb7}\u{1eb8}\u{1eb9}\u{1eba}\u{1ebb}\u{1ebc}\u{1ebd}\u{1ebe}\u{1ebf}\u{1ec0}\u{1ec1}\u{1ec2}\u{1ec3}\u{1ec4}\u{1ec5}\u{1ec6}\u{1ec7}\u{1ec8}\u{1ec9}\u{1eca}\u{1ecb}\u{1ecc}\u{1ecd}\u{1ece}\u{1ecf}\u{1ed0}\u{1ed1}\u{1ed2}\u{1ed3}\u{1ed4}\u{1ed5}\u{1ed6}\u{1ed7}\u{1ed8}\u{1ed9}\u{1eda}\u{1edb}\u{1edc}\u{1edd}\u{1ede}\u{1edf}\u{1ee0}\u{1ee1}\u{1ee2}\u{1ee3}\u{1ee4}\u{1ee5}\u{1ee6}\u{1ee7}\u{1ee8}\u{1ee9}\u{1eea}\u{1eeb}\u{1eec}\u{1eed}\u{1eee}\u{1eef}\u{1ef0}\u{1ef1}\u{1ef2}\u{1ef3}\u{1ef4}\u{1ef5}\u{1ef6}\u{1ef7}\u{1ef8}\u{1ef9}";
        let nfd = "A\u{300}A\u{301}A\u{302}A\u{303}A\u{308}A\u{30a}C\u{327}E\u{300}E\u{301}E\u{302}E\u{308}I\u{300}I\u{301}I\u{302}I\u{308}N\u{303}O\u{300}O\u{301}O\u{302}O\u{303}O\u{308}U\u{300}U\u{301}U\u{302}U\u{308}Y\u{301}a\u{300}a\u{301}a\u{302}a\u{303}a\u{308}a\u{30a}c\u{327}e\u{300}e\u{301}e\u{302}e\u{308}i\u{300}i\u{301}i\u{302}i\u{308}n\u{303}o\u{300}o\u{301}o\u{302}o\u{303}o\u{308}u\u{300}u\u{301}u\u{302}u\u{308}y\u{301}y\u{308}A\u{304}a\u{304}A\u{306}a\u{306}A\u{328}a\u{328}C\u{301}c\u{301}C\u{302}c\u{302}C\u{307}c\u{307}C\u{30c}c\u{30c}D\u{30c}d\u{30c}E\u{304}e\u{304}E\u{306}e\u{306}E\u{307}e\u{307}E\u{328}e\u{328}E\u{30c}e\u{30c}G\u{302}g\u{302}G\u{306}g\u{306}G\u{307}g\u{307}G\u{327}g\u{327}H\u{302}h\u{302}I\u{303}i\u{303}I\u{304}i\u{304}I\u{306}i\u{306}I\u{328}i\u{328}I\u{307}J\u{302}j\u{302}K\u{327}k\u{327}L\u{301}l\u{301}L\u{327}l\u{327}L\u{30c}l\u{30c}N\u{301}n\u{301}N\u{327}n\u{327}N\u{30c}n\u{30c}O\u{304}o\u{304}O\u{306}o\u{306}O\u{30b}o\u{30b}R\u{301}r\u{301}R\u{327}r\u{327}R\u{30c}r\u{30c}S\u{301}s\u{301}S\u{302}s\u{302}S\u{327}s\u{327}S\u{30c}s\u{30c}T\u{327}t\u{327}T\u{30c}t\u{30c}U\u{303}u\u{303}U\u{304}u\u{304}U\u{306}u\u{306}U\u{30a}u\u{30a}U\u{30b}u\u{30b}U\u{328}u\u{328}W\u{302}w\u{302}Y\u{302}y\u{302}Y\u{308}Z\u{301}z\u{301}Z\u{307}z\u{307}Z\u{30c}z\u{30c}O\u{31b}o\u{31b}U\u{31b}u\u{31b}A\u{30c}a\u{30c}I\u{30c}i\u{30c}O\u{30c}o\u{30c}U\u{30c}u\u{30c}U\u{308}\u{304}u\u{308}\u{304}U\u{308}\u{301}u\u{308}\u{301}U\u{308}\u{30c}u\u{308}\u{30c}U\u{308}\u{300}u\u{308}\u{300}A\u{308}\u{304}a\u{308}\u{304}A\u{307}\u{304}a\u{307}\u{304}\u{c6}\u{304}\u{e6}\u{304}G\u{30c}g\u{30c}K\u{30c}k\u{30c}O\u{328}o\u{328}O\u{328}\u{304}o\u{328}\u{304}\u{1b7}\u{30c}\u{292}\u{30c}j\u{30c}G\u{301}g\u{301}N\u{300}n\u{300}A\u{30a}\u{301}a\u{30a}\u{301}\u{c6}\u{301}\u{e6}\u{301}\u{d8}\u{301}\u{f8}\u{301}A\u{30f}a\u{30f}A\u{311}a\u{311}E\u{30f}e\u{30f}E\u{311}e\u{311}I\u{30f}i\u{30f}I\u{311}i\u{311}O\u{30f}o\u{30f}O\u{311}o\u{311}R\u{30f}r\u{30f}R\u{311}r\u{311}U\u{30f}u\u{30f}U\u{311}u\u{311}S\u{326}s\u{326}T\u{326}t\u{326}H\u{30c}h\u{30c}A\u{307}a\u{307}E\u{327}e\u{327}O\u{308}\u{304}o\u{308}\u{304}O\u{303}\u{304}o\u{303}\u{304}O\u{307}o\u{307}O\u{307}\u{304}o\u{307}\u{304}Y\u{304}y\u{304}A\u{325}a\u{325}B\u{307}b\u{307}B\u{323}b\u{323}B\u{331}b\u{331}C\u{327}\u{301}c\u{327}\u{301}D\u{307}d\u{307}D\u{323}d\u{323}D\u{331}d\u{331}D\u{327}d\u{327}D\u{32d}d\u{32d}E\u{304}\u{300}e\u{304}\u{300}E\u{304}\u{301}e\u{304}\u{301}E\u{32d}e\u{32d}E\u{330}e\u{330}E\u{327}\u{306}e\u{327}\u{306}F\u{307}f\u{307}G\u{304}g\u{304}H\u{307}h\u{307}H\u{323}h\u{323}H\u{308}h\u{308}H\u{327}h\u{327}H\u{32e}h\u{32e}I\u{330}i\u{330}I\u{308}\u{301}i\u{308}\u{301}K\u{301}k\u{301}K\u{323}k\u{323}K\u{331}k\u{331}L\u{323}l\u{323}L\u{323}\u{304}l\u{323}\u{304}L\u{331}l\u{331}L\u{32d}l\u{32d}M\u{301}m\u{301}M\u{307}m\u{307}M\u{323}m\u{323}N\u{307}n\u{307}N\u{323}n\u{323}N\u{331}n\u{331}N\u{32d}n\u{32d}O\u{303}\u{301}o\u{303}\u{301}O\u{303}\u{308}o\u{303}\u{308}O\u{304}\u{300}o\u{304}\u{300}O\u{304}\u{301}o\u{304}\u{301}P\u{301}p\u{301}P\u{307}p\u{307}R\u{307}r\u{307}R\u{323}r\u{323}R\u{323}\u{304}r\u{323}\u{304}R\u{331}r\u{331}S\u{307}s\u{307}S\u{323}s\u{323}S\u{301}\u{307}s\u{301}\u{307}S\u{30c}\u{307}s\u{30c}\u{307}S\u{323}\u{307}s\u{323}\u{307}T\u{307}t\u{307}T\u{323}t\u{323}T\u{331}t\u{331}T\u{32d}t\u{32d}U\u{324}u\u{324}U\u{330}u\u{330}U\u{32d}u\u{32d}U\u{303}\u{301}u\u{303}\u{301}U\u{304}\u{308}u\u{304}\u{308}V\u{303}v\u{303}V\u{323}v\u{323}W\u{300}w\u{300}W\u{301}w\u{301}W\u{308}w\u{308}W\u{307}w\u{307}W\u{323}w\u{323}X\u{307}x\u{307}X\u{308}x\u{308}Y\u{307}y\u{307}Z\u{302}z\u{302}Z\u{323}z\u{323}Z\u{331}z\u{331}h\u{331}t\u{308}w\u{30a}y\u{30a}\u{17f}\u{307}A\u{323}a\u{323}A\u{309}a\u{309}A\u{302}\u{301}a\u{302}\u{301}A\u{302}\u{300}a\u{302}\u{300}A\u{302}\u{309}a\u{302}\u{309}A\u{302}\u{303}a\u{302}\u{303}A\u{323}\u{302}a\u{323}\u{302}A\u{306}\u{301}a\u{306}\u{301}A\u{306}\u{300}a\u{306}\u{300}A\u{306}\u{309}a\u{306}\u{309}A\u{306}\u{303}a\u{306}\u{303}A\u{323}\u{306}a\u{323}\u{306}E\u{323}e\u{323}E\u{309}e\u{309}E\u{303}e\u{303}E\u{302}\u{301}e\u{302}\u{301}E\u{302}\u{300}e\u{302}\u{300}E\u{302}\u{309}e\u{302}\u{309}E\u{302}\u{303}e\u{302}\u{303}E\u{323}\u{302}e\u{323}\u{302}I\u{309}i\u{309}I\u{323}i\u{323}O\u{323}o\u{323}O\u{309}o\u{309}O\u{302}\u{301}o\u{302}\u{301}O\u{302}\u{300}o\u{302}\u{300}O\u{302}\u{309}o\u{302}\u{309}O\u{302}\u{303}o\u{302}\u{303}O\u{323}\u{302}o\u{323}\u{302}O\u{31b}\u{301}o\u{31b}\u{301}O\u{31b}\u{300}o\u{31b}\u{300}O\u{31b}\u{309}o\u{31b}\u{309}O\u{31b}\u{303}o\u{31b}\u{303}O\u{31b}\u{323}o\u{31b}\u{323}U\u{323}u\u{323}U\u{309}u\u{309}U\u{31b}\u{301}u\u{31b}\u{301}U\u{31b}\u{300}u\u{31b}\u{300}U\u{31b}\u{309}u\u{31b}\u{309}U\u{31b}\u{303}u\u{31b}\u{303}U\u{31b}\u{323}u\u{31b}\u{323}Y\u{300}y\u{300}Y\u{323}y\u{323}Y\u{309}y\u{309}Y\u{303}y\u{303}";
        assert_ne!(nfc, nfd);
        let nfc_folded: Vec<String> = nfc.chars().map(|c| fold(&c.to_string())).collect();
        let mut nfd_folded = Vec::new();
        let mut letter = String::new();
        for c in nfd.chars() {
            if !is_invisible(c) && !letter.is_empty() {
                nfd_folded.push(fold(&letter));
                letter.clear();
            }
            letter.push(c);
        }
        nfd_folded.push(fold(&letter));
        assert_eq!(nfc_folded.len(), nfd_folded.len());
        for ((a, b), c) in nfc_folded.iter().zip(&nfd_folded).zip(nfc.chars()) {
            assert_eq!(a, b, "{c} U+{:04X}", c as u32);
        }
        assert_eq!(fold(nfc), fold(nfd));
    }

    #[test]
    fn invisible_characters_do_not_split_words() {
        assert_eq!(fold("cyber\u{200b}sécurité"), "cybersecurite");
        assert_eq!(
            fold("cyber\u{ad}sé\u{200c}cu\u{200d}ri\u{2060}té\u{feff}"),
            "cybersecurite"
        );
        assert_eq!(fold("\u{feff}Données"), "donnees");
        assert_eq!(fold("\u{200b} \u{200b}"), "");
        // The range of a word covers the invisible characters inside it.
        let text = "la cyber\u{200b}se\u{301}curite\u{301} !";
        let mut words = Vec::new();
        for_each_word(text, |r, w| words.push((&text[r], w.to_owned())));
        assert_eq!(
            words,
            vec![
                ("la", "la".to_owned()),
                (
                    "cyber\u{200b}se\u{301}curite\u{301}",
                    "cybersecurite".to_owned()
                )
            ]
        );
    }

    #[test]
    fn reports_word_ranges_in_the_original_text() {
        let text = "Sécurité : les accès";
        let mut words = Vec::new();
        for_each_word(text, |r, w| words.push((&text[r], w.to_owned())));
        assert_eq!(
            words,
            vec![
                ("Sécurité", "securite".to_owned()),
                ("les", "les".to_owned()),
                ("accès", "acces".to_owned())
            ]
        );
    }

    #[test]
    fn says_which_words_are_verbatim() {
        let text = "data Data donnée x2 2X ça";
        let mut words = Vec::new();
        for_each_word_verbatim(text, |r, w, verbatim| {
            words.push((&text[r], w.to_owned(), verbatim))
        });
        let expected = [
            ("data", "data", true),
            ("Data", "data", false),
            ("donnée", "donnee", false),
            ("x2", "x2", true),
            ("2X", "2x", false),
            ("ça", "ca", false),
        ];
        assert_eq!(words.len(), expected.len());
        for (got, want) in words.iter().zip(expected) {
            assert_eq!((got.0, got.1.as_str(), got.2), want);
        }
    }

    /// The plain reading of the rules, char by char, to check the fast path.
    fn reference(text: &str) -> Vec<(Range<usize>, String)> {
        let mut out = Vec::new();
        let mut word = String::new();
        let mut start = None;
        for (i, c) in text.char_indices() {
            let before = word.len();
            if fold_char_into(c, &mut word) {
                if word.len() > before {
                    start.get_or_insert(i);
                }
            } else if let Some(s) = start.take() {
                out.push((s..i, std::mem::take(&mut word)));
            }
        }
        if let Some(s) = start {
            out.push((s..text.len(), word));
        }
        out
    }

    #[test]
    fn the_fast_path_agrees_with_the_plain_rules() {
        let alphabet: Vec<char> = "abzAZ09 -'.éÉœß\u{301}\u{200b}\u{ad}«’İﬁ漢Ж"
            .chars()
            .collect();
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..5000 {
            let mut text = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            for k in 0..(seed % 12) {
                let r = seed.rotate_left(k as u32 * 5);
                text.push(alphabet[(r % alphabet.len() as u64) as usize]);
            }
            let mut got = Vec::new();
            for_each_word_verbatim(&text, |r, w, verbatim| {
                assert!(!w.is_empty(), "{text:?}");
                if verbatim {
                    assert_eq!(w, &text[r.clone()], "{text:?}");
                    assert!(w
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
                }
                got.push((r, w.to_owned()));
            });
            assert_eq!(got, reference(&text), "{text:?}");
        }
    }

    #[test]
    fn stop_words_are_short_function_words() {
        assert!(is_stop_word("de"));
        assert!(!is_stop_word("data"));
    }
}
