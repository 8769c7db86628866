//! Dates stated in article text: absolute ("Feb. 22", "March 15", "on 25 May", "November
//! 2013") and relative to the article's publication date ("on Friday", "Sunday's vote", "last
//! month", "later in the day"), resolved to calendar dates, matched to the event they speak
//! of, and checked against that event's date.

use std::cmp::Ordering;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::quotes::{sentence_end, sentence_start, spans, words};
use crate::diagnostics::Diagnostic;
use crate::model::{Article, Dossier, Event, PartialDate, Precision};
use crate::vocab::{self, WEEKDAYS};

/// A date found in an article's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetectedDate {
    /// `#pN` of the paragraph (for an aside, the paragraph before it).
    pub paragraph: usize,
    pub aside: Option<usize>,
    /// The words as written ("on Sunday", "March 15", "last month").
    pub text: String,
    pub date: PartialDate,
    /// Resolved from the publication date rather than stated in full.
    pub relative: bool,
    /// The other date the words may mean when nothing tells which (a weekday in a clause
    /// without tense: the last one or the coming one; a day or month without a year, months
    /// from publication, in such a clause): the date is then uncertain, and contradicts no
    /// event. `None` when the words or the events the article reports decide.
    pub other: Option<PartialDate>,
    /// Index into `Dossier::events` of the event the date speaks of, when one is clear.
    pub event: Option<usize>,
    /// The event the words around the date point at, when its date is a different one and
    /// the date falls on no other event the article reports.
    pub contradicts: Option<usize>,
}

/// Words that put a weekday in the future ("will vote on Sunday", "as soon as Monday", "is to
/// be held on Sunday").
const FUTURE: &[&str] = &[
    "will",
    "would",
    "shall",
    "set",
    "due",
    "soon",
    "next",
    "coming",
    "upcoming",
    "planned",
    "scheduled",
    "expected",
    "looms",
    "ahead",
    "until",
    "before",
    "going",
    "be",
    "being",
];
/// Forms of "to be" that make the past participle after them passive, not past.
const PASSIVE: &[&str] = &["be", "being", "been", "is", "are"];
/// Words that put it in the past ("said on Friday", "was ousted last month").
const PAST: &[&str] = &[
    "said",
    "told",
    "was",
    "were",
    "had",
    "did",
    "met",
    "last",
    "earlier",
    "ago",
    "announced",
    "held",
    "took",
    "came",
    "went",
    "began",
    "started",
    "ended",
    "agreed",
    "signed",
    "voted",
    "declared",
    "adopted",
    "reaffirmed",
    "confirmed",
    "warned",
    "rejected",
    "shipped",
    "seized",
    "gathered",
    "since",
    // Simple pasts not in -ed (not those spelt as the present: "put", "cut", "set", "read").
    "arose",
    "ate",
    "became",
    "bit",
    "bled",
    "blew",
    "bore",
    "broke",
    "brought",
    "built",
    "bought",
    "caught",
    "chose",
    "crept",
    "dealt",
    "drew",
    "drove",
    "dug",
    "fed",
    "fell",
    "felt",
    "fled",
    "flew",
    "fought",
    "forbade",
    "forgave",
    "found",
    "froze",
    "gave",
    "got",
    "grew",
    "heard",
    "hid",
    "hung",
    "kept",
    "knew",
    "led",
    "left",
    "lost",
    "made",
    "meant",
    "overthrew",
    "paid",
    "ran",
    "rang",
    "rode",
    "rose",
    "sang",
    "sank",
    "sat",
    "saw",
    "shook",
    "shot",
    "slept",
    "slid",
    "sold",
    "sought",
    "spent",
    "spoke",
    "sprang",
    "stole",
    "stood",
    "struck",
    "stuck",
    "swam",
    "swept",
    "swore",
    "swung",
    "taught",
    "thought",
    "threw",
    "tore",
    "understood",
    "upheld",
    "wept",
    "withdrew",
    "woke",
    "won",
    "wore",
    "wrote",
];

fn month_number(word: &str) -> Option<u32> {
    vocab::month_number(word.trim_end_matches('.'))
}

fn day_number(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1800..2200).contains(y))
}

/// The year that puts `month`/`day` nearest to `anchor`.
fn nearest_year(anchor: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    (anchor.year() - 1..=anchor.year() + 1)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - anchor).num_days().abs())
}

/// Within this many days of publication, a date without a year is the nearest one whatever
/// the tense: news reports what just happened or is about to, and the tense of a clause is
/// read from a few words (a quote's future beside "said").
const SURELY_NEAREST_DAYS: i64 = 120;

/// `month`/`day` in the year the clause's tense gives (see [`tense`]) when the nearest is
/// months away: the last one on or before `anchor` in the past ("an inspection on October 3
/// had found"), the first one on or after it in the future; with no tense, the nearest and,
/// as the other reading, the one on the other side of `anchor`. A past of the clause's own
/// act (`act`: "an audit on October 3 had found", not "said the plant closes on October
/// 3") never takes a date after `anchor`, however near.
fn year_by_tense(
    anchor: NaiveDate,
    month: u32,
    day: u32,
    (tense, act): (Ordering, bool),
) -> Option<(NaiveDate, Option<NaiveDate>)> {
    let nearest = nearest_year(anchor, month, day)?;
    // More than a month ahead: a day or two ahead is more likely another clause's past
    // ("ousted on Feb. 22 and the vote on March 15").
    let past_act = act && tense == Ordering::Less && (nearest - anchor).num_days() > 31;
    if (nearest - anchor).num_days().abs() <= SURELY_NEAREST_DAYS && !past_act {
        return Some((nearest, None));
    }
    let years = || {
        (anchor.year() - 1..=anchor.year() + 1)
            .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
    };
    let last = years().filter(|d| *d <= anchor).max();
    let coming = years().find(|d| *d >= anchor);
    match tense {
        Ordering::Less => last.map(|d| (d, None)),
        Ordering::Greater => coming.map(|d| (d, None)),
        Ordering::Equal => Some((nearest, if nearest < anchor { coming } else { last })),
    }
}

/// The year of a month named without one ("in October"): as [`year_by_tense`], the
/// publication's own month being this year's; with no tense, months away, the nearest and the
/// year on the other side of `anchor`; a past of the clause's own act ("an inspection in
/// October had flagged", "the plant closed in September") never a month after `anchor`'s.
fn month_year(anchor: NaiveDate, month: u32, (tense, act): (Ordering, bool)) -> (i32, Option<i32>) {
    let nearest = nearest_year(anchor, month, 15).map_or(anchor.year(), |d| d.year());
    let months_away =
        (nearest * 12 + month as i32 - (anchor.year() * 12 + anchor.month() as i32)).abs();
    let (last, coming) = if month > anchor.month() {
        (anchor.year() - 1, anchor.year())
    } else if month < anchor.month() {
        (anchor.year(), anchor.year() + 1)
    } else {
        (anchor.year(), anchor.year())
    };
    // Two months ahead or more, as for a day (see [`year_by_tense`]).
    let past_act = act
        && tense == Ordering::Less
        && nearest * 12 + month as i32 >= anchor.year() * 12 + anchor.month() as i32 + 2;
    match tense {
        _ if months_away <= 4 && !past_act => (nearest, None),
        Ordering::Less => (last, None),
        Ordering::Greater => (coming, None),
        Ordering::Equal => (
            nearest,
            Some(if nearest == last { coming } else { last }).filter(|&y| y != nearest),
        ),
    }
}

/// The tense of the clause around `text[start..end]`: `Less` for the past, `Greater` for the
/// future, `Equal` when its words do not tell. The clause first (between commas, colons,
/// dashes, brackets or quotation marks: "dismissed by decree on Tuesday, is due to speak"
/// is past for "Tuesday"), where a verb in -ed counts for the past too; when it tells
/// nothing, five words before and three after ("On Tuesday, the minister said").
fn tense(text: &str, start: usize, end: usize) -> Ordering {
    clause_tense(text, start, end).0
}

/// [`tense`], and whether the clause's past is an act of its own: a past word that is no verb
/// of saying ("had flagged", "closed", "went"), not only a "said" whose reported clause may be
/// in any tense ("said the plant closes in September").
fn clause_tense(text: &str, start: usize, end: usize) -> (Ordering, bool) {
    let from = sentence_start(text, start);
    let to = sentence_end(text, end).max(end);
    const BOUNDS: &[char] = &[',', ';', ':', '—', '–', '(', ')', '“', '”', '"'];
    let clause_from = text[from..start]
        .char_indices()
        .rev()
        .find(|(_, c)| BOUNDS.contains(c))
        .map_or(from, |(i, c)| from + i + c.len_utf8());
    let clause_to = text[end..to].find(BOUNDS).map_or(to, |i| end + i);
    // A clause of its own starts at a subordinator: "Asked on Wednesday whether she would …",
    // "made it clear that Ruiz is not prepared to act until after the vote on Sunday".
    let subordinator = |t: &(usize, usize, &str)| {
        matches!(
            t.2,
            "whether"
                | "that"
                | "which"
                | "who"
                | "whom"
                | "because"
                | "although"
                | "though"
                | "while"
                | "if"
        )
    };
    let clause_to = words(&text[end..clause_to])
        .iter()
        .find(|t| subordinator(t))
        .map_or(clause_to, |t| end + t.0);
    let clause_from = words(&text[clause_from..start])
        .iter()
        .rev()
        .find(|t| subordinator(t))
        .map_or(clause_from, |t| clause_from + t.0);
    let clause_words = words(&text[clause_from..clause_to]);
    // Words in -ed count before the date only: after it they are more often a description
    // ("businesses accused of …") than the clause's verb.
    let before_date = clause_words
        .iter()
        .take_while(|t| clause_from + t.0 < start)
        .count();
    let clause: Vec<String> = clause_words.iter().map(|t| t.2.to_lowercase()).collect();
    let clause: Vec<&str> = clause.iter().map(String::as_str).collect();
    // "she expected", "they planned": a verb in the past, not "is expected".
    let after_pronoun = |k: usize| {
        k > 0
            && matches!(
                clause[k - 1],
                "i" | "you" | "he" | "she" | "it" | "we" | "they" | "who"
            )
    };
    // "A court on Monday extended his detention": a verb in -ed right after the date, its
    // subject before it (not "the meeting on Monday attended by", a description).
    let right_after = clause_words
        .iter()
        .position(|t| clause_from + t.0 >= end)
        .filter(|&k| clause.get(k + 1) != Some(&"by"));
    // "has set up a fund": the perfect's participle, not "is set to".
    let perfect = |k: usize| k > 0 && matches!(clause[k - 1], "has" | "have" | "had" | "'ve");
    let past_participles: Vec<usize> = clause
        .iter()
        .enumerate()
        .filter(|(k, w)| {
            (*k < before_date || Some(*k) == right_after)
                && w.len() >= 5
                && w.ends_with("ed")
                && (!FUTURE.contains(w) || after_pronoun(*k))
                && !PAST.contains(w)
                && !passive(&clause, *k)
                // "the flooded harbour": an adjective.
                && !(*k > 0
                    && matches!(
                        clause[k - 1],
                        "the" | "a" | "an" | "this" | "that" | "its" | "their" | "his" | "her"
                            | "our" | "my" | "your"
                    ))
        })
        .map(|(k, _)| k)
        .collect();
    let future_words: Vec<usize> = clause
        .iter()
        .enumerate()
        .filter(|(k, w)| {
            FUTURE.contains(w)
                && !(w.ends_with("ed") && after_pronoun(*k))
                && !(**w == "set" && perfect(*k))
                // "the fishermen detained on Saturday would appear": the main clause's.
                && !(**w == "would" && *k >= before_date)
        })
        .map(|(k, _)| k)
        .collect();
    let mut past_words: Vec<usize> = clause
        .iter()
        .enumerate()
        .filter(|(k, w)| {
            (PAST.contains(w) && !(*k > 0 && PASSIVE.contains(&clause[k - 1])))
                || (**w == "set" && perfect(*k))
        })
        .map(|(k, _)| k)
        .chain(past_participles)
        .collect();
    past_words.sort_unstable();
    let past = past_words.len();
    // A past word that is an act of the clause, not a verb of saying ("said the plant closes
    // in September").
    let act = past_words
        .iter()
        .any(|&k| vocab::reporting_verb(clause[k]).is_none() && clause[k] != "last");
    // "said the residents would return home on Saturday": "would" (or "will") and a verb
    // before the date, after every past word before it, is the reported clause's future
    // ("would have sailed" is not; "would have to wait" is).
    let modal = clause[..before_date]
        .iter()
        .rposition(|w| matches!(*w, "would" | "will" | "shall"));
    if let Some(m) = modal {
        let perfect_after = clause.get(m + 1) == Some(&"have") && clause.get(m + 2) != Some(&"to");
        let past_since = past_words.iter().any(|&k| k > m && k < before_date);
        if !perfect_after && !past_since && past_words.iter().any(|&k| k < m) {
            return (Ordering::Greater, act);
        }
    }
    // "until" and "before" tell the future only without a verb in the simple past: "waited
    // until Wednesday", "had left before Monday"; not "has adjourned until Thursday".
    let simple_past = past_words
        .iter()
        .any(|&k| !(k > 0 && matches!(clause[k - 1], "has" | "have")));
    let future = if simple_past
        && future_words
            .iter()
            .all(|&k| matches!(clause[k], "until" | "before"))
    {
        0
    } else {
        future_words.len()
    };
    match future.cmp(&past) {
        Ordering::Less if infinitive_after_past(&clause_words[..before_date], &past_words) => {
            return (Ordering::Equal, act);
        }
        Ordering::Equal => {}
        told => return (told, act),
    }
    let sentence: Vec<(usize, usize, &str)> = words(&text[from..to]);
    let here = sentence
        .iter()
        .position(|t| from + t.0 == start)
        .unwrap_or(0);
    let window = &sentence[here.saturating_sub(5)..(here + 4).min(sentence.len())];
    let lower: Vec<String> = window
        .iter()
        .filter(|t| !(from + t.0 > start && t.2 == "would"))
        .map(|t| t.2.to_lowercase())
        .collect();
    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
    (tense_of(&lower), false)
}

/// Whether a word of the future stands with the possessive weekday at `text[start..end]`
/// ("Sunday's"): one of the two words before it ("ahead of", "before"), or in the rest of its
/// clause ("Sunday's vote is expected to", "Sunday's planned march").
fn future_with_the_day(text: &str, start: usize, end: usize) -> bool {
    let from = sentence_start(text, start);
    let to = sentence_end(text, end).max(end);
    let clause_to = text[end..to]
        .find([',', ';', ':', '—', '–', '(', ')', '“', '”', '"'])
        .map_or(to, |i| end + i);
    let before = words(&text[from..start]);
    before
        .iter()
        .rev()
        .take(2)
        .chain(words(&text[end..clause_to]).iter())
        .any(|t| FUTURE.contains(&lowercase(t.2).as_ref()))
}

/// Whether an infinitive stands between the last past word before a date and the date:
/// "have agreed to hold talks on Friday" (the talks may be ahead of the agreement), "was
/// forced to resign on Friday" (or not); the past of the verb then does not tell the date's.
/// "to" before an article, a number or a name is a preposition ("went to the port", "flew
/// to Quellport").
fn infinitive_after_past(before_date: &[(usize, usize, &str)], past_words: &[usize]) -> bool {
    let Some(&last_past) = past_words.iter().rfind(|&&k| k < before_date.len()) else {
        return false;
    };
    // "went to work on Monday", "drove to collect them on Monday": after a verb of going, "to"
    // and a verb says what the going was for, done then.
    if matches!(
        before_date[last_past].2.to_lowercase().as_str(),
        "went"
            | "came"
            | "drove"
            | "flew"
            | "rode"
            | "ran"
            | "walked"
            | "travelled"
            | "traveled"
            | "returned"
            | "headed"
            | "rushed"
            | "hurried"
            | "sailed"
    ) {
        return false;
    }
    before_date[last_past + 1..].windows(2).any(|pair| {
        pair[0].2.eq_ignore_ascii_case("to")
            && pair[1].2.chars().all(|c| c.is_ascii_lowercase())
            && !matches!(
                pair[1].2,
                "the"
                    | "a"
                    | "an"
                    | "its"
                    | "his"
                    | "her"
                    | "their"
                    | "our"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
            )
    })
}

/// Whether the participle `clause[k]` follows a form of "to be", perhaps across a negation
/// or an adverb ("is not prepared", "was already planned"): passive, not past.
fn passive(clause: &[&str], k: usize) -> bool {
    let before = &clause[..k];
    match before {
        [.., be] if PASSIVE.contains(be) => true,
        [.., be, "not" | "never" | "also" | "already" | "still" | "now"] => PASSIVE.contains(be),
        _ => false,
    }
}

/// [`tense`] of lowercased words: which of future and past words are more.
fn tense_of(sentence: &[&str]) -> Ordering {
    let future = sentence.iter().filter(|w| FUTURE.contains(w)).count();
    let past = sentence
        .iter()
        .enumerate()
        .filter(|(k, w)| PAST.contains(w) && !(*k > 0 && PASSIVE.contains(&sentence[k - 1])))
        .count();
    future.cmp(&past)
}

/// How many days from `anchor` to the next `target` weekday: 0 to 6.
fn days_ahead(anchor: NaiveDate, target: Weekday) -> i64 {
    (7 + target.num_days_from_monday() as i64 - anchor.weekday().num_days_from_monday() as i64) % 7
}

/// The weekday `target` nearest to `anchor` in the direction the sentence's tense gives:
/// the anchor itself when it is that weekday, the coming one for the future, the last one for
/// the past; with no tense, whichever is nearer within three days ahead and, as the other
/// reading, the one on the other side.
fn resolve_weekday(
    anchor: NaiveDate,
    target: Weekday,
    tense: Ordering,
) -> (NaiveDate, Option<NaiveDate>) {
    let ahead = days_ahead(anchor, target);
    if ahead == 0 {
        return (anchor, None);
    }
    let coming = anchor + Duration::days(ahead);
    let last = anchor - Duration::days(7 - ahead);
    match tense {
        Ordering::Greater => (coming, None),
        Ordering::Less => (last, None),
        Ordering::Equal if ahead <= 3 => (coming, Some(last)),
        Ordering::Equal => (last, Some(coming)),
    }
}

/// A date stated in a block of text, before it is matched to an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stated {
    /// Byte range of the words in the block.
    pub start: usize,
    pub end: usize,
    pub date: PartialDate,
    /// Resolved from the publication date rather than stated in full.
    pub relative: bool,
    /// The other date the words may mean when they do not tell which
    /// ([`DetectedDate::other`]).
    pub other: Option<PartialDate>,
}

/// The dates stated in one block of text of an article published on `published`.
///
/// Inside quotation marks, words relative to a day ("tomorrow", "on Monday", "last month")
/// count from the day the words were spoken: when the block says, outside its quotes, on
/// which day someone spoke ("Ortiz said on Sunday: “We sail tomorrow”" in Tuesday's paper),
/// that day (in the quote's sentence, the nearest such day; else the block's, if it names
/// only one); else the publication day, as news reports what was said that day.
pub fn find_in(text: &str, published: &PartialDate) -> Vec<Stated> {
    let mut found = find_from(text, published);
    let quoted = spans(text);
    let quote_of = |d: &Stated| quoted.iter().find(|q| q.start <= d.start && d.end <= q.end);
    if !found.iter().any(|d| d.relative && quote_of(d).is_some()) {
        return found;
    }
    let spoken = days_of_speaking(text, &found, &|d| quote_of(d).is_some());
    let in_block = one_day(spoken.iter().map(|s| s.1));
    let mut anchors: Vec<(usize, NaiveDate)> = Vec::new();
    for (k, date) in found.iter().enumerate() {
        let Some(quote) = quote_of(date).filter(|_| date.relative) else {
            continue;
        };
        let from = sentence_start(text, quote.open);
        let to = sentence_end(text, quote.close).max(quote.close);
        // Of the sentence's, the one nearest the quote: its own reporting clause's.
        let in_sentence = spoken
            .iter()
            .filter(|(at, _)| (from..to).contains(at))
            .min_by_key(|(at, _)| {
                if *at < quote.open {
                    quote.open - at
                } else {
                    at - quote.close
                }
            })
            .map(|s| s.1);
        if let Some(day) = in_sentence.or(in_block) {
            if Some(day) != published.naive_date() {
                anchors.push((k, day));
            }
        }
    }
    let mut again: Vec<(NaiveDate, Vec<Stated>)> = Vec::new();
    for (k, day) in anchors {
        if !again.iter().any(|(d, _)| *d == day) {
            again.push((day, find_from(text, &day.into())));
        }
        let from_spoken = &again.iter().find(|(d, _)| *d == day).expect("just added").1;
        if let Some(date) = from_spoken
            .iter()
            .find(|a| a.start == found[k].start && a.end == found[k].end)
        {
            found[k] = date.clone();
        }
    }
    found
}

/// The day all of `days` are, if there is one.
fn one_day(mut days: impl Iterator<Item = NaiveDate>) -> Option<NaiveDate> {
    let first = days.next()?;
    days.all(|d| d == first).then_some(first)
}

/// Where and on which day the block says, outside quotation marks, that someone spoke: a
/// date with a reporting verb just before it ("said on Sunday", "told reporters in a
/// statement on Sunday") or, at a sentence's start, just after it ("On Sunday, Ortiz told
/// …").
fn days_of_speaking(
    text: &str,
    found: &[Stated],
    quoted: &dyn Fn(&Stated) -> bool,
) -> Vec<(usize, NaiveDate)> {
    let reporting = |w: &(usize, usize, &str)| {
        vocab::reporting_verb(w.2).is_some_and(|(form, _)| form == vocab::VerbForm::Past)
    };
    found
        .iter()
        .filter(|d| !quoted(d) && d.other.is_none() && d.date.precision() >= Precision::Day)
        .filter(|d| {
            let from = sentence_start(text, d.start);
            let before = words(&text[from..d.start]);
            let after = words(&text[d.end..sentence_end(text, d.end).max(d.end)]);
            // Only the words of where or to whom between the verb and the date: not "said
            // the attack on Sunday was …".
            let verb_before = before.iter().rev().take(5).any(reporting)
                && before
                    .iter()
                    .rev()
                    .take_while(|w| !reporting(w))
                    .all(|w| SPOKEN_TO.contains(&w.2));
            verb_before || (before.is_empty() && after.iter().take(4).any(reporting))
        })
        .map(|d| (d.start, d.date.start()))
        .collect()
}

/// Words that may stand between a reporting verb and the day it was done ("told reporters
/// in a statement on Sunday").
const SPOKEN_TO: &[&str] = &[
    "a",
    "an",
    "the",
    "in",
    "at",
    "to",
    "reporters",
    "journalists",
    "statement",
    "press",
    "conference",
    "briefing",
    "interview",
    "news",
    "late",
    "early",
];

/// [`find_in`] with every relative date counted from `published`.
fn find_from(text: &str, published: &PartialDate) -> Vec<Stated> {
    let anchor = published.naive_date();
    let tokens = words(text);
    // Each word lowercased once (not once for each of the three places that read it).
    let lowered: Vec<std::borrow::Cow<str>> = tokens.iter().map(|t| lowercase(t.2)).collect();
    let mut out = Vec::new();
    let stated = |start, end, date, relative, other| Stated {
        start,
        end,
        date,
        relative,
        other,
    };
    let mut i = 0;
    while i < tokens.len() {
        let (start, end, word) = tokens[i];
        let next = tokens.get(i + 1).map(|t| t.2);
        let after_next = tokens.get(i + 2).map(|t| t.2);
        let previous: Option<&str> = i.checked_sub(1).map(|k| &*lowered[k]);
        // A day's tense, and whether a past act of its clause dates it ([`year_by_tense`]):
        // only for a date the clause's verb is done on ("had found cracks on October 3"),
        // not one that names a thing ("did not mention the October 3 vote").
        let day_tense = |start: usize, end: usize| {
            let (tense, act) = clause_tense(text, start, end);
            let adverbial = matches!(
                previous,
                Some("on" | "in" | "since" | "from" | "by" | "until" | "before" | "after")
            );
            (tense, act && adverbial)
        };
        // "March 15", "Feb. 22", "March 15, 2014", "March 2014"
        if let Some(month) = month_number(word).filter(|_| {
            word != "May"
                || next.is_some_and(|n| day_number(n).is_some() || year_number(n).is_some())
        }) {
            if let Some(day) = next.and_then(day_number) {
                let year = after_next.and_then(year_number);
                let date = match year {
                    Some(y) => NaiveDate::from_ymd_opt(y, month, day).map(|d| (d, None)),
                    None => anchor
                        .or_else(|| NaiveDate::from_ymd_opt(published.year(), month, 1))
                        .and_then(|a| {
                            year_by_tense(a, month, day, day_tense(start, tokens[i + 1].1))
                        }),
                };
                if let Some((date, other)) = date {
                    let last = if year.is_some() { i + 2 } else { i + 1 };
                    out.push(stated(
                        start,
                        tokens[last].1,
                        date.into(),
                        year.is_none(),
                        other.map(PartialDate::from),
                    ));
                    i = last + 1;
                    continue;
                }
            }
            if let Some(year) = next.and_then(year_number) {
                if let Ok(date) = PartialDate::parse(&format!("{year:04}-{month:02}")) {
                    out.push(stated(start, tokens[i + 1].1, date, false, None));
                    i += 2;
                    continue;
                }
            }
            // "in March", "since November": the month of the nearest year.
            if matches!(
                previous,
                Some("in" | "since" | "until" | "by" | "early" | "late" | "mid" | "from")
            ) && word.len() > 3
            {
                // "in March last year"
                let year_after = match (lowered.get(i + 1), lowered.get(i + 2)) {
                    (Some(which), Some(y)) if y == "year" => shift_of(which),
                    _ => None,
                };
                if let (Some(shift), Some(a)) = (year_after, anchor) {
                    let year = a.year() + shift;
                    if let Ok(date) = PartialDate::parse(&format!("{year:04}-{month:02}")) {
                        out.push(stated(start, tokens[i + 2].1, date, true, None));
                    }
                    i += 3;
                    continue;
                }
                let (year, other) = anchor.map_or((published.year(), None), |a| {
                    month_year(a, month, clause_tense(text, start, end))
                });
                let month_of = |year: i32| PartialDate::parse(&format!("{year:04}-{month:02}"));
                if let Ok(date) = month_of(year) {
                    out.push(stated(
                        start,
                        end,
                        date,
                        true,
                        other.and_then(|y| month_of(y).ok()),
                    ));
                }
            }
        }
        // "25 May", "on 25 May 2014"
        if let (Some(day), Some(month)) = (day_number(word), next.and_then(month_number)) {
            let year = after_next.and_then(year_number);
            let date = match year {
                Some(y) => NaiveDate::from_ymd_opt(y, month, day).map(|d| (d, None)),
                None => anchor
                    .and_then(|a| year_by_tense(a, month, day, day_tense(start, tokens[i + 1].1))),
            };
            if let Some((date, other)) = date {
                let last = if year.is_some() { i + 2 } else { i + 1 };
                out.push(stated(
                    start,
                    tokens[last].1,
                    date.into(),
                    year.is_none(),
                    other.map(PartialDate::from),
                ));
                i = last + 1;
                continue;
            }
        }
        if let Some(anchor) = anchor {
            // "on Friday", "Sunday's vote", "as soon as Monday" — unless a full date follows.
            let bare = without_possessive(word);
            if let Some((_, weekday)) = WEEKDAYS.iter().find(|(name, _)| *name == bare) {
                let dated =
                    next.is_some_and(|n| month_number(n).is_some() || day_number(n).is_some());
                // "on a Monday", "every Monday": no one day; "October 10, a Monday": the
                // date's own weekday.
                let indefinite = matches!(previous, Some("a" | "every" | "each" | "any"));
                if !dated && !indefinite {
                    let ahead = days_ahead(anchor, *weekday);
                    let (date, other) = match previous {
                        // "next Friday" in the same week may be the coming one or the one
                        // after; never the day of publication.
                        Some("next") => {
                            let coming =
                                anchor + Duration::days(if ahead == 0 { 7 } else { ahead });
                            (
                                coming,
                                (ahead != 0 && ahead <= 3).then(|| coming + Duration::days(7)),
                            )
                        }
                        Some("last") => (anchor - Duration::days(7 - ahead), None),
                        // "since Monday" on a Monday: the last one, or this morning.
                        Some("since") if ahead == 0 => (anchor - Duration::days(7), Some(anchor)),
                        // "called a rally for Thursday": a past verb does not date what it
                        // was called for.
                        Some("for") => {
                            let tense = tense(text, start, end).max(Ordering::Equal);
                            resolve_weekday(anchor, *weekday, tense)
                        }
                        // "the victims of Monday's explosion": an event of that day is ahead only
                        // when words of the future stand with it ("ahead of Sunday's vote",
                        // "Sunday's vote is expected to"), not for a future elsewhere in the
                        // clause ("the fund will help the victims of Monday's explosion").
                        _ if bare != word => {
                            let tense = match tense(text, start, end) {
                                Ordering::Greater if !future_with_the_day(text, start, end) => {
                                    Ordering::Equal
                                }
                                told => told,
                            };
                            resolve_weekday(anchor, *weekday, tense)
                        }
                        _ => resolve_weekday(anchor, *weekday, tense(text, start, end)),
                    };
                    let phrase_start = match previous {
                        Some(
                            "on" | "by" | "until" | "since" | "before" | "after" | "next" | "last"
                            | "for",
                        ) => tokens[i - 1].0,
                        _ => start,
                    };
                    out.push(stated(
                        phrase_start,
                        end,
                        date.into(),
                        true,
                        other.map(PartialDate::from),
                    ));
                }
            }
            let lower: &str = &lowered[i];
            let pair: Option<&str> = lowered.get(i + 1).map(|w| &**w);
            match (lower, pair) {
                ("later" | "earlier", Some("in"))
                    if after_next == Some("the")
                        && tokens.get(i + 3).is_some_and(|t| t.2 == "day") =>
                {
                    out.push(stated(start, tokens[i + 3].1, anchor.into(), true, None));
                    i += 4;
                    continue;
                }
                ("today" | "tonight", _) => {
                    out.push(stated(start, end, anchor.into(), true, None));
                }
                ("yesterday", _) => {
                    out.push(stated(
                        start,
                        end,
                        (anchor - Duration::days(1)).into(),
                        true,
                        None,
                    ));
                }
                ("tomorrow", _) => {
                    out.push(stated(
                        start,
                        end,
                        (anchor + Duration::days(1)).into(),
                        true,
                        None,
                    ));
                }
                ("last" | "next" | "this", Some("month")) => {
                    let shift = shift_of(lower).expect("last, next or this");
                    let total = anchor.year() * 12 + anchor.month0() as i32 + shift;
                    if let Ok(date) = PartialDate::parse(&format!(
                        "{:04}-{:02}",
                        total.div_euclid(12),
                        total.rem_euclid(12) + 1
                    )) {
                        let from = if lower == "this" && previous == Some("earlier") {
                            tokens[i - 1].0
                        } else {
                            start
                        };
                        out.push(stated(from, tokens[i + 1].1, date, true, None));
                    }
                    i += 2;
                    continue;
                }
                ("last" | "next", Some("year")) => {
                    let year = anchor.year() + shift_of(lower).expect("last or next");
                    if let Ok(date) = PartialDate::parse(&format!("{year:04}")) {
                        out.push(stated(start, tokens[i + 1].1, date, true, None));
                    }
                    i += 2;
                    continue;
                }
                _ => {}
            }
        }
        i += 1;
    }
    out
}

/// How many months or years "last", "this" and "next" put before "month" or "year" move
/// from publication.
fn shift_of(word: &str) -> Option<i32> {
    match word {
        "last" => Some(-1),
        "this" => Some(0),
        "next" => Some(1),
        _ => None,
    }
}

/// `word` lowercased; borrowed when it has no capital (most words).
fn lowercase(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

/// `word` without the possessive "'s" or "’s" at its end, however often it repeats (as
/// `trim_end_matches` of the one and then the other, without their pattern searcher: this
/// runs for nearly every word of every article).
fn without_possessive(word: &str) -> &str {
    let mut bare = word;
    while let Some(stem) = bare.strip_suffix("'s") {
        bare = stem;
    }
    while let Some(stem) = bare.strip_suffix("’s") {
        bare = stem;
    }
    bare
}

/// Significant words of a title or sentence, for matching a date to an event.
fn keywords(text: &str) -> Vec<String> {
    const STOP: &[&str] = &[
        "the", "and", "for", "with", "from", "that", "this", "will", "would", "have", "been",
        "their", "they", "said", "says", "into", "over", "about", "after", "before", "during",
        "held", "hold", "holds", "tells", "told",
    ];
    words(text)
        .into_iter()
        .map(|(_, _, w)| without_possessive(&w.to_lowercase()).to_owned())
        .map(|w| {
            if w.len() > 4 && w.ends_with('s') && !w.ends_with("ss") {
                w[..w.len() - 1].to_owned()
            } else {
                w
            }
        })
        .filter(|w| w.len() >= 4 && !STOP.contains(&w.as_str()) && month_number(w).is_none())
        .collect()
}

/// How strongly the words around a date point at `event`: a title word counts more the nearer
/// it stands to the start of the title (titles lead with their subject) and the fewer event
/// titles share it ("Ukraine" in every title says little).
fn score(
    window: &[String],
    title: &[String],
    rarity: &std::collections::HashMap<String, f64>,
) -> f64 {
    title
        .iter()
        .enumerate()
        .filter(|(_, w)| window.contains(w))
        .map(|(position, w)| rarity.get(w).copied().unwrap_or(1.0) / (1.0 + position as f64))
        .sum()
}

/// For each title word, how rare it is among event titles: 1 for a word of one title, less for
/// words many titles share.
fn rarity(events: &[Event]) -> std::collections::HashMap<String, f64> {
    let mut df: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for event in events {
        let mut seen = keywords(&event.title);
        seen.sort();
        seen.dedup();
        for word in seen {
            *df.entry(word).or_default() += 1;
        }
    }
    let n = events.len().max(1) as f64;
    df.into_iter()
        .map(|(w, d)| (w, (1.0 + n / d as f64).ln() / (1.0 + n).ln()))
        .collect()
}

/// A match this strong, and a quarter stronger than the next, says what a date is the date of.
const CLEAR_MATCH: f64 = 0.5;

/// Whether `detected` falls on `event`'s date (or within its span or period).
fn falls_on(detected: &PartialDate, event: &Event) -> bool {
    let start = event.date.start();
    let end = match (&event.end, event.date.precision()) {
        (Some(end), _) => period_end(end),
        (None, _) => period_end(&event.date),
    };
    let (from, to) = (detected.start(), period_end(detected));
    from <= end && to >= start
}

fn period_end(date: &PartialDate) -> NaiveDate {
    match date.precision() {
        Precision::Year => NaiveDate::from_ymd_opt(date.year(), 12, 31).expect("valid"),
        Precision::Month => {
            let (y, m) = (date.year(), date.month().expect("month precision"));
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)
            };
            next.expect("valid") - Duration::days(1)
        }
        _ => date.start(),
    }
}

/// Every detected date of every article, matched to events; and a warning for each date that
/// contradicts the event it speaks of.
pub fn find_all(dossier: &Dossier) -> (Vec<Vec<DetectedDate>>, Vec<Diagnostic>) {
    use rayon::prelude::*;
    let rarity = rarity(&dossier.events);
    let titles: Vec<Vec<String>> = dossier.events.iter().map(|e| keywords(&e.title)).collect();
    let results: Vec<(Vec<DetectedDate>, Vec<Diagnostic>)> = dossier
        .articles
        .par_iter()
        .map(|article| find_in_article(dossier, article, &rarity, &titles))
        .collect();
    let mut dates = Vec::with_capacity(results.len());
    let mut problems = Vec::new();
    for (found, warnings) in results {
        dates.push(found);
        problems.extend(warnings);
    }
    (dates, problems)
}

/// The detected dates of article `index` alone, with its warnings.
pub fn find_one(dossier: &Dossier, index: usize) -> (Vec<DetectedDate>, Vec<Diagnostic>) {
    let rarity = rarity(&dossier.events);
    let titles: Vec<Vec<String>> = dossier.events.iter().map(|e| keywords(&e.title)).collect();
    find_in_article(dossier, &dossier.articles[index], &rarity, &titles)
}

fn find_in_article(
    dossier: &Dossier,
    article: &Article,
    rarity: &std::collections::HashMap<String, f64>,
    titles: &[Vec<String>],
) -> (Vec<DetectedDate>, Vec<Diagnostic>) {
    let reported: Vec<(usize, &Event)> = article
        .events
        .iter()
        .filter_map(|slug| dossier.event_index(slug).map(|i| (i, &dossier.events[i])))
        .collect();
    let blocks = article
        .paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| (i + 1, None, p.as_str()))
        .chain(
            article
                .asides
                .iter()
                .enumerate()
                .map(|(i, a)| (a.after, Some(i), a.text.as_str())),
        );
    let mut found = Vec::new();
    let mut warnings = Vec::new();
    for (paragraph, aside, text) in blocks {
        for stated in find_in(text, &article.published) {
            let Stated {
                start,
                end,
                mut date,
                relative,
                mut other,
            } = stated;
            // Of two readings, the one that falls on an event the article reports is meant.
            if let Some(alternative) = other.take() {
                let reports = |d: &PartialDate| reported.iter().any(|(_, e)| falls_on(d, e));
                match (reports(&date), reports(&alternative)) {
                    (true, false) => {}
                    (false, true) => date = alternative,
                    _ => other = Some(alternative),
                }
            }
            // The words around the date: what it is the date of.
            let from = sentence_start(text, start);
            let before: Vec<(usize, usize, &str)> = words(&text[from..start]);
            let window_start = before.len().saturating_sub(6);
            let window_from = before.get(window_start).map_or(start, |t| from + t.0);
            // Three words after the date: a few hundred bytes hold them.
            let mut ahead = text.len().min(end + 256);
            while !text.is_char_boundary(ahead) {
                ahead -= 1;
            }
            let window_to = words(&text[end..ahead]).get(3).map_or(ahead, |t| end + t.1);
            let window = keywords(&text[window_from..window_to]);
            let mut scored: Vec<(usize, &Event, f64)> = reported
                .iter()
                .map(|&(i, e)| (i, e, score(&window, &titles[i], rarity)))
                .collect();
            scored.sort_by(|a, b| b.2.total_cmp(&a.2));
            let best = scored
                .first()
                .filter(|(_, _, s)| {
                    *s >= CLEAR_MATCH && scored.get(1).is_none_or(|second| *s >= 1.25 * second.2)
                })
                .copied();
            // Of the reported events the date falls on, the one the words around it point at
            // most, if any word does: "talks on Friday in London" in a report of the London
            // talks and of a meeting the same day; not "Marsh phoned her on Wednesday" in a
            // report of Wednesday's visit.
            let on_date = scored
                .iter()
                .find(|(_, e, s)| {
                    *s > 0.0
                        && falls_on(&date, e)
                        && date.precision() >= Precision::Day
                        && e.date.precision() >= Precision::Day
                })
                .map(|(i, _, _)| *i);
            // An event that cites this very paragraph comes first: the date is most likely its.
            let citing: Vec<usize> = reported
                .iter()
                .filter(|(_, e)| {
                    e.reports.iter().any(|r| {
                        r.article == article.slug
                            && r.paragraph == Some(paragraph)
                            && aside.is_none()
                    })
                })
                .map(|(i, _)| *i)
                .collect();
            let cited_on_date = citing
                .iter()
                .copied()
                .filter(|&i| falls_on(&date, &dossier.events[i]))
                .collect::<Vec<_>>();
            let mut contradicts = None;
            let event = match best {
                _ if cited_on_date.len() == 1 => Some(cited_on_date[0]),
                Some((i, e, _)) if falls_on(&date, e) => Some(i),
                Some((i, e, _)) => {
                    // The words point at `e`, but a date that falls on another event the
                    // article reports may be that event's: words alone do not make it a
                    // contradiction of `e` ("Rahn said Greve had telephoned her on Tuesday"
                    // in a report of Rahn's Wednesday decision and Greve's Tuesday evidence).
                    let agrees_with_another = reported
                        .iter()
                        .any(|&(j, other)| j != i && falls_on(&date, other));
                    // An uncertain date's other reading falls on no event the article
                    // reports (else it would be the date): neither agrees with `e`.
                    if date.precision() >= Precision::Day
                        && e.date.precision() >= Precision::Day
                        && (date.start() - e.date.start()).num_days().abs() <= 14
                        && !agrees_with_another
                    {
                        let phrase = &text[start..end];
                        let readings = match &other {
                            Some(o) => format!("{} or {}", date.human(), o.human()),
                            None => date.human(),
                        };
                        let mut warning = Diagnostic::warning(
                            &article.path,
                            format!(
                                "paragraph {paragraph} dates “{phrase}” ({readings}) but the event “{}” ({}) is dated {}",
                                e.title,
                                e.path.display(),
                                e.date.human()
                            ),
                        )
                        .with_hint("check the article against its source; if the article is wrong, keep its text and record the difference as a claim of the event");
                        if let Some(&line) = article.paragraph_lines.get(paragraph.wrapping_sub(1))
                        {
                            warning.line = line;
                            warning.column = 1;
                            warning.source_line = article
                                .body
                                .lines()
                                .nth(line - article.body_line)
                                .map(str::to_owned);
                        }
                        warnings.push(warning);
                        contradicts = Some(i);
                    }
                    on_date
                }
                None => on_date,
            };
            found.push(DetectedDate {
                paragraph,
                aside,
                text: text[start..end].to_owned(),
                date,
                relative,
                other,
                event,
                contradicts,
            });
        }
    }
    (found, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_possessive_is_taken_off_as_trim_end_matches_would() {
        for word in [
            "Sunday's",
            "Sunday’s",
            "Sunday",
            "Sunday's's",
            "Sunday’s's",
            "Sunday's’s",
            "'s",
            "s",
            "",
        ] {
            assert_eq!(
                without_possessive(word),
                word.trim_end_matches("'s").trim_end_matches("’s"),
                "{word}"
            );
        }
    }

    /// The words, date and other reading of each date in `text`.
    fn dated(text: &str, published: &str) -> Vec<(String, String, Option<String>)> {
        let published = PartialDate::parse(published).unwrap();
        find_in(text, &published)
            .into_iter()
            .map(|d| {
                let words = text[d.start..d.end].to_owned();
                (words, d.date.iso(), d.other.map(|o| o.iso()))
            })
            .collect()
    }

    /// The words and date of each date in `text`.
    fn resolved(text: &str, published: &str) -> Vec<(String, String)> {
        let dated = dated(text, published).into_iter();
        dated.map(|(words, date, _)| (words, date)).collect()
    }

    #[test]
    fn a_weekday_takes_the_tense_of_its_own_clause() {
        // Wednesday 10 October 2035: the participle's past, not the main clause's future.
        assert_eq!(
            resolved(
                "Ruiz, removed from office by decree on Tuesday, is due to address the press.",
                "2035-10-10"
            ),
            [("on Tuesday".into(), "2035-10-09".into())]
        );
        // Saturday 13 October: "Asked … on Wednesday" is past; what follows "whether" is
        // another clause.
        assert_eq!(
            resolved(
                "Asked by reporters on Wednesday whether she expected to be in office for long, Ortiz smiled.",
                "2035-10-13"
            ),
            [("on Wednesday".into(), "2035-10-10".into())]
        );
        // Thursday 11 October: "is due to" six words before the weekday.
        assert_eq!(
            resolved(
                "The mayor is due to tour the flooded harbour on Monday.",
                "2035-10-11"
            ),
            [("on Monday".into(), "2035-10-15".into())]
        );
        // Wednesday 10 October: a question in quotation marks is its own clause.
        assert_eq!(
            resolved(
                "Question: “Will Ms Vela still be in office on Monday?”",
                "2035-10-10"
            ),
            [("on Monday".into(), "2035-10-15".into())]
        );
        // Wednesday 12 March: the clause is the one after "that", not the main verb's.
        assert_eq!(
            resolved(
                "“The mayor made it clear that the council is not prepared to act until after the count on Sunday,” Ortiz said.",
                "2036-03-12"
            ),
            [("on Sunday".into(), "2036-03-16".into())]
        );
        // A leading date takes the tense of the words after its comma.
        assert_eq!(
            resolved(
                "On Tuesday, the minister said the port was shut.",
                "2035-10-10"
            ),
            [("On Tuesday".into(), "2035-10-09".into())]
        );
    }

    /// The date and the other reading of each date in `text`.
    fn readings(text: &str, published: &str) -> Vec<(String, Option<String>)> {
        let dated = dated(text, published).into_iter();
        dated.map(|(_, date, other)| (date, other)).collect()
    }

    #[test]
    fn words_relative_to_a_day_in_a_quote_count_from_the_day_they_were_spoken() {
        // Tuesday 14 October 2036. Spoken on Sunday: her "tomorrow" is Monday.
        let tuesday = "2036-10-14";
        assert_eq!(
            resolved(
                "Mayor Orla Brenn said on Sunday: “The ferries sail again tomorrow.”",
                tuesday
            ),
            [
                ("on Sunday".into(), "2036-10-12".into()),
                ("tomorrow".into(), "2036-10-13".into())
            ]
        );
        // The speaking day after the quote; "Monday" is the one after Saturday.
        assert_eq!(
            resolved(
                "“We will meet the harbour board again on Monday,” Brenn told reporters on Saturday.",
                tuesday
            ),
            [
                ("on Monday".into(), "2036-10-13".into()),
                ("on Saturday".into(), "2036-10-11".into())
            ]
        );
        // At the start of the sentence.
        assert_eq!(
            resolved(
                "On Sunday, Brenn told the council: “Yesterday was the worst day.”",
                tuesday
            ),
            [
                ("On Sunday".into(), "2036-10-12".into()),
                ("Yesterday".into(), "2036-10-11".into())
            ]
        );
        // Of two speaking days, the quote's own sentence's.
        assert_eq!(
            resolved(
                "Brenn said on Saturday the quay was shut, and told reporters on Sunday: “We sail tomorrow.”",
                tuesday
            )[2],
            ("tomorrow".into(), "2036-10-13".into())
        );
        // No day of speaking: from publication, as before. Nor is a date after "said" one
        // when other words stand between ("said the storm on Sunday"), nor a date inside
        // the quote, nor words outside quotation marks.
        for text in [
            "“The ferries sail again tomorrow,” Brenn said.",
            "Brenn said the storm on Sunday had sunk two boats. “We sail tomorrow,” she added.",
            "Brenn said: “The storm on Sunday was the worst. We sail tomorrow.”",
            "Brenn said on Sunday that the ferries would sail tomorrow.",
        ] {
            let tomorrow = resolved(text, tuesday)
                .into_iter()
                .find(|(w, _)| w == "tomorrow")
                .unwrap();
            assert_eq!(tomorrow.1, "2036-10-15", "{text}");
        }
    }

    #[test]
    fn the_words_around_a_weekday_tell_which_one_or_that_it_is_no_one_day() {
        // Tuesday 14 October 2036.
        let tuesday = "2036-10-14";
        let date = |text: &str| readings(text, tuesday);
        let one = |d: &str| vec![(d.to_owned(), None)];
        let two = |d: &str, o: &str| vec![(d.to_owned(), Some(o.to_owned()))];
        // A weekday after an article is no one day, nor the date's own weekday a second date.
        assert_eq!(
            resolved(
                "At dawn on October 7, a Tuesday, the lock keeper saw the breach.",
                tuesday
            ),
            [("October 7".into(), "2036-10-07".into())]
        );
        assert_eq!(date("The market opens on a Tuesday each month."), []);
        assert_eq!(date("Every Monday the ferry waits for the mail."), []);
        // "next" and "last" the weekday of publication: a week on, a week back; "next" a
        // day of this week: this one or the one after.
        assert_eq!(date("The board will meet next Tuesday."), one("2036-10-21"));
        assert_eq!(date("The board met last Tuesday."), one("2036-10-07"));
        assert_eq!(
            date("The board will meet next Thursday."),
            two("2036-10-16", "2036-10-23")
        );
        // "since" the weekday of publication: a week back, or this morning.
        assert_eq!(
            date("The quay has been closed since Tuesday."),
            two("2036-10-07", "2036-10-14")
        );
        // What a meeting was called for is not dated by the past of the calling.
        assert_eq!(
            date("The harbourmaster has called a meeting of the pilots for Friday."),
            two("2036-10-17", "2036-10-10")
        );
        // "until" yields to a simple past, not to a present perfect.
        assert_eq!(
            date("The pilots waited until Thursday to sail."),
            one("2036-10-09")
        );
        assert_eq!(
            date("The inquiry has adjourned until Thursday."),
            one("2036-10-16")
        );
        // "would" before the date tells its future; after it, the main clause's.
        assert_eq!(
            date("The council said on Monday it would vote on Thursday."),
            [
                ("2036-10-13".to_owned(), None),
                ("2036-10-16".to_owned(), None)
            ]
        );
        assert_eq!(
            date("The ferrymen held on Saturday would appear before a magistrate."),
            one("2036-10-11")
        );
        // An infinitive after the past verb leaves the date open; "to" before an article is
        // a preposition.
        assert_eq!(
            date("The two councils have agreed to hold talks on Friday."),
            two("2036-10-17", "2036-10-10")
        );
        assert_eq!(
            date("The crew went to the port on Friday."),
            one("2036-10-10")
        );
        // A month with the year after it.
        assert_eq!(
            resolved("The quay flooded in March last year.", tuesday),
            [("March last year".into(), "2035-03".into())]
        );
    }

    /// "victims of Monday's explosion", "would return home on Saturday", "an inspection in
    /// October had flagged", "went to work on Monday", "on Monday extended": the verb that
    /// tells the date's tense, not another word of the sentence.
    #[test]
    fn the_verb_of_the_dates_own_clause_tells_its_tense() {
        // Thursday 16 October 2036: last Monday is the 13th, the coming one the 20th.
        let thursday = "2036-10-16";
        let date = |text: &str| readings(text, thursday);
        let one = |d: &str| vec![(d.to_owned(), None)];
        let two = |d: &str, o: &str| vec![(d.to_owned(), Some(o.to_owned()))];
        // A perfect "has set up" is past, "is set for" future.
        assert_eq!(
            date("The council has set up a relief fund for the families of the victims of Monday's flood in Corra."),
            one("2036-10-13")
        );
        assert_eq!(date("The vote is set for Monday."), one("2036-10-20"));
        // A possessive weekday is ahead only with words of the future of its own.
        assert_eq!(
            date("The fund will help the victims of Monday's landslide."),
            two("2036-10-13", "2036-10-20")
        );
        assert_eq!(
            date("Monday's vote is expected to back the plan."),
            one("2036-10-20")
        );
        // "would" and a verb before the date, after the reporting verb: the reported future.
        assert_eq!(
            date("Harbour master Lask said the last stranded crews would sail out on Saturday."),
            one("2036-10-18")
        );
        assert_eq!(
            date("Officials said the evacuated families would return home on Saturday."),
            one("2036-10-18")
        );
        assert_eq!(
            date("Lask said the crews would have sailed on Saturday if the storm had eased."),
            one("2036-10-11")
        );
        // A verb of going before "to": what the going was for, then.
        assert_eq!(
            date("They drove to work on Tuesday and never came back."),
            one("2036-10-14")
        );
        assert_eq!(
            date("The two sides have agreed to hold talks on Monday."),
            two("2036-10-13", "2036-10-20")
        );
        // A simple past right after the date, its subject before it.
        assert_eq!(
            date("A judge in Corra on Monday ordered the release of the crew."),
            one("2036-10-13")
        );
        // Thursday 19 June 2036: a past act in a month or on a day after June is last year's,
        // however near; a "said" before a present is not such a past.
        let june = "2036-06-19";
        let date = |text: &str| readings(text, june);
        assert_eq!(
            date("A survey in October had found cracks in the dam wall, the report said."),
            one("2035-10")
        );
        assert_eq!(date("The plant closed in September."), one("2035-09"));
        assert_eq!(
            date("An audit on October 3 had found cracks."),
            one("2035-10-03")
        );
        assert_eq!(
            date("The minister said the plant closes in September."),
            one("2036-09")
        );
        // A date that names a thing, not when the past act was done.
        assert_eq!(
            date("The statement did not mention the October 3 vote by name."),
            one("2036-10-03")
        );
        assert_eq!(date("The port will reopen in August."), one("2036-08"));
    }

    #[test]
    fn a_date_whose_clause_has_no_tense_is_uncertain() {
        // Friday 12 October 2035: nothing says whether the coming or the last Sunday.
        assert_eq!(
            readings(
                "The Quellport ferry on Sunday, with no passengers aboard.",
                "2035-10-12"
            )[..],
            [("2035-10-14".into(), Some("2035-10-07".into()))]
        );
        // A verb in -ed right after the date, its subject before: the last Sunday.
        assert_eq!(
            readings(
                "The Quellport ferry on Sunday carried no passengers.",
                "2035-10-12"
            )[..],
            [("2035-10-07".into(), None)]
        );
        // A simple past not in -ed tells: the last Sunday, and the last Monday though it is
        // three days ahead.
        assert_eq!(
            readings(
                "Fire broke out at the Ostrava mill on Sunday.",
                "2035-10-12"
            )[..],
            [("2035-10-07".into(), None)]
        );
        assert_eq!(
            readings(
                "The strike committee drew up its demands on Monday.",
                "2035-10-12"
            )[..],
            [("2035-10-08".into(), None)]
        );
        // The weekday of publication is that day.
        assert_eq!(
            readings(
                "The Quellport ferry on Friday carried no passengers.",
                "2035-10-12"
            )[..],
            [("2035-10-12".into(), None)]
        );
        // A month or a day without a year, months away, in a clause without tense.
        assert_eq!(
            readings("Elections in October.", "2034-04-20")[..],
            [("2034-10".into(), Some("2033-10".into()))]
        );
        assert_eq!(
            readings("The regatta of 2 November drew crowds.", "2034-04-20")[..],
            [("2033-11-02".into(), None)]
        );
        assert_eq!(
            readings(
                "The regatta of 2 November, a fixture for decades.",
                "2034-04-20"
            )[..],
            [("2033-11-02".into(), Some("2034-11-02".into()))]
        );
    }

    #[test]
    fn dates_without_a_year_take_it_from_the_tense() {
        // Past: the last such month or day before publication, even when another year's is
        // nearer; future: the next one; no tense: the nearest.
        assert_eq!(
            resolved("An inspection in October had found cracks.", "2034-04-20"),
            [("October".into(), "2033-10".into())]
        );
        assert_eq!(
            resolved(
                "The quay was inspected on October 3 by the board.",
                "2034-04-20"
            ),
            [("October 3".into(), "2033-10-03".into())]
        );
        assert_eq!(
            resolved("A vote is expected in October.", "2034-04-20"),
            [("October".into(), "2034-10".into())]
        );
        assert_eq!(
            resolved("Elections in October.", "2034-04-20"),
            [("October".into(), "2034-10".into())]
        );
        // The month of publication is this year's, past or future.
        assert_eq!(
            resolved("Ferries had stopped in April.", "2034-04-10"),
            [("April".into(), "2034-04".into())]
        );
        // A future day months away is the next one, though last year's is nearer.
        assert_eq!(
            resolved("The ferry will sail on 20 September.", "2034-03-10"),
            [("20 September".into(), "2034-09-20".into())]
        );
        // Near publication the nearest stands, whatever the words around: a quote's future
        // beside "said".
        assert_eq!(
            resolved("“We will vote on March 15,” said Ruiz.", "2034-03-14"),
            [("March 15".into(), "2034-03-15".into())]
        );
    }

    #[test]
    fn absolute_dates_take_the_nearest_year() {
        assert_eq!(
            resolved("ousted on Feb. 22 and the vote on March 15.", "2014-03-14"),
            [
                ("Feb. 22".into(), "2014-02-22".into()),
                ("March 15".into(), "2014-03-15".into())
            ]
        );
        assert_eq!(
            resolved("elections set for 25 May are illegal", "2014-03-11"),
            [("25 May".into(), "2014-05-25".into())]
        );
        assert_eq!(
            resolved("since December 30, 2013", "2014-01-02"),
            [("December 30, 2013".into(), "2013-12-30".into())]
        );
        assert_eq!(
            resolved("talks on Dec. 30", "2014-01-02"),
            [("Dec. 30".into(), "2013-12-30".into())]
        );
        assert_eq!(
            resolved("rejected in November 2013", "2014-03-11"),
            [("November 2013".into(), "2013-11".into())]
        );
        assert!(resolved("You May go", "2014-03-11").is_empty());
    }

    #[test]
    fn a_weekday_said_on_that_day_is_that_day() {
        // 14 March 2014 was a Friday.
        assert_eq!(
            resolved("Kerry will meet Lavrov on Friday.", "2014-03-14"),
            [("on Friday".into(), "2014-03-14".into())]
        );
        assert_eq!(
            resolved("Putin said on Friday the vote was legal.", "2014-03-14"),
            [("on Friday".into(), "2014-03-14".into())]
        );
    }

    #[test]
    fn a_later_weekday_in_the_future_tense_is_the_coming_one() {
        assert_eq!(
            resolved("Crimea will vote on Sunday.", "2014-03-14"),
            [("on Sunday".into(), "2014-03-16".into())]
        );
        assert_eq!(
            resolved("sanctions as soon as Monday", "2014-03-14"),
            [("Monday".into(), "2014-03-17".into())]
        );
        assert_eq!(
            resolved("Sunday's vote is expected to back secession.", "2014-03-15"),
            [("Sunday's".into(), "2014-03-16".into())]
        );
        assert_eq!(
            resolved("Crimea votes on Sunday", "2014-03-14"),
            [("on Sunday".into(), "2014-03-16".into())]
        );
    }

    #[test]
    fn an_earlier_weekday_in_the_past_tense_is_the_last_one() {
        // 11 March 2014 was a Tuesday.
        assert_eq!(
            resolved(
                "Nato announced on Monday that flights would start.",
                "2014-03-11"
            ),
            [("on Monday".into(), "2014-03-10".into())]
        );
        // 15 March 2014 was a Saturday.
        assert_eq!(
            resolved("Lavrov on Friday reaffirmed the position.", "2014-03-15"),
            [("on Friday".into(), "2014-03-14".into())]
        );
        assert_eq!(
            resolved("The talks ended on Friday.", "2014-03-15"),
            [("on Friday".into(), "2014-03-14".into())]
        );
    }

    #[test]
    fn relative_phrases() {
        assert_eq!(
            resolved("Kerry meets Lavrov later in the day.", "2014-03-14"),
            [("later in the day".into(), "2014-03-14".into())]
        );
        assert_eq!(
            resolved("He was ousted last month.", "2014-03-11"),
            [("last month".into(), "2014-02".into())]
        );
        assert_eq!(
            resolved("a coup earlier this month", "2014-03-14"),
            [("earlier this month".into(), "2014-03".into())]
        );
        assert_eq!(
            resolved("It happened yesterday.", "2014-03-01"),
            [("yesterday".into(), "2014-02-28".into())]
        );
        assert_eq!(
            resolved("Talks resume next month.", "2014-12-05"),
            [("next month".into(), "2015-01".into())]
        );
    }

    #[test]
    fn a_month_precision_article_resolves_only_absolute_dates() {
        assert_eq!(
            resolved("on Friday and on March 15", "2014-03"),
            [("March 15".into(), "2014-03-15".into())]
        );
    }

    /// A detected date as (words, event slug, contradicted event slug).
    type Found = (String, Option<String>, Option<String>);

    /// An invented dossier: a wire story of Thursday 7 October 2032 about a mayor's
    /// revocation, which also reports (through the hearing's `sources:`) the chair's evidence
    /// of the day before: its detected dates, and its warnings of dates that contradict an
    /// event.
    fn revocation_dates(body: &str) -> (Vec<Found>, usize) {
        let dir = tempfile::tempdir().expect("temp dir");
        for (rel, text) in [
            (
                "site.toml",
                "title = \"Saltmarsh port\"\nbase_url = \"https://example.org/\"\n",
            ),
            (
                "content/sources/tessaly-wire.md",
                "---\nname: Tessaly Wire\nkind: wire\n---\n",
            ),
            (
                "content/actors/idris-fenn.md",
                "---\nname: Idris Fenn\naliases: [Fenn]\nkind: person\n---\n",
            ),
            (
                "content/events/revocation.md",
                "---\ntitle: Fenn revokes the Saltmarsh port concession\ndate: 2032-10-07\n---\n",
            ),
            (
                "content/events/dockers-march.md",
                "---\ntitle: Dockers march against the concession\ndate: 2032-10-02\nsources: [\"wire-revocation#p1\"]\n---\n",
            ),
            (
                "content/events/board-evidence.md",
                "---\ntitle: The shipping company's chair gives evidence to the harbour board\ndate: 2032-10-06\nsources: [\"wire-revocation#p3\"]\n---\n",
            ),
        ] {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        std::fs::create_dir_all(dir.path().join("content/articles")).unwrap();
        std::fs::write(
            dir.path().join("content/articles/wire-revocation.md"),
            format!("---\ntitle: Fenn revokes concession\nsource: tessaly-wire\npublished: 2032-10-07T12:30:00+02:00\nevents: [revocation]\n---\n\n{body}\n"),
        )
        .unwrap();
        let site = crate::Site::load(dir.path(), &crate::LoadOptions::default())
            .expect("the dossier loads");
        let d = &site.dossier;
        let slug = |e: Option<usize>| e.map(|e| d.events[e].slug.clone());
        let dates = site.analysis.dates[0]
            .iter()
            .map(|x| (x.text.clone(), slug(x.event), slug(x.contradicts)))
            .collect();
        let warnings = site
            .warnings
            .iter()
            .filter(|w| w.message.contains("is dated"))
            .count();
        (dates, warnings)
    }

    #[test]
    fn a_date_of_another_reported_event_contradicts_none_by_a_name_near_it() {
        let (dates, warnings) = revocation_dates(
            "Mayor Idris Fenn on Thursday revoked the port concession of Brackwater Shipping.\n\n\
             Fenn said Marlow had telephoned her on Wednesday evening to promise that the company would comply.\n\n\
             At Wednesday's hearing, Marlow told the harbour board he had not seen the audit.",
        );
        let on = |words: &str| dates.iter().find(|d| d.0 == words).cloned().unwrap();
        // "Fenn" stands near the date, and first in the revocation's title; but the
        // chair's evidence, which the article also reports, was that Wednesday. Nor is the
        // telephone call the evidence because it fell on its day.
        assert_eq!(on("on Wednesday"), ("on Wednesday".into(), None, None));
        assert_eq!(on("on Thursday").1.as_deref(), Some("revocation"));
        assert_eq!(warnings, 0);
    }

    #[test]
    fn a_date_that_falls_on_no_reported_event_still_contradicts_the_one_it_names() {
        let (dates, warnings) = revocation_dates(
            "Mayor Idris Fenn on Thursday revoked the port concession of Brackwater Shipping.\n\n\
             Fenn signed the revocation on Tuesday, her office said.\n\n\
             At Wednesday's hearing, the company's chair told the harbour board he had not seen the audit.",
        );
        let tuesday = dates.iter().find(|d| d.0 == "on Tuesday").cloned().unwrap();
        assert_eq!(tuesday.2.as_deref(), Some("revocation"), "{dates:?}");
        assert_eq!(warnings, 1);
    }

    #[test]
    fn an_uncertain_weekday_is_the_one_a_reported_event_falls_on() {
        // Thursday 7 October 2032: "on Saturday" in a clause without tense is the coming
        // Saturday (two days ahead) or the last; the dockers' march the article reports was
        // the last.
        let (dates, warnings) = revocation_dates(
            "The dockers' march on Saturday, the largest in the town for a decade, ended at the harbour office.\n\n\
             Mayor Idris Fenn on Thursday revoked the port concession of Brackwater Shipping.\n\n\
             The company's chair gave evidence to the harbour board.",
        );
        let saturday = dates
            .iter()
            .find(|d| d.0 == "on Saturday")
            .cloned()
            .unwrap();
        assert_eq!(saturday.1.as_deref(), Some("dockers-march"), "{dates:?}");
        assert_eq!(warnings, 0);
    }
}
