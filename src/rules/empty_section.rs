//! BG011: a heading with nothing under it.

use super::shared;
use super::{Context, Finding, RuleDoc, Severity};
use crate::report::{Kind, Level, Node, Part};

pub const DOC: RuleDoc = RuleDoc {
    code: "BG011",
    name: "empty-section",
    family: super::Family::Structure,
    default_severity: Severity::Warning,
    summary: "A heading has no text and no subsections under it",
    explanation: "\
## What it does

Finds a heading (`一、` `（一）` `1.` `（1）`, or an unnumbered part heading such
as `2023年工作安排`) followed directly by the next heading of the same or a
higher level: the section it opens is empty. A heading whose text continues
after its first sentence on the same line is not empty, nor is a point below
the top level stated as a whole sentence (`（4）深入开展校企合作，新增100个
工科专业。`), nor a part heading over a heading of the same part (`今后五年政府
工作` / `指导思想和主要任务`).

## Why

An empty section is a placeholder left in the draft, or text lost when
passages were moved.

## Example

```text
（一）加强政治建设
（二）加强思想建设
常委会坚持……
```

`（一）` has no text.
",
};

/// Parts that are paragraphs, not headings: they have no body of their own.
/// A part that is a paragraph, not a heading over one: its text is its
/// content. The lessons are either: `过去五年工作体会` heads a section, `我们深切
/// 体会到，…必须坚持以下几点：` is a paragraph leading its points.
fn is_paragraph_part(node: &Node) -> bool {
    node.part == Some(Part::Lessons) && node.label.contains(['，', ','])
        || node.part.is_some_and(Part::has_no_heading)
}

/// The next heading is a short unnumbered line that names no part, or the
/// same part as this one: most likely the second line of this heading
/// (`坚持党的领导` / `护航……方向`), or a heading under it (`今后五年政府工作` /
/// `指导思想和主要任务`), rather than an empty section. `by_start` is the
/// report's nodes by where their headings start (in walk order where two
/// start together).
fn subtitle_follows(by_start: &[&Node], node: &Node) -> bool {
    let next = by_start.partition_point(|n| n.heading.start < node.heading.end);
    by_start.get(next).is_some_and(|n| {
        n.level == Level::Part && n.marker.is_none() && (n.part.is_none() || n.part == node.part)
    })
}

/// A numbered item below the top level written as a whole sentence
/// (`（4）深入开展校企合作，新增100个工科专业、1000个实训基地。`): a point of a
/// list stated in full, its own content, not a heading over a section.
fn is_run_in_item(ctx: &Context, node: &Node) -> bool {
    node.marker.is_some()
        && node.level > Level::H1
        && node
            .heading
            .slice(ctx.text)
            .trim_end_matches(['*', ' ', '”', '’', '）', ')'])
            .ends_with(['。', '；', ';', '！', '!'])
}

/// The next node after `node` is a paragraph of text read as a part: the
/// thanks, the shortcomings or the lessons, a part announced by the first
/// sentence of a paragraph (`今年是…。`) or by a sentence that introduces
/// what follows (`今年重点抓好以下八个方面的工作：`). Text under a heading,
/// whatever part it plays; only the closing ends a section with nothing in it.
fn text_follows(ctx: &Context, by_start: &[&Node], node: &Node) -> bool {
    let next = by_start.partition_point(|n| n.heading.start < node.heading.end);
    let Some(n) = by_start.get(next) else {
        return false;
    };
    if matches!(n.part, Some(Part::Thanks | Part::Shortcomings)) {
        return true;
    }
    if n.level != Level::Part || n.marker.is_some() {
        return false;
    }
    let heading = n.heading.slice(ctx.text).trim_end_matches(['*', ' ']);
    if heading.ends_with([':', '：']) {
        return true;
    }
    let paragraphs = &ctx.document.paragraphs;
    let at = paragraphs.partition_point(|p| p.end <= n.heading.start);
    paragraphs
        .get(at)
        .filter(|p| p.contains(n.heading.start))
        .and_then(|p| ctx.text.get(n.heading.end..p.end))
        .is_some_and(has_text)
}

/// Whether `s` holds more than blanks, markdown marks and end punctuation.
fn has_text(s: &str) -> bool {
    s.chars()
        .any(|c| !c.is_whitespace() && !matches!(c, '\u{feff}' | '*' | '#' | '。' | ':' | '：'))
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for report in &ctx.document.reports {
        // Sorted once, when a first empty heading needs it: a walk of the
        // report for each was quadratic in its headings.
        let mut by_start: Option<Vec<&Node>> = None;
        let other = shared::kind_of(ctx, report) == Kind::Other;
        let mut stack: Vec<&Node> = report.nodes.iter().collect();
        while let Some(node) = stack.pop() {
            if node.part == Some(Part::Appendix) {
                continue;
            }
            stack.extend(node.children.iter());
            if node.level == Level::Item || is_paragraph_part(node) || !node.children.is_empty() {
                continue;
            }
            // Outside a report (a notice printed before one), a short line
            // of no part is as likely a signature (`西安市人民政府`,
            // `2025年3月28日`) as a heading.
            if other && node.level == Level::Part && node.marker.is_none() && node.part.is_none() {
                continue;
            }
            let body = ctx.text.get(node.heading.end..node.range.end).unwrap_or("");
            if has_text(body) {
                continue;
            }
            let by_start = by_start.get_or_insert_with(|| {
                let mut nodes: Vec<&Node> = report.walk().collect();
                nodes.sort_by_key(|n| n.heading.start);
                nodes
            });
            if is_run_in_item(ctx, node)
                || subtitle_follows(by_start, node)
                || text_follows(ctx, by_start, node)
            {
                continue;
            }
            out.push(shared::finding(
                &DOC,
                node.heading,
                format!("“{}”下没有内容", node.label),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{fixture, only};

    fn bg011(text: &str) -> Vec<super::Finding> {
        only("BG011", text)
    }

    #[test]
    fn flags_a_heading_followed_by_its_sibling() {
        let text = "一、甲\n(一)加强政治建设\n(二)加强思想建设\n常委会坚持学习。\n";
        let found = bg011(text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].range.slice(text), "(一)加强政治建设");
        assert_eq!(found[0].message, "“加强政治建设”下没有内容");
    }

    #[test]
    fn dont_flag_headings_with_text_on_their_line_or_subsections() {
        let inline =
            "一、甲\n(一)加强政治建设。常委会坚持学习。\n(二)加强思想建设。常委会坚持实践。\n";
        assert_eq!(bg011(inline).len(), 0);
        let nested = "一、甲\n(一)子\n内容。\n";
        assert_eq!(bg011(nested).len(), 0);
        let subtitle = "一、坚持党的领导\n护航全过程人民民主正确政治方向\n常委会坚持党的领导。\n";
        assert_eq!(bg011(subtitle).len(), 0, "{:#?}", bg011(subtitle));
    }

    #[test]
    fn flags_an_emptied_section_in_a_real_report() {
        let text = fixture("renda-baicheng.txt");
        let heading = "四、聚焦践行全过程人民民主这一本质要求,服务与管理并举,代表履职更加有为\n";
        let start = text.find(heading).unwrap() + heading.len();
        let end = text.find("五、聚焦全面建设").unwrap();
        let seeded = format!("{}{}", &text[..start], &text[end..]);
        let found = bg011(&seeded);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].range.slice(&seeded).starts_with("四、聚焦践行"));
    }

    #[test]
    fn dont_flag_enumerations_or_text_read_as_a_part() {
        let inline = "一、甲\n(一)办好实事。(1)开展技能培训。(2)建设口袋公园。\n(二)乙\n内容。\n";
        assert_eq!(bg011(inline).len(), 0, "{:#?}", bg011(inline));
        let opening = "一、甲\n(一)子\n(1)开展技能培训。(2)建设口袋公园。\n(二)乙\n内容。\n";
        assert_eq!(bg011(opening).len(), 0, "{:#?}", bg011(opening));
        let list = "一、甲\n今年办好三件实事。\n1、缓解市民“出行难”。\n2、改善空气质量。\n3、实施饮水安全工程。\n二、乙\n内容。\n";
        assert_eq!(bg011(list).len(), 0, "{:#?}", bg011(list));
        let glossary =
            "一、甲\n内容。\n名词解释\n1.“六稳”：稳就业、稳金融。\n2.“六保”：保居民就业。\n";
        assert_eq!(bg011(glossary).len(), 0, "{:#?}", bg011(glossary));
    }

    #[test]
    fn dont_flag_points_stated_in_full_or_a_part_over_its_subtitle() {
        // 山东 2012 and 荆门 2016: a list's point is one whole sentence.
        let points = "一、甲\n（一）子\n（3）加强职业培训。健全人力资源市场。\n（4）深入开展校企合作，新增100个工科专业、1000个实训基地。\n（5）继续提高企业最低工资标准。全省企业工资指导基准线上调。\n";
        assert_eq!(bg011(points).len(), 0, "{:#?}", bg011(points));
        // 泸州 2022: a tasks part over the first of its own headings.
        let group = "一、2021年工作回顾\n内容。\n今后五年政府工作\n指导思想和主要任务\n今后五年，我们将坚持……\n";
        assert_eq!(bg011(group).len(), 0, "{:#?}", bg011(group));
        // A top-level heading written as a sentence still needs its section.
        let top = "一、甲\n内容。\n二、坚持不懈提效能，政府自身建设全面加强。\n三、丙\n内容。\n";
        assert_eq!(bg011(top).len(), 1, "{:#?}", bg011(top));
    }

    #[test]
    fn dont_flag_the_signature_of_a_notice() {
        // 西安 2025: the notice that publishes the report, signed.
        let text = "西安市人民政府关于印发《政府工作报告》的通知\n各区、县人民政府：\n《政府工作报告》已经大会审议通过，现印发给你们，请认真贯彻落实。\n西安市人民政府\n2025年3月28日\n";
        assert_eq!(bg011(text).len(), 0, "{:#?}", bg011(text));
    }
}
