//! How truthful the word marks are, read from `align --format json`
//! exactly as an outside reader of the contract would. Shared by the
//! `marks_truth` test (floors) and the `marks_truth` example (figures).
#![allow(dead_code)]

use std::collections::HashMap;

use serde_json::Value;

/// Tallies of one or more alignments.
#[derive(Default, Debug, Clone, Copy)]
pub struct Tally {
    /// Words marked only-left (`delete`) or only-right (`insert`).
    pub marked: usize,
    /// Of those, words the other side of the same link has to spare
    /// (multiset, case-folded): marks that say "only here" of a word that
    /// is there.
    pub spare: usize,
    /// Words in `moved` runs (shared, elsewhere), both sides.
    pub moved: usize,
    /// Left words in `equal` runs.
    pub equal: usize,
    /// Words `similar`'s plain word diff of the same links keeps equal.
    pub similar_equal: usize,
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

impl Tally {
    /// Share of only-here marks that are untrue.
    pub fn spare_share(&self) -> f64 {
        self.spare as f64 / self.marked.max(1) as f64
    }
}

/// Case-folded words (letter/digit runs) of a text.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A `[unit, start, end]` span, checked against the unit texts.
fn span(units: &[Value], span: &Value) -> Result<Option<(usize, usize, usize)>, String> {
    if span.is_null() {
        return Ok(None);
    }
    let get = |i: usize| span.get(i).and_then(Value::as_u64).map(|v| v as usize);
    let (Some(u), Some(s), Some(e)) = (get(0), get(1), get(2)) else {
        return Err(format!("malformed span {span}"));
    };
    let text = units.get(u).and_then(Value::as_str).unwrap_or("");
    if s > e || text.get(s..e).is_none() {
        return Err(format!(
            "span {span} is outside its unit or splits a character"
        ));
    }
    Ok(Some((u, s, e)))
}

fn text(units: &[Value], s: Option<(usize, usize, usize)>) -> &str {
    s.and_then(|(u, a, b)| units.get(u)?.as_str()?.get(a..b))
        .unwrap_or("")
}

/// Tallies one `align --format json` document; an error names a
/// structural defect (a bad span, two ops marking the same bytes).
pub fn measure(json: &str) -> Result<Tally, String> {
    let doc: Value = serde_json::from_str(json).map_err(|e| format!("invalid JSON: {e}"))?;
    let units = |side: &str| doc[side]["units"].as_array().cloned().unwrap_or_default();
    let (lu, ru) = (units("left"), units("right"));
    let mut tally = Tally::default();
    let entries = doc["alignment"].as_array().ok_or("no alignment array")?;
    for entry in entries {
        if !entry["callouts"].is_array() {
            return Err("an entry has no callouts array".into());
        }
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
        for op in entry["diff"].as_array().ok_or("an entry has no diff")? {
            let (ls, rs) = (span(&lu, &op["left"])?, span(&ru, &op["right"])?);
            taken_l.extend(ls);
            taken_r.extend(rs);
            let (lw, rw) = (words(text(&lu, ls)), words(text(&ru, rs)));
            match op["op"].as_str().unwrap_or("") {
                "delete" => lw
                    .into_iter()
                    .for_each(|w| *only_l.entry(w).or_default() += 1),
                "insert" => rw
                    .into_iter()
                    .for_each(|w| *only_r.entry(w).or_default() += 1),
                "equal" => tally.equal += lw.len(),
                "moved" => tally.moved += lw.len() + rw.len(),
                other => return Err(format!("unknown op {other:?}")),
            }
        }
        for taken in [&mut taken_l, &mut taken_r] {
            taken.sort_unstable();
            if let Some(w) = taken
                .windows(2)
                .find(|w| w[0].0 == w[1].0 && w[0].2 > w[1].1)
            {
                return Err(format!("overlapping ops {w:?}"));
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
    Ok(tally)
}
