//! The search page (Pagefind's interface), when `search` is on.

use super::{index_html, Depends, Filled, Kind, PageKind, PlannedPage, Renderer};
use crate::diagnostics::Diagnostic;

pub const KIND: Kind = Kind {
    kind: PageKind::Search,
    label: "search page",
    template: "search.html",
    pages: |_, _, config| {
        if config.search {
            vec![(index_html(DIR), 0)]
        } else {
            Vec::new()
        }
    },
    depends: Depends::Structure,
    fill,
};

/// The folder of the search page.
pub const DIR: &str = "search/";

fn fill(r: &Renderer, _: &PlannedPage, _: &mut tera::Context) -> Result<Filled, Diagnostic> {
    Ok(Filled::page(
        "Search",
        format!("Search {}", r.views.config.title),
    ))
}
