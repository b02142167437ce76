//! A visitor's terminal: the reader drawn into bytes instead of a tty.
//! ratatui diffs each frame against the last one drawn, so every frame
//! produced here must reach the client (the output slot guarantees it).

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Widget;
use ratatui::{Terminal, TerminalOptions, Viewport};

use crate::app::App;
use crate::ui::{self, Theme};

/// Enter the alternate screen, clear it, hide the cursor, report the
/// mouse wheel (SGR encoding).
const ENTER: &[u8] = b"\x1b[?1049h\x1b[2J\x1b[H\x1b[?25l\x1b[?1000h\x1b[?1006h";
/// Undo [`ENTER`] in reverse.
const LEAVE: &[u8] = b"\x1b[?1006l\x1b[?1000l\x1b[0m\x1b[?25h\x1b[?1049l";

/// Where the backend writes; the screen takes the bytes after each frame.
#[derive(Clone, Default)]
struct Sink(Rc<RefCell<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Sink {
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.0.borrow_mut())
    }
}

/// A terminal of a fixed, clamped size whose output is collected as bytes.
pub struct Screen {
    terminal: Terminal<CrosstermBackend<Sink>>,
    sink: Sink,
    theme: Theme,
}

impl Screen {
    /// A `cols`×`rows` screen; the first output enters the alternate screen.
    pub fn new(cols: u16, rows: u16, theme: Theme) -> io::Result<Self> {
        let mut sink = Sink::default();
        sink.write_all(ENTER)?;
        let backend = CrosstermBackend::new(sink.clone());
        let viewport = Viewport::Fixed(Rect::new(0, 0, cols, rows));
        let terminal = Terminal::with_options(backend, TerminalOptions { viewport })?;
        Ok(Screen {
            terminal,
            sink,
            theme,
        })
    }

    /// A new size; the next frame repaints everything.
    pub fn resize(&mut self, cols: u16, rows: u16) -> io::Result<()> {
        self.terminal.resize(Rect::new(0, 0, cols, rows))?;
        self.terminal.clear()
    }

    /// The bytes that bring the client's screen to the app's state, with
    /// `notice` (idle warning, shutdown) on the top row when given.
    pub fn draw(&mut self, app: &App, notice: Option<&str>) -> io::Result<Vec<u8>> {
        let theme = self.theme;
        self.terminal.draw(|frame| {
            let area = frame.area();
            ui::render(app, &theme, area, frame.buffer_mut());
            if let Some(text) = notice {
                draw_notice(text, area, frame.buffer_mut());
            }
        })?;
        Ok(self.sink.take())
    }

    /// The bytes that restore the client's terminal, then `farewell` on
    /// the normal screen where it stays after the connection closes.
    pub fn leave(&mut self, farewell: &str) -> Vec<u8> {
        let mut out = self.sink.take();
        out.extend_from_slice(LEAVE);
        if !farewell.is_empty() {
            out.extend_from_slice(farewell.as_bytes());
            out.extend_from_slice(b"\r\n");
        }
        out
    }
}

/// One reversed, bold line across the top: impossible to miss, readable
/// without colour.
fn draw_notice(text: &str, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let row = Rect::new(area.x, area.y, area.width, 1);
    buf.set_style(
        row,
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
    );
    Line::from(format!(" {text} "))
        .style(Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD))
        .render(row, buf);
}
