//! BG028: the shares of one whole do not total 100 (`三次产业结构比为
//! 9.8∶66.7∶24.6`).

use rust_decimal::Decimal;

use super::super::prose::{char_after, char_before, in_code_or_url, paragraph_at};
use super::super::{shared, Context, Finding, Marks, RuleDoc, Severity};
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

/// The three industries named as one whole: `三次产业`, `一、二、三产业`,
/// `第一、第二和第三产业`, `一二三产`, or the `产业结构` a ratio gives.
fn names_the_whole(clause: &str) -> bool {
    if ["三次产业", "三大产业", "产业结构"]
        .iter()
        .any(|w| clause.contains(w))
    {
        return true;
    }
    // `一、二、三产`: 一 and 二 just before 三产, with only marks between.
    clause.match_indices("三产").any(|(at, _)| {
        let before: String = clause[..at]
            .chars()
            .rev()
            .take_while(|c| "第一二、，,和及".contains(*c))
            .collect();
        before.contains('一') && before.contains('二')
    })
}

/// Words that say the numbers are shares of a whole.
fn names_shares(clause: &str) -> bool {
    [
        "结构",
        "比重",
        "占比",
        "比例",
        "之比",
        "比为",
        "比是",
        "比由",
        "产业比",
    ]
    .iter()
    .any(|w| clause.contains(w))
}

/// A larger whole than the report's own (`占全省…`).
fn names_a_larger_whole(s: &str) -> bool {
    s.match_indices('全')
        .any(|(at, c)| s[at + c.len()..].starts_with(['国', '省', '区', '州', '盟', '县', '自']))
}

/// An Arabic number as shares are written (`23.6`) at the start of `s`: its
/// length in bytes.
fn number_at(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let int = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if int == 0 {
        return None;
    }
    let frac = match bytes.get(int) {
        Some(b'.') => bytes
            .get(int + 1..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count(),
        _ => 0,
    };
    Some(if frac > 0 { int + 1 + frac } else { int })
}

/// `s` without the spaces it starts with.
fn skip_spaces(s: &str) -> &str {
    s.trim_start_matches([' ', '\u{3000}'])
}

/// A ratio colon (`:` `：` `∶`) at the start of `s`, and what follows it.
fn after_colon(s: &str) -> Option<&str> {
    let s = skip_spaces(s);
    let rest = s
        .strip_prefix(':')
        .or_else(|| s.strip_prefix('：'))
        .or_else(|| s.strip_prefix('∶'))?;
    Some(skip_spaces(rest))
}

/// A percent sign, after spaces, at the start of `s`, and what follows it.
fn after_percent(s: &str) -> Option<&str> {
    let s = skip_spaces(s);
    s.strip_prefix('%').or_else(|| s.strip_prefix('％'))
}

/// Three or four numbers joined by ratio colons from `start`
/// (`9.8∶66.7∶23.6`): the numbers and where the ratio ends.
fn ratio_at(text: &str, start: usize) -> Option<(Vec<&str>, usize)> {
    let mut rest = text.get(start..)?;
    let mut numbers = Vec::with_capacity(4);
    loop {
        let len = number_at(rest)?;
        numbers.push(&rest[..len]);
        rest = &rest[len..];
        match after_colon(rest) {
            Some(next) if numbers.len() < 4 && number_at(next).is_some() => rest = next,
            _ => break,
        }
    }
    (numbers.len() >= 3).then(|| (numbers, text.len() - rest.len()))
}

/// Every ratio of three or four numbers in `text` (`9.8∶66.7∶23.6`), found
/// from its colons (the wide ones from `marks`, [`Context::marks`]): few
/// lines of a report have a colon after a digit.
fn ratios<'t>(text: &'t str, marks: &Marks) -> Vec<(Vec<&'t str>, TextRange)> {
    let mut colons: Vec<usize> = memchr::memchr_iter(b':', text.as_bytes()).collect();
    for wide in ['：', '∶'] {
        colons.extend(marks.positions(wide));
    }
    colons.sort_unstable();
    let mut found = Vec::new();
    let mut done = 0;
    for colon in colons {
        if colon < done {
            continue;
        }
        // The first number: the digits and point before the colon.
        let head = text
            .get(..colon)
            .unwrap_or("")
            .trim_end_matches([' ', '\u{3000}']);
        let digits = head
            .bytes()
            .rev()
            .take_while(|b| b.is_ascii_digit() || *b == b'.')
            .count();
        if digits == 0 {
            continue;
        }
        let start = head.len() - digits;
        if let Some((numbers, end)) = ratio_at(text, start) {
            done = end;
            found.push((numbers, TextRange::new(start, end)));
        }
    }
    found
}

/// Three percentages listed after `分别` (`分别为12.4%、47.3%和40.3%`) at
/// `at`: the numbers and the range from the first to the last `%`.
fn listed_at(text: &str, at: usize) -> Option<(Vec<&str>, TextRange)> {
    let rest = text.get(at..)?.strip_prefix("分别")?;
    let rest = rest.trim_start_matches(['为', '是', '达']);
    let mut rest = skip_spaces(rest.trim_start_matches([':', '：']));
    let start = text.len() - rest.len();
    let mut numbers = Vec::with_capacity(3);
    for n in 0..3 {
        let len = number_at(rest)?;
        numbers.push(&rest[..len]);
        rest = after_percent(&rest[len..])?;
        if n < 2 {
            let joins: &[char] = if n == 0 {
                &['、', '，', ',']
            } else {
                &['、', '，', ',', '和', '及', '与']
            };
            rest = skip_spaces(skip_spaces(rest).strip_prefix(joins)?);
        }
    }
    Some((numbers, TextRange::new(start, text.len() - rest.len())))
}

/// Each industry's share in a clause of its own from `at` (`第一产业增加值
/// 占国内生产总值的比重为10.2%，第二产业增加值比重为46.8%，第三产业…为43.0%`):
/// the numbers and the range of the three clauses.
fn each_at(text: &str, at: usize) -> Option<(Vec<&str>, TextRange)> {
    let mut rest = text.get(at..)?;
    let mut numbers = Vec::with_capacity(3);
    for (n, ordinal) in ["第一产业", "第二产业", "第三产业"].iter().enumerate() {
        rest = rest.strip_prefix(ordinal)?;
        let (share, after) = share_of(rest)?;
        numbers.push(share);
        rest = after;
        if n < 2 {
            // A few words, then a clause mark, then the next industry.
            let mark = rest
                .char_indices()
                .take(5)
                .find(|(_, c)| matches!(c, '，' | ',' | '、' | '；' | ';'))
                .map(|(i, c)| i + c.len_utf8())?;
            if rest[..mark].contains(['。', '\n'])
                || rest[..mark].bytes().any(|b| b.is_ascii_digit())
            {
                return None;
            }
            rest = skip_spaces(&rest[mark..]);
        }
    }
    Some((numbers, TextRange::new(at, text.len() - rest.len())))
}

/// The share an industry's clause gives (`增加值占国内生产总值的比重为10.2%`):
/// a share word within 30 characters, the number within 12 after it, and
/// what follows its `%`.
fn share_of(clause: &str) -> Option<(&str, &str)> {
    let stop = |c: char| {
        matches!(c, '。' | '；' | ';' | '，' | ',' | '\n' | '%' | '％') || c.is_ascii_digit()
    };
    let word_end = clause
        .char_indices()
        .take(31)
        .take_while(|&(_, c)| !stop(c))
        .find_map(|(i, _)| {
            ["比重", "占比", "比例", "占"]
                .iter()
                .find(|w| clause[i..].starts_with(*w))
                .map(|w| i + w.len())
        })?;
    let after_word = &clause[word_end..];
    let digits_at = after_word
        .char_indices()
        .take(13)
        .find(|&(_, c)| stop(c))
        .filter(|&(_, c)| c.is_ascii_digit())
        .map(|(i, _)| i)?;
    let number = &after_word[digits_at..];
    let len = number_at(number)?;
    let rest = after_percent(&number[len..])?;
    if names_a_larger_whole(&clause[..word_end + digits_at]) {
        return None;
    }
    Some((&number[..len], rest))
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let text = ctx.text;
    for (shares, range) in ratios(text, ctx.marks()) {
        let Some(paragraph) = paragraph_at(ctx, range.start) else {
            continue;
        };
        // A number broken by a stray space (`40. 8`) is no share to add.
        let broken_after = text
            .get(range.end..)
            .and_then(|rest| rest.trim_start_matches([' ', '.', '．']).chars().next())
            .is_some_and(|c| c.is_ascii_digit())
            && char_after(text, range.end).is_some_and(|c| matches!(c, '.' | '．' | ' '));
        let broken_before = char_before(text, range.start)
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '．' | '/' | '-'));
        // Code and URLs are looked for near the ratio: a paragraph of a
        // thousand ratios is read once, not once per ratio.
        let near = TextRange::new(
            text.ceil_char_boundary(paragraph.start.max(range.start.saturating_sub(192))),
            paragraph.end,
        );
        if broken_after || broken_before || in_code_or_url(text, near, range) {
            continue;
        }
        let clause = clause_before(text, paragraph, range.start);
        if !(names_the_whole(clause) && names_shares(clause)) {
            continue;
        }
        if let Some(finding) = total_finding(text, range, shares.into_iter(), "") {
            out.push(finding);
        }
    }
    for at in ctx.word_starts("分别") {
        let (Some((shares, range)), Some(paragraph)) = (listed_at(text, at), paragraph_at(ctx, at))
        else {
            continue;
        };
        let clause = clause_before(text, paragraph, at);
        if !(names_the_whole(clause) && names_shares(clause)) || names_a_larger_whole(clause) {
            continue;
        }
        if let Some(finding) = total_finding(text, range, shares.into_iter(), "%") {
            out.push(finding);
        }
    }
    for at in ctx.word_starts("第一产业") {
        let Some((shares, range)) = each_at(text, at) else {
            continue;
        };
        if paragraph_at(ctx, at).is_none_or(|p| !p.contains_range(range)) {
            continue;
        }
        if let Some(finding) = total_finding(text, range, shares.into_iter(), "%") {
            out.push(finding);
        }
    }
}

/// The clause before `at` in its paragraph: back to the last `，` `。` `；`
/// (or the paragraph's start), at most 30 characters.
fn clause_before(text: &str, paragraph: TextRange, at: usize) -> &str {
    let before = super::words_before(text, paragraph.start, at);
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
