//! Full-text search over the catalogue, built in the browser when it loads.
//!
//! An inverted index over folded words (see [`super::text`]): a sorted vocabulary,
//! and for each word the courses and fields it appears in. A query word matches a
//! vocabulary word exactly, as a prefix (search as you type), or — for words of
//! five letters or more — within one typo (insertion, deletion, substitution or
//! swap) of a prefix. Every query word must match (AND). Scores favour title
//! matches, then exact over prefix over typo matches.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use super::text::{for_each_word, is_stop_word};

/// The Fx hash (rustc's): far faster than SipHash on short words, and the index
/// is built from trusted-enough data where hash flooding is not a concern.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.write_u64(u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.write_u64(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxBuild = BuildHasherDefault<FxHasher>;

/// Where a word occurs in a course, as bit flags.
pub mod field {
    /// The title.
    pub const TITLE: u8 = 1;
    /// The summary.
    pub const SUMMARY: u8 = 2;
    /// The objectives.
    pub const OBJECTIVES: u8 = 4;
    /// The provider.
    pub const PROVIDER: u8 = 8;
    /// The description.
    pub const DESCRIPTION: u8 = 16;
}

/// Weight of the best field in `mask`.
fn field_weight(mask: u8) -> f32 {
    if mask & field::TITLE != 0 {
        10.0
    } else if mask & field::SUMMARY != 0 {
        4.0
    } else if mask & (field::OBJECTIVES | field::PROVIDER) != 0 {
        3.0
    } else {
        1.0
    }
}

const EXACT: f32 = 1.0;
const PREFIX: f32 = 0.85;
const TYPO: f32 = 0.6;
/// Query words shorter than this get no typo tolerance ("one typo on longer words").
pub const MIN_TYPO_LEN: usize = 5;

/// The searchable text of one course.
#[derive(Debug, Clone, Copy)]
pub struct SearchableText<'a> {
    /// Title.
    pub title: &'a str,
    /// Summary.
    pub summary: &'a str,
    /// Description.
    pub description: &'a str,
    /// Objectives.
    pub objectives: &'a [String],
    /// Provider.
    pub provider: &'a str,
}

/// The inverted index. Documents are numbered in the order they were given.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// Sorted, distinct folded words.
    terms: Vec<Box<str>>,
    /// `postings[offsets[t]..offsets[t + 1]]` belong to `terms[t]`.
    offsets: Vec<u32>,
    /// Document numbers, ascending within a term.
    docs: Vec<u32>,
    /// Field flags, parallel to `docs`.
    fields: Vec<u8>,
    doc_count: usize,
}

/// One search result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// Document number.
    pub doc: u32,
    /// Relevance; higher is better.
    pub score: f32,
}

/// What a query matched, to highlight words in displayed text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matcher {
    /// Folded query words.
    words: Vec<String>,
    /// Vocabulary words matched only through a typo.
    typo_terms: HashSet<Box<str>>,
}

impl Matcher {
    /// Whether the folded `word` of a displayed text was matched by the query.
    pub fn matches(&self, word: &str) -> bool {
        self.words.iter().any(|q| {
            if q.len() == 1 {
                word == q
            } else {
                word.starts_with(q.as_str())
            }
        }) || self.typo_terms.contains(word)
    }

    /// Whether the query had no searchable word.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
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

/// Whether `query` is within one edit (Damerau: with swaps) of some prefix of
/// `term`. Both are folded words; compared byte by byte.
pub fn within_one_edit_of_prefix(query: &[u8], term: &[u8]) -> bool {
    let m = query.len();
    // prev2, prev, cur: columns of the edit-distance table for term[..j-2], [..j-1], [..j].
    let mut prev2 = vec![u8::MAX; m + 1];
    let mut prev: Vec<u8> = (0..=m).map(|i| i.min(255) as u8).collect();
    let mut cur = vec![0u8; m + 1];
    if prev[m] <= 1 {
        return true;
    }
    for j in 1..=term.len() {
        cur[0] = j.min(255) as u8;
        let mut column_min = cur[0];
        for i in 1..=m {
            let cost = u8::from(query[i - 1] != term[j - 1]);
            let mut d = (prev[i - 1] + cost)
                .min(prev[i].saturating_add(1))
                .min(cur[i - 1].saturating_add(1));
            if i > 1 && j > 1 && query[i - 1] == term[j - 2] && query[i - 2] == term[j - 1] {
                d = d.min(prev2[i - 2].saturating_add(1));
            }
            cur[i] = d;
            column_min = column_min.min(d);
        }
        if cur[m] <= 1 {
            return true;
        }
        if column_min > 1 {
            return false;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    false
}

impl SearchIndex {
    /// Indexes documents; document `n` is the `n`-th item of `docs`.
    pub fn build<'a>(docs: impl IntoIterator<Item = SearchableText<'a>>) -> SearchIndex {
        let mut ids: HashMap<Box<str>, u32, FxBuild> = HashMap::default();
        let mut lists: Vec<Vec<(u32, u8)>> = Vec::new();
        // (term, field flags) of the current document; sorted and merged per document.
        let mut doc_terms: Vec<(u32, u8)> = Vec::new();
        let mut doc_count = 0usize;

        for (n, doc) in docs.into_iter().enumerate() {
            doc_count = n + 1;
            doc_terms.clear();
            let mut add = |text: &str, flag: u8| {
                for_each_word(text, |_, word| {
                    if is_stop_word(word) {
                        return;
                    }
                    let id = match ids.get(word) {
                        Some(&id) => id,
                        None => {
                            let id = lists.len() as u32;
                            ids.insert(word.into(), id);
                            lists.push(Vec::new());
                            id
                        }
                    };
                    doc_terms.push((id, flag));
                });
            };
            add(doc.title, field::TITLE);
            add(doc.summary, field::SUMMARY);
            for objective in doc.objectives {
                add(objective, field::OBJECTIVES);
            }
            add(doc.provider, field::PROVIDER);
            add(doc.description, field::DESCRIPTION);
            doc_terms.sort_unstable_by_key(|&(term, _)| term);
            let mut i = 0;
            while i < doc_terms.len() {
                let (term, mut mask) = doc_terms[i];
                i += 1;
                while i < doc_terms.len() && doc_terms[i].0 == term {
                    mask |= doc_terms[i].1;
                    i += 1;
                }
                lists[term as usize].push((n as u32, mask));
            }
        }

        let mut vocabulary: Vec<(Box<str>, u32)> = ids.into_iter().collect();
        vocabulary.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let total: usize = lists.iter().map(Vec::len).sum();
        let mut index = SearchIndex {
            terms: Vec::with_capacity(vocabulary.len()),
            offsets: Vec::with_capacity(vocabulary.len() + 1),
            docs: Vec::with_capacity(total),
            fields: Vec::with_capacity(total),
            doc_count,
        };
        index.offsets.push(0);
        for (term, id) in vocabulary {
            // Documents were visited in order, so each list is already sorted.
            for &(doc, mask) in &lists[id as usize] {
                index.docs.push(doc);
                index.fields.push(mask);
            }
            index.terms.push(term);
            index.offsets.push(index.docs.len() as u32);
        }
        index
    }

    /// Number of indexed documents.
    pub fn doc_count(&self) -> usize {
        self.doc_count
    }

    /// Number of distinct words.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// Number of (word, document) pairs.
    pub fn posting_count(&self) -> usize {
        self.docs.len()
    }

    fn postings(&self, term: usize) -> Range<usize> {
        self.offsets[term] as usize..self.offsets[term + 1] as usize
    }

    /// Terms starting with `prefix`, as a range of term numbers.
    fn prefix_range(&self, prefix: &str) -> Range<usize> {
        let start = self.terms.partition_point(|t| &**t < prefix);
        let len = self.terms[start..].partition_point(|t| t.starts_with(prefix));
        start..start + len
    }

    /// The vocabulary words a query word matches, with the match quality.
    fn expand(&self, word: &str, typo_terms: &mut HashSet<Box<str>>) -> Vec<(usize, f32)> {
        let mut out = Vec::new();
        let prefix = self.prefix_range(word);
        if word.len() == 1 {
            // A single letter matches only itself: as a prefix it would match
            // most of the vocabulary and say nothing.
            if prefix.start < self.terms.len() && &*self.terms[prefix.start] == word {
                out.push((prefix.start, EXACT));
            }
            return out;
        }
        for t in prefix.clone() {
            out.push((
                t,
                if &*self.terms[t] == word {
                    EXACT
                } else {
                    PREFIX
                },
            ));
        }
        if word.len() >= MIN_TYPO_LEN {
            // Typos are looked for among words with the same first letter.
            let first = &word[..word.chars().next().map_or(1, char::len_utf8)];
            let same_initial = self.prefix_range(first);
            for t in same_initial {
                if prefix.contains(&t) {
                    continue;
                }
                let term = &self.terms[t];
                if term.len() + 1 >= word.len()
                    && within_one_edit_of_prefix(word.as_bytes(), term.as_bytes())
                {
                    out.push((t, TYPO));
                    typo_terms.insert(term.clone());
                }
            }
        }
        out
    }

    /// Runs `query`. Returns `None` when it has no searchable word (then every
    /// course matches); otherwise the hits, best first, and what to highlight.
    pub fn search(&self, query: &str) -> Option<(Vec<Hit>, Matcher)> {
        let words = query_words(query);
        if words.is_empty() {
            return None;
        }
        let mut typo_terms = HashSet::new();
        let mut expansions: Vec<Vec<(usize, f32)>> = words
            .iter()
            .map(|w| self.expand(w, &mut typo_terms))
            .collect();
        // Rarest word first: later words only confirm documents already found.
        let postings_of = |e: &Vec<(usize, f32)>| -> usize {
            e.iter().map(|&(t, _)| self.postings(t).len()).sum()
        };
        expansions.sort_by_key(postings_of);

        let n = self.doc_count;
        let mut total = vec![0f32; n];
        let mut matched = vec![0u8; n];
        let mut best = vec![0f32; n];
        let mut candidates: Vec<u32> = Vec::new();
        for (round, expansion) in expansions.iter().enumerate() {
            let round = round as u8;
            let mut touched: Vec<u32> = Vec::new();
            for &(term, quality) in expansion {
                for p in self.postings(term) {
                    let doc = self.docs[p] as usize;
                    if matched[doc] != round {
                        continue;
                    }
                    let score = field_weight(self.fields[p]) * quality;
                    if best[doc] == 0.0 {
                        touched.push(doc as u32);
                    }
                    if score > best[doc] {
                        best[doc] = score;
                    }
                }
            }
            for &doc in &touched {
                let d = doc as usize;
                total[d] += best[d];
                matched[d] += 1;
                best[d] = 0.0;
            }
            candidates = touched;
            if candidates.is_empty() {
                break;
            }
        }
        let mut hits: Vec<Hit> = candidates
            .into_iter()
            .map(|doc| Hit {
                doc,
                score: total[doc as usize],
            })
            .collect();
        hits.sort_unstable_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        Some((hits, Matcher { words, typo_terms }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Doc {
        title: &'static str,
        summary: &'static str,
        description: &'static str,
        provider: &'static str,
    }

    fn index(docs: &[Doc]) -> SearchIndex {
        SearchIndex::build(docs.iter().map(|d| SearchableText {
            title: d.title,
            summary: d.summary,
            description: d.description,
            objectives: &[],
            provider: d.provider,
        }))
    }

    fn sample() -> SearchIndex {
        index(&[
            Doc {
                title: "Sensibilisation à la cybersécurité",
                summary: "Les bons réflexes",
                description: "Hameçonnage et mots de passe.",
                provider: "ANSSI",
            },
            Doc {
                title: "Piloter par la donnée",
                summary: "Tableaux de bord et sécurité des données",
                description: "SQL, indicateurs.",
                provider: "INSP",
            },
            Doc {
                title: "Méthode agile",
                summary: "Scrum et kanban",
                description: "Agilité à l'échelle d'une équipe produit.",
                provider: "DINUM",
            },
            Doc {
                title: "Sécurité du cloud",
                summary: "SecNumCloud",
                description: "Homologation.",
                provider: "ANSSI",
            },
        ])
    }

    fn docs(result: Option<(Vec<Hit>, Matcher)>) -> Vec<u32> {
        result
            .expect("a searchable query")
            .0
            .iter()
            .map(|h| h.doc)
            .collect()
    }

    #[test]
    fn accents_and_case_are_ignored() {
        let idx = sample();
        assert_eq!(docs(idx.search("securite")), vec![3, 1]);
        assert_eq!(docs(idx.search("SÉCURITÉ")), vec![3, 1]);
    }

    #[test]
    fn title_matches_rank_first() {
        // "sécurité" is in the title of 3 and the summary of 1.
        let idx = sample();
        let (hits, _) = idx.search("sécurité").unwrap();
        assert_eq!(hits[0].doc, 3);
        assert!(hits[0].score > hits[1].score);
    }

    #[test]
    fn prefixes_match_while_typing() {
        let idx = sample();
        assert_eq!(docs(idx.search("cybers")), vec![0]);
        assert_eq!(docs(idx.search("agil")), vec![2]);
        assert_eq!(docs(idx.search("ag")), vec![2]);
    }

    #[test]
    fn one_typo_is_tolerated_on_longer_words_only() {
        let idx = sample();
        assert_eq!(docs(idx.search("securiet")), vec![3, 1], "swap");
        assert_eq!(docs(idx.search("secrite")), vec![3, 1], "deletion");
        assert_eq!(docs(idx.search("homologtion")), vec![3]);
        assert_eq!(docs(idx.search("kanbn")), vec![2], "five letters");
        assert_eq!(
            docs(idx.search("scrm")),
            Vec::<u32>::new(),
            "four letters: exact or prefix only"
        );
        assert_eq!(docs(idx.search("sxcxrite")), Vec::<u32>::new(), "two typos");
    }

    #[test]
    fn every_query_word_must_match() {
        let idx = sample();
        assert_eq!(docs(idx.search("sécurité cloud")), vec![3]);
        assert_eq!(docs(idx.search("sécurité données")), vec![1]);
        assert_eq!(docs(idx.search("sécurité kanban")), Vec::<u32>::new());
    }

    #[test]
    fn provider_and_description_are_searched() {
        let idx = sample();
        assert_eq!(docs(idx.search("anssi")), vec![0, 3]);
        assert_eq!(docs(idx.search("hameçonnage")), vec![0]);
    }

    #[test]
    fn empty_or_stop_word_queries_do_not_filter() {
        let idx = sample();
        assert!(idx.search("").is_none());
        assert!(idx.search("  de la  ").is_none());
        assert!(idx.search("?!").is_none());
    }

    #[test]
    fn single_letters_match_whole_words_only() {
        let idx = index(&[
            Doc {
                title: "C pour les nuls",
                summary: "",
                description: "",
                provider: "",
            },
            Doc {
                title: "Cloud",
                summary: "",
                description: "",
                provider: "",
            },
        ]);
        assert!(idx.search("c").is_none(), "c is a stop word");
        let idx = index(&[
            Doc {
                title: "R et statistiques",
                summary: "",
                description: "",
                provider: "",
            },
            Doc {
                title: "Rust",
                summary: "",
                description: "",
                provider: "",
            },
        ]);
        assert_eq!(docs(idx.search("r")), vec![0]);
    }

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
    fn edit_distance_on_prefixes() {
        let ok = |q: &str, t: &str| within_one_edit_of_prefix(q.as_bytes(), t.as_bytes());
        assert!(ok("securite", "securite"));
        assert!(ok("secur", "securite"));
        assert!(ok("secru", "securite"));
        assert!(ok("sexur", "securite"));
        assert!(ok("securitee", "securite"));
        assert!(!ok("sxcxr", "securite"));
        assert!(!ok("abc", "xyz"));
    }

    #[test]
    fn index_counts() {
        let idx = sample();
        assert_eq!(idx.doc_count(), 4);
        assert!(idx.term_count() > 10);
        assert!(idx.posting_count() >= idx.term_count());
    }
}
