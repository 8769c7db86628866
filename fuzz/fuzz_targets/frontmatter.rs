//! Front matter splitting and YAML parsing of one content file of every kind: never a panic,
//! every problem placed inside the file and printable.
#![no_main]

use dossier::load::{parse_source, CONTENT_DIRS};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let normal = dossier::load::normalise_text(text);
    // YAML (libyaml) also ends lines at NEL, LS and PS: a position may count those.
    let lines = normal
        .split(['\n', '\u{85}', '\u{2028}', '\u{2029}'])
        .count();
    for (_, kind) in CONTENT_DIRS {
        let (document, problems) = parse_source(*kind, "fuzzed", text);
        assert!(
            document.is_some() || !problems.is_empty(),
            "a file dropped without a reason"
        );
        for problem in &problems {
            assert!(
                problem.line <= lines + 1,
                "line {} of a {lines}-line file: {problem}",
                problem.line
            );
            let _ = problem.to_string();
        }
        if let Some(document) = document {
            assert!(document.body_line >= 1);
            assert!(normal.ends_with(&document.body) || document.body.is_empty());
        }
    }
});
