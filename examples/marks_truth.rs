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

use std::collections::HashMap;

use diptych::align::{AlignOptions, align};
use diptych::article::demo::DEMO_CORPUS;
use diptych::article::parse_article;
use diptych::report::align_json;
use serde_json::Value;

/// Tallies of one or more alignments.
#[derive(Default, Clone, Copy)]
struct Tally {
    marked: usize,
    spare: usize,
    moved: usize,
    equal: usize,
    similar_equal: usize,
}

impl std::ops::AddAssign for Tally {
    fn add_assign(&mut self, o: Tally) {
        self.marked += o.marked;
        self.spare += o.spare;
        self.moved += o.moved;
        self.equal += o.equal;
        self.similar_equal += o.similar_equal;
    }
}

/// Case-folded words (letter/digit runs) of a text.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn span_text<'a>(units: &'a [Value], span: &Value) -> &'a str {
    let get = |i: usize| span.get(i).and_then(Value::as_u64).unwrap_or(0) as usize;
    let text = units.get(get(0)).and_then(Value::as_str).unwrap_or("");
    text.get(get(1)..get(2)).unwrap_or("")
}

fn measure(json: &str) -> Tally {
    let doc: Value = serde_json::from_str(json).unwrap_or(Value::Null);
    let units = |side: &str| doc[side]["units"].as_array().cloned().unwrap_or_default();
    let (left_units, right_units) = (units("left"), units("right"));
    let mut tally = Tally::default();
    for entry in doc["alignment"].as_array().into_iter().flatten() {
        let ids = |side: &str| -> Vec<usize> {
            entry[side]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|v| v.as_u64().map(|v| v as usize))
                .collect()
        };
        let (l, r) = (ids("left"), ids("right"));
        if l.is_empty() || r.is_empty() {
            continue;
        }
        let mut only_left: HashMap<String, usize> = HashMap::new();
        let mut only_right: HashMap<String, usize> = HashMap::new();
        for op in entry["diff"].as_array().into_iter().flatten() {
            let left = words(span_text(&left_units, &op["left"]));
            let right = words(span_text(&right_units, &op["right"]));
            match op["op"].as_str() {
                Some("delete") => left
                    .into_iter()
                    .for_each(|w| *only_left.entry(w).or_default() += 1),
                Some("insert") => right
                    .into_iter()
                    .for_each(|w| *only_right.entry(w).or_default() += 1),
                Some("equal") => tally.equal += left.len(),
                Some("moved") => tally.moved += left.len() + right.len(),
                _ => {}
            }
        }
        tally.marked += only_left.values().sum::<usize>() + only_right.values().sum::<usize>();
        tally.spare += 2 * only_left
            .iter()
            .map(|(w, n)| (*n).min(only_right.get(w).copied().unwrap_or(0)))
            .sum::<usize>();
        let join = |units: &[Value], ids: &[usize]| {
            ids.iter()
                .filter_map(|&i| units.get(i).and_then(Value::as_str))
                .collect::<Vec<_>>()
                .join("\n")
        };
        let (lt, rt) = (join(&left_units, &l), join(&right_units, &r));
        let diff = similar::TextDiff::from_words(lt.as_str(), rt.as_str());
        tally.similar_equal += diff
            .iter_all_changes()
            .filter(|c| c.tag() == similar::ChangeTag::Equal)
            .map(|c| words(c.value()).len())
            .sum::<usize>();
    }
    tally
}

fn report(name: &str, t: Tally) {
    println!(
        "{name:<28} only-here marked {:>6} · other side has to spare {:>5} ({:>5.1}%) · moved {:>6} · equal {:>6} vs similar {:>6} ({:+.1}%)",
        t.marked,
        t.spare,
        100.0 * t.spare as f64 / t.marked.max(1) as f64,
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
            let alignment = align(&seeds[a], &seeds[b], AlignOptions::default());
            let t = measure(&align_json::render(&seeds[a], &seeds[b], &alignment));
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
        let alignment = align(&l, &r, AlignOptions::default());
        report(pair, measure(&align_json::render(&l, &r, &alignment)));
    }
}
