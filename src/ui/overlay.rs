//! Clearing the ground for an overlay (help, facts, matrix) drawn over
//! the panes.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Widget};

use crate::width::display_width;

/// Clears `area`, and blanks any wide character (CJK, emoji) just left
/// of it whose second half lies under the overlay: left there, the
/// terminal would draw it over the overlay's left border, and ratatui
/// skips the border cell as that character's continuation.
pub fn clear(area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let Some(left) = area.x.checked_sub(1) else {
        return;
    };
    for y in area.top()..area.bottom() {
        if let Some(cell) = buf.cell_mut((left, y))
            && display_width(cell.symbol()) > 1
        {
            cell.set_symbol(" ");
        }
    }
}
