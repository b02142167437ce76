//! Which article is which, for people: a display name (the title, or the
//! story's opening words when the text has no title) and a details line
//! (outlet, byline, date, file). Hash-like file names are the last resort,
//! never the first thing a reader sees.

use super::{Article, Kind};

/// Longest display name built from a story's opening, in characters,
/// before it is cut with "…" (the UI cuts again to fit its column).
const OPENING_CHARS: usize = 90;

impl Article {
    /// Whether `title` is real: some heading or line of the text says it
    /// (or the markup stated it), rather than the file-stem fallback.
    fn has_title(&self) -> bool {
        self.paragraphs.iter().any(|p| p.text == self.title)
    }

    /// A name a person recognises the article by: its title, else the
    /// opening sentence of its story (cut with "…"), else the file name.
    pub fn display_name(&self) -> String {
        if self.has_title() {
            return self.title.clone();
        }
        self.paragraphs
            .iter()
            .find(|p| p.kind.is_story() && p.kind != Kind::ListItem)
            .map(|p| cut_chars(first_sentence(&p.text), OPENING_CHARS))
            .unwrap_or_else(|| self.title.clone())
    }

    /// The outlet: the site name the markup states, else the URL's host.
    pub fn outlet(&self) -> Option<String> {
        self.meta
            .site
            .clone()
            .or_else(|| self.meta.url.as_deref().and_then(host).map(str::to_string))
    }

    /// "Outlet · byline · date · file" with whatever is known; the file
    /// name always comes last so two same-titled articles stay apart.
    pub fn details(&self) -> String {
        let date = self.meta.published.as_deref().map(short_date);
        [
            self.outlet(),
            self.meta.byline.clone(),
            date.map(str::to_string),
            Some(self.source.clone()),
        ]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
    }
}

/// The text up to its first sentence end (". ", "! ", "? "), or all of it.
fn first_sentence(text: &str) -> &str {
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let end = matches!(b, b'.' | b'!' | b'?') && bytes.get(i + 1) == Some(&b' ');
        // "U.S. officials": a one-letter word before the dot is no end.
        let not_initial = i >= 2 && bytes[i - 2] != b' ' && bytes[i - 2] != b'.';
        if end && not_initial {
            return &text[..=i];
        }
    }
    text
}

/// `text` cut to at most `max` characters at a word boundary, with "…".
pub fn cut_chars(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let at_word = cut.rfind(' ').filter(|&i| i > max / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at_word].trim_end_matches([' ', ',', ';', ':']))
}

/// The host of an http(s) URL, without a leading `www.`.
fn host(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

/// The date part of an ISO 8601 timestamp ("2025-03-04T10:00:00Z" →
/// "2025-03-04"); anything else as given.
fn short_date(published: &str) -> &str {
    let date = published.get(..10).unwrap_or(published);
    let iso = date.len() == 10
        && date.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if iso { date } else { published.trim() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Meta, Paragraph};

    fn article(title: &str, first: &str, meta: Meta) -> Article {
        Article {
            path: "x/001_56c06cd4d7a87d44.txt".into(),
            source: "001_56c06cd4d7a87d44.txt".into(),
            title: title.into(),
            paragraphs: vec![Paragraph {
                text: first.into(),
                kind: Kind::Body,
            }],
            meta,
            notes: Vec::new(),
        }
    }

    #[test]
    fn untitled_text_is_named_by_its_opening_sentence() {
        let a = article(
            "001_56c06cd4d7a87d44",
            "The U.S. is prepared to offer Ukraine guarantees. Axios reports.",
            Meta::default(),
        );
        assert_eq!(
            a.display_name(),
            "The U.S. is prepared to offer Ukraine guarantees."
        );
        assert_eq!(a.details(), "001_56c06cd4d7a87d44.txt");
    }

    #[test]
    fn a_real_title_wins_and_details_name_outlet_byline_date() {
        let meta = Meta {
            byline: Some("Jane Doe".into()),
            published: Some("2025-03-04T10:00:00Z".into()),
            url: Some("https://www.example.org/wire/bridge".into()),
            ..Meta::default()
        };
        let mut a = article("Bridge to close", "Bridge to close", meta);
        assert_eq!(a.display_name(), "Bridge to close");
        assert_eq!(
            a.details(),
            "example.org · Jane Doe · 2025-03-04 · 001_56c06cd4d7a87d44.txt"
        );
        a.meta.site = Some("Harbour Wire".into());
        assert!(a.details().starts_with("Harbour Wire · "));
    }

    #[test]
    fn long_openings_are_cut_at_a_word_with_an_ellipsis() {
        let cut = cut_chars(&"word ".repeat(40), 30);
        assert!(cut.ends_with("word…"), "{cut}");
        assert!(cut.chars().count() <= 30);
    }
}
