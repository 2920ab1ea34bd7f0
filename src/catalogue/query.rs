//! The catalogue view's state (search text, filters, sort, page) and its URL form.
//!
//! Everything a user can set lives in the query part of the fragment
//! (`#/catalogue?q=cloud&domaine=data&page=2`) so that a view can be shared,
//! reloaded and navigated with Back/Forward. Parsing is forgiving: unknown keys,
//! unknown values and malformed numbers are ignored, never an error page.

use crate::routes::{percent_decode_with, percent_encode};

use super::model::{Audience, Format, Kind, Level};

/// Duration bands offered as a filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DurationBand {
    /// Under 3 hours.
    Short,
    /// 3 to 7 hours (up to a day).
    Day,
    /// More than 7 and up to 21 hours (a few days).
    Days,
    /// More than 21 hours.
    Long,
}

impl DurationBand {
    /// Every band, in display order.
    pub const ALL: [DurationBand; 4] = [
        DurationBand::Short,
        DurationBand::Day,
        DurationBand::Days,
        DurationBand::Long,
    ];

    /// The band of a duration in hours.
    pub fn of(hours: f32) -> DurationBand {
        if hours < 3.0 {
            DurationBand::Short
        } else if hours <= 7.0 {
            DurationBand::Day
        } else if hours <= 21.0 {
            DurationBand::Days
        } else {
            DurationBand::Long
        }
    }
}

/// Result order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Sort {
    /// Best match first (title alphabetical when there is no search text).
    #[default]
    Relevance,
    /// Title, A to Z.
    Title,
    /// Soonest upcoming session first; courses without one last.
    NextSession,
    /// Shortest first.
    Duration,
}

/// The active filters. Within a filter, values are alternatives (OR); across
/// filters, all must hold (AND).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filters {
    /// Domain ids.
    pub domains: Vec<String>,
    /// Kinds.
    pub kinds: Vec<Kind>,
    /// Formats.
    pub formats: Vec<Format>,
    /// Levels.
    pub levels: Vec<Level>,
    /// Audiences.
    pub audiences: Vec<Audience>,
    /// Duration bands.
    pub durations: Vec<DurationBand>,
    /// Only free courses.
    pub free_only: bool,
    /// Only courses with an upcoming session.
    pub upcoming_only: bool,
    /// Regions of an upcoming session.
    pub regions: Vec<String>,
}

impl Filters {
    /// Whether no filter is active.
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

/// The whole state of the catalogue view.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CatalogueQuery {
    /// Search text, as typed.
    pub text: String,
    /// Filters.
    pub filters: Filters,
    /// Order.
    pub sort: Sort,
    /// Page number, from 1.
    pub page: u32,
}

/// Stable URL values of the enums (the contract's own spellings, in French).
pub trait UrlValue: Sized + Copy + 'static {
    /// Every value.
    const VALUES: &'static [Self];
    /// The URL spelling.
    fn url_value(self) -> &'static str;
    /// Parses a URL spelling.
    fn from_url_value(s: &str) -> Option<Self> {
        Self::VALUES.iter().copied().find(|v| v.url_value() == s)
    }
}

impl UrlValue for Kind {
    const VALUES: &'static [Self] = &[Kind::Parcours, Kind::Module, Kind::SurMesure];
    fn url_value(self) -> &'static str {
        match self {
            Kind::Parcours => "parcours",
            Kind::Module => "module",
            Kind::SurMesure => "sur-mesure",
        }
    }
}

impl UrlValue for Format {
    const VALUES: &'static [Self] = &[
        Format::ELearning,
        Format::Distanciel,
        Format::Presentiel,
        Format::Hybride,
    ];
    fn url_value(self) -> &'static str {
        match self {
            Format::ELearning => "e-learning",
            Format::Distanciel => "distanciel",
            Format::Presentiel => "presentiel",
            Format::Hybride => "hybride",
        }
    }
}

impl UrlValue for Level {
    const VALUES: &'static [Self] = &[Level::Decouverte, Level::Intermediaire, Level::Expert];
    fn url_value(self) -> &'static str {
        match self {
            Level::Decouverte => "decouverte",
            Level::Intermediaire => "intermediaire",
            Level::Expert => "expert",
        }
    }
}

impl UrlValue for Audience {
    const VALUES: &'static [Self] = &[
        Audience::TousAgents,
        Audience::AgentsNumerique,
        Audience::Managers,
        Audience::CadresDirigeants,
    ];
    fn url_value(self) -> &'static str {
        match self {
            Audience::TousAgents => "tous-agents",
            Audience::AgentsNumerique => "agents-numerique",
            Audience::Managers => "managers",
            Audience::CadresDirigeants => "cadres-dirigeants",
        }
    }
}

impl UrlValue for DurationBand {
    const VALUES: &'static [Self] = &DurationBand::ALL;
    fn url_value(self) -> &'static str {
        match self {
            DurationBand::Short => "moins-3h",
            DurationBand::Day => "3h-7h",
            DurationBand::Days => "1-3-jours",
            DurationBand::Long => "plus-3-jours",
        }
    }
}

impl UrlValue for Sort {
    const VALUES: &'static [Self] = &[
        Sort::Relevance,
        Sort::Title,
        Sort::NextSession,
        Sort::Duration,
    ];
    fn url_value(self) -> &'static str {
        match self {
            Sort::Relevance => "pertinence",
            Sort::Title => "titre",
            Sort::NextSession => "prochaine-session",
            Sort::Duration => "duree",
        }
    }
}

/// Longest search text kept from a URL (longer input is cut, not refused).
pub const MAX_TEXT_LEN: usize = 200;
/// Most values kept per filter from a URL.
const MAX_VALUES: usize = 50;

fn push_unique<T: PartialEq>(list: &mut Vec<T>, value: T) {
    if list.len() < MAX_VALUES && !list.contains(&value) {
        list.push(value);
    }
}

impl CatalogueQuery {
    /// Parses the query part of the fragment (without `?`).
    pub fn from_query_string(query: &str) -> CatalogueQuery {
        let mut q = CatalogueQuery {
            page: 1,
            ..CatalogueQuery::default()
        };
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let Some(value) = percent_decode_with(value, true) else {
                continue;
            };
            if key == "q" {
                // Kept as typed (spaces included): the search box shows it back.
                q.text = value.chars().take(MAX_TEXT_LEN).collect();
                continue;
            }
            let value = value.trim();
            let f = &mut q.filters;
            match key {
                "domaine" if !value.is_empty() && value.len() <= 100 => {
                    push_unique(&mut f.domains, value.to_owned())
                }
                "type" => Kind::from_url_value(value)
                    .into_iter()
                    .for_each(|v| push_unique(&mut f.kinds, v)),
                "format" => Format::from_url_value(value)
                    .into_iter()
                    .for_each(|v| push_unique(&mut f.formats, v)),
                "niveau" => Level::from_url_value(value)
                    .into_iter()
                    .for_each(|v| push_unique(&mut f.levels, v)),
                "public" => Audience::from_url_value(value)
                    .into_iter()
                    .for_each(|v| push_unique(&mut f.audiences, v)),
                "duree" => DurationBand::from_url_value(value)
                    .into_iter()
                    .for_each(|v| push_unique(&mut f.durations, v)),
                "gratuit" => f.free_only = value == "1",
                "sessions" => f.upcoming_only = value == "1",
                "region" if !value.is_empty() && value.len() <= 100 => {
                    push_unique(&mut f.regions, value.to_owned())
                }
                "tri" => q.sort = Sort::from_url_value(value).unwrap_or_default(),
                "page" => {
                    q.page = value
                        .parse::<u32>()
                        .ok()
                        .filter(|&p| (1..=100_000).contains(&p))
                        .unwrap_or(1)
                }
                _ => {}
            }
        }
        q
    }

    /// The query string (without `?`) for this state; defaults are left out so
    /// that URLs stay short. Parsing it gives back the same state.
    pub fn to_query_string(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if !self.text.trim().is_empty() {
            parts.push(format!("q={}", percent_encode(&self.text)));
        }
        let f = &self.filters;
        for d in &f.domains {
            parts.push(format!("domaine={}", percent_encode(d)));
        }
        fn enc<T: UrlValue>(parts: &mut Vec<String>, key: &str, values: &[T]) {
            for v in values {
                parts.push(format!("{key}={}", v.url_value()));
            }
        }
        enc(&mut parts, "type", &f.kinds);
        enc(&mut parts, "format", &f.formats);
        enc(&mut parts, "niveau", &f.levels);
        enc(&mut parts, "public", &f.audiences);
        enc(&mut parts, "duree", &f.durations);
        if f.free_only {
            parts.push("gratuit=1".into());
        }
        if f.upcoming_only {
            parts.push("sessions=1".into());
        }
        for r in &f.regions {
            parts.push(format!("region={}", percent_encode(r)));
        }
        if self.sort != Sort::Relevance {
            parts.push(format!("tri={}", self.sort.url_value()));
        }
        if self.page > 1 {
            parts.push(format!("page={}", self.page));
        }
        parts.join("&")
    }
}

/// URL keys that are not filters.
const NON_FILTER_KEYS: [&str; 3] = ["q", "tri", "page"];

impl CatalogueQuery {
    /// The active filters as URL `(key, value)` pairs, in URL order.
    pub fn active_filters(&self) -> Vec<(String, String)> {
        self.to_query_string()
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .filter(|(k, _)| !NON_FILTER_KEYS.contains(k))
            .filter_map(|(k, v)| Some((k.to_owned(), percent_decode_with(v, true)?)))
            .collect()
    }

    /// Whether the filter `key=value` is active.
    pub fn has_filter(&self, key: &str, value: &str) -> bool {
        self.active_filters()
            .iter()
            .any(|(k, v)| k == key && v == value)
    }

    /// This query without the filter `key=value`, back on page 1.
    pub fn without_filter(&self, key: &str, value: &str) -> CatalogueQuery {
        let kept: Vec<String> = self
            .to_query_string()
            .split('&')
            .filter(|pair| match pair.split_once('=') {
                Some((k, v)) => {
                    !(k == key && percent_decode_with(v, true).as_deref() == Some(value))
                }
                None => true,
            })
            .map(str::to_owned)
            .collect();
        let mut q = CatalogueQuery::from_query_string(&kept.join("&"));
        q.page = 1;
        q
    }

    /// This query with the filter `key=value` switched on or off, back on page 1.
    pub fn toggled(&self, key: &str, value: &str) -> CatalogueQuery {
        if self.has_filter(key, value) {
            return self.without_filter(key, value);
        }
        let mut url = self.to_query_string();
        if !url.is_empty() {
            url.push('&');
        }
        url.push_str(&format!("{key}={}", percent_encode(value)));
        let mut q = CatalogueQuery::from_query_string(&url);
        q.page = 1;
        q
    }

    /// This query with no filter (search text and sort kept), back on page 1.
    pub fn without_filters(&self) -> CatalogueQuery {
        CatalogueQuery {
            text: self.text.clone(),
            filters: Filters::default(),
            sort: self.sort,
            page: 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_toggle_through_their_url_form() {
        let q = CatalogueQuery::from_query_string("q=cloud&domaine=data&page=3&tri=titre");
        let on = q.toggled("region", "Île-de-France");
        assert!(on.has_filter("region", "Île-de-France"));
        assert_eq!(on.page, 1);
        assert_eq!(on.text, "cloud");
        assert_eq!(on.sort, Sort::Title);
        assert_eq!(
            on.active_filters(),
            vec![
                ("domaine".to_owned(), "data".to_owned()),
                ("region".to_owned(), "Île-de-France".to_owned())
            ]
        );
        let off = on.toggled("domaine", "data");
        assert_eq!(off.filters.domains, Vec::<String>::new());
        assert_eq!(off.filters.regions, vec!["Île-de-France".to_owned()]);
        assert!(q.toggled("gratuit", "1").filters.free_only);
        assert_eq!(
            q.toggled("type", "inconnu").filters,
            q.filters,
            "unknown values are ignored"
        );
        assert!(on.without_filters().filters.is_empty());
        assert_eq!(on.without_filters().text, "cloud");
    }

    #[test]
    fn a_full_state_round_trips_through_the_url() {
        let q = CatalogueQuery {
            text: "sécurité & cloud?".into(),
            filters: Filters {
                domains: vec!["data".into(), "cybersecurite".into()],
                kinds: vec![Kind::Parcours],
                formats: vec![Format::Hybride, Format::Presentiel],
                levels: vec![Level::Expert],
                audiences: vec![Audience::Managers],
                durations: vec![DurationBand::Days],
                free_only: true,
                upcoming_only: true,
                regions: vec!["Provence-Alpes-Côte d'Azur".into()],
            },
            sort: Sort::NextSession,
            page: 3,
        };
        let url = q.to_query_string();
        assert!(
            !url.contains(' ') && !url.contains('é') && !url.contains('?'),
            "{url}"
        );
        assert_eq!(CatalogueQuery::from_query_string(&url), q);
    }

    #[test]
    fn defaults_make_an_empty_url() {
        let q = CatalogueQuery::from_query_string("");
        assert_eq!(q.page, 1);
        assert_eq!(q.to_query_string(), "");
    }

    #[test]
    fn unknown_or_malformed_parameters_are_ignored() {
        let q = CatalogueQuery::from_query_string(
            "q=data&type=webinaire&format=&niveau=EXPERT&page=-2&tri=hasard&utm_source=x&%ZZ=1&q2&gratuit=oui&region=%E9",
        );
        assert_eq!(q.text, "data");
        assert!(q.filters.is_empty(), "{:?}", q.filters);
        assert_eq!(q.page, 1);
        assert_eq!(q.sort, Sort::Relevance);
        assert_eq!(
            CatalogueQuery::from_query_string("page=999999999999").page,
            1
        );
    }

    #[test]
    fn plus_signs_are_spaces_and_duplicates_collapse() {
        let q = CatalogueQuery::from_query_string("q=gestion+de+crise&type=module&type=module");
        assert_eq!(q.text, "gestion de crise");
        assert_eq!(q.filters.kinds, vec![Kind::Module]);
    }

    #[test]
    fn very_long_text_is_cut() {
        let long = "a".repeat(1000);
        assert_eq!(
            CatalogueQuery::from_query_string(&format!("q={long}"))
                .text
                .len(),
            MAX_TEXT_LEN
        );
    }

    #[test]
    fn duration_bands() {
        assert_eq!(DurationBand::of(1.5), DurationBand::Short);
        assert_eq!(DurationBand::of(3.0), DurationBand::Day);
        assert_eq!(DurationBand::of(7.0), DurationBand::Day);
        assert_eq!(DurationBand::of(14.0), DurationBand::Days);
        assert_eq!(DurationBand::of(35.0), DurationBand::Long);
    }
}
