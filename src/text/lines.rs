//! Lines of a text without the blanks around them, and a text cut at line
//! breaks into pieces for threads. Most lines have no blank to trim, as
//! their first and last bytes tell without decoding.

use super::TextRange;

pub(crate) const BLANKS: [char; 5] = [' ', '\t', '\u{3000}', '\u{a0}', '\u{feff}'];

/// Byte values that begin, and that end, the UTF-8 encoding of one of
/// [`BLANKS`]: a text whose first and last bytes are neither has no blank
/// to trim, told without decoding.
const BLANK_FIRST: [bool; 256] = edge_bytes(&[&BLANKS], false);
const BLANK_LAST: [bool; 256] = edge_bytes(&[&BLANKS], true);

/// For each byte value, whether it begins (with `last`, ends) the UTF-8
/// encoding of one of `chars`.
// Evaluated while compiling: an index out of range fails the build.
#[allow(clippy::indexing_slicing)]
pub(crate) const fn edge_bytes(chars: &[&[char]], last: bool) -> [bool; 256] {
    let mut table = [false; 256];
    let mut set = 0;
    while set < chars.len() {
        let mut i = 0;
        while i < chars[set].len() {
            let mut buffer = [0u8; 4];
            let encoded = chars[set][i].encode_utf8(&mut buffer).as_bytes();
            let edge = if last {
                encoded[encoded.len() - 1]
            } else {
                encoded[0]
            };
            table[edge as usize] = true;
            i += 1;
        }
        set += 1;
    }
    table
}

/// Whether `byte` is one of `table`'s.
pub(crate) fn in_table(table: &[bool; 256], byte: Option<&u8>) -> bool {
    byte.is_some_and(|&b| table.get(usize::from(b)).copied().unwrap_or(false))
}

/// `range` cut after line breaks into pieces of about 256 KB.
pub(crate) fn pieces(text: &str, range: TextRange) -> Vec<TextRange> {
    /// Large enough that a piece's work dwarfs handing it to a thread.
    const PIECE: usize = 1 << 18;
    let mut pieces = Vec::new();
    let mut start = range.start;
    while range.end - start > PIECE {
        let Some(cut) = text
            .as_bytes()
            .get(start + PIECE..range.end)
            .and_then(|rest| memchr::memchr(b'\n', rest))
            .map(|i| start + PIECE + i + 1)
        else {
            break;
        };
        pieces.push(TextRange::new(start, cut));
        start = cut;
    }
    pieces.push(TextRange::new(start, range.end));
    pieces
}

pub(crate) fn trimmed_lines(text: &str) -> impl Iterator<Item = TextRange> + Clone + '_ {
    // Line breaks found by a vectorised byte search: splitting at a `[char]`
    // pattern decodes every character of the text.
    let mut offset = 0;
    std::iter::from_fn(move || {
        let start = offset;
        let rest = text.get(start..).filter(|r| !r.is_empty())?;
        offset += memchr::memchr2(b'\n', b'\r', rest.as_bytes()).map_or(rest.len(), |i| i + 1);
        Some((start, text.get(start..offset)?))
    })
    .filter_map(move |(start, raw)| {
        // A line ends at its first break, so it holds one at most.
        let content = match raw.as_bytes().last() {
            Some(b'\n' | b'\r') => raw.get(..raw.len() - 1).unwrap_or(raw),
            _ => raw,
        };
        let (lead, trimmed) = trim_blanks(content);
        (!trimmed.is_empty()).then(|| TextRange::new(start + lead, start + lead + trimmed.len()))
    })
}

/// `s` without the [`BLANKS`] around it, and how many bytes went before it.
/// Most lines have none, as their first and last bytes tell without
/// decoding.
pub(crate) fn trim_blanks(s: &str) -> (usize, &str) {
    let lead = if in_table(&BLANK_FIRST, s.as_bytes().first()) {
        s.len() - s.trim_start_matches(BLANKS).len()
    } else {
        0
    };
    let rest = s.get(lead..).unwrap_or_default();
    let trimmed = if in_table(&BLANK_LAST, rest.as_bytes().last()) {
        rest.trim_end_matches(BLANKS)
    } else {
        rest
    };
    (lead, trimmed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_blanks_trims_what_trim_matches_trims() {
        // Every blank at either end, and characters that share a blank's
        // first byte (`、` E3, `，` EF) or last byte (`一` 80, `¿` BF).
        let ends = [
            "", " ", "\t", "\u{3000}", "\u{a0}", "\u{feff}", "、", "，", "一", "¿", "x",
        ];
        for head in ends {
            for tail in ends {
                for middle in ["", "报告", " \u{3000}"] {
                    let s = format!("{head}{middle}{tail}");
                    let expected = (
                        s.len() - s.trim_start_matches(BLANKS).len(),
                        s.trim_matches(BLANKS),
                    );
                    assert_eq!(trim_blanks(&s), expected, "{s:?}");
                }
            }
        }
    }
}
