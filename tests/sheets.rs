//! The spreadsheet tool on real files, made here in a temporary folder: the
//! template exported and edited as an editor would, the present site's CSV
//! export in both encodings and both separators, and hostile files, each
//! refused with its message within a time and memory bound.
//! `cargo test --test sheets`.

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use campus_core::catalogue::model::{Format, Kind, Parsed};
use campus_tools::sheets::contract::canonical;
use campus_tools::sheets::import::{Imported, Options};
use campus_tools::sheets::messages::Message;
use campus_tools::sheets::report::{Problem, Severity};
use campus_tools::sheets::{export, import_path};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// The bound a hostile file is refused within.
const TIME_BOUND: Duration = Duration::from_secs(5);
/// The memory bound: the tool runs with this much address space at most
/// (`RLIMIT_AS`); past it an allocation fails and the tool aborts, so its exit
/// code is not the refusal's 1.
const ADDRESS_SPACE_BYTES: u64 = 512 * 1024 * 1024;

fn sample() -> String {
    std::fs::read_to_string("public/catalogue.json").expect("the sample catalogue")
}

/// A fresh folder for one test, removed when the test ends.
struct Folder(PathBuf);

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl std::ops::Deref for Folder {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

fn folder(name: &str) -> Folder {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "campus-sheets-{}-{}-{name}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    Folder(dir)
}

/// A report with its no-break spaces as plain ones, to compare with text.
fn plain(text: &str) -> String {
    text.replace(['\u{a0}', '\u{202f}'], " ")
}

fn options() -> Options {
    Options {
        base: None,
        today: "2026-12-01".into(),
    }
}

fn import(path: &Path) -> Imported {
    import_path(path, &options())
}

fn errors(imported: &Imported) -> Vec<&Problem> {
    imported
        .report
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .collect()
}

/// A zip archive of `entries`, the first stored (an ODS's mimetype), the others deflated.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (i, (name, data)) in entries.iter().enumerate() {
        let method = if i == 0 {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        let options = SimpleFileOptions::default()
            .compression_method(method)
            .large_file(data.len() > u32::MAX as usize / 2);
        zip.start_file(*name, options).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const MIMETYPE: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";
const MANIFEST: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;

/// `content.xml` around `tables`.
fn content(tables: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"#
    )
}

/// An ODS file whose `content.xml` holds `tables`.
fn ods_of(tables: &str) -> Vec<u8> {
    zip_of(&[
        ("mimetype", MIMETYPE),
        ("content.xml", content(tables).as_bytes()),
        ("META-INF/manifest.xml", MANIFEST),
    ])
}

/// A string cell as LibreOffice writes one.
fn cell(text: &str) -> String {
    let escaped = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!(
        r#"<table:table-cell office:value-type="string"><text:p>{escaped}</text:p></table:table-cell>"#
    )
}

fn row(cells: &[&str]) -> String {
    let cells: String = cells.iter().map(|c| cell(c)).collect();
    format!("<table:table-row>{cells}</table:table-row>")
}

fn table(name: &str, rows: &[String]) -> String {
    format!(
        r#"<table:table table:name="{name}">{}</table:table>"#,
        rows.concat()
    )
}

/// The exported sample's `content.xml`, and the ODS rebuilt around another one.
fn exported_sample() -> (Parsed, String) {
    let parsed = Parsed::from_json(&sample()).unwrap();
    let ods = export::to_ods(&parsed.catalogue).unwrap();
    let mut archive = ZipArchive::new(Cursor::new(ods)).unwrap();
    let mut xml = String::new();
    archive
        .by_name("content.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    (parsed, xml)
}

fn rezip(content_xml: &str) -> Vec<u8> {
    zip_of(&[
        ("mimetype", MIMETYPE),
        ("content.xml", content_xml.as_bytes()),
        ("META-INF/manifest.xml", MANIFEST),
    ])
}

/// The byte range of the table named `name` in `xml`.
fn table_range(xml: &str, name: &str) -> std::ops::Range<usize> {
    let start = xml
        .find(&format!("<table:table table:name=\"{name}\""))
        .unwrap();
    let end = start + xml[start..].find("</table:table>").unwrap();
    start..end
}

/// Inserts `rows` after the data of table `name` (before its blank rows).
fn append_rows(xml: &mut String, name: &str, rows: &str) {
    let range = table_range(xml, name);
    let blank = xml[range.clone()]
        .find("<table:table-row table:number-rows-repeated")
        .map_or(range.end, |i| range.start + i);
    xml.insert_str(blank, rows);
}

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

/// The present site's export: its columns, values joined by ", ".
const PRESENT_HEADER: [&str; 11] = [
    "Intitulé",
    "Type",
    "Descriptif court",
    "Objectifs",
    "Durée",
    "Lien d'inscription",
    "Public cible",
    "Thématiques",
    "Sous-thématiques",
    "Organisateurs",
    "Modalité",
];

fn present_rows() -> Vec<[&'static str; 11]> {
    vec![
        [
            "Sensibilisation à la cybersécurité",
            "Formation",
            "Les bons réflexes.",
            "Repérer un hameçonnage",
            "90",
            "https://campus.numerique.gouv.fr/cyber",
            "Tous les agents",
            "Cybersécurité",
            "Réflexes",
            "ANSSI",
            "En ligne",
        ],
        [
            "Parcours data",
            "Parcours",
            "Piloter par la donnée.",
            "Lire un tableau de bord",
            "2 jours",
            "mailto:campus-data@numerique.gouv.fr",
            "Agents du numérique, Managers",
            "Data, Cybersécurité",
            "",
            "DINUM, Etalab",
            "En ligne, Présentiel",
        ],
        [
            "Cycle intelligence artificielle",
            "Cycle",
            "Comprendre l’IA.",
            "",
            "3 h 30",
            "",
            "Cadres dirigeants",
            "Data",
            "",
            "DINUM",
            "Présentiel",
        ],
        [
            "Séminaire produit",
            "Séminaire",
            "Une démarche produit.",
            "",
            "une demi-journée",
            "",
            "Managers",
            "Agilité et produit",
            "",
            "beta.gouv.fr",
            "Hybride",
        ],
        [
            "Université d'été du numérique",
            "Université d'été",
            "Trois jours ensemble.",
            "",
            "3 jours",
            "",
            "Tous les agents",
            "Transformation numérique",
            "",
            "Campus",
            "Présentiel",
        ],
        [
            "Programme talents",
            "Programme",
            "Un an de formation.",
            "",
            "10 jours",
            "",
            "Agents du numérique",
            "Transformation numérique",
            "",
            "DINUM",
            "Hybride",
        ],
        [
            "Colloque du futur",
            "Colloque",
            "Inconnu au bataillon.",
            "",
            "bientôt",
            "",
            "Stagiaires",
            "Data",
            "",
            "DINUM",
            "Téléportation",
        ],
        [
            "=2+2 : le tableur sans peur",
            "Formation",
            "+33 1 23 45 67 89",
            "-",
            "@campus",
            "",
            "Tous les agents",
            "Environnement numérique de travail",
            "",
            "DINUM",
            "En ligne",
        ],
    ]
}

fn present_csv(separator: u8, header: &[&str]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(separator)
        .from_writer(Vec::new());
    writer.write_record(header).unwrap();
    for r in present_rows() {
        writer.write_record(r).unwrap();
    }
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
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

/// What a run of the tool gave: its exit code, standard output and error
/// (no-break spaces made plain), and how long it took.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

fn cli(dir: &Path, args: &[&str]) -> Run {
    let (out, err) = (dir.join("stdout"), dir.join("stderr"));
    let started = Instant::now();
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_campus-catalogue"));
    command
        .args(args)
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap());
    limit_memory(&mut command);
    let status = command
        .spawn()
        .expect("campus-catalogue")
        .wait()
        .expect("wait");
    Run {
        code: status.code().unwrap_or(-1),
        stdout: plain(&std::fs::read_to_string(out).unwrap_or_default()),
        stderr: plain(&std::fs::read_to_string(err).unwrap_or_default()),
        elapsed: started.elapsed(),
    }
}

#[cfg(unix)]
fn limit_memory(command: &mut std::process::Command) {
    use std::os::unix::process::CommandExt;
    // SAFETY: setrlimit is async-signal-safe; nothing else runs between fork and exec.
    unsafe {
        command.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: ADDRESS_SPACE_BYTES as libc::rlim_t,
                rlim_max: ADDRESS_SPACE_BYTES as libc::rlim_t,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

#[cfg(not(unix))]
fn limit_memory(_: &mut std::process::Command) {}

/// Checks that `file` is refused with `expected` (a piece of the French
/// report) within the time bound and the memory limit, and that nothing is
/// written.
fn refused(dir: &Path, file: &Path, expected: &str) -> Run {
    let out = dir.join("out.json");
    let run = cli(
        dir,
        &[
            "import",
            file.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 1, "{}: {}", file.display(), run.stderr);
    assert!(
        run.stderr.contains(expected),
        "{}: {}",
        file.display(),
        run.stderr
    );
    assert!(run.stderr.contains("Rien n'a été écrit"), "{}", run.stderr);
    assert!(!out.exists(), "nothing written");
    assert!(
        run.elapsed < TIME_BOUND,
        "{}: {:?}",
        file.display(),
        run.elapsed
    );
    eprintln!(
        "{}: refused in {} ms",
        file.file_name().unwrap().to_string_lossy(),
        run.elapsed.as_millis()
    );
    run
}

/// Sets the uncompressed size an archive declares for `name` (local header
/// and central directory) to `size`: an archive that lies.
fn declare_size(zip: &mut [u8], name: &str, size: u32) {
    let name = name.as_bytes();
    for (signature, size_at, name_len_at, name_at) in [
        (b"PK\x03\x04", 22usize, 26usize, 30usize),
        (b"PK\x01\x02", 24, 28, 46),
    ] {
        let mut i = 0;
        while i + name_at <= zip.len() {
            if &zip[i..i + 4] == signature {
                let len =
                    u16::from_le_bytes([zip[i + name_len_at], zip[i + name_len_at + 1]]) as usize;
                if zip.get(i + name_at..i + name_at + len) == Some(name) {
                    zip[i + size_at..i + size_at + 4].copy_from_slice(&size.to_le_bytes());
                }
            }
            i += 1;
        }
    }
}

#[test]
fn zip_bombs_disguised_as_xlsx_or_ods_are_refused() {
    let dir = folder("bombs");
    let zeros = vec![b'0'; 64 * 1024 * 1024];
    // An XLSX whose sheet inflates 64 MB from a few kilobytes.
    let xlsx = zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("xl/workbook.xml", b"<workbook/>"),
        ("xl/worksheets/sheet1.xml", &zeros),
    ]);
    let path = dir.join("bombe.xlsx");
    std::fs::write(&path, &xlsx).unwrap();
    refused(&dir, &path, "bombe zip");
    // An ODS whose content says it is small and inflates 64 MB.
    let mut ods = zip_of(&[
        ("mimetype", MIMETYPE),
        ("content.xml", &zeros),
        ("META-INF/manifest.xml", MANIFEST),
    ]);
    declare_size(&mut ods, "content.xml", 1000);
    let path = dir.join("menteur.ods");
    std::fs::write(&path, &ods).unwrap();
    refused(&dir, &path, "bombe zip");
    // Thousands of entries.
    let names: Vec<String> = (0..3000).map(|i| format!("x/{i}.xml")).collect();
    let mut entries: Vec<(&str, &[u8])> = vec![("mimetype", MIMETYPE)];
    entries.extend(names.iter().map(|n| (n.as_str(), b"<x/>".as_slice())));
    let path = dir.join("entrees.ods");
    std::fs::write(&path, zip_of(&entries)).unwrap();
    refused(&dir, &path, "son archive compte 3001 fichiers");
    // A file beyond the size limit (sparse: nothing is really written).
    let path = dir.join("enorme.csv");
    std::fs::File::create(&path)
        .unwrap()
        .set_len(campus_tools::sheets::limits::MAX_FILE_BYTES + 1)
        .unwrap();
    refused(&dir, &path, "fichier trop grand");
}

#[test]
fn a_million_rows_are_refused() {
    let dir = folder("rows");
    // A CSV of a million lines.
    let mut csv = String::from("Intitulé,Thématiques\n");
    for i in 0..1_000_000 {
        csv.push_str(&format!("F{i},Data\n"));
    }
    let path = dir.join("million.csv");
    std::fs::write(&path, csv).unwrap();
    refused(&dir, &path, "trop de lignes");
    // An ODS whose filled row is repeated a million times, and one whose
    // second row comes after a million empty ones.
    for (name, rows) in [
        (
            "repetee.ods",
            format!(
                r#"{}<table:table-row table:number-rows-repeated="1000000">{}</table:table-row>"#,
                row(&["Intitulé"]),
                cell("Encore")
            ),
        ),
        (
            "lointaine.ods",
            format!(
                r#"{}<table:table-row table:number-rows-repeated="1000000"/>{}"#,
                row(&["Intitulé"]),
                row(&["Tout en bas"])
            ),
        ),
    ] {
        let path = dir.join(name);
        std::fs::write(
            &path,
            ods_of(&format!(
                r#"<table:table table:name="Formations">{rows}</table:table>"#
            )),
        )
        .unwrap();
        let run = refused(&dir, &path, "Formations");
        assert!(run.stderr.contains("au plus 20000"), "{}", run.stderr);
    }
    // An XLSX with a cell on row 1,000,000.
    let sheet = r#"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Intitulé</t></is></c></row><row r="1000000"><c r="A1000000" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>"#;
    let path = dir.join("lointaine.xlsx");
    std::fs::write(&path, xlsx_of(sheet)).unwrap();
    refused(&dir, &path, "trop de lignes");
}

/// A minimal XLSX workbook of one sheet, « Formations ».
fn xlsx_of(sheet: &str) -> Vec<u8> {
    zip_of(&[
        ("[Content_Types].xml", br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#),
        ("_rels/.rels", br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
        ("xl/workbook.xml", br#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Formations" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
        ("xl/_rels/workbook.xml.rels", br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#),
        ("xl/worksheets/sheet1.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?>{}"#, sheet.replace("<worksheet>", r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#)).as_bytes()),
    ])
}

#[test]
fn formulas_merged_and_hidden_cells_are_read_with_warnings() {
    let dir = folder("cells");
    let header = row(&["Intitulé", "Thématiques", "Durée", "Organisateurs"]);
    let rows = [
        header,
        // A formula: its cached value (120 minutes) is read.
        format!(
            r#"<table:table-row>{}{}<table:table-cell table:formula="of:=60*2" office:value-type="float" office:value="120"><text:p>120</text:p></table:table-cell>{}</table:table-row>"#,
            cell("Avec une formule"),
            cell("Data"),
            cell("DINUM")
        ),
        // A hidden row.
        format!(
            r#"<table:table-row table:visibility="collapse">{}{}{}{}</table:table-row>"#,
            cell("Ligne masquée"),
            cell("Data"),
            cell("1 h"),
            cell("DINUM")
        ),
        // Merged cells: the value is in the first one only.
        format!(
            r#"<table:table-row>{}<table:table-cell table:number-columns-spanned="2" office:value-type="string"><text:p>Data</text:p></table:table-cell><table:covered-table-cell/>{}</table:table-row>"#,
            cell("Fusion"),
            cell("DINUM")
        ),
    ];
    let columns = r#"<table:table-column/><table:table-column/><table:table-column table:visibility="collapse"/><table:table-column/>"#;
    let path = dir.join("cellules.ods");
    std::fs::write(
        &path,
        ods_of(&format!(
            r#"<table:table table:name="Formations">{columns}{}</table:table>"#,
            rows.concat()
        )),
    )
    .unwrap();
    let imported = import(&path);
    assert!(
        errors(&imported).is_empty(),
        "{:?}",
        imported.report.problems
    );
    let c = Parsed::from_json(imported.json.as_deref().unwrap())
        .unwrap()
        .catalogue;
    assert_eq!(c.courses.len(), 3);
    assert_eq!(c.courses[0].duration_hours, 2.0);
    assert_eq!(c.courses[1].title, "Ligne masquée");
    assert_eq!(c.courses[2].domains, ["data"]);
    let warning = |row: Option<u32>, column: Option<&str>, what: fn(&Message) -> bool| {
        assert!(
            imported
                .report
                .problems
                .iter()
                .any(|p| p.severity == Severity::Warning
                    && p.place.row == row
                    && p.place.column.as_deref() == column
                    && what(&p.message)),
            "{row:?} {column:?}: {:#?}",
            imported.report.problems
        );
    };
    warning(
        Some(2),
        Some("Durée"),
        |m| matches!(m, Message::Formula { formula } if formula == "=60*2"),
    );
    warning(Some(3), None, |m| matches!(m, Message::HiddenRow));
    warning(None, Some("Durée"), |m| matches!(m, Message::HiddenColumn));
    warning(Some(4), Some("Thématiques"), |m| {
        matches!(m, Message::Merged { .. })
    });
}

#[test]
fn password_protected_files_are_refused_with_a_clear_message() {
    let dir = folder("password");
    // An ODS encrypted by LibreOffice says so in its manifest.
    let manifest = br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"><manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="x"/></manifest:encryption-data></manifest:file-entry></manifest:manifest>"#;
    let ods = zip_of(&[
        ("mimetype", MIMETYPE),
        ("content.xml", b"\x8f\x12\xa0 encrypted bytes"),
        ("META-INF/manifest.xml", manifest),
    ]);
    let path = dir.join("secret.ods");
    std::fs::write(&path, ods).unwrap();
    refused(&dir, &path, "protégé par un mot de passe");
    // An encrypted XLSX is an OLE compound file holding an EncryptedPackage stream.
    let mut cfb = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    cfb.resize(512, 0);
    cfb.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    cfb.resize(4096, 0);
    let path = dir.join("secret.xlsx");
    std::fs::write(&path, &cfb).unwrap();
    refused(&dir, &path, "protégé par un mot de passe");
    // The same container without it: an old .xls.
    let path = dir.join("ancien.xls");
    std::fs::write(&path, &cfb[..512]).unwrap();
    refused(&dir, &path, "Excel 97-2003");
}

#[test]
fn a_csv_in_an_unknown_encoding_is_refused() {
    let dir = folder("encoding");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "Intitulé,Thématiques\nÉco,Data\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let path = dir.join("utf16.csv");
    std::fs::write(&path, utf16).unwrap();
    refused(&dir, &path, "encodage du fichier CSV inconnu");
    let path = dir.join("binaire.csv");
    std::fs::write(&path, (0u8..=255).cycle().take(4096).collect::<Vec<u8>>()).unwrap();
    refused(&dir, &path, "encodage du fichier CSV inconnu");
}

#[test]
fn formula_like_text_is_kept_as_text_and_exported_as_string_cells() {
    let dir = folder("formula-text");
    let mut doc: serde_json::Value = serde_json::from_str(&sample()).unwrap();
    let courses = doc["courses"].as_array_mut().unwrap();
    courses.truncate(3);
    courses.retain(|c| c["kind"] != "parcours");
    for (course, title) in courses
        .iter_mut()
        .zip(["=HYPERLINK(\"http://x\")", "+33 1 23 45 67 89"])
    {
        course["title"] = title.into();
        course["summary"] = "@SUM(A1:A9)".into();
        course["objectives"] = serde_json::json!(["-1", "=1+1"]);
    }
    let json = doc.to_string();
    let catalogue = dir.join("catalogue.json");
    std::fs::write(&catalogue, &json).unwrap();
    let ods = dir.join("modele.ods");
    let run = cli(
        &dir,
        &[
            "export",
            catalogue.to_str().unwrap(),
            "--out",
            ods.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut archive = ZipArchive::new(std::fs::File::open(&ods).unwrap()).unwrap();
    let mut xml = String::new();
    archive
        .by_name("content.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(!xml.contains("table:formula"), "never a formula");
    assert!(xml.contains(r#"office:value-type="string" calcext:value-type="string"><text:p>=HYPERLINK(&quot;http://x&quot;)</text:p>"#));
    let out = dir.join("retour.json");
    let run = cli(
        &dir,
        &[
            "import",
            ods.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        canonical(&std::fs::read_to_string(&out).unwrap()).unwrap(),
        canonical(&json).unwrap()
    );
}

#[test]
fn the_tool_says_what_it_did_and_exits_accordingly() {
    let dir = folder("cli");
    // check: the report alone.
    let run = cli(&dir, &["check", "public/catalogue.json", "--lang", "en"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("160 courses, 461 sessions"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("No error: ready to publish."),
        "{}",
        run.stdout
    );
    // import of the present site's CSV: written, with warnings said.
    let csv = dir.join("export.csv");
    std::fs::write(&csv, present_csv(b',', &PRESENT_HEADER)).unwrap();
    let out = dir.join("catalogue.json");
    let run = cli(
        &dir,
        &[
            "import",
            csv.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(out.exists());
    assert!(
        run.stderr.contains("malgré les avertissements"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("Avertissement · export.csv, ligne 8, colonne « Type », valeur « Colloque » : valeur inconnue, remplacée par « Module »"), "{}", run.stderr);
    // Usage mistakes.
    assert_eq!(cli(&dir, &["frobnicate", "x"]).code, 2);
    assert_eq!(cli(&dir, &["export", "public/catalogue.json"]).code, 1);
}

#[test]
fn the_docs_show_every_sheet_and_column_of_the_template() {
    let docs = std::fs::read_to_string("docs/catalogue-spreadsheet.md").unwrap();
    for spec in campus_tools::sheets::columns::SHEETS {
        for column in spec.columns.iter().filter(|c| c.in_template) {
            let line = format!("| {} | `{}` |", spec.name, column.header);
            assert!(docs.contains(&line), "{line}");
        }
    }
    assert_eq!(
        docs.matches("\n| Formations | `").count()
            + docs.matches("\n| Sessions | `").count()
            + docs.matches("\n| Domaines | `").count()
            + docs.matches("\n| Appel à formateurs | `").count()
            + docs.matches("\n| Synonymes | `").count()
            + docs.matches("\n| Chiffres clés | `").count()
            + docs.matches("\n| Catalogue | `").count(),
        campus_tools::sheets::columns::SHEETS
            .iter()
            .map(|s| s.columns.iter().filter(|c| c.in_template).count())
            .sum::<usize>(),
        "no column in the docs that the template lacks"
    );
}
