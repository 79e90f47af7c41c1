//! The plain-data report model: what the analysis hands to rules, the CLI and
//! the server. Every node carries byte ranges into the analysed text.

use std::borrow::Cow;

use serde::Serialize;

use crate::text::{Shift, TextRange};

/// What kind of document a report root is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// 人大常委会工作报告
    Congress,
    /// 政协常委会工作报告
    Consultative,
    /// 政府工作报告
    Government,
    /// 汇报发言 / 讲话
    Speech,
    /// Anything else: a news feature, a fragment of a report.
    Other,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Congress,
        Kind::Consultative,
        Kind::Government,
        Kind::Speech,
        Kind::Other,
    ];

    /// Stable identifier used in JSON and configuration.
    pub fn id(self) -> &'static str {
        match self {
            Kind::Congress => "congress",
            Kind::Consultative => "consultative",
            Kind::Government => "government",
            Kind::Speech => "speech",
            Kind::Other => "other",
        }
    }

    pub fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.id() == id)
    }

    pub fn name(self) -> &'static str {
        match self {
            Kind::Congress => "人大常委会工作报告",
            Kind::Consultative => "政协常委会工作报告",
            Kind::Government => "政府工作报告",
            Kind::Speech => "汇报发言/讲话",
            Kind::Other => "其他文稿",
        }
    }

    /// Whether standard parts are expected of this kind at all.
    pub fn is_report(self) -> bool {
        !matches!(self, Kind::Other)
    }
}

/// The conventional parts of a report (DOMAIN.md §2), in their usual order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Salutation,
    Opening,
    Review,
    Lessons,
    Thanks,
    Shortcomings,
    Tasks,
    Closing,
    /// Matter after the closing: 名词解释, 附件, lists of projects.
    Appendix,
}

impl Part {
    /// A part written as a paragraph with no heading over it (the salutation,
    /// the thanks…), or matter outside the report's numbering (an appendix).
    pub fn has_no_heading(self) -> bool {
        matches!(
            self,
            Part::Salutation
                | Part::Opening
                | Part::Thanks
                | Part::Shortcomings
                | Part::Closing
                | Part::Appendix
        )
    }

    pub const ALL: [Part; 9] = [
        Part::Salutation,
        Part::Opening,
        Part::Review,
        Part::Lessons,
        Part::Thanks,
        Part::Shortcomings,
        Part::Tasks,
        Part::Closing,
        Part::Appendix,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Part::Salutation => "salutation",
            Part::Opening => "opening",
            Part::Review => "review",
            Part::Lessons => "lessons",
            Part::Thanks => "thanks",
            Part::Shortcomings => "shortcomings",
            Part::Tasks => "tasks",
            Part::Closing => "closing",
            Part::Appendix => "appendix",
        }
    }

    pub fn from_id(id: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|p| p.id() == id)
    }

    pub fn name(self) -> &'static str {
        match self {
            Part::Salutation => "称谓",
            Part::Opening => "开头语",
            Part::Review => "工作回顾",
            Part::Lessons => "体会",
            Part::Thanks => "致谢",
            Part::Shortcomings => "不足",
            Part::Tasks => "工作安排",
            Part::Closing => "结束语",
            Part::Appendix => "附件",
        }
    }
}

/// The outline level of a node. Numbered headings follow GB/T 9704:
/// 一、 / （一） / 1. / （1）.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// A standard part that is not a numbered heading: an unnumbered part
    /// heading (`过去一年的主要工作`) or a part that is a paragraph (`各位代表:`).
    Part,
    /// 一、
    H1,
    /// （一）
    H2,
    /// 1. / 1、
    H3,
    /// （1）
    H4,
    /// An inline enumerator (`一是…`, `第一,…`) or an unnumbered lead sentence.
    Item,
}

impl Level {
    /// Depth in the outline: smaller encloses larger.
    pub fn rank(self) -> u8 {
        match self {
            Level::Part => 1,
            Level::H1 => 2,
            Level::H2 => 3,
            Level::H3 => 4,
            Level::H4 => 5,
            Level::Item => 6,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Level::Part => "part",
            Level::H1 => "h1",
            Level::H2 => "h2",
            Level::H3 => "h3",
            Level::H4 => "h4",
            Level::Item => "item",
        }
    }
}

/// How a heading or item is numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkerStyle {
    /// 一、 (also the faulty 一. 一,)
    ChineseNumeral,
    /// （一） or (一)
    ChineseParen,
    /// 1. or 1、
    ArabicNumeral,
    /// （1） or (1)
    ArabicParen,
    /// 一是 / 一要
    InlineShi,
    /// 第一, / 第一是
    Ordinal,
    /// An unnumbered lead sentence.
    Lead,
}

/// Width of the brackets or separator of a marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Width {
    Full,
    Half,
}

/// The number marker at the start of a heading or item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Marker {
    pub style: MarkerStyle,
    /// The value of the numeral (`十一` → 11); 0 for a lead sentence.
    pub number: u32,
    /// The marker's text, e.g. `（一）` or `1.`.
    pub range: TextRange,
    /// The separator after a bare numeral (`、` `.` `．` `,`), if any.
    pub separator: Option<char>,
    /// Width of the brackets or separator; `None` where it has neither.
    pub width: Option<Width>,
}

/// One node of the outline tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Node {
    pub level: Level,
    /// The standard part this node is, if any.
    pub part: Option<Part>,
    pub marker: Option<Marker>,
    /// The heading's text without its marker, markdown and final punctuation.
    pub label: String,
    /// The heading's own text (marker included).
    pub heading: TextRange,
    /// The whole section: the heading and everything under it.
    pub range: TextRange,
    pub children: Vec<Node>,
}

impl Node {
    /// Depth-first walk of this node and its descendants.
    pub fn walk(&self) -> impl Iterator<Item = &Node> {
        depth_first(vec![self])
    }

    /// What an outline shows for the node: its marker and label as written
    /// (`（一）坚持…`), never empty (editors reject empty names).
    pub fn name(&self, text: &str) -> String {
        let marker = self.marker.as_ref().map_or("", |m| m.range.slice(text));
        let name = format!("{marker}{}", self.label);
        if !name.trim().is_empty() {
            return name;
        }
        let heading = self.heading.slice(text).trim();
        if !heading.is_empty() {
            return heading.chars().take(40).collect();
        }
        self.part.map_or("(无标题)", |p| p.name()).to_owned()
    }
}

/// Depth-first walk from `stack`, whose last node comes first.
fn depth_first(mut stack: Vec<&Node>) -> impl Iterator<Item = &Node> {
    std::iter::from_fn(move || {
        let node = stack.pop()?;
        stack.extend(node.children.iter().rev());
        Some(node)
    })
}

/// Why a report was given its kind: the phrases that decided it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// Fixed wording, not copied into every report, or a quote of the text.
    pub reason: Cow<'static, str>,
    pub range: TextRange,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Title {
    pub text: String,
    pub range: TextRange,
}

/// One report root. A compilation holds several.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub kind: Kind,
    pub evidence: Vec<Evidence>,
    pub title: Option<Title>,
    /// True when the text is only part of a report: it starts inside one (a
    /// page of a longer one), or its title says it is an abstract (`（摘要）`).
    pub fragment: bool,
    /// The year the session plans for, read from the date line under the
    /// title (`——2022年2月18日在…会议上`; a session in November or December
    /// plans for the next year).
    pub session_year: Option<u32>,
    pub range: TextRange,
    pub nodes: Vec<Node>,
}

impl Report {
    /// Every node of the report, depth first.
    pub fn walk(&self) -> impl Iterator<Item = &Node> {
        // One stack for the whole walk, not one per top-level node.
        depth_first(self.nodes.iter().rev().collect())
    }

    /// The first node that is the given part.
    pub fn part(&self, part: Part) -> Option<&Node> {
        self.walk().find(|n| n.part == Some(part))
    }

    /// The standard parts the report shows, in order, and those it lacks.
    pub fn parts_found(&self) -> (Vec<Part>, Vec<Part>) {
        let found: Vec<Part> = Part::ALL
            .into_iter()
            .filter(|&p| p != Part::Appendix && self.part(p).is_some())
            .collect();
        let absent = Part::ALL
            .into_iter()
            .filter(|p| *p != Part::Appendix && !found.contains(p))
            .collect();
        (found, absent)
    }

    /// What an outline shows for the report: its title, else its kind.
    pub fn name(&self) -> String {
        match &self.title {
            Some(title) if !title.text.trim().is_empty() => title.text.clone(),
            _ => self.kind.name().to_owned(),
        }
    }
}

/// Text that belongs to the file but not to any report's outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoiseKind {
    SiteBanner,
    TableOfContents,
    PageMarker,
    NavigationLink,
    ReprintNotice,
    Advert,
    FrontMatter,
    Toolbar,
    SourceLine,
    DateVenue,
    Speaker,
    Caption,
    Byline,
    /// A document's header above its title: `市十六届人大七次会议文件（三）`.
    Header,
    /// An HTML comment in a markdown copy: `<!-- 新华社北京3月15日电 -->`.
    Comment,
    /// A markdown thematic break (`---`, `***`): a copy's separator, often
    /// between the closing and the notes.
    Separator,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Noise {
    pub kind: NoiseKind,
    pub range: TextRange,
}

/// The analysis of one text: its reports in order and the noise around them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Document {
    pub reports: Vec<Report>,
    pub noise: Vec<Noise>,
    /// Every paragraph of the text that is not noise, in order (a line, or a
    /// sentence group when a whole document sits on one line).
    pub paragraphs: Vec<TextRange>,
}

impl Document {
    /// One document from the outlines of its reports, each computed alone on
    /// its own slice of the text ([`Segment::outline`](super::Segment::outline))
    /// and then shifted to where the slice starts, given in text order;
    /// `noise` is what the whole-text pass found ([`Split::noise`](super::Split::noise)).
    pub fn assemble(mut noise: Vec<Noise>, parts: Vec<Document>) -> Document {
        // Made the size they end at: a text can hold a report every few
        // lines, and vectors grown by doubling would be copied as often.
        let total = |count: fn(&Document) -> usize| parts.iter().map(count).sum::<usize>();
        noise.reserve_exact(total(|p| p.noise.len()));
        let mut document = Document {
            reports: Vec::with_capacity(total(|p| p.reports.len())),
            noise,
            paragraphs: Vec::with_capacity(total(|p| p.paragraphs.len())),
        };
        for mut part in parts {
            document.reports.append(&mut part.reports);
            document.noise.append(&mut part.noise);
            document.paragraphs.append(&mut part.paragraphs);
        }
        document.noise.sort_by_key(|n| n.range.start);
        document
    }

    /// The innermost node whose section holds `offset`, with its report.
    pub fn node_at(&self, offset: usize) -> Option<(&Report, &Node)> {
        // Reports follow each other in the text: the first one ending at or
        // after `offset` is the only one that may hold it.
        let first = self.reports.partition_point(|r| r.range.end < offset);
        let report = self
            .reports
            .get(first)
            .filter(|r| r.range.touches(offset))?;
        let mut best: Option<&Node> = None;
        let mut nodes = &report.nodes;
        while let Some(node) = nodes.iter().find(|n| n.range.contains(offset)) {
            best = Some(node);
            nodes = &node.children;
        }
        best.map(|n| (report, n))
    }

    /// The node whose heading holds `offset`.
    /// A cursor right after a heading still hits it, unless the next
    /// heading starts there (inline items follow each other directly).
    pub fn heading_at(&self, offset: usize) -> Option<(&Report, &Node)> {
        let hit = |inside: fn(TextRange, usize) -> bool| {
            self.reports.iter().find_map(|r| {
                r.walk()
                    .find(|n| !n.heading.is_empty() && inside(n.heading, offset))
                    .map(|n| (r, n))
            })
        };
        hit(TextRange::contains).or_else(|| hit(TextRange::touches))
    }
}

impl Shift for Marker {
    fn shift(&mut self, by: usize) {
        self.range.shift(by);
    }
}

impl Shift for Node {
    fn shift(&mut self, by: usize) {
        self.marker.shift(by);
        self.heading.shift(by);
        self.range.shift(by);
        self.children.shift(by);
    }
}

impl Shift for Evidence {
    fn shift(&mut self, by: usize) {
        self.range.shift(by);
    }
}

impl Shift for Title {
    fn shift(&mut self, by: usize) {
        self.range.shift(by);
    }
}

impl Shift for Report {
    fn shift(&mut self, by: usize) {
        self.evidence.shift(by);
        self.title.shift(by);
        self.range.shift(by);
        self.nodes.shift(by);
    }
}

impl Shift for Noise {
    fn shift(&mut self, by: usize) {
        self.range.shift(by);
    }
}

impl Shift for Document {
    fn shift(&mut self, by: usize) {
        self.reports.shift(by);
        self.noise.shift(by);
        self.paragraphs.shift(by);
    }
}
