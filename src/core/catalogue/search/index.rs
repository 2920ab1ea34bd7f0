//! The inverted index itself: the searchable text of a course, the index's
//! vocabulary and postings, and a search result.

use std::ops::Range;

/// The searchable text of one course.
#[derive(Debug, Clone, Copy, Default)]
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
    /// Labels of its domains ("Cybersécurité").
    pub domains: &'a [&'a str],
    /// Label of its kind ("parcours", "module", "sur mesure").
    pub kind: &'a str,
    /// Cities and regions of its sessions (repeats are harmless).
    pub places: &'a [&'a str],
}

/// The inverted index. Documents are numbered in the order they were given.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchIndex {
    /// Sorted, distinct folded words.
    pub(super) terms: Vec<Box<str>>,
    /// `postings[offsets[t]..offsets[t + 1]]` belong to `terms[t]`.
    pub(super) offsets: Vec<u32>,
    /// Document numbers, ascending within a term.
    pub(super) docs: Vec<u32>,
    /// Field flags, parallel to `docs`.
    pub(super) fields: Vec<u8>,
    pub(super) doc_count: usize,
    /// How to show a term whose first accented spelling in the data differs
    /// from its folded form ("securite" → "sécurité"), sorted by term number.
    pub(super) display: Vec<(u32, Box<str>)>,
    /// Synonym groups: terms, each a list of folded words.
    pub(super) synonyms: Vec<Vec<Vec<Box<str>>>>,
}

/// One search result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// Document number.
    pub doc: u32,
    /// Relevance; higher is better.
    pub score: f32,
}

impl SearchIndex {
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

    pub(super) fn postings(&self, term: usize) -> Range<usize> {
        self.offsets[term] as usize..self.offsets[term + 1] as usize
    }

    /// Terms starting with `prefix`, as a range of term numbers.
    pub(super) fn prefix_range(&self, prefix: &str) -> Range<usize> {
        let start = self.terms.partition_point(|t| &**t < prefix);
        let len = self.terms[start..].partition_point(|t| t.starts_with(prefix));
        start..start + len
    }

    pub(super) fn term_number(&self, term: &str) -> Option<usize> {
        self.terms.binary_search_by(|t| (**t).cmp(term)).ok()
    }

    /// How term `t` is shown: its first accented spelling, or its folded form.
    pub(super) fn display_form(&self, t: usize) -> &str {
        match self.display.binary_search_by_key(&(t as u32), |d| d.0) {
            Ok(i) => &self.display[i].1,
            Err(_) => &self.terms[t],
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::catalogue::search::tests::sample;

    #[test]
    fn index_counts() {
        let idx = sample();
        assert_eq!(idx.doc_count(), 4);
        assert!(idx.term_count() > 10);
        assert!(idx.posting_count() >= idx.term_count());
    }
}
