//! What one paragraph contributes to the outline ([`Event`]), and the event
//! of a paragraph part (salutation, thanks…), headed by its first sentence.

use super::model::{Level, Marker, Part};
use super::parts;
use crate::text::lines::BLANKS;
use crate::text::sentence::{is_sentence_end, sentence_end};
use crate::text::TextRange;

/// What one paragraph contributes to the outline.
#[derive(Debug)]
pub(super) struct Event {
    pub(super) level: Level,
    pub(super) part: Option<Part>,
    pub(super) marker: Option<Marker>,
    pub(super) label: String,
    pub(super) heading: TextRange,
    /// A paragraph part (salutation, thanks…) is a leaf at the top level.
    pub(super) leaf: bool,
    /// For inline items: where the item begins inside its paragraph.
    pub(super) inline: bool,
}

impl Event {
    /// The thanks or the shortcomings paragraph: what ends a review.
    pub(super) fn closes_review(&self) -> bool {
        self.leaf && matches!(self.part, Some(Part::Thanks | Part::Shortcomings))
    }
}

/// The event of paragraph part `part`: a leaf at the top, headed by its
/// first sentence.
pub(super) fn leaf(text: &str, part: Part, p: TextRange) -> Event {
    Event {
        level: Level::Part,
        part: Some(part),
        marker: None,
        label: short_label(p.slice(text)),
        heading: first_sentence(text, p),
        leaf: true,
        inline: false,
    }
}

/// The paragraph's first sentence, used as the visible head of a part.
pub(super) fn first_sentence(text: &str, p: TextRange) -> TextRange {
    let s = p.slice(text);
    let end = sentence_end(s).map_or(s.len(), |(i, c)| i + c.len_utf8());
    TextRange::new(p.start, p.start + end)
}

fn short_label(mut s: &str) -> String {
    let mut label = String::new();
    // `各位代表!新征程…`: the address alone says nothing; show what follows.
    // A loop, not a call per address: a paragraph of thousands of them
    // overflowed the stack.
    loop {
        let sentence = sentence_end(s).map_or(s, |(i, _)| s.get(..i).unwrap_or(s));
        if parts::is_salutation(sentence) {
            let rest = s.get(sentence.len()..).unwrap_or("");
            let rest = rest.trim_start_matches(|c: char| is_sentence_end(c) || BLANKS.contains(&c));
            if !rest.is_empty() {
                label.push_str(sentence);
                label.push('!');
                s = rest;
                continue;
            }
        }
        let clean = sentence.trim_end_matches([':', '：', ',', '，']);
        if crate::text::at_most_chars(clean, 30) {
            label.push_str(clean);
        } else {
            label.push_str(crate::text::first_chars(clean, 28));
            label.push('…');
        }
        return label;
    }
}
