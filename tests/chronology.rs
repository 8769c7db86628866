//! The chronology page, its timeline picture, detected dates on article pages, and the
//! date-contradiction warning of `dossier check`.

mod common;

use common::*;

fn sample() -> &'static std::path::Path {
    sample_site()
}

#[test]
fn the_nine_events_and_five_articles_in_order_at_their_precision() {
    let html = read_html(&sample().join("chronology/index.html"));
    let entries: Vec<(String, String, String)> = html
        .select(&sel(".chronology .entry"))
        .map(|e| {
            let time = e.select(&sel("time")).next().unwrap();
            let href = e
                .select(&sel(".entry-title a"))
                .next()
                .unwrap()
                .value()
                .attr("href")
                .unwrap()
                .to_owned();
            (
                time.value().attr("datetime").unwrap().to_owned(),
                collapse(&time.text().collect::<String>()),
                href,
            )
        })
        .collect();
    let position = |slug: &str| {
        entries
            .iter()
            .position(|(_, _, href)| href.contains(&format!("/{slug}/")))
            .unwrap_or_else(|| panic!("{slug} missing"))
    };
    let events = [
        ("eu-deal-rejected", "November 2013"),
        ("yanukovych-ousted", "22 February 2014"),
        ("crimea-parliament-rallies", "26 February 2014"),
        ("nato-surveillance-flights", "10 March 2014"),
        ("crimea-independence-declaration", "11 March 2014"),
        ("london-talks", "14 March 2014"),
        ("crimea-referendum", "16 March 2014"),
        ("sanctions-threatened", "17 March 2014"),
        ("presidential-election", "25 May 2014"),
    ];
    let mut last = 0;
    for (slug, human) in events {
        let at = position(slug);
        assert!(at >= last, "{slug} out of order");
        assert_eq!(entries[at].1, human, "{slug}");
        last = at;
    }
    let articles: Vec<&(String, String, String)> = entries
        .iter()
        .filter(|(_, _, href)| href.contains("/articles/"))
        .collect();
    assert_eq!(articles.len(), 5);
    let mut days: Vec<&str> = articles.iter().map(|(iso, _, _)| &iso[..10]).collect();
    days.dedup();
    assert_eq!(days, ["2014-03-11", "2014-03-14", "2014-03-15"]);
    // Every entry in date order.
    let isos: Vec<&str> = entries.iter().map(|(iso, _, _)| iso.as_str()).collect();
    let mut sorted = isos.clone();
    sorted.sort();
    assert_eq!(isos, sorted);
}

#[test]
fn a_month_precise_event_comes_first_in_its_month_and_says_so() {
    let f = Fixture::new();
    f.write(
        "content/events/spring.md",
        "---\ntitle: Spring talks\ndate: 2024-05\n---\n",
    );
    f.write(
        "content/events/early.md",
        "---\ntitle: Early day\ndate: 2024-05-01\n---\n",
    );
    f.build().ok();
    let html = f.page("chronology/index.html");
    let month = html.select(&sel(".chrono-month")).next().unwrap();
    let titles: Vec<String> = month
        .select(&sel(".entry-title a:first-child"))
        .map(|a| collapse(&a.text().collect::<String>()))
        .collect();
    assert_eq!(titles[0], "Spring talks");
    let note = month
        .select(&sel(".coarse .precision-note"))
        .next()
        .map(|n| collapse(&n.text().collect::<String>()));
    assert_eq!(note.as_deref(), Some("Date known only to the month"));
}

#[test]
fn the_timeline_is_an_svg_whose_marks_link_to_pages() {
    let html = read_html(&sample().join("chronology/index.html"));
    let svg = html.select(&sel("svg.timeline")).next().expect("timeline");
    assert!(svg.select(&sel("title")).next().is_some());
    let links: Vec<String> = svg
        .select(&sel("a"))
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect();
    assert_eq!(links.len(), 16 + 5, "one mark per event and per article");
    for href in links {
        assert!(
            sample()
                .join("chronology")
                .join(&href)
                .join("index.html")
                .is_file(),
            "{href}"
        );
    }
    for page in ["actors/john-kerry/index.html", "sources/reuters/index.html"] {
        assert!(
            read_html(&sample().join(page))
                .select(&sel("svg.timeline a"))
                .next()
                .is_some(),
            "{page}"
        );
    }
}

#[test]
fn filtering_by_actor_works_with_plain_anchors() {
    let html = read_html(&sample().join("chronology/index.html"));
    let anchors = attrs_of(&html, ".filters a", "href");
    assert!(anchors.contains(&"#with-sergei-lavrov".to_owned()));
    assert!(html.select(&sel("#with-sergei-lavrov")).next().is_some());
    assert!(html.select(&sel(".entry.a-sergei-lavrov")).count() >= 3);
    let style = texts_of(&html, "head style").join("");
    assert!(
        style.contains("#with-sergei-lavrov:target ~ .chronology .entry:not(.a-sergei-lavrov)"),
        "{style}"
    );
}

#[test]
fn article_pages_list_the_dates_they_mention_linked_to_events() {
    let html = read_html(&sample().join("articles/trend-kerry-seeks-assurances/index.html"));
    let dates: Vec<String> = texts_of(&html, ".date-mentions li");
    assert!(
        dates
            .iter()
            .any(|d| d.starts_with("“on Sunday” → 16 March 2014") && d.contains("Referendum")),
        "{dates:#?}"
    );
    assert!(
        dates
            .iter()
            .any(|d| d.starts_with("“Feb. 22” → 22 February 2014")),
        "{dates:#?}"
    );
    assert!(
        dates
            .iter()
            .any(|d| d.starts_with("“as soon as Monday”")
                || d.starts_with("“Monday” → 17 March 2014")),
        "{dates:#?}"
    );
}

#[test]
fn a_date_the_words_leave_open_shows_both_readings_and_says_it_is_uncertain() {
    // Friday 3 May 2024: "on Sunday" in a clause without tense may be the last Sunday or the
    // coming one; the article reports no event on either.
    let fixture = Fixture::new();
    fixture.write(
        "content/articles/wire-summit.md",
        "---\ntitle: \"Doe leaves the summit\"\nsource: wire\npublished: 2024-05-03\nevents: [summit]\n---\n\n\
         Jane Doe left Ruritania on Friday.\n\nThe harbour ferry on Sunday, the only link to the islands, carried no one.\n",
    );
    fixture.build().ok();
    let html = fixture.page("articles/wire-summit/index.html");
    let dates = texts_of(&html, ".date-mentions li");
    let sunday = dates
        .iter()
        .find(|d| d.starts_with("“on Sunday”"))
        .unwrap_or_else(|| panic!("{dates:#?}"));
    assert!(
        collapse(sunday).starts_with(
            "“on Sunday” → 5 May 2024 or 28 April 2024? uncertain: the text does not say which"
        ),
        "{sunday}"
    );
    let friday = dates.iter().find(|d| d.starts_with("“on Friday”")).unwrap();
    assert!(!friday.contains("uncertain"), "{friday}");
}

#[test]
fn check_warns_about_the_referendum_on_march_15() {
    let run = run_in(&repo(), &["check"]).ok();
    let stderr = run.stderr();
    let warning = stderr
        .lines()
        .find(|l| l.contains("warning:") && l.contains("March 15"))
        .unwrap_or_else(|| panic!("{stderr}"));
    assert!(
        warning.starts_with("content/articles/al-jazeera-crimea-vote-looms.md:"),
        "{warning}"
    );
    assert!(warning.contains("paragraph 4"), "{warning}");
    assert!(
        warning.contains("content/events/crimea-referendum.md"),
        "{warning}"
    );
    assert!(warning.contains("16 March 2014"), "{warning}");
}

#[test]
fn each_entry_is_rendered_by_the_entry_template_with_the_level_it_is_listed_at() {
    let f = Fixture::new();
    f.write(
        "content/events/harvest-strike.md",
        "---\ntitle: The harvest strike\ndate: 2024-04\nactors: [jane-doe]\n---\nPickers stopped work for part of April.\n",
    );
    f.write(
        "templates/chronology_entry.html",
        "<li class=\"mine mine-{{ level }}\"><a href=\"{{ root }}{{ e.url }}\">{{ e.title }}</a></li>",
    );
    f.build().ok();
    let page = f.page("chronology/index.html");
    let entries: Vec<(String, String)> = page
        .select(&sel(".chronology li.mine"))
        .map(|li| {
            (
                li.value().attr("class").unwrap().to_owned(),
                collapse(&li.text().collect::<String>()),
            )
        })
        .collect();
    assert_eq!(
        entries,
        [
            (
                "mine mine-month".to_owned(),
                "The harvest strike".to_owned()
            ),
            ("mine mine-day".to_owned(), "The summit".to_owned()),
            (
                "mine mine-day".to_owned(),
                "Doe arrives for the summit".to_owned()
            ),
        ]
    );
    // The default theme's entry says what a month-precise date is.
    let f = Fixture::new();
    f.write(
        "content/events/harvest-strike.md",
        "---\ntitle: The harvest strike\ndate: 2024-04\n---\nPickers stopped work for part of April.\n",
    );
    f.build().ok();
    let page = f.page("chronology/index.html");
    assert_eq!(
        texts_of(&page, ".coarse .entry .precision-note"),
        ["Date known only to the month"]
    );
    assert!(texts_of(&page, ".chrono-day + ol .precision-note").is_empty());
}

#[test]
fn a_chronology_template_without_an_entry_template_of_its_own_gets_the_entries_as_values() {
    // As a theme copied out by `dossier init --theme-only` before chronology_entry.html
    // existed, or a page template written to the older variables: it lists its entries itself.
    for (name, template) in [
        (
            "a loop",
            "{% for e in day.entries %}<p class=\"old\">{{ e.kind }}: {{ e.title }}</p>{% endfor %}",
        ),
        (
            "its own macro",
            "{% for e in day.entries %}{{ self::entry(e=e) }}{% endfor %}",
        ),
    ] {
        let f = Fixture::new();
        f.write(
            "templates/chronology.html",
            &format!(
                "{{% extends \"base.html\" %}}{{% block main %}}{{% for year in years %}}\
                 {{% for month in year.months %}}{{% for day in month.days %}}{template}\
                 {{% endfor %}}{{% endfor %}}{{% endfor %}}{{% endblock main %}}\
                 {{% macro entry(e) %}}<p class=\"old\">{{{{ e.kind }}}}: {{{{ e.title }}}}</p>{{% endmacro entry %}}"
            ),
        );
        f.build().ok();
        let page = f.page("chronology/index.html");
        assert_eq!(
            texts_of(&page, "p.old"),
            ["event: The summit", "article: Doe arrives for the summit"],
            "{name}"
        );
    }
}
