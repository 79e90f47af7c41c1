//! How a list level writes its number (`w:numFmt`): `一`, `（一）`'s `一`,
//! `①`, `iv`, `甲` …, as Word renders each format.

/// The most digits a zero-padded format (`001`) pads to: a `u32` has ten,
/// and a hostile definition must not make every label long.
const MAX_DIGITS: usize = 10;

/// How a level writes its number (`w:numFmt`).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum Format {
    #[default]
    Decimal,
    /// `01`, `02`, … with this many digits at least.
    DecimalZero(usize),
    FullWidth,
    /// 一、二 … 十、十一 … 二十一 … 一百零一.
    ChineseCounting,
    /// 壹、贰 … 壹拾.
    ChineseLegal,
    /// As Chinese counting up to 99; 百 and 千 without a leading 一.
    JapaneseCounting,
    /// 一〇, digit by digit.
    IdeographDigital,
    /// 甲乙丙丁… in a cycle of ten.
    Heavenly,
    /// 子丑寅卯… in a cycle of twelve.
    Zodiac,
    /// ① … ⑳.
    Circled,
    /// ⑴ … ⒇.
    Parenthesised,
    /// ⒈ … ⒛.
    FullStop,
    /// ㈠ … ㈩.
    ParenthesisedIdeograph,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
    /// A bullet: the paragraph gets no label.
    Bullet,
    /// No number: `%N` shows nothing.
    None,
}

impl Format {
    pub(super) fn from_word(value: &str) -> Format {
        match value {
            "decimalZero" => Format::DecimalZero(2),
            "decimalFullWidth" | "decimalFullWidth2" => Format::FullWidth,
            "chineseCounting"
            | "chineseCountingThousand"
            | "taiwaneseCounting"
            | "taiwaneseCountingThousand"
            | "koreanCounting" => Format::ChineseCounting,
            "chineseLegalSimplified" | "ideographLegalTraditional" => Format::ChineseLegal,
            "japaneseCounting" => Format::JapaneseCounting,
            "ideographDigital"
            | "taiwaneseDigital"
            | "koreanDigital"
            | "japaneseDigitalTenThousand" => Format::IdeographDigital,
            "ideographTraditional" => Format::Heavenly,
            "ideographZodiac" => Format::Zodiac,
            "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => Format::Circled,
            "decimalEnclosedParen" => Format::Parenthesised,
            "decimalEnclosedFullstop" => Format::FullStop,
            "ideographEnclosedCircle" => Format::ParenthesisedIdeograph,
            "lowerLetter" => Format::LowerLetter,
            "upperLetter" => Format::UpperLetter,
            "lowerRoman" => Format::LowerRoman,
            "upperRoman" => Format::UpperRoman,
            "bullet" => Format::Bullet,
            "none" => Format::None,
            _ => Format::Decimal,
        }
    }

    /// A `custom` format (Word 2010 on) shows its sequence by example,
    /// `w:format="01, 02, 03, ..."` or `"一, 二, 三, ..."`: its first term
    /// names it.
    pub(super) fn from_custom(example: &str) -> Format {
        let first = example.split(',').next().unwrap_or_default().trim();
        match first.chars().next() {
            Some('0') if first.chars().all(|c| c.is_ascii_digit()) => {
                Format::DecimalZero(first.len().min(MAX_DIGITS))
            }
            Some('一') => Format::ChineseCounting,
            Some('壹') => Format::ChineseLegal,
            Some('①') => Format::Circled,
            Some('甲') => Format::Heavenly,
            _ => Format::Decimal,
        }
    }

    /// `n` written in this format.
    pub fn render(self, n: u32) -> String {
        const CHINESE: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
        const LEGAL: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
        match self {
            Format::Decimal => n.to_string(),
            Format::DecimalZero(width) => format!("{n:0width$}"),
            Format::FullWidth => n
                .to_string()
                .chars()
                .map(|c| char::from_u32(u32::from(c) - u32::from('0') + 0xff10).unwrap_or(c))
                .collect(),
            Format::ChineseCounting => counting(n, &CHINESE, ['十', '百', '千'], true),
            Format::ChineseLegal => counting(n, &LEGAL, ['拾', '佰', '仟'], true),
            Format::JapaneseCounting => counting(n, &CHINESE, ['十', '百', '千'], false),
            Format::IdeographDigital => n
                .to_string()
                .chars()
                .map(|c| {
                    c.to_digit(10)
                        .and_then(|d| CHINESE.get(d as usize))
                        .copied()
                        .unwrap_or(c)
                })
                .collect(),
            Format::Heavenly => cycle(
                n,
                &['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'],
            ),
            Format::Zodiac => cycle(
                n,
                &[
                    '子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥',
                ],
            ),
            Format::Circled => enclosed(n, 0x2460, 20),
            Format::Parenthesised => enclosed(n, 0x2474, 20),
            Format::FullStop => enclosed(n, 0x2488, 20),
            Format::ParenthesisedIdeograph => enclosed(n, 0x3220, 10),
            Format::LowerLetter => letters(n, 'a'),
            Format::UpperLetter => letters(n, 'A'),
            Format::LowerRoman => roman(n).to_lowercase(),
            Format::UpperRoman => roman(n),
            Format::Bullet | Format::None => String::new(),
        }
    }
}

/// Chinese counting up to 9999, as reports write it: 十, 十一, 二十一,
/// 一百零一, 一百一十, 一千零五. Without `leading_one` (Japanese), 百 and 千
/// stand alone for 100 and 1000 and no 零 fills a gap. Beyond, decimal.
fn counting(n: u32, digits: &[char; 10], units: [char; 3], leading_one: bool) -> String {
    if n >= 10_000 {
        return n.to_string();
    }
    let digit = |d: u32| digits.get(d as usize).copied().unwrap_or('?');
    if n == 0 {
        return digit(0).to_string();
    }
    let [ten, hundred, thousand] = units;
    let (th, h, t, o) = (n / 1000, n / 100 % 10, n / 10 % 10, n % 10);
    let mut out = String::new();
    // A digit before a unit; 一 alone before 百/千 is dropped in Japanese,
    // and before 十 at the very start in both (十一, not 一十一).
    let put = |out: &mut String, d: u32, unit: char, at_start: bool| {
        if d != 1 || (leading_one && !(unit == ten && at_start)) {
            out.push(digit(d));
        }
        out.push(unit);
    };
    if th > 0 {
        put(&mut out, th, thousand, true);
    }
    if h > 0 {
        put(&mut out, h, hundred, th == 0);
    }
    if t > 0 {
        if th > 0 && h == 0 && leading_one {
            out.push('零');
        }
        put(&mut out, t, ten, th == 0 && h == 0);
    }
    if o > 0 {
        if (th > 0 || h > 0) && t == 0 && leading_one {
            out.push('零');
        }
        out.push(digit(o));
    }
    out
}

fn cycle(n: u32, signs: &[char]) -> String {
    let at = (n.max(1) as usize - 1) % signs.len();
    signs.get(at).map(char::to_string).unwrap_or_default()
}

/// One character per number from `first` (for 1) up to `last`; beyond,
/// decimal.
fn enclosed(n: u32, first: u32, last: u32) -> String {
    match (1..=last)
        .contains(&n)
        .then(|| char::from_u32(first + n - 1))
    {
        Some(Some(c)) => c.to_string(),
        _ => n.to_string(),
    }
}

/// a … z, then aa … zz, as Word counts; beyond twenty repeats, decimal,
/// so that no start value makes a label long.
fn letters(n: u32, a: char) -> String {
    if n == 0 {
        return String::new();
    }
    if n > 26 * 20 {
        return n.to_string();
    }
    let letter = char::from_u32(u32::from(a) + (n - 1) % 26).unwrap_or(a);
    std::iter::repeat_n(letter, ((n - 1) / 26 + 1) as usize).collect()
}

fn roman(n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    const VALUES: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut rest = n;
    let mut out = String::new();
    for (value, sign) in VALUES {
        while rest >= value {
            out.push_str(sign);
            rest -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counting_as_a_report_writes_it() {
        let one_to_99: Vec<String> = (1..=99)
            .map(|n| Format::ChineseCounting.render(n))
            .collect();
        assert_eq!(
            one_to_99[..12].join(" "),
            "一 二 三 四 五 六 七 八 九 十 十一 十二"
        );
        assert_eq!(one_to_99[19..22].join(" "), "二十 二十一 二十二");
        assert_eq!(one_to_99[98], "九十九");
        let cases = [
            (100, "一百"),
            (101, "一百零一"),
            (110, "一百一十"),
            (111, "一百一十一"),
            (1005, "一千零五"),
            (1010, "一千零一十"),
            (1100, "一千一百"),
            (2026, "二千零二十六"),
        ];
        for (n, written) in cases {
            assert_eq!(Format::ChineseCounting.render(n), written, "{n}");
        }
        assert_eq!(
            Format::from_word("chineseCountingThousand").render(21),
            "二十一"
        );
        assert_eq!(Format::JapaneseCounting.render(21), "二十一");
        assert_eq!(Format::JapaneseCounting.render(110), "百十");
        assert_eq!(Format::ChineseLegal.render(12), "拾贰");
        assert_eq!(Format::IdeographDigital.render(10), "一〇");
    }

    #[test]
    fn other_formats() {
        let cases = [
            (Format::Decimal, 7, "7"),
            (Format::DecimalZero(2), 7, "07"),
            (Format::FullWidth, 12, "１２"),
            (Format::Heavenly, 3, "丙"),
            (Format::Heavenly, 11, "甲"),
            (Format::Circled, 3, "③"),
            (Format::Circled, 21, "21"),
            (Format::Parenthesised, 10, "⑽"),
            (Format::FullStop, 2, "⒉"),
            (Format::ParenthesisedIdeograph, 1, "㈠"),
            (Format::LowerLetter, 28, "bb"),
            (Format::LowerLetter, 4_000_000_000, "4000000000"),
            (Format::UpperLetter, 3, "C"),
            (Format::LowerRoman, 14, "xiv"),
            (Format::UpperRoman, 1994, "MCMXCIV"),
            (Format::None, 4, ""),
        ];
        for (format, n, written) in cases {
            assert_eq!(format.render(n), written, "{format:?} {n}");
        }
        assert_eq!(
            Format::from_custom("001, 002, 003, ..."),
            Format::DecimalZero(3)
        );
        let long = format!("{}1, ...", "0".repeat(10_000));
        assert_eq!(Format::from_custom(&long), Format::DecimalZero(10));
        assert_eq!(
            Format::from_custom("一, 二, 三, ..."),
            Format::ChineseCounting
        );
    }
}
