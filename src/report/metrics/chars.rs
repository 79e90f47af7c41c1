//! Character helpers of the figure scan: classes of characters, told by
//! their UTF-8 bytes where the scan reads bytes, and stepping over them.

/// Length of the UTF-8 sequence a lead byte starts: its leading one bits,
/// without branches (1 for ASCII and for a stray continuation byte, which a
/// `str` never starts a character with).
pub(super) fn utf8_len(lead: u8) -> usize {
    (lead.leading_ones() as usize).max(1)
}

pub(super) fn is_range_connector(ch: char) -> bool {
    matches!(ch, '-' | '—' | '–' | '~' | '～' | '至' | '到' | '－')
}

pub(super) fn is_space(ch: char) -> bool {
    matches!(ch, ' ' | '\u{3000}' | '\u{a0}')
}

pub(super) fn is_han(ch: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&ch)
}

/// `s` without white space (`\u{3000}` too) at either end: `str::trim`,
/// which decodes both end characters and looks them up, only when a byte
/// or two do not show that neither is white space.
pub(super) fn trim_white(s: &str) -> &str {
    // Printable ASCII, or a character from U+4000 on (a lead byte from E4
    // to EF), the ideographs.
    let bytes = s.as_bytes();
    let plain_start = bytes
        .first()
        .is_some_and(|&b| b > b' ' && b.is_ascii() || (0xE4..0xF0).contains(&b));
    let plain_end = match bytes {
        [.., b] if b.is_ascii() => *b > b' ',
        [.., lead, _, _] => (0xE4..0xF0).contains(lead),
        _ => false,
    };
    if plain_start && plain_end {
        s
    } else {
        s.trim()
    }
}

/// Where the last `c` in `s` starts. `str::rfind` and `str::contains` with a
/// character beyond ASCII set up a substring searcher on every call, which
/// costs more than the search through a clause: here, a vectorised search
/// for its last byte, checked against the bytes before it.
pub(super) fn rfind_char(s: &str, c: char) -> Option<usize> {
    let mut buffer = [0; 4];
    let encoded = c.encode_utf8(&mut buffer).as_bytes();
    let bytes = s.as_bytes();
    let &last = encoded.last()?;
    memchr::memrchr_iter(last, bytes).find_map(|end| {
        let start = (end + 1).checked_sub(encoded.len())?;
        (bytes.get(start..=end) == Some(encoded)).then_some(start)
    })
}

pub(super) use crate::text::{char_after, char_before};

/// Skips at most one space character forward.
pub(super) fn skip_space(text: &str, at: usize) -> usize {
    match char_after(text, at) {
        Some(c) if is_space(c) => at + c.len_utf8(),
        _ => at,
    }
}

/// Skips at most one space character backward.
pub(super) fn skip_space_back(text: &str, at: usize) -> usize {
    match char_before(text, at) {
        Some(c) if is_space(c) => at - c.len_utf8(),
        _ => at,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{number, stops};
    use super::*;

    #[test]
    fn rfind_char_finds_what_str_rfind_finds() {
        // Characters whose last byte ends many others too (《 ends like 届),
        // an ASCII one, and absent ones.
        let text =
            "截至目前,每年审议《关于…的报告》等12件;每届人大常委会召开会议9次,《条例》施行。";
        for c in ['每', '《', '》', '届', '次', ',', '人', '某', 'x'] {
            for end in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let s = &text[..end];
                assert_eq!(rfind_char(s, c), s.rfind(c), "{c} in {s}");
            }
        }
    }

    #[test]
    fn trim_white_is_str_trim() {
        for ch in '\0'..='\u{10ffff}' {
            for s in [
                format!("{ch}"),
                format!("{ch}年{ch}"),
                format!("a{ch}"),
                format!("{ch}a"),
            ] {
                assert_eq!(trim_white(&s), s.trim(), "{ch:?}");
            }
        }
    }

    #[test]
    fn byte_classes_agree_with_characters() {
        for ch in ('\u{80}'..='\u{10ffff}').filter(|c| c.len_utf8() > 1) {
            let mut buf = [0u8; 4];
            let bytes = ch.encode_utf8(&mut buf).as_bytes();
            assert_eq!(utf8_len(bytes[0]), ch.len_utf8(), "{ch}");
            assert!(
                number::han(ch).is_none() || stops::STOP_CHARS.contains(ch),
                "{ch}"
            );
        }
    }
}
