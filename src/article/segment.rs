//! Cleaned text → paragraphs. Real copy separates paragraphs by blank lines
//! in one file and by single newlines in the next, hard-wraps some, bullets
//! others and repeats titles; this module decides where paragraphs end.

use super::clean::{ends_like_sentence, is_squashed, squash_spaces};

/// A paragraph before classification: its text and the layout facts the
/// classifier needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawParagraph {
    pub text: String,
    /// It began with a bullet or list number.
    pub bulleted: bool,
    /// It came from a single source line (headings always do).
    pub single_line: bool,
}

/// Lines longer than this are never hard-wrapped prose.
const MAX_WRAP_WIDTH: usize = 100;
/// In hard-wrapped prose every line but the last fills most of the width.
const MIN_WRAP_FILL: f64 = 0.6;
/// Hard wrapping below this width is more likely a list of short lines.
const MIN_WRAP_WIDTH: usize = 30;

/// Splits cleaned text into paragraphs. A blank line always ends one; inside
/// a block of consecutive lines, lines are joined only when the block looks
/// hard-wrapped (all lines but the last of similar, moderate width).
pub fn split_paragraphs(text: &str) -> Vec<RawParagraph> {
    let mut paragraphs = Vec::new();
    // One block's lines at a time, in one reused vector: a book has tens
    // of thousands of blocks.
    let mut block: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            split_block(&block, &mut paragraphs);
            block.clear();
        } else {
            block.push(line);
        }
    }
    split_block(&block, &mut paragraphs);
    paragraphs
}

/// The paragraphs of one run of non-blank lines (none when it is empty).
fn split_block(block: &[&str], paragraphs: &mut Vec<RawParagraph>) {
    if looks_hard_wrapped(block) {
        join_wrapped(block, paragraphs);
    } else {
        for line in block {
            push_line(line, paragraphs);
        }
    }
}

/// Removes a paragraph that repeats the one before it word for word (a
/// title scraped twice). Returns how many were removed.
pub fn drop_repeats(paragraphs: &mut Vec<RawParagraph>) -> usize {
    let before = paragraphs.len();
    paragraphs.dedup_by(|later, earlier| later.single_line && later.text == earlier.text);
    before - paragraphs.len()
}

fn looks_hard_wrapped(block: &[&str]) -> bool {
    let Some((_, wrapped)) = block.split_last() else {
        return false;
    };
    if wrapped.is_empty() {
        return false;
    }
    let widths: Vec<usize> = wrapped.iter().map(|l| l.trim().chars().count()).collect();
    let widest = widths.iter().copied().max().unwrap_or(0);
    // Wrapped lines mostly stop mid-sentence; one short paragraph per line
    // mostly ends with a full stop.
    let sentence_ends = wrapped.iter().filter(|l| ends_like_sentence(l)).count();
    (MIN_WRAP_WIDTH..=MAX_WRAP_WIDTH).contains(&widest)
        && widths
            .iter()
            .all(|&w| w as f64 >= widest as f64 * MIN_WRAP_FILL)
        && sentence_ends * 2 < wrapped.len().max(2)
}

/// Joins a hard-wrapped block, still starting a new paragraph at each bullet.
fn join_wrapped(block: &[&str], out: &mut Vec<RawParagraph>) {
    let mut current: Option<RawParagraph> = None;
    for line in block {
        let (bulleted, rest) = strip_list_marker(line.trim());
        match current.as_mut() {
            Some(p) if !bulleted => {
                p.text.push(' ');
                p.text.push_str(rest);
                p.single_line = false;
            }
            _ => {
                out.extend(current.take().map(finish));
                current = Some(RawParagraph {
                    text: rest.to_string(),
                    bulleted,
                    single_line: true,
                });
            }
        }
    }
    out.extend(current.map(finish));
}

fn push_line(line: &str, out: &mut Vec<RawParagraph>) {
    let (bulleted, rest) = strip_list_marker(line.trim());
    let paragraph = finish(RawParagraph {
        text: rest.to_string(),
        bulleted,
        single_line: true,
    });
    if !paragraph.text.is_empty() {
        out.push(paragraph);
    }
}

fn finish(mut p: RawParagraph) -> RawParagraph {
    if !is_squashed(&p.text) {
        p.text = squash_spaces(&p.text);
    }
    p
}

/// Bullets that are removed from the text (the UI draws its own); numbered
/// items keep their number, which may be referred to.
const BULLETS: &[char] = &['•', '·', '▪', '◦', '‣', '●', '○', '■', '-', '*', '–', '+'];

/// Recognises a list marker followed by a space. Returns whether there was
/// one and the text without a bullet.
fn strip_list_marker(line: &str) -> (bool, &str) {
    let mut chars = line.chars();
    if let Some(first) = chars.next()
        && BULLETS.contains(&first)
        && chars.next().is_some_and(char::is_whitespace)
    {
        return (true, line[first.len_utf8()..].trim_start());
    }
    (is_numbered_item(line), line)
}

/// `1. text`, `2) text`, `a) text`.
fn is_numbered_item(line: &str) -> bool {
    let marker_len = line.find([' ', '\u{a0}']).unwrap_or(0);
    let marker = &line[..marker_len];
    let Some(body) = marker.strip_suffix(['.', ')']) else {
        return false;
    };
    let numeric = !body.is_empty() && body.len() <= 3 && body.chars().all(|c| c.is_ascii_digit());
    let lettered =
        body.len() == 1 && body.chars().all(|c| c.is_ascii_lowercase()) && marker.ends_with(')');
    (numeric || lettered) && line.len() > marker_len + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        split_paragraphs(text).into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        assert_eq!(
            texts("One.\n\nTwo.\n\n\nThree."),
            ["One.", "Two.", "Three."]
        );
    }

    #[test]
    fn single_newlines_separate_long_lines() {
        let a = "a".repeat(150);
        let b = "b".repeat(120);
        assert_eq!(texts(&format!("{a}\n{b}\n")), [a, b]);
    }

    #[test]
    fn hard_wrapped_prose_is_joined() {
        let text = "It was the best of times, it was the worst of times, it\n\
                    was the age of wisdom, it was the age of foolishness, it\n\
                    was the epoch of belief.";
        assert_eq!(texts(text).len(), 1);
        assert!(
            texts(text)[0]
                .starts_with("It was the best of times, it was the worst of times, it was")
        );
    }

    #[test]
    fn one_short_paragraph_per_line_stays_apart() {
        let text = "The talks began on Monday in Berlin with both delegations.
                    Officials said the meeting would last two days at least.
                    A joint statement is expected late on Tuesday evening.";
        assert_eq!(texts(text).len(), 3);
    }

    #[test]
    fn short_varied_lines_stay_apart() {
        let text = "PrivatBank ( Bank card )\n5169 3351 0164 7408\nETH\nPopular";
        assert_eq!(texts(text).len(), 4);
    }

    #[test]
    fn bullets_become_list_items_without_marker() {
        let paragraphs = split_paragraphs(
            "Key points:\n\n  • It applies only.\n\n- Second one\n* Third\n1. Numbered",
        );
        let kinds: Vec<(bool, &str)> = paragraphs
            .iter()
            .map(|p| (p.bulleted, p.text.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                (false, "Key points:"),
                (true, "It applies only."),
                (true, "Second one"),
                (true, "Third"),
                (true, "1. Numbered")
            ]
        );
    }

    #[test]
    fn a_dash_number_is_not_a_bullet() {
        assert_eq!(strip_list_marker("-5% overnight"), (false, "-5% overnight"));
        assert!(!is_numbered_item("2025. A year"));
    }

    #[test]
    fn repeated_title_is_dropped_once() {
        let mut paragraphs = split_paragraphs("Title\n\nTitle\nCaption\n\nBody text.");
        assert_eq!(drop_repeats(&mut paragraphs), 1);
        let texts: Vec<_> = paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["Title", "Caption", "Body text."]);
    }
}
