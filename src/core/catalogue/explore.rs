//! The catalogue pipeline: search, filter, count, sort, paginate, and suggest
//! wider searches when nothing matches. One pure function of the query, so the
//! view only renders what it returns.

use std::collections::HashMap;

use super::export::is_full;
use super::facets::{FacetBuilder, FacetCounts, FacetIndex};
use super::filters::{FilterValue, Filters};
use super::model::{Catalogue, Course, Format, Kind, Language, Session};
use super::query::{CatalogueQuery, Sort};
use super::search::{FxBuild, IndexBuilder, IndexFinisher, Matcher, SearchIndex, SearchableText};
use super::sort;
use super::text::fold;

/// Results per page.
pub const PAGE_SIZE: usize = 20;

/// A loaded catalogue with its indexes.
#[derive(Debug, Clone, PartialEq)]
pub struct Explorer {
    /// The catalogue.
    pub catalogue: Catalogue,
    index: SearchIndex,
    facets: FacetIndex,
    /// Position of each course in title order.
    title_rank: Vec<u32>,
    /// Position of each course by id (course pages, bookmarks).
    by_id: HashMap<String, u32>,
    /// Reference time for "upcoming" (unix seconds).
    now: i64,
    /// What [`Explorer::similar`] looks up, made on its first call and kept:
    /// the static pages ask for the similar courses of every course, and
    /// scoring every other course for each page made them quadratic.
    similar_index: std::sync::OnceLock<SimilarIndex>,
}

/// One page of results and everything the view shows around it.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    /// Courses on this page (positions in the catalogue).
    pub page_items: Vec<u32>,
    /// All matching courses, in order (for export).
    pub all: Vec<u32>,
    /// Live counts per facet value.
    pub counts: FacetCounts,
    /// What the search text matched, for highlighting.
    pub matcher: Matcher,
    /// Current page, clamped to what exists (from 1).
    pub page: u32,
    /// Number of pages (at least 1).
    pub pages: u32,
}

/// A wider search that would give results, shown when there are none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The query to link to.
    pub query: CatalogueQuery,
    /// How many results it gives.
    pub count: usize,
    /// What was dropped.
    pub dropped: Dropped,
}

/// What a [`Suggestion`] removes from the current query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dropped {
    /// The search text.
    Text,
    /// One filter value.
    Filter(FilterValue),
    /// Every filter.
    AllFilters,
}

/// The French label of a kind, as searched ("parcours", "module", "sur mesure").
fn kind_search_label(kind: super::model::Kind) -> &'static str {
    use super::model::Kind;
    match kind {
        Kind::Parcours => "parcours",
        Kind::Module => "module",
        Kind::SurMesure => "sur mesure",
    }
}

/// The words an agent types for a format ("e-learning", "en ligne",
/// "présentiel", "distanciel"…): searched as the course's and its upcoming
/// sessions' formats, beside their places.
fn format_search_terms(format: Format) -> &'static [&'static str] {
    match format {
        Format::ELearning => &["e-learning", "en ligne", "elearning"],
        Format::Distanciel => &["à distance", "distanciel", "en ligne", "visioconférence"],
        Format::Presentiel => &["présentiel", "en présentiel"],
        Format::Hybride => &["hybride", "présentiel", "à distance"],
    }
}

/// The words an agent types for a course's language ("anglais", "english"),
/// searched beside its places. French, the campus's language and that of
/// nearly every course, has none: "français" would find the whole catalogue.
fn language_search_terms(language: Language) -> &'static [&'static str] {
    match language {
        Language::Fr => &[],
        Language::En => &["anglais", "english", "en anglais", "in english"],
        Language::De => &["allemand", "german", "deutsch"],
        Language::Es => &["espagnol", "spanish", "español"],
        Language::It => &["italien", "italian", "italiano"],
    }
}

/// The domain labels and places of a course, as searched: the labels of its
/// domains (`labels` maps ids to labels), then the distinct cities and regions
/// of its sessions still to come at `now` (a past session in Lyon never
/// answers "Lyon"), the words of its formats and of its languages other
/// than French, in order.
fn search_extras<'c>(
    labels: &'c HashMap<String, String>,
    c: &'c Course,
    now: i64,
) -> (Vec<&'c str>, Vec<&'c str>) {
    let domains = c
        .domains
        .iter()
        .filter_map(|d| labels.get(d.as_str()).map(String::as_str))
        .collect();
    let mut places: Vec<&str> = Vec::new();
    let mut add = |text: &'c str| {
        if !places.contains(&text) {
            places.push(text);
        }
    };
    for place in c.upcoming_sessions(now).filter_map(|s| s.place.as_ref()) {
        add(place.city.as_str());
        add(place.region.as_str());
    }
    let formats = std::iter::once(c.format).chain(c.upcoming_sessions(now).map(|s| s.format));
    for format in formats {
        format_search_terms(format).iter().for_each(|t| add(t));
    }
    for language in c.languages() {
        language_search_terms(*language).iter().for_each(|t| add(t));
    }
    (domains, places)
}

/// The searchable text of a course, with its extras (see [`search_extras`]).
fn searchable<'a>(
    c: &'a Course,
    (domains, places): &'a (Vec<&'a str>, Vec<&'a str>),
) -> SearchableText<'a> {
    SearchableText {
        title: &c.title,
        summary: &c.summary,
        description: &c.description,
        objectives: &c.objectives,
        provider: &c.provider,
        domains,
        kind: kind_search_label(c.kind),
        places,
    }
}

/// Domain ids to labels (the first domain of an id wins, as in the catalogue).
fn domain_labels(catalogue: &Catalogue) -> HashMap<String, String> {
    catalogue
        .domains
        .iter()
        .map(|d| (d.id.clone(), d.label.clone()))
        .collect()
}

/// The search index of `catalogue`: each course's own texts, plus the labels of
/// its domains, its kind label, the cities and regions of its sessions, and the
/// catalogue's synonyms. (Public for the benchmark, which measures exactly this.)
pub fn build_search_index(catalogue: &Catalogue, now: i64) -> SearchIndex {
    let labels = domain_labels(catalogue);
    let mut builder = IndexBuilder::new();
    for c in &catalogue.courses {
        let extras = search_extras(&labels, c, now);
        builder.add(searchable(c, &extras));
    }
    builder.finish().with_synonyms(&catalogue.synonyms)
}

/// Grouping postings by word costs far less than indexing a course's texts:
/// this many are grouped for one course's worth of work.
const POSTINGS_PER_COURSE: usize = 64;

/// Merging sorted runs costs far less than indexing a course's texts: this many
/// titles are merged for one course's worth of work.
const MERGES_PER_COURSE: usize = 32;

/// Titles sorted in runs of this many, then merged.
const RUN: usize = 512;

/// The courses in the order of their folded titles (ties by position: the
/// order of sorting `(folded title, position)` pairs), by a merge sort done a
/// few merges at a time: runs of [`RUN`] sorted one by one, then merged pairwise,
/// pass after pass.
#[derive(Debug, Default)]
struct TitleSort {
    /// Folded titles, by position.
    keys: Vec<String>,
    /// Positions, sorted by the end.
    order: Vec<u32>,
    /// Where the current pass merges into.
    spare: Vec<u32>,
    /// Runs sorted so far (before the passes).
    runs: usize,
    /// Width of the runs being merged by the current pass.
    width: usize,
    /// The pair of runs being merged: from `lo`; next of the left run, next of
    /// the right one, next output.
    lo: usize,
    i: usize,
    j: usize,
    k: usize,
}

impl TitleSort {
    /// Starts sorting, once every title is in `keys`.
    fn start(&mut self) {
        let n = self.keys.len();
        self.order = (0..n as u32).collect();
        self.spare = vec![0; n];
        self.runs = 0;
        self.width = RUN;
        self.lo = 0;
        self.i = 0;
        self.j = RUN.min(n);
        self.k = 0;
    }

    fn less_or_equal(keys: &[String], a: u32, b: u32) -> bool {
        match (keys.get(a as usize), keys.get(b as usize)) {
            (Some(x), Some(y)) => (x, a) <= (y, b),
            _ => a <= b,
        }
    }

    /// Sorts or merges about `budget` titles; returns whether `order` is sorted.
    fn step(&mut self, budget: usize) -> bool {
        let n = self.order.len();
        let keys = &self.keys;
        // First, runs, each sorted at once.
        let run_count = n.div_ceil(RUN);
        if self.runs < run_count {
            let todo = (budget / RUN).max(1).min(run_count - self.runs);
            for run in self.runs..self.runs + todo {
                let end = ((run + 1) * RUN).min(n);
                let mut sorted = self.order[run * RUN..end].to_vec();
                sort::sort_by(&mut sorted, |&a, &b| {
                    let (x, y) = (&keys[a as usize], &keys[b as usize]);
                    x.cmp(y).then(a.cmp(&b))
                });
                self.order[run * RUN..end].copy_from_slice(&sorted);
            }
            self.runs += todo;
            return self.runs == run_count && self.width >= n;
        }
        // Then passes of pairwise merges.
        let mut budget = budget.max(1);
        while self.width < n {
            if self.lo >= n {
                // Pass done: the merged runs are twice as wide.
                std::mem::swap(&mut self.order, &mut self.spare);
                self.width = self.width.saturating_mul(2);
                self.lo = 0;
                self.i = 0;
                self.j = self.width.min(n);
                self.k = 0;
                continue;
            }
            if budget == 0 {
                return false;
            }
            let mid = self.lo.saturating_add(self.width).min(n);
            let hi = self.lo.saturating_add(self.width.saturating_mul(2)).min(n);
            while budget > 0 && self.k < hi {
                let left = self.i < mid
                    && (self.j >= hi
                        || Self::less_or_equal(keys, self.order[self.i], self.order[self.j]));
                self.spare[self.k] = if left {
                    self.i += 1;
                    self.order[self.i - 1]
                } else {
                    self.j += 1;
                    self.order[self.j - 1]
                };
                self.k += 1;
                budget -= 1;
            }
            if self.k == hi {
                self.lo = hi;
                self.i = hi;
                self.j = hi.saturating_add(self.width).min(n);
            }
        }
        true
    }
}

/// After this many courses, the index makes room for the postings of the rest.
const RESERVE_AFTER: usize = 1024;

/// Where an [`ExplorerBuilder`] is.
#[derive(Debug)]
enum Stage {
    /// Indexing the texts of the courses.
    Texts(IndexBuilder),
    /// Sorting the vocabulary (one go).
    Vocabulary(IndexBuilder),
    /// Grouping the postings by word.
    Postings(IndexFinisher),
    /// Packing the facets of the courses.
    Facets(Box<FacetBuilder>),
    /// Folding the titles, for title order.
    Titles,
    /// Sorting the folded titles.
    Sort,
    /// Ranks and ids.
    Ranks,
    /// Freeing the folded titles.
    Release,
    /// Everything is built.
    Done,
}

/// Builds an [`Explorer`] a few courses at a time, so that a large catalogue
/// never blocks the page for long: [`ExplorerBuilder::step`] until it returns
/// `true`, then [`ExplorerBuilder::finish`]. The result is exactly
/// [`Explorer::new`]'s, which is this builder run in one go.
#[derive(Debug)]
pub struct ExplorerBuilder {
    catalogue: Catalogue,
    now: i64,
    labels: HashMap<String, String>,
    stage: Stage,
    /// Next course of the current stage.
    next: usize,
    index: Option<SearchIndex>,
    facets: Option<FacetIndex>,
    titles: TitleSort,
    title_rank: Vec<u32>,
    by_id: HashMap<String, u32>,
}

impl ExplorerBuilder {
    /// Starts indexing `catalogue`; `now` is the current time in unix seconds.
    pub fn new(catalogue: Catalogue, now: i64) -> ExplorerBuilder {
        ExplorerBuilder {
            labels: domain_labels(&catalogue),
            catalogue,
            now,
            stage: Stage::Texts(IndexBuilder::new()),
            next: 0,
            index: None,
            facets: None,
            titles: TitleSort::default(),
            title_rank: Vec::new(),
            by_id: HashMap::new(),
        }
    }

    /// Does about `courses` courses' worth of work (at least one unit: a step
    /// that cannot be split, such as a sort, is done whole). Returns `true` once
    /// everything is built.
    pub fn step(&mut self, courses: usize) -> bool {
        let courses = courses.max(1);
        let all = &self.catalogue.courses;
        let end = self.next.saturating_add(courses).min(all.len());
        match std::mem::replace(&mut self.stage, Stage::Done) {
            Stage::Texts(mut builder) => {
                for c in &all[self.next..end] {
                    let extras = search_extras(&self.labels, c, self.now);
                    builder.add(searchable(c, &extras));
                }
                // Room for the rest, once a sample tells how much.
                if self.next < RESERVE_AFTER && end >= RESERVE_AFTER {
                    builder.reserve_for(all.len() - end);
                }
                self.next = end;
                self.stage = if end == all.len() {
                    Stage::Vocabulary(builder)
                } else {
                    Stage::Texts(builder)
                };
            }
            Stage::Vocabulary(builder) => {
                self.stage = Stage::Postings(builder.into_finisher());
            }
            Stage::Postings(mut finisher) => {
                self.stage = if finisher.step(courses.saturating_mul(POSTINGS_PER_COURSE)) {
                    self.index = Some(finisher.finish().with_synonyms(&self.catalogue.synonyms));
                    self.next = 0;
                    Stage::Facets(Box::new(FacetBuilder::new(&self.catalogue, self.now)))
                } else {
                    Stage::Postings(finisher)
                };
            }
            Stage::Facets(mut builder) => {
                self.stage = if builder.pack(&self.catalogue, courses) {
                    self.facets = Some(builder.finish());
                    self.titles.keys.reserve_exact(all.len());
                    Stage::Titles
                } else {
                    Stage::Facets(builder)
                };
            }
            Stage::Titles => {
                self.titles
                    .keys
                    .extend(all[self.next..end].iter().map(|c| fold(&c.title)));
                self.next = end;
                self.stage = if end == all.len() {
                    self.titles.start();
                    Stage::Sort
                } else {
                    Stage::Titles
                };
            }
            Stage::Sort => {
                self.stage = if self.titles.step(courses.saturating_mul(MERGES_PER_COURSE)) {
                    self.title_rank = vec![0u32; all.len()];
                    self.by_id.reserve(all.len());
                    self.next = 0;
                    Stage::Ranks
                } else {
                    Stage::Sort
                };
            }
            Stage::Ranks => {
                for (i, course) in all.iter().enumerate().take(end).skip(self.next) {
                    // The course at `i` in title order, and the course at `i`.
                    if let Some(&doc) = self.titles.order.get(i) {
                        if let Some(rank) = self.title_rank.get_mut(doc as usize) {
                            *rank = i as u32;
                        }
                    }
                    self.by_id.insert(course.id.clone(), i as u32);
                }
                self.next = end;
                self.stage = if end == all.len() {
                    Stage::Release
                } else {
                    Stage::Ranks
                };
            }
            Stage::Release => {
                // Thousands of strings: freed a few at a time too.
                let keys = &mut self.titles.keys;
                keys.truncate(keys.len().saturating_sub(courses));
                self.stage = if keys.is_empty() {
                    self.titles = TitleSort::default();
                    Stage::Done
                } else {
                    Stage::Release
                };
            }
            Stage::Done => {}
        }
        matches!(self.stage, Stage::Done)
    }

    /// The explorer, finishing whatever [`ExplorerBuilder::step`] has not done.
    pub fn finish(mut self) -> Explorer {
        while !self.step(usize::MAX) {}
        let ExplorerBuilder {
            catalogue,
            now,
            index,
            facets,
            title_rank,
            by_id,
            ..
        } = self;
        Explorer {
            catalogue,
            index: index.unwrap_or_default(),
            facets: facets.unwrap_or_default(),
            title_rank,
            by_id,
            now,
            similar_index: std::sync::OnceLock::new(),
        }
    }
}

/// Lists of `u32`s stored end to end: a list of lists in two allocations.
#[derive(Debug, Clone, Default, PartialEq)]
struct Lists {
    /// Where each list ends in `items`.
    ends: Vec<u32>,
    items: Vec<u32>,
}

impl Lists {
    /// The lists of keys `0..count` from `(key, item)` pairs, each in the order
    /// of the pairs. `pairs` is called twice: to count, then to fill.
    fn group<I: Iterator<Item = (u32, u32)>>(count: usize, pairs: impl Fn() -> I) -> Lists {
        let mut next = vec![0u32; count];
        for (key, _) in pairs() {
            next[key as usize] += 1;
        }
        let mut ends = Vec::with_capacity(count);
        let mut total = 0u32;
        for slot in &mut next {
            let len = *slot;
            *slot = total;
            total += len;
            ends.push(total);
        }
        let mut items = vec![0u32; total as usize];
        for (key, item) in pairs() {
            let slot = &mut next[key as usize];
            items[*slot as usize] = item;
            *slot += 1;
        }
        Lists { ends, items }
    }

    /// The range of list `i` in `items`.
    fn range(&self, i: u32) -> std::ops::Range<usize> {
        span(&self.ends, i)
    }

    fn get(&self, i: u32) -> &[u32] {
        &self.items[self.range(i)]
    }
}

/// Where list `i` lies when lists stored end to end end at `ends`.
fn span(ends: &[u32], i: u32) -> std::ops::Range<usize> {
    let i = i as usize;
    let start = if i == 0 { 0 } else { ends[i - 1] as usize };
    start..ends[i] as usize
}

/// The places a search names, as found so far ([`Matcher::names_place`]
/// folds the place each time).
#[derive(Default)]
struct NamedPlaces(HashMap<String, bool>);

impl NamedPlaces {
    fn names(&mut self, matcher: &Matcher, place: &str) -> bool {
        if let Some(&named) = self.0.get(place) {
            return named;
        }
        let named = matcher.names_place(place);
        self.0.insert(place.to_owned(), named);
        named
    }
}

/// The courses of one bucket that have one title word.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Group {
    bucket: u32,
    /// Its courses in [`SimilarIndex::postings`].
    start: u32,
    end: u32,
}

/// What [`Explorer::similar`] looks up instead of scoring every course.
///
/// Courses are put in buckets by domains (as listed, in any order) and kind:
/// against a given course, every course of a bucket gets the same score from
/// domains and kind. So a course's score is its bucket's plus 2 per shared
/// title word, and a query only visits (1) for each of its words, from the
/// rarest, the courses that have it, bucket by bucket, skipping the buckets
/// where even every remaining word would not beat the courses found so far;
/// (2) in each bucket sharing a domain, the first courses in title order that
/// have none of its words (they all score the same). Both bounds are exact, so
/// the result is what scoring every course gives.
#[derive(Debug, Clone, Default, PartialEq)]
struct SimilarIndex {
    /// Folded title words longer than 3 bytes (no shorter word is compared) to
    /// their ids.
    words: HashMap<String, u32, FxBuild>,
    /// Each course's title words (ids, each once).
    titles: Lists,
    /// Where each word's groups (by bucket) end in `groups`.
    word_groups: Vec<u32>,
    groups: Vec<Group>,
    /// The courses of the groups, one group after the other.
    postings: Vec<u32>,
    /// Domain ids to their numbers.
    domain_ids: HashMap<String, u32, FxBuild>,
    /// Each bucket's domains (numbers, sorted, repeated as a course lists them)
    /// and kind.
    bucket_domains: Lists,
    bucket_kind: Vec<Kind>,
    /// Each bucket's courses, in title order.
    members: Lists,
    /// Each domain's buckets.
    domain_buckets: Lists,
}

/// The sort key of a course with `score` and title `rank`: smaller comes first.
fn similar_key(score: u32, rank: u32) -> u64 {
    (u64::from(u32::MAX - score) << 32) | u64::from(rank)
}

/// The best `limit` courses offered, by [`similar_key`].
struct TopCourses {
    limit: usize,
    /// (key, course), the worst on top.
    heap: std::collections::BinaryHeap<(u64, u32)>,
}

impl TopCourses {
    /// A course enters with a key below this: that of the worst one kept once
    /// there are `limit`; before, any score from 3.
    fn bar(&self) -> u64 {
        match self.heap.peek() {
            Some(&(worst, _)) if self.heap.len() >= self.limit => worst,
            _ => similar_key(2, 0),
        }
    }

    /// Offers a course, checking `excluded` only if it would enter.
    fn offer(&mut self, key: u64, doc: u32, excluded: impl FnOnce() -> bool) {
        if key < self.bar() && !excluded() {
            self.heap.push((key, doc));
            if self.heap.len() > self.limit {
                self.heap.pop();
            }
        }
    }
}

/// Where a [`SimilarBuilder`] is.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum SimilarStage {
    /// Reading each course's domains, kind and title words.
    #[default]
    Courses,
    /// Each bucket's courses, in title order.
    Members,
    /// Each word's courses, bucket after bucket.
    Words,
    /// The words' groups and the buckets' domains.
    Groups,
    /// Built.
    Done,
}

/// Builds what [`Explorer::similar`] looks up a few courses at a time, so
/// that a large catalogue never blocks the page for long (as
/// [`ExplorerBuilder`]): [`SimilarBuilder::step`] until it returns `true`,
/// then [`Explorer::keep_similar`]. The browser runs it once the catalogue is
/// shown; without it, the first [`Explorer::similar`] builds it in one go.
#[derive(Debug, Default)]
pub struct SimilarBuilder {
    stage: SimilarStage,
    /// Next course of the first stage.
    next: usize,
    domain_ids: HashMap<String, u32, FxBuild>,
    buckets: HashMap<(Vec<u32>, Kind), u32, FxBuild>,
    bucket_keys: Vec<(Vec<u32>, Kind)>,
    bucket_of: Vec<u32>,
    words: HashMap<String, u32, FxBuild>,
    titles: Lists,
    members: Lists,
    by_word: Lists,
    index: Option<SimilarIndex>,
}

impl SimilarBuilder {
    /// Does about `courses` courses' worth of work on `explorer`'s catalogue
    /// (a stage after the first is done whole, each one pass over the
    /// courses or their title words). Returns `true` once built.
    pub fn step(&mut self, explorer: &Explorer, courses: usize) -> bool {
        let all = &explorer.catalogue.courses;
        match self.stage {
            SimilarStage::Courses => {
                let end = self.next.saturating_add(courses.max(1)).min(all.len());
                for c in &all[self.next..end] {
                    self.add(c);
                }
                self.next = end;
                if end == all.len() {
                    self.stage = SimilarStage::Members;
                }
            }
            SimilarStage::Members => {
                // The courses in title order.
                let mut by_rank = vec![0u32; all.len()];
                for (doc, &rank) in explorer.title_rank.iter().enumerate() {
                    by_rank[rank as usize] = doc as u32;
                }
                let bucket_of = &self.bucket_of;
                self.members = Lists::group(self.bucket_keys.len(), || {
                    by_rank.iter().map(|&doc| (bucket_of[doc as usize], doc))
                });
                self.stage = SimilarStage::Words;
            }
            SimilarStage::Words => {
                let (members, titles) = (&self.members, &self.titles);
                self.by_word = Lists::group(self.words.len(), || {
                    (0..self.bucket_keys.len() as u32).flat_map(|b| {
                        members
                            .get(b)
                            .iter()
                            .flat_map(|&doc| titles.get(doc).iter().map(move |&w| (w, doc)))
                    })
                });
                self.stage = SimilarStage::Groups;
            }
            SimilarStage::Groups => {
                self.index = Some(self.groups());
                self.stage = SimilarStage::Done;
            }
            SimilarStage::Done => {}
        }
        self.stage == SimilarStage::Done
    }

    /// Reads one course's domains (its bucket) and title words.
    fn add(&mut self, c: &Course) {
        let mut ids: Vec<u64> = c
            .domains
            .iter()
            .map(|d| {
                let next = self.domain_ids.len() as u32;
                u64::from(*self.domain_ids.entry(d.clone()).or_insert(next))
            })
            .collect();
        sort::sort_keys(&mut ids);
        let key = (ids.into_iter().map(|d| d as u32).collect(), c.kind);
        let bucket = match self.buckets.get(&key) {
            Some(&b) => b,
            None => {
                let b = self.bucket_keys.len() as u32;
                self.buckets.insert(key.clone(), b);
                self.bucket_keys.push(key);
                b
            }
        };
        self.bucket_of.push(bucket);
        let titles = &mut self.titles;
        let first = titles.items.len();
        for w in fold(&c.title).split(' ').filter(|w| w.len() > 3) {
            let id = match self.words.get(w) {
                Some(&id) => id,
                None => {
                    let id = self.words.len() as u32;
                    self.words.insert(w.to_owned(), id);
                    id
                }
            };
            if !titles.items[first..].contains(&id) {
                titles.items.push(id);
            }
        }
        titles.ends.push(titles.items.len() as u32);
    }

    /// The last stage: each word's groups of courses by bucket, and the
    /// buckets' domains both ways.
    fn groups(&mut self) -> SimilarIndex {
        let by_word = std::mem::take(&mut self.by_word);
        let bucket_of = &self.bucket_of;
        let mut groups: Vec<Group> = Vec::new();
        let mut group_ends = Vec::with_capacity(self.words.len());
        for w in 0..self.words.len() as u32 {
            let range = by_word.range(w);
            let mut start = range.start;
            while start < range.end {
                let bucket = bucket_of[by_word.items[start] as usize];
                let mut end = start + 1;
                while end < range.end && bucket_of[by_word.items[end] as usize] == bucket {
                    end += 1;
                }
                groups.push(Group {
                    bucket,
                    start: start as u32,
                    end: end as u32,
                });
                start = end;
            }
            group_ends.push(groups.len() as u32);
        }
        let bucket_keys = &self.bucket_keys;
        let bucket_domains = Lists::group(bucket_keys.len(), || {
            bucket_keys
                .iter()
                .enumerate()
                .flat_map(|(b, (ds, _))| ds.iter().map(move |&d| (b as u32, d)))
        });
        let domain_buckets = Lists::group(self.domain_ids.len(), || {
            bucket_keys.iter().enumerate().flat_map(|(b, (ds, _))| {
                // Once per bucket, though a course may list a domain twice.
                ds.iter()
                    .enumerate()
                    .filter(|&(i, d)| i == 0 || ds[i - 1] != *d)
                    .map(move |(_, &d)| (d, b as u32))
            })
        });
        SimilarIndex {
            words: std::mem::take(&mut self.words),
            titles: std::mem::take(&mut self.titles),
            word_groups: group_ends,
            groups,
            postings: by_word.items,
            domain_ids: std::mem::take(&mut self.domain_ids),
            bucket_domains,
            bucket_kind: bucket_keys.iter().map(|(_, kind)| *kind).collect(),
            members: std::mem::take(&mut self.members),
            domain_buckets,
        }
    }
}

impl SimilarIndex {
    fn build(explorer: &Explorer) -> SimilarIndex {
        let mut builder = SimilarBuilder::default();
        while !builder.step(explorer, usize::MAX) {}
        builder.index.unwrap_or_default()
    }

    /// The groups of word `w`, by bucket.
    fn groups_of(&self, w: u32) -> &[Group] {
        &self.groups[span(&self.word_groups, w)]
    }

    /// [`Explorer::similar`], for a course that exists and a `limit` from 1.
    fn similar(
        &self,
        courses: &[Course],
        title_rank: &[u32],
        doc: usize,
        limit: usize,
    ) -> Vec<u32> {
        let course = &courses[doc];
        // The words compared, as (id, weight), rarest first. A word that is in
        // no title matches nothing.
        let mut words: Vec<(u32, u32)> = Vec::new();
        for w in super::search::query_words(&course.title) {
            if w.len() <= 3 {
                continue;
            }
            if let Some(&id) = self.words.get(&w) {
                match words.iter_mut().find(|(seen, _)| *seen == id) {
                    Some((_, weight)) => *weight += 2,
                    None => words.push((id, 2)),
                }
            }
        }
        sort::sort_by_key(&mut words, |&(id, _)| {
            let groups = self.groups_of(id);
            let (first, last) = (groups.first(), groups.last());
            first.zip(last).map_or(0, |(f, l)| l.end - f.start)
        });
        // What the words from the `s`-th on can add.
        let mut rest = vec![0u32; words.len() + 1];
        for s in (0..words.len()).rev() {
            rest[s] = rest[s + 1] + words[s].1;
        }
        // The weight of the words of `c`'s title, or `None` if it has one of
        // the first `s` words (then it was offered with that word).
        let title_weight = |c: u32, s: usize| {
            let mut weight = 0;
            for &w in self.titles.get(c) {
                if let Some(i) = words.iter().position(|&(id, _)| id == w) {
                    if i < s {
                        return None;
                    }
                    weight += words[i].1;
                }
            }
            Some(weight)
        };
        let excluded =
            |c: u32| c as usize == doc || course.modules.contains(&courses[c as usize].id);
        // The buckets sharing a domain, with their score from domains and
        // kind, by bucket; any other bucket scores at most 1 (the kind).
        let domains: Vec<u32> = course
            .domains
            .iter()
            .filter_map(|d| self.domain_ids.get(d).copied())
            .collect();
        let mut ids: Vec<u64> = domains
            .iter()
            .flat_map(|&d| self.domain_buckets.get(d))
            .map(|&b| u64::from(b))
            .collect();
        sort::sort_keys(&mut ids);
        ids.dedup();
        let kind_score = |b: u32| u32::from(self.bucket_kind[b as usize] == course.kind);
        let sharing: Vec<(u32, u32)> = ids
            .into_iter()
            .map(|b| {
                let b = b as u32;
                let shared = self
                    .bucket_domains
                    .get(b)
                    .iter()
                    .filter(|d| domains.contains(d))
                    .count() as u32;
                (b, shared * 3 + kind_score(b))
            })
            .collect();
        // The same, best first: the courses found first raise the bar soonest.
        let mut best_first = sharing.clone();
        sort::sort_by_key(&mut best_first, |&(_, score)| std::cmp::Reverse(score));
        let best_bucket = best_first.first().map_or(1, |&(_, score)| score.max(1));

        let mut top = TopCourses {
            limit,
            heap: std::collections::BinaryHeap::new(),
        };
        let offer_group = |top: &mut TopCourses, group: &Group, s: usize, bucket_score: u32| {
            for &c in &self.postings[group.start as usize..group.end as usize] {
                if let Some(weight) = title_weight(c, s) {
                    let key = similar_key(bucket_score + weight, title_rank[c as usize]);
                    top.offer(key, c, || excluded(c));
                }
            }
        };
        // (1) The courses with the `s`-th word and none of the rarer ones.
        for (s, &(word, _)) in words.iter().enumerate() {
            // Then nothing with this word or a later one can enter: the bound
            // only falls from word to word.
            if similar_key(best_bucket + rest[s], 0) >= top.bar() {
                break;
            }
            let groups = self.groups_of(word);
            for &(bucket, score) in &best_first {
                if similar_key(score + rest[s], 0) >= top.bar() {
                    break;
                }
                if let Ok(g) = groups.binary_search_by_key(&bucket, |g| g.bucket) {
                    offer_group(&mut top, &groups[g], s, score);
                }
            }
            if similar_key(1 + rest[s], 0) >= top.bar() {
                continue;
            }
            for group in groups {
                let score = kind_score(group.bucket);
                let other = sharing
                    .binary_search_by_key(&group.bucket, |&(b, _)| b)
                    .is_err();
                if other && similar_key(score + rest[s], 0) < top.bar() {
                    offer_group(&mut top, group, s, score);
                }
            }
        }
        // (2) The courses with none of the words: one score per bucket, so
        // those after a bucket's first ones that enter cannot.
        for &(bucket, score) in &best_first {
            if similar_key(score, 0) >= top.bar() {
                break;
            }
            for &c in self.members.get(bucket) {
                if title_weight(c, words.len()).is_none() {
                    continue;
                }
                let key = similar_key(score, title_rank[c as usize]);
                if key >= top.bar() {
                    break;
                }
                top.offer(key, c, || excluded(c));
            }
        }
        top.heap
            .into_sorted_vec()
            .into_iter()
            .map(|(_, c)| c)
            .collect()
    }
}

impl Explorer {
    /// Indexes `catalogue`; `now` is the current time in unix seconds.
    pub fn new(catalogue: Catalogue, now: i64) -> Explorer {
        ExplorerBuilder::new(catalogue, now).finish()
    }

    /// The facet value lists (domain ids, regions).
    pub fn facet_index(&self) -> &FacetIndex {
        &self.facets
    }

    /// The search index (for "this may already exist" lookups elsewhere).
    pub fn search_index(&self) -> &SearchIndex {
        &self.index
    }

    /// The position of the course `id`.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).map(|&p| p as usize)
    }

    /// Reference time for "upcoming".
    pub fn now(&self) -> i64 {
        self.now
    }

    fn matching(&self, text: &str, filters: &Filters) -> (Vec<u32>, FacetCounts, Matcher, bool) {
        match self.index.search(text) {
            Some((hits, matcher)) => {
                let (passing, counts) = self.facets.apply(hits.iter().map(|h| h.doc), filters);
                (passing, counts, matcher, true)
            }
            None => {
                let (passing, counts) = self
                    .facets
                    .apply(0..self.catalogue.courses.len() as u32, filters);
                (passing, counts, Matcher::default(), false)
            }
        }
    }

    /// Runs a query.
    pub fn run(&self, query: &CatalogueQuery) -> Results {
        let (mut all, counts, matcher, ranked) = self.matching(&query.text, &query.filters);
        let courses = &self.catalogue.courses;
        match query.sort {
            // Search hits come best first; without text, relevance is title order.
            Sort::Relevance if ranked => {}
            // Title ranks are distinct: one integer sort.
            Sort::Relevance | Sort::Title => {
                let mut keys: Vec<u64> = all
                    .iter()
                    .map(|&d| (u64::from(self.title_rank[d as usize]) << 32) | u64::from(d))
                    .collect();
                sort::sort_keys(&mut keys);
                all = keys.into_iter().map(|key| key as u32).collect();
            }
            // The session the card announces: the filters' own (region,
            // format), with seats left, in a place the search names first.
            // One key per course, computed without allocating (see
            // `announced_start`); title ranks are distinct, so the keys are.
            Sort::NextSession => {
                let passes = query.filters.session_test();
                let mut named = NamedPlaces::default();
                let mut keys: Vec<(bool, i64, u32, u32)> = all
                    .iter()
                    .map(|&d| {
                        let next = self.announced_start(
                            &courses[d as usize],
                            &passes,
                            &matcher,
                            &mut named,
                        );
                        let rank = self.title_rank[d as usize];
                        (next.is_none(), next.unwrap_or(0), rank, d)
                    })
                    .collect();
                keys.sort_unstable();
                all = keys.into_iter().map(|(.., d)| d).collect();
            }
            Sort::Duration => sort::sort_by(&mut all, |&a, &b| {
                let (ca, cb) = (&courses[a as usize], &courses[b as usize]);
                ca.duration_hours
                    .total_cmp(&cb.duration_hours)
                    .then(self.title_rank[a as usize].cmp(&self.title_rank[b as usize]))
            }),
        }
        let pages = all.len().div_ceil(PAGE_SIZE).max(1) as u32;
        let page = query.page.clamp(1, pages);
        let start = (page as usize - 1) * PAGE_SIZE;
        let page_items = all.iter().skip(start).take(PAGE_SIZE).copied().collect();
        Results {
            page_items,
            all,
            counts,
            matcher,
            page,
            pages,
        }
    }

    /// The courses matching `text`, in no particular order (all when no text).
    fn text_matches(&self, text: &str) -> Vec<u32> {
        match self.index.search(text) {
            Some((hits, _)) => hits.iter().map(|h| h.doc).collect(),
            None => (0..self.catalogue.courses.len() as u32).collect(),
        }
    }

    fn count(&self, candidates: &[u32], filters: &Filters) -> usize {
        self.facets
            .apply(candidates.iter().copied(), filters)
            .0
            .len()
    }

    /// Wider queries that give results: each active filter value dropped alone,
    /// then all filters, then the search text. Best first, at most `limit`.
    pub fn suggestions(&self, query: &CatalogueQuery, limit: usize) -> Vec<Suggestion> {
        let mut out = Vec::new();
        let base = CatalogueQuery {
            page: 1,
            ..query.clone()
        };
        let f = &query.filters;
        // Each selected value dropped alone.
        let variants = f.active().into_iter().map(|value| {
            let mut wider = f.clone();
            wider.remove(&value);
            (wider, value)
        });
        // The text is searched once; each variant only re-applies filters.
        let matched = self.text_matches(&query.text);
        for (filters, value) in variants {
            let count = self.count(&matched, &filters);
            if count > 0 {
                out.push(Suggestion {
                    query: CatalogueQuery {
                        filters,
                        ..base.clone()
                    },
                    count,
                    dropped: Dropped::Filter(value),
                });
            }
        }
        if !f.is_empty() {
            let count = self.count(&matched, &Filters::default());
            if count > 0 {
                out.push(Suggestion {
                    query: CatalogueQuery {
                        filters: Filters::default(),
                        ..base.clone()
                    },
                    count,
                    dropped: Dropped::AllFilters,
                });
            }
        }
        if !query.text.trim().is_empty() {
            let count = self.count(&self.text_matches(""), f);
            if count > 0 {
                out.push(Suggestion {
                    query: CatalogueQuery {
                        text: String::new(),
                        ..base.clone()
                    },
                    count,
                    dropped: Dropped::Text,
                });
            }
        }
        sort::sort_by_key(&mut out, |s| std::cmp::Reverse(s.count));
        out.truncate(limit);
        out
    }

    /// Courses most like `doc`: shared domains, same kind, shared title words.
    ///
    /// Every other course (but the modules of a parcours) scores 3 per domain
    /// it shares with `doc` (its own domains counted as listed), 2 per title
    /// word of `doc` longer than 3 bytes that is a word of its folded title, and
    /// 1 for the same kind; those scoring at least 3 come best first, ties in
    /// title order, at most `limit`. [`SimilarIndex`] finds them without scoring
    /// every course.
    pub fn similar(&self, doc: usize, limit: usize) -> Vec<u32> {
        let courses = &self.catalogue.courses;
        if doc >= courses.len() || limit == 0 {
            return Vec::new();
        }
        self.similar_index
            .get_or_init(|| SimilarIndex::build(self))
            .similar(courses, &self.title_rank, doc, limit)
    }

    /// Whether [`Explorer::similar`] has what it looks up (built by its first
    /// call, or by a [`SimilarBuilder`] kept with [`Explorer::keep_similar`]):
    /// if not, its next call builds it first, in one go.
    pub fn has_similar(&self) -> bool {
        self.similar_index.get().is_some()
    }

    /// Keeps what `builder` built for [`Explorer::similar`] (nothing if it
    /// has not finished, or if the explorer has it already).
    pub fn keep_similar(&self, builder: SimilarBuilder) {
        if let Some(index) = builder.index {
            let _ = self.similar_index.set(index);
        }
    }

    /// The sessions of `course` that `filters` keep, soonest first: upcoming,
    /// in a selected region (if any), of a selected format (if any). Cards,
    /// the next-session sort and the course page all state facts from these.
    pub fn matching_sessions<'a>(&self, course: &'a Course, filters: &Filters) -> Vec<&'a Session> {
        let passes = filters.session_test();
        let mut sessions: Vec<&Session> = course
            .upcoming_sessions(self.now)
            .filter(|s| passes(s))
            .collect();
        sort::sort_by_key(&mut sessions, |s| s.start.unix);
        sessions
    }

    /// The first of [`Self::matching_sessions`] that still has seats (unknown
    /// counts as available).
    pub fn next_open_session<'a>(
        &self,
        course: &'a Course,
        filters: &Filters,
    ) -> Option<&'a Session> {
        self.matching_sessions(course, filters)
            .into_iter()
            .find(|s| !is_full(s))
    }

    /// The start of [`Self::announced_session`] with `passes` the filters'
    /// [`Filters::session_test`], without collecting or sorting sessions:
    /// the sort computes it for every matching course. `named` remembers
    /// which places the search names (each is folded once).
    fn announced_start(
        &self,
        course: &Course,
        passes: &impl Fn(&Session) -> bool,
        matcher: &Matcher,
        named: &mut NamedPlaces,
    ) -> Option<i64> {
        // The soonest open session, and the soonest in a named place: ties
        // keep the catalogue's order, as the stable sort of the sessions.
        let (mut first, mut first_named): (Option<i64>, Option<i64>) = (None, None);
        for s in course.upcoming_sessions(self.now) {
            let start = s.start.unix;
            if first_named.is_some_and(|n| n <= start) || is_full(s) || !passes(s) {
                continue;
            }
            if first.is_none_or(|f| start < f) {
                first = Some(start);
            }
            if !matcher.is_empty()
                && s.place.as_ref().is_some_and(|p| {
                    named.names(matcher, &p.city) || named.names(matcher, &p.region)
                })
            {
                first_named = Some(start);
            }
        }
        first_named.or(first)
    }

    /// The session a card announces and the next-session sort orders by:
    /// [`Self::next_open_session`], but one in a place the search names first
    /// ("Lyon" announces the Lyon session, not an earlier one in Orléans).
    pub fn announced_session<'a>(
        &self,
        course: &'a Course,
        filters: &Filters,
        matcher: &Matcher,
    ) -> Option<&'a Session> {
        let open: Vec<&Session> = self
            .matching_sessions(course, filters)
            .into_iter()
            .filter(|s| !is_full(s))
            .collect();
        let named = |s: &&&Session| {
            s.place
                .as_ref()
                .is_some_and(|p| matcher.names_place(&p.city) || matcher.names_place(&p.region))
        };
        open.iter().find(named).or(open.first()).copied()
    }

    /// Filter values the URL (or a widget attribute) names but this catalogue
    /// does not offer: unknown domain ids and regions. The catalogue view
    /// drops them (no tag, no empty result) and warns in the console.
    pub fn unknown_values(&self, query: &CatalogueQuery) -> Vec<FilterValue> {
        query
            .filters
            .active()
            .into_iter()
            .filter(|v| !self.facets.offers(v))
            .collect()
    }

    /// The console warning for each of [`Self::unknown_values`], naming the
    /// values the catalogue offers for that filter.
    pub fn unknown_value_warnings(&self, query: &CatalogueQuery) -> Vec<String> {
        self.unknown_values(query)
            .iter()
            .map(|value| {
                let key = value.key();
                let valid: Vec<_> = self
                    .facets
                    .values(key)
                    .iter()
                    .map(FilterValue::url_value)
                    .collect();
                format!(
                    "[campus] unknown filter value {}={:?} ignored; valid values: {}",
                    key.url_key(),
                    value.url_value(),
                    valid.join(", ")
                )
            })
            .collect()
    }

    /// `query` without the values of [`Self::unknown_values`] (and without
    /// repeated values).
    pub fn sanitize(&self, mut query: CatalogueQuery) -> CatalogueQuery {
        let mut kept = Filters::default();
        for value in query.filters.active() {
            if self.facets.offers(&value) {
                kept.insert(value);
            }
        }
        query.filters = kept;
        query
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::model::{Kind, Parsed};
    use crate::catalogue::synthetic::catalogue_json;

    const NOW: i64 = 1_795_000_000;

    fn explorer() -> Explorer {
        Explorer::new(
            Parsed::from_json(&catalogue_json(300, 5))
                .unwrap()
                .catalogue,
            NOW,
        )
    }

    #[test]
    fn the_sliced_title_sort_is_a_plain_sort() {
        let mut rng = crate::catalogue::synthetic::Rng::new(3);
        for n in [0, 1, 2, RUN - 1, RUN, RUN + 1, 3 * RUN + 17, 9 * RUN] {
            // Few distinct keys: many ties, broken by position.
            let keys: Vec<String> = (0..n).map(|_| format!("t{}", rng.below(50))).collect();
            let mut pairs: Vec<(String, u32)> = keys.iter().cloned().zip(0..n as u32).collect();
            pairs.sort();
            let expected: Vec<u32> = pairs.into_iter().map(|(_, i)| i).collect();
            for budget in [1, 7, RUN, usize::MAX] {
                let mut sort = TitleSort {
                    keys: keys.clone(),
                    ..TitleSort::default()
                };
                sort.start();
                let mut calls = 0;
                while !sort.step(budget) {
                    calls += 1;
                    assert!(calls < 10_000_000, "the sort must end");
                }
                assert_eq!(sort.order, expected, "{n} {budget}");
            }
        }
    }

    #[test]
    fn the_chunked_build_is_the_one_shot_build() {
        let text = catalogue_json(1200, 31).replacen(
            r#""version":1,"#,
            r#""version":1,"synonyms":[["ia","intelligence artificielle"],["rgaa","accessibilité"]],"#,
            1,
        );
        let catalogue = Parsed::from_json(&text).unwrap().catalogue;
        let one_shot = Explorer::new(catalogue.clone(), NOW);
        // Title order as it was computed in one go: a plain sort of the pairs.
        let mut order: Vec<(String, u32)> = catalogue
            .courses
            .iter()
            .enumerate()
            .map(|(i, c)| (fold(&c.title), i as u32))
            .collect();
        order.sort();
        let mut title_rank = vec![0u32; order.len()];
        for (rank, (_, doc)) in order.iter().enumerate() {
            title_rank[*doc as usize] = rank as u32;
        }
        assert_eq!(one_shot.title_rank, title_rank);
        assert_eq!(
            one_shot.search_index(),
            &build_search_index(&catalogue, NOW),
            "the sliced index is the one-shot index"
        );
        assert_eq!(one_shot.facets, FacetIndex::build(&catalogue, NOW));
        let queries = [
            "",
            "sécurité",
            "gestion de cr",
            "accessibilite numerique",
            "ia",
            "agilte",
            "Lyon",
            "parcours donnees",
        ];
        for count in [1, 7, 500, usize::MAX] {
            let mut builder = ExplorerBuilder::new(catalogue.clone(), NOW);
            let mut calls = 0usize;
            while !builder.step(count) {
                calls += 1;
                assert!(calls < 100_000, "the build must end");
            }
            let chunked = builder.finish();
            assert!(chunked == one_shot, "{count}");
            for text in queries {
                for sort in [
                    Sort::Relevance,
                    Sort::Title,
                    Sort::NextSession,
                    Sort::Duration,
                ] {
                    let query = CatalogueQuery {
                        text: text.into(),
                        sort,
                        ..CatalogueQuery::default()
                    };
                    assert_eq!(chunked.run(&query), one_shot.run(&query), "{count} {text}");
                }
            }
        }
        // Finishing early does the rest; an empty catalogue builds too.
        let mut builder = ExplorerBuilder::new(catalogue.clone(), NOW);
        builder.step(10);
        assert!(builder.finish() == one_shot);
        let empty = ExplorerBuilder::new(Catalogue::default(), NOW).finish();
        assert!(empty == Explorer::new(Catalogue::default(), NOW));
    }

    #[test]
    fn pages_cover_all_results_once() {
        let ex = explorer();
        let q = CatalogueQuery {
            page: 1,
            ..CatalogueQuery::default()
        };
        let first = ex.run(&q);
        assert_eq!(first.all.len(), 300);
        assert_eq!(first.pages, 15);
        let mut seen = Vec::new();
        for page in 1..=first.pages {
            seen.extend(ex.run(&CatalogueQuery { page, ..q.clone() }).page_items);
        }
        assert_eq!(seen, first.all);
        // Out-of-range pages are clamped, not errors.
        assert_eq!(
            ex.run(&CatalogueQuery {
                page: 999,
                ..q.clone()
            })
            .page,
            15
        );
    }

    #[test]
    fn the_next_session_sort_is_by_the_announced_session() {
        let ex = Explorer::new(
            Parsed::from_json(&catalogue_json(2_000, 11))
                .unwrap()
                .catalogue,
            NOW,
        );
        let region = ex
            .catalogue
            .courses
            .iter()
            .flat_map(|c| &c.sessions)
            .find_map(|s| s.place.as_ref())
            .unwrap()
            .region
            .clone();
        let queries = [
            CatalogueQuery::default(),
            CatalogueQuery::filtered_on(FilterValue::Region(region.clone())),
            CatalogueQuery::filtered_on(FilterValue::Format(Format::Presentiel)),
            CatalogueQuery {
                text: "Lyon".into(),
                ..CatalogueQuery::default()
            },
            CatalogueQuery {
                text: region,
                ..CatalogueQuery::default()
            },
            CatalogueQuery {
                text: "sécurité paris".into(),
                ..CatalogueQuery::default()
            },
        ];
        for query in queries {
            let query = CatalogueQuery {
                sort: Sort::NextSession,
                ..query
            };
            let results = ex.run(&query);
            // The order of the key the sort had: the announced session's start,
            // courses without one last, ties in title order.
            let mut expected = results.all.clone();
            expected.sort_by_cached_key(|&d| {
                let next = ex
                    .announced_session(
                        &ex.catalogue.courses[d as usize],
                        &query.filters,
                        &results.matcher,
                    )
                    .map(|s| s.start.unix);
                (next.is_none(), next, ex.title_rank[d as usize])
            });
            assert!(!expected.is_empty(), "{query:?}");
            assert_eq!(results.all, expected, "{query:?}");
        }
    }

    #[test]
    fn the_sliced_similar_build_is_the_one_shot_build() {
        let ex = explorer();
        let sliced = explorer();
        assert!(!sliced.has_similar());
        let mut builder = SimilarBuilder::default();
        let mut steps = 0;
        while !builder.step(&sliced, 7) {
            steps += 1;
        }
        assert!(steps > 300 / 7, "{steps} steps");
        sliced.keep_similar(builder);
        assert!(sliced.has_similar());
        for doc in 0..ex.catalogue.courses.len() {
            assert_eq!(sliced.similar(doc, 4), ex.similar(doc, 4), "course {doc}");
        }
        assert_eq!(sliced.similar_index.get(), ex.similar_index.get());
    }

    #[test]
    fn sorts_are_total_and_stable() {
        let ex = explorer();
        let by = |sort| {
            ex.run(&CatalogueQuery {
                sort,
                page: 1,
                ..CatalogueQuery::default()
            })
            .all
        };
        let titles: Vec<String> = by(Sort::Title)
            .iter()
            .map(|&d| fold(&ex.catalogue.courses[d as usize].title))
            .collect();
        assert!(titles.windows(2).all(|w| w[0] <= w[1]));
        let durations: Vec<f32> = by(Sort::Duration)
            .iter()
            .map(|&d| ex.catalogue.courses[d as usize].duration_hours)
            .collect();
        assert!(durations.windows(2).all(|w| w[0] <= w[1]));
        let next: Vec<Option<i64>> = by(Sort::NextSession)
            .iter()
            .map(|&d| {
                ex.next_open_session(&ex.catalogue.courses[d as usize], &Filters::default())
                    .map(|s| s.start.unix)
            })
            .collect();
        let first_none = next.iter().position(Option::is_none).unwrap_or(next.len());
        assert!(
            next[first_none..].iter().all(Option::is_none),
            "courses without sessions last"
        );
        assert!(next[..first_none].windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn no_results_suggests_what_to_drop_with_counts() {
        let ex = explorer();
        // Narrow enough to match nothing: every filter value excludes the others.
        let q = CatalogueQuery::from_query_string(
            "type=sur-mesure&niveau=expert&gratuit=1&format=e-learning&duree=moins-3h&public=managers",
        );
        assert!(ex.run(&q).all.is_empty());
        let suggestions = ex.suggestions(&q, 10);
        assert!(!suggestions.is_empty());
        for s in &suggestions {
            assert_eq!(ex.run(&s.query).all.len(), s.count, "{:?}", s.dropped);
            assert!(s.count > 0);
        }
        assert!(suggestions.windows(2).all(|w| w[0].count >= w[1].count));
        assert!(suggestions.iter().any(|s| s.dropped == Dropped::AllFilters));

        // An unmatched text: the only way out is to drop it.
        let s = ex.suggestions(&CatalogueQuery::from_query_string("q=zzzzzzzz"), 5);
        assert_eq!(s.len(), 1);
        assert_eq!((s[0].dropped.clone(), s[0].count), (Dropped::Text, 300));
    }

    #[test]
    fn similar_courses_share_a_domain_and_exclude_the_course_itself() {
        let ex = explorer();
        let similar = ex.similar(0, 4);
        assert!(!similar.is_empty() && similar.len() <= 4);
        let c0 = &ex.catalogue.courses[0];
        for d in similar {
            assert_ne!(d, 0);
            let c = &ex.catalogue.courses[d as usize];
            assert!(c.domains.iter().any(|x| c0.domains.contains(x)) || c.kind == Kind::Module);
        }
    }

    /// [`Explorer::similar`] as it was, scoring every course, for every limit
    /// at once: all the courses scoring at least 3, best first.
    fn similar_by_scoring_every_course(ex: &Explorer, titles: &[String], doc: usize) -> Vec<u32> {
        let courses = &ex.catalogue.courses;
        let course = &courses[doc];
        let words: Vec<String> = crate::catalogue::search::query_words(&course.title)
            .into_iter()
            .filter(|w| w.len() > 3)
            .collect();
        let mut scored: Vec<(u32, u32)> = courses
            .iter()
            .zip(titles)
            .enumerate()
            .filter(|(i, (c, _))| *i != doc && !course.modules.contains(&c.id))
            .map(|(i, (c, title))| {
                let shared_domains = c
                    .domains
                    .iter()
                    .filter(|d| course.domains.contains(d))
                    .count() as u32;
                let shared_words = words
                    .iter()
                    .filter(|w| title.split(' ').any(|t| t == w.as_str()))
                    .count() as u32;
                let score =
                    shared_domains * 3 + shared_words * 2 + u32::from(c.kind == course.kind);
                (score, i as u32)
            })
            .filter(|(score, _)| *score >= 3)
            .collect();
        scored.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then(ex.title_rank[a.1 as usize].cmp(&ex.title_rank[b.1 as usize]))
        });
        scored.into_iter().map(|(_, i)| i).collect()
    }

    /// Checks [`Explorer::similar`] against scoring every course, for every
    /// course of `ex` and each of `limits`.
    fn assert_similar_is_scoring_every_course(ex: &Explorer, limits: &[usize]) {
        let titles: Vec<String> = ex
            .catalogue
            .courses
            .iter()
            .map(|c| fold(&c.title))
            .collect();
        for doc in 0..ex.catalogue.courses.len() {
            let all = similar_by_scoring_every_course(ex, &titles, doc);
            for &limit in limits {
                let expected = &all[..all.len().min(limit)];
                assert_eq!(
                    ex.similar(doc, limit),
                    expected,
                    "course {doc} ({:?}), limit {limit}",
                    ex.catalogue.courses[doc].title
                );
            }
        }
        let n = ex.catalogue.courses.len();
        assert!(ex.similar(n, 4).is_empty(), "no such course");
    }

    #[test]
    fn similar_is_scoring_every_course_on_a_synthetic_catalogue() {
        // Few distinct titles and domain pairs: many ties; parcours list
        // modules, which never come up for them.
        let ex = Explorer::new(
            Parsed::from_json(&catalogue_json(2500, 11))
                .unwrap()
                .catalogue,
            NOW,
        );
        assert_similar_is_scoring_every_course(&ex, &[0, 1, 4, 10]);
    }

    /// A course for the hand-made catalogues: `template` with these fields.
    fn course_like(
        template: &Course,
        id: &str,
        kind: Kind,
        title: &str,
        domains: &[&str],
        modules: &[&str],
    ) -> Course {
        let mut course = template.clone();
        course.id = id.into();
        course.kind = kind;
        course.title = title.into();
        course.domains = domains.iter().map(|d| d.to_string()).collect();
        course.modules = modules.iter().map(|m| m.to_string()).collect();
        course
    }

    #[test]
    fn similar_is_scoring_every_course_on_edge_cases() {
        let base = explorer().catalogue;
        let t = &base.courses[0];
        let (m, p, s) = (Kind::Module, Kind::Parcours, Kind::SurMesure);
        let courses = vec![
            // Ties: the same title, domains and kind, several times.
            course_like(t, "a1", m, "Piloter la donnée publique", &["data"], &[]),
            course_like(t, "a2", m, "Piloter la donnée publique", &["data"], &[]),
            course_like(t, "a3", m, "Piloter la donnée publique", &["data"], &[]),
            course_like(t, "a4", m, "Piloter la donnée publique", &["data"], &[]),
            course_like(t, "a5", m, "Piloter la donnée publique", &["data"], &[]),
            course_like(
                t,
                "a6",
                m,
                "Piloter la donnee publique",
                &["data", "cyber"],
                &[],
            ),
            // Parcours whose modules never come up for them, one of them
            // listed twice and one that is no course.
            course_like(
                t,
                "p1",
                p,
                "Parcours donnée publique",
                &["data"],
                &["a1", "a2", "a2", "zz"],
            ),
            course_like(
                t,
                "p2",
                p,
                "Parcours donnée publique",
                &["data"],
                &["a3", "p1"],
            ),
            // Two courses with one id: a parcours listing it skips both.
            course_like(t, "dup", m, "Sécurité des données", &["cyber"], &[]),
            course_like(t, "dup", s, "Sécurité des données", &["cyber", "data"], &[]),
            course_like(t, "p3", p, "Sécurité des données", &["cyber"], &["dup"]),
            // No domain at all: only words and kind.
            course_like(t, "n1", m, "Sécurité publique", &[], &[]),
            course_like(t, "n2", s, "Donnée publique et sécurité", &[], &[]),
            course_like(t, "n3", m, "Autre chose", &[], &[]),
            // Only short words (none compared), or none.
            course_like(t, "s1", m, "IA et UX", &["data"], &[]),
            course_like(t, "s2", m, "Le SI", &["cyber"], &[]),
            course_like(t, "s3", s, "", &["data"], &[]),
            // A domain listed twice counts twice (for the other course).
            course_like(t, "d1", m, "Cloud", &["cloud", "cloud"], &[]),
            course_like(t, "d2", s, "Cloud souverain", &["cloud"], &[]),
            course_like(t, "d3", p, "Cloud et data", &["data", "cloud", "data"], &[]),
            // Accents, composed and not (NFD), upper case, ligatures.
            course_like(t, "e1", m, "Sécurité numérique", &["cyber"], &[]),
            course_like(
                t,
                "e2",
                m,
                "Se\u{301}curite\u{301} nume\u{301}rique",
                &["cyber"],
                &[],
            ),
            course_like(t, "e3", s, "SÉCURITÉ NUMÉRIQUE", &["data"], &[]),
            course_like(t, "e4", m, "Œuvre numérique efficace", &["cloud"], &[]),
            course_like(t, "e5", m, "Oeuvre numerique eﬃcace", &["cloud"], &[]),
            // A word repeated in a title.
            course_like(t, "r1", m, "Données données données", &["data"], &[]),
            course_like(t, "r2", m, "Données ouvertes", &["cyber"], &[]),
        ];
        let catalogue = Catalogue {
            courses,
            ..base.clone()
        };
        let ex = Explorer::new(catalogue, NOW);
        let limits = [0, 1, 2, 3, 4, 5, 10, usize::MAX];
        assert_similar_is_scoring_every_course(&ex, &limits);
        // The modules of a parcours never come up for it.
        let p1 = ex.position("p1").unwrap();
        let found = ex.similar(p1, usize::MAX);
        assert!(!found.is_empty());
        assert!(found
            .iter()
            .all(|&d| !["a1", "a2"].contains(&ex.catalogue.courses[d as usize].id.as_str())));

        // Small random catalogues from a few words, domains and kinds: many
        // ties, empty and repeated domains, modules of any kind.
        let mut rng = crate::catalogue::synthetic::Rng::new(17);
        let vocabulary = [
            "data",
            "donnée",
            "donnee",
            "sécurité",
            "securite",
            "cloud",
            "agile",
            "piloter",
            "public",
            "et",
            "de",
            "IA",
            "UX",
            "numérique",
            "Numerique",
        ];
        let domains = ["data", "cyber", "cloud", "agile"];
        let kinds = [m, m, m, p, s];
        for _ in 0..40 {
            let n = 1 + rng.below(60);
            let courses: Vec<Course> = (0..n)
                .map(|i| {
                    let title: Vec<&str> =
                        (0..rng.below(5)).map(|_| *rng.pick(&vocabulary)).collect();
                    let own: Vec<&str> = (0..rng.below(4)).map(|_| *rng.pick(&domains)).collect();
                    let kind = *rng.pick(&kinds);
                    let ids: Vec<String> = (0..rng.below(4))
                        .map(|_| format!("c{}", rng.below(n)))
                        .collect();
                    let modules: Vec<&str> = if kind == p {
                        ids.iter().map(String::as_str).collect()
                    } else {
                        Vec::new()
                    };
                    course_like(t, &format!("c{i}"), kind, &title.join(" "), &own, &modules)
                })
                .collect();
            let ex = Explorer::new(
                Catalogue {
                    courses,
                    ..base.clone()
                },
                NOW,
            );
            let limits = [1, 2, 3, 4, 7, usize::MAX];
            assert_similar_is_scoring_every_course(&ex, &limits);
        }
    }

    /// One course with three upcoming sessions: Occitanie first (full), then
    /// Occitanie (open, distanciel), then Normandie (open, présentiel).
    fn regional() -> Explorer {
        let session = |id: &str, day: u32, city: &str, region: &str, format: &str, seats: u32| {
            format!(
                r#"{{"id":"{id}","start":"2030-03-{day:02}T09:30:00+01:00","end":"2030-03-{day:02}T12:30:00+01:00","format":"{format}","location":{{"city":"{city}","region":"{region}"}},"seats_left":{seats}}}"#
            )
        };
        let sessions = [
            session("s1", 3, "Toulouse", "Occitanie", "presentiel", 0),
            session("s2", 10, "Montpellier", "Occitanie", "distanciel", 5),
            session("s3", 17, "Rouen", "Normandie", "presentiel", 5),
        ]
        .join(",");
        let other = session("t1", 5, "Caen", "Normandie", "presentiel", 3);
        let json = format!(
            r#"{{"version":1,"updated":"2026-11-20","domains":[{{"id":"data","label":"Data","description":"D."}}],
            "courses":[
              {{"id":"a","kind":"module","title":"Alpha","summary":"S.","description":"D.","domains":["data"],"level":"decouverte","audience":["tous-agents"],"format":"hybride","duration_hours":3,"provider":"DINUM","free":true,"objectives":[],"prerequisites":[],"sessions":[{sessions}]}},
              {{"id":"b","kind":"module","title":"Beta","summary":"S.","description":"D.","domains":["data"],"level":"decouverte","audience":["tous-agents"],"format":"presentiel","duration_hours":3,"provider":"DINUM","free":true,"objectives":[],"prerequisites":[],"sessions":[{other}]}}
            ]}}"#
        );
        Explorer::new(Parsed::from_json(&json).unwrap().catalogue, NOW)
    }

    /// The ids a search for `text` finds, in order.
    fn found(ex: &Explorer, text: &str) -> Vec<String> {
        let results = ex.run(&CatalogueQuery {
            text: text.into(),
            ..CatalogueQuery::default()
        });
        results
            .all
            .iter()
            .map(|&d| ex.catalogue.courses[d as usize].id.clone())
            .collect()
    }

    #[test]
    fn a_card_announces_the_session_in_the_place_searched() {
        let ex = regional();
        let a = &ex.catalogue.courses[0];
        let none = Filters::default();
        let soonest = ex.announced_session(a, &none, &ex.run(&CatalogueQuery::default()).matcher);
        assert_eq!(
            soonest.map(|s| s.id.as_str()),
            Some("s2"),
            "s1 is full: the next open one"
        );
        // The next-session sort orders by the same session: searching "lyon",
        // c1 is announced (and sorted) at its Lyon date, after c2's.
        let session = |id: &str, day: u32, city: &str| {
            format!(
                r#"{{"id":"{id}","start":"2030-03-{day:02}T09:30:00+01:00","end":"2030-03-{day:02}T12:30:00+01:00","format":"presentiel","location":{{"city":"{city}","region":"R"}}}}"#
            )
        };
        let course = |id: &str, sessions: &[String]| {
            format!(
                r#"{{"id":"{id}","kind":"module","title":"Gamma {id}","summary":"S.","description":"D.","domains":["data"],"level":"decouverte","audience":["tous-agents"],"format":"presentiel","duration_hours":3,"provider":"DINUM","free":true,"objectives":[],"prerequisites":[],"sessions":[{}]}}"#,
                sessions.join(",")
            )
        };
        let json = format!(
            r#"{{"version":1,"updated":"2026-11-20","domains":[{{"id":"data","label":"Data","description":"D."}}],"courses":[{},{}]}}"#,
            course("c1", &[session("p", 5, "Paris"), session("l", 20, "Lyon")]),
            course("c2", &[session("m", 10, "Lyon")]),
        );
        let two = Explorer::new(Parsed::from_json(&json).unwrap().catalogue, NOW);
        let sorted = |text: &str| -> Vec<String> {
            let q = CatalogueQuery {
                text: text.into(),
                sort: Sort::NextSession,
                ..CatalogueQuery::default()
            };
            two.run(&q)
                .all
                .iter()
                .map(|&d| two.catalogue.courses[d as usize].id.clone())
                .collect()
        };
        assert_eq!(sorted("gamma"), ["c1", "c2"]);
        assert_eq!(sorted("gamma lyon"), ["c2", "c1"]);
        for (text, session) in [
            ("alpha rouen", "s3"),
            ("normandie", "s3"),
            ("rou", "s3"),
            ("montpellier", "s2"),
            ("alpha", "s2"),
        ] {
            let matcher = ex
                .run(&CatalogueQuery {
                    text: text.into(),
                    ..CatalogueQuery::default()
                })
                .matcher;
            assert_eq!(
                ex.announced_session(a, &none, &matcher)
                    .map(|s| s.id.as_str()),
                Some(session),
                "{text}"
            );
        }
    }

    #[test]
    fn places_are_searched_in_sessions_to_come_and_formats_by_their_words() {
        // 2026-11-20: one course was in Lyon in 2025 and is now online only.
        let json = r#"{"version":1,"updated":"2026-11-20","domains":[{"id":"data","label":"Data","description":"D."}],
            "synonyms":[["ia","intelligence artificielle","ai","artificial intelligence"]],
            "courses":[
              {"id":"past-lyon","kind":"module","title":"Alpha","summary":"S.","description":"D.","domains":["data"],"level":"decouverte","audience":["tous-agents"],"format":"e-learning","duration_hours":3,"provider":"DINUM","free":true,"objectives":[],"prerequisites":[],
               "sessions":[{"id":"p1","start":"2025-03-03T09:30:00+01:00","end":"2025-03-03T12:30:00+01:00","format":"presentiel","location":{"city":"Lyon","region":"Auvergne-Rhône-Alpes"}}]},
              {"id":"lyon","kind":"module","title":"Beta","summary":"S.","description":"D.","domains":["data"],"level":"decouverte","audience":["tous-agents"],"format":"presentiel","duration_hours":3,"provider":"DINUM","free":true,"objectives":[],"prerequisites":[],
               "sessions":[{"id":"l1","start":"2030-03-03T09:30:00+01:00","end":"2030-03-03T12:30:00+01:00","format":"presentiel","location":{"city":"Lyon","region":"Auvergne-Rhône-Alpes"}}]},
              {"id":"ia","kind":"module","title":"L'intelligence artificielle au bureau","summary":"S.","description":"D.","domains":["data"],"level":"decouverte","audience":["tous-agents"],"format":"distanciel","duration_hours":3,"provider":"DINUM","free":true,"objectives":[],"prerequisites":[],"sessions":[]}
            ]}"#;
        let ex = Explorer::new(Parsed::from_json(json).unwrap().catalogue, NOW);
        assert_eq!(
            found(&ex, "Lyon"),
            ["lyon"],
            "a past session's city does not answer"
        );
        assert_eq!(found(&ex, "e-learning"), ["past-lyon"]);
        assert_eq!(found(&ex, "en ligne"), ["past-lyon", "ia"]);
        assert_eq!(found(&ex, "présentiel"), ["lyon"]);
        assert_eq!(found(&ex, "distanciel"), ["ia"]);
        assert_eq!(
            found(&ex, "AI"),
            ["ia"],
            "English for IA, through the catalogue's synonyms"
        );
    }

    fn regions(values: &[&str]) -> Filters {
        Filters {
            regions: values.iter().map(|v| v.to_string()).collect(),
            ..Filters::default()
        }
    }

    #[test]
    fn a_region_filter_narrows_the_announced_session_and_the_sort() {
        let ex = regional();
        let a = &ex.catalogue.courses[0];
        // Without filters: the first open session (the full one is skipped).
        assert_eq!(
            ex.next_open_session(a, &Filters::default()).unwrap().id,
            "s2"
        );
        // In Normandie: the Normandie session, never an Occitanie date.
        let normandie = regions(&["Normandie"]);
        assert_eq!(ex.next_open_session(a, &normandie).unwrap().id, "s3");
        let ids: Vec<_> = ex
            .matching_sessions(a, &normandie)
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(ids, ["s3"]);
        // Format narrows too.
        let distanciel = Filters {
            formats: vec![crate::catalogue::model::Format::Distanciel],
            ..Filters::default()
        };
        assert_eq!(ex.next_open_session(a, &distanciel).unwrap().id, "s2");
        // The next-session sort uses the narrowed dates: in Normandie, Beta
        // (5 March) comes before Alpha (17 March), though Alpha's first
        // session overall (3 March) is earlier.
        let q = CatalogueQuery {
            filters: normandie,
            sort: Sort::NextSession,
            page: 1,
            ..CatalogueQuery::default()
        };
        let order: Vec<_> = ex
            .run(&q)
            .all
            .iter()
            .map(|&d| ex.catalogue.courses[d as usize].id.as_str())
            .collect();
        assert_eq!(order, ["b", "a"]);
    }

    #[test]
    fn unknown_filter_values_are_found_and_dropped() {
        let ex = regional();
        let q = CatalogueQuery::from_query_string(
            "domaine=cyber&domaine=data&domaine=data&region=Atlantide&region=Normandie",
        );
        assert_eq!(
            ex.unknown_values(&q),
            [
                FilterValue::Domain("cyber".into()),
                FilterValue::Region("Atlantide".into())
            ]
        );
        assert_eq!(
            ex.unknown_value_warnings(&q),
            [
                r#"[campus] unknown filter value domaine="cyber" ignored; valid values: data"#,
                r#"[campus] unknown filter value region="Atlantide" ignored; valid values: Normandie, Occitanie"#,
            ]
        );
        let clean = ex.sanitize(q);
        assert_eq!(clean.filters.domains, ["data"]);
        assert_eq!(clean.filters.regions, ["Normandie"]);
        assert!(ex.unknown_values(&clean).is_empty());
    }
}
