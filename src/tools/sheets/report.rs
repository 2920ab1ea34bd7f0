//! The report an editor acts on: each problem names the sheet, the row as the
//! spreadsheet shows it, the column header, the value and what is expected.
//! Errors stop the import (nothing is written); warnings do not.

use super::messages::{counts, summary, Message, Outcome, Word};
use campus_core::i18n::Locale;

/// Whether a problem stops the import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Nothing is written.
    Error,
    /// Written, and said.
    Warning,
}

/// Where a problem is, as the spreadsheet shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place {
    /// The sheet's name ("Formations").
    pub sheet: Option<String>,
    /// The row's number (the header is row 1).
    pub row: Option<u32>,
    /// The column's header, as the file writes it.
    pub column: Option<String>,
}

impl Place {
    /// A whole file.
    pub fn file() -> Place {
        Place::default()
    }

    /// A whole sheet.
    pub fn sheet(sheet: &str) -> Place {
        Place {
            sheet: Some(sheet.to_owned()),
            ..Place::default()
        }
    }

    /// A row of a sheet.
    pub fn row(sheet: &str, row: u32) -> Place {
        Place {
            sheet: Some(sheet.to_owned()),
            row: Some(row),
            column: None,
        }
    }

    /// A cell of a sheet.
    pub fn cell(sheet: &str, row: u32, column: &str) -> Place {
        Place {
            sheet: Some(sheet.to_owned()),
            row: Some(row),
            column: Some(column.to_owned()),
        }
    }
}

/// One problem found.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// Where.
    pub place: Place,
    /// The value as written, when there is one to quote.
    pub value: Option<String>,
    /// What is wrong and what is expected.
    pub message: Message,
}

impl Problem {
    /// An error at `place`.
    pub fn error(place: Place, value: Option<String>, message: Message) -> Problem {
        Problem {
            severity: Severity::Error,
            place,
            value,
            message,
        }
    }

    /// A warning at `place`.
    pub fn warning(place: Place, value: Option<String>, message: Message) -> Problem {
        Problem {
            severity: Severity::Warning,
            place,
            value,
            message,
        }
    }

    /// An error about the whole file.
    pub fn refusal(message: Message) -> Problem {
        Problem::error(Place::file(), None, message)
    }

    /// One line: `Erreur · Formations, ligne 12, colonne « Thématiques »,
    /// valeur « Cybersecu » : thématique inconnue ; attendu : …`.
    pub fn text(&self, l: Locale) -> String {
        let severity = match self.severity {
            Severity::Error => Word::Error,
            Severity::Warning => Word::Warning,
        };
        let mut place = Vec::new();
        if let Some(sheet) = &self.place.sheet {
            place.push(sheet.clone());
        }
        if let Some(row) = self.place.row {
            place.push(format!("{} {row}", Word::Row.text(l)));
        }
        if let Some(column) = &self.place.column {
            place.push(format!("{} «\u{a0}{column}\u{a0}»", Word::Column.text(l)));
        }
        if let Some(value) = &self.value {
            place.push(format!(
                "{} «\u{a0}{}\u{a0}»",
                Word::Value.text(l),
                quoted(value)
            ));
        }
        let colon = if l == Locale::Fr { "\u{a0}:" } else { ":" };
        let (what, expected) = self.message.texts(l);
        let mut line = format!("{} · ", severity.text(l));
        if !place.is_empty() {
            line.push_str(&place.join(", "));
            line.push_str(colon);
            line.push(' ');
        }
        line.push_str(&what);
        if let Some(expected) = expected {
            let semi = if l == Locale::Fr { "\u{a0};" } else { ";" };
            line.push_str(&format!(
                "{semi} {}{colon} {expected}",
                Word::Expected.text(l)
            ));
        }
        line.push('.');
        line
    }
}

/// A value as quoted in the report: on one line, at most 80 characters.
fn quoted(value: &str) -> String {
    let one_line: String = value
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut out: String = one_line.chars().take(80).collect();
    if one_line.chars().count() > 80 {
        out.push('…');
    }
    out
}

/// Everything an import or a check found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// The file read, as named on the command line.
    pub source: String,
    /// Courses in the catalogue produced.
    pub courses: usize,
    /// Sessions in the catalogue produced.
    pub sessions: usize,
    /// Problems, in the order of the file.
    pub problems: Vec<Problem>,
}

impl Report {
    /// Counts the courses and sessions of the catalogue produced.
    pub fn count_catalogue(&mut self, catalogue: &campus_core::catalogue::model::Catalogue) {
        self.courses = catalogue.courses.len();
        self.sessions = catalogue.courses.iter().map(|c| c.sessions.len()).sum();
    }

    /// Whether any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }

    /// How many problems have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == severity)
            .count()
    }

    /// The report as text: a summary, the problems (errors first), the counts,
    /// and the outcome.
    pub fn text(&self, outcome: &Outcome, l: Locale) -> String {
        let mut out = summary(&self.source, self.courses, self.sessions, l);
        out.push('\n');
        let mut problems: Vec<&Problem> = self.problems.iter().collect();
        // Stable: the file's order within each severity.
        problems.sort_by_key(|p| p.severity);
        for p in problems {
            out.push_str(&p.text(l));
            out.push('\n');
        }
        out.push_str(&counts(
            self.count(Severity::Error),
            self.count(Severity::Warning),
            l,
        ));
        out.push('\n');
        out.push_str(&outcome.text(l));
        out.push('\n');
        out
    }
}
