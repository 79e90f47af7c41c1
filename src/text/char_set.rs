//! Which positions of a text may begin one of a few characters, found 64
//! bytes at a time by the nibbles of each position's three bytes (the
//! classifier of Teddy, Hyperscan's search for several words). The
//! characters are grouped in up to eight classes, each a set of first,
//! second and third bytes; a position whose three bytes all fall in one
//! class is a candidate, which the caller tells exactly. Bytes are tested
//! independently instead of decoding character after character, and a
//! block costs the same however many candidates it holds: a byte search
//! for the characters would restart at each of them.

use super::byte_set::{self, BLOCK};

/// A class of characters: its first bytes, its second bytes and its third
/// bytes (none listed: any).
pub type Class<'a> = [&'a [u8]; 3];

/// Bytes a block's candidates are told from: its own and the two after it
/// (the rest of a character that starts at its end).
const WINDOW: usize = BLOCK + 2;

/// Classes by nibble: for the high and the low nibble of the first, the
/// second and the third byte, the classes (one bit each) a byte with that
/// nibble may belong to.
pub struct Classes([[u8; 16]; 6]);

impl Classes {
    /// Up to eight classes: one bit of a byte each.
    // Evaluated while compiling: an index out of range fails the build.
    #[allow(clippy::indexing_slicing)]
    pub const fn new(classes: &[Class]) -> Classes {
        assert!(classes.len() <= 8, "one bit per class");
        let mut tables = [[0u8; 16]; 6];
        let mut class = 0;
        while class < classes.len() {
            let bit = 1 << class;
            let mut byte = 0;
            while byte < 3 {
                let (high, low) = (2 * byte, 2 * byte + 1);
                let listed = classes[class][byte];
                let mut i = 0;
                while i < 16 {
                    if listed.is_empty() {
                        tables[high][i] |= bit;
                        tables[low][i] |= bit;
                    }
                    i += 1;
                }
                let mut i = 0;
                while i < listed.len() {
                    tables[high][(listed[i] >> 4) as usize] |= bit;
                    tables[low][(listed[i] & 15) as usize] |= bit;
                    i += 1;
                }
                byte += 1;
            }
            class += 1;
        }
        Classes(tables)
    }

    /// Whether `b0`, `b1` and `b2` share a class.
    fn holds(&self, b0: u8, b1: u8, b2: u8) -> bool {
        let [h0, l0, h1, l1, h2, l2] = &self.0;
        let of = |high: &[u8; 16], low: &[u8; 16], b: u8| {
            let nibble = |table: &[u8; 16], n: u8| table.get(usize::from(n)).copied().unwrap_or(0);
            nibble(high, b >> 4) & nibble(low, b & 15)
        };
        of(h0, l0, b0) & of(h1, l1, b1) & of(h2, l2, b2) != 0
    }

    /// One bit per position of the [`BLOCK`] bytes from `at`: whether its
    /// bytes share a class. Bytes past the end of `bytes` read as 0.
    pub fn candidates_at(&self, bytes: &[u8], at: usize) -> u64 {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            if let Some(window) = bytes
                .get(at..at + WINDOW)
                .and_then(|w| <&[u8; WINDOW]>::try_from(w).ok())
            {
                // SAFETY: the CPU has AVX2, as checked just above. No byte
                // is asked for besides the candidates.
                return unsafe { avx2::block_with(window, &[], self).1 };
            }
        }
        self.candidates_bytewise(bytes, at)
    }

    /// [`Self::candidates_at`] a byte at a time; the block at the end of
    /// the text is read from a copy padded with 0.
    fn candidates_bytewise(&self, bytes: &[u8], at: usize) -> u64 {
        let mut padded = [0u8; WINDOW];
        let window = byte_set::window(bytes, at, &mut padded);
        let (Some(second), Some(third)) = (window.get(1..), window.get(2..)) else {
            return 0;
        };
        window
            .iter()
            .zip(second)
            .zip(third)
            .take(BLOCK)
            .enumerate()
            .fold(0, |mask, (k, ((&b0, &b1), &b2))| {
                mask | u64::from(self.holds(b0, b1, b2)) << k
            })
    }
}

/// Every block of [`BLOCK`] bytes of `bytes` in order, in one pass, a batch
/// at a time: `f` gets where the batch's first block starts and, for each
/// block, one bit per position holding a byte of `set`
/// ([`byte_set::mask_at`]) and one per candidate of `classes`
/// ([`Classes::candidates_at`]). Two indexes of a text, made in one read of
/// it; `f` is called once a batch, not once a block, as a call a block cost
/// as much as the block's vectors.
pub fn sweep<const N: usize>(
    bytes: &[u8],
    set: &[u8; N],
    classes: &Classes,
    mut f: impl FnMut(usize, &[(u64, u64)]),
) {
    let mut at = 0;
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        let mut masks = [(0, 0); BATCH];
        loop {
            // SAFETY: the CPU has AVX2, as checked just above.
            let done = unsafe { avx2::blocks(bytes, at, set, classes, &mut masks) };
            f(at, masks.get(..done).unwrap_or_default());
            at += done * BLOCK;
            if done < BATCH {
                break;
            }
        }
    }
    // The blocks the vectors did not take: those too near the end of the
    // text for a whole window, or all of them without AVX2.
    while at < bytes.len() {
        let block = (
            byte_set::mask_at(bytes, at, set),
            classes.candidates_bytewise(bytes, at),
        );
        f(at, &[block]);
        at += BLOCK;
    }
}

/// Blocks a [`sweep`] works out per call of its vector code.
#[cfg(target_arch = "x86_64")]
const BATCH: usize = 32;

/// Thirty-two bytes at a time: each position classified by the nibbles of
/// its three bytes, six table lookups.
#[cfg(target_arch = "x86_64")]
mod avx2 {
    use std::arch::x86_64::{
        __m256i, _mm256_and_si256, _mm256_cmpeq_epi8, _mm256_movemask_epi8, _mm256_set1_epi8,
        _mm256_setr_epi64x, _mm256_setzero_si256, _mm256_shuffle_epi8, _mm256_srli_epi16,
    };

    use super::{Classes, BATCH, BLOCK, WINDOW};
    use crate::text::byte_set;

    /// The thirty-two bytes from `from` in the window.
    #[target_feature(enable = "avx2")]
    fn vector(window: &[u8; WINDOW], from: usize) -> __m256i {
        let bytes: &[u8; 32] = window
            .get(from..from + 32)
            .and_then(|w| w.try_into().ok())
            .unwrap_or(&[0; 32]);
        byte_set::avx2::vector(bytes)
    }

    /// Each byte of `nibbles` (0 to 15) looked up in `table`.
    #[target_feature(enable = "avx2")]
    fn lookup(table: &[u8; 16], nibbles: __m256i) -> __m256i {
        let half = |from: usize| {
            table
                .get(from..from + 8)
                .and_then(|h| <[u8; 8]>::try_from(h).ok())
                .map_or(0, i64::from_le_bytes)
        };
        // The same table in both 128-bit lanes: the lookup stays in its lane.
        let (low, high) = (half(0), half(8));
        _mm256_shuffle_epi8(_mm256_setr_epi64x(low, high, low, high), nibbles)
    }

    /// The classes each byte of `v` may belong to, by the tables of its
    /// high and low nibbles.
    #[target_feature(enable = "avx2")]
    fn classes_of(v: __m256i, high: &[u8; 16], low: &[u8; 16]) -> __m256i {
        let nibble = _mm256_set1_epi8(15);
        _mm256_and_si256(
            lookup(high, _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble)),
            lookup(low, _mm256_and_si256(v, nibble)),
        )
    }

    /// A bit for each of thirty-two positions whose bytes (`first`, then
    /// `second` and `third`) share a class.
    #[target_feature(enable = "avx2")]
    fn candidates(classes: &Classes, first: __m256i, second: __m256i, third: __m256i) -> u64 {
        let [h0, l0, h1, l1, h2, l2] = &classes.0;
        let shared = _mm256_and_si256(
            _mm256_and_si256(classes_of(first, h0, l0), classes_of(second, h1, l1)),
            classes_of(third, h2, l2),
        );
        let none = _mm256_cmpeq_epi8(shared, _mm256_setzero_si256());
        u64::from(!(_mm256_movemask_epi8(none) as u32))
    }

    /// The bytes of `set` and the candidates of `classes` in the block a
    /// window starts with, its first vectors read once for both.
    #[target_feature(enable = "avx2")]
    pub(super) fn block_with<const N: usize>(
        window: &[u8; WINDOW],
        set: &[u8; N],
        classes: &Classes,
    ) -> (u64, u64) {
        let half = |from: usize| {
            let first = vector(window, from);
            (
                byte_set::avx2::matches(first, set),
                candidates(
                    classes,
                    first,
                    vector(window, from + 1),
                    vector(window, from + 2),
                ),
            )
        };
        let ((set0, candidates0), (set1, candidates1)) = (half(0), half(32));
        (set0 | set1 << 32, candidates0 | candidates1 << 32)
    }

    /// The masks of [`super::sweep`] for the blocks from `from` with a whole
    /// window, up to [`BATCH`] of them; how many.
    #[target_feature(enable = "avx2")]
    pub(super) fn blocks<const N: usize>(
        bytes: &[u8],
        from: usize,
        set: &[u8; N],
        classes: &Classes,
        masks: &mut [(u64, u64); BATCH],
    ) -> usize {
        for (k, masks) in masks.iter_mut().enumerate() {
            let at = from + k * BLOCK;
            let Some(window) = bytes
                .get(at..at + WINDOW)
                .and_then(|w| <&[u8; WINDOW]>::try_from(w).ok())
            else {
                return k;
            };
            *masks = block_with(window, set, classes);
        }
        BATCH
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `年` `届` and `、` `。`, in two classes.
    const CLASSES: Classes = Classes::new(&[
        [&[0xE5], &[0xB9, 0xB1], &[0xB4, 0x8A]],
        [&[0xE3], &[0x80], &[0x81, 0x82]],
    ]);

    #[test]
    fn blocks_agree_with_bytes_at_every_offset() {
        let text = include_str!("../../tests/fixtures/zhengxie-yiwu.txt");
        let bytes = text.as_bytes();
        for at in 0..bytes.len().min(4096) {
            assert_eq!(
                CLASSES.candidates_at(bytes, at),
                CLASSES.candidates_bytewise(bytes, at),
                "{at}"
            );
        }
    }

    #[test]
    fn a_sweep_gives_each_block_its_bytes_and_candidates() {
        let text = include_str!("../../tests/fixtures/renda-baicheng.txt");
        for len in [0, 1, 63, 64, 65, 66, 67, 130, text.len()] {
            let bytes = text.as_bytes().get(..len).unwrap_or(text.as_bytes());
            let mut starts = Vec::new();
            sweep(bytes, b"\xE2\xEF", &CLASSES, |first, blocks| {
                for (k, &(in_set, candidates)) in blocks.iter().enumerate() {
                    let at = first + k * BLOCK;
                    starts.push(at);
                    assert_eq!(
                        in_set,
                        byte_set::mask_at(bytes, at, b"\xE2\xEF"),
                        "{len} {at}"
                    );
                    assert_eq!(candidates, CLASSES.candidates_at(bytes, at), "{len} {at}");
                }
            });
            let expected: Vec<usize> = (0..len).step_by(BLOCK).collect();
            assert_eq!(starts, expected, "{len}");
        }
    }

    #[test]
    fn every_character_of_a_class_is_a_candidate() {
        let text = "年度届时、。二〇二三年，";
        let bytes = text.as_bytes();
        let candidates = CLASSES.candidates_at(bytes, 0);
        for (i, c) in text.char_indices() {
            let listed = "年届、。".contains(c);
            assert_eq!(candidates >> i & 1 == 1, listed, "{c}");
        }
    }
}
