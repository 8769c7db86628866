//! The source index: every outlet with its number of articles and republished stories.

use super::{single, source_rows, Depends, Filled, Kind, PageKind, PlannedPage, Renderer};
use crate::diagnostics::Diagnostic;

pub const KIND: Kind = Kind {
    kind: PageKind::Sources,
    label: "source index",
    template: "sources.html",
    pages: |_, _, _| single(&super::index_html(DIR)),
    depends: Depends::EveryArticle,
    fill,
};

/// The folder of the source index.
pub const DIR: &str = "sources/";

fn fill(r: &Renderer, _: &PlannedPage, ctx: &mut tera::Context) -> Result<Filled, Diagnostic> {
    ctx.insert("sources", &source_rows(&r.views));
    Ok(Filled::page(
        "Sources",
        format!(
            "The outlets whose reporting makes up {}",
            r.views.config.title
        ),
    ))
}
