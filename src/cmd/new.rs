//! `dossier new KIND SLUG`: a content file with the front matter skeleton of its kind.

use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::load::{is_slug, slugify, Kind};

/// The kinds `dossier new` makes, by the word the user types.
pub const KINDS: &[(&str, Kind)] = &[
    ("article", Kind::Article),
    ("actor", Kind::Actor),
    ("source", Kind::Source),
    ("event", Kind::Event),
    ("page", Kind::Page),
];

/// Writes `content/<kind>s/<slug>.md` under `root`; never overwrites.
pub fn new(root: &Path, kind: Kind, slug: &str, today: &str) -> Result<PathBuf, Diagnostic> {
    if !is_slug(slug) {
        return Err(
            Diagnostic::error(slug, format!("`{slug}` is not a valid slug")).with_hint(format!(
                "use lowercase letters, digits and hyphens, such as `{}`",
                slugify(slug)
            )),
        );
    }
    let rel = PathBuf::from("content")
        .join(kind.dir())
        .join(format!("{slug}.md"));
    let path = root.join(&rel);
    if path.exists() {
        return Err(Diagnostic::error(
            &rel,
            "the file exists already; dossier new never overwrites",
        )
        .with_hint("choose another slug, or edit the existing file"));
    }
    let parent = path.parent().expect("content/<kind>/");
    std::fs::create_dir_all(parent)
        .map_err(|err| Diagnostic::error(parent, format!("cannot create the folder: {err}")))?;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|err| Diagnostic::error(&rel, format!("cannot create the file: {err}")))?;
    std::io::Write::write_all(&mut file, skeleton(kind, slug, today).as_bytes())
        .map_err(|err| Diagnostic::error(&rel, format!("cannot write the file: {err}")))?;
    Ok(rel)
}

/// The front matter skeleton of a kind, with a comment on every key.
pub fn skeleton(kind: Kind, slug: &str, today: &str) -> String {
    let title = slug.replace('-', " ");
    let title = title[..1].to_uppercase() + &title[1..];
    match kind {
        Kind::Article => format!(
            "---\ntitle: \"{title}\"\nsource: SOURCE-SLUG          # required: content/sources/<slug>.md, the outlet whose reporting this is\n# publisher: SITE-SLUG      # the site that republished it, where the text names one\n# url: https://…\npublished: {today}          # required: 2014, 2014-03, 2014-03-14 or 2014-03-14T18:30:00Z\n# byline: \"…\"\nevents: []                   # event slugs this article reports\n# actors: []                 # actors to add beyond those detected in the text\n# summary: \"…\"\ndraft: true\n---\n\nThe article's text, one paragraph per block.\n"
        ),
        Kind::Actor => format!(
            "---\nname: \"{title}\"\naliases: []                  # other spellings, surnames, titles as they occur in the text\nkind: person                 # person | organisation | state\n# role: \"…\"\n# affiliation: ACTOR-SLUG\n---\n\nA short profile.\n"
        ),
        Kind::Source => format!(
            "---\nname: \"{title}\"\n# url: https://…\nkind: newspaper              # wire | newspaper | broadcaster | agency | aggregator\n# country: \"…\"\n# ownership: private         # state | public | private | cooperative | nonprofit\n# groups: []                 # outlet groups (slugs), named in site.toml's [groups]\n---\n\nA sentence about the outlet.\n"
        ),
        Kind::Event => format!(
            "---\ntitle: \"{title}\"\ndate: {today}                # required: 2014, 2014-03, 2014-03-14 or with a time\n# end: {today}\n# place: \"…\"\nactors: []\nsources: []                  # article slugs, optionally with a paragraph: article-slug#p3\n# claims:\n#   - about: \"…\"\n#     reports:\n#       article-slug: \"…\"\n---\n\nA short description.\n"
        ),
        Kind::Page => format!("---\ntitle: \"{title}\"\n# summary: \"…\"\n# weight: 0\n---\n\nThe page's text.\n"),
        Kind::Front => "---\n# title: \"In brief\"\n---\n\nThe analyst's summary of the dossier.\n".to_owned(),
    }
}
