//! Helpers of the fuzz targets: the checks of `checks.rs` (shared with the integration tests)
//! and reading a built site back.

mod checks;

use std::path::{Path, PathBuf};

pub use checks::*;

/// Every file under `dir`, relative path and bytes.
pub fn read_tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack: Vec<PathBuf> = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(bytes) = std::fs::read(&path) {
                let rel = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                files.push((rel, bytes));
            }
        }
    }
    files.sort();
    files
}

/// The repository (the fuzz crate's parent): the default theme lives there.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

