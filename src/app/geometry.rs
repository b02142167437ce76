//! Where everything goes on a screen of a given size. The app needs the
//! pane width (to wrap) and height (to page); the UI needs the rectangles.
//! Both ask this one pure function, so they can never disagree.
//!
//! ```text
//! wide (each pane ≥ min_pane_width columns)  stacked (narrower)
//! ┌list────┬left pane─────┬│right pane────┬R┐  ┌list──┬left pane────┬R┐
//! │        │¶1  text…     ││¶1  text…     │u│  │      │¶1 text…     │u│
//! │        │              ││              │l│  │      ├right pane───┤l│
//! │        │              ││              │e│  │      │¶1 text…     │e│
//! ├status──┴──────────────┴┴──────────────┴─┤  ├status┴─────────────┴─┤
//! └hints────────────────────────────────────┘  └hints─────────────────┘
//! ```

use ratatui::layout::Rect;

use super::options::MIN_PANE_WIDTH;

/// Narrower or lower than this shows "terminal too small".
pub const MIN_WIDTH: u16 = 40;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 10;
/// The article list only shows on screens at least this wide.
pub const LIST_MIN_SCREEN: u16 = 72;
/// Columns before a pane's text: paragraph label, bracket, space.
pub const GUTTER: u16 = 7;
/// Screens this low drop the key-hint line.
const HINTS_MIN_HEIGHT: u16 = 16;

/// How the panes are arranged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrangement {
    TooSmall,
    SideBySide,
    Stacked,
}

/// Rectangles of one screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Geometry {
    pub area: Rect,
    pub arrangement: Option<Arrangement>,
    pub list: Option<Rect>,
    /// Each pane: one header row, then its body rows.
    pub left: Rect,
    pub right: Rect,
    /// The column between side-by-side panes.
    pub separator: Option<Rect>,
    pub ruler: Rect,
    pub status: Rect,
    pub hints: Option<Rect>,
    /// Columns of coverage markers after each pane's gutter.
    pub markers: u16,
}

impl Geometry {
    /// The layout of `area` with or without the article list, with
    /// `markers` columns of coverage markers beside each pane's gutter,
    /// with the default [`MIN_PANE_WIDTH`].
    pub fn of(area: Rect, list_wanted: bool, markers: u16) -> Self {
        Self::with_min_pane(area, list_wanted, markers, MIN_PANE_WIDTH)
    }

    /// As [`Geometry::of`], side by side only when each pane gets at least
    /// `min_pane` columns: the threshold is the panes' own width, whatever
    /// the list and ruler take.
    pub fn with_min_pane(area: Rect, list_wanted: bool, markers: u16, min_pane: u16) -> Self {
        let mut g = Geometry {
            area,
            markers,
            ..Geometry::default()
        };
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            g.arrangement = Some(Arrangement::TooSmall);
            return g;
        }
        let bottom = if area.height >= HINTS_MIN_HEIGHT {
            2
        } else {
            1
        };
        let main_height = area.height - bottom;
        g.status = Rect::new(area.x, area.y + main_height, area.width, 1);
        if bottom == 2 {
            g.hints = Some(Rect::new(area.x, area.y + main_height + 1, area.width, 1));
        }
        let mut x = area.x;
        if list_wanted && area.width >= LIST_MIN_SCREEN {
            let width = (area.width / 4).clamp(26, 40);
            g.list = Some(Rect::new(x, area.y, width, main_height));
            x += width;
        }
        let panes_width = area.x + area.width - x - 1;
        g.ruler = Rect::new(x + panes_width, area.y, 1, main_height);
        if panes_width.saturating_sub(1) / 2 >= min_pane.max(GUTTER + 2) {
            let half = (panes_width - 1) / 2;
            g.arrangement = Some(Arrangement::SideBySide);
            g.left = Rect::new(x, area.y, half, main_height);
            g.separator = Some(Rect::new(x + half, area.y, 1, main_height));
            g.right = Rect::new(x + half + 1, area.y, panes_width - half - 1, main_height);
        } else {
            let top = main_height / 2;
            g.arrangement = Some(Arrangement::Stacked);
            g.left = Rect::new(x, area.y, panes_width, top);
            g.right = Rect::new(x, area.y + top, panes_width, main_height - top);
        }
        g
    }

    /// Columns before a pane's text: the gutter and any coverage markers.
    pub fn gutter(&self) -> u16 {
        GUTTER + self.markers
    }

    /// Text columns of a pane (what paragraphs wrap to).
    pub fn text_width(&self) -> usize {
        usize::from(self.left.width.saturating_sub(self.gutter() + 1)).max(1)
    }

    /// Everything above the status bar: where the full-screen views go.
    pub fn main_area(&self) -> Rect {
        let height = self.status.y.saturating_sub(self.area.y);
        Rect::new(self.area.x, self.area.y, self.area.width, height)
    }

    /// Rows of text a pane shows at once.
    pub fn body_rows(&self) -> usize {
        usize::from(self.left.height.min(self.right.height).saturating_sub(1)).max(1)
    }

    /// Whether there is anything to draw but the too-small notice.
    pub fn is_usable(&self) -> bool {
        matches!(
            self.arrangement,
            Some(Arrangement::SideBySide | Arrangement::Stacked)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_screens_put_panes_side_by_side() {
        let g = Geometry::of(Rect::new(0, 0, 160, 45), true, 0);
        assert_eq!(g.arrangement, Some(Arrangement::SideBySide));
        assert_eq!(g.left.width + g.right.width + 1 + 1 + 40, 160);
        assert!(g.hints.is_some());
    }

    #[test]
    fn narrow_screens_stack() {
        let g = Geometry::of(Rect::new(0, 0, 90, 30), true, 0);
        assert_eq!(g.arrangement, Some(Arrangement::Stacked));
        assert_eq!(g.left.width, g.right.width);
        assert_eq!(g.left.height + g.right.height, 28);
    }

    #[test]
    fn the_threshold_is_each_panes_own_width() {
        // 120 columns with the list: 89 for the panes, 44 each.
        let g = Geometry::of(Rect::new(0, 0, 120, 40), true, 0);
        assert_eq!(g.arrangement, Some(Arrangement::SideBySide));
        assert!(g.left.width >= MIN_PANE_WIDTH && g.right.width >= MIN_PANE_WIDTH);
        let g = Geometry::of(Rect::new(0, 0, 81, 24), false, 0);
        assert_eq!(g.arrangement, Some(Arrangement::Stacked));
        let g = Geometry::of(Rect::new(0, 0, 82, 24), false, 0);
        assert_eq!(g.arrangement, Some(Arrangement::SideBySide));
        let g = Geometry::with_min_pane(Rect::new(0, 0, 120, 40), true, 0, 60);
        assert_eq!(g.arrangement, Some(Arrangement::Stacked));
    }

    #[test]
    fn tiny_screens_are_too_small() {
        let g = Geometry::of(Rect::new(0, 0, 12, 4), true, 0);
        assert!(!g.is_usable());
    }
}
