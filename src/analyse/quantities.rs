//! Quantities stated in article text ("six hours", "several hours", "2 million people",
//! "48 hours"), so that comparison pages can point out where outlets give different figures
//! for the same thing.

use super::quotes::{sentence_end, sentence_start, words};
use super::values::{self, Agreement, Bound, Value};
use crate::vocab::SCALE_WORDS;

/// A number (or a vague amount such as "several") and the unit it counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// 1-based paragraph.
    pub paragraph: usize,
    /// The words as written: "six hours of talks", "48.7 per cent of the vote".
    pub text: String,
    /// The amount, normalised, with its bound: "6", "several", "2000000", "≤ 34000".
    pub amount: String,
    /// The unit, singular and lowercase: "hour", "percent" (for "%", "per cent", "pct"), a
    /// currency code ("USD").
    pub unit: String,
    /// What it measures: the counted noun ("vote" in "34,000 votes"), or the noun of its "of"
    /// phrase ("vote" in "48.7 per cent of the vote", "talk" in "six hours of talks").
    pub head: Option<String>,
    /// The figure or vague amount read from the words, for [`agree`].
    pub value: Value,
    /// Significant words just before and after it in its sentence, for telling whether two
    /// quantities count the same thing.
    pub context: Vec<String>,
    /// What its sentence says of what it counts ([`Predicate`]): two counts are counts of one
    /// thing only when it agrees ("31 miners have been trapped" and "23 miners were rescued"
    /// are two counts).
    pub predicate: Predicate,
}

/// What a sentence says of the things a count counts: a fate, a state or a place after it
/// ("31 miners have been trapped", "three workers are still unaccounted for", "43 workers
/// had been on the night shift"), or a fate before it ("the blaze killed five porters").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Predicate {
    /// Nothing is said of them in the count's clause: it ends there, or a reporting verb or a
    /// preposition comes before it ("officials said 12 people.", "the names of 12 people").
    Unsaid,
    /// A fate or a state, one word for words of one meaning ("dead" for "died", "killed" and
    /// "dead"; "missing" for "unaccounted for"), or a place after a verb such as "were" ("on
    /// night shift", "in hospital").
    Said(String),
    /// Something is said that these rules cannot read ("43 workers attend", "the firm employs
    /// 43 workers", "12 people in the village drowned"): it may be any fate.
    Unread,
}

/// Verbs between a count and what is said of it: "31 miners have been trapped", "two
/// remain missing".
const LINKS: &[&str] = &[
    "have", "has", "had", "been", "were", "was", "are", "is", "be", "being", "got", "remain",
    "remained", "remains", "stay", "stayed", "stays",
];

/// Adverbs between a count and what is said of it: "are still missing", "have so far been".
const ADVERBS: &[&str] = &[
    "reportedly",
    "still",
    "now",
    "so",
    "far",
    "all",
    "later",
    "also",
    "since",
    "yet",
    "then",
    "presumably",
    "probably",
    "apparently",
];

/// Participles that hedge what follows them: "are feared dead", "were believed to be
/// trapped", "were found alive"; alone, they are what is said ("12 cases were confirmed").
const HEDGES: &[&str] = &[
    "believed",
    "feared",
    "thought",
    "presumed",
    "reported",
    "confirmed",
    "known",
    "understood",
    "said",
    "found",
];

/// Fates and states a count may be in, besides participles in -ed and -en, with the word
/// that stands for each meaning.
const STATES: &[(&str, &str)] = &[
    ("dead", "dead"),
    ("died", "dead"),
    ("killed", "dead"),
    ("perished", "dead"),
    ("deceased", "dead"),
    ("missing", "missing"),
    ("unaccounted", "missing"),
    ("injured", "injured"),
    ("wounded", "injured"),
    ("hurt", "injured"),
    ("alive", "alive"),
    ("held", "held"),
    ("lost", "lost"),
    ("left", "left"),
    ("trapped", "trapped"),
    ("freed", "freed"),
    ("taken", "taken"),
    ("stranded", "stranded"),
    ("safe", "safe"),
    ("underground", "underground"),
    ("homeless", "homeless"),
];

/// Words in -ed and -en that are no participles.
const NOT_PARTICIPLES: &[&str] = &[
    "hundred", "indeed", "often", "seven", "eleven", "children", "women", "dozen", "citizen",
    "between", "even", "given",
];

/// Prepositions: after a count, they begin a phrase that describes what it counts ("three
/// workers from the night shift"); after a verb such as "were", a place ("were on the
/// night shift").
const PREPOSITIONS: &[&str] = &[
    "on", "in", "at", "from", "of", "with", "near", "inside", "outside", "aboard", "among",
    "between", "by", "to", "into", "for", "across", "along", "around", "behind", "beside",
    "beyond", "during", "within", "without", "through", "off", "onto", "under", "over", "below",
    "above",
];

/// Words that end the clause of a count: what follows is said of something else.
const CONJUNCTIONS: &[&str] = &[
    "and", "or", "but", "when", "while", "as", "after", "before", "because", "if", "than",
    "although", "though", "until", "where", "whose",
];

/// Words before a count that say nothing of what it counts: "the 43 workers", "said 43
/// workers", "of 43 workers".
const BEFORE_UNSAID: &[&str] = &[
    "the", "a", "an", "all", "some", "his", "her", "their", "its", "those", "these", "that", "and",
    "or", "than", "total", "only", "just", "another", "other",
];

/// Words after a count looked at for what is said of it.
const PREDICATE_WORDS: usize = 10;

/// The fate or state `word` (lowercase) names, with [`STATES`]' word for its meaning; with
/// `participles`, any participle in -ed or -en too.
fn fate(word: &str, participles: bool) -> Option<String> {
    if let Some((_, meaning)) = STATES.iter().find(|(w, _)| *w == word) {
        return Some((*meaning).to_owned());
    }
    (participles
        && word.len() > 4
        && (word.ends_with("ed") || word.ends_with("en"))
        && !NOT_PARTICIPLES.contains(&word))
    .then(|| word.to_owned())
}

/// Whether the text between two words breaks the clause: a comma, a colon, a dash, a
/// bracket or a quotation mark.
fn breaks(between: &str) -> bool {
    between.contains([',', ';', ':', '(', ')', '—', '–', '"', '“', '”'])
}

/// What the sentence says of the things counted by the words `from..to` of `text`
/// ([`Quantity::predicate`]): read after the count, and when nothing is said there, in the
/// word before it.
fn predicate_of(
    text: &str,
    words: &[(usize, usize, &str)],
    (from, to): (usize, usize),
    (sentence_from, sentence_to): (usize, usize),
) -> Predicate {
    let after = predicate_after(text, words, to, sentence_to);
    if after != Predicate::Unsaid {
        return after;
    }
    let first = words.partition_point(|w| w.0 < from);
    let Some(&(start, end, word)) = first.checked_sub(1).map(|k| &words[k]) else {
        return Predicate::Unsaid;
    };
    if start < sentence_from || breaks(&text[end..from]) {
        return Predicate::Unsaid;
    }
    let word = word.to_lowercase();
    if crate::vocab::reporting_verb(&word).is_some()
        || PREPOSITIONS.contains(&word.as_str())
        || BEFORE_UNSAID.contains(&word.as_str())
    {
        return Predicate::Unsaid;
    }
    fate(&word, true).map_or(Predicate::Unread, Predicate::Said)
}

/// What the words after a count (ending at `to`) say of what it counts, within its clause.
fn predicate_after(
    text: &str,
    words: &[(usize, usize, &str)],
    to: usize,
    sentence_to: usize,
) -> Predicate {
    let next = words.partition_point(|w| w.0 < to);
    // The words of the count's clause after it, lowercase.
    let mut before = to;
    let clause: Vec<String> = words[next..]
        .iter()
        .take_while(|&&(start, end, _)| {
            let within = end <= sentence_to && !breaks(&text[before..start]);
            before = end;
            within
        })
        .take(PREDICATE_WORDS + 1)
        .map(|w| w.2.to_lowercase())
        .collect();
    // A verb such as "were" links the count to what follows; a preposition before any
    // describes what is counted ("three workers from the night shift are").
    let (mut linked, mut describing) = (false, false);
    let mut hedge: Option<&str> = None;
    for (k, w) in clause.iter().map(String::as_str).enumerate() {
        if k == PREDICATE_WORDS {
            return Predicate::Unread;
        }
        if LINKS.contains(&w) || hedge.is_some() && w == "to" {
            (linked, describing) = (true, false);
            continue;
        }
        if ADVERBS.contains(&w) {
            continue;
        }
        if HEDGES.contains(&w) && !describing {
            (hedge, linked) = (Some(w), true);
            continue;
        }
        // Within a describing phrase, only a state word ("12 people in the village died"):
        // its participles describe the place ("from the flooded shaft").
        if let Some(fate) = fate(w, !describing) {
            return Predicate::Said(fate);
        }
        if let Some(hedge) = hedge {
            // "12 cases were confirmed in the city".
            return Predicate::Said(hedge.to_owned());
        }
        if CONJUNCTIONS.contains(&w) {
            break;
        }
        if describing || !linked && matches!(w, "who" | "that" | "which") {
            continue;
        }
        if PREPOSITIONS.contains(&w) {
            if !linked {
                describing = true;
                continue;
            }
            // A place: "were on the night shift" is "on night shift".
            let place: Vec<&str> = clause[k + 1..]
                .iter()
                .map(String::as_str)
                .skip_while(|w| BEFORE_UNSAID.contains(w))
                .take_while(|w| !PREPOSITIONS.contains(w) && !CONJUNCTIONS.contains(w))
                .take(2)
                .collect();
            return Predicate::Said([&[w], &place[..]].concat().join(" "));
        }
        return Predicate::Unread;
    }
    match hedge {
        Some(hedge) => Predicate::Said(hedge.to_owned()),
        None if linked || describing => Predicate::Unread,
        None => Predicate::Unsaid,
    }
}

const STOP: &[&str] = &[
    "the", "and", "that", "this", "with", "from", "have", "were", "will", "would", "said", "after",
    "before", "into", "their",
];

/// Units written glued to a number that are not counted nouns: "3pm", "5th", "1990s".
fn glued_unit(word: &str) -> bool {
    SCALE_WORDS.iter().any(|(w, _)| *w == word) || matches!(word, "pct" | "pc" | "pp" | "ppt")
}

/// The quantities in one paragraph's text.
/// Every figure of an article's paragraphs, in reading order.
pub fn of_article(article: &crate::model::Article) -> Vec<Quantity> {
    article
        .paragraphs
        .iter()
        .enumerate()
        .flat_map(|(n, p)| find_in(n + 1, p))
        .collect()
}

pub fn find_in(paragraph: usize, text: &str) -> Vec<Quantity> {
    let tokens = values::tokens(text);
    // The paragraph's words, read once a figure needs its context (most paragraphs have none).
    let mut all_words: Option<Vec<(usize, usize, &str)>> = None;
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some((value, mut end)) = values::figure_at(&tokens, i, false) else {
            i += 1;
            continue;
        };
        let (amount, unit, head) = match &value {
            Value::Figure(f) => {
                let bound = match f.bound {
                    Bound::Exact => "",
                    Bound::Approximate => "~",
                    Bound::AtMost => "≤ ",
                    Bound::AtLeast => "≥ ",
                };
                (
                    format!("{bound}{}", f.number),
                    f.unit.clone(),
                    f.head.clone(),
                )
            }
            Value::Vague { amount, unit } => (amount.clone(), unit.clone(), None),
            _ => (String::new(), String::new(), None),
        };
        // The number's own token, for telling a figure from a date or a time of day.
        let number = tokens[i..end]
            .iter()
            .position(|t| t.raw.starts_with(|c: char| c.is_ascii_digit()))
            .map(|k| i + k);
        let dated = number.is_some_and(|k| {
            let t = &tokens[k];
            let year = t.raw.len() == 4
                && t.raw.bytes().all(|b| b.is_ascii_digit())
                && (1800..2200).contains(&t.raw.parse::<u32>().unwrap_or(0))
                && !(unit == "percent" || unit.chars().all(|c| c.is_ascii_uppercase()));
            let month = |m: Option<&values::Token>| {
                m.is_some_and(|m| {
                    crate::vocab::MONTHS.iter().any(|name| {
                        name.to_lowercase().starts_with(&*m.lower) && m.lower.len() >= 3
                    })
                })
            };
            let glued = tokens.get(k + 1).is_some_and(|n| {
                n.start == t.end && n.raw.starts_with(char::is_alphabetic) && !glued_unit(&n.lower)
            });
            // "G8", "A320": a name with a number.
            let named = k.checked_sub(1).is_some_and(|p| {
                tokens[p].end == t.start && tokens[p].raw.starts_with(char::is_alphabetic)
            });
            year || glued
                || named
                || month(k.checked_sub(1).map(|p| &tokens[p]))
                || month(tokens.get(k + 1))
        });
        if unit.is_empty() || dated {
            i += 1;
            continue;
        }
        // "several hours of talks": a vague amount's "of" phrase.
        let mut head = head;
        if head.is_none() && tokens.get(end).is_some_and(|t| t.lower == "of") {
            let (noun, after) = values::head_of(&tokens, end + 1);
            if noun.is_some() {
                head = noun;
                end = after;
            }
        }
        let (from, to) = (tokens[i].start, tokens[end - 1].end);
        let head = head.or_else(|| match &value {
            Value::Figure(_) if !values::is_measure(&unit) => Some(unit.clone()),
            _ => None,
        });
        // The words right around the figure ("six hours of talks"), within its sentence.
        let all_words = all_words.get_or_insert_with(|| words(text));
        let first = all_words.partition_point(|w| w.0 < from);
        let last = all_words.partition_point(|w| w.1 <= to);
        let (sentence_from, sentence_to) = (sentence_start(text, from), sentence_end(text, to));
        let context = all_words[first.saturating_sub(4)..(last + 5).min(all_words.len())]
            .iter()
            .filter(|w| w.0 >= sentence_from && w.1 <= sentence_to && (w.1 <= from || w.0 >= to))
            .map(|w| values::singular(w.2))
            .filter(|w| w.len() >= 4 && !STOP.contains(&w.as_str()))
            .collect();
        let predicate = predicate_of(text, all_words, (from, to), (sentence_from, sentence_to));
        out.push(Quantity {
            paragraph,
            text: text[from..to].to_owned(),
            amount,
            unit,
            head,
            value,
            context,
            predicate,
        });
        i = end;
    }
    out
}

/// Units of a length of time or an age: what they measure is not in the unit ("two years
/// ago", "for eleven years", "aged 52"), so [`same_thing`] asks that both name it.
const DURATIONS: &[&str] = &[
    "second", "minute", "hour", "day", "night", "week", "month", "year", "decade", "century", "age",
];

fn is_duration(unit: &str) -> bool {
    DURATIONS.contains(&unit)
}

/// Whether two quantities measure the same thing: the same unit, the same fate when both say
/// one ([`Quantity::predicate`]), the same head noun when both have one ("48.7 per cent of
/// the vote" is not "99.8 per cent of ballots counted"), and
/// either the same "of" phrase ("six hours of talks") or sentences that share a significant
/// word besides the unit. A length of time or an age ([`DURATIONS`]) is the same thing as
/// another only when both name the same noun in an "of" phrase ("six hours of talks").
pub fn same_thing(a: &Quantity, b: &Quantity) -> bool {
    if a.unit != b.unit {
        return false;
    }
    // A length of time or an age says nothing of what it measures by itself: "a report two
    // years ago" and "director for eleven years" are not one fact told twice. Only the same
    // noun named in both ("six hours of talks", "four hours of talks") makes them one.
    if is_duration(&a.unit) {
        return match (&a.head, &b.head) {
            (Some(x), Some(y)) => x == y && *x != a.unit,
            _ => false,
        };
    }
    // "31 miners trapped" and "23 miners rescued": two fates, two counts. Counts of things
    // are one only when what is said of both agrees: "43 workers had been on the night
    // shift" and "three workers are unaccounted for" count different people, and so may
    // "employs 43 workers" (unread) and "killed three workers".
    match (&a.predicate, &b.predicate) {
        (Predicate::Said(x), Predicate::Said(y)) if x != y => return false,
        (x, y) if !values::is_measure(&a.unit) && (x != y || *x == Predicate::Unread) => {
            return false
        }
        _ => {}
    }
    match (&a.head, &b.head) {
        (Some(x), Some(y)) if x != y => false,
        // The same noun of an "of" phrase is a shared significant word.
        (Some(x), Some(_)) if *x != a.unit => true,
        _ => a
            .context
            .iter()
            .any(|w| *w != a.unit && b.context.contains(w)),
    }
}

/// Whether two quantities that measure the same thing agree, differ beyond the precision
/// written, or cannot be told ("several hours" against "six hours"); see [`values::compare`].
pub fn agree(a: &Quantity, b: &Quantity) -> Agreement {
    if !same_thing(a, b) {
        return Agreement::Unsure;
    }
    values::compare(&a.value, &b.value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Quantity {
        let found = find_in(1, text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().unwrap()
    }

    #[test]
    fn counts_of_different_fates_are_not_the_same_thing() {
        let rescued =
            one("Coastguards said 14 fishermen were rescued near the reef at Cape Dunmore.");
        let missing =
            one("Coastguards said 19 fishermen were missing near the reef at Cape Dunmore.");
        let also_rescued =
            one("Coastguards said 19 fishermen have been rescued near the reef at Cape Dunmore.");
        assert_eq!(rescued.predicate, Predicate::Said("rescued".to_owned()));
        assert_eq!(missing.predicate, Predicate::Said("missing".to_owned()));
        assert_eq!(agree(&rescued, &missing), Agreement::Unsure);
        assert_eq!(agree(&rescued, &also_rescued), Agreement::Differ);
    }

    #[test]
    fn counts_are_one_thing_only_when_what_is_said_of_both_agrees() {
        // An invented warehouse fire at Pier Kestrel.
        let on_shift =
            one("Foreman Ilka Brandt said 37 porters had been on the late shift at Pier Kestrel.");
        let unaccounted =
            one("Four porters from the late shift are still unaccounted for at Pier Kestrel.");
        let more = one("More than 30 porters were on the late shift at Pier Kestrel, she said.");
        assert_eq!(
            on_shift.predicate,
            Predicate::Said("on late shift".to_owned())
        );
        assert_eq!(unaccounted.predicate, Predicate::Said("missing".to_owned()));
        assert!(!same_thing(&on_shift, &unaccounted));
        assert!(!same_thing(&more, &unaccounted));
        assert!(same_thing(&on_shift, &more), "{on_shift:?} {more:?}");
        // One meaning, two wordings: compared, and they differ.
        let missing =
            one("Six porters from the late shift remain missing, the harbour master said.");
        assert_eq!(agree(&unaccounted, &missing), Agreement::Differ);
        // A fate before the count reads like one after it.
        let killed = one("The blaze at Pier Kestrel killed five porters.");
        let died = one("Seven porters died in the Pier Kestrel blaze.");
        assert_eq!(killed.predicate, Predicate::Said("dead".to_owned()));
        assert_eq!(agree(&killed, &died), Agreement::Differ);
        // What the rules cannot read may be any fate: not compared.
        let employs = one("The depot at Pier Kestrel employs 40 porters.");
        assert_eq!(employs.predicate, Predicate::Unread);
        assert!(!same_thing(&employs, &killed));
        // A place against a fate; the same place however it is written.
        let in_hospital = one("Three porters from Pier Kestrel are still in hospital.");
        let taken = one("Two porters from Pier Kestrel were taken to hospital.");
        let remain = one("Two porters from Pier Kestrel remain in the hospital.");
        assert_eq!(
            in_hospital.predicate,
            Predicate::Said("in hospital".to_owned())
        );
        assert!(!same_thing(&in_hospital, &taken));
        assert_eq!(agree(&in_hospital, &remain), Agreement::Differ);
        // Hedged: "feared dead" is dead; the words of a describing phrase are not its fate.
        let feared = one("Nine porters at Pier Kestrel are feared dead.");
        assert_eq!(feared.predicate, Predicate::Said("dead".to_owned()));
        let flooded = one("Two porters from the flooded Pier Kestrel shed were found alive.");
        assert_eq!(flooded.predicate, Predicate::Said("alive".to_owned()));
    }

    #[test]
    fn lengths_of_time_and_ages_are_compared_only_when_both_name_what_they_measure() {
        // An invented clinic: a report some years ago and a post held for years are not one
        // fact, however many words their sentences share.
        let ago =
            one("The Orlov Clinic inquiry opened three years ago, said the Orlov Clinic board.");
        let held = one("Dr Anke Roos has led the Orlov Clinic board for nine years.");
        assert_eq!((ago.unit.as_str(), held.unit.as_str()), ("year", "year"));
        assert!(!same_thing(&ago, &held));
        assert_eq!(agree(&ago, &held), Agreement::Unsure);
        let aged = one("The Orlov Clinic surgeon, aged 44, spoke to the Orlov Clinic board.");
        let older = one("The Orlov Clinic surgeon, aged 51, left the Orlov Clinic board.");
        assert!(!same_thing(&aged, &older));
        // Both name what they measure: the length of the strike.
        let strike = one("Nurses at the Orlov Clinic ended nine days of strike action on Friday.");
        let shorter = one("Nurses at the Orlov Clinic ended four days of strike action on Friday.");
        assert_eq!(strike.head.as_deref(), Some("action"));
        assert!(same_thing(&strike, &shorter));
        assert_eq!(agree(&strike, &shorter), Agreement::Differ);
    }

    #[test]
    fn finds_numbers_words_and_vague_amounts() {
        let found = find_in(
            1,
            "After six hours of talks, and 2 million people in 2014, several hours later.",
        );
        let pairs: Vec<(&str, &str, &str)> = found
            .iter()
            .map(|q| (q.text.as_str(), q.amount.as_str(), q.unit.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("six hours of talks", "6", "hour"),
                ("2 million people", "2000000", "people"),
                ("several hours", "several", "hour")
            ]
        );
        assert_eq!(found[0].head.as_deref(), Some("talk"));
        assert_eq!(found[1].head.as_deref(), Some("people"));
    }

    #[test]
    fn per_cent_is_a_unit_and_a_share_of_its_head_noun() {
        for text in [
            "Ortiz won 48.7 per cent of the vote, officials said.",
            "Ortiz won 48.7 percent of the vote, officials said.",
            "Ortiz won 48.7% of the vote, officials said.",
            "Ortiz won 48.7 % of the vote, officials said.",
            "Ortiz won 48.7 pct of the vote, officials said.",
        ] {
            let q = one(text);
            assert_eq!(
                (q.amount.as_str(), q.unit.as_str(), q.head.as_deref()),
                ("48.7", "percent", Some("vote")),
                "{text}"
            );
        }
        let q = one("With 99.8 per cent of ballots counted, Ortiz led.");
        assert_eq!(
            (q.unit.as_str(), q.head.as_deref()),
            ("percent", Some("ballot"))
        );
        assert!(find_in(1, "It was 48.7 per cent.")
            .iter()
            .all(|q| q.unit != "per"));
    }

    #[test]
    fn shares_of_different_things_are_not_the_same_thing() {
        let vote = one("Ortiz won 48.7 per cent of the vote in the referendum count.");
        let ballots = one("In the referendum count, 99.8 per cent of ballots counted showed it.");
        assert!(!same_thing(&vote, &ballots));
        assert_eq!(agree(&vote, &ballots), Agreement::Unsure);
        let other = one("Ortiz won 48.71 percent of the vote in the referendum count.");
        assert!(same_thing(&vote, &other));
        assert_eq!(agree(&vote, &other), Agreement::Agree);
        let lower = one("Ortiz won 48.6% of the vote in the referendum count.");
        assert_eq!(agree(&other, &lower), Agreement::Differ);
    }

    #[test]
    fn bounds_and_thousands() {
        let a = one("Ortiz won by less than 34,000 votes, the count showed.");
        let b = one("Ortiz won by less than 31,000 votes, the count showed.");
        assert_eq!(a.amount, "≤ 34000");
        assert_eq!(a.text, "less than 34,000 votes");
        assert!(same_thing(&a, &b));
        assert_eq!(agree(&a, &b), Agreement::Differ);
        let c = one("Ortiz won by less than 34 000 votes, the count showed.");
        assert_eq!(agree(&a, &c), Agreement::Agree);
    }

    #[test]
    fn vague_against_exact_is_unsure() {
        let six = one("After six hours of last-ditch talks in London, they parted.");
        assert_eq!(six.head.as_deref(), Some("talk"));
        let several = one("After several hours of talks with Kerry, they parted.");
        assert!(same_thing(&six, &several));
        assert_eq!(agree(&six, &several), Agreement::Unsure);
        let about = one("After about six hours of talks in London, they parted.");
        assert_eq!(agree(&six, &about), Agreement::Agree);
    }

    #[test]
    fn dates_times_and_names_are_not_quantities() {
        for text in [
            "The vote on March 16 ended at 3pm.",
            "In the 1990s, the 16 March vote.",
            "She met the Two Sessions delegates on 5th May.",
            "In 2014 nothing happened.",
            "The G8 summit in Sochi.",
        ] {
            assert_eq!(find_in(1, text), [], "{text}");
        }
        let crowd = one("On Feb. 26 several thousand people gathered.");
        assert_eq!(
            (crowd.amount.as_str(), crowd.unit.as_str()),
            ("several thousand", "people")
        );
        let money = one("Kiev asked for $35bn in aid.");
        assert_eq!(
            (money.amount.as_str(), money.unit.as_str()),
            ("35000000000", "USD")
        );
    }

    #[test]
    fn the_same_thing_needs_the_same_unit_and_a_shared_word() {
        let a = &find_in(1, "After six hours of talks in London.")[0];
        let b = &find_in(1, "After several hours of talks with Kerry.")[0];
        let c = &find_in(1, "He slept for eight hours.")[0];
        let d = &find_in(1, "The next 48 hours will be key for the talks in the end.")[0];
        assert!(same_thing(a, b));
        assert!(!same_thing(a, c));
        assert!(!same_thing(a, d), "{d:?}");
    }
}
