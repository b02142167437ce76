//! The reader on a big pair with its jobs on threads, as the terminal loop
//! runs it: time to the first screen, key latency while background work
//! runs, and the loop's stall when a result is taken in.

use std::time::{Duration, Instant};

use diptych::app::worker::Worker;
use diptych::app::{Action, App, ReaderOptions, SharedCorpus, View};
use diptych::article::parse_article;
use diptych::ui::{ColorMode, Theme, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const WIDTH: u16 = 160;
const HEIGHT: u16 = 45;
const DEV_DATA: &str = "/work/shared/dev-data";
const COPIES: usize = 5;

/// The loop: apply what the worker reports, start what was filed, draw.
struct Loop {
    app: App,
    worker: Worker,
    terminal: Terminal<TestBackend>,
    theme: Theme,
    /// Longest single `update` of a job result.
    worst_result: Duration,
}

impl Loop {
    fn turn(&mut self) {
        for action in self.worker.drain() {
            let started = Instant::now();
            let is_result = matches!(action, Action::JobDone(..) | Action::JobPartial(..));
            self.app.update(action);
            if is_result {
                self.worst_result = self.worst_result.max(started.elapsed());
            }
        }
        self.worker.spawn_filed(&mut self.app);
        self.draw();
    }

    fn draw(&mut self) {
        let (app, theme) = (&self.app, &self.theme);
        self.terminal
            .draw(|f| render(app, theme, f.area(), f.buffer_mut()))
            .expect("draw");
    }

    /// Presses `key`, then scrolls a row every 5 ms while the jobs run;
    /// prints each key's update+draw time and how long the work took.
    fn keys_while(&mut self, name: &str, key: Action) {
        self.worst_result = Duration::ZERO;
        let started = Instant::now();
        self.app.update(key);
        self.worker.spawn_filed(&mut self.app);
        let mut latencies = Vec::new();
        while self.worker.busy() || !self.app.running_jobs().is_empty() {
            std::thread::sleep(Duration::from_millis(5));
            let key_at = Instant::now();
            self.app.update(Action::Down(1));
            self.draw();
            latencies.push(key_at.elapsed());
            self.turn();
        }
        let work = started.elapsed();
        latencies.sort();
        let at = |q: usize| {
            latencies
                .get(latencies.len() * q / 100)
                .copied()
                .unwrap_or_default()
        };
        println!(
            "  {name}: work {work:.2?}; {} keys meanwhile, answered in median {:?}, p95 {:?}, max {:?}; taking the result in {:?}",
            latencies.len(),
            at(50),
            at(95),
            latencies.last().copied().unwrap_or_default(),
            self.worst_result
        );
    }
}

/// The dev-data German pair, `COPIES` times over (about 6 MB).
fn translation_pair() -> Option<[String; 2]> {
    let read = |side: &str| {
        std::fs::read_to_string(format!("{DEV_DATA}/de_tafel_albrecht_{side}.txt"))
            .ok()
            .map(|text| vec![text; COPIES].join("\n\n"))
    };
    Some([read("left")?, read("right")?])
}

/// Time to first screen, key latency while F / M / a work, on the 6 MB pair.
pub fn report_translation_pair() {
    let Some([left, right]) = translation_pair() else {
        println!("translation pair: {DEV_DATA} not found, skipped");
        return;
    };
    let load = load_average();
    let started = Instant::now();
    let articles = vec![
        parse_article("left.txt", "left.txt", &left),
        parse_article("right.txt", "right.txt", &right),
    ];
    let parsed = started.elapsed();
    let mut app = App::in_background(SharedCorpus::new(articles), ReaderOptions::default());
    app.update(Action::Resize(WIDTH, HEIGHT));
    let mut looped = Loop {
        worker: Worker::new(app.corpus().clone()),
        app,
        terminal: Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test backend"),
        theme: Theme::new(ColorMode::TrueColor),
        worst_result: Duration::ZERO,
    };
    looped.turn();
    let progress_screen = started.elapsed();
    while looped.app.model().groups.is_empty() {
        std::thread::sleep(Duration::from_millis(1));
        looped.turn();
    }
    let first_screen = started.elapsed();
    let partial = looped.app.preview().is_some();
    while looped.app.preview().is_some() || looped.app.aligning() {
        std::thread::sleep(Duration::from_millis(1));
        looped.turn();
    }
    let whole = started.elapsed();
    let install = looped.worst_result;
    println!(
        "translation pair ({} + {} bytes), load average {load}",
        left.len(),
        right.len()
    );
    println!(
        "  first screen: progress {progress_screen:.2?} (parsed {parsed:.2?}), aligned {first_screen:.2?}{}, whole pair {whole:.2?} (taking a result in on the loop {install:.2?})",
        if partial { " (partial preview)" } else { "" }
    );
    while !looped.app.running_jobs().is_empty() {
        std::thread::sleep(Duration::from_millis(1));
        looped.turn();
    }
    looped.keys_while("F (facts)", Action::ToggleFacts);
    assert_eq!(looped.app.view(), View::Facts);
    looped.app.update(Action::ToggleFacts);
    looped.keys_while("M (matrix)", Action::ToggleMatrix);
    looped.app.update(Action::ToggleMatrix);
    looped.keys_while("a (sentences)", Action::ToggleGranularity);
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}
