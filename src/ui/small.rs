//! What a too-small terminal shows instead of a garbled reader.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::geometry::{MIN_HEIGHT, MIN_WIDTH};

use super::theme::Theme;

/// Centres a short notice and the size needed, as much as fits.
pub fn render_too_small(theme: &Theme, area: Rect, buf: &mut Buffer) {
    let need = format!("need {MIN_WIDTH}×{MIN_HEIGHT}");
    let have = format!("now {}×{}", area.width, area.height);
    let lines: Vec<&str> = if area.width >= 20 {
        vec!["terminal too small", &need, &have]
    } else {
        vec!["terminal", "too small", &need, &have]
    };
    super::progress::render_notice(&lines, theme, area, buf);
}
