//! A workbook into the catalogue contract. Each sheet is read against the
//! columns table; labels, dates and durations become the contract's values;
//! the document goes through the app's parser, and what it skips or drops is
//! reported at the sheet, row and column it came from. Errors write nothing.

use std::collections::{HashMap, HashSet};

use super::columns::{sheet_named, spec, Field, SheetId, SheetSpec, COURSES, GUIDE, SHEETS};
use super::contract::{hours_number, slug, OutCatalogue, OutCourse, OutPlace, OutSession};
use super::dates::{parse_date_time, rfc3339};
use super::durations::{parse_hours, rounded_hours};
use super::headers::Headers;
use super::labels::{self, find, id_of, AUDIENCES, FORMATS, KINDS, LANGUAGES, LEVELS};
use super::messages::Message;
use super::report::{Place, Problem, Report, Severity};
use super::scan::{NoteKind, SheetScan};
use super::table::{split_lines, split_list, Cell, Row, Sheet, Workbook};
use super::tables::{self, Base};
use campus_core::catalogue::model::{safe_link, Audience, Format, Kind, Level, Parsed, SkipReason};

/// What an import needs besides the workbook.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Where the domains and the other tables come from when the workbook has
    /// no Domaines sheet (the present site's export): a catalogue JSON and its
    /// name. `None`: the catalogue bundled with the app.
    pub base: Option<(String, String)>,
    /// Today's date (`YYYY-MM-DD`), the catalogue's date when no sheet gives one.
    pub today: String,
}

/// The outcome of an import.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The catalogue, unless an error stops the import.
    pub json: Option<String>,
    /// What was found.
    pub report: Report,
}

/// Provider when none is given.
pub const DEFAULT_PROVIDER: &str = "Campus du numérique public";

/// Where a course of the document came from.
#[derive(Debug, Clone)]
struct Origin {
    sheet: String,
    row: u32,
    /// Whether its id was derived from its title.
    derived_id: bool,
    /// Each domain id written, with the label as the sheet writes it.
    domains: Vec<(String, String)>,
    /// Each session id, with the row of the Sessions sheet it came from.
    sessions: Vec<(String, u32)>,
}

/// A sheet found in the workbook, with its spec and its headers.
struct Found<'a> {
    spec: &'static SheetSpec,
    sheet: &'a Sheet,
    headers: Headers,
}

impl Found<'_> {
    fn place(&self, row: &Row, field: Field) -> Place {
        Place::cell(
            &self.sheet.name,
            row.number,
            &self.headers.header(field, self.spec),
        )
    }

    fn data_rows(&self) -> impl Iterator<Item = &Row> {
        self.sheet.rows.iter().skip(1)
    }
}

fn non_blank(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

/// Imports `workbook`, read from `source`, with the scan's notes.
pub fn import_workbook(
    source: &str,
    workbook: &Workbook,
    scans: &[SheetScan],
    hidden: &[String],
    options: &Options,
) -> Imported {
    let mut problems = Vec::new();
    let found = find_sheets(workbook, &mut problems);
    let Some(courses_sheet) = found.iter().find(|f| f.spec.id == SheetId::Courses) else {
        problems.push(Problem::refusal(Message::NoCourseSheet));
        return Imported {
            json: None,
            report: Report {
                source: source.to_owned(),
                problems,
                ..Report::default()
            },
        };
    };
    for f in &found {
        notes(f, scans, hidden, &mut problems);
    }

    let sheet_of = |id: SheetId| found.iter().find(|f| f.spec.id == id);
    // The tables other than courses: from the workbook when it has a Domaines
    // sheet (the template), else from the base catalogue.
    let mut doc = OutCatalogue::new(options.today.clone());
    if let Some(domains) = sheet_of(SheetId::Domains) {
        doc.domains = tables::domains(domains.sheet, &domains.headers, domains.spec, &mut problems);
        for (id, target) in [
            (SheetId::Call, 0),
            (SheetId::Synonyms, 1),
            (SheetId::Figures, 2),
            (SheetId::Catalogue, 3),
        ] {
            match sheet_of(id) {
                Some(f) => match target {
                    0 => {
                        doc.trainer_call = tables::call(f.sheet, &f.headers, f.spec, &mut problems)
                    }
                    1 => {
                        doc.synonyms = tables::synonyms(f.sheet, &f.headers, f.spec, &mut problems)
                    }
                    2 => doc.figures = tables::figures(f.sheet, &f.headers),
                    _ => {
                        if let Some(updated) =
                            tables::updated(f.sheet, &f.headers, f.spec, &mut problems)
                        {
                            doc.updated = updated;
                        }
                    }
                },
                None if id != SheetId::Catalogue => {
                    problems.push(Problem::warning(
                        Place::sheet(spec(id).name),
                        None,
                        Message::MissingSheet,
                    ));
                }
                None => {}
            }
        }
    } else {
        let base = match &options.base {
            Some((name, json)) => Base::from_json(name, json),
            None => Base::bundled(),
        };
        match base {
            Ok(base) => {
                problems.push(Problem::warning(
                    Place::file(),
                    None,
                    Message::TablesFromBase {
                        source: base.source.clone(),
                        domains: base.domains.len(),
                    },
                ));
                doc.domains = base.domains;
                doc.figures = base.figures;
                doc.synonyms = base.synonyms;
                doc.trainer_call = base.trainer_call;
            }
            Err(problem) => problems.push(problem),
        }
    }

    let mut origins = Vec::new();
    read_courses(
        courses_sheet,
        &doc.domains,
        &mut doc.courses,
        &mut origins,
        &mut problems,
    );
    if let Some(sessions) = sheet_of(SheetId::Sessions) {
        read_sessions(sessions, &mut doc.courses, &mut origins, &mut problems);
    }

    // The app's parser has the last word.
    let json = doc.to_json();
    let mut report = Report {
        source: source.to_owned(),
        ..Report::default()
    };
    match Parsed::from_json(&json) {
        Ok(parsed) => {
            report.count_catalogue(&parsed.catalogue);
            map_parser_problems(
                &parsed,
                courses_sheet,
                sheet_of(SheetId::Sessions),
                &doc,
                &origins,
                &mut problems,
            );
        }
        Err(e) => problems.push(Problem::refusal(Message::JsonRefused(e.to_string()))),
    }
    report.problems = problems;
    Imported {
        json: (!report.has_errors()).then_some(json),
        report,
    }
}

/// Which sheet is which. A sheet named as in the template is that table; a
/// lone sheet (a CSV file) or the first with an « Intitulé » column is the
/// courses; the guide is skipped; any other sheet is reported and ignored.
fn find_sheets<'a>(workbook: &'a Workbook, problems: &mut Vec<Problem>) -> Vec<Found<'a>> {
    let mut found: Vec<Found<'a>> = Vec::new();
    let mut unknown = Vec::new();
    for sheet in &workbook.sheets {
        if campus_core::catalogue::text::fold(&sheet.name)
            == campus_core::catalogue::text::fold(GUIDE)
        {
            continue;
        }
        match sheet_named(&sheet.name) {
            Some(spec) if !found.iter().any(|f| f.spec.id == spec.id) => {
                let headers = Headers::read(sheet, spec, problems);
                found.push(Found {
                    spec,
                    sheet,
                    headers,
                });
            }
            _ => unknown.push(sheet),
        }
    }
    let has_courses = found.iter().any(|f| f.spec.id == SheetId::Courses);
    let courses = spec(SheetId::Courses);
    for sheet in unknown {
        let titled = sheet.rows.first().is_some_and(|header| {
            header.cells.iter().any(|c| {
                super::columns::column_named(COURSES, &c.text()).map(|c| c.field)
                    == Some(Field::Title)
            })
        });
        if titled && !has_courses && !found.iter().any(|f| f.spec.id == SheetId::Courses) {
            let headers = Headers::read(sheet, courses, problems);
            found.push(Found {
                spec: courses,
                sheet,
                headers,
            });
        } else if !sheet.rows.is_empty() {
            problems.push(Problem::warning(
                Place::sheet(&sheet.name),
                None,
                Message::UnknownSheet {
                    expected: SHEETS.iter().map(|s| s.name).collect::<Vec<_>>().join(", "),
                },
            ));
        }
    }
    found
}

/// The scan's notes on a sheet that is read, as warnings.
fn notes(found: &Found<'_>, scans: &[SheetScan], hidden: &[String], problems: &mut Vec<Problem>) {
    let name = &found.sheet.name;
    if hidden.contains(name) {
        problems.push(Problem::warning(
            Place::sheet(name),
            None,
            Message::HiddenSheet,
        ));
    }
    let Some(scan) = scans.iter().find(|s| &s.name == name) else {
        return;
    };
    for note in &scan.notes {
        let column = note.col.map(|c| {
            found
                .headers
                .by_index
                .get(&(c as usize))
                .cloned()
                .unwrap_or_else(|| column_letters(c))
        });
        let place = Place {
            sheet: Some(name.clone()),
            row: note.row,
            column,
        };
        let (value, message) = match &note.kind {
            NoteKind::Formula(f) => (None, Message::Formula { formula: f.clone() }),
            NoteKind::HiddenRow => (None, Message::HiddenRow),
            NoteKind::HiddenColumn => (None, Message::HiddenColumn),
            NoteKind::Merged(cells) => (
                None,
                Message::Merged {
                    cells: cells.clone(),
                },
            ),
        };
        problems.push(Problem::warning(place, value, message));
    }
}

/// `0` → `A`, `27` → `AB`.
pub fn column_letters(index: u32) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// One value of a fixed list: the cell's, the default when it is blank, or
/// the default with a warning when it names nothing known.
/// The contract ids of the values a list cell names (by label, id or alias,
/// separated by commas), each once, in order; an unknown one is a warning
/// that lists what the column accepts.
fn ids_listed<T: labels::Labelled>(
    table: &[labels::Label<T>],
    text: &str,
    place: Place,
    problems: &mut Vec<Problem>,
) -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = Vec::new();
    for value in split_list(text) {
        match find(table, &value) {
            Some(v) => {
                let id = id_of(table, v);
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            None => problems.push(Problem::warning(
                place.clone(),
                Some(value),
                Message::UnknownLabel {
                    expected: labels::all(table).join(", "),
                    fallback: None,
                },
            )),
        }
    }
    ids
}

fn one_of<T: labels::Labelled>(
    table: &[labels::Label<T>],
    text: &str,
    default: T,
    place: Place,
    problems: &mut Vec<Problem>,
) -> T {
    if text.is_empty() {
        return default;
    }
    find(table, text).unwrap_or_else(|| {
        problems.push(Problem::warning(
            place,
            Some(text.to_owned()),
            Message::UnknownLabel {
                expected: labels::all(table).join(", "),
                fallback: Some(default.label().to_owned()),
            },
        ));
        default
    })
}

/// A format from one or several values: remote (or e-learning) and in person
/// together make hybrid.
fn formats(text: &str, default: Format, place: Place, problems: &mut Vec<Problem>) -> Format {
    let mut seen = Vec::new();
    for value in split_list(text) {
        match find(&FORMATS, &value) {
            Some(f) => seen.push(f),
            None => problems.push(Problem::warning(
                place.clone(),
                Some(value),
                Message::UnknownLabel {
                    expected: labels::all(&FORMATS).join(", "),
                    fallback: None,
                },
            )),
        }
    }
    seen.dedup();
    match seen.as_slice() {
        [] => default,
        [one] => *one,
        many if many.contains(&Format::Hybride) || many.contains(&Format::Presentiel) => {
            Format::Hybride
        }
        [first, ..] => *first,
    }
}

fn read_courses(
    found: &Found<'_>,
    domains: &[campus_core::catalogue::model::Domain],
    courses: &mut Vec<OutCourse>,
    origins: &mut Vec<Origin>,
    problems: &mut Vec<Problem>,
) {
    let h = &found.headers;
    let name = &found.sheet.name;
    let header_row = found.sheet.rows.first().map_or(1, |r| r.number);
    // Columns the contract needs that the sheet lacks: said once.
    for (field, default) in [
        (Field::Kind, Kind::Module.label_of()),
        (Field::Level, Level::Decouverte.label_of()),
        (Field::Audience, Audience::TousAgents.label_of()),
        (Field::Format, Format::Distanciel.label_of()),
        (Field::Domains, String::new()),
    ] {
        if !h.has(field) && field != Field::Domains {
            problems.push(Problem::warning(
                Place::cell(name, header_row, &h.header(field, found.spec)),
                None,
                Message::MissingColumn { default },
            ));
        }
    }
    let mut used_ids: HashSet<String> = found
        .data_rows()
        .map(|r| h.text(r, Field::Id))
        .filter(|id| !id.is_empty())
        .collect();
    let mut titles: HashMap<String, u32> = HashMap::new();
    for row in found.data_rows() {
        let place = |field| found.place(row, field);
        let title = h.text(row, Field::Title);
        let written_id = h.text(row, Field::Id);
        let derived_id = written_id.is_empty();
        let id = if derived_id {
            let base = slug(&title);
            let folded = campus_core::catalogue::text::fold(&title);
            if let Some(first) = titles.get(&folded).copied().filter(|_| !title.is_empty()) {
                let mut n = 2;
                let mut candidate = format!("{base}-{n}");
                while used_ids.contains(&candidate) {
                    n += 1;
                    candidate = format!("{base}-{n}");
                }
                problems.push(Problem::warning(
                    place(Field::Title),
                    Some(title.clone()),
                    Message::DuplicateTitle {
                        first_row: first,
                        id: candidate.clone(),
                    },
                ));
                candidate
            } else {
                base
            }
        } else {
            written_id
        };
        if !title.is_empty() {
            titles
                .entry(campus_core::catalogue::text::fold(&title))
                .or_insert(row.number);
        }
        used_ids.insert(id.clone());

        let kind = one_of(
            &KINDS,
            &h.text(row, Field::Kind),
            Kind::Module,
            place(Field::Kind),
            problems,
        );
        let level = one_of(
            &LEVELS,
            &h.text(row, Field::Level),
            Level::Decouverte,
            place(Field::Level),
            problems,
        );
        let format = formats(
            &h.text(row, Field::Format),
            Format::Distanciel,
            place(Field::Format),
            problems,
        );
        let mut audience = ids_listed(
            &AUDIENCES,
            &h.text(row, Field::Audience),
            place(Field::Audience),
            problems,
        );
        if audience.is_empty() {
            audience.push(id_of(&AUDIENCES, Audience::TousAgents));
        }
        let languages = ids_listed(
            &LANGUAGES,
            &h.text(row, Field::Languages),
            place(Field::Languages),
            problems,
        );

        // Domains by label or id; an unknown one stays as written, for the
        // parser to refuse the course (the rule is the app's).
        let mut domain_ids = Vec::new();
        let mut written_domains = Vec::new();
        for value in split_list(&h.text(row, Field::Domains)) {
            let key = campus_core::catalogue::text::fold(&value);
            let id = domains
                .iter()
                .find(|d| {
                    campus_core::catalogue::text::fold(&d.label) == key
                        || d.id == value
                        || campus_core::catalogue::text::fold(&d.id) == key
                })
                .map_or_else(|| value.clone(), |d| d.id.clone());
            if !domain_ids.contains(&id) {
                domain_ids.push(id.clone());
                written_domains.push((id, value));
            }
        }

        let duration_cell = h.cell(row, Field::Duration);
        let hours = match duration_cell {
            Cell::Empty => 0.0,
            Cell::Number(minutes) if *minutes >= 0.0 => minutes / 60.0,
            other => {
                let text = other.text();
                match parse_hours(&text) {
                    Some(hours) => hours,
                    None if text.trim().is_empty() => 0.0,
                    None => {
                        problems.push(Problem::warning(
                            place(Field::Duration),
                            Some(text),
                            Message::NotADuration,
                        ));
                        0.0
                    }
                }
            }
        };

        let free_text = h.text(row, Field::Free);
        let free = if free_text.is_empty() {
            true
        } else {
            labels::yes_no(&free_text).unwrap_or_else(|| {
                problems.push(Problem::warning(
                    place(Field::Free),
                    Some(free_text.clone()),
                    Message::UnknownLabel {
                        expected: format!("{}, {}", labels::YES, labels::NO),
                        fallback: Some(labels::YES.to_owned()),
                    },
                ));
                true
            })
        };

        let mut contact = non_blank(h.text(row, Field::Contact)).map(|c| strip_mailto(&c));
        let mut url = None;
        let link = h.text(row, Field::Url);
        if !link.is_empty() {
            if link.to_ascii_lowercase().starts_with("mailto:") {
                if contact.is_none() {
                    contact = Some(strip_mailto(&link));
                }
            } else if let Some(safe) = safe_link(&link) {
                url = Some(safe.to_owned());
            } else {
                problems.push(Problem::warning(
                    place(Field::Url),
                    Some(link),
                    Message::NotALink,
                ));
            }
        }

        let modules = split_list(&h.text(row, Field::Modules));
        let provider = non_blank(split_list(&h.text(row, Field::Provider)).join(", "))
            .unwrap_or_else(|| DEFAULT_PROVIDER.to_owned());

        courses.push(OutCourse {
            id,
            kind: id_of(&KINDS, kind),
            title,
            summary: h.text(row, Field::Summary),
            description: h.cell(row, Field::Description).text().trim().to_owned(),
            domains: domain_ids,
            level: id_of(&LEVELS, level),
            audience,
            format: id_of(&FORMATS, format),
            duration_hours: hours_number(rounded_hours(hours)),
            provider,
            free,
            price: non_blank(h.text(row, Field::Price)),
            eligibility: non_blank(h.text(row, Field::Eligibility)),
            languages,
            objectives: split_lines(&h.text(row, Field::Objectives)),
            prerequisites: split_lines(&h.text(row, Field::Prerequisites)),
            modules,
            url,
            contact,
            access_url: non_blank(h.text(row, Field::AccessUrl)),
            sessions: Vec::new(),
        });
        origins.push(Origin {
            sheet: name.clone(),
            row: row.number,
            derived_id,
            domains: written_domains,
            sessions: Vec::new(),
        });
    }
}

fn strip_mailto(text: &str) -> String {
    let t = text.trim();
    let t = if t.len() >= 7 && t[..7].eq_ignore_ascii_case("mailto:") {
        &t[7..]
    } else {
        t
    };
    t.split('?').next().unwrap_or(t).trim().to_owned()
}

fn read_sessions(
    found: &Found<'_>,
    courses: &mut [OutCourse],
    origins: &mut [Origin],
    problems: &mut Vec<Problem>,
) {
    let h = &found.headers;
    // The first course with an id gets its sessions (a second one is an error).
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for (i, c) in courses.iter().enumerate() {
        by_id.entry(c.id.clone()).or_insert(i);
    }
    let by_title: HashMap<String, usize> = courses
        .iter()
        .enumerate()
        .rev()
        .map(|(i, c)| (campus_core::catalogue::text::fold(&c.title), i))
        .collect();
    let mut session_ids: HashSet<String> = found
        .data_rows()
        .map(|r| h.text(r, Field::SessionId))
        .filter(|id| !id.is_empty())
        .collect();
    let mut seen_ids: HashMap<String, u32> = HashMap::new();
    for row in found.data_rows() {
        let place = |field| found.place(row, field);
        let course_text = h.text(row, Field::SessionCourse);
        let Some(&index) = by_id.get(&course_text).or_else(|| {
            by_title
                .get(&campus_core::catalogue::text::fold(&course_text))
                .filter(|_| !course_text.is_empty())
        }) else {
            problems.push(Problem::error(
                place(Field::SessionCourse),
                Some(course_text),
                Message::UnknownCourse,
            ));
            continue;
        };
        let mut times = Vec::new();
        for field in [Field::Start, Field::End] {
            let cell = h.cell(row, field);
            match parse_date_time(cell) {
                Some((civil, offset)) => times.push(rfc3339(&civil, offset)),
                None => problems.push(Problem::error(
                    place(field),
                    Some(cell.text()),
                    Message::NotADate {
                        expected: "datetime",
                    },
                )),
            }
        }
        let course_format = find(&FORMATS, courses[index].format).unwrap_or(Format::Distanciel);
        let format = one_of(
            &FORMATS,
            &h.text(row, Field::SessionFormat),
            course_format,
            place(Field::SessionFormat),
            problems,
        );
        let (city, region) = (h.text(row, Field::City), h.text(row, Field::Region));
        let location =
            (!city.is_empty() || !region.is_empty()).then_some(OutPlace { city, region });
        let seats_cell = h.cell(row, Field::Seats);
        let seats_left = match seats_cell {
            Cell::Empty => None,
            Cell::Number(n) if *n >= 0.0 && n.fract() == 0.0 && *n <= f64::from(u32::MAX) => {
                Some(*n as u32)
            }
            other => match other.text().trim().parse::<u32>() {
                Ok(n) => Some(n),
                Err(_) if other.is_blank() => None,
                Err(_) => {
                    problems.push(Problem::warning(
                        place(Field::Seats),
                        Some(other.text()),
                        Message::NotANumber { expected: "count" },
                    ));
                    None
                }
            },
        };
        let link = h.text(row, Field::Registration);
        let registration_url = if link.is_empty() {
            None
        } else if let Some(safe) = safe_link(&link) {
            Some(safe.to_owned())
        } else {
            problems.push(Problem::warning(
                place(Field::Registration),
                Some(link),
                Message::NotALink,
            ));
            None
        };
        let written = h.text(row, Field::SessionId);
        let id = if written.is_empty() {
            let course_id = &courses[index].id;
            let mut n = courses[index].sessions.len() + 1;
            let mut candidate = format!("s-{course_id}-{n}");
            while session_ids.contains(&candidate) {
                n += 1;
                candidate = format!("s-{course_id}-{n}");
            }
            candidate
        } else {
            written
        };
        if let Some(first) = seen_ids.get(&id) {
            problems.push(Problem::error(
                place(Field::SessionId),
                Some(id.clone()),
                Message::DuplicateId {
                    first_row: Some(*first),
                },
            ));
            continue;
        }
        seen_ids.insert(id.clone(), row.number);
        session_ids.insert(id.clone());
        let [start, end] = times.as_slice() else {
            continue;
        };
        origins[index].sessions.push((id.clone(), row.number));
        courses[index].sessions.push(OutSession {
            id,
            start: start.clone(),
            end: end.clone(),
            format: id_of(&FORMATS, format),
            location,
            seats_left,
            registration_url,
        });
    }
}

/// What the app's parser skipped or dropped, at the sheet, row and column it
/// came from.
fn map_parser_problems(
    parsed: &Parsed,
    courses: &Found<'_>,
    sessions: Option<&Found<'_>>,
    doc: &OutCatalogue,
    origins: &[Origin],
    problems: &mut Vec<Problem>,
) {
    let spec = courses.spec;
    let h = &courses.headers;
    let domain_labels = doc
        .domains
        .iter()
        .map(|d| d.label.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let cell = |origin: &Origin, field: Field| {
        Place::cell(&origin.sheet, origin.row, &h.header(field, spec))
    };
    let first_row_of = |id: &str, before: usize| {
        doc.courses
            .iter()
            .zip(origins)
            .take(before)
            .find(|(c, _)| c.id == id)
            .map(|(_, o)| o.row)
    };
    for skipped in &parsed.skipped {
        let (Some(course), Some(origin)) =
            (doc.courses.get(skipped.index), origins.get(skipped.index))
        else {
            continue;
        };
        let problem = match &skipped.reason {
            SkipReason::Invalid(why) if why == "empty id or title" => {
                if course.title.trim().is_empty() {
                    Problem::error(cell(origin, Field::Title), None, Message::NoTitle)
                } else {
                    Problem::error(
                        cell(origin, Field::Id),
                        Some(course.id.clone()),
                        Message::CourseInvalid(why.clone()),
                    )
                }
            }
            SkipReason::Invalid(why) if why == "no domain" => Problem::error(
                cell(origin, Field::Domains),
                None,
                Message::NoDomain {
                    expected: domain_labels.clone(),
                },
            ),
            SkipReason::Invalid(why) => Problem::error(
                Place::row(&origin.sheet, origin.row),
                None,
                Message::CourseInvalid(why.clone()),
            ),
            SkipReason::DuplicateId => Problem::error(
                cell(
                    origin,
                    if origin.derived_id {
                        Field::Title
                    } else {
                        Field::Id
                    },
                ),
                Some(if origin.derived_id {
                    course.title.clone()
                } else {
                    course.id.clone()
                }),
                Message::DuplicateId {
                    first_row: first_row_of(&course.id, skipped.index),
                },
            ),
            SkipReason::UnknownDomain(d) => {
                let written = origin
                    .domains
                    .iter()
                    .find(|(id, _)| id == d)
                    .map_or_else(|| d.clone(), |(_, label)| label.clone());
                Problem::error(
                    cell(origin, Field::Domains),
                    Some(written),
                    Message::UnknownDomain {
                        expected: domain_labels.clone(),
                    },
                )
            }
            SkipReason::DanglingModule(m) => Problem::error(
                cell(origin, Field::Modules),
                Some(m.clone()),
                Message::UnknownModule { module: m.clone() },
            ),
            SkipReason::SessionEndsBeforeStart(s) => {
                let row = origin
                    .sessions
                    .iter()
                    .find(|(id, _)| id == s)
                    .map(|(_, r)| *r);
                match (sessions, row) {
                    (Some(f), Some(row)) => Problem::error(
                        Place::cell(&f.sheet.name, row, &f.headers.header(Field::End, f.spec)),
                        None,
                        Message::EndsBeforeStart,
                    ),
                    _ => Problem::error(
                        Place::row(&origin.sheet, origin.row),
                        Some(s.clone()),
                        Message::EndsBeforeStart,
                    ),
                }
            }
        };
        problems.push(problem);
    }
    for dropped in &parsed.dropped {
        let Some(origin) = origins.get(dropped.index) else {
            continue;
        };
        let course = &doc.courses[dropped.index];
        let (field, value) = match dropped.field {
            "contact" => (Field::Contact, course.contact.clone()),
            "access_url" => (Field::AccessUrl, course.access_url.clone()),
            "eligibility" => (Field::Eligibility, course.eligibility.clone()),
            "languages" => (Field::Languages, Some(course.languages.join(", "))),
            _ => (Field::Price, course.price.clone()),
        };
        // A contact read from a mailto: link sits in the link's column.
        let field = if field == Field::Contact && !h.has(Field::Contact) {
            Field::Url
        } else {
            field
        };
        problems.push(Problem {
            severity: Severity::Warning,
            place: cell(origin, field),
            value,
            message: Message::FieldDropped(dropped.problem),
        });
    }
}

/// `labels::Labelled::label` as an owned string (for a report).
trait LabelOf {
    fn label_of(self) -> String;
}

impl<T: labels::Labelled> LabelOf for T {
    fn label_of(self) -> String {
        self.label().to_owned()
    }
}
