//! What a page says to its reader rather than about the news: newsletter, cookie, account,
//! app and comment-form prompts, and the headings that open a comment section.
//!
//! A prompt is recognised by its shape, not by a site's exact words: it addresses the reader
//! ("you", "your", an imperative such as "Sign up") *and* uses the vocabulary of a prompt
//! (newsletter, inbox, cookies, consent, comment, account, …), without quotation marks, so a
//! paragraph of reporting that mentions cookies or comments is never taken for one.

use super::text::{plain, word_count};

/// Words of the vocabularies of reader prompts: newsletters, cookies and consent, accounts,
/// comment forms, apps and alerts.
#[rustfmt::skip]
const VOCABULARY: &[&str] = &[
    "newsletter", "newsletters", "inbox", "subscribe", "subscribed", "subscriber", "subscribers",
    "subscription", "subscriptions", "unsubscribe", "sign up", "signing up", "sign in",
    "signed in", "log in", "logged in", "log out", "register", "account", "email address",
    "your email", "by email", "cookie", "cookies", "consent", "privacy", "personalised",
    "personalized", "partners", "preferences", "settings", "comment", "comments", "reply",
    "discussion", "conversation", "app", "alerts", "notifications", "javascript", "browser",
    "terms", "unlimited access", "delivered", "digital access", "supporter", "supporters",
    "donate", "donation", "membership", "support us", "consented", "sign-up", "signup",
];

/// Verbs a prompt starts with, speaking to the reader.
#[rustfmt::skip]
const IMPERATIVES: &[&str] = &[
    "sign", "subscribe", "enter", "type", "accept", "reject", "manage", "download", "get",
    "join", "log", "register", "click", "tap", "enable", "install", "please",
];

/// Whether `text` addresses the reader with a prompt: "Get our free daily newsletter", "We
/// use cookies to …", "You must be logged in to post a comment.", "Type your email…".
pub(super) fn reader_prompt(text: &str) -> bool {
    if word_count(text) > 45 || text.contains(['"', '“', '”', '«', '»']) {
        return false;
    }
    let lower = plain(text).replace(['.', ',', ':', ';', '!', '?', '…', '(', ')'], " ");
    let lower = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    let padded = format!(" {lower} ");
    let has = |w: &str| padded.contains(&format!(" {w} "));
    let vocabulary = VOCABULARY.iter().any(|w| has(w));
    if !vocabulary {
        return false;
    }
    let first = lower.split_whitespace().next().unwrap_or("");
    let addresses = [
        "you", "your", "you're", "you'll", "we'd", "we use", "we and", "our",
    ]
    .iter()
    .any(|w| has(w));
    // "Thanks for reading! Subscribe for free …": a later sentence that is a call.
    let calls = text.split_inclusive(['.', '!', '?']).skip(1).any(|s| {
        let s = s.trim_start().to_lowercase();
        ["subscribe", "sign up", "sign in", "log in", "register"]
            .iter()
            .any(|c| s.starts_with(c))
    });
    addresses || IMPERATIVES.contains(&first) || calls
}

/// A question put to the reader: "Was this page helpful?", "Did you find what you were
/// looking for?", "Do you like this story?".
pub(super) fn reader_question(text: &str) -> bool {
    let p = plain(text);
    let words: Vec<&str> = p.split_whitespace().collect();
    text.trim_end().ends_with('?')
        && words.len() <= 12
        && !text.contains(['"', '“', '”'])
        && matches!(
            words.as_slice(),
            [
                "did" | "do" | "was" | "were" | "are" | "have" | "would" | "is",
                "you" | "this",
                ..
            ] | ["what's" | "what’s", "your", ..]
                | ["what" | "how", "do" | "did", "you", ..]
        )
}

/// A heading over links to other stories, by its shape: a lead such as "More", "Related",
/// "Latest", "Most", "Top", "Popular", "Recent", "Further", "Other" or "Elsewhere" and a
/// word for stories ("news", "stories", "coverage", "posts", "read", …): "More on this
/// story", "Related press releases", "Other sources for this story", "Most shared".
pub(super) fn links_heading(text: &str) -> bool {
    let p = plain(text);
    let words: Vec<&str> = p.split_whitespace().collect();
    #[rustfmt::skip]
    const LEADS: &[&str] = &[
        "more", "related", "latest", "most", "top", "popular", "recent", "further", "other",
        "elsewhere", "also", "trending", "recommended", "explore", "full", "editor's",
    ];
    #[rustfmt::skip]
    const STORIES: &[&str] = &[
        "news", "stories", "story", "coverage", "posts", "post", "articles", "article", "read",
        "viewed", "shared", "popular", "videos", "headlines", "sources", "releases", "topics",
        "on", "from", "like", "now", "picks", "commented", "links",
    ];
    (2..=7).contains(&words.len())
        && !text.ends_with(['.', '!', '?'])
        && LEADS.contains(&words[0])
        && words[1..].iter().any(|w| STORIES.contains(w))
}

/// A heading or counter that opens a comment section: "Leave a Reply", "4 thoughts on “…”",
/// "2 Responses", "Comments (212)", "Join the conversation", "Write a Reply or Comment:".
pub(super) fn comment_heading(text: &str) -> bool {
    if word_count(text) > 16 {
        return false;
    }
    let p = plain(text);
    let p = p.trim_end_matches(['*', ' ', ':', '.']);
    #[rustfmt::skip]
    const WHOLE: &[&str] = &[
        "comments", "comment", "reader comments", "readers' comments", "user comments",
        "leave a reply", "leave a comment", "leave a reply cancel reply", "post a comment",
        "add a comment", "add your comment", "write a comment", "write a reply or comment",
        "join the conversation", "join the discussion", "discussion", "discuss this story",
        "discuss this article", "have your say", "what do you think", "responses",
        "conversation", "comments are closed", "comments have been disabled on this article",
        "view comments", "show comments", "read comments",
    ];
    if WHOLE.contains(&p) {
        return true;
    }
    let words: Vec<&str> = p.split_whitespace().collect();
    let number = |w: &str| {
        w.trim_matches(['(', ')'])
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',')
            && w.chars().any(|c| c.is_ascii_digit())
    };
    match words.as_slice() {
        // "3 comments", "2 Responses", "12 replies"
        [n, unit] if number(n) => matches!(
            *unit,
            "comments" | "comment" | "responses" | "response" | "replies" | "reply"
        ),
        // "Comments (212)", "View comments (38)"
        [.., unit, n] if number(n) && text.contains('(') => {
            matches!(*unit, "comments" | "comment" | "responses")
        }
        // "4 thoughts on “What the bridge closure means”", "One response to …"
        [n, unit, on, ..] => {
            (number(n) || matches!(*n, "one" | "two" | "three"))
                && matches!(
                    *unit,
                    "thoughts" | "thought" | "responses" | "response" | "comments" | "replies"
                )
                && matches!(*on, "on" | "to")
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prompts_are_found_by_their_shape() {
        for prompt in [
            "Get our free daily newsletter",
            "Enter your email",
            "By signing up you agree to our Terms and Privacy Policy.",
            "We use cookies to improve your experience on our site.",
            "We and our partners store and access information on your device, such as cookies.",
            "You must be logged in to post a comment.",
            "Type your email...",
            "Sign up to receive the latest news from the valley straight to your inbox.",
            "If you enjoyed this post, subscribe to get new posts by email.",
            "Log in or register to comment",
            "Download the app",
            "Like what we do? Harlow Bay Watch is funded by readers like you. Become a supporter.",
            "Please turn on JavaScript to use this feature",
        ] {
            assert!(reader_prompt(prompt), "{prompt}");
        }
    }

    #[test]
    fn reporting_about_cookies_or_comments_is_not_a_prompt() {
        for text in [
            "The regulator fined the company for setting tracking cookies without consent.",
            "Residents can comment on the plan until the end of August.",
            "The finance ministry declined to comment on the decision.",
            "\"If you subscribe to the service, you pay twice,\" she said.",
            "Comments made by the trust's chief executive angered staff, the union said.",
            "Subscribers to the service will get a refund.",
        ] {
            assert!(!reader_prompt(text), "{text}");
            assert!(!comment_heading(text), "{text}");
        }
    }

    #[test]
    fn comment_sections_open_with_a_heading_or_a_count() {
        for heading in [
            "Leave a Reply",
            "Leave a Reply Cancel reply",
            "Write a Reply or Comment:",
            "4 thoughts on “What the Vestby bridge closure means for commuters”",
            "2 Responses",
            "3 comments",
            "Comments (212)",
            "View comments (38)",
            "Join the conversation",
        ] {
            assert!(comment_heading(heading), "{heading}");
        }
    }
}
