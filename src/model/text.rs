//! The plain text of an article body, paragraph by paragraph. Paragraph N (1-based) of a
//! body is its Nth top-level Markdown paragraph: the one a reader reaches with `#pN`.
//! Rendering numbers paragraphs with the same rule ([`is_top_level_paragraph`]).

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Markdown extensions every stage parses bodies with.
pub fn markdown_options(smart_punctuation: bool) -> Options {
    let mut options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES;
    if smart_punctuation {
        options |= Options::ENABLE_SMART_PUNCTUATION;
    }
    options
}

/// Whether a paragraph that starts at container depth `depth` is numbered.
pub fn is_top_level_paragraph(depth: usize) -> bool {
    depth == 0
}

/// The plain text of each top-level paragraph of `markdown`, in order, with the same
/// punctuation setting as rendering so that byte offsets agree.
pub fn paragraphs(markdown: &str, smart_punctuation: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut current: Option<String> = None;
    for event in Parser::new_ext(markdown, markdown_options(smart_punctuation)) {
        match event {
            Event::Start(Tag::Paragraph) if is_top_level_paragraph(depth) && current.is_none() => {
                current = Some(String::new());
                depth += 1;
            }
            Event::End(TagEnd::Paragraph) if depth == 1 && current.is_some() => {
                depth -= 1;
                out.extend(current.take());
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Text(text) | Event::Code(text) => {
                if let Some(p) = current.as_mut() {
                    p.push_str(&text);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(p) = current.as_mut() {
                    p.push(' ');
                }
            }
            _ => {}
        }
    }
    out
}

/// Words in `text` (runs of letters or digits).
pub fn word_count(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_only_top_level_paragraphs() {
        let body =
            "First *para*.\n\n# Heading\n\n- item one\n- item two\n\n> quoted\n\nSecond\nline.\n";
        assert_eq!(paragraphs(body, false), ["First para.", "Second line."]);
    }

    #[test]
    fn counts_words() {
        assert_eq!(word_count("Kerry's talks — six hours, 2014."), 5);
    }
}
