//! The pipeline's behaviour through [`Explorer::run`] and the session it
//! announces, and the helpers the other files' tests share.

use super::*;
use crate::catalogue::filters::{FilterValue, Filters};
use crate::catalogue::model::Format;
use crate::catalogue::model::Parsed;
use crate::catalogue::query::CatalogueQuery;
use crate::catalogue::synthetic::catalogue_json;
use crate::catalogue::text::fold;
use crate::catalogue::url_value::Sort;

pub(super) const NOW: i64 = 1_795_000_000;

pub(super) fn explorer() -> Explorer {
    Explorer::new(
        Parsed::from_json(&catalogue_json(300, 5))
            .unwrap()
            .catalogue,
        NOW,
    )
}

#[test]
fn pages_cover_all_results_once() {
    let ex = explorer();
    let q = CatalogueQuery {
        page: 1,
        ..CatalogueQuery::default()
    };
    let first = ex.run(&q);
    assert_eq!(first.all.len(), 300);
    assert_eq!(first.pages, 15);
    let mut seen = Vec::new();
    for page in 1..=first.pages {
        seen.extend(ex.run(&CatalogueQuery { page, ..q.clone() }).page_items);
    }
    assert_eq!(seen, first.all);
    // Out-of-range pages are clamped, not errors.
    assert_eq!(
        ex.run(&CatalogueQuery {
            page: 999,
            ..q.clone()
        })
        .page,
        15
    );
}

#[test]
fn the_next_session_sort_is_by_the_announced_session() {
    let ex = Explorer::new(
        Parsed::from_json(&catalogue_json(2_000, 11))
            .unwrap()
            .catalogue,
        NOW,
    );
    let region = ex
        .catalogue
        .courses
        .iter()
        .flat_map(|c| &c.sessions)
        .find_map(|s| s.place.as_ref())
        .unwrap()
        .region
        .clone();
    let queries = [
        CatalogueQuery::default(),
        CatalogueQuery::filtered_on(FilterValue::Region(region.clone())),
        CatalogueQuery::filtered_on(FilterValue::Format(Format::Presentiel)),
        CatalogueQuery {
            text: "Lyon".into(),
            ..CatalogueQuery::default()
        },
        CatalogueQuery {
            text: region,
            ..CatalogueQuery::default()
        },
        CatalogueQuery {
            text: "sécurité paris".into(),
            ..CatalogueQuery::default()
        },
    ];
    for query in queries {
        let query = CatalogueQuery {
            sort: Sort::NextSession,
            ..query
        };
        let results = ex.run(&query);
        // The order of the key the sort had: the announced session's start,
        // courses without one last, ties in title order.
        let mut expected = results.all.clone();
        expected.sort_by_cached_key(|&d| {
            let next = ex
                .announced_session(
                    &ex.catalogue.courses[d as usize],
                    &query.filters,
                    &results.matcher,
                )
                .map(|s| s.start.unix);
            (next.is_none(), next, ex.title_rank[d as usize])
        });
        assert!(!expected.is_empty(), "{query:?}");
        assert_eq!(results.all, expected, "{query:?}");
    }
}

#[test]
fn sorts_are_total_and_stable() {
    let ex = explorer();
    let by = |sort| {
        ex.run(&CatalogueQuery {
            sort,
            page: 1,
            ..CatalogueQuery::default()
        })
        .all
    };
    let titles: Vec<String> = by(Sort::Title)
        .iter()
        .map(|&d| fold(&ex.catalogue.courses[d as usize].title))
        .collect();
    assert!(titles.windows(2).all(|w| w[0] <= w[1]));
    let durations: Vec<f32> = by(Sort::Duration)
        .iter()
        .map(|&d| ex.catalogue.courses[d as usize].duration_hours)
        .collect();
    assert!(durations.windows(2).all(|w| w[0] <= w[1]));
    let next: Vec<Option<i64>> = by(Sort::NextSession)
        .iter()
        .map(|&d| {
            ex.next_open_session(&ex.catalogue.courses[d as usize], &Filters::default())
                .map(|s| s.start.unix)
        })
        .collect();
    let first_none = next.iter().position(Option::is_none).unwrap_or(next.len());
    assert!(
        next[first_none..].iter().all(Option::is_none),
        "courses without sessions last"
    );
    assert!(next[..first_none].windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn no_results_suggests_what_to_drop_with_counts() {
    let ex = explorer();
    // Narrow enough to match nothing: every filter value excludes the others.
    let q = CatalogueQuery::from_query_string(
        "type=sur-mesure&niveau=expert&gratuit=1&format=e-learning&duree=moins-3h&public=managers",
    );
    assert!(ex.run(&q).all.is_empty());
    let suggestions = ex.suggestions(&q, 10);
    assert!(!suggestions.is_empty());
    for s in &suggestions {
        assert_eq!(ex.run(&s.query).all.len(), s.count, "{:?}", s.dropped);
        assert!(s.count > 0);
    }
    assert!(suggestions.windows(2).all(|w| w[0].count >= w[1].count));
    assert!(suggestions.iter().any(|s| s.dropped == Dropped::AllFilters));

    // An unmatched text: the only way out is to drop it.
    let s = ex.suggestions(&CatalogueQuery::from_query_string("q=zzzzzzzz"), 5);
    assert_eq!(s.len(), 1);
    assert_eq!((s[0].dropped.clone(), s[0].count), (Dropped::Text, 300));
}

/// One course with three upcoming sessions: Occitanie first (full), then
/// Occitanie (open, distanciel), then Normandie (open, présentiel).
fn regional() -> Explorer {
    let session = |id: &str, day: u32, city: &str, region: &str, format: &str, seats: u32| {
        format!(
            r#"{{"id":"{id}","start":"2030-03-{day:02}T09:30:00+01:00","end":"2030-03-{day:02}T12:30:00+01:00","format":"{format}","location":{{"city":"{city}","region":"{region}"}},"seats_left":{seats}}}"#
        )
    };
    let sessions = [
        session("s1", 3, "Toulouse", "Occitanie", "presentiel", 0),
        session("s2", 10, "Montpellier", "Occitanie", "distanciel", 5),
        session("s3", 17, "Rouen", "Normandie", "presentiel", 5),
    ]
    .join(",");
    let other = session("t1", 5, "Caen", "Normandie", "presentiel", 3);
    let json = format!(
        r#"{{"version":1,"updated":"2026-11-20","domains":[{{"id":"data","label":"Data","description":"D."}}],
        "courses":[
          {{"id":"a","kind":"module","title":"Alpha","summary":"S.","description":"D.","domains":["data"],"level":"decouverte","audience":["tous-agents"],"format":"hybride","duration_hours":3,"provider":"DINUM","free":true,"objectives":[],"prerequisites":[],"sessions":[{sessions}]}},
          {{"id":"b","kind":"module","title":"Beta","summary":"S.","description":"D.","domains":["data"],"level":"decouverte","audience":["tous-agents"],"format":"presentiel","duration_hours":3,"provider":"DINUM","free":true,"objectives":[],"prerequisites":[],"sessions":[{other}]}}
        ]}}"#
    );
    Explorer::new(Parsed::from_json(&json).unwrap().catalogue, NOW)
}

/// The ids a search for `text` finds, in order.
fn found(ex: &Explorer, text: &str) -> Vec<String> {
    let results = ex.run(&CatalogueQuery {
        text: text.into(),
        ..CatalogueQuery::default()
    });
    results
        .all
        .iter()
        .map(|&d| ex.catalogue.courses[d as usize].id.clone())
        .collect()
}

#[test]
fn a_card_announces_the_session_in_the_place_searched() {
    let ex = regional();
    let a = &ex.catalogue.courses[0];
    let none = Filters::default();
    let soonest = ex.announced_session(a, &none, &ex.run(&CatalogueQuery::default()).matcher);
    assert_eq!(
        soonest.map(|s| s.id.as_str()),
        Some("s2"),
        "s1 is full: the next open one"
    );
    // The next-session sort orders by the same session: searching "lyon",
    // c1 is announced (and sorted) at its Lyon date, after c2's.
    let session = |id: &str, day: u32, city: &str| {
        format!(
            r#"{{"id":"{id}","start":"2030-03-{day:02}T09:30:00+01:00","end":"2030-03-{day:02}T12:30:00+01:00","format":"presentiel","location":{{"city":"{city}","region":"R"}}}}"#
        )
    };
    let course = |id: &str, sessions: &[String]| {
        format!(
            r#"{{"id":"{id}","kind":"module","title":"Gamma {id}","summary":"S.","description":"D.","domains":["data"],"level":"decouverte","audience":["tous-agents"],"format":"presentiel","duration_hours":3,"provider":"DINUM","free":true,"objectives":[],"prerequisites":[],"sessions":[{}]}}"#,
            sessions.join(",")
        )
    };
    let json = format!(
        r#"{{"version":1,"updated":"2026-11-20","domains":[{{"id":"data","label":"Data","description":"D."}}],"courses":[{},{}]}}"#,
        course("c1", &[session("p", 5, "Paris"), session("l", 20, "Lyon")]),
        course("c2", &[session("m", 10, "Lyon")]),
    );
    let two = Explorer::new(Parsed::from_json(&json).unwrap().catalogue, NOW);
    let sorted = |text: &str| -> Vec<String> {
        let q = CatalogueQuery {
            text: text.into(),
            sort: Sort::NextSession,
            ..CatalogueQuery::default()
        };
        two.run(&q)
            .all
            .iter()
            .map(|&d| two.catalogue.courses[d as usize].id.clone())
            .collect()
    };
    assert_eq!(sorted("gamma"), ["c1", "c2"]);
    assert_eq!(sorted("gamma lyon"), ["c2", "c1"]);
    for (text, session) in [
        ("alpha rouen", "s3"),
        ("normandie", "s3"),
        ("rou", "s3"),
        ("montpellier", "s2"),
        ("alpha", "s2"),
    ] {
        let matcher = ex
            .run(&CatalogueQuery {
                text: text.into(),
                ..CatalogueQuery::default()
            })
            .matcher;
        assert_eq!(
            ex.announced_session(a, &none, &matcher)
                .map(|s| s.id.as_str()),
            Some(session),
            "{text}"
        );
    }
}

#[test]
fn places_are_searched_in_sessions_to_come_and_formats_by_their_words() {
    // 2026-11-20: one course was in Lyon in 2025 and is now online only.
    let json = r#"{"version":1,"updated":"2026-11-20","domains":[{"id":"data","label":"Data","description":"D."}],
        "synonyms":[["ia","intelligence artificielle","ai","artificial intelligence"]],
        "courses":[
          {"id":"past-lyon","kind":"module","title":"Alpha","summary":"S.","description":"D.","domains":["data"],"level":"decouverte","audience":["tous-agents"],"format":"e-learning","duration_hours":3,"provider":"DINUM","free":true,"objectives":[],"prerequisites":[],
           "sessions":[{"id":"p1","start":"2025-03-03T09:30:00+01:00","end":"2025-03-03T12:30:00+01:00","format":"presentiel","location":{"city":"Lyon","region":"Auvergne-Rhône-Alpes"}}]},
          {"id":"lyon","kind":"module","title":"Beta","summary":"S.","description":"D.","domains":["data"],"level":"decouverte","audience":["tous-agents"],"format":"presentiel","duration_hours":3,"provider":"DINUM","free":true,"objectives":[],"prerequisites":[],
           "sessions":[{"id":"l1","start":"2030-03-03T09:30:00+01:00","end":"2030-03-03T12:30:00+01:00","format":"presentiel","location":{"city":"Lyon","region":"Auvergne-Rhône-Alpes"}}]},
          {"id":"ia","kind":"module","title":"L'intelligence artificielle au bureau","summary":"S.","description":"D.","domains":["data"],"level":"decouverte","audience":["tous-agents"],"format":"distanciel","duration_hours":3,"provider":"DINUM","free":true,"objectives":[],"prerequisites":[],"sessions":[]}
        ]}"#;
    let ex = Explorer::new(Parsed::from_json(json).unwrap().catalogue, NOW);
    assert_eq!(
        found(&ex, "Lyon"),
        ["lyon"],
        "a past session's city does not answer"
    );
    assert_eq!(found(&ex, "e-learning"), ["past-lyon"]);
    assert_eq!(found(&ex, "en ligne"), ["past-lyon", "ia"]);
    assert_eq!(found(&ex, "présentiel"), ["lyon"]);
    assert_eq!(found(&ex, "distanciel"), ["ia"]);
    assert_eq!(
        found(&ex, "AI"),
        ["ia"],
        "English for IA, through the catalogue's synonyms"
    );
}

fn regions(values: &[&str]) -> Filters {
    Filters {
        regions: values.iter().map(|v| v.to_string()).collect(),
        ..Filters::default()
    }
}

#[test]
fn a_region_filter_narrows_the_announced_session_and_the_sort() {
    let ex = regional();
    let a = &ex.catalogue.courses[0];
    // Without filters: the first open session (the full one is skipped).
    assert_eq!(
        ex.next_open_session(a, &Filters::default()).unwrap().id,
        "s2"
    );
    // In Normandie: the Normandie session, never an Occitanie date.
    let normandie = regions(&["Normandie"]);
    assert_eq!(ex.next_open_session(a, &normandie).unwrap().id, "s3");
    let ids: Vec<_> = ex
        .matching_sessions(a, &normandie)
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(ids, ["s3"]);
    // Format narrows too.
    let distanciel = Filters {
        formats: vec![crate::catalogue::model::Format::Distanciel],
        ..Filters::default()
    };
    assert_eq!(ex.next_open_session(a, &distanciel).unwrap().id, "s2");
    // The next-session sort uses the narrowed dates: in Normandie, Beta
    // (5 March) comes before Alpha (17 March), though Alpha's first
    // session overall (3 March) is earlier.
    let q = CatalogueQuery {
        filters: normandie,
        sort: Sort::NextSession,
        page: 1,
        ..CatalogueQuery::default()
    };
    let order: Vec<_> = ex
        .run(&q)
        .all
        .iter()
        .map(|&d| ex.catalogue.courses[d as usize].id.as_str())
        .collect();
    assert_eq!(order, ["b", "a"]);
}

#[test]
fn unknown_filter_values_are_found_and_dropped() {
    let ex = regional();
    let q = CatalogueQuery::from_query_string(
        "domaine=cyber&domaine=data&domaine=data&region=Atlantide&region=Normandie",
    );
    assert_eq!(
        ex.unknown_values(&q),
        [
            FilterValue::Domain("cyber".into()),
            FilterValue::Region("Atlantide".into())
        ]
    );
    assert_eq!(
        ex.unknown_value_warnings(&q),
        [
            r#"[campus] unknown filter value domaine="cyber" ignored; valid values: data"#,
            r#"[campus] unknown filter value region="Atlantide" ignored; valid values: Normandie, Occitanie"#,
        ]
    );
    let clean = ex.sanitize(q);
    assert_eq!(clean.filters.domains, ["data"]);
    assert_eq!(clean.filters.regions, ["Normandie"]);
    assert!(ex.unknown_values(&clean).is_empty());
}
