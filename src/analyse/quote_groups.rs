//! The same quote carried by several articles, as one group: texts that are equal after
//! normalising case, punctuation and quotation marks, that differ by one word ("Kiev" /
//! "Kyiv"), or where one is contained in the other. Candidates come from an index of word
//! 4-grams, so the cost grows with the number of quotes, not with its square.

use std::collections::HashMap;

use super::quotes::{normalise, Quote, QuoteKind};

/// Quotes shorter than this (in words) join a group only by equality, or by containment when
/// both have the same speaker and the shorter has [`MIN_SHORT_CONTAINED`] words or more.
const MIN_CONTAINED: usize = 4;
/// The fewest words a short quote needs to join a longer quote of its speaker that holds it.
/// One or two words ("independent", "no deal") stand in many different statements of one
/// speaker: joined to each, they would make those statements one group, carried by every
/// article that quotes the word.
const MIN_SHORT_CONTAINED: usize = 3;
/// Word n-grams that index quotes for finding candidates.
const GRAM: usize = 4;
/// A gram shared by more quotes than this is boilerplate, not evidence of the same quote.
const MAX_POSTINGS: usize = 64;

/// One statement and every article that carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteGroup {
    /// `(article, index into that article's quotes)`, in article order.
    pub members: Vec<(usize, usize)>,
    /// The speaker its attributed members agree on: `None` when none is attributed, or when
    /// two members name different speakers (the same words credited to two people are
    /// nobody's surely).
    pub speaker: Option<usize>,
    /// The member whose wording stands for the group: the most carried, else the longest.
    pub main: (usize, usize),
    /// Statements group with statements, terms with the same term.
    pub kind: QuoteKind,
}

impl QuoteGroup {
    /// Whether the group is reported speech (not a quoted term).
    pub fn is_statement(&self) -> bool {
        self.kind == QuoteKind::Statement
    }
}

struct Entry {
    id: (usize, usize),
    /// The normalised words, hashed.
    words: Vec<u64>,
    speaker: Option<usize>,
    kind: QuoteKind,
}

fn hash_word(word: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in word.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// Per article, per quote: a number for its words once normalised, the same for two quotes
/// that read the same (see [`super::Analysis::quote_wording`]).
pub fn wordings(quotes: &[Vec<Quote>]) -> Vec<Vec<u32>> {
    use rayon::prelude::*;
    let normalised: Vec<Vec<String>> = quotes
        .par_iter()
        .map(|list| list.iter().map(|q| normalise(&q.text)).collect())
        .collect();
    let mut numbers: HashMap<&str, u32> = HashMap::new();
    normalised
        .iter()
        .map(|list| {
            list.iter()
                .map(|key| {
                    let next = numbers.len() as u32;
                    *numbers.entry(key.as_str()).or_insert(next)
                })
                .collect()
        })
        .collect()
}

/// Groups every quote of the dossier; every quote is in exactly one group.
pub fn group(quotes: &[Vec<Quote>]) -> Vec<QuoteGroup> {
    use rayon::prelude::*;
    let entries: Vec<Entry> = quotes
        .iter()
        .enumerate()
        .flat_map(|(a, list)| {
            list.iter().enumerate().map(move |(i, q)| Entry {
                id: (a, i),
                words: normalise(&q.text)
                    .split(' ')
                    .filter(|w| !w.is_empty())
                    .map(hash_word)
                    .collect(),
                speaker: q.speaker,
                kind: q.kind,
            })
        })
        .collect();
    let mut sets = Sets::new(&entries);

    // Equal texts, and texts one word apart (short ones by masked signatures).
    let mut exact: HashMap<&[u64], usize> = HashMap::new();
    let mut masked: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        if e.words.is_empty() {
            continue;
        }
        match exact.get(e.words.as_slice()) {
            Some(&j) => sets.union(i, j, true),
            None => {
                exact.insert(&e.words, i);
            }
        }
        if (5..2 * GRAM).contains(&e.words.len()) {
            for k in 0..e.words.len() {
                // The words with the kth left out, hashed.
                let key = e
                    .words
                    .iter()
                    .enumerate()
                    .fold(e.words.len() as u64, |h, (n, w)| {
                        h.rotate_left(7) ^ if n == k { 0x2a } else { *w }
                    });
                masked.entry((k, key)).or_default().push(i);
            }
        }
    }
    for list in masked
        .values()
        .filter(|l| l.len() > 1 && l.len() <= MAX_POSTINGS)
    {
        for &j in &list[1..] {
            sets.union(list[0], j, false);
        }
    }

    // Containment and one-word differences between longer quotes, through shared 4-grams.
    let grams = Grams::new(&entries);
    // Which pairs match is read in parallel; the unions are made afterwards in the order a
    // single thread would make them (the groups do not depend on the threads).
    let matches: Vec<Vec<usize>> = entries
        .par_iter()
        .enumerate()
        .map(|(i, e)| matching(&entries, &grams, i, e))
        .collect();
    for (i, list) in matches.into_iter().enumerate() {
        for j in list {
            sets.union(i, j, false);
        }
    }

    // Short quotes (of three words or more) join a quote of the same speaker that contains
    // them. The speaker's quotes are read once for the short texts they contain (not once per
    // short quote, which grows with the square of the speaker's quotes); the unions happen in
    // the same order.
    let mut by_speaker: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        if let Some(s) = e.speaker {
            by_speaker.entry(s).or_default().push(i);
        }
    }
    let mut speakers: Vec<&Vec<usize>> = by_speaker.values().collect();
    speakers.sort_unstable();
    for list in speakers {
        let short: Vec<usize> = list
            .iter()
            .copied()
            .filter(|&i| (MIN_SHORT_CONTAINED..MIN_CONTAINED).contains(&entries[i].words.len()))
            .collect();
        if short.is_empty() {
            continue;
        }
        // Each short text, and the speaker's quotes that contain it, in order.
        let mut holders: HashMap<&[u64], Vec<usize>> = short
            .iter()
            .map(|&i| (entries[i].words.as_slice(), Vec::new()))
            .collect();
        for &j in list {
            let words = &entries[j].words;
            for n in MIN_SHORT_CONTAINED..MIN_CONTAINED.min(words.len() + 1) {
                for window in words.windows(n) {
                    if let Some(found) = holders.get_mut(window) {
                        if found.last() != Some(&j) {
                            found.push(j);
                        }
                    }
                }
            }
        }
        for &i in &short {
            for &j in &holders[entries[i].words.as_slice()] {
                if j != i && entries[j].words.len() > entries[i].words.len() {
                    sets.union(i, j, false);
                }
            }
        }
    }

    sets.groups(&entries)
}

/// Every 4-gram of every quote, as (the gram hashed, the quote's number), sorted: the quotes
/// that have a gram are one run (in the order of their numbers, each once). A flat list, not a
/// map of lists (a dossier has millions of grams, most in one quote); a table of where each
/// value of a hash's top bits starts narrows the search for a run to a few entries. Two
/// different grams with the same hash (about one chance in 2^64 per pair) would share a run:
/// a candidate found through it is still compared word by word before it joins, but a shared
/// run longer than the cap gives none.
struct Grams {
    all: Vec<(u64, u32)>,
    /// `starts[b]`: the first entry whose hash's top bits are `b` or more; one more at the end.
    starts: Vec<u32>,
}

/// The top bits of a gram's hash that [`Grams::starts`] indexes.
const BUCKET_BITS: u32 = 16;

impl Grams {
    fn new(entries: &[Entry]) -> Grams {
        use rayon::prelude::*;
        // Filled in place (a parallel collect would hold the list twice for a moment).
        let count = entries.iter().map(|e| e.words.windows(GRAM).len()).sum();
        let mut all: Vec<(u64, u32)> = Vec::with_capacity(count);
        all.extend(
            entries
                .iter()
                .enumerate()
                .flat_map(|(i, e)| e.words.windows(GRAM).map(move |g| (gram_hash(g), i as u32))),
        );
        all.par_sort_unstable();
        all.dedup();
        let mut starts = Vec::with_capacity((1 << BUCKET_BITS) + 1);
        let mut at = 0;
        for bucket in 0..=1u64 << BUCKET_BITS {
            while at < all.len() && all[at].0 >> (64 - BUCKET_BITS) < bucket {
                at += 1;
            }
            starts.push(at as u32);
        }
        Grams { all, starts }
    }

    /// The quotes that have `gram`, unless more than [`MAX_POSTINGS`] do (boilerplate).
    fn postings(&self, gram: &[u64]) -> impl Iterator<Item = usize> + '_ {
        let key = gram_hash(gram);
        let bucket = (key >> (64 - BUCKET_BITS)) as usize;
        let within = &self.all[self.starts[bucket] as usize..self.starts[bucket + 1] as usize];
        let from = within.partition_point(|&(k, _)| k < key);
        let to = from + within[from..].partition_point(|&(k, _)| k == key);
        let run = if to - from <= MAX_POSTINGS {
            &within[from..to]
        } else {
            &[]
        };
        run.iter().map(|&(_, i)| i as usize)
    }
}

/// A gram's words (each already hashed) hashed into one number.
fn gram_hash(gram: &[u64]) -> u64 {
    gram.iter().fold(0x9e37_79b9_7f4a_7c15, |h, &w| {
        (h.rotate_left(23) ^ w).wrapping_mul(0x100_0000_01b3)
    })
}

/// The entries that entry `i` (`e`) joins by containment or a small difference, found through
/// the 4-grams they share, in the order of their numbers.
fn matching(entries: &[Entry], grams: &Grams, i: usize, e: &Entry) -> Vec<usize> {
    if e.words.len() < MIN_CONTAINED {
        return Vec::new();
    }
    let mut candidates: Vec<usize> = Vec::new();
    if let Some(first) = e.words.windows(GRAM).next() {
        candidates.extend(grams.postings(first));
    }
    if e.words.len() >= 2 * GRAM {
        for gram in [
            &e.words[e.words.len() - GRAM..],
            &e.words[e.words.len() / 2 - GRAM / 2..][..GRAM],
        ] {
            candidates.extend(grams.postings(gram));
        }
    } else if e.words.len() < GRAM {
        return Vec::new();
    }
    candidates.sort_unstable();
    candidates.dedup();
    candidates.retain(|&j| {
        let other = &entries[j];
        let same_speaker = e.speaker.is_some() && e.speaker == other.speaker;
        j != i
            && (contains(&other.words, &e.words)
                || one_word_apart(&e.words, &other.words)
                || (same_speaker && variant(&e.words, &other.words)))
    });
    candidates
}

/// Whether `needle` stands as a contiguous run of words in `hay`.
fn contains(hay: &[u64], needle: &[u64]) -> bool {
    needle.len() <= hay.len() && hay.windows(needle.len()).any(|w| w == needle)
}

/// The same statement with a clause or a few words added or dropped: most of the shorter
/// one's 4-grams are in the longer one (only for quotes of the same speaker).
fn variant(a: &[u64], b: &[u64]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() < 2 * GRAM {
        return false;
    }
    let grams: std::collections::HashSet<&[u64]> = long.windows(GRAM).collect();
    let shared = short.windows(GRAM).filter(|g| grams.contains(g)).count();
    let total = short.len() + 1 - GRAM;
    2 * shared >= total
}

/// Same length (five words or more), exactly one word different.
fn one_word_apart(a: &[u64], b: &[u64]) -> bool {
    a.len() == b.len() && a.len() >= 5 && a.iter().zip(b).filter(|(x, y)| x != y).count() == 1
}

/// Union-find over quotes that refuses to join groups attributed to different speakers.
struct Sets {
    parent: Vec<usize>,
    speaker: Vec<Option<usize>>,
    kind: Vec<QuoteKind>,
}

impl Sets {
    fn new(entries: &[Entry]) -> Sets {
        Sets {
            parent: (0..entries.len()).collect(),
            speaker: entries.iter().map(|e| e.speaker).collect(),
            kind: entries.iter().map(|e| e.kind).collect(),
        }
    }

    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Joins the groups of `a` and `b`; unless `always`, only when their speakers agree (or
    /// one has none).
    fn union(&mut self, a: usize, b: usize, always: bool) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra == rb {
            return;
        }
        let (sa, sb) = (self.speaker[ra], self.speaker[rb]);
        if self.kind[ra] != self.kind[rb] || !always && sa.is_some() && sb.is_some() && sa != sb {
            return;
        }
        let (keep, gone) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[gone] = keep;
        self.speaker[keep] = sa.or(sb);
    }

    fn groups(mut self, entries: &[Entry]) -> Vec<QuoteGroup> {
        let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
        for i in 0..entries.len() {
            let r = self.root(i);
            members.entry(r).or_default().push(i);
        }
        let mut groups: Vec<QuoteGroup> = members
            .into_values()
            .map(|list| {
                let mut speakers = list.iter().filter_map(|&i| entries[i].speaker);
                let first = speakers.next();
                let speaker = first.filter(|&s| speakers.all(|other| other == s));
                // How many members carry each wording: counted once per group, not once per
                // member (a talking point repeated by thousands of articles is one group).
                let mut wordings: HashMap<&[u64], usize> = HashMap::new();
                for &i in &list {
                    *wordings.entry(&entries[i].words).or_default() += 1;
                }
                let carried = |i: usize| wordings[entries[i].words.as_slice()];
                let main = *list
                    .iter()
                    .max_by_key(|&&i| (carried(i), entries[i].words.len(), std::cmp::Reverse(i)))
                    .expect("a group has members");
                QuoteGroup {
                    members: list.iter().map(|&i| entries[i].id).collect(),
                    speaker,
                    main: entries[main].id,
                    kind: entries[main].kind,
                }
            })
            .collect();
        groups.sort_by_key(|g| g.members[0]);
        groups
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(article: usize, text: &str, speaker: Option<usize>) -> Quote {
        Quote {
            article,
            paragraph: 1,
            aside: None,
            text: text.into(),
            kind: crate::analyse::quotes::QuoteKind::Statement,
            speaker,
            candidates: vec![],
            rule: crate::analyse::quotes::Rule::NoPattern,
            partial: false,
            by_hand: false,
            offset: 0,
        }
    }

    fn grouped(quotes: Vec<Vec<Quote>>) -> Vec<Vec<(usize, usize)>> {
        group(&quotes).into_iter().map(|g| g.members).collect()
    }

    #[test]
    fn punctuation_case_and_marks_do_not_matter() {
        let groups = grouped(vec![
            vec![quote(0, "We want to see Ukrainians and the Russians talking to each other and if they don't then there are going to have to be consequences,", Some(1))],
            vec![quote(1, "We want to see Ukrainians and the Russians talking to each other. And if they don’t, then there are going to have to be consequences,", Some(1))],
        ]);
        assert_eq!(groups, [vec![(0, 0), (1, 0)]]);
    }

    #[test]
    fn a_group_has_a_speaker_only_when_its_attributions_agree() {
        let speakers = |quotes: Vec<Vec<Quote>>| -> Vec<Option<usize>> {
            group(&quotes).into_iter().map(|g| g.speaker).collect()
        };
        let text = "the north quay stays closed until the piles are replaced";
        // Credited to 1 twice and left unattributed once: 1's.
        assert_eq!(
            speakers(vec![
                vec![quote(0, text, Some(1))],
                vec![quote(1, text, None)],
                vec![quote(2, text, Some(1))],
            ]),
            [Some(1)]
        );
        // Credited to 1 twice and to 2 once: nobody's surely, whatever the majority.
        assert_eq!(
            speakers(vec![
                vec![quote(0, text, Some(1))],
                vec![quote(1, text, Some(2))],
                vec![quote(2, text, Some(1))],
            ]),
            [None]
        );
    }

    #[test]
    fn one_word_variants_and_contained_quotes_join() {
        let groups = grouped(vec![
            vec![quote(
                0,
                "The talks in Kiev will resume on Monday morning",
                None,
            )],
            vec![quote(
                1,
                "The talks in Kyiv will resume on Monday morning",
                None,
            )],
            vec![quote(2, "will resume on Monday", None)],
        ]);
        assert_eq!(groups, [vec![(0, 0), (1, 0), (2, 0)]]);
    }

    #[test]
    fn different_quotes_and_different_speakers_stay_apart() {
        let groups = grouped(vec![
            vec![quote(0, "there will be consequences for this", Some(1))],
            vec![
                quote(1, "there will be consequences for this", Some(1)),
                quote(1, "consequences", Some(2)),
            ],
            vec![quote(
                2,
                "we will not recognise the results of this referendum",
                Some(2),
            )],
            vec![quote(3, "results of this referendum", Some(1))],
        ]);
        assert_eq!(
            groups,
            [
                vec![(0, 0), (1, 0)],
                vec![(1, 1)],
                vec![(2, 0)],
                vec![(3, 0)]
            ]
        );
    }

    #[test]
    fn variants_of_one_statement_by_one_speaker_join() {
        // One outlet drops a clause, another changes a few words.
        let whole = "We will not sign an accord that gives away our fishing grounds, and we will say so in every harbour";
        let shorter = "We will not sign an accord that gives away our fishing grounds";
        let changed = "We will never sign an accord that gives away our fishing grounds, and we will say so in every harbour";
        let groups = grouped(vec![
            vec![quote(0, whole, Some(1))],
            vec![quote(1, shorter, Some(1))],
            vec![quote(2, changed, Some(1))],
            // A variant from someone else is another statement.
            vec![quote(
                3,
                "We will not sign an accord that gives away our fishing grounds, and we will say so in parliament",
                Some(2),
            )],
        ]);
        assert_eq!(groups, [vec![(0, 0), (1, 0), (2, 0)], vec![(3, 0)]]);
    }

    #[test]
    fn terms_and_statements_never_join() {
        let mut term = quote(1, "framework accord", None);
        term.kind = QuoteKind::Term;
        let groups = grouped(vec![vec![quote(0, "framework accord", None)], vec![term]]);
        assert_eq!(groups, [vec![(0, 0)], vec![(1, 0)]]);
    }

    #[test]
    fn a_grams_postings_are_its_quotes_in_order_each_once_and_none_past_the_cap() {
        let entry = |i: usize, words: &[u64]| Entry {
            id: (i, 0),
            words: words.to_vec(),
            speaker: None,
            kind: QuoteKind::Statement,
        };
        let mut entries = vec![
            entry(0, &[1, 2, 3, 4, 1, 2, 3, 4]),
            entry(1, &[9, 9, 9, 9]),
            entry(2, &[0, 1, 2, 3, 4]),
        ];
        let grams = Grams::new(&entries);
        assert_eq!(grams.postings(&[1, 2, 3, 4]).collect::<Vec<_>>(), [0, 2]);
        assert_eq!(grams.postings(&[9, 9, 9, 9]).collect::<Vec<_>>(), [1]);
        assert_eq!(grams.postings(&[4, 3, 2, 1]).count(), 0);
        // A gram in more than MAX_POSTINGS quotes is boilerplate: no candidates from it.
        for i in 3..4 + MAX_POSTINGS {
            entries.push(entry(i, &[7, 7, 7, 7, i as u64]));
        }
        let grams = Grams::new(&entries);
        assert_eq!(grams.postings(&[7, 7, 7, 7]).count(), 0);
        entries.pop();
        let grams = Grams::new(&entries);
        assert_eq!(grams.postings(&[7, 7, 7, 7]).count(), MAX_POSTINGS);
    }

    #[test]
    fn short_quotes_join_by_the_same_speaker() {
        let groups = grouped(vec![
            vec![quote(0, "there is no common vision", Some(3))],
            vec![quote(1, "no common vision", Some(3))],
        ]);
        assert_eq!(groups, [vec![(0, 0), (1, 0)]]);
    }

    #[test]
    fn a_word_or_two_held_by_different_statements_makes_them_no_group() {
        // One outlet quotes the harbourmaster's single word; another carries her answer of
        // one word and, next, a sentence that uses it: two statements, not one.
        let groups = grouped(vec![
            vec![quote(0, "provisional", Some(4))],
            vec![
                quote(1, "Provisional,", Some(4)),
                quote(
                    1,
                    "The permit we signed says provisional on its first page and nowhere else.",
                    Some(4),
                ),
            ],
        ]);
        assert_eq!(groups, [vec![(0, 0), (1, 0)], vec![(1, 1)]]);
        // Two words the same.
        let groups = grouped(vec![
            vec![quote(0, "tidal surge", Some(4))],
            vec![
                quote(1, "A tidal surge, nothing more.", Some(4)),
                quote(1, "We warned of a tidal surge in March.", Some(4)),
            ],
        ]);
        assert_eq!(groups, [vec![(0, 0)], vec![(1, 0)], vec![(1, 1)]]);
    }
}
