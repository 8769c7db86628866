//! `bibliography.bib`: every article as a BibLaTeX entry.

use super::{single, Depends, Filled, Kind, PageKind, PlannedPage, Renderer};
use crate::diagnostics::Diagnostic;
use crate::render::cite;

pub const KIND: Kind = Kind {
    kind: PageKind::BibTex,
    label: "BibTeX file",
    template: "",
    pages: |_, _, _| single(PATH),
    depends: Depends::EveryArticle,
    fill,
};

/// Where the file is written.
pub const PATH: &str = "bibliography.bib";

fn fill(r: &Renderer, _: &PlannedPage, _: &mut tera::Context) -> Result<Filled, Diagnostic> {
    Ok(Filled::Bytes(cite::bibtex(&r.views.works()).into_bytes()))
}
