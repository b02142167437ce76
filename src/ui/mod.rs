//! Widgets: drawing is a pure function of [`App`] state and a [`Theme`].
//! Where each part goes is decided by [`crate::app::geometry::Geometry`]
//! (its doc comment has a diagram); this module only paints.

mod coverage;
mod facts;
mod fit;
mod heat;
mod help;
mod list;
mod matrix;
mod pane;
mod ruler;
mod small;
mod status;
pub mod theme;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Widget};

use crate::app::geometry::Geometry;
use crate::app::rows::Side;
use crate::app::{App, View};

pub use theme::{ColorMode, Theme, ThemeName};

/// Draws the whole screen into `buf` over `area`.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let geometry = app.layout(area);
    if !geometry.is_usable() {
        small::render_too_small(theme, area, buf);
        return;
    }
    status::render_status(app, theme, geometry.status, geometry.hints, buf);
    match app.view() {
        View::Matrix => matrix::render_matrix(app, theme, geometry.main_area(), buf),
        View::Facts => facts::render_facts(app, theme, geometry.main_area(), buf),
        View::Reading => render_reading(app, theme, &geometry, buf),
    }
    if app.help_open() {
        help::render_help(theme, app.help_scroll(), area, buf);
    }
}

/// The article list, the two panes and the ruler.
fn render_reading(app: &App, theme: &Theme, geometry: &Geometry, buf: &mut Buffer) {
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
}
