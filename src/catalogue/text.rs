//! Text normalisation for search: lower case, French accents folded ("Sécurité" →
//! "securite"), ligatures expanded ("œ" → "oe"), words split on anything that is
//! not a letter or digit. A small table covers French and the Latin letters of
//! European names; it costs a few hundred bytes of wasm where
//! `unicode-normalization` costs 150 KB.

/// Appends the folded form of `c` to `out`: lower case, without diacritics.
/// Returns `false` when `c` is a word separator.
#[inline]
pub fn fold_char_into(c: char, out: &mut String) -> bool {
    if c.is_ascii() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            return true;
        }
        return false;
    }
    let folded: &str = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'ā' | 'Ā' | 'ă'
        | 'Ă' | 'ą' | 'Ą' => "a",
        'ç' | 'Ç' | 'ć' | 'Ć' | 'č' | 'Č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' | 'ē' | 'Ē' | 'ė' | 'Ė' | 'ę' | 'Ę' | 'ě'
        | 'Ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'ī' | 'Ī' | 'į' | 'Į' | 'ı' => {
            "i"
        }
        'ñ' | 'Ñ' | 'ń' | 'Ń' | 'ň' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'ō' | 'Ō' | 'ő'
        | 'Ő' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'ū' | 'Ū' | 'ů' | 'Ů' | 'ű' | 'Ű' => {
            "u"
        }
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'ś' | 'Ś' | 'š' | 'Š' | 'ş' | 'Ş' => "s",
        'ź' | 'Ź' | 'ż' | 'Ż' | 'ž' | 'Ž' => "z",
        'ł' | 'Ł' => "l",
        'ř' | 'Ř' => "r",
        'ť' | 'Ť' => "t",
        'ď' | 'Ď' => "d",
        'ğ' | 'Ğ' => "g",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        'ß' => "ss",
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
pub fn for_each_word(text: &str, mut f: impl FnMut(std::ops::Range<usize>, &str)) {
    let mut word = String::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if fold_char_into(c, &mut word) {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            f(s..i, &word);
            word.clear();
        }
    }
    if let Some(s) = start {
        f(s..text.len(), &word);
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
    fn stop_words_are_short_function_words() {
        assert!(is_stop_word("de"));
        assert!(!is_stop_word("data"));
    }
}
