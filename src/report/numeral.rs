//! Small Chinese numerals as used in heading markers (一 … 九十九).

/// Value of a Chinese digit, `None` for any other character.
pub fn digit(ch: char) -> Option<u32> {
    Some(match ch {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

pub fn is_numeral_char(ch: char) -> bool {
    ch == '十' || digit(ch).is_some()
}

/// Parses a numeral of 1..=99 written the way headings write them:
/// `一` `十` `十一` `二十` `二十三`. Anything else (`两`, `〇`, `一一`) is `None`.
pub fn parse_small(s: &str) -> Option<u32> {
    let mut chars = ['\0'; 3];
    let mut len = 0;
    for ch in s.chars() {
        *chars.get_mut(len)? = ch;
        len += 1;
    }
    let value = match chars.get(..len)? {
        [d] if *d != '十' => nonzero_digit(*d)?,
        ['十'] => 10,
        ['十', u] => 10 + nonzero_digit(*u)?,
        [t, '十'] => nonzero_digit(*t)? * 10,
        [t, '十', u] => nonzero_digit(*t)? * 10 + nonzero_digit(*u)?,
        _ => return None,
    };
    Some(value)
}

fn nonzero_digit(ch: char) -> Option<u32> {
    if ch == '两' {
        return None;
    }
    digit(ch).filter(|&d| d > 0)
}

/// Writes 1..=99 as a heading numeral (`11` → `十一`).
pub fn to_chinese(n: u32) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let digit = |d: u32| DIGITS.get(d as usize).copied().unwrap_or("");
    match n {
        0..=9 => digit(n).to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { digit(n - 10) }),
        20..=99 => format!(
            "{}十{}",
            digit(n / 10),
            if n.is_multiple_of(10) {
                ""
            } else {
                digit(n % 10)
            }
        ),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_heading_numerals() {
        for (s, n) in [
            ("一", 1),
            ("九", 9),
            ("十", 10),
            ("十一", 11),
            ("二十", 20),
            ("二十三", 23),
        ] {
            assert_eq!(parse_small(s), Some(n), "{s}");
            assert_eq!(to_chinese(n), s);
        }
        for s in ["", "两", "〇", "一一", "十十", "百", "一百"] {
            assert_eq!(parse_small(s), None, "{s}");
        }
    }
}
