//! Dates and times on a line of their own: a date line with its label, weekday, time and
//! zone ("Published on:March 15, 2014 12:50 am", "Tuesday 11 March 2014 - 14:31"), one
//! beside the page's section names, a press release's dateline ("SOLANO RIDGE, Calif., Sept.
//! 4, 2025"); times without a date (a live blog's "23:52", an aggregator's "5h", "Updated 2h
//! ago"), which date nothing the draft can use; and `published` chosen from the date lines.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::output::shorten;
use super::text::word_count;
use super::{Clue, Guess};
use crate::{model, vocab};

/// Chooses `published` from the date lines: a labelled publication line, else a date with a
/// time of day, else a bare date under the headline, else a bare date on the line right
/// above the headline (a press release's "15.10.2025"), unless that is the page's first
/// line. A bare date higher up is the page's own date line (its masthead, or the day the
/// page was copied) and is never used.
pub(super) fn decide_published(
    clues: &[(usize, String, Clue)],
    title_line: usize,
    above_title: Option<usize>,
) -> Guess {
    let dates: Vec<(usize, &str, &DateLine)> = clues
        .iter()
        .filter_map(|(line, text, clue)| match clue {
            Clue::Date(d) => Some((*line, text.as_str(), d)),
            _ => None,
        })
        .collect();
    let pick = dates
        .iter()
        .find(|d| d.2.label == DateLabel::Published)
        .map(|d| (d, "a publication line"))
        .or_else(|| {
            dates
                .iter()
                .find(|d| d.2.label == DateLabel::None && d.2.time.is_some())
                .map(|d| (d, "a date line with a time of day"))
        })
        .or_else(|| {
            dates
                .iter()
                .find(|d| d.2.label == DateLabel::None && d.0 > title_line)
                .map(|d| (d, "a date line under the headline"))
        })
        .or_else(|| {
            dates
                .iter()
                .find(|d| d.2.label == DateLabel::None && Some(d.0) == above_title)
                .map(|d| (d, "a date line right above the headline"))
        });
    let why_not = |d: &(usize, &str, &DateLine)| -> String {
        let why = match d.2.label {
            DateLabel::Updated => "an update date",
            _ if d.0 < title_line && d.2.time.is_none() => {
                "above the headline: probably the day the page was copied"
            }
            _ => "not used",
        };
        format!("{} (line {}: {why})", d.2.date.format("%Y-%m-%d"), d.0)
    };
    match pick {
        Some((chosen, how)) => {
            let mut note = format!(
                "detected: {how}, \"{}\" (line {})",
                shorten(chosen.1, 60),
                chosen.0
            );
            let value = chosen.2.iso();
            if let Some(time) = &chosen.2.time {
                if !value.contains('T') {
                    let _ = write!(note, "; the time {time} is left out: no time zone is given");
                }
            }
            let others: Vec<String> = dates
                .iter()
                .filter(|d| d.0 != chosen.0)
                .map(why_not)
                .collect();
            if !others.is_empty() {
                let _ = write!(note, "; also seen: {}", others.join(", "));
            }
            Guess::found(value, note)
        }
        None if dates.is_empty() => {
            Guess::todo("not detected: no publication line; write 2014-03-14 (or 2014-03, 2014)")
        }
        None => Guess::todo(format!(
            "not detected: dates seen: {}; write the publication date as 2014-03-14",
            dates.iter().map(why_not).collect::<Vec<_>>().join(", ")
        )),
    }
}

/// A date standing alone on a line, with its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct DateLine {
    date: NaiveDate,
    /// The time of day as written ("12:50 am"), when given.
    pub(super) time: Option<String>,
    /// The offset from UTC in minutes, when the line names a zone that has one ("GMT",
    /// "EDT", "+03:00").
    offset: Option<i32>,
    pub(super) label: DateLabel,
}

impl DateLine {
    /// The date for `published:`: with its time when both a time and a zone are given
    /// ("2014-03-14T15:00:00Z"), else the day.
    fn iso(&self) -> String {
        let day = self.date.format("%Y-%m-%d").to_string();
        let (Some(time), Some(offset)) = (&self.time, self.offset) else {
            return day;
        };
        let digits: Vec<u32> = time
            .split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty())
            .filter_map(|p| p.parse().ok())
            .collect();
        let (Some(&hour), Some(&minute)) = (digits.first(), digits.get(1)) else {
            return day;
        };
        let pm = time.contains('p');
        let hour = match (time.contains('a') || pm, pm, hour) {
            (false, _, h) => h,
            (true, false, 12) => 0,
            (true, true, h) if h < 12 => h + 12,
            (true, _, h) => h,
        };
        let zone = if offset == 0 {
            "Z".to_owned()
        } else {
            let sign = if offset < 0 { '-' } else { '+' };
            format!("{sign}{:02}:{:02}", offset.abs() / 60, offset.abs() % 60)
        };
        let moment = format!("{day}T{hour:02}:{minute:02}:00{zone}");
        match model::PartialDate::parse(&moment) {
            Ok(_) => moment,
            Err(_) => day,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DateLabel {
    /// "Published on:", "Posted:", "Date:".
    Published,
    /// "Updated:", "Last modified:".
    Updated,
    None,
}

/// A line that is a date and nothing else, with an optional label, weekday, time and zone:
/// "Published on:March 15, 2014 12:50 am", "Tuesday 11 March 2014 - 14:31", "24 Nov 2024".
pub(super) fn date_line(text: &str) -> Option<DateLine> {
    let lower = text.to_lowercase();
    const LABELS: &[(&str, DateLabel)] = &[
        ("first published on", DateLabel::Published),
        ("first published", DateLabel::Published),
        ("published on", DateLabel::Published),
        ("published at", DateLabel::Published),
        ("published", DateLabel::Published),
        ("posted on", DateLabel::Published),
        ("posted at", DateLabel::Published),
        ("posted", DateLabel::Published),
        ("publication date", DateLabel::Published),
        ("date published", DateLabel::Published),
        ("released", DateLabel::Published),
        ("date", DateLabel::Published),
        ("last updated on", DateLabel::Updated),
        ("last updated", DateLabel::Updated),
        ("last update", DateLabel::Updated),
        ("updated on", DateLabel::Updated),
        ("updated at", DateLabel::Updated),
        ("updated", DateLabel::Updated),
        ("last modified", DateLabel::Updated),
        ("modified", DateLabel::Updated),
    ];
    let lower = long_zone_names(&lower);
    let (label, rest) = LABELS
        .iter()
        .find_map(|(l, kind)| lower.strip_prefix(l).map(|rest| (*kind, rest)))
        .filter(|(_, rest)| rest.starts_with([':', ' ']) || rest.is_empty())
        .unwrap_or((DateLabel::None, lower.as_str()));
    let rest: String = rest
        .chars()
        .map(|c| {
            if matches!(c, ',' | '|' | '(' | ')') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let rest = rest.trim_start_matches([':', ' ']);
    let tokens: Vec<&str> = rest.split_whitespace().collect();
    let (mut day, mut month, mut year) = (None, None, None);
    let mut time: Option<String> = None;
    let mut offset: Option<i32> = None;
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i];
        let t = token.trim_end_matches('.');
        if matches!(t, "-" | "–" | "—" | "/" | "at" | "on" | "" | "@")
            || vocab::weekday_lowercase(t).is_some()
        {
        } else if let Some(zone) = zone(t) {
            offset = zone;
        } else if let Some(m) = vocab::month_number_lowercase(t) {
            if month.replace(m).is_some() {
                return None;
            }
        } else if let Some((y, m, d)) = numeric_date(t) {
            if year.is_some() || month.is_some() || day.is_some() {
                return None;
            }
            (year, month, day) = (Some(y), Some(m), Some(d));
        } else if let Some(mut written) = time_of_day(token) {
            if let Some(next) = tokens.get(i + 1) {
                if matches!(*next, "am" | "pm" | "a.m." | "p.m.") {
                    written = format!("{written} {next}");
                    i += 1;
                }
            }
            if time.replace(written).is_some() {
                return None;
            }
        } else if let Some(n) = ordinal(t) {
            if t.len() == 4 && n >= 1000 {
                if year.replace(n as i32).is_some() {
                    return None;
                }
            } else if (1..=31).contains(&n) {
                if day.replace(n).is_some() {
                    return None;
                }
            } else {
                return None;
            }
        } else {
            return None;
        }
        i += 1;
    }
    let date = NaiveDate::from_ymd_opt(year?, month?, day?)?;
    Some(DateLine {
        date,
        time,
        offset,
        label,
    })
}

/// Zones written out ("Eastern Daylight Time") as their abbreviations.
fn long_zone_names(lower: &str) -> String {
    #[rustfmt::skip]
    const NAMES: &[(&str, &str)] = &[
        ("eastern daylight time", "edt"), ("eastern standard time", "est"),
        ("central daylight time", "cdt"), ("mountain daylight time", "mdt"),
        ("pacific daylight time", "pdt"), ("pacific standard time", "pst"),
        ("greenwich mean time", "gmt"), ("british summer time", "bst"),
        ("central european summer time", "cest"), ("central european time", "cet"),
        ("coordinated universal time", "utc"), ("eastern time", "et"), ("pacific time", "pt"),
    ];
    let mut out = lower.to_owned();
    for (name, abbreviation) in NAMES {
        out = out.replace(name, abbreviation);
    }
    out
}

/// "World News | Fri Mar 14, 2014 6:24pm EDT": a date line with the page's section names
/// (each of four words at most) beside it.
pub(super) fn sectioned_date_line(text: &str) -> Option<DateLine> {
    let parts: Vec<&str> = text.split(['|', '•']).map(str::trim).collect();
    if parts.len() < 2 {
        return None;
    }
    let mut found = None;
    for part in parts {
        match date_line(part) {
            Some(date) if found.is_none() => found = Some(date),
            Some(_) => return None,
            None if word_count(part) <= 4 && !part.ends_with(['.', '?', '!']) => {}
            None => return None,
        }
    }
    found
}

/// A time zone: `Some(Some(minutes))` for one with a single offset from UTC,
/// `Some(None)` for one that names several ("CST", "IST") or changed ("MSK").
fn zone(t: &str) -> Option<Option<i32>> {
    let t = t.trim_matches(['(', ')']);
    let named = match t {
        "gmt" | "utc" | "z" => Some(0),
        "bst" | "cet" | "wat" => Some(60),
        "cest" | "eet" | "cat" | "sast" => Some(120),
        "eest" => Some(180),
        "jst" => Some(540),
        "edt" => Some(-240),
        "est" | "cdt" => Some(-300),
        "mdt" => Some(-360),
        "mst" | "pdt" => Some(-420),
        "pst" => Some(-480),
        "msk" | "cst" | "ist" | "ast" | "aest" | "aedt" | "et" | "pt" | "ct" => None,
        _ => return numeric_offset(t),
    };
    Some(named)
}

/// "+0300", "+03:00", "gmt+3", "utc-05:00", "−05:00".
fn numeric_offset(t: &str) -> Option<Option<i32>> {
    let t = t
        .strip_prefix("gmt")
        .or_else(|| t.strip_prefix("utc"))
        .unwrap_or(t);
    let (sign, digits) = if let Some(d) = t.strip_prefix('+') {
        (1, d)
    } else if let Some(d) = t.strip_prefix('-').or_else(|| t.strip_prefix('−')) {
        (-1, d)
    } else {
        return None;
    };
    let digits: String = digits.chars().filter(|c| *c != ':').collect();
    if digits.is_empty() || digits.len() > 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (hours, minutes) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        3 => (
            digits[..1].parse::<i32>().ok()?,
            digits[1..].parse::<i32>().ok()?,
        ),
        _ => (
            digits[..2].parse::<i32>().ok()?,
            digits[2..].parse::<i32>().ok()?,
        ),
    };
    (hours <= 14 && minutes < 60).then_some(Some(sign * (hours * 60 + minutes)))
}

/// "14:31", "12:50am", "18.30" (only ever tried inside a line that is a date).
fn time_of_day(token: &str) -> Option<String> {
    let (clock, suffix) = match token.find(|c: char| c.is_alphabetic()) {
        Some(i) => (&token[..i], &token[i..]),
        None => (token, ""),
    };
    if !suffix.is_empty() && !matches!(suffix, "am" | "pm" | "a.m." | "p.m.") {
        return None;
    }
    let parts: Vec<&str> = if clock.contains(':') {
        clock.split(':').collect()
    } else {
        clock.split('.').collect() // "18.30", as some sites write it
    };
    let ok = (2..=3).contains(&parts.len())
        && parts[0].len() <= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        && parts[0].parse::<u32>().is_ok_and(|h| h < 24)
        && parts[1].len() == 2
        && parts[1].parse::<u32>().is_ok_and(|m| m < 60);
    ok.then(|| {
        if suffix.is_empty() {
            clock.to_owned()
        } else {
            format!("{clock} {suffix}")
        }
    })
}

/// "11", "1st", "22nd", "2014".
fn ordinal(t: &str) -> Option<u32> {
    let digits = t
        .strip_suffix("st")
        .or_else(|| t.strip_suffix("nd"))
        .or_else(|| t.strip_suffix("rd"))
        .or_else(|| t.strip_suffix("th"))
        .unwrap_or(t);
    (!digits.is_empty() && digits.len() <= 4 && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// "2014-03-15", "2014/03/15", "15.03.2014", "15/03/2014"; a day-month order that could be
/// read both ways ("03/04/2014") is refused.
fn numeric_date(t: &str) -> Option<(i32, u32, u32)> {
    let t = t.split('t').next()?;
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    if parts.len() != 3 || !parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    let n: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    if parts[0].len() == 4 {
        return Some((n[0] as i32, n[1], n[2]));
    }
    if parts[2].len() != 4 {
        return None;
    }
    let year = n[2] as i32;
    match (n[0], n[1]) {
        (a, b) if a > 12 && b <= 12 => Some((year, b, a)),
        (a, b) if b > 12 && a <= 12 => Some((year, a, b)),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------
// Times without a date: a live blog's entry times ("23:52", "Posted at 21:45", "18.41
// BST"), an aggregator's ages ("5h", "Updated 2h ago", "3 hours ago") and labels left alone
// when the date went to the next line ("Published"). They date nothing the draft can use, so
// they are removed without a clue. And a press release's dateline on its own line, a place in
// capitals then the date ("SOLANO RIDGE, Calif., Sept. 4, 2025").

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
    use crate::import::draft;
    use crate::import::fixture::{known, STORY};

    #[test]
    fn date_lines() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let published = date_line("Published on:March 15, 2014 12:50 am").unwrap();
        assert_eq!(published.date, d(2014, 3, 15));
        assert_eq!(published.time.as_deref(), Some("12:50 am"));
        assert_eq!(published.label, DateLabel::Published);
        let timed = date_line("Tuesday 11 March 2014 - 14:31").unwrap();
        assert_eq!(
            (timed.date, timed.time.as_deref()),
            (d(2014, 3, 11), Some("14:31"))
        );
        assert_eq!(date_line("24 Nov 2024").unwrap().date, d(2024, 11, 24));
        assert_eq!(
            date_line("Tuesday, May 05, 2015").unwrap().date,
            d(2015, 5, 5)
        );
        assert_eq!(date_line("2014-03-14").unwrap().date, d(2014, 3, 14));
        assert_eq!(date_line("15/03/2014").unwrap().date, d(2014, 3, 15));
        assert_eq!(date_line("03/04/2014"), None);
        assert_eq!(
            date_line("Updated: 14 March 2014 18:30 GMT").unwrap().label,
            DateLabel::Updated
        );
        assert_eq!(date_line("March 2014"), None);
        let zoned = date_line("First published on Fri 14 Mar 2014 15.00 GMT").unwrap();
        assert_eq!(zoned.iso(), "2014-03-14T15:00:00Z");
        assert_eq!(
            date_line("Mar 14, 2014 6:24pm EDT").unwrap().iso(),
            "2014-03-14T18:24:00-04:00"
        );
        assert_eq!(
            date_line("14 March 2014 12:05 am +0300").unwrap().iso(),
            "2014-03-14T00:05:00+03:00"
        );
        assert_eq!(
            date_line("14 March 2014 10:00 IST").unwrap().iso(),
            "2014-03-14"
        );
        assert_eq!(
            date_line("Tuesday 11 March 2014 - 14:31").unwrap().iso(),
            "2014-03-11"
        );
        assert_eq!(
            sectioned_date_line("World News | Fri Mar 14, 2014 6:24pm EDT")
                .unwrap()
                .date,
            d(2014, 3, 14)
        );
        assert_eq!(
            sectioned_date_line("Kerry met Lavrov in London for six hours | 14 March 2014"),
            None
        );
        assert_eq!(date_line("On 14 March 2014 the talks failed"), None);
        assert_eq!(date_line("31 February 2014"), None);
    }

    #[test]
    fn publication_date_is_told_from_the_copy_date() {
        // A bare date above the headline is the page's date line, not the article's.
        let text =
            format!("24 Nov 2024\nTuesday 11 March 2014 - 14:31\nStory Code : 88635\n\n{STORY}");
        let d = draft(&text, &known()).unwrap();
        assert_eq!(d.published.value.as_deref(), Some("2014-03-11"));
        assert!(
            d.published
                .note
                .contains("2024-11-24 (line 1: above the headline"),
            "{}",
            d.published.note
        );
        assert_eq!(
            d.title.value.as_deref(),
            Some("Doe arrives in Ruritania for talks")
        );

        let text = format!("Tuesday, May 05, 2015\n\n{STORY}");
        let d = draft(&text, &known()).unwrap();
        assert_eq!(d.published.value, None);
        assert!(d.published.note.contains("2015-05-05"));

        let text = STORY.replacen('\n', "\nMarch 14, 2014\n", 1);
        let d = draft(&text, &known()).unwrap();
        assert_eq!(d.published.value.as_deref(), Some("2014-03-14"));

        let text = "Tuesday, May 05, 2015\n\nKerry meets Lavrov\n\nBy: Associated Press | London | Published on:March 15, 2014 12:50 am\n\nThe talks failed on Friday.\n";
        let d = draft(text, &known()).unwrap();
        assert_eq!(d.published.value.as_deref(), Some("2014-03-15"));
        assert_eq!(d.source.value.as_deref(), Some("ap"));
    }

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
