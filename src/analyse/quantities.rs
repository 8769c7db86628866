//! Quantities stated in article text ("six hours", "several hours", "2 million people",
//! "48 hours"), so that comparison pages can point out where outlets give different figures
//! for the same thing.

use super::quotes::{sentence_end, sentence_start, words};

/// A number (or a vague amount such as "several") and the unit it counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    /// 1-based paragraph.
    pub paragraph: usize,
    /// The words as written: "six hours".
    pub text: String,
    /// The amount, normalised: "6", "several", "2000000".
    pub amount: String,
    /// The counted noun, singular and lowercase: "hour".
    pub unit: String,
    /// Significant words just before and after it in its sentence, for telling whether two
    /// quantities count the same thing.
    pub context: Vec<String>,
}

const NUMBER_WORDS: &[(&str, u64)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("fifteen", 15),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("hundred", 100),
    ("dozen", 12),
];
const VAGUE: &[&str] = &[
    "several",
    "many",
    "few",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "some",
];
const SCALES: &[(&str, u64)] = &[
    ("thousand", 1_000),
    ("million", 1_000_000),
    ("billion", 1_000_000_000),
];
/// Nouns that are not worth comparing as units.
const NOT_UNITS: &[&str] = &[
    "of", "and", "or", "the", "a", "to", "in", "on", "at", "for", "with", "more", "other", "than",
    "who", "which", "that",
];
const STOP: &[&str] = &[
    "the", "and", "that", "this", "with", "from", "have", "were", "will", "would", "said", "after",
    "before", "into", "their",
];

fn amount(word: &str) -> Option<(String, bool)> {
    let lower = word.to_lowercase();
    if let Some((_, n)) = NUMBER_WORDS.iter().find(|(w, _)| *w == lower) {
        return Some((n.to_string(), false));
    }
    if VAGUE.contains(&lower.as_str()) {
        return Some((lower, true));
    }
    let digits: String = word.chars().filter(|c| *c != ',').collect();
    if !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.chars().next().is_some_and(|c| c.is_ascii_digit())
    {
        // Years are dates, not quantities.
        if digits.len() == 4
            && !digits.contains('.')
            && (1800..2200).contains(&digits.parse::<u32>().unwrap_or(0))
        {
            return None;
        }
        return Some((digits, false));
    }
    None
}

fn singular(noun: &str) -> String {
    let noun = noun.to_lowercase();
    if let Some(stem) = noun.strip_suffix("ies") {
        format!("{stem}y")
    } else if noun.len() > 3 && noun.ends_with('s') && !noun.ends_with("ss") {
        noun[..noun.len() - 1].to_owned()
    } else {
        noun
    }
}

/// The quantities in one paragraph's text.
pub fn find_in(paragraph: usize, text: &str) -> Vec<Quantity> {
    let tokens = words(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some((mut value, vague)) = amount(tokens[i].2) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        if let Some((_, scale)) = tokens
            .get(j)
            .and_then(|t| SCALES.iter().find(|(s, _)| *s == t.2.to_lowercase()))
        {
            if let Ok(n) = value.parse::<f64>() {
                value = format!("{}", (n * *scale as f64).round() as u64);
            }
            j += 1;
        }
        let Some(unit) = tokens.get(j).filter(|t| {
            t.2.chars().all(|c| c.is_alphabetic() || c == '-')
                && !NOT_UNITS.contains(&t.2.to_lowercase().as_str())
        }) else {
            i = j;
            continue;
        };
        // Capitalised words after a number are names ("Two Sessions"), not units.
        if unit.2.chars().next().is_some_and(char::is_uppercase) && !vague {
            i = j;
            continue;
        }
        // The words right around the figure ("six hours of talks"), within its sentence.
        let from = sentence_start(text, tokens[i].0);
        let to = sentence_end(text, unit.1);
        let context = tokens[i.saturating_sub(4)..(j + 5).min(tokens.len())]
            .iter()
            .filter(|t| t.0 >= from && t.1 <= to && (t.1 <= tokens[i].0 || t.0 >= unit.1))
            .map(|t| singular(t.2))
            .filter(|w| w.len() >= 4 && !STOP.contains(&w.as_str()))
            .collect();
        out.push(Quantity {
            paragraph,
            text: text[tokens[i].0..unit.1].to_owned(),
            amount: value,
            unit: singular(unit.2),
            context,
        });
        i = j + 1;
    }
    out
}

/// Whether two quantities count the same thing: the same unit in sentences that share a
/// significant word besides the unit.
pub fn same_thing(a: &Quantity, b: &Quantity) -> bool {
    a.unit == b.unit
        && a.context
            .iter()
            .any(|w| *w != a.unit && b.context.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

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
                ("six hours", "6", "hour"),
                ("2 million people", "2000000", "people"),
                ("several hours", "several", "hour")
            ]
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
