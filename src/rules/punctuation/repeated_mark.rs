//! BG017: the same mark twice in a row (`，，` `。。`).

use super::super::prose::{prose_paragraph, replace};
use super::super::{Context, Finding, RuleDoc, Severity};
use crate::rules::family::Family;

pub const DOC: RuleDoc = RuleDoc {
    code: "BG017",
    name: "repeated-mark",
    family: Family::Punctuation,
    default_severity: Severity::Info,
    summary: "The same mark twice in a row (`，，` `。。` `、、` `；；` `：：`)",
    explanation: "\
## What it does

Finds a comma, full stop, 顿号, semicolon or colon written twice or more in a
row and offers to keep one. Three full stops or more are an ellipsis
written wrong (BG018).

## Why

A doubled mark is a typing slip: GB/T 15834-2011 never repeats these marks.

## Example

```text
各位代表，，现在我代表市人民政府向大会报告工作。
```

should read `各位代表，现在…`.
",
};

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let text = ctx.text;
    for (mark, range) in ctx
        .marks()
        .runs(&[('，', 2), ('、', 2), ('；', 2), ('：', 2), ('。', 2)])
    {
        let count = range.slice(text).chars().count();
        if (mark == '。' && count >= 3) || prose_paragraph(ctx, range).is_none() {
            continue;
        }
        out.push(replace(
            &DOC,
            text,
            range,
            &mark.to_string(),
            format!("“{mark}”重复了{count}次"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::testing::only;

    #[test]
    fn flags_doubled_marks() {
        let text = "各位代表，，现在报告工作。。推进学校、、医院建设。\n";
        let found = only("BG017", text);
        assert_eq!(found.len(), 3, "{found:#?}");
        assert_eq!(found[0].fixes()[0].edits[0].new_text, "，");
    }

    #[test]
    fn dont_flag_an_ellipsis_or_single_marks() {
        assert!(only("BG017", "各位代表，现在报告工作。。。\n").is_empty());
        assert!(only("BG017", "学校、医院，工厂。\n").is_empty());
    }
}
