//! The spreadsheet tool on hostile files, made here in a temporary folder:
//! each refused with its message within a time and memory bound, nothing
//! written. `cargo test --test sheets_hostile`.

use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

use campus_core::catalogue::model::Parsed;
use campus_tools::sheets::contract::canonical;
use campus_tools::sheets::messages::Message;
use campus_tools::sheets::report::Severity;
use zip::ZipArchive;

#[path = "support/sheets.rs"]
mod support;
use support::*;

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
