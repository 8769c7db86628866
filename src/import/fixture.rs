//! A small dossier and a short story for the tests of the import rules.

use std::path::PathBuf;

use super::{Block, Draft, Known};
use crate::load::{RawActor, RawData, RawDocument, RawSource, Spanned};

fn spanned(text: &str) -> Spanned<String> {
    Spanned {
        value: text.to_owned(),
        line: 1,
        column: 1,
    }
}

fn doc(slug: &str, data: RawData) -> RawDocument {
    RawDocument {
        slug: slug.to_owned(),
        path: PathBuf::from(format!("content/x/{slug}.md")),
        text: String::new(),
        body: String::new(),
        body_line: 1,
        data,
    }
}

fn source(slug: &str, name: &str, aliases: &[&str], url: Option<&str>) -> RawDocument {
    doc(
        slug,
        RawData::Source(RawSource {
            name: name.to_owned(),
            aliases: aliases.iter().map(|a| spanned(a)).collect(),
            url: url.map(str::to_owned),
            ..Default::default()
        }),
    )
}

fn actor(slug: &str, name: &str, aliases: &[&str]) -> RawDocument {
    doc(
        slug,
        RawData::Actor(RawActor {
            name: name.to_owned(),
            aliases: aliases.iter().map(|a| spanned(a)).collect(),
            ..Default::default()
        }),
    )
}

/// A small dossier: four outlets (one a republisher with an address) and three actors.
pub(super) fn known() -> Known {
    let docs = [
        source("reuters", "Reuters", &[], Some("https://www.reuters.com/")),
        source("ap", "Associated Press", &["AP"], None),
        source("al-jazeera", "Al Jazeera", &[], None),
        source(
            "daily-echo",
            "The Daily Echo",
            &[],
            Some("https://dailyecho.example/"),
        ),
        actor("jane-doe", "Jane Doe", &["Doe"]),
        actor("ruritania", "Ruritania", &["Ruritanian government"]),
        actor("john-roe", "John Roe", &["Roe", "Mr Roe"]),
    ];
    let refs: Vec<&RawDocument> = docs.iter().collect();
    Known::from_documents(&refs)
}

pub(super) fn body_texts(draft: &Draft) -> Vec<String> {
    draft
        .body
        .iter()
        .flat_map(|b| match b {
            Block::Paragraph(p) => vec![p.clone()],
            Block::List(items) => items.iter().map(|i| format!("- {i}")).collect(),
        })
        .collect()
}

pub(super) const STORY: &str = "Doe arrives in Ruritania for talks\n\nJane Doe arrived in Ruritania on Thursday for talks with John Roe.\n\n\"We came to agree,\" Doe said.\n";
