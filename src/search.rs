//! The full-text search index: Pagefind, run in-process over the written article, actor,
//! event, comparison and source pages, writing its index and its search UI under `pagefind/`.
//! What a result shows besides its title and excerpt (its kind, source and date), the filters
//! (kind, outlet) and the weights (a comparison's quoted text counts less than the article's
//! own) are written in the templates as `data-pagefind-*` attributes. It runs on any static
//! host (the browser fetches the index files); it cannot run from `file://`, where browsers
//! refuse to fetch.

use std::path::Path;

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use crate::diagnostics::Diagnostic;

/// The pages indexed: those whose template marks their content `data-pagefind-body`.
const GLOB: &str = "{articles,actors,events,compare,sources}/**/*.html";

/// Indexes the site written in `dir`; returns the number of pages indexed.
pub fn index(dir: &Path, language: &str) -> Result<usize, Diagnostic> {
    let fail =
        |err: String| Diagnostic::error(dir, format!("cannot build the search index: {err}"));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| fail(e.to_string()))?;
    runtime.block_on(async {
        let config = PagefindServiceConfig::builder()
            .force_language(language.to_owned())
            .build();
        let mut index = PagefindIndex::new(Some(config)).map_err(|e| fail(e.to_string()))?;
        let pages = index
            .add_directory(dir.to_string_lossy().into_owned(), Some(GLOB.to_owned()))
            .await
            .map_err(|e| fail(e.to_string()))?;
        index
            .write_files(Some(dir.join("pagefind").to_string_lossy().into_owned()))
            .await
            .map_err(|e| fail(e.to_string()))?;
        Ok(pages)
    })
}
