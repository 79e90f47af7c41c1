//! BG007: a level-1 numeral followed by `.` or `,` instead of `、`.

use super::shared;
use super::{Context, Edit, Finding, Fix, RuleDoc, Severity};
use crate::report::{MarkerStyle, Part};

pub const DOC: RuleDoc = RuleDoc {
    code: "BG007",
    name: "numbering-separator",
    family: super::Family::Structure,
    default_severity: Severity::Warning,
    summary: "A Chinese-numeral heading uses `.` or `,` instead of `、` (一. → 一、)",
    explanation: "\
## What it does

Checks the separator after the Chinese numeral of a level-1 heading: GB/T
9704 writes `一、` with the enumeration comma (顿号). `一.` `一．` `一,` `一，`
are errors of form. The quick fix puts `、` in.

## Why

Level-1 headings are the most visible marks of the report; a wrong separator
there is the first thing a reviewer circles.

## Example

```text
一.坚持党的全面领导
```

should read `一、坚持党的全面领导`.
",
};

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for report in &ctx.document.reports {
        let mut stack: Vec<&crate::report::Node> = report.nodes.iter().collect();
        while let Some(node) = stack.pop() {
            if node.part == Some(Part::Appendix) {
                continue;
            }
            stack.extend(node.children.iter());
            let Some(marker) = node
                .marker
                .as_ref()
                .filter(|m| m.style == MarkerStyle::ChineseNumeral)
            else {
                continue;
            };
            let Some(sep) = marker.separator.filter(|&c| c != '、') else {
                continue;
            };
            let s = marker.range.slice(ctx.text);
            let Some(numeral) = s.strip_suffix(sep) else {
                continue;
            };
            let mut finding = shared::finding(
                &DOC,
                marker.range,
                format!("“{s}”的分隔符应为顿号:“{numeral}、”"),
            );
            finding.push_fix(Fix {
                title: format!("改为“{numeral}、”"),
                edits: vec![Edit {
                    range: marker.range,
                    new_text: format!("{numeral}、"),
                }],
            });
            out.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{codes, fixture, run};

    #[test]
    fn flags_dot_and_comma_separators() {
        let text = "一.坚持党的领导\n内容。\n二,加强立法\n内容。\n三、增强监督\n内容。\n";
        let found: Vec<_> = run(text)
            .into_iter()
            .filter(|f| f.code == "BG007")
            .collect();
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(found[0].range.slice(text), "一.");
        assert_eq!(found[0].message, "“一.”的分隔符应为顿号:“一、”");
        assert_eq!(found[1].fixes()[0].edits[0].new_text, "二、");
    }

    #[test]
    fn dont_flag_the_enumeration_comma() {
        assert_eq!(codes(&run("一、坚持党的领导\n内容。\n"), "BG007"), 0);
        assert_eq!(codes(&run(&fixture("renda-jinan.txt")), "BG007"), 0);
    }

    #[test]
    fn flags_a_wrong_separator_in_a_real_report() {
        let text = fixture("renda-baicheng.txt")
            .replace("二、聚焦推动全面依法治市", "二.聚焦推动全面依法治市");
        let found: Vec<_> = run(&text)
            .into_iter()
            .filter(|f| f.code == "BG007")
            .collect();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].range.slice(&text), "二.");
    }
}
