//! Finding figures: one forward scan that stops at numerals, then a look at a
//! small window around each — the markers before it, the multiplier and
//! measure word after it, the quotes and titles it may sit in, and the clause
//! that says what was counted.

use std::sync::LazyLock;

use rust_decimal::Decimal;

use super::number::{self, Numeral};
use super::stops::Stops;
use super::{Category, Claim, Metric, WhatSource};
use crate::report::Words;
use crate::text::{byte_set, TextRange};

/// Every counted figure in `text`.
pub fn extract(text: &str) -> Vec<Metric> {
    extract_in(text, &[TextRange::new(0, text.len())])
}

/// Every counted figure in the given paragraphs of `text` (e.g. the
/// document's paragraphs, so page chrome and other noise are skipped). Ranges
/// that do not fall on character boundaries of `text` are ignored.
pub fn extract_in(text: &str, paragraphs: &[TextRange]) -> Vec<Metric> {
    // Reports hold a figure every 650 or so bytes: room for most of them up
    // front leaves at most one doubling, and one copy of the figures read.
    let mut out = Vec::with_capacity(text.len() / 1024);
    let mut stops = Stops::new(text.as_bytes());
    for &paragraph in paragraphs {
        if let Some(slice) = text.get(paragraph.start..paragraph.end) {
            Scanner::new(slice, paragraph.start).run(&mut stops, &mut out);
        }
    }
    out
}

/// A measure word, what it counts, and whether a noun may follow it
/// (`257个基层立法联系点`) rather than precede the number (`召开会议9次`).
struct Unit {
    text: &'static str,
    category: Category,
    nominal: bool,
}

const fn unit(text: &'static str, category: Category, nominal: bool) -> Unit {
    Unit {
        text,
        category,
        nominal,
    }
}

/// Measure words, longest first so `人次` wins over `人` and `个百分点`
/// over `个`. Units of time (`年` `月` `日` `天` `小时`) are absent on
/// purpose: durations and dates are not counts.
const UNITS: &[Unit] = &[
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

/// Whether the three bytes encode a Chinese numeral character (see
/// [`number::han`]): 〇 零 一 二 两 三 四 五 六 七 八 九 十 百 千 万 亿.
fn is_han_numeral(b0: u8, b1: u8, b2: u8) -> bool {
    matches!(
        (b0, b1, b2),
        (0xE3, 0x80, 0x87)
            | (0xE4, 0xB8, 0x80 | 0x83 | 0x87 | 0x89 | 0xA4)
            | (0xE4, 0xB9, 0x9D)
            | (0xE4, 0xBA, 0x8C | 0x94 | 0xBF)
            | (0xE5, 0x85, 0xAB | 0xAD)
            | (0xE5, 0x8D, 0x81 | 0x83)
            | (0xE5, 0x9B, 0x9B)
            | (0xE7, 0x99, 0xBE)
            | (0xE9, 0x9B, 0xB6)
    )
}

/// Length of the UTF-8 sequence a lead byte starts: its leading one bits,
/// without branches (1 for ASCII and for a stray continuation byte, which a
/// `str` never starts a character with).
fn utf8_len(lead: u8) -> usize {
    (lead.leading_ones() as usize).max(1)
}

/// Which end of a text a word list is matched at.
#[derive(Clone, Copy)]
enum End {
    Start,
    Finish,
}

/// Number of buckets of an [`Affixes`] list.
const BUCKETS: usize = 256;
/// Most words an [`Affixes`] list may hold (their links are bytes).
const MAX_WORDS: usize = 128;

/// The bucket of the character at `end` of `bytes`: a hash of that
/// character's last two bytes (its only byte if ASCII), read without
/// decoding it. `None` for no bytes.
const fn bucket_at(bytes: &[u8], end: End) -> Option<usize> {
    let (prev, last) = match end {
        End::Start => match *bytes {
            [b0, ..] if b0 < 0x80 => (0, b0),
            [b0, b1, ..] if b0 < 0xE0 => (b0, b1),
            [b0, b1, b2, ..] if b0 < 0xF0 => (b1, b2),
            [_, _, b2, b3, ..] => (b2, b3),
            _ => return None,
        },
        End::Finish => match *bytes {
            [.., last] if last < 0x80 => (0, last),
            [.., prev, last] => (prev, last),
            _ => return None,
        },
    };
    let pair = (prev as u32) << 8 | last as u32;
    Some((pair.wrapping_mul(0x9E37_79B9) >> 24) as usize)
}

/// Words of which the first, in list order, found at one end of a text is
/// wanted (the lists put longer words first). The words are filed at
/// compile time by a hash of their character at that end, so that a text
/// is compared only with the one to three words that may start (or end) it,
/// and most texts, which start (or end) with no word at all, are turned
/// away by one byte of the list itself.
struct Affixes {
    words: &'static [&'static str],
    end: End,
    /// For each bucket, 1 + the index of its first word, 0 if it is empty.
    first: [u8; BUCKETS],
    /// For each word, 1 + the index of the next word in its bucket, 0 after
    /// its last.
    next: [u8; MAX_WORDS],
}

impl Affixes {
    /// Words that start a text.
    const fn prefixes(words: &'static [&'static str]) -> Self {
        Affixes::new(words, End::Start)
    }

    /// Words that end a text.
    const fn suffixes(words: &'static [&'static str]) -> Self {
        Affixes::new(words, End::Finish)
    }

    /// Files each of `words` under its character at `end` (an empty word
    /// under none: it never matches).
    // Run only to build statics, while compiling: an index out of range
    // fails the build.
    #[allow(clippy::indexing_slicing)]
    const fn new(words: &'static [&'static str], end: End) -> Self {
        assert!(words.len() <= MAX_WORDS, "too many words for byte links");
        let mut first = [0; BUCKETS];
        let mut next = [0; MAX_WORDS];
        // Last word first, so that each bucket lists its words in list order.
        let mut index = words.len();
        while index > 0 {
            index -= 1;
            if let Some(bucket) = bucket_at(words[index].as_bytes(), end) {
                next[index] = first[bucket];
                first[bucket] = (index + 1) as u8;
            }
        }
        Affixes {
            words,
            end,
            first,
            next,
        }
    }

    /// The first of the words at this list's end of `s`.
    fn find(&self, s: &str) -> Option<&'static str> {
        self.words.get(self.first_index(s)?).copied()
    }

    /// The index of the first of the words at this list's end of `s`: a word
    /// that starts (or ends) `s` has the same character there, so it is in
    /// that character's bucket. Inlined, so that an empty bucket costs no
    /// call.
    #[inline(always)]
    fn first_index(&self, s: &str) -> Option<usize> {
        match *self.first.get(bucket_at(s.as_bytes(), self.end)?)? {
            0 => None,
            link => self.first_fit(s, link),
        }
    }

    /// The index of the first word at this list's end of `s` in the bucket
    /// whose first link is `link`.
    fn first_fit(&self, s: &str, mut link: u8) -> Option<usize> {
        while let Some(index) = usize::from(link).checked_sub(1) {
            let word = self.words.get(index)?.as_bytes();
            let at = match self.end {
                End::Start => Some(0),
                End::Finish => s.len().checked_sub(word.len()),
            };
            // Byte by byte: the words are a few bytes long, and a call to
            // `memcmp` for each cost more than comparing them.
            let fits = at
                .and_then(|at| s.as_bytes().get(at..at + word.len()))
                .is_some_and(|part| part.iter().zip(word).all(|(a, b)| a == b));
            if fits {
                return Some(index);
            }
            link = *self.next.get(index)?;
        }
        None
    }
}

/// The measure words' texts, in [`UNITS`] order.
// Evaluated while compiling: an index out of range fails the build.
#[allow(clippy::indexing_slicing)]
const UNIT_TEXTS: [&str; UNITS.len()] = {
    let mut texts = [""; UNITS.len()];
    let mut i = 0;
    while i < UNITS.len() {
        texts[i] = UNITS[i].text;
        i += 1;
    }
    texts
};

/// The measure words, filed by first character.
static UNIT_WORDS: Affixes = Affixes::prefixes(&UNIT_TEXTS);

/// The measure word `rest` starts with, if any.
fn unit_at(rest: &str) -> Option<&'static Unit> {
    UNITS.get(UNIT_WORDS.first_index(rest)?)
}

/// Words after a measure word that turn it into something else: an ordinal
/// session (`二次会议`, `四次全会`), a duration (`3个月`), a law (`一法一条例`),
/// or an ordinary word that merely starts with the unit's character.
fn unit_is_word(unit: &str, rest: &str) -> bool {
    let after: &[&str] = match unit {
        "期" => &["间", "工程", "项目"],
        "个" => &[
            "月",
            "小时",
            "工作日",
            "季度",
            "年度",
            "周",
            "星期",
            "学期",
            "方面",
        ],
        "条" => &["例"],
        "位" => &["于", "置"],
        "人" => &["民", "大", "口", "均"],
        "名" => &["单", "称", "录", "义"],
        "场" => &["所", "景", "地"],
        "家" => &["庭", "乡"],
        "部" => &["署", "分", "长"],
        "所" => &["有", "在", "属", "以"],
        "户" => &["籍", "口"],
        "起" => &["草", "步", "点", "来", "到"],
        "处" => &["理", "置", "长"],
        "台" => &["湾", "胞", "商", "企", "资"],
        "支" => &["持", "出", "付", "部"],
        "元" => &["素", "旦", "宵"],
        "亩" => &["均"],
        _ => &[],
    };
    after.iter().any(|w| rest.starts_with(w))
}

/// Whether the numeral at `at` continues a list of ordinals: the `2` of
/// `第1、2名`.
fn ordinal_list(text: &str, at: usize) -> bool {
    let Some(head) = text.get(..at) else {
        return false;
    };
    let Some(rest) = head.strip_suffix(['、', ',', '，', '和', '及', '与']) else {
        return false;
    };
    let numeral = rest
        .chars()
        .rev()
        .take_while(|&c| c.is_ascii_digit() || number::han(c).is_some())
        .map(char::len_utf8)
        .sum::<usize>();
    numeral > 0 && rest[..rest.len() - numeral].ends_with('第')
}

/// Whether `次` names a session rather than counts: `市七届人大二次会议`,
/// `十二届四次全会`, `十六届人大3次会议` — a Chinese numeral, or a term
/// (`届`) just before, and a meeting after.
fn is_session(text: &str, start: usize, kind: Kind, unit: &str, after: &str) -> bool {
    if unit != "次" || !["会", "全会", "全体"].iter().any(|w| after.starts_with(w)) {
        return false;
    }
    let window = text.ceil_char_boundary(start.saturating_sub(8 * 3));
    matches!(kind, Kind::Han { .. })
        || text
            .get(window..start)
            .is_some_and(|w| rfind_char(w, '届').is_some())
}

/// Nouns that count people without a measure word: `47.74万选民`.
static PEOPLE_NOUNS: Affixes = Affixes::prefixes(&[
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
static PREFIX_MARKERS: Affixes = Affixes::suffixes(&[
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

/// Whether `c` ends one of [`PREFIX_MARKERS`]: one test per Chinese numeral
/// the scan meets, where comparing the markers' ends one by one cost a
/// quarter of the scan.
fn ends_prefix_marker(c: char) -> bool {
    matches!(
        c,
        '于' | '过' | '破' | '达' | '到' | '近' | '约' | '逾' | '超'
    )
}

/// Characters that, before a one-character marker, make it part of a word
/// (`签约` `传达` `最近` `赶超`) rather than a marker.
fn marker_is_word(marker: &str, before: Option<char>) -> bool {
    let Some(c) = before else { return false };
    let words: &str = match marker {
        "达" => "送传下表抵到直通转发雷畅豁腾练",
        "约" => "签预节制邀履违特相践集公条合婚契",
        "近" => "最附临亲靠就贴",
        "超" => "赶高",
        _ => "",
    };
    words.contains(c)
}

/// Markers after the measure word.
static SUFFIX_MARKERS: Affixes = Affixes::prefixes(&["以上", "左右", "以下", "以内"]);

/// A marker between the numeral and the measure word (`480余万元`,
/// `8000多万元`, `4.2万多人次`), read at `pos` unless one was read already.
fn infix(text: &str, pos: &mut usize, approx: &mut Option<&'static str>) {
    if approx.is_some() {
        return;
    }
    let marker = match char_at(text, *pos) {
        Some('余') => "余",
        Some('多') => "多",
        _ => return,
    };
    *approx = Some(marker);
    *pos += marker.len();
}

/// What a character means to the clause before a figure.
#[derive(Debug, PartialEq, Eq)]
enum ClauseMark {
    /// `,` `，` `、` `;` `；` `。` `:` `：` `!` `！` `?` `？` `…` `●` `■` `◆`,
    /// a line break or a tab: the clause begins after it.
    Break,
    /// `(` `（`
    Open,
    /// `)` `）`
    Close,
    Other,
}

/// The mark of the character `bytes` start with, told by its UTF-8 bytes:
/// the clause is read backwards a byte at a time, with no decoding.
fn clause_mark(bytes: &[u8]) -> ClauseMark {
    match bytes {
        [b'(', ..] | [0xEF, 0xBC, 0x88, ..] => ClauseMark::Open,
        [b')', ..] | [0xEF, 0xBC, 0x89, ..] => ClauseMark::Close,
        [b',' | b';' | b':' | b'!' | b'?' | b'\n' | b'\r' | b'\t', ..]
        // ，；：！？
        | [0xEF, 0xBC, 0x8C | 0x9B | 0x9A | 0x81 | 0x9F, ..]
        // 、。
        | [0xE3, 0x80, 0x81 | 0x82, ..]
        // … ● ◆ ■
        | [0xE2, 0x80, 0xA6, ..]
        | [0xE2, 0x97, 0x8F | 0x86, ..]
        | [0xE2, 0x96, 0xA0, ..] => ClauseMark::Break,
        _ => ClauseMark::Other,
    }
}

fn is_range_connector(ch: char) -> bool {
    matches!(ch, '-' | '—' | '–' | '~' | '～' | '至' | '到' | '－')
}

fn is_space(ch: char) -> bool {
    matches!(ch, ' ' | '\u{3000}' | '\u{a0}')
}

fn is_han(ch: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&ch)
}

/// Words that begin a clause without saying what is counted (`全年共召开…`).
static LEADING_FILLERS: Affixes = Affixes::prefixes(&[
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
static TRAILING_FILLERS: Affixes = Affixes::suffixes(&[
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
static BARE_VERBS: Affixes = Affixes::prefixes(&[
    "通过", "审议", "批准", "制定", "修订", "修改", "废止", "出台", "开展", "召开", "举办", "组织",
    "完成", "办结", "办理", "办复", "接待", "收集", "提出", "形成", "解决", "推动", "交办", "督办",
    "听取", "作出", "任免", "任命", "发放", "培训", "走访", "调研", "视察", "检查", "新增", "增加",
    "增长", "提高", "下降", "减少", "实现", "达到", "建成", "建设", "落实", "审查", "备案", "受理",
    "处理", "化解", "征集", "收到", "采纳", "涉及", "参与", "参加", "覆盖", "惠及", "帮助", "帮扶",
    "引进", "签约", "投入", "举行", "邀请", "列席", "批复", "答复", "回复", "印发", "发布", "制发",
    "转办", "转交", "立案", "交办", "纠正", "撤销", "清理",
]);

/// Whether a phrase says nothing about what was counted: a word or two, or
/// only verbs.
pub(crate) fn is_bare_verb(what: &str) -> bool {
    !what.is_empty() && (crate::report::parts::at_most_chars(what, 2) || is_verbs(what))
}

/// Whether a phrase is one or more of the verbs in [`BARE_VERBS`].
fn is_verbs(what: &str) -> bool {
    if what.is_empty() {
        return false;
    }
    let mut rest = what;
    while !rest.is_empty() {
        match BARE_VERBS.find(rest) {
            Some(v) => rest = &rest[v.len()..],
            None => return false,
        }
    }
    true
}

/// Longest phrase before a figure taken as what it counts, in characters.
const MAX_WHAT: usize = 16;
/// How far back a clause is searched for its start, in characters.
const MAX_CLAUSE: usize = 40;
/// Longest noun after a measure word, in characters.
const MAX_NOUN: usize = 10;

/// Particles and words that end the noun after a measure word: the rest of
/// the sentence begins there (`35名代表列席常委会会议`,
/// `13件规范性文件进行备案审查`, `16个区均已…`).
fn is_noun_stop(ch: char) -> bool {
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

static NOUN_STOP_WORDS: Affixes = Affixes::prefixes(&[
    "进行", "开展", "实施", "实现", "完成", "提出", "提供", "提升", "提高", "参加", "参与", "列席",
    "纳入", "得到", "获得", "取得", "就地", "就近", "全部", "全面", "分别", "设置", "覆盖", "达到",
    "用于", "位于", "对于", "关于", "显著", "正式", "投入", "建成", "开工", "落地", "入驻", "通过",
    "形成", "编入", "予以", "涉及", "增加", "增长", "减少", "下降", "缩小", "扩大", "降低",
]);

/// Whether `ch` begins one of [`NOUN_STOP_WORDS`], to try the words only there.
fn begins_noun_stop_word(ch: char) -> bool {
    matches!(
        ch,
        '进' | '开'
            | '实'
            | '完'
            | '提'
            | '参'
            | '列'
            | '纳'
            | '得'
            | '获'
            | '取'
            | '就'
            | '全'
            | '分'
            | '设'
            | '覆'
            | '达'
            | '用'
            | '位'
            | '对'
            | '关'
            | '显'
            | '正'
            | '投'
            | '建'
            | '落'
            | '入'
            | '通'
            | '形'
            | '编'
            | '予'
            | '涉'
            | '增'
            | '减'
            | '下'
            | '缩'
            | '扩'
            | '降'
    )
}

/// The last figure read in the paragraph, the last one in the output too:
/// its `what` is read there rather than copied.
struct Previous<'t> {
    end: usize,
    unit: &'static str,
    /// The object a bare verb after this figure borrows, if any.
    object: Option<&'t str>,
    /// The verb a bare noun after this figure borrows, if any.
    verb: Option<&'t str>,
    sentence_start: usize,
}

struct Scanner<'t> {
    text: &'t str,
    base: usize,
    /// Inside “…” or ‘…’ (or 「…」): slogans and quotations.
    curly: bool,
    /// Inside "…" (straight quotes pair up left to right).
    straight: bool,
    /// Depth inside 《…》 or 〈…〉: titles of laws and documents.
    title: usize,
    /// Where the quotes and titles have been read up to (see [`Self::quoted`]).
    marks_read: usize,
    previous: Option<Previous<'t>>,
    /// Where the current sentence began.
    sentence_start: usize,
    /// Index in the output of the first figure of the current sentence.
    open_from: usize,
    /// Where the current paragraph (line) began, and the index in the output
    /// of its first figure.
    paragraph_start: usize,
    paragraph_from: usize,
    /// What the current sentence says up to the last figure read.
    sentence_memo: Option<Memo<'t>>,
    /// What the current paragraph says before the current sentence.
    paragraph_memo: Option<Memo<'t>>,
}

/// What a text from `start` up to `end` says of the figures after it.
struct Memo<'t> {
    start: usize,
    end: usize,
    framing: Framing<'t>,
}

/// The period a text names (the last one) and whether it sets a target.
#[derive(Clone, Copy, Default)]
struct Framing<'t> {
    period: Option<&'t str>,
    target: bool,
}

/// Longest period token in bytes (`2018—2022年`), read again when a
/// sentence's period is read on.
const MAX_PERIOD_BYTES: usize = 16;

impl<'t> Scanner<'t> {
    fn new(text: &'t str, base: usize) -> Self {
        Scanner {
            text,
            base,
            curly: false,
            straight: false,
            title: 0,
            marks_read: 0,
            previous: None,
            sentence_start: 0,
            open_from: 0,
            paragraph_start: 0,
            paragraph_from: 0,
            sentence_memo: None,
            paragraph_memo: None,
        }
    }

    /// Whether the numeral at `at` is in quotes or a title. The scan does
    /// not stop at their marks (most sentences hold some, few a figure):
    /// they are read here, from where the last reading ended, or the
    /// sentence's start, up to `at`, a block of bytes at a time. The scan
    /// passes over numerals and figures' mentions without stopping, but
    /// those hold none of these marks, so reading them all gives the same
    /// state. `＂`, rare, is still a stop, as its first byte also begins
    /// every full-width comma: it only toggles `straight`, in any order.
    fn quoted(&mut self, at: usize) -> bool {
        let bytes = self.text.as_bytes();
        let mut block = self.marks_read;
        while block < at {
            let mut leads = byte_set::mask_at(bytes, block, &[b'"', 0xE2, 0xE3]);
            if at - block < byte_set::BLOCK {
                leads &= !(u64::MAX << (at - block));
            }
            while leads != 0 {
                let mark = bytes.get(block + leads.trailing_zeros() as usize..);
                self.read_mark(mark.unwrap_or_default());
                leads &= leads - 1;
            }
            block += byte_set::BLOCK;
        }
        self.marks_read = at;
        self.curly || self.straight || self.title > 0
    }

    /// Applies the quote or title mark that `bytes` start with, if any.
    fn read_mark(&mut self, bytes: &[u8]) {
        match bytes {
            [b'"', ..] => self.straight = !self.straight,
            // ‘ “ 「 『 and ’ ” 」 』
            [0xE2, 0x80, 0x98 | 0x9C, ..] | [0xE3, 0x80, 0x8C | 0x8E, ..] => self.curly = true,
            [0xE2, 0x80, 0x99 | 0x9D, ..] | [0xE3, 0x80, 0x8D | 0x8F, ..] => self.curly = false,
            // 《 〈 and 》 〉
            [0xE3, 0x80, 0x8A | 0x88, ..] => self.title += 1,
            [0xE3, 0x80, 0x8B | 0x89, ..] => self.title = self.title.saturating_sub(1),
            _ => {}
        }
    }

    /// Reads the paragraph; `stops` finds the stops of the whole text.
    fn run(mut self, stops: &mut Stops, out: &mut Vec<Metric>) {
        let bytes = self.text.as_bytes();
        let mut i = 0;
        self.open_from = out.len();
        self.paragraph_from = out.len();
        // Bytes, not characters: every character that matters is told by
        // its UTF-8 encoding, and all others are stepped over undecoded.
        let end = self.base + bytes.len();
        loop {
            i = stops.next(self.base + i, end) - self.base;
            let Some(&b) = bytes.get(i) else { break };
            if b.is_ascii() {
                match b {
                    b'0'..=b'9' => {
                        i = self.at_numeral(i, out);
                        continue;
                    }
                    b'\n' | b'\r' => self.end_paragraph(i + 1, out),
                    b'!' | b'?' => self.end_sentence(i + 1, out),
                    _ => {}
                }
                i += 1;
                continue;
            }
            let b1 = bytes.get(i + 1).copied().unwrap_or(0);
            let b2 = bytes.get(i + 2).copied().unwrap_or(0);
            match (b, b1, b2) {
                // 。！？: an unbalanced quote or title must not hide the rest
                // of a document pasted on one line, so quotes end with the
                // sentence.
                (0xE3, 0x80, 0x82) | (0xEF, 0xBC, 0x81 | 0x9F) => self.end_sentence(i + 3, out),
                // ＂
                (0xEF, 0xBC, 0x82) => self.straight = !self.straight,
                // ０…９
                (0xEF, 0xBC, 0x90..=0x99) => {
                    i = self.at_numeral(i, out);
                    continue;
                }
                _ if is_han_numeral(b, b1, b2) => {
                    i = self.at_han(i, out);
                    continue;
                }
                _ => {}
            }
            i += utf8_len(b);
        }
        self.end_paragraph(self.text.len(), out);
    }

    /// What the text from `start` up to `at` says of the figures after it,
    /// read on from `memo`: figures come in order, so each reads on from
    /// where the one before it stopped (less a few bytes, for a word cut in
    /// two), and the whole scan stays linear.
    fn framing(text: &'t str, memo: &mut Option<Memo<'t>>, start: usize, at: usize) -> Framing<'t> {
        let (from, earlier) = match memo.take() {
            Some(m) if m.start == start && m.end <= at => (
                text.ceil_char_boundary(m.end.saturating_sub(MAX_PERIOD_BYTES).max(start)),
                m.framing,
            ),
            _ => (start, Framing::default()),
        };
        let read = text.get(from..at).unwrap_or("");
        let framing = Framing {
            period: period(read).or(earlier.period),
            target: earlier.target || TARGET_WORDS.in_text(read),
        };
        *memo = Some(Memo {
            start,
            end: at,
            framing,
        });
        framing
    }

    /// A paragraph (or line) ended just before `next`.
    fn end_paragraph(&mut self, next: usize, out: &mut [Metric]) {
        self.end_sentence(next, out);
        if let Some(open) = out.get_mut(self.paragraph_from..) {
            for metric in open {
                metric.paragraph.end = self.base + next;
            }
        }
        self.paragraph_from = out.len();
        self.paragraph_start = next;
        self.paragraph_memo = None;
    }

    /// A sentence ended just before `next`.
    fn end_sentence(&mut self, next: usize, out: &mut [Metric]) {
        // The figures read since the last break end their sentence here.
        if let Some(open) = out.get_mut(self.open_from..) {
            for metric in open {
                metric.sentence.end = self.base + next;
            }
        }
        self.open_from = out.len();
        self.sentence_start = next;
        self.curly = false;
        self.straight = false;
        self.title = 0;
        self.marks_read = next;
    }

    /// Adds a figure; returns where scanning goes on: after its whole
    /// mention, whose multiplier may be a numeral too (`9 百余次` is one
    /// figure, not also `百余次`).
    fn push(&self, metric: Metric, out: &mut Vec<Metric>) -> usize {
        let end = metric.range.end - self.base;
        out.push(metric);
        end
    }

    /// Reads the Arabic numeral at `at`; returns where scanning goes on.
    fn at_numeral(&mut self, at: usize, out: &mut Vec<Metric>) -> usize {
        let bytes = self.text.as_bytes();
        match number::arabic(self.text, at) {
            Some(numeral) => {
                let mut end = numeral.end;
                if !self.quoted(at) {
                    if let Some(metric) = self.figure(at, numeral, Kind::Arabic, out) {
                        end = self.push(metric, out);
                    }
                }
                end.max(at + 1)
            }
            None => {
                // Skip the whole run so its tail is not read as a number.
                let mut i = at;
                while let Some((_, len)) = number::digit_at(bytes, i) {
                    i += len;
                }
                i.max(at + 1)
            }
        }
    }

    /// Reads the Chinese numeral run at `at`; returns where scanning goes on.
    fn at_han(&mut self, at: usize, out: &mut Vec<Metric>) -> usize {
        // The whole run of numeral characters, each three bytes long, is
        // passed over whether it is read or not.
        let bytes = self.text.as_bytes();
        let mut end = at;
        while let Some(&[b0, b1, b2]) = bytes.get(end..end + 3) {
            if !is_han_numeral(b0, b1, b2) {
                break;
            }
            end += 3;
        }
        let end = end.max(at + 1);
        // Most Chinese numerals are words (`统一`, `一批`); only an amount
        // or a numeral with an approximation marker goes on to be read. A
        // lone numeral is no amount: without a marker it is not even parsed.
        let marked = char_at(self.text, end).is_some_and(|c| c == '余' || c == '多')
            || char_before(self.text, at).is_some_and(ends_prefix_marker);
        if !marked && end <= at + 3 || self.quoted(at) {
            return end;
        }
        let candidate = |run: &number::HanRun| run.led_by_digit && run.large && run.chars >= 2;
        if let Some(run) = number::chinese(self.text, at).filter(|r| marked || candidate(r)) {
            let kind = Kind::Han {
                led_by_digit: run.led_by_digit,
                large: run.large,
                chars: run.chars,
            };
            if let Some(metric) = self.figure(at, run.numeral, kind, out) {
                return self.push(metric, out).max(at + 1);
            }
        }
        end
    }

    /// The figure whose numeral starts at `start`, if it is one; `out` holds
    /// the figures read before it.
    fn figure(
        &mut self,
        start: usize,
        numeral: Numeral,
        kind: Kind,
        out: &[Metric],
    ) -> Option<Metric> {
        let text = self.text;
        let before = char_before(text, start);
        // Part of a code, formula or range: `G20`, `“20+8”`, `3·15`, `3至5家`.
        if let Some(c) = before {
            if c.is_ascii_alphanumeric()
                || matches!(
                    c,
                    '+' | '＋' | '·' | '/' | '／' | '×' | '.' | '．' | '_' | '#'
                )
            {
                return None;
            }
            if is_range_connector(c) {
                // The upper end of a range (`4.5%-5%`, `3至5家`).
                let dash = start - c.len_utf8();
                let follows_figure = self.previous.as_ref().is_some_and(|p| p.end == dash);
                let before_dash = char_before(text, dash);
                if follows_figure
                    || before_dash.is_some_and(|d| {
                        d.is_ascii_digit() || number::han(d).is_some() || matches!(d, '%' | '％')
                    })
                {
                    return None;
                }
            }
        }

        // Multiplier and measure word.
        let mut value = numeral.value;
        let mut pos = skip_space(text, numeral.end);
        let mut approx = None;
        let mut multiplied = false;
        infix(text, &mut pos, &mut approx);
        while let Some(ch) = char_at(text, pos) {
            let Some(m) = number::multiplier(ch) else {
                break;
            };
            // `百分点` and `千瓦` are units, not 百 times 分点.
            let rest = text.get(pos..).unwrap_or("");
            if unit_at(rest).is_some() {
                break;
            }
            value = value.checked_mul(Decimal::from(m))?;
            multiplied = true;
            pos += ch.len_utf8();
        }
        infix(text, &mut pos, &mut approx);
        pos = skip_space(text, pos);
        let rest = text.get(pos..).unwrap_or("");
        let (unit, category, nominal, unit_len, implied) = match unit_at(rest) {
            Some(u) => {
                let after = &rest[u.text.len()..];
                if unit_is_word(u.text, after) || is_session(text, start, kind, u.text, after) {
                    return None;
                }
                (u.text, u.category, u.nominal, u.text.len(), false)
            }
            None => {
                // A head count written without a measure word: only a
                // large one (`47.74万选民`), not a hotline (`12345市民`).
                if !(multiplied || matches!(kind, Kind::Han { large: true, .. })) {
                    return None;
                }
                PEOPLE_NOUNS.find(rest)?;
                ("人", Category::People, false, 0, true)
            }
        };
        let unit_end = pos + unit_len;
        let mut end = unit_end;
        let after_unit = text.get(unit_end..).unwrap_or("");
        if after_unit.starts_with(['/', '／', '每']) {
            return None;
        }
        // The lower end of a range (`4.5%-5%`, `3至5家`) is no figure alone.
        if let Some(c) = after_unit.chars().next().filter(|&c| is_range_connector(c)) {
            if number::digit_at(after_unit.as_bytes(), c.len_utf8()).is_some() {
                return None;
            }
        }
        if approx.is_none() {
            if let Some(m) = SUFFIX_MARKERS.find(after_unit) {
                approx = Some(m);
                end += m.len();
            }
        }

        // Markers and ordinals before the numeral.
        let mut mention_start = start;
        let lead = skip_space_back(text, start);
        let head = text.get(..lead).unwrap_or("");
        if let Some(m) = PREFIX_MARKERS.find(head) {
            let at = lead - m.len();
            if !marker_is_word(m, char_before(text, at)) {
                if approx.is_none() {
                    approx = Some(m);
                }
                mention_start = at;
            }
        }
        let before = char_before(text, mention_start);
        if ordinal_list(text, mention_start) {
            return None;
        }
        match before {
            Some('第' | '每') => return None,
            Some('前') if matches!(unit, "名" | "位") => return None,
            _ => {}
        }
        if let Kind::Han {
            led_by_digit,
            large,
            chars,
        } = kind
        {
            // Chinese numerals are idioms and slogans far more often than
            // counts (`两个维护`, `一批`, `千家万户`, `百万`).
            let amount = led_by_digit && large && chars >= 2;
            if !(amount || approx.is_some()) {
                return None;
            }
            if before.is_some_and(|c| matches!(c, '数' | '几' | '上' | '成' | '好')) {
                return None;
            }
        }

        // What was counted.
        let clause_start = self.clause_start(mention_start);
        let clause = text.get(clause_start..mention_start).unwrap_or("");
        if rfind_char(clause, '每').is_some() {
            return None;
        }
        let period_start = text.ceil_char_boundary(
            self.sentence_start
                .max(mention_start.saturating_sub(MAX_SENTENCE_BYTES)),
        );
        let sentence = Self::framing(text, &mut self.sentence_memo, period_start, mention_start);
        // A sentence that names no period is of the one its paragraph named
        // last (`——这五年，民生福祉持续增进。…新增城镇就业35.2万人`).
        let period = sentence.period.or_else(|| {
            let from = self.paragraph_start.min(self.sentence_start);
            Self::framing(text, &mut self.paragraph_memo, from, self.sentence_start).period
        });
        let target = sentence.target || after_unit.starts_with("的目标");
        let what = if implied {
            let noun = PEOPLE_NOUNS.find(rest).unwrap_or("");
            end = pos + noun.len();
            What {
                text: noun.to_string(),
                object: None,
                verb: None,
                source: WhatSource::Noun,
            }
        } else {
            let noun = match category {
                Category::Money | Category::Rate => None,
                _ => noun_after(text.get(end..).unwrap_or("")),
            };
            let previous_what = out.last().map_or("", |m| m.what.as_str());
            self.what(clause, mention_start, unit, nominal, noun, previous_what)
        };
        // `从8094元提高到15345元`, `比上年增加12亿元`.
        let change = char_before(text, skip_space_back(text, mention_start))
            .is_some_and(|c| c == '从' || c == '由')
            || what.text.starts_with(['比', '较']);
        let claim = if change {
            Claim::Change
        } else if target {
            Claim::Target
        } else {
            Claim::Stated
        };
        self.previous = Some(Previous {
            end,
            unit,
            object: what.object,
            verb: what.verb,
            sentence_start: self.sentence_start,
        });
        Some(Metric {
            value: value.normalize(),
            unit,
            category,
            approx,
            what: what.text,
            what_source: what.source,
            period: period.map(str::to_string),
            claim,
            range: TextRange::new(self.base + mention_start, self.base + end),
            // Its end is set when the scan reaches it (see `end_sentence`).
            sentence: TextRange::new(self.base + self.sentence_start, self.base + end),
            paragraph: TextRange::new(self.base + self.paragraph_start, self.base + end),
            number: TextRange::new(self.base + start, self.base + numeral.end),
        })
    }

    /// Start of the clause that ends at `at`: after the last clause break, the
    /// previous figure, or `MAX_CLAUSE` characters back.
    fn clause_start(&self, at: usize) -> usize {
        let floor = self.previous.as_ref().map_or(0, |p| p.end).min(at);
        let head = self.text.as_bytes().get(floor..at).unwrap_or_default();
        let mut start = at;
        // Breaks inside brackets do not end the clause: `代表之家(站、点)`.
        let mut depth = 0usize;
        let mut chars = 0;
        for (i, &b) in head.iter().enumerate().rev() {
            // Inside a character: its first byte tells it.
            if b & 0xC0 == 0x80 {
                continue;
            }
            match clause_mark(head.get(i..).unwrap_or_default()) {
                ClauseMark::Close => depth += 1,
                ClauseMark::Open => depth = depth.saturating_sub(1),
                ClauseMark::Break if depth == 0 => break,
                _ => {}
            }
            if chars >= MAX_CLAUSE {
                break;
            }
            chars += 1;
            start = floor + i;
        }
        start
    }

    /// What a figure counts; `previous_what` is what the figure before it
    /// counts.
    fn what(
        &self,
        clause: &'t str,
        mention_start: usize,
        unit: &str,
        nominal: bool,
        noun: Option<&'t str>,
        previous_what: &str,
    ) -> What<'t> {
        let phrase = trim_phrase(clause);
        let previous = self
            .previous
            .as_ref()
            .filter(|p| p.sentence_start == self.sentence_start);
        if let Some(noun) = noun {
            // `召开8次常委会会议`, `制定3部地方性法规`: verb before, noun after.
            if is_verbs(phrase) {
                return What {
                    text: format!("{phrase}{noun}"),
                    object: Some(noun),
                    verb: Some(phrase),
                    source: WhatSource::Clause,
                };
            }
            // `…、18次主任会议`: the verb of the figure before.
            if let Some(verb) = previous.and_then(|p| p.verb).filter(|_| phrase.is_empty()) {
                return What {
                    text: format!("{verb}{noun}"),
                    object: Some(noun),
                    verb: Some(verb),
                    source: WhatSource::Borrowed,
                };
            }
            if nominal {
                return What {
                    text: noun.to_string(),
                    object: Some(noun),
                    verb: None,
                    source: WhatSource::Noun,
                };
            }
        }
        if let Some(p) = previous {
            let borrowed = |text: String, object: Option<&'t str>| What {
                text,
                object,
                verb: p.verb,
                source: WhatSource::Borrowed,
            };
            // `组织宪法宣誓5次39人`: a second figure right after the first.
            // `入园率和普惠率分别达96%和94%`: the second of a pair shares the
            // first one's subject but not its value.
            let pair = matches!(phrase, "" | "和" | "与" | "及" | "或");
            if p.end == mention_start || pair && !previous_what.is_empty() {
                return borrowed(previous_what.to_string(), p.object);
            }
            // `审议法规32件,通过18件`: a bare verb continues the figure before.
            if is_verbs(phrase) && p.unit == unit {
                if let Some(object) = p.object {
                    return What {
                        text: format!("{phrase}({object})"),
                        object: Some(object),
                        verb: Some(phrase),
                        source: WhatSource::Borrowed,
                    };
                }
            }
        }
        let text = shorten(phrase);
        let object = object_of(text);
        What {
            text: text.to_string(),
            object,
            verb: object.and_then(|o| text.strip_suffix(o)),
            source: WhatSource::Clause,
        }
    }
}

/// What a figure counts, and the object or verb (words of the text) a figure
/// after it may borrow.
struct What<'t> {
    text: String,
    object: Option<&'t str>,
    verb: Option<&'t str>,
    source: WhatSource,
}

/// How a numeral is written, for the rules that differ.
#[derive(Clone, Copy)]
enum Kind {
    Arabic,
    Han {
        /// Starts with a digit 一…九 rather than a bare 十/百/千/万.
        led_by_digit: bool,
        /// Holds 百, 千, 万 or 亿.
        large: bool,
        chars: usize,
    },
}

/// The object of a verb–object phrase: what follows its leading verbs
/// (`审议法规` → `法规`).
fn object_of(what: &str) -> Option<&str> {
    let mut rest = what;
    let mut stripped = false;
    while let Some(v) = BARE_VERBS.find(rest) {
        rest = &rest[v.len()..];
        stripped = true;
    }
    (stripped && !rest.is_empty()).then_some(rest)
}

/// The clause before a figure without the words that say nothing about what
/// was counted: leading time phrases and adverbs, trailing `共计` `达到`.
fn trim_phrase(clause: &str) -> &str {
    let mut s = trim_white(clause);
    // A clause that starts inside a title (`…的建议》等82篇`) keeps only what
    // follows the title.
    if let Some(close) = rfind_char(s, '》').filter(|&i| rfind_char(&s[..i], '《').is_none()) {
        s = &s[close + '》'.len_utf8()..];
    }
    loop {
        let before = s.len();
        if let Some(rest) = strip_year(s).or_else(|| strip_enumerator(s)) {
            s = rest;
        }
        if let Some(f) = LEADING_FILLERS.find(s) {
            s = &s[f.len()..];
        }
        if let Some(f) = TRAILING_FILLERS.find(s) {
            s = &s[..s.len() - f.len()];
        }
        if let Some(m) = PREFIX_MARKERS.find(s) {
            s = &s[..s.len() - m.len()];
        }
        // Titles right before a figure (`《…》《…》等27篇`) name examples,
        // not what was counted.
        if let Some(open) = s
            .strip_suffix('》')
            .map(|t| rfind_char(t, '《').unwrap_or(0))
        {
            s = &s[..open];
        }
        s = trim_white(s);
        if s.len() == before {
            return s;
        }
    }
}

/// `s` without white space (`\u{3000}` too) at either end: `str::trim`,
/// which decodes both end characters and looks them up, only when a byte
/// or two do not show that neither is white space.
fn trim_white(s: &str) -> &str {
    // Printable ASCII, or a character from U+4000 on (a lead byte from E4
    // to EF), the ideographs.
    let bytes = s.as_bytes();
    let plain_start = bytes
        .first()
        .is_some_and(|&b| b > b' ' && b.is_ascii() || (0xE4..0xF0).contains(&b));
    let plain_end = match bytes {
        [.., b] if b.is_ascii() => *b > b' ',
        [.., lead, _, _] => (0xE4..0xF0).contains(lead),
        _ => false,
    };
    if plain_start && plain_end {
        s
    } else {
        s.trim()
    }
}

/// What follows a leading enumerator: `(一)` `（2）` `1.` `3、` `一是` `第一,`.
fn strip_enumerator(s: &str) -> Option<&str> {
    let numeral = |c: char| c.is_ascii_digit() || number::han(c).is_some();
    let mut chars = s.char_indices();
    let (_, first) = chars.next()?;
    if matches!(first, '(' | '（') {
        let (close, c) = chars.take(4).find(|&(_, c)| !numeral(c))?;
        return matches!(c, ')' | '）')
            .then(|| &s[close + c.len_utf8()..])
            .filter(|_| close > 1);
    }
    let rest = s.strip_prefix('第').unwrap_or(s);
    let digits = rest
        .chars()
        .take_while(|&c| numeral(c))
        .map(char::len_utf8)
        .sum::<usize>();
    if digits == 0 {
        return None;
    }
    let tail = &rest[digits..];
    ["是", "要", "、", ".", "．", ",", "，"]
        .iter()
        .find_map(|sep| tail.strip_prefix(sep))
}

/// A leading year (`2022年`) with what follows it.
fn strip_year(s: &str) -> Option<&str> {
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut digits = 0;
    while let Some((_, len)) = number::digit_at(bytes, i) {
        i += len;
        digits += 1;
    }
    (digits == 4).then(|| s.get(i..)?.strip_prefix('年'))?
}

/// A phrase cut to at most `MAX_WHAT` characters, at a word that starts the
/// object when there is one (`听取和审议…工作报告` keeps its end).
fn shorten(phrase: &str) -> &str {
    let count = phrase.chars().count();
    if count <= MAX_WHAT {
        return phrase;
    }
    let skip = count - MAX_WHAT;
    let cut = phrase
        .char_indices()
        .skip(skip)
        .find(|&(_, c)| {
            matches!(
                c,
                '的' | '对' | '在' | '为' | '将' | '把' | '向' | '与' | '和' | '并' | '及'
            )
        })
        .map(|(i, c)| i + c.len_utf8())
        .filter(|&i| phrase.len() - i >= 6)
        .or_else(|| phrase.char_indices().nth(skip).map(|(i, _)| i));
    cut.and_then(|i| phrase.get(i..)).unwrap_or(phrase)
}

/// The noun right after a nominal measure word (`257个基层立法联系点`).
fn noun_after(rest: &str) -> Option<&str> {
    let mut end = 0;
    let mut quoted = false;
    for (n, (i, ch)) in rest.char_indices().enumerate() {
        // Quoted words belong to the noun: `119个“一件事”重点事项`.
        let quote = matches!(ch, '“' | '”');
        if !is_han(ch) && !quote {
            break;
        }
        let tail = &rest[i..];
        if is_noun_stop(ch) || begins_noun_stop_word(ch) && NOUN_STOP_WORDS.find(tail).is_some() {
            break;
        }
        if n >= MAX_NOUN {
            return None;
        }
        end = i + ch.len_utf8();
        quoted |= quote;
    }
    let noun = rest.get(..end)?.trim_end_matches('“');
    // Without quotes, the noun is ideographs only (most are): any will do.
    let fits = if quoted {
        noun.chars().any(is_han) && noun.matches('“').count() == noun.matches('”').count()
    } else {
        !noun.is_empty()
    };
    fits.then_some(noun)
}

/// The period a sentence (up to the figure) scopes its figures to: the
/// last year (`2022年`), span of years (`2018—2022年`, `五年来`, `过去五年`,
/// `这五年`, `五年间`), term (`本届以来`) or `累计` it names.
fn period<'a>(sentence: &'a str) -> Option<&'a str> {
    let mut best: Option<(usize, &'a str)> = None;
    let mut consider = |pos: usize, token: &'a str| {
        if best.is_none_or(|(p, _)| pos >= p) {
            best = Some((pos, token));
        }
    };
    // Only `年` and the characters terms end in matter, found in one
    // vectorised pass rather than by decoding every character (or by one
    // substring search each, which restart at every `年`).
    static ENDS: Words = Words(LazyLock::new(|| crate::report::static_words(&PERIOD_ENDS)));
    ENDS.find_each(sentence, |word, i| {
        let Some(&end) = PERIOD_ENDS.get(word) else {
            return;
        };
        if end != "年" {
            // Terms end in one of these.
            let through = &sentence[..i + end.len()];
            if let Some(term) = TERMS.iter().find(|t| through.ends_with(**t)) {
                consider(through.len() - term.len(), term);
            }
            return;
        }
        let year_end = i + end.len();
        if let Some(from) = year_before(sentence, i) {
            // `2018—2022年` is one span.
            let from = char_before(sentence, from)
                .filter(|c| matches!(c, '-' | '—' | '–' | '~' | '～' | '至'))
                .and_then(|c| year_before(sentence, from - c.len_utf8()))
                .unwrap_or(from);
            // `2018年以来` is a span, not the year 2018.
            let end = if sentence[year_end..].starts_with("以来") {
                year_end + "以来".len()
            } else {
                year_end
            };
            consider(from, &sentence[from..end]);
        } else if let Some(from) = years_count_before(sentence, i) {
            let tail = &sentence[year_end..];
            let past = char_before(sentence, from).is_some_and(|c| matches!(c, '去' | '近' | '这'));
            if past || tail.starts_with(['来', '间']) || tail.starts_with("以来") {
                consider(from, &sentence[from..year_end]);
            }
        }
    });
    best.map(|(_, token)| token)
}

/// How far back a sentence is searched for a figure's period, in bytes: a
/// text with no full stops must not make every figure read all of it.
const MAX_SENTENCE_BYTES: usize = 600;

/// Terms of office and plan periods that scope figures, and `累计`: a total
/// over some such span, never one year's figure.
const TERMS: &[&str] = &[
    "本届",
    "届内",
    "任期内",
    "十三五",
    "十四五",
    "十五五",
    "累计",
];

/// The characters a period ends in: `年` and the last ones of [`TERMS`].
const PERIOD_ENDS: [&str; 5] = ["年", "届", "内", "五", "计"];

/// Words that make a sentence's figures targets rather than results.
static TARGET_WORDS: Words = Words(LazyLock::new(|| {
    crate::report::static_words(&["力争", "确保", "目标", "预期", "争取", "力求", "计划"])
}));

/// Start of four digits ending at `at` (a year), if there are exactly four.
fn year_before(s: &str, at: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut j = at;
    let mut digits = 0;
    while let Some(c) = char_before(s, j) {
        if number::digit_at(bytes, j - c.len_utf8()).is_none() {
            break;
        }
        j -= c.len_utf8();
        digits += 1;
    }
    (digits == 4).then_some(j)
}

/// Start of a count of more than one year ending at `at` (`五` of `五年来`,
/// `10` of `近10年`).
fn years_count_before(s: &str, at: usize) -> Option<usize> {
    let c = char_before(s, at)?;
    let from = at - c.len_utf8();
    let many = match number::han(c) {
        Some(number::Han::Digit(d)) => d > 1,
        Some(number::Han::Small(10)) => true,
        _ => c.is_ascii_digit() && c != '1' && c != '0',
    };
    many.then_some(from)
}

/// Where the last `c` in `s` starts. `str::rfind` and `str::contains` with a
/// character beyond ASCII set up a substring searcher on every call, which
/// costs more than the search through a clause: here, a vectorised search
/// for its last byte, checked against the bytes before it.
fn rfind_char(s: &str, c: char) -> Option<usize> {
    let mut buffer = [0; 4];
    let encoded = c.encode_utf8(&mut buffer).as_bytes();
    let bytes = s.as_bytes();
    let &last = encoded.last()?;
    memchr::memrchr_iter(last, bytes).find_map(|end| {
        let start = (end + 1).checked_sub(encoded.len())?;
        (bytes.get(start..=end) == Some(encoded)).then_some(start)
    })
}

fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// Skips at most one space character forward.
fn skip_space(text: &str, at: usize) -> usize {
    match char_at(text, at) {
        Some(c) if is_space(c) => at + c.len_utf8(),
        _ => at,
    }
}

/// Skips at most one space character backward.
fn skip_space_back(text: &str, at: usize) -> usize {
    match char_before(text, at) {
        Some(c) if is_space(c) => at - c.len_utf8(),
        _ => at,
    }
}

#[cfg(test)]
mod tests {
    use super::super::stops;
    use super::*;

    #[test]
    fn rfind_char_finds_what_str_rfind_finds() {
        // Characters whose last byte ends many others too (《 ends like 届),
        // an ASCII one, and absent ones.
        let text =
            "截至目前,每年审议《关于…的报告》等12件;每届人大常委会召开会议9次,《条例》施行。";
        for c in ['每', '《', '》', '届', '次', ',', '人', '某', 'x'] {
            for end in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let s = &text[..end];
                assert_eq!(rfind_char(s, c), s.rfind(c), "{c} in {s}");
            }
        }
    }

    #[test]
    fn prefix_marker_ends_are_the_markers_last_characters() {
        for c in ('\u{4E00}'..='\u{9FFF}').filter(|&c| ends_prefix_marker(c)) {
            assert!(PREFIX_MARKERS.words.iter().any(|m| m.ends_with(c)), "{c}");
        }
        for marker in PREFIX_MARKERS.words {
            assert!(
                ends_prefix_marker(marker.chars().last().unwrap()),
                "{marker}"
            );
        }
    }

    #[test]
    fn every_term_ends_in_a_period_end() {
        for term in TERMS {
            assert!(PERIOD_ENDS.iter().any(|end| term.ends_with(end)), "{term}");
        }
    }

    #[test]
    fn trim_white_is_str_trim() {
        for ch in '\0'..='\u{10ffff}' {
            for s in [
                format!("{ch}"),
                format!("{ch}年{ch}"),
                format!("a{ch}"),
                format!("{ch}a"),
            ] {
                assert_eq!(trim_white(&s), s.trim(), "{ch:?}");
            }
        }
    }

    #[test]
    fn clause_marks_are_the_characters() {
        let breaks = ",，、;；。:：!！?？\n\r\t…●■◆";
        for ch in '\0'..='\u{10ffff}' {
            let mut buf = [0u8; 4];
            let mark = clause_mark(ch.encode_utf8(&mut buf).as_bytes());
            let expected = match ch {
                '(' | '（' => ClauseMark::Open,
                ')' | '）' => ClauseMark::Close,
                _ if breaks.contains(ch) => ClauseMark::Break,
                _ => ClauseMark::Other,
            };
            assert_eq!(mark, expected, "{ch}");
        }
    }

    #[test]
    fn noun_stop_firsts_cover_the_words() {
        for word in NOUN_STOP_WORDS.words {
            let first = word.chars().next().unwrap();
            assert!(begins_noun_stop_word(first), "{word}");
        }
    }

    #[test]
    fn quotes_are_read_up_to_each_numeral() {
        let written = |text: &str| -> Vec<String> {
            extract(text)
                .iter()
                .map(|m| m.range.slice(text).to_string())
                .collect()
        };
        // Marks before, between and after figures; a sentence end closing
        // what is left open; `＂` (a stop) and `"` (read later) pairing up.
        let text = "开展“3个100”活动12场,《条例》等5部;审议“十四五规划3项。\
                    “共2件”,\"20+8\"产业\"31家,＂4个\"5家";
        assert_eq!(written(text), ["12场", "5部", "4个"]);
        // Blocks of marks longer than one mask, before the first numeral.
        let long = format!("{}“{}”办理7件", "、".repeat(30), "《》".repeat(20));
        assert_eq!(written(&long), ["7件"]);
    }

    #[test]
    fn byte_classes_agree_with_characters() {
        for ch in ('\u{80}'..='\u{10ffff}').filter(|c| c.len_utf8() > 1) {
            let mut buf = [0u8; 4];
            let bytes = ch.encode_utf8(&mut buf).as_bytes();
            assert_eq!(utf8_len(bytes[0]), ch.len_utf8(), "{ch}");
            if let [b0, b1, b2] = *bytes {
                assert!(
                    number::han(ch).is_none() || stops::STOP_CHARS.contains(ch),
                    "{ch}"
                );
                assert_eq!(
                    is_han_numeral(b0, b1, b2),
                    number::han(ch).is_some(),
                    "{ch}"
                );
            }
        }
    }
}
