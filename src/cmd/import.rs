//! `dossier import FILE...`: a first draft article from text copied off a web page.
//!
//! Copied text has the headline first, then the article mixed with the page's furniture:
//! share buttons, navigation, captions, credits, form fields, dates of the page and of the
//! copy, and sometimes a paragraph printed twice. The draft is made in three steps, each a
//! pure function of the text and of the dossier's known sources and actors:
//!
//! 1. [`split_paragraphs`]: one paragraph per line (web copy is not wrapped), or per block
//!    when the text looks hard-wrapped.
//! 2. [`classify`]: small named rules, one per kind of furniture, each with its tests below
//!    or in its own file ([`prompts`]: reader prompts and comment headings, [`credits`]:
//!    bylines, header lines and picture credits in other sites' shapes, [`stamps`]: times
//!    without a date). A rule removes a line and may leave a *clue* (a credit, the site, a
//!    date).
//! 3. [`layout`]: rules by position — the headline, the page's header above and around it,
//!    the comment section and the tail after the text.
//! 4. [`draft`]: the title, repeated runs, the short lines after the text, and the front
//!    matter decided from the clues. Every field says whether it was detected (and from
//!    what) or is a `TODO`.
//!
//! The rules are measured on pages of kinds of site they were not written from:
//! `tests/import/corpus/`, run by `tests/import.rs`.
//!
//! [`import`] does the file system part: it reads every input, drafts all of them, and
//! writes only when every input could be drafted; it never replaces a file unless `force`.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::analyse::Matcher;
use crate::diagnostics::Diagnostic;
use crate::load::{self, slugify, RawData, RawDocument};
use crate::model::{self, Dossier};

mod credits;
mod layout;
mod prompts;
mod stamps;

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
        let draft = match draft(&text, &known) {
            Ok(draft) => draft,
            Err(message) => {
                problems.push(Diagnostic::error(input, message).with_hint(
                    "copy the article's text into the file, headline first, and import it again",
                ));
                continue;
            }
        };
        let base = file_slug(draft.title.value.as_deref(), input);
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
        let text = render(&draft, input);
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
        let d = &item.draft;
        let _ = writeln!(out, "{} ← {}", item.output.display(), item.input.display());
        let field = |out: &mut String, key: &str, guess: &Guess, required: bool| {
            let state = match (&guess.value, required) {
                (Some(_), _) => "detected",
                (None, true) => "TODO",
                (None, false) => "none",
            };
            match &guess.value {
                Some(value) => {
                    let _ = writeln!(out, "  {key:<10} {state:<9} {value} ({})", guess.note);
                }
                None => {
                    let _ = writeln!(out, "  {key:<10} {state:<9} {}", guess.note);
                }
            }
        };
        field(&mut out, "title", &d.title, true);
        field(&mut out, "source", &d.source, true);
        field(&mut out, "publisher", &d.publisher, false);
        field(&mut out, "published", &d.published, true);
        if let Some(byline) = &d.byline {
            field(&mut out, "byline", byline, false);
        }
        if !d.cited.is_empty() {
            let _ = writeln!(
                out,
                "  {:<10} {} (reporting it quotes, not a credit)",
                "cites",
                cited_list(&d.cited)
            );
        }
        let _ = writeln!(
            out,
            "  {:<10} {} known actors mentioned; {} names for new actor files: {}",
            "actors",
            d.actors.len(),
            d.candidates.len(),
            if d.candidates.is_empty() {
                "none".to_owned()
            } else {
                d.candidates.join(", ")
            }
        );
        let _ = writeln!(
            out,
            "  {:<10} {} paragraphs kept, {} lines removed{}",
            "text",
            d.paragraph_count(),
            d.removed.len(),
            if d.removed.is_empty() { "" } else { ":" }
        );
        for removed in &d.removed {
            let _ = writeln!(
                out,
                "    line {:<4} {}: {}",
                removed.line,
                removed.reason,
                shorten(&removed.text, 90)
            );
        }
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

/// "reuters (line 3), ap (line 9)": the sources a text cites, with their lines.
fn cited_list(cited: &[(String, usize)]) -> String {
    cited
        .iter()
        .map(|(slug, line)| format!("{slug} (line {line})"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The draft's file name: the headline as a slug of at most 60 characters, or the input's
/// name when the headline has no letters a slug can keep.
fn file_slug(title: Option<&str>, input: &Path) -> String {
    let mut slug = title.map(slugify).unwrap_or_default();
    if slug.is_empty() {
        slug = input
            .file_stem()
            .map(|s| slugify(&s.to_string_lossy()))
            .unwrap_or_default();
    }
    if slug.is_empty() {
        slug = "imported-article".to_owned();
    }
    if slug.len() > 60 {
        let cut = slug[..61].rfind('-').unwrap_or(60);
        slug.truncate(cut);
    }
    slug
}

// ---------------------------------------------------------------------------------------
// What the dossier knows: sources (for credits) and actors (for mentions).

/// The dossier's sources and actors, read through the library.
pub struct Known {
    dossier: Dossier,
    matcher: Matcher,
    /// Normalised name, alias or slug → index into `dossier.sources`.
    source_keys: HashMap<String, usize>,
}

impl Known {
    /// Reads the sources and actors of the dossier at `root`; problems in other files (or in
    /// these) do not stop an import.
    pub fn load(root: &Path) -> Known {
        let (documents, _) = load::load(root);
        let chosen: Vec<&RawDocument> = documents
            .iter()
            .filter(|d| matches!(d.data, RawData::Actor(_) | RawData::Source(_)))
            .collect();
        Known::from_documents(&chosen)
    }

    /// Resolves `documents` (actors and sources) with the model, as a build would.
    pub fn from_documents(documents: &[&RawDocument]) -> Known {
        let (dossier, _) = model::resolve(
            documents,
            model::Options {
                drafts: true,
                ..Default::default()
            },
        );
        let (matcher, _) = Matcher::new(&dossier);
        let mut source_keys = HashMap::new();
        for (index, source) in dossier.sources.iter().enumerate() {
            let names = std::iter::once(source.name.as_str())
                .chain(source.aliases.iter().map(String::as_str))
                .chain(std::iter::once(source.slug.as_str()));
            for name in names {
                for key in name_keys(name) {
                    source_keys.entry(key).or_insert(index);
                }
            }
        }
        Known {
            dossier,
            matcher,
            source_keys,
        }
    }

    fn source_slugs(&self) -> Vec<&str> {
        self.dossier
            .sources
            .iter()
            .map(|s| s.slug.as_str())
            .collect()
    }

    /// The source an outlet's name (as written in a credit) names.
    fn source_named(&self, name: &str) -> Option<&str> {
        name_keys(name)
            .iter()
            .find_map(|key| self.source_keys.get(key))
            .map(|&i| self.dossier.sources[i].slug.as_str())
    }

    /// The source whose `url` is on the same site as `host`.
    fn source_at_host(&self, host: &str) -> Option<&str> {
        self.dossier
            .sources
            .iter()
            .find(|s| {
                s.url
                    .as_deref()
                    .and_then(url_host)
                    .is_some_and(|h| same_site(&h, host))
            })
            .map(|s| s.slug.as_str())
    }
}

/// The keys a name is matched by: lowercase letters and digits only, with and without a
/// leading "the" and a trailing "news agency", "agency", "news" …
fn name_keys(name: &str) -> Vec<String> {
    let squeezed: String = name
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    let mut keys = vec![squeezed.clone()];
    if let Some(rest) = squeezed.strip_prefix("the").filter(|r| r.len() >= 2) {
        keys.push(rest.to_owned());
    }
    for key in keys.clone() {
        for suffix in [
            "newsagency",
            "newsservice",
            "agency",
            "news",
            "online",
            "com",
            "english",
        ] {
            if let Some(rest) = key.strip_suffix(suffix).filter(|r| r.len() >= 2) {
                keys.push(rest.to_owned());
            }
        }
    }
    keys.retain(|k| !k.is_empty());
    keys
}

/// "https://www.example.org/a/b" → "example.org".
fn url_host(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .or_else(|| url.starts_with("www.").then_some(url))?;
    let host = rest.split(['/', '?', '#']).next()?.to_lowercase();
    let host = host.split(':').next().unwrap_or(&host);
    let host = host.strip_prefix("www.").unwrap_or(host);
    (host.contains('.')).then(|| host.to_owned())
}

/// Whether two hosts are the same site ("en.trend.az" and "trend.az").
fn same_site(a: &str, b: &str) -> bool {
    a == b || a.ends_with(&format!(".{b}")) || b.ends_with(&format!(".{a}"))
}

// ---------------------------------------------------------------------------------------
// The draft.

/// A field of the draft: its value when detected, and how it was found (or why not).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guess {
    pub value: Option<String>,
    pub note: String,
}

impl Guess {
    fn found(value: impl Into<String>, note: impl Into<String>) -> Guess {
        Guess {
            value: Some(value.into()),
            note: note.into(),
        }
    }
    fn todo(note: impl Into<String>) -> Guess {
        Guess {
            value: None,
            note: note.into(),
        }
    }
}

/// A line taken out of the text, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    /// 1-based line of the input.
    pub line: usize,
    pub text: String,
    pub reason: &'static str,
}

/// A block of the body: a paragraph, or a list (bullets in the input).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(String),
    List(Vec<String>),
}

/// Everything the import found in one input.
#[derive(Debug, Clone)]
pub struct Draft {
    pub title: Guess,
    pub source: Guess,
    pub publisher: Guess,
    pub published: Guess,
    pub byline: Option<Guess>,
    pub url: Option<Guess>,
    pub body: Vec<Block>,
    pub removed: Vec<Removed>,
    /// Known actors mentioned, as `(slug, count)`, in order of first mention.
    pub actors: Vec<(String, usize)>,
    /// Names that look like people and match no actor.
    pub candidates: Vec<String>,
    /// Sources cited inside the text ("the Reuters news agency reported"), with the line.
    pub cited: Vec<(String, usize)>,
}

impl Draft {
    pub fn paragraph_count(&self) -> usize {
        self.body
            .iter()
            .map(|b| match b {
                Block::Paragraph(_) => 1,
                Block::List(items) => items.len(),
            })
            .sum()
    }

    /// Required fields left as `TODO`.
    pub fn todo_count(&self) -> usize {
        [&self.title, &self.source, &self.published]
            .iter()
            .filter(|g| g.value.is_none())
            .count()
    }
}

/// One paragraph of the input as split, before any rule.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Para {
    line: usize,
    text: String,
    bullet: bool,
}

/// What a rule says about a line: why it goes, what it tells, and what it takes with it.
#[derive(Debug, Clone, PartialEq)]
struct Verdict {
    reason: &'static str,
    clues: Vec<Clue>,
    then: Then,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Then {
    /// Only this line goes.
    Nothing,
    /// The next paragraph goes too (the caption under a "PHOTO CAPTION" label).
    DropNext,
    /// The headline-like lines that follow go too, up to the next sentence (the links under
    /// "Related Articles").
    DropHeadlines,
}

/// What a removed line tells about the article.
#[derive(Debug, Clone, PartialEq)]
enum Clue {
    /// An outlet credited with the reporting, as written ("Associated Press").
    Credit(String),
    /// An author.
    Byline(String),
    /// The site the text was copied from, by name ("The Iran Project") or handle.
    Site(String),
    /// An address (URL) printed with the text.
    Address(String),
    Date(DateLine),
}

impl Verdict {
    fn drop(reason: &'static str) -> Verdict {
        Verdict {
            reason,
            clues: Vec::new(),
            then: Then::Nothing,
        }
    }
    fn with(mut self, clue: Clue) -> Verdict {
        self.clues.push(clue);
        self
    }
    fn then(mut self, then: Then) -> Verdict {
        self.then = then;
        self
    }
}

/// Drafts an article from `text`. `Err` says why nothing can be drafted (an empty file, or
/// nothing left once the furniture is removed).
pub fn draft(text: &str, known: &Known) -> Result<Draft, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines = normalise_lines(text);
    let paras = split_paragraphs(&lines);
    if paras.is_empty() {
        return Err("the file is empty: there is no headline or text to import".to_owned());
    }

    // 1. Line rules; removed lines leave their clues.
    let mut keep: Vec<bool> = vec![true; paras.len()];
    let mut removed: Vec<Removed> = Vec::new();
    let mut clues: Vec<(usize, String, Clue)> = Vec::new();
    let remove = |removed: &mut Vec<Removed>, para: &Para, reason: &'static str| {
        removed.push(Removed {
            line: para.line,
            text: para.text.clone(),
            reason,
        })
    };
    let mut i = 0;
    // Whether a paragraph of text has been seen: above it, a link block is a menu and must
    // not take the headline with it.
    let mut seen_text = false;
    while i < paras.len() {
        let para = &paras[i];
        let Some(verdict) = classify(&para.text, known) else {
            if let Some(outlet) = dateline_credit(&para.text) {
                clues.push((para.line, para.text.clone(), Clue::Credit(outlet)));
            }
            seen_text |= is_prose(&para.text) && word_count(&para.text) >= 8;
            i += 1;
            continue;
        };
        keep[i] = false;
        remove(&mut removed, para, verdict.reason);
        for clue in verdict.clues {
            clues.push((para.line, para.text.clone(), clue));
        }
        match verdict.then {
            Then::Nothing => {}
            Then::DropNext => {
                if let Some(next) = paras.get(i + 1) {
                    if classify(&next.text, known).is_none() && word_count(&next.text) <= 60 {
                        keep[i + 1] = false;
                        remove(&mut removed, next, "photo caption (under a caption label)");
                        i += 1;
                    }
                }
            }
            Then::DropHeadlines => {
                while let Some(next) = paras.get(i + 1) {
                    let question = next.text.ends_with('?') && word_count(&next.text) <= 10;
                    if is_prose(&next.text) && !question || classify(&next.text, known).is_some() {
                        break;
                    }
                    // Above the text, a line that a byline or date follows is the headline.
                    let headed = paras.get(i + 2).is_some_and(|after| {
                        classify(&after.text, known).is_some_and(|v| {
                            matches!(v.reason, "date line" | "byline")
                                || after.text.to_lowercase().starts_with("by ")
                        })
                    });
                    if !seen_text && headed {
                        break;
                    }
                    keep[i + 1] = false;
                    remove(
                        &mut removed,
                        next,
                        "link to another story (under a navigation heading)",
                    );
                    i += 1;
                }
            }
        }
        i += 1;
    }

    // 2. The page's layout: its header above and around the headline, the comment section
    //    and the tail after the text.
    let mut reasons: Vec<Option<&'static str>> = paras
        .iter()
        .map(|p| removed.iter().find(|r| r.line == p.line).map(|r| r.reason))
        .collect();
    let mut page = layout::Page {
        paras: &paras,
        keep: &mut keep,
        reasons: &mut reasons,
    };
    let text_start = page.first_text();
    if let Some(headline) = page.headline(text_start) {
        page.header(headline, text_start);
    }
    if let Some(text) = text_start {
        if let Some(start) = page.comments(text) {
            // Dates and names in comments are the commenters'.
            clues.retain(|(line, _, _)| *line <= paras[start].line);
        }
        page.tail(text);
    }
    for (i, reason) in reasons.iter().enumerate() {
        if let Some(reason) = reason {
            if !removed.iter().any(|r| r.line == paras[i].line) {
                remove(&mut removed, &paras[i], reason);
            }
        }
    }

    // 3. The headline: the first line left, if it reads as one.
    let first = keep.iter().position(|&k| k);
    let title_index = first.filter(|&i| !paras[i].bullet && headline_like(&paras[i].text));
    let mut title = match title_index {
        Some(i) => {
            keep[i] = false;
            let (headline, site) = strip_site_suffix(&paras[i].text, known);
            if let Some(site) = site {
                clues.push((paras[i].line, paras[i].text.clone(), Clue::Site(site)));
            }
            removed.push(Removed {
                line: paras[i].line,
                text: paras[i].text.clone(),
                reason: "headline (now the title)",
            });
            Guess::found(
                headline,
                format!("detected: the headline (line {})", paras[i].line),
            )
        }
        None => match first {
            Some(i) => Guess::todo(format!(
                "not detected: the first line ({}) reads as a sentence, not a headline",
                paras[i].line
            )),
            None => {
                let mut reasons: Vec<&str> = removed.iter().map(|r| r.reason).collect();
                reasons.dedup();
                return Err(format!(
                    "nothing is left to import once page furniture is removed ({} lines: {})",
                    removed.len(),
                    reasons.join(", ")
                ));
            }
        },
    };
    if let Some(headline) = title.value.clone() {
        for (i, para) in paras.iter().enumerate() {
            if keep[i] && same_headline(&para.text, &headline) {
                keep[i] = false;
                remove(&mut removed, para, "repeated headline");
            }
        }
    }

    // 4. Short lines after the last sentence are page furniture.
    if let Some(last) = (0..paras.len())
        .rev()
        .find(|&i| keep[i] && (paras[i].bullet || is_prose(&paras[i].text)))
    {
        for i in last + 1..paras.len() {
            if keep[i] && tail_debris(&paras[i].text) {
                keep[i] = false;
                remove(
                    &mut removed,
                    &paras[i],
                    "short line after the end of the text",
                );
            }
        }
    }

    // 5. A run of paragraphs printed twice is kept once.
    let kept: Vec<usize> = (0..paras.len()).filter(|&i| keep[i]).collect();
    let texts: Vec<&str> = kept.iter().map(|&i| paras[i].text.as_str()).collect();
    for (start, len, _) in repeated_runs(&texts) {
        for &i in &kept[start..start + len] {
            keep[i] = false;
            removed.push(Removed {
                line: paras[i].line,
                text: paras[i].text.clone(),
                reason: if len == 1 {
                    "repeated paragraph"
                } else {
                    "repeated run of paragraphs"
                },
            });
        }
    }
    removed.sort_by_key(|r| r.line);

    let body_paras: Vec<&Para> = (0..paras.len())
        .filter(|&i| keep[i])
        .map(|i| &paras[i])
        .collect();
    if body_paras.is_empty() {
        return Err(format!(
            "only a headline was found ({}); there is no article text to import",
            title.value.as_deref().unwrap_or("")
        ));
    }

    // 6. Sources cited in the text.
    let mut cited: Vec<(String, usize)> = Vec::new();
    let mut lead_cite: Option<(String, usize, String)> = None;
    for (n, para) in body_paras.iter().enumerate() {
        for (slug, phrase) in cited_sources(&para.text, known) {
            if n == 0 && lead_cite.is_none() {
                lead_cite = Some((slug.clone(), para.line, phrase));
            }
            if !cited.iter().any(|(s, _)| *s == slug) {
                cited.push((slug, para.line));
            }
        }
    }

    // 7. Fields from the clues.
    let title_line = title_index.map(|i| paras[i].line).unwrap_or(0);
    let (source, publisher) = decide_source(&clues, lead_cite.as_ref(), known);
    cited.retain(|(slug, _)| Some(slug) != source.value.as_ref());
    // The line right above the headline, unless it is the page's first.
    let above_title = title_index
        .and_then(|i| i.checked_sub(1))
        .map(|j| paras[j].line)
        .filter(|&line| line > 1);
    let published = decide_published(&clues, title_line, above_title);
    let byline = clues.iter().find_map(|(line, _, clue)| match clue {
        Clue::Byline(name) => Some(Guess::found(
            name.clone(),
            format!("detected: a byline (line {line})"),
        )),
        _ => None,
    });
    let url = clues.iter().find_map(|(line, _, clue)| match clue {
        Clue::Address(url) if !url_host(url).is_some_and(|h| is_social_host(&h)) => {
            Some(Guess::found(
                url.clone(),
                format!("detected: the address printed with the text (line {line}); the page the text was copied from"),
            ))
        }
        _ => None,
    });
    if title.value.is_none() {
        title.note.push_str("; write the headline");
    }

    // 8. The body, and who is in it.
    let body = blocks(&body_paras);
    let mut texts: Vec<&str> = Vec::new();
    if let Some(t) = &title.value {
        texts.push(t);
    }
    texts.extend(body_paras.iter().map(|p| p.text.as_str()));
    let actors = known_actors(&texts, known);
    let candidates = person_candidates(&texts, known);

    Ok(Draft {
        title,
        source,
        publisher,
        published,
        byline,
        url,
        body,
        removed,
        actors,
        candidates,
        cited,
    })
}

/// Chooses `source` and `publisher` from the clues. A credit line names the source; the
/// site's own name (address, handle, disclaimer, headline suffix) names the publisher when
/// it differs, or the source when nothing else is credited; a source cited in the first
/// paragraph ("…, Reuters reported.") is the last resort.
fn decide_source(
    clues: &[(usize, String, Clue)],
    lead_cite: Option<&(String, usize, String)>,
    known: &Known,
) -> (Guess, Guess) {
    let mut credits: Vec<(usize, &str, &str, Option<&str>)> = Vec::new();
    let mut sites: Vec<(usize, &str, String, Option<&str>)> = Vec::new();
    for (line, text, clue) in clues {
        match clue {
            Clue::Credit(name) => {
                credits.push((*line, text, name, known.source_named(name)));
            }
            Clue::Site(name) => sites.push((*line, text, name.clone(), known.source_named(name))),
            Clue::Address(url) => {
                if let Some(host) = url_host(url) {
                    if !is_social_host(&host) {
                        let slug = known.source_at_host(&host);
                        sites.push((*line, text, host, slug));
                    }
                }
            }
            _ => {}
        }
    }
    let known_list = || {
        let slugs = known.source_slugs();
        if slugs.is_empty() {
            "content/sources/ has no source yet".to_owned()
        } else {
            format!("known sources: {}", slugs.join(", "))
        }
    };
    let site = sites.iter().find(|s| s.3.is_some());
    let source = if let Some((line, text, _, Some(slug))) = credits.iter().find(|c| c.3.is_some()) {
        Guess::found(
            *slug,
            format!("detected: credit \"{}\" (line {line})", shorten(text, 60)),
        )
    } else if let Some((line, text, _, Some(slug))) = site {
        Guess::found(
            *slug,
            format!(
                "detected: the site's own name in \"{}\" (line {line}); no other credit",
                shorten(text, 60)
            ),
        )
    } else if let Some((slug, line, phrase)) = lead_cite {
        Guess::found(
            slug.clone(),
            format!("detected (weak): \"{phrase}\" in the first paragraph (line {line}); no credit line"),
        )
    } else if let Some((line, _, name, _)) = credits.first() {
        Guess::todo(format!(
            "the credit \"{name}\" (line {line}) matches no source: create it with `dossier new source {}` or pick one; {}",
            slugify(name),
            known_list()
        ))
    } else if let Some((line, _, name, _)) = sites.first() {
        Guess::todo(format!(
            "no credit; the page is from \"{name}\" (line {line}), which matches no source: create it with `dossier new source {}` or pick one; {}",
            slugify(name.split('.').next().unwrap_or(name)),
            known_list()
        ))
    } else {
        Guess::todo(format!(
            "not detected: no credit in the text; {}",
            known_list()
        ))
    };
    let publisher = match site {
        Some((line, text, _, Some(slug))) if source.value.as_deref() != Some(*slug) => {
            Guess::found(
                *slug,
                format!(
                    "detected: the site that republished it, from \"{}\" (line {line})",
                    shorten(text, 60)
                ),
            )
        }
        Some(_) => Guess::todo("none: the site is the source's own"),
        None => match sites.first() {
            Some((line, _, name, None)) => Guess::todo(format!(
                "the text names the site \"{name}\" (line {line}), which matches no source; optional"
            )),
            _ => Guess::todo("none detected; optional: the site that republished the text"),
        },
    };
    (source, publisher)
}

/// Chooses `published` from the date lines: a labelled publication line, else a date with a
/// time of day, else a bare date under the headline, else a bare date on the line right
/// above the headline (a press release's "15.10.2025"), unless that is the page's first
/// line. A bare date higher up is the page's own date line (its masthead, or the day the
/// page was copied) and is never used.
fn decide_published(
    clues: &[(usize, String, Clue)],
    title_line: usize,
    above_title: Option<usize>,
) -> Guess {
    let dates: Vec<(usize, &str, &DateLine)> = clues
        .iter()
        .filter_map(|(line, text, clue)| match clue {
            Clue::Date(d) => Some((*line, text.as_str(), d)),
            _ => None,
        })
        .collect();
    let pick = dates
        .iter()
        .find(|d| d.2.label == DateLabel::Published)
        .map(|d| (d, "a publication line"))
        .or_else(|| {
            dates
                .iter()
                .find(|d| d.2.label == DateLabel::None && d.2.time.is_some())
                .map(|d| (d, "a date line with a time of day"))
        })
        .or_else(|| {
            dates
                .iter()
                .find(|d| d.2.label == DateLabel::None && d.0 > title_line)
                .map(|d| (d, "a date line under the headline"))
        })
        .or_else(|| {
            dates
                .iter()
                .find(|d| d.2.label == DateLabel::None && Some(d.0) == above_title)
                .map(|d| (d, "a date line right above the headline"))
        });
    let why_not = |d: &(usize, &str, &DateLine)| -> String {
        let why = match d.2.label {
            DateLabel::Updated => "an update date",
            _ if d.0 < title_line && d.2.time.is_none() => {
                "above the headline: probably the day the page was copied"
            }
            _ => "not used",
        };
        format!("{} (line {}: {why})", d.2.date.format("%Y-%m-%d"), d.0)
    };
    match pick {
        Some((chosen, how)) => {
            let mut note = format!(
                "detected: {how}, \"{}\" (line {})",
                shorten(chosen.1, 60),
                chosen.0
            );
            let value = chosen.2.iso();
            if let Some(time) = &chosen.2.time {
                if !value.contains('T') {
                    let _ = write!(note, "; the time {time} is left out: no time zone is given");
                }
            }
            let others: Vec<String> = dates
                .iter()
                .filter(|d| d.0 != chosen.0)
                .map(why_not)
                .collect();
            if !others.is_empty() {
                let _ = write!(note, "; also seen: {}", others.join(", "));
            }
            Guess::found(value, note)
        }
        None if dates.is_empty() => {
            Guess::todo("not detected: no publication line; write 2014-03-14 (or 2014-03, 2014)")
        }
        None => Guess::todo(format!(
            "not detected: dates seen: {}; write the publication date as 2014-03-14",
            dates.iter().map(why_not).collect::<Vec<_>>().join(", ")
        )),
    }
}

// ---------------------------------------------------------------------------------------
// Splitting the text.

/// Every line of the text, numbered from 1, with its spaces normalised (non-breaking and
/// other spaces made plain, runs collapsed, ends trimmed, invisible characters dropped).
fn normalise_lines(text: &str) -> Vec<(usize, String)> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, normalise_spaces(line)))
        .collect()
}

fn normalise_spaces(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut space = false;
    for c in line.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
        ) || c.is_control()
        {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

/// The paragraphs of the text. Text copied from a web page has one paragraph per line,
/// whether or not blank lines separate them; text that looks hard-wrapped (lines broken in
/// mid-sentence) has one paragraph per block of lines.
fn split_paragraphs(lines: &[(usize, String)]) -> Vec<Para> {
    let wrapped = looks_hard_wrapped(lines);
    let mut lengths: Vec<usize> = lines
        .iter()
        .filter(|(_, t)| !t.is_empty())
        .map(|(_, t)| t.chars().count())
        .collect();
    lengths.sort_unstable();
    let typical = lengths.get(lengths.len() * 3 / 4).copied().unwrap_or(0);
    let mut out: Vec<Para> = Vec::new();
    let mut previous: Option<&str> = None;
    for (line, text) in lines {
        if text.is_empty() {
            previous = None;
            continue;
        }
        let bullet = strip_bullet(text);
        let continues = wrapped
            && bullet.is_none()
            && previous.is_some_and(|p| p.chars().count() * 10 >= typical * 6);
        match out.last_mut() {
            Some(last) if continues => {
                last.text.push(' ');
                last.text.push_str(text);
            }
            _ => out.push(Para {
                line: *line,
                text: bullet.unwrap_or(text).to_owned(),
                bullet: bullet.is_some(),
            }),
        }
        previous = Some(text);
    }
    out
}

/// Whether lines inside blocks are broken in mid-sentence (a line ending without sentence
/// punctuation followed by one starting in lowercase), at least twice and at a third of
/// the breaks.
fn looks_hard_wrapped(lines: &[(usize, String)]) -> bool {
    let mut breaks = 0;
    let mut mid_sentence = 0;
    for pair in lines.windows(2) {
        let (a, b) = (&pair[0].1, &pair[1].1);
        if a.is_empty() || b.is_empty() {
            continue;
        }
        breaks += 1;
        let ends_open = !a.ends_with(['.', '!', '?', ':', ';', '"', '”', '’', ')', '…']);
        let starts_low = b.chars().next().is_some_and(|c| c.is_lowercase());
        if ends_open && starts_low {
            mid_sentence += 1;
        }
    }
    mid_sentence >= 2 && mid_sentence * 3 >= breaks
}

#[rustfmt::skip]
const BULLETS: &[char] = &[
    '•', '·', '●', '▪', '◦', '■', '□', '▫', '►', '▸', '▶', '➤', '➢', '○', '◆', '◇', '✓', '✔',
    '-', '*', '–', '+',
];

/// The text of a bullet item ("• text", "▪ text", "- text"), without its glyph.
fn strip_bullet(text: &str) -> Option<&str> {
    let mut chars = text.chars();
    let glyph = chars.next()?;
    if !BULLETS.contains(&glyph) {
        return None;
    }
    let rest = chars.as_str();
    let item = match rest.strip_prefix(' ') {
        Some(item) => item,
        // Round glyphs may touch the text; dashes and stars must not ("-5", "*note").
        None if !matches!(glyph, '-' | '*' | '–' | '+') => rest,
        None => return None,
    };
    let item = item.trim();
    (!item.is_empty() && item.chars().any(char::is_alphanumeric)).then_some(item)
}

// ---------------------------------------------------------------------------------------
// The rules: one function per kind of page furniture.

/// The first rule that removes `text`, if any.
fn classify(text: &str, known: &Known) -> Option<Verdict> {
    if separator(text) {
        return Some(Verdict::drop("separator"));
    }
    if let Some(date) = date_line(text) {
        return Some(Verdict::drop("date line").with(Clue::Date(date)));
    }
    if stamps::time_stamp(text) {
        return Some(Verdict::drop("time stamp"));
    }
    if let Some(date) = stamps::place_and_date(text) {
        return Some(Verdict::drop("date line").with(Clue::Date(date)));
    }
    if let Some(url) = address_line(text) {
        return Some(Verdict::drop("address of the page").with(Clue::Address(url.to_owned())));
    }
    if let Some(names) = source_label(text) {
        let mut verdict = Verdict::drop("credit line");
        for name in names {
            verdict = verdict.with(Clue::Credit(name.to_owned()));
        }
        return Some(verdict);
    }
    if let Some(clues) = credits::handled_byline(text, known) {
        let mut verdict = Verdict::drop("byline");
        verdict.clues = clues;
        return Some(verdict);
    }
    if let Some(clues) = by_line(text, known) {
        let mut verdict = Verdict::drop("credit line");
        verdict.clues = clues;
        return Some(verdict);
    }
    if let Some(date) = sectioned_date_line(text) {
        let mut verdict = Verdict::drop("date line").with(Clue::Date(date));
        for part in text.split(['|', '•']) {
            if known.source_named(part.trim()).is_some() {
                verdict = verdict.with(Clue::Credit(part.trim().to_owned()));
            }
        }
        return Some(verdict);
    }
    if let Some(clues) = credits::header_line(text, known) {
        let mut verdict = Verdict::drop("date line");
        verdict.clues = clues;
        return Some(verdict);
    }
    if let Some(names) = reporting_credits(text) {
        let mut verdict = Verdict::drop("reporting credits");
        if let Some(first) = names.first() {
            verdict = verdict.with(Clue::Byline(first.clone()));
        }
        return Some(verdict);
    }
    if let Some(names) = reporters_in_places(text) {
        return Some(Verdict::drop("byline").with(Clue::Byline(names.join(", "))));
    }
    if let Some(clues) = credits::labelled_byline(text, known) {
        let mut verdict = Verdict::drop("byline");
        verdict.clues = clues;
        return Some(verdict);
    }
    if let Some(name) = standalone_outlet(text, known) {
        return Some(Verdict::drop("credit line").with(Clue::Credit(name.to_owned())));
    }
    if let Some(clue) = credits::attribution(text, known) {
        return Some(Verdict::drop("credit line").with(clue));
    }
    if credits::handle_line(text) {
        return Some(Verdict::drop("byline"));
    }
    if share_prompt(text) {
        let verdict = Verdict::drop("share or follow prompt");
        return Some(match follow_handle(text) {
            Some(handle) => verdict.with(Clue::Site(handle.to_owned())),
            None => verdict,
        });
    }
    if caption_label(text) {
        return Some(Verdict::drop("caption label").then(Then::DropNext));
    }
    if photo_caption(text) {
        return Some(Verdict::drop("photo caption"));
    }
    if credits::credited_caption(text) {
        return Some(Verdict::drop("picture credit"));
    }
    if doubled_line(text) {
        return Some(Verdict::drop(
            "caption printed twice (image text and caption)",
        ));
    }
    if navigation_heading(text) {
        return Some(Verdict::drop("navigation").then(Then::DropHeadlines));
    }
    if navigation_link(text) {
        return Some(Verdict::drop("navigation"));
    }
    if prompts::comment_heading(text) {
        return Some(Verdict::drop("comment section"));
    }
    if form_field(text) {
        return Some(Verdict::drop("form field"));
    }
    if page_furniture(text) {
        return Some(Verdict::drop("page furniture"));
    }
    if prompts::reader_prompt(text) || prompts::reader_question(text) {
        return Some(Verdict::drop("reader prompt"));
    }
    if metadata(text) {
        return Some(Verdict::drop("page metadata"));
    }
    if breadcrumb(text) {
        return Some(Verdict::drop("breadcrumb"));
    }
    if let Some(site) = disclaimer(text) {
        let verdict = Verdict::drop("disclaimer");
        return Some(match site {
            Some(site) => verdict.with(Clue::Site(site)),
            None => verdict,
        });
    }
    None
}

/// `text` lowercased, with punctuation and arrows trimmed from both ends.
fn plain(text: &str) -> String {
    text.trim_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '@' | '#' | '\'' | '’' | '&'))
        .to_lowercase()
}

/// Words: runs of letters or digits.
fn word_count(text: &str) -> usize {
    model::text::word_count(text)
}

/// A line of symbols only: "***", "---", "• • •".
fn separator(text: &str) -> bool {
    !text.chars().any(char::is_alphanumeric)
}

/// A sentence: ends with sentence punctuation (possibly inside a closing quote or bracket)
/// and has at least three words.
fn is_prose(text: &str) -> bool {
    let end = text.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»']);
    word_count(text) >= 3 && end.ends_with(['.', '!', '?', '…', ':'])
}

/// After the last sentence, a line that is not reporting: at most twelve words, no quotation
/// marks, and at most five words unless in Title Case (tags, links, a site's name).
fn tail_debris(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
        .count();
    word_count(text) <= 12
        && !is_prose(text)
        && !text.contains(['"', '“', '”', '«', '»'])
        && (words.len() <= 5 || capitalised * 10 >= words.len() * 6)
}

/// Reads as a headline: up to 30 words, not ending with a full stop.
fn headline_like(text: &str) -> bool {
    let words = word_count(text);
    (1..=30).contains(&words) && (!text.ends_with('.') || text.ends_with("..."))
}

/// Whether two lines are the same headline, ignoring case, spaces and end punctuation.
fn same_headline(a: &str, b: &str) -> bool {
    let key = |s: &str| plain(s).split_whitespace().collect::<Vec<_>>().join(" ");
    key(a) == key(b)
}

/// A headline ending in " | Section | Site", or in " - Site" where Site is a known source:
/// the headline without it, and the site.
fn strip_site_suffix(title: &str, known: &Known) -> (String, Option<String>) {
    // "Headline | Section | Site": short segments after a bar are the page's, whatever
    // the site.
    let segments: Vec<&str> = title.split(" | ").map(str::trim).collect();
    if segments.len() >= 2
        && word_count(segments[0]) >= 3
        && segments[1..]
            .iter()
            .all(|s| (1..=4).contains(&word_count(s)))
    {
        let site = segments.last().expect("two or more").to_string();
        return (segments[0].to_owned(), Some(site));
    }
    // "Headline - Site" only for a known source: dashes are common inside headlines.
    for separator in [" | ", " - ", " – ", " — "] {
        if let Some((head, tail)) = title.rsplit_once(separator) {
            if word_count(tail) <= 4 && known.source_named(tail).is_some() && word_count(head) >= 2
            {
                return (head.trim().to_owned(), Some(tail.trim().to_owned()));
            }
        }
    }
    (title.to_owned(), None)
}

/// A whole line that is an address: "https://example.org/a.html", "www.example.org".
fn address_line(text: &str) -> Option<&str> {
    let t = text.trim_matches(|c| matches!(c, '<' | '>' | '(' | ')' | '[' | ']'));
    let is_url = (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
        && !t.contains(' ');
    is_url.then_some(t)
}

fn is_social_host(host: &str) -> bool {
    #[rustfmt::skip]
    const SOCIAL: &[&str] = &[
        "twitter.com", "x.com", "facebook.com", "fb.com", "instagram.com", "t.me", "telegram.me",
        "youtube.com", "youtu.be", "linkedin.com", "wa.me", "whatsapp.com", "tiktok.com",
        "reddit.com", "pinterest.com",
    ];
    SOCIAL.iter().any(|s| same_site(host, s))
}

/// "( Source : reuters )", "Source: Reuters, AFP", "[Sources - AP]": the outlets named.
fn source_label(text: &str) -> Option<Vec<&str>> {
    let t = text.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | ' '));
    let lower = t.to_lowercase();
    let rest = ["sources", "source"].iter().find_map(|label| {
        lower
            .starts_with(label)
            .then(|| t.get(label.len()..))
            .flatten()
    })?;
    let rest = rest.trim_start();
    let rest = rest
        .strip_prefix(':')
        .or_else(|| rest.strip_prefix('-'))
        .or_else(|| rest.strip_prefix('–'))?;
    let names: Vec<&str> = rest
        .split([',', ';', '/'])
        .map(|n| n.trim().trim_end_matches('.'))
        .filter(|n| !n.is_empty())
        .collect();
    (!names.is_empty() && word_count(rest) <= 8).then_some(names)
}

/// Words that may stand uncapitalised inside a name ("Voice of America", "bin Salman").
#[rustfmt::skip]
const NAME_CONNECTORS: &[&str] = &[
    "and", "of", "the", "al", "de", "bin", "van", "von", "der", "la", "le", "da", "el", "du",
    "di",
];

/// Whether every word of `text` starts with a capital or a digit, connectors aside.
fn capitalised_words(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    !words.is_empty()
        && words.iter().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.is_empty()
                || NAME_CONNECTORS.contains(&w.to_lowercase().as_str())
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

/// "By: Associated Press | London | Published on: March 15, 2014", "By BBC", "By Jane Doe
/// and John Roe, Reuters": a credit line. Outlets give credits, people a byline, a dated
/// part a date.
fn by_line(text: &str, known: &Known) -> Option<Vec<Clue>> {
    let lower = text.to_lowercase();
    // "Author: Jane Doe", "Written by: Jane Doe" read as "By Jane Doe".
    let label = [
        "by ",
        "by:",
        "author:",
        "authors:",
        "written by:",
        "words:",
        "reporter:",
    ]
    .iter()
    .find(|l| lower.starts_with(*l))?;
    let rest = text
        .get(label.trim_end_matches([':', ' ']).len()..)?
        .trim_start_matches([':', ' ']);
    let mut parts = rest.split('|').map(str::trim);
    let names = parts.next()?;
    if names.is_empty()
        || word_count(names) > 12
        || names.ends_with('.') && !names.ends_with(" Jr.")
        || !capitalised_words(names)
    {
        return None;
    }
    let mut clues = Vec::new();
    let mut people = Vec::new();
    for name in split_names(names) {
        if known.source_named(name).is_some() || outlet_like(name) {
            clues.push(Clue::Credit(name.to_owned()));
        } else if person_like(name) {
            people.push(name);
        }
    }
    if !people.is_empty() {
        clues.push(Clue::Byline(people.join(", ")));
    }
    for part in parts {
        if let Some(date) = date_line(part) {
            clues.push(Clue::Date(date));
        }
    }
    Some(clues)
}

/// "Jane Doe and John Roe, Reuters" → ["Jane Doe", "John Roe", "Reuters"].
fn split_names(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for part in text.split([',', ';', '/', '&']) {
        for name in part.split(" and ") {
            let name = name.trim().trim_end_matches('.');
            if !name.is_empty() {
                out.push(name);
            }
        }
    }
    out
}

/// Looks like a person's name: two to four capitalised words, none an outlet's or a job's.
fn person_like(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && capitalised_words(name)
        && !outlet_like(name)
        && !words.iter().any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "staff" | "writer" | "correspondent" | "editor" | "reporter" | "desk" | "team"
            )
        })
}

/// Looks like an outlet: an acronym ("AFP"), or a name with a newsroom word in it.
fn outlet_like(name: &str) -> bool {
    let letters: String = name.chars().filter(|c| c.is_alphabetic()).collect();
    let acronym = (2..=6).contains(&letters.chars().count())
        && letters.chars().all(char::is_uppercase)
        && !name.contains(' ');
    acronym
        || name.split_whitespace().any(|w| {
            matches!(
                w.to_lowercase()
                    .trim_matches(|c: char| !c.is_alphanumeric()),
                "news"
                    | "press"
                    | "agency"
                    | "times"
                    | "post"
                    | "herald"
                    | "tribune"
                    | "journal"
                    | "daily"
                    | "telegraph"
                    | "guardian"
                    | "radio"
                    | "tv"
                    | "television"
                    | "network"
                    | "media"
                    | "wire"
                    | "gazette"
                    | "reuters"
            )
        })
}

/// "Reporting by Jane Doe; Editing by John Roe": the wire's reporter credits, and the
/// reporters.
fn reporting_credits(text: &str) -> Option<Vec<String>> {
    let lower = text.to_lowercase();
    let starts = [
        "reporting by",
        "additional reporting by",
        "writing by",
        "editing by",
        "compiled by",
        "written by",
    ];
    if !starts.iter().any(|s| lower.starts_with(s)) || word_count(text) > 30 {
        return None;
    }
    let first = text.split([';', '|']).next().unwrap_or(text);
    let names = first
        .split_once(" by ")
        .or_else(|| first.split_once(" By "))
        .map(|(_, n)| n)
        .unwrap_or("");
    Some(
        split_names(names)
            .into_iter()
            .filter(|n| person_like(n))
            .map(str::to_owned)
            .collect(),
    )
}

/// "Jane Doe in Moscow and John Roe in Washington": a byline with the reporters' places.
fn reporters_in_places(text: &str) -> Option<Vec<String>> {
    if word_count(text) > 16 || text.ends_with('.') {
        return None;
    }
    let mut names = Vec::new();
    for part in split_names(text) {
        let (name, place) = part.split_once(" in ")?;
        if !person_like(name) || word_count(place) > 3 || !capitalised_words(place) {
            return None;
        }
        names.push(name.trim().to_owned());
    }
    (!names.is_empty()).then_some(names)
}

/// A line that is only a known outlet's name: "Al-Jazeera", "(Reuters)", "— AP".
fn standalone_outlet<'a>(text: &'a str, known: &Known) -> Option<&'a str> {
    let t = text
        .trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | '-' | '–' | '—' | ' ' | '.'));
    (word_count(t) <= 5 && known.source_named(t).is_some()).then_some(t)
}

/// "LONDON (Reuters) - The United States …": the outlet in a wire dateline. The paragraph is
/// reporting and stays; only the credit is taken.
fn dateline_credit(text: &str) -> Option<String> {
    let open = text.find('(')?;
    let close = open + text[open..].find(')')?;
    let place = text[..open].trim();
    let after = text[close + 1..].trim_start();
    // "LONDON", or "BRUSSELS, Nov 19": the place in capitals, perhaps with the day.
    let (city, day) = place.split_once(',').unwrap_or((place, ""));
    let is_place = !city.is_empty()
        && word_count(city) <= 4
        && word_count(day) <= 3
        && city
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    let dash = after.starts_with(['-', '–', '—']);
    let name = text[open + 1..close].trim();
    (is_place && dash && !name.is_empty() && outlet_like(name)).then(|| name.to_owned())
}

/// Calls to share, follow, subscribe or rate: "Follow us on Twitter @X", "Do you like this
/// story", "Share on Facebook".
fn share_prompt(text: &str) -> bool {
    if word_count(text) > 14 {
        return false;
    }
    let p = plain(text);
    #[rustfmt::skip]
    const STARTS: &[&str] = &[
        "follow us", "follow @", "like us on", "find us on", "join us on", "connect with us",
        "share this", "share on", "share via", "share:", "share article", "share story",
        "tweet this", "click to share", "subscribe to", "subscribe for", "sign up for",
        "sign up to", "get our newsletter", "do you like this", "did you like this",
        "did you enjoy this", "did you find this", "was this article", "was this story",
        "rate this", "email this", "e-mail this", "print this", "send this", "send to a friend",
        "click here", "download our app", "download the app", "bookmark", "add to favorites",
        "add to favourites", "follow our", "like this post", "like this article",
        "like this story", "enjoyed this", "save for later", "save article", "gift this article",
        "listen to this article",
    ];
    #[rustfmt::skip]
    const WHOLE: &[&str] = &[
        "share", "shares", "tweet", "print", "email", "e-mail", "whatsapp", "facebook",
        "twitter", "telegram", "linkedin", "reddit", "pinterest", "instagram", "youtube",
        "copy link", "like", "font size", "a a a", "a+ a-", "listen", "listen to this article",
    ];
    STARTS.iter().any(|s| p.starts_with(s)) || WHOLE.contains(&p.as_str())
}

/// The handle in "Follow us on Twitter @TRENDNewsAgency".
fn follow_handle(text: &str) -> Option<&str> {
    let at = text.find('@')?;
    let handle = &text[at + 1..];
    let end = handle
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(handle.len());
    let handle = &handle[..end];
    (handle.len() >= 2).then_some(handle)
}

/// A label over a caption: "PHOTO CAPTION", "Image caption"; the next paragraph is the
/// caption.
fn caption_label(text: &str) -> bool {
    matches!(
        plain(text).as_str(),
        "photo caption" | "image caption" | "caption" | "media caption" | "picture caption"
    )
}

/// A caption or picture credit: "Photo: …", "Image copyright …", "(Photo: AFP)".
fn photo_caption(text: &str) -> bool {
    let lower = text.trim_start_matches(['(', '[']).to_lowercase();
    #[rustfmt::skip]
    const STARTS: &[&str] = &[
        "photo:", "photo :", "photos:", "photo by ", "photo credit", "photograph:",
        "photograph by", "picture:", "pictured:", "image:", "image credit", "image copyright",
        "image source", "image caption", "media caption", "video caption", "caption:", "file photo", "video:",
        "watch:", "getty images",
    ];
    STARTS.iter().any(|s| lower.starts_with(s))
        || matches!(
            plain(text).as_str(),
            "photo"
                | "photos"
                | "image"
                | "images"
                | "video"
                | "gallery"
                | "photo gallery"
                | "next image"
                | "previous image"
                | "view gallery"
                | "open gallery"
                | "enlarge this image"
                | "expand"
        )
        || gallery_counter(&lower)
}

/// A gallery's position: "1 of 4", "Image 2 of 10", "Photo 3/5".
fn gallery_counter(lower: &str) -> bool {
    let words: Vec<&str> = lower.split_whitespace().collect();
    let number = |w: &str| !w.is_empty() && w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit());
    let counter = match words.as_slice() {
        [a, "of", b] => number(a) && number(b),
        [one] => one
            .split_once('/')
            .is_some_and(|(a, b)| number(a) && number(b)),
        _ => false,
    };
    let labelled = match words.as_slice() {
        ["image" | "photo" | "picture" | "slide", rest @ ..] => match rest {
            [a, "of", b] => number(a) && number(b),
            [one] => one
                .split_once('/')
                .is_some_and(|(a, b)| number(a) && number(b)),
            _ => false,
        },
        _ => false,
    };
    counter || labelled
}

/// The same text twice on one line, as an image's alternative text runs into its caption:
/// "Kerry and Lavrov in London. (AP) Kerry and Lavrov in London. (AP)".
fn doubled_line(text: &str) -> bool {
    let n = text.len();
    if n < 3 || n % 2 == 0 {
        return false;
    }
    let half = n / 2;
    text.is_char_boundary(half)
        && text.as_bytes()[half] == b' '
        && text[..half] == text[half + 1..]
        && word_count(&text[..half]) >= 3
}

/// A heading over links to other stories: "Related Articles", "Next Story", "Most read".
fn navigation_heading(text: &str) -> bool {
    #[rustfmt::skip]
    const HEADINGS: &[&str] = &[
        "next story", "previous story", "next article", "previous article", "next post",
        "previous post", "related articles", "related article", "related stories",
        "related story", "related news", "related posts", "related content", "related coverage",
        "related topics", "related", "read more", "read also", "also read", "see also",
        "more stories", "more news", "more on this story", "more on this", "most read",
        "most popular", "most viewed", "most shared", "you may also like", "you might also like",
        "you may be interested in", "recommended", "recommended for you", "recommended stories",
        "top stories", "latest news", "latest stories", "trending", "trending now",
        "editor's picks", "editors' picks", "other news", "popular", "what to read next",
        "up next",
    ];
    let p = plain(text);
    HEADINGS.contains(&p.as_str())
        || (p.starts_with("more from ") && word_count(text) <= 5)
        || prompts::links_heading(text)
}

/// A link line: "Read more: Kerry meets Lavrov", "Also read - …", "Skip to content".
fn navigation_link(text: &str) -> bool {
    let lower = text.to_lowercase();
    #[rustfmt::skip]
    const STARTS: &[&str] = &[
        "read more:", "read more -", "read more »", "read more>>", "also read:", "also read -",
        "read also:", "see also:", "related:", "more:", "recommended:", "watch more",
        "continue reading", "trending:", "breaking:", "read full article", "read the full article",
        "read full story", "read the full story",
    ];
    #[rustfmt::skip]
    const WHOLE: &[&str] = &[
        "skip to content", "skip to main content", "back to top", "home", "menu", "search",
        "log in", "login", "sign in", "register", "close", "previous", "next", "more",
        "show more", "load more", "view comments", "view all",
    ];
    (STARTS.iter().any(|s| lower.starts_with(s)) && word_count(text) <= 25)
        || WHOLE.contains(&plain(text).as_str())
}

/// A comment or contact form's field: "Your Name", "Your Email Address", "Submit".
fn form_field(text: &str) -> bool {
    let p = plain(text);
    let p = p.trim_end_matches(['*', ' ', ':']);
    #[rustfmt::skip]
    const FIELDS: &[&str] = &[
        "your name", "name", "your email", "your email address", "your e-mail",
        "your e-mail address", "email address", "e-mail address", "your comment",
        "your comments", "comment", "comments", "your message", "message", "subject", "website",
        "leave a comment", "leave a reply", "post a comment", "post comment", "add a comment",
        "add comment", "write a comment", "submit", "send", "cancel", "reply", "captcha",
        "security code", "enter the code", "enter the security code",
        "required fields are marked", "notify me of new comments", "cancel reply",
        "post a reply",
    ];
    FIELDS.contains(&p)
        || p.starts_with("your email address will not be published")
        || p.starts_with("required fields are marked")
        || p.starts_with("notify me of")
        || p.starts_with("save my name, email")
        || (p.ends_with(" comments")
            && p.split_whitespace()
                .next()
                .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit())))
}

/// Advertising, reading aids and site notices: "Advertisement", "Story continues below",
/// "This article is more than 10 years old".
fn page_furniture(text: &str) -> bool {
    let p = plain(text);
    #[rustfmt::skip]
    const WHOLE: &[&str] = &[
        "advertisement", "advertisements", "advertising", "ad", "sponsored", "sponsored content",
        "story continues below", "story continues below advertisement",
        "article continues below", "scroll to continue", "scroll to continue with content",
        "loading", "loading...", "this content is not available", "javascript is disabled",
        "reuse this content", "reprints", "report an error", "report a correction", "ends",
        "end", "-ends-",
    ];
    const STARTS: &[&str] = &[
        "this article is more than",
        "this article was published more than",
        "this article is over",
        "sign up to our",
        "support our journalism",
        "we use cookies",
        "this site uses cookies",
        "accept cookies",
    ];
    WHOLE.contains(&p.as_str())
        || (STARTS.iter().any(|s| p.starts_with(s)) && word_count(text) <= 25)
}

/// The page's record keeping: "Story Code : 88635", "News ID: 12", "3 min read",
/// "1,204 views", "Tags: Ukraine, Russia".
fn metadata(text: &str) -> bool {
    let lower = text.to_lowercase();
    #[rustfmt::skip]
    const LABELS: &[&str] = &[
        "tags:", "tags :", "topics:", "keywords:", "category:", "categories:", "filed under:",
        "tagged:", "tagged under", "tagged with", "this article tagged", "this article is tagged",
        "this story is tagged",
        "section:", "reading time", "read time", "estimated reading time",
    ];
    if LABELS.iter().any(|l| lower.starts_with(l)) && word_count(text) <= 25 {
        return true;
    }
    // "Label : value" where the label ends in a record-keeping word and the value is one
    // token with a digit.
    if let Some((label, value)) = text.split_once(':') {
        let value = value.trim();
        let label = label.trim().to_lowercase();
        let words: Vec<&str> = label.split_whitespace().collect();
        let record_word = words.last().is_some_and(|w| {
            matches!(
                *w,
                "code" | "id" | "no" | "number" | "ref" | "views" | "reads" | "hits" | "visits"
            )
        });
        if (1..=3).contains(&words.len())
            && record_word
            && label.chars().all(|c| c.is_alphabetic() || c == ' ')
            && value.split_whitespace().count() == 1
            && value.chars().any(|c| c.is_ascii_digit())
        {
            return true;
        }
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    let number = |w: &str| {
        w.chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    };
    match words.as_slice() {
        [n, unit] => {
            number(n) && matches!(*unit, "views" | "reads" | "shares" | "comments" | "likes")
        }
        [n, "min" | "mins" | "minute" | "minutes", "read"] => number(n),
        _ => false,
    }
}

/// "Home > World > Europe", "News » Politics » Ukraine".
fn breadcrumb(text: &str) -> bool {
    for separator in [" > ", " » ", " › ", " / "] {
        let parts: Vec<&str> = text.split(separator).collect();
        if parts.len() >= 3 && parts.iter().all(|p| word_count(p) <= 4) {
            return true;
        }
    }
    false
}

/// A site's legal notice: "X is not responsible for the content of quoted articles", "©
/// 2014 X. All rights reserved". `Some(Some(site))` when it names the site.
fn disclaimer(text: &str) -> Option<Option<String>> {
    let lower = text.to_lowercase();
    for phrase in [" is not responsible for", " are not responsible for"] {
        if let Some(at) = lower.find(phrase) {
            let site = text[..at].trim();
            return Some((word_count(site) <= 6 && !site.is_empty()).then(|| site.to_owned()));
        }
    }
    let legal = lower.contains("all rights reserved")
        || lower.starts_with('©')
        || lower.starts_with("copyright")
            && lower
                .split_whitespace()
                .nth(1)
                .is_some_and(|w| w.starts_with('©') || w.starts_with("(c)") || year(w))
        || lower.starts_with("(c) ")
        || lower.contains("may not be published, broadcast, rewritten or redistributed")
        || lower.starts_with("the views expressed")
        || lower.starts_with("our standards:")
        || lower.starts_with("disclaimer:")
        || syndication_notice(&lower)
        || lower.contains("trust principles");
    if !legal || word_count(text) > 40 {
        return None;
    }
    let site: String = text
        .replace(['©'], " ")
        .split_whitespace()
        .filter(|w| {
            let l = w.to_lowercase();
            !matches!(
                l.trim_matches(|c: char| !c.is_alphanumeric()),
                "copyright" | "c" | "all" | "rights" | "reserved" | ""
            ) && !w
                .chars()
                .all(|c| c.is_ascii_digit() || c == '-' || c == ',')
        })
        .collect::<Vec<_>>()
        .join(" ");
    let site = site.trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
    Some((!site.is_empty() && word_count(&site) <= 5 && capitalised_words(&site)).then_some(site))
}

/// A sentence about the page itself rather than the news: "This story was automatically
/// aggregated from …", "This article originally appeared on …".
fn syndication_notice(lower: &str) -> bool {
    let about_page = ["this story", "this article", "this content", "this post"]
        .iter()
        .any(|s| lower.starts_with(s));
    #[rustfmt::skip]
    const HOW: &[&str] = &[
        "aggregated", "syndicated", "auto-generated", "automatically generated",
        "originally appeared", "originally published", "republished", "feed",
    ];
    about_page && HOW.iter().any(|h| lower.contains(h))
}

// ---------------------------------------------------------------------------------------
// Dates.

/// "2014", "2014.", "1998-2014": a year as a copyright line writes it.
fn year(word: &str) -> bool {
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"))
}

/// A date standing alone on a line, with its label.
#[derive(Debug, Clone, PartialEq, Eq)]
struct DateLine {
    date: NaiveDate,
    /// The time of day as written ("12:50 am"), when given.
    time: Option<String>,
    /// The offset from UTC in minutes, when the line names a zone that has one ("GMT",
    /// "EDT", "+03:00").
    offset: Option<i32>,
    label: DateLabel,
}

impl DateLine {
    /// The date for `published:`: with its time when both a time and a zone are given
    /// ("2014-03-14T15:00:00Z"), else the day.
    fn iso(&self) -> String {
        let day = self.date.format("%Y-%m-%d").to_string();
        let (Some(time), Some(offset)) = (&self.time, self.offset) else {
            return day;
        };
        let digits: Vec<u32> = time
            .split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty())
            .filter_map(|p| p.parse().ok())
            .collect();
        let (Some(&hour), Some(&minute)) = (digits.first(), digits.get(1)) else {
            return day;
        };
        let pm = time.contains('p');
        let hour = match (time.contains('a') || pm, pm, hour) {
            (false, _, h) => h,
            (true, false, 12) => 0,
            (true, true, h) if h < 12 => h + 12,
            (true, _, h) => h,
        };
        let zone = if offset == 0 {
            "Z".to_owned()
        } else {
            let sign = if offset < 0 { '-' } else { '+' };
            format!("{sign}{:02}:{:02}", offset.abs() / 60, offset.abs() % 60)
        };
        let moment = format!("{day}T{hour:02}:{minute:02}:00{zone}");
        match model::PartialDate::parse(&moment) {
            Ok(_) => moment,
            Err(_) => day,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateLabel {
    /// "Published on:", "Posted:", "Date:".
    Published,
    /// "Updated:", "Last modified:".
    Updated,
    None,
}

/// A line that is a date and nothing else, with an optional label, weekday, time and zone:
/// "Published on:March 15, 2014 12:50 am", "Tuesday 11 March 2014 - 14:31", "24 Nov 2024".
fn date_line(text: &str) -> Option<DateLine> {
    let lower = text.to_lowercase();
    const LABELS: &[(&str, DateLabel)] = &[
        ("first published on", DateLabel::Published),
        ("first published", DateLabel::Published),
        ("published on", DateLabel::Published),
        ("published at", DateLabel::Published),
        ("published", DateLabel::Published),
        ("posted on", DateLabel::Published),
        ("posted at", DateLabel::Published),
        ("posted", DateLabel::Published),
        ("publication date", DateLabel::Published),
        ("date published", DateLabel::Published),
        ("released", DateLabel::Published),
        ("date", DateLabel::Published),
        ("last updated on", DateLabel::Updated),
        ("last updated", DateLabel::Updated),
        ("last update", DateLabel::Updated),
        ("updated on", DateLabel::Updated),
        ("updated at", DateLabel::Updated),
        ("updated", DateLabel::Updated),
        ("last modified", DateLabel::Updated),
        ("modified", DateLabel::Updated),
    ];
    let lower = long_zone_names(&lower);
    let (label, rest) = LABELS
        .iter()
        .find_map(|(l, kind)| lower.strip_prefix(l).map(|rest| (*kind, rest)))
        .filter(|(_, rest)| rest.starts_with([':', ' ']) || rest.is_empty())
        .unwrap_or((DateLabel::None, lower.as_str()));
    let rest: String = rest
        .chars()
        .map(|c| {
            if matches!(c, ',' | '|' | '(' | ')') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let rest = rest.trim_start_matches([':', ' ']);
    let tokens: Vec<&str> = rest.split_whitespace().collect();
    let (mut day, mut month, mut year) = (None, None, None);
    let mut time: Option<String> = None;
    let mut offset: Option<i32> = None;
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i];
        let t = token.trim_end_matches('.');
        if matches!(t, "-" | "–" | "—" | "/" | "at" | "on" | "" | "@") || weekday(t) {
        } else if let Some(zone) = zone(t) {
            offset = zone;
        } else if let Some(m) = month_number(t) {
            if month.replace(m).is_some() {
                return None;
            }
        } else if let Some((y, m, d)) = numeric_date(t) {
            if year.is_some() || month.is_some() || day.is_some() {
                return None;
            }
            (year, month, day) = (Some(y), Some(m), Some(d));
        } else if let Some(mut written) = time_of_day(token) {
            if let Some(next) = tokens.get(i + 1) {
                if matches!(*next, "am" | "pm" | "a.m." | "p.m.") {
                    written = format!("{written} {next}");
                    i += 1;
                }
            }
            if time.replace(written).is_some() {
                return None;
            }
        } else if let Some(n) = ordinal(t) {
            if t.len() == 4 && n >= 1000 {
                if year.replace(n as i32).is_some() {
                    return None;
                }
            } else if (1..=31).contains(&n) {
                if day.replace(n).is_some() {
                    return None;
                }
            } else {
                return None;
            }
        } else {
            return None;
        }
        i += 1;
    }
    let date = NaiveDate::from_ymd_opt(year?, month?, day?)?;
    Some(DateLine {
        date,
        time,
        offset,
        label,
    })
}

/// Zones written out ("Eastern Daylight Time") as their abbreviations.
fn long_zone_names(lower: &str) -> String {
    #[rustfmt::skip]
    const NAMES: &[(&str, &str)] = &[
        ("eastern daylight time", "edt"), ("eastern standard time", "est"),
        ("central daylight time", "cdt"), ("mountain daylight time", "mdt"),
        ("pacific daylight time", "pdt"), ("pacific standard time", "pst"),
        ("greenwich mean time", "gmt"), ("british summer time", "bst"),
        ("central european summer time", "cest"), ("central european time", "cet"),
        ("coordinated universal time", "utc"), ("eastern time", "et"), ("pacific time", "pt"),
    ];
    let mut out = lower.to_owned();
    for (name, abbreviation) in NAMES {
        out = out.replace(name, abbreviation);
    }
    out
}

/// "World News | Fri Mar 14, 2014 6:24pm EDT": a date line with the page's section names
/// (each of four words at most) beside it.
fn sectioned_date_line(text: &str) -> Option<DateLine> {
    let parts: Vec<&str> = text.split(['|', '•']).map(str::trim).collect();
    if parts.len() < 2 {
        return None;
    }
    let mut found = None;
    for part in parts {
        match date_line(part) {
            Some(date) if found.is_none() => found = Some(date),
            Some(_) => return None,
            None if word_count(part) <= 4 && !part.ends_with(['.', '?', '!']) => {}
            None => return None,
        }
    }
    found
}

fn weekday(t: &str) -> bool {
    #[rustfmt::skip]
    const WEEKDAYS: &[&str] = &[
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon",
        "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ];
    WEEKDAYS.contains(&t)
}

fn month_number(t: &str) -> Option<u32> {
    #[rustfmt::skip]
    const MONTHS: [&str; 12] = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ];
    if t == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == t || (t.len() == 3 && m.starts_with(t)))
        .map(|i| i as u32 + 1)
}

/// A time zone: `Some(Some(minutes))` for one with a single offset from UTC,
/// `Some(None)` for one that names several ("CST", "IST") or changed ("MSK").
fn zone(t: &str) -> Option<Option<i32>> {
    let t = t.trim_matches(['(', ')']);
    let named = match t {
        "gmt" | "utc" | "z" => Some(0),
        "bst" | "cet" | "wat" => Some(60),
        "cest" | "eet" | "cat" | "sast" => Some(120),
        "eest" => Some(180),
        "jst" => Some(540),
        "edt" => Some(-240),
        "est" | "cdt" => Some(-300),
        "mdt" => Some(-360),
        "mst" | "pdt" => Some(-420),
        "pst" => Some(-480),
        "msk" | "cst" | "ist" | "ast" | "aest" | "aedt" | "et" | "pt" | "ct" => None,
        _ => return numeric_offset(t),
    };
    Some(named)
}

/// "+0300", "+03:00", "gmt+3", "utc-05:00", "−05:00".
fn numeric_offset(t: &str) -> Option<Option<i32>> {
    let t = t
        .strip_prefix("gmt")
        .or_else(|| t.strip_prefix("utc"))
        .unwrap_or(t);
    let (sign, digits) = if let Some(d) = t.strip_prefix('+') {
        (1, d)
    } else if let Some(d) = t.strip_prefix('-').or_else(|| t.strip_prefix('−')) {
        (-1, d)
    } else {
        return None;
    };
    let digits: String = digits.chars().filter(|c| *c != ':').collect();
    if digits.is_empty() || digits.len() > 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (hours, minutes) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        3 => (
            digits[..1].parse::<i32>().ok()?,
            digits[1..].parse::<i32>().ok()?,
        ),
        _ => (
            digits[..2].parse::<i32>().ok()?,
            digits[2..].parse::<i32>().ok()?,
        ),
    };
    (hours <= 14 && minutes < 60).then_some(Some(sign * (hours * 60 + minutes)))
}

/// "14:31", "12:50am", "18.30" (only ever tried inside a line that is a date).
fn time_of_day(token: &str) -> Option<String> {
    let (clock, suffix) = match token.find(|c: char| c.is_alphabetic()) {
        Some(i) => (&token[..i], &token[i..]),
        None => (token, ""),
    };
    if !suffix.is_empty() && !matches!(suffix, "am" | "pm" | "a.m." | "p.m.") {
        return None;
    }
    let parts: Vec<&str> = if clock.contains(':') {
        clock.split(':').collect()
    } else {
        clock.split('.').collect() // "18.30", as some sites write it
    };
    let ok = (2..=3).contains(&parts.len())
        && parts[0].len() <= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        && parts[0].parse::<u32>().is_ok_and(|h| h < 24)
        && parts[1].len() == 2
        && parts[1].parse::<u32>().is_ok_and(|m| m < 60);
    ok.then(|| {
        if suffix.is_empty() {
            clock.to_owned()
        } else {
            format!("{clock} {suffix}")
        }
    })
}

/// "11", "1st", "22nd", "2014".
fn ordinal(t: &str) -> Option<u32> {
    let digits = t
        .strip_suffix("st")
        .or_else(|| t.strip_suffix("nd"))
        .or_else(|| t.strip_suffix("rd"))
        .or_else(|| t.strip_suffix("th"))
        .unwrap_or(t);
    (!digits.is_empty() && digits.len() <= 4 && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// "2014-03-15", "2014/03/15", "15.03.2014", "15/03/2014"; a day-month order that could be
/// read both ways ("03/04/2014") is refused.
fn numeric_date(t: &str) -> Option<(i32, u32, u32)> {
    let t = t.split('t').next()?;
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    if parts.len() != 3 || !parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    let n: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    if parts[0].len() == 4 {
        return Some((n[0] as i32, n[1], n[2]));
    }
    if parts[2].len() != 4 {
        return None;
    }
    let year = n[2] as i32;
    match (n[0], n[1]) {
        (a, b) if a > 12 && b <= 12 => Some((year, b, a)),
        (a, b) if b > 12 && a <= 12 => Some((year, a, b)),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------
// After the rules.

/// Exact repeats of a run of paragraphs, as `(start, length, start of the first copy)`;
/// single paragraphs count only with eight words or more (a short line may well recur).
fn repeated_runs(texts: &[&str]) -> Vec<(usize, usize, usize)> {
    let mut runs = Vec::new();
    let mut j = 1;
    while j < texts.len() {
        let mut best = (0, 0);
        for i in 0..j {
            let mut k = 0;
            while j + k < texts.len() && i + k < j && texts[i + k] == texts[j + k] {
                k += 1;
            }
            if k > best.0 {
                best = (k, i);
            }
        }
        let (len, first) = best;
        let words: usize = texts[j..j + len].iter().map(|t| word_count(t)).sum();
        if len >= 2 || (len == 1 && words >= 8) {
            runs.push((j, len, first));
            j += len;
        } else {
            j += 1;
        }
    }
    runs
}

/// The sources named as reporting inside a paragraph: "Reuters reported", "the Reuters news
/// agency reported", "according to Reuters". Returns `(slug, phrase)`.
fn cited_sources(text: &str, known: &Known) -> Vec<(String, String)> {
    const VERBS: &[&str] = &["reported", "reports", "said", "says", "quoted", "cited"];
    const FILLERS: &[&str] = &["news agency", "agency", "wire service", "newspaper"];
    let mut out: Vec<(String, String)> = Vec::new();
    for source in &known.dossier.sources {
        let names = std::iter::once(&source.name).chain(source.aliases.iter());
        for name in names {
            if name.chars().count() < 2 {
                continue;
            }
            for (at, _) in text.match_indices(name.as_str()) {
                let end = at + name.len();
                let before = text[..at].chars().next_back();
                let after = text[end..].chars().next();
                if before.is_some_and(char::is_alphanumeric)
                    || after.is_some_and(char::is_alphanumeric)
                {
                    continue;
                }
                let mut rest = text[end..].trim_start();
                for filler in FILLERS {
                    if let Some(r) = rest.strip_prefix(filler) {
                        rest = r.trim_start();
                        break;
                    }
                }
                let verb = VERBS.iter().find(|v| {
                    rest.starts_with(*v)
                        && !rest[v.len()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric)
                });
                let according = text[..at].trim_end().to_lowercase();
                let according =
                    according.ends_with("according to") || according.ends_with("according to the");
                let phrase = match verb {
                    Some(v) => format!("{} {v}", text[at..end].trim()),
                    None if according => format!("according to {name}"),
                    None => continue,
                };
                if !out.iter().any(|(s, _)| *s == source.slug) {
                    out.push((source.slug.clone(), phrase));
                }
            }
        }
    }
    out
}

/// The paragraphs as blocks: consecutive bullet items become one list.
fn blocks(paras: &[&Para]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for para in paras {
        match (para.bullet, out.last_mut()) {
            (true, Some(Block::List(items))) => items.push(para.text.clone()),
            (true, _) => out.push(Block::List(vec![para.text.clone()])),
            (false, _) => out.push(Block::Paragraph(para.text.clone())),
        }
    }
    out
}

/// The known actors mentioned in `texts` (the title and the paragraphs), with counts, in
/// order of first mention, found by the same matcher as a build.
fn known_actors(texts: &[&str], known: &Known) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for text in texts {
        for (actor, _, _) in known.matcher.find(text) {
            let slug = &known.dossier.actors[actor].slug;
            match out.iter_mut().find(|(s, _)| s == slug) {
                Some((_, n)) => *n += 1,
                None => out.push((slug.clone(), 1)),
            }
        }
    }
    out
}

/// Titles and roles before a name; stripped, and a sign that a person follows.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "president", "prime", "minister", "secretary", "chancellor", "foreign", "defence", "defense",
    "interior", "finance", "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady",
    "general", "gen", "senator", "sen", "rep", "representative", "governor", "gov", "mayor",
    "ambassador", "judge", "justice", "prince", "princess", "king", "queen", "pope", "premier",
    "pm", "deputy", "vice", "chief", "colonel", "col", "captain", "capt", "lieutenant", "lt",
    "commander", "admiral", "sergeant", "sgt", "major", "professor", "prof", "spokesman",
    "spokeswoman", "spokesperson", "envoy", "chairman", "chairwoman", "speaker", "sheikh",
    "emir", "bishop", "archbishop", "patriarch", "rabbi", "imam", "reverend", "rev",
];

/// Words that start a sentence or a phrase rather than a name; stripped.
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "in", "on", "at", "by", "for", "from", "to", "of", "and", "but", "or",
    "if", "as", "after", "before", "during", "following", "meanwhile", "however", "while",
    "when", "where", "what", "which", "who", "this", "that", "these", "those", "it", "he", "she",
    "they", "we", "i", "our", "their", "his", "her", "its", "my", "your", "both", "last", "next",
    "speaking", "asked", "then", "now", "also", "so", "yet", "since", "until", "under", "with",
    "without", "over", "about", "between", "against", "among", "earlier", "later", "today",
    "yesterday", "although", "though", "because", "unlike", "like", "despite", "according",
    "former", "new", "ousted", "acting", "interim", "late",
];

/// Nationalities and other adjectives before a name; stripped.
#[rustfmt::skip]
const ADJECTIVES: &[&str] = &[
    "american", "british", "russian", "ukrainian", "german", "french", "chinese", "japanese",
    "italian", "spanish", "polish", "turkish", "iranian", "israeli", "palestinian", "syrian",
    "iraqi", "afghan", "pakistani", "indian", "canadian", "australian", "european", "african",
    "arab", "asian", "crimean", "georgian", "belarusian", "kazakh", "azerbaijani", "armenian",
    "dutch", "belgian", "swedish", "norwegian", "finnish", "danish", "greek", "austrian",
    "swiss", "korean", "saudi", "egyptian", "qatari", "lebanese", "jordanian", "romanian",
    "hungarian", "czech", "serbian", "croatian", "estonian", "latvian", "lithuanian", "moldovan",
    "irish", "scottish", "welsh", "english", "mexican", "brazilian", "venezuelan", "cuban",
    "western", "eastern", "northern", "southern",
];

/// Words that make a capitalised phrase an institution, a place or a date, not a person.
#[rustfmt::skip]
const NOT_PEOPLE: &[&str] = &[
    "council", "ministry", "department", "union", "commission", "parliament", "party", "army",
    "forces", "force", "sea", "ocean", "river", "federation", "republic", "kingdom", "states",
    "nations", "security", "agency", "news", "press", "times", "post", "street", "square",
    "house", "court", "bank", "fund", "organisation", "organization", "assembly", "committee",
    "office", "government", "armed", "supreme", "church", "university", "college", "school",
    "institute", "center", "centre", "group", "company", "corporation", "airlines", "airport",
    "station", "city", "county", "province", "region", "district", "island", "islands",
    "mountains", "peninsula", "valley", "gulf", "bay", "coast", "summit", "conference", "treaty",
    "accord", "agreement", "war", "crisis", "revolution", "palace", "hall", "tower", "bridge",
    "road", "avenue", "park", "stadium", "cup", "games", "prize", "award", "day", "guard",
    "police", "navy", "fleet", "service", "services", "network", "media", "channel", "radio",
    "television", "online", "daily", "journal", "herald", "tribune", "gazette", "telegraph",
    "guardian", "magazine", "club", "league", "association", "alliance", "movement", "front",
    "bloc", "coalition", "cabinet", "senate", "congress", "central", "national", "international",
    "federal", "exchange", "market", "index", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december", "north", "south", "east",
    "west", "black", "white", "red", "state", "god",
];

/// Lowercase words before a name that mark a person.
#[rustfmt::skip]
const ROLES: &[&str] = &[
    "official", "correspondent", "reporter", "analyst", "editor", "spokesman", "spokeswoman",
    "spokesperson", "leader", "head", "director", "founder", "adviser", "advisor", "aide",
    "lawyer", "attorney", "candidate", "activist", "author", "economist", "expert", "journalist",
    "counterpart", "envoy", "minister", "president", "secretary", "chancellor", "ambassador",
    "by", "said", "says", "told",
];

/// One word of a text, for finding names.
struct Token<'a> {
    word: &'a str,
    /// Starts after an opening quote or bracket.
    opens: bool,
    /// Ends before punctuation or a possessive.
    closes: bool,
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    text.split_whitespace()
        .map(|raw| {
            let word = raw.trim_start_matches(['"', '“', '‘', '\'', '(', '[', '{']);
            let opens = word.len() != raw.len();
            if word.len() == 2 && word.ends_with('.') && word.starts_with(char::is_uppercase) {
                return Token {
                    word,
                    opens,
                    closes: false,
                };
            }
            let mut w =
                word.trim_end_matches([',', '.', ';', ':', '!', '?', '"', '”', ')', ']', '}']);
            let mut closes = w.len() != word.len();
            for possessive in ["'s", "’s"] {
                if let Some(stem) = w.strip_suffix(possessive) {
                    w = stem;
                    closes = true;
                }
            }
            let trimmed = w.trim_end_matches(['\'', '’']);
            closes |= trimmed.len() != w.len();
            Token {
                word: trimmed,
                opens,
                closes,
            }
        })
        .collect()
}

/// A word that can be part of a name: capitalised, with lowercase letters ("McGregor-Wood",
/// "Ki-moon"), or an initial ("W.").
fn name_word(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if word.len() == 2 && word.ends_with('.') {
        return first.is_uppercase();
    }
    first.is_uppercase()
        && word.chars().any(char::is_lowercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
}

/// Names that look like people's and match no known actor: two or three capitalised words,
/// titles and sentence openers stripped, no institution or date word, with a title or role
/// before them, a speech verb after them, or seen twice.
fn person_candidates(texts: &[&str], known: &Known) -> Vec<String> {
    let mut seen: Vec<(String, usize, bool)> = Vec::new();
    for text in texts {
        let known_spans: Vec<(usize, usize)> = known
            .matcher
            .find(text)
            .into_iter()
            .map(|(_, s, e)| (s, e))
            .collect();
        let toks = tokens(text);
        let mut i = 0;
        while i < toks.len() {
            if !name_word(toks[i].word) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            while end < toks.len()
                && !toks[end - 1].closes
                && !toks[end].opens
                && name_word(toks[end].word)
            {
                end += 1;
            }
            i = end;
            let mut first = start;
            let mut signal = false;
            while first < end {
                let w = toks[first].word.trim_end_matches('.').to_lowercase();
                if TITLES.contains(&w.as_str()) {
                    signal = true;
                } else if !FUNCTION_WORDS.contains(&w.as_str()) && !ADJECTIVES.contains(&w.as_str())
                {
                    break;
                }
                first += 1;
            }
            let words: Vec<&str> = toks[first..end].iter().map(|t| t.word).collect();
            if !(2..=3).contains(&words.len())
                || words
                    .iter()
                    .any(|w| NOT_PEOPLE.contains(&w.to_lowercase().as_str()))
                || words.last().is_some_and(|w| w.ends_with('.'))
            {
                continue;
            }
            let name = words.join(" ");
            if known.source_named(&name).is_some() {
                continue;
            }
            let (from, to) = span_of(text, words[0], toks[first..end].last().map(|t| t.word));
            if known_spans.iter().any(|&(s, e)| s < to && from < e) {
                continue;
            }
            if start > 0 {
                let before = toks[start - 1].word.to_lowercase();
                signal |= ROLES.contains(&before.as_str()) || TITLES.contains(&before.as_str());
            }
            if let Some(after) = toks.get(end) {
                // "Doe said", "Doe vowed": the reporting verbs quote attribution reads.
                signal |= crate::vocab::reporting_verb(&after.word.to_lowercase()).is_some_and(
                    |(form, _)| {
                        matches!(
                            form,
                            crate::vocab::VerbForm::Past | crate::vocab::VerbForm::Third
                        )
                    },
                );
            }
            match seen.iter_mut().find(|(n, _, _)| *n == name) {
                Some(entry) => {
                    entry.1 += 1;
                    entry.2 |= signal;
                }
                None => seen.push((name, 1, signal)),
            }
        }
    }
    seen.into_iter()
        .filter(|(_, count, signal)| *signal || *count >= 2)
        .map(|(name, _, _)| name)
        .collect()
}

/// The byte range in `text` from the first occurrence of `first` to the end of the next
/// occurrence of `last` (an approximation good enough for overlap with known mentions).
fn span_of(text: &str, first: &str, last: Option<&str>) -> (usize, usize) {
    let from = text.find(first).unwrap_or(0);
    let to = last
        .and_then(|l| text[from..].find(l).map(|i| from + i + l.len()))
        .unwrap_or(from + first.len());
    (from, to)
}

// ---------------------------------------------------------------------------------------
// Writing the draft.

/// The draft file: front matter that marks every field as detected or TODO, then the body.
fn render(draft: &Draft, input: &Path) -> String {
    let mut out = String::from("---\n");
    let _ = writeln!(
        out,
        "# Drafted by `dossier import` from {}.",
        input.display()
    );
    out.push_str(
        "# Every field says how it was found. Replace each `# TODO key:` line with `key: value`,\n",
    );
    out.push_str(
        "# review the text and what was removed (listed at the end), then set `draft: false`.\n",
    );
    let line = |out: &mut String, key: &str, value: &str, note: &str| {
        let entry = format!("{key}: {value}");
        let _ = writeln!(out, "{entry:<30} # {}", one_line(note));
    };
    let todo = |out: &mut String, key: &str, note: &str| {
        let entry = format!("# TODO {key}:");
        let _ = writeln!(out, "{entry:<30} # {}", one_line(note));
    };
    match &draft.title.value {
        Some(title) => line(&mut out, "title", &yaml_string(title), &draft.title.note),
        None => todo(&mut out, "title", &draft.title.note),
    }
    match &draft.source.value {
        Some(source) => line(&mut out, "source", source, &draft.source.note),
        None => todo(&mut out, "source", &draft.source.note),
    }
    match &draft.publisher.value {
        Some(publisher) => line(&mut out, "publisher", publisher, &draft.publisher.note),
        None => {
            let _ = writeln!(
                out,
                "{:<30} # {}",
                "# publisher:",
                one_line(&draft.publisher.note)
            );
        }
    }
    if !draft.cited.is_empty() {
        let _ = writeln!(
            out,
            "# the text also cites: {} (reporting it quotes, not a credit)",
            cited_list(&draft.cited)
        );
    }
    if let Some(url) = &draft.url {
        line(
            &mut out,
            "url",
            url.value.as_deref().unwrap_or(""),
            &url.note,
        );
    }
    match &draft.published.value {
        Some(date) => line(&mut out, "published", date, &draft.published.note),
        None => todo(&mut out, "published", &draft.published.note),
    }
    if let Some(byline) = &draft.byline {
        line(
            &mut out,
            "byline",
            &yaml_string(byline.value.as_deref().unwrap_or("")),
            &byline.note,
        );
    }
    line(
        &mut out,
        "events",
        "[]",
        "optional: slugs of the events this article reports (content/events/)",
    );
    line(
        &mut out,
        "actors",
        "[]",
        "left empty: mentions of known actors are detected at build time",
    );
    if draft.actors.is_empty() {
        out.push_str("# known actors mentioned: none\n");
    } else {
        let names: Vec<String> = draft
            .actors
            .iter()
            .map(|(slug, n)| format!("{slug} ({n})"))
            .collect();
        wrap_comment(&mut out, "known actors mentioned: ", &names);
    }
    if draft.candidates.is_empty() {
        out.push_str("# names that look like people but match no actor: none\n");
    } else {
        wrap_comment(
            &mut out,
            "names that look like people but match no actor (candidates for `dossier new actor SLUG`):",
            &draft.candidates,
        );
    }
    line(
        &mut out,
        "draft",
        "true",
        "an imported draft is left out of the site unless `dossier build --drafts`",
    );
    if draft.removed.is_empty() {
        out.push_str("# removed from the text: nothing\n");
    } else {
        out.push_str("# removed from the text (put back anything that is reporting):\n");
        for removed in &draft.removed {
            let _ = writeln!(
                out,
                "#   line {}: {}: {}",
                removed.line,
                removed.reason,
                shorten(&removed.text, 80)
            );
        }
    }
    out.push_str("---\n");
    for block in &draft.body {
        out.push('\n');
        match block {
            Block::Paragraph(text) => {
                out.push_str(&escape_markdown(text));
                out.push('\n');
            }
            Block::List(items) => {
                for item in items {
                    out.push_str("- ");
                    out.push_str(&escape_markdown(item));
                    out.push('\n');
                }
            }
        }
    }
    out
}

/// A comment of `items` after `lead`, wrapped at about 100 characters.
fn wrap_comment(out: &mut String, lead: &str, items: &[String]) {
    let mut line = format!("# {lead}");
    if line.chars().count() > 60 {
        out.push_str(line.trim_end());
        out.push('\n');
        line = "#   ".to_owned();
    }
    let mut first = true;
    for item in items {
        let piece = if first {
            item.clone()
        } else {
            format!(", {item}")
        };
        if !first && line.chars().count() + piece.chars().count() > 100 {
            line.push(',');
            out.push_str(&line);
            out.push('\n');
            line = format!("#   {item}");
        } else {
            line.push_str(&piece);
        }
        first = false;
    }
    out.push_str(&line);
    out.push('\n');
}

/// A double-quoted YAML string.
fn yaml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn one_line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}

/// `text` cut to `max` characters with an ellipsis.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Plain text made safe as one Markdown paragraph: emphasis, code and link characters and
/// block markers at the start are escaped, so the text renders as it was written.
fn escape_markdown(text: &str) -> String {
    let links = text.contains("](") || text.contains("][");
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' if chars.get(i + 1).is_some_and(char::is_ascii_punctuation) => {
                out.push_str("\\\\")
            }
            '*' | '_' | '`' => {
                out.push('\\');
                out.push(c);
            }
            '[' if links => out.push_str("\\["),
            '<' if chars
                .get(i + 1)
                .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')) =>
            {
                out.push_str("\\<")
            }
            c => out.push(c),
        }
    }
    // Block markers at the start: headings, quotes, list markers, numbered items.
    if out.starts_with(['#', '>', '+', '-', '=', '|', '~']) {
        out.insert(0, '\\');
    } else {
        let digits = out.chars().take_while(char::is_ascii_digit).count();
        if (1..=9).contains(&digits) && out[digits..].starts_with(['.', ')']) {
            out.insert(digits, '\\');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{RawActor, RawSource, Spanned};

    fn spanned(text: &str) -> Spanned<String> {
        Spanned {
            value: text.to_owned(),
            line: 1,
            column: 1,
        }
    }

    fn doc(slug: &str, data: RawData) -> RawDocument {
        RawDocument {
            slug: slug.to_owned(),
            path: PathBuf::from(format!("content/x/{slug}.md")),
            text: String::new(),
            body: String::new(),
            body_line: 1,
            data,
        }
    }

    fn source(slug: &str, name: &str, aliases: &[&str], url: Option<&str>) -> RawDocument {
        doc(
            slug,
            RawData::Source(RawSource {
                name: name.to_owned(),
                aliases: aliases.iter().map(|a| spanned(a)).collect(),
                url: url.map(str::to_owned),
                ..Default::default()
            }),
        )
    }

    fn actor(slug: &str, name: &str, aliases: &[&str]) -> RawDocument {
        doc(
            slug,
            RawData::Actor(RawActor {
                name: name.to_owned(),
                aliases: aliases.iter().map(|a| spanned(a)).collect(),
                ..Default::default()
            }),
        )
    }

    /// A small dossier: four outlets (one a republisher with an address) and three actors.
    fn known() -> Known {
        let docs = [
            source("reuters", "Reuters", &[], Some("https://www.reuters.com/")),
            source("ap", "Associated Press", &["AP"], None),
            source("al-jazeera", "Al Jazeera", &[], None),
            source(
                "daily-echo",
                "The Daily Echo",
                &[],
                Some("https://dailyecho.example/"),
            ),
            actor("jane-doe", "Jane Doe", &["Doe"]),
            actor("ruritania", "Ruritania", &["Ruritanian government"]),
            actor("john-roe", "John Roe", &["Roe", "Mr Roe"]),
        ];
        let refs: Vec<&RawDocument> = docs.iter().collect();
        Known::from_documents(&refs)
    }

    fn body_texts(draft: &Draft) -> Vec<String> {
        draft
            .body
            .iter()
            .flat_map(|b| match b {
                Block::Paragraph(p) => vec![p.clone()],
                Block::List(items) => items.iter().map(|i| format!("- {i}")).collect(),
            })
            .collect()
    }

    const STORY: &str = "Doe arrives in Ruritania for talks\n\nJane Doe arrived in Ruritania on Thursday for talks with John Roe.\n\n\"We came to agree,\" Doe said.\n";

    #[test]
    fn empty_and_blank_files_are_refused() {
        assert!(draft("", &known()).unwrap_err().contains("empty"));
        assert!(draft(" \n\u{a0}\n\t\n", &known())
            .unwrap_err()
            .contains("empty"));
    }

    #[test]
    fn only_furniture_is_refused() {
        let err = draft("Share this\nYour Name\nYour Email Address\n", &known()).unwrap_err();
        assert!(err.contains("nothing is left"), "{err}");
        let err = draft("A headline alone\n", &known()).unwrap_err();
        assert!(err.contains("only a headline"), "{err}");
    }

    #[test]
    fn headline_becomes_the_title_and_its_repeats_go() {
        let text = format!(
            "Doe arrives in Ruritania for talks\n\nDoe arrives in Ruritania for talks\n{STORY}"
        );
        let d = draft(&text, &known()).unwrap();
        assert_eq!(
            d.title.value.as_deref(),
            Some("Doe arrives in Ruritania for talks")
        );
        assert!(d.title.note.contains("line 1"));
        assert_eq!(body_texts(&d).len(), 2);
        assert_eq!(
            d.removed
                .iter()
                .filter(|r| r.reason == "repeated headline")
                .count(),
            2
        );
    }

    #[test]
    fn a_sentence_first_is_not_a_title() {
        let d = draft(
            "Jane Doe arrived in Ruritania on Thursday.\n\nShe met John Roe.\n",
            &known(),
        )
        .unwrap();
        assert_eq!(d.title.value, None);
        assert_eq!(body_texts(&d).len(), 2);
    }

    #[test]
    fn lines_without_blank_lines_are_paragraphs() {
        let text = "Talks end\nJane Doe arrived on Thursday.\nShe met John Roe in the capital.\n'A subheading'\nThe talks ended late.\n";
        let d = draft(text, &known()).unwrap();
        assert_eq!(
            body_texts(&d),
            [
                "Jane Doe arrived on Thursday.",
                "She met John Roe in the capital.",
                "'A subheading'",
                "The talks ended late."
            ]
        );
    }

    #[test]
    fn hard_wrapped_text_is_joined_per_block() {
        let text = "Talks end\n\nJane Doe arrived in Ruritania on Thursday for talks that\nofficials said would last well into the night, and\nperhaps into the next day as well.\n\nShe met John Roe, who had come from the capital by\ntrain with his advisers and a large delegation.\n";
        let lines = normalise_lines(text);
        assert!(looks_hard_wrapped(&lines));
        let d = draft(text, &known()).unwrap();
        assert_eq!(body_texts(&d).len(), 2, "{:?}", body_texts(&d));
        assert!(body_texts(&d)[0].ends_with("as well."));
    }

    #[test]
    fn spaces_are_normalised() {
        assert_eq!(normalise_spaces("  a\u{a0} b\t\u{200b}c  "), "a b c");
    }

    #[test]
    fn bullets_become_a_list() {
        assert_eq!(strip_bullet("• An item"), Some("An item"));
        assert_eq!(strip_bullet("  ".trim()), None);
        assert_eq!(strip_bullet("▪Item"), Some("Item"));
        assert_eq!(strip_bullet("-5 degrees"), None);
        assert_eq!(strip_bullet("• "), None);
        let text = "Talks end\n\nOn Tuesday:\n\n  • First thing\n\n\n  • Second thing\n\nMore text follows here.\n";
        let d = draft(text, &known()).unwrap();
        assert_eq!(
            d.body,
            [
                Block::Paragraph("On Tuesday:".into()),
                Block::List(vec!["First thing".into(), "Second thing".into()]),
                Block::Paragraph("More text follows here.".into()),
            ]
        );
        assert!(render(&d, Path::new("x.txt"))
            .contains("On Tuesday:\n\n- First thing\n- Second thing\n\nMore text"));
    }

    #[test]
    fn share_prompts() {
        for line in [
            "Follow us on Twitter @TRENDNewsAgency",
            "Do you like this story",
            "Share on Facebook",
            "Subscribe to our newsletter",
            "Tweet",
        ] {
            assert!(share_prompt(line), "{line}");
        }
        assert!(!share_prompt("Kerry said he would follow up on Monday."));
        assert_eq!(
            follow_handle("Follow us on Twitter @TRENDNewsAgency"),
            Some("TRENDNewsAgency")
        );
    }

    #[test]
    fn navigation() {
        for line in [
            "Next Story",
            "Related Articles",
            "MOST READ",
            "More from Europe",
        ] {
            assert!(navigation_heading(line), "{line}");
        }
        assert!(navigation_link("Read more: Kerry meets Lavrov"));
        assert!(navigation_link("Skip to content"));
        assert!(!navigation_heading("Related talks continued on Friday."));
        let text = format!("{STORY}\nRelated Articles\n\nHajj virtues\nOil prices fall\n");
        let d = draft(&text, &known()).unwrap();
        assert_eq!(body_texts(&d).len(), 2);
        assert!(d
            .removed
            .iter()
            .any(|r| r.text == "Hajj virtues" && r.reason.contains("another story")));
    }

    #[test]
    fn headlines_after_navigation_stop_at_a_sentence() {
        let text = "Talks end\n\nFirst paragraph here, and it is long.\n\nRead also\nSome other story\nThe talks resumed on Friday, officials said.\n";
        let d = draft(text, &known()).unwrap();
        assert_eq!(
            body_texts(&d),
            [
                "First paragraph here, and it is long.",
                "The talks resumed on Friday, officials said."
            ]
        );
    }

    #[test]
    fn form_fields() {
        for line in [
            "Your Name",
            "Your Email Address",
            "Submit",
            "12 Comments",
            "Name *",
        ] {
            assert!(form_field(line), "{line}");
        }
        assert!(!form_field("Your name is on the list, Doe said."));
    }

    #[test]
    fn photo_captions() {
        assert!(photo_caption(
            "Photo: Kerry to seek assurances / Other News"
        ));
        assert!(photo_caption("(Photo: AFP)"));
        assert!(photo_caption("Image copyright Getty Images"));
        assert!(!photo_caption(
            "Photographers gathered outside the building."
        ));
        for counter in ["1 of 4", "Image 2 of 10", "Photo 3/5", "Next image"] {
            assert!(photo_caption(counter), "{counter}");
        }
        assert!(!photo_caption("1 of 4 residents voted"));
        assert!(caption_label("PHOTO CAPTION"));
        let text =
            format!("{STORY}\nPHOTO CAPTION\n\nArmed men walk outside a base, March 14, 2014\n");
        let d = draft(&text, &known()).unwrap();
        assert_eq!(body_texts(&d).len(), 2);
        assert_eq!(d.removed.len(), 3, "{:?}", d.removed);
    }

    #[test]
    fn doubled_lines_are_captions() {
        assert!(doubled_line(
            "Doe and Roe in London Friday. (AP) Doe and Roe in London Friday. (AP)"
        ));
        assert!(!doubled_line("Doe met Roe. Doe met Roe again."));
        assert!(!doubled_line("no no"));
    }

    #[test]
    fn metadata_breadcrumbs_separators_and_furniture() {
        assert!(metadata("Story Code : 88635"));
        assert!(metadata("News ID: 1234"));
        assert!(metadata("3 min read"));
        assert!(metadata("1,204 views"));
        assert!(metadata("Tags: Ukraine, Russia"));
        assert!(!metadata("London: The talks failed."));
        assert!(!metadata("Time: 14 hours of talks"));
        assert!(breadcrumb("Home > World > Europe"));
        assert!(!breadcrumb("Prices rose > 5% in a year"));
        assert!(separator("* * *"));
        assert!(!separator("A"));
        assert!(page_furniture("Advertisement"));
    }

    #[test]
    fn disclaimers_name_the_site() {
        assert_eq!(
            disclaimer("The Iran Project is not responsible for the content of quoted articles."),
            Some(Some("The Iran Project".to_owned()))
        );
        assert_eq!(
            disclaimer("© 2014 The Daily Echo. All rights reserved."),
            Some(Some("The Daily Echo".to_owned()))
        );
        assert_eq!(disclaimer("Kerry was not responsible for the delay."), None);
    }

    #[test]
    fn credit_lines() {
        let k = known();
        assert_eq!(source_label("( Source : reuters )"), Some(vec!["reuters"]));
        assert_eq!(
            source_label("Source: Reuters, AFP"),
            Some(vec!["Reuters", "AFP"])
        );
        assert_eq!(source_label("Sources close to the talks said so."), None);
        assert_eq!(
            by_line(
                "By: Associated Press | London | Published on:March 15, 2014 12:50 am",
                &k
            )
            .unwrap()[..1],
            [Clue::Credit("Associated Press".into())]
        );
        assert_eq!(by_line("By BBC", &k).unwrap(), [Clue::Credit("BBC".into())]);
        assert_eq!(
            by_line("By Jane Smith and Tom Brown, Reuters", &k).unwrap(),
            [
                Clue::Credit("Reuters".into()),
                Clue::Byline("Jane Smith, Tom Brown".into())
            ]
        );
        assert_eq!(
            by_line("By the end of the day, talks had failed.", &k),
            None
        );
        assert_eq!(standalone_outlet("Al-Jazeera", &k), Some("Al-Jazeera"));
        assert_eq!(standalone_outlet("(Reuters)", &k), Some("Reuters"));
        assert_eq!(standalone_outlet("Staff threatened", &k), None);
        assert_eq!(
            reporting_credits("Reporting by Jane Smith; Editing by Tom Brown"),
            Some(vec!["Jane Smith".to_owned()])
        );
        assert_eq!(
            dateline_credit("LONDON (Reuters) - The talks failed."),
            Some("Reuters".to_owned())
        );
        assert_eq!(dateline_credit("The talks (in London) - failed."), None);
        assert_eq!(
            dateline_credit("BRUSSELS, Nov 19 (Reuters) - The Commission acted."),
            Some("Reuters".to_owned())
        );
    }

    #[test]
    fn sources_match_by_name_alias_slug_and_address() {
        let k = known();
        assert_eq!(k.source_named("reuters"), Some("reuters"));
        assert_eq!(k.source_named("Associated Press"), Some("ap"));
        assert_eq!(k.source_named("AP"), Some("ap"));
        assert_eq!(k.source_named("Al-Jazeera"), Some("al-jazeera"));
        assert_eq!(k.source_named("Reuters news agency"), Some("reuters"));
        assert_eq!(k.source_named("DailyEcho"), Some("daily-echo"));
        assert_eq!(k.source_named("Xinhua"), None);
        assert_eq!(k.source_at_host("dailyecho.example"), Some("daily-echo"));
        assert_eq!(
            url_host("https://www.reuters.com/world/x.html").as_deref(),
            Some("reuters.com")
        );
    }

    #[test]
    fn source_from_a_credit_line() {
        let text = format!("{STORY}( Source : reuters )\nNext Story\n");
        let d = draft(&text, &known()).unwrap();
        assert_eq!(d.source.value.as_deref(), Some("reuters"));
        assert!(d.source.note.contains("( Source : reuters )"));
        assert_eq!(d.publisher.value, None);
    }

    #[test]
    fn credit_then_republishing_site() {
        let text = format!(
            "{STORY}By AP\n\nThe Daily Echo is not responsible for the content of quoted articles.\nhttps://dailyecho.example/story.html\nYour Name\n"
        );
        let d = draft(&text, &known()).unwrap();
        assert_eq!(d.source.value.as_deref(), Some("ap"));
        assert_eq!(d.publisher.value.as_deref(), Some("daily-echo"));
        assert_eq!(
            d.url.as_ref().and_then(|u| u.value.as_deref()),
            Some("https://dailyecho.example/story.html")
        );
        assert_eq!(body_texts(&d).len(), 2);
    }

    #[test]
    fn the_site_is_the_source_when_nothing_is_credited() {
        let text = "Talks end\n\nJane Doe will seek assurances, an official said, Reuters reported.\n\nMore talks are due.\n\nFollow us on Twitter @DailyEcho\n";
        let d = draft(text, &known()).unwrap();
        assert_eq!(d.source.value.as_deref(), Some("daily-echo"));
        assert_eq!(d.publisher.value, None);
        assert_eq!(d.cited, [("reuters".to_owned(), 3)]);
    }

    #[test]
    fn a_lead_citation_is_the_last_resort() {
        let text = "Talks end\n\nJane Doe will seek assurances, an official said, Reuters reported.\n\nMore talks are due.\n";
        let d = draft(text, &known()).unwrap();
        assert_eq!(d.source.value.as_deref(), Some("reuters"));
        assert!(d.source.note.contains("weak"), "{}", d.source.note);
    }

    #[test]
    fn unknown_credits_stay_todo_with_a_hint() {
        let text = format!("{STORY}Source: Xinhua\n");
        let d = draft(&text, &known()).unwrap();
        assert_eq!(d.source.value, None);
        assert!(
            d.source.note.contains("dossier new source xinhua"),
            "{}",
            d.source.note
        );
        let d = draft(STORY, &known()).unwrap();
        assert!(
            d.source.note.contains("known sources: al-jazeera, ap"),
            "{}",
            d.source.note
        );
    }

    #[test]
    fn citations_inside_the_text() {
        let k = known();
        assert_eq!(
            cited_sources(
                "Meanwhile, the Reuters news agency reported that talks failed.",
                &k
            ),
            [("reuters".to_owned(), "Reuters reported".to_owned())]
        );
        assert_eq!(
            cited_sources("The talks failed, according to AP.", &k),
            [("ap".to_owned(), "according to AP".to_owned())]
        );
        assert!(cited_sources("Reuters photographers were there.", &k).is_empty());
        assert!(cited_sources("The APEC summit said so.", &k).is_empty());
    }

    #[test]
    fn date_lines() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let published = date_line("Published on:March 15, 2014 12:50 am").unwrap();
        assert_eq!(published.date, d(2014, 3, 15));
        assert_eq!(published.time.as_deref(), Some("12:50 am"));
        assert_eq!(published.label, DateLabel::Published);
        let timed = date_line("Tuesday 11 March 2014 - 14:31").unwrap();
        assert_eq!(
            (timed.date, timed.time.as_deref()),
            (d(2014, 3, 11), Some("14:31"))
        );
        assert_eq!(date_line("24 Nov 2024").unwrap().date, d(2024, 11, 24));
        assert_eq!(
            date_line("Tuesday, May 05, 2015").unwrap().date,
            d(2015, 5, 5)
        );
        assert_eq!(date_line("2014-03-14").unwrap().date, d(2014, 3, 14));
        assert_eq!(date_line("15/03/2014").unwrap().date, d(2014, 3, 15));
        assert_eq!(date_line("03/04/2014"), None);
        assert_eq!(
            date_line("Updated: 14 March 2014 18:30 GMT").unwrap().label,
            DateLabel::Updated
        );
        assert_eq!(date_line("March 2014"), None);
        let zoned = date_line("First published on Fri 14 Mar 2014 15.00 GMT").unwrap();
        assert_eq!(zoned.iso(), "2014-03-14T15:00:00Z");
        assert_eq!(
            date_line("Mar 14, 2014 6:24pm EDT").unwrap().iso(),
            "2014-03-14T18:24:00-04:00"
        );
        assert_eq!(
            date_line("14 March 2014 12:05 am +0300").unwrap().iso(),
            "2014-03-14T00:05:00+03:00"
        );
        assert_eq!(
            date_line("14 March 2014 10:00 IST").unwrap().iso(),
            "2014-03-14"
        );
        assert_eq!(
            date_line("Tuesday 11 March 2014 - 14:31").unwrap().iso(),
            "2014-03-11"
        );
        assert_eq!(
            sectioned_date_line("World News | Fri Mar 14, 2014 6:24pm EDT")
                .unwrap()
                .date,
            d(2014, 3, 14)
        );
        assert_eq!(
            sectioned_date_line("Kerry met Lavrov in London for six hours | 14 March 2014"),
            None
        );
        assert_eq!(date_line("On 14 March 2014 the talks failed"), None);
        assert_eq!(date_line("31 February 2014"), None);
    }

    #[test]
    fn publication_date_is_told_from_the_copy_date() {
        // A bare date above the headline is the page's date line, not the article's.
        let text =
            format!("24 Nov 2024\nTuesday 11 March 2014 - 14:31\nStory Code : 88635\n\n{STORY}");
        let d = draft(&text, &known()).unwrap();
        assert_eq!(d.published.value.as_deref(), Some("2014-03-11"));
        assert!(
            d.published
                .note
                .contains("2024-11-24 (line 1: above the headline"),
            "{}",
            d.published.note
        );
        assert_eq!(
            d.title.value.as_deref(),
            Some("Doe arrives in Ruritania for talks")
        );

        let text = format!("Tuesday, May 05, 2015\n\n{STORY}");
        let d = draft(&text, &known()).unwrap();
        assert_eq!(d.published.value, None);
        assert!(d.published.note.contains("2015-05-05"));

        let text = STORY.replacen('\n', "\nMarch 14, 2014\n", 1);
        let d = draft(&text, &known()).unwrap();
        assert_eq!(d.published.value.as_deref(), Some("2014-03-14"));

        let text = "Tuesday, May 05, 2015\n\nKerry meets Lavrov\n\nBy: Associated Press | London | Published on:March 15, 2014 12:50 am\n\nThe talks failed on Friday.\n";
        let d = draft(text, &known()).unwrap();
        assert_eq!(d.published.value.as_deref(), Some("2014-03-15"));
        assert_eq!(d.source.value.as_deref(), Some("ap"));
    }

    #[test]
    fn repeated_runs_are_kept_once() {
        assert_eq!(
            repeated_runs(&["a b", "c d", "e f", "a b", "c d", "g h"]),
            [(3, 2, 0)]
        );
        assert!(repeated_runs(&["He said.", "x", "He said."]).is_empty());
        let long = "Jane Doe arrived in Ruritania on Thursday for a day of talks.";
        assert_eq!(repeated_runs(&[long, "x", long]), [(2, 1, 0)]);
        let text = "Talks end\n\nOne paragraph here.\nTwo paragraph here.\nIn other developments:\nOne paragraph here.\n\n\nTwo paragraph here.\n\nIn other developments:\n\nThe end of it all.\n";
        let d = draft(text, &known()).unwrap();
        assert_eq!(
            body_texts(&d),
            [
                "One paragraph here.",
                "Two paragraph here.",
                "In other developments:",
                "The end of it all."
            ]
        );
    }

    #[test]
    fn tail_lines_after_the_text_go() {
        let text = format!("{STORY}\nSome Site\n\nHajj virtues\n");
        let d = draft(&text, &known()).unwrap();
        assert_eq!(body_texts(&d).len(), 2);
        assert_eq!(d.removed.len(), 3);
    }

    #[test]
    fn a_last_sentence_without_a_full_stop_stays() {
        assert!(tail_debris("Hajj virtues"));
        assert!(tail_debris("Oil Prices Fall As Talks In London Fail"));
        assert!(!tail_debris("\"We will see,\" he said"));
        assert!(!tail_debris("the talks will resume in Geneva next week"));
        let text = format!("{STORY}\"We will see,\" he said\n");
        assert_eq!(body_texts(&draft(&text, &known()).unwrap()).len(), 3);
    }

    #[test]
    fn odd_input_never_panics() {
        let pieces = [
            "By",
            "by:",
            "Source",
            "( Source : )",
            "(",
            ")",
            "@",
            "İSTANBUL (AP) -",
            "ǅ",
            "😀",
            "• ",
            "•",
            "1. x",
            "2014.",
            "---",
            "Published:",
            "12:99",
            "31/31/2014",
            "a | b | c",
            "Related",
            "PHOTO CAPTION",
            "Kerry: 2",
            "’s",
            "«",
            "\u{a0}",
            "x x",
            "Ab Ab",
            "https://",
            "www.",
            "© ",
            "Mr",
            "The The The",
            "\\",
            "*",
            "<",
            "[a](b)",
        ];
        let k = known();
        let mut seed = 7u64;
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..12 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let piece = pieces[(seed >> 33) as usize % pieces.len()];
                text.push_str(piece);
                text.push(if seed & 1 == 0 { '\n' } else { ' ' });
            }
            if let Ok(d) = draft(&text, &k) {
                let _ = render(&d, Path::new("x.txt"));
            }
        }
    }

    #[test]
    fn subheadings_inside_the_text_stay() {
        let text = "Talks end\n\nFirst sentence of the story.\n\nStaff threatened\n\nLast sentence of the story.\n";
        let d = draft(text, &known()).unwrap();
        assert_eq!(body_texts(&d).len(), 3);
    }

    #[test]
    fn actors_and_candidates() {
        let text = "Doe meets Roe\n\nJane Doe met Foreign Minister Karl Blum in Ruritania.\n\n\"No,\" Anna Weiss said. The Supreme Council and the Black Sea Fleet met.\n\nMr Roe left on Monday for Kiev.\n";
        let d = draft(text, &known()).unwrap();
        let slugs: Vec<&str> = d.actors.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(slugs, ["jane-doe", "john-roe", "ruritania"]);
        assert_eq!(d.actors[0], ("jane-doe".to_owned(), 2));
        assert_eq!(d.candidates, ["Karl Blum", "Anna Weiss"]);
    }

    #[test]
    fn markdown_is_escaped() {
        assert_eq!(escape_markdown("# not a heading"), "\\# not a heading");
        assert_eq!(escape_markdown("2014. A year"), "2014\\. A year");
        assert_eq!(escape_markdown("a *b* c_d `e`"), "a \\*b\\* c\\_d \\`e\\`");
        assert_eq!(escape_markdown("[Russia] will"), "[Russia] will");
        assert_eq!(escape_markdown("see [x](y)"), "see \\[x](y)");
        assert_eq!(escape_markdown("<script>x"), "\\<script>x");
        assert_eq!(escape_markdown("a < b"), "a < b");
        let (paragraphs, _) = model::text::blocks("\\# not a heading\n\n2014\\. A year\n", false);
        assert_eq!(paragraphs, ["# not a heading", "2014. A year"]);
    }

    #[test]
    fn the_rendered_draft_parses_and_marks_every_field() {
        let text = format!("{STORY}By AP\n");
        let d = draft(&text, &known()).unwrap();
        let out = render(&d, Path::new("in.txt"));
        assert!(out.starts_with("---\n# Drafted by `dossier import` from in.txt."));
        assert!(out.contains("\ntitle: \"Doe arrives in Ruritania for talks\""));
        assert!(out.contains("\nsource: ap "));
        assert!(out.contains("\n# TODO published:"));
        assert!(out.contains("\ndraft: true "));
        assert!(
            out.contains("# known actors mentioned: jane-doe (3), ruritania (2), john-roe (1)"),
            "{out}"
        );
        // Filled in, the draft is an article the loader accepts.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("content/articles/a.md");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(
            &path,
            out.replace("# TODO published:", "published: 2014-03-14 #"),
        )
        .unwrap();
        let (documents, problems) = load::load(dir.path());
        assert!(problems.is_empty(), "{problems:?}");
        let RawData::Article(article) = &documents[0].data else {
            panic!("not an article")
        };
        assert_eq!(article.source.as_ref().unwrap().value, "ap");
        assert!(article.draft);
        assert!(article.actors.is_empty());
        assert_eq!(
            model::text::paragraphs(&documents[0].body, false),
            [
                "Jane Doe arrived in Ruritania on Thursday for talks with John Roe.",
                "\"We came to agree,\" Doe said."
            ]
        );
    }

    #[test]
    fn file_slugs() {
        assert_eq!(
            file_slug(
                Some("US, Russia fail to reach ‘common vision’ ahead of Crimea referendum"),
                Path::new("x.txt")
            ),
            "us-russia-fail-to-reach-common-vision-ahead-of-crimea"
        );
        assert_eq!(file_slug(None, Path::new("seeds/001_AB.txt")), "001-ab");
        assert_eq!(file_slug(Some("Кремль"), Path::new("")), "imported-article");
    }
}
