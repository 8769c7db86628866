//! End to end: headless Chromium on a page of `dossier serve` follows edits by itself, shows
//! an overlay for a broken save while keeping the last good page, and clears it on the fix; a
//! page served while the first build is broken shows its problems and turns into the site.

mod common;

use common::*;

/// The tests of this file run one at a time: each starts Chromium and a server, and two of
/// them time what a reader sees (two browsers and two servers at once on two cores would time
/// the machine, not dossier).
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[path = "common/browser.rs"]
mod browser;

#[test]
fn the_open_page_follows_edits_and_shows_errors_as_an_overlay() {
    let _one_at_a_time = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
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

#[test]
fn a_page_of_a_failed_first_build_follows_saves_and_reloads_into_the_site() {
    let _one_at_a_time = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let Some(mut chrome) = browser::launch() else {
        return;
    };
    let f = Fixture::new();
    let article = f.path("content/articles/wire-summit.md");
    let good = std::fs::read_to_string(&article).unwrap();
    std::fs::write(
        &article,
        good.replace("\"Doe arrives for the summit\"", "\"Doe arrives"),
    )
    .unwrap();
    let server = Server::start(f.root(), &[]);
    chrome.navigate(&format!("http://{}/articles/wire-summit/", server.address));
    let problem = chrome.wait_until(
        "document.body.id === 'dossier-error-page' && document.querySelector('.dossier-problem')?.innerText",
        20,
    );
    assert!(
        problem
            .as_str()
            .unwrap()
            .starts_with("content/articles/wire-summit.md:6:1: error:"),
        "{problem}"
    );
    // The page stays as it is while nothing changes (no overlay, no reload loop).
    chrome.eval("window.dossierMark = 1");
    chrome.settle(1000);
    assert_eq!(chrome.eval("window.dossierMark"), serde_json::json!(1));
    assert_eq!(
        chrome.eval("!document.getElementById('dossier-error-overlay')"),
        serde_json::json!(true)
    );

    // Another problem: the page shows it.
    std::fs::write(&article, good.replacen("title:", "title: [broken", 1)).unwrap();
    chrome.wait_until(
        "document.querySelector('.dossier-problem')?.innerText.startsWith('content/articles/wire-summit.md:3:7: error:')",
        20,
    );

    // Fixed: the page reloads into the site by itself.
    chrome.eval("window.dossierMark = 2");
    std::fs::write(&article, &good).unwrap();
    chrome.wait_until(
        "window.dossierMark === undefined && document.body.id !== 'dossier-error-page' && document.querySelector('h1')?.innerText === 'Doe arrives for the summit'",
        20,
    );
    assert_eq!(
        chrome.eval("!document.getElementById('dossier-error-overlay')"),
        serde_json::json!(true)
    );
}

/// Now, in milliseconds since the epoch (the clock the browser's `Date.now()` reads).
fn epoch_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs_f64()
        * 1000.0
}

/// The sample dossier in a temporary folder, served by `dossier serve`; and when the server
/// was up (`epoch_ms`: it has printed its address, and a reader can open a page).
fn serve_sample() -> (tempfile::TempDir, Server, f64) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(repo().join("site.toml"), dir.path().join("site.toml")).unwrap();
    copy_dir(&repo().join("content"), &dir.path().join("content"));
    copy_dir(&repo().join("themes"), &dir.path().join("themes"));
    let server = Server::start(dir.path(), &[]);
    (dir, server, epoch_ms())
}

/// The article pages among the results the search page shows (the first batch).
const ARTICLE_RESULTS: &str =
    "[...document.querySelectorAll('.pagefind-ui__result a.pagefind-ui__result-link')]\
    .map(a => new URL(a.href).pathname).filter(p => p.startsWith('/articles/'))";

/// Run in every page the browser opens: the time (ms since the epoch) at which the first
/// article result of a search appeared, as `window.dossierResultAt`.
const RESULT_CLOCK: &str = "new MutationObserver(() => { \
    if (!window.dossierResultAt && document.querySelector('.pagefind-ui__result a[href*=\"/articles/\"]')) \
      window.dossierResultAt = Date.now(); \
  }).observe(document, { childList: true, subtree: true });";

/// Runs RESULT_CLOCK in every page `chrome` opens from now on.
fn start_result_clock(chrome: &mut browser::Browser) {
    chrome.call("Page.enable", serde_json::json!({}));
    chrome.call(
        "Page.addScriptToEvaluateOnNewDocument",
        serde_json::json!({ "source": RESULT_CLOCK }),
    );
}

/// When the open page showed its first article result (`epoch_ms`), by its own clock.
fn result_shown_at(chrome: &mut browser::Browser) -> f64 {
    chrome
        .eval("window.dossierResultAt")
        .as_f64()
        .expect("the page saw the result")
}

#[test]
fn the_search_page_finds_the_articles_within_5_s_of_the_start() {
    let _one_at_a_time = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let Some(mut chrome) = browser::launch() else {
        return;
    };
    let (_dir, server, started) = serve_sample();
    start_result_clock(&mut chrome);
    // Opened at once, perhaps before the index exists: the page follows when it comes.
    chrome.navigate(&format!("http://{}/search/?q=referendum", server.address));
    chrome.wait_until(&format!("{ARTICLE_RESULTS}.length > 0"), 20);
    // By the page's own clock (see RESULT_CLOCK).
    let shown = result_shown_at(&mut chrome);
    let took = shown - started;
    eprintln!("search found an article {took:.0} ms after the start");
    assert!(took > 0.0 && took < 5000.0, "took {took:.0} ms");
    // Every result loaded (Pagefind shows them in batches): the five articles are there.
    for _ in 0..20 {
        let more = chrome.eval(
            "(() => { const b = document.querySelector('.pagefind-ui__button'); if (b) b.click(); return !!b; })()",
        );
        if more != serde_json::json!(true) {
            break;
        }
        chrome.settle(300);
    }
    let articles = chrome.eval(&format!("{ARTICLE_RESULTS}.length"));
    assert_eq!(articles, serde_json::json!(5), "{articles}");
}

#[test]
fn a_word_added_to_an_article_is_found_within_5_s_of_saving() {
    let _one_at_a_time = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let Some(mut chrome) = browser::launch() else {
        return;
    };
    let (dir, server, _) = serve_sample();
    let search = format!("http://{}/search/?q=zanzibarite", server.address);
    // Once the index is there (the sample's articles are found), the word is not.
    start_result_clock(&mut chrome);
    chrome.navigate(&format!("http://{}/search/?q=referendum", server.address));
    chrome.wait_until(&format!("{ARTICLE_RESULTS}.length > 0"), 20);
    chrome.navigate(&search);
    chrome.wait_until(
        "document.querySelector('.pagefind-ui__message')?.innerText.includes('No results')",
        20,
    );

    let article = dir.path().join("content/articles/reuters-talks-fail.md");
    let text = std::fs::read_to_string(&article).unwrap();
    let saved = epoch_ms();
    std::fs::write(
        &article,
        text.replace(
            "found no middle ground",
            "found no middle ground (a zanzibarite stance)",
        ),
    )
    .unwrap();
    // The open search page runs its query again on the new index by itself.
    let found = chrome.wait_until(&format!("{ARTICLE_RESULTS}.join(' ')"), 20);
    assert_eq!(found, "/articles/reuters-talks-fail/");
    // When the result showed, by the page's own clock (see RESULT_CLOCK): the test's polling
    // can be held up while the page reloads, so the time it noticed is later.
    let shown = result_shown_at(&mut chrome);
    let took = shown - saved;
    eprintln!("the new word was found {took:.0} ms after the save");
    assert!(took > 0.0 && took < 5000.0, "took {took:.0} ms");
}
