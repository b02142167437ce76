//! Scale benchmark (not a test): pairs of texts of 1,000, 5,000 and
//! 30,000 paragraphs (the largest ~6 MB together), the second a
//! paraphrased, reordered, merged and split revision of the first, aligned
//! end to end. Prints, per size, wall and CPU time, the unit pairs scored,
//! each engine stage's wall time, and a fingerprint of the result (so an
//! optimisation can show it changed nothing); then peak memory.
//!
//! Run: `cargo bench --bench align_scale` (target: align < 2 s, peak < 1 GB);
//! `DIPTYCH_BENCH_WRITE=DIR` also writes each generated pair to `DIR`.
//! Wall time is noisy on a shared machine: compare CPU seconds, and print
//! `uptime` beside the figures.

use std::time::Instant;

use diptych::align::{AlignOptions, align_with_stats};
use diptych::article::parse_article;

/// Paragraphs per text of each pair, smallest first (peak memory is then
/// the largest pair's); `DIPTYCH_BENCH_PARAGRAPHS=5000` or `=1000,30000`
/// overrides them (e.g. for profiling one size).
fn sizes() -> Vec<usize> {
    let from_env: Option<Vec<usize>> = std::env::var("DIPTYCH_BENCH_PARAGRAPHS")
        .ok()
        .map(|v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect());
    match from_env {
        Some(sizes) if !sizes.is_empty() => sizes,
        _ => vec![1_000, 5_000, 30_000],
    }
}
const VOCABULARY: usize = 40_000;

/// xorshift64*: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Zipf-like word rank: many common words, a long tail of rare ones.
    fn word(&mut self) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((VOCABULARY as f64).powf(u) as usize).min(VOCABULARY - 1)
    }
}

/// A pseudo-word whose first four letters spell its rank, so distinct
/// ranks keep distinct stems, as real words do; a few endings vary.
fn word_text(rank: usize) -> String {
    const LETTERS: &[u8] = b"bcdfghjklmnprstvwzaeiouyxq";
    const ENDINGS: &[&str] = &["", "a", "en", "er", "ing"];
    let mut word = String::new();
    let mut n = rank;
    for _ in 0..4 {
        word.push(LETTERS[n % LETTERS.len()] as char);
        n /= LETTERS.len();
    }
    word.push_str(ENDINGS[rank % ENDINGS.len()]);
    word
}

fn sentence(rng: &mut Rng, words: usize) -> Vec<usize> {
    (0..words).map(|_| rng.word()).collect()
}

fn render(paragraphs: &[Vec<Vec<usize>>]) -> String {
    let mut out = String::new();
    for paragraph in paragraphs {
        for sentence in paragraph {
            let words: Vec<String> = sentence.iter().map(|&w| word_text(w)).collect();
            let mut text = words.join(" ");
            if let Some(first) = text.get(0..1) {
                text.replace_range(0..1, &first.to_uppercase());
            }
            out.push_str(&text);
            out.push_str(". ");
        }
        out.push_str("\n\n");
    }
    out
}

/// A revision: 15% of words replaced, 3% of paragraphs moved far, 2%
/// merged with the next, 2% split, 2% dropped and 2% new ones.
fn revise(rng: &mut Rng, original: &[Vec<Vec<usize>>]) -> Vec<Vec<Vec<usize>>> {
    let mut out: Vec<Vec<Vec<usize>>> = Vec::new();
    let mut moved = Vec::new();
    for paragraph in original {
        let mut p: Vec<Vec<usize>> = paragraph
            .iter()
            .map(|s| {
                s.iter()
                    .map(|&w| if rng.below(100) < 15 { rng.word() } else { w })
                    .collect()
            })
            .collect();
        match rng.below(100) {
            0..=2 => moved.push(p),
            3..=4 => {
                if let Some(last) = out.last_mut() {
                    last.append(&mut p);
                } else {
                    out.push(p);
                }
            }
            5..=6 if p.len() > 1 => {
                let tail = p.split_off(p.len() / 2);
                out.push(p);
                out.push(tail);
            }
            7..=8 => {}
            9..=10 => {
                out.push(p);
                out.push(vec![sentence(rng, 14), sentence(rng, 12)]);
            }
            _ => out.push(p),
        }
    }
    for p in moved {
        let at = rng.below(out.len().max(1));
        out.insert(at, p);
    }
    out
}

/// CPU seconds this process has used (user + system), all threads: less
/// disturbed than wall time when other work shares the machine.
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let after_name = s.rsplit_once(')')?.1;
            let fields: Vec<&str> = after_name.split_whitespace().collect();
            let ticks: f64 =
                fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
            Some(ticks / 100.0)
        })
        .unwrap_or(f64::NAN)
}

fn peak_memory_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// The original text and its revision, `paragraphs` long; the same seed
/// at every size, so each pair is a prefix-alike of the larger ones.
fn pair_of(paragraphs: usize) -> (String, String) {
    let mut rng = Rng(0x5EED_D1B7_1C4A_0001);
    let original: Vec<Vec<Vec<usize>>> = (0..paragraphs)
        .map(|_| {
            let sentences = 2 + rng.below(2);
            (0..sentences)
                .map(|_| {
                    let words = 8 + rng.below(10);
                    sentence(&mut rng, words)
                })
                .collect()
        })
        .collect();
    let revision = revise(&mut rng, &original);
    (render(&original), render(&revision))
}

/// FNV-1a over the alignment's JSON: equal fingerprints before and after
/// a change mean the change left every link, diff and score alone.
fn fingerprint(alignment: &diptych::align::Alignment) -> u64 {
    let json = serde_json::to_vec(alignment).unwrap_or_default();
    json.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn main() {
    if let Ok(files) = std::env::var("DIPTYCH_BENCH_FILES") {
        // A real pair instead: `DIPTYCH_BENCH_FILES="LEFT RIGHT"`.
        let paths: Vec<&str> = files.split_whitespace().collect();
        let read = |i: usize| {
            std::fs::read_to_string(paths.get(i).copied().unwrap_or("")).unwrap_or_default()
        };
        println!("== {files}");
        run(&read(0), &read(1), true);
    } else {
        let sizes = sizes();
        let largest = sizes.iter().copied().max().unwrap_or(0);
        for paragraphs in sizes {
            let (left_text, right_text) = pair_of(paragraphs);
            // `DIPTYCH_BENCH_WRITE=DIR` keeps each pair as files, so a
            // changed fingerprint can be looked into with `diptych align`.
            if let Ok(dir) = std::env::var("DIPTYCH_BENCH_WRITE") {
                let dir = std::path::Path::new(&dir);
                for (side, text) in [("left", &left_text), ("right", &right_text)] {
                    let path = dir.join(format!("scale{paragraphs}_{side}.txt"));
                    if let Err(e) = std::fs::write(&path, text) {
                        eprintln!("{}: {e}", path.display());
                    }
                }
            }
            println!("== {paragraphs} paragraphs a side");
            run(&left_text, &right_text, paragraphs == largest);
        }
    }
    println!("peak memory: {:.0} MB", peak_memory_mb());
}

/// Parses and aligns one pair, printing its figures.
fn run(left_text: &str, right_text: &str, rediff: bool) {
    println!(
        "texts: left {:.1} MB, right {:.1} MB",
        left_text.len() as f64 / 1e6,
        right_text.len() as f64 / 1e6,
    );
    let start = Instant::now();
    let left = parse_article("left.txt", "left.txt", left_text);
    let right = parse_article("right.txt", "right.txt", right_text);
    let parsed = start.elapsed();

    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let start = Instant::now();
    let cpu_before = cpu_seconds();
    let (alignment, stats) = align_with_stats(&left, &right, AlignOptions::default());
    let aligned = start.elapsed();
    let cpu = cpu_seconds() - cpu_before;
    let links = alignment.groups.iter().filter(|g| g.is_link()).count();
    let moved = alignment.groups.iter().filter(|g| g.moved).count();
    let units = (alignment.left.len() + alignment.right.len()).max(1);
    println!(
        "parse (segment + classify) both: {:.3} s wall",
        parsed.as_secs_f64()
    );
    println!(
        "align: {:.3} s wall, {cpu:.2} s CPU on {threads} threads; {} unit pairs scored ({:.1} per unit); {links} links, {moved} moved, similarity {:.3}",
        aligned.as_secs_f64(),
        stats.pairs_scored,
        stats.pairs_scored as f64 / units as f64,
        alignment.similarity,
    );
    let stages: Vec<String> = stats
        .stages
        .named()
        .iter()
        .map(|(name, t)| {
            format!(
                "{name} {:.3}/{:.3}",
                t.cpu.as_secs_f64(),
                t.wall.as_secs_f64()
            )
        })
        .collect();
    println!("stages (s CPU/wall): {}", stages.join(", "));
    println!("fingerprint: {:016x}", fingerprint(&alignment));
    if rediff {
        word_diff_stage(&alignment, &stats);
    }
}

/// The word-diff stage alone, run three times over the same links (the
/// median printed), so changes to it can be compared across runs.
fn word_diff_stage(alignment: &diptych::align::Alignment, stats: &diptych::align::AlignStats) {
    let mut stage: Vec<f64> = (0..3)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(diptych::align::rediff_links(alignment, stats));
            start.elapsed().as_secs_f64()
        })
        .collect();
    stage.sort_by(f64::total_cmp);
    println!(
        "word-diff stage again: {:.3} s wall (median of 3; runs {:.3} {:.3} {:.3})",
        stage[1], stage[0], stage[1], stage[2]
    );
}
