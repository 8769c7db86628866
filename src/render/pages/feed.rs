//! `atom.xml`: the Atom feed of every article, newest first.

use super::{single, Depends, Filled, Kind, PageKind, PlannedPage, Renderer};
use crate::diagnostics::Diagnostic;
use crate::render::feeds;

pub const KIND: Kind = Kind {
    kind: PageKind::Feed,
    label: "feed",
    template: "",
    pages: |_, _, _| single(PATH),
    depends: Depends::EveryArticle,
    fill,
};

/// Where the feed is written.
pub const PATH: &str = "atom.xml";

fn fill(r: &Renderer, _: &PlannedPage, _: &mut tera::Context) -> Result<Filled, Diagnostic> {
    Ok(Filled::Bytes(
        feeds::atom(r.views.dossier, r.views.config).into_bytes(),
    ))
}
