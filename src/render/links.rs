//! Internal links and anchors of rendered pages: every `href` and `src` that stays inside the
//! site must name a page or a file of the site, and every `#fragment` an element id there.
//! Used by `dossier check` on pages rendered in memory.

use std::collections::{HashMap, HashSet};

use scraper::{Html, Selector};

use crate::diagnostics::Diagnostic;

/// What a page links to, and the ids it has.
#[derive(Debug, Default, Clone)]
pub struct PageLinks {
    pub links: Vec<String>,
    pub ids: HashSet<String>,
}

/// Reads the links and ids of one HTML page.
pub fn extract(html: &str) -> PageLinks {
    let document = Html::parse_document(html);
    let links_selector =
        Selector::parse("a[href], link[href], img[src], script[src], form[action]")
            .expect("valid selector");
    let ids_selector = Selector::parse("[id]").expect("valid selector");
    let links = document
        .select(&links_selector)
        .filter_map(|e| {
            let v = e.value();
            v.attr("href")
                .or_else(|| v.attr("src"))
                .or_else(|| v.attr("action"))
                .map(str::to_owned)
        })
        .collect();
    let ids = document
        .select(&ids_selector)
        .filter_map(|e| e.value().attr("id").map(str::to_owned))
        .collect();
    PageLinks { links, ids }
}

/// Whether `href` leaves the site (another scheme or host) and is not checked.
fn external(href: &str) -> bool {
    href.starts_with("//")
        || href
            .split_once(':')
            .is_some_and(|(scheme, _)| !scheme.contains('/'))
}

/// The site path `href` on the page at `page` (both relative to the site root) points at.
pub fn resolve(page: &str, href: &str) -> String {
    let dir = page.rfind('/').map_or("", |i| &page[..=i]);
    let joined = format!("{dir}{href}");
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            ".." => {
                parts.pop();
            }
            "." => {}
            p => parts.push(p),
        }
    }
    let path = parts.join("/");
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path
    }
}

/// Every broken internal link or anchor; `assets` are the files copied as they are, and any
/// path under one of `prefixes` (such as the search index) counts as present.
pub fn check(
    pages: &HashMap<String, PageLinks>,
    assets: &HashSet<String>,
    prefixes: &[&str],
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut names: Vec<&String> = pages.keys().collect();
    names.sort();
    for page in names {
        // Its links start from base_url's path, wherever the host serves it.
        if page == "404.html" {
            continue;
        }
        for href in &pages[page].links {
            if external(href) || href.is_empty() {
                continue;
            }
            let (path, fragment) = match href.split_once('#') {
                Some((p, f)) => (p, Some(f)),
                None => (href.as_str(), None),
            };
            let path = path.split('?').next().unwrap_or("");
            let target = if path.is_empty() {
                page.clone()
            } else {
                resolve(page, path)
            };
            let known = pages.contains_key(&target)
                || assets.contains(&target)
                || prefixes.iter().any(|p| target.starts_with(p));
            if !known {
                problems.push(
                    Diagnostic::error(page, format!("the link `{href}` leads to no page of the site ({target})"))
                        .with_hint("a template or a Markdown link names a page that is not built; check its spelling"),
                );
                continue;
            }
            if let (Some(fragment), Some(target_page)) = (fragment, pages.get(&target)) {
                if !fragment.is_empty() && !target_page.ids.contains(fragment) {
                    problems.push(
                        Diagnostic::error(page, format!("the link `{href}` names an anchor `#{fragment}` that {target} does not have"))
                            .with_hint("paragraph anchors run from #p1 to the article's last paragraph"),
                    );
                }
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relative_links_to_files() {
        assert_eq!(
            resolve("articles/a/index.html", "../../actors/b/"),
            "actors/b/index.html"
        );
        assert_eq!(resolve("index.html", "style.css"), "style.css");
        assert_eq!(resolve("articles/a/index.html", "../../"), "index.html");
    }

    #[test]
    fn reports_missing_pages_and_anchors() {
        let mut pages = HashMap::new();
        pages.insert("index.html".to_owned(), extract("<a href=\"a/#p2\">x</a><a href=\"b/\">y</a><a href=\"https://e.org\">z</a><link href=\"style.css\">"));
        pages.insert(
            "a/index.html".to_owned(),
            extract("<p id=\"p1\">x</p><a href=\"../#top\">up</a>"),
        );
        let assets: HashSet<String> = ["style.css".to_owned()].into_iter().collect();
        let problems: Vec<String> = check(&pages, &assets, &[])
            .iter()
            .map(|d| d.message.clone())
            .collect();
        assert_eq!(problems.len(), 3, "{problems:#?}");
        for link in ["`a/#p2`", "`b/`", "`../#top`"] {
            assert!(
                problems.iter().any(|p| p.contains(link)),
                "{link}: {problems:#?}"
            );
        }
    }
}
