//! The reader as a person meets it: the release binary opened on a big
//! pair in a private tmux server at 160×45, the screen polled every few
//! milliseconds. Prints how long until something shows, until an aligned
//! screen shows (a partial one first, where the reader offers it), until
//! the whole pair is aligned; how long the reader takes to answer `?`
//! while `F`, `M` and `a` work; its peak memory against `diptych align`'s
//! on the same pair; and `git diff --word-diff`'s time as the reference
//! for the load the machine is under.
//!
//! `cargo bench --bench frame_screen [-- LEFT RIGHT]` (default: the 6.2 MB
//! pair `cargo run --release --example big_pair -- /tmp/big6` writes).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_diptych");
const POLL: Duration = Duration::from_millis(5);
const GIVE_UP: Duration = Duration::from_secs(120);

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let (left, right) = match args.as_slice() {
        [l, r, ..] => (l.clone(), r.clone()),
        _ => (
            "/tmp/big6/big_left.txt".to_string(),
            "/tmp/big6/big_right.txt".to_string(),
        ),
    };
    if !Path::new(&left).exists() || !Path::new(&right).exists() {
        println!("{left} or {right} missing: cargo run --release --example big_pair -- /tmp/big6");
        return;
    }
    println!("reader first screen, {left} + {right}, 160x45");
    println!("  load average before: {}", load_average());
    let git = timed(Command::new("git").args(["diff", "--no-index", "--word-diff", &left, &right]));
    let align = timed(Command::new(BIN).args(["align", "--format", "json", &left, &right]));
    println!(
        "  reference: git diff --word-diff {:.2?} wall, {} MiB; diptych align --format json {:.2?} wall, {} MiB",
        git.0,
        git.1 / 1024,
        align.0,
        align.1 / 1024
    );
    let reader = Reader::open(&left, &right);
    let first = reader.wait(|s| !s.trim().is_empty());
    let (aligned, partial) = reader.wait_screen(|s| aligned_status(s) || s.contains("PARTIAL"));
    let partial = partial.contains("PARTIAL");
    let full = reader.wait(|s| aligned_status(s) && !s.contains("PARTIAL"));
    let idle = reader.wait(|s| !s.contains("Esc cancels"));
    let peak = reader.peak_kib();
    println!("  anything on screen: {first:.2?}");
    println!(
        "  first aligned screen: {aligned:.2?}{}",
        if partial { " (partial, labelled)" } else { "" }
    );
    println!("  whole pair aligned and shown: {full:.2?}; every job done: {idle:.2?}");
    for (key, what) in [("F", "facts"), ("M", "matrix"), ("a", "sentences")] {
        let answered = reader.answer_while(key);
        println!("  `?` answered while {what} ({key}) works: {answered:.2?}");
    }
    let peak_after = reader.peak_kib();
    let quit = reader.quit();
    println!(
        "  peak memory: {} MiB after opening ({:.2}x align's), {} MiB after F, M, a; q quit in {quit:.2?}",
        peak / 1024,
        peak as f64 / align.1.max(1) as f64,
        peak_after / 1024
    );
    println!("  load average after: {}", load_average());
}

/// The status bar gives the pair's counts (`· 23818 link ·` or
/// `· 23818 linked ·`, however wide): an alignment is installed.
fn aligned_status(screen: &str) -> bool {
    screen.contains(" link") && !screen.contains("not aligned yet")
}

/// Wall time and peak resident KiB of a command, output discarded.
fn timed(command: &mut Command) -> (Duration, u64) {
    let started = Instant::now();
    let mut child = command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("command starts");
    let pid = child.id();
    let mut peak = 0;
    loop {
        peak = peak.max(status_kib(pid, "VmHWM:").unwrap_or(0));
        if child.try_wait().expect("wait").is_some() {
            return (started.elapsed(), peak);
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

fn status_kib(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// The reader in a private tmux server; killed on drop.
struct Reader {
    socket: String,
    started: Instant,
    pid: u32,
}

impl Reader {
    fn open(left: &str, right: &str) -> Self {
        let socket = format!("diptych-bench-{}", std::process::id());
        let script = format!("exec '{BIN}' '{left}' '{right}'");
        let started = Instant::now();
        let mut reader = Reader {
            socket,
            started,
            pid: 0,
        };
        reader.tmux(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "b",
            "-x",
            "160",
            "-y",
            "45",
            &script,
        ]);
        reader.pid = reader
            .tmux(&["display-message", "-p", "-t", "b", "#{pane_pid}"])
            .trim()
            .parse()
            .expect("pane pid");
        reader
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "b"])
    }

    /// Time since start when the screen first satisfies `shown`.
    fn wait(&self, shown: impl Fn(&str) -> bool) -> Duration {
        self.wait_from(self.started, shown)
    }

    /// [`Self::wait`], and the screen that satisfied it.
    fn wait_screen(&self, shown: impl Fn(&str) -> bool) -> (Duration, String) {
        loop {
            let screen = self.screen();
            if shown(&screen) {
                return (self.started.elapsed(), screen);
            }
            assert!(
                self.started.elapsed() < GIVE_UP,
                "gave up waiting:\n{screen}"
            );
            std::thread::sleep(POLL);
        }
    }

    fn wait_from(&self, from: Instant, shown: impl Fn(&str) -> bool) -> Duration {
        loop {
            let screen = self.screen();
            if shown(&screen) {
                return from.elapsed();
            }
            assert!(
                from.elapsed() < GIVE_UP,
                "gave up waiting; the screen:\n{screen}"
            );
            std::thread::sleep(POLL);
        }
    }

    /// Presses `key`, waits for its job to show, then times `?` until
    /// the help shows; closes help, cancels the job with Esc and leaves
    /// the view.
    fn answer_while(&self, key: &str) -> Duration {
        self.tmux(&["send-keys", "-t", "b", key]);
        self.wait_from(Instant::now(), |s| s.contains("Esc cancels"));
        let pressed = Instant::now();
        self.tmux(&["send-keys", "-t", "b", "?"]);
        let answered = self.wait_from(pressed, |s| s.contains(" Keys —"));
        let busy = self.screen().contains("Esc cancels");
        self.tmux(&["send-keys", "-t", "b", "?"]);
        self.wait_from(Instant::now(), |s| !s.contains(" Keys —"));
        self.tmux(&["send-keys", "-t", "b", "Escape"]);
        self.wait_from(Instant::now(), |s| !s.contains("Esc cancels"));
        self.tmux(&["send-keys", "-t", "b", "Escape"]);
        if !busy {
            println!("  (the {key} job ended before `?` was answered)");
        }
        answered
    }

    fn peak_kib(&self) -> u64 {
        status_kib(self.pid, "VmHWM:").unwrap_or(0)
    }

    /// Presses `q`; the time until the process has ended (a zombie
    /// counts: tmux reaps it when it gets round to it, up to a second
    /// later on a loaded machine).
    fn quit(&self) -> Duration {
        let pressed = Instant::now();
        self.tmux(&["send-keys", "-t", "b", "q"]);
        let running = || {
            std::fs::read_to_string(format!("/proc/{}/stat", self.pid))
                .ok()
                .and_then(|stat| {
                    let state = stat
                        .rsplit(')')
                        .next()?
                        .split_whitespace()
                        .next()?
                        .to_string();
                    Some(state != "Z")
                })
                .unwrap_or(false)
        };
        while running() && pressed.elapsed() < GIVE_UP {
            std::thread::sleep(Duration::from_millis(1));
        }
        pressed.elapsed()
    }
}

impl Drop for Reader {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
        let uid = unsafe_free_uid();
        let _ = std::fs::remove_file(format!("/tmp/tmux-{uid}/{}", self.socket));
    }
}

/// The user id tmux names its socket directory by (from /proc, no libc).
fn unsafe_free_uid() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .and_then(|l| l.split_whitespace().nth(1).map(str::to_string))
        })
        .unwrap_or_else(|| "0".into())
}
