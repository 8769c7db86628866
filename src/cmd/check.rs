//! `dossier check`: every validation of `build`, and every page rendered, without writing.

use std::path::Path;

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::render::{self, Renderer};
use crate::{LoadOptions, Site};

/// Returns the warnings when the dossier would build; every problem otherwise.
pub fn check(root: &Path, options: &LoadOptions) -> Result<Vec<Diagnostic>, Vec<Diagnostic>> {
    let site = Site::load(root, options)?;
    let renderer = Renderer::new(
        &site.templates,
        &site.dossier,
        &site.analysis,
        &site.config,
        false,
    );
    let problems: Vec<Diagnostic> = render::plan(&site.dossier)
        .par_iter()
        .filter_map(|page| renderer.render(page).err())
        .collect();
    if problems.is_empty() {
        Ok(site.warnings)
    } else {
        Err(problems)
    }
}
