//! Paragraph styles (`word/styles.xml`), for the list numbering a style
//! gives its paragraphs: Word's headings are often numbered by their style
//! (`标题 1` linked to a multilevel list) rather than paragraph by paragraph.

use std::collections::HashMap;

use super::xml::{self, Item};

#[derive(Default, Debug)]
struct Style {
    based_on: Option<String>,
    num_id: Option<String>,
    ilvl: Option<usize>,
}

#[derive(Default, Debug)]
pub struct Styles {
    paragraph: HashMap<String, Style>,
    /// The style of a paragraph that names none.
    default_paragraph: Option<String>,
    /// Numbering styles (`w:type="numbering"`) and the list each stands
    /// for, which a list definition's `w:numStyleLink` points to.
    numbering: HashMap<String, String>,
}

/// The list numbering a paragraph style gives.
#[derive(Default, Debug, PartialEq, Eq)]
pub struct StyleNumbering {
    pub num_id: Option<String>,
    pub ilvl: Option<usize>,
    /// The style in the chain that named the list: a list level linked to
    /// it (`w:pStyle` in the level) gives the level when none is named.
    pub owner: Option<String>,
}

impl Styles {
    pub fn parse(xml: &str) -> Result<Styles, quick_xml::Error> {
        let mut styles = Styles::default();
        // The style being read: its id, whether a numbering style, and
        // what it says.
        let mut current: Option<(String, bool, Style)> = None;
        xml::walk(
            xml,
            &["rPr", "tblPr", "tcPr", "trPr", "tblStylePr"],
            |item| match item {
                Item::Open { name, element, .. } => {
                    let val = || xml::attr(element, "val");
                    match (name, &mut current) {
                        ("style", _) => {
                            let kind = xml::attr(element, "type");
                            let is_numbering = kind.as_deref() == Some("numbering");
                            let is_paragraph = kind.as_deref().is_none_or(|k| k == "paragraph");
                            current = match xml::attr(element, "styleId") {
                                Some(id) if is_paragraph || is_numbering => {
                                    if is_paragraph
                                        && xml::attr(element, "default")
                                            .is_some_and(|d| d == "1" || d == "true")
                                    {
                                        styles.default_paragraph = Some(id.clone());
                                    }
                                    Some((id, is_numbering, Style::default()))
                                }
                                _ => None,
                            };
                        }
                        ("basedOn", Some((_, _, style))) => style.based_on = val(),
                        ("numId", Some((_, _, style))) => style.num_id = val(),
                        ("ilvl", Some((_, _, style))) => {
                            style.ilvl = val().and_then(|v| v.parse().ok());
                        }
                        _ => {}
                    }
                }
                Item::Close { name: "style" } => {
                    if let Some((id, is_numbering, style)) = current.take() {
                        if is_numbering {
                            if let Some(num_id) = style.num_id {
                                styles.numbering.insert(id, num_id);
                            }
                        } else {
                            styles.paragraph.insert(id, style);
                        }
                    }
                }
                _ => {}
            },
        )?;
        Ok(styles)
    }

    /// The list numbering of paragraph style `id` (the default paragraph
    /// style for `None`), inherited through `w:basedOn`.
    pub fn numbering(&self, id: Option<&str>) -> StyleNumbering {
        let mut found = StyleNumbering::default();
        let mut id = id.or(self.default_paragraph.as_deref());
        // A chain of styles based on one another could loop.
        for _ in 0..32 {
            let Some((key, style)) = id.and_then(|i| self.paragraph.get_key_value(i)) else {
                break;
            };
            if found.num_id.is_none() && style.num_id.is_some() {
                found.num_id.clone_from(&style.num_id);
                found.owner = Some(key.clone());
            }
            found.ilvl = found.ilvl.or(style.ilvl);
            id = style.based_on.as_deref();
        }
        found
    }

    /// The list a numbering style stands for.
    pub fn numbering_style_list(&self, id: &str) -> Option<String> {
        self.numbering.get(id).cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_is_inherited_through_based_on() {
        let xml = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
              <w:pPr><w:numPr><w:numId w:val="4"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="ReportH1"><w:basedOn w:val="1"/><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Loop"><w:basedOn w:val="Loop"/></w:style>
            <w:style w:type="numbering" w:styleId="ReportList"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
        </w:styles>"#;
        let styles = Styles::parse(xml).unwrap();
        assert_eq!(
            styles.numbering(Some("ReportH1")),
            StyleNumbering {
                num_id: Some("4".to_string()),
                ilvl: Some(0),
                owner: Some("1".to_string()),
            }
        );
        assert_eq!(styles.numbering(None), StyleNumbering::default());
        assert_eq!(styles.numbering(Some("Loop")), StyleNumbering::default());
        assert_eq!(
            styles.numbering_style_list("ReportList").as_deref(),
            Some("7")
        );
    }
}
