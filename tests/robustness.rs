//! Robustness: hostile content wherever a value reaches a page, inputs far beyond the usual
//! sizes, and no data loss (the output guard under every spelling of a path, builds killed at
//! random moments, failed builds, commands that create files). Built pages are read with an
//! HTML parser; the checks of what a page may contain are shared with the fuzz targets
//! (fuzz/src/checks.rs).
//!
//! The heavy tests (limits, killed builds) run one at a time, each child process under a time
//! limit, so that a hang fails its test instead of holding the suite. Those that take more
//! than a few seconds in a debug build (the biggest inputs, killed builds) are ignored by
//! `cargo test` and run in a release build by `.ci/run` (`cargo test --release -- --ignored`).

#[path = "../fuzz/src/checks.rs"]
mod checks;
mod common;

use std::path::Path;
use std::process::Command;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use common::*;

/// A change made to a fixture.
type Step = Box<dyn Fn(&Fixture)>;

/// One heavy test at a time: their time limits measure the program, not the neighbours.
fn heavy() -> MutexGuard<'static, ()> {
    static HEAVY: Mutex<()> = Mutex::new(());
    HEAVY.lock().unwrap_or_else(|e| e.into_inner())
}

/// The time limit of one run of the binary in the limit tests (meant for a release build).
const LIMIT: Duration = Duration::from_secs(120);

// ---------------------------------------------------------------------------------------------
// Hostile content
// ---------------------------------------------------------------------------------------------

/// Every trick for running code from a text value: tags, attribute break-outs, URLs, SVG and
/// MathML, a template expression, CDATA and comment ends, entities, a control character.
const PAYLOAD: &str = concat!(
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(2)>",
    "' onmouseover='alert(3)' x='",
    "javascript:alert(4) ",
    "</title></style></textarea></script><script>alert(5)</script>",
    "<svg onload=alert(6)><a xlink:href=\"javascript:alert(7)\">x</a></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(8)>",
    "<iframe src=\"javascript:alert(9)\"></iframe>",
    "]]> --> {{ 7 * 7 }} {% raw %} & &amp; \u{b}end",
);

/// A Markdown body with raw HTML and links of every dangerous kind.
const HOSTILE_BODY: &str = r#"Jane Doe said "we came to agree" on Thursday in Ruritania.

<script>alert(11)</script> <img src=x onerror=alert(12)> <IMG SRC=JaVaScRiPt:alert(13)>

[a](javascript:alert(14)) [b](JAVASCRIPT:alert(15)) [c](java%09script:alert(16)) [d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [e](vbscript:msgbox(1)) <javascript:alert(17)> [f][r]

[r]: javascript:alert(18)

![i](javascript:alert(19)) ![j](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)

<a href="jav&#x09;ascript:alert(20)">k</a> <a href="&#106;avascript:alert(21)">l</a> <a href="  javascript:alert(22)">m</a> <a href="&#x01;javascript:alert(23)">n</a>

<iframe src="https://evil.example/"></iframe> <object data="x.swf"></object> <embed src="x.swf"> <form action="javascript:alert(24)"><button formaction="javascript:alert(25)">go</button></form>

<style>body{background:url("javascript:alert(26)")}</style> <p style="background:url(javascript:alert(27))">styled</p>

<svg><script>alert(28)</script></svg> <svg onload="alert(29)"></svg> <svg><a xlink:href="javascript:alert(30)"><text>x</text></a></svg> <svg><animate attributeName="href" to="javascript:alert(31)"/><set attributeName="onmouseover" to="alert(32)"/></svg> <svg><foreignObject><iframe src="javascript:alert(33)"></iframe></foreignObject></svg>

<math><mtext><table><mglyph><style><img src=x onerror=alert(34)></style></mglyph></table></mtext></math> <math href="javascript:alert(35)">m</math> <math><maction actiontype="statusline" xlink:href="javascript:alert(36)">x</maction></math>

<noscript><p title="</noscript><img src=x onerror=alert(37)>"></noscript> <!--<script>alert(38)</script>--> <scr<script>ipt>alert(39)</script> <template><script>alert(40)</script></template>

<base href="javascript:alert(41)//"> <meta http-equiv="refresh" content="0;url=javascript:alert(42)"> <link rel="import" href="x.html">

<div onclick="alert(43)" onmouseover=alert(44)>div</div> <details open ontoggle=alert(45)>d</details> <video><source onerror="alert(46)"></video> <body onload=alert(47)>

```html
<script>alert(48)</script>
```
"#;

/// `text` as a YAML double-quoted scalar.
fn yaml(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `text` as a TOML basic string.
fn toml(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The value written into the field `label`: the label (to find it again) and the payload.
fn hostile(label: &str) -> String {
    format!("{label} {PAYLOAD}")
}

/// What a reader sees of a hostile value: the same text, less the characters XML and HTML
/// cannot carry.
fn shown(value: &str) -> String {
    collapse(&value.replace('\u{b}', ""))
}

/// A dossier whose every front matter value shown on a page carries [`PAYLOAD`], and whose
/// every body carries [`HOSTILE_BODY`]: site title and description (`language` must be a
/// language tag: see `config.rs`), two sources (name,
/// country, URL), two actors (name, aliases, role), an event (title, place, claims), two
/// articles (title, byline, summary, URL, quotes) and a free page (title, summary).
fn hostile_fixture() -> Fixture {
    let f = Fixture::empty();
    f.write(
        "site.toml",
        &format!(
            "title = {}\ndescription = {}\nbase_url = \"https://example.org/t/\"\n",
            toml(&hostile("site-title")),
            toml(&hostile("site-description"))
        ),
    );
    let url = "https://example.org/a?b=\"><script>alert(50)</script>&c='d'";
    for (slug, kind) in [("wire", "wire"), ("paper", "newspaper")] {
        f.write(
            &format!("content/sources/{slug}.md"),
            &format!(
                "---\nname: {}\nkind: {kind}\ncountry: {}\nurl: {}\n---\n{HOSTILE_BODY}",
                yaml(&hostile(&format!("source-{slug}"))),
                yaml(&hostile("country")),
                yaml(url),
            ),
        );
    }
    f.write(
        "content/actors/jane-doe.md",
        &format!(
            "---\nname: Jane Doe\naliases: [Doe, {}]\nkind: person\nrole: {}\n---\n{HOSTILE_BODY}",
            yaml(&hostile("alias")),
            yaml(&hostile("role")),
        ),
    );
    f.write(
        "content/actors/ruritania.md",
        &format!(
            "---\nname: {}\naliases: [Ruritania]\nkind: state\n---\n{HOSTILE_BODY}",
            yaml(&hostile("actor-name")),
        ),
    );
    f.write(
        "content/events/summit.md",
        &format!(
            "---\ntitle: {}\ndate: 2024-05-02\nplace: {}\nactors: [jane-doe, ruritania]\nsources: [\"wire-summit#p1\", paper-summit]\nclaims:\n  - about: {}\n    reports:\n      wire-summit: {}\n      paper-summit: {}\n---\n{HOSTILE_BODY}",
            yaml(&hostile("event-title")),
            yaml(&hostile("place")),
            yaml(&hostile("claim-about")),
            yaml(&hostile("claim-wire")),
            yaml(&hostile("claim-paper")),
        ),
    );
    for (slug, source) in [("wire-summit", "wire"), ("paper-summit", "paper")] {
        f.write(
            &format!("content/articles/{slug}.md"),
            &format!(
                "---\ntitle: {}\nsource: {source}\nurl: {}\npublished: 2024-05-02\nbyline: {}\nsummary: {}\nevents: [summit]\nactors: [ruritania]\nquotes:\n  - text: {}\n    by: jane-doe\n---\n{HOSTILE_BODY}\n\"{}\" Doe said.\n",
                yaml(&hostile(&format!("title-{slug}"))),
                yaml(url),
                yaml(&hostile("byline")),
                yaml(&hostile("summary")),
                yaml(&hostile("quote")),
                PAYLOAD.replace(['"', '\u{b}'], ""),
            ),
        );
    }
    f.write(
        "content/pages/about.md",
        &format!(
            "---\ntitle: {}\nsummary: {}\n---\n{HOSTILE_BODY}",
            yaml(&hostile("page-title")),
            yaml(&hostile("page-summary")),
        ),
    );
    f
}

/// Every file of the built site at `dir`: relative path and bytes.
fn site_files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    snapshot(dir)
        .into_iter()
        .map(|(p, b)| (p.to_string_lossy().into_owned(), b))
        .filter(|(p, _)| !p.starts_with("pagefind/"))
        .collect()
}

/// Asserts what must hold of any built site: pages inert, data valid JSON, feeds well-formed.
fn assert_safe_site(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let files = site_files(dir);
    assert!(files.iter().any(|(p, _)| p == "dossier.json"), "no site");
    checks::assert_site_is_safe(files.iter().map(|(p, b)| (p.as_str(), b.as_slice())));
    files
}

#[test]
fn hostile_values_in_every_field_are_escaped_on_every_page() {
    let f = hostile_fixture();
    let run = f.build();
    assert_eq!(run.code(), Some(0), "{}", run.stderr());
    let files = assert_safe_site(&f.path("public"));
    let pages = files.iter().filter(|(p, _)| p.ends_with(".html")).count();
    assert!(pages >= 15, "only {pages} pages");

    // Escaped, not dropped or escaped twice: each value reads as written where it is shown.
    let article = f.page("articles/wire-summit/index.html");
    assert_eq!(
        text_of(&article, "h1").unwrap(),
        shown(&hostile("title-wire-summit"))
    );
    let all_text = |page: &str| collapse(&f.page(page).root_element().text().collect::<String>());
    let article_text = all_text("articles/wire-summit/index.html");
    for label in ["byline", "source-wire", "site-title"] {
        assert!(
            article_text.contains(&shown(&hostile(label))),
            "{label} is not shown as written on the article page"
        );
    }
    for (page, labels) in [
        ("actors/jane-doe/index.html", &["alias", "role"][..]),
        ("actors/ruritania/index.html", &["actor-name"][..]),
        (
            "events/summit/index.html",
            &["event-title", "place", "claim-about"][..],
        ),
        ("sources/wire/index.html", &["country"][..]),
        ("about/index.html", &["page-title"][..]),
    ] {
        let text = all_text(page);
        for label in labels {
            assert!(
                text.contains(&shown(&hostile(label))),
                "{label} is not shown as written on {page}"
            );
        }
    }
    // The template expression in a value is text, never evaluated.
    assert!(article_text.contains("{{ 7 * 7 }} {% raw %}"));
    // Page descriptions (meta tags) carry the summary as an attribute, whole.
    let descriptions = attrs_of(&article, "meta[name=description]", "content");
    assert_eq!(
        descriptions,
        vec![hostile("summary").replace('\u{b}', "")],
        "the description attribute"
    );

    // The data file keeps every value exactly as written.
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(f.path("public/dossier.json")).unwrap()).unwrap();
    let titles: Vec<&str> = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    assert!(
        titles.contains(&hostile("title-wire-summit").as_str()),
        "{titles:?}"
    );
}

#[test]
fn hostile_markdown_bodies_are_sanitised_on_every_page() {
    let f = hostile_fixture();
    f.build().ok();
    assert_safe_site(&f.path("public"));
    let article = f.page("articles/wire-summit/index.html");
    // The text around the raw HTML stays, paragraph anchors too.
    assert!(text_of(&article, "#p1")
        .unwrap()
        .starts_with("Jane Doe said"));
    // Links with unsafe schemes lose their target, not their text.
    let body = texts_of(&article, "a").join(" ");
    for text in ["a", "b", "k", "l", "m"] {
        assert!(
            body.split(' ').any(|w| w == text),
            "link text {text} lost: {body}"
        );
    }
    // A code block shows the script as text.
    assert!(texts_of(&article, "pre code")
        .iter()
        .any(|t| t.contains("<script>alert(48)</script>")));
}

#[test]
fn the_checks_catch_a_value_left_unescaped() {
    // The checks above would see a template that forgot to escape: a site-level override of
    // the article template that marks the title `safe` lets the payload through.
    let f = hostile_fixture();
    let theme = std::fs::read_to_string(f.path("themes/briefing/templates/article.html")).unwrap();
    let unsafe_title = theme.replace("{{ article.title }}", "{{ article.title | safe }}");
    assert_ne!(theme, unsafe_title, "the theme's article template changed");
    f.write("templates/article.html", &unsafe_title);
    f.build().ok();
    let html = std::fs::read_to_string(f.path("public/articles/wire-summit/index.html")).unwrap();
    let found = checks::active_content(&html);
    for expected in ["<script", "onerror", "onload", "javascript:"] {
        assert!(
            found.iter().any(|f| f.contains(expected)),
            "{expected} not caught: {found:?}"
        );
    }
}

#[test]
fn raw_html_is_kept_only_when_the_dossier_asks_for_it() {
    // `unsafe_html = true` is the documented way to keep raw HTML: the sanitiser is off, so a
    // script in a body is kept (and only then).
    let f = Fixture::new();
    f.write(
        "site.toml",
        "title = \"T\"\nbase_url = \"https://example.org/t/\"\n[markdown]\nunsafe_html = true\n",
    );
    f.write(
        "content/articles/wire-summit.md",
        "---\ntitle: T\nsource: wire\npublished: 2024-05-02\n---\n\nHello <b onclick=\"x()\">there</b>.\n",
    );
    f.build().ok();
    let html = std::fs::read_to_string(f.path("public/articles/wire-summit/index.html")).unwrap();
    assert!(!checks::active_content(&html).is_empty());
}

#[test]
fn file_names_with_html_characters_are_refused_with_a_clear_error() {
    let f = Fixture::new();
    f.build().ok();
    let before = snapshot(&f.path("public"));
    for name in [
        "x\"><img src=x onerror=alert(1)>",
        "<script>alert(1)<",
        "Jane Doe",
        "a&b",
        "new\nline",
    ] {
        let path = format!("content/actors/{name}.md");
        f.write(&path, "---\nname: X\n---\n");
        let run = f.build();
        let stderr = run.stderr();
        assert_eq!(run.code(), Some(1), "{name:?}: {stderr}");
        assert!(
            stderr.contains("is not a valid file name for a slug") && stderr.contains("hint:"),
            "{name:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
        std::fs::remove_file(f.path(&path)).unwrap();
    }
    // A name that is not UTF-8 at all.
    {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"caf\xe9.md");
        let path = f.path("content/actors").join(name);
        std::fs::write(&path, "---\nname: X\n---\n").unwrap();
        let run = f.build();
        assert_eq!(run.code(), Some(1), "{}", run.stderr());
        assert!(
            run.stderr().contains("is not a valid file name for a slug"),
            "{}",
            run.stderr()
        );
        std::fs::remove_file(path).unwrap();
    }
    assert_eq!(snapshot(&f.path("public")), before, "a refused build wrote");
}

#[test]
fn the_chronology_style_holds_only_slugs() {
    let f = hostile_fixture();
    f.build().ok();
    let page = f.page("chronology/index.html");
    let styles = texts_of(&page, "style");
    assert!(!styles.is_empty(), "the chronology has its filter style");
    for style in styles {
        assert!(
            style
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || " -_#.:,;{}()[]=\"'>~*!%\n".contains(c)),
            "unexpected characters in the chronology's style: {style}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Limits
// ---------------------------------------------------------------------------------------------

/// Builds `f` under [`LIMIT`]; asserts that it finished, without a panic, and returns the run.
fn build_limited(f: &Fixture, what: &str) -> Limited {
    let run = run_limited(f.root(), &["build"], LIMIT);
    eprintln!(
        "{what}: exit {:?} in {:.1} s, peak {} MiB",
        run.code,
        run.elapsed.as_secs_f64(),
        run.peak_mib
    );
    assert!(
        !run.timed_out,
        "{what}: still running after {} s (a hang)",
        LIMIT.as_secs()
    );
    assert!(!run.stderr.contains("panicked"), "{what}: {}", run.stderr);
    assert!(run.code.is_some(), "{what}: killed by a signal");
    run
}

fn article(f: &Fixture, slug: &str, front: &str, body: &str) {
    f.write(
        &format!("content/articles/{slug}.md"),
        &format!("---\ntitle: T\nsource: wire\npublished: 2024-05-03\n{front}---\n\n{body}"),
    );
}

#[test]
fn a_50_mb_article_is_refused_at_once_without_reading_it() {
    let _heavy = heavy();
    let f = Fixture::new();
    let paragraph = "Jane Doe said the talks in Ruritania would go on. ".repeat(20) + "\n\n";
    let body = paragraph.repeat(50 * 1024 * 1024 / paragraph.len() + 1);
    article(&f, "huge", "", &body);
    let run = build_limited(&f, "50 MB article");
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr
            .contains("content/articles/huge.md: error: the file is too large (50.0 MB)")
            && run.stderr.contains("at most 10 MB"),
        "{}",
        run.stderr
    );
    assert!(run.elapsed < Duration::from_secs(30), "{:?}", run.elapsed);
    assert!(
        run.peak_mib < 200,
        "read the file anyway: {} MiB",
        run.peak_mib
    );
    assert!(!f.path("public").exists());
}

#[test]
#[ignore = "slow: run in a release build by .ci/run (cargo test --release -- --ignored)"]
fn an_article_just_under_the_size_limit_builds() {
    let _heavy = heavy();
    let f = Fixture::new();
    let paragraph = "Jane Doe said the talks in Ruritania would go on. ".repeat(20) + "\n\n";
    let body = paragraph.repeat(9_900_000 / paragraph.len());
    article(&f, "big", "", &body);
    let run = build_limited(&f, "9.9 MB article");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

#[test]
fn a_front_matter_of_10000_lines_builds() {
    let _heavy = heavy();
    let f = Fixture::new();
    let mut front = String::from("summary: |\n");
    for i in 0..4000 {
        front.push_str(&format!("  Line {i} of a long summary.\n"));
    }
    front.push_str("quotes:\n");
    for i in 0..2000 {
        front.push_str(&format!(
            "  - text: \"Quote number {i}\"\n    by: jane-doe\n"
        ));
    }
    front.push_str("actors:\n");
    for _ in 0..2000 {
        front.push_str("  - jane-doe\n");
    }
    assert!(front.lines().count() >= 10_000);
    article(&f, "long-front", &front, "Jane Doe spoke.\n");
    let run = build_limited(&f, "10,000-line front matter");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.peak_mib < 1024, "{} MiB", run.peak_mib);
}

#[test]
#[ignore = "slow: run in a release build by .ci/run (cargo test --release -- --ignored)"]
fn ten_thousand_unknown_keys_are_all_reported_in_bounded_time() {
    let _heavy = heavy();
    let f = Fixture::new();
    let front: String = (0..10_000).map(|i| format!("key{i}: value\n")).collect();
    article(&f, "keys", &front, "Text.\n");
    let run = build_limited(&f, "10,000 unknown keys");
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("10000 problems found"), "{}", {
        let tail = run.stderr.len().saturating_sub(500);
        &run.stderr[tail..]
    });
    assert!(run
        .stderr
        .contains("content/articles/keys.md:10004:1: error: unknown key `key9999`"));
}

#[test]
fn markdown_nested_100000_deep_builds_and_checks() {
    let _heavy = heavy();
    let f = Fixture::new();
    article(
        &f,
        "deep-quote",
        "",
        &format!("{} Jane Doe, deep down.\n", ">".repeat(100_000)),
    );
    // 1,000 levels of list take 1 MB of indentation.
    let list: String = (0..1_000)
        .map(|i| format!("{}- item\n", "  ".repeat(i)))
        .collect();
    article(&f, "deep-list", "", &list);
    article(
        &f,
        "deep-inline",
        "",
        &format!(
            "{}a{}\n\n{}a{}\n",
            "*".repeat(50_000),
            "*".repeat(50_000),
            "[".repeat(50_000),
            "]".repeat(50_000)
        ),
    );
    let run = build_limited(&f, "deeply nested Markdown");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.peak_mib < 1024, "{} MiB", run.peak_mib);
    // Nesting is capped (HTML parsers take time quadratic in depth: `dossier check` took
    // minutes on 100,000 nested quotes); the text is all there.
    let html = f.page("articles/deep-quote/index.html");
    assert_eq!(html.select(&sel("blockquote")).count(), 64);
    assert!(text_of(&html, "blockquote")
        .unwrap()
        .contains("Jane Doe, deep down."));
    let run = run_limited(f.root(), &["check"], LIMIT);
    assert!(!run.timed_out, "dossier check hung on deep nesting");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

#[test]
fn deeply_nested_raw_html_is_shown_as_text() {
    // The sanitiser's HTML parser takes time quadratic in nesting depth (100,000 nested <div>
    // took 32 s in a release build): raw HTML nested too deep is shown as text instead.
    let _heavy = heavy();
    let f = Fixture::new();
    article(
        &f,
        "deep-divs",
        "",
        &format!("Text {}deep\n", "<div><b>".repeat(100_000)),
    );
    let run = build_limited(&f, "deeply nested raw HTML");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.elapsed < Duration::from_secs(60), "{:?}", run.elapsed);
    let path = f.path("public/articles/deep-divs/index.html");
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(checks::active_content(&html).is_empty());
    let page = read_html(&path);
    assert!(text_of(&page, "#p1")
        .unwrap()
        .starts_with("Text <div><b><div><b>"));
    assert_eq!(page.select(&sel("#p1 div")).count(), 0);
}

#[test]
fn a_one_megabyte_line_builds() {
    // One paragraph of 1 MB of plain sentences. With actor names, dates, figures or quotation
    // marks in it, analysis takes far longer: see the ignored tests below.
    let _heavy = heavy();
    let f = Fixture::new();
    let sentence = "The officials met in the capital and the talks went on. ";
    article(
        &f,
        "one-line",
        "",
        &(sentence.repeat(1024 * 1024 / sentence.len() + 1) + "\n"),
    );
    let run = build_limited(&f, "1 MB line");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.peak_mib < 1024, "{} MiB", run.peak_mib);
}

#[test]
fn a_one_megabyte_line_of_names_builds() {
    let _heavy = heavy();
    let f = Fixture::new();
    let sentence = "Jane Doe met officials of Ruritania and the talks went on. ";
    article(
        &f,
        "one-line",
        "",
        &(sentence.repeat(1024 * 1024 / sentence.len() + 1) + "\n"),
    );
    let run = build_limited(&f, "1 MB line of names");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

#[test]
#[ignore = "slow: run in a release build by .ci/run (cargo test --release -- --ignored)"]
fn a_one_megabyte_line_of_dated_sentences_builds() {
    let _heavy = heavy();
    let f = Fixture::new();
    let sentence = "The officials met on Thursday and 12 of them spoke. ";
    article(
        &f,
        "one-line",
        "",
        &(sentence.repeat(1024 * 1024 / sentence.len() + 1) + "\n"),
    );
    let run = build_limited(&f, "1 MB line of dates");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

#[test]
fn a_one_megabyte_line_of_quotation_marks_builds() {
    let _heavy = heavy();
    let f = Fixture::new();
    // Raw HTML pasted as text: attribute quotes everywhere, no full stop.
    let tag = "<span class=\"a\" title=\"Doe said\">x</span> ";
    article(
        &f,
        "pasted-html",
        "",
        &(tag.repeat(1024 * 1024 / tag.len() + 1) + "\n"),
    );
    let run = build_limited(&f, "1 MB line of quotes");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

#[test]
fn an_actor_with_10000_aliases_builds() {
    let _heavy = heavy();
    let f = Fixture::new();
    let aliases: String = (0..10_000)
        .map(|i| format!("  - Alias Number {i}\n"))
        .collect();
    f.write(
        "content/actors/many.md",
        &format!("---\nname: Many Names\naliases:\n{aliases}---\nA profile.\n"),
    );
    article(
        &f,
        "aliases",
        "",
        "Alias Number 5 met Alias Number 9999 and Jane Doe.\n",
    );
    let run = build_limited(&f, "10,000 aliases");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let html = f.page("articles/aliases/index.html");
    assert_eq!(
        attrs_of(&html, "#p1 a.actor-link", "href")
            .iter()
            .filter(|h| h.contains("actors/many/"))
            .count(),
        1,
        "the first mention links (first-per-paragraph)"
    );
}

/// A dossier with `n` tiny articles.
fn many_files(n: usize) -> Fixture {
    let f = Fixture::new();
    for i in 0..n {
        article(
            &f,
            &format!("a{i}"),
            "",
            &format!("Jane Doe said \"number {i}\".\n"),
        );
    }
    f
}

#[test]
#[ignore = "slow: run in a release build by .ci/run (cargo test --release -- --ignored)"]
fn twenty_thousand_files_build() {
    // 100,000 files take minutes in a debug build: see the ignored test below and
    // scripts/many-files.sh.
    let _heavy = heavy();
    let f = many_files(20_000);
    let run = run_limited(f.root(), &["build"], Duration::from_secs(300));
    eprintln!(
        "20,000 files: exit {:?} in {:.1} s, peak {} MiB",
        run.code,
        run.elapsed.as_secs_f64(),
        run.peak_mib
    );
    assert!(!run.timed_out, "20,000 files: a hang");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.peak_mib < 4096, "{} MiB", run.peak_mib);
    assert!(f.path("public/articles/a19999/index.html").is_file());
}

#[test]
#[ignore = "slow: about 80 s and 1.3 GB in a release build, run by .ci/run (cargo test --release -- --ignored)"]
fn a_hundred_thousand_files_build() {
    let _heavy = heavy();
    let f = many_files(100_000);
    let run = run_limited(f.root(), &["build"], Duration::from_secs(900));
    eprintln!(
        "100,000 files: exit {:?} in {:.1} s, peak {} MiB",
        run.code,
        run.elapsed.as_secs_f64(),
        run.peak_mib
    );
    assert!(!run.timed_out);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

#[test]
fn symbolic_link_loops_and_special_files_in_content_end_cleanly() {
    let f = Fixture::new();
    std::os::unix::fs::symlink("..", f.path("content/articles/loop")).unwrap();
    std::os::unix::fs::symlink(f.path("content"), f.path("content/events/up")).unwrap();
    let run = run_limited(f.root(), &["build"], LIMIT);
    assert!(!run.timed_out);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("content/articles/loop: error: a symbolic link here points back")
            && run
                .stderr
                .contains("content/events/up: error: a symbolic link here points back"),
        "{}",
        run.stderr
    );
    std::fs::remove_file(f.path("content/articles/loop")).unwrap();
    std::fs::remove_file(f.path("content/events/up")).unwrap();

    // A link to a file that is gone: named, with the reason.
    std::os::unix::fs::symlink("/nonexistent/gone.md", f.path("content/articles/gone.md")).unwrap();
    let run = run_limited(f.root(), &["build"], LIMIT);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("content/articles/gone.md"),
        "{}",
        run.stderr
    );
    std::fs::remove_file(f.path("content/articles/gone.md")).unwrap();

    // A named pipe and an endless device are not files: skipped, never read (no hang).
    let fifo =
        std::ffi::CString::new(f.path("content/articles/pipe.md").to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    std::os::unix::fs::symlink("/dev/zero", f.path("content/articles/zero.md")).unwrap();
    let run = run_limited(f.root(), &["build"], LIMIT);
    assert!(!run.timed_out, "reading a pipe or /dev/zero hung");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

#[test]
fn files_that_are_not_utf8_are_named_wherever_they_are() {
    let f = Fixture::new();
    f.write_bytes(
        "content/articles/wire-summit.md",
        b"---\ntitle: T\nsource: wire\npublished: 2024-05-02\n---\n\nCaf\xe9 au lait.\n",
    );
    f.write_bytes("content/events/summit.md", b"\xff\xfe---\n");
    let run = f.build();
    assert_eq!(run.code(), Some(1));
    let stderr = run.stderr();
    assert!(
        stderr.contains("content/articles/wire-summit.md:7:4: error: the file is not UTF-8 text")
            && stderr.contains("content/events/summit.md:1:1: error: the file is not UTF-8 text"),
        "{stderr}"
    );
    // Each stands for its slug: no cascade of dangling references.
    assert!(!stderr.contains("no article"), "{stderr}");
    assert!(!stderr.contains("no event"), "{stderr}");

    let f = Fixture::new();
    f.write_bytes("templates/article.html", b"{% extends \"base.html\" %}\xff");
    let run = f.build();
    assert_eq!(run.code(), Some(1));
    assert!(
        run.stderr()
            .contains("templates/article.html: error: cannot read the template"),
        "{}",
        run.stderr()
    );
}

#[test]
fn old_mac_line_ends_count_as_lines() {
    // A lone `\r` ends a line for YAML and Markdown; messages place problems on those lines.
    let f = Fixture::new();
    f.write(
        "content/articles/wire-summit.md",
        "---\rtitle: T\rsource: wire\rpublished: 2024-05-02\rpublshed: 2024\r---\r\rText.\r",
    );
    let run = f.build();
    assert_eq!(run.code(), Some(1));
    assert!(
        run.stderr()
            .contains("content/articles/wire-summit.md:5:1: error: unknown key `publshed`"),
        "{}",
        run.stderr()
    );
}

// ---------------------------------------------------------------------------------------------
// No data loss
// ---------------------------------------------------------------------------------------------

/// Runs the binary in `dir` (so that relative paths are relative to it).
fn run_from(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(BIN)
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run dossier");
    Run { output }
}

#[test]
fn the_output_guard_holds_for_every_spelling_of_a_path() {
    let f = Fixture::new();
    f.build().ok();
    let outside = tempfile::tempdir().unwrap();
    let out = outside.path();
    let root = f.root().to_str().unwrap().to_owned();
    let name = f.root().file_name().unwrap().to_str().unwrap().to_owned();
    std::os::unix::fs::symlink(f.path("content"), f.path("to-content")).unwrap();
    std::os::unix::fs::symlink(f.path("content"), out.join("to-content")).unwrap();
    std::os::unix::fs::symlink(f.root(), out.join("to-root")).unwrap();
    std::os::unix::fs::symlink(f.path("themes"), out.join("to-themes")).unwrap();
    let before = snapshot(f.root());
    let outside_before = snapshot(out);
    let o = |p: &str| out.join(p).to_str().unwrap().to_owned();
    let spellings: Vec<String> = vec![
        // Relative to the current folder (the dossier).
        "content".into(),
        "./content".into(),
        "content/".into(),
        "content//".into(),
        "content/.".into(),
        "content/articles/..".into(),
        "public/../content".into(),
        "static/../content/x".into(),
        "nothing/../content".into(),
        ".".into(),
        "./".into(),
        "..".into(),
        "../".into(),
        format!("../{name}"),
        format!("../{name}/content/"),
        "templates".into(),
        "themes/briefing/static".into(),
        "static".into(),
        "to-content".into(),
        "to-content/articles".into(),
        // Absolute.
        format!("{root}/content"),
        format!("{root}/content/"),
        format!("{root}//content"),
        format!("{root}/./content/../content"),
        root.clone(),
        format!("{root}/"),
        format!("{root}/.."),
        "/".into(),
        // Through symbolic links elsewhere.
        o("to-content"),
        o("to-content/"),
        o("to-root"),
        o("to-root/"),
        o("to-root/content"),
        o("to-themes/briefing"),
    ];
    for output in &spellings {
        let run = run_from(f.root(), &["build", "--output", output]);
        assert_eq!(run.code(), Some(1), "--output {output:?}: {}", run.stderr());
        assert!(
            run.stderr().contains("refusing to build into"),
            "--output {output:?}: {}",
            run.stderr()
        );
    }
    // The root given through a link, the output through the real path, and the reverse.
    for (root_arg, output) in [
        (o("to-root"), format!("{root}/content")),
        (root.clone(), o("to-root/content/")),
        (o("to-root/"), o("to-root/templates/x/..")),
    ] {
        let run = run_from(out, &["--root", &root_arg, "build", "--output", &output]);
        assert_eq!(run.code(), Some(1), "{root_arg} {output}: {}", run.stderr());
    }
    // The same spellings in site.toml's output_dir (relative to the dossier).
    for output_dir in [
        "content",
        "./content/",
        ".",
        "..",
        "/",
        "to-content",
        "static/",
    ] {
        f.write(
            "site.toml",
            &format!(
                "title = \"Test dossier\"\nbase_url = \"https://example.org/t/\"\noutput_dir = {output_dir:?}\n"
            ),
        );
        let run = run_from(out, &["--root", &root, "build"]);
        assert_eq!(
            run.code(),
            Some(1),
            "output_dir {output_dir:?}: {}",
            run.stderr()
        );
        assert!(run.stderr().contains("refusing to build into"));
    }
    f.write(
        "site.toml",
        "title = \"Test dossier\"\nbase_url = \"https://example.org/t/\"\n",
    );
    assert_eq!(
        snapshot(f.root()),
        before,
        "a refused build changed the dossier"
    );
    assert_eq!(
        snapshot(out),
        outside_before,
        "a refused build changed files elsewhere"
    );

    // Good spellings of the output folder build into it and nowhere else.
    for output in ["public/", "./public//", "public/.", "nothing/../public"] {
        run_from(f.root(), &["build", "--output", output]).ok();
    }
    assert_eq!(snapshot(f.root()), before, "the same output, built again");
}

#[test]
fn folders_that_only_look_like_abandoned_builds_are_kept() {
    // A build removes the temporary folders of killed builds beside its output, and nothing
    // else: not a file or folder of the user's whose name starts the same way.
    let f = Fixture::new();
    for name in [
        ".public.old-backup",
        ".public.tmp-notes",
        ".public.old-2024",
        ".public.tmp-1-2-3",
    ] {
        f.write(&format!("{name}/keep.txt"), "mine");
    }
    f.write(".public.tmp-12345-67", "a file, not a folder");
    // A folder as a killed build leaves it (its process is gone): removed.
    f.write(".public.tmp-999999999-123/index.html", "half a build");
    f.build().ok();
    for name in [
        ".public.old-backup",
        ".public.tmp-notes",
        ".public.old-2024",
        ".public.tmp-1-2-3",
    ] {
        assert_eq!(
            std::fs::read_to_string(f.path(&format!("{name}/keep.txt"))).ok(),
            Some("mine".to_owned()),
            "{name} was removed"
        );
    }
    assert!(f.path(".public.tmp-12345-67").is_file());
    assert!(!f.path(".public.tmp-999999999-123").exists());
}

#[test]
fn a_failed_build_changes_nothing_outside_its_output() {
    let outside = tempfile::tempdir().unwrap();
    let f = Fixture::new();
    let out = outside.path().join("site");
    let out_arg = out.to_str().unwrap().to_owned();
    f.run(&["build", "--output", &out_arg]).ok();
    std::fs::write(outside.path().join("notes.txt"), "beside the output").unwrap();
    std::fs::create_dir_all(outside.path().join("site-old")).unwrap();
    std::fs::write(outside.path().join("site-old/keep.txt"), "mine").unwrap();
    std::fs::write(f.path("notes.txt"), "in the dossier").unwrap();
    let dossier_before = snapshot(f.root());
    let outside_before = snapshot(outside.path());
    // Failures at each stage: reading content, rendering a page (in the middle of the write
    // phase), copying static files.
    let failures: Vec<(&str, Step, Step)> = vec![
        (
            "bad content",
            Box::new(|f| f.write("content/articles/bad.md", "---\ntitle: [\n---\n")),
            Box::new(|f| std::fs::remove_file(f.path("content/articles/bad.md")).unwrap()),
        ),
        (
            "a page that fails to render",
            Box::new(|f| {
                f.write(
                    "templates/event.html",
                    "{% extends \"base.html\" %}{% block main %}{{ no.such.value }}{% endblock %}",
                )
            }),
            Box::new(|f| std::fs::remove_file(f.path("templates/event.html")).unwrap()),
        ),
        (
            "a static file that cannot be read",
            Box::new(|f| {
                std::fs::create_dir_all(f.path("static")).unwrap();
                std::os::unix::fs::symlink("/nonexistent", f.path("static/gone.css")).unwrap();
            }),
            Box::new(|f| std::fs::remove_dir_all(f.path("static")).unwrap()),
        ),
    ];
    for (what, damage, repair) in &failures {
        damage(&f);
        let run = f.run(&["build", "--output", &out_arg]);
        assert_eq!(run.code(), Some(1), "{what}: {}", run.stderr());
        assert!(
            !run.stderr().contains("panicked"),
            "{what}: {}",
            run.stderr()
        );
        repair(&f);
        assert_eq!(
            snapshot(f.root()),
            dossier_before,
            "{what}: the dossier changed"
        );
        assert_eq!(
            snapshot(outside.path()),
            outside_before,
            "{what}: the output or files beside it changed"
        );
    }
}

/// A small, deterministic random number generator (xorshift), seeded from the clock unless
/// `DOSSIER_KILL_SEED` is set; the seed is printed so that a failure can be replayed.
struct Random(u64);

impl Random {
    fn new() -> Random {
        let seed = std::env::var("DOSSIER_KILL_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
                    | 1
            });
        eprintln!("random seed: DOSSIER_KILL_SEED={seed}");
        Random(seed)
    }

    /// A number in [0, 1).
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Writes the dossier's articles at `version` (0 or 1): 300 articles of a dozen paragraphs,
/// whose titles and last paragraphs differ between versions; version 1 has one more article.
fn write_version(f: &Fixture, version: usize) {
    let words = [
        "the",
        "minister",
        "said",
        "talks",
        "were",
        "held",
        "in",
        "the",
        "capital",
        "on",
        "Thursday",
        "and",
        "officials",
        "told",
        "reporters",
        "that",
        "the",
        "summit",
        "would",
        "resume",
        "after",
        "a",
        "pause",
        "for",
        "consultations",
    ];
    for i in 0..300 {
        let mut body = String::new();
        for p in 0..12 {
            let sentence: Vec<&str> = (0..50)
                .map(|w| words[(i * 7 + p * 13 + w * 3) % words.len()])
                .collect();
            body.push_str(&format!(
                "{}. Jane Doe said \"we will meet again\" in Ruritania.\n\n",
                sentence.join(" ")
            ));
        }
        body.push_str(&format!("Version {version} of article {i}.\n"));
        let title = if version == 0 {
            format!("Article {i}")
        } else {
            format!("Article {i}, updated")
        };
        f.write(
            &format!("content/articles/a{i:03}.md"),
            &format!(
                "---\ntitle: \"{title}\"\nsource: wire\npublished: 2024-05-03\nevents: [summit]\n---\n\n{body}"
            ),
        );
    }
    let extra = f.path("content/articles/extra.md");
    if version == 1 {
        article(f, "extra", "", "An article only in the new version.\n");
    } else if extra.exists() {
        std::fs::remove_file(extra).unwrap();
    }
}

#[test]
#[ignore = "slow: run in a release build by .ci/run (cargo test --release -- --ignored)"]
fn a_build_killed_at_random_points_leaves_the_old_or_the_new_output() {
    let _heavy = heavy();
    let f = Fixture::new();
    let public = f.path("public");
    let elsewhere = tempfile::tempdir().unwrap();

    // The two complete outputs, for reference, and how long a build takes.
    let mut references = Vec::new();
    let mut load_ms = 0.0f64;
    let mut total_ms = 0.0f64;
    for version in 0..2 {
        write_version(&f, version);
        let out = elsewhere.path().join(format!("v{version}"));
        let started = Instant::now();
        let output = Command::new(BIN)
            .env("DOSSIER_TIMINGS", "1")
            .arg("--root")
            .arg(f.root())
            .args(["build", "--output", out.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        total_ms = total_ms.max(started.elapsed().as_secs_f64() * 1000.0);
        let stderr = String::from_utf8_lossy(&output.stderr);
        let loaded: f64 = stderr
            .lines()
            .find_map(|l| l.strip_prefix("timing: load to analysis: "))
            .and_then(|l| l.trim_end_matches(" ms").parse().ok())
            .unwrap_or(0.0);
        load_ms = load_ms.max(loaded);
        references.push(snapshot(&out));
    }
    assert_ne!(references[0], references[1]);
    eprintln!(
        "a build: {total_ms:.0} ms, of which {load_ms:.0} ms before writing; {} files",
        references[1].len()
    );

    // Start from the old output.
    write_version(&f, 0);
    f.build().ok();
    assert_eq!(snapshot(&public), references[0]);
    let mut current = 0;

    // Kill builds at random moments from just before the write phase to just after the end,
    // one in each of `rounds` equal slices of that span (so that every part is hit).
    let rounds = 24;
    let (from, to) = (load_ms * 0.8, total_ms * 1.15);
    let mut random = Random::new();
    let mut seen = [0usize; 2];
    for round in 0..rounds {
        let target = 1 - current;
        write_version(&f, target);
        let delay = from + (to - from) * (round as f64 + random.next()) / rounds as f64;
        let mut child = Command::new(BIN)
            .arg("--root")
            .arg(f.root())
            .arg("build")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros((delay * 1000.0) as u64));
        let _ = child.kill(); // SIGKILL
        let status = child.wait().unwrap();
        let now = snapshot(&public);
        let outcome = references.iter().position(|r| *r == now).unwrap_or_else(|| {
            let old: Vec<_> = references[current].iter().map(|(p, _)| p).collect();
            let differing: Vec<_> = now
                .iter()
                .filter(|(p, b)| !references.iter().any(|r| r.iter().any(|(q, c)| q == p && c == b)))
                .map(|(p, _)| p.display().to_string())
                .take(5)
                .collect();
            panic!(
                "round {round}: killed after {delay:.0} ms ({status}), public/ is neither the old nor the new output: {} files (old {}), differing: {differing:?}",
                now.len(),
                old.len()
            )
        });
        seen[outcome] += 1;
        current = outcome;
    }
    eprintln!(
        "{rounds} builds killed: public/ was version 0 {} times and version 1 {} times, \
         complete each time",
        seen[0], seen[1]
    );
    // A build after all that completes and cleans up what the killed ones left.
    write_version(&f, 1);
    f.build().ok();
    assert_eq!(snapshot(&public), references[1]);
    let leftovers: Vec<String> = std::fs::read_dir(f.root())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public"))
        .collect();
    assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
}

// ---------------------------------------------------------------------------------------------
// Commands that create files
// ---------------------------------------------------------------------------------------------

#[test]
fn new_never_writes_through_a_link() {
    let f = Fixture::new();
    let outside = tempfile::tempdir().unwrap();
    let victim = outside.path().join("victim.md");
    // A dangling link where the new file would go: `exists()` says no, yet writing would
    // create the file at the other end.
    std::os::unix::fs::symlink(&victim, f.path("content/articles/fresh.md")).unwrap();
    let run = f.run(&["new", "article", "fresh"]);
    assert_eq!(run.code(), Some(1), "{}", run.stderr());
    assert!(!victim.exists(), "dossier new wrote through a link");
    // A link to a file elsewhere: left as it is.
    std::fs::write(&victim, "mine").unwrap();
    let run = f.run(&["new", "article", "fresh"]);
    assert_eq!(run.code(), Some(1));
    assert!(
        run.stderr().contains("never overwrites"),
        "{}",
        run.stderr()
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "mine");
}

#[test]
fn import_never_writes_through_a_link() {
    let f = Fixture::new();
    let outside = tempfile::tempdir().unwrap();
    let input = outside.path().join("page.txt");
    std::fs::write(
        &input,
        "Doe arrives for talks\n\nCAPITAL (The Wire) - Jane Doe arrived on Friday.\n\nMore about the talks.\n",
    )
    .unwrap();
    let victim = outside.path().join("victim.md");
    std::os::unix::fs::symlink(&victim, f.path("content/articles/doe-arrives-for-talks.md"))
        .unwrap();
    let run = f.run(&["import", input.to_str().unwrap()]);
    assert!(
        !victim.exists(),
        "dossier import wrote through a link: {}",
        run.stdout()
    );
    assert_eq!(run.code(), Some(1), "{}", run.stderr());
    assert!(
        run.stderr().contains("never overwrites"),
        "{}",
        run.stderr()
    );
    // --force replaces the link itself, never the file it points to.
    let run = f.run(&["import", "--force", input.to_str().unwrap()]);
    assert_eq!(run.code(), Some(0), "{}", run.stderr());
    assert!(
        !victim.exists(),
        "dossier import --force wrote through a link"
    );
    let draft = f.path("content/articles/doe-arrives-for-talks.md");
    assert!(draft.symlink_metadata().unwrap().file_type().is_file());
}

#[test]
fn the_checks_accept_the_sample_dossier() {
    // The checks above and in the fuzz targets must not flag the theme's own pages.
    let f = Fixture::new();
    f.build().ok();
    assert_safe_site(&f.path("public"));
}

// ---------------------------------------------------------------------------------------------
// Builds at the same time, write failures
// ---------------------------------------------------------------------------------------------

/// `dossier --root ROOT build ARGS`, started and left running, its output captured.
fn spawn_build(root: &Path, args: &[&str]) -> std::process::Child {
    Command::new(BIN)
        .arg("--root")
        .arg(root)
        .arg("build")
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start dossier build")
}

/// A dossier with 40 articles more than [`Fixture::new`], so that a build takes a moment.
fn busy_fixture() -> Fixture {
    let f = Fixture::new();
    for i in 0..40 {
        article(
            &f,
            &format!("a{i}"),
            "events: [summit]\n",
            &"Jane Doe said \"we came to agree\" in Ruritania on Thursday.\n\n".repeat(20),
        );
    }
    f
}

/// The names beside the output that start like it: temporary folders, lock files.
fn beside_public(f: &Fixture) -> Vec<String> {
    std::fs::read_dir(f.root())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public"))
        .collect()
}

#[test]
fn two_builds_into_the_same_output_at_once_leave_one_complete_build() {
    let f = busy_fixture();
    // Two builds that differ (their base URLs are in every page's canonical link), so that a
    // mix of the two would show.
    let elsewhere = tempfile::tempdir().unwrap();
    let mut references = Vec::new();
    for (i, url) in ["https://a.example/", "https://b.example/"]
        .iter()
        .enumerate()
    {
        let out = elsewhere.path().join(format!("ref{i}"));
        f.run(&[
            "build",
            "--base-url",
            url,
            "--output",
            out.to_str().unwrap(),
        ])
        .ok();
        references.push(snapshot(&out));
    }
    for round in 0..3 {
        let a = spawn_build(f.root(), &["--base-url", "https://a.example/"]);
        let b = spawn_build(f.root(), &["--base-url", "https://b.example/"]);
        for child in [a, b] {
            let output = child.wait_with_output().unwrap();
            assert!(
                output.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        let now = snapshot(&f.path("public"));
        assert!(
            references.contains(&now),
            "round {round}: public/ is neither build alone"
        );
        assert_eq!(beside_public(&f), Vec::<String>::new(), "round {round}");
    }
}

#[test]
fn a_build_waits_while_another_holds_the_output_then_builds() {
    let f = Fixture::new();
    f.build().ok();
    // Hold the lock as a running build would: the lock file with our process id, locked.
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(true)
        .write(true)
        .open(f.path(".public.lock"))
        .unwrap();
    std::io::Write::write_all(&mut &lock, format!("{}\n", std::process::id()).as_bytes()).unwrap();
    use std::os::unix::io::AsRawFd;
    // SAFETY: flock on a descriptor `lock` keeps open.
    assert_eq!(unsafe { libc::flock(lock.as_raw_fd(), libc::LOCK_EX) }, 0);
    let mut child = spawn_build(f.root(), &[]);
    std::thread::sleep(Duration::from_secs(2));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the build did not wait for the lock"
    );
    drop(lock);
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "waiting for another build into {} to finish (process {})",
            f.path("public").canonicalize().unwrap().display(),
            std::process::id()
        )),
        "{stderr}"
    );
    assert_eq!(beside_public(&f), Vec::<String>::new());
}

#[test]
fn the_lock_file_of_a_killed_build_is_taken_over() {
    let f = Fixture::new();
    f.build().ok();
    // Left by a build that was killed: its process is gone, the system released its lock.
    let dead = "4194305"; // beyond the kernel's highest process id
    f.write(".public.lock", &format!("{dead}\n"));
    f.write(
        "content/articles/extra.md",
        "---\ntitle: Extra\nsource: wire\npublished: 2024-05-03\n---\n\nMore.\n",
    );
    let run = run_limited(f.root(), &["build"], LIMIT);
    assert!(!run.timed_out, "waited for a dead build");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(!run.stderr.contains("waiting"), "{}", run.stderr);
    assert!(f.path("public/articles/extra/index.html").is_file());
    assert_eq!(beside_public(&f), Vec::<String>::new());
}

/// `dossier build` of `f` under a file size limit of `kib` KiB, as `ulimit -f` sets it: a larger
/// file fails to write. The signal that enforces the limit is left as it comes (by default it
/// ends the process): dossier must ignore it itself to report the failure.
fn build_with_file_limit(f: &Fixture, kib: u64) -> std::process::Output {
    use std::os::unix::process::CommandExt;
    let mut command = Command::new(BIN);
    command.arg("--root").arg(f.root()).arg("build");
    // SAFETY: only setrlimit and signal (sigaction), async-signal-safe, between fork and exec.
    unsafe {
        command.pre_exec(move || {
            let limit = libc::rlimit {
                rlim_cur: kib * 1024,
                rlim_max: kib * 1024,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            libc::signal(libc::SIGXFSZ, libc::SIG_DFL);
            Ok(())
        });
    }
    command.output().unwrap()
}

#[test]
fn a_write_failure_leaves_the_old_output_and_says_what_and_why_in_one_line() {
    let f = Fixture::new();
    f.build().ok();
    let before = snapshot(&f.path("public"));
    f.write(
        "content/articles/extra.md",
        "---\ntitle: Extra\nsource: wire\npublished: 2024-05-03\n---\n\nMore.\n",
    );
    let public = f.path("public").canonicalize().unwrap();
    // 16 KiB: the theme's stylesheet, copied first, is larger. 150 KiB: every page and static
    // file fits, and Pagefind's component script (about 180 KiB) does not: the search index,
    // made in memory, is written as pages are. 64 KiB: every static file fits, and twenty
    // article pages do not (a full disk fails every file after some point): one failure is
    // reported, not one per page.
    for (kib, failed) in [
        (16, "cannot copy"),
        (150, "cannot write pagefind/"),
        (64, "cannot write "),
    ] {
        if kib == 64 {
            for i in 0..20 {
                article(
                    &f,
                    &format!("big{i}"),
                    "",
                    &"The officials met in the capital and the talks went on. ".repeat(1300),
                );
            }
        }
        let output = build_with_file_limit(&f, kib);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{kib} KiB: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        let errors: Vec<&str> = stderr.lines().filter(|l| l.contains("error:")).collect();
        assert_eq!(errors.len(), 2, "one problem and the count: {stderr}");
        assert!(
            errors[0].starts_with(&format!("{}: error: {failed}", public.display()))
                && errors[0].ends_with("File too large (os error 27)"),
            "{kib} KiB: {stderr}"
        );
        assert_eq!(
            snapshot(&f.path("public")),
            before,
            "{kib} KiB: the old output changed"
        );
        assert_eq!(
            beside_public(&f),
            Vec::<String>::new(),
            "{kib} KiB: left behind"
        );
    }
}
