//! The `baogao` settings section, as the editors send it (VS Code settings,
//! Neovim `settings.baogao`). The server's own keys are `files` and
//! `debounceMs`; the rest (`kind`, `rules`, `parts`) configure the rules as
//! in `baogao.toml` and are read by [`Config`].
//!
//! A wrong value is reported and its part of the settings keeps its default:
//! a wrong `files` glob leaves the rules' configuration in force, and a wrong
//! rules key leaves `files` in force.

use std::time::Duration;

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde_json::Value;

use crate::config::Config;

/// How long typing must pause before diagnostics are recomputed.
const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(200);

#[derive(Debug, Clone)]
pub(crate) struct Settings {
    /// Further files to serve whatever their language id.
    files: GlobSet,
    /// The rules' configuration from the editor; a `baogao.toml` above a
    /// document overrides it for that document.
    pub(crate) rules: Config,
    pub(crate) debounce: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            files: GlobSet::empty(),
            rules: Config::default(),
            debounce: DEFAULT_DEBOUNCE,
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
        match Config::from_settings(value) {
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
        assert_eq!(settings.rules.level("BG003"), crate::config::RuleLevel::Off);
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
        }));
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(settings.rules, Config::default());
        assert_eq!(settings.debounce, Duration::from_millis(50));
    }
}
