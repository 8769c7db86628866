//! `dossier.json`: the dossier and its analysis, for other tools (docs/data.md).

use super::{single, Depends, Filled, Kind, PageKind, PlannedPage, Renderer};
use crate::diagnostics::Diagnostic;

pub const KIND: Kind = Kind {
    kind: PageKind::Data,
    label: "data file",
    template: "",
    pages: |_, _, _| single(PATH),
    depends: Depends::EveryArticle,
    fill,
};

/// Where the file is written.
pub const PATH: &str = "dossier.json";

/// The bytes in memory; `build` streams the file instead ([`Renderer::write_data`]).
fn fill(r: &Renderer, _: &PlannedPage, _: &mut tera::Context) -> Result<Filled, Diagnostic> {
    let mut bytes = Vec::new();
    r.write_data(&mut bytes).map_err(|err| {
        Diagnostic::error(PATH, format!("cannot serialise the data model: {err}"))
    })?;
    Ok(Filled::Bytes(bytes))
}
