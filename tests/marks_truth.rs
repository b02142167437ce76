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

use std::collections::HashMap;

use diptych::align::{AlignOptions, align};
use diptych::article::demo::DEMO_CORPUS;
use diptych::article::{Article, parse_article};
use diptych::report::align_json;
use serde_json::Value;

#[derive(Default, Debug)]
struct Tally {
    marked: usize,
    spare: usize,
    equal: usize,
    similar_equal: usize,
    moved: usize,
}

/// Case-folded words (letter/digit runs).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn span(units: &[Value], span: &Value) -> Option<(usize, usize, usize)> {
    let get = |i: usize| span.get(i).and_then(Value::as_u64).map(|v| v as usize);
    let (u, s, e) = (get(0)?, get(1)?, get(2)?);
    assert!(
        s <= e
            && units
                .get(u)
                .and_then(Value::as_str)
                .is_some_and(|t| e <= t.len())
    );
    Some((u, s, e))
}

fn text(units: &[Value], s: Option<(usize, usize, usize)>) -> &str {
    s.and_then(|(u, a, b)| units.get(u)?.as_str()?.get(a..b))
        .unwrap_or("")
}

fn measure(left: &Article, right: &Article, tally: &mut Tally) {
    let alignment = align(left, right, AlignOptions::default());
    let doc: Value =
        serde_json::from_str(&align_json::render(left, right, &alignment)).expect("valid JSON");
    let units = |side: &str| doc[side]["units"].as_array().cloned().unwrap_or_default();
    let (lu, ru) = (units("left"), units("right"));
    for entry in doc["alignment"].as_array().expect("alignment") {
        assert!(entry["callouts"].is_array(), "every entry has callouts");
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
        let (mut only_l, mut only_r) = (HashMap::<String, usize>::new(), HashMap::new());
        let (mut taken_l, mut taken_r) = (Vec::new(), Vec::new());
        for op in entry["diff"].as_array().expect("diff") {
            let (ls, rs) = (span(&lu, &op["left"]), span(&ru, &op["right"]));
            taken_l.extend(ls);
            taken_r.extend(rs);
            let (lw, rw) = (words(text(&lu, ls)), words(text(&ru, rs)));
            match op["op"].as_str().expect("op") {
                "delete" => lw
                    .into_iter()
                    .for_each(|w| *only_l.entry(w).or_default() += 1),
                "insert" => rw
                    .into_iter()
                    .for_each(|w| *only_r.entry(w).or_default() += 1),
                "equal" => tally.equal += lw.len(),
                "moved" => tally.moved += lw.len() + rw.len(),
                other => panic!("unknown op {other}"),
            }
        }
        for taken in [&mut taken_l, &mut taken_r] {
            taken.sort_unstable();
            for w in taken.windows(2) {
                assert!(
                    w[0].0 != w[1].0 || w[0].2 <= w[1].1,
                    "overlapping ops {w:?}"
                );
            }
        }
        if std::env::var_os("MARKS_SHOW").is_some() {
            for (w, n) in &only_l {
                let m = (*n).min(only_r.get(w).copied().unwrap_or(0));
                if m > 0 {
                    println!("spare: {w} ×{m}");
                }
            }
        }
        tally.marked += only_l.values().sum::<usize>() + only_r.values().sum::<usize>();
        tally.spare += 2 * only_l
            .iter()
            .map(|(w, n)| (*n).min(only_r.get(w).copied().unwrap_or(0)))
            .sum::<usize>();
        let join = |units: &[Value], ids: &[usize]| {
            ids.iter()
                .filter_map(|&i| units.get(i).and_then(Value::as_str))
                .collect::<Vec<_>>()
                .join("\n")
        };
        let (lt, rt) = (join(&lu, &l), join(&ru, &r));
        let diff = similar::TextDiff::from_words(lt.as_str(), rt.as_str());
        tally.similar_equal += diff
            .iter_all_changes()
            .filter(|c| c.tag() == similar::ChangeTag::Equal)
            .map(|c| words(c.value()).len())
            .sum::<usize>();
    }
}

fn check(name: &str, tally: &Tally) {
    let share = tally.spare as f64 / tally.marked.max(1) as f64;
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
