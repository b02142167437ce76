//! Whole-process comparison against `git diff --no-index --word-diff`
//! (not a test): for each input pair, the two commands run alternately,
//! several paired runs, and the medians of wall time, CPU (user + sys of
//! the child, from `wait4`) and peak RSS are printed with their ratio to
//! git's and the speed issue's targets.
//!
//! Run: `cargo bench --bench vs_git` (`-- --runs N` for more pairs;
//! `-- seeds`, `big6`, `big10`, `dev_en`, `dev_de` or `revision` for
//! some inputs). The big pairs come from `cargo run --release --example
//! big_pair -- /tmp/big6`, `-- /tmp/big10 --mix 4` and `-- /tmp/revision
//! --revision`; a missing pair is skipped with that command. `dev_en`
//! and `dev_de` are the dev-data pairs as they are (real German, which
//! the big pairs' ciphered copies are not). These and `revision` have no
//! target of their own.
//! Output goes to a pipe this process drains and counts, never to a file.
//! The machine is shared: the load average is printed before and after,
//! and the ratios (measured side by side) are the figures to compare.

#[path = "../tests/support/dev_data.rs"]
mod dev_data;

use std::io::Read;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use dev_data::dev_data_dir;

const MIB: f64 = 1024.0 * 1024.0;

/// One input pair and the targets the issue sets for it.
struct Case {
    name: &'static str,
    left: PathBuf,
    right: PathBuf,
    runs: usize,
    /// How to make the files when they are missing.
    make: &'static str,
    targets: Targets,
}

/// Ratios against git (`None`: no target) and an absolute peak.
struct Targets {
    cpu: Option<f64>,
    wall: Option<f64>,
    peak_mib: Option<f64>,
}

/// What one child process cost.
#[derive(Clone, Copy)]
struct Run {
    wall: Duration,
    cpu: Duration,
    peak_bytes: u64,
    output_bytes: u64,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runs_arg = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse::<usize>().ok());
    let only: Vec<&str> = args
        .iter()
        .filter(|a| CASE_NAMES.contains(&a.as_str()))
        .map(String::as_str)
        .collect();
    let diptych = env!("CARGO_BIN_EXE_diptych");
    println!("vs_git: diptych align --format json vs git diff --no-index --word-diff");
    println!("load before: {}", load_average());
    let mut peaks: Vec<(&str, u64, u64)> = Vec::new();
    for mut case in cases() {
        if !only.is_empty() && !only.contains(&case.name) {
            continue;
        }
        if !case.left.is_file() || !case.right.is_file() {
            println!(
                "\n{}: missing {}; make it with `{}`",
                case.name,
                case.left.display(),
                case.make
            );
            continue;
        }
        case.runs = runs_arg.unwrap_or(case.runs);
        let input = file_len(&case.left) + file_len(&case.right);
        let (git, ours) = measure(&case, diptych);
        report(&case, input, &git, &ours);
        peaks.push((
            case.name,
            input,
            median_by(&ours, |r| r.peak_bytes as f64) as u64,
        ));
    }
    linearity(&peaks);
    println!("\nload after: {}", load_average());
}

/// The cases, as `-- NAME` picks one.
const CASE_NAMES: [&str; 6] = ["seeds", "big6", "big10", "dev_en", "dev_de", "revision"];

fn cases() -> Vec<Case> {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let big = |dir: &str| {
        (
            Path::new(dir).join("big_left.txt"),
            Path::new(dir).join("big_right.txt"),
        )
    };
    let dev = dev_data_dir();
    let (big6_left, big6_right) = big("/tmp/big6");
    let (big10_left, big10_right) = big("/tmp/big10");
    let (revision_left, revision_right) = big("/tmp/revision");
    let big_targets = || Targets {
        cpu: Some(2.0),
        wall: Some(1.5),
        peak_mib: None,
    };
    vec![
        Case {
            name: "seeds",
            left: seeds.join("000_47682a1b1ced074d.txt"),
            right: seeds.join("001_56c06cd4d7a87d44.txt"),
            runs: 21,
            make: "git checkout seeds/",
            targets: Targets {
                cpu: None,
                wall: Some(1.5),
                peak_mib: None,
            },
        },
        Case {
            name: "big6",
            left: big6_left,
            right: big6_right,
            runs: 5,
            make: "cargo run --release --example big_pair -- /tmp/big6",
            targets: Targets {
                peak_mib: Some(100.0),
                ..big_targets()
            },
        },
        Case {
            name: "big10",
            left: big10_left,
            right: big10_right,
            runs: 3,
            make: "cargo run --release --example big_pair -- /tmp/big10 --mix 4",
            targets: big_targets(),
        },
        // The real dev pairs, for what the big pairs cannot show: their
        // letters are ciphered, so big10's German is never read as
        // German and skips the pair-wide casing tally real German gets.
        dev_case("dev_en", &dev, "en_anderson_noyes"),
        dev_case("dev_de", &dev, "de_tafel_albrecht"),
        // A revised draft: nearly every line the same, where git does
        // almost nothing and diptych still weighs every paragraph.
        Case {
            name: "revision",
            left: revision_left,
            right: revision_right,
            runs: 5,
            make: "cargo run --release --example big_pair -- /tmp/revision --revision",
            targets: Targets {
                cpu: None,
                wall: None,
                peak_mib: None,
            },
        },
    ]
}

/// A dev-data pair, measured without a target of its own.
fn dev_case(name: &'static str, dev: &Path, prefix: &str) -> Case {
    Case {
        name,
        left: dev.join(format!("{prefix}_left.txt")),
        right: dev.join(format!("{prefix}_right.txt")),
        runs: 11,
        make: "set DIPTYCH_DEV_DATA to the dev-data folder",
        targets: Targets {
            cpu: None,
            wall: None,
            peak_mib: None,
        },
    }
}

/// Paired runs, alternating which command goes first so drift in the
/// machine's load falls on both alike.
fn measure(case: &Case, diptych: &str) -> (Vec<Run>, Vec<Run>) {
    let left = case.left.to_string_lossy();
    let right = case.right.to_string_lossy();
    let git_args = ["diff", "--no-index", "--word-diff", &left, &right];
    let our_args = ["align", "--format", "json", &left, &right];
    let (mut git, mut ours) = (Vec::new(), Vec::new());
    println!("\n{} ({} runs each)", case.name, case.runs);
    for i in 0..case.runs {
        if i % 2 == 0 {
            git.push(run("git", &git_args));
            ours.push(run(diptych, &our_args));
        } else {
            ours.push(run(diptych, &our_args));
            git.push(run("git", &git_args));
        }
        let (g, o) = (git[i], ours[i]);
        println!(
            "  run {:2}: git {:7.3} s wall {:7.3} s cpu {:6.1} MiB | diptych {:7.3} s wall {:7.3} s cpu {:6.1} MiB",
            i + 1,
            g.wall.as_secs_f64(),
            g.cpu.as_secs_f64(),
            g.peak_bytes as f64 / MIB,
            o.wall.as_secs_f64(),
            o.cpu.as_secs_f64(),
            o.peak_bytes as f64 / MIB,
        );
    }
    (git, ours)
}

/// Runs one command with stdout on a pipe drained here; its cost comes
/// from `wait4` on exactly that child (which reaps it: clippy cannot see
/// that `Child::wait` is not needed).
#[allow(clippy::zombie_processes)]
fn run(program: &str, args: &[&str]) -> Run {
    let start = Instant::now();
    let mut child = Command::new(program)
        .args(args)
        .env("GIT_PAGER", "cat")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {program}: {e}"));
    let mut stdout = child.stdout.take().expect("piped stdout");
    let drain = std::thread::spawn(move || {
        let mut buffer = vec![0u8; 1 << 16];
        let mut total = 0u64;
        while let Ok(n) = stdout.read(&mut buffer) {
            if n == 0 {
                break;
            }
            total += n as u64;
        }
        total
    });
    let pid = i32::try_from(child.id()).expect("pid fits");
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value; wait4 fills it for `pid`,
    // our own child, which `child` (never waited on) does not reap.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let output_bytes = drain.join().unwrap_or(0);
    let wall = start.elapsed();
    assert_eq!(reaped, pid, "wait4 failed for {program}");
    let status = std::process::ExitStatus::from_raw(status);
    // git diff exits 1 when the files differ; anything else is a failure.
    assert!(
        matches!(status.code(), Some(0 | 1)),
        "{program} {args:?} failed: {status}"
    );
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    Run {
        wall,
        cpu: time(usage.ru_utime) + time(usage.ru_stime),
        // Linux reports ru_maxrss in KiB.
        peak_bytes: usage.ru_maxrss as u64 * 1024,
        output_bytes,
    }
}

fn report(case: &Case, input: u64, git: &[Run], ours: &[Run]) {
    let wall = |runs: &[Run]| median_by(runs, |r| r.wall.as_secs_f64());
    let cpu = |runs: &[Run]| median_by(runs, |r| r.cpu.as_secs_f64());
    let peak = |runs: &[Run]| median_by(runs, |r| r.peak_bytes as f64) / MIB;
    let out = |runs: &[Run]| median_by(runs, |r| r.output_bytes as f64) / MIB;
    println!(
        "{} medians, input {:.2} MB ({} runs):",
        case.name,
        input as f64 / 1e6,
        ours.len()
    );
    println!(
        "  {:<8} {:>10} {:>10} {:>10} {:>10}",
        "", "wall s", "cpu s", "peak MiB", "out MiB"
    );
    for (name, runs) in [("git", git), ("diptych", ours)] {
        println!(
            "  {name:<8} {:>10.3} {:>10.3} {:>10.1} {:>10.1}",
            wall(runs),
            cpu(runs),
            peak(runs),
            out(runs)
        );
    }
    let verdict = |ratio: f64, target: Option<f64>| match target {
        Some(t) if ratio <= t => format!("(target ≤ {t}×: met)"),
        Some(t) => format!("(target ≤ {t}×: NOT met)"),
        None => String::new(),
    };
    let wall_ratio = wall(ours) / wall(git);
    let cpu_ratio = cpu(ours) / cpu(git);
    println!(
        "  wall ratio {wall_ratio:6.2}× {}",
        verdict(wall_ratio, case.targets.wall)
    );
    println!(
        "  cpu ratio  {cpu_ratio:6.2}× {}",
        verdict(cpu_ratio, case.targets.cpu)
    );
    println!("  peak ratio {:6.2}×", peak(ours) / peak(git));
    if let Some(limit) = case.targets.peak_mib {
        let met = if peak(ours) <= limit {
            "met"
        } else {
            "NOT met"
        };
        println!("  peak {:.1} MiB (target ≤ {limit} MiB: {met})", peak(ours));
    }
}

/// Peak memory per input byte on each big pair: linear in input means
/// the figure stays about the same from the 6 MB pair to the 10 MB one.
fn linearity(peaks: &[(&str, u64, u64)]) {
    let big: Vec<_> = peaks
        .iter()
        .filter(|(name, ..)| name.starts_with("big"))
        .collect();
    if big.len() < 2 {
        return;
    }
    println!("\nmemory against input (linear: the same bytes of peak per input byte)");
    for (name, input, peak) in &big {
        println!(
            "  {name:<6} input {:6.2} MB peak {:6.1} MiB = {:.1} bytes per input byte",
            *input as f64 / 1e6,
            *peak as f64 / MIB,
            *peak as f64 / *input as f64
        );
    }
}

fn median_by(runs: &[Run], key: impl Fn(&Run) -> f64) -> f64 {
    let mut values: Vec<f64> = runs.iter().map(key).collect();
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

fn file_len(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

/// The 1, 5 and 15 minute load averages, as `uptime` prints them.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".to_string())
}
