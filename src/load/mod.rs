//! Reading a dossier from disk: walk `content/`, read each file as UTF-8, split its front
//! matter and turn the YAML into raw, positioned values ([`RawDocument`]). Nothing here
//! knows what a reference means; that is the model's job.

mod frontmatter;
mod raw;
mod yaml;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

pub use raw::{
    is_slug, slugify, RawActor, RawArticle, RawClaim, RawData, RawDocument, RawEvent, RawFront,
    RawPage, RawQuote, RawSource, Spanned,
};

use crate::diagnostics::{line_col, Diagnostic};

/// The content folders and the kind of document each holds.
pub const CONTENT_DIRS: &[(&str, Kind)] = &[
    ("articles", Kind::Article),
    ("actors", Kind::Actor),
    ("sources", Kind::Source),
    ("events", Kind::Event),
    ("pages", Kind::Page),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Article,
    Actor,
    Source,
    Event,
    Page,
    /// `content/_index.md`: the analyst's summary on the front page.
    Front,
}

/// The front page's summary: `content/_index.md`, beside the content folders.
pub const FRONT_FILE: &str = "_index.md";

impl Kind {
    /// The folder under `content/` (none, "", for the front page's file).
    pub fn dir(self) -> &'static str {
        if self == Kind::Front {
            return "";
        }
        CONTENT_DIRS
            .iter()
            .find(|(_, kind)| *kind == self)
            .map(|(dir, _)| *dir)
            .expect("every kind has a folder")
    }
}

/// One content file, read but not yet parsed.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub kind: Kind,
    pub slug: String,
    /// Relative to the dossier root, for messages.
    pub path: PathBuf,
    pub text: String,
    /// It could not be read (its problem is reported); it stands for its slug only.
    pub unreadable: bool,
}

/// Reads every content file of the dossier at `root` and parses its front matter.
pub fn load(root: &Path) -> (Vec<RawDocument>, Vec<Diagnostic>) {
    let (files, mut problems) = discover(root);
    let parsed: Vec<(Option<RawDocument>, Vec<Diagnostic>)> = files
        .into_par_iter()
        .map(|file| {
            if file.unreadable {
                (Some(raw::unreadable(file)), Vec::new())
            } else {
                raw::parse(file)
            }
        })
        .collect();
    let mut documents = Vec::with_capacity(parsed.len());
    for (document, file_problems) in parsed {
        documents.extend(document);
        problems.extend(file_problems);
    }
    (documents, problems)
}

/// Parses the text of one content file of `kind` named `<slug>.md`, as [`load`] does for each
/// file it reads (after [`normalise_text`]). For tests and fuzzing.
pub fn parse_source(kind: Kind, slug: &str, text: &str) -> (Option<RawDocument>, Vec<Diagnostic>) {
    let name = match kind {
        Kind::Front => FRONT_FILE.to_owned(),
        _ => format!("{slug}.md"),
    };
    raw::parse(SourceFile {
        kind,
        slug: slug.to_owned(),
        path: PathBuf::from("content").join(kind.dir()).join(name),
        text: normalise_text(text),
        unreadable: false,
    })
}

/// Reads and parses one content file (an absolute path under `root/content/`); `None` when
/// the path is not a content file (another extension, a hidden file, an unknown folder).
pub fn load_one(root: &Path, path: &Path) -> Option<(Option<RawDocument>, Vec<Diagnostic>)> {
    let rel = relative(root, path);
    let mut parts = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned());
    if parts.next().as_deref() != Some("content")
        || path.extension().and_then(|e| e.to_str()) != Some("md")
    {
        return None;
    }
    let folder = parts.next()?;
    if folder == FRONT_FILE && parts.next().is_none() {
        return Some(match read_file(Kind::Front, path, rel) {
            (file, None) => raw::parse(file),
            (file, Some(problem)) => (Some(raw::unreadable(file)), vec![problem]),
        });
    }
    if rel
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
    {
        return None;
    }
    let (_, kind) = CONTENT_DIRS.iter().find(|(dir, _)| *dir == folder)?;
    Some(match read_file(*kind, path, rel) {
        (file, None) => raw::parse(file),
        (file, Some(problem)) => (Some(raw::unreadable(file)), vec![problem]),
    })
}

/// Finds and reads the content files under `root/content`.
pub fn discover(root: &Path) -> (Vec<SourceFile>, Vec<Diagnostic>) {
    let content = root.join("content");
    let mut problems = Vec::new();
    let mut paths = Vec::new();
    if !content.is_dir() {
        problems.push(
            Diagnostic::error("content", "the dossier has no content/ folder")
                .with_hint("create content/articles/, content/actors/, content/sources/ and content/events/, or start with `dossier init DIR`"),
        );
        return (Vec::new(), problems);
    }
    let walker = WalkDir::new(&content)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| !entry.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err
                    .path()
                    .map_or_else(|| content.clone(), Path::to_path_buf);
                let message = if err.loop_ancestor().is_some() {
                    "a symbolic link here points back into one of its own parent folders".to_owned()
                } else {
                    format!("cannot read: {err}")
                };
                problems.push(
                    Diagnostic::error(relative(root, &path), message)
                        .with_hint("remove the link or point it outside content/"),
                );
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.into_path();
        if path.extension().and_then(|e| e.to_str()) != Some("md") {
            continue;
        }
        let rel = relative(root, &path);
        if rel == Path::new("content").join(FRONT_FILE) {
            paths.push((Kind::Front, path, rel));
            continue;
        }
        let folder = rel
            .components()
            .nth(1)
            .map(|c| c.as_os_str().to_string_lossy().into_owned());
        match CONTENT_DIRS
            .iter()
            .find(|(dir, _)| folder.as_deref() == Some(dir) && rel.components().count() > 2)
        {
            Some((_, kind)) => paths.push((*kind, path, rel)),
            None => problems.push(
                Diagnostic::error(&rel, "a Markdown file outside the content folders")
                    .with_hint("move it into content/articles/, content/actors/, content/sources/, content/events/ or content/pages/ (the front page's summary is content/_index.md)"),
            ),
        }
    }
    let read: Vec<(SourceFile, Option<Diagnostic>)> = paths
        .into_par_iter()
        .map(|(kind, path, rel)| read_file(kind, &path, rel))
        .collect();
    let mut files = Vec::with_capacity(read.len());
    // An unreadable file still exists: it is kept for its slug, with no text.
    for (file, problem) in read {
        files.push(file);
        problems.extend(problem);
    }
    (files, problems)
}

/// Reads a file as UTF-8; on failure, an empty stand-in that keeps its slug, and the problem.
fn read_file(kind: Kind, path: &Path, rel: PathBuf) -> (SourceFile, Option<Diagnostic>) {
    let slug = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    match read_text(path, &rel) {
        Ok(text) => (
            SourceFile {
                kind,
                slug,
                path: rel,
                text,
                unreadable: false,
            },
            None,
        ),
        Err(problem) => (
            SourceFile {
                kind,
                slug,
                path: rel,
                text: String::new(),
                unreadable: true,
            },
            Some(problem),
        ),
    }
}

/// The largest content file read, in bytes: far above any article, and low enough that a
/// stray file (a data dump, a log) fails at once with a clear message instead of holding the
/// build for minutes and gigabytes.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

fn read_text(path: &Path, rel: &Path) -> Result<String, Diagnostic> {
    use std::io::Read;
    let cannot =
        |err: std::io::Error| Diagnostic::error(rel, format!("cannot read the file: {err}"));
    let too_big = |size: u64| {
        Diagnostic::error(
            rel,
            format!(
                "the file is too large ({:.1} MB); content files may be at most {} MB",
                size as f64 / 1_048_576.0,
                MAX_FILE_BYTES / 1_048_576
            ),
        )
        .with_hint("split it into several articles, or keep only the text of the article")
    };
    let file = std::fs::File::open(path).map_err(cannot)?;
    let size = file.metadata().map_err(cannot)?.len();
    if size > MAX_FILE_BYTES {
        return Err(too_big(size));
    }
    // Never more than the limit, even from a file that grows while it is read.
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    let text = utf8(rel, bytes)?;
    Ok(normalise_text(&text))
}

/// `bytes` as text, or an error at the line and column of the first byte that is not UTF-8,
/// naming `path`.
pub fn utf8(path: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    String::from_utf8(bytes).map_err(|err| {
        let valid = err.utf8_error().valid_up_to();
        let bytes = err.into_bytes();
        let prefix = String::from_utf8_lossy(&bytes[..valid]);
        let (line, column) = line_col(&prefix, prefix.len());
        let shown = String::from_utf8_lossy(&bytes).into_owned();
        Diagnostic::error(
            path,
            format!(
                "the file is not UTF-8 text (byte 0x{:02X} at byte offset {valid})",
                bytes[valid]
            ),
        )
        .at(&shown, line, column)
        .with_hint(
            "save the file as UTF-8, for example with `iconv -f WINDOWS-1252 -t UTF-8 in.txt > out.txt`",
        )
    })
}

/// The text of a file as every later stage sees it: no byte order mark, and `\n` for every
/// line end (`\r\n`, and a lone `\r` as old Mac files have, which YAML and Markdown also
/// count as a line end: lines in messages then agree with the parsers').
pub fn normalise_text(text: &str) -> String {
    text.strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n")
        .replace('\r', "\n")
}

/// `path` relative to `root`, or as it is when it lies elsewhere.
pub fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}
