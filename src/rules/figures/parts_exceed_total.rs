//! BG029: the parts listed after `其中` add up to more than their total.

use rust_decimal::Decimal;

use super::super::{shared, Context, Finding, Related, RuleDoc, Severity};
use super::{breakdown, Bounds, Marker};
use crate::report::metrics::{format_amount, totals_of, Figure};
use crate::rules::family::Family;

pub const DOC: RuleDoc = RuleDoc {
    code: "BG029",
    name: "parts-exceed-total",
    family: Family::Figures,
    default_severity: Severity::Warning,
    summary: "The parts listed after 其中 add up to more than their total (共办理建议120件，其中…85件、…47件)",
    explanation: "\
## What it does

Reads a stated total and the parts `其中` lists after it, the way the
figure summary does (the same measure word, the same period), and reports
the total when the parts add up to more than it. Parts that add up to less
are normal: `其中` often lists only a selection.

Only a list that surely divides one count is added up: one enumeration
after `其中` (`其中幼儿园181所、义务教育学校125所、普通高中6所`), up to the
first clause mark after its first part, for a total that is the only count
of its kind in its sentence. Targets are no such list (`计划实施…`): the
figure summary pairs results only. A clause after a comma often counts the same
things another way (`其中新开工279个、续建238个，竣工253个`), and when some of
the parts alone make the total, the others are taken to count something
else. Changes (`增加229个`), averages and standards (`人均可支配收入`),
thresholds (`过10亿元`), bounds (`突破300亿元`), asides in brackets and
numbers broken in the copy (`1，712万吨`) are never added up.

Rounding is allowed for: each figure may stand for any value that rounds to
it as written (`5.2亿元` is 5.15亿 to 5.25亿, `85件` is 84.5 to 85.5), and the
rule fires only when even the smallest values of the parts exceed the
largest value of the total. A total given as a lower bound or an estimate
(`120余件`, `约5亿元`) and a part given as an estimate (`约3亿元`) leave the
sum open, and say nothing.

## Why

A breakdown that exceeds its total means one of the figures was mistyped or
taken from another year, and the reader who adds them up will notice.

## Example

```text
新认定自治区级现代特色农业示范区13个，其中五星级8个、四星级10个。
```

8 + 10 = 18 is more than 13.
",
};

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let text = ctx.text;
    let metrics = &ctx.figures.metrics;
    for stated in totals_of(metrics, ctx.listings()) {
        let Some(total) = metrics.get(stated.total) else {
            continue;
        };
        let Some(&first) = stated.parts.first() else {
            continue;
        };
        if !breakdown::trusted_total(text, metrics, stated.total, first) {
            continue;
        }
        let parts = breakdown::trusted_parts(text, metrics, &stated.parts);
        if parts.len() < 2 || !exceeds(text, total, &parts) {
            continue;
        }
        let sum: Decimal = parts.iter().map(|p| p.value).sum();
        let mut finding = shared::finding(
            &DOC,
            total.range,
            format!(
                "“其中”所列各项合计{}{}，多于总数{}",
                format_amount(sum),
                total.unit,
                total.range.slice(text)
            ),
        );
        finding.extend_related(parts.iter().map(|part| Related {
            message: format!("其中一项：{}", part.range.slice(text)).into(),
            range: part.range,
        }));
        out.push(finding);
    }
}

/// Whether the smallest values the parts may stand for add up to more than
/// the largest the total may: rounding and markers allowed for.
fn exceeds(text: &str, total: &Figure, parts: &[&Figure]) -> bool {
    let Some(most) = Bounds::of_figure(text, total)
        .filter(|_| matches!(Marker::of(total), Marker::Exact | Marker::AtMost))
        .map(|b| b.high)
    else {
        return false;
    };
    let Some(whole) = Bounds::of_figure(text, total) else {
        return false;
    };
    let mut bounds = Vec::with_capacity(parts.len());
    for part in parts {
        match Bounds::of_figure(text, part)
            .filter(|_| matches!(Marker::of(part), Marker::Exact | Marker::AtLeast))
        {
            Some(b) => bounds.push(b),
            None => return false,
        }
    }
    let least: Decimal = bounds.iter().map(|b| b.low).sum();
    least > most && !some_parts_make_the_total(&bounds, whole)
}

/// Whether some of the parts, not all, may add up to the total: then the
/// others count something else (`项目517个，其中新开工279个、续建238个，
/// 竣工253个`: 279 + 238 = 517, and the completed ones are of another kind).
fn some_parts_make_the_total(parts: &[Bounds], total: Bounds) -> bool {
    // Lists are short; a long one is left unjudged.
    let Some(all) = 1u32.checked_shl(u32::try_from(parts.len()).unwrap_or(u32::MAX)) else {
        return true;
    };
    if parts.len() > 12 {
        return true;
    }
    (1..all - 1).any(|set| {
        let chosen = parts
            .iter()
            .enumerate()
            .filter(|(i, _)| set & (1 << i) != 0)
            .map(|(_, b)| *b);
        let (low, high) = chosen.fold((Decimal::ZERO, Decimal::ZERO), |(l, h), b| {
            (l + b.low, h + b.high)
        });
        low <= total.high && high >= total.low
    })
}

#[cfg(test)]
mod tests {
    use super::super::super::testing::only;

    /// 河池市 2022 (lawtext/gov, line 17): 3 + 10 = 13.
    const HECHI: &str = "全面启动田园综合体建设，首批11个试点完成投资35亿元。\
        新认定自治区级现代特色农业示范区13个，其中五星级3个、四星级10个，认定数量排在全区第二。\n";

    #[test]
    fn flags_parts_that_add_up_to_more() {
        let text = HECHI.replace("五星级3个", "五星级8个");
        let found = only("BG029", &text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].range.slice(&text), "13个");
        assert_eq!(found[0].message, "“其中”所列各项合计18个，多于总数13个");
        assert_eq!(found[0].related().len(), 2);
        let money = "全年完成投资5.2亿元，其中市级投资3.1亿元、区级投资2.3亿元。\n";
        assert_eq!(only("BG029", money).len(), 1);
    }

    #[test]
    fn dont_flag_published_breakdowns() {
        assert!(only("BG029", HECHI).is_empty());
        // 盘锦市 2020 (line 21): the completed projects are counted another way.
        let panjin = "实施重点项目517个，其中新开工279个、续建238个，竣工253个。\n";
        assert!(only("BG029", panjin).is_empty());
        // 宁夏回族自治区 2019 (line 22): incomes per head do not add up.
        let incomes = "全体居民人均可支配收入22400元、增长8.9%，\
            其中城镇和农村居民人均可支配收入分别为31895元和11708元。\n";
        assert!(only("BG029", incomes).is_empty());
    }

    #[test]
    fn dont_flag_a_selection_or_rounding() {
        // A selection adds up to less.
        assert!(only("BG029", "共审议法规32件，其中制定18件、修改10件。\n").is_empty());
        // 5.2亿 may be as much as 5.25亿, 3.1亿 + 2.15亿 as little as 5.195亿.
        assert!(only(
            "BG029",
            "完成投资5.2亿元，其中市级3.1亿元、区级2.15亿元。\n"
        )
        .is_empty());
        // A total given as a lower bound, parts as estimates, a change.
        assert!(only("BG029", "共办理建议120余件，其中办结85件、在办47件。\n").is_empty());
        assert!(only("BG029", "共办理建议120件，其中办结约85件、在办约47件。\n").is_empty());
        assert!(only(
            "BG029",
            "新开工项目4241个、增加229个，其中工业项目150个、服务业项目90个。\n"
        )
        .is_empty());
    }
}
