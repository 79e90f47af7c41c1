//! The words figures are read with: measure words and what each counts,
//! the markers of approximation and bounds, nouns that count people, the
//! filler words a clause is trimmed of, and the words that end a noun.

use super::affixes::Affixes;
use super::Category;

/// A measure word, what it counts, and whether a noun may follow it
/// (`257个基层立法联系点`) rather than precede the number (`召开会议9次`).
pub(super) struct Unit {
    pub(super) text: &'static str,
    pub(super) category: Category,
    pub(super) nominal: bool,
}

pub(super) const fn unit(text: &'static str, category: Category, nominal: bool) -> Unit {
    Unit {
        text,
        category,
        nominal,
    }
}

/// Measure words, longest first so `人次` wins over `人` and `个百分点`
/// over `个`. Units of time (`年` `月` `日` `天` `小时`) are absent on
/// purpose: durations and dates are not counts.
pub(super) const UNITS: &[Unit] = &[
    unit("平方公里", Category::Other, false),
    unit("千瓦时", Category::Other, false),
    unit("个百分点", Category::Rate, false),
    unit("百分点", Category::Rate, false),
    unit("平方米", Category::Other, false),
    unit("立方米", Category::Other, false),
    unit("人次", Category::People, false),
    unit("场次", Category::Events, false),
    unit("件次", Category::Documents, false),
    unit("篇次", Category::Documents, false),
    unit("家次", Category::Organisations, false),
    unit("户次", Category::Organisations, false),
    unit("架次", Category::Other, false),
    unit("标箱", Category::Other, false),
    unit("公斤", Category::Other, false),
    unit("批次", Category::Other, false),
    unit("部门", Category::Organisations, false),
    unit("公里", Category::Other, false),
    unit("公顷", Category::Other, false),
    unit("美元", Category::Other, false),
    unit("千瓦", Category::Other, false),
    unit("千米", Category::Other, false),
    unit("千克", Category::Other, false),
    unit("元", Category::Money, false),
    unit("人", Category::People, false),
    unit("名", Category::People, true),
    unit("位", Category::People, true),
    unit("次", Category::Events, false),
    unit("场", Category::Events, true),
    unit("期", Category::Events, true),
    unit("轮", Category::Events, false),
    unit("件", Category::Documents, true),
    unit("部", Category::Documents, true),
    unit("篇", Category::Documents, true),
    unit("条", Category::Documents, true),
    unit("项", Category::Documents, true),
    unit("份", Category::Documents, true),
    unit("家", Category::Organisations, true),
    unit("个", Category::Organisations, true),
    unit("所", Category::Organisations, true),
    unit("户", Category::Organisations, true),
    unit("%", Category::Rate, false),
    unit("％", Category::Rate, false),
    unit("‰", Category::Rate, false),
    unit("批", Category::Other, true),
    unit("处", Category::Other, true),
    unit("亩", Category::Other, false),
    unit("吨", Category::Other, false),
    unit("斤", Category::Other, false),
    unit("倍", Category::Rate, false),
    unit("套", Category::Other, true),
    unit("辆", Category::Other, true),
    unit("台", Category::Other, true),
    unit("座", Category::Other, true),
    unit("张", Category::Other, true),
    unit("宗", Category::Other, true),
    unit("起", Category::Other, true),
    unit("例", Category::Other, true),
    unit("支", Category::Other, true),
    unit("款", Category::Other, true),
    unit("本", Category::Other, true),
    unit("幅", Category::Other, true),
    unit("册", Category::Other, true),
    unit("类", Category::Other, true),
    unit("栋", Category::Other, true),
    unit("幢", Category::Other, true),
    unit("间", Category::Other, true),
    unit("艘", Category::Other, true),
    unit("架", Category::Other, true),
];

/// The measure words' texts, in [`UNITS`] order.
// Evaluated while compiling: an index out of range fails the build.
#[allow(clippy::indexing_slicing)]
pub(super) const UNIT_TEXTS: [&str; UNITS.len()] = {
    let mut texts = [""; UNITS.len()];
    let mut i = 0;
    while i < UNITS.len() {
        texts[i] = UNITS[i].text;
        i += 1;
    }
    texts
};

/// The measure words, filed by first character.
pub(super) static UNIT_WORDS: Affixes = Affixes::prefixes(&UNIT_TEXTS);

/// The measure word `rest` starts with, if any.
pub(super) fn unit_at(rest: &str) -> Option<&'static Unit> {
    UNITS.get(UNIT_WORDS.first_index(rest)?)
}

/// Nouns that count people without a measure word: `47.74万选民`.
pub(super) static PEOPLE_NOUNS: Affixes = Affixes::prefixes(&[
    "选民",
    "群众",
    "市民",
    "居民",
    "人口",
    "党员",
    "职工",
    "学生",
    "农民",
    "游客",
    "人才",
    "志愿者",
    "代表",
    "委员",
    "干部",
]);

/// Approximation and bound markers before the numeral, longest first.
pub(super) static PREFIX_MARKERS: Affixes = Affixes::suffixes(&[
    "不少于",
    "不低于",
    "不超过",
    "突破",
    "超过",
    "多达",
    "达到",
    "高达",
    "将近",
    "接近",
    "大约",
    "约",
    "近",
    "逾",
    "超",
    "达",
]);

/// Markers after the measure word.
pub(super) static SUFFIX_MARKERS: Affixes = Affixes::prefixes(&["以上", "左右", "以下", "以内"]);

/// Words that begin a clause without saying what is counted (`全年共召开…`).
pub(super) static LEADING_FILLERS: Affixes = Affixes::prefixes(&[
    "截至目前",
    "今年以来",
    "本届以来",
    "五年来",
    "一年来",
    "过去一年",
    "以来",
    "全年",
    "今年",
    "当年",
    "本年度",
    "年内",
    "其中",
    "共计",
    "累计",
    "先后",
    "同时",
    "此外",
    "另外",
    "目前",
    "总计",
    "合计",
    "分别",
    "共",
    "并",
    "还",
    "又",
    "已",
    "均",
    "度",
]);

/// Words that end a clause before the number without saying what is counted
/// (`…会议共计`, `…满意率达到`).
pub(super) static TRAILING_FILLERS: Affixes = Affixes::suffixes(&[
    "增加到",
    "增加至",
    "减少到",
    "减少至",
    "扩大到",
    "扩大至",
    "缩小至",
    "缩小到",
    "控制在",
    "稳定在",
    "保持在",
    "提升至",
    "提升到",
    "提高至",
    "提高到",
    "下降至",
    "下降到",
    "增长至",
    "增加到",
    "降至",
    "升至",
    "首次",
    "分别为",
    "总数为",
    "分别",
    "共计",
    "累计",
    "合计",
    "总计",
    "共",
    "计",
    "为",
    "从",
    "由",
    "有",
    "各",
    "等",
    "了",
    "已",
    "均",
]);

/// Two-character verbs that say what was done but not to what: a clause made
/// only of these (`通过`, `审议通过`) continues the figure before it.
pub(super) static BARE_VERBS: Affixes = Affixes::prefixes(&[
    "通过", "审议", "批准", "制定", "修订", "修改", "废止", "出台", "开展", "召开", "举办", "组织",
    "完成", "办结", "办理", "办复", "接待", "收集", "提出", "形成", "解决", "推动", "交办", "督办",
    "听取", "作出", "任免", "任命", "发放", "培训", "走访", "调研", "视察", "检查", "新增", "增加",
    "增长", "提高", "下降", "减少", "实现", "达到", "建成", "建设", "落实", "审查", "备案", "受理",
    "处理", "化解", "征集", "收到", "采纳", "涉及", "参与", "参加", "覆盖", "惠及", "帮助", "帮扶",
    "引进", "签约", "投入", "举行", "邀请", "列席", "批复", "答复", "回复", "印发", "发布", "制发",
    "转办", "转交", "立案", "交办", "纠正", "撤销", "清理",
]);

/// Particles and words that end the noun after a measure word: the rest of
/// the sentence begins there (`35名代表列席常委会会议`,
/// `13件规范性文件进行备案审查`, `16个区均已…`).
pub(super) fn is_noun_stop(ch: char) -> bool {
    matches!(
        ch,
        '的' | '和'
            | '及'
            | '与'
            | '等'
            | '在'
            | '将'
            | '把'
            | '被'
            | '向'
            | '均'
            | '都'
            | '已'
            | '并'
            | '由'
            | '从'
            | '给'
            | '让'
            | '使'
            | '经'
            | '按'
            | '随'
            | '是'
            | '了'
            | '以'
            | '因'
            | '除'
            | '约'
            | '达'
            | '逾'
    )
}

pub(super) static NOUN_STOP_WORDS: Affixes = Affixes::prefixes(&[
    "进行", "开展", "实施", "实现", "完成", "提出", "提供", "提升", "提高", "参加", "参与", "列席",
    "纳入", "得到", "获得", "取得", "就地", "就近", "全部", "全面", "分别", "设置", "覆盖", "达到",
    "用于", "位于", "对于", "关于", "显著", "正式", "投入", "建成", "开工", "落地", "入驻", "通过",
    "形成", "编入", "予以", "涉及", "增加", "增长", "减少", "下降", "缩小", "扩大", "降低",
]);
