//! `baogao check --statistics`: instead of every finding, how many there are
//! of each rule, what kinds of report were read and which standard parts
//! were found in them: how a drafting office surveys a year's reports, and
//! how the analysis is measured on a collection.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::{json, Value};
use unicode_width::UnicodeWidthStr;

use super::checked::{count, Checked};
use crate::report::{Kind, Part};
use crate::rules::{self, Severity};

/// The counts over every checked file.
pub struct Statistics {
    /// Most findings first.
    codes: Vec<CodeCount>,
    /// Every kind, most reports first.
    kinds: Vec<(Kind, usize)>,
    /// Every standard part in report order, with the reports that have it.
    parts: Vec<(Part, usize)>,
    files: usize,
    reports: usize,
    /// Files with a finding of warning severity or worse.
    files_with_warnings: usize,
    /// Findings per severity, as in `check`'s JSON summary.
    summary: Value,
}

/// The findings of one rule at one severity (a configuration can set a rule's
/// severity per folder, so one code may show at two).
struct CodeCount {
    code: &'static str,
    severity: Severity,
    findings: usize,
    files: usize,
}

impl Statistics {
    pub fn of(checked: &[Checked]) -> Statistics {
        let mut codes: BTreeMap<(&'static str, Severity), (usize, usize)> = BTreeMap::new();
        let mut kinds: Vec<(Kind, usize)> = Kind::ALL.into_iter().map(|k| (k, 0)).collect();
        let mut parts: Vec<(Part, usize)> = Part::ALL
            .into_iter()
            .filter(|&p| p != Part::Appendix)
            .map(|p| (p, 0))
            .collect();
        let mut files_with_warnings = 0;
        for c in checked {
            let mut seen: Vec<(&'static str, Severity)> =
                c.findings.iter().map(|f| (f.code, f.severity)).collect();
            for &key in &seen {
                codes.entry(key).or_default().0 += 1;
            }
            seen.sort_unstable();
            seen.dedup();
            for &key in &seen {
                codes.entry(key).or_default().1 += 1;
            }
            if c.findings.iter().any(|f| f.severity >= Severity::Warning) {
                files_with_warnings += 1;
            }
            for report in &c.reports {
                if let Some((_, n)) = kinds.iter_mut().find(|(k, _)| *k == report.kind) {
                    *n += 1;
                }
                for (part, n) in &mut parts {
                    if report.parts.contains(part) {
                        *n += 1;
                    }
                }
            }
        }
        let mut codes: Vec<CodeCount> = codes
            .into_iter()
            .map(|((code, severity), (findings, files))| CodeCount {
                code,
                severity,
                findings,
                files,
            })
            .collect();
        // Ties by code, then worse first: the same order on every run.
        codes.sort_by(|a, b| {
            b.findings
                .cmp(&a.findings)
                .then(a.code.cmp(b.code))
                .then(b.severity.cmp(&a.severity))
        });
        // A stable sort keeps equal counts in the model's order of kinds.
        kinds.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
        Statistics {
            codes,
            kinds,
            parts,
            files: checked.len(),
            reports: checked.iter().map(|c| c.reports.len()).sum(),
            files_with_warnings,
            summary: json!({
                "error": count(checked, Severity::Error),
                "warning": count(checked, Severity::Warning),
                "info": count(checked, Severity::Info),
                "hint": count(checked, Severity::Hint),
            }),
        }
    }

    /// Three tables (findings per rule, reports per kind, reports per part)
    /// and a line of totals.
    pub fn render(&self) -> String {
        let mut out = if self.codes.is_empty() {
            "no findings\n".to_string()
        } else {
            table(
                &["findings", "files", "code", "name", "severity"],
                2,
                self.codes
                    .iter()
                    .map(|c| {
                        vec![
                            c.findings.to_string(),
                            c.files.to_string(),
                            c.code.to_string(),
                            rule_name(c.code).to_string(),
                            c.severity.id().to_string(),
                        ]
                    })
                    .collect(),
            )
        };
        let share = |n: usize| {
            if self.reports == 0 {
                "-".to_string()
            } else {
                format!("{:.1}%", n as f64 * 100.0 / self.reports as f64)
            }
        };
        out.push('\n');
        out.push_str(&table(
            &["reports", "share", "kind"],
            2,
            self.kinds
                .iter()
                .map(|&(k, n)| vec![n.to_string(), share(n), k.name().to_string()])
                .collect(),
        ));
        out.push('\n');
        out.push_str(&table(
            &["reports", "share", "part"],
            2,
            self.parts
                .iter()
                .map(|&(p, n)| vec![n.to_string(), share(n), p.name().to_string()])
                .collect(),
        ));
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let _ = writeln!(
            out,
            "\n{}, {}, {} with warnings or errors",
            plural(self.files, "file", "files"),
            plural(self.reports, "report", "reports"),
            plural(self.files_with_warnings, "file", "files"),
        );
        out
    }

    /// The same counts as stable JSON: every kind and part is listed, with
    /// zero where none was found.
    pub fn to_json(&self) -> Value {
        json!({
            "codes": self.codes.iter().map(|c| json!({
                "code": c.code,
                "name": rule_name(c.code),
                "severity": c.severity.id(),
                "findings": c.findings,
                "files": c.files,
            })).collect::<Vec<_>>(),
            "kinds": self.kinds.iter().map(|&(k, n)| json!({
                "kind": k.id(),
                "name": k.name(),
                "reports": n,
            })).collect::<Vec<_>>(),
            "parts": self.parts.iter().map(|&(p, n)| json!({
                "part": p.id(),
                "name": p.name(),
                "reports": n,
            })).collect::<Vec<_>>(),
            "totals": {
                "files": self.files,
                "reports": self.reports,
                "files_with_warnings": self.files_with_warnings,
            },
            "summary": self.summary,
        })
    }
}

fn rule_name(code: &str) -> &'static str {
    rules::lookup(code).map_or("", |d| d.name)
}

/// Columns two spaces apart under a header, the first `right` of them
/// aligned right (counts), the rest left; widths in display columns.
fn table(header: &[&str], right: usize, rows: Vec<Vec<String>>) -> String {
    let head: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    let rows: Vec<Vec<String>> = std::iter::once(head).chain(rows).collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|cell| cell.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in &rows {
        let mut line = String::new();
        for (i, (cell, &width)) in row.iter().zip(&widths).enumerate() {
            let pad = " ".repeat(width.saturating_sub(cell.width()));
            if i > 0 {
                line.push_str("  ");
            }
            if i < right {
                line.push_str(&pad);
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&pad);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align_counts_right_and_wide_names_by_display_width() {
        let rows = vec![
            vec![
                "12".to_string(),
                "政府工作报告".to_string(),
                "x".to_string(),
            ],
            vec!["3".to_string(), "其他".to_string(), "y".to_string()],
        ];
        assert_eq!(
            table(&["reports", "kind", "id"], 1, rows),
            "reports  kind          id\n     12  政府工作报告  x\n      3  其他          y\n"
        );
    }
}
