//! Precision and recall of paragraph links against the hand-written gold
//! links of seed pairs (tests/fixtures/gold), shared by `tests/gold_links.rs`
//! and the quality bench. The gold was written by reading the articles,
//! not by copying the engine's output.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use diptych::align::{AlignOptions, Granularity, align};
use diptych::article::demo::DEMO_CORPUS;
use diptych::article::{Article, parse_article};
use serde_json::Value;

type Pairs = BTreeSet<(usize, usize)>;

/// Totals over gold files, and what went wrong, one line per problem.
#[derive(Debug, Default)]
pub struct SeedScore {
    pub found: usize,
    pub required: usize,
    pub correct: usize,
    pub predicted: usize,
    pub problems: Vec<String>,
}

impl SeedScore {
    pub fn precision(&self) -> f64 {
        self.correct as f64 / self.predicted.max(1) as f64
    }

    pub fn recall(&self) -> f64 {
        self.found as f64 / self.required.max(1) as f64
    }
}

/// The gold files, sorted.
pub fn gold_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/gold");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

fn seed(name: &str) -> Option<Article> {
    let (_, text) = DEMO_CORPUS.iter().find(|(n, _)| *n == name)?;
    Some(parse_article(name, name, text))
}

fn pairs(value: &Value) -> Pairs {
    value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| Some((p[0].as_u64()? as usize, p[1].as_u64()? as usize)))
        .collect()
}

/// Scores every gold file at paragraph granularity.
pub fn score_seeds() -> SeedScore {
    score_seeds_at(Granularity::Paragraph)
}

/// Scores every gold file at `granularity`; a sentence link counts as a
/// link of the paragraphs its sentences belong to.
pub fn score_seeds_at(granularity: Granularity) -> SeedScore {
    let mut total = SeedScore::default();
    for path in gold_files() {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let Some(gold) = std::fs::read_to_string(&path)
            .ok()
            .and_then(|t| serde_json::from_str::<Value>(&t).ok())
        else {
            total.problems.push(format!("{name}: unreadable gold"));
            continue;
        };
        let (Some(left), Some(right)) = (
            gold["left"].as_str().and_then(seed),
            gold["right"].as_str().and_then(seed),
        ) else {
            total.problems.push(format!("{name}: unknown seed"));
            continue;
        };
        let required = pairs(&gold["links"]);
        let acceptable: Pairs = required
            .union(&pairs(&gold["acceptable"]))
            .copied()
            .collect();
        let options = AlignOptions {
            granularity,
            ..AlignOptions::default()
        };
        let alignment = align(&left, &right, options);
        let (lu, ru) = (&alignment.left, &alignment.right);
        let predicted: Pairs = alignment
            .groups
            .iter()
            .flat_map(|g| {
                g.left.iter().flat_map(move |&l| {
                    g.right
                        .iter()
                        .map(move |&r| (lu[l].paragraph, ru[r].paragraph))
                })
            })
            .collect();
        for pair in predicted.difference(&acceptable) {
            total.problems.push(format!("{name}: false link {pair:?}"));
        }
        for pair in required.difference(&predicted) {
            total.problems.push(format!("{name}: missed link {pair:?}"));
        }
        total.found += required.intersection(&predicted).count();
        total.required += required.len();
        total.correct += predicted.intersection(&acceptable).count();
        total.predicted += predicted.len();
    }
    total
}
