//! The chronology: every event and article by date, with a timeline and filters.

use super::{single, Depends, Filled, Kind, PageKind, PlannedPage, Renderer};
use crate::diagnostics::Diagnostic;
use crate::render::chronology::{Entry, Level, Year};
use crate::render::templates::{CHRONOLOGY, CHRONOLOGY_ENTRY as ENTRY_TEMPLATE};
use crate::render::timeline;

pub const KIND: Kind = Kind {
    kind: PageKind::Chronology,
    label: "chronology",
    template: CHRONOLOGY,
    pages: |_, _, _| single(&super::index_html(DIR)),
    depends: Depends::EveryArticle,
    fill,
};

/// The folder of the chronology.
pub const DIR: &str = "chronology/";

fn fill(r: &Renderer, page: &PlannedPage, ctx: &mut tera::Context) -> Result<Filled, Diagnostic> {
    let v = &r.views;
    let d = v.dossier;
    let all: Vec<usize> = (0..d.events.len()).collect();
    let articles: Vec<usize> = (0..d.articles.len()).collect();
    let items = v.timeline_items(&all, &articles, &page.root());
    let caption = format!(
        "Timeline of {} events and {} articles",
        d.events.len(),
        d.articles.len()
    );
    ctx.insert(
        "timeline_svg",
        &timeline::svg(&items, "chronology-timeline", &caption),
    );
    let filters = v.chronology_filters();
    ctx.insert("filter_css", &v.chronology_filter_css(&filters));
    ctx.insert("filters", &filters);
    // Without an entry template of the chronology's layer or a later one, the chronology
    // lists its entries itself (render::templates::load).
    let own_entries = r.tera.get_template(ENTRY_TEMPLATE).is_err();
    if own_entries {
        ctx.insert("years", &v.chronology());
    } else {
        // Each entry is rendered as soon as it is made and the page gets its HTML: the whole
        // chronology as one template value, or all its entries at once, took more memory
        // than any other page of a large dossier.
        let root = page.root();
        let years: Vec<Year<String>> = v.chronology_with(|e: Entry, level: Level| {
            let mut entry_ctx = tera::Context::new();
            entry_ctx.insert("e", &e);
            entry_ctx.insert("root", &root);
            entry_ctx.insert("level", &level);
            r.render_template(ENTRY_TEMPLATE, &entry_ctx, page)
        })?;
        ctx.insert("years", &years);
    }
    Ok(Filled::page(
        "Chronology",
        format!("Events and reporting in date order: {}", v.config.title),
    ))
}
