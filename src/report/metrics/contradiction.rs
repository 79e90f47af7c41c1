//! The same thing counted with different values in one report
//! (`召开常委会会议9次` here, `8次` there).
//!
//! False alarms cost a drafter's trust, so two mentions are compared only when
//! everything says they are the same claim: the same specific `what` read
//! from the clause before the number (not a bare verb, not borrowed from a
//! neighbour, not a noun whose verb may differ: `审查43件规范性文件` and
//! `修改12件规范性文件` are different claims), the same measure word, both
//! exact results (not rates, targets or changes), the same period, and the
//! same scope (a report, or a part of one such as the review, so last year's
//! results are never held against next year's targets).
//!
//! Published government reports repeat a phrase for many subjects
//! (`完成投资` of each programme, `城镇新增就业` of the year and of the five
//! years, of the region and of a district), so the scope is also read from
//! where the mentions stand: a summary and the paragraph that details it,
//! never two mentions in one paragraph (they are of different subjects, or
//! the writer would not repeat the phrase), never two lists of figures (each
//! a summary of its own place or period), and never values several times
//! apart (a total and its part, five years and one).

use serde::Serialize;

use super::counted::is_bare_verb;
use super::{Category, Claim, Figure, WhatSource};
use crate::text::TextRange;

/// Two mentions of one thing with different values: indices into the slice
/// given to [`contradictions`], `first` before `second` in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Contradiction {
    pub first: usize,
    pub second: usize,
}

/// Shortest `what`, in characters, specific enough to compare.
const MIN_WHAT: usize = 4;

/// A thing counted more often than this in one scope is a per-item phrase
/// (`提出意见建议` after every inspection), not a total worth comparing.
const MAX_MENTIONS: usize = 3;

/// A sentence with this many figures is a list: a summary of its own.
const LIST_FIGURES: usize = 3;

/// Values further apart than this factor count different things: a figure
/// left stale in a draft is off by a little (`9次`, `8次`), not several times.
const MAX_RATIO: u32 = 2;

/// Pairs of `metrics` that contradict each other. `metrics` must be in text
/// order, as [`extract`](super::extract) returns them. Mentions are compared
/// only within one of `scopes`, the first that holds them (e.g. each report
/// of a compilation, or each part of a report); with no scopes the whole
/// text is one scope. Scopes may nest (a part, its sections, theirs): two
/// mentions are compared only when the innermost scope of one holds that of
/// the other, so a part's summary is held against each of its sections, but
/// two sections, which detail different things, not against each other.
///
/// A thing counted with more than two different values, or mentioned more
/// than three times, is a phrase repeated per item rather than one claim,
/// and is never reported. Two mentions that each follow another figure in
/// their sentence (`开展民主监督28次,参与委员126人次`) must follow the same
/// thing: they measure parts of different activities otherwise. Each later
/// mention that disagrees is paired with the first comparable one before it.
pub fn contradictions(metrics: &[Figure], scopes: &[TextRange]) -> Vec<Contradiction> {
    let scope_of = first_scope_of_each(metrics, scopes);
    let innermost = innermost_scope_of_each(metrics, scopes);
    let nested = |a: usize, b: usize| {
        let range = |i: usize| {
            innermost
                .get(i)
                .copied()
                .flatten()
                .and_then(|s| scopes.get(s))
        };
        match (range(a), range(b)) {
            (Some(a), Some(b)) => a.contains_range(*b) || b.contains_range(*a),
            _ => true,
        }
    };
    // The comparable mentions keyed by what they count, sorted so that each
    // group is a run in text order: a sort of a few dozen keys costs less
    // than hashing them, and allocates nothing per group.
    let mut keyed: Vec<(usize, &str, &str, usize)> = metrics
        .iter()
        .enumerate()
        .filter(|(_, metric)| comparable(metric))
        .filter_map(|(index, metric)| {
            let scope = if scopes.is_empty() {
                Some(0)
            } else {
                scope_of.get(index).copied().flatten()
            };
            Some((scope?, metric.what.as_str(), metric.unit, index))
        })
        .collect();
    keyed.sort_unstable();

    let mut found = Vec::new();
    for run in keyed.chunk_by(|a, b| (a.0, a.1, a.2) == (b.0, b.1, b.2)) {
        if run.len() > MAX_MENTIONS || distinct_values(metrics, run) != 2 {
            continue;
        }
        for (n, &(.., second)) in run.iter().enumerate() {
            let Some(b) = metrics.get(second) else {
                continue;
            };
            let first = run.iter().take(n).map(|&(.., i)| i).find(|&i| {
                metrics.get(i).is_some_and(|a| {
                    a.same_period(b)
                        && same_context(predecessor(metrics, i), predecessor(metrics, second))
                        && a.paragraph != b.paragraph
                        && nested(i, second)
                        && !(is_list(metrics, i) && is_list(metrics, second))
                        && close(a, b)
                })
            });
            if let Some(first) = first {
                if metrics.get(first).is_some_and(|a| a.value != b.value) {
                    found.push(Contradiction { first, second });
                }
            }
        }
    }
    found.sort_by_key(|c| (c.second, c.first));
    found
}

/// How many different values the mentions of a group have: a group is a
/// handful of mentions, so comparing each with those before it is cheap.
fn distinct_values(metrics: &[Figure], run: &[(usize, &str, &str, usize)]) -> usize {
    let value = |&(.., i): &(usize, &str, &str, usize)| metrics.get(i).map(|m| m.value);
    run.iter()
        .enumerate()
        .filter(|&(n, mention)| {
            let v = value(mention);
            v.is_some() && !run.iter().take(n).any(|earlier| value(earlier) == v)
        })
        .count()
}

/// For each metric, the first of `scopes` (in their order) that holds it.
fn first_scope_of_each(metrics: &[Figure], scopes: &[TextRange]) -> Vec<Option<usize>> {
    sweep(metrics, scopes, |open, range| {
        open.iter()
            .copied()
            .find(|&s| scopes.get(s).is_some_and(|r| r.contains_range(range)))
    })
}

/// For each metric, the shortest of `scopes` that holds it.
fn innermost_scope_of_each(metrics: &[Figure], scopes: &[TextRange]) -> Vec<Option<usize>> {
    sweep(metrics, scopes, |open, range| {
        open.iter()
            .copied()
            .filter(|&s| scopes.get(s).is_some_and(|r| r.contains_range(range)))
            .min_by_key(|&s| scopes.get(s).map(|r| r.end - r.start))
    })
}

/// For each metric, the scope `pick` chooses among those open at it (in
/// their order in `scopes`). One sweep over both by start rather than every
/// scope per metric: a 50 MB compilation has some ten thousand scopes and a
/// hundred thousand figures. A scope that ends before a metric starts can
/// hold neither it nor any metric starting later, so only the few open ones
/// are looked at.
fn sweep(
    metrics: &[Figure],
    scopes: &[TextRange],
    pick: impl Fn(&[usize], TextRange) -> Option<usize>,
) -> Vec<Option<usize>> {
    let mut by_start: Vec<usize> = (0..metrics.len()).collect();
    by_start.sort_by_key(|&i| metrics.get(i).map(|m| m.range.start));
    let mut scope_order: Vec<usize> = (0..scopes.len()).collect();
    scope_order.sort_by_key(|&i| scopes.get(i).map(|s| s.start));
    let mut pending = scope_order.into_iter().peekable();
    // The scopes open at the current figure, in their order: a few at once
    // (a report and its part), so a sorted Vec beats a tree.
    let mut open: Vec<usize> = Vec::new();
    let mut found = vec![None; metrics.len()];
    for index in by_start {
        let Some(range) = metrics.get(index).map(|m| m.range) else {
            continue;
        };
        while let Some(scope) =
            pending.next_if(|&s| scopes.get(s).is_some_and(|r| r.start <= range.start))
        {
            if let Err(at) = open.binary_search(&scope) {
                open.insert(at, scope);
            }
        }
        open.retain(|&s| scopes.get(s).is_some_and(|r| r.end >= range.start));
        if let Some(slot) = found.get_mut(index) {
            *slot = pick(&open, range);
        }
    }
    found
}

/// What the figure before `index` in the same sentence counts, if any.
fn predecessor(metrics: &[Figure], index: usize) -> Option<&str> {
    let current = metrics.get(index)?;
    let previous = metrics.get(index.checked_sub(1)?)?;
    (previous.sentence == current.sentence).then_some(previous.what.as_str())
}

/// Whether the figure at `index` stands in a sentence listing many: the
/// figures of one sentence are neighbours in `metrics`.
fn is_list(metrics: &[Figure], index: usize) -> bool {
    let Some(sentence) = metrics.get(index).map(|m| m.sentence) else {
        return false;
    };
    let same = |m: &&Figure| m.sentence == sentence;
    let before = metrics.get(..index).unwrap_or_default();
    let after = metrics.get(index..).unwrap_or_default();
    let count =
        before.iter().rev().take_while(same).count() + after.iter().take_while(same).count();
    count >= LIST_FIGURES
}

/// Whether two values are near enough to be one figure written twice.
fn close(a: &Figure, b: &Figure) -> bool {
    let (low, high) = if a.value <= b.value {
        (a.value, b.value)
    } else {
        (b.value, a.value)
    };
    low.is_sign_positive() && high <= low * rust_decimal::Decimal::from(MAX_RATIO)
}

/// Two mentions are in the same context unless both follow a figure in their
/// sentence and those figures count different things.
fn same_context(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

fn comparable(metric: &Figure) -> bool {
    metric.is_exact()
        && metric.claim == Claim::Stated
        && metric.category != Category::Rate
        && metric.what_source == WhatSource::Clause
        && metric.what.chars().nth(MIN_WHAT - 1).is_some()
        && !is_bare_verb(&metric.what)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::metrics::extract;

    fn pairs(text: &str) -> Vec<(String, String)> {
        let metrics = extract(text);
        contradictions(&metrics, &[])
            .into_iter()
            .map(|c| {
                (
                    metrics[c.first].range.slice(text).to_string(),
                    metrics[c.second].range.slice(text).to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn same_thing_different_values() {
        let text = "全年召开常委会会议9次,审议法规32件。\n(二)依法监督。召开常委会会议8次。";
        assert_eq!(pairs(text), [("9次".to_string(), "8次".to_string())]);
    }

    #[test]
    fn agreeing_mentions_are_fine() {
        let text = "召开常委会会议9次。\n召开常委会会议9次,听取报告12项。";
        assert!(pairs(text).is_empty());
    }

    #[test]
    fn bare_verbs_and_borrowed_objects_are_not_compared() {
        let text = "审议法规32件,通过18件。\n审议决定5件,通过3件。\n审议通过12件。审议通过7件。";
        assert!(pairs(text).is_empty(), "{:?}", pairs(text));
    }

    #[test]
    fn different_periods_are_not_compared() {
        let text =
            "五年来,召开常委会会议45次。\n2022年召开常委会会议9次。\n2021年召开常委会会议8次。";
        assert!(pairs(text).is_empty(), "{:?}", pairs(text));
        // A figure with no period is of the report's year.
        let text = "2022年召开常委会会议9次。\n召开常委会会议8次。";
        assert_eq!(pairs(text).len(), 1);
    }

    #[test]
    fn per_item_phrases_are_not_compared() {
        // The same phrase after every activity, with a different value each time.
        let text =
            "围绕乡村振兴开展调研,提出意见建议140条。\n围绕营商环境开展视察,提出意见建议115条。\n\
                    围绕生态环境开展协商,提出意见建议127条。";
        assert!(pairs(text).is_empty(), "{:?}", pairs(text));
        // Parts of different activities.
        let text =
            "开展民主监督28次,参与委员126人次。\n组织开展协商议事活动210场次,参与委员1680人次。";
        assert!(pairs(text).is_empty(), "{:?}", pairs(text));
        // The summary and the body of the same claim are compared.
        let text = "召开常委会会议9次,审议法规32件。\n审议法规30件,通过18件。";
        assert_eq!(pairs(text), [("32件".to_string(), "30件".to_string())]);
    }

    #[test]
    fn periods_named_earlier_in_the_paragraph_hold() {
        let text = "——这五年，民生福祉持续增进。新增城镇就业9万人。\n新增城镇就业8万人。";
        assert!(pairs(text).is_empty(), "{:?}", pairs(text));
        let text = "2018年以来完成投资176亿元。\n完成投资170亿元。";
        assert!(pairs(text).is_empty(), "{:?}", pairs(text));
        let text = "累计完成投资176亿元。\n完成投资170亿元。";
        assert!(pairs(text).is_empty(), "{:?}", pairs(text));
        // A year that qualifies what is counted names no period.
        let text = "改造2005年前建成的老旧小区45万平方米。\n改造老旧小区40万平方米。";
        assert_eq!(
            extract(text).iter().map(|m| m.span).collect::<Vec<_>>(),
            [crate::report::metrics::Span::Year; 2]
        );
        assert_eq!(extract(text)[0].period, None);
    }

    #[test]
    fn rates_targets_and_changes_are_not_compared() {
        let text = "地区生产总值增长7.5%。\n地区生产总值增长7.8%。";
        assert!(pairs(text).is_empty(), "{:?}", pairs(text));
        let text = "力争全年完成投资480亿元。\n全年完成投资470亿元。";
        assert!(pairs(text).is_empty(), "{:?}", pairs(text));
        let text = "城镇居民人均可支配收入从8094元提高到15345元。\n城镇居民人均可支配收入8090元。";
        assert!(pairs(text).is_empty(), "{:?}", pairs(text));
        let text = "投入资金116亿元，比上年增加12亿元。\n投入资金116亿元，比上年增加19亿元。";
        assert!(pairs(text).is_empty(), "{:?}", pairs(text));
    }

    #[test]
    fn one_paragraph_lists_and_far_values_are_not_compared() {
        // Two campaigns in one paragraph (福建省 2012).
        let text = "城市建设战役要重点抓好规划编制实施，完成投资1300亿元，实施项目2000个；\
                    小城镇改革发展战役要明晰发展定位，完成投资950亿元，实施项目1700个。";
        assert!(pairs(text).is_empty(), "{:?}", pairs(text));
        // Two summaries, each of its own place.
        let text = "生产总值600亿元，固定资产投资300亿元，城镇居民人均可支配收入12120元。\n\
                    生产总值500亿元，固定资产投资200亿元，城镇居民人均可支配收入13000元。";
        assert!(pairs(text).is_empty(), "{:?}", pairs(text));
        // The year's figure and the five years' (武汉市 2022).
        let text = "城镇新增就业29.98万人。\n城镇新增就业118.77万人。";
        assert!(pairs(text).is_empty(), "{:?}", pairs(text));
    }

    #[test]
    fn sections_are_held_against_their_part_not_each_other() {
        // Two programmes in two sections of a review (黑龙江省 2015).
        let text = "一、2014年工作回顾\n全年召开常务会议9次。\n\
                    ——产业项目建设扎实推进。继续实施工业“双百工程”建设，完成投资253亿元。\n\
                    ——新型城镇化和基础设施建设取得新进展。“三供三治”项目开复工354个，完成投资156亿元。\n\
                    全年召开常务会议8次。\n";
        let metrics = extract(text);
        let at = |s: &str| text.find(s).unwrap();
        let part = TextRange::new(0, text.len());
        let first = TextRange::new(at("——产业"), at("——新型"));
        let second = TextRange::new(at("——新型"), at("全年召开常务会议8次"));
        let found = contradictions(&metrics, &[part, first, second]);
        let written: Vec<_> = found
            .iter()
            .map(|c| metrics[c.second].range.slice(text))
            .collect();
        assert_eq!(written, ["8次"]);
        // The part's own text is held against a section's.
        let found = contradictions(&metrics, &[part, TextRange::new(at("——新型"), text.len())]);
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn approximate_and_different_units_are_not_compared() {
        let text = "接待来访群众约300人次。接待来访群众320人次。接待来访群众12批。";
        assert!(pairs(text).is_empty(), "{:?}", pairs(text));
    }

    #[test]
    fn scopes_keep_reports_apart() {
        let text = "召开常委会会议9次。\n召开常委会会议8次。";
        let metrics = extract(text);
        let split = text.find('\n').unwrap();
        let scopes = [TextRange::new(0, split), TextRange::new(split, text.len())];
        assert!(contradictions(&metrics, &scopes).is_empty());
        assert_eq!(
            contradictions(&metrics, &[TextRange::new(0, text.len())]).len(),
            1
        );
    }

    #[test]
    fn each_figure_gets_the_first_scope_that_holds_it() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/compilation-22.txt"
        ))
        .unwrap();
        let document = crate::report::analyze(&text);
        let metrics = extract(&text);
        // Parts, then reports, then a nested and an out-of-order scope.
        let mut scopes = crate::report::metrics::scopes(&document);
        scopes.push(TextRange::new(text.len() / 3, text.len() / 2));
        scopes.insert(0, TextRange::new(text.len() / 2, text.len() / 2 + 5000));
        let naive: Vec<Option<usize>> = metrics
            .iter()
            .map(|m| scopes.iter().position(|s| s.contains_range(m.range)))
            .collect();
        assert!(naive.iter().filter(|s| s.is_some()).count() > 100);
        assert_eq!(first_scope_of_each(&metrics, &scopes), naive);
    }
}
