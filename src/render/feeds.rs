//! The machine-readable files: the Atom feed of articles and the sitemap, with absolute URLs
//! from `base_url` (the only place besides canonical links where they are needed).

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
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n  <title>{}</title>\n  <subtitle>{}</subtitle>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\"{base}{feed}\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"{base}\"/>\n  <id>{base}</id>\n  <updated>{updated}</updated>\n  <generator>dossier</generator>\n",
        escape(&config.language),
        escape(&config.title),
        escape(&config.description),
        base = escape(base),
        feed = super::pages::feed::PATH,
    );
    for article in &dossier.articles {
        let url = format!("{base}{}", super::pages::article::dir(&article.slug));
        let source = dossier
            .source(&article.source)
            .map_or(article.source.as_str(), |s| s.name.as_str());
        let author = article.byline.as_deref().unwrap_or(source);
        let summary = article
            .summary
            .clone()
            .unwrap_or_else(|| article.paragraphs.first().cloned().unwrap_or_default());
        out.push_str(&format!(
            "  <entry>\n    <title>{}</title>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>\n    <id>{url}</id>\n    <published>{date}</published>\n    <updated>{date}</updated>\n    <author><name>{}</name></author>\n    <category term=\"{}\" label=\"{}\"/>\n    <summary>{}</summary>\n  </entry>\n",
            escape(&article.title),
            escape(author),
            escape(&article.source),
            escape(source),
            escape(&summary),
            url = escape(&url),
            date = article.published.rfc3339(),
        ));
    }
    out.push_str("</feed>\n");
    out
}

/// `sitemap.xml`: every HTML page but the not-found page.
pub fn sitemap(plan: &[PlannedPage], config: &Config) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    let mut paths: Vec<&str> = plan
        .iter()
        .map(|p| p.path.as_str())
        .filter(|p| p.ends_with("index.html"))
        .collect();
    paths.sort_unstable();
    for path in paths {
        let dir = path.strip_suffix("index.html").unwrap_or(path);
        out.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            escape(&format!("{}{dir}", config.base_url))
        ));
    }
    out.push_str("</urlset>\n");
    out
}
