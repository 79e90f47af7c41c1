//! BG016: a mark after a sequence word that takes none or another
//! (`（一）、` `一是：` `第一、`).

use super::super::prose::{char_after, char_before, in_code_or_url, paragraph_at, replace};
use super::super::{Context, Finding, RuleDoc, Severity};
use crate::rules::family::Family;
use crate::text::TextRange;

pub const DOC: RuleDoc = RuleDoc {
    code: "BG016",
    name: "sequence-mark",
    family: Family::Punctuation,
    default_severity: Severity::Info,
    summary: "A sequence word takes the wrong mark: `（一）、` `（1）、` `一是：` `第一、`",
    explanation: "\
## What it does

Checks the mark after a sequence word (序次语) at the start of a sentence:
a bracketed number `（一）` `（1）` takes no mark after it; `一是` `二是`
take none either; `第一` `第二` take a comma (`第一，`), not `、`. The quick
fix deletes or replaces the mark. `一.` and `一，` in a heading are BG007's;
`第一、二产业` (ordinals listed) is left alone.

## Why

GB/T 15834-2011 §4.5.3.5 and its appendix B.1.7: after `（一）` no mark is
added, and after `第一` `首先` a comma is used. These are among the slips a
proofreader marks most.

## Example

```text
（一）、坚持稳中求进。…。第一、扩大内需。
```

should read `（一）坚持稳中求进。…。第一，扩大内需。`.
",
};

const NUMERALS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let text = ctx.text;
    let bytes = text.as_bytes();
    // `（一）、` `(1).`: a bracketed number, then a mark.
    let closes = ctx
        .marks()
        .positions('）')
        .iter()
        .map(|&at| (at, '）'.len_utf8()))
        .chain(memchr::memchr_iter(b')', bytes).map(|at| (at, 1)));
    for (close, len) in closes {
        let mark_at = close + len;
        let Some(mark) = char_after(text, mark_at).filter(|c| "、，,.．".contains(*c)) else {
            continue;
        };
        let before = text.get(..close).unwrap_or("");
        let number = before.trim_end_matches(|c: char| NUMERALS.contains(&c) || c.is_ascii_digit());
        let digits = before.len() - number.len();
        let Some(open) = number.strip_suffix(['（', '(']) else {
            continue;
        };
        if digits == 0 || digits > 9 {
            continue;
        }
        let word = TextRange::new(open.len(), mark_at);
        report(
            ctx,
            word,
            TextRange::new(mark_at, mark_at + mark.len_utf8()),
            "",
            out,
        );
    }
    // `一是：`
    let colons = ctx
        .marks()
        .positions('：')
        .iter()
        .map(|&at| (at, '：'))
        .chain(memchr::memchr_iter(b':', bytes).map(|at| (at, ':')));
    for (mark_at, mark) in colons {
        let Some(at) = mark_at.checked_sub('是'.len_utf8()) else {
            continue;
        };
        let colon = if mark == ':' { "是:" } else { "是：" };
        if !text.get(at..).is_some_and(|s| s.starts_with(colon)) {
            continue;
        }
        {
            let before = text.get(..at).unwrap_or("");
            let number = before.trim_end_matches(|c: char| NUMERALS.contains(&c));
            let count = (before.len() - number.len()) / '一'.len_utf8();
            if !(1..=3).contains(&count) {
                continue;
            }
            let mark_at = at + '是'.len_utf8();
            let word = TextRange::new(number.len(), mark_at);
            let mark = TextRange::new(mark_at, at + colon.len());
            report(ctx, word, mark, "", out);
        }
    }
    // `第一、`
    for &at in ctx.anchors('第') {
        let after = text.get(at + '第'.len_utf8()..).unwrap_or("");
        let rest = after.trim_start_matches(|c: char| NUMERALS.contains(&c));
        let count = (after.len() - rest.len()) / '一'.len_utf8();
        if !(1..=3).contains(&count) || !rest.starts_with('、') {
            continue;
        }
        let mark_at = text.len() - rest.len();
        let word = TextRange::new(at, mark_at);
        report(
            ctx,
            word,
            TextRange::new(mark_at, mark_at + '、'.len_utf8()),
            "，",
            out,
        );
    }
}

/// Reports the `mark` after the sequence word `word` when the word starts a
/// sentence in prose and starts an item.
fn report(
    ctx: &Context,
    word: TextRange,
    mark: TextRange,
    replacement: &str,
    out: &mut Vec<Finding>,
) {
    let text = ctx.text;
    if !sentence_start(text, word.start) {
        return;
    }
    // `（一）、（二）两项` and `第一、二产业` list numbers, they do not
    // start an item.
    let next = char_after(text, mark.end);
    if next.is_none_or(|c| {
        matches!(c, '（' | '(' | '第' | '\n' | '\r')
            || crate::report::numeral::is_numeral_char(c)
            || c.is_ascii_digit()
    }) {
        return;
    }
    // `**第一、关于基本建设**`: a bold heading, numbered as `一、` is.
    if replacement == "，" && text.get(..word.start).is_some_and(|s| s.ends_with("**")) {
        return;
    }
    let Some(paragraph) = paragraph_at(ctx, word.start) else {
        return;
    };
    if in_code_or_url(text, paragraph, word) {
        return;
    }
    let w = word.slice(text);
    let message = if replacement.is_empty() {
        format!("序次语“{w}”后不加标点")
    } else {
        format!("序次语“{w}”后用逗号")
    };
    out.push(replace(&DOC, text, mark, replacement, message));
}

/// Whether a sequence word at `at` starts a sentence or a clause: at the
/// start of a line (after markdown marks) or after a mark that ends one.
fn sentence_start(text: &str, at: usize) -> bool {
    char_before(text, at).is_none_or(|c| {
        matches!(
            c,
            '。' | '；'
                | '！'
                | '？'
                | '：'
                | '，'
                | ':'
                | ';'
                | ','
                | '*'
                | '#'
                | '\n'
                | '\r'
                | ' '
                | '\t'
                | '\u{3000}'
        )
    })
}

#[cfg(test)]
mod tests {
    use super::super::super::testing::only;

    fn fixed(text: &str) -> Vec<(String, String)> {
        only("BG016", text)
            .iter()
            .map(|f| {
                let e = &f.fixes()[0].edits[0];
                (e.range.slice(text).to_string(), e.new_text.clone())
            })
            .collect()
    }

    #[test]
    fn flags_marks_after_sequence_words() {
        let found = fixed(
            "（一）、坚持稳中求进。\n做好工作。一是：扩大内需；第一、扩大投资。\n(2).加强监督。\n",
        );
        assert_eq!(
            found,
            [
                ("、".to_string(), String::new()),
                ("：".to_string(), String::new()),
                ("、".to_string(), "，".to_string()),
                (".".to_string(), String::new()),
            ]
        );
    }

    #[test]
    fn dont_flag_listed_ordinals_or_right_marks() {
        assert!(fixed(
            "推动第一、二、三产业融合。\n（一）坚持稳中求进。一是扩大内需。第一，扩大投资。\n"
        )
        .is_empty());
        assert!(fixed("完成（一）、（二）两项。\n").is_empty());
    }
}
