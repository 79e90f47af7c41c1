//! Recognising the number marker at the start of a heading or item.

use super::model::{Level, Marker, MarkerStyle, Width};
use super::numeral::{is_numeral_char, parse_small};
use crate::text::TextRange;

/// A marker found at the start of some text, and where its label begins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub marker: Marker,
    pub level: Level,
    /// Byte offset (relative to the text given) where the label starts.
    pub label_start: usize,
}

fn width_of(ch: char) -> Width {
    if ch.is_ascii() {
        Width::Half
    } else {
        Width::Full
    }
}

fn is_ascii_or_full_digit(ch: char) -> bool {
    ch.is_ascii_digit() || ('０'..='９').contains(&ch)
}

fn digit_value(ch: char) -> u32 {
    if ch.is_ascii_digit() {
        ch as u32 - '0' as u32
    } else {
        ch as u32 - '０' as u32
    }
}

/// Takes the longest prefix of `s` whose chars satisfy `pred`, at most `max` chars.
fn take_while(s: &str, max: usize, pred: impl Fn(char) -> bool) -> &str {
    match s.char_indices().take(max + 1).find(|&(_, c)| !pred(c)) {
        // The run ends within `max` characters.
        Some((end, _)) => s.get(..end).unwrap_or(""),
        // The whole text is the run; if longer than `max`, it is not a
        // marker numeral at all.
        None if s.char_indices().nth(max).is_none() => s,
        None => "",
    }
}

/// Recognises a heading or item marker at the very start of `text`. `base`
/// is the byte offset of `text` in the document, used for the marker range.
pub fn parse(text: &str, base: usize) -> Option<Found> {
    let first = text.chars().next()?;
    let found = match first {
        '(' | '（' => parenthesised(text, first),
        '第' => ordinal(text),
        c if is_numeral_char(c) => chinese(text),
        c if is_ascii_or_full_digit(c) => arabic(text),
        _ => None,
    }?;
    let (style, level, number, marker_len, separator, width) = found;
    // A marker must be followed by a label, not end the text.
    let rest = text.get(marker_len..)?;
    let label_start = marker_len + (rest.len() - rest.trim_start_matches([' ', '\u{3000}']).len());
    if text.len() <= label_start {
        return None;
    }
    Some(Found {
        marker: Marker {
            style,
            number,
            range: TextRange::new(base, base + marker_len),
            separator,
            width,
        },
        level,
        label_start,
    })
}

type Parsed = (MarkerStyle, Level, u32, usize, Option<char>, Option<Width>);

fn parenthesised(text: &str, open: char) -> Option<Parsed> {
    let inner = text.get(open.len_utf8()..)?;
    // `（**三）各项改革不断深化**`: bold opened inside the bracket.
    let bold = if inner.starts_with("**") { 2 } else { 0 };
    let inner = inner.get(bold..)?;
    let (style, level, number, digits) = {
        let chinese = take_while(inner, 3, is_numeral_char);
        if !chinese.is_empty() {
            (
                MarkerStyle::ChineseParen,
                Level::H2,
                parse_small(chinese)?,
                chinese,
            )
        } else {
            let arabic = take_while(inner, 2, is_ascii_or_full_digit);
            let number = arabic.chars().fold(0, |n, c| n * 10 + digit_value(c));
            if arabic.is_empty() || number == 0 {
                return None;
            }
            (MarkerStyle::ArabicParen, Level::H4, number, arabic)
        }
    };
    let close = inner.get(digits.len()..)?.chars().next()?;
    if close != ')' && close != '）' {
        return None;
    }
    let len = open.len_utf8() + bold + digits.len() + close.len_utf8();
    Some((style, level, number, len, None, Some(width_of(open))))
}

fn chinese(text: &str) -> Option<Parsed> {
    let digits = take_while(text, 3, is_numeral_char);
    let number = parse_small(digits)?;
    // `三 、2021年工作安排`: a blank typed before the 顿号 is still the marker.
    let spaced = text.get(digits.len()..)?;
    let blank = spaced.len() - spaced.trim_start_matches([' ', '\u{3000}']).len();
    let after = match spaced.get(blank..) {
        Some(rest) if blank > 0 && rest.starts_with('、') => rest,
        _ => spaced,
    };
    let digits = text.get(..text.len() - after.len())?;
    let next = after.chars().next()?;
    match next {
        '、' | '.' | '．' | ',' | '，' => {
            // `一.5` or `一,二` are not headings; `一、2022年工作回顾` is.
            let following = after.get(next.len_utf8()..)?.chars().next()?;
            if next != '、' && (is_ascii_or_full_digit(following) || is_numeral_char(following)) {
                return None;
            }
            let width = match next {
                '.' | ',' => Width::Half,
                _ => Width::Full,
            };
            Some((
                MarkerStyle::ChineseNumeral,
                Level::H1,
                number,
                digits.len() + next.len_utf8(),
                Some(next),
                Some(width),
            ))
        }
        '是' | '要' => Some((
            MarkerStyle::InlineShi,
            Level::Item,
            number,
            digits.len() + next.len_utf8(),
            None,
            None,
        )),
        _ => None,
    }
}

fn ordinal(text: &str) -> Option<Parsed> {
    let rest = text.get('第'.len_utf8()..)?;
    let digits = take_while(rest, 3, is_numeral_char);
    let number = parse_small(digits)?;
    let next = rest.get(digits.len()..)?.chars().next()?;
    if !matches!(next, ',' | '，' | '、' | ':' | '：' | '是') {
        return None;
    }
    let width = (next != '是').then(|| width_of(next));
    Some((
        MarkerStyle::Ordinal,
        Level::Item,
        number,
        '第'.len_utf8() + digits.len() + next.len_utf8(),
        Some(next).filter(|&c| c != '是'),
        width,
    ))
}

fn arabic(text: &str) -> Option<Parsed> {
    let digits = take_while(text, 2, is_ascii_or_full_digit);
    let number = digits.chars().fold(0, |n, c| n * 10 + digit_value(c));
    if digits.is_empty() || number == 0 {
        return None;
    }
    let after = text.get(digits.len()..)?;
    let sep = after.chars().next()?;
    if !matches!(sep, '.' | '．' | '、') {
        return None;
    }
    let following = after.get(sep.len_utf8()..)?.chars().next()?;
    // `1.2万元` is a number, `1..` is not a list.
    if is_ascii_or_full_digit(following) || following == '.' || following == '%' {
        return None;
    }
    let width = if sep == '.' { Width::Half } else { Width::Full };
    Some((
        MarkerStyle::ArabicNumeral,
        Level::H3,
        number,
        digits.len() + sep.len_utf8(),
        Some(sep),
        Some(width),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level_and_number(text: &str) -> Option<(Level, MarkerStyle, u32, &str)> {
        parse(text, 0).map(|f| {
            (
                f.level,
                f.marker.style,
                f.marker.number,
                text.get(f.label_start..).unwrap_or(""),
            )
        })
    }

    #[test]
    fn every_heading_form() {
        use Level::*;
        use MarkerStyle::*;
        let cases = [
            ("一、坚持党的领导", H1, ChineseNumeral, 1, "坚持党的领导"),
            ("十一、其他", H1, ChineseNumeral, 11, "其他"),
            ("三.错误的分隔", H1, ChineseNumeral, 3, "错误的分隔"),
            ("(一)半角括号", H2, ChineseParen, 1, "半角括号"),
            ("（二）全角括号", H2, ChineseParen, 2, "全角括号"),
            ("(十二)混合）", H2, ChineseParen, 12, "混合）"),
            ("1.加强地方立法", H3, ArabicNumeral, 1, "加强地方立法"),
            ("12、顿号", H3, ArabicNumeral, 12, "顿号"),
            ("３．全角数字", H3, ArabicNumeral, 3, "全角数字"),
            ("(1)半角", H4, ArabicParen, 1, "半角"),
            ("（2）全角", H4, ArabicParen, 2, "全角"),
            (
                "（**三）加粗在括号内**",
                H2,
                ChineseParen,
                3,
                "加粗在括号内**",
            ),
            ("一是坚持政治引领", Item, InlineShi, 1, "坚持政治引领"),
            ("四要始终坚持大团结", Item, InlineShi, 4, "始终坚持大团结"),
            ("第一,要提高站位", Item, Ordinal, 1, "要提高站位"),
            ("第三：加强协商", Item, Ordinal, 3, "加强协商"),
            ("一、 空格之后", H1, ChineseNumeral, 1, "空格之后"),
            (
                "三 、2021 年 工作安排",
                H1,
                ChineseNumeral,
                3,
                "2021 年 工作安排",
            ),
            (
                "一、2022年工作回顾",
                H1,
                ChineseNumeral,
                1,
                "2022年工作回顾",
            ),
        ];
        for (text, level, style, number, label) in cases {
            assert_eq!(
                level_and_number(text),
                Some((level, style, number, label)),
                "{text}"
            );
        }
    }

    #[test]
    fn not_headings() {
        for text in [
            "一年来,在市委的领导下",
            "1.2万元用于",
            "2022年是",
            "第一议题",
            "第十四届",
            "(2022年)",
            "(第54/67页)",
            "一、",
            "五十五个民族",
            "123.四位数",
            "(0)零",
        ] {
            assert_eq!(parse(text, 0), None, "{text}");
        }
    }

    #[test]
    fn widths_and_separators() {
        let half = parse("(一)x", 0).unwrap().marker;
        assert_eq!(half.width, Some(Width::Half));
        let full = parse("（一）x", 0).unwrap().marker;
        assert_eq!(full.width, Some(Width::Full));
        assert_eq!(full.range, TextRange::new(0, "（一）".len()));
        let dot = parse("一.x", 0).unwrap().marker;
        assert_eq!(dot.separator, Some('.'));
    }
}
