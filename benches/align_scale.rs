//! Scale benchmark (not a test): two ~5 MB texts of ~30,000 paragraphs,
//! the second a paraphrased, reordered, merged and split revision of the
//! first, aligned end to end. Prints wall time per phase and peak memory.
//!
//! Run: `cargo bench --bench align_scale` (target: align < 2 s, peak < 1 GB).
//! Wall time is noisy on a shared machine: compare CPU seconds, and print
//! `uptime` beside the figures.

use std::time::Instant;

use diptych::align::{AlignOptions, align_with_stats};
use diptych::article::parse_article;

/// Paragraphs per text; `DIPTYCH_BENCH_PARAGRAPHS` overrides it (for
/// profiling a smaller pair under callgrind).
fn paragraphs() -> usize {
    std::env::var("DIPTYCH_BENCH_PARAGRAPHS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(30_000)
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

fn main() {
    let mut rng = Rng(0x5EED_D1B7_1C4A_0001);
    let original: Vec<Vec<Vec<usize>>> = (0..paragraphs())
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
    let (left_text, right_text) = (render(&original), render(&revision));
    println!(
        "texts: left {:.1} MB / {} paragraphs, right {:.1} MB / {} paragraphs",
        left_text.len() as f64 / 1e6,
        original.len(),
        right_text.len() as f64 / 1e6,
        revision.len()
    );
    let before = peak_memory_mb();

    let start = Instant::now();
    let left = parse_article("left.txt", "left.txt", &left_text);
    let right = parse_article("right.txt", "right.txt", &right_text);
    let parsed = start.elapsed();

    let start = Instant::now();
    let cpu_before = cpu_seconds();
    let (alignment, stats) = align_with_stats(&left, &right, AlignOptions::default());
    let aligned = start.elapsed();
    let cpu = cpu_seconds() - cpu_before;
    let links = alignment.groups.iter().filter(|g| g.is_link()).count();
    let moved = alignment.groups.iter().filter(|g| g.moved).count();

    println!(
        "parse (segment + classify) both: {:.3} s",
        parsed.as_secs_f64()
    );
    println!(
        "align: {:.3} s wall, {cpu:.2} s CPU on {} threads ({links} links, {moved} moved, similarity {:.3}, {} unit pairs scored)",
        aligned.as_secs_f64(),
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        alignment.similarity,
        stats.pairs_scored
    );
    // The word-diff stage alone, run three times over the same links (the
    // median printed), so changes to it can be compared across runs.
    let mut stage: Vec<f64> = (0..3)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(diptych::align::rediff_links(&alignment));
            start.elapsed().as_secs_f64()
        })
        .collect();
    stage.sort_by(f64::total_cmp);
    println!(
        "word-diff stage: {:.3} s wall (median of 3; runs {:.3} {:.3} {:.3})",
        stage[1], stage[0], stage[1], stage[2]
    );
    println!(
        "peak memory: {:.0} MB before parsing (the generated texts), {:.0} MB after aligning",
        before,
        peak_memory_mb()
    );
}
