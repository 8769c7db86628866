//! The chronology: every event and every article's publication in date order, grouped by
//! year, month and day, with dates at their own precision; and the timeline items for the
//! chronology, actor and source pages.

use serde::Serialize;

use super::context::{ActorRef, ArticleRef, DateView, ReportView, SourceRef, Views};
use super::timeline::Item;
use crate::model::{PartialDate, Precision};

/// One line of the chronology: an event, or an article's publication.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// event | article
    pub kind: &'static str,
    pub date: DateView,
    pub end: Option<DateView>,
    pub title: String,
    pub url: String,
    pub place: Option<String>,
    /// The event's actors, or the article's most mentioned ones.
    pub actors: Vec<ActorRef>,
    /// For events: the reporting articles, linked to the paragraph, oldest first but each
    /// copy after the original of its story ([`originals_first`]).
    pub reports: Vec<ReportView>,
    /// For articles: the outlet.
    pub source: Option<SourceRef>,
    /// For articles: the article (its publisher, and whether it is a copy of a story).
    pub article: Option<ArticleRef>,
    /// Space-separated `a-<slug>` classes for filtering by actor.
    pub actor_classes: String,
    #[serde(skip)]
    sort: PartialDate,
}

/// A day of the chronology; its entries are [`Entry`]s while the tree is built and their HTML
/// when it is rendered ([`Views::chronology_with`]).
#[derive(Debug, Clone, Serialize)]
pub struct Day<E = Entry> {
    pub label: String,
    pub anchor: String,
    pub entries: Vec<E>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Month<E = Entry> {
    pub label: String,
    pub anchor: String,
    /// Entries known only to the month, listed first.
    pub entries: Vec<E>,
    pub days: Vec<Day<E>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Year<E = Entry> {
    pub label: String,
    pub anchor: String,
    /// Entries known only to the year, listed first.
    pub entries: Vec<E>,
    pub months: Vec<Month<E>>,
}

/// Where an entry is listed, for [`Views::chronology_with`]; written `year`, `month` or `day`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Year,
    Month,
    Day,
}

/// An event or an article, by its index, in the chronology's order.
#[derive(Debug, Clone, Copy)]
enum Listed {
    Event(usize),
    Article(usize),
}

impl Views<'_> {
    /// Every event and article, in the chronology's order: by date, coarser dates first
    /// within their period, events before articles on the same date, then by title.
    fn chronology_order(&self) -> Vec<Listed> {
        let d = self.dossier;
        let key = |l: &Listed| match *l {
            Listed::Event(i) => (&d.events[i].date, 1, d.events[i].title.as_str()),
            Listed::Article(i) => (&d.articles[i].published, 0, d.articles[i].title.as_str()),
        };
        let mut order: Vec<Listed> = (0..d.events.len())
            .map(Listed::Event)
            .chain((0..d.articles.len()).map(Listed::Article))
            .collect();
        order.sort_by(|a, b| {
            let (a, b) = (key(a), key(b));
            a.0.cmp(b.0).then(b.1.cmp(&a.1)).then_with(|| a.2.cmp(b.2))
        });
        order
    }

    /// The chronology entry of an event or an article.
    fn chronology_entry(&self, listed: Listed) -> Entry {
        let d = self.dossier;
        match listed {
            Listed::Event(i) => {
                let event = &d.events[i];
                let actors = self.event_actors(event);
                Entry {
                    kind: "event",
                    date: (&event.date).into(),
                    end: event.end.as_ref().map(DateView::from),
                    title: event.title.clone(),
                    url: self.event_ref(event).url,
                    place: event.place.clone(),
                    actor_classes: classes(&actors),
                    actors,
                    reports: originals_first(self.event_reports(event)),
                    source: None,
                    article: None,
                    sort: event.date,
                }
            }
            Listed::Article(index) => {
                let article = &d.articles[index];
                let reference = self.article_ref(article);
                let actors: Vec<ActorRef> = self.analysis.article_actors[index]
                    .iter()
                    .filter(|(_, n)| *n > 0)
                    .take(5)
                    .map(|&(a, n)| self.actor_ref(a, n))
                    .collect();
                let all: Vec<ActorRef> = self.analysis.article_actors[index]
                    .iter()
                    .map(|&(a, n)| self.actor_ref(a, n))
                    .collect();
                Entry {
                    kind: "article",
                    date: (&article.published).into(),
                    end: None,
                    title: article.title.clone(),
                    url: reference.url.clone(),
                    place: None,
                    actor_classes: classes(&all),
                    actors,
                    reports: Vec::new(),
                    source: Some(reference.source.clone()),
                    article: Some(reference),
                    sort: article.published,
                }
            }
        }
    }

    /// The entries grouped by year, month and day.
    pub fn chronology(&self) -> Vec<Year> {
        let Ok(years) = self.chronology_with(|entry, _| Ok::<_, std::convert::Infallible>(entry));
        years
    }

    /// The chronology with each entry made into something else (given the level it is listed
    /// at) as soon as it is made, in order: only one entry is held at a time.
    pub fn chronology_with<E, Err>(
        &self,
        mut f: impl FnMut(Entry, Level) -> Result<E, Err>,
    ) -> Result<Vec<Year<E>>, Err> {
        let mut years: Vec<Year<E>> = Vec::new();
        for listed in self.chronology_order() {
            let entry = self.chronology_entry(listed);
            let date = entry.sort;
            if years
                .last()
                .is_none_or(|y| y.label != date.year().to_string())
            {
                years.push(Year {
                    label: date.year().to_string(),
                    anchor: format!("y{}", date.year()),
                    entries: Vec::new(),
                    months: Vec::new(),
                });
            }
            let year = years.last_mut().expect("pushed");
            let Some(month) = date.month() else {
                year.entries.push(f(entry, Level::Year)?);
                continue;
            };
            let month_label = format!("{} {}", PartialDate::month_name(month), date.year());
            if year.months.last().is_none_or(|m| m.label != month_label) {
                year.months.push(Month {
                    label: month_label,
                    anchor: format!("m{}-{month:02}", date.year()),
                    entries: Vec::new(),
                    days: Vec::new(),
                });
            }
            let group = year.months.last_mut().expect("pushed");
            if date.precision() == Precision::Month {
                group.entries.push(f(entry, Level::Month)?);
                continue;
            }
            let day = date.day().expect("day precision");
            let label = format!(
                "{} {day} {}",
                date.weekday().unwrap_or_default(),
                group.label
            );
            if group.days.last().is_none_or(|d| d.label != label) {
                group.days.push(Day {
                    label,
                    anchor: format!("d{}-{month:02}-{day:02}", date.year()),
                    entries: Vec::new(),
                });
            }
            group
                .days
                .last_mut()
                .expect("pushed")
                .entries
                .push(f(entry, Level::Day)?);
        }
        Ok(years)
    }

    /// Timeline items for events (upper lane) and articles (lower lane); links are relative to
    /// a page `depth` folders below the root.
    pub fn timeline_items(&self, events: &[usize], articles: &[usize], root: &str) -> Vec<Item> {
        let d = self.dossier;
        let mut items = Vec::with_capacity(events.len() + articles.len());
        for &i in events {
            let event = &d.events[i];
            items.push(Item {
                date: event.date,
                end: event.end,
                lane: 0,
                label: shorten(&event.title, 34),
                title: format!("{}: {}", event.date.human(), event.title),
                href: format!("{root}{}", self.url(&super::pages::event::dir(&event.slug))),
            });
        }
        for &i in articles {
            let article = &d.articles[i];
            let source = d
                .source(&article.source)
                .map_or(article.source.as_str(), |s| s.name.as_str());
            // "Reuters via Daily Example", "Reuters (copy)": as the other pages name it.
            let outlet = self.article_ref(article).outlet;
            items.push(Item {
                date: article.published,
                end: None,
                lane: 1,
                label: shorten(source, 24),
                title: format!(
                    "{}: {} ({outlet})",
                    article.published.human(),
                    article.title
                ),
                href: format!(
                    "{root}{}",
                    self.url(&super::pages::article::dir(&article.slug))
                ),
            });
        }
        items
    }

    /// The actors an entry of the chronology names, most mentioned first: the filter list.
    pub fn chronology_filters(&self) -> Vec<ActorRef> {
        let mut seen = vec![false; self.dossier.actors.len()];
        for event in &self.dossier.events {
            for slug in &event.actors {
                if let Some(i) = self.dossier.actor_index(slug) {
                    seen[i] = true;
                }
            }
        }
        for list in &self.analysis.article_actors {
            for &(a, _) in list {
                seen[a] = true;
            }
        }
        let mut actors: Vec<ActorRef> = (0..seen.len())
            .filter(|&i| seen[i])
            .map(|i| self.actor_ref(i, self.analysis.actor_mentions[i]))
            .collect();
        actors.sort_by(|a, b| {
            b.mentions
                .cmp(&a.mentions)
                .then_with(|| a.name.cmp(&b.name))
        });
        actors
    }

    /// The CSS that shows only one actor's entries when `#with-<slug>` is the target.
    pub fn chronology_filter_css(&self, actors: &[ActorRef]) -> String {
        actors
            .iter()
            .map(|a| format!("#with-{0}:target ~ .chronology .entry:not(.a-{0}) {{ display: none; }} #with-{0}:target ~ .filters a[href=\"#with-{0}\"] {{ font-weight: bold; }}\n", a.slug))
            .collect()
    }
}

/// An event's reports with each copy moved right after the original of its story, when that
/// is reported too, and the others in their order (oldest first). By dates alone a copy can
/// come first: a copy dated to the day sorts before its original's moment of that day.
fn originals_first(reports: Vec<ReportView>) -> Vec<ReportView> {
    let reported: std::collections::HashSet<String> =
        reports.iter().map(|r| r.article.slug.clone()).collect();
    let (copies, mut out): (Vec<ReportView>, Vec<ReportView>) =
        reports.into_iter().partition(|r| {
            r.article
                .copy_of
                .as_ref()
                .is_some_and(|o| reported.contains(o))
        });
    for copy in copies {
        let story = copy.article.copy_of.as_deref();
        let after = out
            .iter()
            .rposition(|r| {
                Some(r.article.slug.as_str()) == story || r.article.copy_of.as_deref() == story
            })
            .expect("its original is reported");
        out.insert(after + 1, copy);
    }
    out
}

fn classes(actors: &[ActorRef]) -> String {
    actors
        .iter()
        .map(|a| format!("a-{}", a.slug))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` cut to `max` characters at a word, with an ellipsis.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max - 1).collect();
    let cut = cut
        .rfind(' ')
        .map_or(cut.as_str(), |i| &cut[..i])
        .trim_end_matches([',', ':', ';', ' ']);
    format!("{cut}…")
}
