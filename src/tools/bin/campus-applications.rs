//! `campus-applications`: the campus team's side of the email path
//! (`npm run applications -- …`, see docs/applications-collector.md).
//!
//! ```text
//! campus-applications collect FILE_OR_FOLDER… --out FILE.ods [--lang en]
//! ```
//!
//! Verifies every file (its checksum, the form's own rules) and writes one
//! spreadsheet: a sheet per form, one row per reference (the version sent
//! last), and the list of the files read with what became of each. The
//! report goes to standard error. Exit status: 0 when the spreadsheet is
//! written (refused files and warnings are in the report and the list);
//! 1 when no file could be collected (nothing is written); 2 for a usage
//! mistake or an output that cannot be written.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use campus_core::i18n::Locale;
use campus_tools::applications::{collect, read, report, sheet};
use campus_tools::sheets::messages::Outcome;
use campus_tools::sheets::ods;
use campus_tools::sheets::output::write_atomic;

const USAGE: &str = "usage:
  campus-applications collect FILE_OR_FOLDER… --out FILE.ods [--lang en]
  campus-applications grist-table --form candidature|sur-mesure [--config config.json] [--table ID] --out FILE.json";

struct Args {
    paths: Vec<PathBuf>,
    out: PathBuf,
    lang: Locale,
}

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args_os().skip(1);
    let command = it.next().ok_or(USAGE)?;
    if command != "collect" {
        return Err(format!("unknown command {command:?}\n{USAGE}"));
    }
    let (mut paths, mut out, mut lang) = (Vec::new(), None, Locale::Fr);
    let mut options = true;
    while let Some(arg) = it.next() {
        let text = arg.to_string_lossy();
        match text.as_ref() {
            "--" if options => options = false,
            "--out" | "-o" if options => {
                out = Some(PathBuf::from(
                    it.next().ok_or(format!("--out needs a value\n{USAGE}"))?,
                ))
            }
            "--lang" if options => {
                lang = match it
                    .next()
                    .map(|v| v.to_string_lossy().into_owned())
                    .as_deref()
                {
                    Some("en") => Locale::En,
                    Some("fr") => Locale::Fr,
                    other => return Err(format!("unknown language {other:?} (fr or en)")),
                }
            }
            "-h" | "--help" if options => return Err(USAGE.into()),
            t if options && t.starts_with('-') => {
                return Err(format!("unknown argument {t:?}\n{USAGE}"))
            }
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    let out = out.ok_or(format!(
        "collect: where to write? (--out FILE.ods)\n{USAGE}"
    ))?;
    if paths.is_empty() {
        return Err(format!("collect: which files?\n{USAGE}"));
    }
    Ok(Args { paths, out, lang })
}

/// `grist-table`: writes the body that creates a form's Grist table, and
/// says the one request that sends it.
fn grist_table() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(2).collect();
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .map(String::as_str)
    };
    let (Some(form), Some(out)) = (value("--form"), value("--out")) else {
        eprintln!("grist-table: --form and --out are needed\n{USAGE}");
        return ExitCode::from(2);
    };
    let config = match value("--config").map(std::fs::read_to_string).transpose() {
        Ok(text) => text,
        Err(e) => {
            eprintln!("grist-table: --config: {e}");
            return ExitCode::from(2);
        }
    };
    let table = match campus_tools::applications::grist_table::grist_table(
        config.as_deref(),
        form,
        value("--table"),
    ) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("grist-table: {e}");
            return ExitCode::from(1);
        }
    };
    let text = serde_json::to_string_pretty(&table.body).unwrap_or_default();
    if let Err(e) = write_atomic(Path::new(out), text.as_bytes()) {
        eprintln!("{e}");
        return ExitCode::from(2);
    }
    let server = table
        .server
        .as_deref()
        .unwrap_or("https://grist.numerique.gouv.fr");
    println!(
        "Écrit\u{a0}: {out}. Créez la table dans votre document Grist (clé d'API\u{a0}: Profil > Clé d'API\u{a0}; identifiant du document\u{a0}: Paramètres du document)\u{a0}:\n  curl -X POST -H \"Authorization: Bearer $GRIST_API_KEY\" -H \"Content-Type: application/json\" --data @{out} {server}/api/docs/ID_DU_DOCUMENT/tables"
    );
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    if std::env::args().nth(1).as_deref() == Some("grist-table") {
        return grist_table();
    }
    let args = match parse_args() {
        Ok(args) => args,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let l = args.lang;
    let (files, notes) = read::list(&args.paths);
    let mut collection = collect::collect(files.iter().map(|p| read::read(p)));
    collection.notes = notes;
    if collection.is_empty() {
        eprint!("{}", report::text(&collection, &Outcome::NothingWritten, l));
        return ExitCode::from(1);
    }
    let written = ods::write(&sheet::sheets(&collection, l))
        .and_then(|bytes| write_atomic(&args.out, &bytes));
    if let Err(e) = written {
        eprintln!("{e}");
        return ExitCode::from(2);
    }
    let out = args.out.display().to_string();
    let refused = collection
        .files
        .iter()
        .any(|f| f.reasons.iter().any(|r| r.refuses()));
    let has_warnings =
        collection.files.iter().any(|f| !f.reasons.is_empty()) || !collection.notes.is_empty();
    let outcome = if refused {
        Outcome::WrittenWithoutRefused(out)
    } else if has_warnings {
        Outcome::WrittenWithWarnings(out)
    } else {
        Outcome::Written(out)
    };
    eprint!("{}", report::text(&collection, &outcome, l));
    ExitCode::SUCCESS
}
