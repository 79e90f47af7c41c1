//! The text of an uploaded file.

/// A file read for analysis: its name and its text.
pub(crate) struct Input {
    pub(crate) name: String,
    pub(crate) text: String,
}

/// Why an uploaded file has no text to analyse, in one line.
#[derive(Debug)]
pub(crate) struct InputError(String);

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The text of the file `name` with these bytes: a `.txt` or `.md` in
/// UTF-8 or GB18030, as `baogao check` reads files.
pub(crate) fn from_bytes(name: &str, bytes: Vec<u8>) -> Result<Input, InputError> {
    let lower = name.to_lowercase();
    if !lower.ends_with(".txt") && !lower.ends_with(".md") && !lower.ends_with(".markdown") {
        return Err(InputError(format!(
            "{name}: only .txt and .md files can be read"
        )));
    }
    let (text, _) =
        crate::cli::input::decode(&bytes).map_err(|why| InputError(format!("{name}: {why}")))?;
    Ok(Input {
        name: name.to_owned(),
        text,
    })
}
