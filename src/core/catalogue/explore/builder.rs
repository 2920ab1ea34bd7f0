//! [`ExplorerBuilder`]: the explorer built in stages, a few courses' worth of
//! work per step.

use std::collections::HashMap;

use crate::catalogue::facets::{FacetBuilder, FacetIndex};
use crate::catalogue::model::Catalogue;
use crate::catalogue::search::{IndexBuilder, IndexFinisher, SearchIndex};
use crate::catalogue::sliced::Sliced;
use crate::catalogue::text::fold;

use super::explorer::Explorer;
use super::searchable::{domain_labels, search_extras, searchable};
use super::title_sort::{TitleSort, MERGES_PER_COURSE};

/// Grouping postings by word costs far less than indexing a course's texts:
/// this many are grouped for one course's worth of work.
pub(super) const POSTINGS_PER_COURSE: usize = 64;

/// After this many courses, the index makes room for the postings of the rest.
pub(super) const RESERVE_AFTER: usize = 1024;

/// Where an [`ExplorerBuilder`] is.
#[derive(Debug)]
pub(super) enum Stage {
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
/// never blocks the page for long ([`Sliced`]; a unit of work is about one
/// course's worth). The result is exactly [`Explorer::new`]'s, which is this
/// builder run in one go.
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
}

impl Sliced for ExplorerBuilder {
    type Output = Explorer;

    /// Does about `courses` courses' worth of work (at least one unit: a step
    /// that cannot be split, such as a sort, is done whole). Returns `true` once
    /// everything is built.
    fn step(&mut self, courses: usize) -> bool {
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

    /// The explorer, finishing whatever [`Sliced::step`] has not done.
    fn finish(mut self) -> Explorer {
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

impl Explorer {
    /// Indexes `catalogue`; `now` is the current time in unix seconds (the
    /// builder run in one go: here, beside it, so that the explorer's own
    /// module does not name its builder).
    pub fn new(catalogue: Catalogue, now: i64) -> Explorer {
        ExplorerBuilder::new(catalogue, now).run()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::explore::build_search_index;
    use crate::catalogue::explore::tests::NOW;
    use crate::catalogue::model::Parsed;
    use crate::catalogue::query::CatalogueQuery;
    use crate::catalogue::synthetic::catalogue_json;
    use crate::catalogue::url_value::Sort;

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
}
