//! BG002: a report has no thanks or no shortcomings paragraph.

use super::{missing_part, Context, Finding, RuleDoc, Severity};

pub const DOC: RuleDoc = RuleDoc {
    code: "BG002",
    name: "missing-optional-part",
    family: super::Family::Structure,
    default_severity: Severity::Hint,
    summary: "The report has no thanks (致谢) or no shortcomings (不足) paragraph, or, printed to be read, no salutation and opening",
    explanation: "\
## What it does

Notes a congress, consultative or government report that has no paragraph of
thanks (`在此,我代表……表示衷心的感谢!`) after its review, or none owning up
to shortcomings (`我们也清醒地认识到,工作中还存在一些差距和不足`) before its
tasks. Its quick fix inserts a skeleton paragraph where it usually stands.

A report that has neither its salutation nor its opening and starts at its
first part (`一、2023年工作回顾`) is the copy printed to be read, as many
governments publish it: the two spoken parts are noted here as well, not as
BG001's warnings. One of them missing alone is BG001's.

## Why

Almost every report has both, but a report can stand without them, so this is
a hint rather than a warning.

## Example

```text
过去一年的主要工作
……
2023年工作安排
```

goes straight from the review to the tasks: most reports first thank those who
helped and name what fell short.
",
};

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for (report, located) in ctx.reports_with_parts() {
        missing_part::missing(ctx, report, located, true, &DOC, out);
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{codes, fixture_findings, run};

    const REPORT: &str = "××市人民代表大会常务委员会工作报告
各位代表:
受市人大常委会委托,我向大会报告工作,请予审议。
过去一年的主要工作
一、坚持党的领导
常委会坚持党的领导,认真履行职责。
各位代表,一年来的成绩是市委坚强领导的结果。在此,我代表市人大常委会,向各位代表表示衷心的感谢!
我们也清醒地认识到,工作中还存在一些差距和不足。
今后一年的主要任务
一、加强监督工作
常委会将继续加强监督。
各位代表,让我们更加紧密地团结在以习近平同志为核心的党中央周围,为建设现代化城市而团结奋斗!
";

    #[test]
    fn dont_flag_thanks_and_shortcomings_present() {
        assert_eq!(codes(&run(REPORT), "BG002"), 0);
    }

    #[test]
    fn hints_missing_thanks_before_the_tasks() {
        let text = REPORT.replace(
            "各位代表,一年来的成绩是市委坚强领导的结果。在此,我代表市人大常委会,向各位代表表示衷心的感谢!\n",
            "",
        );
        let findings = run(&text);
        let f = findings.iter().find(|f| f.code == "BG002").unwrap();
        assert_eq!(f.severity, super::Severity::Hint);
        assert!(f.message.starts_with("缺少致谢"), "{}", f.message);
        assert!(f.range.slice(&text).starts_with("我们也清醒地认识到"));
        assert!(f.fixes()[0].edits[0]
            .new_text
            .starts_with("在此,我代表市人大常委会"));
    }

    #[test]
    fn a_printed_copy_starting_at_its_first_part_gets_hints_for_the_spoken_parts() {
        let printed = REPORT.replace(
            "各位代表:\n受市人大常委会委托,我向大会报告工作,请予审议。\n",
            "",
        );
        let findings = run(&printed);
        let spoken: Vec<&str> = findings
            .iter()
            .filter(|f| f.code == "BG002")
            .map(|f| f.message.as_str())
            .collect();
        assert_eq!(spoken.len(), 2, "{spoken:#?}");
        assert!(spoken.iter().all(|m| m.contains("印发稿")), "{spoken:#?}");
        assert_eq!(codes(&findings, "BG001"), 0);
        // The salutation alone missing is BG001's.
        let no_salutation = REPORT.replace("各位代表:\n", "");
        assert_eq!(codes(&run(&no_salutation), "BG001"), 1);
    }

    #[test]
    fn fuxin_has_no_thanks_paragraph() {
        let (text, findings) = fixture_findings("renda-fuxin.txt");
        let hints: Vec<_> = findings.iter().filter(|f| f.code == "BG002").collect();
        assert_eq!(hints.len(), 1, "{hints:#?}");
        assert!(hints[0].message.starts_with("缺少致谢"));
        assert!(!hints[0].range.slice(&text).is_empty());
    }
}
