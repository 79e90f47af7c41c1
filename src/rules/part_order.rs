//! BG003: standard parts out of their usual order.

use super::shared::{self, Located};
use super::{Context, Finding, RuleDoc, Severity};
use crate::report::{marker, parts, Kind, Part, Report};
use crate::text::TextRange;

pub const DOC: RuleDoc = RuleDoc {
    code: "BG003",
    name: "part-order",
    family: super::Family::Structure,
    default_severity: Severity::Warning,
    summary:
        "Standard parts are out of order: the tasks before the review, or the closing not last",
    explanation: "\
## What it does

Checks that the review of the past year comes before the tasks of the next,
and that the closing (`各位代表,……让我们……而团结奋斗!`) is the last paragraph
of the report, with only appendices (名词解释, 民生实事 lists) after it.

## Why

A report looks back before it looks ahead, and ends on its closing call. A part
moved while redrafting is easy to miss in a long text.

## Example

```text
2023年工作安排
……
2022年工作回顾
……
```

puts next year's tasks before the review of this year.
",
};

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for (report, located) in ctx.reports_with_parts() {
        let kind = shared::kind_of(ctx, report);
        if !kind.is_report() {
            continue;
        }
        if let Some(f) = review_after_tasks(ctx, located) {
            out.push(f);
        }
        if let Some(range) = early_closing(ctx, report, kind) {
            out.push(shared::finding(
                &DOC,
                range,
                "结束语应在报告最后,其后还有正文".to_string(),
            ));
        }
    }
}

fn review_after_tasks(ctx: &Context, located: &[Located]) -> Option<Finding> {
    let review = located.iter().find(|l| l.part == Part::Review)?;
    let tasks = located.iter().find(|l| l.part == Part::Tasks)?;
    if review.heading.start < tasks.heading.start {
        return None;
    }
    let mut finding = shared::finding(
        &DOC,
        review.heading,
        format!(
            "工作回顾应在工作安排“{}”之前",
            tasks.heading.slice(ctx.text).trim()
        ),
    );
    finding.push_related(super::Related {
        message: "工作安排在此".into(),
        range: tasks.heading,
    });
    Some(finding)
}

/// A closing-shaped paragraph in the middle of a report that has no closing
/// at its end: the closing was written (or moved) before other text.
pub fn early_closing(ctx: &Context, report: &Report, kind: Kind) -> Option<TextRange> {
    if !kind.is_report() || report.part(Part::Closing).is_some() {
        return None;
    }
    let body_start = report
        .walk()
        .find(|n| matches!(n.part, Some(Part::Review | Part::Tasks)) || n.marker.is_some())?
        .heading
        .start;
    let appendix = report
        .walk()
        .find(|n| n.part == Some(Part::Appendix))
        .map_or(report.range.end, |n| n.range.start);
    let paragraphs: Vec<TextRange> = shared::report_paragraphs(ctx, report)
        .iter()
        .copied()
        .filter(|p| p.start > body_start && p.end <= appendix)
        .collect();
    let (_, before_last) = paragraphs.split_last()?;
    before_last
        .iter()
        .find(|p| {
            let s = p.slice(ctx.text);
            // Only `让我们…` calls as a closing does: `各位代表，…我们将…` also
            // turns from one part of the tasks to the next.
            marker::parse(s, 0).is_none() && parts::is_closing(s) && s.contains("让我们")
        })
        .map(|p| {
            let s = p.slice(ctx.text);
            let end = s
                .char_indices()
                .find(|&(_, c)| matches!(c, '。' | '！' | '!'))
                .map_or(s.len(), |(i, c)| i + c.len_utf8());
            TextRange::new(p.start, p.start + end)
        })
}

#[cfg(test)]
mod tests {
    use super::super::testing::{codes, fixture, run, REPORT};

    #[test]
    fn dont_flag_the_usual_order() {
        assert_eq!(codes(&run(REPORT), "BG003"), 0);
    }

    #[test]
    fn flags_review_after_tasks() {
        let text = "××市人民代表大会常务委员会工作报告
各位代表:
受市人大常委会委托,我向大会报告工作,请予审议。
2023年工作安排
一、加强监督工作
常委会将继续加强监督。
2022年工作回顾
一、坚持党的领导
常委会坚持党的领导。
各位代表,让我们更加紧密地团结在以习近平同志为核心的党中央周围,为建设现代化城市而团结奋斗!
";
        let findings = run(text);
        let f = findings.iter().find(|f| f.code == "BG003").unwrap();
        assert_eq!(f.range.slice(text), "2022年工作回顾");
        assert_eq!(f.related()[0].range.slice(text), "2023年工作安排");
    }

    #[test]
    fn flags_a_closing_moved_before_the_tasks_instead_of_a_missing_one() {
        let text = REPORT.replace(
            "各位代表,让我们更加紧密地团结在以习近平同志为核心的党中央周围,为建设现代化城市而团结奋斗!\n",
            "",
        );
        let text = text.replace(
            "2023年工作安排\n",
            "各位代表,让我们更加紧密地团结在以习近平同志为核心的党中央周围,为建设现代化城市而团结奋斗!\n2023年工作安排\n",
        );
        let findings = run(&text);
        assert_eq!(codes(&findings, "BG003"), 1, "{findings:#?}");
        assert!(findings
            .iter()
            .all(|f| !f.message.starts_with("缺少结束语")));
    }

    #[test]
    fn flags_swapped_parts_in_a_real_report() {
        let text = fixture("renda-baicheng.txt");
        let review_at = text.find("2022年工作回顾\n").unwrap();
        let tasks_at = text.find("2023年工作安排\n").unwrap();
        let closing_at = text.find("各位代表,新征程呼唤新担当").unwrap();
        let swapped = format!(
            "{}{}{}{}",
            &text[..review_at],
            &text[tasks_at..closing_at],
            &text[review_at..tasks_at],
            &text[closing_at..]
        );
        let findings = run(&swapped);
        let f = findings.iter().find(|f| f.code == "BG003").unwrap();
        assert_eq!(f.range.slice(&swapped), "2022年工作回顾");
    }
}
