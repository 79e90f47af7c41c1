//! The lines above a report's body: the title (its words without the date and
//! speaker set on its line, or the front matter's), the date-and-venue line
//! (and the session's year it gives) and the speaker line.

use std::sync::LazyLock;

use regex::Regex;

use super::{title_kind, year_value};
use crate::report::Words;

/// A line under a title giving the date and venue of the speech:
/// `——2026年1月25日在北京市第十六届人民代表大会第四次会议上`.
pub fn is_date_venue(line: &str) -> bool {
    static DATE_VENUE: LazyLock<Regex> = re!(
        r"^[—－\-─―(（]*\s*在?([0-9０-９二〇零一三四五六七八九十]{4}年.{1,6}月.{1,6}日\s*)?(在?.{2,60}(会议|大会|会)上?(的(报告|讲话|发言))?(通过)?(.{0,10}(市长|省长|州长|主席|主任|总理)\s*[\p{Han}·](\s?[\p{Han}·]){1,3})?)?(\s*[\p{Han}·]{2,12})?\s*[)）]?$"
    );
    if line.len() > 80 * 4 {
        return false;
    }
    let n = line.chars().count();
    // The date or the venue must be there: the regex alone accepts `——`.
    let dated = line.contains('日') || line.contains("会上");
    // `——佛山市第十二届人民代表大会第二次会议`: the venue alone, under a dash.
    let venue = line.starts_with(['—', '－', '―', '─']) && line.contains("代表大会");
    n <= 80 && (dated || venue) && n >= 6 && DATE_VENUE.is_match(line)
}

/// The rest of a date-and-venue line broken in two, on the line under it:
/// `第四次会议上` under `——2015年1月12日在乌鲁木齐市第十五届人民代表大会`.
pub fn is_venue_rest(line: &str) -> bool {
    static VENUE_REST: LazyLock<Regex> =
        re!(r"^\S{0,24}(会议|大会)上?(的(报告|讲话|发言))?\s*[)）]?$");
    line.len() <= 32 * 4 && VENUE_REST.is_match(line)
}

/// A speaker line: `北京市市长 殷勇`, `国务院总理　李克强`, `济南市市长鲍志强`,
/// `市人大常委会主任 张三`, `(张三)`; with `after_date_venue`, also a bare
/// name (`李学勇`), as some copies set it under the date and venue.
pub fn is_speaker(line: &str, after_date_venue: bool) -> bool {
    static OFFICE: LazyLock<Regex> = re!(
        r"(市长|省长|州长|盟长|县长|区长|旗长|总理|主任|主席|书记|秘书长|委员长)\s*[\p{Han}·](\s?[\p{Han}·]){1,3}$"
    );
    static NAME: LazyLock<Regex> = re!(r"^[(（]?[\p{Han}·]{2,4}[)）]?$");
    if line.len() > 32 * 4 {
        return false;
    }
    let n = line.chars().count();
    let spaced = line.contains(char::is_whitespace);
    n <= 32
        && (OFFICE.is_match(line) && (spaced || n <= 20)
            || NAME.is_match(line) && (after_date_venue || line.starts_with(['(', '（'])))
}

/// The year whose work a session plans, from its date-and-venue line
/// (`——2024年1月23日在…会议上`): that year, or the next for a session held
/// late in the year before (`2021年12月7日`).
pub fn session_year(date_venue: &str) -> Option<u32> {
    static DATE: LazyLock<Regex> = re!(
        r"([0-9０-９]{4}|[二〇零一三四五六七八九]{4})\s?年([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月"
    );
    let found = DATE.captures(date_venue)?;
    let year = year_value(found.get(1)?.as_str())?;
    let month = found.get(2)?.as_str();
    let month = month
        .parse::<u32>()
        .ok()
        .or_else(|| crate::report::numeral::parse_small(month))
        .unwrap_or(1);
    Some(if month >= 11 { year + 1 } else { year })
}

/// The title a front matter gives (`title: 安庆市政府工作报告 （2015年1月20日
/// 魏晓明）`), without the date and speaker some sites add to it.
pub fn front_matter_title(line: &str) -> Option<&str> {
    let value = line
        .strip_prefix("title:")
        .or_else(|| line.strip_prefix("title："))?
        .trim_matches([' ', '\t', '"', '\'', '\u{3000}']);
    let bare = title_words(value);
    (!bare.is_empty()).then_some(bare)
}

/// A title without the date, venue and speaker set on its line:
/// `政府工作报告——2024年1月28日在…会议上`, `政府工作报告（2011年2月12日在…会议上
/// 省长王儒林）`.
pub fn title_words(line: &str) -> &str {
    let line = match line.rfind(['（', '(']) {
        Some(open)
            if line.ends_with(['）', ')'])
                && line.get(open..).is_some_and(|tail| tail.contains('日')) =>
        {
            line.get(..open).unwrap_or(line)
        }
        _ => line,
    };
    let line = match line.find("——") {
        Some(dash) if line.get(dash..).is_some_and(is_date_venue) => {
            line.get(..dash).unwrap_or(line)
        }
        _ => line,
    };
    line.trim_end()
}

/// Whether a line is shaped like a report title.
pub fn looks_like_title(line: &str) -> bool {
    // Every title names a report or a speech: most lines stop at one search.
    static NAMES: Words = words!("报告", "发言", "讲话", "汇报", "致辞", "述职");
    if line.len() > 60 * 4 || !NAMES.in_text(line) {
        return false;
    }
    let n = line.chars().count();
    (4..=60).contains(&n)
        && !line.contains('。')
        && !line.ends_with([':', '：', ',', '，'])
        && (line.ends_with("报告")
            || line.ends_with("工作报告")
            || title_kind(line).is_some()
            || line.ends_with("发言")
            || line.ends_with("讲话"))
        // `《政府工作报告》注释` heads notes on a report, not a report.
        && !opens_notes(line)
}

/// A heading of notes on the report: a glossary (`名词解释`, `注释`,
/// `《政府工作报告》有关名词解释`, `《政府工作报告》释义`, `附注`) or an attachment
/// (`附件2`).
pub fn opens_notes(label: &str) -> bool {
    // The notes may name the document they explain: `《政府工作报告》注释`.
    let rest = match label.strip_prefix('《').and_then(|r| r.split_once('》')) {
        Some((_, rest)) => rest.trim_start_matches("有关"),
        None => label,
    };
    let rest = rest
        .trim_matches([' ', '\u{3000}', '*', ':', '：', '[', ']', '【', '】'])
        .replace([' ', '\u{3000}'], "");
    crate::text::at_most_chars(&rest, 12)
        && (["附件", "附表", "附录", "附注", "名词", "词语", "注释", "注解"]
            .iter()
            .any(|w| rest.starts_with(w))
            // `有关词语解释`, `部分用语说明`
            || ["解释", "注释", "释义", "说明"].iter().any(|w| rest.ends_with(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_words_leave_the_date_and_venue() {
        assert_eq!(
            title_words("政府工作报告——2024年1月28日在邢台市第十六届人民代表大会第三次会议上"),
            "政府工作报告"
        );
        assert_eq!(
            title_words(
                "政府工作报告（2011年2月12日在吉林省第十一届人民代表大会第四次会议上 省长王儒林）"
            ),
            "政府工作报告"
        );
        assert_eq!(
            title_words("2026年北京市政府工作报告"),
            "2026年北京市政府工作报告"
        );
    }

    #[test]
    fn notes_on_a_report_are_no_report_title() {
        for notes in [
            "**《政府工作报告》注释**",
            "《政府工作报告》释义",
            "《政府工作报告》有关名词解释",
        ] {
            let line = notes.trim_matches('*');
            assert!(opens_notes(line), "{notes}");
            assert!(!looks_like_title(line), "{notes}");
        }
        assert!(looks_like_title("《政府工作报告》"));
        assert!(!opens_notes("政府工作报告"));
    }

    #[test]
    fn date_venue_and_speaker_lines() {
        assert!(is_date_venue(
            "——2026年1月25日在北京市第十六届人民代表大会第四次会议上"
        ));
        assert!(is_date_venue(
            "2025年1月8日在××市第十六届人民代表大会第五次会议上"
        ));
        for line in [
            "——佛山市第十二届人民代表大会第二次会议",
            "（2004年2月24日）",
            "（2003年2月16日 陈良宇）",
            "（2003年1月10日洪虎）",
            "（2005年1月12日 司马义·铁力瓦尔地）",
            "——2017年1月12日沈阳市第十五届人民代表大会第六次会议通过",
            "——2011年1月17日在广西壮族自治区第十一届人民代表大会第四次会议上 自治区主席 马 飚",
            "――一九九三年六月十九日在广州市第十届人民代表大会第一次会议上",
            "——在2006年12月24日在南昌市第十三届人民代表大会第一次会议上",
            "——2022年1月25日在南宁市第十五届人民代表大会第二次会议上代市长廖立勇",
        ] {
            assert!(is_date_venue(line), "{line}");
        }
        assert_eq!(
            session_year("——2021年12月7日在甘南藏族自治州第十七届人民代表大会第一次会议上"),
            Some(2022)
        );
        assert_eq!(
            session_year("——2024年1月23日在福建省第十四届人民代表大会第二次会议上"),
            Some(2024)
        );
        assert!(is_speaker("北京市市长 殷勇", false));
        assert!(is_speaker("国务院总理\u{3000}李克强", false));
        assert!(is_speaker("济南市市长鲍志强", false));
        assert!(is_speaker("甘南藏族自治州代理州长 杨武", false));
        assert!(is_speaker("李学勇", true));
        assert!(is_speaker("上海市市长 龚 正", false));
        assert!(!is_speaker("李学勇", false));
        assert!(!is_speaker("各位代表:", true));
    }
}
