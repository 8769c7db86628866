//! Copies of one story: an article republished by another site (`publisher:` in its front
//! matter), or two articles whose texts are mostly the same words (a wire story and its
//! reprint without a credit, under the wire's name or the reprinting site's own). Every count of outlets counts a story and its
//! copies once, and every page names a copy as such ("Reuters via Daily Example"), but only
//! a copy known to be one: which article came first is read from the evidence (`publisher`,
//! the publication times, one text holding the other's whole), never from the order of the
//! dossier. A copy's words are its story's, but for a paragraph of its own (a local editor's
//! paragraph in a reprint), which is the copy's outlet's reporting.

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::model::Dossier;

use super::passages::{PassagePair, Side, Words, MIN_WORDS};

/// Two articles are copies of one story when the shorter one has at least this share of its
/// words in passages the other also has. A wire story and a reprint that trims a paragraph or
/// two share 80–100 %, whoever's name the reprint bears; two different stories of one agency
/// about the same day share their background paragraphs, rarely more than a third; two
/// outlets that quote one statement, a sentence or two.
pub const COPY_SHARE: f64 = 0.6;

/// The stories of the dossier: which articles are copies of one story, the article that stands
/// for each, and which articles are known to be copies.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stories {
    /// Per article: the article that stands for its story (itself when it is the original or
    /// alone). Counts count a story once, through it. When no article of the story is known to
    /// come first, it is one of those that might, picked by a fixed order (an article without
    /// `publisher`, then the earliest published, then the first in the dossier): a choice for
    /// counting, not a finding.
    pub original: Vec<usize>,
    /// Per article: it is known to be a copy: republished (`publisher:`), or another article
    /// of its story is known to come before it (see [`comes_first`]). Of two articles of one
    /// story that nothing orders, neither is a copy.
    pub copy: Vec<bool>,
    /// Per article: the paragraphs (1-based, in order) that are its own words and not its
    /// story's: of a known copy that does not stand for its story, each paragraph of at least
    /// [`MIN_WORDS`] words less than half of which are in passages it shares with the other
    /// articles of its story. Empty for every other article, and for a copy with no other
    /// article of its story to hold it against: nothing then tells its words from its
    /// story's. A shorter paragraph stays its story's: too short to be found in a passage,
    /// it may be the story's words all the same.
    pub own: Vec<Vec<usize>>,
}

/// Groups the articles into stories and finds each story's original, from the pairs of
/// articles that share passages.
pub fn stories(dossier: &Dossier, pairs: &[PassagePair]) -> Stories {
    let n = dossier.articles.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    // The pairs of copies, by their two articles (the lower index first).
    let mut copies: HashMap<(usize, usize), &PassagePair> = HashMap::new();
    for o in pairs {
        if o.share_a.max(o.share_b) >= COPY_SHARE {
            copies.insert((o.a.min(o.b), o.a.max(o.b)), o);
            let (ra, rb) = (root(&mut parent, o.a), root(&mut parent, o.b));
            if ra != rb {
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..n {
        let r = root(&mut parent, i);
        members.entry(r).or_default().push(i);
    }
    let mut original: Vec<usize> = (0..n).collect();
    let mut copy: Vec<bool> = dossier
        .articles
        .iter()
        .map(|a| a.publisher.is_some())
        .collect();
    for story in members.values().filter(|m| m.len() > 1) {
        let first = |x: usize, y: usize| {
            let pair = copies.get(&(x.min(y), x.max(y))).copied();
            comes_first(dossier, x, y, pair)
        };
        // The articles no other article of the story is known to come after.
        let mut candidates: Vec<usize> = story
            .iter()
            .copied()
            .filter(|&y| !story.iter().any(|&x| x != y && first(x, y)))
            .collect();
        if candidates.is_empty() {
            // The evidence goes round in a circle: it orders nothing.
            candidates.clone_from(story);
        } else {
            for &y in story {
                if !candidates.contains(&y) {
                    copy[y] = true;
                }
            }
        }
        let rank = |i: usize| {
            let article = &dossier.articles[i];
            (article.publisher.is_some(), article.published, i)
        };
        let stands = candidates
            .iter()
            .copied()
            .min_by_key(|&i| rank(i))
            .expect("a story has an article");
        for &i in story {
            original[i] = stands;
        }
    }
    let own = (0..n)
        .map(|i| {
            if !copy[i] || original[i] == i {
                return Vec::new();
            }
            // The sides of this article in the passages it shares with its story's others.
            let sides: Vec<Side> = pairs
                .iter()
                .filter(|o| (o.a == i || o.b == i) && original[o.a] == original[o.b])
                .flat_map(|o| o.passages.iter())
                .map(|p| if p.a.article == i { p.a } else { p.b })
                .collect();
            Words::of(&dossier.articles[i].paragraphs)
                .paragraph_cover(&sides)
                .into_iter()
                .enumerate()
                .filter(|&(_, (covered, words))| words >= MIN_WORDS && covered * 2 < words)
                .map(|(p, _)| p + 1)
                .collect()
        })
        .collect();
    Stories {
        original,
        copy,
        own,
    }
}

/// Which of some words to list, each given as `(story, article, normalised words)`
/// ([`Stories::original`]; `None` for an article that says nothing): a story's words once,
/// by the article that stands for the story when it says them, else by the first that does.
/// A copy that says something else than its story is listed. Per entry: `None` when it is
/// not listed, else how many other articles of its story say the same (the copies it stands
/// for, named beside it: "(and 3 copies)").
pub fn once_per_story(said: &[Option<(usize, usize, String)>]) -> Vec<Option<usize>> {
    // Whether entry `j` stands for entry `k`: same story, same words, and `j` the story's
    // original or, neither being it, the earlier.
    let stands_for = |j: usize, k: usize| match (&said[j], &said[k]) {
        (Some((s, a, t)), Some((story, article, text))) => {
            j != k && s == story && t == text && (*a == *story || (*article != *story && j < k))
        }
        _ => false,
    };
    (0..said.len())
        .map(|k| {
            if (0..said.len()).any(|j| stands_for(j, k)) {
                None
            } else {
                Some((0..said.len()).filter(|&j| stands_for(k, j)).count())
            }
        })
        .collect()
}

/// Whether article `x` is known to come before `y`, two articles of one story (`pair`: the
/// passages they share, when they share some): an article without `publisher` comes before a
/// republication; then the one published earlier, compared as far as both dates are known
/// (a day against a moment of that day tells nothing); then the one that holds the other's
/// whole text and more (the other trimmed it). Nothing else orders them: the order of the
/// dossier, a byline, the length alone.
pub fn comes_first(dossier: &Dossier, x: usize, y: usize, pair: Option<&PassagePair>) -> bool {
    let (a, b) = (&dossier.articles[x], &dossier.articles[y]);
    match (a.publisher.is_some(), b.publisher.is_some()) {
        (false, true) => return true,
        (true, false) => return false,
        _ => {}
    }
    match a.published.cmp_known(&b.published) {
        Ordering::Less => return true,
        Ordering::Greater => return false,
        Ordering::Equal => {}
    }
    pair.is_some_and(|o| {
        let (share_x, share_y) = if o.a == x {
            (o.share_a, o.share_b)
        } else {
            (o.share_b, o.share_a)
        };
        share_y >= 1.0 && share_x < 1.0
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::passages::{SharedPassage, Side};
    use crate::model::{Article, PartialDate};

    fn article(slug: &str, source: &str, publisher: Option<&str>, date: &str) -> Article {
        Article {
            slug: slug.into(),
            path: format!("content/articles/{slug}.md").into(),
            title: slug.into(),
            source: source.into(),
            publisher: publisher.map(str::to_owned),
            url: None,
            published: PartialDate::parse(date).unwrap(),
            byline: None,
            events: vec![],
            actors: vec![],
            summary: None,
            quotes: vec![],
            notes: vec![],
            draft: false,
            body: String::new(),
            paragraphs: vec![],
            asides: vec![],
            paragraph_lines: vec![],
            body_line: 1,
            word_count: 0,
        }
    }

    fn pair(a: usize, b: usize, share_a: f64, share_b: f64) -> PassagePair {
        PassagePair {
            a,
            b,
            passages: vec![SharedPassage {
                a: Side {
                    article: a,
                    from: 0,
                    to: 10,
                },
                b: Side {
                    article: b,
                    from: 0,
                    to: 10,
                },
            }],
            share_a,
            share_b,
        }
    }

    /// The stories of `articles` given the pairs that share passages: per article, the one
    /// that stands for its story and whether it is known to be a copy.
    fn found(articles: Vec<Article>, pairs: &[PassagePair]) -> (Vec<usize>, Vec<bool>) {
        let dossier = Dossier {
            articles,
            ..Dossier::default()
        };
        let Stories { original, copy, .. } = stories(&dossier, pairs);
        (original, copy)
    }

    #[test]
    fn a_story_and_its_copies_stand_for_one() {
        let (original, copy) = found(
            vec![
                // A reprint credited to the wire, published a day later.
                article("reprint", "wire", Some("daily"), "2031-05-03"),
                article("story", "wire", None, "2031-05-02"),
                // The same wire's other story that day: background in common only.
                article("other", "wire", None, "2031-05-02"),
                // Another outlet with a few of the same words (a quote): not a copy.
                article("broadcaster", "tv", None, "2031-05-02"),
                // An uncredited copy of the wire story.
                article("portal", "wire", None, "2031-05-04"),
            ],
            &[
                pair(0, 1, 0.95, 0.9),
                pair(1, 2, 0.3, 0.25),
                pair(1, 3, 0.1, 0.15),
                pair(1, 4, 0.7, 0.85),
            ],
        );
        assert_eq!(original, [1, 1, 2, 3, 1]);
        assert_eq!(copy, [true, false, false, false, true]);
    }

    #[test]
    fn a_reprint_under_another_outlets_name_is_a_copy_of_the_story() {
        // A news site runs the wire's story a day later under its own name, with a new first
        // paragraph: 90 % of its words are the wire's.
        let (original, copy) = found(
            vec![
                article("site", "valley-news", None, "2031-05-03"),
                article("story", "wire", None, "2031-05-02"),
            ],
            &[pair(0, 1, 0.9, 0.85)],
        );
        assert_eq!(original, [1, 1]);
        assert_eq!(copy, [true, false]);
    }

    #[test]
    fn the_earlier_time_of_one_day_is_the_original_whatever_the_order_of_the_dossier() {
        // An uncredited portal copy at 14:40 listed before the wire story of 11:15 that day.
        let (original, copy) = found(
            vec![
                article("portal", "wire", None, "2031-05-02T14:40:00+02:00"),
                article("story", "wire", None, "2031-05-02T11:15:00+02:00"),
            ],
            &[pair(0, 1, 0.93, 0.92)],
        );
        assert_eq!(original, [1, 1]);
        assert_eq!(copy, [true, false]);
        // Moments compare by their instant: 11:15 at +02:00 is before 10:30 UTC.
        let (original, _) = found(
            vec![
                article("portal", "wire", None, "2031-05-02T10:30:00Z"),
                article("story", "wire", None, "2031-05-02T11:15:00+02:00"),
            ],
            &[pair(0, 1, 0.93, 0.92)],
        );
        assert_eq!(original, [1, 1]);
    }

    #[test]
    fn a_republication_never_comes_first_even_published_earlier() {
        let (original, copy) = found(
            vec![
                article("reprint", "wire", Some("daily"), "2031-05-02T09:00:00Z"),
                article("story", "wire", None, "2031-05-02T11:00:00Z"),
            ],
            &[pair(0, 1, 1.0, 1.0)],
        );
        assert_eq!(original, [1, 1]);
        assert_eq!(copy, [true, false]);
    }

    #[test]
    fn of_one_day_the_text_that_holds_the_other_whole_is_the_original() {
        // The portal's copy trimmed the last paragraph: all its words are in the story, not
        // all the story's in it. A day against a moment of that day says nothing.
        let (original, copy) = found(
            vec![
                article("portal", "wire", None, "2031-05-02"),
                article("story", "wire", None, "2031-05-02T11:15:00+02:00"),
            ],
            &[pair(0, 1, 1.0, 0.88)],
        );
        assert_eq!(original, [1, 1]);
        assert_eq!(copy, [true, false]);
    }

    #[test]
    fn a_story_s_words_are_listed_once_by_its_original_with_its_copies_counted() {
        let said = |story, article, text: &str| Some((story, article, text.to_owned()));
        // Article 4 stands for the story of 2 and 5; 7 is another outlet's.
        assert_eq!(
            once_per_story(&[
                said(4, 2, "nine"),
                said(4, 4, "nine"),
                said(4, 5, "nine"),
                said(7, 7, "nine"),
                None,
            ]),
            [None, Some(2), None, Some(0), Some(0)]
        );
        // A copy that says something else is listed; copies of a story whose original says
        // nothing are listed once, by the first.
        assert_eq!(
            once_per_story(&[
                said(4, 4, "nine"),
                said(4, 5, "eleven"),
                said(9, 6, "ten"),
                said(9, 8, "ten")
            ]),
            [Some(0), Some(0), Some(1), None]
        );
    }

    #[test]
    fn a_copy_s_paragraph_that_its_story_lacks_is_its_own() {
        let story = "The ferry company cancelled every crossing to the islands on Friday after a storm damaged the pier at Westhaven harbour.";
        let added = "Our readers on the islands can call the council's helpline for news of the next boat, the editor of this paper writes.";
        let short = "More to follow soon.";
        let mut wire = article("story", "wire", None, "2031-05-02");
        wire.paragraphs = vec![story.into()];
        let mut reprint = article("reprint", "wire", Some("daily"), "2031-05-02");
        reprint.paragraphs = vec![story.into(), added.into(), short.into()];
        let words = |text: &str| Words::of(&[text.to_owned()]).count();
        let n = words(story);
        assert!(words(added) >= MIN_WORDS && words(short) < MIN_WORDS);
        let side = |article, from, to| Side { article, from, to };
        let shared = |a, b, a_to, b_to, share_a, share_b| PassagePair {
            a,
            b,
            passages: vec![SharedPassage {
                a: side(a, 0, a_to),
                b: side(b, 0, b_to),
            }],
            share_a,
            share_b,
        };
        let dossier = Dossier {
            articles: vec![wire, reprint],
            ..Dossier::default()
        };
        // The second paragraph is the reprint's own; the third is too short to tell.
        let found = stories(&dossier, &[shared(0, 1, n, n, 1.0, 0.6)]);
        assert_eq!(found.copy, [false, true]);
        assert_eq!(found.own, [vec![], vec![2]]);
        // Without its story in the dossier, nothing is its own.
        let alone = Dossier {
            articles: dossier.articles[1..].to_vec(),
            ..Dossier::default()
        };
        assert_eq!(stories(&alone, &[]).own, [Vec::<usize>::new()]);
    }

    #[test]
    fn when_nothing_says_which_came_first_neither_is_a_copy() {
        // Same day, no times, each with words the other lacks: one story, counted once
        // (through one of them, by a fixed order), but neither named a copy.
        let (original, copy) = found(
            vec![
                article("portal", "wire", None, "2031-05-02"),
                article("story", "wire", None, "2031-05-02T11:15:00+02:00"),
                // A later reprint is a copy all the same.
                article("late", "wire", None, "2031-05-03"),
            ],
            &[pair(0, 1, 0.93, 0.92), pair(1, 2, 0.9, 0.9)],
        );
        assert_eq!(original, [0, 0, 0]);
        assert_eq!(copy, [false, false, true]);
    }
}
