//! The input as paragraphs, and the shapes of a line that every rule tests: lines with their
//! spaces normalised, paragraphs split one per line or per block when the text is
//! hard-wrapped, bullet items; what reads as a sentence or a headline; and, after the rules,
//! runs of paragraphs printed twice and the body's blocks.

use super::Block;
use crate::model;

/// One paragraph of the input as split, before any rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Para {
    pub(super) line: usize,
    pub(super) text: String,
    pub(super) bullet: bool,
}

/// Every line of the text, numbered from 1, with its spaces normalised (non-breaking and
/// other spaces made plain, runs collapsed, ends trimmed, invisible characters dropped).
pub(super) fn normalise_lines(text: &str) -> Vec<(usize, String)> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, normalise_spaces(line)))
        .collect()
}

fn normalise_spaces(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut space = false;
    for c in line.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
        ) || c.is_control()
        {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

/// The paragraphs of the text. Text copied from a web page has one paragraph per line,
/// whether or not blank lines separate them; text that looks hard-wrapped (lines broken in
/// mid-sentence) has one paragraph per block of lines.
pub(super) fn split_paragraphs(lines: &[(usize, String)]) -> Vec<Para> {
    let wrapped = looks_hard_wrapped(lines);
    let mut lengths: Vec<usize> = lines
        .iter()
        .filter(|(_, t)| !t.is_empty())
        .map(|(_, t)| t.chars().count())
        .collect();
    lengths.sort_unstable();
    let typical = lengths.get(lengths.len() * 3 / 4).copied().unwrap_or(0);
    let mut out: Vec<Para> = Vec::new();
    let mut previous: Option<&str> = None;
    for (line, text) in lines {
        if text.is_empty() {
            previous = None;
            continue;
        }
        let bullet = strip_bullet(text);
        let continues = wrapped
            && bullet.is_none()
            && previous.is_some_and(|p| p.chars().count() * 10 >= typical * 6);
        match out.last_mut() {
            Some(last) if continues => {
                last.text.push(' ');
                last.text.push_str(text);
            }
            _ => out.push(Para {
                line: *line,
                text: bullet.unwrap_or(text).to_owned(),
                bullet: bullet.is_some(),
            }),
        }
        previous = Some(text);
    }
    out
}

/// Whether lines inside blocks are broken in mid-sentence (a line ending without sentence
/// punctuation followed by one starting in lowercase), at least twice and at a third of
/// the breaks.
fn looks_hard_wrapped(lines: &[(usize, String)]) -> bool {
    let mut breaks = 0;
    let mut mid_sentence = 0;
    for pair in lines.windows(2) {
        let (a, b) = (&pair[0].1, &pair[1].1);
        if a.is_empty() || b.is_empty() {
            continue;
        }
        breaks += 1;
        let ends_open = !a.ends_with(['.', '!', '?', ':', ';', '"', '”', '’', ')', '…']);
        let starts_low = b.chars().next().is_some_and(|c| c.is_lowercase());
        if ends_open && starts_low {
            mid_sentence += 1;
        }
    }
    mid_sentence >= 2 && mid_sentence * 3 >= breaks
}

#[rustfmt::skip]
const BULLETS: &[char] = &[
    '•', '·', '●', '▪', '◦', '■', '□', '▫', '►', '▸', '▶', '➤', '➢', '○', '◆', '◇', '✓', '✔',
    '-', '*', '–', '+',
];

/// The text of a bullet item ("• text", "▪ text", "- text"), without its glyph.
fn strip_bullet(text: &str) -> Option<&str> {
    let mut chars = text.chars();
    let glyph = chars.next()?;
    if !BULLETS.contains(&glyph) {
        return None;
    }
    let rest = chars.as_str();
    let item = match rest.strip_prefix(' ') {
        Some(item) => item,
        // Round glyphs may touch the text; dashes and stars must not ("-5", "*note").
        None if !matches!(glyph, '-' | '*' | '–' | '+') => rest,
        None => return None,
    };
    let item = item.trim();
    (!item.is_empty() && item.chars().any(char::is_alphanumeric)).then_some(item)
}

/// `text` lowercased, with punctuation and arrows trimmed from both ends.
pub(super) fn plain(text: &str) -> String {
    text.trim_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '@' | '#' | '\'' | '’' | '&'))
        .to_lowercase()
}

/// Words: runs of letters or digits.
pub(super) fn word_count(text: &str) -> usize {
    model::text::word_count(text)
}

/// A sentence: ends with sentence punctuation (possibly inside a closing quote or bracket)
/// and has at least three words.
pub(super) fn is_prose(text: &str) -> bool {
    let end = text.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»']);
    word_count(text) >= 3 && end.ends_with(['.', '!', '?', '…', ':'])
}

/// After the last sentence, a line that is not reporting: at most twelve words, no quotation
/// marks, and at most five words unless in Title Case (tags, links, a site's name).
pub(super) fn tail_debris(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
        .count();
    word_count(text) <= 12
        && !is_prose(text)
        && !text.contains(['"', '“', '”', '«', '»'])
        && (words.len() <= 5 || capitalised * 10 >= words.len() * 6)
}

/// Reads as a headline: up to 30 words, not ending with a full stop.
pub(super) fn headline_like(text: &str) -> bool {
    let words = word_count(text);
    (1..=30).contains(&words) && (!text.ends_with('.') || text.ends_with("..."))
}

/// Whether two lines are the same headline, ignoring case, spaces and end punctuation.
pub(super) fn same_headline(a: &str, b: &str) -> bool {
    let key = |s: &str| plain(s).split_whitespace().collect::<Vec<_>>().join(" ");
    key(a) == key(b)
}

/// Exact repeats of a run of paragraphs, as `(start, length, start of the first copy)`;
/// single paragraphs count only with eight words or more (a short line may well recur).
pub(super) fn repeated_runs(texts: &[&str]) -> Vec<(usize, usize, usize)> {
    let mut runs = Vec::new();
    let mut j = 1;
    while j < texts.len() {
        let mut best = (0, 0);
        for i in 0..j {
            let mut k = 0;
            while j + k < texts.len() && i + k < j && texts[i + k] == texts[j + k] {
                k += 1;
            }
            if k > best.0 {
                best = (k, i);
            }
        }
        let (len, first) = best;
        let words: usize = texts[j..j + len].iter().map(|t| word_count(t)).sum();
        if len >= 2 || (len == 1 && words >= 8) {
            runs.push((j, len, first));
            j += len;
        } else {
            j += 1;
        }
    }
    runs
}

/// The paragraphs as blocks: consecutive bullet items become one list.
pub(super) fn blocks(paras: &[&Para]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for para in paras {
        match (para.bullet, out.last_mut()) {
            (true, Some(Block::List(items))) => items.push(para.text.clone()),
            (true, _) => out.push(Block::List(vec![para.text.clone()])),
            (false, _) => out.push(Block::Paragraph(para.text.clone())),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::draft;
    use crate::import::fixture::{body_texts, known, STORY};
    use crate::import::output::render;
    use std::path::Path;

    #[test]
    fn lines_without_blank_lines_are_paragraphs() {
        let text = "Talks end\nJane Doe arrived on Thursday.\nShe met John Roe in the capital.\n'A subheading'\nThe talks ended late.\n";
        let d = draft(text, &known()).unwrap();
        assert_eq!(
            body_texts(&d),
            [
                "Jane Doe arrived on Thursday.",
                "She met John Roe in the capital.",
                "'A subheading'",
                "The talks ended late."
            ]
        );
    }

    #[test]
    fn hard_wrapped_text_is_joined_per_block() {
        let text = "Talks end\n\nJane Doe arrived in Ruritania on Thursday for talks that\nofficials said would last well into the night, and\nperhaps into the next day as well.\n\nShe met John Roe, who had come from the capital by\ntrain with his advisers and a large delegation.\n";
        let lines = normalise_lines(text);
        assert!(looks_hard_wrapped(&lines));
        let d = draft(text, &known()).unwrap();
        assert_eq!(body_texts(&d).len(), 2, "{:?}", body_texts(&d));
        assert!(body_texts(&d)[0].ends_with("as well."));
    }

    #[test]
    fn spaces_are_normalised() {
        assert_eq!(normalise_spaces("  a\u{a0} b\t\u{200b}c  "), "a b c");
    }

    #[test]
    fn bullets_become_a_list() {
        assert_eq!(strip_bullet("• An item"), Some("An item"));
        assert_eq!(strip_bullet("  ".trim()), None);
        assert_eq!(strip_bullet("▪Item"), Some("Item"));
        assert_eq!(strip_bullet("-5 degrees"), None);
        assert_eq!(strip_bullet("• "), None);
        let text = "Talks end\n\nOn Tuesday:\n\n  • First thing\n\n\n  • Second thing\n\nMore text follows here.\n";
        let d = draft(text, &known()).unwrap();
        assert_eq!(
            d.body,
            [
                Block::Paragraph("On Tuesday:".into()),
                Block::List(vec!["First thing".into(), "Second thing".into()]),
                Block::Paragraph("More text follows here.".into()),
            ]
        );
        assert!(render(&d, Path::new("x.txt"))
            .contains("On Tuesday:\n\n- First thing\n- Second thing\n\nMore text"));
    }

    #[test]
    fn repeated_runs_are_kept_once() {
        assert_eq!(
            repeated_runs(&["a b", "c d", "e f", "a b", "c d", "g h"]),
            [(3, 2, 0)]
        );
        assert!(repeated_runs(&["He said.", "x", "He said."]).is_empty());
        let long = "Jane Doe arrived in Ruritania on Thursday for a day of talks.";
        assert_eq!(repeated_runs(&[long, "x", long]), [(2, 1, 0)]);
        let text = "Talks end\n\nOne paragraph here.\nTwo paragraph here.\nIn other developments:\nOne paragraph here.\n\n\nTwo paragraph here.\n\nIn other developments:\n\nThe end of it all.\n";
        let d = draft(text, &known()).unwrap();
        assert_eq!(
            body_texts(&d),
            [
                "One paragraph here.",
                "Two paragraph here.",
                "In other developments:",
                "The end of it all."
            ]
        );
    }

    #[test]
    fn tail_lines_after_the_text_go() {
        let text = format!("{STORY}\nSome Site\n\nHajj virtues\n");
        let d = draft(&text, &known()).unwrap();
        assert_eq!(body_texts(&d).len(), 2);
        assert_eq!(d.removed.len(), 3);
    }

    #[test]
    fn a_last_sentence_without_a_full_stop_stays() {
        assert!(tail_debris("Hajj virtues"));
        assert!(tail_debris("Oil Prices Fall As Talks In London Fail"));
        assert!(!tail_debris("\"We will see,\" he said"));
        assert!(!tail_debris("the talks will resume in Geneva next week"));
        let text = format!("{STORY}\"We will see,\" he said\n");
        assert_eq!(body_texts(&draft(&text, &known()).unwrap()).len(), 3);
    }
}
