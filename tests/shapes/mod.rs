//! Texts of shapes no report has, that once made the analysis slow, huge
//! or dead (issue 26), made at any size: each is a unit repeated or drawn
//! until the text has `size` bytes (a little more, never cut in a
//! character).
#![allow(dead_code)] // each test file uses a different subset

/// A small deterministic generator (xorshift64*): the same text every run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n.max(1)
    }

    pub fn pick(&mut self, chars: &[char]) -> char {
        chars.get(self.below(chars.len())).copied().unwrap_or('的')
    }
}

/// A shape: the text of it with about so many bytes.
pub type Shape = fn(usize) -> String;

/// Every shape, by name.
pub const SHAPES: [(&str, Shape); 11] = [
    ("heading-lines", heading_lines),
    ("one-line-headings", one_line_headings),
    ("random-markers", random_markers),
    ("unclosed-quotes", unclosed_quotes),
    ("deep-brackets", deep_brackets),
    ("digit-runs", digit_runs),
    ("salutations", salutations),
    ("addresses-in-a-closing", addresses_in_a_closing),
    ("numbered-lines", numbered_lines),
    ("inline-items", inline_items),
    ("count-phrases", count_phrases),
];

fn repeated(size: usize, mut unit: impl FnMut(usize) -> String) -> String {
    let mut text = String::with_capacity(size + 64);
    let mut i = 0;
    while text.len() < size {
        text.push_str(&unit(i));
        i += 1;
    }
    text
}

/// `（一）标题` on every line: one-heading lists, each restarting the last.
pub fn heading_lines(size: usize) -> String {
    repeated(size, |_| "（一）标题\n".to_string())
}

/// `一、测试。` repeated on one line: a document pasted on one line whose
/// inline headings all restart.
pub fn one_line_headings(size: usize) -> String {
    repeated(size, |_| "一、测试。".to_string())
}

/// Random CJK with `一二三、，（）。` mixed in, on short lines.
pub fn random_markers(size: usize) -> String {
    const WORDS: [char; 24] = [
        '的', '是', '在', '工', '作', '报', '告', '人', '大', '会', '代', '表', '加', '强', '立',
        '法', '监', '督', '坚', '持', '党', '领', '导', '年',
    ];
    const MARKERS: [char; 8] = ['一', '二', '三', '、', '，', '（', '）', '。'];
    let mut rng = Rng::new(26);
    repeated(size, |_| {
        let c = if rng.below(10) < 3 {
            rng.pick(&MARKERS)
        } else {
            rng.pick(&WORDS)
        };
        let mut s = c.to_string();
        if rng.below(10) == 0 {
            s.push('\n');
        }
        s
    })
}

/// Quotes, brackets and title marks opened and never closed.
pub fn unclosed_quotes(size: usize) -> String {
    repeated(size, |_| "“一、测试「（一）《标题".repeat(20) + "\n")
}

/// Brackets nested a thousand deep, half of them closed.
pub fn deep_brackets(size: usize) -> String {
    repeated(size, |_| {
        format!("{}一{}\n", "（".repeat(1000), "）".repeat(500))
    })
}

/// Numbers thousands of digits long, among units and headings.
pub fn digit_runs(size: usize) -> String {
    let mut rng = Rng::new(7);
    repeated(size, |_| {
        let digits: String = (0..5000)
            .map(|_| char::from(b'0' + rng.below(10) as u8))
            .collect();
        format!(
            "增长{digits}%，一、二{}亿元，会议{digits}次。\n",
            "1".repeat(3000)
        )
    })
}

/// A title and a salutation over and over: a report every two lines.
pub fn salutations(size: usize) -> String {
    repeated(size, |_| "关于工作的报告\n各位代表：\n".to_string())
}

/// A closing that addresses the audience over and over before its call.
pub fn addresses_in_a_closing(size: usize) -> String {
    let mut text =
        "关于工作的报告\n各位代表：\n受委托，我向大会报告工作。\n一、工作\n内容。\n".to_string();
    text.push_str(&repeated(size, |_| "各位代表！".to_string()));
    text.push_str("让我们团结奋斗！\n");
    text
}

/// One long list of sibling headings, each with its own text and a gap in
/// the numbering every so often.
pub fn numbered_lines(size: usize) -> String {
    repeated(size, |i| {
        let n = if i % 100 == 99 { i + 2 } else { i + 1 };
        format!("{n}.标题{i}\n")
    })
}

/// One paragraph enumerating item after item (`（1）…。（2）…。`).
pub fn inline_items(size: usize) -> String {
    let mut text = "办好以下实事：".to_string();
    text.push_str(&repeated(size, |i| format!("（{}）事项{i}。", i + 1)));
    text
}

/// A count announced before every short list, and missed by one.
pub fn count_phrases(size: usize) -> String {
    repeated(size, |_| {
        "重点做好以下两件事：\n一、甲\n内容。\n二、乙\n内容。\n三、丙\n内容。\n".to_string()
    })
}
