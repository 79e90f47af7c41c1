//! BG005: a heading without the heading of the level above it.

use super::shared::{self, is_heading_style};
use super::{Context, Finding, Related, RuleDoc, Severity};
use crate::report::{parts, Level, Node, Report};

pub const DOC: RuleDoc = RuleDoc {
    code: "BG005",
    name: "missing-parent-heading",
    family: super::Family::Structure,
    default_severity: Severity::Warning,
    summary:
        "A lower-level heading has no parent where its siblings have one, or its numbering restarts",
    explanation: "\
## What it does

Finds headings whose parent heading seems to be missing: a `（一）` standing
directly under a part before the part's `一、` headings begin, or a list that
starts again at `（一）` under the same `一、`, which is what is left when the
`二、` heading between the two lists was deleted.

## Why

GB/T 9704 numbers the levels `一、` `（一）` `1.` `（1）`; each level sits under
the one above. A lost parent heading merges two sections into one.

## Example

```text
一、坚持党的领导
（一）加强政治建设
（二）加强思想建设
（一）加强地方立法
```

the second `（一）` has lost its `二、` heading.
",
};

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for (report, lists) in ctx.reports_with_lists() {
        orphans(ctx, report, None, &report.nodes, out);
        for list in lists {
            let Some(style) = list.style().filter(|s| is_heading_style(*s)) else {
                continue;
            };
            let Some(first) = list.items.first() else {
                continue;
            };
            // Items inside paragraphs (`（1）…（2）…`) restart in each one,
            // and a sentence may introduce a new list (`我们将扎实做好以下十个
            // 方面工作：`) where no heading was lost.
            if !list.restart || first.level == Level::Item || introduced(ctx, first) {
                continue;
            }
            let marker = first.marker.as_ref().map_or(first.heading, |m| m.range);
            let mut finding = shared::finding(
                &DOC,
                marker,
                format!(
                    "同一上级标题下编号从“{}”重新开始,两组之间可能缺少上级标题",
                    marker.slice(ctx.text)
                ),
            );
            let previous = list
                .parent
                .map_or(report.nodes.as_slice(), |p| p.children.as_slice());
            // Siblings are in text order: found back from the list's start,
            // not by a walk from the first sibling for each list (quadratic
            // in the lists of a parent).
            let earlier = previous.partition_point(|n| n.heading.start < first.heading.start);
            if let Some(before) = previous
                .get(..earlier)
                .unwrap_or_default()
                .iter()
                .rev()
                .find(|n| n.marker.as_ref().is_some_and(|m| m.style == style))
            {
                finding.push_related(Related {
                    message: "上一组编号到此为止".into(),
                    range: before.heading,
                });
            }
            out.push(finding);
        }
    }
}

/// Whether the paragraph before `node` ends with a colon: it announces
/// the list that `node` opens.
/// Whether the paragraph before `node` opens its run: it announces it
/// (`…主要抓了以下工作：`), or turns to another period (`2020年是“十三五”收官之年…`
/// between the five-year review's `（一）…（七）` and the year's).
fn introduced(ctx: &Context, node: &Node) -> bool {
    let paragraphs = &ctx.document.paragraphs;
    let at = paragraphs.partition_point(|p| p.end <= node.heading.start);
    at.checked_sub(1)
        .and_then(|before| paragraphs.get(before))
        .map(|p| p.slice(ctx.text).trim_matches(['*', ' ']))
        .is_some_and(|s| s.ends_with([':', '：']) || parts::opens_with_period(s))
}

/// Headings before the first sibling of a higher heading level: in
/// `（一）… 一、（一）…` the first `（一）` has no `一、` above it.
fn orphans(
    ctx: &Context,
    report: &Report,
    parent: Option<&Node>,
    children: &[Node],
    out: &mut Vec<Finding>,
) {
    let heading_level = |n: &Node| {
        n.marker
            .as_ref()
            .filter(|m| is_heading_style(m.style) && n.level != Level::Item)
            .map(|_| n.level)
    };
    // A page cut from a longer report may begin under a heading it lacks.
    let exempt = report.fragment && parent.is_none();
    // The levels already settled: one orphan of each is reported, and a
    // level whose search found no later parent finds none from a later
    // heading either. So each level is searched for once, not from every
    // heading (quadratic in the siblings).
    let mut settled: Vec<Level> = Vec::new();
    for (i, child) in children.iter().enumerate() {
        let Some(level) = heading_level(child) else {
            continue;
        };
        if exempt || settled.contains(&level) {
            continue;
        }
        settled.push(level);
        let later_parent = children
            .iter()
            .skip(i + 1)
            .find(|n| heading_level(n).is_some_and(|l| l < level));
        if let Some(later) = later_parent {
            // Only the first of a group of orphans of this level is reported.
            let marker = child.marker.as_ref().map_or(child.heading, |m| m.range);
            let later_marker = later.marker.as_ref().map_or(later.heading, |m| m.range);
            let mut finding = shared::finding(
                &DOC,
                marker,
                format!(
                    "“{}”没有上级标题,而其后的同级内容在“{}”之下",
                    marker.slice(ctx.text),
                    later_marker.slice(ctx.text)
                ),
            );
            finding.push_related(Related {
                message: "上级标题从此开始".into(),
                range: later.heading,
            });
            out.push(finding);
        }
    }
    for child in children {
        if child.part != Some(crate::report::Part::Appendix) {
            orphans(ctx, report, Some(child), &child.children, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{codes, fixture, only, run};

    fn bg005(text: &str) -> Vec<super::Finding> {
        only("BG005", text)
    }

    #[test]
    fn flags_a_level_two_heading_before_any_level_one() {
        let text = "过去一年的主要工作\n(一)加强政治建设\n内容。\n一、坚持党的领导\n(一)加强思想建设\n内容。\n二、加强立法\n(一)立法\n内容。\n";
        let found = bg005(text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].range.slice(text), "(一)");
        assert_eq!(found[0].related()[0].range.slice(text), "一、坚持党的领导");
    }

    #[test]
    fn flags_a_restart_left_by_a_deleted_parent() {
        let text = fixture("000_0deef21429734504.txt");
        let line = text
            .lines()
            .find(|l| l.starts_with("二、发挥人大职能作用"))
            .unwrap();
        let seeded = text.replace(&format!("{line}\n"), "");
        let found = bg005(&seeded);
        assert_eq!(found.len(), 1, "{found:#?}");
        let at = seeded.find("(一)加强全过程人民民主制度建设").unwrap();
        assert_eq!(found[0].range.start, at);
        assert_eq!(found[0].range.slice(&seeded), "(一)");
    }

    #[test]
    fn dont_flag_proper_nesting_or_a_fragment() {
        let text =
            "一、甲\n(一)子\n1.孙\n内容。\n2.孙\n内容。\n(二)子\n内容。\n二、乙\n(一)子\n内容。\n";
        assert_eq!(bg005(text).len(), 0);
        assert_eq!(
            codes(&run(&fixture("002_5ac5394e31afa987.txt")), "BG005"),
            0
        );
    }

    #[test]
    fn dont_flag_a_list_a_sentence_introduces() {
        let text = "一、甲\n过去一年：\n(一)子\n内容。\n(二)子\n内容。\n过去五年，我们重点做了以下工作：\n(一)子\n内容。\n(二)子\n内容。\n";
        assert_eq!(bg005(text).len(), 0, "{:#?}", bg005(text));
        let lost = text.replace("过去五年，我们重点做了以下工作：", "我们重点做了以下工作。");
        assert_eq!(bg005(&lost).len(), 1, "{:#?}", bg005(&lost));
    }

    #[test]
    fn dont_flag_a_run_after_a_turn_to_another_period() {
        // The five-year review's run, then the year's after a transition.
        let text = "一、甲\n(一)子\n内容。\n(二)子\n内容。\n各位代表，2020年是“十三五”收官之年。\n(一)子\n内容。\n(二)子\n内容。\n";
        assert_eq!(bg005(text).len(), 0, "{:#?}", bg005(text));
    }
}
