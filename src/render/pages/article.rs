//! An article's page: its text with the actors linked, its quotes, dates, notes and how to
//! cite it.

use super::{each, first_words, Depends, Filled, Kind, PageKind, PlannedPage, Renderer};
use crate::analyse::Analysis;
use crate::diagnostics::Diagnostic;
use crate::model::Dossier;

pub const KIND: Kind = Kind {
    kind: PageKind::Article,
    label: "articles",
    template: "article.html",
    pages: |d, _, _| each(&d.articles, |a| &a.slug, dir),
    depends: Depends::Items(shows),
    fill,
};

/// The folder of an article's page: `articles/SLUG/`.
pub fn dir(slug: &str) -> String {
    format!("articles/{slug}/")
}

/// The article itself, and the other articles of its events (each lists its events'
/// comparisons and reports).
fn shows(d: &Dossier, _: &Analysis, index: usize) -> Vec<usize> {
    let mut out = vec![index];
    for event in d.articles[index].events.iter().filter_map(|e| d.event(e)) {
        out.extend(
            event
                .reports
                .iter()
                .filter_map(|r| d.article_index(&r.article)),
        );
    }
    out
}

fn fill(r: &Renderer, page: &PlannedPage, ctx: &mut tera::Context) -> Result<Filled, Diagnostic> {
    let article = &r.views.dossier.articles[page.item];
    ctx.insert("article", &r.views.article(page.item, &page.root()));
    let description = article
        .summary
        .clone()
        .unwrap_or_else(|| first_words(article.paragraphs.first().map_or("", String::as_str), 30));
    Ok(Filled::page(article.title.clone(), description))
}
