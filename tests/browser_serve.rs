//! End to end: headless Chromium on a page of `dossier serve` follows edits by itself, shows
//! an overlay for a broken save while keeping the last good page, and clears it on the fix.

mod common;

use common::*;

#[path = "common/browser.rs"]
mod browser;

#[test]
fn the_open_page_follows_edits_and_shows_errors_as_an_overlay() {
    let Some(mut chrome) = browser::launch() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(repo().join("site.toml"), dir.path().join("site.toml")).unwrap();
    copy_dir(&repo().join("content"), &dir.path().join("content"));
    copy_dir(&repo().join("themes"), &dir.path().join("themes"));
    let server = Server::start(dir.path(), &[]);

    chrome.navigate(&format!(
        "http://{}/articles/reuters-talks-fail/",
        server.address
    ));
    chrome.wait_until(
        "document.body.innerText.includes('found no middle ground')",
        20,
    );

    let article = dir.path().join("content/articles/reuters-talks-fail.md");
    let text = std::fs::read_to_string(&article).unwrap();
    std::fs::write(
        &article,
        text.replace(
            "found no middle ground",
            "found no common ground whatsoever",
        ),
    )
    .unwrap();
    chrome.wait_until(
        "document.body.innerText.includes('found no common ground whatsoever')",
        20,
    );

    std::fs::write(
        &article,
        text.replace(
            "found no middle ground",
            "found no common ground whatsoever",
        )
        .replacen("title:", "title: [broken", 1),
    )
    .unwrap();
    let overlay = chrome.wait_until(
        "document.getElementById('dossier-error-overlay')?.innerText",
        20,
    );
    let overlay = overlay.as_str().unwrap();
    assert!(
        overlay.contains(
            "content/articles/reuters-talks-fail.md:3:7: error: the front matter is not valid YAML"
        ),
        "names the file and line: {overlay}"
    );
    assert!(
        overlay.contains("1 problem;"),
        "one problem, not a cascade: {overlay}"
    );
    assert!(chrome.eval("document.querySelector('.body').innerText.includes('found no common ground whatsoever')").as_bool().unwrap(), "the old text is still there");

    std::fs::write(&article, &text).unwrap();
    chrome.wait_until("!document.getElementById('dossier-error-overlay') && document.body.innerText.includes('found no middle ground')", 20);
}
