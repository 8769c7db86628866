//! `dossier init DIR`: a new dossier with one example of each kind of content, ready to build
//! with the built-in theme (`dossier init --theme-only` copies the theme out, see
//! [`crate::theme::export`]).

use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;

const SITE_TOML: &str = r#"title = "A new dossier"                          # required
description = "Reporting on one event from several outlets, compared."
base_url = "https://example.org/"                   # used for feed, sitemap and canonical links only
language = "en"
theme = "briefing"                                  # built in; `dossier init --theme-only` copies it into themes/briefing/
output_dir = "public"

[markdown]
smart_punctuation = true
highlight_theme = "InspiredGitHub"
unsafe_html = false

[links]
actors = "first-per-paragraph"                      # first-per-paragraph | first-per-article | all | none

[groups]                                            # outlet groups (sources' `groups:`), in this order
wires = "Wire agencies"
"#;

const EXAMPLES: &[(&str, &str)] = &[
    (
        "content/_index.md",
        r#"---
title: "In brief"
---

The analyst's summary, shown first on the front page: what happened, what the outlets
agree on and where they differ, in a few sentences of Markdown. Replace it with yours.
"#,
    ),
    (
        "content/articles/example-wire-summit-opens.md",
        r#"---
title: "Leaders meet for talks on the river dispute"
source: example-wire
published: 2024-05-02
events: [river-summit]
summary: "An example article: replace it with the first article of your dossier."
---

Foreign Minister Jane Doe arrived in Geneva on Thursday for talks on the river dispute, the Example Wire reported.

"We came to listen, and we came to agree," Doe told reporters before the talks.

The talks are due to end on Friday.
"#,
    ),
    (
        "content/actors/jane-doe.md",
        r#"---
name: "Jane Doe"
aliases: [Doe, Ms Doe]
kind: person
role: "Foreign Minister"
---

An example actor: every name and alias that occurs in an article links to this page.
"#,
    ),
    (
        "content/sources/example-wire.md",
        r#"---
name: "Example Wire"
kind: wire
country: "Nowhere"
ownership: private
groups: [wires]
---

An example outlet: every article names the outlet whose reporting it is.
"#,
    ),
    (
        "content/events/river-summit.md",
        r#"---
title: "Summit on the river dispute"
date: 2024-05-02
end: 2024-05-03
place: "Geneva"
actors: [jane-doe]
sources: ["example-wire-summit-opens#p1"]
---

An example event: the articles that report it are compared on its comparison page.
"#,
    ),
    (
        "content/pages/about.md",
        r#"---
title: "About this dossier"
---

Who made this dossier, from which sources, and how.
"#,
    ),
];

/// Creates the dossier in `dir`, which must not exist or be empty. Returns the files written.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    if dir.exists()
        && std::fs::read_dir(dir)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return Err(Diagnostic::error(dir, "the folder exists and is not empty")
            .with_hint("give `dossier init` a new or empty folder; it never overwrites"));
    }
    let mut files: Vec<(PathBuf, &[u8])> = vec![(PathBuf::from("site.toml"), SITE_TOML.as_bytes())];
    files.extend(
        EXAMPLES
            .iter()
            .map(|(p, t)| (PathBuf::from(p), t.as_bytes())),
    );
    files.push((PathBuf::from("templates/.keep"), b""));
    files.push((PathBuf::from("static/.keep"), b""));
    crate::write::create_files(dir, &files)?;
    Ok(files.into_iter().map(|(p, _)| p).collect())
}
