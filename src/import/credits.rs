//! Lines that credit the reporting: credit lines ("Source: Reuters, AFP", "By: Associated
//! Press | London"), bylines ("By Jane Doe and John Roe, Reuters", "Jane Doe in Moscow"), a
//! wire's reporter credits ("Reporting by …; Editing by …"), an outlet's name alone, the
//! outlet in a wire dateline ("LONDON (Reuters) - …"), and the shapes that sites other than
//! the seeds print: bylines with social handles and e-mail addresses ("By Jane Doe
//! @janedoe", "By Sam O'Neill | @SamONeill | sam@…"), header lines that join a date, a
//! byline and a section ("Published November 8, 2025 | By Ruth Okafor"), bylines after a
//! label ("Posted on March 3, 2025 by Ola Fenn", "Live updates by Meridian Press Agency"), an
//! aggregator's attribution ("From Channel 4 News", "View original article on WBC"), and
//! picture credits at the end of a caption ("… on Tuesday. (AP Photo/Lena Ostrova)", "…
//! Picture: Oskar Vik").

use super::boilerplate::metadata;
use super::dates::{date_line, time_stamp};
use super::names::{capitalised_words, outlet_like, person_like, split_names};
use super::sources::address_line;
use super::text::word_count;
use super::{Clue, Known};

/// "( Source : reuters )", "Source: Reuters, AFP", "[Sources - AP]": the outlets named.
pub(super) fn source_label(text: &str) -> Option<Vec<&str>> {
    let t = text.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | ' '));
    let lower = t.to_lowercase();
    let rest = ["sources", "source"].iter().find_map(|label| {
        lower
            .starts_with(label)
            .then(|| t.get(label.len()..))
            .flatten()
    })?;
    let rest = rest.trim_start();
    let rest = rest
        .strip_prefix(':')
        .or_else(|| rest.strip_prefix('-'))
        .or_else(|| rest.strip_prefix('–'))?;
    let names: Vec<&str> = rest
        .split([',', ';', '/'])
        .map(|n| n.trim().trim_end_matches('.'))
        .filter(|n| !n.is_empty())
        .collect();
    (!names.is_empty() && word_count(rest) <= 8).then_some(names)
}

/// "By: Associated Press | London | Published on: March 15, 2014", "By BBC", "By Jane Doe
/// and John Roe, Reuters": a credit line. Outlets give credits, people a byline, a dated
/// part a date.
pub(super) fn by_line(text: &str, known: &Known) -> Option<Vec<Clue>> {
    let lower = text.to_lowercase();
    // "Author: Jane Doe", "Written by: Jane Doe" read as "By Jane Doe".
    let label = [
        "by ",
        "by:",
        "author:",
        "authors:",
        "written by:",
        "words:",
        "reporter:",
    ]
    .iter()
    .find(|l| lower.starts_with(*l))?;
    let rest = text
        .get(label.trim_end_matches([':', ' ']).len()..)?
        .trim_start_matches([':', ' ']);
    let mut parts = rest.split('|').map(str::trim);
    let names = parts.next()?;
    if names.is_empty()
        || word_count(names) > 12
        || names.ends_with('.') && !names.ends_with(" Jr.")
        || !capitalised_words(names)
    {
        return None;
    }
    let mut clues = Vec::new();
    let mut people = Vec::new();
    for name in split_names(names) {
        if known.source_named(name).is_some() || outlet_like(name) {
            clues.push(Clue::Credit(name.to_owned()));
        } else if person_like(name) {
            people.push(name);
        }
    }
    if !people.is_empty() {
        clues.push(Clue::Byline(people.join(", ")));
    }
    for part in parts {
        if let Some(date) = date_line(part) {
            clues.push(Clue::Date(date));
        }
    }
    Some(clues)
}

/// "Reporting by Jane Doe; Editing by John Roe": the wire's reporter credits, and the
/// reporters.
pub(super) fn reporting_credits(text: &str) -> Option<Vec<String>> {
    let lower = text.to_lowercase();
    let starts = [
        "reporting by",
        "additional reporting by",
        "writing by",
        "editing by",
        "compiled by",
        "written by",
    ];
    if !starts.iter().any(|s| lower.starts_with(s)) || word_count(text) > 30 {
        return None;
    }
    let first = text.split([';', '|']).next().unwrap_or(text);
    let names = first
        .split_once(" by ")
        .or_else(|| first.split_once(" By "))
        .map(|(_, n)| n)
        .unwrap_or("");
    Some(
        split_names(names)
            .into_iter()
            .filter(|n| person_like(n))
            .map(str::to_owned)
            .collect(),
    )
}

/// "Jane Doe in Moscow and John Roe in Washington": a byline with the reporters' places.
pub(super) fn reporters_in_places(text: &str) -> Option<Vec<String>> {
    if word_count(text) > 16 || text.ends_with('.') {
        return None;
    }
    let mut names = Vec::new();
    for part in split_names(text) {
        let (name, place) = part.split_once(" in ")?;
        if !person_like(name) || word_count(place) > 3 || !capitalised_words(place) {
            return None;
        }
        names.push(name.trim().to_owned());
    }
    (!names.is_empty()).then_some(names)
}

/// A line that is only a known outlet's name: "Al-Jazeera", "(Reuters)", "— AP".
pub(super) fn standalone_outlet<'a>(text: &'a str, known: &Known) -> Option<&'a str> {
    let t = text
        .trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | '-' | '–' | '—' | ' ' | '.'));
    (word_count(t) <= 5 && known.source_named(t).is_some()).then_some(t)
}

/// "LONDON (Reuters) - The United States …": the outlet in a wire dateline. The paragraph is
/// reporting and stays; only the credit is taken.
pub(super) fn dateline_credit(text: &str) -> Option<String> {
    let open = text.find('(')?;
    let close = open + text[open..].find(')')?;
    let place = text[..open].trim();
    let after = text[close + 1..].trim_start();
    // "LONDON", or "BRUSSELS, Nov 19": the place in capitals, perhaps with the day.
    let (city, day) = place.split_once(',').unwrap_or((place, ""));
    let is_place = !city.is_empty()
        && word_count(city) <= 4
        && word_count(day) <= 3
        && city
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    let dash = after.starts_with(['-', '–', '—']);
    let name = text[open + 1..close].trim();
    (is_place && dash && !name.is_empty() && outlet_like(name)).then(|| name.to_owned())
}

/// `text` without social handles and e-mail addresses ("@janedoe", "jane@example.org").
pub(super) fn without_handles(text: &str) -> String {
    text.split(' ')
        .filter(|w| !w.contains('@'))
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| matches!(c, ' ' | ',' | '|' | '·' | '•'))
        .to_owned()
}

/// A line of social handles or addresses only: "@SamONeillHBC", "karin.holt@tidende.example".
pub(super) fn handle_line(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 3
        && words.iter().all(|w| {
            w.contains('@') || matches!(w.to_lowercase().as_str(), "|" | "·" | "follow" | "on")
        })
}

/// A byline with handles or addresses: "By Rachel Amadi @RachelAmadiTV", "By Hanna Mwangi,
/// @hannamwangi". The clues of the byline without them.
pub(super) fn handled_byline(text: &str, known: &Known) -> Option<Vec<Clue>> {
    if !text.contains('@') {
        return None;
    }
    let bare = without_handles(text);
    let bare = bare
        .split('|')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" | ");
    by_line(&bare, known)
}

/// A byline after a short label: "Posted on March 3, 2025 by Ola Fenn", "Posted by Jonas
/// Berg on 25 September 2025, 11:40", "Live updates by Meridian Press Agency", "Reporting
/// from Tarvik by Marta Lindqvist and Jon Pryce".
pub(super) fn labelled_byline(text: &str, known: &Known) -> Option<Vec<Clue>> {
    let text = without_handles(text);
    if word_count(&text) > 16 || text.ends_with(['.', '!', '?']) {
        return None;
    }
    let lower = text.to_lowercase();
    // Positions found in `lower` hold in `text` only when lowercasing kept every length.
    if lower.len() != text.len() {
        return None;
    }
    let at = lower.find(" by ")?;
    let (lead, names) = (text.get(..at)?, text.get(at + 4..)?);
    let lead_lower = lead.to_lowercase();
    let mut clues = Vec::new();
    // "Posted by Jonas Berg on 25 September 2025, 11:40"
    let (names, date_after) = match names.find(" on ") {
        Some(on) => match date_line(&names[on + 4..]) {
            Some(date) => (&names[..on], Some(date)),
            None => (names, None),
        },
        None => (names, None),
    };
    if let Some(date) = date_after {
        clues.push(Clue::Date(date));
    }
    if let Some(date) = date_line(lead) {
        clues.push(Clue::Date(date));
    } else {
        #[rustfmt::skip]
        const LEADS: &[&str] = &[
            "posted", "written", "story", "words", "reported", "reporting", "compiled", "edited",
            "produced", "updates", "coverage", "blog", "live", "text", "article",
        ];
        let last = lead_lower.split_whitespace().next_back().unwrap_or("");
        let leads = LEADS.contains(&last)
            || lead_lower.starts_with("reporting from")
            || lead_lower.starts_with("reported from");
        if !leads || word_count(lead) > 5 {
            return None;
        }
    }
    let credited = by_line(&format!("By {}", names.trim()), known)?;
    clues.extend(credited);
    Some(clues)
}

/// A header line of parts joined by bars or dots, each a date, a time, a byline, a handle,
/// a reading time or a short name: "Published November 8, 2025 | By Ruth Okafor",
/// "July 19, 2025 · 6 min read", "Posted 7:15am Friday 2 May 2025, updated 9:02am Friday 2
/// May 2025", "Harlow Bay Courier — 06/02/2025 14:22". At least one part must be a date or
/// a byline. The clues of every part.
pub(super) fn header_line(text: &str, known: &Known) -> Option<Vec<Clue>> {
    let mut s = text.to_owned();
    for updated in [", updated", "; updated", ", Updated", "; Updated"] {
        s = s.replace(updated, " | updated");
    }
    let parts: Vec<&str> = s
        .split(['|', '·', '•'])
        .flat_map(|p| p.split(" — "))
        .flat_map(|p| p.split(" / "))
        .flat_map(|p| p.split(" – "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 2 {
        return None;
    }
    let mut clues = Vec::new();
    let mut anchored = false;
    for part in parts {
        if let Some(date) = date_line(part) {
            clues.push(Clue::Date(date));
            anchored = true;
        } else if numeric_date_shape(part) || time_stamp(part) {
            anchored = true;
        } else if let Some(credit) = by_line(&without_handles(part), known) {
            clues.extend(credit);
            anchored = true;
        } else if known.source_named(part).is_some() {
            clues.push(Clue::Credit(part.to_owned()));
        } else if (part.contains('@') && word_count(&without_handles(part)) == 0)
            || metadata(part)
            || (word_count(part) <= 4 && !part.ends_with(['.', '?', '!']))
        {
            // A handle, a reading time, a section or a place: nothing to learn.
        } else {
            return None;
        }
    }
    anchored.then_some(clues)
}

/// A date written in digits that reads both ways ("06/02/2025 14:22"): a date, but not one
/// the draft can use.
fn numeric_date_shape(text: &str) -> bool {
    let mut tokens = text.split_whitespace();
    let Some(first) = tokens.next() else {
        return false;
    };
    let parts: Vec<&str> = first.split(['/', '.', '-']).collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
        && tokens.all(|t| time_stamp(t) || matches!(t, "am" | "pm"))
}

/// An aggregator's attribution: "From Channel 4 News Westland", "View original article on
/// WBC", "Read the full story at harlowbaycourier.example", "Live updates by …" aside. The
/// outlet credited, or the site's address.
pub(super) fn attribution(text: &str, known: &Known) -> Option<Clue> {
    if word_count(text) > 10 || text.ends_with(['.', '!', '?']) {
        return None;
    }
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return None;
    }
    let mut best: Option<usize> = None;
    for word in ["from ", "via ", " on ", " at "] {
        let found = if word.starts_with(' ') {
            lower.rfind(word).map(|i| i + word.len())
        } else {
            lower.starts_with(word).then_some(word.len())
        };
        if let Some(i) = found {
            best = Some(best.map_or(i, |b: usize| b.max(i)));
        }
    }
    let rest = text.get(best?..)?.trim();
    if known.source_named(rest).is_some() {
        return Some(Clue::Credit(rest.to_owned()));
    }
    let host_like = !rest.contains(' ')
        && rest.contains('.')
        && rest.chars().next().is_some_and(char::is_alphanumeric);
    if host_like {
        return Some(Clue::Address(
            address_line(rest)
                .map(str::to_owned)
                .unwrap_or_else(|| format!("https://{rest}")),
        ));
    }
    None
}

/// A caption that ends with its picture's credit: "Rescue boats … on Tuesday. (AP Photo/Lena
/// Ostrova)", "… on Harbour Street (Image: Harlow Bay Courier)", "Liv Haugen outside the
/// chamber on Thursday. Picture: Oskar Vik", "(Getty Images)".
pub(super) fn credited_caption(text: &str) -> bool {
    if word_count(text) > 45 {
        return false;
    }
    const PICTURE: &[&str] = &[
        "photo",
        "image",
        "picture",
        "getty",
        "credit",
        "shutterstock",
        "photograph",
        "illustration",
        "video",
    ];
    let t = text.trim_end_matches('.');
    if let Some(inner) = t.strip_suffix(')').and_then(|t| t.rsplit_once('(')) {
        let inner = inner.1.to_lowercase();
        if word_count(&inner) <= 8 && PICTURE.iter().any(|w| inner.contains(w)) {
            return true;
        }
    }
    // "… Picture: Oskar Vik", "… Photo: Jane Doe/Reuters"
    let lower = t.to_lowercase();
    for label in [
        "picture:",
        "photo:",
        "photograph:",
        "image:",
        "credit:",
        "photo by ",
    ] {
        let Some(at) = lower.rfind(label).filter(|_| lower.len() == t.len()) else {
            continue;
        };
        if let (Some(tail), Some(before)) = (t.get(at + label.len()..), t.get(..at)) {
            let before = before.trim_end();
            if at > 0
                && before.ends_with(['.', ',', ')', '|', '-', '–'])
                && (1..=6).contains(&word_count(tail))
                && capitalised_words(tail.trim())
            {
                return true;
            }
        }
    }
    // "… on Wednesday. MIGUEL SANTOS/SERRAT TODAY": a photographer and agency in capitals.
    if let Some((before, credit)) = t.rsplit_once(". ") {
        let letters = credit.chars().filter(|c| c.is_alphabetic());
        if word_count(before) >= 3
            && credit.contains('/')
            && (2..=8).contains(&word_count(credit))
            && letters.clone().count() >= 4
            && letters.clone().all(char::is_uppercase)
        {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::fixture::known;

    #[test]
    fn credit_lines() {
        let k = known();
        assert_eq!(source_label("( Source : reuters )"), Some(vec!["reuters"]));
        assert_eq!(
            source_label("Source: Reuters, AFP"),
            Some(vec!["Reuters", "AFP"])
        );
        assert_eq!(source_label("Sources close to the talks said so."), None);
        assert_eq!(
            by_line(
                "By: Associated Press | London | Published on:March 15, 2014 12:50 am",
                &k
            )
            .unwrap()[..1],
            [Clue::Credit("Associated Press".into())]
        );
        assert_eq!(by_line("By BBC", &k).unwrap(), [Clue::Credit("BBC".into())]);
        assert_eq!(
            by_line("By Jane Smith and Tom Brown, Reuters", &k).unwrap(),
            [
                Clue::Credit("Reuters".into()),
                Clue::Byline("Jane Smith, Tom Brown".into())
            ]
        );
        assert_eq!(
            by_line("By the end of the day, talks had failed.", &k),
            None
        );
        assert_eq!(standalone_outlet("Al-Jazeera", &k), Some("Al-Jazeera"));
        assert_eq!(standalone_outlet("(Reuters)", &k), Some("Reuters"));
        assert_eq!(standalone_outlet("Staff threatened", &k), None);
        assert_eq!(
            reporting_credits("Reporting by Jane Smith; Editing by Tom Brown"),
            Some(vec!["Jane Smith".to_owned()])
        );
        assert_eq!(
            dateline_credit("LONDON (Reuters) - The talks failed."),
            Some("Reuters".to_owned())
        );
        assert_eq!(dateline_credit("The talks (in London) - failed."), None);
        assert_eq!(
            dateline_credit("BRUSSELS, Nov 19 (Reuters) - The Commission acted."),
            Some("Reuters".to_owned())
        );
    }

    #[test]
    fn captions_ending_with_a_credit() {
        for caption in [
            "Rescue boats surround the capsized ferry off Port Ameline on Tuesday. (AP Photo/Lena Ostrova)",
            "Smoke rises above Solano Ridge on Monday. (Photo: Channel 4 News Westland)",
            "Nadia Ferraz at her cafe on Harbour Street (Image: Harlow Bay Courier)",
            "Liv Haugen outside the council chamber on Thursday. Picture: Oskar Vik",
            "(Getty Images)",
            "Water tankers outside a hotel on Wednesday. MIGUEL SANTOS/SERRAT TODAY",
        ] {
            assert!(credited_caption(caption), "{caption}");
        }
        for text in [
            "Photos posted by passengers on social media showed people in life jackets.",
            "The picture changed on Monday (when the rain stopped).",
            "Ortega asked anyone with photos or video from the first hours of the fire to send them to investigators.",
        ] {
            assert!(!credited_caption(text), "{text}");
        }
    }

    #[test]
    fn handles_and_addresses_are_not_names() {
        assert_eq!(
            without_handles("By Sam O'Neill | @SamONeillHBC | sam.oneill@harlowbaycourier.example"),
            "By Sam O'Neill"
        );
        assert!(handle_line("@SamONeillHBC"));
        assert!(handle_line("karin.holt@tidende.example"));
        assert!(!handle_line("Email the desk at news@example.org today"));
    }
}
