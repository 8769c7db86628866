//! `dossier build`: load, render every page in parallel, write atomically.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::progress::Progress;
use crate::diagnostics::Diagnostic;
use crate::plan::{AssetFrom, SitePlan};
use crate::render::{PageKind, Renderer};
use crate::write::{self, Staging};
use crate::{LoadOptions, Site};

#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub load: LoadOptions,
    /// Where to write; `output_dir` of site.toml (relative to the root) when `None`.
    pub output: Option<PathBuf>,
    /// Links end in `index.html`, for browsing from disk.
    pub file_urls: bool,
}

/// What a build did, for the summary line.
#[derive(Debug)]
pub struct BuildSummary {
    pub output: PathBuf,
    pub pages: BTreeMap<PageKind, usize>,
    pub elapsed: Duration,
    pub warnings: Vec<Diagnostic>,
    /// Pages in the search index, when it was built.
    pub indexed: Option<usize>,
}

impl BuildSummary {
    pub fn total(&self) -> usize {
        self.pages.values().sum()
    }

    /// "48 pages in 95 ms (1 front page, 5 articles, …)".
    pub fn summary(&self) -> String {
        let kinds: Vec<String> = self
            .pages
            .iter()
            .map(|(kind, n)| format!("{n} {}", kind.label()))
            .collect();
        let search = self
            .indexed
            .map_or_else(String::new, |n| format!("; {n} pages in the search index"));
        format!(
            "{} files in {} ms ({}){search}",
            self.total(),
            self.elapsed.as_millis(),
            kinds.join(", ")
        )
    }
}

/// Builds the dossier at `root`. On any error the previous output is left as it was.
pub fn build(root: &Path, options: &BuildOptions) -> Result<BuildSummary, Vec<Diagnostic>> {
    let started = Instant::now();
    let timer = crate::Timer::start();
    let progress = Progress::start();
    let mut site = Site::load(root, &options.load)?;
    site.analysis.release_quantities();
    timer.lap("load to analysis");
    let output = match &options.output {
        Some(output) => output.clone(),
        None => root.join(&site.config.output_dir),
    };
    // A refused folder is reported where it was chosen: the flag, or its line in site.toml.
    let target = write::check_output(root, &output).map_err(|problem| {
        vec![match options.output {
            Some(_) => Diagnostic {
                path: "--output".into(),
                ..problem
            },
            None => site.config.locate("output_dir", "--output DIR", problem),
        }]
    })?;
    let staging = Staging::new(&target, |holder| {
        let holder = holder.map_or_else(String::new, |pid| format!(" (process {pid})"));
        eprintln!(
            "waiting for another build into {} to finish{holder}",
            target.display()
        );
    })
    .map_err(|d| vec![d])?;
    let plan = site.plan().map_err(|d| vec![d])?;
    // The search index is made from the model, not from the written pages: it is built beside
    // the rendering, on a thread of its own.
    let (pages, index) = crate::search::beside(&site, &plan.pages, || {
        let pages = write_site(&site, &plan, &staging, options.file_urls, &progress);
        timer.lap("render and write");
        if site.config.search {
            progress.stage("finishing the search index");
        }
        pages
    });
    // A page that cannot be written is the problem to report (the index is given up then).
    let pages = pages?;
    let index = index.transpose().map_err(|d| vec![d])?;
    if let Some(index) = &index {
        index.write(&staging).map_err(|d| vec![d])?;
    }
    let indexed = index.map(|index| index.pages);
    timer.lap("search index (waited for after rendering)");
    staging.commit().map_err(|d| vec![d])?;
    drop(progress);
    Ok(BuildSummary {
        output: target,
        pages,
        elapsed: started.elapsed(),
        warnings: site.warnings,
        indexed,
    })
}

/// Renders and writes every file of `plan` into `staging`; returns the count per kind.
pub fn write_site(
    site: &Site,
    plan: &SitePlan,
    staging: &Staging,
    file_urls: bool,
    progress: &Progress,
) -> Result<BTreeMap<PageKind, usize>, Vec<Diagnostic>> {
    for asset in &plan.assets {
        match &asset.from {
            AssetFrom::File(from) => staging.copy(from, &asset.path),
            _ => asset
                .bytes()
                .and_then(|bytes| staging.write(&asset.path, &bytes)),
        }
        .map_err(|d| vec![d])?;
    }
    let mut counts = BTreeMap::from([(PageKind::Asset, plan.assets.len())]);
    let plan = &plan.pages;
    let renderer = Renderer::of(site, plan, file_urls);
    progress.pages(plan.len());
    let timings = std::env::var_os("DOSSIER_TIMINGS").is_some();
    let spent: std::sync::Mutex<BTreeMap<PageKind, u128>> = Default::default();
    // A page that fails to render is a problem to report with the others; a file that cannot
    // be written (a full disk, a size limit) stops the build at once, reported once.
    let rendered: Result<Vec<Option<Diagnostic>>, Diagnostic> = plan
        .par_iter()
        .map(|page| {
            let started = Instant::now();
            let result = match page.kind {
                PageKind::Data => staging
                    .write_with(&page.path, |file| renderer.write_data(file))
                    .map(|()| None),
                _ => match renderer.render(page) {
                    Ok(bytes) => staging.write(&page.path, &bytes).map(|()| None),
                    Err(problem) => Ok(Some(problem)),
                },
            };
            progress.page_done();
            if timings {
                *spent
                    .lock()
                    .expect("not poisoned")
                    .entry(page.kind)
                    .or_default() += started.elapsed().as_micros();
            }
            result
        })
        .collect();
    let problems: Vec<Diagnostic> = rendered
        .map_err(|failed| vec![failed])?
        .into_iter()
        .flatten()
        .collect();
    if timings {
        for (kind, micros) in spent.into_inner().expect("not poisoned") {
            eprintln!(
                "timing: render {}: {} ms (summed over threads)",
                kind.label(),
                micros / 1000
            );
        }
    }
    if !problems.is_empty() {
        let mut problems = problems;
        problems.sort_by(|a, b| a.message.cmp(&b.message));
        problems.dedup_by(|a, b| a.path == b.path && a.message == b.message);
        return Err(problems);
    }
    for page in plan {
        *counts.entry(page.kind).or_default() += 1;
    }
    Ok(counts)
}
