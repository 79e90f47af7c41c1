//! BG031: a rate of change that disagrees with the two values it joins
//! (`从1.2万人增加到1.5万人，增长40%`).

use rust_decimal::Decimal;

use super::super::{shared, Context, Finding, Related, RuleDoc, Severity};
use super::{rounded, Bounds, Marker};
use crate::report::metrics::{Category, Figure};
use crate::rules::family::Family;

pub const DOC: RuleDoc = RuleDoc {
    code: "BG031",
    name: "change-rate",
    family: Family::Figures,
    default_severity: Severity::Warning,
    summary:
        "A rate of change disagrees with the two values it joins (从1.2万人增加到1.5万人，增长40%)",
    explanation: "\
## What it does

Reads a change from one value to another followed at once by its rate —
`从X增加到Y，增长Z%`, `由X下降到Y，下降Z%`, `由X%提高到Y%，提高Z个百分点` — and
reports the rate when it cannot be the change between the two values. A
rate in `%` is compared with (Y − X) / X, a rate in `个百分点` with Y − X.

Rounding is allowed for: each figure may stand for any value that rounds to
it as written (`1.2万人` is 11,500 to 12,500; `25%` is 24.5% to 25.5%). The
rule computes every rate the two values may give and fires only when the
rate as written, give or take half a unit of its last digit, is none of
them. It says nothing when unsure: a yearly average (`年均增长`), a real or
comparable-price growth (`实际增长`), a rate of something else named in
between (`增加值增长`), a rate in `%` between two percentages (it may mean
points), a multiple (`倍`) and any value given as an estimate.

## Why

The rate and the two values it joins are usually copied from different
tables; when one of them is from another year or was mistyped, the sentence
contradicts itself in front of the reader.

## Example

```text
城镇新增就业从1.2万人增加到1.5万人，增长40%。
```

1.2万 to 1.5万 is an increase of 25%, not 40%.
",
};

/// Verbs of a change up and down.
const UP: [&str; 8] = [
    "增加", "提高", "增长", "上升", "提升", "扩大", "攀升", "跃升",
];
const DOWN: [&str; 8] = [
    "下降", "减少", "降低", "缩小", "缩减", "压减", "压缩", "回落",
];

/// Aggregates whose growth is reported at comparable prices (`地区生产总值…
/// 增长13.3%`).
const AGGREGATES: [&str; 5] = ["生产总值", "GDP", "增加值", "产值", "经济总量"];

/// Whether a change goes up or down, as its verb says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    Up,
    Down,
}

impl Direction {
    /// The direction `word` says, if it is one of `up` or `down`.
    fn of(word: &str, up: &[&str], down: &[&str]) -> Option<Direction> {
        if up.contains(&word) {
            Some(Direction::Up)
        } else if down.contains(&word) {
            Some(Direction::Down)
        } else {
            None
        }
    }
}

/// `s` without the year of a value at its end (`2020年的`, `2015年底的`).
fn without_year(s: &str) -> &str {
    let t = s.strip_suffix('的').unwrap_or(s);
    let year = t
        .strip_suffix("年底")
        .or_else(|| t.strip_suffix("年末"))
        .or_else(|| t.strip_suffix('年'));
    let digits = |y: &str| {
        y.len()
            .checked_sub(4)
            .and_then(|at| y.get(at..))
            .is_some_and(|d| d.bytes().all(|b| b.is_ascii_digit()))
    };
    match year {
        Some(y) if digits(y) => y.get(..y.len() - 4).unwrap_or(s),
        _ => s,
    }
}

/// Whether the text before a value starts a change: `从` or `由`, with the
/// year of the value (`由2015年的`).
fn starts_change(head: &str) -> bool {
    without_year(head).ends_with(['从', '由'])
}

/// The words between the two values: a verb of change and `到` (`增加到`,
/// `提高至`, `降至`), with the year of the second value (`提高到2020年的`).
fn between(s: &str) -> Option<Direction> {
    let s = without_year(s);
    match s {
        "增至" | "升至" => return Some(Direction::Up),
        "降至" | "减至" => return Some(Direction::Down),
        _ => {}
    }
    let verb = s.strip_suffix('到').or_else(|| s.strip_suffix('至'))?;
    Direction::of(verb, &UP, &DOWN)
}

/// The words between the second value and its rate: the verb of change,
/// said again (`，增长`, `、下降了`, `，增幅为`).
fn before_rate(s: &str) -> Option<Direction> {
    let s = s.strip_prefix(['，', ',', '、']).unwrap_or(s);
    let s = s.strip_prefix("同比").unwrap_or(s);
    let s = s.strip_suffix(['了', '为', '达']).unwrap_or(s);
    match s {
        "增幅" => Some(Direction::Up),
        "降幅" | "减幅" => Some(Direction::Down),
        _ => Direction::of(s, &UP, &DOWN),
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let text = ctx.text;
    let metrics = &ctx.figures.metrics;
    for (i, from) in metrics.iter().enumerate() {
        let (Some(to), Some(rate)) = (metrics.get(i + 1), metrics.get(i + 2)) else {
            continue;
        };
        if let Some(finding) = disagreement(text, from, to, rate) {
            out.push(finding);
        }
    }
}

/// The finding on `rate` when `from`, `to` and `rate` read `从X增加到Y，增长Z%`
/// and Z cannot be the change from X to Y.
fn disagreement(text: &str, from: &Figure, to: &Figure, rate: &Figure) -> Option<Finding> {
    // Cheap tests first: most figures start no change.
    if from.unit != to.unit || rate.category != Category::Rate {
        return None;
    }
    let head = text.get(from.paragraph.start..from.range.start)?;
    let head = head.get(head.len().saturating_sub(24)..).unwrap_or(head);
    if !starts_change(head) {
        return None;
    }
    let change = between(text.get(from.range.end..to.range.start)?)?;
    let said = before_rate(text.get(to.range.end..rate.range.start)?)?;
    if change != said {
        return None;
    }
    // The growth of an economic aggregate is at comparable prices, not the
    // change of the current-price values it joins.
    let subject = super::words_before(text, from.sentence.start, from.range.start);
    if AGGREGATES.iter().any(|w| subject.contains(w)) {
        return None;
    }
    if [from, to, rate].iter().any(|f| super::is_broken(text, f)) {
        return None;
    }
    let exact = |f: &Figure| Marker::of(f) == Marker::Exact;
    if !(exact(from) && exact(to) && exact(rate)) {
        return None;
    }
    let (x, y, z) = (
        Bounds::of_figure(text, from)?,
        Bounds::of_figure(text, to)?,
        Bounds::of_figure(text, rate)?,
    );
    // The direction must be what the values show.
    let rises = to.value > from.value;
    if rises != (change == Direction::Up) || to.value == from.value {
        return None;
    }
    let percent = |unit: &str| matches!(unit, "%" | "％");
    let points = match (percent(from.unit), rate.unit) {
        (true, "个百分点") => true,
        (false, unit) if percent(unit) && from.unit != "个百分点" => false,
        _ => return None,
    };
    let hundred = Decimal::ONE_HUNDRED;
    // Every change the two values may give, as the rate would say it: the
    // least and the most, and the change between the values as written.
    let (least, most, central) = if points {
        let (least, most) = match change {
            Direction::Up => (y.low - x.high, y.high - x.low),
            Direction::Down => (x.low - y.high, x.high - y.low),
        };
        (least, most, (to.value - from.value).abs())
    } else {
        // Y / X in %.
        let percent = |a: Decimal, b: Decimal| {
            (b > Decimal::ZERO)
                .then(|| a.checked_div(b))
                .flatten()
                .map(|r| r * hundred)
        };
        let (least, most) = match change {
            Direction::Up => (
                percent(y.low, x.high)? - hundred,
                percent(y.high, x.low)? - hundred,
            ),
            Direction::Down => (
                hundred - percent(y.high, x.low)?,
                hundred - percent(y.low, x.high)?,
            ),
        };
        let central = (percent(to.value, from.value)? - hundred).abs();
        (least, most, central)
    };
    if z.high >= least && z.low <= most {
        return None;
    }
    let decimals = rate
        .number
        .slice(text)
        .split_once(['.', '．'])
        .map_or(0, |(_, f)| f.chars().count());
    let shown = rounded(central, u32::try_from(decimals).ok()? + 1);
    let (written_from, written_to) = (from.range.slice(text), to.range.slice(text));
    let written_rate = rate.range.slice(text);
    let message = match (points, change) {
        (true, _) => {
            format!("由{written_from}到{written_to}相差{shown}个百分点，与所写{written_rate}不符")
        }
        (false, Direction::Up) => {
            format!("由{written_from}到{written_to}的增幅为{shown}%，与所写{written_rate}不符")
        }
        (false, Direction::Down) => {
            format!("由{written_from}到{written_to}的降幅为{shown}%，与所写{written_rate}不符")
        }
    };
    let mut finding = shared::finding(&DOC, rate.range, message);
    finding.push_related(Related {
        message: format!("起点：{written_from}").into(),
        range: from.range,
    });
    finding.push_related(Related {
        message: format!("终点：{written_to}").into(),
        range: to.range,
    });
    Some(finding)
}

#[cfg(test)]
mod tests {
    use super::super::super::testing::only;

    #[test]
    fn flags_a_rate_that_does_not_fit() {
        let text = "城镇新增就业从1.2万人增加到1.5万人，增长40%。\n";
        let found = only("BG031", text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].range.slice(text), "40%");
        assert_eq!(
            found[0].message,
            "由1.2万人到1.5万人的增幅为25%，与所写40%不符"
        );
        assert_eq!(found[0].related()[0].range.slice(text), "1.2万人");
        assert_eq!(found[0].related()[1].range.slice(text), "1.5万人");
        let down = "审批事项由1309项减少到277项，减少69%。\n";
        assert_eq!(
            only("BG031", down)[0].message,
            "由1309项到277项的降幅为78.8%，与所写69%不符"
        );
        let points = "城镇化率由36.9%提高到37.7%，提高1.8个百分点。\n";
        assert_eq!(only("BG031", points)[0].range.slice(points), "1.8个百分点");
        // Full-width percent signs (沈阳市 2005, line 40, the points changed).
        let full = "农产品加工率由29％提高到40％，增长14个百分点。\n";
        assert_eq!(
            only("BG031", full)[0].message,
            "由29％到40％相差11个百分点，与所写14个百分点不符"
        );
    }

    #[test]
    fn dont_flag_published_rates() {
        // 深圳市 2012 (lawtext/gov, line 26).
        let text = "居民人均可支配收入从3.24万元提高到3.63万元，增长12%；\
            最低工资标准从每月1100元提高到1320元，增长20%。\n";
        assert!(only("BG031", text).is_empty());
        let seeded = text.replace("增长12%", "增长21%");
        assert_eq!(only("BG031", &seeded).len(), 1);
    }

    #[test]
    fn allows_for_rounding() {
        // 10万 / 8.5万 is 17.6%; 8.45万 to 10.5万 could give up to 24%.
        assert!(only("BG031", "人数由8.5万人增加到10万人，同比增加18%。\n").is_empty());
        assert!(only("BG031", "由36.9％增加到37.7％，提高0.8个百分点。\n").is_empty());
        assert!(only("BG031", "由1309项减少到277项，减少79%。\n").is_empty());
    }

    #[test]
    fn dont_flag_other_rates() {
        for text in [
            // A yearly average, a real growth, the rate of something else.
            "从254.9亿元增加到421.7亿元，年均增长10.6%。\n",
            "人均收入从3.24万元提高到3.63万元，实际增长8%。\n",
            "规模以上工业企业由85户增加至96户，增加值增长16.7%。\n",
            // A rate in % between two percentages may mean points.
            "比重由1.1%提高到1.4%，增长46.36%。\n",
            // Growth of an aggregate at comparable prices (乌鲁木齐市 2021).
            "工业增加值由559.4亿元增加到690亿元，增长17.6%。\n",
            // An estimate, and a rate that goes the other way.
            "从1.2万人增加到1.5万人，增长40%左右。\n",
            "从1.2万人增加到1.5万人，下降40%。\n",
        ] {
            assert!(only("BG031", text).is_empty(), "{text}");
        }
    }
}
