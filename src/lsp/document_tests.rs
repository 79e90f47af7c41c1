//! The rope store against a plain `String` model of the LSP edit rules.
//! `BAOGAO_SOAK=100000 cargo test --release soak` raises the case count.

use proptest::prelude::*;

use super::*;

/// The LSP rules written the slow, obvious way on a `String`: walk the
/// characters, `\n`, `\r\n` and `\r` end lines, columns past the line end
/// clamp to it, lines past the end clamp to the end of the text, a column
/// inside a character moves to its start.
fn model_offset(text: &str, pos: LineCol, encoding: Encoding) -> usize {
    let mut line = 0;
    let mut chars = text.char_indices().peekable();
    while line < pos.line {
        match chars.next() {
            None => return text.len(),
            Some((_, '\n')) => line += 1,
            Some((_, '\r')) => {
                if let Some((_, '\n')) = chars.peek() {
                    chars.next();
                }
                line += 1;
            }
            Some(_) => {}
        }
    }
    let mut units = 0;
    for (at, ch) in chars {
        if ch == '\n' || ch == '\r' {
            return at;
        }
        let width = match encoding {
            Encoding::Utf8 => ch.len_utf8(),
            Encoding::Utf16 => ch.len_utf16(),
            Encoding::Utf32 => 1,
        } as u32;
        if units + width > pos.col {
            return at;
        }
        units += width;
    }
    text.len()
}

fn model_apply(text: &mut String, change: &Change<'_>, encoding: Encoding) {
    match change.range {
        None => *text = change.text.to_owned(),
        Some((start, end)) => {
            let a = model_offset(text, start, encoding);
            let b = model_offset(text, end, encoding);
            text.replace_range(a.min(b)..a.max(b), change.text);
        }
    }
}

const PIECES: &[&str] = &[
    "a",
    "Z",
    " ",
    "1.",
    "一、",
    "（一）",
    "报告",
    "，",
    "。",
    "：",
    "😀",
    "𠀀",
    "\n",
    "\r\n",
    "\r",
    "\u{feff}",
    "\t",
];

fn text_strategy(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            10 => prop::sample::select(PIECES).prop_map(str::to_owned),
            // Long runs push the text over ropey's chunk size, so line
            // breaks (and CRLF pairs) land on chunk boundaries.
            1 => (prop::sample::select(PIECES), 100usize..600)
                .prop_map(|(piece, n)| piece.repeat(n)),
        ],
        0..max,
    )
    .prop_map(|pieces| pieces.concat())
}

#[derive(Debug, Clone)]
struct EditCase {
    full: bool,
    start: (u32, u32),
    end: (u32, u32),
    text: String,
}

fn edit_strategy() -> impl Strategy<Value = EditCase> {
    (
        prop::bool::weighted(0.02),
        (0u32..12, 0u32..40),
        (0u32..12, 0u32..40),
        text_strategy(5),
    )
        .prop_map(|(full, start, end, text)| EditCase {
            full,
            start,
            end,
            text,
        })
}

fn encoding_strategy() -> impl Strategy<Value = Encoding> {
    prop::sample::select(vec![Encoding::Utf8, Encoding::Utf16, Encoding::Utf32])
}

fn cases() -> u32 {
    std::env::var("BAOGAO_SOAK")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn soak_rope_edits_match_string_model(
        initial in text_strategy(30),
        edits in prop::collection::vec(edit_strategy(), 1..25),
        encoding in encoding_strategy(),
    ) {
        let mut doc = TextDocument::new(&initial, 0, "plaintext".into());
        let mut model = initial.clone();
        for edit in &edits {
            let change = Change {
                range: (!edit.full).then_some((
                    LineCol { line: edit.start.0, col: edit.start.1 },
                    LineCol { line: edit.end.0, col: edit.end.1 },
                )),
                text: &edit.text,
            };
            doc.apply(&change, encoding);
            model_apply(&mut model, &change, encoding);
            prop_assert_eq!(doc.rope().to_string(), model.as_str());
        }
        let lines = crate::text::LineIndex::new(&model).line_count();
        prop_assert_eq!(doc.rope().len_lines(), lines);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    /// Edits resolve positions on the rope, requests on the analysed text's
    /// line index: the two must agree on every position, or an edit would
    /// land somewhere other than where the outline said.
    #[test]
    fn soak_rope_and_line_index_agree(
        text in text_strategy(40),
        positions in prop::collection::vec((0u32..14, 0u32..60), 1..20),
        encoding in encoding_strategy(),
    ) {
        let rope = Rope::from_str(&text);
        let index = crate::text::LineIndex::new(&text);
        for (line, col) in positions {
            let pos = lc(line, col);
            let on_rope = rope.char_to_byte(char_index(&rope, pos, encoding).0);
            prop_assert_eq!(on_rope, index.offset(&text, pos, encoding), "{:?}", pos);
            prop_assert_eq!(on_rope, model_offset(&text, pos, encoding), "{:?}", pos);
        }
        // Character boundaries (except between `\r` and `\n`, which no
        // position can name) round-trips through a position.
        let boundaries: Vec<usize> =
            text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let step = (boundaries.len() / 200).max(1);
        for &offset in boundaries.iter().step_by(step) {
            if text[..offset].ends_with('\r') && text[offset..].starts_with('\n') {
                continue;
            }
            let pos = index.line_col(&text, offset, encoding);
            prop_assert_eq!(index.offset(&text, pos, encoding), offset);
            prop_assert_eq!(rope.char_to_byte(char_index(&rope, pos, encoding).0), offset);
        }
    }
}

fn lc(line: u32, col: u32) -> LineCol {
    LineCol { line, col }
}

#[test]
fn utf16_edit_after_astral_and_cjk() {
    let mut doc = TextDocument::new("😀报告\r\n一、工作", 1, "plaintext".into());
    // `告` is UTF-16 column 3 (the emoji is two units).
    let change = Change {
        range: Some((lc(0, 3), lc(0, 4))),
        text: "表",
    };
    assert_eq!(doc.apply(&change, Encoding::Utf16), None);
    assert_eq!(doc.rope().to_string(), "😀报表\r\n一、工作");
    // UTF-8 column 5 is the second byte of `报`.
    let change = Change {
        range: Some((lc(0, 5), lc(0, 5))),
        text: "!",
    };
    assert_eq!(doc.apply(&change, Encoding::Utf8), Some(Clamp::InsideChar));
    assert_eq!(doc.rope().to_string(), "😀!报表\r\n一、工作");
}

#[test]
fn column_inside_surrogate_pair_is_clamped_and_reported() {
    let mut doc = TextDocument::new("a😀b", 1, "plaintext".into());
    let change = Change {
        range: Some((lc(0, 2), lc(0, 3))),
        text: "",
    };
    // The start moves back to the emoji's start: the emoji goes whole, and
    // no half of a surrogate pair is ever left behind.
    assert_eq!(doc.apply(&change, Encoding::Utf16), Some(Clamp::InsideChar));
    assert_eq!(doc.rope().to_string(), "ab");
}

#[test]
fn past_end_and_reversed_ranges_are_clamped() {
    let mut doc = TextDocument::new("一\n二", 1, "plaintext".into());
    let append = Change {
        range: Some((lc(2, 0), lc(2, 0))),
        text: "\n三",
    };
    // `(line count, 0)` is the end of the text and needs no clamping.
    assert_eq!(doc.apply(&append, Encoding::Utf16), None);
    let far = Change {
        range: Some((lc(9, 9), lc(9, 9))),
        text: "!",
    };
    assert_eq!(doc.apply(&far, Encoding::Utf16), Some(Clamp::PastEnd));
    let reversed = Change {
        range: Some((lc(1, 1), lc(0, 0))),
        text: "",
    };
    assert_eq!(doc.apply(&reversed, Encoding::Utf16), Some(Clamp::Reversed));
    assert_eq!(doc.rope().to_string(), "\n三!");
}

#[test]
fn column_past_line_end_stops_before_crlf() {
    let mut doc = TextDocument::new("ab\r\ncd", 1, "plaintext".into());
    let change = Change {
        range: Some((lc(0, 99), lc(0, 99))),
        text: "!",
    };
    assert_eq!(doc.apply(&change, Encoding::Utf32), None);
    assert_eq!(doc.rope().to_string(), "ab!\r\ncd");
}

#[test]
fn inserting_lf_after_lone_cr_joins_them_into_one_break() {
    let mut doc = TextDocument::new("a\rb", 1, "plaintext".into());
    assert_eq!(doc.rope().len_lines(), 2);
    let change = Change {
        range: Some((lc(1, 0), lc(1, 0))),
        text: "\n",
    };
    doc.apply(&change, Encoding::Utf16);
    assert_eq!(doc.rope().to_string(), "a\r\nb");
    assert_eq!(doc.rope().len_lines(), 2);
}
