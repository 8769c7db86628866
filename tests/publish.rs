//! Publishing, end to end: the sample dossier built into a subfolder (`site/crimea/`, as
//! `base_url` says) and served by a plain static server, as any host would serve it.
//!
//! - headless Chromium crawls every page from `/crimea/`, following every internal link, and
//!   finds no broken link, anchor, stylesheet, script or image and no console error (and the
//!   same crawl over a `--file-urls` build opened from disk; and the crawl does report each
//!   kind of fault planted in a small site);
//! - the Nu Html Checker finds no error in any page;
//! - every kind of page fits a phone (390 px) and a laptop (1366 px) without sideways
//!   scrolling, and the actor index stays short on a phone;
//! - axe-core finds no serious or critical accessibility violation on a page of each kind,
//!   at both widths, in light and dark mode;
//! - Pagefind search, reached from the header's search box, finds the articles; a search for
//!   the title of any article, actor, event or comparison finds its page.
//!
//! They need Chromium, python3, Java and two npm packages (installed into `target/npm` on
//! first use, or by `.ci/run`): outside CI a missing tool skips the test with a note, in CI
//! (`CI=true`) it fails it.

mod common;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};

use common::*;
use serde_json::{json, Value};

#[path = "common/browser.rs"]
mod browser;

/// The subfolder of the host the site is published in: the path of the sample's `base_url`.
const SUBFOLDER: &str = "crimea";

/// A site built into `<tmp>/site/crimea/`.
struct Published {
    dir: tempfile::TempDir,
}

impl Published {
    /// The host's document root, which holds the site's subfolder.
    fn host_root(&self) -> PathBuf {
        self.dir.path().join("site")
    }
    /// The built site.
    fn out(&self) -> PathBuf {
        self.host_root().join(SUBFOLDER)
    }
    /// Every HTML page of the built site, as a path below the subfolder (`articles/x/index.html`).
    fn pages(&self) -> Vec<String> {
        let out = self.out();
        let mut pages: Vec<String> = walkdir::WalkDir::new(&out)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
            .map(|e| {
                e.path()
                    .strip_prefix(&out)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        pages.sort();
        pages
    }
}

/// Builds the dossier at `root` with the binary into `<tmp>/site/crimea`.
fn build(root: &Path) -> Published {
    let dir = tempfile::tempdir().unwrap();
    let published = Published { dir };
    std::fs::create_dir_all(published.host_root()).unwrap();
    let out = published.out();
    run_in(root, &["build", "--output", out.to_str().unwrap()]).ok();
    assert!(
        out.join("pagefind/pagefind-ui.js").is_file(),
        "the build writes Pagefind's files"
    );
    published
}

/// The sample dossier of the repository, as it is.
fn publish_sample() -> Published {
    build(&repo())
}

/// The sample dossier plus a free page (the sample has none), so that every template is seen.
fn publish_sample_with_free_page() -> (tempfile::TempDir, Published) {
    let root = tempfile::tempdir().unwrap();
    std::fs::copy(repo().join("site.toml"), root.path().join("site.toml")).unwrap();
    copy_dir(&repo().join("content"), &root.path().join("content"));
    copy_dir(&repo().join("themes"), &root.path().join("themes"));
    std::fs::create_dir_all(root.path().join("content/pages")).unwrap();
    std::fs::write(
        root.path().join("content/pages/method.md"),
        "---\ntitle: Method\n---\n\nThe articles were copied from the outlets' sites and checked \
         against them.\n\n## Sources\n\nEach outlet has [its own page](../sources/).\n",
    )
    .unwrap();
    let published = build(root.path());
    (root, published)
}

/// The static server of the host root, or `None` (with a note) without python3.
fn serve(published: &Published) -> Option<StaticServer> {
    require(
        "python3",
        StaticServer::start(&published.host_root()),
        "apt-get install -y python3",
    )
}

/// `http://127.0.0.1:PORT/crimea/` + `rel`.
fn site_url(server: &StaticServer, rel: &str) -> String {
    server.url(&format!("/{SUBFOLDER}/{rel}"))
}

// ------------------------------------------------------------------------------------------
// The crawl

/// What the page tells about itself after loading: where it is, its ids, and its links.
const PAGE_FACTS: &str = r#"(() => {
  const abs = (h) => { try { return new URL(h, document.baseURI).href; } catch (e) { return 'invalid:' + h; } };
  const links = [];
  for (const a of document.querySelectorAll('a, area')) {
    const h = a.getAttribute('href') ?? a.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
    if (h !== null) links.push(abs(h));
  }
  for (const l of document.querySelectorAll('link[href]')) links.push(abs(l.getAttribute('href')));
  for (const f of document.querySelectorAll('form[action]')) links.push(abs(f.getAttribute('action')));
  return {
    url: location.href,
    html: document.contentType === 'text/html',
    ids: [...document.querySelectorAll('[id], a[name]')].map(e => e.id || e.getAttribute('name')),
    links,
  };
})()"#;

/// Problems in the DevTools events of one page: failed or erroring requests, exceptions,
/// console errors. `loaded` counts the subresources it loaded.
fn problems_in(
    events: &[Value],
    page: &str,
    requests: &mut HashMap<String, String>,
    loaded: &mut BTreeSet<String>,
) -> Vec<String> {
    let mut problems = Vec::new();
    for event in events {
        let p = &event["params"];
        match event["method"].as_str().unwrap_or("") {
            "Network.requestWillBeSent" => {
                let id = p["requestId"].as_str().unwrap_or("").to_owned();
                requests.insert(id, p["request"]["url"].as_str().unwrap_or("").to_owned());
            }
            "Network.responseReceived" => {
                let status = p["response"]["status"].as_u64().unwrap_or(0);
                let url = p["response"]["url"].as_str().unwrap_or("");
                let kind = p["type"].as_str().unwrap_or("resource");
                if status >= 400 {
                    problems.push(format!("{page}: {kind} {url} answered {status}"));
                } else if kind != "Document" {
                    loaded.insert(url.to_owned());
                }
            }
            "Network.loadingFailed" if p["canceled"] != json!(true) => {
                let id = p["requestId"].as_str().unwrap_or("");
                let url = requests.get(id).map(String::as_str).unwrap_or("?");
                problems.push(format!(
                    "{page}: {} {url} failed: {}",
                    p["type"].as_str().unwrap_or("resource"),
                    p["errorText"].as_str().unwrap_or("")
                ));
            }
            "Runtime.exceptionThrown" => {
                let details = &p["exceptionDetails"];
                let text = details["exception"]["description"]
                    .as_str()
                    .or(details["text"].as_str())
                    .unwrap_or("");
                problems.push(format!("{page}: uncaught exception: {text}"));
            }
            "Runtime.consoleAPICalled" if p["type"] == "error" => {
                let text: Vec<String> = p["args"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|a| {
                        a["value"]
                            .as_str()
                            .map(str::to_owned)
                            .or(a["description"].as_str().map(str::to_owned))
                            .unwrap_or_else(|| a["value"].to_string())
                    })
                    .collect();
                problems.push(format!("{page}: console.error: {}", text.join(" ")));
            }
            "Log.entryAdded" if p["entry"]["level"] == "error" => {
                problems.push(format!(
                    "{page}: {} error: {} {}",
                    p["entry"]["source"].as_str().unwrap_or(""),
                    p["entry"]["text"].as_str().unwrap_or(""),
                    p["entry"]["url"].as_str().unwrap_or("")
                ));
            }
            _ => {}
        }
    }
    problems
}

/// Whether `url` is a page to open (a folder or an HTML file) rather than a file to fetch.
fn is_page(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let last = path.rsplit('/').next().unwrap_or("");
    last.is_empty() || last.ends_with(".html") || !last.contains('.')
}

/// What a crawl found.
struct Crawl {
    problems: Vec<String>,
    /// Built pages that no link leads to.
    orphans: Vec<String>,
    /// Subresources loaded (stylesheets, scripts, images, …).
    loaded: BTreeSet<String>,
    summary: String,
}

/// Crawls the site whose folder is at `site` (`http://127.0.0.1:PORT/crimea/` or a
/// `file://` folder) from `seeds`, breadth first, each page once. `built` are the site's HTML
/// files, to find the pages no link leads to.
fn crawl(chrome: &mut browser::Browser, site: &str, seeds: &[String], built: &[String]) -> Crawl {
    for domain in ["Network.enable", "Runtime.enable", "Log.enable"] {
        chrome.call(domain, json!({}));
    }

    // Links to the same origin outside the site's folder are broken: the host has nothing
    // of the site there. Every file:// link is of the same origin.
    let origin = match site.strip_prefix("file://") {
        Some(_) => "file://".to_owned(),
        None => {
            let scheme_end = site.find("://").unwrap() + 3;
            let host_end = site[scheme_end..].find('/').unwrap() + scheme_end;
            site[..host_end].to_owned()
        }
    };
    let mut queue: VecDeque<String> = seeds.iter().cloned().collect();
    let mut seen: HashSet<String> = queue.iter().cloned().collect();
    let mut ids: HashMap<String, HashSet<String>> = HashMap::new();
    let mut anchors: Vec<(String, String, String)> = Vec::new(); // (from, target, fragment)
    let mut referrers: HashMap<String, String> = HashMap::new();
    let mut requests = HashMap::new();
    let mut loaded = BTreeSet::new();
    let mut problems = Vec::new();
    let (mut links_checked, mut external) = (0usize, BTreeSet::new());

    let (mut pages_visited, mut files_fetched) = (0usize, 0usize);
    while let Some(url) = queue.pop_front() {
        let short = url.strip_prefix(&origin).unwrap_or(&url).to_owned();
        if !is_page(&url) {
            // A data file (dossier.json, atom.xml): fetched, not opened, since a browser
            // showing a bare file asks the host for /favicon.ico, which is not the site's.
            // Pages opened from disk may not fetch: there the file must exist.
            files_fetched += 1;
            if let Some(path) = url.strip_prefix("file://") {
                if !Path::new(path).is_file() {
                    problems.push(format!("{short}: no such file"));
                }
                continue;
            }
            let status = chrome.eval_async(&format!(
                "fetch({}).then(r => r.status)",
                Value::String(url.clone())
            ));
            if status.as_u64().is_none_or(|s| s >= 400) {
                problems.push(format!("{short}: answered {status}"));
            }
            continue;
        }
        pages_visited += 1;
        if let Err(error) = chrome.try_navigate(&url) {
            problems.push(format!("{short}: navigation failed: {error}"));
            continue;
        }
        chrome.settle(60);
        let facts = chrome.eval(PAGE_FACTS);
        let events = chrome.take_events();
        let found = problems_in(&events, &short, &mut requests, &mut loaded);
        if found.iter().any(|p| p.contains(": Document ")) {
            let from = referrers.get(&url).map(String::as_str).unwrap_or("(start)");
            problems.push(format!("{short}: linked from {from}"));
        }
        problems.extend(found);
        // Where the page really is after redirects (`/crimea/actors` → `/crimea/actors/`).
        let here = facts["url"].as_str().unwrap_or(&url).to_owned();
        let page_ids: HashSet<String> = facts["ids"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect();
        ids.insert(url.clone(), page_ids.clone());
        ids.insert(here.split('#').next().unwrap().to_owned(), page_ids);
        if facts["html"] != json!(true) {
            continue; // dossier.json and the like: nothing to follow
        }
        for link in facts["links"].as_array().into_iter().flatten() {
            let link = link.as_str().unwrap_or("");
            let Some(path) = link.strip_prefix(&origin) else {
                external.insert(link.to_owned());
                continue;
            };
            links_checked += 1;
            if !link.starts_with(site) {
                problems.push(format!(
                    "{short}: link {origin}{path} leaves the site's folder"
                ));
                continue;
            }
            let (target, fragment) = match link.split_once('#') {
                Some((t, f)) => (t.to_owned(), Some(f.to_owned())),
                None => (link.to_owned(), None),
            };
            if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
                anchors.push((short.clone(), target.clone(), fragment));
            }
            if seen.insert(target.clone()) {
                referrers.insert(target.clone(), short.clone());
                queue.push_back(target);
            }
        }
    }

    let mut broken_anchors = 0;
    for (from, target, fragment) in &anchors {
        let known = ids.get(target).is_some_and(|ids| ids.contains(fragment));
        if !known {
            broken_anchors += 1;
            problems.push(format!("{from}: anchor {target}#{fragment} does not exist"));
        }
    }

    // Every page the build wrote is reachable by following links.
    let visited: HashSet<String> = seen
        .iter()
        .filter_map(|u| u.strip_prefix(site))
        .map(|p| {
            if p.is_empty() || p.ends_with('/') {
                format!("{p}index.html")
            } else {
                p.to_owned()
            }
        })
        .collect();
    let orphans: Vec<String> = built
        .iter()
        .filter(|p| !visited.contains(*p))
        .cloned()
        .collect();

    let distinct_anchors: BTreeSet<_> = anchors.iter().map(|(_, t, f)| (t, f)).collect();
    let summary = format!(
        "crawl: {pages_visited} pages visited ({} HTML files built) and {files_fetched} data \
         files fetched; {links_checked} internal links checked ({} distinct targets), {} anchors \
         checked ({} distinct, {broken_anchors} broken), {} subresources loaded, {} external \
         links not followed",
        built.len(),
        seen.len(),
        anchors.len(),
        distinct_anchors.len(),
        loaded.len(),
        external.len(),
    );
    Crawl {
        problems,
        orphans,
        loaded,
        summary,
    }
}

/// The front page, and the not-found page, which no page links to: a host shows it for any
/// missing address.
fn from_the_front_page(server: &StaticServer) -> Vec<String> {
    vec![site_url(server, ""), site_url(server, "404.html")]
}

#[test]
fn a_crawl_of_the_site_in_a_subfolder_finds_nothing_broken() {
    let published = publish_sample();
    let Some(server) = serve(&published) else {
        return;
    };
    let Some(mut chrome) = browser::launch() else {
        return;
    };
    let crawl = crawl(
        &mut chrome,
        &site_url(&server, ""),
        &from_the_front_page(&server),
        &published.pages(),
    );
    eprintln!("{}", crawl.summary);
    assert!(
        crawl.problems.is_empty(),
        "{} problems:\n{}",
        crawl.problems.len(),
        crawl.problems.join("\n")
    );
    assert!(
        crawl.orphans.is_empty(),
        "pages no link leads to: {:?}",
        crawl.orphans
    );
    assert!(
        crawl.loaded.iter().any(|u| u.ends_with("/style.css")),
        "the stylesheet was loaded: {:?}",
        crawl.loaded
    );
}

/// Built with `--file-urls`, the site works opened from disk (links end in `index.html`),
/// except search, whose page says so.
#[test]
fn a_site_built_with_file_urls_works_opened_from_disk() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("offline");
    run_in(
        &repo(),
        &["build", "--file-urls", "--output", out.to_str().unwrap()],
    )
    .ok();
    let Some(mut chrome) = browser::launch() else {
        return;
    };
    let site = format!("file://{}/", out.display());
    // 404.html is for hosts (its links start from base_url's path): not part of it on disk.
    let built: Vec<String> = walkdir::WalkDir::new(&out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            e.path()
                .strip_prefix(&out)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .filter(|p| p != "404.html")
        .collect();
    let crawl = crawl(&mut chrome, &site, &[format!("{site}index.html")], &built);
    eprintln!("from disk: {}", crawl.summary);
    assert!(
        crawl.problems.is_empty(),
        "{} problems:\n{}",
        crawl.problems.len(),
        crawl.problems.join("\n")
    );
    assert!(
        crawl.orphans.is_empty(),
        "pages no link leads to: {:?}",
        crawl.orphans
    );
    chrome.navigate(&format!("{site}search/index.html?q=referendum"));
    let note = chrome.wait_until("document.getElementById('search')?.innerText", 10);
    assert!(
        note.as_str().unwrap().contains("served over HTTP"),
        "the search page explains: {note}"
    );
}

/// The crawl is only worth its silence if it speaks up: a small site with one of each fault.
#[test]
fn the_crawl_reports_each_kind_of_fault() {
    let fixture = Fixture::new();
    fixture.write(
        "site.toml",
        "title = \"Faults\"\nbase_url = \"https://example.org/crimea/\"\n",
    );
    let published = build(fixture.root());
    let out = published.out();
    let article = out.join("articles/wire-summit/index.html");
    let html = std::fs::read_to_string(&article).unwrap();
    let faults = "<p><a href=\"../../nowhere/\">gone</a> <a href=\"#p99\">no such paragraph</a> \
        <a href=\"../../../../elsewhere/\">out of the folder</a> <img src=\"missing.png\" alt=\"\"></p>\
        <script src=\"../../missing.js\"></script>\
        <script>console.error('logged error')</script><script>null.boom()</script></main>";
    std::fs::write(&article, html.replacen("</main>", faults, 1)).unwrap();
    std::fs::remove_file(out.join("syntax.css")).unwrap();
    std::fs::remove_dir_all(out.join("sources")).unwrap();
    let Some(server) = serve(&published) else {
        return;
    };
    let Some(mut chrome) = browser::launch() else {
        return;
    };
    let crawl = crawl(
        &mut chrome,
        &site_url(&server, ""),
        &from_the_front_page(&server),
        &published.pages(),
    );
    let problems = crawl.problems.join("\n");
    for expected in [
        "nowhere/ answered 404",
        "nowhere/: linked from /crimea/articles/wire-summit/",
        "#p99 does not exist",
        "/elsewhere/ leaves the site's folder",
        "missing.png answered 404",
        "missing.js answered 404",
        "syntax.css answered 404",
        "sources/wire/ answered 404",
        "console.error: logged error",
        "uncaught exception: TypeError",
    ] {
        assert!(
            problems.contains(expected),
            "the crawl reports {expected:?}; it reported:\n{problems}"
        );
    }
}

// ------------------------------------------------------------------------------------------
// The Nu Html Checker

#[test]
fn every_page_passes_the_nu_html_checker() {
    let Some(()) = require(
        "Java",
        has_program("java", "-version").then_some(()),
        "apt-get install -y default-jre-headless",
    ) else {
        return;
    };
    let Some(jar) = require(
        "the Nu Html Checker",
        npm_file("vnu-jar/build/dist/vnu.jar"),
        &npm_install_hint(),
    ) else {
        return;
    };
    let (_root, published) = publish_sample_with_free_page();
    let pages = published.pages();
    assert!(pages.len() > 60, "a full site: {pages:?}");
    let output = std::process::Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--format", "json"])
        .args(pages.iter().map(|p| published.out().join(p)))
        .output()
        .expect("run vnu.jar");
    // The report is on stderr; the exit code is 1 when there are errors.
    let report: Value = serde_json::from_slice(&output.stderr).unwrap_or_else(|e| {
        panic!(
            "vnu printed no JSON ({e}):\n{}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let out = published.out();
    let errors: Vec<String> = report["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["type"] != "info")
        .map(|m| {
            let url = m["url"].as_str().unwrap_or("");
            let file = url
                .rsplit_once(&format!("/{SUBFOLDER}/"))
                .map(|(_, f)| f)
                .unwrap_or(url);
            format!(
                "{file}:{}: {}: {}\n    {}",
                m["lastLine"],
                m["type"].as_str().unwrap_or(""),
                m["message"].as_str().unwrap_or(""),
                m["extract"].as_str().unwrap_or("").replace('\n', " ")
            )
        })
        .collect();
    eprintln!(
        "vnu: {} pages checked, {} errors ({})",
        pages.len(),
        errors.len(),
        out.display()
    );
    assert!(
        errors.is_empty(),
        "{} errors:\n{}",
        errors.len(),
        errors.join("\n")
    );
    assert!(output.status.success(), "vnu failed: {:?}", output.status);
}

// ------------------------------------------------------------------------------------------
// Phone and laptop

/// The widths every page is laid out at: a laptop and a phone.
const WIDTHS: [u32; 2] = [1366, 390];

/// Sets the viewport to `width` CSS pixels. Not as a mobile device: a phone's browser widens
/// its layout viewport to a page too wide (`innerWidth` would follow the page); here it stays.
fn set_width(chrome: &mut browser::Browser, width: u32) {
    chrome.call(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": false }),
    );
}

/// Navigates to a page of `PAGES_BY_KIND`, waiting for the search results on the search page.
fn open_page(chrome: &mut browser::Browser, server: &StaticServer, kind: &str, rel: &str) {
    chrome.navigate(&site_url(server, rel));
    if kind == "search" {
        chrome.wait_until(
            "document.querySelectorAll('.pagefind-ui__result').length > 0",
            30,
        );
        chrome.settle(300);
    }
}

/// The page's layout: its width and height, the viewport's width, and the elements that
/// stick out to the right of the viewport or are cut by a box of their own.
const LAYOUT: &str = r#"(() => {
  const vw = window.innerWidth;
  const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '');
  const wide = [...document.querySelectorAll('main *')]
    .filter(e => e.getBoundingClientRect().right > vw + 1 && !e.closest('.table-scroll, .timeline-scroll, .network-scroll'))
    .slice(0, 5).map(name);
  const boxes = [...document.querySelectorAll('.table-scroll')]
    .filter(e => e.scrollWidth > e.clientWidth + 1)
    .map(e => name(e.firstElementChild) + ' ' + e.scrollWidth + '>' + e.clientWidth);
  return { width: document.scrollingElement.scrollWidth, height: document.scrollingElement.scrollHeight, viewport: vw, wide, boxes };
})()"#;

#[test]
fn every_kind_of_page_fits_a_phone_and_a_laptop() {
    let (_root, published) = publish_sample_with_free_page();
    let Some(server) = serve(&published) else {
        return;
    };
    let Some(mut chrome) = browser::launch() else {
        return;
    };
    let mut problems = Vec::new();
    let mut heights: BTreeMap<(&str, u32), u64> = BTreeMap::new();
    for width in WIDTHS {
        set_width(&mut chrome, width);
        for (kind, rel) in PAGES_BY_KIND {
            open_page(&mut chrome, &server, kind, rel);
            let layout = chrome.eval(LAYOUT);
            let (page_width, viewport) = (
                layout["width"].as_u64().unwrap(),
                layout["viewport"].as_u64().unwrap(),
            );
            assert_eq!(
                viewport,
                u64::from(width),
                "the viewport is {width} px wide"
            );
            let height = layout["height"].as_u64().unwrap();
            eprintln!(
                "{width:>4} px: {kind:<16} {page_width:>4} × {height:>5} px{}",
                match layout["boxes"].as_array() {
                    Some(b) if !b.is_empty() =>
                        format!("  (scrolling inside: {})", layout["boxes"]),
                    _ => String::new(),
                }
            );
            heights.insert((kind, width), height);
            if page_width > viewport {
                problems.push(format!(
                    "{kind} ({rel}) at {width} px is {page_width} px wide: {}",
                    layout["wide"]
                ));
            }
            // The comparison index is a short table: it fits the phone without scrolling.
            if kind == "comparison index"
                && layout["boxes"].as_array().is_some_and(|b| !b.is_empty())
            {
                problems.push(format!(
                    "the comparison index scrolls at {width} px: {}",
                    layout["boxes"]
                ));
            }
        }
    }
    let (phone, laptop) = (
        heights[&("actor index", 390)],
        heights[&("actor index", 1366)],
    );
    if phone > 3 * laptop {
        problems.push(format!(
            "the actor index is {phone} px tall at 390 px, more than 3 × {laptop} px at 1366 px"
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

// ------------------------------------------------------------------------------------------
// axe-core

/// One page of each kind (the search page with results showing).
const PAGES_BY_KIND: [(&str, &str); 13] = [
    ("front page", ""),
    ("article", "articles/reuters-talks-fail/"),
    ("actor index", "actors/"),
    ("actor", "actors/sergei-lavrov/"),
    ("source index", "sources/"),
    ("source", "sources/reuters/"),
    ("event", "events/london-talks/"),
    ("comparison index", "compare/"),
    ("comparison", "compare/london-talks/"),
    ("chronology", "chronology/"),
    ("search", "search/?q=referendum"),
    ("free page", "method/"),
    ("not found", "404.html"),
];

const AXE_RUN: &str = r#"axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations.map(v => ({
  id: v.id, impact: v.impact, help: v.help,
  nodes: v.nodes.slice(0, 6).map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\s+/g, ' ')),
  count: v.nodes.length,
})))"#;

#[test]
fn axe_finds_no_serious_or_critical_violation_on_any_kind_of_page_on_a_laptop_or_a_phone() {
    let Some(axe) = require(
        "axe-core",
        npm_file("axe-core/axe.min.js"),
        &npm_install_hint(),
    ) else {
        return;
    };
    let axe = std::fs::read_to_string(axe).unwrap();
    let (_root, published) = publish_sample_with_free_page();
    let Some(server) = serve(&published) else {
        return;
    };
    let Some(mut chrome) = browser::launch() else {
        return;
    };
    let mut serious = Vec::new();
    let mut lesser: BTreeMap<String, usize> = BTreeMap::new();
    for (width, scheme) in WIDTHS
        .into_iter()
        .flat_map(|w| ["light", "dark"].map(|s| (w, s)))
    {
        set_width(&mut chrome, width);
        chrome.call(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
        );
        for (kind, rel) in PAGES_BY_KIND {
            open_page(&mut chrome, &server, kind, rel);
            chrome.eval(&axe);
            let violations = chrome.eval_async(AXE_RUN);
            for v in violations.as_array().unwrap() {
                let impact = v["impact"].as_str().unwrap_or("");
                let id = v["id"].as_str().unwrap_or("");
                if impact == "serious" || impact == "critical" {
                    let nodes: Vec<&str> = v["nodes"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter_map(Value::as_str)
                        .collect();
                    serious.push(format!(
                        "{kind} ({rel}, {width} px, {scheme}): {impact} {id}: {} ({} elements)\n      {}",
                        v["help"].as_str().unwrap_or(""),
                        v["count"],
                        nodes.join("\n      ")
                    ));
                } else {
                    *lesser.entry(format!("{impact} {id}")).or_default() += 1;
                }
            }
        }
    }
    eprintln!(
        "axe: {} pages × 1366 and 390 px × light and dark: {} serious or critical violations; lesser: {lesser:?}",
        PAGES_BY_KIND.len(),
        serious.len()
    );
    assert!(
        serious.is_empty(),
        "{} serious or critical violations:\n{}",
        serious.len(),
        serious.join("\n")
    );
}

// ------------------------------------------------------------------------------------------
// Search

#[test]
fn search_from_the_header_finds_every_article_that_mentions_the_word() {
    let published = publish_sample();
    let Some(server) = serve(&published) else {
        return;
    };
    let Some(mut chrome) = browser::launch() else {
        return;
    };
    for domain in ["Network.enable", "Runtime.enable", "Log.enable"] {
        chrome.call(domain, json!({}));
    }
    // The header's search box on an article page leads to the search page with the query.
    chrome.navigate(&site_url(&server, "articles/ap-no-common-vision/"));
    chrome.eval(
        "(() => { const f = document.querySelector('form.site-search'); \
         f.querySelector('input[name=q]').value = 'referendum'; f.requestSubmit(); })()",
    );
    chrome.wait_until(
        "location.pathname.endsWith('/search/') && document.readyState === 'complete'",
        30,
    );
    let here = chrome.eval("location.href");
    assert_eq!(
        here.as_str().unwrap(),
        site_url(&server, "search/?q=referendum")
    );
    chrome.wait_until(
        "document.querySelectorAll('.pagefind-ui__result').length > 0",
        30,
    );
    // Load every result, not only the first batch.
    let mut previous = 0;
    for round in 0.. {
        assert!(round < 30, "the results never stopped growing");
        chrome.settle(400);
        let count = chrome
            .eval("document.querySelectorAll('.pagefind-ui__result').length")
            .as_u64()
            .unwrap();
        let more = chrome.eval(
            "(() => { const b = document.querySelector('.pagefind-ui__button'); if (b) b.click(); return !!b; })()",
        );
        if count == previous && more != json!(true) {
            break;
        }
        previous = count;
    }
    let results = chrome.eval(
        "[...document.querySelectorAll('.pagefind-ui__result')].map(r => ({ \
           title: r.querySelector('.pagefind-ui__result-title')?.innerText ?? '', \
           href: r.querySelector('a.pagefind-ui__result-link')?.href ?? '', \
           subs: [...r.querySelectorAll('.pagefind-ui__result-nested a')].map(a => a.href) }))",
    );
    let results = results.as_array().unwrap().clone();
    let mut problems = problems_in(
        &chrome.take_events(),
        "search",
        &mut HashMap::new(),
        &mut BTreeSet::new(),
    );
    let articles_prefix = site_url(&server, "articles/");
    let mut found_articles = BTreeSet::new();
    for result in &results {
        let href = result["href"].as_str().unwrap();
        let mut targets = vec![href.to_owned()];
        targets.extend(
            result["subs"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|s| s.as_str().map(str::to_owned)),
        );
        for target in targets {
            let (page, fragment) = match target.split_once('#') {
                Some((p, f)) => (p.to_owned(), Some(f.to_owned())),
                None => (target.clone(), None),
            };
            chrome.navigate(&page);
            let status =
                chrome.eval("performance.getEntriesByType('navigation')[0]?.responseStatus ?? 0");
            let facts = chrome.eval(
                "({ text: document.querySelector('main')?.innerText ?? '', kind: document.body?.className ?? '' })",
            );
            if status != json!(200) {
                problems.push(format!("result {target} answered {status}"));
                continue;
            }
            if let Some(fragment) = fragment {
                let exists = chrome.eval(&format!(
                    "!!document.getElementById({})",
                    Value::String(fragment.clone())
                ));
                if exists != json!(true) {
                    problems.push(format!("result {target}: no element #{fragment}"));
                }
            }
            if let Some(slug) = page.strip_prefix(&articles_prefix) {
                let text = facts["text"].as_str().unwrap_or("").to_lowercase();
                if facts["kind"] != "kind-article" || !text.contains("referendum") {
                    problems.push(format!(
                        "result {target} is not an article page that contains the word"
                    ));
                }
                found_articles.insert(slug.trim_end_matches('/').to_owned());
            }
        }
    }
    problems.extend(problems_in(
        &chrome.take_events(),
        "search results",
        &mut HashMap::new(),
        &mut BTreeSet::new(),
    ));
    let all_articles: BTreeSet<String> = std::fs::read_dir(repo().join("content/articles"))
        .unwrap()
        .filter_map(Result::ok)
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".md"))
                .map(str::to_owned)
        })
        .collect();
    eprintln!(
        "search: {} results for \"referendum\", {} of them articles",
        results.len(),
        found_articles.len()
    );
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert_eq!(
        found_articles, all_articles,
        "every sample article mentions the referendum: results {results:#?}"
    );
}

/// Every result of a search for `query` on the search page (all batches loaded), in order:
/// `{title, href, tags, subs: [{title, href}]}`.
fn search_results(chrome: &mut browser::Browser, server: &StaticServer, query: &str) -> Vec<Value> {
    chrome.navigate(&site_url(server, &format!("search/?q={query}")));
    chrome.wait_until(
        "document.querySelectorAll('.pagefind-ui__result').length > 0",
        30,
    );
    let mut previous = 0;
    for round in 0.. {
        assert!(round < 30, "the results never stopped growing");
        chrome.settle(400);
        let count = chrome
            .eval("document.querySelectorAll('.pagefind-ui__result').length")
            .as_u64()
            .unwrap();
        let more = chrome.eval(
            "(() => { const b = document.querySelector('.pagefind-ui__button'); if (b) b.click(); return !!b; })()",
        );
        if count == previous && more != json!(true) {
            break;
        }
        previous = count;
    }
    chrome
        .eval(
            "[...document.querySelectorAll('.pagefind-ui__result')].map(r => ({ \
               title: r.querySelector('.pagefind-ui__result-title')?.innerText.trim() ?? '', \
               href: r.querySelector('a.pagefind-ui__result-link')?.href ?? '', \
               tags: [...r.querySelectorAll('.pagefind-ui__result-tag')].map(t => t.innerText.trim()), marks: r.querySelectorAll('mark').length, \
               subs: [...r.querySelectorAll('.pagefind-ui__result-nested a')].map(a => ({ title: a.innerText.trim(), href: a.href })) }))",
        )
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn search_results_say_what_they_are_and_put_articles_before_comparisons() {
    let published = publish_sample();
    let Some(server) = serve(&published) else {
        return;
    };
    let Some(mut chrome) = browser::launch() else {
        return;
    };
    let mut problems = Vec::new();
    for query in ["referendum", "common vision", "Lavrov"] {
        let results = search_results(&mut chrome, &server, query);
        let mut order = Vec::new();
        for r in &results {
            let title = r["title"].as_str().unwrap();
            let href = r["href"].as_str().unwrap();
            let tags: Vec<&str> = r["tags"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(Value::as_str)
                .collect();
            // What the result is comes first.
            let kind = tags
                .first()
                .and_then(|t| t.strip_prefix("Kind: "))
                .unwrap_or_default();
            let expected = if href.contains("/articles/") {
                "Article"
            } else if href.contains("/actors/") {
                "Actor"
            } else if href.contains("/events/") {
                "Event"
            } else if href.contains("/compare/") {
                "Comparison"
            } else if href.contains("/sources/") {
                "Source"
            } else {
                "?"
            };
            if kind != expected {
                problems.push(format!("{query}: {href} shows the kind {kind:?}: {tags:?}"));
            }
            if expected == "Article"
                && !(tags.iter().any(|t| t.starts_with("Source: "))
                    && tags.iter().any(|t| t.starts_with("Date: ")))
            {
                problems.push(format!(
                    "{query}: {href} shows no source and date: {tags:?}"
                ));
            }
            if r["marks"] == 0 {
                problems.push(format!("{query}: {href} shows no words found: {r}"));
            }
            for sub in r["subs"].as_array().unwrap() {
                if sub["title"] == title {
                    problems.push(format!("{query}: {href} repeats its title as a sub-result"));
                }
            }
            order.push(expected);
        }
        eprintln!("search {query:?}: {order:?}");
        // Articles rank above the comparisons that only quote them (a comparison whose title
        // has the words may come first).
        let quoting = |r: &Value| {
            !r["title"]
                .as_str()
                .unwrap()
                .to_lowercase()
                .contains(&query.to_lowercase())
        };
        if let (Some(last_article), Some(first_comparison)) = (
            order.iter().rposition(|k| *k == "Article"),
            order
                .iter()
                .zip(&results)
                .position(|(k, r)| *k == "Comparison" && quoting(r)),
        ) {
            if first_comparison < last_article {
                problems.push(format!(
                    "{query}: a comparison before an article: {order:?}"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Runs each query with Pagefind's own API on the page open in `chrome` (a page of the site
/// served over HTTP); returns, for each, the URLs of the first `top` results.
const SEARCH_EACH: &str = r#"(async (queries, top) => {
  const pagefind = await import(new URL("../pagefind/pagefind.js", location.href).href);
  await pagefind.init();
  const out = [];
  for (const query of queries) {
    const search = await pagefind.search(query);
    const data = await Promise.all(search.results.slice(0, top).map(r => r.data()));
    out.push(data.map(d => d.url));
  }
  return out;
})"#;

#[test]
fn search_finds_every_article_actor_event_and_comparison_by_its_title() {
    let published = publish_sample();
    let out = published.out();
    // Every page of these kinds, with the title its page shows.
    let mut pages: Vec<(String, String)> = Vec::new();
    for folder in ["articles", "actors", "events", "compare"] {
        for entry in std::fs::read_dir(out.join(folder)).unwrap() {
            let page = entry.unwrap().path().join("index.html");
            if !page.is_file() {
                continue;
            }
            let title = text_of(&read_html(&page), "main h1").unwrap();
            let rel = page
                .strip_prefix(&out)
                .unwrap()
                .to_string_lossy()
                .replace("index.html", "");
            pages.push((title, rel));
        }
    }
    assert!(pages.len() > 50, "{pages:?}");
    let Some(server) = serve(&published) else {
        return;
    };
    let Some(mut chrome) = browser::launch() else {
        return;
    };
    chrome.navigate(&site_url(&server, "search/"));
    let titles: Vec<&str> = pages.iter().map(|(t, _)| t.as_str()).collect();
    const TOP: usize = 5;
    let found = chrome.eval_async(&format!(
        "{SEARCH_EACH}({}, {TOP})",
        serde_json::to_string(&titles).unwrap()
    ));
    let found = found.as_array().unwrap();
    let mut missing = Vec::new();
    for ((title, rel), urls) in pages.iter().zip(found) {
        let urls: Vec<&str> = urls
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        if !urls
            .iter()
            .any(|u| u.ends_with(&format!("/{SUBFOLDER}/{rel}")))
        {
            missing.push(format!(
                "{title:?}: {rel} is not among the first {TOP}: {urls:?}"
            ));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn the_folded_sections_of_a_comparison_are_closed_on_screen_and_printed_open() {
    let published = publish_sample();
    let Some(server) = serve(&published) else {
        return;
    };
    let Some(mut chrome) = browser::launch() else {
        return;
    };
    const VISIBLE: &str = "[...document.querySelectorAll('details.fold')].map(d => \
        [d.id, d.querySelector(':scope > :not(summary)').checkVisibility()])";
    for (media, shown) in [("screen", false), ("print", true)] {
        chrome.call("Emulation.setEmulatedMedia", json!({ "media": media }));
        chrome.navigate(&site_url(&server, "compare/london-talks/"));
        let folds = chrome.eval(VISIBLE);
        let folds = folds.as_array().unwrap();
        assert_eq!(folds.len(), 3, "{folds:?}");
        for fold in folds {
            assert_eq!(fold[1], shown, "{media}: {fold}");
        }
    }
}

#[test]
fn a_paragraphs_cite_link_opens_its_citation_under_it_and_closes_it_again() {
    let published = publish_sample();
    let Some(server) = serve(&published) else {
        return;
    };
    let Some(mut chrome) = browser::launch() else {
        return;
    };
    chrome.navigate(&site_url(&server, "articles/reuters-talks-fail/"));
    const OPEN: &str = "[...document.querySelectorAll('.para-side .citation')].map(c => \
        [c.previousElementSibling.dataset.p, c.textContent, c.checkVisibility()])";
    chrome.eval("document.querySelector('#p3 + .para-side a.cite').click()");
    let open = chrome.eval(OPEN);
    let open = open.as_array().unwrap();
    assert_eq!(open.len(), 1, "{open:?}");
    assert_eq!(open[0][0], "3", "{open:?}");
    let citation = open[0][1].as_str().unwrap();
    assert!(
        citation.starts_with("Reuters, “") && citation.contains(", para. 3"),
        "{citation}"
    );
    assert!(
        citation.ends_with("/articles/reuters-talks-fail/#p3."),
        "{citation}"
    );
    assert_eq!(open[0][2], true, "{open:?}");
    // The link stays where it was: the page did not jump to the line it leads to without
    // the script.
    assert_eq!(chrome.eval("location.hash"), "");
    chrome.eval("document.querySelector('#p3 + .para-side a.cite').click()");
    assert_eq!(chrome.eval(OPEN), json!([]));
}
