//! Moving through the pair: scrolling, jumping between differences and
//! search matches, and to a moved group's place in the other text.

use super::App;
use super::rows::Side;

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

    fn cursor_visible(&self) -> Option<usize> {
        let cursor = self.cursor?;
        let start = self.model.groups.get(cursor)?.start;
        (start >= self.scroll && start < self.scroll + self.geometry.body_rows()).then_some(cursor)
    }

    /// n/N without a search: the next difference after the current one
    /// (or after the top of the screen).
    pub(super) fn jump_difference(&mut self, forward: bool) {
        let groups = &self.model.groups;
        let found = match (self.cursor_visible(), forward) {
            (Some(c), true) => (c + 1..groups.len()).find(|&i| groups[i].kind.is_difference()),
            (Some(c), false) => (0..c).rev().find(|&i| groups[i].kind.is_difference()),
            (None, true) => (0..groups.len())
                .find(|&i| groups[i].kind.is_difference() && groups[i].start >= self.scroll),
            (None, false) => (0..groups.len())
                .rev()
                .find(|&i| groups[i].kind.is_difference() && groups[i].start < self.scroll),
        };
        match found {
            Some(i) => {
                self.cursor = Some(i);
                let start = self.model.groups[i].start;
                self.scroll_to(start);
            }
            None if forward => self.message = Some("no more differences below".into()),
            None => self.message = Some("no more differences above".into()),
        }
    }

    /// n/N with a search: the next match after the current one.
    pub(super) fn jump_hit(&mut self, forward: bool) {
        let hits = self.search.hits();
        if hits.is_empty() {
            self.message = Some(format!("no matches for “{}”", self.search.query()));
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
        let group = &self.alignment.groups[model.groups[index].group];
        let first_right = group.right.iter().copied().min().unwrap_or(0);
        let paragraph = self
            .alignment
            .right
            .get(first_right)
            .map_or(0, |u| u.paragraph);
        let target = match first_right.checked_sub(1) {
            Some(before) => model.row_of(Side::Right, before, 0).unwrap_or(0),
            None => 0,
        };
        let from = self.scroll;
        self.cursor = Some(index);
        self.scroll_to(target);
        self.moved_return = Some((self.scroll, from));
        self.message = Some(format!(
            "right ¶{} belongs after this in the right article — m: back",
            paragraph + 1
        ));
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
