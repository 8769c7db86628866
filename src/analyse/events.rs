//! What the analysis says about each event, for its pages: its claims read as values and
//! compared, and, for an event that two outlets or more report, how their articles compare
//! (the quotes they share and the ones only one carries, their quoted terms, the passages
//! they share, the figures and dates they state differently). Computed once per build, so
//! that rendering only reads facts.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use super::passages::{SharedPassage, Side, Words};
use super::quantities::{self, Quantity};
use super::quotes::normalise;
use super::values::{self, Agreement, Value};
use super::{Analysis, QuoteGroup};
use crate::model::{Dossier, Event};

/// Shared passages shown on a comparison page, the longest first.
pub const MAX_PASSAGES: usize = 40;
/// At most this many detected figure differences for an event: the largest ones.
const MAX_FIGURE_DIFFERENCES: usize = 4;
/// Dates that agree with the event's, listed beside those that do not.
const MAX_AGREEING_DATES: usize = 6;

/// The facts of one event.
#[derive(Debug, Clone, PartialEq)]
pub struct EventFacts {
    /// The articles that report it, each once, in the order of its reports.
    pub articles: Vec<usize>,
    /// Per claim of the event, per article of `articles`: what the article reports, read as
    /// a value, when it reports the claim.
    pub claims: Vec<Vec<Option<ClaimValue>>>,
    /// Its independent sources: one article of each, in the order of its reports, the
    /// originals first (see [`independent`]).
    pub sources: Vec<usize>,
    /// How the articles compare, when two independent sources or more report the event (the
    /// events that get a comparison page): a story and its copies are one source, whatever
    /// names the copies bear.
    pub comparison: Option<Comparison>,
}

/// One article's value for a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimValue {
    /// The words read as a figure, vague amount, date (resolved from the article's
    /// publication) or text.
    pub value: Value,
    /// It disagrees beyond the precision written with the value of another story published
    /// the same day, with more stories than agree with it (of any day; a story and its copies
    /// are one voice): with two values that disagree both are marked; with three, only the
    /// one the other two contradict. Values of different days are not set against each
    /// other: a toll or a count may have been updated between them.
    pub disagrees: bool,
    /// It differs beyond the precision written from values published on an earlier day and
    /// agrees with none of them (a value that also agrees with one it differs from takes no
    /// side), and does not disagree (`disagrees` is false): a later report's new figure,
    /// perhaps an update. A value that repeats an earlier one is not marked.
    pub later: bool,
}

/// What the articles of an event reported by two outlets or more share and where they differ.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Statements carried by two independent sources or more (a story and its copies are
    /// one), as quote groups restricted to the event's articles, the most carried first.
    pub shared_quotes: Vec<QuoteGroup>,
    /// Statements one source alone carries, per source, in order of first appearance.
    pub unique_quotes: Vec<SourceQuotes>,
    /// The words each source puts in quotation marks without reporting speech.
    pub terms: Vec<SourceTerms>,
    /// Indices into [`Analysis::passage_pairs`] of the pairs of its articles that share
    /// passages, but for two copies of a story whose original is here too (each is set
    /// against the original).
    pub passage_pairs: Vec<usize>,
    /// The longest passages these pairs share, at most [`MAX_PASSAGES`].
    pub passages: Vec<ShownPassage>,
    /// How many passages they share in all.
    pub passages_total: usize,
    /// Figures of two outlets for the same thing that differ (the largest first, real
    /// disagreements before a vague amount against an exact one), then the dates that speak
    /// of the event with another date.
    pub differences: Vec<Difference>,
}

/// The statements of one source that no other source of the event carries.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceQuotes {
    /// A source slug.
    pub source: String,
    pub groups: Vec<QuoteGroup>,
}

/// The quoted terms of one source's articles about an event, each wording once.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceTerms {
    /// A source slug.
    pub source: String,
    /// `(article, index into its quotes)` of each term, in reading order.
    pub terms: Vec<(usize, usize)>,
}

/// A shared passage as a comparison page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ShownPassage {
    /// Its length in words.
    pub words: usize,
    pub a: PassageSpans,
    pub b: PassageSpans,
}

/// Where one side of a shown passage stands in its article's text.
#[derive(Debug, Clone, PartialEq)]
pub struct PassageSpans {
    pub article: usize,
    /// `(paragraph, byte start, byte end)` of each paragraph the passage spans.
    pub spans: Vec<(usize, usize, usize)>,
}

/// A figure or date that outlets state differently, as a suggestion for the analyst.
#[derive(Debug, Clone, PartialEq)]
pub enum Difference {
    /// Two outlets' figures for the same thing (same unit and head noun) that disagree beyond
    /// the precision written, or a vague amount against an exact one (`vague`, not a
    /// disagreement).
    Figure {
        /// What they measure: "hour", "percent of vote".
        thing: String,
        vague: bool,
        /// Their articles are not known to be of one day (both `published` the same day): a
        /// later figure may update an earlier one (a toll that rose), so they are not a
        /// disagreement either.
        apart: bool,
        a: FigureAt,
        b: FigureAt,
    },
    /// Words that speak of the event with another date, then (at most
    /// [`MAX_AGREEING_DATES`]) words that give its date; each story's words once. The words with another date are in two lists: `differ`, of outlets that
    /// nowhere give the event's date, and `differ_within`, of outlets whose articles also give
    /// it: such an outlet contradicts itself, not the other outlets.
    Date {
        differ: Vec<DateAt>,
        differ_within: Vec<DateAt>,
        agree: Vec<DateAt>,
    },
}

/// Words that date an event in one article, standing for the copies of its story that say
/// the same (a story's words are listed once: [`super::copies::once_per_story`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateAt {
    pub article: usize,
    /// Index into the article's dates.
    pub index: usize,
    /// Other articles of its story that say the same.
    pub copies: usize,
}

/// A figure as one article states it: the article, the paragraph (1-based) and the words.
/// (Held whole, not as an index into the article's quantities, which a build lets go once the
/// events' facts are found: [`crate::analyse::Analysis::release_quantities`].)
#[derive(Debug, Clone, PartialEq)]
pub struct FigureAt {
    pub article: usize,
    pub paragraph: usize,
    pub text: String,
}

/// The facts of every event, indexed like the dossier's events.
pub fn find_all(dossier: &Dossier, analysis: &Analysis) -> Vec<EventFacts> {
    (0..dossier.events.len())
        .into_par_iter()
        .map(|e| of_event(dossier, analysis, e))
        .collect()
}

/// The facts of event `index`, from the facts of its articles already in `analysis`.
pub fn of_event(dossier: &Dossier, analysis: &Analysis, index: usize) -> EventFacts {
    let event = &dossier.events[index];
    let articles = reporting(dossier, event);
    let claims = claims(dossier, analysis, event, &articles);
    let sources = independent(dossier, analysis, &articles);
    let comparison = (sources.len() >= 2).then(|| compare(dossier, analysis, event, &articles));
    EventFacts {
        articles,
        claims,
        sources,
        comparison,
    }
}

/// The articles through which the independent sources of `articles` (an event's, in the
/// order of its reports) are counted: of each story, its original when it is one of them,
/// else its first article not known to be a copy, else its first; of these, the originals
/// first, one per source (a copy whose story is not here is credited to its source). A story
/// and its copies are one source, whatever names the copies bear; so are two stories of one
/// outlet.
fn independent(dossier: &Dossier, analysis: &Analysis, articles: &[usize]) -> Vec<usize> {
    let mut stories: Vec<usize> = Vec::new();
    for &i in articles {
        if !stories.contains(&analysis.original[i]) {
            stories.push(analysis.original[i]);
        }
    }
    let mut stands: Vec<usize> = stories
        .iter()
        .map(|&story| {
            let mut of_story = articles
                .iter()
                .copied()
                .filter(|&i| analysis.original[i] == story);
            if articles.contains(&story) {
                return story;
            }
            let first = of_story.next().expect("a story of these articles");
            std::iter::once(first)
                .chain(of_story)
                .find(|&i| !analysis.is_copy(i))
                .unwrap_or(first)
        })
        .collect();
    stands.sort_by_key(|&i| analysis.is_copy(i));
    let mut out: Vec<usize> = Vec::new();
    for i in stands {
        let source = &dossier.articles[i].source;
        if !out.iter().any(|&o| dossier.articles[o].source == *source) {
            out.push(i);
        }
    }
    out
}

/// The articles (indices) that report `event`, each once, however many of its paragraphs the
/// event cites, in the order of its reports (oldest first).
fn reporting(dossier: &Dossier, event: &Event) -> Vec<usize> {
    let mut articles: Vec<usize> = Vec::new();
    for r in &event.reports {
        if let Some(i) = dossier.article_index(&r.article) {
            if !articles.contains(&i) {
                articles.push(i);
            }
        }
    }
    articles
}

/// Each claim's values, one per article of `articles`: read as a quantity, bound, date or
/// text, dates resolved from the article's publication, and marked where they disagree.
fn claims(
    dossier: &Dossier,
    analysis: &Analysis,
    event: &Event,
    articles: &[usize],
) -> Vec<Vec<Option<ClaimValue>>> {
    event
        .claims
        .iter()
        .map(|claim| {
            let voices: Vec<Option<Voice>> = articles
                .iter()
                .map(|&i| {
                    let article = &dossier.articles[i];
                    claim
                        .reports
                        .iter()
                        .find(|(a, _)| *a == article.slug)
                        .map(|(_, text)| Voice {
                            value: values::parse(text, Some(&article.published)),
                            story: analysis.original[i],
                            day: article.published.naive_date(),
                        })
                })
                .collect();
            let marks = marks(&voices);
            voices
                .into_iter()
                .zip(marks)
                .map(|(voice, mark)| {
                    voice.map(|voice| ClaimValue {
                        value: voice.value,
                        disagrees: mark.disagrees,
                        later: mark.later,
                    })
                })
                .collect()
        })
        .collect()
}

/// A claim value as the vote of [`marks`] counts it.
#[derive(Debug)]
struct Voice {
    value: Value,
    /// The article that stands for the story of the value's article
    /// ([`Analysis::original`]): a story and its copies are one voice.
    story: usize,
    /// The day its article was published, when `published` gives it.
    day: Option<chrono::NaiveDate>,
}

/// How a claim's value is marked: [`ClaimValue::disagrees`], [`ClaimValue::later`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mark {
    disagrees: bool,
    later: bool,
}

/// How to mark each of a claim's values: as disagreeing when it disagrees beyond the
/// precision written with the value of another story published the same day (two bounds the
/// same way, "at least 9" and "at least 12", both may be true: neither disagrees), with more
/// stories than agree with it (a story and its copies are one voice, a voice does not
/// disagree with itself, and a value that also agrees with one it disagrees with, as "at
/// least 9" with both 12 and "nine", takes no side); as later when it differs from values
/// published on an earlier day and agrees with none of them. Values of different days, or of
/// a day `published` does not give, are not set against each other: a later one may be an
/// update.
fn marks(voices: &[Option<Voice>]) -> Vec<Mark> {
    let n = voices.len();
    // How each two values compare, once.
    let mut agreement = vec![Agreement::Unsure; n * n];
    for (k, a) in voices.iter().enumerate() {
        for (j, b) in voices.iter().enumerate().skip(k + 1) {
            if let (Some(a), Some(b)) = (a, b) {
                let found = values::compare(&a.value, &b.value);
                agreement[k * n + j] = found;
                agreement[j * n + k] = found;
            }
        }
    }
    let others = |k: usize| {
        voices
            .iter()
            .enumerate()
            .filter(move |(j, _)| *j != k)
            .filter_map(|(j, o)| Some((j, o.as_ref()?)))
    };
    voices
        .iter()
        .enumerate()
        .map(|(k, voice)| {
            let Some(voice) = voice else {
                return Mark {
                    disagrees: false,
                    later: false,
                };
            };
            // The values it disagrees with: another story's of the same day, that cannot be
            // true with it (not a bound the same way as its own).
            let against: Vec<usize> = others(k)
                .filter(|(j, o)| {
                    agreement[k * n + j] == Agreement::Differ
                        && !values::bounds_the_same_way(&voice.value, &o.value)
                        && o.story != voice.story
                        && o.day.is_some()
                        && o.day == voice.day
                })
                .map(|(j, _)| j)
                .collect();
            // A new figure: it differs from values published before it and agrees with none
            // of them (but those that also agree with one it differs from, which take no side).
            let before = |o: &Voice| matches!((o.day, voice.day), (Some(a), Some(b)) if a < b);
            let changed: Vec<usize> = others(k)
                .filter(|(j, o)| agreement[k * n + j] == Agreement::Differ && before(o))
                .map(|(j, _)| j)
                .collect();
            let later = !changed.is_empty()
                && !others(k).any(|(j, o)| {
                    agreement[k * n + j] == Agreement::Agree
                        && before(o)
                        && !changed
                            .iter()
                            .any(|&x| agreement[j * n + x] == Agreement::Agree)
                });
            let mut agree: Vec<usize> = others(k)
                .filter(|(j, o)| {
                    agreement[k * n + j] == Agreement::Agree
                        && o.story != voice.story
                        && !against
                            .iter()
                            .any(|&x| agreement[j * n + x] == Agreement::Agree)
                })
                .map(|(_, o)| o.story)
                .collect();
            let mut differ: Vec<usize> = against
                .iter()
                .filter_map(|&j| voices[j].as_ref())
                .map(|o| o.story)
                .collect();
            agree.sort_unstable();
            agree.dedup();
            differ.sort_unstable();
            differ.dedup();
            // A story whose articles both agree and differ (an update) is no voice against.
            differ.retain(|s| agree.binary_search(s).is_err());
            let disagrees = !differ.is_empty() && differ.len() > agree.len();
            Mark {
                disagrees,
                later: later && !disagrees,
            }
        })
        .collect()
}

/// How the articles of `event` compare.
fn compare(
    dossier: &Dossier,
    analysis: &Analysis,
    event: &Event,
    articles: &[usize],
) -> Comparison {
    let (shared_quotes, unique_quotes) = quotes(dossier, analysis, articles);
    let (pairs, passages, passages_total) = passages(dossier, analysis, articles);
    Comparison {
        shared_quotes,
        unique_quotes,
        terms: terms(dossier, analysis, articles),
        passage_pairs: pairs,
        passages,
        passages_total,
        differences: differences(dossier, analysis, event, articles),
    }
}

/// The statement groups of `articles`, restricted to them: those carried by several
/// independent sources (the most carried first), and per source those it alone carries.
fn quotes(
    dossier: &Dossier,
    analysis: &Analysis,
    articles: &[usize],
) -> (Vec<QuoteGroup>, Vec<SourceQuotes>) {
    let mut shared: Vec<QuoteGroup> = Vec::new();
    let mut unique: Vec<SourceQuotes> = Vec::new();
    // Only the groups of this event's articles, through the per-article indices.
    let mut group_ids: Vec<usize> = articles
        .iter()
        .flat_map(|&i| analysis.quote_group[i].iter().copied())
        .collect();
    group_ids.sort_unstable();
    group_ids.dedup();
    for group in group_ids
        .iter()
        .map(|&g| &analysis.quote_groups[g])
        .filter(|g| g.is_statement())
    {
        let members: Vec<(usize, usize)> = group
            .members
            .iter()
            .copied()
            .filter(|(art, _)| articles.contains(art))
            .collect();
        let Some(&first) = members.first() else {
            continue;
        };
        // Carried by several independent sources: a story and its copies are one, but a
        // copy's own paragraph is its outlet's.
        let mut distinct: Vec<&str> = members
            .iter()
            .map(|&(art, k)| analysis.quote_outlet(dossier, art, k))
            .collect();
        distinct.sort_unstable();
        distinct.dedup();
        let local = QuoteGroup {
            main: if members.contains(&group.main) {
                group.main
            } else {
                first
            },
            members,
            speaker: group.speaker,
            kind: group.kind,
        };
        if distinct.len() >= 2 {
            shared.push(local);
        } else {
            let source = distinct[0];
            match unique.iter_mut().find(|u| u.source == source) {
                Some(u) => u.groups.push(local),
                None => unique.push(SourceQuotes {
                    source: source.to_owned(),
                    groups: vec![local],
                }),
            }
        }
    }
    shared.sort_by_key(|g| std::cmp::Reverse(g.members.len()));
    (shared, unique)
}

/// The quoted terms of `articles`, per source, the same words (once normalised) once.
fn terms(dossier: &Dossier, analysis: &Analysis, articles: &[usize]) -> Vec<SourceTerms> {
    let mut terms: Vec<SourceTerms> = Vec::new();
    // Per source: the normalised words of the terms listed.
    let mut keys: Vec<Vec<String>> = Vec::new();
    for &i in articles {
        for (k, quote) in analysis.quotes[i].iter().enumerate() {
            if quote.is_statement() {
                continue;
            }
            let source = analysis.quote_outlet(dossier, i, k);
            let slot = match terms.iter().position(|t| t.source == source) {
                Some(slot) => slot,
                None => {
                    terms.push(SourceTerms {
                        source: source.to_owned(),
                        terms: Vec::new(),
                    });
                    keys.push(Vec::new());
                    terms.len() - 1
                }
            };
            let key = normalise(&quote.text);
            if !keys[slot].contains(&key) {
                // Listed without the stop it was quoted with.
                keys[slot].push(normalise(quote.text.trim_end_matches([',', '.'])));
                terms[slot].terms.push((i, k));
            }
        }
    }
    terms
}

/// The pairs of `articles` that share passages (indices into `Analysis::passage_pairs`), the
/// longest of their passages with where each side stands, and how many there are in all.
fn passages(
    dossier: &Dossier,
    analysis: &Analysis,
    articles: &[usize],
) -> (Vec<usize>, Vec<ShownPassage>, usize) {
    let mut pairs: Vec<usize> = articles
        .iter()
        .flat_map(|&i| analysis.article_pairs[i].iter().copied())
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    // Two copies of one story share what each shares with their original: with the original
    // here, each copy is set against it alone, not against the other copies as well (with
    // four copies, four pairs instead of ten, each showing the same text again).
    let story_here = |i: usize| {
        analysis.copy[i] && analysis.original[i] != i && articles.contains(&analysis.original[i])
    };
    pairs.retain(|&o| {
        let pair = &analysis.passage_pairs[o];
        articles.contains(&pair.a)
            && articles.contains(&pair.b)
            && !(story_here(pair.a)
                && story_here(pair.b)
                && analysis.original[pair.a] == analysis.original[pair.b])
    });
    let mut found: Vec<&SharedPassage> = pairs
        .iter()
        .flat_map(|&o| analysis.passage_pairs[o].passages.iter())
        .collect();
    found.sort_by_key(|p| (std::cmp::Reverse(p.words()), p.a.article, p.a.from));
    let total = found.len();
    // The words' positions of the articles whose passages are shown, read again here: the
    // analysis keeps no article's word positions.
    let mut words: HashMap<usize, Words> = HashMap::new();
    let mut spans = |side: &Side| PassageSpans {
        article: side.article,
        spans: words
            .entry(side.article)
            .or_insert_with(|| Words::of(&dossier.articles[side.article].paragraphs))
            .spans(side),
    };
    let shown = found
        .into_iter()
        .take(MAX_PASSAGES)
        .map(|p| ShownPassage {
            words: p.words(),
            a: spans(&p.a),
            b: spans(&p.b),
        })
        .collect();
    (pairs, shown, total)
}

/// Figures that differ between outlets for the same thing, and dates that differ from the
/// event's.
fn differences(
    dossier: &Dossier,
    analysis: &Analysis,
    event: &Event,
    articles: &[usize],
) -> Vec<Difference> {
    let d = dossier;
    let a = analysis;
    let mut out: Vec<Difference> = Vec::new();
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
    let mut seen: HashSet<(String, String)> = HashSet::new();
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
                    let apart = !matches!(
                        (
                            d.articles[i].published.naive_date(),
                            d.articles[j].published.naive_date()
                        ),
                        (Some(x), Some(y)) if x == y
                    );
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
                        vague || apart,
                        Difference::Figure {
                            thing,
                            vague,
                            apart,
                            a: FigureAt {
                                article: i,
                                paragraph: q.paragraph,
                                text: q.text.clone(),
                            },
                            b: FigureAt {
                                article: j,
                                paragraph: r.paragraph,
                                text: r.text.clone(),
                            },
                        },
                    ));
                }
            }
        }
    }
    // Real disagreements first, the largest first; then vague against exact, and figures of
    // different days.
    pairs.sort_by(|a, b| a.1.cmp(&b.1).then(b.0.total_cmp(&a.0)));
    out.extend(
        pairs
            .into_iter()
            .map(|(_, _, d)| d)
            .take(MAX_FIGURE_DIFFERENCES),
    );
    // Dates: words that speak of this event with another date.
    let event_index = d.event_index(&event.slug);
    let mut differ: Vec<(usize, usize)> = Vec::new();
    let mut agree: Vec<(usize, usize)> = Vec::new();
    // Each article's words once: the same date is not listed three times.
    let mut listed: Vec<(usize, String)> = Vec::new();
    for &i in articles {
        for (k, found) in a.dates[i].iter().enumerate() {
            let key = (i, found.text.to_lowercase());
            if listed.contains(&key) {
                continue;
            }
            listed.push(key);
            if found.contradicts.is_some() && found.contradicts == event_index {
                differ.push((i, k));
            } else if found.event.is_some() && found.event == event_index {
                agree.push((i, k));
            }
        }
    }
    // Each story's words once: a wire story and its reprints are one voice.
    let once = |dates: Vec<(usize, usize)>| -> Vec<DateAt> {
        let said: Vec<Option<(usize, usize, String)>> = dates
            .iter()
            .map(|&(i, k)| {
                let found = &a.dates[i][k];
                let words = format!("{} {}", found.text.to_lowercase(), found.date);
                Some((a.original[i], i, words))
            })
            .collect();
        dates
            .iter()
            .zip(super::copies::once_per_story(&said))
            .filter_map(|(&(article, index), copies)| {
                Some(DateAt {
                    article,
                    index,
                    copies: copies?,
                })
            })
            .collect()
    };
    // An outlet that gives the event's date somewhere does not disagree with the others.
    let agreeing: HashSet<&str> = agree
        .iter()
        .map(|&(i, _)| d.articles[i].source.as_str())
        .collect();
    let (differ, mut agree) = (once(differ), once(agree));
    let (differ_within, differ): (Vec<_>, Vec<_>) = differ
        .into_iter()
        .partition(|x| agreeing.contains(d.articles[x.article].source.as_str()));
    agree.truncate(MAX_AGREEING_DATES);
    if !differ.is_empty() || !differ_within.is_empty() {
        out.push(Difference::Date {
            differ,
            differ_within,
            agree,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::RawDocument;
    use crate::model;

    /// The marks of claim values written as `texts` (`None`: the article does not report it),
    /// each article its own story.
    fn marks_of(texts: &[Option<&str>]) -> Vec<bool> {
        let stories: Vec<usize> = (0..texts.len()).collect();
        marks_of_stories(texts, &stories)
    }

    /// The marks of claim values written as `texts`, the article of each `texts[k]` of the
    /// story `stories[k]`, all published the same day.
    fn marks_of_stories(texts: &[Option<&str>], stories: &[usize]) -> Vec<bool> {
        let days = vec!["2033-06-14"; texts.len()];
        dated_marks(texts, stories, &days)
            .into_iter()
            .map(|m| m.disagrees)
            .collect()
    }

    /// The marks of claim values written as `texts`, of the stories `stories`, published on
    /// `days` (`2033-06-14`, or coarser).
    fn dated_marks(texts: &[Option<&str>], stories: &[usize], days: &[&str]) -> Vec<Mark> {
        let voices: Vec<Option<Voice>> = texts
            .iter()
            .zip(stories.iter().zip(days))
            .map(|(t, (&story, day))| {
                let published = model::PartialDate::parse(day).expect("a date");
                t.map(|t| Voice {
                    value: values::parse(t, Some(&published)),
                    story,
                    day: published.naive_date(),
                })
            })
            .collect();
        marks(&voices)
    }

    #[test]
    fn a_value_that_agrees_with_both_sides_takes_no_side() {
        // "at least 9" admits both 12 and nine, which contradict each other.
        assert_eq!(
            marks_of(&[
                Some("12 boats"),
                Some("nine boats"),
                Some("at least 9 boats")
            ]),
            [true, true, false]
        );
        // It still sides with 12 against six, which it does not admit.
        assert_eq!(
            marks_of(&[
                Some("12 boats"),
                Some("six boats"),
                Some("at least 9 boats")
            ]),
            [false, true, false]
        );
    }

    #[test]
    fn a_round_figure_about_far_from_the_others_is_marked() {
        // An invented reservoir spill, four outlets the same day: the bound admits all but
        // takes no side.
        assert_eq!(
            marks_of(&[
                Some("about 2 million litres"),
                Some("about 1.2 million litres"),
                Some("1,200,000 litres"),
                Some("more than a million litres"),
            ]),
            [true, false, false, false]
        );
    }

    #[test]
    fn values_of_different_days_are_not_set_against_each_other() {
        // An invented landslide's toll: four outlets the first day, two the next.
        let texts = [
            Some("nine"),
            Some("at least 9"),
            Some("Nine people"),
            Some("six"),
            Some("eleven"),
            Some("at least eleven people"),
        ];
        let days = [
            "2033-06-14",
            "2033-06-14",
            "2033-06-14",
            "2033-06-14",
            "2033-06-15",
            "2033-06-15",
        ];
        let marks = dated_marks(&texts, &[0, 1, 2, 3, 4, 5], &days);
        let disagrees: Vec<bool> = marks.iter().map(|m| m.disagrees).collect();
        let later: Vec<bool> = marks.iter().map(|m| m.later).collect();
        // Only "six" differs from its own day; the elevens are later than the nines.
        assert_eq!(disagrees, [false, false, false, true, false, false]);
        assert_eq!(later, [false, false, false, false, true, true]);
        // Two values of different days alone: neither disagrees.
        let two = dated_marks(&[Some("nine"), Some("eleven")], &[0, 1], &days[3..5]);
        assert_eq!(
            two,
            [
                Mark {
                    disagrees: false,
                    later: false
                },
                Mark {
                    disagrees: false,
                    later: true
                }
            ]
        );
        // A later value that repeats an earlier one is no new figure: only "nine" is.
        let back = dated_marks(
            &[Some("twelve"), Some("nine"), Some("12"), Some("twelve")],
            &[0, 1, 2, 3],
            &["2033-06-14", "2033-06-15", "2033-06-16", "2033-06-17"],
        );
        let later: Vec<bool> = back.iter().map(|m| m.later).collect();
        assert_eq!(later, [false, true, false, false]);
        assert!(back.iter().all(|m| !m.disagrees));
        // A day `published` does not give may be either: not set against the other.
        let month = dated_marks(
            &[Some("nine"), Some("eleven")],
            &[0, 1],
            &["2033-06", "2033-06-14"],
        );
        assert!(month.iter().all(|m| !m.disagrees && !m.later), "{month:?}");
    }

    #[test]
    fn a_story_and_its_copies_are_one_voice() {
        // An invented ferry count: a wire story (0) and two copies of it (1, 2) give 23,
        // another outlet 23 too, and a third 31.
        let texts = [
            Some("23 ferries"),
            Some("23 ferries"),
            Some("23 ferries"),
            Some("31 ferries"),
        ];
        // Three articles of one story against one: still one voice against one.
        assert_eq!(
            marks_of_stories(&texts, &[0, 0, 0, 3]),
            [true, true, true, true]
        );
        let mut four = texts.to_vec();
        four.push(Some("twenty-three ferries"));
        assert_eq!(
            marks_of_stories(&four, &[0, 0, 0, 3, 4]),
            [false, false, false, true, false]
        );
        // A story updated by its own copy does not disagree with itself.
        assert_eq!(
            marks_of_stories(&[Some("23 ferries"), Some("25 ferries")], &[0, 0]),
            [false, false]
        );
    }

    #[test]
    fn bounds_the_same_way_contradict_nothing() {
        // "at least nine" and "at least 12" can both be true: only nine, which 12 and "at
        // least 12" rule out, is marked ("at least nine" admits nine: it takes no side).
        assert_eq!(
            marks_of(&[
                Some("at least 12"),
                Some("nine"),
                Some("twelve"),
                Some("at least nine")
            ]),
            [false, true, false, false]
        );
        assert_eq!(
            marks_of(&[Some("fewer than 40 ships"), Some("under 25 ships")]),
            [false, false]
        );
        // Opposite bounds that nothing satisfies both still disagree.
        assert_eq!(
            marks_of(&[Some("more than 40 ships"), Some("fewer than 25 ships")]),
            [true, true]
        );
        // A bound the same way the next day is still a later report's new figure.
        let later = dated_marks(
            &[Some("at least 9 dead"), Some("at least 14 dead")],
            &[0, 1],
            &["2033-06-14", "2033-06-15"],
        );
        assert!(!later[0].later && later[1].later && !later[1].disagrees);
    }

    #[test]
    fn two_values_that_disagree_are_both_marked_of_three_only_the_odd_one() {
        assert_eq!(marks_of(&[Some("48.71%"), Some("48.6%")]), [true, true]);
        assert_eq!(
            marks_of(&[Some("48.71%"), Some("48.71 per cent"), Some("48.6%")]),
            [false, false, true]
        );
        assert_eq!(
            marks_of(&[Some("48.71 percent"), None, Some("48.7 per cent")]),
            [false, false, false]
        );
        assert_eq!(
            marks_of(&[Some("several hours"), Some("six hours")]),
            [false, false]
        );
    }

    /// An invented event reported by three outlets: its comparison, read from the analysis.
    fn invented(articles: &[(&str, &str, &str)]) -> (tempfile::TempDir, crate::Site) {
        let dated: Vec<(&str, &str, &str, &str)> = articles
            .iter()
            .map(|&(slug, source, body)| (slug, source, "2033-06-14", body))
            .collect();
        invented_on(&dated)
    }

    /// The invented event, each article `(slug, source, published, body)`.
    fn invented_on(articles: &[(&str, &str, &str, &str)]) -> (tempfile::TempDir, crate::Site) {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut files = vec![
            (
                "site.toml".to_owned(),
                "title = \"Canal levy\"\nbase_url = \"https://example.org/\"\n".to_owned(),
            ),
            (
                "content/actors/ines-halvorsen.md".to_owned(),
                "---\nname: Ines Halvorsen\naliases: [Halvorsen]\nkind: person\n---\n".to_owned(),
            ),
            (
                "content/events/levy-talks.md".to_owned(),
                "---\ntitle: Levy talks in Marrowgate\ndate: 2033-06-14\n---\n".to_owned(),
            ),
        ];
        for (slug, source, published, body) in articles {
            files.push((
                format!("content/sources/{source}.md"),
                format!("---\nname: {source}\nkind: newspaper\n---\n"),
            ));
            files.push((
                format!("content/articles/{slug}.md"),
                format!("---\ntitle: {slug}\nsource: {source}\npublished: {published}\nevents: [levy-talks]\n---\n\n{body}\n"),
            ));
        }
        for (rel, text) in files {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let site = crate::Site::load(dir.path(), &crate::LoadOptions::default())
            .expect("the dossier loads");
        (dir, site)
    }

    /// The figure differences of the invented event: (thing, vague or of different days) for
    /// each.
    fn figure_differences(site: &crate::Site) -> Vec<(String, bool)> {
        let comparison = site.analysis.events[0]
            .comparison
            .as_ref()
            .expect("compared");
        comparison
            .differences
            .iter()
            .filter_map(|d| match d {
                Difference::Figure {
                    thing,
                    vague,
                    apart,
                    ..
                } => Some((thing.clone(), *vague || *apart)),
                Difference::Date { .. } => None,
            })
            .collect()
    }

    #[test]
    fn figures_that_disagree_differ_a_vague_one_is_only_uncertain_and_the_same_figure_agrees() {
        // The north and east outlets' articles about the talks.
        let outlets = |north: &str, east: &str| {
            invented(&[
                ("north-levy", "north-ledger", north),
                ("east-levy", "east-courier", east),
            ])
        };
        let quote = "\"The levy will not pass this summer,\" Halvorsen said.";
        // A length of time is compared only where both name what it measures.
        let (_dir, site) = outlets(
            &format!("Delegates held six hours of talks in Marrowgate.\n\n{quote}"),
            &format!("Delegates held four hours of talks in Marrowgate.\n\n{quote}"),
        );
        assert_eq!(
            figure_differences(&site),
            [("hour of talk".to_owned(), false)]
        );
        // Both outlets carry the quote: one group, carried by both articles.
        let comparison = site.analysis.events[0].comparison.as_ref().unwrap();
        assert_eq!(comparison.shared_quotes.len(), 1);

        let (_dir, site) = outlets(
            "Delegates held six hours of talks in Marrowgate.",
            "Delegates held several hours of talks in Marrowgate.",
        );
        assert_eq!(
            figure_differences(&site),
            [("hour of talk".to_owned(), true)]
        );
        let (_dir, site) = outlets(
            "The talks in Marrowgate lasted six hours.",
            "The talks in Marrowgate lasted four hours.",
        );
        assert_eq!(figure_differences(&site), []);

        let (_dir, site) = outlets(
            "Delegates held six hours of talks in Marrowgate.",
            "After six hours of talks in Marrowgate, the delegates left.",
        );
        assert_eq!(figure_differences(&site), []);
    }

    #[test]
    fn figures_of_different_days_are_listed_but_do_not_disagree() {
        // An invented quay fire: the toll one day, a higher one the next.
        let first = "The blaze on Levy Quay killed five porters.";
        let next = "Seven porters died in the Levy Quay blaze.";
        let (_dir, site) = invented_on(&[
            ("north-quay", "north-ledger", "2033-06-14", first),
            ("east-quay", "east-courier", "2033-06-15", next),
        ]);
        assert_eq!(figure_differences(&site), [("porter".to_owned(), true)]);
        // Of one day, they disagree.
        let (_dir, site) = invented_on(&[
            ("north-quay", "north-ledger", "2033-06-15T09:00:00Z", first),
            ("east-quay", "east-courier", "2033-06-15", next),
        ]);
        assert_eq!(figure_differences(&site), [("porter".to_owned(), false)]);
    }

    #[test]
    fn the_sample_s_comparisons_show_passages_within_their_paragraphs() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (documents, _) = crate::load::load(root);
        let refs: Vec<&RawDocument> = documents.iter().collect();
        let options = model::Options {
            drafts: false,
            smart_punctuation: true,
        };
        let (dossier, _) = model::resolve(&refs, options);
        let (analysis, _) = super::super::analyse(&dossier);
        let mut shown = 0;
        for (event, facts) in dossier.events.iter().zip(&analysis.events) {
            assert_eq!(facts.claims.len(), event.claims.len());
            let Some(comparison) = &facts.comparison else {
                assert!(facts.sources.len() < 2, "{}", event.slug);
                continue;
            };
            assert!(comparison.passages.len() <= MAX_PASSAGES.min(comparison.passages_total));
            for side in comparison.passages.iter().flat_map(|p| [&p.a, &p.b]) {
                assert!(facts.articles.contains(&side.article));
                for &(p, start, end) in &side.spans {
                    let text = &dossier.articles[side.article].paragraphs[p - 1];
                    assert!(start < end && text.get(start..end).is_some(), "{text:?}");
                }
                shown += 1;
            }
            for group in comparison
                .shared_quotes
                .iter()
                .chain(comparison.unique_quotes.iter().flat_map(|u| &u.groups))
            {
                assert!(group.members.contains(&group.main));
                assert!(group.members.iter().all(|m| facts.articles.contains(&m.0)));
            }
        }
        assert!(shown > 0, "the sample shows shared passages");
    }
}
