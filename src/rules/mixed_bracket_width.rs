//! BG006: full- and half-width brackets mixed in one report.

use super::shared;
use super::{Context, Edit, Finding, Fix, RuleDoc, Severity};
use crate::report::{Marker, MarkerStyle, Part, Report, Width};

pub const DOC: RuleDoc = RuleDoc {
    code: "BG006",
    name: "mixed-bracket-width",
    family: super::Family::Structure,
    default_severity: Severity::Warning,
    summary: "Heading brackets mix full-width （一） and half-width (一) in one report",
    explanation: "\
## What it does

Checks that the bracketed markers of a report (`（一）` `（1）`) all use one
width of bracket: the full-width `（）` of published text, or the half-width
`()` of web copies. The markers in the minority are flagged; the quick fixes
convert one marker, or all of them, to the width most of the report uses.

## Why

A report is printed as one document; a `(二)` among `（一）（三）` shows that a
passage was pasted in from elsewhere and looks careless in print.

## Example

```text
（一）加强政治建设
(二)加强思想建设
（三）加强作风建设
```

`(二)` has half-width brackets.
",
};

fn is_full(c: char) -> bool {
    !c.is_ascii()
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for report in &ctx.document.reports {
        check_report(ctx, report, out);
    }
}

fn check_report(ctx: &Context, report: &Report, out: &mut Vec<Finding>) {
    let markers: Vec<&Marker> = bracketed(report);
    let full = markers
        .iter()
        .filter(|m| m.width == Some(Width::Full))
        .count();
    let half = markers.len() - full;
    if markers.is_empty() {
        return;
    }
    // A tie goes to the published form.
    let want_full = full >= half;
    // The brackets of the other width: a marker without one needs no fix,
    // and no converted copy to find that out.
    let wrong = if want_full {
        ['(', ')']
    } else {
        ['（', '）']
    };
    let convert = |m: &Marker| -> Option<Edit> {
        let s = m.range.slice(ctx.text);
        if !s.contains(wrong) {
            return None;
        }
        let fixed: String = s
            .chars()
            .map(|c| match (c, want_full) {
                ('(', true) => '（',
                (')', true) => '）',
                ('（', false) => '(',
                ('）', false) => ')',
                (other, _) => other,
            })
            .collect();
        (fixed != s).then_some(Edit {
            range: m.range,
            new_text: fixed,
        })
    };
    let all: Vec<Edit> = markers.iter().filter_map(|m| convert(m)).collect();
    let (want, other) = if want_full {
        ("全角“（）”", "半角“()”")
    } else {
        ("半角“()”", "全角“（）”")
    };
    for m in &markers {
        let Some(edit) = convert(m) else { continue };
        let s = m.range.slice(ctx.text);
        let mixed_inside = s.chars().next().map(is_full) != s.chars().next_back().map(is_full);
        let message = if mixed_inside {
            format!("“{s}”的左右括号宽度不同,本报告多用{want}")
        } else {
            format!("“{s}”用了{other},本报告多用{want}")
        };
        let mut finding = shared::finding(&DOC, m.range, message);
        finding.push_fix(Fix {
            title: format!("改为{want}"),
            edits: vec![edit],
        });
        if all.len() > 1 {
            finding.push_fix(Fix {
                title: format!("全部括号统一为{want}"),
                edits: all.clone(),
            });
        }
        out.push(finding);
    }
}

/// The bracketed markers of a report's own outline, appendices left out.
fn bracketed(report: &Report) -> Vec<&Marker> {
    let mut out = Vec::new();
    let mut stack: Vec<&crate::report::Node> = report.nodes.iter().rev().collect();
    while let Some(node) = stack.pop() {
        if node.part == Some(Part::Appendix) {
            continue;
        }
        if let Some(m) = node.marker.as_ref().filter(|m| {
            matches!(
                m.style,
                MarkerStyle::ChineseParen | MarkerStyle::ArabicParen
            )
        }) {
            out.push(m);
        }
        stack.extend(node.children.iter().rev());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::{fixture, only};

    fn bg006(text: &str) -> Vec<super::Finding> {
        only("BG006", text)
    }

    #[test]
    fn flags_the_minority_width() {
        let text = "一、甲\n（一）子\n内容。\n(二)子\n内容。\n（三）子\n内容。\n";
        let found = bg006(text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].range.slice(text), "(二)");
        assert_eq!(found[0].fixes()[0].edits[0].new_text, "（二）");
    }

    #[test]
    fn flags_brackets_mixed_inside_a_marker() {
        let text = "一、甲\n(一)子\n内容。\n(二）子\n内容。\n";
        let found = bg006(text);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("左右括号宽度不同"));
        assert_eq!(found[0].fixes()[0].edits[0].new_text, "(二)");
    }

    #[test]
    fn dont_flag_one_width_throughout() {
        assert_eq!(bg006("一、甲\n(一)子\n内容。\n(二)子\n内容。\n").len(), 0);
        assert_eq!(bg006(&fixture("zhengfu-beijing-2026.txt")).len(), 0);
    }

    #[test]
    fn flags_a_pasted_full_width_heading_in_a_real_report() {
        let text = fixture("renda-baicheng.txt").replace("(二)加强法治建设", "（二）加强法治建设");
        let found = bg006(&text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].range.slice(&text), "（二）");
        assert_eq!(
            found[0].fixes().len(),
            1,
            "one marker to change: no fix-all"
        );
    }
}
