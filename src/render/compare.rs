//! Source comparison pages: for an event reported by two or more outlets, the articles side by
//! side, the quotes they share and the ones only one carries, the passages they share, who
//! each outlet mentions and quotes, the event's claims, and the differences detected in their
//! figures and dates.

use serde::Serialize;

use super::context::{
    ActorRef, ArticleRef, ClaimView, DateView, EventRef, QuoteView, SourceRef, Views,
};
use crate::analyse::events::{self, PassageSpans};
use crate::model::Event;

#[derive(Debug, Clone, Serialize)]
pub struct CompareRow {
    pub event: EventRef,
    pub url: String,
    pub outlets: Vec<SourceRef>,
    pub articles: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Column {
    pub article: ArticleRef,
    pub paragraphs: usize,
    /// The first paragraph, as a taste of the article's angle.
    pub lede: String,
    /// The paragraphs the event cites from this article, in order (empty when the event
    /// cites the article as a whole).
    pub cited: Vec<CitedParagraph>,
}

/// A paragraph an event cites.
#[derive(Debug, Clone, Serialize)]
pub struct CitedParagraph {
    pub number: usize,
    pub text: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct OutletQuotes {
    pub source: SourceRef,
    pub quotes: Vec<QuoteView>,
}

/// A piece of paragraph text, marked when it is part of the shared passage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Segment {
    pub text: String,
    pub marked: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct PassageSide {
    pub article: ArticleRef,
    pub paragraph: usize,
    /// The article's URL with `#pN` of the passage's first paragraph.
    pub url: String,
    /// The paragraphs the passage spans, with the shared words marked.
    pub paragraphs: Vec<Vec<Segment>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PassageView {
    pub words: usize,
    pub a: PassageSide,
    pub b: PassageSide,
    /// Both sides' paragraphs read the same, word for word and mark for mark (a copy's): the
    /// page gives the text once.
    pub same: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct PairShare {
    pub a: ArticleRef,
    pub b: ArticleRef,
    /// Percent of `a`'s words that `b` also has, and the reverse.
    pub share_a: u32,
    pub share_b: u32,
    pub passages: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct CoverageRow {
    pub actor: ActorRef,
    /// Mentions per outlet, in the order of `Coverage::outlets`.
    pub mentions: Vec<usize>,
    /// Quotes attributed to the actor per outlet.
    pub quotes: Vec<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    pub outlets: Vec<SourceRef>,
    pub rows: Vec<CoverageRow>,
}

/// One outlet's wording of a figure or date.
#[derive(Debug, Clone, Serialize)]
pub struct Stated {
    pub source: SourceRef,
    /// What pages add to the source's name for a copy ([`ArticleRef::via`]): "via Daily
    /// Example", "(copy of Reuters)".
    pub via: Option<String>,
    /// Other articles of the same story that say the same: listed once, here.
    pub copies: usize,
    pub url: String,
    pub text: String,
    /// The outlet disagrees with another here: a figure of two that differ, or a date other
    /// than the event's from an outlet that nowhere gives the event's own. Not a date that
    /// gives it, nor another date of an outlet that also gives it (it contradicts itself).
    pub disagrees: bool,
}

/// Figures for the same thing that differ between outlets, or a date that differs from the
/// event's.
#[derive(Debug, Clone, Serialize)]
pub struct Difference {
    /// "hour", or "date of the event".
    pub about: String,
    pub stated: Vec<Stated>,
    pub note: Option<String>,
}

/// The quoted terms of one outlet's articles about an event.
#[derive(Debug, Clone, Serialize)]
pub struct OutletTerms {
    pub source: SourceRef,
    pub terms: Vec<TermView>,
}

/// One quoted term and where it stands.
#[derive(Debug, Clone, Serialize)]
pub struct TermView {
    pub text: String,
    /// The paragraph's address (`articles/slug/#p3`).
    pub url: String,
    pub paragraph: usize,
}

/// What a comparison page says first: who reported, what they share, where they disagree.
#[derive(Debug, Clone, Serialize)]
pub struct CompareSummary {
    /// Articles compared (each once).
    pub articles: usize,
    /// Independent sources: outlets, a story and its copies counted once (a copy under
    /// another outlet's name adds no outlet).
    pub sources: usize,
    /// Articles of a story another of these articles carries: they add no source to
    /// `sources` (a copy whose story is not here stands for it). Counted whether or not
    /// anything tells which of them came first.
    pub copies: usize,
    /// Statements carried by two sources or more.
    pub shared_quotes: usize,
    /// The claims where an article's value disagrees with another's.
    pub disputed: Vec<String>,
    /// The detected differences, as listed further down.
    pub differences: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CompareView {
    pub summary: CompareSummary,
    pub event: EventRef,
    pub columns: Vec<Column>,
    pub shared_quotes: Vec<QuoteView>,
    pub unique_quotes: Vec<OutletQuotes>,
    /// Per outlet, the words its articles put in quotation marks without reporting speech
    /// (quoted terms: how each outlet labels things).
    pub terms: Vec<OutletTerms>,
    /// The longest shared passages (at most [`events::MAX_PASSAGES`]).
    pub passages: Vec<PassageView>,
    /// How many passages the articles share in all.
    pub passages_total: usize,
    pub shares: Vec<PairShare>,
    pub coverage: Coverage,
    /// Column headings of the claims table: the reporting articles.
    pub claim_articles: Vec<ArticleRef>,
    pub claims: Vec<ClaimView>,
    pub differences: Vec<Difference>,
    /// Coverage by outlet group: one cell per group with its outlets that reported the event
    /// (empty when the dossier has no groups).
    pub groups: Vec<super::coverage::GroupCell>,
}

/// The note of a detected difference that is none: a vague amount against an exact one.
pub const VAGUE_NOTE: &str = "a vague amount against an exact one: not a disagreement";
/// The note of figures that differ from articles not known to be of one day.
pub const APART_NOTE: &str =
    "not published the same day: a later figure may update an earlier one, so not a disagreement";

impl Views<'_> {
    /// The detected differences of `event`'s comparison page (none for an event without one).
    pub fn event_differences(&self, event: &Event) -> Vec<Difference> {
        self.event_facts(event)
            .comparison
            .as_ref()
            .map(|c| {
                c.differences
                    .iter()
                    .map(|x| self.difference(event, x))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Whether `event` gets a comparison page: two or more independent sources report it.
    pub fn is_compared(&self, event: &Event) -> bool {
        self.event_facts(event).comparison.is_some()
    }

    pub fn compare_url(&self, event: &Event) -> String {
        self.url(&super::pages::compare::dir(&event.slug))
    }

    pub fn compare_rows(&self) -> Vec<CompareRow> {
        self.dossier
            .events
            .iter()
            .filter(|e| self.is_compared(e))
            .map(|e| CompareRow {
                event: self.event_ref(e),
                url: self.compare_url(e),
                outlets: self
                    .outlet_reports(e)
                    .into_iter()
                    .map(|r| r.source)
                    .collect(),
                articles: self.event_facts(e).articles.len(),
            })
            .collect()
    }

    pub fn compare(&self, event: &Event) -> CompareView {
        let d = self.dossier;
        let a = self.analysis;
        let facts = self.event_facts(event);
        let comparison = facts
            .comparison
            .as_ref()
            .expect("a comparison page is planned for an event with two outlets or more");
        let articles = &facts.articles;
        let columns = articles
            .iter()
            .map(|&i| {
                let article = self.article_ref(&d.articles[i]);
                let cited = event
                    .cited_paragraphs(&d.articles[i].slug)
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|n| {
                        let text = d.articles[i].paragraphs.get(n.checked_sub(1)?)?;
                        Some(CitedParagraph {
                            number: n,
                            text: text.clone(),
                            url: format!("{}#p{n}", article.url),
                        })
                    })
                    .collect();
                Column {
                    paragraphs: d.articles[i].paragraphs.len(),
                    lede: d.articles[i]
                        .paragraphs
                        .first()
                        .cloned()
                        .unwrap_or_default(),
                    cited,
                    article,
                }
            })
            .collect();

        // Quotes: the groups restricted to this event's articles.
        let shared_quotes: Vec<QuoteView> = comparison
            .shared_quotes
            .iter()
            .map(|g| self.quote_group(g))
            .collect();
        let unique = comparison
            .unique_quotes
            .iter()
            .map(|u| OutletQuotes {
                source: self.source_ref(&u.source),
                quotes: u.groups.iter().map(|g| self.quote_group(g)).collect(),
            })
            .collect();

        // Quoted terms, per outlet, each once.
        let terms = comparison
            .terms
            .iter()
            .map(|t| OutletTerms {
                source: self.source_ref(&t.source),
                terms: t
                    .terms
                    .iter()
                    .map(|&(i, k)| {
                        let quote = &a.quotes[i][k];
                        let url = self.url(&format!("articles/{}/", d.articles[i].slug));
                        TermView {
                            text: quote.text.trim_end_matches([',', '.']).to_owned(),
                            url: if quote.paragraph > 0 {
                                format!("{url}#p{}", quote.paragraph)
                            } else {
                                url
                            },
                            paragraph: quote.paragraph,
                        }
                    })
                    .collect(),
            })
            .collect();

        // Passages and shares between pairs of this event's articles.
        let shares = comparison
            .passage_pairs
            .iter()
            .map(|&o| {
                let pair = &a.passage_pairs[o];
                PairShare {
                    a: self.article_ref(&d.articles[pair.a]),
                    b: self.article_ref(&d.articles[pair.b]),
                    share_a: (pair.share_a * 100.0).round() as u32,
                    share_b: (pair.share_b * 100.0).round() as u32,
                    passages: pair.passages.len(),
                }
            })
            .collect();
        let passages = comparison
            .passages
            .iter()
            .map(|p| {
                let a = self.passage_side(&p.a);
                let b = self.passage_side(&p.b);
                PassageView {
                    words: p.words,
                    same: a.paragraphs == b.paragraphs,
                    a,
                    b,
                }
            })
            .collect();

        // Coverage: outlets × actors.
        let outlets: Vec<&str> = event.reporting_sources(d);
        let mut rows: Vec<CoverageRow> = Vec::new();
        // A copy whose story is also here adds nothing to its outlet's counts.
        for &i in articles
            .iter()
            .filter(|&&i| a.original[i] == i || !articles.contains(&a.original[i]))
        {
            let column = outlets
                .iter()
                .position(|o| *o == d.articles[i].source)
                .expect("outlet of a report");
            for &(actor, n) in &a.article_actors[i] {
                let row = match rows
                    .iter()
                    .position(|r| r.actor.slug == d.actors[actor].slug)
                {
                    Some(r) => r,
                    None => {
                        rows.push(CoverageRow {
                            actor: self.actor_ref(actor, 0),
                            mentions: vec![0; outlets.len()],
                            quotes: vec![0; outlets.len()],
                        });
                        rows.len() - 1
                    }
                };
                rows[row].mentions[column] += n;
                rows[row].actor.mentions += n;
            }
            for quote in &a.quotes[i] {
                if let Some(speaker) = quote.speaker {
                    if let Some(row) = rows
                        .iter_mut()
                        .find(|r| r.actor.slug == d.actors[speaker].slug)
                    {
                        row.quotes[column] += 1;
                    }
                }
            }
        }
        rows.retain(|r| r.actor.mentions > 0);
        rows.sort_by(|x, y| {
            y.actor
                .mentions
                .cmp(&x.actor.mentions)
                .then_with(|| x.actor.name.cmp(&y.actor.name))
        });
        rows.truncate(30);

        let event_view = self.event(event);
        let differences = self.event_differences(event);
        let summary = CompareSummary {
            articles: articles.len(),
            sources: facts.sources.len(),
            // Whether or not anything tells which article of a story came first, all but one
            // of a story's articles here copy another's.
            copies: articles.len() - {
                let mut stories: Vec<usize> = articles.iter().map(|&i| a.original[i]).collect();
                stories.sort_unstable();
                stories.dedup();
                stories.len()
            },
            shared_quotes: shared_quotes.len(),
            disputed: event_view
                .claims
                .iter()
                .filter(|c| c.cells.iter().any(|cell| cell.disagrees))
                .map(|c| c.about.clone())
                .collect(),
            differences: differences.iter().map(|x| x.about.clone()).collect(),
        };
        CompareView {
            summary,
            event: self.event_ref(event),
            columns,
            shared_quotes,
            unique_quotes: unique,
            terms,
            passages,
            passages_total: comparison.passages_total,
            shares,
            coverage: Coverage {
                outlets: outlets.iter().map(|s| self.source_ref(s)).collect(),
                rows,
            },
            claim_articles: event_view
                .claim_reports
                .iter()
                .map(|r| r.article.clone())
                .collect(),
            claims: event_view.claims,
            differences,
            groups: if self.has_groups() {
                self.event_group_cells(event)
            } else {
                Vec::new()
            },
        }
    }

    /// One side of a shown passage: its paragraphs cut where the shared words begin and end.
    fn passage_side(&self, side: &PassageSpans) -> PassageSide {
        let article = &self.dossier.articles[side.article];
        let paragraph = side.spans.first().map_or(1, |s| s.0);
        let reference = self.article_ref(article);
        let paragraphs = side
            .spans
            .iter()
            .map(|&(p, start, end)| {
                let text = &article.paragraphs[p - 1];
                [
                    (&text[..start], false),
                    (&text[start..end], true),
                    (&text[end..], false),
                ]
                .into_iter()
                .filter(|(t, _)| !t.is_empty())
                .map(|(t, marked)| Segment {
                    text: t.to_owned(),
                    marked,
                })
                .collect()
            })
            .collect();
        PassageSide {
            url: format!("{}#p{paragraph}", reference.url),
            article: reference,
            paragraph,
            paragraphs,
        }
    }

    /// A detected difference of `event` as its comparison page shows it: what it is about,
    /// each outlet's words with a link to their paragraph, and a note.
    fn difference(&self, event: &Event, difference: &events::Difference) -> Difference {
        match difference {
            events::Difference::Figure {
                thing,
                vague,
                apart,
                a,
                b,
            } => Difference {
                about: format!("{thing} (detected figure)"),
                stated: vec![
                    self.stated(a.article, a.paragraph, &a.text, !vague && !apart, 0),
                    self.stated(b.article, b.paragraph, &b.text, !vague && !apart, 0),
                ],
                note: if *vague {
                    Some(VAGUE_NOTE.to_owned())
                } else {
                    apart.then(|| APART_NOTE.to_owned())
                },
            },
            events::Difference::Date {
                differ,
                differ_within,
                agree,
            } => self.date_difference(
                event,
                differ
                    .iter()
                    .map(|&x| (x, true))
                    .chain(differ_within.iter().map(|&x| (x, false)))
                    .chain(agree.iter().map(|&x| (x, false))),
            ),
        }
    }

    /// The first detected difference of `event` where outlets disagree, as the front page
    /// lists it: not a vague amount against an exact one nor figures of articles not known to
    /// be of one day, and of a date difference only the
    /// outlets whose date differs and that nowhere give the event's own, with those that give
    /// it (an outlet whose articles say both contradicts itself, not the others: its
    /// comparison page shows it).
    pub fn disputed_difference(&self, event: &Event) -> Option<Difference> {
        let comparison = self.event_facts(event).comparison.as_ref()?;
        comparison.differences.iter().find_map(|x| match x {
            events::Difference::Figure { vague: true, .. }
            | events::Difference::Figure { apart: true, .. } => None,
            events::Difference::Figure { .. } => Some(self.difference(event, x)),
            events::Difference::Date { differ, agree, .. } => (!differ.is_empty()).then(|| {
                self.date_difference(
                    event,
                    differ
                        .iter()
                        .map(|&x| (x, true))
                        .chain(agree.iter().map(|&x| (x, false))),
                )
            }),
        })
    }

    /// A date difference of `event` listing `dates` (`(words, disagrees)`) in that order.
    fn date_difference(
        &self,
        event: &Event,
        dates: impl Iterator<Item = (events::DateAt, bool)>,
    ) -> Difference {
        let human = DateView::from(&event.date).human;
        Difference {
            about: "date of the event (detected)".to_owned(),
            stated: dates
                .map(|(at, disagrees)| {
                    let found = &self.analysis.dates[at.article][at.index];
                    self.stated(
                        at.article,
                        found.paragraph,
                        &format!("{} ({})", found.text, found.date.human()),
                        disagrees,
                        at.copies,
                    )
                })
                .collect(),
            note: Some(format!("The event is dated {human}.")),
        }
    }

    /// Article `i`'s words `text` in paragraph `paragraph`, as a difference lists them, for
    /// itself and `copies` other articles of its story.
    fn stated(
        &self,
        i: usize,
        paragraph: usize,
        text: &str,
        disagrees: bool,
        copies: usize,
    ) -> Stated {
        let article = self.article_ref(&self.dossier.articles[i]);
        Stated {
            via: article.via(),
            copies,
            source: article.source.clone(),
            url: format!("{}#p{paragraph}", article.url),
            text: text.to_owned(),
            disagrees,
        }
    }
}
