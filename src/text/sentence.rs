//! Sentence ends and where the sentences after them start: a heading or an
//! item that follows a sentence end is inline.

use super::byte_set;
use super::lines::{edge_bytes, in_table};

/// Sentence ends: a heading or item that follows one of these is inline.
const SENTENCE_ENDS: [char; 7] = ['。', '！', '？', '!', '?', '；', ';'];

/// Closing quotes and brackets, which a run of sentence ends takes with it
/// (`。”`).
pub(crate) const CLOSERS: [char; 6] = ['”', '’', '"', '」', '）', ')'];

/// Byte values that begin a sentence end or a closer.
const RUN_FIRST: [bool; 256] = edge_bytes(&[&SENTENCE_ENDS, &CLOSERS], false);

pub(crate) fn is_sentence_end(ch: char) -> bool {
    SENTENCE_ENDS.contains(&ch)
}

/// The first sentence end in `s`: its offset and the character. The ends
/// are found a block at a time, so the rest of a paragraph past the first
/// one is not searched.
pub(crate) fn sentence_end(s: &str) -> Option<(usize, char)> {
    SentenceEnds::new(s).next()
}

/// The sentence end `bytes` begin with, told by its bytes without decoding.
#[inline]
fn end_at(bytes: &[u8]) -> Option<char> {
    match bytes {
        [b'!', ..] => Some('!'),
        [b'?', ..] => Some('?'),
        [b';', ..] => Some(';'),
        [0xE3, 0x80, 0x82, ..] => Some('。'),
        [0xEF, 0xBC, 0x81, ..] => Some('！'),
        [0xEF, 0xBC, 0x9F, ..] => Some('？'),
        [0xEF, 0xBC, 0x9B, ..] => Some('；'),
        _ => None,
    }
}

/// The sentence ends in `s`, in order: each one's offset and character.
///
/// It runs over every long line and many paragraphs, where a byte search that
/// stops at every `、` `，` `：` restarts every few dozen bytes. So the bytes
/// that may begin an end are marked 64 at a time ([`byte_set`]), and the
/// candidates are told apart by their other two bytes.
struct SentenceEnds<'a> {
    s: &'a str,
    /// Start of the 64-byte block `candidates` describes.
    block: usize,
    /// The block's candidates not passed yet, one bit per byte.
    candidates: u64,
}

/// The bytes a sentence end may begin with: `!` `?` `;`, and the first bytes
/// of `。` and of `！？；`.
const END_FIRST_BYTES: &[u8; 5] = b"!?;\xE3\xEF";

impl<'a> SentenceEnds<'a> {
    const BLOCK: usize = byte_set::BLOCK;

    fn new(s: &'a str) -> Self {
        SentenceEnds {
            s,
            block: 0,
            candidates: byte_set::mask_at(s.as_bytes(), 0, END_FIRST_BYTES),
        }
    }

    /// Goes on looking from `at`, past the ends before it.
    fn skip_to(&mut self, at: usize) {
        if at >= self.block + Self::BLOCK {
            self.block = at - at % Self::BLOCK;
            self.candidates = byte_set::mask_at(self.s.as_bytes(), self.block, END_FIRST_BYTES);
        }
        self.candidates &= u64::MAX.checked_shl((at - self.block) as u32).unwrap_or(0);
    }
}

impl Iterator for SentenceEnds<'_> {
    type Item = (usize, char);

    // Inlined into each loop over the ends (several modules'), not only
    // those the compiler happens to place beside it: a call per end costs
    // time on every paragraph.
    #[inline]
    fn next(&mut self) -> Option<(usize, char)> {
        let bytes = self.s.as_bytes();
        loop {
            while self.candidates == 0 {
                self.block += Self::BLOCK;
                if self.block >= bytes.len() {
                    return None;
                }
                self.candidates = byte_set::mask_at(bytes, self.block, END_FIRST_BYTES);
            }
            let i = self.block + self.candidates.trailing_zeros() as usize;
            self.candidates &= self.candidates - 1;
            let Some(ch) = end_at(bytes.get(i..).unwrap_or_default()) else {
                continue;
            };
            // The end's other bytes are no candidates: nothing to skip.
            return Some((i, ch));
        }
    }
}

/// Byte offsets (relative to `s`) where sentences start, after the first.
/// A run of sentence ends and closing quotes (`。”`) ends one sentence.
pub(crate) fn sentence_starts(s: &str) -> impl Iterator<Item = usize> + '_ {
    let mut ends = SentenceEnds::new(s);
    std::iter::from_fn(move || {
        let (end, ch) = ends.next()?;
        let rest = s.get(end + ch.len_utf8()..)?;
        // Most sentences start right after their end: a first byte that
        // begins no end and no closer needs no decoding.
        let tail = if in_table(&RUN_FIRST, rest.as_bytes().first()) {
            rest.trim_start_matches(|c: char| is_sentence_end(c) || CLOSERS.contains(&c))
        } else {
            rest
        };
        let at = s.len() - tail.len();
        if tail.is_empty() {
            return None;
        }
        // The run's ends are passed.
        ends.skip_to(at);
        Some(at)
    })
}

/// Byte offsets where an item may start inside `s`: the sentence starts and
/// the starts after a colon (`强化两大支撑：一是…`), in order.
pub(crate) fn clause_starts(s: &str) -> Vec<usize> {
    let mut starts: Vec<usize> = sentence_starts(s).collect();
    // A byte search: a search for either character decodes every one.
    let colon_ends = memchr::memchr2_iter(b':', 0xEF, s.as_bytes()).filter_map(|at| {
        let rest = s.get(at..)?;
        [":", "："]
            .into_iter()
            .find(|colon| rest.starts_with(colon))
            .map(|colon| at + colon.len())
    });
    starts.extend(colon_ends.filter(|&at| at < s.len()));
    starts.sort_unstable();
    starts.dedup();
    starts
}

/// Whether the sentence starting at `at` follows a full stop, not a `；`
/// that separates the clauses of one sentence (`以下几件事：一、…；二、…`).
pub(crate) fn after_full_stop(s: &str, at: usize) -> bool {
    s.get(..at)
        .map(|before| before.trim_end_matches(CLOSERS).trim_end_matches("**"))
        .and_then(|before| before.chars().next_back())
        .is_some_and(|end| is_sentence_end(end) && !matches!(end, '；' | ';'))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sentence ends of every kind, a run with closing quotes, ends on both
    /// sides of 64-byte block edges, and near misses that share their first
    /// bytes (`、` `《》` `，` `：`).
    const TEXT: &str = "一年来,常委会召开会议9次。审议《条例》;通过决定!是否?\
                        “坚持人民至上。”二是、加强监督，推进立法：完成任务！\
                        这是问句？好的；最后一句。。结束";

    #[test]
    fn sentence_ends_are_the_end_characters_from_every_offset() {
        for from in (0..=TEXT.len()).filter(|&i| TEXT.is_char_boundary(i)) {
            let s = &TEXT[from..];
            let expected: Vec<(usize, char)> = s
                .char_indices()
                .filter(|&(_, c)| is_sentence_end(c))
                .collect();
            assert_eq!(SentenceEnds::new(s).collect::<Vec<_>>(), expected, "{s}");
        }
    }

    #[test]
    fn sentence_starts_follow_each_run_of_ends_and_quotes() {
        for from in (0..=TEXT.len()).filter(|&i| TEXT.is_char_boundary(i)) {
            let s = &TEXT[from..];
            let mut expected = Vec::new();
            let mut chars = s.char_indices().peekable();
            while let Some((_, c)) = chars.next() {
                if !is_sentence_end(c) {
                    continue;
                }
                while chars
                    .next_if(|&(_, c)| {
                        is_sentence_end(c) || matches!(c, '”' | '’' | '"' | '」' | '）' | ')')
                    })
                    .is_some()
                {}
                if let Some(&(at, _)) = chars.peek() {
                    expected.push(at);
                }
            }
            assert_eq!(sentence_starts(s).collect::<Vec<_>>(), expected, "{s}");
        }
    }
}
