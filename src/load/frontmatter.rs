//! Splitting a content file into its YAML front matter and its Markdown body.

/// The two halves of a content file, with where each starts (1-based lines).
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    pub yaml: &'a str,
    /// Line of the file on which the YAML's first line stands.
    pub yaml_line: usize,
    pub body: &'a str,
    /// Line of the file on which the body's first line stands.
    pub body_line: usize,
}

/// Splits `text` at its `---` fences. `Err` says what is wrong with the fences, at which line.
pub fn split(text: &str) -> Result<Split<'_>, (usize, &'static str)> {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| (text.trim_end() == "---").then_some(""))
    else {
        return Err((
            1,
            "the file does not start with front matter (a line `---`)",
        ));
    };
    let mut offset = 4;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        if line.trim_end() == "---" {
            let yaml = &text[4.min(text.len())..offset];
            let body_start = (offset + line.len()).min(text.len());
            return Ok(Split {
                yaml,
                yaml_line: 2,
                body: &text[body_start..],
                body_line: i + 3,
            });
        }
        offset += line.len();
    }
    Err((1, "the front matter is not closed (no second `---` line)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_yaml_and_body() {
        let s = split("---\ntitle: A\n---\nBody\n").unwrap();
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn empty_front_matter_and_no_body() {
        let s = split("---\n---\n").unwrap();
        assert_eq!(s.yaml, "");
        assert_eq!(s.body, "");
    }

    #[test]
    fn reports_missing_fences() {
        assert_eq!(split("title: A\n").unwrap_err().0, 1);
        assert!(split("---\ntitle: A\n")
            .unwrap_err()
            .1
            .contains("not closed"));
    }

    #[test]
    fn a_dash_line_inside_the_body_is_kept() {
        let s = split("---\na: 1\n---\ntext\n---\nmore\n").unwrap();
        assert_eq!(s.body, "text\n---\nmore\n");
    }
}
