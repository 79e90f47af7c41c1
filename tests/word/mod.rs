//! Word documents made from the text of a report, as a drafter's `.docx`
//! is: one paragraph per line, the text in several runs, and the `一、`,
//! `（一）` and `1.` headings numbered by Word's list numbering instead of
//! typed (the first two levels through heading styles linked to the list,
//! the third paragraph by paragraph, a list that starts again at 1 through
//! a list instance that restarts it).

use std::io::Write;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A `.docx` whose text, as Word shows it, is `report`; and how many of
/// its headings Word numbers.
pub fn from_report(report: &str) -> (Vec<u8>, usize) {
    let mut body = String::new();
    let mut lists = Lists::default();
    let mut numbered = 0;
    for line in report.lines() {
        let paragraph = match heading(line) {
            Some((level, number, rest)) if lists.fits(level, number) => {
                numbered += 1;
                lists.paragraph(level, number, rest)
            }
            _ => paragraph("", line),
        };
        body.push_str(&paragraph);
    }
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    );
    (
        package(&[
            ("word/document.xml", &document),
            ("word/styles.xml", STYLES),
            ("word/numbering.xml", &lists.numbering()),
        ]),
        numbered,
    )
}

/// A complete package around `parts`: content types and relationships.
pub fn package(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let mut files: Vec<(&str, &str)> = vec![
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", PACKAGE_RELATIONSHIPS),
        ("word/_rels/document.xml.rels", DOCUMENT_RELATIONSHIPS),
    ];
    files.extend_from_slice(parts);
    for (name, content) in files {
        zip.start_file(name, options).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A typed heading label: its level (0 for `一、`, 1 for `（一）`, 2 for
/// `1.`), its number and the text after it.
fn heading(line: &str) -> Option<(usize, u32, &str)> {
    if let Some((n, rest)) = line
        .split_once('、')
        .and_then(|(l, r)| Some((chinese(l)?, r)))
    {
        return Some((0, n, rest));
    }
    if let Some(inner) = line.strip_prefix('（') {
        let (numeral, rest) = inner.split_once('）')?;
        return chinese(numeral).map(|n| (1, n, rest));
    }
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = line.get(digits..)?.strip_prefix('.')?;
    let starts_number = rest.starts_with(|c: char| c.is_ascii_digit());
    match (1..=2).contains(&digits) && !starts_number {
        true => line[..digits].parse().ok().map(|n| (2, n, rest)),
        false => None,
    }
}

/// 一 … 九十九.
fn chinese(numeral: &str) -> Option<u32> {
    let digit = |c: char| {
        "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32 + 1)
    };
    let chars: Vec<char> = numeral.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [d] => digit(*d),
        ['十', o] => Some(10 + digit(*o)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', o] => Some(digit(*t)? * 10 + digit(*o)?),
        _ => None,
    }
}

/// Word's counters, as the paragraphs so far leave them, and the list
/// instances made to restart the list.
#[derive(Default)]
struct Lists {
    counts: [u32; 3],
    /// Instances after the first: each restarts one level at 1.
    restarts: Vec<usize>,
}

impl Lists {
    /// Whether Word can show `number` at `level` next: the number that
    /// follows, or 1 by a restart. A `1.` before any heading above it (a
    /// list of contents) stays typed: word processors disagree on what a
    /// deeper level's first use does to the levels above it.
    fn fits(&self, level: usize, number: u32) -> bool {
        let under_a_heading = level < 2 || self.counts[..2].iter().any(|&c| c > 0);
        under_a_heading && (number == self.counts[level] + 1 || number == 1)
    }

    fn paragraph(&mut self, level: usize, number: u32, rest: &str) -> String {
        let mut direct = String::new();
        if number != self.counts[level] + 1 {
            self.restarts.push(level);
            let num_id = self.restarts.len() + 1;
            direct = format!(
                r#"<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>"#
            );
        } else if level == 2 {
            direct = r#"<w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr>"#.to_string();
        }
        self.counts[level] = number;
        for deeper in &mut self.counts[level + 1..] {
            *deeper = 0;
        }
        let style = match level {
            0 => r#"<w:pStyle w:val="Heading1"/>"#,
            1 => r#"<w:pStyle w:val="ReportH2"/>"#,
            _ => "",
        };
        paragraph(&format!("{style}{direct}"), rest)
    }

    fn numbering(&self) -> String {
        let instances: String = self
            .restarts
            .iter()
            .enumerate()
            .map(|(i, level)| {
                format!(
                    r#"<w:num w:numId="{}"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#,
                    i + 2
                )
            })
            .collect();
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Heading1"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl><w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>{instances}</w:numbering>"#
        )
    }
}

/// A paragraph with properties `properties`, its text in runs cut after
/// each `，` as Word cuts them where the formatting or an edit changed.
fn paragraph(properties: &str, text: &str) -> String {
    let mut runs = String::new();
    for piece in text.split_inclusive('，') {
        runs.push_str("<w:r>");
        for (i, part) in piece.split('\t').enumerate() {
            if i > 0 {
                runs.push_str("<w:tab/>");
            }
            if !part.is_empty() {
                runs.push_str(&format!(
                    r#"<w:t xml:space="preserve">{}</w:t>"#,
                    escape(part)
                ));
            }
        }
        runs.push_str("</w:r>");
    }
    match properties {
        "" => format!("<w:p>{runs}</w:p>"),
        _ => format!("<w:p><w:pPr>{properties}</w:pPr>{runs}</w:p>"),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `标题 1` numbers its paragraphs by the list's level linked to it;
/// `报告二级标题` inherits level 2 of the list from `标题 2`.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/></w:rPr></w:style><w:style w:type="paragraph" w:customStyle="1" w:styleId="ReportH2"><w:name w:val="报告二级标题"/><w:basedOn w:val="Heading2"/></w:style></w:styles>"#;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>"#;

const PACKAGE_RELATIONSHIPS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOCUMENT_RELATIONSHIPS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"#;
