//! Scale benchmark of the non-interactive commands (not a test): generates
//! its inputs from /work/shared/dev-data (two New Testament translations
//! per language, one verse a paragraph) and the seed articles, with digits
//! shuffled so numbers and dates vary, then prints wall time and peak
//! memory per job:
//!
//! - `pair`: facts on a pair of ~3 MB texts (target < 3 s);
//! - `short200` / `short2000`: facts on 200 / 2,000 short articles
//!   (targets < 2 s and < 30 s, memory < 1 GB);
//! - `report1000`: `report --format json` on 1,000 one-sentence articles
//!   (target < 10 s).
//!
//! Run: `cargo run --release --example batch_scale [JOB…]`; with no job it
//! runs each one in its own process, so every peak-memory figure is its
//! own. `DIPTYCH_BATCH_SCALE=0.25` shrinks every input (for a slow
//! baseline); `DIPTYCH_DEV_DATA` points at another dev-data folder.

#[path = "../tests/support/dev_data.rs"]
mod dev_data;

use std::time::Instant;

use dev_data::dev_data_dir;
use diptych::align::Granularity;
use diptych::article::{Article, parse_article};
use diptych::corpus::{AlignmentCache, Comparison};
use diptych::facts::extract_facts;
use diptych::progress::Quiet;
use diptych::report::corpus::CorpusReport;
use diptych::report::corpus_json;

const JOBS: &[&str] = &["pair", "short200", "short2000", "report1000"];

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
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The paragraphs of the four dev-data texts and of the seeds.
struct Pool {
    verses: Vec<Vec<String>>,
    seeds: Vec<String>,
}

fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

impl Pool {
    fn load() -> Pool {
        let dev = dev_data_dir();
        let names = [
            "en_anderson_noyes_left.txt",
            "en_anderson_noyes_right.txt",
            "de_tafel_albrecht_left.txt",
            "de_tafel_albrecht_right.txt",
        ];
        let verses = names
            .iter()
            .map(|n| {
                let path = dev.join(n).display().to_string();
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{path}: {e} (set DIPTYCH_DEV_DATA)"));
                paragraphs(&text)
            })
            .collect();
        let seeds = diptych::article::demo::DEMO_CORPUS
            .iter()
            .flat_map(|(_, text)| paragraphs(text))
            .filter(|p| p.len() > 80)
            .collect();
        Pool { verses, seeds }
    }

    /// A seed paragraph with every digit shifted by one random amount, so
    /// its figures and dates differ from other copies.
    fn seed(&self, rng: &mut Rng) -> String {
        let shift = rng.below(10) as u32;
        self.seeds[rng.below(self.seeds.len())]
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_digit((d + shift) % 10, 10).unwrap_or(c),
                None => c,
            })
            .collect()
    }
}

fn scale() -> f64 {
    std::env::var("DIPTYCH_BATCH_SCALE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1.0)
}

fn scaled(n: usize) -> usize {
    ((n as f64 * scale()) as usize).max(2)
}

/// One side of the big pair: texts `texts` verse by verse in turn, a seed
/// paragraph every 20 verses, until `bytes`.
fn big_side(pool: &Pool, rng: &mut Rng, texts: [usize; 2], bytes: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    'fill: loop {
        for &t in &texts {
            for verse in &pool.verses[t] {
                out.push_str(verse);
                out.push_str("\n\n");
                count += 1;
                if count % 20 == 0 {
                    out.push_str(&pool.seed(rng));
                    out.push_str("\n\n");
                }
                if out.len() >= bytes {
                    break 'fill;
                }
            }
        }
    }
    out
}

/// Short articles: five consecutive verses from a random place of one
/// text and one seed paragraph; articles drawn near the same place of a
/// text and its translation overlap, as related news articles do.
fn short_articles(pool: &Pool, rng: &mut Rng, n: usize) -> Vec<Article> {
    (0..n)
        .map(|i| {
            let text = &pool.verses[rng.below(pool.verses.len())];
            let at = rng.below(text.len().saturating_sub(5));
            let mut body: Vec<String> = text[at..(at + 5).min(text.len())].to_vec();
            body.insert(rng.below(body.len() + 1), pool.seed(rng));
            let name = format!("{i:04}.txt");
            parse_article(&name, &name, &body.join("\n\n"))
        })
        .collect()
}

/// One-sentence articles: one verse each.
fn sentence_articles(pool: &Pool, rng: &mut Rng, n: usize) -> Vec<Article> {
    (0..n)
        .map(|i| {
            let text = &pool.verses[rng.below(pool.verses.len())];
            let verse = &text[rng.below(text.len())];
            let sentence = verse.split_inclusive(". ").next().unwrap_or(verse);
            let name = format!("{i:04}.txt");
            parse_article(&name, &name, sentence)
        })
        .collect()
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

fn facts_job(label: &str, articles: &[Article], target: &str) {
    let bytes: usize = articles
        .iter()
        .flat_map(|a| &a.paragraphs)
        .map(|p| p.text.len())
        .sum();
    let start = Instant::now();
    let facts = extract_facts(articles);
    let took = start.elapsed().as_secs_f64();
    let discrepancies = facts.iter().filter(|f| f.discrepancy).count();
    println!(
        "{label}: facts on {} articles, {:.2} MB: {took:.2} s ({} facts, {discrepancies} discrepancies), peak {:.0} MB  [target {target}]",
        articles.len(),
        bytes as f64 / 1e6,
        facts.len(),
        peak_memory_mb()
    );
}

fn report_job(articles: &[Article]) {
    let start = Instant::now();
    let cache = AlignmentCache::default();
    let comparison =
        Comparison::with(articles, &cache, &Quiet).unwrap_or_else(|| Comparison::of(articles));
    let compared = start.elapsed().as_secs_f64();
    let pair = comparison.matrix.most_similar().unwrap_or((0, 1));
    let Some(alignment) = cache.alignment(articles, pair.0, pair.1, Granularity::Paragraph) else {
        return;
    };
    let facts = extract_facts(articles);
    let report = CorpusReport {
        articles,
        comparison: &comparison,
        facts: &facts,
        pair,
        alignment: &alignment,
    };
    let json = corpus_json::render(&report);
    let took = start.elapsed().as_secs_f64();
    println!(
        "report1000: report --format json on {} one-sentence articles: {took:.2} s (comparison {compared:.2} s, {} pairs aligned, {:.1} MB of JSON), peak {:.0} MB  [target < 10 s]",
        articles.len(),
        comparison.pairs.len(),
        json.len() as f64 / 1e6,
        peak_memory_mb()
    );
}

/// The two sides of the big pair, as texts.
fn pair_texts(pool: &Pool, rng: &mut Rng) -> (String, String) {
    let bytes = scaled(3_000_000);
    let left = big_side(pool, rng, [0, 2], bytes);
    let right = big_side(pool, rng, [1, 3], bytes);
    (left, right)
}

fn run(job: &str) {
    let pool = Pool::load();
    let mut rng = Rng(0xBA7C_5CA1_E000_0001);
    if let Some(dir) = job.strip_prefix("write=") {
        // The big pair as files, to run the binary on (`diptych facts`).
        let (left, right) = pair_texts(&pool, &mut rng);
        let write = |name: &str, text: &str| {
            let path = format!("{dir}/{name}");
            std::fs::write(&path, text).unwrap_or_else(|e| panic!("{path}: {e}"));
        };
        write("left.txt", &left);
        write("right.txt", &right);
        return;
    }
    match job {
        "pair" => {
            let (left, right) = pair_texts(&pool, &mut rng);
            let articles = [
                parse_article("left.txt", "left.txt", &left),
                parse_article("right.txt", "right.txt", &right),
            ];
            facts_job("pair", &articles, "< 3 s at 2 × 3 MB");
        }
        "short200" => {
            let articles = short_articles(&pool, &mut rng, scaled(200));
            facts_job("short200", &articles, "< 2 s at 200");
        }
        "short2000" => {
            let articles = short_articles(&pool, &mut rng, scaled(2000));
            facts_job("short2000", &articles, "< 30 s, < 1 GB at 2,000");
        }
        "report1000" => report_job(&sentence_articles(&pool, &mut rng, scaled(1000))),
        other => eprintln!("unknown job {other}; jobs: {}", JOBS.join(" ")),
    }
}

fn main() {
    let jobs: Vec<String> = std::env::args().skip(1).collect();
    if !jobs.is_empty() {
        jobs.iter().for_each(|j| run(j));
        return;
    }
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "load average {} · scale {}",
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" "),
        scale()
    );
    let me = std::env::current_exe().unwrap_or_else(|e| panic!("own path: {e}"));
    for job in JOBS {
        // One process per job: each peak-memory figure is that job's own.
        let status = std::process::Command::new(&me).arg(job).status();
        if !status.is_ok_and(|s| s.success()) {
            println!("{job}: failed");
        }
    }
}
