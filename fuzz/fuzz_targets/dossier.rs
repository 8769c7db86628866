//! A whole dossier from fuzzed files, built like `dossier build` into a temporary output. The
//! input is split at NUL bytes: the first part is appended to site.toml, the others become
//! content files in turn. Never a panic; a failed build reports a problem and writes no
//! output; a good build writes an inert site with valid JSON and well-formed XML.
#![no_main]

use dossier::cmd::build::{build, BuildOptions};
use libfuzzer_sys::fuzz_target;

const FILES: &[&str] = &[
    "content/articles/one.md",
    "content/sources/wire.md",
    "content/actors/first.md",
    "content/events/talks.md",
    "content/articles/two.md",
    "content/sources/paper.md",
    "content/actors/second.md",
    "content/pages/about.md",
];

fuzz_target!(|data: &[u8]| {
    let mut parts = data.split(|&b| b == 0);
    let site = parts.next().unwrap_or(b"");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path().join("dossier");
    std::fs::create_dir_all(root.join("content")).unwrap();
    std::os::unix::fs::symlink(dossier_fuzz::repo().join("themes"), root.join("themes")).unwrap();
    let mut toml = b"title = \"Fuzzed\"\nbase_url = \"https://example.org/f/\"\n".to_vec();
    if !site.windows(6).any(|w| w == b"search") {
        toml.extend_from_slice(b"search = false\n");
    }
    toml.extend_from_slice(site);
    std::fs::write(root.join("site.toml"), toml).unwrap();
    for (part, path) in parts.zip(FILES) {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, part).unwrap();
    }
    let output = dir.path().join("out");
    let options = BuildOptions {
        output: Some(output.clone()),
        ..BuildOptions::default()
    };
    match build(&root, &options) {
        Ok(_) => {
            let files = dossier_fuzz::read_tree(&output);
            assert!(files.iter().any(|(p, _)| p == "dossier.json"));
            dossier_fuzz::assert_site_is_safe(
                files
                    .iter()
                    .filter(|(p, _)| !p.starts_with("pagefind"))
                    .map(|(p, b)| (p.as_str(), b.as_slice())),
            );
        }
        Err(problems) => {
            assert!(!problems.is_empty(), "a failed build says why");
            for problem in &problems {
                let _ = problem.to_string();
            }
            assert!(!output.exists(), "a failed build wrote its output");
        }
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .filter(|n| n != "dossier" && n != "out")
        .collect();
    assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
});
