//! What the proofreading rules (punctuation, numbers, leftovers) share: where
//! the prose is, what counts as Chinese text around a mark, and the spans of a
//! paragraph that are no prose (code, URLs).

use super::{shared, Context, Edit, Finding, Fix, RuleDoc};
use crate::text::TextRange;

/// A Han character (CJK unified ideographs, extension A and beyond, and 〇).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{20000}'..='\u{3134F}' | '〇')
}

/// Chinese punctuation: CJK symbols (、。《》【】…), full-width forms
/// (，：；（）), curly quotes and the ellipsis and dash.
pub fn is_cjk_mark(c: char) -> bool {
    matches!(c, '\u{3001}'..='\u{303F}' | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF1F}'
        | '\u{2018}'..='\u{201D}' | '…' | '—')
}

/// Chinese text: a Han character or a Chinese mark.
pub fn is_chinese(c: char) -> bool {
    is_han(c) || is_cjk_mark(c)
}

pub(crate) use crate::text::{char_after, char_before};

/// The paragraph of the document holding byte `at`, if any (noise such as
/// front matter and site chrome is in none).
pub fn paragraph_at(ctx: &Context, at: usize) -> Option<TextRange> {
    let paragraphs = &ctx.document.paragraphs;
    let i = paragraphs.partition_point(|p| p.end <= at);
    paragraphs.get(i).copied().filter(|p| p.start <= at)
}

/// Whether `range` of `paragraph` is no prose: inside a code span (`…`), or
/// inside a URL or an e-mail address (the run of ASCII before it holds `://`,
/// `www.` or `@`, and ASCII follows it).
pub fn in_code_or_url(text: &str, paragraph: TextRange, range: TextRange) -> bool {
    let Some(before) = text.get(paragraph.start..range.start) else {
        return true;
    };
    if memchr::memchr(b'`', before.as_bytes()).is_some()
        && before.bytes().filter(|&b| b == b'`').count() % 2 == 1
    {
        return true;
    }
    let token_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_ascii_graphic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let token = before.get(token_start..).unwrap_or("");
    let ascii_after = char_after(text, range.end).is_some_and(|c| c.is_ascii_graphic());
    ascii_after && (token.contains("://") || token.contains("www.") || token.contains('@'))
}

/// The part of `positions` (in text order) that lies within `range`.
pub fn within(positions: &[usize], range: TextRange) -> &[usize] {
    let from = positions.partition_point(|&at| at < range.start);
    let to = positions.partition_point(|&at| at < range.end);
    positions.get(from..to).unwrap_or_default()
}

/// The paragraph of a match at `range` found by a byte search, if it lies
/// in prose: in a paragraph and outside code and URLs.
pub fn prose_paragraph(ctx: &Context, range: TextRange) -> Option<TextRange> {
    let paragraph = paragraph_at(ctx, range.start)?;
    (!in_code_or_url(ctx.text, paragraph, range)).then_some(paragraph)
}

/// The runs of `marks` (any of them, mixed) at least `min` characters long
/// that hold one of the places `at` (in order), each run once, in order: a
/// run is grown to both sides from the first of its places.
pub fn runs_around(
    text: &str,
    at: impl IntoIterator<Item = usize>,
    marks: &[char],
    min: usize,
) -> Vec<TextRange> {
    let mut found: Vec<TextRange> = Vec::new();
    let mut next = 0;
    for at in at {
        if at < next {
            continue;
        }
        let before = text.get(..at).unwrap_or("");
        let start = before.trim_end_matches(marks).len();
        let after = text.get(at..).unwrap_or("");
        next = at + (after.len() - after.trim_start_matches(marks).len());
        let run = TextRange::new(start, next);
        if run.slice(text).chars().count() >= min {
            found.push(run);
        }
    }
    found
}

/// The number written in digits (`12`, `3.5`) that ends at `end`, as a
/// regex `[0-9]{1,15}(?:\.[0-9]{1,15})?` right before `end` would take it
/// at its leftmost start; `None` when there is none or a run is longer than
/// 15 digits (such a match would start inside a number, which the rules
/// skip).
pub fn number_before(text: &str, end: usize) -> Option<TextRange> {
    let before = text.get(..end)?;
    let digits = |s: &str| s.len() - s.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let last = digits(before);
    if last == 0 || last > 15 {
        return None;
    }
    let start = end - last;
    let Some(int_end) = before.get(..start).and_then(|s| s.strip_suffix('.')) else {
        return Some(TextRange::new(start, end));
    };
    match digits(int_end) {
        0 => Some(TextRange::new(start, end)),
        n if n > 15 => None,
        n => Some(TextRange::new(int_end.len() - n, end)),
    }
}

/// The number written in digits that starts at `start`, as a regex
/// `[0-9]{1,15}(?:\.[0-9]{1,15})?` followed by what `next` accepts takes it;
/// `None` where no such match is.
pub fn number_after(text: &str, start: usize, next: impl Fn(&str) -> bool) -> Option<TextRange> {
    let after = text.get(start..)?;
    let digits = |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let int = digits(after);
    if int == 0 || int > 15 {
        return None;
    }
    let rest = after.get(int..)?;
    if let Some(frac) = rest.strip_prefix('.') {
        let f = digits(frac);
        if (1..=15).contains(&f) && frac.get(f..).is_some_and(&next) {
            return Some(TextRange::new(start, start + int + 1 + f));
        }
    }
    next(rest).then(|| TextRange::new(start, start + int))
}

/// Whether `at` lies inside a quotation (`“…”`) of its paragraph: more
/// opening than closing quotation marks before it.
pub fn in_quotation(text: &str, paragraph: TextRange, at: usize) -> bool {
    let before = text.get(paragraph.start..at).unwrap_or("");
    before.matches('“').count() > before.matches('”').count()
}

/// A finding whose one fix replaces `range` by `new_text`.
pub fn replace(
    doc: &RuleDoc,
    text: &str,
    range: TextRange,
    new_text: &str,
    message: String,
) -> Finding {
    let old = range.slice(text);
    let title = if new_text.is_empty() {
        format!("删去“{old}”")
    } else {
        format!("“{old}”改为“{new_text}”")
    };
    let mut finding = shared::finding(doc, range, message);
    finding.push_fix(Fix {
        title,
        edits: vec![Edit {
            range,
            new_text: new_text.to_string(),
        }],
    });
    finding
}

/// The start of a paragraph's words: after markdown heading and emphasis
/// marks, list bullets and spaces (ASCII or ideographic).
pub fn content_start(text: &str, paragraph: TextRange) -> usize {
    let s = paragraph.slice(text);
    let rest = s.trim_start_matches(['#', '*', '>', ' ', '\t', '\u{3000}']);
    paragraph.start + (s.len() - rest.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_and_urls_are_no_prose() {
        let text = "见`a,b`与http://x.cn/a,b页,完";
        let p = TextRange::new(0, text.len());
        let comma = |n: usize| {
            let at = text.match_indices(',').nth(n).unwrap().0;
            TextRange::new(at, at + 1)
        };
        assert!(in_code_or_url(text, p, comma(0)));
        assert!(in_code_or_url(text, p, comma(1)));
        assert!(!in_code_or_url(text, p, comma(2)));
    }

    #[test]
    fn han_and_marks() {
        assert!(is_han('政') && is_han('〇') && !is_han('，'));
        assert!(is_cjk_mark('，') && is_cjk_mark('“') && is_cjk_mark('》'));
        assert!(!is_chinese('a') && !is_chinese(','));
    }
}
