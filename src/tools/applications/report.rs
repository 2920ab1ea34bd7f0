//! The collector's report on standard error, in the catalogue report's
//! conventions: a summary, one line per problem (errors first) naming the
//! file, the counts, and what became of the output.

use super::collect::Collection;
use super::messages::summary;
use crate::sheets::messages::{counts, Outcome, Word};
use campus_core::application::form::FormId;
use campus_core::i18n::Locale;

/// A file's name on one line, without the control characters (a newline, a
/// terminal's escape sequence) a hostile name could carry.
fn shown(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect()
}

/// The report's text.
pub fn text(collection: &Collection, outcome: &Outcome, l: Locale) -> String {
    let mut out = summary(
        collection.files.len(),
        collection.count(FormId::Trainer),
        collection.count(FormId::Request),
        l,
    );
    out.push('\n');
    let mut lines: Vec<(bool, String)> = Vec::new();
    for file in &collection.files {
        for reason in &file.reasons {
            lines.push((
                reason.refuses(),
                format!("{}{}{}", shown(&file.name), l.colon(), reason.line(l)),
            ));
        }
    }
    for (name, reason) in &collection.notes {
        lines.push((
            reason.refuses(),
            format!("{}{}{}", shown(name), l.colon(), reason.line(l)),
        ));
    }
    // Errors first, each severity in the order of the files.
    lines.sort_by_key(|(refuses, _)| !refuses);
    let errors = lines.iter().filter(|(r, _)| *r).count();
    for (refuses, line) in &lines {
        let word = if *refuses { Word::Error } else { Word::Warning };
        out.push_str(&format!("{} · {line}.\n", word.text(l)));
    }
    out.push_str(&counts(errors, lines.len() - errors, l));
    out.push('\n');
    out.push_str(&outcome.text(l));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::applications::collect::{collect, Input};

    #[test]
    fn a_hostile_file_name_stays_on_its_line() {
        let collection = collect(vec![Input {
            name: "a\nErreur · b.json\u{1b}[2K.json".into(),
            bytes: Ok(b"x".to_vec()),
        }]);
        let text = text(&collection, &Outcome::NothingWritten, Locale::Fr);
        assert_eq!(text.lines().count(), 4, "{text}");
        assert!(!text.contains('\u{1b}'));
        assert!(text.contains("a\u{fffd}Erreur · b.json\u{fffd}[2K.json"));
    }
}
