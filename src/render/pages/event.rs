//! An event's page: what happened, who took part, the reports and the claims they make.

use super::{each, Depends, Filled, Kind, PageKind, PlannedPage, Renderer};
use crate::analyse::Analysis;
use crate::diagnostics::Diagnostic;
use crate::model::Dossier;

pub const KIND: Kind = Kind {
    kind: PageKind::Event,
    label: "events",
    template: "event.html",
    pages: |d, _, _| each(&d.events, |e| &e.slug, dir),
    depends: Depends::Items(events_of),
    fill,
};

/// The folder of an event's page: `events/SLUG/`.
pub fn dir(slug: &str) -> String {
    format!("events/{slug}/")
}

/// The events an article reports: their pages (and comparisons) show it.
pub(super) fn events_of(d: &Dossier, _: &Analysis, index: usize) -> Vec<usize> {
    d.articles[index]
        .events
        .iter()
        .filter_map(|e| d.event_index(e))
        .collect()
}

fn fill(r: &Renderer, page: &PlannedPage, ctx: &mut tera::Context) -> Result<Filled, Diagnostic> {
    let event = &r.views.dossier.events[page.item];
    ctx.insert("event", &r.views.event(event));
    Ok(Filled::page(
        event.title.clone(),
        format!("{}: {}", event.date.human(), event.title),
    ))
}
