//! The similar courses of a course ([`Explorer::similar`]), looked up in an
//! index built a few courses at a time ([`SimilarBuilder`]).

use std::collections::HashMap;

use crate::catalogue::model::{Course, Kind};
use crate::catalogue::search::FxBuild;
use crate::catalogue::sliced::Sliced;
use crate::catalogue::sort;
use crate::catalogue::text::fold;

use super::explorer::Explorer;
use super::lists::{span, Lists};

/// The courses of one bucket that have one title word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Group {
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
pub(super) struct SimilarIndex {
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
pub(super) fn similar_key(score: u32, rank: u32) -> u64 {
    (u64::from(u32::MAX - score) << 32) | u64::from(rank)
}

/// The best `limit` courses offered, by [`similar_key`].
pub(super) struct TopCourses {
    limit: usize,
    /// (key, course), the worst on top.
    heap: std::collections::BinaryHeap<(u64, u32)>,
}

impl TopCourses {
    /// A course enters with a key below this: that of the worst one kept once
    /// there are `limit`; before, any score from 3.
    pub(super) fn bar(&self) -> u64 {
        match self.heap.peek() {
            Some(&(worst, _)) if self.heap.len() >= self.limit => worst,
            _ => similar_key(2, 0),
        }
    }

    /// Offers a course, checking `excluded` only if it would enter.
    pub(super) fn offer(&mut self, key: u64, doc: u32, excluded: impl FnOnce() -> bool) {
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
pub(super) enum SimilarStage {
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
/// [`ExplorerBuilder`]): run as a [`SimilarJob`], which hands it to
/// [`Explorer::keep_similar`] once built. The browser runs it once the catalogue is
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
    pub(super) index: Option<SimilarIndex>,
}

impl SimilarBuilder {
    /// Does about `courses` courses' worth of work on `explorer`'s catalogue
    /// (a stage after the first is done whole, each one pass over the
    /// courses or their title words). Returns `true` once built.
    pub(super) fn step(&mut self, explorer: &Explorer, courses: usize) -> bool {
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
    pub(super) fn add(&mut self, c: &Course) {
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
    pub(super) fn groups(&mut self) -> SimilarIndex {
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
        self.builder.step(self.explorer, courses)
    }

    /// Finishes the build and has the explorer keep it.
    fn finish(mut self) {
        while !self.step(usize::MAX) {}
        self.explorer.keep_similar(self.builder);
    }
}

impl SimilarIndex {
    pub(super) fn build(explorer: &Explorer) -> SimilarIndex {
        let mut builder = SimilarBuilder::default();
        while !builder.step(explorer, usize::MAX) {}
        builder.index.unwrap_or_default()
    }

    /// The groups of word `w`, by bucket.
    pub(super) fn groups_of(&self, w: u32) -> &[Group] {
        &self.groups[span(&self.word_groups, w)]
    }

    /// [`Explorer::similar`], for a course that exists and a `limit` from 1.
    pub(super) fn similar(
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
        for w in crate::catalogue::search::query_words(&course.title) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::explore::tests::{explorer, NOW};
    use crate::catalogue::model::{Catalogue, Parsed};
    use crate::catalogue::synthetic::catalogue_json;

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
}
