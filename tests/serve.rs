//! `dossier serve`: what it serves, what it refuses, and how it follows edits.

mod common;

use common::*;

/// Waits (up to 20 s) for a line of the server's output that `check` accepts.
fn wait_for_line(server: &Server, check: impl Fn(&str) -> bool) -> String {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        if let Some(line) = server.stdout.lock().unwrap().iter().find(|l| check(l)) {
            return line.clone();
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no such line in\n{}",
            server.output()
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// The number of pages a "FILE: N pages re-rendered in M ms" line reports.
fn pages_rerendered(line: &str) -> usize {
    line.split(": ")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no page count in {line:?}"))
}

/// How many lines of the server's output contain `text`.
fn count(server: &Server, text: &str) -> usize {
    let lines = server.stdout.lock().unwrap();
    lines.iter().filter(|l| l.contains(text)).count()
}

fn sample_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(repo().join("site.toml"), dir.path().join("site.toml")).unwrap();
    copy_dir(&repo().join("content"), &dir.path().join("content"));
    copy_dir(&repo().join("themes"), &dir.path().join("themes"));
    dir
}

#[test]
fn binds_loopback_and_serves_pages_with_the_live_reload_script() {
    let dir = sample_copy();
    let server = Server::start(dir.path(), &[]);
    assert!(
        server.address.starts_with("127.0.0.1:"),
        "{}",
        server.address
    );
    let (status, body) = server.get("/articles/reuters-talks-fail/");
    assert_eq!(status, 200);
    assert!(
        // The generation and the count of search indexes it was served at (the index may
        // be done by now or not).
        body.contains("<script src=\"/__dossier/live.js?g=0&s=0\" defer></script></body>")
            || body.contains("<script src=\"/__dossier/live.js?g=0&s=1\" defer></script></body>"),
        "script injected"
    );
    let (status, script) = server.get("/__dossier/live.js");
    assert_eq!(status, 200);
    assert!(script.contains("EventSource"));
    let (status, _) = server.raw("HEAD", "/style.css");
    assert_eq!(status, 200);
    // `dossier build` output never has the script.
    let out = dir.path().join("public");
    run_in(dir.path(), &["build"]).ok();
    assert!(
        !std::fs::read_to_string(out.join("articles/reuters-talks-fail/index.html"))
            .unwrap()
            .contains("__dossier")
    );
}

#[test]
fn unknown_paths_get_the_not_found_page_with_status_404() {
    let dir = sample_copy();
    let server = Server::start(dir.path(), &[]);
    let (status, body) = server.get("/no/such/page/");
    assert_eq!(status, 404);
    assert!(body.contains("Page not found"), "{body}");
}

#[test]
fn no_path_escapes_the_site() {
    let dir = sample_copy();
    std::fs::write(dir.path().join("secret.txt"), "TOP-SECRET").unwrap();
    let server = Server::start(dir.path(), &[]);
    for path in [
        "/../site.toml",
        "/../../etc/passwd",
        "/%2e%2e/site.toml",
        "/%2e%2e%2fsite.toml",
        "/..%2f..%2fetc%2fpasswd",
        "/articles/..%2f..%2f..%2fsecret.txt",
        "//etc/passwd",
        "/%2fetc%2fpasswd",
        "/..\\site.toml",
        "/secret.txt",
    ] {
        let (status, body) = server.get(path);
        assert!(status == 404 || status == 400, "{path}: status {status}");
        assert!(
            !body.contains("TOP-SECRET") && !body.contains("root:") && !body.contains("base_url"),
            "{path} leaked:\n{body}"
        );
    }
}

#[test]
fn an_edit_rerenders_a_bad_save_keeps_the_last_good_site_and_the_fix_clears_it() {
    let dir = sample_copy();
    let server = Server::start(dir.path(), &[]);
    let article = dir.path().join("content/articles/reuters-talks-fail.md");
    let text = std::fs::read_to_string(&article).unwrap();
    std::fs::write(
        &article,
        text.replace("found no middle ground", "found no common ground at all"),
    )
    .unwrap();
    server.wait_for("/articles/reuters-talks-fail/", 20, |b| {
        b.contains("found no common ground at all")
    });
    let line = wait_for_line(&server, |l| {
        l.contains("reuters-talks-fail.md") && l.contains("pages re-rendered")
    });
    let rendered = pages_rerendered(&line);
    let total = std::fs::read_dir(dir.path().join("content/actors"))
        .unwrap()
        .count();
    assert!(
        rendered < 40 && rendered < total + 20,
        "only dependent pages: {line}\n{}",
        server.output()
    );

    std::fs::write(&article, text.replacen("title:", "title: [broken", 1)).unwrap();
    let status = server.wait_for("/__dossier/status", 20, |b| {
        b.contains("reuters-talks-fail.md")
    });
    assert!(
        status.contains("content/articles/reuters-talks-fail.md:"),
        "{status}"
    );
    let (_, page) = server.get("/articles/reuters-talks-fail/");
    assert!(
        page.contains("found no common ground at all"),
        "the last good page is still served"
    );

    std::fs::write(&article, &text).unwrap();
    server.wait_for("/__dossier/status", 20, |b| b.trim() == "[]");
    server.wait_for("/articles/reuters-talks-fail/", 20, |b| {
        b.contains("found no middle ground")
    });
}

#[test]
fn created_deleted_and_renamed_files_are_followed() {
    let dir = sample_copy();
    let server = Server::start(dir.path(), &[]);
    let new = dir.path().join("content/actors/jane-roe.md");
    std::fs::write(
        &new,
        "---\nname: Jane Roe\nkind: person\n---\nA new actor.\n",
    )
    .unwrap();
    server.wait_for("/actors/jane-roe/", 20, |b| b.contains("Jane Roe"));
    // Save by rename, as editors do: write a temporary file and rename it over the original.
    let temp = dir.path().join("content/actors/.jane-roe.md.swp");
    std::fs::write(
        &temp,
        "---\nname: Jane Roe-Smith\nkind: person\n---\nRenamed.\n",
    )
    .unwrap();
    std::fs::rename(&temp, &new).unwrap();
    server.wait_for("/actors/jane-roe/", 20, |b| b.contains("Jane Roe-Smith"));
    std::fs::rename(&new, dir.path().join("content/actors/jane-smith.md")).unwrap();
    server.wait_for("/actors/jane-smith/", 20, |b| b.contains("Jane Roe-Smith"));
    let (status, _) = server.get("/actors/jane-roe/");
    assert_eq!(status, 404);
}

#[test]
fn stopping_the_server_with_a_page_open_removes_its_private_folder() {
    let dir = sample_copy();
    let temp = tempfile::tempdir().unwrap();
    let mut server = Server::start_with(dir.path(), &[], &[("TMPDIR", temp.path())]);
    let folders = || -> Vec<String> {
        std::fs::read_dir(temp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    };
    let during = folders();
    assert_eq!(during.len(), 1, "{during:?}");
    assert!(during[0].starts_with("dossier-serve-"), "{during:?}");
    // An open page's event stream does not keep the server from stopping.
    let mut events = std::net::TcpStream::connect(&server.address).unwrap();
    std::io::Write::write_all(
        &mut events,
        format!(
            "GET /__dossier/events HTTP/1.1\r\nHost: {}\r\nAccept: text/event-stream\r\n\r\n",
            server.address
        )
        .as_bytes(),
    )
    .unwrap();
    let mut first = [0u8; 64];
    let read = std::io::Read::read(&mut events, &mut first).unwrap();
    assert!(String::from_utf8_lossy(&first[..read]).starts_with("HTTP/1.1 200"));
    assert!(
        server.terminate(4),
        "serve did not stop on SIGTERM with a page open"
    );
    assert_eq!(folders(), Vec::<String>::new());
}

#[test]
fn a_body_edit_shows_its_page_first_then_updates_the_pages_that_depend_on_it() {
    let dir = sample_copy();
    let server = Server::start(dir.path(), &[]);
    let (_, before) = server.get("/actors/angela-merkel/");
    assert!(!before.contains("/articles/reuters-talks-fail/"));
    let article = dir.path().join("content/articles/reuters-talks-fail.md");
    let text = std::fs::read_to_string(&article).unwrap();
    // In the body only (the summary has the same words).
    let edited = text.replace(
        "found no middle ground on the Ukraine crisis",
        "found no middle ground on the Ukraine crisis, Merkel said",
    );
    assert_ne!(edited, text);
    std::fs::write(&article, edited).unwrap();
    // The quick path: the article's own page, with the new mention linked.
    let page = server.wait_for("/articles/reuters-talks-fail/", 20, |b| {
        b.contains("Merkel</a> said")
    });
    let at = page.find("Merkel</a> said").unwrap();
    assert!(
        page[..at]
            .rfind("<a ")
            .is_some_and(|a| page[a..at].contains("actors/angela-merkel/")),
        "mention linked: {}",
        &page[at.saturating_sub(200)..at]
    );
    // Then the full update: the actor page lists the article.
    server.wait_for("/actors/angela-merkel/", 20, |b| {
        b.contains("/articles/reuters-talks-fail/")
    });
    wait_for_line(&server, |l| l.contains("pages re-rendered"));
    let lines = server.stdout.lock().unwrap().clone();
    let quick = lines.iter().position(|l| l.contains("its page shown in"));
    let full = lines.iter().position(|l| l.contains("pages re-rendered"));
    assert!(
        matches!((quick, full), (Some(q), Some(f)) if q < f),
        "{lines:#?}"
    );
    // A change to the front matter takes the full path only.
    let summary = text.replace("After six hours of talks", "After six long hours of talks");
    assert_ne!(summary, text);
    std::fs::write(&article, summary).unwrap();
    server.wait_for("/articles/reuters-talks-fail/", 20, |b| {
        b.contains("After six long hours")
    });
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while count(&server, "pages re-rendered") < 2 {
        assert!(std::time::Instant::now() < deadline, "no second rebuild");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(count(&server, "its page shown in"), 1);
}

/// The problems a page of the preview lists while no build has succeeded (none on a page of
/// the site).
fn problems_on(body: &str) -> Vec<String> {
    let html = scraper::Html::parse_document(body);
    if html
        .select(&sel("body#dossier-error-page"))
        .next()
        .is_none()
    {
        return Vec::new();
    }
    texts_of(&html, "pre.dossier-problem")
}

#[test]
fn a_failing_first_build_serves_its_problems_on_every_page_until_a_save_fixes_them() {
    let f = Fixture::new();
    let article = f.path("content/articles/wire-summit.md");
    let good = std::fs::read_to_string(&article).unwrap();
    // An unclosed quote: the article is the dossier's only one, so nothing can be built.
    std::fs::write(
        &article,
        good.replace("\"Doe arrives for the summit\"", "\"Doe arrives"),
    )
    .unwrap();
    let server = Server::start(f.root(), &[]);
    wait_for_line(&server, |l| {
        l.contains("the first build failed with 1 problem, shown on every page")
    });
    for path in [
        "/",
        "/articles/wire-summit/",
        "/actors/jane-doe/",
        "/no/such/page/",
    ] {
        let (status, body) = server.get(path);
        assert_eq!(status, 200, "{path}");
        let problems = problems_on(&body);
        assert_eq!(problems.len(), 1, "{path}: {body}");
        assert!(
            problems[0].starts_with(
                "content/articles/wire-summit.md:6:1: error: the front matter is not valid YAML"
            ) && problems[0].contains("6 | --- | ^")
                && problems[0].contains("hint: quote values"),
            "{path}: {}",
            problems[0]
        );
        let html = scraper::Html::parse_document(&body);
        // A failed first build has no search index.
        assert_eq!(
            attrs_of(&html, "script", "src"),
            vec!["/__dossier/live.js?g=0&s=0"],
            "{path}: the page follows the next build"
        );
    }

    // Fixed: the next page load is the site.
    std::fs::write(&article, &good).unwrap();
    let body = server.wait_for("/articles/wire-summit/", 20, |b| problems_on(b).is_empty());
    let html = scraper::Html::parse_document(&body);
    assert_eq!(text_of(&html, "h1").unwrap(), "Doe arrives for the summit");
    let (status, _) = server.get("/no/such/page/");
    assert_eq!(status, 404);
    assert_eq!(server.get("/__dossier/status").1.trim(), "[]");
}

#[test]
fn a_broken_site_toml_at_start_is_shown_until_it_is_fixed() {
    let f = Fixture::new();
    let good = std::fs::read_to_string(f.path("site.toml")).unwrap();
    f.write(
        "site.toml",
        &good.replace("title = \"Test dossier\"", "title = \"Test dossier"),
    );
    let server = Server::start(f.root(), &[]);
    let (status, body) = server.get("/");
    assert_eq!(status, 200);
    let problems = problems_on(&body);
    assert!(
        problems.len() == 1 && problems[0].starts_with("site.toml:1:"),
        "{problems:?}"
    );
    // A content file saved meanwhile changes nothing: the site still cannot be built.
    f.write(
        "content/actors/jane-roe.md",
        "---\nname: Jane Roe\nkind: person\n---\nAn envoy.\n",
    );
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(problems_on(&server.get("/").1)[0].starts_with("site.toml:1:"));
    // Fixed: the whole dossier is read, the file saved meanwhile included.
    f.write("site.toml", &good);
    let body = server.wait_for("/actors/jane-roe/", 20, |b| problems_on(b).is_empty());
    let html = scraper::Html::parse_document(&body);
    assert_eq!(text_of(&html, "h1").unwrap(), "Jane Roe");
    assert!(server
        .get("/articles/wire-summit/")
        .1
        .contains("Doe arrives for the summit"));
}

#[test]
fn a_dossier_without_a_theme_folder_is_served_with_the_built_in_theme() {
    let f = Fixture::new();
    std::fs::remove_dir_all(f.path("themes")).unwrap();
    let server = Server::start(f.root(), &[]);
    let (status, body) = server.get("/articles/wire-summit/");
    assert_eq!(status, 200);
    assert!(body.contains("Doe arrives for the summit"), "{body}");
    let (status, css) = server.get("/style.css");
    assert_eq!(status, 200);
    assert_eq!(
        css,
        std::fs::read_to_string(repo().join("themes/briefing/static/style.css")).unwrap()
    );
    let (status, _) = server.raw("HEAD", "/search.js");
    assert_eq!(status, 200);
}

/// The meta file that a search index's entry file names: `pagefind.<hash>.pf_meta`.
fn meta_of(entry: &str) -> String {
    let entry: serde_json::Value = serde_json::from_str(entry).unwrap();
    let (_, language) = entry["languages"]
        .as_object()
        .unwrap()
        .iter()
        .next()
        .unwrap();
    format!(
        "/pagefind/pagefind.{}.pf_meta",
        language["hash"].as_str().unwrap()
    )
}

#[test]
fn the_search_index_is_served_after_the_start_and_follows_a_full_rebuild_whole() {
    let dir = sample_copy();
    let server = Server::start(dir.path(), &[]);
    let entry = server.wait_for("/pagefind/pagefind-entry.json", 20, |b| {
        b.contains("\"page_count\":63")
    });
    assert_eq!(server.get(&meta_of(&entry)).0, 200);
    assert_eq!(server.get("/pagefind/pagefind-ui.js").0, 200);
    wait_for_line(&server, |l| l.starts_with("search index: 63 pages in"));
    // A new actor: every page is built into a new folder; the index stays served meanwhile,
    // each entry file with the files it names, and then holds the actor.
    std::fs::write(
        dir.path().join("content/actors/olga-zanzibar.md"),
        "---\nname: Olga Zanzibar\nkind: person\n---\nA negotiator.\n",
    )
    .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let (status, entry) = server.get("/pagefind/pagefind-entry.json");
        assert_eq!(status, 200, "{entry}");
        assert_eq!(server.get(&meta_of(&entry)).0, 200, "{entry}");
        if entry.contains("\"page_count\":64") {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "{entry}");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    wait_for_line(&server, |l| l.starts_with("search index: 64 pages in"));
}

/// A save that reaches the disk in two steps, the file emptied and then written (as
/// `std::fs::write` and editors that save in place do; on a busy machine the two can be far
/// apart): the preview waits for the text instead of reporting an empty article, and
/// re-renders only the pages that depend on the article.
#[test]
fn a_save_that_empties_the_file_before_writing_it_is_one_edit() {
    let dir = sample_copy();
    let server = Server::start(dir.path(), &[]);
    let article = dir.path().join("content/articles/reuters-talks-fail.md");
    let text = std::fs::read_to_string(&article).unwrap();
    let edited = text.replace("found no middle ground", "found no common ground at all");
    assert_ne!(edited, text);
    let mut file = std::fs::File::create(&article).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(150));
    std::io::Write::write_all(&mut file, edited.as_bytes()).unwrap();
    drop(file);
    server.wait_for("/articles/reuters-talks-fail/", 20, |b| {
        b.contains("found no common ground at all")
    });
    let line = wait_for_line(&server, |l| {
        l.contains("reuters-talks-fail.md") && l.contains("pages re-rendered")
    });
    let output = server.output();
    assert!(!output.contains("problem(s)"), "{output}");
    let rendered = pages_rerendered(&line);
    assert!(rendered < 40, "only dependent pages: {line}\n{output}");
}
