//! What the spreadsheet tests share: temporary folders, the sample, and ODS
//! and zip files built by hand (`tests/sheets.rs`, `tests/sheets_hostile.rs`).
// Each test file uses its part of these helpers.
#![allow(dead_code)]

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use campus_core::catalogue::model::Parsed;
use campus_tools::sheets::import::{Imported, Options};
use campus_tools::sheets::report::{Problem, Severity};
use campus_tools::sheets::{export, import_path};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// The bound a hostile file is refused within.
pub const TIME_BOUND: Duration = Duration::from_secs(5);
/// The memory bound: the tool runs with this much address space at most
/// (`RLIMIT_AS`); past it an allocation fails and the tool aborts, so its exit
/// code is not the refusal's 1.
pub const ADDRESS_SPACE_BYTES: u64 = 512 * 1024 * 1024;

pub fn sample() -> String {
    std::fs::read_to_string("public/catalogue.json").expect("the sample catalogue")
}

/// A fresh folder for one test, removed when the test ends.
pub struct Folder(pub PathBuf);

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

pub fn folder(name: &str) -> Folder {
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
pub fn plain(text: &str) -> String {
    text.replace(['\u{a0}', '\u{202f}'], " ")
}

pub fn options() -> Options {
    Options {
        base: None,
        today: "2026-12-01".into(),
    }
}

pub fn import(path: &Path) -> Imported {
    import_path(path, &options())
}

pub fn errors(imported: &Imported) -> Vec<&Problem> {
    imported
        .report
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .collect()
}

/// A zip archive of `entries`, the first stored (an ODS's mimetype), the others deflated.
pub fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
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

pub const MIMETYPE: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";
pub const MANIFEST: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;

/// `content.xml` around `tables`.
pub fn content(tables: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"#
    )
}

/// An ODS file whose `content.xml` holds `tables`.
pub fn ods_of(tables: &str) -> Vec<u8> {
    zip_of(&[
        ("mimetype", MIMETYPE),
        ("content.xml", content(tables).as_bytes()),
        ("META-INF/manifest.xml", MANIFEST),
    ])
}

/// A string cell as LibreOffice writes one.
pub fn cell(text: &str) -> String {
    let escaped = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!(
        r#"<table:table-cell office:value-type="string"><text:p>{escaped}</text:p></table:table-cell>"#
    )
}

pub fn row(cells: &[&str]) -> String {
    let cells: String = cells.iter().map(|c| cell(c)).collect();
    format!("<table:table-row>{cells}</table:table-row>")
}

pub fn table(name: &str, rows: &[String]) -> String {
    format!(
        r#"<table:table table:name="{name}">{}</table:table>"#,
        rows.concat()
    )
}

/// The exported sample's `content.xml`, and the ODS rebuilt around another one.
pub fn exported_sample() -> (Parsed, String) {
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

pub fn rezip(content_xml: &str) -> Vec<u8> {
    zip_of(&[
        ("mimetype", MIMETYPE),
        ("content.xml", content_xml.as_bytes()),
        ("META-INF/manifest.xml", MANIFEST),
    ])
}

/// The byte range of the table named `name` in `xml`.
pub fn table_range(xml: &str, name: &str) -> std::ops::Range<usize> {
    let start = xml
        .find(&format!("<table:table table:name=\"{name}\""))
        .unwrap();
    let end = start + xml[start..].find("</table:table>").unwrap();
    start..end
}

/// Inserts `rows` after the data of table `name` (before its blank rows).
pub fn append_rows(xml: &mut String, name: &str, rows: &str) {
    let range = table_range(xml, name);
    let blank = xml[range.clone()]
        .find("<table:table-row table:number-rows-repeated")
        .map_or(range.end, |i| range.start + i);
    xml.insert_str(blank, rows);
}

/// The present site's export: its columns, values joined by ", ".
pub const PRESENT_HEADER: [&str; 11] = [
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

pub fn present_rows() -> Vec<[&'static str; 11]> {
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

pub fn present_csv(separator: u8, header: &[&str]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(separator)
        .from_writer(Vec::new());
    writer.write_record(header).unwrap();
    for r in present_rows() {
        writer.write_record(r).unwrap();
    }
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
}
