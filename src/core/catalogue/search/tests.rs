//! The search's behaviour, through [`SearchIndex::search`], and the helpers
//! the other files' tests share.

use super::*;

pub(super) struct Doc {
    pub(super) title: &'static str,
    pub(super) summary: &'static str,
    pub(super) description: &'static str,
    pub(super) provider: &'static str,
}

pub(super) fn index(docs: &[Doc]) -> SearchIndex {
    SearchIndex::build(docs.iter().map(|d| SearchableText {
        title: d.title,
        summary: d.summary,
        description: d.description,
        objectives: &[],
        provider: d.provider,
        ..SearchableText::default()
    }))
}

pub(super) fn sample() -> SearchIndex {
    index(&[
        Doc {
            title: "Sensibilisation à la cybersécurité",
            summary: "Les bons réflexes",
            description: "Hameçonnage et mots de passe.",
            provider: "ANSSI",
        },
        Doc {
            title: "Piloter par la donnée",
            summary: "Tableaux de bord et sécurité des données",
            description: "SQL, indicateurs.",
            provider: "INSP",
        },
        Doc {
            title: "Méthode agile",
            summary: "Scrum et kanban",
            description: "Agilité à l'échelle d'une équipe produit.",
            provider: "DINUM",
        },
        Doc {
            title: "Sécurité du cloud",
            summary: "SecNumCloud",
            description: "Homologation.",
            provider: "ANSSI",
        },
    ])
}

pub(super) fn docs(result: Option<(Vec<Hit>, Matcher)>) -> Vec<u32> {
    result
        .expect("a searchable query")
        .0
        .iter()
        .map(|h| h.doc)
        .collect()
}

pub(super) fn titles(titles: &[&'static str]) -> SearchIndex {
    index(
        &titles
            .iter()
            .map(|&title| Doc {
                title,
                summary: "",
                description: "",
                provider: "",
            })
            .collect::<Vec<_>>(),
    )
}

pub(super) fn synonyms() -> Vec<Vec<String>> {
    [
        vec!["ia", "intelligence artificielle"],
        vec!["RGAA", "accessibilité numérique"],
        // Invalid: ignored.
        vec!["seul"],
        vec!["de la", "des"],
    ]
    .iter()
    .map(|g| g.iter().map(|t| t.to_string()).collect())
    .collect()
}

#[test]
fn accents_and_case_are_ignored() {
    let idx = sample();
    assert_eq!(docs(idx.search("securite")), vec![3, 1]);
    assert_eq!(docs(idx.search("SÉCURITÉ")), vec![3, 1]);
}

#[test]
fn title_matches_rank_first() {
    // "sécurité" is in the title of 3 and the summary of 1.
    let idx = sample();
    let (hits, _) = idx.search("sécurité").unwrap();
    assert_eq!(hits[0].doc, 3);
    assert!(hits[0].score > hits[1].score);
}

#[test]
fn prefixes_match_while_typing() {
    let idx = sample();
    assert_eq!(docs(idx.search("cybers")), vec![0]);
    assert_eq!(docs(idx.search("agil")), vec![2]);
    assert_eq!(docs(idx.search("ag")), vec![2]);
}

#[test]
fn one_typo_is_tolerated_on_longer_words_only() {
    let idx = sample();
    assert_eq!(docs(idx.search("securiet")), vec![3, 1], "swap");
    assert_eq!(docs(idx.search("secrite")), vec![3, 1], "deletion");
    assert_eq!(docs(idx.search("homologtion")), vec![3]);
    assert_eq!(docs(idx.search("kanbn")), vec![2], "five letters");
    assert_eq!(
        docs(idx.search("scrm")),
        Vec::<u32>::new(),
        "four letters: exact or prefix only"
    );
    assert_eq!(docs(idx.search("sxcxrite")), Vec::<u32>::new(), "two typos");
}

#[test]
fn every_query_word_must_match() {
    let idx = sample();
    assert_eq!(docs(idx.search("sécurité cloud")), vec![3]);
    assert_eq!(docs(idx.search("sécurité données")), vec![1]);
    assert_eq!(docs(idx.search("sécurité kanban")), Vec::<u32>::new());
}

#[test]
fn provider_and_description_are_searched() {
    let idx = sample();
    assert_eq!(docs(idx.search("anssi")), vec![0, 3]);
    assert_eq!(docs(idx.search("hameçonnage")), vec![0]);
}

#[test]
fn empty_or_stop_word_queries_do_not_filter() {
    let idx = sample();
    assert!(idx.search("").is_none());
    assert!(idx.search("  de la  ").is_none());
    assert!(idx.search("?!").is_none());
}

#[test]
fn single_letters_match_whole_words_only() {
    let idx = index(&[
        Doc {
            title: "C pour les nuls",
            summary: "",
            description: "",
            provider: "",
        },
        Doc {
            title: "Cloud",
            summary: "",
            description: "",
            provider: "",
        },
    ]);
    assert!(idx.search("c").is_none(), "c is a stop word");
    let idx = index(&[
        Doc {
            title: "R et statistiques",
            summary: "",
            description: "",
            provider: "",
        },
        Doc {
            title: "Rust",
            summary: "",
            description: "",
            provider: "",
        },
    ]);
    assert_eq!(docs(idx.search("r")), vec![0]);
}

#[test]
fn exact_words_rank_above_prefixes_of_other_words() {
    // "data" is a prefix of the title word "database" but a whole word of
    // the description of 1: the whole word wins, whatever the field.
    let idx = index(&[
        Doc {
            title: "Database",
            summary: "",
            description: "",
            provider: "",
        },
        Doc {
            title: "Tableaux de bord",
            summary: "",
            description: "Avec de la data.",
            provider: "",
        },
    ]);
    assert_eq!(docs(idx.search("data")), vec![1, 0]);
    // Among exact matches the field decides: title first.
    let idx = titles(&["Open data", "Database"]);
    assert_eq!(docs(idx.search("data")), vec![0, 1]);
    // A plural counts as the word itself.
    let idx = index(&[
        Doc {
            title: "Agentivité",
            summary: "",
            description: "",
            provider: "",
        },
        Doc {
            title: "Former les agents",
            summary: "",
            description: "",
            provider: "",
        },
    ]);
    assert_eq!(docs(idx.search("agent")), vec![1, 0]);
}

#[test]
fn acronyms_in_capitals_match_whole_words_only() {
    let idx = titles(&[
        "L'IA au quotidien",
        "Migrer vers l'IaaS",
        "Piloter la fonction RH",
        "Rhétorique",
        "Design UX",
        "Uxorial",
    ]);
    assert_eq!(docs(idx.search("IA")), vec![0]);
    assert_eq!(docs(idx.search("RH")), vec![2]);
    assert_eq!(docs(idx.search("UX")), vec![4]);
    // The same letters in lower case, being typed: a prefix too, the whole
    // word first.
    assert_eq!(docs(idx.search("ia")), vec![0, 1]);
    assert_eq!(docs(idx.search("rh")), vec![2, 3]);
    // Mixed case is not an acronym.
    assert_eq!(docs(idx.search("Ia")), vec![0, 1]);
    // No typo either: "IAS" would be one edit from "iaas".
    let idx = titles(&["Migrer vers l'IaaS", "Les IAS"]);
    assert_eq!(docs(idx.search("IAS")), vec![1]);
    // Four capitals are an ordinary word: prefix and all.
    let idx = titles(&["RGPD", "RGPDiste"]);
    assert_eq!(docs(idx.search("RGPD")), vec![0, 1]);
}

#[test]
fn two_letter_words_are_prefixes_only_while_being_typed() {
    let idx = titles(&[
        "L'IA et le cloud",
        "IaaS et cloud",
        "Le cloud",
        "Design UX",
        "Uxorial design",
    ]);
    // Last word, nothing typed after it: a prefix.
    assert_eq!(docs(idx.search("cloud ia")), vec![0, 1]);
    // Followed by another word, or by a space: a whole word.
    assert_eq!(docs(idx.search("ia cloud")), vec![0]);
    assert_eq!(docs(idx.search("ia ")), vec![0]);
    assert_eq!(docs(idx.search("ux design")), vec![3]);
    assert_eq!(docs(idx.search("design ux")), vec![3, 4]);
    // Three letters: always a prefix.
    assert_eq!(docs(idx.search("iaa cloud")), vec![1]);
}

#[test]
fn decomposed_accents_and_invisible_characters_are_ignored() {
    let idx = titles(&[
        "Se\u{301}curite\u{301} des applications",
        "Cyber\u{200b}sécurité des collectivités",
        "Cyber\u{ad}se\u{301}curite\u{301} pour tous",
        "Ré\u{feff}seaux\u{2060}",
    ]);
    assert_eq!(docs(idx.search("securite")), vec![0]);
    assert_eq!(docs(idx.search("sécurité")), vec![0]);
    assert_eq!(docs(idx.search("cybersecurite")), vec![1, 2]);
    assert_eq!(docs(idx.search("cyber\u{200b}se\u{301}curite")), vec![1, 2]);
    assert_eq!(docs(idx.search("reseaux")), vec![3]);
    // Highlighting covers the whole word, marks included.
    let (_, matcher) = idx.search("securite").unwrap();
    let text = "Se\u{301}curite\u{301} des applications";
    assert_eq!(
        highlight(text, &matcher)[0],
        ("Se\u{301}curite\u{301}", true)
    );
}

#[test]
fn secondary_fields_are_searched_below_the_title() {
    let idx = SearchIndex::build([
        SearchableText {
            title: "Gestion de crise",
            domains: &["Cybersécurité"],
            kind: "module",
            places: &["Lyon", "Auvergne-Rhône-Alpes"],
            ..SearchableText::default()
        },
        SearchableText {
            title: "Sensibilisation à la cybersécurité",
            domains: &["Données"],
            kind: "sur mesure",
            ..SearchableText::default()
        },
        SearchableText {
            title: "Lyon, capitale des données",
            kind: "parcours",
            places: &["Paris", "Île-de-France"],
            ..SearchableText::default()
        },
    ]);
    assert_eq!(docs(idx.search("cybersécurité")), vec![1, 0]);
    assert_eq!(docs(idx.search("lyon")), vec![2, 0]);
    assert_eq!(docs(idx.search("rhône")), vec![0]);
    assert_eq!(docs(idx.search("ile de france")), vec![2]);
    assert_eq!(docs(idx.search("données")), vec![2, 1]);
    assert_eq!(docs(idx.search("sur mesure")), vec![1]);
    assert_eq!(docs(idx.search("parcours")), vec![2]);
    assert_eq!(docs(idx.search("module crise")), vec![0]);
}

#[test]
fn synonyms_find_the_other_terms_of_their_group() {
    let idx = titles(&[
        "Intelligence artificielle pour les agents",
        "L'IA générative",
        "Migrer vers l'IaaS",
        "L'intelligence collective",
        "Auditer avec le RGAA",
        "Accessibilité numérique des sites",
        "Accessibilité des locaux",
        "Un artificiel intelligent",
    ])
    .with_synonyms(&synonyms());
    assert_eq!(idx.synonyms.len(), 2, "invalid groups are ignored");
    // A word finds the documents holding every word of the other term.
    let ia = docs(idx.search("IA"));
    assert_eq!(ia.len(), 2);
    assert!(ia.contains(&0) && ia.contains(&1), "{ia:?}");
    // Literal matches win a tie.
    assert_eq!(ia[0], 1);
    // A phrase finds the single word, and the other way round.
    assert_eq!(docs(idx.search("intelligence artificielle")), vec![0, 1]);
    assert_eq!(docs(idx.search("rgaa")), vec![4, 5]);
    assert_eq!(docs(idx.search("Accessibilité numérique")), vec![5, 4]);
    // Still ANDed with the other words.
    assert_eq!(docs(idx.search("ia générative")), vec![1]);
    assert_eq!(docs(idx.search("auditer accessibilité numérique")), vec![4]);
    // Part of a phrase is not the phrase.
    assert_eq!(docs(idx.search("intelligence")), vec![0, 3]);
    // The other terms' words are highlighted.
    let (_, matcher) = idx.search("IA").unwrap();
    let marked: Vec<&str> = highlight("Intelligence artificielle et IA", &matcher)
        .into_iter()
        .filter(|r| r.1)
        .map(|r| r.0)
        .collect();
    assert_eq!(marked, vec!["Intelligence", "artificielle", "IA"]);
}
