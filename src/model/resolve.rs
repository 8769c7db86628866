//! Building the [`Dossier`] from raw documents: parse dates, check every reference
//! (source, publisher, actor, event, article, paragraph, affiliation), and compute the
//! cross-references once. Every dangling reference is reported at its line and column.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::text::{blocks_with_offsets, paragraphs, word_count};
use super::*;
use crate::diagnostics::{did_you_mean, Diagnostic};
use crate::load::{Kind, RawData, RawDocument, Spanned};

#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Keep articles and pages marked `draft: true`.
    pub drafts: bool,
    /// As `[markdown] smart_punctuation`: paragraph texts match the rendered ones.
    pub smart_punctuation: bool,
}

/// Everything known about the documents before resolution: which slugs exist per kind.
struct Known<'a> {
    articles: HashMap<&'a str, &'a RawDocument>,
    article_slugs: HashSet<&'a str>,
    actors: HashSet<&'a str>,
    sources: HashSet<&'a str>,
    events: HashSet<&'a str>,
    drafts: HashSet<&'a str>,
    /// Slugs of files that could not be read.
    unreadable: HashSet<&'a str>,
}

type Blocks = (Vec<String>, Vec<super::text::Aside>, Vec<usize>);

/// Turns raw documents into the dossier, with a diagnostic for every broken reference.
pub fn resolve(documents: &[&RawDocument], options: Options) -> (Dossier, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    // Claim values of articles, with the warning each gets if its article does not report
    // the event: (event, article, warning).
    let mut unreported: Vec<(String, String, Diagnostic)> = Vec::new();
    let mut known = Known {
        articles: HashMap::new(),
        article_slugs: HashSet::new(),
        actors: HashSet::new(),
        sources: HashSet::new(),
        events: HashSet::new(),
        drafts: HashSet::new(),
        unreadable: HashSet::new(),
    };
    let mut seen: HashMap<(&str, &str), &Path> = HashMap::new();
    for &doc in documents {
        let kind = kind_name(&doc.data);
        if let Some(first) = seen.insert((kind, &doc.slug), &doc.path) {
            problems.push(
                Diagnostic::error(
                    &doc.path,
                    format!("a second {kind} with the slug `{}`", doc.slug),
                )
                .with_hint(format!(
                    "{} has the same file name; rename one of them",
                    first.display()
                )),
            );
            continue;
        }
        match &doc.data {
            RawData::Article(a) => {
                known.articles.insert(&doc.slug, doc);
                known.article_slugs.insert(&doc.slug);
                if a.draft {
                    known.drafts.insert(&doc.slug);
                }
            }
            RawData::Actor(_) => {
                known.actors.insert(&doc.slug);
            }
            RawData::Source(_) => {
                known.sources.insert(&doc.slug);
            }
            RawData::Event(_) => {
                known.events.insert(&doc.slug);
            }
            RawData::Page(_) | RawData::Front(_) => {}
            // Its slug exists; references to it are not dangling.
            RawData::Unreadable(kind) => {
                known.unreadable.insert(&doc.slug);
                match kind {
                    Kind::Article => {
                        known.article_slugs.insert(&doc.slug);
                    }
                    Kind::Actor => {
                        known.actors.insert(&doc.slug);
                    }
                    Kind::Source => {
                        known.sources.insert(&doc.slug);
                    }
                    Kind::Event => {
                        known.events.insert(&doc.slug);
                    }
                    Kind::Page | Kind::Front => {}
                }
            }
        }
    }

    let mut dossier = Dossier::default();
    // The text of every article, parsed in parallel: the costly part of resolving.
    let mut parsed: Vec<Option<Body>> = {
        use rayon::prelude::*;
        documents
            .par_iter()
            .map(|doc| matches!(doc.data, RawData::Article(_)).then(|| body_of(doc, options)))
            .collect()
    };
    for (k, &doc) in documents.iter().enumerate() {
        let mut check = Checker {
            doc,
            known: &known,
            problems: &mut problems,
        };
        match &doc.data {
            RawData::Article(raw) => {
                if raw.draft && !options.drafts {
                    continue;
                }
                let source = raw
                    .source
                    .as_ref()
                    .map(|s| check.reference(s, "source", &known.sources));
                let publisher = raw
                    .publisher
                    .as_ref()
                    .and_then(|s| check.reference(s, "source", &known.sources));
                let published = raw
                    .published
                    .as_ref()
                    .and_then(|d| check.date(d, "published"));
                let events = raw
                    .events
                    .iter()
                    .filter_map(|e| check.reference(e, "event", &known.events))
                    .collect();
                let actors = raw
                    .actors
                    .iter()
                    .filter_map(|a| check.reference(a, "actor", &known.actors))
                    .collect();
                let quotes = raw
                    .quotes
                    .iter()
                    .map(|q| HandQuote {
                        term: q
                            .kind
                            .as_ref()
                            .and_then(|k| check.choice(k, "kind", &["statement", "term"]))
                            == Some("term"),
                        reject: q.reject,
                        text: q.text.value.clone(),
                        by: q.by.as_ref().and_then(|by| {
                            (by.value != "unattributed")
                                .then(|| check.reference(by, "actor", &known.actors))
                                .flatten()
                        }),
                    })
                    .collect();
                let url = raw.url.as_ref().and_then(|u| check.url(u, "url"));
                let (Some(Some(source)), Some(published)) = (source, published) else {
                    continue;
                };
                let mut article = Article {
                    slug: doc.slug.clone(),
                    path: doc.path.clone(),
                    title: raw.title.clone(),
                    source,
                    publisher,
                    url,
                    published,
                    byline: raw.byline.clone(),
                    events,
                    actors,
                    summary: raw.summary.clone(),
                    quotes,
                    notes: Vec::new(),
                    draft: raw.draft,
                    body: String::new(),
                    paragraphs: Vec::new(),
                    asides: Vec::new(),
                    paragraph_lines: Vec::new(),
                    body_line: 0,
                    word_count: 0,
                };
                fill_body(&mut article, parsed[k].take().expect("parsed above"));
                article.notes = check.notes(&raw.notes, article.paragraphs.len());
                dossier.articles.push(article);
            }
            RawData::Actor(raw) => {
                let kind = raw.kind.as_ref().and_then(|k| {
                    let names = ActorKind::ALL.map(|(n, _)| n);
                    check.choice(k, "kind", &names).map(|n| {
                        ActorKind::ALL
                            .iter()
                            .find(|(name, _)| *name == n)
                            .expect("listed")
                            .1
                    })
                });
                let affiliation = raw.affiliation.as_ref().and_then(|a| {
                    if a.value == doc.slug {
                        check.problems.push(
                            Diagnostic::error(
                                &doc.path,
                                "an actor cannot be affiliated with itself",
                            )
                            .at(&doc.text, a.line, a.column),
                        );
                        return None;
                    }
                    check.reference(a, "actor", &known.actors)
                });
                let image = raw.image.as_ref().and_then(|i| check.link(i, "image"));
                let pronoun = raw.pronoun.as_ref().and_then(|p| {
                    let names = Pronoun::ALL.map(|(n, _)| n);
                    check.choice(p, "pronoun", &names).and_then(Pronoun::of)
                });
                dossier.actors.push(Actor {
                    slug: doc.slug.clone(),
                    path: doc.path.clone(),
                    name: raw.name.clone(),
                    aliases: unique(
                        raw.aliases
                            .iter()
                            .map(|a| a.value.trim().to_owned())
                            .filter(|a| !a.is_empty() && *a != raw.name),
                    ),
                    kind,
                    role: raw.role.clone(),
                    affiliation,
                    image,
                    pronoun,
                    members: Vec::new(),
                    events: Vec::new(),
                    notes: raw.notes.clone(),
                    body: doc.body.clone(),
                });
            }
            RawData::Source(raw) => {
                let kind = raw
                    .kind
                    .as_ref()
                    .and_then(|k| check.choice(k, "kind", SOURCE_KINDS));
                let url = raw.url.as_ref().and_then(|u| check.url(u, "url"));
                let ownership = raw.ownership.as_ref().and_then(|o| check.ownership(o));
                let groups = unique(raw.groups.iter().filter_map(|g| check.group(g)));
                dossier.sources.push(Source {
                    slug: doc.slug.clone(),
                    path: doc.path.clone(),
                    name: raw.name.clone(),
                    aliases: unique(
                        raw.aliases
                            .iter()
                            .map(|a| a.value.trim().to_owned())
                            .filter(|a| !a.is_empty()),
                    ),
                    url,
                    kind: kind.map(str::to_owned),
                    country: raw.country.clone(),
                    ownership: ownership.map(str::to_owned),
                    groups,
                    articles: Vec::new(),
                    republished: Vec::new(),
                    republished_by: Vec::new(),
                    body: doc.body.clone(),
                });
            }
            RawData::Event(raw) => {
                let date = raw.date.as_ref().and_then(|d| check.date(d, "date"));
                let end = raw.end.as_ref().and_then(|d| check.date(d, "end"));
                if let (Some(date), Some(end), Some(raw_end)) = (date, end, raw.end.as_ref()) {
                    if end < date {
                        check.problems.push(
                            Diagnostic::error(
                                &doc.path,
                                format!("`end` ({}) is before `date` ({})", end.iso(), date.iso()),
                            )
                            .at(&doc.text, raw_end.line, raw_end.column)
                            .with_hint("an event ends on or after the day it starts"),
                        );
                    }
                }
                let actors = raw
                    .actors
                    .iter()
                    .filter_map(|a| check.reference(a, "actor", &known.actors))
                    .collect();
                let mut reports = Vec::new();
                for spanned in &raw.sources {
                    if let Some(report) = check.report(spanned, options) {
                        reports.push(report);
                    }
                }
                let claims = raw
                    .claims
                    .iter()
                    .map(|claim| Claim {
                        about: claim.about.clone(),
                        reports: claim
                            .reports
                            .iter()
                            .filter_map(|(article, said)| {
                                let slug =
                                    check.reference(article, "article", &known.article_slugs)?;
                                // Whether the article reports the event is known once every
                                // file is read.
                                unreported.push((
                                    doc.slug.clone(),
                                    slug.clone(),
                                    Diagnostic::warning(
                                        &doc.path,
                                        format!(
                                            "the claim “{}” gives a value for `{slug}`, which does not report this event: the value is not shown",
                                            claim.about
                                        ),
                                    )
                                    .at(&doc.text, article.line, article.column)
                                    .with_hint(format!(
                                        "add `{}` to the `events:` of content/articles/{slug}.md, or the article to this event's `sources:`; or remove the value",
                                        doc.slug
                                    )),
                                ));
                                (options.drafts || !known.drafts.contains(slug.as_str()))
                                    .then(|| (slug, said.clone()))
                            })
                            .collect(),
                    })
                    .collect();
                let Some(date) = date else { continue };
                dossier.events.push(Event {
                    slug: doc.slug.clone(),
                    path: doc.path.clone(),
                    title: raw.title.clone(),
                    date,
                    end,
                    place: raw.place.clone(),
                    actors,
                    reports,
                    claims,
                    notes: raw.notes.clone(),
                    body: doc.body.clone(),
                });
            }
            RawData::Unreadable(_) => {}
            RawData::Front(raw) => {
                dossier.front = Some(Front {
                    path: doc.path.clone(),
                    title: raw.title.clone().filter(|t| !t.trim().is_empty()),
                    body: doc.body.clone(),
                });
            }
            RawData::Page(raw) => {
                if raw.draft && !options.drafts {
                    continue;
                }
                if RESERVED_PAGE_SLUGS.contains(&doc.slug.as_str()) {
                    check.problems.push(
                        Diagnostic::error(&doc.path, format!("a page cannot be called `{}`: the site uses /{}/ for its own pages", doc.slug, doc.slug))
                            .with_hint("rename the file"),
                    );
                    continue;
                }
                dossier.pages.push(Page {
                    slug: doc.slug.clone(),
                    path: doc.path.clone(),
                    title: raw.title.clone(),
                    summary: raw.summary.clone(),
                    weight: raw.weight,
                    draft: raw.draft,
                    body: doc.body.clone(),
                });
            }
        }
    }
    cross_reference(&mut dossier);
    for (event, article, warning) in unreported {
        let reported = dossier
            .event(&event)
            .is_some_and(|e| e.reports.iter().any(|r| r.article == article));
        if !reported {
            problems.push(warning);
        }
    }
    (dossier, problems)
}

/// What an article takes from the body of its file: the text, its paragraphs and asides, the
/// file line of each paragraph, and the word count (read for every article in parallel).
struct Body {
    body: String,
    body_line: usize,
    paragraphs: Vec<String>,
    asides: Vec<super::text::Aside>,
    paragraph_lines: Vec<usize>,
    word_count: usize,
}

fn body_of(doc: &RawDocument, options: Options) -> Body {
    let (paragraphs, asides, offsets): Blocks =
        blocks_with_offsets(&doc.body, options.smart_punctuation);
    // Offsets rise: count the newlines between one and the next, not from the start each
    // time (quadratic on a long article).
    let mut counted = (0, doc.body_line);
    let paragraph_lines = offsets
        .iter()
        .map(|&o| {
            let (from, line) = counted;
            let from = from.min(o);
            counted = (o, line + doc.body[from..o].matches('\n').count());
            counted.1
        })
        .collect();
    let word_count = paragraphs
        .iter()
        .chain(asides.iter().map(|a| &a.text))
        .map(|p| word_count(p))
        .sum();
    Body {
        body: doc.body.clone(),
        body_line: doc.body_line,
        paragraphs,
        asides,
        paragraph_lines,
        word_count,
    }
}

/// Sets what `article` takes from the body of its file.
fn fill_body(article: &mut Article, body: Body) {
    article.paragraph_lines = body.paragraph_lines;
    article.word_count = body.word_count;
    article.body = body.body;
    article.body_line = body.body_line;
    article.paragraphs = body.paragraphs;
    article.asides = body.asides;
}

/// `article` with the body of `doc`, a new version of its file whose front matter is the same
/// (the live preview's quick path): everything else stays as resolved.
pub fn with_body(article: &Article, doc: &RawDocument, options: Options) -> Article {
    let mut updated = Article {
        body: String::new(),
        paragraphs: Vec::new(),
        asides: Vec::new(),
        paragraph_lines: Vec::new(),
        ..article.clone()
    };
    fill_body(&mut updated, body_of(doc, options));
    updated
}

/// Sorts everything and fills the computed lists (events of an article, articles of an
/// event and of a source, members and events of an actor).
fn cross_reference(dossier: &mut Dossier) {
    dossier.articles.sort_by(|a, b| {
        b.published
            .cmp(&a.published)
            .then_with(|| a.slug.cmp(&b.slug))
    });
    dossier.actors.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then_with(|| a.slug.cmp(&b.slug))
    });
    dossier.sources.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then_with(|| a.slug.cmp(&b.slug))
    });
    dossier
        .events
        .sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.slug.cmp(&b.slug)));
    dossier
        .pages
        .sort_by(|a, b| a.weight.cmp(&b.weight).then_with(|| a.title.cmp(&b.title)));
    dossier.reindex();

    // Events ↔ articles: an event's reports are its own `sources:` plus the articles that name
    // it; an article's events are its own `events:` plus the events that name it. One pass over
    // each side, with the orders computed once.
    let article_order: HashMap<String, usize> = dossier
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.slug.clone(), i))
        .collect();
    let event_order: HashMap<String, usize> = dossier
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.slug.clone(), i))
        .collect();
    let mut naming: Vec<Vec<usize>> = vec![Vec::new(); dossier.events.len()];
    for (a, article) in dossier.articles.iter().enumerate() {
        for slug in &article.events {
            if let Some(&e) = event_order.get(slug) {
                naming[e].push(a);
            }
        }
    }
    let mut article_events: Vec<Vec<String>> = vec![Vec::new(); dossier.articles.len()];
    for (event, named_by) in dossier.events.iter_mut().zip(naming) {
        let listed: HashSet<String> = event.reports.iter().map(|r| r.article.clone()).collect();
        for a in named_by {
            let slug = &dossier.articles[a].slug;
            if !listed.contains(slug) {
                event.reports.push(Report {
                    article: slug.clone(),
                    paragraph: None,
                });
            }
        }
        // Oldest article first: articles are stored newest first.
        event.reports.sort_by_key(|r| {
            std::cmp::Reverse(article_order.get(&r.article).copied().unwrap_or(0))
        });
        for report in &event.reports {
            if let Some(&a) = article_order.get(&report.article) {
                article_events[a].push(event.slug.clone());
            }
        }
    }
    for (article, events) in dossier.articles.iter_mut().zip(article_events) {
        for event in events {
            if !article.events.contains(&event) {
                article.events.push(event);
            }
        }
        article.events.sort_by_key(|e| event_order.get(e).copied());
    }

    // Sources ↔ articles.
    let mut own: HashMap<String, Vec<String>> = HashMap::new();
    let mut republished: HashMap<String, Vec<String>> = HashMap::new();
    let mut republished_by: HashMap<String, Vec<String>> = HashMap::new();
    for article in &dossier.articles {
        own.entry(article.source.clone())
            .or_default()
            .push(article.slug.clone());
        if let Some(publisher) = &article.publisher {
            if *publisher != article.source {
                republished
                    .entry(publisher.clone())
                    .or_default()
                    .push(article.slug.clone());
                let by = republished_by.entry(article.source.clone()).or_default();
                if !by.contains(publisher) {
                    by.push(publisher.clone());
                }
            }
        }
    }
    for source in &mut dossier.sources {
        source.articles = own.remove(&source.slug).unwrap_or_default();
        source.republished = republished.remove(&source.slug).unwrap_or_default();
        source.republished_by = republished_by.remove(&source.slug).unwrap_or_default();
    }

    // Actors: members (by affiliation) and events (oldest first, as events are sorted).
    let mut members: HashMap<String, Vec<String>> = HashMap::new();
    for actor in &dossier.actors {
        if let Some(affiliation) = &actor.affiliation {
            members
                .entry(affiliation.clone())
                .or_default()
                .push(actor.slug.clone());
        }
    }
    let mut events: HashMap<String, Vec<String>> = HashMap::new();
    for event in &dossier.events {
        for actor in &event.actors {
            events
                .entry(actor.clone())
                .or_default()
                .push(event.slug.clone());
        }
    }
    for actor in &mut dossier.actors {
        actor.members = members.remove(&actor.slug).unwrap_or_default();
        actor.events = events.remove(&actor.slug).unwrap_or_default();
    }
}

struct Checker<'a, 'p> {
    doc: &'a RawDocument,
    known: &'a Known<'a>,
    problems: &'p mut Vec<Diagnostic>,
}

impl Checker<'_, '_> {
    fn error(&mut self, at: &Spanned<String>, message: String, hint: String) {
        self.problems.push(
            Diagnostic::error(&self.doc.path, message)
                .at(&self.doc.text, at.line, at.column)
                .with_hint(hint),
        );
    }

    /// The slug, if `kind` `at` exists; otherwise a "no such" diagnostic with the closest slug.
    fn reference(
        &mut self,
        at: &Spanned<String>,
        kind: &str,
        known: &HashSet<&str>,
    ) -> Option<String> {
        let slug = at.value.trim();
        if known.contains(slug) {
            return Some(slug.to_owned());
        }
        let folder = match kind {
            "source" => "sources",
            "actor" => "actors",
            "event" => "events",
            _ => "articles",
        };
        let hint = match did_you_mean(slug, known.iter().copied()) {
            Some(close) => format!("did you mean `{close}`?"),
            None => format!("create content/{folder}/{slug}.md, or use the slug of an existing {kind} (its file name without .md)"),
        };
        self.error(
            at,
            format!("no {kind} `{slug}` (no file content/{folder}/{slug}.md)"),
            hint,
        );
        None
    }

    fn date(&mut self, at: &Spanned<String>, key: &str) -> Option<PartialDate> {
        match PartialDate::parse(&at.value) {
            Ok(date) => Some(date),
            Err(message) => {
                self.error(
                    at,
                    format!("invalid date in `{key}`: {message}"),
                    "dates are ISO 8601: 2014, 2014-03, 2014-03-14 or 2014-03-14T18:30:00Z".into(),
                );
                None
            }
        }
    }

    fn choice<'c>(
        &mut self,
        at: &Spanned<String>,
        key: &str,
        choices: &[&'c str],
    ) -> Option<&'c str> {
        if let Some(found) = choices.iter().find(|c| **c == at.value) {
            return Some(found);
        }
        let hint = match did_you_mean(&at.value, choices.iter().copied()) {
            Some(close) => format!("did you mean `{close}`?"),
            None => format!("use one of: {}", choices.join(", ")),
        };
        self.error(at, format!("`{}` is not a valid `{key}`", at.value), hint);
        None
    }

    /// A source's `ownership:`, one of [`OWNERSHIPS`]; a kind of outlet written here is
    /// pointed to `kind:`.
    fn ownership(&mut self, at: &Spanned<String>) -> Option<&'static str> {
        let value = at.value.trim();
        if let Some(found) = OWNERSHIPS.iter().find(|o| **o == value) {
            return Some(found);
        }
        let hint = if SOURCE_KINDS.contains(&value) {
            format!("`{value}` is a kind of outlet: write `kind: {value}`, and for `ownership` one of: {}", OWNERSHIPS.join(", "))
        } else {
            match did_you_mean(value, OWNERSHIPS.iter().copied()) {
                Some(close) => format!("did you mean `{close}`?"),
                None => format!("use one of: {}", OWNERSHIPS.join(", ")),
            }
        };
        self.error(at, format!("`{value}` is not a valid `ownership`"), hint);
        None
    }

    /// One of a source's `groups:`: a slug, named by `[groups]` of site.toml or from itself.
    fn group(&mut self, at: &Spanned<String>) -> Option<String> {
        let value = at.value.trim();
        if crate::load::is_slug(value) {
            return Some(value.to_owned());
        }
        self.error(
            at,
            format!("`{value}` is not a group slug"),
            format!(
                "write the group's slug (`{}`) and give it a name in site.toml: [groups] {} = \"{value}\"",
                crate::load::slugify(value),
                crate::load::slugify(value)
            ),
        );
        None
    }

    /// An absolute http(s) URL, or nothing: a `javascript:` or other scheme never reaches a page.
    fn url(&mut self, url: &str, key: &str) -> Option<String> {
        let url = url.trim();
        if url.starts_with("https://") || url.starts_with("http://") {
            return Some(url.to_owned());
        }
        let at = self.spanned_key(key, url);
        self.error(
            &at,
            format!("`{key}` must be an http:// or https:// address, not `{url}`"),
            "write the full address, starting with https://".into(),
        );
        None
    }

    /// An http(s) URL or a path relative to the site (for images in `static/`).
    fn link(&mut self, link: &str, key: &str) -> Option<String> {
        let link = link.trim();
        let scheme = link
            .split_once(':')
            .map(|(s, _)| s)
            .filter(|s| !s.contains('/'));
        match scheme {
            None if !link.starts_with("//") => Some(link.trim_start_matches('/').to_owned()),
            Some("http") | Some("https") => Some(link.to_owned()),
            _ => {
                let at = self.spanned_key(key, link);
                self.error(
                    &at,
                    format!(
                        "`{key}` must be a path in static/ or an http(s) address, not `{link}`"
                    ),
                    "for a file static/img/x.jpg write img/x.jpg".into(),
                );
                None
            }
        }
    }

    fn spanned_key(&self, key: &str, value: &str) -> Spanned<String> {
        let prefix = format!("{key}:");
        let line = self
            .doc
            .text
            .lines()
            .position(|l| l.starts_with(&prefix))
            .map_or(1, |i| i + 1);
        Spanned {
            value: value.to_owned(),
            line,
            column: 1,
        }
    }

    /// An article's `notes:`, each keyed by a paragraph of its `count` (`p3`), in paragraph
    /// order; a key that names no paragraph is an error at its line.
    fn notes(&mut self, raw: &[(Spanned<String>, String)], count: usize) -> Vec<Note> {
        let mut notes: Vec<Note> = Vec::new();
        for (key, text) in raw {
            let anchor = key.value.trim().trim_start_matches('#');
            let number = anchor
                .strip_prefix('p')
                .and_then(|n| n.parse::<usize>().ok());
            let paragraph = match number {
                Some(n) if (1..=count).contains(&n) => n,
                _ => {
                    let message = match number {
                        Some(_) => format!(
                            "a note on paragraph `{anchor}`, which this article does not have"
                        ),
                        None => format!("`{anchor}` in `notes` is not a paragraph"),
                    };
                    let plural = if count == 1 { "" } else { "s" };
                    let hint = match count {
                        0 => "the article has no paragraphs to note".to_owned(),
                        _ => format!(
                            "the article has {count} paragraph{plural}: name one as p1 to p{count}"
                        ),
                    };
                    self.error(key, message, hint);
                    continue;
                }
            };
            if text.trim().is_empty() {
                continue;
            }
            match notes.iter_mut().find(|n| n.paragraph == paragraph) {
                // `p3` and `"#p3"` both written: one note of both texts.
                Some(note) => {
                    note.text.push_str("\n\n");
                    note.text.push_str(text);
                }
                None => notes.push(Note {
                    paragraph,
                    text: text.clone(),
                }),
            }
        }
        notes.sort_by_key(|n| n.paragraph);
        notes
    }

    /// An event's `sources:` entry: `article` or `article#pN`.
    fn report(&mut self, at: &Spanned<String>, options: Options) -> Option<Report> {
        let (slug, anchor) = match at.value.split_once('#') {
            Some((slug, anchor)) => (slug.trim(), Some(anchor.trim())),
            None => (at.value.trim(), None),
        };
        let slug_at = Spanned {
            value: slug.to_owned(),
            ..at.clone()
        };
        let slug = self.reference(&slug_at, "article", &self.known.article_slugs)?;
        if self.known.drafts.contains(slug.as_str()) && !options.drafts
            || self.known.unreadable.contains(slug.as_str())
        {
            return None;
        }
        let article = self.known.articles[slug.as_str()];
        let paragraph = match anchor {
            None => None,
            Some(anchor) => {
                let count = paragraphs(&article.body, options.smart_punctuation).len();
                match anchor
                    .strip_prefix('p')
                    .and_then(|n| n.parse::<usize>().ok())
                {
                    Some(n) if (1..=count).contains(&n) => Some(n),
                    _ => {
                        self.error(
                            at,
                            format!("`{slug}` has no paragraph `#{anchor}`"),
                            format!(
                                "paragraph anchors run from #p1 to #p{count} in {}",
                                article.path.display()
                            ),
                        );
                        return None;
                    }
                }
            }
        };
        Some(Report {
            article: slug,
            paragraph,
        })
    }
}

fn unique(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

fn kind_name(data: &RawData) -> &'static str {
    match data {
        RawData::Article(_) => "article",
        RawData::Actor(_) => "actor",
        RawData::Source(_) => "source",
        RawData::Event(_) => "event",
        RawData::Page(_) => "page",
        RawData::Front(_) => "front page",
        RawData::Unreadable(kind) => match kind {
            Kind::Article => "article",
            Kind::Actor => "actor",
            Kind::Source => "source",
            Kind::Event => "event",
            Kind::Page => "page",
            Kind::Front => "front page",
        },
    }
}
