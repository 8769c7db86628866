//! The preview's search index: built on a thread of its own after each good build, so that the
//! preview answers at once and search follows a moment later. Builds run one at a time; the
//! records of a burst of saves are taken together and only the newest is indexed. The index is
//! written beside the generations of the site (`out/pagefind/`, served at `/pagefind/`), so a
//! full rebuild into a new folder keeps it; a new index is made in memory and each of its files
//! put in place whole (written beside and renamed), the entry file (which names every other
//! file) last: a search that began on the previous index keeps finding its files, and one that
//! begins now finds the new index whole.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::server::Shared;
use crate::diagnostics::Diagnostic;
use crate::search::{self, Record};

/// Quiet time after a request before indexing starts: a save's quick path and its complete
/// rebuild come within it, as do the saves of an editor that writes several files.
const QUIET: Duration = Duration::from_millis(100);

/// The longest wait for quiet before indexing.
const LONGEST: Duration = Duration::from_secs(2);

/// The file that names the others: put in place last.
const ENTRY: &str = "pagefind-entry.json";

/// What to index: the records of one good build.
pub struct Request {
    pub records: Vec<Record>,
    pub language: String,
}

/// The handle of the indexing thread: send it the records of each good build.
#[derive(Clone)]
pub struct Indexer {
    requests: Sender<Request>,
    /// Held while an index is put in place; `true` once the server is stopping.
    closed: Arc<Mutex<bool>>,
}

impl Indexer {
    /// Starts the thread that keeps `folder` (served at `/pagefind/`) current.
    pub fn start(folder: PathBuf, shared: Shared) -> Indexer {
        let (requests, received) = channel();
        let closed = Arc::new(Mutex::new(false));
        let open = Arc::clone(&closed);
        std::thread::spawn(move || run(&folder, &received, &shared, &open));
        Indexer { requests, closed }
    }

    /// Waits for an index being put in place and writes no other: the server is stopping and
    /// its folder is about to be removed.
    pub fn close(&self) {
        *self.closed.lock().unwrap_or_else(|e| e.into_inner()) = true;
    }

    /// Asks for an index of `records`; an older request not yet started is dropped.
    pub fn update(&self, request: Request) {
        let _ = self.requests.send(request);
    }
}

fn run(folder: &Path, requests: &Receiver<Request>, shared: &Shared, closed: &Mutex<bool>) {
    // The hashed files of the index now served and of the one before it.
    let mut previous: BTreeSet<PathBuf> = BTreeSet::new();
    let mut build = 0usize;
    while let Ok(mut request) = requests.recv() {
        // Saves that keep coming delay the index by LONGEST at the most.
        let first = Instant::now();
        while first.elapsed() < LONGEST {
            match requests.recv_timeout(QUIET) {
                Ok(newer) => request = newer,
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        build += 1;
        let started = Instant::now();
        let index = match search::index(request.records, &request.language, &AtomicBool::new(false))
        {
            Ok(index) => index,
            Err(problem) => {
                eprintln!("{problem}");
                continue;
            }
        };
        let closed = closed.lock().unwrap_or_else(|e| e.into_inner());
        if *closed {
            return;
        }
        match publish(folder, build, &index, &previous) {
            Ok(current) => {
                previous = current;
                shared.searchable();
                println!(
                    "search index: {} pages in {} ms",
                    index.pages,
                    started.elapsed().as_millis()
                );
            }
            Err(problem) => eprintln!("{problem}"),
        }
    }
}

/// Puts `index` in place in `folder`; returns the hashed files of the new
/// index. Hashed files of neither the new index nor `keep` are removed.
fn publish(
    folder: &Path,
    build: usize,
    index: &search::Index,
    keep: &BTreeSet<PathBuf>,
) -> Result<BTreeSet<PathBuf>, Diagnostic> {
    let fail = |err: std::io::Error| {
        Diagnostic::error(folder, format!("cannot write the search index: {err}"))
    };
    let (entry, others): (Vec<_>, Vec<_>) = index.files.iter().partition(|(path, _)| path == ENTRY);
    for (rel, bytes) in others.into_iter().chain(entry) {
        let to = folder.join(rel);
        // A file named after its content that is there already is this one.
        if is_hashed(Path::new(rel)) && to.is_file() {
            continue;
        }
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).map_err(fail)?;
        }
        let beside = to.with_file_name(format!(".new-{build}"));
        std::fs::write(&beside, bytes).map_err(fail)?;
        std::fs::rename(&beside, &to).map_err(fail)?;
    }
    let hashed: BTreeSet<PathBuf> = index
        .files
        .iter()
        .map(|(rel, _)| PathBuf::from(rel))
        .filter(|rel| is_hashed(rel))
        .collect();
    for entry in walkdir::WalkDir::new(folder)
        .into_iter()
        .filter_map(Result::ok)
    {
        let Ok(rel) = entry.path().strip_prefix(folder) else {
            continue;
        };
        if entry.file_type().is_file()
            && is_hashed(rel)
            && !hashed.contains(rel)
            && !keep.contains(rel)
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    Ok(hashed)
}

/// Whether a file of the index is named after its content (a new index writes it anew only
/// when the content changed): the fragments, word and filter chunks, and the meta index.
fn is_hashed(rel: &Path) -> bool {
    rel.extension().is_some_and(|e| {
        ["pf_fragment", "pf_index", "pf_filter", "pf_meta"].contains(&&*e.to_string_lossy())
    })
}
