//! A query's words and how each may match, and what a query matched
//! ([`Matcher`], to highlight words in displayed text).

use std::collections::HashSet;
use std::ops::Range;

use super::score::{MAX_ACRONYM_LEN, MIN_TYPO_LEN};
use crate::catalogue::text::{for_each_word, is_stop_word};

/// What a query matched, to highlight words in displayed text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matcher {
    /// Folded query words, and whether each also matches words it starts.
    pub(super) words: Vec<(String, bool)>,
    /// Vocabulary words matched otherwise: through a typo or a synonym.
    pub(super) terms: HashSet<Box<str>>,
}

/// Whether `term` is `word` or its plural in `s` or `x` (for words of two
/// letters or more).
pub(super) fn is_exact(word: &str, term: &str) -> bool {
    let Some(ending) = term.strip_prefix(word) else {
        return false;
    };
    ending.is_empty()
        || (word.len() > 1 && matches!(ending, "s" | "x"))
        // A French inflection of a word typed in full ("teletravail" holds
        // "teletravailler", "donnee" "donnees"): long words only, so that a short
        // word never takes a longer one ("ia" is not "iaas").
        || (word.len() >= MIN_INFLECTED_LEN && INFLECTIONS.contains(&ending))
}

/// Query words of at least this many letters also match their inflections.
pub(super) const MIN_INFLECTED_LEN: usize = 6;
/// Endings of French inflections (folded): plurals, feminines, verbs.
pub(super) const INFLECTIONS: &[&str] = &["e", "es", "r", "er", "ers", "ee", "ees", "ler", "lers"];

impl Matcher {
    /// Whether the folded `word` of a displayed text was matched by the query.
    pub fn matches(&self, word: &str) -> bool {
        self.words.iter().any(|(q, prefix)| {
            if *prefix {
                word.starts_with(q.as_str())
            } else {
                is_exact(q, word)
            }
        }) || self.terms.contains(word)
    }

    /// Whether the query had no searchable word.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether the query names `place` (a city or a region): each of its
    /// folded words is matched ("lyon", "saint denis", "lyo" while typing).
    pub fn names_place(&self, place: &str) -> bool {
        // No search (most cards, and the sort without text): no folding.
        if self.is_empty() {
            return false;
        }
        let folded = crate::catalogue::text::fold(place);
        let mut words = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty());
        words.clone().next().is_some() && words.all(|w| self.matches(w))
    }
}

/// One searchable word of a query, and how it may match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct QueryWord {
    /// Folded.
    pub(super) text: String,
    /// Where it is in the query.
    pub(super) range: Range<usize>,
    /// Also matches the vocabulary words it starts.
    pub(super) prefix: bool,
    /// Also matches within one typo.
    pub(super) typo: bool,
}

/// The non-stop words of a query, in order, with their matching rules (see the
/// module documentation).
pub(super) fn parse_query(query: &str) -> Vec<QueryWord> {
    let mut words = Vec::new();
    for_each_word(query, |range, word| {
        if is_stop_word(word) {
            return;
        }
        let letters = word.chars().count();
        let original = &query[range.clone()];
        let acronym = letters <= MAX_ACRONYM_LEN
            && original.chars().any(char::is_alphabetic)
            && original
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
        // Being typed: nothing after it yet.
        let last = range.end == query.len();
        words.push(QueryWord {
            text: word.to_owned(),
            prefix: !acronym && (letters >= 3 || (letters == 2 && last)),
            typo: !acronym && word.len() >= MIN_TYPO_LEN,
            range,
        });
    });
    words
}

/// The folded, non-stop words of a query, without duplicates, in order.
pub fn query_words(query: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for_each_word(query, |_, w| {
        if !is_stop_word(w) && !words.iter().any(|x| x == w) {
            words.push(w.to_owned());
        }
    });
    words
}

/// Splits `text` into runs, flagging the words the matcher matched.
pub fn highlight<'t>(text: &'t str, matcher: &Matcher) -> Vec<(&'t str, bool)> {
    let mut runs: Vec<(&'t str, bool)> = Vec::new();
    if matcher.is_empty() {
        runs.push((text, false));
        return runs;
    }
    let mut marked: Vec<Range<usize>> = Vec::new();
    for_each_word(text, |range, word| {
        if matcher.matches(word) {
            marked.push(range);
        }
    });
    let mut pos = 0;
    for range in marked {
        if range.start > pos {
            runs.push((&text[pos..range.start], false));
        }
        runs.push((&text[range.clone()], true));
        pos = range.end;
    }
    if pos < text.len() {
        runs.push((&text[pos..], false));
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::search::tests::sample;

    #[test]
    fn highlight_marks_matched_words_in_the_original_text() {
        let idx = sample();
        let (_, matcher) = idx.search("secu donn").unwrap();
        let runs = highlight("Tableaux de bord et sécurité des données", &matcher);
        let marked: Vec<&str> = runs.iter().filter(|r| r.1).map(|r| r.0).collect();
        assert_eq!(marked, vec!["sécurité", "données"]);
        let joined: String = runs.iter().map(|r| r.0).collect();
        assert_eq!(joined, "Tableaux de bord et sécurité des données");
        let (_, typo) = idx.search("securiet").unwrap();
        assert_eq!(highlight("Sécurité", &typo), vec![("Sécurité", true)]);
    }

    #[test]
    fn a_long_word_typed_in_full_matches_its_inflections_a_short_one_does_not() {
        assert!(is_exact("teletravail", "teletravailler"));
        assert!(is_exact("donnee", "donnees"));
        assert!(is_exact("securite", "securites"));
        assert!(is_exact("ia", "ias"));
        assert!(!is_exact("ia", "iaas"));
        assert!(!is_exact("agile", "agiler"), "five letters: no inflection");
        assert!(!is_exact("gestion", "gestionnaire"));
        assert!(!is_exact("teletravail", "teletra"));
    }
}
