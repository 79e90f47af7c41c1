//! `baogao check`: the rules' findings on files, for people (the source line
//! with a caret under the span), for scripts (stable JSON) and for code
//! scanning (SARIF 2.1.0).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use std::fmt::Write as _;

use rayon::prelude::*;
use serde::Serialize;
use serde_json::{json, Value};
use unicode_width::UnicodeWidthChar;

use super::checked::{count, Checked, Reading};
use super::outline::{Seq, Span};
use super::statistics::Statistics;
use super::{walk, CliError};
use crate::analysis;
use crate::config;
use crate::input;
use crate::rules::{self, Config, Finding, Severity};
use crate::text::{Encoding, LineIndex, TextRange};

#[derive(Clone, Copy, PartialEq, Eq, Debug, clap::ValueEnum)]
pub enum Format {
    /// The source line with a caret under each finding.
    Human,
    /// Stable JSON for scripts.
    Json,
    /// SARIF 2.1.0 for code scanning.
    Sarif,
}

#[derive(clap::Args)]
pub struct Args {
    /// Reports to check, and folders whose `.txt`, `.md`, `.markdown` and
    /// `.docx` files to check (hidden entries, `target` and `node_modules` are
    /// skipped); `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    pub files: Vec<String>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Exit with 1 when there are findings of this severity or worse:
    /// `errors`, `warnings`, `infos` or `hints`.
    #[arg(long, value_name = "LEVEL", default_value = "warnings", value_parser = parse_deny)]
    pub deny: Severity,
    /// Read the configuration from this file instead of looking for
    /// `baogao.toml` / `.baogao.toml` from each file's folder upwards.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Instead of every finding, print the findings per rule, the kinds of
    /// report read and the standard parts found (as JSON with `--format json`).
    #[arg(long)]
    pub statistics: bool,
    /// Run the rules on files of at most this many bytes; a longer one gets
    /// its outline (the reports and parts of `--statistics`) and a notice.
    #[arg(long, value_name = "BYTES", default_value_t = analysis::DEFAULT_MAX_DOCUMENT_SIZE)]
    pub max_document_size: usize,
}

fn parse_deny(s: &str) -> Result<Severity, String> {
    match s.strip_suffix('s').unwrap_or(s) {
        "error" => Ok(Severity::Error),
        "warning" => Ok(Severity::Warning),
        "info" => Ok(Severity::Info),
        "hint" => Ok(Severity::Hint),
        _ => Err("expected `errors`, `warnings`, `infos` or `hints`".to_string()),
    }
}

pub fn run(args: &Args) -> Result<ExitCode, CliError> {
    if args.statistics && args.format == Format::Sarif {
        return Err(CliError(
            "`--statistics` is printed as `--format human` or `json`, not SARIF".to_string(),
        ));
    }
    let explicit = match &args.config {
        Some(path) => Some(config::load(path).map_err(|e| CliError(e.to_string()))?),
        None => None,
    };
    // Files in parallel: a folder holds many small reports, too short for
    // the analysis of one to keep both cores busy. Results keep their order.
    let results: Vec<Result<Checked, CliError>> = walk::expand(&args.files)
        .into_par_iter()
        .map(|file| {
            check_file(
                &file?,
                args.config.as_deref(),
                explicit.as_ref(),
                args.max_document_size,
            )
        })
        .collect();
    let mut checked = Vec::with_capacity(results.len());
    let mut failed = false;
    for result in results {
        match result {
            Ok(c) => checked.push(c),
            Err(e) => {
                eprintln!("baogao: {e}");
                failed = true;
            }
        }
    }
    // JSON and SARIF carry the notice; other outputs have no place for it.
    if args.format == Format::Human || args.statistics {
        for notice in checked.iter().filter_map(Checked::size_notice) {
            eprintln!("baogao: {notice}");
        }
    }
    match (args.format, args.statistics) {
        (Format::Human, false) => write_human(&checked)?,
        (Format::Human, true) => super::write_stdout(&Statistics::of(&checked).render())?,
        (Format::Json, false) => super::write_json_stdout(&to_json(&checked))?,
        (Format::Json, true) => super::write_stdout(&pretty(&Statistics::of(&checked).to_json())?)?,
        (Format::Sarif, _) => super::write_stdout(&pretty(&to_sarif(&checked))?)?,
    }
    let denied = checked
        .iter()
        .flat_map(|c| &c.findings)
        .any(|f| f.severity >= args.deny);
    Ok(if failed {
        ExitCode::from(2)
    } else if denied {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn check_file(
    file: &str,
    config_path: Option<&Path>,
    explicit: Option<&Config>,
    max_document_size: usize,
) -> Result<Checked, CliError> {
    let input = input::read(file)?;
    let (config_path, config) = match explicit {
        Some(config) => (config_path.map(Path::to_path_buf), config.clone()),
        None => {
            let dir = if file == "-" {
                std::env::current_dir()
                    .map_err(|e| CliError(format!("cannot find the current folder: {e}")))?
            } else {
                let parent = Path::new(file).parent().unwrap_or(Path::new(""));
                if parent.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    parent.to_path_buf()
                }
            };
            match config::discover(&dir).map_err(|e| CliError(e.to_string()))? {
                Some((path, config)) => (Some(path), config),
                None => (None, Config::default()),
            }
        }
    };
    let too_large = (input.text.len() > max_document_size).then_some(max_document_size);
    let mut analysis = match too_large {
        Some(_) => analysis::outline_only(&input.text),
        None => analysis::full(&input.text, &config),
    };
    // Written out with their edits: computed here, one list per finding
    // that renumbers it.
    let renumbering = rules::Renumbering::new(&input.text, &analysis.document);
    for f in &mut analysis.findings {
        if let Some(fix) = f.take_renumber().and_then(|r| renumbering.fix(&r)) {
            f.push_fix(fix);
        }
    }
    let reports = analysis
        .document
        .reports
        .iter()
        .map(|r| Reading {
            kind: r.kind,
            parts: r.parts_found().0,
        })
        .collect();
    Ok(Checked {
        input,
        config: config_path,
        findings: analysis.findings,
        too_large,
        reports,
    })
}

fn pretty(value: &Value) -> Result<String, CliError> {
    let mut s = serde_json::to_string_pretty(value)
        .map_err(|e| CliError(format!("cannot encode JSON: {e}")))?;
    s.push('\n');
    Ok(s)
}

/// Renders the findings for a person. Colour goes through `anstream`, which
/// drops it when stdout is not a terminal (or `NO_COLOR` is set).
fn write_human(checked: &[Checked]) -> Result<(), CliError> {
    let mut stdout = anstream::stdout().lock();
    let written = write_human_to(checked, &mut stdout).and_then(|()| stdout.flush());
    match written {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(CliError(format!("cannot write output: {e}"))),
    }
}

/// Findings rendered by one task: enough to be worth a task, few enough
/// that the tasks of a round hold little (the rendering of a finding is
/// hundreds of bytes, and a text of a few megabytes can have millions).
const RENDERED_TOGETHER: usize = 512;

/// The findings rendered in rounds, each round's blocks in parallel (a
/// folder can hold thousands of findings) and written in order before the
/// next is rendered: the whole output is never held.
fn write_human_to(checked: &[Checked], out: &mut impl Write) -> std::io::Result<()> {
    let round = 4 * rayon::current_num_threads().max(1);
    for files in checked.chunks(round) {
        let indexes: Vec<LineIndex> = files
            .par_iter()
            .map(|c| LineIndex::new(&c.input.text))
            .collect();
        let blocks: Vec<(&Checked, &LineIndex, &[Finding])> = files
            .iter()
            .zip(&indexes)
            .flat_map(|(c, index)| {
                c.findings
                    .chunks(RENDERED_TOGETHER)
                    .map(move |block| (c, index, block))
            })
            .collect();
        for blocks in blocks.chunks(round) {
            let rendered: Vec<String> = blocks
                .par_iter()
                .map(|&(c, index, block)| render_findings(c, index, block))
                .collect();
            for piece in rendered {
                out.write_all(piece.as_bytes())?;
            }
        }
    }
    out.write_all(summary(checked).as_bytes())
}

const BOLD: &str = "\x1b[1m";
const BLUE: &str = "\x1b[1;34m";
const RESET: &str = "\x1b[0m";

fn colour(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "\x1b[1;31m",
        Severity::Warning => "\x1b[1;33m",
        Severity::Info => "\x1b[1;36m",
        Severity::Hint => "\x1b[1;32m",
    }
}

/// Display columns of source shown for one finding: long paragraphs (a whole
/// report may sit on one line) are cut around the span.
const SHOWN_WIDTH: usize = 100;

/// Findings of one file (`index` its line index) in the style of rustc: the source line and a
/// caret under the exact span, aligned for wide (CJK) characters. Escape
/// codes for colour are always written; `anstream` strips them off a terminal.
fn render_findings(checked: &Checked, index: &LineIndex, findings: &[Finding]) -> String {
    let text = &checked.input.text;
    let name = &checked.input.name;
    let position = |offset: usize| {
        let at = index.line_col(text, offset, Encoding::Utf32);
        (at.line as usize + 1, at.col as usize + 1)
    };
    let mut out = String::new();
    for f in findings {
        let (line, col) = position(f.range.start);
        let gutter = " ".repeat(line.to_string().len());
        let c = colour(f.severity);
        let line_index = index.line_of(f.range.start);
        let line_start = index.line_start(line_index);
        let line_end = index.line_end(line_index, text);
        let source = text.get(line_start..line_end).unwrap_or("");
        let span_start = f.range.start.saturating_sub(line_start);
        let span_end = f.range.end.min(line_end).saturating_sub(line_start);
        let (shown, carets) = underline(source, span_start, span_end);
        let _ = writeln!(
            out,
            "{c}{}[{}]{RESET}{BOLD}: {}{RESET}",
            f.severity.id(),
            f.code,
            f.message
        );
        let _ = writeln!(out, "{gutter}{BLUE}-->{RESET} {name}:{line}:{col}");
        let _ = writeln!(out, "{gutter} {BLUE}|{RESET}");
        let _ = writeln!(out, "{BLUE}{line} |{RESET} {shown}");
        let _ = writeln!(out, "{gutter} {BLUE}|{RESET} {c}{carets}{RESET}");
        for r in f.related() {
            let (l, c) = position(r.range.start);
            let _ = writeln!(
                out,
                "{gutter} {BLUE}={RESET} {BOLD}note{RESET}: {} ({name}:{l}:{c})",
                r.message
            );
        }
        for fix in f.fixes() {
            let _ = writeln!(
                out,
                "{gutter} {BLUE}={RESET} {BOLD}help{RESET}: 可用修复: {}",
                fix.title
            );
        }
        let _ = writeln!(
            out,
            "{gutter} {BLUE}={RESET} {BOLD}note{RESET}: `baogao rules {}` explains this rule\n",
            f.code
        );
    }
    out
}

/// The part of `line` to show and the caret line under `start..end` (byte
/// offsets into `line`), both measured in display columns: a CJK character
/// takes two columns, so its caret is `^^`.
fn underline(line: &str, start: usize, end: usize) -> (String, String) {
    let shown_char = |c: char| if c == '\t' { ' ' } else { c };
    let width = |c: char| UnicodeWidthChar::width(shown_char(c)).unwrap_or(0);
    // Whether the whole line fits, told without measuring all of a long
    // one: a document pasted on one line is one line for every finding.
    let mut total = 0;
    let fits = line.chars().all(|c| {
        total += width(c);
        total <= SHOWN_WIDTH
    });
    // Where the window starts (a byte offset): some context before the span
    // when cut.
    let first = if fits {
        0
    } else {
        let span_at = line.ceil_char_boundary(start);
        let mut back = 0;
        let mut at = span_at;
        for (i, c) in line.get(..span_at).unwrap_or("").char_indices().rev() {
            if back >= 16 {
                break;
            }
            at = i;
            back += width(c);
        }
        at
    };
    let mut shown = String::new();
    let mut carets = String::new();
    let mut used = 0;
    if first > 0 {
        shown.push_str("...");
        carets.push_str("   ");
        used += 3;
    }
    let mut cut_right = false;
    let mut start_col = None;
    let window = line.get(first..).unwrap_or("").char_indices();
    for (i, c) in window.map(|(i, c)| (first + i, c)) {
        let w = width(c);
        if used + w > SHOWN_WIDTH && !fits {
            cut_right = true;
            break;
        }
        if i >= start && start_col.is_none() {
            start_col = Some(used);
        }
        used += w;
        shown.push(shown_char(c));
        let mark = if i >= start && i < end { '^' } else { ' ' };
        carets.extend(std::iter::repeat_n(mark, w));
    }
    if cut_right {
        shown.push_str("...");
    }
    let carets = carets.trim_end();
    // An empty span, or one at the end of the line, still gets its caret.
    let carets = if carets.is_empty() {
        format!("{}^", " ".repeat(start_col.unwrap_or(used)))
    } else {
        carets.to_string()
    };
    (shown, carets)
}

fn summary(checked: &[Checked]) -> String {
    let parts: Vec<String> = [
        (Severity::Error, "error"),
        (Severity::Warning, "warning"),
        (Severity::Info, "info"),
        (Severity::Hint, "hint"),
    ]
    .into_iter()
    .filter_map(|(s, name)| {
        let n = count(checked, s);
        (n > 0).then(|| format!("{n} {name}{}", if n == 1 { "" } else { "s" }))
    })
    .collect();
    let files = checked.len();
    let files = format!("{files} file{}", if files == 1 { "" } else { "s" });
    if parts.is_empty() {
        format!("no findings in {files}\n")
    } else {
        format!("{} in {files}\n", parts.join(", "))
    }
}

/// Stable JSON: one object per file, findings in text order; lines and
/// columns are 1-based, columns count characters, `start`/`end` are bytes.
/// Written out as it is made (see [`Seq`]), fields in alphabetical order.
pub fn to_json(checked: &[Checked]) -> impl serde::Serialize + '_ {
    #[derive(Serialize)]
    struct Json<F> {
        files: F,
        summary: Summary,
    }
    #[derive(Serialize)]
    struct Summary {
        error: usize,
        hint: usize,
        info: usize,
        warning: usize,
    }
    #[derive(Serialize)]
    struct FileJson<'a, F> {
        config: Option<String>,
        decoded_from: Option<&'static str>,
        file: &'a str,
        findings: F,
        #[serde(skip_serializing_if = "Option::is_none")]
        notice: Option<String>,
    }
    Json {
        files: Seq(|| {
            checked.iter().map(|c| {
                let text = c.input.text.as_str();
                let index = LineIndex::new(text);
                FileJson {
                    config: c.config.as_ref().map(|p| p.display().to_string()),
                    decoded_from: c.input.decoded_from,
                    file: &c.input.name,
                    findings: FindingsJson {
                        text,
                        index,
                        findings: &c.findings,
                    },
                    notice: c.size_notice(),
                }
            })
        }),
        summary: Summary {
            error: count(checked, Severity::Error),
            hint: count(checked, Severity::Hint),
            info: count(checked, Severity::Info),
            warning: count(checked, Severity::Warning),
        },
    }
}

/// One file's findings with what places them.
struct FindingsJson<'a> {
    text: &'a str,
    index: LineIndex,
    findings: &'a [Finding],
}

impl Serialize for FindingsJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Json<'a, R, F> {
            code: &'static str,
            fixes: F,
            message: &'a str,
            name: Option<&'static str>,
            range: Span,
            related: R,
            severity: &'static str,
        }
        #[derive(Serialize)]
        struct RelatedJson<'a> {
            message: &'a str,
            range: Span,
        }
        #[derive(Serialize)]
        struct FixJson<'a, E> {
            edits: E,
            title: &'a str,
        }
        #[derive(Serialize)]
        struct EditJson<'a> {
            new_text: &'a str,
            range: Span,
        }
        let span = |range| Span::new(self.text, &self.index, range);
        serializer.collect_seq(self.findings.iter().map(|f| Json {
            code: f.code,
            fixes: Seq(|| {
                f.fixes().iter().map(|fix| FixJson {
                    edits: Seq(|| {
                        fix.edits.iter().map(|e| EditJson {
                            new_text: &e.new_text,
                            range: span(e.range),
                        })
                    }),
                    title: &fix.title,
                })
            }),
            message: &f.message,
            name: rules::lookup(f.code).map(|d| d.name),
            range: span(f.range),
            related: Seq(|| {
                f.related().iter().map(|r| RelatedJson {
                    message: &r.message,
                    range: span(r.range),
                })
            }),
            severity: f.severity.id(),
        }))
    }
}

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

/// A file name as a relative URI reference: `/` separators, anything but
/// unreserved characters percent-encoded (Chinese file names are common).
fn uri(name: &str) -> String {
    if name == "<stdin>" {
        return "stdin".to_string();
    }
    let mut out = String::new();
    for byte in name.replace('\\', "/").bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn region(text: &str, index: &LineIndex, range: TextRange) -> Value {
    let start = index.line_col(text, range.start, Encoding::Utf32);
    let end = index.line_col(text, range.end, Encoding::Utf32);
    json!({
        "startLine": start.line + 1,
        "startColumn": start.col + 1,
        "endLine": end.line + 1,
        "endColumn": end.col + 1,
    })
}

fn location(text: &str, index: &LineIndex, file: &str, range: TextRange) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(file) },
            "region": region(text, index, range),
        }
    })
}

/// SARIF 2.1.0: one run, every rule described, columns in code points.
pub fn to_sarif(checked: &[Checked]) -> Value {
    let rules_json: Vec<Value> = rules::all()
        .map(|d| {
            let mut rule = json!({
                "id": d.code,
                "name": d.name,
                "shortDescription": { "text": d.summary },
                "fullDescription": { "text": d.summary },
                "help": { "text": d.explanation, "markdown": d.explanation },
                "defaultConfiguration": { "level": sarif_level(d.default_severity) },
            });
            if let (Some(url), Some(map)) = (d.url(), rule.as_object_mut()) {
                map.insert("helpUri".to_string(), Value::String(url));
            }
            rule
        })
        .collect();
    let rule_index = |code: &str| rules::all().position(|d| d.code == code);
    let mut results = Vec::new();
    for c in checked {
        let text = &c.input.text;
        let index = LineIndex::new(text);
        let file = c.input.name.as_str();
        for f in &c.findings {
            let mut result = json!({
                "ruleId": f.code,
                "level": sarif_level(f.severity),
                "message": { "text": f.message },
                "locations": [location(text, &index, file, f.range)],
            });
            let Some(map) = result.as_object_mut() else {
                continue;
            };
            if let Some(i) = rule_index(f.code) {
                map.insert("ruleIndex".to_string(), json!(i));
            }
            if !f.related().is_empty() {
                let related: Vec<Value> = f
                    .related()
                    .iter()
                    .enumerate()
                    .map(|(i, r)| {
                        let mut loc = location(text, &index, file, r.range);
                        if let Some(m) = loc.as_object_mut() {
                            m.insert("id".to_string(), json!(i));
                            m.insert("message".to_string(), json!({ "text": r.message }));
                        }
                        loc
                    })
                    .collect();
                map.insert("relatedLocations".to_string(), Value::Array(related));
            }
            if !f.fixes().is_empty() {
                let fixes: Vec<Value> = f
                    .fixes()
                    .iter()
                    .map(|fix| {
                        json!({
                            "description": { "text": fix.title },
                            "artifactChanges": [{
                                "artifactLocation": { "uri": uri(file) },
                                "replacements": fix.edits.iter().map(|e| json!({
                                    "deletedRegion": region(text, &index, e.range),
                                    "insertedContent": { "text": e.new_text },
                                })).collect::<Vec<_>>(),
                            }],
                        })
                    })
                    .collect();
                map.insert("fixes".to_string(), Value::Array(fixes));
            }
            results.push(result);
        }
    }
    let mut driver = json!({
        "name": "baogao",
        "version": env!("CARGO_PKG_VERSION"),
        "rules": rules_json,
    });
    let repository = env!("CARGO_PKG_REPOSITORY");
    if let (false, Some(map)) = (repository.is_empty(), driver.as_object_mut()) {
        map.insert("informationUri".to_string(), json!(repository));
    }
    let mut run = json!({
        "tool": { "driver": driver },
        "columnKind": "unicodeCodePoints",
        "results": results,
    });
    // A file over the size limit is a notification of the run, as SARIF
    // words what a tool did not do.
    let notifications: Vec<Value> = checked
        .iter()
        .filter_map(|c| {
            let notice = c.size_notice()?;
            Some(json!({
                "level": "note",
                "message": { "text": notice },
                "locations": [{
                    "physicalLocation": { "artifactLocation": { "uri": uri(&c.input.name) } }
                }],
            }))
        })
        .collect();
    if let (false, Some(map)) = (notifications.is_empty(), run.as_object_mut()) {
        map.insert(
            "invocations".to_string(),
            json!([{
                "executionSuccessful": true,
                "toolExecutionNotifications": notifications,
            }]),
        );
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn carets_count_two_columns_per_cjk_character() {
        let line = "一、坚持党的领导";
        let (shown, carets) = underline(line, 0, "一、".len());
        assert_eq!(shown, line);
        assert_eq!(carets, "^^^^");
        let mixed = "(一)ab加强";
        let (_, carets) = underline(mixed, "(一)ab".len(), mixed.len());
        // `(` `)` `a` `b` take one column each, `一` two.
        assert_eq!(carets, "      ^^^^");
        let (_, at_end) = underline("各位代表:", "各位代表:".len(), "各位代表:".len());
        assert_eq!(at_end, "         ^");
    }

    #[test]
    fn long_lines_are_cut_around_the_span() {
        let line = format!("{}四、增强监督{}", "甲".repeat(200), "乙".repeat(200));
        let start = "甲".len() * 200;
        let (shown, carets) = underline(&line, start, start + "四、".len());
        assert!(shown.starts_with("...甲"), "{shown}");
        assert!(shown.ends_with("乙..."), "{shown}");
        assert!(UnicodeWidthStr::width(shown.as_str()) <= SHOWN_WIDTH + 6);
        let caret_at = carets.find('^').unwrap();
        let prefix: String = shown.chars().take_while(|&c| c != '四').collect();
        assert_eq!(caret_at, UnicodeWidthStr::width(prefix.as_str()));
        assert_eq!(carets.trim(), "^^^^");
    }

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(uri("tests/fixtures/a b.txt"), "tests/fixtures/a%20b.txt");
        assert_eq!(uri("报告.txt"), "%E6%8A%A5%E5%91%8A.txt");
        assert_eq!(uri("<stdin>"), "stdin");
    }

    #[test]
    fn deny_accepts_singular_and_plural() {
        assert_eq!(parse_deny("warnings"), Ok(Severity::Warning));
        assert_eq!(parse_deny("hint"), Ok(Severity::Hint));
        assert!(parse_deny("loud").is_err());
    }
}
