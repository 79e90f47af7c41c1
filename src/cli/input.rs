//! Reading a document from a path or stdin, decoding legacy Chinese encodings.

use std::io::Read;
use std::path::Path;

use super::CliError;

/// A document read for analysis: its display name and its text as UTF-8.
pub struct Input {
    pub name: String,
    pub text: String,
    /// Set when the bytes were not UTF-8 and were decoded as GB18030.
    pub decoded_from: Option<&'static str>,
}

/// Reads `path`, or standard input for `-`.
pub fn read(path: &str) -> Result<Input, CliError> {
    let (name, read) = if path == "-" {
        ("<stdin>".to_string(), read_text(std::io::stdin().lock(), 0))
    } else {
        let p = Path::new(path);
        if p.is_dir() {
            return Err(CliError(format!("{path}: is a directory, not a text file")));
        }
        let file =
            std::fs::File::open(p).map_err(|e| CliError(format!("{path}: {}", io_reason(&e))))?;
        let size = file.metadata().map_or(0, |m| m.len());
        (path.to_string(), read_text(file, size))
    };
    let read = read.map_err(|e| CliError(format!("{name}: {}", io_reason(&e))))?;
    let (text, decoded_from) = match read {
        Ok(text) => (text, None),
        Err(bytes) => decode(&bytes).map_err(|why| CliError(format!("{name}: {why}")))?,
    };
    Ok(Input {
        name,
        text,
        decoded_from,
    })
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
        carried = match simdutf8::compat::from_utf8(piece) {
            Ok(valid) => {
                text.push_str(valid);
                0
            }
            // A character cut by the end of the piece (never by the end of
            // the input) continues in the next one.
            Err(cut) if cut.error_len().is_none() && n > 0 => {
                let valid = cut.valid_up_to();
                match piece.get(..valid).map(simdutf8::basic::from_utf8) {
                    Some(Ok(valid)) => text.push_str(valid),
                    _ => return all_bytes(text, piece, reader).map(Err),
                }
                buf.copy_within(valid..filled, 0);
                filled - valid
            }
            Err(_) => return all_bytes(text, piece, reader).map(Err),
        };
        if n == 0 {
            return Ok(Ok(text));
        }
    }
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
pub fn decode(bytes: &[u8]) -> Result<(String, Option<&'static str>), String> {
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
    fn keeps_utf8_as_is() {
        let (text, from) = decode("\u{feff}报告".as_bytes()).unwrap();
        assert_eq!(text, "\u{feff}报告");
        assert_eq!(from, None);
    }
}
