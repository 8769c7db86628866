//! Quoted speech: passages inside double quotation marks (straight, curly, or the doubled
//! single marks some sites use), attributed to a speaker by the newswire patterns around them
//! (`X said`, `said X`, `X told reporters`, `X said:`, `according to X`, `he said`), by the
//! subject of the sentence for partial quotes in running text, and by the previous quote for
//! continuations. A quote no pattern explains stays unattributed: never a wild guess.

use crate::model::{ActorKind, Article, Dossier};

use super::mentions::Mention;

/// One quotation in one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub article: usize,
    /// `#pN` of the paragraph (for an aside, the paragraph before it; 0 for none).
    pub paragraph: usize,
    /// Index into `Article::asides` for a quote in a list item or block quote.
    pub aside: Option<usize>,
    /// The words between the marks.
    pub text: String,
    /// Index into `Dossier::actors`; `None` when unattributed.
    pub speaker: Option<usize>,
    /// Quoted words inside running text ("called the plebiscite a “backdoor annexation”").
    pub partial: bool,
    /// From the article's `quotes:` front matter.
    pub by_hand: bool,
}

/// Verbs that attribute a quote when they follow it: `“…,” Kerry said`.
const VERBS_AFTER: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "warned",
    "warns",
    "stated",
    "states",
    "declared",
    "insisted",
    "argued",
    "noted",
    "explained",
    "replied",
    "asked",
    "wrote",
    "writes",
    "stressed",
    "continued",
    "concluded",
    "announced",
    "tweeted",
    "recalled",
];

/// Verbs that introduce a quote: `Kerry said: “…”`, `he described the dialogue as “useful”`.
const VERBS_BEFORE: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "warned",
    "warns",
    "stated",
    "declared",
    "insisted",
    "argued",
    "noted",
    "explained",
    "replied",
    "asked",
    "wrote",
    "stressed",
    "announced",
    "called",
    "calling",
    "described",
    "describing",
    "confirmed",
    "urged",
    "vowed",
    "pledged",
];

const PRONOUNS: &[&str] = &["he", "she", "He", "She"];

/// A quoted span in a block of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    /// Byte offset of the opening mark.
    open: usize,
    /// The quoted words.
    start: usize,
    end: usize,
    /// Just after the closing mark (`end` when there is none).
    close: usize,
}

/// The text blocks of an article in reading order: `(paragraph, aside, text)`.
fn blocks(article: &Article) -> Vec<(usize, Option<usize>, &str)> {
    let mut out = Vec::with_capacity(article.paragraphs.len() + article.asides.len());
    let mut asides = article.asides.iter().enumerate().peekable();
    for paragraph in 0..=article.paragraphs.len() {
        if paragraph > 0 {
            out.push((paragraph, None, article.paragraphs[paragraph - 1].as_str()));
        }
        while let Some((index, aside)) = asides.next_if(|(_, a)| a.after == paragraph) {
            out.push((paragraph, Some(index), aside.text.as_str()));
        }
    }
    out
}

/// Every quote of every article, with hand-written `quotes:` applied.
pub fn find_all(dossier: &Dossier, mentions: &[Vec<Mention>]) -> Vec<Vec<Quote>> {
    use rayon::prelude::*;
    let persons = persons(dossier);
    (0..dossier.articles.len())
        .into_par_iter()
        .map(|index| find_with(dossier, index, &mentions[index], &persons))
        .collect()
}

/// The quotes of article `index` alone, with its hand-written `quotes:` applied.
pub fn find_one(dossier: &Dossier, index: usize, mentions: &[Mention]) -> Vec<Quote> {
    find_with(dossier, index, mentions, &persons(dossier))
}

/// Per actor: whether it is a person (whom "he" or "she" may mean).
fn persons(dossier: &Dossier) -> Vec<bool> {
    dossier
        .actors
        .iter()
        .map(|a| a.kind == Some(ActorKind::Person))
        .collect()
}

fn find_with(
    dossier: &Dossier,
    index: usize,
    mentions: &[Mention],
    persons: &[bool],
) -> Vec<Quote> {
    let article = &dossier.articles[index];
    let mut quotes = find(index, article, mentions, persons);
    apply_hand_quotes(dossier, index, &mut quotes);
    quotes
}

/// The quotes of one article; `persons[a]` says whether actor `a` is a person (for pronouns).
pub fn find(
    article_index: usize,
    article: &Article,
    mentions: &[Mention],
    persons: &[bool],
) -> Vec<Quote> {
    let mut quotes: Vec<Quote> = Vec::new();
    // The previous block's last quote's speaker, whether the block ended inside that quote, and
    // the person a pronoun there would have meant.
    let mut previous_speaker: Option<usize> = None;
    let mut previous_open = false;
    let mut previous_person: Option<usize> = None;
    for (paragraph, aside, text) in blocks(article) {
        let spans = spans(text);
        // Names inside a quote are what the speaker talks about, never the speaker.
        let here: Vec<&Mention> = mentions
            .iter()
            .filter(|m| {
                m.paragraph == paragraph && m.aside == aside && (paragraph > 0 || aside.is_some())
            })
            .filter(|m| {
                // Spans are in text order and do not overlap: only the last one starting
                // before the mention can hold it.
                let k = spans.partition_point(|s| s.start <= m.start);
                !(k > 0 && m.end <= spans[k - 1].end)
            })
            .collect();
        let resolve =
            |at: usize| speaking_person_before(text, &here, persons, at).or(previous_person);
        let mut last_in_block: Option<(Span, Option<usize>)> = None;
        for span in &spans {
            // The clause before the quote: from the sentence start or the previous quote's end.
            let sentence =
                sentence_start(text, span.open).max(last_in_block.map_or(0, |(s, _)| s.close));
            let before = text[sentence..span.open].trim_end();
            let partial = !before.trim_start().is_empty() && !before.ends_with([':', ',']);
            let speaker = after_pattern(
                text,
                span,
                partial,
                &spans,
                &here,
                resolve,
                previous_speaker,
            )
            .or_else(|| before_pattern(text, sentence, span, &here, resolve))
            .unwrap_or_else(|| {
                if partial {
                    // "… describes them as “x” and says the vote is “y”": a quote whose
                    // clause names nobody shares the speaker of the quote before it.
                    let same_sentence = last_in_block.filter(|(s, _)| s.close == sentence);
                    return subject(text, sentence, span, &here, persons, resolve)
                        .or_else(|| same_sentence.and_then(|(_, speaker)| speaker));
                }
                // A second quote after `“…,” Lavrov said.` continues the same speaker.
                if let Some((last, speaker)) = last_in_block {
                    if words(&text[last.close..span.open]).len() <= 8 {
                        return speaker;
                    }
                }
                // A paragraph that opens with a quote continues the previous paragraph's.
                let opens_block = text[..span.open].trim().is_empty();
                if opens_block && (previous_open || previous_speaker.is_some()) {
                    return previous_speaker;
                }
                None
            });
            last_in_block = Some((*span, speaker));
            quotes.push(Quote {
                article: article_index,
                paragraph,
                aside,
                text: text[span.start..span.end].trim().to_owned(),
                speaker,
                partial,
                by_hand: false,
            });
        }
        match last_in_block {
            Some((span, speaker)) => {
                previous_speaker = speaker;
                previous_open = span.close == span.end && span.end == text.len();
            }
            None => {
                previous_speaker = None;
                previous_open = false;
            }
        }
        if let Some(person) = speaking_person_before(text, &here, persons, text.len()) {
            previous_person = Some(person);
        }
    }
    quotes.retain(|q| !q.text.is_empty());
    quotes
}

/// Hand-written `quotes:` attribute the detected quote they match, or are added.
fn apply_hand_quotes(dossier: &Dossier, article_index: usize, quotes: &mut Vec<Quote>) {
    let article = &dossier.articles[article_index];
    for hand in &article.quotes {
        let speaker = hand.by.as_deref().and_then(|s| dossier.actor_index(s));
        let key = normalise(&hand.text);
        match quotes.iter_mut().find(|q| {
            let k = normalise(&q.text);
            !k.is_empty() && (k.contains(&key) || key.contains(&k))
        }) {
            Some(quote) => {
                quote.speaker = speaker;
                quote.by_hand = true;
            }
            None => {
                let paragraph = article
                    .paragraphs
                    .iter()
                    .position(|p| normalise(p).contains(&key))
                    .map_or(0, |i| i + 1);
                quotes.push(Quote {
                    article: article_index,
                    paragraph,
                    aside: None,
                    text: hand.text.clone(),
                    speaker,
                    partial: false,
                    by_hand: true,
                });
            }
        }
    }
}

/// Lowercase words without punctuation or quote marks: how quotes are compared.
pub fn normalise(text: &str) -> String {
    words(text)
        .into_iter()
        .map(|(_, _, w)| w.to_lowercase().replace(['\'', '’'], ""))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The quoted spans of `text`. An opening mark with no closing one runs to the end of the
/// block (the newswire convention for a quote that continues in the next paragraph).
fn spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    let mut chars = text.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let doubled_single = (c == '’' || c == '\'' || c == '‘') && next == Some(c);
        match open {
            None => {
                let opening = match c {
                    '“' | '„' => true,
                    '"' => prev.is_none_or(|p| p.is_whitespace() || "([{—–-/:".contains(p)),
                    '‘' if doubled_single => true,
                    _ => false,
                };
                if opening {
                    let width = if doubled_single {
                        2 * c.len_utf8()
                    } else {
                        c.len_utf8()
                    };
                    if doubled_single {
                        chars.next();
                    }
                    open = Some((i, i + width));
                }
            }
            Some((at, start)) => {
                let closing = matches!(c, '”' | '"') || (doubled_single && c != '‘');
                if closing {
                    let width = if doubled_single {
                        2 * c.len_utf8()
                    } else {
                        c.len_utf8()
                    };
                    if doubled_single {
                        chars.next();
                    }
                    out.push(Span {
                        open: at,
                        start,
                        end: i,
                        close: i + width,
                    });
                    open = None;
                } else if c == '“' {
                    // A new opening mark before any closing one: the first quote ran unclosed.
                    out.push(Span {
                        open: at,
                        start,
                        end: i,
                        close: i,
                    });
                    open = Some((i, i + c.len_utf8()));
                }
            }
        }
        prev = Some(c);
    }
    if let Some((at, start)) = open {
        out.push(Span {
            open: at,
            start,
            end: text.len(),
            close: text.len(),
        });
    }
    out
}

/// Words of `text` with their byte ranges: runs of letters, digits, apostrophes and hyphens.
pub(crate) fn words(text: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let inside =
            c.is_alphanumeric() || (start.is_some() && matches!(c, '\'' | '’' | '-' | '.'));
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len(), &text[s..]));
    }
    out.into_iter()
        .map(|(s, e, w)| {
            // A sentence's full stop is not part of its last word ("said." → "said"), but the
            // stops of an abbreviation are ("U.S.").
            let trimmed = w.trim_end_matches(['.', '\'', '’', '-']);
            if w.ends_with('.') && trimmed.contains('.') {
                (s, e, w)
            } else {
                (s, s + trimmed.len(), trimmed)
            }
        })
        .filter(|(_, _, w)| !w.is_empty())
        .collect()
}

/// How far back [`sentence_start`] looks: no sentence of news prose is longer, and a bound
/// keeps a paragraph of one endless sentence linear.
const MAX_SENTENCE: usize = 4096;

/// Byte offset where the sentence containing `at` starts: just after the last full stop,
/// question or exclamation mark before `at` that ends a sentence, looking back at most
/// [`MAX_SENTENCE`] bytes.
pub(crate) fn sentence_start(text: &str, at: usize) -> usize {
    let head = &text[..at];
    let mut floor = at.saturating_sub(MAX_SENTENCE);
    while !head.is_char_boundary(floor) {
        floor += 1;
    }
    let window = &head[floor..];
    window
        .char_indices()
        .rev()
        .filter(|&(_, c)| matches!(c, '.' | '!' | '?'))
        .find_map(|(i, c)| next_sentence(window, i, c))
        .map_or(floor, |start| floor + start)
}

/// Byte offset of the first stop (`.`, `!`, `?`, `;`) at or after `at`, looking ahead at
/// most [`MAX_SENTENCE`] bytes: the end of a clause, roughly.
pub(crate) fn sentence_end(text: &str, at: usize) -> usize {
    let mut limit = text.len().min(at + MAX_SENTENCE);
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    text[at..limit]
        .find(['.', '!', '?', ';'])
        .map_or(limit, |k| at + k)
}

/// Where the next sentence starts when the stop `c` at byte `i` of `head` ends one: the
/// stop, any closing marks, then white space (not the end of `head`); an abbreviation such
/// as "U.S." or "Mr." ends none.
fn next_sentence(head: &str, i: usize, c: char) -> Option<usize> {
    let rest = &head[i + c.len_utf8()..];
    let closing = rest
        .find(|ch: char| !matches!(ch, '”' | '"' | '’' | '\'' | ')'))
        .unwrap_or(rest.len());
    let space = rest[closing..]
        .chars()
        .next()
        .filter(|ch| ch.is_whitespace())?;
    let word_start = head[..i]
        .rfind(|ch: char| ch.is_whitespace())
        .map_or(0, |p| p + 1);
    let word = &head[word_start..i];
    if c == '.'
        && (word.contains('.')
            || word.chars().count() <= 1
            || [
                "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Jan",
                "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "No",
            ]
            .contains(&word))
    {
        return None;
    }
    Some(i + c.len_utf8() + closing + space.len_utf8())
}

/// Whom "he" or "she" at byte `at` means: the most recent person in this block who speaks
/// ("Kerry said …, he said"), else the most recent person mentioned.
fn speaking_person_before(
    text: &str,
    mentions: &[&Mention],
    persons: &[bool],
    at: usize,
) -> Option<usize> {
    // Mentions are in text order: those ending before `at`, and no further back than a
    // sentence can reach, so that a block full of names stays linear.
    let before = &mentions[..mentions.partition_point(|m| m.end <= at)];
    let floor = at.saturating_sub(MAX_SENTENCE);
    let people = || {
        before
            .iter()
            .rev()
            .take_while(move |m| m.end >= floor)
            .filter(|m| persons[m.actor])
    };
    people()
        .find(|m| {
            // The verb is among the next four words: a few hundred bytes are enough.
            let mut end = at.min(m.end + 256);
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let tail = &text[m.end..end];
            words(tail)
                .iter()
                .take(4)
                .any(|(s, _, w)| SPEECH.contains(w) && is_gap(&tail[..*s]))
        })
        .or_else(|| people().next())
        .map(|m| m.actor)
}

/// Whether the text between a speaker's name and its verb is a harmless gap: nothing, an
/// appositive between commas ("Lavrov, the Russian foreign minister, said"), or a couple of
/// adverbs or time words ("Lavrov on Friday said").
fn is_gap(gap: &str) -> bool {
    let trimmed = gap.trim();
    if trimmed.is_empty() {
        return true;
    }
    if trimmed.len() >= 2
        && trimmed.starts_with(',')
        && trimmed.ends_with(',')
        && !trimmed[1..trimmed.len() - 1].contains(['“', '"'])
    {
        return words(trimmed).len() <= 12;
    }
    let ws = words(trimmed);
    ws.len() <= 3
        && ws.iter().all(|(_, _, w)| GAP_WORDS.contains(w))
        && !trimmed.contains([',', ';', ':'])
}

/// Words that may stand between a speaker and the verb: "Lavrov on Friday said".
const GAP_WORDS: &[&str] = &[
    "on",
    "also",
    "later",
    "then",
    "had",
    "has",
    "have",
    "earlier",
    "again",
    "previously",
    "repeatedly",
    "once",
    "today",
    "yesterday",
    "late",
    "himself",
    "herself",
    "officially",
    "publicly",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Verbs of speaking and reporting, in any of their forms, for finding who speaks.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "warned",
    "warns",
    "stated",
    "states",
    "declared",
    "declares",
    "insisted",
    "insists",
    "argued",
    "argues",
    "noted",
    "notes",
    "explained",
    "replied",
    "asked",
    "wrote",
    "stressed",
    "announced",
    "announces",
    "called",
    "calls",
    "calling",
    "described",
    "describes",
    "describing",
    "confirmed",
    "confirms",
    "reaffirmed",
    "urged",
    "urges",
    "vowed",
    "pledged",
    "condemned",
    "condemns",
    "denied",
    "denies",
    "accused",
    "accuses",
    "dismissed",
    "rejected",
    "rejects",
    "welcomed",
    "criticised",
    "criticized",
    "branded",
    "labelled",
    "labeled",
    "termed",
    "responded",
    "promised",
    "threatened",
];

/// Words that end a speaker's clause: after them a verb belongs to another clause.
const CLAUSE_BREAKS: &[&str] = &[
    "and", "but", "in", "that", "which", "who", "while", "as", "if", "because", "when", "to", "of",
    "for",
];

/// `“…,” Kerry said`, `“…,” said Kerry`, `“…,” he said`, `“…,” the official said` (explicitly
/// unattributed), `“…,” according to Kerry`.
#[allow(clippy::too_many_arguments)]
fn after_pattern(
    text: &str,
    span: &Span,
    partial: bool,
    spans: &[Span],
    mentions: &[&Mention],
    resolve: impl Fn(usize) -> Option<usize>,
    previous_speaker: Option<usize>,
) -> Option<Option<usize>> {
    let limit = spans
        .iter()
        .find(|s| s.open >= span.close)
        .map_or(text.len(), |s| s.open);
    let rest_end = text[span.close..limit]
        .find([';'])
        .map_or(limit, |i| span.close + i);
    let rest = &text[span.close..rest_end];
    let tokens = words(rest);
    if let Some(k) = tokens
        .iter()
        .take(12)
        .position(|(_, _, w)| *w == "according")
    {
        if tokens.get(k + 1).is_some_and(|t| t.2 == "to") {
            let from = span.close + tokens[k + 1].1;
            return Some(
                mentions
                    .iter()
                    .find(|m| m.start >= from && m.start - from <= 40)
                    .map(|m| m.actor),
            );
        }
    }
    // The clause must start right after the quote: “…,” Kerry said — not a later sentence,
    // and not running text after a quoted phrase (“fait accompli” - it says …).
    let lead = rest.trim_start();
    let quoted = text[span.start..span.end].trim_end();
    if lead.starts_with(['.', '!', '?'])
        || partial
            && !(quoted.ends_with([',', '.', '!', '?', '…'])
                || lead.starts_with(',')
                || lead.is_empty())
    {
        return None;
    }
    let (verb_index, verb) = tokens
        .iter()
        .take(10)
        .enumerate()
        .find(|(_, (_, _, w))| VERBS_AFTER.contains(w))?;
    let verb_start = span.close + verb.0;
    let verb_end = span.close + verb.1;
    // A full stop before the verb means the verb belongs to another sentence.
    if text[span.close..verb_start].contains(['.', '!', '?'])
        && !text[span.close..verb_start].trim_start().starts_with(',')
    {
        let gap = &text[span.close..verb_start];
        if words(gap).iter().all(|(_, _, w)| !w.ends_with('.')) && gap.contains(". ") {
            return None;
        }
    }
    let subject = mentions
        .iter()
        .rfind(|m| m.start >= span.close && m.end <= verb_start);
    if let Some(m) = subject {
        if is_gap(&text[m.end..verb_start]) {
            return Some(Some(m.actor));
        }
    }
    let before_verb = &tokens[..verb_index];
    if before_verb.len() > 7
        || before_verb
            .iter()
            .any(|(_, _, w)| CLAUSE_BREAKS.contains(w))
    {
        return None;
    }
    if let Some((start, _, _)) = before_verb.last().filter(|(_, _, w)| PRONOUNS.contains(w)) {
        return Some(resolve(span.close + start));
    }
    if before_verb.is_empty() {
        // “…,” said Kerry / said U.S. Secretary of State John Kerry.
        let after = mentions
            .iter()
            .find(|m| m.start >= verb_end && m.start - verb_end <= 60);
        if let Some(m) = after {
            let between = &text[verb_end..m.start];
            let tail = text[m.end..].trim_start();
            let ends_clause = tail.is_empty()
                || tail.starts_with([',', '.', ';', '!', '?', ')'])
                || tail.chars().next().is_some_and(char::is_lowercase);
            if !between.contains([',', '.', ';']) && ends_clause {
                return Some(Some(m.actor));
            }
        }
    }
    // A speech verb with some other subject: "the official said" is explicitly no actor, but
    // "our correspondent" after a paragraph quoting the correspondent is that person again.
    let definite = before_verb
        .first()
        .or(tokens.get(verb_index + 1))
        .is_some_and(|(_, _, w)| matches!(*w, "our" | "Our" | "the" | "The"));
    Some(if definite && before_verb.len() <= 2 {
        previous_speaker
    } else {
        None
    })
}

/// `Kerry said: “…”`, `Kerry told reporters “…”`, `according to Kerry, “…”`.
fn before_pattern(
    text: &str,
    sentence: usize,
    span: &Span,
    mentions: &[&Mention],
    resolve: impl Fn(usize) -> Option<usize>,
) -> Option<Option<usize>> {
    let before = &text[sentence..span.open];
    let tokens = words(before);
    if let Some(k) = tokens
        .iter()
        .position(|(_, _, w)| w.eq_ignore_ascii_case("according"))
    {
        if tokens.get(k + 1).is_some_and(|t| t.2 == "to") {
            let from = sentence + tokens[k + 1].1;
            if let Some(m) = mentions
                .iter()
                .find(|m| m.start >= from && m.end <= span.open)
            {
                return Some(Some(m.actor));
            }
        }
    }
    let trimmed = before.trim_end().trim_end_matches([':', ',']);
    let last = words(trimmed);
    let (verb_at, _, verb) = *last
        .iter()
        .rev()
        .take(5)
        .find(|(_, _, w)| VERBS_BEFORE.contains(w))?;
    // Only "X said", "X said that", "X told reporters", "X described the dialogue as".
    let verb_start = sentence + verb_at;
    let _ = verb;
    if let Some(m) = mentions
        .iter()
        .rfind(|m| m.start >= sentence && m.end <= verb_start)
    {
        let gap = &text[m.end..verb_start];
        if is_gap(gap) {
            return Some(Some(m.actor));
        }
    }
    let before_verb = words(&text[sentence..verb_start]);
    if let Some((start, _, _)) = before_verb.last().filter(|(_, _, w)| PRONOUNS.contains(w)) {
        return Some(resolve(sentence + start));
    }
    None
}

/// For a partial quote in running text: the subject of the last verb of speaking before it
/// in its sentence ("Lavrov reaffirmed that Russia will “respect …”" → Lavrov), else the
/// nearest person, else the nearest actor ("Ukraine responded by calling …").
fn subject(
    text: &str,
    sentence: usize,
    span: &Span,
    mentions: &[&Mention],
    persons: &[bool],
    resolve: impl Fn(usize) -> Option<usize>,
) -> Option<usize> {
    let before = &text[sentence..span.open];
    let in_sentence: Vec<&&Mention> = mentions
        .iter()
        .filter(|m| m.start >= sentence && m.end <= span.open)
        .collect();
    let tokens = words(before);
    if let Some((verb_at, _, _)) = tokens.iter().rev().find(|(_, _, w)| SPEECH.contains(w)) {
        let verb_start = sentence + verb_at;
        if let Some(m) = in_sentence.iter().rev().find(|m| m.end <= verb_start) {
            if is_gap(&text[m.end..verb_start]) || words(&text[m.end..verb_start]).len() <= 2 {
                return Some(m.actor);
            }
        }
        if let Some((p, _, _)) = words(&text[sentence..verb_start])
            .last()
            .filter(|(_, _, w)| PRONOUNS.contains(w))
        {
            return resolve(sentence + p);
        }
    }
    let nearest = in_sentence
        .iter()
        .rev()
        .find(|m| persons[m.actor])
        .or(in_sentence.last());
    let pronoun = tokens.iter().rev().find(|(_, _, w)| PRONOUNS.contains(w));
    match (nearest, pronoun) {
        (Some(m), Some((p, _, _))) if sentence + p > m.end => resolve(sentence + p),
        (Some(m), _) => Some(m.actor),
        (None, Some((p, _, _))) => resolve(sentence + *p),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::analyse::mentions::{find_all, Matcher};
    use crate::model::{text::blocks, Actor, PartialDate};

    /// The sentence start as first written: every stop from the start of the text on.
    fn sentence_start_by_scanning_forward(text: &str, at: usize) -> usize {
        let head = &text[..at];
        let chars: Vec<(usize, char)> = head.char_indices().collect();
        let mut start = 0;
        for &(i, c) in &chars {
            if matches!(c, '.' | '!' | '?') {
                if let Some(next) = next_sentence(head, i, c) {
                    start = next;
                }
            }
        }
        start
    }

    #[test]
    fn sentence_start_looks_back_like_a_forward_scan() {
        let pieces = [
            "Mr.", " ", "U.S.", "said.", "”", "’", ")", "a", "!", "?", " talks", "\n", "é.", "No.",
        ];
        let mut seed = 7u64;
        for _ in 0..2000 {
            let mut text = String::new();
            for _ in 0..24 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            for (at, _) in text.char_indices() {
                assert_eq!(
                    sentence_start(&text, at),
                    sentence_start_by_scanning_forward(&text, at),
                    "{text:?} at {at}"
                );
            }
        }
    }

    #[test]
    fn long_sentences_are_cut_at_the_bound() {
        let text = "word ".repeat(2 * MAX_SENTENCE);
        assert_eq!(sentence_start(&text, text.len()), text.len() - MAX_SENTENCE);
        assert_eq!(sentence_end(&text, 0), MAX_SENTENCE);
        assert_eq!(sentence_end("Talks end. More", 0), 9);
    }

    fn actor(slug: &str, name: &str, aliases: &[&str], kind: ActorKind) -> Actor {
        Actor {
            slug: slug.into(),
            path: format!("content/actors/{slug}.md").into(),
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            kind: Some(kind),
            role: None,
            affiliation: None,
            image: None,
            members: vec![],
            events: vec![],
            body: String::new(),
        }
    }

    /// `(speaker slug or "-", partial, text)` of every quote in `body`, with a small cast.
    fn quotes_in(body: &str) -> Vec<(String, bool, String)> {
        let (paragraphs, asides) = blocks(body, true);
        let article = Article {
            slug: "a".into(),
            path: "content/articles/a.md".into(),
            title: "Title".into(),
            source: "wire".into(),
            publisher: None,
            url: None,
            published: PartialDate::parse("2024-05-03").unwrap(),
            byline: None,
            events: vec![],
            actors: vec![],
            summary: None,
            quotes: vec![],
            draft: false,
            body: body.into(),
            paragraphs,
            asides,
            paragraph_lines: vec![],
            body_line: 1,
            word_count: 0,
        };
        let dossier = Dossier {
            articles: vec![article],
            actors: vec![
                actor(
                    "jane-doe",
                    "Jane Doe",
                    &["Doe", "Ms Doe"],
                    ActorKind::Person,
                ),
                actor(
                    "john-roe",
                    "John Roe",
                    &["Roe", "Mr Roe"],
                    ActorKind::Person,
                ),
                actor("ruritania", "Ruritania", &[], ActorKind::State),
            ],
            ..Dossier::default()
        };
        let (matcher, _) = Matcher::new(&dossier);
        let mentions = find_all(&dossier, &matcher);
        let persons: Vec<bool> = dossier
            .actors
            .iter()
            .map(|a| a.kind == Some(ActorKind::Person))
            .collect();
        find(0, &dossier.articles[0], &mentions[0], &persons)
            .into_iter()
            .map(|q| {
                (
                    q.speaker
                        .map_or("-".to_owned(), |a| dossier.actors[a].slug.clone()),
                    q.partial,
                    q.text,
                )
            })
            .collect()
    }

    fn speakers(body: &str) -> Vec<String> {
        quotes_in(body).into_iter().map(|(s, _, _)| s).collect()
    }

    #[test]
    fn name_then_verb_after_the_quote() {
        assert_eq!(speakers("\"We will talk,\" Doe said.\n"), ["jane-doe"]);
        assert_eq!(
            speakers("\"We will talk,\" Doe told reporters on Friday.\n"),
            ["jane-doe"]
        );
        assert_eq!(
            speakers("\"We will talk,\" Doe said in a statement.\n"),
            ["jane-doe"]
        );
        assert_eq!(
            speakers("\"We will talk,\" Doe, the foreign minister, said.\n"),
            ["jane-doe"]
        );
    }

    #[test]
    fn verb_then_name_after_the_quote() {
        assert_eq!(
            speakers("\"We will talk,\" said Foreign Minister Jane Doe.\n"),
            ["jane-doe"]
        );
    }

    #[test]
    fn name_and_verb_before_the_quote() {
        assert_eq!(
            speakers("Roe told reporters: \"We will not talk.\"\n"),
            ["john-roe"]
        );
        assert_eq!(
            speakers("Mr Roe said in a statement: \"We will not talk.\"\n"),
            ["john-roe"]
        );
        assert_eq!(
            speakers("According to Roe, \"nothing was agreed.\"\n"),
            ["john-roe"]
        );
        assert_eq!(
            speakers("\"Nothing was agreed,\" according to Ms Doe.\n"),
            ["jane-doe"]
        );
    }

    #[test]
    fn pronouns_mean_the_last_person_who_spoke() {
        assert_eq!(
            speakers("Doe met Roe in the capital. \"It was useful,\" she said.\n"),
            ["john-roe"]
        );
        assert_eq!(
            speakers(
                "Roe said the talks would go on after Doe left. \"It was useful,\" he said.\n"
            ),
            ["john-roe"]
        );
        assert_eq!(
            speakers("Doe spoke first.\n\n\"It was useful,\" she said.\n"),
            ["jane-doe"]
        );
    }

    #[test]
    fn partial_quotes_in_running_text_go_to_the_subject() {
        let found = quotes_in("Roe called the vote a \"backdoor annexation\" of the region.\n");
        assert_eq!(
            found,
            [(
                "john-roe".to_owned(),
                true,
                "backdoor annexation".to_owned()
            )]
        );
        let found = quotes_in("Ruritania responded by calling the statement \"cynical\".\n");
        assert_eq!(found[0].0, "ruritania");
    }

    #[test]
    fn continuations_keep_their_speaker() {
        let body = "\"We came to listen,\" Doe said. \"And we came to agree.\"\n\n\"Nobody else will decide for us.\"\n";
        assert_eq!(speakers(body), ["jane-doe", "jane-doe", "jane-doe"]);
        let unclosed = "Roe said: \"The first part runs on\n\n\"and the second closes it.\"\n";
        assert_eq!(speakers(unclosed), ["john-roe", "john-roe"]);
    }

    #[test]
    fn unknown_speakers_stay_unattributed() {
        assert_eq!(
            speakers("\"We will talk,\" a senior official said.\n"),
            ["-"]
        );
        assert_eq!(
            speakers("\"We will talk,\" the Ruritania official said.\n"),
            ["-"]
        );
        assert_eq!(speakers("\"We will talk.\"\n"), ["-"]);
    }

    #[test]
    fn finds_straight_curly_unclosed_and_doubled_single_marks() {
        let text = "He said “one,” and \"two\" then ‘‘three’’ and “four";
        let found: Vec<&str> = spans(text).iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(found, ["one,", "two", "three", "four"]);
    }

    #[test]
    fn a_sentence_does_not_end_at_an_abbreviation() {
        let text = "The U.S. official said. Mr. Kerry spoke “x”";
        assert_eq!(
            &text[sentence_start(text, text.find('“').unwrap())..],
            "Mr. Kerry spoke “x”"
        );
    }

    #[test]
    fn words_keep_abbreviations_and_drop_full_stops() {
        let ws: Vec<&str> = words("U.S. officials said. Kerry's")
            .into_iter()
            .map(|w| w.2)
            .collect();
        assert_eq!(ws, ["U.S.", "officials", "said", "Kerry's"]);
    }

    #[test]
    fn normalises_for_comparison() {
        assert_eq!(normalise("We don’t, “then”"), normalise("we dont then"));
    }
}
