//! The preview's HTTP side: the built site from its private folder (tower-http's static file
//! service: content types, HEAD, conditional requests, no listings, no path outside the
//! folder, `404.html` with status 404), the live-reload script, and the event stream.

use std::convert::Infallible;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use tokio::sync::broadcast;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::{Stream, StreamExt};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

use super::live::{EVENTS_PATH, SCRIPT, SCRIPT_PATH, STATUS_PATH};
use super::preview::CURRENT;
use crate::diagnostics::Diagnostic;

/// What the browser is told after a rebuild.
#[derive(Debug, Clone)]
pub enum Signal {
    Reload,
    Css,
    /// The rebuild failed: these problems, as text.
    Problems(Vec<String>),
    /// The problems are gone.
    Fixed,
}

/// State shared by the server and the rebuild loop.
#[derive(Clone)]
pub struct Shared {
    pub folder: PathBuf,
    pub signals: broadcast::Sender<Signal>,
    pub problems: Arc<Mutex<Vec<String>>>,
}

impl Shared {
    /// For a preview whose private folder is `out` (served from `out/current`).
    pub fn new(out: &Path) -> Shared {
        let (signals, _) = broadcast::channel(64);
        Shared {
            folder: out.join(CURRENT),
            signals,
            problems: Arc::new(Mutex::new(Vec::new())),
        }
    }

    /// Records a failed rebuild and tells the browsers.
    pub fn failed(&self, problems: &[Diagnostic]) {
        let texts: Vec<String> = problems
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.to_string())
            .collect();
        *self.problems.lock().expect("not poisoned") = texts.clone();
        let _ = self.signals.send(Signal::Problems(texts));
    }

    /// Records a good rebuild and tells the browsers to reload (or swap stylesheets).
    pub fn succeeded(&self, css_only: bool) {
        let had = std::mem::take(&mut *self.problems.lock().expect("not poisoned"));
        if !had.is_empty() {
            let _ = self.signals.send(Signal::Fixed);
        }
        let _ = self.signals.send(if css_only {
            Signal::Css
        } else {
            Signal::Reload
        });
    }
}

/// The preview's routes.
pub fn router(shared: Shared) -> Router {
    let not_found = ServeFile::new(shared.folder.join("404.html"));
    let files = ServeDir::new(&shared.folder)
        .append_index_html_on_directories(true)
        .not_found_service(not_found);
    Router::new()
        .route(SCRIPT_PATH, get(script))
        .route(EVENTS_PATH, get(events))
        .route(STATUS_PATH, get(status))
        .fallback_service(files)
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ))
        .with_state(shared)
}

async fn script() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        SCRIPT,
    )
}

async fn status(State(shared): State<Shared>) -> impl IntoResponse {
    let problems = shared.problems.lock().expect("not poisoned").clone();
    let body = serde_json::to_string(
        &problems
            .iter()
            .map(|text| serde_json::json!({ "text": text }))
            .collect::<Vec<_>>(),
    )
    .unwrap_or_else(|_| "[]".into());
    ([(header::CONTENT_TYPE, "application/json")], body)
}

async fn events(
    State(shared): State<Shared>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let stream = BroadcastStream::new(shared.signals.subscribe()).filter_map(|signal| {
        let event = match signal.ok()? {
            Signal::Reload => Event::default().event("reload").data("reload"),
            Signal::Css => Event::default().event("css").data("css"),
            Signal::Fixed => Event::default().event("fixed").data("fixed"),
            Signal::Problems(texts) => {
                let json = serde_json::to_string(
                    &texts
                        .iter()
                        .map(|text| serde_json::json!({ "text": text }))
                        .collect::<Vec<_>>(),
                )
                .ok()?;
                Event::default().event("problems").data(json)
            }
        };
        Some(Ok(event))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}
