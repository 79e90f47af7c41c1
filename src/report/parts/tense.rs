//! When a top-level part is set, as its heading says it: the years and
//! five-year plans it names against the year of the session, or its words.

use std::sync::LazyLock;

use regex::Regex;

use crate::report::Words;

/// The year a part heading is about: `2022年工作回顾` → 2022,
/// `二〇二三年的主要工作` → 2023.
pub fn label_year(label: &str) -> Option<u32> {
    year_value(YEAR.captures(label)?.get(1)?.as_str())
}

/// A year as labels write it: `2022年`, `２０２２年`, `二〇二二年`, `2002 年`.
static YEAR: LazyLock<Regex> = re!(r"([0-9０-９]{4}|[二〇零一三四五六七八九]{4})\s?年");

/// The year four digits write (`2022`, `２０２２`, `二〇二二`), if it is one a
/// report can be about.
pub(crate) fn year_value(digits: &str) -> Option<u32> {
    let mut year = 0;
    for ch in digits.chars() {
        let d = match ch {
            '0'..='9' => ch as u32 - '0' as u32,
            '０'..='９' => ch as u32 - '０' as u32,
            _ => crate::report::numeral::digit(ch)?,
        };
        year = year * 10 + d;
    }
    (1949..=2200).contains(&year).then_some(year)
}

/// When a top-level part of a report is set, as its heading says it: the
/// past (the review) or the session's year and after (the tasks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Coming,
}

/// The tense of a top-level heading: by the years and five-year plans it
/// names against the year of the session (`一、2024年工作回顾` in 2025 is
/// past, `三、一鼓作气勇争先，全力推动“十五五”开好局` in 2026 is coming), else
/// by its words (`回顾`, `过去`… against `今年`, `主要任务`, `总体要求`…).
pub fn heading_tense(label: &str, session_year: Option<u32>) -> Option<Tense> {
    if let Some(tense) = session_year.and_then(|session| tense_by_years(label, session)) {
        return Some(tense);
    }
    static PAST: Words = words!(
        "回顾",
        "过去",
        "一年来",
        "五年来",
        "年来",
        "以来",
        "收官",
        "取得",
        "成效",
        "成就"
    );
    static COMING: Words = words!(
        "今年",
        "新的一年",
        "新一年",
        "明年",
        "今后",
        "下一步",
        "未来",
        "任务",
        "重点工作",
        "总体要求",
        "预期目标",
        "主要目标",
        "工作安排",
        "工作建议",
        "开局",
        "开好局",
        "起好步"
    );
    match (PAST.in_text(label), COMING.in_text(label)) {
        (true, false) => Some(Tense::Past),
        (false, true) => Some(Tense::Coming),
        _ => None,
    }
}

/// The tense of a heading by the years and five-year plans it names
/// against the year of the session.
pub fn tense_by_years(label: &str, session: u32) -> Option<Tense> {
    // Of every year and plan named, the latest decides: `2023年和
    // “十四五”以来的工作回顾` is past, `2024年和今后五年的目标` coming.
    let latest_year = named_years(label).max();
    let latest_plan = named_plans(label).max_by_key(|p| p.0);
    // `回顾` says past whatever the years: the session's year may be
    // read wrong (a session held early in the year it reviews).
    let looks_back = label.contains("回顾");
    if !looks_back
        && (latest_year.is_some_and(|y| y >= session)
            || latest_plan.is_some_and(|(start, _)| start >= session))
    {
        return Some(Tense::Coming);
    }
    if latest_year.is_some() || latest_plan.is_some_and(|(_, end)| end < session) {
        return Some(Tense::Past);
    }
    None
}

/// The years a label names: `2024年` `二〇二四年`.
pub(crate) fn named_years(label: &str) -> impl Iterator<Item = u32> + '_ {
    YEAR.captures_iter(label)
        .filter_map(|c| year_value(c.get(1)?.as_str()))
}

/// The five-year plans a label names (`“十四五”`, `十三五`), as their first
/// and last years: the third plan began in 1966, and one every five years
/// since.
fn named_plans(label: &str) -> impl Iterator<Item = (u32, u32)> + '_ {
    static PLAN: LazyLock<Regex> = re!(
        r"[“\x22]?(十[一二三四五六七八九]?|[三四五六七八九])五[”\x22]?(时期|规划|期间|以来|开局|收官|目标|发展|的)"
    );
    PLAN.captures_iter(label).filter_map(|c| {
        let numeral = c.get(1)?.as_str();
        let n = crate::report::numeral::parse_small(numeral)?;
        let start = 1966 + 5 * n.checked_sub(3)?;
        Some((start, start + 4))
    })
}
