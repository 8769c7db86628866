//! `dossier.json`: the resolved dossier and what the analysis found in it, for analysts'
//! own tools. Documented field by field in `docs/data.md`; `docs/dossier.schema.json` is its
//! JSON Schema.

use serde::Serialize;

use super::compare::Difference;
use super::context::{ClaimView, Views};
use crate::model::{Dossier, PartialDate};

/// The whole file: every field of the dossier, and `analysis`.
#[derive(Serialize)]
pub struct DataFile<'a> {
    #[serde(flatten)]
    pub dossier: &'a Dossier,
    pub analysis: AnalysisData<'a>,
}

/// What the text analysis found, with every reference by slug.
#[derive(Serialize)]
pub struct AnalysisData<'a> {
    pub quotes: Vec<QuoteData<'a>>,
    pub mentions: Vec<MentionData<'a>>,
    pub dates: Vec<DateData<'a>>,
    pub passages: Vec<PassageData<'a>>,
    pub claims: Vec<EventClaims<'a>>,
    pub differences: Vec<EventDifferences<'a>>,
}

#[derive(Serialize)]
pub struct QuoteData<'a> {
    pub text: &'a str,
    /// Actor slug; `null` when no rule is sure (and for every term).
    pub speaker: Option<&'a str>,
    /// False when the speaker is left for the analyst: `candidates` lists who it may be.
    pub certain: bool,
    pub candidates: Vec<&'a str>,
    pub rule: &'static str,
    /// `statement` or `term`.
    pub kind: crate::analyse::quotes::QuoteKind,
    pub article: &'a str,
    pub paragraph: usize,
    /// Index of the statement's group in `analysis.quotes` order of first appearance: the
    /// same statement in several articles shares it; `null` for terms.
    pub group: Option<usize>,
}

#[derive(Serialize)]
pub struct MentionData<'a> {
    pub actor: &'a str,
    pub article: &'a str,
    /// `#pN`; 0 for the title.
    pub paragraph: usize,
    /// How many times in that paragraph.
    pub count: usize,
}

#[derive(Serialize)]
pub struct DateData<'a> {
    pub text: &'a str,
    pub article: &'a str,
    pub paragraph: usize,
    pub date: &'a PartialDate,
    /// Resolved from the publication date ("on Sunday").
    pub relative: bool,
    pub event: Option<&'a str>,
}

#[derive(Serialize)]
pub struct PassageSide<'a> {
    pub article: &'a str,
    /// Word positions in the article's text (its words counted from 0), end excluded.
    pub from: usize,
    pub to: usize,
}

#[derive(Serialize)]
pub struct PassageData<'a> {
    pub a: PassageSide<'a>,
    pub b: PassageSide<'a>,
    pub words: usize,
}

#[derive(Serialize)]
pub struct EventClaims<'a> {
    pub event: &'a str,
    pub claims: Vec<ClaimView>,
}

#[derive(Serialize)]
pub struct EventDifferences<'a> {
    pub event: &'a str,
    pub differences: Vec<Difference>,
}

impl<'a> Views<'a> {
    /// The contents of `dossier.json`.
    pub fn data(&self) -> DataFile<'a> {
        let d: &'a Dossier = self.dossier;
        let a = self.analysis;
        let article = |i: usize| d.articles[i].slug.as_str();
        let actor = |i: usize| d.actors[i].slug.as_str();

        // Groups numbered in order of first appearance, statements only.
        let mut numbers: Vec<Option<usize>> = vec![None; a.quote_groups.len()];
        let mut next = 0;
        let mut quotes = Vec::new();
        for (i, list) in a.quotes.iter().enumerate() {
            for (k, q) in list.iter().enumerate() {
                let group = a.quote_group[i]
                    .get(k)
                    .copied()
                    .filter(|_| q.is_statement());
                let number = group.map(|g| {
                    *numbers[g].get_or_insert_with(|| {
                        next += 1;
                        next - 1
                    })
                });
                quotes.push(QuoteData {
                    text: &q.text,
                    speaker: q.speaker.map(actor),
                    certain: !q.uncertain(),
                    candidates: q.candidates.iter().map(|&c| actor(c)).collect(),
                    rule: q.rule.name(),
                    kind: q.kind,
                    article: article(i),
                    paragraph: q.paragraph,
                    group: number,
                });
            }
        }

        let mut mentions = Vec::new();
        for (i, list) in a.mentions.iter().enumerate() {
            // (actor, paragraph) → count, in order of first mention.
            let mut at: std::collections::HashMap<(usize, usize), usize> =
                std::collections::HashMap::new();
            let mut counted: Vec<(usize, usize, usize)> = Vec::new();
            for m in list {
                match at.get(&(m.actor, m.paragraph)) {
                    Some(&k) => counted[k].2 += 1,
                    None => {
                        at.insert((m.actor, m.paragraph), counted.len());
                        counted.push((m.actor, m.paragraph, 1));
                    }
                }
            }
            mentions.extend(counted.into_iter().map(|(x, p, n)| MentionData {
                actor: actor(x),
                article: article(i),
                paragraph: p,
                count: n,
            }));
        }

        let dates = a
            .dates
            .iter()
            .enumerate()
            .flat_map(|(i, list)| {
                list.iter().map(move |found| DateData {
                    text: &found.text,
                    article: article(i),
                    paragraph: found.paragraph,
                    date: &found.date,
                    relative: found.relative,
                    event: found.event.map(|e| d.events[e].slug.as_str()),
                })
            })
            .collect();

        let passages = a
            .passage_pairs
            .iter()
            .flat_map(|o| o.passages.iter())
            .map(|p| PassageData {
                a: PassageSide {
                    article: article(p.a.article),
                    from: p.a.from,
                    to: p.a.to,
                },
                b: PassageSide {
                    article: article(p.b.article),
                    from: p.b.from,
                    to: p.b.to,
                },
                words: p.words(),
            })
            .collect();

        let compared: Vec<_> = d.events.iter().filter(|e| self.is_compared(e)).collect();
        let claims = d
            .events
            .iter()
            .filter(|e| !e.claims.is_empty())
            .map(|e| EventClaims {
                event: &e.slug,
                claims: self.event_claims(e),
            })
            .collect();
        let differences = compared
            .iter()
            .map(|e| EventDifferences {
                event: &e.slug,
                differences: self.event_differences(e),
            })
            .filter(|e| !e.differences.is_empty())
            .collect();

        DataFile {
            dossier: d,
            analysis: AnalysisData {
                quotes,
                mentions,
                dates,
                passages,
                claims,
                differences,
            },
        }
    }
}
