//! Every file of a site: the pages its page kinds plan ([`render::plan`]) and the assets
//! copied as they are (the built-in theme's static files, the theme's and the dossier's
//! `static/` folders, the highlighting stylesheet). One function, [`Site::plan`], used by
//! `build`, `check` and `serve`.

use std::borrow::Cow;
use std::path::PathBuf;

use crate::diagnostics::Diagnostic;
use crate::render::{self, PlannedPage};
use crate::Site;

/// Every file of a site.
pub struct SitePlan {
    pub pages: Vec<PlannedPage>,
    /// In the order they are written: a later asset with the same path replaces an earlier
    /// one, and pages are written after every asset.
    pub assets: Vec<Asset>,
}

/// A file copied into the site as it is.
pub struct Asset {
    /// Relative to the site root, with `/`.
    pub path: String,
    pub from: AssetFrom,
}

pub enum AssetFrom {
    /// A file of the built-in theme, in the binary.
    BuiltIn(&'static [u8]),
    /// Bytes made for the site (the highlighting stylesheet).
    Made(Vec<u8>),
    /// A file of a `static/` folder.
    File(PathBuf),
}

impl Asset {
    /// The asset's bytes, read from disk for a file.
    pub fn bytes(&self) -> Result<Cow<'_, [u8]>, Diagnostic> {
        match &self.from {
            AssetFrom::BuiltIn(bytes) => Ok(Cow::Borrowed(bytes)),
            AssetFrom::Made(bytes) => Ok(Cow::Borrowed(bytes)),
            AssetFrom::File(path) => std::fs::read(path)
                .map(Cow::Owned)
                .map_err(|err| Diagnostic::error(path, format!("cannot read: {err}"))),
        }
    }
}

impl Site {
    /// The site's pages and assets. An unreadable `static/` folder is the one problem.
    pub fn plan(&self) -> Result<SitePlan, Diagnostic> {
        let mut assets: Vec<Asset> = self
            .built_in_static()
            .into_iter()
            .map(|(path, bytes)| Asset {
                path: path.to_owned(),
                from: AssetFrom::BuiltIn(bytes),
            })
            .collect();
        for dir in self.static_dirs() {
            if !dir.is_dir() {
                continue;
            }
            for entry in walkdir::WalkDir::new(&dir).follow_links(true) {
                let entry =
                    entry.map_err(|err| Diagnostic::error(&dir, format!("cannot read: {err}")))?;
                if !entry.file_type().is_file() {
                    continue;
                }
                let rel = entry
                    .path()
                    .strip_prefix(&dir)
                    .expect("walkdir stays under its root");
                assets.push(Asset {
                    path: rel.to_string_lossy().replace('\\', "/"),
                    from: AssetFrom::File(entry.path().to_path_buf()),
                });
            }
        }
        assets.push(Asset {
            path: "syntax.css".to_owned(),
            from: AssetFrom::Made(
                render::markdown::highlight_css(&self.config.markdown.highlight_theme).into_bytes(),
            ),
        });
        Ok(SitePlan {
            pages: render::plan(&self.dossier, &self.analysis, &self.config),
            assets,
        })
    }
}
