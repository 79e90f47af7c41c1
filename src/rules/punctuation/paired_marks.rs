//! BG015: a quotation mark, 书名号 or bracket that does not close, or does not
//! nest, within its paragraph.

use super::super::prose::{char_after, char_before};
use super::super::{shared, Context, Finding, RuleDoc, Severity};
use crate::report::numeral::is_numeral_char;
use crate::rules::family::Family;
use crate::text::TextRange;

pub const DOC: RuleDoc = RuleDoc {
    code: "BG015",
    name: "unbalanced-pair",
    family: Family::Punctuation,
    default_severity: Severity::Info,
    summary:
        "A paired mark (“ ” ‘ ’ 《 》 （ ） 【 】) does not close or nest within its paragraph",
    explanation: "\
## What it does

Pairs the opening and closing marks of each paragraph: quotation marks
`“ ”` `‘ ’`, 书名号 `《 》`, brackets `（ ）` (a half-width partner counts) and
`【 】`. It reports a closing mark with no opening one (`”` written for `“`
is the usual case), an opening mark that is still open at the end of the
paragraph, and two pairs that cross (`《…“…》…”`). A quotation that goes on
into the next paragraph (its paragraphs each open with `“`, GB/T 15834
§4.1.3.4), a paragraph that breaks off mid-sentence and goes on in the
next line (a copy's line break), `’99` for 1999 and an item number closed
by `）` alone (`1）`) are left alone.

## Why

An unclosed quotation or 书名号 leaves the reader unsure where a name or a
citation ends; in a document read aloud it is the kind of slip a proofreader
is paid to catch.

## Example

```text
深入学习贯彻《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法。
```

The 书名号 is never closed.
",
};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Pair {
    Double,
    Single,
    Title,
    Bracket,
    Lenticular,
}

/// What a character is to the pairing: opening or closing a pair, full width
/// or not (a half-width bracket only partners a full-width one).
fn role(c: char) -> Option<(Pair, bool, bool)> {
    Some(match c {
        '“' => (Pair::Double, true, true),
        '”' => (Pair::Double, false, true),
        '‘' => (Pair::Single, true, true),
        '’' => (Pair::Single, false, true),
        '《' => (Pair::Title, true, true),
        '》' => (Pair::Title, false, true),
        '（' => (Pair::Bracket, true, true),
        '）' => (Pair::Bracket, false, true),
        '(' => (Pair::Bracket, true, false),
        ')' => (Pair::Bracket, false, false),
        '【' => (Pair::Lenticular, true, true),
        '】' => (Pair::Lenticular, false, true),
        _ => return None,
    })
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let text = ctx.text;
    // Marks still open at the end of a paragraph that breaks off in the
    // middle of a sentence (a copy with a line break inside a sentence):
    // they may close in the next one.
    let mut carried: Vec<Open> = Vec::new();
    // The marks not yet passed: paragraphs and marks are both in text order.
    let in_order = ctx
        .marks()
        .in_order(&['“', '”', '‘', '’', '《', '》', '（', '）', '【', '】']);
    let mut marks = in_order.as_slice();
    for &paragraph in &ctx.document.paragraphs {
        let Some(s) = text.get(paragraph.start..paragraph.end) else {
            continue;
        };
        let before = marks
            .iter()
            .take_while(|&&(at, _)| at < paragraph.start)
            .count();
        marks = marks.get(before..).unwrap_or_default();
        let inside = marks
            .iter()
            .take_while(|&&(at, _)| at < paragraph.end)
            .count();
        if inside == 0 && carried.is_empty() {
            // Nothing to open or close (most paragraphs).
            continue;
        }
        let open = check_paragraph(
            text,
            paragraph,
            marks.get(..inside).unwrap_or_default(),
            std::mem::take(&mut carried),
            out,
        );
        if breaks_off(s) {
            carried = open;
        } else {
            report_open(text, open, out);
        }
    }
    // Marks still open where the text breaks off at its end: the text is
    // cut there (a truncated copy), which is no slip of punctuation.
    drop(carried);
}

/// An opening mark still open: its pair, where it is, the mark and whether
/// it is full width.
type Open = (Pair, usize, char, bool);

/// Whether a paragraph stops in the middle of a sentence: it ends with a
/// Han character, a digit or a letter, not with a mark.
fn breaks_off(s: &str) -> bool {
    s.trim_end_matches(['*', ' ', '\t', '\u{3000}'])
        .chars()
        .next_back()
        .is_some_and(|c| super::super::prose::is_han(c) || c.is_ascii_alphanumeric())
}

/// Checks the marks of one paragraph, `marks`.
fn check_paragraph(
    text: &str,
    paragraph: TextRange,
    marks: &[(usize, char)],
    mut open: Vec<Open>,
    out: &mut Vec<Finding>,
) -> Vec<Open> {
    let carried = open.len();
    // The marks lead with E2 (quotes), E3 (《》【】) or EF (（）): other bytes
    // need no decoding. An ASCII bracket partnering a full-width one is
    // looked for only when one is missing ([`half_width_partner`]).
    for &(at, c) in marks {
        let Some((pair, opening, full)) = role(c) else {
            continue;
        };
        if opening {
            if !is_abbreviation(text, at, c) {
                open.push((pair, at, c, full));
            }
            continue;
        }
        match open.iter().rposition(|(p, ..)| *p == pair) {
            Some(depth) if depth + 1 == open.len() => {
                open.pop();
            }
            Some(depth) => {
                // Closes a pair that encloses one still open: they cross.
                if let Some(&(_, inner_at, inner, _)) = open.last() {
                    if depth >= carried && (full || open.get(depth).is_some_and(|o| o.3)) {
                        out.push(shared::finding(
                            &DOC,
                            TextRange::new(inner_at, inner_at + inner.len_utf8()),
                            format!("“{inner}”在“{c}”之前未闭合：成对的标点交叉"),
                        ));
                    }
                }
                return Vec::new();
            }
            None => {
                if full
                    && !is_stray_closer_ok(text, paragraph, at, c)
                    && !half_width_partner(text, at, c)
                {
                    out.push(shared::finding(
                        &DOC,
                        TextRange::new(at, at + c.len_utf8()),
                        format!("“{c}”前面没有与之成对的{}", opener_of(pair)),
                    ));
                }
            }
        }
    }
    open
}

/// Reports the marks left open at the end of a paragraph.
fn report_open(text: &str, open: Vec<Open>, out: &mut Vec<Finding>) {
    for (pair, at, c, full) in open {
        // A quotation going on into the next paragraph opens its paragraph.
        let starts = paragraph_start(text, at);
        if !full || (pair == Pair::Double && starts) || half_width_partner(text, at, c) {
            continue;
        }
        out.push(shared::finding(
            &DOC,
            TextRange::new(at, at + c.len_utf8()),
            format!("“{c}”在本段内没有闭合"),
        ));
    }
}

/// Whether only markdown marks and spaces stand between the start of the
/// line and `at`.
fn paragraph_start(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("");
    let line = before.rsplit(['\n', '\r']).next().unwrap_or("");
    line.trim_start_matches(['#', '*', '>', ' ', '\t', '\u{3000}'])
        .is_empty()
}

/// Whether a full-width bracket at `at` has a half-width partner on its
/// line: a `)` after a `（`, a `(` before a `）` (`（首期50亿元)`).
fn half_width_partner(text: &str, at: usize, c: char) -> bool {
    let line_start = text
        .get(..at)
        .and_then(|b| b.rfind('\n'))
        .map_or(0, |i| i + 1);
    let line_end = text
        .get(at..)
        .and_then(|a| a.find('\n'))
        .map_or(text.len(), |i| at + i);
    match c {
        '（' => text.get(at..line_end).is_some_and(|a| a.contains(')')),
        '）' => text.get(line_start..at).is_some_and(|b| b.contains('(')),
        _ => false,
    }
}

/// `’99` `‘96`: a quotation mark standing for the century of a year: two
/// digits and no digit after them, and no `’` closing it soon after
/// (`‘532’` is a quotation).
fn is_abbreviation(text: &str, at: usize, c: char) -> bool {
    // Asked of every opening mark: the other marks go no further.
    if !matches!(c, '‘' | '’') {
        return false;
    }
    let Some(rest) = text.get(at + c.len_utf8()..) else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let closed_soon = rest.chars().skip(2).take(8).any(|c| c == '’');
    matches!(c, '‘' | '’') && digits == 2 && !(c == '‘' && closed_soon)
}

fn opener_of(pair: Pair) -> &'static str {
    match pair {
        Pair::Double => "“",
        Pair::Single => "‘",
        Pair::Title => "《",
        Pair::Bracket => "（",
        Pair::Lenticular => "【",
    }
}

/// A closing mark alone that is no slip: an item number `1）` / `一）` /
/// `a）`, or an apostrophe between Latin letters (`Xi’an`).
fn is_stray_closer_ok(text: &str, paragraph: TextRange, at: usize, c: char) -> bool {
    if is_abbreviation(text, at, c) {
        return true;
    }
    if c == '’' {
        return char_before(text, at).is_some_and(|b| b.is_ascii_alphabetic())
            && char_after(text, at + c.len_utf8()).is_some_and(|a| a.is_ascii_alphabetic());
    }
    if c != '）' {
        return false;
    }
    let Some(before) = text.get(paragraph.start..at) else {
        return false;
    };
    let number = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_alphanumeric() || is_numeral_char(*c))
        .last()
        .map(|(i, _)| i);
    let Some(start) = number else { return false };
    let lead = before.get(..start).unwrap_or("");
    lead.trim_end_matches(['#', '*', ' ', '\u{3000}'])
        .is_empty()
        || lead.ends_with(['。', '；', '：', '，', ';', ':', ',', ' '])
}

#[cfg(test)]
mod tests {
    use super::super::super::testing::{fixture, only};

    fn slices(text: &str) -> Vec<String> {
        only("BG015", text)
            .iter()
            .map(|f| f.range.slice(text).to_string())
            .collect()
    }

    #[test]
    fn flags_unclosed_and_stray_marks() {
        assert_eq!(slices("深入学习贯彻《组织法，推动工作。\n"), ["《"]);
        assert_eq!(slices("坚持”两个确立”，做到“两个维护”。\n"), ["”", "”"]);
        assert_eq!(slices("设立基金（首期50亿元，支持创新。\n"), ["（"]);
        assert_eq!(
            slices("学习《关于“三农”工作的意见》。\n"),
            Vec::<String>::new()
        );
        assert_eq!(slices("学习《关于“三农工作》的意见”。\n"), ["“"]);
    }

    #[test]
    fn dont_flag_item_numbers_quotes_running_on_or_mixed_widths() {
        assert!(slices("1）加强立法；2）推进监督。\n").is_empty());
        assert!(slices("“坚持人民至上，\n“坚持自我革命。”\n").is_empty());
        assert!(slices("设立基金（首期50亿元)。\n").is_empty());
        assert!(slices("Xi’an 与西安，’99世博会，“聚力‘532’、建功”。\n").is_empty());
        assert!(slices("继续落实“四个不\n摘”要求。\n").is_empty());
        for name in [
            "renda-jinan.txt",
            "zhengfu-beijing-2026.txt",
            "zhengfu-zhejiang-2026.txt",
        ] {
            assert!(slices(&fixture(name)).is_empty(), "{name}");
        }
    }
}
