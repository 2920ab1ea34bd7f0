//! Building the index, a few documents at a time ([`IndexBuilder`]) then a
//! few postings at a time ([`IndexFinisher`]), and its synonym table.

use std::collections::HashMap;

use super::hash::FxBuild;
use super::index::{SearchIndex, SearchableText};
use super::query::parse_query;
use super::score::field;
use crate::catalogue::sliced::Sliced;
use crate::catalogue::text::{for_each_word_verbatim, is_invisible, is_stop_word};

/// Builds the index a few documents at a time (so that a large catalogue never
/// blocks the page for long): [`IndexBuilder::add`] each document in order, then
/// [`IndexBuilder::finish`]. The result is exactly [`SearchIndex::build`]'s,
/// which is this very builder run in one go.
#[derive(Debug, Default, Clone)]
pub struct IndexBuilder {
    ids: HashMap<Box<str>, u32, FxBuild>,
    /// Every posting, in document order: (term, document, field flags).
    postings: Vec<(u32, u32, u8)>,
    /// Per term: its number of postings.
    counts: Vec<u32>,
    /// Per term: the document of its last posting, and where that posting is
    /// in `postings` (to merge fields).
    last: Vec<(u32, u32)>,
    /// Per term: its display spelling, once an accented one was seen.
    display: Vec<Option<Box<str>>>,
    /// Texts repeated across documents (domain labels, kinds, places, providers)
    /// are folded once: their term numbers, as ranges of `tag_terms`.
    tag_cache: HashMap<Box<str>, (u32, u32), FxBuild>,
    tag_terms: Vec<u32>,
    /// Documents added so far.
    doc_count: usize,
}

impl IndexBuilder {
    /// An empty builder.
    pub fn new() -> IndexBuilder {
        IndexBuilder::default()
    }

    /// Number of documents added so far.
    pub fn doc_count(&self) -> usize {
        self.doc_count
    }

    /// Makes room for the postings of `more` documents, estimated from the
    /// documents added so far (a large index then grows without copying its
    /// postings over and over: each copy is one long, unsplittable step).
    pub fn reserve_for(&mut self, more: usize) {
        if self.doc_count == 0 {
            return;
        }
        let per_doc = self.postings.len() * 11 / 10 / self.doc_count + 1;
        self.postings.reserve(per_doc.saturating_mul(more));
    }

    /// Indexes the next document (document `n` is the `n`-th added).
    pub fn add(&mut self, doc: SearchableText<'_>) {
        let n = self.doc_count as u32;
        self.doc_count += 1;
        self.add_text(doc.title, n, field::TITLE, |_| {});
        self.add_text(doc.summary, n, field::SUMMARY, |_| {});
        for objective in doc.objectives {
            self.add_text(objective, n, field::OBJECTIVES, |_| {});
        }
        self.add_tag(doc.provider, n, field::PROVIDER);
        self.add_text(doc.description, n, field::DESCRIPTION, |_| {});
        for &label in doc.domains {
            self.add_tag(label, n, field::DOMAIN);
        }
        self.add_tag(doc.kind, n, field::KIND);
        for &place in doc.places {
            self.add_tag(place, n, field::PLACE);
        }
    }

    /// The index of every document added: sorted vocabulary, postings grouped
    /// by term (one pass over the postings).
    pub fn finish(self) -> SearchIndex {
        self.into_finisher().run()
    }

    /// Sorts the vocabulary, and leaves the grouping of the postings by term to
    /// [`IndexFinisher`]'s steps, a few at a time.
    pub fn into_finisher(self) -> IndexFinisher {
        let b = self;
        let mut vocabulary: Vec<(Box<str>, u32)> = b.ids.into_iter().collect();
        crate::util::sort::sort_by(&mut vocabulary, |a, b| a.0.cmp(&b.0));
        let total = b.postings.len();
        let mut display = b.display;
        let mut index = SearchIndex {
            terms: Vec::with_capacity(vocabulary.len()),
            offsets: Vec::with_capacity(vocabulary.len() + 1),
            docs: vec![0; total],
            fields: vec![0; total],
            doc_count: b.doc_count,
            display: Vec::new(),
            synonyms: Vec::new(),
        };
        // A counting sort of the postings by term: `next[id]` is where the next
        // posting of term `id` goes.
        let mut next = vec![0u32; b.counts.len()];
        let mut offset = 0u32;
        index.offsets.push(0);
        for (term, id) in vocabulary {
            next[id as usize] = offset;
            offset += b.counts[id as usize];
            if let Some(shown) = display[id as usize].take() {
                index.display.push((index.terms.len() as u32, shown));
            }
            index.terms.push(term);
            index.offsets.push(offset);
        }
        IndexFinisher {
            postings: b.postings,
            done: 0,
            next,
            index,
        }
    }

    #[inline]
    pub(super) fn post(&mut self, term: u32, doc: u32, flag: u8) {
        let t = term as usize;
        let (last_doc, at) = self.last[t];
        if last_doc == doc {
            self.postings[at as usize].2 |= flag;
        } else {
            self.last[t] = (doc, self.postings.len() as u32);
            self.counts[t] += 1;
            self.postings.push((term, doc, flag));
        }
    }

    /// Folds and posts the words of `text`; calls `seen` with each term number.
    pub(super) fn add_text(&mut self, text: &str, doc: u32, flag: u8, mut seen: impl FnMut(u32)) {
        for_each_word_verbatim(text, |range, word, verbatim| {
            if is_stop_word(word) {
                return;
            }
            let id = match self.ids.get(word) {
                Some(&id) => id,
                None => {
                    let id = self.counts.len() as u32;
                    self.ids.insert(word.into(), id);
                    self.counts.push(0);
                    self.last.push((u32::MAX, 0));
                    self.display.push(None);
                    id
                }
            };
            if !verbatim && self.display[id as usize].is_none() {
                let original = &text[range];
                if !original.is_ascii() && !original.chars().any(is_invisible) {
                    self.display[id as usize] = Some(original.to_lowercase().into());
                }
            }
            self.post(id, doc, flag);
            seen(id);
        });
    }

    /// Posts the words of a text that repeats across documents.
    pub(super) fn add_tag(&mut self, text: &str, doc: u32, flag: u8) {
        if let Some(&(start, end)) = self.tag_cache.get(text) {
            for i in start..end {
                let term = self.tag_terms[i as usize];
                self.post(term, doc, flag);
            }
            return;
        }
        let start = self.tag_terms.len() as u32;
        let mut terms = std::mem::take(&mut self.tag_terms);
        self.add_text(text, doc, flag, |id| terms.push(id));
        self.tag_terms = terms;
        self.tag_cache
            .insert(text.into(), (start, self.tag_terms.len() as u32));
    }
}

/// The last part of an index build: the postings grouped by term, a few at a
/// time ([`IndexBuilder::into_finisher`]); a unit of work is one posting.
#[derive(Debug)]
pub struct IndexFinisher {
    /// Every posting, in document order: (term, document, field flags).
    postings: Vec<(u32, u32, u8)>,
    /// Postings placed so far.
    done: usize,
    /// Per term: where its next posting goes.
    next: Vec<u32>,
    index: SearchIndex,
}

impl Sliced for IndexFinisher {
    type Output = SearchIndex;

    /// Places up to `count` more postings; returns whether all are placed.
    fn step(&mut self, count: usize) -> bool {
        let end = self.done.saturating_add(count).min(self.postings.len());
        let index = &mut self.index;
        // Postings were made in document order, so each term's stay sorted.
        for &(term, doc, mask) in &self.postings[self.done..end] {
            let Some(at) = self.next.get_mut(term as usize) else {
                continue;
            };
            if let (Some(d), Some(f)) = (
                index.docs.get_mut(*at as usize),
                index.fields.get_mut(*at as usize),
            ) {
                *d = doc;
                *f = mask;
            }
            *at += 1;
        }
        self.done = end;
        self.done == self.postings.len()
    }

    /// The index, placing the postings not placed yet.
    fn finish(mut self) -> SearchIndex {
        while !self.step(usize::MAX) {}
        self.index
    }
}

impl SearchIndex {
    /// Indexes documents; document `n` is the `n`-th item of `docs`.
    pub fn build<'a>(docs: impl IntoIterator<Item = SearchableText<'a>>) -> SearchIndex {
        let mut builder = IndexBuilder::new();
        for doc in docs {
            builder.add(doc);
        }
        builder.finish()
    }

    /// Adds synonym groups (see [`crate::catalogue::model::Catalogue::synonyms`]): each a
    /// list of equivalent terms of one or more words. Terms made only of stop
    /// words, and groups left with fewer than two terms, are ignored.
    pub fn with_synonyms(mut self, groups: &[Vec<String>]) -> SearchIndex {
        for group in groups {
            let mut terms: Vec<Vec<Box<str>>> = Vec::new();
            for term in group {
                let words: Vec<Box<str>> = parse_query(term)
                    .into_iter()
                    .map(|w| w.text.into_boxed_str())
                    .collect();
                if !words.is_empty() && !terms.contains(&words) {
                    terms.push(words);
                }
            }
            if terms.len() >= 2 {
                self.synonyms.push(terms);
            }
        }
        self
    }
}
