//! The bottom lines: the status bar (pair, similarity, counts, position)
//! and below it the key hints, or the search prompt, or a message.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::keymap::hints;
use crate::app::rows::Side;
use crate::app::wrap::display_width;
use crate::app::{App, Focus};

use super::theme::Theme;

/// Draws the status bar, and the hint line when there is room for it.
pub fn render_status(
    app: &App,
    theme: &Theme,
    status: Rect,
    hints_area: Option<Rect>,
    buf: &mut Buffer,
) {
    buf.set_style(status, theme.status);
    let (left, right) = app.pair();
    let summary = app.summary();
    let similarity = app.alignment().similarity * 100.0;
    let s = summary;
    let variants = [
        format!(
            " {} ⇄ {} · {similarity:.0}% similar · {} linked · {} reworded · {} moved · {} only L · {} only R",
            left + 1,
            right + 1,
            s.linked,
            s.reworded,
            s.moved,
            s.only_left,
            s.only_right
        ),
        format!(
            " {}⇄{} {similarity:.0}% · {} link · {} rew · {} mov · {}◂ {}▸",
            left + 1,
            right + 1,
            s.linked,
            s.reworded,
            s.moved,
            s.only_left,
            s.only_right
        ),
        format!(" {}⇄{} {similarity:.0}%", left + 1, right + 1),
    ];
    let position = position(app);
    let position_width = u16::try_from(display_width(&position)).unwrap_or(u16::MAX);
    let room = status.width.saturating_sub(position_width + 2);
    let fits = |v: &&String| display_width(v) <= usize::from(room);
    let facts = variants.iter().find(fits).unwrap_or(&variants[2]);
    buf.set_stringn(status.x, status.y, facts, usize::from(room), theme.status);
    let x = status.x + status.width.saturating_sub(position_width);
    buf.set_stringn(
        x,
        status.y,
        &position,
        usize::from(status.width),
        theme.status,
    );
    let bottom = match hints_area {
        Some(area) => area,
        None if app.search().prompt().is_some() || app.message().is_some() => status,
        None => return,
    };
    let line = bottom_line(app, theme);
    buf.set_line(bottom.x, bottom.y, &line, bottom.width);
}

/// `¶ 3/40 · 12% · paragraphs` for the focused side at the top row.
fn position(app: &App) -> String {
    let side = if app.focus() == Focus::Right {
        Side::Right
    } else {
        Side::Left
    };
    let model = app.model();
    let rows = app.geometry().body_rows();
    let units = match side {
        Side::Left => &app.alignment().left,
        Side::Right => &app.alignment().right,
    };
    let paragraph = (app.scroll()..app.scroll() + rows)
        .filter_map(|row| model.line_at(side, row)?.unit)
        .next()
        .and_then(|u| units.get(u))
        .map_or(0, |u| u.paragraph + 1);
    let total = app.article(side).map_or(0, |a| a.paragraphs.len());
    let max = model.rows.saturating_sub(rows);
    let percent = (app.scroll() * 100).checked_div(max).unwrap_or(100);
    let tag = if side == Side::Left { "L" } else { "R" };
    format!(
        "{tag} ¶{paragraph}/{total} · {percent}% · {}s ",
        app.granularity().name()
    )
}

fn bottom_line<'a>(app: &'a App, theme: &Theme) -> Line<'a> {
    if let Some(typed) = app.search().prompt() {
        return Line::from(vec![
            Span::styled("/", theme.hint_key),
            Span::raw(typed),
            Span::styled("█", theme.dim),
            Span::styled("   Enter search · Esc cancel", theme.hints),
        ]);
    }
    if let Some(message) = app.message() {
        return Line::from(Span::styled(format!(" {message}"), theme.hint_key));
    }
    let mut spans = vec![Span::raw(" ")];
    let mut all: Vec<(String, &str)> = hints().collect();
    all.sort_by_key(|(_, what)| *what != "help");
    for (key, what) in all {
        spans.push(Span::styled(key, theme.hint_key));
        spans.push(Span::styled(format!(" {what}   "), theme.hints));
    }
    Line::from(spans)
}
