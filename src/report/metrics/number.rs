//! Reading the numeral of a figure: Arabic digits in either width, with
//! thousands separators and decimals, and Chinese numerals (`一千二百`, `两万`,
//! `千`). Values are exact decimals; nothing here rounds.

use rust_decimal::Decimal;

/// A numeral read at some offset: its exact value and where it ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Numeral {
    pub value: Decimal,
    pub end: usize,
}

/// The value of the digit whose UTF-8 encoding starts at `at`, either an ASCII
/// digit or a full-width one (`０`…`９`), with its length in bytes.
pub(crate) fn digit_at(bytes: &[u8], at: usize) -> Option<(u8, usize)> {
    match bytes.get(at..)? {
        [b @ b'0'..=b'9', ..] => Some((b - b'0', 1)),
        [0xEF, 0xBC, b @ 0x90..=0x99, ..] => Some((b - 0x90, 3)),
        _ => None,
    }
}

/// The decimal point after a digit: `.` or the full-width `．`.
fn point_at(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes.get(at..)? {
        [b'.', ..] => Some(1),
        [0xEF, 0xBC, 0x8E, ..] => Some(3),
        _ => None,
    }
}

/// Most significant digits an Arabic numeral may have; longer runs are codes
/// or identifiers, not figures, and would not fit a `Decimal` anyway.
const MAX_DIGITS: u32 = 24;

/// Reads an Arabic numeral starting at `at`: `14600`, `1,234,567`, `47.74`,
/// `９０．５１`. Thousands separators must group exactly three digits, so
/// `审议法规32件,通过18件` reads `32`, not `32,18`. A leading zero is only
/// allowed before a decimal point (`0.5`): `010` is a code, not a figure.
pub(crate) fn arabic(text: &str, at: usize) -> Option<Numeral> {
    let bytes = text.as_bytes();
    let (first, _) = digit_at(bytes, at)?;
    let mut mantissa: i128 = 0;
    let mut digits = 0u32;
    let mut scale = 0u32;
    let mut i = at;
    let mut group = 0u32;
    let mut grouped = false;
    while let Some((d, len)) = digit_at(bytes, i) {
        mantissa = mantissa * 10 + i128::from(d);
        digits += 1;
        group += 1;
        i += len;
        if digits > MAX_DIGITS {
            return None;
        }
        // A thousands separator: `,` followed by exactly three digits and then
        // no further digit.
        if bytes.get(i) == Some(&b',') && (group <= 3 && (!grouped || group == 3)) {
            let three = (1..=3).try_fold(i + 1, |j, _| digit_at(bytes, j).map(|(_, l)| j + l));
            if let Some(after) = three {
                if digit_at(bytes, after).is_none() {
                    grouped = true;
                    group = 0;
                    i += 1;
                }
            }
        }
    }
    if let Some(len) = point_at(bytes, i) {
        if digit_at(bytes, i + len).is_some() {
            i += len;
            while let Some((d, len)) = digit_at(bytes, i) {
                mantissa = mantissa * 10 + i128::from(d);
                digits += 1;
                scale += 1;
                i += len;
                if digits > MAX_DIGITS {
                    return None;
                }
            }
        }
    }
    if first == 0 && digits > 1 && scale == 0 {
        return None;
    }
    let value = Decimal::try_from_i128_with_scale(mantissa, scale).ok()?;
    Some(Numeral {
        value: value.normalize(),
        end: i,
    })
}

/// The value of a Chinese numeral character: a digit or a power of ten.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Han {
    Digit(u8),
    /// 十 百 千
    Small(u64),
    /// 万 亿
    Large(u64),
}

pub(crate) fn han(ch: char) -> Option<Han> {
    Some(match ch {
        '〇' | '零' => Han::Digit(0),
        '一' => Han::Digit(1),
        '二' | '两' => Han::Digit(2),
        '三' => Han::Digit(3),
        '四' => Han::Digit(4),
        '五' => Han::Digit(5),
        '六' => Han::Digit(6),
        '七' => Han::Digit(7),
        '八' => Han::Digit(8),
        '九' => Han::Digit(9),
        '十' => Han::Small(10),
        '百' => Han::Small(100),
        '千' => Han::Small(1_000),
        '万' => Han::Large(10_000),
        '亿' => Han::Large(100_000_000),
        _ => return None,
    })
}

/// A run of Chinese numeral characters read at some offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct HanRun {
    pub numeral: Numeral,
    /// Characters in the run.
    pub chars: usize,
    /// Whether the run holds 百, 千, 万 or 亿: `一千二百` does, `十二` does not.
    pub large: bool,
    /// Whether it starts with a digit 一…九 rather than a bare 十/百/千/万.
    pub led_by_digit: bool,
}

/// Longest run of Chinese numeral characters considered; longer runs are
/// not figures (nor anything a report writes).
const MAX_HAN: usize = 12;

/// Reads the run of Chinese numeral characters starting at `at` and its value:
/// `一千二百` → 1200, `两万` → 20000, `二十` → 20, `百` → 100, `三亿五千万` →
/// 350000000. A run that is digits read one by one (`二〇二二`, `一二`) has no
/// value as a count and gives `None`.
pub(crate) fn chinese(text: &str, at: usize) -> Option<HanRun> {
    let mut total: u64 = 0;
    // The part below the last 万 or 亿, and the digit not yet multiplied.
    let mut section: u64 = 0;
    let mut pending: Option<u64> = None;
    let mut chars = 0;
    let mut large = false;
    let mut led_by_digit = false;
    let mut end = at;
    for ch in text.get(at..)?.chars() {
        let Some(h) = han(ch) else { break };
        chars += 1;
        if chars > MAX_HAN {
            return None;
        }
        end += ch.len_utf8();
        if chars == 1 {
            led_by_digit = matches!(h, Han::Digit(d) if d > 0);
        }
        match h {
            Han::Digit(0) => {
                if pending.is_some() {
                    return None;
                }
            }
            Han::Digit(d) => {
                if pending.replace(u64::from(d)).is_some() {
                    return None;
                }
            }
            Han::Small(unit) => {
                large |= unit >= 100;
                let n = pending.take().unwrap_or(1);
                section = section.checked_add(n.checked_mul(unit)?)?;
            }
            Han::Large(unit) => {
                large = true;
                let part = section + pending.take().unwrap_or(0);
                if unit == 10_000 {
                    total = total.checked_add(part.max(1).checked_mul(unit)?)?;
                } else {
                    total = total.checked_add(part)?.max(1).checked_mul(unit)?;
                }
                section = 0;
            }
        }
    }
    if chars == 0 {
        return None;
    }
    let value = total
        .checked_add(section)?
        .checked_add(pending.unwrap_or(0))?;
    Some(HanRun {
        numeral: Numeral {
            value: Decimal::from(value),
            end,
        },
        chars,
        large,
        led_by_digit,
    })
}

/// The multiplier a character stands for after a numeral (`1.2万`, `3千万`).
pub(crate) fn multiplier(ch: char) -> Option<u64> {
    match ch {
        '百' => Some(100),
        '千' => Some(1_000),
        '万' => Some(10_000),
        '亿' => Some(100_000_000),
        _ => None,
    }
}

/// How a numeral is written, for the rules that differ.
#[derive(Clone, Copy)]
pub(super) enum Notation {
    Arabic,
    Han {
        /// Starts with a digit 一…九 rather than a bare 十/百/千/万.
        led_by_digit: bool,
        /// Holds 百, 千, 万 or 亿.
        large: bool,
        chars: usize,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn read(s: &str) -> Option<(Decimal, &str)> {
        arabic(s, 0).map(|n| (n.value, &s[n.end..]))
    }

    #[test]
    fn arabic_integers_and_decimals() {
        assert_eq!(read("9次"), Some((dec("9"), "次")));
        assert_eq!(read("14600余人次"), Some((dec("14600"), "余人次")));
        assert_eq!(read("47.74万"), Some((dec("47.74"), "万")));
        assert_eq!(read("90.51%"), Some((dec("90.51"), "%")));
        assert_eq!(read("0.5个百分点"), Some((dec("0.5"), "个百分点")));
        // A trailing point is a heading marker or a sentence end, not a decimal.
        assert_eq!(read("1.加强立法"), Some((dec("1"), ".加强立法")));
        assert_eq!(read("2.0"), Some((dec("2"), "")));
    }

    #[test]
    fn full_width_digits() {
        assert_eq!(read("１２３件"), Some((dec("123"), "件")));
        assert_eq!(read("９０．５１％"), Some((dec("90.51"), "％")));
        assert_eq!(read("3２"), Some((dec("32"), "")));
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(read("1,234,567元"), Some((dec("1234567"), "元")));
        assert_eq!(read("14,600.5万"), Some((dec("14600.5"), "万")));
        // A comma between two figures is punctuation, not a separator.
        assert_eq!(read("32件,通过18件"), Some((dec("32"), "件,通过18件")));
        assert_eq!(read("32,18件"), Some((dec("32"), ",18件")));
        assert_eq!(read("12,3456件"), Some((dec("12"), ",3456件")));
        assert_eq!(read("1234,567元"), Some((dec("1234"), ",567元")));
    }

    #[test]
    fn codes_are_not_numerals() {
        assert_eq!(read("010"), None);
        assert_eq!(read("1234567890123456789012345"), None);
        assert_eq!(read("次"), None);
    }

    fn han_value(s: &str) -> Option<(u64, bool, &str)> {
        chinese(s, 0).map(|r| {
            (
                u64::try_from(r.numeral.value).unwrap(),
                r.large,
                &s[r.numeral.end..],
            )
        })
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(han_value("一千二百余条"), Some((1200, true, "余条")));
        assert_eq!(han_value("千家"), Some((1000, true, "家")));
        assert_eq!(han_value("两万人"), Some((20_000, true, "人")));
        assert_eq!(han_value("二十余名"), Some((20, false, "余名")));
        assert_eq!(han_value("十二次"), Some((12, false, "次")));
        assert_eq!(han_value("百余篇"), Some((100, true, "余篇")));
        assert_eq!(han_value("一千零五件"), Some((1005, true, "件")));
        assert_eq!(han_value("三亿五千万元"), Some((350_000_000, true, "元")));
        assert_eq!(han_value("一万二千"), Some((12_000, true, "")));
        assert_eq!(han_value("三万亿"), Some((3_000_000_000_000, true, "")));
        assert_eq!(han_value("五"), Some((5, false, "")));
    }

    #[test]
    fn digit_strings_are_not_counts() {
        assert_eq!(han_value("二〇二二年"), None);
        assert_eq!(han_value("一二"), None);
        assert_eq!(han_value("年"), None);
    }
}
