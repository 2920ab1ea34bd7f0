//! Filters and their live counts (facets).
//!
//! Each course's filterable values are packed once into a [`CourseFacets`] record
//! (bit masks). Applying filters and counting every facet value is then one pass
//! over the candidate courses. A facet's counts ignore that facet's own selection
//! (choosing one domain still shows how many courses the other domains have),
//! which is what lets a user widen a selection.

use super::model::Catalogue;
use super::query::{DurationBand, Filters, UrlValue};

/// The facets, in the order of their bit in a failure mask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    /// Domain.
    Domain = 0,
    /// Kind.
    Kind = 1,
    /// Format.
    Format = 2,
    /// Level.
    Level = 3,
    /// Audience.
    Audience = 4,
    /// Duration band.
    Duration = 5,
    /// Free.
    Free = 6,
    /// Has an upcoming session.
    Upcoming = 7,
    /// Region of an upcoming session.
    Region = 8,
}

/// A course's filterable values as bit masks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CourseFacets {
    domains: u64,
    kind: u8,
    format: u8,
    level: u8,
    audiences: u8,
    duration: u8,
    free: bool,
    upcoming: bool,
    regions: u64,
}

fn bit_of<T: UrlValue + PartialEq>(value: T) -> u8 {
    1 << T::VALUES.iter().position(|v| *v == value).unwrap_or(0)
}

/// Per-course facet records and the value lists they index into.
#[derive(Debug, Clone, Default)]
pub struct FacetIndex {
    courses: Vec<CourseFacets>,
    /// Domain ids, in catalogue order (bit `i` = `domain_ids[i]`; at most 64).
    pub domain_ids: Vec<String>,
    /// Regions of upcoming sessions, sorted (bit `i` = `regions[i]`; at most 64).
    pub regions: Vec<String>,
}

/// Live counts for every facet value, given the query and the other filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts {
    /// Per domain, parallel to [`FacetIndex::domain_ids`].
    pub domains: Vec<usize>,
    /// Per [`Kind`](super::model::Kind), in `Kind::VALUES` order.
    pub kinds: [usize; 3],
    /// Per [`Format`](super::model::Format).
    pub formats: [usize; 4],
    /// Per [`Level`](super::model::Level).
    pub levels: [usize; 3],
    /// Per [`Audience`](super::model::Audience).
    pub audiences: [usize; 4],
    /// Per [`DurationBand`].
    pub durations: [usize; 4],
    /// Courses that are free.
    pub free: usize,
    /// Courses with an upcoming session.
    pub upcoming: usize,
    /// Per region, parallel to [`FacetIndex::regions`].
    pub regions: Vec<usize>,
    /// Courses passing every filter.
    pub total: usize,
}

/// Compiled filters: one mask per facet (0 = no constraint).
#[derive(Debug, Clone, Copy, Default)]
struct Selection {
    domains: u64,
    kinds: u8,
    formats: u8,
    levels: u8,
    audiences: u8,
    durations: u8,
    free: bool,
    upcoming: bool,
    regions: u64,
}

fn mask_of<T: UrlValue + PartialEq>(values: &[T]) -> u8 {
    values.iter().fold(0, |m, v| m | bit_of(*v))
}

impl FacetIndex {
    /// Packs every course; `now` (unix seconds) decides what "upcoming" means.
    pub fn build(catalogue: &Catalogue, now: i64) -> FacetIndex {
        let domain_ids: Vec<String> = catalogue
            .domains
            .iter()
            .take(64)
            .map(|d| d.id.clone())
            .collect();
        let mut regions: Vec<String> = catalogue
            .courses
            .iter()
            .flat_map(|c| c.upcoming_sessions(now))
            .filter_map(|s| s.place.as_ref().map(|p| p.region.trim().to_owned()))
            .filter(|r| !r.is_empty())
            .collect();
        // French order: accents and capitals do not count ("Île-de-France"
        // between "Hauts-de-France" and "La Réunion", not after "Provence").
        regions.sort_by_cached_key(|r| (super::text::fold(r), r.clone()));
        regions.dedup();
        regions.truncate(64);
        let courses = catalogue
            .courses
            .iter()
            .map(|c| CourseFacets {
                domains: c
                    .domains
                    .iter()
                    .filter_map(|d| domain_ids.iter().position(|x| x == d))
                    .fold(0, |m, i| m | 1u64 << i),
                kind: bit_of(c.kind),
                format: bit_of(c.format),
                level: bit_of(c.level),
                audiences: c.audience.iter().fold(0, |m, a| m | bit_of(*a)),
                duration: bit_of(DurationBand::of(c.duration_hours)),
                free: c.free,
                upcoming: c.upcoming_sessions(now).next().is_some(),
                regions: c
                    .upcoming_sessions(now)
                    .filter_map(|s| s.place.as_ref())
                    .filter_map(|p| regions.iter().position(|r| *r == p.region.trim()))
                    .fold(0, |m, i| m | 1u64 << i),
            })
            .collect();
        FacetIndex {
            courses,
            domain_ids,
            regions,
        }
    }

    fn compile(&self, filters: &Filters) -> Selection {
        let position_mask = |names: &[String], selected: &[String]| -> u64 {
            selected
                .iter()
                .filter_map(|s| names.iter().position(|n| n == s))
                .fold(0, |m, i| m | 1u64 << i)
        };
        Selection {
            domains: position_mask(&self.domain_ids, &filters.domains),
            kinds: mask_of(&filters.kinds),
            formats: mask_of(&filters.formats),
            levels: mask_of(&filters.levels),
            audiences: mask_of(&filters.audiences),
            durations: mask_of(&filters.durations),
            free: filters.free_only,
            upcoming: filters.upcoming_only,
            regions: position_mask(&self.regions, &filters.regions),
        }
    }

    /// Bit `f` set when course `c` fails facet `f` of the selection.
    #[inline]
    fn failures(c: &CourseFacets, s: &Selection) -> u16 {
        let mut fail = 0u16;
        if s.domains != 0 && c.domains & s.domains == 0 {
            fail |= 1 << Facet::Domain as u16;
        }
        if s.kinds != 0 && c.kind & s.kinds == 0 {
            fail |= 1 << Facet::Kind as u16;
        }
        if s.formats != 0 && c.format & s.formats == 0 {
            fail |= 1 << Facet::Format as u16;
        }
        if s.levels != 0 && c.level & s.levels == 0 {
            fail |= 1 << Facet::Level as u16;
        }
        if s.audiences != 0 && c.audiences & s.audiences == 0 {
            fail |= 1 << Facet::Audience as u16;
        }
        if s.durations != 0 && c.duration & s.durations == 0 {
            fail |= 1 << Facet::Duration as u16;
        }
        if s.free && !c.free {
            fail |= 1 << Facet::Free as u16;
        }
        if s.upcoming && !c.upcoming {
            fail |= 1 << Facet::Upcoming as u16;
        }
        if s.regions != 0 && c.regions & s.regions == 0 {
            fail |= 1 << Facet::Region as u16;
        }
        fail
    }

    /// Applies `filters` to `candidates` (course positions, in result order) and
    /// counts every facet value. Returns the courses that pass, in the same order.
    pub fn apply(
        &self,
        candidates: impl IntoIterator<Item = u32>,
        filters: &Filters,
    ) -> (Vec<u32>, FacetCounts) {
        let s = self.compile(filters);
        let mut counts = FacetCounts {
            domains: vec![0; self.domain_ids.len()],
            regions: vec![0; self.regions.len()],
            ..FacetCounts::default()
        };
        let mut passing = Vec::new();
        fn add_bits(counts: &mut [usize], mask: u64) {
            let mut m = mask;
            while m != 0 {
                let i = m.trailing_zeros() as usize;
                if i < counts.len() {
                    counts[i] += 1;
                }
                m &= m - 1;
            }
        }
        for doc in candidates {
            let Some(c) = self.courses.get(doc as usize) else {
                continue;
            };
            let fail = Self::failures(c, &s);
            if fail == 0 {
                passing.push(doc);
            } else if fail.count_ones() > 1 {
                continue;
            }
            // With no failure the course counts for every facet; with exactly one,
            // only for the facet that excluded it.
            let counts_for = |f: Facet| fail == 0 || fail == 1 << f as u16;
            if counts_for(Facet::Domain) {
                add_bits(&mut counts.domains, c.domains);
            }
            if counts_for(Facet::Kind) {
                add_bits(&mut counts.kinds, u64::from(c.kind));
            }
            if counts_for(Facet::Format) {
                add_bits(&mut counts.formats, u64::from(c.format));
            }
            if counts_for(Facet::Level) {
                add_bits(&mut counts.levels, u64::from(c.level));
            }
            if counts_for(Facet::Audience) {
                add_bits(&mut counts.audiences, u64::from(c.audiences));
            }
            if counts_for(Facet::Duration) {
                add_bits(&mut counts.durations, u64::from(c.duration));
            }
            if counts_for(Facet::Free) && c.free {
                counts.free += 1;
            }
            if counts_for(Facet::Upcoming) && c.upcoming {
                counts.upcoming += 1;
            }
            if counts_for(Facet::Region) {
                add_bits(&mut counts.regions, c.regions);
            }
        }
        counts.total = passing.len();
        (passing, counts)
    }
}

/// Index of `value` in its enum's `VALUES`, to read a [`FacetCounts`] array.
pub fn value_index<T: UrlValue + PartialEq>(value: T) -> usize {
    T::VALUES.iter().position(|v| *v == value).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::model::{Audience, Format, Kind, Level, Parsed};
    use crate::catalogue::synthetic::catalogue_json;

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
        for (i, id) in idx.domain_ids.iter().enumerate() {
            let alone = Filters {
                domains: vec![id.clone()],
                free_only: true,
                ..Filters::default()
            };
            assert_eq!(
                counts.domains[i],
                brute_force(&cat, &alone).len(),
                "domain {id}"
            );
        }
        // Kinds are counted within the current selection (data + free).
        for kind in Kind::VALUES {
            let with = Filters {
                kinds: vec![*kind],
                ..f.clone()
            };
            assert_eq!(
                counts.kinds[value_index(*kind)],
                brute_force(&cat, &with).len()
            );
        }
        let without_free = Filters {
            domains: vec!["data".into()],
            ..Filters::default()
        };
        let free_now = Filters {
            free_only: true,
            ..without_free.clone()
        };
        assert_eq!(counts.free, brute_force(&cat, &free_now).len());
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
        assert!(!idx.regions.is_empty());
    }

    #[test]
    fn regions_are_listed_in_french_order() {
        let json = crate::catalogue::synthetic::catalogue_json(400, 3);
        let catalogue = crate::catalogue::model::Parsed::from_json(&json)
            .unwrap()
            .catalogue;
        let index = FacetIndex::build(&catalogue, 0);
        let folded: Vec<String> = index
            .regions
            .iter()
            .map(|r| super::super::text::fold(r))
            .collect();
        let mut sorted = folded.clone();
        sorted.sort();
        assert_eq!(folded, sorted, "{:?}", index.regions);
        assert!(
            index.regions.iter().any(|r| r.starts_with('Î')),
            "{:?}",
            index.regions
        );
    }
}
