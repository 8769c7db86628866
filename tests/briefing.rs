//! The front page as a briefing and coverage by outlet group (issue 16): the analyst's
//! summary, disputed points, the coverage matrix (events × outlets, grouped, each mark linked
//! to its paragraph), latest events apart from those ahead, `/coverage/` with its blindspots,
//! and the groups of `[groups]`. The dossier is invented: talks in the port of an invented
//! country reported by two wires (one republished by a newspaper), a state broadcaster and an
//! independent paper; a strike only the wires reported; an election set for June.

mod common;

use common::*;

const MERIDIAN: &str = "Delegations from Valdoria and Estmark met in Port Calder on Tuesday for talks on the disputed fishing grounds, the first in six years.\n\nThe talks lasted six hours and ended without a joint statement, officials said.\n\nDock workers in Port Calder went on strike on Monday over unpaid wages, halting traffic in the harbour.\n";

const COASTLINE: &str = "Estmark's foreign minister arrived in Valdoria on Tuesday as dock workers' pickets blocked the harbour gates.\n\nThe talks on the fishing grounds in Port Calder ended late on Tuesday, a spokesman said.\n\nThe strike by dock workers, which began on Monday, stopped every ship in the port.\n";

const TV: &str = "The talks in Port Calder opened a new chapter between Valdoria and Estmark, the government said on Tuesday.\n\nThe delegations spoke for ten hours, the foreign ministry said.\n\nThe presidential election is set for 1 June, the electoral commission confirmed.\n";

const POST: &str = "Nobody expected much from Tuesday's talks in Port Calder, and nobody got much.\n\nThe June election now hangs over every promise made at the table.\n";

fn dossier() -> Fixture {
    let f = Fixture::empty();
    f.write(
        "site.toml",
        "title = \"The Port Calder talks\"\nbase_url = \"https://example.org/p/\"\nsearch = false\n\n[groups]\nwires = \"Wire agencies\"\nstate-media = { name = \"State media\", description = \"Owned by the state\" }\n",
    );
    for (slug, name, kind, ownership, groups) in [
        (
            "meridian-wire",
            "Meridian Wire",
            "wire",
            "private",
            "[wires]",
        ),
        (
            "coastline-press",
            "Coastline Press",
            "wire",
            "cooperative",
            "[wires]",
        ),
        (
            "valdoria-tv",
            "Valdoria TV",
            "broadcaster",
            "state",
            "[state-media]",
        ),
        (
            "harbour-post",
            "The Harbour Post",
            "newspaper",
            "private",
            "[independent-press]",
        ),
        ("daily-lamp", "The Daily Lamp", "newspaper", "private", "[]"),
    ] {
        f.write(
            &format!("content/sources/{slug}.md"),
            &format!("---\nname: \"{name}\"\nkind: {kind}\nownership: {ownership}\ngroups: {groups}\n---\nAn outlet.\n"),
        );
    }
    f.write(
        "content/events/port-talks.md",
        "---\ntitle: Valdoria and Estmark hold talks in Port Calder\ndate: 2031-03-11\nsources: [\"meridian-talks#p1\", \"lamp-talks#p1\", \"coastline-talks#p2\", \"tv-talks#p1\", \"post-talks\"]\nclaims:\n  - about: Ships held in the harbour\n    reports:\n      meridian-talks: \"12 ships\"\n      tv-talks: \"30 ships\"\n---\nThe talks.\n",
    );
    f.write(
        "content/events/dock-strike.md",
        "---\ntitle: Dock workers strike in Port Calder\ndate: 2031-03-10\nsources: [\"meridian-talks#p3\", \"lamp-talks#p3\", \"coastline-talks#p3\"]\n---\nThe strike.\n",
    );
    f.write(
        "content/events/election.md",
        "---\ntitle: Presidential election\ndate: 2031-06-01\nsources: [\"tv-talks#p3\", \"post-talks#p2\"]\n---\nThe election.\n",
    );
    let article = |slug: &str, source: &str, publisher: Option<&str>, date: &str, body: &str| {
        let publisher = publisher.map_or(String::new(), |p| format!("publisher: {p}\n"));
        f.write(
            &format!("content/articles/{slug}.md"),
            &format!("---\ntitle: \"{slug}\"\nsource: {source}\n{publisher}published: {date}\n---\n\n{body}"),
        );
    };
    article(
        "meridian-talks",
        "meridian-wire",
        None,
        "2031-03-11",
        MERIDIAN,
    );
    article(
        "lamp-talks",
        "meridian-wire",
        Some("daily-lamp"),
        "2031-03-12",
        MERIDIAN,
    );
    article(
        "coastline-talks",
        "coastline-press",
        None,
        "2031-03-11",
        COASTLINE,
    );
    article("tv-talks", "valdoria-tv", None, "2031-03-11", TV);
    article("post-talks", "harbour-post", None, "2031-03-12", POST);
    f
}

#[test]
fn the_coverage_matrix_links_each_outlet_to_its_paragraph_grouped_by_group() {
    let f = dossier();
    f.build().ok();
    let front = f.page("index.html");

    // Column groups in the order of [groups], then the group only a source names.
    assert_eq!(
        texts_of(&front, "table.matrix th.group"),
        ["Wire agencies", "State media", "Independent press"]
    );
    assert_eq!(
        attrs_of(&front, "table.matrix th.group", "colspan"),
        ["2", "1", "1"]
    );
    // Outlets by group, then by name; the republisher is no column (its copy is Meridian's).
    assert_eq!(
        texts_of(&front, "table.matrix th.outlet"),
        [
            "Coastline Press",
            "Meridian Wire",
            "Valdoria TV",
            "The Harbour Post"
        ]
    );
    // Rows in date order; each mark links to the paragraph that reports the event, the
    // article when the event cites it whole.
    let rows: Vec<(String, Vec<String>, String)> = front
        .select(&sel("table.matrix tbody tr"))
        .map(|tr| {
            let event = collapse(
                &tr.select(&sel("th a"))
                    .next()
                    .unwrap()
                    .text()
                    .collect::<String>(),
            );
            let cells = tr
                .select(&sel("td.cell"))
                .map(|td| {
                    td.select(&sel("a"))
                        .next()
                        .and_then(|a| a.value().attr("href"))
                        .unwrap_or("")
                        .to_owned()
                })
                .collect();
            let count = collapse(
                &tr.select(&sel("td.num"))
                    .next()
                    .unwrap()
                    .text()
                    .collect::<String>(),
            );
            (event, cells, count)
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "Dock workers strike in Port Calder".to_owned(),
                vec![
                    "articles/coastline-talks/#p3".to_owned(),
                    "articles/meridian-talks/#p3".to_owned(),
                    String::new(),
                    String::new()
                ],
                "2".to_owned()
            ),
            (
                "Valdoria and Estmark hold talks in Port Calder".to_owned(),
                vec![
                    "articles/coastline-talks/#p2".to_owned(),
                    "articles/meridian-talks/#p1".to_owned(),
                    "articles/tv-talks/#p1".to_owned(),
                    "articles/post-talks/".to_owned()
                ],
                "4".to_owned()
            ),
            (
                "Presidential election".to_owned(),
                vec![
                    String::new(),
                    String::new(),
                    "articles/tv-talks/#p3".to_owned(),
                    "articles/post-talks/#p2".to_owned()
                ],
                "2".to_owned()
            ),
        ]
    );
    assert_eq!(
        texts_of(&front, "table.matrix tbody tr:nth-child(2) td.reported a")[0],
        "¶2 Coastline Press"
    );
    // Nothing is left out of so small a matrix.
    assert!(text_of(&front, ".coverage-matrix p.more").is_none());
}

#[test]
fn blindspots_are_the_events_only_one_group_reported() {
    let f = dossier();
    f.build().ok();
    let front = f.page("index.html");
    assert!(
        attrs_of(&front, ".masthead nav a", "href").contains(&"coverage/".to_owned()),
        "the navigation links /coverage/"
    );
    let page = f.page("coverage/index.html");
    assert_eq!(
        texts_of(&page, ".outlet-groups dt"),
        ["Wire agencies", "State media", "Independent press"]
    );
    let blindspots = texts_of(&page, ".blindspot-list > li");
    assert_eq!(blindspots.len(), 1, "{blindspots:?}");
    assert!(
        blindspots[0].contains("Dock workers strike in Port Calder")
            && blindspots[0].contains("Only Wire agencies: Meridian Wire, Coastline Press")
            && blindspots[0].contains("not State media, Independent press"),
        "{}",
        blindspots[0]
    );
    // Per event, a cell per group: its outlets, each once (the Daily Lamp's copy is Meridian's).
    let strike = page
        .select(&sel("table.coverage-events tbody tr.blindspot"))
        .map(|tr| {
            tr.select(&sel("td"))
                .map(|td| collapse(&td.text().collect::<String>()))
                .collect::<Vec<_>>()
        })
        .collect::<Vec<_>>();
    assert_eq!(
        strike,
        [vec![
            "2 Meridian Wire, Coastline Press".to_owned(),
            String::new(),
            String::new()
        ]]
    );
    let talks = texts_of(&page, "table.coverage-events tbody tr:nth-child(2) td");
    assert_eq!(
        talks,
        [
            "2 Meridian Wire, Coastline Press",
            "1 Valdoria TV",
            "1 The Harbour Post"
        ]
    );
    // The comparison page says it in a line after "In short".
    let compare = f.page("compare/port-talks/index.html");
    let line = text_of(&compare, ".compare-summary .by-group").expect("coverage by group");
    assert!(
        line.starts_with(
            "By outlet group: Wire agencies 2 (Meridian Wire, Coastline Press) · State media 1 (Valdoria TV) · Independent press 1 (The Harbour Post)."
        ),
        "{line}"
    );
}

#[test]
fn scheduled_events_are_ahead_not_latest_and_disputes_come_first() {
    let f = dossier();
    f.write(
        "content/_index.md",
        "The talks ended **without a statement**; the strike goes on.\n",
    );
    f.build().ok();
    let front = f.page("index.html");
    let latest = texts_of(&front, ".latest-events li a");
    assert_eq!(
        latest,
        [
            "Valdoria and Estmark hold talks in Port Calder",
            "Dock workers strike in Port Calder"
        ]
    );
    assert_eq!(
        texts_of(&front, ".ahead-events li a"),
        ["Presidential election"]
    );
    assert!(
        text_of(&front, "section[aria-labelledby=ahead-h] .note")
            .unwrap()
            .contains("12 March 2031"),
        "ahead of the last publication"
    );
    // The summary without front matter: Markdown alone, under "In brief".
    assert_eq!(text_of(&front, ".briefing-summary h2").unwrap(), "In brief");
    assert_eq!(
        text_of(&front, ".briefing-summary strong").unwrap(),
        "without a statement"
    );
    // The claim the wire and the state broadcaster disagree on, linked to the comparison.
    let points = texts_of(&front, ".disputed-list > li > p");
    assert!(
        points[0].starts_with("Ships held in the harbour — Valdoria and Estmark hold talks"),
        "{points:?}"
    );
    assert_eq!(
        attrs_of(&front, ".disputed-list > li > p > a:first-child", "href")[0],
        "compare/port-talks/#claims"
    );
    assert_eq!(
        texts_of(
            &front,
            ".disputed-list > li:first-child .stated li.disagrees"
        ),
        ["Valdoria TV 30 ships", "Meridian Wire 12 ships"]
    );
}

#[test]
fn a_bad_ownership_is_an_error_at_its_line() {
    let f = dossier();
    f.write(
        "content/sources/valdoria-tv.md",
        "---\nname: \"Valdoria TV\"\nkind: broadcaster\nownership: wire\ngroups: [state-media]\n---\nAn outlet.\n",
    );
    f.write(
        "content/sources/harbour-post.md",
        "---\nname: \"The Harbour Post\"\nownership: privat\ngroups: [Independent Press]\n---\nAn outlet.\n",
    );
    let run = f.run(&["check"]);
    assert_eq!(run.code(), Some(1));
    let err = run.stderr();
    assert!(
        err.contains(
            "content/sources/valdoria-tv.md:4:12: error: `wire` is not a valid `ownership`"
        ) && err.contains("`wire` is a kind of outlet: write `kind: wire`"),
        "{err}"
    );
    assert!(
        err.contains(
            "content/sources/harbour-post.md:3:12: error: `privat` is not a valid `ownership`"
        ) && err.contains("did you mean `private`?"),
        "{err}"
    );
    assert!(
        err.contains(
            "content/sources/harbour-post.md:4:10: error: `Independent Press` is not a group slug"
        ),
        "{err}"
    );
}

#[test]
fn without_groups_there_is_no_coverage_page_and_the_matrix_has_no_group_row() {
    let f = dossier();
    for slug in [
        "meridian-wire",
        "coastline-press",
        "valdoria-tv",
        "harbour-post",
        "daily-lamp",
    ] {
        f.write(
            &format!("content/sources/{slug}.md"),
            &format!("---\nname: \"{slug}\"\n---\nAn outlet.\n"),
        );
    }
    f.build().ok();
    assert!(!f.path("public/coverage/index.html").exists());
    let front = f.page("index.html");
    assert!(texts_of(&front, "table.matrix th.group").is_empty());
    assert_eq!(texts_of(&front, "table.matrix th.outlet").len(), 4);
    assert!(!attrs_of(&front, ".masthead nav a", "href").contains(&"coverage/".to_owned()));
    assert!(text_of(&f.page("compare/port-talks/index.html"), ".by-group").is_none());
}

#[test]
fn the_sample_front_page_briefs() {
    let site = sample_site();
    let front = read_html(&site.join("index.html"));
    let summary = text_of(&front, ".briefing-summary").expect("the analyst's summary");
    assert!(
        summary.starts_with("In brief On Friday 14 March 2014")
            && summary.contains("Sergei Lavrov"),
        "{summary}"
    );
    // A copy says whose copy it is once: "BBC via The Iran Project".
    let disputed = texts_of(&front, ".disputed-list > li .stated li");
    assert!(
        disputed
            .iter()
            .any(|s| s.starts_with("BBC via The Iran Project “last month”")),
        "{disputed:?}"
    );
    assert_eq!(
        texts_of(&front, "table.matrix th.group"),
        [
            "Wire agencies",
            "Western broadcasters",
            "Gulf and Azerbaijani outlets"
        ]
    );
    let ahead = texts_of(&front, ".ahead-events li a");
    assert!(
        ahead.iter().any(|e| e.starts_with("Referendum in Crimea")),
        "{ahead:?}"
    );
    let coverage = read_html(&site.join("coverage/index.html"));
    assert!(!texts_of(&coverage, ".blindspot-list > li").is_empty());
}

#[test]
fn the_coverage_page_of_a_large_dossier_keeps_the_most_reported_events() {
    // 120 events, each reported by one wire story; the first 10 also by a broadcaster.
    let f = Fixture::empty();
    f.write(
        "site.toml",
        "title = \"Many events\"\nbase_url = \"https://example.org/m/\"\nsearch = false\n",
    );
    f.write(
        "content/sources/wire.md",
        "---\nname: \"Harbour Wire\"\nkind: wire\ngroups: [wires]\n---\nA wire.\n",
    );
    f.write(
        "content/sources/tv.md",
        "---\nname: \"North TV\"\nkind: broadcaster\ngroups: [broadcasters]\n---\nA broadcaster.\n",
    );
    for n in 0..120 {
        let day = n % 28 + 1;
        let mut sources = format!("\"wire-{n}\"");
        f.write(
            &format!("content/articles/wire-{n}.md"),
            &format!("---\ntitle: \"Harbour report {n}\"\nsource: wire\npublished: 2031-03-{day:02}\n---\n\nThe harbour council met for session number {n} and adjourned without a vote on the quays.\n"),
        );
        if n < 10 {
            sources.push_str(&format!(", \"tv-{n}\""));
            f.write(
                &format!("content/articles/tv-{n}.md"),
                &format!("---\ntitle: \"Council session {n}\"\nsource: tv\npublished: 2031-03-{day:02}\n---\n\nCouncillors gathered again for their session number {n}, cameras rolling.\n"),
            );
        }
        f.write(
            &format!("content/events/session-{n}.md"),
            &format!("---\ntitle: \"Council session {n}\"\ndate: 2031-03-{day:02}\nsources: [{sources}]\n---\nA session.\n"),
        );
    }
    f.build().ok();
    let page = f.page("coverage/index.html");
    let rows = texts_of(&page, "table.coverage-events tbody tr");
    assert_eq!(rows.len(), 100, "the table is capped");
    // The ten events both groups reported are among those kept.
    let both = rows.iter().filter(|r| r.contains("North TV")).count();
    assert_eq!(both, 10);
    let notes = texts_of(&page, "section.blindspots p.note").join(" ");
    assert!(notes.contains("110 of 120"), "{notes}");
    assert_eq!(texts_of(&page, "ul.blindspot-list > li").len(), 50);
    let events_note = texts_of(&page, "#events ~ p.note").join(" ");
    assert!(
        events_note.contains("The 100 events most outlets reported, of 120"),
        "{events_note}"
    );
}
