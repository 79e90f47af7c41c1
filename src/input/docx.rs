//! Word `.docx`: the text of every paragraph of the main document, one
//! paragraph a line, in document order, as a reader sees it: runs joined,
//! each table cell's paragraphs in turn, deleted text left out and
//! inserted text kept, hidden text left out, and the label Word's list
//! numbering puts before a paragraph written in front of it (`一、`,
//! `（一）`). Footnotes, endnotes, comments, headers and footers live in
//! parts of their own and are not read; a text box's paragraphs follow the
//! paragraph that holds it.
//!
//! A `.docx` is a zip archive, and one built to be malicious can claim
//! anything in its headers: every part is read through a cap on the bytes
//! it unzips to, whatever its header says.

mod number_format;
mod numbering;
mod styles;
mod xml;

use std::io::{Read, Seek};

use numbering::{Counters, Label, Numbering, Suffix};
use styles::Styles;
use xml::Item;

/// More entries than any Word document holds (one per image, part and
/// relationship file).
const MAX_ENTRIES: usize = 10_000;
const MB: u64 = 1 << 20;
/// The main document: many times the longest report's, revisions kept.
const DOCUMENT_LIMIT: u64 = 64 * MB;
/// Styles, numbering and relationship parts.
const PART_LIMIT: u64 = 16 * MB;
/// All parts read, together.
const TOTAL_LIMIT: u64 = 96 * MB;
/// The text made: the document's own text is smaller than its XML, but
/// list labels are added to every numbered paragraph.
const TEXT_LIMIT: usize = 128 << 20;
/// Text boxes hold paragraphs inside a paragraph; Word nests them a level
/// or two. Deeper ones are read as part of the paragraph around them, so
/// that nesting costs no memory per level.
const MAX_NESTED: usize = 8;

const MAIN_DOCUMENT: &str = "word/document.xml";

/// The document's text, or why it cannot be read (one line).
pub fn read<R: Read + Seek>(reader: R) -> Result<String, String> {
    let mut package = Package::open(reader)?;
    let document = package.main_document()?;
    let related = package.relationships(&document)?;
    // A document without lists or styles has no part for them.
    let styles = match package.part(&related.styles, PART_LIMIT)? {
        Some(xml) => Styles::parse(&xml).map_err(|e| malformed(&related.styles, &e))?,
        None => Styles::default(),
    };
    let numbering = match package.part(&related.numbering, PART_LIMIT)? {
        Some(xml) => Numbering::parse(&xml).map_err(|e| malformed(&related.numbering, &e))?,
        None => Numbering::default(),
    };
    let xml = package
        .part(&document, DOCUMENT_LIMIT)?
        .ok_or_else(not_a_document)?;
    let mut writer = Writer::new(&styles, &numbering, TEXT_LIMIT);
    paragraphs(&xml, |p, place| writer.push(p, place)).map_err(|e| malformed(&document, &e))?;
    writer.finish()
}

fn malformed(part: &str, e: &quick_xml::Error) -> String {
    one_line(&format!(
        "corrupt .docx: {part} is not well-formed XML ({e})"
    ))
}

fn not_a_document() -> String {
    "not a Word document: the zip archive holds no word/document.xml \
     (an .xlsx or .pptx? save it as .docx)"
        .to_string()
}

fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The zip archive and what may still be unzipped from it.
struct Package<R> {
    archive: zip::ZipArchive<R>,
    budget: u64,
}

/// The parts the main document's relationships point to.
struct Related {
    styles: String,
    numbering: String,
}

impl<R: Read + Seek> Package<R> {
    fn open(reader: R) -> Result<Package<R>, String> {
        let archive = zip::ZipArchive::new(reader).map_err(|e| zip_reason(&e))?;
        if archive.len() > MAX_ENTRIES {
            return Err(format!(
                "the zip archive holds {} entries, more than any Word document: not read",
                archive.len()
            ));
        }
        Ok(Package {
            archive,
            budget: TOTAL_LIMIT,
        })
    }

    /// The main document's part: where the package's relationships say
    /// (some tools name it otherwise), else `word/document.xml`.
    fn main_document(&mut self) -> Result<String, String> {
        let named = match self.part("_rels/.rels", PART_LIMIT)? {
            Some(xml) => targets(&xml, "")
                .map_err(|e| malformed("_rels/.rels", &e))?
                .into_iter()
                .find(|(kind, _)| kind == "officeDocument")
                .map(|(_, target)| target),
            None => None,
        };
        let document = named.unwrap_or_else(|| MAIN_DOCUMENT.to_string());
        if self.index_of(&document).is_some() {
            Ok(document)
        } else if self.index_of("mimetype").is_some() || self.index_of("content.xml").is_some() {
            Err("an OpenDocument file, not a Word document: save it as .docx".to_string())
        } else {
            Err(not_a_document())
        }
    }

    /// Where the main document's styles and list numbering are, by its
    /// relationships, else where Word puts them.
    fn relationships(&mut self, document: &str) -> Result<Related, String> {
        let (folder, file) = document.rsplit_once('/').unwrap_or(("", document));
        let rels = if folder.is_empty() {
            format!("_rels/{file}.rels")
        } else {
            format!("{folder}/_rels/{file}.rels")
        };
        let (mut styles, mut numbering) = (None, None);
        if let Some(xml) = self.part(&rels, PART_LIMIT)? {
            for (kind, target) in targets(&xml, folder).map_err(|e| malformed(&rels, &e))? {
                match kind.as_str() {
                    "styles" => styles = Some(target),
                    "numbering" => numbering = Some(target),
                    _ => {}
                }
            }
        }
        let beside = |name: &str| resolve(folder, name);
        Ok(Related {
            styles: styles.unwrap_or_else(|| beside("styles.xml")),
            numbering: numbering.unwrap_or_else(|| beside("numbering.xml")),
        })
    }

    /// Part names are case-insensitive in a package.
    fn index_of(&self, name: &str) -> Option<usize> {
        self.archive.index_for_name(name).or_else(|| {
            self.archive
                .file_names()
                .position(|n| n.is_ok_and(|n| n.eq_ignore_ascii_case(name)))
        })
    }

    /// The part named `name` as text, `None` when there is none. Reads at
    /// most `limit` bytes (and what is left of the budget of all parts),
    /// whatever the entry's header claims.
    fn part(&mut self, name: &str, limit: u64) -> Result<Option<String>, String> {
        let Some(index) = self.index_of(name) else {
            return Ok(None);
        };
        let cap = limit.min(self.budget);
        let too_large = || {
            format!(
                "{name} unzips to more than {} MB, more than any report: not read \
                 (a damaged file or a zip bomb)",
                cap / MB
            )
        };
        let entry = self.archive.by_index(index).map_err(|e| zip_reason(&e))?;
        if entry.size() > cap {
            return Err(too_large());
        }
        // The claimed size, now known to be within the cap, saves growing
        // the buffer by doubling, which would hold twice the cap.
        let mut bytes = Vec::with_capacity(usize::try_from(entry.size()).unwrap_or(0));
        entry
            .take(cap + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::Unsupported => one_line(&format!(
                    "not a readable .docx: {NOT_BY_WORD}: cannot unzip {name} ({e})"
                )),
                _ => one_line(&format!("corrupt .docx: cannot unzip {name} ({e})")),
            })?;
        let read = bytes.len() as u64;
        if read > cap {
            return Err(too_large());
        }
        self.budget -= read;
        let text = String::from_utf8(bytes)
            .map_err(|_| format!("corrupt .docx: {name} is not UTF-8 XML"))?;
        Ok(Some(text))
    }
}

/// Another compression than deflate, a zip password: nothing Word writes.
const NOT_BY_WORD: &str = "the zip archive was not written by Word";

fn zip_reason(e: &zip::result::ZipError) -> String {
    use zip::result::ZipError;
    let why = match e {
        ZipError::Io(_) | ZipError::InvalidArchive(_) => "the zip archive is truncated or corrupt",
        _ => NOT_BY_WORD,
    };
    one_line(&format!("not a readable .docx: {why} ({e})"))
}

/// The relationships of a part (`_rels/*.rels`): the last word of each
/// relationship's type (`officeDocument`, `styles`, `numbering`) and its
/// target as a part name, resolved from `folder`, the folder of the part
/// whose relationships these are. Links out of the package are left out.
fn targets(xml: &str, folder: &str) -> Result<Vec<(String, String)>, quick_xml::Error> {
    let mut found = Vec::new();
    xml::walk(xml, &[], |item| {
        let Item::Foreign {
            name: "Relationship",
            element,
        } = item
        else {
            return;
        };
        if xml::attr(element, "TargetMode").is_some_and(|m| m == "External") {
            return;
        }
        if let (Some(kind), Some(target)) =
            (xml::attr(element, "Type"), xml::attr(element, "Target"))
        {
            let kind = kind.rsplit('/').next().unwrap_or_default().to_string();
            found.push((kind, resolve(folder, &target)));
        }
    })?;
    Ok(found)
}

/// A relationship's target as a part name: absolute from the package's
/// root, else relative to `folder`, `.` and `..` resolved.
fn resolve(folder: &str, target: &str) -> String {
    let mut path: Vec<&str> = match target.strip_prefix('/') {
        Some(_) => Vec::new(),
        None => folder.split('/').filter(|s| !s.is_empty()).collect(),
    };
    for segment in target.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                path.pop();
            }
            _ => path.push(segment),
        }
    }
    path.join("/")
}

/// One paragraph as written, before its list label.
#[derive(Default, Debug)]
struct Paragraph {
    text: String,
    style: Option<String>,
    num_id: Option<String>,
    ilvl: Option<usize>,
}

/// What is left out with all it holds: deleted and moved-away text, field
/// instructions (`PAGE`, `TOC \o`), the properties a revision replaced,
/// and ruby annotations over the text.
const LEFT_OUT: [&str; 9] = [
    "del",
    "moveFrom",
    "delText",
    "instrText",
    "delInstrText",
    "pPrChange",
    "rPrChange",
    "numberingChange",
    "rt",
];

/// Where a finished paragraph goes: straight to the text, or, inside a
/// text box, after the paragraph that holds the box.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Body,
    TextBox,
}

/// Calls `finished` on each paragraph of the main document as it ends.
fn paragraphs(
    xml: &str,
    mut finished: impl FnMut(Paragraph, Place),
) -> Result<(), quick_xml::Error> {
    // Open paragraphs: more than one inside a text box.
    let mut open: Vec<Paragraph> = Vec::new();
    // Paragraphs open beyond `MAX_NESTED`.
    let mut nested_too_deep = 0usize;
    let mut in_properties = false;
    let mut in_run_properties = false;
    let mut hidden = false;
    let mut in_text = false;
    let place = |open: &[Paragraph]| match open.is_empty() {
        true => Place::Body,
        false => Place::TextBox,
    };
    xml::walk(xml, &LEFT_OUT, |item| match item {
        Item::Open {
            name,
            element,
            empty,
        } => {
            let val = || xml::attr(element, "val");
            match name {
                "p" if empty => finished(Paragraph::default(), place(&open)),
                "p" if open.len() < MAX_NESTED => open.push(Paragraph::default()),
                "p" => nested_too_deep += 1,
                "pPr" => in_properties = !empty,
                "rPr" => in_run_properties = !empty && !in_properties,
                "r" => hidden = false,
                "vanish" if in_run_properties => hidden = xml::is_on(element),
                "t" => in_text = !empty,
                _ => {}
            }
            let Some(paragraph) = open.last_mut() else {
                return;
            };
            match name {
                "pStyle" if in_properties => paragraph.style = val(),
                "numId" if in_properties => paragraph.num_id = val(),
                "ilvl" if in_properties => paragraph.ilvl = val().and_then(|v| v.parse().ok()),
                "tab" | "ptab" if !in_properties && !hidden => paragraph.text.push('\t'),
                "noBreakHyphen" if !hidden => paragraph.text.push('-'),
                _ => {}
            }
        }
        Item::Close { name } => match name {
            "p" if nested_too_deep > 0 => nested_too_deep -= 1,
            "p" => {
                if let Some(paragraph) = open.pop() {
                    finished(paragraph, place(&open));
                }
            }
            "pPr" => in_properties = false,
            "rPr" => in_run_properties = false,
            "t" => in_text = false,
            _ => {}
        },
        Item::Text(text) if in_text && !hidden => {
            if let Some(paragraph) = open.last_mut() {
                // A paragraph is one line: a line break inside the text of a
                // run (which Word would show as a space) must not split it.
                paragraph.text.extend(text.chars().map(|c| {
                    if c == '\n' || c == '\r' {
                        ' '
                    } else {
                        c
                    }
                }));
            }
        }
        _ => {}
    })?;
    // A document cut short still gives what it had.
    while let Some(paragraph) = open.pop() {
        finished(paragraph, place(&open));
    }
    Ok(())
}

/// Writes the text as paragraphs end: each, after its list label, on a
/// line of its own.
struct Writer<'d> {
    styles: &'d Styles,
    numbering: &'d Numbering,
    counters: Counters<'d>,
    text: String,
    /// Lines of text-box paragraphs, for after the paragraph holding them.
    after: String,
    /// Bytes of text at most.
    limit: usize,
    too_long: bool,
}

impl<'d> Writer<'d> {
    fn new(styles: &'d Styles, numbering: &'d Numbering, limit: usize) -> Writer<'d> {
        Writer {
            styles,
            numbering,
            counters: Counters::new(numbering),
            text: String::new(),
            after: String::new(),
            limit,
            too_long: false,
        }
    }

    fn push(&mut self, paragraph: Paragraph, place: Place) {
        if self.too_long {
            return;
        }
        let styles = self.styles;
        let style_list = |id: &str| styles.numbering_style_list(id);
        let label = list_of(&paragraph, styles, self.numbering, &style_list)
            .and_then(|(num_id, ilvl)| self.counters.next(&num_id, ilvl, &style_list));
        let line = match place {
            Place::Body => &mut self.text,
            Place::TextBox => &mut self.after,
        };
        if let Some(label) = label {
            line.push_str(&label.text);
            line.push_str(separator(&label, &paragraph.text));
        }
        line.push_str(&paragraph.text);
        line.push('\n');
        if place == Place::Body {
            self.text.push_str(&self.after);
            self.after.clear();
        }
        self.too_long = self.text.len() + self.after.len() > self.limit;
    }

    fn finish(mut self) -> Result<String, String> {
        if self.too_long {
            return Err(format!(
                "its text comes to more than {} MB with its list labels, more than any report: not read",
                self.limit >> 20
            ));
        }
        self.text.push_str(&self.after);
        Ok(self.text)
    }
}

/// The list and level a paragraph is numbered by: its own `w:numPr`, else
/// its style's; a level unnamed is the one linked to the style.
fn list_of(
    paragraph: &Paragraph,
    styles: &Styles,
    numbering: &Numbering,
    style_list: &dyn Fn(&str) -> Option<String>,
) -> Option<(String, usize)> {
    let by_style = styles.numbering(paragraph.style.as_deref());
    let num_id = paragraph.num_id.clone().or(by_style.num_id)?;
    // List 0 is Word's way of taking a style's numbering off a paragraph.
    if num_id == "0" {
        return None;
    }
    let linked = || {
        let owner = by_style.owner.as_deref()?;
        numbering.level_of_style(&num_id, owner, style_list)
    };
    let ilvl = paragraph
        .ilvl
        .or(by_style.ilvl)
        .or_else(|| paragraph.num_id.is_none().then(linked).flatten())
        .unwrap_or(0);
    Some((num_id, ilvl))
}

/// What comes between a label and its text. A report's text writes `一、`,
/// `（一）`, `1.` and `①` right before the words (`11.RCEP` too), whatever
/// Word puts there (a tab, by default); a label ending in a letter or an
/// ideograph (`第一章`) keeps a space.
fn separator(label: &Label, text: &str) -> &'static str {
    let Some(last) = label.text.chars().last().filter(|_| !text.is_empty()) else {
        return "";
    };
    let enclosed = matches!(last, '\u{2460}'..='\u{24ff}' | '\u{3220}'..='\u{32ff}');
    if label.suffix == Suffix::Nothing || enclosed || !last.is_alphanumeric() {
        ""
    } else {
        " "
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn docx(document_body: &str, numbering: Option<&str>) -> Vec<u8> {
        docx_with_styles(document_body, numbering, None)
    }

    fn docx_with_styles(
        document_body: &str,
        numbering: Option<&str>,
        styles: Option<&str>,
    ) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("word/document.xml", options).unwrap();
        write!(
            zip,
            "<w:document {W}><w:body>{document_body}</w:body></w:document>"
        )
        .unwrap();
        if let Some(numbering) = numbering {
            zip.start_file("word/numbering.xml", options).unwrap();
            write!(zip, "<w:numbering {W}>{numbering}</w:numbering>").unwrap();
        }
        if let Some(styles) = styles {
            zip.start_file("word/styles.xml", options).unwrap();
            write!(zip, "<w:styles {W}>{styles}</w:styles>").unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn labels_cannot_multiply_the_text_past_its_cap() {
        // Every paragraph numbered by the default style, with a long label.
        let label = "一".repeat(1000);
        let numbering = format!(
            r#"<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:lvlText w:val="{label}%1"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
        );
        let styles = format!(
            r#"<w:styles {W}><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>"#
        );
        let (numbering, styles) = (
            Numbering::parse(&numbering).unwrap(),
            Styles::parse(&styles).unwrap(),
        );
        let document = format!(
            "<w:document {W}><w:body>{}</w:body></w:document>",
            "<w:p/>".repeat(1000)
        );
        let write = |limit: usize| {
            let mut writer = Writer::new(&styles, &numbering, limit);
            paragraphs(&document, |p, place| writer.push(p, place)).unwrap();
            writer.finish()
        };
        let line = format!("{}\n", "一".repeat(64));
        assert_eq!(write(1 << 20).unwrap(), line.repeat(1000));
        let error = write(line.len() * 999).unwrap_err();
        assert!(error.contains("with its list labels"), "{error}");
    }

    #[test]
    fn paragraphs_nested_past_text_boxes_are_read_as_one() {
        let depth = 10_000;
        let body = format!(
            "{}<w:r><w:t>深处</w:t></w:r>{}<w:p><w:r><w:t>之后</w:t></w:r></w:p>",
            "<w:p>".repeat(depth),
            "</w:p>".repeat(depth)
        );
        let text = text_of(&body);
        assert_eq!(text.lines().count(), MAX_NESTED + 1, "{text}");
        assert!(text.ends_with("\n之后\n"), "{text}");
        assert!(text.contains("深处"), "{text}");
    }

    fn text_of(body: &str) -> String {
        read(std::io::Cursor::new(docx(body, None))).unwrap()
    }

    #[test]
    fn runs_tables_revisions_and_fields() {
        let body = r#"
            <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>
              <w:r><w:t>各位</w:t></w:r><w:r><w:t xml:space="preserve">代表</w:t></w:r><w:r><w:br/><w:t>：</w:t></w:r></w:p>
            <w:p><w:ins><w:r><w:t>新增</w:t></w:r></w:ins><w:del><w:r><w:delText>删去</w:delText></w:r></w:del>
              <w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:tab/><w:t>A&amp;B</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>乙</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>
              <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
              <w:r><w:footnoteReference w:id="1"/></w:r></w:p>
            <w:p/>
            <w:p><w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink><w:sdt><w:sdtPr><w:alias w:val="控件名"/></w:sdtPr><w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt>
              <w:r><w:ruby><w:rt><w:r><w:t>zhù</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>注</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>
            <w:p><w:r><w:t>有框</w:t></w:r><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
              <mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>
              <mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>
              </mc:AlternateContent></w:r><w:r><w:t>之后</w:t></w:r></w:p>"#;
        assert_eq!(
            text_of(body),
            "各位代表：\n新增\tA&B\n甲\n乙\n3\n\n链接控件注\n有框之后\n框内\n"
        );
    }

    #[test]
    fn labels_join_their_text_as_a_report_writes_them() {
        let numbering = r#"
            <w:abstractNum w:abstractNumId="0">
              <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
              <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="space"/></w:lvl>
              <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
              <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%4章"/></w:lvl>
            </w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#;
        let p = |ilvl: usize, text: &str| {
            format!(
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
            )
        };
        let body = [
            p(0, "总体要求"),
            p(1, "坚持"),
            p(2, "医疗"),
            p(2, "Scope"),
            p(3, "总则"),
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>无号</w:t></w:r></w:p>"#.to_string(),
        ]
        .concat();
        let text = read(std::io::Cursor::new(docx(&body, Some(numbering)))).unwrap();
        assert_eq!(
            text,
            "一、总体要求\n（一）坚持\n1.医疗\n2.Scope\n第一章 总则\n无号\n"
        );
    }

    #[test]
    fn a_compression_word_never_uses_is_named_as_such() {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        zip.start_file("word/document.xml", stored).unwrap();
        write!(zip, "<w:document {W}/>").unwrap();
        let mut bytes = zip.finish().unwrap().into_inner();
        // The method of the local and the central header, made bzip2's.
        let central = bytes.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
        bytes[8] = 12;
        bytes[central + 10] = 12;
        let error = read(std::io::Cursor::new(bytes)).unwrap_err();
        assert!(error.contains("not written by Word"), "{error}");
    }

    #[test]
    fn relationship_targets_resolve_to_part_names() {
        assert_eq!(resolve("", "word/document.xml"), "word/document.xml");
        assert_eq!(resolve("word", "styles.xml"), "word/styles.xml");
        assert_eq!(resolve("word", "/word/numbering.xml"), "word/numbering.xml");
        assert_eq!(resolve("word/sub", "../styles.xml"), "word/styles.xml");
    }
}
