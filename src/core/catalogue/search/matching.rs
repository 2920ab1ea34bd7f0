//! Running a query: the vocabulary words each query word matches, the
//! query's units (words and synonym phrases), their scores, and their
//! conjunction.

use std::collections::{HashMap, HashSet};

use super::edit::{edit_distance_within, within_one_edit_of_prefix};
use super::hash::FxBuild;
use super::index::{Hit, SearchIndex};
use super::query::{is_exact, parse_query, Matcher, QueryWord};
use super::score::{
    rank, MatchKind, EXACT, MIN_PREFIX_TYPO_LEN, PREFIX, SCORES, STEM, SYNONYM, TYPO,
};

/// The vocabulary words one query word matches: (term number, match kind).
pub(super) type Expansion = Vec<(usize, MatchKind)>;

/// A part of a query that must match: one word, or a phrase of the synonym
/// table (then its other terms are alternatives).
#[derive(Debug)]
pub(super) struct Unit {
    /// Its words as typed; all must match.
    pub(super) literal: Vec<Expansion>,
    /// Other terms of its synonym groups: all words of one must match.
    pub(super) alternatives: Vec<Vec<Expansion>>,
    /// Number of query words it covers.
    pub(super) words: usize,
    /// Whether one of its query words has three letters or more.
    pub(super) significant: bool,
}

impl Unit {
    /// How many postings it reads: rarest units are evaluated first.
    pub(super) fn cost(&self, index: &SearchIndex) -> usize {
        let size =
            |e: &Expansion| -> usize { e.iter().map(|&(t, _)| index.postings(t).len()).sum() };
        self.literal.iter().map(size).min().unwrap_or(0)
            + self
                .alternatives
                .iter()
                .map(|a| a.iter().map(size).min().unwrap_or(0))
                .sum::<usize>()
    }
}

impl SearchIndex {
    /// The vocabulary words a query word matches, with the match kind; the
    /// terms matched through a typo are added to `typo_terms`.
    pub(super) fn expand(&self, word: &QueryWord, typo_terms: &mut HashSet<Box<str>>) -> Expansion {
        let w = word.text.as_str();
        let mut out = Vec::new();
        if !word.prefix {
            // Whole words only: the word, or its plural.
            if let Some(t) = self.term_number(w) {
                out.push((t, EXACT));
            }
            if w.len() > 1 {
                for plural in ["s", "x"] {
                    if let Some(t) = self.term_number(&format!("{w}{plural}")) {
                        out.push((t, EXACT));
                    }
                }
            }
            return out;
        }
        let prefix = self.prefix_range(w);
        for t in prefix.clone() {
            let kind = if is_exact(w, &self.terms[t]) {
                EXACT
            } else {
                PREFIX
            };
            out.push((t, kind));
        }
        if word.typo {
            // Typos are looked for among words with the same first letter.
            let first = &w[..w.chars().next().map_or(1, char::len_utf8)];
            let same_initial = self.prefix_range(first);
            for t in same_initial {
                if prefix.contains(&t) {
                    continue;
                }
                let term = &self.terms[t];
                let near = if w.len() >= MIN_PREFIX_TYPO_LEN {
                    term.len() + 1 >= w.len()
                        && within_one_edit_of_prefix(w.as_bytes(), term.as_bytes())
                } else {
                    // A short word: the whole term (or its plural) within one edit.
                    let singular = term.strip_suffix(['s', 'x']).unwrap_or(term);
                    [&**term, singular]
                        .iter()
                        .any(|t| edit_distance_within(w.as_bytes(), t.as_bytes(), 1).is_some())
                };
                if near {
                    out.push((t, TYPO));
                    typo_terms.insert(term.clone());
                }
            }
        }
        out
    }

    /// Words of the same stem as `word` (a common beginning of at least six
    /// letters and two thirds of the word: "accessibilité", "accessibles"), not
    /// already in `found`.
    pub(super) fn expand_stem(&self, word: &str, found: &Expansion) -> Expansion {
        let letters = word.len();
        if letters < 7 || !word.is_ascii() {
            return Vec::new();
        }
        let stem = &word[..(letters * 2 / 3).max(6)];
        self.prefix_range(stem)
            .filter(|t| !found.iter().any(|f| f.0 == *t))
            .map(|t| (t, STEM))
            .collect()
    }

    /// Groups the query words into units: the longest phrase of the synonym
    /// table starting at each word, or the word alone. Repeated words count once.
    pub(super) fn units(
        &self,
        words: &[QueryWord],
        stems: bool,
        matched_terms: &mut HashSet<Box<str>>,
    ) -> Vec<Unit> {
        let mut units: Vec<Unit> = Vec::new();
        let mut seen: Vec<&[QueryWord]> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let rest = &words[i..];
            let phrase_len = self
                .synonyms
                .iter()
                .flatten()
                .filter(|term| {
                    term.len() <= rest.len() && term.iter().zip(rest).all(|(t, w)| **t == *w.text)
                })
                .map(Vec::len)
                .max()
                .unwrap_or(1);
            let phrase = &rest[..phrase_len];
            i += phrase_len;
            if seen.iter().any(|s| {
                s.len() == phrase.len() && s.iter().zip(phrase).all(|(a, b)| a.text == b.text)
            }) {
                continue;
            }
            seen.push(phrase);
            let literal = phrase
                .iter()
                .map(|w| {
                    let mut e = self.expand(w, matched_terms);
                    if stems {
                        let more = self.expand_stem(&w.text, &e);
                        e.extend(more);
                    }
                    e
                })
                .collect();
            let mut alternatives: Vec<Vec<Expansion>> = Vec::new();
            let mut alt_terms: Vec<&Vec<Box<str>>> = Vec::new();
            for group in &self.synonyms {
                let is_member = |term: &Vec<Box<str>>| {
                    term.len() == phrase.len()
                        && term.iter().zip(phrase).all(|(t, w)| **t == *w.text)
                };
                if !group.iter().any(is_member) {
                    continue;
                }
                for term in group.iter().filter(|t| !is_member(t)) {
                    if alt_terms.contains(&term) {
                        continue;
                    }
                    alt_terms.push(term);
                    let expansions: Vec<Expansion> = term
                        .iter()
                        .map(|t| {
                            let e = self.expand(
                                &QueryWord {
                                    text: t.to_string(),
                                    range: 0..0,
                                    prefix: false,
                                    typo: false,
                                },
                                matched_terms,
                            );
                            for &(n, _) in &e {
                                matched_terms.insert(self.terms[n].clone());
                            }
                            e
                        })
                        .collect();
                    alternatives.push(expansions);
                }
            }
            units.push(Unit {
                literal,
                alternatives,
                words: phrase.len(),
                significant: phrase.iter().any(|w| w.text.chars().count() >= 3),
            });
        }
        units
    }

    /// Adds to `out` the documents passing `gate` that match `unit`, with their
    /// score. `best` is all zeros, of one slot per document, and left so.
    pub(super) fn score_unit(
        &self,
        unit: &Unit,
        gate: impl Fn(usize) -> bool,
        best: &mut [f32],
        out: &mut Vec<(u32, f32)>,
    ) {
        let start = out.len();
        let mut offer = |doc: usize, score: f32, out: &mut Vec<(u32, f32)>| {
            if best[doc] == 0.0 {
                out.push((doc as u32, 0.0));
            }
            if score > best[doc] {
                best[doc] = score;
            }
        };
        if let [expansion] = unit.literal.as_slice() {
            // The common case: one word.
            for &(term, kind) in expansion {
                let scores = &SCORES[kind as usize];
                for p in self.postings(term) {
                    let doc = self.docs[p] as usize;
                    if gate(doc) {
                        offer(doc, scores[self.fields[p] as usize], out);
                    }
                }
            }
        } else {
            for (doc, score) in self.conjunction(&unit.literal, &gate) {
                offer(doc as usize, score, out);
            }
        }
        for alternative in &unit.alternatives {
            let scale = SYNONYM * unit.words as f32 / alternative.len() as f32;
            for (doc, score) in self.conjunction(alternative, &gate) {
                offer(doc as usize, score * scale, out);
            }
        }
        for entry in &mut out[start..] {
            let d = entry.0 as usize;
            entry.1 = best[d];
            best[d] = 0.0;
        }
    }

    /// The documents passing `gate` that match every expansion, with the sum
    /// of their best score for each.
    pub(super) fn conjunction(
        &self,
        parts: &[Expansion],
        gate: &impl Fn(usize) -> bool,
    ) -> Vec<(u32, f32)> {
        let mut acc: HashMap<u32, f32, FxBuild> = HashMap::default();
        for (i, expansion) in parts.iter().enumerate() {
            let mut next: HashMap<u32, f32, FxBuild> = HashMap::default();
            for &(term, kind) in expansion {
                let scores = &SCORES[kind as usize];
                for p in self.postings(term) {
                    let doc = self.docs[p];
                    let before = if i == 0 {
                        if !gate(doc as usize) {
                            continue;
                        }
                        0.0
                    } else {
                        match acc.get(&doc) {
                            Some(&s) => s,
                            None => continue,
                        }
                    };
                    let score = before + scores[self.fields[p] as usize];
                    let slot = next.entry(doc).or_insert(0.0);
                    if score > *slot {
                        *slot = score;
                    }
                }
            }
            acc = next;
            if acc.is_empty() {
                break;
            }
        }
        // In document order (documents are distinct): one integer sort.
        let mut keys: Vec<u64> = acc
            .into_iter()
            .map(|(doc, score)| (u64::from(doc) << 32) | u64::from(score.to_bits()))
            .collect();
        crate::util::sort::sort_keys(&mut keys);
        keys.into_iter()
            .map(|key| ((key >> 32) as u32, f32::from_bits(key as u32)))
            .collect()
    }

    /// Runs `query`. Returns `None` when it has no searchable word (then every
    /// course matches); otherwise the hits, best first, and what to highlight.
    pub fn search(&self, query: &str) -> Option<(Vec<Hit>, Matcher)> {
        let words = parse_query(query);
        if words.is_empty() {
            return None;
        }
        let mut terms = HashSet::new();
        let mut units = self.units(&words, false, &mut terms);
        // Rarest first: later units only confirm documents already found.
        crate::util::sort::sort_by_cached_key(&mut units, |u| u.cost(self));

        let n = self.doc_count;
        let mut best = vec![0f32; n];
        let mut candidates: Vec<(u32, f32)> = Vec::new();
        if let [unit] = units.as_slice() {
            // One word (or phrase): its scores are the totals.
            self.score_unit(unit, |_| true, &mut best, &mut candidates);
        } else {
            let mut total = vec![0f32; n];
            let mut matched = vec![0u8; n];
            for (round, unit) in units.iter().enumerate() {
                let round = round as u8;
                candidates.clear();
                self.score_unit(
                    unit,
                    |doc| matched[doc] == round,
                    &mut best,
                    &mut candidates,
                );
                for &(doc, score) in &candidates {
                    let d = doc as usize;
                    total[d] += score;
                    matched[d] += 1;
                }
                if candidates.is_empty() {
                    break;
                }
            }
            for entry in &mut candidates {
                entry.1 = total[entry.0 as usize];
            }
        }
        let hits = rank(candidates);
        let mut seen_words: Vec<(String, bool)> = Vec::new();
        for w in words {
            match seen_words.iter_mut().find(|(t, _)| *t == w.text) {
                Some(entry) => entry.1 |= w.prefix,
                None => seen_words.push((w.text, w.prefix)),
            }
        }
        Some((
            hits,
            Matcher {
                words: seen_words,
                terms,
            },
        ))
    }
}
