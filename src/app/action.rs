//! The one vocabulary of the reader: every key, mouse wheel, resize and
//! prompt edit becomes an [`Action`], and only [`crate::app::App::update`]
//! acts on it.

use super::jobs::{JobId, JobOutput, Progress};

/// Something the user (or the terminal, or a background job) asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Scroll the panes (or move the list cursor) down by rows.
    Down(usize),
    /// Scroll the panes (or move the list cursor) up by rows.
    Up(usize),
    /// Scroll down by one screen.
    PageDown,
    /// Scroll up by one screen.
    PageUp,
    /// To the first row.
    Top,
    /// To the last screen.
    Bottom,
    /// To the next difference, or the next search match while searching.
    Next,
    /// To the previous difference, or the previous search match.
    Previous,
    /// To where the visible moved group sits in the other article; again to
    /// come back.
    Moved,
    /// Cycle focus: left pane, right pane, article list.
    FocusNext,
    /// The next pair of articles (right side advances; wraps to next left).
    NextPair,
    /// The previous pair of articles.
    PreviousPair,
    /// In the list: make the selected article the left one.
    SetLeft,
    /// In the list: make the selected article the right one.
    SetRight,
    /// Swap left and right.
    Swap,
    /// Open the search prompt.
    StartSearch,
    /// Type a character into the search prompt.
    SearchInput(char),
    /// Delete the last character of the search prompt.
    SearchBackspace,
    /// Run the typed search.
    SearchSubmit,
    /// Leave the prompt, help, or search; quit when there is nothing to leave.
    Back,
    /// Word highlights on or off.
    ToggleWords,
    /// The focused side's order drives the rows (again: the other side's).
    ToggleOrder,
    /// A mouse click at (column, row) of the screen: focus what is there.
    Click(u16, u16),
    /// Paragraph or sentence granularity.
    ToggleGranularity,
    /// Hide or show boilerplate and captions.
    ToggleFurniture,
    /// Hide or show the article list.
    ToggleList,
    /// Show or hide the key help.
    ToggleHelp,
    /// Open or close the similarity matrix of every pair.
    ToggleMatrix,
    /// Open or close the list of facts across all articles.
    ToggleFacts,
    /// Show or hide the coverage markers beside each paragraph.
    ToggleCoverage,
    /// Show only the paragraphs no other article carries, or everything.
    ToggleUnique,
    /// In the matrix: one cell to the left.
    CellLeft,
    /// In the matrix: one cell to the right.
    CellRight,
    /// In the matrix or the facts list: open what is selected.
    Open,
    /// The terminal has a new size (columns, rows).
    Resize(u16, u16),
    /// Leave the reader.
    Quit,
    /// A background job got further.
    JobProgress(JobId, Progress),
    /// A background job ended; dropped when it was cancelled or replaced.
    JobDone(JobId, JobOutput),
    /// A background job has a first, partial result (a big pair's
    /// preview) and goes on; dropped when the job no longer runs.
    JobPartial(JobId, JobOutput),
}
