//! The catalogue's filters as one typed vocabulary.
//!
//! [`FilterKey::spec`] is the table: one row per filter holding everything
//! about it — its URL key (the only place a filter's URL key is spelled), its
//! label, the widget attribute that pre-sets it, the values it takes, and how
//! a course and a session are read for it. Everything else iterates
//! [`FilterKey::ALL`]: the URL codec (`query.rs`), the facet counts
//! (`facets.rs`), the wider-search suggestions and the unknown-value check
//! (`explore.rs`), the filter panel, its tags and labels
//! (`catalogue_page.rs`). The widget loader's attribute map
//! (`public/embed.js`) and the table of URL keys in `docs/embedding.md` are
//! checked against it by the tests below.
//!
//! Values are typed ([`FilterValue`]): the core adds, removes and compares
//! them as values and never edits a query through its URL form.
//!
//! Adding a filter: a [`FilterKey`] variant (listed in `ALL`), its row in
//! [`FilterKey::spec`], its [`FilterValue`] variant and its field in
//! [`Filters`], plus its labels; the compiler then names each match arm left
//! to write, all in this file.

use std::borrow::Cow;

use super::model::{Audience, Catalogue, Course, Format, Kind, Level, Session};
use super::text::fold;
use super::url_value::{DurationBand, UrlValue};
use crate::catalogue::labels;
use crate::i18n::{Locale, Text};

/// A catalogue filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FilterKey {
    /// Training field (a domain id of the catalogue).
    Domain,
    /// Kind of course.
    Kind,
    /// Format.
    Format,
    /// Level.
    Level,
    /// Audience.
    Audience,
    /// Duration band.
    Duration,
    /// Free courses only.
    Free,
    /// Courses with an upcoming session only.
    Upcoming,
    /// Region of an upcoming session.
    Region,
}

/// A value of one filter; it knows its [`FilterKey`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FilterValue {
    /// A domain id.
    Domain(String),
    /// A kind.
    Kind(Kind),
    /// A format.
    Format(Format),
    /// A level.
    Level(Level),
    /// An audience.
    Audience(Audience),
    /// A duration band.
    Duration(DurationBand),
    /// Free only (the filter's one value).
    Free,
    /// With an upcoming session (the filter's one value).
    Upcoming,
    /// A region name, as in the catalogue's session places.
    Region(String),
}

/// The values a filter takes.
#[derive(Debug, Clone)]
pub enum Values {
    /// Ids the catalogue defines (domain ids, regions of upcoming sessions).
    /// A URL may name one the catalogue does not have: it is then dropped,
    /// with a warning (see `Explorer::unknown_values`).
    Catalogue {
        /// The value of a valid id.
        wrap: fn(String) -> FilterValue,
        /// The catalogue's values, in display order; `now` (unix seconds)
        /// decides what is upcoming.
        list: fn(&Catalogue, i64) -> Vec<FilterValue>,
    },
    /// A fixed list: one of the contract's enums, spelled by its `UrlValue`.
    Fixed(fn() -> Vec<FilterValue>),
    /// On or off: its one value, spelled `1` in URLs (`gratuit=1`).
    Flag(FilterValue),
}

/// Everything about one filter: a row of the table.
#[derive(Debug, Clone)]
pub struct FilterSpec {
    /// Its URL key (`domaine` in `domaine=data`).
    pub url_key: &'static str,
    /// Its label: the legend of its group in the filter panel, or a flag's own
    /// label (its checkbox, its tag).
    pub label: Text,
    /// The attribute of a widget placeholder that pre-sets it
    /// (`public/embed.js`; several values separated by commas, a flag's
    /// attribute takes `true`).
    pub embed_attribute: Option<&'static str>,
    /// The values it takes, and so how they parse.
    pub values: Values,
    /// Its selected values in [`Filters`], in selection order.
    pub selected: fn(&Filters) -> Vec<FilterValue>,
    /// A course's values for it (its facet); `now` decides what is upcoming.
    pub course: fn(&Course, i64) -> Vec<FilterValue>,
    /// For a filter sessions have a value of (region, format): whether a
    /// session passes the selection. The session a card announces and the
    /// sessions a course page lists are those passing every such filter.
    pub session: Option<fn(&Session, &Filters) -> bool>,
}

/// The URL spelling of a flag's value (`gratuit=1`).
const FLAG_ON: &str = "1";
/// Longest catalogue id kept from a URL (longer ones are ignored).
const MAX_ID_LEN: usize = 100;
/// Most values kept per filter.
const MAX_VALUES: usize = 50;

fn each<T: Copy>(values: &[T], wrap: fn(T) -> FilterValue) -> Vec<FilterValue> {
    values.iter().copied().map(wrap).collect()
}

fn flag(value: FilterValue, on: bool) -> Vec<FilterValue> {
    if on {
        vec![value]
    } else {
        Vec::new()
    }
}

/// A session's region, trimmed; `None` when it has no place or an empty region.
fn session_region(session: &Session) -> Option<&str> {
    session
        .place
        .as_ref()
        .map(|p| p.region.trim())
        .filter(|r| !r.is_empty())
}

/// The regions of upcoming sessions, once each, in French order: accents and
/// capitals do not count ("Île-de-France" between "Hauts-de-France" and "La
/// Réunion", not after "Provence").
fn upcoming_regions(catalogue: &Catalogue, now: i64) -> Vec<FilterValue> {
    // Distinct first (a few dozen among thousands of sessions: a set, not a
    // sort of every session's region), then in folded order.
    let distinct: std::collections::HashSet<&str> = catalogue
        .courses
        .iter()
        .flat_map(|c| c.upcoming_sessions(now))
        .filter_map(session_region)
        .collect();
    let mut regions: Vec<&str> = distinct.into_iter().collect();
    crate::util::sort::sort_by_cached_key(&mut regions, |r| (fold(r), *r));
    regions
        .into_iter()
        .map(|r| FilterValue::Region(r.to_owned()))
        .collect()
}

impl FilterKey {
    /// Every filter, in URL order and filter-panel order.
    pub const ALL: [FilterKey; 9] = [
        FilterKey::Domain,
        FilterKey::Kind,
        FilterKey::Format,
        FilterKey::Level,
        FilterKey::Audience,
        FilterKey::Duration,
        FilterKey::Free,
        FilterKey::Upcoming,
        FilterKey::Region,
    ];

    /// Number of filters.
    pub const COUNT: usize = FilterKey::ALL.len();

    /// Position in [`FilterKey::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The table: everything about this filter.
    pub fn spec(self) -> FilterSpec {
        match self {
            FilterKey::Domain => FilterSpec {
                url_key: "domaine",
                label: Text::FilterDomain,
                embed_attribute: Some("data-domain"),
                values: Values::Catalogue {
                    wrap: FilterValue::Domain,
                    // In the catalogue's order, courses or not.
                    list: |catalogue, _| {
                        catalogue
                            .domains
                            .iter()
                            .map(|d| FilterValue::Domain(d.id.clone()))
                            .collect()
                    },
                },
                selected: |f| f.domains.iter().cloned().map(FilterValue::Domain).collect(),
                course: |c, _| c.domains.iter().cloned().map(FilterValue::Domain).collect(),
                session: None,
            },
            FilterKey::Kind => FilterSpec {
                url_key: "type",
                label: Text::FilterKind,
                embed_attribute: Some("data-type"),
                values: Values::Fixed(|| each(Kind::VALUES, FilterValue::Kind)),
                selected: |f| each(&f.kinds, FilterValue::Kind),
                course: |c, _| vec![FilterValue::Kind(c.kind)],
                session: None,
            },
            FilterKey::Format => FilterSpec {
                url_key: "format",
                label: Text::FilterFormat,
                embed_attribute: Some("data-format"),
                values: Values::Fixed(|| each(Format::VALUES, FilterValue::Format)),
                selected: |f| each(&f.formats, FilterValue::Format),
                course: |c, _| vec![FilterValue::Format(c.format)],
                session: Some(|s, f| f.formats.is_empty() || f.formats.contains(&s.format)),
            },
            FilterKey::Level => FilterSpec {
                url_key: "niveau",
                label: Text::FilterLevel,
                embed_attribute: Some("data-level"),
                values: Values::Fixed(|| each(Level::VALUES, FilterValue::Level)),
                selected: |f| each(&f.levels, FilterValue::Level),
                course: |c, _| vec![FilterValue::Level(c.level)],
                session: None,
            },
            FilterKey::Audience => FilterSpec {
                url_key: "public",
                label: Text::FilterAudience,
                embed_attribute: Some("data-audience"),
                values: Values::Fixed(|| each(Audience::VALUES, FilterValue::Audience)),
                selected: |f| each(&f.audiences, FilterValue::Audience),
                course: |c, _| each(&c.audience, FilterValue::Audience),
                session: None,
            },
            FilterKey::Duration => FilterSpec {
                url_key: "duree",
                label: Text::FilterDuration,
                embed_attribute: None,
                values: Values::Fixed(|| each(DurationBand::VALUES, FilterValue::Duration)),
                selected: |f| each(&f.durations, FilterValue::Duration),
                course: |c, _| vec![FilterValue::Duration(DurationBand::of(c.duration_hours))],
                session: None,
            },
            FilterKey::Free => FilterSpec {
                url_key: "gratuit",
                label: Text::FilterFree,
                embed_attribute: Some("data-free"),
                values: Values::Flag(FilterValue::Free),
                selected: |f| flag(FilterValue::Free, f.free_only),
                course: |c, _| flag(FilterValue::Free, c.free),
                session: None,
            },
            FilterKey::Upcoming => FilterSpec {
                url_key: "sessions",
                label: Text::FilterUpcoming,
                embed_attribute: Some("data-upcoming"),
                values: Values::Flag(FilterValue::Upcoming),
                selected: |f| flag(FilterValue::Upcoming, f.upcoming_only),
                course: |c, now| {
                    flag(
                        FilterValue::Upcoming,
                        c.upcoming_sessions(now).next().is_some(),
                    )
                },
                session: None,
            },
            FilterKey::Region => FilterSpec {
                url_key: "region",
                label: Text::FilterRegion,
                embed_attribute: Some("data-region"),
                values: Values::Catalogue {
                    wrap: FilterValue::Region,
                    list: upcoming_regions,
                },
                selected: |f| f.regions.iter().cloned().map(FilterValue::Region).collect(),
                course: |c, now| {
                    c.upcoming_sessions(now)
                        .filter_map(session_region)
                        .map(|r| FilterValue::Region(r.to_owned()))
                        .collect()
                },
                session: Some(|s, f| {
                    f.regions.is_empty()
                        || session_region(s).is_some_and(|r| f.regions.iter().any(|x| x == r))
                }),
            },
        }
    }

    /// Its URL key.
    pub fn url_key(self) -> &'static str {
        self.spec().url_key
    }

    /// The filter of a URL key.
    pub fn from_url_key(key: &str) -> Option<FilterKey> {
        FilterKey::ALL.into_iter().find(|k| k.url_key() == key)
    }

    /// Whether it is on or off (one value) rather than a list of alternatives.
    pub fn is_flag(self) -> bool {
        matches!(self.spec().values, Values::Flag(_))
    }

    /// Whether the catalogue defines its values (a URL may name unknown ones).
    pub fn is_catalogue_defined(self) -> bool {
        matches!(self.spec().values, Values::Catalogue { .. })
    }

    /// Its value spelled `text` in a URL (surrounding spaces ignored), if valid.
    pub fn parse(self, text: &str) -> Option<FilterValue> {
        let text = text.trim();
        match self.spec().values {
            Values::Catalogue { wrap, .. } => {
                (!text.is_empty() && text.len() <= MAX_ID_LEN).then(|| wrap(text.to_owned()))
            }
            Values::Fixed(all) => all().into_iter().find(|v| v.url_value() == text),
            Values::Flag(on) => (text == FLAG_ON).then_some(on),
        }
    }

    /// Every value it can take in `catalogue`, in display order.
    pub fn values_in(self, catalogue: &Catalogue, now: i64) -> Vec<FilterValue> {
        match self.spec().values {
            Values::Catalogue { list, .. } => list(catalogue, now),
            Values::Fixed(all) => all(),
            Values::Flag(on) => vec![on],
        }
    }
}

impl FilterValue {
    /// The filter it is a value of.
    pub fn key(&self) -> FilterKey {
        match self {
            FilterValue::Domain(_) => FilterKey::Domain,
            FilterValue::Kind(_) => FilterKey::Kind,
            FilterValue::Format(_) => FilterKey::Format,
            FilterValue::Level(_) => FilterKey::Level,
            FilterValue::Audience(_) => FilterKey::Audience,
            FilterValue::Duration(_) => FilterKey::Duration,
            FilterValue::Free => FilterKey::Free,
            FilterValue::Upcoming => FilterKey::Upcoming,
            FilterValue::Region(_) => FilterKey::Region,
        }
    }

    /// Its URL spelling (before percent-encoding).
    pub fn url_value(&self) -> Cow<'_, str> {
        match self {
            FilterValue::Domain(id) | FilterValue::Region(id) => Cow::Borrowed(id),
            FilterValue::Kind(v) => v.url_value().into(),
            FilterValue::Format(v) => v.url_value().into(),
            FilterValue::Level(v) => v.url_value().into(),
            FilterValue::Audience(v) => v.url_value().into(),
            FilterValue::Duration(v) => v.url_value().into(),
            FilterValue::Free | FilterValue::Upcoming => FLAG_ON.into(),
        }
    }

    /// Its label, for checkboxes, tags and suggestions: a domain's label from
    /// the catalogue (its id if unknown), a region's name, a flag's label.
    pub fn label(&self, catalogue: &Catalogue, l: Locale) -> String {
        match self {
            FilterValue::Domain(id) => catalogue
                .domain(id)
                .map_or_else(|| id.clone(), |d| d.label.clone()),
            FilterValue::Kind(v) => labels::kind(*v, l).to_owned(),
            FilterValue::Format(v) => labels::format(*v, l).to_owned(),
            FilterValue::Level(v) => labels::level(*v, l).to_owned(),
            FilterValue::Audience(v) => labels::audience(*v, l).to_owned(),
            FilterValue::Duration(v) => labels::duration_band(*v, l).to_owned(),
            FilterValue::Free | FilterValue::Upcoming => self.key().spec().label.get(l).to_owned(),
            FilterValue::Region(name) => name.clone(),
        }
    }

    /// Whether its URL form reads back as itself (an id non-empty, at most
    /// 100 bytes, without surrounding spaces). Only such values are selected.
    pub fn is_valid(&self) -> bool {
        self.key().parse(&self.url_value()).as_ref() == Some(self)
    }
}

/// The filter panel's groups, in order: one per filter, except the flags,
/// which share one (after the lists before them, "Autres critères").
pub fn panel_groups() -> Vec<Vec<FilterKey>> {
    let mut groups: Vec<Vec<FilterKey>> = Vec::new();
    let mut flags: Option<usize> = None;
    for key in FilterKey::ALL {
        match (key.is_flag(), flags) {
            (true, Some(i)) => groups[i].push(key),
            (true, None) => {
                flags = Some(groups.len());
                groups.push(vec![key]);
            }
            (false, _) => groups.push(vec![key]),
        }
    }
    groups
}

/// The active filters. Within a filter, values are alternatives (OR); across
/// filters, all must hold (AND). Edit them with [`Filters::insert`],
/// [`Filters::remove`] and [`Filters::toggle`]; read them by key with
/// [`Filters::values`] or all at once with [`Filters::active`].
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

/// Adds (`on`) or removes `value` in `list`, keeping values unique and at
/// most [`MAX_VALUES`].
fn set<T: PartialEq>(list: &mut Vec<T>, value: T, on: bool) {
    if !on {
        list.retain(|v| *v != value);
    } else if list.len() < MAX_VALUES && !list.contains(&value) {
        list.push(value);
    }
}

impl Filters {
    /// Whether no filter is active.
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// The selected values of `key`, in selection order.
    pub fn values(&self, key: FilterKey) -> Vec<FilterValue> {
        (key.spec().selected)(self)
    }

    /// Every selected value, in URL order (by key, then selection order).
    pub fn active(&self) -> Vec<FilterValue> {
        FilterKey::ALL
            .into_iter()
            .flat_map(|k| self.values(k))
            .collect()
    }

    /// Whether `value` is selected.
    pub fn contains(&self, value: &FilterValue) -> bool {
        self.values(value.key()).contains(value)
    }

    /// Selects `value` (ignored if invalid, already selected, or if its filter
    /// already has 50 values).
    pub fn insert(&mut self, value: FilterValue) {
        if value.is_valid() {
            self.set(value, true);
        }
    }

    /// Deselects `value`.
    pub fn remove(&mut self, value: &FilterValue) {
        self.set(value.clone(), false);
    }

    /// Selects `value`, or deselects it if it is selected.
    pub fn toggle(&mut self, value: FilterValue) {
        if self.contains(&value) {
            self.remove(&value);
        } else {
            self.insert(value);
        }
    }

    /// Only the filters a session can fail (region, format): what narrows the
    /// sessions of a course page to those its card announced.
    pub fn for_sessions(&self) -> Filters {
        let mut kept = Filters::default();
        for value in self.active() {
            if value.key().spec().session.is_some() {
                kept.insert(value);
            }
        }
        kept
    }

    /// The test of a session against the filters sessions have a value of
    /// (region, format): the sessions a card announces and a course page lists.
    pub fn session_test(&self) -> impl Fn(&Session) -> bool + '_ {
        let checks: Vec<fn(&Session, &Filters) -> bool> = FilterKey::ALL
            .into_iter()
            .filter_map(|k| k.spec().session)
            .collect();
        move |session| checks.iter().all(|passes| passes(session, self))
    }

    fn set(&mut self, value: FilterValue, on: bool) {
        match value {
            FilterValue::Domain(v) => set(&mut self.domains, v, on),
            FilterValue::Kind(v) => set(&mut self.kinds, v, on),
            FilterValue::Format(v) => set(&mut self.formats, v, on),
            FilterValue::Level(v) => set(&mut self.levels, v, on),
            FilterValue::Audience(v) => set(&mut self.audiences, v, on),
            FilterValue::Duration(v) => set(&mut self.durations, v, on),
            FilterValue::Free => self.free_only = on,
            FilterValue::Upcoming => self.upcoming_only = on,
            FilterValue::Region(v) => set(&mut self.regions, v, on),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::model::Parsed;
    use crate::catalogue::query::{CatalogueQuery, PAGE_KEY, SORT_KEY, TEXT_KEY};
    use crate::catalogue::synthetic::catalogue_json;
    use std::collections::BTreeMap;

    const NOW: i64 = 1_795_000_000;

    fn sample() -> Catalogue {
        Parsed::from_json(&catalogue_json(300, 7))
            .unwrap()
            .catalogue
    }

    #[test]
    fn all_lists_every_key_once_in_declaration_order() {
        for (i, key) in FilterKey::ALL.into_iter().enumerate() {
            assert_eq!(key.index(), i, "{key:?}");
        }
    }

    #[test]
    fn url_keys_are_unique_and_distinct_from_the_views_own_keys() {
        let mut keys: Vec<&str> = FilterKey::ALL.iter().map(|k| k.url_key()).collect();
        keys.extend([TEXT_KEY, SORT_KEY, PAGE_KEY]);
        let mut unique = keys.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), keys.len(), "{keys:?}");
        for key in FilterKey::ALL {
            assert_eq!(FilterKey::from_url_key(key.url_key()), Some(key));
            assert!(
                key.url_key()
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{key:?}: a URL key needs no encoding"
            );
        }
        assert_eq!(FilterKey::from_url_key("q"), None);
    }

    #[test]
    fn every_value_of_every_key_round_trips_through_the_url() {
        let catalogue = sample();
        for key in FilterKey::ALL {
            let values = key.values_in(&catalogue, NOW);
            assert!(!values.is_empty(), "{key:?} has values in the sample");
            for value in &values {
                assert_eq!(value.key(), key, "{value:?}");
                assert!(value.is_valid(), "{value:?}");
                assert_eq!(key.parse(&value.url_value()).as_ref(), Some(value));
                let mut q = CatalogueQuery::default();
                q.filters.insert(value.clone());
                assert_eq!(q.filters.active(), std::slice::from_ref(value), "{value:?}");
                let url = q.to_query_string();
                assert!(
                    url.starts_with(&format!("{}=", key.url_key())),
                    "{value:?}: {url}"
                );
                let back = CatalogueQuery::from_query_string(&url);
                assert_eq!(back.filters, q.filters, "{url}");
            }
            // Every value of the key at once (a flag: its one value).
            let mut q = CatalogueQuery::default();
            values.iter().for_each(|v| q.filters.insert(v.clone()));
            assert_eq!(q.filters.values(key), values, "{key:?}");
            let back = CatalogueQuery::from_query_string(&q.to_query_string());
            assert_eq!(back.filters, q.filters, "{key:?}");
        }
    }

    #[test]
    fn a_course_is_read_for_each_key_in_values_of_that_key() {
        let catalogue = sample();
        for key in FilterKey::ALL {
            let known = key.values_in(&catalogue, NOW);
            for course in &catalogue.courses {
                for value in (key.spec().course)(course, NOW) {
                    assert_eq!(value.key(), key);
                    assert!(known.contains(&value), "{value:?}");
                }
            }
        }
    }

    #[test]
    fn every_key_and_value_has_a_french_and_an_english_label() {
        let catalogue = sample();
        for key in FilterKey::ALL {
            for l in Locale::ALL {
                assert!(!key.spec().label.get(l).trim().is_empty(), "{key:?}");
                for value in key.values_in(&catalogue, NOW) {
                    assert!(!value.label(&catalogue, l).trim().is_empty(), "{value:?}");
                }
            }
        }
        let free = FilterValue::Free;
        assert_eq!(free.label(&catalogue, Locale::Fr), "Gratuites uniquement");
        assert_eq!(free.label(&catalogue, Locale::En), "Free only");
        let domain = &catalogue.domains[0];
        assert_eq!(
            FilterValue::Domain(domain.id.clone()).label(&catalogue, Locale::En),
            domain.label
        );
        assert_eq!(
            FilterValue::Domain("nope".into()).label(&catalogue, Locale::Fr),
            "nope"
        );
    }

    #[test]
    fn typed_edits_keep_values_unique_valid_and_bounded() {
        let mut f = Filters::default();
        f.toggle(FilterValue::Region("Normandie".into()));
        f.toggle(FilterValue::Kind(Kind::Module));
        f.insert(FilterValue::Kind(Kind::Module));
        f.toggle(FilterValue::Free);
        assert_eq!(
            f.active(),
            [
                FilterValue::Kind(Kind::Module),
                FilterValue::Free,
                FilterValue::Region("Normandie".into())
            ],
            "URL order, not insertion order"
        );
        assert!(f.free_only && f.contains(&FilterValue::Free));
        f.toggle(FilterValue::Free);
        assert!(!f.free_only);
        f.remove(&FilterValue::Kind(Kind::Module));
        assert_eq!(f.active(), [FilterValue::Region("Normandie".into())]);
        // Values whose URL form would not read back are never selected.
        for bad in ["", "  ", " data", "data\u{a0}", &"x".repeat(101)] {
            f.insert(FilterValue::Domain(bad.to_owned()));
        }
        assert!(f.domains.is_empty(), "{:?}", f.domains);
        f.insert(FilterValue::Domain("x".repeat(100)));
        assert_eq!(f.domains.len(), 1);
        for i in 0..80 {
            f.insert(FilterValue::Region(format!("r{i}")));
        }
        assert_eq!(f.regions.len(), MAX_VALUES);
    }

    #[test]
    fn only_session_filters_are_kept_for_a_course_page() {
        let mut f = Filters::default();
        for v in [
            FilterValue::Domain("data".into()),
            FilterValue::Format(Format::Presentiel),
            FilterValue::Free,
            FilterValue::Region("Bretagne".into()),
        ] {
            f.insert(v);
        }
        assert_eq!(
            f.for_sessions().active(),
            [
                FilterValue::Format(Format::Presentiel),
                FilterValue::Region("Bretagne".into())
            ]
        );
    }

    #[test]
    fn the_panel_shows_every_filter_once_with_the_flags_together() {
        let groups = panel_groups();
        assert_eq!(groups.concat(), FilterKey::ALL, "every key once, in order");
        let flags: Vec<&Vec<FilterKey>> = groups
            .iter()
            .filter(|g| g.iter().any(|k| k.is_flag()))
            .collect();
        assert_eq!(flags, [&vec![FilterKey::Free, FilterKey::Upcoming]]);
        assert!(groups
            .iter()
            .all(|g| g.len() == 1 || g.iter().all(|k| k.is_flag())));
    }

    /// The `{ 'attr': 'key', … }` object literal assigned to `var name` in `js`.
    fn js_map(js: &str, name: &str) -> BTreeMap<String, String> {
        let start = js
            .find(&format!("var {name} = {{"))
            .unwrap_or_else(|| panic!("embed.js declares {name}"));
        let body = &js[start..];
        let body = &body[body.find('{').unwrap() + 1..body.find("};").unwrap()];
        body.split(',')
            .filter(|entry| !entry.trim().is_empty())
            .map(|entry| {
                let (k, v) = entry.split_once(':').expect("'attr': 'key'");
                let unquote = |s: &str| s.trim().trim_matches('\'').to_owned();
                (unquote(k), unquote(v))
            })
            .collect()
    }

    #[test]
    fn the_widget_loader_maps_the_tables_attributes_to_the_tables_url_keys() {
        let js = include_str!("../../../public/embed.js");
        let mut lists: BTreeMap<String, String> = BTreeMap::new();
        let mut flags: BTreeMap<String, String> = BTreeMap::new();
        for key in FilterKey::ALL {
            if let Some(attr) = key.spec().embed_attribute {
                let map = if key.is_flag() {
                    &mut flags
                } else {
                    &mut lists
                };
                map.insert(attr.to_owned(), key.url_key().to_owned());
            }
        }
        // The view's own keys the loader also pre-sets.
        lists.insert("data-q".into(), TEXT_KEY.into());
        lists.insert("data-sort".into(), SORT_KEY.into());
        assert_eq!(js_map(js, "FILTERS"), lists, "public/embed.js FILTERS");
        assert_eq!(js_map(js, "FLAGS"), flags, "public/embed.js FLAGS");
        assert!(
            js.contains(&format!("FLAGS[attr] + '={FLAG_ON}'")),
            "a flag is spelled {FLAG_ON}"
        );
    }

    /// The table of filter URL keys in `docs/embedding.md`, as the table says it.
    fn docs_table() -> String {
        let catalogue = sample();
        let mut out = String::from(
            "| URL key | filter (fr / en) | values | several | widget attribute |\n|---|---|---|---|---|\n",
        );
        for key in FilterKey::ALL {
            let spec = key.spec();
            let values = match &spec.values {
                Values::Catalogue { .. } => {
                    "the catalogue's own (unknown ones are dropped)".to_owned()
                }
                Values::Fixed(_) => key
                    .values_in(&catalogue, NOW)
                    .iter()
                    .map(|v| format!("`{}`", v.url_value()))
                    .collect::<Vec<_>>()
                    .join(", "),
                Values::Flag(_) => format!("`{FLAG_ON}`"),
            };
            let several = if key.is_flag() { "no" } else { "yes" };
            let attr = match (spec.embed_attribute, key.is_flag()) {
                (Some(a), true) => format!("`{a}=\"true\"`"),
                (Some(a), false) => format!("`{a}`"),
                (None, _) => "—".to_owned(),
            };
            out.push_str(&format!(
                "| `{}` | {} / {} | {values} | {several} | {attr} |\n",
                spec.url_key,
                spec.label.get(Locale::Fr),
                spec.label.get(Locale::En)
            ));
        }
        out
    }

    #[test]
    fn the_embedding_doc_lists_every_url_key_as_the_table_says() {
        let doc = include_str!("../../../docs/embedding.md");
        let table = docs_table();
        assert!(
            doc.contains(&table),
            "docs/embedding.md, section \"Filters in attributes\", must hold this table:\n\n{table}"
        );
    }
}
