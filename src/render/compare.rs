//! Source comparison pages: for an event reported by two or more outlets, the articles side by
//! side, the quotes they share and the ones only one carries, the passages they share, who
//! each outlet mentions and quotes, the event's claims, and the differences detected in their
//! figures and dates.

use std::collections::HashMap;

use serde::Serialize;

use super::context::{
    ActorRef, ArticleRef, ClaimView, DateView, EventRef, QuoteView, SourceRef, Views,
};
use crate::analyse::passages::Side;
use crate::analyse::quantities::{self, Quantity};
use crate::analyse::values::{Agreement, Value};
use crate::model::Event;

/// Shared passages shown on a comparison page, the longest first.
pub const MAX_PASSAGES: usize = 40;

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
#[derive(Debug, Clone, Serialize)]
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
    pub url: String,
    pub text: String,
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
    /// Independent sources: outlets, a story and its copies counted once.
    pub sources: usize,
    /// Articles that are copies of another's story.
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
    /// The longest shared passages (at most [`MAX_PASSAGES`]).
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

/// At most this many detected figure differences on a comparison page: the largest ones.
const MAX_FIGURE_DIFFERENCES: usize = 4;

impl Views<'_> {
    /// The articles (indices) that report `event`, oldest first.
    /// Each article once, however many of its paragraphs the event cites.
    fn reporting(&self, event: &Event) -> Vec<usize> {
        let mut articles: Vec<usize> = Vec::new();
        for r in &event.reports {
            if let Some(i) = self.dossier.article_index(&r.article) {
                if !articles.contains(&i) {
                    articles.push(i);
                }
            }
        }
        articles
    }

    /// The detected differences of `event`'s comparison page.
    pub fn event_differences(&self, event: &Event) -> Vec<Difference> {
        self.differences(event, &self.reporting(event))
    }

    /// Whether `event` gets a comparison page: articles from two or more outlets report it.
    pub fn is_compared(&self, event: &Event) -> bool {
        event.outlets(self.dossier).len() >= 2
    }

    pub fn compare_url(&self, event: &Event) -> String {
        self.url(&format!("compare/{}/", event.slug))
    }

    pub fn compare_rows(&self) -> Vec<CompareRow> {
        self.dossier
            .events
            .iter()
            .filter(|e| self.is_compared(e))
            .map(|e| CompareRow {
                event: self.event_ref(e),
                url: self.compare_url(e),
                outlets: e
                    .outlets(self.dossier)
                    .into_iter()
                    .map(|s| self.source_ref(s))
                    .collect(),
                articles: self.reporting(e).len(),
            })
            .collect()
    }

    pub fn compare(&self, event: &Event) -> CompareView {
        let d = self.dossier;
        let a = self.analysis;
        let articles = self.reporting(event);
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

        // Quotes: groups restricted to this event's articles.
        let mut shared_quotes = Vec::new();
        let mut unique: Vec<OutletQuotes> = Vec::new();
        // Only the groups and pairs of this event's articles, through the per-article indices.
        let mut group_ids: Vec<usize> = articles
            .iter()
            .flat_map(|&i| a.quote_group[i].iter().copied())
            .collect();
        group_ids.sort_unstable();
        group_ids.dedup();
        for group in group_ids
            .iter()
            .map(|&g| &a.quote_groups[g])
            .filter(|g| g.is_statement())
        {
            let members: Vec<(usize, usize)> = group
                .members
                .iter()
                .copied()
                .filter(|(art, _)| articles.contains(art))
                .collect();
            if members.is_empty() {
                continue;
            }
            let local = crate::analyse::QuoteGroup {
                members: members.clone(),
                speaker: group.speaker,
                main: if members.contains(&group.main) {
                    group.main
                } else {
                    members[0]
                },
                kind: group.kind,
            };
            let view = self.quote_group(&local);
            // Carried by several independent sources: a story and its copies are one.
            let mut distinct: Vec<&str> = members
                .iter()
                .map(|m| d.articles[m.0].source.as_str())
                .collect();
            distinct.sort_unstable();
            distinct.dedup();
            if distinct.len() >= 2 {
                shared_quotes.push(view);
            } else if let Some(outlet) = view.outlets.first().cloned() {
                match unique.iter_mut().find(|u| u.source.slug == outlet.slug) {
                    Some(u) => u.quotes.push(view),
                    None => unique.push(OutletQuotes {
                        source: outlet,
                        quotes: vec![view],
                    }),
                }
            }
        }
        shared_quotes.sort_by_key(|q| std::cmp::Reverse(q.carriers.len()));

        // Quoted terms, per outlet, each once.
        let mut terms: Vec<OutletTerms> = Vec::new();
        for &i in &articles {
            let article = self.article_ref(&d.articles[i]);
            for quote in a.quotes[i].iter().filter(|q| !q.is_statement()) {
                let slot = match terms
                    .iter()
                    .position(|t| t.source.slug == article.source.slug)
                {
                    Some(k) => k,
                    None => {
                        terms.push(OutletTerms {
                            source: article.source.clone(),
                            terms: Vec::new(),
                        });
                        terms.len() - 1
                    }
                };
                let key = crate::analyse::quotes::normalise(&quote.text);
                if !terms[slot]
                    .terms
                    .iter()
                    .any(|t| crate::analyse::quotes::normalise(&t.text) == key)
                {
                    terms[slot].terms.push(TermView {
                        text: quote.text.trim_end_matches([',', '.']).to_owned(),
                        url: if quote.paragraph > 0 {
                            format!("{}#p{}", article.url, quote.paragraph)
                        } else {
                            article.url.clone()
                        },
                        paragraph: quote.paragraph,
                    });
                }
            }
        }

        // Passages and shares between pairs of this event's articles.
        let mut passages = Vec::new();
        let mut found: Vec<&crate::analyse::passages::SharedPassage> = Vec::new();
        let mut shares = Vec::new();
        let mut words = HashMap::new();
        let mut overlap_ids: Vec<usize> = articles
            .iter()
            .flat_map(|&i| a.article_overlaps[i].iter().copied())
            .collect();
        overlap_ids.sort_unstable();
        overlap_ids.dedup();
        for overlap in overlap_ids
            .iter()
            .map(|&o| &a.overlaps[o])
            .filter(|o| articles.contains(&o.a) && articles.contains(&o.b))
        {
            shares.push(PairShare {
                a: self.article_ref(&d.articles[overlap.a]),
                b: self.article_ref(&d.articles[overlap.b]),
                share_a: (overlap.share_a * 100.0).round() as u32,
                share_b: (overlap.share_b * 100.0).round() as u32,
                passages: overlap.passages.len(),
            });
            found.extend(overlap.passages.iter());
        }
        // The longest passages are shown; the count says how many there are in all.
        found.sort_by_key(|p| (std::cmp::Reverse(p.words()), p.a.article, p.a.from));
        let passages_total = found.len();
        for p in found.into_iter().take(MAX_PASSAGES) {
            passages.push(PassageView {
                words: p.words(),
                a: self.passage_side(&p.a, &mut words),
                b: self.passage_side(&p.b, &mut words),
            });
        }

        // Coverage: outlets × actors.
        let outlets: Vec<&str> = event.outlets(d);
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
        let differences = self.differences(event, &articles);
        let summary = CompareSummary {
            articles: articles.len(),
            sources: outlets.len(),
            copies: articles.iter().filter(|&&i| a.is_copy(d, i)).count(),
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
            passages_total,
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

    fn passage_side(
        &self,
        side: &Side,
        words: &mut HashMap<usize, crate::analyse::passages::Words>,
    ) -> PassageSide {
        let article = &self.dossier.articles[side.article];
        let spans = words
            .entry(side.article)
            .or_insert_with(|| crate::analyse::passages::Words::of(&article.paragraphs))
            .spans(side);
        let paragraph = spans.first().map_or(1, |s| s.0);
        let reference = self.article_ref(article);
        let paragraphs = spans
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

    /// Figures that differ between outlets for the same thing, and dates that differ from the
    /// event's, as suggestions.
    fn differences(&self, event: &Event, articles: &[usize]) -> Vec<Difference> {
        let d = self.dossier;
        let a = self.analysis;
        let mut out: Vec<Difference> = Vec::new();
        let stated = |i: usize, paragraph: usize, text: &str| {
            let article = self.article_ref(&d.articles[i]);
            Stated {
                source: article.source.clone(),
                url: format!("{}#p{paragraph}", article.url),
                text: text.to_owned(),
            }
        };
        // Quantities in the paragraphs this event cites (all of an article cited whole):
        // two outlets' figures for the same thing (same unit and head noun) that disagree
        // beyond the precision written; each pair once, the largest disagreement first.
        let cited = |i: usize| -> Vec<usize> {
            event
                .cited_paragraphs(&d.articles[i].slug)
                .unwrap_or_else(|| (1..=d.articles[i].paragraphs.len()).collect())
        };
        let found: HashMap<usize, Vec<&Quantity>> = articles
            .iter()
            .map(|&i| {
                let paragraphs = cited(i);
                (
                    i,
                    a.quantities[i]
                        .iter()
                        .filter(|q| paragraphs.contains(&q.paragraph))
                        .collect(),
                )
            })
            .collect();
        let mut pairs: Vec<(f64, bool, Difference)> = Vec::new();
        let mut seen: std::collections::HashSet<(String, String)> =
            std::collections::HashSet::new();
        for (x, &i) in articles.iter().enumerate() {
            for &j in &articles[x + 1..] {
                if d.articles[j].source == d.articles[i].source {
                    continue;
                }
                for &q in &found[&i] {
                    for &r in &found[&j] {
                        let verdict = quantities::agree(q, r);
                        let vague = verdict == Agreement::Unsure
                            && quantities::same_thing(q, r)
                            && (matches!(q.value, Value::Vague { .. })
                                != matches!(r.value, Value::Vague { .. }));
                        if verdict != Agreement::Differ && !vague {
                            continue;
                        }
                        // The same two wordings once, whichever outlet said which.
                        let (x, y) = (q.text.to_lowercase(), r.text.to_lowercase());
                        if !seen.insert(if x <= y { (x, y) } else { (y, x) }) {
                            continue;
                        }
                        let size = match (&q.value, &r.value) {
                            (Value::Figure(a), Value::Figure(b)) => {
                                let (a, b) = (a.number.value, b.number.value);
                                (a - b).abs() / a.abs().max(b.abs()).max(f64::MIN_POSITIVE)
                            }
                            _ => 0.0,
                        };
                        let thing = q.head.as_deref().map_or(q.unit.clone(), |h| {
                            if h == q.unit {
                                h.to_owned()
                            } else {
                                format!("{} of {h}", q.unit)
                            }
                        });
                        pairs.push((
                            size,
                            vague,
                            Difference {
                                about: format!("{thing} (detected figure)"),
                                stated: vec![
                                    stated(i, q.paragraph, &q.text),
                                    stated(j, r.paragraph, &r.text),
                                ],
                                note: vague.then(|| VAGUE_NOTE.to_owned()),
                            },
                        ));
                    }
                }
            }
        }
        // Real disagreements first, the largest first; then vague against exact.
        pairs.sort_by(|a, b| a.1.cmp(&b.1).then(b.0.total_cmp(&a.0)));
        out.extend(
            pairs
                .into_iter()
                .map(|(_, _, d)| d)
                .take(MAX_FIGURE_DIFFERENCES),
        );
        // Dates: words that speak of this event with another date.
        let event_index = d.event_index(&event.slug);
        let mut dates: Vec<Stated> = Vec::new();
        let mut agree: Vec<Stated> = Vec::new();
        // Each article's words once: the same date is not listed three times.
        let mut listed: Vec<(usize, String)> = Vec::new();
        for &i in articles {
            for found in &a.dates[i] {
                let key = (i, found.text.to_lowercase());
                if listed.contains(&key) {
                    continue;
                }
                listed.push(key);
                if found.contradicts.is_some() && found.contradicts == event_index {
                    dates.push(stated(
                        i,
                        found.paragraph,
                        &format!("{} ({})", found.text, found.date.human()),
                    ));
                } else if found.event.is_some() && found.event == event_index && agree.len() < 6 {
                    agree.push(stated(
                        i,
                        found.paragraph,
                        &format!("{} ({})", found.text, found.date.human()),
                    ));
                }
            }
        }
        if !dates.is_empty() {
            let human = DateView::from(&event.date).human;
            let mut all = dates;
            all.extend(agree);
            out.push(Difference {
                about: "date of the event (detected)".to_owned(),
                stated: all,
                note: Some(format!("The event is dated {human}.")),
            });
        }
        out
    }
}
