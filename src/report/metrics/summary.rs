//! A section's figures at a glance, as plain data ([`Summary`], the same in
//! the editor's hover and in `baogao metrics`) and as Markdown: the figures
//! its heading or lead sentence names, the targets it sets, then per period
//! and category how many there are and the largest, with what they count.
//! Nothing is added up but a stated total's parts (see [`stated_totals`]):
//! a sum across different things or periods says nothing a drafter can use.

use std::cmp::Ordering;
use std::fmt::Write as _;

use rust_decimal::Decimal;
use serde::Serialize;

use super::totals::stated_totals;
use super::written::{self, format_amount, format_value, Written};
use super::{Category, Claim, Contradiction, Figure, Span};
use crate::report::{Node, Part, Report};
use crate::text::TextRange;

/// How many figures a line lists: the largest of a category, or the first
/// rates.
const SHOWN: usize = 3;

/// How many figures of its lead sentence a summary lists first.
const LEAD: usize = 6;

/// How many targets of a `主要预期目标是：…` sentence are listed.
const TARGETS: usize = 12;

/// Longest target clause, in characters: longer ones are prose.
const MAX_TARGET_CHARS: usize = 40;

/// What a summary is of: a section (its range, heading and own text before
/// its first subsection), or a whole report.
#[derive(Debug, Clone, Copy)]
pub struct Section {
    pub range: TextRange,
    pub heading: Option<TextRange>,
    /// Where the section's own text ends: its first subsection's start.
    pub own_end: usize,
    /// The year the section reports on, when the report says which.
    pub year: Option<u32>,
}

impl Section {
    /// A section of `report`: in its review, a figure naming no year is of
    /// the year before the session; in its tasks, of the session's year.
    pub fn of_node(report: &Report, node: &Node) -> Section {
        let part = report
            .nodes
            .iter()
            .find(|n| n.range.contains_range(node.range))
            .and_then(|n| n.part);
        let year = report.session_year.and_then(|y| match part {
            Some(Part::Review) => y.checked_sub(1),
            Some(Part::Tasks) => Some(y),
            _ => None,
        });
        Section {
            range: node.range,
            heading: Some(node.heading),
            own_end: node
                .children
                .first()
                .map_or(node.range.end, |c| c.range.start),
            year,
        }
    }

    /// A whole report or text: no heading, no lead sentence, and its parts
    /// may be of different years.
    pub fn whole(range: TextRange) -> Section {
        Section {
            range,
            heading: None,
            own_end: range.start,
            year: None,
        }
    }
}

/// One figure as the summary shows it: what it counts and how it is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyFigure {
    /// Index into the figures given to [`summarize`].
    pub index: usize,
    pub what: String,
    /// As written: `达38.7万亿元`.
    pub text: String,
    /// The period as a drafter reads it: `2025年`, `五年来`, `当年`, `目标`.
    pub period: String,
}

/// The figures of one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeriodGroup {
    pub span: Span,
    pub period: String,
    pub figures: usize,
    pub categories: Vec<CategoryGroup>,
}

/// The figures of one category in one period: how many, and the largest
/// (for rates, the first), never a sum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryGroup {
    pub category: Category,
    pub figures: usize,
    pub shown: Vec<KeyFigure>,
}

/// How the sum of a stated total's parts compares with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Agreement {
    /// The parts add up to the total.
    Equal,
    /// Less: `其中` names only some parts.
    Below,
    /// More than the total: a slip, or parts that overlap.
    Above,
    /// A figure is approximate: no comparison.
    Approximate,
}

/// A stated total beside the sum of the parts listed under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Total {
    pub total: KeyFigure,
    pub parts: Vec<KeyFigure>,
    /// The sum as a report writes it: `28件`, `15400万元`.
    pub sum: String,
    pub agreement: Agreement,
}

/// Two mentions of one thing that disagree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Clash {
    pub first: KeyFigure,
    pub second: KeyFigure,
}

/// A section's figures at a glance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub figures: usize,
    pub approximate: usize,
    /// The figures its heading, or else its lead sentence, names.
    pub lead: Vec<KeyFigure>,
    /// The targets of a `主要预期目标是：…` sentence, as written.
    pub targets: Vec<String>,
    /// The figures per period: one year, several, a running total, targets.
    pub periods: Vec<PeriodGroup>,
    pub totals: Vec<Total>,
    pub contradictions: Vec<Clash>,
}

/// The summary of `section`. `metrics` and `contradictions` are those of
/// the whole report (or document), the metrics in text order as
/// [`figures`](super::figures) gives them; only the figures inside the
/// section are counted, and a contradiction is shown when either of its
/// mentions is inside.
pub fn summarize(
    text: &str,
    metrics: &[Figure],
    contradictions: &[Contradiction],
    section: Section,
) -> Summary {
    let range = section.range;
    // The figures starting in the section, found by binary search: the
    // `metrics` command summarises every section of a compilation.
    let first = metrics.partition_point(|m| m.range.start < range.start);
    let last = metrics
        .partition_point(|m| m.range.start <= range.end)
        .max(first);
    let inside: Vec<usize> = (first..last)
        .filter(|&i| {
            metrics
                .get(i)
                .is_some_and(|m| range.contains_range(m.range))
        })
        .collect();
    let unnamed = unnamed_year(metrics, &inside, section);
    let key = |i: usize| key_figure(text, metrics, i, &unnamed);
    let periods = period_groups(metrics, &inside, &unnamed)
        .into_iter()
        .map(|(span, period, members)| PeriodGroup {
            span,
            figures: members.len(),
            categories: category_groups(metrics, &members, &key),
            period,
        })
        .collect();
    let (targets, targets_at) = targets(text, range);
    let window = metrics.get(first..last).unwrap_or_default();
    let totals = stated_totals(text, window)
        .into_iter()
        .filter_map(|t| {
            total(
                text,
                metrics,
                first + t.total,
                t.parts.iter().map(|p| first + p),
                &key,
            )
        })
        .filter(|t| {
            std::iter::once(&t.total)
                .chain(&t.parts)
                .all(|k| inside.contains(&k.index))
        })
        .collect();
    Summary {
        figures: inside.len(),
        approximate: inside
            .iter()
            .filter(|&&i| metrics.get(i).is_some_and(|m| !m.is_exact()))
            .count(),
        lead: lead(metrics, &inside, section)
            .into_iter()
            .filter(|&i| {
                // The targets, listed whole, are not repeated as the lead.
                metrics
                    .get(i)
                    .is_none_or(|m| !targets_at.is_some_and(|t| t.contains_range(m.range)))
            })
            .map(key)
            .collect(),
        targets,
        periods,
        totals,
        contradictions: contradictions
            .iter()
            .filter(|c| {
                [c.first, c.second].iter().any(|&i| {
                    metrics
                        .get(i)
                        .is_some_and(|m| range.contains_range(m.range))
                })
            })
            .filter(|c| c.first < metrics.len() && c.second < metrics.len())
            .map(|c| Clash {
                first: key(c.first),
                second: key(c.second),
            })
            .collect(),
    }
}

/// The summary of `section` in Markdown, as a hover shows it.
pub fn section_summary(
    text: &str,
    metrics: &[Figure],
    contradictions: &[Contradiction],
    section: Section,
) -> String {
    summarize(text, metrics, contradictions, section).markdown()
}

fn key_figure(text: &str, metrics: &[Figure], index: usize, unnamed: &str) -> KeyFigure {
    let m = metrics.get(index);
    KeyFigure {
        index,
        what: m.map_or(String::new(), |m| m.what.clone()),
        text: m.map_or("", |m| m.range.slice(text)).to_string(),
        period: m.map_or("", |m| label(m, unnamed)).to_string(),
    }
}

/// The figures of the section's heading, or else of the first sentence of
/// its own text that holds any; none when that is all the section's.
fn lead(metrics: &[Figure], inside: &[usize], section: Section) -> Vec<usize> {
    let at = |i: &usize| metrics.get(*i);
    let in_heading = |m: &Figure| section.heading.is_some_and(|h| h.contains_range(m.range));
    let heading_end = section.heading.map_or(section.range.start, |h| h.end);
    let own = |m: &Figure| m.range.start >= heading_end && m.range.end <= section.own_end;
    let first_sentence = inside
        .iter()
        .filter_map(&at)
        .find(|m| own(m))
        .map(|m| m.sentence);
    let heads = inside.iter().any(|i| at(i).is_some_and(in_heading));
    let lead: Vec<usize> = inside
        .iter()
        .copied()
        .filter(|i| {
            at(i).is_some_and(|m| {
                if heads {
                    in_heading(m)
                } else {
                    own(m) && Some(m.sentence) == first_sentence
                }
            })
        })
        .take(LEAD)
        .collect();
    if lead.len() == inside.len() {
        return Vec::new();
    }
    lead
}

/// The label of a figure that names no year: the year the section reports
/// on when the report says (its review is of the year before the session,
/// its tasks of the session's), else the one year the section names, if it
/// names exactly one, else `当年`.
fn unnamed_year(metrics: &[Figure], inside: &[usize], section: Section) -> String {
    if let Some(year) = section.year {
        return format!("{year}年");
    }
    let mut years: Vec<&str> = inside
        .iter()
        .filter_map(|&i| metrics.get(i))
        .filter(|m| m.span == Span::Year)
        .filter_map(|m| m.period.as_deref())
        .collect();
    years.sort_unstable();
    years.dedup();
    match years.as_slice() {
        [one] => one.to_string(),
        _ => Span::Year.name().to_string(),
    }
}

/// A figure's period as the summary labels it; `unnamed` is that of a
/// figure naming no year.
fn label<'a>(m: &'a Figure, unnamed: &'a str) -> &'a str {
    match (m.span, &m.period) {
        (Span::Year, None) => unnamed,
        _ => m.period_label(),
    }
}

/// The figures grouped by period, in the order of [`Span`] and then of the
/// text.
fn period_groups(
    metrics: &[Figure],
    inside: &[usize],
    unnamed: &str,
) -> Vec<(Span, String, Vec<usize>)> {
    let mut groups: Vec<(Span, String, Vec<usize>)> = Vec::new();
    for &i in inside {
        let Some(m) = metrics.get(i) else { continue };
        let label = label(m, unnamed);
        match groups
            .iter_mut()
            .find(|(span, period, _)| *span == m.span && period == label)
        {
            Some((.., members)) => members.push(i),
            None => groups.push((m.span, label.to_string(), vec![i])),
        }
    }
    groups.sort_by_key(|(span, ..)| *span);
    groups
}

/// Per category, how many figures and which to show: the largest results
/// (not where a change started), or the first rates.
fn category_groups(
    metrics: &[Figure],
    members: &[usize],
    key: &impl Fn(usize) -> KeyFigure,
) -> Vec<CategoryGroup> {
    Category::ALL
        .iter()
        .filter_map(|&category| {
            let of: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&i| metrics.get(i).is_some_and(|m| m.category == category))
                .collect();
            if of.is_empty() {
                return None;
            }
            let mut shown: Vec<usize> = of
                .iter()
                .copied()
                .filter(|&i| metrics.get(i).is_some_and(|m| m.claim != Claim::Change))
                .collect();
            if category != Category::Rate {
                let value = |i: usize| metrics.get(i).map(|m| m.value);
                shown.sort_by(|&a, &b| value(b).cmp(&value(a)).then(a.cmp(&b)));
            }
            shown.truncate(SHOWN);
            Some(CategoryGroup {
                category,
                figures: of.len(),
                shown: shown.into_iter().map(key).collect(),
            })
        })
        .collect()
}

/// A stated total with the sum of its parts written as they are.
fn total(
    text: &str,
    metrics: &[Figure],
    index: usize,
    parts: impl Iterator<Item = usize>,
    key: &impl Fn(usize) -> KeyFigure,
) -> Option<Total> {
    let stated = metrics.get(index)?;
    let parts: Vec<usize> = parts.collect();
    let figures: Vec<&Figure> = parts.iter().filter_map(|&i| metrics.get(i)).collect();
    let value: Decimal = figures.iter().map(|m| m.value).sum();
    let approx = figures.iter().any(|m| !m.is_exact());
    let written: Vec<Written> = figures.iter().map(|m| Written::of(text, m)).collect();
    let agreement = if approx || !stated.is_exact() {
        Agreement::Approximate
    } else {
        match value.cmp(&stated.value) {
            Ordering::Equal => Agreement::Equal,
            Ordering::Less => Agreement::Below,
            Ordering::Greater => Agreement::Above,
        }
    };
    Some(Total {
        total: key(index),
        parts: parts.iter().map(|&i| key(i)).collect(),
        sum: written::sum(value, written::unit_of(stated), &written, approx),
        agreement,
    })
}

/// The targets a `主要预期目标是：…` sentence of `range` lists: its clauses
/// that hold a number, as written (`地区生产总值增长5%左右`), and where
/// they are.
fn targets(text: &str, range: TextRange) -> (Vec<String>, Option<TextRange>) {
    let Some(body) = text.get(range.start..range.end) else {
        return (Vec::new(), None);
    };
    for (at, _) in body.match_indices("目标") {
        let head = &body[..at];
        if !(head.ends_with("预期") || head.ends_with("主要")) {
            continue;
        }
        let rest = &body[at + "目标".len()..];
        let Some(colon) = rest
            .char_indices()
            .take(4)
            .find(|&(_, c)| c == '：' || c == ':')
            .map(|(i, c)| i + c.len_utf8())
        else {
            continue;
        };
        let sentence = rest[colon..].split(['。', '\n', '\r']).next().unwrap_or("");
        let clauses: Vec<String> = sentence
            .split(['，', '；', ',', ';'])
            .map(str::trim)
            .filter(|c| {
                c.chars()
                    .any(|ch| ch.is_ascii_digit() || ('０'..='９').contains(&ch))
                    && c.chars().count() <= MAX_TARGET_CHARS
            })
            .take(TARGETS)
            .map(str::to_string)
            .collect();
        if !clauses.is_empty() {
            let start = range.start + at + "目标".len() + colon;
            return (clauses, Some(TextRange::new(start, start + sentence.len())));
        }
    }
    (Vec::new(), None)
}

impl Summary {
    /// The summary in Markdown: short enough to scan.
    pub fn markdown(&self) -> String {
        if self.figures == 0 && self.contradictions.is_empty() && self.targets.is_empty() {
            return "本部分没有数据。".to_string();
        }
        let mut out = String::new();
        let _ = write!(out, "**数据 {} 项**", self.figures);
        if self.approximate > 0 {
            let _ = write!(out, "（约数 {} 项）", self.approximate);
        }
        out.push('\n');
        if !self.lead.is_empty() {
            out.push_str("\n**要点**\n");
            for k in &self.lead {
                let _ = writeln!(out, "- {}", shown(k));
            }
        }
        if !self.targets.is_empty() {
            out.push_str("\n**主要预期目标**\n");
            for t in &self.targets {
                let _ = writeln!(out, "- {}", escape(t));
            }
        }
        // One period needs no heading unless it is not the year's own.
        let headed =
            self.periods.len() > 1 || self.periods.first().is_some_and(|p| p.span != Span::Year);
        for group in &self.periods {
            if headed {
                let _ = writeln!(
                    out,
                    "\n**{}**（{} 项）",
                    escape(&group.period),
                    group.figures
                );
            } else {
                out.push('\n');
            }
            for c in &group.categories {
                let listed: Vec<String> = c.shown.iter().map(shown).collect();
                let more = if c.figures > listed.len() {
                    " · …"
                } else {
                    ""
                };
                let _ = writeln!(
                    out,
                    "- {} {} 项：{}{more}",
                    c.category.name(),
                    c.figures,
                    listed.join(" · ")
                );
            }
        }
        if !self.totals.is_empty() {
            out.push_str("\n**总数与分项**\n");
            for t in &self.totals {
                let parts: Vec<String> = t.parts.iter().map(|p| escape(&p.text)).collect();
                let note = match t.agreement {
                    Agreement::Equal => "（相符）",
                    Agreement::Above => "（分项之和大于总数）",
                    Agreement::Below | Agreement::Approximate => "",
                };
                // One part is its own sum.
                let sum = if parts.len() > 1 {
                    format!(" = {}", escape(&t.sum))
                } else {
                    String::new()
                };
                let _ = writeln!(
                    out,
                    "- {} {}，其中 {}{sum}{note}",
                    escape(&t.total.what),
                    escape(&t.total.text),
                    parts.join(" + "),
                );
            }
        }
        if !self.contradictions.is_empty() {
            out.push_str("\n**前后不一致**\n");
            for c in &self.contradictions {
                let _ = writeln!(
                    out,
                    "- {}：{} ≠ {}",
                    escape(&c.first.what),
                    escape(&c.first.text),
                    escape(&c.second.text)
                );
            }
        }
        out.truncate(out.trim_end().len());
        out
    }
}

/// A figure with what it counts: `货物进出口总额 **9.5万亿元**`.
fn shown(k: &KeyFigure) -> String {
    if k.what.is_empty() {
        format!("**{}**", escape(&k.text))
    } else {
        format!("{} **{}**", escape(&k.what), escape(&k.text))
    }
}

/// How a single figure was read: its exact value and unit, whether it is
/// approximate, what it counts and its category.
pub fn describe(metric: &Figure) -> String {
    let mut out = String::new();
    let reading = if metric.category == Category::Money {
        money(metric.value)
    } else {
        format!("{} {}", format_value(metric.value), metric.unit)
    };
    let _ = write!(out, "**{reading}**");
    match metric.approx {
        Some(marker) if !metric.is_exact() => {
            let _ = write!(out, "，约数（“{marker}”：{}）", marker_meaning(marker));
        }
        _ => out.push_str("，确数"),
    }
    out.push_str("\n\n");
    let _ = write!(out, "- 类别：{}", metric.category.name());
    if metric.category != Category::Money {
        let _ = write!(out, "（{}）", metric.unit);
    }
    out.push('\n');
    if !metric.what.is_empty() {
        let borrowed = if metric.what_source == super::WhatSource::Borrowed {
            "（宾语承前）"
        } else {
            ""
        };
        let _ = writeln!(out, "- 所计：{}{borrowed}", escape(&metric.what));
    }
    if metric.period.is_some() || metric.span != Span::Year {
        let _ = writeln!(out, "- 时段：{}", escape(metric.period_label()));
    }
    out.truncate(out.trim_end().len());
    out
}

fn marker_meaning(marker: &str) -> &'static str {
    match marker {
        "余" | "多" => "略多于此数",
        "逾" | "超" | "超过" | "以上" | "多达" | "突破" => "超过此数",
        "不少于" | "不低于" => "不少于此数",
        "以下" | "以内" | "不超过" => "不超过此数",
        "近" | "将近" | "接近" => "略少于此数",
        "达" | "达到" | "高达" => "达到此数",
        _ => "约为此数",
    }
}

/// An amount of money read alone: `480万元（4,800,000 元）`, `3,500 元`,
/// `38.7万亿元`. The exact yuan helps read an amount below 1亿; above, its
/// string of zeros does not.
fn money(yuan: Decimal) -> String {
    const YI: Decimal = Decimal::from_parts(100_000_000, 0, 0, false, 0);
    let human = format_amount(yuan);
    let exact = format_value(yuan);
    if human == exact {
        format!("{exact} 元")
    } else if yuan.abs() >= YI {
        format!("{human}元")
    } else {
        format!("{human}元（{exact} 元）")
    }
}

/// Escapes the characters Markdown would read as markup.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        if matches!(
            ch,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::metrics::{contradictions, extract};
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn money_read_alone_shows_its_yuan() {
        assert_eq!(money(dec("4800000")), "480万元（4,800,000 元）");
        assert_eq!(money(dec("480000000")), "4.8亿元");
        assert_eq!(money(dec("38700000000000")), "38.7万亿元");
        assert_eq!(money(dec("3500")), "3,500 元");
    }

    #[test]
    fn describes_one_figure() {
        let m = &extract("组织代表捐款捐物480余万元。")[0];
        assert_eq!(
            describe(m),
            "**480万元（4,800,000 元）**，约数（“余”：略多于此数）\n\n- 类别：金额\n- 所计：组织代表捐款捐物"
        );
        let m = &extract("2022年共召开市人大常委会会议9次")[0];
        assert_eq!(
            describe(m),
            "**9 次**，确数\n\n- 类别：活动（次）\n- 所计：召开市人大常委会会议\n- 时段：2022年"
        );
        let m = &extract("力争完成投资480亿元")[0];
        assert!(describe(m).ends_with("- 时段：目标"), "{}", describe(m));
    }

    #[test]
    fn summarises_a_section() {
        let text = "共召开常委会会议9次,审议法规32件,其中制定18件、修改10件,组织代表捐款捐物480余万元,\
                    筹集资金约4.32亿元,接待群众14600余人次,参选率达90.51%。五年来审议法规120件。\n召开常委会会议8次。";
        let metrics = extract(text);
        let clashes = contradictions(&metrics, &[]);
        let first_line = TextRange::new(0, text.find('\n').unwrap());
        let summary = section_summary(text, &metrics, &clashes, Section::whole(first_line));
        assert_eq!(
            summary,
            "**数据 9 项**（约数 3 项）\n\n\
             **当年**（8 项）\n\
             - 金额 2 项：筹集资金 **约4.32亿元** · 组织代表捐款捐物 **480余万元**\n\
             - 人员 1 项：接待群众 **14600余人次**\n\
             - 活动 1 项：召开常委会会议 **9次**\n\
             - 文件事项 3 项：审议法规 **32件** · 制定(法规) **18件** · 修改(法规) **10件**\n\
             - 比率 1 项：参选率 **达90.51%**\n\n\
             **五年**（1 项）\n\
             - 文件事项 1 项：审议法规 **120件**\n\n\
             **总数与分项**\n\
             - 审议法规 32件，其中 18件 + 10件 = 28件\n\n\
             **前后不一致**\n\
             - 召开常委会会议：9次 ≠ 8次"
        );
        assert_eq!(
            section_summary(text, &[], &[], Section::whole(first_line)),
            "本部分没有数据。"
        );
    }

    #[test]
    fn a_stated_total_beside_its_parts() {
        let text = "共审议法规32件,其中制定18件、修改10件。共筹集资金1.2亿元,其中捐款3400万元、拨款8600万元。";
        let metrics = extract(text);
        let whole = Section::whole(TextRange::new(0, text.len()));
        let summary = summarize(text, &metrics, &[], whole);
        let totals: Vec<(&str, &str, Agreement)> = summary
            .totals
            .iter()
            .map(|t| (t.total.text.as_str(), t.sum.as_str(), t.agreement))
            .collect();
        assert_eq!(
            totals,
            [
                ("32件", "28件", Agreement::Below),
                ("1.2亿元", "12000万元", Agreement::Equal)
            ]
        );
        assert!(summary
            .markdown()
            .contains("- 审议法规 32件，其中 18件 + 10件 = 28件\n"));
        let text = "办理建议1285件，其中1015件上网公开。";
        let whole = Section::whole(TextRange::new(0, text.len()));
        let summary = summarize(text, &extract(text), &[], whole);
        assert!(summary
            .markdown()
            .ends_with("- 办理建议 1285件，其中 1015件"));
    }

    #[test]
    fn leads_and_targets_first() {
        let text = "二、今年工作\n今年经济社会发展主要预期目标是：地区生产总值增长5%左右，一般公共预算收入增长4%左右，\
                    城镇调查失业率控制在5%以内，居民收入增长和经济增长同步。全市新增就业30万人。\n(一)第一项\n完成投资100亿元。";
        let document = crate::report::analyze(text);
        let metrics = extract(text);
        let report = &document.reports[0];
        let summary = summarize(
            text,
            &metrics,
            &[],
            Section::of_node(report, &report.nodes[0]),
        );
        assert_eq!(
            summary.targets,
            [
                "地区生产总值增长5%左右",
                "一般公共预算收入增长4%左右",
                "城镇调查失业率控制在5%以内"
            ]
        );
        // The lead sentence is the targets': not repeated.
        assert!(summary.lead.is_empty(), "{:?}", summary.lead);
        let text =
            "二、今年工作\n全市新增就业30万人，完成投资100亿元。\n(一)第一项\n完成投资100亿元。";
        let document = crate::report::analyze(text);
        let metrics = extract(text);
        let report = &document.reports[0];
        let summary = summarize(
            text,
            &metrics,
            &[],
            Section::of_node(report, &report.nodes[0]),
        );
        let lead: Vec<&str> = summary.lead.iter().map(|k| k.text.as_str()).collect();
        assert_eq!(lead, ["30万人", "100亿元"]);
    }
}
