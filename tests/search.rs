//! The search index on the sample dossier, read back from the files Pagefind writes: which
//! pages it holds, what each result will show (kind, source, date), the filters, table cells
//! read as separate words, and comparison pages weighted below the articles they quote. The
//! result list itself, in a browser, is tested in tests/publish.rs.

mod common;

use std::collections::BTreeMap;
use std::io::Read;

use common::*;
use serde_json::Value;

/// Every page of the index: its URL (relative to the site) and its fragment (url, content,
/// meta, filters, anchors).
fn fragments() -> BTreeMap<String, Value> {
    let dir = sample_site().join("pagefind/fragment");
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

#[test]
fn table_cells_are_indexed_as_separate_words() {
    let pages = fragments();
    for url in ["events/london-talks/", "compare/london-talks/"] {
        let content = pages[url]["content"].as_str().unwrap();
        assert!(
            content.contains("Claim Trend News Agency Reuters Al Jazeera Associated Press"),
            "{url}: {content}"
        );
        assert!(!content.contains("AgencyReuters"), "{url}");
    }
}

#[test]
fn a_comparison_weighs_the_text_it_quotes_below_the_articles() {
    let html = read_html(&sample_site().join("compare/london-talks/index.html"));
    // Every section weighs less than the article text it quotes; the title keeps its weight.
    let sections = html.select(&sel("main section")).count();
    let weights = attrs_of(
        &html,
        "main section[data-pagefind-weight]",
        "data-pagefind-weight",
    );
    assert_eq!(weights.len(), sections, "{weights:?}");
    for w in weights {
        assert!(w.parse::<f64>().unwrap() < 1.0, "{w}");
    }
    assert!(html
        .select(&sel("h1[data-pagefind-weight]"))
        .next()
        .is_none());
    let article = read_html(&sample_site().join("articles/reuters-talks-fail/index.html"));
    assert!(article
        .select(&sel("[data-pagefind-weight]"))
        .next()
        .is_none());
}

#[test]
fn lists_of_articles_on_event_and_source_pages_weigh_less_than_the_articles() {
    for (page, css) in [
        (
            "events/london-talks/index.html",
            "section[aria-labelledby=reports-h]",
        ),
        (
            "sources/reuters/index.html",
            "section[aria-labelledby=articles-h]",
        ),
    ] {
        let html = read_html(&sample_site().join(page));
        let weight = attrs_of(&html, css, "data-pagefind-weight");
        assert!(
            weight.len() == 1 && weight[0].parse::<f64>().unwrap() < 1.0,
            "{page}: {weight:?}"
        );
    }
}
