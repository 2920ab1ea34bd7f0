//! The small tables of the template (Domaines, Appel à formateurs,
//! Synonymes, Chiffres clés, Catalogue), and the base catalogue they come
//! from when a sheet has none (the present site's export has only courses).

use super::columns::{Field, SheetSpec};
use super::contract::{slug, OutCall};
use super::dates::parse_date;
use super::headers::Headers;
use super::labels::{self, NO, YES};
use super::messages::Message;
use super::report::{Place, Problem};
use super::table::{split_lines, split_list};
use super::table::{Cell, Row, Sheet};
use campus_core::catalogue::model::{Domain, Figure, Parsed};

/// The catalogue bundled with the app: its domains are the campus's.
pub const BUNDLED: &str = include_str!("../../../public/catalogue.json");

/// The tables of a catalogue, other than its courses.
#[derive(Debug, Clone)]
pub struct Base {
    /// Where they come from, for the report.
    pub source: String,
    /// Domains.
    pub domains: Vec<Domain>,
    /// Key figures.
    pub figures: Vec<Figure>,
    /// Synonyms.
    pub synonyms: Vec<Vec<String>>,
    /// The call.
    pub trainer_call: Option<OutCall>,
}

impl Base {
    /// The tables of the catalogue `json`, named `source`.
    pub fn from_json(source: &str, json: &str) -> Result<Base, Problem> {
        let parsed = Parsed::from_json(json).map_err(|e| {
            Problem::error(
                Place::sheet(source),
                None,
                Message::JsonRefused(e.to_string()),
            )
        })?;
        let c = parsed.catalogue;
        Ok(Base {
            source: source.to_owned(),
            domains: c.domains,
            figures: c.figures,
            synonyms: c.synonyms,
            trainer_call: c.trainer_call.map(|t| OutCall {
                open: t.open,
                title: t.title,
                year: t.year,
                deadline: t.deadline,
                sought_skills: t.sought_skills,
            }),
        })
    }

    /// The tables of the catalogue bundled with the app.
    pub fn bundled() -> Result<Base, Problem> {
        Base::from_json("public/catalogue.json", BUNDLED)
    }
}

fn place(sheet: &Sheet, row: &Row, headers: &Headers, spec: &SheetSpec, field: Field) -> Place {
    Place::cell(&sheet.name, row.number, &headers.header(field, spec))
}

/// The Domaines sheet. Two domains with one id are an error.
pub fn domains(
    sheet: &Sheet,
    headers: &Headers,
    spec: &SheetSpec,
    problems: &mut Vec<Problem>,
) -> Vec<Domain> {
    let mut out: Vec<(Domain, u32)> = Vec::new();
    for row in sheet.rows.iter().skip(1) {
        let label = headers.text(row, Field::DomainLabel);
        let written = headers.text(row, Field::DomainId);
        let id = if written.is_empty() {
            slug(&label)
        } else {
            written
        };
        if let Some((_, first)) = out.iter().find(|(d, _)| d.id == id) {
            problems.push(Problem::error(
                place(sheet, row, headers, spec, Field::DomainId),
                Some(id.clone()),
                Message::DuplicateId {
                    first_row: Some(*first),
                },
            ));
            continue;
        }
        if label.is_empty() {
            problems.push(Problem::error(
                place(sheet, row, headers, spec, Field::DomainLabel),
                None,
                Message::NoTitle,
            ));
            continue;
        }
        out.push((
            Domain {
                id,
                label,
                description: headers.text(row, Field::DomainDescription),
            },
            row.number,
        ));
    }
    out.into_iter().map(|(d, _)| d).collect()
}

/// The one data row of a single-row sheet; further rows are reported.
fn single_row<'a>(sheet: &'a Sheet, problems: &mut Vec<Problem>) -> Option<&'a Row> {
    for extra in sheet.rows.iter().skip(2) {
        problems.push(Problem::warning(
            Place::row(&sheet.name, extra.number),
            None,
            Message::ExtraRow,
        ));
    }
    sheet.rows.get(1)
}

/// The Appel à formateurs sheet.
pub fn call(
    sheet: &Sheet,
    headers: &Headers,
    spec: &SheetSpec,
    problems: &mut Vec<Problem>,
) -> Option<OutCall> {
    let row = single_row(sheet, problems)?;
    let at = |field| place(sheet, row, headers, spec, field);
    let open_text = headers.text(row, Field::CallOpen);
    let open = match headers.cell(row, Field::CallOpen) {
        Cell::Bool(b) => *b,
        _ if open_text.is_empty() => true,
        _ => labels::yes_no(&open_text).unwrap_or_else(|| {
            problems.push(Problem::warning(
                at(Field::CallOpen),
                Some(open_text.clone()),
                Message::UnknownLabel {
                    expected: format!("{YES}, {NO}"),
                    fallback: Some(YES.to_owned()),
                },
            ));
            true
        }),
    };
    let year_cell = headers.cell(row, Field::CallYear);
    let year = match year_cell {
        Cell::Empty => None,
        Cell::Number(n) if n.fract() == 0.0 && (2000.0..=2100.0).contains(n) => Some(*n as u16),
        other => match other.text().trim().parse::<u16>() {
            Ok(y) if (2000..=2100).contains(&y) => Some(y),
            _ if other.is_blank() => None,
            _ => {
                problems.push(Problem::warning(
                    at(Field::CallYear),
                    Some(other.text()),
                    Message::NotANumber { expected: "year" },
                ));
                None
            }
        },
    };
    let deadline_cell = headers.cell(row, Field::CallDeadline);
    let deadline = if deadline_cell.is_blank() {
        None
    } else {
        match parse_date(deadline_cell) {
            Some((y, m, d)) => Some(format!("{y:04}-{m:02}-{d:02}")),
            None => {
                problems.push(Problem::error(
                    at(Field::CallDeadline),
                    Some(deadline_cell.text()),
                    Message::NotADate { expected: "day" },
                ));
                None
            }
        }
    };
    let title = headers.text(row, Field::CallTitle);
    Some(OutCall {
        open,
        title: (!title.is_empty()).then_some(title),
        year,
        deadline,
        sought_skills: split_lines(&headers.text(row, Field::CallSkills)),
    })
}

/// The Synonymes sheet: a group a row.
pub fn synonyms(
    sheet: &Sheet,
    headers: &Headers,
    spec: &SheetSpec,
    problems: &mut Vec<Problem>,
) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for row in sheet.rows.iter().skip(1) {
        let text = headers.text(row, Field::SynonymTerms);
        let mut group: Vec<String> = Vec::new();
        for term in split_list(&text) {
            if !group.contains(&term) {
                group.push(term);
            }
        }
        if group.len() < 2 {
            problems.push(Problem::warning(
                place(sheet, row, headers, spec, Field::SynonymTerms),
                Some(text),
                Message::ShortSynonymGroup,
            ));
            continue;
        }
        out.push(group);
    }
    out
}

/// The Chiffres clés sheet.
pub fn figures(sheet: &Sheet, headers: &Headers) -> Vec<Figure> {
    sheet
        .rows
        .iter()
        .skip(1)
        .map(|row| Figure {
            value: headers.text(row, Field::FigureValue),
            label: headers.text(row, Field::FigureLabel),
        })
        .filter(|f| !f.value.is_empty() || !f.label.is_empty())
        .collect()
}

/// The Catalogue sheet: the date of the data.
pub fn updated(
    sheet: &Sheet,
    headers: &Headers,
    _spec: &SheetSpec,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    let row = single_row(sheet, problems)?;
    let cell = headers.cell(row, Field::Updated);
    match parse_date(cell) {
        Some((y, m, d)) => Some(format!("{y:04}-{m:02}-{d:02}")),
        None => {
            let text = cell.text().trim().to_owned();
            (!text.is_empty()).then_some(text)
        }
    }
}
