//! Page furniture removed before extraction: navigation, cookie banners,
//! ads, share bars, related links and footers, known by their tag, ARIA
//! role, or class and id words. Readability alone keeps some of these
//! (a cookie banner is made of real sentences).

use dom_query::{Document, NodeRef};

/// Tags that never hold the story. JSON-LD scripts stay: Readability reads
/// the byline and date from them (the walker skips every script).
const JUNK_TAGS: &str = "script:not([type=\"application/ld+json\"]), style, noscript, template, svg, iframe, object, embed, form, \
    button, select, nav, aside, dialog, footer, \
    amp-ad, amp-embed, amp-analytics, amp-pixel, amp-sidebar, amp-consent, amp-user-notification, \
    amp-social-share, amp-sticky-ad, amp-iframe, amp-list, \
    [role=navigation], [role=complementary], [role=contentinfo], [role=dialog], [role=alertdialog], \
    [aria-hidden=true], [hidden]";

/// Words in a class or id (split at spaces, `-` and `_`) that mark page
/// furniture. Whole words only: `ad` must not match `header` or `read`.
const JUNK_WORDS: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "advert",
    "adverts",
    "advertisement",
    "adslot",
    "adunit",
    "banner-ad",
    "sponsor",
    "sponsored",
    "promo",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "newsletter",
    "subscribe",
    "subscription",
    "paywall",
    "share",
    "sharing",
    "sharebar",
    "social",
    "related",
    "recommended",
    "recommendations",
    "recirculation",
    "outbrain",
    "taboola",
    "comments",
    "breadcrumb",
    "breadcrumbs",
    "sidebar",
    "navbar",
    "menu",
    "popup",
    "modal",
    "footer",
    "donate",
    "donation",
    "tags",
    "trending",
    "popular",
    "most-read",
    "mostread",
];

/// Elements never removed for their class: removing them would remove the
/// whole page (`<body class="has-sidebar">`, `<article class="share-ready">`).
const PROTECTED_TAGS: &[&str] = &["html", "body", "main", "article"];

/// A class-marked element with more text than this, most of it not link
/// text, is a story wrapper with an unlucky class (`article-body
/// share-enabled`), not a share bar.
const MAX_FURNITURE_CHARS: usize = 1500;

/// Removes furniture from the document in place.
pub fn prune(doc: &Document) {
    doc.select(JUNK_TAGS).remove();
    let marked: Vec<NodeRef<'_>> = doc
        .select("[class], [id]")
        .nodes()
        .iter()
        .filter(|node| is_marked_junk(node))
        .cloned()
        .collect();
    for node in marked {
        node.remove_from_parent();
    }
}

fn is_marked_junk(node: &NodeRef<'_>) -> bool {
    let tag = node
        .node_name()
        .map(|n| n.to_ascii_lowercase())
        .unwrap_or_default();
    if PROTECTED_TAGS.contains(&tag.as_str()) {
        return false;
    }
    let names = [node.class(), node.id_attr()];
    let marked = names.iter().flatten().any(|value| {
        let lower = value.to_ascii_lowercase();
        lower
            .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .any(|word| JUNK_WORDS.contains(&word))
            || JUNK_WORDS
                .iter()
                .filter(|w| w.contains('-'))
                .any(|w| lower.contains(*w))
    });
    marked && !looks_like_story(node)
}

fn looks_like_story(node: &NodeRef<'_>) -> bool {
    let text = node.text().chars().count();
    if text <= MAX_FURNITURE_CHARS {
        return false;
    }
    let links: usize = node
        .find(&["a"])
        .iter()
        .map(|a| a.text().chars().count())
        .sum();
    links * 2 < text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pruned_text(html: &str) -> String {
        let doc = Document::from(html);
        prune(&doc);
        super::super::walk::blocks(&doc.root())
            .iter()
            .map(|b| b.text.trim())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn furniture_goes_story_stays() {
        let text = pruned_text(
            "<body class=has-sidebar><nav>Home News</nav>\
             <div id=cookie-banner>We use cookies</div>\
             <article class=share-ready><h1>Head</h1><p>Story.</p>\
             <div class=\"share_tools\">Share</div><div class=ad-slot>Buy</div></article>\
             <section class=related-links>Other story</section><footer>Contact</footer></body>",
        );
        assert_eq!(text, "Head Story.");
    }

    #[test]
    fn words_match_whole() {
        let text = pruned_text(
            "<body><div class=header><p class=lead>Reading ahead.</p></div>\
             <div class=shadow>Kept</div></body>",
        );
        assert_eq!(text, "Reading ahead. Kept");
    }

    #[test]
    fn a_story_wrapper_with_an_unlucky_class_stays() {
        let story = "A sentence of the story. ".repeat(100);
        let text = pruned_text(&format!(
            "<body><div class=\"article-body share-enabled\"><p>{story}</p></div></body>"
        ));
        assert!(text.starts_with("A sentence"));
    }
}
