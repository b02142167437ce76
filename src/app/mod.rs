//! The reader's state and the one place it changes: [`App::update`].
//!
//! The app asks the engine for alignments (cached per pair and
//! granularity) and lays them out into a [`rows::RowModel`] (cached per
//! width); widgets in [`crate::ui`] only read it.

pub mod action;
pub mod geometry;
pub mod keymap;
mod navigation;
mod pairs;
pub mod rows;
pub mod search;
mod side_lines;
mod update;
pub mod wrap;

use std::rc::Rc;

use crate::align::{Alignment, Granularity};
use crate::article::Article;

use crate::report::align_json::Summary;
pub use action::Action;
use geometry::Geometry;
use keymap::Mode;
use pairs::AlignmentCache;
use rows::{GroupKind, RowModel, Side};
use search::Search;

/// Which part of the screen keys go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Left,
    Right,
    List,
}

/// Everything the reader shows, derived caches included.
pub struct App {
    articles: Vec<Article>,
    /// Per article: (words, paragraphs), counted once.
    stats: Vec<(usize, usize)>,
    left: usize,
    right: usize,
    granularity: Granularity,
    cache: AlignmentCache,
    alignment: Rc<Alignment>,
    /// Per article: similarity to the current left one.
    similarity: Vec<f64>,
    model: RowModel,
    /// The overview ruler's cells for the current model and height.
    overview: Vec<Option<GroupKind>>,
    /// Group counts of the current alignment.
    summary: Summary,
    geometry: Geometry,
    scroll: usize,
    /// The difference n/N last landed on (index into the model's groups).
    cursor: Option<usize>,
    /// After `m`: where it jumped to and where it came from.
    moved_return: Option<(usize, usize)>,
    focus: Focus,
    list_visible: bool,
    list_cursor: usize,
    words: bool,
    hide_furniture: bool,
    help: bool,
    /// First line of the help overlay shown (on screens too low for all).
    help_scroll: usize,
    search: Search,
    message: Option<String>,
    quit: bool,
}

impl App {
    /// A reader over `articles` (at least one), comparing the first two.
    pub fn new(articles: Vec<Article>) -> Self {
        let stats = articles
            .iter()
            .map(|a| (a.word_count(), a.paragraphs.len()))
            .collect();
        let right = usize::from(articles.len() > 1);
        let mut app = App {
            articles,
            stats,
            left: 0,
            right,
            granularity: Granularity::Paragraph,
            cache: AlignmentCache::default(),
            alignment: Rc::new(Alignment {
                granularity: Granularity::Paragraph,
                left: Vec::new(),
                right: Vec::new(),
                groups: Vec::new(),
                similarity: 0.0,
            }),
            similarity: Vec::new(),
            model: RowModel::default(),
            overview: Vec::new(),
            summary: Summary::default(),
            geometry: Geometry::default(),
            scroll: 0,
            cursor: None,
            moved_return: None,
            focus: Focus::Left,
            list_visible: true,
            list_cursor: 0,
            words: true,
            hide_furniture: false,
            help: false,
            help_scroll: 0,
            search: Search::default(),
            message: None,
            quit: false,
        };
        app.open_pair(0, right);
        app
    }

    pub fn articles(&self) -> &[Article] {
        &self.articles
    }
    /// (words, paragraphs) of article `index`.
    pub fn stats(&self, index: usize) -> (usize, usize) {
        self.stats.get(index).copied().unwrap_or_default()
    }
    /// Indices of the left and right articles.
    pub fn pair(&self) -> (usize, usize) {
        (self.left, self.right)
    }
    pub fn article(&self, side: Side) -> Option<&Article> {
        self.articles.get(if side == Side::Left {
            self.left
        } else {
            self.right
        })
    }
    pub fn alignment(&self) -> &Alignment {
        &self.alignment
    }
    pub fn granularity(&self) -> Granularity {
        self.granularity
    }
    /// Similarity of article `index` to the current left one.
    pub fn similarity_to_left(&self, index: usize) -> Option<f64> {
        self.similarity.get(index).copied()
    }
    pub fn model(&self) -> &RowModel {
        &self.model
    }
    /// The overview ruler: per cell, the most telling kind of its slice.
    pub fn overview(&self) -> &[Option<GroupKind>] {
        &self.overview
    }
    /// Counts of linked, reworded, moved and one-sided groups.
    pub fn summary(&self) -> Summary {
        self.summary
    }
    pub fn geometry(&self) -> &Geometry {
        &self.geometry
    }
    /// The top row of the panes.
    pub fn scroll(&self) -> usize {
        self.scroll
    }
    /// The difference n/N landed on, as an index into the model's groups.
    pub fn cursor(&self) -> Option<usize> {
        self.cursor
    }
    pub fn focus(&self) -> Focus {
        self.focus
    }
    pub fn list_visible(&self) -> bool {
        self.list_visible
    }
    pub fn list_cursor(&self) -> usize {
        self.list_cursor
    }
    /// Word highlights shown.
    pub fn words(&self) -> bool {
        self.words
    }
    pub fn hide_furniture(&self) -> bool {
        self.hide_furniture
    }
    pub fn help_open(&self) -> bool {
        self.help
    }
    /// How far the help overlay is scrolled.
    pub fn help_scroll(&self) -> usize {
        self.help_scroll
    }
    pub fn search(&self) -> &Search {
        &self.search
    }
    /// A one-off note for the status bar (e.g. "no more differences").
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Recomputes the ruler's cells (after a re-layout or a resize), so a
    /// frame never walks the whole document.
    fn refresh_overview(&mut self) {
        let cells = usize::from(self.geometry.ruler.height.saturating_sub(1));
        self.overview = self.model.overview(cells);
    }

    /// What keys mean right now.
    pub fn mode(&self) -> Mode {
        if self.help {
            Mode::Help
        } else if self.search.prompt().is_some() {
            Mode::Prompt
        } else if self.focus == Focus::List {
            Mode::List
        } else {
            Mode::Panes
        }
    }
}
