//! Alignment quality against gold links, shared by the quality bench
//! (`examples/quality.rs`) and the fixture tests (`tests/align_quality.rs`,
//! `tests/gold_links.rs`), so a floor asserted in CI is measured exactly as
//! the bench prints it.
//!
//! A gold pair file set is `PREFIX_left.txt`, `PREFIX_right.txt` and
//! `PREFIX_gold.tsv` (`left_para`, `right_para`, `verse_id`; 0-based
//! indices of blank-line-separated paragraphs). The engine's units are
//! mapped onto those paragraphs by their text — a unit may be part of a
//! paragraph (a sentence) or, if the loader joined lines, span several —
//! and every linked (left unit, right unit) becomes the gold-paragraph
//! pairs it covers; precision, recall and F1 are over those pairs.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::Path;
use std::time::Instant;

use diptych::align::{AlignOptions, Alignment, Unit, align_with_stats};
use diptych::article::parse_article;

/// (left paragraph, right paragraph) pairs.
pub type Pairs = BTreeSet<(usize, usize)>;

/// A pair of texts with gold links.
pub struct GoldPair {
    pub name: String,
    pub left: String,
    pub right: String,
    pub gold: Pairs,
}

/// Precision/recall of one run, with the engine's work.
#[derive(Debug, Clone, Copy, Default)]
pub struct Score {
    pub correct: usize,
    pub predicted: usize,
    pub gold: usize,
    pub found: usize,
    pub pairs_scored: usize,
    pub seconds: f64,
    /// Units whose text was not found in the gold paragraphs.
    pub unmapped: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// Reads `PREFIX_left.txt`, `PREFIX_right.txt`, `PREFIX_gold.tsv`.
pub fn read_gold_pair(prefix: &Path) -> Result<GoldPair, String> {
    let file = |suffix: &str| {
        let mut path = prefix.as_os_str().to_owned();
        path.push(suffix);
        let path = std::path::PathBuf::from(path);
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let gold = file("_gold.tsv")?;
    Ok(GoldPair {
        name: prefix
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        left: file("_left.txt")?,
        right: file("_right.txt")?,
        gold: parse_gold(&gold),
    })
}

/// The `left_para right_para` columns of a gold TSV (header skipped).
pub fn parse_gold(tsv: &str) -> Pairs {
    tsv.lines()
        .filter_map(|line| {
            let mut cells = line.split('\t');
            let l = cells.next()?.trim().parse().ok()?;
            let r = cells.next()?.trim().parse().ok()?;
            Some((l, r))
        })
        .collect()
}

/// Blank-line-separated paragraphs, as the gold counts them.
pub fn gold_paragraphs(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n");
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join("\n"));
    }
    paragraphs
}

/// Aligns a gold pair and scores it.
pub fn score_pair(pair: &GoldPair, options: AlignOptions) -> (Score, Alignment) {
    let left = parse_article("left.txt", &format!("{}_left.txt", pair.name), &pair.left);
    let right = parse_article(
        "right.txt",
        &format!("{}_right.txt", pair.name),
        &pair.right,
    );
    let start = Instant::now();
    let (alignment, stats) = align_with_stats(&left, &right, options);
    let seconds = start.elapsed().as_secs_f64();
    let left_map = map_units(&alignment.left, &gold_paragraphs(&pair.left));
    let right_map = map_units(&alignment.right, &gold_paragraphs(&pair.right));
    let predicted = predicted_pairs(&alignment, &left_map, &right_map);
    let unmapped = left_map
        .iter()
        .chain(&right_map)
        .filter(|m| m.is_empty())
        .count();
    let score = Score {
        correct: predicted.intersection(&pair.gold).count(),
        predicted: predicted.len(),
        gold: pair.gold.len(),
        found: pair.gold.intersection(&predicted).count(),
        pairs_scored: stats.pairs_scored,
        seconds,
        unmapped,
    };
    (score, alignment)
}

/// Gold-paragraph pairs of every link.
pub fn predicted_pairs(alignment: &Alignment, left: &[Vec<usize>], right: &[Vec<usize>]) -> Pairs {
    let mut out = Pairs::new();
    for group in alignment.groups.iter().filter(|g| g.is_link()) {
        for &l in &group.left {
            for &r in &group.right {
                for &gl in &left[l] {
                    for &gr in &right[r] {
                        out.insert((gl, gr));
                    }
                }
            }
        }
    }
    out
}

/// For every unit, the gold paragraphs its text overlaps (empty when its
/// text cannot be found). Units are searched in order from where the last
/// one ended, so repeated verses map to the right occurrence.
pub fn map_units(units: &[Unit], paragraphs: &[String]) -> Vec<Vec<usize>> {
    let mut haystack: Vec<char> = Vec::new();
    let mut owner: Vec<usize> = Vec::new();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        if !haystack.is_empty() {
            haystack.push(' ');
            owner.push(usize::MAX);
        }
        for c in normalise(paragraph) {
            haystack.push(c);
            owner.push(index);
        }
    }
    let mut cursor = 0;
    units
        .iter()
        .map(|unit| {
            let needle: Vec<char> = normalise(&unit.text);
            let found = find(&haystack, &needle, cursor).or_else(|| find(&haystack, &needle, 0));
            let Some(start) = found else {
                return Vec::new();
            };
            cursor = start + needle.len();
            let mut covered: Vec<usize> = owner[start..start + needle.len()]
                .iter()
                .copied()
                .filter(|&o| o != usize::MAX)
                .collect();
            covered.dedup();
            covered
        })
        .collect()
}

/// Whitespace collapsed to single spaces, invisible characters dropped.
fn normalise(text: &str) -> Vec<char> {
    let mut out = Vec::new();
    for c in text.chars() {
        if c.is_whitespace() {
            if out.last().is_some_and(|&l: &char| l != ' ') {
                out.push(' ');
            }
        } else if !c.is_control() && !matches!(c, '\u{200b}'..='\u{200f}' | '\u{feff}') {
            out.push(c);
        }
    }
    while out.last() == Some(&' ') {
        out.pop();
    }
    out
}

fn find(haystack: &[char], needle: &[char], from: usize) -> Option<usize> {
    if needle.is_empty() || from >= haystack.len() {
        return None;
    }
    haystack[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// The synthetic order-free variant: three blocks of `block` verses moved
/// far away on the right side.
pub struct MovedVariant {
    pub pair: GoldPair,
    /// Right paragraphs (new indices) that were moved.
    pub moved: BTreeSet<usize>,
}

/// Moves three blocks of the right text (from 20%, 50% and 80% of it) to
/// 65%, 5% and 35% of what remains, and renumbers the gold.
pub fn moved_variant(pair: &GoldPair, block: usize) -> MovedVariant {
    let paragraphs = gold_paragraphs(&pair.right);
    let n = paragraphs.len();
    let starts = [n / 5, n / 2, n * 4 / 5];
    let in_block = |i: usize| starts.iter().any(|&s| i >= s && i < s + block);
    let mut order: Vec<usize> = (0..n).filter(|&i| !in_block(i)).collect();
    for (start, target) in starts.iter().zip([0.65, 0.05, 0.35]) {
        let at = ((order.len() as f64) * target) as usize;
        let moved: Vec<usize> = (*start..(*start + block).min(n)).collect();
        order.splice(at..at, moved);
    }
    let mut new_index = vec![0; n];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let right: Vec<&str> = order.iter().map(|&i| paragraphs[i].as_str()).collect();
    let gold = pair
        .gold
        .iter()
        .filter(|&&(_, r)| r < n)
        .map(|&(l, r)| (l, new_index[r]))
        .collect();
    let moved = (0..n)
        .filter(|&i| in_block(i))
        .map(|i| new_index[i])
        .collect();
    MovedVariant {
        pair: GoldPair {
            name: format!("{}+moved", pair.name),
            left: pair.left.clone(),
            right: right.join("\n\n"),
            gold,
        },
        moved,
    }
}

/// Of the gold links into moved right paragraphs: the share found, and
/// the share found in a group flagged moved.
pub fn moved_found(variant: &MovedVariant, alignment: &Alignment) -> (f64, f64) {
    let left_map = map_units(&alignment.left, &gold_paragraphs(&variant.pair.left));
    let right_map = map_units(&alignment.right, &gold_paragraphs(&variant.pair.right));
    let mut found = BTreeSet::new();
    let mut flagged = BTreeSet::new();
    for group in alignment.groups.iter().filter(|g| g.is_link()) {
        for &l in &group.left {
            for &r in &group.right {
                for &gl in &left_map[l] {
                    for &gr in &right_map[r] {
                        found.insert((gl, gr));
                        if group.moved {
                            flagged.insert((gl, gr));
                        }
                    }
                }
            }
        }
    }
    let targets: Vec<&(usize, usize)> = variant
        .pair
        .gold
        .iter()
        .filter(|(_, r)| variant.moved.contains(r))
        .collect();
    let share = |set: &BTreeSet<(usize, usize)>| {
        let hit = targets.iter().filter(|t| set.contains(t)).count();
        ratio(hit, targets.len())
    };
    (share(&found), share(&flagged))
}
