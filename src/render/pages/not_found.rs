//! `404.html`: the page static hosts serve for a URL the site does not have.

use super::{single, Depends, Filled, Kind, PageKind, PlannedPage, Renderer};
use crate::diagnostics::Diagnostic;

pub const KIND: Kind = Kind {
    kind: PageKind::NotFound,
    label: "not-found page",
    template: "404.html",
    pages: |_, _, _| single(PATH),
    depends: Depends::Structure,
    fill,
};

/// Where the page is written.
pub const PATH: &str = "404.html";

fn fill(r: &Renderer, _: &PlannedPage, _: &mut tera::Context) -> Result<Filled, Diagnostic> {
    Ok(Filled::page(
        "Page not found",
        r.views.config.description.clone(),
    ))
}
