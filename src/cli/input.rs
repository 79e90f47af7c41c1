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
    let (name, bytes) = if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| CliError(format!("<stdin>: cannot read: {e}")))?;
        ("<stdin>".to_string(), bytes)
    } else {
        let p = Path::new(path);
        if p.is_dir() {
            return Err(CliError(format!("{path}: is a directory, not a text file")));
        }
        let bytes = std::fs::read(p).map_err(|e| CliError(format!("{path}: {}", io_reason(&e))))?;
        (path.to_string(), bytes)
    };
    let (text, decoded_from) = decode(&bytes).map_err(|why| CliError(format!("{name}: {why}")))?;
    Ok(Input {
        name,
        text,
        decoded_from,
    })
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
    // Checked with SIMD first: std's check costs about ten instructions per
    // byte of Chinese text, a large share of `baogao outline` on a big file.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok((text.to_owned(), None));
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

    #[test]
    fn keeps_utf8_as_is() {
        let (text, from) = decode("\u{feff}报告".as_bytes()).unwrap();
        assert_eq!(text, "\u{feff}报告");
        assert_eq!(from, None);
    }
}
