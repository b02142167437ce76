//! Renders the reader on the demo corpus into an SVG picture for the
//! README: `cargo run --example screenshot [OUT.svg]` (default
//! `assets/reader.svg`). The picture is drawn from the same buffer the
//! terminal gets, so it shows exactly what a person sees.

use std::fmt::Write as _;

use diptych::app::rows::GroupKind;
use diptych::app::{Action, App};
use diptych::article::load_inputs;
use diptych::ui::{ColorMode, Theme, render};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

const WIDTH: u16 = 150;
const HEIGHT: u16 = 42;
const CELL_W: f64 = 8.4;
const CELL_H: f64 = 17.0;
const FOREGROUND: &str = "#d8d8d8";
const BACKGROUND: &str = "#1d1f21";

fn main() -> std::io::Result<()> {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "assets/reader.svg".into());
    let articles = load_inputs(&[], &mut std::io::empty())
        .map_err(std::io::Error::other)?
        .articles;
    let mut app = App::new(articles);
    app.update(Action::Resize(WIDTH, HEIGHT));
    // Open a little above the first reworded link: merged paragraphs,
    // word highlights and one-sided paragraphs are all on screen.
    let first = app
        .model()
        .groups
        .iter()
        .find(|g| g.kind == GroupKind::Reworded);
    let row = first.map_or(0, |g| g.start).saturating_sub(3);
    app.update(Action::Down(row));
    let area = Rect::new(0, 0, WIDTH, HEIGHT);
    let mut buf = Buffer::empty(area);
    render(&app, &Theme::new(ColorMode::TrueColor), area, &mut buf);
    std::fs::write(&out, svg(&buf))?;
    println!("wrote {out}");
    Ok(())
}

/// One `<rect>` per background run and one `<text>` per style run.
fn svg(buf: &Buffer) -> String {
    let (w, h) = (
        f64::from(buf.area.width) * CELL_W,
        f64::from(buf.area.height) * CELL_H,
    );
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\" font-size=\"14\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"{BACKGROUND}\"/>\n"
    );
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let key = style_key(&buf[(x, y)]);
            let mut end = x + 1;
            while end < buf.area.width && style_key(&buf[(end, y)]) == key {
                end += 1;
            }
            run(&mut out, buf, y, x, end);
            x = end;
        }
    }
    out.push_str("</svg>\n");
    out
}

/// What makes two cells draw alike.
fn style_key(cell: &Cell) -> (Color, Color, Modifier) {
    (cell.fg, cell.bg, cell.modifier)
}

fn run(out: &mut String, buf: &Buffer, y: u16, from: u16, to: u16) {
    let cell = &buf[(from, y)];
    let reversed = cell.modifier.contains(Modifier::REVERSED);
    let (mut fg, mut bg) = (hex(cell.fg, FOREGROUND), hex(cell.bg, BACKGROUND));
    if reversed {
        std::mem::swap(&mut fg, &mut bg);
    }
    let (px, py) = (f64::from(from) * CELL_W, f64::from(y) * CELL_H);
    let width = f64::from(to - from) * CELL_W;
    if bg != BACKGROUND {
        let _ = writeln!(
            out,
            "<rect x=\"{px:.1}\" y=\"{py}\" width=\"{width:.1}\" height=\"{CELL_H}\" fill=\"{bg}\"/>"
        );
    }
    let text: String = (from..to).map(|x| buf[(x, y)].symbol()).collect();
    if text.trim().is_empty() {
        return;
    }
    let mut attrs = format!("fill=\"{fg}\"");
    let m = cell.modifier;
    if m.contains(Modifier::BOLD) {
        attrs.push_str(" font-weight=\"bold\"");
    }
    if m.contains(Modifier::ITALIC) {
        attrs.push_str(" font-style=\"italic\"");
    }
    if m.contains(Modifier::DIM) {
        attrs.push_str(" fill-opacity=\"0.6\"");
    }
    let mut lines = Vec::new();
    if m.contains(Modifier::UNDERLINED) {
        lines.push("underline");
    }
    if m.contains(Modifier::CROSSED_OUT) {
        lines.push("line-through");
    }
    if !lines.is_empty() {
        let _ = write!(attrs, " text-decoration=\"{}\"", lines.join(" "));
    }
    let _ = writeln!(
        out,
        "<text x=\"{px:.1}\" y=\"{:.1}\" textLength=\"{width:.1}\" lengthAdjust=\"spacingAndGlyphs\" xml:space=\"preserve\" {attrs}>{}</text>",
        py + CELL_H * 0.78,
        escape(&text)
    );
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A colour as SVG hex; `Reset` is the terminal's default.
fn hex(color: Color, default: &str) -> String {
    let rgb = match color {
        Color::Reset => return default.to_string(),
        Color::Rgb(r, g, b) => (r, g, b),
        Color::Black => (0x1d, 0x1f, 0x21),
        Color::Red | Color::LightRed => (0xe0, 0x6c, 0x75),
        Color::Green | Color::LightGreen => (0x98, 0xc3, 0x79),
        Color::Yellow | Color::LightYellow => (0xe5, 0xc0, 0x7b),
        Color::Blue | Color::LightBlue => (0x61, 0xaf, 0xef),
        Color::Magenta | Color::LightMagenta => (0xc6, 0x78, 0xdd),
        Color::Cyan | Color::LightCyan => (0x56, 0xb6, 0xc2),
        Color::Gray | Color::White => (0xdc, 0xdf, 0xe4),
        Color::DarkGray => (0x5c, 0x63, 0x70),
        Color::Indexed(_) => return default.to_string(),
    };
    format!("#{:02x}{:02x}{:02x}", rgb.0, rgb.1, rgb.2)
}
