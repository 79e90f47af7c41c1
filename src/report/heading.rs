//! Reading one paragraph as a heading: a numbered heading or item, with
//! its extent and label, or a short unnumbered line that heads a part.

use super::event::Event;
use super::items::item_extent;
use super::markdown::{clean_label, markdown_prefix};
use super::model::{Level, Marker, MarkerStyle, Part};
use super::{marker, numeral, parts};
use crate::text::sentence::{is_sentence_end, sentence_starts};
use crate::text::{byte_set, TextRange};

/// A numbered heading, an item, or an unnumbered part heading at the start
/// of paragraph `p`.
pub(super) fn heading_event(text: &str, p: TextRange) -> Option<Event> {
    let s = p.slice(text);
    let (content_at, bold) = markdown_prefix(s);
    let content = s.get(content_at..)?;
    if let Some(mut found) = marker::parse(content, p.start + content_at) {
        let label_text = content.get(found.label_start..)?;
        // `（1）…。（2）…` in one paragraph: its markers number items.
        if found.level != Level::Item && holds_next(label_text, &found.marker) {
            found.level = Level::Item;
        }
        let heading_len = if found.level == Level::Item && !bold {
            item_extent(label_text)
        } else {
            heading_extent(label_text, bold)
        };
        let heading_end = p.start + content_at + found.label_start + heading_len;
        let label = clean_label(label_text.get(..heading_len).unwrap_or(label_text));
        let part = if found.level == Level::H1 {
            parts::heading_part(&label)
        } else {
            None
        };
        return Some(Event {
            level: found.level,
            part,
            marker: Some(found.marker),
            label,
            heading: TextRange::new(p.start, heading_end),
            leaf: false,
            inline: false,
        });
    }
    // Unnumbered headings are short lines: most paragraphs stop here.
    if content.len() > 30 * 4 || content.contains(['。', '；', ';', '！', '？']) {
        return None;
    }
    let label = clean_label(content);
    let n = label.chars().count();
    // `（本文有删减）` `（信阳日报）`: an editor's note in brackets, not a heading.
    let note = label.starts_with(['(', '（']) && label.ends_with([')', '）']);
    if n == 0 || n > 30 || note {
        return None;
    }
    // `打赢收官战，全面建成小康社会胜利在望`: a slogan in two halves heads a
    // part in print; a line that stops on a comma is a clause, not one.
    let commas = label.matches(['，', ',']).count();
    let halves = commas == 1
        && n <= 24
        && !content
            .trim_end_matches(['*', ' '])
            .ends_with(['，', ',', '：', ':']);
    if commas > 0 && !halves {
        return None;
    }
    // `名词解释`, `《政府工作报告》注释`, `附件1` open notes after the report,
    // with their own numbering, wherever the closing was or was not found.
    // `埋头苦干、勇毅前行——2022年主要工作`: a slogan, then the part it heads.
    let named = label
        .rsplit_once("——")
        .map_or(label.as_str(), |(_, part)| part);
    let part = if parts::opens_notes(&label) {
        Some(Part::Appendix)
    } else {
        parts::heading_part(named).or_else(|| parts::heading_part(&label))
    };
    // A short line with no punctuation at all is a heading in print (003's
    // `坚持党的领导`); bold or `#` marks one in a markdown draft, which may
    // set a year before its slogan (`**2014年：改革创新、稳中求进**`).
    let inner_colon = bold && !label.ends_with([':', '：']);
    let marks: &[char] = if inner_colon {
        &['!', '?', '！', '？']
    } else {
        &[':', '：', '!', '?', '！', '？', '、']
    };
    let unnumbered_heading = part.is_some() || (n <= 24 && !content.contains(marks));
    unnumbered_heading.then_some(Event {
        level: Level::Part,
        part,
        marker: None,
        label,
        heading: p,
        leaf: false,
        inline: false,
    })
}

/// Whether `s`, the text after `marker`, has the next marker of its style
/// at a sentence start: the paragraph enumerates (`（1）…。（2）…`).
fn holds_next(s: &str, marker: &Marker) -> bool {
    let next = marker.number + 1;
    let written = match marker.style {
        MarkerStyle::ChineseNumeral | MarkerStyle::ChineseParen => {
            vec![numeral::to_chinese(next)]
        }
        _ => {
            let ascii = next.to_string();
            let full = ascii
                .chars()
                .filter_map(|d| char::from_u32(d as u32 - '0' as u32 + '０' as u32))
                .collect();
            vec![ascii, full]
        }
    };
    // Most headings have no such numeral at all: no walk over their sentences.
    written.iter().any(|w| s.contains(w.as_str()))
        && sentence_starts(s).any(|at| {
            s.get(at..)
                .and_then(|rest| marker::parse(rest, 0))
                .is_some_and(|f| f.marker.style == marker.style && f.marker.number == next)
        })
}

/// Length of a heading's text from its label start: the first sentence, or
/// up to the closing `**` of a bold heading.
fn heading_extent(label: &str, bold: bool) -> usize {
    // A search led by `*`, which Chinese text lacks: `str::find` walks
    // every byte of a long paragraph.
    if let Some(stars) = byte_set::find_all(label.as_bytes(), b"**").next() {
        if bold {
            return stars + 2;
        }
        // `二、推动监督与改革同方向**市人大常委会…`: a redacted name (`**市`)
        // right after a heading whose line break was lost starts the body.
        let before = label.get(..stars).unwrap_or("");
        if before.chars().count() >= 4 && !before.contains(['。', '！', '？', '!', '?']) {
            return stars;
        }
    }
    let mut end = label.len();
    let mut chars = label.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        // A mark right after the marker (`1.?集中力量…`, a blank lost in the
        // copy) ends no sentence: none has begun.
        if i > 0 && is_sentence_end(c) && !matches!(c, '；' | ';') {
            end = i + c.len_utf8();
            // Keep a closing quote with its sentence.
            while let Some(&(j, q)) = chars.peek() {
                if matches!(q, '”' | '’' | '"' | '」') {
                    end = j + q.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            break;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_is_its_first_sentence() {
        let label = "加快发展。推动建设";
        assert_eq!(
            label.get(..heading_extent(label, false)),
            Some("加快发展。")
        );
        // `1.?集中力量…`: the mark stands where the copy lost a blank.
        let label = "?集中力量大力发展制造业。加快建设";
        assert_eq!(
            label.get(..heading_extent(label, false)),
            Some("?集中力量大力发展制造业。")
        );
    }
}
