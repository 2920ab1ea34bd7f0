//! The similar courses: the sliced build is the one-shot build, and the
//! index finds what scoring every course finds.

use super::*;
use crate::catalogue::explore::tests::{explorer, NOW};
use crate::catalogue::explore::Explorer;
use crate::catalogue::model::{Catalogue, Parsed};
use crate::catalogue::synthetic::catalogue_json;

#[test]
fn the_sliced_similar_build_is_the_one_shot_build() {
    let ex = explorer();
    let sliced = explorer();
    assert!(!sliced.has_similar());
    let mut builder = SimilarBuilder::default();
    let mut steps = 0;
    while !builder.step(&sliced.catalogue.courses, &sliced.title_rank, 7) {
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
            let score = shared_domains * 3 + shared_words * 2 + u32::from(c.kind == course.kind);
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
                let title: Vec<&str> = (0..rng.below(5)).map(|_| *rng.pick(&vocabulary)).collect();
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
