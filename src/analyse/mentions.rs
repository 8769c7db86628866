//! Where each actor is mentioned: every name and alias as whole, case-sensitive words, the
//! longest match winning ("Sergei Lavrov" over "Lavrov"), found by one Aho-Corasick automaton
//! over all names so the cost grows with the text, not with text × actors.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, Input, MatchKind};

use crate::diagnostics::Diagnostic;
use crate::model::{Article, Dossier};

/// One occurrence of an actor's name or alias in an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Index into `Dossier::actors`.
    pub actor: usize,
    /// 1-based paragraph (`#pN`); 0 for the title. For an aside, the paragraph before it.
    pub paragraph: usize,
    /// Index into `Article::asides` when the mention is in a list item or block quote.
    pub aside: Option<usize>,
    /// Byte range in the paragraph's text (or the title, or the aside).
    pub start: usize,
    pub end: usize,
}

/// The automaton over every actor name and alias.
pub struct Matcher {
    automaton: Option<AhoCorasick>,
    /// Pattern index → the actor it names (`None` when two actors share it).
    owners: Vec<Option<usize>>,
    /// Pattern index → whether it is one word of a person's longer name (a surname alias,
    /// "Varga" of "Ilse Varga"), which another person may bear ("Pal Varga").
    surnames: Vec<bool>,
}

/// A name or alias found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub actor: usize,
    pub start: usize,
    pub end: usize,
    /// A surname alias after a capitalised word that is no title: "Pal Varga" when the
    /// dossier's Varga is Ilse. It names someone else.
    pub other_bearer: bool,
    /// A surname alias alone, which another bearer named before in the same text makes
    /// ambiguous.
    pub surname: bool,
}

/// Nouns that end the name of a place or institution: "Velmora Technical University" is not
/// the state Velmora.
const INSTITUTION_NOUNS: &[&str] = &[
    "University",
    "College",
    "Institute",
    "School",
    "Academy",
    "Hospital",
    "Clinic",
    "Museum",
    "Library",
    "Foundation",
    "Society",
    "Association",
    "Club",
    "Stadium",
    "Airport",
    "Airways",
    "Airlines",
    "Railway",
    "Railways",
    "Station",
    "Street",
    "Road",
    "Avenue",
    "Square",
    "Bridge",
    "Park",
    "Hotel",
    "Cathedral",
    "Church",
    "Mosque",
    "Prison",
    "Times",
    "Herald",
    "Gazette",
    "Courier",
    "Post",
];

/// Capitalised words that stand before a surname without being a given name: sentence
/// openers, prepositions and the like ("But Varga said", "Asked, Varga said").
const NOT_GIVEN_NAMES: &[&str] = &[
    "A",
    "According",
    "After",
    "Against",
    "Also",
    "Although",
    "Among",
    "An",
    "And",
    "As",
    "Asked",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Did",
    "Does",
    "During",
    "Either",
    "Even",
    "For",
    "From",
    "Had",
    "Has",
    "How",
    "If",
    "In",
    "Is",
    "Like",
    "Meanwhile",
    "Neither",
    "Nor",
    "Not",
    "Now",
    "Of",
    "On",
    "Once",
    "Only",
    "Or",
    "Since",
    "So",
    "Still",
    "That",
    "The",
    "Then",
    "Though",
    "To",
    "Under",
    "Unlike",
    "Until",
    "Was",
    "What",
    "When",
    "Where",
    "While",
    "Who",
    "Why",
    "With",
    "Without",
    "Yet",
    "Yesterday",
    "Today",
    "Tonight",
    "Later",
    "Earlier",
    "Here",
    "There",
    "Thanks",
    "Dear",
    "Says",
    "Said",
    "Told",
    "Will",
    "Would",
    "Could",
    "Should",
    "Can",
    "May",
    "Might",
    "Must",
    "Let",
    "Via",
];

/// Whether the capitalised word before a surname is a title or an opener rather than
/// another given name ("Mayor Varga", "Chief Inspector Marsh", "But Varga").
fn is_title_or_opener(word: &str) -> bool {
    let lower = word.to_lowercase();
    NOT_GIVEN_NAMES.contains(&word)
        || crate::vocab::HONORIFICS.contains(&word.trim_end_matches('.'))
        || crate::vocab::is_person_noun(&lower)
        || crate::vocab::is_title_word(&lower)
        || crate::vocab::month_or_weekday_lowercase(&lower)
        || word.chars().all(|c| !c.is_lowercase())
        || word.ends_with("'s")
        || word.ends_with("’s")
}

impl Matcher {
    /// Builds the matcher, with a warning for each name or alias that two actors share.
    pub fn new(dossier: &Dossier) -> (Matcher, Vec<Diagnostic>) {
        let mut problems = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut owners: Vec<Option<usize>> = Vec::new();
        let mut surnames: Vec<bool> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (index, actor) in dossier.actors.iter().enumerate() {
            // Smart punctuation turns "Crimea's" into "Crimea’s" in the text: match both.
            let curly: Vec<String> = actor
                .names()
                .filter(|n| n.contains('\''))
                .map(|n| n.replace('\'', "’"))
                .collect();
            for name in actor.names().chain(curly.iter().map(String::as_str)) {
                if name.is_empty() {
                    continue;
                }
                match seen.get(name) {
                    Some(&pattern) => {
                        let Some(first) = owners[pattern] else {
                            continue;
                        };
                        if first != index {
                            owners[pattern] = None;
                            let other = &dossier.actors[first];
                            problems.push(
                                Diagnostic::warning(&actor.path, format!("the alias `{name}` also names {} ({}); mentions of it are not counted for either", other.name, other.path.display()))
                                    .with_hint(format!("keep `{name}` in only one of {} and {}", actor.path.display(), other.path.display())),
                            );
                        }
                    }
                    None => {
                        seen.insert(name.to_owned(), patterns.len());
                        patterns.push(name.to_owned());
                        owners.push(Some(index));
                        surnames.push(
                            actor.kind == Some(crate::model::ActorKind::Person)
                                && !name.contains(' ')
                                && actor.name.ends_with(&format!(" {name}")),
                        );
                    }
                }
            }
        }
        let automaton = (!patterns.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&patterns)
                .expect("names are plain strings")
        });
        (
            Matcher {
                automaton,
                owners,
                surnames,
            },
            problems,
        )
    }

    /// The mentions in `text`, as `(actor, start, end)`, in order: every name and alias, but
    /// a surname alias that another given name shows to be someone else's ("Pal Varga") and
    /// then alone, and a name that begins an institution's ("Velmora Technical University").
    pub fn find(&self, text: &str) -> Vec<(usize, usize, usize)> {
        let mut others: Vec<usize> = Vec::new();
        self.find_all(text)
            .into_iter()
            .filter(|f| credited(f, &mut others))
            .map(|f| (f.actor, f.start, f.end))
            .collect()
    }

    /// Every name and alias in `text` but an institution's, with what tells whether it may
    /// name someone else ([`Found`]).
    pub fn find_all(&self, text: &str) -> Vec<Found> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut at = 0;
        while at < text.len() {
            let Some(found) = automaton.find(Input::new(text).span(at..text.len())) else {
                break;
            };
            let (start, end) = (found.start(), found.end());
            if is_boundary(text, start, end) {
                let pattern = found.pattern().as_usize();
                if let Some(actor) = self.owners[pattern] {
                    if !begins_an_institution(&text[end..]) {
                        let surname = self.surnames[pattern];
                        out.push(Found {
                            actor,
                            start,
                            end,
                            other_bearer: surname && after_a_given_name(&text[..start]),
                            surname,
                        });
                    }
                }
                at = end;
            } else {
                at = start + text[start..].chars().next().map_or(1, char::len_utf8);
            }
        }
        out
    }
}

/// Whether a found name is the actor's, given `others`, the actors another bearer of whose
/// surname has been named so far in the text (updated): after "Pal Varga", "Varga" alone is
/// not surely Ilse Varga, until her full name comes again.
fn credited(found: &Found, others: &mut Vec<usize>) -> bool {
    if found.other_bearer {
        others.push(found.actor);
        false
    } else if found.surname {
        !others.contains(&found.actor)
    } else {
        others.retain(|&a| a != found.actor);
        true
    }
}

/// Whether the text just before a name ends in a capitalised word that is no title and no
/// opener: a given name ("Pal " before "Varga").
fn after_a_given_name(before: &str) -> bool {
    let Some(before) = before.strip_suffix(' ') else {
        return false;
    };
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '“' | '"' | '‘'))
        .next()
        .unwrap_or("");
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && word.chars().count() >= 2
        && chars.all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
        && !is_title_or_opener(word)
}

/// Whether the words after a name make it part of a longer one: capitalised words up to a
/// noun of [`INSTITUTION_NOUNS`] ("Velmora Technical University").
fn begins_an_institution(after: &str) -> bool {
    after
        .strip_prefix(' ')
        .into_iter()
        .flat_map(|rest| rest.split(' '))
        .take(4)
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .any(|w| INSTITUTION_NOUNS.contains(&w))
}

/// Whether `start..end` is a whole word: no letter or digit just before or just after.
fn is_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Every mention in every article (titles as paragraph 0), indexed like `Dossier::articles`.
pub fn find_all(dossier: &Dossier, matcher: &Matcher) -> Vec<Vec<Mention>> {
    use rayon::prelude::*;
    dossier
        .articles
        .par_iter()
        .map(|article| find(article, matcher))
        .collect()
}

/// The mentions of one article: title (paragraph 0), paragraphs, then asides.
pub fn find(article: &Article, matcher: &Matcher) -> Vec<Mention> {
    let mut mentions = Vec::new();
    // Another bearer of a surname named in one paragraph keeps it ambiguous in the next.
    let mut others = Vec::new();
    let texts = std::iter::once(&article.title).chain(&article.paragraphs);
    for (paragraph, text) in texts.enumerate() {
        let found = matcher.find_all(text);
        let found = found.iter().filter(|f| credited(f, &mut others));
        for &Found {
            actor, start, end, ..
        } in found
        {
            mentions.push(Mention {
                actor,
                paragraph,
                aside: None,
                start,
                end,
            });
        }
    }
    for (index, aside) in article.asides.iter().enumerate() {
        for (actor, start, end) in matcher.find(&aside.text) {
            mentions.push(Mention {
                actor,
                paragraph: aside.after,
                aside: Some(index),
                start,
                end,
            });
        }
    }
    mentions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Actor;

    fn actor(slug: &str, name: &str, aliases: &[&str]) -> Actor {
        Actor {
            slug: slug.into(),
            path: format!("content/actors/{slug}.md").into(),
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            kind: None,
            role: None,
            affiliation: None,
            image: None,
            pronoun: None,
            members: vec![],
            notes: vec![],
            events: vec![],
            body: String::new(),
        }
    }

    fn dossier(actors: Vec<Actor>) -> Dossier {
        Dossier {
            actors,
            ..Dossier::default()
        }
    }

    #[test]
    fn longest_whole_word_match_wins() {
        let d = dossier(vec![
            actor("sergei-lavrov", "Sergei Lavrov", &["Lavrov"]),
            actor("john-kerry", "John Kerry", &["Kerry"]),
            actor("russia", "Russia", &[]),
        ]);
        let (m, problems) = Matcher::new(&d);
        assert!(problems.is_empty());
        let text = "Sergei Lavrov met Kerry; Lavrov and the Kerryman spoke of Russia's aims.";
        let found: Vec<&str> = m.find(text).iter().map(|&(_, s, e)| &text[s..e]).collect();
        assert_eq!(found, ["Sergei Lavrov", "Kerry", "Lavrov", "Russia"]);
    }

    fn person(slug: &str, name: &str, aliases: &[&str]) -> Actor {
        Actor {
            kind: Some(crate::model::ActorKind::Person),
            ..actor(slug, name, aliases)
        }
    }

    #[test]
    fn another_bearer_of_a_surname_is_not_the_actor() {
        let d = dossier(vec![
            person("tamsin-orlo", "Tamsin Orlo", &["Orlo", "Judge Orlo"]),
            actor("quenland", "Quenland", &[]),
        ]);
        let (m, _) = Matcher::new(&d);
        let names = |text: &str| -> Vec<String> {
            m.find(text)
                .iter()
                .map(|&(_, s, e)| text[s..e].to_owned())
                .collect()
        };
        // A different given name: someone else, and "Orlo" alone after it is not surely her.
        assert_eq!(
            names("Bram Orlo, 61, a ferryman and no relation of the judge, saw it sink. “It went in a minute,” Orlo said."),
            Vec::<String>::new()
        );
        // Her full name again makes "Orlo" hers.
        assert_eq!(
            names("Bram Orlo saw it. Tamsin Orlo heard him. Orlo ruled."),
            ["Tamsin Orlo", "Orlo"]
        );
        // Titles, honorifics and openers are not given names.
        assert_eq!(
            names("Chief Inspector Orlo left. But Orlo said no. Ms Orlo and Judge Orlo. Deputy Prosecutor Orlo."),
            ["Orlo", "Orlo", "Orlo", "Judge Orlo", "Orlo"]
        );
        // A state's name that begins an institution's is not the state.
        assert_eq!(
            names("Dr Ines Hale of the Quenland Technical University said Quenland would act."),
            ["Quenland"]
        );
    }

    #[test]
    fn matching_is_case_sensitive() {
        let d = dossier(vec![actor("us", "United States", &["US"])]);
        let (m, _) = Matcher::new(&d);
        assert!(m.find("let us go").is_empty());
        assert_eq!(m.find("the US said").len(), 1);
    }

    #[test]
    fn a_shared_alias_is_a_warning_naming_both_files() {
        let d = dossier(vec![
            actor("a", "Alpha", &["Chief"]),
            actor("b", "Beta", &["Chief"]),
        ]);
        let (m, problems) = Matcher::new(&d);
        assert_eq!(problems.len(), 1);
        let text = problems[0].to_string();
        assert!(
            text.contains("content/actors/a.md") && text.contains("content/actors/b.md"),
            "{text}"
        );
        assert!(m.find("the Chief said").is_empty());
    }
}
