//! The default theme, `briefing`, built into the binary: a dossier without `themes/briefing/`
//! is rendered with it, a `themes/briefing/` folder or `templates/` replace its files one by
//! one, and `dossier init --theme-only` copies it out for editing.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use include_dir::{include_dir, Dir};

use crate::config::Config;
use crate::diagnostics::Diagnostic;

/// The name of the default theme.
pub const NAME: &str = "briefing";

/// The folder `themes/briefing/` as it was when the binary was built.
static THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/briefing");

/// Every file of the default theme: (path inside the theme, with `/`; contents), sorted by
/// path, so that templates load and `init --theme-only` writes in one order on every system.
static FILES: LazyLock<Vec<(&'static str, &'static [u8])>> = LazyLock::new(|| {
    fn walk(dir: &'static Dir<'static>, files: &mut Vec<(&'static str, &'static [u8])>) {
        for file in dir.files() {
            let path = file.path().to_str().expect("theme file names are UTF-8");
            files.push((path, file.contents()));
        }
        for inner in dir.dirs() {
            walk(inner, files);
        }
    }
    let mut files = Vec::new();
    walk(&THEME, &mut files);
    files.sort_unstable_by_key(|&(path, _)| path);
    files
});

/// The built-in templates: (name inside `templates/`, text).
pub fn templates() -> impl Iterator<Item = (&'static str, &'static str)> {
    FILES.iter().filter_map(|&(path, bytes)| {
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
        .filter_map(|&(path, bytes)| Some((path.strip_prefix("static/")?, bytes)))
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
        .map(|&(path, bytes)| (Path::new("themes").join(NAME).join(path), bytes))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_theme_is_every_file_of_the_theme_folder_in_path_order() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("themes")
            .join(NAME);
        let mut on_disk: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(&root)
            .into_iter()
            .map(|entry| entry.expect("theme folder"))
            .filter(|entry| entry.file_type().is_file())
            .map(|entry| {
                let rel = entry.path().strip_prefix(&root).unwrap();
                (
                    rel.to_string_lossy().replace('\\', "/"),
                    std::fs::read(entry.path()).unwrap(),
                )
            })
            .collect();
        on_disk.sort();
        let names: Vec<&str> = FILES.iter().map(|&(path, _)| path).collect();
        let expected: Vec<&str> = on_disk.iter().map(|(path, _)| path.as_str()).collect();
        assert_eq!(names, expected);
        assert!(names.contains(&"templates/base.html") && names.contains(&"static/style.css"));
        for (&(path, bytes), (_, disk)) in FILES.iter().zip(&on_disk) {
            assert!(
                bytes == disk.as_slice(),
                "{path} differs from the file on disk"
            );
        }
    }
}
