//! The front page as a briefing: the analyst's summary (`content/_index.md`), the disputed
//! points (claims independent sources disagree on, detected differences), a coverage matrix
//! of the most reported events × outlets, grouped by outlet group, and the events that have
//! happened apart from those still ahead (dated after the dossier's last publication).

use serde::Serialize;

use super::context::{EventRef, SourceRef, Views};
use super::coverage::UNGROUPED;
use crate::analyse::copies::once_per_story;
use crate::model::Event;

/// Rows (events) and columns (outlets) of the front page's coverage matrix at most: the most
/// reported events and the outlets that reported most events.
pub const MATRIX_EVENTS: usize = 15;
pub const MATRIX_OUTLETS: usize = 12;
/// Disputed points listed on the front page at most.
pub const DISPUTED_POINTS: usize = 8;
/// Events listed under "Latest events" and "Ahead" at most.
pub const FRONT_EVENTS: usize = 8;

/// The analyst's summary.
#[derive(Debug, Clone, Serialize)]
pub struct FrontSummary {
    pub title: Option<String>,
    pub body_html: String,
}

/// What one article (as its outlet) states on a disputed point.
#[derive(Debug, Clone, Serialize)]
pub struct Statement {
    /// The outlet as pages name it ("Reuters via Daily Example" for a copy).
    pub outlet: String,
    pub source: SourceRef,
    /// What `outlet` adds to the source's name for a copy: "via Daily Example", "(copy)".
    pub via: Option<String>,
    /// Other articles of the same story that say the same: listed once, here ("(and 3
    /// copies)").
    pub copies: usize,
    pub text: String,
    /// The article, or the paragraph where the statement is known.
    pub url: String,
    /// Its value disagrees with another's beyond the precision written.
    pub disagrees: bool,
    /// Its value differs only from values published on an earlier day: a later figure, not a
    /// disagreement (claims only).
    pub later: bool,
}

/// A claim independent sources disagree on, or a detected difference.
#[derive(Debug, Clone, Serialize)]
pub struct DisputedPoint {
    pub event: EventRef,
    pub about: String,
    /// `claim` (from the event's `claims:`) or `difference` (detected in the text).
    pub kind: String,
    /// The comparison section that shows it: `compare/<event>/#claims` or `#differences`.
    pub url: String,
    pub stated: Vec<Statement>,
}

/// The disputed points, the first [`DISPUTED_POINTS`], and how many there are in all.
#[derive(Debug, Clone, Serialize)]
pub struct Disputed {
    pub points: Vec<DisputedPoint>,
    pub total: usize,
    /// Points left out of `points`.
    pub more: usize,
}

/// A column group of the matrix: an outlet group and how many of the shown outlets are in it.
#[derive(Debug, Clone, Serialize)]
pub struct MatrixGroup {
    pub slug: String,
    pub name: String,
    pub span: usize,
}

/// A cell: the paragraph where the column's outlet reports the row's event.
#[derive(Debug, Clone, Serialize)]
pub struct MatrixCell {
    /// The column's outlet, for the link's label.
    pub outlet: String,
    /// `articles/slug/#p3` (the article when the event cites it whole); none when the outlet
    /// did not report the event.
    pub url: Option<String>,
    pub paragraph: Option<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatrixRow {
    pub event: EventRef,
    /// Independent outlets that reported it, all of them (shown or not).
    pub outlets: usize,
    pub cells: Vec<MatrixCell>,
}

/// Events × outlets, outlets grouped by outlet group.
#[derive(Debug, Clone, Serialize)]
pub struct Matrix {
    /// Empty when the dossier has no groups.
    pub groups: Vec<MatrixGroup>,
    pub outlets: Vec<SourceRef>,
    pub rows: Vec<MatrixRow>,
    /// Reported events and reporting outlets left out of the matrix.
    pub events_left: usize,
    pub outlets_left: usize,
}

/// The front page's events: those that happened by the last publication, newest first, and
/// those dated after it, soonest first.
#[derive(Debug, Clone, Serialize)]
pub struct FrontEvents {
    pub latest: Vec<EventRef>,
    pub ahead: Vec<EventRef>,
    /// The last publication date of the dossier, which divides them.
    pub last_published: Option<super::context::DateView>,
}

impl Views<'_> {
    /// The analyst's summary, when `content/_index.md` is written.
    pub fn front_summary(&self) -> Option<FrontSummary> {
        let front = self.dossier.front.as_ref()?;
        Some(FrontSummary {
            title: front.title.clone(),
            body_html: super::markdown::render(&front.body, &self.config.markdown, &[]),
        })
    }

    /// Events that happened by the dossier's last publication (newest first) and those still
    /// ahead of it (soonest first): an event is ahead when its period starts after that day.
    pub fn front_events(&self) -> FrontEvents {
        let d = self.dossier;
        let last = d.articles.iter().map(|a| &a.published).max();
        let is_ahead = |e: &Event| last.is_some_and(|l| e.date.start() > l.start());
        FrontEvents {
            latest: d
                .events
                .iter()
                .rev()
                .filter(|e| !is_ahead(e))
                .take(FRONT_EVENTS)
                .map(|e| self.event_ref(e))
                .collect(),
            ahead: d
                .events
                .iter()
                .filter(|e| is_ahead(e))
                .take(FRONT_EVENTS)
                .map(|e| self.event_ref(e))
                .collect(),
            last_published: last.map(Into::into),
        }
    }

    /// Claims independent sources disagree on, then each event's largest detected difference
    /// where outlets disagree ([`Views::disputed_difference`]); events reported by more
    /// outlets first.
    pub fn disputed(&self) -> Disputed {
        let d = self.dossier;
        let mut events: Vec<(&Event, usize)> = d
            .events
            .iter()
            .filter(|e| self.is_compared(e))
            .map(|e| (e, self.outlet_reports(e).len()))
            .collect();
        events.sort_by(|x, y| y.1.cmp(&x.1).then(y.0.date.cmp(&x.0.date)));
        let mut claims = Vec::new();
        let mut differences = Vec::new();
        for &(event, _) in &events {
            let summary = self.event_ref(event);
            let claim_reports = super::context::unique_reports(&self.event_reports(event));
            let base = self.compare_url(event);
            for claim in &self.event_claims(event) {
                // Each story's words once: a copy that says what its story says is no other
                // source.
                let said: Vec<Option<(usize, usize, String)>> = claim
                    .cells
                    .iter()
                    .map(|cell| {
                        let i = d.article_index(&cell.article)?;
                        let text = crate::analyse::quotes::normalise(cell.text.as_deref()?);
                        Some((self.analysis.original[i], i, text))
                    })
                    .collect();
                let listed = once_per_story(&said);
                let stated: Vec<Statement> = claim
                    .cells
                    .iter()
                    .zip(&claim_reports)
                    .zip(listed)
                    .filter_map(|((cell, report), copies)| {
                        Some(Statement {
                            outlet: report.article.outlet.clone(),
                            via: report.article.via(),
                            copies: copies?,
                            source: report.article.source.clone(),
                            text: cell.text.clone()?,
                            url: report.url.clone(),
                            disagrees: cell.disagrees,
                            later: cell.later,
                        })
                    })
                    .collect();
                let mut sources: Vec<&str> =
                    stated.iter().map(|s| s.source.slug.as_str()).collect();
                sources.sort_unstable();
                sources.dedup();
                if sources.len() >= 2 && stated.iter().any(|s| s.disagrees) {
                    claims.push(DisputedPoint {
                        event: summary.clone(),
                        about: claim.about.clone(),
                        kind: "claim".to_owned(),
                        url: format!("{base}#claims"),
                        stated,
                    });
                }
            }
            if let Some(difference) = self.disputed_difference(event) {
                differences.push(DisputedPoint {
                    event: summary.clone(),
                    about: difference.about,
                    kind: "difference".to_owned(),
                    url: format!("{base}#differences"),
                    stated: difference
                        .stated
                        .into_iter()
                        .map(|s| Statement {
                            outlet: match &s.via {
                                Some(via) => format!("{} {via}", s.source.name),
                                None => s.source.name.clone(),
                            },
                            via: s.via,
                            copies: s.copies,
                            source: s.source,
                            text: s.text,
                            url: s.url,
                            disagrees: s.disagrees,
                            later: false,
                        })
                        .collect(),
                });
            }
        }
        let total = claims.len() + differences.len();
        claims.extend(differences);
        claims.truncate(DISPUTED_POINTS);
        Disputed {
            more: total - claims.len(),
            points: claims,
            total,
        }
    }

    /// The coverage matrix: the [`MATRIX_EVENTS`] events most outlets reported (shown in date
    /// order) × the [`MATRIX_OUTLETS`] outlets that reported most events, grouped by outlet
    /// group (an outlet in several groups stands in the first); each cell links to the
    /// paragraph that reports the event.
    pub fn matrix(&self) -> Matrix {
        let d = self.dossier;
        let reported: Vec<(usize, Vec<super::coverage::OutletReport>)> = d
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| (i, self.outlet_reports(e)))
            .filter(|(_, r)| !r.is_empty())
            .collect();
        // Outlets by the number of events they reported.
        let mut outlet_counts: Vec<(String, usize)> = Vec::new();
        for (_, reports) in &reported {
            for r in reports {
                match outlet_counts.iter_mut().find(|(s, _)| *s == r.source.slug) {
                    Some((_, n)) => *n += 1,
                    None => outlet_counts.push((r.source.slug.clone(), 1)),
                }
            }
        }
        outlet_counts.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
        let outlets_left = outlet_counts.len().saturating_sub(MATRIX_OUTLETS);
        outlet_counts.truncate(MATRIX_OUTLETS);
        // Columns by group, then by name within a group.
        let groups = if self.has_groups() {
            self.outlet_groups()
        } else {
            Vec::new()
        };
        let group_of = |slug: &str| {
            groups
                .iter()
                .position(|g| g.outlets.iter().any(|o| o.slug == slug))
                .unwrap_or(groups.len())
        };
        let mut outlets: Vec<SourceRef> = outlet_counts
            .iter()
            .map(|(slug, _)| self.source_ref(slug))
            .collect();
        outlets.sort_by(|x, y| {
            group_of(&x.slug)
                .cmp(&group_of(&y.slug))
                .then_with(|| x.name.to_lowercase().cmp(&y.name.to_lowercase()))
        });
        let mut matrix_groups: Vec<MatrixGroup> = Vec::new();
        for outlet in &outlets {
            let g = group_of(&outlet.slug);
            let (slug, name) = match groups.get(g) {
                Some(group) => (group.slug.clone(), group.name.clone()),
                None => (UNGROUPED.to_owned(), "Other outlets".to_owned()),
            };
            match matrix_groups.last_mut() {
                Some(last) if last.slug == slug => last.span += 1,
                _ => matrix_groups.push(MatrixGroup {
                    slug,
                    name,
                    span: 1,
                }),
            }
        }
        if groups.is_empty() {
            matrix_groups.clear();
        }
        // Rows: the most reported events, shown oldest first.
        let mut rows: Vec<&(usize, Vec<super::coverage::OutletReport>)> = reported.iter().collect();
        rows.sort_by(|x, y| y.1.len().cmp(&x.1.len()).then(x.0.cmp(&y.0)));
        let events_left = rows.len().saturating_sub(MATRIX_EVENTS);
        rows.truncate(MATRIX_EVENTS);
        rows.sort_by_key(|(i, _)| *i);
        Matrix {
            rows: rows
                .into_iter()
                .map(|(i, reports)| MatrixRow {
                    event: self.event_ref(&d.events[*i]),
                    outlets: reports.len(),
                    cells: outlets
                        .iter()
                        .map(|o| {
                            let report = reports.iter().find(|r| r.source.slug == o.slug);
                            MatrixCell {
                                outlet: o.name.clone(),
                                url: report.map(|r| r.url.clone()),
                                paragraph: report.and_then(|r| r.paragraph),
                            }
                        })
                        .collect(),
                })
                .collect(),
            groups: matrix_groups,
            outlets,
            events_left,
            outlets_left,
        }
    }
}
