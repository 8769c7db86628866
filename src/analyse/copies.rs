//! Copies of one story: an article republished by another site (`publisher:` in its front
//! matter), or two articles whose texts are mostly the same words (a wire story and its
//! reprint without a credit, under the wire's name or the reprinting site's own). Every count of outlets counts a story and its
//! copies once, and every page names a copy as such ("Reuters via Daily Example"), but only
//! a copy known to be one: which article came first is read from the evidence (`publisher`,
//! the publication times, one text holding the other's whole), never from the order of the
//! dossier.

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::model::Dossier;

use super::passages::PassagePair;

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
    Stories { original, copy }
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
        let Stories { original, copy } = stories(&dossier, pairs);
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
