//! Copies of one story: an article republished by another site (`publisher:` in its front
//! matter), or two articles of the same outlet whose texts are mostly the same words (a wire
//! story and its reprint, without a credit). Every count of outlets counts a story and its
//! copies once, and every page names a copy as such ("Reuters via Daily Example").

use crate::model::Dossier;

use super::passages::PassagePair;

/// Two articles of one outlet are copies of one story when the shorter one has at least this
/// share of its words in passages the other also has. A wire story and a reprint that trims a
/// paragraph or two share 80–100 %; two different stories of one agency about the same day
/// share their background paragraphs, rarely more than a third.
pub const COPY_SHARE: f64 = 0.6;

/// Per article: the index of the article that stands for its story (itself when it is the
/// original or alone): an article without `publisher` before one with it, then the earliest
/// published, then the first in the dossier.
pub fn originals(dossier: &Dossier, pairs: &[PassagePair]) -> Vec<usize> {
    let n = dossier.articles.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for o in pairs {
        let (a, b) = (&dossier.articles[o.a], &dossier.articles[o.b]);
        if a.source == b.source && o.share_a.max(o.share_b) >= COPY_SHARE {
            let (ra, rb) = (root(&mut parent, o.a), root(&mut parent, o.b));
            if ra != rb {
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    // The best article of each story stands for it.
    let rank = |i: usize| {
        let article = &dossier.articles[i];
        (article.publisher.is_some(), article.published.start(), i)
    };
    let mut best: Vec<usize> = (0..n).collect();
    for i in 0..n {
        let r = root(&mut parent, i);
        if rank(i) < rank(best[r]) {
            best[r] = i;
        }
    }
    (0..n).map(|i| best[root(&mut parent, i)]).collect()
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

    #[test]
    fn a_story_and_its_copies_stand_for_one() {
        let dossier = Dossier {
            articles: vec![
                // A reprint credited to the wire, published a day later.
                article("reprint", "wire", Some("daily"), "2031-05-03"),
                article("story", "wire", None, "2031-05-02"),
                // The same wire's other story that day: background in common only.
                article("other", "wire", None, "2031-05-02"),
                // Another outlet with the same words (a quote): not a copy.
                article("broadcaster", "tv", None, "2031-05-02"),
                // An uncredited copy of the wire story.
                article("portal", "wire", None, "2031-05-04"),
            ],
            ..Dossier::default()
        };
        let pairs = [
            pair(0, 1, 0.95, 0.9),
            pair(1, 2, 0.3, 0.25),
            pair(1, 3, 0.7, 0.8),
            pair(1, 4, 0.7, 0.85),
        ];
        assert_eq!(originals(&dossier, &pairs), [1, 1, 2, 3, 1]);
    }
}
