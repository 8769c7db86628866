//! Markdown bodies → HTML: pulldown-cmark with paragraph anchors (`#pN`), syntect
//! highlighting as CSS classes, actor links inserted into running text, and sanitising of
//! raw HTML and unsafe link schemes unless the dossier opts out.

use std::sync::OnceLock;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Parser, Tag, TagEnd};
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use crate::config::MarkdownConfig;
use crate::model::text::{is_top_level_paragraph, markdown_options};

/// The prefix of syntect's CSS classes, so they never clash with the theme's.
pub const HIGHLIGHT_PREFIX: &str = "hl-";
const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed {
    prefix: HIGHLIGHT_PREFIX,
};

/// A link to insert into a paragraph's text: bytes `start..end` of the paragraph's plain
/// text (as [`crate::model::text::paragraphs`] gives it) link to `href`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineLink {
    pub start: usize,
    pub end: usize,
    pub href: String,
    pub title: String,
}

/// Markdown containers (quotes, lists, emphasis) nested deeper than this lose their tags and
/// keep their text. HTML parsers take time quadratic in the depth of nesting (the sanitiser's
/// and `dossier check`'s: 100,000 nested quotes took minutes), and browsers stop nesting at
/// 512 levels anyway.
const MAX_NESTING: usize = 64;

/// Raw HTML nested deeper than this is shown as text instead of being sanitised, for the same
/// reason.
const MAX_RAW_NESTING: usize = 256;

/// Renders `markdown`; `links[n - 1]` are the links to insert into paragraph `n`, sorted by
/// start and not overlapping.
pub fn render(markdown: &str, settings: &MarkdownConfig, links: &[Vec<InlineLink>]) -> String {
    render_numbered(markdown, settings, links, true)
}

/// Renders a short text that is not an article's (an analyst's note): its paragraphs carry no
/// `#pN` anchors, so that they never clash with the article's.
pub fn render_note(markdown: &str, settings: &MarkdownConfig) -> String {
    render_numbered(markdown, settings, &[], false)
}

fn render_numbered(
    markdown: &str,
    settings: &MarkdownConfig,
    links: &[Vec<InlineLink>],
    numbered: bool,
) -> String {
    match render_with(markdown, settings, links, false, numbered) {
        Some(html) => html,
        // Raw HTML too deeply nested to sanitise in reasonable time: shown as text.
        None => render_with(markdown, settings, links, true, numbered).unwrap_or_default(),
    }
}

/// Inserts `after(n)` right after the end of paragraph `n` (the `<p id="pN">` that
/// [`render`] writes) in `html`, for every paragraph it returns something for.
pub fn after_paragraphs(html: &str, mut after: impl FnMut(usize) -> Option<String>) -> String {
    let mut out = String::with_capacity(html.len() * 2);
    let mut rest = html;
    let mut next = 1;
    loop {
        let open = format!("<p id=\"p{next}\">");
        let Some(start) = rest.find(&open) else { break };
        // A paragraph holds no other paragraph: its end is the first `</p>` after it.
        let Some(end) = rest[start..].find("</p>").map(|e| start + e + "</p>".len()) else {
            break;
        };
        out.push_str(&rest[..end]);
        if let Some(extra) = after(next) {
            out.push_str(&extra);
        }
        rest = &rest[end..];
        next += 1;
    }
    out.push_str(rest);
    out
}

/// [`render`], with raw HTML written as text when `raw_as_text`; `None` when the raw HTML is
/// nested deeper than [`MAX_RAW_NESTING`] and would have to be sanitised.
fn render_with(
    markdown: &str,
    settings: &MarkdownConfig,
    links: &[Vec<InlineLink>],
    raw_as_text: bool,
    numbered: bool,
) -> Option<String> {
    let mut events: Vec<Event> = Vec::new();
    let mut depth = 0usize;
    let mut paragraph = 0usize;
    // Inside a numbered paragraph: the byte offset of the paragraph's plain text so far.
    let mut in_paragraph: Option<usize> = None;
    let mut link_depth = 0usize;
    let mut heading = false;
    let mut code: Option<(String, String)> = None;
    let mut has_raw_html = false;
    // The elements raw HTML leaves open, while it stays within MAX_RAW_NESTING.
    let mut raw_open: Vec<String> = Vec::new();

    let parser = Parser::new_ext(markdown, markdown_options(settings.smart_punctuation));
    for event in parser {
        if let Some((lang, text)) = code.as_mut() {
            match event {
                Event::Text(t) => text.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    events.push(Event::Html(highlight(lang, text).into()));
                    code = None;
                    depth -= 1;
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::Paragraph) if numbered && is_top_level_paragraph(depth) => {
                paragraph += 1;
                depth += 1;
                in_paragraph = Some(0);
                events.push(Event::Html(format!("<p id=\"p{paragraph}\">").into()));
            }
            Event::End(TagEnd::Paragraph) if depth == 1 && in_paragraph.is_some() => {
                depth -= 1;
                in_paragraph = None;
                events.push(Event::Html("</p>\n".into()));
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                depth += 1;
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_owned()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                depth += 1;
                link_depth += 1;
                let dest_url = if settings.unsafe_html || is_safe_url(&dest_url) {
                    dest_url
                } else {
                    CowStr::from("#")
                };
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::End(TagEnd::Link) => {
                depth -= 1;
                link_depth -= 1;
                events.push(Event::End(TagEnd::Link));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                depth += 1;
                let dest_url = if settings.unsafe_html || is_safe_url(&dest_url) {
                    dest_url
                } else {
                    CowStr::from("")
                };
                events.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Start(tag @ Tag::Heading { .. }) => {
                depth += 1;
                heading = true;
                events.push(Event::Start(tag));
            }
            Event::End(end @ TagEnd::Heading(_)) => {
                depth -= 1;
                heading = false;
                events.push(Event::End(end));
            }
            Event::Start(tag) => {
                depth += 1;
                if depth <= MAX_NESTING {
                    events.push(Event::Start(tag));
                }
            }
            Event::End(tag) => {
                // An image's start is written at any depth (its own arm above), so its end too.
                if depth <= MAX_NESTING || tag == TagEnd::Image {
                    events.push(Event::End(tag));
                } else if !matches!(
                    tag,
                    TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough
                ) {
                    // A flattened block still ends its words.
                    events.push(Event::SoftBreak);
                }
                depth = depth.saturating_sub(1);
            }
            Event::Text(text) => match in_paragraph.as_mut() {
                Some(offset) => {
                    let start = *offset;
                    *offset += text.len();
                    let wanted = links.get(paragraph - 1).map(Vec::as_slice).unwrap_or(&[]);
                    if link_depth > 0 || heading || wanted.is_empty() {
                        events.push(Event::Text(text));
                    } else {
                        push_linked(&mut events, &text, start, wanted);
                    }
                }
                None => events.push(Event::Text(text)),
            },
            Event::Code(text) => {
                if let Some(offset) = in_paragraph.as_mut() {
                    *offset += text.len();
                }
                events.push(Event::Code(text));
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(offset) = in_paragraph.as_mut() {
                    *offset += 1;
                }
                events.push(event);
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                if raw_as_text {
                    events.push(Event::Text(html));
                    continue;
                }
                has_raw_html = true;
                if !settings.unsafe_html && !track_nesting(&html, &mut raw_open) {
                    return None;
                }
                events.push(Event::Html(html));
            }
            other => events.push(other),
        }
    }
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    Some(if has_raw_html && !settings.unsafe_html {
        sanitize(&html)
    } else {
        html
    })
}

/// Follows the elements a piece of raw HTML opens and closes (`open`, carried from one piece
/// to the next); `false` once more than [`MAX_RAW_NESTING`] are open at once. An estimate of
/// what an HTML parser builds, enough to bound its work.
fn track_nesting(html: &str, open: &mut Vec<String>) -> bool {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr",
    ];
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if let Some(comment) = rest.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let (closing, name) = match rest.strip_prefix('/') {
            Some(name) => (true, name),
            None => (false, rest),
        };
        let length = name
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(name.len());
        if length == 0 || !name.as_bytes()[0].is_ascii_alphabetic() {
            continue;
        }
        let tag = name[..length].to_ascii_lowercase();
        if closing {
            if let Some(at) = open.iter().rposition(|t| *t == tag) {
                open.truncate(at);
            }
        } else if !VOID.contains(&tag.as_str())
            && !name[length..]
                .split('>')
                .next()
                .is_some_and(|attributes| attributes.ends_with('/'))
        {
            open.push(tag);
            if open.len() > MAX_RAW_NESTING {
                return false;
            }
        }
    }
    true
}

/// Splits `text` (which starts at byte `start` of its paragraph) around the links that fall
/// inside it.
fn push_linked<'a>(events: &mut Vec<Event<'a>>, text: &str, start: usize, links: &[InlineLink]) {
    let end = start + text.len();
    let mut cursor = start;
    for link in links.iter().filter(|l| l.start >= start && l.end <= end) {
        if link.start < cursor {
            continue;
        }
        if link.start > cursor {
            events.push(Event::Text(
                text[cursor - start..link.start - start].to_owned().into(),
            ));
        }
        // The actor's full name as a tooltip only where the words differ from it ("Mr Li",
        // a capital standing for its state): where they are the name it says nothing.
        let words = &text[link.start - start..link.end - start];
        let html = if words == link.title {
            format!("<a class=\"actor-link\" href=\"{}\">", escape(&link.href))
        } else {
            format!(
                "<a class=\"actor-link\" href=\"{}\" title=\"{}\">",
                escape(&link.href),
                escape(&link.title)
            )
        };
        events.push(Event::Html(html.into()));
        events.push(Event::Text(words.to_owned().into()));
        events.push(Event::Html("</a>".into()));
        cursor = link.end;
    }
    if cursor < end {
        events.push(Event::Text(text[cursor - start..].to_owned().into()));
    }
}

/// Whether a link target is harmless: relative, a fragment, or an http(s)/mailto address.
pub fn is_safe_url(url: &str) -> bool {
    let trimmed: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    match trimmed.split_once(':') {
        None => true,
        Some((scheme, _)) if scheme.contains(['/', '?', '#']) => true,
        Some((scheme, _)) => matches!(
            scheme.to_ascii_lowercase().as_str(),
            "http" | "https" | "mailto"
        ),
    }
}

/// Removes scripts, event handlers, frames, styles and unsafe URLs from raw HTML, keeping the
/// ids and classes the renderer itself writes.
pub fn sanitize(html: &str) -> String {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER
        .get_or_init(|| {
            let mut builder = ammonia::Builder::default();
            builder
                .add_generic_attributes(["id", "class"])
                .add_tags(["figure", "figcaption", "mark"])
                .url_schemes(["http", "https", "mailto"].into_iter().collect())
                // A scheme hidden by control characters ("ja\u{7}vascript:") reads as a
                // relative URL to ammonia; our own check drops it (found by fuzzing).
                .attribute_filter(|_, attribute, value| {
                    if matches!(attribute, "href" | "src" | "cite" | "action" | "longdesc")
                        && !is_safe_url(value)
                    {
                        None
                    } else {
                        Some(value.into())
                    }
                });
            builder
        })
        .clean(html)
        .to_string()
}

fn syntaxes() -> &'static SyntaxSet {
    static SYNTAXES: OnceLock<SyntaxSet> = OnceLock::new();
    SYNTAXES.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// A code block as `<pre><code>` with syntect's classes; plain (escaped) when the language
/// is unknown.
fn highlight(lang: &str, code: &str) -> String {
    let escaped_lang = escape(lang);
    let syntax = (!lang.is_empty())
        .then(|| syntaxes().find_syntax_by_token(lang))
        .flatten();
    let Some(syntax) = syntax else {
        return format!(
            "<pre class=\"code\"><code{}>{}</code></pre>\n",
            if lang.is_empty() {
                String::new()
            } else {
                format!(" class=\"language-{escaped_lang}\"")
            },
            escape(code)
        );
    };
    let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, syntaxes(), CLASS_STYLE);
    for line in LinesWithEndings::from(code) {
        if generator
            .parse_html_for_line_which_includes_newline(line)
            .is_err()
        {
            return format!("<pre class=\"code\"><code>{}</code></pre>\n", escape(code));
        }
    }
    format!(
        "<pre class=\"code\"><code class=\"language-{escaped_lang}\">{}</code></pre>\n",
        generator.finalize()
    )
}

/// The stylesheet for highlighted code in `theme` (one of [`crate::config::HIGHLIGHT_THEMES`]).
pub fn highlight_css(theme: &str) -> String {
    let themes = syntect::highlighting::ThemeSet::load_defaults();
    themes
        .themes
        .get(theme)
        .and_then(|t| syntect::html::css_for_theme_with_class_style(t, CLASS_STYLE).ok())
        .unwrap_or_default()
}

/// HTML-escapes text for element content and attribute values. Also used for the feed and
/// sitemap: characters that XML does not allow at all (control characters other than tab and
/// line ends, U+FFFE, U+FFFF), which text pasted from word processors can carry, are dropped.
pub fn escape(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    // Runs of bytes that stand as they are are copied whole (the commonest case by far); one
    // table lookup per byte finds where a run ends.
    let mut plain = 0;
    let mut i = 0;
    while let Some(found) = bytes[i..].iter().position(|&b| STOPS[usize::from(b)]) {
        i += found;
        let (replacement, width): (&str, usize) = match bytes[i] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\'' => ("&#39;", 1),
            // Other control characters, and the noncharacters U+FFFE and U+FFFF (EF BF BE,
            // EF BF BF), are left out: XML forbids them.
            0..0x20 => ("", 1),
            _ if bytes.get(i + 1) == Some(&0xBF)
                && matches!(bytes.get(i + 2), Some(0xBE | 0xBF)) =>
            {
                ("", 3)
            }
            // An EF that does not start a noncharacter stands.
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&text[plain..i]);
        out.push_str(replacement);
        i += width;
        plain = i;
    }
    out.push_str(&text[plain..]);
    out
}

/// The bytes where [`escape`] stops to look: markup characters, control characters other than
/// tab and line ends, and EF (the first byte of U+FFFE and U+FFFF).
const STOPS: [bool; 256] = {
    let mut stops = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        stops[b] = !matches!(b, 0x09 | 0x0A | 0x0D);
        b += 1;
    }
    stops[b'&' as usize] = true;
    stops[b'<' as usize] = true;
    stops[b'>' as usize] = true;
    stops[b'"' as usize] = true;
    stops[b'\'' as usize] = true;
    stops[0xEF] = true;
    stops
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::text::paragraphs;

    #[test]
    fn escape_replaces_markup_characters_and_leaves_out_those_xml_forbids() {
        assert_eq!(
            escape("Tom & \"Jerry\" <b>it's</b>"),
            "Tom &amp; &quot;Jerry&quot; &lt;b&gt;it&#39;s&lt;/b&gt;"
        );
        assert_eq!(escape("a\tb\nc\rd"), "a\tb\nc\rd");
        assert_eq!(escape("a\u{0}b\u{1f}c\u{7}"), "abc");
        assert_eq!(escape("x\u{fffe}y\u{ffff}z"), "xyz");
        // Characters beside the noncharacters in UTF-8 stay.
        assert_eq!(
            escape("\u{fffd}\u{fe0f}\u{effe}é—“€”"),
            "\u{fffd}\u{fe0f}\u{effe}é—“€”"
        );
        assert_eq!(escape(""), "");
        assert_eq!(escape("&"), "&amp;");
    }

    /// The byte scan agrees with a reading character by character, on every ASCII character
    /// and every character that starts with the byte EF (U+E000 to U+FFFF), alone and in text.
    #[test]
    fn escape_agrees_with_a_reading_by_characters() {
        fn by_characters(text: &str) -> String {
            let mut out = String::new();
            for c in text.chars() {
                match c {
                    '&' => out.push_str("&amp;"),
                    '<' => out.push_str("&lt;"),
                    '>' => out.push_str("&gt;"),
                    '"' => out.push_str("&quot;"),
                    '\'' => out.push_str("&#39;"),
                    '\t' | '\n' | '\r' => out.push(c),
                    '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => {}
                    _ => out.push(c),
                }
            }
            out
        }
        let characters = (0u32..0x80)
            .chain(0xE000..=0xFFFF)
            .filter_map(char::from_u32);
        for c in characters {
            for text in [c.to_string(), format!("Vale’s {c}{c} port{c}")] {
                assert_eq!(escape(&text), by_characters(&text), "{:?}", c as u32);
            }
        }
    }

    fn settings() -> MarkdownConfig {
        MarkdownConfig::default()
    }

    #[test]
    fn numbers_top_level_paragraphs_like_the_model() {
        let body = "One.\n\n> quoted\n\n- a\n- b\n\nTwo.\n";
        let html = render(body, &settings(), &[]);
        assert!(html.contains("<p id=\"p1\">One.</p>"), "{html}");
        assert!(html.contains("<p id=\"p2\">Two.</p>"), "{html}");
        assert!(!html.contains("id=\"p3\""));
        assert_eq!(paragraphs(body, true).len(), 2);
    }

    #[test]
    fn removes_scripts_handlers_and_javascript_urls() {
        let body = "Hi <script>alert(1)</script><img src=x onerror=alert(2)>\n\n[x](javascript:alert(3)) <a href=\"javascript:alert(4)\">y</a>\n";
        let html = render(body, &settings(), &[]);
        for bad in ["<script", "onerror", "javascript:"] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
        assert!(html.contains("id=\"p1\""), "ids survive sanitising: {html}");
    }

    #[test]
    fn unsafe_html_keeps_raw_html() {
        let settings = MarkdownConfig {
            unsafe_html: true,
            ..settings()
        };
        assert!(render("<b onclick=\"x()\">b</b>\n", &settings, &[]).contains("onclick"));
    }

    #[test]
    fn highlights_code_with_classes() {
        let html = render("```rust\nfn main() {}\n```\n", &settings(), &[]);
        assert!(html.contains("class=\"language-rust\""), "{html}");
        assert!(html.contains("hl-"), "{html}");
    }

    #[test]
    fn a_link_names_the_actor_in_a_tooltip_only_where_the_words_are_not_the_name() {
        let body = "Ana Ruiz spoke. Ruiz left.\n";
        let text = &paragraphs(body, true)[0];
        let second = text.rfind("Ruiz").unwrap();
        let links = vec![vec![
            InlineLink {
                start: 0,
                end: 8,
                href: "../r/".into(),
                title: "Ana Ruiz".into(),
            },
            InlineLink {
                start: second,
                end: second + 4,
                href: "../r/".into(),
                title: "Ana Ruiz".into(),
            },
        ]];
        let html = render(body, &settings(), &links);
        assert!(
            html.contains("<a class=\"actor-link\" href=\"../r/\">Ana Ruiz</a> spoke."),
            "{html}"
        );
        assert!(
            html.contains(
                "<a class=\"actor-link\" href=\"../r/\" title=\"Ana Ruiz\">Ruiz</a> left."
            ),
            "{html}"
        );
    }

    #[test]
    fn inserts_links_into_paragraph_text_but_not_into_links() {
        let body = "Kerry met [Lavrov](https://e.org) and Lavrov *spoke*.\n";
        let text = &paragraphs(body, true)[0];
        let start = text.rfind("Lavrov").unwrap();
        let links = vec![vec![
            InlineLink {
                start: 0,
                end: 5,
                href: "../k/".into(),
                title: "John Kerry".into(),
            },
            InlineLink {
                start,
                end: start + 6,
                href: "../l/".into(),
                title: "Sergei Lavrov".into(),
            },
        ]];
        let html = render(body, &settings(), &links);
        assert!(
            html.contains(
                "<a class=\"actor-link\" href=\"../k/\" title=\"John Kerry\">Kerry</a> met"
            ),
            "{html}"
        );
        assert!(
            html.contains("and <a class=\"actor-link\" href=\"../l/\" title=\"Sergei Lavrov\">Lavrov</a> <em>"),
            "{html}"
        );
    }

    #[test]
    fn a_scheme_hidden_by_control_characters_is_removed_from_raw_html() {
        let html = render("<a href=\"ja\u{7}vascript:x\">x</a>\n", &settings(), &[]);
        assert!(!html.contains("vascript"), "{html}");
    }

    #[test]
    fn nesting_is_bounded_and_text_kept() {
        let html = render(&format!("{} deep\n", ">".repeat(1000)), &settings(), &[]);
        assert_eq!(html.matches("<blockquote>").count(), MAX_NESTING);
        assert_eq!(html.matches("</blockquote>").count(), MAX_NESTING);
        assert!(html.contains("deep"));
        let html = render("![a *b*](x.png) ![c](y.png)\n", &settings(), &[]);
        assert_eq!(html.matches("<img").count(), 2, "{html}");
    }

    #[test]
    fn raw_html_nested_too_deep_is_shown_as_text() {
        let body = format!("Text {}deep\n", "<div>".repeat(MAX_RAW_NESTING + 1));
        let html = render(&body, &settings(), &[]);
        assert!(
            html.starts_with("<p id=\"p1\">Text &lt;div&gt;"),
            "{}",
            &html[..80]
        );
        assert!(!html.contains("<div>"));
        // Within the limit, and closed again: sanitised as usual.
        let body = "<div><b>x</b></div>\n".repeat(MAX_RAW_NESTING * 2);
        assert!(render(&body, &settings(), &[]).contains("<div><b>x</b></div>"));
    }

    #[test]
    fn safe_urls() {
        assert!(is_safe_url("../x/"));
        assert!(is_safe_url("#p1"));
        assert!(is_safe_url("https://e.org/a:b"));
        assert!(!is_safe_url("JavaScript:alert(1)"));
        assert!(!is_safe_url("java\tscript:alert(1)"));
        assert!(!is_safe_url("data:text/html,x"));
    }
}
