//! Mentions, quotes and everything rendered from them: a small dossier (two sources, two
//! actors, an event both report, a free page) whose every text field is fuzzed is resolved,
//! analysed and rendered page by page in memory. Never a panic or a render error; every page
//! inert, the data file valid JSON, the feed and sitemap well-formed XML.
#![no_main]

use std::sync::OnceLock;

use dossier::config::Config;
use dossier::diagnostics::has_errors;
use dossier::load::{
    RawActor, RawArticle, RawClaim, RawData, RawDocument, RawEvent, RawPage, RawQuote, RawSource,
    Spanned,
};
use dossier::render::{plan, PageKind, Renderer};
use libfuzzer_sys::fuzz_target;

fn templates() -> &'static tera::Tera {
    static TERA: OnceLock<tera::Tera> = OnceLock::new();
    TERA.get_or_init(|| {
        dossier::render::templates::load(&dossier_fuzz::repo(), "briefing")
            .expect("the default theme compiles")
    })
}

fn at(value: &str) -> Spanned<String> {
    Spanned {
        value: value.to_owned(),
        line: 1,
        column: 1,
    }
}

fn doc(kind: &str, slug: &str, body: &str, data: RawData) -> RawDocument {
    RawDocument {
        slug: slug.into(),
        path: format!("content/{kind}/{slug}.md").into(),
        text: String::new(),
        body: body.into(),
        body_line: 1,
        data,
    }
}

fn list(text: &str) -> Vec<Spanned<String>> {
    text.split('\n')
        .filter(|s| !s.is_empty())
        .map(at)
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let mut fields = text.split('\0');
    let mut next = || fields.next().unwrap_or("").to_owned();
    let (body_a, title, summary, byline) = (next(), next(), next(), next());
    let (name_a, aliases_a, role_a, name_b, aliases_b) = (next(), next(), next(), next(), next());
    let (quote, event_title, place, about, report) = (next(), next(), next(), next(), next());
    let (source_name, country, body_b, page_title, page_body) =
        (next(), next(), next(), next(), next());
    let (site_title, description) = (next(), next());

    let article = |slug: &str, source: &str, body: &str| {
        doc(
            "articles",
            slug,
            body,
            RawData::Article(RawArticle {
                title: if title.is_empty() { "T".into() } else { title.clone() },
                source: Some(at(source)),
                publisher: None,
                url: None,
                published: Some(at("2014-03-14")),
                byline: Some(byline.clone()),
                events: vec![at("talks")],
                actors: vec![at("first")],
                summary: Some(summary.clone()),
                quotes: vec![RawQuote {
                    text: at(&quote),
                    by: Some(at("second")),
                    kind: None,
                    reject: false,
                }],
                notes: vec![],
                draft: false,
            }),
        )
    };
    let actor = |slug: &str, name: &str, aliases: &str, role: &str| {
        doc(
            "actors",
            slug,
            "A profile.",
            RawData::Actor(RawActor {
                name: if name.trim().is_empty() { slug.into() } else { name.into() },
                aliases: list(aliases),
                kind: Some(at("person")),
                role: Some(role.into()),
                affiliation: None,
                image: None,
                pronoun: None,
                notes: vec![],
            }),
        )
    };
    let source = |slug: &str| {
        doc(
            "sources",
            slug,
            "An outlet.",
            RawData::Source(RawSource {
                name: if source_name.trim().is_empty() { slug.into() } else { format!("{source_name} {slug}") },
                aliases: Vec::new(),
                url: None,
                kind: Some(at("wire")),
                country: Some(country.clone()),
            }),
        )
    };
    let documents = vec![
        article("one", "wire", &body_a),
        article("two", "paper", &body_b),
        actor("first", &name_a, &aliases_a, &role_a),
        actor("second", &name_b, &aliases_b, ""),
        source("wire"),
        source("paper"),
        doc(
            "events",
            "talks",
            &body_b,
            RawData::Event(RawEvent {
                title: if event_title.is_empty() { "E".into() } else { event_title.clone() },
                date: Some(at("2014-03-14")),
                end: None,
                place: Some(place.clone()),
                actors: vec![at("first"), at("second")],
                sources: vec![at("one"), at("two")],
                claims: vec![RawClaim {
                    about: about.clone(),
                    line: 1,
                    reports: vec![(at("one"), report.clone()), (at("two"), about.clone())],
                }],
                notes: vec![],
            }),
        ),
        doc(
            "pages",
            "about",
            &page_body,
            RawData::Page(RawPage {
                title: page_title.clone(),
                summary: None,
                weight: 0,
                draft: false,
            }),
        ),
    ];
    let documents: Vec<&RawDocument> = documents.iter().collect();
    let mut config = Config {
        title: site_title,
        description,
        base_url: "https://example.org/d/".into(),
        search: false,
        ..Config::default()
    };
    config.markdown.smart_punctuation = flags & 1 != 0;
    let (model, problems) = dossier::model::resolve(
        &documents,
        dossier::model::Options {
            drafts: false,
            smart_punctuation: config.markdown.smart_punctuation,
        },
    );
    if has_errors(&problems) {
        return;
    }
    let (analysis, _) = dossier::analyse::analyse(&model);
    let pages = plan(&model, &config);
    let renderer = Renderer::new(
        templates(),
        &model,
        &analysis,
        &config,
        &pages,
        flags & 2 != 0,
    );
    let mut files = Vec::new();
    for page in pages {
        if page.kind == PageKind::Asset {
            continue;
        }
        let bytes = renderer
            .render(&page)
            .unwrap_or_else(|d| panic!("{} does not render: {d}", page.path));
        files.push((page.path, bytes));
    }
    dossier_fuzz::assert_site_is_safe(files.iter().map(|(p, b)| (p.as_str(), b.as_slice())));
});
