//! What the dossier knows: its sources, matched by name, alias, slug or address, and its
//! actors, matched as a build matches them. Read through the library (`load`, `model`,
//! `analyse`), so an import sees the dossier as a build does.

use std::collections::HashMap;
use std::path::Path;

use crate::analyse::Matcher;
use crate::load::{self, RawData, RawDocument};
use crate::model::{self, Dossier};

/// The dossier's sources and actors, read through the library.
pub struct Known {
    pub(super) dossier: Dossier,
    pub(super) matcher: Matcher,
    /// Normalised name, alias or slug → index into `dossier.sources`.
    source_keys: HashMap<String, usize>,
}

impl Known {
    /// Reads the sources and actors of the dossier at `root`; problems in other files (or in
    /// these) do not stop an import.
    pub fn load(root: &Path) -> Known {
        let (documents, _) = load::load(root);
        let chosen: Vec<&RawDocument> = documents
            .iter()
            .filter(|d| matches!(d.data, RawData::Actor(_) | RawData::Source(_)))
            .collect();
        Known::from_documents(&chosen)
    }

    /// Resolves `documents` (actors and sources) with the model, as a build would.
    pub fn from_documents(documents: &[&RawDocument]) -> Known {
        let (dossier, _) = model::resolve(
            documents,
            model::Options {
                drafts: true,
                ..Default::default()
            },
        );
        let (matcher, _) = Matcher::new(&dossier);
        let mut source_keys = HashMap::new();
        for (index, source) in dossier.sources.iter().enumerate() {
            let names = std::iter::once(source.name.as_str())
                .chain(source.aliases.iter().map(String::as_str))
                .chain(std::iter::once(source.slug.as_str()));
            for name in names {
                for key in name_keys(name) {
                    source_keys.entry(key).or_insert(index);
                }
            }
        }
        Known {
            dossier,
            matcher,
            source_keys,
        }
    }

    pub(super) fn source_slugs(&self) -> Vec<&str> {
        self.dossier
            .sources
            .iter()
            .map(|s| s.slug.as_str())
            .collect()
    }

    /// The source an outlet's name (as written in a credit) names.
    pub(super) fn source_named(&self, name: &str) -> Option<&str> {
        name_keys(name)
            .iter()
            .find_map(|key| self.source_keys.get(key))
            .map(|&i| self.dossier.sources[i].slug.as_str())
    }

    /// The source whose `url` is on the same site as `host`.
    pub(super) fn source_at_host(&self, host: &str) -> Option<&str> {
        self.dossier
            .sources
            .iter()
            .find(|s| {
                s.url
                    .as_deref()
                    .and_then(url_host)
                    .is_some_and(|h| same_site(&h, host))
            })
            .map(|s| s.slug.as_str())
    }
}

/// The keys a name is matched by: lowercase letters and digits only, with and without a
/// leading "the" and a trailing "news agency", "agency", "news" …
fn name_keys(name: &str) -> Vec<String> {
    let squeezed: String = name
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    let mut keys = vec![squeezed.clone()];
    if let Some(rest) = squeezed.strip_prefix("the").filter(|r| r.len() >= 2) {
        keys.push(rest.to_owned());
    }
    for key in keys.clone() {
        for suffix in [
            "newsagency",
            "newsservice",
            "agency",
            "news",
            "online",
            "com",
            "english",
        ] {
            if let Some(rest) = key.strip_suffix(suffix).filter(|r| r.len() >= 2) {
                keys.push(rest.to_owned());
            }
        }
    }
    keys.retain(|k| !k.is_empty());
    keys
}

/// "https://www.example.org/a/b" → "example.org".
pub(super) fn url_host(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .or_else(|| url.starts_with("www.").then_some(url))?;
    let host = rest.split(['/', '?', '#']).next()?.to_lowercase();
    let host = host.split(':').next().unwrap_or(&host);
    let host = host.strip_prefix("www.").unwrap_or(host);
    (host.contains('.')).then(|| host.to_owned())
}

/// Whether two hosts are the same site ("en.trend.az" and "trend.az").
pub(super) fn same_site(a: &str, b: &str) -> bool {
    a == b || a.ends_with(&format!(".{b}")) || b.ends_with(&format!(".{a}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::fixture::known;

    #[test]
    fn sources_match_by_name_alias_slug_and_address() {
        let k = known();
        assert_eq!(k.source_named("reuters"), Some("reuters"));
        assert_eq!(k.source_named("Associated Press"), Some("ap"));
        assert_eq!(k.source_named("AP"), Some("ap"));
        assert_eq!(k.source_named("Al-Jazeera"), Some("al-jazeera"));
        assert_eq!(k.source_named("Reuters news agency"), Some("reuters"));
        assert_eq!(k.source_named("DailyEcho"), Some("daily-echo"));
        assert_eq!(k.source_named("Xinhua"), None);
        assert_eq!(k.source_at_host("dailyecho.example"), Some("daily-echo"));
        assert_eq!(
            url_host("https://www.reuters.com/world/x.html").as_deref(),
            Some("reuters.com")
        );
    }
}
