//! The bibliography: every article cited, in the Chicago bibliography form.

use super::{single, Depends, Filled, Kind, PageKind, PlannedPage, Renderer};
use crate::diagnostics::Diagnostic;

pub const KIND: Kind = Kind {
    kind: PageKind::Bibliography,
    label: "bibliography",
    template: "bibliography.html",
    pages: |_, _, _| single(&super::index_html(DIR)),
    depends: Depends::EveryArticle,
    fill,
};

/// The folder of the bibliography.
pub const DIR: &str = "bibliography/";

fn fill(r: &Renderer, _: &PlannedPage, ctx: &mut tera::Context) -> Result<Filled, Diagnostic> {
    ctx.insert("entries", &r.views.bibliography());
    Ok(Filled::page(
        "Bibliography",
        format!("Every article of {}, cited", r.views.config.title),
    ))
}
