//! `baogao outline`: the section tree of each report in a file.

use std::fmt::Write as _;
use std::process::ExitCode;

use rayon::prelude::*;
use serde_json::{json, Value};

use super::input::{self, Input};
use super::CliError;
use crate::report::{self, Document, Node, Part, Report};
use crate::text::{Encoding, LineIndex, TextRange};

#[derive(clap::Args)]
pub struct Args {
    /// The report to outline; `-` reads standard input.
    pub file: String,
    /// Print stable JSON instead of the indented tree.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args) -> Result<ExitCode, CliError> {
    let input = input::read(&args.file)?;
    let document = report::analyze(&input.text);
    let out = if args.json {
        let mut s = serde_json::to_string_pretty(&to_json(&input, &document))
            .map_err(|e| CliError(format!("cannot encode JSON: {e}")))?;
        s.push('\n');
        s
    } else {
        render(&input, &document)
    };
    super::write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// The standard parts a report shows, in order, and those it lacks.
pub fn parts_found(report: &Report) -> (Vec<Part>, Vec<Part>) {
    let found: Vec<Part> = Part::ALL
        .into_iter()
        .filter(|&p| p != Part::Appendix && report.part(p).is_some())
        .collect();
    let absent = Part::ALL
        .into_iter()
        .filter(|p| *p != Part::Appendix && !found.contains(p))
        .collect();
    (found, absent)
}

/// The indented, human-readable tree.
pub fn render(input: &Input, document: &Document) -> String {
    let index = LineIndex::new(&input.text);
    let line_of = |offset: usize| index.line_of(offset) + 1;
    let mut out = String::new();
    let count = document.reports.len();
    let _ = writeln!(
        out,
        "{}: {} {}{}",
        input.name,
        count,
        if count == 1 { "report" } else { "reports" },
        input
            .decoded_from
            .map(|e| format!(" (decoded from {e})"))
            .unwrap_or_default()
    );
    // Reports are rendered in parallel: on a large compilation the text is
    // a good share of the command's time.
    let reports: Vec<String> = document
        .reports
        .par_iter()
        .map(|report| {
            let mut out = String::new();
            render_report(&input.text, report, &line_of, &mut out);
            out
        })
        .collect();
    out.extend(reports);
    out
}

fn render_report(
    text: &str,
    report: &Report,
    line_of: &(dyn Fn(usize) -> usize + Sync),
    out: &mut String,
) {
    let title = report
        .title
        .as_ref()
        .map_or("(无标题)", |t| t.text.as_str());
    let _ = writeln!(
        out,
        "\n{:>5}  {title}  [{}{}]",
        line_of(report.range.start),
        report.kind.name(),
        if report.fragment { ", 片段" } else { "" }
    );
    let (found, absent) = parts_found(report);
    let names = |parts: &[Part]| parts.iter().map(|p| p.name()).collect::<Vec<_>>().join(" ");
    let _ = writeln!(out, "       parts: {}", names(&found));
    if report.kind.is_report() && !absent.is_empty() {
        let _ = writeln!(out, "       absent: {}", names(&absent));
    }
    for node in &report.nodes {
        render_node(text, node, 1, line_of, out);
    }
}

fn render_node(
    text: &str,
    node: &Node,
    depth: usize,
    line_of: &(dyn Fn(usize) -> usize + Sync),
    out: &mut String,
) {
    let marker = node
        .marker
        .as_ref()
        .map_or("", |m| m.range.slice(text))
        .to_string();
    let marker = if marker.is_empty() && node.marker.is_some() {
        "· ".to_string()
    } else {
        marker
    };
    let part = node
        .part
        .map(|p| format!("  〔{}〕", p.name()))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{:>5}  {}{marker}{}{part}",
        line_of(node.heading.start),
        "  ".repeat(depth),
        node.label
    );
    for child in &node.children {
        render_node(text, child, depth + 1, line_of, out);
    }
}

/// A byte range with 1-based lines and 1-based columns counted in characters.
pub fn span_json(text: &str, index: &LineIndex, range: TextRange) -> Value {
    let start = index.line_col(text, range.start, Encoding::Utf32);
    let end = index.line_col(text, range.end, Encoding::Utf32);
    json!({
        "start": range.start,
        "end": range.end,
        "start_line": start.line + 1,
        "start_column": start.col + 1,
        "end_line": end.line + 1,
        "end_column": end.col + 1,
    })
}

fn node_json(text: &str, index: &LineIndex, node: &Node) -> Value {
    json!({
        "level": node.level.id(),
        "role": node.part.map_or("heading", |p| p.id()),
        "number": node.marker.as_ref().map(|m| m.number).filter(|&n| n > 0),
        "marker": node.marker.as_ref().map(|m| m.range.slice(text)),
        "label": node.label,
        "range": span_json(text, index, node.range),
        "heading": span_json(text, index, node.heading),
        "children": node.children.iter().map(|c| node_json(text, index, c)).collect::<Vec<_>>(),
    })
}

pub fn to_json(input: &Input, document: &Document) -> Value {
    let text = &input.text;
    let index = LineIndex::new(text);
    json!({
        "file": input.name,
        "decoded_from": input.decoded_from,
        "reports": document.reports.iter().map(|r| {
            let (found, absent) = parts_found(r);
            json!({
                "kind": r.kind.id(),
                "kind_name": r.kind.name(),
                "fragment": r.fragment,
                "title": r.title.as_ref().map(|t| json!({"text": t.text, "range": span_json(text, &index, t.range)})),
                "evidence": r.evidence.iter().map(|e| json!({"reason": e.reason, "range": span_json(text, &index, e.range)})).collect::<Vec<_>>(),
                "parts_found": found.iter().map(|p| p.id()).collect::<Vec<_>>(),
                "parts_absent": absent.iter().map(|p| p.id()).collect::<Vec<_>>(),
                "range": span_json(text, &index, r.range),
                "nodes": r.nodes.iter().map(|n| node_json(text, &index, n)).collect::<Vec<_>>(),
            })
        }).collect::<Vec<_>>(),
        "noise": document.noise.iter().map(|n| json!({
            "kind": serde_json::to_value(n.kind).unwrap_or(Value::Null),
            "range": span_json(text, &index, n.range),
        })).collect::<Vec<_>>(),
    })
}
