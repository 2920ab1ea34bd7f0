//! The collector's report on standard error, in the catalogue report's
//! conventions: a summary, one line per problem (errors first) naming the
//! file, the counts, and what became of the output.

use super::collect::Collection;
use super::messages::summary;
use crate::application::form::FormId;
use crate::i18n::Locale;
use crate::sheets::messages::{counts, Outcome, Word};

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
                format!("{}{}{}", file.name, l.colon(), reason.line(l)),
            ));
        }
    }
    for (name, reason) in &collection.notes {
        lines.push((
            reason.refuses(),
            format!("{name}{}{}", l.colon(), reason.line(l)),
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
