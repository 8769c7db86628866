//! Quote attribution measured against hand-made gold standards: `tests/gold/quotes.yaml`, a
//! reading of every quotation in the sample dossier, and the dossiers under
//! `tests/gold/unseen-*/` (invented events and people, written for these tests in many styles
//! of reporting), each with its `quotes.yaml`. Prints precision and recall of attributed
//! statements overall and per construction, and every miss. The rules were never tuned on
//! unseen-a to unseen-c; unseen-d, unseen-e and unseen-f were written later to find their
//! limits (blind, unseen-e measured precision 0.935 and unseen-f 0.930), and the wrong
//! attributions they found were mended by rules tested on sentences written afresh, so their
//! figures are no longer a blind measure.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use dossier::analyse::quotes::{normalise, Quote, QuoteKind};
use dossier::{LoadOptions, Site};

#[derive(serde::Deserialize)]
struct Gold {
    article: String,
    paragraph: usize,
    text: String,
    /// An actor slug or `unattributed`; absent for a term.
    speaker: Option<String>,
    /// `statement` (the default) or `term`.
    kind: Option<String>,
    #[serde(default)]
    construction: Option<String>,
    #[serde(default)]
    style: Option<String>,
    /// A careful reader cannot tell which of two people speaks: leaving it uncertain is right.
    #[serde(default)]
    ambiguous: bool,
}

impl Gold {
    fn is_term(&self) -> bool {
        self.kind.as_deref() == Some("term")
    }

    /// The actor who speaks, if the gold names one.
    fn actor(&self) -> Option<&str> {
        self.speaker
            .as_deref()
            .filter(|s| *s != "unattributed" && !self.is_term())
    }
}

/// Counts for one slice of the gold (overall, a construction or a style).
#[derive(Default, Clone, Copy)]
struct Score {
    /// Gold statements with a named actor (not ambiguous).
    expected: usize,
    /// Detected statements with a speaker.
    attributed: usize,
    /// ... whose speaker is the gold one.
    right: usize,
    /// Gold terms given a speaker.
    terms_attributed: usize,
    /// Gold statements left uncertain.
    uncertain: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        if self.attributed == 0 {
            1.0
        } else {
            self.right as f64 / self.attributed as f64
        }
    }

    fn recall(&self) -> f64 {
        if self.expected == 0 {
            1.0
        } else {
            self.right.min(self.expected) as f64 / self.expected as f64
        }
    }
}

struct Report {
    overall: Score,
    by_construction: BTreeMap<String, Score>,
    by_style: BTreeMap<String, Score>,
    gold: usize,
    terms: usize,
    terms_found: usize,
    misses: Vec<String>,
}

/// Measures the quotes detected in the dossier at `root` against its `gold` file.
fn measure(root: &Path, gold_file: &Path) -> Report {
    let gold: Vec<Gold> =
        serde_yaml::from_str(&std::fs::read_to_string(gold_file).unwrap()).unwrap();
    let site = Site::load(root, &LoadOptions::default()).unwrap_or_else(|p| panic!("{p:?}"));
    let d = &site.dossier;
    let name = |speaker: Option<usize>| {
        speaker.map_or("unattributed".to_owned(), |a| d.actors[a].slug.clone())
    };
    let detected: Vec<(&str, &Quote)> = site
        .analysis
        .quotes
        .iter()
        .flatten()
        .map(|q| (d.articles[q.article].slug.as_str(), q))
        .collect();
    let mut used = vec![false; detected.len()];
    let mut report = Report {
        overall: Score::default(),
        by_construction: BTreeMap::new(),
        by_style: BTreeMap::new(),
        gold: gold.len(),
        terms: gold.iter().filter(|g| g.is_term()).count(),
        terms_found: 0,
        misses: Vec::new(),
    };
    for g in &gold {
        let key = normalise(&g.text);
        let found = detected
            .iter()
            .enumerate()
            .filter(|(i, (article, q))| {
                !used[*i] && *article == g.article && normalise(&q.text) == key
            })
            .min_by_key(|(_, (_, q))| q.paragraph.abs_diff(g.paragraph))
            .map(|(i, (_, q))| (i, *q));
        let mut score = Score::default();
        if g.actor().is_some() && !g.ambiguous {
            score.expected = 1;
        }
        let place = format!("{}#p{} “{}”", g.article, g.paragraph, g.text);
        match found {
            Some((i, q)) => {
                used[i] = true;
                if g.is_term() && q.kind == QuoteKind::Term {
                    report.terms_found += 1;
                }
                if q.speaker.is_some() {
                    score.attributed = 1;
                    if g.is_term() {
                        score.terms_attributed = 1;
                        report
                            .misses
                            .push(format!("{place}: a term, given to {}", name(q.speaker)));
                    } else if g.speaker.as_deref() == Some(name(q.speaker).as_str()) {
                        score.right = 1;
                    } else {
                        report.misses.push(format!(
                            "{place}: WRONG SPEAKER gold {}, detected {} ({})",
                            g.speaker.as_deref().unwrap_or("-"),
                            name(q.speaker),
                            q.rule.name()
                        ));
                    }
                } else if g.actor().is_some() {
                    if q.uncertain() {
                        score.uncertain = 1;
                    }
                    report.misses.push(format!(
                        "{place}: gold {}, detected {} ({}{})",
                        g.speaker.as_deref().unwrap_or("-"),
                        if q.kind == QuoteKind::Term {
                            "a term".to_owned()
                        } else {
                            "no speaker".to_owned()
                        },
                        q.rule.name(),
                        if q.uncertain() {
                            format!(
                                ", candidates {}",
                                q.candidates
                                    .iter()
                                    .map(|&a| d.actors[a].slug.as_str())
                                    .collect::<Vec<_>>()
                                    .join(" ")
                            )
                        } else {
                            String::new()
                        }
                    ));
                } else if g.is_term() && q.kind != QuoteKind::Term {
                    report.misses.push(format!(
                        "{place}: a term, read as a statement ({})",
                        q.rule.name()
                    ));
                }
            }
            None => report.misses.push(format!("{place}: not detected")),
        }
        add(&mut report.overall, score);
        if let Some(c) = &g.construction {
            add(report.by_construction.entry(c.clone()).or_default(), score);
        }
        if let Some(s) = &g.style {
            add(report.by_style.entry(s.clone()).or_default(), score);
        }
    }
    for (i, (article, q)) in detected.iter().enumerate() {
        if !used[i] {
            if q.speaker.is_some() {
                report.overall.attributed += 1;
            }
            report.misses.push(format!(
                "{article}#p{} “{}”: detected ({}) but not in the gold file",
                q.paragraph,
                q.text,
                name(q.speaker)
            ));
        }
    }
    report
}

fn add(total: &mut Score, one: Score) {
    total.expected += one.expected;
    total.attributed += one.attributed;
    total.right += one.right;
    total.terms_attributed += one.terms_attributed;
    total.uncertain += one.uncertain;
}

fn print(title: &str, report: &Report) {
    let o = report.overall;
    println!(
        "{title}: {} gold quotes ({} terms, {} read as terms); {} statements by a named actor; \
         {} attributed, {} right; precision {:.3}, recall {:.3}; {} left uncertain; {} terms attributed",
        report.gold,
        report.terms,
        report.terms_found,
        o.expected,
        o.attributed,
        o.right,
        o.precision(),
        o.recall(),
        o.uncertain,
        o.terms_attributed
    );
    for (label, table) in [
        ("style", &report.by_style),
        ("construction", &report.by_construction),
    ] {
        if table.is_empty() {
            continue;
        }
        println!("| {label} | expected | attributed | right | precision | recall |");
        println!("|---|---|---|---|---|---|");
        for (key, s) in table {
            println!(
                "| {key} | {} | {} | {} | {:.2} | {:.2} |",
                s.expected,
                s.attributed,
                s.right,
                s.precision(),
                s.recall()
            );
        }
    }
    for miss in &report.misses {
        println!("miss: {miss}");
    }
}

#[test]
fn the_sample_dossier_is_attributed_exactly() {
    let report = measure(
        &common::repo(),
        &common::repo().join("tests/gold/quotes.yaml"),
    );
    print("sample", &report);
    let o = report.overall;
    assert!(
        o.precision() == 1.0 && o.recall() == 1.0,
        "precision {:.3}, recall {:.3}:\n{}",
        o.precision(),
        o.recall(),
        report.misses.join("\n")
    );
}

#[test]
fn unseen_dossiers_are_attributed_with_precision_first() {
    let gold = common::repo().join("tests/gold");
    let mut total = Score::default();
    let mut by_construction: BTreeMap<String, Score> = BTreeMap::new();
    let mut by_style: BTreeMap<String, Score> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut sets = 0;
    for entry in std::fs::read_dir(&gold).unwrap() {
        let root = entry.unwrap().path();
        if !root.join("quotes.yaml").is_file() {
            continue;
        }
        sets += 1;
        // The gold dossiers have no theme of their own: a copy beside the repository's.
        let copy = tempfile::tempdir().unwrap();
        common::copy_dir(&root, copy.path());
        std::os::unix::fs::symlink(common::repo().join("themes"), copy.path().join("themes"))
            .unwrap();
        let report = measure(copy.path(), &root.join("quotes.yaml"));
        print(&root.file_name().unwrap().to_string_lossy(), &report);
        add(&mut total, report.overall);
        for (key, score) in &report.by_construction {
            add(by_construction.entry(key.clone()).or_default(), *score);
        }
        for (key, score) in &report.by_style {
            add(by_style.entry(key.clone()).or_default(), *score);
        }
        misses.extend(report.misses);
    }
    assert!(sets >= 2, "no unseen gold sets under {}", gold.display());
    print(
        "all unseen sets",
        &Report {
            overall: total,
            by_construction,
            by_style,
            gold: 0,
            terms: 0,
            terms_found: 0,
            misses: Vec::new(),
        },
    );
    println!(
        "all unseen sets: precision {:.3}, recall {:.3} ({} attributed, {} right, {} expected, {} terms attributed)",
        total.precision(),
        total.recall(),
        total.attributed,
        total.right,
        total.expected,
        total.terms_attributed
    );
    assert_eq!(total.terms_attributed, 0, "{}", misses.join("\n"));
    // Recall is a floor against losing ground, not a goal to guess for: unseen-d and -e,
    // written after the rules to find where they fail (a hearing's live blog, a long
    // feature, a foreign wire, a TV live page, an op-ed), took it from 0.914 over the first
    // three sets to 0.875; unseen-f (a colliery flood: copies, a transcript, a translated
    // paper, a live blog) to 0.862. Every quote they miss is left unattributed, none is given
    // to the wrong person.
    assert!(
        total.precision() >= 0.98 && total.recall() >= 0.85,
        "precision {:.3}, recall {:.3}:\n{}",
        total.precision(),
        total.recall(),
        misses.join("\n")
    );
}
