//! The spreadsheet tool on real files, made here in a temporary folder: the
//! template exported and edited as an editor would, and the present site's CSV
//! export in both encodings and both separators (hostile files:
//! `tests/sheets_hostile.rs`). `cargo test --test sheets`.

use std::time::Instant;

use campus_core::catalogue::model::{Format, Kind, Parsed};
use campus_tools::sheets::contract::canonical;
use campus_tools::sheets::export;
use campus_tools::sheets::messages::Message;
use campus_tools::sheets::report::Severity;

#[path = "support/sheets.rs"]
mod support;
use support::*;

#[test]
fn the_sample_exported_then_imported_is_the_same_json() {
    let dir = folder("round-trip");
    let parsed = Parsed::from_json(&sample()).unwrap();
    let ods = dir.join("catalogue.ods");
    std::fs::write(&ods, export::to_ods(&parsed.catalogue).unwrap()).unwrap();
    let started = Instant::now();
    let imported = import(&ods);
    let elapsed = started.elapsed();
    assert!(
        imported.report.problems.is_empty(),
        "{:?}",
        imported.report.problems
    );
    let json = imported.json.expect("written");
    assert_eq!(
        canonical(&json).unwrap(),
        canonical(&sample()).unwrap(),
        "byte for byte after formatting"
    );
    assert_eq!(
        (imported.report.courses, imported.report.sessions),
        (160, 461)
    );
    eprintln!("sample import: {} ms", elapsed.as_millis());
    assert!(elapsed < TIME_BOUND);
}

#[test]
fn the_template_has_every_table_a_guide_and_drop_down_lists() {
    let (_, xml) = exported_sample();
    for name in [
        "Formations",
        "Sessions",
        "Domaines",
        "Appel à formateurs",
        "Synonymes",
        "Chiffres clés",
        "Catalogue",
        "Mode d&apos;emploi",
    ] {
        let name = name.replace("&apos;", "'");
        assert!(
            xml.contains(&format!("<table:table table:name=\"{name}\"")),
            "{name}"
        );
    }
    assert!(xml.contains("of:cell-content-is-in-list(&quot;Parcours&quot;;&quot;Module&quot;;&quot;Sur mesure&quot;)"));
    assert!(xml.contains("table:content-validation-name="));
    assert!(!xml.contains("table:formula"), "never a formula");
    // The guide explains each column of the template.
    let guide = &xml[table_range(&xml, "Mode d'emploi")];
    for header in [
        "Intitulé",
        "Thématiques",
        "Durée",
        "Début",
        "Compétences recherchées",
    ] {
        assert!(
            guide.contains(&format!("<text:p>{header}</text:p>")),
            "{header}"
        );
    }
}

#[test]
fn an_edited_template_names_formations_row_12_thematiques_and_imports_once_corrected() {
    let (parsed, xml) = exported_sample();
    let dir = folder("edited");
    // An editor adds a course at the end (no id: it is derived from the
    // title), a session of it with dates typed as text, and misspells the
    // field of the course on row 12 (the header is row 1).
    let mut edited = xml.clone();
    let new_course = row(&[
        "",
        "Module",
        "Atelier tableur et catalogue",
        "Tenir le catalogue du campus dans un tableur partagé.",
        "Premier paragraphe.\n\nSecond.",
        "Data",
        "Découverte",
        "Tous les agents",
        "En présentiel",
        "une demi-journée",
        "DINUM",
        "Oui",
        "",
        "",
        "",
        "Importer un tableur",
        "",
        "",
        "https://campus.numerique.gouv.fr/atelier-tableur",
        "campus-data@numerique.gouv.fr",
        "",
    ]);
    append_rows(&mut edited, "Formations", &new_course);
    append_rows(
        &mut edited,
        "Sessions",
        &row(&[
            "Atelier tableur et catalogue",
            "",
            "12/03/2030 09:30",
            "12/03/2030 12:30",
            "En présentiel",
            "Lyon",
            "Auvergne-Rhône-Alpes",
            "12",
            "https://campus.numerique.gouv.fr/inscription/atelier",
        ]),
    );
    let correct = edited.clone();
    let course = &parsed.catalogue.courses[10];
    let labels: Vec<&str> = course
        .domains
        .iter()
        .map(|d| parsed.catalogue.domain(d).unwrap().label.as_str())
        .collect();
    let written = labels.join(", ");
    // A typo in the first of its fields.
    let typo = labels[0].replacen('i', "y", 1);
    assert_ne!(typo, labels[0]);
    let misspelt = written.replacen(labels[0], &typo, 1);
    let formations = table_range(&edited, "Formations");
    let rows: Vec<usize> = edited[formations.clone()]
        .match_indices("<table:table-row>")
        .map(|(i, _)| formations.start + i)
        .collect();
    let (row12, row13) = (rows[11], rows[12]);
    let target = format!("<text:p>{written}</text:p>");
    assert_eq!(edited[row12..row13].matches(&target).count(), 1);
    let fixed_row =
        edited[row12..row13].replacen(&target, &format!("<text:p>{misspelt}</text:p>"), 1);
    edited.replace_range(row12..row13, &fixed_row);

    let path = dir.join("catalogue.ods");
    std::fs::write(&path, rezip(&edited)).unwrap();
    let imported = import(&path);
    assert!(imported.json.is_none(), "an error writes nothing");
    // The error, first in the file's order; a parcours that lists the
    // refused module is refused with it (the app's rule), and said.
    let found = errors(&imported);
    let e = found[0];
    for other in &found[1..] {
        assert!(
            matches!(&other.message, Message::UnknownModule { module } if *module == course.id),
            "{other:?}"
        );
    }
    assert_eq!(e.place.sheet.as_deref(), Some("Formations"));
    assert_eq!(e.place.row, Some(12));
    assert_eq!(e.place.column.as_deref(), Some("Thématiques"));
    assert_eq!(e.value.as_deref(), Some(typo.as_str()));
    assert!(matches!(e.message, Message::UnknownDomain { .. }));
    let text = plain(&imported.report.text(
        &campus_tools::sheets::messages::Outcome::NothingWritten,
        campus_core::i18n::Locale::Fr,
    ));
    assert!(
        text.contains(&format!(
            "Erreur · Formations, ligne 12, colonne « Thématiques », valeur « {typo} » : thématique inconnue"
        )),
        "{text}"
    );
    assert!(text.contains("Rien n'a été écrit"), "{text}");

    // Corrected, it imports: the new course and its session are there.
    std::fs::write(&path, rezip(&correct)).unwrap();
    let imported = import(&path);
    assert!(
        errors(&imported).is_empty(),
        "{:?}",
        imported.report.problems
    );
    let json = imported.json.expect("written");
    let catalogue = Parsed::from_json(&json).unwrap().catalogue;
    assert_eq!(catalogue.courses.len(), 161);
    let new = catalogue
        .course("atelier-tableur-et-catalogue")
        .expect("the new course");
    assert_eq!(new.format, Format::Presentiel);
    assert_eq!(new.duration_hours, 3.5);
    assert_eq!(new.sessions.len(), 1);
    assert_eq!(
        new.sessions[0].start.to_string(),
        "2030-03-12T09:30:00+01:00"
    );
    assert_eq!(new.sessions[0].id, "s-atelier-tableur-et-catalogue-1");
}

#[test]
fn each_error_names_its_sheet_row_column_and_writes_nothing() {
    let dir = folder("errors");
    let header = ["Identifiant", "Type", "Intitulé", "Thématiques", "Durée"];
    let tables = [
        table(
            "Formations",
            &[
                row(&header),
                row(&["m1", "Module", "Un module", "Data", "2 h"]),
                row(&["m2", "Module", "", "Data", "2 h"]),
                row(&["m3", "Module", "Un autre", "Dota", "2 h"]),
                row(&["m1", "Module", "Le même identifiant", "Data", "2 h"]),
                row(&["m4", "Module", "Un quatrième", "Data", "2 h"]),
            ],
        ),
        table(
            "Sessions",
            &[
                row(&["Formation", "Début", "Fin"]),
                row(&["m1", "demain matin", "12/03/2030 12:30"]),
                row(&["m9", "12/03/2030 09:30", "12/03/2030 12:30"]),
                row(&["m4", "12/03/2030 14:00", "12/03/2030 12:30"]),
            ],
        ),
        table(
            "Domaines",
            &[row(&["Identifiant", "Libellé"]), row(&["data", "Data"])],
        ),
    ];
    let path = dir.join("erreurs.ods");
    std::fs::write(&path, ods_of(&tables.concat())).unwrap();
    let imported = import(&path);
    assert!(imported.json.is_none());
    let found: Vec<(String, u32, String, &Message)> = errors(&imported)
        .into_iter()
        .map(|p| {
            (
                p.place.sheet.clone().unwrap_or_default(),
                p.place.row.unwrap_or(0),
                p.place.column.clone().unwrap_or_default(),
                &p.message,
            )
        })
        .collect();
    let has = |sheet: &str, row: u32, column: &str, what: fn(&Message) -> bool| {
        assert!(
            found
                .iter()
                .any(|(s, r, c, m)| s == sheet && *r == row && c == column && what(m)),
            "{sheet} {row} {column}: {found:#?}"
        );
    };
    has("Sessions", 2, "Début", |m| {
        matches!(m, Message::NotADate { .. })
    });
    has("Sessions", 3, "Formation", |m| {
        matches!(m, Message::UnknownCourse)
    });
    has("Formations", 3, "Intitulé", |m| {
        matches!(m, Message::NoTitle)
    });
    has("Formations", 4, "Thématiques", |m| {
        matches!(m, Message::UnknownDomain { .. })
    });
    has("Formations", 5, "Identifiant", |m| {
        matches!(m, Message::DuplicateId { first_row: Some(2) })
    });
    has("Sessions", 4, "Fin", |m| {
        matches!(m, Message::EndsBeforeStart)
    });
    // In English too.
    let text = plain(&imported.report.text(
        &campus_tools::sheets::messages::Outcome::NothingWritten,
        campus_core::i18n::Locale::En,
    ));
    assert!(text.contains("Error · Sessions, row 3, column « Formation », value « m9 »: session of an unknown course"), "{text}");
    assert!(text.contains("Nothing was written"), "{text}");
}

#[test]
fn the_present_sites_csv_imports_in_both_encodings_and_both_separators() {
    let dir = folder("present");
    // Headers as another export may write them: decomposed accents, a no-break space, capitals.
    let odd: Vec<&str> = vec![
        "Intitule\u{301}",
        "TYPE",
        "Descriptif\u{a0}court",
        "objectifs",
        "Durée",
        "Lien\u{a0}d’inscription",
        "Public cible",
        "The\u{301}matiques",
        "Sous-thématiques",
        "Organisateurs",
        "Modalite\u{301}",
    ];
    let variants: Vec<(&str, Vec<u8>)> = vec![
        (
            "utf8-comma.csv",
            present_csv(b',', &PRESENT_HEADER).into_bytes(),
        ),
        (
            "utf8-bom-semicolon.csv",
            [
                b"\xEF\xBB\xBF".as_slice(),
                present_csv(b';', &PRESENT_HEADER).as_bytes(),
            ]
            .concat(),
        ),
        ("utf8-odd-headers.csv", present_csv(b',', &odd).into_bytes()),
        (
            "cp1252-comma.csv",
            encoding_rs::WINDOWS_1252
                .encode(&present_csv(b',', &PRESENT_HEADER))
                .0
                .into_owned(),
        ),
        (
            "cp1252-semicolon.csv",
            encoding_rs::WINDOWS_1252
                .encode(&present_csv(b';', &PRESENT_HEADER))
                .0
                .into_owned(),
        ),
    ];
    for (name, bytes) in variants {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let imported = import(&path);
        assert!(
            errors(&imported).is_empty(),
            "{name}: {:?}",
            imported.report.problems
        );
        let json = imported.json.as_deref().expect(name);
        let c = Parsed::from_json(json).unwrap().catalogue;
        // Every row a course…
        assert_eq!(c.courses.len(), present_rows().len(), "{name}");
        let kinds: Vec<Kind> = c.courses.iter().map(|x| x.kind).collect();
        use Kind::*;
        assert_eq!(
            kinds,
            [Module, Parcours, Parcours, Module, Module, Parcours, Module, Module],
            "{name}"
        );
        let formats: Vec<Format> = c.courses.iter().map(|x| x.format).collect();
        use Format::*;
        assert_eq!(
            formats,
            [
                Distanciel, Hybride, Presentiel, Hybride, Presentiel, Hybride, Distanciel,
                Distanciel
            ],
            "{name}"
        );
        let hours: Vec<f32> = c.courses.iter().map(|x| x.duration_hours).collect();
        assert_eq!(hours, [1.5, 14.0, 3.5, 3.5, 21.0, 70.0, 0.0, 0.0], "{name}");
        assert_eq!(
            c.courses[1].contact.as_deref(),
            Some("campus-data@numerique.gouv.fr")
        );
        assert_eq!(c.courses[1].url, None);
        assert_eq!(c.courses[1].domains, ["data", "cybersecurite"]);
        assert_eq!(c.courses[1].provider, "DINUM, Etalab");
        assert_eq!(
            c.courses[0].url.as_deref(),
            Some("https://campus.numerique.gouv.fr/cyber")
        );
        assert_eq!(c.courses[0].id, "sensibilisation-a-la-cybersecurite");
        // Text that looks like a formula stays text.
        assert_eq!(c.courses[7].title, "=2+2 : le tableur sans peur");
        assert_eq!(c.courses[7].summary, "+33 1 23 45 67 89");
        assert_eq!(c.courses[7].objectives, ["-"]);
        // … or a named warning: what could not be mapped, row by row.
        let warned = |row: u32, column: &str, value: &str| {
            assert!(
                imported
                    .report
                    .problems
                    .iter()
                    .any(|p| p.severity == Severity::Warning
                        && p.place.row == Some(row)
                        && p.place
                            .column
                            .as_deref()
                            .map(campus_core::catalogue::text::fold)
                            == Some(campus_core::catalogue::text::fold(column))
                        && p.value.as_deref() == Some(value)),
                "{name}: row {row} {column} {value}: {:#?}",
                imported.report.problems
            );
        };
        warned(8, "Type", "Colloque");
        warned(8, "Durée", "bientôt");
        warned(8, "Public cible", "Stagiaires");
        warned(8, "Modalité", "Téléportation");
        warned(9, "Durée", "@campus");
        assert!(imported.report.problems.iter().any(|p| matches!(
            p.message,
            Message::IgnoredColumn
        ) && p
            .place
            .column
            .as_deref()
            .map(campus_core::catalogue::text::fold)
            == Some("sous thematiques".into())));
        assert!(imported
            .report
            .problems
            .iter()
            .any(|p| matches!(p.message, Message::TablesFromBase { domains: 9, .. })));
    }
}
