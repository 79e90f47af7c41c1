//! `baogao metrics`: every counted figure of a report, a table per section,
//! or stable JSON.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::process::ExitCode;

use serde_json::{json, Value};
use unicode_width::UnicodeWidthStr;

use super::outline::span_json;
use super::CliError;
use crate::input::{self, Input};
use crate::report::metrics::{self, Figure, Figures};
use crate::report::{self, Document, Node};
use crate::text::{LineIndex, TextRange};

#[derive(clap::Args)]
pub struct Args {
    /// The report to read (text or Word .docx); `-` reads standard input.
    pub file: String,
    /// Print stable JSON instead of tables.
    #[arg(long)]
    pub json: bool,
    /// Only the figures of section N (as numbered by `§N` in the tables),
    /// subsections included, with the summary an editor shows on hover.
    #[arg(long, value_name = "N")]
    pub section: Option<usize>,
}

pub fn run(args: &Args) -> Result<ExitCode, CliError> {
    let input = input::read(&args.file)?;
    let document = report::analyze(&input.text);
    let figures = metrics::figures(&input.text, &document);
    let sections = Sections::new(&document);
    if let Some(n) = args.section {
        if sections.get(n).is_none() {
            return Err(CliError(format!(
                "{}: no section {n} (sections are numbered 1 to {})",
                input.name,
                sections.list.len()
            )));
        }
    }
    let out = if args.json {
        let mut s =
            serde_json::to_string_pretty(&to_json(&input, &figures, &sections, args.section))
                .map_err(|e| CliError(format!("cannot encode JSON: {e}")))?;
        s.push('\n');
        s
    } else {
        render(&input, &figures, &sections, args.section)
    };
    super::write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// One section of the outline, numbered depth first across all reports.
struct Section<'d> {
    number: usize,
    report: usize,
    node: &'d Node,
}

/// The outline's sections in order, and which one each figure belongs to.
struct Sections<'d> {
    document: &'d Document,
    list: Vec<Section<'d>>,
    by_node: HashMap<*const Node, usize>,
}

impl<'d> Sections<'d> {
    fn new(document: &'d Document) -> Self {
        let mut list = Vec::new();
        let mut by_node = HashMap::new();
        for (report, r) in document.reports.iter().enumerate() {
            for node in r.walk() {
                let number = list.len() + 1;
                by_node.insert(node as *const Node, number);
                list.push(Section {
                    number,
                    report,
                    node,
                });
            }
        }
        Sections {
            document,
            list,
            by_node,
        }
    }

    fn get(&self, number: usize) -> Option<&Section<'d>> {
        self.list.get(number.checked_sub(1)?)
    }

    /// The number of the innermost section holding the figure.
    fn of(&self, metric: &Figure) -> Option<usize> {
        let (_, node) = self.document.node_at(metric.range.start)?;
        self.by_node.get(&(node as *const Node)).copied()
    }

    /// Figures (indices) of section `number`, subsections included.
    fn within(&self, figures: &Figures, number: usize) -> Vec<usize> {
        let Some(section) = self.get(number) else {
            return Vec::new();
        };
        let range = section.node.range;
        (0..figures.metrics.len())
            .filter(|&i| {
                figures
                    .metrics
                    .get(i)
                    .is_some_and(|m| range.contains_range(m.range))
            })
            .collect()
    }
}

fn render(input: &Input, figures: &Figures, sections: &Sections, only: Option<usize>) -> String {
    let text = &input.text;
    let index = LineIndex::new(text);
    let mut out = String::new();
    let count = figures.metrics.len();
    let _ = writeln!(
        out,
        "{}: {count} {}{}",
        input.name,
        if count == 1 { "figure" } else { "figures" },
        input
            .decoded_from
            .map(|e| format!(" (decoded from {e})"))
            .unwrap_or_default()
    );

    if let Some(number) = only {
        let picked = sections.within(figures, number);
        if let Some(section) = sections.get(number) {
            heading(&mut out, text, &index, Some(section));
            table(&mut out, text, &index, figures, &picked);
            out.push('\n');
            out.push_str(&metrics::section_summary(
                text,
                &figures.metrics,
                &figures.contradictions,
                section.node.range,
            ));
            out.push('\n');
        }
        return out;
    }

    // Group each figure under its innermost section, in text order.
    let mut groups: Vec<(Option<usize>, Vec<usize>)> = Vec::new();
    for (i, metric) in figures.metrics.iter().enumerate() {
        let section = sections.of(metric);
        match groups.last_mut() {
            Some((s, members)) if *s == section => members.push(i),
            _ => groups.push((section, vec![i])),
        }
    }
    for (section, members) in &groups {
        heading(
            &mut out,
            text,
            &index,
            section.and_then(|n| sections.get(n)),
        );
        table(&mut out, text, &index, figures, members);
    }

    if !figures.contradictions.is_empty() {
        out.push_str("\ncontradictions:\n");
        for c in &figures.contradictions {
            let (Some(a), Some(b)) = (figures.metrics.get(c.first), figures.metrics.get(c.second))
            else {
                continue;
            };
            let _ = writeln!(
                out,
                "  {}: {} (line {}) ≠ {} (line {})",
                a.what,
                a.range.slice(text),
                index.line_of(a.range.start) + 1,
                b.range.slice(text),
                index.line_of(b.range.start) + 1,
            );
        }
    }
    out
}

fn heading(out: &mut String, text: &str, index: &LineIndex, section: Option<&Section>) {
    match section {
        Some(s) => {
            let marker = s.node.marker.as_ref().map_or("", |m| m.range.slice(text));
            let _ = writeln!(
                out,
                "\n§{}  {marker}{}  (line {})",
                s.number,
                s.node.label,
                index.line_of(s.node.heading.start) + 1
            );
        }
        None => out.push_str("\n(outside the outline)\n"),
    }
}

/// The figures as aligned columns: position, as written, value, unit,
/// category, marker, what was counted.
fn table(out: &mut String, text: &str, index: &LineIndex, figures: &Figures, members: &[usize]) {
    let rows: Vec<[String; 7]> = members
        .iter()
        .filter_map(|&i| figures.metrics.get(i))
        .map(|m| {
            let at = index.line_col(text, m.range.start, crate::text::Encoding::Utf32);
            [
                format!("{}:{}", at.line + 1, at.col + 1),
                m.range.slice(text).to_string(),
                metrics::format_value(m.value),
                m.unit.to_string(),
                m.category.name().to_string(),
                m.approx.unwrap_or("").to_string(),
                m.what.clone(),
            ]
        })
        .collect();
    let mut widths = [0usize; 7];
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    for row in &rows {
        let mut line = String::from(" ");
        for (n, (cell, w)) in row.iter().zip(widths).enumerate() {
            line.push(' ');
            // Numbers align right, words left; the last column is not padded.
            let pad = " ".repeat(w - cell.width());
            match n {
                2 => {
                    line.push_str(&pad);
                    line.push_str(cell);
                }
                6 => line.push_str(cell),
                _ => {
                    line.push_str(cell);
                    line.push_str(&pad);
                }
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

fn metric_json(
    text: &str,
    index: &LineIndex,
    sections: &Sections,
    number: usize,
    metric: &Figure,
) -> Value {
    json!({
        "index": number,
        "section": sections.of(metric),
        "text": metric.range.slice(text),
        "value": metric.value,
        "unit": metric.unit,
        "category": metric.category.id(),
        "approx": metric.approx,
        "exact": metric.is_exact(),
        "what": metric.what,
        "what_source": metric.what_source,
        "period": metric.period,
        "range": span_json(text, index, metric.range),
        "number": span_json(text, index, metric.number),
    })
}

fn to_json(input: &Input, figures: &Figures, sections: &Sections, only: Option<usize>) -> Value {
    let text = &input.text;
    let index = LineIndex::new(text);
    let picked: Vec<usize> = match only {
        Some(number) => sections.within(figures, number),
        None => (0..figures.metrics.len()).collect(),
    };
    let shown = |range: TextRange| {
        only.is_none()
            || picked
                .iter()
                .any(|&i| figures.metrics.get(i).is_some_and(|m| m.range == range))
    };
    let listed: Vec<&Section> = match only.and_then(|n| sections.get(n)) {
        Some(s) => vec![s],
        None => sections.list.iter().collect(),
    };
    json!({
        "file": input.name,
        "decoded_from": input.decoded_from,
        "sections": listed.iter().map(|s| json!({
            "section": s.number,
            "report": s.report,
            "level": s.node.level.id(),
            "marker": s.node.marker.as_ref().map(|m| m.range.slice(text)),
            "label": s.node.label,
            "range": span_json(text, &index, s.node.range),
            "summary": metrics::section_summary(text, &figures.metrics, &figures.contradictions, s.node.range),
        })).collect::<Vec<_>>(),
        "metrics": picked.iter().filter_map(|&i| {
            figures.metrics.get(i).map(|m| metric_json(text, &index, sections, i, m))
        }).collect::<Vec<_>>(),
        "contradictions": figures.contradictions.iter().filter_map(|c| {
            let a = figures.metrics.get(c.first)?;
            let b = figures.metrics.get(c.second)?;
            (shown(a.range) || shown(b.range)).then(|| json!({
                "what": a.what,
                "first": c.first,
                "second": c.second,
                "first_text": a.range.slice(text),
                "second_text": b.range.slice(text),
            }))
        }).collect::<Vec<_>>(),
    })
}
