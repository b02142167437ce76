//! Widgets: drawing is a pure function of [`App`] state and a [`Theme`].
//! Where each part goes is decided by [`crate::app::geometry::Geometry`]
//! (its doc comment has a diagram); this module only paints.

mod help;
mod list;
mod pane;
mod ruler;
mod small;
mod status;
pub mod theme;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Widget};

use crate::app::App;
use crate::app::geometry::Geometry;
use crate::app::rows::Side;

pub use theme::{ColorMode, Theme};

/// Draws the whole screen into `buf` over `area`.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let geometry = Geometry::of(area, app.list_visible());
    if !geometry.is_usable() {
        small::render_too_small(theme, area, buf);
        return;
    }
    if let Some(list_area) = geometry.list {
        list::render_list(app, theme, list_area, buf);
    }
    pane::render_pane(app, Side::Left, theme, geometry.left, buf);
    pane::render_pane(app, Side::Right, theme, geometry.right, buf);
    if let Some(separator) = geometry.separator {
        Block::new()
            .borders(Borders::LEFT)
            .border_style(theme.dim)
            .render(separator, buf);
    }
    ruler::render_ruler(app, theme, geometry.ruler, buf);
    status::render_status(app, theme, geometry.status, geometry.hints, buf);
    if app.help_open() {
        help::render_help(theme, app.help_scroll(), area, buf);
    }
}
