//! Generates a large synthetic dossier (and optionally the equivalent Hugo site) for
//! benchmarking `dossier build` against other static site generators.
//!
//! ```text
//! cargo run --release --example gendossier -- --articles 10000 --out /tmp/d10k \
//!     [--seed 1] [--hugo /tmp/h10k] [--force]
//! ```
//!
//! Everything is deterministic from the seed (a SplitMix64 generator, no dependencies). The
//! dossier has about 200 actors (people with surname aliases, organisations with acronyms,
//! states with their capitals as aliases), 40 sources and N/5 events, each reported by 2–6
//! articles from different sources. Articles are 600–900 words of newswire-like English in
//! 8–20 paragraphs with quotes in the usual attribution patterns; articles about the same
//! event share quotes and sometimes copied paragraphs (syndication), and some events carry
//! claims whose figures the articles state. Files are written as they are generated: only
//! the articles of the current event are kept in memory.
//!
//! With `--hugo DIR` the same articles are also written as a Hugo site whose taxonomies
//! (`actors`, `sources`, `events`) give a term page per actor, source and event, with
//! minimal layouts, so that both tools render comparable pages from the same text.
//!
//! With `--templated` the text is heavily templated, as in a newsroom that writes from stock
//! phrases: 45% of ordinary sentences come from a fixed stock of 144, each person repeats
//! four talking points, half the articles end on one of four closing lines, and wire stories
//! are often republished by 3–5 other sites each (in place of standalone articles, so the
//! dossier keeps N articles). Without it the output is unchanged: nothing templated draws
//! from the generator's random sequence.

use std::collections::{BTreeSet, HashSet};
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{Datelike, Duration, NaiveDate};

// ---------------------------------------------------------------------------------------
// Randomness

/// SplitMix64: tiny, fast, and good enough for test data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        let mut rng = Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B);
        rng.next();
        rng
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 32) * n as u64) >> 32) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    fn word(&mut self, xs: &[&'static str]) -> &'static str {
        xs[self.below(xs.len())]
    }

    fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }

    /// `lo..=hi` distinct elements of `xs` (all of them if there are fewer).
    fn sample<T: Copy>(&mut self, xs: &[T], lo: usize, hi: usize) -> Vec<T> {
        let k = self.range(lo, hi);
        let mut v = xs.to_vec();
        self.shuffle(&mut v);
        v.truncate(k);
        v
    }
}

// ---------------------------------------------------------------------------------------
// Vocabulary

#[rustfmt::skip]
const NOUNS: &[&str] = &[
    "agreement", "proposal", "ceasefire", "deal", "plan", "border", "pipeline", "convoy",
    "delegation", "resolution", "blockade", "embargo", "corridor", "summit", "statement",
    "report", "inquiry", "investigation", "offensive", "withdrawal", "deployment", "mission",
    "crisis", "dispute", "standoff", "negotiation", "framework", "treaty", "accord", "bill",
    "decree", "budget", "loan", "package", "tariff", "quota", "shipment", "harvest",
    "reservoir", "bridge", "port", "airport", "railway", "highway", "checkpoint", "garrison",
    "fleet", "brigade", "militia", "coalition", "government", "cabinet", "ministry",
    "commission", "tribunal", "court", "verdict", "appeal", "protest", "rally", "strike",
    "boycott", "curfew", "evacuation", "shelter", "hospital", "school", "village", "district",
    "province", "region", "enclave", "frontier", "coastline", "island", "valley", "river",
    "mine", "refinery", "factory", "warehouse", "market", "currency", "deficit", "reserve",
    "subsidy", "levy", "exemption", "licence", "permit", "inspection", "audit", "census",
    "survey", "ballot", "turnout", "mandate", "opposition", "movement", "faction", "party",
    "leadership", "envoy", "observer", "mediator", "guarantee", "assurance", "concession",
    "demand", "ultimatum", "warning", "threat", "sanction", "penalty", "ban", "freeze",
    "moratorium", "truce", "pause", "escalation", "incident", "clash", "raid", "ambush",
    "explosion", "drought", "flood", "shortage", "outage", "blackout", "leak", "outbreak",
    "vaccine", "grant", "donation", "fund", "pledge", "commitment", "timetable", "deadline",
    "roadmap", "memorandum", "protocol", "annex", "clause", "provision", "amendment", "charter",
    "constitution", "referendum", "election", "campaign", "debate", "hearing", "briefing",
    "communique", "visit", "tour", "exchange", "handover", "release", "transfer", "patrol",
    "exercise", "drill", "buildup", "reform", "overhaul", "scheme", "initiative", "programme",
    "project", "contract", "tender", "lease", "concession", "merger", "bid",
];

#[rustfmt::skip]
const ADJECTIVES: &[&str] = &[
    "new", "fragile", "tentative", "formal", "informal", "lengthy", "brief", "bitter",
    "prolonged", "sudden", "unexpected", "serious", "grave", "modest", "sweeping", "limited",
    "partial", "full", "temporary", "permanent", "joint", "bilateral", "regional", "national",
    "local", "international", "diplomatic", "military", "economic", "political", "legal",
    "humanitarian", "financial", "controversial", "disputed", "contested", "revised", "draft",
    "final", "initial", "second", "third", "fresh", "renewed", "broader", "narrower", "wider",
    "tougher", "softer", "cautious", "careful", "vague", "detailed", "ambitious", "costly",
    "unpopular", "popular", "urgent", "pressing", "decisive", "symbolic", "practical",
    "technical", "strategic", "tactical", "unilateral", "multilateral", "secret", "public",
    "closed-door", "last-minute", "long-awaited", "hard-won", "short-lived", "open-ended",
    "binding", "non-binding", "provisional", "stalled", "ambiguous", "credible", "reliable",
    "independent", "senior", "rival",
];

#[rustfmt::skip]
const ADVERBS: &[&str] = &[
    "sharply", "firmly", "quietly", "repeatedly", "publicly", "privately", "formally",
    "briefly", "cautiously", "openly", "strongly", "swiftly", "narrowly", "largely", "partly",
    "jointly", "reluctantly", "angrily", "abruptly", "initially", "eventually", "effectively",
    "already", "again", "later",
];

/// Regular transitive verbs: (infinitive, past, past participle, -ing).
const VERBS: &[(&str, &str, &str, &str)] = &[
    ("reject", "rejected", "rejected", "rejecting"),
    ("accept", "accepted", "accepted", "accepting"),
    ("propose", "proposed", "proposed", "proposing"),
    ("demand", "demanded", "demanded", "demanding"),
    ("condemn", "condemned", "condemned", "condemning"),
    ("welcome", "welcomed", "welcomed", "welcoming"),
    ("announce", "announced", "announced", "announcing"),
    ("approve", "approved", "approved", "approving"),
    ("block", "blocked", "blocked", "blocking"),
    ("delay", "delayed", "delayed", "delaying"),
    ("suspend", "suspended", "suspended", "suspending"),
    ("extend", "extended", "extended", "extending"),
    ("restore", "restored", "restored", "restoring"),
    ("resume", "resumed", "resumed", "resuming"),
    ("review", "reviewed", "reviewed", "reviewing"),
    ("criticise", "criticised", "criticised", "criticising"),
    ("defend", "defended", "defended", "defending"),
    ("question", "questioned", "questioned", "questioning"),
    ("confirm", "confirmed", "confirmed", "confirming"),
    ("deny", "denied", "denied", "denying"),
    ("dismiss", "dismissed", "dismissed", "dismissing"),
    ("endorse", "endorsed", "endorsed", "endorsing"),
    ("oppose", "opposed", "opposed", "opposing"),
    ("support", "supported", "supported", "supporting"),
    ("request", "requested", "requested", "requesting"),
    ("consider", "considered", "considered", "considering"),
    ("discuss", "discussed", "discussed", "discussing"),
    ("examine", "examined", "examined", "examining"),
    ("outline", "outlined", "outlined", "outlining"),
    ("present", "presented", "presented", "presenting"),
    ("publish", "published", "published", "publishing"),
    ("renew", "renewed", "renewed", "renewing"),
    ("revise", "revised", "revised", "revising"),
    ("ratify", "ratified", "ratified", "ratifying"),
    ("violate", "violated", "violated", "violating"),
    ("monitor", "monitored", "monitored", "monitoring"),
    ("secure", "secured", "secured", "securing"),
    ("expand", "expanded", "expanded", "expanding"),
    ("reduce", "reduced", "reduced", "reducing"),
    ("halt", "halted", "halted", "halting"),
    ("finalise", "finalised", "finalised", "finalising"),
    ("postpone", "postponed", "postponed", "postponing"),
    ("challenge", "challenged", "challenged", "challenging"),
    (
        "investigate",
        "investigated",
        "investigated",
        "investigating",
    ),
    ("praise", "praised", "praised", "praising"),
    ("downplay", "downplayed", "downplayed", "downplaying"),
    ("dispute", "disputed", "disputed", "disputing"),
    ("implement", "implemented", "implemented", "implementing"),
    ("negotiate", "negotiated", "negotiated", "negotiating"),
    ("scrap", "scrapped", "scrapped", "scrapping"),
    ("endanger", "endangered", "endangered", "endangering"),
    ("undermine", "undermined", "undermined", "undermining"),
    (
        "strengthen",
        "strengthened",
        "strengthened",
        "strengthening",
    ),
    ("prepare", "prepared", "prepared", "preparing"),
    ("finance", "financed", "financed", "financing"),
    ("document", "documented", "documented", "documenting"),
];

#[rustfmt::skip]
const GROUPS: &[&str] = &[
    "officials", "diplomats", "analysts", "residents", "witnesses", "lawmakers", "negotiators",
    "observers", "aid workers", "commanders", "investors", "economists", "farmers", "traders",
    "activists", "local officials", "senior diplomats", "security sources",
    "opposition politicians", "western diplomats", "regional officials",
];

#[rustfmt::skip]
const UNITS: &[&str] = &[
    "people", "troops", "civilians", "vehicles", "families", "soldiers", "refugees",
    "prisoners", "observers", "containers", "tonnes of grain", "barrels of oil", "trucks",
    "police officers", "volunteers", "households", "workers", "students", "ships",
];

#[rustfmt::skip]
const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "dozens of", "hundreds of", "several", "thousands of",
];

const MODALS: &[&str] = &["will", "would", "can", "must", "should", "may"];

const PERIODS: &[&str] = &["days", "weeks", "months"];

#[rustfmt::skip]
const ISSUES: &[&str] = &[
    "grain exports", "border security", "gas transit", "the ceasefire", "prisoner exchanges",
    "sanctions relief", "nuclear inspections", "refugee corridors", "fishing rights",
    "water sharing", "election monitoring", "debt restructuring", "port access",
    "troop withdrawals", "power supplies", "customs checks", "airspace closures",
    "mining licences", "minority rights", "the peace plan", "arms deliveries", "railway links",
    "visa rules", "oil prices", "food aid", "the disputed islands", "the new constitution",
    "the border crossings", "the pipeline route", "the dam project",
];

#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];

#[rustfmt::skip]
const WEEKDAYS: &[&str] = &[
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
];

const MALE_FIRST: &[&str] = &[
    "Sergei", "Viktor", "Andrei", "Pavel", "Marco", "Luca", "Jonas", "Erik", "Tomas", "Karim",
    "Omar", "Yusuf", "Daniel", "Felix", "Anton", "Ivan", "Nikolai", "Rafael", "Mateo", "Samir",
    "Hassan", "Piotr", "Lars", "Emil", "Leon", "Bruno", "Adam", "Dmitri", "Yuri", "Khalid",
];

const FEMALE_FIRST: &[&str] = &[
    "Anna", "Elena", "Maria", "Olga", "Irina", "Sofia", "Laura", "Clara", "Nadia", "Leila",
    "Amira", "Yasmin", "Ingrid", "Helena", "Marta", "Petra", "Katarina", "Lina", "Zara", "Mira",
    "Alina", "Daria", "Natalia", "Tatiana", "Ines",
];

/// Transliteration variants, used as aliases ("Sergey Lavrov" beside "Sergei Lavrov").
#[rustfmt::skip]
const VARIANTS: &[(&str, &str)] = &[
    ("Sergei", "Sergey"), ("Andrei", "Andrey"), ("Nikolai", "Nikolay"), ("Yusuf", "Youssef"),
    ("Piotr", "Pyotr"), ("Irina", "Iryna"), ("Olga", "Olha"), ("Elena", "Yelena"),
    ("Maria", "Mariya"), ("Daria", "Darya"), ("Omar", "Umar"), ("Hassan", "Hasan"),
    ("Karim", "Kareem"), ("Dmitri", "Dmitry"), ("Yuri", "Yury"), ("Khalid", "Khaled"),
    ("Natalia", "Nataliya"), ("Tatiana", "Tatyana"),
];

const ONSETS: &[&str] = &[
    "b", "d", "k", "l", "m", "n", "r", "s", "t", "v", "z", "dr", "gr", "kr", "st", "tr", "br",
    "sh", "ch", "p", "f", "h",
];
const NUCLEI: &[&str] = &["a", "e", "i", "o", "u", "a", "o", "e"];
const SURNAME_ENDS: &[&str] = &[
    "nov", "rev", "lenko", "nski", "vsky", "rescu", "relli", "lani", "nez", "rd", "berg", "mann",
    "vic", "ris", "las", "dou", "rian", "roglu", "sson", "kov", "din", "tar", "lin", "zadeh",
    "mura", "naga", "kata", "shvili", "dze", "ssen",
];
const STATE_ENDS: &[&str] = &["ria", "nia", "via", "lia", "sia", "dia", "stan"];
const CITY_ENDS: &[&str] = &[
    "grad", "burg", "ville", "port", "ovo", "ava", "ice", "ton", "pol", "sk", "abad", "heim",
    "mar", "dor",
];
const REGION_WORDS: &[&str] = &["Northern", "Eastern", "Southern", "Western", "Central"];

/// Source names: (pattern, kind). `{C}` is a city, `{R}` a region.
const SOURCE_PATTERNS: &[(&str, &str)] = &[
    ("The {C} Herald", "newspaper"),
    ("{C} Times", "newspaper"),
    ("The {C} Post", "newspaper"),
    ("{C} Gazette", "newspaper"),
    ("The {C} Chronicle", "newspaper"),
    ("{C} Courier", "newspaper"),
    ("The {C} Tribune", "newspaper"),
    ("The {C} Observer", "newspaper"),
    ("{C} Evening Standard", "newspaper"),
    ("{C} Daily Journal", "newspaper"),
    ("{C} Press Agency", "agency"),
    ("{C} News Service", "wire"),
    ("{R} Wire", "wire"),
    ("{R} Telegraph Agency", "agency"),
    ("{C} Broadcasting Corporation", "broadcaster"),
    ("Radio {C}", "broadcaster"),
    ("{C} Television", "broadcaster"),
    ("{R} News Network", "broadcaster"),
    ("NewsDesk {C}", "aggregator"),
    ("{C} Digest", "aggregator"),
];

// ---------------------------------------------------------------------------------------
// The world: actors, places, sources

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Person,
    Organisation,
    State,
}

struct Actor {
    slug: String,
    name: String,
    kind: Kind,
    aliases: Vec<String>,
    /// "Veldorian Foreign Minister".
    role: Option<String>,
    /// "Foreign Minister", written before the name on first mention.
    title: Option<String>,
    affiliation: Option<usize>,
    female: bool,
    /// Short forms used after the first mention: "Bavonov", "Mr Bavonov", an acronym, a
    /// capital.
    short: Vec<String>,
    /// For states: the adjective ("Veldorian").
    adjective: String,
    profile: String,
}

struct City {
    name: String,
    /// The state it is the capital of (its name is then an alias of that state).
    capital_of: Option<usize>,
    state: usize,
}

struct Source {
    slug: String,
    name: String,
    kind: &'static str,
    aliases: Vec<String>,
    country: String,
    domain: String,
}

struct World {
    actors: Vec<Actor>,
    states: Vec<usize>,
    orgs: Vec<usize>,
    people: Vec<usize>,
    cities: Vec<City>,
    sources: Vec<Source>,
    adjectives: HashSet<&'static str>,
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn slugify(s: &str) -> String {
    let mut out = String::new();
    for ch in s.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Proper nouns handed out so far (and every vocabulary word, capitalised), so that no name
/// collides with another name or with a word the text may start a sentence with.
struct Names(HashSet<String>);

impl Names {
    fn new() -> Self {
        let mut set = HashSet::new();
        let words = NOUNS
            .iter()
            .chain(ADJECTIVES)
            .chain(ADVERBS)
            .chain(GROUPS)
            .chain(UNITS)
            .chain(MALE_FIRST)
            .chain(FEMALE_FIRST)
            .chain(MONTHS)
            .chain(WEEKDAYS)
            .chain(REGION_WORDS);
        for w in words {
            for part in w.split(' ') {
                set.insert(cap(part));
            }
        }
        for (a, b, c, d) in VERBS {
            for w in [a, b, c, d] {
                set.insert(cap(w));
            }
        }
        for (_, v) in VARIANTS {
            set.insert(v.to_string());
        }
        Names(set)
    }

    /// A fresh word made of `syllables` syllables and one of `ends`.
    fn fresh(&mut self, rng: &mut Rng, syllables: usize, ends: &[&'static str]) -> String {
        loop {
            let mut w = String::new();
            for _ in 0..syllables {
                w.push_str(rng.word(ONSETS));
                w.push_str(rng.word(NUCLEI));
            }
            w.push_str(rng.word(ends));
            let w = cap(&w);
            if w.len() >= 5 && self.0.insert(w.clone()) {
                return w;
            }
        }
    }

    fn claim(&mut self, w: &str) -> bool {
        self.0.insert(w.to_owned())
    }
}

fn acronym(name: &str) -> String {
    name.split(' ')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect()
}

fn build_world(rng: &mut Rng, names: &mut Names) -> World {
    let mut actors: Vec<Actor> = Vec::new();
    let mut cities: Vec<City> = Vec::new();
    let mut states = Vec::new();
    let mut orgs = Vec::new();
    let mut people = Vec::new();

    // 30 states, each with a capital (an alias) and two other cities.
    for _ in 0..30 {
        let name = names.fresh(rng, 2, STATE_ENDS);
        let adjective = if let Some(stem) = name.strip_suffix("stan") {
            format!("{stem}stani")
        } else {
            format!("{name}n")
        };
        names.claim(&adjective);
        let capital = names.fresh(rng, 2, CITY_ENDS);
        let idx = actors.len();
        for k in 0..3 {
            let city = if k == 0 {
                capital.clone()
            } else {
                names.fresh(rng, 2, CITY_ENDS)
            };
            cities.push(City {
                name: city,
                capital_of: (k == 0).then_some(idx),
                state: idx,
            });
        }
        let profile = format!(
            "{name} is a state in the region; its capital is {capital}. Its government has been a party to several of the disputes covered by this dossier."
        );
        actors.push(Actor {
            slug: slugify(&name),
            name: name.clone(),
            kind: Kind::State,
            aliases: vec![capital.clone()],
            role: None,
            title: None,
            affiliation: None,
            female: false,
            short: vec![name.clone(), name.clone(), name.clone(), capital],
            adjective,
            profile,
        });
        states.push(idx);
    }

    // 40 organisations: international bodies with acronyms, and national institutions.
    let mut regions: Vec<String> = REGION_WORDS.iter().map(|s| s.to_string()).collect();
    for _ in 0..4 {
        let r = names.fresh(rng, 2, &["ic", "ian", "ine"]);
        regions.push(r);
    }
    let intl_patterns = [
        "{R} Economic Union",
        "{R} Security Council",
        "{R} Development Bank",
        "{R} Defence Alliance",
        "{R} Monitoring Mission",
    ];
    let mut acronyms: HashSet<String> = HashSet::new();
    let mut org_names: Vec<(String, Option<usize>)> = Vec::new();
    'intl: for pattern in intl_patterns {
        for r in &regions {
            if org_names.len() >= 20 {
                break 'intl;
            }
            let name = pattern.replace("{R}", r);
            if rng.chance(0.5) {
                org_names.push((name, None));
            }
        }
    }
    while org_names.len() < 20 {
        let r = rng.pick(&regions).clone();
        let name = format!("{r} Court of Arbitration");
        if !org_names.iter().any(|(n, _)| *n == name) {
            org_names.push((name, None));
        }
    }
    let national = [
        "Foreign Ministry",
        "Defence Ministry",
        "National Assembly",
        "Central Bank",
    ];
    for i in 0..20 {
        let s = states[i % states.len()];
        let name = format!("{} {}", actors[s].adjective, national[i % national.len()]);
        org_names.push((name, Some(s)));
    }
    for (name, state) in org_names {
        let idx = actors.len();
        let mut aliases = Vec::new();
        let mut short = vec![name.clone()];
        if state.is_none() {
            let acr = acronym(&name);
            if acr.len() >= 3 && names.claim(&acr) && acronyms.insert(acr.clone()) {
                aliases.push(acr.clone());
                short.push(acr);
            }
        }
        let profile = match state {
            Some(s) => format!(
                "{name} is a national institution of {}.",
                actors[s].name
            ),
            None => format!(
                "{name} is an international body whose members include several states of the region."
            ),
        };
        actors.push(Actor {
            slug: slugify(&name),
            name,
            kind: Kind::Organisation,
            aliases,
            role: None,
            title: None,
            affiliation: state,
            female: false,
            short,
            adjective: String::new(),
            profile,
        });
        orgs.push(idx);
    }

    // 130 people: four office holders per state, and a leader for ten organisations.
    let state_titles = [
        "President",
        "Prime Minister",
        "Foreign Minister",
        "Defence Minister",
    ];
    let mut jobs: Vec<(String, String, usize)> = Vec::new();
    for &s in &states {
        for t in state_titles {
            let role = if t == "President" {
                format!("President of {}", actors[s].name)
            } else {
                format!("{} {t}", actors[s].adjective)
            };
            jobs.push((t.to_owned(), role, s));
        }
    }
    for &o in orgs.iter().take(10) {
        jobs.push((
            "Secretary-General".to_owned(),
            format!("Secretary-General of the {}", actors[o].name),
            o,
        ));
    }
    for (title, role, affiliation) in jobs {
        let female = rng.chance(0.4);
        let first = *rng.pick(if female { FEMALE_FIRST } else { MALE_FIRST });
        let surname = {
            let syl = rng.range(1, 2);
            names.fresh(rng, syl, SURNAME_ENDS)
        };
        let name = format!("{first} {surname}");
        let honorific = if female { "Ms" } else { "Mr" };
        let mut aliases = Vec::new();
        let mut short = vec![
            surname.clone(),
            surname.clone(),
            format!("{honorific} {surname}"),
        ];
        if let Some((_, v)) = VARIANTS.iter().find(|(f, _)| *f == first) {
            if rng.chance(0.6) {
                let variant = format!("{v} {surname}");
                aliases.push(variant.clone());
                short.push(variant);
            }
        }
        aliases.push(surname.clone());
        aliases.push(format!("{honorific} {surname}"));
        let idx = actors.len();
        let profile = format!(
            "{name} is the {role}. {} has taken part in several of the negotiations and disputes covered by this dossier.",
            if female { "She" } else { "He" }
        );
        actors.push(Actor {
            slug: slugify(&name),
            name,
            kind: Kind::Person,
            aliases,
            role: Some(role),
            title: Some(title),
            affiliation: Some(affiliation),
            female,
            short,
            adjective: String::new(),
            profile,
        });
        people.push(idx);
    }

    // 40 sources.
    let mut sources: Vec<Source> = Vec::new();
    let mut slugs: HashSet<String> = HashSet::new();
    while sources.len() < 40 {
        let (pattern, kind) = *rng.pick(SOURCE_PATTERNS);
        let city = &cities[rng.below(cities.len())];
        let region = rng.pick(&regions).clone();
        let name = pattern.replace("{C}", &city.name).replace("{R}", &region);
        let slug = slugify(name.trim_start_matches("The "));
        if !slugs.insert(slug.clone()) {
            continue;
        }
        let mut aliases = Vec::new();
        if matches!(kind, "agency" | "broadcaster" | "wire") {
            let acr = acronym(&name);
            if acr.len() >= 3 && names.claim(&acr) {
                aliases.push(acr);
            }
        }
        sources.push(Source {
            domain: format!("www.{}.example", slug.replace('-', "")),
            slug,
            name,
            kind,
            aliases,
            country: actors[city.state].name.clone(),
        });
    }

    World {
        actors,
        states,
        orgs,
        people,
        cities,
        sources,
        adjectives: ADJECTIVES.iter().copied().collect(),
    }
}

// ---------------------------------------------------------------------------------------
// Events

/// Claims: (about, sentence with `{v}`, values: the usual figure first).
const CLAIMS: &[(&str, &str, &[&str])] = &[
    (
        "Length of the talks",
        "The talks lasted {v}, {g} said.",
        &["six hours", "five hours", "several hours", "seven hours"],
    ),
    (
        "Number of people killed",
        "At least {v} people were killed, {g} said.",
        &["12", "14", "11", "15"],
    ),
    (
        "Number of people detained",
        "Police detained {v} people in the capital, {g} said.",
        &["40", "about 40", "35", "60"],
    ),
    (
        "Troops deployed",
        "Around {v} troops were moved to the area, {g} said.",
        &["3,000", "2,500", "4,000", "5,000"],
    ),
    (
        "Value of the package",
        "The package is worth {v}, {g} said.",
        &[
            "$40 million",
            "$45 million",
            "about $40 million",
            "$60 million",
        ],
    ),
    (
        "Turnout",
        "Turnout was {v} percent, {g} said.",
        &["62", "58", "64", "71"],
    ),
    (
        "Length of the ceasefire",
        "The truce is meant to last {v}, {g} said.",
        &["72 hours", "48 hours", "three days", "a week"],
    ),
];

/// Event kinds: (title, lede, body, background phrase). `{S1}` `{S2}` states, `{P1}` `{P2}`
/// people, `{O}` an organisation, `{city}`, `{issue}`, `{when}` the event's date.
const EVENT_KINDS: &[(&str, &str, &str, &str)] = &[
    (
        "Talks on {issue} in {city}",
        "{S1} and {S2} held talks on {issue} in {city} {when}, {tail}.",
        "Delegations of {S1} and {S2} met in {city} to discuss {issue}.",
        "the talks on {issue} in {city} {when}",
    ),
    (
        "{P1} visits {city}",
        "{P1} visited {city} {when} for talks on {issue}, {tail}.",
        "{P1} travelled to {city}; the visit was dominated by {issue}.",
        "the visit of {P1} to {city} {when}",
    ),
    (
        "{O} vote on {issue}",
        "The {O} voted on {issue} {when}, {tail}.",
        "Members of the {O} voted on a resolution on {issue}.",
        "the {O} vote on {issue} {when}",
    ),
    (
        "Clashes near {city}",
        "Clashes broke out near {city} {when} after a dispute over {issue}, {tail}.",
        "Clashes near {city} followed weeks of tension over {issue}.",
        "the clashes near {city} {when}",
    ),
    (
        "{S1} announces sanctions on {S2}",
        "{S1} announced sanctions on {S2} {when} over {issue}, {tail}.",
        "{S1} announced sanctions on {S2}, citing its position on {issue}.",
        "the sanctions {S1} announced on {S2} {when}",
    ),
    (
        "Agreement on {issue} signed in {city}",
        "{S1} and {S2} signed an agreement on {issue} in {city} {when}, {tail}.",
        "An agreement on {issue} between {S1} and {S2} was signed in {city}.",
        "the agreement on {issue} signed in {city} {when}",
    ),
    (
        "Protests in {city} over {issue}",
        "Thousands of people protested in {city} {when} over {issue}, {tail}.",
        "Protesters in {city} demanded changes to the government's policy on {issue}.",
        "the protests in {city} over {issue} {when}",
    ),
    (
        "{P1} meets {P2} in {city}",
        "{P1} met {P2} in {city} {when} to discuss {issue}, {tail}.",
        "{P1} and {P2} met in {city}; {issue} topped the agenda.",
        "the meeting of {P1} and {P2} in {city} {when}",
    ),
];

/// Which claims fit which event kind (indices into `CLAIMS`).
const KIND_CLAIMS: &[&[usize]] = &[
    &[0, 4],
    &[0, 4],
    &[5, 4],
    &[1, 2, 3],
    &[4, 3],
    &[6, 4],
    &[2, 1],
    &[0],
];

struct Claim {
    about: &'static str,
    sentence: &'static str,
    /// Per reporting article (by position in the event), its figure, or none.
    values: Vec<Option<&'static str>>,
}

struct Event {
    slug: String,
    title: String,
    kind: usize,
    date: NaiveDate,
    /// Month precision only.
    month_only: bool,
    end: Option<NaiveDate>,
    place: usize,
    states: Vec<usize>,
    people: Vec<usize>,
    orgs: Vec<usize>,
    issue: &'static str,
    /// Statements several articles carry: speaker, words, actors the words name.
    quotes: Vec<(usize, String, BTreeSet<usize>)>,
    claims: Vec<Claim>,
    sources: Vec<usize>,
}

// ---------------------------------------------------------------------------------------
// Text

#[rustfmt::skip]
const NARRATIVE: &[&str] = &[
    "{P} {vpast} the {adj} {n} {when}, saying it would {vinf} the {ns} of {S}.",
    "{S} has {vpp} the {n} as {adj} and {adj}.",
    "{grp} in {place} said {num} {unit} had been {vpp} since the start of the {n}.",
    "The {adj} {n} is expected to {vinf} the {ns} that {S} {vpast} {when}.",
    "It was not clear whether {S} would {vinf} the {n} before the {adj} {n}.",
    "The {O} {vpast} {num} {unit} to the {n} {when}, according to {P}.",
    "{grp} in {place} said the {n} could {vinf} {adj} {ns} across the {n}.",
    "{P} and {P} {vpast} the {n} by telephone {when}.",
    "The {n} followed weeks of {adj} {ns} between {S} and {S}.",
    "{S} {vpast} the {n} and {vpast} {ns} on {S}, which {vpast} any {n}.",
    "Under the {n}, {S} would {vinf} {num} {unit} and {vinf} the {adj} {n}.",
    "{grp} {vpast} the {n} as a {adj} {n} for {S}.",
    "{P} did not {vinf} the {n}, but {pron} {vpast} the {adj} {ns} {when}.",
    "A {adj} {n} from the {O} was due to {vinf} the {n} in {place} {whenfut}.",
    "Since the {n}, {num} {unit} have left {place}, {grp} said.",
    "{S}'s {adj} {n} has {vpp} the {n} with {S}.",
    "The {n} in {place} has {vpp} the {adj} {ns} of the {n}.",
    "{grp} {adv} {vpast} the {ns} after the {n} in {place}.",
    "{P} is expected to {vinf} the {n} with {P} in {place} {whenfut}.",
    "The {adj} {n} on {topic} was {vpp} {when}, {grp} said.",
    "{S} and the {O} have {adv} {vpp} the {adj} {n} on {topic}.",
    "Talks on {topic} have {vpp} the {ns} of {S} for {span}.",
    "Prices of {ns} in {place} rose by {pct} percent {when}.",
    "The {O} said the {n} would cost about {money}.",
    "Neither {S} nor {S} {vpast} the {n}, which {vpast} {num} {unit}.",
    "{P}, who {vpast} the {n} {when}, has {adv} {vpp} the {ns}.",
    "The {n} came a day after {P} {vpast} the {adj} {n} in {place}.",
    "In {place}, {grp} {vpast} {num} {unit} and {vpast} the {n}.",
    "{S} {adv} {vpast} the {adj} {n} on {topic}, calling it a {adj} {n}.",
    "{grp} said {num} {unit} were waiting at the {n} near {place}.",
    "The {O} has {vpp} {money} for the {n}, {grp} said.",
    "{P} {vpast} the {n} {adv}, and {S} {vpast} the {adj} {n}.",
    "Few {grp} expect the {adj} {n} to {vinf} the {n} on {topic} {whenfut}.",
    "The {adj} {n} between {S} and {S} has {adv} {vpp} the {ns} in {place}.",
    "{P} accused {S} of {ving} the {n}, a charge it {vpast}.",
    "The {n} was {vpp} after {grp} {vpast} the {adj} {ns} of the {n}.",
    "{S} is {ving} the {adj} {n} and the {ns} of the {O}, {grp} said.",
    "More than {num} {unit} crossed into {S} {when}, according to {grp}.",
];

/// Quote texts (without final punctuation). Persons never appear inside quotes, so that a
/// pronoun after the quote means the speaker.
#[rustfmt::skip]
const QUOTES: &[&str] = &[
    "We {modal} {vinf} the {adj} {n} and we will not {vinf} our {ns}",
    "This {n} is {adj} and {adj}, and {S} knows it",
    "Nobody in {place} {vpast} the {n} that was {vpp} {when}",
    "The {ns} of {S} are {adj}, but the {n} remains {adj}",
    "There is no {n} without a {adj} {n} on {topic}",
    "We have {vpp} {num} {unit} and we are ready to {vinf} more",
    "Our {n} is {adj}: we want {adj} {ns} and a {adj} {n}",
    "It was a {adj} {n}, and we {vpast} every {n} on the table",
    "{S} {modal} {vinf} the {n} if the {ns} are {vpp}",
    "I told my {adj} counterpart that the {n} {modal} {vinf} the {ns}",
    "The door to a {adj} {n} remains open, but the {n} has to be {adj}",
    "Every {n} we {vpast} was {vpp} by {S}", "We are {ving} the {n} on {topic} very {adv}",
    "What happened in {place} was a {adj} {n} of the {n}",
    "We expect the {n} to be {vpp} within {span}",
    "The {ns} in {place} do not want a {adj} {n}, they want a {adj} {n}",
    "This is not a {adj} {n}, it is a {adj} {n} of the {n}",
    "We {vpast} the {adj} {n} because the {ns} were {adj}",
    "Nothing about {topic} will be {vpp} without the {ns} of {place}",
    "The {O} {modal} {vinf} a {adj} {n} before the {n}",
];

/// Background sentences that mention another event of the dossier.
const BACKGROUND: &[&str] = &[
    "The {n} comes after {prev}.",
    "{grp} recalled {prev}, which {vpast} the {adj} {ns}.",
    "It was the first {n} since {prev}.",
];

/// Words a quote may start with that can be lowercased after "According to X,".
const LOWERABLE: &[&str] = &[
    "We", "This", "Nobody", "The", "There", "Our", "It", "Every", "What", "Nothing",
];

/// Frames of the stock sentences of a templated corpus (`--templated`): the phrases a
/// newsroom's templates and habits repeat in thousands of articles. No actor slots, so a stock
/// sentence mentions nobody; each frame is expanded into [`STOCK_VARIANTS`] fixed sentences.
#[rustfmt::skip]
const STOCK_FRAMES: &[&str] = &[
    "The {adj} {n} comes amid growing concern among {grp} about the {ns} of the {n} and its effect on {ns}.",
    "Analysts say the {n} is unlikely to {vinf} the {adj} {ns} that have {vpp} the region for {span}.",
    "Officials did not immediately respond to a request for comment on the {n} or the {adj} {ns} it could {vinf}.",
    "The {n} has raised {adj} questions about the {ns} of the {adj} {n} and about who will {vinf} the {ns}.",
    "Markets reacted {adv} to the news, with {ns} of {adj} {ns} falling by {pct} percent in early trading.",
    "The latest {n} is part of a wider {n} over {topic} that has {vpp} {ns} across the region since the {adj} {n}.",
    "Diplomats familiar with the {ns} said the {adj} {n} would depend on whether both sides could {vinf} the {ns}.",
    "Human rights groups have {adv} {vpp} the {n}, saying it would {vinf} the {ns} of {adj} {ns}.",
    "The {n} was not expected to {vinf} the {adj} {ns} before the end of the {n}, according to {grp}.",
    "Several {grp} declined to say whether the {adj} {n} would be {vpp} by the {n} or {vpp} in full.",
    "The {adj} {ns} were first {vpp} in a {n} that has since been {vpp} by {grp} on both sides.",
    "It remains unclear how the {n} will {vinf} the {adj} {ns} that {grp} have {vpp} for {span}.",
];

/// Fixed sentences made from each of [`STOCK_FRAMES`].
const STOCK_VARIANTS: usize = 12;

/// Share of the ordinary sentences of a templated article taken from the stock.
const STOCK_SHARE: f64 = 0.45;

/// Talking points per person in a templated corpus: statements repeated word for word.
const TALKING_POINTS: usize = 4;

/// Closing lines of a templated corpus, the same in thousands of articles.
#[rustfmt::skip]
const CLOSINGS: &[&str] = &[
    "This story has been updated with additional reporting and comment from officials in the region.",
    "Reporting by our correspondents; additional reporting by the regional desk; editing by the international desk.",
    "This article was produced with the help of an automated system and checked by an editor before publication.",
    "Follow our live coverage for the latest developments, analysis and reaction from around the world.",
];

/// The repeated text of a templated corpus: stock sentences, each person's talking points
/// (with the actors their words name) and closing lines.
struct Stock {
    sentences: Vec<String>,
    /// Per actor (empty for all but people).
    points: Vec<Vec<(String, BTreeSet<usize>)>>,
}

impl Stock {
    fn new(world: &World, seed: u64) -> Stock {
        let mut rng = Rng::new(seed ^ 0x7E3A_11A7_ED00_0001);
        let writer = |states: Vec<usize>, people: Vec<usize>, orgs: Vec<usize>| {
            let places = (0..world.cities.len())
                .filter(|&c| states.contains(&world.cities[c].state))
                .collect();
            Writer {
                world,
                published: NaiveDate::from_ymd_opt(2022, 1, 3).expect("date"),
                states,
                people,
                orgs,
                places,
                topic: ISSUES[0],
                event_date: None,
                introduced: HashSet::new(),
                mentioned: BTreeSet::new(),
                last_person: None,
                sentence_people: Vec::new(),
                sentence_states: Vec::new(),
                stock: None,
            }
        };
        let mut sentences = Vec::new();
        for frame in STOCK_FRAMES {
            for _ in 0..STOCK_VARIANTS {
                let mut w = writer(Vec::new(), Vec::new(), Vec::new());
                w.topic = rng.word(ISSUES);
                sentences.push(w.expand(&mut rng, frame, &[]));
            }
        }
        let mut points = vec![Vec::new(); world.actors.len()];
        for &p in &world.people {
            let mut states = vec![*rng.pick(&world.states)];
            if let Some(s) = world.actors[p].affiliation {
                if world.actors[s].kind == Kind::State && s != states[0] {
                    states.insert(0, s);
                }
            }
            let orgs = rng.sample(&world.orgs, 1, 2);
            let mut w = writer(states, vec![p], orgs);
            for _ in 0..TALKING_POINTS {
                w.mentioned.clear();
                let q = w.quote_text(&mut rng);
                points[p].push((q, std::mem::take(&mut w.mentioned)));
            }
        }
        Stock { sentences, points }
    }
}

/// The state of one article being written: which actors it has introduced and mentioned.
struct Writer<'w> {
    world: &'w World,
    published: NaiveDate,
    /// Actors available to the text.
    states: Vec<usize>,
    people: Vec<usize>,
    orgs: Vec<usize>,
    places: Vec<usize>,
    topic: &'static str,
    /// The day of the event the article reports (none for month precision or no event).
    event_date: Option<NaiveDate>,
    introduced: HashSet<usize>,
    /// Actors mentioned in the paragraph being written.
    mentioned: BTreeSet<usize>,
    last_person: Option<usize>,
    sentence_people: Vec<usize>,
    sentence_states: Vec<usize>,
    /// The repeated text of a templated corpus.
    stock: Option<&'w Stock>,
}

impl<'w> Writer<'w> {
    fn mention(&mut self, rng: &mut Rng, a: usize) -> String {
        let actor = &self.world.actors[a];
        self.mentioned.insert(a);
        if actor.kind == Kind::Person {
            self.last_person = Some(a);
        }
        if self.introduced.insert(a) {
            return match (&actor.title, actor.kind) {
                (Some(title), Kind::Person) if rng.chance(0.6) => {
                    let prefix = if title == "Secretary-General" {
                        title.clone()
                    } else if let Some(s) = actor.affiliation {
                        if rng.chance(0.5) {
                            format!("{} {title}", self.world.actors[s].adjective)
                        } else {
                            title.clone()
                        }
                    } else {
                        title.clone()
                    };
                    format!("{prefix} {}", actor.name)
                }
                _ => actor.name.clone(),
            };
        }
        if actor.kind == Kind::Person && rng.chance(0.1) {
            return actor.name.clone();
        }
        rng.pick(&actor.short).clone()
    }

    fn person(&mut self, rng: &mut Rng) -> String {
        let p = fresh(rng, &self.people, &mut self.sentence_people);
        self.mention(rng, p)
    }

    fn state(&mut self, rng: &mut Rng) -> String {
        let s = fresh(rng, &self.states, &mut self.sentence_states);
        self.mention(rng, s)
    }

    fn org(&mut self, rng: &mut Rng) -> String {
        let o = *rng.pick(&self.orgs);
        self.mention(rng, o)
    }

    fn place(&mut self, rng: &mut Rng) -> String {
        let c = &self.world.cities[*rng.pick(&self.places)];
        if let Some(s) = c.capital_of {
            self.mentioned.insert(s);
        }
        c.name.clone()
    }

    fn when(&mut self, rng: &mut Rng) -> String {
        match rng.below(10) {
            0 => "last week".into(),
            1 => "last month".into(),
            2 => "earlier this year".into(),
            3 => "in recent weeks".into(),
            4 => "last year".into(),
            5 => "in recent days".into(),
            6 => "earlier this month".into(),
            7 => "at the weekend".into(),
            8 => {
                let d = self.published - Duration::days(rng.range(20, 60) as i64);
                format!("on {}", month_day(d))
            }
            // A day this week: the event's day when the article reports one, so that the
            // text agrees with the event.
            _ => match self.event_date {
                Some(d) if (0..=5).contains(&(self.published - d).num_days()) => {
                    format!("on {}", weekday(d))
                }
                Some(d) => format!("on {}", month_day(d)),
                None => {
                    let d = self.published - Duration::days(rng.range(1, 6) as i64);
                    format!("on {}", weekday(d))
                }
            },
        }
    }

    fn when_future(&mut self, rng: &mut Rng) -> String {
        (*rng.pick(&[
            "next week",
            "next month",
            "later this month",
            "in the coming days",
            "later this year",
        ]))
        .into()
    }

    fn number(&mut self, rng: &mut Rng) -> String {
        match rng.below(10) {
            0..=2 => rng.pick(NUMBER_WORDS).to_string(),
            3..=6 => rng.range(13, 990).to_string(),
            _ => format!("{},{:03}", rng.range(1, 40), rng.below(10) * 100),
        }
    }

    /// Expands one template.
    fn expand(&mut self, rng: &mut Rng, template: &str, extra: &[(&str, &str)]) -> String {
        self.sentence_people.clear();
        self.sentence_states.clear();
        let mut out = String::with_capacity(template.len() * 2);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("closed slot");
            let slot = &rest[open + 1..close];
            rest = &rest[close + 1..];
            if let Some((_, v)) = extra.iter().find(|(k, _)| *k == slot) {
                out.push_str(v);
                continue;
            }
            let value = match slot {
                "P" => self.person(rng),
                "S" => self.state(rng),
                "O" => self.org(rng),
                "n" => rng.pick(NOUNS).to_string(),
                "ns" => plural(rng.word(NOUNS)),
                "adj" => rng.pick(ADJECTIVES).to_string(),
                "adv" => rng.pick(ADVERBS).to_string(),
                "vinf" => rng.pick(VERBS).0.to_string(),
                "vpast" => rng.pick(VERBS).1.to_string(),
                "vpp" => rng.pick(VERBS).2.to_string(),
                "ving" => rng.pick(VERBS).3.to_string(),
                "grp" => rng.pick(GROUPS).to_string(),
                "num" => self.number(rng),
                "unit" => rng.pick(UNITS).to_string(),
                "place" => self.place(rng),
                "when" => self.when(rng),
                "whenfut" => self.when_future(rng),
                "topic" => self.topic.to_string(),
                "modal" => rng.pick(MODALS).to_string(),
                "span" => format!("{} {}", rng.pick(&NUMBER_WORDS[..9]), rng.pick(PERIODS)),
                "pct" => rng.range(2, 40).to_string(),
                "money" => format!("${} million", rng.range(2, 900)),
                "pron" => match self.last_person {
                    Some(p) if self.world.actors[p].female => "she".into(),
                    _ => "he".into(),
                },
                other => panic!("unknown slot {other}"),
            };
            out.push_str(&value);
        }
        out.push_str(rest);
        fix_articles(&cap(&out))
    }

    /// A quote text (capitalised, without final punctuation).
    fn quote_text(&mut self, rng: &mut Rng) -> String {
        let t = *rng.pick(QUOTES);
        // Quotes never name people: keep the speaker as the last person mentioned.
        let last = self.last_person;
        let q = self.expand(rng, t, &[]);
        self.last_person = last;
        q
    }

    /// A quote text for `speaker`: in a templated corpus often one of their talking points
    /// (whose named actors count as mentioned), else a new one.
    fn said_by(&mut self, rng: &mut Rng, speaker: usize) -> String {
        if let Some(stock) = self.stock {
            let points = &stock.points[speaker];
            if !points.is_empty() && rng.chance(0.6) {
                let (q, named) = rng.pick(points);
                self.mentioned.extend(named.iter().copied());
                return q.clone();
            }
        }
        self.quote_text(rng)
    }

    /// A quote by `speaker`, attributed in one of the newswire patterns.
    fn attributed(&mut self, rng: &mut Rng, speaker: usize, q: &str) -> String {
        let q = q.trim_end_matches(['.', ',']);
        match rng.below(9) {
            0 | 1 => {
                let who = self.mention(rng, speaker);
                format!("\"{q},\" {who} said.")
            }
            2 => {
                let who = self.mention(rng, speaker);
                format!("\"{q},\" said {who}.")
            }
            3 => {
                let who = self.mention(rng, speaker);
                format!("{who} told reporters: \"{q}.\"")
            }
            4 => {
                let who = self.mention(rng, speaker);
                let first = q.split(' ').next().unwrap_or("");
                if LOWERABLE.contains(&first) {
                    let lower = first.to_lowercase() + &q[first.len()..];
                    format!("According to {who}, \"{lower}.\"")
                } else {
                    format!("\"{q},\" according to {who}.")
                }
            }
            5 | 6 => {
                let who = self.mention(rng, speaker);
                let verb = rng.pick(VERBS).1;
                let noun = rng.pick(NOUNS);
                let when = self.when(rng);
                let pron = if self.world.actors[speaker].female {
                    "she"
                } else {
                    "he"
                };
                fix_articles(&format!(
                    "{who} {verb} the {noun} {when}. \"{q},\" {pron} said."
                ))
            }
            7 => {
                let who = self.mention(rng, speaker);
                format!("{who} said in a statement: \"{q}.\"")
            }
            _ => {
                let who = self.mention(rng, speaker);
                let place = self.place(rng);
                format!("\"{q},\" {who} told reporters in {place}.")
            }
        }
    }
}

fn plural(n: &str) -> String {
    if let Some(stem) = n.strip_suffix('y') {
        if !stem.ends_with(['a', 'e', 'o', 'u']) {
            return format!("{stem}ies");
        }
    }
    if n.ends_with('s') || n.ends_with('x') || n.ends_with("ch") || n.ends_with("sh") {
        return format!("{n}es");
    }
    format!("{n}s")
}

/// "a agreement" → "an agreement".
fn fix_articles(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let words: Vec<&str> = s.split(' ').collect();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let next = words.get(i + 1).copied().unwrap_or("");
        let vowel = next.starts_with(['a', 'e', 'i', 'o', 'A', 'E', 'I', 'O'])
            || (next.starts_with('u') && !next.starts_with("uni") && !next.starts_with("us"));
        match *w {
            "a" if vowel => out.push_str("an"),
            "A" if vowel => out.push_str("An"),
            _ => out.push_str(w),
        }
    }
    out
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

fn weekday(d: NaiveDate) -> &'static str {
    WEEKDAYS[d.weekday().num_days_from_monday() as usize]
}

fn month_day(d: NaiveDate) -> String {
    format!("{} {}", MONTHS[d.month0() as usize], d.day())
}

/// A paragraph of an article and the actors it mentions.
#[derive(Clone)]
struct Paragraph {
    text: String,
    actors: BTreeSet<usize>,
    /// The lede, a claim's figure or copied text: kept when an article is shortened.
    fixed: bool,
}

/// One generated article, kept while its event is being written.
struct Article {
    paragraphs: Vec<Paragraph>,
    /// 1-based paragraph where its lede (the event's sentence) stands.
    lede: usize,
}

/// What an article is about.
struct Brief<'e> {
    event: Option<&'e Event>,
    /// Position among the event's reporting articles.
    position: usize,
    /// An earlier event mentioned as background.
    previous: Option<&'e Event>,
    /// Paragraphs to copy from an earlier article of the same event.
    copy: Option<(&'e Article, usize, usize)>,
    /// State the event's date one day off (the article is wrong).
    wrong_date: bool,
    /// For an article that reports no event: whom and what it is about.
    cast: Option<Cast>,
    /// The repeated text of a templated corpus.
    stock: Option<&'e Stock>,
}

fn event_when(rng: &mut Rng, event: &Event, published: NaiveDate, wrong: bool) -> String {
    if event.month_only {
        return if event.date.month() == published.month() && event.date.year() == published.year() {
            "earlier this month".into()
        } else {
            format!(
                "in {} {}",
                MONTHS[event.date.month0() as usize],
                event.date.year()
            )
        };
    }
    if wrong {
        return format!("on {}", month_day(event.date + Duration::days(1)));
    }
    let days = (published - event.date).num_days();
    if (0..=5).contains(&days) && rng.chance(0.6) {
        format!("on {}", weekday(event.date))
    } else {
        format!("on {}", month_day(event.date))
    }
}

fn event_fill(world: &World, event: &Event) -> Vec<(&'static str, String)> {
    let a = |i: usize| world.actors[i].name.clone();
    vec![
        ("S1", a(event.states[0])),
        ("S2", a(event.states[1])),
        ("P1", a(event.people[0])),
        ("P2", a(event.people[1])),
        ("O", a(event.orgs[0])),
        ("city", world.cities[event.place].name.clone()),
        ("issue", event.issue.to_string()),
    ]
}

fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut s = template.to_owned();
    for (k, v) in values {
        s = s.replace(&format!("{{{k}}}"), v);
    }
    s
}

/// The actors, issue and place of an article that reports no event.
type Cast = (Vec<usize>, Vec<usize>, Vec<usize>, &'static str, usize);

fn random_cast(rng: &mut Rng, world: &World) -> Cast {
    let states = rng.sample(&world.states, 2, 3);
    let mut people: Vec<usize> = world
        .people
        .iter()
        .copied()
        .filter(|p| {
            world.actors[*p]
                .affiliation
                .is_some_and(|s| states.contains(&s))
        })
        .collect();
    rng.shuffle(&mut people);
    people.truncate(rng.range(2, 4));
    let orgs = rng.sample(&world.orgs, 1, 2);
    let place = world
        .cities
        .iter()
        .position(|c| c.state == states[0])
        .expect("city")
        + rng.below(3);
    (states, people, orgs, rng.word(ISSUES), place)
}

/// Writes the body of one article.
fn write_article(rng: &mut Rng, world: &World, brief: &Brief, published: NaiveDate) -> Article {
    let (states, people, orgs, topic, place) = match brief.event {
        Some(e) => (
            e.states.clone(),
            e.people.clone(),
            e.orgs.clone(),
            e.issue,
            e.place,
        ),
        None => brief.cast.clone().expect("a standalone article has a cast"),
    };
    let mut places: Vec<usize> = (0..world.cities.len())
        .filter(|&c| states.contains(&world.cities[c].state))
        .collect();
    places.push(place);
    let mut w = Writer {
        world,
        published,
        states,
        people,
        orgs,
        places,
        topic,
        event_date: brief.event.filter(|e| !e.month_only).map(|e| e.date),
        introduced: HashSet::new(),
        mentioned: BTreeSet::new(),
        last_person: None,
        sentence_people: Vec::new(),
        sentence_states: Vec::new(),
        stock: brief.stock,
    };

    let target_words = rng.range(600, 900);
    let target_paragraphs = rng.range(8, 20);
    let mut paragraphs: Vec<Paragraph> = Vec::with_capacity(target_paragraphs + 3);
    let mut total = 0usize;
    // Planned special paragraphs: position → kind.
    let claim_values: Vec<(&Claim, &str)> = brief
        .event
        .map(|e| {
            e.claims
                .iter()
                .filter_map(|c| {
                    c.values
                        .get(brief.position)
                        .copied()
                        .flatten()
                        .map(|v| (c, v))
                })
                .collect()
        })
        .unwrap_or_default();
    let shared_quotes: Vec<&(usize, String, BTreeSet<usize>)> = match brief.event {
        Some(e) => {
            let k = rng.range(1, e.quotes.len().min(3));
            let mut qs: Vec<&(usize, String, BTreeSet<usize>)> = e.quotes.iter().collect();
            rng.shuffle(&mut qs);
            qs.truncate(k);
            qs
        }
        None => Vec::new(),
    };
    let mut pending_claims = claim_values.into_iter();
    let mut pending_quotes = shared_quotes.into_iter();
    let copy_at = brief
        .copy
        .map(|_| rng.range(2, target_paragraphs.max(3) - 1));
    let background_at = brief
        .previous
        .map(|_| rng.range(3, target_paragraphs.max(4)));

    while paragraphs.len() < target_paragraphs {
        let i = paragraphs.len() + 1;
        if Some(i) == copy_at {
            if let Some((source, from, count)) = brief.copy {
                let count = count.min(target_paragraphs - paragraphs.len() - 1);
                for p in &source.paragraphs[from..from + count] {
                    let mut p = p.clone();
                    p.fixed = true;
                    if rng.chance(0.5) {
                        p.text = small_edit(rng, world, &p.text);
                    }
                    total += words(&p.text);
                    paragraphs.push(p);
                }
                continue;
            }
        }
        let remaining = target_paragraphs - paragraphs.len();
        let most = if remaining == 1 { 200 } else { 110 };
        let quota = (target_words.saturating_sub(total) / remaining).clamp(20, most);
        w.mentioned.clear();
        let mut text = String::new();
        let mut claim_here = false;
        if i == 1 {
            text.push_str(&lede(rng, &mut w, brief, published));
        } else if Some(i) == background_at {
            let prev = brief.previous.expect("background");
            let (_, _, _, pattern) = EVENT_KINDS[prev.kind];
            let when = if prev.month_only {
                format!(
                    "in {} {}",
                    MONTHS[prev.date.month0() as usize],
                    prev.date.year()
                )
            } else {
                format!("on {}", month_day(prev.date))
            };
            let mut values = event_fill(world, prev);
            values.push(("when", when));
            let phrase = fill(pattern, &values);
            let t = *rng.pick(BACKGROUND);
            text.push_str(&w.expand(rng, t, &[("prev", &phrase)]));
            let slots = [
                ("{S1}", prev.states[0]),
                ("{S2}", prev.states[1]),
                ("{P1}", prev.people[0]),
                ("{P2}", prev.people[1]),
                ("{O}", prev.orgs[0]),
            ];
            for (slot, a) in slots {
                if pattern.contains(slot) {
                    w.mentioned.insert(a);
                }
            }
            if let Some(s) = world.cities[prev.place].capital_of {
                if pattern.contains("{city}") {
                    w.mentioned.insert(s);
                }
            }
        } else if i % 3 == 0 || (i > 2 && rng.chance(0.25)) {
            // A quote paragraph: a shared quote of the event if any is left, else a new one.
            let (speaker, q) = match pending_quotes.next() {
                Some((s, q, named)) => {
                    w.mentioned.extend(named.iter().copied());
                    let q = if rng.chance(0.15) {
                        small_edit(rng, world, q)
                    } else {
                        q.clone()
                    };
                    (*s, q)
                }
                None => {
                    let s = *rng.pick(&w.people);
                    (s, w.said_by(rng, s))
                }
            };
            text.push_str(&w.attributed(rng, speaker, &q));
        } else if let Some((claim, value)) = pending_claims.next() {
            claim_here = true;
            let g = rng.pick(GROUPS).to_string();
            text.push_str(&cap(&claim
                .sentence
                .replace("{v}", value)
                .replace("{g}", &g)));
        }
        while words(&text) < quota {
            // A sentence has at most about 30 words: stop before passing 900.
            if !text.is_empty() && total + words(&text) + 30 > 900 {
                break;
            }
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&sentence(rng, &mut w));
        }
        total += words(&text);
        paragraphs.push(Paragraph {
            text,
            actors: std::mem::take(&mut w.mentioned),
            fixed: i == 1 || claim_here,
        });
    }
    // Keep to 600–900 words: drop ordinary paragraphs of a long article, lengthen the last
    // paragraph of a short one.
    while total > 900 && paragraphs.len() > 8 {
        let Some(at) = paragraphs.iter().rposition(|p| !p.fixed) else {
            break;
        };
        total -= words(&paragraphs[at].text);
        paragraphs.remove(at);
    }
    while total < 600 {
        w.mentioned.clear();
        let s = sentence(rng, &mut w);
        total += words(&s);
        let last = paragraphs.last_mut().expect("a paragraph");
        last.text.push(' ');
        last.text.push_str(&s);
        last.actors.extend(std::mem::take(&mut w.mentioned));
    }
    if w.stock.is_some() && rng.chance(0.5) {
        paragraphs.push(Paragraph {
            text: rng.word(CLOSINGS).to_owned(),
            actors: BTreeSet::new(),
            fixed: true,
        });
    }
    Article {
        paragraphs,
        lede: 1,
    }
}

fn lede(rng: &mut Rng, w: &mut Writer, brief: &Brief, published: NaiveDate) -> String {
    match brief.event {
        Some(e) => {
            let (_, lede, _, _) = EVENT_KINDS[e.kind];
            let when = event_when(rng, e, published, brief.wrong_date);
            let tail = match rng.below(4) {
                0 => format!("{} said", rng.pick(GROUPS)),
                1 => format!("raising fears of a wider {}", rng.pick(NOUNS)),
                2 => format!(
                    "in a sign of {} {}",
                    rng.pick(ADJECTIVES),
                    plural(rng.word(NOUNS))
                ),
                _ => format!("as the {} over {} deepened", rng.pick(NOUNS), e.issue),
            };
            let mut values = Vec::new();
            for (key, list) in [
                ("S1", &e.states[..1]),
                ("S2", &e.states[1..2]),
                ("P1", &e.people[..1]),
                ("P2", &e.people[1..2]),
                ("O", &e.orgs[..1]),
            ] {
                if lede.contains(&format!("{{{key}}}")) {
                    values.push((key, w.mention(rng, list[0])));
                }
            }
            if let Some(s) = w.world.cities[e.place].capital_of {
                w.mentioned.insert(s);
            }
            values.push(("city", w.world.cities[e.place].name.clone()));
            values.push(("issue", e.issue.to_string()));
            values.push(("when", when));
            values.push(("tail", tail));
            fix_articles(&cap(&fill(lede, &values)))
        }
        None => {
            let t = *rng.pick(&[
                "{S} and {S} remain divided over {topic}, {grp} said {when}.",
                "The {adj} {n} over {topic} has {vpp} the {ns} of {S}, {grp} said.",
                "{P} {vpast} the {adj} {n} on {topic} {when}, as {S} {vpast} the {n}.",
            ]);
            w.expand(rng, t, &[])
        }
    }
}

/// One ordinary sentence: narrative, now and then a quote.
fn sentence(rng: &mut Rng, w: &mut Writer) -> String {
    if let Some(stock) = w.stock {
        if rng.chance(STOCK_SHARE) {
            return rng.pick(&stock.sentences).clone();
        }
    }
    if rng.chance(0.12) {
        let speaker = *rng.pick(&w.people);
        let q = w.said_by(rng, speaker);
        w.attributed(rng, speaker, &q)
    } else {
        let t = *rng.pick(NARRATIVE);
        w.expand(rng, t, &[])
    }
}

/// A small edit of copied text: one adjective replaced, or one number changed.
fn small_edit(rng: &mut Rng, world: &World, text: &str) -> String {
    let tokens: Vec<&str> = text.split(' ').collect();
    let candidates: Vec<usize> = tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| world.adjectives.contains(*t))
        .map(|(i, _)| i)
        .collect();
    if candidates.is_empty() {
        return text.to_owned();
    }
    let at = *rng.pick(&candidates);
    let mut out: Vec<String> = tokens.iter().map(|s| s.to_string()).collect();
    out[at] = rng.pick(ADJECTIVES).to_string();
    fix_articles(&out.join(" "))
}

// ---------------------------------------------------------------------------------------
// Output

/// A YAML double-quoted string.
fn yq(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

fn yaml_list(items: &[String]) -> String {
    format!(
        "[{}]",
        items.iter().map(|s| yq(s)).collect::<Vec<_>>().join(", ")
    )
}

struct Out {
    dossier: PathBuf,
    hugo: Option<PathBuf>,
    files: usize,
    bytes: u64,
}

impl Out {
    fn write(&mut self, path: &Path, text: &str) -> io::Result<()> {
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(path, text)?;
        self.files += 1;
        self.bytes += text.len() as u64;
        Ok(())
    }

    fn dossier(&mut self, rel: &str, text: &str) -> io::Result<()> {
        let path = self.dossier.join(rel);
        self.write(&path, text)
    }

    fn hugo(&mut self, rel: &str, text: &str) -> io::Result<()> {
        if let Some(root) = self.hugo.clone() {
            self.write(&root.join(rel), text)?;
        }
        Ok(())
    }
}

fn copy_dir(from: &Path, to: &Path) -> io::Result<usize> {
    fs::create_dir_all(to)?;
    let mut n = 0;
    let mut entries: Vec<_> = fs::read_dir(from)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            n += copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)?;
            n += 1;
        }
    }
    Ok(n)
}

fn write_world(out: &mut Out, world: &World, articles: usize, seed: u64) -> io::Result<()> {
    out.dossier(
        "site.toml",
        &format!(
            r#"title = "Generated dossier: {articles} articles (seed {seed})"
description = "A synthetic briefing dossier for benchmarks: {articles} articles from {} sources about {} actors."
base_url = "https://example.org/dossier/"
language = "en"
theme = "briefing"
output_dir = "public"
# Hugo builds no search index; the benchmark compares the same pages. Set to true to time
# the Pagefind index as well.
search = {search}

[markdown]
smart_punctuation = true
highlight_theme = "InspiredGitHub"
unsafe_html = false

[links]
actors = "first-per-paragraph"
"#,
            world.sources.len(),
            world.actors.len(),
            search = std::env::var("GENDOSSIER_SEARCH").is_ok_and(|v| v == "1"),
        ),
    )?;
    // Hugo's pages name the terms they link from a data file (`site.Data.terms`), not through
    // `.GetTerms`, which looks each term's page up: the fast idiom.
    let names = |items: &mut dyn Iterator<Item = (&String, &String)>| -> String {
        items
            .map(|(slug, name)| format!("{slug}: {}\n", yq(name)))
            .collect()
    };
    out.hugo(
        "data/terms/actors.yaml",
        &names(&mut world.actors.iter().map(|a| (&a.slug, &a.name))),
    )?;
    out.hugo(
        "data/terms/sources.yaml",
        &names(&mut world.sources.iter().map(|s| (&s.slug, &s.name))),
    )?;
    for a in &world.actors {
        let mut fm = format!("---\nname: {}\n", yq(&a.name));
        if !a.aliases.is_empty() {
            let _ = writeln!(fm, "aliases: {}", yaml_list(&a.aliases));
        }
        let kind = match a.kind {
            Kind::Person => "person",
            Kind::Organisation => "organisation",
            Kind::State => "state",
        };
        let _ = writeln!(fm, "kind: {kind}");
        if let Some(role) = &a.role {
            let _ = writeln!(fm, "role: {}", yq(role));
        }
        if let Some(aff) = a.affiliation {
            let _ = writeln!(fm, "affiliation: {}", world.actors[aff].slug);
        }
        let _ = write!(fm, "---\n\n{}\n", a.profile);
        out.dossier(&format!("content/actors/{}.md", a.slug), &fm)?;
        out.hugo(
            &format!("content/actors/{}/_index.md", a.slug),
            &format!("---\ntitle: {}\n---\n\n{}\n", yq(&a.name), a.profile),
        )?;
    }
    for s in &world.sources {
        let mut fm = format!("---\nname: {}\n", yq(&s.name));
        if !s.aliases.is_empty() {
            let _ = writeln!(fm, "aliases: {}", yaml_list(&s.aliases));
        }
        let profile = format!("{} is a {} based in {}.", s.name, s.kind, s.country);
        let _ = write!(
            fm,
            "url: https://{}/\nkind: {}\ncountry: {}\n---\n\n{profile}\n",
            s.domain,
            s.kind,
            yq(&s.country)
        );
        out.dossier(&format!("content/sources/{}.md", s.slug), &fm)?;
        out.hugo(
            &format!("content/sources/{}/_index.md", s.slug),
            &format!("---\ntitle: {}\n---\n\n{profile}\n", yq(&s.name)),
        )?;
    }
    Ok(())
}

fn write_hugo_skeleton(
    out: &mut Out,
    theme_css: &Path,
    articles: usize,
    seed: u64,
) -> io::Result<()> {
    let Some(root) = out.hugo.clone() else {
        return Ok(());
    };
    out.hugo(
        "hugo.toml",
        &format!(
            r#"baseURL = "https://example.org/dossier/"
languageCode = "en"
title = "Generated dossier: {articles} articles (seed {seed})"
enableRobotsTXT = false

[taxonomies]
  actor = "actors"
  source = "sources"
  event = "events"

[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML"]
  taxonomy = ["HTML"]
  term = ["HTML"]
  page = ["HTML"]

[markup.goldmark.renderer]
  unsafe = false

[markup.goldmark.extensions]
  typographer = true
"#
        ),
    )?;
    out.hugo(
        "layouts/_default/baseof.html",
        r#"<!DOCTYPE html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
</head>
<body>
<header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
<nav><a href="{{ "articles/" | relURL }}">Articles</a> <a href="{{ "actors/" | relURL }}">Actors</a> <a href="{{ "sources/" | relURL }}">Sources</a> <a href="{{ "events/" | relURL }}">Events</a></nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
<footer>{{ site.Title }}</footer>
</body>
</html>
"#,
    )?;
    out.hugo(
        "layouts/_default/single.html",
        r#"{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>{{ with .Params.byline }} · {{ . }}{{ end }}</p>
{{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
{{ .Content }}
</article>
<aside>
{{ range $taxonomy := slice "sources" "events" "actors" }}
{{ with index $.Params $taxonomy }}
<h2>{{ $taxonomy | title }}</h2>
<ul>{{ range . }}<li><a href="{{ printf "%s/%s/" $taxonomy . | relURL }}">{{ index site.Data.terms $taxonomy . }}</a></li>{{ end }}</ul>
{{ end }}
{{ end }}
</aside>
{{ end }}
"#,
    )?;
    out.hugo(
        "layouts/_default/list.html",
        r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>
{{ range .Pages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2 January 2006" }}</time></li>
{{ end }}
</ul>
{{ end }}
"#,
    )?;
    out.hugo(
        "layouts/_default/taxonomy.html",
        r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>
{{ end }}
</ul>
{{ end }}
"#,
    )?;
    out.hugo(
        "layouts/_default/term.html",
        r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<h2>Articles ({{ len .Pages }})</h2>
<ul>
{{ range .Pages.ByDate }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2 January 2006" }}</time>{{ with .Params.sources }} · {{ range . }}{{ index site.Data.terms.sources . }}{{ end }}{{ end }}</li>
{{ end }}
</ul>
{{ end }}
"#,
    )?;
    out.hugo(
        "layouts/index.html",
        r#"{{ define "main" }}
<h1>{{ site.Title }}</h1>
<p>{{ len (where site.RegularPages "Section" "articles") }} articles, {{ len site.Taxonomies.actors }} actors, {{ len site.Taxonomies.sources }} sources, {{ len site.Taxonomies.events }} events.</p>
<h2>Latest articles</h2>
<ul>
{{ range first 20 (where site.RegularPages.ByDate.Reverse "Section" "articles") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2 January 2006" }}</time></li>
{{ end }}
</ul>
<h2>Sources</h2>
<ul>
{{ range site.Taxonomies.sources.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>
{{ end }}
</ul>
{{ end }}
"#,
    )?;
    out.hugo(
        "content/articles/_index.md",
        "---\ntitle: \"Articles\"\n---\n",
    )?;
    out.hugo("content/actors/_index.md", "---\ntitle: \"Actors\"\n---\n")?;
    out.hugo(
        "content/sources/_index.md",
        "---\ntitle: \"Sources\"\n---\n",
    )?;
    out.hugo("content/events/_index.md", "---\ntitle: \"Events\"\n---\n")?;
    fs::create_dir_all(root.join("static"))?;
    fs::copy(theme_css, root.join("static/style.css"))?;
    out.files += 1;
    Ok(())
}

#[rustfmt::skip]
const HEADLINES: &[&str] = &[
    "{A} and {B} fail to agree on {issue}", "{A} rejects proposal on {issue}",
    "Talks on {issue} end without a deal", "{A} warns of {adj} response over {issue}",
    "What we know about the {issue} {n}", "{A} and {B} trade blame over {issue}",
    "{adjc} {n} on {issue} as {A} hardens stance", "{A} says {issue} {n} is {adj}",
    "Pressure mounts on {A} over {issue}", "{A} signals {adj} shift on {issue}",
];

struct Meta<'a> {
    slug: String,
    title: String,
    source: usize,
    publisher: Option<usize>,
    published: NaiveDate,
    time: Option<(u32, u32)>,
    events: Vec<&'a str>,
    extra_actors: Vec<usize>,
    /// Actors named in the title.
    title_actors: Vec<usize>,
    byline: Option<String>,
    summary: bool,
}

/// A headline, and the actors it names (a title's mentions count like the body's).
fn headline(
    rng: &mut Rng,
    world: &World,
    states: &[usize],
    people: &[usize],
    issue: &str,
) -> (String, Vec<usize>) {
    let short = |a: usize| {
        let actor = &world.actors[a];
        match actor.kind {
            Kind::Person => actor.short[0].clone(),
            _ => actor.name.clone(),
        }
    };
    let a = if rng.chance(0.5) && !people.is_empty() {
        people[0]
    } else {
        states[0]
    };
    let b = states[states.len() - 1];
    let t = *rng.pick(HEADLINES);
    let mut named = Vec::new();
    if t.contains("{A}") {
        named.push(a);
    }
    if t.contains("{B}") {
        named.push(b);
    }
    let (a, b) = (short(a), short(b));
    let s = t
        .replace("{A}", &a)
        .replace("{B}", &b)
        .replace("{issue}", issue)
        .replace("{adjc}", &cap(rng.word(ADJECTIVES)))
        .replace("{adj}", rng.word(ADJECTIVES))
        .replace("{n}", rng.word(NOUNS));
    (cap(&fix_articles(&s)), named)
}

fn write_article_files(
    out: &mut Out,
    world: &World,
    meta: &Meta,
    article: &Article,
) -> io::Result<()> {
    let src = &world.sources[meta.source];
    let mut fm = String::with_capacity(512);
    let _ = writeln!(fm, "---\ntitle: {}", yq(&meta.title));
    let _ = writeln!(fm, "source: {}", src.slug);
    if let Some(p) = meta.publisher {
        let _ = writeln!(fm, "publisher: {}", world.sources[p].slug);
    }
    if meta.byline.is_some() || meta.summary {
        let _ = writeln!(
            fm,
            "url: https://{}/{}/{:02}/{}",
            src.domain,
            meta.published.year(),
            meta.published.month(),
            meta.slug
        );
    }
    let date = match meta.time {
        Some((h, m)) => format!("{}T{h:02}:{m:02}:00Z", meta.published),
        None => meta.published.to_string(),
    };
    let _ = writeln!(fm, "published: {date}");
    if let Some(b) = &meta.byline {
        let _ = writeln!(fm, "byline: {}", yq(b));
    }
    if !meta.events.is_empty() {
        let _ = writeln!(fm, "events: [{}]", meta.events.join(", "));
    }
    if !meta.extra_actors.is_empty() {
        let slugs: Vec<&str> = meta
            .extra_actors
            .iter()
            .map(|&a| world.actors[a].slug.as_str())
            .collect();
        let _ = writeln!(fm, "actors: [{}]", slugs.join(", "));
    }
    if meta.summary {
        let first = &article.paragraphs[0].text;
        let sentence = first
            .split(". ")
            .next()
            .unwrap_or(first)
            .trim_end_matches('.');
        let _ = writeln!(fm, "summary: {}", yq(&format!("{sentence}.")));
    }
    fm.push_str("draft: false\n---\n\n");
    let mut body = String::with_capacity(6000);
    for p in &article.paragraphs {
        body.push_str(&p.text);
        body.push_str("\n\n");
    }
    out.dossier(
        &format!("content/articles/{}.md", meta.slug),
        &format!("{fm}{body}"),
    )?;

    if out.hugo.is_some() {
        let mut actors: BTreeSet<usize> = meta
            .extra_actors
            .iter()
            .chain(&meta.title_actors)
            .copied()
            .collect();
        for p in &article.paragraphs {
            actors.extend(p.actors.iter().copied());
        }
        let actor_slugs: Vec<String> = actors
            .iter()
            .map(|&a| world.actors[a].slug.clone())
            .collect();
        let mut sources = vec![src.slug.clone()];
        if let Some(p) = meta.publisher {
            sources.push(world.sources[p].slug.clone());
        }
        let events: Vec<String> = meta.events.iter().map(|s| s.to_string()).collect();
        let mut hf = String::with_capacity(512);
        let _ = writeln!(hf, "---\ntitle: {}\ndate: {date}", yq(&meta.title));
        if let Some(b) = &meta.byline {
            let _ = writeln!(hf, "byline: {}", yq(b));
        }
        let _ = writeln!(hf, "actors: {}", yaml_list(&actor_slugs));
        let _ = writeln!(hf, "sources: {}", yaml_list(&sources));
        let _ = writeln!(hf, "events: {}", yaml_list(&events));
        hf.push_str("---\n\n");
        out.hugo(
            &format!("content/articles/{}.md", meta.slug),
            &format!("{hf}{body}"),
        )?;
    }
    Ok(())
}

fn write_event_files(
    out: &mut Out,
    world: &World,
    event: &Event,
    reporting: &[(String, usize, bool)],
) -> io::Result<()> {
    let mut fm = String::with_capacity(1024);
    let _ = writeln!(fm, "---\ntitle: {}", yq(&event.title));
    if event.month_only {
        let _ = writeln!(fm, "date: {}-{:02}", event.date.year(), event.date.month());
    } else {
        let _ = writeln!(fm, "date: {}", event.date);
    }
    if let Some(end) = event.end {
        let _ = writeln!(fm, "end: {end}");
    }
    let _ = writeln!(fm, "place: {}", yq(&world.cities[event.place].name));
    let actors: Vec<&str> = event
        .states
        .iter()
        .chain(&event.people)
        .chain(&event.orgs)
        .map(|&a| world.actors[a].slug.as_str())
        .collect();
    let _ = writeln!(fm, "actors: [{}]", actors.join(", "));
    let listed: Vec<&(String, usize, bool)> = reporting.iter().filter(|r| r.2).collect();
    if !listed.is_empty() {
        fm.push_str("sources:\n");
        for (slug, anchor, _) in listed {
            if *anchor > 0 {
                let _ = writeln!(fm, "  - {slug}#p{anchor}");
            } else {
                let _ = writeln!(fm, "  - {slug}");
            }
        }
    }
    let claims: Vec<&Claim> = event
        .claims
        .iter()
        .filter(|c| c.values.iter().filter(|v| v.is_some()).count() >= 2)
        .collect();
    if !claims.is_empty() {
        fm.push_str("claims:\n");
        for c in claims {
            let _ = writeln!(fm, "  - about: {}\n    reports:", yq(c.about));
            for (k, v) in c.values.iter().enumerate() {
                if let (Some(v), Some((slug, _, _))) = (v, reporting.get(k)) {
                    let _ = writeln!(fm, "      {slug}: {}", yq(v));
                }
            }
        }
    }
    let (_, _, body, _) = EVENT_KINDS[event.kind];
    let body = fill(body, &event_fill(world, event));
    let _ = write!(fm, "---\n\n{body}\n");
    out.dossier(&format!("content/events/{}.md", event.slug), &fm)?;
    out.hugo(
        &format!("content/events/{}/_index.md", event.slug),
        &format!("---\ntitle: {}\n---\n\n{body}\n", yq(&event.title)),
    )?;
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Main

struct Args {
    articles: usize,
    out: PathBuf,
    seed: u64,
    hugo: Option<PathBuf>,
    force: bool,
    templated: bool,
}

const USAGE: &str =
    "usage: gendossier --articles N --out DIR [--seed S] [--hugo DIR] [--force] [--templated]

Writes a synthetic dossier of N articles to DIR (which must not exist or be empty, unless
--force, which deletes it first), and with --hugo the equivalent Hugo site. With --templated
the text is heavily templated (stock sentences, talking points and closing lines repeated
across thousands of articles) and wire stories are republished by 3-5 sites each.";

fn parse_args() -> Result<Args, String> {
    let mut articles = None;
    let mut out = None;
    let mut seed = 1;
    let mut hugo = None;
    let mut force = false;
    let mut templated = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--articles" | "-n" => {
                articles = Some(
                    value("--articles")?
                        .parse()
                        .map_err(|e| format!("--articles: {e}"))?,
                )
            }
            "--out" | "-o" => out = Some(PathBuf::from(value("--out")?)),
            "--seed" => {
                seed = value("--seed")?
                    .parse()
                    .map_err(|e| format!("--seed: {e}"))?
            }
            "--hugo" => hugo = Some(PathBuf::from(value("--hugo")?)),
            "--force" => force = true,
            "--templated" => templated = true,
            "--help" | "-h" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(Args {
        articles: articles.ok_or("--articles is required")?,
        out: out.ok_or("--out is required")?,
        seed,
        hugo,
        force,
        templated,
    })
}

fn prepare(dir: &Path, force: bool) -> Result<(), String> {
    if dir.exists() {
        let empty = fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .next()
            .is_none();
        if !empty {
            if !force {
                return Err(format!(
                    "{} exists and is not empty (use --force to replace it)",
                    dir.display()
                ));
            }
            fs::remove_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
    }
    fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("gendossier: {e}\n\n{USAGE}");
            std::process::exit(2);
        }
    };
    if let Err(e) = run(&args) {
        eprintln!("gendossier: {e}");
        std::process::exit(1);
    }
}

fn run(args: &Args) -> Result<(), String> {
    let started = Instant::now();
    prepare(&args.out, args.force)?;
    if let Some(h) = &args.hugo {
        prepare(h, args.force)?;
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let theme = repo.join("themes/briefing");
    let io = |e: io::Error| e.to_string();

    let mut rng = Rng::new(args.seed);
    let mut names = Names::new();
    let world = build_world(&mut rng, &mut names);
    let stock = args.templated.then(|| Stock::new(&world, args.seed));
    let mut out = Out {
        dossier: args.out.clone(),
        hugo: args.hugo.clone(),
        files: 0,
        bytes: 0,
    };
    out.files += copy_dir(&theme, &args.out.join("themes/briefing")).map_err(io)?;
    write_world(&mut out, &world, args.articles, args.seed).map_err(io)?;
    write_hugo_skeleton(
        &mut out,
        &theme.join("static/style.css"),
        args.articles,
        args.seed,
    )
    .map_err(io)?;

    // Plan: events, how many articles report each, and standalone articles after each.
    let n = args.articles;
    let n_events = n / 5;
    let mut counts: Vec<usize> = (0..n_events).map(|_| rng.range(2, 6)).collect();
    let mut sum: usize = counts.iter().sum();
    while sum > n {
        let i = rng.below(n_events);
        if counts[i] > 2 {
            counts[i] -= 1;
            sum -= 1;
        }
    }
    let mut standalone = vec![0usize; n_events.max(1)];
    for _ in 0..n - sum {
        let i = rng.below(standalone.len());
        standalone[i] += 1;
    }

    let start = NaiveDate::from_ymd_opt(2022, 1, 3).expect("date");
    let span_days = 728i64;
    let mut bylines: Vec<String> = Vec::new();
    for _ in 0..120 {
        let female = rng.chance(0.5);
        let first = rng.pick(if female { FEMALE_FIRST } else { MALE_FIRST });
        let last = {
            let syl = rng.range(1, 2);
            names.fresh(&mut rng, syl, SURNAME_ENDS)
        };
        bylines.push(format!("{first} {last}"));
    }

    let mut article_no = 0usize;
    let mut events_written = 0usize;
    // Every event written so far, without its quotes and claims (for background mentions).
    let mut past: Vec<Event> = Vec::with_capacity(n_events);
    // Reported-by counts of earlier events, so background mentions keep each at six at most.
    let mut reported = vec![0usize; n_events];
    let mut words_total = 0usize;
    let mut shared_copies = 0usize;
    // Templated corpus: wire stories republished by other sites take the places of standalone
    // articles, so that the dossier keeps N articles. `owed` is how many standalone articles
    // are still to be left out for them; `standalone_left` how many remain to be written.
    let mut owed = 0usize;
    let mut standalone_left: usize = standalone.iter().sum();
    let mut republished = 0usize;
    // The events' titles for Hugo's data file.
    let mut event_names = String::new();

    for e in 0..n_events.max(1) {
        let day = if n_events == 0 {
            0
        } else {
            (e as i64 * span_days) / n_events as i64
        };
        let event = if n_events == 0 {
            None
        } else {
            let date = start + Duration::days(day + rng.below(3) as i64);
            Some(plan_event(&mut rng, &world, e, date, counts[e]))
        };
        let mut current: Vec<Article> = Vec::new();
        let mut reporting: Vec<(String, usize, bool)> = Vec::new();
        if let Some(event) = &event {
            reported[e] = counts[e];
            for (k, &source) in event.sources.iter().enumerate() {
                let published =
                    event.end.unwrap_or(event.date) + Duration::days(rng.below(3) as i64);
                let previous = if e > 0 && rng.chance(0.1) {
                    let p = rng.below(e.min(40));
                    let pe = e - 1 - p;
                    (reported[pe] < 6).then(|| {
                        reported[pe] += 1;
                        pe
                    })
                } else {
                    None
                };
                let prev_event = previous.map(|pe| &past[pe]);
                let copy = if k > 0 && rng.chance(0.3) {
                    let from = &current[rng.below(current.len())];
                    let count = rng.range(1, 3);
                    let first = rng.range(1, from.paragraphs.len() - count);
                    shared_copies += 1;
                    Some((from, first, count))
                } else {
                    None
                };
                let brief = Brief {
                    event: Some(event),
                    position: k,
                    previous: prev_event,
                    copy,
                    wrong_date: !event.month_only && rng.chance(0.02),
                    cast: None,
                    stock: stock.as_ref(),
                };
                let src = &world.sources[source];
                let (hl, named) =
                    headline(&mut rng, &world, &event.states, &event.people, event.issue);
                article_no += 1;
                let slug = article_slug(&src.slug, &hl, article_no);
                let article = write_article(&mut rng, &world, &brief, published);
                // How the event and the article point at each other.
                let (in_article, in_event) = match rng.below(20) {
                    0..=9 => (true, true),
                    10..=16 => (true, false),
                    _ => (false, true),
                };
                let mut evs: Vec<&str> = Vec::new();
                if in_article {
                    evs.push(&event.slug);
                }
                if let Some(pe) = &prev_event {
                    evs.push(&pe.slug);
                }
                let publisher = if matches!(src.kind, "wire" | "agency") && rng.chance(0.3) {
                    let others: Vec<usize> = (0..world.sources.len())
                        .filter(|i| {
                            !event.sources.contains(i)
                                && matches!(world.sources[*i].kind, "newspaper" | "aggregator")
                        })
                        .collect();
                    (!others.is_empty()).then(|| *rng.pick(&others))
                } else {
                    None
                };
                let meta = Meta {
                    slug: slug.clone(),
                    title: hl,
                    title_actors: named,
                    source,
                    publisher,
                    published,
                    time: rng
                        .chance(0.3)
                        .then(|| (rng.range(6, 22) as u32, rng.below(60) as u32)),
                    events: evs,
                    extra_actors: if rng.chance(0.05) {
                        vec![*rng.pick(&world.people)]
                    } else {
                        Vec::new()
                    },
                    byline: rng.chance(0.6).then(|| rng.pick(&bylines).clone()),
                    summary: rng.chance(0.6),
                };
                words_total += article
                    .paragraphs
                    .iter()
                    .map(|p| words(&p.text))
                    .sum::<usize>();
                write_article_files(&mut out, &world, &meta, &article).map_err(io)?;
                let anchor = if rng.chance(0.4) {
                    if rng.chance(0.5) {
                        article.lede
                    } else {
                        rng.range(1, article.paragraphs.len())
                    }
                } else {
                    0
                };
                reporting.push((slug, anchor, in_event));
                if stock.is_some() && matches!(src.kind, "wire" | "agency") && rng.chance(0.6) {
                    let sites = rng.range(3, 5);
                    if owed + sites <= standalone_left {
                        owed += sites;
                        for copy in republish(&mut rng, &world, event, &meta, &article, sites) {
                            article_no += 1;
                            let mut copy_meta = copy.0;
                            copy_meta.slug = article_slug(
                                &world.sources[copy_meta.publisher.expect("a publisher")].slug,
                                &copy_meta.title,
                                article_no,
                            );
                            words_total += copy
                                .1
                                .paragraphs
                                .iter()
                                .map(|p| words(&p.text))
                                .sum::<usize>();
                            write_article_files(&mut out, &world, &copy_meta, &copy.1)
                                .map_err(io)?;
                            republished += 1;
                        }
                    }
                }
                current.push(article);
            }
            write_event_files(&mut out, &world, event, &reporting).map_err(io)?;
            let _ = writeln!(event_names, "{}: {}", event.slug, yq(&event.title));
            events_written += 1;
        }
        if let Some(mut event) = event {
            event.quotes = Vec::new();
            event.claims = Vec::new();
            past.push(event);
        }
        drop(current);

        // Standalone articles (analysis and background), near this event's date.
        let skipped = standalone[e].min(owed);
        owed -= skipped;
        standalone_left -= standalone[e];
        for _ in skipped..standalone[e] {
            let base = start + Duration::days(day);
            let published = base + Duration::days(rng.below(10) as i64);
            let source = rng.below(world.sources.len());
            let cast = random_cast(&mut rng, &world);
            article_no += 1;
            let (hl, named) = headline(&mut rng, &world, &cast.0, &cast.1, cast.3);
            let brief = Brief {
                event: None,
                position: 0,
                previous: None,
                copy: None,
                wrong_date: false,
                cast: Some(cast),
                stock: stock.as_ref(),
            };
            let slug = article_slug(&world.sources[source].slug, &hl, article_no);
            let article = write_article(&mut rng, &world, &brief, published);
            let meta = Meta {
                slug,
                title: hl,
                title_actors: named,
                source,
                publisher: None,
                published,
                time: None,
                events: Vec::new(),
                extra_actors: Vec::new(),
                byline: rng.chance(0.6).then(|| rng.pick(&bylines).clone()),
                summary: rng.chance(0.5),
            };
            words_total += article
                .paragraphs
                .iter()
                .map(|p| words(&p.text))
                .sum::<usize>();
            write_article_files(&mut out, &world, &meta, &article).map_err(io)?;
        }
    }

    out.hugo("data/terms/events.yaml", &event_names)
        .map_err(io)?;
    let templated = if args.templated {
        format!(", templated: {republished} wire copies republished by other sites")
    } else {
        String::new()
    };
    eprintln!(
        "gendossier: {article_no} articles ({} words on average, {shared_copies} with copied passages{templated}), {} actors, {} sources, {events_written} events; {} files, {:.1} MB in {:.2} s → {}{}",
        words_total / article_no.max(1),
        world.actors.len(),
        world.sources.len(),
        out.files,
        out.bytes as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        args.out.display(),
        args.hugo
            .as_ref()
            .map(|h| format!(" and {}", h.display()))
            .unwrap_or_default()
    );
    Ok(())
}

/// A wire story republished by `sites` other sites (newspapers, broadcasters, aggregators
/// that did not report the event themselves): the same text under the wire's name, credited
/// to the site (`publisher:`), a day or two later, some with the last paragraph cut or an
/// adjective changed. The slugs are left to the caller.
fn republish<'m>(
    rng: &mut Rng,
    world: &World,
    event: &'m Event,
    meta: &Meta<'m>,
    article: &Article,
    sites: usize,
) -> Vec<(Meta<'m>, Article)> {
    let mut candidates: Vec<usize> = (0..world.sources.len())
        .filter(|i| {
            !event.sources.contains(i)
                && Some(*i) != meta.publisher
                && matches!(
                    world.sources[*i].kind,
                    "newspaper" | "aggregator" | "broadcaster"
                )
        })
        .collect();
    rng.shuffle(&mut candidates);
    candidates.truncate(sites);
    candidates
        .into_iter()
        .map(|site| {
            let mut paragraphs = article.paragraphs.clone();
            if paragraphs.len() > 8 && rng.chance(0.4) {
                paragraphs.pop();
            }
            if rng.chance(0.3) {
                let at = rng.range(1, paragraphs.len() - 1);
                paragraphs[at].text = small_edit(rng, world, &paragraphs[at].text);
            }
            let copy = Meta {
                slug: String::new(),
                title: meta.title.clone(),
                source: meta.source,
                publisher: Some(site),
                published: meta.published + Duration::days(rng.range(0, 1) as i64),
                time: None,
                events: vec![event.slug.as_str()],
                extra_actors: meta.extra_actors.clone(),
                title_actors: meta.title_actors.clone(),
                byline: meta.byline.clone(),
                summary: rng.chance(0.5),
            };
            (
                copy,
                Article {
                    paragraphs,
                    lede: article.lede,
                },
            )
        })
        .collect()
}

fn article_slug(source: &str, headline: &str, n: usize) -> String {
    let words: Vec<String> = slugify(headline)
        .split('-')
        .filter(|w| w.len() > 3)
        .take(3)
        .map(str::to_owned)
        .collect();
    format!("{source}-{}-{n}", words.join("-"))
}

fn plan_event(rng: &mut Rng, world: &World, e: usize, date: NaiveDate, count: usize) -> Event {
    let mut event = plan_event_core(world, e, date, rng.next());
    let mut sources: Vec<usize> = (0..world.sources.len()).collect();
    rng.shuffle(&mut sources);
    sources.truncate(count);
    event.sources = sources;
    if event.end.is_none() && rng.chance(0.08) {
        event.end = Some(event.date + Duration::days(rng.range(1, 3) as i64));
    }
    if rng.chance(0.02) {
        event.month_only = true;
        event.end = None;
    }
    let n_quotes = rng.range(2, 4);
    let mut w = Writer {
        world,
        published: event.date,
        states: event.states.clone(),
        people: event.people.clone(),
        orgs: event.orgs.clone(),
        places: vec![event.place],
        topic: event.issue,
        event_date: None,
        introduced: HashSet::new(),
        mentioned: BTreeSet::new(),
        last_person: None,
        sentence_people: Vec::new(),
        sentence_states: Vec::new(),
        stock: None,
    };
    for _ in 0..n_quotes {
        let speaker = *rng.pick(&event.people);
        w.mentioned.clear();
        let q = w.quote_text(rng);
        event
            .quotes
            .push((speaker, q, std::mem::take(&mut w.mentioned)));
    }
    if rng.chance(0.35) {
        let options = KIND_CLAIMS[event.kind];
        let k = rng.range(1, options.len().min(2));
        for &c in rng.sample(options, k, k).iter() {
            let (about, sentence, values) = CLAIMS[c];
            let usual = values[0];
            let per: Vec<Option<&'static str>> = (0..count)
                .map(|_| {
                    if rng.chance(0.2) {
                        None
                    } else if rng.chance(0.75) {
                        Some(usual)
                    } else {
                        Some(*rng.pick(&values[1..]))
                    }
                })
                .collect();
            event.claims.push(Claim {
                about,
                sentence,
                values: per,
            });
        }
    }
    event
}

/// The identity of an event: kind, cast, place, issue, title and slug.
fn plan_event_core(world: &World, e: usize, date: NaiveDate, seed: u64) -> Event {
    let mut rng = Rng::new(seed);
    let kind = rng.below(EVENT_KINDS.len());
    let states = rng.sample(&world.states, 2, 3);
    let mut people: Vec<usize> = world
        .people
        .iter()
        .copied()
        .filter(|p| {
            world.actors[*p]
                .affiliation
                .is_some_and(|s| states.contains(&s))
        })
        .collect();
    rng.shuffle(&mut people);
    people.truncate(rng.range(2, 4));
    let mut orgs = rng.sample(&world.orgs, 1, 2);
    // An organisation's leader sometimes joins.
    if rng.chance(0.2) {
        if let Some(&leader) = world
            .people
            .iter()
            .find(|&&p| world.actors[p].affiliation == Some(orgs[0]))
        {
            people.push(leader);
        }
    }
    orgs.dedup();
    let city_choices: Vec<usize> = (0..world.cities.len())
        .filter(|&c| states.contains(&world.cities[c].state))
        .collect();
    let place = *rng.pick(&city_choices);
    let issue = *rng.pick(ISSUES);
    let mut event = Event {
        slug: String::new(),
        title: String::new(),
        kind,
        date,
        month_only: false,
        end: None,
        place,
        states,
        people,
        orgs,
        issue,
        quotes: Vec::new(),
        claims: Vec::new(),
        sources: Vec::new(),
    };
    let (title, _, _, _) = EVENT_KINDS[kind];
    event.title = cap(&fill(title, &event_fill(world, &event)));
    let mut words: Vec<String> = slugify(&event.title)
        .split('-')
        .take(6)
        .map(str::to_owned)
        .collect();
    words.push((e + 1).to_string());
    event.slug = words.join("-");
    event
}

/// One of `pool` not yet in `used` (any of `pool` when all are), recorded in `used`: a
/// sentence does not name the same person or state twice.
fn fresh(rng: &mut Rng, pool: &[usize], used: &mut Vec<usize>) -> usize {
    let choices: Vec<usize> = pool.iter().copied().filter(|p| !used.contains(p)).collect();
    let chosen = if choices.is_empty() {
        *rng.pick(pool)
    } else {
        *rng.pick(&choices)
    };
    used.push(chosen);
    chosen
}
