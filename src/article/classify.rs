//! Paragraph kinds from layout and a few universal signals: headings are
//! short unpunctuated single lines, captions are in another script or end
//! in a photo credit, boilerplate is page furniture around the story.

use super::Kind;
use super::clean::without_closers;
use super::script::{Script, ScriptCounts};
use super::segment::RawParagraph;
use super::tally::Tally;

/// Headings are at most this many words.
const HEADING_MAX_WORDS: usize = 16;
/// A line of page furniture at the edges of the story is at most this long.
const FURNITURE_MAX_WORDS: usize = 8;

/// Phrases that mark share, donation, subscription and navigation blocks,
/// in the languages users compare most. Matched against the start of short
/// lines only, case-insensitively.
const FURNITURE_PHRASES: &[&str] = &[
    // English
    "share this",
    "share on",
    "share:",
    "support ",
    "donate",
    "subscribe",
    "sign up",
    "newsletter",
    "read more",
    "read also",
    "related",
    "popular",
    "advertisement",
    "button text",
    "ask me anything",
    "explore related",
    "follow us",
    "click here",
    "all rights reserved",
    "copyright",
    "©",
    "tags:",
    // German, French, Spanish, Italian
    "teilen",
    "lesen sie auch",
    "mehr zum thema",
    "partager",
    "lire aussi",
    "compartir",
    "lee también",
    "condividi",
    "leggi anche",
    // Ukrainian, Russian
    "поділитися",
    "читайте також",
    "підписатися",
    "підтримати",
    "поделиться",
    "читайте также",
    "подписаться",
];

/// Words that end or start a photo caption or credit line.
const CAPTION_MARKERS: &[&str] = &[
    "photo", "photos", "фото", "foto", "fotos", "credit", "getty", "reuters", "afp", "ap photo",
];

/// What every rule asks of a paragraph, counted once per paragraph in
/// one pass ([`Tally`]; the rules ask up to six times, and book-length
/// inputs have tens of thousands of paragraphs).
struct Figures {
    /// Words, counted up to one past the largest threshold used here:
    /// every rule only compares against thresholds up to that.
    words: Vec<usize>,
    /// Visible characters and letters, for [`is_machine_text`].
    visible: Vec<usize>,
    letters: Vec<usize>,
    /// The script most letters of each paragraph are written in.
    scripts: Vec<Option<Script>>,
    /// The article's script when one holds a clear majority.
    article_script: Option<Script>,
}

impl Figures {
    fn of(paragraphs: &[RawParagraph]) -> Figures {
        let mut total = ScriptCounts::default();
        let n = paragraphs.len();
        let mut figures = Figures {
            words: Vec::with_capacity(n),
            visible: Vec::with_capacity(n),
            letters: Vec::with_capacity(n),
            scripts: Vec::with_capacity(n),
            article_script: None,
        };
        for paragraph in paragraphs {
            let tally = Tally::of(&paragraph.text);
            figures.words.push(tally.words.min(CAPTION_MAX_WORDS + 1));
            figures.visible.push(tally.visible);
            figures.letters.push(tally.letters());
            figures.scripts.push(tally.scripts.dominant());
            total.add(&tally.scripts);
        }
        figures.article_script = clear_majority(&total);
        figures
    }

    /// Paragraph `i` is a card number, IBAN or wallet address.
    fn is_machine_text(&self, text: &str, i: usize) -> bool {
        is_machine_text(text, self.visible[i], self.letters[i], self.words[i])
    }
}

/// Assigns a kind to every paragraph of one article.
pub fn classify(paragraphs: &[RawParagraph]) -> Vec<Kind> {
    let figures = Figures::of(paragraphs);
    let mut kinds: Vec<Kind> = paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| own_kind(p, i, paragraphs.get(i + 1), &figures))
        .collect();
    mark_edges(paragraphs, &figures, &mut kinds);
    kinds
}

/// Kinds for paragraphs whose markup already names their role (HTML,
/// Markdown, JSON): the markup's kind stands, but page furniture and
/// captions are still recognised by their text, so "Read more" inside a
/// `<p>` is boilerplate in every format.
pub fn classify_marked(paragraphs: &[RawParagraph], markup: &[Kind]) -> Vec<Kind> {
    let figures = Figures::of(paragraphs);
    let mut kinds: Vec<Kind> = paragraphs
        .iter()
        .zip(markup)
        .enumerate()
        .map(|(i, (p, &kind))| {
            let text = p.text.as_str();
            if figures.is_machine_text(text, i) || is_furniture_phrase(text, figures.words[i]) {
                Kind::Boilerplate
            } else if kind == Kind::Caption || is_caption(text, i, &figures) {
                Kind::Caption
            } else {
                kind
            }
        })
        .collect();
    mark_edges(paragraphs, &figures, &mut kinds);
    kinds
}

/// The title: the first heading before the story starts.
pub fn title_index(kinds: &[Kind]) -> Option<usize> {
    kinds
        .iter()
        .take_while(|k| **k != Kind::Body && **k != Kind::ListItem)
        .position(|k| *k == Kind::Heading)
}

/// A paragraph in another script is a caption only in an article written
/// almost wholly in one script; this share of its letters makes "almost".
const MAJORITY_SCRIPT_SHARE: f64 = 0.75;
/// Longer other-script paragraphs are text, not captions.
const CAPTION_MAX_WORDS: usize = 40;

/// The article's script when one script holds a clear majority of its
/// letters (`total`, summed over all paragraphs); a bilingual article has
/// none, and no caption by script.
fn clear_majority(total: &ScriptCounts) -> Option<Script> {
    let (script, top) = total.dominant_count()?;
    (top as f64 >= total.letters() as f64 * MAJORITY_SCRIPT_SHARE).then_some(script)
}

fn own_kind(p: &RawParagraph, i: usize, next: Option<&RawParagraph>, figures: &Figures) -> Kind {
    let text = p.text.as_str();
    let words = figures.words[i];
    // Long paragraphs are story text whatever they contain; this also
    // keeps classification linear on book-length inputs.
    if words > CAPTION_MAX_WORDS {
        return if p.bulleted {
            Kind::ListItem
        } else {
            Kind::Body
        };
    }
    if figures.is_machine_text(text, i) || is_furniture_phrase(text, words) {
        return Kind::Boilerplate;
    }
    if is_caption(text, i, figures) {
        return Kind::Caption;
    }
    if p.bulleted {
        return Kind::ListItem;
    }
    let next = next.map(|n| (n, figures.words[i + 1]));
    if p.single_line && is_heading_like(text, words, i == 0, next) {
        return Kind::Heading;
    }
    Kind::Body
}

/// Short lines before the first and after the last substantial story
/// paragraph are page furniture (section labels, "Popular", wallet names),
/// except for the first heading, which is the title.
fn mark_edges(paragraphs: &[RawParagraph], figures: &Figures, kinds: &mut [Kind]) {
    let substantial = |i: usize| {
        matches!(kinds[i], Kind::Body | Kind::ListItem)
            && is_sentence_like(&paragraphs[i].text, figures.words[i])
    };
    let Some(first) = (0..kinds.len()).find(|&i| substantial(i)) else {
        return;
    };
    let last = (0..kinds.len())
        .rev()
        .find(|&i| substantial(i))
        .unwrap_or(first);
    let title = title_index(kinds);
    for (i, kind) in kinds.iter_mut().enumerate() {
        let words = figures.words[i];
        let trailing = i > last && words <= FURNITURE_MAX_WORDS;
        let leading_label = i < first && Some(i) != title && words <= 3;
        if *kind != Kind::Caption && (trailing || leading_label) {
            *kind = Kind::Boilerplate;
        }
    }
}

/// Long enough (`words` of it), or ending like a sentence: real text, not
/// a label.
fn is_sentence_like(text: &str, words: usize) -> bool {
    words > FURNITURE_MAX_WORDS
        || without_closers(text).ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

/// Card numbers, IBANs, wallet addresses: lines that are mostly not letters,
/// or a single long ASCII token mixing letters and digits. `visible`,
/// `letters` and `words` are the paragraph's [`Tally`] (words capped, as
/// in [`Figures::words`]). Chinese and Japanese write whole paragraphs
/// without a space, so only an ASCII token counts: a news paragraph with
/// "1985年" in it is not a wallet address.
fn is_machine_text(text: &str, visible: usize, letters: usize, words: usize) -> bool {
    if visible >= 8 && letters * 2 < visible {
        return true;
    }
    // One word: its characters are all the visible ones.
    words == 1
        && visible >= 20
        && letters > 0
        && text.is_ascii()
        && text.bytes().any(|b| b.is_ascii_digit())
}

/// A short line (of `words` words) starting with a furniture phrase.
fn is_furniture_phrase(text: &str, words: usize) -> bool {
    words <= FURNITURE_MAX_WORDS && FURNITURE_PHRASES.iter().any(|p| starts_folded(text, p))
}

/// Whether `text`, lower-cased, starts with `prefix` (lower case): the
/// text's start is folded as far as needed, nothing is allocated.
fn starts_folded(text: &str, prefix: &str) -> bool {
    let mut folded = text.chars().flat_map(char::to_lowercase);
    prefix.chars().all(|p| folded.next() == Some(p))
}

/// A line in another script than the article's, or a short line that ends
/// (or starts) with a photo credit. `i` is the paragraph's index.
fn is_caption(text: &str, i: usize, figures: &Figures) -> bool {
    let (own, article) = (figures.scripts[i], figures.article_script);
    let words = figures.words[i];
    if own.is_some() && article.is_some() && own != article && words <= CAPTION_MAX_WORDS {
        return true;
    }
    if words > HEADING_MAX_WORDS {
        return false;
    }
    if text.is_ascii() {
        has_ascii_caption_marker(text)
    } else {
        has_caption_marker(text)
    }
}

/// Whether a photo-credit word ends the line (or comes last but one), or
/// starts a line with a colon in it.
fn has_caption_marker(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let marker = |w: &&str| CAPTION_MARKERS.contains(w);
    words.last().is_some_and(marker)
        || words.len() >= 2 && words.iter().rev().nth(1).is_some_and(marker)
        || (words.first().is_some_and(marker) && lower.contains(':'))
}

/// [`is_caption`]'s marker test for ASCII text, whose lower case and
/// letters are its bytes': the same answer without lower-casing a copy or
/// collecting its words.
fn has_ascii_caption_marker(text: &str) -> bool {
    let bytes = text.as_bytes();
    let apart = |b: &u8| !b.is_ascii_alphanumeric();
    let marker = |w: &[u8]| {
        CAPTION_MARKERS
            .iter()
            .any(|m| w.eq_ignore_ascii_case(m.as_bytes()))
    };
    let mut back = bytes.rsplit(apart).filter(|w| !w.is_empty());
    let (last, before_last) = (back.next(), back.next());
    let first = bytes.split(apart).find(|w| !w.is_empty());
    last.is_some_and(marker)
        || before_last.is_some_and(marker)
        || (first.is_some_and(marker) && bytes.contains(&b':'))
}

/// Short, single-line, not ending like a sentence. A line ending with a
/// colon is a heading only when a list follows it ("Key points:"); otherwise
/// it introduces a quote and belongs to the text. Verses and dialogue also
/// end in "?", "!" or no stop at all, so those need a stronger sign: a
/// question or exclamation only in Title Case, an unstopped line only in
/// Title Case, at the top, or before a clearly longer paragraph.
/// `next` is the following paragraph and its word count.
fn is_heading_like(
    text: &str,
    words: usize,
    first: bool,
    next: Option<(&RawParagraph, usize)>,
) -> bool {
    if words == 0 || words > HEADING_MAX_WORDS || text.chars().count() > 120 {
        return false;
    }
    let capital = text.chars().next().is_some_and(|c| !c.is_lowercase());
    let end = without_closers(text);
    match end.chars().last() {
        Some('.' | ',' | ';' | '…' | '。' | '，' | '；') => false,
        Some(':') => next.is_some_and(|(n, _)| n.bulleted),
        Some(c) if text.len() != end.len() && c.is_alphanumeric() => false,
        Some('?' | '!' | '？' | '！') => capital && is_title_case(text),
        _ => {
            capital
                && (first
                    || is_title_case(text)
                    || next.is_some_and(|(n, n_words)| introduces(words, n, n_words)))
        }
    }
}

/// Every word of four letters or more capitalised, and at least two such
/// words ("Why Talks Failed?"); German nouns alone do not make it.
fn is_title_case(text: &str) -> bool {
    let long: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4)
        .collect();
    long.len() >= 2
        && long
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// A heading of `words` words introduces a paragraph (of `next_words`)
/// clearly longer than itself that reads as a sentence.
fn introduces(words: usize, next: &RawParagraph, next_words: usize) -> bool {
    next_words >= (2 * words).max(words + 6) && is_sentence_like(&next.text, next_words)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::segment::split_paragraphs;

    fn kinds(text: &str) -> Vec<(Kind, String)> {
        let paragraphs = split_paragraphs(text);
        classify(&paragraphs)
            .into_iter()
            .zip(paragraphs)
            .map(|(k, p)| (k, p.text))
            .collect()
    }

    const BODY: &str =
        "The United States said on Monday that it was ready to offer guarantees to Ukraine.";

    #[test]
    fn headings_are_short_unpunctuated_lines() {
        let result = kinds(&format!(
            "A Title Here\n\n{BODY}\n\nNearer than ever to peace, Trump says\n\n{BODY}"
        ));
        assert_eq!(result[0].0, Kind::Heading);
        assert_eq!(result[1].0, Kind::Body);
        assert_eq!(result[2].0, Kind::Heading);
    }

    #[test]
    fn questions_and_unstopped_verses_are_not_headings() {
        let result = kinds(
            "Where is he that is born King of the Jews?\n\nAnd he said to them, Follow me\n\nThen they left their nets and followed him at once.",
        );
        assert!(result.iter().all(|(k, _)| *k == Kind::Body), "{result:?}");
        let result = kinds(&format!("{BODY}\n\nWhy The Talks Failed?\n\n{BODY}"));
        assert_eq!(result[1].0, Kind::Heading);
    }

    #[test]
    fn a_colon_line_before_a_quote_is_body() {
        let result = kinds(&format!(
            "{BODY}\n\nAnother official told Axios:\n\n“They trust them.”"
        ));
        assert_eq!(result[1].0, Kind::Body);
        assert_eq!(result[2].0, Kind::Body);
    }

    #[test]
    fn a_colon_line_before_a_list_is_a_heading() {
        let result = kinds(&format!(
            "{BODY}\n\nKey points:\n\n• One thing.\n\n• Another."
        ));
        assert_eq!(result[1].0, Kind::Heading);
        assert_eq!(result[2].0, Kind::ListItem);
    }

    #[test]
    fn donation_block_is_boilerplate() {
        let text = format!(
            "{BODY}\n\nShare this post:\n\nSUPPORT MILITARNYI\n\nPrivatBank ( Bank card )\n5169 3351 0164 7408\nETH\n0x6db6D0E7acCa3a5b5b09c461Ae480DF9A928d0a2\nPopular\nButton Text"
        );
        let result = kinds(&text);
        assert_eq!(result[0].0, Kind::Body);
        for (kind, text) in &result[1..] {
            assert_eq!(*kind, Kind::Boilerplate, "{text}");
        }
    }

    #[test]
    fn chinese_and_japanese_paragraphs_with_figures_are_story() {
        let text = "北京市交通委员会周一宣布，建于1985年的大桥将关闭十万辆车的通行，市长张伟表示将尽快修复。\n\n東京都は2025年に新しい橋の建設を始めると発表した。工事は三年かかる見込みだ。";
        for (kind, text) in kinds(text) {
            assert_eq!(kind, Kind::Body, "{text}");
        }
        // A wallet address is still page furniture.
        let wallet = format!("{BODY}\n\n0x6db6D0E7acCa3a5b5b09c461Ae480DF9A928d0a2");
        assert_eq!(kinds(&wallet)[1].0, Kind::Boilerplate);
    }

    #[test]
    fn other_script_lines_and_photo_credits_are_captions() {
        let text = format!(
            "Title line\nWhite House. Open source photos\nNews\n\n{BODY}\n\nЗустріч представників України та США. Фото ОП\n\n{BODY}"
        );
        let result = kinds(&text);
        assert_eq!(result[0].0, Kind::Heading);
        assert_eq!(result[1].0, Kind::Caption);
        assert_eq!(result[2].0, Kind::Boilerplate);
        assert_eq!(result[4].0, Kind::Caption);
    }

    #[test]
    fn a_bilingual_article_has_no_captions_by_script() {
        let text = format!(
            "{BODY}\n\nЗустріч відбулася в понеділок у Берліні, сказав посадовець.\n\n{BODY}\n\nПереговори тривали два дні поспіль."
        );
        let result = kinds(&text);
        assert!(result.iter().all(|(k, _)| *k == Kind::Body), "{result:?}");
    }

    #[test]
    fn ask_me_anything_is_boilerplate() {
        let result = kinds(&format!(
            "{BODY}\nAsk me anything\nExplore related questions"
        ));
        assert_eq!(result[1].0, Kind::Boilerplate);
        assert_eq!(result[2].0, Kind::Boilerplate);
    }

    #[test]
    fn marked_kinds_stand_but_furniture_is_still_found() {
        let paragraphs = split_paragraphs(&format!(
            "Short line, with a period.\n\n{BODY}\n\nRead more\n\nRescuers at the scene. Photo: Reuters"
        ));
        let markup = [Kind::Heading, Kind::Body, Kind::Body, Kind::Body];
        assert_eq!(
            classify_marked(&paragraphs, &markup),
            [Kind::Heading, Kind::Body, Kind::Boilerplate, Kind::Caption]
        );
    }

    #[test]
    fn ascii_caption_markers_match_the_lowercased_words() {
        for text in [
            "",
            "Photo",
            "PHOTO: Reuters",
            "Photo Reuters",
            "Photo by someone",
            "photos by someone: here",
            "AP Photo/John Doe.",
            "A man walks (Getty Images)",
            "Credit: AFP",
            "The view, photo credit",
            "photography",
            "...",
            "Reuters!",
            "ap photo",
        ] {
            assert_eq!(
                has_ascii_caption_marker(text),
                has_caption_marker(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_quoted_sentence_is_body() {
        let result = kinds(&format!("{BODY}\n\n“They believe there is a chance.”"));
        assert_eq!(result[1].0, Kind::Body);
    }
}
