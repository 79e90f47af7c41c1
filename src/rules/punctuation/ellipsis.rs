//! BG018: an ellipsis written `。。。`, `...` or `…` instead of `……`.

use super::super::prose::{
    char_after, char_before, is_chinese, prose_paragraph, replace, runs_around,
};
use super::super::{Context, Finding, Marks, RuleDoc, Severity};
use crate::rules::family::Family;
use crate::text::byte_set::find_all;
use crate::text::TextRange;

pub const DOC: RuleDoc = RuleDoc {
    code: "BG018",
    name: "ellipsis-form",
    family: Family::Punctuation,
    default_severity: Severity::Info,
    summary: "An ellipsis written `。。。`, `...` or a single `…` in Chinese text instead of `……`",
    explanation: "\
## What it does

Finds an ellipsis written with full stops (`。。。`), with ASCII dots (`...`)
or middle dots (`···`) next to Chinese text, or as a single `…`, and offers
the Chinese ellipsis `……` (two `…`, six dots). Dots in Latin text and code
are left alone.

## Why

GB/T 15834-2011 §4.11 writes the ellipsis as six dots in two characters'
space, `……`; three full stops or three dots are a typing slip.

## Example

```text
学校、医院、工厂。。。
```

should read `学校、医院、工厂……`.
",
};

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let text = ctx.text;
    let chinese = ctx
        .marks()
        .runs(&[('。', 3), ('…', 1)])
        .into_iter()
        .map(|(_, range)| range);
    let found = chinese
        .chain(runs_around(
            text,
            find_all(text.as_bytes(), b".."),
            &['.'],
            3,
        ))
        .chain(dot_runs(text, ctx.marks()));
    for range in found {
        if prose_paragraph(ctx, range).is_none() {
            continue;
        }
        let s = range.slice(text);
        let chinese_beside = char_before(text, range.start).is_some_and(is_chinese)
            || char_after(text, range.end).is_some_and(is_chinese);
        let wrong = match s.chars().next() {
            Some('。') => true,
            Some('…') => s.chars().count() == 1 && chinese_beside,
            _ => chinese_beside,
        };
        if wrong {
            out.push(replace(
                &DOC,
                text,
                range,
                "……",
                format!("省略号应为“……”，不写作“{s}”"),
            ));
        }
    }
}

/// The runs of three or more middle dots (`·` or `・`, mixed): `・` from the
/// Chinese marks, `·` (C2 B7) by a byte search.
fn dot_runs(text: &str, marks: &Marks) -> Vec<TextRange> {
    let mut dots: Vec<usize> = marks.positions('・').to_vec();
    dots.extend(find_all(text.as_bytes(), "·".as_bytes()));
    dots.sort_unstable();
    runs_around(text, dots, &['·', '・'], 3)
}

#[cfg(test)]
mod tests {
    use super::super::super::testing::only;

    #[test]
    fn flags_wrong_ellipses() {
        let text = "学校、医院、工厂。。。还有商店...以及…\n";
        let found = only("BG018", text);
        assert_eq!(found.len(), 3, "{found:#?}");
        assert!(found.iter().all(|f| f.fixes()[0].edits[0].new_text == "……"));
    }

    #[test]
    fn dont_flag_the_right_form_or_latin_dots() {
        assert!(only("BG018", "学校、医院、工厂……\nsee p. 3... and more\n").is_empty());
    }
}
