//! The machine-readable files: the Atom feed of articles and the sitemap, with absolute URLs
//! from `base_url` (the only place besides canonical links where they are needed).
//!
//! quick-xml's writer lays out the elements (declaration, nesting, attributes, two-space
//! indentation); the text and attribute values are escaped by [`escape`], the pages' own
//! escaping, which also drops the control characters XML 1.0 cannot carry (quick-xml would
//! write them) and writes `'` as `&#39;` as the feeds always did (quick-xml: `&apos;`).

use std::io;

use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::name::QName;
use quick_xml::Writer;

use super::markdown::escape;
use super::PlannedPage;
use crate::config::Config;
use crate::model::Dossier;

/// `atom.xml`: every article, newest first.
pub fn atom(dossier: &Dossier, config: &Config) -> String {
    let base = &config.base_url;
    let updated = dossier
        .articles
        .iter()
        .map(|a| a.published)
        .max()
        .map_or_else(|| "1970-01-01T00:00:00Z".to_owned(), |d| d.rfc3339());
    let self_url = format!("{base}{}", super::pages::feed::PATH);
    document(|w| {
        w.create_element("feed")
            .with_attributes([
                attribute("xmlns", "http://www.w3.org/2005/Atom"),
                attribute("xml:lang", &config.language),
            ])
            .write_inner_content(|w| {
                element(w, "title", &config.title)?;
                element(w, "subtitle", &config.description)?;
                link(w, "self", "application/atom+xml", &self_url)?;
                link(w, "alternate", "text/html", base)?;
                element(w, "id", base)?;
                element(w, "updated", &updated)?;
                element(w, "generator", "dossier")?;
                for article in &dossier.articles {
                    let url = format!("{base}{}", super::pages::article::dir(&article.slug));
                    let source = dossier
                        .source(&article.source)
                        .map_or(article.source.as_str(), |s| s.name.as_str());
                    let author = article.byline.as_deref().unwrap_or(source);
                    let summary = article
                        .summary
                        .as_deref()
                        .unwrap_or_else(|| article.paragraphs.first().map_or("", String::as_str));
                    let date = article.published.rfc3339();
                    w.create_element("entry").write_inner_content(|w| {
                        element(w, "title", &article.title)?;
                        link(w, "alternate", "text/html", &url)?;
                        element(w, "id", &url)?;
                        element(w, "published", &date)?;
                        element(w, "updated", &date)?;
                        w.create_element("author").write_inner_content(|w| {
                            same_line(w)?;
                            element(w, "name", author)?;
                            same_line(w)
                        })?;
                        w.create_element("category")
                            .with_attributes([
                                attribute("term", &article.source),
                                attribute("label", source),
                            ])
                            .write_empty()?;
                        element(w, "summary", summary)
                    })?;
                }
                Ok(())
            })?;
        Ok(())
    })
}

/// `sitemap.xml`: every HTML page but the not-found page.
pub fn sitemap(plan: &[PlannedPage], config: &Config) -> String {
    let mut paths: Vec<&str> = plan
        .iter()
        .map(|p| p.path.as_str())
        .filter(|p| p.ends_with("index.html"))
        .collect();
    paths.sort_unstable();
    document(|w| {
        w.create_element("urlset")
            .with_attribute(attribute(
                "xmlns",
                "http://www.sitemaps.org/schemas/sitemap/0.9",
            ))
            .write_inner_content(|w| {
                for path in paths {
                    let dir = path.strip_suffix("index.html").unwrap_or(path);
                    let url = format!("{}{dir}", config.base_url);
                    w.create_element("url").write_inner_content(|w| {
                        same_line(w)?;
                        element(w, "loc", &url)?;
                        same_line(w)
                    })?;
                }
                Ok(())
            })?;
        Ok(())
    })
}

/// An XML document of one root element written by `body`: the declaration, the elements one
/// a line (indented by two spaces a level), and a final line break.
fn document(body: impl FnOnce(&mut Writer<Vec<u8>>) -> io::Result<()>) -> String {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    writer
        .write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))
        .and_then(|()| body(&mut writer))
        .expect("writing into memory cannot fail");
    let mut out = String::from_utf8(writer.into_inner()).expect("written from text");
    out.push('\n');
    out
}

/// `<name>text</name>`, on a line of its own.
fn element(w: &mut Writer<Vec<u8>>, name: &str, text: &str) -> io::Result<()> {
    w.create_element(name)
        .write_text_content(BytesText::from_escaped(escape(text)))?;
    Ok(())
}

/// `<link rel="…" type="…" href="…"/>`.
fn link(w: &mut Writer<Vec<u8>>, rel: &str, kind: &str, href: &str) -> io::Result<()> {
    w.create_element("link")
        .with_attributes([
            attribute("rel", rel),
            attribute("type", kind),
            attribute("href", href),
        ])
        .write_empty()?;
    Ok(())
}

/// An attribute whose value is escaped by [`escape`].
fn attribute<'a>(key: &'a str, value: &str) -> Attribute<'a> {
    Attribute {
        key: QName(key),
        value: escape(value).into(),
    }
}

/// Keeps the next tag on the current line: the writer starts a new line for a tag only after
/// another tag, never after text (`<author><name>…</name></author>` stays one line).
fn same_line(w: &mut Writer<Vec<u8>>) -> io::Result<()> {
    w.write_event(Event::Text(BytesText::from_escaped("")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{parse_source, Kind};
    use crate::model::{resolve, Options};
    use crate::render::PageKind;

    /// One article whose title, byline and source name carry every character XML escapes, and
    /// a control character XML cannot carry.
    fn hostile() -> (Dossier, Config) {
        let config = Config::parse(
            "title = \"Q & A <live>\"\ndescription = \"'single' and \\\"double\\\"\"\nbase_url = \"https://example.org/d/\"\nlanguage = \"en-GB\"\n",
        )
        .unwrap();
        let source = parse_source(
            Kind::Source,
            "wire",
            "---\nname: \"Tom & Jerry's <Wire>\"\nkind: wire\n---\n",
        )
        .0
        .unwrap();
        let article = parse_source(
            Kind::Article,
            "talks",
            "---\ntitle: \"Talks & \\\"tea\\\" <b>fail</b>\\x01 'today'\"\nsource: wire\nbyline: \"A < B\"\npublished: 2014-03-14\n---\n\nFirst paragraph & more.\n",
        )
        .0
        .unwrap();
        let (dossier, problems) = resolve(&[&source, &article], Options::default());
        assert!(problems.is_empty(), "{problems:#?}");
        (dossier, config)
    }

    #[test]
    fn the_feed_escapes_text_and_attributes() {
        let (dossier, config) = hostile();
        assert_eq!(
            atom(&dossier, &config),
            r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">
  <title>Q &amp; A &lt;live&gt;</title>
  <subtitle>&#39;single&#39; and &quot;double&quot;</subtitle>
  <link rel="self" type="application/atom+xml" href="https://example.org/d/atom.xml"/>
  <link rel="alternate" type="text/html" href="https://example.org/d/"/>
  <id>https://example.org/d/</id>
  <updated>2014-03-14T00:00:00Z</updated>
  <generator>dossier</generator>
  <entry>
    <title>Talks &amp; &quot;tea&quot; &lt;b&gt;fail&lt;/b&gt; &#39;today&#39;</title>
    <link rel="alternate" type="text/html" href="https://example.org/d/articles/talks/"/>
    <id>https://example.org/d/articles/talks/</id>
    <published>2014-03-14T00:00:00Z</published>
    <updated>2014-03-14T00:00:00Z</updated>
    <author><name>A &lt; B</name></author>
    <category term="wire" label="Tom &amp; Jerry&#39;s &lt;Wire&gt;"/>
    <summary>First paragraph &amp; more.</summary>
  </entry>
</feed>
"#
        );
    }

    #[test]
    fn an_xml_reader_reads_the_values_back_as_written() {
        let (dossier, config) = hostile();
        let feed = atom(&dossier, &config);
        let mut reader = quick_xml::Reader::from_str(&feed);
        // The text of each element, as read: entities and character references resolved.
        // (The line break after the declaration is text outside any element.)
        let (mut open, mut texts, mut labels) = (vec![String::new()], Vec::new(), Vec::new());
        loop {
            match reader.read_event().unwrap() {
                Event::Start(_) => open.push(String::new()),
                Event::End(_) => texts.push(open.pop().unwrap()),
                Event::Text(text) => open.last_mut().unwrap().push_str(&text.xml10_content()),

                Event::GeneralRef(entity) => {
                    let resolved = match entity.resolve_char_ref().unwrap() {
                        Some(c) => c.to_string(),
                        None => {
                            quick_xml::escape::resolve_predefined_entity(&entity.xml10_content())
                                .unwrap()
                                .to_owned()
                        }
                    };
                    open.last_mut().unwrap().push_str(&resolved);
                }
                Event::Empty(tag) if tag.name().as_ref() == "category" => {
                    let label = tag.try_get_attribute("label").unwrap().unwrap();
                    labels.push(
                        label
                            .normalized_value(quick_xml::XmlVersion::Explicit1_0)
                            .unwrap()
                            .into_owned(),
                    );
                }
                Event::Eof => break,
                _ => {}
            }
        }
        assert!(
            texts.contains(&"Talks & \"tea\" <b>fail</b> 'today'".to_owned()),
            "{texts:#?}"
        );
        assert!(texts.contains(&"A < B".to_owned()), "{texts:#?}");
        assert_eq!(labels, ["Tom & Jerry's <Wire>"]);
    }

    #[test]
    fn the_sitemap_lists_every_page_but_the_not_found_page_in_path_order() {
        let (_, config) = hostile();
        let page = |kind, path: &str| PlannedPage {
            kind,
            path: path.to_owned(),
            item: 0,
        };
        let plan = [
            page(PageKind::Article, "articles/talks/index.html"),
            page(PageKind::NotFound, "404.html"),
            page(PageKind::Feed, "atom.xml"),
            page(PageKind::Index, "index.html"),
        ];
        assert_eq!(
            sitemap(&plan, &config),
            r#"<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.org/d/articles/talks/</loc></url>
  <url><loc>https://example.org/d/</loc></url>
</urlset>
"#
        );
        assert_eq!(
            sitemap(&[], &config),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n</urlset>\n"
        );
    }
}
