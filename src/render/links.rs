//! Internal links and anchors of rendered pages: every `href` and `src` that stays inside the
//! site must name a page or a file of the site, and every `#fragment` an element id there.
//! Used by `dossier check` on pages rendered in memory.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use percent_encoding::percent_decode_str;
use scraper::{Html, Selector};
use url::Url;

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

/// The site as a URL, for reading links the way a browser does. A link to another scheme or
/// host leaves it (`.invalid` never names a real host).
static SITE: LazyLock<Url> =
    LazyLock::new(|| Url::parse("http://dossier.invalid/").expect("a valid URL"));

/// Where `href` on the page at `page` (a path relative to the site root) leads: the site path
/// (`index.html` for a folder) and the fragment, percent-decoded as the file names and ids
/// they name are written; `None` for a link that leaves the site. A path from the host's root
/// (`/x`) keeps its `/`: it names no file of the site, since the site may be published in a
/// folder of its host or opened from disk (every internal link is relative).
pub fn resolve(page: &str, href: &str) -> Option<(String, Option<String>)> {
    let url = SITE.join(page).and_then(|page| page.join(href)).ok()?;
    if url.origin() != SITE.origin() {
        return None;
    }
    let decode = |text: &str| percent_decode_str(text).decode_utf8_lossy().into_owned();
    let rooted = href.starts_with(['/', '\\']);
    let path = decode(&url.path()[usize::from(!rooted)..]);
    let path = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path
    };
    Some((path, url.fragment().map(decode)))
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
            if href.is_empty() {
                continue;
            }
            let Some((target, fragment)) = resolve(page, href) else {
                continue;
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
                if !fragment.is_empty() && !target_page.ids.contains(&fragment) {
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

    fn path(page: &str, href: &str) -> Option<String> {
        resolve(page, href).map(|(path, _)| path)
    }

    #[test]
    fn resolves_relative_links_to_files() {
        let page = "articles/a/index.html";
        assert_eq!(
            path(page, "../../actors/b/").unwrap(),
            "actors/b/index.html"
        );
        assert_eq!(path("index.html", "style.css").unwrap(), "style.css");
        assert_eq!(path(page, "../../").unwrap(), "index.html");
        assert_eq!(path(page, "./").unwrap(), "articles/a/index.html");
        // Beyond the root stays at the root, as in a browser.
        assert_eq!(path(page, "../../../../x.css").unwrap(), "x.css");
        // The query and the fragment are no part of the path.
        assert_eq!(
            resolve(page, "../b/?from=a#p2"),
            Some(("articles/b/index.html".into(), Some("p2".into())))
        );
        assert_eq!(resolve(page, "#p3"), Some((page.into(), Some("p3".into()))));
    }

    #[test]
    fn links_elsewhere_are_not_the_sites() {
        for href in [
            "https://e.org/x",
            "mailto:a@e.org",
            "//e.org/x",
            "javascript:void(0)",
            "data:image/png;base64,AA",
        ] {
            assert_eq!(resolve("index.html", href), None, "{href}");
        }
    }

    #[test]
    fn names_are_matched_as_written_whether_or_not_percent_encoded() {
        let page = "articles/a/index.html";
        for href in ["../../img/café plan.jpg", "../../img/caf%C3%A9%20plan.jpg"] {
            assert_eq!(path(page, href).unwrap(), "img/café plan.jpg", "{href}");
        }
        assert_eq!(
            resolve(page, "#r%C3%A9sum%C3%A9").unwrap().1.as_deref(),
            Some("résumé")
        );
    }

    #[test]
    fn a_path_from_the_hosts_root_names_no_file_of_the_site() {
        assert_eq!(path("a/index.html", "/style.css").unwrap(), "/style.css");
        assert_eq!(path("a/index.html", "/").unwrap(), "/index.html");
    }

    #[test]
    fn reports_missing_pages_and_anchors() {
        let mut pages = HashMap::new();
        pages.insert("index.html".to_owned(), extract("<a href=\"a/#p2\">x</a><a href=\"b/\">y</a><a href=\"https://e.org\">z</a><link href=\"style.css\"><img src=\"caf%C3%A9.jpg\"><a href=\"/a/\">root</a>"));
        pages.insert(
            "a/index.html".to_owned(),
            extract("<p id=\"p1\">x</p><a href=\"../#top\">up</a>"),
        );
        let assets: HashSet<String> = ["style.css".to_owned(), "café.jpg".to_owned()]
            .into_iter()
            .collect();
        let problems: Vec<String> = check(&pages, &assets, &[])
            .iter()
            .map(|d| d.message.clone())
            .collect();
        assert_eq!(problems.len(), 4, "{problems:#?}");
        for link in [
            "`a/#p2`",
            "`b/`",
            "`../#top`",
            "`/a/` leads to no page of the site (/a/index.html)",
        ] {
            assert!(
                problems.iter().any(|p| p.contains(link)),
                "{link}: {problems:#?}"
            );
        }
    }
}
