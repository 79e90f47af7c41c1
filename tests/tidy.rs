//! Architecture checks on the source tree itself.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn sources() -> Vec<(PathBuf, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = fs::read_to_string(&path).unwrap();
            let relative = path.strip_prefix(&src).unwrap().to_path_buf();
            (relative, text)
        })
        .collect()
}

/// Only `src/lsp` knows the protocol: the core and the CLI speak plain data.
#[test]
fn protocol_types_stay_in_src_lsp() {
    let offenders: Vec<String> = sources()
        .into_iter()
        .filter(|(path, _)| !path.starts_with("lsp"))
        .flat_map(|(path, text)| {
            text.lines()
                .enumerate()
                .filter(|(_, line)| line.contains("tower_lsp") || line.contains("lsp_types"))
                .map(|(n, line)| format!("src/{}:{}: {}", path.display(), n + 1, line.trim()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "protocol types outside src/lsp:\n{}",
        offenders.join("\n")
    );
}

/// stdout carries the protocol: nothing in the server prints to it.
#[test]
fn server_never_prints_to_stdout() {
    let offenders: Vec<String> = sources()
        .into_iter()
        .filter(|(path, _)| path.starts_with("lsp"))
        .flat_map(|(path, text)| {
            text.lines()
                .enumerate()
                .filter(|(_, line)| {
                    let code = line.split("//").next().unwrap_or("");
                    ["println!", "print!", "dbg!"]
                        .iter()
                        .any(|name| calls_macro(code, name))
                        || code.contains("io::stdout()") && !path.ends_with("transport.rs")
                })
                .map(|(n, line)| format!("src/{}:{}: {}", path.display(), n + 1, line.trim()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "stdout used outside the transport's writer:\n{}",
        offenders.join("\n")
    );
}

/// `code` invokes macro `name` (not one whose name merely ends with it, like
/// `eprintln!` for `println!`).
fn calls_macro(code: &str, name: &str) -> bool {
    code.match_indices(name).any(|(at, _)| {
        !code[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

/// `input` turns files and uploads into text for any front end (the CLI,
/// a web server): it uses no other module of the crate, so that none of
/// them can come to depend on it by a cycle.
#[test]
fn input_stands_alone() {
    let offenders: Vec<String> = sources()
        .into_iter()
        .filter(|(path, _)| path.starts_with("input"))
        .flat_map(|(path, text)| {
            text.lines()
                .enumerate()
                .filter(|(_, line)| line.contains("crate::") || line.contains("baogao::"))
                .map(|(n, line)| format!("src/{}:{}: {}", path.display(), n + 1, line.trim()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "src/input uses the rest of the crate:\n{}",
        offenders.join("\n")
    );
}
