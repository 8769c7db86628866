//! The front matter of each kind of content file as read, before references are resolved:
//! every value that can be wrong later keeps the line and column where it was written.

use std::path::PathBuf;

use super::frontmatter;
use super::yaml::Fields;
use super::{Kind, SourceFile};
use crate::diagnostics::Diagnostic;

/// A value with the position (1-based line and column) where it stands in its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub line: usize,
    pub column: usize,
}

/// One parsed content file.
#[derive(Debug, Clone)]
pub struct RawDocument {
    pub slug: String,
    pub path: PathBuf,
    /// The whole file, for showing lines in messages.
    pub text: String,
    /// The Markdown after the front matter.
    pub body: String,
    /// The file line on which the body starts.
    pub body_line: usize,
    pub data: RawData,
}

#[derive(Debug, Clone)]
pub enum RawData {
    Article(RawArticle),
    Actor(RawActor),
    Source(RawSource),
    Event(RawEvent),
    Page(RawPage),
    Front(RawFront),
    /// A file whose front matter could not be read: its slug exists (references to it are not
    /// dangling), but it has no data. Its problems are reported where it was read.
    Unreadable(Kind),
}

#[derive(Debug, Clone, Default)]
pub struct RawArticle {
    pub title: String,
    pub source: Option<Spanned<String>>,
    pub publisher: Option<Spanned<String>>,
    pub url: Option<String>,
    pub published: Option<Spanned<String>>,
    pub byline: Option<String>,
    pub events: Vec<Spanned<String>>,
    pub actors: Vec<Spanned<String>>,
    pub summary: Option<String>,
    pub quotes: Vec<RawQuote>,
    /// The analyst's notes: paragraph key (`p3`) → Markdown.
    pub notes: Vec<(Spanned<String>, String)>,
    pub draft: bool,
}

#[derive(Debug, Clone)]
pub struct RawQuote {
    pub text: Spanned<String>,
    pub by: Option<Spanned<String>>,
    /// `statement` or `term`.
    pub kind: Option<Spanned<String>>,
    /// The detected quote is not a quote (`reject: true`).
    pub reject: bool,
}

#[derive(Debug, Clone, Default)]
pub struct RawActor {
    pub name: String,
    pub aliases: Vec<Spanned<String>>,
    pub kind: Option<Spanned<String>>,
    pub role: Option<String>,
    pub affiliation: Option<Spanned<String>>,
    pub image: Option<String>,
    pub pronoun: Option<Spanned<String>>,
    /// The analyst's notes (Markdown), in the order written.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct RawSource {
    pub name: String,
    pub aliases: Vec<Spanned<String>>,
    pub url: Option<String>,
    pub kind: Option<Spanned<String>>,
    pub country: Option<String>,
    pub ownership: Option<Spanned<String>>,
    pub groups: Vec<Spanned<String>>,
}

#[derive(Debug, Clone, Default)]
pub struct RawEvent {
    pub title: String,
    pub date: Option<Spanned<String>>,
    pub end: Option<Spanned<String>>,
    pub place: Option<String>,
    pub actors: Vec<Spanned<String>>,
    pub sources: Vec<Spanned<String>>,
    pub claims: Vec<RawClaim>,
    /// The analyst's notes (Markdown), in the order written.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct RawClaim {
    pub about: String,
    pub line: usize,
    /// Article slug → what that article reports.
    pub reports: Vec<(Spanned<String>, String)>,
}

#[derive(Debug, Clone, Default)]
pub struct RawPage {
    pub title: String,
    pub summary: Option<String>,
    pub weight: i64,
    pub draft: bool,
}

/// `content/_index.md`: the analyst's summary of the dossier for the front page. Its front
/// matter is optional.
#[derive(Debug, Clone, Default)]
pub struct RawFront {
    /// A heading for the summary.
    pub title: Option<String>,
}

pub const ARTICLE_KEYS: &[&str] = &[
    "title",
    "source",
    "publisher",
    "url",
    "published",
    "byline",
    "events",
    "actors",
    "summary",
    "quotes",
    "notes",
    "draft",
];
pub const ACTOR_KEYS: &[&str] = &[
    "name",
    "aliases",
    "kind",
    "role",
    "affiliation",
    "image",
    "pronoun",
    "notes",
];
pub const SOURCE_KEYS: &[&str] = &[
    "name",
    "aliases",
    "url",
    "kind",
    "country",
    "ownership",
    "groups",
];
pub const EVENT_KEYS: &[&str] = &[
    "title", "date", "end", "place", "actors", "sources", "claims", "notes",
];
pub const PAGE_KEYS: &[&str] = &["title", "summary", "weight", "draft"];
pub const FRONT_KEYS: &[&str] = &["title"];
const QUOTE_KEYS: &[&str] = &["text", "by", "kind", "reject"];
const CLAIM_KEYS: &[&str] = &["about", "reports"];

/// Parses one file's front matter into its raw form, reporting every problem found. A file
/// refused for its name is out of the dossier: that is its one problem (its contents would
/// only add noise, such as aliases shared with the file it was meant to be), and it stands
/// for its slug as an unreadable file does.
pub fn parse(file: SourceFile) -> (Option<RawDocument>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    // The front page's summary needs no front matter: a file of Markdown alone is its body.
    if file.kind == Kind::Front && !file.text.starts_with("---") {
        return (
            Some(RawDocument {
                slug: file.slug,
                path: file.path,
                body: file.text.clone(),
                body_line: 1,
                text: file.text,
                data: RawData::Front(RawFront::default()),
            }),
            problems,
        );
    }
    if file.kind != Kind::Front && !is_slug(&file.slug) {
        problems.push(
            Diagnostic::error(
                &file.path,
                format!("`{}` is not a valid file name for a slug", file.slug),
            )
            .with_hint(format!(
                "name the file `{}.md`: lowercase letters, digits and hyphens",
                slugify(&file.slug)
            )),
        );
        return (Some(unreadable(file)), problems);
    }
    let split = match frontmatter::split(&file.text) {
        Ok(split) => split,
        Err((line, message)) => {
            problems.push(
                Diagnostic::error(&file.path, message)
                    .at(&file.text, line, 1)
                    .with_hint("start the file with a line `---`, then the `key: value` lines, then `---`, then the text"),
            );
            return (Some(unreadable(file)), problems);
        }
    };
    let mut fields = match Fields::parse(&file.path, &file.text, split.yaml, split.yaml_line) {
        Ok(fields) => fields,
        Err(problem) => {
            problems.push(problem);
            return (Some(unreadable(file)), problems);
        }
    };
    let data = match file.kind {
        Kind::Article => RawData::Article(article(&mut fields)),
        Kind::Actor => RawData::Actor(actor(&mut fields)),
        Kind::Source => RawData::Source(source(&mut fields)),
        Kind::Event => RawData::Event(event(&mut fields)),
        Kind::Page => RawData::Page(page(&mut fields)),
        Kind::Front => RawData::Front(front(&mut fields)),
    };
    let body = split.body.to_owned();
    let body_line = split.body_line;
    problems.append(&mut fields.problems);
    let document = RawDocument {
        slug: file.slug,
        path: file.path,
        body,
        body_line,
        text: file.text,
        data,
    };
    (Some(document), problems)
}

/// The stand-in for a file whose front matter could not be read.
pub fn unreadable(file: SourceFile) -> RawDocument {
    RawDocument {
        slug: file.slug,
        path: file.path,
        text: String::new(),
        body: String::new(),
        body_line: 1,
        data: RawData::Unreadable(file.kind),
    }
}

fn text(fields: &mut Fields, key: &str) -> Option<String> {
    fields.string(key, false).map(|s| s.value)
}

fn article(f: &mut Fields) -> RawArticle {
    f.check_keys(ARTICLE_KEYS);
    let mut quotes = Vec::new();
    for record in f.records("quotes") {
        f.check_record_keys("quotes", &record, QUOTE_KEYS);
        let text = f.record_string("quotes", &record, "text", true);
        let by = f.record_string("quotes", &record, "by", false);
        let kind = f.record_string("quotes", &record, "kind", false);
        let reject = f
            .record_string("quotes", &record, "reject", false)
            .is_some_and(|r| r.value == "true");
        if let Some(text) = text {
            quotes.push(RawQuote {
                text,
                by,
                kind,
                reject,
            });
        }
    }
    RawArticle {
        title: f.string("title", true).map(|s| s.value).unwrap_or_default(),
        source: f.string("source", true),
        publisher: f.string("publisher", false),
        url: text(f, "url"),
        published: f.string("published", true),
        byline: text(f, "byline"),
        events: f.strings("events"),
        actors: f.strings("actors"),
        summary: text(f, "summary"),
        quotes,
        notes: f.map("notes"),
        draft: f.bool("draft").unwrap_or(false),
    }
}

fn actor(f: &mut Fields) -> RawActor {
    f.check_keys(ACTOR_KEYS);
    RawActor {
        name: f.string("name", true).map(|s| s.value).unwrap_or_default(),
        aliases: f.strings("aliases"),
        kind: f.string("kind", false),
        role: text(f, "role"),
        affiliation: f.string("affiliation", false),
        image: text(f, "image"),
        pronoun: f.string("pronoun", false),
        notes: notes(f),
    }
}

fn source(f: &mut Fields) -> RawSource {
    f.check_keys(SOURCE_KEYS);
    RawSource {
        name: f.string("name", true).map(|s| s.value).unwrap_or_default(),
        aliases: f.strings("aliases"),
        url: text(f, "url"),
        kind: f.string("kind", false),
        country: text(f, "country"),
        ownership: f.string("ownership", false),
        groups: f.strings("groups"),
    }
}

fn event(f: &mut Fields) -> RawEvent {
    f.check_keys(EVENT_KEYS);
    let mut claims = Vec::new();
    for record in f.records("claims") {
        f.check_record_keys("claims", &record, CLAIM_KEYS);
        let about = f.record_string("claims", &record, "about", true);
        let reports = f.record_map("claims", &record, "reports");
        if let Some(about) = about {
            claims.push(RawClaim {
                about: about.value,
                line: record.line,
                reports,
            });
        }
    }
    RawEvent {
        title: f.string("title", true).map(|s| s.value).unwrap_or_default(),
        date: f.string("date", true),
        end: f.string("end", false),
        place: text(f, "place"),
        actors: f.strings("actors"),
        sources: f.strings("sources"),
        claims,
        notes: notes(f),
    }
}

/// An actor's or event's `notes:`: one Markdown text, or a list of them.
fn notes(f: &mut Fields) -> Vec<String> {
    f.strings("notes")
        .into_iter()
        .map(|n| n.value)
        .filter(|n| !n.trim().is_empty())
        .collect()
}

fn page(f: &mut Fields) -> RawPage {
    f.check_keys(PAGE_KEYS);
    RawPage {
        title: f.string("title", true).map(|s| s.value).unwrap_or_default(),
        summary: text(f, "summary"),
        weight: f.integer("weight").unwrap_or(0),
        draft: f.bool("draft").unwrap_or(false),
    }
}

fn front(f: &mut Fields) -> RawFront {
    f.check_keys(FRONT_KEYS);
    RawFront {
        title: text(f, "title"),
    }
}

/// Whether `text` is a slug: lowercase ASCII letters, digits and single hyphens inside.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A slug made from any text: "Sergei Lavrov" → "sergei-lavrov".
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(kind: Kind, slug: &str, text: &str) -> SourceFile {
        SourceFile {
            kind,
            slug: slug.into(),
            path: PathBuf::from(format!("content/{}/{slug}.md", kind.dir())),
            text: text.into(),
            unreadable: false,
        }
    }

    #[test]
    fn reads_an_article_with_positions() {
        let text = "---\ntitle: \"T\"\nsource: reuters\npublished: 2014-03-14\nevents: [london-talks, referendum]\n---\nBody\n";
        let (doc, problems) = parse(file(Kind::Article, "a", text));
        assert!(problems.is_empty(), "{problems:?}");
        let RawData::Article(a) = doc.unwrap().data else {
            panic!()
        };
        let source = a.source.unwrap();
        assert_eq!(
            (source.value.as_str(), source.line, source.column),
            ("reuters", 3, 9)
        );
        assert_eq!(a.published.unwrap().value, "2014-03-14");
        assert_eq!(a.events[1].value, "referendum");
        assert_eq!((a.events[1].line, a.events[1].column), (5, 24));
    }

    #[test]
    fn reports_all_unknown_and_missing_keys() {
        let text = "---\ntitel: T\npublshed: 2014\n---\n";
        let (_, problems) = parse(file(Kind::Article, "a", text));
        let messages: Vec<String> = problems.iter().map(|d| d.to_string()).collect();
        assert!(
            messages.iter().any(|m| m
                .starts_with("content/articles/a.md:2:1: error: unknown key `titel`")
                && m.contains("did you mean `title`?")),
            "{messages:#?}"
        );
        assert!(messages.iter().any(
            |m| m.contains("unknown key `publshed`") && m.contains("did you mean `published`?")
        ));
        assert!(messages
            .iter()
            .any(|m| m.contains("missing required key `source`")));
    }

    #[test]
    fn malformed_yaml_names_the_line() {
        let text = "---\ntitle: \"T\"\nsource: [reuters\n---\n";
        let (doc, problems) = parse(file(Kind::Article, "a", text));
        assert!(matches!(
            doc.unwrap().data,
            RawData::Unreadable(Kind::Article)
        ));
        assert!(
            problems[0].message.contains("not valid YAML"),
            "{}",
            problems[0]
        );
        assert!(problems[0].line >= 3);
    }

    #[test]
    fn quotes_and_claims_keep_their_lines() {
        let text = "---\ntitle: E\ndate: 2014-03-14\nclaims:\n  - about: Length\n    reports:\n      a: six hours\n      b: several hours\n---\n";
        let (doc, problems) = parse(file(Kind::Event, "e", text));
        assert!(problems.is_empty(), "{problems:?}");
        let RawData::Event(e) = doc.unwrap().data else {
            panic!()
        };
        assert_eq!(e.claims[0].reports[1].0.line, 8);
        assert_eq!(e.claims[0].reports[1].1, "several hours");
    }

    #[test]
    fn the_front_page_summary_needs_no_front_matter() {
        let (doc, problems) = parse(file(Kind::Front, "_index", "Kerry and **Lavrov** met.\n"));
        assert!(problems.is_empty(), "{problems:?}");
        let doc = doc.unwrap();
        assert!(matches!(doc.data, RawData::Front(RawFront { title: None })));
        assert_eq!(doc.body, "Kerry and **Lavrov** met.\n");
        let text = "---\ntitle: In brief\nsumary: x\n---\nText\n";
        let (doc, problems) = parse(file(Kind::Front, "_index", text));
        let RawData::Front(front) = doc.unwrap().data else {
            panic!()
        };
        assert_eq!(front.title.as_deref(), Some("In brief"));
        assert_eq!(problems[0].line, 3, "{}", problems[0]);
    }

    #[test]
    fn sources_read_ownership_and_groups() {
        let text = "---\nname: Wire\nownership: private\ngroups: [wires, western]\n---\n";
        let (doc, problems) = parse(file(Kind::Source, "wire", text));
        assert!(problems.is_empty(), "{problems:?}");
        let RawData::Source(s) = doc.unwrap().data else {
            panic!()
        };
        assert_eq!(s.ownership.unwrap().value, "private");
        assert_eq!(
            (s.groups[1].value.as_str(), s.groups[1].line),
            ("western", 4)
        );
    }

    #[test]
    fn slugs() {
        assert!(is_slug("sergei-lavrov"));
        assert!(!is_slug("Sergei_Lavrov"));
        assert_eq!(slugify("Sergei_Lavrov 2"), "sergei-lavrov-2");
    }
}
