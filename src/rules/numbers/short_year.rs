//! BG032: a year written with two digits (`23年底` for `2023年底`) in a
//! report that writes its years in full.

use super::super::prose::{char_before, prose_paragraph, replace};
use super::super::{Context, Finding, RuleDoc, Severity};
use crate::rules::family::Family;
use crate::text::TextRange;

pub const DOC: RuleDoc = RuleDoc {
    code: "BG032",
    name: "short-year",
    family: Family::Numbers,
    default_severity: Severity::Info,
    summary: "A year written with two digits (`23年底` → `2023年底`) where the report writes years in full",
    explanation: "\
## What it does

Finds a year written with its last two digits only, where it can only be a
year: the second year of a range after a full one (`2022年至23年`), or a
year followed by a part of it (`23年底` `23年初` `23年末` `23年上半年`
`23年5月`) in a report that writes a year of the same decade in full
(`2023年`). The quick fix writes the year in full, with the century of the
full years. `23年` alone is also a duration (`用了23年`), an age or an
ordinal (`第23年`): it is left alone, and so is `自23年以来`-like wording
without a part of the year.

## Why

GB/T 15835-2011 §4.1.2 (年份): a year is written in full, `2023年`, not
`23年`. A short year in a report that writes every other year in full is a
slip of drafting.

## Example

```text
2022年至23年，累计新增就业12万人。23年底，全市常住人口达到…
```

should read `2022年至2023年` and `2023年底`.
",
};

/// What follows `NN年` where it names a part of a year.
const PART_OF_YEAR: [&str; 6] = ["底", "初", "末", "上半年", "下半年", "度"];

/// What joins the two years of a range.
const RANGE_JOINS: [&str; 7] = ["至", "到", "—", "－", "-", "～", "~"];

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let text = ctx.text;
    let bytes = text.as_bytes();
    for &at in ctx.anchors('年') {
        // Two digits before 年, and no third.
        let Some(start) = at.checked_sub(2) else {
            continue;
        };
        let (Some(&tens), Some(&ones)) = (bytes.get(start), bytes.get(start + 1)) else {
            continue;
        };
        if !tens.is_ascii_digit()
            || !ones.is_ascii_digit()
            || char_before(text, start)
                .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '０'..='９'))
        {
            continue;
        }
        let digits = TextRange::new(start, at);
        let after = text.get(at + '年'.len_utf8()..).unwrap_or("");
        let century = match range_start(text, start) {
            Some(first) => Some(first / 100).filter(|_| first % 100 < year_of(digits, text)),
            None if PART_OF_YEAR.iter().any(|p| after.starts_with(p)) || starts_month(after) => {
                full_year_century(ctx, start, tens)
            }
            None => None,
        };
        let Some(century) = century else { continue };
        if prose_paragraph(ctx, TextRange::new(start, at + '年'.len_utf8())).is_none() {
            continue;
        }
        let short = digits.slice(text);
        let full = format!("{century}{short}");
        out.push(replace(
            &DOC,
            text,
            digits,
            &full,
            format!("年份应写全：“{short}年”应为“{full}年”"),
        ));
    }
}

/// The two digits as a number.
fn year_of(digits: TextRange, text: &str) -> u32 {
    digits.slice(text).parse().unwrap_or(0)
}

/// Whether `s` starts with a month (`5月`, `12月`).
fn starts_month(s: &str) -> bool {
    let n = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    (1..=2).contains(&n) && s.get(n..).is_some_and(|t| t.starts_with('月'))
}

/// The full year that opens a range ending at `start` (`2022年至`), if any.
fn range_start(text: &str, start: usize) -> Option<u32> {
    let before = text.get(..start)?;
    let join = RANGE_JOINS.iter().find(|j| before.ends_with(*j))?;
    let year = before
        .get(..before.len() - join.len())?
        .strip_suffix('年')?;
    let digits = year.get(year.len().checked_sub(4)?..)?;
    let whole = year.len() == 4
        || year
            .get(..year.len() - 4)
            .and_then(|s| s.chars().next_back())
            .is_none_or(|c| !c.is_ascii_alphanumeric());
    let value: u32 = digits.parse().ok()?;
    (whole && digits.bytes().all(|b| b.is_ascii_digit()) && (1900..2100).contains(&value))
        .then_some(value)
}

/// The century of the full years of the same decade the report at `at`
/// writes (`2023年` for `23年`), when they all share one.
fn full_year_century(ctx: &Context, at: usize, tens: u8) -> Option<u32> {
    let report = ctx.document.reports.iter().find(|r| r.range.contains(at))?;
    let body = report.range.slice(ctx.text).as_bytes();
    let mut century = None;
    for end in ctx
        .positions_in('年', report.range)
        .iter()
        .map(|&at| at - report.range.start)
    {
        let Some(year) = end.checked_sub(4).and_then(|s| body.get(s..end)) else {
            continue;
        };
        let whole = end < 5 || body.get(end - 5).is_none_or(|b| !b.is_ascii_alphanumeric());
        if !whole || !year.iter().all(u8::is_ascii_digit) || year.get(2) != Some(&tens) {
            continue;
        }
        let c = match year.get(..2) {
            Some(b"19") => 19,
            Some(b"20") => 20,
            _ => continue,
        };
        if century.is_some_and(|known| known != c) {
            return None;
        }
        century = Some(c);
    }
    century
}

#[cfg(test)]
mod tests {
    use super::super::super::testing::{fixture, only, replacements};

    #[test]
    fn flags_short_years_where_a_year_is_certain() {
        let text = "2023年，全市生产总值增长5%。2022年至23年，新增就业12万人。23年底，常住人口达到900万人，24年5月开工。\n";
        assert_eq!(replacements("BG032", text), ["2023", "2023", "2024"]);
    }

    #[test]
    fn dont_flag_durations_ages_or_ordinals() {
        let text = "2023年，建市40年来，用了23年，第23年，连续23年增长，23年前，改革开放45年以来，99年底的规划。\n";
        assert!(only("BG032", text).is_empty(), "{:#?}", only("BG032", text));
    }

    #[test]
    fn flags_a_short_year_in_a_real_report() {
        let text = fixture("zhengfu-zhejiang-2026.txt");
        assert!(only("BG032", &text).is_empty());
        let line = text
            .lines()
            .find(|l| l.contains("2025年") && l.contains('，') && l.len() > 100)
            .unwrap();
        let seeded = text.replacen(line, &line.replacen('，', "，25年底，", 1), 1);
        assert_eq!(replacements("BG032", &seeded), ["2025"]);
    }
}
