//! BG033: a session's number in Arabic digits (`第十四届人大常委会第5次会议`
//! → `第五次会议`).

use super::super::prose::{prose_paragraph, replace};
use super::super::{Context, Finding, RuleDoc, Severity};
use crate::report::numeral::to_chinese;
use crate::rules::family::Family;
use crate::text::TextRange;

pub const DOC: RuleDoc = RuleDoc {
    code: "BG033",
    name: "session-number",
    family: Family::Numbers,
    default_severity: Severity::Info,
    summary: "A session's number in Arabic digits (`第十四届…第5次会议` → `第五次会议`)",
    explanation: "\
## What it does

Finds the number of a meeting of a congress, a conference or a standing
committee written in Arabic digits after a term (届) written in Chinese
numerals in the same clause (`十四届全国人大常委会第5次会议`), and a term
of such a body in digits (`第14届人民代表大会`), and offers the Chinese
numerals (`第五次会议`, `第十四届`). A meeting named without its term
(`第5次主任会议`) and the terms of games and fairs (`第19届亚运会`) and of other
congresses and committees (`第33届世界代表大会`, `第8届村民委员会`) are
left alone.

## Why

GB/T 15835-2011 §4.2 and the 公文 practice: the 届 and 次 of a session
are fixed names and are written in Chinese numerals, as every session's own
documents write them. A digit among them is a slip of typing.

## Example

```text
十四届全国人大常委会第5次会议审议通过…
```

should read `第五次会议`.
",
};

/// The bodies whose terms are numbered in Chinese numerals: congresses
/// and conferences, not an association's congress or a village committee.
const BODIES: [&str; 4] = ["人民代表大会", "人大", "政协", "党代会"];

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let text = ctx.text;
    // `第5次会议` `第5次全体会议` after a 届 in the clause.
    for &at in ctx.anchors('次') {
        let after = text.get(at + '次'.len_utf8()..).unwrap_or("");
        if !(after.starts_with("会议") || after.starts_with("全体会议")) {
            continue;
        }
        let Some(digits) = digits_after_di(text, at) else {
            continue;
        };
        let clause = clause_before(text, digits.start);
        let Some(term) = clause.rfind('届') else {
            continue;
        };
        // The term itself in Chinese numerals (`十四届`, `第十四届`).
        if !clause
            .get(..term)
            .and_then(|s| s.chars().next_back())
            .is_some_and(crate::report::numeral::is_numeral_char)
        {
            continue;
        }
        report(ctx, digits, "次", out);
    }
    // `第14届人民代表大会`.
    for &at in ctx.anchors('届') {
        let after = text.get(at + '届'.len_utf8()..).unwrap_or("");
        if !names_a_body(after) {
            continue;
        }
        let Some(digits) = digits_after_di(text, at) else {
            continue;
        };
        report(ctx, digits, "届", out);
    }
}

/// The Arabic digits between a 第 and `at` (`第5次`), if that is all there is.
fn digits_after_di(text: &str, at: usize) -> Option<TextRange> {
    let before = text.get(..at)?;
    let rest = before.trim_end_matches(|c: char| c.is_ascii_digit());
    let n = before.len() - rest.len();
    ((1..=2).contains(&n) && rest.ends_with('第')).then(|| TextRange::new(at - n, at))
}

/// The clause before `at`: back to the last mark that ends one.
fn clause_before(text: &str, at: usize) -> &str {
    let before = text.get(..at).unwrap_or("");
    let start = before
        .rfind(['。', '；', '！', '？', '\n', '，', '、'])
        .map_or(0, |i| {
            i + before
                .get(i..)
                .and_then(|s| s.chars().next())
                .map_or(1, char::len_utf8)
        });
    before.get(start..).unwrap_or("")
}

/// Whether the words after a term (届) name a body within a few characters (`届全国人民代表大会`, `届市委员会`).
fn names_a_body(after: &str) -> bool {
    let end = after.char_indices().nth(8).map_or(after.len(), |(i, _)| i);
    let head = after.get(..end).unwrap_or(after);
    BODIES.iter().any(|b| head.contains(b))
}

fn report(ctx: &Context, digits: TextRange, what: &str, out: &mut Vec<Finding>) {
    let text = ctx.text;
    let Ok(n) = digits.slice(text).parse::<u32>() else {
        return;
    };
    if n == 0 || prose_paragraph(ctx, digits).is_none() {
        return;
    }
    let new = to_chinese(n);
    let old = digits.slice(text);
    out.push(replace(
        &DOC,
        text,
        digits,
        &new,
        format!("会议的届次用汉字数字：“第{old}{what}”应为“第{new}{what}”"),
    ));
}

#[cfg(test)]
mod tests {
    use super::super::super::testing::{fixture, only, replacements};

    #[test]
    fn flags_session_numbers_in_digits() {
        let text = "十四届全国人大常委会第5次会议审议通过，市第16届人民代表大会第二次会议，市十六届人大常委会第12次全体会议。\n";
        assert_eq!(replacements("BG033", text), ["五", "十六", "十二"]);
    }

    #[test]
    fn dont_flag_meetings_without_a_term_or_games() {
        let text = "召开第5次主任会议，第19届亚运会，第5届进博会，第十四届人大第五次会议，2023年第3次会议。\n";
        assert!(only("BG033", text).is_empty(), "{:#?}", only("BG033", text));
    }

    #[test]
    fn dont_flag_a_real_report() {
        assert!(only("BG033", &fixture("zhengfu-zhejiang-2026.txt")).is_empty());
    }
}
