//! The catalogue view's state (search text, filters, sort, page) and its URL form.
//!
//! Everything a user can set lives in the query part of the fragment
//! (`#/catalogue?q=cloud&domaine=data&page=2`) so that a view can be shared,
//! reloaded and navigated with Back/Forward. Parsing is forgiving: unknown keys,
//! unknown values and malformed numbers are ignored, never an error page.

use crate::util::percent::{percent_decode_with, percent_encode};

pub use super::filters::Filters;
use super::filters::{FilterKey, FilterValue, Values};
use super::url_value::{Sort, UrlValue};

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

/// URL key of the search text (`q=cloud`).
pub const TEXT_KEY: &str = "q";
/// URL key of the order (`tri=titre`).
pub const SORT_KEY: &str = "tri";
/// URL key of the page number (`page=2`).
pub const PAGE_KEY: &str = "page";

/// Longest search text kept from a URL (longer input is cut, not refused).
pub const MAX_TEXT_LEN: usize = 200;

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
            match key {
                // Kept as typed (spaces included): the search box shows it back.
                TEXT_KEY => q.text = value.chars().take(MAX_TEXT_LEN).collect(),
                SORT_KEY => q.sort = Sort::from_url_value(value.trim()).unwrap_or_default(),
                PAGE_KEY => {
                    q.page = value
                        .trim()
                        .parse::<u32>()
                        .ok()
                        .filter(|&p| (1..=100_000).contains(&p))
                        .unwrap_or(1)
                }
                _ => {
                    let Some(filter) = FilterKey::from_url_key(key) else {
                        continue;
                    };
                    match (filter.parse(&value), filter.spec().values) {
                        (Some(v), _) => q.filters.insert(v),
                        // Any other value switches a flag off (`gratuit=0`).
                        (None, Values::Flag(on)) => q.filters.remove(&on),
                        (None, _) => {}
                    }
                }
            }
        }
        q
    }

    /// The query string (without `?`) for this state; defaults are left out so
    /// that URLs stay short. Parsing it gives back the same state.
    pub fn to_query_string(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if !self.text.trim().is_empty() {
            parts.push(format!("{TEXT_KEY}={}", percent_encode(&self.text)));
        }
        for value in self.filters.active() {
            parts.push(format!(
                "{}={}",
                value.key().url_key(),
                percent_encode(&value.url_value())
            ));
        }
        if self.sort != Sort::Relevance {
            parts.push(format!("{SORT_KEY}={}", self.sort.url_value()));
        }
        if self.page > 1 {
            parts.push(format!("{PAGE_KEY}={}", self.page));
        }
        parts.join("&")
    }

    /// The catalogue filtered on `value` alone (home page domains, a course's
    /// domain tags).
    pub fn filtered_on(value: FilterValue) -> CatalogueQuery {
        CatalogueQuery::default().toggled(value)
    }

    /// This query with `value` selected or deselected, back on page 1.
    pub fn toggled(&self, value: FilterValue) -> CatalogueQuery {
        let mut q = self.clone();
        q.filters.toggle(value);
        q.page = 1;
        q
    }

    /// This query without `value`, back on page 1.
    pub fn without(&self, value: &FilterValue) -> CatalogueQuery {
        let mut q = self.clone();
        q.filters.remove(value);
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

/// The catalogue page's title for a query: what was searched first, so that
/// a tab, a bookmark and the history say it (« cyber » – Catalogue des
/// formations), and the page when it is not the first. A long search is cut
/// at 60 characters.
pub fn catalogue_title(q: &CatalogueQuery, l: crate::i18n::Locale) -> String {
    use crate::i18n::Text;
    let mut title = String::new();
    let text = q.text.trim();
    if !text.is_empty() {
        let short: String = text.chars().take(60).collect();
        let cut = if short.len() < text.len() { "…" } else { "" };
        title.push_str(&l.quote(&format!("{short}{cut}")));
        title.push_str(" – ");
    }
    title.push_str(Text::TitleCatalogue.get(l));
    if q.page > 1 {
        title.push_str(&format!(" – {} {}", Text::PageWord.get(l), q.page));
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::model::{Audience, Format, Kind, Level};
    use crate::catalogue::url_value::DurationBand;

    #[test]
    fn the_title_says_what_was_searched() {
        use crate::i18n::Locale;
        let q = |s: &str| CatalogueQuery::from_query_string(s);
        assert_eq!(
            catalogue_title(&q(""), Locale::Fr),
            "Catalogue des formations"
        );
        assert_eq!(
            catalogue_title(&q("q=cyber&page=2"), Locale::Fr),
            "«\u{a0}cyber\u{a0}» – Catalogue des formations – Page 2"
        );
        assert_eq!(
            catalogue_title(&q("q=cyber"), Locale::En),
            "\u{201c}cyber\u{201d} – Training catalogue"
        );
        let long = catalogue_title(&q(&format!("q={}", "é".repeat(300))), Locale::Fr);
        assert!(
            long.contains(&format!("{}…", "é".repeat(60))) && !long.contains(&"é".repeat(61)),
            "{long}"
        );
    }

    #[test]
    fn typed_toggles_keep_the_rest_and_go_back_to_page_one() {
        let q = CatalogueQuery::from_query_string("q=cloud&domaine=data&page=3&tri=titre");
        let region = FilterValue::Region("Île-de-France".into());
        let on = q.toggled(region.clone());
        assert!(on.filters.contains(&region));
        assert_eq!(on.page, 1);
        assert_eq!(on.text, "cloud");
        assert_eq!(on.sort, Sort::Title);
        assert_eq!(
            on.filters.active(),
            [FilterValue::Domain("data".into()), region.clone()]
        );
        assert_eq!(
            on.to_query_string(),
            "q=cloud&domaine=data&region=%C3%8Ele-de-France&tri=titre"
        );
        let off = on.toggled(FilterValue::Domain("data".into()));
        assert_eq!(off.filters.domains, Vec::<String>::new());
        assert_eq!(off.filters.regions, vec!["Île-de-France".to_owned()]);
        assert_eq!(on.without(&region).filters, q.filters);
        assert!(q.toggled(FilterValue::Free).filters.free_only);
        assert_eq!(
            q.toggled(FilterValue::Domain(String::new())).filters,
            q.filters,
            "invalid values are ignored"
        );
        assert!(on.without_filters().filters.is_empty());
        assert_eq!(on.without_filters().text, "cloud");
        assert_eq!(
            CatalogueQuery::filtered_on(FilterValue::Upcoming).to_query_string(),
            "sessions=1"
        );
    }

    #[test]
    fn a_flag_is_on_only_when_its_last_value_is_1() {
        let on = |url: &str| CatalogueQuery::from_query_string(url).filters.free_only;
        assert!(on("gratuit=1"));
        assert!(on("gratuit=%201%20"));
        assert!(!on("gratuit=oui"));
        assert!(!on("gratuit=1&gratuit=0"));
        assert!(on("gratuit=0&gratuit=1"));
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
