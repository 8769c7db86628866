//! Quote attribution measured against `tests/gold/quotes.yaml`, a hand-made reading of every
//! quotation in the sample dossier. Prints precision, recall and every miss.

mod common;

use dossier::analyse::quotes::normalise;
use dossier::{LoadOptions, Site};

#[derive(serde::Deserialize)]
struct Gold {
    article: String,
    paragraph: usize,
    text: String,
    speaker: String,
    partial: bool,
}

#[test]
fn attribution_precision_and_recall_are_at_least_ninety_percent() {
    let gold: Vec<Gold> = serde_yaml::from_str(
        &std::fs::read_to_string(common::repo().join("tests/gold/quotes.yaml")).unwrap(),
    )
    .unwrap();
    let site =
        Site::load(&common::repo(), &LoadOptions::default()).unwrap_or_else(|p| panic!("{p:?}"));
    let d = &site.dossier;
    let name = |speaker: Option<usize>| {
        speaker.map_or("unattributed".to_owned(), |a| d.actors[a].slug.clone())
    };

    let detected: Vec<(&str, &dossier::analyse::Quote)> = site
        .analysis
        .quotes
        .iter()
        .flatten()
        .map(|q| (d.articles[q.article].slug.as_str(), q))
        .collect();
    let mut used = vec![false; detected.len()];
    let mut right = 0;
    let mut partial_right = 0;
    let mut misses = Vec::new();
    for g in &gold {
        let key = normalise(&g.text);
        let found = detected.iter().enumerate().find(|(i, (article, q))| {
            !used[*i] && *article == g.article && normalise(&q.text) == key
        });
        match found {
            Some((i, (_, q))) => {
                used[i] = true;
                if name(q.speaker) == g.speaker {
                    right += 1;
                } else {
                    misses.push(format!(
                        "{}#p{} “{}”: gold {}, detected {}",
                        g.article,
                        g.paragraph,
                        g.text,
                        g.speaker,
                        name(q.speaker)
                    ));
                }
                if q.partial == g.partial {
                    partial_right += 1;
                }
            }
            None => misses.push(format!(
                "{}#p{} “{}”: gold {}, not detected",
                g.article, g.paragraph, g.text, g.speaker
            )),
        }
    }
    for (i, (article, q)) in detected.iter().enumerate() {
        if !used[i] {
            misses.push(format!(
                "{article}#p{} “{}”: detected ({}) but not in the gold file",
                q.paragraph,
                q.text,
                name(q.speaker)
            ));
        }
    }
    let precision = right as f64 / detected.len() as f64;
    let recall = right as f64 / gold.len() as f64;
    println!(
        "quotes: {} in gold, {} detected, {right} attributed as in gold",
        gold.len(),
        detected.len()
    );
    println!(
        "precision {precision:.3}, recall {recall:.3}, partial/full right {partial_right}/{}",
        gold.len()
    );
    for miss in &misses {
        println!("miss: {miss}");
    }
    assert!(
        precision >= 0.9 && recall >= 0.9,
        "precision {precision:.3}, recall {recall:.3}:\n{}",
        misses.join("\n")
    );
}
