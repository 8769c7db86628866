//! The state of a live preview: the documents as last read, the last good site, and the
//! folder it is served from. A change re-reads only the changed files and renders only the
//! pages that depend on them; a full rebuild is written to a new folder and switched in
//! atomically, so a request never sees a half-written site.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::live;
use crate::config::{Config, FILE_NAME};
use crate::diagnostics::Diagnostic;
use crate::load::{self, RawData, RawDocument};
use crate::plan::Asset;
use crate::render::{self, PageKind, PlannedPage, Renderer};
use crate::{LoadOptions, Site};

/// What one rebuild did, for the terminal line and the browser.
#[derive(Debug, Clone)]
pub struct Rebuild {
    pub what: String,
    pub pages: usize,
    pub elapsed: Duration,
    /// Only stylesheets changed: the browser swaps them instead of reloading.
    pub css_only: bool,
}

pub struct Preview {
    root: PathBuf,
    options: LoadOptions,
    /// Holds `gen-N/` folders and the `current` link the server serves.
    out: PathBuf,
    generation: usize,
    config: Option<Config>,
    documents: BTreeMap<PathBuf, RawDocument>,
    read_problems: BTreeMap<PathBuf, Vec<Diagnostic>>,
    templates: Option<Result<tera::Tera, Vec<Diagnostic>>>,
    site: Option<Site>,
    planned: Vec<PlannedPage>,
    /// Pages that depended on an article before [`Preview::quick`] changed the site in
    /// place: the rebuild that follows renders them too.
    quick_affected: BTreeSet<String>,
    /// The file of the last successful quick path, which [`Preview::apply`] completes.
    quick_done: Option<PathBuf>,
}

/// The link inside the private folder that always points at the complete current build.
pub const CURRENT: &str = "current";

impl Preview {
    pub fn new(root: &Path, options: LoadOptions, out: &Path) -> Preview {
        Preview {
            root: root.to_path_buf(),
            options,
            out: out.to_path_buf(),
            generation: 0,
            config: None,
            documents: BTreeMap::new(),
            read_problems: BTreeMap::new(),
            templates: None,
            site: None,
            planned: Vec::new(),
            quick_affected: BTreeSet::new(),
            quick_done: None,
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn title(&self) -> String {
        self.config
            .as_ref()
            .map_or_else(String::new, |c| c.title.clone())
    }

    /// The folder the server serves.
    pub fn served(&self) -> PathBuf {
        self.out.join(CURRENT)
    }

    /// What the search index of the last good build holds; `None` before one, or when the
    /// site has no search.
    pub fn search_request(&self) -> Option<super::search::Request> {
        let site = self.site.as_ref().filter(|s| s.config.search)?;
        Some(super::search::Request {
            records: crate::search::site_records(site, &self.planned),
            language: site.config.language.clone(),
        })
    }

    /// Reads everything and builds every page.
    pub fn full_build(&mut self) -> Result<Rebuild, Vec<Diagnostic>> {
        let started = Instant::now();
        self.read_config()?;
        let (documents, problems) = load::load(&self.root);
        self.documents = documents.into_iter().map(|d| (d.path.clone(), d)).collect();
        self.read_problems.clear();
        for problem in problems {
            self.read_problems
                .entry(problem.path.clone())
                .or_default()
                .push(problem);
        }
        self.read_templates();
        let pages = self.rebuild_all()?;
        Ok(Rebuild {
            what: "full build".into(),
            pages,
            elapsed: started.elapsed(),
            css_only: false,
        })
    }

    fn read_config(&mut self) -> Result<(), Vec<Diagnostic>> {
        self.config = Some(Site::config(&self.root, &self.options)?);
        Ok(())
    }

    fn read_templates(&mut self) {
        let config = self.config.clone().unwrap_or_default();
        self.templates = Some(render::templates::load(&self.root, &config));
    }

    fn assemble(&self) -> Result<Site, Vec<Diagnostic>> {
        let config = self.config.clone().ok_or_else(|| {
            vec![Diagnostic::error(
                FILE_NAME,
                "the configuration was not read",
            )]
        })?;
        let documents: Vec<&RawDocument> = self.documents.values().collect();
        let problems: Vec<Diagnostic> = self.read_problems.values().flatten().cloned().collect();
        let templates = self.templates.clone().unwrap_or_else(|| {
            Err(vec![Diagnostic::error(
                "templates",
                "the templates were not read",
            )])
        });
        Site::assemble(
            &self.root,
            config,
            &documents,
            problems,
            templates,
            &self.options,
        )
    }

    /// Builds every page into a new folder and switches the served link to it.
    fn rebuild_all(&mut self) -> Result<usize, Vec<Diagnostic>> {
        let site = self.assemble()?;
        let plan = site.plan().map_err(|d| vec![d])?;
        self.generation += 1;
        let folder = self.out.join(format!("gen-{}", self.generation));
        let io = |err: std::io::Error| {
            vec![Diagnostic::error(
                &folder,
                format!("cannot write the preview: {err}"),
            )]
        };
        std::fs::create_dir_all(&folder).map_err(io)?;
        copy_static(&plan.assets, &folder)?;
        let renderer = Renderer::of(&site, &plan.pages, false);
        let problems: Vec<Diagnostic> = plan
            .pages
            .par_iter()
            .filter_map(|page| {
                renderer
                    .render(page)
                    .and_then(|bytes| write(&folder, &page.path, &served_bytes(&page.path, bytes)))
                    .err()
            })
            .collect();
        if !problems.is_empty() {
            let _ = std::fs::remove_dir_all(&folder);
            return Err(problems);
        }
        // Switch atomically: a new link renamed over the old one.
        let link = self.out.join(format!("{CURRENT}.new"));
        let _ = std::fs::remove_file(&link);
        link_to(&folder, &link).map_err(io)?;
        std::fs::rename(&link, self.out.join(CURRENT)).map_err(io)?;
        // Older generations can go; a request still reading one keeps its open file.
        for n in 1..self.generation {
            let old = self.out.join(format!("gen-{n}"));
            if old.exists() {
                let _ = std::fs::remove_dir_all(old);
            }
        }
        let pages = plan.pages.len();
        self.planned = plan.pages;
        self.site = Some(site);
        // Every page is new: nothing is left over from a quick path.
        self.quick_affected.clear();
        Ok(pages)
    }

    /// Applies a set of changed paths (absolute), rebuilding what depends on them.
    pub fn apply(&mut self, changed: &[PathBuf]) -> Result<Rebuild, Vec<Diagnostic>> {
        let started = Instant::now();
        if let Some(done) = self.quick_done.take() {
            if changed == std::slice::from_ref(&done) {
                return self.complete_quick(&done, started);
            }
        }
        let names: Vec<String> = changed
            .iter()
            .map(|p| load::relative(&self.root, p).display().to_string())
            .collect();
        let what = summarise(&names);
        if self.site.is_none() {
            // Nothing was built yet (the first build failed, perhaps before reading anything):
            // read everything again.
            return self.full_build().map(|rebuild| Rebuild { what, ..rebuild });
        }
        let theme = self
            .config
            .as_ref()
            .map_or("briefing".to_owned(), |c| c.theme.clone());
        let theme_dir = self.root.join("themes").join(&theme);
        let mut content = Vec::new();
        let mut templates: Vec<String> = Vec::new();
        let mut statics: Vec<PathBuf> = Vec::new();
        let mut full = false;
        for path in changed {
            let rel = load::relative(&self.root, path);
            if rel == Path::new(FILE_NAME)
                || path.starts_with(self.root.join("themes")) && !path.starts_with(&theme_dir)
            {
                full = true;
            } else if path.starts_with(self.root.join("content")) {
                content.push(path.clone());
            } else if path.starts_with(theme_dir.join("templates"))
                || path.starts_with(self.root.join("templates"))
            {
                templates.push(
                    path.file_name()
                        .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
                );
            } else if path.starts_with(theme_dir.join("static"))
                || path.starts_with(self.root.join("static"))
            {
                statics.push(path.clone());
            }
        }
        if full {
            self.read_config()?;
            self.read_templates();
            for path in &content {
                self.reread(path);
            }
            let pages = self.rebuild_all()?;
            return Ok(Rebuild {
                what,
                pages,
                elapsed: started.elapsed(),
                css_only: false,
            });
        }
        if !templates.is_empty() {
            self.read_templates();
        }
        let mut structural = false;
        let mut changed_docs: Vec<PathBuf> = Vec::new();
        for path in &content {
            let rel = load::relative(&self.root, path);
            let existed =
                self.documents.contains_key(&rel) || self.read_problems.contains_key(&rel);
            let exists = self.reread(path);
            structural |= existed != exists;
            changed_docs.push(rel);
        }
        if content.is_empty() && templates.is_empty() {
            // Static files only: copy them; a stylesheet is swapped without a reload.
            let site = self.site.as_ref().expect("checked above");
            copy_static(&site.plan().map_err(|d| vec![d])?.assets, &self.served())?;
            let css_only = statics
                .iter()
                .all(|p| p.extension().is_some_and(|e| e == "css"));
            return Ok(Rebuild {
                what,
                pages: 0,
                elapsed: started.elapsed(),
                css_only,
            });
        }
        let site = self.assemble()?;
        let plan = site.plan().map_err(|d| vec![d])?.pages;
        let old_paths: BTreeSet<&str> = self.planned.iter().map(|p| p.path.as_str()).collect();
        let new_paths: BTreeSet<&str> = plan.iter().map(|p| p.path.as_str()).collect();
        structural |= old_paths != new_paths;
        let base_changed = templates
            .iter()
            .any(|t| !render::templates::REQUIRED.contains(&t.as_str()));
        if structural || base_changed || changed_docs.iter().any(|d| !self.is_article(d)) {
            let pages = self.rebuild_all()?;
            return Ok(Rebuild {
                what,
                pages,
                elapsed: started.elapsed(),
                css_only: false,
            });
        }
        // Only the pages that depend on what changed.
        let old = self.site.as_ref().expect("checked above");
        let mut wanted: BTreeSet<String> = affected(old, &self.planned, &changed_docs);
        wanted.append(&mut self.quick_affected);
        wanted.extend(affected(&site, &plan, &changed_docs));
        for page in &plan {
            if templates.iter().any(|t| *t == page.template()) {
                wanted.insert(page.path.clone());
            }
        }
        let count = render_pages(&site, &plan, &wanted, &self.served())?;
        self.planned = plan;
        self.site = Some(site);
        Ok(Rebuild {
            what,
            pages: count,
            elapsed: started.elapsed(),
            css_only: false,
        })
    }

    /// The quick path for the commonest save: one article whose body changed and whose front
    /// matter did not. The article is parsed and analysed on its own and only its page is
    /// rendered, in milliseconds whatever the size of the dossier, so that the page being
    /// edited reloads at once; what it shares with other articles is approximated (see
    /// [`crate::analyse::replace_article`]) until [`Preview::apply`], which must follow,
    /// brings every page up to date. `None` when the change is not such an edit, or the
    /// file has problems: `apply` alone handles it.
    pub fn quick(&mut self, changed: &[PathBuf]) -> Option<Result<Rebuild, Vec<Diagnostic>>> {
        let started = Instant::now();
        let [path] = changed else {
            return None;
        };
        let rel = load::relative(&self.root, path);
        let old = self.documents.get(&rel)?;
        if !matches!(old.data, RawData::Article(_)) || !self.read_problems.is_empty() {
            return None;
        }
        let (Some(doc), problems) = load::load_one(&self.root, path)? else {
            return None;
        };
        let front = |d: &RawDocument| d.text.len() - d.body.len();
        let same_front = old.text.ends_with(&old.body)
            && doc.text.ends_with(&doc.body)
            && old.text[..front(old)] == doc.text[..front(&doc)];
        if !problems.is_empty() || !same_front || old.body == doc.body {
            return None;
        }
        let site = self.site.as_mut()?;
        let index = site.dossier.articles.iter().position(|a| a.path == rel)?;
        let page = self
            .planned
            .iter()
            .find(|p| p.kind == PageKind::Article && p.item == index)?;
        self.quick_affected
            .extend(affected(site, &self.planned, std::slice::from_ref(&rel)));
        let options = crate::model::Options {
            drafts: self.options.drafts,
            smart_punctuation: site.config.markdown.smart_punctuation,
        };
        let article = crate::model::with_body(&site.dossier.articles[index], &doc, options);
        crate::analyse::replace_article(&mut site.dossier, &mut site.analysis, index, article);
        let renderer = Renderer::of(site, &self.planned, false);
        let result = renderer
            .render(page)
            .and_then(|bytes| {
                write(
                    &self.out.join(CURRENT),
                    &page.path,
                    &served_bytes(&page.path, bytes),
                )
            })
            .map(|()| Rebuild {
                what: summarise(&[rel.display().to_string()]),
                pages: 1,
                elapsed: started.elapsed(),
                css_only: false,
            })
            .map_err(|problem| vec![problem]);
        // Completed by `apply`, whatever happened to the page: the site was changed in place.
        self.quick_done = Some(path.clone());
        Some(result)
    }

    /// Completes what [`Preview::quick`] began for the article at `path`: the facts articles
    /// share are computed again from those of each article (the edited one is already in
    /// place; no other article is read or parsed again), and every page that showed the
    /// article before or shows it now is rendered.
    fn complete_quick(
        &mut self,
        path: &Path,
        started: Instant,
    ) -> Result<Rebuild, Vec<Diagnostic>> {
        self.reread(path);
        let rel = load::relative(&self.root, path);
        let served = self.served();
        let site = self.site.as_mut().expect("the quick path had a site");
        crate::analyse::refresh_shared(&site.dossier, &mut site.analysis);
        let mut wanted = std::mem::take(&mut self.quick_affected);
        wanted.extend(affected(site, &self.planned, std::slice::from_ref(&rel)));
        let pages = render_pages(site, &self.planned, &wanted, &served)?;
        Ok(Rebuild {
            what: summarise(&[rel.display().to_string()]),
            pages,
            elapsed: started.elapsed(),
            css_only: false,
        })
    }

    fn is_article(&self, rel: &Path) -> bool {
        match self.documents.get(rel) {
            Some(doc) => matches!(doc.data, RawData::Article(_)),
            None => rel.starts_with("content/articles"),
        }
    }

    /// Re-reads one content file; returns whether it exists (as a document or a problem).
    fn reread(&mut self, path: &Path) -> bool {
        let rel = load::relative(&self.root, path);
        self.documents.remove(&rel);
        self.read_problems.remove(&rel);
        if !path.is_file() {
            return false;
        }
        match load::load_one(&self.root, path) {
            Some((document, problems)) => {
                if let Some(document) = document {
                    self.documents.insert(rel.clone(), document);
                }
                if !problems.is_empty() {
                    self.read_problems.insert(rel, problems);
                }
                true
            }
            None => false,
        }
    }
}

/// The pages of `plan` that show something of the changed article files, by the
/// dependencies each page kind declares.
fn affected(site: &Site, plan: &[PlannedPage], changed: &[PathBuf]) -> BTreeSet<String> {
    let d = &site.dossier;
    let articles: Vec<usize> = changed
        .iter()
        .filter_map(|rel| d.articles.iter().position(|a| a.path == *rel))
        .collect();
    render::affected(d, &site.analysis, plan, &articles)
}

/// Renders the pages of `plan` named in `wanted` and writes them into `served`; returns how
/// many. Every page is rendered before any is written: a template error leaves every served
/// page as it was.
fn render_pages(
    site: &Site,
    plan: &[PlannedPage],
    wanted: &BTreeSet<String>,
    served: &Path,
) -> Result<usize, Vec<Diagnostic>> {
    let renderer = Renderer::of(site, plan, false);
    let rendered: Vec<Result<(&str, Vec<u8>), Diagnostic>> = plan
        .par_iter()
        .filter(|p| wanted.contains(&p.path))
        .map(|p| {
            renderer
                .render(p)
                .map(|bytes| (p.path.as_str(), served_bytes(&p.path, bytes)))
        })
        .collect();
    let mut ok = Vec::with_capacity(rendered.len());
    let mut problems = Vec::new();
    for r in rendered {
        match r {
            Ok(page) => ok.push(page),
            Err(problem) => problems.push(problem),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    for (path, bytes) in &ok {
        write(served, path, bytes).map_err(|d| vec![d])?;
    }
    Ok(ok.len())
}

/// The bytes as served: HTML pages get the live-reload script.
fn served_bytes(path: &str, bytes: Vec<u8>) -> Vec<u8> {
    if path.ends_with(".html") {
        live::inject(&bytes)
    } else {
        bytes
    }
}

/// Writes a file so that a reader sees the old or the new version, never half of one.
fn write(folder: &Path, path: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
    let full = folder.join(path);
    let fail =
        |err: std::io::Error| Diagnostic::error(&full, format!("cannot write the preview: {err}"));
    if let Some(parent) = full.parent() {
        std::fs::create_dir_all(parent).map_err(fail)?;
    }
    let temp = temp_path(&full);
    std::fs::write(&temp, bytes).map_err(fail)?;
    std::fs::rename(&temp, &full).map_err(fail)
}

/// Where `write` puts a file's bytes before renaming them into place: its whole name with
/// `.tmp-PID` added, so that pages written at once never share one ("bibliography.bib" and
/// "bibliography.json" did, when the extension was replaced: one rename took the other's
/// bytes and the other failed).
fn temp_path(full: &Path) -> PathBuf {
    let mut name = full.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".tmp-{}", std::process::id()));
    full.with_file_name(name)
}

/// Writes the assets of a site into `folder`, in order (a later one replaces an earlier).
fn copy_static(assets: &[Asset], folder: &Path) -> Result<(), Vec<Diagnostic>> {
    for asset in assets {
        let bytes = asset.bytes().map_err(|d| vec![d])?;
        write(folder, &asset.path, &bytes).map_err(|d| vec![d])?;
    }
    Ok(())
}

#[cfg(unix)]
fn link_to(target: &Path, link: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

#[cfg(not(unix))]
fn link_to(target: &Path, link: &Path) -> std::io::Result<()> {
    std::os::windows::fs::symlink_dir(target, link)
}

fn summarise(names: &[String]) -> String {
    match names {
        [] => "nothing".into(),
        [one] => one.clone(),
        [first, rest @ ..] => format!("{first} and {} more", rest.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_of_one_name_and_two_extensions_write_at_once_each_with_its_own_bytes() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert_ne!(
            temp_path(&dir.path().join("bibliography.bib")),
            temp_path(&dir.path().join("bibliography.json"))
        );
        std::thread::scope(|scope| {
            for (path, bytes) in [
                ("bibliography.bib", b"@article{a}".as_slice()),
                ("bibliography.json", b"[{}]".as_slice()),
            ] {
                let folder = dir.path();
                scope.spawn(move || {
                    for _ in 0..300 {
                        write(folder, path, bytes).expect("written");
                        assert_eq!(std::fs::read(folder.join(path)).expect("read"), bytes);
                    }
                });
            }
        });
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .expect("listed")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["bibliography.bib", "bibliography.json"]);
    }
}
