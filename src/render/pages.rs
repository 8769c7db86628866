//! The list of pages a dossier builds, and rendering one of them with its template.

use serde::Serialize;
use tera::{Context, Tera};

use super::context::Views;
use super::templates::error_chain;
use crate::analyse::Analysis;
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::model::Dossier;

/// The kinds of page, for the build summary and for templates (`page.kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PageKind {
    Index,
    Article,
    Actors,
    Actor,
    Sources,
    Source,
    Event,
    Page,
    Chronology,
    CompareIndex,
    Compare,
    Coverage,
    Search,
    Notes,
    Bibliography,
    BibTex,
    CslJson,
    Feed,
    Sitemap,
    NotFound,
    Data,
    Asset,
}

impl PageKind {
    /// Plural label for the build summary.
    pub fn label(self) -> &'static str {
        match self {
            PageKind::Index => "front page",
            PageKind::Article => "articles",
            PageKind::Actors => "actor index",
            PageKind::Actor => "actors",
            PageKind::Sources => "source index",
            PageKind::Source => "sources",
            PageKind::Event => "events",
            PageKind::Page => "pages",
            PageKind::Chronology => "chronology",
            PageKind::CompareIndex => "comparison index",
            PageKind::Compare => "comparisons",
            PageKind::Coverage => "coverage page",
            PageKind::Search => "search page",
            PageKind::Notes => "notes page",
            PageKind::Bibliography => "bibliography",
            PageKind::BibTex => "BibTeX file",
            PageKind::CslJson => "CSL-JSON file",
            PageKind::Feed => "feed",
            PageKind::Sitemap => "sitemap",
            PageKind::NotFound => "not-found page",
            PageKind::Data => "data file",
            PageKind::Asset => "assets",
        }
    }
}

/// Articles listed on the front page, newest first.
pub const FRONT_PAGE_ARTICLES: usize = 30;

/// One file of the site to render: where it goes and what it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedPage {
    pub kind: PageKind,
    /// Output path relative to the site root, with `/`: `articles/x/index.html`.
    pub path: String,
    /// Index into the dossier's vector for the kind, where there is one.
    pub item: usize,
}

impl PlannedPage {
    fn new(kind: PageKind, path: String, item: usize) -> Self {
        PlannedPage { kind, path, item }
    }

    /// The way back from this page to the site root: `../../` for `articles/x/index.html`.
    pub fn root(&self) -> String {
        "../".repeat(self.path.matches('/').count())
    }
}

impl PlannedPage {
    /// The template that renders the page (empty for files that are not rendered by one).
    pub fn template(&self) -> &'static str {
        match self.kind {
            PageKind::Index => "index.html",
            PageKind::Article => "article.html",
            PageKind::Actors => "actors.html",
            PageKind::Actor => "actor.html",
            PageKind::Sources => "sources.html",
            PageKind::Source => "source.html",
            PageKind::Event => "event.html",
            PageKind::Page => "page.html",
            PageKind::Chronology => "chronology.html",
            PageKind::CompareIndex => "compare_index.html",
            PageKind::Compare => "compare.html",
            PageKind::Coverage => "coverage.html",
            PageKind::Search => "search.html",
            PageKind::Notes => "notes.html",
            PageKind::Bibliography => "bibliography.html",
            PageKind::BibTex | PageKind::CslJson => "",
            PageKind::Feed | PageKind::Sitemap => "",
            PageKind::NotFound => "404.html",
            PageKind::Data | PageKind::Asset => "",
        }
    }
}

/// Every page of the site.
pub fn plan(dossier: &Dossier, config: &Config) -> Vec<PlannedPage> {
    let compared: Vec<(usize, &str)> = dossier
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.outlets(dossier).len() >= 2)
        .map(|(i, e)| (i, e.slug.as_str()))
        .collect();
    let mut pages: Vec<PlannedPage> = compared
        .iter()
        .map(|&(i, slug)| {
            PlannedPage::new(PageKind::Compare, format!("compare/{slug}/index.html"), i)
        })
        .collect();
    pages.extend([
        PlannedPage::new(PageKind::Index, "index.html".into(), 0),
        PlannedPage::new(PageKind::Actors, "actors/index.html".into(), 0),
        PlannedPage::new(PageKind::Sources, "sources/index.html".into(), 0),
        PlannedPage::new(PageKind::Chronology, "chronology/index.html".into(), 0),
        PlannedPage::new(PageKind::NotFound, "404.html".into(), 0),
        PlannedPage::new(PageKind::Data, "dossier.json".into(), 0),
        PlannedPage::new(PageKind::CompareIndex, "compare/index.html".into(), 0),
        PlannedPage::new(PageKind::Feed, "atom.xml".into(), 0),
        PlannedPage::new(PageKind::Sitemap, "sitemap.xml".into(), 0),
        PlannedPage::new(PageKind::Bibliography, "bibliography/index.html".into(), 0),
        PlannedPage::new(PageKind::BibTex, "bibliography.bib".into(), 0),
        PlannedPage::new(PageKind::CslJson, "bibliography.json".into(), 0),
    ]);
    if super::notes::any(dossier) {
        pages.push(PlannedPage::new(
            PageKind::Notes,
            "notes/index.html".into(),
            0,
        ));
    }
    if dossier.sources.iter().any(|s| !s.groups.is_empty()) {
        pages.push(PlannedPage::new(
            PageKind::Coverage,
            "coverage/index.html".into(),
            0,
        ));
    }
    if config.search {
        pages.push(PlannedPage::new(
            PageKind::Search,
            "search/index.html".into(),
            0,
        ));
    }
    let each = |kind, dir: &str, slugs: Vec<&str>| {
        slugs
            .into_iter()
            .enumerate()
            .map(move |(i, slug)| PlannedPage::new(kind, format!("{dir}{slug}/index.html"), i))
            .collect::<Vec<_>>()
    };
    pages.extend(each(
        PageKind::Article,
        "articles/",
        dossier.articles.iter().map(|a| a.slug.as_str()).collect(),
    ));
    pages.extend(each(
        PageKind::Actor,
        "actors/",
        dossier.actors.iter().map(|a| a.slug.as_str()).collect(),
    ));
    pages.extend(each(
        PageKind::Source,
        "sources/",
        dossier.sources.iter().map(|a| a.slug.as_str()).collect(),
    ));
    pages.extend(each(
        PageKind::Event,
        "events/",
        dossier.events.iter().map(|a| a.slug.as_str()).collect(),
    ));
    pages.extend(each(
        PageKind::Page,
        "",
        dossier.pages.iter().map(|a| a.slug.as_str()).collect(),
    ));
    pages
}

/// Renders planned pages: the compiled templates plus the view-model builder.
pub struct Renderer<'a> {
    pub tera: &'a Tera,
    pub views: Views<'a>,
    /// Shared by every page, serialised once.
    base: Context,
}

impl<'a> Renderer<'a> {
    /// The renderer of the pages of `site`.
    pub fn of(site: &'a crate::Site, file_urls: bool) -> Renderer<'a> {
        Renderer::new(
            &site.templates,
            &site.dossier,
            &site.analysis,
            &site.config,
            file_urls,
        )
    }

    pub fn new(
        tera: &'a Tera,
        dossier: &'a Dossier,
        analysis: &'a Analysis,
        config: &'a Config,
        file_urls: bool,
    ) -> Self {
        let views = Views {
            dossier,
            analysis,
            config,
            file_urls,
        };
        let mut base = Context::new();
        base.insert("site", &views.site());
        Renderer { tera, views, base }
    }

    /// Writes `dossier.json` (the [`PageKind::Data`] page) to `out` as it is serialised: the
    /// largest file of a site is never held in memory whole.
    pub fn write_data(&self, out: impl std::io::Write) -> std::io::Result<()> {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
        serde_json::to_writer(&mut out, &self.views.data())?;
        std::io::Write::flush(&mut out)
    }

    /// The bytes of one page, or a diagnostic naming the template that failed.
    pub fn render(&self, page: &PlannedPage) -> Result<Vec<u8>, Diagnostic> {
        let v = &self.views;
        let d = v.dossier;
        let config = v.config;
        let mut ctx = self.base.clone();
        let root = match page.kind {
            // Served at any depth by static hosts: links go from the site's own path.
            PageKind::NotFound => config.base_path().to_owned(),
            _ => page.root(),
        };
        let dir = page.path.strip_suffix("index.html").unwrap_or(&page.path);
        ctx.insert("root", &root);
        let home = format!("{root}{}", v.url(""));
        ctx.insert("home", if home.is_empty() { "./" } else { &home });
        let (title, description) = match page.kind {
            PageKind::Data => {
                let mut bytes = Vec::new();
                self.write_data(&mut bytes).map_err(|err| {
                    Diagnostic::error(
                        "dossier.json",
                        format!("cannot serialise the data model: {err}"),
                    )
                })?;
                return Ok(bytes);
            }
            PageKind::Asset => unreachable!("assets are copied, not rendered"),
            PageKind::Feed => return Ok(super::feeds::atom(d, config).into_bytes()),
            PageKind::Sitemap => {
                return Ok(super::feeds::sitemap(&super::plan(d, config), config).into_bytes())
            }
            PageKind::Search => ("Search".to_owned(), format!("Search {}", config.title)),
            PageKind::BibTex => return Ok(super::cite::bibtex(&v.works()).into_bytes()),
            PageKind::CslJson => return Ok(super::cite::csl_json(&v.works()).into_bytes()),
            PageKind::Notes => {
                ctx.insert("notes", &v.notes_page());
                (
                    "Analyst’s notes".to_owned(),
                    format!("The analyst’s notes on {}", config.title),
                )
            }
            PageKind::Bibliography => {
                ctx.insert("entries", &v.bibliography());
                (
                    "Bibliography".to_owned(),
                    format!("Every article of {}, cited", config.title),
                )
            }
            PageKind::Index => {
                // The latest articles; the chronology and the source pages list them all.
                let articles: Vec<_> = d
                    .articles
                    .iter()
                    .take(FRONT_PAGE_ARTICLES)
                    .map(|a| v.article_ref(a))
                    .collect();
                ctx.insert("articles", &articles);
                let events = v.front_events();
                ctx.insert("latest_events", &events.latest);
                ctx.insert("ahead_events", &events.ahead);
                ctx.insert("last_published", &events.last_published);
                ctx.insert("summary", &v.front_summary());
                ctx.insert("disputed", &v.disputed());
                ctx.insert("matrix", &v.matrix());
                ctx.insert("key_actors", &v.key_actors(12));
                ctx.insert(
                    "sources",
                    &v.sources()
                        .into_iter()
                        .map(|(s, n, r)| SourceRow {
                            source: s,
                            articles: n,
                            republished: r,
                        })
                        .collect::<Vec<_>>(),
                );
                (config.title.clone(), config.description.clone())
            }
            PageKind::Article => {
                let article = &d.articles[page.item];
                ctx.insert("article", &v.article(page.item, &root));
                let description = article.summary.clone().unwrap_or_else(|| {
                    first_words(article.paragraphs.first().map_or("", String::as_str), 30)
                });
                (article.title.clone(), description)
            }
            PageKind::Chronology => {
                let years = v.chronology();
                let all: Vec<usize> = (0..d.events.len()).collect();
                let articles: Vec<usize> = (0..d.articles.len()).collect();
                let items = v.timeline_items(&all, &articles, &root);
                let caption = format!(
                    "Timeline of {} events and {} articles",
                    d.events.len(),
                    d.articles.len()
                );
                ctx.insert(
                    "timeline_svg",
                    &super::timeline::svg(&items, "chronology-timeline", &caption),
                );
                let filters = v.chronology_filters();
                ctx.insert("filter_css", &v.chronology_filter_css(&filters));
                ctx.insert("filters", &filters);
                ctx.insert("years", &years);
                (
                    "Chronology".to_owned(),
                    format!("Events and reporting in date order: {}", config.title),
                )
            }
            PageKind::Coverage => {
                ctx.insert("coverage", &v.coverage());
                (
                    "Coverage by outlet group".to_owned(),
                    format!(
                        "Which groups of outlets reported each event of {}, and the blindspots",
                        config.title
                    ),
                )
            }
            PageKind::CompareIndex => {
                ctx.insert("comparisons", &v.compare_rows());
                (
                    "Comparisons".to_owned(),
                    format!("How the outlets covered each event of {}", config.title),
                )
            }
            PageKind::Compare => {
                let event = &d.events[page.item];
                ctx.insert("compare", &v.compare(event));
                (
                    format!("Comparison: {}", event.title),
                    format!(
                        "How {} outlets reported {}",
                        event.outlets(d).len(),
                        event.title
                    ),
                )
            }
            PageKind::Actors => {
                ctx.insert("groups", &v.actor_groups());
                ctx.insert("network_svg", &v.network());
                (
                    "Actors".to_owned(),
                    format!("The people, organisations and states in {}", config.title),
                )
            }
            PageKind::Actor => {
                let view = v.actor(page.item);
                let actor = &d.actors[page.item];
                let description = match &actor.role {
                    Some(role) => {
                        format!("{}, {role}: what the dossier's sources report", actor.name)
                    }
                    None => format!("{}: what the dossier's sources report", actor.name),
                };
                ctx.insert("actor", &view);
                let events: Vec<usize> = actor
                    .events
                    .iter()
                    .filter_map(|e| d.event_index(e))
                    .collect();
                let items = v.timeline_items(&events, &[], &root);
                ctx.insert(
                    "timeline_svg",
                    &super::timeline::svg(
                        &items,
                        "actor-timeline",
                        &format!("Timeline of the events {} took part in", actor.name),
                    ),
                );
                (actor.name.clone(), description)
            }
            PageKind::Sources => {
                ctx.insert(
                    "sources",
                    &v.sources()
                        .into_iter()
                        .map(|(s, n, r)| SourceRow {
                            source: s,
                            articles: n,
                            republished: r,
                        })
                        .collect::<Vec<_>>(),
                );
                (
                    "Sources".to_owned(),
                    format!("The outlets whose reporting makes up {}", config.title),
                )
            }
            PageKind::Source => {
                let source = &d.sources[page.item];
                ctx.insert("source", &v.source(source));
                let articles: Vec<usize> = d
                    .articles
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| {
                        a.source == source.slug || a.publisher.as_deref() == Some(&source.slug)
                    })
                    .map(|(i, _)| i)
                    .collect();
                let mut events: Vec<usize> = Vec::new();
                for &a in &articles {
                    for slug in &d.articles[a].events {
                        if let Some(i) = d.event_index(slug) {
                            if !events.contains(&i) {
                                events.push(i);
                            }
                        }
                    }
                }
                let items = v.timeline_items(&events, &articles, &root);
                ctx.insert(
                    "timeline_svg",
                    &super::timeline::svg(
                        &items,
                        "source-timeline",
                        &format!(
                            "Timeline of {}'s articles and the events they report",
                            source.name
                        ),
                    ),
                );
                (
                    source.name.clone(),
                    format!("Articles from {} in {}", source.name, config.title),
                )
            }
            PageKind::Event => {
                let event = &d.events[page.item];
                ctx.insert("event", &v.event(event));
                (
                    event.title.clone(),
                    format!("{}: {}", event.date.human(), event.title),
                )
            }
            PageKind::Page => {
                let free = &d.pages[page.item];
                ctx.insert(
                    "content",
                    &FreePage {
                        title: free.title.clone(),
                        body_html: super::markdown::render(&free.body, &config.markdown, &[]),
                    },
                );
                (
                    free.title.clone(),
                    free.summary
                        .clone()
                        .unwrap_or_else(|| config.description.clone()),
                )
            }
            PageKind::NotFound => ("Page not found".to_owned(), config.description.clone()),
        };
        let template = page.template();
        ctx.insert(
            "page",
            &PageMeta {
                kind: page.kind,
                title,
                description,
                path: v.url(dir),
                canonical: format!("{}{}", config.base_url, dir),
            },
        );
        self.tera
            .render(template, &ctx)
            .map(String::into_bytes)
            .map_err(|err| {
                Diagnostic::error(
                    format!("templates/{template}"),
                    format!("cannot render {}: {}", page.path, error_chain(&err)),
                )
                .with_hint("check the variable names against docs/templates.md")
            })
    }
}

#[derive(Serialize)]
struct PageMeta {
    kind: PageKind,
    title: String,
    description: String,
    /// This page's URL relative to the site root.
    path: String,
    /// Absolute URL from `base_url`.
    canonical: String,
}

#[derive(Serialize)]
struct SourceRow {
    source: super::context::SourceRef,
    articles: usize,
    republished: usize,
}

#[derive(Serialize)]
struct FreePage {
    title: String,
    body_html: String,
}

/// The first `count` words of `text`, with an ellipsis when cut.
fn first_words(text: &str, count: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= count {
        words.join(" ")
    } else {
        format!("{}…", words[..count].join(" "))
    }
}
