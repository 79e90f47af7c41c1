//! Patterns for the standard parts of a report: the part headings and the
//! paragraphs that make a part (salutation, opening, thanks, shortcomings,
//! lessons, closing); the head lines, the kind and the tense of a heading
//! in the files beside. They match the conventions of DOMAIN.md §2, in
//! either punctuation width.

use std::sync::LazyLock;

use regex::Regex;

use super::model::Part;
use super::Words;
use crate::text::{at_most_chars, first_bytes, first_chars, last_chars};

mod head;
mod kind;
mod tense;

pub use head::*;
pub use kind::*;
pub use tense::*;

/// `各位代表:` `各位代表,同志们:` `尊敬的各位领导,同志们:` `各位委员、各位同志：`
static SALUTATION: LazyLock<Regex> = re!(
    r"^(尊敬的)?((各位|全体)(代表|委员|领导|来宾|同事|同仁|同志)|同志们|女士们|先生们|朋友们)([,，、]?(尊敬的)?((各位|全体)(代表|委员|领导|来宾|同事|同仁|同志)|同志们|女士们|先生们|朋友们))*\s*[:：!！,，]?$"
);

/// `受市人大常委会委托,我向大会报告工作,请予审议。` / `现在,我代表…向大会报告工作`
static OPENING: LazyLock<Regex> = re!(
    r"(报告.{0,4}工作|作.{0,8}工作报告|请予审议|审议.{0,4}并请|向.{0,6}(会议|大会)(报告|汇报))"
);

/// Year-like prefix of a part heading: `2022年` `二〇二二年` `过去一年` `今年` …
const PERIOD: &str = r"(?:[0-9０-９]{4}\s?年(?:以来|度)?|[二〇零一三四五六七八九]{4}年(?:以来|度)?|过去的?[一二三四五六七八九十几]年|近(?:一|五)年|本届(?:以来)?|五年|一年来|今年|明年|今后一年|新的一年|新一年|[市省县区]?[一二三四五六七八九十]+届(?:人大)?常委会|“十[一二三四五六]五”时期)";

static PERIOD_START: LazyLock<Regex> = LazyLock::new(|| super::static_regex(&format!("^{PERIOD}")));
static BARE_TASKS: LazyLock<Regex> =
    re!(r"^(今后的?|下一步的?)?(主要|重点)?(工作)?(任务|安排|建议|打算|思路)$");
static FUTURE_START: LazyLock<Regex> =
    re!(r"^(今后|新的?一年|新一届|今年|明年|下一步|未来(一年|五年)?)");

/// Whether `c` can start a match of [`PERIOD_START`] or [`FUTURE_START`].
fn starts_period(c: char) -> bool {
    const WORD_FIRST: &[char] = &[
        '过', '近', '本', '今', '明', '新', '市', '省', '县', '区', '“', '下', '未',
    ];
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || super::numeral::is_numeral_char(c)
        || WORD_FIRST.contains(&c)
}

static TASK_WORD: LazyLock<Regex> =
    re!(r"(任务|安排|建议|打算|重点工作|工作要求|要求|思路|部署|目标)");
static REVIEW_WORD: LazyLock<Regex> = re!(r"(工作|回顾|成就|成绩|成效|履职)");

static LESSONS: LazyLock<Regex> = re!(r"^.{0,16}(体会|启示|经验)$");

static CLOSING_START: LazyLock<Regex> =
    re!(r"^(各\s?位\s?(代表|委员|领导)|同志们|(各位)?代表们|委员们)");
/// The part a short unnumbered heading line (or the label of a numbered
/// heading) names, if it names one.
pub fn heading_part(label: &str) -> Option<Part> {
    let label = label.trim_end_matches(['。', ':', '：', '!', '！']);
    // `一年来的主要工作是：` introduces a list inside the review.
    if !at_most_chars(label, 40) || label.ends_with('是') || label.ends_with("如下") {
        return None;
    }
    // `对今年工作的建议`, `关于2024年工作的建议`
    let label = label
        .strip_prefix('对')
        .or_else(|| label.strip_prefix("关于"))
        .unwrap_or(label);
    // The patterns' fixed ends first: most labels are neither.
    if ["体会", "启示", "经验"].iter().any(|w| label.ends_with(w))
        && LESSONS.is_match(label)
        && at_most_chars(label, 16)
    {
        return Some(Part::Lessons);
    }
    // `主要任务`, `工作建议`: a bare part name.
    if ["任务", "安排", "建议", "打算", "思路"]
        .iter()
        .any(|w| label.ends_with(w))
        && BARE_TASKS.is_match(label)
    {
        return Some(Part::Tasks);
    }
    // Most labels start with none of the periods' first characters: they
    // need neither regex.
    let has_period = || {
        label.starts_with(starts_period)
            && (PERIOD_START.is_match(label) || FUTURE_START.is_match(label))
    };
    if (label.starts_with("工作") || has_period()) && at_most_chars(label, 30) {
        // `新一届政府成立以来的工作` looks back from its future-sounding start.
        let looks_back = label.contains("以来") || label.contains("回顾");
        if TASK_WORD.is_match(label)
            || FUTURE_START.is_match(label) && REVIEW_WORD.is_match(label) && !looks_back
        {
            return Some(Part::Tasks);
        }
        if REVIEW_WORD.is_match(label) {
            return Some(Part::Review);
        }
    }
    None
}

pub fn is_salutation(line: &str) -> bool {
    // `**各位代表**：`: bold that closes inside the line.
    if line.contains('*') && at_most_chars(line, 34) {
        return is_salutation(&line.replace('*', ""));
    }
    // Every form opens with one of these characters (see `SALUTATION`).
    line.starts_with(['尊', '各', '全', '同', '女', '先', '朋'])
        && at_most_chars(line, 30)
        && SALUTATION.is_match(line)
}

pub fn is_opening(paragraph: &str) -> bool {
    // The request comes first (`现在，我代表…向大会报告工作，请予审议`) or ends
    // a paragraph that first says what plan is put before the session
    // (`…制定了《纲要（草案）》。现在，我代表…向大会作报告，请…一并审议`).
    OPENING.is_match(first_chars(paragraph, 120)) || OPENING.is_match(last_chars(paragraph, 120))
}

static HERE: Words = words!("在此", "谨", "借此机会");
static EXPRESS: Words = words!("表示", "致以");
const GRATITUDE_WORDS: &[&str] = &["感谢", "谢意", "敬意"];
static GRATITUDE: Words = words!(from GRATITUDE_WORDS);
/// What opens a paragraph on shortcomings: being sober (`清醒`), still
/// having (`还存在`…) or comparing (`相比`), found in one pass.
const OPENER_WORDS: &[&str] = &[
    "清醒",
    "相比",
    "还存在",
    "仍存在",
    "也存在",
    "依然存在",
    "还有",
    "仍有",
    "也有",
    "依然有",
];
static OPENERS: Words = words!(from OPENER_WORDS);
const SOBER: &str = "清醒";
const COMPARED: &str = "相比";
static SEE: Words = words!("认识", "看到", "意识");
static FAULTS: Words = words!("差距", "不足", "问题", "短板", "薄弱");
static STILL_NEED: Words = words!(
    "还需",
    "还有",
    "还存在",
    "还不",
    "仍需",
    "仍有",
    "仍存在",
    "仍不"
);
static CALL: Words = words!("让我们", "我们要", "我们将", "我们一定");
static AIM: Words = words!(
    "奋斗", "贡献", "努力", "前进", "奋进", "篇章", "新局", "新功", "力量", "作为", "更大", "!",
    "！"
);

/// `在此,我代表…向…表示衷心的感谢`. A paragraph without a word of gratitude
/// is turned away before this by [`closing_cues`].
pub fn is_thanks(paragraph: &str) -> bool {
    HERE.any_after(paragraph, |after| {
        EXPRESS.any_after(first_chars(after, 300), |rest| {
            GRATITUDE.starts_within(rest, 12)
        })
    })
}

pub fn is_shortcomings(paragraph: &str) -> bool {
    let head = first_chars(paragraph, 150);
    // `我们也清醒地认识到` / `还存在一些差距和不足` / `与…相比,…还需`
    OPENERS.any_word_after(head, |word, rest| match word {
        SOBER => SEE.starts_within(rest, 3),
        COMPARED => STILL_NEED.starts_within(rest, 40),
        _ => FAULTS.starts_within(rest, 13),
    })
}

static REVIEW_INTRO: Words = words!(
    "做了以下",
    "主要做了",
    "开展了以下",
    "主要工作如下",
    "做了如下",
    "重点做了",
    "着力做好了以下"
);
const TASKS_INTRO_WORDS: &[&str] = &[
    "做好以下",
    "抓好以下",
    "推进以下",
    "突出以下",
    "工作建议如下",
    "主要任务是",
    "主要任务如下",
    "做好如下",
    "抓好如下",
];
static TASKS_INTRO: Words = words!(from TASKS_INTRO_WORDS);
/// What every word of [`TASKS_INTRO`] holds. Most sentences hold neither:
/// two substring searches tell them for less than the packed search, which
/// stops at nearly every Chinese character.
const TASKS_INTRO_CORES: [&str; 2] = ["下", "任务"];
static FUTURE: Words = words!(
    "新的一年",
    "今年",
    "明年",
    "今后一年",
    "下一步",
    "新一年",
    "2023年",
    "2024年",
    "2025年",
    "2026年",
    "2027年",
    "2028年",
    "2029年",
    "2030年"
);

/// A sentence that announces the review in a report without a review
/// heading: `一年来,我们主要做了以下工作:`.
pub fn is_review_intro(sentence: &str) -> bool {
    at_most_chars(sentence, 80) && REVIEW_INTRO.in_text(sentence)
}

/// `2002年是…非常重要的一年`, `今年是…`, `新的一年…`: a paragraph that opens
/// on the year of the session or after.
pub fn opens_with_coming_year(paragraph: &str, session_year: Option<u32>) -> bool {
    FUTURE_START.is_match(paragraph)
        || session_year.is_some_and(|session| {
            named_years(first_chars(paragraph, 6))
                .next()
                .is_some_and(|y| y >= session)
        })
}

/// `2020年是“十三五”收官之年…`, `各位代表，过去五年…`: a paragraph that turns
/// to another period, as one between the runs of `（一）` of a five-year and a
/// one-year review does.
pub fn opens_with_period(paragraph: &str) -> bool {
    let rest = CLOSING_START
        .find(paragraph)
        .map_or(paragraph, |m| paragraph.get(m.end()..).unwrap_or(""))
        .trim_start_matches(['，', ',', '！', '!', '、', ' ']);
    PERIOD_START.is_match(rest)
}

/// `新的一年,常委会将重点做好以下工作:` — the tasks part, announced.
pub fn is_tasks_intro(sentence: &str) -> bool {
    at_most_chars(sentence, 80)
        && TASKS_INTRO_CORES.iter().any(|core| sentence.contains(core))
        && TASKS_INTRO.in_text(sentence)
        && FUTURE.in_text(sentence)
}

/// `成绩来之不易…。回顾本届以来的履职实践,我们深切体会到:…`
const DRAWN_WORDS: &[&str] = &[
    "深切体会到",
    "深刻体会到",
    "深深体会到",
    "我们体会到",
    "几点体会",
    "深刻启示",
];
static DRAWN: Words = words!(from DRAWN_WORDS);

/// The words the thanks, the shortcomings and the lessons need, in one set.
static CLOSING_CUES: Words = words!(from [GRATITUDE_WORDS, OPENER_WORDS, DRAWN_WORDS].concat());

/// Which of the thanks, the shortcomings and the lessons a paragraph of
/// the review may be: one search for the words of all three, which most
/// paragraphs lack, instead of one each.
#[derive(Debug, Default, Clone, Copy)]
pub struct ClosingCues {
    /// A word of gratitude anywhere: [`is_thanks`] may hold.
    pub thanks: bool,
    /// An opener in the head: [`is_shortcomings`] may hold.
    pub shortcomings: bool,
    /// Lessons drawn in the first characters: [`is_lessons`] may hold.
    pub lessons: bool,
}

pub fn closing_cues(paragraph: &str) -> ClosingCues {
    // The heads the tests look at, cut without counting: every word a test
    // finds starts before these ends.
    let shortcomings_head = first_bytes(paragraph, 150).len();
    let lessons_head = first_bytes(paragraph, 80).len();
    let openers = GRATITUDE_WORDS.len()..GRATITUDE_WORDS.len() + OPENER_WORDS.len();
    let mut cues = ClosingCues::default();
    CLOSING_CUES.find_each(paragraph, |word, start| {
        if word < openers.start {
            cues.thanks = true;
        } else if openers.contains(&word) {
            cues.shortcomings |= start < shortcomings_head;
        } else {
            cues.lessons |= start < lessons_head;
        }
    });
    cues
}

/// `我们深切体会到…`: the lessons drawn, written as a paragraph.
pub fn is_lessons(paragraph: &str) -> bool {
    DRAWN.in_text(first_chars(paragraph, 80))
}

pub fn is_closing(paragraph: &str) -> bool {
    is_speech_end(paragraph) || opens_with_address(paragraph) && is_call(paragraph)
}

/// `各位代表,…` / `同志们!…`: a paragraph that turns to the audience.
pub fn opens_with_address(paragraph: &str) -> bool {
    CLOSING_START.is_match(paragraph)
}

/// `让我们…而团结奋斗!`: the call a report ends with.
pub fn is_call(paragraph: &str) -> bool {
    // `让我们` calls by itself; `我们要`, `我们将` open many a task too, so
    // they call only when their own sentence ends on the aim (`…而奋斗！`).
    CALL.any_word_after(paragraph, |word, rest| {
        let sentence = rest
            .find('。')
            .map_or(rest, |end| rest.get(..end).unwrap_or(rest));
        word == "让我们" || AIM.starts_within(sentence, 400)
    })
}

/// A call that ends with its exclamation: `…让我们…而不懈奋斗！`.
pub fn is_final_call(paragraph: &str) -> bool {
    paragraph
        .trim_end_matches([' ', '*'])
        .ends_with(['！', '!'])
        && is_call(paragraph)
}

/// `…就一定能够取得…新胜利。`, `…美好的明天就会早日到来。`: the confidence a
/// closing ends on, in its last sentence.
pub fn is_confident(paragraph: &str) -> bool {
    static CONFIDENCE: Words = words!(
        "一定能",
        "一定会",
        "一定要",
        "必将",
        "就会",
        "必定",
        "坚信",
        "而奋斗",
        "而努力",
        "策马扬鞭"
    );
    let last = paragraph
        .trim_end_matches(['。', '！', '!', ' ', '*'])
        .rfind(['。', '！', '!'])
        .map_or(paragraph, |at| paragraph.get(at..).unwrap_or(paragraph));
    CONFIDENCE.in_text(last)
}

/// A call with the audience addressed inside it: `沧海横流…。各位代表，让我们…`.
pub fn is_addressed_call(paragraph: &str) -> bool {
    static ADDRESS: Words = words!("各位代表", "各位委员", "同志们");
    ADDRESS.in_text(paragraph) && is_call(paragraph)
}

/// A closing that ends a speech: `汇报完毕…` / `…谢谢!`.
pub fn is_speech_end(paragraph: &str) -> bool {
    let end = paragraph.trim_end_matches(['!', '！', '。', ' ']);
    paragraph.starts_with("汇报完毕")
        || paragraph.starts_with("发言完毕")
        || end.ends_with("谢谢")
        || end.ends_with("谢谢大家")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closing_ends_on_confidence() {
        assert!(is_confident(
            "各位代表！新的一年，大庆踏上新的征程。只要我们发扬大庆精神，就一定能够取得新胜利。"
        ));
        assert!(!is_confident(
            "各位代表，当前的经济形势相当严峻。我们要同心协力，确保首战告捷。"
        ));
    }

    #[test]
    fn part_headings() {
        for label in [
            "过去一年的主要工作",
            "2022年工作回顾",
            "2022年的主要工作",
            "二〇二二年以来的主要工作",
            "过去五年工作回顾",
            "本届以来的主要工作",
            "五年工作的回顾",
            "2022年主要工作",
            "2025年工作回顾",
            "市七届人大常委会的主要工作",
        ] {
            assert_eq!(heading_part(label), Some(Part::Review), "{label}");
        }
        for label in [
            "2023年的主要任务",
            "今后一年工作建议",
            "2023年工作安排",
            "新一年的主要任务",
            "今年工作的建议",
            "2023年工作打算",
            "2026年重点工作",
            "2024年经济社会发展总体要求和目标任务",
            "2023年工作建议",
            "2023年工作安排及要求",
            "今后五年的主要任务",
        ] {
            assert_eq!(heading_part(label), Some(Part::Tasks), "{label}");
        }
        assert_eq!(heading_part("过去五年工作体会"), Some(Part::Lessons));
        for label in [
            "对今年工作的建议",
            "主要任务",
            "今后的主要任务",
            "新一届常委会的工作建议",
        ] {
            assert_eq!(heading_part(label), Some(Part::Tasks), "{label}");
        }
        for label in [
            "坚持党的全面领导,牢牢把握人大工作正确政治方向",
            "坚持不懈用党的创新理论武装头脑",
            "加强地方立法",
        ] {
            assert_eq!(heading_part(label), None, "{label}");
        }
    }

    #[test]
    fn paragraph_parts() {
        assert!(is_salutation("各位代表:"));
        assert!(is_salutation("各位代表，同志们："));
        assert!(is_salutation("尊敬的各位领导,同志们:"));
        assert!(is_salutation("各位委员:"));
        assert!(is_salutation("**各位代表**："));
        assert!(is_salutation("各位委员、各位同志："));
        assert!(!is_salutation("各位代表,过去一年我们做了很多工作。"));
        assert!(is_opening("受市人大常委会委托,我向大会报告工作,请予审议。"));
        assert!(is_opening(
            "现在，我代表北京市人民政府，向大会报告政府工作，请予审议，并请市政协委员提出意见。"
        ));
        assert!(is_thanks(
            "这是…的结果。在此,我代表市人大常委会,向…表示衷心的感谢!"
        ));
        assert!(is_shortcomings(
            "我们也清醒地认识到,常委会工作还存在一些差距和不足"
        ));
        assert!(is_shortcomings(
            "同时，我们也清醒认识到，工作中还存在不少问题不足和风险挑战"
        ));
        assert!(is_shortcomings(
            "各位代表,回顾过去一年的工作,我们也清醒地认识到,人大工作与新时代的新要求"
        ));
        assert!(is_shortcomings(
            "回顾过去五年的工作,我们深深感到,与新时代新征程新形势和人民群众新期待相比,市人大常委会工作还需不断努力:"
        ));
        assert!(!is_shortcomings("坚持问题导向,着力解决群众急难愁盼问题。"));
        assert_eq!(label_year("2022年工作回顾"), Some(2022));
        assert_eq!(label_year("二〇二三年的主要工作"), Some(2023));
        assert_eq!(label_year("过去一年的主要工作"), None);
        assert!(is_closing(
            "各位代表,新征程呼唤新担当。让我们更加紧密地团结在以习近平同志为核心的党中央周围,为建设…而团结奋斗!"
        ));
        assert!(is_closing("汇报完毕,谢谢!"));
        assert!(is_closing(
            "各位委员!新征程催人奋进,新使命共铸辉煌。让我们更加紧密地团结在以习近平同志为核心的中共中央周围,为推动营口全面振兴发展展现更大的担当和作为!"
        ));
    }

    #[test]
    fn closing_cues_of_one_part_hide_none_of_another() {
        // A word of one part overlapping one of another could hide it from
        // the one pass of `closing_cues`.
        let overlap = |a: &str, b: &str| {
            a.char_indices()
                .any(|(d, _)| b.starts_with(&a[d..]) || a[d..].starts_with(b))
        };
        let parts = [GRATITUDE_WORDS, OPENER_WORDS, DRAWN_WORDS];
        for (i, part) in parts.iter().enumerate() {
            for other in parts.iter().skip(i + 1) {
                for a in part.iter() {
                    for b in other.iter() {
                        assert!(!overlap(a, b) && !overlap(b, a), "{a} {b}");
                    }
                }
            }
        }
    }

    #[test]
    fn every_tasks_intro_holds_a_core() {
        for word in TASKS_INTRO_WORDS {
            assert!(
                TASKS_INTRO_CORES.iter().any(|core| word.contains(core)),
                "{word}"
            );
        }
    }

    #[test]
    fn every_period_starts_with_a_period_character() {
        for label in [
            "2022年",
            "２０２２年",
            "二〇二二年",
            "过去五年",
            "近一年",
            "本届以来",
            "五年",
            "一年来",
            "今年",
            "明年",
            "今后一年",
            "新的一年",
            "新一年",
            "市十五届常委会",
            "七届人大常委会",
            "“十四五”时期",
            "今后",
            "新一届",
            "下一步",
            "未来五年",
        ] {
            assert!(
                PERIOD_START.is_match(label) || FUTURE_START.is_match(label),
                "{label}"
            );
            assert!(label.starts_with(starts_period), "{label}");
        }
    }
}
