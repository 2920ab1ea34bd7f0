//! `campus-catalogue`: the campus team's catalogue in a spreadsheet
//! (`npm run catalogue -- …`, see docs/catalogue-spreadsheet.md).
//!
//! ```text
//! campus-catalogue import SHEET [--out FILE] [--base CATALOGUE.json] [--lang en]
//! campus-catalogue export CATALOGUE.json --out FILE.ods [--lang en]
//! campus-catalogue check FILE [--base CATALOGUE.json] [--lang en]
//! ```
//!
//! `import` writes the catalogue JSON (to `--out`, else to standard output)
//! and the report to standard error; `check` prints the report only; `export`
//! writes the template. Errors write nothing and exit with status 1; a usage
//! mistake exits with status 2.

use std::path::PathBuf;
use std::process::ExitCode;

use campus_core::catalogue::model::Parsed;
use campus_core::i18n::Locale;
use campus_core::util::dates::civil_from_days;
use campus_tools::sheets::import::{Imported, Options};
use campus_tools::sheets::messages::Outcome;
use campus_tools::sheets::output::write_atomic;
use campus_tools::sheets::{check_json, export, import_path};

const USAGE: &str = "usage:
  campus-catalogue import SHEET [--out FILE] [--base CATALOGUE.json] [--lang en]
  campus-catalogue export CATALOGUE.json --out FILE.ods [--lang en]
  campus-catalogue check FILE [--base CATALOGUE.json] [--lang en]";

struct Args {
    command: String,
    file: PathBuf,
    out: Option<PathBuf>,
    base: Option<PathBuf>,
    lang: Locale,
}

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let command = it.next().ok_or(USAGE)?;
    if command == "-h" || command == "--help" {
        return Err(USAGE.into());
    }
    let mut file = None;
    let (mut out, mut base, mut lang) = (None, None, Locale::Fr);
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or(format!("{arg} needs a value\n{USAGE}"));
        match arg.as_str() {
            "--out" | "-o" => out = Some(PathBuf::from(value()?)),
            "--base" => base = Some(PathBuf::from(value()?)),
            "--lang" => {
                lang = match value()?.as_str() {
                    "en" => Locale::En,
                    "fr" => Locale::Fr,
                    other => return Err(format!("unknown language {other:?} (fr or en)")),
                }
            }
            "-h" | "--help" => return Err(USAGE.into()),
            other if other.starts_with('-') => {
                return Err(format!("unknown argument {other:?}\n{USAGE}"))
            }
            other if file.is_none() => file = Some(PathBuf::from(other)),
            other => return Err(format!("unexpected argument {other:?}\n{USAGE}")),
        }
    }
    if !matches!(command.as_str(), "import" | "export" | "check") {
        return Err(format!("unknown command {command:?}\n{USAGE}"));
    }
    let file = file.ok_or(format!("{command}: which file?\n{USAGE}"))?;
    Ok(Args {
        command,
        file,
        out,
        base,
        lang,
    })
}

/// Today's date, `YYYY-MM-DD` (UTC).
fn today() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400) as i64;
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

fn options(args: &Args) -> Result<Options, String> {
    let base = match &args.base {
        Some(path) => Some((
            path.display().to_string(),
            std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?,
        )),
        None => None,
    };
    Ok(Options {
        base,
        today: today(),
    })
}

fn run(args: &Args) -> Result<bool, String> {
    let l = args.lang;
    match args.command.as_str() {
        "check" => {
            let Imported { report, .. } = import_path(&args.file, &options(args)?);
            let outcome = if report.has_errors() {
                Outcome::NothingWritten
            } else {
                Outcome::CheckPassed
            };
            print!("{}", report.text(&outcome, l));
            Ok(!report.has_errors())
        }
        "import" => {
            let Imported { json, report } = import_path(&args.file, &options(args)?);
            let outcome = match (&json, &args.out) {
                (None, _) => Outcome::NothingWritten,
                (Some(json), Some(out)) => {
                    write_atomic(out, json.as_bytes())?;
                    if report.problems.is_empty() {
                        Outcome::Written(out.display().to_string())
                    } else {
                        Outcome::WrittenWithWarnings(out.display().to_string())
                    }
                }
                (Some(json), None) => {
                    print!("{json}");
                    if report.problems.is_empty() {
                        Outcome::Written("-".into())
                    } else {
                        Outcome::WrittenWithWarnings("-".into())
                    }
                }
            };
            eprint!("{}", report.text(&outcome, l));
            Ok(json.is_some())
        }
        _ => {
            let out = args
                .out
                .as_ref()
                .ok_or(format!("export: --out FILE.ods is required\n{USAGE}"))?;
            let source = args.file.display().to_string();
            let text = std::fs::read_to_string(&args.file).map_err(|e| format!("{source}: {e}"))?;
            let report = check_json(&source, &text);
            if report.has_errors() {
                eprint!("{}", report.text(&Outcome::NothingWritten, l));
                return Ok(false);
            }
            let parsed = Parsed::from_json(&text).map_err(|e| format!("{source}: {e}"))?;
            let bytes = export::to_ods(&parsed.catalogue)?;
            write_atomic(out, &bytes)?;
            let where_ = out.display().to_string();
            let outcome = if report.problems.is_empty() {
                Outcome::Written(where_)
            } else {
                Outcome::WrittenWithWarnings(where_)
            };
            eprint!("{}", report.text(&outcome, l));
            Ok(true)
        }
    }
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("campus-catalogue: {message}");
            ExitCode::FAILURE
        }
    }
}
