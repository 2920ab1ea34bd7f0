//! The similar courses of a course ([`Explorer::similar`](super::Explorer::similar)), looked up in an
//! index built a few courses at a time ([`SimilarBuilder`]).

use std::collections::HashMap;

use crate::catalogue::model::{Course, Kind};
use crate::catalogue::search::FxBuild;
use crate::catalogue::text::fold;
use crate::util::sort;

use super::lists::{span, Lists};

/// The courses of one bucket that have one title word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Group {
    bucket: u32,
    /// Its courses in [`SimilarIndex::postings`].
    start: u32,
    end: u32,
}

/// What [`Explorer::similar`](super::Explorer::similar) looks up instead of scoring every course.
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

/// Builds what [`Explorer::similar`](super::Explorer::similar) looks up a few courses at a time, so
/// that a large catalogue never blocks the page for long (as
/// [`ExplorerBuilder`]): run as a [`SimilarJob`], which hands it to
/// [`Explorer::keep_similar`](super::Explorer::keep_similar) once built. The browser runs it once the catalogue is
/// shown; without it, the first [`Explorer::similar`](super::Explorer::similar) builds it in one go.
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
    /// Does about `courses` courses' worth of work on the catalogue's
    /// courses `all`, whose title order is `title_rank` (a stage after the
    /// first is done whole, each one pass over the courses or their title
    /// words). Returns `true` once built.
    pub(super) fn step(&mut self, all: &[Course], title_rank: &[u32], courses: usize) -> bool {
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
                for (doc, &rank) in title_rank.iter().enumerate() {
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

impl SimilarIndex {
    pub(super) fn build(all: &[Course], title_rank: &[u32]) -> SimilarIndex {
        let mut builder = SimilarBuilder::default();
        while !builder.step(all, title_rank, usize::MAX) {}
        builder.index.unwrap_or_default()
    }

    /// The groups of word `w`, by bucket.
    pub(super) fn groups_of(&self, w: u32) -> &[Group] {
        &self.groups[span(&self.word_groups, w)]
    }

    /// [`Explorer::similar`](super::Explorer::similar), for a course that exists and a `limit` from 1.
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
mod tests;
