//! The front page: the briefing (summary, disputed points, coverage matrix, latest and
//! ahead), the latest articles, the key actors and the outlets.

use super::{
    single, source_rows, Depends, Filled, Kind, PageKind, PlannedPage, Renderer,
    FRONT_PAGE_ARTICLES,
};
use crate::diagnostics::Diagnostic;

pub const KIND: Kind = Kind {
    kind: PageKind::Index,
    label: "front page",
    template: "index.html",
    pages: |_, _, _| single("index.html"),
    depends: Depends::EveryArticle,
    fill,
};

fn fill(r: &Renderer, _: &PlannedPage, ctx: &mut tera::Context) -> Result<Filled, Diagnostic> {
    let v = &r.views;
    // The latest articles; the chronology and the source pages list them all.
    let articles: Vec<_> = v
        .dossier
        .articles
        .iter()
        .take(FRONT_PAGE_ARTICLES)
        .map(|a| v.article_ref(a))
        .collect();
    ctx.insert("articles", &articles);
    let events = v.front_events();
    ctx.insert("latest_events", &events.latest);
    ctx.insert("ahead_events", &events.ahead);
    ctx.insert("last_published", &events.last_published);
    ctx.insert("summary", &v.front_summary());
    ctx.insert("disputed", &v.disputed());
    ctx.insert("matrix", &v.matrix());
    ctx.insert("key_actors", &v.key_actors(12));
    ctx.insert("sources", &source_rows(v));
    Ok(Filled::page(
        v.config.title.clone(),
        v.config.description.clone(),
    ))
}
