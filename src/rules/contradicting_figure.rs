//! BG013: one thing counted with two different values in one part.

use super::shared;
use super::{Context, Finding, Related, RuleDoc, Severity};

pub const DOC: RuleDoc = RuleDoc {
    code: "BG013",
    name: "contradicting-figure",
    default_severity: Severity::Warning,
    summary: "The same thing is counted with different values in one part of a report (会议9次 here, 8次 there)",
    explanation: "\
## What it does

Compares the counted figures of each part of a report (DOMAIN §3): when the
same specific thing (`召开常委会会议`) is counted twice in the same unit and
period with different exact values, the later mention is flagged and the
earlier one is shown as related information. Approximate figures (`480余万元`),
figures of different periods and a review's results against the tasks'
targets are never compared.

## Why

The summary at the top of a review and the section that details it are often
written by different people; a figure that disagrees is read aloud and
printed, and the press will notice.

## Example

```text
过去一年,共召开常委会会议9次,审议法规32件。
……
(一)全年召开常委会会议8次……
```

says 9 meetings in one place and 8 in another.
",
};

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let figures = ctx.figures;
    for c in &figures.contradictions {
        let (Some(first), Some(second)) =
            (figures.metrics.get(c.first), figures.metrics.get(c.second))
        else {
            continue;
        };
        let mut finding = shared::finding(
            &DOC,
            second.range,
            format!(
                "“{}”此处为{},前文为{}",
                second.what,
                second.range.slice(ctx.text),
                first.range.slice(ctx.text)
            ),
        );
        finding.related.push(Related {
            message: format!("前文:{}{}", first.what, first.range.slice(ctx.text)),
            range: first.range,
        });
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{codes, fixture, run};

    #[test]
    fn flags_nine_meetings_then_eight() {
        let text = "××市人大常委会工作报告\n各位代表:\n过去一年的主要工作\n\
                    2022年共召开常委会会议9次,审议法规32件。\n\
                    一、依法立法\n(一)全年召开常委会会议8次,审议法规32件。\n";
        let found: Vec<_> = run(text)
            .into_iter()
            .filter(|f| f.code == "BG013")
            .collect();
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].range.slice(text), "8次");
        assert_eq!(found[0].related[0].range.slice(text), "9次");
        assert!(
            found[0].message.contains("此处为8次,前文为9次"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn dont_flag_agreeing_or_approximate_figures() {
        let same =
            "过去一年的主要工作\n共召开常委会会议9次。\n一、依法立法\n全年召开常委会会议9次。\n";
        assert_eq!(codes(&run(same), "BG013"), 0);
        let approx =
            "过去一年的主要工作\n接待群众来访1460余人次。\n一、信访\n接待群众来访1400人次。\n";
        assert_eq!(codes(&run(approx), "BG013"), 0);
    }

    #[test]
    fn flags_a_changed_figure_in_a_real_report() {
        let text = fixture("renda-baicheng.txt");
        assert_eq!(codes(&run(&text), "BG013"), 0);
        let seeded = text.replace(
            "一是精准推进特色立法供给。",
            "一是精准推进特色立法供给。全年召开常委会会议6次。",
        );
        let found: Vec<_> = run(&seeded)
            .into_iter()
            .filter(|f| f.code == "BG013")
            .collect();
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].range.start, seeded.find("6次").unwrap());
        assert_eq!(found[0].related[0].range.slice(&seeded), "5次");
    }
}
