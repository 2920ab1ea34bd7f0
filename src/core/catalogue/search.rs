//! Full-text search over the catalogue, built in the browser when it loads.
//!
//! An inverted index over folded words (see [`super::text`]): a sorted vocabulary,
//! and for each word the courses and fields it appears in. Indexed fields: the
//! course's title, summary, objectives, provider, description, and — with lower
//! weights — the labels of its domains, its kind label and the cities and
//! regions of its sessions.
//!
//! How a query word matches a vocabulary word:
//! - **exactly** (also when the vocabulary word is its plural in `s` or `x`);
//! - as a **prefix** (search as you type), for words of three letters or more,
//!   and for two-letter words only while they are being typed: the last word of
//!   the query, not followed by a space ("ia" finds "IaaS", "ia cloud" does not);
//! - within **one typo** (insertion, deletion, substitution or swap), for words
//!   of five letters or more: of a whole word (or its plural) for words of five
//!   or six letters, of a prefix for longer ones (still being typed).
//!
//! A single letter, and a word of up to three letters typed in capitals (an
//! acronym: "IA", "RH", "UX"), match whole words only. Every query word must
//! match (AND); a word or phrase of the catalogue's synonym table also matches
//! the documents holding every word of another term of its group.
//!
//! Scores: an exact match always outranks a prefix match, which outranks a typo;
//! within each, the best field decides (title, then summary, then domain,
//! objectives and provider, then kind and places, then description). The words'
//! scores add up.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use super::text::{for_each_word, for_each_word_verbatim, is_invisible, is_stop_word};

/// The Fx hash (rustc's): far faster than SipHash on short words, and the index
/// is built from trusted-enough data where hash flooding is not a concern.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        // As rustc's: whole words, then the tail in pieces (no copy, no memcpy call).
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
        let mut rest = chunks.remainder();
        if rest.len() >= 4 {
            self.write_u64(u64::from(u32::from_le_bytes([
                rest[0], rest[1], rest[2], rest[3],
            ])));
            rest = &rest[4..];
        }
        if rest.len() >= 2 {
            self.write_u64(u64::from(u16::from_le_bytes([rest[0], rest[1]])));
            rest = &rest[2..];
        }
        if let Some(&byte) = rest.first() {
            self.write_u64(u64::from(byte));
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

/// Maps and sets with [`FxHasher`].
pub type FxBuild = BuildHasherDefault<FxHasher>;

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
    /// The label of one of its domains.
    pub const DOMAIN: u8 = 32;
    /// Its kind label ("parcours", "module", "sur mesure").
    pub const KIND: u8 = 64;
    /// The city or region of one of its sessions.
    pub const PLACE: u8 = 128;
}

/// Weight of the best field in `mask`.
const fn field_weight(mask: u8) -> f32 {
    if mask & field::TITLE != 0 {
        10.0
    } else if mask & field::SUMMARY != 0 {
        4.0
    } else if mask & (field::DOMAIN | field::OBJECTIVES | field::PROVIDER) != 0 {
        3.0
    } else if mask & (field::KIND | field::PLACE) != 0 {
        2.0
    } else {
        1.0
    }
}

/// How a query word matched a vocabulary word (an index into [`SCORES`]).
type MatchKind = u8;
const EXACT: MatchKind = 0;
const PREFIX: MatchKind = 1;
const TYPO: MatchKind = 2;
/// Same stem (long common beginning), for [`SearchIndex::similar`] only.
const STEM: MatchKind = 3;

/// Added to every exact match: more than the best prefix match (a title, 8.5),
/// so that a word typed in full ranks the documents holding it first.
const EXACT_BONUS: f32 = 10.0;
/// Score of a document matched through a synonym, relative to the same words
/// typed literally (a literal match wins a tie).
const SYNONYM: f32 = 0.95;

/// Score of a match, by match kind and field flags.
static SCORES: [[f32; 256]; 4] = {
    let mut table = [[0f32; 256]; 4];
    let mut mask = 0;
    while mask < 256 {
        let w = field_weight(mask as u8);
        table[EXACT as usize][mask] = EXACT_BONUS + w;
        table[PREFIX as usize][mask] = 0.85 * w;
        table[TYPO as usize][mask] = 0.6 * w;
        table[STEM as usize][mask] = 0.5 * w;
        mask += 1;
    }
    table
};

/// Query words shorter than this get no typo tolerance ("one typo on longer words").
pub const MIN_TYPO_LEN: usize = 5;
/// Query words shorter than this take a typo on a whole vocabulary word only,
/// never on the beginning of a longer one: one edit from the first five or six
/// letters of a word is too loose ("excel" would find "exclure" and
/// "exceptions"), while a longer word being typed keeps its typos
/// ("kubrenet" finds "kubernetes").
const MIN_PREFIX_TYPO_LEN: usize = 7;
/// Query words of at most this many letters, typed in capitals, are acronyms:
/// whole words only.
pub const MAX_ACRONYM_LEN: usize = 3;

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
    terms: Vec<Box<str>>,
    /// `postings[offsets[t]..offsets[t + 1]]` belong to `terms[t]`.
    offsets: Vec<u32>,
    /// Document numbers, ascending within a term.
    docs: Vec<u32>,
    /// Field flags, parallel to `docs`.
    fields: Vec<u8>,
    doc_count: usize,
    /// How to show a term whose first accented spelling in the data differs
    /// from its folded form ("securite" → "sécurité"), sorted by term number.
    display: Vec<(u32, Box<str>)>,
    /// Synonym groups: terms, each a list of folded words.
    synonyms: Vec<Vec<Vec<Box<str>>>>,
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
    /// Folded query words, and whether each also matches words it starts.
    words: Vec<(String, bool)>,
    /// Vocabulary words matched otherwise: through a typo or a synonym.
    terms: HashSet<Box<str>>,
}

/// Whether `term` is `word` or its plural in `s` or `x` (for words of two
/// letters or more).
fn is_exact(word: &str, term: &str) -> bool {
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
const MIN_INFLECTED_LEN: usize = 6;
/// Endings of French inflections (folded): plurals, feminines, verbs.
const INFLECTIONS: &[&str] = &["e", "es", "r", "er", "ers", "ee", "ees", "ler", "lers"];

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
        let folded = super::text::fold(place);
        let mut words = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty());
        words.clone().next().is_some() && words.all(|w| self.matches(w))
    }
}

/// One searchable word of a query, and how it may match.
#[derive(Debug, Clone, PartialEq, Eq)]
struct QueryWord {
    /// Folded.
    text: String,
    /// Where it is in the query.
    range: Range<usize>,
    /// Also matches the vocabulary words it starts.
    prefix: bool,
    /// Also matches within one typo.
    typo: bool,
}

/// The non-stop words of a query, in order, with their matching rules (see the
/// module documentation).
fn parse_query(query: &str) -> Vec<QueryWord> {
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

/// Whether `query` is within one edit (Damerau: with swaps) of some prefix of
/// `term`. Both are folded words; compared byte by byte.
pub fn within_one_edit_of_prefix(query: &[u8], term: &[u8]) -> bool {
    // Columns on the stack for ordinary words: this runs for many terms per keystroke.
    const STACK: usize = 48;
    if query.len() < STACK {
        let mut columns = [[0u8; STACK]; 3];
        let [a, b, c] = &mut columns;
        let m = query.len() + 1;
        one_edit_of_prefix(query, term, &mut a[..m], &mut b[..m], &mut c[..m])
    } else {
        let m = query.len() + 1;
        let (mut a, mut b, mut c) = (vec![0; m], vec![0; m], vec![0; m]);
        one_edit_of_prefix(query, term, &mut a, &mut b, &mut c)
    }
}

/// [`within_one_edit_of_prefix`] with its three columns (of `query.len() + 1`).
fn one_edit_of_prefix<'c>(
    query: &[u8],
    term: &[u8],
    mut prev2: &'c mut [u8],
    mut prev: &'c mut [u8],
    mut cur: &'c mut [u8],
) -> bool {
    let m = query.len();
    // prev2, prev, cur: columns of the edit-distance table for term[..j-2], [..j-1], [..j].
    prev2.fill(u8::MAX);
    for (i, slot) in prev.iter_mut().enumerate() {
        *slot = i.min(255) as u8;
    }
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
        let oldest = prev2;
        prev2 = prev;
        prev = cur;
        cur = oldest;
    }
    false
}

/// The edit distance (Damerau, with swaps of adjacent letters) between `a` and
/// `b`, if it is at most `max`. Byte by byte.
pub fn edit_distance_within(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    // Rows on the stack for ordinary words: this runs over the whole vocabulary.
    const STACK: usize = 48;
    let n = b.len() + 1;
    if n <= STACK {
        let mut rows = [[0usize; STACK]; 3];
        let [x, y, z] = &mut rows;
        bounded_distance(a, b, max, &mut x[..n], &mut y[..n], &mut z[..n])
    } else {
        let (mut x, mut y, mut z) = (vec![0; n], vec![0; n], vec![0; n]);
        bounded_distance(a, b, max, &mut x, &mut y, &mut z)
    }
}

/// [`edit_distance_within`] with its three rows (of `b.len() + 1`).
fn bounded_distance<'r>(
    a: &[u8],
    b: &[u8],
    max: usize,
    mut prev2: &'r mut [usize],
    mut prev: &'r mut [usize],
    mut cur: &'r mut [usize],
) -> Option<usize> {
    let n = b.len();
    prev2.fill(usize::MAX / 2);
    for (j, slot) in prev.iter_mut().enumerate() {
        *slot = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = i;
        for j in 1..=n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j - 1] + cost).min(prev[j] + 1).min(cur[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(prev2[j - 2] + 1);
            }
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        let oldest = prev2;
        prev2 = prev;
        prev = cur;
        cur = oldest;
    }
    (prev[n] <= max).then_some(prev[n])
}

/// Sorts (document, score) pairs best first, ties in document order.
fn rank(scored: Vec<(u32, f32)>) -> Vec<Hit> {
    // Scores are positive, so their bits order like them: one integer sort.
    let mut keys: Vec<u64> = scored
        .iter()
        .map(|&(doc, score)| (u64::from(!score.to_bits()) << 32) | u64::from(doc))
        .collect();
    super::sort::sort_keys(&mut keys);
    keys.into_iter()
        .map(|key| Hit {
            doc: key as u32,
            score: f32::from_bits(!((key >> 32) as u32)),
        })
        .collect()
}

/// The vocabulary words one query word matches: (term number, match kind).
type Expansion = Vec<(usize, MatchKind)>;

/// A part of a query that must match: one word, or a phrase of the synonym
/// table (then its other terms are alternatives).
#[derive(Debug)]
struct Unit {
    /// Its words as typed; all must match.
    literal: Vec<Expansion>,
    /// Other terms of its synonym groups: all words of one must match.
    alternatives: Vec<Vec<Expansion>>,
    /// Number of query words it covers.
    words: usize,
    /// Whether one of its query words has three letters or more.
    significant: bool,
}

impl Unit {
    /// How many postings it reads: rarest units are evaluated first.
    fn cost(&self, index: &SearchIndex) -> usize {
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

/// Builds the index a few documents at a time (so that a large catalogue never
/// blocks the page for long): [`IndexBuilder::add`] each document in order, then
/// [`IndexBuilder::finish`]. The result is exactly [`SearchIndex::build`]'s,
/// which is this very builder run in one go.
#[derive(Debug, Default)]
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
        let mut finisher = self.into_finisher();
        while !finisher.step(usize::MAX) {}
        finisher.finish()
    }

    /// Sorts the vocabulary, and leaves the grouping of the postings by term to
    /// [`IndexFinisher::step`], a few at a time.
    pub fn into_finisher(self) -> IndexFinisher {
        let b = self;
        let mut vocabulary: Vec<(Box<str>, u32)> = b.ids.into_iter().collect();
        super::sort::sort_by(&mut vocabulary, |a, b| a.0.cmp(&b.0));
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
    fn post(&mut self, term: u32, doc: u32, flag: u8) {
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
    fn add_text(&mut self, text: &str, doc: u32, flag: u8, mut seen: impl FnMut(u32)) {
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
    fn add_tag(&mut self, text: &str, doc: u32, flag: u8) {
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
/// time ([`IndexBuilder::into_finisher`]).
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

impl IndexFinisher {
    /// Places up to `count` more postings; returns whether all are placed.
    pub fn step(&mut self, count: usize) -> bool {
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

    /// The index (postings not placed yet are missing).
    pub fn finish(self) -> SearchIndex {
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

    /// Adds synonym groups (see [`super::model::Catalogue::synonyms`]): each a
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

    fn term_number(&self, term: &str) -> Option<usize> {
        self.terms.binary_search_by(|t| (**t).cmp(term)).ok()
    }

    /// How term `t` is shown: its first accented spelling, or its folded form.
    fn display_form(&self, t: usize) -> &str {
        match self.display.binary_search_by_key(&(t as u32), |d| d.0) {
            Ok(i) => &self.display[i].1,
            Err(_) => &self.terms[t],
        }
    }

    /// The vocabulary words a query word matches, with the match kind; the
    /// terms matched through a typo are added to `typo_terms`.
    fn expand(&self, word: &QueryWord, typo_terms: &mut HashSet<Box<str>>) -> Expansion {
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
    fn expand_stem(&self, word: &str, found: &Expansion) -> Expansion {
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
    fn units(
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
    fn score_unit(
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
    fn conjunction(&self, parts: &[Expansion], gate: &impl Fn(usize) -> bool) -> Vec<(u32, f32)> {
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
        super::sort::sort_keys(&mut keys);
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
        super::sort::sort_by_cached_key(&mut units, |u| u.cost(self));

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
        super::sort::sort_by(&mut hits, |a, b| {
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
    fn closest_term(&self, word: &str) -> Option<usize> {
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
            ..SearchableText::default()
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

    fn titles(titles: &[&'static str]) -> SearchIndex {
        index(
            &titles
                .iter()
                .map(|&title| Doc {
                    title,
                    summary: "",
                    description: "",
                    provider: "",
                })
                .collect::<Vec<_>>(),
        )
    }

    #[test]
    fn exact_words_rank_above_prefixes_of_other_words() {
        // "data" is a prefix of the title word "database" but a whole word of
        // the description of 1: the whole word wins, whatever the field.
        let idx = index(&[
            Doc {
                title: "Database",
                summary: "",
                description: "",
                provider: "",
            },
            Doc {
                title: "Tableaux de bord",
                summary: "",
                description: "Avec de la data.",
                provider: "",
            },
        ]);
        assert_eq!(docs(idx.search("data")), vec![1, 0]);
        // Among exact matches the field decides: title first.
        let idx = titles(&["Open data", "Database"]);
        assert_eq!(docs(idx.search("data")), vec![0, 1]);
        // A plural counts as the word itself.
        let idx = index(&[
            Doc {
                title: "Agentivité",
                summary: "",
                description: "",
                provider: "",
            },
            Doc {
                title: "Former les agents",
                summary: "",
                description: "",
                provider: "",
            },
        ]);
        assert_eq!(docs(idx.search("agent")), vec![1, 0]);
    }

    #[test]
    fn acronyms_in_capitals_match_whole_words_only() {
        let idx = titles(&[
            "L'IA au quotidien",
            "Migrer vers l'IaaS",
            "Piloter la fonction RH",
            "Rhétorique",
            "Design UX",
            "Uxorial",
        ]);
        assert_eq!(docs(idx.search("IA")), vec![0]);
        assert_eq!(docs(idx.search("RH")), vec![2]);
        assert_eq!(docs(idx.search("UX")), vec![4]);
        // The same letters in lower case, being typed: a prefix too, the whole
        // word first.
        assert_eq!(docs(idx.search("ia")), vec![0, 1]);
        assert_eq!(docs(idx.search("rh")), vec![2, 3]);
        // Mixed case is not an acronym.
        assert_eq!(docs(idx.search("Ia")), vec![0, 1]);
        // No typo either: "IAS" would be one edit from "iaas".
        let idx = titles(&["Migrer vers l'IaaS", "Les IAS"]);
        assert_eq!(docs(idx.search("IAS")), vec![1]);
        // Four capitals are an ordinary word: prefix and all.
        let idx = titles(&["RGPD", "RGPDiste"]);
        assert_eq!(docs(idx.search("RGPD")), vec![0, 1]);
    }

    #[test]
    fn two_letter_words_are_prefixes_only_while_being_typed() {
        let idx = titles(&[
            "L'IA et le cloud",
            "IaaS et cloud",
            "Le cloud",
            "Design UX",
            "Uxorial design",
        ]);
        // Last word, nothing typed after it: a prefix.
        assert_eq!(docs(idx.search("cloud ia")), vec![0, 1]);
        // Followed by another word, or by a space: a whole word.
        assert_eq!(docs(idx.search("ia cloud")), vec![0]);
        assert_eq!(docs(idx.search("ia ")), vec![0]);
        assert_eq!(docs(idx.search("ux design")), vec![3]);
        assert_eq!(docs(idx.search("design ux")), vec![3, 4]);
        // Three letters: always a prefix.
        assert_eq!(docs(idx.search("iaa cloud")), vec![1]);
    }

    #[test]
    fn decomposed_accents_and_invisible_characters_are_ignored() {
        let idx = titles(&[
            "Se\u{301}curite\u{301} des applications",
            "Cyber\u{200b}sécurité des collectivités",
            "Cyber\u{ad}se\u{301}curite\u{301} pour tous",
            "Ré\u{feff}seaux\u{2060}",
        ]);
        assert_eq!(docs(idx.search("securite")), vec![0]);
        assert_eq!(docs(idx.search("sécurité")), vec![0]);
        assert_eq!(docs(idx.search("cybersecurite")), vec![1, 2]);
        assert_eq!(docs(idx.search("cyber\u{200b}se\u{301}curite")), vec![1, 2]);
        assert_eq!(docs(idx.search("reseaux")), vec![3]);
        // Highlighting covers the whole word, marks included.
        let (_, matcher) = idx.search("securite").unwrap();
        let text = "Se\u{301}curite\u{301} des applications";
        assert_eq!(
            highlight(text, &matcher)[0],
            ("Se\u{301}curite\u{301}", true)
        );
    }

    #[test]
    fn secondary_fields_are_searched_below_the_title() {
        let idx = SearchIndex::build([
            SearchableText {
                title: "Gestion de crise",
                domains: &["Cybersécurité"],
                kind: "module",
                places: &["Lyon", "Auvergne-Rhône-Alpes"],
                ..SearchableText::default()
            },
            SearchableText {
                title: "Sensibilisation à la cybersécurité",
                domains: &["Données"],
                kind: "sur mesure",
                ..SearchableText::default()
            },
            SearchableText {
                title: "Lyon, capitale des données",
                kind: "parcours",
                places: &["Paris", "Île-de-France"],
                ..SearchableText::default()
            },
        ]);
        assert_eq!(docs(idx.search("cybersécurité")), vec![1, 0]);
        assert_eq!(docs(idx.search("lyon")), vec![2, 0]);
        assert_eq!(docs(idx.search("rhône")), vec![0]);
        assert_eq!(docs(idx.search("ile de france")), vec![2]);
        assert_eq!(docs(idx.search("données")), vec![2, 1]);
        assert_eq!(docs(idx.search("sur mesure")), vec![1]);
        assert_eq!(docs(idx.search("parcours")), vec![2]);
        assert_eq!(docs(idx.search("module crise")), vec![0]);
    }

    fn synonyms() -> Vec<Vec<String>> {
        [
            vec!["ia", "intelligence artificielle"],
            vec!["RGAA", "accessibilité numérique"],
            // Invalid: ignored.
            vec!["seul"],
            vec!["de la", "des"],
        ]
        .iter()
        .map(|g| g.iter().map(|t| t.to_string()).collect())
        .collect()
    }

    #[test]
    fn synonyms_find_the_other_terms_of_their_group() {
        let idx = titles(&[
            "Intelligence artificielle pour les agents",
            "L'IA générative",
            "Migrer vers l'IaaS",
            "L'intelligence collective",
            "Auditer avec le RGAA",
            "Accessibilité numérique des sites",
            "Accessibilité des locaux",
            "Un artificiel intelligent",
        ])
        .with_synonyms(&synonyms());
        assert_eq!(idx.synonyms.len(), 2, "invalid groups are ignored");
        // A word finds the documents holding every word of the other term.
        let ia = docs(idx.search("IA"));
        assert_eq!(ia.len(), 2);
        assert!(ia.contains(&0) && ia.contains(&1), "{ia:?}");
        // Literal matches win a tie.
        assert_eq!(ia[0], 1);
        // A phrase finds the single word, and the other way round.
        assert_eq!(docs(idx.search("intelligence artificielle")), vec![0, 1]);
        assert_eq!(docs(idx.search("rgaa")), vec![4, 5]);
        assert_eq!(docs(idx.search("Accessibilité numérique")), vec![5, 4]);
        // Still ANDed with the other words.
        assert_eq!(docs(idx.search("ia générative")), vec![1]);
        assert_eq!(docs(idx.search("auditer accessibilité numérique")), vec![4]);
        // Part of a phrase is not the phrase.
        assert_eq!(docs(idx.search("intelligence")), vec![0, 3]);
        // The other terms' words are highlighted.
        let (_, matcher) = idx.search("IA").unwrap();
        let marked: Vec<&str> = highlight("Intelligence artificielle et IA", &matcher)
            .into_iter()
            .filter(|r| r.1)
            .map(|r| r.0)
            .collect();
        assert_eq!(marked, vec!["Intelligence", "artificielle", "IA"]);
    }

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

    #[test]
    fn edit_distance_is_bounded() {
        let d = |a: &str, b: &str, max| edit_distance_within(a.as_bytes(), b.as_bytes(), max);
        assert_eq!(d("cybersecurte", "cybersecurite", 2), Some(1));
        assert_eq!(d("crsie", "crise", 2), Some(1), "a swap is one edit");
        assert_eq!(d("cybrsecurte", "cybersecurite", 2), Some(2));
        assert_eq!(d("abc", "xyz", 2), None);
        assert_eq!(d("abc", "abcdef", 2), None);
        assert_eq!(d("", "ab", 2), Some(2));
        // Long words fall back to the heap.
        let long = "a".repeat(60);
        assert!(within_one_edit_of_prefix(
            long.as_bytes(),
            format!("{long}b").as_bytes()
        ));
        assert!(within_one_edit_of_prefix(
            &long.as_bytes()[1..],
            long.as_bytes()
        ));
    }

    /// A small catalogue, indexed as the app indexes it (`Explorer::new`).
    fn relevance_catalogue() -> crate::catalogue::explore::Explorer {
        let course =
            |id: &str, kind: &str, title: &str, summary: &str, domain: &str, extra: &str| {
                format!(
                    r#"{{"id": "{id}", "kind": "{kind}", "title": "{title}", "summary": "{summary}",
                    "description": "Une formation du campus.", "domains": ["{domain}"],
                    "level": "decouverte", "audience": ["tous-agents"], "format": "distanciel",
                    "duration_hours": 3, "provider": "DINUM", "free": true {extra}}}"#
                )
            };
        let lyon = r#", "sessions": [{"id": "s1", "start": "2027-02-11T09:30:00+01:00",
            "end": "2027-02-11T12:30:00+01:00", "format": "presentiel",
            "location": {"city": "Lyon", "region": "Auvergne-Rhône-Alpes"}}]"#;
        let courses = [
            course(
                "ia",
                "module",
                "Intelligence artificielle pour les agents",
                "Usages et limites.",
                "data",
                "",
            ),
            course(
                "iaas",
                "module",
                "Migrer vers l'IaaS",
                "Infrastructure as a service.",
                "cloud",
                "",
            ),
            course(
                "cyber1",
                "module",
                "Sensibilisation à la cybersécurité",
                "Les bons réflexes.",
                "cyber",
                "",
            ),
            course(
                "cyber2",
                "module",
                "Gestion de crise cyber",
                "Réagir à un incident.",
                "cyber",
                "",
            ),
            course(
                "cyber3",
                "module",
                "Homologation des systèmes",
                "Le dossier d'homologation.",
                "cyber",
                lyon,
            ),
            course(
                "cyber4",
                "parcours",
                "Parcours du RSSI",
                "Devenir RSSI.",
                "cyber",
                "",
            ),
            course(
                "nfd",
                "module",
                r"Se\u0301curite\u0301 des applications",
                "OWASP.",
                "cloud",
                "",
            ),
            course(
                "zw",
                "module",
                r"Cyber\u200bsécurité des collectivités",
                "Pour les élus.",
                "data",
                "",
            ),
            course(
                "pdf",
                "module",
                "Documents bureautiques et PDF accessibles",
                "Produire des documents.",
                "design",
                "",
            ),
            course(
                "rgaa",
                "module",
                "Auditer avec le RGAA",
                "Le référentiel.",
                "design",
                "",
            ),
            course(
                "a11y",
                "module",
                "Accessibilité numérique des sites",
                "Les bases.",
                "design",
                "",
            ),
            course(
                "atelier",
                "module",
                "Animer un atelier",
                "Faciliter.",
                "data",
                lyon,
            ),
            course("open", "module", "Open data", "Publier.", "data", ""),
            course(
                "database",
                "module",
                "Administrer une database",
                "SQL.",
                "data",
                "",
            ),
            course(
                "rh",
                "sur-mesure",
                "La fonction RH",
                "Accompagnement sur mesure.",
                "data",
                "",
            ),
            course(
                "rhetorique",
                "module",
                "Rhétorique",
                "Convaincre.",
                "data",
                "",
            ),
            course(
                "gen",
                "module",
                "Comprendre l'IA générative",
                "Les modèles.",
                "data",
                "",
            ),
        ];
        let json = format!(
            r#"{{"version": 1, "domains": [
                {{"id": "cyber", "label": "Cybersécurité"}}, {{"id": "data", "label": "Données"}},
                {{"id": "cloud", "label": "Cloud"}}, {{"id": "design", "label": "Design et accessibilité"}}],
              "synonyms": [["ia", "intelligence artificielle"], ["rgaa", "accessibilité numérique"]],
              "courses": [{}]}}"#,
            courses.join(",")
        );
        let parsed = crate::catalogue::model::Parsed::from_json(&json).unwrap();
        assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
        crate::catalogue::explore::Explorer::new(parsed.catalogue, 1_795_000_000)
    }

    #[test]
    fn relevance_table() {
        let ex = relevance_catalogue();
        let idx = ex.search_index();
        let title = |doc: u32| ex.catalogue.courses[doc as usize].title.as_str();
        let ranked =
            |query: &str| -> Vec<&str> { docs(idx.search(query)).into_iter().map(title).collect() };
        // (query, expected course, worst acceptable rank from 1)
        let table: &[(&str, &str, usize)] = &[
            ("IA", "Intelligence artificielle pour les agents", 2),
            ("IA", "Comprendre l'IA générative", 2),
            (
                "intelligence artificielle",
                "Intelligence artificielle pour les agents",
                1,
            ),
            ("intelligence artificielle", "Comprendre l'IA générative", 2),
            ("ia générative", "Comprendre l'IA générative", 1),
            ("lyon", "Homologation des systèmes", 2),
            ("lyon", "Animer un atelier", 2),
            ("auvergne", "Animer un atelier", 2),
            ("cybersécurité", "Sensibilisation à la cybersécurité", 2),
            (
                "cybersécurité",
                "Cyber\u{200b}sécurité des collectivités",
                2,
            ),
            ("cybersécurité", "Gestion de crise cyber", 5),
            ("cybersécurité", "Homologation des systèmes", 5),
            ("cybersécurité", "Parcours du RSSI", 5),
            (
                "cybersecurite",
                "Cyber\u{200b}sécurité des collectivités",
                2,
            ),
            ("securite", "Se\u{301}curite\u{301} des applications", 1),
            ("sécurité", "Se\u{301}curite\u{301} des applications", 1),
            ("rgaa", "Auditer avec le RGAA", 1),
            ("rgaa", "Accessibilité numérique des sites", 2),
            (
                "accessibilité numérique",
                "Accessibilité numérique des sites",
                1,
            ),
            ("accessibilité numérique", "Auditer avec le RGAA", 2),
            ("data", "Open data", 1),
            ("data", "Administrer une database", 2),
            ("RH", "La fonction RH", 1),
            ("sur mesure", "La fonction RH", 1),
            ("parcours", "Parcours du RSSI", 1),
            ("dinum", "Open data", 17),
            ("cybersecurté", "Sensibilisation à la cybersécurité", 2),
        ];
        for &(query, expected, worst) in table {
            let results = ranked(query);
            let rank = results.iter().position(|t| *t == expected).map(|p| p + 1);
            assert!(
                rank.is_some_and(|r| r <= worst),
                "{query:?}: {expected:?} at {rank:?}, expected ≤ {worst}; got {results:?}"
            );
        }
        // What must not match.
        let absent: &[(&str, &str)] = &[
            ("IA", "Migrer vers l'IaaS"),
            ("RH", "Rhétorique"),
            ("intelligence artificielle", "Migrer vers l'IaaS"),
        ];
        for &(query, unexpected) in absent {
            assert!(
                !ranked(query).contains(&unexpected),
                "{query:?} found {unexpected:?}"
            );
        }
        // The whole domain, and only it (no other course names it).
        let cyber: Vec<&str> = ex
            .catalogue
            .courses
            .iter()
            .filter(|c| c.domains.iter().any(|d| d == "cyber"))
            .map(|c| c.title.as_str())
            .collect();
        let found = ranked("cybersécurité");
        assert!(cyber.iter().all(|t| found.contains(t)), "{found:?}");
        assert_eq!(found.len(), cyber.len() + 1, "plus the zero-width title");
        // Title matches first.
        assert!(found[..2].contains(&"Sensibilisation à la cybersécurité"));
        // Corrections and similar titles on the same catalogue.
        assert_eq!(
            idx.did_you_mean("cybersecurté").as_deref(),
            Some("cybersécurité")
        );
        assert_eq!(
            idx.did_you_mean("homologtaion").as_deref(),
            Some("homologation")
        );
        let similar: Vec<&str> = idx
            .similar("Accessibilité des PDF", 5)
            .iter()
            .map(|h| title(h.doc))
            .collect();
        assert_eq!(
            similar[0], "Documents bureautiques et PDF accessibles",
            "{similar:?}"
        );
        // Search ANDs the words: only the PDF course (its domain says
        // "accessibilité"); similar also finds courses sharing one word.
        assert_eq!(
            ranked("Accessibilité des PDF"),
            ["Documents bureautiques et PDF accessibles"]
        );
        assert!(similar.contains(&"Accessibilité numérique des sites"));
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
