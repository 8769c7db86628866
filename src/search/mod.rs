//! The full-text search index: one record per article, actor, event, comparison and source
//! page, made from the model (the written pages are not read back), indexed in Pagefind's format
//! by [`pagefind`] and written with Pagefind's search UI under `pagefind/`. Each text is indexed
//! once: an article's whole text is in the article's record only, an event's description in the
//! event's; a comparison holds its title only, never the articles it sets side by side. A result
//! shows its title, its kind and, where there is one, its source, date or role; kind and outlet
//! are filters (as the templates' `search_facts` write them for the Pagefind CLI). It runs on any
//! static host (the browser fetches the index files); it cannot run from `file://`, where
//! browsers refuse to fetch.

mod pagefind;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::model::text::plain;
use crate::render::context::Views;
use crate::render::{PageKind, PlannedPage};
use crate::Site;

/// The folder of the index and its UI in a site.
pub const DIR: &str = "pagefind";

/// What Pagefind indexes for one page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The page's URL from the site root, as Pagefind would give it: `/articles/SLUG/`.
    pub url: String,
    /// The page's text in blocks, the title first, each with the weight of its words (1 for
    /// running text, as `data-pagefind-weight` gives it: 0 to 10).
    pub text: Vec<(u8, String)>,
    /// `title`, `kind` and, where the page has one, `source`, `date` or `role`.
    pub meta: BTreeMap<String, String>,
    /// `kind`, and `outlet` for articles and sources.
    pub filters: BTreeMap<String, Vec<String>>,
}

/// The weight Pagefind gives the words of a page's `<h1>`.
const TITLE_WEIGHT: u8 = 7;

/// The weight of an actor's or a source's name: the highest Pagefind takes, so that a search
/// for a name finds its page before the events and articles whose titles hold it.
const NAME_WEIGHT: u8 = 10;

/// A search index, made in memory.
pub struct Index {
    /// The number of pages it holds.
    pub pages: usize,
    /// Its files and Pagefind's UI: paths inside [`DIR`], and their bytes.
    pub files: Vec<(String, Vec<u8>)>,
}

impl Index {
    /// Writes the files into the site being built, in parallel; a file that cannot be written
    /// is reported as a page is.
    pub fn write(&self, staging: &crate::write::Staging) -> Result<(), Diagnostic> {
        self.files
            .par_iter()
            .try_for_each(|(path, bytes)| staging.write(&format!("{DIR}/{path}"), bytes))
    }
}

/// Runs `render` and, when `site` has search, makes the search index of the pages of `plan` on
/// a thread of its own meanwhile (with `DOSSIER_SEARCH_AFTER_RENDER=1`, after it and only if
/// it succeeded, to time the index alone). Returns what `render` returned and the index's
/// files; when `render` fails, the index is given up at once.
pub fn beside<T, E>(
    site: &Site,
    plan: &[PlannedPage],
    render: impl FnOnce() -> Result<T, E>,
) -> (Result<T, E>, Option<Result<Index, Diagnostic>>) {
    let stop = AtomicBool::new(false);
    let index = || index_site(site, plan, &stop);
    if !site.config.search {
        return (render(), None);
    }
    if std::env::var_os("DOSSIER_SEARCH_AFTER_RENDER").is_some_and(|v| v == "1") {
        let rendered = render();
        let indexed = rendered.is_ok().then(index);
        return (rendered, indexed);
    }
    std::thread::scope(|scope| {
        let thread = scope.spawn(index);
        let rendered = render();
        stop.store(rendered.is_err(), Ordering::Relaxed);
        // `index` reports Pagefind's panics as problems.
        let indexed = thread
            .join()
            .expect("the search index thread does not panic");
        (rendered, Some(indexed))
    })
}

/// The search index of the pages of `plan`; given up (an error) when `stop` is set.
pub fn index_site(
    site: &Site,
    plan: &[PlannedPage],
    stop: &AtomicBool,
) -> Result<Index, Diagnostic> {
    let timer = crate::Timer::start();
    let records = site_records(site, plan);
    timer.lap("search: records");
    index(records, &site.config.language, stop)
}

/// The records of the searched pages of `plan`, a plan of `site`.
pub fn site_records(site: &Site, plan: &[PlannedPage]) -> Vec<Record> {
    let views = Views::new(&site.dossier, &site.analysis, &site.config, false);
    records(&views, plan)
}

/// The records of the pages of `pages` that are searched (articles, actors, events,
/// comparisons, sources), in the order planned.
fn records(views: &Views, pages: &[PlannedPage]) -> Vec<Record> {
    pages.par_iter().filter_map(|p| record(views, p)).collect()
}

/// The record of one planned page; `None` for a kind that is not searched.
pub fn record(views: &Views, page: &PlannedPage) -> Option<Record> {
    let d = views.dossier;
    let smart = views.config.markdown.smart_punctuation;
    let mut content = Content::default();
    let mut meta = BTreeMap::new();
    let mut filters = BTreeMap::new();
    let (kind, title) = match page.kind {
        PageKind::Article => {
            let article = &d.articles[page.item];
            let shown = views.article_ref(article);
            content.title(&article.title);
            if let Some(byline) = &article.byline {
                content.block(byline);
            }
            if let Some(summary) = &article.summary {
                content.block(summary);
            }
            content.block(&plain(&article.body, smart));
            for note in &article.notes {
                content.block(&plain(&note.text, smart));
            }
            meta.insert("source".to_owned(), shown.outlet);
            meta.insert("date".to_owned(), shown.published.human);
            filters.insert("outlet".to_owned(), vec![shown.source.name]);
            ("Article", &article.title)
        }
        PageKind::Actor => {
            let actor = &d.actors[page.item];
            content.name(&actor.name);
            content.block(&actor.aliases.join(", "));
            if let Some(role) = actor.role.as_deref().filter(|r| !r.is_empty()) {
                content.block(role);
                meta.insert("role".to_owned(), role.to_owned());
            }
            content.block(&plain(&actor.body, smart));
            for note in &actor.notes {
                content.block(&plain(note, smart));
            }
            ("Actor", &actor.name)
        }
        PageKind::Event => {
            let event = &d.events[page.item];
            content.title(&event.title);
            if let Some(place) = &event.place {
                content.block(place);
            }
            content.block(&plain(&event.body, smart));
            for note in &event.notes {
                content.block(&plain(note, smart));
            }
            meta.insert("date".to_owned(), event.date.human());
            ("Event", &event.title)
        }
        PageKind::Compare => {
            let event = &d.events[page.item];
            // Its title only: the event's description is indexed on the event's page, the
            // articles it sets side by side on theirs.
            content.title(&event.title);
            meta.insert("date".to_owned(), event.date.human());
            ("Comparison", &event.title)
        }
        PageKind::Source => {
            let source = &d.sources[page.item];
            content.name(&source.name);
            content.block(&source.aliases.join(", "));
            content.block(&plain(&source.body, smart));
            filters.insert("outlet".to_owned(), vec![source.name.clone()]);
            ("Source", &source.name)
        }
        _ => return None,
    };
    meta.insert("title".to_owned(), collapse(title));
    meta.insert("kind".to_owned(), kind.to_owned());
    filters.insert("kind".to_owned(), vec![kind.to_owned()]);
    let dir = page.path.strip_suffix("index.html").unwrap_or(&page.path);
    Some(Record {
        url: format!("/{dir}"),
        text: content.0,
        meta,
        filters,
    })
}

/// A record's text: blocks separated so that an excerpt reads as sentences.
#[derive(Default)]
struct Content(Vec<(u8, String)>);

impl Content {
    /// The page's title, weighted as Pagefind weighs an `<h1>`.
    fn title(&mut self, title: &str) {
        self.weighted(TITLE_WEIGHT, title);
    }

    /// The name of the actor or source the page is about.
    fn name(&mut self, name: &str) {
        self.weighted(NAME_WEIGHT, name);
    }

    /// A block of running text.
    fn block(&mut self, text: &str) {
        self.weighted(1, text);
    }

    /// A block of text, ended by a full stop when it does not end a sentence (as Pagefind
    /// ends the blocks of a page).
    fn weighted(&mut self, weight: u8, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let mut text = text.to_owned();
        if !text.ends_with(['.', '!', '?', '…', ':', ';']) {
            text.push('.');
        }
        self.0.push((weight, text));
    }
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Indexes `records` in Pagefind's format: the index and Pagefind's UI, in memory (the caller
/// writes them, and reports a file that cannot be written as it reports a page); given up when
/// `stop` is set.
pub fn index(records: Vec<Record>, language: &str, stop: &AtomicBool) -> Result<Index, Diagnostic> {
    let timer = crate::Timer::start();
    // A bug (here or in Pagefind, which gives its UI) is reported as a problem of the build
    // (its panic message printed), not a crash of the build.
    let (files, pages) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        pagefind::write(&records, language, stop)
    }))
    .unwrap_or_else(|payload| Err(stopped_by(&*payload)))
    .map_err(fail)?;
    timer.lap(&format!("search: {pages} pages indexed"));
    Ok(Index { pages, files })
}

/// A problem of the search index, with what to do.
fn fail(why: impl std::fmt::Display) -> Diagnostic {
    Diagnostic::error(DIR, format!("cannot build the search index: {why}"))
        .with_hint("`search = false` in site.toml builds the site without search")
}

/// The text of a panic.
fn stopped_by(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())
        .unwrap_or("the indexer stopped")
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_told_by_its_text() {
        let payload: Box<dyn std::any::Any + Send> = Box::new(String::from("index out of bounds"));
        assert_eq!(stopped_by(&*payload), "index out of bounds");
        let payload: Box<dyn std::any::Any + Send> = Box::new("overflow");
        assert_eq!(stopped_by(&*payload), "overflow");
    }
}
