//! A comparison page: how each outlet reported an event that two or more independent
//! sources covered.

use super::{index_html, Depends, Filled, Kind, PageKind, PlannedPage, Renderer};
use crate::analyse::Analysis;
use crate::diagnostics::Diagnostic;

pub const KIND: Kind = Kind {
    kind: PageKind::Compare,
    label: "comparisons",
    template: "compare.html",
    pages: |d, a, _| {
        d.events
            .iter()
            .enumerate()
            .filter(|&(i, _)| has_page(a, i))
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

/// Whether event `index` has a comparison page: two or more independent sources reported
/// it, a story and its copies counted once ([`crate::analyse::events::EventFacts::comparison`]).
/// A page setting a story beside its own copies would compare nothing.
pub fn has_page(a: &Analysis, index: usize) -> bool {
    a.events[index].comparison.is_some()
}

fn fill(r: &Renderer, page: &PlannedPage, ctx: &mut tera::Context) -> Result<Filled, Diagnostic> {
    let d = r.views.dossier;
    let event = &d.events[page.item];
    ctx.insert("compare", &r.views.compare(event));
    Ok(Filled::page(
        format!("Comparison: {}", event.title),
        format!(
            "How {} outlets reported {}",
            r.views.event_facts(event).sources.len(),
            event.title
        ),
    ))
}
