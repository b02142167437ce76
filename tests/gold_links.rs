//! Precision and recall of paragraph links against hand-written gold links
//! for several seed pairs (tests/fixtures/gold). The gold was written by
//! reading the articles, not by copying the engine's output.

use std::collections::BTreeSet;

use diptych::align::{AlignOptions, align};
use diptych::article::demo::DEMO_CORPUS;
use diptych::article::{Article, parse_article};
use serde_json::Value;

type Pairs = BTreeSet<(usize, usize)>;

fn seed(name: &str) -> Article {
    let (_, text) = DEMO_CORPUS
        .iter()
        .find(|(n, _)| *n == name)
        .unwrap_or_else(|| panic!("no seed {name}"));
    parse_article(name, name, text)
}

fn pairs(value: &Value) -> Pairs {
    value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| Some((p[0].as_u64()? as usize, p[1].as_u64()? as usize)))
        .collect()
}

struct Score {
    found: usize,
    required: usize,
    correct: usize,
    predicted: usize,
}

fn score_file(path: &std::path::Path) -> Score {
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("gold file"))
        .expect("gold json");
    let left = seed(gold["left"].as_str().expect("left"));
    let right = seed(gold["right"].as_str().expect("right"));
    let required = pairs(&gold["links"]);
    let acceptable: Pairs = required
        .union(&pairs(&gold["acceptable"]))
        .copied()
        .collect();
    let alignment = align(&left, &right, AlignOptions::default());
    let predicted: Pairs = alignment
        .groups
        .iter()
        .flat_map(|g| {
            g.left
                .iter()
                .flat_map(move |&l| g.right.iter().map(move |&r| (l, r)))
        })
        .collect();
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    for pair in predicted.difference(&acceptable) {
        eprintln!("{name}: false link {pair:?}");
    }
    for pair in required.difference(&predicted) {
        eprintln!("{name}: missed link {pair:?}");
    }
    Score {
        found: required.intersection(&predicted).count(),
        required: required.len(),
        correct: predicted.intersection(&acceptable).count(),
        predicted: predicted.len(),
    }
}

#[test]
fn seed_pairs_match_gold_links() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/gold");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("gold dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.sort();
    assert!(files.len() >= 5, "gold fixtures missing");
    let (mut found, mut required, mut correct, mut predicted) = (0, 0, 0, 0);
    for file in &files {
        let s = score_file(file);
        found += s.found;
        required += s.required;
        correct += s.correct;
        predicted += s.predicted;
    }
    let precision = correct as f64 / predicted.max(1) as f64;
    let recall = found as f64 / required.max(1) as f64;
    eprintln!(
        "gold: precision {precision:.3} ({correct}/{predicted}), recall {recall:.3} ({found}/{required})"
    );
    assert!(precision >= 0.95, "precision {precision:.3}");
    assert!(recall >= 0.90, "recall {recall:.3}");
}
