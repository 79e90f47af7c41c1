//! An analysis as the API's JSON: positions as line and character in
//! UTF-16 code units (a JavaScript string's indices, and LSP's default), the
//! outline as a tree with each section's figure summary, the findings with
//! their quick fixes as text edits, and the explanation of each rule found.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::analysis::Analysis;
use crate::report::metrics::{section_summary, Section};
use crate::report::{Node, Report};
use crate::rules::{self, Finding, Fix, Renumbering, Severity};
use crate::text::{Encoding, LineIndex, TextRange};

/// The most edits computed for renumbering fixes in one answer: each such
/// fix edits every marker after its fault, and a text of no report's shape
/// can have a fault on every line.
const RENUMBER_EDITS: usize = 20_000;

#[derive(Serialize)]
pub(crate) struct Answer<'a> {
    /// The uploaded file's name and text, for an upload.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) text: Option<&'a str>,
    pub(crate) reports: Vec<ReportJson>,
    pub(crate) findings: Vec<FindingJson>,
    /// The rules of the findings, by code.
    pub(crate) rules: BTreeMap<&'static str, RuleJson>,
}

#[derive(Serialize)]
pub(crate) struct Position {
    line: u32,
    character: u32,
}

#[derive(Serialize)]
pub(crate) struct Range {
    start: Position,
    end: Position,
}

#[derive(Serialize)]
pub(crate) struct ReportJson {
    name: String,
    kind: &'static str,
    kind_name: &'static str,
    fragment: bool,
    /// The standard parts found, and those a report of its kind lacks.
    parts: Vec<&'static str>,
    absent: Vec<&'static str>,
    range: Range,
    /// The title, where the outline jumps to.
    selection: Range,
    figures: usize,
    /// The figures of the whole report, in Markdown, as the hover shows them.
    summary: String,
    children: Vec<NodeJson>,
}

#[derive(Serialize)]
pub(crate) struct NodeJson {
    name: String,
    level: &'static str,
    part: Option<&'static str>,
    part_name: Option<&'static str>,
    range: Range,
    /// The heading.
    selection: Range,
    figures: usize,
    summary: String,
    children: Vec<NodeJson>,
}

#[derive(Serialize)]
pub(crate) struct FindingJson {
    code: &'static str,
    severity: Severity,
    message: String,
    range: Range,
    related: Vec<RelatedJson>,
    fixes: Vec<FixJson>,
}

#[derive(Serialize)]
pub(crate) struct RelatedJson {
    message: String,
    range: Range,
}

#[derive(Serialize)]
pub(crate) struct FixJson {
    title: String,
    edits: Vec<EditJson>,
}

#[derive(Serialize)]
pub(crate) struct EditJson {
    range: Range,
    new_text: String,
}

#[derive(Serialize)]
pub(crate) struct RuleJson {
    name: &'static str,
    summary: &'static str,
    /// Markdown: what it does, why, an example.
    explanation: &'static str,
}

/// Converts the core's byte ranges into the answer's positions.
struct Convert<'a> {
    text: &'a str,
    lines: LineIndex,
}

impl Convert<'_> {
    fn range(&self, range: TextRange) -> Range {
        let position = |offset| {
            let at = self.lines.line_col(self.text, offset, Encoding::Utf16);
            Position {
                line: at.line,
                character: at.col,
            }
        };
        Range {
            start: position(range.start),
            end: position(range.end),
        }
    }
}

/// The answer for `analysis` of `text`.
pub(crate) fn answer<'a>(text: &'a str, analysis: &Analysis) -> Answer<'a> {
    let convert = Convert {
        text,
        lines: LineIndex::new(text),
    };
    // Reports in parallel: the summaries of a compilation's sections cost
    // as much as its analysis.
    let reports = analysis
        .document
        .reports
        .par_iter()
        .map(|report| report_json(&convert, analysis, report))
        .collect();
    let renumbering = Renumbering::new(text, &analysis.document);
    let mut budget = RENUMBER_EDITS;
    let findings = analysis
        .findings
        .iter()
        .map(|finding| {
            let mut fixes: Vec<Fix> = finding.fixes().to_vec();
            // As the language server, which logs them: a bug in a rule.
            fixes.retain(|fix| !fix.has_overlapping_edits());
            if let Some(fix) = finding
                .renumber()
                .filter(|_| budget > 0)
                .and_then(|r| renumbering.fix(r))
            {
                budget = budget.saturating_sub(fix.edits.len());
                if !fix.has_overlapping_edits() {
                    fixes.push(fix);
                }
            }
            finding_json(&convert, finding, fixes)
        })
        .collect();
    let rules = analysis
        .findings
        .iter()
        .filter_map(|f| rules::lookup(f.code))
        .map(|doc| {
            let rule = RuleJson {
                name: doc.name,
                summary: doc.summary,
                explanation: doc.explanation,
            };
            (doc.code, rule)
        })
        .collect();
    Answer {
        name: None,
        text: None,
        reports,
        findings,
        rules,
    }
}

fn report_json(convert: &Convert<'_>, analysis: &Analysis, report: &Report) -> ReportJson {
    let (found, absent) = report.parts_found();
    let ids = |parts: Vec<crate::report::Part>| parts.into_iter().map(|p| p.id()).collect();
    let title = report
        .title
        .as_ref()
        .map_or(TextRange::empty(report.range.start), |t| t.range);
    ReportJson {
        name: report.name(),
        kind: report.kind.id(),
        kind_name: report.kind.name(),
        fragment: report.fragment,
        parts: ids(found),
        absent: if report.kind.is_report() {
            ids(absent)
        } else {
            Vec::new()
        },
        range: convert.range(report.range),
        selection: convert.range(title),
        figures: analysis.figures.count_in(report.range),
        summary: summary(convert, analysis, Section::whole(report.range)),
        children: report
            .nodes
            .iter()
            .map(|node| node_json(convert, analysis, report, node))
            .collect(),
    }
}

fn node_json(convert: &Convert<'_>, analysis: &Analysis, report: &Report, node: &Node) -> NodeJson {
    NodeJson {
        name: node.name(convert.text),
        level: node.level.id(),
        part: node.part.map(|p| p.id()),
        part_name: node.part.map(|p| p.name()),
        range: convert.range(node.range),
        selection: convert.range(node.heading),
        figures: analysis.figures.count_in(node.range),
        summary: summary(convert, analysis, Section::of_node(report, node)),
        children: node
            .children
            .iter()
            .map(|child| node_json(convert, analysis, report, child))
            .collect(),
    }
}

/// The section's figures as the hover on its heading shows them.
fn summary(convert: &Convert<'_>, analysis: &Analysis, section: Section) -> String {
    let figures = &analysis.figures;
    section_summary(
        convert.text,
        &figures.metrics,
        &figures.contradictions,
        section,
    )
}

fn finding_json(convert: &Convert<'_>, finding: &Finding, fixes: Vec<Fix>) -> FindingJson {
    FindingJson {
        code: finding.code,
        severity: finding.severity,
        message: finding.message.to_string(),
        range: convert.range(finding.range),
        related: finding
            .related()
            .iter()
            .map(|r| RelatedJson {
                message: r.message.to_string(),
                range: convert.range(r.range),
            })
            .collect(),
        fixes: fixes
            .into_iter()
            .map(|fix| FixJson {
                title: fix.title,
                edits: fix
                    .edits
                    .into_iter()
                    .map(|e| EditJson {
                        range: convert.range(e.range),
                        new_text: e.new_text,
                    })
                    .collect(),
            })
            .collect(),
    }
}
