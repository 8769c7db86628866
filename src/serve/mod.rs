//! `dossier serve`: a live preview. The site is built into a private folder (never the user's
//! `public/`), served over HTTP on 127.0.0.1, and rebuilt when files change: only the pages
//! that depend on a changed file are rendered again; the search index follows in the
//! background. Served pages get a small script that
//! reloads them after a rebuild, swaps stylesheets after a CSS-only change, and shows build
//! errors as an overlay while the last good site stays served.

mod live;
mod preview;
mod search;
mod server;
mod watch;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub use preview::{Preview, Rebuild};
pub use server::{router, Shared, Signal};

use crate::diagnostics::Diagnostic;
use crate::LoadOptions;

#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub port: u16,
    pub bind: String,
    pub open: bool,
    pub load: LoadOptions,
}

/// Builds, serves and watches the dossier at `root` until interrupted.
pub fn serve(root: &Path, options: &ServeOptions) -> Result<(), Vec<Diagnostic>> {
    let root = crate::write::normalise(root).map_err(|err| {
        vec![Diagnostic::error(
            root,
            format!("cannot resolve the dossier folder: {err}"),
        )]
    })?;
    remove_abandoned_folders(&std::env::temp_dir());
    let out = private_folder();
    // Watch before the first build, so that no save made meanwhile is missed.
    let (events, watcher) = watch::start(&root).map_err(|d| vec![d])?;
    let mut preview = Preview::new(&root, options.load.clone(), &out);
    // A first build that fails does not stop the preview: its problems stand for every page
    // until a save fixes them (when the user needs the preview most).
    let first = preview.full_build();

    let address: SocketAddr = format!("{}:{}", options.bind, options.port)
        .parse()
        .map_err(|_| {
            vec![
                Diagnostic::error("--bind", format!("`{}` is not an IP address", options.bind))
                    .with_hint(
                        "use 127.0.0.1 (the default) or 0.0.0.0 to listen on every interface",
                    ),
            ]
        })?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|err| {
            vec![Diagnostic::error(
                "dossier serve",
                format!("cannot start the server: {err}"),
            )]
        })?;
    let shared = Shared::new(&out);
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind(address))
        .map_err(|err| {
            vec![Diagnostic::error(
                "dossier serve",
                format!("cannot listen on {address}: {err}"),
            )
            .with_hint("another program may use the port: choose another with --port")]
        })?;
    let stop = stop_signal(&runtime).map_err(|err| {
        vec![Diagnostic::error(
            "dossier serve",
            format!("cannot listen for Ctrl+C: {err}"),
        )]
    })?;
    let url = format!("http://{}/", listener.local_addr().map_or(address, |a| a));
    const WATCHING: &str =
        "Watching content/, templates/, themes/, static/ and site.toml; Ctrl+C stops.";
    match &first {
        Ok(first) => println!(
            "Serving “{}” at {url} — {} pages built in {} ms. {WATCHING}",
            preview.title(),
            first.pages,
            first.elapsed.as_millis()
        ),
        Err(problems) => {
            let errors = print_errors(problems);
            println!(
                "Serving at {url} — the first build failed with {errors} problem{}, shown on every page until a save fixes {}. {WATCHING}",
                if errors == 1 { "" } else { "s" },
                if errors == 1 { "it" } else { "them" },
            );
            shared.failed(problems);
        }
    }
    if options.open {
        let _ = std::process::Command::new(if cfg!(target_os = "macos") {
            "open"
        } else {
            "xdg-open"
        })
        .arg(&url)
        .spawn();
    }
    let signals = shared.clone();
    // The search index follows the first good build on a thread of its own: the preview
    // answers before it exists.
    let indexer = search::Indexer::start(shared.search.clone(), shared.clone());
    let closing = indexer.clone();
    std::thread::spawn(move || {
        let _watcher = watcher;
        if let Some(request) = preview.search_request() {
            indexer.update(request);
        }
        watch::rebuild_loop(preview, events, signals, indexer);
    });
    let app = router(shared);
    let result = runtime.block_on(async move {
        // An open page keeps its event stream open for ever, so a graceful shutdown alone would
        // wait for ever: requests in flight get a moment to finish, then the server stops.
        let (stopping, stopped) = tokio::sync::oneshot::channel::<()>();
        let graceful = axum::serve(listener, app).with_graceful_shutdown(async move {
            stop.await;
            let _ = stopping.send(());
        });
        tokio::select! {
            result = graceful => result,
            _ = async {
                if stopped.await.is_ok() {
                    tokio::time::sleep(SHUTDOWN_GRACE).await;
                } else {
                    std::future::pending::<()>().await;
                }
            } => Ok(()),
        }
    });
    closing.close();
    let _ = std::fs::remove_dir_all(&out);
    result.map_err(|err| {
        vec![Diagnostic::error(
            "dossier serve",
            format!("the server stopped: {err}"),
        )]
    })
}

/// Resolves on Ctrl+C (SIGINT) or SIGTERM, so that either removes the private folder. The
/// handlers are installed at once (inside `runtime`), before the server says it is ready: a
/// signal that came before the first poll would otherwise end the process at once.
fn stop_signal(
    runtime: &tokio::runtime::Runtime,
) -> std::io::Result<impl std::future::Future<Output = ()>> {
    use tokio::signal::unix::{signal, SignalKind};
    let _entered = runtime.enter();
    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut terminate = signal(SignalKind::terminate())?;
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => {}
            _ = terminate.recv() => {}
        }
    })
}

const PRIVATE_PREFIX: &str = "dossier-serve-";

/// How long requests in flight may take to finish once the server is told to stop.
const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_millis(500);

/// A new folder of this process's own in the system's temporary folder.
fn private_folder() -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    std::env::temp_dir().join(format!("{PRIVATE_PREFIX}{}-{nanos}", std::process::id()))
}

/// Removes the private folders in `temp` of `dossier serve` processes that are gone (killed
/// before they could clean up): named `dossier-serve-PID-N` with no process PID running.
fn remove_abandoned_folders(temp: &Path) {
    let Ok(entries) = std::fs::read_dir(temp) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(PRIVATE_PREFIX)) else {
            continue;
        };
        let Some((pid, nanos)) = rest.split_once('-') else {
            continue;
        };
        let (Ok(pid), true) = (
            pid.parse::<i32>(),
            !nanos.is_empty() && nanos.bytes().all(|b| b.is_ascii_digit()),
        ) else {
            continue;
        };
        if pid > 0 && !process_alive(pid) && entry.file_type().is_ok_and(|t| t.is_dir()) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Whether a process with this id exists (signal 0 checks without sending anything).
fn process_alive(pid: i32) -> bool {
    // SAFETY: kill with signal 0 sends nothing; it only reports whether `pid` exists.
    let result = unsafe { libc::kill(pid, 0) };
    result == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// Prints the errors among `problems` on the terminal; returns how many there are.
fn print_errors(problems: &[Diagnostic]) -> usize {
    let errors: Vec<&Diagnostic> = problems.iter().filter(|d| d.is_error()).collect();
    for problem in &errors {
        eprintln!("{problem}\n");
    }
    errors.len()
}

/// The problems of the last build, shown by the overlay; empty when it succeeded.
pub type Problems = Arc<Mutex<Vec<Diagnostic>>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_folders_of_dead_serve_processes_are_removed() {
        let temp = tempfile::tempdir().unwrap();
        let me = std::process::id();
        // A pid beyond the kernel's limit never runs.
        let dead = format!("{PRIVATE_PREFIX}4194305-17");
        let names = [
            dead.as_str(),
            &format!("{PRIVATE_PREFIX}{me}-17"),
            &format!("{PRIVATE_PREFIX}4194305-x"),
            "dossier-serve-notes",
            "other-4194305-17",
        ];
        for name in names {
            std::fs::create_dir(temp.path().join(name)).unwrap();
        }
        remove_abandoned_folders(temp.path());
        for name in names {
            assert_eq!(temp.path().join(name).exists(), name != dead, "{name}");
        }
    }
}
