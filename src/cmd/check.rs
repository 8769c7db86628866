//! `dossier check`: every validation of `build`, every page rendered, and every internal link
//! and anchor of the rendered pages verified, without writing anything.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::render::links::{self, PageLinks};
use crate::render::Renderer;
use crate::{LoadOptions, Site};

/// Returns the warnings when the dossier would build; every problem otherwise.
pub fn check(root: &Path, options: &LoadOptions) -> Result<Vec<Diagnostic>, Vec<Diagnostic>> {
    let site = Site::load(root, options)?;
    let plan = site.plan().map_err(|d| vec![d])?;
    let renderer = Renderer::of(&site, &plan.pages, false);
    let rendered: Vec<Result<(String, PageLinks), Diagnostic>> = plan
        .pages
        .par_iter()
        .map(|page| {
            let bytes = renderer.render(page)?;
            let found = if page.path.ends_with(".html") {
                links::extract(&String::from_utf8_lossy(&bytes))
            } else {
                PageLinks::default()
            };
            Ok((page.path.clone(), found))
        })
        .collect();
    let mut pages = HashMap::new();
    let mut problems = Vec::new();
    for result in rendered {
        match result {
            Ok((path, found)) => {
                pages.insert(path, found);
            }
            Err(problem) => problems.push(problem),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let assets: HashSet<String> = plan.assets.into_iter().map(|a| a.path).collect();
    let prefixes: &[&str] = if site.config.search {
        &["pagefind/"]
    } else {
        &[]
    };
    let broken = links::check(&pages, &assets, prefixes);
    if broken.is_empty() {
        let mut reported = site.warnings.clone();
        reported.extend(uncertain_quotes(&site));
        reported.extend(capped_passages(&site));
        Ok(reported)
    } else {
        Err(broken)
    }
}

/// A note for every quote whose speaker a rule left uncertain, at the quote in its file.
fn uncertain_quotes(site: &Site) -> Vec<Diagnostic> {
    let d = &site.dossier;
    let mut notes = Vec::new();
    for (index, quotes) in site.analysis.quotes.iter().enumerate() {
        let article = &d.articles[index];
        let uncertain: Vec<_> = quotes.iter().filter(|q| q.uncertain()).collect();
        if uncertain.is_empty() {
            continue;
        }
        let text = std::fs::read_to_string(site.root.join(&article.path)).unwrap_or_default();
        for quote in uncertain {
            let names: Vec<&str> = quote
                .candidates
                .iter()
                .map(|&a| d.actors[a].name.as_str())
                .collect();
            let (line, column) = locate(&text, article, quote);
            let short: String = quote.text.chars().take(60).collect();
            let ellipsis = if short.len() < quote.text.len() {
                "…"
            } else {
                ""
            };
            notes.push(
                Diagnostic::note(
                    &article.path,
                    format!(
                        "quote “{short}{ellipsis}” — speaker uncertain (candidates: {}); confirm with quotes: in the front matter",
                        names.join(", ")
                    ),
                )
                .at(&text, line, column)
                .with_hint(format!(
                    "add `quotes: [{{text: \"{short}\", by: {}}}]` (or `by: unattributed`, or `reject: true` if it is no quote)",
                    d.actors[quote.candidates[0]].slug
                )),
            );
        }
    }
    notes
}

/// One note when articles share passages with more others than
/// [`MAX_PAIRS_PER_ARTICLE`](crate::analyse::passages::MAX_PAIRS_PER_ARTICLE), at the first of
/// them: which pairs were kept and how many were left out.
fn capped_passages(site: &Site) -> Option<Diagnostic> {
    use crate::analyse::passages::MAX_PAIRS_PER_ARTICLE;
    let capped = &site.analysis.pairs_capped;
    let &(first, pairs) = capped.articles.first()?;
    Some(
        Diagnostic::note(
            &site.dossier.articles[first].path,
            format!(
                "{} articles share passages with more than {MAX_PAIRS_PER_ARTICLE} others each (this one with {pairs}); each keeps {MAX_PAIRS_PER_ARTICLE}: {} pairs are left out",
                capped.articles.len(),
                capped.pairs
            ),
        )
        .with_hint(
            "an article keeps its pairs with the articles of its events first, then those that share the most of its words; the pages and dossier.json show the pairs kept",
        ),
    )
}

/// The line and column of `quote` in the file `text`: where its first words stand at or after
/// its paragraph's first line; the paragraph's start when they cannot be found as written
/// (smart punctuation changes quote marks and apostrophes).
fn locate(
    text: &str,
    article: &crate::model::Article,
    quote: &crate::analyse::Quote,
) -> (usize, usize) {
    let start_line = quote
        .paragraph
        .checked_sub(1)
        .and_then(|p| article.paragraph_lines.get(p))
        .copied()
        .unwrap_or(article.body_line);
    let offset: usize = text
        .lines()
        .take(start_line.saturating_sub(1))
        .map(|l| l.len() + 1)
        .sum();
    let probe: String = quote
        .text
        .chars()
        .take_while(|c| !matches!(c, '’' | '‘' | '“' | '”' | '"' | '\'' | '—' | '–' | '…'))
        .take(40)
        .collect();
    let found = (probe.len() >= 8)
        .then(|| text.get(offset..).and_then(|rest| rest.find(&probe)))
        .flatten()
        .map(|k| offset + k);
    match found {
        Some(at) => {
            let line = text[..at].matches('\n').count() + 1;
            let line_start = text[..at].rfind('\n').map_or(0, |k| k + 1);
            (line, text[line_start..at].chars().count() + 1)
        }
        None => (start_line, 1),
    }
}
