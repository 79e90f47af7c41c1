//! Patterns for the standard parts of a report and for its kind. They match
//! the conventions of DOMAIN.md §2, in either punctuation width.

use std::sync::LazyLock;

use regex::Regex;

use super::model::{Kind, Part};
use super::Words;

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
static GRATITUDE: Words = Words(LazyLock::new(|| super::static_words(GRATITUDE_WORDS)));
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
static OPENERS: Words = Words(LazyLock::new(|| super::static_words(OPENER_WORDS)));
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
static TASKS_INTRO: Words = Words(LazyLock::new(|| super::static_words(TASKS_INTRO_WORDS)));
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
    static CORES: LazyLock<[memchr::memmem::Finder<'static>; 2]> =
        LazyLock::new(|| TASKS_INTRO_CORES.map(memchr::memmem::Finder::new));
    at_most_chars(sentence, 80)
        && CORES
            .iter()
            .any(|core| core.find(sentence.as_bytes()).is_some())
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
static DRAWN: Words = Words(LazyLock::new(|| super::static_words(DRAWN_WORDS)));

/// The words the thanks, the shortcomings and the lessons need, in one set.
static CLOSING_CUES: Words = Words(LazyLock::new(|| {
    super::static_words(&[GRATITUDE_WORDS, OPENER_WORDS, DRAWN_WORDS].concat())
}));

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

/// The year a part heading is about: `2022年工作回顾` → 2022,
/// `二〇二三年的主要工作` → 2023.
pub fn label_year(label: &str) -> Option<u32> {
    year_value(YEAR.captures(label)?.get(1)?.as_str())
}

/// A year as labels write it: `2022年`, `２０２２年`, `二〇二二年`, `2002 年`.
static YEAR: LazyLock<Regex> = re!(r"([0-9０-９]{4}|[二〇零一三四五六七八九]{4})\s?年");

/// The year four digits write (`2022`, `２０２２`, `二〇二二`), if it is one a
/// report can be about.
pub(crate) fn year_value(digits: &str) -> Option<u32> {
    let mut year = 0;
    for ch in digits.chars() {
        let d = match ch {
            '0'..='9' => ch as u32 - '0' as u32,
            '０'..='９' => ch as u32 - '０' as u32,
            _ => super::numeral::digit(ch)?,
        };
        year = year * 10 + d;
    }
    (1949..=2200).contains(&year).then_some(year)
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

/// When a top-level part of a report is set, as its heading says it: the
/// past (the review) or the session's year and after (the tasks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Coming,
}

/// The tense of a top-level heading: by the years and five-year plans it
/// names against the year of the session (`一、2024年工作回顾` in 2025 is
/// past, `三、一鼓作气勇争先，全力推动“十五五”开好局` in 2026 is coming), else
/// by its words (`回顾`, `过去`… against `今年`, `主要任务`, `总体要求`…).
pub fn heading_tense(label: &str, session_year: Option<u32>) -> Option<Tense> {
    if let Some(tense) = session_year.and_then(|session| tense_by_years(label, session)) {
        return Some(tense);
    }
    static PAST: Words = words!(
        "回顾",
        "过去",
        "一年来",
        "五年来",
        "年来",
        "以来",
        "收官",
        "取得",
        "成效",
        "成就"
    );
    static COMING: Words = words!(
        "今年",
        "新的一年",
        "新一年",
        "明年",
        "今后",
        "下一步",
        "未来",
        "任务",
        "重点工作",
        "总体要求",
        "预期目标",
        "主要目标",
        "工作安排",
        "工作建议",
        "开局",
        "开好局",
        "起好步"
    );
    match (PAST.in_text(label), COMING.in_text(label)) {
        (true, false) => Some(Tense::Past),
        (false, true) => Some(Tense::Coming),
        _ => None,
    }
}

/// The tense of a heading by the years and five-year plans it names
/// against the year of the session.
pub fn tense_by_years(label: &str, session: u32) -> Option<Tense> {
    // Of every year and plan named, the latest decides: `2023年和
    // “十四五”以来的工作回顾` is past, `2024年和今后五年的目标` coming.
    let latest_year = named_years(label).max();
    let latest_plan = named_plans(label).max_by_key(|p| p.0);
    // `回顾` says past whatever the years: the session's year may be
    // read wrong (a session held early in the year it reviews).
    let looks_back = label.contains("回顾");
    if !looks_back
        && (latest_year.is_some_and(|y| y >= session)
            || latest_plan.is_some_and(|(start, _)| start >= session))
    {
        return Some(Tense::Coming);
    }
    if latest_year.is_some() || latest_plan.is_some_and(|(_, end)| end < session) {
        return Some(Tense::Past);
    }
    None
}

/// The years a label names: `2024年` `二〇二四年`.
pub(super) fn named_years(label: &str) -> impl Iterator<Item = u32> + '_ {
    YEAR.captures_iter(label)
        .filter_map(|c| year_value(c.get(1)?.as_str()))
}

/// The five-year plans a label names (`“十四五”`, `十三五`), as their first
/// and last years: the third plan began in 1966, and one every five years
/// since.
fn named_plans(label: &str) -> impl Iterator<Item = (u32, u32)> + '_ {
    static PLAN: LazyLock<Regex> = re!(
        r"[“\x22]?(十[一二三四五六七八九]?|[三四五六七八九])五[”\x22]?(时期|规划|期间|以来|开局|收官|目标|发展|的)"
    );
    PLAN.captures_iter(label).filter_map(|c| {
        let numeral = c.get(1)?.as_str();
        let n = super::numeral::parse_small(numeral)?;
        let start = 1966 + 5 * n.checked_sub(3)?;
        Some((start, start + 4))
    })
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
        .or_else(|| super::numeral::parse_small(month))
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
}

/// Whether `s` has at most `n` characters. A character takes one to four
/// bytes: a text of at most `n` bytes, or of more than `4 n` (a whole
/// paragraph), is told without counting.
pub(crate) fn at_most_chars(s: &str, n: usize) -> bool {
    s.len() <= n || (s.len() <= n * 4 && s.chars().count() <= n)
}

/// At least the first `n` characters of `s`, cut without counting them: as
/// many bytes as `n` characters can take at most.
pub(crate) fn first_bytes(s: &str, n: usize) -> &str {
    s.get(..s.floor_char_boundary(n * 4)).unwrap_or(s)
}

pub(crate) fn first_chars(s: &str, n: usize) -> &str {
    // Every character takes a byte or more.
    if s.len() <= n {
        return s;
    }
    // `Chars::nth` skips whole chunks of bytes; `CharIndices::nth` decodes
    // every character.
    let mut chars = s.chars();
    chars.nth(n).map_or(s, |c| {
        s.get(..s.len() - chars.as_str().len() - c.len_utf8())
            .unwrap_or(s)
    })
}

/// The last `n` characters of `s` (all of it when shorter).
pub(crate) fn last_chars(s: &str, n: usize) -> &str {
    s.char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(s, |(at, _)| s.get(at..).unwrap_or(s))
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
        assert_eq!(
            title_kind("市人民政府关于2023年国民经济和社会发展计划执行情况的报告").map(|k| k.0),
            Some(Kind::Other)
        );
        assert_eq!(
            title_kind("市人大常委会关于执法检查情况的报告").map(|k| k.0),
            Some(Kind::Other)
        );
        for label in [
            "坚持党的全面领导,牢牢把握人大工作正确政治方向",
            "坚持不懈用党的创新理论武装头脑",
            "加强地方立法",
        ] {
            assert_eq!(heading_part(label), None, "{label}");
        }
    }

    #[test]
    fn at_most_chars_is_a_count_of_characters() {
        // Around each shortcut: `n` bytes, `4 n` bytes, and between.
        for s in [
            "",
            "ab",
            "abc",
            "一二",
            "一a",
            "一二三四",
            "😀😀",
            "😀😀😀",
            "a😀b",
        ] {
            for n in 0..6 {
                assert_eq!(at_most_chars(s, n), s.chars().count() <= n, "{s} {n}");
            }
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
