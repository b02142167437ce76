//! The article list: every loaded article with its source, size, which
//! side it is on, and how similar it is to the current left one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use crate::app::{App, Focus};

use super::theme::Theme;

/// Rows per article.
const ITEM_ROWS: usize = 2;

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
    let fits = (usize::from(inner.height) / ITEM_ROWS).max(1);
    let first = if focused {
        app.list_cursor().saturating_sub(fits - 1)
    } else {
        0
    };
    let (left, right) = app.pair();
    for (slot, index) in (first..app.articles().len()).take(fits).enumerate() {
        let y = inner.y + u16::try_from(slot * ITEM_ROWS).unwrap_or(u16::MAX);
        let article = &app.articles()[index];
        let marker = match (index == left, index == right) {
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
        let title_style = if index == left || index == right {
            theme.chosen
        } else {
            Default::default()
        };
        let first_line = Line::from(vec![
            Span::styled(marker, theme.chosen),
            Span::raw(" "),
            Span::styled(article.title.as_str(), title_style),
        ]);
        let second = format!(
            "   {similarity} · {words} w · {paragraphs} ¶ · {}",
            article.source
        );
        let second_line = Line::from(Span::styled(second, theme.dim));
        let width = inner.width;
        buf.set_line(inner.x, y, &first_line, width);
        if y + 1 < inner.y + inner.height {
            buf.set_line(inner.x, y + 1, &second_line, width);
        }
        if focused && index == app.list_cursor() {
            buf.set_style(
                Rect::new(inner.x, y, width, 2.min(inner.y + inner.height - y)),
                theme.selected,
            );
        }
    }
}
