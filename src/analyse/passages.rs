//! Passages that two articles share word for word or nearly so (syndicated copy, copied wire
//! text, the same quote), found through one index of word shingles over all articles rather
//! than by comparing every pair. Shingles are winnowed (a minimum hash per window), which keeps
//! a quarter of them and still guarantees that any shared run of at least [`MIN_WORDS`] words
//! is seen.

use rayon::prelude::*;

use crate::model::Dossier;

/// The shortest passage reported, in words.
pub const MIN_WORDS: usize = 8;
/// Words per shingle.
const K: usize = 5;
/// Shingles per winnowing window: any run of `W + K - 1` = 8 shared words keeps a shingle.
const W: usize = MIN_WORDS + 1 - K;
/// A shingle found in more articles than this is boilerplate, not evidence of copying.
const MAX_POSTINGS: usize = 12;
/// Unmatched words allowed inside one passage ("small edits").
const MAX_GAP: usize = 4;
/// The most pairs an article keeps when it shares passages with more articles than this. In
/// heavily templated text (stock sentences, talking points) most articles share a phrase or
/// two with dozens of others: an article's pairs grow with the articles that share its
/// phrases (up to [`MAX_POSTINGS`] per shingle), and all pairs with that times the articles.
/// Above the cap an article keeps its pairs with the articles it reports an event with (a
/// comparison page shows those), then those with the largest share of its words. A pair stays
/// when either of its articles keeps it, so a dossier keeps at most this many pairs per
/// article in all. The project's generated corpus reaches 14 (10,000 articles, seed 1), the
/// sample 1: the cap never bites there; its templated corpus reaches 97 (10,000 articles).
pub const MAX_PAIRS_PER_ARTICLE: usize = 32;

/// Where one word of an article stands (its hash is kept apart: see [`word_hashes`]).
#[derive(Debug, Clone, Copy)]
struct Word {
    /// 1-based paragraph.
    paragraph: u32,
    start: u32,
    end: u32,
}

/// A stretch of one article: the words `from..to` (indices into its words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Side {
    pub article: usize,
    pub from: usize,
    pub to: usize,
}

/// A passage two articles share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedPassage {
    pub a: Side,
    pub b: Side,
}

impl SharedPassage {
    pub fn words(&self) -> usize {
        (self.a.to - self.a.from).max(self.b.to - self.b.from)
    }
}

/// How much two articles share: the passages, and the share of each one's words the other has.
#[derive(Debug, Clone, PartialEq)]
pub struct PassagePair {
    pub a: usize,
    pub b: usize,
    pub passages: Vec<SharedPassage>,
    /// Share of `a`'s words inside shared passages.
    pub share_a: f64,
    pub share_b: f64,
}

/// What [`MAX_PAIRS_PER_ARTICLE`] left out, for the timings and `dossier check`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Capped {
    /// The articles over the cap, with the number of pairs each had before it, in order.
    pub articles: Vec<(usize, usize)>,
    /// Pairs that neither of their articles kept.
    pub pairs: usize,
}

/// Every pair of articles that shares passages, and what the cap left out.
#[derive(Debug, Default)]
pub struct Overlaps {
    /// Ordered by the pair's indices.
    pub pairs: Vec<PassagePair>,
    pub capped: Capped,
}

/// The words of one article, with their positions, for highlighting its passages.
#[derive(Debug, Default)]
pub struct Words {
    words: Vec<Word>,
}

impl Words {
    /// Reads the words of an article's paragraphs (as [`find_all`] does).
    pub fn of(paragraphs: &[String]) -> Words {
        Words {
            words: words_of(paragraphs),
        }
    }

    /// `(paragraph, byte start, byte end)` of each paragraph piece of `side` (a side of this
    /// article), for highlighting.
    pub fn spans(&self, side: &Side) -> Vec<(usize, usize, usize)> {
        let words = &self.words[side.from.min(self.words.len())..side.to.min(self.words.len())];
        let mut out: Vec<(usize, usize, usize)> = Vec::new();
        for w in words {
            match out.last_mut() {
                Some(last) if last.0 == w.paragraph as usize => last.2 = w.end as usize,
                _ => out.push((w.paragraph as usize, w.start as usize, w.end as usize)),
            }
        }
        out
    }

    pub fn count(&self) -> usize {
        self.words.len()
    }

    /// Per paragraph (in order): how many of its words `sides` (sides of this article) cover,
    /// and how many words it has.
    pub fn paragraph_cover(&self, sides: &[Side]) -> Vec<(usize, usize)> {
        let paragraphs = self.words.last().map_or(0, |w| w.paragraph as usize);
        let mut covered = vec![false; self.words.len()];
        for side in sides {
            let to = side.to.min(covered.len());
            covered[side.from.min(to)..to].fill(true);
        }
        let mut out = vec![(0, 0); paragraphs];
        for (w, covered) in self.words.iter().zip(covered) {
            let slot = &mut out[w.paragraph as usize - 1];
            slot.0 += usize::from(covered);
            slot.1 += 1;
        }
        out
    }
}

/// The FNV-1a hash of `word`'s letters and digits, lowercased (its apostrophes left out), hashed as
/// they are read: "Kyiv’s" hashes as "kyivs".
fn fnv_folded(word: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    let mut add = |b: u8| {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    };
    for c in word.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                add(c.to_ascii_lowercase() as u8);
            }
        } else if c.is_alphanumeric() {
            for lower in c.to_lowercase() {
                let mut bytes = [0; 4];
                lower.encode_utf8(&mut bytes).bytes().for_each(&mut add);
            }
        }
    }
    h
}

/// The places of the words of one article's paragraphs.
fn words_of(paragraphs: &[String]) -> Vec<Word> {
    let mut out = Vec::new();
    each_word(paragraphs, |paragraph, start, end, _| {
        out.push(Word {
            paragraph,
            start,
            end,
        })
    });
    out
}

/// The words of one article's paragraphs, lowercased, without punctuation or apostrophes,
/// hashed: 8 bytes a word.
fn word_hashes(paragraphs: &[String]) -> Vec<u64> {
    let mut out = Vec::new();
    each_word(paragraphs, |_, _, _, hash| out.push(hash));
    out.shrink_to_fit();
    out
}

/// The index of the first word of each paragraph after the first: where a passage must stop.
fn paragraph_starts(paragraphs: &[String]) -> Vec<u32> {
    let mut out = Vec::new();
    let mut count = 0u32;
    let mut current = 1;
    each_word(paragraphs, |paragraph, _, _, _| {
        if paragraph != current {
            current = paragraph;
            out.push(count);
        }
        count += 1;
    });
    out
}

/// The paragraph (0-based, as counted by `starts`) that word `at` is in.
fn paragraph_of(starts: &[u32], at: usize) -> usize {
    starts.partition_point(|&s| s as usize <= at)
}

/// Words that do not make a passage: common function words, and (added per dossier) the
/// words of actors' names and aliases — "the National Liberation Front, or NLF" is no
/// passage two articles share.
const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by",
    "with", "as", "is", "was", "were", "are", "be", "been", "has", "have", "had", "it", "its",
    "he", "she", "they", "his", "her", "their", "who", "which", "that", "this", "these", "those",
    "said", "says", "not", "will", "would", "after", "before", "over", "into", "than",
];

/// The hashes of the words that do not count towards a passage's length.
fn ignored_words(dossier: &Dossier) -> std::collections::HashSet<u64> {
    let mut names: Vec<String> = STOP_WORDS.iter().map(|w| (*w).to_owned()).collect();
    for actor in &dossier.actors {
        names.push(actor.name.clone());
        names.extend(actor.aliases.iter().cloned());
    }
    word_hashes(&names).into_iter().collect()
}

/// Calls `found(paragraph, start, end, hash)` for each word of `paragraphs` (numbered from 1).
fn each_word(paragraphs: &[String], mut found: impl FnMut(u32, u32, u32, u64)) {
    for (p, text) in paragraphs.iter().enumerate() {
        let mut start: Option<usize> = None;
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            let inside = c.is_alphanumeric() || (start.is_some() && matches!(c, '\'' | '’'));
            match (inside, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    found(p as u32 + 1, s as u32, i as u32, fnv_folded(&text[s..i]));
                    start = None;
                }
                _ => {}
            }
        }
    }
}

/// The winnowed shingle hashes of an article, with the word index each starts at.
fn fingerprints(words: &[u64]) -> Vec<(u64, u32)> {
    if words.len() < K {
        return Vec::new();
    }
    let shingles: Vec<u64> = words
        .windows(K)
        .map(|w| {
            w.iter()
                .fold(0u64, |h, word| h.rotate_left(13) ^ word)
                .wrapping_mul(0x9e3779b97f4a7c15)
        })
        .collect();
    let mut out: Vec<(u64, u32)> = Vec::new();
    for start in 0..shingles.len().saturating_sub(W - 1).max(1) {
        let window = &shingles[start..(start + W).min(shingles.len())];
        // The rightmost minimum of the window, kept once.
        let (offset, &hash) = window
            .iter()
            .enumerate()
            .rev()
            .min_by_key(|(_, h)| **h)
            .expect("non-empty");
        let at = (start + offset) as u32;
        if out.last() != Some(&(hash, at)) {
            out.push((hash, at));
        }
    }
    out
}

/// Finds the pairs of articles that share passages of [`MIN_WORDS`] words or more, at most
/// [`MAX_PAIRS_PER_ARTICLE`] per article (see there). The words are read here and let go:
/// pages that show passages read them again for the few articles they show.
pub fn find_all(dossier: &Dossier) -> Overlaps {
    let timer = crate::Timer::start();
    // Only the words' hashes are kept: 8 bytes a word (positions are read again for display).
    let words: Vec<Vec<u64>> = dossier
        .articles
        .par_iter()
        .map(|a| word_hashes(&a.paragraphs))
        .collect();
    let starts: Vec<Vec<u32>> = dossier
        .articles
        .par_iter()
        .map(|a| paragraph_starts(&a.paragraphs))
        .collect();
    let ignored = ignored_words(dossier);
    timer.lap("passages: words");
    // (shingle hash, article, word position), 12 bytes each, in one vector of the exact size,
    // each article's written in place: the fingerprints are counted first and made again to
    // fill their slots, so that they are never held twice (this was the analysis's peak of
    // memory). The hash keeps its high 32 bits: two shingles that share them only add a seed
    // that the word-by-word check below (`run_length`, `extend`) rejects.
    let counts: Vec<usize> = words.par_iter().map(|w| fingerprints(w).len()).collect();
    let mut index: Vec<(u32, u32, u32)> = vec![(0, 0, 0); counts.iter().sum()];
    let mut slots: Vec<&mut [(u32, u32, u32)]> = Vec::with_capacity(counts.len());
    let mut rest = &mut index[..];
    for &n in &counts {
        let (slot, after) = rest.split_at_mut(n);
        slots.push(slot);
        rest = after;
    }
    slots.into_par_iter().enumerate().for_each(|(a, slot)| {
        for (entry, (h, at)) in slot.iter_mut().zip(fingerprints(&words[a])) {
            *entry = ((h >> 32) as u32, a as u32, at);
        }
    });
    index.par_sort_unstable();
    timer.lap("passages: index");

    // Seeds: the same shingle in two articles, as (a, b, position in a, position in b, whether
    // the words around it match for a whole passage's length).
    let mut seeds: Vec<Seed> = Vec::new();
    let mut i = 0;
    while i < index.len() {
        let mut j = i + 1;
        while j < index.len() && index[j].0 == index[i].0 {
            j += 1;
        }
        let bucket = &index[i..j];
        if bucket.len() > 1 && bucket.len() <= MAX_POSTINGS {
            for (x, &(_, a, pa)) in bucket.iter().enumerate() {
                for &(_, b, pb) in &bucket[x + 1..] {
                    if a != b {
                        let (a, b, pa, pb) = if a < b {
                            (a, b, pa, pb)
                        } else {
                            (b, a, pb, pa)
                        };
                        let long = run_length(
                            &words[a as usize],
                            &words[b as usize],
                            pa as usize,
                            pb as usize,
                        ) >= MIN_WORDS;
                        seeds.push((a, b, pa, pb, long));
                    }
                }
            }
        }
        i = j;
    }
    drop(index);
    seeds.par_sort_unstable();
    timer.lap("passages: seeds");
    // Pairs with at least one seed long enough; their other seeds may join it across edits.
    let groups: Vec<&[Seed]> = seeds
        .chunk_by(|x, y| (x.0, x.1) == (y.0, y.1))
        .filter(|g| g.iter().any(|s| s.4))
        .collect();
    if std::env::var_os("DOSSIER_TIMINGS").is_some() {
        eprintln!(
            "timing: passages: {} seeds, {} article pairs share a passage",
            seeds.len(),
            groups.len()
        );
    }
    let seeds: Vec<PairSeeds> = groups
        .into_iter()
        .map(|g| ((g[0].0, g[0].1), g.iter().map(|s| (s.2, s.3)).collect()))
        .collect();

    let mut pairs: Vec<PassagePair> = seeds
        .into_par_iter()
        .filter_map(|((a, b), seeds)| {
            let (a, b) = (a as usize, b as usize);
            let sides = (
                (&words[a][..], &starts[a][..]),
                (&words[b][..], &starts[b][..]),
            );
            let passages = extend(sides, a, b, seeds, &ignored);
            if passages.is_empty() {
                return None;
            }
            let covered = |side: fn(&SharedPassage) -> Side| -> usize {
                let mut ranges: Vec<(usize, usize)> = passages
                    .iter()
                    .map(|p| (side(p).from, side(p).to))
                    .collect();
                ranges.sort_unstable();
                let mut total = 0;
                let mut reach = 0;
                for (from, to) in ranges {
                    let from = from.max(reach);
                    if to > from {
                        total += to - from;
                        reach = to;
                    }
                }
                total
            };
            let share_a = covered(|p| p.a) as f64 / words[a].len().max(1) as f64;
            let share_b = covered(|p| p.b) as f64 / words[b].len().max(1) as f64;
            Some(PassagePair {
                a,
                b,
                passages,
                share_a,
                share_b,
            })
        })
        .collect();
    pairs.sort_by_key(|p| (p.a, p.b));
    let events = events_of(dossier);
    let (pairs, capped) = cap(
        pairs,
        dossier.articles.len(),
        MAX_PAIRS_PER_ARTICLE,
        |a, b| events[a].iter().any(|e| events[b].contains(e)),
    );
    timer.lap("passages: pairs");
    if std::env::var_os("DOSSIER_TIMINGS").is_some() && !capped.articles.is_empty() {
        eprintln!(
            "timing: passages: {} articles share passages with more than {MAX_PAIRS_PER_ARTICLE} others (at most {}): {} pairs left out, {} kept",
            capped.articles.len(),
            capped.articles.iter().map(|&(_, n)| n).max().unwrap_or(0),
            capped.pairs,
            pairs.len()
        );
    }
    Overlaps { pairs, capped }
}

/// Per article: the events it reports (their indices).
fn events_of(dossier: &Dossier) -> Vec<Vec<usize>> {
    let mut events = vec![Vec::new(); dossier.articles.len()];
    for (e, event) in dossier.events.iter().enumerate() {
        for report in &event.reports {
            if let Some(a) = dossier.article_index(&report.article) {
                events[a].push(e);
            }
        }
    }
    events
}

/// Keeps, for each article with more than `limit` pairs, the `limit` it ranks first: those
/// with an article it reports an event with (`together`), then by the share of its own words,
/// then by the other article's index. A pair stays when either article keeps it, so at most
/// `limit` pairs per article stay in all. `pairs` keep their order.
fn cap(
    pairs: Vec<PassagePair>,
    articles: usize,
    limit: usize,
    together: impl Fn(usize, usize) -> bool,
) -> (Vec<PassagePair>, Capped) {
    let mut of_article: Vec<Vec<usize>> = vec![Vec::new(); articles];
    for (i, p) in pairs.iter().enumerate() {
        of_article[p.a].push(i);
        of_article[p.b].push(i);
    }
    let mut capped = Capped::default();
    if of_article.iter().all(|list| list.len() <= limit) {
        return (pairs, capped);
    }
    let mut kept = vec![false; pairs.len()];
    for (article, list) in of_article.iter_mut().enumerate() {
        if list.len() > limit {
            capped.articles.push((article, list.len()));
            // (reports an event with it, share of this article's words, other article, pair)
            let mut ranked: Vec<(bool, f64, usize, usize)> = list
                .iter()
                .map(|&i| {
                    let p = &pairs[i];
                    let (other, share) = if p.a == article {
                        (p.b, p.share_a)
                    } else {
                        (p.a, p.share_b)
                    };
                    (together(article, other), share, other, i)
                })
                .collect();
            ranked.sort_by(|x, y| y.0.cmp(&x.0).then(y.1.total_cmp(&x.1)).then(x.2.cmp(&y.2)));
            list.clear();
            list.extend(ranked.into_iter().take(limit).map(|r| r.3));
        }
        for &i in list.iter() {
            kept[i] = true;
        }
    }
    let before = pairs.len();
    let pairs: Vec<PassagePair> = pairs
        .into_iter()
        .zip(kept)
        .filter_map(|(p, keep)| keep.then_some(p))
        .collect();
    capped.pairs = before - pairs.len();
    (pairs, capped)
}

/// A shingle two articles share: `(a, b, position in a, position in b, long enough)`.
type Seed = (u32, u32, u32, u32, bool);
/// The seeds of one pair of articles: `((a, b), [(position in a, position in b)])`.
type PairSeeds = ((u32, u32), Vec<(u32, u32)>);

/// How many words around `pa` in `wa` and `pb` in `wb` are equal, both ways.
fn run_length(wa: &[u64], wb: &[u64], pa: usize, pb: usize) -> usize {
    let back = wa[..pa]
        .iter()
        .rev()
        .zip(wb[..pb].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let forward = wa[pa..]
        .iter()
        .zip(&wb[pb..])
        .take_while(|(x, y)| x == y)
        .count();
    back + forward
}

/// Grows each seed into the longest run of equal words on both sides, merges runs separated
/// by small edits, and keeps those of at least [`MIN_WORDS`] words.
/// Both sides' words and paragraph starts; passages never cross a paragraph's end, and count
/// only if they hold [`MIN_WORDS`] words outside `ignored` (function words, actors' names).
type SideWords<'a> = (&'a [u64], &'a [u32]);

fn extend(
    ((wa, pa_starts), (wb, pb_starts)): (SideWords, SideWords),
    a: usize,
    b: usize,
    mut seeds: Vec<(u32, u32)>,
    ignored: &std::collections::HashSet<u64>,
) -> Vec<SharedPassage> {
    let para_a = |x: usize| paragraph_of(pa_starts, x);
    let para_b = |x: usize| paragraph_of(pb_starts, x);
    seeds.sort_unstable();
    seeds.dedup();
    let mut runs: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (pa, pb) in seeds {
        let (pa, pb) = (pa as usize, pb as usize);
        // Already inside a run found from an earlier seed on the same diagonal.
        if runs
            .iter()
            .any(|r| pa >= r.0 && pa < r.1 && pb >= r.2 && pb < r.3 && pa - r.0 == pb - r.2)
        {
            continue;
        }
        if wa.get(pa) != wb.get(pb) {
            continue;
        }
        let (here_a, here_b) = (para_a(pa), para_b(pb));
        let (mut sa, mut sb) = (pa, pb);
        while sa > 0
            && sb > 0
            && wa[sa - 1] == wb[sb - 1]
            && para_a(sa - 1) == here_a
            && para_b(sb - 1) == here_b
        {
            sa -= 1;
            sb -= 1;
        }
        let (mut ea, mut eb) = (pa, pb);
        while ea < wa.len()
            && eb < wb.len()
            && wa[ea] == wb[eb]
            && para_a(ea) == here_a
            && para_b(eb) == here_b
        {
            ea += 1;
            eb += 1;
        }
        runs.push((sa, ea, sb, eb));
    }
    runs.sort_unstable();
    runs.dedup();
    // Merge runs that follow each other on both sides with only a few words between.
    let mut merged: Vec<(usize, usize, usize, usize)> = Vec::new();
    for run in runs {
        match merged.last_mut() {
            Some(last)
                if para_a(run.0) == para_a(last.0)
                    && para_b(run.2) == para_b(last.2)
                    && run.0 >= last.1
                    && run.2 >= last.3
                    && run.0 - last.1 <= MAX_GAP
                    && run.2 - last.3 <= MAX_GAP =>
            {
                last.1 = run.1;
                last.3 = run.3;
            }
            Some(last)
                if run.0 < last.1
                    && run.2 < last.3
                    && para_a(run.0) == para_a(last.0)
                    && para_b(run.2) == para_b(last.2) =>
            {
                last.1 = last.1.max(run.1);
                last.3 = last.3.max(run.3);
            }
            _ => merged.push(run),
        }
    }
    merged
        .into_iter()
        .filter(|r| (r.1 - r.0).max(r.3 - r.2) >= MIN_WORDS)
        .filter(|r| {
            wa[r.0..r.1].iter().filter(|w| !ignored.contains(w)).count() >= MIN_WORDS
                && wb[r.2..r.3].iter().filter(|w| !ignored.contains(w)).count() >= MIN_WORDS
        })
        .map(|(fa, ta, fb, tb)| SharedPassage {
            a: Side {
                article: a,
                from: fa,
                to: ta,
            },
            b: Side {
                article: b,
                from: fb,
                to: tb,
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn fnv(text: &str) -> u64 {
        let mut h: u64 = 0xcbf29ce484222325;
        for b in text.bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
        h
    }

    #[test]
    fn a_word_is_hashed_as_its_lowercase_letters_and_digits() {
        for (word, folded) in [
            ("Kyiv’s", "kyivs"),
            ("O'Neill", "oneill"),
            ("ÉLYSÉE", "élysée"),
            ("İstanbul", "i\u{307}stanbul"),
            ("G20", "g20"),
            ("ΣΟΦΙΑ", "σοφια"),
        ] {
            assert_eq!(fnv_folded(word), fnv(folded), "{word}");
        }
    }

    fn words(text: &str) -> Vec<u64> {
        word_hashes(&text.split("\n\n").map(str::to_owned).collect::<Vec<_>>())
    }

    fn shared(a: &str, b: &str) -> Vec<(usize, usize, usize, usize)> {
        shared_ignoring(a, b, &[])
    }

    /// Passages of `a` and `b` (paragraphs split at blank lines), with `names` as the
    /// dossier's actor names.
    fn shared_ignoring(a: &str, b: &str, names: &[&str]) -> Vec<(usize, usize, usize, usize)> {
        let paragraphs = |t: &str| t.split("\n\n").map(str::to_owned).collect::<Vec<_>>();
        let (wa, wb) = (words(a), words(b));
        let (sa, sb) = (
            paragraph_starts(&paragraphs(a)),
            paragraph_starts(&paragraphs(b)),
        );
        let mut ignored_text: Vec<String> = STOP_WORDS.iter().map(|w| (*w).to_owned()).collect();
        ignored_text.extend(names.iter().map(|n| (*n).to_owned()));
        let ignored = word_hashes(&ignored_text).into_iter().collect();
        let fa: HashMap<u64, u32> = fingerprints(&wa).into_iter().collect();
        let seeds: Vec<(u32, u32)> = fingerprints(&wb)
            .into_iter()
            .filter_map(|(h, pb)| fa.get(&h).map(|&pa| (pa, pb)))
            .collect();
        extend(((&wa, &sa), (&wb, &sb)), 0, 1, seeds, &ignored)
            .into_iter()
            .map(|p| (p.a.from, p.a.to, p.b.from, p.b.to))
            .collect()
    }

    #[test]
    fn eight_shared_words_are_found_whatever_the_punctuation_and_case() {
        let a = "Before that: Kerry meets Russian counterpart Lavrov later today, officials reported to journalists.";
        let b =
            "kerry meets russian counterpart LAVROV — later today; officials reported then nothing";
        assert_eq!(shared(a, b), [(2, 11, 0, 9)]);
    }

    #[test]
    fn a_passage_stops_at_the_end_of_its_paragraph() {
        // 42 shared words in one paragraph, and the next paragraph opens the same way in both.
        let para = "Negotiators from the coastal provinces spent nine hours drafting a settlement that would reopen the northern harbour, restore fishing permits, compensate families who lost boats, and create a joint patrol along the disputed channel before winter storms arrive next month";
        let a = format!("{para}\n\nOfficials confirmed nothing more tonight at all.");
        let b = format!("{para}\n\nOfficials confirmed nothing else whatsoever.");
        let found = shared(&a, &b);
        assert_eq!(found.len(), 1, "{found:?}");
        let n = words(para).len();
        assert_eq!(found[0], (0, n, 0, n));
    }

    #[test]
    fn names_and_function_words_alone_are_no_passage() {
        let a = "Leaders of the National Liberation Front, or NLF, and President Ana Ortiz, who promised to leave a legacy";
        let b = "Yesterday the National Liberation Front, or NLF, and President Ana Ortiz, who promised to leave a mark";
        assert!(
            !shared(a, b).is_empty(),
            "a run of 14 words without the names"
        );
        assert!(shared_ignoring(
            a,
            b,
            &[
                "National Liberation Front",
                "NLF",
                "Ana Ortiz",
                "President Ana Ortiz"
            ]
        )
        .is_empty());
    }

    #[test]
    fn seven_shared_words_are_not_a_passage() {
        assert!(shared(
            "one two three four five six seven eight",
            "x one two three four five six seven y"
        )
        .is_empty());
    }

    #[test]
    fn small_edits_do_not_break_a_passage() {
        let a = "The vote will decide whether Crimea will become part of Russia but Kerry has warned the Kremlin that tough sanctions will follow soon against senior officials";
        let b = "The vote will decide whether Crimea would become part of Russia but Kerry warned the Kremlin that tough sanctions will follow soon against senior officials";
        let found = shared(a, b);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, 0);
        assert_eq!(found[0].1, words(a).len());
    }

    fn article(slug: &str, paragraphs: Vec<String>) -> crate::model::Article {
        crate::model::Article {
            slug: slug.into(),
            path: format!("content/articles/{slug}.md").into(),
            title: slug.into(),
            source: "wire".into(),
            publisher: None,
            url: None,
            published: crate::model::PartialDate::parse("2031-05-02").unwrap(),
            byline: None,
            events: vec![],
            actors: vec![],
            summary: None,
            quotes: vec![],
            notes: vec![],
            draft: false,
            body: paragraphs.join("\n\n"),
            paragraphs,
            asides: vec![],
            paragraph_lines: vec![],
            body_line: 1,
            word_count: 0,
        }
    }

    #[test]
    fn an_article_that_shares_passages_with_too_many_others_keeps_its_largest_shares() {
        // Every two of 40 articles share one invented sentence of their own, 8 to 14 words
        // long: each article shares passages with 39 others, more than the cap.
        let n = MAX_PAIRS_PER_ARTICLE + 8;
        let length = |i: usize, j: usize| 8 + (i * 3 + j * 5) % 7;
        let sentence = |i: usize, j: usize| {
            let (i, j) = (i.min(j), i.max(j));
            (0..length(i, j))
                .map(|k| format!("zor{i}vek{j}tam{k}"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let articles = (0..n)
            .map(|i| {
                let paragraphs = (0..n).filter(|&j| j != i).map(|j| sentence(i, j)).collect();
                article(&format!("a{i}"), paragraphs)
            })
            .collect();
        let dossier = Dossier {
            articles,
            ..Dossier::default()
        };
        let found = find_all(&dossier);

        // Each article ranks its partners by the length of what they share (its share), then
        // by index, and keeps the first MAX_PAIRS_PER_ARTICLE; a pair stays if either keeps it.
        let mut expected = std::collections::BTreeSet::new();
        for i in 0..n {
            let mut others: Vec<usize> = (0..n).filter(|&j| j != i).collect();
            others.sort_by_key(|&j| (std::cmp::Reverse(length(i.min(j), i.max(j))), j));
            for &j in &others[..MAX_PAIRS_PER_ARTICLE] {
                expected.insert((i.min(j), i.max(j)));
            }
        }
        let kept: std::collections::BTreeSet<(usize, usize)> =
            found.pairs.iter().map(|p| (p.a, p.b)).collect();
        assert_eq!(kept, expected);
        assert!(kept.len() < n * (n - 1) / 2);
        assert!(kept.len() <= MAX_PAIRS_PER_ARTICLE * n);
        // Every pair was found before the cap, and the cap says what it left out.
        assert_eq!(found.capped.pairs + kept.len(), n * (n - 1) / 2);
        assert_eq!(
            found.capped.articles,
            (0..n).map(|i| (i, n - 1)).collect::<Vec<_>>()
        );
        for p in &found.pairs {
            assert_eq!(p.passages.len(), 1);
            assert_eq!(p.passages[0].words(), length(p.a, p.b));
        }
    }

    #[test]
    fn the_cap_keeps_the_pairs_of_one_event_first_and_leaves_small_articles_alone() {
        let pair = |a: usize, b: usize, share: f64| PassagePair {
            a,
            b,
            passages: vec![],
            share_a: share,
            share_b: share,
        };
        let triangle = || vec![pair(0, 1, 0.5), pair(0, 2, 0.1), pair(1, 2, 0.3)];
        let kept = |pairs: &[PassagePair]| pairs.iter().map(|p| (p.a, p.b)).collect::<Vec<_>>();

        // One pair each: 0 and 2 report one event, so they keep their pair whatever its share.
        let (pairs, capped) = cap(triangle(), 3, 1, |a, b| a + b == 2 && a != b);
        assert_eq!(kept(&pairs), [(0, 1), (0, 2)]);
        assert_eq!(capped.articles, [(0, 2), (1, 2), (2, 2)]);
        assert_eq!(capped.pairs, 1);

        // Without events, by share.
        let (pairs, _) = cap(triangle(), 3, 1, |_, _| false);
        assert_eq!(kept(&pairs), [(0, 1), (1, 2)]);

        // Under the cap nothing changes.
        let (pairs, capped) = cap(triangle(), 3, 2, |_, _| false);
        assert_eq!(kept(&pairs), [(0, 1), (0, 2), (1, 2)]);
        assert_eq!(capped, Capped::default());
    }

    #[test]
    fn unrelated_texts_share_nothing() {
        assert!(shared(
            "The talks in London lasted six hours on Friday afternoon",
            "Markets in Asia fell sharply as investors weighed the news"
        )
        .is_empty());
    }
}
