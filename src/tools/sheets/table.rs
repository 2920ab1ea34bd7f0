//! A workbook as read from any format, before it means anything: sheets of
//! rows of cells, each row with its number as the spreadsheet shows it.

/// Splits a cell of several values: commas, semicolons or line breaks.
pub fn split_list(text: &str) -> Vec<String> {
    text.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Splits a cell of texts: one a line.
pub fn split_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A date and time as a spreadsheet holds it: no offset (the catalogue's
/// own wall-clock type).
pub use campus_core::catalogue::time::WallClock as Civil;

/// One cell's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text, as written (a leading `=`, `+`, `-` or `@` is text too).
    Text(String),
    /// A number.
    Number(f64),
    /// A boolean (a spreadsheet's TRUE / FALSE).
    Bool(bool),
    /// A date, or a date and time.
    Date(Civil),
}

impl Cell {
    /// Whether the cell holds nothing but spaces.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text, as the report quotes it and the importer reads it
    /// (numbers without a useless `.0`, dates as `YYYY-MM-DD HH:MM`).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => number_text(*n),
            Cell::Bool(true) => "VRAI".into(),
            Cell::Bool(false) => "FAUX".into(),
            Cell::Date(c) if (c.hour, c.minute, c.second) == (0, 0, 0) => {
                format!("{:04}-{:02}-{:02}", c.year, c.month, c.day)
            }
            Cell::Date(c) => format!(
                "{:04}-{:02}-{:02} {:02}:{:02}",
                c.year, c.month, c.day, c.hour, c.minute
            ),
        }
    }
}

/// A number as a person writes it: `3`, `3.5`.
pub fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// A row and its number as the spreadsheet shows it (the first row is 1).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The row's number, 1-based.
    pub number: u32,
    /// Its cells, from column A.
    pub cells: Vec<Cell>,
}

impl Row {
    /// The cell in column `index` (0 for A), empty past the row's end.
    pub fn cell(&self, index: usize) -> &Cell {
        self.cells.get(index).unwrap_or(&Cell::Empty)
    }

    /// Whether every cell is blank.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(Cell::is_blank)
    }
}

/// One sheet: its name and its rows with content, in order (the first is the
/// header).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sheet {
    /// The sheet's name ("Formations"); a CSV file's is its file name.
    pub name: String,
    /// Rows with at least one cell, in order.
    pub rows: Vec<Row>,
}

/// What a workbook was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// OpenDocument spreadsheet.
    Ods,
    /// Office Open XML workbook.
    Xlsx,
    /// Comma- or semicolon-separated values.
    Csv,
}

/// Every sheet of a file, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Workbook {
    /// The format it was read from.
    pub kind: SourceKind,
    /// The sheets.
    pub sheets: Vec<Sheet>,
}
