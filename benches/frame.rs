//! Frame time of the reader: a pair of ~5 MB articles against the demo
//! seeds. Only visible rows are drawn and the wrapped layout is cached per
//! width, so the two should cost about the same per frame. Then, on the
//! 6 MB translation pair (the dev-data German pair five times over, 24k
//! paragraphs a side): time to the first screen (the progress screen, and
//! the aligned pair), and how long a key takes to be answered while `F`,
//! `M` and `a` work in the background — including the one step that does
//! run on the loop, taking the result in. A resize, which re-wraps the
//! whole pair on the loop, is timed too. Prints figures;
//! `cargo bench --bench frame`.

#[path = "frame/latency.rs"]
mod latency;

use std::time::{Duration, Instant};

use diptych::app::{Action, App};
use diptych::article::{Article, load_inputs, parse_article};
use diptych::ui::{ColorMode, Theme, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const WIDTH: u16 = 160;
const HEIGHT: u16 = 45;
const FRAMES: usize = 400;
/// The width a resize goes to, after the frames.
const RESIZED_WIDTH: u16 = 120;
const BIG_BYTES: usize = 5_000_000;

fn main() {
    let seeds = load_inputs(&[], &mut std::io::empty())
        .expect("demo corpus")
        .articles;
    report("demo seeds (5 articles)", || App::new(seeds.clone()));
    let big = vec![
        big_article(&seeds, 0, "big-left.txt"),
        big_article(&seeds, 1, "big-right.txt"),
    ];
    let sizes: Vec<usize> = big
        .iter()
        .map(|a| a.paragraphs.iter().map(|p| p.text.len()).sum())
        .collect();
    report(
        &format!("big pair ({} + {} bytes of text)", sizes[0], sizes[1]),
        || App::new(big.clone()),
    );
    latency::report_translation_pair();
}

/// ~5 MB: the seeds' paragraphs over and over, each copy numbered so no
/// two paragraphs are identical; `offset` makes the two sides differ.
fn big_article(seeds: &[Article], offset: usize, name: &str) -> Article {
    let mut text = String::new();
    let mut copy = 0;
    while text.len() < BIG_BYTES {
        for article in seeds.iter().skip(offset).step_by(2) {
            for paragraph in &article.paragraphs {
                text.push_str(&format!("{} Part {copy}.\n\n", paragraph.text));
            }
        }
        copy += 1;
    }
    parse_article(name, name, &text)
}

fn report(name: &str, build: impl FnOnce() -> App) {
    let started = Instant::now();
    let mut app = build();
    let open = started.elapsed();
    let started = Instant::now();
    app.update(Action::Resize(WIDTH, HEIGHT));
    let layout = started.elapsed();
    let theme = Theme::new(ColorMode::TrueColor);
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test backend");
    let mut frames = Vec::with_capacity(FRAMES);
    for frame in 0..FRAMES {
        let started = Instant::now();
        app.update(if frame % 50 == 49 {
            Action::Next
        } else {
            Action::Down(7)
        });
        terminal
            .draw(|f| render(&app, &theme, f.area(), f.buffer_mut()))
            .expect("draw");
        frames.push(started.elapsed());
    }
    let rows = app.model().rows;
    let started = Instant::now();
    app.update(Action::Resize(RESIZED_WIDTH, HEIGHT));
    let resized = started.elapsed();
    frames.sort();
    let mean = frames.iter().sum::<Duration>() / FRAMES as u32;
    println!("{name}");
    println!("  open (load into app, align, similarity): {open:?}");
    println!("  layout at {WIDTH}x{HEIGHT} (wrap every paragraph once): {layout:?}  rows: {rows}");
    println!("  resize to {RESIZED_WIDTH}x{HEIGHT} (wrap again, old layout freed): {resized:?}");
    println!(
        "  frame (update + draw {WIDTH}x{HEIGHT}), {FRAMES} frames: mean {mean:?}, median {:?}, p95 {:?}, max {:?}",
        frames[FRAMES / 2],
        frames[FRAMES * 95 / 100],
        frames[FRAMES - 1]
    );
}
