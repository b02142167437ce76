//! Moving through the pair: scrolling, jumping between differences and
//! search matches, and to a moved group's place in the other text.

use super::rows::Side;
use super::{Action, App};

impl App {
    /// The last row that can be at the top.
    fn max_scroll(&self) -> usize {
        self.model.rows.saturating_sub(self.geometry.body_rows())
    }

    pub(super) fn clamp_scroll(&mut self) {
        self.scroll = self.scroll.min(self.max_scroll());
    }

    pub(super) fn scroll_to(&mut self, row: usize) {
        self.scroll = row.min(self.max_scroll());
    }

    /// Scrolls only if `row` is off screen, then shows it a third down.
    fn reveal(&mut self, row: usize) {
        let rows = self.geometry.body_rows();
        if row < self.scroll || row >= self.scroll + rows {
            self.scroll_to(row.saturating_sub(rows / 3));
        }
    }

    /// The difference last jumped to, while any row of it is on screen
    /// (a long paragraph's top may be above it).
    pub(super) fn cursor_visible(&self) -> Option<usize> {
        let cursor = self.cursor?;
        let group = self.model.groups.get(cursor)?;
        let on_screen = group.start < self.scroll + self.geometry.body_rows()
            && self.scroll < group.start + group.height.max(1);
        on_screen.then_some(cursor)
    }

    /// n/N without a search: the next difference after the current one
    /// (or after the top of the screen), or the current one's next
    /// changed line off screen when it is taller than the screen. Page
    /// furniture is never a stop.
    pub(super) fn jump_difference(&mut self, forward: bool) {
        // A paragraph taller than the screen is stepped through first:
        // its next changed line below the screen (or above it, for N).
        if let Some(c) = self.cursor_visible() {
            let (top, bottom) = (self.scroll, self.scroll + self.geometry.body_rows());
            let within = if forward {
                self.model.marked_row(c, bottom..usize::MAX, true)
            } else {
                self.model.marked_row(c, 0..top, false)
            };
            if let Some(row) = within {
                self.reveal(row);
                self.message = Some(if forward {
                    "further down this paragraph".into()
                } else {
                    "further up this paragraph".into()
                });
                return;
            }
        }
        let groups = &self.model.groups;
        let stops = &self.differences;
        let found = match (self.cursor_visible(), forward) {
            (Some(c), true) => stops.iter().copied().find(|&i| i > c),
            (Some(c), false) => stops.iter().copied().rev().find(|&i| i < c),
            (None, true) => stops
                .iter()
                .copied()
                .find(|&i| groups[i].start >= self.scroll),
            // As n from the top stops at the first difference on screen,
            // N from the bottom (after G) stops at the last one.
            (None, false) => stops
                .iter()
                .copied()
                .rev()
                .find(|&i| groups[i].start < self.scroll + self.geometry.body_rows()),
        };
        match found {
            Some(i) => {
                self.cursor = Some(i);
                let start = self.model.groups[i].start;
                self.scroll_to(start);
                // A long paragraph's first changed word may be screens
                // below its top: then it is shown a third down instead.
                if let Some(row) = self.model.first_marked_row(i) {
                    self.reveal(row);
                }
                self.flash_group(i, None);
            }
            // With none at all, say so rather than "no more" (not that
            // the texts match: the pair may not be aligned yet, and case,
            // quotes and "percent" / "%" compare alike).
            None if stops.is_empty() => self.message = Some("no differences to visit".into()),
            None if forward => self.message = Some("no more differences below".into()),
            None => self.message = Some("no more differences above".into()),
        }
    }

    /// Marks the content rows of shown group `index` until the next key.
    pub(super) fn flash_group(&mut self, index: usize, side: Option<Side>) {
        if let Some(g) = self.model.groups.get(index) {
            let end = g.start + g.height.saturating_sub(1).max(1);
            self.flash = Some(super::Flash {
                side,
                rows: g.start..end,
            });
        }
    }

    /// n/N with a search: the next match after the current one.
    pub(super) fn jump_hit(&mut self, forward: bool) {
        let hits = self.search.hits();
        if hits.is_empty() {
            self.message = Some(match self.search.hidden() {
                0 => format!("no matches for “{}”", self.search.query()),
                hidden => format!(
                    "no matches shown for “{}”; {hidden} in hidden furniture — {} shows",
                    self.search.query(),
                    self.key_for(&Action::ToggleFurniture)
                ),
            });
            return;
        }
        let count = hits.len();
        let next = match self.search.current() {
            Some(i) if forward => (i + 1) % count,
            Some(i) => (i + count - 1) % count,
            None if forward => hits.iter().position(|h| h.row >= self.scroll).unwrap_or(0),
            None => hits
                .iter()
                .rposition(|h| h.row < self.scroll)
                .unwrap_or(count - 1),
        };
        let row = hits[next].row;
        self.search.set_current(Some(next));
        self.reveal(row);
        self.message = Some(format!(
            "match {} of {count} for “{}”",
            next + 1,
            self.search.query()
        ));
    }

    /// `m`: from the first moved group on screen to where its right-hand
    /// text sits in the right article; pressed again there, back.
    pub(super) fn jump_moved(&mut self) {
        if let Some((_, from)) = self
            .moved_return
            .take()
            .filter(|&(to, _)| to == self.scroll)
        {
            self.scroll_to(from);
            self.message = Some("back from the moved group".into());
            return;
        }
        let rows = self.geometry.body_rows();
        let model = &self.model;
        let visible = |i: &usize| {
            model.groups[*i].start + model.groups[*i].height > self.scroll
                && model.groups[*i].start < self.scroll + rows
        };
        let moved = |i: &usize| model.groups[*i].kind == super::rows::GroupKind::Moved;
        let candidate = (0..model.groups.len())
            .filter(visible)
            .find(moved)
            .or_else(|| {
                (0..model.groups.len())
                    .filter(|i| model.groups[*i].start >= self.scroll)
                    .find(moved)
            });
        let Some(index) = candidate else {
            self.message = Some("no moved groups here or below".into());
            return;
        };
        // The side that does not drive the row order is the one whose text
        // sits elsewhere in its own article.
        let other = match self.order {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        };
        let group = &self.alignment.groups[model.groups[index].group];
        let (members, units) = match other {
            Side::Left => (&group.left, &self.alignment.left),
            Side::Right => (&group.right, &self.alignment.right),
        };
        let first = members.iter().copied().min().unwrap_or(0);
        let paragraph = units.get(first).map_or(0, |u| u.paragraph);
        let before = first.checked_sub(1).and_then(|b| model.row_of(other, b, 0));
        let target = before.unwrap_or(0);
        let flash_at = model.group_at(target);
        let from = self.scroll;
        self.cursor = Some(index);
        self.scroll_to(target.saturating_sub(self.geometry.body_rows() / 3));
        self.moved_return = Some((self.scroll, from));
        if let Some(g) = flash_at {
            self.flash_group(g, Some(other));
        }
        let (name, tag) = match other {
            Side::Left => ("left", "L"),
            Side::Right => ("right", "R"),
        };
        self.message = Some(match before {
            Some(_) => format!(
                "{tag}¶{} belongs after the marked paragraph in the {name} article — m: back",
                paragraph + 1
            ),
            None => format!("{tag}¶{} opens the {name} article — m: back", paragraph + 1),
        });
    }

    /// A click: on a pane, focus it and mark the paragraph there (n then
    /// goes on from it); on the list, focus it and select the article.
    pub(super) fn click(&mut self, column: u16, row: u16) {
        let at = ratatui::layout::Position::new(column, row);
        let g = self.geometry;
        if g.list.is_some_and(|list| list.contains(at)) {
            self.click_list(row);
            return;
        }
        let (side, pane) = if g.left.contains(at) {
            (Side::Left, g.left)
        } else if g.right.contains(at) {
            (Side::Right, g.right)
        } else {
            return;
        };
        self.focus = if side == Side::Left {
            super::Focus::Left
        } else {
            super::Focus::Right
        };
        let Some(body_row) = row.checked_sub(pane.y + 1) else {
            return;
        };
        let model_row = self.scroll + usize::from(body_row);
        let Some(index) = self.model.group_at(model_row) else {
            return;
        };
        self.cursor = Some(index);
        self.flash_group(index, Some(side));
        // The paragraph under the pointer, else the group's first on this side.
        let group = &self.model.groups[index];
        let lines = match side {
            Side::Left => group.left.clone(),
            Side::Right => group.right.clone(),
        };
        let first_unit = lines
            .filter_map(|i| self.model.side(side).lines.get(i)?.unit)
            .next();
        let paragraph = self
            .model
            .line_at(side, model_row)
            .and_then(|l| l.unit)
            .or(first_unit)
            .and_then(|u| self.units(side).get(u))
            .map(|u| u.paragraph + 1);
        let tag = if side == Side::Left { "L" } else { "R" };
        self.message = Some(match paragraph {
            Some(p) => format!("{tag}¶{p} — n: next difference from here"),
            None => format!("{tag} pane focused"),
        });
    }

    /// A click on the list: focus it; select the article under the
    /// pointer when the list is not scrolled (a short corpus).
    fn click_list(&mut self, row: u16) {
        let Some(list) = self.geometry.list else {
            return;
        };
        self.focus = super::Focus::List;
        // Two rows per article below a title row; the list only scrolls
        // when its articles overflow the rows left after the details.
        let unscrolled = usize::from(list.height.saturating_sub(10)) / 2;
        let slot = usize::from(row.saturating_sub(list.y + 2)) / 2;
        if row >= list.y + 2 && self.articles().len() <= unscrolled && slot < self.articles().len()
        {
            self.list_cursor = slot;
        }
    }

    /// One side's units in the current alignment.
    fn units(&self, side: Side) -> &[crate::align::Unit] {
        match side {
            Side::Left => &self.alignment.left,
            Side::Right => &self.alignment.right,
        }
    }

    /// Moves the list selection, wrapping at neither end.
    pub(super) fn move_list(&mut self, down: bool, by: usize) {
        let last = self.articles().len().saturating_sub(1);
        self.list_cursor = if down {
            self.list_cursor.saturating_add(by).min(last)
        } else {
            self.list_cursor.saturating_sub(by)
        };
    }
}
