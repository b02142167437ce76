//! The article list: every loaded article numbered as the matrix, facts
//! and coverage name it (1–9, then a–z, then A–Z), with its display name, which side
//! it is on, its size and similarity to the left one; below, a details line
//! (outlet, byline, date, file) for the selected article, or for L and R.
//!
//! ```text
//! ┌ Articles (5) ───────────┐
//! │1 L Media: U.S. Ready to…│  number, side, display name
//! │    left · 730 w · 35 ¶  │  similarity to L, size
//! │2 R The United States is…│
//! │    66% like L · 547 w … │
//! │ …                       │
//! │── 2 ────────────────────│  details of the selection (or L and R)
//! │example.org · Jane Doe · │
//! └─────────────────────────┘
//! ```

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use crate::app::corpus_views::article_mark;
use crate::app::wrap::wrap_ranges;
use crate::app::{App, Focus};

use super::fit::fit;
use super::theme::Theme;

/// Rows per article.
const ITEM_ROWS: usize = 2;
/// Rows at most for the details of one article.
const DETAIL_ROWS: usize = 3;

/// Draws the list with a border on its right.
pub fn render_list(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let focused = app.focus() == Focus::List;
    let title = format!(" Articles ({}) ", app.articles().len());
    let block = Block::new().borders(Borders::RIGHT).title(Span::styled(
        title,
        if focused {
            theme.header_focused
        } else {
            theme.header
        },
    ));
    let inner = block.inner(area);
    block.render(area, buf);
    let inner = Rect {
        y: inner.y + 1,
        height: inner.height.saturating_sub(1),
        width: inner.width.saturating_sub(1),
        ..inner
    };
    let details = details_lines(app, theme, usize::from(inner.width));
    let items_height = usize::from(inner.height).saturating_sub(details.len());
    let details = if items_height >= ITEM_ROWS {
        details
    } else {
        Vec::new()
    };
    let items_height = usize::from(inner.height) - details.len();
    let fits = (items_height / ITEM_ROWS).max(1);
    // Keep the selection in view, or (unfocused) both the pair's articles.
    let (left, right) = app.pair();
    let anchor = if focused {
        app.list_cursor()
    } else {
        left.max(right)
    };
    let first = anchor.saturating_sub(fits - 1);
    for (slot, index) in (first..app.articles().len()).take(fits).enumerate() {
        let y = inner.y + u16::try_from(slot * ITEM_ROWS).unwrap_or(u16::MAX);
        let rows = u16::try_from(items_height.saturating_sub(slot * ITEM_ROWS).min(ITEM_ROWS))
            .unwrap_or(0);
        render_item(
            app,
            theme,
            index,
            Rect::new(inner.x, y, inner.width, rows),
            buf,
        );
    }
    let top = inner.y + u16::try_from(items_height).unwrap_or(u16::MAX);
    for (i, line) in details.iter().enumerate() {
        let y = top + u16::try_from(i).unwrap_or(u16::MAX);
        buf.set_line(inner.x, y, line, inner.width);
    }
}

/// One article's two rows: number, side and name; then its figures.
fn render_item(app: &App, theme: &Theme, index: usize, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let (left, right) = app.pair();
    let side = match (index == left, index == right) {
        (true, true) => "LR",
        (true, false) => "L ",
        (false, true) => " R",
        _ => "  ",
    };
    let (words, paragraphs) = app.stats(index);
    let similarity = match app.similarity_to_left(index) {
        _ if index == left => "left".to_string(),
        Some(s) => format!("{:.0}% like L", s * 100.0),
        None => String::new(),
    };
    let chosen = index == left || index == right;
    let name_style = if chosen {
        theme.chosen
    } else {
        Default::default()
    };
    let lead = format!("{} {side} ", article_mark(index));
    let room = usize::from(area.width).saturating_sub(lead.chars().count());
    let first_line = Line::from(vec![
        Span::styled(lead, theme.hint_key),
        Span::styled(fit(app.name(index), room), name_style),
    ]);
    let figures = format!("    {similarity} · {words} w · {paragraphs} ¶");
    let figures = fit(&figures, usize::from(area.width));
    let second_line = Line::from(Span::styled(figures, theme.dim));
    buf.set_line(area.x, area.y, &first_line, area.width);
    if area.height > 1 {
        buf.set_line(area.x, area.y + 1, &second_line, area.width);
    }
    if app.focus() == Focus::List && index == app.list_cursor() {
        buf.set_style(area, theme.selected);
    }
}

/// The details block: a rule naming the article, then its details
/// wrapped to `width` — for the list's selection while the list has
/// focus, else for the left and the right article.
fn details_lines<'a>(app: &App, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let (left, right) = app.pair();
    let shown: Vec<(String, usize)> = if app.focus() == Focus::List {
        vec![(String::new(), app.list_cursor())]
    } else if left == right {
        vec![("L R ".into(), left)]
    } else {
        vec![("L ".into(), left), ("R ".into(), right)]
    };
    let mut out = Vec::new();
    for (tag, index) in shown {
        let Some(article) = app.articles().get(index) else {
            continue;
        };
        let head = format!("── {tag}{} ", article_mark(index));
        let rule = "─".repeat(width.saturating_sub(head.chars().count()));
        out.push(Line::from(Span::styled(format!("{head}{rule}"), theme.dim)));
        let text = article.details();
        let ranges = wrap_ranges(&text, width, width);
        let cut = ranges.len() > DETAIL_ROWS;
        for (n, range) in ranges.into_iter().take(DETAIL_ROWS).enumerate() {
            let piece = text.get(range).unwrap_or_default();
            let piece = if cut && n + 1 == DETAIL_ROWS {
                fit(&format!("{piece} …"), width)
            } else {
                piece.to_string()
            };
            out.push(Line::from(Span::styled(piece, theme.dim)));
        }
    }
    out
}
