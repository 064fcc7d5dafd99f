//! Writing a text in the user's `$EDITOR`: the text goes to a private temporary file, the
//! editor runs on the terminal, and the file's text comes back. Failures come back as a
//! sentence for the status line.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Opens `text` in `editor` (a shell command line, as `$EDITOR` is written) and returns
/// the edited text, or why there is none.
pub fn edit(editor: Option<&str>, text: &str) -> Result<String, String> {
    let editor = editor
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .ok_or_else(|| tr!("kit-editor-not-set"))?;
    let path = temp_path();
    let result = write_private(&path, text)
        .map_err(|e| {
            tr!(
                "kit-editor-cannot-write",
                editor = editor,
                error = e.to_string()
            )
        })
        .and_then(|()| run(editor, &path))
        .and_then(|()| {
            std::fs::read_to_string(&path).map_err(|e| {
                tr!(
                    "kit-editor-cannot-read",
                    editor = editor,
                    error = e.to_string()
                )
            })
        });
    let _ = std::fs::remove_file(&path);
    result.map(|t| t.strip_suffix('\n').unwrap_or(&t).to_string())
}

fn temp_path() -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    std::env::temp_dir().join(format!("parley-message-{}-{nanos}.txt", std::process::id()))
}

/// Creates the file for the user only (never over an existing one) and writes `text`.
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.write_all(text.as_bytes())
}

fn run(editor: &str, path: &Path) -> Result<(), String> {
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(path)
        .status()
        .map_err(|e| {
            tr!(
                "kit-editor-cannot-start",
                editor = editor,
                error = e.to_string()
            )
        })?;
    if status.success() {
        Ok(())
    } else {
        Err(tr!(
            "kit-editor-failed",
            editor = editor,
            status = status.to_string()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_editors_text_comes_back() {
        let edited = edit(Some("printf 'first\\nsecond\\n' >"), "draft");
        assert_eq!(edited.as_deref(), Ok("first\nsecond"));
    }

    #[test]
    fn the_draft_reaches_the_editor() {
        assert_eq!(edit(Some("true"), "draft").as_deref(), Ok("draft"));
    }

    #[test]
    fn no_editor_or_a_failing_one_is_a_sentence() {
        assert!(edit(None, "x").unwrap_err().contains("$EDITOR is not set"));
        assert!(
            edit(Some(" "), "x")
                .unwrap_err()
                .contains("$EDITOR is not set")
        );
        let failed = edit(Some("false"), "x").unwrap_err();
        assert!(failed.contains("false ended with"), "{failed}");
        assert!(failed.contains("unchanged"), "{failed}");
    }
}
