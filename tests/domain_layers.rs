//! The layers hold: the modules of `src/domain` form no loop (each uses only modules
//! below it), the domain names no terminal, file or other layer, and storage names no
//! terminal. The checks read the source text, so a new `use` that breaks a layer fails
//! here with the path of the file and the loop it closes. Inside the screens, the parts
//! the stage screens are built from name no stage.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// One source file: its path relative to the layer's folder, and its text.
struct Source {
    path: PathBuf,
    text: String,
}

fn read_layer(layer: &str) -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(layer);
    let mut out = Vec::new();
    let mut pending = vec![root.clone()];
    while let Some(dir) = pending.pop() {
        let entries = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|entry| entry.map(|e| e.path()));
        for path in entries {
            let path = path.unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                let relative = path.strip_prefix(&root).unwrap_or(&path).to_path_buf();
                out.push(Source {
                    path: relative,
                    text,
                });
            }
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// The code of a file without comments, string contents or its test module: a word in a
/// doc comment or a message is not a dependency, and tests may reach across layers.
fn code_only(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '"' => {
                let mut escaped = false;
                for c in chars.by_ref() {
                    match c {
                        '\\' if !escaped => escaped = true,
                        '"' if !escaped => break,
                        _ => escaped = false,
                    }
                }
                out.push_str("\"\"");
            }
            _ => out.push(c),
        }
    }
    out
}

/// Whether a file is a test module of its own (`foo/tests.rs`), which may use anything.
fn is_test_file(path: &Path) -> bool {
    path.components()
        .any(|c| c.as_os_str() == "tests" || c.as_os_str() == "tests.rs")
}

/// The module path of a file inside the layer: `board.rs` → [board],
/// `detect/mod.rs` → [detect], `detect/rules.rs` → [detect, rules]; `mod.rs` → [].
fn module_path(path: &Path) -> Vec<String> {
    let mut parts: Vec<String> = path
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The first segment of every item of a path group that starts at `rest`: for
/// `board::X` that is [board], for `{board::X, session}` it is [board, session].
fn heads(rest: &str) -> Vec<String> {
    let rest = rest.trim_start();
    if let Some(group) = rest.strip_prefix('{') {
        let mut depth = 0usize;
        let mut items = Vec::new();
        let mut item = String::new();
        for c in group.chars() {
            match c {
                '{' => {
                    depth += 1;
                    item.push(c);
                }
                '}' if depth == 0 => break,
                '}' => {
                    depth -= 1;
                    item.push(c);
                }
                ',' if depth == 0 => items.push(std::mem::take(&mut item)),
                _ => item.push(c),
            }
        }
        items.push(item);
        items
            .iter()
            .flat_map(|item| heads(item))
            .filter(|h| !h.is_empty())
            .collect()
    } else {
        let head: String = rest.chars().take_while(|c| is_ident_char(*c)).collect();
        vec![head]
    }
}

/// The layer's top-level modules that the file at `path` names, through `super::` or
/// `crate::<layer>::`, each with the text that named it. A name that is not a module of
/// the layer (something reached through the layer's re-exports) is returned as is, so
/// the caller can refuse it: it would hide a dependency.
fn uses(layer: &str, path: &Path, text: &str) -> Vec<(String, String)> {
    let own = module_path(path);
    let code = code_only(text);
    let mut found = Vec::new();
    let crate_prefix = format!("crate::{layer}::");
    let mut at = 0;
    while at < code.len() {
        let rest = &code[at..];
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| is_ident_char(c) || c == ':') {
            at += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let (mut base, mut tail): (Vec<String>, &str) =
            if let Some(t) = rest.strip_prefix(&crate_prefix) {
                (Vec::new(), t)
            } else if rest.starts_with("super::") {
                (own.clone(), rest)
            } else {
                at += rest.chars().next().map_or(1, char::len_utf8);
                continue;
            };
        while let Some(t) = tail.strip_prefix("super::") {
            base.pop();
            tail = t;
        }
        let shown: String = rest
            .chars()
            .take(rest.len() - tail.len())
            .chain(tail.chars().take_while(|c| *c != ';' && *c != '\n'))
            .collect();
        match base.first() {
            // Inside the file's own top-level module: not a dependency between modules.
            Some(top) => found.push((top.clone(), shown)),
            None => {
                for head in heads(tail) {
                    found.push((head, shown.clone()));
                }
            }
        }
        at += rest.len() - tail.len();
    }
    found
}

/// Module → the modules it uses, over the layer's non-test files. Fails on a name that is
/// not a module of the layer.
fn graph(layer: &str, sources: &[Source]) -> BTreeMap<String, BTreeSet<String>> {
    let modules: BTreeSet<String> = sources
        .iter()
        .filter_map(|s| module_path(&s.path).first().cloned())
        .collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut hidden = Vec::new();
    for source in sources.iter().filter(|s| !is_test_file(&s.path)) {
        let Some(from) = module_path(&source.path).first().cloned() else {
            continue; // the layer's own mod.rs declares and re-exports, nothing more
        };
        for (to, shown) in uses(layer, &source.path, &source.text) {
            if !modules.contains(&to) {
                hidden.push(format!("{}: {shown}", source.path.display()));
            } else if to != from {
                edges.entry(from.clone()).or_default().insert(to);
            }
        }
    }
    assert!(
        hidden.is_empty(),
        "these name something through {layer}'s re-exports instead of its module:\n{}",
        hidden.join("\n")
    );
    edges
}

/// Loops in the graph, each written `a → b → a`: a depth-first walk finds at least one
/// whenever there is any.
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    fn walk(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        found: &mut Vec<String>,
    ) {
        if let Some(start) = stack.iter().position(|n| n == node) {
            let mut path = stack[start..].to_vec();
            path.push(node.to_string());
            found.push(path.join(" → "));
            return;
        }
        if done.contains(node) {
            return;
        }
        stack.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            walk(next, edges, stack, done, found);
        }
        stack.pop();
        done.insert(node.to_string());
    }
    let mut found = Vec::new();
    let mut done = BTreeSet::new();
    for node in edges.keys() {
        walk(node, edges, &mut Vec::new(), &mut done, &mut found);
    }
    found
}

/// The lines of the layer's files that name any of `words` as a path segment, as
/// `path:line: text`.
fn naming(sources: &[Source], layer: &str, words: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for source in sources {
        let code = code_only(&source.text);
        for (n, line) in code.lines().enumerate() {
            let hit = words.iter().any(|word| {
                line.match_indices(word).any(|(i, _)| {
                    let before = line[..i].chars().next_back();
                    let after = line[i + word.len()..].chars().next();
                    !before.is_some_and(is_ident_char) && !after.is_some_and(is_ident_char)
                })
            });
            if hit {
                out.push(format!(
                    "src/{layer}/{}:{}: {}",
                    source.path.display(),
                    n + 1,
                    line.trim()
                ));
            }
        }
    }
    out
}

fn source(path: &str, text: &str) -> Source {
    Source {
        path: PathBuf::from(path),
        text: text.to_string(),
    }
}

#[test]
fn the_domain_modules_use_only_modules_below_them() {
    let sources = read_layer("domain");
    let edges = graph("domain", &sources);
    assert!(
        edges.contains_key("change"),
        "the scan found the domain's uses"
    );
    let loops = cycles(&edges);
    assert!(
        loops.is_empty(),
        "modules of src/domain that use each other:\n{}",
        loops.join("\n")
    );
}

#[test]
fn the_domain_names_no_terminal_no_file_and_no_other_layer() {
    let sources: Vec<Source> = read_layer("domain")
        .into_iter()
        .filter(|s| !is_test_file(&s.path))
        .collect();
    let mut found = naming(&sources, "domain", &["ratatui", "crossterm", "fs"]);
    for layer in ["tui", "storage", "export", "cli", "theme"] {
        found.extend(naming(&sources, "domain", &[&format!("crate::{layer}")]));
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn storage_names_no_terminal_and_no_screen() {
    let sources: Vec<Source> = read_layer("storage")
        .into_iter()
        .filter(|s| !is_test_file(&s.path))
        .collect();
    let mut found = naming(&sources, "storage", &["ratatui", "crossterm"]);
    found.extend(naming(&sources, "storage", &["crate::tui"]));
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_screens_parts_below_the_stages_name_no_stage() {
    // Chrome, widgets, editors, forms, key tables, intents and purposes are what the
    // stage screens are built from; reaching back up into a stage would close a loop.
    // Only the wall, the views that hold it and the submit dispatcher know the stages.
    let below = [
        "chrome.rs",
        "bindings.rs",
        "cursor.rs",
        "fit.rs",
        "form.rs",
        "intent.rs",
        "theme.rs",
        "home.rs",
        "trash.rs",
        "setup.rs",
        "big_title.rs",
        "cells.rs",
    ];
    let sources: Vec<Source> = read_layer("tui")
        .into_iter()
        .filter(|s| !is_test_file(&s.path))
        .filter(|s| {
            let path = s.path.to_string_lossy();
            below.contains(&path.as_ref())
                || ["widgets/", "editor/", "purpose/"]
                    .iter()
                    .any(|dir| path.starts_with(dir))
        })
        .collect();
    assert!(
        sources.len() > below.len(),
        "the parts below were not found"
    );
    let found = naming(&sources, "tui", &["stages", "wall"]);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn a_loop_between_two_modules_is_named_with_both_ends() {
    let sources = [
        source("board.rs", "use super::session::Session;\n"),
        source(
            "session.rs",
            "use super::{stage::Stage, types::*};\nfn f() { crate::domain::board::board(); }\n",
        ),
        source("stage.rs", "use super::types::Id;\n"),
        source(
            "types.rs",
            "// use super::board::x; in a comment is no use\n",
        ),
    ];
    let loops = cycles(&graph("domain", &sources));
    assert_eq!(loops, vec!["board → session → board".to_string()]);
}

#[test]
fn a_submodule_reaching_its_parent_or_a_sibling_layer_module_is_read_right() {
    let sources = [
        source(
            "detect/mod.rs",
            "mod rules;\nuse super::gate::stage_lock;\n",
        ),
        source(
            "detect/rules.rs",
            "use super::{Finding, terms};\nuse super::super::session::Session;\n",
        ),
        source("gate.rs", "use super::session::Session;\n"),
        source("session.rs", "use super::detect::Rule;\n"),
    ];
    let loops = cycles(&graph("domain", &sources));
    assert_eq!(loops, vec!["detect → gate → session → detect".to_string()]);
}

#[test]
fn a_test_module_may_use_anything_and_does_not_count() {
    let sources = [
        source(
            "board.rs",
            "use super::session::S;\n#[cfg(test)]\nmod tests { use super::super::sample; }\n",
        ),
        source("sample.rs", "use super::board::board;\n"),
        source("session.rs", ""),
        source("history/tests.rs", "use crate::domain::sample::example;\n"),
        source("history.rs", "use super::board::board;\n"),
    ];
    assert!(cycles(&graph("domain", &sources)).is_empty());
}

#[test]
fn a_file_word_in_a_message_is_not_a_use_of_files() {
    let sources = [
        source(
            "a.rs",
            "fn f() -> &'static str { \"the fs is full\" } // fs\n",
        ),
        source("b.rs", "use std::fs;\n"),
    ];
    assert_eq!(
        naming(&sources, "domain", &["fs"]),
        vec!["src/domain/b.rs:1: use std::fs;".to_string()]
    );
}
