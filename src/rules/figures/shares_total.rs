//! BG028: the shares of one whole do not total 100 (`三次产业结构比为
//! 9.8∶66.7∶24.6`).

use std::sync::LazyLock;

use regex::Regex;
use rust_decimal::Decimal;

use super::super::prose::{char_after, char_before, prose_captures};
use super::super::{shared, Context, Finding, RuleDoc, Severity};
use super::Bounds;
use crate::rules::family::Family;
use crate::text::TextRange;

pub const DOC: RuleDoc = RuleDoc {
    code: "BG028",
    name: "shares-total",
    family: Family::Figures,
    default_severity: Severity::Warning,
    summary: "The shares of the three industries do not total 100 (三次产业结构比为9.8∶66.7∶24.6)",
    explanation: "\
## What it does

Adds up the shares of one whole where the text says they make one: the
structure of the three industries as a ratio (`三次产业结构为9.8∶66.7∶23.6`,
`产业结构由5.1:51.2:43.7调整为4.3:49.2:46.5`, `一、二、三产比重为…`) or as
percentages of each (`第一、二、三产业增加值占生产总值的比重分别为12.4%、
47.3%和40.3%`; `第一产业…比重为10.2%，第二产业…比重为46.8%，第三产业…比重为
43.0%`), and reports them when they do not total 100.

Rounding is allowed for: each share may be off by half a unit of its last
digit, so the sum may be off by the sum of those halves (0.15 for three
shares with one decimal, 1.5 for three whole numbers), and no more. A list
of percentages that are not parts of one whole (`工业经济、民营经济占生产总值
比重分别为…`), shares of a larger whole (`占全省…比重`) and a ratio in other
terms (`3∶3∶4`, a sum far from 100) are left alone.

## Why

The three shares are parts of one gross product: when they do not add up,
one of them was mistyped or taken from another year.

## Example

```text
三次产业结构比为9.8∶66.7∶24.6。
```

totals 101.1: one of the shares is wrong.
",
};

/// A number as shares are written.
const NUMBER: &str = r"[0-9]+(?:\.[0-9]+)?";

/// Two to four numbers joined by a ratio colon (`9.8∶66.7∶23.6`).
static RATIO: LazyLock<Regex> = LazyLock::new(|| {
    let colon = r"\s*[:：∶]\s*";
    crate::report::static_regex(&format!(
        r"({NUMBER}){colon}({NUMBER}){colon}({NUMBER})(?:{colon}({NUMBER}))?"
    ))
});

/// Three percentages listed with `分别为` (`分别为12.4%、47.3%和40.3%`).
static LISTED: LazyLock<Regex> = LazyLock::new(|| {
    let pct = r"\s*[%％]";
    crate::report::static_regex(&format!(
        r"分别[为是达]?[:：]?\s*({NUMBER}){pct}\s*[、，,]\s*({NUMBER}){pct}\s*[、，,和及与]\s*({NUMBER}){pct}"
    ))
});

/// Each industry's share in a clause of its own (`第一产业增加值占国内生产
/// 总值的比重为10.2%，第二产业增加值比重为46.8%，第三产业…为43.0%`).
static EACH: LazyLock<Regex> = LazyLock::new(|| {
    let share = format!(
        r"产业[^。；;，,\n0-9%％]{{0,30}}?(?:比重|占比|比例|占)[^。；;，,\n0-9%％]{{0,12}}?({NUMBER})\s*[%％]"
    );
    let next = r"[^。；;\n0-9%％]{0,4}?[，,、；;]\s*";
    crate::report::static_regex(&format!(r"第一{share}{next}第二{share}{next}第三{share}"))
});

/// The three industries named as one whole: `三次产业`, `一、二、三产业`,
/// `第一、第二和第三产业`, `一二三产`, or the `产业结构` a ratio gives.
static WHOLE: LazyLock<Regex> = LazyLock::new(|| {
    crate::report::static_regex(
        r"三次产业|三大产业|第?一[、，,和及]*第?二[、，,和及]*第?三产|产业结构",
    )
});

/// Words that say the numbers are shares of a whole.
static SHARE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    crate::report::static_regex(r"结构|比重|占比|比例|之比|比为|比是|比由|产业比")
});

/// A larger whole than the report's own (`占全省…`).
static LARGER_WHOLE: LazyLock<Regex> =
    LazyLock::new(|| crate::report::static_regex(r"全[国省区州盟县]|全自治区"));

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let text = ctx.text;
    for (caps, paragraph) in prose_captures(ctx, &RATIO) {
        let Some(whole) = caps.get(0) else { continue };
        let range = TextRange::new(whole.start(), whole.end());
        // A number broken by a stray space (`40. 8`) is no share to add.
        let broken_after = text
            .get(range.end..)
            .and_then(|rest| rest.trim_start_matches([' ', '.', '．']).chars().next())
            .is_some_and(|c| c.is_ascii_digit())
            && char_after(text, range.end).is_some_and(|c| matches!(c, '.' | '．' | ' '));
        let broken_before = char_before(text, range.start)
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '．' | '/' | '-'));
        if broken_after || broken_before {
            continue;
        }
        let clause = clause_before(text, paragraph, range.start);
        if !(WHOLE.is_match(clause) && SHARE_WORD.is_match(clause)) {
            continue;
        }
        let shares = (1..=4).filter_map(|i| caps.get(i)).map(|m| m.as_str());
        if let Some(finding) = total_finding(text, range, shares, "") {
            out.push(finding);
        }
    }
    for (caps, paragraph) in prose_captures(ctx, &LISTED) {
        let Some(whole) = caps.get(0) else { continue };
        let clause = clause_before(text, paragraph, whole.start());
        if !(WHOLE.is_match(clause) && SHARE_WORD.is_match(clause)) || LARGER_WHOLE.is_match(clause)
        {
            continue;
        }
        let (Some(first), Some(last)) = (caps.get(1), caps.get(0)) else {
            continue;
        };
        let range = TextRange::new(first.start(), last.end());
        let shares = (1..=3).filter_map(|i| caps.get(i)).map(|m| m.as_str());
        if let Some(finding) = total_finding(text, range, shares, "%") {
            out.push(finding);
        }
    }
    for (caps, _) in prose_captures(ctx, &EACH) {
        let Some(whole) = caps.get(0) else { continue };
        if LARGER_WHOLE.is_match(whole.as_str()) {
            continue;
        }
        let range = TextRange::new(whole.start(), whole.end());
        let shares = (1..=3).filter_map(|i| caps.get(i)).map(|m| m.as_str());
        if let Some(finding) = total_finding(text, range, shares, "%") {
            out.push(finding);
        }
    }
}

/// The clause before `at` in its paragraph: back to the last `，` `。` `；`
/// (or the paragraph's start), at most 30 characters.
fn clause_before(text: &str, paragraph: TextRange, at: usize) -> &str {
    let before = text.get(paragraph.start..at).unwrap_or("");
    let start = before.rfind(['，', ',', '。', '；', ';']).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let clause = before.get(start..).unwrap_or("");
    let from = clause.char_indices().rev().nth(29).map_or(0, |(i, _)| i);
    clause.get(from..).unwrap_or(clause)
}

/// The finding on `range` when the shares, as written, cannot total 100:
/// `None` when they may, or when their sum is so far from 100 that they are
/// no percentages (`3∶3∶4`).
fn total_finding<'s>(
    text: &str,
    range: TextRange,
    shares: impl Iterator<Item = &'s str>,
    unit: &str,
) -> Option<Finding> {
    let mut sum = Decimal::ZERO;
    let mut slack = Decimal::ZERO;
    for share in shares {
        let bounds = Bounds::of_digits(share, Decimal::ONE)?;
        sum += (bounds.low + bounds.high) / Decimal::TWO;
        slack += (bounds.high - bounds.low) / Decimal::TWO;
    }
    let off = (sum - Decimal::ONE_HUNDRED).abs();
    if off <= slack || off > Decimal::from(20) {
        return None;
    }
    Some(shared::finding(
        &DOC,
        range,
        format!(
            "{}各项合计{}{unit}，不等于100{unit}",
            range.slice(text),
            sum.normalize()
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::super::super::testing::only;

    #[test]
    fn flags_shares_that_do_not_total_100() {
        let text = "三次产业结构比为9.8∶66.7∶24.6。\n";
        let found = only("BG028", text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].range.slice(text), "9.8∶66.7∶24.6");
        assert_eq!(found[0].message, "9.8∶66.7∶24.6各项合计101.1，不等于100");
        // 重庆市 2007 (lawtext/gov, line 26): 12.3 + 44.0 + 44.7 = 101.0.
        let chongqing =
            "产业结构调整步伐加快。三次产业比重为12.3∶44.0∶44.7。重点产业发展集约化。\n";
        assert_eq!(only("BG028", chongqing).len(), 1);
        // Both ratios of a change are read.
        let change = "三次产业结构由44.2∶11.6∶44.2调整为37.8∶8.8∶52.5。\n";
        let found = only("BG028", change);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].range.slice(change), "37.8∶8.8∶52.5");
        let listed = "第一、第二和第三产业增加值占国内生产总值的比重分别为12.4%、47.3%和41.3%。\n";
        assert_eq!(
            only("BG028", listed)[0].message,
            "12.4%、47.3%和41.3%各项合计101%，不等于100%"
        );
        let each = "第一产业增加值占国内生产总值的比重为10.2%，第二产业增加值比重为46.8%，\
                    第三产业增加值比重为44.0%。\n";
        assert_eq!(only("BG028", each).len(), 1);
    }

    #[test]
    fn dont_flag_shares_that_total_100_as_rounded() {
        for text in [
            "三次产业比例由13.3：41.7：45.0调整为10.8：39.1：50.1。\n",
            "全市三次产业结构比重为27:18:55，一产稳定但增量有限。\n",
            "三次产业比重调整为5.8: 40:54.2，结构进一步优化。\n",
            // 100.1, within three halves of 0.1.
            "第一产业增加值占国内生产总值的比重为7.2%，第二产业增加值比重为40.7%，\
             第三产业增加值比重为52.2%。\n",
            "一、二、三产业比重分别为1.3%、28.7%和70%。\n",
        ] {
            assert!(only("BG028", text).is_empty(), "{text}");
        }
    }

    #[test]
    fn dont_flag_other_ratios_and_lists() {
        for text in [
            // A ratio in tenths, a ratio of something else, a broken number.
            "争取2007年全省三次产业比例趋近于3：3：4。\n",
            "优化粮经饲比例，调整到7:2:1。\n",
            "三次产业增加值比重由上年的8.8：50.4：40. 8变为7.8：52.4：39.8.全省经济步入良性循环。\n",
            // Percentages of different wholes.
            "工业经济、民营经济、县域经济占生产总值比重分别为40.1%、52%、72.4%。\n",
            "第一、二、三产业增加值占全省的比重分别为12.1%、8.5%、9.0%。\n",
            "第一产业增加值增长5.6%，第二产业增加值增长4.9%，第三产业增加值增长5.1%。\n",
        ] {
            assert!(only("BG028", text).is_empty(), "{text}");
        }
    }
}
