//! Quotes as a reader and an analyst meet them: attributed statements with how they were
//! attributed, uncertain speakers shown as uncertain and listed by `dossier check`, quoted
//! terms kept apart, and the front matter that confirms, rejects or reclassifies a quote.
//! The dossiers are invented for these tests.

mod common;

use common::*;

/// A dossier about invented talks: two men and a woman, one outlet, one article whose body
/// is `body` and whose front matter ends with `extra`.
fn talks(body: &str, extra: &str) -> Fixture {
    let f = Fixture::empty();
    f.write(
        "site.toml",
        "title = \"Talks\"\nbase_url = \"https://example.org/t/\"\nsearch = false\n",
    );
    f.write(
        "content/sources/wire.md",
        "---\nname: \"Harbour Wire\"\nkind: wire\n---\nA wire.\n",
    );
    f.write(
        "content/sources/daily.md",
        "---\nname: \"The Daily Lamp\"\nkind: newspaper\n---\nA daily.\n",
    );
    f.write(
        "content/actors/tomas-ruiz.md",
        "---\nname: Tomas Ruiz\naliases: [Ruiz]\nkind: person\npronoun: he\nrole: Interior Minister\n---\nA minister.\n",
    );
    f.write(
        "content/actors/pope-leo.md",
        "---\nname: Pope Leo\naliases: [Leo]\nkind: person\npronoun: he\n---\nA pope.\n",
    );
    f.write(
        "content/actors/ana-ortiz.md",
        "---\nname: Ana Ortiz\naliases: [Ortiz]\nkind: person\npronoun: she\n---\nA former president.\n",
    );
    f.write(
        "content/events/talks.md",
        "---\ntitle: The talks\ndate: 2031-05-02\nsources: [wire-talks, daily-talks]\n---\nTalks.\n",
    );
    f.write(
        "content/articles/wire-talks.md",
        &format!(
            "---\ntitle: \"Talks end\"\nsource: wire\npublished: 2031-05-02\n{extra}---\n\n{body}"
        ),
    );
    f.write(
        "content/articles/daily-talks.md",
        "---\ntitle: \"A day of talks\"\nsource: daily\npublished: 2031-05-03\n---\n\nVoters said \"no\" to the \"framework accord\" in May, and Ortiz called the result \"a lesson for every government\".\n",
    );
    f
}

const AMBIGUOUS: &str = "Ruiz and Leo met in the capital on Sunday.\n\n\"It was useful,\" he said.\n\nOrtiz, who met Leo on Saturday, has demanded changes. \"We ask for reflection,\" she said.\n";

#[test]
fn an_uncertain_speaker_is_shown_as_uncertain_with_its_candidates() {
    let f = talks(AMBIGUOUS, "");
    f.build().ok();
    let page = f.page("articles/wire-talks/index.html");
    let items: Vec<String> = texts_of(&page, ".article-quotes li");
    assert_eq!(items.len(), 2, "{items:?}");
    let uncertain = page
        .select(&sel(".article-quotes li.uncertain"))
        .next()
        .expect("an uncertain quote");
    let text = collapse(&uncertain.text().collect::<String>());
    assert!(text.contains("It was useful"), "{text}");
    assert!(
        text.contains("speaker uncertain (Tomas Ruiz or Pope Leo?)"),
        "{text}"
    );
    // The sure one names its speaker and says how.
    let sure = collapse(&items[1]);
    assert!(
        sure.contains("We ask for reflection") && sure.contains("Ana Ortiz"),
        "{sure}"
    );
    let why = texts_of(&page, ".article-quotes li details.why");
    assert!(why[1].contains("pronoun-after"), "{why:?}");
    // Actor pages list only sure attributions.
    let on_ruiz = texts_of(&f.page("actors/tomas-ruiz/index.html"), "blockquote.quote");
    assert!(
        on_ruiz.is_empty(),
        "an uncertain quote on Ruiz's page: {on_ruiz:?}"
    );
    assert_eq!(
        f.page("actors/ana-ortiz/index.html")
            .select(&sel("blockquote.quote"))
            .count(),
        2
    );
}

#[test]
fn check_lists_each_uncertain_quote_at_its_place_and_exits_zero() {
    let f = talks(AMBIGUOUS, "");
    let run = f.run(&["check"]).ok();
    let out = run.stdout() + &run.stderr();
    assert!(
        out.contains("content/articles/wire-talks.md:9:2: note: quote “It was useful,” — speaker uncertain (candidates: Tomas Ruiz, Pope Leo); confirm with quotes: in the front matter"),
        "{out}"
    );
    assert!(out.contains("1 uncertain quote(s) to confirm"), "{out}");
}

#[test]
fn check_says_when_no_quote_is_uncertain() {
    let run = run_in(&repo(), &["check"]).ok();
    assert!(
        run.stdout().contains("no uncertain quotes"),
        "{}",
        run.stdout()
    );
}

#[test]
fn front_matter_confirms_rejects_and_reclassifies() {
    let extra = "quotes:\n  - text: \"It was useful\"\n    by: pope-leo\n  - text: \"We ask for reflection\"\n    reject: true\n";
    let f = talks(AMBIGUOUS, extra);
    let run = f.run(&["check"]).ok();
    assert!(
        run.stdout().contains("no uncertain quotes"),
        "{}",
        run.stdout()
    );
    f.build().ok();
    let page = f.page("articles/wire-talks/index.html");
    let items = texts_of(&page, ".article-quotes li");
    assert_eq!(items.len(), 1, "{items:?}");
    assert!(
        items[0].contains("Pope Leo") && items[0].contains("front-matter"),
        "{items:?}"
    );

    // `kind: term` makes a statement a term: never attributed, listed with the terms.
    let extra = "quotes:\n  - text: \"We ask for reflection\"\n    kind: term\n";
    let f = talks(AMBIGUOUS, extra);
    f.build().ok();
    let page = f.page("articles/wire-talks/index.html");
    assert_eq!(
        texts_of(&page, ".article-terms li"),
        ["“We ask for reflection,”"]
    );
    assert_eq!(
        f.page("actors/ana-ortiz/index.html")
            .select(&sel("blockquote.quote"))
            .count(),
        1
    );
}

#[test]
fn a_wrong_kind_in_front_matter_is_an_error_at_its_line() {
    let extra = "quotes:\n  - text: \"It was useful\"\n    kind: label\n";
    let f = talks(AMBIGUOUS, extra);
    let run = f.run(&["build"]);
    assert_eq!(run.code(), Some(1));
    assert!(
        run.stderr()
            .contains("content/articles/wire-talks.md:7:11: error: `label` is not a valid `kind`"),
        "{}",
        run.stderr()
    );
}

#[test]
fn quoted_terms_are_listed_per_outlet_on_the_comparison_and_never_as_quotes() {
    let f = talks(AMBIGUOUS, "");
    f.build().ok();
    let page = f.page("compare/talks/index.html");
    let terms = texts_of(&page, ".quoted-terms dd li");
    assert_eq!(terms, ["“no”", "“framework accord”"], "{terms:?}");
    let outlets = texts_of(&page, ".quoted-terms dt");
    assert_eq!(outlets.len(), 1);
    assert!(outlets[0].contains("The Daily Lamp"), "{outlets:?}");
    // Neither term is among the quotes of the comparison.
    let quotes = collapse(
        &texts_of(
            &page,
            "#quotes ~ details .unique-quotes, #quotes ~ blockquote",
        )
        .join(" "),
    );
    assert!(
        !quotes.contains("“no”") && !quotes.contains("framework accord"),
        "{quotes}"
    );
    assert!(quotes.contains("a lesson for every government"), "{quotes}");
}

/// `dossier.json` of `root` checked against `docs/dossier.schema.json`.
fn schema_errors(data: &serde_json::Value) -> Vec<String> {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("docs/dossier.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    validator
        .iter_errors(data)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn dossier_json_holds_the_analysis_and_follows_its_schema() {
    // The sample, and an invented dossier with an uncertain quote and terms.
    let sample: serde_json::Value =
        serde_json::from_slice(&std::fs::read(sample_site().join("dossier.json")).unwrap())
            .unwrap();
    assert_eq!(schema_errors(&sample), Vec::<String>::new());
    assert_eq!(sample["analysis"]["quotes"].as_array().unwrap().len(), 44);

    let f = talks(AMBIGUOUS, "");
    f.build().ok();
    let data: serde_json::Value =
        serde_json::from_slice(&std::fs::read(f.path("public/dossier.json")).unwrap()).unwrap();
    assert_eq!(schema_errors(&data), Vec::<String>::new());
    let quotes = data["analysis"]["quotes"].as_array().unwrap();
    let useful = quotes
        .iter()
        .find(|q| q["text"] == "It was useful,")
        .unwrap();
    assert_eq!(useful["speaker"], serde_json::Value::Null);
    assert_eq!(useful["certain"], false);
    assert_eq!(
        useful["candidates"],
        serde_json::json!(["tomas-ruiz", "pope-leo"])
    );
    assert_eq!(useful["rule"], "ambiguous");
    let reflection = quotes
        .iter()
        .find(|q| q["text"] == "We ask for reflection,")
        .unwrap();
    assert_eq!(reflection["speaker"], "ana-ortiz");
    assert_eq!(reflection["rule"], "pronoun-after");
    assert_eq!(reflection["kind"], "statement");
    let no = quotes.iter().find(|q| q["text"] == "no").unwrap();
    assert_eq!(no["kind"], "term");
    assert_eq!(no["group"], serde_json::Value::Null);
    assert!(data["analysis"]["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["actor"] == "pope-leo" && m["article"] == "wire-talks" && m["paragraph"] == 1));

    // A file that breaks the contract is caught: the schema is not a formality.
    let mut broken = data.clone();
    broken["analysis"]["quotes"][0]["kind"] = "label".into();
    assert!(!schema_errors(&broken).is_empty());
    let mut broken = data;
    broken["analysis"]["quotes"][0]
        .as_object_mut()
        .unwrap()
        .remove("certain");
    assert!(!schema_errors(&broken).is_empty());
}

/// The same words carried by three outlets, credited to the harbour master by two and read
/// out by a lawyer, uncredited, in the third: the harbour master's page counts the two and
/// says the third does not credit her.
#[test]
fn an_outlet_that_carries_the_words_without_crediting_the_speaker_is_not_counted_as_crediting() {
    let f = Fixture::empty();
    f.write(
        "site.toml",
        "title = \"Quay collapse\"\nbase_url = \"https://example.org/q/\"\n",
    );
    for (slug, name) in [
        ("coast-wire", "Coast Wire"),
        ("bay-daily", "Bay Daily"),
        ("radio-kell", "Radio Kell"),
    ] {
        f.write(
            &format!("content/sources/{slug}.md"),
            &format!("---\nname: {name}\nkind: newspaper\n---\n"),
        );
    }
    f.write(
        "content/actors/orla-fenn.md",
        "---\nname: Orla Fenn\naliases: [Fenn]\nkind: person\npronoun: she\n---\n",
    );
    f.write(
        "content/actors/piet-aro.md",
        "---\nname: Piet Aro\naliases: [Aro]\nkind: person\npronoun: he\n---\n",
    );
    let words = "close the north quay until the piles are replaced";
    f.write(
        "content/articles/coast-wire-quay.md",
        &format!("---\ntitle: Quay shut\nsource: coast-wire\npublished: 2041-06-03\n---\n\nHarbour master Orla Fenn wrote to the port board in May. \"We must {words},\" Fenn said.\n"),
    );
    f.write(
        "content/articles/bay-daily-quay.md",
        &format!("---\ntitle: Fenn's warning\nsource: bay-daily\npublished: 2041-06-04\n---\n\nThe harbour master had a plan. \"We must {words},\" Fenn told the board.\n"),
    );
    f.write(
        "content/articles/radio-kell-quay.md",
        &format!("---\ntitle: The hearing\nsource: radio-kell\npublished: 2041-06-05\n---\n\nPiet Aro, counsel to the hearing, read the letter aloud: the board was to \"{words}.\" Nobody answered.\n"),
    );
    f.build().ok();
    let page = f.page("actors/orla-fenn/index.html");
    let quote = page
        .select(&sel("blockquote.quote"))
        .next()
        .expect("her quote is listed");
    let count = collapse(
        &quote
            .select(&sel(".quote-count"))
            .next()
            .unwrap()
            .text()
            .collect::<String>(),
    );
    assert_eq!(count, "Carried by 2 outlets");
    let carriers: Vec<String> = quote
        .select(&sel(".quote-sources li"))
        .map(|li| collapse(&li.text().collect::<String>()))
        .collect();
    assert_eq!(carriers.len(), 3, "{carriers:?}");
    assert!(
        carriers[..2].iter().all(|c| !c.contains("not credited")),
        "{carriers:?}"
    );
    assert!(
        carriers[2].starts_with("Radio Kell")
            && carriers[2].contains("not credited to Orla Fenn there"),
        "{carriers:?}"
    );
    // Nothing of it is on the lawyer's page.
    let aro = f.page("actors/piet-aro/index.html");
    assert!(aro.select(&sel("blockquote.quote")).next().is_none());
}
