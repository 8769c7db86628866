//! Actor pages: mentions, quotes grouped across outlets, links to paragraphs, the index and
//! its network picture.

mod common;

use common::*;

fn sample() -> &'static std::path::Path {
    sample_site()
}

/// Each quote block on an actor page: its text, and the links of its carriers.
fn quotes(page: &str) -> Vec<(String, Vec<String>)> {
    let html = read_html(&sample().join(page));
    html.select(&sel("blockquote.quote"))
        .map(|q| {
            let text = q
                .select(&sel("p"))
                .next()
                .map(|p| collapse(&p.text().collect::<String>()))
                .unwrap_or_default();
            let links = q
                .select(&sel(".quote-sources li > a[href*='articles/']"))
                .filter_map(|a| a.value().attr("href").map(str::to_owned))
                .collect();
            (text, links)
        })
        .collect()
}

#[test]
fn lavrovs_will_of_the_crimean_people_is_one_quote_from_reuters_and_al_jazeera() {
    let found: Vec<_> = quotes("actors/sergei-lavrov/index.html")
        .into_iter()
        .filter(|(_, links)| {
            links.iter().any(|l| l.contains("reuters-talks-fail"))
                && links.iter().any(|l| l.contains("al-jazeera"))
        })
        .collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    let (_, links) = &found[0];
    assert!(
        links.contains(&"../../articles/reuters-talks-fail/#p11".to_owned()),
        "{links:?}"
    );
    assert!(
        links
            .iter()
            .any(|l| l.starts_with("../../articles/al-jazeera-crimea-vote-looms/#p")),
        "{links:?}"
    );
    let all = quotes("actors/sergei-lavrov/index.html");
    let mentioning = all
        .iter()
        .filter(|(t, _)| t.to_lowercase().contains("will of the crimean people"))
        .count();
    assert_eq!(mentioning, 1, "the quote appears once: {all:#?}");
}

#[test]
fn camerons_quote_is_one_quote_carried_by_two_outlets() {
    let found: Vec<_> = quotes("actors/david-cameron/index.html")
        .into_iter()
        .filter(|(t, _)| {
            t.starts_with("We want to see Ukrainians and the Russians talking to each other")
        })
        .collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    let links = &found[0].1;
    assert_eq!(links.len(), 2, "{links:?}");
    assert!(
        links
            .iter()
            .any(|l| l.contains("trend-kerry-seeks-assurances/#p6")),
        "{links:?}"
    );
    assert!(
        links.iter().any(|l| l.contains("ap-no-common-vision/#p10")),
        "{links:?}"
    );
}

#[test]
fn every_carrier_link_lands_on_a_paragraph_holding_the_quote() {
    for entry in std::fs::read_dir(sample().join("actors")).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let html = read_html(&dir.join("index.html"));
        for li in html.select(&sel(".quote-sources li")) {
            let href = li
                .select(&sel("a[href*='#p']"))
                .next()
                .and_then(|a| a.value().attr("href"))
                .unwrap();
            let (page, anchor) = href.split_once('#').unwrap();
            let target = read_html(&dir.join(page).join("index.html"));
            assert!(
                text_of(&target, &format!("#{anchor}")).is_some(),
                "{href} from {}",
                dir.display()
            );
        }
    }
}

#[test]
fn actor_pages_count_mentions_by_source_and_link_events_in_date_order() {
    let html = read_html(&sample().join("actors/john-kerry/index.html"));
    assert_eq!(text_of(&html, "h1").unwrap(), "John Kerry");
    let sources = texts_of(&html, "#articles-h ~ h3 .badge");
    assert_eq!(
        sources.len(),
        5,
        "all five outlets mention Kerry: {sources:?}"
    );
    let dates = attrs_of(&html, ".event-list time", "datetime");
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
}

#[test]
fn the_index_groups_by_kind_and_draws_the_network() {
    let html = read_html(&sample().join("actors/index.html"));
    let groups = texts_of(&html, ".actor-group h2");
    assert_eq!(groups, ["People", "Organisations", "States"]);
    let nodes = attrs_of(&html, "svg.network a", "href");
    assert!(nodes.len() >= 20, "{nodes:?}");
    for href in nodes {
        assert!(
            sample()
                .join("actors")
                .join(&href)
                .join("index.html")
                .is_file(),
            "{href}"
        );
    }
    // Sorted by mentions within a kind.
    let counts: Vec<usize> = html
        .select(&sel(".actor-group:first-of-type tbody tr td:nth-child(3)"))
        .map(|td| td.text().collect::<String>().trim().parse().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
}

#[test]
fn mentions_are_whole_words_case_sensitive_and_longest_first() {
    let f = Fixture::new();
    f.write(
        "content/actors/john-kerry.md",
        "---\nname: John Kerry\naliases: [Kerry]\nkind: person\n---\n",
    );
    f.write(
        "content/articles/wire-summit.md",
        "---\ntitle: T\nsource: wire\npublished: 2024-05-02\n---\n\nThe Kerryman met John Kerry. Kerry's aide and kerry fans waited for Jane Doe and Doe.\n",
    );
    f.build().ok();
    let html = f.page("articles/wire-summit/index.html");
    let linked = texts_of(&html, "#p1 a.actor-link");
    assert_eq!(
        linked,
        ["John Kerry", "Jane Doe"],
        "first mention per paragraph is linked"
    );
    let counts = texts_of(&html, ".actor-counts li");
    assert!(
        counts.contains(&"John Kerry 2 mentions".to_owned()),
        "{counts:?}"
    );
    assert!(
        counts.contains(&"Jane Doe 2 mentions".to_owned()),
        "{counts:?}"
    );
}

#[test]
fn link_policy_all_links_every_mention() {
    let f = Fixture::new();
    f.write("site.toml", "title = \"T\"\n[links]\nactors = \"all\"\n");
    f.write("content/articles/wire-summit.md", "---\ntitle: T\nsource: wire\npublished: 2024-05-02\n---\n\nDoe and Doe.\n\n# Doe heading\n\n`Doe` in code and [Doe](https://e.org) in a link.\n");
    f.build().ok();
    let html = f.page("articles/wire-summit/index.html");
    assert_eq!(texts_of(&html, "#p1 a.actor-link"), ["Doe", "Doe"]);
    assert!(
        html.select(&sel("h1 a.actor-link, h2 a.actor-link, code a, #p2 a a"))
            .next()
            .is_none(),
        "no links in headings, code or links"
    );
    assert_eq!(attrs_of(&html, "#p2 a", "href"), ["https://e.org"]);
}

#[test]
fn a_shared_alias_is_a_check_warning_naming_both_files() {
    let f = Fixture::new();
    f.write(
        "content/actors/john-roe.md",
        "---\nname: John Roe\naliases: [Doe]\nkind: person\n---\n",
    );
    let run = f.run(&["check"]).ok();
    let stderr = run.stderr();
    assert!(
        stderr.contains("warning: the alias `Doe` also names"),
        "{stderr}"
    );
    assert!(
        stderr.contains("content/actors/jane-doe.md")
            && stderr.contains("content/actors/john-roe.md"),
        "{stderr}"
    );
}
