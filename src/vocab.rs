//! Words of English news prose that more than one stage reads: reporting verbs (for quote
//! attribution in `analyse` and for credit lines in `import`), honorifics, the nouns that
//! name an unnamed person ("a spokesman", "one protester"), the names of months and weekdays
//! (full and abbreviated, for dates in `model`, `analyse` and `import`), and the words of
//! numbers and amounts (for dates, figures and claim values). One list each, written once.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::Weekday;

/// The grammatical form of a reporting verb as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbForm {
    /// "say", "warn": after a plural subject ("officials say") or an auxiliary.
    Base,
    /// "says", "warns".
    Third,
    /// "said", "warned" (and past participles: "has written").
    Past,
    /// "saying", "warning": a participle ("…, declaring: “…”", "quoted as saying").
    Ing,
}

/// Verbs that report speech or writing, as lemmas; [`reporting_verb`] knows their forms.
/// Naming verbs ("dub", "name", "call" as in "a group called") are not here: what follows
/// them is a label, not a statement. "call" is, for "called the vote a “sham”".
const REPORTING_LEMMAS: &[&str] = &[
    "accuse",
    "acknowledge",
    "add",
    "address",
    "admit",
    "advise",
    "affirm",
    "agree",
    "allege",
    "announce",
    "answer",
    "apologise",
    "apologize",
    "appeal",
    "applaud",
    "argue",
    "ask",
    "assert",
    "assure",
    "attest",
    "aver",
    "beg",
    "blast",
    "blame",
    "blog",
    "boast",
    "brand",
    "call",
    "caution",
    "charge",
    "chant",
    "characterise",
    "characterize",
    "chide",
    "chime",
    "cite",
    "claim",
    "clarify",
    "comment",
    "commend",
    "complain",
    "concede",
    "conclude",
    "condemn",
    "confess",
    "confide",
    "confirm",
    "congratulate",
    "contend",
    "continue",
    "counter",
    "cry",
    "decry",
    "defend",
    "declare",
    "demand",
    "denounce",
    "deny",
    "deplore",
    "describe",
    "disclose",
    "dismiss",
    "dispute",
    "elaborate",
    "emphasise",
    "emphasize",
    "estimate",
    "exclaim",
    "explain",
    "express",
    "grumble",
    "hail",
    "highlight",
    "hint",
    "implore",
    "indicate",
    "inform",
    "insist",
    "interject",
    "joke",
    "lament",
    "lash",
    "maintain",
    "mention",
    "message",
    "mock",
    "mourn",
    "mutter",
    "narrate",
    "note",
    "object",
    "observe",
    "offer",
    "plead",
    "pledge",
    "point",
    "post",
    "praise",
    "predict",
    "proclaim",
    "promise",
    "pronounce",
    "propose",
    "protest",
    "query",
    "question",
    "quip",
    "rail",
    "reaffirm",
    "reason",
    "rebuff",
    "rebut",
    "recall",
    "recount",
    "reflect",
    "reiterate",
    "reject",
    "remark",
    "reply",
    "report",
    "repeat",
    "repost",
    "retweet",
    "respond",
    "retort",
    "reveal",
    "say",
    "scoff",
    "scold",
    "shout",
    "sigh",
    "signal",
    "slam",
    "snap",
    "speak",
    "speculate",
    "state",
    "stress",
    "suggest",
    "summarise",
    "summarize",
    "swear",
    "tell",
    "testify",
    "text",
    "thank",
    "threaten",
    "tweet",
    "underline",
    "underscore",
    "urge",
    "vow",
    "warn",
    "welcome",
    "whisper",
    "wonder",
    "write",
    "yell",
];

/// Reporting verbs that tell an act rather than words: "Ruiz had agreed to appear “without
/// conditions”", "the state had offered “full cooperation”". Done in words or not, the act's
/// doer is not shown to have said the quoted words: in a clause someone else reports ("Ortiz
/// said Ruiz had agreed to …"), they are at least as likely the reporter's.
const ACT_LEMMAS: &[&str] = &[
    "agree",
    "applaud",
    "cite",
    "commend",
    "congratulate",
    "continue",
    "defend",
    "express",
    "hail",
    "indicate",
    "mourn",
    "offer",
    "point",
    "praise",
    "reflect",
    "repost",
    "retweet",
    "signal",
    "thank",
    "welcome",
];

/// Whether the reporting verb `lemma` tells words said or written ("promise", "warn",
/// "call"), not an act ([`ACT_LEMMAS`]: "agree", "offer").
pub fn reports_words(lemma: &str) -> bool {
    !ACT_LEMMAS.contains(&lemma)
}

/// Forms no rule of [`inflect`] makes.
const IRREGULAR: &[(&str, &[&str])] = &[
    ("say", &["said"]),
    ("tell", &["told"]),
    ("write", &["wrote", "written"]),
    ("speak", &["spoke", "spoken"]),
    ("swear", &["swore", "sworn"]),
];

/// Lemmas whose last consonant doubles before -ed and -ing ("admitted", "quipping").
const DOUBLING: &[&str] = &[
    "admit", "aver", "blog", "chat", "quip", "rebut", "snap", "submit",
];

/// The base, third-person, past and -ing forms of a regular lemma.
fn inflect(lemma: &str) -> [(String, VerbForm); 4] {
    let third =
        if lemma.ends_with(['s', 'x', 'z']) || lemma.ends_with("sh") || lemma.ends_with("ch") {
            format!("{lemma}es")
        } else if let Some(stem) = lemma
            .strip_suffix('y')
            .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
        {
            format!("{stem}ies")
        } else {
            format!("{lemma}s")
        };
    let (past, ing) = if DOUBLING.contains(&lemma) {
        let last = &lemma[lemma.len() - 1..];
        (format!("{lemma}{last}ed"), format!("{lemma}{last}ing"))
    } else if let Some(stem) = lemma.strip_suffix("ee") {
        (format!("{stem}eed"), format!("{lemma}ing"))
    } else if let Some(stem) = lemma.strip_suffix('e') {
        (format!("{lemma}d"), format!("{stem}ing"))
    } else if let Some(stem) = lemma
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        (format!("{stem}ied"), format!("{lemma}ing"))
    } else {
        (format!("{lemma}ed"), format!("{lemma}ing"))
    };
    [
        (lemma.to_owned(), VerbForm::Base),
        (third, VerbForm::Third),
        (past, VerbForm::Past),
        (ing, VerbForm::Ing),
    ]
}

fn reporting_forms() -> &'static HashMap<String, (VerbForm, &'static str)> {
    static FORMS: OnceLock<HashMap<String, (VerbForm, &'static str)>> = OnceLock::new();
    FORMS.get_or_init(|| {
        let mut forms = HashMap::new();
        for &lemma in REPORTING_LEMMAS {
            let irregular = IRREGULAR.iter().find(|(l, _)| *l == lemma);
            for (form, kind) in inflect(lemma) {
                if irregular.is_some() && kind == VerbForm::Past {
                    continue;
                }
                forms.entry(form).or_insert((kind, lemma));
            }
            if let Some((_, pasts)) = irregular {
                for past in *pasts {
                    forms.insert((*past).to_owned(), (VerbForm::Past, lemma));
                }
            }
        }
        forms
    })
}

/// Whether `word`, written in lowercase, is a form of a reporting verb, and which form and
/// lemma. A capitalised word is not one: "State" in "Secretary of State" is a name.
pub fn reporting_verb(word: &str) -> Option<(VerbForm, &'static str)> {
    reporting_forms().get(word).copied()
}

/// The number of distinct reporting verb forms known (for the documentation and tests).
pub fn reporting_verb_count() -> usize {
    reporting_forms().len()
}

/// Titles written before a name ("Mr Roe", "Dr. Doe").
pub const HONORIFICS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Sir", "Dame", "Lord", "Lady", "Rev", "Gen", "Col",
    "Lt", "Sgt", "Capt", "Sen", "Rep", "Gov", "Pres", "Sheikh", "Imam", "Rabbi", "Father",
    "Sister", "Bishop", "Cardinal", "Pope", "King", "Queen", "Prince", "Princess",
];

/// Lowercase words that may stand in a title before a name ("former interior minister").
pub const TITLE_WORDS: &[&str] = &[
    "former",
    "deputy",
    "acting",
    "senior",
    "chief",
    "interior",
    "foreign",
    "prime",
    "vice",
    "general",
    "opposition",
    "party",
    "union",
    "state",
    "defence",
    "defense",
    "finance",
    "labour",
    "labor",
    "justice",
    "health",
    "trade",
    "top",
    "then",
    "new",
    "outgoing",
    "incoming",
    "veteran",
    "local",
    "regional",
    "national",
    "executive",
    "managing",
    "of",
    "and",
    "for",
    "assistant",
    "special",
    "permanent",
    "high",
    "secretary-general",
    "under-secretary",
    "commissioner",
    "chairman",
    "chairwoman",
    "chair",
    "mp",
];

/// Whether lowercase `word` may stand in a title before a name.
pub fn is_title_word(word: &str) -> bool {
    TITLE_WORDS.contains(&word)
}

/// Nouns whose phrase names a person who is not an actor: "a senior official said", "one
/// protester shouted". A sentence whose subject is such a phrase is about someone other than
/// the actors named in it.
pub const PERSON_NOUNS: &[&str] = &[
    "adviser",
    "advisor",
    "aide",
    "ambassador",
    "archbishop",
    "bishop",
    "chancellor",
    "pastor",
    "premier",
    "imam",
    "rabbi",
    "cardinal",
    "monarch",
    "king",
    "queen",
    "prince",
    "princess",
    "analyst",
    "activist",
    "bystander",
    "chief",
    "citizen",
    "colleague",
    "commander",
    "correspondent",
    "critic",
    "delegate",
    "deputy",
    "diplomat",
    "director",
    "doctor",
    "driver",
    "economist",
    "envoy",
    "expert",
    "farmer",
    "fisherman",
    "governor",
    "guard",
    "head",
    "inspector",
    "investigator",
    "journalist",
    "judge",
    "lawmaker",
    "lawyer",
    "leader",
    "man",
    "mayor",
    "member",
    "minister",
    "mother",
    "father",
    "negotiator",
    "nurse",
    "observer",
    "officer",
    "official",
    "organiser",
    "organizer",
    "owner",
    "passenger",
    "person",
    "policeman",
    "politician",
    "president",
    "priest",
    "professor",
    "prosecutor",
    "protester",
    "protestor",
    "reporter",
    "representative",
    "researcher",
    "resident",
    "secretary",
    "senator",
    "shopkeeper",
    "soldier",
    "source",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "student",
    "supporter",
    "survivor",
    "teacher",
    "trader",
    "veteran",
    "voter",
    "witness",
    "woman",
    "worker",
    "officials",
    "residents",
    "witnesses",
    "protesters",
    "workers",
    "sources",
    "analysts",
    "diplomats",
    "critics",
    "supporters",
    "voters",
    "activists",
    "lawmakers",
    "experts",
    "officers",
    "soldiers",
    "women",
    "men",
    "people",
    "relatives",
    "families",
    "parents",
    "neighbours",
    "neighbors",
    "villagers",
    "rescuers",
    "survivors",
    "miners",
    "passengers",
    "victims",
    "colleagues",
    "crew",
];

/// Whether `word` names a person by role ("official", "Spokeswoman").
pub fn is_person_noun(word: &str) -> bool {
    PERSON_NOUNS.contains(&word) || PERSON_NOUNS.contains(&word.to_lowercase().as_str())
}

/// Whether `word` names several people by role: a plural of [`PERSON_NOUNS`] ("officials",
/// "nurses", "fishermen", "people", "crew") — those who speak as a crowd, never one person nor
/// an organisation.
pub fn is_plural_person_noun(word: &str) -> bool {
    let lower = word.to_lowercase();
    if matches!(lower.as_str(), "people" | "men" | "women" | "crew") {
        return true;
    }
    let singular = if let Some(stem) = lower.strip_suffix("men") {
        format!("{stem}man")
    } else if let Some(stem) = lower.strip_suffix('s').filter(|s| !s.ends_with('s')) {
        stem.to_owned()
    } else {
        return false;
    };
    is_person_noun(&lower) && lower.ends_with('s') || is_person_noun(&singular)
}

/// English month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Months as news copy abbreviates them before a day, with a full stop ("Feb. 22", "Sept.
/// 4"): March to July are written out.
pub const ABBREVIATED_MONTHS: [&str; 7] = ["Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec"];

/// The month `word` names, as written in [`MONTHS`] ("March"), by its first three letters
/// ("Mar") or as "Sept"; 1 for January. Case counts: "march" is not a month here.
pub fn month_number(word: &str) -> Option<u32> {
    month_named(word, |name, word| name == word)
}

/// [`month_number`] for a word in lowercase: "march", "mar", "sept". A capital never matches.
pub fn month_number_lowercase(word: &str) -> Option<u32> {
    month_named(word, lowercase_of)
}

fn month_named(word: &str, same: impl Fn(&str, &str) -> bool) -> Option<u32> {
    if same("Sept", word) {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|name| same(name, word) || (word.len() == 3 && same(&name[..3], word)))
        .map(|i| i as u32 + 1)
}

/// Weekday names, Monday first, with their calendar weekday.
pub const WEEKDAYS: [(&str, Weekday); 7] = [
    ("Monday", Weekday::Mon),
    ("Tuesday", Weekday::Tue),
    ("Wednesday", Weekday::Wed),
    ("Thursday", Weekday::Thu),
    ("Friday", Weekday::Fri),
    ("Saturday", Weekday::Sat),
    ("Sunday", Weekday::Sun),
];

/// Weekdays as pages abbreviate them in date lines ("Fri Mar 14, 2014", "Tues 11 March").
pub const ABBREVIATED_WEEKDAYS: [(&str, Weekday); 10] = [
    ("Mon", Weekday::Mon),
    ("Tue", Weekday::Tue),
    ("Tues", Weekday::Tue),
    ("Wed", Weekday::Wed),
    ("Thu", Weekday::Thu),
    ("Thur", Weekday::Thu),
    ("Thurs", Weekday::Thu),
    ("Fri", Weekday::Fri),
    ("Sat", Weekday::Sat),
    ("Sun", Weekday::Sun),
];

/// The weekday a word in lowercase names, in full or as in [`ABBREVIATED_WEEKDAYS`]:
/// "tuesday", "tue", "tues".
pub fn weekday_lowercase(word: &str) -> Option<Weekday> {
    WEEKDAYS
        .iter()
        .chain(&ABBREVIATED_WEEKDAYS)
        .find(|(name, _)| lowercase_of(name, word))
        .map(|(_, weekday)| *weekday)
}

/// Whether a word in lowercase is the full name of a month or a weekday: "march", "sunday".
pub fn month_or_weekday_lowercase(word: &str) -> bool {
    MONTHS
        .iter()
        .chain(WEEKDAYS.iter().map(|(name, _)| name))
        .any(|name| lowercase_of(name, word))
}

/// Whether `word` is `name` in lowercase ("march" of "March"; not "March" itself).
fn lowercase_of(name: &str, word: &str) -> bool {
    name.len() == word.len()
        && name
            .bytes()
            .zip(word.bytes())
            .all(|(n, w)| n.to_ascii_lowercase() == w)
}

/// Number words and their values; compounds are read from them ("forty-eight", "two hundred
/// and six").
pub const NUMBER_WORDS: &[(&str, u64)] = &[
    ("zero", 0),
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
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Words that multiply the number before them: "two million", "1.2m", "3bn", "40k".
pub const SCALE_WORDS: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("k", 1e3),
    ("million", 1e6),
    ("m", 1e6),
    ("mn", 1e6),
    ("mln", 1e6),
    ("billion", 1e9),
    ("bn", 1e9),
    ("trillion", 1e12),
    ("tn", 1e12),
];

/// Words that give an amount without a number: "several hours", "dozens of people".
pub const VAGUE_AMOUNTS: &[&str] = &[
    "several",
    "many",
    "few",
    "some",
    "dozens",
    "scores",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "tens",
    "numerous",
    "countless",
    "handful",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reporting_verbs_in_every_form() {
        for (word, form) in [
            ("said", VerbForm::Past),
            ("says", VerbForm::Third),
            ("saying", VerbForm::Ing),
            ("told", VerbForm::Past),
            ("vowed", VerbForm::Past),
            ("declaring", VerbForm::Ing),
            ("tweeted", VerbForm::Past),
            ("denied", VerbForm::Past),
            ("replies", VerbForm::Third),
            ("admitted", VerbForm::Past),
            ("quipped", VerbForm::Past),
            ("conceded", VerbForm::Past),
            ("urges", VerbForm::Third),
            ("stresses", VerbForm::Third),
            ("agreed", VerbForm::Past),
            ("written", VerbForm::Past),
            ("texted", VerbForm::Past),
        ] {
            assert_eq!(reporting_verb(word).map(|v| v.0), Some(form), "{word}");
        }
        for word in [
            "sayed", "telled", "the", "met", "dubbed", "named", "voted", "State",
        ] {
            assert_eq!(reporting_verb(word), None, "{word}");
        }
        assert!(reporting_verb_count() > 500);
    }

    #[test]
    fn verbs_of_acts_report_no_words() {
        for lemma in ["agree", "offer", "welcome", "praise"] {
            assert!(!reports_words(lemma), "{lemma}");
        }
        for lemma in ["say", "promise", "vow", "call", "warn", "deny"] {
            assert!(reports_words(lemma), "{lemma}");
        }
    }

    #[test]
    fn plural_person_nouns() {
        for word in [
            "officials",
            "nurses",
            "Protesters",
            "fishermen",
            "women",
            "people",
            "crew",
            "relatives",
        ] {
            assert!(is_plural_person_noun(word), "{word}");
        }
        for word in [
            "official", "nurse", "witness", "boss", "Ms", "minister", "ministry",
        ] {
            assert!(!is_plural_person_noun(word), "{word}");
        }
    }

    #[test]
    fn months_and_weekdays_by_name_and_abbreviation() {
        for (word, month) in [
            ("March", 3),
            ("Mar", 3),
            ("May", 5),
            ("Sept", 9),
            ("Sep", 9),
        ] {
            assert_eq!(month_number(word), Some(month), "{word}");
            let lower = word.to_lowercase();
            assert_eq!(month_number_lowercase(&lower), Some(month), "{lower}");
        }
        for word in ["march", "Marc", "Ma", "", "MARCH"] {
            assert_eq!(month_number(word), None, "{word}");
        }
        for word in ["March", "marc", "septe", "jun."] {
            assert_eq!(month_number_lowercase(word), None, "{word}");
        }
        assert_eq!(weekday_lowercase("thurs"), Some(Weekday::Thu));
        assert_eq!(weekday_lowercase("sunday"), Some(Weekday::Sun));
        assert_eq!(weekday_lowercase("Sun"), None);
        assert_eq!(weekday_lowercase("frid"), None);
        assert!(month_or_weekday_lowercase("may"));
        assert!(month_or_weekday_lowercase("friday"));
        assert!(!month_or_weekday_lowercase("jan"));
        assert!(!month_or_weekday_lowercase("May"));
    }
}
