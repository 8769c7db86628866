//! The analyst's notes, gathered on one page; only when some item has notes.

use super::{index_html, Depends, Filled, Kind, PageKind, PlannedPage, Renderer};
use crate::diagnostics::Diagnostic;

pub const KIND: Kind = Kind {
    kind: PageKind::Notes,
    label: "notes page",
    template: "notes.html",
    pages: |d, _, _| {
        if crate::render::notes::any(d) {
            vec![(index_html(DIR), 0)]
        } else {
            Vec::new()
        }
    },
    depends: Depends::EveryArticle,
    fill,
};

/// The folder of the notes page.
pub const DIR: &str = "notes/";

fn fill(r: &Renderer, _: &PlannedPage, ctx: &mut tera::Context) -> Result<Filled, Diagnostic> {
    ctx.insert("notes", &r.views.notes_page());
    Ok(Filled::page(
        "Analyst’s notes",
        format!("The analyst’s notes on {}", r.views.config.title),
    ))
}
