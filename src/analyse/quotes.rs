//! Quoted speech: passages inside double quotation marks (straight, curly, or the doubled
//! single marks some sites use). Each is first classed as a *statement* (reported speech) or a
//! *term* (a few quoted words that label something: a vote option, a name, scare quotes),
//! and a statement is attributed by the rule that explains it: `X said`, `said X`, `X vowed:`,
//! `according to X`, `X was quoted as saying`, `he said` resolved to the subject who spoke,
//! a continuation of the quote before. Precision first: a rule that cannot choose between two
//! people leaves the quote *uncertain* with its candidates, for the analyst to confirm, and a
//! quote no rule explains stays unattributed. A term is never attributed.

use crate::model::{ActorKind, Article, Dossier, Pronoun};
use crate::vocab::{
    is_person_noun, is_plural_person_noun, is_title_word, reporting_verb, reports_words, VerbForm,
    ABBREVIATED_MONTHS, HONORIFICS, TITLE_WORDS, WEEKDAYS,
};

use super::mentions::Mention;

/// What a quoted span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Reported speech or writing.
    Statement,
    /// Quoted words that label something (a vote option, a title, scare quotes).
    Term,
}

/// The rule that decided a quote's kind and speaker; its name is exported and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// `quotes:` in the article's front matter.
    Hand,
    /// `“…,” Ortiz said`, `“…,” Ortiz, the president, said`.
    NameVerbAfter,
    /// `“…,” said Ortiz`.
    VerbNameAfter,
    /// `“…,” she said`, resolved to the subject who spoke.
    PronounAfter,
    /// `according to Ortiz`.
    AccordingTo,
    /// `Ortiz said: “…”`, `Ortiz vowed: “…”`, `Ortiz told reporters “…”`.
    NameVerbBefore,
    /// `Ortiz took to social media, declaring: “…”`.
    ParticipleBefore,
    /// `Ortiz was quoted as saying “…”`.
    QuotedAsSaying,
    /// `She said: “…”`, resolved to the subject who spoke.
    PronounBefore,
    /// `Ortiz called the deal “a betrayal”`: the subject of the reporting verb before a quote
    /// in running text.
    PartialSubject,
    /// `Putin's appeal for “…”`: the words of an actor's statement, named as such.
    Possessive,
    /// A second quote in the same sentence as one already attributed.
    SameSentence,
    /// `“…,” Ortiz said. “…”`: a quote right after an attributed one.
    ContinuationSentence,
    /// A paragraph that opens with a quote continues the previous paragraph's quote.
    ContinuationParagraph,
    /// `“…,” the ministry said`: a description that fits one actor named just before.
    Description,
    /// `Sarr: “…”`: an interview answer or a transcript line.
    NameColon,
    /// `“…” — Benedita Sarr (@bsarr), 4 September`: a post with its credit line.
    Credit,
    /// A list item quoted after `The ministry said it would:`.
    ListIntro,
    /// `She smiled. “Ask me again next week.”`: a quote right after a short sentence about
    /// its speaker.
    ActionBeat,
    /// `“…,” a senior official said`: a speaker who is not an actor of the dossier.
    UnnamedSpeaker,
    /// A pronoun or a clause with more than one possible speaker.
    Ambiguous,
    /// No rule explains the quote.
    NoPattern,
    /// A short quoted label after `so-called`, `dubbed`, `known as`, `Operation`….
    TermLabel,
    /// `said “no” to`, `a “yes” campaign`.
    TermVoteOption,
    /// A short quote in running text that no reporting verb introduces: a name or scare
    /// quotes (`the “framework accord,” signed in May`).
    TermShort,
}

impl Rule {
    /// The rule's name as exported in `dossier.json`.
    pub fn name(self) -> &'static str {
        match self {
            Rule::Hand => "front-matter",
            Rule::NameVerbAfter => "name-verb-after",
            Rule::VerbNameAfter => "verb-name-after",
            Rule::PronounAfter => "pronoun-after",
            Rule::AccordingTo => "according-to",
            Rule::NameVerbBefore => "name-verb-before",
            Rule::ParticipleBefore => "participle-before",
            Rule::QuotedAsSaying => "quoted-as-saying",
            Rule::PronounBefore => "pronoun-before",
            Rule::PartialSubject => "partial-subject",
            Rule::Possessive => "possessive-speech-noun",
            Rule::SameSentence => "same-sentence",
            Rule::ContinuationSentence => "continuation-sentence",
            Rule::ContinuationParagraph => "continuation-paragraph",
            Rule::Description => "definite-description",
            Rule::NameColon => "name-colon",
            Rule::Credit => "credit-line",
            Rule::ListIntro => "list-introduction",
            Rule::ActionBeat => "action-beat",
            Rule::UnnamedSpeaker => "unnamed-speaker",
            Rule::Ambiguous => "ambiguous",
            Rule::NoPattern => "no-pattern",
            Rule::TermLabel => "term-label",
            Rule::TermVoteOption => "term-vote-option",
            Rule::TermShort => "term-short",
        }
    }

    /// How the rule decided, in words a reader understands (shown on hover).
    pub fn explain(self) -> &'static str {
        match self {
            Rule::Hand => "attributed by the analyst in the article's front matter",
            Rule::NameVerbAfter => "the speaker is named before the reporting verb after the quote",
            Rule::VerbNameAfter => "the speaker is named after the reporting verb after the quote",
            Rule::PronounAfter => {
                "“he/she said” after the quote, resolved to the only person it can mean"
            }
            Rule::AccordingTo => "“according to” the speaker",
            Rule::NameVerbBefore => "the speaker and a reporting verb introduce the quote",
            Rule::ParticipleBefore => {
                "the subject of the sentence introduces the quote with a reporting verb"
            }
            Rule::QuotedAsSaying => "the speaker “was quoted as saying”",
            Rule::PronounBefore => {
                "“he/she said” before the quote, resolved to the only person it can mean"
            }
            Rule::PartialSubject => "the subject of the reporting verb before the quoted words",
            Rule::Possessive => "the words of the speaker's statement, appeal or remarks",
            Rule::SameSentence => "in the same sentence as a quote by the same speaker",
            Rule::ContinuationSentence => "continues the quote just before it",
            Rule::ContinuationParagraph => "continues the quote of the previous paragraph",
            Rule::Description => {
                "“the ministry”, “the minister”: the one actor named just before that the words describe"
            }
            Rule::NameColon => "the speaker's name and a colon open the line, as in a transcript",
            Rule::Credit => "a dash and the author's name follow the quote, as under a post",
            Rule::ListIntro => "a list item after the speaker's “said it would:”",
            Rule::ActionBeat => "right after a short sentence about the speaker",
            Rule::UnnamedSpeaker => {
                "the words name a speaker the rules cannot tie to a listed actor (someone unnamed, a spokesperson, or a description)"
            }
            Rule::Ambiguous => "more than one person could be the speaker",
            Rule::NoPattern => "no rule explains who speaks",
            Rule::TermLabel => "a label introduced as a name (so-called, dubbed, known as…)",
            Rule::TermVoteOption => "a vote option or answer, not a statement",
            Rule::TermShort => "a few quoted words that no reporting verb introduces",
        }
    }
}

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
    /// Statement or term.
    pub kind: QuoteKind,
    /// Index into `Dossier::actors`; `Some` only when a rule is sure (never for a term).
    pub speaker: Option<usize>,
    /// The actors who might be the speaker when no rule could choose; empty otherwise. A quote
    /// with candidates is *uncertain*.
    pub candidates: Vec<usize>,
    /// The rule that decided.
    pub rule: Rule,
    /// Quoted words inside running text ("called the plebiscite a “backdoor annexation”").
    pub partial: bool,
    /// From the article's `quotes:` front matter.
    pub by_hand: bool,
    /// Byte offset of the quoted words in the block's plain text (0 for a quote added by hand).
    pub offset: usize,
}

impl Quote {
    /// Whether a rule left the speaker open between candidates.
    pub fn uncertain(&self) -> bool {
        !self.candidates.is_empty()
    }

    /// Whether this is reported speech (not a quoted term).
    pub fn is_statement(&self) -> bool {
        self.kind == QuoteKind::Statement
    }
}

/// Who spoke, as far as a rule can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Actor(usize),
    /// Someone who is not an actor of the dossier ("a senior official").
    Unnamed,
}

/// A rule's decision on one statement.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Decision {
    Sure(Who, Rule),
    /// More than one actor could have spoken.
    Open(Vec<usize>),
}

impl Decision {
    fn actor(a: usize, rule: Rule) -> Decision {
        Decision::Sure(Who::Actor(a), rule)
    }

    fn who(&self) -> Option<Who> {
        match self {
            Decision::Sure(who, _) => Some(*who),
            Decision::Open(_) => None,
        }
    }

    /// The decision with `excluded` ruled out as speakers: one of them decided is no speaker
    /// any rule can tell, and candidates lose them.
    fn without(self, excluded: &[usize]) -> Decision {
        match self {
            Decision::Sure(Who::Actor(a), _) if excluded.contains(&a) => {
                Decision::Sure(Who::Unnamed, Rule::NoPattern)
            }
            Decision::Open(mut candidates) => {
                candidates.retain(|a| !excluded.contains(a));
                if candidates.is_empty() {
                    Decision::Sure(Who::Unnamed, Rule::NoPattern)
                } else {
                    Decision::Open(candidates)
                }
            }
            other => other,
        }
    }
}

/// A person outside the cast named in an article ("Mr. Delk", "Foreign Minister Arvo Delk"):
/// whom a description such as "the minister" may mean rather than an actor named earlier.
#[derive(Debug, Clone)]
struct Stranger {
    /// The number of the block.
    block: usize,
    /// Where the name (with its title) starts in the block.
    at: usize,
    /// The lowercase title words that describe the person ("foreign", "minister").
    titles: Vec<String>,
    /// Whether the text says what the person is (a title, "Arvo Delk, the foreign minister",
    /// "Vesna Korda, who chairs the patients' association"), not just the name ("Mr. Delk",
    /// "Ilse Strand, 34,").
    described: bool,
}

/// Whom a description ("the minister") may mean.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Described {
    /// The actors it fits (none, one, or several to choose from).
    Actors(Vec<usize>),
    /// Someone outside the cast with its title words, named since the actors it fits.
    Stranger,
    /// The actors it fits, and someone outside the cast without a title named since them.
    Maybe(Vec<usize>),
}

impl Described {
    /// The one actor it surely means.
    fn one(&self) -> Option<usize> {
        match self {
            Described::Actors(found) if found.len() == 1 => Some(found[0]),
            _ => None,
        }
    }
}

/// What attribution knows of each actor: whether "he", "she", "they" or "it" may mean it.
pub struct Cast {
    kinds: Vec<Option<ActorKind>>,
    pronouns: Vec<Option<Pronoun>>,
    /// The lowercase words of each actor's name, aliases and role: what "the ministry" or
    /// "the interior minister" may refer to.
    heads: Vec<Vec<String>>,
    /// Each of those words → the actors that have it.
    by_word: std::collections::HashMap<String, Vec<usize>>,
    /// Per actor, the words of its heads that stand only in a compound office ("minister" of
    /// "Prime Minister"), each with the words it needs beside it ([`compounds`]).
    bound: Vec<Vec<(String, Vec<String>)>>,
    /// The lowercase words of each actor's name and aliases → the actors that have it: whom a
    /// quote addressing someone by name ("Wenna, …") may mean.
    by_name: std::collections::HashMap<String, Vec<usize>>,
}

/// Words that make the title after them another office: a prime minister is not "the
/// minister", a vice president not "the president", a deputy governor not "the governor".
const COMPOUND_PREFIXES: &[&str] = &["prime", "vice", "deputy", "assistant", "under", "junior"];

/// Titles that "general" after them makes another office: an attorney general is neither
/// "the attorney" nor "the general" (a major general is a general).
const GENERAL_OFFICES: &[&str] = &[
    "attorney",
    "solicitor",
    "secretary",
    "director",
    "governor",
    "surgeon",
    "auditor",
    "inspector",
    "postmaster",
    "consul",
    "procurator",
    "prosecutor",
    "comptroller",
];

/// The words of `phrases` (an actor's name, aliases and role) that stand only inside a
/// compound office, each with the words it is bound to: "Prime Minister of Telmark" binds
/// "prime" and "minister" to each other, "Deputy Prime Minister" binds "prime" to both
/// "deputy" and "minister". A word also written alone in another phrase is free.
fn compounds<'a>(phrases: impl Iterator<Item = &'a str>) -> Vec<(String, Vec<String>)> {
    let bound_pair = |a: &str, b: &str| {
        COMPOUND_PREFIXES.contains(&a)
            || (a == "lieutenant" && b == "governor")
            || (b == "general" && GENERAL_OFFICES.contains(&a))
    };
    let mut bound: Vec<(String, Vec<String>)> = Vec::new();
    let mut free: Vec<String> = Vec::new();
    for phrase in phrases {
        let ws: Vec<String> = words(phrase)
            .into_iter()
            .map(|(_, _, w)| w.to_lowercase())
            .collect();
        for (i, w) in ws.iter().enumerate() {
            let mut partners: Vec<String> = Vec::new();
            if let Some(next) = ws.get(i + 1).filter(|n| bound_pair(w, n)) {
                partners.push(next.clone());
            }
            if let Some(prev) = i
                .checked_sub(1)
                .map(|j| &ws[j])
                .filter(|p| bound_pair(p, w))
            {
                partners.push(prev.clone());
            }
            if partners.is_empty() {
                free.push(w.clone());
            } else {
                match bound.iter_mut().find(|(b, _)| b == w) {
                    Some((_, all)) => all.extend(partners),
                    None => bound.push((w.clone(), partners)),
                }
            }
        }
    }
    bound.retain(|(w, _)| !free.contains(w));
    bound
}

impl Cast {
    pub fn of(dossier: &Dossier) -> Cast {
        Cast {
            kinds: dossier.actors.iter().map(|a| a.kind).collect(),
            pronouns: dossier.actors.iter().map(|a| a.pronoun).collect(),
            heads: dossier
                .actors
                .iter()
                .map(|a| {
                    // The role's first phrase only: "Governor of the National Bank,
                    // dismissed by decree in October" describes a governor, not a decree.
                    let role = a.role.as_deref().and_then(first_phrase);
                    let mut heads: Vec<String> = std::iter::once(a.name.as_str())
                        .chain(a.aliases.iter().map(String::as_str))
                        .chain(role)
                        .flat_map(words)
                        .map(|(_, _, w)| w.to_lowercase())
                        .filter(|w| !DOCUMENT_NOUNS.contains(&w.as_str()))
                        .collect();
                    heads.sort();
                    heads.dedup();
                    heads
                })
                .collect(),
            by_word: std::collections::HashMap::new(),
            bound: dossier
                .actors
                .iter()
                .map(|a| {
                    let role = a.role.as_deref().and_then(first_phrase);
                    compounds(
                        std::iter::once(a.name.as_str())
                            .chain(a.aliases.iter().map(String::as_str))
                            .chain(role),
                    )
                })
                .collect(),
            by_name: std::collections::HashMap::new(),
        }
        .indexed(dossier)
    }

    /// Fills [`Cast::by_word`] from the heads, and [`Cast::by_name`] from the names.
    fn indexed(mut self, dossier: &Dossier) -> Cast {
        for (actor, heads) in self.heads.iter().enumerate() {
            for word in heads {
                self.by_word.entry(word.clone()).or_default().push(actor);
            }
        }
        for (index, actor) in dossier.actors.iter().enumerate() {
            let mut names: Vec<String> = std::iter::once(actor.name.as_str())
                .chain(actor.aliases.iter().map(String::as_str))
                .flat_map(words)
                .map(|(_, _, w)| w.to_lowercase())
                .collect();
            names.sort();
            names.dedup();
            for name in names {
                self.by_name.entry(name).or_default().push(index);
            }
        }
        self
    }

    /// Whether every word of `description` ("interior minister") names `actor`, and a word
    /// bound in a compound office ("minister" of "Prime Minister") only with the words it is
    /// bound to.
    fn described_by(&self, actor: usize, description: &[&str]) -> bool {
        let lower: Vec<String> = description.iter().map(|w| w.to_lowercase()).collect();
        !description.is_empty()
            && lower.iter().all(|w| {
                self.heads[actor].binary_search(w).is_ok()
                    || w.strip_suffix('s')
                        .is_some_and(|s| self.heads[actor].iter().any(|h| h == s))
            })
            && self.bound[actor].iter().all(|(word, partners)| {
                !lower.contains(word) || partners.iter().all(|p| lower.contains(p))
            })
    }

    /// The actors a quote addresses by name, who are therefore not its speaker: a name (with
    /// its title) and a comma opening the quote ("Wenna, not one bed more"), or a comma and a
    /// name closing it ("Thank you, Mayor Oran."). Every word of the name but titles must be a
    /// word of the actor's name or aliases. Not a list of names ("Lask, Oran and I") nor a
    /// name with its relative clause or age ("Oran, who …", "Oran, 54,").
    fn addressed(&self, quoted: &str) -> Vec<usize> {
        let mut out = Vec::new();
        let quoted = quoted.trim();
        if let Some((head, rest)) = quoted.split_once(',') {
            let next = word_iter(rest).next().map(|(_, _, w)| w);
            let listed = next.is_some_and(|w| {
                w.starts_with(char::is_uppercase) && self.by_name.contains_key(&w.to_lowercase())
                    || matches!(w, "who" | "whose" | "which" | "and" | "or" | "aged")
                    || w.starts_with(|c: char| c.is_ascii_digit())
            });
            if !listed {
                out.extend(self.named_by(head));
            }
        }
        let body = quoted.trim_end_matches(['.', ',', '!', '?', '…', '"', '”', '’', '\'', ' ']);
        if let Some((before, tail)) = body.rsplit_once(',') {
            if !before.trim().is_empty() {
                out.extend(self.named_by(tail));
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The actors that `phrase` names when it is nothing but a name, with any honorific or
    /// title: "Wenna", "Mr Quist", "Mayor Oran". A bare title ("Minister") names nobody.
    fn named_by(&self, phrase: &str) -> Vec<usize> {
        let ws = words(phrase);
        if ws.is_empty()
            || ws.len() > 4
            || phrase.contains(['“', '"', ':', ';', '(', '—'])
            || !ws
                .iter()
                .all(|(_, _, w)| w.chars().next().is_some_and(char::is_uppercase))
        {
            return Vec::new();
        }
        let name: Vec<String> = ws
            .iter()
            .map(|(_, _, w)| w.trim_end_matches('.'))
            .filter(|w| {
                let lower = w.to_lowercase();
                !HONORIFICS.contains(w) && !is_title_word(&lower) && !is_person_noun(&lower)
            })
            .map(str::to_lowercase)
            .collect();
        let Some(first) = name.first() else {
            return Vec::new();
        };
        self.by_name
            .get(first)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&a| {
                name.iter()
                    .all(|w| self.by_name.get(w).is_some_and(|v| v.contains(&a)))
            })
            .collect()
    }

    fn is_person(&self, actor: usize) -> bool {
        self.kinds[actor] == Some(ActorKind::Person)
    }

    /// Whether `pronoun` may stand for `actor`.
    fn fits(&self, pronoun: Pronoun, actor: usize) -> bool {
        let person = self.kinds[actor] == Some(ActorKind::Person);
        match (pronoun, self.pronouns[actor]) {
            (p, Some(given)) => p == given,
            (Pronoun::He | Pronoun::She, None) => person,
            (Pronoun::They | Pronoun::It, None) => !person && self.kinds[actor].is_some(),
        }
    }
}

/// The first phrase of an actor's role, what describes it: "Governor of the National Bank"
/// of "Governor of the National Bank, dismissed by decree in October".
fn first_phrase(role: &str) -> Option<&str> {
    role.split([',', ';', '(', '—', '–']).next()
}

/// A quoted span in a block of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    /// Byte offset of the opening mark.
    pub(crate) open: usize,
    /// The quoted words.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Just after the closing mark (`end` when there is none).
    pub(crate) close: usize,
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
    let cast = Cast::of(dossier);
    (0..dossier.articles.len())
        .into_par_iter()
        .map(|index| find_with(dossier, index, &mentions[index], &cast))
        .collect()
}

/// The quotes of article `index` alone, with its hand-written `quotes:` applied.
pub fn find_one(dossier: &Dossier, index: usize, mentions: &[Mention]) -> Vec<Quote> {
    find_with(dossier, index, mentions, &Cast::of(dossier))
}

fn find_with(dossier: &Dossier, index: usize, mentions: &[Mention], cast: &Cast) -> Vec<Quote> {
    let article = &dossier.articles[index];
    let mut quotes = find(index, article, mentions, cast);
    apply_hand_quotes(dossier, index, &mut quotes);
    quotes
}

/// The speaker a pronoun may continue from earlier text: the last statement's speaker and the
/// subject of the last sentence.
#[derive(Debug, Clone, Default)]
struct Context {
    /// The speaker of the last statement in this block or the one before.
    last: Option<Who>,
    /// The subject of the last sentence of the previous block.
    subject: Option<Subject>,
    /// The actors named (outside quotes) in the last sentence of the previous block.
    named: Vec<usize>,
}

/// The quotes of one article.
pub fn find(
    article_index: usize,
    article: &Article,
    mentions: &[Mention],
    cast: &Cast,
) -> Vec<Quote> {
    let mut quotes: Vec<Quote> = Vec::new();
    let mut context = Context::default();
    // Who spoke last in the previous block (`None` when it had no statement).
    let mut previous_block: Option<Who> = None;
    // Actors mentioned in earlier blocks, with the block's number and where the name ends.
    let mut seen: Vec<(usize, usize, usize)> = Vec::new();
    // People outside the cast named in earlier blocks.
    let mut strangers: Vec<Stranger> = Vec::new();
    // Who speaks in the list after a paragraph that ends with a colon.
    let mut intro: Option<Who> = None;
    // Per quote: whether it runs on past the end of its block unclosed, and whether it
    // opens its block (for quotes that run over several paragraphs).
    let mut flow: Vec<(bool, bool)> = Vec::new();
    for (block_number, (paragraph, aside, text)) in blocks(article).into_iter().enumerate() {
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
        let block = Block {
            text,
            spans: &spans,
            mentions: &here,
            cast,
            seen: &seen,
            strangers: &strangers,
            here: std::cell::OnceCell::new(),
            number: block_number,
        };
        // The last statement of this block: its span and who spoke.
        let mut last_in_block: Option<(Span, Option<Who>)> = None;
        // Where the last quote (statement or term) closed: a clause starts there.
        let mut last_close = 0;
        for span in &spans {
            // The clause before the quote: from the sentence start or the previous quote's end.
            let sentence_at = sentence_start(text, span.open);
            let sentence = sentence_at.max(last_close);
            let before = text[sentence..span.open].trim_end();
            // A quote in running text, or one a clause introduces (`Ortiz said: “…”`, `Ortiz
            // said, “…”`); a comma after anything but a reporting verb is running text (`a
            // word from the highland language, “kalunga”, to describe`).
            let introduced = before.ends_with(':')
                || before.ends_with(',')
                    && words(before).iter().rev().take(6).any(|(_, _, w)| {
                        reporting_verb(w).is_some_and(|(f, _)| f != VerbForm::Base)
                            || *w == "according"
                    });
            let partial = !before.trim_start().is_empty() && !introduced;
            let words_between_last =
                last_in_block.map(|(s, _)| words(&text[s.close..span.open]).len());
            let quoted = text[span.start..span.end].trim();
            last_close = span.close;
            if let Some(rule) = block.term(span, sentence, partial) {
                flow.push((false, false));
                quotes.push(Quote {
                    article: article_index,
                    paragraph,
                    aside,
                    text: quoted.to_owned(),
                    kind: QuoteKind::Term,
                    speaker: None,
                    candidates: Vec::new(),
                    rule,
                    partial,
                    by_hand: false,
                    offset: span.start,
                });
                continue;
            }
            let pronoun_context =
                block.pronoun_context(sentence_at, span.open, last_in_block, &context);
            // "“Wenna, …,” she said": whom the quote addresses by name does not speak it.
            let addressed = cast.addressed(quoted);
            let decision = block
                .after(span, partial, &pronoun_context)
                .or_else(|| block.before(sentence, span, &pronoun_context))
                .or_else(|| {
                    // A list item quoted after "The ministry said it would:".
                    if aside.is_some() && last_in_block.is_none() {
                        if let Some(who) = intro {
                            let own = if partial {
                                block.partial(sentence, span, &pronoun_context)
                            } else {
                                None
                            };
                            return own.or(Some(Decision::Sure(who, Rule::ListIntro)));
                        }
                    }
                    if partial {
                        // "… describes them as “x” and says the vote is “y”": a quote whose
                        // clause names nobody shares the speaker of the quote before it.
                        return block.partial(sentence, span, &pronoun_context).or_else(|| {
                            last_in_block
                                .filter(|(s, _)| s.close == sentence)
                                .and_then(|(_, who)| who)
                                .map(|who| Decision::Sure(who, Rule::SameSentence))
                        });
                    }
                    // A second quote after `“…,” Lavrov said.` continues the same speaker.
                    // Up to 30 words (its attribution clause) that name nobody else.
                    if let (Some((last, Some(who))), Some(n)) = (last_in_block, words_between_last)
                    {
                        let someone_else = here.iter().any(|m| {
                            m.start >= last.close
                                && m.end <= span.open
                                && Who::Actor(m.actor) != who
                        });
                        if n <= 8 || (n <= 30 && !someone_else) {
                            return Some(Decision::Sure(who, Rule::ContinuationSentence));
                        }
                    }
                    // `She smiled. “Ask me again next week.”`
                    if sentence_at > 0 && last_in_block.is_none_or(|(s, _)| s.close <= sentence_at)
                    {
                        let previous = sentence_start(text, text[..sentence_at].trim_end().len());
                        let short = word_iter(&text[previous..sentence_at]).take(9).count() <= 8
                            && !spans
                                .iter()
                                .any(|s| s.open >= previous && s.open < sentence_at);
                        let subject = match block.subject_of(previous, sentence_at) {
                            Subject::Pronoun(_) => {
                                block.subject_chain(sentence_at, context.subject).0
                            }
                            other => Some(other),
                        };
                        if let (true, Some(Subject::Actor(a))) = (short, subject) {
                            return Some(Decision::actor(a, Rule::ActionBeat));
                        }
                    }
                    // A paragraph that opens with a quote continues the previous paragraph's.
                    let opens_block = text[..span.open].trim().is_empty();
                    if opens_block && last_in_block.is_none() {
                        if let Some(who) = previous_block {
                            return Some(Decision::Sure(who, Rule::ContinuationParagraph));
                        }
                    }
                    None
                })
                .map(|d| d.without(&addressed));
            let (speaker, candidates, rule) = match &decision {
                Some(Decision::Sure(Who::Actor(a), rule)) => (Some(*a), Vec::new(), *rule),
                Some(Decision::Sure(Who::Unnamed, rule)) => (None, Vec::new(), *rule),
                Some(Decision::Open(candidates)) => (None, candidates.clone(), Rule::Ambiguous),
                None => (None, Vec::new(), Rule::NoPattern),
            };
            last_in_block = Some((*span, decision.as_ref().and_then(Decision::who)));
            flow.push((
                span.close == span.end && span.end == text.len(),
                text[..span.open].trim().is_empty(),
            ));
            quotes.push(Quote {
                article: article_index,
                paragraph,
                aside,
                text: quoted.to_owned(),
                kind: QuoteKind::Statement,
                speaker,
                candidates,
                rule,
                partial,
                by_hand: false,
                offset: span.start,
            });
        }
        if aside.is_none() {
            // "The ministry said it would:" introduces the list that follows.
            intro = None;
            if text.trim_end().ends_with(':') {
                let end = text.trim_end().len();
                let at_end = Span {
                    open: end,
                    start: end,
                    end,
                    close: end,
                };
                let pronoun_context =
                    block.pronoun_context(sentence_start(text, end), end, last_in_block, &context);
                intro = block
                    .before(sentence_start(text, end), &at_end, &pronoun_context)
                    .and_then(|d| d.who());
            }
        }
        let subject = block
            .subject_chain(text.len(), context.subject)
            .0
            .unwrap_or(Subject::Nothing);
        match last_in_block {
            Some((_, who)) => {
                context.last = who;
                previous_block = who;
            }
            None => {
                // A block without a statement breaks the chain of continuations; a new
                // subject in it replaces the last speaker as whom a pronoun may mean.
                if matches!(
                    subject,
                    Subject::Actor(_) | Subject::AndOther(..) | Subject::Unnamed | Subject::People
                ) {
                    context.last = None;
                }
                previous_block = None;
            }
        }
        context.subject = Some(subject);
        context.named = block.named_before(text.len()).unwrap_or_default();
        let named_here = block.strangers_here().to_vec();
        seen.extend(here.iter().map(|m| (m.actor, block_number, m.end)));
        strangers.extend(named_here);
    }
    // A quote that runs over several paragraphs is attributed at its end ("“… / “… / “…,” he
    // said."): its earlier paragraphs take the speaker of the paragraph that continues them.
    for i in (0..quotes.len().saturating_sub(1)).rev() {
        let (runs_on, _) = flow[i];
        let (_, next_opens) = flow[i + 1];
        let (earlier, later) = quotes.split_at_mut(i + 1);
        let (q, next) = (&mut earlier[i], &later[0]);
        if runs_on
            && next_opens
            && q.rule == Rule::NoPattern
            && next.is_statement()
            && next.rule != Rule::NoPattern
            && (next.paragraph, next.aside) != (q.paragraph, q.aside)
        {
            q.speaker = next.speaker;
            q.candidates = next.candidates.clone();
            q.rule = if next.uncertain() {
                Rule::Ambiguous
            } else {
                Rule::ContinuationParagraph
            };
        }
    }
    quotes.retain(|q| !q.text.is_empty());
    quotes
}

/// Hand-written `quotes:` attribute the detected quote they match, or are added; `reject:
/// true` removes it and `kind: term` makes it a term.
fn apply_hand_quotes(dossier: &Dossier, article_index: usize, quotes: &mut Vec<Quote>) {
    let article = &dossier.articles[article_index];
    for hand in &article.quotes {
        let speaker = hand.by.as_deref().and_then(|s| dossier.actor_index(s));
        let key = normalise(&hand.text);
        let key_words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
        // The same words, or the detected quote holding the hand-written words as whole words
        // (a detected quote inside the hand-written one only when it has 4 words or more:
        // "no" is not "We will not negotiate").
        let matches = |q: &Quote| {
            let k = normalise(&q.text);
            let words: Vec<&str> = k.split(' ').filter(|w| !w.is_empty()).collect();
            !words.is_empty()
                && !key_words.is_empty()
                && (words == key_words
                    || contains_words(&words, &key_words)
                    || (words.len() >= 4 && contains_words(&key_words, &words)))
        };
        if hand.reject {
            quotes.retain(|q| !matches(q));
            continue;
        }
        let (kind, speaker) = if hand.term {
            (QuoteKind::Term, None)
        } else {
            (QuoteKind::Statement, speaker)
        };
        match quotes.iter_mut().find(|q| matches(q)) {
            Some(quote) => {
                quote.kind = kind;
                quote.speaker = speaker;
                quote.candidates.clear();
                quote.rule = Rule::Hand;
                quote.by_hand = true;
            }
            None => {
                let paragraph = article
                    .paragraphs
                    .iter()
                    .position(|p| {
                        let text = normalise(p);
                        let words: Vec<&str> = text.split(' ').collect();
                        contains_words(&words, &key_words)
                    })
                    .map_or(0, |i| i + 1);
                quotes.push(Quote {
                    article: article_index,
                    paragraph,
                    aside: None,
                    text: hand.text.clone(),
                    kind,
                    speaker,
                    candidates: Vec::new(),
                    rule: Rule::Hand,
                    partial: false,
                    by_hand: true,
                    offset: 0,
                });
            }
        }
    }
}

/// What stands in the subject position of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Subject {
    Actor(usize),
    /// "Ortiz and Ruiz met …": two actors.
    Both(usize, usize),
    /// "Mayor Oran and Colonel Teska walked …": an actor and someone outside the cast, with
    /// the pronoun the other one's words tell ("his wife", "Mr"), if any.
    AndOther(usize, Option<Pronoun>),
    /// "He", "She", "It", "They": the subject of the sentence before.
    Pronoun(Pronoun),
    /// A person who is not an actor ("A police officer").
    Unnamed,
    /// People who are not actors ("The relatives", "Colleagues"): whom "they" may mean, not
    /// "he" or "she".
    People,
    /// No person: a thing, an event, or a sentence we cannot read.
    Nothing,
}

/// What a pronoun may refer back to.
#[derive(Debug, Clone)]
struct PronounContext {
    /// The speaker of the last statement before the pronoun (this block or the previous one).
    last: Option<Who>,
    /// The subject of the sentence before the one holding the pronoun (past people who are
    /// not actors: [`PronounContext::people`]).
    previous: Option<Subject>,
    /// Whether that sentence's subject is people who are not actors ("The relatives said
    /// …"): whom "they" means.
    people: bool,
    /// The actors named (outside quotes) in that sentence.
    named: Vec<usize>,
    /// The actors named (outside quotes) in this block since its last statement (since its
    /// start when it has none), before the quote.
    since: Vec<usize>,
    /// Whether the sentence just before asks something in its own voice ("He asks whether
    /// …"): then its subject is not the one who replies.
    asks: bool,
}

/// One block of text with what attribution needs of it.
struct Block<'a> {
    text: &'a str,
    spans: &'a [Span],
    /// The mentions outside quotes, in text order.
    mentions: &'a [&'a Mention],
    cast: &'a Cast,
    /// The actors mentioned (outside quotes) in earlier blocks, the most recent block last,
    /// with the number of the block and where the name ends.
    seen: &'a [(usize, usize, usize)],
    /// The people outside the cast named in earlier blocks, the most recent last.
    strangers: &'a [Stranger],
    /// Those named in this block ([`Block::strangers_here`]).
    here: std::cell::OnceCell<Vec<Stranger>>,
    /// The number of this block.
    number: usize,
}

/// Nouns for what someone said: "Putin's appeal", "Sarr's first words".
const SPEECH_NOUNS: &[&str] = &[
    "appeal",
    "statement",
    "remarks",
    "words",
    "comments",
    "speech",
    "letter",
    "message",
    "call",
    "warning",
    "pledge",
    "promise",
    "demand",
    "plea",
    "claim",
    "tweet",
    "post",
    "response",
    "reply",
    "announcement",
    "address",
    "declaration",
    "answer",
    "reaction",
    "verdict",
    "thread",
    "caption",
];

/// Determiners and possessives that open a noun phrase.
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our",
    "your", "my", "one", "another", "some", "any", "every", "each", "A", "An", "The", "This",
    "That", "These", "Those", "Its", "Their", "His", "Her", "Our", "One", "Another", "Some",
];

/// Words that open a clause of time or place before a sentence's subject ("On Monday,").
const LEADING_ADVERBIALS: &[&str] = &[
    "On",
    "In",
    "At",
    "After",
    "Before",
    "During",
    "Earlier",
    "Later",
    "Last",
    "Yesterday",
    "Today",
    "Meanwhile",
    "However",
    "Separately",
    "Speaking",
    "Asked",
    "When",
    "While",
    "Since",
    "Following",
    "Despite",
    "Elsewhere",
    "Also",
    "Still",
    "Now",
    "Then",
    "But",
    "And",
    "Outside",
    "Inside",
    "Back",
    "From",
    "Across",
    "Addressing",
    "Writing",
    "Responding",
    "Interviewed",
    "Shortly",
    "Within",
    "Hours",
    "Days",
    "Minutes",
];

/// Who speaks for someone: "his office said", "her spokeswoman", "the mayor's aides".
const OFFICE_NOUNS: &[&str] = &[
    "office",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "aide",
    "aides",
    "staff",
    "team",
    "campaign",
    "camp",
    "entourage",
];

/// Forms of "to be" before a past participle that make it passive ("Ruiz was told").
const BE_FORMS: &[&str] = &["was", "were", "is", "are", "been", "being", "be"];

/// Nouns for texts, not for those who speak: "the decree says", "the report found" credit no
/// actor whose name or role holds the word.
const DOCUMENT_NOUNS: &[&str] = &[
    "decree",
    "decrees",
    "report",
    "reports",
    "letter",
    "letters",
    "law",
    "laws",
    "bill",
    "order",
    "ruling",
    "document",
    "documents",
    "memo",
    "memorandum",
    "communique",
    "communiqué",
    "resolution",
    "text",
    "statement",
    "filing",
    "judgment",
    "judgement",
    "verdict",
];

/// Verbs that put something in a category: a quoted category after "as" ("treated the leak
/// as a “concern”") is a term, whoever speaks in the sentence.
const CLASSIFYING: &[&str] = &[
    "treat",
    "treats",
    "treated",
    "treating",
    "class",
    "classed",
    "classify",
    "classified",
    "rate",
    "rated",
    "grade",
    "graded",
    "list",
    "listed",
    "designate",
    "designated",
    "categorise",
    "categorised",
    "categorize",
    "categorized",
    "register",
    "registered",
    "log",
    "logged",
    "record",
    "recorded",
];

/// Prepositions: a name after one is an object, not a subject.
const PREPOSITIONS: &[&str] = &[
    "with", "by", "to", "from", "for", "against", "about", "of", "at", "on", "in", "after",
    "before", "than", "like", "toward", "towards", "between", "among", "under", "over", "without",
    "behind", "beside", "near", "via", "into", "onto", "upon",
];

impl Block<'_> {
    /// The mentions that end before `at`, in text order.
    fn mentions_before(&self, at: usize) -> &[&Mention] {
        &self.mentions[..self.mentions.partition_point(|m| m.end <= at)]
    }

    /// The speaker of a transcript line ("Strand: …", "Inspector Vela: …": a name, with its
    /// title, and a colon open the block), and where its label ends.
    fn line_speaker(&self) -> Option<(usize, usize)> {
        let m = self.mentions.first()?;
        (self.text[m.end..].starts_with(':') && self.title_only(0, m.start))
            .then_some((m.actor, m.end + 1))
    }

    /// Whether the words from `from` (after "and" in "Mayor Oran and Colonel Teska walked")
    /// name someone outside the cast, up to the verb: a name of capitalised words with any
    /// title ("Colonel Bruno Teska"), or a person noun ("his wife, Maja", "a colleague").
    /// `Some` with the pronoun the words tell ("wife": she), `None` for no one.
    fn someone_else(&self, from: usize, end: usize) -> Option<Option<Pronoun>> {
        const SHE: &[&str] = &[
            "she",
            "wife",
            "woman",
            "mother",
            "daughter",
            "sister",
            "widow",
            "girl",
            "aunt",
            "niece",
            "grandmother",
            "Mrs",
            "Ms",
            "Miss",
            "Lady",
            "Dame",
            "Queen",
            "Princess",
        ];
        const HE: &[&str] = &[
            "he",
            "husband",
            "man",
            "father",
            "son",
            "brother",
            "widower",
            "boy",
            "uncle",
            "nephew",
            "grandfather",
            "Mr",
            "Sir",
            "Lord",
            "King",
            "Prince",
        ];
        let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let mut phrase: Vec<&str> = Vec::new();
        let mut person = false;
        // Lowercase words of a title not in the lists ("harbour master"), before any name.
        let mut modifiers = 0;
        for (_, _, w) in self.unquoted_words(from, end) {
            if is_person_noun(w) || is_plural_person_noun(w) || SHE.contains(&w) || HE.contains(&w)
            {
                person = true;
            } else if capitalised(w) {
                person |= phrase
                    .last()
                    .is_some_and(|p| capitalised(p) || HONORIFICS.contains(p) || is_person_noun(p));
            } else if !(DETERMINERS.contains(&w) || TITLE_WORDS.contains(&w)) {
                let named = person || phrase.iter().any(|p| capitalised(p));
                if named || modifiers == 3 {
                    break;
                }
                modifiers += 1;
            }
            phrase.push(w);
        }
        if !person {
            return None;
        }
        let she = phrase.iter().any(|w| SHE.contains(w));
        let he = phrase.iter().any(|w| HE.contains(w));
        Some(match (she, he) {
            (true, false) => Some(Pronoun::She),
            (false, true) => Some(Pronoun::He),
            _ => None,
        })
    }

    /// Words of `text[from..to]` outside quotes, with absolute byte ranges.
    fn unquoted_words(&self, from: usize, to: usize) -> Vec<(usize, usize, &str)> {
        words(&self.text[from..to])
            .into_iter()
            .map(|(s, e, w)| (from + s, from + e, w))
            .filter(|(s, _, _)| {
                !self
                    .spans
                    .iter()
                    .any(|q| q.open <= *s && *s < q.close.max(q.end))
            })
            .collect()
    }

    /// The subject of the sentences before `at`, looking past a pronoun to the sentence that
    /// names whom it means ("Tamas says … Asked whether …, he laughed."); `earlier` is the
    /// subject the previous block ended with. And whether the sentence just before has
    /// people who are not actors for its subject ([`PronounContext::people`]), which the
    /// chain looks past.
    fn subject_chain(&self, at: usize, earlier: Option<Subject>) -> (Option<Subject>, bool) {
        let mut at = at;
        let mut people = false;
        for k in 0..4 {
            let Some((start, end)) = self.sentence_before(at) else {
                return (earlier, people);
            };
            let subject = self.subject_of(start, end);
            people |= k == 0 && matches!(subject, Subject::People);
            // Past a pronoun, and past a sentence about no one, unless someone speaks in it
            // (then the last speaker is the one a pronoun continues).
            let quoted = self.spans.iter().any(|q| q.open >= start && q.open < end)
                && !self.unquoted_words(start, end).is_empty();
            if !matches!(
                subject,
                Subject::Pronoun(_) | Subject::Nothing | Subject::People
            ) || matches!(subject, Subject::Nothing) && quoted
            {
                return (Some(subject), people);
            }
            at = start;
        }
        (None, people)
    }

    /// What a pronoun in the sentence starting at `sentence_at`, before `at`, may mean.
    fn pronoun_context(
        &self,
        sentence_at: usize,
        at: usize,
        last_in_block: Option<(Span, Option<Who>)>,
        context: &Context,
    ) -> PronounContext {
        let since = self.actors_between(last_in_block.map_or(0, |(s, _)| s.close), at);
        let (previous, people) = self.subject_chain(sentence_at, context.subject);
        PronounContext {
            last: last_in_block.map_or(context.last, |(_, who)| who),
            previous,
            people,
            named: self
                .named_before(sentence_at)
                .unwrap_or_else(|| context.named.clone()),
            since,
            asks: self.asks_before(sentence_at),
        }
    }

    /// Whether the sentence that ends before `at` asks in its own voice: a verb of asking,
    /// not passive ("Ruiz asked whether …", not "Ruiz was asked …").
    fn asks_before(&self, at: usize) -> bool {
        let Some((start, end)) = self.sentence_before(at) else {
            return false;
        };
        let ws = self.unquoted_words(start, end);
        ws.iter().enumerate().any(|(k, (_, _, w))| {
            reporting_verb(w).is_some_and(|(form, lemma)| {
                matches!(form, VerbForm::Past | VerbForm::Third)
                    && matches!(lemma, "ask" | "question" | "query" | "press")
            }) && !k
                .checked_sub(1)
                .is_some_and(|j| BE_FORMS.contains(&ws[j].2) || matches!(ws[j].2, "got" | "gets"))
        })
    }

    /// The actors named (outside quotes) in the sentence that ends before `at`; `None` at the
    /// start of the block.
    fn named_before(&self, at: usize) -> Option<Vec<usize>> {
        let (start, end) = self.sentence_before(at)?;
        Some(self.actors_between(start, end))
    }

    /// The actors named (outside quotes) within `text[from..to]`, each once, in text order.
    fn actors_between(&self, from: usize, to: usize) -> Vec<usize> {
        let mut named: Vec<usize> = Vec::new();
        for m in self
            .mentions
            .iter()
            .filter(|m| m.start >= from && m.end <= to)
        {
            if !named.contains(&m.actor) {
                named.push(m.actor);
            }
        }
        named
    }

    /// The sentence that ends before `at` (the last one), as byte bounds: a stop at the very
    /// end starts no sentence, and a sentence that would start inside a quote starts before
    /// the quote. `None` at the start of the block.
    fn sentence_before(&self, at: usize) -> Option<(usize, usize)> {
        let text = self.text;
        let end = text[..at].trim_end().len();
        if end == 0 {
            return None;
        }
        let mut start = sentence_start(text, end);
        while let Some(q) = self
            .spans
            .iter()
            .find(|q| q.open < start && start < q.close.max(q.end))
        {
            start = sentence_start(text, q.open);
        }
        Some((start, end))
    }

    /// The subject of the sentence `text[start..end]`: the first name in subject position,
    /// a pronoun, an unnamed person, or nothing.
    fn subject_of(&self, start: usize, end: usize) -> Subject {
        // "Strand: A porter there …": a transcript line's label is not its subject; a line
        // all quoted ("Marsch: “…”") is its speaker's.
        let start = match self.line_speaker() {
            Some((speaker, label_end)) if start < label_end => {
                let label_end = label_end.min(end);
                if self.unquoted_words(label_end, end).is_empty() {
                    return Subject::Actor(speaker);
                }
                label_end
            }
            _ => start,
        };
        let ws = self.unquoted_words(start, end);
        let mut from = 0;
        // A leading clause of time or place ends at its comma: "On Monday, Ortiz met …".
        let leading = |w: &str| {
            let lower = w.to_lowercase();
            LEADING_ADVERBIALS.contains(&w)
                || PREPOSITIONS.contains(&lower.as_str())
                || (lower.len() > 4 && lower.ends_with("ly"))
        };
        if ws.first().is_some_and(|(_, _, w)| leading(w)) {
            if let Some(comma) = self.text[start..end].find(',') {
                let at = start + comma;
                from = ws.iter().position(|(s, _, _)| *s > at).unwrap_or(ws.len());
            }
        }
        let Some(&(first_start, _, first)) = ws.get(from) else {
            return Subject::Nothing;
        };
        if let Some(p) = Pronoun::of(first)
            .filter(|_| first.chars().next().is_some_and(char::is_uppercase) || from > 0)
        {
            return Subject::Pronoun(p);
        }
        // The first mention, if every word before it can be part of the subject's phrase.
        let first_mention = self
            .mentions
            .iter()
            .find(|m| m.start >= first_start && m.end <= end);
        let mut person_noun = false;
        let mut plural = false;
        for &(s, e, w) in &ws[from..] {
            if let Some(m) = first_mention.filter(|m| m.start <= s) {
                let tail = &self.text[m.end..end];
                let next = word_iter(tail).next().map(|(_, _, w)| w);
                if tail.starts_with("'s") || tail.starts_with("’s") {
                    // "Corvane's chief executive, Lucien Marchetti, is": the name set off
                    // after the possessive phrase.
                    let named = self.mentions.iter().find(|n| {
                        n.start > m.end && n.end <= end && {
                            let between = &self.text[m.end..n.start];
                            between.trim_end().ends_with(',')
                                && between.matches(',').count() == 1
                                && word_iter(between).take(6).count() <= 5
                                && self.text[n.end..end].trim_start().starts_with(',')
                        }
                    });
                    if let Some(n) = named {
                        return Subject::Actor(n.actor);
                    }
                    // "Sarr's first words", "Putin's appeal": the owner of the words.
                    let after: Vec<&str> = word_iter(tail).skip(1).take(3).map(|t| t.2).collect();
                    if after.iter().take(2).any(|w| SPEECH_NOUNS.contains(w)) {
                        return Subject::Actor(m.actor);
                    }
                    // "Marrach's foreign ministry": the actor those words describe.
                    let description: Vec<&str> = after
                        .iter()
                        .copied()
                        .take_while(|w| {
                            w.chars().next().is_some_and(char::is_lowercase)
                                && !gap_word(w)
                                && reporting_verb(w).is_none()
                        })
                        .filter(|w| !DETERMINERS.contains(w))
                        .collect();
                    if let Some(one) = self.describe(&description, m.start).one() {
                        return Subject::Actor(one);
                    }
                    return Subject::Unnamed;
                }
                // "Ortiz and Ruiz met …", "Mayor Oran and harbour master Lask walked …".
                let and = word_iter(tail)
                    .next()
                    .filter(|(s, _, w)| *w == "and" && tail[..*s].trim().is_empty())
                    .map(|(_, e, _)| m.end + e);
                if let Some(and) = and {
                    if let Some(n) = self
                        .mentions
                        .iter()
                        .find(|n| n.start > m.end && n.end <= end)
                        .filter(|n| n.actor != m.actor && self.title_only(and, n.start))
                    {
                        return Subject::Both(m.actor, n.actor);
                    }
                    if let Some(pronoun) = self.someone_else(and, end) {
                        return Subject::AndOther(m.actor, pronoun);
                    }
                }
                if next.is_some_and(is_person_noun) {
                    // "Ortiz's spokesman said", "Corvane spokeswoman Claire Dubois": the
                    // subject is the spokesman.
                    return Subject::Unnamed;
                }
                return Subject::Actor(m.actor);
            }
            let capitalised = w.chars().next().is_some_and(char::is_uppercase);
            if is_person_noun(w) || is_plural_person_noun(w) {
                person_noun = true;
                plural = is_plural_person_noun(w);
                continue;
            }
            if capitalised
                || DETERMINERS.contains(&w)
                || TITLE_WORDS.contains(&w)
                || w.ends_with("'s")
                || w.ends_with("’s")
                || w.chars().all(|c| c.is_ascii_digit())
            {
                continue;
            }
            let _ = e;
            // A verb or another word of the predicate: the subject phrase is over.
            break;
        }
        // "The president, who …": the one actor the words describe.
        let phrase: Vec<&str> = ws[from..]
            .iter()
            .map(|t| t.2)
            .take_while(|w| DETERMINERS.contains(w) || TITLE_WORDS.contains(w) || is_person_noun(w))
            .collect();
        // Not people ("The relatives who waited"): a description of several persons is no
        // organisation's whose role mentions them.
        if !plural
            && phrase.first().is_some_and(|w| {
                matches!(
                    *w,
                    "The" | "the" | "His" | "Her" | "Its" | "Their" | "his" | "her"
                )
            })
        {
            if let Some(one) = self.describe(&phrase[1..], first_start).one() {
                return Subject::Actor(one);
            }
        }
        if person_noun && plural {
            Subject::People
        } else if person_noun || self.introduces_someone(start, end) {
            Subject::Unnamed
        } else {
            Subject::Nothing
        }
    }

    /// Whether `text[start..end]` introduces a person who is not an actor: a capitalised name
    /// of two words or more followed by an age or a description ("Sanna Koivu, 34,", "Paula
    /// Renn, who runs …", "Rui Matos, a crane driver"), or set off by commas after what
    /// describes it ("A hydrologist at the institute, Professor Karl Emde, said").
    fn introduces_someone(&self, start: usize, end: usize) -> bool {
        let ws = self.unquoted_words(start, end);
        let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let mut k = 1;
        while k < ws.len() {
            let (s, _, w) = ws[k];
            if capital(w) && capital(ws[k - 1].2) {
                let name_end = ws[k].1;
                let in_mention = self.mentions.iter().any(|m| m.start <= s && s < m.end);
                let tail = self.text[name_end..end].trim_start();
                // The first word of the name: capitalised words back to a comma.
                let mut first = k - 1;
                while first > 0
                    && capital(ws[first - 1].2)
                    && !self.text[ws[first - 1].1..ws[first].0].contains(',')
                {
                    first -= 1;
                }
                // Set off by commas or dashes: "A porter there — Ilse Strand, no relation —".
                let set_off = first > 0
                    && self.text[..ws[first].0]
                        .trim_end()
                        .ends_with([',', '—', '–'])
                    && tail.starts_with([',', '—', '–']);
                let described = set_off
                    || tail.strip_prefix(',').is_some_and(|t| {
                        let t = t.trim_start();
                        t.starts_with(|c: char| c.is_ascii_digit())
                            || ["who ", "a ", "an ", "the ", "whose "]
                                .iter()
                                .any(|p| t.starts_with(p))
                    });
                if !in_mention && described {
                    return true;
                }
            }
            k += 1;
        }
        false
    }

    /// Whom `pronoun` means: the speaker of the last statement and the subject of the sentence
    /// before, kept when the pronoun may stand for them. One left: sure; two: open.
    fn resolve(&self, pronoun: Pronoun, context: &PronounContext, rule: Rule) -> Decision {
        let decision = self.resolve_anywhere(pronoun, context, rule);
        // In a transcript line "Strand: …" the line's speaker says "I": "she" there is
        // someone else, one of those named before that it fits, or nobody the rules know.
        match self.line_speaker() {
            Some((speaker, _)) if decision.who() == Some(Who::Actor(speaker)) => {
                let mut others: Vec<usize> = Vec::new();
                for &o in context.since.iter().chain(&context.named) {
                    if o != speaker && self.cast.fits(pronoun, o) && !others.contains(&o) {
                        others.push(o);
                    }
                }
                if others.is_empty() {
                    Decision::Sure(Who::Unnamed, Rule::NoPattern)
                } else {
                    Decision::Open(others)
                }
            }
            Some((speaker, _)) => decision.without(&[speaker]),
            None => decision,
        }
    }

    /// [`Block::resolve`] but for the speaker of a transcript line.
    fn resolve_anywhere(&self, pronoun: Pronoun, context: &PronounContext, rule: Rule) -> Decision {
        let fits = |who: Who| match who {
            Who::Actor(a) => self.cast.fits(pronoun, a),
            Who::Unnamed => pronoun != Pronoun::It,
        };
        // The subject of the sentence just before speaks, even after someone else's quote
        // ("“…,” Ferro said. Lind was unimpressed. “…,” she said."); two subjects the pronoun
        // fits leave it open; no subject, and the last speaker goes on.
        match context.previous {
            // "The relatives said …. “…,” they said.": people who are not actors.
            _ if context.people && pronoun == Pronoun::They => {
                Decision::Sure(Who::Unnamed, Rule::UnnamedSpeaker)
            }
            Some(Subject::Actor(a)) if fits(Who::Actor(a)) => Decision::Sure(Who::Actor(a), rule),
            Some(Subject::Both(a, b)) => match (fits(Who::Actor(a)), fits(Who::Actor(b))) {
                (true, true) => Decision::Open(vec![a, b]),
                (true, false) => Decision::Sure(Who::Actor(a), rule),
                (false, true) => Decision::Sure(Who::Actor(b), rule),
                (false, false) => Decision::Sure(Who::Unnamed, Rule::NoPattern),
            },
            // "Mayor Oran and Colonel Teska walked …. “…,” he said": either man; "they" is
            // the two together, neither alone.
            Some(Subject::AndOther(a, other)) => {
                let other_fits = matches!(pronoun, Pronoun::He | Pronoun::She)
                    && other.is_none_or(|p| p == pronoun);
                match (fits(Who::Actor(a)), other_fits) {
                    (true, true) => Decision::Open(vec![a]),
                    (true, false) => Decision::Sure(Who::Actor(a), rule),
                    (false, true) => Decision::Sure(Who::Unnamed, Rule::UnnamedSpeaker),
                    (false, false) => Decision::Sure(Who::Unnamed, Rule::NoPattern),
                }
            }
            Some(Subject::Unnamed) if fits(Who::Unnamed) => {
                Decision::Sure(Who::Unnamed, Rule::UnnamedSpeaker)
            }
            // The last speaker, unless someone else the pronoun fits was named since: then
            // either may speak.
            _ => match context.last.filter(|&w| fits(w)) {
                Some(Who::Actor(a)) => {
                    let others: Vec<usize> = context
                        .since
                        .iter()
                        .copied()
                        .filter(|&o| o != a && self.cast.is_person(o) && fits(Who::Actor(o)))
                        .collect();
                    if others.is_empty() {
                        Decision::Sure(Who::Actor(a), rule)
                    } else {
                        Decision::Open([vec![a], others].concat())
                    }
                }
                Some(who) => Decision::Sure(who, rule),
                None => Decision::Sure(Who::Unnamed, Rule::NoPattern),
            },
        }
    }

    /// "she said", "he had asked", "she later added": a pronoun as the last word before the
    /// verb at `verb_start` (past adverbs and auxiliaries), resolved.
    fn pronoun_subject(
        &self,
        before_verb: &[(usize, usize, &str)],
        verb_start: usize,
        context: &PronounContext,
    ) -> Option<Decision> {
        let (_, _, w) = before_verb.iter().rev().find(|(_, _, w)| !is_filler(w))?;
        Pronoun::of(w).map(|p| self.resolve_verb(p, context, Rule::PronounBefore, verb_start))
    }

    /// [`Block::resolve`] for the pronoun subject of the verb at `verb_start`. A reply ("“Go,”
    /// Vela told Ruiz. “No,” he replied") is someone else's than the last speaker's: when the
    /// pronoun would mean the last speaker, the others named just before are the candidates.
    fn resolve_verb(
        &self,
        pronoun: Pronoun,
        context: &PronounContext,
        rule: Rule,
        verb_start: usize,
    ) -> Decision {
        let decision = self.resolve(pronoun, context, rule);
        let reply = word_iter(&self.text[verb_start..])
            .next()
            .and_then(|(_, _, w)| reporting_verb(w))
            .is_some_and(|(_, lemma)| {
                matches!(lemma, "reply" | "answer" | "retort" | "counter" | "respond")
            });
        match decision {
            Decision::Sure(Who::Actor(a), _)
                if reply
                    && (context.last == Some(Who::Actor(a))
                        || context.asks && context.previous == Some(Subject::Actor(a))) =>
            {
                let others: Vec<usize> = context
                    .named
                    .iter()
                    .copied()
                    .filter(|&o| o != a && self.cast.fits(pronoun, o))
                    .collect();
                if others.is_empty() {
                    Decision::Sure(Who::Unnamed, Rule::NoPattern)
                } else {
                    Decision::Open(others)
                }
            }
            other => other,
        }
    }

    /// Whether the words between a speaker's name and its verb are a harmless gap.
    fn gap(&self, from: usize, to: usize) -> bool {
        is_gap(&self.text[from..to])
    }

    /// Whether `text[from..to]`, before a name, holds only a title or a comma: "Valdorian
    /// Interior Minister", ", the country's interior minister,".
    fn title_only(&self, from: usize, to: usize) -> bool {
        let between = &self.text[from..to];
        if between.contains(['.', ';', '!', '?', '“', '"']) {
            return false;
        }
        let ws = words(between);
        // "a critic of Ortiz", "a lawyer for Ruiz": the name is an object, not the speaker.
        if ws.last().is_some_and(|(_, _, w)| PREPOSITIONS.contains(w)) {
            return false;
        }
        ws.len() <= 8
            && ws.iter().all(|(_, _, w)| {
                w.chars().next().is_some_and(char::is_uppercase)
                    || DETERMINERS.contains(w)
                    || TITLE_WORDS.contains(w)
                    || is_person_noun(w)
                    || w.ends_with("'s")
                    || w.ends_with("’s")
            })
    }

    /// The actor named as the subject of a verb at `verb_start`, looking back to `from`: the
    /// last mention whose distance to the verb is a gap ("Ortiz, who met Leo on Saturday,
    /// said") and whose phrase starts the clause.
    fn named_subject(&self, from: usize, verb_start: usize) -> Option<usize> {
        let candidates = self.mentions_before(verb_start);
        candidates
            .iter()
            .rev()
            .take_while(|m| m.start >= from)
            .find(|m| {
                let gap = &self.text[m.end..verb_start];
                let head = self.text[from..m.start].trim_end();
                // "the foreign minister, Sergey Lavrov, said", "The UN envoy Ivan Simonovic,
                // told": one comma after a name that opens the clause or is set off itself.
                let stray_comma = gap.trim() == ","
                    && (head.ends_with(',')
                        || !head.contains(',') && self.title_only(from, m.start));
                (self.gap(m.end, verb_start) || stray_comma)
                    && !gap.trim_start().starts_with(['\'', '’'])
            })
            .filter(|m| !self.passive(m.end, verb_start))
            .and_then(|m| {
                // Not the object of a preposition: "after meeting Ortiz said", "a critic of the
                // Ortiz government said" have no named subject; "Inspector Vela of the
                // Interior Ministry told" has the person before the preposition.
                match self.governing_preposition(from, m.start) {
                    None => Some(m.actor),
                    Some("of" | "at" | "from") => candidates
                        .iter()
                        .rev()
                        .find(|p| p.end <= m.start && p.start >= from)
                        .filter(|p| {
                            self.cast.is_person(p.actor)
                                && words(&self.text[p.end..m.start]).iter().all(|(_, _, w)| {
                                    matches!(*w, "of" | "at" | "from") || DETERMINERS.contains(w)
                                })
                                && self.governing_preposition(from, p.start).is_none()
                        })
                        .map(|p| p.actor),
                    Some(_) => None,
                }
            })
    }

    /// The subject of a participle that follows a reporting clause set off after the main
    /// clause ("Oran will visit on Friday, his office said, adding that …", "“…,” his office
    /// said, adding …"): the one who said, not the main clause's subject. `None` when no such
    /// clause stands just before, or when its subject is a pronoun (most often the main
    /// clause's subject again: "Oran will visit, he said, adding").
    fn parenthetical(
        &self,
        sentence_at: usize,
        verb_start: usize,
        context: &PronounContext,
    ) -> Option<Decision> {
        let head = self.text[sentence_at..verb_start]
            .trim_end()
            .strip_suffix(',')?;
        let ws = self.unquoted_words(sentence_at, sentence_at + head.len());
        let &(verb_at, _, verb) = ws.iter().rev().find(|(_, _, w)| !is_filler(w))?;
        reporting_verb(verb).filter(|(f, _)| matches!(f, VerbForm::Past | VerbForm::Third))?;
        // Its subject starts after a comma or a quote, not at the sentence's start.
        let from = self.text[sentence_at..verb_at]
            .char_indices()
            .rfind(|(_, c)| matches!(c, ',' | '”' | '"'))
            .map(|(at, c)| sentence_at + at + c.len_utf8())?;
        if let Some(a) = self.named_subject(from, verb_at) {
            return Some(Decision::actor(a, Rule::ParticipleBefore));
        }
        let before_verb = words(&self.text[from..verb_at]);
        if before_verb
            .iter()
            .rev()
            .find(|(_, _, w)| !is_filler(w))
            .is_some_and(|(_, _, w)| Pronoun::of(w).is_some())
        {
            return None;
        }
        // "…, Oran's office said, adding": someone who speaks for an actor.
        if self
            .mentions
            .iter()
            .any(|m| m.start >= from && m.end <= verb_at)
        {
            return Some(Decision::Sure(Who::Unnamed, Rule::NoPattern));
        }
        let np = self.subject_words(from, verb_at);
        Some(
            self.other_subject(&np, verb_at, context)
                .unwrap_or(Decision::Sure(Who::Unnamed, Rule::NoPattern)),
        )
    }

    /// Whether the participle at `verb_start` follows a reported clause with a verb of its own
    /// ("Ruiz said the office had written to her, asking …"): then it may be that clause's,
    /// not the sentence subject's. A quote between them closes the reported clause ("Ruiz
    /// said the plan was “…,” adding: …"), and a verb in a relative clause ("Ruiz, who has
    /// said he is ready, was quoted as saying") reports nothing the participle follows.
    fn in_reported_clause(&self, sentence_at: usize, verb_start: usize) -> bool {
        const FINITE: &[&str] = &[
            "had", "has", "have", "was", "were", "is", "are", "would", "will", "could", "should",
            "can", "may", "might", "must", "did", "does",
        ];
        let head = self.unquoted_words(sentence_at, verb_start);
        let main_verb = head.iter().enumerate().position(|(k, (_, _, w))| {
            reporting_verb(w).is_some_and(|(f, _)| matches!(f, VerbForm::Past | VerbForm::Third))
                && !head[k.saturating_sub(3)..k]
                    .iter()
                    .any(|(_, _, r)| matches!(*r, "who" | "which" | "whom"))
        });
        let Some(k) = main_verb else {
            return false;
        };
        head[k + 1..]
            .iter()
            .find(|(_, _, w)| FINITE.contains(w))
            .is_some_and(|&(at, _, _)| {
                !self
                    .spans
                    .iter()
                    .any(|q| q.open > at && q.close <= verb_start)
            })
    }

    /// The preposition that governs a name starting at `at` (past determiners and the name's
    /// title: "of the", "for Prime Minister", "to Finance Minister"), in the clause from
    /// `from`.
    fn governing_preposition(&self, from: usize, at: usize) -> Option<&'static str> {
        let head = words(&self.text[from..at]);
        let k = title_start(&self.text[from..at], &head);
        let (_, _, w) = head[..k]
            .iter()
            .rev()
            .find(|(_, _, w)| !DETERMINERS.contains(w))?;
        PREPOSITIONS.iter().copied().find(|p| p == w)
    }

    /// Whether the subject of the verb at `verb_start`, in the clause from `from`, is someone
    /// who speaks for a person named after a preposition: "a spokesman for Prime Minister
    /// Oran said", "an aide to Oran told", "the office of Mayor Oran said". Who speaks for a
    /// person is not the person.
    fn speaks_for_person(&self, from: usize, verb_start: usize) -> bool {
        let Some(m) = self
            .mentions_before(verb_start)
            .iter()
            .rev()
            .find(|m| m.start >= from && self.gap(m.end, verb_start))
        else {
            return false;
        };
        if !self.cast.is_person(m.actor) {
            return false;
        }
        let head = self.unquoted_words(from, m.start);
        let mut k = title_start(self.text, &head);
        while k > 0 && DETERMINERS.contains(&head[k - 1].2) {
            k -= 1;
        }
        k >= 2
            && matches!(head[k - 1].2, "for" | "to" | "of")
            && OFFICE_NOUNS.contains(&head[k - 2].2)
    }

    /// Whether the verb at `verb_start`, after a name ending at `name_end`, is passive: "Ruiz
    /// was told", "Ruiz was asked:" — then the name is who was spoken to.
    fn passive(&self, name_end: usize, verb_start: usize) -> bool {
        let gap = words(&self.text[name_end..verb_start]);
        let verb = word_iter(&self.text[verb_start..]).next().map(|t| t.2);
        gap.iter()
            .rev()
            .find(|(_, _, w)| !(w.len() > 4 && w.ends_with("ly")))
            .is_some_and(|(_, _, w)| BE_FORMS.contains(w))
            && verb.is_some_and(|v| reporting_verb(v).is_some_and(|(f, _)| f == VerbForm::Past))
    }

    /// The actor who is the subject of the reporting verb at `verb_start`: named before it,
    /// or, for a verb coordinated with an earlier one ("Obama said …, but warned of"), the
    /// subject of that verb.
    fn verb_subject(&self, from: usize, verb_start: usize) -> Option<usize> {
        if let Some(a) = self.named_subject(from, verb_start) {
            return Some(a);
        }
        // "…, Ortiz, who said she would “fight”": the name the relative clause hangs on.
        let head = self.text[from..verb_start].trim_end();
        if let Some(before_who) = head.strip_suffix("who").map(str::trim_end) {
            if let Some(before_comma) = before_who.strip_suffix(',').map(str::trim_end) {
                let end = from + before_comma.len();
                if let Some(m) = self.mentions.iter().find(|m| m.end == end) {
                    // "said Ruiz, head of the Dockers' Union, who accused …": a name after a
                    // preposition is not the clause's head; the person the apposition
                    // describes is, and nobody when none stands just before it.
                    if self.governing_preposition(from, m.start).is_none() {
                        return Some(m.actor);
                    }
                    let apposition = self.text[..m.start].rfind(',')?;
                    return self
                        .mentions
                        .iter()
                        .rfind(|p| {
                            p.start >= from
                                && p.end <= apposition
                                && self.text[p.end..apposition].trim().is_empty()
                                && self.cast.is_person(p.actor)
                        })
                        .map(|p| p.actor);
                }
            }
        }
        let sentence = sentence_start(self.text, verb_start).min(from);
        let head = self.unquoted_words(sentence, verb_start);
        let joined = head
            .iter()
            .rev()
            .take(3)
            .take_while(|(_, _, w)| gap_word(w) || matches!(*w, "and" | "but"))
            .any(|(_, _, w)| matches!(*w, "and" | "but"));
        if !joined {
            return None;
        }
        // The nearest earlier reporting verb with a named subject ("said he continued …,
        // but warned": "continued" has none of its own).
        head.iter()
            .rev()
            .skip(1)
            .filter(|(_, _, w)| {
                reporting_verb(w)
                    .is_some_and(|(f, _)| matches!(f, VerbForm::Past | VerbForm::Third))
            })
            .take(3)
            .find_map(|&(earlier, _, _)| self.named_subject(sentence, earlier))
    }

    /// `Putin's appeal regarding … “…”`: the last actor whose statement, appeal or remarks the
    /// clause names before the quote.
    fn possessive(&self, from: usize, span: &Span) -> Option<Decision> {
        self.possessive_at(from, span)
            .map(|(_, actor)| Decision::actor(actor, Rule::Possessive))
    }

    /// As [`Block::possessive`]: where the owner's name starts, and who it is.
    fn possessive_at(&self, from: usize, span: &Span) -> Option<(usize, usize)> {
        let m = self.mentions.iter().rev().find(|m| {
            m.start >= from && m.end <= span.open && {
                let tail = &self.text[m.end..span.open];
                (tail.starts_with("'s ") || tail.starts_with("’s "))
                    && word_iter(tail)
                        .skip(1)
                        .take(2)
                        .any(|(_, _, w)| SPEECH_NOUNS.contains(&w))
                    && word_iter(tail).take(25).count() <= 24
            }
        })?;
        Some((m.start, m.actor))
    }

    /// `according to X` from byte `from` to `to`: X, also behind `a statement from`, `a
    /// spokesman for`; someone else when the words name no actor.
    fn according(&self, from: usize, to: usize) -> Decision {
        let Some(m) = self
            .mentions
            .iter()
            .find(|m| m.start >= from && m.end <= to)
        else {
            return Decision::Sure(Who::Unnamed, Rule::UnnamedSpeaker);
        };
        let between: Vec<&str> = words(&self.text[from..m.start])
            .into_iter()
            .map(|w| w.2)
            .collect();
        let through = between.len() <= 4
            && matches!(between.last(), Some(&("from" | "by" | "of" | "for")))
            && between.iter().any(|w| {
                matches!(
                    *w,
                    "statement"
                        | "spokesman"
                        | "spokeswoman"
                        | "spokesperson"
                        | "release"
                        | "post"
                        | "message"
                        | "letter"
                )
            });
        // "according to a spokesman for Oran": who speaks for a person is not the person.
        let for_a_person =
            self.cast.is_person(m.actor) && between.iter().any(|w| OFFICE_NOUNS.contains(w));
        if self.title_only(from, m.start) || through && !for_a_person {
            Decision::actor(m.actor, Rule::AccordingTo)
        } else {
            Decision::Sure(Who::Unnamed, Rule::UnnamedSpeaker)
        }
    }

    /// The actors that `description` ("ministry", "interior minister") may mean at byte
    /// `at`: those named earlier in this block, else in the most recent earlier block that
    /// names one; with none, for a description of two words or more ("Marrach's foreign
    /// ministry"), the one actor of the dossier it fits. A description of a person ("the
    /// minister") means no actor when someone outside the cast whose title words hold it was
    /// named since that actor ("Mr. Arvo Delk, the foreign minister"), and leaves the actors
    /// open when someone outside the cast was named since with nothing said of what they are
    /// ("Mr. Delk") ([`Described`]).
    fn describe(&self, description: &[&str], at: usize) -> Described {
        let (found, since) = self.described_at(description, at);
        let person = description.last().is_some_and(|w| is_person_noun(w));
        if found.is_empty() || !person {
            return Described::Actors(found);
        }
        let lower: Vec<String> = description.iter().map(|w| w.to_lowercase()).collect();
        let here = self.strangers_here();
        // Nearest first; past a bound, so many people named since the actor that any of
        // them may be meant.
        const NEAREST: usize = 50;
        let mut untitled = false;
        for (k, stranger) in here[..here.partition_point(|s| s.at < at)]
            .iter()
            .rev()
            .chain(self.strangers.iter().rev())
            .take_while(|s| (s.block, s.at) > since)
            .enumerate()
        {
            if k == NEAREST {
                untitled = true;
                break;
            }
            if !stranger.titles.is_empty() && lower.iter().all(|w| stranger.titles.contains(w)) {
                return Described::Stranger;
            }
            untitled |= !stranger.described;
        }
        if untitled {
            Described::Maybe(found)
        } else {
            Described::Actors(found)
        }
    }

    /// [`Block::describe`] without the people outside the cast: the actors, and where the
    /// nearest of them was named (block, byte offset; `(0, 0)` for one found in the cast
    /// alone).
    fn described_at(&self, description: &[&str], at: usize) -> (Vec<usize>, (usize, usize)) {
        if description.is_empty() || description.len() > 3 {
            return (Vec::new(), (0, 0));
        }
        let mut found: Vec<usize> = Vec::new();
        let mut nearest = (0, 0);
        for m in self.mentions_before(at) {
            if self.cast.described_by(m.actor, description) {
                nearest = (self.number, m.end);
                if !found.contains(&m.actor) {
                    found.push(m.actor);
                }
            }
        }
        if found.is_empty() {
            let mut block = self.number;
            for &(actor, b, end) in self.seen.iter().rev() {
                if !found.is_empty() && b != block {
                    break;
                }
                if self.cast.described_by(actor, description) {
                    if found.is_empty() {
                        nearest = (b, end);
                    }
                    if !found.contains(&actor) {
                        found.push(actor);
                    }
                    block = b;
                }
            }
        }
        if found.is_empty() && description.len() >= 2 {
            // Only the actors whose words hold the description's first word: a look-up, not a
            // scan of the whole cast.
            let first = description[0].to_lowercase();
            let first = first
                .strip_suffix('s')
                .filter(|_| !self.cast.by_word.contains_key(&first))
                .unwrap_or(&first);
            found = self
                .cast
                .by_word
                .get(first)
                .into_iter()
                .flatten()
                .copied()
                .filter(|&a| self.cast.described_by(a, description))
                .collect();
            if found.len() > 1 {
                found.clear();
            }
        }
        (found, nearest)
    }

    /// The people outside the cast named in this block (outside quotes), in text order: an
    /// honorific or a title with a name that is no actor's ("Mr. Delk", "Foreign Minister
    /// Arvo Delk", "nurse Ilse Strand"), or a name of two words or more with an apposition or
    /// an age ("Arvo Delk, the foreign minister,", "Ilse Strand, 34,"). Read once a block.
    fn strangers_here(&self) -> &[Stranger] {
        self.here.get_or_init(|| self.find_strangers())
    }

    /// [`Block::strangers_here`], read.
    fn find_strangers(&self) -> Vec<Stranger> {
        // Words outside quotes, in one pass beside the quotes (in order, not overlapping).
        let mut quotes = self.spans.iter().peekable();
        let ws: Vec<(usize, usize, &str)> = word_iter(self.text)
            .filter(|&(at, _, _)| {
                while quotes.next_if(|q| q.close.max(q.end) <= at).is_some() {}
                quotes.peek().is_none_or(|q| q.open > at)
            })
            .collect();
        let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let honorific = |w: &str| HONORIFICS.contains(&w);
        let title = |w: &str| {
            let lower = w.to_lowercase();
            is_person_noun(&lower) || is_title_word(&lower)
        };
        // Two words of one name: only a space between, or an honorific's full stop.
        let joined = |k: usize| {
            let between = &self.text[ws[k - 1].1..ws[k].0];
            between == " " || (between == ". " && honorific(ws[k - 1].2))
        };
        let in_mention = |at: usize| {
            let k = self.mentions.partition_point(|m| m.start <= at);
            k > 0 && at < self.mentions[k - 1].end
        };
        let mut out = Vec::new();
        let mut k = 0;
        while k < ws.len() {
            if !capital(ws[k].2) {
                k += 1;
                continue;
            }
            let mut j = k + 1;
            while j < ws.len() && capital(ws[j].2) && joined(j) {
                j += 1;
            }
            if ws[k..j].iter().any(|&(at, _, _)| in_mention(at)) {
                k = j;
                continue;
            }
            // From its first honorific or title: "Later Mr Delk said" is Mr Delk.
            let first = (k..j)
                .find(|&i| honorific(ws[i].2) || title(ws[i].2))
                .unwrap_or(k);
            let run = &ws[first..j];
            let mut titles: Vec<String> = Vec::new();
            let mut has_honorific = false;
            let mut t = 0;
            while t < run.len() && (honorific(run[t].2) || title(run[t].2)) {
                if honorific(run[t].2) {
                    has_honorific = true;
                } else {
                    titles.push(run[t].2.to_lowercase());
                }
                t += 1;
            }
            // "foreign minister Arvo Delk": lowercase title words just before.
            let mut b = first;
            while b > 0 && !capital(ws[b - 1].2) && title(ws[b - 1].2) && joined(b) {
                titles.push(ws[b - 1].2.to_lowercase());
                b -= 1;
            }
            let name = &run[t..];
            let titled = titles.iter().any(|w| is_person_noun(w));
            let apposition = self.apposition(run[run.len() - 1].1);
            if !name.is_empty()
                && (titled || has_honorific || name.len() >= 2 && apposition.is_some())
            {
                let described = titled || apposition.as_ref().is_some_and(|(d, _)| *d);
                titles.extend(apposition.map(|(_, t)| t).unwrap_or_default());
                out.push(Stranger {
                    block: self.number,
                    at: ws[b].0,
                    titles,
                    described,
                });
            }
            k = j;
        }
        out
    }

    /// What follows a name ending at `end`: an apposition or relative clause that says what
    /// the person is, with its title words (", the foreign minister of Vesland,", ", a
    /// nurse,", ", who chairs the association,"), or an age that does not (", 34,"). `None`
    /// when neither follows.
    fn apposition(&self, end: usize) -> Option<(bool, Vec<String>)> {
        let after = self.text[end..].strip_prefix(',')?.trim_start();
        if after.starts_with(|c: char| c.is_ascii_digit()) {
            return Some((false, Vec::new()));
        }
        if !["the ", "a ", "an ", "who ", "whose "]
            .iter()
            .any(|p| after.starts_with(p))
        {
            return None;
        }
        let phrase = &after[..after.find([',', '.', ';', '“', '"']).unwrap_or(after.len())];
        let titles = words(phrase)
            .into_iter()
            .map(|(_, _, w)| w.to_lowercase())
            .filter(|w| is_person_noun(w) || is_title_word(w))
            .collect();
        Some((true, titles))
    }

    /// The words of the noun phrase that is the subject of a verb at `verb_start`, in the
    /// clause from `from`: after the last comma, past an apposition or relative clause set
    /// off by commas ("The president, who had said little, said" → "The president").
    fn subject_words(&self, from: usize, verb_start: usize) -> Vec<&str> {
        let mut head = self.text[from..verb_start].trim_end();
        if let Some(inner) = head.strip_suffix(',') {
            if let Some(open) = inner.rfind(',') {
                head = &inner[..open];
            }
        }
        let start = head.rfind(',').map_or(0, |c| c + 1);
        words(&head[start..])
            .into_iter()
            .map(|t| t.2)
            .filter(|w| !is_filler(w))
            .collect()
    }

    /// The speaker when the subject of a reporting verb is not a name: `our correspondent`
    /// (the one quoted just before), `the ministry` (the one actor named just before whose
    /// name or role holds those words), or a phrase about someone else (`a senior official`).
    /// `np` is the phrase, `at` where it stands. `None` when the words are no noun phrase.
    fn other_subject(&self, np: &[&str], at: usize, context: &PronounContext) -> Option<Decision> {
        let (&first, rest) = np.split_first()?;
        if np.len() > 8
            || np.iter().any(|w| {
                matches!(
                    *w,
                    "and" | "but" | "that" | "to" | "which" | "who" | "if" | "when"
                ) || reporting_verb(w).is_some()
            })
        {
            return None;
        }
        if matches!(first, "our" | "Our") {
            return context
                .last
                .map(|who| Decision::Sure(who, Rule::ContinuationSentence));
        }
        let definite = matches!(
            first,
            "the" | "The" | "his" | "His" | "her" | "Her" | "its" | "Its" | "their" | "Their"
        );
        // "the nurses chanted": people, never one person nor an organisation, even one whose
        // name holds the noun ("Union of Nurses").
        if rest.last().is_some_and(|w| is_plural_person_noun(w)) {
            return Some(Decision::Sure(Who::Unnamed, Rule::UnnamedSpeaker));
        }
        // "his office said", "her spokesman", "the mayor's aides": who speaks for a person is
        // not the person (a spokesperson for an organisation is the organisation).
        let owner_is_person = matches!(first, "his" | "His" | "her" | "Her")
            || rest.len() >= 2 && {
                let owner = rest[rest.len() - 2];
                owner
                    .strip_suffix("'s")
                    .or_else(|| owner.strip_suffix("’s"))
                    .is_some_and(is_person_noun)
            };
        if owner_is_person && rest.last().is_some_and(|w| OFFICE_NOUNS.contains(w)) {
            return Some(Decision::Sure(Who::Unnamed, Rule::UnnamedSpeaker));
        }
        if definite && !rest.is_empty() && rest.len() <= 3 {
            return Some(match self.describe(rest, at) {
                Described::Stranger => Decision::Sure(Who::Unnamed, Rule::UnnamedSpeaker),
                Described::Actors(found) | Described::Maybe(found) if found.is_empty() => {
                    Decision::Sure(Who::Unnamed, Rule::UnnamedSpeaker)
                }
                Described::Actors(found) if found.len() == 1 => {
                    Decision::actor(found[0], Rule::Description)
                }
                Described::Actors(found) | Described::Maybe(found) => Decision::Open(found),
            });
        }
        let noun_phrase = DETERMINERS.contains(&first)
            || first
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || is_person_noun(first);
        noun_phrase.then_some(Decision::Sure(Who::Unnamed, Rule::UnnamedSpeaker))
    }

    /// A term: quoted words that label something. Only a quote inside running text can be one.
    fn term(&self, span: &Span, clause: usize, partial: bool) -> Option<Rule> {
        let text = self.text;
        let quoted = text[span.start..span.end].trim();
        let inner = words(quoted);
        if !partial || inner.is_empty() || inner.len() > 6 {
            return None;
        }
        let ends_sentence = quoted
            .trim_end_matches(['”', '"', '’', '\'', ')'])
            .ends_with(['.', '!', '?', '…']);
        let before = words(&text[clause..span.open]);
        // The last word before the quote, past any determiner ("known as the “blue line”").
        let last = before
            .iter()
            .rev()
            .find(|(_, _, w)| !DETERMINERS.contains(w))
            .map(|(_, _, w)| *w);
        let last_word = before.last().map(|(_, _, w)| *w);
        let after_text = text[span.close..].trim_start();
        let next = word_iter(after_text).next().map(|(_, _, w)| w);
        let continues = after_text
            .trim_start_matches(',')
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
            && !after_text.starts_with(['.', ';', '!', '?']);

        // `so-called “x”`, `dubbed “x”`, `known as “x”`, `Operation “x”`, `a group called “x”`.
        const LABELS: &[&str] = &[
            "so-called",
            "dubbed",
            "named",
            "titled",
            "entitled",
            "nicknamed",
            "codenamed",
            "hashtag",
            "slogan",
            "slogans",
            "banner",
            "banners",
            "motto",
            "word",
            "words",
            "term",
            "phrase",
            "label",
            "Operation",
            "operation",
            "reading",
            "read",
            "marked",
            "sign",
            "signs",
            "placards",
            "placard",
            "headline",
            "tagline",
            "brand",
            "written",
            "scrawled",
            "painted",
            "spelled",
            "inscribed",
            "stamped",
            "chalked",
        ];
        if let Some(w) = last {
            let known_as = w == "as"
                && before.iter().rev().take(6).any(|(_, _, k)| {
                    matches!(*k, "known" | "referred" | "described" | "styled")
                            // A category given: "classed it as a “category two concern”".
                            || CLASSIFYING.contains(k)
                })
                && !before.iter().any(|(_, _, k)| {
                    reporting_verb(k).is_some_and(|(f, l)| f != VerbForm::Base && l == "describe")
                });
            if LABELS.contains(&w) || known_as {
                return Some(Rule::TermLabel);
            }
            // "what residents have started calling the “green water”", "what fishermen call
            // “the graveyard”", "the wreck, which they called the “iron whale”": a name people
            // give a thing. Not what one person calls it ("what he calls her “palace
            // campaign”", "Strand called the “rescue” a fraud"), which says what that person
            // thinks of it.
            if let Some(k) = before
                .iter()
                .rposition(|(_, _, x)| matches!(*x, "call" | "calls" | "called" | "calling"))
                .filter(|_| matches!(w, "call" | "calls" | "called" | "calling"))
            {
                let what = before[..k]
                    .iter()
                    .rposition(|(_, _, x)| matches!(*x, "what" | "What" | "which"))
                    .filter(|&j| k - j <= 8);
                let namer = &before[what.map_or(0, |j| j + 1)..k];
                let (from, to) = (
                    clause + namer.first().map_or(before[k].0, |t| t.0),
                    clause + before[k].0,
                );
                let one_person = namer
                    .iter()
                    .any(|(_, _, x)| matches!(*x, "he" | "she" | "He" | "She" | "I"))
                    || self
                        .mentions
                        .iter()
                        .any(|m| m.start >= from && m.end <= to && self.cast.is_person(m.actor));
                let article_between =
                    k + 1 < before.len() && matches!(last_word, Some("the" | "a" | "an"));
                let nothing_between = k + 1 == before.len();
                let object_after = next.is_some_and(|n| DETERMINERS.contains(&n));
                if (article_between || nothing_between && what.is_some())
                    && !object_after
                    && !one_person
                {
                    return Some(Rule::TermLabel);
                }
            }
            if w == "called" && last_word == Some("called") {
                let subject_named = before.len() >= 2
                    && (Pronoun::of(before[before.len() - 2].2).is_some()
                        || self.mentions.iter().any(|m| {
                            m.end <= span.open
                                && text[m.end..clause + before[before.len() - 1].0]
                                    .trim()
                                    .is_empty()
                        }));
                if !subject_named {
                    return Some(Rule::TermLabel);
                }
            }
        }
        // "the operator's claims of a “spotless” record", "talk of a “secret” deal": a few
        // words in a phrase that a noun of someone's claim governs are the claim's wording,
        // not what the sentence's subject says (a named owner's is no more sure: "Lask's
        // claims of" may be his, or the reporter's summary of them).
        if inner.len() <= 3 && !ends_sentence && self.claimed(&before) {
            return Some(Rule::TermShort);
        }
        // `said “no” to`, `voted “yes”`, `a “yes” campaign`.
        let polar = [
            "yes", "no", "Yes", "No", "YES", "NO", "oui", "non", "leave", "remain", "Leave",
            "Remain",
        ];
        if inner.len() <= 2 {
            let vote_word = last_word.is_some_and(|w| {
                w.starts_with("vot") || matches!(w, "said" | "say" | "says" | "saying" | "answered")
            });
            let preposition = next
                .is_some_and(|w| matches!(w, "to" | "for" | "against" | "in" | "on" | "at" | "or"));
            if (vote_word && preposition) || (inner.len() == 1 && polar.contains(&inner[0].2)) {
                return Some(Rule::TermVoteOption);
            }
        }
        // A title: `“Nets and Needles,”`, `“Ondra Is Not For Sale.”`.
        const MINOR: &[&str] = &[
            "a", "an", "the", "and", "or", "of", "for", "in", "on", "to", "at", "by", "de", "da",
            "do", "e", "la", "le", "el", "is", "not",
        ];
        let title_case = inner.len() >= 2
            && inner[0].2.chars().next().is_some_and(char::is_uppercase)
            && inner.iter().all(|(_, _, w)| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                    || MINOR.contains(w)
            });
        // `written “MORELL” across the sheet`: capitals are a label, not speech.
        let capitals = inner.len() <= 2
            && inner
                .iter()
                .all(|(_, _, w)| w.chars().count() > 1 && w.chars().all(|c| !c.is_lowercase()));
        if title_case || capitals {
            return Some(Rule::TermLabel);
        }
        if ends_sentence {
            return None;
        }
        // A reporting verb in the clause (before, or right after the quote) makes it speech.
        let reported_before = before
            .iter()
            .any(|(_, _, w)| reporting_verb(w).is_some_and(|(f, _)| f != VerbForm::Base));
        let reported_after = words(&text[span.close..sentence_end(text, span.close)])
            .iter()
            .take(4)
            .any(|(_, _, w)| reporting_verb(w).is_some_and(|(f, _)| f != VerbForm::Base));
        // `the 200-page “framework accord,” signed in May`: a document's name, whatever verb
        // the sentence has.
        let measured = last_word.is_some_and(|w| {
            w.contains('-') && w.chars().next().is_some_and(|c| c.is_ascii_digit())
        });
        let described_after = (after_text.starts_with(',') || quoted.ends_with(','))
            && word_iter(after_text).next().is_some_and(|(_, _, w)| {
                w.len() > 3 && w.ends_with("ed") && reporting_verb(w).is_none()
            });
        if (measured || described_after) && inner.len() <= 4 && !ends_sentence {
            return Some(Rule::TermShort);
        }
        if reported_before || reported_after {
            return None;
        }
        // `the 200-page “framework accord,” signed in May`, `the “sham” vote`.
        let determiner_before = last_word.is_some_and(|w| {
            DETERMINERS.contains(&w)
                || w.contains('-') && w.chars().next().is_some_and(|c| c.is_ascii_digit())
                || w.ends_with("'s")
                || w.ends_with("’s")
        });
        if (determiner_before && continues && inner.len() <= 4) || inner.len() <= 3 {
            return Some(Rule::TermShort);
        }
        None
    }

    /// Whether the words `before` a quote end in a phrase that a noun of claim governs: "the
    /// company's claims of a", "talk of", "assurances of an entirely" — the noun, "of", any
    /// determiners, and up to two words in -ly or lowercase modifiers. Not a verb ("will talk
    /// of", "they talk of").
    fn claimed(&self, before: &[(usize, usize, &str)]) -> bool {
        const CLAIM_NOUNS: &[&str] = &[
            "claim",
            "claims",
            "allegation",
            "allegations",
            "accusation",
            "accusations",
            "assertion",
            "assertions",
            "assurance",
            "assurances",
            "talk",
            "rumour",
            "rumours",
            "rumor",
            "rumors",
        ];
        const VERB_BEFORE: &[&str] = &[
            "to", "will", "would", "can", "could", "may", "might", "shall", "should", "must",
            "did", "do", "does", "not", "never", "i", "you", "we", "they", "he", "she", "it", "I",
            "You", "We", "They", "He", "She", "It",
        ];
        let mut k = before.len();
        while k > 0 && DETERMINERS.contains(&before[k - 1].2) {
            k -= 1;
        }
        let mut modifiers = 0;
        while k > 0
            && modifiers < 2
            && before[k - 1].2.ends_with("ly")
            && before[k - 1].2.chars().all(|c| c.is_lowercase())
        {
            k -= 1;
            modifiers += 1;
        }
        while k > 0 && DETERMINERS.contains(&before[k - 1].2) {
            k -= 1;
        }
        k >= 2
            && before[k - 1].2 == "of"
            && CLAIM_NOUNS.contains(&before[k - 2].2)
            && !(k >= 3 && VERB_BEFORE.contains(&before[k - 3].2))
    }

    /// `“…,” Kerry said`, `“…,” said Kerry`, `“…,” he said`, `“…,” a senior official said`,
    /// `“…,” according to Kerry`.
    fn after(&self, span: &Span, partial: bool, context: &PronounContext) -> Option<Decision> {
        let text = self.text;
        let limit = self
            .spans
            .iter()
            .find(|s| s.open >= span.close)
            .map_or(text.len(), |s| s.open);
        let rest_end = text[span.close..limit]
            .find([';'])
            .map_or(limit, |i| span.close + i);
        let rest = &text[span.close..rest_end];
        // “…” — Benedita Sarr (@bsarr_npwu), 4 September 2029
        let credit = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '>');
        if let Some(dash) = ['—', '–', '―', '-']
            .iter()
            .find(|d| credit.starts_with(**d))
        {
            let from = rest_end - credit.len() + dash.len_utf8();
            if let Some(m) = self
                .mentions
                .iter()
                .find(|m| m.start >= from && m.start - from <= 60)
            {
                if self.title_only(from, m.start) {
                    return Some(Decision::actor(m.actor, Rule::Credit));
                }
            }
        }
        let tokens = words(rest);
        // `“…,” according to X`, and `X was “ready …” to discuss …, according to Bardak`: no
        // other reporting verb or sentence end before it.
        let sentence_end_at = sentence_end(text, span.close).min(rest_end);
        if let Some(k) = tokens
            .iter()
            .take_while(|(s, _, w)| {
                span.close + s < sentence_end_at
                    && reporting_verb(w).is_none_or(|(f, _)| f == VerbForm::Base)
            })
            .position(|(_, _, w)| *w == "according")
        {
            if tokens.get(k + 1).is_some_and(|t| t.2 == "to")
                && (k == 0 || !text[span.close..span.close + tokens[k].0].contains(['“', '"']))
            {
                return Some(self.according(span.close + tokens[k + 1].1, rest_end));
            }
        }
        // The clause must start right after the quote: “…,” Kerry said — not a later sentence,
        // and not running text after a quoted phrase (“fait accompli” - it says …).
        let lead = rest.trim_start();
        let quoted = text[span.start..span.end].trim_end();
        // “… talks.” Lind, asked about it, was unimpressed: a full stop inside the marks ends
        // the sentence, and what follows is another one.
        if quoted.trim_end_matches(['’', '\'', ')']).ends_with('.') {
            return None;
        }
        if lead.starts_with(['.', '!', '?'])
            || partial
                && !(quoted.ends_with([',', '.', '!', '?', '…'])
                    || lead.starts_with(',')
                    || lead.is_empty())
        {
            return None;
        }
        let (verb_index, verb) = tokens.iter().take(10).enumerate().find(|(k, (_, _, w))| {
            match reporting_verb(w) {
                Some((VerbForm::Third | VerbForm::Past, _)) => true,
                // "“…,” they say", "officials say".
                Some((VerbForm::Base, lemma)) => {
                    matches!(lemma, "say" | "tell" | "add" | "insist" | "warn" | "argue") && *k > 0
                }
                _ => false,
            }
        })?;
        // "was quoted as saying" is a reporting phrase; "quoted" itself is not in the lexicon.
        let verb_start = span.close + verb.0;
        let verb_end = span.close + verb.1;
        // A full stop before the verb means the verb belongs to another sentence.
        let gap_text = &text[span.close..verb_start];
        if gap_text.contains(['.', '!', '?'])
            && !gap_text.trim_start().starts_with(',')
            && words(gap_text).iter().all(|(_, _, w)| !w.ends_with('.'))
            && gap_text.contains(". ")
        {
            return None;
        }
        // The named subject, its phrase starting right after the quote.
        if let Some(m) = self
            .mentions
            .iter()
            .filter(|m| m.start >= span.close && m.end <= verb_start)
            .find(|m| {
                self.title_only(span.close, m.start)
                    && self.gap(m.end, verb_start)
                    && !self.passive(m.end, verb_start)
            })
        {
            return Some(Decision::actor(m.actor, Rule::NameVerbAfter));
        }
        let before_verb = &tokens[..verb_index];
        if let Some((start, _, w)) = before_verb.first() {
            if let Some(p) = Pronoun::of(w) {
                if before_verb.len() == 1 || self.gap(span.close + start + w.len(), verb_start) {
                    return Some(self.resolve_verb(p, context, Rule::PronounAfter, verb_start));
                }
            }
        }
        if before_verb.is_empty() {
            // “…,” said Kerry / said U.S. Secretary of State John Kerry.
            let after = self
                .mentions
                .iter()
                .find(|m| m.start >= verb_end && m.start - verb_end <= 80);
            if let Some(m) = after {
                let tail = text[m.end..].trim_start();
                let ends_clause = tail.is_empty()
                    || tail.starts_with([',', '.', ';', '!', '?', ')', '('])
                    || tail.chars().next().is_some_and(char::is_lowercase);
                if self.title_only(verb_end, m.start)
                    && !text[verb_end..m.start].contains(',')
                    && ends_clause
                {
                    return Some(Decision::actor(m.actor, Rule::VerbNameAfter));
                }
            }
            // “…,” said the union's general secretary, Jonas Bredt: the description of a
            // person (a determiner, then title words, person nouns, possessives and names,
            // ending in a person noun) and, after one comma, the name of a person of the
            // dossier that ends the clause.
            // The name just after the comma, past any mention inside the description ("the
            // federation's").
            let named_after_comma = self.mentions.iter().find(|m| {
                m.start >= verb_end
                    && m.start - verb_end <= 80
                    && text[..m.start].trim_end().ends_with(',')
            });
            if let Some(m) = named_after_comma {
                let between = &text[verb_end..m.start];
                let description = words(between);
                let tail = text[m.end..].trim_start();
                let ends_clause = tail.is_empty()
                    || tail.starts_with([',', '.', ';', '!', '?', ')'])
                    || tail.chars().next().is_some_and(char::is_lowercase);
                let described = description.len() >= 2
                    && description.len() <= 8
                    && DETERMINERS.contains(&description[0].2)
                    && description
                        .last()
                        .is_some_and(|(_, _, w)| is_person_noun(w))
                    && description.iter().all(|(_, _, w)| {
                        DETERMINERS.contains(w)
                            || is_title_word(&w.to_lowercase())
                            || is_person_noun(w)
                            || w.ends_with("'s")
                            || w.ends_with("’s")
                            || w.ends_with(['\'', '’'])
                            || w.chars().next().is_some_and(char::is_uppercase)
                    });
                if described
                    && between.trim_end().ends_with(',')
                    && between.matches(',').count() == 1
                    && !between.contains(['.', ';', '“', '"'])
                    && ends_clause
                    && self.cast.is_person(m.actor)
                {
                    return Some(Decision::actor(m.actor, Rule::VerbNameAfter));
                }
            }
            // “…,” said a spokeswoman, “…,” said our correspondent, “…,” said the ministry.
            let np: Vec<&str> = tokens[verb_index + 1..]
                .iter()
                .take_while(|(s, _, _)| !rest[verb_end - span.close..*s].contains(','))
                .take(6)
                .map(|t| t.2)
                .collect();
            return self.other_subject(&np, verb_start, context);
        }
        // Some other subject, unless the phrase holds a name (then a rule could not read it,
        // and says nothing).
        let names_someone = self
            .mentions
            .iter()
            .any(|m| m.start >= span.close && m.end <= verb_start);
        if names_someone {
            // A subject we cannot read ("Ruiz's spokesman said"): no later rule may guess.
            return Some(Decision::Sure(Who::Unnamed, Rule::NoPattern));
        }
        let np = self.subject_words(span.close, verb_start);
        self.other_subject(&np, verb_start, context)
    }

    /// `Kerry said: “…”`, `Kerry told reporters “…”`, `according to Kerry, “…”`, `Kerry was
    /// quoted as saying “…”`, `…, declaring: “…”`.
    fn before(&self, sentence: usize, span: &Span, context: &PronounContext) -> Option<Decision> {
        let text = self.text;
        let before = &text[sentence..span.open];
        let tokens = words(before);
        if let Some(k) = tokens
            .iter()
            .position(|(_, _, w)| w.eq_ignore_ascii_case("according"))
        {
            // "His friend Dalic, whose faith kept them going according to Ruiz, said only:
            // “…”": inside the sentence, the phrase is a clause's; a reporting verb after it
            // has the words.
            let inside = k > 0
                && tokens[k + 1..].iter().any(|(_, _, w)| {
                    reporting_verb(w)
                        .is_some_and(|(f, _)| matches!(f, VerbForm::Past | VerbForm::Third))
                });
            if tokens.get(k + 1).is_some_and(|t| t.2 == "to") && !inside {
                let decision = self.according(sentence + tokens[k + 1].1, span.open);
                // "According to Ruiz, Ortiz told him the plan “…”": the words may be the
                // inner verb's subject's, as Ruiz tells it.
                if let Decision::Sure(Who::Actor(a), _) = decision {
                    let inner = tokens[k + 2..]
                        .iter()
                        .rev()
                        .filter(|(_, _, w)| {
                            reporting_verb(w)
                                .is_some_and(|(f, _)| matches!(f, VerbForm::Past | VerbForm::Third))
                        })
                        .find_map(|&(at, _, _)| self.named_subject(sentence, sentence + at))
                        .filter(|&other| other != a);
                    if let Some(other) = inner {
                        return Some(Decision::Open(vec![a, other]));
                    }
                }
                return Some(decision);
            }
        }
        // `Sarr: “…”`: a name (with its title) and a colon open the block or the sentence.
        if before.trim_end().ends_with(':') {
            let head = before.trim_end().trim_end_matches(':').trim_end();
            if let Some(m) = self
                .mentions
                .iter()
                .find(|m| m.start >= sentence && m.end == sentence + head.len())
            {
                if self.title_only(sentence, m.start) {
                    return Some(Decision::actor(m.actor, Rule::NameColon));
                }
            }
        }
        // "X was quoted (by the daily Y) as saying “…”".
        if let Some(k) = tokens.iter().rposition(|(_, _, w)| *w == "quoted") {
            let rest: Vec<&str> = tokens[k + 1..].iter().map(|t| t.2).collect();
            if rest.ends_with(&["as", "saying"]) || rest.ends_with(&["as", "having", "said"]) {
                let quoted_at = sentence + tokens[k].0;
                // "Ortiz quoted Ruiz as saying": the one quoted, not the one quoting.
                let as_at = sentence + tokens[tokens.len() - 2].0;
                if let Some(m) = self.mentions.iter().find(|m| {
                    m.start > quoted_at
                        && m.end <= as_at
                        && !words(&text[quoted_at..m.start])
                            .iter()
                            .any(|(_, _, w)| *w == "by")
                }) {
                    return Some(Decision::actor(m.actor, Rule::QuotedAsSaying));
                }
                // The subject before "was quoted".
                let aux = tokens[..k]
                    .iter()
                    .rposition(|(_, _, w)| matches!(*w, "was" | "is" | "been" | "were"))
                    .map_or(quoted_at, |a| sentence + tokens[a].0);
                return Some(match self.named_subject(sentence, aux) {
                    Some(a) => Decision::actor(a, Rule::QuotedAsSaying),
                    None => match tokens[..k].iter().find_map(|(_, _, w)| Pronoun::of(w)) {
                        Some(p) => self.resolve(p, context, Rule::PronounBefore),
                        None => Decision::Sure(Who::Unnamed, Rule::UnnamedSpeaker),
                    },
                });
            }
        }
        let colon = before.trim_end().ends_with(':');
        let trimmed = before.trim_end().trim_end_matches([':', ',']);
        let last = words(trimmed);
        // `Ortiz said in a statement: “…”`: the verb is near the colon; after a colon it may be
        // further ("She recalled the night …, when she slept in her car: “…”").
        let reach = if colon { last.len() } else { 6 };
        let Some(&(verb_at, _, verb)) =
            last.iter().rev().take(reach).find(|(_, _, w)| {
                reporting_verb(w).is_some_and(|(form, _)| form != VerbForm::Base)
            })
        else {
            // `Sarr's first words from the truck: “…”`.
            return if colon {
                self.possessive(sentence, span)
            } else {
                None
            };
        };
        let (form, lemma) = reporting_verb(verb)?;
        let verb_start = sentence + verb_at;
        // "Ortiz repeated Ruiz's words: “…”": the owner of the words speaks.
        if let Some((at, actor)) = self.possessive_at(sentence, span) {
            if at > verb_start {
                return Some(Decision::actor(actor, Rule::Possessive));
            }
        }
        let verbs: Vec<(usize, VerbForm, &str)> = std::iter::once((verb_start, form, lemma))
            .chain(
                words(&text[sentence..verb_start])
                    .into_iter()
                    .rev()
                    .filter_map(|(at, _, w)| {
                        reporting_verb(w)
                            .filter(|(f, _)| *f != VerbForm::Base)
                            .map(|(f, l)| (sentence + at, f, l))
                    })
                    .take(2),
            )
            .collect();
        if let Some(decision) = self.reported_act(sentence, span, &verbs, context) {
            return Some(decision);
        }
        let preposition_before = words(&text[sentence..verb_start])
            .last()
            .is_some_and(|(_, _, w)| matches!(*w, "of" | "for" | "about"));
        if form == VerbForm::Ing && preposition_before {
            return Some(Decision::Sure(Who::Unnamed, Rule::NoPattern));
        }
        if form == VerbForm::Ing {
            // "…, declaring: “…”": the subject of the sentence speaks.
            let sentence_at = sentence_start(text, span.open);
            if self.in_reported_clause(sentence_at, verb_start) {
                return Some(Decision::Sure(Who::Unnamed, Rule::NoPattern));
            }
            if let Some(decision) = self.parenthetical(sentence_at, verb_start, context) {
                return Some(decision);
            }
            return match self.subject_of(sentence_at, verb_start) {
                Subject::Actor(a) => Some(Decision::actor(a, Rule::ParticipleBefore)),
                Subject::Both(a, b) => Some(Decision::Open(vec![a, b])),
                Subject::AndOther(a, _) => Some(Decision::Open(vec![a])),
                Subject::Pronoun(p) => Some(self.resolve(p, context, Rule::PronounBefore)),
                Subject::Unnamed | Subject::People => {
                    Some(Decision::Sure(Who::Unnamed, Rule::UnnamedSpeaker))
                }
                Subject::Nothing => None,
            };
        }
        // "A spokesman for Prime Minister Oran said: “…”".
        if self.speaks_for_person(sentence, verb_start) {
            return Some(Decision::Sure(Who::Unnamed, Rule::UnnamedSpeaker));
        }
        if let Some(a) = self.verb_subject(sentence, verb_start) {
            return Some(Decision::actor(a, Rule::NameVerbBefore));
        }
        let before_verb = words(&text[sentence..verb_start]);
        if let Some(decision) = self.pronoun_subject(&before_verb, verb_start, context) {
            return Some(decision);
        }
        // A subject that names nobody of the dossier: "A spokesman said: “…”", "In a
        // statement, the ministry said: “…”" (the phrase after the last comma).
        let names_someone = self
            .mentions
            .iter()
            .any(|m| m.start >= sentence && m.end <= verb_start);
        if names_someone {
            return None;
        }
        let np = self.subject_words(sentence, verb_start);
        self.other_subject(&np, verb_start, context)
    }

    /// A quote inside running text: the subject of the last reporting verb of its clause
    /// ("Lavrov reaffirmed that Russia will “respect …”" → Lavrov).
    fn partial(&self, sentence: usize, span: &Span, context: &PronounContext) -> Option<Decision> {
        let text = self.text;
        let tokens = words(&text[sentence..span.open]);
        let verbs: Vec<(usize, VerbForm, &str)> = tokens
            .iter()
            .rev()
            .filter_map(|(at, _, w)| {
                reporting_verb(w)
                    .filter(|(form, _)| *form != VerbForm::Base)
                    .map(|(form, lemma)| (sentence + at, form, lemma))
            })
            .take(3)
            .collect();
        if verbs.is_empty() {
            return self.possessive(sentence, span);
        }
        if let Some(decision) = self.reported_act(sentence, span, &verbs, context) {
            return Some(decision);
        }
        // "Ortiz said Ruiz had rung her to say the plan “would …”": an infinitive of saying
        // nearer the quote has a subject of its own, who may be someone named before it.
        let infinitive = tokens
            .windows(2)
            .rev()
            .find(|pair| {
                pair[0].2 == "to"
                    && reporting_verb(pair[1].2).is_some_and(|(form, _)| form == VerbForm::Base)
            })
            .map(|pair| sentence + pair[1].0);
        // The last reporting verb whose subject can be read: "she said the two had agreed to
        // “…”" is hers, though "agreed" has no subject of its own.
        let mut open = None;
        let mut later: Option<usize> = None;
        for &(verb_start, form, _) in &verbs {
            // "…, Ruiz has said, and the operator told investors that the dam was “…”": a
            // clause of its own after ", and" with a subject of its own; the earlier verb's
            // speaker does not have its words.
            if let Some(later) = later {
                let between: Vec<&str> = words(&text[verb_start..later])
                    .into_iter()
                    .map(|t| t.2)
                    .collect();
                // A subject that is a noun phrase ("and the operator told"): whoever the
                // candidates before it, it names nobody of the dossier.
                let noun_subject = text[verb_start..later].contains(", ")
                    && between.windows(2).any(|pair| {
                        matches!(pair[0], "and" | "but" | "while" | "whereas")
                            && DETERMINERS.contains(&pair[1])
                    });
                if noun_subject {
                    return Some(Decision::Sure(Who::Unnamed, Rule::NoPattern));
                }
                if text[verb_start..later].contains(';') {
                    return Some(open.unwrap_or(Decision::Sure(Who::Unnamed, Rule::NoPattern)));
                }
            }
            later = Some(verb_start);
            match self.subject_of_verb(sentence, span, verb_start, form, context) {
                Some(Decision::Open(candidates)) => {
                    open.get_or_insert(Decision::Open(candidates));
                }
                Some(Decision::Sure(Who::Actor(a), rule)) => {
                    let others: Vec<usize> = infinitive
                        .filter(|&i| i > verb_start)
                        .map(|i| self.actors_between(verb_start + 1, i))
                        .unwrap_or_default()
                        .into_iter()
                        .filter(|&o| o != a && self.cast.is_person(o))
                        .collect();
                    return Some(if others.is_empty() {
                        Decision::Sure(Who::Actor(a), rule)
                    } else {
                        Decision::Open([vec![a], others].concat())
                    });
                }
                Some(decision) => return Some(decision),
                None => {}
            }
        }
        open
    }

    /// "Varro said Lask had agreed to testify “without conditions”", "Mr. Delk added that
    /// Telmark had offered “full access”": the verb nearest the quote (the first of `verbs`,
    /// nearest first) tells an act, not words ([`reports_words`]), in a clause that a verb of
    /// saying before it reports. The quoted words are the reporter's describing the act: the
    /// reporter's when the reporter is an actor and no other actor did the act, uncertain
    /// between the two when one did (the words are at least as likely the reporter's), no
    /// one's when the reporter is outside the cast. `None` when the verb reports words (then
    /// they are its subject's: "Varro said Lask had promised to “…”") or no one reports it.
    fn reported_act(
        &self,
        sentence: usize,
        span: &Span,
        verbs: &[(usize, VerbForm, &str)],
        context: &PronounContext,
    ) -> Option<Decision> {
        let finite = |f: VerbForm| matches!(f, VerbForm::Past | VerbForm::Third);
        let &(inner, inner_form, lemma) = verbs.first()?;
        if reports_words(lemma) || !finite(inner_form) {
            return None;
        }
        let &(outer, outer_form, _) = verbs[1..]
            .iter()
            .find(|&&(_, f, l)| finite(f) && reports_words(l))?;
        // The act in the clause the verb of saying reports, not in a clause of its own.
        let between = &self.text[outer..inner];
        if between.contains([';', '“', '"']) || between.contains(", and ") {
            return None;
        }
        let reporter = self.subject_of_verb(sentence, span, outer, outer_form, context);
        let doer = match self.subject_of_verb(sentence, span, inner, inner_form, context) {
            Some(Decision::Sure(Who::Actor(a), _)) => vec![a],
            Some(Decision::Open(candidates)) => candidates,
            _ => Vec::new(),
        };
        let with_doer = |mut candidates: Vec<usize>| {
            for a in &doer {
                if !candidates.contains(a) {
                    candidates.push(*a);
                }
            }
            candidates
        };
        Some(match reporter {
            // The reporter's words, unless an actor who did the act may have said them.
            Some(Decision::Sure(Who::Actor(x), rule)) if doer.iter().all(|&a| a == x) => {
                Decision::Sure(Who::Actor(x), rule)
            }
            Some(Decision::Sure(Who::Actor(x), _)) => Decision::Open(with_doer(vec![x])),
            Some(Decision::Open(candidates)) => Decision::Open(with_doer(candidates)),
            Some(unnamed @ Decision::Sure(Who::Unnamed, _)) => unnamed,
            None if doer.is_empty() => Decision::Sure(Who::Unnamed, Rule::NoPattern),
            None => Decision::Open(doer),
        })
    }

    /// Who is the subject of the reporting verb at `verb_start` in the clause from `sentence`
    /// before the quote `span`: a name, a pronoun, the sentence's subject for a participle, a
    /// description; when only names of people stand before it, they are the candidates.
    fn subject_of_verb(
        &self,
        sentence: usize,
        span: &Span,
        verb_start: usize,
        form: VerbForm,
        context: &PronounContext,
    ) -> Option<Decision> {
        let text = self.text;
        // "Ortiz denied Ruiz's claim that the vote was “rigged”": the owner of the words,
        // nearer the quote than the verb, speaks.
        if let Some((at, actor)) = self.possessive_at(sentence, span) {
            if at > verb_start {
                return Some(Decision::actor(actor, Rule::Possessive));
            }
        }
        // "An aide to Mayor Oran said the mayor was “…”".
        if self.speaks_for_person(sentence, verb_start) {
            return Some(Decision::Sure(Who::Unnamed, Rule::UnnamedSpeaker));
        }
        if let Some(a) = self.verb_subject(sentence, verb_start) {
            return Some(Decision::actor(a, Rule::PartialSubject));
        }
        // "Marrach's foreign ministry said …": the actor the phrase describes.
        if let Some(m) = self
            .mentions_before(verb_start)
            .iter()
            .rev()
            .find(|m| m.start >= sentence)
        {
            let tail = &text[m.end..verb_start];
            if (tail.starts_with("'s ") || tail.starts_with("’s "))
                && word_iter(tail).take(6).count() <= 5
            {
                // "Oran's office said": who speaks for a person is not the person.
                let speaks_for = word_iter(tail)
                    .last()
                    .is_some_and(|(_, _, w)| OFFICE_NOUNS.contains(&w));
                if speaks_for && self.cast.is_person(m.actor) {
                    return Some(Decision::Sure(Who::Unnamed, Rule::UnnamedSpeaker));
                }
                if let Subject::Actor(a) = self.subject_of(m.start, verb_start) {
                    if a != m.actor {
                        return Some(Decision::actor(a, Rule::Description));
                    }
                }
            }
        }
        let before_verb = words(&text[sentence..verb_start]);
        if let Some(decision) = self.pronoun_subject(&before_verb, verb_start, context) {
            return Some(decision);
        }
        // "accused Ruiz of saying “…”", "praised Ruiz for calling": the gerund's subject is the
        // object before it ("responded by calling" keeps the sentence's subject).
        let after_preposition = before_verb
            .last()
            .is_some_and(|(_, _, w)| matches!(*w, "of" | "for" | "about"));
        let sentence_at = sentence_start(text, span.open);
        let in_reported_clause = self.in_reported_clause(sentence_at, verb_start);
        if form == VerbForm::Ing && !after_preposition && !in_reported_clause {
            if let Some(decision) = self.parenthetical(sentence_at, verb_start, context) {
                return Some(decision);
            }
            match self.subject_of(sentence_at, verb_start) {
                Subject::Actor(a) => return Some(Decision::actor(a, Rule::ParticipleBefore)),
                Subject::Both(a, b) => return Some(Decision::Open(vec![a, b])),
                Subject::AndOther(a, _) => return Some(Decision::Open(vec![a])),
                _ => {}
            }
        }
        // "The port authority says the old rotas were “…”".
        let from = text[sentence..verb_start]
            .rfind(',')
            .map_or(sentence, |c| sentence + c + 1);
        if !self
            .mentions
            .iter()
            .any(|m| m.start >= from && m.end <= verb_start)
        {
            let np = self.subject_words(sentence, verb_start);
            if let Some(decision) = self.other_subject(&np, verb_start, context) {
                return Some(decision);
            }
        }
        // A verb whose subject we cannot read: say who it might be, never guess.
        let candidates: Vec<usize> = self
            .actors_between(sentence, verb_start)
            .into_iter()
            .filter(|&a| self.cast.is_person(a))
            .collect();
        (!candidates.is_empty()).then_some(Decision::Open(candidates))
    }
}

/// Where the title before a name starts in `head` (the words before the name): past title
/// words, honorifics and the words of a compound office ("Prime Minister", "Deputy
/// Governor"), and up to two capitalised words before a capitalised title that a lowercase
/// preposition governs ("for Finance Minister", "of Valdorian Interior Minister"; not "On
/// Monday", nor past a comma: "According to Vela, Interior Minister"). `head.len()` when no
/// title stands just before the name. `head` holds byte ranges in `text`.
fn title_start(text: &str, head: &[(usize, usize, &str)]) -> usize {
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    // A capitalised word of a title ("Minister", "Deputy", "Health"), not "of" or "for".
    let titled = |w: &str| {
        let lower = w.to_lowercase();
        capitalised(w)
            && (is_title_word(&lower)
                || is_person_noun(&lower)
                || COMPOUND_PREFIXES.contains(&lower.as_str())
                || HONORIFICS.contains(&w))
    };
    let mut k = head.len();
    loop {
        if k > 0 && titled(head[k - 1].2) {
            k -= 1;
        } else if k >= 2
            && k < head.len()
            && matches!(head[k - 1].2, "of" | "for" | "and")
            && titled(head[k - 2].2)
        {
            // "Minister of Health", "Secretary for Trade".
            k -= 2;
        } else {
            break;
        }
    }
    if k == head.len() {
        return k;
    }
    (1..=2)
        .map(|n| k.saturating_sub(n))
        .filter(|&j| {
            j > 0
                && head[j..k].iter().all(|t| capitalised(t.2))
                && text[head[j - 1].1..head[k].0]
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == ' ')
        })
        .find(|&j| PREPOSITIONS.contains(&head[j - 1].2))
        .unwrap_or(k)
}

/// Whether the text between a speaker's name and its verb is a harmless gap: nothing, an
/// apposition or relative clause between commas ("Lavrov, the Russian foreign minister,
/// said", "Ortiz, who met Leo on Saturday, said"), an age (", 54,"), or a few adverbs,
/// auxiliaries or time words ("Lavrov on Friday said", "Ruiz recently said").
fn is_gap(gap: &str) -> bool {
    let trimmed = gap.trim();
    if trimmed.is_empty() {
        return true;
    }
    // An apposition then adverbs: "Kerry, the US secretary of state, later said".
    if let Some(rest) = trimmed.strip_prefix(',') {
        if let Some(close) = rest.find(',') {
            let (inside, after) = (&rest[..close], &rest[close + 1..]);
            if !after.trim().is_empty()
                && !inside.contains(['“', '"', '.', ';'])
                && word_iter(inside).take(21).count() <= 20
                && is_gap(after)
            {
                return true;
            }
        }
    }
    if trimmed.len() >= 2
        && trimmed.starts_with(',')
        && trimmed.ends_with(',')
        && !trimmed[1..trimmed.len() - 1].contains(['.', ';'])
    {
        return word_iter(trimmed).take(21).count() <= 20;
    }
    // "(54)" or "(pictured)".
    if trimmed.starts_with('(') && trimmed.ends_with(')') && word_iter(trimmed).take(4).count() <= 3
    {
        return true;
    }
    let ws = words(trimmed);
    ws.len() <= 3
        && ws
            .iter()
            .all(|(_, _, w)| gap_word(w) || (w.len() > 4 && w.ends_with("ly")))
        && !trimmed.contains([',', ';', ':'])
}

/// An adverb, auxiliary or time word: what may stand between a speaker and the verb.
fn is_filler(word: &str) -> bool {
    gap_word(word) || (word.len() > 4 && word.ends_with("ly"))
}

/// A word that may stand between a speaker and the verb: "Lavrov on Friday said". One of
/// [`GAP_WORDS`] or a weekday.
fn gap_word(word: &str) -> bool {
    GAP_WORDS.contains(&word) || WEEKDAYS.iter().any(|(name, _)| *name == word)
}

/// Words that may stand between a speaker and the verb, weekdays aside ([`gap_word`]).
const GAP_WORDS: &[&str] = &[
    "on",
    "also",
    "later",
    "then",
    "had",
    "has",
    "have",
    "was",
    "is",
    "will",
    "would",
    "earlier",
    "again",
    "once",
    "today",
    "yesterday",
    "tonight",
    "late",
    "himself",
    "herself",
    "themselves",
    "itself",
    "last",
    "week",
    "night",
    "morning",
    "soon",
    "afterwards",
    "still",
    "further",
    "too",
    "however",
    "long",
    "now",
    "just",
    "never",
    "already",
];

/// Whether `needle` stands as a run of whole words in `hay`.
fn contains_words(hay: &[&str], needle: &[&str]) -> bool {
    !needle.is_empty()
        && needle.len() <= hay.len()
        && hay.windows(needle.len()).any(|w| w == needle)
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
pub(crate) fn spans(text: &str) -> Vec<Span> {
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
    word_iter(text).collect()
}

/// [`words`] one at a time, for a caller that reads only the first few.
pub(crate) fn word_iter(text: &str) -> impl Iterator<Item = (usize, usize, &str)> {
    let mut chars = text.char_indices();
    std::iter::from_fn(move || loop {
        let mut start: Option<usize> = None;
        let mut end = text.len();
        for (i, c) in chars.by_ref() {
            let inside =
                c.is_alphanumeric() || (start.is_some() && matches!(c, '\'' | '’' | '-' | '.'));
            match (inside, start) {
                (true, None) => start = Some(i),
                (false, Some(_)) => {
                    end = i;
                    break;
                }
                _ => {}
            }
        }
        let s = start?;
        let w = &text[s..end];
        // A sentence's full stop is not part of its last word ("said." → "said"), but the
        // stops of an abbreviation are ("U.S.").
        let trimmed = w.trim_end_matches(['.', '\'', '’', '-']);
        let word = if w.ends_with('.') && trimmed.contains('.') {
            (s, end, w)
        } else {
            (s, s + trimmed.len(), trimmed)
        };
        if !word.2.is_empty() {
            return Some(word);
        }
    })
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
    // The space before the word may be wider than a byte (a non-breaking space).
    let word_start = head[..i]
        .char_indices()
        .rev()
        .find(|(_, ch)| ch.is_whitespace())
        .map_or(0, |(p, ch)| p + ch.len_utf8());
    let word = &head[word_start..i];
    if c == '.'
        && (word.contains('.')
            || word.chars().count() <= 1
            || [
                "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "No",
            ]
            .contains(&word)
            || ABBREVIATED_MONTHS.contains(&word))
    {
        return None;
    }
    Some(i + c.len_utf8() + closing + space.len_utf8())
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
            pronoun: None,
            members: vec![],
            notes: vec![],
            events: vec![],
            body: String::new(),
        }
    }

    /// What a test reads of one quote.
    #[derive(Debug, PartialEq)]
    struct Found {
        /// The speaker's slug, "-" for none, "?a b" for candidates.
        speaker: String,
        term: bool,
        partial: bool,
        text: String,
        rule: &'static str,
    }

    /// The quotes of `body` with `cast`; the default cast is Jane Doe, John Roe (persons
    /// without a pronoun) and Ruritania.
    /// An article of the tests, with `body` and the hand-written `quotes`.
    fn test_article(body: &str, quotes: Vec<crate::model::HandQuote>) -> Article {
        let (paragraphs, asides) = blocks(body, true);
        Article {
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
            quotes,
            notes: vec![],
            draft: false,
            body: body.into(),
            paragraphs,
            asides,
            paragraph_lines: vec![],
            body_line: 1,
            word_count: 0,
        }
    }

    fn found_with(body: &str, cast: Vec<Actor>) -> Vec<Found> {
        let article = test_article(body, vec![]);
        let dossier = Dossier {
            articles: vec![article],
            actors: cast,
            ..Dossier::default()
        };
        let (matcher, _) = Matcher::new(&dossier);
        let mentions = find_all(&dossier, &matcher);
        find(0, &dossier.articles[0], &mentions[0], &Cast::of(&dossier))
            .into_iter()
            .map(|q| Found {
                speaker: match (q.speaker, q.candidates.is_empty()) {
                    (Some(a), _) => dossier.actors[a].slug.clone(),
                    (None, true) => "-".to_owned(),
                    (None, false) => format!(
                        "?{}",
                        q.candidates
                            .iter()
                            .map(|&a| dossier.actors[a].slug.as_str())
                            .collect::<Vec<_>>()
                            .join(" ")
                    ),
                },
                term: q.kind == QuoteKind::Term,
                partial: q.partial,
                text: q.text,
                rule: q.rule.name(),
            })
            .collect()
    }

    fn default_cast() -> Vec<Actor> {
        vec![
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
        ]
    }

    /// The cast of the invented sentences of issue 14: Ortiz (she), Ruiz (he, interior
    /// minister), Pope Leo (he), Governor Vela (she), the Interior Ministry.
    fn issue_cast() -> Vec<Actor> {
        let with = |mut a: Actor, role: &str, pronoun: Option<Pronoun>| {
            a.role = Some(role.into());
            a.pronoun = pronoun;
            a
        };
        vec![
            with(
                actor(
                    "ana-ortiz",
                    "Ana Ortiz",
                    &["Ortiz", "President Ortiz"],
                    ActorKind::Person,
                ),
                "Former president of Valdoria",
                Some(Pronoun::She),
            ),
            with(
                actor("tomas-ruiz", "Tomas Ruiz", &["Ruiz"], ActorKind::Person),
                "Interior Minister of Valdoria",
                Some(Pronoun::He),
            ),
            with(
                actor("pope-leo", "Pope Leo", &["Leo"], ActorKind::Person),
                "Head of the Church",
                Some(Pronoun::He),
            ),
            with(
                actor(
                    "lena-vela",
                    "Lena Vela",
                    &["Vela", "Governor Vela"],
                    ActorKind::Person,
                ),
                "Governor of the North",
                None,
            ),
            with(
                actor(
                    "interior-ministry",
                    "Interior Ministry",
                    &[],
                    ActorKind::Organisation,
                ),
                "Valdoria's ministry of the interior",
                None,
            ),
        ]
    }

    /// The cast of the invented harbour town of Brenn (the second blind audit's traps, in new
    /// words): Wenna Strand (she, a porter), Stellan Quist (he, Prime Minister of Telmark),
    /// Hella Brun (she, Finance Minister), Ines Varro (she, chair of the inquiry), Teodor Lask
    /// (he, harbour master), Mayor Piet Oran (he), Telmark, and the Guild of Harbour
    /// Workers.
    fn harbour_cast() -> Vec<Actor> {
        let with = |mut a: Actor, role: &str, pronoun: Option<Pronoun>| {
            a.role = Some(role.into());
            a.pronoun = pronoun;
            a
        };
        let person = |slug, name, aliases: &[&str]| actor(slug, name, aliases, ActorKind::Person);
        vec![
            with(
                person("wenna-strand", "Wenna Strand", &["Strand", "Ms Strand"]),
                "Porter at the Brenn docks",
                Some(Pronoun::She),
            ),
            with(
                person("stellan-quist", "Stellan Quist", &["Quist"]),
                "Prime Minister of Telmark",
                Some(Pronoun::He),
            ),
            with(
                person("hella-brun", "Hella Brun", &["Brun"]),
                "Finance Minister of Telmark",
                Some(Pronoun::She),
            ),
            with(
                person("ines-varro", "Ines Varro", &["Varro"]),
                "Chair of the harbour inquiry",
                Some(Pronoun::She),
            ),
            with(
                person("teodor-lask", "Teodor Lask", &["Lask"]),
                "Harbour master of Brenn",
                Some(Pronoun::He),
            ),
            with(
                person("piet-oran", "Piet Oran", &["Oran", "Mayor Oran"]),
                "Mayor of Brenn",
                Some(Pronoun::He),
            ),
            actor("telmark", "Telmark", &[], ActorKind::State),
            with(
                actor(
                    "workers-guild",
                    "Guild of Harbour Workers",
                    &["GHW"],
                    ActorKind::Organisation,
                ),
                "Union of the Brenn dock workers",
                None,
            ),
        ]
    }

    /// `(speaker slug or "-", partial, text)` of every quote in `body`, with a small cast.
    fn quotes_in(body: &str) -> Vec<(String, bool, String)> {
        found_with(body, default_cast())
            .into_iter()
            .map(|f| (f.speaker, f.partial, f.text))
            .collect()
    }

    /// Each `(body, expected)`: the speakers (or "term") of the body's quotes with the issue's
    /// cast, joined by spaces.
    fn expect_issue(cases: &[(&str, &str)]) {
        expect_with(issue_cast, cases);
    }

    /// Each `(body, expected)`: the speakers (or "term") of the body's quotes with `cast`,
    /// joined by spaces.
    fn expect_with(cast: fn() -> Vec<Actor>, cases: &[(&str, &str)]) {
        let wrong: Vec<String> = cases
            .iter()
            .filter_map(|(body, expected)| {
                let found: Vec<String> = found_with(&format!("{body}\n"), cast())
                    .into_iter()
                    .map(|f| if f.term { "term".to_owned() } else { f.speaker })
                    .collect();
                let found = found.join(" ");
                (found != *expected)
                    .then(|| format!("{body}\n  found:    {found}\n  expected: {expected}"))
            })
            .collect();
        assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    }

    /// Speaker, or "term", of each quote in `body` with the issue's cast.
    fn issue(body: &str) -> Vec<String> {
        found_with(body, issue_cast())
            .into_iter()
            .map(|f| if f.term { "term".to_owned() } else { f.speaker })
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
    fn pronouns_mean_the_subject_who_acts() {
        // The subject of the sentence before, not the person it met.
        assert_eq!(
            speakers("Doe met Roe in the capital. \"It was useful,\" she said.\n"),
            ["jane-doe"]
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
        // A sentence about no one: the last speaker goes on.
        assert_eq!(
            speakers("\"We came,\" Roe said. The talks were long. \"We stayed,\" he added.\n"),
            ["john-roe", "john-roe"]
        );
        // A new person, not an actor, in between: not the last speaker.
        assert_eq!(
            speakers("\"We came,\" Roe said.\n\nAmong the crowd was Sanna Koivu, 34, a fisher. \"We stayed,\" he said.\n"),
            ["john-roe", "-"]
        );
    }

    #[test]
    fn the_issues_sentences() {
        assert_eq!(issue("Voters said \"no\" to the accord.\n"), ["term"]);
        assert_eq!(
            issue("Ruiz defended the 200-page \"framework accord,\" signed in May.\n"),
            ["term"]
        );
        assert_eq!(issue("Ortiz led a \"yes\" campaign.\n"), ["term"]);
        assert_eq!(
            issue("Former president Ortiz, who met Pope Leo on Saturday, has demanded changes. \"We ask for reflection,\" she said.\n"),
            ["ana-ortiz"]
        );
        // The same with a pronoun that fits both: the subject who acts, never the object.
        assert_eq!(
            issue("Ruiz, who met Pope Leo on Saturday, has demanded changes. \"We ask for reflection,\" he said.\n"),
            ["tomas-ruiz"]
        );
        assert_eq!(
            issue("Ruiz vowed: \"We will not back down.\"\n"),
            ["tomas-ruiz"]
        );
        assert_eq!(issue("Ruiz tweeted: \"Back to work.\"\n"), ["tomas-ruiz"]);
        assert_eq!(
            issue("Ruiz spoke to parliament.\n\nThe minister also took to social media, declaring: \"Order will be kept.\"\n"),
            ["tomas-ruiz"]
        );
        assert_eq!(
            issue("Ruiz also took to social media, declaring: \"Order will be kept.\"\n"),
            ["tomas-ruiz"]
        );
        assert_eq!(
            issue("Ruiz recently said the vote was \"a mistake we will correct\".\n"),
            ["tomas-ruiz"]
        );
        assert_eq!(
            issue("Ruiz, speaking in Havana, said: \"The border stays open.\"\n"),
            ["tomas-ruiz"]
        );
    }

    #[test]
    fn every_attribution_construction() {
        let cases: &[(&str, &str)] = &[
            ("\"We will talk,\" Ruiz said.", "tomas-ruiz"),
            ("\"We will talk,\" said Ruiz.", "tomas-ruiz"),
            (
                "\"We will talk,\" said Valdorian Interior Minister Tomas Ruiz.",
                "tomas-ruiz",
            ),
            ("\"We will talk,\" Ruiz, 54, said.", "tomas-ruiz"),
            (
                "\"We will talk,\" said Ruiz, who arrived on Monday.",
                "tomas-ruiz",
            ),
            ("\"We will talk,\" Ruiz later added.", "tomas-ruiz"),
            ("\"We will talk,\" Ruiz conceded.", "tomas-ruiz"),
            ("\"We will talk,\" according to Ruiz.", "tomas-ruiz"),
            ("According to Ruiz, \"the talks will go on.\"", "tomas-ruiz"),
            (
                "Ruiz was quoted as saying \"the talks will go on.\"",
                "tomas-ruiz",
            ),
            (
                "In a statement, Ruiz said: \"The talks will go on.\"",
                "tomas-ruiz",
            ),
            ("Ruiz insisted: \"The talks will go on.\"", "tomas-ruiz"),
            (
                "Ruiz told reporters that the plan was \"dead on arrival\".",
                "tomas-ruiz",
            ),
            (
                "Ruiz called the plan \"a betrayal of every voter\".",
                "tomas-ruiz",
            ),
            ("\"We will talk,\" a senior official said.", "-"),
            ("\"We will talk,\" said a spokeswoman.", "-"),
            ("Crowds chanted \"Ortiz out!\" outside the palace.", "-"),
            (
                "\"She saved our town,\" said Marta Gil, a baker, of Governor Vela.",
                "-",
            ),
            (
                "\"He gave us hope,\" Marta Gil, a baker, said of Ruiz.",
                "-",
            ),
            ("Ruiz met Vela. \"We will talk,\" the ministry said.", "-"),
            (
                "The Interior Ministry opened an inquiry. \"We will talk,\" the ministry said.",
                "interior-ministry",
            ),
            (
                "\"We will talk,\" Ortiz said. \"And we will agree.\"",
                "ana-ortiz ana-ortiz",
            ),
            (
                "> \"Back to work.\" — Tomas Ruiz (@truiz), 4 May 2031",
                "tomas-ruiz",
            ),
            ("Ruiz: \"We will talk.\"", "tomas-ruiz"),
            (
                "Vela met the strikers. She smiled. \"Ask me next week.\"",
                "lena-vela",
            ),
        ];
        expect_issue(cases);
    }

    #[test]
    fn traps_found_in_review_give_no_wrong_speaker() {
        // Each: the sentence, and the speaker (or "-" for none, "?" prefix for uncertain).
        let cases: &[(&str, &str)] = &[
            // A non-breaking space before a full stop's word must not break anything.
            (
                "Talks ended on\u{a0}Monday. “We won,” Ortiz said.",
                "ana-ortiz",
            ),
            // An attribution that cannot be read stops there: no continuation guesses.
            (
                "“I disagree,” Ortiz said. “Never,” Ruiz's spokesman said.",
                "ana-ortiz -",
            ),
            // The object of a preposition is not the speaker.
            ("“We will appeal,” a critic of Ortiz said.", "-"),
            ("“We will appeal,” said a lawyer for Ruiz.", "-"),
            // Passive: who was spoken to.
            ("“You are dismissed,” Ruiz was told.", "-"),
            ("Ruiz was asked: “Will you resign?”", "-"),
            // Reported speech inside reported speech.
            ("Ortiz quoted Ruiz as saying: “It is over.”", "tomas-ruiz"),
            ("Ortiz said Ruiz had called her “a liar”.", "tomas-ruiz"),
            ("Ortiz accused Ruiz of saying “the vote is rigged”.", "-"),
            (
                "Ortiz denied Ruiz's claim that the vote was “rigged beyond repair”.",
                "tomas-ruiz",
            ),
            ("Ortiz repeated Ruiz's words: “I resign.”", "tomas-ruiz"),
            (
                "Ruiz dismissed Ortiz, who said she would “fight to the end”.",
                "ana-ortiz",
            ),
            // A reply is not the last speaker's: the others named are the candidates.
            (
                "Vela told Ruiz: “Go.” He replied: “No.”",
                "lena-vela ?tomas-ruiz",
            ),
        ];
        expect_issue(cases);
    }

    /// Traps from a second dossier written after the rules (a hearing, a regulator, a radio
    /// bulletin), in new words: each sentence must give the right speaker or none.
    #[test]
    fn traps_of_a_second_reading_give_no_wrong_speaker() {
        let cases: &[(&str, &str)] = &[
            // Whoever asks is not who replies, even when nobody spoke before.
            (
                "Ruiz turned to the minister's letter. He asked whether the order was obeyed. “It was not,” he replied.",
                "-",
            ),
            // Passive: the one asked replies.
            (
                "Ruiz was asked whether the order was obeyed. “It was not,” he replied.",
                "tomas-ruiz",
            ),
            // Another woman named since the last speaker: "she" is not surely the speaker.
            (
                "“We were ready,” Ortiz said.\n\nVela's account of the night took an hour. The Interior Ministry had written to the mayor. No warning came, she said, and nobody asked why. “I should have called,” she said.",
                "ana-ortiz ?ana-ortiz lena-vela",
            ),
            // Someone who is not in the cast, set off by commas, is the subject "he" means.
            (
                "“We will rebuild,” Ruiz said.\n\nA geologist at the Northern Institute, Professor Karl Emde, said the slope had moved. “It can slide again,” he said.",
                "tomas-ruiz -",
            ),
            // An infinitive of saying after someone else's verb: its subject may be the other.
            (
                "Ortiz said Ruiz had rung her on Monday to say the ministry “would not object” to the plan.",
                "?ana-ortiz tomas-ruiz",
            ),
            // "X of the Ministry told": the person, not the ministry.
            (
                "Inspector Lena Vela of the Interior Ministry told the hearing that the survey had found “serious cracks” in the wall.",
                "lena-vela",
            ),
            // A participle after a reported clause belongs to that clause's subject.
            (
                "Ruiz said the office had written to the governor, asking her to “close the road at once.”",
                "-",
            ),
            // A participle after a quote, or after a relative clause's verb, is the subject's.
            (
                "Ruiz said the talks were “over for today,” adding: “We will call.”",
                "tomas-ruiz tomas-ruiz",
            ),
            (
                "Governor Vela, who has said she is ready to resign, was quoted by a local paper as saying that the vote was “a warning, not a verdict.”",
                "lena-vela",
            ),
            // Words reported by someone else, as another tells it: either may be the speaker.
            (
                "According to Vela, Interior Minister Tomas Ruiz told her in May that the office “must choose between its staff and its budget.”",
                "?lena-vela tomas-ruiz",
            ),
            // A category given in quotes is a term, whoever speaks in the sentence.
            (
                "“That was a mistake,” said Ortiz, recalling the decision to treat the crack as a “concern” rather than a danger.",
                "ana-ortiz term",
            ),
            // "they" after a plural of people outside the cast is theirs, not the
            // organisation's named before.
            (
                "The Interior Ministry said in a statement that it would investigate.\n\nThe relatives who had waited at the gate said they had been told nothing. “We heard it on the radio,” they said.",
                "-",
            ),
            // ... but "she" does not mean them.
            (
                "“We will wait,” Ortiz said.\n\nColleagues describe a careful woman. Asked whether she had wanted the job, she said only: “Nobody wants it.”",
                "ana-ortiz ana-ortiz",
            ),
            // "who" after an apposition ending in an organisation: the person it describes.
            (
                "“The wall was never tested,” said Lena Vela, a deputy director of the Interior Ministry, who accused Ruiz of “burying the survey.”",
                "lena-vela lena-vela",
            ),
            // "according to X" inside a relative clause: the verb after it has the words.
            (
                "His brother Karl Emde, whose calm kept the crew alive according to Ruiz, said only: “We waited.”",
                "-",
            ),
            // A later clause with a subject of its own: its words are not the first clause's
            // speaker's.
            (
                "The Interior Ministry ordered new barriers in March, its head Tomas Ruiz has said, and the operator told investors in April that the dam was “fully safe.”",
                "-",
            ),
        ];
        expect_issue(cases);
    }

    /// "The decree cites “…”": the words of a text, not of the actor whose role mentions it
    /// after its first phrase.
    #[test]
    fn a_document_quoted_is_not_the_actor_its_role_mentions() {
        let mut cast = issue_cast();
        cast[0].role = Some("Former president of Valdoria, removed by decree in May".into());
        let found = found_with(
            "Ortiz left the palace on Monday. The decree cites “a grave breach of duty” as the reason.\n",
            cast,
        );
        assert_eq!(found[0].speaker, "-", "{found:?}");
        // The role's first phrase still describes her.
        let found = found_with(
            "Ortiz left the palace on Monday. “I will return,” the former president said.\n",
            issue_cast(),
        );
        assert_eq!(found[0].speaker, "ana-ortiz", "{found:?}");
    }

    /// "The relatives said": people, not the organisation whose role mentions relatives.
    #[test]
    fn people_described_are_not_an_organisation_whose_role_names_them() {
        let mut cast = issue_cast();
        let ministry = cast
            .iter()
            .position(|a| a.slug == "interior-ministry")
            .unwrap();
        cast[ministry].role = Some("Committee of the relatives of the missing crew".into());
        let found = found_with(
            "The Interior Ministry said it would “not accept silence.”\n\nThe relatives who had waited at the quay said they had been told nothing. “We heard it on the radio,” they said.\n",
            cast,
        );
        assert_eq!(found[0].speaker, "interior-ministry", "{found:?}");
        assert_eq!(found[1].speaker, "-", "{found:?}");
    }

    /// "“Wenna, …,” she said": a name and a comma opening (or closing) a quote address that
    /// person, who is not the one speaking.
    #[test]
    fn a_person_addressed_by_name_is_not_the_speaker() {
        expect_with(
            harbour_cast,
            &[
                (
                    "Strand met the minister in May. “Wenna, there is not a single bed more,” she said.",
                    "-",
                ),
                (
                    "Strand met the minister in May. “There is not a single bed more, Wenna,” she said.",
                    "-",
                ),
                // Not a vocative: a list of names, a name and its relative clause.
                (
                    "Strand met the minister in May. “Lask, Oran and I will go,” she said.",
                    "wenna-strand",
                ),
                (
                    "Strand met the minister in May. “We will go,” she said.",
                    "wenna-strand",
                ),
            ],
        );
    }

    /// In a transcript line "Strand: …" the line's speaker says "I": "she said" there is
    /// someone else, and the label is not the subject of the line's first sentence.
    #[test]
    fn a_transcript_line_speaker_is_not_she_in_her_own_line() {
        expect_with(
            harbour_cast,
            &[
                (
                    "“We asked for beds,” Strand said.\n\nStrand: When I met the minister, she said: “There is no money left.”",
                    "wenna-strand -",
                ),
                (
                    "Strand: I wrote to the ministry twice. When we finally met, she said: “There is no money left.”",
                    "-",
                ),
                (
                    "Strand: A porter there — Ilse Strand, no relation — kept the lists. She told me, “The lists were never the point.”",
                    "-",
                ),
                // Her own words in her line stay hers.
                ("Strand: “We asked for beds.”", "wenna-strand"),
            ],
        );
    }

    /// "A porter there — Ilse Strand, no relation — …. She told me, “…”": someone outside the
    /// cast, set off by dashes, is the subject "she" means, not the last speaker.
    #[test]
    fn a_person_set_off_by_dashes_is_the_subject_a_pronoun_means() {
        expect_with(
            harbour_cast,
            &[(
                "“We asked for beds,” Strand said.\n\nA porter there — Ilse Strand, no relation — kept the lists. She told me, “The lists were never the point.”",
                "wenna-strand -",
            )],
        );
    }

    /// "the minister" is not the Prime Minister (another office), and a description does not
    /// reach back past a person outside the cast it may mean.
    #[test]
    fn a_description_fits_its_office_and_the_nearest_person() {
        expect_with(
            harbour_cast,
            &[
                // A compound office is not its last word's.
                (
                    "Quist flew to Brenn on Monday. “We will not be lectured,” the minister said.",
                    "-",
                ),
                (
                    "Quist flew to Brenn on Monday. “We will not be lectured,” the prime minister said.",
                    "stellan-quist",
                ),
                (
                    "Brun spoke in parliament on Monday. “We will not be lectured,” the minister said.",
                    "hella-brun",
                ),
                // A person outside the cast with the description's title, named nearer.
                (
                    "Brun spoke in parliament on Monday.\n\nIn Vesland, Mr. Arvo Delk, the foreign minister, rejected the plan. “We will not be lectured,” the minister said.",
                    "-",
                ),
                (
                    "Brun spoke in parliament on Monday. Foreign Minister Arvo Delk of Vesland disagreed. “We will not be lectured,” the minister said.",
                    "-",
                ),
                // Named nearer without a title: either may be meant.
                (
                    "Brun spoke in parliament on Monday. Mr. Delk left the room. “We will not be lectured,” the minister said.",
                    "?hella-brun",
                ),
                // Named before the actor: the actor is the nearer.
                (
                    "Mr. Delk left the room. Brun spoke in parliament on Monday. “We will not be lectured,” the minister said.",
                    "hella-brun",
                ),
            ],
        );
    }

    /// "X said Y had agreed to …“…”": the words are Y's only when Y's verb reports speech;
    /// after an act (agreed, offered) they are at least as likely X's.
    #[test]
    fn words_after_an_act_in_a_reported_clause_are_the_reporters() {
        expect_with(
            harbour_cast,
            &[
                (
                    "Mr. Arvo Delk added that Telmark had offered Vesland “full access to the harbour” on Friday and had “received no reply.”",
                    "- -",
                ),
                (
                    "Varro said Lask had agreed to testify “without conditions”.",
                    "?ines-varro teodor-lask",
                ),
                // No actor did the act: the reporter's.
                (
                    "Inquiry chair Ines Varro said Mr. Orme had agreed to testify “without conditions”.",
                    "ines-varro",
                ),
                // A verb of saying: the words are its subject's.
                (
                    "Varro said Lask had promised to “reopen the quay by June”.",
                    "teodor-lask",
                ),
                ("Varro said Lask had vowed to “fight on”.", "teodor-lask"),
                (
                    "Varro said Lask had called the audit “a witch hunt”.",
                    "teodor-lask",
                ),
                // No reported clause: the act's subject.
                (
                    "Telmark offered Vesland “full access to the harbour” on Friday.",
                    "telmark",
                ),
            ],
        );
    }

    /// "the workers chanted": people, not the organisation whose name holds the noun.
    #[test]
    fn a_plural_description_is_people_not_an_organisation() {
        expect_with(
            harbour_cast,
            &[
                (
                    "Hundreds marched on the quay in a protest that the Guild of Harbour Workers (GHW) said it had not called. “Ships, not fines!” the workers chanted. “Somebody should answer for this.”",
                    "- -",
                ),
                (
                    "The Guild of Harbour Workers met on Monday. “We will strike,” the guild said.",
                    "workers-guild",
                ),
            ],
        );
    }

    /// "what they have started calling the “black tide”": a label, like "dubbed".
    #[test]
    fn what_people_call_something_is_a_term() {
        expect_with(
            harbour_cast,
            &[
                (
                    "Strand walked past what the people of Brenn have started calling the “black tide”.",
                    "term",
                ),
                (
                    "Strand rowed out to what fishermen call “the graveyard” at dawn.",
                    "term",
                ),
                (
                    "Strand rowed past the wreck, which fishermen called the “iron whale”, at dawn.",
                    "term",
                ),
                // Calling something by a name of one's own making is still speech.
                (
                    "Strand called the plan “a slow death for the harbour”.",
                    "wenna-strand",
                ),
            ],
        );
    }

    /// "Oran and Colonel Teska walked …. “…,” he said": two men, so "he" is either.
    #[test]
    fn two_people_coordinated_leave_a_pronoun_open() {
        expect_with(
            harbour_cast,
            &[
                (
                    "Mayor Piet Oran and Colonel Bruno Teska walked through the village. “There is nobody left in any house,” he said.",
                    "?piet-oran",
                ),
                (
                    "Mayor Piet Oran and Harbour Master Teodor Lask walked through the village. “There is nobody left in any house,” he said.",
                    "?piet-oran teodor-lask",
                ),
                // Someone the pronoun cannot mean.
                (
                    "Mayor Piet Oran and his wife, Maja, walked through the village. “There is nobody left in any house,” he said.",
                    "piet-oran",
                ),
                (
                    "Mayor Piet Oran walked through the village. “There is nobody left in any house,” he said.",
                    "piet-oran",
                ),
            ],
        );
    }

    /// "his office said, adding that he would “…”": a person's office or spokesperson speaks
    /// for the person, and is not the person (by the convention of the gold files).
    #[test]
    fn a_persons_office_is_not_the_person() {
        expect_with(
            harbour_cast,
            &[
                (
                    "Oran would visit the flooded quarter on Friday, his office said, adding that he would “spare no effort”.",
                    "-",
                ),
                (
                    "Oran would visit the flooded quarter on Friday, the mayor's office said, adding that he would “spare no effort”.",
                    "-",
                ),
                (
                    "Oran's office said the mayor would “spare no effort”.",
                    "-",
                ),
                (
                    "“The mayor will spare no effort,” according to a spokesman for Oran.",
                    "-",
                ),
                // The person himself.
                (
                    "Oran toured the flooded quarter, adding that the city would “spare no effort”.",
                    "piet-oran",
                ),
                (
                    "Oran would visit the flooded quarter on Friday, he said, adding that the city would “spare no effort”.",
                    "piet-oran",
                ),
                // A spokesperson for an organisation is the organisation.
                (
                    "“We will strike,” according to a spokesman for the Guild of Harbour Workers.",
                    "workers-guild",
                ),
            ],
        );
    }

    /// "A spokesman for Prime Minister X said": the spokesperson, an aide or the office of a
    /// person named with a title after "for", "to" or "of" is not the person, before the quote
    /// or in running text; the person's own words, with a title of several words, still are.
    #[test]
    fn a_spokesperson_for_a_titled_person_is_not_the_person() {
        expect_with(
            harbour_cast,
            &[
                (
                    "An aide to Mayor Piet Oran said the mayor was “deeply shaken” by the collapse.",
                    "-",
                ),
                (
                    "A spokeswoman for Finance Minister Hella Brun told reporters the budget was “not up for debate”.",
                    "-",
                ),
                ("A spokesman for Quist said: “The talks are over.”", "-"),
                // Not the person: "of" before a title governs the name.
                (
                    "A critic of Finance Minister Hella Brun said the budget was “a fraud”.",
                    "?hella-brun",
                ),
                // The person, with a title of several words or a title with "of".
                (
                    "Finance Minister Hella Brun said the talks were “over”.",
                    "hella-brun",
                ),
                (
                    "The Telmark Minister of Finance Hella Brun said the talks were “over”.",
                    "hella-brun",
                ),
                ("On Monday Mayor Oran said: “The quay is shut.”", "piet-oran"),
                (
                    "Lask, an ally of Mayor Oran, said the quay was “safe”.",
                    "teodor-lask",
                ),
            ],
        );
    }

    /// "the operator's claims of a “spotless” record": a few quoted words in a phrase that a
    /// noun of claim governs are the claim's wording, a term; a partial quote that a verb
    /// introduces is still its subject's.
    #[test]
    fn words_of_a_claim_someone_else_made_are_a_term() {
        expect_with(
            harbour_cast,
            &[
                (
                    "Lask was dismissive of the operator's claims of a “spotless” record.",
                    "term",
                ),
                (
                    "Varro laughed off talk of a “secret” deal with Telmark.",
                    "term",
                ),
                (
                    "Brun, speaking after the vote, was scornful of the guild's assurances of “full” transparency.",
                    "term",
                ),
                (
                    "Brun rejected claims of a “cover-up”, saying the audit was “thorough”.",
                    "term hella-brun",
                ),
                // Words a verb introduces.
                ("Lask called the plan “reckless”.", "teodor-lask"),
                ("Varro said the dam was “a ticking bomb”.", "ines-varro"),
                ("Lask warned of a “catastrophic” failure.", "teodor-lask"),
                ("Varro spoke of a “betrayal”.", "ines-varro"),
                ("Lask dismissed the claims as “nonsense”.", "teodor-lask"),
            ],
        );
    }

    /// "“…,” said the guild's general secretary, Teodor Lask.": a description of a person and,
    /// after a comma, the name of a person of the dossier that ends the clause.
    #[test]
    fn a_speaker_described_then_named_after_the_verb_is_the_named_actor() {
        expect_with(
            harbour_cast,
            &[
                (
                    "“The quay stays shut until Friday,” said the guild's general secretary, Teodor Lask.",
                    "teodor-lask",
                ),
                (
                    "“We have no more beds,” said the mayor's deputy, Ines Varro, on Sunday.",
                    "ines-varro",
                ),
                // An actor named inside the description.
                (
                    "“The quay stays shut,” said the Guild of Harbour Workers' general secretary, Teodor Lask.",
                    "teodor-lask",
                ),
                (
                    "“The quay stays shut,” said the GHW's general secretary, Teodor Lask.",
                    "teodor-lask",
                ),
                // Someone outside the dossier, or a name that is not the speaker's.
                (
                    "“We have no more beds,” said the mayor's deputy, Anna Holm.",
                    "-",
                ),
                (
                    "“We have no more beds,” said the mayor's deputy, Varro's rival.",
                    "-",
                ),
                // An organisation is no person described.
                (
                    "“We will strike,” said the union's negotiator, Guild of Harbour Workers.",
                    "-",
                ),
            ],
        );
    }

    #[test]
    fn hand_written_quotes_match_whole_words() {
        let body = "Voters said “no” to the plan. “We will not negotiate,” Ortiz said.\n\n";
        let mut article = test_article(
            body,
            vec![crate::model::HandQuote {
                text: "We will not negotiate".into(),
                by: Some("tomas-ruiz".into()),
                term: false,
                reject: false,
            }],
        );
        let dossier = |article: Article| Dossier {
            articles: vec![article],
            actors: issue_cast(),
            ..Dossier::default()
        };
        let d = dossier(article.clone());
        let (matcher, _) = Matcher::new(&d);
        let mentions = find_all(&d, &matcher);
        let quotes = find_with(&d, 0, &mentions[0], &Cast::of(&d));
        // The term “no” is inside "not" as letters, not as a word: it stays a term.
        assert_eq!(quotes[0].kind, QuoteKind::Term);
        assert_eq!(quotes[1].speaker, d.actor_index("tomas-ruiz"));
        // Rejecting a quote removes that quote only.
        article.quotes[0].reject = true;
        let d = dossier(article);
        let quotes = find_with(&d, 0, &mentions[0], &Cast::of(&d));
        assert_eq!(quotes.len(), 1);
        assert_eq!(quotes[0].text, "no");
    }

    #[test]
    fn two_possible_speakers_are_left_uncertain() {
        // Both subjects fit "he": the quote is uncertain, with both as candidates.
        let found = found_with(
            "Ruiz and Leo met on Sunday. \"It was useful,\" he said.\n",
            issue_cast(),
        );
        assert_eq!(found[0].speaker, "?tomas-ruiz pope-leo");
        assert_eq!(found[0].rule, "ambiguous");
        // With no pronoun in the front matter, "she" could be either woman of a pair.
        let found = found_with(
            "Doe and Ortiz met on Sunday. \"It was useful,\" she said.\n",
            [default_cast(), issue_cast()].concat(),
        );
        assert_eq!(found[0].speaker, "?jane-doe ana-ortiz");
        // A pronoun that fits one of them only: that one.
        let found = found_with(
            "Ortiz and Ruiz met on Sunday. \"It was useful,\" he said.\n",
            issue_cast(),
        );
        assert_eq!(found[0].speaker, "tomas-ruiz");
    }

    #[test]
    fn quoted_terms_are_never_attributed() {
        for body in [
            "Ruiz signed the so-called \"green corridor\" decree.",
            "Police moved in during Operation \"Quiet Tide\" on Monday.",
            "The border is known as the \"blue line,\" Ruiz said.",
            "Ruiz wrote the foreword to \"Nets and Needles,\" a history of the coast.",
            "Turnout was 61 percent \"yes,\" 39 percent \"no.\"",
            "Ortiz joined a group called \"Mothers for Peace\" in May.",
        ] {
            let found = found_with(&format!("{body}\n"), issue_cast());
            assert!(
                found.iter().all(|f| f.term && f.speaker == "-"),
                "{body}: {found:?}"
            );
        }
    }

    #[test]
    fn a_quote_over_several_paragraphs_takes_the_speaker_named_at_its_end() {
        let body = "Ortiz recalled her father.\n\n\"He worked nights for twenty years.\n\n\"But a port without ships is a cemetery,\" she said.\n";
        assert_eq!(issue(body), ["ana-ortiz", "ana-ortiz"]);
    }

    #[test]
    fn a_list_after_a_colon_speaks_for_its_introducer() {
        let body = "The Interior Ministry said it would:\n\n- \"close the border crossings;\"\n- \"review every permit.\"\n";
        assert_eq!(issue(body), ["interior-ministry", "interior-ministry"]);
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
