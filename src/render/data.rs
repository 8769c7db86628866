//! `dossier.json`: the resolved dossier and what the analysis found in it, for analysts'
//! own tools. Documented field by field in `docs/data.md`; `docs/dossier.schema.json` is its
//! JSON Schema.

use serde::Serialize;

use super::compare::Difference;
use super::context::{ClaimView, Views};
use crate::analyse::quotes::Quote;
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
    pub quotes: Stream<'a, QuoteData<'a>>,
    pub mentions: Stream<'a, MentionData<'a>>,
    pub dates: Stream<'a, DateData<'a>>,
    pub passages: Stream<'a, PassageData<'a>>,
    pub claims: Stream<'a, EventClaims<'a>>,
    pub differences: Stream<'a, EventDifferences<'a>>,
}

/// A list written as it is made: each item is made, serialised and let go in turn, so that the
/// largest file of a site never has its lists in memory whole. Written once.
pub struct Stream<'a, T>(std::cell::RefCell<Option<Box<dyn Iterator<Item = T> + 'a>>>);

impl<'a, T> Stream<'a, T> {
    fn of(items: impl Iterator<Item = T> + 'a) -> Self {
        Stream(std::cell::RefCell::new(Some(Box::new(items))))
    }
}

impl<T: Serialize> Serialize for Stream<'_, T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let items = self
            .0
            .borrow_mut()
            .take()
            .ok_or_else(|| serde::ser::Error::custom("a stream is written once"))?;
        serializer.collect_seq(items)
    }
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
    /// The other date the words may mean when they do not tell which.
    pub other: Option<&'a PartialDate>,
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
    pub fn data(&self) -> DataFile<'_> {
        let d: &'a Dossier = self.dossier;
        let a = self.analysis;
        let article = move |i: usize| -> &'a str { d.articles[i].slug.as_str() };
        let actor = move |i: usize| -> &'a str { d.actors[i].slug.as_str() };

        // Groups numbered in order of first appearance, statements only.
        let group_of = move |i: usize, k: usize, q: &Quote| -> Option<usize> {
            a.quote_group[i]
                .get(k)
                .copied()
                .filter(|_| q.is_statement())
        };
        let mut numbers: Vec<Option<usize>> = vec![None; a.quote_groups.len()];
        let mut next = 0;
        for (i, list) in a.quotes.iter().enumerate() {
            for (k, q) in list.iter().enumerate() {
                if let Some(g) = group_of(i, k, q) {
                    numbers[g].get_or_insert_with(|| {
                        next += 1;
                        next - 1
                    });
                }
            }
        }
        let numbers = std::rc::Rc::new(numbers);
        let quotes = a.quotes.iter().enumerate().flat_map(move |(i, list)| {
            let numbers = numbers.clone();
            list.iter().enumerate().map(move |(k, q)| QuoteData {
                text: &q.text,
                speaker: q.speaker.map(actor),
                certain: !q.uncertain(),
                candidates: q.candidates.iter().map(|&c| actor(c)).collect(),
                rule: q.rule.name(),
                kind: q.kind,
                article: article(i),
                paragraph: q.paragraph,
                group: group_of(i, k, q).and_then(|g| numbers[g]),
            })
        });

        let mentions = a.mentions.iter().enumerate().flat_map(move |(i, list)| {
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
            counted.into_iter().map(move |(x, p, n)| MentionData {
                actor: actor(x),
                article: article(i),
                paragraph: p,
                count: n,
            })
        });

        let dates = a.dates.iter().enumerate().flat_map(move |(i, list)| {
            list.iter().map(move |found| DateData {
                text: &found.text,
                article: article(i),
                paragraph: found.paragraph,
                date: &found.date,
                relative: found.relative,
                other: found.other.as_ref(),
                event: found.event.map(|e| d.events[e].slug.as_str()),
            })
        });

        let passages = a
            .passage_pairs
            .iter()
            .flat_map(|o| o.passages.iter())
            .map(move |p| PassageData {
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
            });

        let views = self;
        let claims = d
            .events
            .iter()
            .filter(|e| !e.claims.is_empty())
            .map(move |e| EventClaims {
                event: &e.slug,
                claims: views.event_claims(e),
            });
        let differences = d
            .events
            .iter()
            .filter(move |e| views.is_compared(e))
            .map(move |e| EventDifferences {
                event: &e.slug,
                differences: views.event_differences(e),
            })
            .filter(|e| !e.differences.is_empty());

        DataFile {
            dossier: d,
            analysis: AnalysisData {
                quotes: Stream::of(quotes),
                mentions: Stream::of(mentions),
                dates: Stream::of(dates),
                passages: Stream::of(passages),
                claims: Stream::of(claims),
                differences: Stream::of(differences),
            },
        }
    }
}
