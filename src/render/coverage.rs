//! Coverage by outlet group: which groups of outlets (`groups:` of each source, named and
//! ordered by `[groups]` of site.toml) reported each event and mention each actor, and the
//! *blindspots*, events only one group reported. A story and its copies count once: an
//! outlet is credited through the article that stands for its story.

use serde::Serialize;

use super::context::{ActorRef, EventRef, SourceRef, Views};
use crate::config::name_of_slug;
use crate::model::Event;

/// Actors listed on the coverage page, the most mentioned first.
pub const MAX_COVERAGE_ACTORS: usize = 40;

/// The slug that stands for the outlets in no group, where some are.
pub const UNGROUPED: &str = "";

/// An outlet group with its outlets.
#[derive(Debug, Clone, Serialize)]
pub struct GroupView {
    /// Empty for the outlets in no group.
    pub slug: String,
    pub name: String,
    pub description: Option<String>,
    /// Its outlets, by name.
    pub outlets: Vec<SourceRef>,
}

/// One outlet's report of an event: the paragraph that states it.
#[derive(Debug, Clone, Serialize)]
pub struct OutletReport {
    pub source: SourceRef,
    /// The paragraph (`articles/slug/#p3`), or the article when the event cites it whole.
    pub url: String,
    /// `#pN` of that paragraph, when known.
    pub paragraph: Option<usize>,
}

/// What one group reported of one event.
#[derive(Debug, Clone, Serialize)]
pub struct GroupCell {
    pub group: String,
    /// Its outlets that reported the event (each once, however many copies).
    pub outlets: Vec<OutletReport>,
}

/// One event's coverage, a cell per group.
#[derive(Debug, Clone, Serialize)]
pub struct EventCoverage {
    pub event: EventRef,
    /// Its comparison page, when it has one.
    pub compare_url: Option<String>,
    /// Independent outlets that reported it.
    pub outlets: usize,
    /// Groups with at least one outlet that reported it.
    pub groups: usize,
    /// In the order of the groups.
    pub cells: Vec<GroupCell>,
    /// Only one group reported it (and the dossier has two groups or more).
    pub blindspot: bool,
}

/// An event only one group reported.
#[derive(Debug, Clone, Serialize)]
pub struct Blindspot {
    pub event: EventRef,
    /// The group that reported it, and its outlets that did.
    pub group: GroupView,
    pub reports: Vec<OutletReport>,
    /// The groups that did not.
    pub missing: Vec<String>,
}

/// One actor's mentions per group.
#[derive(Debug, Clone, Serialize)]
pub struct ActorCoverage {
    pub actor: ActorRef,
    /// Mentions per group, in the order of the groups; a story and its copies count once.
    pub mentions: Vec<usize>,
}

/// The `/coverage/` page.
#[derive(Debug, Clone, Serialize)]
pub struct CoverageView {
    pub groups: Vec<GroupView>,
    /// The blindspots, oldest first (at most [`MAX_COVERAGE_BLINDSPOTS`]).
    pub blindspots: Vec<Blindspot>,
    /// How many blindspots there are in all.
    pub blindspots_total: usize,
    /// The events most outlets reported (at most [`MAX_COVERAGE_EVENTS`]), oldest first.
    pub events: Vec<EventCoverage>,
    /// How many events some article reports, in all.
    pub events_total: usize,
    /// The most mentioned actors (at most [`MAX_COVERAGE_ACTORS`]).
    pub actors: Vec<ActorCoverage>,
    /// Actors with mentions left out of `actors`.
    pub actors_left: usize,
}

/// At most this many events in the coverage page's table: those most outlets reported.
pub const MAX_COVERAGE_EVENTS: usize = 100;
/// At most this many blindspots listed (the count says how many there are).
pub const MAX_COVERAGE_BLINDSPOTS: usize = 50;

impl Views<'_> {
    /// The outlet groups of the dossier, in order: those of `[groups]` as written, then those
    /// only sources name, by slug; each with its outlets. The outlets in no group follow as a
    /// group of their own (slug [`UNGROUPED`]) when some are grouped and some are not; a
    /// publisher only (no reporting of its own) is left out.
    pub fn outlet_groups(&self) -> Vec<GroupView> {
        let d = self.dossier;
        let mut groups: Vec<GroupView> = self
            .config
            .groups
            .iter()
            .map(|g| GroupView {
                slug: g.slug.clone(),
                name: g.name.clone(),
                description: g.description.clone(),
                outlets: Vec::new(),
            })
            .collect();
        let mut named_by_sources: Vec<&str> = d
            .sources
            .iter()
            .flat_map(|s| s.groups.iter().map(String::as_str))
            .filter(|slug| !self.config.groups.iter().any(|g| g.slug == *slug))
            .collect();
        named_by_sources.sort_unstable();
        named_by_sources.dedup();
        groups.extend(named_by_sources.into_iter().map(|slug| GroupView {
            slug: slug.to_owned(),
            name: name_of_slug(slug),
            description: None,
            outlets: Vec::new(),
        }));
        let mut ungrouped = Vec::new();
        for source in &d.sources {
            if source.groups.is_empty() {
                if !source.articles.is_empty() {
                    ungrouped.push(self.source_ref(&source.slug));
                }
                continue;
            }
            for slug in &source.groups {
                if let Some(group) = groups.iter_mut().find(|g| g.slug == *slug) {
                    group.outlets.push(self.source_ref(&source.slug));
                }
            }
        }
        groups.retain(|g| !g.outlets.is_empty());
        if !groups.is_empty() && !ungrouped.is_empty() {
            groups.push(GroupView {
                slug: UNGROUPED.to_owned(),
                name: "Other outlets".to_owned(),
                description: Some("Outlets in no group".to_owned()),
                outlets: ungrouped,
            });
        }
        groups
    }

    /// Whether the dossier sorts its outlets into groups (and so has a `/coverage/` page).
    pub fn has_groups(&self) -> bool {
        self.dossier.sources.iter().any(|s| !s.groups.is_empty())
    }

    /// The independent outlets that report `event` (the analysis's
    /// [`crate::analyse::events::EventFacts::sources`]), each with the paragraph of its first
    /// report: a story and its copies count once, credited to the source of the article that
    /// stands for it.
    pub fn outlet_reports(&self, event: &Event) -> Vec<OutletReport> {
        let d = self.dossier;
        self.event_facts(event)
            .sources
            .iter()
            .map(|&i| {
                let article = &d.articles[i];
                let paragraph = event
                    .reports
                    .iter()
                    .find(|r| r.article == article.slug)
                    .and_then(|r| r.paragraph);
                let url = self.url(&super::pages::article::dir(&article.slug));
                OutletReport {
                    source: self.source_ref(&article.source),
                    url: match paragraph {
                        Some(p) => format!("{url}#p{p}"),
                        None => url,
                    },
                    paragraph,
                }
            })
            .collect()
    }

    /// `reports` sorted into `groups`: one cell per group.
    fn group_cells(&self, groups: &[GroupView], reports: &[OutletReport]) -> Vec<GroupCell> {
        groups
            .iter()
            .map(|g| GroupCell {
                group: g.name.clone(),
                outlets: reports
                    .iter()
                    .filter(|r| g.outlets.iter().any(|o| o.slug == r.source.slug))
                    .cloned()
                    .collect(),
            })
            .collect()
    }

    /// The coverage by group of one event, for its comparison page.
    pub fn event_group_cells(&self, event: &Event) -> Vec<GroupCell> {
        let groups = self.outlet_groups();
        self.group_cells(&groups, &self.outlet_reports(event))
    }

    /// The `/coverage/` page.
    pub fn coverage(&self) -> CoverageView {
        let d = self.dossier;
        let a = self.analysis;
        let groups = self.outlet_groups();
        let real_groups = groups.iter().filter(|g| g.slug != UNGROUPED).count();
        let mut events = Vec::new();
        let mut blindspots = Vec::new();
        for event in &d.events {
            let reports = self.outlet_reports(event);
            if reports.is_empty() {
                continue;
            }
            let cells = self.group_cells(&groups, &reports);
            let covering: Vec<usize> = (0..groups.len())
                .filter(|&g| !cells[g].outlets.is_empty())
                .collect();
            let blindspot =
                real_groups >= 2 && covering.len() == 1 && groups[covering[0]].slug != UNGROUPED;
            if blindspot {
                let g = covering[0];
                blindspots.push(Blindspot {
                    event: self.event_ref(event),
                    group: groups[g].clone(),
                    reports: cells[g].outlets.clone(),
                    missing: groups
                        .iter()
                        .filter(|x| x.slug != UNGROUPED && x.slug != groups[g].slug)
                        .map(|x| x.name.clone())
                        .collect(),
                });
            }
            events.push(EventCoverage {
                event: self.event_ref(event),
                compare_url: self.is_compared(event).then(|| self.compare_url(event)),
                outlets: reports.len(),
                groups: covering.len(),
                cells,
                blindspot,
            });
        }

        // Mentions per group; a story and its copies count once (`actor_stories`).
        let mut rows: Vec<(usize, Vec<usize>)> = Vec::new();
        let column: std::collections::HashMap<&str, Vec<usize>> = d
            .sources
            .iter()
            .map(|s| {
                (
                    s.slug.as_str(),
                    (0..groups.len())
                        .filter(|&g| groups[g].outlets.iter().any(|o| o.slug == s.slug))
                        .collect(),
                )
            })
            .collect();
        let totals = &a.actor_mentions;
        let mut by_group = vec![vec![0usize; groups.len()]; d.actors.len()];
        for (actor, stories) in a.actor_stories.iter().enumerate() {
            for &(story, n) in stories {
                let columns = column.get(a.credited_story(d, story));
                for &g in columns.into_iter().flatten() {
                    by_group[actor][g] += n;
                }
            }
        }
        let mut order: Vec<usize> = (0..d.actors.len()).filter(|&x| totals[x] > 0).collect();
        order.sort_by(|&x, &y| totals[y].cmp(&totals[x]).then(x.cmp(&y)));
        let actors_left = order.len().saturating_sub(MAX_COVERAGE_ACTORS);
        for &actor in order.iter().take(MAX_COVERAGE_ACTORS) {
            rows.push((actor, std::mem::take(&mut by_group[actor])));
        }
        // A large dossier keeps its page readable: the most-reported events, in date order.
        let events_total = events.len();
        if events.len() > MAX_COVERAGE_EVENTS {
            let mut order: Vec<usize> = (0..events.len()).collect();
            order.sort_by_key(|&k| (std::cmp::Reverse(events[k].outlets), k));
            let mut keep: Vec<usize> = order.into_iter().take(MAX_COVERAGE_EVENTS).collect();
            keep.sort_unstable();
            let mut kept = Vec::with_capacity(keep.len());
            for (k, event) in events.into_iter().enumerate() {
                if keep.binary_search(&k).is_ok() {
                    kept.push(event);
                }
            }
            events = kept;
        }
        let blindspots_total = blindspots.len();
        blindspots.truncate(MAX_COVERAGE_BLINDSPOTS);
        CoverageView {
            events_total,
            blindspots_total,
            actors: rows
                .into_iter()
                .map(|(actor, mentions)| ActorCoverage {
                    actor: self.actor_ref(actor, totals[actor]),
                    mentions,
                })
                .collect(),
            actors_left,
            groups,
            blindspots,
            events,
        }
    }
}
