//! Comparisons count independent sources: a wire story and its reprints are one source, named
//! as copies everywhere ("Meridian Wire via The Harbour Post"), and a quote only a story and
//! its copies carry is not "carried by several". The dossier is invented: a referendum in an
//! invented country reported by a wire and its reprint, a second wire's story in two
//! newspapers, and two independent outlets. Then which of two copies is the original, and
//! dates that make no disagreement between outlets, on an invented harbour's dossiers; and an
//! actor's totals and the chronology's reports with a story and its copies, on an invented
//! bridge closure.

mod common;

use common::*;

const WIRE_STORY: &str = "Voters in Valdoria rejected the coastal accord on Sunday, with 51.3 percent voting against it, the electoral commission said on Monday.\n\nPresident Ana Ortiz, who campaigned for the accord for two years across every province, conceded defeat in a short speech outside the presidential palace in Port Calder.\n\n\"The people have spoken and we will listen to every one of them,\" Ortiz said.\n\nThe opposition leader Tomas Ruiz called the result \"a victory for every fisherman on this coast\" and promised to open talks with the government within a week.\n";

const SECOND_WIRE: &str = "Valdoria's voters turned down the coastal accord in Sunday's referendum, official results showed on Monday, a blow to President Ana Ortiz.\n\n\"The people have spoken and we will listen to every one of them,\" Ortiz told supporters in Port Calder.\n\nTurnout was 64 percent, the highest for a referendum since 1998, officials said.\n";

fn dossier() -> Fixture {
    let f = Fixture::empty();
    f.write(
        "site.toml",
        "title = \"Valdoria votes\"\nbase_url = \"https://example.org/v/\"\nsearch = false\n",
    );
    for (slug, name, kind) in [
        ("meridian-wire", "Meridian Wire", "wire"),
        ("harbour-post", "The Harbour Post", "newspaper"),
        ("coastline-press", "Coastline Press", "wire"),
        ("daily-lamp", "The Daily Lamp", "newspaper"),
        ("evening-star", "The Evening Star", "newspaper"),
        ("north-tv", "North TV", "broadcaster"),
        ("valley-times", "The Valley Times", "newspaper"),
    ] {
        f.write(
            &format!("content/sources/{slug}.md"),
            &format!("---\nname: \"{name}\"\nkind: {kind}\n---\nAn outlet.\n"),
        );
    }
    f.write(
        "content/actors/ana-ortiz.md",
        "---\nname: Ana Ortiz\naliases: [Ortiz, President Ana Ortiz]\nkind: person\npronoun: she\n---\nThe president.\n",
    );
    f.write(
        "content/actors/tomas-ruiz.md",
        "---\nname: Tomas Ruiz\naliases: [Ruiz]\nkind: person\npronoun: he\n---\nThe opposition leader.\n",
    );
    f.write(
        "content/events/referendum.md",
        "---\ntitle: Valdoria rejects the coastal accord in a referendum\ndate: 2031-05-04\nsources: [\"wire-story#p1\", \"wire-story#p3\", \"wire-reprint#p1\", \"lamp-story#p1\", \"star-story#p1\", \"tv-story\", \"times-story\"]\nclaims:\n  - about: Share of the vote against\n    reports:\n      wire-story: \"51.3 percent\"\n      wire-reprint: \"51.3%\"\n      lamp-story: \"51.3 per cent\"\n      tv-story: \"51 per cent\"\n  - about: Margin\n    reports:\n      lamp-story: \"less than 34,000 votes\"\n      star-story: \"less than 31,000 votes\"\n  - about: Day of the vote\n    reports:\n      wire-story: \"Sunday\"\n      times-story: \"4 May\"\n---\nThe referendum.\n",
    );
    f.write(
        "content/events/palace-rally.md",
        "---\ntitle: Ortiz speaks outside the presidential palace\ndate: 2031-05-04\nsources: [\"tv-story#p2\"]\n---\nA speech.\n",
    );
    let article = |slug: &str, source: &str, publisher: Option<&str>, date: &str, body: &str| {
        let publisher = publisher.map_or(String::new(), |p| format!("publisher: {p}\n"));
        f.write(
            &format!("content/articles/{slug}.md"),
            &format!("---\ntitle: \"{slug}\"\nsource: {source}\n{publisher}published: {date}\n---\n\n{body}"),
        );
    };
    article(
        "wire-story",
        "meridian-wire",
        None,
        "2031-05-05",
        WIRE_STORY,
    );
    article(
        "wire-reprint",
        "meridian-wire",
        Some("harbour-post"),
        "2031-05-05",
        WIRE_STORY,
    );
    article(
        "lamp-story",
        "coastline-press",
        Some("daily-lamp"),
        "2031-05-05",
        SECOND_WIRE,
    );
    article(
        "star-story",
        "coastline-press",
        Some("evening-star"),
        "2031-05-06",
        SECOND_WIRE,
    );
    article(
        "tv-story",
        "north-tv",
        None,
        "2031-05-05",
        "The coastal accord is dead. Valdorians voted it down on Sunday after a bitter campaign that split fishing towns from the capital.\n\nIn a brief address on Sunday night, Ortiz said she accepted the verdict. \"We will listen,\" she said.\n",
    );
    article(
        "times-story",
        "valley-times",
        None,
        "2031-05-05",
        "Valdoria said no. The referendum on Sunday ended two years of argument over the coastal accord, and the opposition now wants talks.\n\n\"The fishermen have won their sea back,\" Ruiz said on Monday.\n",
    );
    f
}

#[test]
fn copies_are_named_as_copies_and_counted_once() {
    let f = dossier();
    f.build().ok();
    let page = f.page("compare/referendum/index.html");

    // One column per article (the wire story is cited twice), each named with its copy.
    let columns = texts_of(
        &page,
        "section[aria-labelledby=side-by-side] .compare-col > p.meta:first-child",
    );
    let mut columns: Vec<String> = columns.iter().map(|c| collapse(c)).collect();
    columns.sort();
    assert_eq!(
        columns,
        [
            "Coastline Press via The Daily Lamp",
            "Coastline Press via The Evening Star",
            "Meridian Wire",
            "Meridian Wire via The Harbour Post",
            "North TV",
            "The Valley Times"
        ],
        "{columns:?}"
    );
    // The cited paragraphs of the wire story, both, in its one column.
    let wire = page
        .select(&sel("section[aria-labelledby=side-by-side] .compare-col"))
        .find(|c| collapse(&c.text().collect::<String>()).starts_with("Meridian Wire wire-story"))
        .expect("the wire story's column");
    let cited: Vec<String> = wire
        .select(&sel(".cited .para-no"))
        .map(|a| a.text().collect())
        .collect();
    assert_eq!(cited, ["¶1", "¶3"]);

    // Ortiz's quote is carried by two independent sources (Meridian and Coastline), each
    // with its copies listed by name; it is shared.
    let shared: Vec<String> = texts_of(&page, "#quotes ~ blockquote.quote")
        .iter()
        .map(|q| collapse(q))
        .collect();
    assert_eq!(shared.len(), 1, "{shared:?}");
    assert!(shared[0].contains("The people have spoken"), "{shared:?}");
    for outlet in [
        "Meridian Wire via The Harbour Post",
        "Coastline Press via The Daily Lamp",
        "Coastline Press via The Evening Star",
    ] {
        assert!(shared[0].contains(outlet), "{outlet}: {shared:?}");
    }

    // Coverage counts a story and its copies once: Ortiz is mentioned twice in the wire
    // story ("President Ana Ortiz", "Ortiz said"), not 4 times.
    let ortiz_row = page
        .select(&sel("table.coverage tbody tr"))
        .find(|r| r.text().collect::<String>().contains("Ana Ortiz"))
        .expect("a row for Ortiz");
    let cells: Vec<String> = ortiz_row
        .select(&sel("td"))
        .map(|c| collapse(&c.text().collect::<String>()))
        .collect();
    let outlets = texts_of(&page, "table.coverage thead th");
    let meridian = outlets.iter().position(|o| o == "Meridian Wire").unwrap() - 1;
    assert!(cells[meridian].starts_with("2 "), "{cells:?} {outlets:?}");

    // The comparison index counts the six articles once each.
    let index = f.page("compare/index.html");
    let row = texts_of(&index, "tbody tr td.num");
    assert_eq!(row, ["6"]);
}

#[test]
fn a_quote_only_a_story_and_its_reprint_carry_is_not_carried_by_several() {
    let f = dossier();
    // Ruiz's words are only in the wire story and its reprint: one source.
    f.build().ok();
    let page = f.page("compare/referendum/index.html");
    let shared = collapse(&texts_of(&page, "#quotes ~ blockquote.quote").join(" "));
    assert!(
        !shared.contains("a victory for every fisherman"),
        "{shared}"
    );
    let only_meridian = page
        .select(&sel("#quotes ~ details h3"))
        .find(|h| h.text().collect::<String>() == "Only in Meridian Wire")
        .expect("a list of Meridian's own quotes");
    let list = only_meridian
        .next_siblings()
        .find_map(scraper::ElementRef::wrap)
        .map(|e| collapse(&e.text().collect::<String>()))
        .unwrap_or_default();
    assert!(
        list.contains("a victory for every fisherman on this coast"),
        "{list}"
    );
}

#[test]
fn a_date_in_a_paragraph_an_event_cites_belongs_to_that_event() {
    let f = dossier();
    f.build().ok();
    // "on Sunday" in the TV story's second paragraph, which the palace speech cites, is the
    // speech's date, not the referendum's, though both fell on that day.
    let page = f.page("articles/tv-story/index.html");
    let dates = texts_of(&page, ".date-mentions li");
    let second = dates
        .iter()
        .find(|d| d.contains("Sunday night") || d.contains("on Sunday"))
        .cloned()
        .unwrap_or_default();
    let links: Vec<String> = page
        .select(&sel(".date-mentions li"))
        .filter(|li| li.select(&sel("a[href='#p2']")).next().is_some())
        .flat_map(|li| {
            li.select(&sel("a"))
                .filter_map(|a| a.value().attr("href").map(str::to_owned))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        links.iter().any(|l| l.contains("events/palace-rally/")),
        "{second} {links:?}"
    );
}

#[test]
fn source_and_publisher_pages_count_what_they_carry() {
    let f = dossier();
    f.build().ok();
    let front = f.page("index.html");
    let rows: Vec<String> = texts_of(&front, ".source-list li")
        .iter()
        .map(|r| collapse(r))
        .collect();
    assert!(
        rows.iter()
            .any(|r| r.starts_with("The Harbour Post") && r.contains("1 republished")),
        "{rows:?}"
    );
    // The wire's page lists its story and the reprint (named as such), and counts the
    // story's mentions once: Ortiz is named twice in it, not 4 times.
    let wire = f.page("sources/meridian-wire/index.html");
    let bylines = texts_of(&wire, ".article-item .via");
    assert!(
        bylines
            .iter()
            .any(|b| b.contains("republished by The Harbour Post")),
        "{bylines:?}"
    );
    let counts: Vec<String> = wire
        .select(&sel(".actor-counts li"))
        .map(|li| collapse(&li.text().collect::<String>()))
        .collect();
    assert!(counts.iter().any(|c| c == "Ana Ortiz 2"), "{counts:?}");
    let post = f.page("sources/harbour-post/index.html");
    assert_eq!(
        texts_of(&post, "#republished-h ~ ol .article-title"),
        ["wire-reprint"]
    );
}

#[test]
fn claims_differ_on_facts_not_on_wording() {
    let f = dossier();
    f.build().ok();
    let page = f.page("compare/referendum/index.html");
    let rows: Vec<(String, Vec<bool>)> = page
        .select(&sel("table.claims tbody tr"))
        .map(|tr| {
            (
                collapse(
                    &tr.select(&sel("th"))
                        .next()
                        .unwrap()
                        .text()
                        .collect::<String>(),
                ),
                tr.select(&sel("td"))
                    .map(|td| td.value().classes().any(|c| c == "disagrees"))
                    .collect(),
            )
        })
        .collect();
    let flagged = |about: &str| {
        rows.iter()
            .find(|(a, _)| a == about)
            .map(|(_, cells)| cells.iter().filter(|c| **c).count())
            .unwrap()
    };
    // 51.3 percent, 51.3%, 51.3 per cent and 51 per cent agree within what was written.
    assert_eq!(flagged("Share of the vote against"), 0, "{rows:?}");
    // The two copies of the second wire's story give two margins, a day apart: one story
    // does not disagree with itself, and of two days the later may update the earlier. The
    // later is marked as such.
    assert_eq!(flagged("Margin"), 0, "{rows:?}");
    let margin = page
        .select(&sel("table.claims tbody tr"))
        .find(|tr| tr.text().collect::<String>().contains("Margin"))
        .unwrap();
    let later: Vec<String> = margin
        .select(&sel("td"))
        .filter(|td| td.select(&sel(".flag.later")).next().is_some())
        .map(|td| collapse(&td.text().collect::<String>()))
        .collect();
    assert_eq!(later, ["less than 31,000 votes later report"]);
    // "Sunday" in an article of Monday 5 May 2031 is 4 May.
    assert_eq!(flagged("Day of the vote"), 0, "{rows:?}");
    // The claims table has a column per article, named with its copy.
    let heads = texts_of(&page, "table.claims thead th");
    assert_eq!(heads.len(), 1 + 6, "{heads:?}");
    assert!(
        heads
            .iter()
            .any(|h| h == "Coastline Press via The Evening Star"),
        "{heads:?}"
    );
    // How a value was read is on hover.
    let titles: Vec<String> = page
        .select(&sel("table.claims td[title]"))
        .filter_map(|td| td.value().attr("title").map(str::to_owned))
        .collect();
    assert!(
        titles.iter().any(|t| t == "read as: ≤ 34000 vote"),
        "{titles:?}"
    );
}

#[test]
fn detected_differences_on_the_sample_are_few_and_not_repeated() {
    let data: serde_json::Value =
        serde_json::from_slice(&std::fs::read(sample_site().join("dossier.json")).unwrap())
            .unwrap();
    for event in data["analysis"]["differences"].as_array().unwrap() {
        let differences = event["differences"].as_array().unwrap();
        assert!(differences.len() <= 5, "{event}");
        for difference in differences {
            let about = difference["about"].as_str().unwrap();
            assert!(!about.starts_with("per "), "{about}");
            let mut stated: Vec<(String, String)> = difference["stated"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| (s["url"].to_string(), s["text"].to_string()))
                .collect();
            let n = stated.len();
            stated.sort();
            stated.dedup();
            assert_eq!(stated.len(), n, "listed twice in {difference}");
        }
    }
}

// Which copy is the original, and dates an outlet gives twice (the audit of a dam-failure
// dossier): an invented harbour in Saltmarsh, a wire story of 14:10 and a portal's copy of
// it at 15:20 that trimmed the last paragraph, listed first (its slug sorts first).

const HEARING: [&str; 5] = [
    "SALTMARSH, Oct 5 (Tessaly Wire) - The harbour board opened its inquiry into last month's collision between the ferry Northern Tern and a dredger on Tuesday, hearing that the ferry's radar had been reported faulty twice in August.",
    "Harbour master Idris Fenn told the board that her office had written to the operator, Brackwater Shipping, asking it to \"repair or replace the radar before the autumn timetable.\"",
    "Brackwater's chair, Oskar Marlow, is due to give evidence later this week. The company has said the crew followed every procedure.",
    "The collision on September 14 injured nine passengers, two of them seriously, and closed the harbour mouth for a day.",
    "The board is expected to report by the end of the year, a spokesman for the board said after the first session.",
];

/// The invented town of Saltmarsh: a site titled `title` (at `https://example.org/PATH/`,
/// without search), three outlets (a wire, a newspaper, a radio) and Idris Fenn, whose
/// profile is `profile`.
fn saltmarsh(title: &str, path: &str, profile: &str) -> Fixture {
    let f = Fixture::empty();
    f.write(
        "site.toml",
        &format!(
            "title = \"{title}\"\nbase_url = \"https://example.org/{path}/\"\nsearch = false\n"
        ),
    );
    for (slug, name, kind) in [
        ("tessaly-wire", "Tessaly Wire", "wire"),
        ("corran-courier", "Corran Courier", "newspaper"),
        ("kestrel-radio", "Kestrel Radio", "broadcaster"),
    ] {
        f.write(
            &format!("content/sources/{slug}.md"),
            &format!("---\nname: \"{name}\"\nkind: {kind}\n---\nAn outlet.\n"),
        );
    }
    f.write(
        "content/actors/idris-fenn.md",
        &format!(
            "---\nname: Idris Fenn\naliases: [Fenn]\nkind: person\npronoun: she\n---\n{profile}\n"
        ),
    );
    f
}

/// The harbour dossier: the wire story (published `wire_published`), the portal's copy
/// (published `portal_published`, with `portal_body`), a newspaper's report of the hearing,
/// and the collision reported by a radio and the newspaper; the wire story also reports the
/// collision (its fourth paragraph). Articles are listed newest first, then by slug: of two
/// of one day without times, the portal's comes first.
fn harbour(wire_published: &str, portal_published: &str, portal_body: &str) -> Fixture {
    let f = saltmarsh("Saltmarsh harbour", "s", "The harbour master.");
    f.write(
        "content/events/ferry-collision.md",
        "---\ntitle: The ferry Northern Tern and a dredger collide off Saltmarsh\ndate: 2032-09-14\nsources: [\"wire-hearing#p4\", \"radio-collision#p1\", \"courier-collision#p1\"]\n---\nA collision.\n",
    );
    f.write(
        "content/events/harbour-hearing.md",
        "---\ntitle: The harbour board opens its inquiry into the collision\ndate: 2032-10-05\nsources: [\"wire-hearing#p1\", \"portal-hearing#p1\", \"courier-hearing#p1\"]\n---\nA hearing.\n",
    );
    let article = |slug: &str, source: &str, extra: &str, published: &str, body: &str| {
        f.write(
            &format!("content/articles/{slug}.md"),
            &format!("---\ntitle: \"{slug}\"\nsource: {source}\n{extra}published: {published}\n---\n\n{body}\n"),
        );
    };
    article(
        "wire-hearing",
        "tessaly-wire",
        "byline: Mira Holt\n",
        wire_published,
        &HEARING.join("\n\n"),
    );
    article(
        "portal-hearing",
        "tessaly-wire",
        "url: \"https://portal.example/saltmarsh/hearing\"\n",
        portal_published,
        portal_body,
    );
    article(
        "courier-hearing",
        "corran-courier",
        "",
        "2032-10-06",
        "The harbour board's inquiry began yesterday with an admission from the harbour master, Idris Fenn, that her office could only ask Brackwater Shipping to fix the ferry's radar.",
    );
    article(
        "radio-collision",
        "kestrel-radio",
        "",
        "2032-09-14T19:00:00+02:00",
        "The ferry Northern Tern struck a dredger at the mouth of Saltmarsh harbour this afternoon. Nine passengers were taken to hospital, port officials said.",
    );
    article(
        "courier-collision",
        "corran-courier",
        "",
        "2032-09-15",
        "Nine people were hurt when the Northern Tern ferry hit a dredger off Saltmarsh, and the harbour will stay shut until the wreck is cleared.",
    );
    f
}

/// A comparison page's first line ("3 articles from 2 independent sources …") and its
/// columns as (outlet as named, article title), sorted.
fn compared(f: &Fixture, event: &str) -> (String, Vec<(String, String)>) {
    let page = f.page(&format!("compare/{event}/index.html"));
    let summary = text_of(&page, ".compare-summary li").unwrap_or_default();
    let mut columns: Vec<(String, String)> = page
        .select(&sel("section[aria-labelledby=side-by-side] .compare-col"))
        .map(|c| {
            (
                c.value().attr("aria-label").unwrap_or_default().to_owned(),
                collapse(
                    &c.select(&sel("h3 a"))
                        .next()
                        .map(|a| a.text().collect::<String>())
                        .unwrap_or_default(),
                ),
            )
        })
        .collect();
    columns.sort();
    (summary, columns)
}

fn named(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|&(a, b)| (a.to_owned(), b.to_owned()))
        .collect()
}

#[test]
fn the_wire_story_published_first_is_the_original_not_its_later_copy() {
    let f = harbour(
        "2032-10-05T14:10:00+02:00",
        "2032-10-05T15:20:00+02:00",
        &HEARING[..4].join("\n\n"),
    );
    f.build().ok();
    let (summary, columns) = compared(&f, "harbour-hearing");
    assert_eq!(
        columns,
        named(&[
            ("Corran Courier", "courier-hearing"),
            ("Tessaly Wire", "wire-hearing"),
            ("Tessaly Wire (copy)", "portal-hearing"),
        ])
    );
    assert_eq!(
        summary,
        "3 articles from 2 independent sources (1 of them copy of another's story)."
    );
    // The copy's own page says so and links the original; the original's does not.
    let portal = f.page("articles/portal-hearing/index.html");
    let meta = collapse(&text_of(&portal, ".page-head p.meta").unwrap_or_default());
    assert!(meta.contains("(a copy of its story)"), "{meta}");
    assert_eq!(
        attrs_of(&portal, ".page-head p.meta .via a", "href"),
        ["../../articles/wire-hearing/"]
    );
    let wire = f.page("articles/wire-hearing/index.html");
    let meta = collapse(&text_of(&wire, ".page-head p.meta").unwrap_or_default());
    assert!(!meta.contains("copy"), "{meta}");
    // The collision's page has the wire story without its copy: no copy there, and the count
    // says so (it said "3 independent sources (1 of them copy …)" when the wire story was
    // taken for the copy).
    let (summary, columns) = compared(&f, "ferry-collision");
    assert_eq!(summary, "3 articles from 3 independent sources.");
    assert!(
        columns.iter().all(|(outlet, _)| !outlet.contains("copy")),
        "{columns:?}"
    );
}

#[test]
fn of_one_day_the_story_that_holds_its_copy_whole_is_the_original() {
    // Both give only the day; the portal's text is the story's less a paragraph.
    let f = harbour("2032-10-05", "2032-10-05", &HEARING[..4].join("\n\n"));
    f.build().ok();
    let (_, columns) = compared(&f, "harbour-hearing");
    assert!(
        columns.contains(&(
            "Tessaly Wire (copy)".to_owned(),
            "portal-hearing".to_owned()
        )),
        "{columns:?}"
    );
    assert!(
        columns.contains(&("Tessaly Wire".to_owned(), "wire-hearing".to_owned())),
        "{columns:?}"
    );
}

#[test]
fn when_nothing_tells_which_came_first_neither_is_named_a_copy() {
    // Same day, no time on the portal, and each text has a paragraph the other lacks.
    let mut body = HEARING[..4].to_vec();
    body.push("Readers in the harbour district can follow the hearing on the portal's live page, with a summary of each session every evening.");
    let f = harbour(
        "2032-10-05T14:10:00+02:00",
        "2032-10-05",
        &body.join("\n\n"),
    );
    f.build().ok();
    let (summary, columns) = compared(&f, "harbour-hearing");
    assert_eq!(
        columns,
        named(&[
            ("Corran Courier", "courier-hearing"),
            ("Tessaly Wire", "portal-hearing"),
            ("Tessaly Wire", "wire-hearing"),
        ])
    );
    // Still one story of one outlet: counted once, and one of its two articles copies the
    // other's story, though no article is said to be the copy.
    assert_eq!(
        summary,
        "3 articles from 2 independent sources (1 of them copy of another's story)."
    );
    let (summary, _) = compared(&f, "ferry-collision");
    assert_eq!(summary, "3 articles from 3 independent sources.");
}

#[test]
fn a_reprint_under_another_outlets_name_is_a_copy_and_no_outlet_of_its_own() {
    // The radio's site runs the wire's story two hours later under its own name, with a
    // first paragraph of its own: no `publisher`, another `source`.
    let f = harbour(
        "2032-10-05T14:10:00+02:00",
        "2032-10-05T15:20:00+02:00",
        &HEARING.join("\n\n"),
    );
    let mut body = HEARING.to_vec();
    body[0] = "Saltmarsh's harbour board has begun to ask why the Northern Tern's radar failed, in an inquiry that opened on Tuesday with a long day of evidence.";
    f.write(
        "content/articles/portal-hearing.md",
        &format!(
            "---\ntitle: \"Harbour inquiry opens\"\nsource: kestrel-radio\npublished: 2032-10-05T16:30:00+02:00\n---\n\n{}\n",
            body.join("\n\n")
        ),
    );
    f.build().ok();
    let (summary, columns) = compared(&f, "harbour-hearing");
    // Two voices, not three: the wire, and the newspaper's own report the next day.
    assert_eq!(
        summary,
        "3 articles from 2 independent sources (1 of them copy of another's story)."
    );
    assert!(
        columns.contains(&(
            "Kestrel Radio (copy of Tessaly Wire)".to_owned(),
            "Harbour inquiry opens".to_owned()
        )),
        "{columns:?}"
    );
    let page = f.page("articles/portal-hearing/index.html");
    let meta = collapse(&text_of(&page, ".page-head p.meta").unwrap_or_default());
    assert!(meta.contains("(a copy of Tessaly Wire’s story)"), "{meta}");
    // The chronology names the copy in its list of articles too.
    let chronology = f.page("chronology/index.html");
    let entry = chronology
        .select(&sel("li.entry-article"))
        .find(|e| {
            e.text()
                .collect::<String>()
                .contains("Harbour inquiry opens")
        })
        .expect("the copy's entry");
    let title = collapse(
        &entry
            .select(&sel(".entry-title"))
            .next()
            .unwrap()
            .text()
            .collect::<String>(),
    );
    assert!(
        title.ends_with("(a copy of Tessaly Wire’s story)"),
        "{title}"
    );
    // The wire's page lists the copy its story went out under another name as; the radio's
    // page keeps it among its reporting.
    let wire = f.page("sources/tessaly-wire/index.html");
    assert_eq!(
        attrs_of(
            &wire,
            "section[aria-labelledby=copied-h] a.article-title",
            "href"
        ),
        ["../../articles/portal-hearing/"]
    );
    let radio = f.page("sources/kestrel-radio/index.html");
    assert!(radio.select(&sel("#copied-h")).next().is_none());
    assert!(attrs_of(
        &radio,
        "section[aria-labelledby=articles-h] a.article-title",
        "href"
    )
    .contains(&"../../articles/portal-hearing/".to_owned()));
}

/// A dossier of Thursday 7 October 2032's revocation of a concession by Mayor Fenn, reported
/// by the wire (which also reports Tuesday's hearing, where the company's chair gave
/// evidence), a radio that dates the revocation Wednesday, and a newspaper that gives both
/// the right day and another.
fn revocation() -> Fixture {
    let f = saltmarsh("Saltmarsh concession", "r", "The mayor.");
    f.write(
        "content/events/concession-revoked.md",
        "---\ntitle: Fenn revokes the Saltmarsh port concession\ndate: 2032-10-07\n---\nThe revocation.\n",
    );
    f.write(
        "content/events/chair-evidence.md",
        "---\ntitle: The shipping company's chair gives evidence to the harbour board\ndate: 2032-10-05\nsources: [\"wire-revocation#p3\"]\n---\nThe evidence.\n",
    );
    let article = |slug: &str, source: &str, published: &str, body: &str| {
        f.write(
            &format!("content/articles/{slug}.md"),
            &format!("---\ntitle: \"{slug}\"\nsource: {source}\npublished: {published}\nevents: [concession-revoked]\n---\n\n{body}\n"),
        );
    };
    article(
        "wire-revocation",
        "tessaly-wire",
        "2032-10-07T11:20:00+02:00",
        "Mayor Idris Fenn on Thursday revoked the port concession of Brackwater Shipping, two days after the company's chair told the harbour board he had not seen the safety audit.\n\n\
         Fenn said Marlow had telephoned her on Tuesday evening to promise that the company would comply.\n\n\
         At Tuesday's hearing, Marlow told the board he had been made aware of the audit but had not read it.",
    );
    article(
        "radio-revocation",
        "kestrel-radio",
        "2032-10-07T18:00:00+02:00",
        "Mayor Idris Fenn revoked the Brackwater Shipping concession on Wednesday, the port authority said.",
    );
    article(
        "courier-revocation",
        "corran-courier",
        "2032-10-08",
        "Saltmarsh lost its biggest shipping line when Mayor Idris Fenn revoked the concession of Brackwater Shipping yesterday.\n\n\
         Fenn signed the revocation order on Monday, her deputy said.",
    );
    f
}

#[test]
fn a_date_of_another_event_is_no_disagreement_and_no_outlet_disagrees_with_itself() {
    let f = revocation();
    let built = f.build().ok();
    // The wire's "on Tuesday" is the day of the chair's evidence, which it also reports:
    // no warning, though "Fenn" stands near it. The radio's Wednesday and the newspaper's
    // Monday are warned of.
    let warnings = built.stderr();
    assert!(!warnings.contains("“on Tuesday”"), "{warnings}");
    assert!(warnings.contains("“on Wednesday”"), "{warnings}");
    assert!(warnings.contains("“on Monday”"), "{warnings}");

    // The front page: the radio disagrees with the others; the newspaper, which gives the
    // day too, is no disagreeing outlet, and the wire never disagrees.
    let front = f.page("index.html");
    let point = front
        .select(&sel(".disputed-list > li.disputed-difference"))
        .find(|p| p.text().collect::<String>().contains("Fenn revokes"))
        .expect("the revocation's date is disputed");
    let stated: Vec<(String, bool)> = point
        .select(&sel(".stated li"))
        .map(|li| {
            (
                collapse(&li.text().collect::<String>()),
                li.value().classes().any(|c| c == "disagrees"),
            )
        })
        .collect();
    let disagreeing: Vec<&str> = stated
        .iter()
        .filter(|s| s.1)
        .map(|s| s.0.as_str())
        .collect();
    assert_eq!(
        disagreeing,
        ["Kestrel Radio on Wednesday (6 October 2032)"],
        "{stated:?}"
    );
    for (text, _) in stated.iter().filter(|s| !s.1) {
        assert!(!text.starts_with("Kestrel Radio"), "{stated:?}");
        assert!(text.contains("7 October 2032"), "{stated:?}");
    }
    // The comparison page still shows the newspaper's other day, for the analyst.
    let compare = f.page("compare/concession-revoked/index.html");
    let listed = collapse(&texts_of(&compare, "ul.differences").join(" "));
    assert!(listed.contains("on Monday (4 October 2032)"), "{listed}");
    assert!(!listed.contains("on Tuesday"), "{listed}");
}

// A story and its copies in the totals and the chronology (the audit of a colliery flood
// dossier): an invented bridge closure in Pellmoor. The Aster Press Agency's story of 08:40,
// its credited republication by The Pellmoor Gazette at 10:30, a portal's uncredited copy
// dated only to the day (it trimmed the last paragraph, so it sorts before the story by date
// but is known to be the copy), the agency's own later story and a radio's report.

const CLOSURE: [&str; 5] = [
    "PELLMOOR, Feb 7 (Aster Press) - The Quarry Lane bridge over the river Hollin was closed to all traffic before dawn on Monday after engineers found a crack in its second pier, city engineer Renata Voss said.",
    "Voss told reporters at the riverbank that the crack had widened by four millimetres since an inspection in November and that divers would examine the pier's footing on Tuesday.",
    "Buses between the old town and the northern estates will cross at the Mill Street bridge, adding about twenty minutes to each journey, the transport office said.",
    "The council's finance committee is due to meet on Thursday to discuss the cost of repairs, which a council spokesman declined to estimate.",
    "Renata Voss said she would not reopen the bridge to pedestrians until the divers had reported, whatever the pressure from shopkeepers on Quarry Lane.",
];

/// The bridge dossier: three outlets in two groups, Renata Voss, the closure and the divers'
/// report as events.
fn bridge() -> Fixture {
    let f = Fixture::empty();
    f.write(
        "site.toml",
        "title = \"Pellmoor bridge\"\nbase_url = \"https://example.org/p/\"\nsearch = false\n\n[groups]\nagencies = \"Agencies\"\nlocal = \"Local media\"\n",
    );
    for (slug, name, kind, group) in [
        ("aster-press", "Aster Press Agency", "wire", "agencies"),
        (
            "pellmoor-gazette",
            "The Pellmoor Gazette",
            "newspaper",
            "local",
        ),
        ("hollin-radio", "Hollin Radio", "broadcaster", "local"),
    ] {
        f.write(
            &format!("content/sources/{slug}.md"),
            &format!("---\nname: \"{name}\"\nkind: {kind}\ngroups: [{group}]\n---\nAn outlet.\n"),
        );
    }
    f.write(
        "content/actors/renata-voss.md",
        "---\nname: Renata Voss\naliases: [Voss]\nkind: person\npronoun: she\n---\nThe city engineer.\n",
    );
    f.write(
        "content/events/bridge-closed.md",
        "---\ntitle: The Quarry Lane bridge is closed after a crack is found in a pier\ndate: 2033-02-07\nsources: [\"aster-closure#p1\", \"gazette-closure#p1\", \"portal-closure#p1\", \"radio-closure#p1\", \"aster-divers#p2\"]\n---\nThe closure.\n",
    );
    let article = |slug: &str, source: &str, extra: &str, published: &str, body: &str| {
        f.write(
            &format!("content/articles/{slug}.md"),
            &format!("---\ntitle: \"{slug}\"\nsource: {source}\n{extra}published: {published}\n---\n\n{body}\n"),
        );
    };
    // Voss is named three times in the story, twice in the portal's trimmed copy.
    article(
        "aster-closure",
        "aster-press",
        "",
        "2033-02-07T08:40:00+01:00",
        &CLOSURE.join("\n\n"),
    );
    article(
        "gazette-closure",
        "aster-press",
        "publisher: pellmoor-gazette\n",
        "2033-02-07T10:30:00+01:00",
        &CLOSURE.join("\n\n"),
    );
    article(
        "portal-closure",
        "aster-press",
        "",
        "2033-02-07",
        &CLOSURE[..4].join("\n\n"),
    );
    article(
        "radio-closure",
        "hollin-radio",
        "",
        "2033-02-07T18:00:00+01:00",
        "Drivers in Pellmoor face long detours tonight: the Quarry Lane bridge stays shut while the city engineer, Renata Voss, waits for a diving team.",
    );
    article(
        "aster-divers",
        "aster-press",
        "",
        "2033-02-09T16:15:00+01:00",
        "PELLMOOR, Feb 9 (Aster Press) - Divers found the footing of the cracked pier sound on Wednesday.\n\nThe bridge, shut since Monday, will reopen to pedestrians on Friday, Voss said, and to buses once a steel collar has been fitted around the pier.",
    );
    f
}

#[test]
fn an_actors_totals_count_a_story_and_its_copies_once_as_coverage_does() {
    let f = bridge();
    f.build().ok();
    // Voss: 3 in the agency's story (not 3 + 3 + 2 with its two copies), 1 in its later
    // story, 1 on the radio.
    let front = f.page("index.html");
    let chip = front
        .select(&sel("p.chips a.chip"))
        .find(|a| a.text().collect::<String>().contains("Renata Voss"))
        .expect("Voss among the key actors");
    assert_eq!(
        collapse(
            &chip
                .select(&sel(".count"))
                .next()
                .unwrap()
                .text()
                .collect::<String>()
        ),
        "5"
    );
    let index = f.page("actors/index.html");
    assert_eq!(texts_of(&index, "td[data-label=mentions]"), ["5"]);

    let page = f.page("actors/renata-voss/index.html");
    let section = page
        .select(&sel("section[aria-labelledby=articles-h]"))
        .next()
        .unwrap();
    let total = collapse(
        &section
            .select(&sel("p"))
            .next()
            .unwrap()
            .text()
            .collect::<String>(),
    );
    assert_eq!(
        total,
        "5 mentions in 3 articles, not counting 2 copies of their stories."
    );
    // Per outlet as before: the agency's story once, and its later story.
    let outlets: Vec<String> = section
        .select(&sel("h3"))
        .map(|h| collapse(&h.text().collect::<String>()))
        .collect();
    assert_eq!(
        outlets,
        ["Aster Press Agency 4 mentions", "Hollin Radio 1 mention"]
    );
    // Every article is still listed, each with its own count.
    assert_eq!(section.select(&sel("li")).count(), 5);

    // /coverage/ says the same: 4 by the agencies, 1 by the local media, 5 in all.
    let coverage = f.page("coverage/index.html");
    assert_eq!(
        texts_of(&coverage, "table.coverage-actors tbody td"),
        ["4", "1", "5"]
    );
    // And the agency's page counts its story once.
    let source = f.page("sources/aster-press/index.html");
    assert_eq!(texts_of(&source, ".actor-counts .count"), ["4"]);
}

#[test]
fn the_chronology_lists_a_story_before_its_copies_and_names_them() {
    let f = bridge();
    f.build().ok();
    let page = f.page("chronology/index.html");
    let entry = page
        .select(&sel("li.entry-event"))
        .find(|e| {
            e.text()
                .collect::<String>()
                .contains("Quarry Lane bridge is closed")
        })
        .expect("the closure's entry");
    let reports = collapse(
        &entry
            .select(&sel(".entry-reports"))
            .next()
            .unwrap()
            .text()
            .collect::<String>(),
    );
    // The story first, then the portal's copy (dated only to the day, it sorted first) and
    // the republication, each named; then the radio and the agency's later story.
    assert_eq!(
        reports,
        "Reported by Aster Press Agency (¶1), Aster Press Agency (¶1) (a copy of its story), \
         Aster Press Agency (¶1) via The Pellmoor Gazette, Hollin Radio (¶1), Aster Press Agency (¶2)"
    );
    let links: Vec<&str> = entry
        .select(&sel(".entry-reports a"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(
        links,
        [
            "../articles/aster-closure/#p1",
            "../articles/portal-closure/#p1",
            "../articles/aster-closure/",
            "../articles/gazette-closure/#p1",
            "../articles/radio-closure/#p1",
            "../articles/aster-divers/#p2",
        ]
    );
    // Its list of articles names the republication and the copy as well.
    let named: Vec<String> = page
        .select(&sel("li.entry-article .entry-title"))
        .map(|t| collapse(&t.text().collect::<String>()))
        .filter(|t| t.contains("closure"))
        .collect();
    assert!(
        named.contains(&"gazette-closure Aster Press Agency via The Pellmoor Gazette".to_owned()),
        "{named:?}"
    );
    assert!(
        named.contains(&"portal-closure Aster Press Agency (a copy of its story)".to_owned()),
        "{named:?}"
    );
}

// A wire story and its copies on an invented valley's dossier (the audit of copies after
// three defects): the Brisk News Agency's story of a mill closure, republished by The Fenwick
// Herald with a paragraph of its own; a flood warning that only the agency reported, run
// again by three newspapers under their own names; and a strike the agency dates a day early,
// in its story and its three copies, against a radio that gives the day.

const MILL: [&str; 4] = [
    "ORLEN, March 8 (Brisk News) - The government ordered the Orlen steel mill to close by the end of the year, Industry Minister Kara Doyle said on Wednesday, ending a century of steelmaking in the valley.",
    "Doyle said the mill had lost money for eleven years and that no buyer had come forward after a search that lasted eighteen months.",
    "\"We looked for a buyer in every market and found none willing to take on the furnaces,\" Doyle told reporters in the capital.",
    "About 2,400 people work at the mill, which opened in 1921 and once supplied rails for half of the country's railways.",
];

/// The Herald's own paragraph under the agency's story.
const HERALD_OWN: &str = "\"Our town will pay for this decision for a generation,\" Councillor Hugo Brand said on Wednesday evening, adding that the council would ask the government for a retraining fund.";

const FLOOD: &str = "ORLEN, March 10 (Brisk News) - The river Tarn burst its banks north of Orlen early on Friday, and the valley's flood office told residents of four villages to move to higher ground before nightfall.\n\nWater reached the doorsteps of houses in Marl End within two hours, the flood office said, and the road over the pass was closed at the Hesketh junction.\n\nForecasters expect more rain over the hills until Sunday, when the flood office will decide whether the villagers can go home.";

const STRIKE: &str = "Dockers at the port of Orlen walked out over pay on Monday, leaving eleven container ships waiting at anchor outside the harbour wall.\n\nThe dockers' union says its members have had no rise for three years while the port's traffic has doubled, and it wants a new agreement before the summer season.";

/// The valley dossier: five outlets, two actors, the mill closure (reported by the agency, the
/// Herald's republication and a radio), the flood warning (the agency's story and three
/// uncredited copies) and the dockers' strike (the agency's story, its three copies and the
/// radio).
fn valley() -> Fixture {
    let f = Fixture::empty();
    f.write(
        "site.toml",
        "title = \"Orlen valley\"\nbase_url = \"https://example.org/o/\"\nsearch = false\n",
    );
    for (slug, name, kind) in [
        ("brisk-news", "Brisk News Agency", "wire"),
        ("fenwick-herald", "The Fenwick Herald", "newspaper"),
        ("tarn-courier", "The Tarn Courier", "newspaper"),
        ("orlen-daily", "Orlen Daily", "newspaper"),
        ("lowmoor-radio", "Lowmoor Radio", "broadcaster"),
    ] {
        f.write(
            &format!("content/sources/{slug}.md"),
            &format!("---\nname: \"{name}\"\nkind: {kind}\n---\nAn outlet.\n"),
        );
    }
    f.write(
        "content/actors/kara-doyle.md",
        "---\nname: Kara Doyle\naliases: [Doyle]\nkind: person\npronoun: she\n---\nThe industry minister.\n",
    );
    f.write(
        "content/actors/hugo-brand.md",
        "---\nname: Hugo Brand\naliases: [Brand]\nkind: person\npronoun: he\n---\nA town councillor.\n",
    );
    f.write(
        "content/events/mill-closure.md",
        "---\ntitle: The government orders the Orlen steel mill closed\ndate: 2034-03-08\n---\nThe closure.\n",
    );
    f.write(
        "content/events/flood-warning.md",
        "---\ntitle: The Tarn floods north of Orlen\ndate: 2034-03-10\n---\nThe flood.\n",
    );
    f.write(
        "content/events/port-strike.md",
        "---\ntitle: Orlen dockers walk out over pay\ndate: 2034-03-07\n---\nThe strike.\n",
    );
    let article = |slug: &str, source: &str, extra: &str, published: &str, body: &str| {
        let event = slug.split('-').nth(1).unwrap();
        let event = match event {
            "mill" => "mill-closure",
            "flood" => "flood-warning",
            _ => "port-strike",
        };
        f.write(
            &format!("content/articles/{slug}.md"),
            &format!("---\ntitle: \"{slug}\"\nsource: {source}\n{extra}published: {published}\nevents: [{event}]\n---\n\n{body}\n"),
        );
    };
    article(
        "wire-mill",
        "brisk-news",
        "",
        "2034-03-08T12:00:00+01:00",
        &MILL.join("\n\n"),
    );
    let mut herald = MILL.to_vec();
    herald.push(HERALD_OWN);
    article(
        "herald-mill",
        "brisk-news",
        "publisher: fenwick-herald\n",
        "2034-03-09",
        &herald.join("\n\n"),
    );
    article(
        "radio-mill",
        "lowmoor-radio",
        "",
        "2034-03-08T19:00:00+01:00",
        "Steelworkers gathered at the gates of the Orlen mill on Wednesday night after the government confirmed that it would close.\n\n\"Nobody told us a thing until this morning,\" said one furnace hand who has worked there for thirty years.",
    );
    for (slug, source, time) in [
        ("wire-flood", "brisk-news", "09:00"),
        ("courier-flood", "tarn-courier", "11:00"),
        ("daily-flood", "orlen-daily", "12:00"),
        ("herald-flood", "fenwick-herald", "13:00"),
    ] {
        article(
            slug,
            source,
            "",
            &format!("2034-03-10T{time}:00+01:00"),
            FLOOD,
        );
    }
    for (slug, source, extra, time) in [
        ("wire-strike", "brisk-news", "", "10:00"),
        (
            "herald-strike",
            "brisk-news",
            "publisher: fenwick-herald\n",
            "11:00",
        ),
        ("courier-strike", "tarn-courier", "", "12:00"),
        ("daily-strike", "orlen-daily", "", "13:00"),
    ] {
        article(
            slug,
            source,
            extra,
            &format!("2034-03-08T{time}:00+01:00"),
            STRIKE,
        );
    }
    article(
        "radio-strike",
        "lowmoor-radio",
        "",
        "2034-03-07T19:00:00+01:00",
        "Orlen's dockers walked out over pay on Tuesday, and the port fell silent by the afternoon shift.",
    );
    f
}

/// The items of the list under the heading "Only in NAME" of a comparison page's quotes.
fn only_in(page: &scraper::Html, name: &str) -> String {
    page.select(&sel("#quotes ~ details h3"))
        .find(|h| h.text().collect::<String>() == format!("Only in {name}"))
        .and_then(|h| h.next_siblings().find_map(scraper::ElementRef::wrap))
        .map(|e| collapse(&e.text().collect::<String>()))
        .unwrap_or_default()
}

#[test]
fn a_copys_own_paragraph_is_its_publishers_not_the_wires() {
    let f = valley();
    f.build().ok();
    let page = f.page("compare/mill-closure/index.html");
    // The Herald's own paragraph is the Herald's reporting; the agency's words stay the
    // agency's.
    let herald = only_in(&page, "The Fenwick Herald");
    assert!(herald.contains("Our town will pay"), "{herald:?}");
    let wire = only_in(&page, "Brisk News Agency");
    assert!(wire.contains("We looked for a buyer"), "{wire}");
    assert!(!wire.contains("Our town will pay"), "{wire}");
    // So are the actors it names: on the Herald's page, not the agency's.
    let counts = |slug: &str| -> Vec<String> {
        texts_of(
            &f.page(&format!("sources/{slug}/index.html")),
            ".actor-counts li",
        )
    };
    assert!(
        counts("fenwick-herald").contains(&"Hugo Brand 1".to_owned()),
        "{:?}",
        counts("fenwick-herald")
    );
    let agency = counts("brisk-news");
    assert!(
        agency.iter().all(|c| !c.contains("Hugo Brand")),
        "{agency:?}"
    );
    assert!(agency.contains(&"Kara Doyle 3".to_owned()), "{agency:?}");
}

#[test]
fn a_story_and_its_copies_alone_get_no_comparison() {
    let f = valley();
    f.build().ok();
    // The flood warning: one story under four names, one independent source. No page, and
    // no link to one anywhere.
    assert!(!f.path("public/compare/flood-warning").exists());
    for entry in walkdir::WalkDir::new(f.path("public")) {
        let entry = entry.unwrap();
        let ext = entry.path().extension().and_then(|e| e.to_str());
        if !matches!(ext, Some("html" | "xml" | "json")) {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        assert!(
            !text.contains("compare/flood-warning"),
            "{} links the flood warning's comparison",
            entry.path().display()
        );
    }
    let index = f.page("compare/index.html");
    let rows = texts_of(&index, "tbody tr");
    assert!(
        rows.iter().all(|r| !r.contains("The Tarn floods")),
        "{rows:?}"
    );
    // The events two independent sources reported keep their pages at their addresses.
    for event in ["mill-closure", "port-strike"] {
        assert!(f
            .path(&format!("public/compare/{event}/index.html"))
            .exists());
    }
    assert_eq!(
        attrs_of(
            &f.page("events/mill-closure/index.html"),
            "a[href$='compare/mill-closure/']",
            "href"
        )
        .len(),
        1
    );
    // A check of the site finds every link whole.
    f.run(&["check"]).ok();
}

#[test]
fn a_date_a_story_and_its_copies_give_is_listed_once_on_the_front_page() {
    let f = valley();
    f.build().ok();
    let front = f.page("index.html");
    let point = front
        .select(&sel(".disputed-list > li.disputed-difference"))
        .find(|p| p.text().collect::<String>().contains("Orlen dockers"))
        .expect("the strike's date is disputed");
    let stated: Vec<(String, bool)> = point
        .select(&sel(".stated li"))
        .map(|li| {
            (
                collapse(&li.text().collect::<String>()),
                li.value().classes().any(|c| c == "disagrees"),
            )
        })
        .collect();
    // The agency's story stands for its three copies (one republished, two under other
    // names): one voice against the radio, not four outlets.
    assert_eq!(
        stated,
        [
            (
                "Brisk News Agency (and 3 copies) on Monday (6 March 2034)".to_owned(),
                true
            ),
            ("Lowmoor Radio on Tuesday (7 March 2034)".to_owned(), false),
        ]
    );
}

/// A quote that a wire story and its copy under another outlet's name both carry is carried
/// by one outlet, the wire; the same words in a second, independent outlet make two.
#[test]
fn a_quote_in_a_wire_story_and_its_copy_is_carried_by_one_outlet() {
    let f = saltmarsh("Saltmarsh berths", "b", "The harbour master.");
    let story = [
        "SALTMARSH, Oct 9 (Tessaly Wire) - The harbour board will close two of the old berths on the north quay for repairs from next month, after divers found the piles beneath them badly worn.",
        "\"The piles have done sixty years of work and they are tired, so we will not wait for the winter storms to find that out for us,\" Fenn told reporters on the quay.",
        "Fishing boats that use the north quay will be moved to the south basin while the work goes on, the board said in a notice to skippers.",
    ];
    let write = |slug: &str, source: &str, published: &str, body: &str| {
        f.write(
            &format!("content/articles/{slug}.md"),
            &format!(
                "---\ntitle: \"{slug}\"\nsource: {source}\npublished: {published}\n---\n\n{body}\n"
            ),
        );
    };
    write(
        "wire-berths",
        "tessaly-wire",
        "2032-10-09T09:00:00+02:00",
        &story.join("\n\n"),
    );
    write(
        "radio-berths",
        "kestrel-radio",
        "2032-10-09T11:30:00+02:00",
        &story.join("\n\n"),
    );
    f.build().ok();
    let carried = |html: &scraper::Html| texts_of(html, "blockquote.quote .quote-count");
    assert_eq!(
        carried(&f.page("actors/idris-fenn/index.html")),
        ["Carried by Tessaly Wire"]
    );
    // The courier quotes her too, in a report of its own: two outlets.
    write(
        "courier-berths",
        "corran-courier",
        "2032-10-10",
        &format!("Two berths on Saltmarsh's north quay are to close for repairs.\n\n{}\n\nSkippers said the move to the south basin would cost them a morning's fishing each week.", story[1]),
    );
    f.build().ok();
    assert_eq!(
        carried(&f.page("actors/idris-fenn/index.html")),
        ["Carried by 2 outlets"]
    );
}
