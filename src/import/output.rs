//! A draft written out: the content file's text (front matter that marks every field as
//! detected or `TODO`, the lines removed, then the body as Markdown), its file name, and what
//! the command prints of it.

use std::fmt::Write as _;
use std::path::Path;

use super::{Block, Draft, Guess};
use crate::load::slugify;

/// "reuters (line 3), ap (line 9)": the sources a text cites, with their lines.
fn cited_list(cited: &[(String, usize)]) -> String {
    cited
        .iter()
        .map(|(slug, line)| format!("{slug} (line {line})"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The draft's file name: the headline as a slug of at most 60 characters, or the input's
/// name when the headline has no letters a slug can keep.
pub fn file_slug(title: Option<&str>, input: &Path) -> String {
    let mut slug = title.map(slugify).unwrap_or_default();
    if slug.is_empty() {
        slug = input
            .file_stem()
            .map(|s| slugify(&s.to_string_lossy()))
            .unwrap_or_default();
    }
    if slug.is_empty() {
        slug = "imported-article".to_owned();
    }
    if slug.len() > 60 {
        let cut = slug[..61].rfind('-').unwrap_or(60);
        slug.truncate(cut);
    }
    slug
}

/// What the command prints of a draft: each field's state (detected, `TODO` or none, and
/// how it was found), and every line removed.
pub fn summary(d: &Draft) -> String {
    let mut out = String::new();
    let field = |out: &mut String, key: &str, guess: &Guess, required: bool| {
        let state = match (&guess.value, required) {
            (Some(_), _) => "detected",
            (None, true) => "TODO",
            (None, false) => "none",
        };
        match &guess.value {
            Some(value) => {
                let _ = writeln!(out, "  {key:<10} {state:<9} {value} ({})", guess.note);
            }
            None => {
                let _ = writeln!(out, "  {key:<10} {state:<9} {}", guess.note);
            }
        }
    };
    field(&mut out, "title", &d.title, true);
    field(&mut out, "source", &d.source, true);
    field(&mut out, "publisher", &d.publisher, false);
    field(&mut out, "published", &d.published, true);
    if let Some(byline) = &d.byline {
        field(&mut out, "byline", byline, false);
    }
    if !d.cited.is_empty() {
        let _ = writeln!(
            out,
            "  {:<10} {} (reporting it quotes, not a credit)",
            "cites",
            cited_list(&d.cited)
        );
    }
    let _ = writeln!(
        out,
        "  {:<10} {} known actors mentioned; {} names for new actor files: {}",
        "actors",
        d.actors.len(),
        d.candidates.len(),
        if d.candidates.is_empty() {
            "none".to_owned()
        } else {
            d.candidates.join(", ")
        }
    );
    let _ = writeln!(
        out,
        "  {:<10} {} paragraphs kept, {} lines removed{}",
        "text",
        d.paragraph_count(),
        d.removed.len(),
        if d.removed.is_empty() { "" } else { ":" }
    );
    for removed in &d.removed {
        let _ = writeln!(
            out,
            "    line {:<4} {}: {}",
            removed.line,
            removed.reason,
            shorten(&removed.text, 90)
        );
    }
    out
}

/// The draft file: front matter that marks every field as detected or TODO, then the body.
pub fn render(draft: &Draft, input: &Path) -> String {
    let mut out = String::from("---\n");
    let _ = writeln!(
        out,
        "# Drafted by `dossier import` from {}.",
        input.display()
    );
    out.push_str(
        "# Every field says how it was found. Replace each `# TODO key:` line with `key: value`,\n",
    );
    out.push_str(
        "# review the text and what was removed (listed at the end), then set `draft: false`.\n",
    );
    let line = |out: &mut String, key: &str, value: &str, note: &str| {
        let entry = format!("{key}: {value}");
        let _ = writeln!(out, "{entry:<30} # {}", one_line(note));
    };
    let todo = |out: &mut String, key: &str, note: &str| {
        let entry = format!("# TODO {key}:");
        let _ = writeln!(out, "{entry:<30} # {}", one_line(note));
    };
    match &draft.title.value {
        Some(title) => line(&mut out, "title", &yaml_string(title), &draft.title.note),
        None => todo(&mut out, "title", &draft.title.note),
    }
    match &draft.source.value {
        Some(source) => line(&mut out, "source", source, &draft.source.note),
        None => todo(&mut out, "source", &draft.source.note),
    }
    match &draft.publisher.value {
        Some(publisher) => line(&mut out, "publisher", publisher, &draft.publisher.note),
        None => {
            let _ = writeln!(
                out,
                "{:<30} # {}",
                "# publisher:",
                one_line(&draft.publisher.note)
            );
        }
    }
    if !draft.cited.is_empty() {
        let _ = writeln!(
            out,
            "# the text also cites: {} (reporting it quotes, not a credit)",
            cited_list(&draft.cited)
        );
    }
    if let Some(url) = &draft.url {
        line(
            &mut out,
            "url",
            url.value.as_deref().unwrap_or(""),
            &url.note,
        );
    }
    match &draft.published.value {
        Some(date) => line(&mut out, "published", date, &draft.published.note),
        None => todo(&mut out, "published", &draft.published.note),
    }
    if let Some(byline) = &draft.byline {
        line(
            &mut out,
            "byline",
            &yaml_string(byline.value.as_deref().unwrap_or("")),
            &byline.note,
        );
    }
    line(
        &mut out,
        "events",
        "[]",
        "optional: slugs of the events this article reports (content/events/)",
    );
    line(
        &mut out,
        "actors",
        "[]",
        "left empty: mentions of known actors are detected at build time",
    );
    if draft.actors.is_empty() {
        out.push_str("# known actors mentioned: none\n");
    } else {
        let names: Vec<String> = draft
            .actors
            .iter()
            .map(|(slug, n)| format!("{slug} ({n})"))
            .collect();
        wrap_comment(&mut out, "known actors mentioned: ", &names);
    }
    if draft.candidates.is_empty() {
        out.push_str("# names that look like people but match no actor: none\n");
    } else {
        wrap_comment(
            &mut out,
            "names that look like people but match no actor (candidates for `dossier new actor SLUG`):",
            &draft.candidates,
        );
    }
    line(
        &mut out,
        "draft",
        "true",
        "an imported draft is left out of the site unless `dossier build --drafts`",
    );
    if draft.removed.is_empty() {
        out.push_str("# removed from the text: nothing\n");
    } else {
        out.push_str("# removed from the text (put back anything that is reporting):\n");
        for removed in &draft.removed {
            let _ = writeln!(
                out,
                "#   line {}: {}: {}",
                removed.line,
                removed.reason,
                shorten(&removed.text, 80)
            );
        }
    }
    out.push_str("---\n");
    for block in &draft.body {
        out.push('\n');
        match block {
            Block::Paragraph(text) => {
                out.push_str(&escape_markdown(text));
                out.push('\n');
            }
            Block::List(items) => {
                for item in items {
                    out.push_str("- ");
                    out.push_str(&escape_markdown(item));
                    out.push('\n');
                }
            }
        }
    }
    out
}

/// A comment of `items` after `lead`, wrapped at about 100 characters.
fn wrap_comment(out: &mut String, lead: &str, items: &[String]) {
    let mut line = format!("# {lead}");
    if line.chars().count() > 60 {
        out.push_str(line.trim_end());
        out.push('\n');
        line = "#   ".to_owned();
    }
    let mut first = true;
    for item in items {
        let piece = if first {
            item.clone()
        } else {
            format!(", {item}")
        };
        if !first && line.chars().count() + piece.chars().count() > 100 {
            line.push(',');
            out.push_str(&line);
            out.push('\n');
            line = format!("#   {item}");
        } else {
            line.push_str(&piece);
        }
        first = false;
    }
    out.push_str(&line);
    out.push('\n');
}

/// A double-quoted YAML string.
fn yaml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn one_line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}

/// `text` cut to `max` characters with an ellipsis.
pub(super) fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Plain text made safe as one Markdown paragraph: emphasis, code and link characters and
/// block markers at the start are escaped, so the text renders as it was written.
fn escape_markdown(text: &str) -> String {
    let links = text.contains("](") || text.contains("][");
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' if chars.get(i + 1).is_some_and(char::is_ascii_punctuation) => {
                out.push_str("\\\\")
            }
            '*' | '_' | '`' => {
                out.push('\\');
                out.push(c);
            }
            '[' if links => out.push_str("\\["),
            '<' if chars
                .get(i + 1)
                .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')) =>
            {
                out.push_str("\\<")
            }
            c => out.push(c),
        }
    }
    // Block markers at the start: headings, quotes, list markers, numbered items.
    if out.starts_with(['#', '>', '+', '-', '=', '|', '~']) {
        out.insert(0, '\\');
    } else {
        let digits = out.chars().take_while(char::is_ascii_digit).count();
        if (1..=9).contains(&digits) && out[digits..].starts_with(['.', ')']) {
            out.insert(digits, '\\');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::draft;
    use crate::import::fixture::{known, STORY};
    use crate::load::{self, RawData};
    use crate::model;

    #[test]
    fn markdown_is_escaped() {
        assert_eq!(escape_markdown("# not a heading"), "\\# not a heading");
        assert_eq!(escape_markdown("2014. A year"), "2014\\. A year");
        assert_eq!(escape_markdown("a *b* c_d `e`"), "a \\*b\\* c\\_d \\`e\\`");
        assert_eq!(escape_markdown("[Russia] will"), "[Russia] will");
        assert_eq!(escape_markdown("see [x](y)"), "see \\[x](y)");
        assert_eq!(escape_markdown("<script>x"), "\\<script>x");
        assert_eq!(escape_markdown("a < b"), "a < b");
        let (paragraphs, _) = model::text::blocks("\\# not a heading\n\n2014\\. A year\n", false);
        assert_eq!(paragraphs, ["# not a heading", "2014. A year"]);
    }

    #[test]
    fn the_rendered_draft_parses_and_marks_every_field() {
        let text = format!("{STORY}By AP\n");
        let d = draft(&text, &known()).unwrap();
        let out = render(&d, Path::new("in.txt"));
        assert!(out.starts_with("---\n# Drafted by `dossier import` from in.txt."));
        assert!(out.contains("\ntitle: \"Doe arrives in Ruritania for talks\""));
        assert!(out.contains("\nsource: ap "));
        assert!(out.contains("\n# TODO published:"));
        assert!(out.contains("\ndraft: true "));
        assert!(
            out.contains("# known actors mentioned: jane-doe (3), ruritania (2), john-roe (1)"),
            "{out}"
        );
        // Filled in, the draft is an article the loader accepts.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("content/articles/a.md");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(
            &path,
            out.replace("# TODO published:", "published: 2014-03-14 #"),
        )
        .unwrap();
        let (documents, problems) = load::load(dir.path());
        assert!(problems.is_empty(), "{problems:?}");
        let RawData::Article(article) = &documents[0].data else {
            panic!("not an article")
        };
        assert_eq!(article.source.as_ref().unwrap().value, "ap");
        assert!(article.draft);
        assert!(article.actors.is_empty());
        assert_eq!(
            model::text::paragraphs(&documents[0].body, false),
            [
                "Jane Doe arrived in Ruritania on Thursday for talks with John Roe.",
                "\"We came to agree,\" Doe said."
            ]
        );
    }

    #[test]
    fn file_slugs() {
        assert_eq!(
            file_slug(
                Some("US, Russia fail to reach ‘common vision’ ahead of Crimea referendum"),
                Path::new("x.txt")
            ),
            "us-russia-fail-to-reach-common-vision-ahead-of-crimea"
        );
        assert_eq!(file_slug(None, Path::new("seeds/001_AB.txt")), "001-ab");
        assert_eq!(file_slug(Some("Кремль"), Path::new("")), "imported-article");
    }
}
