//! View-models for templates: plain, serialisable structs made from the model and the
//! analysis, with every list already sorted, counted and linked. Templates only present them;
//! the model types never reach a template. Every `url` is relative to the site root: a
//! template writes `{{ root }}{{ x.url }}`.

use serde::Serialize;

use super::markdown::{self, InlineLink};
use super::pages;
use crate::analyse::events::EventFacts;
use crate::analyse::{Analysis, QuoteGroup};
use crate::config::{ActorLinks, Config};
use crate::model::{Actor, Article, Dossier, Event, PartialDate, Source};

/// Shared by every page.
#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    pub title: String,
    pub description: String,
    pub language: String,
    pub base_url: String,
    /// Free pages (content/pages/), for the navigation.
    pub pages: Vec<Link>,
    pub counts: Counts,
    /// Site-relative URLs of the section pages, for the navigation.
    pub nav: Nav,
    /// The Atom feed's absolute URL.
    pub feed_url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Nav {
    pub home: String,
    pub actors: String,
    pub sources: String,
    pub compare: String,
    pub chronology: String,
    pub search: String,
    /// The analyst's notes; empty when the dossier has none.
    pub notes: String,
    pub bibliography: String,
    /// Coverage by outlet group; empty when no source names a group.
    pub coverage: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Counts {
    pub articles: usize,
    pub actors: usize,
    pub sources: usize,
    pub events: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub title: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    /// ISO 8601 at the date's precision, for `<time datetime>`.
    pub iso: String,
    /// "November 2013", "14 March 2014", "14 March 2014, 18:30 UTC".
    pub human: String,
    /// year | month | day | time
    pub precision: String,
    pub weekday: Option<String>,
}

impl From<&PartialDate> for DateView {
    fn from(date: &PartialDate) -> Self {
        DateView {
            iso: date.iso(),
            human: date.human(),
            precision: format!("{:?}", date.precision()).to_lowercase(),
            weekday: date.weekday(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceRef {
    pub slug: String,
    pub name: String,
    pub kind: Option<String>,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActorRef {
    pub slug: String,
    pub name: String,
    pub kind: Option<String>,
    pub role: Option<String>,
    pub url: String,
    /// Mentions in the context where it is listed (an article, a source, the whole dossier).
    pub mentions: usize,
    /// Quotes attributed to the actor in the whole dossier (distinct statements).
    pub quotes: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventRef {
    pub slug: String,
    pub title: String,
    pub date: DateView,
    pub end: Option<DateView>,
    pub place: Option<String>,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticleRef {
    pub slug: String,
    pub title: String,
    pub url: String,
    pub source: SourceRef,
    pub publisher: Option<SourceRef>,
    /// How pages name its outlet: "Reuters", "Reuters via Daily Example" (republished),
    /// "Reuters (copy)" (the same outlet's story again), or "Daily Example (copy of Reuters)"
    /// (another outlet's story under its own name).
    pub outlet: String,
    /// A copy of a story: republished by another site, or text of another article again.
    pub copy: bool,
    /// The slug of the article that stands for its story, when that is another one.
    pub copy_of: Option<String>,
    /// That article's URL (relative to the site root); absent when `copy_of` is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copy_of_url: Option<String>,
    /// The outlet whose story it copies, when that is not its own `source`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copy_of_outlet: Option<SourceRef>,
    pub published: DateView,
    pub byline: Option<String>,
    pub summary: Option<String>,
    pub word_count: usize,
}

impl ArticleRef {
    /// What [`Self::outlet`] adds to the source's name for a copy: "via Daily Example",
    /// "(copy of Reuters)", "(copy)"; `None` for an outlet's own story.
    pub fn via(&self) -> Option<String> {
        self.outlet
            .strip_prefix(self.source.name.as_str())
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    }
}

/// A date stated in an article's text.
#[derive(Debug, Clone, Serialize)]
pub struct DateMention {
    /// The words as written: "on Sunday", "March 15".
    pub text: String,
    pub date: DateView,
    /// Resolved from the publication date.
    pub relative: bool,
    /// The other date the words may mean when they do not tell which: `date` is then
    /// uncertain.
    pub other: Option<DateView>,
    pub paragraph: usize,
    pub event: Option<EventRef>,
}

/// The whole article, for its own page.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleView {
    #[serde(flatten)]
    pub summary: ArticleRef,
    /// The original address, if known.
    pub original_url: Option<String>,
    /// The text; after each paragraph a `div.para-side` holds the analyst's note on it (if
    /// any) and its "cite" control, a link to `#cite`.
    pub body_html: String,
    pub paragraphs: usize,
    /// The analyst's notes, by paragraph.
    pub notes: Vec<NoteView>,
    /// The article in the bibliography's style (Chicago notes-bibliography).
    pub citation: String,
    /// The note form for any paragraph, HTML: its number is `<var>N</var>`.
    pub paragraph_citation: String,
    pub actors: Vec<ActorRef>,
    pub events: Vec<EventRef>,
    /// Dates stated in the text, in reading order.
    pub dates: Vec<DateMention>,
    /// The comparison pages of the events it reports: `{title, url}`.
    pub comparisons: Vec<Link>,
    /// The statements quoted in it, in reading order, with who said them.
    pub quotes: Vec<ArticleQuote>,
    /// The words it puts in quotation marks without reporting speech.
    pub terms: Vec<ArticleQuote>,
}

/// An analyst's note on one paragraph.
#[derive(Debug, Clone, Serialize)]
pub struct NoteView {
    pub paragraph: usize,
    /// The paragraph's URL (`articles/<slug>/#pN`).
    pub url: String,
    pub html: String,
}

/// A quote as its article page lists it.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleQuote {
    pub text: String,
    /// `#pN` of its paragraph (0 for none).
    pub paragraph: usize,
    /// The speaker, when a rule is sure.
    pub speaker: Option<ActorRef>,
    /// When no rule could choose: who it might be.
    pub candidates: Vec<ActorRef>,
    /// Whether the speaker is left for the analyst to confirm.
    pub uncertain: bool,
    /// The rule's name (`name-verb-after`, `pronoun-after`, `front-matter` …).
    pub rule: String,
    /// How the rule decided, in words.
    pub why: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    #[serde(flatten)]
    pub summary: SourceRef,
    pub homepage: Option<String>,
    pub country: Option<String>,
    pub aliases: Vec<String>,
    pub body_html: String,
    pub articles: Vec<ArticleRef>,
    /// Articles of other outlets this site republished.
    pub republished: Vec<ArticleRef>,
    pub republished_by: Vec<SourceRef>,
    /// Articles under another outlet's own name that the analysis finds to be copies of its
    /// stories (a credited copy is in `republished_by`'s outlet's `republished` instead).
    pub copied_by: Vec<ArticleRef>,
    /// The actors its articles mention most, with counts.
    pub top_actors: Vec<ActorRef>,
}

/// An article that mentions an actor, with the count.
#[derive(Debug, Clone, Serialize)]
pub struct MentioningArticle {
    pub article: ArticleRef,
    pub mentions: usize,
    /// `#pN` of the first paragraph that mentions the actor (none for a title-only mention).
    pub first_paragraph: Option<usize>,
}

/// The articles of one outlet that mention an actor.
#[derive(Debug, Clone, Serialize)]
pub struct SourceGroup {
    pub source: SourceRef,
    /// Its mentions of the actor, a story and its copies counted once.
    pub mentions: usize,
    pub articles: Vec<MentioningArticle>,
}

/// One article's wording of a grouped quote.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteCarrier {
    pub article: ArticleRef,
    pub paragraph: usize,
    /// The article's URL with `#pN`.
    pub url: String,
    pub text: String,
    pub partial: bool,
    /// True when this wording differs from the group's main text.
    pub differs: bool,
    /// True when the group has a speaker and this article does not credit the words to them
    /// (it leaves them unattributed: the same words, not the same claim of who said them).
    pub uncredited: bool,
}

/// A quote as carried by one or more articles.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteView {
    pub text: String,
    pub partial: bool,
    pub speaker: Option<ActorRef>,
    /// Distinct outlets that carry it (that credit it to the speaker, when it has one): a
    /// story and its copies are one, a copy's own paragraph its outlet's
    /// ([`crate::analyse::Analysis::quote_outlet`]).
    pub outlets: Vec<SourceRef>,
    pub carriers: Vec<QuoteCarrier>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActorView {
    #[serde(flatten)]
    pub summary: ActorRef,
    pub aliases: Vec<String>,
    pub affiliation: Option<ActorRef>,
    pub members: Vec<ActorRef>,
    pub image: Option<String>,
    pub body_html: String,
    /// The analyst's notes (rendered Markdown).
    pub notes_html: Vec<String>,
    /// The articles that mention it, a story and its copies counted once.
    pub article_count: usize,
    /// The articles listed that are copies of a story already counted.
    pub copy_count: usize,
    pub by_source: Vec<SourceGroup>,
    pub events: Vec<EventRef>,
    /// Actors most often mentioned in the same paragraphs; `mentions` is the number of shared
    /// paragraphs.
    pub co_mentioned: Vec<ActorRef>,
    /// Their quotes, grouped across articles, the most widely carried first.
    pub quotes: Vec<QuoteView>,
}

/// Actors of one kind, for the index.
#[derive(Debug, Clone, Serialize)]
pub struct ActorGroup {
    pub kind: String,
    pub label: String,
    pub actors: Vec<ActorRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportView {
    pub article: ArticleRef,
    pub paragraph: Option<usize>,
    /// The article's URL, with `#pN` where the paragraph is known.
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClaimView {
    pub about: String,
    /// One cell per reporting article, in the order of `EventView::reports`.
    pub cells: Vec<ClaimCell>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClaimCell {
    pub article: String,
    /// What the article reports; `None` when it does not report the claim.
    pub text: Option<String>,
    /// The value as read: "48.71 %", "≤ 34000 vote", "2014-03-16", or the text.
    pub value: Option<String>,
    /// True when this article's value disagrees with another article's beyond the precision
    /// written (48.71 % and 48.7 % agree; "less than 31,000" and "less than 34,000" do not),
    /// see [`crate::analyse::events::ClaimValue::disagrees`].
    pub disagrees: bool,
    /// True when it differs only from values published on an earlier day: a later figure,
    /// not a disagreement ([`crate::analyse::events::ClaimValue::later`]).
    pub later: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventView {
    #[serde(flatten)]
    pub summary: EventRef,
    pub actors: Vec<ActorRef>,
    pub body_html: String,
    /// The analyst's notes (rendered Markdown).
    pub notes_html: Vec<String>,
    pub reports: Vec<ReportView>,
    /// Distinct outlets among the reports.
    pub outlets: Vec<SourceRef>,
    pub claims: Vec<ClaimView>,
    /// The columns of the claims table: each reporting article once.
    pub claim_reports: Vec<ReportView>,
    /// Its comparison page, when two or more outlets report it.
    pub compare_url: Option<String>,
}

/// Builds view-models for one build: holds the dossier, the analysis and the settings that
/// decide how URLs and bodies look.
#[derive(Clone)]
pub struct Views<'a> {
    pub dossier: &'a Dossier,
    pub analysis: &'a Analysis,
    pub config: &'a Config,
    /// Links end in `index.html` (for `file://` use).
    pub file_urls: bool,
    /// Each article's reference, made the first time a page asks for it: the same article
    /// is listed on many pages (its actors', its events', its outlet's, the comparisons).
    article_refs: std::sync::Arc<[std::sync::OnceLock<ArticleRef>]>,
}

impl<'a> Views<'a> {
    /// The views of one build of `dossier`, analysed in `analysis`, under `config`.
    pub fn new(
        dossier: &'a Dossier,
        analysis: &'a Analysis,
        config: &'a Config,
        file_urls: bool,
    ) -> Self {
        Views {
            dossier,
            analysis,
            config,
            file_urls,
            article_refs: (0..dossier.articles.len())
                .map(|_| std::sync::OnceLock::new())
                .collect(),
        }
    }

    /// A site-relative URL for the page in folder `dir` ("" for the front page).
    pub fn url(&self, dir: &str) -> String {
        if self.file_urls {
            format!("{dir}index.html")
        } else {
            dir.to_owned()
        }
    }

    pub fn site(&self) -> SiteView {
        let d = self.dossier;
        SiteView {
            title: self.config.title.clone(),
            description: self.config.description.clone(),
            language: self.config.language.clone(),
            base_url: self.config.base_url.clone(),
            pages: d
                .pages
                .iter()
                .map(|p| Link {
                    title: p.title.clone(),
                    url: self.url(&format!("{}/", p.slug)),
                })
                .collect(),
            counts: Counts {
                articles: d.articles.len(),
                actors: d.actors.len(),
                sources: d.sources.len(),
                events: d.events.len(),
            },
            nav: self.nav(),
            feed_url: format!("{}atom.xml", self.config.base_url),
        }
    }

    pub fn nav(&self) -> Nav {
        Nav {
            home: self.url(""),
            actors: self.url(pages::actors::DIR),
            sources: self.url(pages::sources::DIR),
            compare: self.url(pages::compare_index::DIR),
            chronology: self.url(pages::chronology::DIR),
            // Empty when the dossier has no search page: templates leave the form out.
            search: if self.config.search {
                self.url(pages::search::DIR)
            } else {
                String::new()
            },
            notes: if super::notes::any(self.dossier) {
                self.url(pages::notes::DIR)
            } else {
                String::new()
            },
            bibliography: self.url(pages::bibliography::DIR),
            coverage: if self.has_groups() {
                self.url(pages::coverage::DIR)
            } else {
                String::new()
            },
        }
    }

    pub fn source_ref(&self, slug: &str) -> SourceRef {
        let source = self.dossier.source(slug);
        SourceRef {
            slug: slug.to_owned(),
            name: source.map_or_else(|| slug.to_owned(), |s| s.name.clone()),
            kind: source.and_then(|s| s.kind.clone()),
            url: self.url(&pages::source::dir(slug)),
        }
    }

    pub fn actor_ref(&self, index: usize, mentions: usize) -> ActorRef {
        let actor = &self.dossier.actors[index];
        ActorRef {
            slug: actor.slug.clone(),
            name: actor.name.clone(),
            kind: actor.kind.map(|k| k.name().to_owned()),
            role: actor.role.clone(),
            url: self.url(&pages::actor::dir(&actor.slug)),
            mentions,
            quotes: self.analysis.actor_quotes[index],
        }
    }

    fn actor_index(&self, slug: &str) -> Option<usize> {
        self.dossier.actor_index(slug)
    }

    pub fn event_ref(&self, event: &Event) -> EventRef {
        EventRef {
            slug: event.slug.clone(),
            title: event.title.clone(),
            date: (&event.date).into(),
            end: event.end.as_ref().map(DateView::from),
            place: event.place.clone(),
            url: self.url(&pages::event::dir(&event.slug)),
        }
    }

    /// How pages list `article`: made once per article of the dossier and cloned after.
    pub fn article_ref(&self, article: &Article) -> ArticleRef {
        match self.dossier.article_index(&article.slug) {
            Some(index) if std::ptr::eq(&self.dossier.articles[index], article) => self
                .article_refs[index]
                .get_or_init(|| self.make_article_ref(article))
                .clone(),
            _ => self.make_article_ref(article),
        }
    }

    fn make_article_ref(&self, article: &Article) -> ArticleRef {
        let source = self.source_ref(&article.source);
        let publisher = article.publisher.as_deref().map(|p| self.source_ref(p));
        let index = self.dossier.article_index(&article.slug);
        // Named a copy only when it is known to be one: of two articles of a story that
        // nothing orders, neither is.
        let copy = publisher.is_some() || index.is_some_and(|i| self.analysis.is_copy(i));
        let original = index
            .filter(|_| copy)
            .map(|i| self.analysis.original[i])
            .filter(|&o| Some(o) != index);
        let copy_of_outlet = original
            .map(|o| &self.dossier.articles[o].source)
            .filter(|&o| *o != article.source)
            .map(|o| self.source_ref(o));
        let outlet = match (&publisher, copy, &copy_of_outlet) {
            (Some(p), _, _) => format!("{} via {}", source.name, p.name),
            (None, true, Some(o)) => format!("{} (copy of {})", source.name, o.name),
            (None, true, None) => format!("{} (copy)", source.name),
            (None, false, _) => source.name.clone(),
        };
        ArticleRef {
            slug: article.slug.clone(),
            title: article.title.clone(),
            url: self.url(&pages::article::dir(&article.slug)),
            copy,
            copy_of: original.map(|o| self.dossier.articles[o].slug.clone()),
            copy_of_url: original
                .map(|o| self.url(&pages::article::dir(&self.dossier.articles[o].slug))),
            copy_of_outlet,
            outlet,
            source,
            publisher,
            published: (&article.published).into(),
            byline: article.byline.clone(),
            summary: article.summary.clone(),
            word_count: article.word_count,
        }
    }

    fn article_ref_by_slug(&self, slug: &str) -> Option<ArticleRef> {
        self.dossier.article(slug).map(|a| self.article_ref(a))
    }

    /// The article page's view; `root` is the page's way back to the site root.
    pub fn article(&self, index: usize, root: &str) -> ArticleView {
        let article = &self.dossier.articles[index];
        let body_html = markdown::render(
            &article.body,
            &self.config.markdown,
            &self.actor_links(index, root),
        );
        let notes = self.article_notes(article);
        let work = self.work(article);
        let body_html = self.with_sides(&body_html, &notes);
        ArticleView {
            summary: self.article_ref(article),
            original_url: article.url.clone(),
            body_html,
            paragraphs: article.paragraphs.len(),
            notes,
            citation: work.entry(),
            paragraph_citation: work.note_form_html(),
            actors: self.analysis.article_actors[index]
                .iter()
                .map(|&(a, n)| self.actor_ref(a, n))
                .collect(),
            events: article
                .events
                .iter()
                .filter_map(|e| self.dossier.event(e))
                .map(|e| self.event_ref(e))
                .collect(),
            dates: self.analysis.dates[index]
                .iter()
                .map(|found| DateMention {
                    text: found.text.clone(),
                    date: (&found.date).into(),
                    relative: found.relative,
                    other: found.other.as_ref().map(DateView::from),
                    paragraph: found.paragraph,
                    event: found.event.map(|e| self.event_ref(&self.dossier.events[e])),
                })
                .collect(),
            comparisons: article
                .events
                .iter()
                .filter_map(|e| self.dossier.event(e))
                .filter(|e| self.is_compared(e))
                .map(|e| Link {
                    title: e.title.clone(),
                    url: self.compare_url(e),
                })
                .collect(),
            quotes: self.article_quotes(index, true),
            terms: self.article_quotes(index, false),
        }
    }

    /// The statements (or, with `statements` false, the terms) quoted in article `index`.
    fn article_quotes(&self, index: usize, statements: bool) -> Vec<ArticleQuote> {
        let actor = |a: usize| self.actor_ref(a, self.analysis.actor_mentions[a]);
        self.analysis.quotes[index]
            .iter()
            .filter(|q| q.is_statement() == statements)
            .map(|q| ArticleQuote {
                text: q.text.clone(),
                paragraph: q.paragraph,
                speaker: q.speaker.map(actor),
                candidates: q.candidates.iter().map(|&a| actor(a)).collect(),
                uncertain: q.uncertain(),
                rule: q.rule.name().to_owned(),
                why: q.rule.explain().to_owned(),
            })
            .collect()
    }

    /// The actor links to insert into an article's paragraphs, per `[links] actors`.
    fn actor_links(&self, index: usize, root: &str) -> Vec<Vec<InlineLink>> {
        let article = &self.dossier.articles[index];
        let mut links = vec![Vec::new(); article.paragraphs.len()];
        let policy = self.config.links.actors;
        if policy == ActorLinks::None {
            return links;
        }
        let mut linked_in_article = std::collections::HashSet::new();
        let mut linked_in_paragraph = std::collections::HashSet::new();
        let mut paragraph = 0;
        for mention in &self.analysis.mentions[index] {
            if mention.paragraph == 0 || mention.aside.is_some() {
                continue;
            }
            if mention.paragraph != paragraph {
                paragraph = mention.paragraph;
                linked_in_paragraph.clear();
            }
            let link = match policy {
                ActorLinks::All => true,
                ActorLinks::FirstPerParagraph => linked_in_paragraph.insert(mention.actor),
                ActorLinks::FirstPerArticle => linked_in_article.insert(mention.actor),
                ActorLinks::None => false,
            };
            if link {
                let actor = &self.dossier.actors[mention.actor];
                links[mention.paragraph - 1].push(InlineLink {
                    start: mention.start,
                    end: mention.end,
                    href: format!("{root}{}", self.url(&pages::actor::dir(&actor.slug))),
                    title: actor.name.clone(),
                });
            }
        }
        links
    }

    pub fn source(&self, source: &Source) -> SourceView {
        let articles: Vec<ArticleRef> = source
            .articles
            .iter()
            .filter_map(|a| self.article_ref_by_slug(a))
            .collect();
        // A story and its copies count once (`actor_stories`).
        let mut counts: Vec<(usize, usize)> = Vec::new();
        for (actor, stories) in self.analysis.actor_stories.iter().enumerate() {
            let n: usize = stories
                .iter()
                .filter(|&&(story, _)| {
                    self.analysis.credited_story(self.dossier, story) == source.slug
                })
                .map(|&(_, n)| n)
                .sum();
            counts.push((actor, n));
        }
        counts.retain(|&(_, n)| n > 0);
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        SourceView {
            summary: self.source_ref(&source.slug),
            homepage: source.url.clone(),
            country: source.country.clone(),
            aliases: source.aliases.clone(),
            body_html: markdown::render(&source.body, &self.config.markdown, &[]),
            articles,
            republished: source
                .republished
                .iter()
                .filter_map(|a| self.article_ref_by_slug(a))
                .collect(),
            republished_by: source
                .republished_by
                .iter()
                .map(|s| self.source_ref(s))
                .collect(),
            copied_by: self
                .dossier
                .articles
                .iter()
                .enumerate()
                .filter(|&(i, copy)| {
                    let story = &self.dossier.articles[self.analysis.original[i]];
                    self.analysis.copy[i]
                        && story.source == source.slug
                        && copy.source != source.slug
                })
                .map(|(_, copy)| self.article_ref(copy))
                .collect(),
            top_actors: counts
                .into_iter()
                .take(12)
                .map(|(a, n)| self.actor_ref(a, n))
                .collect(),
        }
    }

    pub fn sources(&self) -> Vec<(SourceRef, usize, usize)> {
        self.dossier
            .sources
            .iter()
            .map(|s| {
                (
                    self.source_ref(&s.slug),
                    s.articles.len(),
                    s.republished.len(),
                )
            })
            .collect()
    }

    pub fn actor(&self, index: usize) -> ActorView {
        let actor: &Actor = &self.dossier.actors[index];
        let mut by_source: Vec<SourceGroup> = Vec::new();
        // Every article is listed; each story counts once (`actor_stories`).
        for &(article_index, mentions) in &self.analysis.actor_articles[index] {
            let article = &self.dossier.articles[article_index];
            let first_paragraph = self.analysis.mentions[article_index]
                .iter()
                .find(|m| m.actor == index && m.paragraph > 0)
                .map(|m| m.paragraph);
            let entry = MentioningArticle {
                article: self.article_ref(article),
                mentions,
                first_paragraph,
            };
            match by_source
                .iter_mut()
                .find(|g| g.source.slug == article.source)
            {
                Some(group) => group.articles.push(entry),
                None => by_source.push(SourceGroup {
                    source: self.source_ref(&article.source),
                    mentions: 0,
                    articles: vec![entry],
                }),
            }
        }
        let stories = &self.analysis.actor_stories[index];
        // Each entry in the group of its article: a story's words in its original's, a copy's
        // own paragraphs in the copy's.
        for &(story, mentions) in stories {
            let source = &self.dossier.articles[story].source;
            if let Some(group) = by_source.iter_mut().find(|g| &g.source.slug == source) {
                group.mentions += mentions;
            }
        }
        // The stories, each once (a copy's own paragraphs have an entry of their own).
        let mut story_set: Vec<usize> = stories
            .iter()
            .map(|&(s, _)| self.analysis.original[s])
            .collect();
        story_set.sort_unstable();
        story_set.dedup();
        let article_count = story_set.len();
        by_source.sort_by(|a, b| {
            b.mentions
                .cmp(&a.mentions)
                .then_with(|| a.source.name.cmp(&b.source.name))
        });
        ActorView {
            summary: self.actor_ref(index, self.analysis.actor_mentions[index]),
            aliases: actor.aliases.clone(),
            affiliation: actor
                .affiliation
                .as_deref()
                .and_then(|a| self.actor_index(a))
                .map(|a| self.actor_ref(a, self.analysis.actor_mentions[a])),
            members: actor
                .members
                .iter()
                .filter_map(|m| self.actor_index(m))
                .map(|m| self.actor_ref(m, self.analysis.actor_mentions[m]))
                .collect(),
            image: actor.image.clone(),
            body_html: markdown::render(&actor.body, &self.config.markdown, &[]),
            notes_html: self.notes_html(&actor.notes),
            article_count,
            copy_count: self.analysis.actor_articles[index].len() - article_count,
            by_source,
            events: actor
                .events
                .iter()
                .filter_map(|e| self.dossier.event(e))
                .map(|e| self.event_ref(e))
                .collect(),
            co_mentioned: self.analysis.co_mentions[index]
                .iter()
                .take(10)
                .map(|&(a, n)| self.actor_ref(a, n))
                .collect(),
            quotes: self.quotes_by(index),
        }
    }

    /// The quote groups attributed to actor `index`, most outlets first, then oldest first.
    pub fn quotes_by(&self, index: usize) -> Vec<QuoteView> {
        let mut views: Vec<QuoteView> = self
            .analysis
            .quote_groups
            .iter()
            .filter(|g| g.speaker == Some(index))
            .map(|g| self.quote_group(g))
            .collect();
        views.sort_by_key(|v| std::cmp::Reverse(v.outlets.len()));
        views
    }

    /// A quote group with every article that carries it, oldest article first.
    pub fn quote_group(&self, group: &QuoteGroup) -> QuoteView {
        let quote = |(a, i): (usize, usize)| &self.analysis.quotes[a][i];
        let wording = |(a, i): (usize, usize)| self.analysis.quote_wording[a][i];
        let main = quote(group.main);
        let key = wording(group.main);
        // Carries the words without crediting them to the group's speaker.
        let uncredited =
            |m: (usize, usize)| group.speaker.is_some() && quote(m).speaker != group.speaker;
        let mut members = group.members.clone();
        // Those that credit the speaker first; articles are stored newest first: the highest
        // index is the oldest.
        members.sort_by_key(|&(a, i)| (uncredited((a, i)), std::cmp::Reverse(a), i));
        let mut outlets: Vec<SourceRef> = Vec::new();
        let carriers = members
            .into_iter()
            .map(|(a, i)| {
                let q = quote((a, i));
                let article = self.article_ref(&self.dossier.articles[a]);
                let uncredited = uncredited((a, i));
                // A story and its copies are one outlet, a copy's own paragraph its own.
                let outlet = self.analysis.quote_outlet(self.dossier, a, i);
                if !uncredited && !outlets.iter().any(|o| o.slug == outlet) {
                    outlets.push(self.source_ref(outlet));
                }
                QuoteCarrier {
                    url: if q.paragraph > 0 {
                        format!("{}#p{}", article.url, q.paragraph)
                    } else {
                        article.url.clone()
                    },
                    article,
                    paragraph: q.paragraph,
                    text: q.text.clone(),
                    partial: q.partial,
                    differs: wording((a, i)) != key,
                    uncredited,
                }
            })
            .collect();
        QuoteView {
            text: main.text.clone(),
            partial: main.partial,
            speaker: group
                .speaker
                .map(|s| self.actor_ref(s, self.analysis.actor_mentions[s])),
            outlets,
            carriers,
        }
    }

    /// The actor network picture for the actor index (at `actors/`, so links go one level up).
    pub fn network(&self) -> Option<String> {
        let included: Vec<usize> = (0..self.dossier.actors.len())
            .filter(|&i| self.analysis.actor_mentions[i] > 0)
            .collect();
        let position: std::collections::HashMap<usize, usize> =
            included.iter().enumerate().map(|(p, &i)| (i, p)).collect();
        let nodes: Vec<super::network::Node> = included
            .iter()
            .map(|&i| {
                let actor = &self.dossier.actors[i];
                super::network::Node {
                    name: actor.name.clone(),
                    href: format!("../{}", self.url(&pages::actor::dir(&actor.slug))),
                    kind: actor.kind.map_or("other", |k| k.name()).to_owned(),
                    mentions: self.analysis.actor_mentions[i],
                }
            })
            .collect();
        let mut edges = Vec::new();
        for &a in &included {
            for &(b, weight) in &self.analysis.co_mentions[a] {
                if a < b {
                    if let (Some(&pa), Some(&pb)) = (position.get(&a), position.get(&b)) {
                        edges.push((pa, pb, weight));
                    }
                }
            }
        }
        super::network::svg(&nodes, &edges)
    }

    /// Actors grouped by kind (people, organisations, states, then the unclassified), each
    /// group sorted by mentions.
    pub fn actor_groups(&self) -> Vec<ActorGroup> {
        let groups = [
            (Some("person"), "People"),
            (Some("organisation"), "Organisations"),
            (Some("state"), "States"),
            (None, "Other actors"),
        ];
        groups
            .iter()
            .filter_map(|(kind, label)| {
                let mut actors: Vec<ActorRef> = (0..self.dossier.actors.len())
                    .map(|i| self.actor_ref(i, self.analysis.actor_mentions[i]))
                    .filter(|a| a.kind.as_deref() == *kind)
                    .collect();
                actors.sort_by(|a, b| {
                    b.mentions
                        .cmp(&a.mentions)
                        .then_with(|| a.name.cmp(&b.name))
                });
                (!actors.is_empty()).then(|| ActorGroup {
                    kind: kind.unwrap_or("other").to_owned(),
                    label: (*label).to_owned(),
                    actors,
                })
            })
            .collect()
    }

    /// The most mentioned actors, for the front page.
    pub fn key_actors(&self, count: usize) -> Vec<ActorRef> {
        let mut order: Vec<usize> = (0..self.dossier.actors.len()).collect();
        order.sort_by(|&a, &b| {
            self.analysis.actor_mentions[b]
                .cmp(&self.analysis.actor_mentions[a])
                .then(a.cmp(&b))
        });
        order
            .into_iter()
            .take(count)
            .map(|i| self.actor_ref(i, self.analysis.actor_mentions[i]))
            .collect()
    }

    /// The reports of `event` as pages link them (`#pN` when a paragraph is cited), oldest
    /// first.
    pub fn event_reports(&self, event: &Event) -> Vec<ReportView> {
        event
            .reports
            .iter()
            .filter_map(|r| {
                let article = self.article_ref_by_slug(&r.article)?;
                let url = match r.paragraph {
                    Some(p) => format!("{}#p{p}", article.url),
                    None => article.url.clone(),
                };
                Some(ReportView {
                    article,
                    paragraph: r.paragraph,
                    url,
                })
            })
            .collect()
    }

    /// The facts the analysis found for `event`.
    pub fn event_facts(&self, event: &Event) -> &'a EventFacts {
        let index = self
            .dossier
            .event_index(&event.slug)
            .expect("an event of the dossier");
        &self.analysis.events[index]
    }

    /// The claims of `event`, one cell per reporting article (each article once, as in
    /// [`unique_reports`]).
    pub fn event_claims(&self, event: &Event) -> Vec<ClaimView> {
        let facts = self.event_facts(event);
        event
            .claims
            .iter()
            .zip(&facts.claims)
            .map(|(claim, values)| ClaimView {
                about: claim.about.clone(),
                cells: facts
                    .articles
                    .iter()
                    .zip(values)
                    .map(|(&i, value)| {
                        let slug = &self.dossier.articles[i].slug;
                        ClaimCell {
                            article: slug.clone(),
                            text: claim
                                .reports
                                .iter()
                                .find(|(a, _)| a == slug)
                                .map(|(_, t)| t.clone()),
                            value: value.as_ref().map(|v| v.value.to_string()),
                            disagrees: value.as_ref().is_some_and(|v| v.disagrees),
                            later: value.as_ref().is_some_and(|v| v.later),
                        }
                    })
                    .collect(),
            })
            .collect()
    }

    /// The actors of `event` that the dossier has.
    pub fn event_actors(&self, event: &Event) -> Vec<ActorRef> {
        event
            .actors
            .iter()
            .filter_map(|a| self.actor_index(a))
            .map(|a| self.actor_ref(a, self.analysis.actor_mentions[a]))
            .collect()
    }

    pub fn event(&self, event: &Event) -> EventView {
        let reports = self.event_reports(event);
        // One column per article, however many of its paragraphs the event cites.
        let claim_reports = unique_reports(&reports);
        let claims = self.event_claims(event);
        EventView {
            summary: self.event_ref(event),
            actors: self.event_actors(event),
            body_html: markdown::render(&event.body, &self.config.markdown, &[]),
            notes_html: self.notes_html(&event.notes),
            outlets: event
                .reporting_sources(self.dossier)
                .into_iter()
                .map(|s| self.source_ref(s))
                .collect(),
            reports,
            claim_reports,
            claims,
            compare_url: self.is_compared(event).then(|| self.compare_url(event)),
        }
    }
}

/// The reports of an event, each article once (the first of its cited paragraphs): the
/// columns of its claims table.
pub fn unique_reports(reports: &[ReportView]) -> Vec<ReportView> {
    let mut out: Vec<ReportView> = Vec::new();
    for r in reports {
        if !out.iter().any(|o| o.article.slug == r.article.slug) {
            out.push(r.clone());
        }
    }
    out
}
