//! A free page (`content/pages/`): the analyst's own Markdown at the site's root.

use serde::Serialize;

use super::{each, Depends, Filled, Kind, PageKind, PlannedPage, Renderer};
use crate::diagnostics::Diagnostic;
use crate::render::markdown;

pub const KIND: Kind = Kind {
    kind: PageKind::Page,
    label: "pages",
    template: "page.html",
    pages: |d, _, _| each(&d.pages, |p| &p.slug, dir),
    depends: Depends::Structure,
    fill,
};

/// The folder of a free page: `SLUG/`, at the root.
pub fn dir(slug: &str) -> String {
    format!("{slug}/")
}

#[derive(Serialize)]
struct FreePage {
    title: String,
    body_html: String,
}

fn fill(r: &Renderer, page: &PlannedPage, ctx: &mut tera::Context) -> Result<Filled, Diagnostic> {
    let config = r.views.config;
    let free = &r.views.dossier.pages[page.item];
    ctx.insert(
        "content",
        &FreePage {
            title: free.title.clone(),
            body_html: markdown::render(&free.body, &config.markdown, &[]),
        },
    );
    Ok(Filled::page(
        free.title.clone(),
        free.summary
            .clone()
            .unwrap_or_else(|| config.description.clone()),
    ))
}
