//! Word `.docx` input as a drafter hands it over: real reports made into
//! Word documents whose headings Word numbers, read by the real binary,
//! and broken or hostile files refused with one line and exit 2.

mod cli_run;
mod fixture;
mod published_fixtures;
mod word;

use fixture::fixture;
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn baogao(dir: &Path, args: &[&str]) -> Output {
    cli_run::baogao_in(dir, args, None)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// Every fixture, the published reports too, made into a `.docx` reads
/// back as its exact text, the typed heading labels having become Word's
/// numbering.
#[test]
fn every_fixture_reads_back_as_its_text() {
    let mut fixtures = published_fixtures::fixtures();
    for entry in std::fs::read_dir(root().join("tests/fixtures")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            fixtures.push((path.display().to_string(), text));
        }
    }
    assert!(fixtures.len() > 60, "{} fixtures", fixtures.len());
    let mut numbered = 0;
    for (name, text) in fixtures {
        let (docx, headings) = word::from_report(&text);
        numbered += headings;
        let read = baogao::input::from_bytes("report.docx", docx).unwrap();
        let expected: String = text.lines().map(|l| format!("{l}\n")).collect();
        assert_eq!(read.text, expected, "{name}");
        assert_eq!(read.decoded_from, None);
    }
    assert!(numbered > 500, "only {numbered} headings numbered by Word");
}

/// A fixture (its path under `tests/fixtures`) and the `.docx` made of
/// it, side by side in one folder under the fixture's own file name; and
/// how many headings Word numbers.
fn side_by_side(fixture_path: &str) -> (tempfile::TempDir, usize) {
    let text = fixture(fixture_path);
    let (docx, numbered) = word::from_report(&text);
    let dir = tempfile::tempdir().unwrap();
    let file = Path::new(fixture_path).file_name().unwrap();
    std::fs::write(dir.path().join(file), &text).unwrap();
    std::fs::write(dir.path().join(file).with_extension("docx"), docx).unwrap();
    (dir, numbered)
}

/// What a command prints for `file` and for the `.docx` beside it, the
/// file name made the same.
fn both(dir: &Path, file: &str, args: &[&str]) -> (String, String) {
    let run = |file: &str| {
        let mut all = args.to_vec();
        all.push(file);
        let out = baogao(dir, &all);
        assert!(stderr(&out).is_empty(), "{}", stderr(&out));
        (stdout(&out).replace(file, "FILE"), out.status.code())
    };
    let docx = Path::new(file).with_extension("docx");
    let (text, text_code) = run(file);
    let (docx, docx_code) = run(docx.to_str().unwrap());
    assert_eq!(text_code, docx_code, "{args:?}");
    (text, docx)
}

#[test]
fn word_numbered_headings_give_the_same_outline_and_findings_as_the_txt() {
    for fixture_path in [
        "zhengfu-zhejiang-2026.txt",
        "zhengfu-beijing-2026.txt",
        "renda-baicheng.txt",
        "published/政府工作报告-国务院/2025.md",
    ] {
        let (dir, numbered) = side_by_side(fixture_path);
        assert!(
            numbered >= 10,
            "{fixture_path}: {numbered} headings numbered"
        );
        let file = Path::new(fixture_path)
            .file_name()
            .unwrap()
            .to_str()
            .unwrap();
        for args in [
            &["outline"][..],
            &["outline", "--json"],
            &["metrics"],
            &["check", "--deny", "errors"],
            &["check", "--deny", "errors", "--format", "json"],
            &["check", "--deny", "errors", "--format", "sarif"],
        ] {
            let (text, docx) = both(dir.path(), file, args);
            assert_eq!(text, docx, "{fixture_path}: {args:?}");
        }
    }
}

#[test]
fn outline_of_a_docx_shows_the_labels_word_numbers() {
    let (dir, _) = side_by_side("zhengfu-zhejiang-2026.txt");
    let out = baogao(dir.path(), &["outline", "zhengfu-zhejiang-2026.docx"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let shown = stdout(&out);
    assert!(
        shown.starts_with("zhengfu-zhejiang-2026.docx: 1 report\n"),
        "{shown}"
    );
    for heading in [
        "一、2025年主要工作",
        "（十）切实筑牢安全防线",
        "三、2026年重点工作",
    ] {
        assert!(shown.contains(heading), "{heading} not in\n{shown}");
    }
}

#[test]
fn a_docx_on_stdin_and_a_docx_named_txt_are_read_by_their_content() {
    let (docx, _) = word::from_report(&fixture("renda-baicheng.txt"));
    let out = cli_run::baogao_in(root(), &["outline", "-"], Some(&docx));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("一、聚焦党的全面领导这一最高政治原则"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("草稿.txt"), &docx).unwrap();
    let out = baogao(dir.path(), &["outline", "草稿.txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("一、聚焦党的全面领导这一最高政治原则"));
}

#[test]
fn a_folder_check_reads_docx_files_beside_text_files() {
    let (dir, _) = side_by_side("renda-baicheng.txt");
    let out = baogao(
        dir.path(),
        &["check", "--statistics", "--format", "json", "."],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["totals"]["files"], 2, "{json}");
    assert_eq!(json["totals"]["reports"], 2, "{json}");
}

/// The `.docx` committed for the browser test of `baogao serve`: a real
/// report whose 一、/（一） headings Word numbers. `BAOGAO_WRITE_FIXTURES=1`
/// writes it again.
#[test]
fn committed_docx_fixture_is_the_report_numbered_by_word() {
    let name = "zhengfu-beijing-2026";
    let text = fixture(&format!("{name}.txt"));
    let path = root().join(format!("tests/fixtures/docx/{name}.docx"));
    if std::env::var_os("BAOGAO_WRITE_FIXTURES").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, word::from_report(&text).0).unwrap();
    }
    let read = baogao::input::read(path.to_str().unwrap()).unwrap();
    assert_eq!(read.text, text);
    let bytes = std::fs::read(&path).unwrap();
    let document = String::from_utf8_lossy(&bytes);
    assert!(bytes.starts_with(b"PK\x03\x04"));
    // Headings numbered by Word, not typed: the typed labels are gone.
    assert!(!document.contains("（一）"));
}

/// Runs `baogao outline` on a file holding `bytes`, and checks that it
/// fails as it should: exit 2, one line naming the file and saying
/// `reason`, nothing on stdout, at once.
fn refused(name: &str, bytes: &[u8], reason: &str) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    let started = Instant::now();
    let out = baogao(dir.path(), &["outline", name]);
    let took = started.elapsed();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{name}: {err}");
    assert!(out.stdout.is_empty(), "{name}");
    assert_eq!(err.lines().count(), 1, "{name}: {err}");
    assert!(
        err.starts_with(&format!("baogao: {name}: ")) && err.contains(reason),
        "{name}: {err}"
    );
    // Within a second, as a drafter waits; twice that for a debug build on
    // a machine busy with other builds.
    assert!(took < Duration::from_secs(2), "{name}: {took:?}");
}

#[test]
fn a_truncated_or_corrupt_docx_is_refused() {
    let (docx, _) = word::from_report(&fixture("renda-baicheng.txt"));
    refused("cut.docx", &docx[..docx.len() / 2], "truncated or corrupt");
    refused("cut-short.docx", &docx[..40], "truncated or corrupt");
    // The end of the archive kept, its data damaged.
    let mut damaged = docx.clone();
    let middle = damaged.len() / 2;
    for byte in &mut damaged[middle - 2000..middle] {
        *byte ^= 0x5a;
    }
    refused("damaged.docx", &damaged, "corrupt");
}

#[test]
fn files_that_are_not_a_docx_are_refused_with_what_to_do() {
    refused("empty.docx", b"", "empty file, not a Word document");
    refused(
        "notes.docx",
        "各位代表：\n".as_bytes(),
        "named .docx but not a Word document",
    );
    let sheet = word::package(&[("xl/workbook.xml", "<workbook/>")]);
    refused("sheet.docx", &sheet, "no word/document.xml");
    let writer = word::package(&[
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", "<office:document-content/>"),
    ]);
    refused(
        "稿.odt",
        &writer,
        "an OpenDocument file, not a Word document",
    );
    let names: Vec<String> = (0..=10_000).map(|i| format!("media/{i}.png")).collect();
    let many: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "")).collect();
    refused(
        "many.docx",
        &word::package(&many),
        "more than any Word document",
    );
}

/// An OLE2 compound file with one sector of directory entries named
/// `streams`, laid out as Word and WPS write one.
fn compound_file(streams: &[&str]) -> Vec<u8> {
    const SECTOR: usize = 512;
    let mut header = vec![0u8; SECTOR];
    header[..8].copy_from_slice(&[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    header[0x18..0x1a].copy_from_slice(&0x3eu16.to_le_bytes());
    header[0x1a..0x1c].copy_from_slice(&3u16.to_le_bytes());
    header[0x1c..0x1e].copy_from_slice(&0xfffeu16.to_le_bytes());
    header[0x1e..0x20].copy_from_slice(&9u16.to_le_bytes());
    header[0x20..0x22].copy_from_slice(&6u16.to_le_bytes());
    header[0x2c..0x30].copy_from_slice(&1u32.to_le_bytes()); // one FAT sector
    header[0x30..0x34].copy_from_slice(&1u32.to_le_bytes()); // directory at sector 1
    header[0x38..0x3c].copy_from_slice(&4096u32.to_le_bytes());
    header[0x3c..0x40].copy_from_slice(&0xfffffffeu32.to_le_bytes());
    header[0x44..0x48].copy_from_slice(&0xfffffffeu32.to_le_bytes());
    for difat in header[0x4c..].chunks_mut(4) {
        difat.copy_from_slice(&0xffffffffu32.to_le_bytes());
    }
    header[0x4c..0x50].copy_from_slice(&0u32.to_le_bytes()); // the FAT is sector 0
    let mut fat = vec![0xffu8; SECTOR];
    fat[..4].copy_from_slice(&0xfffffffdu32.to_le_bytes());
    fat[4..8].copy_from_slice(&0xfffffffeu32.to_le_bytes());
    let mut directory = vec![0u8; SECTOR];
    for (entry, name) in directory
        .chunks_mut(128)
        .zip(["Root Entry"].iter().chain(streams).take(4))
    {
        let utf16: Vec<u8> = format!("{name}\0")
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        entry[..utf16.len()].copy_from_slice(&utf16);
        entry[64..66].copy_from_slice(&(utf16.len() as u16).to_le_bytes());
        entry[66] = if *name == "Root Entry" { 5 } else { 2 };
    }
    [header, fat, directory].concat()
}

#[test]
fn word_binaries_and_encrypted_documents_are_refused() {
    let doc = compound_file(&["WordDocument", "1Table", "\u{5}SummaryInformation"]);
    refused(
        "旧稿.doc",
        &doc,
        "a Word 97–2003 / WPS binary: save it as .docx",
    );
    refused("旧稿.wps", &doc, "save it as .docx");
    // Named .docx, as an encrypted .docx is.
    refused("旧稿.docx", &doc, "save it as .docx");
    let encrypted = compound_file(&["EncryptionInfo", "EncryptedPackage", "\u{6}DataSpaces"]);
    refused(
        "加密.docx",
        &encrypted,
        "encrypted: remove the password in Word and save again",
    );
}

/// A zip of one entry, `word/document.xml`, whose deflated data unzips to
/// `size` bytes of `<` repeated, its header claiming `declared`.
fn bomb(size: usize, declared: u32) -> Vec<u8> {
    const PIECE: usize = 1 << 20;
    // A fully flushed deflate block ends on a byte and refers to nothing
    // before it: repeated, it unzips to its input as many times.
    let mut deflate = flate2::Compress::new(flate2::Compression::best(), false);
    let mut block = Vec::with_capacity(PIECE);
    deflate
        .compress_vec(&vec![b'<'; PIECE], &mut block, flate2::FlushCompress::Full)
        .unwrap();
    let mut data = block.repeat(size / PIECE);
    // The last block: empty, fixed codes, final.
    data.extend_from_slice(&[0x03, 0x00]);
    let name = b"word/document.xml";
    let entry = |signature: u32, central: bool| {
        let mut h = Vec::new();
        h.extend_from_slice(&signature.to_le_bytes());
        if central {
            h.extend_from_slice(&20u16.to_le_bytes()); // made by
        }
        h.extend_from_slice(&20u16.to_le_bytes()); // needed to extract
        h.extend_from_slice(&0u16.to_le_bytes()); // flags
        h.extend_from_slice(&8u16.to_le_bytes()); // deflated
        h.extend_from_slice(&[0, 0, 0x21, 0]); // 1980-01-01 00:00
        h.extend_from_slice(&0u32.to_le_bytes()); // CRC: never reached
        h.extend_from_slice(&(data.len() as u32).to_le_bytes());
        h.extend_from_slice(&declared.to_le_bytes());
        h.extend_from_slice(&(name.len() as u16).to_le_bytes());
        h.extend_from_slice(&0u16.to_le_bytes()); // extra field
        if central {
            h.extend_from_slice(&[0; 6]); // comment, disk, internal attributes
            h.extend_from_slice(&0u32.to_le_bytes()); // external attributes
            h.extend_from_slice(&0u32.to_le_bytes()); // local header at 0
        }
        h.extend_from_slice(name);
        h
    };
    let mut zip = entry(0x04034b50, false);
    zip.extend_from_slice(&data);
    let central_at = zip.len() as u32;
    let central = entry(0x02014b50, true);
    zip.extend_from_slice(&central);
    zip.extend_from_slice(&0x06054b50u32.to_le_bytes());
    zip.extend_from_slice(&[0, 0, 0, 0, 1, 0, 1, 0]);
    zip.extend_from_slice(&(central.len() as u32).to_le_bytes());
    zip.extend_from_slice(&central_at.to_le_bytes());
    zip.extend_from_slice(&0u16.to_le_bytes());
    zip
}

#[test]
fn a_zip_bomb_is_refused_without_unzipping_it() {
    const GB: usize = 1 << 30;
    let honest = bomb(GB, GB as u32);
    assert!(honest.len() < 4 << 20, "{}", honest.len());
    refused("bomb.docx", &honest, "unzips to more than 64 MB");
    // A header that lies about the size does not get more read.
    let lying = bomb(GB, 4096);
    refused(
        "lying.docx",
        &lying,
        "corrupt .docx: cannot unzip word/document.xml",
    );
    let lying_big = bomb(GB, (64 << 20) - 1);
    refused("lying-big.docx", &lying_big, "word/document.xml");
}

#[test]
fn a_folder_with_a_broken_docx_checks_the_others_and_exits_2() {
    let (dir, _) = side_by_side("renda-baicheng.txt");
    std::fs::write(dir.path().join("broken.docx"), b"PK\x03\x04 cut").unwrap();
    let out = baogao(dir.path(), &["check", "--deny", "errors", "."]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("broken.docx: not a readable .docx"), "{err}");
    assert!(stdout(&out).contains("2 files"), "{}", stdout(&out));
}

#[test]
fn input_errors_are_one_line_for_a_server_too() {
    let error = baogao::input::from_bytes("upload.docx", b"PK\x03\x04".to_vec())
        .err()
        .unwrap();
    assert_eq!(error.name, "upload.docx");
    assert!(!error.to_string().contains('\n'));
    let dir: PathBuf = root().join("tests/fixtures");
    let error = baogao::input::read(dir.to_str().unwrap()).err().unwrap();
    assert!(error.reason.contains("directory"), "{error}");
}

/// Pieces of a main document and of a list definition, well-formed or
/// not, with values no Word writes: random parts made of them reach every
/// path of the reader.
const DOCUMENT_PIECES: &[&str] = &[
    "<w:p>",
    "</w:p>",
    "<w:p/>",
    "<w:r>",
    "</w:r>",
    "<w:t>",
    "</w:t>",
    "各位代表：",
    "一、",
    "\n",
    "<w:pPr>",
    "</w:pPr>",
    r#"<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>"#,
    r#"<w:numPr><w:ilvl w:val="99"/><w:numId w:val="1"/></w:numPr>"#,
    r#"<w:numId w:val="0"/>"#,
    r#"<w:pStyle w:val="Heading1"/>"#,
    r#"<w:pStyle w:val="ReportH2"/>"#,
    "<w:tab/>",
    "<w:br/>",
    "<w:del>",
    "</w:del>",
    "<w:ins>",
    "</w:ins>",
    "<w:rPr><w:vanish/></w:rPr>",
    "<w:txbxContent>",
    "</w:txbxContent>",
    "&amp;",
    "&#x4e00;",
    "&#0;",
    "&bogus;",
    "<![CDATA[<x>]]>",
    r#"<mc:Fallback xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">"#,
    "</mc:Fallback>",
    "<",
    "\"",
];

const NUMBERING_PIECES: &[&str] = &[
    r#"<w:abstractNum w:abstractNumId="0">"#,
    "</w:abstractNum>",
    r#"<w:lvl w:ilvl="1">"#,
    r#"<w:lvl w:ilvl="0">"#,
    r#"<w:lvl w:ilvl="12">"#,
    "</w:lvl>",
    r#"<w:start w:val="4294967295"/>"#,
    r#"<w:start w:val="-1"/>"#,
    r#"<w:numFmt w:val="chineseCounting"/>"#,
    r#"<w:numFmt w:val="lowerRoman"/>"#,
    r#"<w:numFmt w:val="custom" w:format="0000000000000000000001"/>"#,
    r#"<w:numFmt w:val="bullet"/>"#,
    r#"<w:lvlText w:val="%1、%9%0%%"/>"#,
    r#"<w:lvlRestart w:val="7"/>"#,
    r#"<w:isLgl/>"#,
    r#"<w:suff w:val="nothing"/>"#,
    r#"<w:numStyleLink w:val="L"/>"#,
    r#"<w:pStyle w:val="Heading1"/>"#,
    r#"<w:num w:numId="1">"#,
    "</w:num>",
    r#"<w:abstractNumId w:val="0"/>"#,
    r#"<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride>"#,
];

fn random_part(pieces: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(pieces), 0..120).prop_map(|p| p.concat())
}

/// What the reader gives for any bytes: text, or one line saying why not.
fn read_holds_together(bytes: Vec<u8>) -> Result<(), TestCaseError> {
    match baogao::input::from_bytes("upload.docx", bytes) {
        Ok(input) => prop_assert!(input.text.is_empty() || input.text.ends_with('\n')),
        Err(error) => prop_assert!(!error.to_string().contains('\n'), "{error}"),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_document_and_numbering_parts_read_or_fail_in_one_line(
        body in random_part(DOCUMENT_PIECES),
        lists in random_part(NUMBERING_PIECES),
    ) {
        let w = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
        let document = format!("<w:document {w}><w:body>{body}</w:body></w:document>");
        let numbering = format!("<w:numbering {w}>{lists}</w:numbering>");
        let docx = word::package(&[
            ("word/document.xml", &document),
            ("word/numbering.xml", &numbering),
        ]);
        read_holds_together(docx)?;
    }

    #[test]
    fn damaged_bytes_read_or_fail_in_one_line(
        cut in prop::option::of(0usize..4_000),
        flips in prop::collection::vec((0usize..30_000, any::<u8>()), 0..8),
    ) {
        let (mut docx, _) = word::from_report("各位代表：\n一、总体要求\n（一）坚持\n");
        for (at, byte) in flips {
            let at = at % docx.len();
            docx[at] ^= byte;
        }
        if let Some(cut) = cut {
            docx.truncate(cut % docx.len());
        }
        read_holds_together(docx)?;
    }
}
