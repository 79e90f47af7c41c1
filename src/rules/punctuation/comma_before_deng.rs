//! BG019: a 顿号 before 等 (`学校、企业、等`).

use super::super::prose::{char_after, prose_paragraph, replace};
use super::super::{Context, Finding, RuleDoc, Severity};
use crate::rules::family::Family;
use crate::text::TextRange;

pub const DOC: RuleDoc = RuleDoc {
    code: "BG019",
    name: "comma-before-deng",
    family: Family::Punctuation,
    default_severity: Severity::Info,
    summary: "A 顿号 before 等 or 等等 that ends a list (`学校、企业、等`)",
    explanation: "\
## What it does

Finds a 顿号 `、` right before the 等 (or 等等) that closes a list, and offers
to delete it. Words that start with 等 (`等级` `等次` `等同` `等额` …) are
items, not the end of a list, and are left alone.

## Why

The 顿号 separates the items of a list; 等 is no item, and GB/T 15834-2011
puts no mark before it.

## Example

```text
支持学校、医院、企业、等单位开展合作。
```

should read `支持学校、医院、企业等单位开展合作。`.
",
};

/// Second characters of words that start with 等: an item, not a list's end.
const WORDS: &str = "级次同待候于额量效值保高距比腰身闲外第式价分边温压位不得着了过来";

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let text = ctx.text;
    for at in ctx.word_starts("、等") {
        let m = TextRange::new(at, at + "、等".len());
        if char_after(text, m.end).is_some_and(|c| WORDS.contains(c))
            || prose_paragraph(ctx, m).is_none()
        {
            continue;
        }
        let comma = TextRange::new(m.start, m.start + '、'.len_utf8());
        out.push(replace(&DOC, text, comma, "", "“等”前不用顿号".to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::testing::only;

    #[test]
    fn flags_a_comma_before_deng() {
        let text = "支持学校、医院、企业、等单位开展合作。\n";
        let found = only("BG019", text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].range.slice(text), "、");
        assert_eq!(found[0].fixes()[0].edits[0].new_text, "");
    }

    #[test]
    fn dont_flag_words_starting_with_deng() {
        assert!(only(
            "BG019",
            "五星级饭店16家、等级民宿638家。\n学校、医院等单位。\n"
        )
        .is_empty());
    }
}
