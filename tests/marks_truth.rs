//! The word marks tell the truth, checked from `align --format json` as
//! an outside reader of the contract sees it, over every seed pair and a
//! slice of two verse-aligned translations (tests/fixtures/marks/, from
//! the project's dev data):
//! - of the words marked only-left (`delete`) or only-right (`insert`) in
//!   a link, at most 2% are words the other side of the link has to spare
//!   (multiset, case-folded): the rest are honest only-here words;
//! - `equal` runs cover at least the words `similar`'s plain word diff of
//!   the same link keeps equal;
//! - no two ops of a link mark the same bytes of one side.

#[path = "support/marks_tally.rs"]
mod marks_tally;

use diptych::align::{AlignOptions, align};
use diptych::article::demo::DEMO_CORPUS;
use diptych::article::{Article, parse_article};
use diptych::report::align_json;
use marks_tally::Tally;

fn measure(left: &Article, right: &Article, tally: &mut Tally) {
    let alignment = align(left, right, AlignOptions::default());
    let json = align_json::render(left, right, &alignment);
    match marks_tally::measure(&json) {
        Ok(t) => *tally += t,
        Err(defect) => panic!("{} ⇄ {}: {defect}", left.path, right.path),
    }
}

fn check(name: &str, tally: &Tally) {
    let share = tally.spare_share();
    println!("{name}: {tally:?}, spare share {:.2}%", share * 100.0);
    assert!(tally.marked > 0, "{name}: nothing marked, nothing checked");
    assert!(tally.moved > 0, "{name}: no shared-elsewhere words at all");
    assert!(
        share <= 0.02,
        "{name}: {:.1}% of only-here words are there",
        share * 100.0
    );
    assert!(
        tally.equal >= tally.similar_equal,
        "{name}: equal runs cover {} words, similar's word diff {}",
        tally.equal,
        tally.similar_equal
    );
}

#[test]
fn seed_pairs_mark_only_what_is_only_here() {
    let seeds: Vec<Article> = DEMO_CORPUS
        .iter()
        .map(|(name, text)| parse_article(name, name, text))
        .collect();
    let mut tally = Tally::default();
    for a in 0..seeds.len() {
        for b in a + 1..seeds.len() {
            measure(&seeds[a], &seeds[b], &mut tally);
        }
    }
    check("seeds", &tally);
}

#[test]
fn translations_mark_only_what_is_only_here() {
    for pair in ["en_anderson_noyes", "de_tafel_albrecht"] {
        let read = |side: &str| {
            let path = format!("tests/fixtures/marks/{pair}_{side}.txt");
            let text = std::fs::read_to_string(&path).expect("fixture");
            parse_article(&path, &path, &text)
        };
        let mut tally = Tally::default();
        measure(&read("left"), &read("right"), &mut tally);
        check(pair, &tally);
    }
}
