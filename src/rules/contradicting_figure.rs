//! BG013: one thing counted with two different values in one part.

use super::shared;
use super::{Context, Finding, Related, RuleDoc, Severity};

pub const DOC: RuleDoc = RuleDoc {
    code: "BG013",
    name: "contradicting-figure",
    family: super::Family::Figures,
    default_severity: Severity::Warning,
    summary: "The same thing is counted with different values in one part of a report (会议9次 here, 8次 there)",
    explanation: "\
## What it does

Compares the counted figures of each part of a report (DOMAIN §3): when the
same specific thing (`召开常委会会议`) is counted twice in the same unit and
period with different exact values, the later mention is flagged and the
earlier one is shown as related information. Approximate figures (`480余万元`),
figures of different periods (`五年来`, `累计`, `2022年`, read from the
sentence or else its paragraph), a review's results against the tasks'
targets, and the matter after the report (a list of last year's 实事, each
with what it achieved) are never compared.

A report repeats a phrase for many subjects (`完成投资` of each programme,
`城镇新增就业` of the year and of the five years), so only what is surely one
claim is compared: results, not rates (`增长7.5%`), targets (`力争…`) or
changes (`比上年增加…`); a part's own text against its sections, not two
sections against each other, nor two mentions in one paragraph, nor two
lists of figures (each the summary of its own place or period); and values
at most twice apart (a slip is off by a little, a five-year total or a whole
and its part by several times).

## Why

The summary at the top of a review and the section that details it are often
written by different people; a figure that disagrees is read aloud and
printed, and the press will notice.

## Example

```text
过去一年,共召开常委会会议9次,审议法规32件。
……
(一)全年召开常委会会议8次……
```

says 9 meetings in one place and 8 in another.
",
};

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let figures = ctx.figures;
    for c in &figures.contradictions {
        let (Some(first), Some(second)) =
            (figures.metrics.get(c.first), figures.metrics.get(c.second))
        else {
            continue;
        };
        let mut finding = shared::finding(
            &DOC,
            second.range,
            format!(
                "“{}”此处为{},前文为{}",
                second.what,
                second.range.slice(ctx.text),
                first.range.slice(ctx.text)
            ),
        );
        finding.push_related(Related {
            message: format!("前文:{}{}", first.what, first.range.slice(ctx.text)).into(),
            range: first.range,
        });
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{codes, fixture, run};

    #[test]
    fn flags_nine_meetings_then_eight() {
        let text = "××市人大常委会工作报告\n各位代表:\n过去一年的主要工作\n\
                    2022年共召开常委会会议9次,审议法规32件。\n\
                    一、依法立法\n(一)全年召开常委会会议8次,审议法规32件。\n";
        let found: Vec<_> = run(text)
            .into_iter()
            .filter(|f| f.code == "BG013")
            .collect();
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].range.slice(text), "8次");
        assert_eq!(found[0].related()[0].range.slice(text), "9次");
        assert!(
            found[0].message.contains("此处为8次,前文为9次"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn dont_flag_a_plan_beside_its_outcome_after_the_report() {
        // 南通 2014's appendix: last year's 实事, each with what it achieved.
        let text = "政府工作报告\n各位代表：\n现在，我代表市人民政府向大会作工作报告，请予审议。\n\
                    一、2013年工作回顾\n全市创建省级优质幼儿园18所。\n\
                    二、2014年主要任务\n新建中小学校10所。\n\
                    各位代表，让我们团结奋斗，为建设美好南通而努力奋斗！\n\
                    附件一\n2013年为民办实事项目完成情况\n\
                    1．全市创建省级优质幼儿园20所。\n全市创建省级优质幼儿园21所。\n\
                    2．市区新建公共停车泊位1030个。\n市区新建公共停车泊位1070个。\n";
        let found: Vec<_> = run(text)
            .into_iter()
            .filter(|f| f.code == "BG013")
            .collect();
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn dont_flag_agreeing_or_approximate_figures() {
        let same =
            "过去一年的主要工作\n共召开常委会会议9次。\n一、依法立法\n全年召开常委会会议9次。\n";
        assert_eq!(codes(&run(same), "BG013"), 0);
        let approx =
            "过去一年的主要工作\n接待群众来访1460余人次。\n一、信访\n接待群众来访1400人次。\n";
        assert_eq!(codes(&run(approx), "BG013"), 0);
    }

    /// The year's figures and the five years' in one review (武汉市 2022,
    /// from `lawtext/gov`; the paragraphs shortened).
    const WUHAN: &str = "武汉市政府工作报告\n各位代表：\n\
        现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。\n\
        一、2021年和过去五年工作回顾\n\
        过去的2021年，极具考验、极为难忘、极不平凡。\n\
        六是大力办好民生实事增进人民福祉。打好稳就业、促增收、控物价“组合拳”，\
        城镇新增就业29.98万人，居民人均可支配收入稳定增长，居民消费价格指数上涨1%左右。\n\
        各位代表！本届政府任期的五年，发展环境充满挑战，发展历程波澜壮阔，发展成就催人奋进。\n\
        人民群众获得感幸福感安全感不断增强。城镇新增就业118.77万人，大学毕业生留汉就业创业173万人。\n";

    #[test]
    fn dont_flag_published_passages() {
        assert_eq!(codes(&run(WUHAN), "BG013"), 0);
        // Two programmes and their increases on the year before
        // (内蒙古自治区 2010).
        let programmes = "内蒙古自治区政府工作报告\n各位代表：\n\
            二、2010年的主要任务\n\
            （六）着力保障和改善民生，加快发展社会事业\n\
            办好“十件实事”。预计各级将投入资金116亿元，比上年增加12亿元。\n\
            实施“十项民生工程”。预计各级将投入资金396亿元，比上年增加19亿元，\
            重点是覆盖面大、带动力强、周期较长的民生项目。\n";
        assert_eq!(codes(&run(programmes), "BG013"), 0);
    }

    #[test]
    fn flags_a_slip_seeded_in_a_published_passage() {
        let seeded = WUHAN.replace(
            "发展成就催人奋进。\n",
            "发展成就催人奋进。\n大学毕业生留汉就业创业137万人，创历史新高。\n",
        );
        let found: Vec<_> = run(&seeded)
            .into_iter()
            .filter(|f| f.code == "BG013")
            .collect();
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].range.slice(&seeded), "173万人");
        assert_eq!(found[0].related()[0].range.slice(&seeded), "137万人");
    }

    #[test]
    fn flags_a_changed_figure_in_a_real_report() {
        let text = fixture("renda-baicheng.txt");
        assert_eq!(codes(&run(&text), "BG013"), 0);
        let seeded = text.replace(
            "一是精准推进特色立法供给。",
            "一是精准推进特色立法供给。全年召开常委会会议6次。",
        );
        let found: Vec<_> = run(&seeded)
            .into_iter()
            .filter(|f| f.code == "BG013")
            .collect();
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].range.start, seeded.find("6次").unwrap());
        assert_eq!(found[0].related()[0].range.slice(&seeded), "5次");
    }
}
