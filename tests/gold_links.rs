//! Precision and recall of paragraph links against hand-written gold links
//! for several seed pairs (tests/fixtures/gold). The gold was written by
//! reading the articles, not by copying the engine's output; every link of
//! it must be found and no link outside it (or its acceptable extras) made.

#[path = "support/seed_gold.rs"]
mod seed_gold;

#[test]
fn seed_pairs_match_gold_links() {
    assert!(seed_gold::gold_files().len() >= 5, "gold fixtures missing");
    let score = seed_gold::score_seeds();
    for problem in &score.problems {
        eprintln!("{problem}");
    }
    eprintln!(
        "gold: precision {:.3} ({}/{}), recall {:.3} ({}/{})",
        score.precision(),
        score.correct,
        score.predicted,
        score.recall(),
        score.found,
        score.required
    );
    assert!(score.problems.is_empty(), "{:?}", score.problems);
    assert_eq!(score.precision(), 1.0);
    assert_eq!(score.recall(), 1.0);
}
