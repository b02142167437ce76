//! The similarity matrix: one row and one column per article, each cell
//! the pair's similarity as a number on a heat shade, the selected cell
//! bracketed and reversed (so it reads without colour), and below the
//! grid the two articles of the selected cell.
//!
//! ```text
//! ┌ Similarity of every pair ─────────────────────┐
//! │                      1      2      3      4   │
//! │ 1 Trump envoy…       —     64%    71%    22%  │
//! │ 2 Witkoff says…     64%     —   [58%]   19%   │
//! │                                               │
//! │ row 2: …  ⇄  column 3: …  · 58% similar       │
//! └───────────────────────────────────────────────┘
//! ```

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use crate::app::App;
use crate::app::corpus_views::article_mark;
use crate::corpus::Comparison;

use super::heat::heat;
use super::theme::Theme;

/// Columns per cell.
const CELL: u16 = 7;
/// Rows under the grid: a blank line and the two selected articles (and
/// a note on what the numbers mean, when there is room).
const FOOTER: u16 = 3;

/// Draws the matrix over `area`.
pub fn render_matrix(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    super::overlay::clear(area, buf);
    let block = Block::new().borders(Borders::ALL).title(Span::styled(
        " Similarity of every pair — share of text linked ",
        theme.hint_key,
    ));
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(comparison) = app.comparison_ready() else {
        buf.set_stringn(
            inner.x,
            inner.y,
            "computing…",
            usize::from(inner.width),
            theme.dim,
        );
        return;
    };
    let n = app.articles().len();
    let label = (inner.width / 3).clamp(6, 30);
    let columns = usize::from(inner.width.saturating_sub(label) / CELL).max(1);
    let rows = usize::from(inner.height.saturating_sub(1 + FOOTER)).max(1);
    let (row, column) = app.matrix_cursor();
    let first_column = window_start(column, columns);
    let first_row = window_start(row, rows);
    let shown_columns = first_column..n.min(first_column + columns);
    for (slot, c) in shown_columns.clone().enumerate() {
        let x = inner.x + label + CELL * slot as u16;
        let style = if c == column {
            theme.cursor
        } else {
            theme.header
        };
        let text = format!(" {:>4}  ", article_mark(c));
        buf.set_stringn(x, inner.y, text, usize::from(CELL), style);
    }
    for (slot, r) in (first_row..n.min(first_row + rows)).enumerate() {
        let y = inner.y + 1 + slot as u16;
        let mark = format!("{} ", article_mark(r));
        let room = usize::from(label.saturating_sub(1)).saturating_sub(mark.len());
        let title = super::fit::fit(app.name(r), room);
        let style = if r == row { theme.cursor } else { theme.header };
        let head = Line::from(vec![Span::styled(mark, style), Span::raw(title)]);
        buf.set_line(inner.x, y, &head, label.saturating_sub(1));
        for (slot, c) in shown_columns.clone().enumerate() {
            let x = inner.x + label + CELL * slot as u16;
            let (text, style) = cell(comparison, r, c, (row, column), theme);
            buf.set_stringn(x, y, text, usize::from(CELL), style);
        }
    }
    let grid_rows = u16::try_from(n.min(rows)).unwrap_or(u16::MAX);
    let footer = Rect {
        y: inner.y + 1 + grid_rows,
        height: inner.height.saturating_sub(1 + grid_rows),
        ..inner
    };
    render_footer(app, comparison, theme, footer, buf);
}

/// The first index shown so that `at` is inside a window of `size`.
fn window_start(at: usize, size: usize) -> usize {
    (at + 1).saturating_sub(size)
}

fn cell(
    comparison: &Comparison,
    r: usize,
    c: usize,
    cursor: (usize, usize),
    theme: &Theme,
) -> (String, Style) {
    let value = comparison.matrix.get(r, c);
    let number = if r == c {
        "—".to_string()
    } else {
        format!("{:.0}%", value * 100.0)
    };
    if (r, c) == cursor {
        let style = heat(value, theme.mode).patch(theme.cursor);
        return (format!("[{number:>4}] "), style);
    }
    let style = if r == c {
        theme.dim
    } else {
        heat(value, theme.mode)
    };
    (format!(" {number:>4}  "), style)
}

fn render_footer(app: &App, comparison: &Comparison, theme: &Theme, inner: Rect, buf: &mut Buffer) {
    if inner.height < FOOTER {
        return;
    }
    let (row, column) = app.matrix_cursor();
    let y = inner.y + 1;
    if inner.height > FOOTER {
        let note = "share of the pair's text linked by the alignment; brighter = more";
        buf.set_stringn(inner.x, y + 2, note, usize::from(inner.width), theme.dim);
    }
    let describe = |side: &'static str, index: usize| {
        let details = format!(" · {}", app.articles()[index].details());
        // Room for the details after "NN%  left  1: " and the name.
        let room = usize::from(inner.width)
            .saturating_sub(15 + details.chars().count())
            .max(24);
        Line::from(vec![
            Span::styled(format!("{side} {}: ", article_mark(index)), theme.hint_key),
            Span::raw(super::fit::fit(app.name(index), room)),
            Span::styled(details, theme.dim),
        ])
    };
    let width = inner.width;
    if row == column {
        let line = Line::from(Span::styled(
            format!(
                "{}: the diagonal compares an article with itself",
                article_mark(row)
            ),
            theme.dim,
        ));
        buf.set_line(inner.x, y, &line, width);
        return;
    }
    let mut left = describe("left ", row);
    let similarity = comparison.matrix.get(row, column) * 100.0;
    left.spans.insert(
        0,
        Span::styled(format!("{similarity:>3.0}%  "), theme.hint_key),
    );
    buf.set_line(inner.x, y, &left, width);
    let mut right = describe("right", column);
    right.spans.insert(0, Span::raw("      "));
    buf.set_line(inner.x, y + 1, &right, width);
}
