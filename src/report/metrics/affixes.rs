//! `Affixes`: a word list matched at one end of a text.

/// Which end of a text a word list is matched at.
#[derive(Clone, Copy)]
pub(super) enum End {
    Start,
    Finish,
}

/// Number of buckets of an [`Affixes`] list.
pub(super) const BUCKETS: usize = 256;

/// Most words an [`Affixes`] list may hold (their links are bytes).
pub(super) const MAX_WORDS: usize = 128;

/// The bucket of the character at `end` of `bytes`: a hash of that
/// character's last two bytes (its only byte if ASCII), read without
/// decoding it. `None` for no bytes.
pub(super) const fn bucket_at(bytes: &[u8], end: End) -> Option<usize> {
    let (prev, last) = match end {
        End::Start => match *bytes {
            [b0, ..] if b0 < 0x80 => (0, b0),
            [b0, b1, ..] if b0 < 0xE0 => (b0, b1),
            [b0, b1, b2, ..] if b0 < 0xF0 => (b1, b2),
            [_, _, b2, b3, ..] => (b2, b3),
            _ => return None,
        },
        End::Finish => match *bytes {
            [.., last] if last < 0x80 => (0, last),
            [.., prev, last] => (prev, last),
            _ => return None,
        },
    };
    let pair = (prev as u32) << 8 | last as u32;
    Some((pair.wrapping_mul(0x9E37_79B9) >> 24) as usize)
}

/// Words of which the first, in list order, found at one end of a text is
/// wanted (the lists put longer words first). The words are filed at
/// compile time by a hash of their character at that end, so that a text
/// is compared only with the one to three words that may start (or end) it,
/// and most texts, which start (or end) with no word at all, are turned
/// away by one byte of the list itself.
pub(super) struct Affixes {
    pub(super) words: &'static [&'static str],
    pub(super) end: End,
    /// For each bucket, 1 + the index of its first word, 0 if it is empty.
    pub(super) first: [u8; BUCKETS],
    /// For each word, 1 + the index of the next word in its bucket, 0 after
    /// its last.
    pub(super) next: [u8; MAX_WORDS],
}

impl Affixes {
    /// Words that start a text.
    pub(super) const fn prefixes(words: &'static [&'static str]) -> Self {
        Affixes::new(words, End::Start)
    }

    /// Words that end a text.
    pub(super) const fn suffixes(words: &'static [&'static str]) -> Self {
        Affixes::new(words, End::Finish)
    }

    /// Files each of `words` under its character at `end` (an empty word
    /// under none: it never matches).
    // Run only to build statics, while compiling: an index out of range
    // fails the build.
    #[allow(clippy::indexing_slicing)]
    const fn new(words: &'static [&'static str], end: End) -> Self {
        assert!(words.len() <= MAX_WORDS, "too many words for byte links");
        let mut first = [0; BUCKETS];
        let mut next = [0; MAX_WORDS];
        // Last word first, so that each bucket lists its words in list order.
        let mut index = words.len();
        while index > 0 {
            index -= 1;
            if let Some(bucket) = bucket_at(words[index].as_bytes(), end) {
                next[index] = first[bucket];
                first[bucket] = (index + 1) as u8;
            }
        }
        Affixes {
            words,
            end,
            first,
            next,
        }
    }

    /// The first of the words at this list's end of `s`.
    pub(super) fn find(&self, s: &str) -> Option<&'static str> {
        self.words.get(self.first_index(s)?).copied()
    }

    /// The index of the first of the words at this list's end of `s`: a word
    /// that starts (or ends) `s` has the same character there, so it is in
    /// that character's bucket. Inlined, so that an empty bucket costs no
    /// call.
    #[inline(always)]
    pub(super) fn first_index(&self, s: &str) -> Option<usize> {
        match *self.first.get(bucket_at(s.as_bytes(), self.end)?)? {
            0 => None,
            link => self.first_fit(s, link),
        }
    }

    /// Whether a word of the list has `c` at this list's end (`约` ends
    /// `大约`): only the words of `c`'s bucket are looked at.
    pub(super) fn has_end_char(&self, c: char) -> bool {
        let mut buffer = [0; 4];
        let c = c.encode_utf8(&mut buffer);
        let Some(&(mut link)) = bucket_at(c.as_bytes(), self.end).and_then(|b| self.first.get(b))
        else {
            return false;
        };
        while let Some(index) = usize::from(link).checked_sub(1) {
            let Some(word) = self.words.get(index) else {
                return false;
            };
            let fits = match self.end {
                End::Start => word.starts_with(&*c),
                End::Finish => word.ends_with(&*c),
            };
            if fits {
                return true;
            }
            link = self.next.get(index).copied().unwrap_or(0);
        }
        false
    }

    /// The index of the first word at this list's end of `s` in the bucket
    /// whose first link is `link`.
    fn first_fit(&self, s: &str, mut link: u8) -> Option<usize> {
        while let Some(index) = usize::from(link).checked_sub(1) {
            let word = self.words.get(index)?.as_bytes();
            let at = match self.end {
                End::Start => Some(0),
                End::Finish => s.len().checked_sub(word.len()),
            };
            // Byte by byte: the words are a few bytes long, and a call to
            // `memcmp` for each cost more than comparing them.
            let fits = at
                .and_then(|at| s.as_bytes().get(at..at + word.len()))
                .is_some_and(|part| part.iter().zip(word).all(|(a, b)| a == b));
            if fits {
                return Some(index);
            }
            link = *self.next.get(index)?;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::Affixes;

    #[test]
    fn end_chars_are_the_words_ends() {
        static ENDS: Affixes = Affixes::suffixes(&["不少于", "约"]);
        static STARTS: Affixes = Affixes::prefixes(&["不少于", "约"]);
        for (c, end, start) in [
            ('于', true, false),
            ('约', true, true),
            ('不', false, true),
            ('少', false, false),
            ('人', false, false),
        ] {
            assert_eq!(ENDS.has_end_char(c), end, "{c}");
            assert_eq!(STARTS.has_end_char(c), start, "{c}");
        }
    }
}
