//! Reading the rules' configuration ([`Config`], plain data kept in
//! `rules`): `baogao.toml` / `.baogao.toml` found from a document's folder
//! upwards, or the same keys from the editor's settings. This is the side
//! that reads files and knows the rule codes; the rules only receive the
//! result.
//!
//! ```toml
//! kind = "congress"            # assume this kind: congress, consultative,
//!                              # government, speech, other; "auto" detects
//! [rules]
//! BG002 = "off"                # or "error", "warning", "info", "hint"
//! numbering-separator = "error" # a rule's name works as well as its code
//! punctuation = "off"          # a whole family: structure, punctuation,
//!                              # numbers, figures, leftovers
//! [parts]
//! review = ["年度履职情况"]      # extra wordings that count as that part
//! ```
//!
//! A wrong key or value is an error naming the key, never a silent default:
//! a drafter who turned a rule off by a misspelt code would otherwise trust
//! a check that is not happening.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::report::{Kind, Part};
use crate::rules::{self, Config, RuleDoc, RuleLevel, Severity};

/// File names looked for in each folder, in order of preference.
pub const FILE_NAMES: [&str; 2] = ["baogao.toml", ".baogao.toml"];

/// Editor settings that belong to the client or the server, not to the
/// rules; they sit in the same settings section and are ignored here.
const EDITOR_KEYS: [&str; 6] = [
    "server",
    "files",
    "trace",
    "debounceMs",
    "maxDiagnostics",
    "maxDocumentSize",
];

/// An invalid configuration: where it came from, the key and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file, or `editor settings`.
    pub origin: String,
    /// The dotted key at fault (`rules.BG099`), if the fault has one.
    pub key: Option<String>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.key {
            Some(key) => write!(f, "{}: `{key}`: {}", self.origin, self.message),
            None => write!(f, "{}: {}", self.origin, self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

/// The configuration from editor settings: the `baogao` section (or an
/// object holding it), with the keys of `baogao.toml`. Client-only keys
/// (`server`, `files`, `trace`, `debounceMs`, `maxDiagnostics`,
/// `maxDocumentSize`) are ignored; `null` is the default.
pub fn from_settings(settings: &Value) -> Result<Config, ConfigError> {
    let section = match settings {
        Value::Object(map) if map.len() == 1 => map.get("baogao").unwrap_or(settings),
        _ => settings,
    };
    from_value(section, "editor settings", true)
}

/// Parses the text of a `baogao.toml`; `origin` names it in errors.
pub fn from_toml(text: &str, origin: &str) -> Result<Config, ConfigError> {
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        let line = e
            .span()
            .map(|span| text.get(..span.start).unwrap_or("").matches('\n').count() + 1);
        ConfigError {
            origin: match line {
                Some(line) => format!("{origin}:{line}"),
                None => origin.to_string(),
            },
            key: None,
            message: format!("not valid TOML: {}", e.message()),
        }
    })?;
    let value = serde_json::to_value(table).map_err(|e| ConfigError {
        origin: origin.to_string(),
        key: None,
        message: format!("unsupported value: {e}"),
    })?;
    from_value(&value, origin, false)
}

/// Reads and parses a configuration file.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let origin = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        origin: origin.clone(),
        key: None,
        message: format!("cannot read: {e}"),
    })?;
    from_toml(&text, &origin)
}

/// The nearest `baogao.toml` or `.baogao.toml` in `dir` or a folder above
/// it, parsed. `Ok(None)` when there is none.
pub fn discover(dir: &Path) -> Result<Option<(PathBuf, Config)>, ConfigError> {
    for folder in dir.ancestors() {
        for name in FILE_NAMES {
            let path = folder.join(name);
            if path.is_file() {
                let config = load(&path)?;
                return Ok(Some((path, config)));
            }
        }
    }
    Ok(None)
}

fn from_value(value: &Value, origin: &str, editor: bool) -> Result<Config, ConfigError> {
    let error = |key: &str, message: String| ConfigError {
        origin: origin.to_string(),
        key: (!key.is_empty()).then(|| key.to_string()),
        message,
    };
    let map = match value {
        Value::Null => return Ok(Config::default()),
        Value::Object(map) => map,
        other => {
            return Err(error(
                "",
                format!("expected a table of settings, found {}", type_name(other)),
            ))
        }
    };
    let mut config = Config::default();
    for (key, value) in map {
        match key.as_str() {
            "kind" => config.kind = parse_kind(value).map_err(|m| error("kind", m))?,
            "rules" => config.rules = parse_rules(value, &error)?,
            "parts" => config.parts = parse_parts(value, &error)?,
            k if editor && EDITOR_KEYS.contains(&k) => {}
            other => {
                return Err(error(
                    other,
                    "unknown key; expected `kind`, `rules` or `parts`".to_string(),
                ))
            }
        }
    }
    Ok(config)
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "nothing",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "a table",
    }
}

fn parse_kind(value: &Value) -> Result<Option<Kind>, String> {
    let ids = || {
        Kind::ALL
            .iter()
            .map(|k| format!("`{}`", k.id()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match value {
        Value::Null => Ok(None),
        Value::String(s) if s == "auto" => Ok(None),
        Value::String(s) => Kind::from_id(s)
            .map(Some)
            .ok_or_else(|| format!("unknown kind `{s}`; expected `auto`, {}", ids())),
        other => Err(format!(
            "expected a string (`auto`, {}), found {}",
            ids(),
            type_name(other)
        )),
    }
}

fn parse_rules(
    value: &Value,
    error: &dyn Fn(&str, String) -> ConfigError,
) -> Result<BTreeMap<&'static str, RuleLevel>, ConfigError> {
    let Value::Object(map) = value else {
        return Err(error(
            "rules",
            format!(
                "expected a table of rule = severity, found {}",
                type_name(value)
            ),
        ));
    };
    let mut rules = BTreeMap::new();
    // A family's level first, so that a rule named in the same table wins.
    let family = |key: &String| rules::Family::from_id(key);
    let ordered = map.iter().filter(|(k, _)| family(k).is_some());
    for (key, level) in ordered.chain(map.iter().filter(|(k, _)| family(k).is_none())) {
        let dotted = format!("rules.{key}");
        let docs: Vec<&RuleDoc> = match family(key) {
            Some(f) => rules::of_family(f).collect(),
            None => vec![rules::lookup(key).ok_or_else(|| {
                error(
                    &dotted,
                    "unknown rule or family; `baogao rules` lists the codes".to_string(),
                )
            })?],
        };
        let level = match level.as_str() {
            Some("off") => RuleLevel::Off,
            Some("error") => RuleLevel::On(Severity::Error),
            Some("warning") => RuleLevel::On(Severity::Warning),
            Some("info") => RuleLevel::On(Severity::Info),
            Some("hint") => RuleLevel::On(Severity::Hint),
            _ => {
                return Err(error(
                    &dotted,
                    format!(
                        "expected `off`, `error`, `warning`, `info` or `hint`, found {}",
                        show(level)
                    ),
                ))
            }
        };
        rules.extend(docs.iter().map(|doc| (doc.code, level)));
    }
    Ok(rules)
}

fn parse_parts(
    value: &Value,
    error: &dyn Fn(&str, String) -> ConfigError,
) -> Result<BTreeMap<Part, Vec<String>>, ConfigError> {
    let Value::Object(map) = value else {
        return Err(error(
            "parts",
            format!(
                "expected a table of part = [wordings], found {}",
                type_name(value)
            ),
        ));
    };
    let mut parts = BTreeMap::new();
    for (key, wordings) in map {
        let dotted = format!("parts.{key}");
        let part = Part::from_id(key)
            .filter(|p| *p != Part::Appendix)
            .ok_or_else(|| {
                let ids: Vec<String> = Part::ALL
                    .iter()
                    .filter(|p| **p != Part::Appendix)
                    .map(|p| format!("`{}`", p.id()))
                    .collect();
                error(
                    &dotted,
                    format!("unknown part; expected one of {}", ids.join(", ")),
                )
            })?;
        let list = match wordings {
            Value::String(s) => vec![s.clone()],
            Value::Array(items) => items
                .iter()
                .map(|item| item.as_str().map(str::to_string))
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| error(&dotted, "expected an array of strings".to_string()))?,
            other => {
                return Err(error(
                    &dotted,
                    format!("expected an array of strings, found {}", type_name(other)),
                ))
            }
        };
        if list.iter().any(|w| w.trim().is_empty()) {
            return Err(error(&dotted, "a wording may not be empty".to_string()));
        }
        parts.insert(part, list);
    }
    Ok(parts)
}

fn show(value: &Value) -> String {
    match value {
        Value::String(s) => format!("`{s}`"),
        other => type_name(other).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn level(config: &Config, code: &str) -> RuleLevel {
        config.level_of(rules::lookup(code).unwrap())
    }

    #[test]
    fn parses_every_key() {
        let config = from_toml(
            r#"
kind = "government"
[rules]
BG002 = "off"
BG004 = "error"
[parts]
review = ["年度履职情况", "一年来的工作"]
tasks = "下一步工作思路"
"#,
            "baogao.toml",
        )
        .unwrap();
        assert_eq!(config.kind, Some(Kind::Government));
        assert_eq!(level(&config, "BG002"), RuleLevel::Off);
        assert_eq!(level(&config, "BG004"), RuleLevel::On(Severity::Error));
        assert_eq!(level(&config, "BG001"), RuleLevel::On(Severity::Warning));
        assert_eq!(
            config.parts.get(&Part::Review).map(Vec::len),
            Some(2),
            "{config:?}"
        );
        assert_eq!(
            config.parts.get(&Part::Tasks),
            Some(&vec!["下一步工作思路".to_string()])
        );
    }

    #[test]
    fn a_family_is_set_as_a_whole_and_a_rule_in_it_wins() {
        let config = from_toml(
            "[rules]\nBG001 = \"error\"\nstructure = \"off\"\nfigures = \"hint\"\npunctuation = \"info\"\n",
            "x",
        )
        .unwrap();
        let level = |code: &str| config.level_of(rules::lookup(code).unwrap());
        assert_eq!(level("BG001"), RuleLevel::On(Severity::Error));
        assert_eq!(level("BG002"), RuleLevel::Off);
        assert_eq!(level("BG013"), RuleLevel::On(Severity::Hint));
        for doc in rules::of_family(rules::Family::Punctuation) {
            assert_eq!(config.level_of(doc), RuleLevel::On(Severity::Info));
        }
    }

    #[test]
    fn rule_names_work_like_codes() {
        let doc = rules::all().next().unwrap();
        let name = doc.name;
        let config = from_toml(&format!("[rules]\n{name} = \"hint\"\n"), "x").unwrap();
        assert_eq!(level(&config, doc.code), RuleLevel::On(Severity::Hint));
    }

    #[test]
    fn errors_name_the_key() {
        let cases = [
            ("kind = \"report\"\n", "x: `kind`: unknown kind `report`"),
            ("[rules]\nBG999 = \"off\"\n", "x: `rules.BG999`: unknown rule"),
            (
                "[rules]\nBG001 = \"loud\"\n",
                "x: `rules.BG001`: expected `off`, `error`, `warning`, `info` or `hint`, found `loud`",
            ),
            ("[rules]\nBG001 = false\n", "found a boolean"),
            ("[parts]\nfoo = [\"x\"]\n", "x: `parts.foo`: unknown part"),
            ("[parts]\nreview = [1]\n", "x: `parts.review`: expected an array of strings"),
            ("[parts]\nreview = [\" \"]\n", "`parts.review`: a wording may not be empty"),
            ("severity = 1\n", "x: `severity`: unknown key"),
            ("files = []\n", "x: `files`: unknown key"),
            ("kind = \n", "x:1: not valid TOML"),
        ];
        for (text, expected) in cases {
            let error = from_toml(text, "x").unwrap_err().to_string();
            assert!(error.contains(expected), "{text:?}: {error}");
        }
    }

    #[test]
    fn editor_settings_share_the_keys_and_skip_client_ones() {
        let settings = json!({"baogao": {
            "kind": "auto",
            "rules": {"BG003": "off"},
            "server": {"path": ""},
            "files": [],
            "trace": {"server": "off"},
            "debounceMs": 200,
        }});
        let config = from_settings(&settings).unwrap();
        assert_eq!(config.kind, None);
        assert_eq!(level(&config, "BG003"), RuleLevel::Off);
        let inner = from_settings(&json!({"kind": "speech"})).unwrap();
        assert_eq!(inner.kind, Some(Kind::Speech));
        assert_eq!(from_settings(&Value::Null).unwrap(), Config::default());
        let error = from_settings(&json!({"rules": {"BG001": 3}})).unwrap_err();
        assert_eq!(error.key.as_deref(), Some("rules.BG001"));
        assert!(error.to_string().starts_with("editor settings: "));
        assert!(from_settings(&json!(["x"])).is_err());
    }

    #[test]
    fn file_config_overrides_settings() {
        let settings =
            from_settings(&json!({"kind": "speech", "rules": {"BG001": "off", "BG003": "hint"}}))
                .unwrap();
        let file = from_toml("kind = \"congress\"\n[rules]\nBG001 = \"error\"\n", "f").unwrap();
        let merged = settings.merged(&file);
        assert_eq!(merged.kind, Some(Kind::Congress));
        assert_eq!(level(&merged, "BG001"), RuleLevel::On(Severity::Error));
        assert_eq!(level(&merged, "BG003"), RuleLevel::On(Severity::Hint));
    }

    #[test]
    fn discovers_the_nearest_file_upwards() {
        let folder = tempfile::tempdir().unwrap();
        let root = folder.path();
        let nested = root.join("a/b");
        std::fs::create_dir_all(&nested).unwrap();
        std::fs::write(root.join(".baogao.toml"), "kind = \"speech\"\n").unwrap();
        std::fs::write(root.join("a/baogao.toml"), "kind = \"congress\"\n").unwrap();
        let (path, config) = discover(&nested).unwrap().unwrap();
        assert_eq!(path, root.join("a/baogao.toml"));
        assert_eq!(config.kind, Some(Kind::Congress));
        std::fs::write(root.join("a/baogao.toml"), "kind = 3\n").unwrap();
        let error = discover(&nested).unwrap_err();
        assert_eq!(error.key.as_deref(), Some("kind"));
    }
}
