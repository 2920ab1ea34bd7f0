//! French typography and English punctuation, checked on every string the app
//! can show.
//!
//! French puts a non-breaking space before « : ; ! ? » and inside « », and
//! groups thousands with one; a regular space there lets a lone "»" or "?" wrap
//! onto its own line. English puts no space before those signs and uses “ ”.
//! Two checks: every string literal of the app's source (outside test modules
//! and comments), whatever its language, never has a regular space where
//! French needs a non-breaking one (English needs none there either); and every
//! English UI string is free of French spacing and quotes.

use std::fs;
use std::path::Path;

use campus_core::application::form::{all_fields, FormId};
use campus_core::i18n::back_office::Ending;
use campus_core::i18n::export::ExportText;
use campus_core::i18n::feeds::FeedText;
use campus_core::i18n::fields::FieldText;
use campus_core::i18n::forms::FormText;
use campus_core::i18n::labels::DateText;
use campus_core::i18n::options::OptionText;
use campus_core::i18n::takeaway::Takeaway;
use campus_core::i18n::values::ValueText;
use campus_core::i18n::{Locale, Text};

/// The string literals of a Rust source, with the line each starts on,
/// outside `#[cfg(test)]` modules and comments (a literal may span lines; raw
/// strings `r#"…"#` and the char literal `'"'` are understood).
fn literals(source: &str) -> Vec<(usize, String)> {
    let code: Vec<char> = source
        .split("#[cfg(test)]")
        .next()
        .unwrap_or("")
        .chars()
        .collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    while i < code.len() {
        let c = code[i];
        let next = code.get(i + 1).copied();
        match c {
            '\n' => line += 1,
            '/' if next == Some('/') => {
                while i < code.len() && code[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            '\'' if next == Some('"') && code.get(i + 2) == Some(&'\'') => i += 2,
            'r' if next == Some('#') && code.get(i + 2) == Some(&'"') => {
                let (start, mut text) = (line, String::new());
                i += 3;
                while i < code.len() && !(code[i] == '"' && code.get(i + 1) == Some(&'#')) {
                    line += usize::from(code[i] == '\n');
                    text.push(code[i]);
                    i += 1;
                }
                out.push((start, text));
                i += 1;
            }
            '"' => {
                let (start, mut text) = (line, String::new());
                i += 1;
                while i < code.len() && code[i] != '"' {
                    if code[i] == '\\' {
                        text.push(code[i]);
                        i += 1;
                    }
                    if let Some(&ch) = code.get(i) {
                        line += usize::from(ch == '\n');
                        text.push(ch);
                    }
                    i += 1;
                }
                out.push((start, text));
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// What is wrong with `text` as French typography, if anything.
fn french_fault(text: &str) -> Option<&'static str> {
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        match c {
            ':' | ';' | '!' | '?' | '»' if before == Some(' ') => {
                return Some("a regular space before : ; ! ? or »")
            }
            '«' if after == Some(' ') => return Some("a regular space after «"),
            ' ' if before.is_some_and(|b| b.is_ascii_digit())
                && chars
                    .get(i + 1..i + 4)
                    .is_some_and(|d| d.iter().all(char::is_ascii_digit))
                && chars.get(i + 4).is_none_or(|d| !d.is_ascii_digit()) =>
            {
                return Some("a regular space between thousands")
            }
            _ => {}
        }
    }
    None
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_source_string_has_a_breaking_space_where_french_needs_a_fixed_one() {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    files.sort();
    let mut faults = Vec::new();
    for file in &files {
        let source = fs::read_to_string(file).unwrap();
        for (line, text) in literals(&source) {
            if let Some(why) = french_fault(&text) {
                faults.push(format!("{}:{line}: {why}: {text:?}", file.display()));
            }
        }
    }
    assert!(
        faults.is_empty(),
        "{} strings:\n{}",
        faults.len(),
        faults.join("\n")
    );
}

/// Every string the interface shows from its tables, in `l`.
fn ui_strings(l: Locale) -> Vec<String> {
    let mut out: Vec<String> = Text::ALL.iter().map(|t| t.get(l).to_owned()).collect();
    out.extend(FormText::ALL.iter().map(|t| t.get(l).to_owned()));
    out.extend(FeedText::ALL.iter().map(|t| t.get(l).to_owned()));
    out.extend(Ending::ALL.iter().map(|t| t.get(l).to_owned()));
    out.extend(ValueText::ALL.iter().map(|t| t.get(l).to_owned()));
    out.extend(OptionText::ALL.iter().map(|t| t.get(l).to_owned()));
    out.extend(ExportText::ALL.iter().map(|t| t.get(l).to_owned()));
    out.extend(Takeaway::ALL.iter().map(|t| t.get(l).to_owned()));
    out.extend(DateText::ALL.iter().map(|t| t.get(l).to_owned()));
    out.extend(FieldText::ALL.iter().map(|t| t.get(l).to_owned()));
    {
        use campus_tools::applications::messages::CollectorText;
        use campus_tools::sheets::messages::SheetText;
        out.extend(SheetText::ALL.iter().map(|t| t.get(l).to_owned()));
        out.extend(CollectorText::ALL.iter().map(|t| t.get(l).to_owned()));
    }
    for f in all_fields() {
        out.push(f.label.get(l).to_owned());
        out.extend(f.hint.map(|h| h.get(l).to_owned()));
    }
    for form in FormId::ALL.map(FormId::form) {
        out.extend(form.words().map(|t| t.get(l).to_owned()));
    }
    out
}

#[test]
fn french_ui_strings_use_fixed_spaces() {
    let faults: Vec<_> = ui_strings(Locale::Fr)
        .into_iter()
        .filter(|t| french_fault(t).is_some())
        .collect();
    assert!(faults.is_empty(), "{faults:#?}");
}

#[test]
fn english_ui_strings_have_no_french_punctuation() {
    let faults: Vec<_> = ui_strings(Locale::En)
        .into_iter()
        .filter(|t| {
            t.contains(['«', '»'])
                || [
                    " :", " ;", " !", " ?", "\u{a0}:", "\u{a0};", "\u{a0}!", "\u{a0}?", "\u{202f}",
                ]
                .iter()
                .any(|p| t.contains(p))
        })
        .collect();
    assert!(faults.is_empty(), "{faults:#?}");
}

#[test]
fn the_checker_catches_what_it_must() {
    assert_eq!(
        french_fault("Que proposez-vous ?"),
        Some("a regular space before : ; ! ? or »")
    );
    assert!(french_fault("« titre »").is_some());
    assert!(french_fault("21 000 agents").is_some());
    assert_eq!(french_fault("Que proposez-vous\u{a0}?"), None);
    assert_eq!(french_fault("«\u{a0}titre\u{a0}»"), None);
    assert_eq!(french_fault("21\u{202f}000 agents, 2024 2025"), None);
    assert_eq!(french_fault("https://a.fr/x?y=1"), None);
    let found = literals(
        "let q = '\"';\nlet a = \"x : \\\n  y\"; // \"z ?\"\nlet r = r#\"a \"b\" ?\"#;\n#[cfg(test)]\nlet b = \"c ?\";",
    );
    assert_eq!(
        found,
        vec![(2, "x : \\\n  y".to_owned()), (4, "a \"b\" ?".to_owned())]
    );
}
