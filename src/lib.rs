//! dossier: a static site generator for briefing dossiers.
//!
//! The pipeline runs one way: [`config`] and [`load`] read the files, [`model`] resolves them
//! into an immutable [`model::Dossier`], [`analyse`] computes facts from the text, [`render`]
//! turns both into pages, and [`write`] puts them on disk atomically. [`import`] is a stage
//! apart, before the others: text copied off a web page → a draft article. The commands in
//! [`cmd`] only orchestrate these stages; see ARCHITECTURE.md for the map.

pub mod analyse;
pub mod cmd;
pub mod config;
pub mod diagnostics;
pub mod import;
pub mod load;
pub mod model;
pub mod plan;
pub mod render;
pub mod search;
pub mod serve;
pub mod theme;
pub mod vocab;
pub mod write;

use std::path::{Path, PathBuf};

use analyse::Analysis;
use config::Config;
use diagnostics::{has_errors, Diagnostic};
use model::Dossier;

/// A dossier read, resolved and analysed, with its templates compiled: everything a build
/// needs before writing.
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub dossier: Dossier,
    pub analysis: Analysis,
    pub templates: tera::Tera,
    /// Problems that do not stop a build.
    pub warnings: Vec<Diagnostic>,
}

/// Prints how long each stage took when `DOSSIER_TIMINGS` is set: a profile without a
/// profiler.
pub struct Timer {
    started: std::cell::Cell<std::time::Instant>,
    on: bool,
}

impl Timer {
    pub fn start() -> Timer {
        Timer {
            started: std::cell::Cell::new(std::time::Instant::now()),
            on: std::env::var_os("DOSSIER_TIMINGS").is_some(),
        }
    }

    pub fn lap(&self, stage: &str) {
        if self.on {
            eprintln!(
                "timing: {stage}: {} ms{}",
                self.started.get().elapsed().as_millis(),
                memory()
            );
        }
        self.started.set(std::time::Instant::now());
    }
}

/// The process's resident memory now and at its peak, as read from /proc (Linux only).
fn memory() -> String {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return String::new();
    };
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<u64>().ok())
            .map_or(0, |kb| kb / 1024)
    };
    format!(" (RSS {} MB, peak {} MB)", field("VmRSS:"), field("VmHWM:"))
}

/// How to read a dossier.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Include articles and pages marked `draft: true`.
    pub drafts: bool,
    /// Replaces `base_url` of site.toml.
    pub base_url: Option<String>,
}

impl Site {
    /// Runs every stage up to rendering. `Err` holds every problem found (errors and
    /// warnings, in file order) when any is an error.
    pub fn load(root: &Path, options: &LoadOptions) -> Result<Site, Vec<Diagnostic>> {
        let timer = Timer::start();
        let config = Site::config(root, options)?;
        let (documents, problems) = load::load(root);
        timer.lap("load: site.toml and files read");
        let templates = render::templates::load(root, &config);
        timer.lap("load: templates");
        let (dossier, problems) = {
            let documents: Vec<&load::RawDocument> = documents.iter().collect();
            Site::resolve(&config, &documents, problems, options)
        };
        // The model owns what it needs: the files as read can go before the analysis.
        drop(documents);
        Site::analysed(root, config, dossier, problems, templates)
    }

    /// The folders whose files a build copies as they are: the theme's `static/`, then the
    /// dossier's (which wins). Both go over [`Site::built_in_static`].
    pub fn static_dirs(&self) -> [PathBuf; 2] {
        [
            self.root
                .join("themes")
                .join(&self.config.theme)
                .join("static"),
            self.root.join("static"),
        ]
    }

    /// The static files of the built-in theme that no folder of [`Site::static_dirs`] replaces
    /// (none for a theme other than the default).
    pub fn built_in_static(&self) -> Vec<(&'static str, &'static [u8])> {
        let dirs = self.static_dirs();
        theme::static_files(&self.config.theme)
            .into_iter()
            .filter(|(rel, _)| !dirs.iter().any(|dir| dir.join(rel).is_file()))
            .collect()
    }

    /// Reads `site.toml`, with the overrides of `options`.
    pub fn config(root: &Path, options: &LoadOptions) -> Result<Config, Vec<Diagnostic>> {
        let mut config = Config::load(root)?;
        if let Some(url) = &options.base_url {
            config.base_url = config::normalise_base_url(url).ok_or_else(|| {
                vec![Diagnostic::error(
                    "--base-url",
                    format!("`{url}` is not an absolute http(s) URL or a path starting with /"),
                )
                .with_hint("for example: --base-url https://example.org/crimea/")]
            })?;
        }
        Ok(config)
    }

    /// Resolves and analyses documents already read (with the problems found reading them),
    /// and pairs them with compiled templates.
    pub fn assemble(
        root: &Path,
        config: Config,
        documents: &[&load::RawDocument],
        problems: Vec<Diagnostic>,
        templates: Result<tera::Tera, Vec<Diagnostic>>,
        options: &LoadOptions,
    ) -> Result<Site, Vec<Diagnostic>> {
        let (dossier, problems) = Site::resolve(&config, documents, problems, options);
        Site::analysed(root, config, dossier, problems, templates)
    }

    /// The model of `documents`, with the problems found so far and those of resolving.
    fn resolve(
        config: &Config,
        documents: &[&load::RawDocument],
        mut problems: Vec<Diagnostic>,
        options: &LoadOptions,
    ) -> (Dossier, Vec<Diagnostic>) {
        let timer = Timer::start();
        let (dossier, model_problems) = model::resolve(
            documents,
            model::Options {
                drafts: options.drafts,
                smart_punctuation: config.markdown.smart_punctuation,
            },
        );
        problems.extend(model_problems);
        timer.lap("resolve");
        (dossier, problems)
    }

    /// Analyses the model and pairs it with the templates; `Err` when any problem so far is
    /// an error.
    fn analysed(
        root: &Path,
        config: Config,
        dossier: Dossier,
        mut problems: Vec<Diagnostic>,
        templates: Result<tera::Tera, Vec<Diagnostic>>,
    ) -> Result<Site, Vec<Diagnostic>> {
        let timer = Timer::start();
        let (analysis, analysis_problems) = analyse::analyse(&dossier);
        problems.extend(analysis_problems);
        timer.lap("analyse");
        let templates = match templates {
            Ok(tera) => Some(tera),
            Err(template_problems) => {
                problems.extend(template_problems);
                None
            }
        };
        problems.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
        match templates {
            Some(templates) if !has_errors(&problems) => Ok(Site {
                root: root.to_path_buf(),
                config,
                dossier,
                analysis,
                templates,
                warnings: problems,
            }),
            _ => Err(problems),
        }
    }
}
