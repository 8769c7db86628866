//! An actor's page: its profile, what it said across outlets, where it is mentioned, the
//! events it took part in on a timeline.

use super::{each, Depends, Filled, Kind, PageKind, PlannedPage, Renderer};
use crate::analyse::Analysis;
use crate::diagnostics::Diagnostic;
use crate::model::Dossier;
use crate::render::timeline;

pub const KIND: Kind = Kind {
    kind: PageKind::Actor,
    label: "actors",
    template: "actor.html",
    pages: |d, _, _| each(&d.actors, |a| &a.slug, dir),
    depends: Depends::Items(shows),
    fill,
};

/// The folder of an actor's page: `actors/SLUG/`.
pub fn dir(slug: &str) -> String {
    format!("actors/{slug}/")
}

/// The actors the article mentions and the ones it quotes.
fn shows(_: &Dossier, a: &Analysis, index: usize) -> Vec<usize> {
    a.article_actors[index]
        .iter()
        .map(|&(actor, _)| actor)
        .chain(a.quotes[index].iter().filter_map(|q| q.speaker))
        .collect()
}

fn fill(r: &Renderer, page: &PlannedPage, ctx: &mut tera::Context) -> Result<Filled, Diagnostic> {
    let v = &r.views;
    let d = v.dossier;
    let actor = &d.actors[page.item];
    let description = match &actor.role {
        Some(role) => format!("{}, {role}: what the dossier's sources report", actor.name),
        None => format!("{}: what the dossier's sources report", actor.name),
    };
    ctx.insert("actor", &v.actor(page.item));
    let events: Vec<usize> = actor
        .events
        .iter()
        .filter_map(|e| d.event_index(e))
        .collect();
    let items = v.timeline_items(&events, &[], &page.root());
    ctx.insert(
        "timeline_svg",
        &timeline::svg(
            &items,
            "actor-timeline",
            &format!("Timeline of the events {} took part in", actor.name),
        ),
    );
    Ok(Filled::page(actor.name.clone(), description))
}
