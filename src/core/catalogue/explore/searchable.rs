//! What of a course is searched: its texts, and the words of its kind, format,
//! language, domains and places; the index the app builds from them.

use std::collections::HashMap;

use crate::catalogue::model::{Catalogue, Course, Format, Language};
use crate::catalogue::search::{IndexBuilder, SearchIndex, SearchableText};

/// The French label of a kind, as searched ("parcours", "module", "sur mesure").
pub(super) fn kind_search_label(kind: crate::catalogue::model::Kind) -> &'static str {
    use crate::catalogue::model::Kind;
    match kind {
        Kind::Parcours => "parcours",
        Kind::Module => "module",
        Kind::SurMesure => "sur mesure",
    }
}

/// The words an agent types for a format ("e-learning", "en ligne",
/// "présentiel", "distanciel"…): searched as the course's and its upcoming
/// sessions' formats, beside their places.
pub(super) fn format_search_terms(format: Format) -> &'static [&'static str] {
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
pub(super) fn language_search_terms(language: Language) -> &'static [&'static str] {
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
pub(super) fn search_extras<'c>(
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
pub(super) fn searchable<'a>(
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
pub(super) fn domain_labels(catalogue: &Catalogue) -> HashMap<String, String> {
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
