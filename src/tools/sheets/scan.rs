//! A streaming look at a workbook's sheets before calamine reads them: how far
//! their filled cells reach (refused past the row, column and cell limits,
//! whatever repeats or gaps the XML uses to get there), how long a cell may
//! grow, and what calamine does not tell: formulas, hidden rows and columns,
//! merged cells. It holds one XML event at a time.

use std::io::{BufRead, BufReader, Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use zip::ZipArchive;

use super::limits::{
    MAX_CELLS, MAX_CELL_CHARS, MAX_COLUMNS, MAX_REPEAT, MAX_ROWS, MAX_SHARED_STRINGS,
};
use super::messages::Message;
use super::report::{Place, Problem};

/// Something about a cell, a row or a column that its value does not say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteKind {
    /// A formula (its text); its cached value is what is read.
    Formula(String),
    /// A hidden row with content.
    HiddenRow,
    /// A hidden column within the filled area.
    HiddenColumn,
    /// Merged cells starting here (`A1:B2`, or `2 × 1` cells).
    Merged(String),
}

/// A note and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Row number as shown (1-based), if the note is about a row or a cell.
    pub row: Option<u32>,
    /// Column index (0 for A), if the note is about a column or a cell.
    pub col: Option<u32>,
    /// What.
    pub kind: NoteKind,
}

/// What the scan found in one sheet.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SheetScan {
    /// The sheet's name.
    pub name: String,
    /// Its notes, in the file's order.
    pub notes: Vec<Note>,
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(
            |a| match a.normalized_value(quick_xml::XmlVersion::Implicit1_0) {
                Ok(v) => v.into_owned(),
                Err(_) => a.value.clone().into_owned(),
            },
        )
}

fn count_attr(e: &BytesStart<'_>, name: &str) -> u64 {
    attr(e, name)
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(1)
        .max(1)
}

fn xml_problem(sheet: &str, e: impl std::fmt::Display) -> Problem {
    Problem::error(
        Place::sheet(sheet),
        None,
        Message::SheetUnreadable(e.to_string()),
    )
}

/// The bounds every sheet is held to, added up over the workbook.
#[derive(Default)]
struct Extent {
    cells: u64,
}

impl Extent {
    /// Checks a sheet whose filled cells reach `last_row` (1-based) and
    /// `last_col` (count of columns).
    fn sheet(&mut self, name: &str, last_row: u64, last_col: u64) -> Result<(), Problem> {
        if last_row > MAX_ROWS as u64 {
            return Err(Problem::error(
                Place::sheet(name),
                None,
                Message::TooManyRows { max: MAX_ROWS },
            ));
        }
        if last_col > MAX_COLUMNS as u64 {
            return Err(Problem::error(
                Place::sheet(name),
                None,
                Message::TooManyColumns { max: MAX_COLUMNS },
            ));
        }
        self.cells = self.cells.saturating_add(last_row.saturating_mul(last_col));
        if self.cells > MAX_CELLS {
            return Err(Problem::error(
                Place::sheet(name),
                None,
                Message::TooManyRows { max: MAX_ROWS },
            ));
        }
        Ok(())
    }
}

fn too_long(sheet: &str, row: u64) -> Problem {
    Problem::error(
        Place::row(sheet, row.min(u64::from(u32::MAX)) as u32),
        None,
        Message::CellTooLong {
            max: MAX_CELL_CHARS,
        },
    )
}

fn too_repeated(sheet: &str) -> Problem {
    Problem::error(
        Place::sheet(sheet),
        None,
        Message::RepeatTooLarge { max: MAX_REPEAT },
    )
}

/// Scans an ODS archive's `content.xml`.
pub fn scan_ods(bytes: &[u8]) -> Result<Vec<SheetScan>, Problem> {
    let mut archive = ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| Problem::refusal(Message::ZipBroken(e.to_string())))?;
    let content = archive
        .by_name("content.xml")
        .map_err(|e| Problem::refusal(Message::ZipBroken(e.to_string())))?;
    scan_ods_xml(BufReader::new(content))
}

#[derive(Default)]
struct OdsSheet {
    scan: SheetScan,
    row: u64,
    col: u64,
    last_row: u64,
    last_col: u64,
    hidden_cols: Vec<(u64, u64)>,
    col_cursor: u64,
    row_repeats: u64,
    row_hidden: bool,
    row_filled: bool,
    in_cell: bool,
    cell_chars: u64,
}

impl OdsSheet {
    fn named(name: String) -> OdsSheet {
        OdsSheet {
            scan: SheetScan {
                name,
                notes: Vec::new(),
            },
            ..OdsSheet::default()
        }
    }

    fn start_row(&mut self, e: &BytesStart<'_>) {
        self.row_repeats = count_attr(e, "table:number-rows-repeated");
        self.row_hidden = attr(e, "table:visibility").is_some_and(|v| v != "visible");
        self.row_filled = false;
        self.col = 0;
    }

    fn end_row(&mut self) -> Result<(), Problem> {
        let first = self.row.saturating_add(1);
        if self.row_filled {
            if self.row_repeats > MAX_REPEAT {
                return Err(too_repeated(&self.scan.name));
            }
            self.last_row = first.saturating_add(self.row_repeats - 1);
            if self.last_row > MAX_ROWS as u64 {
                return Err(Problem::error(
                    Place::sheet(&self.scan.name),
                    None,
                    Message::TooManyRows { max: MAX_ROWS },
                ));
            }
            if self.row_hidden {
                self.scan.notes.push(Note {
                    row: Some(first as u32),
                    col: None,
                    kind: NoteKind::HiddenRow,
                });
            }
        }
        self.row = self.row.saturating_add(self.row_repeats);
        Ok(())
    }

    fn cell(&mut self, e: &BytesStart<'_>) -> Result<(), Problem> {
        let repeats = count_attr(e, "table:number-columns-repeated");
        let formula = attr(e, "table:formula");
        let filled = attr(e, "office:value-type").is_some() || formula.is_some();
        let (row, col) = ((self.row + 1) as u32, self.col);
        if filled {
            if repeats > MAX_REPEAT {
                return Err(too_repeated(&self.scan.name));
            }
            self.row_filled = true;
            self.last_col = self.last_col.max(col.saturating_add(repeats));
            if self.last_col > MAX_COLUMNS as u64 {
                return Err(Problem::error(
                    Place::sheet(&self.scan.name),
                    None,
                    Message::TooManyColumns { max: MAX_COLUMNS },
                ));
            }
            if let Some(f) = formula {
                let f = f.strip_prefix("of:").unwrap_or(&f).to_owned();
                self.scan.notes.push(Note {
                    row: Some(row),
                    col: Some(col as u32),
                    kind: NoteKind::Formula(f),
                });
            }
        }
        let spanned_cols = count_attr(e, "table:number-columns-spanned");
        let spanned_rows = count_attr(e, "table:number-rows-spanned");
        if e.name().as_ref() == "table:table-cell" && (spanned_cols > 1 || spanned_rows > 1) {
            self.scan.notes.push(Note {
                row: Some(row),
                col: Some(col as u32),
                kind: NoteKind::Merged(format!("{spanned_cols} × {spanned_rows}")),
            });
        }
        self.col = self.col.saturating_add(repeats);
        Ok(())
    }

    fn finish(mut self, extent: &mut Extent) -> Result<SheetScan, Problem> {
        extent.sheet(&self.scan.name, self.last_row, self.last_col)?;
        for (from, to) in self.hidden_cols {
            for col in from..to.min(self.last_col) {
                self.scan.notes.push(Note {
                    row: None,
                    col: Some(col as u32),
                    kind: NoteKind::HiddenColumn,
                });
            }
        }
        Ok(self.scan)
    }
}

/// Scans an ODS `content.xml` stream.
pub fn scan_ods_xml(input: impl BufRead) -> Result<Vec<SheetScan>, Problem> {
    let mut reader = Reader::from_reader(input);
    let mut buf = Vec::with_capacity(4096);
    let mut sheets = Vec::new();
    let mut sheet: Option<OdsSheet> = None;
    let mut extent = Extent::default();
    loop {
        let event = reader.read_event_into(&mut buf);
        let name_of =
            |s: &Option<OdsSheet>| s.as_ref().map_or(String::new(), |s| s.scan.name.clone());
        let event = event.map_err(|e| xml_problem(&name_of(&sheet), e))?;
        match event {
            Event::Eof => break,
            Event::Start(e) if e.name().as_ref() == "table:table" => {
                sheet = Some(OdsSheet::named(attr(&e, "table:name").unwrap_or_default()));
            }
            Event::Empty(e) if e.name().as_ref() == "table:table" => {
                let s = OdsSheet::named(attr(&e, "table:name").unwrap_or_default());
                sheets.push(s.finish(&mut extent)?);
            }
            Event::End(e) if e.name().as_ref() == "table:table" => {
                if let Some(s) = sheet.take() {
                    sheets.push(s.finish(&mut extent)?);
                }
            }
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "table:table-column" => {
                if let Some(s) = sheet.as_mut() {
                    let repeats = count_attr(&e, "table:number-columns-repeated");
                    let from = s.col_cursor;
                    s.col_cursor = s.col_cursor.saturating_add(repeats);
                    if attr(&e, "table:visibility").is_some_and(|v| v != "visible") {
                        s.hidden_cols.push((from, s.col_cursor));
                    }
                }
            }
            Event::Start(e) if e.name().as_ref() == "table:table-row" => {
                if let Some(s) = sheet.as_mut() {
                    s.start_row(&e);
                }
            }
            Event::Empty(e) if e.name().as_ref() == "table:table-row" => {
                if let Some(s) = sheet.as_mut() {
                    s.start_row(&e);
                    s.end_row()?;
                }
            }
            Event::End(e) if e.name().as_ref() == "table:table-row" => {
                if let Some(s) = sheet.as_mut() {
                    s.end_row()?;
                }
            }
            Event::Start(e)
                if matches!(
                    e.name().as_ref(),
                    "table:table-cell" | "table:covered-table-cell"
                ) =>
            {
                if let Some(s) = sheet.as_mut() {
                    s.cell(&e)?;
                    s.in_cell = true;
                    s.cell_chars = 0;
                }
            }
            Event::Empty(e)
                if matches!(
                    e.name().as_ref(),
                    "table:table-cell" | "table:covered-table-cell"
                ) =>
            {
                if let Some(s) = sheet.as_mut() {
                    s.cell(&e)?;
                }
            }
            Event::End(e)
                if matches!(
                    e.name().as_ref(),
                    "table:table-cell" | "table:covered-table-cell"
                ) =>
            {
                if let Some(s) = sheet.as_mut() {
                    s.in_cell = false;
                }
            }
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "text:s" => {
                if let Some(s) = sheet.as_mut().filter(|s| s.in_cell) {
                    let spaces = count_attr(&e, "text:c");
                    if spaces > MAX_REPEAT {
                        return Err(too_repeated(&s.scan.name));
                    }
                    s.cell_chars = s.cell_chars.saturating_add(spaces);
                    if s.cell_chars > MAX_CELL_CHARS as u64 {
                        return Err(too_long(&s.scan.name, s.row + 1));
                    }
                }
            }
            Event::Text(t) => {
                if let Some(s) = sheet.as_mut().filter(|s| s.in_cell) {
                    s.cell_chars = s.cell_chars.saturating_add(t.len() as u64 / 4);
                    if s.cell_chars > MAX_CELL_CHARS as u64 {
                        return Err(too_long(&s.scan.name, s.row + 1));
                    }
                }
            }
            _ => {}
        }
        buf.clear();
    }
    Ok(sheets)
}

/// `B12` → (12, 1).
fn cell_ref(r: &str) -> Option<(u64, u64)> {
    let letters: String = r.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let digits = r.get(letters.len()..)?;
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let col = letters.bytes().fold(0u64, |acc, b| {
        acc * 26 + u64::from(b.to_ascii_uppercase() - b'A' + 1)
    });
    let row = digits.parse::<u64>().ok()?;
    Some((row, col - 1))
}

fn read_entry_text<R: Read + std::io::Seek>(
    archive: &mut ZipArchive<R>,
    path: &str,
) -> Option<String> {
    let mut entry = archive.by_name(path).ok()?;
    let mut text = String::new();
    entry.read_to_string(&mut text).ok()?;
    Some(text)
}

/// The worksheets of an XLSX archive: (name, path in the archive), in order.
fn xlsx_sheets<R: Read + std::io::Seek>(archive: &mut ZipArchive<R>) -> Vec<(String, String)> {
    let Some(workbook) = read_entry_text(archive, "xl/workbook.xml") else {
        return Vec::new();
    };
    let rels = read_entry_text(archive, "xl/_rels/workbook.xml.rels").unwrap_or_default();
    let mut targets = Vec::new();
    let mut reader = Reader::from_str(&rels);
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                if let (Some(id), Some(target)) = (attr(&e, "Id"), attr(&e, "Target")) {
                    let path = match target.strip_prefix('/') {
                        Some(absolute) => absolute.to_owned(),
                        None => format!("xl/{target}"),
                    };
                    targets.push((id, path));
                }
            }
            _ => {}
        }
    }
    let mut sheets = Vec::new();
    let mut reader = Reader::from_str(&workbook);
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "sheet" => {
                let name = attr(&e, "name").unwrap_or_default();
                let id = attr(&e, "r:id").unwrap_or_default();
                if let Some((_, path)) = targets.iter().find(|(i, _)| *i == id) {
                    sheets.push((name, path.clone()));
                }
            }
            _ => {}
        }
    }
    sheets
}

/// Scans an XLSX archive's worksheets and shared strings.
pub fn scan_xlsx(bytes: &[u8]) -> Result<Vec<SheetScan>, Problem> {
    let mut archive = ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| Problem::refusal(Message::ZipBroken(e.to_string())))?;
    if let Ok(strings) = archive.by_name("xl/sharedStrings.xml") {
        scan_shared_strings(BufReader::new(strings))?;
    }
    let mut extent = Extent::default();
    let mut scans = Vec::new();
    for (name, path) in xlsx_sheets(&mut archive) {
        let Ok(entry) = archive.by_name(&path) else {
            continue;
        };
        scans.push(scan_xlsx_sheet(&name, BufReader::new(entry), &mut extent)?);
    }
    Ok(scans)
}

fn scan_shared_strings(input: impl BufRead) -> Result<(), Problem> {
    let mut reader = Reader::from_reader(input);
    let mut buf = Vec::with_capacity(4096);
    let mut count: u64 = 0;
    let mut chars: u64 = 0;
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) => break,
            Err(e) => return Err(xml_problem("sharedStrings", e)),
            Ok(Event::Start(e)) if e.local_name().as_ref() == "si" => {
                count += 1;
                chars = 0;
                if count > MAX_SHARED_STRINGS {
                    return Err(Problem::refusal(Message::TooManyRows { max: MAX_ROWS }));
                }
            }
            Ok(Event::Text(t)) => {
                chars = chars.saturating_add(t.len() as u64 / 4);
                if chars > MAX_CELL_CHARS as u64 {
                    return Err(Problem::refusal(Message::CellTooLong {
                        max: MAX_CELL_CHARS,
                    }));
                }
            }
            _ => {}
        }
        buf.clear();
    }
    Ok(())
}

fn scan_xlsx_sheet(
    name: &str,
    input: impl BufRead,
    extent: &mut Extent,
) -> Result<SheetScan, Problem> {
    let mut reader = Reader::from_reader(input);
    let mut buf = Vec::with_capacity(4096);
    let mut scan = SheetScan {
        name: name.to_owned(),
        notes: Vec::new(),
    };
    let (mut row, mut col) = (0u64, 0u64);
    let (mut last_row, mut last_col) = (0u64, 0u64);
    let mut row_hidden = false;
    let mut row_noted = false;
    let mut hidden_cols: Vec<(u64, u64)> = Vec::new();
    let mut formula: Option<String> = None;
    let mut cell_chars: u64 = 0;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| xml_problem(name, e))?;
        match event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "row" => {
                row = attr(&e, "r")
                    .and_then(|r| r.parse().ok())
                    .unwrap_or(row.saturating_add(1));
                col = 0;
                row_hidden = attr(&e, "hidden").is_some_and(|h| h == "1" || h == "true");
                row_noted = false;
            }
            Event::Start(e) if e.local_name().as_ref() == "c" => {
                match attr(&e, "r").and_then(|r| cell_ref(&r)) {
                    Some((r, c)) => {
                        row = r;
                        col = c;
                    }
                    None => col = col.saturating_add(1),
                }
                cell_chars = 0;
                last_row = last_row.max(row);
                last_col = last_col.max(col + 1);
                if last_row > MAX_ROWS as u64 || last_col > MAX_COLUMNS as u64 {
                    extent.sheet(name, last_row, last_col)?;
                }
                if row_hidden && !row_noted {
                    row_noted = true;
                    scan.notes.push(Note {
                        row: Some(row as u32),
                        col: None,
                        kind: NoteKind::HiddenRow,
                    });
                }
            }
            Event::Empty(e) if e.local_name().as_ref() == "c" => {
                if let Some((r, c)) = attr(&e, "r").and_then(|r| cell_ref(&r)) {
                    row = r;
                    col = c;
                } else {
                    col = col.saturating_add(1);
                }
            }
            Event::Start(e) if e.local_name().as_ref() == "f" => {
                formula = Some(String::new());
            }
            Event::Empty(e) if e.local_name().as_ref() == "f" => {
                scan.notes.push(Note {
                    row: Some(row as u32),
                    col: Some(col as u32),
                    kind: NoteKind::Formula("…".into()),
                });
            }
            Event::Text(t) => {
                if let Some(f) = formula.as_mut() {
                    if f.len() < 200 {
                        f.push_str(&t.xml10_content());
                    }
                } else {
                    cell_chars = cell_chars.saturating_add(t.len() as u64 / 4);
                    if cell_chars > MAX_CELL_CHARS as u64 {
                        return Err(too_long(name, row));
                    }
                }
            }
            Event::End(e) if e.local_name().as_ref() == "f" => {
                if let Some(f) = formula.take() {
                    scan.notes.push(Note {
                        row: Some(row as u32),
                        col: Some(col as u32),
                        kind: NoteKind::Formula(f),
                    });
                }
            }
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "col" => {
                let hidden = attr(&e, "hidden").is_some_and(|h| h == "1" || h == "true");
                let min = attr(&e, "min").and_then(|v| v.parse::<u64>().ok());
                let max = attr(&e, "max").and_then(|v| v.parse::<u64>().ok());
                if let (true, Some(min), Some(max)) = (hidden, min, max) {
                    hidden_cols.push((min.saturating_sub(1), max));
                }
            }
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "mergeCell" => {
                if let Some(range) = attr(&e, "ref") {
                    let start = range.split(':').next().and_then(cell_ref);
                    scan.notes.push(Note {
                        row: start.map(|(r, _)| r as u32),
                        col: start.map(|(_, c)| c as u32),
                        kind: NoteKind::Merged(range),
                    });
                }
            }
            _ => {}
        }
        buf.clear();
    }
    extent.sheet(name, last_row, last_col)?;
    for (from, to) in hidden_cols {
        for c in from..to.min(last_col) {
            scan.notes.push(Note {
                row: None,
                col: Some(c as u32),
                kind: NoteKind::HiddenColumn,
            });
        }
    }
    Ok(scan)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references() {
        assert_eq!(cell_ref("A1"), Some((1, 0)));
        assert_eq!(cell_ref("B12"), Some((12, 1)));
        assert_eq!(cell_ref("AA3"), Some((3, 26)));
        assert_eq!(cell_ref("XFD1048576"), Some((1_048_576, 16_383)));
        assert_eq!(cell_ref("12"), None);
    }

    #[test]
    fn ods_repeats_gaps_formulas_and_hidden_rows() {
        let xml = |rows: &str| {
            format!(
                r#"<office:document-content><office:body><office:spreadsheet><table:table table:name="F">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
            )
        };
        let cell =
            r#"<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>"#;
        // Trailing empty rows, as LibreOffice writes them: fine.
        let ok = xml(&format!(
            r#"<table:table-row>{cell}</table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#
        ));
        assert!(scan_ods_xml(ok.as_bytes()).is_ok());
        // A filled row repeated a million times, or after a million empty ones.
        for rows in [
            format!(
                r#"<table:table-row table:number-rows-repeated="1000000">{cell}</table:table-row>"#
            ),
            format!(
                r#"<table:table-row table:number-rows-repeated="1000000"/><table:table-row>{cell}</table:table-row>"#
            ),
        ] {
            let err = scan_ods_xml(xml(&rows).as_bytes()).unwrap_err();
            assert!(
                matches!(
                    err.message,
                    Message::TooManyRows { .. } | Message::RepeatTooLarge { .. }
                ),
                "{err:?}"
            );
        }
        // A run of four billion spaces.
        let spaces = xml(
            r#"<table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c="4000000000"/></text:p></table:table-cell></table:table-row>"#,
        );
        assert!(scan_ods_xml(spaces.as_bytes()).is_err());
        // Formulas, hidden rows, merged cells are noted.
        let noted = xml(&format!(
            r#"<table:table-row>{cell}</table:table-row><table:table-row table:visibility="collapse"><table:table-cell table:formula="of:=1+1" office:value-type="float" office:value="2"/><table:table-cell table:number-columns-spanned="2" office:value-type="string"><text:p>m</text:p></table:table-cell><table:covered-table-cell/></table:table-row>"#
        ));
        let scans = scan_ods_xml(noted.as_bytes()).unwrap();
        let kinds: Vec<_> = scans[0]
            .notes
            .iter()
            .map(|n| (n.row, n.col, n.kind.clone()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (Some(2), Some(0), NoteKind::Formula("=1+1".into())),
                (Some(2), Some(1), NoteKind::Merged("2 × 1".into())),
                (Some(2), None, NoteKind::HiddenRow),
            ]
        );
    }
}
