//! Counting and cutting a text by characters, without decoding more of it
//! than needed.

/// Whether `s` has at most `n` characters. A character takes one to four
/// bytes: a text of at most `n` bytes, or of more than `4 n` (a whole
/// paragraph), is told without counting.
pub(crate) fn at_most_chars(s: &str, n: usize) -> bool {
    s.len() <= n || (s.len() <= n * 4 && s.chars().count() <= n)
}

/// At least the first `n` characters of `s`, cut without counting them: as
/// many bytes as `n` characters can take at most.
pub(crate) fn first_bytes(s: &str, n: usize) -> &str {
    s.get(..s.floor_char_boundary(n * 4)).unwrap_or(s)
}

pub(crate) fn first_chars(s: &str, n: usize) -> &str {
    // Every character takes a byte or more.
    if s.len() <= n {
        return s;
    }
    // `Chars::nth` skips whole chunks of bytes; `CharIndices::nth` decodes
    // every character.
    let mut chars = s.chars();
    chars.nth(n).map_or(s, |c| {
        s.get(..s.len() - chars.as_str().len() - c.len_utf8())
            .unwrap_or(s)
    })
}

/// The last `n` characters of `s` (all of it when shorter).
pub(crate) fn last_chars(s: &str, n: usize) -> &str {
    s.char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(s, |(at, _)| s.get(at..).unwrap_or(s))
}

/// The character that ends just before byte `at`, if `at` is a boundary.
pub(crate) fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

/// The character that starts at byte `at`, if `at` is a boundary.
pub(crate) fn char_after(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_most_chars_is_a_count_of_characters() {
        // Around each shortcut: `n` bytes, `4 n` bytes, and between.
        for s in [
            "",
            "ab",
            "abc",
            "一二",
            "一a",
            "一二三四",
            "😀😀",
            "😀😀😀",
            "a😀b",
        ] {
            for n in 0..6 {
                assert_eq!(at_most_chars(s, n), s.chars().count() <= n, "{s} {n}");
            }
        }
    }
}
