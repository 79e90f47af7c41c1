//! BG020: a 顿号 between 书名号 or between quotations (`《条例》、《规定》`).

use super::super::prose::{prose_paragraph, replace};
use super::super::{Context, Finding, RuleDoc, Severity};
use crate::rules::family::Family;
use crate::text::TextRange;

pub const DOC: RuleDoc = RuleDoc {
    code: "BG020",
    name: "comma-between-marks",
    family: Family::Punctuation,
    default_severity: Severity::Hint,
    summary: "A 顿号 between titles in 书名号 or between quotations (`《条例》、《规定》`)",
    explanation: "\
## What it does

Finds a 顿号 right between two titles in 书名号 (`》、《`) or two quotations
(`”、“`) and offers to delete it; between quotations only in a report that
otherwise writes them side by side (`”“`, three times as often), for many published reports keep
the 顿号 there throughout. A hint by default: the standard says “usually”.

## Why

GB/T 15834-2011 §4.5.3.5: between parallel titles or quotations the 顿号 is
usually left out, the marks themselves separating them; it is kept when
something stands between them (a bracketed note).

## Example

```text
认真贯彻《条例》、《规定》和“两个确立”、“两个维护”。
```

should read `认真贯彻《条例》《规定》和“两个确立”“两个维护”。`.
",
};

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let text = ctx.text;
    // Whether each report leaves the 顿号 out, found on first use.
    let mut leaves: Vec<Option<bool>> = vec![None; ctx.document.reports.len()];
    for between in ["》、《", "”、“"] {
        for at in ctx.word_starts(between) {
            let m = TextRange::new(at, at + between.len());
            if prose_paragraph(ctx, m).is_none() {
                continue;
            }
            // Between quotations only where the report itself usually
            // leaves the 顿号 out: published reports often keep it.
            if between.starts_with('”') && !leaves_it_out(ctx, at, &mut leaves) {
                continue;
            }
            let start = at + between.chars().next().map_or(0, char::len_utf8);
            let comma = TextRange::new(start, start + '、'.len_utf8());
            let what = if between.starts_with('》') {
                "书名号"
            } else {
                "引号"
            };
            out.push(replace(
                &DOC,
                text,
                comma,
                "",
                format!("并列的{what}之间通常不用顿号"),
            ));
        }
    }
}

/// Whether the report around `at` writes quotations side by side (`”“`)
/// three times or more, and three times as often as with a 顿号 between
/// them (`”、“`): then the 顿号 is a stray.
fn leaves_it_out(ctx: &Context, at: usize, known: &mut [Option<bool>]) -> bool {
    let Some(i) = ctx
        .document
        .reports
        .iter()
        .position(|r| r.range.contains(at))
    else {
        return false;
    };
    let (Some(report), Some(known)) = (ctx.document.reports.get(i), known.get_mut(i)) else {
        return false;
    };
    *known.get_or_insert_with(|| {
        let count = |needle: &str| ctx.word_starts_in(needle, report.range).count();
        let (apart, with) = (count("”“"), count("”、“"));
        apart >= 3 && apart >= 3 * with
    })
}

#[cfg(test)]
mod tests {
    use super::super::super::testing::only;

    #[test]
    fn flags_commas_between_titles_and_quotations() {
        let text =
            "认真贯彻《条例》、《规定》和“两个确立”、“两个维护”，“三农”“四化”“五好”“六稳”。\n";
        let found = only("BG020", text);
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|f| f.range.slice(text) == "、"));
    }

    #[test]
    fn dont_flag_adjacent_titles_or_notes_between() {
        assert!(only(
            "BG020",
            "认真贯彻《条例》《规定》和《办法》（试行）、《细则》。\n"
        )
        .is_empty());
    }
}
