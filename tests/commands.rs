//! `dossier init`, `dossier new` and `dossier check` as a user runs them.

mod common;

use common::*;

#[test]
fn init_makes_a_dossier_that_builds_with_no_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("x");
    let run = std::process::Command::new(BIN)
        .arg("init")
        .arg(&root)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let built = run_in(&root, &["build"]).ok();
    assert!(built.stdout().contains("1 articles"), "{}", built.stdout());
    let html = read_html(&root.join("public/articles/example-wire-summit-opens/index.html"));
    assert_eq!(
        text_of(&html, "h1").unwrap(),
        "Leaders meet for talks on the river dispute"
    );
    assert!(attrs_of(&html, "#p1 a", "href").contains(&"../../actors/jane-doe/".to_owned()));
    assert!(root.join("public/about/index.html").is_file());
    assert!(broken_links(&root.join("public")).is_empty());
    assert!(
        !root.join("themes").exists(),
        "a new dossier uses the built-in theme"
    );
}

/// The dossier of `Fixture::new` without its theme folder: only site.toml and content/.
fn without_theme() -> Fixture {
    let f = Fixture::new();
    std::fs::remove_dir_all(f.path("themes")).unwrap();
    f
}

#[test]
fn a_dossier_of_only_site_toml_and_content_builds_with_the_built_in_theme() {
    let f = without_theme();
    let built = f.build().ok();
    assert!(built.stdout().contains("1 articles"), "{}", built.stdout());
    let page = f.page("articles/wire-summit/index.html");
    assert_eq!(text_of(&page, "h1").unwrap(), "Doe arrives for the summit");
    assert!(attrs_of(&page, "link[rel=stylesheet]", "href").contains(&"../../style.css".to_owned()));
    for (rel, theme_file) in [
        ("style.css", "static/style.css"),
        ("search.js", "static/search.js"),
        ("cite.js", "static/cite.js"),
        ("favicon.svg", "static/favicon.svg"),
    ] {
        assert_eq!(
            std::fs::read(f.path("public").join(rel)).unwrap(),
            std::fs::read(repo().join("themes/briefing").join(theme_file)).unwrap(),
            "{rel} is the built-in theme's"
        );
    }
    for page in [
        "index.html",
        "actors/index.html",
        "actors/jane-doe/index.html",
        "sources/wire/index.html",
        "events/summit/index.html",
        "chronology/index.html",
        "search/index.html",
        "404.html",
    ] {
        assert!(f.path("public").join(page).is_file(), "{page}");
    }
    assert!(broken_links(&f.path("public")).is_empty());
    f.run(&["check"]).ok();
}

#[test]
fn a_theme_folder_or_templates_replace_the_built_in_theme_file_by_file() {
    let f = without_theme();
    f.write(
        "themes/briefing/static/style.css",
        "body { color: teal; }\n",
    );
    f.write(
        "themes/briefing/templates/page.html",
        "{% extends \"base.html\" %}{% block main %}<h1 class=\"from-theme-folder\">{{ content.title }}</h1>{% endblock main %}",
    );
    f.write(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block main %}<h1 class=\"from-templates\">Lost</h1>{% endblock main %}",
    );
    f.write(
        "content/pages/about.md",
        "---\ntitle: About\n---\n\nText.\n",
    );
    f.build().ok();
    assert_eq!(
        std::fs::read_to_string(f.path("public/style.css")).unwrap(),
        "body { color: teal; }\n"
    );
    assert!(
        f.path("public/search.js").is_file(),
        "the rest stays built in"
    );
    assert_eq!(
        text_of(&f.page("about/index.html"), "h1.from-theme-folder").unwrap(),
        "About"
    );
    assert_eq!(
        text_of(&f.page("404.html"), "h1.from-templates").unwrap(),
        "Lost"
    );
    assert_eq!(
        text_of(&f.page("articles/wire-summit/index.html"), "h1").unwrap(),
        "Doe arrives for the summit"
    );
}

#[test]
fn a_missing_theme_other_than_the_default_is_an_error_on_its_line_with_a_way_out() {
    let f = without_theme();
    f.write(
        "site.toml",
        "title = \"Test dossier\"\nbase_url = \"https://example.org/t/\"\ntheme = \"sober\"\n",
    );
    let run = f.build();
    assert_eq!(run.code(), Some(1));
    let err = run.stderr();
    assert!(
        err.contains(
            "site.toml:3:9: error: the theme `sober` has no folder themes/sober/templates/"
        ),
        "{err}"
    );
    assert!(err.contains("theme = \"briefing\""), "{err}");
    assert!(err.contains("dossier init --theme-only"), "{err}");
}

#[test]
fn init_theme_only_copies_the_built_in_theme_out_and_never_overwrites() {
    let f = without_theme();
    f.build().ok();
    let before = std::fs::read(f.path("public/articles/wire-summit/index.html")).unwrap();
    let run = f.run(&["init", "--theme-only"]).ok();
    assert!(run.stdout().contains("themes/briefing"), "{}", run.stdout());
    for file in [
        "templates/article.html",
        "templates/base.html",
        "static/style.css",
    ] {
        assert_eq!(
            std::fs::read(f.path("themes/briefing").join(file)).unwrap(),
            std::fs::read(repo().join("themes/briefing").join(file)).unwrap(),
            "{file}"
        );
    }
    f.build().ok();
    assert_eq!(
        std::fs::read(f.path("public/articles/wire-summit/index.html")).unwrap(),
        before,
        "the copy renders as the built-in theme did"
    );
    // An edited copy is never overwritten.
    f.write("themes/briefing/static/style.css", "/* mine */\n");
    let again = f.run(&["init", "--theme-only"]);
    assert_eq!(again.code(), Some(1));
    assert!(
        again.stderr().contains("exists already"),
        "{}",
        again.stderr()
    );
    assert!(
        again.stderr().contains("never overwrites"),
        "{}",
        again.stderr()
    );
    assert_eq!(
        std::fs::read_to_string(f.path("themes/briefing/static/style.css")).unwrap(),
        "/* mine */\n"
    );
}

#[test]
fn init_never_overwrites() {
    let f = Fixture::new();
    let run = std::process::Command::new(BIN)
        .arg("init")
        .arg(f.root())
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("not empty"));
}

#[test]
fn new_writes_a_skeleton_that_checks_and_never_overwrites() {
    let f = Fixture::new();
    f.run(&["new", "actor", "john-smith"]).ok();
    let text = std::fs::read_to_string(f.path("content/actors/john-smith.md")).unwrap();
    assert!(text.starts_with("---\nname: \"John smith\""), "{text}");
    f.run(&["new", "event", "talks"]).ok();
    f.run(&["new", "source", "daily"]).ok();
    f.run(&["check"]).ok();

    let again = f.run(&["new", "actor", "john-smith"]);
    assert_eq!(again.code(), Some(1));
    assert!(
        again.stderr().contains("exists already"),
        "{}",
        again.stderr()
    );
    assert_eq!(
        std::fs::read_to_string(f.path("content/actors/john-smith.md")).unwrap(),
        text
    );

    let bad = f.run(&["new", "actor", "John Smith"]);
    assert_eq!(bad.code(), Some(1));
    assert!(bad.stderr().contains("`john-smith`"), "{}", bad.stderr());
    let kind = f.run(&["new", "artcle", "x"]);
    assert!(
        kind.stderr().contains("did you mean `article`?"),
        "{}",
        kind.stderr()
    );
}

#[test]
fn check_reports_problems_and_writes_nothing() {
    let f = Fixture::new();
    f.run(&["check"]).ok();
    assert!(!f.path("public").exists(), "check wrote an output folder");
    f.write(
        "content/articles/wire-summit.md",
        "---\ntitle: T\nsource: wire\npublished: 2024-02-30\n---\n",
    );
    let run = f.run(&["check"]);
    assert_eq!(run.code(), Some(1));
    assert!(
        run.stderr()
            .contains("content/articles/wire-summit.md:4:12: error: invalid date in `published`"),
        "{}",
        run.stderr()
    );
    assert!(
        run.stderr().contains("February 2024 has no day 30"),
        "{}",
        run.stderr()
    );
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let f = Fixture::new();
    f.write(
        "content/articles/draft-one.md",
        "---\ntitle: Draft\nsource: wire\npublished: 2024-05-03\ndraft: true\n---\nText.\n",
    );
    f.build().ok();
    assert!(!f.path("public/articles/draft-one").exists());
    f.run(&["build", "--drafts"]).ok();
    assert!(f.path("public/articles/draft-one/index.html").is_file());
}

#[test]
fn a_template_override_replaces_the_theme_file() {
    let f = Fixture::new();
    f.write("templates/page.html", "{% extends \"base.html\" %}{% block main %}<p id=\"custom\">{{ content.title }}</p>{% endblock main %}");
    f.write(
        "content/pages/about.md",
        "---\ntitle: About us\n---\nText.\n",
    );
    f.build().ok();
    assert_eq!(
        text_of(&f.page("about/index.html"), "#custom").unwrap(),
        "About us"
    );
}

#[test]
fn a_broken_template_names_its_file() {
    let f = Fixture::new();
    f.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block main %}{{ content.title {% endblock main %}",
    );
    let run = f.build();
    assert_eq!(run.code(), Some(1));
    assert!(
        run.stderr().contains("templates/page.html"),
        "{}",
        run.stderr()
    );
}

#[test]
fn without_search_no_page_offers_it_and_check_passes() {
    let f = Fixture::new();
    f.write(
        "site.toml",
        "title = \"Test dossier\"\nbase_url = \"https://example.org/t/\"\nsearch = false\n",
    );
    f.run(&["check"]).ok();
    f.build().ok();
    assert!(!f.path("public/search/index.html").exists());
    assert!(!f.path("public/pagefind").exists());
    for page in ["index.html", "articles/wire-summit/index.html", "404.html"] {
        let html = f.page(page);
        assert_eq!(html.select(&sel("form[role=search]")).count(), 0, "{page}");
        assert!(
            attrs_of(&html, "a", "href")
                .iter()
                .all(|h| !h.contains("search")),
            "{page}"
        );
    }
    // With search on (the default), the header has the form.
    f.write("site.toml", "title = \"Test dossier\"\n");
    f.build().ok();
    let html = f.page("index.html");
    assert_eq!(html.select(&sel("form[role=search]")).count(), 1);
}

/// Runs `dossier ARGS` in `root` on a pseudo-terminal (util-linux `script`), with `env`;
/// returns everything it wrote there.
fn run_on_terminal(root: &std::path::Path, args: &str, env: &[(&str, &str)]) -> String {
    let output = std::process::Command::new("script")
        .args([
            "-qec",
            &format!("{BIN} --root {} {args}", root.display()),
            "/dev/null",
        ])
        .envs(env.iter().copied())
        .output()
        .expect("script (util-linux) runs");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_build_shows_a_progress_bar_only_on_a_terminal_and_only_when_long() {
    let f = Fixture::new();
    // On a terminal, once the build has run for the delay (0 here): the bar, then cleared.
    let shown = run_on_terminal(f.root(), "build", &[("DOSSIER_PROGRESS_AFTER_MS", "0")]);
    assert!(shown.contains("rendering and writing ["), "{shown}");
    assert!(shown.contains("files"), "{shown}");
    let last = shown
        .trim_end()
        .rsplit(['\r', '\n'])
        .next()
        .unwrap_or_default();
    assert!(last.contains("Built "), "the summary comes last: {last:?}");
    // A short build on a terminal: no bar.
    let short = run_on_terminal(f.root(), "build", &[]);
    assert!(!short.contains("rendering and writing"), "{short}");
    // Not a terminal: never, whatever the delay.
    let output = std::process::Command::new(BIN)
        .arg("--root")
        .arg(f.root())
        .arg("build")
        .env("DOSSIER_PROGRESS_AFTER_MS", "0")
        .output()
        .unwrap();
    assert!(output.status.success());
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(!all.contains("rendering and writing"), "{all}");
    assert_eq!(all.lines().count(), 1, "one summary line: {all}");
}
