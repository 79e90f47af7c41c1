//! BG012: two sibling headings with the same text.

use std::collections::HashMap;

use super::shared;
use super::{Context, Finding, Related, RuleDoc, Severity};
use crate::report::{Level, Node, Part};

pub const DOC: RuleDoc = RuleDoc {
    code: "BG012",
    name: "duplicate-heading",
    family: super::Family::Structure,
    default_severity: Severity::Warning,
    summary: "Two sibling headings have the same text",
    explanation: "\
## What it does

Compares the headings under one parent (numbered headings and unnumbered part
headings, not items): two with the same text, marker aside, are flagged at the
second, with the first as related information.

## Why

A heading copied to start a new section and never rewritten leaves two
sections with one title; the outline and the reader cannot tell them apart.

## Example

```text
（一）加强地方立法
……
（二）加强地方立法
```
",
};

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for report in &ctx.document.reports {
        siblings(&report.nodes, out);
    }
}

fn is_heading(node: &Node) -> bool {
    node.level != Level::Item
        && !node.label.is_empty()
        && !node.part.is_some_and(Part::has_no_heading)
}

fn siblings(children: &[Node], out: &mut Vec<Finding>) {
    // The first heading of each label: a search of the earlier siblings for
    // each heading was quadratic in the siblings.
    let mut first_of: HashMap<&str, &Node> = HashMap::new();
    for node in children {
        if !is_heading(node) {
            continue;
        }
        let first = *first_of.entry(node.label.as_str()).or_insert(node);
        if !std::ptr::eq(first, node) {
            let mut finding = shared::finding(
                &DOC,
                node.heading,
                format!("与前面的同级标题重复:“{}”", node.label),
            );
            finding.push_related(Related {
                message: "同名标题在此".into(),
                range: first.heading,
            });
            out.push(finding);
        }
    }
    for node in children {
        if node.part != Some(Part::Appendix) {
            siblings(&node.children, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{fixture, only};

    fn bg012(text: &str) -> Vec<super::Finding> {
        only("BG012", text)
    }

    #[test]
    fn flags_the_second_of_two_equal_siblings() {
        let text = "一、甲\n(一)加强地方立法\n内容。\n(二)加强地方立法\n内容。\n";
        let found = bg012(text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].range.slice(text), "(二)加强地方立法");
        assert_eq!(found[0].related()[0].range.slice(text), "(一)加强地方立法");
    }

    #[test]
    fn dont_flag_equal_headings_under_different_parents() {
        let text = "一、甲\n(一)加强学习\n内容。\n二、乙\n(一)加强学习\n内容。\n";
        assert_eq!(bg012(text).len(), 0);
    }

    #[test]
    fn flags_a_copied_heading_in_a_real_report() {
        let text = fixture("000_0deef21429734504.txt")
            .replace("(二)加强法治化营商环境立法", "(二)加强经济高质量发展立法");
        let found = bg012(&text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0]
            .range
            .slice(&text)
            .starts_with("(二)加强经济高质量发展立法"));
    }
}
