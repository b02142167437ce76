//! What the reader shows while work runs in the background: a progress
//! line over the hint row (what is being done, how far, for how long, and
//! that `Esc` cancels), a notice in the empty panes while the first pair is
//! aligned, and the loading screen before any article is in.
//!
//! ```text
//! ⠹ aligning 1 ⇄ 2 by paragraphs · 2.1 s · Esc cancels · q quits
//! ⠼ searching for “the” · 12000/47000 · 0.8 s · about 2 s left · Esc cancels
//! ```

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::jobs::{Progress, Running};
use crate::app::{Action, App};
use crate::width::display_width;

use super::theme::Theme;

const SPINNER: [char; 8] = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧'];

/// One line about a running job.
pub fn describe(job: &Running) -> String {
    let progress = &job.progress;
    let mut line = format!("{} {}", spinner(progress), job.request.describe());
    if progress.total > 0 {
        line.push_str(&format!(" · {}/{}", progress.done, progress.total));
    }
    line.push_str(&format!(" · {}", seconds(progress.elapsed_ms)));
    if let Some(left) = progress.remaining_secs() {
        line.push_str(&format!(" · about {left:.0} s left"));
    }
    line
}

fn spinner(progress: &Progress) -> char {
    let frame = (progress.elapsed_ms / 100) as usize % SPINNER.len();
    SPINNER[frame]
}

fn seconds(ms: u64) -> String {
    format!("{}.{} s", ms / 1000, ms % 1000 / 100)
}

/// Draws the newest running job's line (and how many others run) on `row`.
pub fn render_progress_line(app: &App, theme: &Theme, row: Rect, buf: &mut Buffer) {
    let Some((newest, count)) = app.foreground_job() else {
        return;
    };
    let others = count - 1;
    let mut line = format!(" {}", describe(newest));
    if others > 0 {
        line.push_str(&format!(" (+{others} more)"));
    }
    line.push_str(" · ");
    line.push_str(&cancel_and_quit(app));
    buf.set_style(row, theme.hints);
    // Over the hint row: nothing of the hints may show after the line.
    let blank = " ".repeat(usize::from(row.width));
    buf.set_stringn(row.x, row.y, &blank, usize::from(row.width), theme.hints);
    buf.set_stringn(row.x, row.y, &line, usize::from(row.width), theme.hint_key);
}

/// "Esc cancels · q quits", with the keys as bound: what a running job's
/// line and the empty pane's notice say.
pub fn cancel_and_quit(app: &App) -> String {
    format!(
        "{} cancels · {} quits",
        app.key_for(&Action::Back),
        app.key_for(&Action::Quit)
    )
}

/// Centres `lines` in `area` (as many as fit).
pub fn render_notice(lines: &[impl AsRef<str>], theme: &Theme, area: Rect, buf: &mut Buffer) {
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (line, y) in lines.iter().zip(top..area.y + area.height) {
        let line = line.as_ref();
        let width = u16::try_from(display_width(line))
            .unwrap_or(u16::MAX)
            .min(area.width);
        let x = area.x + (area.width - width) / 2;
        buf.set_stringn(x, y, line, usize::from(area.width), theme.hint_key);
    }
}

/// The screen before the articles are in: what is loaded, for how long,
/// and the keys that leave (`leave`, as bound: "q or Esc").
pub fn render_loading(
    what: &str,
    elapsed_ms: u64,
    leave: &str,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let progress = Progress {
        elapsed_ms,
        ..Progress::default()
    };
    let lines = [
        format!("{} loading {what}", spinner(&progress)),
        seconds(elapsed_ms),
        format!("{leave} quits"),
    ];
    render_notice(&lines, theme, area, buf);
}
