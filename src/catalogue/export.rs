//! Downloads built from catalogue data: the results as CSV for a French
//! spreadsheet, and a session as an iCalendar (`.ics`) event.

use super::model::{Catalogue, Course, Session};
use super::query::UrlValue;

/// Byte-order mark: tells Excel the file is UTF-8 (accents otherwise break).
const BOM: &str = "\u{feff}";

/// One CSV cell: quoted when needed, and defused when it would start a formula
/// (`=`, `+`, `-`, `@`, tab, carriage return), the OWASP "CSV injection" rule.
pub fn csv_cell(value: &str) -> String {
    let mut text = value.replace(['\r', '\n'], " ");
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        text.insert(0, '\'');
    }
    if text.contains([';', '"', ',']) || text.starts_with(' ') || text.ends_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// Column headers, in French (the file is for French spreadsheets).
pub const CSV_HEADERS: [&str; 12] = [
    "Identifiant",
    "Type",
    "Titre",
    "Résumé",
    "Domaines",
    "Niveau",
    "Public",
    "Format",
    "Durée (heures)",
    "Organisme",
    "Gratuit",
    "Prochaine session",
];

/// The courses at `positions` as CSV: UTF-8 with BOM, `;` separator, CRLF lines,
/// decimal comma (French locale), formula-safe cells.
pub fn courses_csv(catalogue: &Catalogue, positions: &[u32], now: i64) -> String {
    let mut out = String::from(BOM);
    out.push_str(&CSV_HEADERS.map(csv_cell).join(";"));
    out.push_str("\r\n");
    for &p in positions {
        let Some(c) = catalogue.courses.get(p as usize) else {
            continue;
        };
        let domains: Vec<&str> = c
            .domains
            .iter()
            .map(|d| catalogue.domain(d).map_or(d.as_str(), |x| x.label.as_str()))
            .collect();
        let audience: Vec<&str> = c.audience.iter().map(|a| a.url_value()).collect();
        let next = c
            .next_session_start(now)
            .map(|t| {
                let w = t.wall_clock();
                format!(
                    "{:02}/{:02}/{:04} {:02}:{:02}",
                    w.day, w.month, w.year, w.hour, w.minute
                )
            })
            .unwrap_or_default();
        let row = [
            c.id.clone(),
            c.kind.url_value().to_owned(),
            c.title.clone(),
            c.summary.clone(),
            domains.join(", "),
            c.level.url_value().to_owned(),
            audience.join(", "),
            c.format.url_value().to_owned(),
            format!("{}", c.duration_hours).replace('.', ","),
            c.provider.clone(),
            if c.free { "oui" } else { "non" }.to_owned(),
            next,
        ];
        out.push_str(
            &row.iter()
                .map(|v| csv_cell(v))
                .collect::<Vec<_>>()
                .join(";"),
        );
        out.push_str("\r\n");
    }
    out
}

/// Escapes an iCalendar TEXT value (RFC 5545 §3.3.11).
fn ical_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets without splitting a UTF-8 character.
fn fold_line(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

/// An iCalendar document with one event for `session` of `course`.
/// `stamp` is the creation time (unix seconds), `url` a link back to the course.
pub fn session_ics(course: &Course, session: &Session, stamp: i64, url: &str) -> String {
    let stamp = super::time::Timestamp {
        unix: stamp,
        offset_minutes: 0,
    };
    let location = session
        .place
        .as_ref()
        .map(|p| format!("{}, {}", p.city, p.region))
        .unwrap_or_else(|| "En ligne".to_owned());
    let mut description = course.summary.clone();
    if let Some(reg) = &session.registration_url {
        description.push_str("\nInscription : ");
        description.push_str(reg);
    }
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Campus du numérique public//Catalogue//FR".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}@campus.numerique.gouv.fr", ical_text(&session.id)),
        format!("DTSTAMP:{}", stamp.to_ical_utc()),
        format!("DTSTART:{}", session.start.to_ical_utc()),
        format!("DTEND:{}", session.end.to_ical_utc()),
        format!("SUMMARY:{}", ical_text(&course.title)),
        format!("DESCRIPTION:{}", ical_text(&description)),
        format!("LOCATION:{}", ical_text(&location)),
        format!("URL:{}", url.replace(['\r', '\n'], "")),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    let mut out = String::new();
    for line in lines {
        fold_line(&line, &mut out);
    }
    out
}

/// A safe file name from a course or session id.
pub fn file_name(stem: &str, extension: &str) -> String {
    let clean: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .take(80)
        .collect();
    format!(
        "{}.{extension}",
        if clean.is_empty() { "campus" } else { &clean }
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::model::Parsed;
    use crate::catalogue::synthetic::catalogue_json;

    #[test]
    fn formulas_are_defused_and_separators_quoted() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+33 1 23"), "'+33 1 23");
        assert_eq!(csv_cell("-2"), "'-2");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("a;b"), "\"a;b\"");
        assert_eq!(csv_cell("ligne\nsuivante"), "ligne suivante");
        assert_eq!(csv_cell("Sécurité"), "Sécurité");
    }

    #[test]
    fn csv_opens_in_a_french_spreadsheet() {
        let cat = Parsed::from_json(&catalogue_json(30, 3)).unwrap().catalogue;
        let csv = courses_csv(&cat, &[0, 1, 2], 0);
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv
            .trim_start_matches('\u{feff}')
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(lines.len(), 4);
        assert!(lines[0].starts_with("Identifiant;Type;Titre;"));
        assert!(lines[1].starts_with("module-0;module;"));
        for line in &lines[1..] {
            assert_eq!(line.matches(';').count(), 11, "{line}");
        }
    }

    #[test]
    fn ics_event_is_valid_and_escaped() {
        let cat = Parsed::from_json(&catalogue_json(60, 4)).unwrap().catalogue;
        let course = cat.courses.iter().find(|c| !c.sessions.is_empty()).unwrap();
        let mut course = course.clone();
        course.title = "Sécurité; gestion, crise\\ et \"suite\"".into();
        let session = &course.sessions[0];
        let ics = session_ics(&course, session, 0, "https://x.gouv.fr/#/formation/a");
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(ics.contains("SUMMARY:Sécurité\\; gestion\\, crise\\\\ et \"suite\"\r\n"));
        assert!(ics.contains(&format!("DTSTART:{}\r\n", session.start.to_ical_utc())));
        assert!(ics.contains("DTSTAMP:19700101T000000Z"));
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "line too long: {line}");
        }
    }

    #[test]
    fn long_lines_fold_on_character_boundaries() {
        let mut out = String::new();
        fold_line(&"é".repeat(100), &mut out);
        for line in out.split("\r\n") {
            assert!(line.len() <= 75);
        }
        assert_eq!(out.replace("\r\n ", "").trim_end(), "é".repeat(100));
    }

    #[test]
    fn file_names_are_safe() {
        assert_eq!(file_name("../etc/passwd", "ics"), "---etc-passwd.ics");
        assert_eq!(file_name("", "csv"), "campus.csv");
    }
}
