//! A sheet's header row read against the columns table: which column is
//! which field, and the warnings for headers the sheet should not have.

use std::collections::HashMap;

use super::columns::{column_named, headers, Column, Field, SheetSpec};
use super::messages::Message;
use super::report::{Place, Problem};
use super::table::{Cell, Row, Sheet};

/// The columns of one sheet, found in its first row.
#[derive(Debug, Clone, Default)]
pub struct Headers {
    /// Field → (column index, header as the file writes it).
    found: HashMap<Field, (usize, String)>,
    /// Column index → header as written, for every non-blank header.
    pub by_index: HashMap<usize, String>,
}

impl Headers {
    /// Reads `sheet`'s header row (its first row with content) against
    /// `spec`, reporting unknown, ignored and repeated headers in `problems`.
    pub fn read(sheet: &Sheet, spec: &SheetSpec, problems: &mut Vec<Problem>) -> Headers {
        let mut headers = Headers::default();
        let Some(first) = sheet.rows.first() else {
            return headers;
        };
        for (index, cell) in first.cells.iter().enumerate() {
            let text = cell.text().trim().to_owned();
            if text.is_empty() {
                continue;
            }
            headers.by_index.insert(index, text.clone());
            let place = Place::cell(&sheet.name, first.number, &text);
            match column_named(spec.columns, &text) {
                None => problems.push(Problem::warning(
                    place,
                    None,
                    Message::UnknownHeader {
                        expected: headers_list(spec.columns),
                    },
                )),
                Some(Column {
                    field: Field::Ignored,
                    ..
                }) => problems.push(Problem::warning(place, None, Message::IgnoredColumn)),
                Some(column) if headers.found.contains_key(&column.field) => {
                    problems.push(Problem::warning(place, None, Message::DuplicateHeader))
                }
                Some(column) => {
                    headers.found.insert(column.field, (index, text));
                }
            }
        }
        headers
    }

    /// Whether the sheet has this column.
    pub fn has(&self, field: Field) -> bool {
        self.found.contains_key(&field)
    }

    /// The cell of `field` in `row` (empty when the sheet has no such column).
    pub fn cell<'r>(&self, row: &'r Row, field: Field) -> &'r Cell {
        match self.found.get(&field) {
            Some((index, _)) => row.cell(*index),
            None => &Cell::Empty,
        }
    }

    /// The trimmed text of `field` in `row`.
    pub fn text(&self, row: &Row, field: Field) -> String {
        self.cell(row, field).text().trim().to_owned()
    }

    /// The header of `field` as the file writes it, or the template's.
    pub fn header(&self, field: Field, spec: &SheetSpec) -> String {
        match self.found.get(&field) {
            Some((_, text)) => text.clone(),
            None => spec
                .columns
                .iter()
                .find(|c| c.field == field)
                .map_or_else(String::new, |c| c.header.to_owned()),
        }
    }
}

fn headers_list(columns: &[Column]) -> String {
    headers(columns)
}
