//! Open documents as ropes, edited in place by incremental changes.
//!
//! Positions arrive as line/column in the negotiated encoding and are
//! resolved on the rope directly (ropey indexes chars, bytes and UTF-16 code
//! units in O(log n)), so an edit near the end of a 50 MB document costs no
//! more than one at its start.
//!
//! Architecture invariant: no edit, however malformed, panics or leaves the
//! rope different from what a client applying the LSP rules would hold.
//! Out-of-range positions are clamped the way the specification says
//! (a column past the line end means the line end; a line past the end means
//! the end of the text); an edit that needed clamping is reported so the
//! server can tell the client.

use ropey::Rope;

use crate::text::{Encoding, LineCol};

/// One open document.
#[derive(Debug, Clone)]
pub(crate) struct TextDocument {
    rope: Rope,
    version: i32,
    language_id: String,
}

/// A change as the client sends it: a range (absent for a full replacement)
/// and the new text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Change<'a> {
    pub(crate) range: Option<(LineCol, LineCol)>,
    pub(crate) text: &'a str,
}

/// Why an edit could not be taken exactly as given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Clamp {
    /// The start came after the end; the two were swapped.
    Reversed,
    /// A position named a line past the end of the text.
    PastEnd,
    /// A column fell inside a character (half of a surrogate pair, the middle
    /// of a UTF-8 sequence); it was moved to the character's start.
    InsideChar,
}

impl TextDocument {
    pub(crate) fn new(text: &str, version: i32, language_id: String) -> Self {
        Self {
            rope: Rope::from_str(text),
            version,
            language_id,
        }
    }

    pub(crate) fn rope(&self) -> &Rope {
        &self.rope
    }

    pub(crate) fn version(&self) -> i32 {
        self.version
    }

    pub(crate) fn language_id(&self) -> &str {
        &self.language_id
    }

    pub(crate) fn set_version(&mut self, version: i32) {
        self.version = version;
    }

    /// Applies one change. Returns what had to be clamped, if anything; the
    /// edit is applied either way.
    pub(crate) fn apply(&mut self, change: &Change<'_>, encoding: Encoding) -> Option<Clamp> {
        let Some((start, end)) = change.range else {
            self.rope = Rope::from_str(change.text);
            return None;
        };
        let (mut from, clamp_start) = char_index(&self.rope, start, encoding);
        let (mut to, clamp_end) = char_index(&self.rope, end, encoding);
        let mut clamp = clamp_start.or(clamp_end);
        if from > to {
            std::mem::swap(&mut from, &mut to);
            clamp = Some(Clamp::Reversed);
        }
        if from < to {
            self.rope.remove(from..to);
        }
        if !change.text.is_empty() {
            self.rope.insert(from, change.text);
        }
        clamp
    }
}

/// The char index of a line/column position, clamped as the module doc says.
pub(crate) fn char_index(rope: &Rope, pos: LineCol, encoding: Encoding) -> (usize, Option<Clamp>) {
    let line = pos.line as usize;
    let lines = rope.len_lines();
    if line >= lines {
        // `(line count, 0)` is how many clients name the end of the text.
        let exact = line == lines && pos.col == 0;
        return (rope.len_chars(), (!exact).then_some(Clamp::PastEnd));
    }
    let start = rope.line_to_char(line);
    let end = line_content_end(rope, line);
    let col = pos.col as usize;
    match encoding {
        Encoding::Utf32 => (start.saturating_add(col).min(end), None),
        Encoding::Utf8 => {
            let start_byte = rope.char_to_byte(start);
            let target = start_byte.saturating_add(col);
            if target >= rope.char_to_byte(end) {
                return (end, None);
            }
            let index = rope.byte_to_char(target);
            let inside = rope.char_to_byte(index) != target;
            (index, inside.then_some(Clamp::InsideChar))
        }
        Encoding::Utf16 => {
            let start_unit = rope.char_to_utf16_cu(start);
            let target = start_unit.saturating_add(col);
            if target >= rope.char_to_utf16_cu(end) {
                return (end, None);
            }
            let index = rope.utf16_cu_to_char(target);
            let inside = rope.char_to_utf16_cu(index) != target;
            (index, inside.then_some(Clamp::InsideChar))
        }
    }
}

/// The char index just before `line`'s line break (or the end of the text on
/// the last line).
fn line_content_end(rope: &Rope, line: usize) -> usize {
    if line + 1 >= rope.len_lines() {
        return rope.len_chars();
    }
    let next = rope.line_to_char(line + 1);
    let before = |back: usize| next.checked_sub(back).and_then(|i| rope.get_char(i));
    match (before(2), before(1)) {
        (Some('\r'), Some('\n')) => next - 2,
        _ => next.saturating_sub(1),
    }
}

#[cfg(test)]
#[path = "document_tests.rs"]
mod tests;
