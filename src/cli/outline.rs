//! `baogao outline`: the section tree of each report in a file.

use std::fmt::Write as _;
use std::process::ExitCode;

use rayon::prelude::*;
use serde::Serialize;
use serde_json::{json, Value};

use super::CliError;
use crate::input::{self, Input};
use crate::report::{self, Document, Node, NoiseKind, Part, Report};
use crate::text::{Encoding, LineIndex, TextRange};

#[derive(clap::Args)]
pub struct Args {
    /// The report to outline (text or Word .docx); `-` reads standard input.
    pub file: String,
    /// Print stable JSON instead of the indented tree.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args) -> Result<ExitCode, CliError> {
    let input = input::read(&args.file)?;
    let document = report::analyze(&input.text);
    if args.json {
        super::write_json_stdout(&to_json(&input, &document))?;
    } else {
        super::write_stdout(&render(&input, &document))?;
    }
    Ok(ExitCode::SUCCESS)
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
    let (found, absent) = report.parts_found();
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
    json!(Span::new(text, index, range))
}

/// A byte range with 1-based lines and 1-based columns counted in characters,
/// as JSON. Here and below, fields are in alphabetical order, as the JSON
/// always had them.
#[derive(Serialize)]
pub struct Span {
    end: usize,
    end_column: u32,
    end_line: u32,
    start: usize,
    start_column: u32,
    start_line: u32,
}

impl Span {
    pub fn new(text: &str, index: &LineIndex, range: TextRange) -> Span {
        let start = index.line_col(text, range.start, Encoding::Utf32);
        let end = index.line_col(text, range.end, Encoding::Utf32);
        Span {
            end: range.end,
            end_column: end.col + 1,
            end_line: end.line + 1,
            start: range.start,
            start_column: start.col + 1,
            start_line: start.line + 1,
        }
    }
}

/// A sequence written out as it is made, never collected: the JSON of a
/// text can be many times its size (a node of a few bytes' heading is half
/// a kilobyte), so it is made while it is written.
pub struct Seq<F>(pub F);

impl<F, I> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

/// The text, its line index and the thing to write out with them.
struct With<'a, T: ?Sized> {
    text: &'a str,
    index: &'a LineIndex,
    item: &'a T,
}

impl<'a, T: ?Sized> With<'a, T> {
    fn of<U: ?Sized>(&self, item: &'a U) -> With<'a, U> {
        With {
            text: self.text,
            index: self.index,
            item,
        }
    }

    fn span(&self, range: TextRange) -> Span {
        Span::new(self.text, self.index, range)
    }
}

impl Serialize for With<'_, Node> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Json<'a, C> {
            children: C,
            heading: Span,
            label: &'a str,
            level: &'static str,
            marker: Option<&'a str>,
            number: Option<u32>,
            range: Span,
            role: &'static str,
        }
        let node = self.item;
        Json {
            children: Seq(|| node.children.iter().map(|c| self.of(c))),
            heading: self.span(node.heading),
            label: &node.label,
            level: node.level.id(),
            marker: node.marker.as_ref().map(|m| m.range.slice(self.text)),
            number: node.marker.as_ref().map(|m| m.number).filter(|&n| n > 0),
            range: self.span(node.range),
            role: node.part.map_or("heading", |p| p.id()),
        }
        .serialize(serializer)
    }
}

impl Serialize for With<'_, Report> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Json<'a, E, N> {
            evidence: E,
            fragment: bool,
            kind: &'static str,
            kind_name: &'static str,
            nodes: N,
            parts_absent: Vec<&'static str>,
            parts_found: Vec<&'static str>,
            range: Span,
            title: Option<TitleJson<'a>>,
        }
        #[derive(Serialize)]
        struct TitleJson<'a> {
            range: Span,
            text: &'a str,
        }
        #[derive(Serialize)]
        struct EvidenceJson<'a> {
            range: Span,
            reason: &'a str,
        }
        let r = self.item;
        let (found, absent) = r.parts_found();
        Json {
            evidence: Seq(|| {
                r.evidence.iter().map(|e| EvidenceJson {
                    range: self.span(e.range),
                    reason: &e.reason,
                })
            }),
            fragment: r.fragment,
            kind: r.kind.id(),
            kind_name: r.kind.name(),
            nodes: Seq(|| r.nodes.iter().map(|n| self.of(n))),
            parts_absent: absent.iter().map(|p| p.id()).collect(),
            parts_found: found.iter().map(|p| p.id()).collect(),
            range: self.span(r.range),
            title: r.title.as_ref().map(|t| TitleJson {
                range: self.span(t.range),
                text: &t.text,
            }),
        }
        .serialize(serializer)
    }
}

/// The JSON of `baogao outline --json`.
pub struct OutlineJson<'a> {
    input: &'a Input,
    document: &'a Document,
    index: LineIndex,
}

pub fn to_json<'a>(input: &'a Input, document: &'a Document) -> OutlineJson<'a> {
    OutlineJson {
        input,
        document,
        index: LineIndex::new(&input.text),
    }
}

impl Serialize for OutlineJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Json<'a, N, R> {
            decoded_from: Option<&'static str>,
            file: &'a str,
            noise: N,
            reports: R,
        }
        #[derive(Serialize)]
        struct NoiseJson {
            kind: NoiseKind,
            range: Span,
        }
        let with = With {
            text: &self.input.text,
            index: &self.index,
            item: self.document,
        };
        Json {
            decoded_from: self.input.decoded_from,
            file: &self.input.name,
            noise: Seq(|| {
                self.document.noise.iter().map(|n| NoiseJson {
                    kind: n.kind,
                    range: with.span(n.range),
                })
            }),
            reports: Seq(|| self.document.reports.iter().map(|r| with.of(r))),
        }
        .serialize(serializer)
    }
}
