//! Relevance checks on the bundled catalogue: what agents type → the course they
//! mean → the rank it must reach. The table is printed on every run
//! (`cargo test --test relevance -- --nocapture`) and each row is a bound the
//! ranking must keep.

use campus_core::catalogue::explore::Explorer;
use campus_core::catalogue::model::Parsed;
use campus_core::catalogue::query::CatalogueQuery;

/// (query, expected course id, worst acceptable rank, why).
const CHECKS: &[(&str, &str, usize, &str)] = &[
    (
        "rgaa",
        "module-design-rgaa-fondamentaux",
        3,
        "acronym in a title",
    ),
    (
        "RGAA audit",
        "module-design-audit-accessibilite",
        1,
        "two words, both in the title",
    ),
    (
        "accessibilité pdf",
        "module-design-documents-accessibles",
        1,
        "words in another order",
    ),
    (
        "accessibilite PDF",
        "module-design-documents-accessibles",
        1,
        "no accents, capitals",
    ),
    (
        "kubernetes",
        "module-cloud-conteneurs-kubernetes",
        1,
        "rare word",
    ),
    ("kubernets", "module-cloud-conteneurs-kubernetes", 1, "typo"),
    (
        "IA",
        "module-data-ia-generative",
        3,
        "acronym, exact word ranks first",
    ),
    (
        "intelligence artificielle",
        "parcours-tn-ia-action-publique",
        5,
        "the phrase, in five titles",
    ),
    (
        "intelligence artificielle",
        "module-data-ia-generative",
        12,
        "through the synonym IA only",
    ),
    (
        "données ouvertes",
        "module-data-open-data",
        3,
        "through the synonym open data",
    ),
    ("iaas", "module-cloud-comprendre-cloud", 1, "IaaS is not IA"),
    ("ebios", "module-cyber-ebios-rm", 1, "method name"),
    ("hameçonnage", "module-cyber-sensibilisation", 1, "cedilla"),
    (
        "hameconnage",
        "module-cyber-sensibilisation",
        1,
        "cedilla dropped",
    ),
    (
        "mot de passe",
        "module-cyber-sensibilisation",
        3,
        "stop word inside",
    ),
    (
        "crise cyber",
        "module-cyber-gestion-crise",
        3,
        "words of the title",
    ),
    ("python", "module-data-python-analyse", 1, "tool name"),
    ("sql", "module-data-sql-bases", 1, "acronym"),
    ("open data", "module-data-open-data", 3, "English words"),
    (
        "logiciel libre",
        "parcours-libre-decouvrir",
        5,
        "domain words",
    ),
    ("OSPO", "module-libre-ospo", 1, "acronym in parentheses"),
    ("falc", "module-design-langage-clair-falc", 1, "acronym"),
    (
        "langage clair",
        "module-design-langage-clair-falc",
        1,
        "two words",
    ),
    ("pix", "module-ent-pix-competences", 1, "product name"),
    ("teletravail", "module-cyber-teletravail", 1, "no accents"),
    ("sobriete numerique", "module-nr-ecogestes", 3, "theme"),
    ("rgesn", "module-nr-ecoconception-rgesn", 1, "acronym"),
    (
        "secnumcloud",
        "module-cloud-secnumcloud",
        2,
        "product name, two courses",
    ),
    (
        "marchés publics",
        "module-tn-marches-numerique",
        3,
        "plural with accent",
    ),
    ("scrum", "module-agile-scrum", 1, "method name"),
    (
        "product owner",
        "module-agile-product-owner",
        2,
        "English words",
    ),
    (
        "beta.gouv",
        "module-agile-approche-produit",
        1,
        "a domain name",
    ),
];

#[test]
fn agents_find_what_they_mean() {
    let text = std::fs::read_to_string("public/catalogue.json").unwrap();
    let parsed = Parsed::from_json(&text).unwrap();
    let explorer = Explorer::new(parsed.catalogue, 1_795_000_000);
    let mut failures = Vec::new();
    println!("| query | expected course | rank | at worst | why |");
    println!("|---|---|---|---|---|");
    for &(query, id, worst, why) in CHECKS {
        let results = explorer.run(&CatalogueQuery {
            text: query.into(),
            ..CatalogueQuery::default()
        });
        let courses = &explorer.catalogue.courses;
        let rank = results
            .all
            .iter()
            .position(|&d| courses[d as usize].id == id)
            .map(|p| p + 1);
        let shown = rank.map_or("not found".into(), |r| r.to_string());
        println!("| {query} | {id} | {shown} | {worst} | {why} |");
        if rank.is_none_or(|r| r > worst) {
            failures.push(format!("{query:?}: {id} at {shown}, expected ≤ {worst}"));
        }
    }
    // IA never brings IaaS to the top: the first results are about AI.
    let ia = explorer.run(&CatalogueQuery {
        text: "IA".into(),
        ..CatalogueQuery::default()
    });
    let first = &explorer.catalogue.courses[ia.all[0] as usize];
    if first.title.contains("IaaS") {
        failures.push("IA: an IaaS course first".into());
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// A short word with a typo is a whole word with a typo, not the beginning of
/// another: "excel" finds the spreadsheet course that names Excel, never the
/// courses that say "exclure" or "exceptions" (two of them in their
/// description, where a card cannot show why it was found).
#[test]
fn short_words_do_not_match_other_words_through_a_typo() {
    let text = std::fs::read_to_string("public/catalogue.json").unwrap();
    let parsed = Parsed::from_json(&text).unwrap();
    let explorer = Explorer::new(parsed.catalogue, 1_795_000_000);
    let found = |query: &str| -> Vec<String> {
        let results = explorer.run(&CatalogueQuery {
            text: query.into(),
            ..CatalogueQuery::default()
        });
        results
            .all
            .iter()
            .map(|&d| explorer.catalogue.courses[d as usize].id.clone())
            .collect()
    };
    assert_eq!(found("excel"), ["module-ent-tableur-avance"]);
    assert_eq!(found("Excel"), ["module-ent-tableur-avance"]);
    // A typo in a whole short word still counts ("exel" is too short; "exccel" is not).
    assert_eq!(found("exccel"), ["module-ent-tableur-avance"]);
    // Long words keep typos within a prefix, for search as you type.
    assert!(found("kubrenet").contains(&"module-cloud-conteneurs-kubernetes".to_owned()));
}

/// A course taught in another language than French is found by that
/// language's name, in French or English; French finds no course by it.
#[test]
fn courses_taught_in_english_are_found_by_the_word() {
    let text = std::fs::read_to_string("public/catalogue.json").unwrap();
    let parsed = Parsed::from_json(&text).unwrap();
    let taught_in_english: Vec<String> = parsed
        .catalogue
        .courses
        .iter()
        .filter(|c| {
            c.languages()
                .contains(&campus_core::catalogue::model::Language::En)
        })
        .map(|c| c.id.clone())
        .collect();
    assert!(taught_in_english.contains(&"module-libre-ospo".to_owned()));
    let explorer = Explorer::new(parsed.catalogue, 1_795_000_000);
    for query in ["anglais", "English", "en anglais"] {
        let results = explorer.run(&CatalogueQuery {
            text: query.into(),
            ..CatalogueQuery::default()
        });
        let mut found: Vec<String> = results
            .all
            .iter()
            .map(|&d| explorer.catalogue.courses[d as usize].id.clone())
            .collect();
        found.sort();
        let mut expected = taught_in_english.clone();
        expected.sort();
        assert_eq!(found, expected, "{query}");
    }
}
