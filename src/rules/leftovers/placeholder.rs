//! BG026: a placeholder left in the text (`××` `XX` `20XX年` `〔 〕号`
//! `（待补充）` `（略）` `TODO`).

use super::super::prose::{char_after, char_before, is_han, prose_paragraph};
use super::super::{shared, Context, Finding, RuleDoc, Severity};
use crate::rules::family::Family;
use crate::text::{byte_set, TextRange};

pub const DOC: RuleDoc = RuleDoc {
    code: "BG026",
    name: "placeholder",
    family: Family::Leftovers,
    default_severity: Severity::Warning,
    summary: "A placeholder left in the text: `××` `XX` `20XX年` `某某市` `〔 〕号` `（待补充）` `（略）` `TODO`",
    explanation: "\
## What it does

Finds the marks a drafter leaves for what is still to be filled in: `××`
or `XX` (`20XX年`, `××市`), `某某` before a place, an office or a title
(`某某市` `某某同志`), an empty document number `〔 〕号`, empty brackets
`（ ）`, a bracketed `待补充` `待定` `待核实` `略`, and `TODO` `FIXME` `TBD`.
`某某` after a surname (`丁某某`, a person not named) and a placeholder in
quotation marks that is cited as such (`加盖“XX局”印章`) are prose and left
alone. There is no quick fix: only the drafter knows what goes there.

## Why

A placeholder that reaches the session is the most visible slip a report
can carry; the office proofreading services list it as its own kind of
error (占位符未填充).

## Example

```text
20XX年，全市地区生产总值增长×.×%（待补充）。
```
",
};

/// What follows 某某 in a placeholder for a name (`某某市`, `某某同志`).
const SOMEBODY: [&str; 19] = [
    "市", "县", "区", "省", "州", "镇", "乡", "村", "局", "厅", "委", "办", "部", "同志", "单位",
    "公司", "企业", "项目", "工程",
];

/// What stands in brackets for a passage still to write (`（待补充）`).
const TO_WRITE: [&str; 10] = [
    "待补充",
    "待补",
    "待定",
    "待核实",
    "待核",
    "待更新",
    "待确认",
    "待填",
    "略",
    "此处略",
];

/// The length of the placeholder that starts `s`, if one does: `××` `XX`
/// `ＸＸ` (two or more, and a 年 after them), `xx`, `某某` and a word for a
/// place or person, empty `〔 〕号` and `（ ）`, a bracketed note still to
/// write, `TODO` `FIXME` `TBD`.
fn placeholder_len(s: &str) -> Option<usize> {
    let blanks = |t: &str| t.len() - t.trim_start_matches([' ', '\u{3000}']).len();
    let year = |len: usize| {
        len + if s.get(len..).is_some_and(|t| t.starts_with('年')) {
            '年'.len_utf8()
        } else {
            0
        }
    };
    for repeated in ['×', 'X', 'Ｘ'] {
        let run = s.len() - s.trim_start_matches(repeated).len();
        if run >= 2 * repeated.len_utf8() {
            return Some(year(run));
        }
    }
    if s.starts_with("xx") {
        return Some(year(2));
    }
    if let Some(rest) = s.strip_prefix("某某") {
        return SOMEBODY
            .iter()
            .find(|w| rest.starts_with(*w))
            .map(|w| "某某".len() + w.len());
    }
    if let Some(rest) = s.strip_prefix('〔') {
        let inner = blanks(rest);
        let close = rest.get(inner..)?.strip_prefix('〕')?;
        let mark = if close.starts_with('号') {
            '号'.len_utf8()
        } else {
            0
        };
        return Some('〔'.len_utf8() + inner + '〕'.len_utf8() + mark);
    }
    if let Some(rest) = s.strip_prefix('（') {
        let inner = blanks(rest);
        if rest.get(inner..).is_some_and(|t| t.starts_with('）')) {
            return Some('（'.len_utf8() + inner + '）'.len_utf8());
        }
    }
    if let Some(open) = s
        .chars()
        .next()
        .filter(|c| matches!(c, '（' | '(' | '【' | '['))
    {
        let rest = s.get(open.len_utf8()..)?;
        let word = TO_WRITE.iter().find(|w| {
            rest.strip_prefix(*w)
                .is_some_and(|t| t.starts_with(['）', ')', '】', ']']))
        })?;
        let close = rest.get(word.len()..)?.chars().next()?;
        return Some(open.len_utf8() + word.len() + close.len_utf8());
    }
    ["TODO", "FIXME", "TBD"]
        .iter()
        .find(|w| s.starts_with(*w))
        .map(|w| w.len())
}

/// Each placeholder of the text, in order and not overlapping: of two that
/// overlap, the one that starts first, as a search from left to right finds.
fn placeholders(ctx: &Context) -> Vec<TextRange> {
    let text = ctx.text;
    let bytes = text.as_bytes();
    let at = |start: usize| {
        let len = text.get(start..).and_then(placeholder_len)?;
        Some(TextRange::new(start, start + len))
    };
    // Where a placeholder can start: `X` `x` `(` `[` `T` `F` (`XX`, `xx`,
    // `(待补充)`, `[略]`, `TODO`, `FIXME`), `（` `〔` `【` `Ｘ` among the
    // Chinese marks, `某` and `×`.
    let mut starts: Vec<usize> = memchr::memchr3_iter(b'X', b'x', b'(', bytes)
        .chain(memchr::memchr3_iter(b'[', b'T', b'F', bytes))
        .collect();
    for mark in ['（', '〔', '【', 'Ｘ'] {
        starts.extend(ctx.marks().positions(mark));
    }
    starts.extend(ctx.anchors('某'));
    starts.extend(byte_set::find_all(bytes, "×".as_bytes()));
    let mut candidates: Vec<TextRange> = starts.into_iter().filter_map(at).collect();
    candidates.sort_unstable_by_key(|r| r.start);
    let mut found: Vec<TextRange> = Vec::new();
    for range in candidates {
        if found.last().is_none_or(|r| range.start >= r.end) {
            found.push(range);
        }
    }
    found
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let text = ctx.text;
    for m in placeholders(ctx) {
        if prose_paragraph(ctx, m).is_none() {
            continue;
        }
        // `20XX年`: the century belongs to the placeholder.
        let century = ["19", "20"]
            .iter()
            .any(|c| text.get(..m.start).is_some_and(|b| b.ends_with(c)));
        let start = if century { m.start - 2 } else { m.start };
        let range = TextRange::new(start, m.end);
        let s = range.slice(text);
        let before = char_before(text, range.start);
        let after = char_after(text, range.end);
        // Latin letters around `XX`, `TODO`: part of a Latin word.
        if s.bytes().any(|b| b.is_ascii_alphabetic())
            && (before.is_some_and(|c| c.is_ascii_alphanumeric())
                || after.is_some_and(|c| c.is_ascii_alphanumeric()))
        {
            continue;
        }
        // `科学城TBD`: Latin letters right after a Han character name a thing.
        if s.bytes().all(|b| b.is_ascii_alphabetic()) && before.is_some_and(is_han) {
            continue;
        }
        // `（略）` ending a paragraph or standing for one leaves a section out
        // on purpose (a published copy's omitted annex or passage).
        if s.contains('略') && paragraph_ends_at(ctx, range.end) {
            continue;
        }
        // A placeholder cited in quotation marks, as a form of words.
        if before == Some('“') && !s.starts_with(['（', '(', '【', '[', '〔']) {
            continue;
        }
        out.push(shared::finding(
            &DOC,
            range,
            format!("“{s}”是未填写的占位内容"),
        ));
    }
}

/// Whether only blanks, markdown marks and end punctuation follow `at` in its
/// paragraph.
fn paragraph_ends_at(ctx: &Context, at: usize) -> bool {
    let Some(paragraph) = super::super::prose::paragraph_at(ctx, at.saturating_sub(1)) else {
        return false;
    };
    ctx.text.get(at..paragraph.end).is_some_and(|rest| {
        rest.chars()
            .all(|c| matches!(c, '。' | '*' | ' ' | '\u{3000}'))
    })
}

#[cfg(test)]
mod tests {
    use super::super::super::testing::only;

    fn slices(text: &str) -> Vec<String> {
        only("BG026", text)
            .iter()
            .map(|f| f.range.slice(text).to_string())
            .collect()
    }

    #[test]
    fn flags_placeholders() {
        let text = "20XX年，××县增长（待补充），印发〔 〕号文件，某某同志（略）。TODO核实\n";
        assert_eq!(
            slices(text),
            [
                "20XX年",
                "××",
                "（待补充）",
                "〔 〕号",
                "某某同志",
                "（略）",
                "TODO"
            ]
        );
    }

    #[test]
    fn dont_flag_people_not_named_or_cited_forms() {
        let text = "阻断丁某某境外输入风险，加盖“XX行政审批局”印章，XXL号，TODOS。\n";
        assert!(slices(text).is_empty(), "{:?}", slices(text));
        // A project's Latin name; a passage or annex left out on purpose.
        let text = "推动科学城TBD建设。\n附件一：民生实事项目（略）\n（略）\n";
        assert!(slices(text).is_empty(), "{:?}", slices(text));
    }
}
