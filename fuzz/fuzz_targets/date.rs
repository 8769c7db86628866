//! Partial dates: never a panic; a date that parses prints back as a date that parses to the
//! same value, and every way of showing it works.
#![no_main]

use dossier::model::PartialDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(date) = PartialDate::parse(text) else {
        return;
    };
    let _ = (date.precision(), date.start(), date.human(), date.weekday());
    let _ = serde_json::to_string(&date).expect("serialises");
    let iso = date.iso();
    let again = PartialDate::parse(&iso).unwrap_or_else(|e| panic!("{iso} does not parse: {e}"));
    // Shown to the second (a fraction of a second is kept for ordering only).
    assert_eq!(again.iso(), iso, "{text:?} → {iso}");
    assert_eq!(again.precision(), date.precision());
    let rfc = date.rfc3339();
    assert!(
        PartialDate::parse(&rfc).is_ok(),
        "the feed's timestamp {rfc} of {text:?} does not parse"
    );
});
