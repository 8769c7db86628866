//! What must hold of every page, feed and data file that `dossier` writes, whatever the
//! input: no active content in HTML, well-formed XML, valid JSON. Shared by the fuzz targets
//! (where a failed check panics, which libFuzzer reports as a crash with its input) and by
//! tests/robustness.rs (which includes this file as a module).
#![allow(dead_code)]

use std::collections::BTreeMap;

use scraper::{Html, Node};

/// The theme's own scripts: the only `<script>` elements a page may have.
pub const THEME_SCRIPTS: &[&str] = &["search.js", "cite.js", "pagefind/pagefind-ui.js"];

/// Attributes whose value is a URL that a browser follows or loads.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "srcset",
    "ping",
    "cite",
    "longdesc",
    "usemap",
    "manifest",
    "codebase",
    "dynsrc",
    "lowsrc",
];

/// Elements that never belong in a page built from untrusted content.
const ACTIVE_ELEMENTS: &[&str] = &[
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "base",
    "foreignobject",
    "math",
    "template",
    "portal",
    "animate",
    "set",
    "handler",
    "listener",
];

/// Whether a URL would run code or carry a document of its own when followed, read as a
/// browser reads it (WHATWG URL): leading and trailing controls and spaces dropped, tabs and
/// line breaks dropped anywhere, the scheme compared without case.
pub fn is_active_url(url: &str) -> bool {
    let squeezed: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:", "livescript:"]
        .iter()
        .any(|scheme| squeezed.starts_with(scheme))
}

/// Every active thing in an HTML page or fragment: scripts other than the theme's, frames,
/// event handler attributes, `javascript:`/`data:` URLs, `<style>` outside `<head>`, a
/// `<meta http-equiv>`. Empty when the HTML is inert.
pub fn active_content(html: &str) -> Vec<String> {
    let document = Html::parse_document(html);
    let mut found = Vec::new();
    for node in document.tree.nodes() {
        let Node::Element(element) = node.value() else {
            continue;
        };
        let name = element.name().to_ascii_lowercase();
        let in_head = node.ancestors().any(|a| {
            a.value()
                .as_element()
                .is_some_and(|e| e.name().eq_ignore_ascii_case("head"))
        });
        match name.as_str() {
            "script" => {
                let src = element.attr("src").unwrap_or("");
                let theirs = THEME_SCRIPTS.iter().any(|s| src.ends_with(s))
                    && !src.contains(':')
                    && node.children().next().is_none();
                if !theirs {
                    found.push(format!("<script src={src:?}>"));
                }
            }
            "style" if !in_head => found.push("<style> in the body".into()),
            "meta" if element.attr("http-equiv").is_some() => {
                found.push("<meta http-equiv>".into())
            }
            "link" => {
                let rel = element.attr("rel").unwrap_or("").to_ascii_lowercase();
                if !["stylesheet", "canonical", "alternate", "icon"].contains(&rel.as_str()) {
                    found.push(format!("<link rel={rel:?}>"));
                }
            }
            // The theme's search box is the one form: to the site's own search page.
            "form" if element.attr("role") != Some("search") => found.push("<form>".into()),
            other if ACTIVE_ELEMENTS.contains(&other) => found.push(format!("<{other}>")),
            _ => {}
        }
        for (attribute, value) in element.attrs() {
            let attribute = attribute.to_ascii_lowercase();
            if attribute.starts_with("on") {
                found.push(format!("<{name} {attribute}={value:?}>"));
            }
            if URL_ATTRIBUTES.contains(&attribute.as_str()) && is_active_url(value) {
                found.push(format!("<{name} {attribute}={value:?}>"));
            }
            if attribute == "style" {
                let v = value.to_ascii_lowercase();
                if v.contains("url(") || v.contains("expression(") || v.contains("javascript:") {
                    found.push(format!("<{name} style={value:?}>"));
                }
            }
        }
    }
    found
}

/// Panics when `html` (a page named `what`) has active content.
pub fn assert_inert(what: &str, html: &str) {
    let found = active_content(html);
    assert!(found.is_empty(), "{what}: active content {found:?}");
}

/// Why `text` is not a well-formed XML document (tags balanced and named, attributes quoted,
/// every `&` an entity, only characters XML allows), or `None` when it is. A small checker
/// of our own, enough for the feed and sitemap we write.
pub fn xml_problem(text: &str) -> Option<String> {
    if let Some(c) = text.chars().find(|&c| {
        !matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
    }) {
        return Some(format!("character U+{:04X} is not allowed in XML", c as u32));
    }
    let entity_ok = |rest: &str| -> bool {
        let Some(end) = rest.find(';') else {
            return false;
        };
        let name = &rest[1..end];
        match name {
            "amp" | "lt" | "gt" | "quot" | "apos" => true,
            _ => {
                if let Some(hex) = name.strip_prefix("#x") {
                    !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit())
                } else if let Some(dec) = name.strip_prefix('#') {
                    !dec.is_empty() && dec.chars().all(|c| c.is_ascii_digit())
                } else {
                    false
                }
            }
        }
    };
    let check_text = |t: &str| -> Option<String> {
        for (i, _) in t.match_indices('&') {
            if !entity_ok(&t[i..]) {
                return Some(format!("a bare `&` in {:?}", &t[i..(i + 20).min(t.len())]));
            }
        }
        if t.contains('>') && t.contains("]]>") {
            return Some("`]]>` in text".into());
        }
        None
    };
    let is_name = |n: &str| {
        !n.is_empty()
            && n.chars().enumerate().all(|(i, c)| {
                c.is_alphabetic()
                    || c == '_'
                    || c == ':'
                    || (i > 0 && (c.is_alphanumeric() || c == '-' || c == '.'))
            })
    };
    let mut stack: Vec<String> = Vec::new();
    let mut rest = text.trim_start_matches('\u{feff}');
    let mut roots = 0;
    while !rest.is_empty() {
        let Some(open) = rest.find('<') else {
            if !stack.is_empty() {
                return Some(format!("unclosed <{}>", stack.last().unwrap()));
            }
            if !rest.trim().is_empty() {
                return Some("text after the root element".into());
            }
            break;
        };
        let (before, tag) = rest.split_at(open);
        if stack.is_empty() && !before.trim().is_empty() {
            return Some("text outside the root element".into());
        }
        if let Some(p) = check_text(before) {
            return Some(p);
        }
        if let Some(after) = tag.strip_prefix("<?") {
            let Some(end) = after.find("?>") else {
                return Some("unclosed <?".into());
            };
            rest = &after[end + 2..];
            continue;
        }
        if let Some(after) = tag.strip_prefix("<!--") {
            let Some(end) = after.find("-->") else {
                return Some("unclosed comment".into());
            };
            rest = &after[end + 3..];
            continue;
        }
        if let Some(after) = tag.strip_prefix("<![CDATA[") {
            let Some(end) = after.find("]]>") else {
                return Some("unclosed CDATA".into());
            };
            rest = &after[end + 3..];
            continue;
        }
        // A tag: up to the first `>` outside quotes.
        let mut quote: Option<char> = None;
        let mut end = None;
        for (i, c) in tag.char_indices().skip(1) {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), '<') => return Some("`<` in an attribute value".into()),
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '<') => return Some("`<` inside a tag".into()),
                (None, '>') => {
                    end = Some(i);
                    break;
                }
                _ => {}
            }
        }
        let Some(end) = end else {
            return Some("unclosed tag".into());
        };
        let inner = &tag[1..end];
        rest = &tag[end + 1..];
        if let Some(name) = inner.strip_prefix('/') {
            let name = name.trim_end();
            match stack.pop() {
                Some(open) if open == name => {}
                Some(open) => return Some(format!("</{name}> closes <{open}>")),
                None => return Some(format!("</{name}> with nothing open")),
            }
            continue;
        }
        let (inner, empty) = match inner.strip_suffix('/') {
            Some(i) => (i, true),
            None => (inner, false),
        };
        let name_end = inner
            .find(|c: char| c.is_whitespace())
            .unwrap_or(inner.len());
        let name = &inner[..name_end];
        if !is_name(name) {
            return Some(format!("bad element name {name:?}"));
        }
        // Attributes: name="value" pairs, each name once.
        let mut attrs = inner[name_end..].trim();
        let mut seen: BTreeMap<&str, ()> = BTreeMap::new();
        while !attrs.is_empty() {
            let Some(eq) = attrs.find('=') else {
                return Some(format!("attribute without a value in <{name}>"));
            };
            let attr = attrs[..eq].trim();
            if !is_name(attr) || seen.insert(attr, ()).is_some() {
                return Some(format!("bad or repeated attribute {attr:?} in <{name}>"));
            }
            let value = attrs[eq + 1..].trim_start();
            let Some(q) = value.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                return Some(format!("unquoted attribute {attr:?} in <{name}>"));
            };
            let Some(close) = value[1..].find(q) else {
                return Some(format!("unclosed attribute {attr:?} in <{name}>"));
            };
            if let Some(p) = check_text(&value[1..1 + close]) {
                return Some(p);
            }
            attrs = value[close + 2..].trim_start();
        }
        if stack.is_empty() {
            roots += 1;
            if roots > 1 {
                return Some("more than one root element".into());
            }
        }
        if !empty {
            stack.push(name.to_owned());
        }
    }
    if roots == 0 {
        return Some("no root element".into());
    }
    if let Some(open) = stack.last() {
        return Some(format!("unclosed <{open}>"));
    }
    None
}

/// The checks every built site passes: HTML pages inert, `dossier.json` valid JSON, the feed
/// and sitemap well-formed XML. `files` are (path relative to the site, bytes).
pub fn assert_site_is_safe<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) {
    for (path, bytes) in files {
        let text =
            std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{path} is not UTF-8: {e}"));
        if path.ends_with(".html") {
            assert_inert(path, text);
        } else if path.ends_with(".xml") {
            if let Some(problem) = xml_problem(text) {
                panic!("{path} is not well-formed XML: {problem}");
            }
        } else if path.ends_with(".json") {
            if let Err(err) = serde_json::from_str::<serde_json::Value>(text) {
                panic!("{path} is not valid JSON: {err}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_checker() {
        assert_eq!(
            xml_problem("<?xml version=\"1.0\"?>\n<a x=\"1\"><b/>t &amp; &#38;</a>\n"),
            None
        );
        assert!(xml_problem("<a>&</a>").is_some());
        assert!(xml_problem("<a><b></a>").is_some());
        assert!(xml_problem("<a x=1/>").is_some());
        assert!(xml_problem("<a>\u{1}</a>").is_some());
    }

    #[test]
    fn active_content_checker() {
        assert!(active_content("<p>hi</p>").is_empty());
        assert!(!active_content("<a href=' java\tscript:x'>x</a>").is_empty());
        assert!(!active_content("<a href='\u{1}JAVASCRIPT:x'>x</a>").is_empty());
        // Not a scheme at all for a browser: a relative URL.
        assert!(active_content("<a href='ja\u{7}vascript:x'>x</a>").is_empty());
        assert!(!active_content("<svg><a xlink:href='javascript:x'>x</a></svg>").is_empty());
        assert!(!active_content("<img src=x onerror=y>").is_empty());
        assert!(active_content("<script src=\"../search.js\"></script>").is_empty());
        assert!(!active_content("<script src=\"https://e.org/search.js\"></script>").is_empty());
    }
}
