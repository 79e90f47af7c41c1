use serde::Serialize;

/// How a client counts columns (LSP `PositionEncodingKind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    Utf8,
    #[default]
    Utf16,
    Utf32,
}

/// A zero-based line and a column counted in some [`Encoding`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// Start offsets of every line. `\n`, `\r\n` and a lone `\r` each end a line,
/// as the LSP specification says.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    len: usize,
    /// Points along the lines longer than [`CHECKPOINT_BYTES`], in text
    /// order: a column deep in such a line (a document pasted on one line)
    /// is counted from the checkpoint before it, not from the line's start,
    /// which made converting every position of an outline quadratic.
    checkpoints: Vec<Checkpoint>,
}

/// Bytes between two checkpoints of a long line: the most a conversion
/// counts, instead of the whole line before the position.
const CHECKPOINT_BYTES: usize = 4096;

/// A character boundary inside a long line and the columns before it.
#[derive(Debug, Clone, Copy)]
struct Checkpoint {
    offset: usize,
    utf16: usize,
    utf32: usize,
}

impl Checkpoint {
    fn col(&self, encoding: Encoding) -> usize {
        match encoding {
            Encoding::Utf16 => self.utf16,
            Encoding::Utf32 => self.utf32,
            // UTF-8 columns are bytes: no checkpoint is needed.
            Encoding::Utf8 => 0,
        }
    }
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        Self::with_checkpoints(text, CHECKPOINT_BYTES)
    }

    /// The index with a checkpoint every `every` bytes of long lines (tests
    /// use a few bytes, to check that counting from one changes nothing).
    fn with_checkpoints(text: &str, every: usize) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        for at in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            // The `\n` of a `\r\n` pair was already counted with its `\r`.
            if bytes.get(at) == Some(&b'\n') && at > 0 && bytes.get(at - 1) == Some(&b'\r') {
                continue;
            }
            let next = if bytes.get(at) == Some(&b'\r') && bytes.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            };
            line_starts.push(next);
        }
        let mut index = Self {
            line_starts,
            len: text.len(),
            checkpoints: Vec::new(),
        };
        index.checkpoints = (0..index.line_count())
            .flat_map(|line| {
                line_checkpoints(
                    text,
                    index.line_start(line),
                    index.line_end(line, text),
                    every,
                )
            })
            .collect();
        index
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Zero-based line holding `offset` (clamped to the text).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        self.line_starts.partition_point(|&s| s <= offset) - 1
    }

    /// Byte offset where `line` starts; past the last line, the end of text.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts.get(line).copied().unwrap_or(self.len)
    }

    /// Byte offset of the end of `line`'s content, before its line break.
    pub fn line_end(&self, line: usize, text: &str) -> usize {
        let next = self.line_starts.get(line + 1).copied().unwrap_or(self.len);
        let content = text.get(self.line_start(line)..next).unwrap_or("");
        let trimmed = content.trim_end_matches(['\n', '\r']);
        self.line_start(line) + trimmed.len()
    }

    /// Converts a byte offset to a line and a column in `encoding`. An offset
    /// inside a character is moved back to that character's start.
    pub fn line_col(&self, text: &str, offset: usize, encoding: Encoding) -> LineCol {
        let offset = text.floor_char_boundary(offset);
        let line = self.line_of(offset);
        let start = self.line_start(line);
        let (from, before) = match encoding {
            Encoding::Utf8 => (start, 0),
            _ => self
                .checkpoints_between(start, offset + 1)
                .last()
                .map_or((start, 0), |c| (c.offset, c.col(encoding))),
        };
        let prefix = text.get(from..offset).unwrap_or("");
        LineCol {
            line: line as u32,
            col: (before + column_width(prefix, encoding)) as u32,
        }
    }

    /// The checkpoints at offsets from `start` up to (not including) `end`.
    fn checkpoints_between(&self, start: usize, end: usize) -> &[Checkpoint] {
        let first = self.checkpoints.partition_point(|c| c.offset < start);
        let last = self.checkpoints.partition_point(|c| c.offset < end);
        self.checkpoints.get(first..last).unwrap_or_default()
    }

    /// Converts a line and column to a byte offset. Columns past the end of
    /// the line clamp to its end; a column inside a character (half of a
    /// surrogate pair) clamps to that character's start; lines past the end
    /// clamp to the end of the text.
    pub fn offset(&self, text: &str, pos: LineCol, encoding: Encoding) -> usize {
        let line = pos.line as usize;
        if line >= self.line_starts.len() {
            return text.len();
        }
        let start = self.line_start(line);
        let end = self.line_end(line, text);
        let col = pos.col as usize;
        if encoding == Encoding::Utf8 {
            // A column inside a character clamps to that character's start.
            return text.floor_char_boundary((start + col).min(end));
        }
        // Counted from the last checkpoint at or before the column, up to the
        // next one (past which the column cannot be) or the line's end.
        let on_line = self.checkpoints_between(start, end);
        let after = on_line.partition_point(|c| c.col(encoding) <= col);
        let (from, before) = after
            .checked_sub(1)
            .and_then(|i| on_line.get(i))
            .map_or((start, 0), |c| (c.offset, c.col(encoding)));
        let upto = on_line.get(after).map_or(end, |c| c.offset);
        let content = text.get(from..upto).unwrap_or("");
        from + byte_of_column(content, col - before, encoding)
    }
}

/// Checkpoints every `every` bytes along the line from `start` to `end`, if
/// it is longer than that, each on the character boundary at or before.
fn line_checkpoints(text: &str, start: usize, end: usize, every: usize) -> Vec<Checkpoint> {
    let mut checkpoints = Vec::new();
    let (mut offset, mut utf16, mut utf32) = (start, 0, 0);
    let every = every.max(1);
    let mut next = start.saturating_add(every);
    while next < end {
        let at = text.floor_char_boundary(next);
        if at > offset {
            let run = text.get(offset..at).unwrap_or("");
            utf16 += column_width(run, Encoding::Utf16);
            utf32 += column_width(run, Encoding::Utf32);
            offset = at;
            checkpoints.push(Checkpoint {
                offset,
                utf16,
                utf32,
            });
        }
        next = next.saturating_add(every);
    }
    checkpoints
}

/// Width of `s` in code units of `encoding`.
pub fn column_width(s: &str, encoding: Encoding) -> usize {
    match encoding {
        Encoding::Utf8 => s.len(),
        // One unit per character and a second for each astral one (a
        // surrogate pair), which is a character whose UTF-8 lead byte is
        // 0xF0 or above. Both counts are vectorised; summing `len_utf16`
        // over decoded characters is not, and outline responses convert the
        // ends of items deep inside long paragraph lines by the thousand.
        Encoding::Utf16 => s.chars().count() + s.bytes().filter(|&b| b >= 0xF0).count(),
        Encoding::Utf32 => s.chars().count(),
    }
}

/// Byte offset within `line` of column `col`, clamped as [`LineIndex::offset`].
fn byte_of_column(line: &str, col: usize, encoding: Encoding) -> usize {
    if line.is_ascii() {
        return col.min(line.len());
    }
    let mut units = 0;
    for (byte, ch) in line.char_indices() {
        let width = match encoding {
            Encoding::Utf8 => ch.len_utf8(),
            Encoding::Utf16 => ch.len_utf16(),
            Encoding::Utf32 => 1,
        };
        if units + width > col {
            return byte;
        }
        units += width;
    }
    line.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_and_astral_columns() {
        let text = "一、工作\r\n😀(一)测试\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 3);
        let paren = text.find('(').unwrap();
        assert_eq!(
            index.line_col(text, paren, Encoding::Utf16),
            LineCol { line: 1, col: 2 }
        );
        assert_eq!(
            index.line_col(text, paren, Encoding::Utf8),
            LineCol { line: 1, col: 4 }
        );
        assert_eq!(
            index.line_col(text, paren, Encoding::Utf32),
            LineCol { line: 1, col: 1 }
        );
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            let lc = index.line_col(text, paren, enc);
            assert_eq!(index.offset(text, lc, enc), paren);
        }
    }

    #[test]
    fn utf16_width_counts_surrogate_pairs() {
        for s in [
            "",
            "abc",
            "报告",
            "𠮷野家😀",
            "a\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}\u{10ffff}",
        ] {
            assert_eq!(
                column_width(s, Encoding::Utf16),
                s.encode_utf16().count(),
                "{s}"
            );
        }
    }

    #[test]
    fn column_inside_surrogate_pair_clamps_to_char_start() {
        let text = "😀a";
        let index = LineIndex::new(text);
        assert_eq!(
            index.offset(text, LineCol { line: 0, col: 1 }, Encoding::Utf16),
            0
        );
        assert_eq!(
            index.offset(text, LineCol { line: 0, col: 99 }, Encoding::Utf16),
            text.len()
        );
        assert_eq!(
            index.offset(text, LineCol { line: 7, col: 0 }, Encoding::Utf16),
            text.len()
        );
    }

    /// Counting from checkpoints, however close, gives the columns and
    /// offsets that counting from each line's start gives.
    #[test]
    fn checkpoints_change_no_conversion() {
        let texts = [
            "一、工作报告😀(一)测试abc\r\n二、𠮷野家 2023年\rx\n\n😀😀a报",
            "ab😀cd",
            "😀",
            "",
            "报告\n",
        ];
        for text in texts {
            let plain = LineIndex::with_checkpoints(text, usize::MAX);
            assert!(plain.checkpoints.is_empty());
            for every in 1..=9 {
                let index = LineIndex::with_checkpoints(text, every);
                for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
                    for offset in 0..=text.len() + 1 {
                        assert_eq!(
                            index.line_col(text, offset, enc),
                            plain.line_col(text, offset, enc),
                            "{text:?} every {every} {enc:?} offset {offset}"
                        );
                    }
                    for line in 0..=plain.line_count() as u32 {
                        for col in 0..=40 {
                            let pos = LineCol { line, col };
                            assert_eq!(
                                index.offset(text, pos, enc),
                                plain.offset(text, pos, enc),
                                "{text:?} every {every} {enc:?} {pos:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_long_line_has_checkpoints_a_short_one_none() {
        let long = "报告".repeat(CHECKPOINT_BYTES);
        let text = format!("短\n{long}\n短");
        let index = LineIndex::new(&text);
        // Six bytes a repeat: 6 × 4096 bytes, a checkpoint every 4096.
        assert_eq!(index.checkpoints.len(), 5);
        let last = text.len() - "\n短".len();
        assert_eq!(
            index.line_col(&text, last, Encoding::Utf16),
            LineCol {
                line: 1,
                col: 2 * CHECKPOINT_BYTES as u32
            }
        );
    }

    #[test]
    fn lone_cr_and_crlf_are_single_breaks() {
        let text = "a\rb\r\nc\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.line_start(1), 2);
        assert_eq!(index.line_start(2), 5);
        assert_eq!(index.line_end(1, text), 3);
        assert_eq!(index.line_of(4), 1);
    }
}
