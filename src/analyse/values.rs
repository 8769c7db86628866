//! Claim values: what an article reports for a claim ("48.71 percent", "less than 34,000
//! votes", "Sunday", "aged 61"), read as a figure, a vague amount, a date or text, so that a
//! comparison says two articles differ only when their facts do, never on their wording.
//!
//! Precision is what the writer wrote, not what we guess: a number stands for every value
//! that rounds to it at the unit of its last significant digit ([`Number::precision`]:
//! 48.71 → 0.01, 48.7 → 0.1, 34,512 → 1, 34,000 → 1000, "two million" → 1,000,000; the
//! trailing zeros of a whole number are not significant, since "34,000 votes" is as often a
//! round figure as an exact one). Two figures [`Agreement::Differ`] only when these ranges do
//! not meet; they [`Agreement::Agree`] when they meet even if every written digit counts
//! ([`Number::written`]: 34,000 → 1), so "34,000" against "34,400" is [`Agreement::Unsure`].
//! A count of things ("6 people") is exact; a measure ("6 hours", "48.7 %", "$5") is rounded,
//! so "six hours" against "seven hours" is unsure (six and a half hours is both) while "six
//! people" against "seven people" differ. "About" widens a figure by a tenth of it to agree
//! and a quarter of it before it can differ, or by its rounding when that is more, not by
//! both ("about 2 million" may be 1.5 million, not 1.2 million). A bound agrees with a figure it admits ("at
//! least 12" with 14; "more than 12" leaves 12 out, so against 12 it is unsure). A bare weekday means the nearest such day, the
//! last or the coming one. Whatever this module cannot read is text, and text never differs.

use std::fmt;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::model::{PartialDate, Precision};
use crate::vocab::{self, MONTHS, NUMBER_WORDS, SCALE_WORDS, VAGUE_AMOUNTS, WEEKDAYS};

/// What a claim value says, read from its words.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A number with its unit: "48.71 percent", "less than 34,000 votes", "$5bn", "aged 61".
    Figure(Figure),
    /// An amount without a number: "several hours", "dozens of people".
    Vague {
        /// The amount word(s), lowercase: "several", "hundreds of thousands".
        amount: String,
        /// The counted noun, singular and lowercase: "hour".
        unit: String,
    },
    /// A date: "16 March 2014", "on Sunday", "yesterday", "last month".
    Date(DateValue),
    /// Anything else, normalised (lowercase, no punctuation, single spaces).
    Text(String),
}

/// Whether two values say the same thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Agreement {
    Agree,
    Differ,
    /// They may or may not: different units, a vague amount against a figure, text.
    Unsure,
}

/// How a figure or date bounds the truth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bound {
    Exact,
    /// "about", "around", "nearly", "almost", "roughly", "some", "a dozen".
    Approximate,
    /// "less than", "under", "fewer than", "below", "up to", "at most"; for dates "by".
    AtMost,
    /// "more than", "over", "at least", "above"; for dates "as soon as".
    AtLeast,
}

/// A number as written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    pub value: f64,
    /// The unit of the last significant digit written: 48.71 → 0.01, 34,512 → 1, 34,000 →
    /// 1000, 1.2m → 100,000, "two million" → 1,000,000.
    pub precision: f64,
    /// The unit of the last digit written, zeros included: 34,000 → 1, 2 million → 1,000,000.
    pub written: f64,
}

/// A number with its unit and bound.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub number: Number,
    pub bound: Bound,
    /// The bound leaves its own number out: "more than 12", "under 40" (not "at least 12",
    /// "up to 40"). False for a figure without a bound.
    pub strict: bool,
    /// "percent", "percentage point", a currency code ("USD"), "age", a counted noun singular
    /// and lowercase ("vote", "hour", "people"), or "" for a bare number.
    pub unit: String,
    /// What the figure is a share or amount of: "vote" in "48.7 per cent of the vote".
    pub head: Option<String>,
}

/// A date, or the days it may be.
#[derive(Debug, Clone, PartialEq)]
pub struct DateValue {
    pub bound: Bound,
    /// The days (or months, years) the words may mean; a bare weekday has two. Empty when a
    /// relative date has no publication date to resolve against.
    pub candidates: Vec<When>,
    /// The words, normalised.
    pub written: String,
}

/// One reading of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Period(PartialDate),
    /// A day of a year not known: "16 March".
    MonthDay(u32, u32),
    /// A month of a year not known.
    Month(u32),
    /// A weekday with nothing to resolve it against.
    Weekday(Weekday),
}

/// Reads a claim value. `published` is the date of the article that reports it, against
/// which "Sunday" or "yesterday" are resolved; a note in parentheses such as "(article of
/// Tuesday 11 March)" serves when it is missing. Other notes are ignored unless they state a
/// figure or a date of their own, which makes the value ambiguous, hence text.
pub fn parse(text: &str, published: Option<&PartialDate>) -> Value {
    let (main, notes) = split_notes(text);
    let mut anchor = published.and_then(PartialDate::naive_date).map(Anchor::Day);
    for note in &notes {
        let tokens = tokens(note);
        let lower: Vec<&str> = tokens.iter().map(|t| t.lower.as_ref()).collect();
        let skip = match lower.as_slice() {
            ["article", "of" | "dated", ..] => 2,
            ["published" | "dated", ..] => 1,
            _ if is_reference(&lower) || !states_something(&tokens) => continue,
            _ => return Value::Text(normalise(text)),
        };
        if anchor.is_none() {
            anchor = article_date(&tokens[skip..]);
        }
    }
    let tokens = tokens(&main);
    if tokens.is_empty() {
        return Value::Text(normalise(text));
    }
    if let Some(date) = date(&tokens, anchor) {
        return Value::Date(date);
    }
    match figure_at(&tokens, 0, true) {
        Some((value, end)) if end == tokens.len() => value,
        _ => Value::Text(normalise(text)),
    }
}

/// Whether `a` and `b` say the same thing, differ, or cannot be told apart; see the module's
/// documentation for the precision rules. `Differ` is said only when sure.
/// Whether `a` and `b` are figures bounded the same way ("at least 9" and "at least 12"):
/// [`compare`] finds them different figures when their numbers are apart (a later count may
/// update an earlier one), but both can be true, so neither contradicts the other.
pub fn bounds_the_same_way(a: &Value, b: &Value) -> bool {
    matches!((a, b), (Value::Figure(x), Value::Figure(y))
        if x.bound == y.bound && matches!(x.bound, Bound::AtLeast | Bound::AtMost))
}

pub fn compare(a: &Value, b: &Value) -> Agreement {
    match (a, b) {
        (Value::Figure(x), Value::Figure(y)) => compare_figures(x, y),
        (
            Value::Vague { amount, unit },
            Value::Vague {
                amount: other,
                unit: other_unit,
            },
        ) if amount == other && unit == other_unit => Agreement::Agree,
        (Value::Date(x), Value::Date(y)) => compare_dates(x, y),
        (Value::Text(x), Value::Text(y)) if x == y => Agreement::Agree,
        _ => Agreement::Unsure,
    }
}

impl fmt::Display for Value {
    /// A short normal form, for a hover title: "48.71 %", "≤ 34000 vote", "≈ 6 hour",
    /// "2014-03-16", "aged 61".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Figure(figure) => figure.fmt(f),
            Value::Vague { amount, unit } => write!(f, "{amount} {unit}"),
            Value::Date(date) => date.fmt(f),
            Value::Text(text) => f.write_str(text),
        }
    }
}

impl fmt::Display for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.bound {
            Bound::Exact => "",
            Bound::Approximate => "≈ ",
            // Inclusive signs: "at least 7" and "more than 7" are both true as "≥ 7";
            // "> 7" would be false for the first.
            Bound::AtMost => "≤ ",
            Bound::AtLeast => "≥ ",
        })?;
        let number = self.number.to_string();
        match self.unit.as_str() {
            "age" => write!(f, "aged {number}")?,
            "" => f.write_str(&number)?,
            "percent" => write!(f, "{number} %")?,
            unit => write!(f, "{number} {unit}")?,
        }
        match &self.head {
            Some(head) => write!(f, " of {head}"),
            None => Ok(()),
        }
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let decimals = (-self.written.log10()).round().max(0.0) as usize;
        write!(f, "{:.*}", decimals, self.value)
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.bound {
            Bound::Exact => "",
            Bound::Approximate => "≈ ",
            Bound::AtMost => "≤ ",
            Bound::AtLeast => "≥ ",
        })?;
        if self.candidates.is_empty() {
            return f.write_str(&self.written);
        }
        for (k, when) in self.candidates.iter().enumerate() {
            if k > 0 {
                f.write_str(" or ")?;
            }
            match when {
                When::Period(date) => write!(f, "{date}")?,
                When::MonthDay(m, d) => write!(f, "{d} {}", MONTHS[*m as usize - 1])?,
                When::Month(m) => f.write_str(MONTHS[*m as usize - 1])?,
                When::Weekday(w) => f.write_str(weekday_name(*w))?,
            }
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------
// Comparison

/// Units that measure rather than count: a whole number of them is a rounding, not an exact
/// count.
const MEASURES: &[&str] = &[
    "",
    "age",
    "percent",
    "percentage point",
    "point",
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "year",
    "decade",
    "century",
    "kilometre",
    "mile",
    "metre",
    "kilogram",
    "tonne",
    "ton",
    "litre",
    "barrel",
    "hectare",
    "acre",
    "degree",
];

/// Currency codes: amounts of money are measures too.
const CURRENCY_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "RUB", "UAH", "CHF", "CNY", "CAD", "AUD",
];

/// Whether a unit measures (time, distance, money, shares, age) rather than counts things.
pub(crate) fn is_measure(unit: &str) -> bool {
    MEASURES.contains(&unit) || CURRENCY_CODES.contains(&unit)
}

/// How far a figure's truth may lie from its value, either way: half the unit of its last
/// significant digit; nothing for an exact count of things ("6 people").
fn spread(figure: &Figure) -> f64 {
    let n = &figure.number;
    if !is_measure(&figure.unit) && n.precision == 1.0 && n.written == 1.0 && n.value.fract() == 0.0
    {
        0.0
    } else {
        n.precision / 2.0
    }
}

fn compare_figures(a: &Figure, b: &Figure) -> Agreement {
    if a.unit != b.unit {
        // A bare number is the same figure with its unit left out (a claim has one subject).
        // Against a count ("less than 31,000" and "less than 34,000 votes") it is compared as
        // that count; against a measure it may agree but never differs, since the unit left
        // out may have been another ("6" hours against "360 minutes").
        if a.unit.is_empty() || b.unit.is_empty() {
            let (mut a, mut b) = (a.clone(), b.clone());
            let unit = if a.unit.is_empty() { &b.unit } else { &a.unit }.clone();
            a.unit.clone_from(&unit);
            b.unit.clone_from(&unit);
            return match compare_figures(&a, &b) {
                Agreement::Differ if is_measure(&unit) => Agreement::Unsure,
                found => found,
            };
        }
        return Agreement::Unsure;
    }
    if let (Some(x), Some(y)) = (&a.head, &b.head) {
        if x != y {
            return Agreement::Unsure;
        }
    }
    let (va, vb) = (a.number.value, b.number.value);
    let epsilon = 1e-9 * va.abs().max(vb.abs()).max(1.0);
    // "About" says the figure is rounded: before it can differ, it stands for a quarter of
    // it either way, or what its rounding stands for when that is more ("about 2 million"
    // is 1.5 to 2.5 million), not both.
    let loose = |f: &Figure| {
        if f.bound == Bound::Approximate {
            spread(f).max(0.25 * f.number.value.abs())
        } else {
            spread(f)
        }
    };
    // To agree, a tenth of it, or its last digit written when that is more: never wider
    // than what it stands for before it can differ.
    let close = |f: &Figure| {
        if f.bound == Bound::Approximate {
            (f.number.written / 2.0).max(0.1 * f.number.value.abs())
        } else {
            f.number.written / 2.0
        }
    };
    let point = |x: Bound| matches!(x, Bound::Exact | Bound::Approximate);
    match (a.bound, b.bound) {
        // Two points, or two bounds the same way: "less than 31,000" and "less than 34,000"
        // report different figures.
        (x, y) if (point(x) && point(y)) || x == y => {
            let gap = (va - vb).abs();
            if gap + epsilon < close(a) + close(b) {
                Agreement::Agree
            } else if gap > loose(a) + loose(b) + epsilon {
                Agreement::Differ
            } else {
                Agreement::Unsure
            }
        }
        // A bound and a point, or opposite bounds: they agree when the bound admits the
        // point ("at least 12" and "14"), and differ only when nothing satisfies both.
        _ => {
            if admits(a, b) || admits(b, a) {
                return Agreement::Agree;
            }
            let (upper, lower) = match (a.bound, b.bound) {
                (Bound::AtMost, _) | (_, Bound::AtLeast) => (a, b),
                _ => (b, a),
            };
            let highest = upper.number.value + loose(upper);
            let lowest = lower.number.value - loose(lower);
            if lowest > highest + epsilon {
                Agreement::Differ
            } else {
                Agreement::Unsure
            }
        }
    }
}

/// Whether `bound` (a figure with a bound) admits the figure `point` (one without), read as
/// written and within what "about" allows it: "at least 12" admits 12 and 14, "more than a
/// million" admits "1.2 million", "under 400" admits 380; "more than 12" does not admit 12,
/// nor "more than a million" "about 1.05 million", which may be less.
fn admits(bound: &Figure, point: &Figure) -> bool {
    let (n, p) = (bound.number.value, point.number.value);
    let reach = if point.bound == Bound::Approximate {
        0.1 * p.abs()
    } else {
        0.0
    };
    let epsilon = 1e-9 * n.abs().max(p.abs()).max(1.0);
    match (bound.bound, point.bound) {
        (_, Bound::AtLeast | Bound::AtMost) => false,
        (Bound::AtLeast, _) if bound.strict => p - reach > n + epsilon,
        (Bound::AtLeast, _) => p - reach >= n - epsilon,
        (Bound::AtMost, _) if bound.strict => p + reach < n - epsilon,
        (Bound::AtMost, _) => p + reach <= n + epsilon,
        _ => false,
    }
}

/// Whether two readings of a date are the same day: `Some(true)`, `Some(false)`, or `None`
/// when one is too coarse or unresolved to tell.
fn same_when(a: &When, b: &When) -> Option<bool> {
    match (a, b) {
        (When::Period(x), When::Period(y)) => {
            let (x0, x1) = (x.start(), period_end(x));
            let (y0, y1) = (y.start(), period_end(y));
            Some(x0 <= y1 && y0 <= x1)
        }
        (When::MonthDay(m, d), When::Period(p)) | (When::Period(p), When::MonthDay(m, d)) => {
            match p.precision() {
                Precision::Year => None,
                Precision::Month => Some(p.month() == Some(*m)),
                _ => Some(p.month() == Some(*m) && p.day() == Some(*d)),
            }
        }
        (When::Month(m), When::Period(p)) | (When::Period(p), When::Month(m)) => {
            match p.precision() {
                Precision::Year => None,
                _ => Some(p.month() == Some(*m)),
            }
        }
        (When::MonthDay(m, d), When::MonthDay(n, e)) => Some(m == n && d == e),
        (When::MonthDay(m, _), When::Month(n))
        | (When::Month(n), When::MonthDay(m, _))
        | (When::Month(m), When::Month(n)) => Some(m == n),
        (When::Weekday(w), When::Weekday(v)) => Some(w == v),
        // The weekday of a day is the same wherever it is reported from.
        (When::Weekday(w), When::Period(p)) | (When::Period(p), When::Weekday(w)) => {
            match p.naive_date() {
                Some(day) if day.weekday() != *w => Some(false),
                _ => None,
            }
        }
        (When::Weekday(_), _) | (_, When::Weekday(_)) => None,
    }
}

/// The last day of the period a date covers.
fn period_end(date: &PartialDate) -> NaiveDate {
    match date.precision() {
        Precision::Year => NaiveDate::from_ymd_opt(date.year(), 12, 31).expect("a year"),
        Precision::Month => {
            let next = date.start() + Duration::days(32);
            NaiveDate::from_ymd_opt(next.year(), next.month(), 1).expect("a month")
                - Duration::days(1)
        }
        _ => date.start(),
    }
}

fn compare_dates(a: &DateValue, b: &DateValue) -> Agreement {
    if a.candidates.is_empty() || b.candidates.is_empty() {
        return if a.written == b.written {
            Agreement::Agree
        } else {
            Agreement::Unsure
        };
    }
    let readings: Vec<Option<bool>> = a
        .candidates
        .iter()
        .flat_map(|x| b.candidates.iter().map(move |y| same_when(x, y)))
        .collect();
    let matched = readings.contains(&Some(true));
    let apart = readings.iter().all(|r| *r == Some(false));
    match (a.bound, b.bound) {
        (x, y) if x == y => {
            if matched {
                Agreement::Agree
            } else if apart {
                Agreement::Differ
            } else {
                Agreement::Unsure
            }
        }
        // "as soon as Monday" and "on Monday" name the same day; other mixes are unsure.
        (Bound::Exact, Bound::AtLeast) | (Bound::AtLeast, Bound::Exact) if matched => {
            Agreement::Agree
        }
        _ => Agreement::Unsure,
    }
}

// ---------------------------------------------------------------------------------------
// Words

/// A word, a number or a sign of a value's text, with its place.
#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub raw: &'a str,
    /// Lowercase, with a possessive "'s" removed: "sunday" for "Sunday's" (borrowed from the
    /// text when it already is).
    pub lower: std::borrow::Cow<'a, str>,
    /// Only white space separates it from the token before.
    pub spaced: bool,
}

impl Token<'_> {
    fn is(&self, word: &str) -> bool {
        self.lower == word
    }

    fn is_digits(&self) -> bool {
        self.raw.starts_with(|c: char| c.is_ascii_digit())
    }

    fn is_word(&self) -> bool {
        self.raw.starts_with(char::is_alphabetic)
    }
}

/// The tokens of `text`: words (with inner apostrophes), numbers (with inner `.` and `,`:
/// "34,000", "48.71"), the signs `% $ € £ ¥ ₽ ₴ ~ < > ≤ ≥ ≈`, and a hyphen between digits
/// ("2014-03-16"); other characters separate them. "61-year-old" is three tokens and "3bn"
/// two.
pub(crate) fn tokens(text: &str) -> Vec<Token<'_>> {
    // The next character and the one after it, without moving `chars`.
    let next = |chars: &std::str::CharIndices| chars.clone().next().map(|(_, c)| c);
    let second = |chars: &std::str::CharIndices| chars.clone().nth(1).map(|(_, c)| c);
    let mut out: Vec<Token> = Vec::new();
    let mut chars = text.char_indices();
    while let Some((start, c)) = chars.next() {
        if c.is_ascii_digit() {
            while let Some(d) = next(&chars) {
                let inner =
                    matches!(d, '.' | ',') && second(&chars).is_some_and(|x| x.is_ascii_digit());
                if d.is_ascii_digit() || inner {
                    chars.next();
                } else {
                    break;
                }
            }
        } else if c.is_alphabetic() {
            while let Some(d) = next(&chars) {
                let inner =
                    matches!(d, '\'' | '’') && second(&chars).is_some_and(char::is_alphabetic);
                if d.is_alphabetic() || inner {
                    chars.next();
                } else {
                    break;
                }
            }
        } else if matches!(c, '-' | '–') {
            let between = text[..start]
                .chars()
                .next_back()
                .is_some_and(|p| p.is_ascii_digit())
                && next(&chars).is_some_and(|x| x.is_ascii_digit());
            if !between {
                continue;
            }
        } else if !matches!(
            c,
            '%' | '$' | '€' | '£' | '¥' | '₽' | '₴' | '~' | '<' | '>' | '≤' | '≥' | '≈'
        ) {
            continue;
        }
        let end = chars.offset();
        let gap = &text[out.last().map_or(0, |t| t.end)..start];
        let raw = &text[start..end];
        let lower = if raw.is_ascii() && !raw.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Borrowed(raw.strip_suffix("'s").unwrap_or(raw))
        } else {
            let mut lower = raw.to_lowercase().replace('’', "'");
            if let Some(stem) = lower.strip_suffix("'s") {
                lower = stem.to_owned();
            }
            std::borrow::Cow::Owned(lower)
        };
        out.push(Token {
            start,
            end,
            raw,
            lower,
            spaced: !gap.is_empty() && gap.chars().all(char::is_whitespace),
        });
    }
    out
}

/// Lowercase words and numbers separated by single spaces: the text of a value for
/// comparing wording.
fn normalise(text: &str) -> String {
    tokens(text)
        .iter()
        .map(|t| t.lower.as_ref())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text outside parentheses, and the notes inside them.
fn split_notes(text: &str) -> (String, Vec<String>) {
    let mut main = String::new();
    let mut notes = Vec::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '[' => {
                if depth == 0 {
                    notes.push(String::new());
                }
                depth += 1;
            }
            ')' | ']' if depth > 0 => depth -= 1,
            _ if depth > 0 => notes.last_mut().expect("opened").push(c),
            _ => main.push(c),
        }
    }
    (main, notes)
}

/// A note that only says where the value was read: "p2", "para 4", "paragraph 3", "AP".
fn is_reference(words: &[&str]) -> bool {
    matches!(
        words,
        ["p" | "para" | "paragraph" | "paragraphs" | "pp", ..]
    ) && words[1..]
        .iter()
        .all(|w| w.starts_with(|c: char| c.is_ascii_digit()) || matches!(*w, "and" | "-" | "p"))
}

/// Whether a note states a figure or a date: a digit, a month, a weekday or a number word.
fn states_something(tokens: &[Token]) -> bool {
    tokens.iter().any(|t| {
        t.is_digits()
            || month_number(&t.lower).is_some()
            || weekday(&t.lower).is_some()
            || NUMBER_WORDS.iter().any(|(w, _)| t.is(w))
    })
}

// ---------------------------------------------------------------------------------------
// Figures

/// Words that bound a figure, longest first where one begins another, and whether the bound
/// leaves its own number out ("more than 12", not "at least 12").
const BOUNDS: &[(&[&str], Bound, bool)] = &[
    (&["no", "more", "than"], Bound::AtMost, false),
    (&["not", "more", "than"], Bound::AtMost, false),
    (&["no", "fewer", "than"], Bound::AtLeast, false),
    (&["no", "less", "than"], Bound::AtLeast, false),
    (&["a", "maximum", "of"], Bound::AtMost, false),
    (&["a", "minimum", "of"], Bound::AtLeast, false),
    (&["in", "excess", "of"], Bound::AtLeast, true),
    (&["more", "or", "less"], Bound::Approximate, false),
    (&["less", "than"], Bound::AtMost, true),
    (&["fewer", "than"], Bound::AtMost, true),
    (&["up", "to"], Bound::AtMost, false),
    (&["at", "most"], Bound::AtMost, false),
    (&["more", "than"], Bound::AtLeast, true),
    (&["at", "least"], Bound::AtLeast, false),
    (&["upwards", "of"], Bound::AtLeast, true),
    (&["an", "estimated"], Bound::Approximate, false),
    (&["close", "to"], Bound::Approximate, false),
    (&["just", "under"], Bound::Approximate, false),
    (&["just", "over"], Bound::Approximate, false),
    (&["under"], Bound::AtMost, true),
    (&["below"], Bound::AtMost, true),
    (&["<"], Bound::AtMost, true),
    (&["≤"], Bound::AtMost, false),
    (&["over"], Bound::AtLeast, true),
    (&["above"], Bound::AtLeast, true),
    (&[">"], Bound::AtLeast, true),
    (&["≥"], Bound::AtLeast, false),
    (&["about"], Bound::Approximate, false),
    (&["around"], Bound::Approximate, false),
    (&["nearly"], Bound::Approximate, false),
    (&["almost"], Bound::Approximate, false),
    (&["roughly"], Bound::Approximate, false),
    (&["some"], Bound::Approximate, false),
    (&["approximately"], Bound::Approximate, false),
    (&["approx"], Bound::Approximate, false),
    (&["estimated"], Bound::Approximate, false),
    (&["circa"], Bound::Approximate, false),
    (&["~"], Bound::Approximate, false),
    (&["≈"], Bound::Approximate, false),
    (&["exactly"], Bound::Exact, false),
    (&["precisely"], Bound::Exact, false),
];

/// Currency signs before or after an amount.
const CURRENCY_SIGNS: &[(&str, &str)] = &[
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₽", "RUB"),
    ("₴", "UAH"),
];

/// Currency names after an amount, singular.
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollar", "USD"),
    ("euro", "EUR"),
    ("pound", "GBP"),
    ("sterling", "GBP"),
    ("yen", "JPY"),
    ("rouble", "RUB"),
    ("ruble", "RUB"),
    ("hryvnia", "UAH"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
];

/// Words that end the noun after a figure.
const FUNCTION_WORDS: &[&str] = &[
    "of", "in", "on", "at", "for", "to", "from", "with", "by", "and", "or", "than", "who", "which",
    "that", "the", "a", "an", "were", "was", "are", "is", "be", "been", "have", "has", "had",
    "said", "each", "total", "overall", "per", "more", "other", "as", "but", "while", "when",
    "after", "before", "since", "into", "over", "under", "out", "up", "this", "it",
];

/// Words of an "of" phrase to pass over before its noun.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "all", "its", "their", "his", "her", "those", "these", "our", "last", "next",
    "this", "that", "such",
];

/// Participles that end an "of" phrase's noun ("of the votes cast").
const PARTICIPLES: &[&str] = &["cast", "counted", "held", "spent", "won", "made", "given"];

/// The bound words at `i`, if any, whether they leave their number out, and where the
/// figure starts.
fn bound_at(tokens: &[Token], i: usize) -> (Bound, bool, usize) {
    for (words, bound, strict) in BOUNDS {
        let fits = words
            .iter()
            .enumerate()
            .all(|(k, w)| tokens.get(i + k).is_some_and(|t| t.is(w)));
        if fits {
            return (*bound, *strict, i + words.len());
        }
    }
    (Bound::Exact, false, i)
}

/// A currency sign or code before an amount ("$", "US$", "€", "USD").
fn currency_before(tokens: &[Token], i: usize) -> Option<(&'static str, usize)> {
    let t = tokens.get(i)?;
    if tokens
        .get(i + 1)
        .is_some_and(|n| n.raw == "$" && n.start == t.end)
    {
        let code = match t.lower.as_ref() {
            "us" => "USD",
            "a" => "AUD",
            "c" => "CAD",
            _ => return None,
        };
        return Some((code, i + 2));
    }
    if let Some((_, code)) = CURRENCY_SIGNS.iter().find(|(s, _)| *s == t.raw) {
        return Some((code, i + 1));
    }
    CURRENCY_CODES
        .iter()
        .find(|c| **c == t.raw)
        .map(|c| (*c, i + 1))
}

/// A currency or percent unit after an amount: "%", "per cent", "percent", "pct",
/// "percentage points", "euros", "US dollars", "USD", "€".
fn unit_after(tokens: &[Token], i: usize) -> Option<(String, usize)> {
    let t = tokens.get(i)?;
    let next = tokens.get(i + 1).map(|t| t.lower.as_ref());
    let found = match (t.lower.as_ref(), next) {
        ("%" | "percent" | "pct" | "pc", _) => ("percent", i + 1),
        ("per", Some("cent")) => ("percent", i + 2),
        ("percentage", Some("point" | "points")) => ("percentage point", i + 2),
        ("pp" | "ppt" | "pts", _) => ("percentage point", i + 1),
        ("us", Some("dollar" | "dollars")) => ("USD", i + 2),
        ("swiss", Some("franc" | "francs")) => ("CHF", i + 2),
        _ => {
            if let Some((_, code)) = CURRENCY_SIGNS.iter().find(|(s, _)| *s == t.raw) {
                (*code, i + 1)
            } else if let Some(code) = CURRENCY_CODES.iter().find(|c| **c == t.raw) {
                (*code, i + 1)
            } else {
                let noun = singular(&t.lower);
                let (_, code) = CURRENCY_WORDS.iter().find(|(w, _)| *w == noun)?;
                (*code, i + 1)
            }
        }
    };
    Some((found.0.to_owned(), found.1))
}

/// The number at `i`: digits ("34,000", "34 000", "48.71", "48,7") or number words
/// ("forty-eight", "two hundred and six", "a dozen"), then a scale ("million", "m", "bn").
/// The flag says it is approximate ("a dozen").
pub(crate) fn number_at(tokens: &[Token], i: usize) -> Option<(Number, usize, bool)> {
    let t = tokens.get(i)?;
    if t.is_digits() {
        let mut raw = t.raw.to_owned();
        let mut j = i + 1;
        // "34 000": groups of three digits after a space.
        if raw.len() <= 3 && raw.bytes().all(|b| b.is_ascii_digit()) {
            while let Some(group) = tokens.get(j).filter(|g| {
                g.spaced && g.raw.len() == 3 && g.raw.bytes().all(|b| b.is_ascii_digit())
            }) {
                raw.push_str(group.raw);
                j += 1;
            }
        }
        let mut number = digits(&raw)?;
        if let Some((_, scale)) = tokens
            .get(j)
            .and_then(|s| SCALE_WORDS.iter().find(|(w, _)| s.is(w)))
        {
            number.value *= scale;
            number.precision *= scale;
            number.written *= scale;
            j += 1;
        }
        return Some((number, j, false));
    }
    number_words(tokens, i)
}

/// A number written in words.
fn number_words(tokens: &[Token], i: usize) -> Option<(Number, usize, bool)> {
    let word = |k: usize| tokens.get(k).map_or("", |t| t.lower.as_ref());
    let scale = |w: &str| match w {
        "hundred" => Some(100u64),
        "thousand" => Some(1_000),
        "million" => Some(1_000_000),
        "billion" => Some(1_000_000_000),
        _ => None,
    };
    let value_of = |w: &str| NUMBER_WORDS.iter().find(|(x, _)| *x == w).map(|(_, n)| *n);
    let (mut total, mut current, mut last_scale) = (0u64, 0u64, 1u64);
    let mut approximate = false;
    // The number word just read: a units word may follow a tens word ("forty-eight"), any
    // number may follow a scale ("two hundred and six").
    let mut previous: Option<u64> = None;
    let mut j = i;
    loop {
        let w = word(j);
        if let Some(n) = value_of(w) {
            if previous.is_some_and(|p| p < 20 || p % 10 != 0 || n >= 10) {
                break;
            }
            current += n;
            previous = Some(n);
            last_scale = 1;
        } else if matches!(w, "a" | "an")
            && j == i
            && (scale(word(j + 1)).is_some() || word(j + 1) == "dozen")
        {
            current = 1;
            previous = Some(1);
        } else if w == "and" && last_scale >= 100 && value_of(word(j + 1)).is_some() {
            previous = None;
        } else if w == "dozen" && current > 0 {
            current *= 12;
            approximate = true;
            previous = Some(1);
            last_scale = 1;
        } else if let Some(s) = scale(w).filter(|_| current > 0) {
            if s == 100 {
                current *= 100;
            } else {
                total += current * s;
                current = 0;
            }
            previous = None;
            last_scale = s;
        } else {
            break;
        }
        j += 1;
    }
    if j == i || (total == 0 && current == 0 && previous != Some(0)) {
        return None;
    }
    let value = total + current;
    let mut precision = 1u64;
    while value != 0 && value % (precision * 10) == 0 {
        precision *= 10;
    }
    Some((
        Number {
            value: value as f64,
            precision: precision as f64,
            written: last_scale as f64,
        },
        j,
        approximate,
    ))
}

/// A number written in digits: "34,000", "48.71", "48,7" (a decimal comma), "1.234.567".
fn digits(raw: &str) -> Option<Number> {
    let grouped = |s: &str, sep: char| {
        let mut parts = s.split(sep);
        let first = parts.next().unwrap_or("");
        !first.is_empty() && first.len() <= 3 && parts.all(|p| p.len() == 3)
    };
    let (whole, fraction) = match (raw.matches(',').count(), raw.matches('.').count()) {
        (0, 0) => (raw.to_owned(), ""),
        (0, 1) => {
            let (w, f) = raw.split_once('.')?;
            (w.to_owned(), f)
        }
        (_, 0) if grouped(raw, ',') => (raw.replace(',', ""), ""),
        (1, 0) => {
            let (w, f) = raw.split_once(',')?;
            if f.len() > 2 {
                return None;
            }
            (w.to_owned(), f)
        }
        (_, 1) => {
            let (w, f) = raw.split_once('.')?;
            if !grouped(w, ',') {
                return None;
            }
            (w.replace(',', ""), f)
        }
        (0, _) if grouped(raw, '.') => (raw.replace('.', ""), ""),
        _ => return None,
    };
    let value: f64 = if fraction.is_empty() {
        whole.parse().ok()?
    } else {
        format!("{whole}.{fraction}").parse().ok()?
    };
    let (precision, written) = if fraction.is_empty() {
        let zeros = whole.len() - whole.trim_end_matches('0').len();
        let zeros = if zeros == whole.len() { 0 } else { zeros };
        (10f64.powi(zeros as i32), 1.0)
    } else {
        let p = 1.0 / 10f64.powi(fraction.len() as i32);
        (p, p)
    };
    Some(Number {
        value,
        precision,
        written,
    })
}

/// The singular of a counted noun, lowercase, with common short forms spelled out.
pub(crate) fn singular(noun: &str) -> String {
    let noun = noun.to_lowercase();
    let irregular = match noun.as_str() {
        "people" | "person" | "persons" => Some("people"),
        "men" => Some("man"),
        "women" => Some("woman"),
        "children" => Some("child"),
        "hr" | "hrs" => Some("hour"),
        "min" | "mins" => Some("minute"),
        "sec" | "secs" => Some("second"),
        "yr" | "yrs" => Some("year"),
        "km" | "kms" | "kilometer" | "kilometers" => Some("kilometre"),
        "meter" | "meters" => Some("metre"),
        "kg" | "kgs" => Some("kilogram"),
        "series" | "news" | "species" => Some(noun.as_str()),
        _ => None,
    };
    if let Some(word) = irregular {
        return word.to_owned();
    }
    if let Some(stem) = noun.strip_suffix("ies").filter(|s| s.len() > 1) {
        format!("{stem}y")
    } else if noun.len() > 3 && noun.ends_with('s') && !noun.ends_with("ss") {
        noun[..noun.len() - 1].to_owned()
    } else {
        noun
    }
}

fn is_noun_like(t: &Token) -> bool {
    t.is_word() && !FUNCTION_WORDS.contains(&t.lower.as_ref())
}

fn is_participle(word: &str) -> bool {
    PARTICIPLES.contains(&word) || word.ends_with("ed") || word.ends_with("ing")
}

/// The noun of an "of" phrase starting at `i` (after "of"): "vote" in "of the vote",
/// "ballot" in "of ballots counted", "voter" in "of registered voters"; and where the phrase
/// ends (its trailing participles included).
pub(crate) fn head_of(tokens: &[Token], i: usize) -> (Option<String>, usize) {
    let mut j = i;
    while tokens
        .get(j)
        .is_some_and(|t| DETERMINERS.contains(&t.lower.as_ref()))
    {
        j += 1;
    }
    let mut last = None;
    while let Some(t) = tokens.get(j).filter(|t| is_noun_like(t)) {
        // A comma or other mark ends the phrase: "of the vote, officials said".
        if last.is_some() && (is_participle(&t.lower) || !t.spaced) {
            break;
        }
        last = Some(singular(&t.lower));
        j += 1;
    }
    while last.is_some()
        && tokens
            .get(j)
            .is_some_and(|t| t.spaced && t.is_word() && is_participle(&t.lower))
    {
        j += 1;
    }
    (last, j)
}

/// A figure or vague amount starting at `i`, and where it ends. In a claim (`whole`), the
/// noun after the number is the last of up to three words ("6,000 Russian troops" → troop)
/// and words that bound it after ("or so", "each") are read; in running text it is the
/// next word, lowercase.
pub(crate) fn figure_at(tokens: &[Token], i: usize, whole: bool) -> Option<(Value, usize)> {
    if !tokens.get(i).is_some_and(may_start_figure) {
        return None;
    }
    figure_from(tokens, i, whole)
}

/// Whether a figure can start at this token: what every reader of `figure_from` needs
/// there (digits, a number word, a bound's first word, a currency, "aged", a vague amount,
/// "a", "an", "number"). Most words of running text are none of these, and are passed over
/// with one lookup instead of a reading by each rule.
fn may_start_figure(t: &Token) -> bool {
    // hashbrown's default hasher: this runs for every word of every article, where std's
    // SipHash cost more than the readers it spares.
    static WORDS: std::sync::LazyLock<hashbrown::HashSet<&'static str>> =
        std::sync::LazyLock::new(|| {
            let numbers = NUMBER_WORDS.iter().map(|(w, _)| *w);
            let bounds = BOUNDS
                .iter()
                .filter_map(|(words, _, _)| words.first().copied());
            let signs = CURRENCY_SIGNS.iter().map(|(sign, _)| *sign);
            // "a"/"an" start a number ("a dozen") or a vague amount ("a few"); "us", "a" and
            // "c" a currency glued to "$" ("US$"); "aged"/"age" an age.
            let others = ["a", "an", "us", "c", "aged", "age", "number"];
            numbers
                .chain(bounds)
                .chain(signs)
                .chain(VAGUE_AMOUNTS.iter().copied())
                .chain(others)
                .collect()
        });
    t.is_digits() || WORDS.contains(t.lower.as_ref()) || CURRENCY_CODES.contains(&t.raw)
}

/// `figure_at` without the first look at the token.
fn figure_from(tokens: &[Token], i: usize, whole: bool) -> Option<(Value, usize)> {
    if let Some(found) = age_at(tokens, i, whole) {
        return Some(found);
    }
    let (mut bound, strict, j) = bound_at(tokens, i);
    let (currency, j) = match currency_before(tokens, j) {
        Some((code, k)) => (Some(code.to_owned()), k),
        None => (None, j),
    };
    let Some((number, j, approximate)) = number_at(tokens, j) else {
        return vague_at(tokens, i, whole);
    };
    if approximate && bound == Bound::Exact {
        bound = Bound::Approximate;
    }
    let (mut unit, mut j) = match currency {
        Some(code) => (code, j),
        None => unit_after(tokens, j).unwrap_or((String::new(), j)),
    };
    let mut head = None;
    // The counted noun, or after a percentage the noun it is a share of ("83 percent
    // turnout").
    let run_end = if whole {
        let mut k = j;
        while k < tokens.len()
            && k - j < 3
            && is_noun_like(&tokens[k])
            && (k == j || tokens[k].spaced)
        {
            k += 1;
        }
        k
    } else {
        j + usize::from(
            unit.is_empty()
                && tokens
                    .get(j)
                    .is_some_and(|t| is_noun_like(t) && t.raw.starts_with(char::is_lowercase)),
        )
    };
    if run_end > j {
        let first = singular(&tokens[j].lower);
        let last = singular(&tokens[run_end - 1].lower);
        if unit.is_empty() && MEASURES.contains(&first.as_str()) && run_end > j + 1 {
            // "six-hour talks": a measure, then what it measures.
            unit = first;
            head = Some(last);
        } else if unit.is_empty() {
            unit = last;
        } else {
            head = Some(last);
        }
        j = run_end;
    }
    if tokens.get(j).is_some_and(|t| t.is("of")) {
        let (noun, end) = head_of(tokens, j + 1);
        if noun.is_some() {
            head = noun;
            j = end;
        }
    }
    if whole {
        loop {
            let words: Vec<&str> = tokens[j.min(tokens.len())..]
                .iter()
                .take(2)
                .map(|t| t.lower.as_ref())
                .collect();
            match words.as_slice() {
                ["or", "so", ..] => {
                    if bound == Bound::Exact {
                        bound = Bound::Approximate;
                    }
                    j += 2;
                }
                ["in", "total", ..] => j += 2,
                ["each" | "total" | "overall", ..] => j += 1,
                _ => break,
            }
        }
    }
    Some((
        Value::Figure(Figure {
            number,
            bound,
            strict,
            unit,
            head,
        }),
        j,
    ))
}

/// An age: "aged 61", "age 61", "61 years old", "61-year-old (man)".
fn age_at(tokens: &[Token], i: usize, whole: bool) -> Option<(Value, usize)> {
    let word = |k: usize| tokens.get(k).map_or("", |t| t.lower.as_ref());
    let (number, end) = if matches!(word(i), "aged" | "age") {
        let (number, j, _) = number_at(tokens, i + 1)?;
        (number, j)
    } else {
        let (number, j, _) = number_at(tokens, i)?;
        if !matches!(word(j), "year" | "years" | "yr" | "yrs") || word(j + 1) != "old" {
            return None;
        }
        let mut end = j + 2;
        if whole {
            while tokens.get(end).is_some_and(|t| is_noun_like(t)) {
                end += 1;
            }
        }
        (number, end)
    };
    if number.value.fract() != 0.0 || !(0.0..=130.0).contains(&number.value) {
        return None;
    }
    Some((
        Value::Figure(Figure {
            number: Number {
                precision: 1.0,
                written: 1.0,
                ..number
            },
            bound: Bound::Exact,
            strict: false,
            unit: "age".to_owned(),
            head: None,
        }),
        end,
    ))
}

/// A vague amount: "several hours", "a few hours", "dozens of people", "hundreds of
/// thousands of people".
fn vague_at(tokens: &[Token], i: usize, whole: bool) -> Option<(Value, usize)> {
    let word = |k: usize| tokens.get(k).map_or("", |t| t.lower.as_ref());
    let mut j = i;
    if matches!(word(j), "a" | "an") && matches!(word(j + 1), "few" | "handful" | "number") {
        j += 1;
    }
    if !VAGUE_AMOUNTS.contains(&word(j)) && word(j) != "number" {
        return None;
    }
    let mut amount = vec![word(j)];
    j += 1;
    // "several thousand people".
    if matches!(word(j), "hundred" | "thousand" | "million" | "billion") {
        amount.push(word(j));
        j += 1;
    }
    // "hundreds of thousands of people", "tens of thousands".
    if word(j) == "of" && VAGUE_AMOUNTS.contains(&word(j + 1)) {
        amount.push("of");
        amount.push(word(j + 1));
        j += 2;
    }
    if word(j) == "of" {
        j += 1;
        while DETERMINERS.contains(&word(j)) {
            j += 1;
        }
    }
    let noun = tokens
        .get(j)
        .filter(|t| is_noun_like(t) && (whole || t.raw.starts_with(char::is_lowercase)))?;
    let mut end = j + 1;
    let mut unit = singular(&noun.lower);
    if whole {
        while end < tokens.len() && end - j < 3 && is_noun_like(&tokens[end]) {
            end += 1;
        }
        unit = singular(&tokens[end - 1].lower);
        if tokens.get(end).is_some_and(|t| t.is("of")) {
            end = head_of(tokens, end + 1).1;
        }
    }
    Some((
        Value::Vague {
            amount: amount.join(" "),
            unit,
        },
        end,
    ))
}

// ---------------------------------------------------------------------------------------
// Dates

/// What relative dates are resolved against.
#[derive(Debug, Clone, Copy)]
enum Anchor {
    /// The article's day.
    Day(NaiveDate),
    /// A day whose year is not known, placed in a year where its weekday is right; what is
    /// resolved from it is kept without the year.
    YearLess(NaiveDate),
}

impl Anchor {
    fn day(self) -> NaiveDate {
        match self {
            Anchor::Day(d) | Anchor::YearLess(d) => d,
        }
    }

    fn when(self, day: NaiveDate) -> When {
        match self {
            Anchor::Day(_) => When::Period(PartialDate::from(day)),
            Anchor::YearLess(_) => When::MonthDay(day.month(), day.day()),
        }
    }
}

fn month_number(word: &str) -> Option<u32> {
    vocab::month_number_lowercase(word.trim_end_matches('.'))
}

fn weekday(word: &str) -> Option<Weekday> {
    WEEKDAYS
        .iter()
        .find(|(name, _)| {
            let name = name.to_lowercase();
            name == word || (word.len() >= 3 && word.len() <= 4 && name.starts_with(word))
        })
        .map(|(_, w)| *w)
}

fn weekday_name(w: Weekday) -> &'static str {
    WEEKDAYS
        .iter()
        .find(|(_, x)| *x == w)
        .map_or("", |(name, _)| name)
}

fn day_of_month(tokens: &[Token], i: usize) -> Option<(u32, usize)> {
    let t = tokens.get(i)?;
    if !t.is_digits() || t.raw.len() > 2 || !t.raw.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let day: u32 = t.raw.parse().ok().filter(|d| (1..=31).contains(d))?;
    let ordinal = tokens
        .get(i + 1)
        .is_some_and(|s| s.start == t.end && matches!(s.lower.as_ref(), "st" | "nd" | "rd" | "th"));
    Some((day, i + 1 + usize::from(ordinal)))
}

fn year_at(tokens: &[Token], i: usize) -> Option<i32> {
    let t = tokens.get(i)?;
    (t.raw.len() == 4 && t.raw.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.raw.parse().ok())
        .flatten()
        .filter(|y| (1800..2200).contains(y))
}

/// A date written in full or in part at `i`: "2014-03-16", "(Sunday) 16 March (2014)",
/// "March 16(, 2014)", "March 2014", "2014". Its year, when written, and where it ends.
fn absolute_at(tokens: &[Token], i: usize) -> Option<(Option<i32>, u32, Option<u32>, usize)> {
    let word = |k: usize| tokens.get(k).map_or("", |t| t.lower.as_ref());
    // ISO 8601.
    if let Some(year) = year_at(tokens, i) {
        if word(i + 1) == "-" {
            let month: u32 = tokens.get(i + 2)?.raw.parse().ok()?;
            if word(i + 3) == "-" {
                let day: u32 = tokens.get(i + 4)?.raw.parse().ok()?;
                NaiveDate::from_ymd_opt(year, month, day)?;
                return Some((Some(year), month, Some(day), i + 5));
            }
            (1..=12).contains(&month).then_some(())?;
            return Some((Some(year), month, None, i + 3));
        }
    }
    let mut i = i;
    if weekday(word(i)).is_some()
        && (day_of_month(tokens, i + 1).is_some() || month_number(word(i + 1)).is_some())
    {
        i += 1;
    }
    if word(i) == "the" {
        i += 1;
    }
    let (month, day, end) = if let Some((day, j)) = day_of_month(tokens, i) {
        let j = j + usize::from(word(j) == "of");
        (month_number(word(j))?, Some(day), j + 1)
    } else {
        let month = month_number(word(i))?;
        match day_of_month(tokens, i + 1) {
            Some((day, j)) => (month, Some(day), j),
            None => (month, None, i + 1),
        }
    };
    let year = year_at(tokens, end);
    if day.is_none() && year.is_none() {
        return None;
    }
    let end = end + usize::from(year.is_some());
    if let (Some(y), Some(d)) = (year, day) {
        NaiveDate::from_ymd_opt(y, month, d)?;
    }
    Some((year, month, day, end))
}

/// The date of a note such as "article of Tuesday 11 March": the day, or a stand-in in a
/// year where its weekday is right when no year is written.
fn article_date(tokens: &[Token]) -> Option<Anchor> {
    let given = tokens.first().and_then(|t| weekday(&t.lower));
    let (year, month, day, _) = absolute_at(tokens, 0)?;
    let day = day?;
    if let Some(year) = year {
        return NaiveDate::from_ymd_opt(year, month, day).map(Anchor::Day);
    }
    (2001..2030)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .find(|d| given.is_none_or(|w| d.weekday() == w))
        .map(Anchor::YearLess)
}

/// The days a weekday may mean said on `anchor`: `-1` the last one, `1` the coming one (and
/// the one after: "next Friday" is read both ways), `0` the nearest either way (and the day
/// itself when it is that weekday).
fn weekday_days(anchor: NaiveDate, target: Weekday, direction: i8) -> Vec<NaiveDate> {
    let ahead = (7 + i64::from(target.num_days_from_monday())
        - i64::from(anchor.weekday().num_days_from_monday()))
        % 7;
    let coming = anchor + Duration::days(if ahead == 0 { 7 } else { ahead });
    let last = anchor - Duration::days(if ahead == 0 { 7 } else { 7 - ahead });
    match direction {
        -1 => vec![last],
        1 => vec![coming, coming + Duration::days(7)],
        _ if ahead == 0 => vec![last, anchor, coming],
        _ => vec![last, coming],
    }
}

/// A date value covering all of `tokens`, or `None` when they are not a date.
fn date(tokens: &[Token], anchor: Option<Anchor>) -> Option<DateValue> {
    let word = |k: usize| tokens.get(k).map_or("", |t| t.lower.as_ref());
    let mut i = 0;
    let mut bound = Bound::Exact;
    for (words, b) in [
        (&["as", "soon", "as"][..], Bound::AtLeast),
        (&["as", "early", "as"], Bound::AtLeast),
        (&["no", "earlier", "than"], Bound::AtLeast),
        (&["no", "later", "than"], Bound::AtMost),
        (&["by"], Bound::AtMost),
        (&["until"], Bound::AtMost),
        (&["on"], Bound::Exact),
    ] {
        if words.iter().enumerate().all(|(k, w)| word(k) == *w) {
            bound = b;
            i = words.len();
            break;
        }
    }
    if word(i) == "on" {
        i += 1;
    }
    let written = normalise(
        &tokens[i.min(tokens.len())..]
            .iter()
            .map(|t| t.lower.as_ref())
            .collect::<Vec<_>>()
            .join(" "),
    );
    let done = |candidates: Vec<When>, end: usize| {
        (end == tokens.len()).then(|| DateValue {
            bound,
            candidates,
            written: written.clone(),
        })
    };
    if let Some((year, month, day, end)) = absolute_at(tokens, i) {
        let when = match (year, day) {
            (Some(y), Some(d)) => When::Period(PartialDate::from_ymd(y, month, d)?),
            (Some(y), None) => {
                When::Period(PartialDate::parse(&format!("{y:04}-{month:02}")).ok()?)
            }
            (None, Some(d)) => match anchor {
                Some(Anchor::Day(a)) => When::Period(PartialDate::from(
                    (a.year() - 1..=a.year() + 1)
                        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, d))
                        .min_by_key(|x| (*x - a).num_days().abs())?,
                )),
                _ => When::MonthDay(month, d),
            },
            (None, None) => return None,
        };
        return done(vec![when], end);
    }
    if let Some(year) = year_at(tokens, i) {
        return done(
            vec![When::Period(
                PartialDate::parse(&format!("{year:04}")).ok()?,
            )],
            i + 1,
        );
    }
    // Relative dates.
    let (direction, k) = match word(i) {
        "last" | "past" => (-1, i + 1),
        "next" | "coming" => (1, i + 1),
        "this" => (0, i + 1),
        _ => (0, i),
    };
    if let Some(w) = weekday(word(k)) {
        let candidates = match anchor {
            Some(a) => weekday_days(a.day(), w, direction)
                .into_iter()
                .map(|d| a.when(d))
                .collect(),
            None => vec![When::Weekday(w)],
        };
        return done(candidates, k + 1);
    }
    let shift_day = match word(i) {
        "today" | "tonight" => Some(0),
        "yesterday" => Some(-1),
        "tomorrow" => Some(1),
        _ => None,
    };
    if let Some(shift) = shift_day {
        let candidates = anchor
            .map(|a| vec![a.when(a.day() + Duration::days(shift))])
            .unwrap_or_default();
        return done(candidates, i + 1);
    }
    // "last month", "earlier this month", "next year".
    let start = i + usize::from(matches!(word(i), "earlier" | "later") && word(i + 1) == "this");
    let shift = match word(start) {
        "last" => -1,
        "this" => 0,
        "next" => 1,
        _ => return None,
    };
    let period = word(start + 1);
    if !matches!(period, "month" | "year") {
        return None;
    }
    let candidates = match anchor {
        Some(a) => {
            let d = a.day();
            if period == "year" {
                match a {
                    Anchor::Day(_) => vec![When::Period(
                        PartialDate::parse(&format!("{:04}", d.year() + shift)).ok()?,
                    )],
                    Anchor::YearLess(_) => Vec::new(),
                }
            } else {
                let total = d.year() * 12 + d.month0() as i32 + shift;
                let (year, month) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
                match a {
                    Anchor::Day(_) => vec![When::Period(
                        PartialDate::parse(&format!("{year:04}-{month:02}")).ok()?,
                    )],
                    Anchor::YearLess(_) => vec![When::Month(month)],
                }
            }
        }
        None => Vec::new(),
    };
    done(candidates, start + 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Agreement::*;

    fn on(date: &str) -> Option<PartialDate> {
        Some(PartialDate::parse(date).unwrap())
    }

    fn check(a: &str, pa: Option<PartialDate>, b: &str, pb: Option<PartialDate>, want: Agreement) {
        let (x, y) = (parse(a, pa.as_ref()), parse(b, pb.as_ref()));
        assert_eq!(compare(&x, &y), want, "{a:?} ({x}) vs {b:?} ({y})");
        assert_eq!(
            compare(&y, &x),
            want,
            "{b:?} ({y}) vs {a:?} ({x}), reversed"
        );
    }

    fn pair(a: &str, b: &str, want: Agreement) {
        check(a, None, b, None, want);
    }

    #[test]
    fn reads_values() {
        for (text, shown) in [
            ("48.71 percent", "48.71 %"),
            ("48.7%", "48.7 %"),
            ("48,7 %", "48.7 %"),
            ("less than 34,000 votes", "≤ 34000 vote"),
            // A bound is shown with the sign that is true of every way of writing it.
            ("at least seven boats", "≥ 7 boat"),
            ("more than 40 carts", "≥ 40 cart"),
            ("at most nine ferries", "≤ 9 ferry"),
            ("about 6 hours", "≈ 6 hour"),
            ("six hours", "6 hour"),
            ("forty-eight hours", "48 hour"),
            ("a dozen people", "≈ 12 people"),
            ("two million people", "2000000 people"),
            ("1.2m people", "1200000 people"),
            ("$3bn", "3000000000 USD"),
            ("€5 million", "5000000 EUR"),
            ("5 million euros", "5000000 EUR"),
            ("34 000 troops", "34000 troop"),
            ("48.7 per cent of the vote", "48.7 % of vote"),
            ("99.8 per cent of ballots counted", "99.8 % of ballot"),
            ("aged 61", "aged 61"),
            ("68-year-old", "aged 68"),
            ("several hours", "several hour"),
            ("dozens of people", "dozens people"),
            ("2014-03-16", "2014-03-16"),
            ("March 16, 2014", "2014-03-16"),
            ("16 March", "16 March"),
            ("Sunday", "Sunday"),
            ("“entirely legal”", "entirely legal"),
        ] {
            assert_eq!(parse(text, None).to_string(), shown, "{text}");
        }
        assert_eq!(
            parse("Sunday", on("2014-03-11").as_ref()).to_string(),
            "2014-03-09 or 2014-03-16"
        );
        assert_eq!(
            parse("yesterday", on("2014-03-11").as_ref()).to_string(),
            "2014-03-10"
        );
    }

    #[test]
    fn precision_is_the_last_significant_digit_written() {
        let number = |text: &str| match parse(text, None) {
            Value::Figure(f) => (f.number.precision, f.number.written),
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(number("48.71%"), (0.01, 0.01));
        assert_eq!(number("48.7%"), (0.1, 0.1));
        assert_eq!(number("34,000 votes"), (1000.0, 1.0));
        assert_eq!(number("34,512 votes"), (1.0, 1.0));
        assert_eq!(number("two million people"), (1e6, 1e6));
        assert_eq!(number("1.2m people"), (1e5, 1e5));
        assert_eq!(number("six hours"), (1.0, 1.0));
    }

    #[test]
    fn the_issue_pairs() {
        pair("48.71 percent", "48.7 per cent", Agree);
        pair("48.71%", "48.71 per cent", Agree);
        pair("48.71%", "48.6%", Differ);
        pair("less than 31,000", "less than 34,000 votes", Differ);
        pair("aged 61", "68 years old", Differ);
        check(
            "Sunday (article of Tuesday 11 March)",
            None,
            "16 March 2014",
            None,
            Agree,
        );
        check("Sunday", on("2014-03-11"), "16 March 2014", None, Agree);
        pair("about 6 hours", "six hours", Agree);
        pair("several hours", "six hours", Unsure);
        pair("six hours", "six kilometres", Unsure);
        pair("“entirely legal”", "Entirely legal.", Agree);
        pair(
            "“entirely legal”",
            "“completely in line with international law” (told to Ban Ki-moon, as reported by Reuters)",
            Unsure,
        );
    }

    #[test]
    fn percentages() {
        pair("48.7%", "48.7 %", Agree);
        pair("48.7 percent", "48.7 per cent", Agree);
        pair("48.7 pct", "48.7 per-cent", Agree);
        pair("48.7%", "49.2%", Differ);
        pair("48%", "48.4%", Agree);
        pair("48%", "49%", Unsure);
        pair("48%", "51%", Differ);
        pair(
            "48.7 per cent of the vote",
            "99.8 per cent of ballots counted",
            Unsure,
        );
        pair("48.7 per cent of the vote", "48.7%", Agree);
        pair("2 percentage points", "2%", Unsure);
        pair("nearly 50%", "48.7%", Agree);
        pair("48,7 %", "48.7%", Agree);
    }

    #[test]
    fn counts_and_thousands() {
        pair("34,000 votes", "34 000 votes", Agree);
        pair("34,000 votes", "34000 votes", Agree);
        pair("34,000 votes", "34,400 votes", Unsure);
        pair("34,000 votes", "35,000 votes", Unsure);
        pair("34,000 votes", "37,000 votes", Differ);
        pair("6 people", "six people", Agree);
        pair("6 people", "7 people", Differ);
        pair("six hours", "seven hours", Unsure);
        pair("six hours", "nine hours", Differ);
        pair("6,000 Russian troops", "6,000 troops", Agree);
        // A bound admits the figure it contains (a_bound_agrees_with_a_figure_it_admits).
        pair("31,000", "less than 34,000 votes", Agree);
        pair("31,000 votes", "34,000", Differ);
        pair("6", "nine hours", Unsure);
        pair("6", "6 hours", Agree);
        pair("34,000", "34,000 votes", Agree);
    }

    #[test]
    fn number_words_and_millions() {
        pair("forty-eight hours", "48 hours", Agree);
        pair("two million people", "2 million people", Agree);
        pair("two million people", "2,000,000 people", Agree);
        pair("1.2m people", "1.2 million people", Agree);
        pair("1.2m people", "1.5 million people", Differ);
        pair("two million people", "2.1 million people", Agree);
        pair("a dozen people", "12 people", Agree);
        pair("two hundred and six people", "206 people", Agree);
        pair("six", "6", Agree);
    }

    #[test]
    fn currencies() {
        pair("$3bn", "3 billion dollars", Agree);
        pair("$3bn", "US$3 billion", Agree);
        pair("$3bn", "USD 3bn", Agree);
        pair("€5 million", "5 million euros", Agree);
        pair("€5 million", "$5 million", Unsure);
        pair("£1.5bn", "£2.5bn", Differ);
        pair("$15", "$16", Unsure);
    }

    #[test]
    fn bounds() {
        pair("less than 34,000 votes", "fewer than 34,000 votes", Agree);
        pair("under 34,000 votes", "less than 34,000 votes", Agree);
        pair("more than 100 people", "over 100 people", Agree);
        pair("at least 100 people", "at least 300 people", Differ);
        pair("less than 25,000 votes", "more than 34,000 votes", Differ);
        pair("less than 30,000 votes", "more than 34,000 votes", Unsure);
        pair("less than 34,000 votes", "more than 31,000 votes", Unsure);
        pair("less than 34,000 votes", "33,500 votes", Agree);
        pair("less than 34,000 votes", "40,000 votes", Differ);
        pair("more than 100 people", "20 people", Differ);
        pair("about 6 hours", "eight hours", Unsure);
        pair("about 6 hours", "twelve hours", Differ);
        pair("some 6,000 troops", "around 6,000 troops", Agree);
        pair("up to 6,000 troops", "about 6,000 troops", Unsure);
    }

    #[test]
    fn a_bound_agrees_with_a_figure_it_admits() {
        pair("at least 17 ferries", "17 ferries", Agree);
        pair("at least 17 ferries", "nineteen ferries", Agree);
        pair("at least 17 ferries", "Seventeen", Agree);
        pair("at least 17 ferries", "fifteen ferries", Differ);
        // "More than 17" leaves 17 out, but a writer may round: not sure either way.
        pair("more than 17 ferries", "17 ferries", Unsure);
        pair("more than a million litres", "1.2 million litres", Agree);
        pair("more than a million litres", "1,200,000 litres", Agree);
        pair(
            "more than a million litres",
            "about 1.05 million litres",
            Unsure,
        );
        pair("under 400 tonnes", "380 tonnes", Agree);
        pair("under 400 tonnes", "400 tonnes", Unsure);
        pair("up to 400 tonnes", "400 tonnes", Agree);
        pair("up to 400 tonnes", "about 390 tonnes", Unsure);
    }

    #[test]
    fn about_widens_a_round_figure_by_its_rounding_or_a_quarter_not_both() {
        pair("about 2 million litres", "1,200,000 litres", Differ);
        pair("about 2 million litres", "1.6 million litres", Agree);
        pair("about 2 million litres", "about 1.2 million litres", Unsure);
        pair("about 40 carts", "28 carts", Differ);
        pair("about 40 carts", "33 carts", Unsure);
        pair("about 40 carts", "39 carts", Agree);
    }

    #[test]
    fn vague_amounts() {
        pair("several hours", "several hours", Agree);
        pair("several hours", "a few hours", Unsure);
        pair("dozens of people", "40 people", Unsure);
        pair("dozens of people", "hundreds of people", Unsure);
    }

    #[test]
    fn tokens_are_words_numbers_and_signs_with_their_places() {
        let text = "Ärna’s 61-year-old aide, 2031–03–16: 34,000 (48.71) 3bn -5 5- €5, Ö'Dell’s 7,";
        let tokens = tokens(text);
        let read: Vec<(&str, &str, bool)> = tokens
            .iter()
            .map(|t| {
                assert_eq!(&text[t.start..t.end], t.raw);
                (t.raw, t.lower.as_ref(), t.spaced)
            })
            .collect();
        assert_eq!(
            read,
            [
                ("Ärna’s", "ärna", false),
                ("61", "61", true),
                ("year", "year", false),
                ("old", "old", false),
                ("aide", "aide", true),
                ("2031", "2031", false),
                ("–", "–", false),
                ("03", "03", false),
                ("–", "–", false),
                ("16", "16", false),
                ("34,000", "34,000", false),
                ("48.71", "48.71", false),
                ("3", "3", false),
                ("bn", "bn", false),
                ("5", "5", false),
                ("5", "5", true),
                ("€", "€", false),
                ("5", "5", false),
                ("Ö'Dell’s", "ö'dell", false),
                ("7", "7", true),
            ]
        );
    }

    #[test]
    fn a_figure_starts_only_where_the_first_look_lets_one() {
        // Every way the readers know to begin a figure, in invented sentences, and running
        // text around them: wherever the full reading finds a figure, the first look at its
        // token must not have passed it over.
        let mut texts: Vec<String> = vec![
            "The Velmora council said about 3,400 homes near Osk lost power; US$ 12m, \
             A$5bn, USD 40 and 12 EUR were pledged, 2.5 per cent of it by Ms Tarn, aged 61, \
             and a 48-year-old farmer. Dozens of people and hundreds of thousands of sheep, a \
             few hours, a number of boats, a dozen trucks, two hundred and six votes, ~40 \
             km, ≥ 7 ships and £3 were counted on 2031-03-16."
                .to_owned(),
        ];
        for (words, _, _) in BOUNDS {
            texts.push(format!("Officials said {} 40 boats sank.", words.join(" ")));
        }
        for (word, _) in NUMBER_WORDS {
            texts.push(format!("They saw {word} boats and {word} hundred carts."));
        }
        for word in VAGUE_AMOUNTS {
            texts.push(format!("The {word} of boats and a {word} carts."));
        }
        for (sign, code) in CURRENCY_SIGNS {
            texts.push(format!(
                "A loan of {sign}7 and 7{sign} and {code} 7 and 7 {code}."
            ));
        }
        let mut found = 0;
        for text in &texts {
            let tokens = tokens(text);
            for i in 0..tokens.len() {
                for whole in [false, true] {
                    if figure_from(&tokens, i, whole).is_some() {
                        found += 1;
                        assert!(
                            may_start_figure(&tokens[i]),
                            "{:?} starts a figure in {text:?}",
                            tokens[i].raw
                        );
                    }
                }
                assert_eq!(
                    figure_at(&tokens, i, false).map(|(v, end)| (v.to_string(), end)),
                    figure_from(&tokens, i, false).map(|(v, end)| (v.to_string(), end)),
                );
            }
        }
        assert!(found > 200, "{found} figures read");
        // Plain words are passed over at once.
        let tokens = tokens("Talks with Velmora stalled");
        assert!(tokens.iter().all(|t| !may_start_figure(t)));
    }

    #[test]
    fn ages() {
        pair("aged 61", "61-year-old", Agree);
        pair("aged 61", "61", Agree);
        pair("aged 61", "62 years old", Unsure);
        pair("aged 61", "aged 68", Differ);
    }

    #[test]
    fn dates() {
        let tuesday = on("2014-03-11");
        let friday = on("2014-03-14");
        pair("16 March 2014", "March 16, 2014", Agree);
        pair("2014-03-16", "16th March 2014", Agree);
        pair("16 March 2014", "15 March 2014", Differ);
        pair("March 2014", "16 March 2014", Agree);
        pair("February 2014", "16 March 2014", Differ);
        pair("16 March", "2014-03-16", Agree);
        check("Sunday", tuesday, "Sunday", friday, Agree);
        check("on Sunday", tuesday, "March 16", friday, Agree);
        check("Sunday", tuesday, "2014-03-23", None, Differ);
        check("last Friday", tuesday, "2014-03-07", None, Agree);
        check("last Friday", tuesday, "2014-03-14", None, Differ);
        check("yesterday", friday, "Thursday", tuesday, Agree);
        check("yesterday", friday, "13 March 2014", None, Agree);
        check("yesterday", friday, "12 March 2014", None, Differ);
        pair("Sunday", "Sunday", Agree);
        pair("Sunday", "Saturday", Differ);
        pair("Sunday", "2014-03-16", Unsure);
        pair("Sunday", "2014-03-15", Differ);
        pair("yesterday", "yesterday", Agree);
        pair("yesterday", "today", Unsure);
        check(
            "on Feb. 22",
            tuesday,
            "“last month” (article of 11 March, i.e. February)",
            tuesday,
            Agree,
        );
        check(
            "on Feb. 22",
            tuesday,
            "“earlier this month” (article of 14 March, i.e. March)",
            friday,
            Differ,
        );
        check("as soon as Monday", tuesday, "on Monday", friday, Agree);
        check(
            "as soon as Monday",
            tuesday,
            "as early as Monday",
            tuesday,
            Agree,
        );
        check(
            "this weekend (“Sunday’s vote”)",
            friday,
            "Sunday",
            tuesday,
            Unsure,
        );
        check(
            "Sunday (p2), but “March 15” in the quoted words of Lavrov (p4)",
            friday,
            "Sunday",
            tuesday,
            Unsure,
        );
        check("Sunday (p2)", friday, "Sunday", tuesday, Agree);
    }

    #[test]
    fn wording_never_differs() {
        pair("whether to join Russia", "whether to secede", Unsure);
        pair("six hours", "whether to secede", Unsure);
        pair("16 March 2014", "six hours", Unsure);
        pair("Whether to secede?", "whether to secede", Agree);
    }
}
