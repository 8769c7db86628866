//! Credits in the shapes that sites other than the seeds print: bylines with social handles
//! and e-mail addresses ("By Jane Doe @janedoe", "By Sam O'Neill | @SamONeill | sam@…"),
//! header lines that join a date, a byline and a section ("Published November 8, 2025 | By
//! Ruth Okafor"), bylines after a label ("Posted on March 3, 2025 by Ola Fenn", "Live
//! updates by Meridian Press Agency"), an aggregator's attribution ("From Channel 4 News",
//! "View original article on WBC"), and picture credits at the end of a caption
//! ("… on Tuesday. (AP Photo/Lena Ostrova)", "… Picture: Oskar Vik").

use super::stamps::time_stamp;
use super::{
    address_line, by_line, capitalised_words, date_line, metadata, word_count, Clue, Known,
};

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
