//! `textDocument/hover`: on a figure, how it was read; on a heading or a
//! report's title, the section's figures at a glance (the same summary as
//! `baogao metrics --section`); on a finding's span, its message and the
//! rule's explanation (as `baogao rules` shows it).
//! Several can apply at one spot; they are shown one after another.

use tower_lsp::lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

use super::analysis::Analysed;
use crate::report::metrics;
use crate::rules;
use crate::text::{Encoding, TextRange};

pub(crate) fn hover(analysis: &Analysed, position: Position, encoding: Encoding) -> Option<Hover> {
    let conv = analysis.converter(encoding);
    let offset = conv.offset(position);
    let text = analysis.text.as_str();
    let figures = &analysis.figures;
    let mut parts: Vec<String> = Vec::new();
    // The innermost thing hovered, for the client to highlight.
    let mut range: Option<TextRange> = None;

    if let Some((index, metric)) = figures
        .metrics
        .iter()
        .enumerate()
        .find(|(_, m)| m.range.touches(offset))
    {
        let mut part = metrics::describe(metric);
        for other in figures.contradictions.iter().filter_map(|c| {
            let other = match (c.first == index, c.second == index) {
                (true, _) => c.second,
                (_, true) => c.first,
                _ => return None,
            };
            figures.metrics.get(other)
        }) {
            part.push_str(&format!(
                "\n- 与第 {} 行的“{}”不一致",
                conv.line(other.range.start) + 1,
                other.range.slice(text)
            ));
        }
        parts.push(part);
        range = Some(metric.range);
    } else if let Some((report, node)) = analysis.document.heading_at(offset) {
        let part = node
            .part
            .map(|p| format!("〔{}〕", p.name()))
            .unwrap_or_default();
        parts.push(format!(
            "**{}**{part}\n\n{}",
            escape(&node.name(text)),
            metrics::section_summary(
                text,
                &figures.metrics,
                &figures.contradictions,
                metrics::Section::of_node(report, node)
            )
        ));
        range = Some(node.heading);
    } else if let Some((report, title)) = analysis.document.reports.iter().find_map(|r| {
        r.title
            .as_ref()
            .filter(|t| t.range.touches(offset))
            .map(|t| (r, t))
    }) {
        parts.push(format!(
            "**{}**（{}）\n\n{}",
            escape(&title.text),
            report.kind.name(),
            metrics::section_summary(
                text,
                &figures.metrics,
                &figures.contradictions,
                metrics::Section::whole(report.range)
            )
        ));
        range = Some(title.range);
    }

    let mut explained: Vec<&str> = Vec::new();
    for finding in analysis.findings.iter().filter(|f| f.range.touches(offset)) {
        let mut part = format!("**{}** {}", finding.code, escape(&finding.message));
        if let Some(doc) = rules::lookup(finding.code).filter(|d| !explained.contains(&d.code)) {
            explained.push(doc.code);
            part.push_str(&format!(
                "\n\n`{}`\n\n{}",
                doc.name,
                demote_headings(doc.explanation)
            ));
        }
        parts.push(part);
        range.get_or_insert(finding.range);
    }

    if parts.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: parts.join("\n\n---\n\n"),
        }),
        range: range.map(|r| conv.range(r)),
    })
}

/// Rule docs use `##` sections, which a hover would show as large as a
/// page title.
fn demote_headings(markdown: &str) -> String {
    markdown
        .trim()
        .lines()
        .map(|line| match line.strip_prefix("## ") {
            Some(title) => format!("#### {title}"),
            None => line.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Headings are shown in bold: their own `*` `_` must not end it early.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '*' | '_' | '`' | '[' | ']' | '\\' | '<' | '>') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
