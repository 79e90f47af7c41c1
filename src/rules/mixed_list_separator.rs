//! BG008: `1.` and `1、` mixed in one list.

use super::shared;
use super::{Context, Edit, Finding, Fix, RuleDoc, Severity};
use crate::report::{Marker, MarkerStyle};

pub const DOC: RuleDoc = RuleDoc {
    code: "BG008",
    name: "mixed-list-separator",
    family: super::Family::Structure,
    default_severity: Severity::Warning,
    summary: "One list of Arabic-numeral headings mixes `1.` and `1、`",
    explanation: "\
## What it does

Checks that the Arabic-numeral headings of one list (`1.` `2.` `3.`) all use
the same separator. Both `1.` and `1、` are seen in practice, but not in the
same list. The markers in the minority are flagged; the quick fix gives them
the separator most of the list uses. This is also the proofreading check
`1、` → `1.` (GB/T 15834-2011 §4.5.3.5) where the other items of the list
use `1.`; separate lists may each keep their own separator.

## Why

A mixed list shows items written at different times or pasted from different
drafts, and reads as careless in print.

## Example

```text
1.加强地方立法
2、加强监督工作
3.加强代表工作
```

`2、` should be `2.`.
",
};

/// The separator's family: a dot in either width, or the enumeration comma.
fn is_dot(c: char) -> bool {
    matches!(c, '.' | '．')
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for (_, lists) in ctx.reports_with_lists() {
        for list in lists {
            if list.style() != Some(MarkerStyle::ArabicNumeral) {
                continue;
            }
            let markers: Vec<&Marker> = list
                .items
                .iter()
                .filter_map(|n| n.marker.as_ref())
                .collect();
            let dots: Vec<char> = markers
                .iter()
                .filter_map(|m| m.separator.filter(|&c| is_dot(c)))
                .collect();
            let commas = markers.len() - dots.len();
            if dots.is_empty() || commas == 0 {
                continue;
            }
            // The majority wins; on a tie, the list's first marker.
            let first_is_dot = markers
                .first()
                .and_then(|m| m.separator)
                .is_some_and(is_dot);
            let want = if dots.len() > commas || (dots.len() == commas && first_is_dot) {
                dots.first().copied().unwrap_or('.')
            } else {
                '、'
            };
            let fix = |m: &Marker| -> Option<Edit> {
                let sep = m.separator?;
                if is_dot(sep) == is_dot(want) {
                    return None;
                }
                let s = m.range.slice(ctx.text);
                Some(Edit {
                    range: m.range,
                    new_text: format!("{}{want}", s.strip_suffix(sep)?),
                })
            };
            let all: Vec<Edit> = markers.iter().filter_map(|m| fix(m)).collect();
            for m in &markers {
                let Some(edit) = fix(m) else { continue };
                let mut finding = shared::finding(
                    &DOC,
                    m.range,
                    format!(
                        "“{}”与本列表其他编号的分隔符“{want}”不一致",
                        m.range.slice(ctx.text)
                    ),
                );
                finding.push_fix(Fix {
                    title: format!("改为“{}”", edit.new_text),
                    edits: vec![edit],
                });
                if all.len() > 1 {
                    finding.push_fix(Fix {
                        title: format!("本列表统一用“{want}”"),
                        edits: all.clone(),
                    });
                }
                out.push(finding);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{codes, fixture, run};

    #[test]
    fn flags_the_odd_separator_out() {
        let text =
            "一、甲\n1.加强地方立法\n内容。\n2、加强监督工作\n内容。\n3.加强代表工作\n内容。\n";
        let found: Vec<_> = run(text)
            .into_iter()
            .filter(|f| f.code == "BG008")
            .collect();
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].range.slice(text), "2、");
        assert_eq!(found[0].fixes()[0].edits[0].new_text, "2.");
    }

    #[test]
    fn dont_flag_separate_lists_with_their_own_separators() {
        let text = "一、甲\n1.立法\n内容。\n2.监督\n内容。\n二、乙\n1、代表\n内容。\n2、自身建设\n内容。\n";
        assert_eq!(codes(&run(text), "BG008"), 0);
    }

    #[test]
    fn flags_a_mixed_list_in_a_real_report() {
        let text =
            fixture("zhengfu-zhejiang-2026.txt").replace("3.关爱儿童方面", "3、关爱儿童方面");
        let found: Vec<_> = run(&text)
            .into_iter()
            .filter(|f| f.code == "BG008")
            .collect();
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].range.slice(&text), "3、");
    }
}
