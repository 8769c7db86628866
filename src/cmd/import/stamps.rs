//! Times without a date: a live blog's entry times ("23:52", "Posted at 21:45", "18.41
//! BST"), an aggregator's ages ("5h", "Updated 2h ago", "3 hours ago") and labels left
//! alone when the date went to the next line ("Published"). They date nothing the draft can
//! use, so they are removed without a clue. And a press release's dateline on its own line,
//! a place in capitals then the date ("SOLANO RIDGE, Calif., Sept. 4, 2025").

use super::{date_line, time_of_day, zone, DateLine};

/// Whether `text` is a time stamp and nothing else.
pub(super) fn time_stamp(text: &str) -> bool {
    let lower = text.to_lowercase();
    let mut rest = lower.trim();
    let mut labelled = false;
    #[rustfmt::skip]
    const LABELS: &[&str] = &[
        "last updated at", "last updated", "updated at", "updated", "posted at", "posted",
        "published at", "published", "first published", "at",
    ];
    for label in LABELS {
        if let Some(r) = rest.strip_prefix(label) {
            if r.is_empty() || r.starts_with([' ', ':']) {
                rest = r.trim_start_matches([':', ' ']);
                labelled = true;
                break;
            }
        }
    }
    if rest.is_empty() {
        return labelled;
    }
    let tokens: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '·' | '•'))
        .filter(|t| !t.is_empty())
        .collect();
    let mut timed = false;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i].trim_end_matches(':');
        if time_of_day(t).is_some() || relative_age(t) {
            timed = true;
        } else if let Some(unit) = tokens.get(i + 1).filter(|_| number(t)) {
            // "3 hours ago", "1 day ago"
            if !age_unit(unit.trim_end_matches('.')) {
                return false;
            }
            timed = true;
            i += 1;
        } else if !(matches!(
            t,
            "am" | "pm"
                | "a.m."
                | "p.m."
                | "ago"
                | "-"
                | "–"
                | "just"
                | "now"
                | "today"
                | "yesterday"
                | "local"
                | "time"
        ) || zone(t).is_some())
        {
            return false;
        }
        i += 1;
    }
    timed || rest == "just now"
}

/// "SOLANO RIDGE, Calif., Sept. 4, 2025": a place in capitals, then a date after one of the
/// commas.
pub(super) fn place_and_date(text: &str) -> Option<DateLine> {
    let (place, _) = text.split_once(", ")?;
    let letters = place.chars().filter(|c| c.is_alphabetic());
    if letters.clone().count() < 3 || !letters.clone().all(char::is_uppercase) {
        return None;
    }
    text.match_indices(", ")
        .find_map(|(at, _)| date_line(&text[at + 2..]))
}

fn number(t: &str) -> bool {
    !t.is_empty() && t.chars().all(|c| c.is_ascii_digit())
}

fn age_unit(t: &str) -> bool {
    matches!(
        t,
        "s" | "sec"
            | "secs"
            | "second"
            | "seconds"
            | "m"
            | "min"
            | "mins"
            | "minute"
            | "minutes"
            | "h"
            | "hr"
            | "hrs"
            | "hour"
            | "hours"
            | "d"
            | "day"
            | "days"
            | "w"
            | "wk"
            | "week"
            | "weeks"
            | "mo"
            | "month"
            | "months"
    )
}

/// "5h", "2d", "30m", "3mins".
fn relative_age(t: &str) -> bool {
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && digits <= 3 && age_unit(&t[digits..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_and_ages_alone_are_stamps() {
        for stamp in [
            "23:52",
            "Posted at 23:52",
            "11:42 PM",
            "18.41 BST",
            "Updated at 18.50 BST",
            "5h",
            "Updated 2h ago",
            "3 hours ago",
            "Posted 7:15am",
            "Published",
            "6:00am",
        ] {
            assert!(time_stamp(stamp), "{stamp}");
        }
    }

    #[test]
    fn a_dateline_alone_is_a_date() {
        let date = place_and_date("SOLANO RIDGE, Calif., Sept. 4, 2025").unwrap();
        assert_eq!(date.date.to_string(), "2025-09-04");
        assert!(
            place_and_date("CAPE SERRAT, 17 March 2025 – Serrat Copper today announced").is_none()
        );
        assert!(place_and_date("Harlow Bay, a town of 40,000, 2025").is_none());
    }

    #[test]
    fn text_with_a_time_is_not_a_stamp() {
        for text in [
            "17:40 Police say the rally has ended.",
            "Published by the ministry",
            "At least 74 people rescued",
            "2025",
            "Highway 9 closed",
        ] {
            assert!(!time_stamp(text), "{text}");
        }
    }
}
