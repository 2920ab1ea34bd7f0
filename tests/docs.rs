//! The documentation holds together: README.md stays a short entry point (at
//! most 12,000 bytes; the rest lives in `docs/`, by reader), and every relative
//! link of README.md and of `docs/*.md` names a file that exists. Links to the
//! web (`http:`, `https:`), `mailto:` and `webcal:` are not checked. A link's
//! `#anchor` is dropped before looking for its file; when that file is one of
//! these Markdown documents (or the anchor is in-page), the anchor must also be
//! one of its headings, spelled as GitHub spells them.

use std::path::{Path, PathBuf};

/// README.md's ceiling, in bytes (issue 27).
const README_MAX_BYTES: usize = 12_000;

/// Files that another change is writing: a link to one of them is accepted
/// while it is absent (and checked like any other once it exists).
const BEING_WRITTEN: &[&str] = &[];

/// The repository: the nearest folder above the crate that holds README.md and
/// docs/ (the crate may move into a workspace's sub-folder).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .find(|dir| dir.join("README.md").is_file() && dir.join("docs").is_dir())
        .expect("README.md and docs/ above the crate")
        .to_path_buf()
}

/// README.md and every `docs/*.md`, as paths relative to the repository.
fn documents() -> Vec<PathBuf> {
    let mut docs = vec![PathBuf::from("README.md")];
    let mut in_docs: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .expect("docs/ exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| PathBuf::from("docs").join(p.file_name().unwrap()))
        .collect();
    in_docs.sort();
    docs.extend(in_docs);
    docs
}

/// The text outside fenced code blocks and inline code spans, line by line.
fn prose(markdown: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut fenced = false;
    for (n, line) in markdown.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        // Drop `code spans` (after an unmatched backtick, the rest is prose).
        let count = line.matches('`').count();
        let kept: String = line
            .split('`')
            .enumerate()
            .filter(|(i, _)| i % 2 == 0 || (count % 2 == 1 && *i == count))
            .map(|(_, part)| part)
            .collect();
        out.push((n + 1, kept));
    }
    out
}

/// The targets of the inline links `[text](target "title")` of a line.
fn link_targets(line: &str) -> Vec<String> {
    let mut targets = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find("](") {
        let after = &rest[at + 2..];
        let Some(end) = after.find(')') else { break };
        let inner = after[..end].trim();
        let target = inner
            .strip_prefix('<')
            .and_then(|t| t.split('>').next())
            .unwrap_or_else(|| inner.split_whitespace().next().unwrap_or(""));
        targets.push(target.to_owned());
        rest = &after[end..];
    }
    targets
}

/// The anchors GitHub gives the headings of `markdown`: lower case, letters,
/// digits, `-` and `_` kept, spaces as `-`, the rest dropped; a repeated one
/// numbered (`x`, `x-1`, …).
fn anchors(markdown: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut fenced = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        let Some(title) = line.strip_prefix('#').map(|t| t.trim_start_matches('#')) else {
            continue;
        };
        if fenced || !title.starts_with(' ') {
            continue;
        }
        let slug: String = title
            .trim()
            .to_lowercase()
            .chars()
            .filter_map(|c| match c {
                ' ' => Some('-'),
                c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
                _ => None,
            })
            .collect();
        let seen = out
            .iter()
            .filter(|a| {
                **a == slug
                    || a.strip_prefix(&format!("{slug}-"))
                        .is_some_and(|n| n.parse::<u32>().is_ok())
            })
            .count();
        out.push(if seen == 0 {
            slug
        } else {
            format!("{slug}-{seen}")
        });
    }
    out
}

/// The local file a link target names, if it names one.
fn local_file(target: &str) -> Option<&str> {
    let lower = target.to_ascii_lowercase();
    if ["http:", "https:", "mailto:", "webcal:"]
        .iter()
        .any(|s| lower.starts_with(s))
    {
        return None;
    }
    let path = target.split('#').next().unwrap_or("");
    (!path.is_empty()).then_some(path)
}

/// Every relative link of `doc` whose file, or whose anchor in one of the
/// `documents`, does not exist, as "file:line: target".
fn broken_links(doc: &Path, documents: &[PathBuf]) -> Vec<String> {
    let text = std::fs::read_to_string(root().join(doc)).unwrap();
    let base = doc.parent().unwrap_or(Path::new(""));
    let mut broken = Vec::new();
    for (n, line) in prose(&text) {
        for target in link_targets(&line) {
            let web = local_file(&target).is_none() && !target.starts_with('#');
            if web {
                continue;
            }
            let linked = match local_file(&target) {
                Some(path) => normalise(&base.join(path)),
                None => doc.to_path_buf(),
            };
            let pending = BEING_WRITTEN.iter().any(|p| Path::new(p) == linked);
            if !root().join(&linked).exists() {
                if !pending {
                    broken.push(format!("{}:{n}: {target}", doc.display()));
                }
                continue;
            }
            let anchor = target.split_once('#').map(|(_, a)| a);
            if let Some(anchor) = anchor.filter(|_| documents.contains(&linked)) {
                let heads = anchors(&std::fs::read_to_string(root().join(&linked)).unwrap());
                if !heads.iter().any(|h| h == anchor) {
                    broken.push(format!("{}:{n}: {target} (no such heading)", doc.display()));
                }
            }
        }
    }
    broken
}

/// `a/../b/./c` as `b/c` (the files need not exist).
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[test]
fn the_readme_is_at_most_12_000_bytes() {
    let size = std::fs::metadata(root().join("README.md")).unwrap().len() as usize;
    assert!(
        size <= README_MAX_BYTES,
        "README.md is {size} bytes, over {README_MAX_BYTES}: move the detail into docs/ \
         (by reader) and link to it"
    );
}

#[test]
fn every_relative_link_of_the_docs_names_a_file_and_heading_that_exist() {
    let documents = documents();
    let broken: Vec<String> = documents
        .iter()
        .flat_map(|d| broken_links(d, &documents))
        .collect();
    assert!(
        broken.is_empty(),
        "links to files or headings that do not exist:\n{}",
        broken.join("\n")
    );
}

#[test]
fn the_link_reader_finds_what_it_should() {
    assert_eq!(
        link_targets("see [a](docs/a.md#x) and [b](<b c.md>) or [c](c.md \"t\")"),
        ["docs/a.md#x", "b c.md", "c.md"]
    );
    assert_eq!(local_file("https://x.gouv.fr/a.md"), None);
    assert_eq!(local_file("MAILTO:campus@numerique.gouv.fr"), None);
    assert_eq!(local_file("#tests"), None);
    assert_eq!(local_file("forms.md#sending"), Some("forms.md"));
    assert_eq!(
        normalise(Path::new("docs/../public/x.json")),
        PathBuf::from("public/x.json")
    );
    assert_eq!(
        anchors("# Runtime configuration: `config.json`\n## Ma sélection, l'export\n## Tests\n### Tests\n```\n# not a heading\n```"),
        ["runtime-configuration-configjson", "ma-sélection-lexport", "tests", "tests-1"]
    );
    let lines = prose("a `[x](nope.md)` b\n```\n[y](nope.md)\n```\n[z](yes.md)");
    let found: Vec<String> = lines.iter().flat_map(|(_, l)| link_targets(l)).collect();
    assert_eq!(found, ["yes.md"]);
}
