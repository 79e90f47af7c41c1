//! The files `baogao check` reads: each path given as it is, and for each
//! folder given the text, markdown and Word files below it.

use std::path::Path;

use super::CliError;

/// The endings of the files read from a folder (in any case: `.TXT` is
/// common on files from Windows). A file named on the command line is read
/// whatever its name.
pub const EXTENSIONS: [&str; 4] = ["txt", "md", "markdown", "docx"];

/// Folders of build output and dependencies, never reports.
const SKIPPED: [&str; 2] = ["target", "node_modules"];

/// Every file to check, in the order of `paths`, a folder's files sorted by
/// path so that output is the same on every run and file system; or, in
/// their place, the folders (or entries) that could not be read.
pub fn expand(paths: &[String]) -> Vec<Result<String, CliError>> {
    let mut files = Vec::new();
    for path in paths {
        if path != "-" && Path::new(path).is_dir() {
            walk(Path::new(path), &mut files);
        } else {
            files.push(Ok(path.clone()));
        }
    }
    files
}

/// Depth first, entries by name: the same order as sorting the whole paths
/// component by component. Hidden entries (`.git`, `.drafts`, editor swap
/// files) are skipped, and so are links to folders, which could loop.
fn walk(dir: &Path, files: &mut Vec<Result<String, CliError>>) {
    let mut entries = match std::fs::read_dir(dir).and_then(Iterator::collect::<Result<Vec<_>, _>>)
    {
        Ok(entries) => entries,
        Err(e) => {
            files.push(Err(CliError(format!(
                "{}: cannot read folder: {e}",
                dir.display()
            ))));
            return;
        }
    };
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for entry in entries {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        // `~$报告.docx` is the lock file Word keeps beside a document it
        // has open, not a document.
        if name.starts_with('.') || name.starts_with("~$") {
            continue;
        }
        let path = entry.path();
        let Ok(file_type) = entry.file_type() else {
            files.push(Err(CliError(format!("{}: cannot read", path.display()))));
            continue;
        };
        if file_type.is_dir() {
            if !SKIPPED.contains(&&*name) {
                walk(&path, files);
            }
            continue;
        }
        let is_report = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)));
        // A link is followed to a file only.
        if !is_report || (file_type.is_symlink() && path.is_dir()) {
            continue;
        }
        files.push(match path.to_str() {
            Some(path) => Ok(path.to_string()),
            None => Err(CliError(format!(
                "{}: file name is not UTF-8",
                path.display()
            ))),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_text_files_and_skips_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for folder in ["b", "a/c", ".git", "target", "node_modules/x"] {
            std::fs::create_dir_all(root.join(folder)).unwrap();
        }
        for file in [
            "z.TXT",
            "b/2.md",
            "b/10.markdown",
            "a/c/r.txt",
            "a/scan.pdf",
            "a/.swap.txt",
            ".git/x.txt",
            "target/y.md",
            "node_modules/x/z.md",
            "a.txt",
            "b/草稿.DOCX",
            "b/~$草稿.docx",
        ] {
            std::fs::write(root.join(file), "一、甲\n").unwrap();
        }
        let given = root.to_str().unwrap().to_string();
        let found: Vec<String> = expand(&[given.clone(), "-".to_string()])
            .into_iter()
            .map(|f| f.unwrap())
            .collect();
        let expected: Vec<String> = [
            "a/c/r.txt",
            "a.txt",
            "b/10.markdown",
            "b/2.md",
            "b/草稿.DOCX",
            "z.TXT",
        ]
        .iter()
        .map(|f| root.join(f).to_str().unwrap().to_string())
        .chain(["-".to_string()])
        .collect();
        assert_eq!(found, expected);
    }
}
