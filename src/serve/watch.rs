//! Watching the dossier's files and turning bursts of file-system events into one rebuild.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::{RecommendedWatcher, RecursiveMode, Watcher};

use super::preview::Preview;
use super::search::Indexer;
use super::server::Shared;
use crate::diagnostics::Diagnostic;

/// Quiet time that ends a burst of events (an editor's save is several).
const QUIET: Duration = Duration::from_millis(25);
/// A burst is cut off after this long, so a stream of changes still rebuilds.
const LONGEST: Duration = Duration::from_millis(400);
/// How long a burst waits for the text of a file it found empty: a save that truncates the
/// file and then writes it (`std::fs::write`, editors that save in place) is seen empty in
/// between, and on a busy machine the two steps can be far apart. A file left empty on
/// purpose is read after this wait.
const EMPTIED: Duration = Duration::from_secs(1);

/// The folders and files watched under the dossier root.
pub const WATCHED: &[&str] = &["content", "templates", "themes", "static"];

/// Starts watching `root`; changed paths arrive on the receiver.
pub fn start(root: &Path) -> Result<(Receiver<PathBuf>, RecommendedWatcher), Diagnostic> {
    let (sender, receiver) = channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event {
            if matches!(event.kind, notify::EventKind::Access(_)) {
                return;
            }
            for path in event.paths {
                let _ = sender.send(path);
            }
        }
    })
    .map_err(|err| Diagnostic::error(root, format!("cannot watch the files: {err}")))?;
    // The root itself (not recursively) for site.toml and folders created later.
    watcher
        .watch(root, RecursiveMode::NonRecursive)
        .map_err(|err| Diagnostic::error(root, format!("cannot watch the folder: {err}")))?;
    for name in WATCHED {
        let dir = root.join(name);
        if dir.is_dir() {
            watcher
                .watch(&dir, RecursiveMode::Recursive)
                .map_err(|err| {
                    Diagnostic::error(&dir, format!("cannot watch the folder: {err}"))
                })?;
        }
    }
    Ok((receiver, watcher))
}

/// Whether a changed path is one the preview cares about: not an editor's swap or backup
/// file, not hidden.
pub fn relevant(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let hidden = rel
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    let scratch = name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name == "4913"
        || name.starts_with(".#");
    let top = rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .unwrap_or_default();
    // In content/ only Markdown files count (editors and tools leave other files there).
    let content_file = top != "content"
        || path.extension().is_some_and(|e| e == "md")
        || !name.contains('.') && !path.is_file();
    !hidden
        && !scratch
        && content_file
        && (WATCHED.contains(&top.as_str()) || rel == Path::new(crate::config::FILE_NAME))
}

/// Waits for changes and rebuilds, forever (until the watcher goes away); after each good
/// rebuild, asks `indexer` for a new search index.
pub fn rebuild_loop(
    mut preview: Preview,
    events: Receiver<PathBuf>,
    shared: Shared,
    indexer: Indexer,
) {
    let root = preview_root(&preview);
    while let Some(changed) = next_burst(&events, &root) {
        if changed.is_empty() {
            continue;
        }
        // An edit of an article's text: its page first, at once; then everything else.
        if shared.problems.lock().expect("not poisoned").is_empty() {
            if let Some(Ok(rebuild)) = preview.quick(&changed) {
                shared.succeeded(false);
                println!(
                    "{}: its page shown in {} ms; updating the pages that depend on it",
                    rebuild.what,
                    rebuild.elapsed.as_millis()
                );
            }
        }
        match preview.apply(&changed) {
            Ok(rebuild) => {
                shared.succeeded(rebuild.css_only);
                println!(
                    "{}: {} pages re-rendered in {} ms",
                    rebuild.what,
                    rebuild.pages,
                    rebuild.elapsed.as_millis()
                );
                // Stylesheets and pictures change nothing the index holds.
                if rebuild.pages > 0 {
                    if let Some(request) = preview.search_request() {
                        indexer.update(request);
                    }
                }
            }
            Err(problems) => {
                let errors = super::print_errors(&problems);
                eprintln!("error: {errors} problem(s); still serving the last good build");
                shared.failed(&problems);
            }
        }
    }
}

/// The relevant paths of the next burst of events, sorted and without repeats (empty when
/// the burst held none); `None` once the watcher is gone.
fn next_burst(events: &Receiver<PathBuf>, root: &Path) -> Option<Vec<PathBuf>> {
    let mut changed: Vec<PathBuf> = vec![events.recv().ok()?];
    let started = Instant::now();
    loop {
        match events.recv_timeout(QUIET) {
            Ok(path) => {
                changed.push(path);
                if started.elapsed() > LONGEST {
                    break;
                }
            }
            Err(RecvTimeoutError::Timeout) => break,
            Err(RecvTimeoutError::Disconnected) => return None,
        }
    }
    changed.retain(|p| relevant(root, p));
    // A file caught between a save's truncation and its write: wait for the text.
    let waiting = Instant::now();
    while waiting.elapsed() < EMPTIED && changed.iter().any(|p| is_empty_file(p)) {
        match events.recv_timeout(QUIET) {
            Ok(path) if relevant(root, &path) => changed.push(path),
            Ok(_) | Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return None,
        }
    }
    changed.sort();
    changed.dedup();
    Some(changed)
}

/// Whether `path` is a file with nothing in it.
fn is_empty_file(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == 0)
}

fn preview_root(preview: &Preview) -> PathBuf {
    preview.root().to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignores_editor_scratch_files_and_other_folders() {
        let root = Path::new("/d");
        assert!(relevant(root, Path::new("/d/content/articles/a.md")));
        assert!(relevant(root, Path::new("/d/site.toml")));
        assert!(relevant(
            root,
            Path::new("/d/themes/briefing/static/style.css")
        ));
        for path in [
            "/d/content/articles/.a.md.swp",
            "/d/content/articles/a.md~",
            "/d/content/articles/4913",
            "/d/content/articles/sedX1b2.tmp",
            "/d/target/x",
            "/d/public/index.html",
            "/e/content/a.md",
        ] {
            assert!(!relevant(root, Path::new(path)), "{path}");
        }
    }
}
