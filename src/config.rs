//! `site.toml` → [`Config`]: the dossier's settings, checked once (unknown keys, bad values)
//! so that later stages only meet valid settings.

use std::collections::BTreeMap;
use std::ops::Range;
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
    /// Outlet groups named and ordered by `[groups]` (sources name theirs in `groups:`), in
    /// the order written (tables keep it: the `preserve_order` feature of `toml`).
    #[serde(skip)]
    pub groups: Vec<GroupConfig>,
    /// Where each setting is written in site.toml, for messages about its value that later
    /// stages find (such as an output folder they refuse).
    #[serde(skip)]
    pub written: Written,
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

/// One entry of `[groups]`: `wires = "Wire agencies"`, or a table with `name` and
/// `description`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupConfig {
    pub slug: String,
    pub name: String,
    pub description: Option<String>,
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
            groups: Vec::new(),
            written: Written::default(),
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
    "groups",
];
const MARKDOWN_KEYS: &[&str] = &["smart_punctuation", "highlight_theme", "unsafe_html"];
const LINKS_KEYS: &[&str] = &["actors"];
const GROUP_KEYS: &[&str] = &["name", "description"];

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
        let written = Written::parse(text);
        let mut problems = Vec::new();
        check_keys(&written, &table, None, TOP_KEYS, &mut problems);
        for (section, keys) in [("markdown", MARKDOWN_KEYS), ("links", LINKS_KEYS)] {
            match table.get(section) {
                Some(toml::Value::Table(inner)) => {
                    check_keys(&written, inner, Some(section), keys, &mut problems)
                }
                Some(_) => problems.push(
                    written
                        .at_key(
                            section,
                            Diagnostic::error(FILE_NAME, format!("`{section}` must be a table")),
                        )
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
            let d = written.at_value(
                "markdown.highlight_theme",
                Diagnostic::error(
                    FILE_NAME,
                    format!(
                        "unknown highlight theme `{}`",
                        config.markdown.highlight_theme
                    ),
                ),
            );
            let d = d.with_hint(
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
                written
                    .at_value(
                        "language",
                        Diagnostic::error(
                            FILE_NAME,
                            format!(
                                "`language` must be a language tag such as `en` or `pt-BR`, not `{}`",
                                config.language.escape_debug()
                            ),
                        ),
                    )
                    .with_hint(
                    "use a BCP 47 tag: letters for the language, then optional `-` parts, for example language = \"en-GB\"",
                ),
            );
        }
        match normalise_base_url(&config.base_url) {
            Some(url) => config.base_url = url,
            None => problems.push(
                written
                    .at_value(
                        "base_url",
                        Diagnostic::error(
                            FILE_NAME,
                            format!(
                                "`base_url` must be an absolute http(s) URL or `/`, not `{}`",
                                config.base_url
                            ),
                        ),
                    )
                    .with_hint("for example: base_url = \"https://example.org/crimea/\""),
            ),
        }
        config.groups = groups(&written, &table, &mut problems);
        config.written = written;
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(problems)
        }
    }

    /// `problem`, found with the value of the setting `key`, placed where that value came
    /// from: its line in site.toml, with a hint naming `flag` (which replaces the setting);
    /// or, when site.toml does not set it, said to be the default.
    pub fn locate(&self, key: &str, flag: &str, problem: Diagnostic) -> Diagnostic {
        let (problem, also) = match self.written.value(key) {
            Some(_) => (
                self.written.at_value(
                    key,
                    Diagnostic {
                        path: FILE_NAME.into(),
                        ..problem
                    },
                ),
                format!("or pass {flag}, which replaces `{key}` of {FILE_NAME}"),
            ),
            None => (
                problem,
                format!("this is the default `{key}`: set another in {FILE_NAME}, or pass {flag}"),
            ),
        };
        let hint = match &problem.hint {
            Some(hint) => format!("{hint}; {also}"),
            None => also,
        };
        problem.with_hint(hint)
    }

    /// `problem` about the value of the setting `key`, placed at that value in site.toml (at
    /// the file as a whole when site.toml does not set it).
    pub fn at_setting(&self, key: &str, problem: Diagnostic) -> Diagnostic {
        self.written.at_value(
            key,
            Diagnostic {
                path: FILE_NAME.into(),
                ..problem
            },
        )
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

/// The outlet groups of `[groups]`, in the order written, each checked: a slug for a key, a
/// name or a table of `name` and `description` for a value.
fn groups(
    written: &Written,
    table: &toml::Table,
    problems: &mut Vec<Diagnostic>,
) -> Vec<GroupConfig> {
    let entries = match table.get("groups") {
        None => return Vec::new(),
        Some(toml::Value::Table(entries)) => entries,
        Some(_) => {
            problems.push(
                written
                    .at_key(
                        "groups",
                        Diagnostic::error(FILE_NAME, "`groups` must be a table"),
                    )
                    .with_hint("write it as a section: [groups], then one line per group: wires = \"Wire agencies\""),
            );
            return Vec::new();
        }
    };
    let mut groups = Vec::new();
    for (slug, value) in entries {
        let key = format!("groups.{slug}");
        if !crate::load::is_slug(slug) {
            problems.push(
                written
                    .at_key(
                        &key,
                        Diagnostic::error(FILE_NAME, format!("`{slug}` is not a group slug")),
                    )
                    .with_hint(format!(
                        "a group's key is what sources write in `groups:`: lowercase letters, digits and hyphens, such as `{}`",
                        crate::load::slugify(slug)
                    )),
            );
            continue;
        }
        let not_text = |field: &str| {
            written
                .at_value(
                    &format!("{key}{field}"),
                    Diagnostic::error(
                        FILE_NAME,
                        format!(
                            "the {} of group `{slug}` must be text",
                            if field.is_empty() {
                                "name"
                            } else {
                                &field[1..]
                            }
                        ),
                    ),
                )
                .with_hint(format!("for example: {slug} = \"{}\"", name_of_slug(slug)))
        };
        let (name, description) = match value {
            toml::Value::String(name) => (name.clone(), None),
            toml::Value::Table(fields) => {
                check_keys(written, fields, Some(&key), GROUP_KEYS, problems);
                let text = |field: &str, problems: &mut Vec<Diagnostic>| match fields.get(field) {
                    None => None,
                    Some(toml::Value::String(text)) => Some(text.clone()),
                    Some(_) => {
                        problems.push(not_text(&format!(".{field}")));
                        None
                    }
                };
                let name = text("name", problems).unwrap_or_else(|| name_of_slug(slug));
                (name, text("description", problems))
            }
            _ => {
                problems.push(not_text(""));
                continue;
            }
        };
        let name = match name.trim() {
            "" => name_of_slug(slug),
            name => name.to_owned(),
        };
        groups.push(GroupConfig {
            slug: slug.clone(),
            name,
            description,
        });
    }
    groups
}

/// The name of a group that `[groups]` does not name: its slug in words, capitalised
/// (`western-broadcasters` → "Western broadcasters").
pub fn name_of_slug(slug: &str) -> String {
    let words = slug.replace('-', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
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

/// Adds the trailing slash; `None` for a value that is not an absolute http(s) URL (written
/// `http://` or `https://`, then a valid host) or a root path. The URL is kept as written: the
/// parser's own form (host in lowercase or punycode, path percent-encoded, default port
/// dropped) would change every absolute link of a site that built before.
pub fn normalise_base_url(url: &str) -> Option<String> {
    let url = url.trim();
    let absolute = || {
        url::Url::parse(url).is_ok_and(|parsed| {
            matches!(parsed.scheme(), "http" | "https")
                && url
                    .strip_prefix(parsed.scheme())
                    .is_some_and(|rest| rest.starts_with("://"))
        })
    };
    if url.contains(char::is_whitespace) || !(url.starts_with('/') || absolute()) {
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
    written: &Written,
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
            written
                .at_key(
                    &name,
                    Diagnostic::error(FILE_NAME, format!("unknown key `{name}`")),
                )
                .with_hint(hint),
        );
    }
}

/// Where each key of site.toml and its value are written, as the TOML parser reports them:
/// messages about a setting point at it, whichever stage finds the problem.
#[derive(Debug, Clone, Default)]
pub struct Written {
    text: String,
    /// Dotted key (`output_dir`, `markdown.highlight_theme`) → the byte ranges of the key and
    /// of its value.
    spans: BTreeMap<String, (Range<usize>, Range<usize>)>,
}

impl Written {
    /// The positions in `text`, which parses as TOML (none where it does not).
    fn parse(text: &str) -> Written {
        let mut spans = BTreeMap::new();
        if let Ok(table) = toml::from_str::<Positions>(text) {
            table.collect("", &mut spans);
        }
        Written {
            text: text.to_owned(),
            spans,
        }
    }

    /// Line and column of the value of `key`, when site.toml sets it.
    pub fn value(&self, key: &str) -> Option<(usize, usize)> {
        self.spans
            .get(key)
            .map(|(_, value)| line_col(&self.text, value.start))
    }

    /// `problem` placed at the value of `key` (at the file as a whole when it is not set).
    fn at_value(&self, key: &str, problem: Diagnostic) -> Diagnostic {
        let (line, column) = self.value(key).unwrap_or((0, 0));
        problem.at(&self.text, line, column)
    }

    /// `problem` placed at `key` itself.
    fn at_key(&self, key: &str, problem: Diagnostic) -> Diagnostic {
        let (line, column) = self
            .spans
            .get(key)
            .map_or((0, 0), |(key, _)| line_col(&self.text, key.start));
        problem.at(&self.text, line, column)
    }
}

/// A TOML table read for the positions of its keys and values only.
#[derive(Deserialize)]
#[serde(transparent)]
struct Positions(BTreeMap<toml::Spanned<String>, toml::Spanned<Position>>);

/// A value, kept only when it is a table (for the positions inside it).
enum Position {
    Table(Positions),
    Other,
}

impl Positions {
    fn collect(self, prefix: &str, into: &mut BTreeMap<String, (Range<usize>, Range<usize>)>) {
        for (key, value) in self.0 {
            let name = format!("{prefix}{}", key.get_ref());
            let spans = (key.span(), value.span());
            if let Position::Table(inner) = value.into_inner() {
                inner.collect(&format!("{name}."), into);
            }
            into.insert(name, spans);
        }
    }
}

impl<'de> Deserialize<'de> for Position {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Position;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a TOML value")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Position, A::Error> {
                let mut table = BTreeMap::new();
                // A date-time comes as a map too, whose key has no position: not a table.
                while let Some(key) = match map.next_key::<toml::Spanned<String>>() {
                    Ok(key) => key,
                    Err(_) => return Ok(Position::Other),
                } {
                    table.insert(key, map.next_value()?);
                }
                Ok(Position::Table(Positions(table)))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Position, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Position::Other)
            }
            fn visit_bool<E>(self, _: bool) -> Result<Position, E> {
                Ok(Position::Other)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Position, E> {
                Ok(Position::Other)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Position, E> {
                Ok(Position::Other)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Position, E> {
                Ok(Position::Other)
            }
            fn visit_str<E>(self, _: &str) -> Result<Position, E> {
                Ok(Position::Other)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
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
    fn settings_are_placed_where_the_parser_read_them_whatever_the_values() {
        // Dates, nested arrays and tables of arrays do not hide the keys around them.
        let text = "title = \"T\"\nwhen = 1979-05-27T07:32:00Z\nlist = [1, [2], { a = 3 }]\n[[many]]\nx = 1\n[markdown]\n  highlight_theme =   \"Nope\"\n";
        let problems = Config::parse(text).unwrap_err();
        let mut at: Vec<String> = problems.iter().map(|d| d.location()).collect();
        at.sort();
        assert_eq!(
            at,
            [
                "site.toml:2:1",
                "site.toml:3:1",
                "site.toml:4:3",
                "site.toml:7:23"
            ],
            "{problems:#?}"
        );
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
    fn groups_keep_the_order_written_and_take_names_or_tables() {
        let text = "title = \"T\"\n[groups]\nwires = \"Wire agencies\"\nstate-media = { name = \"State media\", description = \"Owned by a state\" }\nbroadcasters = {}\n";
        let config = Config::parse(text).unwrap();
        let names: Vec<(&str, &str)> = config
            .groups
            .iter()
            .map(|g| (g.slug.as_str(), g.name.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("wires", "Wire agencies"),
                ("state-media", "State media"),
                ("broadcasters", "Broadcasters")
            ]
        );
        assert_eq!(
            config.groups[1].description.as_deref(),
            Some("Owned by a state")
        );
        let text = "title = \"T\"\n[groups.zulu]\nname = \"Z\"\n[groups.alpha]\nname = \"A\"\n";
        let config = Config::parse(text).unwrap();
        assert_eq!(config.groups[0].slug, "zulu");
    }

    #[test]
    fn bad_groups_are_errors_at_their_line() {
        let text =
            "title = \"T\"\n[groups]\nWires = \"W\"\nstate = 3\n[groups.tv]\nnmae = \"TV\"\n";
        let problems = Config::parse(text).unwrap_err();
        let mut messages: Vec<String> = problems.iter().map(|d| d.to_string()).collect();
        messages.sort();
        assert_eq!(problems.len(), 3, "{messages:#?}");
        assert!(
            messages[0].starts_with("site.toml:3:1: error: `Wires` is not a group slug"),
            "{messages:#?}"
        );
        assert!(
            messages[1].starts_with("site.toml:4:9: error: the name of group `state` must be text"),
            "{messages:#?}"
        );
        assert!(
            messages[2].starts_with("site.toml:6:1: error: unknown key `groups.tv.nmae`")
                && messages[2].contains("did you mean `name`?"),
            "{messages:#?}"
        );
    }

    #[test]
    fn base_url_gets_trailing_slash_and_path() {
        let config = Config::parse("title = \"T\"\nbase_url = \"https://e.org/crimea\"\n").unwrap();
        assert_eq!(config.base_url, "https://e.org/crimea/");
        assert_eq!(config.base_path(), "/crimea/");
        assert!(Config::parse("title = \"T\"\nbase_url = \"e.org\"\n").is_err());
    }

    #[test]
    fn base_url_is_kept_as_written_but_for_the_trailing_slash() {
        // (as written, as kept, its path)
        for (written, kept, path) in [
            ("https://example.org", "https://example.org/", "/"),
            (
                "https://example.org/dossier",
                "https://example.org/dossier/",
                "/dossier/",
            ),
            (
                "https://example.org/sub/path/",
                "https://example.org/sub/path/",
                "/sub/path/",
            ),
            (
                "http://Example.ORG:8080/a",
                "http://Example.ORG:8080/a/",
                "/a/",
            ),
            ("https://example.org:443/", "https://example.org:443/", "/"),
            (
                "https://example.org/déjà-vu",
                "https://example.org/déjà-vu/",
                "/déjà-vu/",
            ),
            (
                "https://example.org/d%C3%A9j%C3%A0/",
                "https://example.org/d%C3%A9j%C3%A0/",
                "/d%C3%A9j%C3%A0/",
            ),
            ("https://bücher.example/", "https://bücher.example/", "/"),
            ("  https://example.org/x  ", "https://example.org/x/", "/x/"),
            ("/", "/", "/"),
            ("/sub/path", "/sub/path/", "/sub/path/"),
        ] {
            let config = Config::parse(&format!("title = \"T\"\nbase_url = {written:?}\n"))
                .unwrap_or_else(|e| panic!("{written}: {e:?}"));
            assert_eq!(config.base_url, kept, "{written}");
            assert_eq!(config.base_path(), path, "{written}");
        }
    }

    #[test]
    fn base_url_must_be_an_http_url_with_a_valid_host_or_a_path_from_the_root() {
        for bad in [
            "",
            "example.org",
            "sub/path/",
            "ftp://example.org/",
            "https://",
            "https:example.org",
            "https:/example.org",
            "HTTPS://example.org/",
            "https://exa mple.org/",
            "https://exa<mple.org/",
            "https://example.org:99999/",
            "https://[::1/",
            "https://example.org/a b/",
        ] {
            assert_eq!(normalise_base_url(bad), None, "{bad}");
        }
    }
}
