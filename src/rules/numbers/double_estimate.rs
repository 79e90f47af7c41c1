//! BG025: an estimate said twice (`约100多人`, `大约…左右`, `近…以上`).

use std::sync::LazyLock;

use regex::Regex;

use super::super::prose::{char_before, group_range, prose_captures};
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

static ESTIMATE: LazyLock<Regex> = LazyLock::new(|| {
    crate::report::static_regex(
        r"(大约|大概|约)(?:有|为|占|达)?(?:[0-9.]+[十百千万亿]*|[一二三四五六七八九十两][一二三四五六七八九十百千万亿两]*)(多|余|[^，。；、！？：\s0-9]{0,6}?左右)|(将近|近)(?:[0-9.]+[十百千万亿]*|[一二三四五六七八九十两百千][一二三四五六七八九十百千万亿两]*)([^，。；、！？：\s0-9]{0,4}?以上)",
    )
});

/// Characters that make a word ending in 约 or 近 (签约, 最近).
const NOT_ABOUT: &str =
    "节制集简俭契预特签邀相履违公条婚租合誓盟协守践失爽赴毁解立和纽缔背附邻亲贴接临最靠就逼迫趋走";

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let text = ctx.text;
    for (caps, _) in prose_captures(ctx, &ESTIMATE) {
        let Some(whole) = caps.get(0) else { continue };
        let (first, second) = match (group_range(&caps, 1), group_range(&caps, 2)) {
            (Some(a), Some(b)) => (a, b),
            _ => match (group_range(&caps, 3), group_range(&caps, 4)) {
                (Some(a), Some(b)) => (a, b),
                _ => continue,
            },
        };
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
        let range = TextRange::new(whole.start(), whole.end());
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
