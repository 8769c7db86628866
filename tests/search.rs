//! The search index on the sample dossier, read back from the files Pagefind writes: which
//! pages it holds, what each result will show (kind, source, date), the filters, and each text
//! indexed once (an article's on its page, not on the pages that quote or list it). The result
//! list itself, in a browser, is tested in tests/publish.rs.

mod common;

use std::collections::BTreeMap;
use std::io::Read;

use common::*;
use serde_json::Value;

/// Every page of the index: its URL (relative to the site) and its fragment (url, content,
/// meta, filters, anchors).
fn fragments() -> BTreeMap<String, Value> {
    fragments_in(sample_site())
}

/// The fragments of the index of the site built into `site`.
fn fragments_in(site: &std::path::Path) -> BTreeMap<String, Value> {
    let dir = site.join("pagefind/fragment");
    let mut pages = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let mut text = String::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut text)
            .unwrap();
        let json = text
            .strip_prefix("pagefind_dcd")
            .expect("a Pagefind fragment");
        let fragment: Value = serde_json::from_str(json).unwrap();
        let url = fragment["url"]
            .as_str()
            .unwrap()
            .trim_start_matches('/')
            .to_owned();
        pages.insert(url, fragment);
    }
    pages
}

#[test]
fn every_result_knows_its_kind_and_articles_their_source_and_date() {
    let pages = fragments();
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for (url, page) in &pages {
        let kind = page["meta"]["kind"]
            .as_str()
            .unwrap_or_else(|| panic!("{url} has no kind"));
        assert_eq!(page["filters"]["kind"][0], kind, "{url}: kind is a filter");
        *kinds.entry(kind.to_owned()).or_default() += 1;
        let expected = match url.split('/').next().unwrap() {
            "articles" => "Article",
            "actors" => "Actor",
            "events" => "Event",
            "compare" => "Comparison",
            "sources" => "Source",
            other => panic!("{url}: a page of {other}/ is indexed"),
        };
        assert_eq!(kind, expected, "{url}");
    }
    for kind in ["Article", "Actor", "Event", "Comparison", "Source"] {
        assert!(kinds.get(kind).is_some_and(|n| *n > 0), "{kinds:?}");
    }
    let reuters = &pages["articles/reuters-talks-fail/"];
    assert_eq!(reuters["meta"]["source"], "Reuters");
    assert_eq!(reuters["meta"]["date"], "14 March 2014");
    assert_eq!(reuters["filters"]["outlet"][0], "Reuters");
    let lavrov = &pages["actors/sergei-lavrov/"];
    assert_eq!(lavrov["meta"]["role"], "Russian Foreign Minister");
    assert_eq!(
        pages["compare/london-talks/"]["meta"]["date"],
        "14 March 2014"
    );
    assert_eq!(pages["sources/reuters/"]["filters"]["outlet"][0], "Reuters");
}

/// The text of each paragraph of an article's page, whitespace collapsed.
fn paragraphs_of(article: &str) -> Vec<String> {
    let html = read_html(&sample_site().join(format!("articles/{article}/index.html")));
    texts_of(&html, "div.body > p[id^=p]")
}

#[test]
fn an_article_s_text_is_indexed_on_its_own_page_only() {
    let pages = fragments();
    let articles: Vec<&str> = pages
        .keys()
        .filter_map(|url| url.strip_prefix("articles/"))
        .map(|slug| slug.trim_end_matches('/'))
        .collect();
    assert_eq!(articles.len(), 5, "{articles:?}");
    for slug in articles {
        let own = pages[&format!("articles/{slug}/")]["content"]
            .as_str()
            .unwrap();
        let paragraphs = paragraphs_of(slug);
        assert!(paragraphs.len() > 3, "{slug}: {paragraphs:?}");
        for paragraph in &paragraphs {
            assert!(
                own.contains(paragraph.as_str()),
                "{slug}: {paragraph:?} not in {own}"
            );
            // Long enough not to be a phrase that an event's description could share.
            if paragraph.split_whitespace().count() < 8 {
                continue;
            }
            for (url, page) in &pages {
                if url.starts_with("articles/") {
                    continue;
                }
                let content = page["content"].as_str().unwrap();
                assert!(
                    !content.contains(paragraph.as_str()),
                    "{url} repeats a paragraph of {slug}: {paragraph:?}"
                );
            }
        }
    }
}

#[test]
fn the_other_pages_hold_their_own_words_only() {
    let pages = fragments();
    let content = |url: &str| pages[url]["content"].as_str().unwrap().to_owned();
    // An actor: name, aliases, role, profile; not the quotes from the articles.
    let lavrov = content("actors/sergei-lavrov/");
    assert!(
        lavrov.starts_with("Sergei Lavrov. Sergey Lavrov, Lavrov, Mr Lavrov. Russian Foreign Minister. Sergei Lavrov has been Foreign Minister of Russia since 2004."),
        "{lavrov}"
    );
    assert!(!lavrov.contains("no common vision"), "{lavrov}");
    // An event: title, place, description and the analyst's notes; not its claims table,
    // whose cells are what the articles report, nor the list of its reports.
    let title = "Kerry and Lavrov hold talks on Ukraine in London.";
    let description = "U.S. Secretary of State John Kerry and Russian Foreign Minister Sergei Lavrov met in London";
    let event = content("events/london-talks/");
    assert!(
        event.starts_with(&format!(
            "{title} U.S. ambassador's residence, London. {description}"
        )),
        "{event}"
    );
    assert!(
        event.ends_with("only Reuters and Al Jazeera give their length (six hours)."),
        "{event}"
    );
    assert!(!event.contains("no middle ground"), "{event}");
    assert!(!event.contains("fail to reach breakthrough"), "{event}");
    // A comparison: its title only (the description is the event's, indexed there).
    assert_eq!(content("compare/london-talks/"), title);
    // A source: its name and description, not the list of its articles.
    let reuters = content("sources/reuters/");
    assert!(
        reuters.starts_with("Reuters. Reuters is an international news agency"),
        "{reuters}"
    );
    assert!(!reuters.contains("Kerry"), "{reuters}");
}

#[test]
fn an_article_s_byline_and_a_text_that_names_pagefind_s_markers_are_searched_as_written() {
    let f = Fixture::new();
    f.write(
        "content/articles/marker-notes.md",
        "---\ntitle: Notes on an indexer\nsource: wire\npublished: 2024-05-03\nbyline: Imogen Farrowdale\n---\n\n\
         The manual says ___PAGEFIND_WEIGHT___0 must never appear in text. The quarry \
         cooperative met in Tollbridge on Friday.\n",
    );
    f.build().ok();
    let pages = fragments_in(&f.path("public"));
    let content = pages["articles/marker-notes/"]["content"].as_str().unwrap();
    assert!(content.contains("Imogen Farrowdale"), "{content}");
    // The marker is text, not an instruction: the words after it are indexed with the rest.
    let plain = content.replace('\u{200B}', "");
    assert!(
        plain.contains("says ___PAGEFIND_WEIGHT___0 must never appear"),
        "{content}"
    );
    assert!(
        plain.contains("cooperative met in Tollbridge on Friday."),
        "{content}"
    );
}
