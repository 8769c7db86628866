//! Names: whether words look like a person's name or an outlet's, the known actors a text
//! mentions (found by the same matcher as a build), and the names that look like people's
//! but match no actor, listed as candidates for new actor files.

use super::Known;
use crate::vocab;

/// Words that may stand uncapitalised inside a name ("Voice of America", "bin Salman").
#[rustfmt::skip]
const NAME_CONNECTORS: &[&str] = &[
    "and", "of", "the", "al", "de", "bin", "van", "von", "der", "la", "le", "da", "el", "du",
    "di",
];

/// Whether every word of `text` starts with a capital or a digit, connectors aside.
pub(super) fn capitalised_words(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    !words.is_empty()
        && words.iter().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.is_empty()
                || NAME_CONNECTORS.contains(&w.to_lowercase().as_str())
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

/// "Jane Doe and John Roe, Reuters" → ["Jane Doe", "John Roe", "Reuters"].
pub(super) fn split_names(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for part in text.split([',', ';', '/', '&']) {
        for name in part.split(" and ") {
            let name = name.trim().trim_end_matches('.');
            if !name.is_empty() {
                out.push(name);
            }
        }
    }
    out
}

/// Looks like a person's name: two to four capitalised words, none an outlet's or a job's.
pub(super) fn person_like(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && capitalised_words(name)
        && !outlet_like(name)
        && !words.iter().any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "staff" | "writer" | "correspondent" | "editor" | "reporter" | "desk" | "team"
            )
        })
}

/// Looks like an outlet: an acronym ("AFP"), or a name with a newsroom word in it.
pub(super) fn outlet_like(name: &str) -> bool {
    let letters: String = name.chars().filter(|c| c.is_alphabetic()).collect();
    let acronym = (2..=6).contains(&letters.chars().count())
        && letters.chars().all(char::is_uppercase)
        && !name.contains(' ');
    acronym
        || name.split_whitespace().any(|w| {
            matches!(
                w.to_lowercase()
                    .trim_matches(|c: char| !c.is_alphanumeric()),
                "news"
                    | "press"
                    | "agency"
                    | "times"
                    | "post"
                    | "herald"
                    | "tribune"
                    | "journal"
                    | "daily"
                    | "telegraph"
                    | "guardian"
                    | "radio"
                    | "tv"
                    | "television"
                    | "network"
                    | "media"
                    | "wire"
                    | "gazette"
                    | "reuters"
            )
        })
}

/// The known actors mentioned in `texts` (the title and the paragraphs), with counts, in
/// order of first mention, found by the same matcher as a build.
pub(super) fn known_actors(texts: &[&str], known: &Known) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for text in texts {
        for (actor, _, _) in known.matcher.find(text) {
            let slug = &known.dossier.actors[actor].slug;
            match out.iter_mut().find(|(s, _)| s == slug) {
                Some((_, n)) => *n += 1,
                None => out.push((slug.clone(), 1)),
            }
        }
    }
    out
}

/// Titles and roles before a name; stripped, and a sign that a person follows.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "president", "prime", "minister", "secretary", "chancellor", "foreign", "defence", "defense",
    "interior", "finance", "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady",
    "general", "gen", "senator", "sen", "rep", "representative", "governor", "gov", "mayor",
    "ambassador", "judge", "justice", "prince", "princess", "king", "queen", "pope", "premier",
    "pm", "deputy", "vice", "chief", "colonel", "col", "captain", "capt", "lieutenant", "lt",
    "commander", "admiral", "sergeant", "sgt", "major", "professor", "prof", "spokesman",
    "spokeswoman", "spokesperson", "envoy", "chairman", "chairwoman", "speaker", "sheikh",
    "emir", "bishop", "archbishop", "patriarch", "rabbi", "imam", "reverend", "rev",
];

/// Words that start a sentence or a phrase rather than a name; stripped.
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "in", "on", "at", "by", "for", "from", "to", "of", "and", "but", "or",
    "if", "as", "after", "before", "during", "following", "meanwhile", "however", "while",
    "when", "where", "what", "which", "who", "this", "that", "these", "those", "it", "he", "she",
    "they", "we", "i", "our", "their", "his", "her", "its", "my", "your", "both", "last", "next",
    "speaking", "asked", "then", "now", "also", "so", "yet", "since", "until", "under", "with",
    "without", "over", "about", "between", "against", "among", "earlier", "later", "today",
    "yesterday", "although", "though", "because", "unlike", "like", "despite", "according",
    "former", "new", "ousted", "acting", "interim", "late",
];

/// Nationalities and other adjectives before a name; stripped.
#[rustfmt::skip]
const ADJECTIVES: &[&str] = &[
    "american", "british", "russian", "ukrainian", "german", "french", "chinese", "japanese",
    "italian", "spanish", "polish", "turkish", "iranian", "israeli", "palestinian", "syrian",
    "iraqi", "afghan", "pakistani", "indian", "canadian", "australian", "european", "african",
    "arab", "asian", "crimean", "georgian", "belarusian", "kazakh", "azerbaijani", "armenian",
    "dutch", "belgian", "swedish", "norwegian", "finnish", "danish", "greek", "austrian",
    "swiss", "korean", "saudi", "egyptian", "qatari", "lebanese", "jordanian", "romanian",
    "hungarian", "czech", "serbian", "croatian", "estonian", "latvian", "lithuanian", "moldovan",
    "irish", "scottish", "welsh", "english", "mexican", "brazilian", "venezuelan", "cuban",
    "western", "eastern", "northern", "southern",
];

/// Words that make a capitalised phrase an institution or a place, not a person; the names of
/// months and weekdays make it a date ([`vocab::month_or_weekday_lowercase`]).
#[rustfmt::skip]
const NOT_PEOPLE: &[&str] = &[
    "council", "ministry", "department", "union", "commission", "parliament", "party", "army",
    "forces", "force", "sea", "ocean", "river", "federation", "republic", "kingdom", "states",
    "nations", "security", "agency", "news", "press", "times", "post", "street", "square",
    "house", "court", "bank", "fund", "organisation", "organization", "assembly", "committee",
    "office", "government", "armed", "supreme", "church", "university", "college", "school",
    "institute", "center", "centre", "group", "company", "corporation", "airlines", "airport",
    "station", "city", "county", "province", "region", "district", "island", "islands",
    "mountains", "peninsula", "valley", "gulf", "bay", "coast", "summit", "conference", "treaty",
    "accord", "agreement", "war", "crisis", "revolution", "palace", "hall", "tower", "bridge",
    "road", "avenue", "park", "stadium", "cup", "games", "prize", "award", "day", "guard",
    "police", "navy", "fleet", "service", "services", "network", "media", "channel", "radio",
    "television", "online", "daily", "journal", "herald", "tribune", "gazette", "telegraph",
    "guardian", "magazine", "club", "league", "association", "alliance", "movement", "front",
    "bloc", "coalition", "cabinet", "senate", "congress", "central", "national", "international",
    "federal", "exchange", "market", "index", "north", "south", "east", "west", "black", "white",
    "red", "state", "god",
];

/// Lowercase words before a name that mark a person.
#[rustfmt::skip]
const ROLES: &[&str] = &[
    "official", "correspondent", "reporter", "analyst", "editor", "spokesman", "spokeswoman",
    "spokesperson", "leader", "head", "director", "founder", "adviser", "advisor", "aide",
    "lawyer", "attorney", "candidate", "activist", "author", "economist", "expert", "journalist",
    "counterpart", "envoy", "minister", "president", "secretary", "chancellor", "ambassador",
    "by", "said", "says", "told",
];

/// One word of a text, for finding names.
struct Token<'a> {
    word: &'a str,
    /// Starts after an opening quote or bracket.
    opens: bool,
    /// Ends before punctuation or a possessive.
    closes: bool,
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    text.split_whitespace()
        .map(|raw| {
            let word = raw.trim_start_matches(['"', '“', '‘', '\'', '(', '[', '{']);
            let opens = word.len() != raw.len();
            if word.len() == 2 && word.ends_with('.') && word.starts_with(char::is_uppercase) {
                return Token {
                    word,
                    opens,
                    closes: false,
                };
            }
            let mut w =
                word.trim_end_matches([',', '.', ';', ':', '!', '?', '"', '”', ')', ']', '}']);
            let mut closes = w.len() != word.len();
            for possessive in ["'s", "’s"] {
                if let Some(stem) = w.strip_suffix(possessive) {
                    w = stem;
                    closes = true;
                }
            }
            let trimmed = w.trim_end_matches(['\'', '’']);
            closes |= trimmed.len() != w.len();
            Token {
                word: trimmed,
                opens,
                closes,
            }
        })
        .collect()
}

/// A word that can be part of a name: capitalised, with lowercase letters ("McGregor-Wood",
/// "Ki-moon"), or an initial ("W.").
fn name_word(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if word.len() == 2 && word.ends_with('.') {
        return first.is_uppercase();
    }
    first.is_uppercase()
        && word.chars().any(char::is_lowercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
}

/// Names that look like people's and match no known actor: two or three capitalised words,
/// titles and sentence openers stripped, no institution or date word, with a title or role
/// before them, a speech verb after them, or seen twice.
pub(super) fn person_candidates(texts: &[&str], known: &Known) -> Vec<String> {
    let mut seen: Vec<(String, usize, bool)> = Vec::new();
    for text in texts {
        let known_spans: Vec<(usize, usize)> = known
            .matcher
            .find(text)
            .into_iter()
            .map(|(_, s, e)| (s, e))
            .collect();
        let toks = tokens(text);
        let mut i = 0;
        while i < toks.len() {
            if !name_word(toks[i].word) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            while end < toks.len()
                && !toks[end - 1].closes
                && !toks[end].opens
                && name_word(toks[end].word)
            {
                end += 1;
            }
            i = end;
            let mut first = start;
            let mut signal = false;
            while first < end {
                let w = toks[first].word.trim_end_matches('.').to_lowercase();
                if TITLES.contains(&w.as_str()) {
                    signal = true;
                } else if !FUNCTION_WORDS.contains(&w.as_str()) && !ADJECTIVES.contains(&w.as_str())
                {
                    break;
                }
                first += 1;
            }
            let words: Vec<&str> = toks[first..end].iter().map(|t| t.word).collect();
            if !(2..=3).contains(&words.len())
                || words.iter().any(|w| {
                    let w = w.to_lowercase();
                    NOT_PEOPLE.contains(&w.as_str()) || vocab::month_or_weekday_lowercase(&w)
                })
                || words.last().is_some_and(|w| w.ends_with('.'))
            {
                continue;
            }
            let name = words.join(" ");
            if known.source_named(&name).is_some() {
                continue;
            }
            let (from, to) = span_of(text, words[0], toks[first..end].last().map(|t| t.word));
            if known_spans.iter().any(|&(s, e)| s < to && from < e) {
                continue;
            }
            if start > 0 {
                let before = toks[start - 1].word.to_lowercase();
                signal |= ROLES.contains(&before.as_str()) || TITLES.contains(&before.as_str());
            }
            if let Some(after) = toks.get(end) {
                // "Doe said", "Doe vowed": the reporting verbs quote attribution reads.
                signal |=
                    vocab::reporting_verb(&after.word.to_lowercase()).is_some_and(|(form, _)| {
                        matches!(form, vocab::VerbForm::Past | vocab::VerbForm::Third)
                    });
            }
            match seen.iter_mut().find(|(n, _, _)| *n == name) {
                Some(entry) => {
                    entry.1 += 1;
                    entry.2 |= signal;
                }
                None => seen.push((name, 1, signal)),
            }
        }
    }
    seen.into_iter()
        .filter(|(_, count, signal)| *signal || *count >= 2)
        .map(|(name, _, _)| name)
        .collect()
}

/// The byte range in `text` from the first occurrence of `first` to the end of the next
/// occurrence of `last` (an approximation good enough for overlap with known mentions).
fn span_of(text: &str, first: &str, last: Option<&str>) -> (usize, usize) {
    let from = text.find(first).unwrap_or(0);
    let to = last
        .and_then(|l| text[from..].find(l).map(|i| from + i + l.len()))
        .unwrap_or(from + first.len());
    (from, to)
}

#[cfg(test)]
mod tests {
    use crate::import::draft;
    use crate::import::fixture::known;

    #[test]
    fn actors_and_candidates() {
        let text = "Doe meets Roe\n\nJane Doe met Foreign Minister Karl Blum in Ruritania.\n\n\"No,\" Anna Weiss said. The Supreme Council and the Black Sea Fleet met.\n\nMr Roe left on Monday for Kiev.\n";
        let d = draft(text, &known()).unwrap();
        let slugs: Vec<&str> = d.actors.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(slugs, ["jane-doe", "john-roe", "ruritania"]);
        assert_eq!(d.actors[0], ("jane-doe".to_owned(), 2));
        assert_eq!(d.candidates, ["Karl Blum", "Anna Weiss"]);
    }
}
