//! One type for every problem a user can fix: where it is (`path:line:col`), what is wrong,
//! and what to do about it. Every stage returns its diagnostics instead of stopping, so one
//! run reports all problems at once.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something the analyst may want to look at (an uncertain quote): never fails a build.
    Note,
    Warning,
    Error,
}

/// A problem in the user's files, with its position and a hint.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file, relative to the dossier root where possible.
    pub path: PathBuf,
    /// 1-based line; 0 when the problem concerns the file as a whole.
    pub line: usize,
    /// 1-based column (in characters); 0 when unknown.
    pub column: usize,
    pub message: String,
    /// The offending line of the source, when known.
    pub source_line: Option<String>,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            line: 0,
            column: 0,
            message: message.into(),
            source_line: None,
            hint: None,
        }
    }

    pub fn warning(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, message)
        }
    }

    pub fn note(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Note,
            ..Diagnostic::error(path, message)
        }
    }

    /// Places the diagnostic at `line`/`column` of `text` (the whole file), and keeps that
    /// line to show under the message.
    pub fn at(mut self, text: &str, line: usize, column: usize) -> Self {
        self.line = line;
        self.column = column;
        self.source_line = if line > 0 {
            text.lines().nth(line - 1).map(str::to_owned)
        } else {
            None
        };
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:col`, leaving out what is unknown.
    pub fn location(&self) -> String {
        let path = display_path(&self.path);
        match (self.line, self.column) {
            (0, _) => path,
            (line, 0) => format!("{path}:{line}"),
            (line, column) => format!("{path}:{line}:{column}"),
        }
    }
}

fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

impl fmt::Display for Diagnostic {
    /// ```text
    /// content/articles/a.md:3:1: error: unknown key `publshed`
    ///   |
    /// 3 | publshed: 2014-03-14
    ///   | ^
    ///   = hint: did you mean `published`?
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        write!(f, "{}: {level}: {}", self.location(), self.message)?;
        let gutter = self.line.to_string().len();
        if let Some(source) = &self.source_line {
            let pad = " ".repeat(gutter);
            write!(f, "\n{pad} |\n{} | {source}", self.line)?;
            if self.column > 0 {
                let indent: String = source
                    .chars()
                    .take(self.column - 1)
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                write!(f, "\n{pad} | {indent}^")?;
            }
        }
        if let Some(hint) = &self.hint {
            let pad = " ".repeat(if self.source_line.is_some() {
                gutter
            } else {
                0
            });
            write!(f, "\n{pad} = hint: {hint}")?;
        }
        Ok(())
    }
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Whether any of `diagnostics` is an error (warnings alone do not fail a build).
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(Diagnostic::is_error)
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_location_source_caret_and_hint() {
        let text = "---\ntitle: x\npublshed: 2014\n---\n";
        let d = Diagnostic::error("content/articles/a.md", "unknown key `publshed`")
            .at(text, 3, 1)
            .with_hint("did you mean `published`?");
        assert_eq!(
            d.to_string(),
            "content/articles/a.md:3:1: error: unknown key `publshed`\n  |\n3 | publshed: 2014\n  | ^\n  = hint: did you mean `published`?"
        );
    }

    #[test]
    fn file_level_diagnostic_has_path_only() {
        let d = Diagnostic::error("content/articles/a.md", "not UTF-8");
        assert_eq!(d.to_string(), "content/articles/a.md: error: not UTF-8");
    }

    #[test]
    fn suggests_close_keys_only() {
        let keys = ["published", "publisher", "title"];
        assert_eq!(did_you_mean("publshed", keys), Some("published"));
        assert_eq!(did_you_mean("zzz", keys), None);
    }
}
