//! The Tera templates of a dossier: the theme's `templates/`, overridden file by file by the
//! dossier's own `templates/`, compiled once per build. The default theme is built in: its
//! files in the binary are the first layer, under `themes/briefing/templates/` (when there is
//! one) and `templates/`.

use std::path::{Path, PathBuf};

use tera::Tera;

use crate::config::Config;
use crate::diagnostics::Diagnostic;

/// Templates every theme must provide, one per page kind (plus the `base.html` they extend).
pub const REQUIRED: &[&str] = &[
    "index.html",
    "article.html",
    "actors.html",
    "actor.html",
    "sources.html",
    "source.html",
    "event.html",
    "page.html",
    "chronology.html",
    "compare_index.html",
    "compare.html",
    "search.html",
    "notes.html",
    "bibliography.html",
    "404.html",
];

/// The chronology's template, and the template of one of its entries.
pub const CHRONOLOGY: &str = "chronology.html";
pub const CHRONOLOGY_ENTRY: &str = "chronology_entry.html";

/// Loads and compiles the templates of the theme of `config`, with `root/templates/`
/// overriding it.
pub fn load(root: &Path, config: &Config) -> Result<Tera, Vec<Diagnostic>> {
    let theme = config.theme.as_str();
    let theme_dir = root.join("themes").join(theme).join("templates");
    let built_in = theme == crate::theme::NAME;
    if !built_in && !theme_dir.is_dir() {
        return Err(vec![crate::theme::missing(config)]);
    }
    let mut sources: Vec<(String, PathBuf, String)> = Vec::new();
    if built_in {
        for (name, text) in crate::theme::templates() {
            sources.push((
                name.to_owned(),
                PathBuf::from(format!("(built-in theme)/templates/{name}")),
                text.to_owned(),
            ));
        }
    }
    let mut problems = Vec::new();
    let layers = [theme_dir, root.join("templates")];
    for dir in &layers {
        for (name, path) in template_files(dir) {
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    sources.retain(|(n, _, _)| *n != name);
                    sources.push((name, path, text));
                }
                Err(err) => problems.push(Diagnostic::error(
                    crate::load::relative(root, &path),
                    format!("cannot read the template: {err}"),
                )),
            }
        }
    }
    for required in REQUIRED {
        if !sources.iter().any(|(name, _, _)| name == required) {
            problems.push(
                Diagnostic::error(
                    format!("themes/{theme}/templates/{required}"),
                    "a required template is missing",
                )
                .with_hint(format!("every theme provides: {}", REQUIRED.join(", "))),
            );
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    // The chronology's entries are rendered by `chronology_entry.html` only where it comes from
    // the layer (built-in theme, themes/<theme>/, templates/) that gives `chronology.html`, or a
    // later one: a chronology.html written before the entry template existed lists its entries
    // itself, and gets them as values (see render/pages/chronology.rs).
    let layer = |name: &str| {
        sources
            .iter()
            .find(|(n, _, _)| n == name)
            .map(|(_, path, _)| {
                layers
                    .iter()
                    .rposition(|dir| path.starts_with(dir))
                    .map_or(0, |i| i + 1)
            })
    };
    if let (Some(list), Some(entry)) = (layer(CHRONOLOGY), layer(CHRONOLOGY_ENTRY)) {
        if entry < list {
            sources.retain(|(n, _, _)| n != CHRONOLOGY_ENTRY);
        }
    }
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".xml"]);
    // Tera's own escaper also writes `/` as `&#x2F;`, which is safe but unreadable in URLs.
    tera.set_escape_fn(super::markdown::escape);
    let raw: Vec<(String, String)> = sources
        .iter()
        .map(|(n, _, t)| (n.clone(), t.clone()))
        .collect();
    if let Err(err) = tera.add_raw_templates(raw) {
        let path = sources
            .iter()
            .find(|(name, _, _)| error_chain(&err).contains(&format!("'{name}'")))
            .map_or_else(
                || PathBuf::from(format!("themes/{theme}/templates")),
                |(_, p, _)| crate::load::relative(root, p),
            );
        return Err(vec![Diagnostic::error(
            path,
            format!("the template does not compile: {}", error_chain(&err)),
        )
        .with_hint(
            "see docs/templates.md for the variables and the Tera syntax",
        )]);
    }
    Ok(tera)
}

/// `(name, path)` of every `.html`/`.xml` file under `dir`, named by its path inside it.
fn template_files(dir: &Path) -> Vec<(String, PathBuf)> {
    if !dir.is_dir() {
        return Vec::new();
    }
    let mut files: Vec<(String, PathBuf)> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            matches!(
                e.path().extension().and_then(|x| x.to_str()),
                Some("html" | "xml")
            )
        })
        .map(|e| {
            let name = e
                .path()
                .strip_prefix(dir)
                .unwrap_or(e.path())
                .to_string_lossy()
                .replace('\\', "/");
            (name, e.into_path())
        })
        .collect();
    files.sort();
    files
}

/// Tera's error and every cause under it, on one line.
pub fn error_chain(err: &tera::Error) -> String {
    let mut text = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
