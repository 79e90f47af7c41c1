//! BG014: a stray half-width mark in Chinese text written with full-width
//! marks (GB/T 15834-2011).

use super::super::prose::{
    char_after, char_before, content_start, in_code_or_url, is_chinese, is_han,
};
use super::super::{shared, Context, Edit, Finding, Fix, Marks, RuleDoc, Severity};
use crate::report::numeral::is_numeral_char;
use crate::report::Report;
use crate::rules::family::Family;
use crate::text::TextRange;

pub const DOC: RuleDoc = RuleDoc {
    code: "BG014",
    name: "half-width-punctuation",
    family: Family::Punctuation,
    default_severity: Severity::Info,
    summary: "A half-width mark `, . ; : ? ! ( )` in Chinese text where the report writes full-width ones",
    explanation: "\
## What it does

Finds a half-width `,` `.` `;` `:` `?` `!` `(` `)` next to a Chinese character
in a report that otherwise writes that mark full-width (`，` `。` `；` `：` `？`
`！` `（` `）`), and offers the full-width mark; a bracket's partner is changed
with it. It says nothing inside numbers (`3.5`, `8:30`), Latin text, code
spans, URLs, front matter or the brackets of a heading's number (BG006), nor
in a report that writes the mark half-width throughout (a copy converted by a
web site): only the stray mark is a slip.

## Why

GB/T 15834-2011 gives Chinese text full-width marks. A half-width comma among
full-width ones is the trace of a paste from another document, and every
proofreader marks it.

## Example

```text
全年地区生产总值增长5.2%,城镇新增就业12万人。
```

should read `…增长5.2%，城镇新增就业12万人。`.
",
};

/// The half-width marks and their full-width forms.
const MARKS: [(u8, &str); 8] = [
    (b',', "，"),
    (b'.', "。"),
    (b';', "；"),
    (b':', "："),
    (b'?', "？"),
    (b'!', "！"),
    (b'(', "（"),
    (b')', "）"),
];

/// How often `report` holds each mark of [`MARKS`] full-width.
fn full_width_counts(marks: &Marks, report: TextRange) -> [usize; MARKS.len()] {
    MARKS.map(|(_, full)| {
        full.chars()
            .next()
            .map_or(0, |mark| marks.positions_in(mark, report).len())
    })
}

fn kind_of(byte: u8) -> Option<usize> {
    MARKS.iter().position(|(b, _)| *b == byte)
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for report in &ctx.document.reports {
        check_report(ctx, report, out);
    }
}

fn check_report(ctx: &Context, report: &Report, out: &mut Vec<Finding>) {
    let text = ctx.text;
    let Some(body) = text.get(report.range.start..report.range.end) else {
        return;
    };
    // How often the report writes each mark full-width: a half-width mark
    // can only be stray where the full-width one is used, or where the
    // report writes full-width commas throughout.
    let full = full_width_counts(ctx.marks(), report.range);
    let commas = full.first().copied().unwrap_or(0);
    let wanted: Vec<u8> = MARKS
        .iter()
        .zip(&full)
        .filter(|(_, &f)| f > 0 || commas >= 20)
        .map(|((b, _), _)| *b)
        .collect();
    if wanted.is_empty() {
        return;
    }
    // Every half-width mark in Chinese text, by kind.
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    let mut consider = |i: usize| {
        let at = report.range.start + i;
        let Some(&byte) = text.as_bytes().get(at) else {
            return;
        };
        let Some(kind) = kind_of(byte) else { return };
        let Some(paragraph) = super::super::prose::paragraph_at(ctx, at) else {
            return;
        };
        let words = content_start(text, paragraph);
        if is_candidate(text, paragraph, words, at, byte) {
            candidates.push((at, kind));
        }
    };
    // Three marks a vectorised search, the positions then put in order.
    let bytes = body.as_bytes();
    let mut at: Vec<usize> = Vec::new();
    for three in wanted.chunks(3) {
        match *three {
            [a] => at.extend(memchr::memchr_iter(a, bytes)),
            [a, b] => at.extend(memchr::memchr2_iter(a, b, bytes)),
            [a, b, c] => at.extend(memchr::memchr3_iter(a, b, c, bytes)),
            _ => {}
        }
    }
    if wanted.len() > 3 {
        at.sort_unstable();
    }
    at.into_iter().for_each(&mut consider);
    if candidates.is_empty() {
        return;
    }
    let mut half = [0usize; MARKS.len()];
    for &(_, kind) in &candidates {
        if let Some(n) = half.get_mut(kind) {
            *n += 1;
        }
    }
    // The report's commas say whether it is written full-width at all, for
    // the marks it uses too rarely to tell by themselves.
    let full_width_text = commas >= 20 && commas >= 9 * half[0];
    let stray = |kind: usize| {
        let (f, h) = (
            full.get(kind).copied().unwrap_or(0),
            half.get(kind).copied().unwrap_or(0),
        );
        if f + h >= 4 {
            f >= 4 * h
        } else {
            full_width_text
        }
    };
    let mut paired: Vec<usize> = Vec::new();
    for &(at, kind) in &candidates {
        if !stray(kind) || paired.contains(&at) {
            continue;
        }
        let range = TextRange::new(at, at + 1);
        if super::super::prose::paragraph_at(ctx, at)
            .is_none_or(|paragraph| in_code_or_url(text, paragraph, range))
        {
            continue;
        }
        let Some(&(byte, full)) = MARKS.get(kind) else {
            continue;
        };
        let mut edits = vec![Edit {
            range,
            new_text: full.to_string(),
        }];
        if byte == b'(' {
            if let Some(close) = matching_close(text, at, ctx) {
                paired.push(close);
                edits.push(Edit {
                    range: TextRange::new(close, close + 1),
                    new_text: "）".to_string(),
                });
            }
        }
        let shown = char::from(byte);
        let mut finding = shared::finding(
            &DOC,
            range,
            format!("汉字间用了半角“{shown}”，本报告用全角“{full}”"),
        );
        finding.push_fix(Fix {
            title: if edits.len() == 2 {
                "改为全角括号“（）”".to_string()
            } else {
                format!("改为全角“{full}”")
            },
            edits,
        });
        out.push(finding);
    }
}

/// A half-width mark at `at` that stands in Chinese text.
fn is_candidate(text: &str, paragraph: TextRange, words: usize, at: usize, byte: u8) -> bool {
    let before = char_before(text, at).filter(|_| at > paragraph.start);
    let after = char_after(text, at + 1).filter(|_| at + 1 < paragraph.end);
    let chinese_before = before.is_some_and(is_chinese);
    let chinese_after = after.is_some_and(is_chinese);
    let found = match byte {
        // A full stop: after a Han character, ending the sentence.
        b'.' => {
            before.is_some_and(is_han)
                && after.is_none_or(|c| is_chinese(c) || c == '*')
                // `一.` heading numbers are BG007's.
                && !text
                    .get(words..at)
                    .is_some_and(|n| !n.is_empty() && n.chars().all(is_numeral_char))
        }
        // A heading's `(一)` is BG006's.
        b'(' => (chinese_before || chinese_after) && at != words,
        b')' => {
            (chinese_before || chinese_after)
                && !text.get(words..at).is_some_and(|s| {
                    s.starts_with('(')
                        && s.chars()
                            .skip(1)
                            .all(|c| is_numeral_char(c) || c.is_ascii_digit())
                })
        }
        // `&ldquo;` `&middot;`: an HTML entity left in the copy, no mark.
        b';' => {
            (chinese_before || chinese_after)
                && !ends_with_entity(text.get(paragraph.start..at).unwrap_or(""))
        }
        // A `?` after a space or before a dash stands for a character lost
        // in a conversion (`中国?—东盟`), not for a question.
        b'?' | b'!' => {
            chinese_before && after.is_none_or(|c| is_han(c) || matches!(c, '”' | '’' | '*'))
        }
        _ => chinese_before || chinese_after,
    };
    found
}

/// Whether `s` ends with the name of an HTML entity (`&ldquo`, `&#8220`).
fn ends_with_entity(s: &str) -> bool {
    let name = s.trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '#');
    name.ends_with('&') && name.len() < s.len()
}

/// The `)` closing the `(` at `open`, in the same paragraph.
fn matching_close(text: &str, open: usize, ctx: &Context) -> Option<usize> {
    let paragraph = super::super::prose::paragraph_at(ctx, open)?;
    let rest = text.get(open + 1..paragraph.end)?;
    let mut depth = 0usize;
    for (i, b) in rest.bytes().enumerate() {
        match b {
            b'(' => depth += 1,
            b')' if depth == 0 => return Some(open + 1 + i),
            b')' => depth -= 1,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::super::testing::{fixture, only};

    const FULL: &str =
        "全年地区生产总值增长5.2%，城镇新增就业12万人，居民收入增长5.5%，粮食产量稳定，\
        工业增加值增长6%，投资增长4%，消费增长5%，出口增长7%，财政收入增长3%，\
        税收增长2%，民生支出占比八成，教育投入增长，医疗投入增长，住房保障加强，\
        生态环境改善，安全形势稳定，改革开放深化，创新能力提升，营商环境优化，社会大局稳定。\n";

    #[test]
    fn full_width_counts_follow_the_marks() {
        let text = "，。；：？！（）、，";
        let marks = crate::rules::index::Index::of(text).marks;
        let counts = super::full_width_counts(&marks, crate::text::TextRange::new(0, text.len()));
        for (kind, (_, full)) in super::MARKS.iter().enumerate() {
            assert_eq!(counts[kind], text.matches(full).count(), "{full}");
        }
    }

    #[test]
    fn flags_a_stray_comma_and_fixes_it() {
        let text = format!("{FULL}全年地区生产总值增长5.2%,城镇新增就业12万人。\n");
        let found = only("BG014", &text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].range.slice(&text), ",");
        assert_eq!(found[0].fixes()[0].edits[0].new_text, "，");
    }

    #[test]
    fn brackets_are_fixed_as_a_pair() {
        let text = format!("{FULL}设立产业基金(首期50亿元)，支持创新（科技）。\n");
        let found = only("BG014", &text);
        assert_eq!(found.len(), 1, "{found:#?}");
        let edits = &found[0].fixes()[0].edits;
        assert_eq!(edits.len(), 2);
        assert_eq!(edits[1].range.slice(&text), ")");
    }

    #[test]
    fn dont_flag_numbers_latin_urls_or_converted_text() {
        let text =
            format!("{FULL}增长3.5%，时间8:30，GDP(国内生产总值)见www.gov.cn/a,b页，`a,b`。\n");
        let found = only("BG014", &text);
        // Only the bracket pair after Latin `GDP` that touches Han.
        assert!(
            found.iter().all(|f| f.range.slice(&text) == "("),
            "{found:#?}"
        );
        // A copy converted to half-width throughout says nothing.
        assert!(only("BG014", &fixture("renda-jinan.txt")).is_empty());
        assert!(only("BG014", "一.坚持党的领导\n(一)加强立法\n").is_empty());
    }
}
