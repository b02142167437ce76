//! Columns text takes on a terminal, measured as ratatui draws it: the
//! sum of its graphemes' widths. The reader's panes, its overlays and the
//! `align` text report all wrap and cut by this one measure, so a line
//! that fits on screen fits in the report too.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Display width of `text`: ASCII and plain Latin (accents written as one
/// character) a column a character, anything else grapheme by grapheme
/// (an emoji sequence, a CJK ideograph, a letter with combining marks).
pub fn display_width(text: &str) -> usize {
    if text.is_ascii() {
        return text.len();
    }
    if text.chars().all(is_plain_latin) {
        return text.chars().count();
    }
    text.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// A printable character below the combining marks (U+0300): one column,
/// and its own grapheme, so Latin-script text (umlauts, accents) skips
/// grapheme segmentation.
fn is_plain_latin(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{a0}'..='\u{2ff}') && c != '\u{ad}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_columns_not_bytes_or_chars() {
        assert_eq!(display_width("Witkoff"), 7);
        assert_eq!(display_width("Übersetzung"), 11);
        assert_eq!(display_width("東京"), 4);
        // Man, ZWJ, woman, ZWJ, girl: one family, two columns.
        assert_eq!(
            display_width("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"),
            2
        );
        // A soft hyphen is not drawn.
        assert_eq!(display_width("co\u{ad}op"), 4);
    }

    #[test]
    fn the_latin_shortcut_measures_as_graphemes_do() {
        for c in (' '..='~')
            .chain('\u{a0}'..='\u{2ff}')
            .filter(|&c| is_plain_latin(c))
        {
            let text = format!("a{c}b");
            let slow: usize = text.graphemes(true).map(UnicodeWidthStr::width).sum();
            assert_eq!(display_width(&text), slow, "{:?}", c);
        }
    }
}
