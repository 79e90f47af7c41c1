//! Numbers as a report writes them: `38.7万亿元`, `1.46亿人次`, `2,566项`,
//! in the 万 or 亿 the text used and with no more decimals than it wrote.

use rust_decimal::Decimal;

use super::{Category, Figure};

const WAN: Decimal = Decimal::from_parts(10_000, 0, 0, false, 0);
const YI: Decimal = Decimal::from_parts(100_000_000, 0, 0, false, 0);
const WAN_YI: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0);

/// The multipliers a report writes an amount in, largest first.
const SCALES: [(Decimal, &str); 3] = [(WAN_YI, "万亿"), (YI, "亿"), (WAN, "万")];

/// How a figure's numeral is written: the multiplier after it (`万亿` of
/// `38.7万亿元`; `千万` and `百万` are written as 万 in a sum) and its
/// decimals (1 of `38.7`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Written {
    pub(super) scale: Decimal,
    pub(super) decimals: u32,
}

impl Written {
    /// How `figure` is written in `text`.
    pub(super) fn of(text: &str, figure: &Figure) -> Written {
        let numeral = figure.number.slice(text);
        let decimals = numeral
            .split_once(['.', '．'])
            .map_or(0, |(_, frac)| frac.chars().count() as u32);
        let after = text
            .get(figure.number.end..figure.range.end)
            .unwrap_or("")
            .trim_start_matches(['余', '多']);
        let scale = if after.starts_with("万亿") {
            WAN_YI
        } else if after.starts_with('亿') {
            YI
        } else if after.starts_with(['万', '千', '百']) && after.contains('万') {
            WAN
        } else {
            Decimal::ONE
        };
        Written { scale, decimals }
    }
}

/// A sum of figures written as they are: in the largest multiplier of
/// theirs that needs no more decimals than they have, `约` before it when
/// any is approximate. `unit` is the measure word (`元` for money).
pub(super) fn sum(value: Decimal, unit: &str, parts: &[Written], approx: bool) -> String {
    let decimals = parts.iter().map(|w| w.decimals).max().unwrap_or(0);
    let mut scales: Vec<Decimal> = parts.iter().map(|w| w.scale).collect();
    scales.sort_unstable_by(|a, b| b.cmp(a));
    let scale = scales
        .iter()
        .copied()
        .find(|&s| {
            value
                .checked_div(s)
                .is_some_and(|v| v.normalize().scale() <= decimals)
        })
        .or_else(|| scales.last().copied())
        .unwrap_or(Decimal::ONE);
    let about = if approx { "约" } else { "" };
    format!("{about}{}{unit}", in_scale(value, scale))
}

/// `value` in `scale` (`万`, `亿`, `万亿` or one), exactly.
fn in_scale(value: Decimal, scale: Decimal) -> String {
    let suffix = SCALES.iter().find(|(s, _)| *s == scale).map(|(_, n)| *n);
    match (suffix, value.checked_div(scale)) {
        (Some(suffix), Some(scaled)) => format!("{}{suffix}", scaled.normalize()),
        _ => format_value(value),
    }
}

/// The measure word a sum of figures of this unit is written with.
pub(super) fn unit_of(figure: &Figure) -> &'static str {
    if figure.category == Category::Money {
        "元"
    } else {
        figure.unit
    }
}

/// A value in 万, 亿 or 万亿 where that is how Chinese writes it (`4.8亿`,
/// `480万`, `38.7万亿`), exactly, with no rounding; smaller values as
/// [`format_value`].
pub fn format_amount(value: Decimal) -> String {
    let magnitude = value.abs();
    match SCALES.iter().find(|(s, _)| magnitude >= *s) {
        Some(&(scale, _)) => in_scale(value, scale),
        None => format_value(value),
    }
}

/// A decimal with thousands separators and no trailing zeros: `14,600`,
/// `90.51`, `1,234.5`.
pub fn format_value(value: Decimal) -> String {
    let plain = value.normalize().to_string();
    let (sign, plain) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain.as_str()),
    };
    let (int, frac) = plain.split_once('.').unwrap_or((plain, ""));
    let mut out = String::with_capacity(plain.len() + int.len() / 3 + 1);
    out.push_str(sign);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::metrics::extract;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn scales_are_the_ones_written() {
        assert_eq!(WAN_YI, dec("1000000000000"));
        let text = "存贷款余额达38.7万亿元、29.9万亿元，接待游客9.6亿人次，办理4.2万多件，投资2,566项，捐款480余万元，一千二百余条。";
        let written: Vec<Written> = extract(text).iter().map(|m| Written::of(text, m)).collect();
        let w = |scale: &str, decimals| Written {
            scale: dec(scale),
            decimals,
        };
        assert_eq!(
            written,
            [
                w("1000000000000", 1),
                w("1000000000000", 1),
                w("100000000", 1),
                w("10000", 1),
                w("1", 0),
                w("10000", 0),
                w("1", 0),
            ]
        );
    }

    #[test]
    fn sums_are_written_as_their_parts() {
        let trillions = Written {
            scale: WAN_YI,
            decimals: 1,
        };
        assert_eq!(
            sum(dec("68600000000000"), "元", &[trillions, trillions], false),
            "68.6万亿元"
        );
        // 1.2亿 and 3400万 make 15400万, not 1.54亿 (two decimals).
        let yi = Written {
            scale: YI,
            decimals: 1,
        };
        let wan = Written {
            scale: WAN,
            decimals: 0,
        };
        assert_eq!(sum(dec("154000000"), "元", &[yi, wan], true), "约15400万元");
        let one = Written {
            scale: Decimal::ONE,
            decimals: 0,
        };
        assert_eq!(sum(dec("2566"), "项", &[one, one], false), "2,566项");
    }

    #[test]
    fn formats_values_exactly() {
        assert_eq!(format_value(dec("480000000")), "480,000,000");
        assert_eq!(format_value(dec("90.51")), "90.51");
        assert_eq!(format_value(dec("1234.50")), "1,234.5");
        assert_eq!(format_amount(dec("480000000")), "4.8亿");
        assert_eq!(format_amount(dec("4800000")), "480万");
        assert_eq!(format_amount(dec("38700000000000")), "38.7万亿");
        assert_eq!(format_amount(dec("123456789")), "1.23456789亿");
        assert_eq!(format_amount(dec("3500")), "3,500");
    }
}
