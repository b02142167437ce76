//! A first look at a big pair while the whole of it aligns: the leading
//! part of each text (about [`PREVIEW_BYTES`]) aligned on its own, in a
//! few tens of milliseconds where the whole pair takes seconds.
//!
//! It can mislead, so it is cut and labelled. A paragraph near the end of
//! one slice may have its counterpart just past the end of the other
//! slice, and rarity weights are counted over the slices, not the whole
//! texts. So groups from the last fifth of the left slice on are left
//! out, as are unmatched paragraphs of either side past that side's last
//! link; the status bar says the screen is partial, and the counts and
//! similarity of the preview are never shown. When the whole alignment is
//! in, it replaces the preview without moving the reader's place.

use crate::align::{AlignOptions, Alignment, Granularity, Group, align_cancellable};
use crate::article::Article;
use crate::progress::Progress;

/// Text per side aligned for the preview: over a thousand paragraphs of
/// news, many screens, in well under a tenth of a second.
pub const PREVIEW_BYTES: usize = 120_000;

/// Pairs with more text than this (both sides) open with a preview; a
/// smaller pair aligns whole about as fast as a preview would show.
pub const PREVIEW_ABOVE_BYTES: usize = 600_000;

/// What a preview covers, for the status bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preview {
    /// Article paragraphs shown, per side (the leading ones).
    pub left_paragraphs: usize,
    pub right_paragraphs: usize,
}

/// Whether opening `left` ⇄ `right` is worth a preview.
pub fn worth_previewing(left: &Article, right: &Article) -> bool {
    text_bytes(left) + text_bytes(right) > PREVIEW_ABOVE_BYTES
}

fn text_bytes(article: &Article) -> usize {
    article.paragraphs.iter().map(|p| p.text.len()).sum()
}

/// The leading paragraphs of `article`, about `bytes` of text (at least
/// one paragraph).
pub fn leading(article: &Article, bytes: usize) -> Article {
    let mut total = 0;
    let count = article
        .paragraphs
        .iter()
        .take_while(|p| {
            let within = total < bytes;
            total += p.text.len();
            within
        })
        .count();
    Article {
        path: article.path.clone(),
        source: article.source.clone(),
        title: article.title.clone(),
        paragraphs: article.paragraphs[..count].to_vec(),
        meta: article.meta.clone(),
        notes: Vec::new(),
    }
}

/// The preview of a pair: the leading `bytes` of each side aligned and
/// their doubtful tail cut; `None` when `watch` cancels. Unit indices are
/// those of the whole texts (the slices are prefixes).
pub fn preview_alignment(
    left: &Article,
    right: &Article,
    granularity: Granularity,
    bytes: usize,
    watch: &dyn Progress,
) -> Option<(Alignment, Preview)> {
    let (left, right) = (leading(left, bytes), leading(right, bytes));
    let options = AlignOptions {
        granularity,
        include_boilerplate: false,
    };
    let mut alignment = align_cancellable(&left, &right, options, watch)?;
    let cut_left = alignment.left.len() * 4 / 5;
    let end = alignment
        .groups
        .iter()
        .position(|g| g.left.first().is_some_and(|&u| u >= cut_left))
        .unwrap_or(alignment.groups.len());
    alignment.groups.truncate(end);
    // A one-sided paragraph past the last link on its side may have its
    // counterpart just past the other slice: left out.
    let last_link = |side: fn(&Group) -> &[usize]| {
        alignment
            .groups
            .iter()
            .filter(|g| g.is_link())
            .flat_map(|g| side(g).iter().copied())
            .max()
    };
    let (last_left, last_right) = (last_link(|g| &g.left), last_link(|g| &g.right));
    let beyond = |units: &[usize], last: Option<usize>| units.iter().any(|&u| Some(u) > last);
    alignment
        .groups
        .retain(|g| g.is_link() || !(beyond(&g.left, last_left) || beyond(&g.right, last_right)));
    // How far each side reads: the last unit of the last group in
    // reading order that has one (a moved link elsewhere says nothing
    // of the paragraphs between).
    let shown = |units: &[crate::align::Unit], side: fn(&Group) -> &[usize]| {
        alignment
            .groups
            .iter()
            .rev()
            .find_map(|g| side(g).last())
            .and_then(|&u| units.get(u))
            .map_or(0, |u| u.paragraph + 1)
    };
    let preview = Preview {
        left_paragraphs: shown(&alignment.left, |g| &g.left),
        right_paragraphs: shown(&alignment.right, |g| &g.right),
    };
    Some((alignment, preview))
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicBool;

    use super::*;
    use crate::article::parse_article;

    fn numbered(count: usize, word: &str) -> Article {
        let text: String = (0..count)
            .map(|i| format!("Paragraph {i} tells of {word} number {i} and of item x{i}.\n\n"))
            .collect();
        parse_article("t.txt", "t.txt", &text)
    }

    #[test]
    fn leading_takes_whole_paragraphs_up_to_the_budget() {
        let article = numbered(100, "boats");
        let first = article.paragraphs[0].text.len();
        assert_eq!(leading(&article, 1).paragraphs.len(), 1);
        assert_eq!(leading(&article, first + 1).paragraphs.len(), 2);
        assert_eq!(leading(&article, usize::MAX).paragraphs.len(), 100);
    }

    #[test]
    fn the_preview_keeps_whole_text_indices_and_cuts_the_doubtful_tail() {
        let (left, right) = (numbered(400, "boats"), numbered(400, "ships"));
        let never = AtomicBool::new(false);
        let (alignment, preview) =
            preview_alignment(&left, &right, Granularity::Paragraph, 10_000, &never)
                .expect("not cancelled");
        let sliced = leading(&left, 10_000).paragraphs.len();
        assert!(sliced < 400);
        assert!(preview.left_paragraphs <= sliced * 4 / 5);
        assert!(preview.left_paragraphs > sliced / 2);
        for group in &alignment.groups {
            for &u in &group.left {
                assert_eq!(alignment.left[u].text, left.paragraphs[u].text);
            }
        }
    }

    #[test]
    fn a_cancelled_preview_gives_nothing() {
        let (left, right) = (numbered(50, "boats"), numbered(50, "ships"));
        let cancelled = AtomicBool::new(true);
        assert!(
            preview_alignment(&left, &right, Granularity::Paragraph, 10_000, &cancelled).is_none()
        );
    }
}
