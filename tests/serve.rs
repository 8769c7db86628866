//! `dossier serve`: what it serves, what it refuses, and how it follows edits.

mod common;

use common::*;

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
        body.contains("<script src=\"/__dossier/live.js?g=0\" defer></script></body>"),
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
    let line = server
        .stdout
        .lock()
        .unwrap()
        .iter()
        .find(|l| l.contains("reuters-talks-fail.md") && l.contains("re-rendered"))
        .cloned();
    let line = line.expect("a line per rebuild");
    let rendered: usize = line
        .split(": ")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    let total = std::fs::read_dir(dir.path().join("content/actors"))
        .unwrap()
        .count();
    assert!(
        rendered < 40 && rendered < total + 20,
        "only dependent pages: {line}"
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
fn stopping_the_server_removes_its_private_folder() {
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
    assert!(server.terminate(10), "serve did not stop on SIGTERM");
    assert_eq!(folders(), Vec::<String>::new());
}
