//! The repository's sample dossier, built for real and read back from the HTML.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::*;

/// The sample dossier built once into a temporary folder shared by these tests.
fn built() -> &'static Path {
    sample_site()
}

/// Front matter of every sample article, read independently of dossier's loader.
fn articles() -> BTreeMap<String, (serde_yaml::Mapping, String)> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(repo().join("content/articles")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let rest = text.strip_prefix("---\n").unwrap();
        let (yaml, body) = rest.split_once("\n---\n").unwrap();
        let slug = path.file_stem().unwrap().to_string_lossy().into_owned();
        out.insert(slug, (serde_yaml::from_str(yaml).unwrap(), body.to_owned()));
    }
    out
}

fn get<'a>(map: &'a serde_yaml::Mapping, key: &str) -> Option<&'a str> {
    map.get(key).and_then(|v| v.as_str())
}

/// Straight and curly quotes, dashes and ellipses compared alike, whitespace collapsed.
fn plain(text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| match c {
            '‘' | '’' => '\'',
            '“' | '”' => '"',
            '–' | '—' => '-',
            c => c,
        })
        .collect();
    collapse(&text.replace('…', "...").replace("--", "-"))
}

#[test]
fn five_articles_show_title_source_publisher_and_date_of_their_front_matter() {
    let articles = articles();
    assert_eq!(articles.len(), 5);
    for (slug, (front, _)) in &articles {
        let html = read_html(&built().join(format!("articles/{slug}/index.html")));
        assert_eq!(
            text_of(&html, "h1").as_deref(),
            get(front, "title"),
            "{slug}: title"
        );

        let source = get(front, "source").unwrap();
        let badges = attrs_of(&html, ".page-head .meta a.badge", "href");
        assert_eq!(
            badges.first().map(String::as_str),
            Some(format!("../../sources/{source}/").as_str()),
            "{slug}: source"
        );
        match get(front, "publisher") {
            Some(publisher) => {
                assert_eq!(
                    badges.get(1).map(String::as_str),
                    Some(format!("../../sources/{publisher}/").as_str()),
                    "{slug}: publisher"
                );
                assert!(text_of(&html, ".page-head .meta .via")
                    .unwrap()
                    .starts_with("republished by"));
            }
            None => assert_eq!(badges.len(), 1, "{slug}: no publisher"),
        }

        let published = front.get("published").map(|v| match v {
            serde_yaml::Value::String(s) => s.clone(),
            other => serde_yaml::to_string(other).unwrap().trim().to_owned(),
        });
        let datetime = attrs_of(&html, ".page-head .meta time", "datetime");
        assert_eq!(datetime.first(), published.as_ref(), "{slug}: date");
    }
}

#[test]
fn every_paragraph_of_the_markdown_has_its_anchor() {
    for (slug, (_, body)) in articles() {
        let paragraphs: Vec<String> = body
            .split("\n\n")
            .map(str::trim)
            .filter(|block| {
                !block.is_empty()
                    && !block.starts_with("- ")
                    && !block.starts_with('#')
                    && !block.starts_with('>')
            })
            .map(plain)
            .collect();
        let html = read_html(&built().join(format!("articles/{slug}/index.html")));
        let ids = attrs_of(&html, ".body > p[id]", "id");
        let expected: Vec<String> = (1..=paragraphs.len()).map(|n| format!("p{n}")).collect();
        assert_eq!(ids, expected, "{slug}: anchors");
        for (n, paragraph) in paragraphs.iter().enumerate() {
            let shown = text_of(&html, &format!("#p{}", n + 1)).unwrap();
            assert_eq!(plain(&shown), *paragraph, "{slug}: text of #p{}", n + 1);
        }
    }
}

#[test]
fn every_internal_link_and_anchor_resolves() {
    let broken = broken_links(built());
    assert!(broken.is_empty(), "broken links: {broken:#?}");
}

#[test]
fn builds_every_page_kind_of_the_foundation() {
    for page in [
        "index.html",
        "sources/index.html",
        "actors/index.html",
        "404.html",
        "dossier.json",
        "style.css",
    ] {
        assert!(built().join(page).is_file(), "{page} missing");
    }
    for (dir, kind) in [
        ("articles", "articles"),
        ("sources", "sources"),
        ("events", "events"),
        ("actors", "actors"),
    ] {
        for entry in std::fs::read_dir(repo().join("content").join(kind)).unwrap() {
            let slug = entry
                .unwrap()
                .path()
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            assert!(
                built().join(dir).join(&slug).join("index.html").is_file(),
                "{dir}/{slug}/ missing"
            );
        }
    }
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(built().join("dossier.json")).unwrap()).unwrap();
    assert_eq!(json["articles"].as_array().unwrap().len(), 5);
    assert!(json["events"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["slug"] == "london-talks" && e["date"] == "2014-03-14"));
}

#[test]
fn pages_parse_without_errors() {
    for entry in walkdir::WalkDir::new(built())
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.path().extension().is_some_and(|e| e == "html") {
            let html = read_html(entry.path());
            assert!(
                html.errors.is_empty(),
                "{}: {:?}",
                entry.path().display(),
                html.errors
            );
            assert_eq!(texts_of(&html, "head > title").len(), 1);
        }
    }
}
