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
}

impl Matcher {
    /// Builds the matcher, with a warning for each name or alias that two actors share.
    pub fn new(dossier: &Dossier) -> (Matcher, Vec<Diagnostic>) {
        let mut problems = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut owners: Vec<Option<usize>> = Vec::new();
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
        (Matcher { automaton, owners }, problems)
    }

    /// The mentions in `text`, as `(actor, start, end)`, in order.
    pub fn find(&self, text: &str) -> Vec<(usize, usize, usize)> {
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
                if let Some(actor) = self.owners[found.pattern().as_usize()] {
                    out.push((actor, start, end));
                }
                at = end;
            } else {
                at = start + text[start..].chars().next().map_or(1, char::len_utf8);
            }
        }
        out
    }
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
    let texts = std::iter::once(&article.title).chain(&article.paragraphs);
    for (paragraph, text) in texts.enumerate() {
        for (actor, start, end) in matcher.find(text) {
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
