//! Downloads built from catalogue data: the results as CSV for a spreadsheet, and
//! a session as an iCalendar (`.ics`) document, in the interface's language.

use super::model::{safe_link, Catalogue, Course, Format, Session};
use super::offer::is_full;
use super::schedule::{session_days, session_schedule_text};
use super::time::Timestamp;
use crate::catalogue::labels;
use crate::i18n::export::ExportText;
use crate::i18n::{Locale, Text};
use crate::routes::Route;

/// Byte-order mark: tells Excel the file is UTF-8 (accents otherwise break).
const BOM: &str = "\u{feff}";

/// The index in `course.sessions` of the first session starting at or after `now`
/// (unix seconds) that `keep` accepts (e.g. the catalogue's region and format
/// filters): what [`courses_csv`] shows as "next session". Sessions are sorted by
/// start when parsed.
pub fn next_session_index(
    course: &Course,
    now: i64,
    keep: impl Fn(&Session) -> bool,
) -> Option<usize> {
    course
        .sessions
        .iter()
        .position(|s| s.start.unix >= now && keep(s))
}

/// The absolute link to a course page of this app: `base_url` (the site
/// root, e.g. `https://host/formations/campus/`; anything from a `#` on is
/// dropped) followed by the course's address, `formation/{id}/` (or the
/// generic `formation/?id=…` for an id that is no plain slug).
pub fn course_link(base_url: &str, course_id: &str) -> String {
    let base = base_url.split('#').next().unwrap_or_default().trim();
    format!("{base}{}", Route::Course(course_id.to_owned()).href())
}

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

/// Number of columns of [`courses_csv`].
pub const CSV_COLUMNS: usize = 17;

/// Column headers of [`courses_csv`] in `l`.
pub fn csv_headers(l: Locale) -> [&'static str; CSV_COLUMNS] {
    [
        ExportText::ColumnId.get(l),
        ExportText::ColumnType.get(l),
        ExportText::ColumnTitle.get(l),
        ExportText::ColumnSummary.get(l),
        ExportText::ColumnDomains.get(l),
        ExportText::ColumnLevel.get(l),
        ExportText::ColumnAudience.get(l),
        ExportText::ColumnFormat.get(l),
        ExportText::ColumnDurationHours.get(l),
        ExportText::ColumnProvider.get(l),
        ExportText::ColumnFree.get(l),
        // The spreadsheet's own column name (src/tools/sheets/columns.rs): an
        // export reads back into the team's template.
        ExportText::ColumnPrice.get(l),
        ExportText::ColumnCoursePage.get(l),
        ExportText::ColumnNextSession.get(l),
        ExportText::ColumnCity.get(l),
        ExportText::ColumnSeatsLeft.get(l),
        ExportText::ColumnRegistration.get(l),
    ]
}

/// "2027-02-11 09:30": ISO 8601 in the offset the data was written with, which
/// spreadsheets read as a date and time whatever their language.
fn spreadsheet_date_time(t: Timestamp) -> String {
    let w = t.wall_clock();
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        w.year, w.month, w.day, w.hour, w.minute
    )
}

/// The courses of `rows` as CSV, in the interface's language `l`.
///
/// Each row is `(course position in catalogue.courses, index in its sessions of
/// the session to show)`: the caller picks the session (the next one that matches
/// the view's filters, see [`next_session_index`]); `None`, or an index out of
/// range, leaves the session columns empty. Unknown positions are skipped.
///
/// Values are labels in `l`, never ids (domains: their labels from the data,
/// joined with ", "). Links: the course page in this app ([`course_link`] on
/// `base_url`) and the session's registration page (absolute `http(s)` only, and
/// not for a full session, as on the course page).
///
/// File format: UTF-8 with BOM, `;` separator, CRLF lines, RFC 4180 quoting,
/// formula-safe cells ([`csv_cell`]). Decimals: comma in French, point in English
/// (what spreadsheets in each language expect); dates: `2027-02-11 09:30` in both.
pub fn courses_csv(
    catalogue: &Catalogue,
    rows: &[(u32, Option<usize>)],
    base_url: &str,
    l: Locale,
) -> String {
    let mut out = String::from(BOM);
    out.push_str(&csv_headers(l).map(csv_cell).join(";"));
    out.push_str("\r\n");
    for &(position, session) in rows {
        let Some(c) = catalogue.courses.get(position as usize) else {
            continue;
        };
        let domains: Vec<&str> = c
            .domains
            .iter()
            .map(|d| catalogue.domain(d).map_or(d.as_str(), |x| x.label.as_str()))
            .collect();
        let audience: Vec<&str> = c.audience.iter().map(|a| labels::audience(*a, l)).collect();
        let duration = format!("{}", c.duration_hours);
        let session = session.and_then(|i| c.sessions.get(i));
        let (date, city, seats, registration) = match session {
            None => Default::default(),
            Some(s) => (
                spreadsheet_date_time(s.start),
                match (&s.place, s.format) {
                    (Some(p), _) => p.city.clone(),
                    (None, Format::Distanciel | Format::ELearning) => {
                        Text::Online.get(l).to_owned()
                    }
                    (None, _) => String::new(),
                },
                match s.seats_left {
                    Some(0) => Text::Full.get(l).to_owned(),
                    Some(n) => n.to_string(),
                    None => String::new(),
                },
                s.registration_url
                    .as_deref()
                    .and_then(safe_link)
                    .filter(|_| !is_full(s))
                    .unwrap_or_default()
                    .to_owned(),
            ),
        };
        let row: [String; CSV_COLUMNS] = [
            c.id.clone(),
            labels::kind(c.kind, l).to_owned(),
            c.title.clone(),
            c.summary.clone(),
            domains.join(", "),
            labels::level(c.level, l).to_owned(),
            audience.join(", "),
            labels::format(c.format, l).to_owned(),
            match l {
                Locale::Fr => duration.replace('.', ","),
                Locale::En => duration,
            },
            c.provider.clone(),
            if c.free {
                ExportText::Yes
            } else {
                ExportText::No
            }
            .get(l)
            .to_owned(),
            c.price.clone().unwrap_or_default(),
            course_link(base_url, &c.id),
            date,
            city,
            seats,
            registration,
        ];
        out.push_str(&row.map(|v| csv_cell(&v)).join(";"));
        out.push_str("\r\n");
    }
    out
}

/// Escapes an iCalendar TEXT value (RFC 5545 §3.3.11).
pub fn ical_text(value: &str) -> String {
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

const UID_DOMAIN: &str = "campus.numerique.gouv.fr";

/// An iCalendar document for `session` of `course`, in the interface's language
/// `l` (day numbering, "online", the registration line).
/// `stamp` is the creation time (unix seconds), `url` a link back to the course.
///
/// A session over several days ([`session_days`]) gives one event per day, each
/// from the daily start to the daily end time ("Titre (jour 2/3)", UID
/// `{session-id}-{yyyymmdd}@…`), rather than one event across nights. One event
/// per day rather than one with `RRULE:FREQ=DAILY;COUNT=n`: a rule repeats the
/// same UTC time, so without a VTIMEZONE (which needs time zone rules we do not
/// ship) a session across a summer-time change would move by an hour; each day
/// can carry its own number in its title; and every client, including those that
/// import recurrences poorly, shows plain events the same. A session on one day,
/// or one that cannot be read day by day (overnight, more than a month: see
/// [`session_days`]), stays one event with UID `{session-id}@…`.
pub fn session_ics(course: &Course, session: &Session, stamp: i64, url: &str, l: Locale) -> String {
    calendar(&[], &session_events(course, session, stamp, url, l))
}

/// Several sessions in one iCalendar document (a selection's sessions, a
/// calendar feed): each `(course, session, url)` gives the events
/// [`session_ics`] gives it. `header` lines come after the standard ones,
/// e.g. a feed's name and refresh interval (RFC 7986 `NAME`,
/// `REFRESH-INTERVAL`), already formatted (`NAME:…`, values escaped with
/// [`ical_text`]).
pub fn sessions_ics(
    sessions: &[(&Course, &Session, String)],
    header: &[String],
    stamp: i64,
    l: Locale,
) -> String {
    let events: Vec<String> = sessions
        .iter()
        .flat_map(|(course, session, url)| session_events(course, session, stamp, url, l))
        .collect();
    calendar(header, &events)
}

/// A `VCALENDAR` around `events` (content lines, unfolded), folded.
fn calendar(header: &[String], events: &[String]) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Campus du numérique public//Catalogue//FR",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    .into_iter()
    .chain(header.iter().map(String::as_str))
    .chain(events.iter().map(String::as_str))
    .chain(["END:VCALENDAR"])
    {
        fold_line(line, &mut out);
    }
    out
}

/// The `VEVENT` content lines of `session` (see [`session_ics`]), unfolded.
fn session_events(
    course: &Course,
    session: &Session,
    stamp: i64,
    url: &str,
    l: Locale,
) -> Vec<String> {
    let stamp = Timestamp {
        unix: stamp,
        offset_minutes: 0,
    };
    let location = session
        .place
        .as_ref()
        .map(|p| format!("{}, {}", p.city, p.region))
        .unwrap_or_else(|| Text::Online.get(l).to_owned());
    let days = session_days(session);
    let mut description = course.summary.clone();
    if days.len() > 1 {
        description.push('\n');
        description.push_str(&session_schedule_text(session, l));
    }
    if let Some(reg) = session.registration_url.as_deref().and_then(safe_link) {
        description.push_str(ExportText::RegistrationLine.get(l));
        description.push_str(reg);
    }
    let mut lines = Vec::new();
    let count = days.len();
    for (i, day) in days.iter().enumerate() {
        let (uid, summary) = if count > 1 {
            let number = match l {
                Locale::Fr => format!("jour {}/{count}", i + 1),
                Locale::En => format!("day {} of {count}", i + 1),
            };
            (
                format!(
                    "{}-{:04}{:02}{:02}",
                    session.id, day.year, day.month, day.day
                ),
                format!("{} ({number})", course.title),
            )
        } else {
            (session.id.clone(), course.title.clone())
        };
        lines.extend([
            "BEGIN:VEVENT".to_owned(),
            format!("UID:{}@{UID_DOMAIN}", ical_text(&uid)),
            format!("DTSTAMP:{}", stamp.to_ical_utc()),
            format!("DTSTART:{}", day.start.to_ical_utc()),
            format!("DTEND:{}", day.end.to_ical_utc()),
            format!("SUMMARY:{}", ical_text(&summary)),
            format!("DESCRIPTION:{}", ical_text(&description)),
            format!("LOCATION:{}", ical_text(&location)),
            format!("URL:{}", url.replace(['\r', '\n'], "")),
            "END:VEVENT".to_owned(),
        ]);
    }
    lines
}

/// The name of a session's calendar file: its course's id and its day
/// (`module-cyber-ebios-rm-2027-03-12.ics`), which say what it is in a
/// downloads folder (a session id does not).
pub fn session_ics_name(course_id: &str, session: &Session) -> String {
    let w = session.start.wall_clock();
    let course: String = course_id.chars().take(69).collect();
    file_name(
        &format!("{course}-{:04}-{:02}-{:02}", w.year, w.month, w.day),
        "ics",
    )
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
    use crate::catalogue::model::{Parsed, Place};
    use crate::catalogue::synthetic::catalogue_json;

    const BASE: &str = "https://host/formations/campus/";

    /// Splits a CSV document (after its BOM) into records of cells, RFC 4180 with
    /// `;`: what a spreadsheet does.
    fn parse_csv(csv: &str) -> Vec<Vec<String>> {
        let text = csv.strip_prefix('\u{feff}').expect("a BOM");
        let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => cell.push(c),
                (false, '"') if cell.is_empty() => quoted = true,
                (false, ';') => row.push(std::mem::take(&mut cell)),
                (false, '\r') => {
                    assert_eq!(chars.next(), Some('\n'), "CR without LF");
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (false, '\n') => panic!("LF without CR: a cell broke a line"),
                (false, c) => cell.push(c),
            }
        }
        assert!(!quoted && cell.is_empty() && row.is_empty(), "unterminated");
        rows
    }

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn session(id: &str, start: &str, end: &str) -> Session {
        Session {
            id: id.into(),
            start: ts(start),
            end: ts(end),
            format: Format::Presentiel,
            place: Some(Place {
                city: "Lyon".into(),
                region: "Auvergne-Rhône-Alpes".into(),
            }),
            seats_left: Some(4),
            registration_url: Some("https://inscription.gouv.fr/s1".into()),
        }
    }

    /// One course with every enum away from its label, two domains and two sessions.
    fn catalogue() -> Catalogue {
        let text = r#"{"version": 1, "domains": [
              {"id": "data", "label": "Données"}, {"id": "cyber", "label": "Cybersécurité"}],
            "courses": [{"id": "cyber é/1", "kind": "sur-mesure", "title": "Titre",
              "summary": "Résumé", "description": "d", "domains": ["cyber", "data"],
              "level": "intermediaire", "audience": ["agents-numerique", "managers"],
              "format": "presentiel", "duration_hours": 3.5, "provider": "DINUM",
              "free": true, "sessions": [
                {"id": "past", "start": "2026-01-05T09:30:00+01:00", "end": "2026-01-05T12:00:00+01:00",
                 "format": "distanciel", "registration_url": "https://old.gouv.fr"},
                {"id": "s1", "start": "2027-02-11T09:30:00+01:00", "end": "2027-02-13T17:00:00+01:00",
                 "format": "presentiel", "location": {"city": "Lyon", "region": "Auvergne-Rhône-Alpes"},
                 "seats_left": 4, "registration_url": "https://inscription.gouv.fr/s1?a=1;b=2"}]}]}"#;
        let parsed = Parsed::from_json(text).unwrap();
        assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
        parsed.catalogue
    }

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
    fn csv_opens_in_a_spreadsheet_in_both_languages() {
        let cat = Parsed::from_json(&catalogue_json(30, 3)).unwrap().catalogue;
        let rows: Vec<(u32, Option<usize>)> = (0..3)
            .map(|p| (p, next_session_index(&cat.courses[p as usize], 0, |_| true)))
            .collect();
        for l in Locale::ALL {
            let csv = courses_csv(&cat, &rows, BASE, l);
            assert!(csv.starts_with('\u{feff}'));
            assert!(csv.ends_with("\r\n"));
            let records = parse_csv(&csv);
            assert_eq!(records.len(), 4);
            assert_eq!(records[0], csv_headers(l).map(str::to_owned));
            for record in &records {
                assert_eq!(record.len(), CSV_COLUMNS, "{record:?}");
            }
            assert_eq!(records[1][0], "module-0");
            assert_eq!(records[1][1], labels::kind(cat.courses[0].kind, l));
        }
        let fr = courses_csv(&cat, &rows, BASE, Locale::Fr);
        assert!(fr[3..].starts_with("Identifiant;Type;Titre;Résumé;Domaines;Niveau;Public;"));
        let en = courses_csv(&cat, &rows, BASE, Locale::En);
        assert!(en[3..].starts_with("Id;Type;Title;Summary;Domains;Level;Audience;Format;"));
        assert!(
            en.contains(";Free;Price;Course page;Next session;City;Seats left;Registration\r\n")
        );
    }

    #[test]
    fn csv_says_a_paid_course_s_price() {
        let mut cat = catalogue();
        cat.courses[0].free = false;
        cat.courses[0].price = Some("=390 € par participant".into());
        let fr = &parse_csv(&courses_csv(&cat, &[(0, None)], BASE, Locale::Fr));
        assert_eq!(fr[0][11], "Prix");
        assert_eq!(fr[1][10..12], ["non", "'=390 € par participant"]);
        cat.courses[0].price = None;
        let en = &parse_csv(&courses_csv(&cat, &[(0, None)], BASE, Locale::En));
        assert_eq!(en[0][11], "Price");
        assert_eq!(en[1][11], "");
    }

    #[test]
    fn csv_values_are_labels_in_the_interface_language_not_ids() {
        let cat = catalogue();
        let fr = &parse_csv(&courses_csv(&cat, &[(0, Some(1))], BASE, Locale::Fr))[1];
        assert_eq!(
            fr[1..11],
            [
                "Sur mesure",
                "Titre",
                "Résumé",
                "Cybersécurité, Données",
                "Intermédiaire",
                "Agents du numérique, Managers",
                "En présentiel",
                "3,5",
                "DINUM",
                "oui"
            ]
        );
        let en = &parse_csv(&courses_csv(&cat, &[(0, Some(1))], BASE, Locale::En))[1];
        assert_eq!(
            en[1..11],
            [
                "Tailor-made",
                "Titre",
                "Résumé",
                "Cybersécurité, Données",
                "Intermediate",
                "Digital professionals, Managers",
                "In person",
                "3.5",
                "DINUM",
                "yes"
            ]
        );
        for l in Locale::ALL {
            let csv = courses_csv(&cat, &[(0, Some(1))], BASE, l);
            for id in [
                "sur-mesure",
                "intermediaire",
                "agents-numerique",
                "presentiel",
            ] {
                assert!(!csv.contains(id), "{id} in {csv}");
            }
        }
    }

    #[test]
    fn csv_links_to_the_course_and_the_chosen_session() {
        let cat = catalogue();
        let rows = parse_csv(&courses_csv(
            &cat,
            &[
                (0, Some(1)),
                (0, Some(0)),
                (0, None),
                (0, Some(9)),
                (7, Some(0)),
            ],
            "https://host/formations/campus/#contenu",
            Locale::Fr,
        ));
        assert_eq!(rows.len(), 5, "unknown course position skipped");
        let link = "https://host/formations/campus/formation/?id=cyber%20%C3%A9%2F1";
        assert_eq!(link, course_link(BASE, "cyber é/1"));
        assert_eq!(
            crate::routes::Location::from_href(link.strip_prefix(BASE).unwrap())
                .unwrap()
                .route,
            Route::Course("cyber é/1".into())
        );
        assert_eq!(
            course_link(BASE, "m-1"),
            "https://host/formations/campus/formation/m-1/"
        );
        assert_eq!(
            rows[1][12..],
            [
                link,
                "2027-02-11 09:30",
                "Lyon",
                "4",
                "https://inscription.gouv.fr/s1?a=1;b=2"
            ]
        );
        // The session the caller chose, even a past one; online without a place.
        assert_eq!(
            rows[2][12..],
            [
                link,
                "2026-01-05 09:30",
                "À distance",
                "",
                "https://old.gouv.fr"
            ]
        );
        // No session chosen, or an index out of range: session columns empty.
        for row in &rows[3..5] {
            assert_eq!(row[12..], [link, "", "", "", ""]);
        }
    }

    #[test]
    fn csv_marks_a_full_session_and_keeps_only_web_registration_links() {
        let mut cat = catalogue();
        cat.courses[0].sessions[1].seats_left = Some(0);
        cat.courses[0].sessions[0].registration_url = Some("javascript:alert(1)".into());
        let fr = parse_csv(&courses_csv(
            &cat,
            &[(0, Some(1)), (0, Some(0))],
            BASE,
            Locale::Fr,
        ));
        assert_eq!(fr[1][15..], ["Complet", ""]);
        assert_eq!(fr[2][16], "");
        let en = parse_csv(&courses_csv(&cat, &[(0, Some(1))], BASE, Locale::En));
        assert_eq!(en[1][15..], ["Full", ""]);
    }

    #[test]
    fn a_hostile_title_stays_one_defused_cell() {
        let mut cat = catalogue();
        cat.courses[0].title = "=cmd|' /C calc'!A0;\"x\"\r\nsuite;".into();
        cat.courses[0].summary = "@SUM(1+1)".into();
        cat.courses[0].provider = "-2+3".into();
        let csv = courses_csv(&cat, &[(0, Some(1))], BASE, Locale::Fr);
        let rows = parse_csv(&csv);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].len(), CSV_COLUMNS);
        assert_eq!(rows[1][2], "'=cmd|' /C calc'!A0;\"x\"  suite;");
        assert_eq!(rows[1][3], "'@SUM(1+1)");
        assert_eq!(rows[1][9], "'-2+3");
    }

    #[test]
    fn full_sessions_are_those_with_no_seat_left() {
        let mut s = session(
            "s",
            "2027-02-11T09:30:00+01:00",
            "2027-02-11T12:00:00+01:00",
        );
        assert!(!is_full(&s));
        s.seats_left = Some(0);
        assert!(is_full(&s));
        s.seats_left = None;
        assert!(!is_full(&s), "unknown seats are not full");
    }

    #[test]
    fn next_session_index_skips_past_and_filtered_sessions() {
        let cat = catalogue();
        let c = &cat.courses[0];
        let now = ts("2026-06-01T00:00:00Z").unix;
        assert_eq!(next_session_index(c, 0, |_| true), Some(0));
        assert_eq!(next_session_index(c, now, |_| true), Some(1));
        assert_eq!(
            next_session_index(c, 0, |s| s.format == Format::Presentiel),
            Some(1)
        );
        assert_eq!(next_session_index(c, now, |s| s.place.is_none()), None);
    }

    fn unfolded(ics: &str) -> String {
        ics.replace("\r\n ", "")
    }

    fn values<'a>(ics: &'a str, name: &str) -> Vec<&'a str> {
        ics.split("\r\n")
            .filter_map(|l| l.strip_prefix(name)?.strip_prefix(':'))
            .collect()
    }

    #[test]
    fn ics_event_is_valid_and_escaped() {
        let cat = Parsed::from_json(&catalogue_json(60, 4)).unwrap().catalogue;
        let course = cat.courses.iter().find(|c| !c.sessions.is_empty()).unwrap();
        let mut course = course.clone();
        course.title = "Sécurité; gestion, crise\\ et \"suite\"".into();
        let session = &course.sessions[0];
        let ics = session_ics(
            &course,
            session,
            0,
            "https://x.gouv.fr/#/formation/a",
            Locale::Fr,
        );
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(ics.contains("SUMMARY:Sécurité\\; gestion\\, crise\\\\ et \"suite\"\r\n"));
        assert!(ics.contains(&format!("DTSTART:{}\r\n", session.start.to_ical_utc())));
        assert!(ics.contains(&format!("UID:{}@campus.numerique.gouv.fr\r\n", session.id)));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
        assert!(ics.contains("DTSTAMP:19700101T000000Z"));
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "line too long: {line}");
        }
    }

    #[test]
    fn a_three_day_session_gives_one_event_per_day() {
        let cat = catalogue();
        let course = &cat.courses[0];
        let session = &course.sessions[1];
        let ics = session_ics(course, session, 0, "https://x.gouv.fr/", Locale::Fr);
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "line too long: {line}");
        }
        let ics = unfolded(&ics);
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 3);
        assert_eq!(ics.matches("END:VEVENT").count(), 3);
        assert_eq!(
            values(&ics, "DTSTART"),
            ["20270211T083000Z", "20270212T083000Z", "20270213T083000Z"]
        );
        assert_eq!(
            values(&ics, "DTEND"),
            ["20270211T160000Z", "20270212T160000Z", "20270213T160000Z"]
        );
        assert_eq!(
            values(&ics, "UID"),
            [
                "s1-20270211@campus.numerique.gouv.fr",
                "s1-20270212@campus.numerique.gouv.fr",
                "s1-20270213@campus.numerique.gouv.fr"
            ]
        );
        assert_eq!(
            values(&ics, "SUMMARY"),
            ["Titre (jour 1/3)", "Titre (jour 2/3)", "Titre (jour 3/3)"]
        );
        assert!(values(&ics, "DESCRIPTION")[0].starts_with(
            "Résumé\\nDu jeudi 11 au samedi 13 février 2027\\, de 9\u{a0}h\u{a0}30 à 17\u{a0}h\u{a0}00 chaque jour\\nInscription\u{a0}: https"
        ));
        assert_eq!(values(&ics, "LOCATION")[2], "Lyon\\, Auvergne-Rhône-Alpes");

        let en = unfolded(&session_ics(
            course,
            session,
            0,
            "https://x.gouv.fr/",
            Locale::En,
        ));
        assert_eq!(values(&en, "SUMMARY")[1], "Titre (day 2 of 3)");
        assert!(values(&en, "DESCRIPTION")[0].contains("\\nRegistration: https"));
    }

    #[test]
    fn sessions_not_read_day_by_day_stay_one_event() {
        let cat = catalogue();
        let course = &cat.courses[0];
        for (start, end) in [
            ("2027-02-11T09:30:00+01:00", "2027-02-11T12:30:00+01:00"),
            ("2027-02-11T20:00:00+01:00", "2027-02-12T02:00:00+01:00"),
            ("2027-02-01T09:00:00+01:00", "2027-04-01T17:00:00+02:00"),
        ] {
            let mut s = session("s9", start, end);
            s.place = None;
            let ics = unfolded(&session_ics(
                course,
                &s,
                0,
                "https://x.gouv.fr/",
                Locale::En,
            ));
            assert_eq!(values(&ics, "UID"), ["s9@campus.numerique.gouv.fr"]);
            assert_eq!(values(&ics, "DTSTART"), [s.start.to_ical_utc().as_str()]);
            assert_eq!(values(&ics, "DTEND"), [s.end.to_ical_utc().as_str()]);
            assert_eq!(values(&ics, "SUMMARY"), ["Titre"]);
            assert_eq!(values(&ics, "LOCATION"), ["Online"]);
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
    fn a_calendar_file_is_named_after_its_course_and_day() {
        let s = session(
            "s-module-cyber-ebios-rm-1",
            "2027-03-12T23:30:00+01:00",
            "2027-03-13T01:00:00+01:00",
        );
        // The day where the session is, not UTC's (22:30Z on the 12th).
        assert_eq!(
            session_ics_name("module-cyber-ebios-rm", &s),
            "module-cyber-ebios-rm-2027-03-12.ics"
        );
        // A hostile id stays a file name, and the day is never cut off.
        let name = session_ics_name(&format!("../{}", "x".repeat(200)), &s);
        assert!(
            name.ends_with("-2027-03-12.ics") && name.starts_with("---x"),
            "{name}"
        );
        assert!(name.len() <= 84, "{name}");
    }

    #[test]
    fn file_names_are_safe() {
        assert_eq!(file_name("../etc/passwd", "ics"), "---etc-passwd.ics");
        assert_eq!(file_name("", "csv"), "campus.csv");
    }
}
