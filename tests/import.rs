//! `dossier import` as a user runs it: drafts from text copied off web pages, checked against
//! the hand-made sample articles, and the rules on small inputs.

mod common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use common::*;
use dossier::load::{RawArticle, RawData};

/// The seeds the sample articles were made from; `None` (with a note) when the folder is
/// not beside the repository.
fn seeds() -> Option<Vec<PathBuf>> {
    let dir = repo().join("../shared/seeds");
    if !dir.is_dir() {
        eprintln!(
            "note: {} is missing; the seed import test is skipped",
            dir.display()
        );
        return None;
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    Some(files)
}

/// A dossier with the sample's settings, sources, actors and theme, and no articles.
fn empty_sample() -> Fixture {
    let f = Fixture::empty();
    std::fs::copy(repo().join("site.toml"), f.path("site.toml")).unwrap();
    copy_dir(&repo().join("content/sources"), &f.path("content/sources"));
    copy_dir(&repo().join("content/actors"), &f.path("content/actors"));
    f
}

/// The drafts in `dir`, by file name.
fn drafts(dir: &Path) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

/// The body of a content file (after the second `---` line).
fn body(text: &str) -> &str {
    let rest = text.strip_prefix("---\n").expect("front matter");
    let end = rest.find("\n---\n").expect("closed front matter");
    &rest[end + 5..]
}

/// The paragraphs and list items of a body, as plain text in reading order (list items
/// marked with "- "), as the site numbers and shows them.
fn blocks(markdown: &str) -> Vec<String> {
    let (paragraphs, asides) = dossier::model::text::blocks(markdown, false);
    let mut out = Vec::new();
    let mut asides = asides.into_iter().peekable();
    for (i, paragraph) in paragraphs.into_iter().enumerate() {
        while let Some(aside) = asides.next_if(|a| a.after <= i) {
            out.push(format!("- {}", aside.text));
        }
        out.push(paragraph);
    }
    out.extend(asides.map(|a| format!("- {}", a.text)));
    out
}

/// The hand-made sample articles, read with the library: slug, front matter, body.
fn hand_made() -> Vec<(String, RawArticle, String)> {
    let (documents, problems) = dossier::load::load(&repo());
    assert!(problems.is_empty(), "{problems:?}");
    documents
        .into_iter()
        .filter_map(|d| match d.data {
            RawData::Article(a) => Some((d.slug, a, d.body)),
            _ => None,
        })
        .collect()
}

/// The front matter value of a hand-made article for `key`, as a YAML value.
fn value_of(article: &RawArticle, key: &str) -> Option<String> {
    match key {
        "title" => Some(format!("{:?}", article.title)),
        "source" => article.source.as_ref().map(|s| s.value.clone()),
        "publisher" => article.publisher.as_ref().map(|s| s.value.clone()),
        "published" => article.published.as_ref().map(|s| s.value.clone()),
        _ => None,
    }
}

/// The value a draft's front matter line gives `key`, when the line is not a comment.
fn draft_value<'a>(draft: &'a str, key: &str) -> Option<&'a str> {
    draft.lines().find_map(|line| {
        let value = line.strip_prefix(key)?.strip_prefix(':')?;
        let value = value.split(" # ").next().unwrap_or(value).trim();
        Some(value.trim_matches('"'))
    })
}

/// Boilerplate of the seeds that must not reach a body.
const BOILERPLATE: &[&str] = &[
    "Follow us on",
    "Do you like this story",
    "Next Story",
    "Related Articles",
    "Your Name",
    "Your Email Address",
    "Photo:",
    "PHOTO CAPTION",
    "( Source :",
    "By: Associated Press",
    "By BBC",
    "Al-Jazeera",
    "Story Code",
    "Hajj virtues",
    "is not responsible for the content",
    "https://",
    "May 05, 2015",
    "24 Nov 2024",
    "14:31",
    "•",
    "(AP) US Secretary",
];

#[test]
fn importing_the_seeds_gives_the_hand_made_articles() {
    let Some(seeds) = seeds() else {
        return;
    };
    let f = empty_sample();
    let mut args = vec!["import".to_owned()];
    args.extend(seeds.iter().map(|p| p.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = f.run(&args).ok();
    println!("{}", run.stdout());
    assert!(
        run.stdout().contains("Drafted 5 articles"),
        "{}",
        run.stdout()
    );

    // Unfilled, the TODO fields fail the build with a clear message.
    let failed = f.run(&["build", "--drafts"]);
    assert_eq!(failed.code(), Some(1));
    assert!(
        failed.stderr().contains("missing required key `published`"),
        "{}",
        failed.stderr()
    );

    // Match each draft to the hand-made article it shares most paragraphs with, and fill
    // only its TODO lines from that article's front matter.
    let hand = hand_made();
    let folder = f.path("content/articles");
    let mut matched: Vec<(String, String)> = Vec::new();
    let (mut identical, mut total) = (0usize, 0usize);
    for (name, text) in drafts(&folder) {
        let imported = blocks(body(&text));
        let (slug, article, hand_body) = hand
            .iter()
            .max_by_key(|(_, _, b)| {
                let theirs: HashSet<String> = blocks(b).into_iter().collect();
                imported.iter().filter(|p| theirs.contains(*p)).count()
            })
            .unwrap();
        let expected = blocks(hand_body);

        // Every detected field agrees with the hand-made front matter.
        for key in ["title", "source", "publisher", "published"] {
            if let Some(value) = draft_value(&text, key) {
                let wanted = value_of(article, key).unwrap_or_default();
                assert_eq!(
                    value,
                    wanted.trim_matches('"'),
                    "{name}: detected {key} differs from {slug}"
                );
            }
        }
        let filled: String = text
            .lines()
            .map(|line| match line.strip_prefix("# TODO ") {
                Some(rest) => {
                    let key = rest.split(':').next().unwrap();
                    let value = value_of(article, key)
                        .unwrap_or_else(|| panic!("{slug} has no {key} to fill {name}"));
                    format!("{key}: {value}\n")
                }
                None => format!("{line}\n"),
            })
            .collect();
        std::fs::write(folder.join(&name), &filled).unwrap();

        // Paragraph by paragraph, in order.
        let same = imported
            .iter()
            .zip(&expected)
            .filter(|(a, b)| a == b)
            .count();
        let count = imported.len().max(expected.len());
        println!(
            "{name} → {slug}: {same}/{count} paragraphs identical ({} imported, {} by hand)",
            imported.len(),
            expected.len()
        );
        for (i, (a, b)) in imported.iter().zip(&expected).enumerate() {
            if a != b {
                println!(
                    "  paragraph {}:\n    imported: {a}\n    by hand:  {b}",
                    i + 1
                );
            }
        }
        identical += same;
        total += count;

        // Every paragraph of the hand-made article is in the import: no reporting was lost.
        let mine: HashSet<&String> = imported.iter().collect();
        for paragraph in &expected {
            assert!(
                mine.contains(paragraph),
                "{name}: lost a paragraph of {slug}: {paragraph}"
            );
        }
        // And no boilerplate is.
        for junk in BOILERPLATE {
            assert!(
                !body(&text).contains(junk),
                "{name}: boilerplate `{junk}` is in the body"
            );
        }
        assert!(text.contains("\ndraft: true"), "{name}");
        matched.push((name, slug.clone()));
    }
    let share = identical as f64 / total as f64;
    println!("share of paragraphs identical: {identical}/{total} = {share:.3}");
    assert_eq!(matched.len(), 5);
    let distinct: HashSet<&String> = matched.iter().map(|(_, s)| s).collect();
    assert_eq!(
        distinct.len(),
        5,
        "two drafts matched one article: {matched:?}"
    );
    assert!(share >= 0.9, "only {share:.3} of paragraphs identical");

    // Filled, the drafts build with --drafts, and not without it.
    let built = f.run(&["build", "--drafts"]).ok();
    assert!(built.stdout().contains("5 articles"), "{}", built.stdout());
    for (name, _) in &matched {
        let slug = name.trim_end_matches(".md");
        assert!(
            f.path(&format!("public/articles/{slug}/index.html"))
                .is_file(),
            "{slug} not built"
        );
    }
    let public = f.run(&["build"]).ok();
    assert!(
        !public.stdout().contains("5 articles"),
        "drafts were published without --drafts: {}",
        public.stdout()
    );

    // Under the hand-made slugs, the sample's events (which cite paragraphs as #pN) resolve
    // against the imported bodies: the paragraphs are numbered as in the hand-made articles.
    copy_dir(&repo().join("content/events"), &f.path("content/events"));
    for (name, slug) in &matched {
        std::fs::rename(folder.join(name), folder.join(format!("{slug}.md"))).unwrap();
    }
    f.run(&["build", "--drafts"]).ok();
}

#[test]
fn each_kind_of_furniture_is_removed_and_listed() {
    let f = Fixture::new();
    f.write(
        "in/page.txt",
        "12 March 2024\n\
         Doe arrives for the summit\n\
         \n\
         Doe arrives for the summit\n\
         Photo: Jane Doe at the airport / Other News\n\
         Home > World > Ruritania\n\
         Published: 2 May 2024 09:15\n\
         \n\
         Jane Doe arrived in Ruritania on Thursday.\n\
         \n\
         \"We came to agree,\" Doe said.\n\
         Share on Facebook\n\
         Advertisement\n\
         Talks resumed after a pause, officials said.\n\
         \n\
         Source: The Wire\n\
         Next Story\n\
         Your Name\n\
         Your Email Address\n",
    );
    let run = f
        .run(&["import", &f.path("in/page.txt").display().to_string()])
        .ok();
    let out = run.stdout();
    for reason in [
        "date line: 12 March 2024",
        "repeated headline",
        "photo caption: Photo:",
        "breadcrumb",
        "share or follow prompt",
        "page furniture: Advertisement",
        "credit line: Source: The Wire",
        "navigation: Next Story",
        "form field: Your Name",
    ] {
        assert!(out.contains(reason), "`{reason}` not listed:\n{out}");
    }
    let text =
        std::fs::read_to_string(f.path("content/articles/doe-arrives-for-the-summit.md")).unwrap();
    assert_eq!(
        blocks(body(&text)),
        [
            "Jane Doe arrived in Ruritania on Thursday.",
            "\"We came to agree,\" Doe said.",
            "Talks resumed after a pause, officials said."
        ]
    );
    assert_eq!(
        draft_value(&text, "title"),
        Some("Doe arrives for the summit")
    );
    assert_eq!(draft_value(&text, "source"), Some("wire"));
    assert_eq!(draft_value(&text, "published"), Some("2024-05-02"));
    assert!(
        text.contains("# known actors mentioned: jane-doe (3), ruritania (1)"),
        "{text}"
    );
    // Every field is found, so the draft builds as it is.
    f.run(&["build", "--drafts"]).ok();
}

#[test]
fn a_file_with_no_blank_lines_gives_one_paragraph_per_line() {
    let f = Fixture::new();
    f.write(
        "in.txt",
        "Summit opens in Ruritania\nJane Doe arrived on Thursday.\nShe met officials in the capital.\nTalks go on\nThe summit ends on Friday.\n",
    );
    f.run(&["import", &f.path("in.txt").display().to_string()])
        .ok();
    let text =
        std::fs::read_to_string(f.path("content/articles/summit-opens-in-ruritania.md")).unwrap();
    assert_eq!(
        blocks(body(&text)),
        [
            "Jane Doe arrived on Thursday.",
            "She met officials in the capital.",
            "Talks go on",
            "The summit ends on Friday."
        ]
    );
}

#[test]
fn bullets_become_a_markdown_list_and_a_repeated_run_is_kept_once() {
    let f = Fixture::new();
    f.write(
        "in.txt",
        "Summit opens\n\nJane Doe arrived on Thursday.\nIn other developments:\nJane Doe arrived on Thursday.\n\n\nIn other developments:\n\n  • Talks began at noon\n\n\n  • Ruritania sent a delegation\n\nThe summit ends on Friday.\n",
    );
    f.run(&["import", &f.path("in.txt").display().to_string()])
        .ok();
    let text = std::fs::read_to_string(f.path("content/articles/summit-opens.md")).unwrap();
    assert!(
        body(&text).contains(
            "In other developments:\n\n- Talks began at noon\n- Ruritania sent a delegation\n"
        ),
        "{text}"
    );
    assert_eq!(
        blocks(body(&text)),
        [
            "Jane Doe arrived on Thursday.",
            "In other developments:",
            "- Talks began at noon",
            "- Ruritania sent a delegation",
            "The summit ends on Friday."
        ]
    );
}

#[test]
fn a_file_that_is_not_utf8_is_named_and_nothing_is_written() {
    let f = Fixture::new();
    f.write(
        "good.txt",
        "Summit opens\n\nJane Doe arrived on Thursday.\n",
    );
    f.write_bytes("bad.txt", b"Summit opens\n\nCaf\xe9 talks went on.\n");
    f.write_bytes("utf16.txt", b"\xff\xfeS\x00u\x00");
    let run = f.run(&[
        "import",
        &f.path("good.txt").display().to_string(),
        &f.path("bad.txt").display().to_string(),
        &f.path("utf16.txt").display().to_string(),
    ]);
    assert_eq!(run.code(), Some(1));
    let err = run.stderr();
    assert!(
        err.contains("bad.txt:3:4: error: the file is not UTF-8 text (byte 0xE9"),
        "{err}"
    );
    assert!(
        err.contains("utf16.txt:1:1: error: the file is not UTF-8 text"),
        "{err}"
    );
    assert!(err.contains("hint: save the file as UTF-8"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(!f.path("content/articles/summit-opens.md").exists());
}

#[test]
fn an_empty_file_is_an_error_naming_it() {
    let f = Fixture::new();
    f.write("empty.txt", "");
    f.write("blank.txt", "\n  \n\u{a0}\n");
    f.write("junk.txt", "Share this\nYour Name\nYour Email Address\n");
    let run = f.run(&[
        "import",
        &f.path("empty.txt").display().to_string(),
        &f.path("blank.txt").display().to_string(),
        &f.path("junk.txt").display().to_string(),
        &f.path("missing.txt").display().to_string(),
    ]);
    assert_eq!(run.code(), Some(1));
    let err = run.stderr();
    assert!(err.contains("empty.txt: error: the file is empty"), "{err}");
    assert!(err.contains("blank.txt: error: the file is empty"), "{err}");
    assert!(
        err.contains("junk.txt: error: nothing is left to import"),
        "{err}"
    );
    assert!(
        err.contains("missing.txt: error: cannot read the file"),
        "{err}"
    );
    assert!(err.contains("4 problems found"), "{err}");
}

#[test]
fn a_draft_never_overwrites_without_force() {
    let f = Fixture::new();
    f.write("in.txt", "Summit opens\n\nJane Doe arrived on Thursday.\n");
    let input = f.path("in.txt").display().to_string();
    f.run(&["import", &input]).ok();
    let path = f.path("content/articles/summit-opens.md");
    std::fs::write(&path, "edited by hand").unwrap();
    let again = f.run(&["import", &input]);
    assert_eq!(again.code(), Some(1));
    assert!(
        again
            .stderr()
            .contains("content/articles/summit-opens.md: error: the draft of"),
        "{}",
        again.stderr()
    );
    assert!(again.stderr().contains("--force"), "{}", again.stderr());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "edited by hand");
    f.run(&["import", &input, "--force"]).ok();
    assert!(std::fs::read_to_string(&path).unwrap().starts_with("---\n"));
}

#[test]
fn two_inputs_with_one_headline_get_two_files_and_into_chooses_the_folder() {
    let f = Fixture::new();
    f.write("a.txt", "Summit opens\n\nJane Doe arrived on Thursday.\n");
    f.write(
        "b.txt",
        "Summit opens\n\nRuritania welcomed the delegates.\n",
    );
    f.run(&[
        "import",
        &f.path("a.txt").display().to_string(),
        &f.path("b.txt").display().to_string(),
        "--into",
        "content/articles/incoming",
    ])
    .ok();
    assert!(f
        .path("content/articles/incoming/summit-opens.md")
        .is_file());
    assert!(f
        .path("content/articles/incoming/summit-opens-2.md")
        .is_file());
}

#[test]
fn todo_fields_fail_the_build_until_filled() {
    let f = Fixture::new();
    f.write(
        "in.txt",
        "Summit opens\n\nJane Doe arrived on Thursday, the Daily Planet reported.\n",
    );
    f.run(&["import", &f.path("in.txt").display().to_string()])
        .ok();
    let path = f.path("content/articles/summit-opens.md");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("\n# TODO source:"), "{text}");
    assert!(text.contains("known sources: wire"), "{text}");
    assert!(text.contains("\n# TODO published:"), "{text}");
    let failed = f.run(&["build", "--drafts"]);
    assert_eq!(failed.code(), Some(1));
    assert!(failed.stderr().contains("missing required key `source`"));
    assert!(failed.stderr().contains("missing required key `published`"));
    let filled = text
        .replace("# TODO source:", "source: wire #")
        .replace("# TODO published:", "published: 2024-05-02 #");
    std::fs::write(&path, filled).unwrap();
    f.run(&["build", "--drafts"]).ok();
    assert!(f.path("public/articles/summit-opens/index.html").is_file());
    f.run(&["build"]).ok();
    assert!(!f.path("public/articles/summit-opens/index.html").exists());
}

#[test]
fn people_who_are_not_actors_are_listed_as_candidates() {
    let f = Fixture::new();
    f.write(
        "in.txt",
        "Summit opens\n\nJane Doe met Foreign Minister Karl Blum on Thursday.\n\n\"Not yet,\" Anna Weiss said of the Supreme Council.\n",
    );
    f.run(&["import", &f.path("in.txt").display().to_string()])
        .ok();
    let text = std::fs::read_to_string(f.path("content/articles/summit-opens.md")).unwrap();
    assert!(text.contains("\nactors: []"), "{text}");
    assert!(
        text.contains("# known actors mentioned: jane-doe (1)"),
        "{text}"
    );
    assert!(
        text.contains(
            "match no actor (candidates for `dossier new actor SLUG`):\n#   Karl Blum, Anna Weiss\n"
        ),
        "{text}"
    );
}

#[test]
fn outside_a_dossier_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("in.txt"),
        "Summit opens\n\nJane Doe arrived.\n",
    )
    .unwrap();
    let root = dir.path().join("nowhere");
    let run = run_in(
        &root,
        &["import", &dir.path().join("in.txt").display().to_string()],
    );
    assert_eq!(run.code(), Some(1));
    assert!(
        run.stderr().contains("is not a dossier"),
        "{}",
        run.stderr()
    );
    assert!(!root.exists());
}

/// One page of the import corpus (`tests/import/corpus/`): text copied off a web page of a
/// kind of site the rules were not written from, the article's paragraphs as they must come
/// out, and the fields that must be detected.
struct CorpusPage {
    name: String,
    raw: PathBuf,
    /// Every paragraph of the article, verbatim, in order.
    paragraphs: Vec<String>,
    /// `kind`, and `title`, `published` and `source` where the page gives them.
    fields: Vec<(String, String)>,
}

impl CorpusPage {
    fn field(&self, key: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// The corpus pages, by name: `NAME.txt` with `NAME.expected.md` (paragraphs separated by a
/// blank line) and `NAME.expected.yaml` (`key: value` lines).
fn corpus() -> Vec<CorpusPage> {
    let dir = repo().join("tests/import/corpus");
    let mut pages: Vec<CorpusPage> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|raw| {
            let name = raw.file_stem().unwrap().to_string_lossy().into_owned();
            let read =
                |ext: &str| std::fs::read_to_string(dir.join(format!("{name}.{ext}"))).unwrap();
            let paragraphs = read("expected.md")
                .split("\n\n")
                .map(|p| p.trim().to_owned())
                .filter(|p| !p.is_empty())
                .collect();
            let fields = read("expected.yaml")
                .lines()
                .filter_map(|line| line.split_once(": "))
                .map(|(k, v)| (k.to_owned(), v.trim().trim_matches('"').to_owned()))
                .collect();
            CorpusPage {
                name,
                raw,
                paragraphs,
                fields,
            }
        })
        .collect();
    pages.sort_by(|a, b| a.name.cmp(&b.name));
    pages
}

/// Counts over some corpus pages: expected paragraphs, those found verbatim, lines of the
/// drafts that are not article text, detected fields checked and right.
#[derive(Default, Clone, Copy)]
struct Tally {
    pages: usize,
    paragraphs: usize,
    verbatim: usize,
    furniture: usize,
    fields: usize,
    fields_right: usize,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.pages += other.pages;
        self.paragraphs += other.paragraphs;
        self.verbatim += other.verbatim;
        self.furniture += other.furniture;
        self.fields += other.fields;
        self.fields_right += other.fields_right;
    }
    fn share(&self) -> f64 {
        self.verbatim as f64 / self.paragraphs.max(1) as f64
    }
    fn line(&self) -> String {
        format!(
            "{}/{} paragraphs verbatim ({:.1}%), {} furniture lines left, {}/{} fields detected",
            self.verbatim,
            self.paragraphs,
            self.share() * 100.0,
            self.furniture,
            self.fields_right,
            self.fields
        )
    }
}

#[test]
fn the_corpus_of_unseen_sites_imports_the_article_and_nothing_else() {
    let pages = corpus();
    assert!(pages.len() >= 30, "only {} corpus pages", pages.len());
    let f = empty_sample();
    copy_dir(
        &repo().join("tests/import/sources"),
        &f.path("content/sources"),
    );
    let mut kinds: Vec<(String, Tally)> = Vec::new();
    let mut problems: Vec<String> = Vec::new();
    for page in &pages {
        let into = format!("corpus/{}", page.name);
        f.run(&["import", &page.raw.display().to_string(), "--into", &into])
            .ok();
        let (_, text) = drafts(&f.path(&into)).pop().expect("one draft");
        let imported = blocks(body(&text));
        let mut tally = Tally {
            pages: 1,
            paragraphs: page.paragraphs.len(),
            ..Tally::default()
        };
        let lost: Vec<&String> = page
            .paragraphs
            .iter()
            .filter(|p| !imported.contains(p))
            .collect();
        tally.verbatim = tally.paragraphs - lost.len();
        let furniture: Vec<&String> = imported
            .iter()
            .filter(|p| !page.paragraphs.contains(p))
            .collect();
        tally.furniture = furniture.len();
        let mut wrong: Vec<String> = Vec::new();
        for key in ["title", "published", "source"] {
            let Some(wanted) = page.field(key) else {
                continue;
            };
            tally.fields += 1;
            let found = draft_value(&text, key);
            // A publication time is welcome; the day is what the corpus checks.
            if found.is_some_and(|v| v == wanted || key == "published" && v.starts_with(wanted)) {
                tally.fields_right += 1;
            } else {
                wrong.push(format!("{key}: {found:?}, wanted {wanted:?}"));
            }
        }
        println!(
            "{} ({}): {}",
            page.name,
            page.field("kind").unwrap_or("?"),
            tally.line()
        );
        for p in &lost {
            println!("  lost:      {p}");
        }
        for p in &furniture {
            println!("  furniture: {p}");
        }
        for w in &wrong {
            println!("  field:     {w}");
        }
        if !lost.is_empty() || !furniture.is_empty() || !wrong.is_empty() {
            problems.push(page.name.clone());
        }
        let kind = page.field("kind").unwrap_or("?").to_owned();
        match kinds.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, t)) => t.add(tally),
            None => kinds.push((kind, tally)),
        }
    }
    let mut all = Tally::default();
    println!("\nby kind of site:");
    for (kind, tally) in &kinds {
        println!("  {kind} ({} pages): {}", tally.pages, tally.line());
        all.add(*tally);
    }
    println!("overall ({} pages): {}", all.pages, all.line());
    assert!(
        all.share() >= 0.95,
        "only {:.1}% of expected paragraphs verbatim",
        all.share() * 100.0
    );
    assert_eq!(all.furniture, 0, "furniture left in drafts of {problems:?}");
    // A headline followed by a standfirst without a full stop is still mistaken for a
    // site's tagline over its headline (live-06): fields are held to 95%.
    assert!(
        all.fields_right * 100 >= all.fields * 95,
        "fields not detected in {problems:?}"
    );
}

/// Issue 18: a comment form's prompts ("Write a Reply or Comment:") stayed in a draft made from
/// a blog; and paragraphs that mention comments, photos, shares, cookies or copyright are
/// reporting and must stay.
#[test]
fn comment_forms_and_prompts_go_and_paragraphs_about_them_stay() {
    let f = Fixture::new();
    f.write(
        "in.txt",
        "Skip to content\nHarbour Notes\nHome\nAbout\n\
         Council opens consultation on harbour plan\n\
         By Jane Doe @janedoe\n\
         Published 12 May 2025\n\
         Residents can leave a comment on the plan until Friday, the council said.\n\
         Share prices of the harbour company rose 3% after the announcement on Monday.\n\
         Sign up for our morning briefing and get the news in your inbox.\n\
         Photos of the proposed pier were shown at the meeting on Monday evening.\n\
         The council's cookie policy was criticised by the regulator last year, officials noted.\n\
         Copyright holders of the old pier designs have been asked to comment by June.\n\
         Share this:\nFacebook\nX\n\
         Related\nHarbour works delayed again\nMay 2, 2025\n\
         Write a Reply or Comment:\n\
         Your email address will not be published. Required fields are marked *\n\
         Great news, at last!\n\
         Post Comment\n\
         © 2025 Harbour Notes\n",
    );
    let run = f
        .run(&["import", &f.path("in.txt").display().to_string()])
        .ok();
    let out = run.stdout();
    assert!(
        out.contains("comment section: Write a Reply or Comment:"),
        "{out}"
    );
    assert!(out.contains("prompt: Sign up for our morning"), "{out}");
    let text = std::fs::read_to_string(
        f.path("content/articles/council-opens-consultation-on-harbour-plan.md"),
    )
    .unwrap();
    assert_eq!(
        blocks(body(&text)),
        [
            "Residents can leave a comment on the plan until Friday, the council said.",
            "Share prices of the harbour company rose 3% after the announcement on Monday.",
            "Photos of the proposed pier were shown at the meeting on Monday evening.",
            "The council's cookie policy was criticised by the regulator last year, officials noted.",
            "Copyright holders of the old pier designs have been asked to comment by June.",
        ]
    );
    assert_eq!(draft_value(&text, "published"), Some("2025-05-12"));
}
