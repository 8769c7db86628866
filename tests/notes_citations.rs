//! The analyst's notes (beside their paragraph, searchable, on `/notes/`, in `dossier.json`;
//! a key naming no paragraph is an error at its line) and citations (each paragraph's "cite"
//! control, `/bibliography/`, `bibliography.bib` and `bibliography.json` read back). The
//! dossier is invented: a harbour strike reported by a wire, its reprint and a broadcaster.

mod common;

use common::*;
use scraper::ElementRef;

const WIRE: &str = "Dockworkers in Port Calder walked out on Tuesday over a pay offer of 3 percent, the Harbour Workers Union said.\n\nThe strike closed all four container terminals, the port authority said, and about 40 ships waited offshore.\n\nUnion leader Mara Voss said the walkout would last \"as long as it takes\".\n";

const TV: &str = "A strike by 2,000 dockworkers shut the port of Port Calder on Tuesday.\n\nMara Voss, who leads the Harbour Workers Union, told North TV the offer was an insult.\n";

fn dossier(extra_note: &str) -> Fixture {
    let f = Fixture::empty();
    f.write(
        "site.toml",
        "title = \"Port Calder strike\"\nbase_url = \"https://example.org/strike/\"\nsearch = false\n",
    );
    for (slug, name, kind) in [
        ("meridian-wire", "Meridian Wire", "wire"),
        ("harbour-post", "The Harbour Post", "newspaper"),
        ("north-tv", "North TV", "broadcaster"),
    ] {
        f.write(
            &format!("content/sources/{slug}.md"),
            &format!("---\nname: \"{name}\"\nkind: {kind}\n---\nAn outlet.\n"),
        );
    }
    f.write(
        "content/actors/mara-voss.md",
        "---\nname: Mara Voss\naliases: [Voss]\nkind: person\nnotes: \"Voss led the **2029** strike too; her figures were then *higher* than the port's.\"\n---\nThe union leader.\n",
    );
    f.write(
        "content/events/walkout.md",
        "---\ntitle: Dockworkers walk out\ndate: 2031-03-04\nsources: [\"wire-strike#p1\", \"tv-strike#p1\"]\nnotes:\n  - \"The wire counts ships; the broadcaster counts workers.\"\n  - \"No outlet names the port authority's spokesman.\"\n---\nThe strike begins.\n",
    );
    f.write(
        "content/articles/wire-strike.md",
        &format!("---\ntitle: \"Port Calder dockworkers strike over pay\"\nsource: meridian-wire\nbyline: \"By Ann Li and Bo Ek\"\nurl: https://wire.example/strike?id=7&lang=en\npublished: 2031-03-04\nnotes:\n  p2: \"First report of the **40 ships**; the broadcaster gives no figure.\"\n{extra_note}---\n\n{WIRE}"),
    );
    f.write(
        "content/articles/wire-reprint.md",
        &format!("---\ntitle: \"Dockworkers strike: 50% of {{terminals}} shut?\"\nsource: meridian-wire\npublisher: harbour-post\npublished: 2031-03-05\n---\n\n{WIRE}"),
    );
    f.write(
        "content/articles/tv-strike.md",
        &format!("---\ntitle: \"Strike shuts Port Calder\"\nsource: north-tv\npublished: 2031-03\nnotes: {{p1: \"The 2,000 is the union's figure.\"}}\n---\n\n{TV}"),
    );
    f
}

/// The element right after paragraph `#pN` of an article page: its side.
fn side_of<'a>(page: &'a scraper::Html, n: usize) -> ElementRef<'a> {
    let p = page
        .select(&sel(&format!("#p{n}")))
        .next()
        .unwrap_or_else(|| panic!("no #p{n}"));
    p.next_siblings()
        .find_map(ElementRef::wrap)
        .expect("an element after the paragraph")
}

fn ancestors_have(element: ElementRef, attribute: &str) -> bool {
    element
        .ancestors()
        .filter_map(ElementRef::wrap)
        .any(|e| e.value().attr(attribute).is_some())
}

#[test]
fn notes_stand_beside_their_paragraph_in_the_search_body_and_on_the_notes_page() {
    let f = dossier("");
    f.build().ok();
    let page = f.page("articles/wire-strike/index.html");

    // Paragraph 2's side holds its note, labelled as the analyst's; paragraph 1's has none.
    let side = side_of(&page, 2);
    assert_eq!(side.value().attr("class"), Some("para-side"));
    let note = side
        .select(&sel(".analyst-note"))
        .next()
        .expect("the note beside #p2");
    assert_eq!(note.value().attr("id"), Some("note-p2"));
    assert_eq!(note.value().attr("role"), Some("note"));
    let text = collapse(&note.text().collect::<String>());
    assert!(text.starts_with("Analyst’s note"), "{text}");
    assert!(text.contains("First report of the 40 ships"), "{text}");
    assert_eq!(
        note.select(&sel("strong")).next().map(|s| s.inner_html()),
        Some("40 ships".into()),
        "the note is Markdown"
    );
    assert!(side_of(&page, 1)
        .select(&sel(".analyst-note"))
        .next()
        .is_none());
    assert_eq!(page.select(&sel(".analyst-note")).count(), 1);
    // Its paragraphs carry no anchors of their own: #p1 is the article's.
    assert_eq!(page.select(&sel("[id=p1]")).count(), 1);

    // Searchable: inside the indexed body, not in an ignored region.
    assert!(ancestors_have(note, "data-pagefind-body"));
    assert!(!ancestors_have(note, "data-pagefind-ignore"));
    assert!(note.value().attr("data-pagefind-ignore").is_none());

    // The flow-style `notes: {p1: …}` of the broadcaster's article.
    let tv = f.page("articles/tv-strike/index.html");
    let note = side_of(&tv, 1).select(&sel(".analyst-note")).next();
    assert!(note.is_some_and(|n| n.text().collect::<String>().contains("union’s figure")));

    // Event and actor pages show theirs.
    let event = f.page("events/walkout/index.html");
    assert_eq!(
        texts_of(&event, "#notes .analyst-note"),
        vec![
            "The wire counts ships; the broadcaster counts workers.",
            "No outlet names the port authority’s spokesman."
        ]
    );
    let actor = f.page("actors/mara-voss/index.html");
    let actor_note = text_of(&actor, "#notes .analyst-note").unwrap();
    assert!(
        actor_note.contains("Voss led the 2029 strike too"),
        "{actor_note}"
    );

    // /notes/ lists every note with a link to its paragraph, and the navigation links it.
    let notes = f.page("notes/index.html");
    let links = attrs_of(&notes, ".note-anchor", "href");
    assert!(
        links.contains(&"../articles/wire-strike/#p2".to_owned()),
        "{links:?}"
    );
    assert!(
        links.contains(&"../articles/tv-strike/#p1".to_owned()),
        "{links:?}"
    );
    let all = collapse(&notes.root_element().text().collect::<String>());
    for expected in [
        "First report of the 40 ships",
        "The wire counts ships",
        "No outlet names",
        "Voss led the 2029 strike",
    ] {
        assert!(all.contains(expected), "{expected} in {all}");
    }
    assert!(attrs_of(&notes, "h3 a", "href").contains(&"../events/walkout/#notes".to_owned()));
    assert!(attrs_of(&page, ".masthead nav a", "href").contains(&"../../notes/".to_owned()));

    // dossier.json carries them.
    let data: serde_json::Value =
        serde_json::from_slice(&std::fs::read(f.path("public/dossier.json")).unwrap()).unwrap();
    let article = data["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["slug"] == "wire-strike")
        .unwrap();
    assert_eq!(article["notes"][0]["paragraph"], 2);
    let event = data["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["slug"] == "walkout")
        .unwrap();
    assert_eq!(event["notes"].as_array().unwrap().len(), 2);
}

#[test]
fn without_notes_there_is_no_notes_page_nor_link() {
    let f = Fixture::new();
    f.build().ok();
    assert!(!f.path("public/notes/index.html").exists());
    let page = f.page("articles/wire-summit/index.html");
    assert!(!attrs_of(&page, ".masthead nav a", "href")
        .iter()
        .any(|h| h.contains("notes")));
}

#[test]
fn a_note_on_a_paragraph_the_article_lacks_is_an_error_at_its_line() {
    let f = dossier("  p7: \"There is no seventh paragraph.\"\n  lede: \"Not a paragraph.\"\n");
    let run = f.build();
    assert_eq!(run.code(), Some(1));
    let err = run.stderr();
    // The front matter's `p7:` is on line 9, `lede:` on line 10.
    assert!(
        err.contains("content/articles/wire-strike.md:9:3: error: a note on paragraph `p7`, which this article does not have"),
        "{err}"
    );
    assert!(
        err.contains("the article has 3 paragraphs: name one as p1 to p3"),
        "{err}"
    );
    assert!(
        err.contains(
            "content/articles/wire-strike.md:10:3: error: `lede` in `notes` is not a paragraph"
        ),
        "{err}"
    );
}

#[test]
fn each_paragraph_cites_itself_and_the_bibliography_lists_every_article() {
    let f = dossier("");
    f.build().ok();
    let page = f.page("articles/wire-strike/index.html");
    // The page gives the note form once, for any paragraph: its number is a `var`.
    let line = page
        .select(&sel("#cite"))
        .next()
        .expect("the page's line citing a paragraph");
    assert!(line.value().attr("data-pagefind-ignore").is_some());
    let form = line
        .select(&sel(".citation-form"))
        .next()
        .expect("the citation form");
    let numbered = |n: usize| {
        collapse(
            &form
                .children()
                .map(|child| match ElementRef::wrap(child) {
                    Some(e) if e.value().name() == "var" => n.to_string(),
                    Some(e) => e.text().collect(),
                    None => child
                        .value()
                        .as_text()
                        .map_or(String::new(), |t| t.to_string()),
                })
                .collect::<String>(),
        )
    };
    for n in 1..=3 {
        // Each paragraph's "cite" control leads to that line and names its paragraph.
        let side = side_of(&page, n);
        let cite = side
            .select(&sel("a.cite"))
            .next()
            .unwrap_or_else(|| panic!("a cite control after #p{n}"));
        assert!(cite.value().attr("data-pagefind-ignore").is_some());
        assert_eq!(cite.value().attr("href"), Some("#cite"));
        assert_eq!(cite.value().attr("data-p"), Some(n.to_string().as_str()));
        assert_eq!(
            collapse(&cite.text().collect::<String>()),
            format!("cite paragraph ¶{n}")
        );
        assert_eq!(
            numbered(n),
            format!("Ann Li and Bo Ek, “Port Calder dockworkers strike over pay,” Meridian Wire, March 4, 2031, para. {n}, https://wire.example/strike?id=7&lang=en. Dossier copy: https://example.org/strike/articles/wire-strike/#p{n}.")
        );
    }
    assert_eq!(page.select(&sel(".citation-form var")).count(), 2);
    // A republished copy is cited "via" its publisher.
    let reprint = f.page("articles/wire-reprint/index.html");
    let citation = text_of(&reprint, "#cite .citation-form").unwrap();
    assert!(
        citation.starts_with("Meridian Wire via The Harbour Post, “Dockworkers strike: 50% of {terminals} shut?” March 5, 2031, para. N."),
        "{citation}"
    );

    let bibliography = f.page("bibliography/index.html");
    let entries = texts_of(&bibliography, ".bibliography li");
    assert_eq!(entries.len(), 3, "{entries:?}");
    assert!(
        entries
            .contains(&"North TV. “Strike shuts Port Calder.” March 2031. Dossier copy".to_owned()),
        "{entries:?}"
    );
    assert!(attrs_of(&bibliography, ".dossier-copy", "href")
        .contains(&"../articles/tv-strike/".to_owned()));
}

#[test]
fn bibtex_and_csl_json_parse_back_with_every_article() {
    let f = dossier("");
    f.build().ok();
    let slugs = ["wire-strike", "wire-reprint", "tv-strike"];

    let bib = std::fs::read_to_string(f.path("public/bibliography.bib")).unwrap();
    let parsed = biblatex::Bibliography::parse(&bib).unwrap_or_else(|e| panic!("{e:?}\n{bib}"));
    assert_eq!(parsed.len(), slugs.len());
    let text = |chunks: &[biblatex::Spanned<biblatex::Chunk>]| -> String {
        chunks.iter().map(|c| c.v.get().to_owned()).collect()
    };
    for slug in slugs {
        let entry = parsed
            .get(slug)
            .unwrap_or_else(|| panic!("{slug} in\n{bib}"));
        assert!(entry.title().is_ok(), "{slug}");
        assert!(entry.date().is_ok(), "{slug}");
    }
    let wire = parsed.get("wire-strike").unwrap();
    assert_eq!(wire.entry_type, biblatex::EntryType::Article);
    assert_eq!(text(wire.journal_title().unwrap()), "Meridian Wire");
    assert_eq!(wire.author().unwrap().len(), 2, "Ann Li and Bo Ek");
    assert_eq!(
        wire.url().unwrap(),
        "https://wire.example/strike?id=7&lang=en"
    );
    let reprint = parsed.get("wire-reprint").unwrap();
    assert_eq!(reprint.entry_type, biblatex::EntryType::Online);
    assert_eq!(
        text(reprint.title().unwrap()),
        "Dockworkers strike: 50% of {terminals} shut?"
    );

    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(f.path("public/bibliography.json")).unwrap())
            .unwrap();
    let items = json.as_array().expect("CSL-JSON is an array of items");
    assert_eq!(items.len(), slugs.len());
    for slug in slugs {
        let item = items
            .iter()
            .find(|i| i["id"] == slug)
            .unwrap_or_else(|| panic!("{slug}"));
        // CSL-JSON's required fields, and what a citation needs.
        assert_eq!(item["type"], "article-newspaper");
        assert!(item["title"].is_string());
        assert!(item["container-title"].is_string());
        let parts = item["issued"]["date-parts"][0].as_array().unwrap();
        assert!(!parts.is_empty() && parts.iter().all(|p| p.is_i64()));
        assert!(item["URL"].as_str().unwrap().starts_with("https://"));
    }
    let tv = items.iter().find(|i| i["id"] == "tv-strike").unwrap();
    assert_eq!(tv["issued"]["date-parts"], serde_json::json!([[2031, 3]]));
    let reprint = items.iter().find(|i| i["id"] == "wire-reprint").unwrap();
    assert_eq!(
        reprint["container-title"],
        "Meridian Wire via The Harbour Post"
    );
    assert_eq!(reprint["publisher"], "The Harbour Post");
    let wire = items.iter().find(|i| i["id"] == "wire-strike").unwrap();
    assert_eq!(
        wire["author"],
        serde_json::json!([{ "literal": "Ann Li and Bo Ek" }])
    );

    // `dossier check` knows every file a page links to, the exports included.
    f.run(&["check"]).ok();
}
