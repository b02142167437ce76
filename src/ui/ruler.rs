//! The overview ruler: the whole pair in one column. Each cell stands for
//! a slice of the row model and shows the most telling thing in it; the
//! cells of the visible rows are drawn in reverse video.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::app::App;
use crate::app::rows::GroupKind;

use super::theme::Theme;

/// The glyph of a slice kind; distinct shapes so it reads without colour.
pub fn glyph(kind: GroupKind) -> &'static str {
    match kind {
        GroupKind::Same => "·",
        GroupKind::Reworded => "~",
        GroupKind::Moved => "↕",
        GroupKind::OnlyLeft => "◂",
        GroupKind::OnlyRight => "▸",
    }
}

/// The style of a slice kind.
pub fn kind_style(kind: GroupKind, theme: &Theme) -> Style {
    match kind {
        GroupKind::Same => theme.same,
        GroupKind::Reworded => theme.reworded,
        GroupKind::Moved => theme.moved,
        GroupKind::OnlyLeft => theme.only_left,
        GroupKind::OnlyRight => theme.only_right,
    }
}

/// Draws the ruler; its first row lines up with the pane headers.
pub fn render_ruler(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let model = app.model();
    let cells = app.overview();
    if area.height < 2 || cells.is_empty() || model.rows == 0 {
        return;
    }
    buf.set_string(area.x, area.y, "≡", theme.header);
    let visible = app.scroll()..app.scroll() + app.geometry().body_rows();
    for (cell, (kind, y)) in cells
        .iter()
        .zip(area.y + 1..area.y + area.height)
        .enumerate()
    {
        let slice = cell * model.rows / cells.len()..(cell + 1) * model.rows / cells.len();
        let slice = slice.start..slice.end.max(slice.start + 1);
        let mut style = kind.map_or(Style::new(), |k| kind_style(k, theme));
        if slice.start < visible.end && visible.start < slice.end {
            style = style.patch(theme.viewport);
        }
        buf.set_string(area.x, y, kind.map_or(" ", glyph), style);
    }
}
