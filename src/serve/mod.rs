//! `dossier serve`: a live preview. The site is built into a private folder (never the user's
//! `public/`), served over HTTP on 127.0.0.1, and rebuilt when files change: only the pages
//! that depend on a changed file are rendered again. Served pages get a small script that
//! reloads them after a rebuild, swaps stylesheets after a CSS-only change, and shows build
//! errors as an overlay while the last good site stays served.

mod live;
mod preview;
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
    let out = private_folder();
    // Watch before the first build, so that no save made meanwhile is missed.
    let (events, watcher) = watch::start(&root).map_err(|d| vec![d])?;
    let mut preview = Preview::new(&root, options.load.clone(), &out);
    let first = preview.full_build()?;

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
    let url = format!("http://{}/", listener.local_addr().map_or(address, |a| a));
    println!(
        "Serving “{}” at {url} — {} pages built in {} ms. Watching content/, templates/, themes/, static/ and site.toml; Ctrl+C stops.",
        preview.title(),
        first.pages,
        first.elapsed.as_millis()
    );
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
    std::thread::spawn(move || {
        let _watcher = watcher;
        watch::rebuild_loop(preview, events, signals);
    });
    let app = router(shared);
    let result = runtime.block_on(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
    });
    let _ = std::fs::remove_dir_all(&out);
    result.map_err(|err| {
        vec![Diagnostic::error(
            "dossier serve",
            format!("the server stopped: {err}"),
        )]
    })
}

/// A new folder of this process's own in the system's temporary folder.
fn private_folder() -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    std::env::temp_dir().join(format!("dossier-serve-{}-{nanos}", std::process::id()))
}

/// The problems of the last build, shown by the overlay; empty when it succeeded.
pub type Problems = Arc<Mutex<Vec<Diagnostic>>>;
