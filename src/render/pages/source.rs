//! A source's (an outlet's) page: its articles, the stories it republished, the events they
//! report on a timeline.

use super::{each, Depends, Filled, Kind, PageKind, PlannedPage, Renderer};
use crate::analyse::Analysis;
use crate::diagnostics::Diagnostic;
use crate::model::Dossier;
use crate::render::timeline;

pub const KIND: Kind = Kind {
    kind: PageKind::Source,
    label: "sources",
    template: "source.html",
    pages: |d, _, _| each(&d.sources, |s| &s.slug, dir),
    depends: Depends::Items(shows),
    fill,
};

/// The folder of a source's page: `sources/SLUG/`.
pub fn dir(slug: &str) -> String {
    format!("sources/{slug}/")
}

/// The article's outlet and the site that republished it.
fn shows(d: &Dossier, _: &Analysis, index: usize) -> Vec<usize> {
    let article = &d.articles[index];
    std::iter::once(&article.source)
        .chain(&article.publisher)
        .filter_map(|slug| d.sources.iter().position(|s| s.slug == *slug))
        .collect()
}

fn fill(r: &Renderer, page: &PlannedPage, ctx: &mut tera::Context) -> Result<Filled, Diagnostic> {
    let v = &r.views;
    let d = v.dossier;
    let source = &d.sources[page.item];
    ctx.insert("source", &v.source(source));
    let articles: Vec<usize> = d
        .articles
        .iter()
        .enumerate()
        .filter(|(_, a)| a.source == source.slug || a.publisher.as_deref() == Some(&source.slug))
        .map(|(i, _)| i)
        .collect();
    let mut events: Vec<usize> = Vec::new();
    for &a in &articles {
        for slug in &d.articles[a].events {
            if let Some(i) = d.event_index(slug) {
                if !events.contains(&i) {
                    events.push(i);
                }
            }
        }
    }
    let items = v.timeline_items(&events, &articles, &page.root());
    ctx.insert(
        "timeline_svg",
        &timeline::svg(
            &items,
            "source-timeline",
            &format!(
                "Timeline of {}'s articles and the events they report",
                source.name
            ),
        ),
    );
    Ok(Filled::page(
        source.name.clone(),
        format!("Articles from {} in {}", source.name, v.config.title),
    ))
}
