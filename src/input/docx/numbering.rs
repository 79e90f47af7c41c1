//! Word's list numbering (`word/numbering.xml`): the label a reader sees
//! before a numbered paragraph, such as `一、`, `（二）` or `1.2`.
//!
//! A paragraph names a list instance (`w:num`) and a level; the instance
//! points to a definition (`w:abstractNum`) and may restart levels
//! (`w:lvlOverride`). Instances of one definition share its counters, as
//! in Word, so a list goes on across them unless one restarts it.

use std::collections::{HashMap, HashSet};

use super::number_format::Format;
use super::xml::{self, Item};

/// Word has nine list levels.
const LEVELS: usize = 9;

/// Bounds on what a list definition can make a label: every numbered
/// paragraph repeats it, so a hostile definition must not multiply the
/// text. Word's own labels are a few characters.
const MAX_TEMPLATE: usize = 64;

/// How the label is set apart from the paragraph's text (`w:suff`).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum Suffix {
    #[default]
    Tab,
    Space,
    Nothing,
}

/// One level of a list definition (`w:lvl`).
#[derive(Clone, Debug, Default)]
struct Level {
    /// `w:start`; the standard's default is 0.
    start: u32,
    format: Format,
    /// `w:lvlText`, such as `%1、` or `（%2）`.
    text: String,
    /// `w:lvlRestart`: restart after a use of this level (1-based) or a
    /// shallower one; 0 never; absent, after any shallower level.
    restart: Option<usize>,
    suffix: Suffix,
    /// `w:isLgl`: every number of the label in decimal, as legal
    /// documents number (`1.1` under `I`).
    legal: bool,
    /// `w:pStyle`: the paragraph style this level is linked to.
    style: Option<String>,
}

#[derive(Default, Debug)]
struct Definition {
    levels: [Option<Level>; LEVELS],
    /// `w:numStyleLink`: the levels are those of this numbering style's list.
    style_link: Option<String>,
}

#[derive(Default, Debug)]
struct Instance {
    definition: String,
    /// `w:lvlOverride` per level: a new start, and maybe a whole level.
    overrides: [(Option<u32>, Option<Level>); LEVELS],
}

/// The lists of a document.
#[derive(Default, Debug)]
pub struct Numbering {
    definitions: HashMap<String, Definition>,
    instances: HashMap<String, Instance>,
}

/// A numbered paragraph's label.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Label {
    pub text: String,
    pub suffix: Suffix,
}

impl Numbering {
    /// Reads `word/numbering.xml`.
    pub fn parse(xml: &str) -> Result<Numbering, quick_xml::Error> {
        let mut numbering = Numbering::default();
        // Where the walk is: the definition or instance being read, and
        // the level being read inside it.
        let mut definition: Option<(String, Definition)> = None;
        let mut instance: Option<(String, Instance)> = None;
        let mut level: Option<(usize, Level)> = None;
        let mut override_level: Option<usize> = None;
        xml::walk(xml, &[], |item| match item {
            Item::Open { name, element, .. } => {
                let val = || xml::attr(element, "val");
                match name {
                    "abstractNum" => {
                        definition = xml::attr(element, "abstractNumId")
                            .map(|id| (id, Definition::default()));
                    }
                    "num" => {
                        instance = xml::attr(element, "numId").map(|id| (id, Instance::default()));
                    }
                    "abstractNumId" => {
                        if let (Some((_, i)), Some(id)) = (&mut instance, val()) {
                            i.definition = id;
                        }
                    }
                    "lvlOverride" => override_level = level_index(element),
                    "startOverride" => {
                        let start = val().and_then(|v| v.parse().ok());
                        if let (Some((_, i)), Some(l)) = (&mut instance, override_level) {
                            if let Some(o) = i.overrides.get_mut(l) {
                                o.0 = start;
                            }
                        }
                    }
                    "numStyleLink" => {
                        if let Some((_, d)) = &mut definition {
                            d.style_link = val();
                        }
                    }
                    "lvl" => {
                        level = level_index(element).map(|l| (l, Level::default()));
                    }
                    _ => {
                        if let Some((_, l)) = &mut level {
                            read_level_property(l, name, element);
                        }
                    }
                }
            }
            Item::Close { name } => match name {
                "abstractNum" => {
                    if let Some((id, d)) = definition.take() {
                        numbering.definitions.insert(id, d);
                    }
                }
                "num" => {
                    if let Some((id, i)) = instance.take() {
                        numbering.instances.insert(id, i);
                    }
                }
                "lvlOverride" => override_level = None,
                "lvl" => {
                    if let Some((at, l)) = level.take() {
                        let slot = match (&mut instance, override_level, &mut definition) {
                            (Some((_, i)), Some(o), _) => {
                                i.overrides.get_mut(o).map(|(_, slot)| slot)
                            }
                            (None, _, Some((_, d))) => d.levels.get_mut(at),
                            _ => None,
                        };
                        if let Some(slot) = slot {
                            *slot = Some(l);
                        }
                    }
                }
                _ => {}
            },
            _ => {}
        })?;
        Ok(numbering)
    }

    /// The definition an instance numbers by, following a numbering
    /// style's link (`w:numStyleLink`) through `style_list`, which gives
    /// the instance a numbering style names.
    fn definition_of<'a>(
        &'a self,
        num_id: &str,
        style_list: &dyn Fn(&str) -> Option<String>,
    ) -> Option<(&'a str, &'a Definition)> {
        let mut id = self.instances.get(num_id)?.definition.as_str();
        // A link leads to a list whose definition could link back.
        for _ in 0..4 {
            let (key, definition) = self.definitions.get_key_value(id)?;
            match &definition.style_link {
                Some(style) => {
                    let linked = style_list(style)?;
                    id = self.instances.get(&linked)?.definition.as_str();
                }
                None => return Some((key.as_str(), definition)),
            }
        }
        None
    }

    /// The level of list `num_id` linked to paragraph style `style`.
    pub fn level_of_style(
        &self,
        num_id: &str,
        style: &str,
        style_list: &dyn Fn(&str) -> Option<String>,
    ) -> Option<usize> {
        let (_, definition) = self.definition_of(num_id, style_list)?;
        definition
            .levels
            .iter()
            .position(|l| l.as_ref().and_then(|l| l.style.as_deref()) == Some(style))
    }
}

fn level_index(element: &quick_xml::events::BytesStart<'_>) -> Option<usize> {
    xml::attr(element, "ilvl")
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|&l| l < LEVELS)
}

fn read_level_property(level: &mut Level, name: &str, element: &quick_xml::events::BytesStart<'_>) {
    let val = xml::attr(element, "val");
    match name {
        "start" => level.start = val.and_then(|v| v.parse().ok()).unwrap_or(0),
        "numFmt" => {
            level.format = match (val.as_deref(), xml::attr(element, "format")) {
                (Some("custom"), Some(example)) => Format::from_custom(&example),
                (Some(v), _) => Format::from_word(v),
                (None, _) => Format::Decimal,
            }
        }
        "lvlText" => level.text = val.unwrap_or_default().chars().take(MAX_TEMPLATE).collect(),
        "lvlRestart" => level.restart = val.and_then(|v| v.parse().ok()),
        "suff" => {
            level.suffix = match val.as_deref() {
                Some("space") => Suffix::Space,
                Some("nothing") => Suffix::Nothing,
                _ => Suffix::Tab,
            }
        }
        "isLgl" => level.legal = xml::is_on(element),
        "pStyle" => level.style = val,
        _ => {}
    }
}

/// Where each list has got to, paragraph after paragraph.
pub struct Counters<'n> {
    numbering: &'n Numbering,
    /// Per definition, the last number shown at each level; `None` when
    /// not shown since the level (re)started.
    counts: HashMap<&'n str, [Option<u32>; LEVELS]>,
    /// Instances met so far: an instance's restarts apply at its first
    /// paragraph.
    met: HashSet<&'n str>,
    /// Restarts waiting for the next paragraph of their level.
    pending: HashMap<&'n str, [Option<u32>; LEVELS]>,
}

impl<'n> Counters<'n> {
    pub fn new(numbering: &'n Numbering) -> Counters<'n> {
        Counters {
            numbering,
            counts: HashMap::new(),
            met: HashSet::new(),
            pending: HashMap::new(),
        }
    }

    /// Counts a paragraph of list `num_id` at level `ilvl` and returns its
    /// label; `None` for a list that does not exist, a bullet, or a level
    /// with no text.
    pub fn next(
        &mut self,
        num_id: &str,
        ilvl: usize,
        style_list: &dyn Fn(&str) -> Option<String>,
    ) -> Option<Label> {
        let numbering = self.numbering;
        let (instance_id, instance) = numbering.instances.get_key_value(num_id)?;
        let (definition_id, definition) = numbering.definition_of(num_id, style_list)?;
        let level_at = |l: usize| -> Option<&'n Level> {
            match instance.overrides.get(l) {
                Some((_, Some(level))) => Some(level),
                _ => definition.levels.get(l)?.as_ref(),
            }
        };
        let level = level_at(ilvl)?;
        if self.met.insert(instance_id.as_str()) {
            let pending = self.pending.entry(definition_id).or_default();
            for (slot, (start, _)) in pending.iter_mut().zip(&instance.overrides) {
                if start.is_some() {
                    *slot = *start;
                }
            }
        }
        let counts = self.counts.entry(definition_id).or_default();
        let restart = self
            .pending
            .get_mut(definition_id)
            .and_then(|p| p.get_mut(ilvl))
            .and_then(Option::take);
        let value = match (restart, counts.get(ilvl).copied().flatten()) {
            (Some(start), _) => start,
            (None, Some(last)) => last.saturating_add(1),
            (None, None) => level.start,
        };
        if let Some(slot) = counts.get_mut(ilvl) {
            *slot = Some(value);
        }
        for deeper in ilvl + 1..LEVELS {
            let restarts = match level_at(deeper).and_then(|l| l.restart) {
                None => true,
                Some(0) => false,
                Some(after) => ilvl < after,
            };
            if let (true, Some(slot)) = (restarts, counts.get_mut(deeper)) {
                *slot = None;
            }
        }
        if level.format == Format::Bullet {
            return None;
        }
        let text = expand(&level.text, |l| {
            let shown = level_at(l)?;
            let n = counts.get(l).copied().flatten().unwrap_or(shown.start);
            let format = if level.legal {
                Format::Decimal
            } else {
                shown.format
            };
            Some(format.render(n))
        });
        (!text.is_empty()).then_some(Label {
            text,
            suffix: level.suffix,
        })
    }
}

/// `w:lvlText` with each `%1` … `%9` replaced by the number of that level.
fn expand(template: &str, mut number: impl FnMut(usize) -> Option<String>) -> String {
    let mut out = String::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        let level = chars
            .peek()
            .and_then(|d| d.to_digit(10))
            .filter(|d| (1..=LEVELS as u32).contains(d));
        match (c, level) {
            ('%', Some(d)) => {
                chars.next();
                out.push_str(&number(d as usize - 1).unwrap_or_default());
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_styles(_: &str) -> Option<String> {
        None
    }

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn numbering(body: &str) -> Numbering {
        Numbering::parse(&format!("<w:numbering {W}>{body}</w:numbering>")).unwrap()
    }

    fn level(ilvl: usize, start: u32, format: &str, text: &str) -> String {
        format!(
            r#"<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{format}"/><w:lvlText w:val="{text}"/></w:lvl>"#
        )
    }

    /// A report's three levels: 一、 （一） 1.
    fn report_list() -> String {
        format!(
            r#"<w:abstractNum w:abstractNumId="0">{}{}{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
            level(0, 1, "chineseCounting", "%1、"),
            level(1, 1, "chineseCounting", "（%2）"),
            level(2, 1, "decimal", "%3."),
        )
    }

    fn labels(numbering: &Numbering, paragraphs: &[(&str, usize)]) -> Vec<String> {
        let mut counters = Counters::new(numbering);
        paragraphs
            .iter()
            .map(|&(num, ilvl)| {
                counters
                    .next(num, ilvl, &no_styles)
                    .map(|l| l.text)
                    .unwrap_or_default()
            })
            .collect()
    }

    #[test]
    fn deeper_levels_restart_when_a_shallower_one_advances() {
        let numbering = numbering(&report_list());
        let shown = labels(
            &numbering,
            &[
                ("1", 0),
                ("1", 1),
                ("1", 1),
                ("1", 2),
                ("1", 2),
                ("1", 1),
                ("1", 2),
                ("1", 0),
                ("1", 1),
            ],
        );
        assert_eq!(
            shown,
            [
                "一、",
                "（一）",
                "（二）",
                "1.",
                "2.",
                "（三）",
                "1.",
                "二、",
                "（一）"
            ]
        );
    }

    #[test]
    fn counts_past_ten_and_twenty() {
        let numbering = numbering(&report_list());
        let shown = labels(&numbering, &[("1", 1); 21]);
        assert_eq!(shown[9], "（十）");
        assert_eq!(shown[10], "（十一）");
        assert_eq!(shown[20], "（二十一）");
    }

    #[test]
    fn an_instance_with_a_start_override_restarts_the_shared_list() {
        let body = format!(
            r#"{}<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num><w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>"#,
            report_list()
        );
        let numbering = numbering(&body);
        let shown = labels(
            &numbering,
            &[("1", 0), ("1", 0), ("3", 0), ("2", 0), ("2", 0), ("1", 0)],
        );
        // Instance 3 goes on with the list; instance 2 restarts it once.
        assert_eq!(shown, ["一、", "二、", "三、", "一、", "二、", "三、"]);
    }

    #[test]
    fn start_values_restart_rules_and_composite_labels() {
        let body = format!(
            r#"<w:abstractNum w:abstractNumId="5">{}{}<w:lvl w:ilvl="2"><w:start w:val="1"/><w:lvlRestart w:val="0"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3)"/></w:lvl></w:abstractNum><w:num w:numId="9"><w:abstractNumId w:val="5"/></w:num>"#,
            level(0, 3, "decimal", "%1."),
            level(1, 1, "decimal", "%1.%2"),
        );
        let numbering = numbering(&body);
        let shown = labels(
            &numbering,
            &[("9", 0), ("9", 1), ("9", 2), ("9", 0), ("9", 1), ("9", 2)],
        );
        assert_eq!(shown, ["3.", "3.1", "1)", "4.", "4.1", "2)"]);
    }

    #[test]
    fn a_definition_linked_to_a_numbering_style_numbers_by_that_style_s_list() {
        // Definition 1 only points at numbering style `ReportList`, which
        // stands for list 5 of definition 0; lists 5 and 6 count together.
        let body = format!(
            r#"{}<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="ReportList"/></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="6"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num>"#,
            report_list()
        );
        let numbering = numbering(&body);
        let style_list = |id: &str| (id == "ReportList").then(|| "5".to_string());
        let mut counters = Counters::new(&numbering);
        let shown: Vec<String> = [("6", 0), ("6", 1), ("5", 0), ("6", 0)]
            .iter()
            .map(|&(num, ilvl)| counters.next(num, ilvl, &style_list).unwrap().text)
            .collect();
        assert_eq!(shown, ["一、", "（一）", "二、", "三、"]);
        // A style that links back to its own definition goes nowhere.
        let looping = |_: &str| Some("7".to_string());
        assert_eq!(Counters::new(&numbering).next("7", 0, &looping), None);
    }

    #[test]
    fn bullets_and_missing_lists_give_no_label() {
        let body = format!(
            r#"<w:abstractNum w:abstractNumId="0">{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
            level(0, 1, "bullet", "•")
        );
        let numbering = numbering(&body);
        assert_eq!(
            labels(&numbering, &[("1", 0), ("7", 0), ("1", 4)]),
            ["", "", ""]
        );
    }

    #[test]
    fn suffix_and_legal_numbering() {
        let body = format!(
            r#"<w:abstractNum w:abstractNumId="0">{}<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:isLgl/><w:suff w:val="nothing"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
            level(0, 1, "upperRoman", "%1")
        );
        let numbering = numbering(&body);
        let mut counters = Counters::new(&numbering);
        let first = counters.next("1", 0, &no_styles).unwrap();
        assert_eq!(first.suffix, Suffix::Tab);
        let second = counters.next("1", 1, &no_styles).unwrap();
        assert_eq!(
            second,
            Label {
                text: "1.1".to_string(),
                suffix: Suffix::Nothing
            }
        );
    }
}
