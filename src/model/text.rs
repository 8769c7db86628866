//! The plain text of an article body, block by block. Paragraph N (1-based) of a body is its
//! Nth top-level Markdown paragraph: the one a reader reaches with `#pN`. Rendering numbers
//! paragraphs with the same rule ([`is_top_level_paragraph`]). List items and block quotes are
//! kept as *asides* of the paragraph before them, so that analysis reads them too.

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

/// A run of text that analysis reads: a numbered paragraph or an aside.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Aside {
    /// The numbered paragraph this aside follows (0 when it comes before the first).
    pub after: usize,
    pub text: String,
}

/// The plain text of each top-level paragraph of `markdown`, in order, and the asides (list
/// items, block quotes) between them, with the same punctuation setting as rendering so that
/// byte offsets agree.
pub fn blocks(markdown: &str, smart_punctuation: bool) -> (Vec<String>, Vec<Aside>) {
    let (paragraphs, asides, _) = blocks_with_offsets(markdown, smart_punctuation);
    (paragraphs, asides)
}

/// As [`blocks`], with the byte offset in `markdown` where each paragraph starts.
pub fn blocks_with_offsets(
    markdown: &str,
    smart_punctuation: bool,
) -> (Vec<String>, Vec<Aside>, Vec<usize>) {
    let mut offsets = Vec::new();
    let mut paragraphs = Vec::new();
    let mut asides = Vec::new();
    let mut depth = 0usize;
    // What is being captured, and the depth at which its capture ends.
    let mut current: Option<(String, usize, bool)> = None;
    let parser = Parser::new_ext(markdown, markdown_options(smart_punctuation));
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if current.is_none() {
                    match tag {
                        Tag::Paragraph if is_top_level_paragraph(depth) => {
                            offsets.push(range.start);
                            current = Some((String::new(), depth, true))
                        }
                        Tag::Item | Tag::BlockQuote(_) => {
                            current = Some((String::new(), depth, false))
                        }
                        _ => {}
                    }
                } else if matches!(tag, Tag::Paragraph | Tag::Item) {
                    if let Some((text, _, _)) = current.as_mut() {
                        if !text.is_empty() && !text.ends_with(' ') {
                            text.push(' ');
                        }
                    }
                }
                depth += 1;
            }
            Event::End(end) => {
                depth = depth.saturating_sub(1);
                if let Some((_, at, numbered)) = &current {
                    let closes = *at == depth
                        && match end {
                            TagEnd::Paragraph => *numbered,
                            TagEnd::Item | TagEnd::BlockQuote(_) => !*numbered,
                            _ => false,
                        };
                    if closes {
                        let (text, _, numbered) = current.take().expect("checked");
                        if numbered {
                            paragraphs.push(text);
                        } else if !text.trim().is_empty() {
                            asides.push(Aside {
                                after: paragraphs.len(),
                                text: text.trim_end().to_owned(),
                            });
                        }
                    }
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some((p, _, _)) = current.as_mut() {
                    p.push_str(&text);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((p, _, _)) = current.as_mut() {
                    p.push(' ');
                }
            }
            _ => {}
        }
    }
    (paragraphs, asides, offsets)
}

/// The plain text of each top-level paragraph of `markdown`, in order.
pub fn paragraphs(markdown: &str, smart_punctuation: bool) -> Vec<String> {
    blocks(markdown, smart_punctuation).0
}

/// The plain text of all of `markdown` (paragraphs, headings, list items, quotes, table cells,
/// code), in reading order, for the search index: each block ends with a full stop when it
/// does not end a sentence, table cells are separated by a space, and no markup is left.
pub fn plain(markdown: &str, smart_punctuation: bool) -> String {
    let mut out = String::with_capacity(markdown.len());
    let end_block = |out: &mut String, stop: bool| {
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
        if out.is_empty() {
            return;
        }
        if stop && !out.ends_with(['.', '!', '?', '…', ':', ';']) {
            out.push('.');
        }
        out.push(' ');
    };
    for event in Parser::new_ext(markdown, markdown_options(smart_punctuation)) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            // A nested list starts inside its item's text: a boundary too.
            Event::Start(Tag::Item)
            | Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::CodeBlock,
            ) => end_block(&mut out, true),
            Event::End(TagEnd::TableCell) => end_block(&mut out, false),
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => end_block(&mut out, true),
            _ => {}
        }
    }
    out.truncate(out.trim_end().len());
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
    fn list_items_and_quotes_are_asides_of_the_paragraph_before() {
        let body = "One.\n\n- item *one*\n- item two\n\n> quoted\n\nTwo.\n";
        let (paragraphs, asides) = blocks(body, false);
        assert_eq!(paragraphs, ["One.", "Two."]);
        let texts: Vec<(usize, &str)> = asides.iter().map(|a| (a.after, a.text.as_str())).collect();
        assert_eq!(texts, [(1, "item one"), (1, "item two"), (1, "quoted")]);
    }

    #[test]
    fn plain_text_has_every_block_as_a_sentence_and_no_markup() {
        let body = "# Talks *fail*\n\nKerry met [Lavrov](https://x.org)\nin London\n\n- one\n  - two\n- three!\n\n> quoted\n\n| Claim | Reuters |\n|---|---|\n| Length | six hours |\n";
        assert_eq!(
            plain(body, false),
            "Talks fail. Kerry met Lavrov in London. one. two. three! quoted. Claim Reuters. Length six hours."
        );
        assert_eq!(plain("", false), "");
    }

    #[test]
    fn counts_words() {
        assert_eq!(word_count("Kerry's talks — six hours, 2014."), 5);
    }
}
