//! Text primitives shared by every layer: byte ranges, a line index and
//! conversion between byte offsets and line/column positions in the three
//! encodings an LSP client may speak, masks of the bytes of a set
//! (`byte_set`) and of the places a few characters may start (`char_set`),
//! trimmed lines (`lines`), sentence ends (`sentence`) and cutting by
//! characters (`chars`). No protocol types live here.

pub(crate) mod byte_set;
pub(crate) mod char_set;
mod chars;
mod line_index;
pub(crate) mod lines;
pub(crate) mod sentence;

pub(crate) use chars::{
    at_most_chars, char_after, char_before, first_bytes, first_chars, last_chars,
};
pub use line_index::{Encoding, LineCol, LineIndex};

use serde::Serialize;

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize)]
pub struct TextRange {
    pub start: usize,
    pub end: usize,
}

impl TextRange {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "range {start}..{end} is reversed");
        Self { start, end }
    }

    pub fn empty(at: usize) -> Self {
        Self { start: at, end: at }
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// Like `contains`, but an empty range or the end offset also counts, so a
    /// cursor just after the last character still hits the range.
    pub fn touches(self, offset: usize) -> bool {
        self.start <= offset && offset <= self.end
    }

    pub fn contains_range(self, other: TextRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn slice(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Moves the byte ranges of a result computed on a slice of a text (one
/// report) to where that slice sits in the whole text.
pub trait Shift {
    fn shift(&mut self, by: usize);

    /// `self` shifted by `by`.
    fn shifted(mut self, by: usize) -> Self
    where
        Self: Sized,
    {
        self.shift(by);
        self
    }
}

impl Shift for TextRange {
    fn shift(&mut self, by: usize) {
        self.start += by;
        self.end += by;
    }
}

impl<T: Shift> Shift for Vec<T> {
    fn shift(&mut self, by: usize) {
        self.iter_mut().for_each(|item| item.shift(by));
    }
}

impl<T: Shift> Shift for Option<T> {
    fn shift(&mut self, by: usize) {
        if let Some(item) = self {
            item.shift(by);
        }
    }
}

/// Strips a leading UTF-8 byte-order mark; returns the rest and its offset.
pub fn strip_bom(text: &str) -> (&str, usize) {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => (rest, '\u{feff}'.len_utf8()),
        None => (text, 0),
    }
}
