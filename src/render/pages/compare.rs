//! A comparison page: how each outlet reported an event that two or more outlets covered.

use super::{index_html, Depends, Filled, Kind, PageKind, PlannedPage, Renderer};
use crate::diagnostics::Diagnostic;
use crate::model::{Dossier, Event};

pub const KIND: Kind = Kind {
    kind: PageKind::Compare,
    label: "comparisons",
    template: "compare.html",
    pages: |d, _| {
        d.events
            .iter()
            .enumerate()
            .filter(|(_, e)| has_page(d, e))
            .map(|(i, e)| (index_html(&dir(&e.slug)), i))
            .collect()
    },
    depends: Depends::Items(super::event::events_of),
    fill,
};

/// The folder of an event's comparison: `compare/SLUG/`.
pub fn dir(slug: &str) -> String {
    format!("compare/{slug}/")
}

/// Whether `event` has a comparison page: two or more outlets reported it.
pub fn has_page(d: &Dossier, event: &Event) -> bool {
    event.reporting_sources(d).len() >= 2
}

fn fill(r: &Renderer, page: &PlannedPage, ctx: &mut tera::Context) -> Result<Filled, Diagnostic> {
    let d = r.views.dossier;
    let event = &d.events[page.item];
    ctx.insert("compare", &r.views.compare(event));
    Ok(Filled::page(
        format!("Comparison: {}", event.title),
        format!(
            "How {} outlets reported {}",
            event.reporting_sources(d).len(),
            event.title
        ),
    ))
}
