//! Looking beyond a query's exact words: the documents similar to a text,
//! and the closest spelling of a query that finds nothing ("did you mean").

use std::collections::HashSet;

use super::edit::edit_distance_within;
use super::index::{Hit, SearchIndex};
use super::query::{parse_query, QueryWord};
use super::score::TYPO;

impl SearchIndex {
    /// Documents sharing words with `text`, for "this may already exist": any
    /// of its significant words, not all. Ranked by the number of its words
    /// they match (the integer part of [`Hit::score`]), then by relevance;
    /// best first, at most `limit`. Words match as in [`Self::search`] (prefix,
    /// one typo, synonyms), and also by stem ("accessibilité" finds
    /// "accessibles"). A document must match a word of three letters or more.
    pub fn similar(&self, text: &str, limit: usize) -> Vec<Hit> {
        let words = parse_query(text);
        let mut terms = HashSet::new();
        let units = self.units(&words, true, &mut terms);
        let n = self.doc_count;
        let mut count = vec![0u16; n];
        let mut significant = vec![false; n];
        let mut total = vec![0f32; n];
        let mut best = vec![0f32; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut scored = Vec::new();
        for unit in &units {
            scored.clear();
            self.score_unit(unit, |_| true, &mut best, &mut scored);
            for &(doc, score) in &scored {
                let d = doc as usize;
                if count[d] == 0 {
                    touched.push(doc);
                }
                count[d] = count[d].saturating_add(unit.words as u16);
                significant[d] |= unit.significant;
                total[d] += score;
            }
        }
        touched.retain(|&d| significant[d as usize]);
        let max_total = touched
            .iter()
            .map(|&d| total[d as usize])
            .fold(0f32, f32::max);
        let mut hits: Vec<Hit> = touched
            .into_iter()
            .map(|doc| Hit {
                doc,
                score: f32::from(count[doc as usize]) + total[doc as usize] / (max_total + 1.0),
            })
            .collect();
        crate::util::sort::sort_by(&mut hits, |a, b| {
            b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc))
        });
        hits.truncate(limit);
        hits
    }

    /// The closest spelling of `query` that finds courses, to propose when it
    /// finds none: each query word that matches no vocabulary word exactly or as
    /// a prefix (nor through a synonym) is replaced by the closest vocabulary
    /// word — edit distance 1 for words of up to four letters, 2 for longer
    /// ones; the most frequent among equally close ones — in its spelling in the
    /// data ("cybersecurte" → "cybersécurité"). The rest of the query is kept
    /// as typed. `None` when no word needs correcting or the corrected query
    /// finds nothing. A word matched only through a typo counts as misspelled,
    /// so a query that found courses that way also gets its correction.
    pub fn did_you_mean(&self, query: &str) -> Option<String> {
        let words = parse_query(query);
        let mut ignored = HashSet::new();
        let mut corrected = String::with_capacity(query.len());
        let mut pos = 0;
        let mut changed = false;
        let in_synonym = |w: &QueryWord| {
            self.synonyms
                .iter()
                .flatten()
                .any(|term| term.iter().any(|t| **t == *w.text))
        };
        for word in &words {
            let found = self
                .expand(word, &mut ignored)
                .iter()
                .any(|&(_, kind)| kind != TYPO);
            if found || in_synonym(word) || word.text.chars().count() < 3 {
                continue;
            }
            let Some(t) = self.closest_term(&word.text) else {
                continue;
            };
            corrected.push_str(&query[pos..word.range.start]);
            corrected.push_str(self.display_form(t));
            pos = word.range.end;
            changed = true;
        }
        if !changed {
            return None;
        }
        corrected.push_str(&query[pos..]);
        let hits = self.search(&corrected)?.0;
        (!hits.is_empty()).then_some(corrected)
    }

    /// The vocabulary word closest to `word` (see [`Self::did_you_mean`]).
    pub(super) fn closest_term(&self, word: &str) -> Option<usize> {
        // Which bytes a word holds, as bits (byte value mod 64). One edit adds
        // or removes at most two: a cheap test before the distance itself.
        let bits = |w: &[u8]| w.iter().fold(0u64, |m, &b| m | 1 << (b & 63));
        let word_bits = bits(word.as_bytes());
        let mut max = if word.chars().count() <= 4 { 1 } else { 2 };
        let mut best: Option<(usize, usize, usize)> = None; // (distance, -frequency, term)
        for (t, term) in self.terms.iter().enumerate() {
            let term = term.as_bytes();
            if term.len().abs_diff(word.len()) > max
                || (bits(term) ^ word_bits).count_ones() as usize > 2 * max
            {
                continue;
            }
            let Some(d) = edit_distance_within(word.as_bytes(), term, max) else {
                continue;
            };
            if d == 0 {
                continue;
            }
            let frequency = self.postings(t).len();
            let key = (d, usize::MAX - frequency, t);
            if best.is_none_or(|b| key < b) {
                best = Some(key);
                // Farther words can no longer win.
                max = d;
            }
        }
        best.map(|b| b.2)
    }
}

#[cfg(test)]
mod tests {
    use crate::catalogue::search::tests::{docs, index, titles, Doc};

    #[test]
    fn did_you_mean_proposes_the_closest_spelling_that_finds_something() {
        let idx = index(&[
            Doc {
                title: "Sensibilisation à la cybersécurité",
                summary: "Gestion de crise",
                description: "",
                provider: "",
            },
            Doc {
                title: "Cybersécurité des collectivités",
                summary: "",
                description: "",
                provider: "",
            },
            Doc {
                title: "Piloter par la donnée",
                summary: "",
                description: "Des données et des tableaux de bord.",
                provider: "",
            },
        ]);
        // One typo: found through typo tolerance, but still corrected.
        assert_eq!(
            idx.did_you_mean("cybersecurté").as_deref(),
            Some("cybersécurité")
        );
        // Two typos: nothing found; corrected.
        assert!(docs(idx.search("cybrsecurté")).is_empty());
        assert_eq!(
            idx.did_you_mean("cybrsecurté").as_deref(),
            Some("cybersécurité")
        );
        // Only the misspelled word changes; the rest is kept as typed.
        assert_eq!(
            idx.did_you_mean("Gestion de crsie").as_deref(),
            Some("Gestion de crise")
        );
        // A swap of two letters is one edit.
        assert_eq!(idx.did_you_mean("tablaeux").as_deref(), Some("tableaux"));
        // Nothing to correct, nothing close enough, or no result even corrected.
        assert_eq!(idx.did_you_mean("cybersécurité"), None);
        assert_eq!(idx.did_you_mean("cyber"), None);
        assert_eq!(idx.did_you_mean("zzzzzzzz"), None);
        assert_eq!(idx.did_you_mean(""), None);
        assert_eq!(idx.did_you_mean("cybersecurté tableaux"), None);
    }

    #[test]
    fn did_you_mean_prefers_frequent_words() {
        // "carte" and "carre" are both one edit from "carle"; "carte" is in more courses.
        let idx = titles(&["La carte", "Une carte", "Le carré"]);
        assert_eq!(idx.did_you_mean("carle").as_deref(), Some("carte"));
        let idx = titles(&["La carte", "Le carré", "Un carré"]);
        assert_eq!(idx.did_you_mean("carle").as_deref(), Some("carré"));
    }

    #[test]
    fn similar_ranks_by_the_number_of_shared_words() {
        let idx = titles(&[
            "Documents bureautiques et PDF accessibles",
            "Accessibilité numérique des sites",
            "Signer un PDF",
            "Gestion de crise",
            "Accessibilité des PDF et des documents",
        ]);
        // Not every word is needed (search requires them all).
        assert!(docs(idx.search("Accessibilité des PDF")).len() < 4);
        let similar: Vec<u32> = idx
            .similar("Accessibilité des PDF", 10)
            .iter()
            .map(|h| h.doc)
            .collect();
        assert_eq!(similar.len(), 4, "{similar:?}");
        // Both words ("accessibles" by stem) first, then one.
        assert!(
            similar[..2].contains(&4) && similar[..2].contains(&0),
            "{similar:?}"
        );
        assert!(similar[2..].contains(&1) && similar[2..].contains(&2));
        let hits = idx.similar("Accessibilité des PDF", 10);
        assert_eq!(hits[0].score.floor(), 2.0);
        assert_eq!(hits[3].score.floor(), 1.0);
        assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
        // The limit, stop words, and a one-typo match.
        assert_eq!(idx.similar("Accessibilité des PDF", 1).len(), 1);
        assert!(idx.similar("de la des", 5).is_empty());
        assert_eq!(idx.similar("gestoin des crises", 5)[0].doc, 3);
    }

    #[test]
    fn similar_needs_a_word_of_three_letters() {
        let idx = titles(&["Design UX", "UX et IA", "Le design de services"]);
        assert!(idx.similar("UX", 5).is_empty());
        assert!(idx.similar("UX IA", 5).is_empty());
        let hits: Vec<u32> = idx.similar("UX design", 5).iter().map(|h| h.doc).collect();
        assert_eq!(hits, vec![0, 2]);
    }
}
