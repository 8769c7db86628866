//! The resolved, immutable dossier: every article, actor, source, event and page with its
//! references checked and its cross-references computed once. Built by [`resolve`] from what
//! `load` read; every later stage reads it and none changes it. `dossier.json` is its
//! serialisation.

mod date;
mod resolve;
pub mod text;

use std::collections::HashMap;

use serde::Serialize;

pub use date::{PartialDate, Precision};
pub use resolve::{resolve, with_body, Options};

#[derive(Debug, Default, Serialize)]
pub struct Dossier {
    /// Newest first, then by slug.
    pub articles: Vec<Article>,
    /// By name.
    pub actors: Vec<Actor>,
    /// By name.
    pub sources: Vec<Source>,
    /// Oldest first (coarser dates before finer ones of their period), then by slug.
    pub events: Vec<Event>,
    /// By weight, then title.
    pub pages: Vec<Page>,
    /// The analyst's summary for the front page (`content/_index.md`), when written.
    pub front: Option<Front>,
    #[serde(skip)]
    pub(crate) index: Index,
}

#[derive(Debug, Default)]
pub(crate) struct Index {
    articles: HashMap<String, usize>,
    actors: HashMap<String, usize>,
    sources: HashMap<String, usize>,
    events: HashMap<String, usize>,
}

impl Dossier {
    pub fn article(&self, slug: &str) -> Option<&Article> {
        self.index.articles.get(slug).map(|&i| &self.articles[i])
    }
    pub fn actor(&self, slug: &str) -> Option<&Actor> {
        self.index.actors.get(slug).map(|&i| &self.actors[i])
    }
    pub fn source(&self, slug: &str) -> Option<&Source> {
        self.index.sources.get(slug).map(|&i| &self.sources[i])
    }
    pub fn event(&self, slug: &str) -> Option<&Event> {
        self.index.events.get(slug).map(|&i| &self.events[i])
    }
    /// Positions in the vectors, by slug.
    pub fn article_index(&self, slug: &str) -> Option<usize> {
        self.index.articles.get(slug).copied()
    }
    pub fn actor_index(&self, slug: &str) -> Option<usize> {
        self.index.actors.get(slug).copied()
    }
    pub fn event_index(&self, slug: &str) -> Option<usize> {
        self.index.events.get(slug).copied()
    }

    fn reindex(&mut self) {
        fn slugs<T>(items: &[T], slug: impl Fn(&T) -> &str) -> HashMap<String, usize> {
            items
                .iter()
                .enumerate()
                .map(|(i, item)| (slug(item).to_owned(), i))
                .collect()
        }
        self.index = Index {
            articles: slugs(&self.articles, |a| &a.slug),
            actors: slugs(&self.actors, |a| &a.slug),
            sources: slugs(&self.sources, |s| &s.slug),
            events: slugs(&self.events, |e| &e.slug),
        };
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Article {
    pub slug: String,
    /// The file it was read from, relative to the dossier root, for messages.
    #[serde(skip)]
    pub path: std::path::PathBuf,
    pub title: String,
    /// The outlet whose reporting this is (a source slug).
    pub source: String,
    /// The site that republished it, where the text names one (a source slug).
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub published: PartialDate,
    pub byline: Option<String>,
    /// Events this article reports: its own `events:` and the events whose `sources:` name it.
    pub events: Vec<String>,
    /// Actors added by hand in front matter.
    pub actors: Vec<String>,
    pub summary: Option<String>,
    /// Quotes added or attributed by hand.
    pub quotes: Vec<HandQuote>,
    /// The analyst's notes on paragraphs, in paragraph order.
    pub notes: Vec<Note>,
    pub draft: bool,
    /// The Markdown body.
    pub body: String,
    /// Plain text of the body's top-level paragraphs; paragraph N is anchor `#pN`. (Derived
    /// from `body`, so left out of `dossier.json`.)
    #[serde(skip)]
    pub paragraphs: Vec<String>,
    /// Plain text of list items and block quotes, each after the paragraph it follows.
    #[serde(skip)]
    pub asides: Vec<text::Aside>,
    /// The line of the file on which each paragraph starts, for messages.
    #[serde(skip)]
    pub paragraph_lines: Vec<usize>,
    /// The line of the file on which the body starts.
    #[serde(skip)]
    pub body_line: usize,
    pub word_count: usize,
}

/// The analyst's note on one paragraph of an article (`notes: {p3: "…"}`): the analyst's own
/// reading, never the outlet's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// 1-based paragraph number (`#pN`).
    pub paragraph: usize,
    /// Markdown.
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct HandQuote {
    pub text: String,
    /// An actor slug; `None` for a quote kept as unattributed.
    pub by: Option<String>,
    /// `kind: term`: the quoted words are a label, not reported speech.
    pub term: bool,
    /// `reject: true`: the detected quote is not a quotation at all.
    pub reject: bool,
}

/// The pronoun that stands for an actor (`pronoun:` in its front matter), which lets "he
/// said" or "she said" after a quote be resolved to the right person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Pronoun {
    He,
    She,
    They,
    It,
}

impl Pronoun {
    pub const ALL: [(&'static str, Pronoun); 4] = [
        ("he", Pronoun::He),
        ("she", Pronoun::She),
        ("they", Pronoun::They),
        ("it", Pronoun::It),
    ];

    /// The pronoun a word is (any case): "He" → `He`.
    pub fn of(word: &str) -> Option<Pronoun> {
        Pronoun::ALL
            .iter()
            .find(|(name, _)| word.eq_ignore_ascii_case(name))
            .map(|(_, p)| *p)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organisation,
    State,
}

impl ActorKind {
    pub const ALL: [(&'static str, ActorKind); 3] = [
        ("person", ActorKind::Person),
        ("organisation", ActorKind::Organisation),
        ("state", ActorKind::State),
    ];

    pub fn name(self) -> &'static str {
        ActorKind::ALL
            .iter()
            .find(|(_, k)| *k == self)
            .map(|(n, _)| *n)
            .expect("listed")
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Actor {
    pub slug: String,
    /// The file it was read from, relative to the dossier root, for messages.
    #[serde(skip)]
    pub path: std::path::PathBuf,
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: Option<ActorKind>,
    pub role: Option<String>,
    /// An actor slug.
    pub affiliation: Option<String>,
    pub image: Option<String>,
    /// How the text refers back to this actor, when the front matter says.
    pub pronoun: Option<Pronoun>,
    /// Actors whose `affiliation` is this one.
    pub members: Vec<String>,
    /// Events whose `actors:` name this one, oldest first.
    pub events: Vec<String>,
    /// The analyst's notes (Markdown).
    pub notes: Vec<String>,
    /// The Markdown profile.
    pub body: String,
}

impl Actor {
    /// The name and every alias: the words that mention this actor in a text.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

pub const SOURCE_KINDS: &[&str] = &["wire", "newspaper", "broadcaster", "agency", "aggregator"];

/// Who owns an outlet (`ownership:`): a state (or its government), a public-service body, a
/// private company, its members (a cooperative), or a non-profit body.
pub const OWNERSHIPS: &[&str] = &["state", "public", "private", "cooperative", "nonprofit"];

#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub slug: String,
    /// The file it was read from, relative to the dossier root, for messages.
    #[serde(skip)]
    pub path: std::path::PathBuf,
    pub name: String,
    pub aliases: Vec<String>,
    pub url: Option<String>,
    /// One of [`SOURCE_KINDS`].
    pub kind: Option<String>,
    pub country: Option<String>,
    /// One of [`OWNERSHIPS`].
    pub ownership: Option<String>,
    /// Slugs of the outlet groups it belongs to (`groups:`; named and ordered by `[groups]`
    /// of site.toml), in the order written.
    pub groups: Vec<String>,
    /// Articles whose reporting is this outlet's, newest first.
    pub articles: Vec<String>,
    /// Articles of other outlets that this site republished, newest first.
    pub republished: Vec<String>,
    /// Sites that republished this outlet's articles.
    pub republished_by: Vec<String>,
    pub body: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub slug: String,
    /// The file it was read from, relative to the dossier root, for messages.
    #[serde(skip)]
    pub path: std::path::PathBuf,
    pub title: String,
    pub date: PartialDate,
    pub end: Option<PartialDate>,
    pub place: Option<String>,
    pub actors: Vec<String>,
    /// Articles that report the event, with the paragraph that states it where known; from the
    /// event's `sources:` and the articles' `events:`, oldest article first.
    pub reports: Vec<Report>,
    pub claims: Vec<Claim>,
    /// The analyst's notes (Markdown).
    pub notes: Vec<String>,
    pub body: String,
}

impl Event {
    /// The distinct sources (their slugs) whose articles report this event, in report order.
    pub fn reporting_sources<'a>(&self, dossier: &'a Dossier) -> Vec<&'a str> {
        let mut outlets: Vec<&str> = Vec::new();
        for report in &self.reports {
            if let Some(article) = dossier.article(&report.article) {
                if !outlets.contains(&article.source.as_str()) {
                    outlets.push(&article.source);
                }
            }
        }
        outlets
    }

    /// The paragraphs this event cites from article `slug`, in order; `None` when it cites the
    /// article as a whole (a report without a paragraph, alone or beside cited ones).
    pub fn cited_paragraphs(&self, slug: &str) -> Option<Vec<usize>> {
        let reports: Vec<Option<usize>> = self
            .reports
            .iter()
            .filter(|r| r.article == slug)
            .map(|r| r.paragraph)
            .collect();
        if reports.iter().any(Option::is_none) {
            return None;
        }
        let mut numbers: Vec<usize> = reports.into_iter().flatten().filter(|&n| n > 0).collect();
        numbers.sort_unstable();
        numbers.dedup();
        Some(numbers)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub article: String,
    /// 1-based paragraph number (`#pN`).
    pub paragraph: Option<usize>,
}

/// A hand-written fact to compare between the articles that report an event.
#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    pub about: String,
    /// Article slug → what it reports, in the order written.
    pub reports: Vec<(String, String)>,
}

/// The analyst's summary of the dossier (`content/_index.md`), shown first on the front page.
#[derive(Debug, Clone, Serialize)]
pub struct Front {
    /// The file it was read from, relative to the dossier root, for messages.
    #[serde(skip)]
    pub path: std::path::PathBuf,
    /// A heading for the summary (`title:`), when written.
    pub title: Option<String>,
    /// The Markdown summary.
    pub body: String,
}

/// Top-level paths the site uses for its own pages; a free page (`/<slug>/`) cannot take them.
pub const RESERVED_PAGE_SLUGS: &[&str] = &[
    "articles",
    "actors",
    "sources",
    "events",
    "compare",
    "chronology",
    "coverage",
    "search",
    "static",
    "pagefind",
    "atom.xml",
    "sitemap.xml",
    "404",
    "dossier.json",
    "notes",
    "bibliography",
    "bibliography.bib",
    "bibliography.json",
];

#[derive(Debug, Clone, Serialize)]
pub struct Page {
    pub slug: String,
    /// The file it was read from, relative to the dossier root, for messages.
    #[serde(skip)]
    pub path: std::path::PathBuf,
    pub title: String,
    pub summary: Option<String>,
    pub weight: i64,
    pub draft: bool,
    pub body: String,
}
