//! Reader settings a config file or command-line flags can set. The
//! defaults suit a first run: the story first, panes side by side as soon
//! as each gets a readable column.

/// How the reader starts and lays itself out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReaderOptions {
    /// Start with page furniture (boilerplate, captions) hidden; `b` shows it.
    pub hide_furniture: bool,
    /// The panes sit side by side when each gets at least this many
    /// columns (gutter included); narrower, they stack.
    pub min_pane_width: u16,
}

/// Default [`ReaderOptions::min_pane_width`]: 32 columns of text beside
/// the gutter, a newspaper column. With the list that is 120 screen
/// columns, without it 82.
pub const MIN_PANE_WIDTH: u16 = 40;

impl Default for ReaderOptions {
    fn default() -> Self {
        ReaderOptions {
            hide_furniture: true,
            min_pane_width: MIN_PANE_WIDTH,
        }
    }
}
