//! The `baogao` settings section, as the editors send it (VS Code settings,
//! Neovim `settings.baogao`). The server's own keys are `files`,
//! `debounceMs`, `maxDiagnostics` and `maxDocumentSize`; the rest (`kind`, `rules`, `parts`) configure the rules as
//! in `baogao.toml` and are read by [`Config`].
//!
//! A wrong value is reported and its part of the settings keeps its default:
//! a wrong `files` glob leaves the rules' configuration in force, and a wrong
//! rules key leaves `files` in force.

use std::time::Duration;

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde_json::Value;

use crate::analysis::DEFAULT_MAX_DOCUMENT_SIZE;
use crate::config;
use crate::rules::Config;

/// How long typing must pause before diagnostics are recomputed.
const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(200);

/// Diagnostics published per document: more than a reader can go through,
/// few enough that the editor stays quick with them.
const DEFAULT_MAX_DIAGNOSTICS: usize = 1000;

#[derive(Debug, Clone)]
pub(crate) struct Settings {
    /// Further files to serve whatever their language id.
    files: GlobSet,
    /// The rules' configuration from the editor; a `baogao.toml` above a
    /// document overrides it for that document.
    pub(crate) rules: Config,
    pub(crate) debounce: Duration,
    /// Diagnostics published per document, the first by position; one more
    /// says how many were left out.
    pub(crate) max_diagnostics: usize,
    /// Bytes of text above which a document gets its outline and a notice
    /// instead of the rules.
    pub(crate) max_document_size: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            files: GlobSet::empty(),
            rules: Config::default(),
            debounce: DEFAULT_DEBOUNCE,
            max_diagnostics: DEFAULT_MAX_DIAGNOSTICS,
            max_document_size: DEFAULT_MAX_DOCUMENT_SIZE,
        }
    }
}

impl Settings {
    /// Reads the section's object. Returns the settings and one message per
    /// value that was not understood.
    pub(crate) fn from_json(value: &Value) -> (Self, Vec<String>) {
        let mut settings = Settings::default();
        let mut problems = Vec::new();
        let Some(object) = value.as_object() else {
            if !value.is_null() {
                problems.push(format!("settings: expected an object, got {value}"));
            }
            return (settings, problems);
        };
        if let Some(files) = object.get("files") {
            match files.as_array() {
                Some(globs) => settings.files = glob_set(globs, &mut problems),
                None => problems.push(format!(
                    "baogao.files: expected a list of globs, got {files}"
                )),
            }
        }
        match config::from_settings(value) {
            Ok(rules) => settings.rules = rules,
            Err(err) => problems.push(err.to_string()),
        }
        if let Some(ms) = object.get("debounceMs") {
            match ms.as_u64() {
                Some(ms) => settings.debounce = Duration::from_millis(ms.min(10_000)),
                None => problems.push(format!(
                    "baogao.debounceMs: expected milliseconds, got {ms}"
                )),
            }
        }
        let mut count = |key: &str, slot: &mut usize| {
            if let Some(value) = object.get(key) {
                match value.as_u64().and_then(|n| usize::try_from(n).ok()) {
                    Some(n) => *slot = n,
                    None => problems.push(format!(
                        "baogao.{key}: expected a whole number, got {value}"
                    )),
                }
            }
        };
        count("maxDiagnostics", &mut settings.max_diagnostics);
        count("maxDocumentSize", &mut settings.max_document_size);
        (settings, problems)
    }

    /// Whether a document is served: plain text and Markdown always, other
    /// languages when their path matches `files`.
    pub(crate) fn serves(&self, language_id: &str, path: Option<&str>) -> bool {
        matches!(language_id, "plaintext" | "markdown" | "text")
            || path.is_some_and(|p| self.files.is_match(p))
    }
}

fn glob_set(globs: &[Value], problems: &mut Vec<String>) -> GlobSet {
    let mut builder = GlobSetBuilder::new();
    for glob in globs {
        match glob.as_str().map(Glob::new) {
            Some(Ok(glob)) => {
                builder.add(glob);
            }
            Some(Err(err)) => problems.push(format!("baogao.files: {err}")),
            None => problems.push(format!("baogao.files: expected a glob, got {glob}")),
        }
    }
    builder.build().unwrap_or_else(|err| {
        problems.push(format!("baogao.files: {err}"));
        GlobSet::empty()
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn reads_the_editor_settings() {
        let (settings, problems) = Settings::from_json(&json!({
            "server": { "path": "" },
            "files": ["**/*.report"],
            "kind": "congress",
            "rules": { "BG003": "off", "BG001": "hint" },
            "trace": { "server": "off" },
        }));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(settings.rules.kind, Some(crate::report::Kind::Congress));
        assert_eq!(
            settings
                .rules
                .level_of(crate::rules::lookup("BG003").unwrap()),
            crate::rules::RuleLevel::Off
        );
        assert!(settings.serves("plaintext", None));
        assert!(settings.serves("ini", Some("/w/2024.report")));
        assert!(!settings.serves("ini", Some("/w/2024.ini")));
    }

    #[test]
    fn a_bad_value_is_reported_and_the_rest_still_applies() {
        let (settings, problems) = Settings::from_json(&json!({
            "files": "*.txt",
            "kind": "novel",
            "debounceMs": 50,
            "maxDiagnostics": -1,
            "maxDocumentSize": 1000,
        }));
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert_eq!(settings.rules, Config::default());
        assert_eq!(settings.debounce, Duration::from_millis(50));
        assert_eq!(settings.max_diagnostics, DEFAULT_MAX_DIAGNOSTICS);
        assert_eq!(settings.max_document_size, 1000);
    }
}
