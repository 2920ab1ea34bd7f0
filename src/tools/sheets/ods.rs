//! A small OpenDocument spreadsheet writer: sheets of text, number and date
//! cells, a bold frozen header row, column widths, and drop-down lists
//! (content validations). Every text is written as a string cell: a value
//! beginning with `=`, `+`, `-` or `@` stays text and never becomes a formula.
//!
//! Hand-written over the `zip` crate that calamine already brings: a
//! full ODS library would add a second zip and XML stack to the build for the
//! few elements the template uses.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::table::Civil;

/// One cell to write.
#[derive(Debug, Clone, PartialEq)]
pub enum OdsCell {
    /// Nothing.
    Empty,
    /// A string cell (line breaks become paragraphs).
    Text(String),
    /// A number.
    Number(f64),
    /// A date and time, shown `DD/MM/YYYY HH:MM`.
    DateTime(Civil),
    /// A date, shown `DD/MM/YYYY`.
    Date(Civil),
}

/// How a column is written.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OdsColumn {
    /// Width in centimetres.
    pub width_cm: f32,
    /// Allowed values, offered as a drop-down list.
    pub list: Option<Vec<String>>,
    /// Whether a value out of the list is flagged when typed (several values
    /// separated by commas are allowed when it is not).
    pub strict: bool,
    /// Whether long text wraps.
    pub wrap: bool,
}

/// One sheet to write: its first row is the header.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OdsSheet {
    /// Its name.
    pub name: String,
    /// Its columns.
    pub columns: Vec<OdsColumn>,
    /// Its rows, the header first.
    pub rows: Vec<Vec<OdsCell>>,
    /// Empty rows written below the data, carrying the drop-down lists.
    pub blank_rows: u32,
}

/// XML text: `&`, `<`, `>`, `"` escaped; characters XML 1.0 forbids dropped.
fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

/// One paragraph's text: runs of spaces kept with `<text:s/>`, tabs with
/// `<text:tab/>`.
fn paragraph(line: &str, out: &mut String) {
    let mut spaces = 0usize;
    let mut first = true;
    let flush = |spaces: &mut usize, first: bool, out: &mut String| {
        if *spaces == 0 {
            return;
        }
        // ODF collapses spaces: a single inner one is kept as is, any other
        // run (or a leading one) is counted.
        if *spaces == 1 && !first {
            out.push(' ');
        } else if first {
            out.push_str(&format!("<text:s text:c=\"{spaces}\"/>"));
        } else {
            out.push(' ');
            out.push_str(&format!("<text:s text:c=\"{}\"/>", *spaces - 1));
        }
        *spaces = 0;
    };
    for c in line.chars() {
        match c {
            ' ' => spaces += 1,
            '\t' => {
                flush(&mut spaces, first, out);
                out.push_str("<text:tab/>");
                first = false;
            }
            '\r' => {}
            c => {
                flush(&mut spaces, first, out);
                first = false;
                let mut buf = [0u8; 4];
                escape(c.encode_utf8(&mut buf), out);
            }
        }
    }
    // Trailing spaces.
    if spaces > 0 {
        out.push_str(&format!("<text:s text:c=\"{spaces}\"/>"));
    }
}

fn text_cell(text: &str, style: &str, validation: &str, out: &mut String) {
    out.push_str(&format!(
        "<table:table-cell{style}{validation} office:value-type=\"string\" calcext:value-type=\"string\">"
    ));
    for line in text.split('\n') {
        if line.is_empty() {
            out.push_str("<text:p/>");
        } else {
            out.push_str("<text:p>");
            paragraph(line, out);
            out.push_str("</text:p>");
        }
    }
    out.push_str("</table:table-cell>");
}

fn number_text(n: f64) -> String {
    super::table::number_text(n)
}

const NAMESPACES: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0""#;

/// The list condition of a content validation: `"a";"b"`, quotes doubled.
fn list_condition(values: &[String]) -> String {
    let items: Vec<String> = values
        .iter()
        .map(|v| format!("\"{}\"", v.replace('"', "\"\"")))
        .collect();
    format!("of:cell-content-is-in-list({})", items.join(";"))
}

/// Past this many bytes, the XML written so far is handed to `flush` (at the
/// end of a row): a workbook of 10,000 rows is never held whole in memory.
const FLUSH_BYTES: usize = 1 << 20;

/// The content's XML: handed to `flush` a part at a time (each part is then
/// cleared), the rest returned.
fn content(sheets: &[OdsSheet], flush: &mut dyn FnMut(&mut String)) -> String {
    let mut out = String::with_capacity(FLUSH_BYTES * 2);
    out.push_str(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    out.push_str(&format!(
        "<office:document-content {NAMESPACES} office:version=\"1.3\">"
    ));
    // Styles: column widths, the header, wrapped text, dates.
    out.push_str("<office:automatic-styles>");
    let mut widths: Vec<String> = Vec::new();
    for sheet in sheets {
        for c in &sheet.columns {
            let w = format!("{:.2}", c.width_cm);
            if !widths.contains(&w) {
                widths.push(w);
            }
        }
    }
    for (i, w) in widths.iter().enumerate() {
        out.push_str(&format!(
            "<style:style style:name=\"co{i}\" style:family=\"table-column\"><style:table-column-properties fo:break-before=\"auto\" style:column-width=\"{w}cm\"/></style:style>"
        ));
    }
    out.push_str(concat!(
        r#"<number:date-style style:name="N1"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>"#,
        r#"<number:date-style style:name="N2"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/><number:text> </number:text><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/></number:date-style>"#,
        r##"<style:style style:name="ceH" style:family="table-cell"><style:table-cell-properties fo:background-color="#e3e3fd" fo:wrap-option="wrap" style:vertical-align="top"/><style:text-properties fo:font-weight="bold"/></style:style>"##,
        r#"<style:style style:name="ceW" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="top"/></style:style>"#,
        r#"<style:style style:name="ceT" style:family="table-cell"><style:table-cell-properties style:vertical-align="top"/></style:style>"#,
        r#"<style:style style:name="ceD" style:family="table-cell" style:data-style-name="N1"><style:table-cell-properties style:vertical-align="top"/></style:style>"#,
        r#"<style:style style:name="ceDT" style:family="table-cell" style:data-style-name="N2"><style:table-cell-properties style:vertical-align="top"/></style:style>"#,
        r#"<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>"#,
        "</office:automatic-styles>",
        "<office:body><office:spreadsheet>"
    ));
    // Drop-down lists.
    let mut validations = String::new();
    let mut names: Vec<Vec<Option<String>>> = Vec::new();
    let mut n = 0;
    for sheet in sheets {
        let mut sheet_names = Vec::new();
        for (col, c) in sheet.columns.iter().enumerate() {
            match &c.list {
                Some(values) if !values.is_empty() => {
                    n += 1;
                    let name = format!("val{n}");
                    let mut condition = String::new();
                    escape(&list_condition(values), &mut condition);
                    let mut base = String::new();
                    escape(
                        &format!(
                            "'{}'.{}2",
                            sheet.name.replace('\'', "''"),
                            super::import::column_letters(col as u32)
                        ),
                        &mut base,
                    );
                    validations.push_str(&format!(
                        "<table:content-validation table:name=\"{name}\" table:condition=\"{condition}\" table:allow-empty-cell=\"true\" table:base-cell-address=\"{base}\" table:display-list=\"unsorted\"><table:error-message table:display=\"{}\" table:message-type=\"warning\"/></table:content-validation>",
                        c.strict
                    ));
                    sheet_names.push(Some(name));
                }
                _ => sheet_names.push(None),
            }
        }
        names.push(sheet_names);
    }
    if !validations.is_empty() {
        out.push_str("<table:content-validations>");
        out.push_str(&validations);
        out.push_str("</table:content-validations>");
    }
    for (sheet, validation_names) in sheets.iter().zip(&names) {
        let mut name = String::new();
        escape(&sheet.name, &mut name);
        out.push_str(&format!(
            "<table:table table:name=\"{name}\" table:style-name=\"ta1\">"
        ));
        for c in &sheet.columns {
            let w = format!("{:.2}", c.width_cm);
            let i = widths.iter().position(|x| *x == w).unwrap_or(0);
            out.push_str(&format!(
                "<table:table-column table:style-name=\"co{i}\" table:default-cell-style-name=\"{}\"/>",
                if c.wrap { "ceW" } else { "ceT" }
            ));
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            out.push_str("<table:table-row>");
            for (col, cell) in row.iter().enumerate() {
                let header = r == 0;
                let column = sheet.columns.get(col);
                let style = if header {
                    " table:style-name=\"ceH\"".to_owned()
                } else if column.is_some_and(|c| c.wrap) {
                    " table:style-name=\"ceW\"".to_owned()
                } else {
                    String::new()
                };
                let validation = match validation_names.get(col) {
                    Some(Some(v)) if !header => format!(" table:content-validation-name=\"{v}\""),
                    _ => String::new(),
                };
                write_cell(cell, &style, &validation, &mut out);
            }
            out.push_str("</table:table-row>");
            if out.len() >= FLUSH_BYTES {
                flush(&mut out);
                out.clear();
            }
        }
        if sheet.blank_rows > 0 && validation_names.iter().any(Option::is_some) {
            out.push_str(&format!(
                "<table:table-row table:number-rows-repeated=\"{}\">",
                sheet.blank_rows
            ));
            for v in validation_names {
                match v {
                    Some(v) => out.push_str(&format!(
                        "<table:table-cell table:content-validation-name=\"{v}\"/>"
                    )),
                    None => out.push_str("<table:table-cell/>"),
                }
            }
            out.push_str("</table:table-row>");
        }
        out.push_str("</table:table>");
    }
    out.push_str("</office:spreadsheet></office:body></office:document-content>");
    out
}

fn write_cell(cell: &OdsCell, style: &str, validation: &str, out: &mut String) {
    match cell {
        OdsCell::Empty => out.push_str(&format!("<table:table-cell{style}{validation}/>")),
        OdsCell::Text(t) if t.is_empty() => {
            out.push_str(&format!("<table:table-cell{style}{validation}/>"))
        }
        OdsCell::Text(t) => text_cell(t, style, validation, out),
        OdsCell::Number(n) => {
            let n = number_text(*n);
            out.push_str(&format!(
                "<table:table-cell{style}{validation} office:value-type=\"float\" office:value=\"{n}\" calcext:value-type=\"float\"><text:p>{n}</text:p></table:table-cell>"
            ));
        }
        OdsCell::DateTime(c) | OdsCell::Date(c) => {
            let with_time = matches!(cell, OdsCell::DateTime(_));
            let value = if with_time {
                format!(
                    "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
                    c.year, c.month, c.day, c.hour, c.minute, c.second
                )
            } else {
                format!("{:04}-{:02}-{:02}", c.year, c.month, c.day)
            };
            let shown = if with_time {
                format!(
                    "{:02}/{:02}/{:04} {:02}:{:02}",
                    c.day, c.month, c.year, c.hour, c.minute
                )
            } else {
                format!("{:02}/{:02}/{:04}", c.day, c.month, c.year)
            };
            let date_style = if with_time { "ceDT" } else { "ceD" };
            out.push_str(&format!(
                "<table:table-cell table:style-name=\"{date_style}\"{validation} office:value-type=\"date\" office:date-value=\"{value}\" calcext:value-type=\"date\"><text:p>{shown}</text:p></table:table-cell>"
            ));
        }
    }
}

fn styles() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-styles {NAMESPACES} office:version=\"1.3\"><office:styles><style:default-style style:family=\"table-cell\"><style:text-properties fo:font-size=\"10pt\"/></style:default-style></office:styles></office:document-styles>"
    )
}

/// Settings: each sheet's first row frozen, so the headers stay in view.
fn settings(sheets: &[OdsSheet]) -> String {
    let mut tables = String::new();
    for sheet in sheets {
        let mut name = String::new();
        escape(&sheet.name, &mut name);
        tables.push_str(&format!(
            concat!(
                "<config:config-item-map-entry config:name=\"{}\">",
                "<config:config-item config:name=\"VerticalSplitMode\" config:type=\"short\">2</config:config-item>",
                "<config:config-item config:name=\"VerticalSplitPosition\" config:type=\"int\">1</config:config-item>",
                "<config:config-item config:name=\"ActiveSplitRange\" config:type=\"short\">2</config:config-item>",
                "<config:config-item config:name=\"PositionTop\" config:type=\"int\">0</config:config-item>",
                "<config:config-item config:name=\"PositionBottom\" config:type=\"int\">1</config:config-item>",
                "</config:config-item-map-entry>"
            ),
            name
        ));
    }
    format!(
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-settings {} office:version=\"1.3\">",
            "<office:settings><config:config-item-set config:name=\"ooo:view-settings\">",
            "<config:config-item-map-indexed config:name=\"Views\"><config:config-item-map-entry>",
            "<config:config-item config:name=\"ViewId\" config:type=\"string\">view1</config:config-item>",
            "<config:config-item-map-named config:name=\"Tables\">{}</config:config-item-map-named>",
            "</config:config-item-map-entry></config:config-item-map-indexed>",
            "</config:config-item-set></office:settings></office:document-settings>"
        ),
        NAMESPACES, tables
    )
}

const MIMETYPE: &str = "application/vnd.oasis.opendocument.spreadsheet";

fn manifest() -> String {
    format!(
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">",
            "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\" manifest:media-type=\"{}\"/>",
            "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>",
            "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>",
            "<manifest:file-entry manifest:full-path=\"settings.xml\" manifest:media-type=\"text/xml\"/>",
            "</manifest:manifest>"
        ),
        MIMETYPE
    )
}

/// The ODS file of `sheets`.
pub fn write(sheets: &[OdsSheet]) -> Result<Vec<u8>, String> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let err = |e: &dyn std::fmt::Display| e.to_string();
    // The mimetype first and uncompressed, as ODF requires.
    zip.start_file("mimetype", stored).map_err(|e| err(&e))?;
    zip.write_all(MIMETYPE.as_bytes()).map_err(|e| err(&e))?;
    zip.start_file("content.xml", deflated)
        .map_err(|e| err(&e))?;
    let mut failed = None;
    let rest = content(sheets, &mut |part| {
        if failed.is_none() {
            failed = zip.write_all(part.as_bytes()).err();
        }
    });
    if let Some(e) = failed {
        return Err(err(&e));
    }
    zip.write_all(rest.as_bytes()).map_err(|e| err(&e))?;
    for (name, text) in [
        ("styles.xml", styles()),
        ("settings.xml", settings(sheets)),
        ("META-INF/manifest.xml", manifest()),
    ] {
        zip.start_file(name, deflated).map_err(|e| err(&e))?;
        zip.write_all(text.as_bytes()).map_err(|e| err(&e))?;
    }
    let cursor = zip.finish().map_err(|e| err(&e))?;
    Ok(cursor.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A large sheet is handed over in parts, each ending with a row, and
    /// the parts make the whole: never all of it in memory at once.
    #[test]
    fn a_large_content_is_written_a_part_at_a_time() {
        let row = vec![OdsCell::Text("x".repeat(1000)), OdsCell::Number(1.5)];
        let sheet = OdsSheet {
            name: "S".into(),
            columns: vec![OdsColumn::default(); 2],
            rows: vec![row; 3000],
            blank_rows: 0,
        };
        let mut parts: Vec<String> = Vec::new();
        let rest = content(std::slice::from_ref(&sheet), &mut |part| {
            parts.push(part.clone())
        });
        assert!(parts.len() >= 2, "{} parts", parts.len());
        for part in &parts {
            assert!(part.len() < FLUSH_BYTES + 4096);
            assert!(part.ends_with("</table:table-row>"));
        }
        let whole = parts.concat() + &rest;
        assert_eq!(whole.matches("<table:table-row>").count(), 3000);
        assert!(whole.ends_with("</office:document-content>"));
        // And the file is one a reader opens, every row in it.
        let bytes = write(&[sheet]).unwrap();
        let mut book = calamine::Ods::new(Cursor::new(bytes)).unwrap();
        use calamine::Reader;
        assert_eq!(book.worksheet_range("S").unwrap().height(), 3000);
    }

    #[test]
    fn spaces_tabs_and_specials_are_kept() {
        let mut out = String::new();
        paragraph("  a  b\tc <&> ", &mut out);
        assert_eq!(
            out,
            "<text:s text:c=\"2\"/>a <text:s text:c=\"1\"/>b<text:tab/>c &lt;&amp;&gt;<text:s text:c=\"1\"/>"
        );
        assert_eq!(
            list_condition(&["Oui".into(), "Non \"x\"".into()]),
            "of:cell-content-is-in-list(\"Oui\";\"Non \"\"x\"\"\")"
        );
    }
}
