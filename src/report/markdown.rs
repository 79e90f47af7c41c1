//! A paragraph's markdown: `#` heading hashes and `**` bold around its
//! words, and labels cleaned of them and of the punctuation that ends them.

use crate::text::lines::{trim_blanks, BLANKS};
use crate::text::sentence::sentence_end;

/// A line without its markdown: `**各位代表：**` → `各位代表：`,
/// `## 政府工作报告` → `政府工作报告`.
pub(super) fn unmarked(s: &str) -> &str {
    let (at, bold) = markdown_prefix(s);
    let rest = s.get(at..).unwrap_or(s);
    if bold {
        trim_stars_end(rest)
    } else {
        rest
    }
}

/// Strips markdown heading hashes and bold at the start of a paragraph;
/// returns the offset where the content starts and whether bold is open.
pub(super) fn markdown_prefix(s: &str) -> (usize, bool) {
    let hashes = s.len() - s.trim_start_matches('#').len();
    let mut at = 0;
    if hashes > 0 && hashes <= 6 {
        let rest = s.get(hashes..).unwrap_or("");
        at = hashes + (rest.len() - rest.trim_start_matches(BLANKS).len());
    }
    let rest = s.get(at..).unwrap_or("");
    if rest.starts_with("**") && bold_closes(rest.get(2..).unwrap_or("")) {
        return (at + 2, true);
    }
    (at, false)
}

/// Whether a `**` opening at the start of `s` closes before the sentence ends.
pub(super) fn bold_closes(s: &str) -> bool {
    let sentence = sentence_end(s).map_or(s, |(i, c)| s.get(..i + c.len_utf8()).unwrap_or(s));
    sentence.contains("**") || s.get(sentence.len()..).is_some_and(|r| r.starts_with("**"))
}

pub(super) fn clean_label(s: &str) -> String {
    let (_, s) = trim_blanks(s);
    // Bold markers around the whole label (`**持续强化…。**`), not a `**市` redaction.
    let s = match s.strip_prefix("**") {
        Some(inner) if inner.trim_end().ends_with("**") || inner.contains("**") => inner,
        _ => s,
    };
    let ends = ['。', ':', '：', ';', '；', ',', '，'];
    trim_stars_end(trim_stars_end(s).trim_end_matches(ends))
        .trim_end_matches(ends)
        .trim_matches(BLANKS)
        .to_string()
}

/// `s.trim_end_matches("**")` without setting up a substring search.
fn trim_stars_end(mut s: &str) -> &str {
    while let Some(rest) = s.strip_suffix("**") {
        s = rest;
    }
    s
}
