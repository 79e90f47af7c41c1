//! BG025: an estimate said twice (`约100多人`, `大约…左右`, `近…以上`).

use super::super::prose::{char_before, prose_paragraph};
use super::super::{shared, Context, Finding, RuleDoc, Severity};
use crate::rules::family::Family;
use crate::text::TextRange;

pub const DOC: RuleDoc = RuleDoc {
    code: "BG025",
    name: "double-estimate",
    family: Family::Numbers,
    default_severity: Severity::Info,
    summary: "An estimate said twice: `约100多人`, `约…左右`, `近…以上`",
    explanation: "\
## What it does

Finds a number given as an estimate twice over: `约` (`大约`, `大概`) with
`多`, `余` or `左右` after the number, or `近` (`将近`) with `以上` after it.
Words that end in 约 (`签约` `节约` `制约`) and terms such as `规模以上` are
not estimates and are left alone. There is no quick fix: which word to keep
is the drafter's choice.

## Why

Each word already makes the number approximate; said twice the sentence is
redundant (`约100多人`) or contradicts itself (`近…以上`: less than, and
more than). Proofreading guides list these among the commonest slips with
numbers (GB/T 15835-2011 §4.1.4 on approximate numbers).

## Example

```text
约有17万左右适龄儿童受益，减轻企业负担近20亿元以上。
```

should read `约有17万适龄儿童` and `近20亿元`.
",
};

/// An estimate said twice: where it starts, the first word (`约`, `大约`,
/// `近`…), the second (`多`, `余`, `…左右`, `…以上`) and where it ends.
struct Estimate {
    first: TextRange,
    second: TextRange,
}

const DIGITS: [char; 11] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.'];
const MULTIPLIERS: [char; 5] = ['十', '百', '千', '万', '亿'];
const NUMERALS: &str = "一二三四五六七八九十两";
const NUMERAL_TAIL: [char; 15] = [
    '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '亿', '两',
];

/// The length of the leading run of `s` whose characters `keep` accepts.
fn run(s: &str, keep: impl Fn(char) -> bool) -> usize {
    s.len() - s.trim_start_matches(keep).len()
}

/// The length of the number that starts `s` (`100`, `2.5万`, `一千二百`);
/// `first` is the set the first Chinese numeral is from.
fn number_len(s: &str, first: &str) -> usize {
    let digits = run(s, |c| DIGITS.contains(&c));
    if digits > 0 {
        return digits
            + s.get(digits..)
                .map_or(0, |t| run(t, |c| MULTIPLIERS.contains(&c)));
    }
    match s.chars().next() {
        Some(c) if first.contains(c) => {
            c.len_utf8()
                + s.get(c.len_utf8()..)
                    .map_or(0, |t| run(t, |c| NUMERAL_TAIL.contains(&c)))
        }
        _ => 0,
    }
}

/// The length of the shortest run of at most `most` characters of a clause
/// (no mark ending one, no blank, no digit) that `word` follows, `word`
/// included.
fn until(s: &str, word: &str, most: usize) -> Option<usize> {
    let mut at = 0;
    for _ in 0..=most {
        let rest = s.get(at..)?;
        if rest.starts_with(word) {
            return Some(at + word.len());
        }
        let c = rest.chars().next()?;
        if "，。；、！？：".contains(c) || c.is_whitespace() || c.is_ascii_digit() {
            return None;
        }
        at += c.len_utf8();
    }
    None
}

/// The estimate whose 约 or 近 is at `at`, as the pattern `(大约|大概|约)
/// (有|为|占|达)? number (多|余|…{0,6}左右)` or `(将近|近) number
/// (…{0,4}以上)` reads it.
fn estimate_at(text: &str, at: usize, about: char) -> Option<Estimate> {
    let before = text.get(..at)?;
    let (start, numerals, after_first) = match about {
        '近' => {
            let start = before.strip_suffix('将').map_or(at, str::len);
            (start, "一二三四五六七八九十两百千", 0)
        }
        '概' => (before.strip_suffix('大')?.len(), NUMERALS, 0),
        _ => {
            let start = before.strip_suffix('大').map_or(at, str::len);
            (start, NUMERALS, 1)
        }
    };
    let first = TextRange::new(start, at + about.len_utf8());
    let mut rest = text.get(first.end..)?;
    if after_first == 1 || about == '概' {
        if let Some(t) = rest.strip_prefix(['有', '为', '占', '达']) {
            if number_len(t, numerals) > 0 {
                rest = t;
            }
        }
    }
    let number = number_len(rest, numerals);
    if number == 0 {
        return None;
    }
    let from = text.len() - rest.len() + number;
    let tail = text.get(from..)?;
    let len = if about == '近' {
        until(tail, "以上", 4)?
    } else if tail.starts_with(['多', '余']) {
        '多'.len_utf8()
    } else {
        until(tail, "左右", 6)?
    };
    Some(Estimate {
        first,
        second: TextRange::new(from, from + len),
    })
}

/// Characters that make a word ending in 约 or 近 (签约, 最近).
const NOT_ABOUT: &str =
    "节制集简俭契预特签邀相履违公条婚租合誓盟协守践失爽赴毁解立和纽缔背附邻亲贴接临最靠就逼迫趋走";

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let text = ctx.text;
    let mut anchors: Vec<(usize, char)> = Vec::new();
    for about in ['约', '概', '近'] {
        anchors.extend(ctx.anchors(about).iter().map(|&at| (at, about)));
    }
    anchors.sort_unstable();
    let mut next = 0;
    for (at, about) in anchors {
        let Some(Estimate { first, second }) = estimate_at(text, at, about) else {
            continue;
        };
        if first.start < next {
            continue;
        }
        next = second.end;
        let whole = TextRange::new(first.start, second.end);
        if prose_paragraph(ctx, whole).is_none() {
            continue;
        }
        let first_text = first.slice(text);
        if first_text.chars().count() == 1
            && char_before(text, first.start).is_some_and(|c| NOT_ABOUT.contains(c))
        {
            continue;
        }
        let second_text = second.slice(text);
        // `规模以上工业`, `限额以上`, `60岁以上`: a class, not an estimate.
        if ["规模", "限额", "岁", "级", "年", "月", "天", "倍"]
            .iter()
            .any(|w| second_text.contains(w))
        {
            continue;
        }
        let tail: String = second_text
            .chars()
            .rev()
            .take(2)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let tail = if tail.ends_with("左右") || tail.ends_with("以上") {
            tail
        } else {
            second_text.to_string()
        };
        let range = whole;
        out.push(shared::finding(
            &DOC,
            range,
            format!("“{first_text}”与“{tail}”都表示约数，只用其一"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::testing::only;

    #[test]
    fn flags_estimates_said_twice() {
        let text = "参加约100多人，约有17万左右儿童，减负近20亿元以上，约2万余平方米。\n";
        let found = only("BG025", text);
        assert_eq!(found.len(), 4, "{found:#?}");
        assert_eq!(found[0].range.slice(text), "约100多");
    }

    #[test]
    fn dont_flag_words_or_classes() {
        let text = "签约当年开工率75%左右，节约3亿余元，近700家规模以上企业，近百万60岁以上老人，约100人，增长5%左右。\n";
        assert!(only("BG025", text).is_empty(), "{:#?}", only("BG025", text));
    }
}
