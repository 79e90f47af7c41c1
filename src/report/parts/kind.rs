//! The kind of a report, by its title line or by who speaks in its opening.

use std::sync::LazyLock;

use regex::Regex;

use crate::report::model::Kind;
use crate::text::first_chars;

/// Kind named by a title line, with the phrase that decided it.
pub fn title_kind(title: &str) -> Option<(Kind, &'static str)> {
    // `…关于深圳市人民政府工作报告的决议`, `…印发《政府工作报告》的通知`:
    // a document about a report names it, and is none.
    let bare = title.trim_end_matches(['*', ' ', '（', '）', '(', ')']);
    if ["决议", "决定", "通知", "公告"]
        .iter()
        .any(|w| bare.ends_with(w))
    {
        return Some((Kind::Other, "标题是决议或通知,不是工作报告"));
    }
    let work_report = title.contains("工作报告");
    if title.contains("政府工作报告") {
        return Some((Kind::Government, "标题含“政府工作报告”"));
    }
    if work_report
        && (title.contains("政协")
            || title.contains("委员会常务委员会")
            || title.contains("政治协商会议"))
    {
        return Some((Kind::Consultative, "标题含“政协…常务委员会工作报告”"));
    }
    if work_report && (title.contains("人民代表大会常务委员会") || title.contains("人大常委会"))
    {
        return Some((Kind::Congress, "标题含“人大常委会工作报告”"));
    }
    if ["汇报发言", "发言", "讲话", "汇报", "致辞", "述职"]
        .iter()
        .any(|w| title.contains(w))
    {
        return Some((Kind::Speech, "标题含“发言/讲话/汇报”"));
    }
    // `关于2023年计划执行情况的报告`: a report on one subject, not a work report.
    if title.contains("关于") && title.ends_with("报告") {
        return Some((Kind::Other, "标题是“关于…的报告”,不是工作报告"));
    }
    None
}

/// The kind of report its opening says by who speaks: `我代表市人民政府`
/// (government), `受市人大常委会委托` / `我代表市九届人大常委会` (congress),
/// `我代表政协××市第十五届委员会常务委员会` (consultative), with the phrase
/// that decided it. A government's request for comments from 政协委员 names
/// no speaker and says nothing.
pub fn speaker_kind(opening: &str) -> Option<(Kind, &str)> {
    static SPEAKER: LazyLock<Regex> =
        re!(r"我代表([^，,。；;：:！!向]{2,40})|受([^，,。；;：:！!]{2,40}?)委托");
    let head = first_chars(opening, 120);
    let found = SPEAKER.captures(head)?;
    let who = found.get(1).or_else(|| found.get(2))?.as_str();
    let kind = if who.contains("政协") || who.contains("政治协商") {
        Kind::Consultative
    } else if who.contains("人大") || who.contains("人民代表大会") {
        Kind::Congress
    } else if who.contains("政府") || who.contains("国务院") {
        Kind::Government
    } else if who.ends_with("委员会常务委员会") {
        // `我代表××市第十届委员会常务委员会`: the body's name left out.
        Kind::Consultative
    } else {
        return None;
    };
    Some((kind, found.get(0)?.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_lines() {
        assert_eq!(
            title_kind("深圳市人民代表大会常务委员会工作报告").map(|k| k.0),
            Some(Kind::Congress)
        );
        assert_eq!(
            title_kind("德阳市委员会常务委员会工作报告").map(|k| k.0),
            Some(Kind::Consultative)
        );
        assert_eq!(
            title_kind("苏州市政协十五届常委会工作报告").map(|k| k.0),
            Some(Kind::Consultative)
        );
        assert_eq!(
            title_kind("2026年北京市政府工作报告").map(|k| k.0),
            Some(Kind::Government)
        );
        assert_eq!(
            title_kind("深圳市第七届人民代表大会第七次会议关于深圳市人民政府工作报告的决议")
                .map(|k| k.0),
            Some(Kind::Other)
        );
        assert_eq!(
            title_kind("市人民政府关于2023年国民经济和社会发展计划执行情况的报告").map(|k| k.0),
            Some(Kind::Other)
        );
        assert_eq!(
            title_kind("市人大常委会关于执法检查情况的报告").map(|k| k.0),
            Some(Kind::Other)
        );
    }
}
