//! Reading a document for analysis, from a path, stdin or uploaded bytes:
//! plain text (UTF-8, or GB18030 decoded), or a Word `.docx` whose
//! paragraphs become the lines of the text. The content decides how a file
//! is read: a `.txt` that is really a `.docx` is read as one. The name only
//! refuses: a file named `.docx` that holds no Word document is not what
//! its sender meant to give, and is not read as text.

mod docx;
mod ole;

use std::fmt;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

/// A document read for analysis: its display name and its text as UTF-8
/// (for a `.docx`, a line per paragraph).
#[derive(Debug)]
pub struct Input {
    pub name: String,
    pub text: String,
    /// Set when the bytes were not UTF-8 and were decoded as GB18030.
    pub decoded_from: Option<&'static str>,
}

/// Why a document could not be read: one line, naming the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The document's display name (`<stdin>` for standard input).
    pub name: String,
    /// What is wrong, and where it can be, what to do about it.
    pub reason: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.name, self.reason)
    }
}

impl std::error::Error for InputError {}

/// What the first bytes say a file is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Sniffed {
    /// A zip archive, which a `.docx` is.
    Zip,
    /// An OLE2 compound file: a `.doc`, a `.wps`, or an encrypted `.docx`.
    Ole2,
    Other,
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const OLE2_MAGIC: &[u8] = &[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

fn sniff(head: &[u8]) -> Sniffed {
    if head.starts_with(ZIP_MAGIC) {
        Sniffed::Zip
    } else if head.starts_with(OLE2_MAGIC) {
        Sniffed::Ole2
    } else {
        Sniffed::Other
    }
}

/// Reads `path`, or standard input for `-`.
pub fn read(path: &str) -> Result<Input, InputError> {
    if path == "-" {
        return read_stdin();
    }
    let fail = |reason: String| InputError {
        name: path.to_string(),
        reason,
    };
    let p = Path::new(path);
    if p.is_dir() {
        return Err(fail("is a directory, not a text file".to_string()));
    }
    let mut file = std::fs::File::open(p).map_err(|e| fail(io_reason(&e)))?;
    let size = file.metadata().map_or(0, |m| m.len());
    let head = read_head(&mut file).map_err(|e| fail(io_reason(&e)))?;
    file.seek(SeekFrom::Start(0))
        .map_err(|e| fail(io_reason(&e)))?;
    match sniff(&head) {
        Sniffed::Zip => docx::read(std::io::BufReader::new(file))
            .map(|text| docx_input(path, text))
            .map_err(fail),
        Sniffed::Ole2 => Err(fail(ole::refuse(std::io::BufReader::new(file)))),
        Sniffed::Other => {
            let read = read_text(file, size).map_err(|e| fail(io_reason(&e)))?;
            text_input(path, head.is_empty(), read)
        }
    }
}

/// Reads a document handed over as bytes (an upload), by the same rules as
/// [`read`]; `name` is only shown, and tells nothing of the content.
pub fn from_bytes(name: &str, bytes: Vec<u8>) -> Result<Input, InputError> {
    let fail = |reason: String| InputError {
        name: name.to_string(),
        reason,
    };
    match sniff(&bytes) {
        Sniffed::Zip => docx::read(std::io::Cursor::new(bytes))
            .map(|text| docx_input(name, text))
            .map_err(fail),
        Sniffed::Ole2 => Err(fail(ole::refuse(&bytes[..]))),
        Sniffed::Other => {
            let empty = bytes.is_empty();
            let read = match String::from_utf8(bytes) {
                Ok(text) if memchr::memchr(0, text.as_bytes()).is_none() => Ok(text),
                Ok(text) => Err(text.into_bytes()),
                Err(e) => Err(e.into_bytes()),
            };
            text_input(name, empty, read)
        }
    }
}

/// Standard input cannot seek: its first bytes are read to tell what it
/// is, then put back in front of the rest.
fn read_stdin() -> Result<Input, InputError> {
    let name = "<stdin>";
    let fail = |e: std::io::Error| InputError {
        name: name.to_string(),
        reason: io_reason(&e),
    };
    let mut stdin = std::io::stdin().lock();
    let head = read_head(&mut stdin).map_err(fail)?;
    if sniff(&head) == Sniffed::Other {
        let read = read_text(std::io::Cursor::new(head.clone()).chain(stdin), 0).map_err(fail)?;
        return text_input(name, head.is_empty(), read);
    }
    let mut bytes = head;
    stdin.read_to_end(&mut bytes).map_err(fail)?;
    from_bytes(name, bytes)
}

/// Enough bytes to tell a zip from an OLE2 file.
const HEAD: usize = 8;

fn read_head(reader: &mut impl Read) -> std::io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(HEAD);
    reader.take(HEAD as u64).read_to_end(&mut head)?;
    Ok(head)
}

fn docx_input(name: &str, text: String) -> Input {
    Input {
        name: name.to_string(),
        text,
        decoded_from: None,
    }
}

/// The text of a document that is neither a zip nor an OLE2 file, decoded
/// when it is not UTF-8. A name ending in `.docx` promised a Word
/// document: what is not one is refused rather than read as text.
fn text_input(name: &str, empty: bool, read: Result<String, Vec<u8>>) -> Result<Input, InputError> {
    let fail = |reason: String| InputError {
        name: name.to_string(),
        reason,
    };
    if has_extension(name, "docx") {
        return Err(fail(if empty {
            "empty file, not a Word document".to_string()
        } else {
            "named .docx but not a Word document (no zip archive inside); \
             if it is text, name it .txt"
                .to_string()
        }));
    }
    let (text, decoded_from) = match read {
        Ok(text) => (text, None),
        Err(bytes) => decode(&bytes).map_err(fail)?,
    };
    Ok(Input {
        name: name.to_string(),
        text,
        decoded_from,
    })
}

fn has_extension(name: &str, extension: &str) -> bool {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(extension))
}

/// Reads UTF-8 text straight into its `String`, validating it piece by piece
/// as it arrives: a large file is then neither held twice (bytes, then a
/// copy as text) nor checked by std's validation, several times slower on
/// Chinese text. Returns all the bytes instead when they are not UTF-8 or
/// hold a NUL, for [`decode`] to decode or refuse.
fn read_text(mut reader: impl Read, size: u64) -> std::io::Result<Result<String, Vec<u8>>> {
    const PIECE: usize = 1 << 16;
    let mut text = String::with_capacity(usize::try_from(size).unwrap_or(0));
    let mut buf = vec![0; PIECE];
    // Bytes of a character cut by the end of the last piece.
    let mut carried = 0;
    loop {
        let n = match reader.read(buf.get_mut(carried..).unwrap_or_default()) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let filled = carried + n;
        let piece = buf.get(..filled).unwrap_or_default();
        if memchr::memchr(0, piece).is_some() {
            return all_bytes(text, piece, reader).map(Err);
        }
        // A character cut by the end of the piece (never by the end of the
        // input) continues in the next one: validated once, with it.
        let whole = if n > 0 {
            filled - cut_char(piece)
        } else {
            filled
        };
        match piece.get(..whole).map(simdutf8::basic::from_utf8) {
            Some(Ok(valid)) => text.push_str(valid),
            _ => return all_bytes(text, piece, reader).map(Err),
        }
        buf.copy_within(whole..filled, 0);
        carried = filled - whole;
        if n == 0 {
            return Ok(Ok(text));
        }
    }
}

/// How many bytes at the end of `bytes` begin a character they do not
/// finish: none when the last character is whole, or the bytes are no UTF-8
/// (their validation then fails).
fn cut_char(bytes: &[u8]) -> usize {
    let tail = bytes.len().saturating_sub(3);
    bytes
        .get(tail..)
        .unwrap_or_default()
        .iter()
        .rev()
        .zip(1..)
        .find(|&(&b, _)| b & 0xC0 != 0x80)
        .map_or(0, |(&lead, back)| {
            let width = match lead {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xFF => 4,
                _ => 1,
            };
            if width > back {
                back
            } else {
                0
            }
        })
}

/// What was read so far, the current piece and the rest of the input.
fn all_bytes(text: String, piece: &[u8], mut rest: impl Read) -> std::io::Result<Vec<u8>> {
    let mut bytes = text.into_bytes();
    bytes.extend_from_slice(piece);
    rest.read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => format!("cannot read: {e}"),
    }
}

/// Decodes bytes as UTF-8, or else as GB18030 (a superset of GBK and GB2312,
/// the encodings these reports are often saved in). Binary data and text that
/// is neither is refused rather than shown as mojibake.
fn decode(bytes: &[u8]) -> Result<(String, Option<&'static str>), String> {
    // The memchr crate's search is vectorised; `<[u8]>::contains` is not.
    if memchr::memchr(0, bytes).is_some() {
        return Err("looks like a binary file (contains NUL bytes), not text".to_string());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_string(), None)),
        Err(utf8_error) => {
            let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            if had_errors || !looks_like_chinese(&text) {
                let at = utf8_error.valid_up_to();
                Err(format!(
                    "not valid UTF-8 (first bad byte at offset {at}) and not GB18030/GBK text"
                ))
            } else {
                Ok((text.into_owned(), Some("GB18030")))
            }
        }
    }
}

/// GB18030 decodes almost any byte soup without error; accept the result only
/// when most non-ASCII characters are common CJK ideographs or punctuation.
fn looks_like_chinese(text: &str) -> bool {
    let mut non_ascii = 0usize;
    let mut cjk = 0usize;
    for ch in text.chars().filter(|c| !c.is_ascii()) {
        non_ascii += 1;
        if ('\u{4e00}'..='\u{9fff}').contains(&ch)
            || ('\u{3000}'..='\u{303f}').contains(&ch)
            || ('\u{ff00}'..='\u{ffef}').contains(&ch)
            || ('\u{2010}'..='\u{2027}').contains(&ch)
        {
            cjk += 1;
        }
    }
    non_ascii == 0 || cjk * 10 >= non_ascii * 9
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_gb18030_report_text() {
        let (bytes, _, _) = encoding_rs::GB18030.encode("各位代表:\n一、过去一年的主要工作\n");
        let (text, from) = decode(&bytes).unwrap();
        assert_eq!(text, "各位代表:\n一、过去一年的主要工作\n");
        assert_eq!(from, Some("GB18030"));
    }

    #[test]
    fn refuses_binary_and_garbage() {
        assert!(decode(b"\x89PNG\r\n\x1a\n\0\0").is_err());
        assert!(decode(&[0xff, 0xfe, 0xfd, 0x80, 0x81, 0x82, 0x83]).is_err());
    }

    /// Hands out a few bytes at a time, so characters are cut between reads.
    struct Trickle<'a>(&'a [u8], usize);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            self.1 = self.1 % 7 + 1;
            let n = self.1.min(buf.len()).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn reads_utf8_cut_anywhere_between_reads() {
        let text = "\u{feff}各位代表:\r\n一、𠮷野家😀 abc\n".repeat(50);
        let read = read_text(Trickle(text.as_bytes(), 0), 0).unwrap();
        assert_eq!(read, Ok(text.clone()));
        let whole = read_text(text.as_bytes(), text.len() as u64).unwrap();
        assert_eq!(whole, Ok(text));
        assert_eq!(read_text(&b""[..], 0).unwrap(), Ok(String::new()));
    }

    #[test]
    fn hands_back_every_byte_of_what_is_not_utf8() {
        let report = "一、过去一年的主要工作\n".repeat(40);
        let (gbk, _, _) = encoding_rs::GB18030.encode(&report);
        for bytes in [&gbk[..], "报告\0二".as_bytes(), &"报告".as_bytes()[..5]] {
            let read = read_text(Trickle(bytes, 0), 0).unwrap();
            assert_eq!(read, Err(bytes.to_vec()));
        }
    }

    #[test]
    fn from_bytes_reads_text_by_its_content() {
        let (gbk, _, _) = encoding_rs::GB18030.encode("各位代表:\n一、过去一年的主要工作\n");
        let read = from_bytes("报告.txt", gbk.into_owned()).unwrap();
        assert_eq!(read.text, "各位代表:\n一、过去一年的主要工作\n");
        assert_eq!(read.decoded_from, Some("GB18030"));
        let read = from_bytes("报告", "一、工作\n".as_bytes().to_vec()).unwrap();
        assert_eq!(
            (read.text.as_str(), read.decoded_from),
            ("一、工作\n", None)
        );
        assert!(from_bytes("报告.txt", Vec::new()).unwrap().text.is_empty());
        let binary = from_bytes("scan.txt", b"\x89PNG\r\n\x1a\n\0\0".to_vec()).unwrap_err();
        assert_eq!(binary.name, "scan.txt");
        assert!(binary.reason.contains("binary"), "{binary}");
        let ole = [OLE2_MAGIC, &[0; 504]].concat();
        let doc = from_bytes("旧稿.doc", ole).unwrap_err();
        assert_eq!(
            doc.to_string(),
            "旧稿.doc: a Word 97–2003 / WPS binary: save it as .docx"
        );
    }

    #[test]
    fn keeps_utf8_as_is() {
        let (text, from) = decode("\u{feff}报告".as_bytes()).unwrap();
        assert_eq!(text, "\u{feff}报告");
        assert_eq!(from, None);
    }
}
