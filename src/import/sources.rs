//! Which outlet the article is from: the `source` and `publisher` decided from the clues the
//! rules left (credits, the site's name, its address), the site's name after a headline
//! ("Headline | Section | Site"), a page's address on a line of its own, and the sources the
//! text cites as reporting ("…, Reuters reported").

use super::known::{same_site, url_host};
use super::output::shorten;
use super::text::word_count;
use super::{Clue, Guess, Known};
use crate::load::slugify;

/// Chooses `source` and `publisher` from the clues. A credit line names the source; the
/// site's own name (address, handle, disclaimer, headline suffix) names the publisher when
/// it differs, or the source when nothing else is credited; a source cited in the first
/// paragraph ("…, Reuters reported.") is the last resort.
pub(super) fn decide_source(
    clues: &[(usize, String, Clue)],
    lead_cite: Option<&(String, usize, String)>,
    known: &Known,
) -> (Guess, Guess) {
    let mut credits: Vec<(usize, &str, &str, Option<&str>)> = Vec::new();
    let mut sites: Vec<(usize, &str, String, Option<&str>)> = Vec::new();
    for (line, text, clue) in clues {
        match clue {
            Clue::Credit(name) => {
                credits.push((*line, text, name, known.source_named(name)));
            }
            Clue::Site(name) => sites.push((*line, text, name.clone(), known.source_named(name))),
            Clue::Address(url) => {
                if let Some(host) = url_host(url) {
                    if !is_social_host(&host) {
                        let slug = known.source_at_host(&host);
                        sites.push((*line, text, host, slug));
                    }
                }
            }
            _ => {}
        }
    }
    let known_list = || {
        let slugs = known.source_slugs();
        if slugs.is_empty() {
            "content/sources/ has no source yet".to_owned()
        } else {
            format!("known sources: {}", slugs.join(", "))
        }
    };
    let site = sites.iter().find(|s| s.3.is_some());
    let source = if let Some((line, text, _, Some(slug))) = credits.iter().find(|c| c.3.is_some()) {
        Guess::found(
            *slug,
            format!("detected: credit \"{}\" (line {line})", shorten(text, 60)),
        )
    } else if let Some((line, text, _, Some(slug))) = site {
        Guess::found(
            *slug,
            format!(
                "detected: the site's own name in \"{}\" (line {line}); no other credit",
                shorten(text, 60)
            ),
        )
    } else if let Some((slug, line, phrase)) = lead_cite {
        Guess::found(
            slug.clone(),
            format!("detected (weak): \"{phrase}\" in the first paragraph (line {line}); no credit line"),
        )
    } else if let Some((line, _, name, _)) = credits.first() {
        Guess::todo(format!(
            "the credit \"{name}\" (line {line}) matches no source: create it with `dossier new source {}` or pick one; {}",
            slugify(name),
            known_list()
        ))
    } else if let Some((line, _, name, _)) = sites.first() {
        Guess::todo(format!(
            "no credit; the page is from \"{name}\" (line {line}), which matches no source: create it with `dossier new source {}` or pick one; {}",
            slugify(name.split('.').next().unwrap_or(name)),
            known_list()
        ))
    } else {
        Guess::todo(format!(
            "not detected: no credit in the text; {}",
            known_list()
        ))
    };
    let publisher = match site {
        Some((line, text, _, Some(slug))) if source.value.as_deref() != Some(*slug) => {
            Guess::found(
                *slug,
                format!(
                    "detected: the site that republished it, from \"{}\" (line {line})",
                    shorten(text, 60)
                ),
            )
        }
        Some(_) => Guess::todo("none: the site is the source's own"),
        None => match sites.first() {
            Some((line, _, name, None)) => Guess::todo(format!(
                "the text names the site \"{name}\" (line {line}), which matches no source; optional"
            )),
            _ => Guess::todo("none detected; optional: the site that republished the text"),
        },
    };
    (source, publisher)
}

/// A headline ending in " | Section | Site", or in " - Site" where Site is a known source:
/// the headline without it, and the site.
pub(super) fn strip_site_suffix(title: &str, known: &Known) -> (String, Option<String>) {
    // "Headline | Section | Site": short segments after a bar are the page's, whatever
    // the site.
    let segments: Vec<&str> = title.split(" | ").map(str::trim).collect();
    if segments.len() >= 2
        && word_count(segments[0]) >= 3
        && segments[1..]
            .iter()
            .all(|s| (1..=4).contains(&word_count(s)))
    {
        let site = segments.last().expect("two or more").to_string();
        return (segments[0].to_owned(), Some(site));
    }
    // "Headline - Site" only for a known source: dashes are common inside headlines.
    for separator in [" | ", " - ", " – ", " — "] {
        if let Some((head, tail)) = title.rsplit_once(separator) {
            if word_count(tail) <= 4 && known.source_named(tail).is_some() && word_count(head) >= 2
            {
                return (head.trim().to_owned(), Some(tail.trim().to_owned()));
            }
        }
    }
    (title.to_owned(), None)
}

/// A whole line that is an address: "https://example.org/a.html", "www.example.org".
pub(super) fn address_line(text: &str) -> Option<&str> {
    let t = text.trim_matches(|c| matches!(c, '<' | '>' | '(' | ')' | '[' | ']'));
    let is_url = (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
        && !t.contains(' ');
    is_url.then_some(t)
}

pub(super) fn is_social_host(host: &str) -> bool {
    #[rustfmt::skip]
    const SOCIAL: &[&str] = &[
        "twitter.com", "x.com", "facebook.com", "fb.com", "instagram.com", "t.me", "telegram.me",
        "youtube.com", "youtu.be", "linkedin.com", "wa.me", "whatsapp.com", "tiktok.com",
        "reddit.com", "pinterest.com",
    ];
    SOCIAL.iter().any(|s| same_site(host, s))
}

/// The sources named as reporting inside a paragraph: "Reuters reported", "the Reuters news
/// agency reported", "according to Reuters". Returns `(slug, phrase)`.
pub(super) fn cited_sources(text: &str, known: &Known) -> Vec<(String, String)> {
    const VERBS: &[&str] = &["reported", "reports", "said", "says", "quoted", "cited"];
    const FILLERS: &[&str] = &["news agency", "agency", "wire service", "newspaper"];
    let mut out: Vec<(String, String)> = Vec::new();
    for source in &known.dossier.sources {
        let names = std::iter::once(&source.name).chain(source.aliases.iter());
        for name in names {
            if name.chars().count() < 2 {
                continue;
            }
            for (at, _) in text.match_indices(name.as_str()) {
                let end = at + name.len();
                let before = text[..at].chars().next_back();
                let after = text[end..].chars().next();
                if before.is_some_and(char::is_alphanumeric)
                    || after.is_some_and(char::is_alphanumeric)
                {
                    continue;
                }
                let mut rest = text[end..].trim_start();
                for filler in FILLERS {
                    if let Some(r) = rest.strip_prefix(filler) {
                        rest = r.trim_start();
                        break;
                    }
                }
                let verb = VERBS.iter().find(|v| {
                    rest.starts_with(*v)
                        && !rest[v.len()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric)
                });
                let according = text[..at].trim_end().to_lowercase();
                let according =
                    according.ends_with("according to") || according.ends_with("according to the");
                let phrase = match verb {
                    Some(v) => format!("{} {v}", text[at..end].trim()),
                    None if according => format!("according to {name}"),
                    None => continue,
                };
                if !out.iter().any(|(s, _)| *s == source.slug) {
                    out.push((source.slug.clone(), phrase));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::draft;
    use crate::import::fixture::{body_texts, known, STORY};

    #[test]
    fn source_from_a_credit_line() {
        let text = format!("{STORY}( Source : reuters )\nNext Story\n");
        let d = draft(&text, &known()).unwrap();
        assert_eq!(d.source.value.as_deref(), Some("reuters"));
        assert!(d.source.note.contains("( Source : reuters )"));
        assert_eq!(d.publisher.value, None);
    }

    #[test]
    fn credit_then_republishing_site() {
        let text = format!(
            "{STORY}By AP\n\nThe Daily Echo is not responsible for the content of quoted articles.\nhttps://dailyecho.example/story.html\nYour Name\n"
        );
        let d = draft(&text, &known()).unwrap();
        assert_eq!(d.source.value.as_deref(), Some("ap"));
        assert_eq!(d.publisher.value.as_deref(), Some("daily-echo"));
        assert_eq!(
            d.url.as_ref().and_then(|u| u.value.as_deref()),
            Some("https://dailyecho.example/story.html")
        );
        assert_eq!(body_texts(&d).len(), 2);
    }

    #[test]
    fn the_site_is_the_source_when_nothing_is_credited() {
        let text = "Talks end\n\nJane Doe will seek assurances, an official said, Reuters reported.\n\nMore talks are due.\n\nFollow us on Twitter @DailyEcho\n";
        let d = draft(text, &known()).unwrap();
        assert_eq!(d.source.value.as_deref(), Some("daily-echo"));
        assert_eq!(d.publisher.value, None);
        assert_eq!(d.cited, [("reuters".to_owned(), 3)]);
    }

    #[test]
    fn a_lead_citation_is_the_last_resort() {
        let text = "Talks end\n\nJane Doe will seek assurances, an official said, Reuters reported.\n\nMore talks are due.\n";
        let d = draft(text, &known()).unwrap();
        assert_eq!(d.source.value.as_deref(), Some("reuters"));
        assert!(d.source.note.contains("weak"), "{}", d.source.note);
    }

    #[test]
    fn unknown_credits_stay_todo_with_a_hint() {
        let text = format!("{STORY}Source: Xinhua\n");
        let d = draft(&text, &known()).unwrap();
        assert_eq!(d.source.value, None);
        assert!(
            d.source.note.contains("dossier new source xinhua"),
            "{}",
            d.source.note
        );
        let d = draft(STORY, &known()).unwrap();
        assert!(
            d.source.note.contains("known sources: al-jazeera, ap"),
            "{}",
            d.source.note
        );
    }

    #[test]
    fn citations_inside_the_text() {
        let k = known();
        assert_eq!(
            cited_sources(
                "Meanwhile, the Reuters news agency reported that talks failed.",
                &k
            ),
            [("reuters".to_owned(), "Reuters reported".to_owned())]
        );
        assert_eq!(
            cited_sources("The talks failed, according to AP.", &k),
            [("ap".to_owned(), "according to AP".to_owned())]
        );
        assert!(cited_sources("Reuters photographers were there.", &k).is_empty());
        assert!(cited_sources("The APEC summit said so.", &k).is_empty());
    }
}
