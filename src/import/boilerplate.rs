//! Web page furniture recognised by a line's own shape: separators, share and follow
//! prompts, picture captions and galleries, navigation headings and links, form fields,
//! advertising and site notices, record keeping (codes, tags, reading times), breadcrumbs,
//! and legal notices (which may name the site).

use super::names::capitalised_words;
use super::prompts;
use super::text::{plain, word_count};

/// A line of symbols only: "***", "---", "• • •".
pub(super) fn separator(text: &str) -> bool {
    !text.chars().any(char::is_alphanumeric)
}

/// Calls to share, follow, subscribe or rate: "Follow us on Twitter @X", "Do you like this
/// story", "Share on Facebook".
pub(super) fn share_prompt(text: &str) -> bool {
    if word_count(text) > 14 {
        return false;
    }
    let p = plain(text);
    #[rustfmt::skip]
    const STARTS: &[&str] = &[
        "follow us", "follow @", "like us on", "find us on", "join us on", "connect with us",
        "share this", "share on", "share via", "share:", "share article", "share story",
        "tweet this", "click to share", "subscribe to", "subscribe for", "sign up for",
        "sign up to", "get our newsletter", "do you like this", "did you like this",
        "did you enjoy this", "did you find this", "was this article", "was this story",
        "rate this", "email this", "e-mail this", "print this", "send this", "send to a friend",
        "click here", "download our app", "download the app", "bookmark", "add to favorites",
        "add to favourites", "follow our", "like this post", "like this article",
        "like this story", "enjoyed this", "save for later", "save article", "gift this article",
        "listen to this article",
    ];
    #[rustfmt::skip]
    const WHOLE: &[&str] = &[
        "share", "shares", "tweet", "print", "email", "e-mail", "whatsapp", "facebook",
        "twitter", "telegram", "linkedin", "reddit", "pinterest", "instagram", "youtube",
        "copy link", "like", "font size", "a a a", "a+ a-", "listen", "listen to this article",
    ];
    STARTS.iter().any(|s| p.starts_with(s)) || WHOLE.contains(&p.as_str())
}

/// The handle in "Follow us on Twitter @TRENDNewsAgency".
pub(super) fn follow_handle(text: &str) -> Option<&str> {
    let at = text.find('@')?;
    let handle = &text[at + 1..];
    let end = handle
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(handle.len());
    let handle = &handle[..end];
    (handle.len() >= 2).then_some(handle)
}

/// A label over a caption: "PHOTO CAPTION", "Image caption"; the next paragraph is the
/// caption.
pub(super) fn caption_label(text: &str) -> bool {
    matches!(
        plain(text).as_str(),
        "photo caption" | "image caption" | "caption" | "media caption" | "picture caption"
    )
}

/// A caption or picture credit: "Photo: …", "Image copyright …", "(Photo: AFP)".
pub(super) fn photo_caption(text: &str) -> bool {
    let lower = text.trim_start_matches(['(', '[']).to_lowercase();
    #[rustfmt::skip]
    const STARTS: &[&str] = &[
        "photo:", "photo :", "photos:", "photo by ", "photo credit", "photograph:",
        "photograph by", "picture:", "pictured:", "image:", "image credit", "image copyright",
        "image source", "image caption", "media caption", "video caption", "caption:", "file photo", "video:",
        "watch:", "getty images",
    ];
    STARTS.iter().any(|s| lower.starts_with(s))
        || matches!(
            plain(text).as_str(),
            "photo"
                | "photos"
                | "image"
                | "images"
                | "video"
                | "gallery"
                | "photo gallery"
                | "next image"
                | "previous image"
                | "view gallery"
                | "open gallery"
                | "enlarge this image"
                | "expand"
        )
        || gallery_counter(&lower)
}

/// A gallery's position: "1 of 4", "Image 2 of 10", "Photo 3/5".
fn gallery_counter(lower: &str) -> bool {
    let words: Vec<&str> = lower.split_whitespace().collect();
    let number = |w: &str| !w.is_empty() && w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit());
    let counter = match words.as_slice() {
        [a, "of", b] => number(a) && number(b),
        [one] => one
            .split_once('/')
            .is_some_and(|(a, b)| number(a) && number(b)),
        _ => false,
    };
    let labelled = match words.as_slice() {
        ["image" | "photo" | "picture" | "slide", rest @ ..] => match rest {
            [a, "of", b] => number(a) && number(b),
            [one] => one
                .split_once('/')
                .is_some_and(|(a, b)| number(a) && number(b)),
            _ => false,
        },
        _ => false,
    };
    counter || labelled
}

/// The same text twice on one line, as an image's alternative text runs into its caption:
/// "Kerry and Lavrov in London. (AP) Kerry and Lavrov in London. (AP)".
pub(super) fn doubled_line(text: &str) -> bool {
    let n = text.len();
    if n < 3 || n % 2 == 0 {
        return false;
    }
    let half = n / 2;
    text.is_char_boundary(half)
        && text.as_bytes()[half] == b' '
        && text[..half] == text[half + 1..]
        && word_count(&text[..half]) >= 3
}

/// A heading over links to other stories: "Related Articles", "Next Story", "Most read".
pub(super) fn navigation_heading(text: &str) -> bool {
    #[rustfmt::skip]
    const HEADINGS: &[&str] = &[
        "next story", "previous story", "next article", "previous article", "next post",
        "previous post", "related articles", "related article", "related stories",
        "related story", "related news", "related posts", "related content", "related coverage",
        "related topics", "related", "read more", "read also", "also read", "see also",
        "more stories", "more news", "more on this story", "more on this", "most read",
        "most popular", "most viewed", "most shared", "you may also like", "you might also like",
        "you may be interested in", "recommended", "recommended for you", "recommended stories",
        "top stories", "latest news", "latest stories", "trending", "trending now",
        "editor's picks", "editors' picks", "other news", "popular", "what to read next",
        "up next",
    ];
    let p = plain(text);
    HEADINGS.contains(&p.as_str())
        || (p.starts_with("more from ") && word_count(text) <= 5)
        || prompts::links_heading(text)
}

/// A link line: "Read more: Kerry meets Lavrov", "Also read - …", "Skip to content".
pub(super) fn navigation_link(text: &str) -> bool {
    let lower = text.to_lowercase();
    #[rustfmt::skip]
    const STARTS: &[&str] = &[
        "read more:", "read more -", "read more »", "read more>>", "also read:", "also read -",
        "read also:", "see also:", "related:", "more:", "recommended:", "watch more",
        "continue reading", "trending:", "breaking:", "read full article", "read the full article",
        "read full story", "read the full story",
    ];
    #[rustfmt::skip]
    const WHOLE: &[&str] = &[
        "skip to content", "skip to main content", "back to top", "home", "menu", "search",
        "log in", "login", "sign in", "register", "close", "previous", "next", "more",
        "show more", "load more", "view comments", "view all",
    ];
    (STARTS.iter().any(|s| lower.starts_with(s)) && word_count(text) <= 25)
        || WHOLE.contains(&plain(text).as_str())
}

/// A comment or contact form's field: "Your Name", "Your Email Address", "Submit".
pub(super) fn form_field(text: &str) -> bool {
    let p = plain(text);
    let p = p.trim_end_matches(['*', ' ', ':']);
    #[rustfmt::skip]
    const FIELDS: &[&str] = &[
        "your name", "name", "your email", "your email address", "your e-mail",
        "your e-mail address", "email address", "e-mail address", "your comment",
        "your comments", "comment", "comments", "your message", "message", "subject", "website",
        "leave a comment", "leave a reply", "post a comment", "post comment", "add a comment",
        "add comment", "write a comment", "submit", "send", "cancel", "reply", "captcha",
        "security code", "enter the code", "enter the security code",
        "required fields are marked", "notify me of new comments", "cancel reply",
        "post a reply",
    ];
    FIELDS.contains(&p)
        || p.starts_with("your email address will not be published")
        || p.starts_with("required fields are marked")
        || p.starts_with("notify me of")
        || p.starts_with("save my name, email")
        || (p.ends_with(" comments")
            && p.split_whitespace()
                .next()
                .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit())))
}

/// Advertising, reading aids and site notices: "Advertisement", "Story continues below",
/// "This article is more than 10 years old".
pub(super) fn page_furniture(text: &str) -> bool {
    let p = plain(text);
    #[rustfmt::skip]
    const WHOLE: &[&str] = &[
        "advertisement", "advertisements", "advertising", "ad", "sponsored", "sponsored content",
        "story continues below", "story continues below advertisement",
        "article continues below", "scroll to continue", "scroll to continue with content",
        "loading", "loading...", "this content is not available", "javascript is disabled",
        "reuse this content", "reprints", "report an error", "report a correction", "ends",
        "end", "-ends-",
    ];
    const STARTS: &[&str] = &[
        "this article is more than",
        "this article was published more than",
        "this article is over",
        "sign up to our",
        "support our journalism",
        "we use cookies",
        "this site uses cookies",
        "accept cookies",
    ];
    WHOLE.contains(&p.as_str())
        || (STARTS.iter().any(|s| p.starts_with(s)) && word_count(text) <= 25)
}

/// The page's record keeping: "Story Code : 88635", "News ID: 12", "3 min read",
/// "1,204 views", "Tags: Ukraine, Russia".
pub(super) fn metadata(text: &str) -> bool {
    let lower = text.to_lowercase();
    #[rustfmt::skip]
    const LABELS: &[&str] = &[
        "tags:", "tags :", "topics:", "keywords:", "category:", "categories:", "filed under:",
        "tagged:", "tagged under", "tagged with", "this article tagged", "this article is tagged",
        "this story is tagged",
        "section:", "reading time", "read time", "estimated reading time",
    ];
    if LABELS.iter().any(|l| lower.starts_with(l)) && word_count(text) <= 25 {
        return true;
    }
    // "Label : value" where the label ends in a record-keeping word and the value is one
    // token with a digit.
    if let Some((label, value)) = text.split_once(':') {
        let value = value.trim();
        let label = label.trim().to_lowercase();
        let words: Vec<&str> = label.split_whitespace().collect();
        let record_word = words.last().is_some_and(|w| {
            matches!(
                *w,
                "code" | "id" | "no" | "number" | "ref" | "views" | "reads" | "hits" | "visits"
            )
        });
        if (1..=3).contains(&words.len())
            && record_word
            && label.chars().all(|c| c.is_alphabetic() || c == ' ')
            && value.split_whitespace().count() == 1
            && value.chars().any(|c| c.is_ascii_digit())
        {
            return true;
        }
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    let number = |w: &str| {
        w.chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    };
    match words.as_slice() {
        [n, unit] => {
            number(n) && matches!(*unit, "views" | "reads" | "shares" | "comments" | "likes")
        }
        [n, "min" | "mins" | "minute" | "minutes", "read"] => number(n),
        _ => false,
    }
}

/// "Home > World > Europe", "News » Politics » Ukraine".
pub(super) fn breadcrumb(text: &str) -> bool {
    for separator in [" > ", " » ", " › ", " / "] {
        let parts: Vec<&str> = text.split(separator).collect();
        if parts.len() >= 3 && parts.iter().all(|p| word_count(p) <= 4) {
            return true;
        }
    }
    false
}

/// A site's legal notice: "X is not responsible for the content of quoted articles", "©
/// 2014 X. All rights reserved". `Some(Some(site))` when it names the site.
pub(super) fn disclaimer(text: &str) -> Option<Option<String>> {
    let lower = text.to_lowercase();
    for phrase in [" is not responsible for", " are not responsible for"] {
        if let Some(at) = lower.find(phrase) {
            let site = text[..at].trim();
            return Some((word_count(site) <= 6 && !site.is_empty()).then(|| site.to_owned()));
        }
    }
    let legal = lower.contains("all rights reserved")
        || lower.starts_with('©')
        || lower.starts_with("copyright")
            && lower
                .split_whitespace()
                .nth(1)
                .is_some_and(|w| w.starts_with('©') || w.starts_with("(c)") || year(w))
        || lower.starts_with("(c) ")
        || lower.contains("may not be published, broadcast, rewritten or redistributed")
        || lower.starts_with("the views expressed")
        || lower.starts_with("our standards:")
        || lower.starts_with("disclaimer:")
        || syndication_notice(&lower)
        || lower.contains("trust principles");
    if !legal || word_count(text) > 40 {
        return None;
    }
    let site: String = text
        .replace(['©'], " ")
        .split_whitespace()
        .filter(|w| {
            let l = w.to_lowercase();
            !matches!(
                l.trim_matches(|c: char| !c.is_alphanumeric()),
                "copyright" | "c" | "all" | "rights" | "reserved" | ""
            ) && !w
                .chars()
                .all(|c| c.is_ascii_digit() || c == '-' || c == ',')
        })
        .collect::<Vec<_>>()
        .join(" ");
    let site = site.trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
    Some((!site.is_empty() && word_count(&site) <= 5 && capitalised_words(&site)).then_some(site))
}

/// A sentence about the page itself rather than the news: "This story was automatically
/// aggregated from …", "This article originally appeared on …".
fn syndication_notice(lower: &str) -> bool {
    let about_page = ["this story", "this article", "this content", "this post"]
        .iter()
        .any(|s| lower.starts_with(s));
    #[rustfmt::skip]
    const HOW: &[&str] = &[
        "aggregated", "syndicated", "auto-generated", "automatically generated",
        "originally appeared", "originally published", "republished", "feed",
    ];
    about_page && HOW.iter().any(|h| lower.contains(h))
}

/// "2014", "2014.", "1998-2014": a year as a copyright line writes it.
fn year(word: &str) -> bool {
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::draft;
    use crate::import::fixture::{body_texts, known, STORY};

    #[test]
    fn share_prompts() {
        for line in [
            "Follow us on Twitter @TRENDNewsAgency",
            "Do you like this story",
            "Share on Facebook",
            "Subscribe to our newsletter",
            "Tweet",
        ] {
            assert!(share_prompt(line), "{line}");
        }
        assert!(!share_prompt("Kerry said he would follow up on Monday."));
        assert_eq!(
            follow_handle("Follow us on Twitter @TRENDNewsAgency"),
            Some("TRENDNewsAgency")
        );
    }

    #[test]
    fn navigation() {
        for line in [
            "Next Story",
            "Related Articles",
            "MOST READ",
            "More from Europe",
        ] {
            assert!(navigation_heading(line), "{line}");
        }
        assert!(navigation_link("Read more: Kerry meets Lavrov"));
        assert!(navigation_link("Skip to content"));
        assert!(!navigation_heading("Related talks continued on Friday."));
        let text = format!("{STORY}\nRelated Articles\n\nHajj virtues\nOil prices fall\n");
        let d = draft(&text, &known()).unwrap();
        assert_eq!(body_texts(&d).len(), 2);
        assert!(d
            .removed
            .iter()
            .any(|r| r.text == "Hajj virtues" && r.reason.contains("another story")));
    }

    #[test]
    fn headlines_after_navigation_stop_at_a_sentence() {
        let text = "Talks end\n\nFirst paragraph here, and it is long.\n\nRead also\nSome other story\nThe talks resumed on Friday, officials said.\n";
        let d = draft(text, &known()).unwrap();
        assert_eq!(
            body_texts(&d),
            [
                "First paragraph here, and it is long.",
                "The talks resumed on Friday, officials said."
            ]
        );
    }

    #[test]
    fn form_fields() {
        for line in [
            "Your Name",
            "Your Email Address",
            "Submit",
            "12 Comments",
            "Name *",
        ] {
            assert!(form_field(line), "{line}");
        }
        assert!(!form_field("Your name is on the list, Doe said."));
    }

    #[test]
    fn photo_captions() {
        assert!(photo_caption(
            "Photo: Kerry to seek assurances / Other News"
        ));
        assert!(photo_caption("(Photo: AFP)"));
        assert!(photo_caption("Image copyright Getty Images"));
        assert!(!photo_caption(
            "Photographers gathered outside the building."
        ));
        for counter in ["1 of 4", "Image 2 of 10", "Photo 3/5", "Next image"] {
            assert!(photo_caption(counter), "{counter}");
        }
        assert!(!photo_caption("1 of 4 residents voted"));
        assert!(caption_label("PHOTO CAPTION"));
        let text =
            format!("{STORY}\nPHOTO CAPTION\n\nArmed men walk outside a base, March 14, 2014\n");
        let d = draft(&text, &known()).unwrap();
        assert_eq!(body_texts(&d).len(), 2);
        assert_eq!(d.removed.len(), 3, "{:?}", d.removed);
    }

    #[test]
    fn doubled_lines_are_captions() {
        assert!(doubled_line(
            "Doe and Roe in London Friday. (AP) Doe and Roe in London Friday. (AP)"
        ));
        assert!(!doubled_line("Doe met Roe. Doe met Roe again."));
        assert!(!doubled_line("no no"));
    }

    #[test]
    fn metadata_breadcrumbs_separators_and_furniture() {
        assert!(metadata("Story Code : 88635"));
        assert!(metadata("News ID: 1234"));
        assert!(metadata("3 min read"));
        assert!(metadata("1,204 views"));
        assert!(metadata("Tags: Ukraine, Russia"));
        assert!(!metadata("London: The talks failed."));
        assert!(!metadata("Time: 14 hours of talks"));
        assert!(breadcrumb("Home > World > Europe"));
        assert!(!breadcrumb("Prices rose > 5% in a year"));
        assert!(separator("* * *"));
        assert!(!separator("A"));
        assert!(page_furniture("Advertisement"));
    }

    #[test]
    fn disclaimers_name_the_site() {
        assert_eq!(
            disclaimer("The Iran Project is not responsible for the content of quoted articles."),
            Some(Some("The Iran Project".to_owned()))
        );
        assert_eq!(
            disclaimer("© 2014 The Daily Echo. All rights reserved."),
            Some(Some("The Daily Echo".to_owned()))
        );
        assert_eq!(disclaimer("Kerry was not responsible for the delay."), None);
    }
}
