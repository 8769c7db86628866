//! Markdown rendering with sanitising: never a panic; no active content in the HTML; every
//! paragraph the model counts has its `#pN` anchor; actor links inserted at any word of a
//! paragraph's plain text (offsets from the model) land on character boundaries.
#![no_main]

use dossier::config::MarkdownConfig;
use dossier::model::text::paragraphs;
use dossier::render::markdown::{render, InlineLink};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let settings = MarkdownConfig {
        smart_punctuation: flags & 1 != 0,
        unsafe_html: false,
        ..MarkdownConfig::default()
    };
    let paras = paragraphs(text, settings.smart_punctuation);
    // A link on every `step`th word of every paragraph, as mention detection would place them.
    let step = usize::from(flags >> 1).max(1);
    let links: Vec<Vec<InlineLink>> = paras
        .iter()
        .map(|p| {
            let mut out = Vec::new();
            let mut start = None;
            for (i, c) in p.char_indices().chain(std::iter::once((p.len(), ' '))) {
                match (start, c.is_alphanumeric()) {
                    (None, true) => start = Some(i),
                    (Some(s), false) => {
                        out.push(InlineLink {
                            start: s,
                            end: i,
                            href: "../../actors/x/".into(),
                            title: "X".into(),
                        });
                        start = None;
                    }
                    _ => {}
                }
            }
            out.into_iter().step_by(step).collect()
        })
        .collect();
    let html = render(text, &settings, &links);
    dossier_fuzz::assert_inert("the rendered body", &html);
    if !text.contains('<') {
        for n in 1..=paras.len() {
            assert!(
                html.contains(&format!("<p id=\"p{n}\">")),
                "paragraph {n} of {} has no anchor:\n{html}",
                paras.len()
            );
        }
    }
});
