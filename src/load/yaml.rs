//! The only module that knows serde_yaml: parses front matter and hands out its values one
//! key at a time, each with the line and column where it stands, collecting every problem.

use std::path::{Path, PathBuf};

use serde_yaml::Value;

use super::raw::Spanned;
use crate::diagnostics::{did_you_mean, Diagnostic};

/// The top-level keys of one front matter, read out one by one.
pub struct Fields<'a> {
    path: PathBuf,
    /// The whole file, for showing lines in messages.
    text: &'a str,
    /// The front matter's lines, and the file line of the first one.
    yaml_lines: Vec<&'a str>,
    yaml_line: usize,
    entries: Vec<(String, Value)>,
    pub problems: Vec<Diagnostic>,
}

impl<'a> Fields<'a> {
    /// Parses `yaml` (which starts at line `yaml_line` of `text`).
    pub fn parse(
        path: &Path,
        text: &'a str,
        yaml: &'a str,
        yaml_line: usize,
    ) -> Result<Self, Diagnostic> {
        let value: Value = if yaml.trim().is_empty() {
            Value::Mapping(Default::default())
        } else {
            serde_yaml::from_str(yaml).map_err(|err| {
                let (line, column) = err
                    .location()
                    .map_or((yaml_line, 1), |l| (yaml_line + l.line() - 1, l.column()));
                let message = err.to_string();
                let message = message.split(" at line ").next().unwrap_or(&message);
                Diagnostic::error(path, format!("the front matter is not valid YAML: {message}"))
                    .at(text, line, column)
                    .with_hint("quote values that contain `: `, `#`, or start with a quote or bracket, e.g. title: \"Crisis: day two\"")
            })?
        };
        let Value::Mapping(mapping) = value else {
            return Err(Diagnostic::error(
                path,
                "the front matter must be a list of `key: value` lines",
            )
            .at(text, yaml_line, 1)
            .with_hint("write one key per line, such as title: \"…\""));
        };
        let mut entries = Vec::with_capacity(mapping.len());
        let mut problems = Vec::new();
        let yaml_lines: Vec<&str> = yaml.lines().collect();
        for (key, value) in mapping {
            match key {
                Value::String(key) => entries.push((key, value)),
                other => problems.push(
                    Diagnostic::error(
                        path,
                        format!("a key must be a word, not `{}`", plain(&other)),
                    )
                    .at(text, yaml_line, 1),
                ),
            }
        }
        Ok(Fields {
            path: path.to_path_buf(),
            text,
            yaml_lines,
            yaml_line,
            entries,
            problems,
        })
    }

    /// Reports every key not in `allowed`, with a "did you mean" hint.
    pub fn check_keys(&mut self, allowed: &[&str]) {
        let unknown: Vec<String> = self
            .entries
            .iter()
            .map(|(k, _)| k.clone())
            .filter(|k| !allowed.contains(&k.as_str()))
            .collect();
        for key in unknown {
            let hint = match did_you_mean(&key, allowed.iter().copied()) {
                Some(close) => format!("did you mean `{close}`?"),
                None => format!("the keys here are: {}", allowed.join(", ")),
            };
            let diagnostic = self
                .error_at_key(&key, format!("unknown key `{key}`"))
                .with_hint(hint);
            self.problems.push(diagnostic);
        }
    }

    fn value(&self, key: &str) -> Option<&Value> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// A text value. Numbers and booleans are taken as their text (YAML reads `2014` as a number).
    pub fn string(&mut self, key: &str, required: bool) -> Option<Spanned<String>> {
        let Some(value) = self.value(key).cloned() else {
            if required {
                let d = Diagnostic::error(&self.path, format!("missing required key `{key}`"))
                    .at(self.text, self.yaml_line.saturating_sub(1).max(1), 1)
                    .with_hint(format!("add a line `{key}: …` to the front matter"));
                self.problems.push(d);
            }
            return None;
        };
        match scalar(&value) {
            Some(text) => Some(self.spanned_at_key(key, text)),
            None if value.is_null() && !required => None,
            None => {
                let d = self
                    .error_at_key(
                        key,
                        format!("`{key}` must be a single value, not {}", describe(&value)),
                    )
                    .with_hint(format!("write it on one line: {key}: \"…\""));
                self.problems.push(d);
                None
            }
        }
    }

    /// A list of text values; a single value is taken as a list of one.
    pub fn strings(&mut self, key: &str) -> Vec<Spanned<String>> {
        let Some(value) = self.value(key).cloned() else {
            return Vec::new();
        };
        let items = match value {
            Value::Sequence(items) => items,
            Value::Null => return Vec::new(),
            single => vec![single],
        };
        let mut out = Vec::with_capacity(items.len());
        let mut from_line = self.key_position(key).0;
        for item in items {
            match scalar(&item) {
                Some(text) => {
                    let spanned = self.spanned_in_key(key, text, from_line);
                    from_line = spanned.line;
                    out.push(spanned);
                }
                None => {
                    let d = self
                        .error_at_key(
                            key,
                            format!("`{key}` must be a list of words, not {}", describe(&item)),
                        )
                        .with_hint(format!("write it as {key}: [first, second]"));
                    self.problems.push(d);
                }
            }
        }
        out
    }

    /// A map of `name: text` lines (such as an article's `notes:`), each name with the line
    /// and column where it is written.
    pub fn map(&mut self, key: &str) -> Vec<(Spanned<String>, String)> {
        let Some(value) = self.value(key).cloned() else {
            return Vec::new();
        };
        let mapping = match value {
            Value::Mapping(mapping) => mapping,
            Value::Null => return Vec::new(),
            other => {
                let d = self
                    .error_at_key(
                        key,
                        format!(
                            "`{key}` must be `name: text` lines, not {}",
                            describe(&other)
                        ),
                    )
                    .with_hint(format!("write it as {key}: {{p3: \"…\", p5: \"…\"}}"));
                self.problems.push(d);
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        let mut from = self.key_position(key).0;
        for (k, v) in mapping {
            let (Some(k), Some(v)) = (scalar(&k), scalar(&v)) else {
                let d = self
                    .error_at_key(key, format!("each entry of `{key}` must be `name: text`"))
                    .with_hint(format!("write it as {key}: {{p3: \"…\"}}"));
                self.problems.push(d);
                continue;
            };
            // `p3:` on its own line or inside `{p3: "…", …}`.
            let (line, column) = self.find_from(&format!("{k}:"), from);
            from = line;
            out.push((
                Spanned {
                    value: k,
                    line,
                    column,
                },
                v,
            ));
        }
        out
    }

    pub fn bool(&mut self, key: &str) -> Option<bool> {
        match self.value(key)? {
            Value::Bool(b) => Some(*b),
            other => {
                let message = format!("`{key}` must be true or false, not {}", describe(other));
                let d = self
                    .error_at_key(key, message)
                    .with_hint(format!("write {key}: true or {key}: false"));
                self.problems.push(d);
                None
            }
        }
    }

    pub fn integer(&mut self, key: &str) -> Option<i64> {
        match self.value(key)? {
            Value::Number(n) if n.is_i64() => n.as_i64(),
            other => {
                let message = format!("`{key}` must be a whole number, not {}", describe(other));
                let d = self.error_at_key(key, message);
                self.problems.push(d);
                None
            }
        }
    }

    /// A list of maps (such as `quotes:` or `claims:`), each read by `item` with its own
    /// [`Fields`]-like view.
    pub fn records(&mut self, key: &str) -> Vec<Record> {
        let Some(value) = self.value(key).cloned() else {
            return Vec::new();
        };
        let items = match value {
            Value::Sequence(items) => items,
            Value::Null => return Vec::new(),
            other => {
                let d = self
                    .error_at_key(
                        key,
                        format!("`{key}` must be a list, not {}", describe(&other)),
                    )
                    .with_hint(format!(
                        "write each entry on its own line starting with `- ` under {key}:"
                    ));
                self.problems.push(d);
                return Vec::new();
            }
        };
        let (mut line, _) = self.key_position(key);
        let mut records = Vec::new();
        for item in items {
            // Each record starts at the next `- ` line after the previous one.
            line = self.next_item_line(key, line);
            match item {
                Value::Mapping(mapping) => {
                    let mut entries = Vec::new();
                    for (k, v) in mapping {
                        if let Value::String(k) = k {
                            entries.push((k, v));
                        }
                    }
                    records.push(Record { line, entries });
                }
                other => {
                    let d = Diagnostic::error(
                        &self.path,
                        format!(
                            "each entry of `{key}` must be a set of `key: value` lines, not {}",
                            describe(&other)
                        ),
                    )
                    .at(self.text, line, 1);
                    self.problems.push(d);
                }
            }
        }
        records
    }

    /// Checks a record's keys, like [`Fields::check_keys`].
    pub fn check_record_keys(&mut self, parent: &str, record: &Record, allowed: &[&str]) {
        for (key, _) in &record.entries {
            if allowed.contains(&key.as_str()) {
                continue;
            }
            let hint = match did_you_mean(key, allowed.iter().copied()) {
                Some(close) => format!("did you mean `{close}`?"),
                None => format!(
                    "an entry of `{parent}` has the keys: {}",
                    allowed.join(", ")
                ),
            };
            let spanned = self.find_key_from(key, record.line);
            let d = Diagnostic::error(&self.path, format!("unknown key `{key}` in `{parent}`"))
                .at(self.text, spanned.0, spanned.1)
                .with_hint(hint);
            self.problems.push(d);
        }
    }

    /// A text value of a record.
    pub fn record_string(
        &mut self,
        parent: &str,
        record: &Record,
        key: &str,
        required: bool,
    ) -> Option<Spanned<String>> {
        match record
            .entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
        {
            Some(value) => match scalar(value) {
                Some(text) => {
                    let (line, column) = self.find_from(&text, record.line);
                    Some(Spanned {
                        value: text,
                        line,
                        column,
                    })
                }
                None => {
                    let d = Diagnostic::error(
                        &self.path,
                        format!(
                            "`{key}` in `{parent}` must be a single value, not {}",
                            describe(value)
                        ),
                    )
                    .at(self.text, record.line, 1);
                    self.problems.push(d);
                    None
                }
            },
            None => {
                if required {
                    let d = Diagnostic::error(
                        &self.path,
                        format!("an entry of `{parent}` is missing `{key}`"),
                    )
                    .at(self.text, record.line, 1)
                    .with_hint(format!("add `{key}: …` to this entry"));
                    self.problems.push(d);
                }
                None
            }
        }
    }

    /// The `key: value` pairs of a map inside a record (such as a claim's `reports`).
    pub fn record_map(
        &mut self,
        parent: &str,
        record: &Record,
        key: &str,
    ) -> Vec<(Spanned<String>, String)> {
        let Some(value) = record
            .entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
        else {
            return Vec::new();
        };
        let Value::Mapping(mapping) = value else {
            let d = Diagnostic::error(
                &self.path,
                format!("`{key}` in `{parent}` must be `name: value` lines"),
            )
            .at(self.text, record.line, 1);
            self.problems.push(d);
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut from = record.line;
        for (k, v) in mapping {
            let (Some(k), Some(v)) = (scalar(&k), scalar(&v)) else {
                let d = Diagnostic::error(
                    &self.path,
                    format!("each line of `{key}` in `{parent}` must be `name: value`"),
                )
                .at(self.text, record.line, 1);
                self.problems.push(d);
                continue;
            };
            let (line, column) = self.find_key_from(&k, from);
            from = line;
            out.push((
                Spanned {
                    value: k,
                    line,
                    column,
                },
                v,
            ));
        }
        out
    }

    fn error_at_key(&self, key: &str, message: String) -> Diagnostic {
        let (line, column) = self.key_position(key);
        Diagnostic::error(&self.path, message).at(self.text, line, column)
    }

    fn spanned_at_key(&self, key: &str, value: String) -> Spanned<String> {
        let (line, _) = self.key_position(key);
        let column = self
            .file_line(line)
            .and_then(|l| {
                l.find(':').map(|colon| {
                    l[..colon + 1].chars().count() + 1 + l[colon + 1..].len()
                        - l[colon + 1..].trim_start().len()
                })
            })
            .unwrap_or(1);
        Spanned {
            value,
            line,
            column,
        }
    }

    /// Where `value` stands among the lines of `key`, searching from file line `from`.
    fn spanned_in_key(&self, key: &str, value: String, from: usize) -> Spanned<String> {
        let (line, column) = self.find_from(&value, from);
        if line == 0 {
            let (line, column) = self.key_position(key);
            return Spanned {
                value,
                line,
                column,
            };
        }
        Spanned {
            value,
            line,
            column,
        }
    }

    /// 1-based file line and column of the first `needle` at or after file line `from`.
    fn find_from(&self, needle: &str, from: usize) -> (usize, usize) {
        let start = from.saturating_sub(self.yaml_line);
        for (i, line) in self.yaml_lines.iter().enumerate().skip(start) {
            if let Some(byte) = line.find(needle) {
                return (self.yaml_line + i, line[..byte].chars().count() + 1);
            }
        }
        (from, 1)
    }

    /// 1-based file line and column of a `key:` line at or after file line `from`.
    fn find_key_from(&self, key: &str, from: usize) -> (usize, usize) {
        let start = from.saturating_sub(self.yaml_line);
        for (i, line) in self.yaml_lines.iter().enumerate().skip(start) {
            let content = line.trim_start().trim_start_matches("- ").trim_start();
            let unquoted = content.trim_start_matches(['"', '\'']);
            if let Some(after) = unquoted.strip_prefix(key) {
                if after
                    .trim_start_matches(['"', '\''])
                    .trim_start()
                    .starts_with(':')
                {
                    let indent = line.len() - content.len();
                    return (self.yaml_line + i, line[..indent].chars().count() + 1);
                }
            }
        }
        (from, 1)
    }

    fn next_item_line(&self, key: &str, after: usize) -> usize {
        let start = after.saturating_sub(self.yaml_line) + 1;
        let start = if after == self.key_position(key).0 {
            start - 1
        } else {
            start
        };
        for (i, line) in self.yaml_lines.iter().enumerate().skip(start) {
            if line.trim_start().starts_with("- ") || line.trim() == "-" {
                return self.yaml_line + i;
            }
        }
        after
    }

    /// 1-based file line and column of top-level `key` (the front matter's first line when
    /// it cannot be found).
    fn key_position(&self, key: &str) -> (usize, usize) {
        for (i, line) in self.yaml_lines.iter().enumerate() {
            let unquoted = line.trim_start_matches(['"', '\'']);
            if unquoted.starts_with(key)
                && unquoted[key.len()..]
                    .trim_start_matches(['"', '\''])
                    .trim_start()
                    .starts_with(':')
            {
                return (self.yaml_line + i, 1);
            }
        }
        (self.yaml_line, 1)
    }

    fn file_line(&self, line: usize) -> Option<&str> {
        self.yaml_lines
            .get(line.checked_sub(self.yaml_line)?)
            .copied()
    }
}

/// One entry of a list of maps, with the file line where it starts.
pub struct Record {
    pub line: usize,
    entries: Vec<(String, Value)>,
}

fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn describe(value: &Value) -> String {
    match value {
        Value::Null => "an empty value".into(),
        Value::Bool(_) => "true/false".into(),
        Value::Number(_) => "a number".into(),
        Value::String(_) => "a text".into(),
        Value::Sequence(_) => "a list".into(),
        Value::Mapping(_) => "a set of `key: value` lines".into(),
        Value::Tagged(_) => "a tagged value".into(),
    }
}

fn plain(value: &Value) -> String {
    scalar(value).unwrap_or_else(|| describe(value))
}
