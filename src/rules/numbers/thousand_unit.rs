//! BG024: 千 as a unit after Arabic digits (`4千元` → `4000元`).

use super::super::prose::{
    char_after, char_before, in_quotation, number_before, prose_paragraph, replace,
};
use super::super::{Context, Finding, RuleDoc, Severity};
use crate::rules::family::Family;
use crate::text::TextRange;

pub const DOC: RuleDoc = RuleDoc {
    code: "BG024",
    name: "thousand-as-unit",
    family: Family::Numbers,
    default_severity: Severity::Info,
    summary: "千 used as a unit after Arabic digits (4千元 → 4000元)",
    explanation: "\
## What it does

Finds an Arabic number followed by 千 and a measure word (`4千元`,
`3千人`), and offers the number written out (`4000元`, `3000人`). Left
alone: `千米` `千克` `千瓦` and other units that begin with 千, the compound
multipliers `千万` `千亿` and estimates `5千多户` that published reports use,
a number already in units (`1万6千户`) and slogans in quotation marks.
Information by default: a matter of house style as much as of the standard.

## Why

GB/T 15835-2011 §4.1.3 and §4.5: with Arabic numerals only 万 and 亿 may
serve as units of large numbers; `3千5百万` or `4千` mix two ways of writing
a number in one.

## Example

```text
安置城镇困难人员3千人。
```

should read `3000人`.
",
};

/// The units a number of thousands is written with (`4千元`).
const UNITS: [char; 14] = [
    '元', '人', '户', '个', '家', '件', '名', '亩', '套', '辆', '所', '项', '座', '次',
];

/// `number` × 1000, in digits.
fn times_thousand(number: &str) -> String {
    let (int, frac) = number.split_once('.').unwrap_or((number, ""));
    let mut frac: String = frac.to_string();
    while frac.len() < 3 {
        frac.push('0');
    }
    let (moved, rest) = frac.split_at(3);
    let digits = format!("{int}{moved}");
    let digits = digits.trim_start_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    if rest.is_empty() {
        digits.to_string()
    } else {
        format!("{digits}.{rest}")
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let text = ctx.text;
    for &at in ctx.anchors('千') {
        let unit_at = at + '千'.len_utf8();
        let (Some(number), Some(unit)) = (
            number_before(text, at),
            char_after(text, unit_at).filter(|c| UNITS.contains(c)),
        ) else {
            continue;
        };
        let after = TextRange::new(unit_at, unit_at + unit.len_utf8());
        let Some(paragraph) = prose_paragraph(ctx, TextRange::new(number.start, after.end)) else {
            continue;
        };
        // `1万6千户` writes the whole number in units; a slogan in quotation
        // marks (`“3个10千亿工程”`) is a name.
        if char_before(text, number.start)
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '万' | '亿'))
            || in_quotation(text, paragraph, number.start)
        {
            continue;
        }
        let range = TextRange::new(number.start, after.start);
        let new = times_thousand(number.slice(text));
        let old = range.slice(text);
        out.push(replace(
            &DOC,
            text,
            range,
            &new,
            format!("阿拉伯数字不与“千”连用作单位：“{old}”应为“{new}”"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::testing::{only, replacements};
    use super::times_thousand;

    #[test]
    fn multiplies_by_a_thousand() {
        assert_eq!(times_thousand("4"), "4000");
        assert_eq!(times_thousand("1.5"), "1500");
        assert_eq!(times_thousand("1.2345"), "1234.5");
        assert_eq!(times_thousand("0.5"), "500");
    }

    #[test]
    fn flags_thousand_as_a_unit() {
        let text = "补助4千元，安置3千人，建成1.5千套。\n";
        assert_eq!(replacements("BG024", text), ["4000", "3000", "1500"]);
    }

    #[test]
    fn dont_flag_units_starting_with_qian() {
        assert!(only("BG024", "新建道路5千米，装机3千瓦，23.千万工程，四千元，突破3千亿元，1万6千户，“3个10千亿工程”，5千多户。\n").is_empty());
    }
}
