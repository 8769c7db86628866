//! The actor index: actors by kind and the network of who is mentioned with whom.

use super::{single, Depends, Filled, Kind, PageKind, PlannedPage, Renderer};
use crate::diagnostics::Diagnostic;

pub const KIND: Kind = Kind {
    kind: PageKind::Actors,
    label: "actor index",
    template: "actors.html",
    pages: |_, _, _| single(&super::index_html(DIR)),
    depends: Depends::EveryArticle,
    fill,
};

/// The folder of the actor index.
pub const DIR: &str = "actors/";

fn fill(r: &Renderer, _: &PlannedPage, ctx: &mut tera::Context) -> Result<Filled, Diagnostic> {
    ctx.insert("groups", &r.views.actor_groups());
    ctx.insert("network_svg", &r.views.network());
    Ok(Filled::page(
        "Actors",
        format!(
            "The people, organisations and states in {}",
            r.views.config.title
        ),
    ))
}
