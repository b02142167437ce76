//! The facts view: every fact group across the articles (discrepancies
//! first, as [`crate::facts::extract_facts`] orders them), one row per fact and one per
//! variant. j/k select a variant; Enter shows it in its paragraph, its
//! article on the side of the pair that makes the comparison useful, and
//! the fact's words highlighted there.

use std::ops::Range;
use std::sync::Arc;

use crate::facts::{Fact, Mention};

use super::rows::Side;
use super::search::find_all;
use super::{App, Focus, View};

/// One row of the facts list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactRow {
    /// A fact's title row (index into the facts).
    Fact(usize),
    /// One of its variants: (fact, variant).
    Variant(usize, usize),
}

/// The facts, their rows, and the selection.
#[derive(Debug, Default)]
pub struct FactsList {
    pub facts: Arc<[Fact]>,
    pub rows: Vec<FactRow>,
    /// Indices into `rows` of the variant rows (what j/k select).
    variants: Vec<usize>,
    /// Index into `variants`.
    selected: usize,
    /// First row shown.
    pub scroll: usize,
}

impl FactsList {
    pub(super) fn new(facts: Arc<[Fact]>) -> Self {
        let mut rows = Vec::new();
        for (f, fact) in facts.iter().enumerate() {
            rows.push(FactRow::Fact(f));
            rows.extend((0..fact.variants.len()).map(|v| FactRow::Variant(f, v)));
        }
        let variants = (0..rows.len())
            .filter(|&r| matches!(rows[r], FactRow::Variant(..)))
            .collect();
        FactsList {
            facts,
            rows,
            variants,
            selected: 0,
            scroll: 0,
        }
    }

    /// The row of the selected variant.
    pub fn selected_row(&self) -> Option<usize> {
        self.variants.get(self.selected).copied()
    }

    /// How many facts are discrepancies.
    pub fn discrepancies(&self) -> usize {
        self.facts.iter().filter(|f| f.discrepancy).count()
    }

    fn selected_mention(&self) -> Option<(&Fact, &Mention)> {
        let FactRow::Variant(f, v) = self.rows[self.selected_row()?] else {
            return None;
        };
        let fact = self.facts.get(f)?;
        Some((fact, fact.variants.get(v)?.mentions.first()?))
    }
}

/// Where the jumped-to fact is highlighted in a pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactMark {
    pub side: Side,
    pub unit: usize,
    pub range: Range<usize>,
}

impl App {
    /// Rows of the facts list that fit on screen (inside its frame, under
    /// its heading line).
    pub fn facts_rows_visible(&self) -> usize {
        usize::from(self.geometry.main_area().height.saturating_sub(3)).max(1)
    }

    /// The facts list, once the view has been opened.
    pub fn facts(&self) -> Option<&FactsList> {
        self.facts.as_ref()
    }

    /// `F`: opens the facts list (extracting facts the first time, as a
    /// job; the view opens when it is done).
    pub(super) fn toggle_facts(&mut self) {
        if self.view == View::Facts {
            self.view = View::Reading;
            return;
        }
        if !self.need_facts() {
            return;
        }
        self.view = View::Facts;
        self.keep_fact_visible();
    }

    /// Moves the selection by `by` variants (negative: up).
    pub(super) fn move_fact(&mut self, by: isize) {
        if let Some(list) = self.facts.as_mut() {
            let last = list.variants.len().saturating_sub(1);
            list.selected = list.selected.saturating_add_signed(by).min(last);
        }
        self.keep_fact_visible();
    }

    fn keep_fact_visible(&mut self) {
        let rows = self.facts_rows_visible();
        let Some(list) = self.facts.as_mut() else {
            return;
        };
        let Some(row) = list.selected_row() else {
            return;
        };
        // Show the fact's title row with its first variant.
        let top = if row > 0 && list.rows[row - 1] == FactRow::Fact(fact_of(list.rows[row])) {
            row - 1
        } else {
            row
        };
        if top < list.scroll {
            list.scroll = top;
        } else if row >= list.scroll + rows {
            list.scroll = row + 1 - rows;
        }
    }

    /// Enter in the facts list: the variant's first mention, in its pane.
    pub(super) fn open_fact(&mut self) {
        let Some((fact_articles, mention)) = self
            .facts
            .as_ref()
            .and_then(FactsList::selected_mention)
            .map(|(fact, mention)| (fact.articles(), mention.clone()))
        else {
            return;
        };
        let article = mention.article;
        let (left, right) = self.pair_showing(&fact_articles, article);
        self.view = View::Reading;
        self.search.clear();
        if (left, right) != (self.left, self.right) {
            self.open_pair(left, right);
        }
        let side = if article == self.left {
            Side::Left
        } else {
            Side::Right
        };
        self.focus = if side == Side::Left {
            Focus::Left
        } else {
            Focus::Right
        };
        let place = format!(
            "“{}” — article {} ¶{}",
            short(&mention.text),
            article + 1,
            mention.paragraph + 1
        );
        let Some(mark) = self.locate(side, &mention) else {
            self.message = Some(format!("{place} is hidden here (boilerplate or filtered)"));
            return;
        };
        match self.model.row_of(side, mark.unit, mark.range.start) {
            Some(row) => {
                self.scroll_to(row.saturating_sub(self.geometry.body_rows() / 3));
                self.message = Some(place);
                if let Some(group) = self.model.group_at(row) {
                    self.flash_group(group, Some(side));
                }
            }
            None => {
                self.message = Some(format!("{place} is hidden here (boilerplate or filtered)"))
            }
        }
        self.fact_mark = Some(mark);
    }

    /// The pair to read a fact variant of `article` in: the current pair if
    /// it has the article; otherwise the article replaces the side that does
    /// not mention the fact (the right one if both or neither do), so the
    /// other side can show another variant.
    fn pair_showing(&self, mentions: &[usize], article: usize) -> (usize, usize) {
        if article == self.left || article == self.right {
            return (self.left, self.right);
        }
        if mentions.contains(&self.right) && !mentions.contains(&self.left) {
            (article, self.right)
        } else {
            (self.left, article)
        }
    }

    /// The unit of `side` holding the mention, and the mention's bytes in it.
    fn locate(&self, side: Side, mention: &Mention) -> Option<FactMark> {
        let units = match side {
            Side::Left => &self.alignment.left,
            Side::Right => &self.alignment.right,
        };
        let in_paragraph = || (0..units.len()).filter(|&u| units[u].paragraph == mention.paragraph);
        let exact = in_paragraph().find_map(|u| {
            let text = &units[u].text;
            let ranges = find_all(text, &mention.text, false);
            let nearest = ranges
                .into_iter()
                .min_by_key(|r| r.start.abs_diff(mention.range.start))?;
            Some((u, nearest))
        });
        let (unit, range) = exact.or_else(|| Some((in_paragraph().next()?, 0..0)))?;
        Some(FactMark { side, unit, range })
    }
}

fn fact_of(row: FactRow) -> usize {
    match row {
        FactRow::Fact(f) | FactRow::Variant(f, _) => f,
    }
}

/// A mention short enough for the status line.
fn short(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let cut: String = text.chars().take(MAX - 1).collect();
    format!("{cut}…")
}
