//! The comparison index: every compared event with its outlets.

use super::{single, Depends, Filled, Kind, PageKind, PlannedPage, Renderer};
use crate::diagnostics::Diagnostic;

pub const KIND: Kind = Kind {
    kind: PageKind::CompareIndex,
    label: "comparison index",
    template: "compare_index.html",
    pages: |_, _, _| single(&super::index_html(DIR)),
    depends: Depends::EveryArticle,
    fill,
};

/// The folder of the comparison index.
pub const DIR: &str = "compare/";

fn fill(r: &Renderer, _: &PlannedPage, ctx: &mut tera::Context) -> Result<Filled, Diagnostic> {
    ctx.insert("comparisons", &r.views.compare_rows());
    Ok(Filled::page(
        "Comparisons",
        format!(
            "How the outlets covered each event of {}",
            r.views.config.title
        ),
    ))
}
