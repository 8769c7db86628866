//! Facts computed from the text of the dossier: pure functions of the [`Dossier`], run once
//! per build, read by rendering.

pub mod copies;
pub mod dates;
pub mod events;
pub mod mentions;
pub mod passages;
pub mod quantities;
pub mod quote_groups;
pub mod quotes;
pub mod values;

use std::collections::HashMap;

use crate::diagnostics::Diagnostic;
use crate::model::{Article, Dossier};
pub use mentions::{Matcher, Mention};
pub use quote_groups::QuoteGroup;
pub use quotes::Quote;

/// Everything detected in the text, indexed like the dossier's vectors.
#[derive(Debug, Default)]
pub struct Analysis {
    /// Per article: its mentions: title (paragraph 0), paragraphs, then asides.
    pub mentions: Vec<Vec<Mention>>,
    /// Per article: its actors with their mention counts, most mentioned first; actors added
    /// by hand in `actors:` are included even with no mention.
    pub article_actors: Vec<Vec<(usize, usize)>>,
    /// Per actor: the articles that mention it with counts, in the dossier's article order.
    pub actor_articles: Vec<Vec<(usize, usize)>>,
    /// Per actor: the stories that mention it, a story and its copies once: (the article that
    /// stands for the story, see [`Self::original`]; the most mentions one article of the
    /// story has in its story's words), and (a copy; its mentions in its own paragraphs, see
    /// [`Self::own`]) where a copy adds some, in the order of those articles. Actors added by
    /// hand in `actors:` are included with 0. Every count of an actor's mentions across
    /// articles (totals, per outlet, per outlet group) adds these, each credited to
    /// [`Self::credited`] of its article.
    pub actor_stories: Vec<Vec<(usize, usize)>>,
    /// Per actor: its total number of mentions, a story and its copies counted once (the sum
    /// of its `actor_stories`).
    pub actor_mentions: Vec<usize>,
    /// Per actor: the actors mentioned in the same paragraphs, with the number of paragraphs
    /// they share, most first.
    pub co_mentions: Vec<Vec<(usize, usize)>>,
    /// Per article: its quotes, in reading order.
    pub quotes: Vec<Vec<Quote>>,
    /// The same quote across articles, as groups; every quote is in one.
    pub quote_groups: Vec<QuoteGroup>,
    /// Per article, per quote: the index of its group in `quote_groups`.
    pub quote_group: Vec<Vec<usize>>,
    /// Per article, per quote: the number of its words once normalised (case, punctuation,
    /// quotation marks), the same for two quotes that read the same: how a page tells a
    /// carrier's wording from its group's.
    pub quote_wording: Vec<Vec<u32>>,
    /// Per actor: the number of quote groups attributed to it.
    pub actor_quotes: Vec<usize>,
    /// Per article: the dates stated in its text, in reading order.
    pub dates: Vec<Vec<dates::DetectedDate>>,
    /// Per article: the figures stated in its paragraphs ("six hours", "less than 34,000
    /// votes"), in reading order, for the detected differences of comparisons.
    pub quantities: Vec<Vec<quantities::Quantity>>,
    /// The pairs of articles that share passages (at most
    /// [`passages::MAX_PAIRS_PER_ARTICLE`] per article), ordered by the pair's indices.
    pub passage_pairs: Vec<passages::PassagePair>,
    /// What that cap left out.
    pub pairs_capped: passages::Capped,
    /// Per article: the indices into `passage_pairs` of the pairs it is part of.
    pub article_pairs: Vec<Vec<usize>>,
    /// Per article: the article that stands for its story (itself unless another one does):
    /// counts count a story once through it. See [`copies::Stories::original`].
    pub original: Vec<usize>,
    /// Per article: it is known to be a copy of its story (republished, or another article of
    /// the story is known to come first). See [`copies::Stories::copy`].
    pub copy: Vec<bool>,
    /// Per article: the paragraphs that are its own words, not its story's (a copy's added
    /// paragraph). See [`copies::Stories::own`].
    pub own: Vec<Vec<usize>>,
    /// Per event: its claims' values, and how its articles compare when two outlets or more
    /// report it.
    pub events: Vec<events::EventFacts>,
}

impl Analysis {
    /// Whether article `index` is known to be a copy of a story: republished by another site,
    /// or the same outlet's text again after another article of the story.
    pub fn is_copy(&self, index: usize) -> bool {
        self.copy[index]
    }

    /// Whether paragraph `paragraph` of article `index` is the article's own words rather than
    /// its story's ([`Self::own`]); a title (0) or an aside never is.
    pub fn is_own(&self, index: usize, paragraph: usize, aside: bool) -> bool {
        !aside && self.own[index].binary_search(&paragraph).is_ok()
    }

    /// The outlet (a source slug) whose reporting words of article `index` are: of its
    /// story's words, the source of the article that stands for its story when it is a known
    /// copy (the text it copies), else its own source; of its own words ([`Self::own`]), the
    /// site that republished it (`publisher`), else its source. An entry of
    /// [`Self::actor_stories`] is credited with `own` true when its article does not stand
    /// for its story (see [`Self::credited_story`]).
    pub fn credited<'a>(&self, dossier: &'a Dossier, index: usize, own: bool) -> &'a str {
        let article = &dossier.articles[index];
        if own {
            article.publisher.as_deref().unwrap_or(&article.source)
        } else if self.copy[index] {
            &dossier.articles[self.original[index]].source
        } else {
            &article.source
        }
    }

    /// The outlet credited with the mentions of an entry `(article, mentions)` of
    /// [`Self::actor_stories`]: its story's outlet, or the copy's own for a copy's paragraphs.
    pub fn credited_story<'a>(&self, dossier: &'a Dossier, article: usize) -> &'a str {
        self.credited(dossier, article, self.original[article] != article)
    }

    /// The outlet credited with quote `k` of article `index` (see [`Self::credited`]).
    pub fn quote_outlet<'a>(&self, dossier: &'a Dossier, index: usize, k: usize) -> &'a str {
        let quote = &self.quotes[index][k];
        let own = self.is_own(index, quote.paragraph, quote.aside.is_some());
        self.credited(dossier, index, own)
    }
}

/// The actors of one article with their mention counts, most mentioned first; actors added by
/// hand in `actors:` are included even with no mention.
fn actor_counts(dossier: &Dossier, article: &Article, found: &[Mention]) -> Vec<(usize, usize)> {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for mention in found {
        match counts.iter_mut().find(|(a, _)| *a == mention.actor) {
            Some((_, n)) => *n += 1,
            None => counts.push((mention.actor, 1)),
        }
    }
    for slug in &article.actors {
        if let Some(a) = dossier.actor_index(slug) {
            if !counts.iter().any(|(x, _)| *x == a) {
                counts.push((a, 0));
            }
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts
}

/// Puts `article`, a new version of article `index` with the same front matter, in place and
/// analyses it on its own: its mentions, actors, quotes and dates are exact. What it shares
/// with other articles is approximated: a quote keeps the group of the same words before the
/// edit (others get a group of their own), its shared passages are left out, and the actors'
/// totals are not updated; the facts of the events it reports are computed again from these.
/// The live preview uses this to show the edited page at once; [`refresh_shared`] then
/// completes the analysis.
pub fn replace_article(
    dossier: &mut Dossier,
    analysis: &mut Analysis,
    index: usize,
    article: Article,
) {
    dossier.articles[index] = article;
    let (matcher, _) = Matcher::new(dossier);
    let found = mentions::find(&dossier.articles[index], &matcher);
    analysis.article_actors[index] = actor_counts(dossier, &dossier.articles[index], &found);
    let quotes = quotes::find_one(dossier, index, &found);
    analysis.mentions[index] = found;
    analysis.dates[index] = dates::find_one(dossier, index).0;
    analysis.quantities[index] = quantities::of_article(&dossier.articles[index]);

    // Quote groups: the edited article's members leave their groups; each new quote joins the
    // group of an old quote with the same words, or a group of its own.
    let old_quotes = std::mem::replace(&mut analysis.quotes[index], quotes);
    let old_groups = std::mem::take(&mut analysis.quote_group[index]);
    let mut next_wording = analysis
        .quote_wording
        .iter()
        .flatten()
        .max()
        .map_or(0, |&w| w + 1);
    let old_wordings = std::mem::take(&mut analysis.quote_wording[index]);
    for &g in &old_groups {
        let group = &mut analysis.quote_groups[g];
        group.members.retain(|&(a, _)| a != index);
        if group.main.0 == index {
            group.main = group.members.first().copied().unwrap_or(group.main);
        }
    }
    let mut assigned = Vec::with_capacity(analysis.quotes[index].len());
    let mut wordings = Vec::with_capacity(analysis.quotes[index].len());
    for (k, quote) in analysis.quotes[index].iter().enumerate() {
        let same = old_quotes
            .iter()
            .zip(old_groups.iter().zip(&old_wordings))
            .find(|(old, _)| {
                old.text == quote.text && old.speaker == quote.speaker && old.kind == quote.kind
            })
            .map(|(_, (&g, &w))| (g, w));
        let g = match same {
            Some((g, w)) => {
                wordings.push(w);
                g
            }
            None => {
                wordings.push(next_wording);
                next_wording += 1;
                analysis.quote_groups.push(QuoteGroup {
                    members: Vec::new(),
                    speaker: quote.speaker,
                    main: (index, k),
                    kind: quote.kind,
                });
                analysis.quote_groups.len() - 1
            }
        };
        let group = &mut analysis.quote_groups[g];
        let at = group.members.partition_point(|m| *m < (index, k));
        group.members.insert(at, (index, k));
        if group.main.0 == index || group.members.len() == 1 {
            group.main = (index, k);
        }
        assigned.push(g);
    }
    analysis.quote_group[index] = assigned;
    analysis.quote_wording[index] = wordings;
    analysis.article_pairs[index].clear();
    // The events it reports, from the facts as they now stand.
    let reported: Vec<usize> = dossier.articles[index]
        .events
        .iter()
        .filter_map(|e| dossier.event_index(e))
        .collect();
    for e in reported {
        analysis.events[e] = events::of_event(dossier, analysis, e);
    }
}

impl Analysis {
    /// Lets go of the figures of each article (a sixth of the analysis's memory on a large
    /// dossier): they are read only to find the events' differences, which hold what they
    /// show, and to analyse an edit again (`serve` keeps them). A build calls this once the
    /// analysis is done.
    pub fn release_quantities(&mut self) {
        self.quantities = Vec::new();
    }
}

/// Runs every analysis over the dossier.
pub fn analyse(dossier: &Dossier) -> (Analysis, Vec<Diagnostic>) {
    let timer = crate::Timer::start();
    let (matcher, mut problems) = Matcher::new(dossier);
    let (dates, date_problems) = dates::find_all(dossier);
    timer.lap("analyse: dates");
    // Passages first: their index of every article's words is the analysis's largest
    // transient, best built before the facts of each article are held.
    let overlaps = passages::find_all(dossier);
    timer.lap("analyse: passages");
    let quantities = {
        use rayon::prelude::*;
        dossier
            .articles
            .par_iter()
            .map(quantities::of_article)
            .collect()
    };
    timer.lap("analyse: quantities");
    problems.extend(date_problems);
    let mentions = mentions::find_all(dossier, &matcher);
    timer.lap("analyse: mentions");
    let quotes = quotes::find_all(dossier, &mentions);
    timer.lap("analyse: quotes");
    (
        shared(dossier, overlaps, mentions, quotes, dates, quantities),
        problems,
    )
}

/// After [`replace_article`]: computes again what articles share (passages, quote groups, the
/// actors' totals, the events' facts) from the facts of each article already in `analysis`,
/// which then is what [`analyse`] would give for the dossier, without reading every article's
/// text again.
pub fn refresh_shared(dossier: &Dossier, analysis: &mut Analysis) {
    let mentions = std::mem::take(&mut analysis.mentions);
    let quotes = std::mem::take(&mut analysis.quotes);
    let dates = std::mem::take(&mut analysis.dates);
    let quantities = std::mem::take(&mut analysis.quantities);
    let overlaps = passages::find_all(dossier);
    *analysis = shared(dossier, overlaps, mentions, quotes, dates, quantities);
}

/// What articles share, from the facts of each and the passages they share: the actors' articles,
/// totals and co-mentions, the quote groups, and the facts of each event.
fn shared(
    dossier: &Dossier,
    overlaps: passages::Overlaps,
    mentions: Vec<Vec<Mention>>,
    quotes: Vec<Vec<Quote>>,
    dates: Vec<Vec<dates::DetectedDate>>,
    quantities: Vec<Vec<quantities::Quantity>>,
) -> Analysis {
    let timer = crate::Timer::start();
    let passages::Overlaps {
        pairs,
        capped: pairs_capped,
    } = overlaps;
    let actors = dossier.actors.len();
    let mut article_actors = Vec::with_capacity(mentions.len());
    let mut actor_articles = vec![Vec::new(); actors];
    let mut co: Vec<HashMap<usize, usize>> = vec![HashMap::new(); actors];
    for (article_index, (article, found)) in dossier.articles.iter().zip(&mentions).enumerate() {
        let mut paragraph_actors: Vec<usize> = Vec::new();
        let mut block = (usize::MAX, None);
        let mut flush = |actors_here: &mut Vec<usize>| {
            actors_here.sort_unstable();
            actors_here.dedup();
            for (i, &a) in actors_here.iter().enumerate() {
                for &b in &actors_here[i + 1..] {
                    *co[a].entry(b).or_default() += 1;
                    *co[b].entry(a).or_default() += 1;
                }
            }
            actors_here.clear();
        };
        for mention in found {
            if (mention.paragraph, mention.aside) != block {
                flush(&mut paragraph_actors);
                block = (mention.paragraph, mention.aside);
            }
            paragraph_actors.push(mention.actor);
        }
        flush(&mut paragraph_actors);
        let counts = actor_counts(dossier, article, found);
        for &(actor, n) in &counts {
            actor_articles[actor].push((article_index, n));
        }
        article_actors.push(counts);
    }
    let co_mentions = co
        .into_iter()
        .map(|m| {
            let mut v: Vec<(usize, usize)> = m.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            v
        })
        .collect();
    timer.lap("analyse: actors' articles and co-mentions");
    let quote_groups = quote_groups::group(&quotes);
    let quote_wording = quote_groups::wordings(&quotes);
    timer.lap("analyse: quote groups");
    let mut actor_quotes = vec![0; actors];
    for group in &quote_groups {
        if let Some(speaker) = group.speaker {
            actor_quotes[speaker] += 1;
        }
    }
    if std::env::var_os("DOSSIER_TIMINGS").is_some() {
        eprintln!(
            "timing: sizes: {} mentions, {} quotes, {} quote groups, {} dates, {} sharing pairs with {} passages",
            mentions.iter().map(Vec::len).sum::<usize>(),
            quotes.iter().map(Vec::len).sum::<usize>(),
            quote_groups.len(),
            dates.iter().map(Vec::len).sum::<usize>(),
            pairs.len(),
            pairs.iter().map(|o| o.passages.len()).sum::<usize>()
        );
    }
    let mut article_pairs = vec![Vec::new(); dossier.articles.len()];
    for (i, pair) in pairs.iter().enumerate() {
        article_pairs[pair.a].push(i);
        article_pairs[pair.b].push(i);
    }
    let copies::Stories {
        original,
        copy,
        own,
    } = copies::stories(dossier, &pairs);
    // Per article: its actors' mentions in its own paragraphs.
    let own_actors: Vec<Vec<(usize, usize)>> = mentions
        .iter()
        .zip(&own)
        .map(|(found, own)| {
            let mut counts: Vec<(usize, usize)> = Vec::new();
            for m in found
                .iter()
                .filter(|m| m.aside.is_none() && own.binary_search(&m.paragraph).is_ok())
            {
                match counts.iter_mut().find(|(a, _)| *a == m.actor) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((m.actor, 1)),
                }
            }
            counts
        })
        .collect();
    let actor_stories = actor_stories(&article_actors, &own_actors, &original, actors);
    let actor_mentions = actor_stories
        .iter()
        .map(|stories| stories.iter().map(|&(_, n)| n).sum())
        .collect();
    let mut quote_group: Vec<Vec<usize>> = quotes.iter().map(|q| vec![0; q.len()]).collect();
    for (g, group) in quote_groups.iter().enumerate() {
        for &(article, index) in &group.members {
            quote_group[article][index] = g;
        }
    }
    let mut analysis = Analysis {
        mentions,
        article_actors,
        actor_articles,
        actor_stories,
        actor_mentions,
        co_mentions,
        quotes,
        quote_groups,
        quote_group,
        quote_wording,
        actor_quotes,
        dates,
        quantities,
        passage_pairs: pairs,
        pairs_capped,
        article_pairs,
        original,
        copy,
        own,
        events: Vec::new(),
    };
    analysis.events = events::find_all(dossier, &analysis);
    timer.lap("analyse: events");
    analysis
}

/// Per actor, the stories that mention it ([`Analysis::actor_stories`]), from each article's
/// actors with their counts, those of its own paragraphs (`own_actors`) and the article that
/// stands for each article's story. A story counts with the most mentions one of its
/// articles has in the story's words: a copy that trimmed a paragraph has fewer, an update
/// that added one may name someone its first version did not. A copy's own paragraphs count
/// apart, for the copy.
fn actor_stories(
    article_actors: &[Vec<(usize, usize)>],
    own_actors: &[Vec<(usize, usize)>],
    original: &[usize],
    actors: usize,
) -> Vec<Vec<(usize, usize)>> {
    let mut size = vec![0usize; original.len()];
    for &o in original {
        size[o] += 1;
    }
    let mut out: Vec<Vec<(usize, usize)>> = vec![Vec::new(); actors];
    // Where (actor, story) stands in `out[actor]`, for the stories of several articles only.
    let mut at: HashMap<(usize, usize), usize> = HashMap::new();
    for (i, counts) in article_actors.iter().enumerate() {
        let story = original[i];
        for &(actor, n) in counts {
            let own = own_actors[i]
                .iter()
                .find(|&&(a, _)| a == actor)
                .map_or(0, |&(_, n)| n);
            if own > 0 {
                out[actor].push((i, own));
                if n == own {
                    continue;
                }
            }
            let n = n - own;
            if size[story] == 1 {
                out[actor].push((story, n));
                continue;
            }
            match at.entry((actor, story)) {
                std::collections::hash_map::Entry::Occupied(e) => {
                    let count = &mut out[actor][*e.get()].1;
                    *count = (*count).max(n);
                }
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(out[actor].len());
                    out[actor].push((story, n));
                }
            }
        }
    }
    for stories in &mut out {
        stories.sort_unstable();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::RawDocument;
    use crate::model;

    #[test]
    fn a_story_and_its_copies_count_once_with_the_most_mentions_one_of_them_has() {
        // Articles 0 and 2 are copies of story 1 (0 an update that also names actor 1);
        // article 3 stands alone, with actor 2 added by hand.
        let stories = actor_stories(
            &[
                vec![(0, 5), (1, 1)],
                vec![(0, 4)],
                vec![(0, 3)],
                vec![(0, 2), (2, 0)],
            ],
            &[vec![], vec![], vec![], vec![]],
            &[1, 1, 1, 3],
            3,
        );
        assert_eq!(stories, [vec![(1, 5), (3, 2)], vec![(1, 1)], vec![(3, 0)]]);
        // Article 2's own paragraph names actor 0 twice and actor 1 once: they count for it,
        // apart from the story's words (one mention of actor 0).
        let stories = actor_stories(
            &[vec![(0, 3)], vec![(0, 3), (1, 1)]],
            &[vec![], vec![(0, 2), (1, 1)]],
            &[0, 0],
            2,
        );
        assert_eq!(stories, [vec![(0, 3), (1, 2)], vec![(1, 1)]]);
    }

    #[test]
    fn an_article_replaced_then_the_shared_facts_refreshed_equal_a_fresh_analysis() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (documents, _) = crate::load::load(root);
        let options = model::Options {
            drafts: false,
            smart_punctuation: true,
        };
        let refs: Vec<&RawDocument> = documents.iter().collect();
        let (mut dossier, _) = model::resolve(&refs, options);
        let (mut analysis, _) = analyse(&dossier);

        // A new sentence with a new speaker, and a paragraph dropped.
        let slug = "reuters-talks-fail";
        let mut doc = documents.iter().find(|d| d.slug == slug).unwrap().clone();
        let body = doc
            .body
            .replacen(
                "found no middle ground on the Ukraine crisis",
                "found no middle ground on the Ukraine crisis, Merkel said",
                1,
            )
            .replacen("\n\n", "\n\n\"We will act,\" Merkel said.\n\n", 1);
        assert_ne!(body, doc.body);
        doc.text = doc.text.replacen(&doc.body, &body, 1);
        doc.body = body;
        let index = dossier.article_index(slug).unwrap();
        let article = model::with_body(&dossier.articles[index], &doc, options);
        replace_article(&mut dossier, &mut analysis, index, article);
        assert!(analysis.quotes[index]
            .iter()
            .any(|q| q.text == "We will act,"));
        refresh_shared(&dossier, &mut analysis);

        let edited: Vec<&RawDocument> = documents
            .iter()
            .map(|d| if d.slug == slug { &doc } else { d })
            .collect();
        let (fresh_dossier, _) = model::resolve(&edited, options);
        let (fresh, _) = analyse(&fresh_dossier);
        let same = |a: String, b: String| {
            let at = a.bytes().zip(b.bytes()).position(|(x, y)| x != y);
            assert!(
                at.is_none() && a.len() == b.len(),
                "differ at byte {at:?}: {}",
                &a[at.unwrap_or(0).saturating_sub(200)..(at.unwrap_or(0) + 200).min(a.len())]
            );
        };
        same(
            format!("{:?}", dossier.articles),
            format!("{:?}", fresh_dossier.articles),
        );
        same(format!("{analysis:?}"), format!("{fresh:?}"));
    }
}
