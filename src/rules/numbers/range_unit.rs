//! BG023: a range that drops the sign or the 万/亿 of its first number
//! (`15～30%`, `9～16亿元`).

use super::super::prose::{char_before, number_after, number_before, prose_paragraph, replace};
use super::super::{Context, Finding, RuleDoc, Severity};
use crate::rules::family::Family;
use crate::text::TextRange;

pub const DOC: RuleDoc = RuleDoc {
    code: "BG023",
    name: "range-drops-unit",
    family: Family::Numbers,
    default_severity: Severity::Info,
    summary: "A range drops the `%` or the 万/亿 of its first number (15～30% → 15%～30%, 9～16亿元 → 9亿～16亿元)",
    explanation: "\
## What it does

Finds a range of two numbers joined by `～` `~` `—` `－` or `-` whose second
number carries `%`, `‰`, `万`, `亿` or `万亿` and whose first carries
nothing, and offers the range with the sign or the multiplier written on
both. A unit proper (`元`, `人`, `公里`) may be left off the first number and
is not asked for.

## Why

GB/T 15835-2011 §4.5.4.4: the first number's unit may be left off only when
nothing is ambiguous; `15～30%` could be read as 15 to 30 percent or as 15
(units) to 30 percent, and `9～16亿` as 9 to 1.6 billion. The standard's own
examples are `15%～30%` (not `15～30%`) and `9亿～16亿` (not `9～16亿`).

## Example

```text
城镇登记失业率控制在3～5%，新开工50～100亿元项目42个。
```

should read `3%～5%` and `50亿～100亿元`.
",
};

/// The units a range must repeat, `万亿` before `万`.
const UNITS: [&str; 6] = ["%", "％", "‰", "万亿", "万", "亿"];

/// The unit `s` starts with.
fn unit_at(s: &str) -> Option<&'static str> {
    UNITS.into_iter().find(|u| s.starts_with(u))
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let text = ctx.text;
    let bytes = text.as_bytes();
    // The dashes, found by a byte search each: `-` and `~` at once.
    let mut dashes: Vec<(usize, usize)> = memchr::memchr2_iter(b'-', b'~', bytes)
        .map(|at| (at, 1))
        .collect();
    for dash in ['～', '—', '－'] {
        dashes.extend(
            ctx.marks()
                .positions(dash)
                .iter()
                .map(|&at| (at, dash.len_utf8())),
        );
    }
    dashes.sort_unstable();
    for (at, len) in dashes {
        let Some(first) = number_before(text, at) else {
            continue;
        };
        let Some(second) = number_after(text, at + len, |rest| unit_at(rest).is_some()) else {
            continue;
        };
        let Some(unit_text) = text.get(second.end..).and_then(unit_at) else {
            continue;
        };
        let dash = TextRange::new(at, at + len);
        let unit = TextRange::new(second.end, second.end + unit_text.len());
        if prose_paragraph(ctx, TextRange::new(first.start, unit.end)).is_none() {
            continue;
        }
        // A code, a standard's number or a negative number, not a range.
        if char_before(text, first.start).is_some_and(|c| {
            c.is_ascii_alphanumeric() || matches!(c, '.' | '/' | '-' | '－' | '_' | '—')
        }) {
            continue;
        }
        let range = TextRange::new(first.start, unit.end);
        let new = format!(
            "{}{unit_text}{}{}{unit_text}",
            first.slice(text),
            dash.slice(text),
            second.slice(text)
        );
        let old = range.slice(text);
        out.push(replace(
            &DOC,
            text,
            range,
            &new,
            format!("范围“{old}”的前一个数也要带“{unit_text}”：“{new}”"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::testing::{only, replacements};

    #[test]
    fn flags_ranges_that_drop_the_unit() {
        let text = "失业率控制在3～5%，新开工50～100亿元项目，按30-50万人口规划。\n";
        assert_eq!(
            replacements("BG023", text),
            ["3%～5%", "50亿～100亿", "30万-50万"]
        );
    }

    #[test]
    fn dont_flag_full_ranges_or_plain_units() {
        let text = "增长3%～5%，投资9亿～16亿元，12500～20000元，GB/T 15835-2011，-5～-3%。\n";
        assert!(only("BG023", text).is_empty());
    }
}
