//! Rules by position: where the article starts and ends on the page. A line's own shape
//! cannot tell a site's menu ("Business") or a related headline from a subheading of the
//! text, but its place can: a page is a header (menus, the site's tagline, the headline,
//! byline and dates), the text, then the tail (share buttons, related links, newsletter
//! box, comments, footer).
//!
//! - The headline is the first headline-shaped line that a byline or a date line follows;
//!   everything kept above it is the page's header.
//! - Between the headline and the first paragraph of the text, short lines that are not
//!   sentences are the header's too (the author's name and role, a caption, "LIVE"),
//!   except a live blog's entry heading under its time.
//! - A comment section's heading after the text ends the article: what follows is
//!   comments and the comment form.
//! - After the text, a line of the tail (a navigation heading, a share, newsletter or
//!   cookie prompt, tags, a copyright) starts the page's tail when no two paragraphs of
//!   text follow it: related headlines with their teasers, footers.

use super::dates::{date_line, DateLabel};
use super::text::{headline_like, is_prose, same_headline, word_count, Para};

/// What is known of each paragraph while the layout is read: kept, or removed and why.
pub(super) struct Page<'a> {
    pub paras: &'a [Para],
    pub keep: &'a mut [bool],
    /// The reason a paragraph was removed, by index.
    pub reasons: &'a mut [Option<&'static str>],
}

/// Reasons of removed lines that mark the article's header: the headline is above them.
const STRONG_HEADER: &[&str] = &["date line", "byline", "reporting credits", "time stamp"];
/// Removed lines often found under a headline, though not only there.
const WEAK_HEADER: &[&str] = &[
    "credit line",
    "share or follow prompt",
    "photo caption",
    "caption label",
    "picture credit",
    "caption printed twice (image text and caption)",
    "page metadata",
];
/// Reasons of removed lines that belong to a page's tail.
const TAIL: &[&str] = &[
    "navigation",
    "link to another story (under a navigation heading)",
    "share or follow prompt",
    "reader prompt",
    "form field",
    "comment section",
    "page metadata",
    "disclaimer",
];

impl Page<'_> {
    fn remove(&mut self, i: usize, reason: &'static str) {
        self.keep[i] = false;
        self.reasons[i] = Some(reason);
    }

    /// The first paragraph of the text: the first sentence of eight words or more, else
    /// the first sentence.
    pub fn first_text(&self) -> Option<usize> {
        let kept = |i: &usize| self.keep[*i] && !self.paras[*i].bullet;
        (0..self.paras.len())
            .filter(kept)
            .find(|&i| {
                let t = &self.paras[i].text;
                is_prose(t) && word_count(t) >= 8 && !t.ends_with('?')
            })
            .or_else(|| {
                (0..self.paras.len())
                    .filter(kept)
                    .find(|&i| is_prose(&self.paras[i].text))
            })
    }

    /// The headline: the first line above the text shaped like one (three to sixteen words,
    /// capitalised, no full stop) that a byline or date line follows closely (at most two
    /// kept lines between, so not across a menu; a bare date right under it); else the
    /// first that a credit, a share prompt, a caption or the text itself follows; else
    /// `None`.
    pub fn headline(&self, text: Option<usize>) -> Option<usize> {
        let end = text.unwrap_or(self.paras.len());
        let candidate = |i: usize| {
            let t = &self.paras[i].text;
            self.keep[i]
                && !self.paras[i].bullet
                && headline_like(t)
                && (3..=16).contains(&word_count(t))
                && t.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        };
        #[derive(Clone, Copy, PartialEq)]
        enum Owns {
            Strong,
            Weak,
        }
        let owns = |c: usize| -> Option<Owns> {
            let mut weak = false;
            let mut skipped = 0;
            for j in c + 1..end {
                if self.keep[j] {
                    let t = &self.paras[j].text;
                    if same_headline(t, &self.paras[c].text) {
                        continue;
                    }
                    skipped += 1;
                    if skipped > 2 {
                        return None;
                    }
                    if candidate(j) {
                        return weak.then_some(Owns::Weak);
                    }
                    continue;
                }
                // A bare date counts only right under the line: above a menu, it is the
                // page's own date line.
                let bare = date_line(&self.paras[j].text)
                    .is_some_and(|d| d.label == DateLabel::None && d.time.is_none());
                if self.signal(j, STRONG_HEADER) && !(bare && skipped > 0) {
                    return Some(Owns::Strong);
                }
                weak |= self.signal(j, WEAK_HEADER);
            }
            (weak || text.is_some()).then_some(Owns::Weak)
        };
        let owned: Vec<(usize, Owns)> = (0..end)
            .filter(|&i| candidate(i))
            .filter_map(|c| owns(c).map(|o| (c, o)))
            .collect();
        owned
            .iter()
            .find(|(_, o)| *o == Owns::Strong)
            .or_else(|| owned.iter().find(|(_, o)| *o == Owns::Weak))
            .map(|(c, _)| *c)
    }

    /// Whether the removed line `i` is one of `signals`; a credit line that starts with
    /// "By" is a byline.
    fn signal(&self, i: usize, signals: &[&str]) -> bool {
        let byline = self.reasons[i] == Some("credit line")
            && self.paras[i].text.to_lowercase().starts_with("by");
        self.reasons[i].is_some_and(|r| signals.contains(&r)) || byline && signals == STRONG_HEADER
    }

    /// Removes what is kept above the headline (menus, the site's name and tagline) and the
    /// short lines between the headline and the text.
    pub fn header(&mut self, headline: usize, text: Option<usize>) {
        for i in 0..headline {
            if self.keep[i] {
                self.remove(i, "page header (above the headline)");
            }
        }
        let Some(text) = text else {
            return;
        };
        // A standfirst may come before the byline and dates: then the header ends with the
        // second paragraph of text.
        let second = (text + 1..self.paras.len()).find(|&i| {
            let t = &self.paras[i].text;
            self.keep[i] && is_prose(t) && word_count(t) >= 8
        });
        let dated = |i: &usize| {
            !self.keep[*i]
                && self.reasons[*i] != Some("time stamp")
                && self.signal(*i, STRONG_HEADER)
        };
        let end = match second {
            Some(second) if (text..second).any(|i| dated(&i)) => second,
            _ => text,
        };
        for i in headline + 1..end {
            let t = &self.paras[i].text;
            if !self.keep[i] || same_headline(t, &self.paras[headline].text) {
                continue;
            }
            let short = word_count(t) <= 12
                && (!is_prose(t) || t.ends_with(':'))
                && !t.contains(['"', '“', '”']);
            // A live blog's entry: its time (removed), its heading, then its text.
            let entry_heading = i > 0
                && self.reasons[i - 1] == Some("time stamp")
                && self.keep.get(i + 1) == Some(&true)
                && is_prose(&self.paras[i + 1].text);
            if short && !entry_heading {
                self.remove(i, "page header (between the headline and the text)");
            }
        }
    }

    /// Removes a comment section: from a comment heading after two paragraphs of text to
    /// the end of the page.
    /// Returns where the section starts.
    pub fn comments(&mut self, text: usize) -> Option<usize> {
        let mut prose = 0;
        let mut start = None;
        for i in text..self.paras.len() {
            if self.keep[i] && is_prose(&self.paras[i].text) {
                prose += 1;
            }
            if prose >= 2 && self.reasons[i] == Some("comment section") {
                start = Some(i);
                break;
            }
        }
        let start = start?;
        for i in start + 1..self.paras.len() {
            if self.keep[i] {
                self.remove(i, "comment section");
            }
        }
        Some(start)
    }

    /// Removes the page's tail: from the first line of the tail after the text that no two
    /// paragraphs of text follow, to the end.
    pub fn tail(&mut self, text: usize) {
        let n = self.paras.len();
        // For each index, whether two consecutive kept sentences come at or after it.
        let mut run_after = vec![false; n + 1];
        let mut previous_prose = false;
        for i in (0..n).rev() {
            run_after[i] = run_after[i + 1];
            if !self.keep[i] {
                continue;
            }
            let prose = is_prose(&self.paras[i].text) || self.paras[i].bullet;
            if prose && previous_prose {
                run_after[i] = true;
            }
            previous_prose = prose;
        }
        let prose = |i: usize| is_prose(&self.paras[i].text) || self.paras[i].bullet;
        // The text goes on past a line when the kept paragraphs on either side of it are
        // sentences (a share button between two paragraphs).
        let continues = |i: usize| {
            let before = (0..i).rev().find(|&j| self.keep[j]);
            let after = (i + 1..n).find(|&j| self.keep[j]);
            matches!((before, after), (Some(b), Some(a)) if prose(b) && prose(a))
        };
        let start = (text + 1..n).find(|&i| {
            !self.keep[i]
                && self.reasons[i].is_some_and(|r| TAIL.contains(&r))
                && !run_after[i]
                && !continues(i)
        });
        let Some(start) = start else {
            return;
        };
        for i in start + 1..n {
            if self.keep[i] {
                self.remove(i, "after the end of the article");
            }
        }
        // Lines that are not sentences between the last one and the tail go with it ("Get
        // involved", "Media contact", a phone number).
        if let Some(last) = (text..start).rev().find(|&i| self.keep[i] && prose(i)) {
            for i in last + 1..start {
                if self.keep[i] && word_count(&self.paras[i].text) <= 16 {
                    self.remove(i, "after the end of the article");
                }
            }
        }
    }
}
