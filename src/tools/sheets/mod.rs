//! The campus team's spreadsheet: import a catalogue from an ODS, XLSX or CSV
//! sheet, export the template, check either (`campus-catalogue`, feature
//! `sheets`, native only: none of this reaches the wasm).
//!
//! The rules are the app's: a sheet becomes the contract's JSON, which goes
//! through the app's own parser ([`campus_core::catalogue::model::Parsed::from_json`]);
//! what the parser skips or drops is reported at the sheet, row and column it
//! came from. Only what a sheet adds is checked here: its headers, its labels,
//! its dates and durations, and the hostile files ([`limits`]).
//!
//! One concern a file: [`columns`] (the columns table), [`labels`] (fixed
//! values), [`durations`], [`dates`], [`limits`], [`zipguard`] and [`scan`]
//! (hostile files), [`read`] (files into a [`table::Workbook`]), [`import`]
//! (a workbook into the contract), [`export`] and [`ods`] (the template),
//! [`report`] and [`messages`] (the report and its texts), [`output`] (the
//! files written).

// A refusal (`Err(Problem)`) happens at most once a file, on its way to the
// report: its size is no cost worth boxing for.
#![allow(clippy::result_large_err)]

pub mod columns;
pub mod contract;
pub mod dates;
pub mod durations;
pub mod export;
pub mod headers;
pub mod import;
pub mod labels;
pub mod limits;
pub mod messages;
pub mod ods;
pub mod output;
pub mod read;
pub mod report;
pub mod scan;
pub mod table;
pub mod tables;
pub mod zipguard;

use std::path::Path;

use campus_core::catalogue::model::{Parsed, SkipReason};
use import::{Imported, Options};
use messages::Message;
use read::Input;
use report::{Place, Problem, Report};

/// Reads the file at `path` (a sheet or a JSON catalogue) and imports it: the
/// catalogue JSON when nothing stops it, and the report either way. A JSON
/// catalogue is checked by the app's parser and given back as it is.
pub fn import_path(path: &Path, options: &Options) -> Imported {
    let source = path.display().to_string();
    match read::load(path) {
        Err(problem) => Imported {
            json: None,
            report: Report {
                source,
                problems: vec![problem],
                ..Report::default()
            },
        },
        Ok(Input::Json(text)) => {
            let report = check_json(&source, &text);
            Imported {
                json: (!report.has_errors()).then_some(text),
                report,
            }
        }
        Ok(Input::Sheets {
            workbook,
            scans,
            hidden,
        }) => import::import_workbook(&source, &workbook, &scans, &hidden, options),
    }
}

/// The report on a JSON catalogue: what the app's parser skips (errors) and
/// drops (warnings), each at `courses[index]` and the field concerned.
pub fn check_json(source: &str, text: &str) -> Report {
    let mut report = Report {
        source: source.to_owned(),
        ..Report::default()
    };
    let parsed = match Parsed::from_json(text) {
        Ok(parsed) => parsed,
        Err(e) => {
            report
                .problems
                .push(Problem::refusal(Message::JsonRefused(e.to_string())));
            return report;
        }
    };
    let domains = parsed
        .catalogue
        .domains
        .iter()
        .map(|d| d.label.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let at = |index: usize, field: &str| Place {
        sheet: Some(format!("courses[{index}]")),
        row: None,
        column: Some(field.to_owned()),
    };
    for s in &parsed.skipped {
        let id = s.id.clone();
        let (place, value, message) = match &s.reason {
            SkipReason::Invalid(why) if why == "empty id or title" => {
                (at(s.index, "title"), id, Message::NoTitle)
            }
            SkipReason::Invalid(why) if why == "no domain" => (
                at(s.index, "domains"),
                id,
                Message::NoDomain {
                    expected: domains.clone(),
                },
            ),
            SkipReason::Invalid(why) => {
                (at(s.index, "id"), id, Message::CourseInvalid(why.clone()))
            }
            SkipReason::DuplicateId => (
                at(s.index, "id"),
                id,
                Message::DuplicateId { first_row: None },
            ),
            SkipReason::UnknownDomain(d) => (
                at(s.index, "domains"),
                Some(d.clone()),
                Message::UnknownDomain {
                    expected: domains.clone(),
                },
            ),
            SkipReason::DanglingModule(m) => (
                at(s.index, "modules"),
                Some(m.clone()),
                Message::UnknownModule { module: m.clone() },
            ),
            SkipReason::SessionEndsBeforeStart(session) => (
                at(s.index, "sessions"),
                Some(session.clone()),
                Message::EndsBeforeStart,
            ),
        };
        report.problems.push(Problem::error(place, value, message));
    }
    for d in &parsed.dropped {
        report.problems.push(Problem::warning(
            at(d.index, d.field),
            Some(d.id.clone()),
            Message::FieldDropped(d.problem),
        ));
    }
    report.count_catalogue(&parsed.catalogue);
    report
}
