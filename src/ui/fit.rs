//! Cutting text to a column width with "…", so a reader always sees that
//! a title or line goes on (measured per grapheme, as ratatui draws).

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::width::display_width;

/// `text` if it fits in `width` columns, else its longest prefix that fits
/// with "…" after it.
pub fn fit(text: &str, width: usize) -> String {
    if display_width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for grapheme in text.graphemes(true) {
        let w = grapheme.width();
        if used + w + 1 > width {
            break;
        }
        out.push_str(grapheme);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_ends_in_an_ellipsis_within_the_width() {
        assert_eq!(fit("Media: U.S. Ready", 10), "Media: U.…");
        assert_eq!(fit("short", 10), "short");
        assert_eq!(display_width(&fit("東京都大阪府", 5)), 5);
        assert_eq!(fit("abc", 0), "");
    }
}
