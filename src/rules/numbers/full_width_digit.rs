//! BG022: full-width digits (`２０２３`).

use super::super::prose::{in_code_or_url, paragraph_at, replace};
use super::super::{shared, Context, Edit, Finding, Fix, RuleDoc, Severity};
use crate::rules::family::Family;
use crate::text::TextRange;

pub const DOC: RuleDoc = RuleDoc {
    code: "BG022",
    name: "full-width-digit",
    family: Family::Numbers,
    default_severity: Severity::Info,
    summary: "A number written with full-width digits (２０２３ → 2023)",
    explanation: "\
## What it does

Finds a number written with full-width digits `０`…`９` (with a point of
either width between them) and offers the same number in ordinary digits.
A report typed with full-width digits throughout gets one finding, at the
first, whose fix changes them all.

## Why

GB/T 15835-2011 §4.1: Arabic numerals are written half-width. Full-width
digits come from an input method left in full-width mode; they look
different in print and numbers written both ways cannot be searched for.

## Example

```text
全市新增１所高等院校和４所中等职业学校。
```

should read `1所` and `4所`.
",
};

fn full_width_digit(c: char) -> Option<char> {
    ('０'..='９')
        .contains(&c)
        .then(|| char::from_u32(c as u32 - '０' as u32 + '0' as u32))
        .flatten()
}

/// A report with more full-width numbers than this gets one finding for
/// all of them: it was typed that way throughout.
const MANY: usize = 3;

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let text = ctx.text;
    let mut runs: Vec<(TextRange, String)> = Vec::new();
    let mut covered = 0;
    // Full-width digits are Chinese marks by their bytes (EF BC 90..99).
    let digits: Vec<char> = ('０'..='９').collect();
    for (at, _) in ctx.marks().in_order(&digits) {
        if at < covered {
            continue;
        }
        let range = number_at(text, at);
        covered = range.end;
        let Some(paragraph) = paragraph_at(ctx, at) else {
            continue;
        };
        if in_code_or_url(text, paragraph, range) {
            continue;
        }
        let new = range
            .slice(text)
            .chars()
            .map(|c| match c {
                '．' => '.',
                c => full_width_digit(c).unwrap_or(c),
            })
            .collect();
        runs.push((range, new));
    }
    for report in &ctx.document.reports {
        let first = runs.partition_point(|(r, _)| r.start < report.range.start);
        let end = runs.partition_point(|(r, _)| r.end <= report.range.end);
        let mine = runs.get(first..end).unwrap_or_default();
        if mine.len() > MANY {
            let Some((range, new)) = mine.first() else {
                continue;
            };
            let old = range.slice(text);
            let mut finding = shared::finding(
                &DOC,
                *range,
                format!(
                    "全角数字“{old}”应为半角“{new}”（本报告共{}处全角数字）",
                    mine.len()
                ),
            );
            finding.push_fix(Fix {
                title: format!("全部改为半角数字（{}处）", mine.len()),
                edits: mine
                    .iter()
                    .map(|(range, new)| Edit {
                        range: *range,
                        new_text: new.clone(),
                    })
                    .collect(),
            });
            out.push(finding);
        } else {
            for (range, new) in mine {
                let old = range.slice(text);
                out.push(replace(
                    &DOC,
                    text,
                    *range,
                    new,
                    format!("全角数字“{old}”应为半角“{new}”"),
                ));
            }
        }
    }
}

/// The number holding the full-width digit at `at`: its digits of either
/// width and the points between them.
fn number_at(text: &str, at: usize) -> TextRange {
    let is_digit = |c: char| c.is_ascii_digit() || full_width_digit(c).is_some();
    let is_point = |c: char| c == '.' || c == '．';
    let before = text.get(..at).unwrap_or("");
    let mut start = at;
    let mut back = before.char_indices().rev().peekable();
    while let Some((i, c)) = back.next() {
        let next_is_digit = back.peek().is_some_and(|&(_, n)| is_digit(n));
        if is_digit(c) || (is_point(c) && next_is_digit) {
            start = i;
        } else {
            break;
        }
    }
    let rest = text.get(at..).unwrap_or("");
    let mut end = at;
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_digit = chars.peek().is_some_and(|&(_, n)| is_digit(n));
        if is_digit(c) || (is_point(c) && next_is_digit) {
            end = at + i + c.len_utf8();
        } else {
            break;
        }
    }
    TextRange::new(start, end)
}

#[cfg(test)]
mod tests {
    use super::super::super::testing::{only, replacements};

    #[test]
    fn flags_full_width_numbers() {
        let text = "新增１所高专，增长１２．５％。\n";
        assert_eq!(replacements("BG022", text), ["1", "12.5"]);
    }

    #[test]
    fn dont_flag_ordinary_digits() {
        assert!(only("BG022", "新增1所高专，增长12.5%，（一）、：；。\n").is_empty());
    }
}
