//! What several rules need: the kind a report is checked as, where its parts
//! are, lists of numbered siblings, marker rewriting and skeleton wording.

use std::sync::LazyLock;

use regex::Regex;

use super::{Context, Finding, RuleDoc};
use crate::report::numeral::{is_numeral_char, to_chinese};
use crate::report::{Kind, MarkerStyle, Node, Part, Report};
use crate::text::TextRange;

/// A finding of `doc` at its default severity, with no fixes yet.
pub fn finding(doc: &RuleDoc, range: TextRange, message: String) -> Finding {
    Finding::new(doc.code, doc.default_severity, message.into(), range)
}

/// The kind a report is checked as: the configured kind, else the detected
/// one. A fragment is never asked for report parts, whatever the setting.
pub fn kind_of(ctx: &Context, report: &Report) -> Kind {
    if report.fragment {
        Kind::Other
    } else {
        ctx.config.kind.unwrap_or(report.kind)
    }
}

/// A standard part found in a report, by the parser or by a configured wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Located {
    pub part: Part,
    pub heading: TextRange,
    /// The whole section (for a paragraph part, the paragraph).
    pub range: TextRange,
}

/// The standard parts of a report in text order, appendices left out.
/// Configured wordings count: a heading whose label contains one, or a
/// paragraph that starts with one.
pub fn located_parts(ctx: &Context, report: &Report) -> Vec<Located> {
    let mut found: Vec<Located> = report
        .walk()
        .filter_map(|n| {
            let part = n.part.filter(|p| *p != Part::Appendix)?;
            Some(Located {
                part,
                heading: n.heading,
                range: n.range,
            })
        })
        .collect();
    for (&part, wordings) in &ctx.config.parts {
        for node in report.walk().filter(|n| n.part != Some(Part::Appendix)) {
            if node.level != crate::report::Level::Item
                && wordings.iter().any(|w| node.label.contains(w.trim()))
            {
                found.push(Located {
                    part,
                    heading: node.heading,
                    range: node.range,
                });
            }
        }
        for &p in ctx.document.paragraphs.iter() {
            if !report.range.contains_range(p) {
                continue;
            }
            let s = p
                .slice(ctx.text)
                .trim_start_matches(['#', ' ', '*', '\u{3000}']);
            if wordings.iter().any(|w| s.starts_with(w.trim())) {
                found.push(Located {
                    part,
                    heading: p,
                    range: p,
                });
            }
        }
    }
    found.sort_by_key(|l| (l.heading.start, l.part));
    found.dedup_by_key(|l| (l.heading.start, l.part));
    found
}

/// The paragraphs of the document that lie in `report`. Paragraphs are in
/// text order and do not overlap, so both their starts and their ends rise:
/// two binary searches find the report's run of them, and each report costs
/// no copy, nor a look at the whole document's (a 50 MB compilation has two
/// thousand reports).
pub fn report_paragraphs<'a>(ctx: &Context<'a>, report: &Report) -> &'a [TextRange] {
    let paragraphs: &'a [TextRange] = &ctx.document.paragraphs;
    let first = paragraphs.partition_point(|p| p.start < report.range.start);
    let end = paragraphs.partition_point(|p| p.end <= report.range.end);
    paragraphs.get(first..end).unwrap_or_default()
}

/// Numbered siblings of one parent in one style: a run from its first
/// number until the numbering restarts at 1.
#[derive(Debug)]
pub struct List<'a> {
    pub items: Vec<&'a Node>,
    /// The parent's children, in order (the report's top level for `None`).
    pub parent: Option<&'a Node>,
    /// A later run of the same style under the same parent: the numbering
    /// started again at 1.
    pub restart: bool,
}

impl List<'_> {
    pub fn style(&self) -> Option<MarkerStyle> {
        self.items
            .first()
            .and_then(|n| n.marker.as_ref())
            .map(|m| m.style)
    }
}

/// Every numbered list of a report. Lead sentences have no numbers and
/// numbering under an appendix (名词解释, 民生实事 lists) is its own affair.
pub fn lists(report: &Report) -> Vec<List<'_>> {
    let mut out = Vec::new();
    collect_lists(None, &report.nodes, &mut out);
    out
}

fn collect_lists<'a>(parent: Option<&'a Node>, children: &'a [Node], out: &mut Vec<List<'a>>) {
    // The styles in the order they first appear, without a Vec: a style is
    // taken at its first child, the seen ones kept as bits.
    let mut seen = 0u32;
    let styles = children.iter().filter_map(|child| {
        let style = child.marker.as_ref()?.style;
        let bit = 1 << style as u32;
        if style == MarkerStyle::Lead || seen & bit != 0 {
            return None;
        }
        seen |= bit;
        Some(style)
    });
    for style in styles {
        let of_style = |child: &'a Node| {
            child
                .marker
                .as_ref()
                .filter(|m| m.style == style)
                .map(|m| (child, m.number))
        };
        // This style's runs go straight to `out`: the first is at `first`.
        let first = out.len();
        let mut numbered = children.iter().filter_map(of_style).peekable();
        while let Some((child, number)) = numbered.next() {
            // A run goes on until the numbering restarts at 1; `一、一、三、`:
            // a lone first number written again is a repeat, not numbering
            // that starts again. Its items are allocated at its length:
            // allocated for all the children still to come, a text of
            // one-item runs took memory with the square of its headings.
            let repeat = usize::from(number == 1 && numbered.peek().is_some_and(|&(_, n)| n == 1));
            let rest = repeat
                + numbered
                    .clone()
                    .skip(repeat)
                    .take_while(|&(_, number)| number != 1)
                    .count();
            let mut items = Vec::with_capacity(1 + rest);
            items.push(child);
            items.extend(numbered.by_ref().take(rest).map(|(child, _)| child));
            out.push(List {
                items,
                parent,
                restart: out.len() > first,
            });
        }
    }
    for child in children {
        if child.part != Some(Part::Appendix) {
            collect_lists(Some(child), &child.children, out);
        }
    }
}

/// Whether a marker style numbers headings (一、 （一） 1. （1）) rather than
/// items inside a paragraph.
pub fn is_heading_style(style: MarkerStyle) -> bool {
    matches!(
        style,
        MarkerStyle::ChineseNumeral
            | MarkerStyle::ChineseParen
            | MarkerStyle::ArabicNumeral
            | MarkerStyle::ArabicParen
    )
}

/// The marker text of `original` with its numeral replaced by `number`,
/// written the same way (Chinese numerals, ASCII or full-width digits).
pub fn renumbered(original: &str, number: u32) -> String {
    let is_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let chinese = original.chars().any(|c| is_numeral_char(c) && c != '第');
    let start = original
        .char_indices()
        .find(|&(_, c)| {
            if chinese {
                is_numeral_char(c)
            } else {
                is_digit(c)
            }
        })
        .map_or(0, |(i, _)| i);
    let rest = original.get(start..).unwrap_or("");
    let len = rest
        .char_indices()
        .find(|&(_, c)| {
            !(if chinese {
                is_numeral_char(c)
            } else {
                is_digit(c)
            })
        })
        .map_or(rest.len(), |(i, _)| i);
    let numeral = if chinese {
        to_chinese(number)
    } else if rest.starts_with(|c: char| ('０'..='９').contains(&c)) {
        number
            .to_string()
            .chars()
            .filter_map(|d| char::from_u32(d as u32 - '0' as u32 + '０' as u32))
            .collect()
    } else {
        number.to_string()
    };
    format!(
        "{}{numeral}{}",
        original.get(..start).unwrap_or(""),
        rest.get(len..).unwrap_or("")
    )
}

/// Whether a report's own punctuation is mostly full-width (as published)
/// rather than half-width (as on compilation sites); skeletons follow it.
pub fn uses_full_width(text: &str, range: TextRange) -> bool {
    // Byte searches: a whole report is scanned, and `str::matches` with a
    // char set decodes every character of it.
    let s = range.slice(text).as_bytes();
    let count = |needle: &str| memchr::memmem::find_iter(s, needle.as_bytes()).count();
    let full = count("，") + count("：");
    let half = memchr::memchr2_iter(b',', b':', s).count();
    full >= half
}

/// The ASCII punctuation [`with_width`] widens.
pub const NARROW_PUNCTUATION: [char; 7] = [',', ':', ';', '!', '?', '(', ')'];

/// `s` with its ASCII punctuation made full-width when `full`.
pub fn with_width(s: &str, full: bool) -> String {
    if !full {
        return s.to_string();
    }
    s.chars()
        .map(|c| match c {
            ',' => '，',
            ':' => '：',
            ';' => '；',
            '!' => '！',
            '?' => '？',
            '(' => '（',
            ')' => '）',
            other => other,
        })
        .collect()
}

/// The line break the text uses. A search of the whole text: run once per
/// check at most ([`Context::line_break`]), not per finding.
pub fn line_break(text: &str) -> &'static str {
    // A search for `\r` alone is faster than one for the pair, and a lone
    // `\r` is rare enough to be looked past.
    let bytes = text.as_bytes();
    if memchr::memchr_iter(b'\r', bytes).any(|i| bytes.get(i + 1) == Some(&b'\n')) {
        "\r\n"
    } else {
        "\n"
    }
}

/// A year named in a text (`2022年`, `二〇二二年`): its value and the range
/// of its digits, relative to the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Year {
    pub value: u32,
    pub digits: TextRange,
}

/// The years named in `s`, in text order.
pub fn years(s: &str) -> impl Iterator<Item = Year> + '_ {
    static YEAR: LazyLock<Regex> = LazyLock::new(|| {
        crate::report::static_regex(r"(?:[0-9０-９]{4}|[二〇零一三四五六七八九]{4})年")
    });
    // The digits are the match without its `年`: no capture groups to fill.
    YEAR.find_iter(s).filter_map(|m| {
        let digits = TextRange::new(m.start(), m.end() - '年'.len_utf8());
        // `12022年` is not a year; neither is a digit run inside a number.
        let before = s.get(..digits.start)?.chars().next_back();
        if before.is_some_and(|b| b.is_ascii_digit() || ('０'..='９').contains(&b)) {
            return None;
        }
        let value = crate::report::parts::year_value(digits.slice(s))?;
        Some(Year { value, digits })
    })
}

/// `year` written like `like` (`2023` / `２０２３` / `二〇二三`).
pub fn write_year(year: u32, like: &str) -> String {
    const CHINESE: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let digits = year.to_string();
    if like.starts_with(|c: char| c.is_ascii_digit()) {
        return digits;
    }
    let full = like.starts_with(|c: char| ('０'..='９').contains(&c));
    let zero = like.contains('零');
    digits
        .chars()
        .filter_map(|d| {
            let v = d.to_digit(10)?;
            if full {
                char::from_u32('０' as u32 + v)
            } else if v == 0 && zero {
                Some('零')
            } else {
                CHINESE.get(v as usize).copied()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renumbers_every_marker_form() {
        for (original, n, expected) in [
            ("四、", 3, "三、"),
            ("十一、", 12, "十二、"),
            ("(三)", 2, "(二)"),
            ("（九）", 10, "（十）"),
            ("4.", 3, "3."),
            ("10、", 9, "9、"),
            ("４．", 5, "５．"),
            ("(2)", 1, "(1)"),
            ("四是", 3, "三是"),
            ("第三,", 2, "第二,"),
        ] {
            assert_eq!(renumbered(original, n), expected, "{original}");
        }
    }

    #[test]
    fn finds_years_in_any_numerals() {
        let found: Vec<u32> = years("2018—2022年、二〇二三年和２０２４年,12022年")
            .map(|y| y.value)
            .collect();
        assert_eq!(found, vec![2022, 2023, 2024]);
        assert_eq!(write_year(2024, "二〇二三"), "二〇二四");
        assert_eq!(write_year(2024, "2023"), "2024");
        assert_eq!(write_year(2024, "２０２３"), "２０２４");
    }

    #[test]
    fn punctuation_width_follows_the_text() {
        assert_eq!(with_width("各位代表:", true), "各位代表：");
        assert_eq!(with_width("各位代表:", false), "各位代表:");
        let text = "各位代表，同志们：";
        assert!(uses_full_width(text, TextRange::new(0, text.len())));
    }
}
