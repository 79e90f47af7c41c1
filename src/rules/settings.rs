//! The rules' settings as plain data: which rules are on and at what
//! severity, the kind to assume and extra wordings of the parts. Reading them
//! from `baogao.toml` or editor settings is [`crate::config`]'s, which hands
//! them down; nothing here reads a file.

use std::collections::BTreeMap;

use super::{RuleDoc, Severity};
use crate::report::{Kind, Part};

/// How one rule is configured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleLevel {
    Off,
    On(Severity),
}

/// The rules' configuration. `Config::default()` is every rule at its default
/// severity, the kind detected from the text and no extra wordings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// The kind to assume for every report that is not a fragment; `None`
    /// detects it from the text.
    pub kind: Option<Kind>,
    /// Severity overrides by rule code.
    pub rules: BTreeMap<&'static str, RuleLevel>,
    /// Extra wordings that count as a standard part.
    pub parts: BTreeMap<Part, Vec<String>>,
}

impl Config {
    /// The configured level of a rule, or its default severity.
    pub fn level_of(&self, doc: &RuleDoc) -> RuleLevel {
        self.rules
            .get(doc.code)
            .copied()
            .unwrap_or(RuleLevel::On(doc.default_severity))
    }

    /// `over` laid on `self`: its kind, rule levels and wordings win or add
    /// (a project's `baogao.toml` over the editor's settings).
    pub fn merged(mut self, over: &Config) -> Config {
        if over.kind.is_some() {
            self.kind = over.kind;
        }
        self.rules.extend(over.rules.iter().map(|(k, v)| (*k, *v)));
        for (part, wordings) in &over.parts {
            let mine = self.parts.entry(*part).or_default();
            for w in wordings {
                if !mine.contains(w) {
                    mine.push(w.clone());
                }
            }
        }
        self
    }
}
