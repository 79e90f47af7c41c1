//! A stated total and its parts as the figure rules trust them: the summary's
//! pairing ([`stated_totals`](crate::report::metrics::stated_totals)) reads
//! every `其中` list, but only one that surely divides one count may be held
//! to add up. Reports chain figures of other kinds into the same sentence
//! (`项目517个，其中新开工279个、续建238个，竣工253个`), give a change or an
//! average where a count would stand (`增加229个，其中…`, `人均可支配收入22400元，
//! 其中城镇…31895元`) and restate a part as a bound and a value (`突破300亿元、
//! 达到301.9亿元`).

use crate::report::metrics::{Category, Figure};

/// Words of a clause that make its figure a change, not a count.
const CHANGE: [&str; 13] = [
    "增加",
    "增长",
    "减少",
    "下降",
    "净增",
    "净减",
    "提高",
    "降低",
    "上升",
    "扩大",
    "比上年",
    "同比",
    "较上年",
];

/// Words that make a figure an average, a rate per head or a standard,
/// which parts do not add up to.
const AVERAGE: [&str; 9] = [
    "人均", "平均", "年均", "户均", "均价", "标准", "价格", "单价", "每",
];

/// The clause a figure's mention ends: back to the last mark or figure.
fn clause<'t>(text: &'t str, figure: &Figure, previous: Option<&Figure>) -> &'t str {
    let from = previous.map_or(figure.sentence.start, |p| {
        p.range.end.max(figure.sentence.start)
    });
    let before = super::words_before(text, from, figure.range.start);
    let start = before
        .rfind(['，', ',', '；', ';', '：', ':', '。'])
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    before.get(start..).unwrap_or("")
}

/// Whether a figure, in the clause before it, counts: no change, average,
/// threshold (`过10亿元`) or bound (`突破300亿元`) but a plain amount.
fn counts(text: &str, figure: &Figure, previous: Option<&Figure>) -> bool {
    let words = clause(text, figure, previous);
    let bound = matches!(
        figure.approx,
        Some(
            "突破"
                | "超过"
                | "超"
                | "逾"
                | "不少于"
                | "不低于"
                | "以上"
                | "以下"
                | "以内"
                | "不超过"
        )
    );
    // `浚单20项目`: a name and 项目, not 20 项.
    let after = text.get(figure.range.end..).unwrap_or("");
    let project = figure.unit == "项" && after.starts_with('目') && !after.starts_with("目标");
    !bound
        && !project
        && !super::is_broken(text, figure)
        && !words.ends_with('过')
        && !CHANGE.iter().any(|w| words.contains(w))
        && !AVERAGE
            .iter()
            .any(|w| words.contains(w) || figure.what.contains(w))
}

/// Whether the total at `index` is one: a count of its own, not one of
/// several counts of its kind in its sentence (`新开工…93122套，新竣工33892套，
/// 其中…`, which `其中` may divide),
/// with its `其中` in its sentence or opening the next, and no figure but
/// rates between.
pub fn trusted_total(text: &str, metrics: &[Figure], index: usize, first_part: usize) -> bool {
    let Some(total) = metrics.get(index) else {
        return false;
    };
    let previous = index.checked_sub(1).and_then(|i| metrics.get(i));
    if !counts(text, total, previous) {
        return false;
    }
    let listed_before = metrics
        .get(..index)
        .unwrap_or_default()
        .iter()
        .rev()
        .take_while(|m| m.sentence == total.sentence)
        .take(16)
        .any(|m| m.unit == total.unit);
    if listed_before {
        return false;
    }
    let between = metrics.get(index + 1..first_part).unwrap_or_default();
    if between.iter().any(|m| m.category != Category::Rate) {
        return false;
    }
    let Some(part) = metrics.get(first_part) else {
        return false;
    };
    // `其中` in the total's sentence, or right after its end.
    let gap = text.get(total.range.end..part.range.start).unwrap_or("");
    let among = gap.find("其中").unwrap_or(gap.len());
    let before = gap.get(..among).unwrap_or("");
    match before.rfind(['。', '！', '？', '\n']) {
        None => true,
        Some(end) => before
            .get(end..)
            .and_then(|rest| rest.chars().next().map(|c| &rest[c.len_utf8()..]))
            .is_some_and(|rest| rest.trim().is_empty()),
    }
}

/// The parts of a total that count: one enumeration (`其中按时办结85件、
/// 正在办理35件`), up to the first clause mark after its first part (the
/// clause after may count the same things another way: `其中新开工279个、
/// 续建238个，竣工253个`), a part that names a total of its own (`蔬菜
/// 总产量…`) or the end of the bracket `其中` opened in. A change, an
/// average or a bound among them is left out.
pub fn trusted_parts<'m>(text: &str, metrics: &'m [Figure], parts: &[usize]) -> Vec<&'m Figure> {
    let mut out: Vec<&Figure> = Vec::new();
    for &index in parts {
        let Some(part) = metrics.get(index) else {
            continue;
        };
        let previous = index.checked_sub(1).and_then(|i| metrics.get(i));
        if part.what.contains('总') {
            break;
        }
        if let Some(last) = out.last() {
            let gap = text.get(last.range.end..part.range.start).unwrap_or("");
            if gap.contains(['）', ')', '，', ',', '；', ';', '。']) {
                break;
            }
        }
        if counts(text, part, previous) && !inside_brackets(text, part) {
            out.push(part);
        }
    }
    out
}

/// Whether a figure stands in brackets in its sentence (`（包括土地出让金
/// 20亿元）`): an aside, not one of the parts.
fn inside_brackets(text: &str, figure: &Figure) -> bool {
    let before = super::words_before(text, figure.sentence.start, figure.range.start);
    let open = before.matches(['（', '(']).count();
    let close = before.matches(['）', ')']).count();
    let opened_before_list = before.rfind("其中").is_some_and(|at| {
        let head = &before[..at];
        head.matches(['（', '(']).count() > head.matches(['）', ')']).count()
    });
    open > close && !opened_before_list
}
