//! The reader's state and the one place it changes: [`App::update`].
//!
//! The app asks the engine for alignments (cached per pair and
//! granularity) and lays them out into a [`rows::RowModel`] (cached per
//! width); widgets in [`crate::ui`] only read it.

pub mod action;
pub mod corpus_views;
pub mod facts_view;
pub mod geometry;
pub mod job_run;
mod job_update;
pub mod jobs;
pub mod keymap;
mod navigation;
mod options;
pub mod order;
mod pairs;
pub mod preview;
mod preview_swap;
pub mod rows;
pub mod search;
mod shared;
mod side_lines;
pub mod unit_marks;
mod update;
pub mod worker;
pub mod wrap;

use std::sync::Arc;

use crate::align::{Alignment, Granularity};
use crate::article::Article;
use crate::corpus::Comparison;

use crate::report::align_json::Summary;
pub use action::Action;
use facts_view::{FactMark, FactsList};
use geometry::Geometry;
use jobs::{Jobs, Running};
use keymap::Mode;
pub use options::{MIN_PANE_WIDTH, ReaderOptions};
use rows::{GroupKind, RowModel, Side, UnitMarks};
use search::Search;
pub use shared::SharedCorpus;

use std::ops::Range;

/// What fills the screen above the status bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The two panes.
    Reading,
    /// The similarity matrix of every pair.
    Matrix,
    /// The facts across all articles.
    Facts,
}

/// Which part of the screen keys go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Left,
    Right,
    List,
}

/// Rows marked for a moment after a jump (n/N, m, a fact), so the eye
/// finds where it landed; gone with the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash {
    /// The pane to mark; `None` marks both.
    pub side: Option<Side>,
    pub rows: Range<usize>,
}

/// Everything the reader shows, derived caches included.
pub struct App {
    /// The articles and every alignment computed so far; shared with other
    /// readers of the same corpus.
    corpus: SharedCorpus,
    /// Per article: (words, paragraphs), counted once.
    stats: Vec<(usize, usize)>,
    /// Per article: its display name (title or opening words), made once.
    names: Vec<String>,
    left: usize,
    right: usize,
    granularity: Granularity,
    alignment: Arc<Alignment>,
    /// Per article: similarity to the current left one.
    similarity: Vec<f64>,
    /// The word marks of `alignment`'s units, kept across its layouts.
    marks: UnitMarks,
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
    words: crate::report::MarkLevel,
    hide_furniture: bool,
    /// Furniture paragraphs (both sides) the current layout leaves out.
    hidden_furniture: usize,
    /// The jump target marked until the next key.
    flash: Option<Flash>,
    /// Which side's order the rows follow (`o`).
    order: Side,
    /// Indices into the model's groups that `n`/`N` stop at (differences
    /// of the story, furniture never), in row order.
    differences: Vec<usize>,
    options: ReaderOptions,
    help: bool,
    /// First line of the help overlay shown (on screens too low for all).
    help_scroll: usize,
    search: Search,
    message: Option<String>,
    quit: bool,
    view: View,
    /// Every pair compared (matrix and coverage), on first need.
    comparison: Option<Arc<Comparison>>,
    /// The facts view's list, on first opening.
    facts: Option<FactsList>,
    /// The matrix cell selected: (row article, column article).
    matrix_cursor: (usize, usize),
    /// The fact last jumped to from the facts view, highlighted.
    fact_mark: Option<FactMark>,
    /// Coverage markers beside the paragraphs.
    coverage: bool,
    /// Only paragraphs no other article carries.
    unique_only: bool,
    /// What to say once the pair being aligned shows.
    pending_note: Option<String>,
    /// What the partial alignment shown covers, while a big pair's whole
    /// alignment is computed (see [`preview`]).
    preview: Option<preview::Preview>,
    /// A layout a job built for the alignment being installed.
    prebuilt: Option<(jobs::Layout, Arc<RowModel>)>,
    /// Work filed for a runner, and what is running.
    jobs: Jobs,
    /// Keys a config file bound, (key, action): help and hints name them.
    rebound: Vec<(keymap::Key, Action)>,
    /// Jobs run inside `update` as soon as they are filed (tests, tools
    /// without a loop); otherwise a runner takes them (see [`jobs`]).
    inline_jobs: bool,
}

impl App {
    /// A reader over `articles` (at least one), comparing the first two.
    pub fn new(articles: Vec<Article>) -> Self {
        Self::with_corpus(SharedCorpus::new(articles))
    }

    /// A reader over a corpus other readers may share (at least one
    /// article), comparing the first two. Slow work (aligning, facts, the
    /// matrix, searches) runs inside `update`, so every action's effect is
    /// complete when it returns: for tests and tools without a loop.
    pub fn with_corpus(corpus: SharedCorpus) -> Self {
        Self::with_options(corpus, ReaderOptions::default())
    }

    /// A reader with settings from a config file or flags; slow work runs
    /// inside `update`, as in [`App::with_corpus`].
    pub fn with_options(corpus: SharedCorpus, options: ReaderOptions) -> Self {
        Self::build(corpus, options, true)
    }

    /// A reader whose slow work is filed as jobs for a runner (see
    /// [`jobs`] and [`worker::Worker`]): `update` never blocks, and the
    /// first pair shows once its alignment job is done.
    pub fn in_background(corpus: SharedCorpus, options: ReaderOptions) -> Self {
        Self::build(corpus, options, false)
    }

    fn build(corpus: SharedCorpus, options: ReaderOptions, inline_jobs: bool) -> Self {
        let articles = corpus.articles();
        let stats = articles
            .iter()
            .map(|a| (a.word_count(), a.paragraphs.len()))
            .collect();
        let names = articles.iter().map(Article::display_name).collect();
        let right = usize::from(articles.len() > 1);
        let mut app = App {
            corpus,
            stats,
            names,
            left: 0,
            right,
            granularity: Granularity::Paragraph,
            alignment: Arc::new(Alignment {
                granularity: Granularity::Paragraph,
                left: Vec::new(),
                right: Vec::new(),
                groups: Vec::new(),
                similarity: 0.0,
            }),
            similarity: Vec::new(),
            marks: UnitMarks::default(),
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
            words: crate::report::MarkLevel::All,
            hide_furniture: options.hide_furniture,
            hidden_furniture: 0,
            flash: None,
            order: Side::Left,
            differences: Vec::new(),
            options,
            help: false,
            help_scroll: 0,
            search: Search::default(),
            message: None,
            quit: false,
            view: View::Reading,
            comparison: None,
            facts: None,
            matrix_cursor: (0, right),
            fact_mark: None,
            coverage: false,
            unique_only: false,
            prebuilt: None,
            preview: None,
            pending_note: None,
            jobs: Jobs::default(),
            rebound: Vec::new(),
            inline_jobs,
        };
        app.open_pair(0, right);
        app
    }

    /// Tells the reader which keys a config file bound, so help and the
    /// hints name them (the event loop resolves them; see
    /// [`crate::config::KeyBindings`]).
    pub fn set_rebound_keys(&mut self, rebound: Vec<(keymap::Key, Action)>) {
        self.rebound = rebound;
    }
    /// Keys a config file bound, (key, action).
    pub fn rebound_keys(&self) -> &[(keymap::Key, Action)] {
        &self.rebound
    }

    /// The label of the key that does `action` now (see
    /// [`keymap::key_for`]), for messages and hints that name it.
    pub fn key_for(&self, action: &Action) -> String {
        keymap::key_for(action, &self.rebound)
    }

    /// The corpus this reader reads (for a job runner).
    pub fn corpus(&self) -> &SharedCorpus {
        &self.corpus
    }
    /// Jobs filed since the last call, for a runner to start.
    pub fn take_jobs(&mut self) -> Vec<jobs::Job> {
        let layout = (!self.unique_only).then_some(jobs::Layout {
            width: self.geometry.text_width(),
            hide_furniture: self.hide_furniture,
            order: self.order,
        });
        self.jobs.take_new(layout)
    }
    /// The jobs running now, oldest first.
    pub fn running_jobs(&self) -> &[Running] {
        self.jobs.running()
    }

    /// The newest job the user asked for and its count (the progress line).
    pub fn foreground_job(&self) -> Option<(&Running, usize)> {
        let mut shown = self
            .jobs
            .running()
            .iter()
            .filter(|r| r.request.is_foreground());
        let count = shown.clone().count();
        shown.next_back().map(|job| (job, count))
    }

    pub fn articles(&self) -> &[Article] {
        self.corpus.articles()
    }
    /// (words, paragraphs) of article `index`.
    pub fn stats(&self, index: usize) -> (usize, usize) {
        self.stats.get(index).copied().unwrap_or_default()
    }
    /// Article `index`'s display name: its title, else its opening words.
    pub fn name(&self, index: usize) -> &str {
        self.names.get(index).map_or("", String::as_str)
    }
    /// Indices of the left and right articles.
    pub fn pair(&self) -> (usize, usize) {
        (self.left, self.right)
    }
    pub fn article(&self, side: Side) -> Option<&Article> {
        self.articles().get(if side == Side::Left {
            self.left
        } else {
            self.right
        })
    }
    pub fn alignment(&self) -> &Alignment {
        &self.alignment
    }
    /// Set while the panes show a big pair's preview: only its leading
    /// part, aligned alone, until the whole alignment replaces it.
    pub fn preview(&self) -> Option<preview::Preview> {
        self.preview
    }
    /// Whether the pair shown (or the one replacing it) is being aligned.
    pub fn aligning(&self) -> bool {
        self.jobs
            .find(|r| matches!(r.request, jobs::JobRequest::Align { .. }))
            .is_some()
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
    pub fn words(&self) -> crate::report::MarkLevel {
        self.words
    }
    pub fn hide_furniture(&self) -> bool {
        self.hide_furniture
    }
    /// How many furniture paragraphs (both sides) are hidden now.
    pub fn hidden_furniture(&self) -> usize {
        self.hidden_furniture
    }
    /// The jump target marked for a moment.
    pub fn flash(&self) -> Option<&Flash> {
        self.flash.as_ref()
    }
    /// Which side's order the rows follow.
    pub fn reading_order(&self) -> Side {
        self.order
    }
    /// Differences `n` stops at: (the number from 1 of the one last
    /// jumped to, while it is on screen; how many).
    pub fn difference_position(&self) -> (Option<usize>, usize) {
        let current = self
            .cursor_visible()
            .and_then(|c| self.differences.binary_search(&c).ok())
            .map(|k| k + 1);
        (current, self.differences.len())
    }
    /// The settings the reader was started with.
    pub fn options(&self) -> ReaderOptions {
        self.options
    }
    /// The layout of a screen of `area`, as this reader arranges it.
    pub fn layout(&self, area: ratatui::layout::Rect) -> Geometry {
        Geometry::with_min_pane(
            area,
            self.list_visible,
            self.coverage_width(),
            self.options.min_pane_width,
        )
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
    /// What fills the screen above the status bar.
    pub fn view(&self) -> View {
        self.view
    }
    /// The matrix cell selected: (row article, column article).
    pub fn matrix_cursor(&self) -> (usize, usize) {
        self.matrix_cursor
    }
    /// The fact highlighted after a jump from the facts view.
    pub fn fact_mark(&self) -> Option<&FactMark> {
        self.fact_mark.as_ref()
    }
    /// Only paragraphs no other article carries are shown.
    pub fn unique_only(&self) -> bool {
        self.unique_only
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
        } else if self.view == View::Matrix {
            Mode::Matrix
        } else if self.view == View::Facts {
            Mode::Facts
        } else if self.focus == Focus::List {
            Mode::List
        } else {
            Mode::Panes
        }
    }
}
