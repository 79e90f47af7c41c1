//! Hover text for figures, in Markdown: short enough to scan, the same in
//! the editor and on the command line.

use std::fmt::Write as _;

use rust_decimal::Decimal;

use super::{Category, Contradiction, Figure};
use crate::text::TextRange;

/// How many of the largest figures a section summary lists.
const LARGEST: usize = 5;

/// A section's figures at a glance: how many there are, totals per category
/// in human units, the largest, and any that contradict another mention.
/// `metrics` and `contradictions` are those of the whole report (or
/// document), the metrics in text order as [`figures`](super::figures)
/// gives them; only the figures inside `section` are counted, and a
/// contradiction is shown when either of its mentions is inside.
pub fn section_summary(
    text: &str,
    metrics: &[Figure],
    contradictions: &[Contradiction],
    section: TextRange,
) -> String {
    // The figures starting in the section, found by binary search: the
    // `metrics` command sums every section of a compilation.
    let first = metrics.partition_point(|m| m.range.start < section.start);
    let last = metrics.partition_point(|m| m.range.start <= section.end);
    let inside: Vec<&Figure> = metrics
        .get(first..last.max(first))
        .unwrap_or_default()
        .iter()
        .filter(|m| section.contains_range(m.range))
        .collect();
    let clashes: Vec<(&Figure, &Figure)> = contradictions
        .iter()
        .filter_map(|c| Some((metrics.get(c.first)?, metrics.get(c.second)?)))
        .filter(|(a, b)| section.contains_range(a.range) || section.contains_range(b.range))
        .collect();
    if inside.is_empty() && clashes.is_empty() {
        return "本部分没有数据。".to_string();
    }

    let mut out = String::new();
    let approx = inside.iter().filter(|m| !m.is_exact()).count();
    let _ = write!(out, "**数据 {} 项**", inside.len());
    if approx > 0 {
        let _ = write!(out, "（约数 {approx} 项）");
    }
    out.push_str("\n\n");

    for category in Category::ALL {
        let of: Vec<&Figure> = inside
            .iter()
            .copied()
            .filter(|m| m.category == category)
            .collect();
        if of.is_empty() {
            continue;
        }
        let _ = writeln!(out, "- {}：{}", category.name(), totals(category, &of));
    }

    let mut largest: Vec<&Figure> = inside
        .iter()
        .copied()
        .filter(|m| m.category != Category::Rate)
        .collect();
    largest.sort_by(|a, b| {
        b.value
            .cmp(&a.value)
            .then(a.range.start.cmp(&b.range.start))
    });
    if largest.len() > 1 {
        out.push_str("\n**最大的几项**\n");
        for (n, m) in largest.iter().take(LARGEST).enumerate() {
            let _ = writeln!(out, "{}. {}", n + 1, mention(text, m));
        }
    }

    if !clashes.is_empty() {
        out.push_str("\n**前后不一致**\n");
        for (a, b) in clashes {
            let _ = writeln!(
                out,
                "- {}：{} ≠ {}",
                escape(&a.what),
                escape(a.range.slice(text)),
                escape(b.range.slice(text))
            );
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// The totals of one category: money summed in 元, rates listed (never
/// summed), anything else summed per measure word.
fn totals(category: Category, metrics: &[&Figure]) -> String {
    let about = if metrics.iter().any(|m| !m.is_exact()) {
        "约"
    } else {
        ""
    };
    match category {
        Category::Money => {
            let sum: Decimal = metrics.iter().map(|m| m.value).sum();
            format!("{about}{}，{} 项", money(sum), metrics.len())
        }
        Category::Rate => {
            let shown: Vec<String> = metrics
                .iter()
                .take(3)
                .map(|m| format!("{}{}", format_value(m.value), m.unit))
                .collect();
            let more = if metrics.len() > 3 { " …" } else { "" };
            format!(
                "{}{more}（{} 项，不相加）",
                shown.join(" · "),
                metrics.len()
            )
        }
        _ => {
            let mut units: Vec<(&str, Decimal, bool)> = Vec::new();
            for m in metrics {
                match units.iter_mut().find(|(u, _, _)| *u == m.unit) {
                    Some(entry) => {
                        entry.1 += m.value;
                        entry.2 |= !m.is_exact();
                    }
                    None => units.push((m.unit, m.value, !m.is_exact())),
                }
            }
            units
                .iter()
                .map(|(unit, sum, approx)| {
                    format!(
                        "{}{} {unit}",
                        if *approx { "约" } else { "" },
                        format_value(*sum)
                    )
                })
                .collect::<Vec<_>>()
                .join(" · ")
        }
    }
}

/// One figure as the drafter wrote it, with its reading and what it counts.
fn mention(text: &str, m: &Figure) -> String {
    let written = m.range.slice(text);
    let reading = if m.category == Category::Money {
        money(m.value)
    } else {
        format!("{} {}", format_value(m.value), m.unit)
    };
    let what = if m.what.is_empty() {
        String::new()
    } else {
        format!("{} ", escape(&m.what))
    };
    format!("{what}**{}** — {reading}", escape(written))
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
    if let Some(period) = &metric.period {
        let _ = writeln!(out, "- 时段：{}", escape(period));
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

/// An amount of money: `4.8亿元（480,000,000 元）`, `480万元（4,800,000 元）`,
/// `3,500 元`.
fn money(yuan: Decimal) -> String {
    let human = format_amount(yuan);
    let exact = format_value(yuan);
    if human == exact {
        format!("{exact} 元")
    } else {
        format!("{human}元（{exact} 元）")
    }
}

/// A value in 万 or 亿 where that is how Chinese writes it (`4.8亿`,
/// `480万`), exactly, with no rounding; smaller values as [`format_value`].
pub fn format_amount(value: Decimal) -> String {
    const YI: Decimal = Decimal::from_parts(100_000_000, 0, 0, false, 0);
    const WAN: Decimal = Decimal::from_parts(10_000, 0, 0, false, 0);
    let magnitude = value.abs();
    let (scaled, suffix) = if magnitude >= YI {
        (value.checked_div(YI), "亿")
    } else if magnitude >= WAN {
        (value.checked_div(WAN), "万")
    } else {
        (Some(value), "")
    };
    match scaled {
        Some(v) => format!("{}{suffix}", format_value(v)),
        None => format_value(value),
    }
}

/// A decimal with thousands separators and no trailing zeros: `14,600`,
/// `90.51`, `1,234.5`.
pub fn format_value(value: Decimal) -> String {
    let plain = value.normalize().to_string();
    let (sign, plain) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain.as_str()),
    };
    let (int, frac) = plain.split_once('.').unwrap_or((plain, ""));
    let mut out = String::with_capacity(plain.len() + int.len() / 3 + 1);
    out.push_str(sign);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
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
    fn formats_values_exactly() {
        assert_eq!(format_value(dec("480000000")), "480,000,000");
        assert_eq!(format_value(dec("90.51")), "90.51");
        assert_eq!(format_value(dec("1234.50")), "1,234.5");
        assert_eq!(format_value(dec("999")), "999");
        assert_eq!(format_amount(dec("480000000")), "4.8亿");
        assert_eq!(format_amount(dec("4800000")), "480万");
        assert_eq!(format_amount(dec("123456789")), "1.23456789亿");
        assert_eq!(format_amount(dec("3500")), "3,500");
        assert_eq!(money(dec("480000000")), "4.8亿元（480,000,000 元）");
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
    }

    #[test]
    fn summarises_a_section() {
        let text = "召开常委会会议9次,审议法规32件,通过18件,组织代表捐款捐物480余万元,\
                    筹集资金约4.32亿元,接待群众14600余人次,参选率达90.51%。\n召开常委会会议8次。";
        let metrics = extract(text);
        let clashes = contradictions(&metrics, &[]);
        let first_line = TextRange::new(0, text.find('\n').unwrap());
        let summary = section_summary(text, &metrics, &clashes, first_line);
        assert_eq!(
            summary,
            "**数据 7 项**（约数 3 项）\n\n\
             - 金额：约4.368亿元（436,800,000 元），2 项\n\
             - 人员：约14,600 人次\n\
             - 活动：9 次\n\
             - 文件事项：50 件\n\
             - 比率：90.51%（1 项，不相加）\n\n\
             **最大的几项**\n\
             1. 筹集资金 **约4.32亿元** — 4.32亿元（432,000,000 元）\n\
             2. 组织代表捐款捐物 **480余万元** — 480万元（4,800,000 元）\n\
             3. 接待群众 **14600余人次** — 14,600 人次\n\
             4. 审议法规 **32件** — 32 件\n\
             5. 通过(法规) **18件** — 18 件\n\n\
             **前后不一致**\n\
             - 召开常委会会议：9次 ≠ 8次"
        );
        assert_eq!(
            section_summary(text, &[], &[], first_line),
            "本部分没有数据。"
        );
    }
}
