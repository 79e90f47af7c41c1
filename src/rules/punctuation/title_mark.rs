//! BG034: a report's title that ends in a mark (`政府工作报告。`).

use super::super::prose::replace;
use super::super::{Context, Finding, RuleDoc, Severity};
use crate::report::parts::{is_date_venue, looks_like_title};
use crate::rules::family::Family;
use crate::text::TextRange;

pub const DOC: RuleDoc = RuleDoc {
    code: "BG034",
    name: "title-mark",
    family: Family::Punctuation,
    default_severity: Severity::Info,
    summary: "A report's title that ends in a mark (`政府工作报告。`)",
    explanation: "\
## What it does

Finds the title line of a report (the line shaped like a title above the
date-and-venue line, `——2026年1月14日在…会议上`) that ends in `。` `，` `；`
`：` or their half-width forms, and offers to delete the mark.

## Why

GB/T 15834-2011 §5.1.3 and the 公文 format (GB/T 9704-2012 §7.3.2): a
title stands alone and takes no mark at its end, save a question or an
exclamation it asks. A full stop after a title is the trace of a paragraph
turned into the title.

## Example

```text
2026年政府工作报告。
——2026年1月14日在市第十六届人民代表大会第四次会议上
```

should read `2026年政府工作报告`.
",
};

/// The marks a title must not end with.
const MARKS: [char; 8] = ['。', '，', '；', '：', '.', ',', ';', ':'];

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let text = ctx.text;
    // A title the analysis read (from its line or the front matter's
    // `title:`), with marks at its end or right after it.
    for title in ctx.document.reports.iter().filter_map(|r| r.title.as_ref()) {
        let words = title.range.slice(text);
        let bare = words.trim_end_matches(MARKS);
        let after = text.get(title.range.end..).unwrap_or("");
        let run = after.len() - after.trim_start_matches(MARKS).len();
        let rest = after.get(run..).unwrap_or("");
        let ends = rest.is_empty() || rest.starts_with(['\n', '\r', '—', '（', '(']);
        let mark = if bare.len() < words.len() {
            TextRange::new(title.range.start + bare.len(), title.range.end + run)
        } else if run > 0 && ends {
            TextRange::new(title.range.end, title.range.end + run)
        } else {
            continue;
        };
        if !bare.is_empty() && looks_like_title(bare) {
            push(text, mark, out);
        }
    }
    let mut lines = lines(text).peekable();
    while let Some(line) = lines.next() {
        let words = line.slice(text);
        if words.len() > 60 * 4 || !words.ends_with(MARKS) {
            continue;
        }
        // The next line with words is the date and venue.
        let Some(next) = lines.peek() else { break };
        let next = next.slice(text);
        if next.len() > 80 * 4 || !is_date_venue(next) {
            continue;
        }
        let bare = words.trim_end_matches(MARKS);
        if bare.is_empty() || !looks_like_title(bare) {
            continue;
        }
        push(text, TextRange::new(line.start + bare.len(), line.end), out);
    }
}

fn push(text: &str, mark: TextRange, out: &mut Vec<Finding>) {
    let shown = mark.slice(text);
    out.push(replace(
        &DOC,
        text,
        mark,
        "",
        format!("标题末尾不用标点“{shown}”"),
    ));
}

/// The lines of `text` that hold words, each trimmed of blanks and of
/// markdown's heading and emphasis marks.
fn lines(text: &str) -> impl Iterator<Item = TextRange> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        while start < text.len() {
            let end = memchr::memchr(b'\n', text.as_bytes().get(start..)?)
                .map_or(text.len(), |i| start + i);
            let raw = text.get(start..end)?;
            let line_start = start;
            start = end + 1;
            let head = raw.trim_start_matches(['#', '*', ' ', '\t', '\u{3000}']);
            let words = head.trim_end_matches(['\r', '*', ' ', '\t', '\u{3000}']);
            if !words.is_empty() {
                let from = line_start + (raw.len() - head.len());
                return Some(TextRange::new(from, from + words.len()));
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::super::super::testing::{fixture, only};

    #[test]
    fn flags_a_title_ending_in_a_mark() {
        for mark in ["。", "：", "，", ";"] {
            let text = fixture("zhengfu-zhejiang-2026.txt").replacen(
                "2026年浙江省政府工作报告",
                &format!("2026年浙江省政府工作报告{mark}"),
                1,
            );
            let found = only("BG034", &text);
            assert_eq!(found.len(), 1, "{mark}: {found:#?}");
            assert_eq!(found[0].range.slice(&text), mark);
            assert_eq!(found[0].fixes()[0].edits[0].new_text, "");
        }
    }

    #[test]
    fn dont_flag_titles_without_a_mark_or_sentences() {
        assert!(only("BG034", &fixture("zhengfu-zhejiang-2026.txt")).is_empty());
        let text = "全年经济运行稳中向好，发展质量稳步提升。\n2026年1月14日在市第十六届人民代表大会第四次会议上\n";
        assert!(only("BG034", text).is_empty());
    }
}
