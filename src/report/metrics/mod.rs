//! Counted metrics (DOMAIN.md §3): every figure a report claims — a number
//! with a measure word, attached to what was counted — read exactly, grouped
//! into categories, checked against other mentions of the same thing, and
//! summarised for a hover or the `metrics` command.
//!
//! Reading is one forward scan over the text that stops only at numerals and
//! then looks at a small window around each, so the cost is linear in the
//! text and independent of how many rules decide what is a figure.
//!
//! What is not a figure, by design (precision over recall, a summary full of
//! slogans is worse than none):
//! - years, dates and durations: `年` `月` `日` `天` `个月` `小时` are not
//!   measure words here, so `2022年`, `9月28日` and `连续3年` never count;
//! - ordinals: `第四届`, `二十大`, `市七届人大二次会议`, `前10名`;
//! - numerals inside quotes or titles: `“两个确立”`, `"20+8"产业集群`,
//!   `《…2035年…》`;
//! - ranges, ratios and rates per unit: `3至5家`, `元/吨`, `每年2次`;
//! - Chinese numerals that are idioms or slogans rather than counts: a
//!   Chinese numeral counts only when it is a multi-character amount led by
//!   a digit (`一千二百条`, `两万人`) or carries an approximation marker
//!   (`逾千家`, `百余篇`, `二十余名`); `千家万户`, `两个维护`, `一批` do not.

mod affixes;
mod chars;
mod contradiction;
mod counted;
mod figure;
mod lexicon;
mod number;
mod period;
mod scan;
mod stops;
mod summary;
mod totals;
mod written;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::report::{Document, Part};
use crate::text::{Shift, TextRange};

pub use contradiction::{contradictions, Contradiction};
pub use period::Span;
pub use scan::{extract, extract_in};
pub use summary::{
    describe, section_summary, summarize, Agreement, CategoryGroup, Clash, KeyFigure, PeriodGroup,
    Section, Summary, Total,
};
pub use totals::{listings, oversized_of, stated_totals, totals_of, Listing, StatedTotal};
pub use written::{format_amount, format_value};

/// What kind of thing a figure counts, decided by its measure word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// 元, 万元, 亿元: normalised to 元.
    Money,
    /// 人, 人次, 名, 位.
    People,
    /// 次, 场, 期, 场次, 轮.
    Events,
    /// 件, 部, 篇, 条, 项, 份, 件次.
    Documents,
    /// 家, 个, 所, 户, 部门.
    Organisations,
    /// %, ‰, 个百分点, 倍: never summed.
    Rate,
    /// Any other measure word (批, 处, 亩, 公里, 吨…).
    Other,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::Money,
        Category::People,
        Category::Events,
        Category::Documents,
        Category::Organisations,
        Category::Rate,
        Category::Other,
    ];

    /// Stable identifier used in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Category::Money => "money",
            Category::People => "people",
            Category::Events => "events",
            Category::Documents => "documents",
            Category::Organisations => "organisations",
            Category::Rate => "rate",
            Category::Other => "other",
        }
    }

    /// The name a drafter reads.
    pub fn name(self) -> &'static str {
        match self {
            Category::Money => "金额",
            Category::People => "人员",
            Category::Events => "活动",
            Category::Documents => "文件事项",
            Category::Organisations => "单位",
            Category::Rate => "比率",
            Category::Other => "其他",
        }
    }
}

/// Where a figure's `what` was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WhatSource {
    /// The verb–object clause before the number (`召开常委会会议9次`).
    Clause,
    /// The noun after a nominal measure word (`257个基层立法联系点`).
    Noun,
    /// Borrowed from the figure before it in the sentence: a bare verb
    /// (`通过18件` → `通过(法规)`), the second of a pair (`96%和94%`) or a
    /// second measure of one thing (`组织宪法宣誓5次39人`).
    Borrowed,
}

/// What a figure says of what it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Claim {
    /// A result or a state: `召开常委会会议9次`.
    Stated,
    /// A goal set in its sentence: `力争完成投资480亿元`, `3000美元的目标`.
    Target,
    /// A change or where one started: `比上年增加12亿元`, the `8094元` of
    /// `从8094元提高到15345元`.
    Change,
}

/// One counted figure, e.g. `组织代表捐款捐物480余万元`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figure {
    /// The exact value in `unit`, with 万/亿 multiplied out: `480余万元` →
    /// 4800000, `47.74万选民` → 477400, `90.51%` → 90.51.
    pub value: Decimal,
    /// The measure word without multiplier: `元` for `万元`, `人次`, `%`,
    /// `个百分点`. `人` for a count of people written without one
    /// (`47.74万选民`).
    pub unit: &'static str,
    pub category: Category,
    /// The approximation or bound marker, if any: `余` `多` `约` `近` `逾`
    /// `超过` `达` `以上` `左右` …
    pub approx: Option<&'static str>,
    /// What was counted: the verb–object phrase before the number
    /// (`召开常委会会议`) or, after a nominal measure word, the noun after it
    /// (`257个基层立法联系点` → `基层立法联系点`). A bare verb that continues
    /// the previous figure borrows its object in brackets: `审议法规32件,
    /// 通过18件` → `通过(法规)`. Empty when the text names nothing.
    pub what: String,
    /// Where `what` was read.
    pub what_source: WhatSource,
    /// A period the sentence scopes the figure to, when it names one
    /// (`2022年`, `五年来`, `这五年`, `本届以来`, `累计`), or else the last
    /// one an earlier sentence of its paragraph named (`——这五年，…。新增就业
    /// 35万人`); figures of different periods are never compared.
    pub period: Option<String>,
    /// The kind of period: one year, several, a running total or a target.
    pub span: Span,
    /// Whether the figure states a result, a target or a change.
    pub claim: Claim,
    /// The whole mention: marker, numeral, multiplier and measure word.
    pub range: TextRange,
    /// The sentence holding the figure: from the last `。！？` or line break
    /// before it to the next one after it (or the paragraph's ends).
    pub sentence: TextRange,
    /// The paragraph holding the figure: its line, or the part of a
    /// paragraph between line breaks.
    pub paragraph: TextRange,
    /// The numeral alone (`480` of `480余万元`, `一千二百` of `一千二百余条`).
    pub number: TextRange,
}

impl Figure {
    /// Whether the value is exact: no marker, or one that only stresses the
    /// figure (`达` `达到` `高达`: `参选率达90.51%` is exactly 90.51%).
    pub fn is_exact(&self) -> bool {
        matches!(self.approx, None | Some("达" | "达到" | "高达"))
    }
}

/// The figures of an analysed document and the contradictions among them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Figures {
    /// Every figure in the document's paragraphs (noise skipped), in order.
    pub metrics: Vec<Figure>,
    /// Indices into `metrics`.
    pub contradictions: Vec<Contradiction>,
}

impl Figures {
    /// How many figures lie inside `range` (they are in text order).
    pub fn count_in(&self, range: TextRange) -> usize {
        let first = self
            .metrics
            .partition_point(|m| m.range.start < range.start);
        self.metrics
            .get(first..)
            .unwrap_or_default()
            .iter()
            .take_while(|m| m.range.start < range.end)
            .filter(|m| range.contains_range(m.range))
            .count()
    }
}

/// Reads the figures of `text` as `document` (its [`analyze`](crate::report::analyze)
/// result) divides it: only paragraphs, not page chrome, and contradictions
/// only within one part of one report (see [`scopes`]).
pub fn figures(text: &str, document: &Document) -> Figures {
    let metrics = extract_in(text, &document.paragraphs);
    let mut contradictions = contradictions(&metrics, &scopes(document));
    // Matter after the report (a list of last year's 实事 with what each
    // achieved: `帮扶10000名群众创业` / `实际帮扶12325名`) states a plan beside
    // its outcome: no claim of the report is held against another there.
    let appendices: Vec<TextRange> = document
        .reports
        .iter()
        .flat_map(|r| r.nodes.iter())
        .filter(|n| n.part == Some(Part::Appendix))
        .map(|n| n.range)
        .collect();
    let in_appendix = |i: usize| {
        metrics
            .get(i)
            .is_some_and(|m| appendices.iter().any(|a| a.contains_range(m.range)))
    };
    contradictions.retain(|c| !in_appendix(c.first) && !in_appendix(c.second));
    Figures {
        metrics,
        contradictions,
    }
}

/// Where figures are compared: each top-level part of each report (so a
/// review's results are never held against the targets of the tasks part),
/// then each whole report for text outside its parts, then every section
/// below a part: a part's own text may summarise its sections, but two
/// sections detail different things (see [`contradictions`]).
pub fn scopes(document: &Document) -> Vec<TextRange> {
    let parts = document
        .reports
        .iter()
        .flat_map(|r| r.nodes.iter().map(|n| n.range));
    let reports = document.reports.iter().map(|r| r.range);
    let sections = document.reports.iter().flat_map(|r| {
        r.nodes
            .iter()
            .flat_map(|n| n.walk().skip(1).map(|s| s.range))
    });
    parts.chain(reports).chain(sections).collect()
}

impl Shift for Figure {
    fn shift(&mut self, by: usize) {
        self.range.shift(by);
        self.sentence.shift(by);
        self.paragraph.shift(by);
        self.number.shift(by);
    }
}
