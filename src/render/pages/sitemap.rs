//! `sitemap.xml`: every HTML page of the plan but the not-found page.

use super::{single, Depends, Filled, Kind, PageKind, PlannedPage, Renderer};
use crate::diagnostics::Diagnostic;
use crate::render::feeds;

pub const KIND: Kind = Kind {
    kind: PageKind::Sitemap,
    label: "sitemap",
    template: "",
    pages: |_, _, _| single(PATH),
    depends: Depends::Structure,
    fill,
};

/// Where the sitemap is written.
pub const PATH: &str = "sitemap.xml";

fn fill(r: &Renderer, _: &PlannedPage, _: &mut tera::Context) -> Result<Filled, Diagnostic> {
    Ok(Filled::Bytes(
        feeds::sitemap(r.plan, r.views.config).into_bytes(),
    ))
}
