//! How truthful the word marks are, measured from `align --format json`
//! exactly as an outside reader of the contract would: of the words marked
//! only-left (`delete`) or only-right (`insert`) in a link, how many the
//! other side of the same link has to spare (multiset, case-folded) — those
//! marks say "only here" of a word that is there. Also: words in `equal`
//! runs against the equal words of `similar`'s plain word diff of the same
//! link, and how many words are `moved` (shared, elsewhere).
//!
//! `cargo run --release --example marks_truth [DEV_DATA_DIR]` (default
//! `/work/shared/dev-data`; the translation pairs are skipped when absent).

#[path = "../tests/support/marks_tally.rs"]
mod marks_tally;

use diptych::align::{AlignOptions, align};
use diptych::article::demo::DEMO_CORPUS;
use diptych::article::{Article, parse_article};
use diptych::report::align_json;
use marks_tally::Tally;

/// The tally of one pair; a structural defect is printed and counts as
/// nothing.
fn measure(left: &Article, right: &Article) -> Tally {
    let alignment = align(left, right, AlignOptions::default());
    marks_tally::measure(&align_json::render(left, right, &alignment)).unwrap_or_else(|defect| {
        println!("{} ⇄ {}: {defect}", left.path, right.path);
        Tally::default()
    })
}

fn report(name: &str, t: Tally) {
    println!(
        "{name:<28} only-here marked {:>6} · other side has to spare {:>5} ({:>5.1}%) · moved {:>6} · equal {:>6} vs similar {:>6} ({:+.1}%)",
        t.marked,
        t.spare,
        100.0 * t.spare_share(),
        t.moved,
        t.equal,
        t.similar_equal,
        100.0 * (t.equal as f64 - t.similar_equal as f64) / t.similar_equal.max(1) as f64
    );
}

fn main() {
    let seeds: Vec<_> = DEMO_CORPUS
        .iter()
        .map(|(name, text)| parse_article(name, name, text))
        .collect();
    // The four pairs of the figure: the first seed against each other.
    let mut four = Tally::default();
    let mut all = Tally::default();
    for a in 0..seeds.len() {
        for b in a + 1..seeds.len() {
            let t = measure(&seeds[a], &seeds[b]);
            report(&format!("seeds {a} ⇄ {b}"), t);
            if a == 0 {
                four += t;
            }
            all += t;
        }
    }
    report("seeds 0 ⇄ 1..4", four);
    report("all 10 seed pairs", all);
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/work/shared/dev-data".into());
    for pair in ["en_anderson_noyes", "de_tafel_albrecht"] {
        let read = |side: &str| std::fs::read_to_string(format!("{dir}/{pair}_{side}.txt"));
        let (Ok(l), Ok(r)) = (read("left"), read("right")) else {
            println!("{pair}: not found in {dir}, skipped");
            continue;
        };
        let (l, r) = (
            parse_article("left", "left", &l),
            parse_article("right", "right", &r),
        );
        report(pair, measure(&l, &r));
    }
}
