//! `dossier check`: every validation of `build`, every page rendered, and every internal link
//! and anchor of the rendered pages verified, without writing anything.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::render::links::{self, PageLinks};
use crate::render::{self, Renderer};
use crate::{LoadOptions, Site};

/// Returns the warnings when the dossier would build; every problem otherwise.
pub fn check(root: &Path, options: &LoadOptions) -> Result<Vec<Diagnostic>, Vec<Diagnostic>> {
    let site = Site::load(root, options)?;
    let renderer = Renderer::of(&site, false);
    let plan = render::plan(&site.dossier, &site.config);
    let rendered: Vec<Result<(String, PageLinks), Diagnostic>> = plan
        .par_iter()
        .map(|page| {
            let bytes = renderer.render(page)?;
            let found = if page.path.ends_with(".html") {
                links::extract(&String::from_utf8_lossy(&bytes))
            } else {
                PageLinks::default()
            };
            Ok((page.path.clone(), found))
        })
        .collect();
    let mut pages = HashMap::new();
    let mut problems = Vec::new();
    for result in rendered {
        match result {
            Ok((path, found)) => {
                pages.insert(path, found);
            }
            Err(problem) => problems.push(problem),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let assets = asset_paths(&site);
    let prefixes: &[&str] = if site.config.search {
        &["pagefind/"]
    } else {
        &[]
    };
    let broken = links::check(&pages, &assets, prefixes);
    if broken.is_empty() {
        Ok(site.warnings)
    } else {
        Err(broken)
    }
}

/// The files a build copies as they are: the theme's and the dossier's `static/`, and the
/// highlighting stylesheet.
fn asset_paths(site: &Site) -> HashSet<String> {
    let mut assets: HashSet<String> = ["syntax.css".to_owned()].into_iter().collect();
    for dir in site.static_dirs() {
        for entry in walkdir::WalkDir::new(&dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
        {
            if let Ok(rel) = entry.path().strip_prefix(&dir) {
                assets.insert(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    assets
}
