//! Position encodings: which one the session speaks, and conversion between
//! the core's byte offsets and LSP positions in it. Every range that crosses
//! the protocol goes through here.

use tower_lsp::lsp_types::{ClientCapabilities, Position, PositionEncodingKind, Range};

use crate::text::{Encoding, LineCol, LineIndex, TextRange};

/// Picks the encoding from what the client offers: UTF-8 when it can
/// (the core counts bytes, so nothing to convert), then UTF-32, else the
/// protocol's mandatory UTF-16.
pub(crate) fn negotiate(capabilities: &ClientCapabilities) -> Encoding {
    let offered = capabilities
        .general
        .as_ref()
        .and_then(|general| general.position_encodings.as_deref())
        .unwrap_or_default();
    [Encoding::Utf8, Encoding::Utf32]
        .into_iter()
        .find(|&encoding| offered.contains(&kind(encoding)))
        .unwrap_or(Encoding::Utf16)
}

pub(crate) fn kind(encoding: Encoding) -> PositionEncodingKind {
    match encoding {
        Encoding::Utf8 => PositionEncodingKind::UTF8,
        Encoding::Utf16 => PositionEncodingKind::UTF16,
        Encoding::Utf32 => PositionEncodingKind::UTF32,
    }
}

pub(crate) fn line_col(position: Position) -> LineCol {
    LineCol {
        line: position.line,
        col: position.character,
    }
}

/// Converts between byte offsets into one text and LSP positions.
#[derive(Clone, Copy)]
pub(crate) struct Converter<'a> {
    text: &'a str,
    lines: &'a LineIndex,
    encoding: Encoding,
}

impl<'a> Converter<'a> {
    pub(crate) fn new(text: &'a str, lines: &'a LineIndex, encoding: Encoding) -> Self {
        Self {
            text,
            lines,
            encoding,
        }
    }

    pub(crate) fn position(&self, offset: usize) -> Position {
        let LineCol { line, col } = self.lines.line_col(self.text, offset, self.encoding);
        Position::new(line, col)
    }

    pub(crate) fn range(&self, range: TextRange) -> Range {
        Range::new(self.position(range.start), self.position(range.end))
    }

    /// The byte offset of a client position, clamped into the text.
    pub(crate) fn offset(&self, position: Position) -> usize {
        self.lines
            .offset(self.text, line_col(position), self.encoding)
    }

    pub(crate) fn text_range(&self, range: Range) -> TextRange {
        let (a, b) = (self.offset(range.start), self.offset(range.end));
        TextRange::new(a.min(b), a.max(b))
    }

    /// The line (zero-based) holding `offset`.
    pub(crate) fn line(&self, offset: usize) -> u32 {
        self.position(offset).line
    }
}

#[cfg(test)]
mod tests {
    use tower_lsp::lsp_types::GeneralClientCapabilities;

    use super::*;

    fn offering(kinds: &[PositionEncodingKind]) -> ClientCapabilities {
        ClientCapabilities {
            general: Some(GeneralClientCapabilities {
                position_encodings: Some(kinds.to_vec()),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    #[test]
    fn prefers_utf8_then_utf32_and_defaults_to_utf16() {
        use PositionEncodingKind as K;
        assert_eq!(negotiate(&ClientCapabilities::default()), Encoding::Utf16);
        assert_eq!(negotiate(&offering(&[K::UTF16])), Encoding::Utf16);
        assert_eq!(negotiate(&offering(&[K::UTF16, K::UTF8])), Encoding::Utf8);
        assert_eq!(negotiate(&offering(&[K::UTF32, K::UTF16])), Encoding::Utf32);
        assert_eq!(
            negotiate(&offering(&[K::new("utf-7"), K::UTF16])),
            Encoding::Utf16
        );
    }

    #[test]
    fn round_trips_positions_in_each_encoding() {
        let text = "\u{feff}各位代表：\r\n😀（一）工作\r二";
        let lines = LineIndex::new(text);
        let paren = text.find('（').unwrap();
        let expect = [
            (Encoding::Utf8, Position::new(1, 4)),
            (Encoding::Utf16, Position::new(1, 2)),
            (Encoding::Utf32, Position::new(1, 1)),
        ];
        for (encoding, position) in expect {
            let conv = Converter::new(text, &lines, encoding);
            assert_eq!(conv.position(paren), position, "{encoding:?}");
            assert_eq!(conv.offset(position), paren, "{encoding:?}");
        }
        let conv = Converter::new(text, &lines, Encoding::Utf16);
        assert_eq!(conv.position(text.len()), Position::new(2, 1));
    }
}
