//! Which bytes of a text belong to a small set of byte values, found 64 at a
//! time as one bit per byte. A byte search (`memchr`) that stops at every
//! near miss restarts every few dozen bytes on Chinese text, where the lead
//! bytes of common punctuation (`、` `，` `：`) are those of the few
//! characters searched for (`。` `！`); a mask of the block costs the same
//! however many bytes match, and its bits are read off with
//! `trailing_zeros`. Where the bytes sought are rare, or the texts short,
//! `memchr` and `memmem` cost less.

/// Bytes one mask covers.
pub const BLOCK: usize = 64;

/// Where `needle` occurs in `haystack`, not overlapping, in order. A byte
/// search for its first byte, which must be rare in Chinese text (ASCII, or
/// the lead of a Latin-1 sign such as `·` `×`): the leads of Han characters
/// and Chinese marks would stop it at nearly every character.
pub fn find_all<'h>(haystack: &'h [u8], needle: &'h [u8]) -> impl Iterator<Item = usize> + 'h {
    let mut next = 0;
    memchr::memchr_iter(needle.first().copied().unwrap_or_default(), haystack).filter(move |&at| {
        let found = !needle.is_empty()
            && at >= next
            && haystack
                .get(at..)
                .is_some_and(|rest| rest.starts_with(needle));
        if found {
            next = at + needle.len();
        }
        found
    })
}

/// Where the bits of `mask` are, lowest first: read off a mask of
/// [`mask_at`], the bytes of the block that are in the set.
pub fn bits(mut mask: u64) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (mask != 0).then(|| {
            let k = mask.trailing_zeros() as usize;
            mask &= mask - 1;
            k
        })
    })
}

/// One bit per byte of the [`BLOCK`] bytes from `at` (bit `k` for
/// `bytes[at + k]`): whether it is one of `set`. Bytes past the end of
/// `bytes` read as 0, which `set` must not hold.
pub fn mask_at<const N: usize>(bytes: &[u8], at: usize, set: &[u8; N]) -> u64 {
    match bytes
        .get(at..at + BLOCK)
        .and_then(|b| <&[u8; BLOCK]>::try_from(b).ok())
    {
        Some(block) => mask(block, set),
        // The last block, padded: only it pays for the copy.
        None => mask(window(bytes, at, &mut [0u8; BLOCK]), set),
    }
}

/// [`mask_at`] of a whole block.
fn mask<const N: usize>(block: &[u8; BLOCK], set: &[u8; N]) -> u64 {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2, as checked just above.
        return unsafe { avx2::mask(block, set) };
    }
    mask_bytewise(block, set)
}

/// The `W` bytes of `bytes` from `at`; at the end of `bytes`, a copy in
/// `padded` (which must hold zeros) of what is left, followed by zeros.
pub fn window<'a, const W: usize>(
    bytes: &'a [u8],
    at: usize,
    padded: &'a mut [u8; W],
) -> &'a [u8; W] {
    match bytes
        .get(at..at + W)
        .and_then(|b| <&[u8; W]>::try_from(b).ok())
    {
        Some(window) => window,
        None => {
            let rest = bytes.get(at..).unwrap_or_default();
            if let Some(head) = padded.get_mut(..rest.len()) {
                head.copy_from_slice(rest);
            }
            padded
        }
    }
}

/// [`mask_at`]'s block a byte at a time.
fn mask_bytewise<const N: usize>(block: &[u8; BLOCK], set: &[u8; N]) -> u64 {
    block
        .iter()
        .enumerate()
        .fold(0, |mask, (k, b)| mask | u64::from(set.contains(b)) << k)
}

#[cfg(target_arch = "x86_64")]
pub(crate) mod avx2 {
    use std::arch::x86_64::{
        __m256i, _mm256_cmpeq_epi8, _mm256_movemask_epi8, _mm256_or_si256, _mm256_set1_epi8,
        _mm256_setr_epi64x, _mm256_setzero_si256,
    };

    use super::BLOCK;

    /// The 32 bytes of `bytes` as a vector, built from four words (the
    /// compiler makes it one unaligned load) so that no pointer is read.
    #[target_feature(enable = "avx2")]
    pub(crate) fn vector(bytes: &[u8; 32]) -> __m256i {
        let word = |k: usize| {
            bytes
                .get(8 * k..8 * k + 8)
                .and_then(|w| <[u8; 8]>::try_from(w).ok())
                .map_or(0, i64::from_le_bytes)
        };
        // In memory order: given highest first (`_mm256_set_epi64x`) the
        // compiler builds the vector from four loads and three shuffles.
        _mm256_setr_epi64x(word(0), word(1), word(2), word(3))
    }

    /// One bit for each of the thirty-two bytes of `v`: whether it is one
    /// of `set` (a fixed number of bytes, so the comparisons are unrolled).
    #[target_feature(enable = "avx2")]
    pub(crate) fn matches<const N: usize>(v: __m256i, set: &[u8; N]) -> u64 {
        let hits = set.iter().fold(_mm256_setzero_si256(), |hits, &b| {
            _mm256_or_si256(hits, _mm256_cmpeq_epi8(v, _mm256_set1_epi8(b as i8)))
        });
        u64::from(_mm256_movemask_epi8(hits) as u32)
    }

    /// Thirty-two bytes at a time.
    #[target_feature(enable = "avx2")]
    pub(super) fn mask<const N: usize>(block: &[u8; BLOCK], set: &[u8; N]) -> u64 {
        let half = |from: usize| {
            let bytes: &[u8; 32] = block
                .get(from..from + 32)
                .and_then(|h| h.try_into().ok())
                .unwrap_or(&[0; 32]);
            matches(vector(bytes), set)
        };
        half(0) | half(32) << 32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_mark_the_bytes_of_the_set_at_every_offset() {
        let text = "各位代表:一年来,常委会召开会议9次!审议《条例》;通过决定3项？是否…。是\
                    要第一、二是（三）";
        let bytes = text.as_bytes();
        let sets: [&[u8]; 3] = [b"!?;\xE3\xEF", b"\x98\xA6\xAC", b"a"];
        for set in sets {
            for at in 0..=bytes.len() {
                let mask = match *set {
                    [a, b, c, d, e] => mask_at(bytes, at, &[a, b, c, d, e]),
                    [a, b, c] => mask_at(bytes, at, &[a, b, c]),
                    _ => mask_at(bytes, at, b"a"),
                };
                for k in 0..BLOCK {
                    let expected = bytes.get(at + k).is_some_and(|b| set.contains(b));
                    assert_eq!(mask >> k & 1 == 1, expected, "{set:?} at {at}+{k}");
                }
            }
        }
    }

    #[test]
    fn every_byte_value_is_told() {
        for quarter in 0..4 {
            let block: [u8; BLOCK] = std::array::from_fn(|k| (quarter * BLOCK + k) as u8);
            for b in 0..=255u8 {
                let mask = mask_at(&block, 0, &[b]);
                assert_eq!(mask, mask_bytewise(&block, &[b]), "{b:#x}");
                let expected = usize::from(usize::from(b) / BLOCK == quarter);
                assert_eq!(mask.count_ones() as usize, expected, "{b:#x}");
            }
        }
    }
}
