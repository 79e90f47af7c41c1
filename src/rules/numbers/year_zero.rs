//! BG021: a year in Chinese numerals written with `0`, `零` or `O` for `〇`.

use super::super::prose::{char_before, in_code_or_url, paragraph_at, replace};
use super::super::{Context, Finding, RuleDoc, Severity};
use crate::rules::family::Family;
use crate::text::TextRange;

pub const DOC: RuleDoc = RuleDoc {
    code: "BG021",
    name: "year-zero",
    family: Family::Numbers,
    default_severity: Severity::Info,
    summary:
        "A year in Chinese numerals written with `0`, `零` or `O` for `〇` (二0二三年 → 二〇二三年)",
    explanation: "\
## What it does

Finds a year of four Chinese digits before 年 whose zero is written `0`,
`０`, `零`, `O` or `○` and offers the same year with `〇`.

## Why

GB/T 15835-2011 §5.1.1: the zero of a number written in Chinese digits is
`〇`; `零` is the zero of a number said with its units (`一千零五`), and the
Arabic `0` or the letter `O` in a Chinese year is a slip of the input method.

## Example

```text
——二0二三年一月十二日在市第十六届人民代表大会第二次会议上
```

should read `二〇二三年`.
",
};

const DIGITS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '〇'];
const ZEROS: [char; 7] = ['0', '０', '零', 'O', 'o', 'Ｏ', '○'];

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let text = ctx.text;
    for &at in ctx.anchors('年') {
        let Some(before) = text.get(..at) else {
            continue;
        };
        // Most 年 follow no Chinese digit: no walk back for them.
        if !before
            .chars()
            .next_back()
            .is_some_and(|c| DIGITS.contains(&c) || ZEROS.contains(&c))
        {
            continue;
        }
        let year: Vec<(usize, char)> = before.char_indices().rev().take(4).collect();
        if year.len() < 4
            || !year
                .iter()
                .all(|(_, c)| DIGITS.contains(c) || ZEROS.contains(c))
            || !year.iter().any(|(_, c)| ZEROS.contains(c))
        {
            continue;
        }
        let Some(&(start, first)) = year.last() else {
            continue;
        };
        if !matches!(first, '一' | '二')
            || char_before(text, start).is_some_and(|c| {
                DIGITS.contains(&c) || ZEROS.contains(&c) || c.is_ascii_alphanumeric()
            })
        {
            continue;
        }
        let range = TextRange::new(start, at);
        let Some(paragraph) = paragraph_at(ctx, start) else {
            continue;
        };
        if in_code_or_url(text, paragraph, range) {
            continue;
        }
        let old = range.slice(text);
        let new: String = old
            .chars()
            .map(|c| if ZEROS.contains(&c) { '〇' } else { c })
            .collect();
        out.push(replace(
            &DOC,
            text,
            range,
            &new,
            format!("汉字数字年份的零写作“〇”：“{old}年”应为“{new}年”"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::testing::{only, replacements};

    #[test]
    fn flags_years_with_a_wrong_zero() {
        let text = "二0二三年一月，二零二四年和二O三五年远景目标。\n";
        assert_eq!(
            replacements("BG021", text),
            ["二〇二三", "二〇二四", "二〇三五"]
        );
    }

    #[test]
    fn dont_flag_right_years_or_other_numbers() {
        assert!(only("BG021", "二〇二三年，2023年，一千零五年，三零零零年。\n").is_empty());
    }
}
