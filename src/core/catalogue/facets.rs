//! Filters and their live counts (facets).
//!
//! Each course's filterable values are packed once into a few bit words, read
//! through the filter table ([`FilterKey::spec`]): each filter owns a field of
//! consecutive bits, bit `i` of the field standing for the filter's `i`-th value
//! in [`FacetIndex::values`] (up to 64 values over all filters, as in the
//! bundled catalogue, take one 64-bit word per course). Applying filters and counting every facet value is then one pass
//! over the candidate courses. A facet's counts ignore that facet's own
//! selection (choosing one domain still shows how many courses the other
//! domains have), which is what lets a user widen a selection.

use super::filters::{FilterKey, FilterValue, Filters};
use super::model::Catalogue;

const KEYS: usize = FilterKey::COUNT;
// A course's failures are a bit set of filters.
const _: () = assert!(KEYS <= 32);

/// Most values a filter offers (a field fits in one word); further catalogue
/// values (a 65th domain or region) are not offered.
pub const MAX_FACET_VALUES: usize = 64;

/// Where a filter's bits sit in a course's words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Field {
    word: usize,
    shift: usize,
    width: usize,
}

impl Field {
    /// The field's bits within its word.
    fn mask(self) -> u64 {
        match self.width {
            0 => 0,
            w => (u64::MAX >> (64 - w)) << self.shift,
        }
    }
}

/// One field per filter, packed into as few words as fit them.
fn layout(values: &[Vec<FilterValue>; KEYS]) -> ([Field; KEYS], usize) {
    let mut fields = [Field::default(); KEYS];
    let (mut word, mut used) = (0, 0);
    for (field, offered) in fields.iter_mut().zip(values) {
        let width = offered.len();
        if used + width > 64 {
            word += 1;
            used = 0;
        }
        *field = Field {
            word,
            shift: used,
            width,
        };
        used += width;
    }
    (fields, word + 1)
}

/// Per-course facet records and the value lists they index into.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FacetIndex {
    /// Each course's values, `words` words per course.
    bits: Vec<u64>,
    words: usize,
    fields: [Field; KEYS],
    /// Per filter, the values offered, in display order (at most 64).
    values: [Vec<FilterValue>; KEYS],
}

/// Builds a [`FacetIndex`] a few courses at a time: [`FacetBuilder::new`]
/// lists the values (one pass over the sessions), [`FacetBuilder::pack`] packs
/// the next courses, [`FacetBuilder::finish`] returns the index, exactly
/// [`FacetIndex::build`]'s (which is this builder run in one go).
#[derive(Debug)]
pub struct FacetBuilder {
    index: FacetIndex,
    now: i64,
    /// Courses packed so far.
    next: usize,
}

impl FacetBuilder {
    /// Lists the values `catalogue` offers; `now` (unix seconds) decides what
    /// "upcoming" means.
    pub fn new(catalogue: &Catalogue, now: i64) -> FacetBuilder {
        let values: [Vec<FilterValue>; KEYS] = std::array::from_fn(|k| {
            let mut offered = FilterKey::ALL[k].values_in(catalogue, now);
            offered.truncate(MAX_FACET_VALUES);
            offered
        });
        let (fields, words) = layout(&values);
        FacetBuilder {
            index: FacetIndex {
                bits: vec![0u64; catalogue.courses.len() * words],
                words,
                fields,
                values,
            },
            now,
            next: 0,
        }
    }

    /// Packs up to `count` more courses of `catalogue` (the one given to
    /// [`FacetBuilder::new`]); returns whether every course is packed.
    pub fn pack(&mut self, catalogue: &Catalogue, count: usize) -> bool {
        let FacetIndex {
            bits,
            words,
            fields,
            values,
        } = &mut self.index;
        let words = *words;
        let total = catalogue.courses.len().min(bits.len() / words.max(1));
        let end = self.next.saturating_add(count).min(total);
        let readers = FilterKey::ALL.map(|k| k.spec().course);
        for (course, c) in catalogue.courses[self.next..end]
            .iter()
            .zip(bits[self.next * words..end * words].chunks_exact_mut(words))
        {
            for k in 0..KEYS {
                let f = fields[k];
                c[f.word] |= mask_of(&values[k], &readers[k](course, self.now)) << f.shift;
            }
        }
        self.next = end;
        self.next >= total
    }

    /// The index (courses not yet packed match no value).
    pub fn finish(self) -> FacetIndex {
        self.index
    }
}

/// Live counts for every facet value, given the query and the other filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts {
    /// Per bit of a course's words, the courses counted with it set.
    per_bit: Vec<[usize; 64]>,
    fields: [Field; KEYS],
    /// Courses passing every filter.
    pub total: usize,
}

impl FacetCounts {
    /// The counts of `key`'s values, parallel to [`FacetIndex::values`].
    pub fn of(&self, key: FilterKey) -> &[usize] {
        let f = self.fields[key.index()];
        self.per_bit
            .get(f.word)
            .map_or(&[], |bits| &bits[f.shift..f.shift + f.width])
    }
}

/// The mask of `values` within `offered` (values not offered have no bit).
fn mask_of<'a>(offered: &[FilterValue], values: impl IntoIterator<Item = &'a FilterValue>) -> u64 {
    values
        .into_iter()
        .filter_map(|v| offered.iter().position(|o| o == v))
        .fold(0, |m, i| m | 1u64 << i)
}

impl FacetIndex {
    /// Packs every course; `now` (unix seconds) decides what "upcoming" means.
    pub fn build(catalogue: &Catalogue, now: i64) -> FacetIndex {
        let mut builder = FacetBuilder::new(catalogue, now);
        builder.pack(catalogue, usize::MAX);
        builder.finish()
    }

    /// The values `key` offers in this catalogue, in display order.
    pub fn values(&self, key: FilterKey) -> &[FilterValue] {
        &self.values[key.index()]
    }

    /// Whether this catalogue offers `value`.
    pub fn offers(&self, value: &FilterValue) -> bool {
        self.values(value.key()).contains(value)
    }

    /// The filters that constrain: (filter bit, word, selected bits).
    fn compile(&self, filters: &Filters) -> Vec<(u32, usize, u64)> {
        FilterKey::ALL
            .into_iter()
            .filter_map(|key| {
                let f = self.fields[key.index()];
                let selected = mask_of(self.values(key), &filters.values(key)) << f.shift;
                (selected != 0).then_some((key.index() as u32, f.word, selected))
            })
            .collect()
    }

    /// Applies `filters` to `candidates` (course positions, in result order) and
    /// counts every facet value. Returns the courses that pass, in the same order.
    pub fn apply(
        &self,
        candidates: impl IntoIterator<Item = u32>,
        filters: &Filters,
    ) -> (Vec<u32>, FacetCounts) {
        let selection = self.compile(filters);
        let mut per_bit = vec![[0usize; 64]; self.words];
        let mut passing = Vec::new();
        fn add_bits(counts: &mut [usize; 64], mask: u64) {
            let mut m = mask;
            while m != 0 {
                counts[m.trailing_zeros() as usize] += 1;
                m &= m - 1;
            }
        }
        for doc in candidates {
            let start = doc as usize * self.words;
            let Some(c) = self.bits.get(start..start + self.words) else {
                continue;
            };
            let mut fail = 0u32;
            for &(key, word, selected) in &selection {
                if c[word] & selected == 0 {
                    fail |= 1 << key;
                }
            }
            // With no failure the course counts for every facet; with exactly
            // one, only for the facet that excluded it.
            if fail == 0 {
                passing.push(doc);
                for (counts, &word) in per_bit.iter_mut().zip(c) {
                    add_bits(counts, word);
                }
            } else if fail.is_power_of_two() {
                let f = self.fields[fail.trailing_zeros() as usize];
                add_bits(&mut per_bit[f.word], c[f.word] & f.mask());
            }
        }
        let counts = FacetCounts {
            per_bit,
            fields: self.fields,
            total: passing.len(),
        };
        (passing, counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::model::{Audience, Format, Kind, Level, Parsed};
    use crate::catalogue::synthetic::catalogue_json;
    use crate::catalogue::url_value::{DurationBand, UrlValue};

    fn sample() -> Catalogue {
        Parsed::from_json(&catalogue_json(400, 11))
            .unwrap()
            .catalogue
    }

    const NOW: i64 = 1_795_000_000; // 2026-11-18

    fn brute_force(cat: &Catalogue, f: &Filters) -> Vec<u32> {
        cat.courses
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                (f.domains.is_empty() || c.domains.iter().any(|d| f.domains.contains(d)))
                    && (f.kinds.is_empty() || f.kinds.contains(&c.kind))
                    && (f.formats.is_empty() || f.formats.contains(&c.format))
                    && (f.levels.is_empty() || f.levels.contains(&c.level))
                    && (f.audiences.is_empty()
                        || c.audience.iter().any(|a| f.audiences.contains(a)))
                    && (f.durations.is_empty()
                        || f.durations.contains(&DurationBand::of(c.duration_hours)))
                    && (!f.free_only || c.free)
                    && (!f.upcoming_only || c.upcoming_sessions(NOW).next().is_some())
                    && (f.regions.is_empty()
                        || c.upcoming_sessions(NOW).any(|s| {
                            s.place
                                .as_ref()
                                .is_some_and(|p| f.regions.contains(&p.region))
                        }))
            })
            .map(|(i, _)| i as u32)
            .collect()
    }

    #[test]
    fn filtering_matches_a_brute_force_reading_of_the_rules() {
        let cat = sample();
        let idx = FacetIndex::build(&cat, NOW);
        let all = || 0..cat.courses.len() as u32;
        let cases = [
            Filters::default(),
            Filters {
                domains: vec!["data".into(), "cybersecurite".into()],
                ..Filters::default()
            },
            Filters {
                kinds: vec![Kind::Parcours],
                formats: vec![Format::Presentiel, Format::Hybride],
                ..Filters::default()
            },
            Filters {
                free_only: true,
                upcoming_only: true,
                levels: vec![Level::Expert],
                ..Filters::default()
            },
            Filters {
                regions: vec!["Bretagne".into()],
                audiences: vec![Audience::Managers],
                ..Filters::default()
            },
            Filters {
                durations: vec![DurationBand::Short, DurationBand::Long],
                ..Filters::default()
            },
        ];
        for f in cases {
            let (passing, counts) = idx.apply(all(), &f);
            assert_eq!(passing, brute_force(&cat, &f), "{f:?}");
            assert_eq!(counts.total, passing.len());
        }
    }

    /// Every value of every filter: its count is that of the selection with
    /// this filter's own values replaced by it (checked by brute force).
    fn assert_counts_as_cleared(
        idx: &FacetIndex,
        cat: &Catalogue,
        f: &Filters,
        counts: &FacetCounts,
    ) {
        for key in FilterKey::ALL {
            assert_eq!(counts.of(key).len(), idx.values(key).len());
            for (i, value) in idx.values(key).iter().enumerate() {
                let mut with = f.clone();
                for v in f.values(key) {
                    with.remove(&v);
                }
                with.insert(value.clone());
                assert_eq!(
                    counts.of(key)[i],
                    brute_force(cat, &with).len(),
                    "{value:?}"
                );
            }
        }
    }

    #[test]
    fn a_facet_counts_as_if_its_own_selection_were_cleared() {
        let cat = sample();
        let idx = FacetIndex::build(&cat, NOW);
        let f = Filters {
            domains: vec!["data".into()],
            free_only: true,
            ..Filters::default()
        };
        let (_, counts) = idx.apply(0..cat.courses.len() as u32, &f);
        assert_counts_as_cleared(&idx, &cat, &f, &counts);
        assert_eq!(idx.values(FilterKey::Kind).len(), Kind::VALUES.len());
        assert_eq!(idx.values(FilterKey::Free), [FilterValue::Free]);
    }

    #[test]
    fn candidates_keep_their_order_and_unknown_values_select_nothing_extra() {
        let cat = sample();
        let idx = FacetIndex::build(&cat, NOW);
        let (passing, _) = idx.apply([5, 3, 9], &Filters::default());
        assert_eq!(passing, vec![5, 3, 9]);
        let unknown = Filters {
            domains: vec!["nope".into()],
            ..Filters::default()
        };
        let (passing, _) = idx.apply(0..cat.courses.len() as u32, &unknown);
        assert_eq!(
            passing.len(),
            cat.courses.len(),
            "an unknown domain id is ignored"
        );
        assert!(!idx.offers(&FilterValue::Domain("nope".into())));
        assert!(idx.offers(&FilterValue::Domain("data".into())));
        assert!(!idx.values(FilterKey::Region).is_empty());
    }

    #[test]
    fn regions_are_listed_in_french_order() {
        let json = crate::catalogue::synthetic::catalogue_json(400, 3);
        let catalogue = crate::catalogue::model::Parsed::from_json(&json)
            .unwrap()
            .catalogue;
        let index = FacetIndex::build(&catalogue, 0);
        let regions: Vec<String> = index
            .values(FilterKey::Region)
            .iter()
            .map(|r| r.url_value().into_owned())
            .collect();
        let folded: Vec<String> = regions
            .iter()
            .map(|r| super::super::text::fold(r))
            .collect();
        let mut sorted = folded.clone();
        sorted.sort();
        assert_eq!(folded, sorted, "{regions:?}");
        assert!(regions.iter().any(|r| r.starts_with('Î')), "{regions:?}");
    }

    /// 70 domains and 70 regions, course `i` in domain `d{i % 70}` with an
    /// upcoming session in region `r{i % 70}`.
    fn wide() -> Catalogue {
        let domains: Vec<String> = (0..70)
            .map(|i| format!(r#"{{"id":"d{i:02}","label":"D{i}","description":"D."}}"#))
            .collect();
        let courses: Vec<String> = (0..210)
            .map(|i| {
                let n = i % 70;
                format!(
                    r#"{{"id":"c{i}","kind":"module","title":"C{i}","summary":"S.","description":"D.","domains":["d{n:02}"],"level":"decouverte","audience":["tous-agents"],"format":"presentiel","duration_hours":3,"provider":"DINUM","free":{},"objectives":[],"prerequisites":[],"sessions":[{{"id":"s{i}","start":"2030-03-04T09:30:00+01:00","end":"2030-03-04T12:30:00+01:00","format":"presentiel","location":{{"city":"V","region":"r{n:02}"}}}}]}}"#,
                    i % 2 == 0
                )
            })
            .collect();
        let json = format!(
            r#"{{"version":1,"updated":"2026-11-20","domains":[{}],"courses":[{}]}}"#,
            domains.join(","),
            courses.join(",")
        );
        Parsed::from_json(&json).unwrap().catalogue
    }

    #[test]
    fn filters_wider_than_a_word_are_packed_in_several() {
        let cat = wide();
        let idx = FacetIndex::build(&cat, NOW);
        assert_eq!(idx.values(FilterKey::Domain).len(), MAX_FACET_VALUES);
        assert_eq!(idx.values(FilterKey::Region).len(), MAX_FACET_VALUES);
        assert_eq!(idx.words, 3, "{:?}", idx.fields);
        assert!(!idx.offers(&FilterValue::Domain("d64".into())));
        let all = || 0..cat.courses.len() as u32;
        for f in [
            Filters::default(),
            Filters {
                domains: vec!["d63".into(), "d00".into()],
                ..Filters::default()
            },
            Filters {
                regions: vec!["r63".into()],
                free_only: true,
                ..Filters::default()
            },
            Filters {
                domains: vec!["d05".into()],
                regions: vec!["r05".into(), "r06".into()],
                ..Filters::default()
            },
        ] {
            let (passing, counts) = idx.apply(all(), &f);
            assert_eq!(passing, brute_force(&cat, &f), "{f:?}");
            assert_counts_as_cleared(&idx, &cat, &f, &counts);
        }
    }
}
