//! Web noise: lines that come with a report copied from a site but are not
//! part of its text (banners, toolbars, page markers, links, reprint notes).

use std::sync::LazyLock;

use regex::Regex;

use super::model::NoiseKind;

/// Words of a site's toolbar; a short line made only of them is chrome.
const TOOLBAR_WORDS: &[&str] = &[
    "下载",
    "打印",
    "全屏",
    "收藏",
    "分享",
    "分享到",
    "加大",
    "还原",
    "减小",
    "放大",
    "缩小",
    "打印本页",
    "打印此页",
    "关闭窗口",
    "关闭本页",
    "关闭",
    "返回顶部",
    "返回",
    "顶部",
    "保存",
    "字号",
    "大",
    "中",
    "小",
    "默认",
    "微信",
    "微博",
    "QQ空间",
    "QQ",
    "朋友圈",
    "扫一扫",
    "在手机打开当前页",
    "扫一扫在手机打开当前页",
    "复制链接",
    "纠错",
    "我要纠错",
];
/// The characters the toolbar words begin with.
const TOOLBAR_FIRST: &[char] = &[
    '下', '打', '全', '收', '分', '加', '还', '减', '放', '缩', '关', '返', '顶', '保', '字', '大',
    '中', '小', '默', '微', 'Q', '朋', '扫', '在', '复', '纠', '我',
];
static SOURCE: LazyLock<Regex> = re!(
    r"^(来源|时间|发布时间|发布日期|作者|编辑|责任编辑|稿源|信息来源|字体|版次|浏览次数|阅读次数|日期|索引号|发布机构|发文机关|发文日期|成文日期|发布单位|主题分类|文号|浏览量|点击数|访问量|阅读量)\s*[:：]"
);
static BREADCRUMB: LazyLock<Regex> = re!(r"^(当前位置|您现在的位置|您的位置|现在位置)\s*[:：]");
static RELATED: LazyLock<Regex> =
    re!(r"^(相关报道|相关链接|相关阅读|相关新闻|延伸阅读|推荐阅读)[:：]?");
static NAVIGATION: LazyLock<Regex> = re!(r"^(上一篇|下一篇|上一页|下一页|返回列表|返回首页)[:：]?");
static PAGE_MARKER: LazyLock<Regex> =
    re!(r"[(（]第\s*\d+\s*/\s*\d+\s*页[)）]|^第\s*\d+\s*页(\s*/\s*共\s*\d+\s*页)?$");
static REPRINT: LazyLock<Regex> = re!(
    r"(转载|版权|原文链接|本文链接|原标题|免责声明|侵权|如需转载|请注明出处|本文来源|文章来源)"
);
static URL: LazyLock<Regex> = re!(r"(https?://|www\.|\.com\b|\.cn\b|\.net\b|\.org\b)");
static ADVERT: LazyLock<Regex> = re!(
    r"(范文|整理|每天更新|关注(我们|公众号)|公众号|扫码|点击(下载|查看|阅读)|下载(全文|word|WORD)|免费下载|会员|广告)"
);
static CAPTION: LazyLock<Regex> = re!(r"(记者|摄影|通讯员).{0,12}摄[。.]?$|^图[:：/]|摄$");
static BYLINE: LazyLock<Regex> =
    re!(r"^(策划|统筹|文|图|撰文|采写|编辑|校对|审核)([/、](策划|统筹|文|图|编辑))*[:：]");
/// The characters the words of each pattern anchored at the line start
/// begin with: a line starting otherwise needs no regex.
const BREADCRUMB_FIRST: &[char] = &['当', '您', '现'];
const NAVIGATION_FIRST: &[char] = &['上', '下', '返'];
const RELATED_FIRST: &[char] = &['相', '延', '推'];
const SOURCE_FIRST: &[char] = &[
    '来', '时', '发', '作', '编', '责', '稿', '信', '字', '版', '浏', '阅', '日', '索', '成', '主',
    '文', '点', '访',
];
const BYLINE_FIRST: &[char] = &['策', '统', '文', '图', '撰', '采', '编', '校', '审'];

/// Classifies a trimmed line as noise. Long lines (real paragraphs that merely
/// mention a site or a source) are never noise.
/// `---`, `***`, `___` (spaces between allowed), as markdown draws a rule,
/// or a bare `>` that only spaces the paragraphs of a quoted block.
fn is_thematic_break(line: &str) -> bool {
    let mut marks = line.trim().chars().filter(|&c| c != ' ');
    match marks.next() {
        Some('>') => marks.next().is_none(),
        Some(rule @ ('-' | '*' | '_')) => {
            let mut count = 1;
            marks.all(|c| {
                count += 1;
                c == rule
            }) && count >= 3
        }
        _ => false,
    }
}

pub fn classify(line: &str) -> Option<NoiseKind> {
    // Every noise line is short: a real paragraph is never looked at twice.
    if line.len() > 120 * 3 {
        return None;
    }
    let chars = line.chars().count();
    if chars > 120 {
        return None;
    }
    // `<!-- 新华社北京3月15日电 -->`: a markdown copy's note, never shown.
    if line.starts_with("<!--") && line.ends_with("-->") {
        return Some(NoiseKind::Comment);
    }
    if is_thematic_break(line) {
        return Some(NoiseKind::Separator);
    }
    // Each pattern below needs a character lines rarely have, or one of a
    // few first characters: most lines are told without running the regexes.
    let first = line.chars().next();
    let starts = |set: &[char]| first.is_some_and(|c| set.contains(&c));
    if chars <= 60 && line.contains('页') && PAGE_MARKER.is_match(line) {
        return Some(NoiseKind::PageMarker);
    }
    if chars <= 40 && is_toolbar(line) {
        return Some(NoiseKind::Toolbar);
    }
    if starts(BREADCRUMB_FIRST) && BREADCRUMB.is_match(line) {
        return Some(NoiseKind::NavigationLink);
    }
    if starts(NAVIGATION_FIRST) && NAVIGATION.is_match(line) {
        return Some(NoiseKind::NavigationLink);
    }
    if starts(RELATED_FIRST) && RELATED.is_match(line) {
        return Some(NoiseKind::NavigationLink);
    }
    if starts(SOURCE_FIRST) && SOURCE.is_match(line) {
        return Some(NoiseKind::SourceLine);
    }
    if starts(BYLINE_FIRST) && BYLINE.is_match(line) {
        return Some(NoiseKind::Byline);
    }
    // Every address has a `.` or the `:` of `://`: most lines are told
    // without the regex, whose Unicode word boundaries are slow to test.
    let has_url = memchr::memchr2(b'.', b':', line.as_bytes()).is_some() && URL.is_match(line);
    if (has_url || chars <= 40) && REPRINT.is_match(line) {
        return Some(NoiseKind::ReprintNotice);
    }
    if has_url && ADVERT.is_match(line) {
        return Some(NoiseKind::SiteBanner);
    }
    if has_url && !line.contains('。') {
        return Some(NoiseKind::Advert);
    }
    if chars <= 40 && (first == Some('图') || line.contains('摄')) && CAPTION.is_match(line) {
        return Some(NoiseKind::Caption);
    }
    None
}

/// `下载`, `【字号：大 中 小】`, `[打印本页] [关闭窗口]`: every token a toolbar word.
fn is_toolbar(line: &str) -> bool {
    const SEPARATORS: &[char] = &[
        '|', '｜', '/', '【', '】', '[', ']', '「', '」', ':', '：', '·',
    ];
    let separator = |c: char| c.is_whitespace() || SEPARATORS.contains(&c);
    // Most short lines are headings: the first token, starting the line, is
    // no toolbar word. Told without splitting.
    let starts_with_word =
        line.starts_with(TOOLBAR_FIRST) && TOOLBAR_WORDS.iter().any(|w| line.starts_with(w));
    if !line.starts_with(separator) && !starts_with_word {
        return false;
    }
    let mut tokens = line.split(separator).filter(|t| !t.is_empty()).peekable();
    // A lone bracket line (`【` or `】`) belongs to a toolbar split over lines.
    if tokens.peek().is_none() {
        return line.chars().all(|c| "【】[]".contains(c));
    }
    tokens.all(|t| TOOLBAR_WORDS.contains(&t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_noise_form() {
        use NoiseKind::*;
        let cases = [
            (
                "文秘家园网(www.wenmijiayuan.com)整理,每天更新优质范文让写材料变得简单!",
                SiteBanner,
            ),
            (
                "市2023年人大、政协常务委员会工作报告-19篇(第54/67页)",
                PageMarker,
            ),
            ("上一篇:县共青团基层组织改革成效初显", NavigationLink),
            ("下一篇：关于做好工作的通知", NavigationLink),
            (
                "如若转载,请注明出处:https://www.shituxiezuo.com/11975.html",
                ReprintNotice,
            ),
            ("下载", Toolbar),
            ("打印本页", Toolbar),
            ("【字号：", Toolbar),
            ("】", Toolbar),
            ("来源：北京日报", SourceLine),
            ("时间：2026-02-02", SourceLine),
            ("版次:A05来源:深圳侨报 2022年10月16日", SourceLine),
            ("相关报道：", NavigationLink),
            ("殷勇同志作政府工作报告。本报记者 戴冰摄", Caption),
            ("<!-- 新华社北京3月15日电 -->", Comment),
            ("---", Separator),
            ("* * *", Separator),
            (">", Separator),
            ("策划/统筹:张静平 文:钟玲 图:刘敏", Byline),
            ("更多精彩内容请访问 www.example.com", Advert),
            ("【字号：大 中 小】", Toolbar),
            ("[打印本页] [关闭窗口]", Toolbar),
            ("分享到：微信 微博", Toolbar),
            ("扫一扫在手机打开当前页", Toolbar),
            ("索引号：000014349/2024-00012", SourceLine),
            ("发布机构：市人民政府办公室", SourceLine),
            ("当前位置：首页 > 政务公开 > 政府工作报告", NavigationLink),
        ];
        for (line, kind) in cases {
            assert_eq!(classify(line), Some(kind), "{line}");
        }
    }

    #[test]
    fn first_characters_cover_the_words() {
        for (pattern, first) in [
            (&BREADCRUMB, BREADCRUMB_FIRST),
            (&NAVIGATION, NAVIGATION_FIRST),
            (&RELATED, RELATED_FIRST),
            (&SOURCE, SOURCE_FIRST),
            (&BYLINE, BYLINE_FIRST),
        ] {
            let words = pattern.as_str().strip_prefix("^(").unwrap();
            for word in words.split(')').next().unwrap().split('|') {
                assert!(first.contains(&word.chars().next().unwrap()), "{word}");
            }
        }
        for word in TOOLBAR_WORDS {
            assert!(
                TOOLBAR_FIRST.contains(&word.chars().next().unwrap()),
                "{word}"
            );
        }
    }

    #[test]
    fn report_text_is_not_noise() {
        for line in [
            "各位代表:",
            "过去一年的主要工作",
            "一、坚持党的全面领导,牢牢把握人大工作正确政治方向",
            "2022年9月28日,龙岗区委人大工作会议召开。",
            "(一)坚持不懈用党的创新理论武装头脑。",
            "组织开展“代表之家”活动,整理汇编代表建议。",
        ] {
            assert_eq!(classify(line), None, "{line}");
        }
    }
}
