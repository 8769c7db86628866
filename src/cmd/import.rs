//! `dossier import FILE...`: a first draft article from each text copied off a web page.
//!
//! The drafting is the [`crate::import`] stage; this command does the file system part: it
//! reads every input, drafts all of them, and writes only when every input could be drafted;
//! it never replaces a file unless `force`.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::import::{self, Draft, Known};
use crate::load;

/// Where drafts go, relative to the dossier root, unless `--into` says otherwise.
pub const DEFAULT_INTO: &str = "content/articles";

/// How to import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The folder for the drafts; relative paths are relative to the dossier root.
    pub into: PathBuf,
    /// Replace a draft that exists already.
    pub force: bool,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            into: PathBuf::from(DEFAULT_INTO),
            force: false,
        }
    }
}

/// One input drafted and written.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The input as the user named it.
    pub input: PathBuf,
    /// The draft written, relative to the dossier root when it lies inside it.
    pub output: PathBuf,
    pub draft: Draft,
    /// The whole file written.
    pub text: String,
}

/// Drafts every input into `options.into` under `root`. Reads and drafts all inputs first;
/// on any problem (unreadable, not UTF-8, empty, a draft that exists) writes nothing and
/// returns every problem found.
pub fn import(
    root: &Path,
    inputs: &[PathBuf],
    options: &ImportOptions,
) -> Result<Vec<Imported>, Vec<Diagnostic>> {
    if inputs.is_empty() {
        return Err(vec![Diagnostic::error(
            "dossier import",
            "no file to import",
        )
        .with_hint(
            "name one or more text files: dossier import page1.txt page2.txt",
        )]);
    }
    if !root.join("site.toml").is_file() && !root.join("content").is_dir() {
        return Err(vec![Diagnostic::error(
            root,
            "this folder is not a dossier (no site.toml, no content/); nothing was imported",
        )
        .with_hint("run the command inside a dossier, pass --root DIR, or start one with `dossier init DIR`")]);
    }
    let known = Known::load(root);
    let into = if options.into.is_absolute() {
        load::relative(root, &options.into)
    } else {
        options.into.clone()
    };
    let mut problems = Vec::new();
    let mut planned: Vec<Imported> = Vec::new();
    let mut taken: HashSet<String> = HashSet::new();
    for input in inputs {
        let text = match read_text(input) {
            Ok(text) => text,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        let draft = match import::draft(&text, &known) {
            Ok(draft) => draft,
            Err(message) => {
                problems.push(Diagnostic::error(input, message).with_hint(
                    "copy the article's text into the file, headline first, and import it again",
                ));
                continue;
            }
        };
        let base = import::output::file_slug(draft.title.value.as_deref(), input);
        let mut slug = base.clone();
        let mut n = 2;
        while !taken.insert(slug.clone()) {
            slug = format!("{base}-{n}");
            n += 1;
        }
        let output = into.join(format!("{slug}.md"));
        // symlink_metadata: a dangling link counts as a file that exists.
        if root.join(&output).symlink_metadata().is_ok() && !options.force {
            problems.push(
                Diagnostic::error(
                    &output,
                    format!(
                        "the draft of {} would replace this file, which exists already; dossier import never overwrites",
                        input.display()
                    ),
                )
                .with_hint("rename or move the existing file, or pass --force to replace it"),
            );
            continue;
        }
        let text = import::output::render(&draft, input);
        planned.push(Imported {
            input: input.clone(),
            output,
            draft,
            text,
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    for imported in &planned {
        let path = root.join(&imported.output);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|err| {
                vec![Diagnostic::error(
                    parent,
                    format!("cannot create the folder: {err}"),
                )]
            })?;
        }
        write_draft(&path, &imported.text, options.force).map_err(|err| {
            vec![Diagnostic::error(
                &imported.output,
                format!("cannot write the draft: {err}"),
            )]
        })?;
    }
    Ok(planned)
}

/// Creates `path` with `text`, never through a link and never over a file unless `force`
/// (which replaces the file, or the link itself, not what a link points to).
fn write_draft(path: &Path, text: &str, force: bool) -> std::io::Result<()> {
    if force && path.symlink_metadata().is_ok() {
        std::fs::remove_file(path)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    std::io::Write::write_all(&mut file, text.as_bytes())
}

/// What the CLI prints after an import: per draft, each field's state and every line removed.
pub fn report(imported: &[Imported]) -> String {
    let mut out = String::new();
    for item in imported {
        let _ = writeln!(out, "{} ← {}", item.output.display(), item.input.display());
        out.push_str(&import::output::summary(&item.draft));
        out.push('\n');
    }
    let todo: usize = imported.iter().map(|i| i.draft.todo_count()).sum();
    let _ = writeln!(
        out,
        "Drafted {} article{} (draft: true), {todo} TODO field{} to fill. Fill each `# TODO key:` line, review what was removed, then run `dossier build --drafts`.",
        imported.len(),
        if imported.len() == 1 { "" } else { "s" },
        if todo == 1 { "" } else { "s" },
    );
    out
}

/// Reads `path` as UTF-8 text; a clear error names the file and the first bad byte.
fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(path)
        .map_err(|err| Diagnostic::error(path, format!("cannot read the file: {err}")))?;
    load::utf8(path, bytes).map_err(|mut problem| {
        problem.message.push_str("; nothing was imported from it");
        problem
    })
}
