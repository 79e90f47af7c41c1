//! One figure: the numeral the scan stopped at, its multiplier, measure word
//! and markers, and the checks that turn away what is no count.

use rust_decimal::Decimal;

use super::chars::{
    char_after, char_before, is_range_connector, rfind_char, skip_space, skip_space_back,
};
use super::counted::{noun_after, What};
use super::lexicon::{unit_at, PEOPLE_NOUNS, PREFIX_MARKERS, SUFFIX_MARKERS};
use super::number::{self, Notation, Numeral};
use super::period::{framing, Span, MAX_SENTENCE_BYTES};
use super::scan::{Previous, Scanner};
use super::{Category, Claim, Figure, WhatSource};
use crate::text::TextRange;

/// Words after a measure word that turn it into something else: an ordinal
/// session (`二次会议`, `四次全会`), a duration (`3个月`), a law (`一法一条例`),
/// or an ordinary word that merely starts with the unit's character.
pub(super) fn unit_is_word(unit: &str, rest: &str) -> bool {
    let after: &[&str] = match unit {
        "期" => &["间", "工程", "项目"],
        "个" => &[
            "月",
            "小时",
            "工作日",
            "季度",
            "年度",
            "周",
            "星期",
            "学期",
            "方面",
        ],
        "条" => &["例"],
        "位" => &["于", "置"],
        "人" => &["民", "大", "口", "均"],
        "名" => &["单", "称", "录", "义"],
        "场" => &["所", "景", "地"],
        "家" => &["庭", "乡"],
        "部" => &["署", "分", "长"],
        "所" => &["有", "在", "属", "以"],
        "户" => &["籍", "口"],
        "起" => &["草", "步", "点", "来", "到"],
        "处" => &["理", "置", "长"],
        "台" => &["湾", "胞", "商", "企", "资"],
        "支" => &["持", "出", "付", "部"],
        "元" => &["素", "旦", "宵"],
        "亩" => &["均"],
        _ => &[],
    };
    after.iter().any(|w| rest.starts_with(w))
}

/// Whether the numeral at `at` continues a list of ordinals: the `2` of
/// `第1、2名`.
pub(super) fn ordinal_list(text: &str, at: usize) -> bool {
    let Some(head) = text.get(..at) else {
        return false;
    };
    let Some(rest) = head.strip_suffix(['、', ',', '，', '和', '及', '与']) else {
        return false;
    };
    let numeral = rest
        .chars()
        .rev()
        .take_while(|&c| c.is_ascii_digit() || number::han(c).is_some())
        .map(char::len_utf8)
        .sum::<usize>();
    numeral > 0 && rest[..rest.len() - numeral].ends_with('第')
}

/// Whether `次` names a session rather than counts: `市七届人大二次会议`,
/// `十二届四次全会`, `十六届人大3次会议` — a Chinese numeral, or a term
/// (`届`) just before, and a meeting after.
pub(super) fn is_session(
    text: &str,
    start: usize,
    notation: Notation,
    unit: &str,
    after: &str,
) -> bool {
    if unit != "次" || !["会", "全会", "全体"].iter().any(|w| after.starts_with(w)) {
        return false;
    }
    let window = text.ceil_char_boundary(start.saturating_sub(8 * 3));
    matches!(notation, Notation::Han { .. })
        || text
            .get(window..start)
            .is_some_and(|w| rfind_char(w, '届').is_some())
}

/// Characters that, before a one-character marker, make it part of a word
/// (`签约` `传达` `最近` `赶超`) rather than a marker.
pub(super) fn marker_is_word(marker: &str, before: Option<char>) -> bool {
    let Some(c) = before else { return false };
    let words: &str = match marker {
        "达" => "送传下表抵到直通转发雷畅豁腾练",
        "约" => "签预节制邀履违特相践集公条合婚契",
        "近" => "最附临亲靠就贴",
        "超" => "赶高",
        _ => "",
    };
    words.contains(c)
}

/// A marker between the numeral and the measure word (`480余万元`,
/// `8000多万元`, `4.2万多人次`), read at `pos` unless one was read already.
pub(super) fn infix(text: &str, pos: &mut usize, approx: &mut Option<&'static str>) {
    if approx.is_some() {
        return;
    }
    let marker = match char_after(text, *pos) {
        Some('余') => "余",
        Some('多') => "多",
        _ => return,
    };
    *approx = Some(marker);
    *pos += marker.len();
}

/// A numeral's amount and measure word, read forwards from it.
struct Measure<'t> {
    value: Decimal,
    approx: Option<&'static str>,
    unit: &'static str,
    category: Category,
    nominal: bool,
    /// No measure word: a head count followed by a noun of people
    /// (`47.74万选民`), counted in `人`.
    implied: bool,
    /// Where the measure word, or the noun of an implied one, starts.
    unit_start: usize,
    /// Where the mention ends: after the measure word and a marker after it.
    end: usize,
    /// The text right after the measure word.
    after_unit: &'t str,
}

impl<'t> Scanner<'t> {
    /// The figure whose numeral starts at `start`, if it is one; `out` holds
    /// the figures read before it.
    pub(super) fn figure(
        &mut self,
        start: usize,
        numeral: Numeral,
        notation: Notation,
        out: &[Figure],
    ) -> Option<Figure> {
        if self.joined_to_what_precedes(start) {
            return None;
        }
        let mut measure = self.measure(start, &numeral, notation)?;
        let mention_start = self.mention_start(start, notation, &mut measure)?;
        let clause = self.clause(mention_start)?;
        let (period, target) = self.period(mention_start, measure.after_unit);
        let what = self.what_counted(clause, mention_start, &mut measure, out);
        let claim = self.claim(mention_start, &what, target);
        let base = self.base;
        self.previous = Some(Previous {
            end: measure.end,
            unit: measure.unit,
            object: what.object,
            verb: what.verb,
            sentence_start: self.sentence_start,
        });
        Some(Figure {
            value: measure.value.normalize(),
            unit: measure.unit,
            category: measure.category,
            approx: measure.approx,
            what: what.text,
            what_source: what.source,
            period: period.map(str::to_string),
            span: Span::of(period, claim),
            claim,
            range: TextRange::new(base + mention_start, base + measure.end),
            // Its end is set when the scan reaches it (see `end_sentence`).
            sentence: TextRange::new(base + self.sentence_start, base + measure.end),
            paragraph: TextRange::new(base + self.paragraph_start, base + measure.end),
            number: TextRange::new(base + start, base + numeral.end),
        })
    }

    /// Whether the numeral at `start` is part of a code, formula or range:
    /// `G20`, `“20+8”`, `3·15`, the `5` of `3至5家`.
    fn joined_to_what_precedes(&self, start: usize) -> bool {
        let text = self.text;
        let Some(c) = char_before(text, start) else {
            return false;
        };
        if c.is_ascii_alphanumeric()
            || matches!(
                c,
                '+' | '＋' | '·' | '/' | '／' | '×' | '.' | '．' | '_' | '#'
            )
        {
            return true;
        }
        if !is_range_connector(c) {
            return false;
        }
        // The upper end of a range (`4.5%-5%`, `3至5家`).
        let dash = start - c.len_utf8();
        let follows_figure = self.previous.as_ref().is_some_and(|p| p.end == dash);
        follows_figure
            || char_before(text, dash).is_some_and(|d| {
                d.is_ascii_digit() || number::han(d).is_some() || matches!(d, '%' | '％')
            })
    }

    /// The multiplier, measure word and markers after the numeral, if it
    /// has a measure word (or counts people without one) and is no rate per
    /// unit nor the lower end of a range.
    fn measure(&self, start: usize, numeral: &Numeral, notation: Notation) -> Option<Measure<'t>> {
        let text = self.text;
        let mut value = numeral.value;
        let mut pos = skip_space(text, numeral.end);
        let mut approx = None;
        let mut multiplied = false;
        infix(text, &mut pos, &mut approx);
        while let Some(ch) = char_after(text, pos) {
            let Some(m) = number::multiplier(ch) else {
                break;
            };
            // `百分点` and `千瓦` are units, not 百 times 分点.
            let rest = text.get(pos..).unwrap_or("");
            if unit_at(rest).is_some() {
                break;
            }
            value = value.checked_mul(Decimal::from(m))?;
            multiplied = true;
            pos += ch.len_utf8();
        }
        infix(text, &mut pos, &mut approx);
        pos = skip_space(text, pos);
        let rest = text.get(pos..).unwrap_or("");
        let (unit, category, nominal, unit_len, implied) = match unit_at(rest) {
            Some(u) => {
                let after = &rest[u.text.len()..];
                if unit_is_word(u.text, after) || is_session(text, start, notation, u.text, after) {
                    return None;
                }
                (u.text, u.category, u.nominal, u.text.len(), false)
            }
            None => {
                // A head count written without a measure word: only a
                // large one (`47.74万选民`), not a hotline (`12345市民`).
                if !(multiplied || matches!(notation, Notation::Han { large: true, .. })) {
                    return None;
                }
                PEOPLE_NOUNS.find(rest)?;
                ("人", Category::People, false, 0, true)
            }
        };
        let unit_end = pos + unit_len;
        let mut end = unit_end;
        let after_unit = text.get(unit_end..).unwrap_or("");
        if after_unit.starts_with(['/', '／', '每']) {
            return None;
        }
        // The lower end of a range (`4.5%-5%`, `3至5家`) is no figure alone.
        if let Some(c) = after_unit.chars().next().filter(|&c| is_range_connector(c)) {
            if number::digit_at(after_unit.as_bytes(), c.len_utf8()).is_some() {
                return None;
            }
        }
        if approx.is_none() {
            if let Some(m) = SUFFIX_MARKERS.find(after_unit) {
                approx = Some(m);
                end += m.len();
            }
        }
        Some(Measure {
            value,
            approx,
            unit,
            category,
            nominal,
            implied,
            unit_start: pos,
            end,
            after_unit,
        })
    }

    /// Where the mention starts: at a marker before the numeral (`约`,
    /// `超过`), which sets `measure.approx` unless one after it did, or at
    /// the numeral. `None` for an ordinal (`第3名`, `第1、2名`, `前10名`),
    /// a rate (`每…`) or a Chinese numeral that is an idiom or a slogan.
    fn mention_start(
        &self,
        start: usize,
        notation: Notation,
        measure: &mut Measure,
    ) -> Option<usize> {
        let text = self.text;
        let mut mention_start = start;
        let lead = skip_space_back(text, start);
        let head = text.get(..lead).unwrap_or("");
        if let Some(m) = PREFIX_MARKERS.find(head) {
            let at = lead - m.len();
            if !marker_is_word(m, char_before(text, at)) {
                if measure.approx.is_none() {
                    measure.approx = Some(m);
                }
                mention_start = at;
            }
        }
        let before = char_before(text, mention_start);
        if ordinal_list(text, mention_start) {
            return None;
        }
        match before {
            Some('第' | '每') => return None,
            Some('前') if matches!(measure.unit, "名" | "位") => return None,
            _ => {}
        }
        if let Notation::Han {
            led_by_digit,
            large,
            chars,
        } = notation
        {
            // Chinese numerals are idioms and slogans far more often than
            // counts (`两个维护`, `一批`, `千家万户`, `百万`).
            let amount = led_by_digit && large && chars >= 2;
            if !(amount || measure.approx.is_some()) {
                return None;
            }
            if before.is_some_and(|c| matches!(c, '数' | '几' | '上' | '成' | '好')) {
                return None;
            }
        }
        Some(mention_start)
    }

    /// The clause before the mention, which says what was counted; `None`
    /// for a rate per unit (`每…`).
    fn clause(&self, mention_start: usize) -> Option<&'t str> {
        let clause_start = self.clause_start(mention_start);
        let clause = self.text.get(clause_start..mention_start).unwrap_or("");
        rfind_char(clause, '每').is_none().then_some(clause)
    }

    /// The period the figure is scoped to, its sentence's or else its
    /// paragraph's, and whether it is a target.
    fn period(&mut self, mention_start: usize, after_unit: &str) -> (Option<&'t str>, bool) {
        let text = self.text;
        let period_start = text.ceil_char_boundary(
            self.sentence_start
                .max(mention_start.saturating_sub(MAX_SENTENCE_BYTES)),
        );
        let sentence = framing(text, &mut self.sentence_memo, period_start, mention_start);
        // A sentence that names no period is of the one its paragraph named
        // last (`——这五年，民生福祉持续增进。…新增城镇就业35.2万人`).
        let period = sentence.period.or_else(|| {
            let from = self.paragraph_start.min(self.sentence_start);
            framing(text, &mut self.paragraph_memo, from, self.sentence_start).period
        });
        let target = sentence.target || after_unit.starts_with("的目标");
        (period, target)
    }

    /// What the figure counts: the noun of people of an implied measure word
    /// (which then ends the mention), else [`Self::what`].
    fn what_counted(
        &self,
        clause: &'t str,
        mention_start: usize,
        measure: &mut Measure,
        out: &[Figure],
    ) -> What<'t> {
        let text = self.text;
        if measure.implied {
            let rest = text.get(measure.unit_start..).unwrap_or("");
            let noun = PEOPLE_NOUNS.find(rest).unwrap_or("");
            measure.end = measure.unit_start + noun.len();
            return What {
                text: noun.to_string(),
                object: None,
                verb: None,
                source: WhatSource::Noun,
            };
        }
        let noun = match measure.category {
            Category::Money | Category::Rate => None,
            _ => noun_after(text.get(measure.end..).unwrap_or("")),
        };
        let previous_what = out.last().map_or("", |m| m.what.as_str());
        self.what(
            clause,
            mention_start,
            measure.unit,
            measure.nominal,
            noun,
            previous_what,
        )
    }

    /// A change (`从8094元提高到15345元`, `比上年增加12亿元`), a target or
    /// a stated figure.
    fn claim(&self, mention_start: usize, what: &What, target: bool) -> Claim {
        let text = self.text;
        let change = char_before(text, skip_space_back(text, mention_start))
            .is_some_and(|c| c == '从' || c == '由')
            || what.text.starts_with(['比', '较']);
        if change {
            Claim::Change
        } else if target {
            Claim::Target
        } else {
            Claim::Stated
        }
    }
}
