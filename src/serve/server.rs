//! The preview's HTTP side: the built site from its private folder (tower-http's static file
//! service: content types, HEAD, conditional requests, no listings, no path outside the
//! folder, `404.html` with status 404), the search index (from its own folder, which outlives
//! the generations of the site), the live-reload script, and the event stream.

use std::convert::Infallible;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::IntoResponse;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use tokio::sync::broadcast;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::{Stream, StreamExt};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

use super::live::{self, EVENTS_PATH, SCRIPT, SCRIPT_PATH, STATUS_PATH};
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
    /// A new search index is in place: the count of indexes so far.
    Search(u64),
}

/// State shared by the server and the rebuild loop.
#[derive(Clone)]
pub struct Shared {
    pub folder: PathBuf,
    /// The search index, served at `/pagefind/` whichever generation of the site is current.
    pub search: PathBuf,
    pub signals: broadcast::Sender<Signal>,
    pub problems: Arc<Mutex<Vec<String>>>,
    /// Counts good rebuilds. A page learns the count it was served at, and the event stream
    /// says the current one when it connects, so a rebuild between the two still reloads.
    pub generation: Arc<AtomicU64>,
    /// Counts the search indexes put in place, told to pages and streams as the generation is.
    pub indexes: Arc<AtomicU64>,
}

impl Shared {
    /// For a preview whose private folder is `out` (served from `out/current`).
    pub fn new(out: &Path) -> Shared {
        let (signals, _) = broadcast::channel(64);
        Shared {
            folder: out.join(CURRENT),
            search: out.join(crate::search::DIR),
            signals,
            problems: Arc::new(Mutex::new(Vec::new())),
            generation: Arc::new(AtomicU64::new(0)),
            indexes: Arc::new(AtomicU64::new(0)),
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
        self.generation.fetch_add(1, Ordering::SeqCst);
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

    /// Tells the browsers that a new search index is in place (the search page runs its query
    /// again).
    pub fn searchable(&self) {
        let count = self.indexes.fetch_add(1, Ordering::SeqCst) + 1;
        let _ = self.signals.send(Signal::Search(count));
    }
}

/// The preview's routes.
pub fn router(shared: Shared) -> Router {
    let not_found = ServeFile::new(shared.folder.join("404.html"));
    let files = ServeDir::new(&shared.folder)
        .append_index_html_on_directories(true)
        .not_found_service(not_found.clone());
    let search = ServeDir::new(&shared.search).not_found_service(not_found);
    Router::new()
        .route(SCRIPT_PATH, get(script))
        .route(EVENTS_PATH, get(events))
        .route(STATUS_PATH, get(status))
        .nest_service(&format!("/{}", crate::search::DIR), search)
        .fallback_service(files)
        .layer(axum::middleware::from_fn_with_state(
            shared.clone(),
            unbuilt,
        ))
        .layer(axum::middleware::from_fn_with_state(shared.clone(), stamp))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .with_state(shared)
}

/// While no build has succeeded there is no site: every page answers (200) with the problems
/// of the last build, and reloads into the site once a save fixes them.
async fn unbuilt(State(shared): State<Shared>, request: Request, next: Next) -> Response {
    if request.uri().path().starts_with("/__dossier/") || shared.folder.exists() {
        return next.run(request).await;
    }
    let problems = shared.problems.lock().expect("not poisoned").clone();
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        live::error_page(&problems),
    )
        .into_response()
}

/// Tells each HTML page the generation it is served at and the count of search indexes then,
/// in its live-reload script's URL; and
/// answers every request in full: a page rewritten within the second of its last version has
/// the same Last-Modified, so a conditional request would get a stale "304 Not Modified".
async fn stamp(State(shared): State<Shared>, mut request: Request, next: Next) -> Response {
    request.headers_mut().remove(header::IF_MODIFIED_SINCE);
    request.headers_mut().remove(header::IF_NONE_MATCH);
    let generation = shared.generation.load(Ordering::SeqCst);
    let indexes = shared.indexes.load(Ordering::SeqCst);
    let response = next.run(request).await;
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !html {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024 * 1024).await else {
        return Response::from_parts(parts, Body::empty());
    };
    let text = String::from_utf8_lossy(&bytes).replacen(
        SCRIPT_PATH,
        &format!("{SCRIPT_PATH}?g={generation}&s={indexes}"),
        1,
    );
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(text))
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

fn problems_event(texts: &[String]) -> Event {
    let list: Vec<serde_json::Value> = texts
        .iter()
        .map(|text| serde_json::json!({ "text": text }))
        .collect();
    Event::default()
        .event("problems")
        .data(serde_json::Value::Array(list).to_string())
}

async fn events(
    State(shared): State<Shared>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let receiver = shared.signals.subscribe();
    let hello = Event::default()
        .event("generation")
        .data(shared.generation.load(Ordering::SeqCst).to_string());
    // And the count of search indexes, so that a search page served before the last one
    // runs its query again.
    let searched = Event::default()
        .event("search")
        .data(shared.indexes.load(Ordering::SeqCst).to_string());
    // A page that connects while the build is broken learns it at once.
    let problems = shared.problems.lock().expect("not poisoned").clone();
    let current = (!problems.is_empty()).then(|| Ok(problems_event(&problems)));
    let stream = tokio_stream::iter([Ok(hello), Ok(searched)].into_iter().chain(current)).chain(
        BroadcastStream::new(receiver).filter_map(|signal| {
            let event = match signal.ok()? {
                Signal::Reload => Event::default().event("reload").data("reload"),
                Signal::Css => Event::default().event("css").data("css"),
                Signal::Fixed => Event::default().event("fixed").data("fixed"),
                Signal::Search(count) => Event::default().event("search").data(count.to_string()),
                Signal::Problems(texts) => problems_event(&texts),
            };
            Some(Ok(event))
        }),
    );
    Sse::new(stream).keep_alive(KeepAlive::default())
}
