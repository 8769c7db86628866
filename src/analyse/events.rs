//! What the analysis says about each event, for its pages: its claims read as values and
//! compared. Computed once per build, so that rendering only reads facts.

use rayon::prelude::*;

use super::values::{self, Agreement, Value};
use crate::model::{Dossier, Event};

/// The facts of one event.
#[derive(Debug, Clone, PartialEq)]
pub struct EventFacts {
    /// The articles that report it, each once, in the order of its reports.
    pub articles: Vec<usize>,
    /// Per claim of the event, per article of `articles`: what the article reports, read as
    /// a value, when it reports the claim.
    pub claims: Vec<Vec<Option<ClaimValue>>>,
}

/// One article's value for a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimValue {
    /// The words read as a figure, vague amount, date (resolved from the article's
    /// publication) or text.
    pub value: Value,
    /// It disagrees with another article's value beyond the precision written, more often
    /// than it agrees with the others: with two values that disagree both are marked; with
    /// three, only the one the other two contradict.
    pub disagrees: bool,
}

/// The facts of every event, indexed like the dossier's events.
pub fn find_all(dossier: &Dossier) -> Vec<EventFacts> {
    (0..dossier.events.len())
        .into_par_iter()
        .map(|e| of_event(dossier, e))
        .collect()
}

/// The facts of event `index`.
pub fn of_event(dossier: &Dossier, index: usize) -> EventFacts {
    let event = &dossier.events[index];
    let articles = reporting(dossier, event);
    let claims = claims(dossier, event, &articles);
    EventFacts { articles, claims }
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
fn claims(dossier: &Dossier, event: &Event, articles: &[usize]) -> Vec<Vec<Option<ClaimValue>>> {
    event
        .claims
        .iter()
        .map(|claim| {
            let values: Vec<Option<Value>> = articles
                .iter()
                .map(|&i| {
                    let article = &dossier.articles[i];
                    claim
                        .reports
                        .iter()
                        .find(|(a, _)| *a == article.slug)
                        .map(|(_, text)| values::parse(text, Some(&article.published)))
                })
                .collect();
            let marks: Vec<bool> = values
                .iter()
                .enumerate()
                .map(|(k, v)| v.as_ref().is_some_and(|v| odd_one_out(k, v, &values)))
                .collect();
            values
                .into_iter()
                .zip(marks)
                .map(|(value, disagrees)| value.map(|value| ClaimValue { value, disagrees }))
                .collect()
        })
        .collect()
}

/// Whether claim value `v` (at position `at` of `all`) is one to mark: it disagrees with
/// another beyond the precision written, more often than it agrees with the others.
fn odd_one_out(at: usize, v: &Value, all: &[Option<Value>]) -> bool {
    let (mut agree, mut differ) = (0, 0);
    for (k, other) in all.iter().enumerate() {
        let Some(other) = other else { continue };
        match values::compare(v, other) {
            Agreement::Differ => differ += 1,
            Agreement::Agree if k != at => agree += 1,
            _ => {}
        }
    }
    differ > 0 && differ > agree
}
