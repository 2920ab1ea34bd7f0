//! The pipeline itself: [`Explorer::run`] searches, filters, counts, sorts and
//! paginates; it also suggests wider searches, finds a course's similar
//! courses and announces a course's sessions.

use std::collections::HashMap;

use crate::catalogue::facets::{FacetCounts, FacetIndex};
use crate::catalogue::filters::{FilterValue, Filters};
use crate::catalogue::model::{Catalogue, Course, Session};
use crate::catalogue::offer::is_full;
use crate::catalogue::query::CatalogueQuery;
use crate::catalogue::search::{Matcher, SearchIndex};
use crate::catalogue::sliced::Sliced;
use crate::catalogue::url_value::Sort;
use crate::util::sort;

use super::similar::{SimilarBuilder, SimilarIndex};

/// Results per page.
pub const PAGE_SIZE: usize = 20;

/// A loaded catalogue with its indexes.
#[derive(Debug, Clone, PartialEq)]
pub struct Explorer {
    /// The catalogue.
    pub catalogue: Catalogue,
    pub(super) index: SearchIndex,
    pub(super) facets: FacetIndex,
    /// Position of each course in title order.
    pub(super) title_rank: Vec<u32>,
    /// Position of each course by id (course pages, bookmarks).
    pub(super) by_id: HashMap<String, u32>,
    /// Reference time for "upcoming" (unix seconds).
    pub(super) now: i64,
    /// What [`Explorer::similar`] looks up, made on its first call and kept:
    /// the static pages ask for the similar courses of every course, and
    /// scoring every other course for each page made them quadratic.
    pub(super) similar_index: std::sync::OnceLock<SimilarIndex>,
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

/// The places a search names, as found so far ([`Matcher::names_place`]
/// folds the place each time).
#[derive(Default)]
pub(super) struct NamedPlaces(HashMap<String, bool>);

impl NamedPlaces {
    pub(super) fn names(&mut self, matcher: &Matcher, place: &str) -> bool {
        if let Some(&named) = self.0.get(place) {
            return named;
        }
        let named = matcher.names_place(place);
        self.0.insert(place.to_owned(), named);
        named
    }
}

impl Explorer {
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

    pub(super) fn matching(
        &self,
        text: &str,
        filters: &Filters,
    ) -> (Vec<u32>, FacetCounts, Matcher, bool) {
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
    pub(super) fn text_matches(&self, text: &str) -> Vec<u32> {
        match self.index.search(text) {
            Some((hits, _)) => hits.iter().map(|h| h.doc).collect(),
            None => (0..self.catalogue.courses.len() as u32).collect(),
        }
    }

    pub(super) fn count(&self, candidates: &[u32], filters: &Filters) -> usize {
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
            .get_or_init(|| SimilarIndex::build(&self.catalogue.courses, &self.title_rank))
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
    pub(super) fn announced_start(
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

/// What [`Explorer::similar`] looks up, built for `explorer` as a [`Sliced`]
/// job (a unit of work is about one course's worth) and kept by it when
/// finished ([`Explorer::keep_similar`]).
#[derive(Debug)]
pub struct SimilarJob<'e> {
    explorer: &'e Explorer,
    builder: SimilarBuilder,
}

impl<'e> SimilarJob<'e> {
    /// Starts building what `explorer`'s similar courses look up.
    pub fn new(explorer: &'e Explorer) -> SimilarJob<'e> {
        SimilarJob {
            explorer,
            builder: SimilarBuilder::default(),
        }
    }
}

impl Sliced for SimilarJob<'_> {
    type Output = ();

    fn step(&mut self, courses: usize) -> bool {
        self.builder.step(
            &self.explorer.catalogue.courses,
            &self.explorer.title_rank,
            courses,
        )
    }

    /// Finishes the build and has the explorer keep it.
    fn finish(mut self) {
        while !self.step(usize::MAX) {}
        self.explorer.keep_similar(self.builder);
    }
}
