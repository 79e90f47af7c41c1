//! The end of a report: its closing paragraph, and the matter after it
//! (notes, attachments, a list of projects) outside its numbering.

use super::event::Event;
use super::markdown::{clean_label, unmarked};
use super::model::{Level, Part};
use super::{marker, parts};
use crate::text::TextRange;

/// The closing paragraph: the last one shaped like a closing, after every
/// heading of the body.
pub(super) fn find_closing(text: &str, body: &[TextRange], from: usize) -> Option<usize> {
    // Matter after the closing (`附件`, `名词解释`, a list of 民生实事 with
    // its own `一、`) is not the report's body: look before it. It starts
    // with such a heading right after a closing-shaped paragraph.
    let end = body
        .iter()
        .enumerate()
        .skip(from + 1)
        .find(|&(i, p)| {
            let before = i - 1;
            is_appendix_heading(p.slice(text))
                && body.get(before).is_some_and(|q| {
                    is_closing_at(text, body, before, unmarked(q.slice(text)))
                        || ends_report(text, body, before)
                })
        })
        .map_or(body.len(), |(i, _)| i);
    let body = body.get(..end).unwrap_or(body);
    let last_heading = body
        .iter()
        .enumerate()
        .rev()
        .find(|(_, p)| marker::parse(p.slice(text), 0).is_some_and(|f| f.level <= Level::H2))
        .map(|(i, _)| i);
    // After the closing come only short lines (a signature, a date) and
    // notes; a closing-shaped paragraph followed by more of the body (`各位代表，
    // 政府的一切权力…` among the last tasks) is not the closing.
    let tail = |s: &str| {
        // `三重一大：“三重”指…`, `五项制度】即…`: a glossary's entry.
        let entry = crate::text::first_chars(s, 20).contains(['：', ':', '】']);
        // A salutation left last calls for words that are missing.
        crate::text::at_most_chars(s, 40) && !parts::is_salutation(s)
            || entry
            || marker::parse(s, 0).is_some()
            || s.starts_with(['［', '[', '【', '（', '(', '注', '<', '>'])
    };
    // From the end: the tail, then the closing, which the tail alone may
    // follow.
    let mut tail_from = body.len();
    for i in (from..body.len()).rev() {
        if last_heading.is_some_and(|h| i <= h) && body.len() - i > 2 || tail_from != i + 1 {
            break;
        }
        let s = body.get(i).map_or("", |p| p.slice(text));
        let bare = unmarked(s);
        // `路虽远，行则将至…让我们…而不懈奋斗！` ends a report addressing no one.
        let final_call = i + 1 == body.len() && parts::is_final_call(s);
        if marker::parse(s, 0).is_none()
            && (final_call || is_closing_at(text, body, i, bare) || ends_report(text, body, i))
        {
            return Some(i);
        }
        if tail(bare) {
            tail_from = i;
        }
    }
    None
}

/// Whether paragraph `i`, followed by no more of the body, ends the report
/// as a closing does though it calls in other words: it turns to the
/// audience (`各位代表！…就一定能够夺取…新胜利！`, or a paragraph after `各位代表！`
/// on a line of its own) and exclaims.
fn ends_report(text: &str, body: &[TextRange], i: usize) -> bool {
    let bare = |i: usize| body.get(i).map_or("", |p| unmarked(p.slice(text)));
    let s = bare(i);
    let addressed = parts::opens_with_address(s)
        || i.checked_sub(1)
            .is_some_and(|before| parts::is_salutation(bare(before)));
    // A paragraph on the government's own conduct may turn to the audience
    // too, but states its duties: it ends with a full stop, where a closing
    // exclaims or says what the future holds (`…就一定能够取得…新胜利。`).
    // The thanks exclaim to the audience too (`各位代表！…表示衷心的感谢！`).
    // A paragraph of the government's own conduct may end on an exclamation
    // too (`…让清正廉洁的新风正气不断充盈！`) but runs longer than a closing
    // said in other words, which sums up in a few sentences.
    addressed
        && crate::text::at_most_chars(s, 400)
        && (s.trim_end_matches([' ', '*']).ends_with(['！', '!']) || parts::is_confident(s))
        && !parts::is_salutation(s)
        && !crate::text::at_most_chars(s, 40)
        && !parts::is_thanks(s)
}

/// Whether paragraph `i` of `body`, `s` without its markdown, is shaped like
/// the closing: by itself (`各位代表,…让我们…而奋斗!`), as a call with the
/// audience addressed inside it, or as a call after an address (`各位代表！`
/// on a line of its own, or a paragraph opening with one).
fn is_closing_at(text: &str, body: &[TextRange], i: usize, s: &str) -> bool {
    parts::is_closing(s)
        || parts::is_addressed_call(s)
        // `让我们更加紧密地团结在…` opening a paragraph calls as a closing does.
        || s.starts_with("让我们") && parts::is_call(s)
        || parts::is_call(s)
            && i.checked_sub(1)
                .and_then(|before| body.get(before))
                .is_some_and(|q| parts::opens_with_address(unmarked(q.slice(text))))
}

/// A line that opens matter after a report: notes ([`parts::opens_notes`]: `附件1:`,
/// `《政府工作报告》附件1`, `名词解释`…), `附:`, a title naming a list of
/// projects (`2016年为民办15件实事`, `十类民生项目清单`) or the changes made to the
/// report at the session (`政府工作报告修改10处`, `关于《政府工作报告》修改情况的说明`).
fn is_appendix_heading(line: &str) -> bool {
    let line = line
        .trim_start_matches(['#', ' ', '*', '[', '【'])
        .trim_end_matches(['*', ':', '：', ']', '】']);
    crate::text::at_most_chars(line, 40)
        && marker::parse(line, 0).is_none()
        && !line.contains(['。', '，', ','])
        && (parts::opens_notes(line)
            || line.starts_with("附:")
            || line.starts_with("附：")
            || line.contains("实事")
            || line.contains("项目清单")
            || line.contains("修改") && (line.contains("处") || line.contains("说明")))
}

pub(super) fn appendix(text: &str, p: TextRange) -> Event {
    let s = p.slice(text);
    let own_line = s.chars().count() <= 30 && !s.contains('。');
    Event {
        level: Level::Part,
        part: Some(Part::Appendix),
        marker: None,
        label: if own_line {
            clean_label(s)
        } else {
            "附加内容".to_string()
        },
        heading: if own_line {
            p
        } else {
            TextRange::empty(p.start)
        },
        leaf: false,
        inline: false,
    }
}
