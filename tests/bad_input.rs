//! One test per bad-input rule of DESIGN.md: the message names the file and line, the exit
//! code is 1, every problem is reported, and the previous output is left untouched.

mod common;

#[path = "../fuzz/src/checks.rs"]
mod checks;
use common::*;

/// Builds the fixture once (good), applies `damage`, builds again, and checks the failure:
/// exit code 1, each of `expected` in the output, the previous `public/` unchanged.
fn fails_keeping_output(
    fixture: &Fixture,
    damage: impl FnOnce(&Fixture),
    expected: &[&str],
) -> String {
    fixture.build().ok();
    let before = snapshot(&fixture.path("public"));
    damage(fixture);
    let run = fixture.build();
    let stderr = run.stderr();
    assert_eq!(run.code(), Some(1), "expected exit code 1:\n{stderr}");
    for text in expected {
        assert!(stderr.contains(text), "expected {text:?} in:\n{stderr}");
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(
        snapshot(&fixture.path("public")),
        before,
        "the previous output changed"
    );
    let leftovers: Vec<_> = std::fs::read_dir(fixture.root())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".public"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary folders left behind: {leftovers:?}"
    );
    stderr
}

#[test]
fn malformed_yaml() {
    let f = Fixture::new();
    fails_keeping_output(
        &f,
        |f| {
            f.write(
                "content/sources/wire.md",
                "---\nname: \"The Wire\nkind: wire\n---\n",
            )
        },
        &["content/sources/wire.md:", "not valid YAML", "hint:"],
    );
}

#[test]
fn missing_required_key() {
    let f = Fixture::new();
    fails_keeping_output(
        &f,
        |f| {
            f.write(
                "content/articles/wire-summit.md",
                "---\ntitle: T\npublished: 2024-05-02\n---\nText.\n",
            )
        },
        &["content/articles/wire-summit.md:1:1: error: missing required key `source`"],
    );
}

#[test]
fn unknown_key_with_did_you_mean() {
    let f = Fixture::new();
    let stderr = fails_keeping_output(
        &f,
        |f| {
            f.write(
                "content/articles/wire-summit.md",
                "---\ntitle: T\nsource: wire\npublshed: 2024-05-02\n---\nText.\n",
            )
        },
        &[
            "content/articles/wire-summit.md:4:1: error: unknown key `publshed`",
            "4 | publshed: 2024-05-02",
            "hint: did you mean `published`?",
        ],
    );
    // Every problem at once: the unknown key and the then-missing `published`.
    assert!(
        stderr.contains("missing required key `published`"),
        "{stderr}"
    );
}

#[test]
fn invalid_date() {
    let f = Fixture::new();
    fails_keeping_output(
        &f,
        |f| {
            f.write(
                "content/articles/wire-summit.md",
                "---\ntitle: T\nsource: wire\npublished: 2014-13-45\n---\nText.\n",
            )
        },
        &[
            "content/articles/wire-summit.md:4:12: error: invalid date in `published`",
            "no month 13",
        ],
    );
}

#[test]
fn dangling_references_of_every_kind_are_all_reported() {
    let f = Fixture::new();
    fails_keeping_output(
        &f,
        |f| {
            f.write(
                "content/articles/wire-summit.md",
                "---\ntitle: T\nsource: wyre\npublisher: nobody\npublished: 2024-05-02\nevents: [sumit]\nactors: [john-smith]\n---\nText.\n",
            );
            f.write(
                "content/events/summit.md",
                "---\ntitle: S\ndate: 2024-05-02\nsources: [\"wire-sumit#p1\"]\n---\n",
            );
            f.write(
                "content/actors/jane-doe.md",
                "---\nname: Jane Doe\naffiliation: ruritanya\n---\n",
            );
        },
        &[
            "content/articles/wire-summit.md:3:9: error: no source `wyre`",
            "did you mean `wire`?",
            "content/articles/wire-summit.md:4:12: error: no source `nobody`",
            "content/articles/wire-summit.md:6:10: error: no event `sumit`",
            "content/articles/wire-summit.md:7:10: error: no actor `john-smith`",
            "content/events/summit.md:4:12: error: no article `wire-sumit`",
            "content/actors/jane-doe.md:3:14: error: no actor `ruritanya`",
        ],
    );
}

#[test]
fn paragraph_anchor_beyond_the_article() {
    let f = Fixture::new();
    fails_keeping_output(
        &f,
        |f| {
            f.write(
                "content/events/summit.md",
                "---\ntitle: S\ndate: 2024-05-02\nsources: [\"wire-summit#p9\"]\n---\n",
            )
        },
        &[
            "content/events/summit.md:4:12: error: `wire-summit` has no paragraph `#p9`",
            "#p1 to #p2",
        ],
    );
}

#[test]
fn a_file_that_is_not_utf8() {
    let f = Fixture::new();
    fails_keeping_output(
        &f,
        |f| {
            f.write_bytes(
                "content/actors/jane-doe.md",
                b"---\nname: Jane Doe\nrole: Minist\xe8re\n---\n",
            )
        },
        &[
            "content/actors/jane-doe.md:3:13: error: the file is not UTF-8 text",
            "save the file as UTF-8",
        ],
    );
}

#[test]
fn an_output_folder_overlapping_content_is_refused() {
    let f = Fixture::new();
    f.build().ok();
    let before = snapshot(f.root());
    for output in [
        "content",
        "content/articles",
        ".",
        "..",
        "static/x",
        "themes",
        "content/../content/",
    ] {
        let run = f.run(&["build", "--output", &f.path(output).display().to_string()]);
        assert_eq!(run.code(), Some(1), "{output}: {}", run.stderr());
        assert!(
            run.stderr().contains("refusing to build into"),
            "{output}: {}",
            run.stderr()
        );
    }
    assert_eq!(snapshot(f.root()), before, "a refused build changed files");
}

#[test]
fn a_folder_not_made_by_dossier_is_never_replaced() {
    let f = Fixture::new();
    f.write("elsewhere/notes.txt", "mine");
    let run = f.run(&[
        "build",
        "--output",
        &f.path("elsewhere").display().to_string(),
    ]);
    assert_eq!(run.code(), Some(1));
    assert!(
        run.stderr().contains("not made by dossier"),
        "{}",
        run.stderr()
    );
    assert_eq!(
        std::fs::read_to_string(f.path("elsewhere/notes.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn unknown_site_toml_key() {
    let f = Fixture::new();
    fails_keeping_output(
        &f,
        |f| f.write("site.toml", "title = \"T\"\nbase_ur = \"https://e.org/\"\n"),
        &[
            "site.toml:2:1: error: unknown key `base_ur`",
            "did you mean `base_url`?",
        ],
    );
}

/// The page's only scripts are the theme's own files, none inline (the check the fuzz targets
/// make of every page).
fn assert_no_script_but_the_themes(html: &scraper::Html) {
    let found: Vec<String> = checks::active_content(&html.html())
        .into_iter()
        .filter(|f| f.starts_with("<script"))
        .collect();
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn script_injection_in_a_body_is_removed() {
    let f = Fixture::new();
    f.write(
        "content/articles/wire-summit.md",
        "---\ntitle: T\nsource: wire\npublished: 2024-05-02\n---\n\nHello <script>alert(1)</script> <img src=x onerror=\"alert(2)\"> <a href=\"javascript:alert(3)\">x</a> [y](javascript:alert(4)) <iframe src=\"https://evil.example\"></iframe>\n",
    );
    f.build().ok();
    let html = f.page("articles/wire-summit/index.html");
    assert!(html.select(&sel("iframe")).next().is_none());
    assert_no_script_but_the_themes(&html);
    for element in html.select(&sel("*")) {
        for (name, value) in element.value().attrs() {
            assert!(!name.starts_with("on"), "event handler {name} kept");
            assert!(
                !value.to_lowercase().contains("javascript:"),
                "javascript: URL kept in {name}"
            );
        }
    }
    assert!(text_of(&html, "#p1").unwrap().starts_with("Hello"));
}

#[test]
fn script_injection_in_front_matter_is_escaped() {
    let f = Fixture::new();
    f.write(
        "content/articles/wire-summit.md",
        "---\ntitle: \"<script>alert(1)</script>\"\nsource: wire\npublished: 2024-05-02\nsummary: \"\\\" onmouseover=\\\"alert(2)\"\nbyline: \"<img src=x onerror=alert(3)>\"\n---\n\nText.\n",
    );
    f.build().ok();
    for page in [
        "articles/wire-summit/index.html",
        "index.html",
        "sources/wire/index.html",
    ] {
        let html = f.page(page);
        assert!(
            html.select(&sel("img")).next().is_none(),
            "{page}: active element"
        );
        assert_no_script_but_the_themes(&html);
        for element in html.select(&sel("*")) {
            for (name, _) in element.value().attrs() {
                assert!(!name.starts_with("on"), "{page}: event handler {name}");
            }
        }
    }
    let html = f.page("articles/wire-summit/index.html");
    assert_eq!(text_of(&html, "h1").unwrap(), "<script>alert(1)</script>");
}

#[test]
fn an_unsafe_url_in_front_matter_is_an_error() {
    let f = Fixture::new();
    fails_keeping_output(
        &f,
        |f| {
            f.write(
                "content/sources/wire.md",
                "---\nname: W\nurl: \"javascript:alert(1)\"\n---\n",
            )
        },
        &["content/sources/wire.md:3:1: error: `url` must be an http:// or https:// address"],
    );
}

#[test]
fn an_output_folder_from_site_toml_is_reported_at_its_line_and_one_from_a_flag_at_the_flag() {
    let f = Fixture::new();
    f.write(
        "site.toml",
        "title = \"Test dossier\"\nbase_url = \"https://example.org/t/\"\noutput_dir = \"content\"\n",
    );
    let run = f.build();
    assert_eq!(run.code(), Some(1), "{}", run.stderr());
    let stderr = run.stderr();
    for expected in [
        "site.toml:3:14: error: refusing to build into",
        "it lies inside content/",
        "3 | output_dir = \"content\"\n  |              ^",
        "or pass --output DIR, which replaces `output_dir` of site.toml",
    ] {
        assert!(
            stderr.contains(expected),
            "expected {expected:?} in:\n{stderr}"
        );
    }

    // The same folder given by the flag: the message says so, and site.toml is not blamed.
    f.write(
        "site.toml",
        "title = \"Test dossier\"\nbase_url = \"https://example.org/t/\"\n",
    );
    let run = f.run(&[
        "build",
        "--output",
        &f.path("content").display().to_string(),
    ]);
    assert_eq!(run.code(), Some(1));
    let stderr = run.stderr();
    assert!(
        stderr.starts_with("--output: error: refusing to build into"),
        "{stderr}"
    );
    assert!(!stderr.contains("site.toml"), "{stderr}");

    // The default folder, refused: said to be the default, with both ways to change it.
    f.write("public/notes.txt", "mine");
    let run = f.build();
    assert_eq!(run.code(), Some(1));
    let stderr = run.stderr();
    assert!(stderr.contains("not made by dossier"), "{stderr}");
    assert!(
        stderr.contains(
            "this is the default `output_dir`: set another in site.toml, or pass --output DIR"
        ),
        "{stderr}"
    );
}

#[test]
fn a_bad_base_url_names_its_origin() {
    let f = Fixture::new();
    f.write(
        "site.toml",
        "title = \"T\"\nbase_url   =   \"example.org\"\n",
    );
    let run = f.build();
    assert_eq!(run.code(), Some(1));
    assert!(
        run.stderr()
            .contains("site.toml:2:16: error: `base_url` must be an absolute http(s) URL"),
        "{}",
        run.stderr()
    );
    let f = Fixture::new();
    let run = f.run(&["build", "--base-url", "example.org"]);
    assert_eq!(run.code(), Some(1));
    assert!(
        run.stderr()
            .starts_with("--base-url: error: `example.org` is not an absolute http(s) URL"),
        "{}",
        run.stderr()
    );
}

#[test]
fn a_file_refused_for_its_name_is_its_one_problem() {
    // `Anna-Berg.md` beside `anna-berg.md`: a copy under a name that is not a slug. Its
    // aliases are those of the real file; read, they would warn of a collision each.
    let f = Fixture::new();
    let actor =
        "---\nname: Anna Berg\naliases: [Berg, Ms Berg, A. Berg]\nkind: person\n---\nAn envoy.\n";
    f.write("content/actors/anna-berg.md", actor);
    let stderr = fails_keeping_output(
        &f,
        |f| f.write("content/actors/Anna-Berg.md", actor),
        &[
            "content/actors/Anna-Berg.md: error: `Anna-Berg` is not a valid file name for a slug",
            "name the file `anna-berg.md`",
        ],
    );
    assert_eq!(stderr.matches("error:").count(), 2, "{stderr}"); // the problem and the count
    assert!(!stderr.contains("warning:"), "{stderr}");
    assert!(stderr.contains("1 problem found"), "{stderr}");
    // Even when its front matter is broken as well: the name is the one problem.
    f.write("content/actors/Anna-Berg.md", "---\nname: [\n---\n");
    let run = f.build();
    assert_eq!(run.code(), Some(1));
    assert_eq!(
        run.stderr().matches("error:").count(),
        2,
        "{}",
        run.stderr()
    );
}
