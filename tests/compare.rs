//! Source comparison pages on the sample dossier and on hand-made ones.

mod common;

use common::*;

fn sample() -> &'static std::path::Path {
    sample_site()
}

fn quote_blocks(html: &scraper::Html) -> Vec<(String, Vec<String>)> {
    html.select(&sel("#quotes ~ blockquote.quote, section blockquote.quote"))
        .map(|q| {
            let text = q
                .select(&sel("p"))
                .next()
                .map(|p| collapse(&p.text().collect::<String>()))
                .unwrap_or_default();
            let outlets = q
                .select(&sel(".quote-sources .badge"))
                .map(|b| collapse(&b.text().collect::<String>()))
                .collect();
            (text, outlets)
        })
        .collect()
}

#[test]
fn london_talks_compares_four_outlets_and_their_shared_quotes_and_passage() {
    let html = read_html(&sample().join("compare/london-talks/index.html"));
    let mut outlets = texts_of(
        &html,
        "#side-by-side + .compare-grid > .compare-col > .meta:first-child .badge",
    );
    outlets.sort();
    assert_eq!(
        outlets,
        [
            "Al Jazeera",
            "Associated Press",
            "Reuters",
            "Trend News Agency"
        ]
    );

    let quotes = quote_blocks(&html);
    let cameron = quotes
        .iter()
        .find(|(t, _)| t.starts_with("We want to see Ukrainians"))
        .expect("Cameron quote shared");
    let mut carriers = cameron.1.clone();
    carriers.sort();
    assert_eq!(carriers, ["Associated Press", "Trend News Agency"]);
    let lavrov = quotes
        .iter()
        .find(|(t, _)| t.to_lowercase().contains("will of the crimean people"))
        .expect("Lavrov quote shared");
    assert!(
        lavrov.1.contains(&"Reuters".to_owned()) && lavrov.1.contains(&"Al Jazeera".to_owned()),
        "{lavrov:?}"
    );

    let passages: Vec<scraper::ElementRef> = html.select(&sel(".passage")).collect();
    let cameron_passage = passages
        .iter()
        .find(|p| {
            p.select(&sel("mark")).any(|m| {
                m.text()
                    .collect::<String>()
                    .contains("talking to each other")
            })
        })
        .expect("Cameron passage");
    let sides: Vec<String> = cameron_passage
        .select(&sel(".passage-side"))
        .map(|s| {
            collapse(
                &s.select(&sel("mark"))
                    .flat_map(|m| m.text())
                    .collect::<String>(),
            )
        })
        .collect();
    assert_eq!(sides.len(), 2);
    assert!(
        sides.iter().all(|s| s.contains("talking to each other")),
        "{sides:?}"
    );
    let links = cameron_passage
        .select(&sel(".passage-side a[href*='#p']"))
        .count();
    assert_eq!(links, 2);
}

#[test]
fn event_and_article_pages_link_to_their_comparisons() {
    let event = read_html(&sample().join("events/london-talks/index.html"));
    assert_eq!(
        attrs_of(&event, ".compare-link a", "href"),
        ["../../compare/london-talks/"]
    );
    let article = read_html(&sample().join("articles/reuters-talks-fail/index.html"));
    assert!(attrs_of(&article, ".compare-links a", "href")
        .contains(&"../../compare/london-talks/".to_owned()));
    let index = read_html(&sample().join("compare/index.html"));
    assert!(attrs_of(&index, "table a", "href").contains(&"../compare/london-talks/".to_owned()));
}

const ORIGINAL: [&str; 5] = [
    "The minister arrived in the capital late on Thursday for a round of talks that officials described as the last chance for a settlement of the river dispute.",
    "Negotiators from both sides worked through the night on a draft text that would divide the water of the river according to a formula agreed in principle last year.",
    "The draft would also create a joint commission to monitor the flow of the river at three stations along the border and report every month to both governments.",
    "Farmers downstream have complained for years that dams upstream leave their fields dry during the summer months when the river is at its lowest level.",
    "A spokesman for the ministry declined to say whether the minister would stay for a second day if the talks made progress on the main points.",
];

fn article(slug: &str, source: &str, paragraphs: &[&str]) -> String {
    format!("---\ntitle: \"{slug}\"\nsource: {source}\npublished: 2024-05-02\nevents: [summit]\n---\n\n{}\n", paragraphs.join("\n\n"))
}

/// The test dossier with a second outlet, The Daily (a newspaper), beside The Wire.
fn with_daily() -> Fixture {
    let f = Fixture::new();
    f.write(
        "content/sources/daily.md",
        "---\nname: The Daily\nkind: newspaper\n---\n",
    );
    f
}

#[test]
fn three_copied_paragraphs_with_small_edits_are_shared_with_the_right_share() {
    let f = with_daily();
    f.write(
        "content/articles/wire-summit.md",
        &article("wire-summit", "wire", &ORIGINAL),
    );
    let copy: Vec<String> = vec![
        "Our own reporter adds a different opening paragraph here about the weather and the mood in town before the meeting.".to_owned(),
        ORIGINAL[1].replace("worked through", "worked all through"),
        ORIGINAL[2].replace("three stations", "3 stations"),
        ORIGINAL[3].replace("Farmers downstream", "Farmers living downstream"),
    ];
    let copy: Vec<&str> = copy.iter().map(String::as_str).collect();
    f.write(
        "content/articles/daily-summit.md",
        &article("daily-summit", "daily", &copy),
    );
    // The Daily's text is mostly the wire's: one story, one source. A radio's own report
    // makes the second independent source a comparison page needs.
    f.write(
        "content/sources/radio.md",
        "---\nname: The Radio\nkind: broadcaster\n---\n",
    );
    f.write(
        "content/articles/radio-summit.md",
        &article(
            "radio-summit",
            "radio",
            &["Listeners by the border heard little from the talks all day, and the ferry across the gorge ran empty."],
        ),
    );
    f.build().ok();
    let html = f.page("compare/summit/index.html");
    let passages: Vec<String> = html
        .select(&sel(".passage"))
        .map(|p| collapse(&p.text().collect::<String>()))
        .collect();
    for needle in ["divide the water", "joint commission", "dams upstream"] {
        assert!(
            passages.iter().any(|p| p.contains(needle)),
            "{needle} not shared: {passages:#?}"
        );
    }
    assert!(
        !passages.iter().any(|p| p.contains("weather")),
        "{passages:#?}"
    );
    // Edited paragraphs stand side by side: the edits show.
    assert!(html.select(&sel(".passage-same")).next().is_none());
    assert!(html.select(&sel(".passage .compare-grid")).next().is_some());
    // Shares: paragraphs 2–4 of the original are 3 of its 5 paragraphs' words, about 3/5.
    let row = html
        .select(&sel(
            "#passages ~ .table-scroll tbody tr, .table-scroll tbody tr",
        ))
        .find(|r| r.text().any(|t| t.contains('%')))
        .expect("share row");
    let cells: Vec<String> = row
        .select(&sel("td.num"))
        .map(|c| collapse(&c.text().collect::<String>()))
        .collect();
    let shares: Vec<u32> = cells[..2]
        .iter()
        .map(|c| c.trim_end_matches('%').parse().unwrap())
        .collect();
    let words = |p: &[&str]| {
        p.iter()
            .map(|s| s.split_whitespace().count())
            .sum::<usize>() as f64
    };
    let expected_original = (100.0 * words(&ORIGINAL[1..4]) / words(&ORIGINAL)).round() as i64;
    let expected_copy = (100.0 * words(&ORIGINAL[1..4]) / words(&copy)).round() as i64;
    let mut found = shares.iter().map(|s| *s as i64).collect::<Vec<_>>();
    found.sort();
    let mut expected = vec![expected_original, expected_copy];
    expected.sort();
    for (f, e) in found.iter().zip(&expected) {
        assert!(
            (f - e).abs() <= 3,
            "shares {found:?}, expected about {expected:?}"
        );
    }
}

#[test]
fn unrelated_articles_share_no_passage() {
    let f = with_daily();
    f.write(
        "content/articles/wire-summit.md",
        &article("wire-summit", "wire", &ORIGINAL),
    );
    f.write(
        "content/articles/daily-summit.md",
        &article("daily-summit", "daily", &["Markets in the region rose on hopes of a deal, with shares of water utilities leading gains in early trading.", "Analysts said a settlement would unlock investment in irrigation that has been frozen since the dispute began."]),
    );
    f.build().ok();
    let html = f.page("compare/summit/index.html");
    assert!(html.select(&sel(".passage")).next().is_none());
    assert_eq!(
        text_of(&html, "#passages ~ p.empty").as_deref(),
        Some("These articles share no passage of eight words or more.")
    );
}

#[test]
fn a_claim_where_one_of_three_outlets_disagrees_marks_exactly_that_cell() {
    let f = Fixture::new();
    for source in ["daily", "radio"] {
        f.write(
            &format!("content/sources/{source}.md"),
            &format!("---\nname: {source}\n---\n"),
        );
        f.write(
            &format!("content/articles/{source}-summit.md"),
            &article(
                &format!("{source}-summit"),
                source,
                &["Text of the article."],
            ),
        );
    }
    f.write(
        "content/events/summit.md",
        "---\ntitle: The summit\ndate: 2024-05-02\nsources: [wire-summit]\nclaims:\n  - about: Length of the talks\n    reports:\n      wire-summit: six hours\n      daily-summit: \"Six  hours\"\n      radio-summit: nine hours\n---\n",
    );
    f.build().ok();
    let html = f.page("compare/summit/index.html");
    let headers = texts_of(&html, "table.claims thead th");
    let marked: Vec<String> = html
        .select(&sel("table.claims tbody td"))
        .enumerate()
        .filter(|(_, td)| td.value().classes().any(|c| c == "disagrees"))
        .map(|(i, _)| headers[i + 1].clone())
        .collect();
    assert_eq!(marked, ["radio"]);
    // "several hours" against "six hours" is vague against exact, not a disagreement.
    f.write(
        "content/events/summit.md",
        "---\ntitle: The summit\ndate: 2024-05-02\nsources: [wire-summit]\nclaims:\n  - about: Length of the talks\n    reports:\n      wire-summit: six hours\n      radio-summit: several hours\n---\n",
    );
    f.build().ok();
    let html = f.page("compare/summit/index.html");
    assert!(html
        .select(&sel("table.claims td.disagrees"))
        .next()
        .is_none());
}

#[test]
fn a_comparison_opens_with_its_summary_and_folds_its_long_sections_with_their_counts() {
    let html = read_html(&sample().join("compare/london-talks/index.html"));
    let first = html
        .select(&sel("main > section"))
        .next()
        .expect("a section");
    assert_eq!(first.value().attr("class"), Some("compare-summary"));
    let summary_of = |id: &str| {
        let fold = html
            .select(&sel(&format!("details.fold#{id}")))
            .next()
            .unwrap_or_else(|| panic!("a fold #{id}"));
        assert!(fold.value().attr("open").is_none(), "#{id} starts closed");
        collapse(
            &fold
                .select(&sel("summary"))
                .next()
                .unwrap()
                .text()
                .collect::<String>(),
        )
    };
    let passages = html.select(&sel("#passages-fold .passage")).count();
    let pairs = html
        .select(&sel("#passages-fold .table-scroll tbody tr"))
        .count();
    assert!(passages > 0);
    let s = if passages == 1 { "" } else { "s" };
    let pair_s = if pairs == 1 { "" } else { "s" };
    assert_eq!(
        summary_of("passages-fold"),
        format!("{passages} shared passage{s} between {pairs} pair{pair_s} of articles")
    );
    let actors = html.select(&sel("table.coverage tbody tr")).count();
    let outlets = html.select(&sel("table.coverage thead th")).count() - 1;
    assert_eq!(
        summary_of("coverage-fold"),
        format!("{actors} actors in {outlets} outlets' reporting")
    );
    // Quotes only one outlet carries: each outlet with its count, in the summary line.
    let unique = summary_of("unique-quotes");
    let mut outlets_seen = 0;
    for heading in html.select(&sel("#unique-quotes h3")) {
        let outlet = collapse(&heading.text().collect::<String>())
            .trim_start_matches("Only in ")
            .to_owned();
        let list = heading
            .next_siblings()
            .find_map(scraper::ElementRef::wrap)
            .unwrap();
        let count = list.select(&sel("li")).count();
        assert!(
            unique.contains(&format!("{outlet} {count}")),
            "{unique} names {outlet} {count}"
        );
        outlets_seen += 1;
    }
    assert!(outlets_seen >= 2, "{unique}");
}

#[test]
fn a_built_comparison_lists_the_figures_two_outlets_state_differently_with_their_paragraphs() {
    // A build lets go of each article's figures once the events' facts are found: the
    // differences keep the words and paragraphs they show.
    let f = with_daily();
    f.write(
        "content/articles/wire-summit.md",
        &article(
            "wire-summit",
            "wire",
            &[
                "About 3,000 farmers marched outside the hall in Varnholm as the talks began.",
                "Delegates from the river states met on Thursday.",
            ],
        ),
    );
    f.write(
        "content/articles/daily-summit.md",
        &article(
            "daily-summit",
            "daily",
            &["Some 12,000 farmers marched outside the hall in Varnholm, organisers said."],
        ),
    );
    f.build().ok();
    let html = f.page("compare/summit/index.html");
    assert_eq!(
        texts_of(&html, "ul.differences > li > strong"),
        ["farmer (detected figure)"]
    );
    let stated: Vec<(String, String)> = html
        .select(&sel("ul.differences li li a[href*='#p']"))
        .map(|a| {
            (
                a.value().attr("href").unwrap().to_owned(),
                collapse(&a.text().collect::<String>()),
            )
        })
        .collect();
    assert_eq!(
        stated,
        [
            (
                "../../articles/wire-summit/#p1".to_owned(),
                "“About 3,000 farmers”".to_owned()
            ),
            (
                "../../articles/daily-summit/#p1".to_owned(),
                "“Some 12,000 farmers”".to_owned()
            ),
        ]
    );
}

/// A crowd put at "more than 10,000" and at "about 4,000": the figures' readings may meet
/// (a round 10,000 may stand for 9,500), so nothing is flagged, and the page's summary says
/// only that no claim *surely* differs, not that none is disputed.
#[test]
fn a_comparison_without_a_sure_difference_does_not_say_nothing_is_disputed() {
    let f = Fixture::new();
    f.write(
        "content/sources/daily.md",
        "---\nname: The Daily\nkind: newspaper\n---\n",
    );
    f.write(
        "content/articles/daily-summit.md",
        "---\ntitle: \"Crowds at the summit\"\nsource: daily\npublished: 2024-05-02\nevents: [summit]\n---\n\nA crowd gathered as Jane Doe arrived.\n",
    );
    f.write(
        "content/events/summit.md",
        "---\ntitle: The summit\ndate: 2024-05-02\nactors: [jane-doe]\nsources: [\"wire-summit#p1\"]\nclaims:\n  - about: Size of the crowd\n    reports:\n      wire-summit: \"more than 10,000\"\n      daily-summit: \"about 4,000\"\n---\nA summit.\n",
    );
    f.build().ok();
    let page = f.page("compare/summit/index.html");
    let summary = texts_of(&page, "li")
        .into_iter()
        .map(|t| collapse(&t))
        .find(|t| {
            t.starts_with("Claims:") || t.starts_with("Disputed") || t.starts_with("No claim")
        })
        .expect("a summary line about claims");
    assert!(
        summary.starts_with("Claims: none surely differs between these articles"),
        "{summary}"
    );
}

#[test]
fn a_claim_value_for_an_article_that_does_not_report_the_event_is_a_warning_at_its_line() {
    // An invented quay collapse: the event's claim gives a value for an article that reports
    // another event, so the comparison cannot show it; `check` says so where it is written.
    let f = Fixture::new();
    f.write(
        "content/articles/wire-gala.md",
        "---\ntitle: \"A gala in Ruritania\"\nsource: wire\npublished: 2024-05-03\n---\n\nJane Doe opened a gala.\n",
    );
    f.write(
        "content/events/summit.md",
        "---\ntitle: The summit\ndate: 2024-05-02\nsources: [\"wire-summit#p1\"]\nclaims:\n  - about: Delegations present\n    reports:\n      wire-summit: twelve\n      wire-gala: eleven\n---\nA summit.\n",
    );
    let run = f.run(&["check"]);
    let stderr = run.stderr();
    let line = stderr
        .lines()
        .find(|l| l.contains("does not report this event"))
        .unwrap_or_else(|| panic!("{stderr}"));
    assert!(
        line.starts_with("content/events/summit.md:9:7: warning: the claim “Delegations present” gives a value for `wire-gala`"),
        "{line}"
    );
    assert!(
        stderr.contains("hint: add `summit` to the `events:` of content/articles/wire-gala.md"),
        "{stderr}"
    );
    // The article that reports it gives no warning.
    assert_eq!(stderr.matches("does not report").count(), 1, "{stderr}");
}

/// An invented granary collapse at Tessmoor: a wire story and two republished copies of it,
/// three other outlets the same day and two more the days after, each with its death toll.
fn granary_collapse() -> Fixture {
    let f = Fixture::new();
    let story = [
        "Part of the old granary at Tessmoor collapsed early on Thursday while a night crew was moving grain between the silos, the district emergency office said.",
        "Rescuers with dogs searched the rubble through the morning, and the district governor asked farmers to keep away from the site until engineers had checked the remaining walls.",
        "The granary, built in the 1950s, had been due for repairs since an inspection last spring found cracks in its eastern wall.",
    ];
    for (slug, name) in [
        ("daily", "The Daily"),
        ("radio", "Radio Tessmoor"),
        ("herald", "The Herald"),
        ("post", "The Post"),
        ("courier", "The Courier"),
        ("gazette", "Gazette Online"),
        ("lamp", "The Lamp"),
    ] {
        f.write(
            &format!("content/sources/{slug}.md"),
            &format!("---\nname: \"{name}\"\n---\n"),
        );
    }
    let article = |slug: &str, source: &str, publisher: Option<&str>, day: &str, body: &str| {
        f.write(
            &format!("content/articles/{slug}.md"),
            &format!(
                "---\ntitle: \"{slug}\"\nsource: {source}\n{}published: {day}\nevents: [granary]\n---\n\n{body}\n",
                publisher.map_or(String::new(), |p| format!("publisher: {p}\n"))
            ),
        );
    };
    let wire = story.join("\n\n");
    article("wire-granary", "wire", None, "2024-05-02", &wire);
    article(
        "gazette-granary",
        "wire",
        Some("gazette"),
        "2024-05-02",
        &wire,
    );
    article("lamp-granary", "wire", Some("lamp"), "2024-05-02", &wire);
    for (slug, source, day) in [
        ("daily-granary", "daily", "2024-05-02"),
        ("radio-granary", "radio", "2024-05-02"),
        ("herald-granary", "herald", "2024-05-02"),
        ("post-granary", "post", "2024-05-03"),
        ("courier-granary", "courier", "2024-05-04"),
    ] {
        article(
            slug,
            source,
            None,
            day,
            &format!("The {source} reports on the granary at Tessmoor."),
        );
    }
    f.write(
        "content/events/granary.md",
        "---\ntitle: Granary collapse at Tessmoor\ndate: 2024-05-02\nclaims:\n  - about: Death toll\n    reports:\n      wire-granary: \"12\"\n      gazette-granary: \"12\"\n      lamp-granary: \"12\"\n      daily-granary: \"12 people\"\n      radio-granary: \"at least 12\"\n      herald-granary: \"nine\"\n      post-granary: \"14\"\n      courier-granary: \"fourteen\"\n---\nA granary collapsed.\n",
    );
    f
}

/// Only the value that another story of its day contradicts is marked "differs"; the copies
/// of the wire story are one voice and listed once on the front page; "at least 12" agrees
/// with 12 and 14; the tolls of the next days are not disagreements, and the first to give
/// 14 is a later report.
#[test]
fn a_claim_marks_only_what_its_own_day_contradicts_and_counts_a_story_once() {
    let f = granary_collapse();
    f.build().ok();
    let html = f.page("compare/granary/index.html");
    let headers = texts_of(&html, "table.claims thead th");
    let cells: Vec<(String, String)> = html
        .select(&sel("table.claims tbody td"))
        .enumerate()
        .map(|(i, td)| {
            let mark = if td.value().classes().any(|c| c == "disagrees") {
                "differs"
            } else if td.select(&sel(".flag.later")).next().is_some() {
                "later"
            } else {
                ""
            };
            (headers[i + 1].clone(), mark.to_owned())
        })
        .filter(|(_, mark)| !mark.is_empty())
        .collect();
    assert_eq!(
        cells,
        [
            ("The Herald".to_owned(), "differs".to_owned()),
            ("The Post".to_owned(), "later".to_owned()),
        ]
    );

    let data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(f.path("public/dossier.json")).unwrap())
            .unwrap();
    let claim = &data["analysis"]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["event"] == "granary")
        .unwrap()["claims"][0];
    let flagged = |field: &str| -> Vec<String> {
        claim["cells"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c[field] == true)
            .map(|c| c["article"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(flagged("disagrees"), ["herald-granary"]);
    // The Courier repeats the Post's new toll: no new figure of its own.
    assert_eq!(flagged("later"), ["post-granary"]);

    // The front page lists the dispute, the wire story once, with its copies counted.
    let front = f.page("index.html");
    let point = front
        .select(&sel(".disputed-list > li"))
        .find(|li| li.text().collect::<String>().contains("Death toll"))
        .expect("the death toll is a disputed point");
    let mut outlets: Vec<String> = point
        .select(&sel(".stated li"))
        .map(|li| collapse(&li.text().collect::<String>()))
        .collect();
    outlets.sort();
    assert_eq!(
        outlets,
        [
            "Radio Tessmoor at least 12",
            "The Courier fourteen",
            "The Daily 12 people",
            "The Herald nine",
            "The Post 14 (a later report)",
            "The Wire (and 2 copies) 12",
        ]
    );
    let marked: Vec<String> = point
        .select(&sel(".stated li.disagrees a"))
        .map(|a| collapse(&a.text().collect::<String>()))
        .filter(|t| !t.is_empty())
        .collect();
    assert!(marked.ends_with(&["nine".to_owned()]), "{marked:?}");
    assert_eq!(point.select(&sel(".stated li.disagrees")).count(), 1);
}

/// Two copies of one wire story share what each shares with the wire: with the wire on the
/// page, each copy is set against it alone, and the copies' common text is not shown again.
#[test]
fn copies_of_a_story_are_set_against_their_original_not_against_each_other() {
    let f = granary_collapse();
    f.build().ok();
    let html = f.page("compare/granary/index.html");
    let pairs: Vec<Vec<String>> = html
        .select(&sel("#passages-fold .table-scroll tbody tr"))
        .map(|row| {
            let mut links: Vec<String> = row
                .select(&sel("td > a[href*='articles/']"))
                .map(|a| collapse(&a.text().collect::<String>()))
                .collect();
            links.sort();
            links
        })
        .collect();
    assert_eq!(
        pairs,
        [
            ["gazette-granary", "wire-granary"],
            ["lamp-granary", "wire-granary"]
        ],
        "{pairs:?}"
    );
    for passage in html.select(&sel("#passages-fold .passage")) {
        let sides: Vec<&str> = passage
            .select(&sel(".passage-side a[href*='articles/']"))
            .map(|a| a.value().attr("href").unwrap())
            .collect();
        assert_eq!(sides.len(), 2, "{sides:?}");
        assert!(
            sides.iter().any(|href| href.contains("wire-granary")),
            "no passage sets one copy against the other: {sides:?}"
        );
    }
    // A copy's paragraphs read word for word as the wire's: the page gives them once.
    let passages: Vec<_> = html.select(&sel("#passages-fold .passage")).collect();
    assert!(!passages.is_empty());
    for passage in &passages {
        let same = passage
            .select(&sel(".passage-same"))
            .next()
            .expect("a passage the same in both articles");
        assert_eq!(same.select(&sel(".passage-side")).count(), 2);
        assert!(passage.select(&sel(".compare-grid")).next().is_none());
    }
    // Once per pair: the gazette's and the lamp's.
    let rescuers = html
        .select(&sel("#passages-fold .passage-same > p:not(.meta)"))
        .filter(|p| p.text().any(|t| t.contains("Rescuers with dogs")))
        .count();
    assert_eq!(rescuers, 2);
}
