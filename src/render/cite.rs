//! Citations of the dossier's articles, in one style: Chicago notes-bibliography (17th ed.),
//! the form for news articles. A paragraph's "cite" control shows the note form with the
//! paragraph (the article page gives that form once, for any paragraph); `/bibliography/` lists the bibliography form. The exports at the site root are
//! `bibliography.bib` (BibLaTeX, written and escaped by the `biblatex` crate) and
//! `bibliography.json` (CSL-JSON, written by serde: no crate writes CSL-JSON from data like
//! ours; hayagriva reads it but does not write it).
//!
//! Bylines are free text, so authors are given as the byline writes them (not inverted); an
//! article without a byline is cited under its outlet, as Chicago does for unsigned news.

use biblatex::{Bibliography, Chunk, Entry, EntryType, Spanned};
use serde::Serialize;

use super::context::{ArticleRef, Views};
use crate::model::{Article, PartialDate, Precision};

/// What a citation of one article says.
#[derive(Debug, Clone)]
pub struct Work {
    /// The article's slug: the BibTeX key and the CSL-JSON id.
    pub key: String,
    pub title: String,
    /// The byline without a leading "By ".
    pub byline: Option<String>,
    /// The outlet whose reporting it is.
    pub outlet: String,
    /// The site that republished it, for a republished copy.
    pub via: Option<String>,
    pub published: PartialDate,
    /// The original address, if known.
    pub url: Option<String>,
    /// The dossier's page of the article, absolute (from `base_url`).
    pub page: String,
}

impl Work {
    /// "Reuters", or "Reuters via Daily Example" for a republished copy.
    pub fn container(&self) -> String {
        match &self.via {
            Some(via) => format!("{} via {via}", self.outlet),
            None => self.outlet.clone(),
        }
    }

    /// The note form, citing paragraph `paragraph` (`#pN`) and the dossier's copy of it:
    /// `Reuters, “Title,” March 14, 2014, para. 3, https://…. Dossier copy: https://…#p3.`
    pub fn note(&self, paragraph: usize) -> String {
        self.note_of(&paragraph.to_string())
    }

    /// The note form as HTML for any paragraph, the article page's one "cite a paragraph"
    /// line: the paragraph's number is a `<var>N</var>` wherever it goes, which the theme's
    /// script (or the reader) fills in.
    pub fn note_form_html(&self) -> String {
        // A character no citation holds stands for the number until the text is escaped.
        const NUMBER: &str = "\u{E000}";
        super::markdown::escape(&self.note_of(NUMBER)).replace(NUMBER, "<var>N</var>")
    }

    fn note_of(&self, paragraph: &str) -> String {
        let mut text = self.byline.clone().unwrap_or_else(|| self.container());
        text.push_str(&format!(", “{}", quoted(&self.title, ',')));
        if self.byline.is_some() {
            text.push_str(&format!(" {},", self.container()));
        }
        text.push_str(&format!(
            " {}, para. {paragraph}",
            chicago_date(&self.published)
        ));
        if let Some(url) = &self.url {
            text.push_str(&format!(", {url}"));
        }
        text.push_str(&format!(". Dossier copy: {}#p{paragraph}.", self.page));
        text
    }

    /// The bibliography form: `Reuters. “Title.” March 14, 2014. https://….`
    pub fn entry(&self) -> String {
        let mut text = match &self.byline {
            Some(byline) => format!(
                "{}. “{} {}, {}.",
                byline.trim_end_matches('.'),
                quoted(&self.title, '.'),
                self.container(),
                chicago_date(&self.published)
            ),
            None => format!(
                "{}. “{} {}.",
                self.container(),
                quoted(&self.title, '.'),
                chicago_date(&self.published)
            ),
        };
        if let Some(url) = &self.url {
            text.push_str(&format!(" {url}."));
        }
        text
    }
}

/// The title and its closing quotation mark, with `mark` inside it unless the title ends in
/// its own question or exclamation mark: `Title,”`, `Why?”`.
fn quoted(title: &str, mark: char) -> String {
    let title = title.trim();
    if title.ends_with(['?', '!']) {
        format!("{title}”")
    } else {
        format!("{}{mark}”", title.trim_end_matches(['.', ',']))
    }
}

/// A date as Chicago writes it, at the precision known: "2014", "March 2014", "March 14, 2014".
pub fn chicago_date(date: &PartialDate) -> String {
    let month = date.month().map(PartialDate::month_name);
    match (date.precision(), month, date.day()) {
        (Precision::Year, _, _) | (_, None, _) => date.year().to_string(),
        (Precision::Month, Some(month), _) | (_, Some(month), None) => {
            format!("{month} {}", date.year())
        }
        (_, Some(month), Some(day)) => format!("{month} {day}, {}", date.year()),
    }
}

/// `bibliography.bib`: one BibLaTeX entry per article, keyed by its slug: `@article` with the
/// outlet as `journaltitle`, `@online` for a republished copy (the publisher as
/// `organization`).
pub fn bibtex(works: &[Work]) -> String {
    let mut bibliography = Bibliography::new();
    for work in works {
        let copy = work.via.is_some();
        let kind = if copy {
            EntryType::Online
        } else {
            EntryType::Article
        };
        let mut entry = Entry::new(work.key.clone(), kind);
        let text = |s: &str| vec![Spanned::detached(Chunk::Normal(s.to_owned()))];
        entry.set("title", text(&work.title));
        if let Some(byline) = &work.byline {
            entry.set("author", text(byline));
        }
        if let Some(via) = &work.via {
            entry.set("organization", text(via));
            entry.set("note", text(&format!("Republished from {}", work.outlet)));
        } else {
            entry.set("journaltitle", text(&work.outlet));
        }
        entry.set("date", text(&iso_day(&work.published)));
        let url = work.url.as_deref().unwrap_or(&work.page);
        entry.set("url", text(url));
        bibliography.insert(entry);
    }
    bibliography.to_biblatex_string()
}

/// The date at day precision at most (BibLaTeX dates have no time of day).
fn iso_day(date: &PartialDate) -> String {
    match (date.month(), date.day()) {
        (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", date.year()),
        (Some(m), None) => format!("{:04}-{m:02}", date.year()),
        _ => format!("{:04}", date.year()),
    }
}

/// One CSL-JSON item.
#[derive(Serialize)]
struct CslItem<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    author: Vec<CslName<'a>>,
    #[serde(rename = "container-title")]
    container: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<&'a str>,
    issued: CslDate,
    #[serde(rename = "URL")]
    url: &'a str,
}

#[derive(Serialize)]
struct CslName<'a> {
    literal: &'a str,
}

#[derive(Serialize)]
struct CslDate {
    #[serde(rename = "date-parts")]
    parts: Vec<Vec<i64>>,
}

/// `bibliography.json`: a CSL-JSON array, one `article-newspaper` item per article, the
/// byline as a literal name (it is free text), the outlet (with "via" for a copy) as
/// `container-title`, the publisher of a copy as `publisher`.
pub fn csl_json(works: &[Work]) -> String {
    let items: Vec<CslItem> = works
        .iter()
        .map(|work| {
            let date = &work.published;
            let mut parts = vec![i64::from(date.year())];
            parts.extend(date.month().map(i64::from));
            if date.month().is_some() {
                parts.extend(date.day().map(i64::from));
            }
            CslItem {
                id: &work.key,
                kind: "article-newspaper",
                title: &work.title,
                author: work.byline.iter().map(|b| CslName { literal: b }).collect(),
                container: work.container(),
                publisher: work.via.as_deref(),
                issued: CslDate { parts: vec![parts] },
                url: work.url.as_deref().unwrap_or(&work.page),
            }
        })
        .collect();
    let mut json = serde_json::to_string_pretty(&items).expect("plain data serialises");
    json.push('\n');
    json
}

/// One entry of `/bibliography/`.
#[derive(Debug, Clone, Serialize)]
pub struct BibliographyEntry {
    pub article: ArticleRef,
    /// The entry in plain text.
    pub text: String,
}

impl Views<'_> {
    /// What a citation of `article` says.
    pub fn work(&self, article: &Article) -> Work {
        let byline = article.byline.as_deref().map(|b| {
            let b = b.trim();
            b.strip_prefix("By ")
                .or_else(|| b.strip_prefix("by "))
                .unwrap_or(b)
                .trim()
                .to_owned()
        });
        let name = |slug: &str| {
            self.dossier
                .source(slug)
                .map_or_else(|| slug.to_owned(), |s| s.name.clone())
        };
        Work {
            key: article.slug.clone(),
            title: article.title.clone(),
            byline: byline.filter(|b| !b.is_empty()),
            outlet: name(&article.source),
            via: article
                .publisher
                .as_deref()
                .filter(|p| *p != article.source)
                .map(name),
            published: article.published,
            url: article.url.clone(),
            page: format!(
                "{}{}",
                self.config.base_url,
                super::pages::article::dir(&article.slug)
            ),
        }
    }

    /// Every article's citation, in the dossier's order (newest first).
    pub fn works(&self) -> Vec<Work> {
        self.dossier.articles.iter().map(|a| self.work(a)).collect()
    }

    /// `/bibliography/`: every article, in alphabetical order of its entry.
    pub fn bibliography(&self) -> Vec<BibliographyEntry> {
        let mut entries: Vec<BibliographyEntry> = self
            .dossier
            .articles
            .iter()
            .map(|a| BibliographyEntry {
                article: self.article_ref(a),
                text: self.work(a).entry(),
            })
            .collect();
        entries.sort_by_cached_key(|e| (e.text.to_lowercase(), e.article.slug.clone()));
        entries
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn work(byline: Option<&str>, via: Option<&str>, url: Option<&str>) -> Work {
        Work {
            key: "talks-fail".into(),
            title: "Talks fail".into(),
            byline: byline.map(str::to_owned),
            outlet: "Reuters".into(),
            via: via.map(str::to_owned),
            published: PartialDate::parse("2014-03-14").unwrap(),
            url: url.map(str::to_owned),
            page: "https://example.org/d/articles/talks-fail/".into(),
        }
    }

    #[test]
    fn note_and_entry_forms() {
        let w = work(None, Some("Daily Example"), None);
        assert_eq!(
            w.note(3),
            "Reuters via Daily Example, “Talks fail,” March 14, 2014, para. 3. Dossier copy: https://example.org/d/articles/talks-fail/#p3."
        );
        assert_eq!(
            w.entry(),
            "Reuters via Daily Example. “Talks fail.” March 14, 2014."
        );
        assert_eq!(
            w.note_form_html(),
            "Reuters via Daily Example, “Talks fail,” March 14, 2014, para. <var>N</var>. Dossier copy: https://example.org/d/articles/talks-fail/#p<var>N</var>."
        );
        let w = work(Some("Ann Li"), None, Some("https://r.example/x"));
        assert_eq!(
            w.note(1),
            "Ann Li, “Talks fail,” Reuters, March 14, 2014, para. 1, https://r.example/x. Dossier copy: https://example.org/d/articles/talks-fail/#p1."
        );
        assert_eq!(
            w.entry(),
            "Ann Li. “Talks fail.” Reuters, March 14, 2014. https://r.example/x."
        );
    }

    #[test]
    fn dates_at_their_precision() {
        let d = |s| chicago_date(&PartialDate::parse(s).unwrap());
        assert_eq!(d("2014"), "2014");
        assert_eq!(d("2014-03"), "March 2014");
        assert_eq!(d("2014-03-14T18:30:00Z"), "March 14, 2014");
    }

    #[test]
    fn bibtex_escapes_and_parses_back() {
        let mut w = work(Some("Ann Li and Bo Ek"), None, None);
        w.title = "50% {of} $votes & #more_ \\ here".into();
        let bib = bibtex(&[w.clone()]);
        let parsed = Bibliography::parse(&bib).expect(&bib);
        let entry = parsed.get("talks-fail").unwrap();
        let title: String = entry
            .title()
            .unwrap()
            .iter()
            .map(|c| c.v.get().to_owned())
            .collect();
        assert_eq!(title, w.title);
        assert_eq!(entry.author().unwrap().len(), 2);
    }
}
