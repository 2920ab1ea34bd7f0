//! The workspace's shape, held by a test (docs/architecture.md):
//! - no cycle between the modules of a crate: a module (a file) never reaches,
//!   through the modules it uses, back to itself;
//! - in the web crate and the tools crate, no cycle between top-level modules
//!   either, so that each reads as layers (`ui` below the features, the
//!   features below `pages` and `app`); in the core, whose features share one
//!   vocabulary (a form's options are catalogue values, every page has a
//!   route), the leaves `util` and `i18n` use no feature;
//! - no source file over 1,000 lines, other than the data tables named below.
//!
//! The core's freedom from browser crates is the compiler's job (its
//! Cargo.toml has none) and `.ci/test`'s (`cargo tree -p campus-core`).
//!
//! A module's uses are read from its source: every `crate::…` and `super::…`
//! path, outside comments, string literals and `#[cfg(test)]` modules (tests
//! may use anything). A module that declares or re-exports its own children
//! does not depend on them: `mod.rs` files may re-export their children.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The crates, by the folder of their root module, and whether their
/// top-level modules must form layers (no cycle between them).
const CRATES: &[(&str, &str, bool)] = &[
    ("campus-core", "src/core", false),
    ("campus", "src/web", true),
    ("campus-tools", "src/tools", true),
];

/// Top-level modules of a crate that use none of its other top-level modules
/// but those listed: the crate's foundations.
const LEAVES: &[(&str, &str, &[&str])] = &[
    ("campus-core", "util", &[]),
    ("campus-core", "i18n", &["util"]),
    ("campus", "ui", &[]),
];

/// Files that are data tables (rows, not logic), allowed past the line limit.
const DATA_TABLES: &[&str] = &[];

/// Most lines a source file may have (`DATA_TABLES` apart).
const MAX_LINES: usize = 1_000;

/// A module's path inside its crate (`["catalogue", "search"]`; the crate root is `[]`).
type ModPath = Vec<String>;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// The module a file defines, or `None` for a binary's root (`bin/`, `main.rs`):
/// binaries use their crate from outside, like any other crate.
fn module_of(root: &Path, file: &Path) -> Option<ModPath> {
    let rel = file.strip_prefix(root).unwrap();
    let parts: Vec<String> = rel
        .with_extension("")
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if parts.first().is_some_and(|p| p == "bin") || parts == ["main"] {
        return None;
    }
    let mut parts = parts;
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    Some(parts)
}

/// The code of a file without its comments, the contents of its string and
/// character literals, and its `#[cfg(test)]` items.
fn code_of(source: &str) -> String {
    let bytes = source.as_bytes();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    while i < bytes.len() {
        let rest = &source[i..];
        if rest.starts_with("//") {
            i += rest.find('\n').unwrap_or(rest.len());
        } else if rest.starts_with("/*") {
            i += rest.find("*/").map_or(rest.len(), |n| n + 2);
        } else if let Some(len) = raw_string_len(rest) {
            out.push_str("\"\"");
            i += len;
        } else if rest.starts_with('"') {
            let mut j = 1;
            while j < rest.len() {
                match rest.as_bytes()[j] {
                    b'\\' => j += 2,
                    b'"' => break,
                    _ => j += 1,
                }
            }
            out.push_str("\"\"");
            i += (j + 1).min(rest.len());
        } else if rest.starts_with('\'') && char_literal_len(rest).is_some() {
            out.push_str("' '");
            i += char_literal_len(rest).unwrap();
        } else {
            let c = rest.chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
        }
    }
    without_test_items(&out)
}

/// The length of a raw string literal (`r"…"`, `r#"…"#`) at the start of `s`.
fn raw_string_len(s: &str) -> Option<usize> {
    let s2 = s.strip_prefix('b').unwrap_or(s);
    let prefix = s.len() - s2.len();
    let body = s2.strip_prefix('r')?;
    let hashes = body.len() - body.trim_start_matches('#').len();
    let body = &body[hashes..];
    if !body.starts_with('"') {
        return None;
    }
    let close = format!("\"{}", "#".repeat(hashes));
    let end = body[1..].find(&close)?;
    Some(prefix + 1 + hashes + 1 + end + close.len())
}

/// The length of a character literal at the start of `s` (not a lifetime).
fn char_literal_len(s: &str) -> Option<usize> {
    let mut chars = s.char_indices().skip(1);
    let (_, c) = chars.next()?;
    if c == '\\' {
        return s[2..].find('\'').map(|n| n + 3);
    }
    let (j, close) = chars.next()?;
    (close == '\'').then_some(j + 1)
}

/// `code` without the items that follow a `#[cfg(test)]` attribute.
fn without_test_items(code: &str) -> String {
    let mut out = String::new();
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        // The item ends at its `;` or at the brace closing its first `{`.
        let mut depth = 0usize;
        let mut end = after.len();
        for (k, c) in after.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = k + 1;
                        break;
                    }
                }
                ';' if depth == 0 => {
                    end = k + 1;
                    break;
                }
                _ => {}
            }
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Ident(String),
    Path,
    Open,
    Close,
    Comma,
    Other,
}

fn tokens(code: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = code.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() || c == '_' {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() || d == '_' {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(Token::Ident(code[i..end].to_string()));
        } else if c == ':' && chars.peek().is_some_and(|&(_, d)| d == ':') {
            chars.next();
            out.push(Token::Path);
        } else if c == '{' {
            out.push(Token::Open);
        } else if c == '}' {
            out.push(Token::Close);
        } else if c == ',' {
            out.push(Token::Comma);
        } else if !c.is_whitespace() {
            out.push(Token::Other);
        }
    }
    out
}

/// The paths of a use tree (or of a plain path) starting at `tokens[i]`,
/// each appended to `prefix`.
fn paths_at(tokens: &[Token], mut i: usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    let mut path = prefix;
    loop {
        match tokens.get(i) {
            Some(Token::Ident(name)) => {
                path.push(name.clone());
                i += 1;
                if tokens.get(i) == Some(&Token::Path) {
                    i += 1;
                    continue;
                }
                out.push(path);
                return;
            }
            Some(Token::Open) => {
                // A group: each of its trees, at depth one.
                i += 1;
                loop {
                    match tokens.get(i) {
                        None | Some(Token::Close) => return,
                        Some(Token::Comma) => i += 1,
                        _ => {
                            paths_at(tokens, i, path.clone(), out);
                            // Skip to this tree's end: the next comma or
                            // close brace at this depth.
                            let mut depth = 0usize;
                            while let Some(t) = tokens.get(i) {
                                match t {
                                    Token::Open => depth += 1,
                                    Token::Close if depth == 0 => break,
                                    Token::Close => depth -= 1,
                                    Token::Comma if depth == 0 => break,
                                    _ => {}
                                }
                                i += 1;
                            }
                        }
                    }
                }
            }
            _ => {
                out.push(path);
                return;
            }
        }
    }
}

/// Every path a module names from inside its crate, made absolute.
fn uses_of(module: &ModPath, code: &str) -> Vec<Vec<String>> {
    let tokens = tokens(code);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let start_of_path = i == 0 || tokens[i - 1] != Token::Path;
        match &tokens[i] {
            Token::Ident(word)
                if start_of_path && word == "crate" && tokens.get(i + 1) == Some(&Token::Path) =>
            {
                paths_at(&tokens, i + 2, Vec::new(), &mut out);
            }
            Token::Ident(word) if start_of_path && word == "super" => {
                // `super` from module a::b (`a/b.rs` or `a/b/mod.rs`) is `a`.
                let mut base = module.clone();
                let mut j = i;
                while tokens.get(j) == Some(&Token::Ident("super".into()))
                    && tokens.get(j + 1) == Some(&Token::Path)
                {
                    base.pop();
                    j += 2;
                }
                if j > i {
                    paths_at(&tokens, j, base, &mut out);
                    i = j;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// A crate's modules, each with the modules it depends on.
fn graph_of(root: &Path) -> BTreeMap<ModPath, BTreeSet<ModPath>> {
    let mut files = Vec::new();
    rust_files(root, &mut files);
    let modules: Vec<(ModPath, PathBuf)> = files
        .iter()
        .filter_map(|f| module_of(root, f).map(|m| (m, f.clone())))
        .collect();
    let known: BTreeSet<ModPath> = modules.iter().map(|(m, _)| m.clone()).collect();
    let codes: Vec<String> = modules
        .iter()
        .map(|(_, file)| code_of(&std::fs::read_to_string(file).unwrap()))
        .collect();
    // What each module re-exports from its children (`pub use types::Course;`
    // in `model/mod.rs`): a path through the parent goes to the child.
    let mut reexports: BTreeMap<(ModPath, String), ModPath> = BTreeMap::new();
    for ((module, _), code) in modules.iter().zip(&codes) {
        for path in reexports_of(module, code) {
            let child = path[..module.len() + 1].to_vec();
            if known.contains(&child) {
                reexports.insert((module.clone(), path.last().unwrap().clone()), child);
            }
        }
    }
    let mut graph = BTreeMap::new();
    for ((module, _), code) in modules.iter().zip(&codes) {
        let mut deps = BTreeSet::new();
        for path in uses_of(module, code) {
            // The longest prefix that is a module of this crate, then through
            // the re-exports of the item named after it.
            let Some(mut target) = (0..=path.len())
                .rev()
                .map(|n| path[..n].to_vec())
                .find(|p| known.contains(p))
            else {
                continue;
            };
            while let Some(item) = path.get(target.len()) {
                match reexports.get(&(target.clone(), item.clone())) {
                    Some(child) if child != &target => target = child.clone(),
                    _ => break,
                }
            }
            // A module does not depend on itself or on its own children.
            if target.starts_with(module) {
                continue;
            }
            deps.insert(target);
        }
        graph.insert(module.clone(), deps);
    }
    graph
}

/// The paths a module re-exports from its own children (`pub use child::…`),
/// made absolute.
fn reexports_of(module: &ModPath, code: &str) -> Vec<Vec<String>> {
    let tokens = tokens(code);
    let mut out = Vec::new();
    for i in 0..tokens.len() {
        let is_pub_use = tokens[i] == Token::Ident("use".into())
            && i > 0
            && (tokens[i - 1] == Token::Ident("pub".into()) || tokens[i - 1] == Token::Other);
        if is_pub_use
            && matches!(tokens.get(i + 1), Some(Token::Ident(w)) if w != "crate" && w != "super" && w != "self")
        {
            paths_at(&tokens, i + 1, module.clone(), &mut out);
        }
    }
    out.retain(|p| p.len() > module.len() + 1);
    out
}

/// The strongly connected components of more than one node (the cycles),
/// each with its edges, as text.
fn cycles(graph: &BTreeMap<ModPath, BTreeSet<ModPath>>) -> Vec<String> {
    // Tarjan's algorithm.
    struct State<'a> {
        graph: &'a BTreeMap<ModPath, BTreeSet<ModPath>>,
        index: BTreeMap<&'a ModPath, usize>,
        low: BTreeMap<&'a ModPath, usize>,
        stack: Vec<&'a ModPath>,
        on_stack: BTreeSet<&'a ModPath>,
        next: usize,
        found: Vec<Vec<&'a ModPath>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a ModPath) {
        s.index.insert(v, s.next);
        s.low.insert(v, s.next);
        s.next += 1;
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in s.graph.get(v).into_iter().flatten() {
            let Some((w, _)) = s.graph.get_key_value(w) else {
                continue;
            };
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w);
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                s.found.push(component);
            }
        }
    }
    let mut state = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !state.index.contains_key(v) {
            visit(&mut state, v);
        }
    }
    let name = |m: &ModPath| {
        if m.is_empty() {
            "crate".to_string()
        } else {
            m.join("::")
        }
    };
    state
        .found
        .iter()
        .map(|component| {
            let members: BTreeSet<&ModPath> = component.iter().copied().collect();
            let mut text = String::new();
            for m in &members {
                let inside: Vec<String> = graph[*m]
                    .iter()
                    .filter(|t| members.contains(t))
                    .map(name)
                    .collect();
                text.push_str(&format!("  {} -> {}\n", name(m), inside.join(", ")));
            }
            text
        })
        .collect()
}

/// The graph between top-level modules (a module's first segment).
fn top_level(graph: &BTreeMap<ModPath, BTreeSet<ModPath>>) -> BTreeMap<ModPath, BTreeSet<ModPath>> {
    let top = |m: &ModPath| m.iter().take(1).cloned().collect::<ModPath>();
    let mut out: BTreeMap<ModPath, BTreeSet<ModPath>> = BTreeMap::new();
    for (m, deps) in graph {
        let entry = out.entry(top(m)).or_default();
        for d in deps {
            if top(d) != top(m) && !d.is_empty() {
                entry.insert(top(d));
            }
        }
    }
    out
}

#[test]
fn no_module_cycle_in_any_crate() {
    let mut problems = String::new();
    for (name, dir, layered) in CRATES {
        let graph = graph_of(Path::new(dir));
        assert!(graph.len() > 5, "{name}: its modules are read from {dir}");
        for cycle in cycles(&graph) {
            problems.push_str(&format!("{name}: modules that use one another:\n{cycle}"));
        }
        let top = top_level(&graph);
        if *layered {
            for cycle in cycles(&top) {
                problems.push_str(&format!(
                    "{name}: top-level modules that use one another:\n{cycle}"
                ));
            }
        }
        for (_, leaf, allowed) in LEAVES.iter().filter(|(c, _, _)| c == name) {
            let key = vec![leaf.to_string()];
            assert!(top.contains_key(&key), "{name}: no module {leaf}");
            for used in &top[&key] {
                if !allowed.iter().any(|a| *used == [a.to_string()]) {
                    problems.push_str(&format!("{name}: {leaf} uses {}\n", used.join("::")));
                }
            }
        }
    }
    assert!(problems.is_empty(), "\n{problems}");
}

#[test]
fn no_source_file_over_the_line_limit() {
    let mut files = Vec::new();
    for dir in ["src", "tests", "bench"] {
        rust_files(Path::new(dir), &mut files);
    }
    let long: Vec<String> = files
        .iter()
        .filter(|f| !DATA_TABLES.iter().any(|t| Path::new(t) == f.as_path()))
        .filter_map(|f| {
            let lines = std::fs::read_to_string(f).unwrap().lines().count();
            (lines > MAX_LINES).then(|| format!("{} ({lines} lines)", f.display()))
        })
        .collect();
    assert!(long.is_empty(), "files over {MAX_LINES} lines: {long:#?}");
}

#[test]
fn the_reader_finds_uses_through_groups_super_and_not_in_comments_or_tests() {
    let code = code_of(
        "use crate::a::{b::C, d, e::{f, g::H}};\n\
         // use crate::commented::Out;\n\
         let s = \"crate::in_a_string\";\n\
         pub(super) fn f() { super::super::sibling::f(); crate::x::y(); }\n\
         #[cfg(test)]\nmod tests { use crate::only_in_tests::T; }\n",
    );
    let uses = uses_of(&vec!["m".into(), "n".into(), "o".into()], &code);
    let text: Vec<String> = uses.iter().map(|p| p.join("::")).collect();
    assert_eq!(
        text,
        [
            "a::b::C",
            "a::d",
            "a::e::f",
            "a::e::g::H",
            "m::sibling::f",
            "x::y"
        ]
    );
}

#[test]
fn a_cycle_is_found_with_its_edges() {
    let m = |s: &str| s.split("::").map(String::from).collect::<ModPath>();
    let graph: BTreeMap<ModPath, BTreeSet<ModPath>> = [
        (m("a"), [m("b")].into()),
        (m("b"), [m("c")].into()),
        (m("c"), [m("a")].into()),
        (m("d"), [m("a")].into()),
    ]
    .into();
    assert_eq!(cycles(&graph), ["  a -> b\n  b -> c\n  c -> a\n"]);
}
