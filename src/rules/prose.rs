//! What the proofreading rules (punctuation, numbers, leftovers) share: where
//! the prose is, what counts as Chinese text around a mark, and the spans of a
//! paragraph that are no prose (code, URLs).

use regex::{Captures, Regex};

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

pub fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

pub fn char_after(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

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

/// The matches of `re` that lie in one paragraph of prose, outside code and
/// URLs, each with its paragraph. `re` runs once over the whole text.
pub fn prose_captures<'t>(ctx: &Context<'t>, re: &Regex) -> Vec<(Captures<'t>, TextRange)> {
    let text: &'t str = ctx.text;
    re.captures_iter(text)
        .filter_map(|caps| {
            let m = caps.get(0)?;
            // A pattern may take the line break before a sentence start.
            let start = m.end() - m.as_str().trim_start().len();
            let range = TextRange::new(start, m.end());
            let paragraph = paragraph_at(ctx, range.start)?;
            // Within the paragraph, or running on into the next on the same
            // line (the analysis cuts a salutation off its line).
            let inside = range.end <= paragraph.end || !m.as_str().contains(['\n', '\r']);
            (inside && !in_code_or_url(text, paragraph, range)).then_some((caps, paragraph))
        })
        .collect()
}

/// Whether `at` lies inside a quotation (`“…”`) of its paragraph: more
/// opening than closing quotation marks before it.
pub fn in_quotation(text: &str, paragraph: TextRange, at: usize) -> bool {
    let before = text.get(paragraph.start..at).unwrap_or("");
    before.matches('“').count() > before.matches('”').count()
}

/// A byte range of a capture group.
pub fn group_range(caps: &Captures, i: usize) -> Option<TextRange> {
    caps.get(i).map(|m| TextRange::new(m.start(), m.end()))
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
    finding.fixes.push(Fix {
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
