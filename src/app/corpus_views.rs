//! The views across all articles: the similarity matrix, and coverage
//! (which articles carry each paragraph). Both read one
//! [`Comparison`] of every pair, computed the first time either is
//! opened and kept for the session — never per frame.

use crate::corpus::Comparison;

use super::jobs::Then;
use super::rows::Side;
use super::{App, View};

/// Articles beyond this many get no coverage column (one cell each would
/// crowd out the text); the `u` filter still works.
pub const COVERAGE_MAX_ARTICLES: usize = 35;

/// The one-character name of article `index` in the list, the coverage
/// column, the matrix and the facts: 1–9, then a–z, then A–Z (61 in all);
/// past that `+`, as a 62nd column would not fit a screen anyway.
pub fn article_mark(index: usize) -> char {
    let n = index + 1;
    match n {
        1..=9 => char::from(b'0' + n as u8),
        10..=35 => char::from(b'a' + (n - 10) as u8),
        36..=61 => char::from(b'A' + (n - 36) as u8),
        _ => '+',
    }
}

impl App {
    /// The comparison, if a view has needed it already.
    pub fn comparison_ready(&self) -> Option<&Comparison> {
        self.comparison.as_deref()
    }

    /// `M`: opens the matrix on the current pair's cell, or closes it.
    pub(super) fn toggle_matrix(&mut self) {
        if self.view == View::Matrix {
            self.view = View::Reading;
            return;
        }
        if !self.need_comparison(Then::OpenMatrix) {
            return;
        }
        self.matrix_cursor = (self.left, self.right);
        self.view = View::Matrix;
    }

    /// Moves the matrix cursor by rows and columns, stopping at the edges.
    pub(super) fn move_cell(&mut self, rows: isize, columns: isize) {
        let last = self.articles().len().saturating_sub(1);
        let step = |at: usize, by: isize| at.saturating_add_signed(by).min(last);
        let (row, column) = self.matrix_cursor;
        self.matrix_cursor = (step(row, rows), step(column, columns));
    }

    /// Enter in the matrix: the row's article on the left, the column's on
    /// the right.
    pub(super) fn open_cell(&mut self) {
        let (row, column) = self.matrix_cursor;
        if row == column {
            self.message = Some("that is one article against itself: pick two".into());
            return;
        }
        self.view = View::Reading;
        self.open_pair(row, column);
        self.message = Some(format!(
            "opened {} ⇄ {} from the matrix",
            row + 1,
            column + 1
        ));
    }

    /// `c`: coverage markers on or off (the panes get narrower).
    pub(super) fn toggle_coverage(&mut self) {
        if !self.coverage && self.articles().len() > COVERAGE_MAX_ARTICLES {
            self.message = Some(format!(
                "coverage markers fit up to {COVERAGE_MAX_ARTICLES} articles; u still filters"
            ));
            return;
        }
        if !self.coverage && !self.need_comparison(Then::Coverage) {
            return;
        }
        self.coverage = !self.coverage;
        let area = self.geometry.area;
        self.resize(area.width, area.height);
        let state = if self.coverage { "shown" } else { "hidden" };
        self.message = Some(format!("coverage markers {state}"));
    }

    /// `u`: only the paragraphs no other article carries, or all again.
    pub(super) fn toggle_unique(&mut self) {
        if !self.unique_only && !self.need_comparison(Then::Unique) {
            return;
        }
        self.unique_only = !self.unique_only;
        self.relayout(false);
        self.scroll = 0;
        self.message = Some(if !self.unique_only {
            "showing every paragraph".into()
        } else if self.model.groups.is_empty() {
            "neither article has a paragraph no other article carries".into()
        } else {
            let (l, r) = (
                self.unique_count(Side::Left),
                self.unique_count(Side::Right),
            );
            format!(
                "only paragraphs no other article carries: {l} on the left, {r} on the right — u: all"
            )
        });
    }

    fn unique_count(&self, side: Side) -> usize {
        let article = if side == Side::Left {
            self.left
        } else {
            self.right
        };
        self.comparison
            .as_ref()
            .map_or(0, |c| c.coverage.unique(article).len())
    }

    /// Columns the coverage markers take beside each pane's gutter.
    pub fn coverage_width(&self) -> u16 {
        if self.coverage {
            u16::try_from(self.articles().len() + 1).unwrap_or(0)
        } else {
            0
        }
    }

    /// The other articles carrying paragraph `paragraph` of the article on
    /// `side`, when coverage is shown.
    pub fn carriers(&self, side: Side, paragraph: usize) -> Option<Vec<usize>> {
        if !self.coverage {
            return None;
        }
        let article = if side == Side::Left {
            self.left
        } else {
            self.right
        };
        Some(
            self.comparison
                .as_ref()?
                .coverage
                .carriers(article, paragraph),
        )
    }

    /// Per side, which paragraphs the `u` filter keeps (None: no filter).
    pub(super) fn unique_paragraphs(&self) -> Option<[Vec<bool>; 2]> {
        if !self.unique_only {
            return None;
        }
        let coverage = &self.comparison.as_ref()?.coverage;
        let flags = |article: usize| {
            let mut flags = vec![false; self.stats(article).1];
            for p in coverage.unique(article) {
                if let Some(f) = flags.get_mut(p) {
                    *f = true;
                }
            }
            flags
        };
        Some([flags(self.left), flags(self.right)])
    }
}

#[cfg(test)]
mod tests {
    use super::article_mark;

    #[test]
    fn the_first_61_articles_have_marks_of_their_own() {
        let marks: Vec<char> = (0..61).map(article_mark).collect();
        let mut distinct = marks.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), 61);
        assert_eq!(
            (marks[0], marks[9], marks[35], marks[60]),
            ('1', 'a', 'A', 'Z')
        );
        assert_eq!(article_mark(61), '+');
    }
}
