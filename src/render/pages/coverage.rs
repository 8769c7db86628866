//! Coverage by outlet group: which groups of outlets reported each event, and the
//! blindspots. Only for a dossier whose sources name groups.

use super::{index_html, Depends, Filled, Kind, PageKind, PlannedPage, Renderer};
use crate::diagnostics::Diagnostic;

pub const KIND: Kind = Kind {
    kind: PageKind::Coverage,
    label: "coverage page",
    template: "coverage.html",
    pages: |d, _, _| {
        if d.sources.iter().any(|s| !s.groups.is_empty()) {
            vec![(index_html(DIR), 0)]
        } else {
            Vec::new()
        }
    },
    depends: Depends::EveryArticle,
    fill,
};

/// The folder of the coverage page.
pub const DIR: &str = "coverage/";

fn fill(r: &Renderer, _: &PlannedPage, ctx: &mut tera::Context) -> Result<Filled, Diagnostic> {
    ctx.insert("coverage", &r.views.coverage());
    Ok(Filled::page(
        "Coverage by outlet group",
        format!(
            "Which groups of outlets reported each event of {}, and the blindspots",
            r.views.config.title
        ),
    ))
}
