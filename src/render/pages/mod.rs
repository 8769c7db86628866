//! The page kinds of a site: one module per kind, each with the one place its URL pattern is
//! written (its route), what its pages depend on, its template, and how one of its pages is
//! filled. [`KINDS`] lists them; [`plan`] asks each for its pages; [`affected`] asks each
//! which of its pages an edit reaches; [`Renderer::render`] hands a page to its kind.
//!
//! Adding a page kind: a module here with a [`Kind`] constant, a variant of [`PageKind`] and
//! one line in [`KINDS`].

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;
use tera::{Context, Tera};

use super::context::Views;
use super::templates::error_chain;
use crate::analyse::Analysis;
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::model::Dossier;

pub mod actor;
pub mod actors;
pub mod article;
pub mod bibliography;
pub mod bibtex;
pub mod chronology;
pub mod compare;
pub mod compare_index;
pub mod coverage;
pub mod csl_json;
pub mod data;
pub mod event;
pub mod feed;
pub mod index;
pub mod not_found;
pub mod notes;
pub mod page;
pub mod search;
pub mod sitemap;
pub mod source;
pub mod sources;

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
            PageKind::Asset => "assets",
            kind => kind.of().label,
        }
    }

    /// The kind's entry in [`KINDS`].
    ///
    /// # Panics
    /// For [`PageKind::Asset`]: assets are copied, not planned by a kind.
    pub fn of(self) -> &'static Kind {
        KINDS
            .iter()
            .find(|k| k.kind == self)
            .expect("every page kind but Asset is in KINDS")
    }
}

/// Every page kind, in the order their pages are planned: the slowest pages (comparisons)
/// first, so that the parallel render does not end on one long page.
pub const KINDS: &[Kind] = &[
    compare::KIND,
    index::KIND,
    actors::KIND,
    sources::KIND,
    chronology::KIND,
    not_found::KIND,
    data::KIND,
    compare_index::KIND,
    feed::KIND,
    sitemap::KIND,
    bibliography::KIND,
    bibtex::KIND,
    csl_json::KIND,
    notes::KIND,
    coverage::KIND,
    search::KIND,
    article::KIND,
    actor::KIND,
    source::KIND,
    event::KIND,
    page::KIND,
];

/// A page kind: its route, its dependencies, its template and how a page is filled.
pub struct Kind {
    pub kind: PageKind,
    /// Plural label for the build summary: "articles".
    pub label: &'static str,
    /// The template that renders its pages; empty for files written without one.
    pub template: &'static str,
    /// Its pages in a dossier: (output path, item), the item an index into the dossier's
    /// vector for the kind where there is one.
    pub pages: fn(&Dossier, &Analysis, &Config) -> Vec<(String, usize)>,
    /// What its pages show, so that `serve` renders only what an edit reaches.
    pub depends: Depends,
    /// Fills the template context of one page, or returns the finished bytes.
    pub fill: fn(&Renderer, &PlannedPage, &mut Context) -> Result<Filled, Diagnostic>,
}

/// What the pages of a kind are made from, beyond the configuration and the templates (a
/// change of either rebuilds everything).
#[derive(Clone, Copy)]
pub enum Depends {
    /// The dossier's structure only (which pages exist), or files other than articles: an
    /// edit of an article's text or front matter never changes them.
    Structure,
    /// Every article: lists, indexes and files of the whole dossier.
    EveryArticle,
    /// Some items: the items of this kind whose page shows article `index` (its page, its
    /// outlet's, the actors it mentions…).
    Items(fn(&Dossier, &Analysis, usize) -> Vec<usize>),
}

/// A filled page: the context is ready for the template, with the page's title and
/// description; or a file made without a template.
pub enum Filled {
    Page { title: String, description: String },
    Bytes(Vec<u8>),
}

impl Filled {
    fn page(title: impl Into<String>, description: impl Into<String>) -> Filled {
        Filled::Page {
            title: title.into(),
            description: description.into(),
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
    /// The way back from this page to the site root: `../../` for `articles/x/index.html`.
    pub fn root(&self) -> String {
        "../".repeat(self.path.matches('/').count())
    }

    /// The template that renders the page (empty for files that are not rendered by one).
    pub fn template(&self) -> &'static str {
        self.kind.of().template
    }
}

/// The output path of the page whose folder is `dir` (`articles/x/` → `articles/x/index.html`).
fn index_html(dir: &str) -> String {
    format!("{dir}index.html")
}

/// One page per item of `items`, in the folder `dir` gives its slug: the pages of the kinds
/// with a page per article, actor, source, event or free page.
fn each<T>(items: &[T], slug: fn(&T) -> &str, dir: fn(&str) -> String) -> Vec<(String, usize)> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| (index_html(&dir(slug(item))), i))
        .collect()
}

/// One page at `path`, for the kinds a dossier has once.
fn single(path: &str) -> Vec<(String, usize)> {
    vec![(path.to_owned(), 0)]
}

/// Every page of the site.
pub fn plan(dossier: &Dossier, analysis: &Analysis, config: &Config) -> Vec<PlannedPage> {
    KINDS
        .iter()
        .flat_map(|kind| {
            (kind.pages)(dossier, analysis, config)
                .into_iter()
                .map(|(path, item)| PlannedPage {
                    kind: kind.kind,
                    path,
                    item,
                })
        })
        .collect()
}

/// The paths of the pages of `plan` that show something of the articles at `changed`
/// (indices into the dossier's articles), by the dependencies each kind declares.
pub fn affected(
    dossier: &Dossier,
    analysis: &Analysis,
    plan: &[PlannedPage],
    changed: &[usize],
) -> BTreeSet<String> {
    let paths: HashMap<(PageKind, usize), &str> = plan
        .iter()
        .map(|p| ((p.kind, p.item), p.path.as_str()))
        .collect();
    let mut out = BTreeSet::new();
    for page in plan {
        if matches!(page.kind.of().depends, Depends::EveryArticle) && !changed.is_empty() {
            out.insert(page.path.clone());
        }
    }
    for kind in KINDS {
        let Depends::Items(items) = kind.depends else {
            continue;
        };
        for &article in changed {
            for item in items(dossier, analysis, article) {
                if let Some(path) = paths.get(&(kind.kind, item)) {
                    out.insert((*path).to_owned());
                }
            }
        }
    }
    out
}

/// Renders planned pages: the compiled templates plus the view-model builder.
pub struct Renderer<'a> {
    pub tera: &'a Tera,
    pub views: Views<'a>,
    /// Every page of the site (the sitemap lists them).
    pub plan: &'a [PlannedPage],
    /// Shared by every page, serialised once.
    base: Context,
}

impl<'a> Renderer<'a> {
    /// The renderer of the pages of `site`, planned in `plan`.
    pub fn of(site: &'a crate::Site, plan: &'a [PlannedPage], file_urls: bool) -> Renderer<'a> {
        Renderer::new(
            &site.templates,
            &site.dossier,
            &site.analysis,
            &site.config,
            plan,
            file_urls,
        )
    }

    pub fn new(
        tera: &'a Tera,
        dossier: &'a Dossier,
        analysis: &'a Analysis,
        config: &'a Config,
        plan: &'a [PlannedPage],
        file_urls: bool,
    ) -> Self {
        let views = Views::new(dossier, analysis, config, file_urls);
        let mut base = Context::new();
        base.insert("site", &views.site());
        Renderer {
            tera,
            views,
            plan,
            base,
        }
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
        let config = v.config;
        let kind = page.kind.of();
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
        let (title, description) = match (kind.fill)(self, page, &mut ctx)? {
            Filled::Bytes(bytes) => return Ok(bytes),
            Filled::Page { title, description } => (title, description),
        };
        let template = kind.template;
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
        self.render_template(template, &ctx, page)
            .map(String::into_bytes)
    }

    /// `template` rendered with `ctx` for `page`, or a diagnostic naming the template.
    pub fn render_template(
        &self,
        template: &str,
        ctx: &Context,
        page: &PlannedPage,
    ) -> Result<String, Diagnostic> {
        self.tera.render(template, ctx).map_err(|err| {
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

/// A row of the source index and of the front page's list of outlets.
#[derive(Serialize)]
struct SourceRow {
    source: super::context::SourceRef,
    articles: usize,
    republished: usize,
}

fn source_rows(views: &Views) -> Vec<SourceRow> {
    views
        .sources()
        .into_iter()
        .map(|(source, articles, republished)| SourceRow {
            source,
            articles,
            republished,
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{LoadOptions, Site};

    /// An invented dossier: two outlets, three actors, two events, three articles.
    fn site() -> (tempfile::TempDir, Site) {
        let dir = tempfile::tempdir().expect("temp dir");
        let files = [
            ("site.toml", "title = \"Harbour strike\"\nbase_url = \"https://example.org/\"\n"),
            ("content/sources/wire.md", "---\nname: The Wire\nkind: wire\n---\n"),
            ("content/sources/daily.md", "---\nname: The Daily\nkind: newspaper\n---\n"),
            ("content/actors/ana-petrov.md", "---\nname: Ana Petrov\naliases: [Petrov]\nkind: person\n---\n"),
            ("content/actors/dock-union.md", "---\nname: Dock Union\nkind: organisation\n---\n"),
            ("content/actors/omar-vale.md", "---\nname: Omar Vale\nkind: person\n---\n"),
            ("content/events/walkout.md", "---\ntitle: The walkout\ndate: 2031-03-02\n---\n"),
            ("content/events/vote.md", "---\ntitle: The vote\ndate: 2031-03-09\n---\n"),
            ("content/articles/wire-walkout.md", "---\ntitle: Dockers walk out\nsource: wire\npublished: 2031-03-02\nevents: [walkout]\n---\n\nAna Petrov led the walkout at dawn.\n\n\"We will not load a single ship,\" Petrov said.\n"),
            ("content/articles/daily-walkout.md", "---\ntitle: Port stops\nsource: daily\npublished: 2031-03-02\nevents: [walkout]\n---\n\nThe Dock Union stopped the port.\n"),
            ("content/articles/daily-vote.md", "---\ntitle: Members vote\nsource: daily\npublished: 2031-03-09\nevents: [vote]\n---\n\nOmar Vale counted the ballots.\n"),
        ];
        for (rel, text) in files {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let site = Site::load(dir.path(), &LoadOptions::default()).expect("the dossier loads");
        (dir, site)
    }

    #[test]
    fn every_kind_but_asset_is_registered_once() {
        let all = [
            PageKind::Index,
            PageKind::Article,
            PageKind::Actors,
            PageKind::Actor,
            PageKind::Sources,
            PageKind::Source,
            PageKind::Event,
            PageKind::Page,
            PageKind::Chronology,
            PageKind::CompareIndex,
            PageKind::Compare,
            PageKind::Coverage,
            PageKind::Search,
            PageKind::Notes,
            PageKind::Bibliography,
            PageKind::BibTex,
            PageKind::CslJson,
            PageKind::Feed,
            PageKind::Sitemap,
            PageKind::NotFound,
            PageKind::Data,
        ];
        for kind in all {
            assert_eq!(
                KINDS.iter().filter(|k| k.kind == kind).count(),
                1,
                "{kind:?}"
            );
        }
        assert_eq!(KINDS.len(), all.len());
    }

    #[test]
    fn no_route_can_be_taken_by_a_free_page() {
        let (_dir, site) = site();
        for page in plan(&site.dossier, &site.analysis, &site.config) {
            let top = page.path.split('/').next().unwrap();
            assert!(
                page.path == "index.html"
                    || crate::model::RESERVED_PAGE_SLUGS.contains(&top)
                    || crate::model::RESERVED_PAGE_SLUGS.contains(&top.trim_end_matches(".html")),
                "{} is not reserved for the site's own pages",
                page.path
            );
        }
    }

    #[test]
    fn an_article_edit_reaches_the_pages_that_show_it_and_no_others() {
        let (_dir, site) = site();
        let d = &site.dossier;
        let pages = plan(d, &site.analysis, &site.config);
        let edited = d.article_index("wire-walkout").unwrap();
        let reached = affected(d, &site.analysis, &pages, &[edited]);
        for path in [
            "articles/wire-walkout/index.html",
            // The other report of the same event lists it among the event's reports.
            "articles/daily-walkout/index.html",
            "sources/wire/index.html",
            "actors/ana-petrov/index.html",
            "events/walkout/index.html",
            "compare/walkout/index.html",
            "index.html",
            "chronology/index.html",
            "atom.xml",
            "dossier.json",
        ] {
            assert!(
                reached.contains(path),
                "{path} is not re-rendered: {reached:?}"
            );
        }
        for path in [
            "articles/daily-vote/index.html",
            "sources/daily/index.html",
            "actors/omar-vale/index.html",
            "actors/dock-union/index.html",
            "events/vote/index.html",
            "404.html",
            "sitemap.xml",
        ] {
            assert!(!reached.contains(path), "{path} is re-rendered for nothing");
        }
        assert!(affected(d, &site.analysis, &pages, &[]).is_empty());
    }
}
