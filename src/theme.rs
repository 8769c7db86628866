//! The default theme, `briefing`, built into the binary: a dossier without `themes/briefing/`
//! is rendered with it, a `themes/briefing/` folder or `templates/` replace its files one by
//! one, and `dossier init --theme-only` copies it out for editing.

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::diagnostics::Diagnostic;

include!(concat!(env!("OUT_DIR"), "/theme_files.rs"));

/// The name of the default theme.
pub const NAME: &str = "briefing";

/// The built-in templates: (name inside `templates/`, text).
pub fn templates() -> impl Iterator<Item = (&'static str, &'static str)> {
    FILES.iter().filter_map(|(path, bytes)| {
        let name = path.strip_prefix("templates/")?;
        Some((name, std::str::from_utf8(bytes).ok()?))
    })
}

/// The built-in static files of `theme` (path inside `static/`, bytes): those of the default
/// theme, none for another.
pub fn static_files(theme: &str) -> Vec<(&'static str, &'static [u8])> {
    if theme != NAME {
        return Vec::new();
    }
    FILES
        .iter()
        .filter_map(|(path, bytes)| Some((path.strip_prefix("static/")?, *bytes)))
        .collect()
}

/// The problem of a theme other than the default one whose folder is missing.
pub fn missing(config: &Config) -> Diagnostic {
    let theme = &config.theme;
    config
        .at_setting(
            "theme",
            Diagnostic::error(
                crate::config::FILE_NAME,
                format!("the theme `{theme}` has no folder themes/{theme}/templates/"),
            ),
        )
        .with_hint(format!(
            "set `theme = \"{NAME}\"` in site.toml to use the built-in theme, or run \
             `dossier init --theme-only` to copy it into themes/{NAME}/ for editing \
             (then rename the folder to themes/{theme}/)"
        ))
}

/// Copies the built-in theme into `root/themes/briefing/`; refuses, writing nothing, when any
/// of its files exists already. Returns the files written, relative to `root`.
pub fn export(root: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let files: Vec<(PathBuf, &[u8])> = FILES
        .iter()
        .map(|(path, bytes)| (Path::new("themes").join(NAME).join(path), *bytes))
        .collect();
    let existing: Vec<&PathBuf> = files
        .iter()
        .map(|(rel, _)| rel)
        .filter(|rel| root.join(rel).exists())
        .collect();
    if let Some(first) = existing.first() {
        let more = match existing.len() {
            1 => String::new(),
            n => format!(" (and {} more of the theme's files)", n - 1),
        };
        return Err(
            Diagnostic::error(root.join(first), format!("the file exists already{more}"))
                .with_hint(format!(
            "`dossier init --theme-only` never overwrites: move themes/{NAME}/ aside to copy \
             the built-in theme afresh"
        )),
        );
    }
    crate::write::create_files(root, &files)?;
    Ok(files.into_iter().map(|(rel, _)| rel).collect())
}
