//! Reading a file into a [`Workbook`]: ODS and XLSX through calamine once
//! [`super::zipguard`] and [`super::scan`] have found them safe, CSV through
//! `csv` (UTF-8 with or without BOM, or Windows-1252; `;`, `,` or tab,
//! found from the header line). Every value is read as the cell holds it: a
//! text beginning with `=`, `+`, `-` or `@` stays text; a formula gives its last
//! computed value.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, SheetVisible};

use super::limits::{MAX_CELL_CHARS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS};
use super::messages::Message;
use super::report::{Place, Problem};
use super::scan::{scan_ods, scan_xlsx, SheetScan};
use super::table::{Cell, Row, Sheet, SourceKind, Workbook};
use super::{dates, zipguard};

/// A file read: a JSON catalogue as text, or a workbook and what the scan noted.
#[derive(Debug)]
pub enum Input {
    /// A JSON catalogue.
    Json(String),
    /// A sheet file.
    Sheets {
        /// Its sheets.
        workbook: Workbook,
        /// What the scan noted, sheet by sheet (none for a CSV file).
        scans: Vec<SheetScan>,
        /// Hidden sheets, by name.
        hidden: Vec<String>,
    },
}

/// Whether a path names a sheet (by its extension) rather than JSON.
pub fn is_sheet_path(path: &Path) -> bool {
    matches!(
        extension(path).as_str(),
        "ods" | "xlsx" | "xlsm" | "csv" | "tsv" | "txt"
    )
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

/// Reads the file at `path`, refusing it (with the problem to report) when it
/// is too large, hostile or unreadable.
pub fn load(path: &Path) -> Result<Input, Problem> {
    let io = |e: std::io::Error| {
        Problem::refusal(Message::SheetUnreadable(format!("{}: {e}", path.display())))
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    let ext = extension(path);
    if size > MAX_FILE_BYTES && ext != "json" {
        return Err(Problem::refusal(Message::FileTooLarge {
            bytes: size,
            max: MAX_FILE_BYTES,
        }));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    read_bytes(&name, &ext, &bytes)
}

/// Reads `bytes`, named `name`, whose extension is `ext` (lower case).
pub fn read_bytes(name: &str, ext: &str, bytes: &[u8]) -> Result<Input, Problem> {
    if bytes.starts_with(zipguard::ZIP_MAGIC) {
        zipguard::check(bytes)?;
        return read_zip(bytes);
    }
    if bytes.starts_with(zipguard::CFB_MAGIC) {
        return Err(zipguard::compound_file_problem(bytes));
    }
    match ext {
        "ods" | "xlsx" | "xlsm" => Err(Problem::refusal(Message::ZipBroken(
            "not a zip archive".into(),
        ))),
        "json" => String::from_utf8(bytes.to_vec())
            .map(Input::Json)
            .map_err(|_| Problem::refusal(Message::UnknownEncoding)),
        "csv" | "tsv" | "txt" => read_csv(name, bytes).map(|sheet| Input::Sheets {
            workbook: Workbook {
                kind: SourceKind::Csv,
                sheets: vec![sheet],
            },
            scans: Vec::new(),
            hidden: Vec::new(),
        }),
        _ => Err(Problem::refusal(Message::UnknownFormat)),
    }
}

fn read_zip(bytes: &[u8]) -> Result<Input, Problem> {
    let unreadable = |e: String| Problem::refusal(Message::SheetUnreadable(e));
    let password = |e: &str| e.to_ascii_lowercase().contains("password");
    let archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| Problem::refusal(Message::ZipBroken(e.to_string())))?;
    let is_xlsx = archive.index_for_name("xl/workbook.xml").is_some();
    let is_ods = archive.index_for_name("content.xml").is_some();
    if is_ods {
        let scans = scan_ods(bytes)?;
        let mut book = calamine::Ods::new(Cursor::new(bytes)).map_err(|e| {
            let e = e.to_string();
            if password(&e) {
                Problem::refusal(Message::PasswordProtected)
            } else {
                unreadable(e)
            }
        })?;
        let (sheets, hidden) = read_book(&mut book)?;
        Ok(Input::Sheets {
            workbook: Workbook {
                kind: SourceKind::Ods,
                sheets,
            },
            scans,
            hidden,
        })
    } else if is_xlsx {
        let scans = scan_xlsx(bytes)?;
        let mut book =
            calamine::Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(e.to_string()))?;
        let (sheets, hidden) = read_book(&mut book)?;
        Ok(Input::Sheets {
            workbook: Workbook {
                kind: SourceKind::Xlsx,
                sheets,
            },
            scans,
            hidden,
        })
    } else {
        Err(Problem::refusal(Message::UnknownFormat))
    }
}

fn read_book<'a, R>(book: &mut R) -> Result<(Vec<Sheet>, Vec<String>), Problem>
where
    R: Reader<Cursor<&'a [u8]>>,
    R::Error: std::fmt::Display,
{
    let hidden = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.visible != SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect();
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(|e| {
            Problem::error(
                Place::sheet(&name),
                None,
                Message::SheetUnreadable(e.to_string()),
            )
        })?;
        let Some((first_row, first_col)) = range.start() else {
            sheets.push(Sheet {
                name,
                rows: Vec::new(),
            });
            continue;
        };
        let mut rows = Vec::new();
        for (i, data) in range.rows().enumerate() {
            let number = first_row + i as u32 + 1;
            let mut cells = vec![Cell::Empty; first_col as usize];
            cells.extend(data.iter().map(cell));
            if cells.len() > MAX_COLUMNS {
                cells.truncate(MAX_COLUMNS);
            }
            let row = Row { number, cells };
            if row.is_blank() {
                continue;
            }
            check_cells(&name, &row)?;
            rows.push(row);
        }
        sheets.push(Sheet { name, rows });
    }
    Ok((sheets, hidden))
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(d) if d.is_duration() => Cell::Number(d.as_f64()),
        Data::DateTime(d) => {
            dates::from_serial(d.as_f64()).map_or(Cell::Number(d.as_f64()), Cell::Date)
        }
        Data::DateTimeIso(s) => {
            dates::from_iso(s).map_or_else(|| Cell::Text(s.clone()), Cell::Date)
        }
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Text(format!("#{e:?}")),
    }
}

fn check_cells(sheet: &str, row: &Row) -> Result<(), Problem> {
    for c in &row.cells {
        if let Cell::Text(t) = c {
            if t.chars().count() > MAX_CELL_CHARS {
                return Err(Problem::error(
                    Place::row(sheet, row.number),
                    None,
                    Message::CellTooLong {
                        max: MAX_CELL_CHARS,
                    },
                ));
            }
        }
    }
    Ok(())
}

/// The text of a CSV file: UTF-8 (a BOM is dropped) or, failing that,
/// Windows-1252 when it reads as text in it (no control characters, none of
/// the five bytes it leaves undefined). Anything else is refused.
pub fn decode(bytes: &[u8]) -> Result<String, Problem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let control = |c: char| c.is_control() && !matches!(c, '\t' | '\r' | '\n');
    if let Ok(text) = std::str::from_utf8(bytes) {
        if text.chars().any(control) {
            return Err(Problem::refusal(Message::UnknownEncoding));
        }
        return Ok(text.to_owned());
    }
    // UTF-16 (a BOM, or the NULs of ASCII text in it) is not Windows-1252.
    let undefined = |b: &u8| matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D);
    if bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
        || bytes.iter().any(undefined)
    {
        return Err(Problem::refusal(Message::UnknownEncoding));
    }
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    if text.chars().any(control) {
        return Err(Problem::refusal(Message::UnknownEncoding));
    }
    Ok(text.into_owned())
}

/// The separator of a CSV text: the one of `;`, `,` and tab found most often
/// in its first line, outside quotes.
pub fn separator(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => break,
            ';' if !quoted => counts[0] += 1,
            ',' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let seps = [b';', b',', b'\t'];
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(1);
    if counts[best] == 0 {
        b','
    } else {
        seps[best]
    }
}

/// Reads a CSV file as one sheet named after the file; every cell is text.
pub fn read_csv(name: &str, bytes: &[u8]) -> Result<Sheet, Problem> {
    let text = decode(bytes)?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(&text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut number: u32 = 0;
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                return Err(Problem::error(
                    Place::row(name, number + 1),
                    None,
                    Message::SheetUnreadable(e.to_string()),
                ))
            }
        }
        number += 1;
        if record.len() > MAX_COLUMNS
            && record
                .iter()
                .skip(MAX_COLUMNS)
                .any(|f| !f.trim().is_empty())
        {
            return Err(Problem::error(
                Place::row(name, number),
                None,
                Message::TooManyColumns { max: MAX_COLUMNS },
            ));
        }
        let row = Row {
            number,
            cells: record
                .iter()
                .take(MAX_COLUMNS)
                .map(|f| {
                    if f.is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(f.to_owned())
                    }
                })
                .collect(),
        };
        if row.is_blank() {
            continue;
        }
        if number as usize > MAX_ROWS {
            return Err(Problem::error(
                Place::sheet(name),
                None,
                Message::TooManyRows { max: MAX_ROWS },
            ));
        }
        check_cells(name, &row)?;
        rows.push(row);
    }
    Ok(Sheet {
        name: name.to_owned(),
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_encodings_and_separators() {
        let utf8 = "Intitulé;Durée\nÉco-conception;90\n";
        let cp1252: Vec<u8> = encoding_rs::WINDOWS_1252.encode(utf8).0.into_owned();
        let bom = [b"\xEF\xBB\xBF".as_slice(), utf8.as_bytes()].concat();
        for bytes in [utf8.as_bytes(), &cp1252, &bom] {
            let sheet = read_csv("f.csv", bytes).unwrap();
            assert_eq!(sheet.rows[0].cells[0], Cell::Text("Intitulé".into()));
            assert_eq!(sheet.rows[1].cells[1], Cell::Text("90".into()));
        }
        assert_eq!(separator("a,b;c,d\n"), b',');
        assert_eq!(separator("\"a;b\",c\n"), b',');
        assert_eq!(separator("a;b;c\n"), b';');
        let utf16: Vec<u8> = "Intitulé,Durée\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(
            decode(&utf16).unwrap_err().message,
            Message::UnknownEncoding
        );
        assert_eq!(
            decode(b"\x00\x01\x02binary").unwrap_err().message,
            Message::UnknownEncoding
        );
        // Leading = + - @ stay text.
        let sheet = read_csv("f.csv", b"Intitul\xc3\xa9\n=1+1\n@SUM(A1)\n").unwrap();
        assert_eq!(sheet.rows[1].cells[0], Cell::Text("=1+1".into()));
        assert_eq!(sheet.rows[2].cells[0], Cell::Text("@SUM(A1)".into()));
    }
}
