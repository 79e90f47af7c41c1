//! One checked file and what `check` counts of them, shared by its outputs
//! and by `--statistics`.

use crate::input::Input;
use crate::report::{Kind, Part};
use crate::rules::{Finding, Severity};
use std::path::PathBuf;

/// One checked file.
pub struct Checked {
    pub input: Input,
    /// The configuration file used, if any.
    pub config: Option<PathBuf>,
    pub findings: Vec<Finding>,
    /// The size limit the text exceeded, if it did: the rules were not run.
    pub too_large: Option<usize>,
    /// What was read of each report in the file, for `--statistics`.
    pub reports: Vec<Reading>,
}

/// The kind of one report and the standard parts found in it.
pub struct Reading {
    pub kind: Kind,
    pub parts: Vec<Part>,
}

impl Checked {
    /// Why the file has no findings when it is over the size limit.
    pub fn size_notice(&self) -> Option<String> {
        self.too_large.map(|limit| {
            format!(
                "{} has {} bytes, more than --max-document-size ({limit}): \
                 its outline was read, but the rules were not run",
                self.input.name,
                self.input.text.len()
            )
        })
    }
}

/// How many findings of `severity` all the files have.
pub fn count(checked: &[Checked], severity: Severity) -> usize {
    checked
        .iter()
        .flat_map(|c| &c.findings)
        .filter(|f| f.severity == severity)
        .count()
}
