//! BG010: the years of the review, the tasks and the title disagree.

use super::shared::{self, Located, Year};
use super::{Context, Edit, Finding, Fix, Related, RuleDoc, Severity};
use crate::report::{Part, Report};
use crate::text::TextRange;

pub const DOC: RuleDoc = RuleDoc {
    code: "BG010",
    name: "year-mismatch",
    family: super::Family::Structure,
    default_severity: Severity::Warning,
    summary: "The tasks are not for the year after the review, or the title's year disagrees with the body",
    explanation: "\
## What it does

Reads the years in the headings of the review (`2022年工作回顾`) and of the
tasks (`2023年工作安排`): the tasks of a report are for the year after the
year it reviews. A year in the title (`2026年北京市政府工作报告`) must be the
year of the tasks or of the review. The quick fix writes the expected year,
in the same numerals (`2023` or `二〇二三`).

## Why

Reports are drafted from last year's text; a year left unchanged in one
heading is a slip that survives many readings.

## Example

```text
2022年工作回顾
……
2024年主要任务
```

the tasks after a review of 2022 are for 2023.
",
};

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for (report, located) in ctx.reports_with_parts() {
        if !shared::kind_of(ctx, report).is_report() {
            continue;
        }
        let review = year_of(ctx, located, Part::Review, true).into_iter().next();
        // `2018年以来` starts a period of several years: no one year to
        // compare (`二〇二二年以来` with `二〇二三年` still agrees).
        let since = review.as_ref().is_some_and(|(_, r)| {
            ctx.text
                .get(r.digits.end..)
                .is_some_and(|rest| rest.starts_with("年以来"))
        });
        // The tasks are for the year after the one reviewed; a review naming
        // no year (`过去五年工作回顾`) leaves the session's own year.
        let expected = match &review {
            Some((_, r)) => (!since).then_some(r.value + 1),
            None => report.session_year,
        };
        // The year's tasks come first among the parts that name a year; a
        // horizon more than a plan away (`2035年远景目标`) is no year's tasks.
        let tasks = expected.and_then(|want| {
            year_of(ctx, located, Part::Tasks, false)
                .into_iter()
                .find(|(_, y)| y.value < want + 5)
                .map(|(_, y)| (want, y))
        });
        if let Some((want, tasks)) = tasks.filter(|(want, y)| y.value != *want) {
            let message = match &review {
                Some((_, r)) => format!(
                    "工作回顾是{}年,工作安排却是{}年,应为{want}年",
                    r.value, tasks.value
                ),
                None => format!(
                    "会议在{want}年召开,工作安排却是{}年,应为{want}年",
                    tasks.value
                ),
            };
            let mut finding = year_finding(ctx, &tasks, want, message);
            if let Some((review_at, _)) = review {
                finding.push_related(Related {
                    message: "工作回顾的年份".into(),
                    range: review_at,
                });
            }
            out.push(finding);
        }
        let review = review.map(|r| r.1);
        let tasks = year_of(ctx, located, Part::Tasks, false)
            .into_iter()
            .map(|(_, y)| y)
            .filter(|y| review.as_ref().is_none_or(|r| y.value <= r.value + 5))
            .min_by_key(|y| y.value);
        if let Some(f) = title_year(ctx, report, review, tasks) {
            out.push(f);
        }
    }
}

/// The parts of `part` whose heading names a year, each with that year
/// (the last year of a review — `2018—2022年` — the first of tasks), as a
/// range into the whole text.
fn year_of(ctx: &Context, located: &[Located], part: Part, last: bool) -> Vec<(TextRange, Year)> {
    located
        .iter()
        .filter(|l| l.part == part)
        .filter_map(|l| {
            let mut years = shared::years(l.heading.slice(ctx.text));
            let y = if last { years.last() } else { years.next() }?;
            let shifted = Year {
                value: y.value,
                digits: TextRange::new(
                    l.heading.start + y.digits.start,
                    l.heading.start + y.digits.end,
                ),
            };
            Some((l.heading, shifted))
        })
        .collect()
}

fn year_finding(ctx: &Context, year: &Year, want: u32, message: String) -> Finding {
    let range = year.digits;
    let written = shared::write_year(want, range.slice(ctx.text));
    let mut finding = shared::finding(&DOC, range, message);
    finding.push_fix(Fix {
        title: format!("改为{written}年"),
        edits: vec![Edit {
            range,
            new_text: written,
        }],
    });
    finding
}

/// A title year must be the year of the tasks (the session's year) or of
/// the review: titles are dated either way.
fn title_year(
    ctx: &Context,
    report: &Report,
    review: Option<Year>,
    tasks: Option<Year>,
) -> Option<Finding> {
    let title = report.title.as_ref()?;
    let year = shared::years(title.range.slice(ctx.text)).next()?;
    let year = Year {
        value: year.value,
        digits: TextRange::new(
            title.range.start + year.digits.start,
            title.range.start + year.digits.end,
        ),
    };
    let session = tasks
        .as_ref()
        .map(|t| t.value)
        .or(review.as_ref().map(|r| r.value + 1))?;
    let agrees = [Some(session), review.as_ref().map(|r| r.value)].contains(&Some(year.value));
    if agrees {
        return None;
    }
    let body = match (&review, &tasks) {
        (Some(r), Some(t)) => format!("工作回顾{}年、工作安排{}年", r.value, t.value),
        (Some(r), None) => format!("工作回顾{}年", r.value),
        (None, Some(t)) => format!("工作安排{}年", t.value),
        (None, None) => return None,
    };
    Some(year_finding(
        ctx,
        &year,
        session,
        format!("标题的年份{}年与正文({body})不符", year.value),
    ))
}

#[cfg(test)]
mod tests {
    use super::super::testing::{codes, fixture, only, run, REPORT};

    fn bg010(text: &str) -> Vec<super::Finding> {
        only("BG010", text)
    }

    #[test]
    fn dont_flag_consecutive_years() {
        assert_eq!(bg010(REPORT).len(), 0);
        let since = REPORT
            .replace("2022年工作回顾", "二〇二二年以来的主要工作")
            .replace("2023年工作安排", "二〇二三年的主要任务");
        assert_eq!(bg010(&since).len(), 0);
    }

    #[test]
    fn flags_tasks_two_years_after_the_review() {
        let text = REPORT.replace("2023年工作安排", "2024年工作安排");
        let found = bg010(&text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].range.slice(&text), "2024");
        assert_eq!(
            found[0].message,
            "工作回顾是2022年,工作安排却是2024年,应为2023年"
        );
        assert_eq!(found[0].fixes()[0].edits[0].new_text, "2023");
        assert_eq!(found[0].related()[0].range.slice(&text), "2022年工作回顾");
    }

    #[test]
    fn flags_a_title_year_that_is_neither() {
        let text = fixture("zhengfu-beijing-2026.txt");
        assert_eq!(codes(&run(&text), "BG010"), 0);
        let seeded = text.replacen("2026年北京市政府工作报告", "2025年北京市政府工作报告", 1);
        // 2025 is the year the review covers: a title may be dated so.
        assert_eq!(bg010(&seeded).len(), 0);
        let seeded = text.replacen("2026年北京市政府工作报告", "2024年北京市政府工作报告", 1);
        let found = bg010(&seeded);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].range.slice(&seeded), "2024");
        assert_eq!(found[0].fixes()[0].edits[0].new_text, "2026");
    }

    #[test]
    fn a_long_range_target_is_not_the_years_tasks() {
        let text = REPORT.replace(
            "2023年工作安排",
            "“十四五”时期主要目标和2035年远景目标\n……\n2023年工作安排",
        );
        assert_eq!(bg010(&text).len(), 0);
        let slip = text.replace("2023年工作安排", "2024年工作安排");
        assert_eq!(bg010(&slip).len(), 1);
    }

    #[test]
    fn flags_a_wrong_tasks_year_in_a_real_report() {
        let text = fixture("renda-baicheng.txt").replace("2023年工作安排", "2022年工作安排");
        let found = bg010(&text);
        assert_eq!(found.len(), 1, "{found:#?}");
        let at = text.find("2022年工作安排").unwrap();
        assert_eq!(found[0].range.start, at);
        assert_eq!(found[0].range.slice(&text), "2022");
    }
}
