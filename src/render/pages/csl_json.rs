//! `bibliography.json`: every article as CSL-JSON, for reference managers.

use super::{single, Depends, Filled, Kind, PageKind, PlannedPage, Renderer};
use crate::diagnostics::Diagnostic;
use crate::render::cite;

pub const KIND: Kind = Kind {
    kind: PageKind::CslJson,
    label: "CSL-JSON file",
    template: "",
    pages: |_, _, _| single(PATH),
    depends: Depends::EveryArticle,
    fill,
};

/// Where the file is written.
pub const PATH: &str = "bibliography.json";

fn fill(r: &Renderer, _: &PlannedPage, _: &mut tera::Context) -> Result<Filled, Diagnostic> {
    Ok(Filled::Bytes(cite::csl_json(&r.views.works()).into_bytes()))
}
