//! Wrapping a unit's text at a pane width while keeping byte offsets, so
//! word highlights and search matches can be laid onto the wrapped lines.
//!
//! Line breaking is textwrap's first-fit algorithm; widths are measured per
//! grapheme with unicode-width, exactly as ratatui measures when it draws,
//! so CJK, emoji and ZWJ sequences never push a line past its column.

use std::ops::Range;

use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::width::display_width;

/// A word (or a piece of an over-long word) and the space after it.
#[derive(Debug)]
struct Piece {
    start: usize,
    end: usize,
    width: usize,
    space: usize,
}

impl Fragment for Piece {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        self.space as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Byte ranges of `text`'s wrapped lines. The first line is `first` columns
/// wide, the others `rest`; spaces at line ends are dropped. Empty text
/// gives one empty line, so every unit occupies at least one row.
pub fn wrap_ranges(text: &str, first: usize, rest: usize) -> Vec<Range<usize>> {
    let first = first.max(1);
    let rest = rest.max(1);
    let pieces = pieces(text, first.min(rest));
    if pieces.is_empty() {
        return std::iter::once(0..0).collect();
    }
    wrap_first_fit(&pieces, &[first as f64, rest as f64])
        .into_iter()
        .filter_map(|line| Some(line.first()?.start..line.last()?.end))
        .collect()
}

/// Space-separated words, over-long ones cut at grapheme boundaries.
fn pieces(text: &str, limit: usize) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut at = 0;
    for word in text.split(' ') {
        let start = at;
        at += word.len() + 1;
        if word.is_empty() {
            continue;
        }
        let space = usize::from(at <= text.len());
        let width = display_width(word);
        if width <= limit {
            out.push(Piece {
                start,
                end: start + word.len(),
                width,
                space,
            });
        } else {
            cut_long_word(word, start, limit, space, &mut out);
        }
    }
    out
}

fn cut_long_word(word: &str, offset: usize, limit: usize, space: usize, out: &mut Vec<Piece>) {
    let mut piece = Piece {
        start: offset,
        end: offset,
        width: 0,
        space: 0,
    };
    for (index, grapheme) in word.grapheme_indices(true) {
        let width = grapheme.width();
        if piece.width + width > limit && piece.end > piece.start {
            let next = offset + index;
            out.push(std::mem::replace(
                &mut piece,
                Piece {
                    start: next,
                    end: next,
                    width: 0,
                    space: 0,
                },
            ));
        }
        piece.end = offset + index + grapheme.len();
        piece.width += width;
    }
    piece.space = space;
    out.push(piece);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap_ranges(text, width, width)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn wraps_words_at_width() {
        assert_eq!(lines("the quick brown fox", 10), ["the quick", "brown fox"]);
    }

    #[test]
    fn first_line_can_be_narrower() {
        let text = "aa bb cc dd";
        let got: Vec<&str> = wrap_ranges(text, 2, 5)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(got, ["aa", "bb cc", "dd"]);
    }

    #[test]
    fn cuts_words_longer_than_a_line() {
        assert_eq!(lines("abcdefgh", 3), ["abc", "def", "gh"]);
    }

    #[test]
    fn cjk_counts_two_columns() {
        let text = "東京都 大阪府 京都府";
        for line in lines(text, 7) {
            assert!(display_width(line) <= 7, "{line}");
        }
        assert_eq!(lines(text, 7), ["東京都", "大阪府", "京都府"]);
    }

    #[test]
    fn zwj_emoji_is_one_wide_glyph() {
        let family = "👨\u{200d}👩\u{200d}👧";
        assert_eq!(display_width(family), 2);
        assert_eq!(
            lines(&format!("a {family} b"), 4),
            [format!("a {family}").as_str(), "b"]
        );
    }

    #[test]
    fn empty_text_is_one_empty_line() {
        assert_eq!(wrap_ranges("", 10, 10), vec![(0..0)]);
    }

    #[test]
    fn cyrillic_wraps_by_columns_not_bytes() {
        assert_eq!(
            lines("Зустріч представників", 10),
            ["Зустріч", "представни", "ків"]
        );
    }
}
