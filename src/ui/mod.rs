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
mod overlay;
mod pane;
pub mod progress;
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
    if app.foreground_job().is_some() {
        let row = geometry.hints.unwrap_or(geometry.status);
        progress::render_progress_line(app, theme, row, buf);
    }
    match app.view() {
        View::Matrix => matrix::render_matrix(app, theme, geometry.main_area(), buf),
        View::Facts => facts::render_facts(app, theme, geometry.main_area(), buf),
        View::Reading => render_reading(app, theme, &geometry, buf),
    }
    if app.help_open() {
        help::render_help(theme, app.help_scroll(), app.rebound_keys(), area, buf);
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
    if app.model().groups.is_empty() {
        render_empty_pair(app, theme, geometry, buf);
    } else if app.preview().is_some() {
        render_preview_end(app, theme, geometry, buf);
    }
}

/// Below the last row of a preview, when it is on screen: that the rest
/// of the pair is still to come.
fn render_preview_end(app: &App, theme: &Theme, geometry: &Geometry, buf: &mut Buffer) {
    // Over the spacer row that ends the last group, when it is on screen.
    let Some(below) = app.model().rows.checked_sub(app.scroll() + 1) else {
        return;
    };
    if below >= geometry.body_rows() {
        return;
    }
    let note = if app.aligning() {
        "— the preview ends here; the rest shows when the whole pair is aligned —"
    } else {
        "— the preview ends here; aligning the whole pair was cancelled —"
    };
    let x = geometry.left.x;
    let width = (geometry.right.x + geometry.right.width).saturating_sub(x);
    let y = geometry.left.y + 1 + u16::try_from(below).unwrap_or(u16::MAX);
    let area = ratatui::layout::Rect::new(x, y, width, 1);
    progress::render_notice(&[note.to_string()], theme, area, buf);
}

/// Empty panes say why: the pair is still being aligned, or there is
/// nothing to show.
fn render_empty_pair(app: &App, theme: &Theme, geometry: &Geometry, buf: &mut Buffer) {
    let aligning = app
        .running_jobs()
        .iter()
        .find(|job| matches!(job.request, crate::app::jobs::JobRequest::Align { .. }));
    let lines = match aligning {
        Some(job) => [
            progress::describe(job),
            "the pair shows when its alignment is done".to_string(),
            progress::cancel_and_quit(app),
        ],
        None if app.alignment().left.is_empty() && app.alignment().right.is_empty() => [
            "this pair is not aligned".to_string(),
            "] next pair · s swap · Tab to the list to pick one".to_string(),
            "q quits".to_string(),
        ],
        None => return,
    };
    let x = geometry.left.x;
    let right_edge = geometry.right.x + geometry.right.width;
    let area = ratatui::layout::Rect::new(
        x,
        geometry.left.y + 1,
        right_edge - x,
        geometry.right.y + geometry.right.height - geometry.left.y - 1,
    );
    progress::render_notice(&lines, theme, area, buf);
}
