use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::Serialize;

use crate::text::{Shift, TextRange};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Hint,
    Info,
    Warning,
    Error,
}

impl Severity {
    /// As configuration and output name it: `warning`.
    pub fn id(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Hint => "hint",
        }
    }
}

/// One replacement of a byte range by new text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub range: TextRange,
    pub new_text: String,
}

/// A quick fix: a titled set of edits, applied together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
}

impl Fix {
    /// Whether two of the edits overlap: editors refuse such an edit list.
    pub fn has_overlapping_edits(&self) -> bool {
        let mut ranges: Vec<_> = self.edits.iter().map(|e| e.range).collect();
        ranges.sort();
        ranges.windows(2).any(|pair| match pair {
            [a, b] => b.start < a.end,
            _ => false,
        })
    }
}

/// Another place that explains a finding (e.g. the other mention of a figure).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    /// Fixed wording, not copied into every finding, or a quote of the text.
    pub message: Cow<'static, str>,
    pub range: TextRange,
}

/// A drafting fault found in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Stable rule code, e.g. `BG001`.
    pub code: &'static str,
    pub severity: Severity,
    pub message: Message,
    pub range: TextRange,
    /// Related places and fixes, boxed together: few findings have any, and
    /// a text can have a finding on every line.
    extras: Option<Box<Extras>>,
}

// Findings can be as many as the lines of a text: what each costs bounds
// the memory of an analysis.
const _: () = assert!(size_of::<Finding>() <= 64);

/// What only some findings carry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Extras {
    related: Vec<Related>,
    fixes: Vec<Fix>,
    /// A fix whose edits are computed when asked for ([`super::Renumbering`]),
    /// not carried: renumbering a list edits every marker after the fault.
    renumber: Option<Renumber>,
}

impl Finding {
    /// A finding with no related places and no fixes.
    pub fn new(code: &'static str, severity: Severity, message: Message, range: TextRange) -> Self {
        Finding {
            code,
            severity,
            message,
            range,
            extras: None,
        }
    }

    /// Other places that explain the finding.
    pub fn related(&self) -> &[Related] {
        self.extras.as_deref().map_or(&[], |e| &e.related)
    }

    /// The quick fixes carried, the renumbering left out.
    pub fn fixes(&self) -> &[Fix] {
        self.extras.as_deref().map_or(&[], |e| &e.fixes)
    }

    /// The renumbering fix, if the finding has one.
    pub fn renumber(&self) -> Option<&Renumber> {
        self.extras.as_deref().and_then(|e| e.renumber.as_ref())
    }

    pub fn push_related(&mut self, related: Related) {
        push_one(&mut self.extras_mut().related, related);
    }

    pub fn extend_related(&mut self, related: impl IntoIterator<Item = Related>) {
        self.extras_mut().related.extend(related);
    }

    pub fn push_fix(&mut self, fix: Fix) {
        push_one(&mut self.extras_mut().fixes, fix);
    }

    pub fn set_renumber(&mut self, renumber: Renumber) {
        self.extras_mut().renumber = Some(renumber);
    }

    /// Takes the renumbering fix out, to compute its edits.
    pub fn take_renumber(&mut self) -> Option<Renumber> {
        self.extras.as_deref_mut().and_then(|e| e.renumber.take())
    }

    fn extras_mut(&mut self) -> &mut Extras {
        self.extras.get_or_insert_default()
    }
}

/// Pushes `item`, the first one into room for one: most findings have one
/// related place or one fix, where a vector's first push makes room for four.
fn push_one<T>(items: &mut Vec<T>, item: T) {
    if items.capacity() == 0 {
        items.reserve_exact(1);
    }
    items.push(item);
}

/// What a finding says: text that never changes once made, so findings
/// that say the same share it ([`Message::share_repeats`]); a rule that
/// fires on every sibling of a long list says one thing many times.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Message(Arc<str>);

impl Message {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Makes each message of `findings` that repeats the one before it the
    /// same shared text, freeing the copy.
    pub fn share_repeats(findings: &mut [Finding]) {
        let mut last: Option<&mut Finding> = None;
        for finding in findings {
            if let Some(before) = last.filter(|b| b.message == finding.message) {
                finding.message = before.message.clone();
            }
            last = Some(finding);
        }
    }
}

impl Deref for Message {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<String> for Message {
    fn from(text: String) -> Message {
        Message(text.into())
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Message {
        Message(text.into())
    }
}

/// As the text it holds, as a `String` message was shown.
impl fmt::Debug for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Message {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl PartialEq<str> for Message {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Message {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Message {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

/// The quick fix "renumber the list whose first marker is at `first` so
/// that it counts from `start`": what identifies the edits, not the edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Renumber {
    /// The range of the list's first marker.
    pub first: TextRange,
    /// The number the list should start at.
    pub start: u32,
}

impl Shift for Edit {
    fn shift(&mut self, by: usize) {
        self.range.shift(by);
    }
}

impl Shift for Fix {
    fn shift(&mut self, by: usize) {
        self.edits.shift(by);
    }
}

impl Shift for Related {
    fn shift(&mut self, by: usize) {
        self.range.shift(by);
    }
}

impl Shift for Extras {
    fn shift(&mut self, by: usize) {
        self.related.shift(by);
        self.fixes.shift(by);
        if let Some(renumber) = &mut self.renumber {
            renumber.first.shift(by);
        }
    }
}

impl Shift for Finding {
    fn shift(&mut self, by: usize) {
        self.range.shift(by);
        if let Some(extras) = &mut self.extras {
            extras.shift(by);
        }
    }
}
