//! What a too-small terminal shows instead of a garbled reader.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::geometry::{MIN_HEIGHT, MIN_WIDTH};
use crate::app::wrap::display_width;

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
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (line, y) in lines.iter().zip(top..area.y + area.height) {
        let width = u16::try_from(display_width(line))
            .unwrap_or(u16::MAX)
            .min(area.width);
        let x = area.x + (area.width - width) / 2;
        buf.set_stringn(x, y, line, usize::from(area.width), theme.hint_key);
    }
}
