//! BG030: a part listed after `其中` larger than its whole, often a 万/亿
//! slip (`总投资5.2亿元，其中…3.1万亿元`).

use super::super::{shared, Context, Finding, Related, RuleDoc, Severity};
use super::{breakdown, Bounds, Marker};
use crate::report::metrics::{oversized_of, Figure};
use crate::rules::family::Family;

pub const DOC: RuleDoc = RuleDoc {
    code: "BG030",
    name: "part-exceeds-whole",
    family: Family::Figures,
    default_severity: Severity::Warning,
    summary: "The first part listed after 其中 is larger than its whole, often a 万/亿 slip (总投资5.2亿元，其中…3.1万亿元)",
    explanation: "\
## What it does

Reads a stated total and the first figure `其中` names after it (the same
measure word, the same period, in the same clause group), and reports that
figure when it is larger than the total. Most often the two are written in
different multipliers and one of them is wrong: `万亿` for `亿`, `亿` for
`万`, or a multiplier left out.

Rounding is allowed for: each figure may stand for any value that rounds to
it as written, and the rule fires only when the smallest value of the part
exceeds the largest value of the total. A total given as a lower bound or
an estimate (`5亿余元`, `约5亿元`) and a part given as an upper bound or an
estimate say nothing.

## Why

A part cannot be larger than its whole. A slip of 万 for 亿 changes a figure
ten thousand times, yet reads as smoothly as the right one.

## Example

```text
全年完成总投资5.2亿元，其中政府投资3.1万亿元。
```

`3.1万亿元` should be `3.1亿元`.
",
};

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let text = ctx.text;
    let metrics = &ctx.figures.metrics;
    for (index, first) in oversized_of(metrics, ctx.listings()) {
        if !breakdown::trusted_total(text, metrics, index, first)
            || breakdown::trusted_parts(text, metrics, &[first]).is_empty()
        {
            continue;
        }
        let (Some(total), Some(part)) = (metrics.get(index), metrics.get(first)) else {
            continue;
        };
        let (Some(whole), Some(piece)) = (
            Bounds::of_figure(text, total),
            Bounds::of_figure(text, part),
        ) else {
            continue;
        };
        let certain = Marker::of(total) == Marker::Exact
            && (Marker::of(part) == Marker::Exact || matches!(part.approx, Some("余" | "多")));
        if !certain || piece.low <= whole.high {
            continue;
        }
        let (written_part, written_total) = (part.range.slice(text), total.range.slice(text));
        let message = if multiplier(text, part) == multiplier(text, total) {
            format!("“其中”所列{written_part}大于总数{written_total}")
        } else {
            format!("“其中”所列{written_part}大于总数{written_total}：“万”“亿”是否写错？")
        };
        let mut finding = shared::finding(&DOC, part.range, message);
        finding.push_related(Related {
            message: format!("总数：{written_total}").into(),
            range: total.range,
        });
        out.push(finding);
    }
}

/// The multiplier a figure is written with: `万亿`, `亿`, `万` or none.
fn multiplier<'t>(text: &'t str, figure: &Figure) -> &'t str {
    let after = text
        .get(figure.number.end..figure.range.end)
        .unwrap_or("")
        .trim_start_matches(['余', '多', ' ']);
    ["万亿", "亿", "万"]
        .into_iter()
        .find(|m| after.starts_with(m))
        .map_or("", |m| &after[..m.len()])
}

#[cfg(test)]
mod tests {
    use super::super::super::testing::only;

    #[test]
    fn flags_a_wan_yi_slip() {
        let text = "全年完成总投资5.2亿元，其中政府投资3.1万亿元，社会投资2.1亿元。\n";
        let found = only("BG030", text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].range.slice(text), "3.1万亿元");
        assert_eq!(
            found[0].message,
            "“其中”所列3.1万亿元大于总数5.2亿元：“万”“亿”是否写错？"
        );
        assert_eq!(found[0].related()[0].range.slice(text), "5.2亿元");
        let same = "共办理代表建议120件，其中按时办结150件。\n";
        assert_eq!(
            only("BG030", same)[0].message,
            "“其中”所列150件大于总数120件"
        );
    }

    #[test]
    fn flags_the_slip_of_a_published_report() {
        // 海南省 1997 (lawtext/gov, line 38): 182万元 for 182亿元.
        let text = "投资结构继续优化，重点项目建设加快。全社会固定资产投资完成182万元，\
            比上年下降8.1%。其中，基本建设投资137亿元，增长3.3%。\n";
        let found = only("BG030", text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].range.slice(text), "137亿元");
    }

    #[test]
    fn dont_flag_other_figures_after_qizhong() {
        for text in [
            // A change, not a total (国家统计局 2014).
            "互联网上网人数6.49亿人，增加3117万人，其中手机上网人数5.57亿人，增加5672万人。\n",
            // An average (宁夏回族自治区 2021).
            "全体居民人均可支配收入25735元、增长5.4%，其中城镇35720元、增长4.1%。\n",
            // A threshold (山东省 2011).
            "地方财政收入过10亿元的县（市、区）达到70个，其中过30亿元的11个。\n",
            // One of two counts of its kind (九江市 2014).
            "新开工建设保障性住房93122套，新竣工33892套，其中中心城区新开工49608套。\n",
            // A number broken in the copy (甘肃省 1997).
            "资金总额12亿美元，其中外资额6. 57亿美元，实际到位3.79亿美元。\n",
        ] {
            assert!(only("BG030", text).is_empty(), "{text}");
        }
    }

    #[test]
    fn dont_flag_figures_after_the_parts_or_estimates() {
        // The clause moves on to another total after its part.
        let text = "新增铁路运营里程639公里，其中高铁370公里，铁路总里程达3.66万公里。\n";
        assert!(only("BG030", text).is_empty());
        assert!(only("BG030", "完成投资约5亿元，其中政府投资5.2亿元。\n").is_empty());
        assert!(only("BG030", "完成投资5亿元，其中政府投资5.2亿元。\n").is_empty());
    }
}
