//! The relevance table: a small catalogue indexed as the app indexes it, and
//! the order in which typical queries rank its courses.

use super::tests::docs;

/// A small catalogue, indexed as the app indexes it (`Explorer::new`).
fn relevance_catalogue() -> crate::catalogue::explore::Explorer {
    let course = |id: &str, kind: &str, title: &str, summary: &str, domain: &str, extra: &str| {
        format!(
            r#"{{"id": "{id}", "kind": "{kind}", "title": "{title}", "summary": "{summary}",
                "description": "Une formation du campus.", "domains": ["{domain}"],
                "level": "decouverte", "audience": ["tous-agents"], "format": "distanciel",
                "duration_hours": 3, "provider": "DINUM", "free": true {extra}}}"#
        )
    };
    let lyon = r#", "sessions": [{"id": "s1", "start": "2027-02-11T09:30:00+01:00",
        "end": "2027-02-11T12:30:00+01:00", "format": "presentiel",
        "location": {"city": "Lyon", "region": "Auvergne-Rhône-Alpes"}}]"#;
    let courses = [
        course(
            "ia",
            "module",
            "Intelligence artificielle pour les agents",
            "Usages et limites.",
            "data",
            "",
        ),
        course(
            "iaas",
            "module",
            "Migrer vers l'IaaS",
            "Infrastructure as a service.",
            "cloud",
            "",
        ),
        course(
            "cyber1",
            "module",
            "Sensibilisation à la cybersécurité",
            "Les bons réflexes.",
            "cyber",
            "",
        ),
        course(
            "cyber2",
            "module",
            "Gestion de crise cyber",
            "Réagir à un incident.",
            "cyber",
            "",
        ),
        course(
            "cyber3",
            "module",
            "Homologation des systèmes",
            "Le dossier d'homologation.",
            "cyber",
            lyon,
        ),
        course(
            "cyber4",
            "parcours",
            "Parcours du RSSI",
            "Devenir RSSI.",
            "cyber",
            "",
        ),
        course(
            "nfd",
            "module",
            r"Se\u0301curite\u0301 des applications",
            "OWASP.",
            "cloud",
            "",
        ),
        course(
            "zw",
            "module",
            r"Cyber\u200bsécurité des collectivités",
            "Pour les élus.",
            "data",
            "",
        ),
        course(
            "pdf",
            "module",
            "Documents bureautiques et PDF accessibles",
            "Produire des documents.",
            "design",
            "",
        ),
        course(
            "rgaa",
            "module",
            "Auditer avec le RGAA",
            "Le référentiel.",
            "design",
            "",
        ),
        course(
            "a11y",
            "module",
            "Accessibilité numérique des sites",
            "Les bases.",
            "design",
            "",
        ),
        course(
            "atelier",
            "module",
            "Animer un atelier",
            "Faciliter.",
            "data",
            lyon,
        ),
        course("open", "module", "Open data", "Publier.", "data", ""),
        course(
            "database",
            "module",
            "Administrer une database",
            "SQL.",
            "data",
            "",
        ),
        course(
            "rh",
            "sur-mesure",
            "La fonction RH",
            "Accompagnement sur mesure.",
            "data",
            "",
        ),
        course(
            "rhetorique",
            "module",
            "Rhétorique",
            "Convaincre.",
            "data",
            "",
        ),
        course(
            "gen",
            "module",
            "Comprendre l'IA générative",
            "Les modèles.",
            "data",
            "",
        ),
    ];
    let json = format!(
        r#"{{"version": 1, "domains": [
            {{"id": "cyber", "label": "Cybersécurité"}}, {{"id": "data", "label": "Données"}},
            {{"id": "cloud", "label": "Cloud"}}, {{"id": "design", "label": "Design et accessibilité"}}],
          "synonyms": [["ia", "intelligence artificielle"], ["rgaa", "accessibilité numérique"]],
          "courses": [{}]}}"#,
        courses.join(",")
    );
    let parsed = crate::catalogue::model::Parsed::from_json(&json).unwrap();
    assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
    crate::catalogue::explore::Explorer::new(parsed.catalogue, 1_795_000_000)
}

#[test]
fn relevance_table() {
    let ex = relevance_catalogue();
    let idx = ex.search_index();
    let title = |doc: u32| ex.catalogue.courses[doc as usize].title.as_str();
    let ranked =
        |query: &str| -> Vec<&str> { docs(idx.search(query)).into_iter().map(title).collect() };
    // (query, expected course, worst acceptable rank from 1)
    let table: &[(&str, &str, usize)] = &[
        ("IA", "Intelligence artificielle pour les agents", 2),
        ("IA", "Comprendre l'IA générative", 2),
        (
            "intelligence artificielle",
            "Intelligence artificielle pour les agents",
            1,
        ),
        ("intelligence artificielle", "Comprendre l'IA générative", 2),
        ("ia générative", "Comprendre l'IA générative", 1),
        ("lyon", "Homologation des systèmes", 2),
        ("lyon", "Animer un atelier", 2),
        ("auvergne", "Animer un atelier", 2),
        ("cybersécurité", "Sensibilisation à la cybersécurité", 2),
        (
            "cybersécurité",
            "Cyber\u{200b}sécurité des collectivités",
            2,
        ),
        ("cybersécurité", "Gestion de crise cyber", 5),
        ("cybersécurité", "Homologation des systèmes", 5),
        ("cybersécurité", "Parcours du RSSI", 5),
        (
            "cybersecurite",
            "Cyber\u{200b}sécurité des collectivités",
            2,
        ),
        ("securite", "Se\u{301}curite\u{301} des applications", 1),
        ("sécurité", "Se\u{301}curite\u{301} des applications", 1),
        ("rgaa", "Auditer avec le RGAA", 1),
        ("rgaa", "Accessibilité numérique des sites", 2),
        (
            "accessibilité numérique",
            "Accessibilité numérique des sites",
            1,
        ),
        ("accessibilité numérique", "Auditer avec le RGAA", 2),
        ("data", "Open data", 1),
        ("data", "Administrer une database", 2),
        ("RH", "La fonction RH", 1),
        ("sur mesure", "La fonction RH", 1),
        ("parcours", "Parcours du RSSI", 1),
        ("dinum", "Open data", 17),
        ("cybersecurté", "Sensibilisation à la cybersécurité", 2),
    ];
    for &(query, expected, worst) in table {
        let results = ranked(query);
        let rank = results.iter().position(|t| *t == expected).map(|p| p + 1);
        assert!(
            rank.is_some_and(|r| r <= worst),
            "{query:?}: {expected:?} at {rank:?}, expected ≤ {worst}; got {results:?}"
        );
    }
    // What must not match.
    let absent: &[(&str, &str)] = &[
        ("IA", "Migrer vers l'IaaS"),
        ("RH", "Rhétorique"),
        ("intelligence artificielle", "Migrer vers l'IaaS"),
    ];
    for &(query, unexpected) in absent {
        assert!(
            !ranked(query).contains(&unexpected),
            "{query:?} found {unexpected:?}"
        );
    }
    // The whole domain, and only it (no other course names it).
    let cyber: Vec<&str> = ex
        .catalogue
        .courses
        .iter()
        .filter(|c| c.domains.iter().any(|d| d == "cyber"))
        .map(|c| c.title.as_str())
        .collect();
    let found = ranked("cybersécurité");
    assert!(cyber.iter().all(|t| found.contains(t)), "{found:?}");
    assert_eq!(found.len(), cyber.len() + 1, "plus the zero-width title");
    // Title matches first.
    assert!(found[..2].contains(&"Sensibilisation à la cybersécurité"));
    // Corrections and similar titles on the same catalogue.
    assert_eq!(
        idx.did_you_mean("cybersecurté").as_deref(),
        Some("cybersécurité")
    );
    assert_eq!(
        idx.did_you_mean("homologtaion").as_deref(),
        Some("homologation")
    );
    let similar: Vec<&str> = idx
        .similar("Accessibilité des PDF", 5)
        .iter()
        .map(|h| title(h.doc))
        .collect();
    assert_eq!(
        similar[0], "Documents bureautiques et PDF accessibles",
        "{similar:?}"
    );
    // Search ANDs the words: only the PDF course (its domain says
    // "accessibilité"); similar also finds courses sharing one word.
    assert_eq!(
        ranked("Accessibilité des PDF"),
        ["Documents bureautiques et PDF accessibles"]
    );
    assert!(similar.contains(&"Accessibilité numérique des sites"));
}
