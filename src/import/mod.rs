//! The import stage: raw text copied off a web page → a [`Draft`] article, a pure function of
//! the text and of the dossier's known sources and actors ([`Known`]). `dossier import`
//! (`cmd::import`) reads the inputs, runs [`draft`] on each, and writes the files that
//! [`output`] makes.
//!
//! Copied text has the headline first, then the article mixed with the page's furniture:
//! share buttons, navigation, captions, credits, form fields, dates of the page and of the
//! copy, and sometimes a paragraph printed twice. The draft is made in four steps:
//!
//! 1. [`text`]: one paragraph per line (web copy is not wrapped), or per block when the text
//!    looks hard-wrapped.
//! 2. [`classify`]: small named rules, one per kind of furniture, each with its tests beside
//!    it, in files by concern ([`boilerplate`]: the page's furniture by its shape,
//!    [`prompts`]: reader prompts and comment headings, [`credits`]: credit lines, bylines
//!    and picture credits, [`dates`]: date lines and times without a date). A rule removes a
//!    line and may leave a *clue* (a credit, the site, a date).
//! 3. [`layout`]: rules by position — the headline, the page's header above and around it,
//!    the comment section and the tail after the text.
//! 4. [`draft`]: the title, repeated runs, the short lines after the text, and the front
//!    matter decided from the clues ([`sources`]: `source` and `publisher`, [`dates`]:
//!    `published`, [`names`]: the known actors mentioned and names of people who are not
//!    actors yet). Every field says whether it was detected (and from what) or is a `TODO`.
//!
//! The rules are measured on pages of kinds of site they were not written from:
//! `tests/import/corpus/`, run by `tests/import.rs`.

mod boilerplate;
mod credits;
mod dates;
#[cfg(test)]
mod fixture;
mod known;
mod layout;
mod names;
pub mod output;
mod prompts;
mod sources;
mod text;

pub use known::Known;

use self::boilerplate::{
    breadcrumb, caption_label, disclaimer, doubled_line, follow_handle, form_field, metadata,
    navigation_heading, navigation_link, page_furniture, photo_caption, separator, share_prompt,
};
use self::credits::{
    by_line, dateline_credit, reporters_in_places, reporting_credits, source_label,
    standalone_outlet,
};
use self::dates::{date_line, decide_published, sectioned_date_line, DateLine};
use self::known::url_host;
use self::names::{known_actors, person_candidates};
use self::sources::{
    address_line, cited_sources, decide_source, is_social_host, strip_site_suffix,
};
use self::text::{
    blocks, headline_like, is_prose, normalise_lines, repeated_runs, same_headline,
    split_paragraphs, tail_debris, word_count, Para,
};

/// A field of the draft: its value when detected, and how it was found (or why not).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guess {
    pub value: Option<String>,
    pub note: String,
}

impl Guess {
    fn found(value: impl Into<String>, note: impl Into<String>) -> Guess {
        Guess {
            value: Some(value.into()),
            note: note.into(),
        }
    }
    fn todo(note: impl Into<String>) -> Guess {
        Guess {
            value: None,
            note: note.into(),
        }
    }
}

/// A line taken out of the text, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    /// 1-based line of the input.
    pub line: usize,
    pub text: String,
    pub reason: &'static str,
}

/// A block of the body: a paragraph, or a list (bullets in the input).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(String),
    List(Vec<String>),
}

/// Everything the import found in one input.
#[derive(Debug, Clone)]
pub struct Draft {
    pub title: Guess,
    pub source: Guess,
    pub publisher: Guess,
    pub published: Guess,
    pub byline: Option<Guess>,
    pub url: Option<Guess>,
    pub body: Vec<Block>,
    pub removed: Vec<Removed>,
    /// Known actors mentioned, as `(slug, count)`, in order of first mention.
    pub actors: Vec<(String, usize)>,
    /// Names that look like people and match no actor.
    pub candidates: Vec<String>,
    /// Sources cited inside the text ("the Reuters news agency reported"), with the line.
    pub cited: Vec<(String, usize)>,
}

impl Draft {
    pub fn paragraph_count(&self) -> usize {
        self.body
            .iter()
            .map(|b| match b {
                Block::Paragraph(_) => 1,
                Block::List(items) => items.len(),
            })
            .sum()
    }

    /// Required fields left as `TODO`.
    pub fn todo_count(&self) -> usize {
        [&self.title, &self.source, &self.published]
            .iter()
            .filter(|g| g.value.is_none())
            .count()
    }
}

/// What a rule says about a line: why it goes, what it tells, and what it takes with it.
#[derive(Debug, Clone, PartialEq)]
struct Verdict {
    reason: &'static str,
    clues: Vec<Clue>,
    then: Then,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Then {
    /// Only this line goes.
    Nothing,
    /// The next paragraph goes too (the caption under a "PHOTO CAPTION" label).
    DropNext,
    /// The headline-like lines that follow go too, up to the next sentence (the links under
    /// "Related Articles").
    DropHeadlines,
}

/// What a removed line tells about the article.
#[derive(Debug, Clone, PartialEq)]
enum Clue {
    /// An outlet credited with the reporting, as written ("Associated Press").
    Credit(String),
    /// An author.
    Byline(String),
    /// The site the text was copied from, by name ("The Iran Project") or handle.
    Site(String),
    /// An address (URL) printed with the text.
    Address(String),
    Date(DateLine),
}

impl Verdict {
    fn drop(reason: &'static str) -> Verdict {
        Verdict {
            reason,
            clues: Vec::new(),
            then: Then::Nothing,
        }
    }
    fn with(mut self, clue: Clue) -> Verdict {
        self.clues.push(clue);
        self
    }
    fn then(mut self, then: Then) -> Verdict {
        self.then = then;
        self
    }
}

/// Drafts an article from `text`. `Err` says why nothing can be drafted (an empty file, or
/// nothing left once the furniture is removed).
pub fn draft(text: &str, known: &Known) -> Result<Draft, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines = normalise_lines(text);
    let paras = split_paragraphs(&lines);
    if paras.is_empty() {
        return Err("the file is empty: there is no headline or text to import".to_owned());
    }

    // 1. Line rules; removed lines leave their clues.
    let mut keep: Vec<bool> = vec![true; paras.len()];
    let mut removed: Vec<Removed> = Vec::new();
    let mut clues: Vec<(usize, String, Clue)> = Vec::new();
    let remove = |removed: &mut Vec<Removed>, para: &Para, reason: &'static str| {
        removed.push(Removed {
            line: para.line,
            text: para.text.clone(),
            reason,
        })
    };
    let mut i = 0;
    // Whether a paragraph of text has been seen: above it, a link block is a menu and must
    // not take the headline with it.
    let mut seen_text = false;
    while i < paras.len() {
        let para = &paras[i];
        let Some(verdict) = classify(&para.text, known) else {
            if let Some(outlet) = dateline_credit(&para.text) {
                clues.push((para.line, para.text.clone(), Clue::Credit(outlet)));
            }
            seen_text |= is_prose(&para.text) && word_count(&para.text) >= 8;
            i += 1;
            continue;
        };
        keep[i] = false;
        remove(&mut removed, para, verdict.reason);
        for clue in verdict.clues {
            clues.push((para.line, para.text.clone(), clue));
        }
        match verdict.then {
            Then::Nothing => {}
            Then::DropNext => {
                if let Some(next) = paras.get(i + 1) {
                    if classify(&next.text, known).is_none() && word_count(&next.text) <= 60 {
                        keep[i + 1] = false;
                        remove(&mut removed, next, "photo caption (under a caption label)");
                        i += 1;
                    }
                }
            }
            Then::DropHeadlines => {
                while let Some(next) = paras.get(i + 1) {
                    let question = next.text.ends_with('?') && word_count(&next.text) <= 10;
                    if is_prose(&next.text) && !question || classify(&next.text, known).is_some() {
                        break;
                    }
                    // Above the text, a line that a byline or date follows is the headline.
                    let headed = paras.get(i + 2).is_some_and(|after| {
                        classify(&after.text, known).is_some_and(|v| {
                            matches!(v.reason, "date line" | "byline")
                                || after.text.to_lowercase().starts_with("by ")
                        })
                    });
                    if !seen_text && headed {
                        break;
                    }
                    keep[i + 1] = false;
                    remove(
                        &mut removed,
                        next,
                        "link to another story (under a navigation heading)",
                    );
                    i += 1;
                }
            }
        }
        i += 1;
    }

    // 2. The page's layout: its header above and around the headline, the comment section
    //    and the tail after the text.
    let mut reasons: Vec<Option<&'static str>> = paras
        .iter()
        .map(|p| removed.iter().find(|r| r.line == p.line).map(|r| r.reason))
        .collect();
    let mut page = layout::Page {
        paras: &paras,
        keep: &mut keep,
        reasons: &mut reasons,
    };
    let text_start = page.first_text();
    if let Some(headline) = page.headline(text_start) {
        page.header(headline, text_start);
    }
    if let Some(text) = text_start {
        if let Some(start) = page.comments(text) {
            // Dates and names in comments are the commenters'.
            clues.retain(|(line, _, _)| *line <= paras[start].line);
        }
        page.tail(text);
    }
    for (i, reason) in reasons.iter().enumerate() {
        if let Some(reason) = reason {
            if !removed.iter().any(|r| r.line == paras[i].line) {
                remove(&mut removed, &paras[i], reason);
            }
        }
    }

    // 3. The headline: the first line left, if it reads as one.
    let first = keep.iter().position(|&k| k);
    let title_index = first.filter(|&i| !paras[i].bullet && headline_like(&paras[i].text));
    let mut title = match title_index {
        Some(i) => {
            keep[i] = false;
            let (headline, site) = strip_site_suffix(&paras[i].text, known);
            if let Some(site) = site {
                clues.push((paras[i].line, paras[i].text.clone(), Clue::Site(site)));
            }
            removed.push(Removed {
                line: paras[i].line,
                text: paras[i].text.clone(),
                reason: "headline (now the title)",
            });
            Guess::found(
                headline,
                format!("detected: the headline (line {})", paras[i].line),
            )
        }
        None => match first {
            Some(i) => Guess::todo(format!(
                "not detected: the first line ({}) reads as a sentence, not a headline",
                paras[i].line
            )),
            None => {
                let mut reasons: Vec<&str> = removed.iter().map(|r| r.reason).collect();
                reasons.dedup();
                return Err(format!(
                    "nothing is left to import once page furniture is removed ({} lines: {})",
                    removed.len(),
                    reasons.join(", ")
                ));
            }
        },
    };
    if let Some(headline) = title.value.clone() {
        for (i, para) in paras.iter().enumerate() {
            if keep[i] && same_headline(&para.text, &headline) {
                keep[i] = false;
                remove(&mut removed, para, "repeated headline");
            }
        }
    }

    // 4. Short lines after the last sentence are page furniture.
    if let Some(last) = (0..paras.len())
        .rev()
        .find(|&i| keep[i] && (paras[i].bullet || is_prose(&paras[i].text)))
    {
        for i in last + 1..paras.len() {
            if keep[i] && tail_debris(&paras[i].text) {
                keep[i] = false;
                remove(
                    &mut removed,
                    &paras[i],
                    "short line after the end of the text",
                );
            }
        }
    }

    // 5. A run of paragraphs printed twice is kept once.
    let kept: Vec<usize> = (0..paras.len()).filter(|&i| keep[i]).collect();
    let texts: Vec<&str> = kept.iter().map(|&i| paras[i].text.as_str()).collect();
    for (start, len, _) in repeated_runs(&texts) {
        for &i in &kept[start..start + len] {
            keep[i] = false;
            removed.push(Removed {
                line: paras[i].line,
                text: paras[i].text.clone(),
                reason: if len == 1 {
                    "repeated paragraph"
                } else {
                    "repeated run of paragraphs"
                },
            });
        }
    }
    removed.sort_by_key(|r| r.line);

    let body_paras: Vec<&Para> = (0..paras.len())
        .filter(|&i| keep[i])
        .map(|i| &paras[i])
        .collect();
    if body_paras.is_empty() {
        return Err(format!(
            "only a headline was found ({}); there is no article text to import",
            title.value.as_deref().unwrap_or("")
        ));
    }

    // 6. Sources cited in the text.
    let mut cited: Vec<(String, usize)> = Vec::new();
    let mut lead_cite: Option<(String, usize, String)> = None;
    for (n, para) in body_paras.iter().enumerate() {
        for (slug, phrase) in cited_sources(&para.text, known) {
            if n == 0 && lead_cite.is_none() {
                lead_cite = Some((slug.clone(), para.line, phrase));
            }
            if !cited.iter().any(|(s, _)| *s == slug) {
                cited.push((slug, para.line));
            }
        }
    }

    // 7. Fields from the clues.
    let title_line = title_index.map(|i| paras[i].line).unwrap_or(0);
    let (source, publisher) = decide_source(&clues, lead_cite.as_ref(), known);
    cited.retain(|(slug, _)| Some(slug) != source.value.as_ref());
    // The line right above the headline, unless it is the page's first.
    let above_title = title_index
        .and_then(|i| i.checked_sub(1))
        .map(|j| paras[j].line)
        .filter(|&line| line > 1);
    let published = decide_published(&clues, title_line, above_title);
    let byline = clues.iter().find_map(|(line, _, clue)| match clue {
        Clue::Byline(name) => Some(Guess::found(
            name.clone(),
            format!("detected: a byline (line {line})"),
        )),
        _ => None,
    });
    let url = clues.iter().find_map(|(line, _, clue)| match clue {
        Clue::Address(url) if !url_host(url).is_some_and(|h| is_social_host(&h)) => {
            Some(Guess::found(
                url.clone(),
                format!("detected: the address printed with the text (line {line}); the page the text was copied from"),
            ))
        }
        _ => None,
    });
    if title.value.is_none() {
        title.note.push_str("; write the headline");
    }

    // 8. The body, and who is in it.
    let body = blocks(&body_paras);
    let mut texts: Vec<&str> = Vec::new();
    if let Some(t) = &title.value {
        texts.push(t);
    }
    texts.extend(body_paras.iter().map(|p| p.text.as_str()));
    let actors = known_actors(&texts, known);
    let candidates = person_candidates(&texts, known);

    Ok(Draft {
        title,
        source,
        publisher,
        published,
        byline,
        url,
        body,
        removed,
        actors,
        candidates,
        cited,
    })
}

/// The first rule that removes `text`, if any.
fn classify(text: &str, known: &Known) -> Option<Verdict> {
    if separator(text) {
        return Some(Verdict::drop("separator"));
    }
    if let Some(date) = date_line(text) {
        return Some(Verdict::drop("date line").with(Clue::Date(date)));
    }
    if dates::time_stamp(text) {
        return Some(Verdict::drop("time stamp"));
    }
    if let Some(date) = dates::place_and_date(text) {
        return Some(Verdict::drop("date line").with(Clue::Date(date)));
    }
    if let Some(url) = address_line(text) {
        return Some(Verdict::drop("address of the page").with(Clue::Address(url.to_owned())));
    }
    if let Some(names) = source_label(text) {
        let mut verdict = Verdict::drop("credit line");
        for name in names {
            verdict = verdict.with(Clue::Credit(name.to_owned()));
        }
        return Some(verdict);
    }
    if let Some(clues) = credits::handled_byline(text, known) {
        let mut verdict = Verdict::drop("byline");
        verdict.clues = clues;
        return Some(verdict);
    }
    if let Some(clues) = by_line(text, known) {
        let mut verdict = Verdict::drop("credit line");
        verdict.clues = clues;
        return Some(verdict);
    }
    if let Some(date) = sectioned_date_line(text) {
        let mut verdict = Verdict::drop("date line").with(Clue::Date(date));
        for part in text.split(['|', '•']) {
            if known.source_named(part.trim()).is_some() {
                verdict = verdict.with(Clue::Credit(part.trim().to_owned()));
            }
        }
        return Some(verdict);
    }
    if let Some(clues) = credits::header_line(text, known) {
        let mut verdict = Verdict::drop("date line");
        verdict.clues = clues;
        return Some(verdict);
    }
    if let Some(names) = reporting_credits(text) {
        let mut verdict = Verdict::drop("reporting credits");
        if let Some(first) = names.first() {
            verdict = verdict.with(Clue::Byline(first.clone()));
        }
        return Some(verdict);
    }
    if let Some(names) = reporters_in_places(text) {
        return Some(Verdict::drop("byline").with(Clue::Byline(names.join(", "))));
    }
    if let Some(clues) = credits::labelled_byline(text, known) {
        let mut verdict = Verdict::drop("byline");
        verdict.clues = clues;
        return Some(verdict);
    }
    if let Some(name) = standalone_outlet(text, known) {
        return Some(Verdict::drop("credit line").with(Clue::Credit(name.to_owned())));
    }
    if let Some(clue) = credits::attribution(text, known) {
        return Some(Verdict::drop("credit line").with(clue));
    }
    if credits::handle_line(text) {
        return Some(Verdict::drop("byline"));
    }
    if share_prompt(text) {
        let verdict = Verdict::drop("share or follow prompt");
        return Some(match follow_handle(text) {
            Some(handle) => verdict.with(Clue::Site(handle.to_owned())),
            None => verdict,
        });
    }
    if caption_label(text) {
        return Some(Verdict::drop("caption label").then(Then::DropNext));
    }
    if photo_caption(text) {
        return Some(Verdict::drop("photo caption"));
    }
    if credits::credited_caption(text) {
        return Some(Verdict::drop("picture credit"));
    }
    if doubled_line(text) {
        return Some(Verdict::drop(
            "caption printed twice (image text and caption)",
        ));
    }
    if navigation_heading(text) {
        return Some(Verdict::drop("navigation").then(Then::DropHeadlines));
    }
    if navigation_link(text) {
        return Some(Verdict::drop("navigation"));
    }
    if prompts::comment_heading(text) {
        return Some(Verdict::drop("comment section"));
    }
    if form_field(text) {
        return Some(Verdict::drop("form field"));
    }
    if page_furniture(text) {
        return Some(Verdict::drop("page furniture"));
    }
    if prompts::reader_prompt(text) || prompts::reader_question(text) {
        return Some(Verdict::drop("reader prompt"));
    }
    if metadata(text) {
        return Some(Verdict::drop("page metadata"));
    }
    if breadcrumb(text) {
        return Some(Verdict::drop("breadcrumb"));
    }
    if let Some(site) = disclaimer(text) {
        let verdict = Verdict::drop("disclaimer");
        return Some(match site {
            Some(site) => verdict.with(Clue::Site(site)),
            None => verdict,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::fixture::{body_texts, known, STORY};
    use crate::import::output::render;
    use std::path::Path;

    #[test]
    fn empty_and_blank_files_are_refused() {
        assert!(draft("", &known()).unwrap_err().contains("empty"));
        assert!(draft(" \n\u{a0}\n\t\n", &known())
            .unwrap_err()
            .contains("empty"));
    }

    #[test]
    fn only_furniture_is_refused() {
        let err = draft("Share this\nYour Name\nYour Email Address\n", &known()).unwrap_err();
        assert!(err.contains("nothing is left"), "{err}");
        let err = draft("A headline alone\n", &known()).unwrap_err();
        assert!(err.contains("only a headline"), "{err}");
    }

    #[test]
    fn headline_becomes_the_title_and_its_repeats_go() {
        let text = format!(
            "Doe arrives in Ruritania for talks\n\nDoe arrives in Ruritania for talks\n{STORY}"
        );
        let d = draft(&text, &known()).unwrap();
        assert_eq!(
            d.title.value.as_deref(),
            Some("Doe arrives in Ruritania for talks")
        );
        assert!(d.title.note.contains("line 1"));
        assert_eq!(body_texts(&d).len(), 2);
        assert_eq!(
            d.removed
                .iter()
                .filter(|r| r.reason == "repeated headline")
                .count(),
            2
        );
    }

    #[test]
    fn a_sentence_first_is_not_a_title() {
        let d = draft(
            "Jane Doe arrived in Ruritania on Thursday.\n\nShe met John Roe.\n",
            &known(),
        )
        .unwrap();
        assert_eq!(d.title.value, None);
        assert_eq!(body_texts(&d).len(), 2);
    }

    #[test]
    fn odd_input_never_panics() {
        let pieces = [
            "By",
            "by:",
            "Source",
            "( Source : )",
            "(",
            ")",
            "@",
            "İSTANBUL (AP) -",
            "ǅ",
            "😀",
            "• ",
            "•",
            "1. x",
            "2014.",
            "---",
            "Published:",
            "12:99",
            "31/31/2014",
            "a | b | c",
            "Related",
            "PHOTO CAPTION",
            "Kerry: 2",
            "’s",
            "«",
            "\u{a0}",
            "x x",
            "Ab Ab",
            "https://",
            "www.",
            "© ",
            "Mr",
            "The The The",
            "\\",
            "*",
            "<",
            "[a](b)",
        ];
        let k = known();
        let mut seed = 7u64;
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..12 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let piece = pieces[(seed >> 33) as usize % pieces.len()];
                text.push_str(piece);
                text.push(if seed & 1 == 0 { '\n' } else { ' ' });
            }
            if let Ok(d) = draft(&text, &k) {
                let _ = render(&d, Path::new("x.txt"));
            }
        }
    }

    #[test]
    fn subheadings_inside_the_text_stay() {
        let text = "Talks end\n\nFirst sentence of the story.\n\nStaff threatened\n\nLast sentence of the story.\n";
        let d = draft(text, &known()).unwrap();
        assert_eq!(body_texts(&d).len(), 3);
    }
}
