//! `site.toml` → [`Config`]: the dossier's settings, checked once (unknown keys, bad values)
//! so that later stages only meet valid settings.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diagnostics::{did_you_mean, line_col, Diagnostic};

pub const FILE_NAME: &str = "site.toml";

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    pub title: String,
    pub description: String,
    /// Absolute URL of the published site, always ending in `/`. Used only where an absolute
    /// URL is required: feed, sitemap, canonical links, and the not-found page.
    pub base_url: String,
    pub language: String,
    pub theme: String,
    pub output_dir: PathBuf,
    /// Build the full-text search index and the /search/ page.
    pub search: bool,
    pub markdown: MarkdownConfig,
    pub links: LinksConfig,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct MarkdownConfig {
    pub smart_punctuation: bool,
    pub highlight_theme: String,
    pub unsafe_html: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct LinksConfig {
    pub actors: ActorLinks,
}

/// Which mentions of an actor in an article body become links to the actor's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActorLinks {
    FirstPerParagraph,
    FirstPerArticle,
    All,
    None,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: String::new(),
            description: String::new(),
            base_url: "/".into(),
            language: "en".into(),
            theme: "briefing".into(),
            output_dir: PathBuf::from("public"),
            search: true,
            markdown: MarkdownConfig::default(),
            links: LinksConfig::default(),
        }
    }
}

impl Default for MarkdownConfig {
    fn default() -> Self {
        MarkdownConfig {
            smart_punctuation: true,
            highlight_theme: "InspiredGitHub".into(),
            unsafe_html: false,
        }
    }
}

impl Default for LinksConfig {
    fn default() -> Self {
        LinksConfig {
            actors: ActorLinks::FirstPerParagraph,
        }
    }
}

const TOP_KEYS: &[&str] = &[
    "title",
    "description",
    "base_url",
    "language",
    "theme",
    "output_dir",
    "search",
    "markdown",
    "links",
];
const MARKDOWN_KEYS: &[&str] = &["smart_punctuation", "highlight_theme", "unsafe_html"];
const LINKS_KEYS: &[&str] = &["actors"];

/// The syntect themes that ship in the binary, for `highlight_theme`.
pub const HIGHLIGHT_THEMES: &[&str] = &[
    "InspiredGitHub",
    "Solarized (dark)",
    "Solarized (light)",
    "base16-eighties.dark",
    "base16-mocha.dark",
    "base16-ocean.dark",
    "base16-ocean.light",
];

impl Config {
    /// Reads `site.toml` from `root`.
    pub fn load(root: &Path) -> Result<Config, Vec<Diagnostic>> {
        let path = root.join(FILE_NAME);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) => {
                return Err(vec![Diagnostic::error(
                    FILE_NAME,
                    format!("cannot read the site configuration: {err}"),
                )
                .with_hint(format!(
                    "run dossier in a dossier folder (one with a {FILE_NAME}), pass --root DIR, or create one with `dossier init DIR`"
                ))]);
            }
        };
        Config::parse(&text)
    }

    /// Parses the text of `site.toml`, reporting every problem at once.
    pub fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
        let table: toml::Table = match text.parse() {
            Ok(table) => table,
            Err(err) => return Err(vec![toml_error(text, &err)]),
        };
        let mut problems = Vec::new();
        check_keys(text, &table, None, TOP_KEYS, &mut problems);
        for (section, keys) in [("markdown", MARKDOWN_KEYS), ("links", LINKS_KEYS)] {
            match table.get(section) {
                Some(toml::Value::Table(inner)) => {
                    check_keys(text, inner, Some(section), keys, &mut problems)
                }
                Some(_) => problems.push(
                    Diagnostic::error(FILE_NAME, format!("`{section}` must be a table"))
                        .at(text, key_line(text, None, section), 1)
                        .with_hint(format!("write it as a section: [{section}]")),
                ),
                None => {}
            }
        }
        let mut config: Config = match toml::from_str::<Config>(text) {
            Ok(config) => config,
            Err(err) => {
                problems.push(toml_error(text, &err));
                return Err(problems);
            }
        };
        if config.title.trim().is_empty() {
            problems.push(
                Diagnostic::error(FILE_NAME, "missing required key `title`")
                    .at(text, 1, 1)
                    .with_hint("add a line such as: title = \"Crimea: the London talks\""),
            );
        }
        if !HIGHLIGHT_THEMES.contains(&config.markdown.highlight_theme.as_str()) {
            let line = key_line(text, Some("markdown"), "highlight_theme");
            let mut d = Diagnostic::error(
                FILE_NAME,
                format!(
                    "unknown highlight theme `{}`",
                    config.markdown.highlight_theme
                ),
            )
            .at(text, line, 1);
            d = d.with_hint(
                match did_you_mean(
                    &config.markdown.highlight_theme,
                    HIGHLIGHT_THEMES.iter().copied(),
                ) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => format!("use one of: {}", HIGHLIGHT_THEMES.join(", ")),
                },
            );
            problems.push(d);
        }
        if !is_language_tag(&config.language) {
            problems.push(
                Diagnostic::error(
                    FILE_NAME,
                    format!(
                        "`language` must be a language tag such as `en` or `pt-BR`, not `{}`",
                        config.language.escape_debug()
                    ),
                )
                .at(text, key_line(text, None, "language"), 1)
                .with_hint(
                    "use a BCP 47 tag: letters for the language, then optional `-` parts, for example language = \"en-GB\"",
                ),
            );
        }
        match normalise_base_url(&config.base_url) {
            Some(url) => config.base_url = url,
            None => problems.push(
                Diagnostic::error(
                    FILE_NAME,
                    format!(
                        "`base_url` must be an absolute http(s) URL or `/`, not `{}`",
                        config.base_url
                    ),
                )
                .at(text, key_line(text, None, "base_url"), 1)
                .with_hint("for example: base_url = \"https://example.org/crimea/\""),
            ),
        }
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(problems)
        }
    }

    /// The path part of `base_url` (`/crimea/` for `https://example.org/crimea/`), for pages
    /// that are served at unknown depths, such as `404.html`.
    pub fn base_path(&self) -> &str {
        match self.base_url.find("://") {
            Some(scheme_end) => {
                let rest = &self.base_url[scheme_end + 3..];
                rest.find('/').map_or("/", |i| &rest[i..])
            }
            None => &self.base_url,
        }
    }
}

/// Whether `tag` has the shape of a BCP 47 language tag: a language of 2–8 letters, then
/// subtags of 1–8 letters or digits joined by `-`. The search index names files after it, and
/// pages and feeds declare it.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    (2..=8).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Adds the trailing slash; `None` for a value that is not an absolute URL or a root path.
pub fn normalise_base_url(url: &str) -> Option<String> {
    let url = url.trim();
    let absolute = (url.starts_with("http://") || url.starts_with("https://"))
        && url.split("://").nth(1).is_some_and(|rest| !rest.is_empty());
    if !(absolute || url.starts_with('/')) || url.contains(char::is_whitespace) {
        return None;
    }
    Some(if url.ends_with('/') {
        url.to_owned()
    } else {
        format!("{url}/")
    })
}

fn toml_error(text: &str, err: &toml::de::Error) -> Diagnostic {
    let (line, column) = err.span().map_or((0, 0), |span| line_col(text, span.start));
    Diagnostic::error(FILE_NAME, err.message().trim().to_owned())
        .at(text, line, column)
        .with_hint("see docs/configuration.md for the keys of site.toml and their values")
}

fn check_keys(
    text: &str,
    table: &toml::Table,
    section: Option<&str>,
    allowed: &[&str],
    problems: &mut Vec<Diagnostic>,
) {
    for key in table.keys() {
        if allowed.contains(&key.as_str()) {
            continue;
        }
        let name = match section {
            Some(section) => format!("{section}.{key}"),
            None => key.clone(),
        };
        let hint = match did_you_mean(key, allowed.iter().copied()) {
            Some(close) => format!("did you mean `{close}`?"),
            None => format!("the keys here are: {}", allowed.join(", ")),
        };
        problems.push(
            Diagnostic::error(FILE_NAME, format!("unknown key `{name}`"))
                .at(text, key_line(text, section, key), 1)
                .with_hint(hint),
        );
    }
}

/// The line on which `key` is set, in `[section]` or at the top level (0 when not found).
fn key_line(text: &str, section: Option<&str>, key: &str) -> usize {
    let mut current: Option<String> = None;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if let Some(name) = trimmed.strip_prefix('[').and_then(|l| l.split(']').next()) {
            current = Some(name.trim().to_owned());
            continue;
        }
        let Some((name, _)) = trimmed.split_once('=') else {
            continue;
        };
        if current.as_deref() == section && name.trim().trim_matches('"') == key {
            return i + 1;
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_config_gets_defaults() {
        let config = Config::parse("title = \"T\"\n").unwrap();
        assert_eq!(config.theme, "briefing");
        assert_eq!(config.base_url, "/");
        assert!(config.markdown.smart_punctuation);
        assert_eq!(config.links.actors, ActorLinks::FirstPerParagraph);
    }

    #[test]
    fn unknown_keys_are_all_reported_with_lines_and_hints() {
        let text = "title = \"T\"\ntheem = \"x\"\n[markdown]\nunsafe_htm = true\n";
        let problems = Config::parse(text).unwrap_err();
        let messages: Vec<String> = problems.iter().map(|d| d.to_string()).collect();
        assert_eq!(problems.len(), 2, "{messages:#?}");
        assert!(messages[0].starts_with("site.toml:2:1: error: unknown key `theem`"));
        assert!(messages[0].contains("did you mean `theme`?"));
        assert!(messages[1].starts_with("site.toml:4:1: error: unknown key `markdown.unsafe_htm`"));
    }

    #[test]
    fn bad_value_names_its_line() {
        let text = "title = \"T\"\n[links]\nactors = \"sometimes\"\n";
        let problems = Config::parse(text).unwrap_err();
        assert_eq!(problems[0].line, 3, "{}", problems[0]);
    }

    #[test]
    fn language_must_be_a_language_tag() {
        for good in ["en", "pt-BR", "zh-Hant-TW", "sr-Latn"] {
            let text = format!("title = \"T\"\nlanguage = \"{good}\"\n");
            assert!(Config::parse(&text).is_ok(), "{good}");
        }
        for bad in [
            "",
            "e",
            "en_GB",
            "en-",
            "../x",
            "en\\\"><script>",
            "englishlanguage",
        ] {
            let text = format!("title = \"T\"\nlanguage = {:?}\n", bad);
            let problems = Config::parse(&text).unwrap_err();
            assert_eq!(problems[0].line, 2, "{bad}: {}", problems[0]);
            assert!(
                problems[0].to_string().contains("language tag"),
                "{}",
                problems[0]
            );
        }
    }

    #[test]
    fn base_url_gets_trailing_slash_and_path() {
        let config = Config::parse("title = \"T\"\nbase_url = \"https://e.org/crimea\"\n").unwrap();
        assert_eq!(config.base_url, "https://e.org/crimea/");
        assert_eq!(config.base_path(), "/crimea/");
        assert!(Config::parse("title = \"T\"\nbase_url = \"e.org\"\n").is_err());
    }
}
