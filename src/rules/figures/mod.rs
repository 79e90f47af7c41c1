//! Figures that do not add up: each rule in its own file, and here what
//! they share, the values a figure as written may stand for.

mod breakdown;
pub mod change_rate;
pub mod part_exceeds_whole;
pub mod parts_exceed_total;
pub mod shares_total;

use rust_decimal::Decimal;

use crate::report::metrics::Figure;

/// The values a written number may stand for: `1.2万` is any value from
/// 11,500 to 12,500, `23.6` any from 23.55 to 23.65. A report rounds every
/// figure to the last digit it writes, so two figures are at odds only when
/// no values they may stand for agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    pub low: Decimal,
    pub high: Decimal,
}

impl Bounds {
    /// `value` give or take half a unit of `digit`, the place of the last
    /// digit written.
    fn around(value: Decimal, digit: Decimal) -> Bounds {
        let half = digit / Decimal::TWO;
        Bounds {
            low: value - half,
            high: value + half,
        }
    }

    /// A number in Arabic digits as written (`23.6`, `１２`, `1,234.5`), in
    /// units of `multiplier` (10,000 for `万`): `None` for anything else.
    pub fn of_digits(numeral: &str, multiplier: Decimal) -> Option<Bounds> {
        let mut digits = String::with_capacity(numeral.len());
        for c in numeral.chars() {
            match c {
                '0'..='9' | '.' => digits.push(c),
                '０'..='９' => digits.push(char::from(b'0' + (c as u32 - '０' as u32) as u8)),
                '．' => digits.push('.'),
                ',' => {}
                _ => return None,
            }
        }
        let value: Decimal = digits.parse().ok()?;
        let decimals = digits.split_once('.').map_or(0, |(_, frac)| frac.len());
        let digit = Decimal::new(1, u32::try_from(decimals).ok()?);
        Some(Bounds::around(
            value.checked_mul(multiplier)?,
            digit.checked_mul(multiplier)?,
        ))
    }

    /// The values `figure` may stand for, rounding only: its numeral in
    /// Arabic digits, its multiplier (`万` `亿`) as read. `None` for a Chinese
    /// numeral or a zero.
    pub fn of_figure(text: &str, figure: &Figure) -> Option<Bounds> {
        let numeral = figure.number.slice(text);
        let written = Bounds::of_digits(numeral, Decimal::ONE)?;
        let plain = (written.low + written.high) / Decimal::TWO;
        if plain.is_zero() {
            return None;
        }
        let multiplier = figure.value.checked_div(plain)?;
        Bounds::of_digits(numeral, multiplier)
    }
}

/// Whether a figure's numeral is a piece of a number broken in the copy:
/// a digit and a separator or space just before it (`1，712万吨` for
/// 1,712万吨, `5220 1件`, `776，7万人`), or a space or point and a digit
/// just after it (`6. 57亿美元`). Old scans and web copies break numbers
/// so; what is left of one is no figure to add up.
pub fn is_broken(text: &str, figure: &Figure) -> bool {
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let separator = |c: &char| matches!(c, ' ' | '，' | ',' | '．' | '.' | '$' | '、');
    // A digit right beside the numeral, or past a few separators.
    let joined = |mut chars: std::iter::Peekable<&mut dyn Iterator<Item = char>>| {
        let mut skipped = 0;
        while chars.next_if(separator).is_some() {
            skipped += 1;
        }
        skipped <= 3 && chars.next().is_some_and(digit)
    };
    let before = text.get(..figure.number.start).unwrap_or("");
    let after = text.get(figure.number.end..).unwrap_or("");
    let mut back = before.chars().rev();
    let mut ahead = after.chars();
    let starts_with_separator = after.starts_with([' ', '．', '.', '$']);
    joined((&mut back as &mut dyn Iterator<Item = char>).peekable())
        || (starts_with_separator
            && joined((&mut ahead as &mut dyn Iterator<Item = char>).peekable()))
}

/// How far back a rule reads the words before a figure, in bytes: a clause
/// is never longer, and a look back that is bounded keeps a sentence of
/// thousands of figures linear.
const LOOK_BACK: usize = 64 * 3;

/// The text from `from` to `to`, at most its last [`LOOK_BACK`] bytes.
pub fn words_before(text: &str, from: usize, to: usize) -> &str {
    let from = text.ceil_char_boundary(from.max(to.saturating_sub(LOOK_BACK)));
    text.get(from..to).unwrap_or("")
}

/// What an approximation marker says of the true value against the one
/// written: at least it (`余` `多` `超过` `以上`), at most it (`近` `不超过`
/// `以内`), either (`约` `左右`), or exactly it (none, or `达`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Exact,
    AtLeast,
    AtMost,
    About,
}

impl Marker {
    pub fn of(figure: &Figure) -> Marker {
        match figure.approx {
            None | Some("达" | "达到" | "高达" | "多达") => Marker::Exact,
            Some("余" | "多" | "逾" | "超" | "超过" | "突破" | "不少于" | "不低于" | "以上") => {
                Marker::AtLeast
            }
            Some("近" | "将近" | "接近" | "不超过" | "以下" | "以内") => Marker::AtMost,
            Some(_) => Marker::About,
        }
    }
}

/// `value` to at most `decimals` decimals, without trailing zeros (`25`,
/// `24.6`).
pub fn rounded(value: Decimal, decimals: u32) -> String {
    value.round_dp(decimals).normalize().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bounds(numeral: &str, multiplier: i64) -> (String, String) {
        let b = Bounds::of_digits(numeral, Decimal::from(multiplier)).unwrap();
        (
            b.low.normalize().to_string(),
            b.high.normalize().to_string(),
        )
    }

    #[test]
    fn a_number_stands_for_what_rounds_to_it() {
        assert_eq!(bounds("1.2", 10_000), ("11500".into(), "12500".into()));
        assert_eq!(bounds("23.6", 1), ("23.55".into(), "23.65".into()));
        assert_eq!(bounds("120", 1), ("119.5".into(), "120.5".into()));
        assert_eq!(bounds("１２", 1), ("11.5".into(), "12.5".into()));
        assert_eq!(bounds("1,234.5", 1), ("1234.45".into(), "1234.55".into()));
        assert!(Bounds::of_digits("一千", Decimal::ONE).is_none());
    }
}
