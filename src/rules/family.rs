//! Rule families: the kinds of slip a rule looks for. A family can be turned
//! off or set to one level as a whole (`[rules] punctuation = "off"`).

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// The shape of the report: parts, headings, numbering.
    Structure,
    /// Punctuation marks (GB/T 15834-2011).
    Punctuation,
    /// How numbers are written (GB/T 15835-2011).
    Numbers,
    /// Figures that disagree with each other.
    Figures,
    /// Leftovers of drafting: placeholders, repeated paragraphs.
    Leftovers,
}

impl Family {
    pub const ALL: [Family; 5] = [
        Family::Structure,
        Family::Punctuation,
        Family::Numbers,
        Family::Figures,
        Family::Leftovers,
    ];

    /// The key used in configuration (`punctuation`).
    pub fn id(self) -> &'static str {
        match self {
            Family::Structure => "structure",
            Family::Punctuation => "punctuation",
            Family::Numbers => "numbers",
            Family::Figures => "figures",
            Family::Leftovers => "leftovers",
        }
    }

    pub fn from_id(id: &str) -> Option<Family> {
        Family::ALL.into_iter().find(|f| f.id() == id)
    }

    /// The family's name in Chinese, as a proofreader says it.
    pub fn name(self) -> &'static str {
        match self {
            Family::Structure => "结构",
            Family::Punctuation => "标点",
            Family::Numbers => "数字用法",
            Family::Figures => "数据",
            Family::Leftovers => "起草遗留",
        }
    }
}
