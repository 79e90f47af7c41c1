//! Published 政府工作报告 (tests/fixtures/published: 41 reports of the
//! lawtext/gov collection, every level of government, 2000–2026, copied byte
//! for byte with the collection's paths). Each is read as a government
//! report, titled, with its review and tasks, and with no warning. Every
//! exception is named with the reason read from the text.

use std::path::{Path, PathBuf};

use baogao::analysis::{self, Analysis};
use baogao::config::Config;
use baogao::report::{Kind, Level, Part};
use baogao::rules::Severity;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/published")
}

/// Every fixture as (its path under `published/`, its text), sorted by path.
fn fixtures() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "md") {
                out.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    walk(&root(), &mut paths);
    paths.sort();
    assert!(paths.len() >= 40, "{} fixtures", paths.len());
    paths
        .into_iter()
        .map(|p| {
            let name = p
                .strip_prefix(root())
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

fn analyze(text: &str) -> Analysis {
    analysis::analyze(text, &Config::default())
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

/// The line at a byte offset, shortened for a message.
fn excerpt(text: &str, offset: usize) -> String {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[start..].lines().next().unwrap_or("");
    line.chars().take(40).collect()
}

/// What the reading of a published report can get wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Misread {
    /// Other than one report root in the text.
    Roots,
    Kind,
    Title,
    Review,
    Tasks,
    /// A part out of the order of a report, at its line.
    Order(usize),
    /// Top-level headings that are no part of the report's order.
    Unplaced,
    /// A finding of warning or worse: its code and its line.
    Finding(&'static str, usize),
}

/// Where a part stands in the order of a report; thanks, lessons and
/// shortcomings close the review in any order.
fn rank(part: Part) -> u8 {
    match part {
        Part::Salutation => 0,
        Part::Opening => 1,
        Part::Review => 2,
        Part::Lessons | Part::Thanks | Part::Shortcomings => 3,
        Part::Tasks => 4,
        Part::Closing => 5,
        Part::Appendix => 6,
    }
}

/// Where a published report is not read as a complete, clean government
/// report, and why: a gap in the copy, or a misreading to fix in the
/// analysis (remove the entry when the fix lands: a stale entry fails).
const EXCEPTIONS: &[(&str, Misread, &str)] = &[
    (
        "政府工作报告-主要城市/沈阳市/2005.md",
        Misread::Tasks,
        "analysis bug: the copy lost the tasks' heading, but after the shortcomings (line 134) come \
         `今年政府工作的指导思想是…` (136), the targets (138) and （一）…（九）: tasks by the order \
         of a report",
    ),
    (
        "政府工作报告-主要城市/沈阳市/2005.md",
        Misread::Finding("BG005", 140),
        "the copy lost the `二、` above the tasks: their （一） restarts with no parent (a gap in the copy)",
    ),
    (
        "政府工作报告-主要城市/沈阳市/2005.md",
        Misread::Finding("BG001", 254),
        "analysis bug: 缺少工作安排 though the tasks are there (lines 136–252, see above)",
    ),
    (
        "政府工作报告-主要城市/石家庄市/2018.md",
        Misread::Finding("BG001", 6),
        "the copy starts at `一、2017年工作回顾`: no salutation and no opening (both reported there)",
    ),
    (
        "政府工作报告-主要城市/石家庄市/2018.md",
        Misread::Unplaced,
        "analysis bug: `三、努力建设人民满意的政府` (line 126), the government's own conduct after \
         the tasks, is in no part (`加强政府自身建设` elsewhere is tasks)",
    ),
    (
        "政府工作报告-主要城市/福州市/2006.md",
        Misread::Finding("BG005", 37),
        "analysis bug: the review holds two lists of bold run-in items, `一、…八、` for 2005 and \
         `一、…六、` for the 十五 period, the second introduced by its own paragraph (line 35): no \
         parent heading is missing",
    ),
    (
        "政府工作报告-其他地市/上饶市/2016.md",
        Misread::Finding("BG009", 93),
        "analysis bug: the paragraph holds two inline lists, `十个方面的战略任务：一是…十是…` and \
         `主要考虑有三个方面：一是…三是…`; the second `一是` starts a new list",
    ),
    (
        "政府工作报告-其他地市/上饶市/2016.md",
        Misread::Finding("BG004", 93),
        "analysis bug: the same two inline lists read as one (`二是` after `十是`)",
    ),
    (
        "政府工作报告-其他地市/四平市/2020.md",
        Misread::Finding("BG001", 9),
        "the copy starts at `一、过去一年工作回顾`: no salutation and no opening (both reported there)",
    ),
    (
        "政府工作报告-其他地市/四平市/2020.md",
        Misread::Finding("BG005", 79),
        "the copy lost the heading of the government's own conduct (`打铁还需自身硬…`, line 77, \
         then （一）…（四）): the （一） restarts with no parent (a gap in the copy)",
    ),
    (
        "政府工作报告-其他地市/邢台市/2024.md",
        Misread::Title,
        "analysis bug: the title and its date and venue share a line \
         (`政府工作报告——2024年1月28日在…会议上`): the title is `政府工作报告`",
    ),
    (
        "政府工作报告-国务院/2002.md",
        Misread::Unplaced,
        "analysis bug: the review is `## 首先报告2001年的工作。` (line 10), closed by \
         `我们也清醒地看到…` (26); `一、…八、` (36–134) are the tasks announced at line 34. Read \
         instead: review `一、`, `二、…七、` in no part, shortcomings at 114, tasks `八、`",
    ),
    (
        "政府工作报告-省自治区/内蒙古自治区/2010.md",
        Misread::Order(52),
        "analysis bug: `今年是实施“十一五”规划的最后一年，我们面临的任务繁重而艰巨…` (line 52) opens \
         the tasks; it is no shortcomings",
    ),
    (
        "政府工作报告-省自治区/内蒙古自治区/2010.md",
        Misread::Unplaced,
        "analysis bug: the tasks' （一）…（八） (62–126) fall out of `二、2010年主要工作` after the \
         misread at line 52",
    ),
    (
        "政府工作报告-省自治区/吉林省/2009.md",
        Misread::Finding("BG001", 7),
        "analysis bug: the salutation opens the opening's paragraph \
         (`各位代表，本届政府履行职责已经一年。现在，我代表省政府…`)",
    ),
    (
        "政府工作报告-省自治区/吉林省/2011.md",
        Misread::Title,
        "analysis bug: the title line carries date, venue and speaker in brackets \
         (`政府工作报告（2011年2月12日在…会议上 省长王儒林）`): the title is `政府工作报告`",
    ),
    (
        "政府工作报告-省自治区/山西省/2022.md",
        Misread::Order(40),
        "analysis bug: `面向新的征程，我们要清醒认识到，外部环境更趋复杂严峻…` (line 40) looks at \
         the year ahead inside `二、2022年工作安排`; the review's shortcomings are line 34 \
         (`…我们必须高度重视并切实解决…`)",
    ),
];

/// A date-and-venue line (`——2021年2月23日在…会议上`, `（2014年2月10日 陈学军）`)
/// or a speaker's line (`××市市长 王××`).
fn is_date_venue_or_speaker(title: &str) -> bool {
    // `2月23日`: a day of a month, not the `2021年` a title may carry.
    let day = title
        .split('月')
        .skip(1)
        .any(|rest| rest.starts_with(|c: char| c.is_ascii_digit()) && rest.contains('日'));
    let dated = day || title.contains("会议上") || title.starts_with(['—', '─', '（', '(']);
    let office = ["总理", "省长", "市长", "州长", "盟长", "主席"]
        .iter()
        .any(|o| title.contains(o));
    dated || office
}

/// Everything wrong with the reading of one published report.
fn misreads(text: &str, analysis: &Analysis) -> Vec<(Misread, String)> {
    let mut out = Vec::new();
    let reports = &analysis.document.reports;
    if reports.len() != 1 {
        let titles: Vec<String> = reports
            .iter()
            .map(|r| match &r.title {
                Some(t) => format!("{:?} at line {}", t.text, line_of(text, t.range.start)),
                None => format!("untitled at line {}", line_of(text, r.range.start)),
            })
            .collect();
        out.push((
            Misread::Roots,
            format!("{} report roots: {}", reports.len(), titles.join(", ")),
        ));
    }
    if let Some(report) = reports.first() {
        if report.kind != Kind::Government {
            out.push((
                Misread::Kind,
                format!("read as {} ({:?})", report.kind.name(), report.evidence),
            ));
        }
        match &report.title {
            None => out.push((Misread::Title, "no title".to_string())),
            Some(t) if is_date_venue_or_speaker(&t.text) => out.push((
                Misread::Title,
                format!("title {:?} is a date-and-venue or speaker line", t.text),
            )),
            Some(t) if !t.text.contains("政府工作报告") => out.push((
                Misread::Title,
                format!("title {:?} does not say 政府工作报告", t.text),
            )),
            Some(_) => {}
        }
        for (part, misread) in [
            (Part::Review, Misread::Review),
            (Part::Tasks, Misread::Tasks),
        ] {
            if report.part(part).is_none() {
                out.push((misread, format!("no {} part", part.id())));
            }
        }
        // The first part that comes after one it should precede.
        let mut last: Option<(Part, usize)> = None;
        for node in report.walk() {
            let Some(part) = node.part else { continue };
            let line = line_of(text, node.heading.start);
            if let Some((before, at)) = last.filter(|(b, _)| rank(*b) > rank(part)) {
                out.push((
                    Misread::Order(line),
                    format!(
                        "{} at line {line} ({}) after the {} at line {at}",
                        part.id(),
                        excerpt(text, node.heading.start),
                        before.id(),
                    ),
                ));
                break;
            }
            last = Some((part, line));
        }
        let unplaced: Vec<String> = report
            .nodes
            .iter()
            .filter(|n| n.part.is_none() && n.level != Level::Item)
            .map(|n| {
                format!(
                    "{} ({})",
                    line_of(text, n.heading.start),
                    excerpt(text, n.heading.start)
                )
            })
            .collect();
        if !unplaced.is_empty() {
            out.push((
                Misread::Unplaced,
                format!(
                    "top-level headings in no part at lines {}",
                    unplaced.join(", ")
                ),
            ));
        }
    }
    for f in analysis
        .findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
    {
        let line = line_of(text, f.range.start);
        out.push((
            Misread::Finding(f.code, line),
            format!(
                "{} at line {line} ({}): {}",
                f.code,
                excerpt(text, f.range.start),
                f.message
            ),
        ));
    }
    out
}

#[test]
fn every_published_report_is_read_as_a_clean_government_report() {
    let mut used = vec![false; EXCEPTIONS.len()];
    let mut failures = Vec::new();
    for (name, text) in fixtures() {
        for (misread, detail) in misreads(&text, &analyze(&text)) {
            match EXCEPTIONS
                .iter()
                .position(|&(file, m, _)| file == name && m == misread)
            {
                Some(i) => used[i] = true,
                None => failures.push(format!("{name}: {detail}")),
            }
        }
    }
    for (&(file, misread, reason), used) in EXCEPTIONS.iter().zip(used) {
        if !used {
            failures.push(format!(
                "{file}: {misread:?} is read right now: remove its exception ({reason})"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} published reports misread:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
