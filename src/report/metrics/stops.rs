//! Where the scan for figures stops: ASCII digits, line breaks, `!` `?`, and
//! the characters of [`STOP_CHARS`]. Quotes and titles are no stops: the
//! scan reads them only before a numeral. Every other character is
//! stepped over without being decoded; finding the stops is most of the
//! scan's cost on a long text, so it is done a block of 64 bytes at a time.

use crate::text::byte_set;
use crate::text::char_set::Classes;

/// The characters the scan stops at besides ASCII digits, line breaks, `!`
/// and `?`: sentence ends, the full-width quote `＂`, full-width digits and
/// Chinese numerals. All are three bytes long in UTF-8.
pub(super) const STOP_CHARS: &str =
    "。！？＂０１２３４５６７８９〇零一二两三四五六七八九十百千万亿";

/// Where in [`STOPS`] the row of each first byte begins: none (0), every
/// ASCII stop (1), then one per lead byte of the characters of
/// [`STOP_CHARS`]. A row number below 16 keeps every index in the table, so
/// no test of it is left in the scan.
// Evaluated while compiling: an index out of range fails the build.
#[allow(clippy::indexing_slicing)]
const STOP_ROW_OF: [u8; 256] = {
    let mut rows = [0u8; 256];
    let ascii = b"0123456789\n\r!?";
    let mut i = 0;
    while i < ascii.len() {
        rows[ascii[i] as usize] = 1;
        i += 1;
    }
    let chars = STOP_CHARS.as_bytes();
    let mut next = 2;
    let mut i = 0;
    while i < chars.len() {
        if rows[chars[i] as usize] == 0 {
            rows[chars[i] as usize] = next;
            next += 1;
        }
        i += 3;
    }
    assert!(next <= 16, "one row per lead byte");
    rows
};

/// For a first byte's row and the low six bits of the second byte (a
/// continuation byte after a three-byte lead), the third bytes (bit
/// `b2 & 0x3F`) with which the character is a stop; all of them in the
/// ASCII row. Continuation bytes begin no row, so the test holds at any
/// byte, not only at a character's start: bytes are tested independently
/// instead of decoding character after character, a chain of dependent
/// loads, and a common ideograph that shares a numeral's first two bytes
/// (`人` `国` `中`) is no stop.
// Evaluated while compiling: an index out of range fails the build.
#[allow(clippy::indexing_slicing)]
const STOPS: [u64; 16 * 64] = {
    let mut table = [0u64; 16 * 64];
    let mut i = 0;
    while i < 64 {
        table[64 + i] = u64::MAX;
        i += 1;
    }
    let chars = STOP_CHARS.as_bytes();
    let mut i = 0;
    while i + 2 < chars.len() {
        let row = STOP_ROW_OF[chars[i] as usize] as usize;
        table[row * 64 + (chars[i + 1] & 0x3F) as usize] |= 1 << (chars[i + 2] & 0x3F);
        i += 3;
    }
    table
};

/// Whether the scan stops at byte `b0` followed by `b1` and `b2`.
fn stops_at(b0: u8, b1: u8, b2: u8) -> bool {
    let row = STOP_ROW_OF.get(usize::from(b0)).copied().unwrap_or(0) & 15;
    STOPS
        .get(usize::from(row) << 6 | usize::from(b1 & 0x3F))
        .is_some_and(|m| (m >> (b2 & 0x3F)) & 1 != 0)
}

/// The positions where the scan stops, found 64 bytes at a time: each block
/// is tested without a branch per byte (stops are a few percent of the
/// bytes) into one bit per position.
pub(super) struct Stops<'t> {
    bytes: &'t [u8],
    /// Start of the block in `mask`, a multiple of 64.
    block: usize,
    mask: u64,
}

impl<'t> Stops<'t> {
    const BLOCK: usize = 64;

    pub(super) fn new(bytes: &'t [u8]) -> Self {
        Stops {
            bytes,
            block: 0,
            mask: block_mask(bytes, 0),
        }
    }

    /// The first stop at or after `from` and before `end`, or `end`. Stops
    /// are told by their bytes alone, so `from` and `end` may be anywhere:
    /// at the ends of one paragraph of a text scanned paragraph by paragraph.
    pub(super) fn next(&mut self, mut from: usize, end: usize) -> usize {
        while from < end {
            if from >= self.block + Self::BLOCK {
                self.block = from - from % Self::BLOCK;
                self.mask = block_mask(self.bytes, self.block);
            }
            let ahead = self.mask & (u64::MAX << (from - self.block));
            if ahead != 0 {
                return (self.block + ahead.trailing_zeros() as usize).min(end);
            }
            from = self.block + Self::BLOCK;
        }
        end
    }
}

/// One bit per position of the 64 bytes from `at`: whether the scan stops
/// there. The candidates by their nibbles ([`CLASSES`]), then told exactly
/// by [`stops_at`].
fn block_mask(bytes: &[u8], at: usize) -> u64 {
    let mut mask = CLASSES.candidates_at(bytes, at);
    let byte = |i: usize| bytes.get(i).copied().unwrap_or(0);
    for k in byte_set::bits(mask) {
        let i = at + k;
        mask &= !(u64::from(!stops_at(byte(i), byte(i + 1), byte(i + 2))) << k);
    }
    mask
}

/// [`block_mask`] a byte at a time, which the tests hold it to.
#[cfg(test)]
fn block_mask_bytewise(bytes: &[u8], at: usize) -> u64 {
    let byte = |i: usize| bytes.get(i).copied().unwrap_or(0);
    (0..Stops::BLOCK).fold(0, |mask, k| {
        let i = at + k;
        mask | u64::from(stops_at(byte(i), byte(i + 1), byte(i + 2))) << k
    })
}

/// The bytes that may begin a stop, as eight classes: the first bytes of a
/// class, its second bytes and its third bytes (none listed: any). Together
/// they hold every stop's first byte, and every three-byte stop's bytes.
/// Far fewer positions are candidates than begin no stop (`、` `人` `中`
/// `国` share a stop's first bytes), and [`stops_at`] clears those.
const CLASSES: Classes = Classes::new(&[
    [b"0123456789?", b"", b""],
    [b"!\n\r", b"", b""],
    // 。 〇
    [&[0xE3], &[0x80], &[0x82, 0x87]],
    // 一 七 万 三 两 九 二 五 亿
    [
        &[0xE4],
        &[0xB8, 0xB9, 0xBA],
        &[0x80, 0x83, 0x87, 0x89, 0xA4, 0x9D, 0x8C, 0x94, 0xBF],
    ],
    // 八 六 十 千
    [&[0xE5], &[0x85, 0x8D], &[0xAB, 0xAD, 0x81, 0x83]],
    // 四 零
    [&[0xE5, 0xE9], &[0x9B], &[0x9B, 0xB6]],
    // 百
    [&[0xE7], &[0x99], &[0xBE]],
    // ！ ＂ ０…９ ？
    [
        &[0xEF],
        &[0xBC],
        &[
            0x81, 0x82, 0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9F,
        ],
    ],
]);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scan_stops_only_where_a_character_may_matter() {
        for b0 in (0..=0xDF_u8).chain(0xF0..=0xFF) {
            let stops = (0..=255u8).any(|b| stops_at(b0, b, b));
            let expected = b0.is_ascii_digit() || b"\n\r!?".contains(&b0);
            assert_eq!(stops, expected, "{b0:#x}");
        }
        // `人` and `共` share their first two bytes with `亿` and `六`.
        let text = "人共2次。\n";
        let mut stops = Stops::new(text.as_bytes());
        let found: Vec<usize> = std::iter::successors(Some(stops.next(0, text.len())), |&i| {
            (i < text.len()).then(|| stops.next(i + 1, text.len()))
        })
        .collect();
        assert_eq!(found, [6, 10, 13, 14]);
        // Within a paragraph: nothing before its end, then the end.
        assert_eq!(Stops::new(text.as_bytes()).next(0, 6), 6);
        assert_eq!(Stops::new(text.as_bytes()).next(7, 14), 10);
    }

    #[test]
    fn stops_found_by_blocks_are_those_found_one_by_one() {
        let text = include_str!("../../../tests/fixtures/renda-baicheng.txt");
        for len in [0, 1, 63, 64, 65, 66, 67, 130, text.len()] {
            let bytes = text.as_bytes().get(..len).unwrap_or(text.as_bytes());
            let byte = |i: usize| bytes.get(i).copied().unwrap_or(0);
            let one_by_one: Vec<usize> = (0..bytes.len())
                .filter(|&i| stops_at(byte(i), byte(i + 1), byte(i + 2)))
                .collect();
            let mut stops = Stops::new(bytes);
            let mut by_blocks = Vec::new();
            let mut at = stops.next(0, bytes.len());
            while at < bytes.len() {
                by_blocks.push(at);
                at = stops.next(at + 1, bytes.len());
            }
            assert_eq!(by_blocks, one_by_one, "{len}");
        }
    }

    #[test]
    fn blocks_agree_with_bytes_at_every_offset() {
        let text = include_str!("../../../tests/fixtures/zhengxie-yiwu.txt");
        let bytes = text.as_bytes();
        for at in 0..bytes.len().min(4096) {
            assert_eq!(
                block_mask(bytes, at),
                block_mask_bytewise(bytes, at),
                "{at}"
            );
        }
    }

    #[test]
    fn blocks_find_every_stop_character() {
        let text: String = STOP_CHARS
            .chars()
            .flat_map(|c| [c, '人', '7', c, c, '，'])
            .chain("\n\r!?".chars())
            .collect();
        let bytes = text.as_bytes();
        for at in 0..bytes.len() {
            assert_eq!(
                block_mask(bytes, at),
                block_mask_bytewise(bytes, at),
                "{at}"
            );
        }
    }

    #[test]
    fn every_stop_character_is_three_bytes() {
        assert!(STOP_CHARS.chars().all(|c| c.len_utf8() == 3));
    }

    #[test]
    fn stops_are_the_characters_listed() {
        for ch in ('\u{800}'..='\u{FFFF}').filter(|c| c.len_utf8() == 3) {
            let mut buf = [0u8; 4];
            if let [b0, b1, b2] = *ch.encode_utf8(&mut buf).as_bytes() {
                assert_eq!(stops_at(b0, b1, b2), STOP_CHARS.contains(ch), "{ch}");
            }
        }
    }
}
