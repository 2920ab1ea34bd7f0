//! The interface's text tables hold only texts the interface shows: every key
//! of [`Text`] and of the chunks' tables is named somewhere in `src/` outside
//! the table that defines it. A key left behind by a removed view fails here.

use campus_core::i18n::back_office::Ending;
use campus_core::i18n::export::ExportText;
use campus_core::i18n::feeds::FeedText;
use campus_core::i18n::fields::FieldText;
use campus_core::i18n::forms::FormText;
use campus_core::i18n::labels::DateText;
use campus_core::i18n::options::OptionText;
use campus_core::i18n::takeaway::Takeaway;
use campus_core::i18n::values::ValueText;
use campus_core::i18n::{Text, Texts};

/// Every `.rs` file under `dir`, but `skip`.
fn sources(dir: &std::path::Path, skip: &[&str], out: &mut String) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, skip, out);
        } else if path.extension().is_some_and(|e| e == "rs")
            && !skip.iter().any(|s| path.ends_with(s))
        {
            out.push_str(&std::fs::read_to_string(&path).unwrap());
            out.push('\n');
        }
    }
}

/// Whether `code` names `table::key` as a whole path (not `OtherTable::key`,
/// not `table::keyLonger`).
fn names(code: &str, table: &str, key: &str) -> bool {
    let path = format!("{table}::{key}");
    code.match_indices(&path).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let after = code[at + path.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
            && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

/// Whether `code` builds the values of `key` (`args::Key { … }`, however the
/// table's `args` module is imported): how a key with placeholders is shown.
fn builds(code: &str, key: &str) -> bool {
    let literal = format!("::{key} {{");
    code.match_indices(&literal).any(|(at, _)| {
        code[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

/// The keys of `table` (`all`, as `{:?}` names them) that `code` never names
/// (nor, for a key with placeholders, builds the values of).
fn unused_keys<K: Texts + std::fmt::Debug>(code: &str, table: &str, all: &[K]) -> Vec<String> {
    all.iter()
        .filter(|k| {
            let name = format!("{k:?}");
            !names(code, table, &name) && (k.declared().is_empty() || !builds(code, &name))
        })
        .map(|k| format!("{table}::{k:?}"))
        .collect()
}

#[test]
fn every_text_key_is_used() {
    let mut code = String::new();
    sources(
        std::path::Path::new("src"),
        &[
            "i18n/mod.rs",
            "i18n/forms.rs",
            "i18n/feeds.rs",
            "i18n/back_office.rs",
            "i18n/values.rs",
            "i18n/options.rs",
            "i18n/export.rs",
            "i18n/takeaway.rs",
            "i18n/labels.rs",
            "i18n/fields.rs",
        ],
        &mut code,
    );
    let mut unused = unused_keys(&code, "Text", Text::ALL);
    unused.extend(unused_keys(&code, "FormText", FormText::ALL));
    unused.extend(unused_keys(&code, "FeedText", FeedText::ALL));
    unused.extend(unused_keys(&code, "Ending", Ending::ALL));
    unused.extend(unused_keys(&code, "ValueText", ValueText::ALL));
    unused.extend(unused_keys(&code, "OptionText", OptionText::ALL));
    unused.extend(unused_keys(&code, "ExportText", ExportText::ALL));
    unused.extend(unused_keys(&code, "Takeaway", Takeaway::ALL));
    unused.extend(unused_keys(&code, "DateText", DateText::ALL));
    unused.extend(unused_keys(&code, "FieldText", FieldText::ALL));
    {
        use campus_core::i18n::{placeholders, Locale};
        use campus_tools::applications::messages::CollectorText;
        use campus_tools::sheets::messages::SheetText;
        unused.extend(unused_keys(&code, "SheetText", SheetText::ALL));
        unused.extend(unused_keys(&code, "CollectorText", CollectorText::ALL));
        // The native tools' tables are outside `i18n` (which may not name
        // them): their placeholder parity is checked here.
        let keys = SheetText::ALL.iter().map(|k| {
            (
                format!("{k:?}"),
                k.declared(),
                k.get(Locale::Fr),
                k.get(Locale::En),
            )
        });
        let keys = keys.chain(CollectorText::ALL.iter().map(|k| {
            (
                format!("{k:?}"),
                k.declared(),
                k.get(Locale::Fr),
                k.get(Locale::En),
            )
        }));
        for (key, declared, fr, en) in keys {
            let (mut fr, mut en) = (placeholders(fr), placeholders(en));
            fr.sort_unstable();
            en.sort_unstable();
            let mut declared = declared.to_vec();
            declared.sort_unstable();
            assert!(
                fr == declared && en == declared,
                "{key}: placeholders differ"
            );
        }
    }
    assert!(unused.is_empty(), "unused text keys: {unused:?}");
}

/// `src/core/i18n/` is the base every feature may use for its words: it names no
/// feature module, so no feature's labels can come back to it in a cycle.
#[test]
fn i18n_imports_no_feature_module() {
    let mut code = String::new();
    sources(std::path::Path::new("src/core/i18n"), &[], &mut code);
    for module in [
        "catalogue",
        "application",
        "applications",
        "routes",
        "config",
        "embed",
        "ui",
        "sheets",
        "site",
        "static_site",
    ] {
        for root in ["crate", "campus"] {
            let path = format!("{root}::{module}::");
            let named = code.contains(&path) || code.contains(&format!("{root}::{module};"));
            assert!(!named, "src/core/i18n names {root}::{module}");
        }
    }
}
