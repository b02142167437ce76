//! The alignment engine: which parts of two articles tell the same thing.
//!
//! Two levels, as difftastic does for code: first units (paragraphs or
//! sentences) are linked many-to-many and order-free by a rarity-weighted
//! similarity, then every linked group gets a word-level diff. Nothing here
//! knows about terminals; the reader and the reports only consume
//! [`Alignment`].
//!
//! ```text
//! units ─▶ tokens ─▶ weighted bags ─▶ candidates ─▶ groups ─▶ moved flags
//!                                                        └──▶ word diffs
//! ```

mod anchors;
mod band;
mod callouts;
mod candidates;
mod cleanup;
mod closeness;
mod compaction;
mod grouping;
mod identical;
mod lcs;
mod lengths;
mod moved;
mod order;
mod positions;
mod scoring;
mod shared;
mod stages;
mod tokens;
mod units;
mod weights;
mod word_diff;
mod word_tokens;

use serde::{Serialize, Serializer};

use crate::article::Article;
use crate::progress::{Progress, Quiet};

pub use callouts::Callout;
pub(crate) use cleanup::Step;
pub(crate) use lcs::diff_steps;
pub use order::reading_order_of;
pub use stages::StageTimes;
pub use units::{Unit, units_from};

/// What an aligned unit is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    /// Whole paragraphs: the natural unit for reading.
    #[default]
    Paragraph,
    /// Sentences: finer links when outlets restructure paragraphs.
    Sentence,
}

impl Granularity {
    /// The other granularity, for the reader's toggle.
    pub fn toggled(self) -> Self {
        match self {
            Granularity::Paragraph => Granularity::Sentence,
            Granularity::Sentence => Granularity::Paragraph,
        }
    }

    /// Lower-case name, as on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Granularity::Paragraph => "paragraph",
            Granularity::Sentence => "sentence",
        }
    }
}

/// Knobs of one alignment run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AlignOptions {
    pub granularity: Granularity,
    /// Let boilerplate and captions link by similarity like story text.
    /// Off by default: page furniture is only linked when identical.
    pub include_boilerplate: bool,
}

/// The result: both sides' units and the groups that cover them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alignment {
    pub granularity: Granularity,
    pub left: Vec<Unit>,
    pub right: Vec<Unit>,
    /// Every unit of both sides is in exactly one group; groups are in
    /// side-by-side reading order (left order, right-only units slotted in
    /// after their predecessor).
    pub groups: Vec<Group>,
    /// Share of the story text (both sides, by length) that has a
    /// counterpart: 1.0 when everything is linked, 0.0 for unrelated
    /// texts and when neither side has story text. How closely each link
    /// matches is its own `score`.
    #[serde(serialize_with = "rounded")]
    pub similarity: f64,
}

/// 1..n left units linked with 1..m right units, or one unmatched unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    pub left: Vec<usize>,
    pub right: Vec<usize>,
    /// How alike the linked units are, in [0, 1]: the mean of their
    /// rarity-weighted word overlap and the share of their words the diff
    /// keeps in order. 1.0 only for identical text.
    #[serde(serialize_with = "rounded")]
    pub score: f64,
    /// Out of reading order relative to the other text.
    pub moved: bool,
    pub diff: Vec<DiffOp>,
    /// Numbers, names, dates and quotations the two sides give
    /// differently, each with where it is on both sides.
    pub callouts: Vec<Callout>,
}

impl Alignment {
    /// Whether `group` is made only of page furniture (boilerplate,
    /// captions): the reader hides such groups by default, and `align`
    /// counts them apart.
    pub fn is_furniture(&self, group: &Group) -> bool {
        let story = |units: &[Unit], members: &[usize]| {
            members
                .iter()
                .any(|&i| units.get(i).is_some_and(|u| u.kind.is_story()))
        };
        !story(&self.left, &group.left) && !story(&self.right, &group.right)
    }
}

impl Group {
    /// Both sides have units: a link rather than an unmatched unit.
    pub fn is_link(&self) -> bool {
        !self.left.is_empty() && !self.right.is_empty()
    }

    /// The link has word changes (anything but equal ops, reordering
    /// included).
    pub fn is_reworded(&self) -> bool {
        self.is_link() && self.diff.iter().any(|op| op.op != DiffTag::Equal)
    }
}

/// One step of a word diff: what a run of words is to the other side of
/// its link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffTag {
    /// The same words in the same order on both sides (both spans set).
    Equal,
    /// Only the left text has these words: the right side of the link
    /// has no such word to spare.
    Delete,
    /// Only the right text has these words.
    Insert,
    /// Shared, elsewhere: the other side has these words too, in another
    /// place or order. Both spans set: the run and its counterpart; one
    /// side `None`: the other side has the words, but which of its
    /// occurrences is ambiguous (a common word).
    Moved,
}

/// A run of words with the same fate, as byte ranges into unit texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DiffOp {
    pub op: DiffTag,
    pub left: Option<Span>,
    pub right: Option<Span>,
}

// A book-length pair keeps hundreds of thousands of ops (see [`Span`]).
const _: () = assert!(std::mem::size_of::<DiffOp>() == 36);

/// Bytes `start..end` of unit `unit`; serialised as `[unit, start, end]`.
///
/// Held in 32 bits: a diff op is then 36 bytes rather than 72, and a
/// book-length pair keeps hundreds of thousands of them (issue 14: a
/// fifth of the peak memory, and the page faults behind it). Positions
/// fit because no input past [`crate::article::LARGEST_INPUT_BYTES`] is
/// read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    unit: u32,
    start: u32,
    end: u32,
}

impl Span {
    /// Bytes `start..end` of unit `unit`. A position past `u32::MAX`
    /// (only a text the loader would have refused) is held as `u32::MAX`.
    pub fn new(unit: usize, start: usize, end: usize) -> Self {
        let narrow = |n: usize| {
            debug_assert!(u32::try_from(n).is_ok(), "position {n} past 32 bits");
            u32::try_from(n).unwrap_or(u32::MAX)
        };
        Span {
            unit: narrow(unit),
            start: narrow(start),
            end: narrow(end),
        }
    }

    /// The unit's index on its side.
    pub fn unit(self) -> usize {
        self.unit as usize
    }

    /// The first byte, in the unit's text.
    pub fn start(self) -> usize {
        self.start as usize
    }

    /// The byte past the last.
    pub fn end(self) -> usize {
        self.end as usize
    }

    /// The bytes, as a range to index the unit's text with.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start()..self.end()
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        [self.unit, self.start, self.end].serialize(serializer)
    }
}

/// Scores are printed with four decimals: stable across platforms and
/// enough to rank.
fn rounded<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64(round4(*value))
}

/// Rounds to four decimals.
pub fn round4(value: f64) -> f64 {
    (value * 10_000.0).round() / 10_000.0
}

/// What one run of the engine did, for benches and tuning.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AlignStats {
    /// Unit pairs whose overlap was computed: the engine's main cost.
    pub pairs_scored: usize,
    /// Wall time of each stage.
    pub stages: StageTimes,
    /// Which sides (left, right) read as German, as the word diff was
    /// told: [`rediff_links`] needs it to redo that stage exactly.
    pub german: [bool; 2],
}

/// Aligns two articles. Deterministic: the same inputs give the same
/// result, and swapping the inputs mirrors it.
pub fn align(left: &Article, right: &Article, options: AlignOptions) -> Alignment {
    align_with_stats(left, right, options).0
}

/// [`align`], also saying how much work it took.
pub fn align_with_stats(
    left: &Article,
    right: &Article,
    options: AlignOptions,
) -> (Alignment, AlignStats) {
    let left_units = units::units_of(left, options.granularity);
    let right_units = units::units_of(right, options.granularity);
    align_units_with_stats(left_units, right_units, options)
}

/// Aligns prepared units; [`align`] is the usual entry point.
pub fn align_units(left: Vec<Unit>, right: Vec<Unit>, options: AlignOptions) -> Alignment {
    align_units_with_stats(left, right, options).0
}

/// [`align`] that stops early, returning `None`, once `watch` says it is
/// cancelled: checked between stages and every chunk of links in
/// the word diff, so the reader's `Esc` stops the work itself.
pub fn align_cancellable(
    left: &Article,
    right: &Article,
    options: AlignOptions,
    watch: &dyn Progress,
) -> Option<Alignment> {
    let left_units = units::units_of(left, options.granularity);
    let right_units = units::units_of(right, options.granularity);
    align_units_watched(left_units, right_units, options, watch).map(|(a, _)| a)
}

fn align_units_with_stats(
    left: Vec<Unit>,
    right: Vec<Unit>,
    options: AlignOptions,
) -> (Alignment, AlignStats) {
    // `Quiet` never cancels, so the fallback is never taken.
    align_units_watched(left, right, options, &Quiet).unwrap_or_else(|| {
        let empty = Alignment {
            granularity: options.granularity,
            left: Vec::new(),
            right: Vec::new(),
            groups: Vec::new(),
            similarity: 0.0,
        };
        (empty, AlignStats::default())
    })
}

fn align_units_watched(
    left: Vec<Unit>,
    right: Vec<Unit>,
    options: AlignOptions,
    watch: &dyn Progress,
) -> Option<(Alignment, AlignStats)> {
    let go_on = || (!watch.cancelled()).then_some(());
    let mut times = StageTimes::default();
    let mut clock = stages::Stopwatch::start();
    let scorable = |u: &Unit| options.include_boilerplate || u.kind.is_story();
    let bags = weights::Bags::build(&left, &right, scorable);
    let german = bags.german;
    let lengths = lengths::Lengths::of(&left, &right);
    clock.lap(&mut times.bags);
    go_on()?;
    let stop = || watch.cancelled();
    // A German side is read for name evidence before any link's callouts
    // can be made (a tenth to a quarter of a German pair's work): on a
    // long pair it is read on a core of its own beside the stages up to
    // the word diffs, much of which leave the second core idle.
    let (middle, pair) = crate::parallel::join(
        lengths.long && german.contains(&true),
        || {
            links_of(
                bags,
                (&left, &right),
                &lengths,
                &mut clock,
                &mut times,
                &go_on,
            )
        },
        || word_diff::pair_evidence(&left, &right, german, &stop),
    );
    let (found, pair) = (middle?, pair?);
    let diffs = word_diff::diff_links(&found.links, (&left, &right), &pair, &stop)?;
    clock.lap(&mut times.word_diff);
    let linked =
        found
            .links
            .into_iter()
            .zip(found.moved)
            .zip(diffs)
            .map(|((link, moved), diff)| Group {
                left: link.left,
                right: link.right,
                score: (link.score + diff.same) / 2.0,
                moved,
                diff: diff.ops,
                callouts: diff.callouts,
            });
    let unmatched = found.alone.into_iter().map(|(left, right)| Group {
        left,
        right,
        score: 0.0,
        moved: false,
        diff: Vec::new(),
        callouts: Vec::new(),
    });
    let groups = order::arranged(linked.chain(unmatched).collect(), &found.order);
    let alignment = Alignment {
        granularity: options.granularity,
        left,
        right,
        groups,
        similarity: found.similarity,
    };
    clock.lap(&mut times.finish);
    let stats = AlignStats {
        pairs_scored: found.pairs_scored,
        stages: times,
        german,
    };
    Some((alignment, stats))
}

/// What the stages from the candidates to the moved flags find.
struct Linked {
    links: Vec<grouping::Link>,
    /// Per link, whether it is out of reading order.
    moved: Vec<bool>,
    /// The units no link holds, each as a group of its own.
    alone: Vec<(Vec<usize>, Vec<usize>)>,
    /// Links, then lone units, in reading order.
    order: Vec<usize>,
    similarity: f64,
    pairs_scored: usize,
}

/// The stages from the candidates to the moved flags; `None` once
/// `go_on` says stop (asked between stages).
fn links_of(
    bags: weights::Bags,
    (left, right): (&[Unit], &[Unit]),
    lengths: &lengths::Lengths,
    clock: &mut stages::Stopwatch,
    times: &mut StageTimes,
    go_on: &(dyn Fn() -> Option<()> + Sync),
) -> Option<Linked> {
    let (mut pairs, mut pairs_scored) = candidates::scored_candidates(&bags);
    clock.lap(&mut times.candidates);
    go_on()?;
    let first = grouping::first_pass(&bags, &pairs, left, right);
    let band = band::detect(&first, left.len(), right.len());
    clock.lap(&mut times.first_pass);
    if let Some(band) = &band {
        pairs_scored += candidates::add_band_pairs(&bags, &mut pairs, band);
    }
    clock.lap(&mut times.band_pairs);
    go_on()?;
    let (links, local_pairs) =
        grouping::group(&bags, &mut pairs, (left, right), lengths, band.as_ref());
    pairs_scored += local_pairs;
    clock.lap(&mut times.grouping);
    // Bags and candidate pairs are done with: freed before the word diffs,
    // which reuse their memory instead of adding to the peak. Freeing a
    // long text's hundreds of thousands of them takes as long as the
    // moved flags, so on a long pair the two run side by side, and the
    // freeing side then works out the reading order, which needs only
    // which units each link holds.
    let (moved, (alone, order, similarity)) = {
        let links = &links;
        crate::parallel::join(
            lengths.long,
            || moved::moved_flags(links, lengths),
            move || {
                drop((bags, pairs, first));
                let members = || links.iter().map(|l| (&l.left[..], &l.right[..]));
                let alone = order::unmatched_units(members(), left.len(), right.len());
                let lone = alone.iter().map(|(l, r)| (&l[..], &r[..]));
                let order = order::reading_order_of(members().chain(lone));
                let similarity = overall_similarity(members(), (left, right), lengths);
                (alone, order, similarity)
            },
        )
    };
    clock.lap(&mut times.moved);
    Some(Linked {
        links,
        moved,
        alone,
        order,
        similarity,
        pairs_scored,
    })
}

/// Re-runs the word-diff stage over every link of `alignment`, exactly
/// as [`align_units`] does (told which sides are German by its `stats`),
/// and returns the number of ops. For the scale bench, which times this
/// stage on its own.
#[doc(hidden)]
pub fn rediff_links(alignment: &Alignment, stats: &AlignStats) -> usize {
    let links: Vec<grouping::Link> = alignment
        .groups
        .iter()
        .filter(|g| g.is_link())
        .map(|g| grouping::Link {
            left: g.left.clone(),
            right: g.right.clone(),
            score: g.score,
        })
        .collect();
    let sides = (&alignment.left[..], &alignment.right[..]);
    let pair = word_diff::pair_evidence(sides.0, sides.1, stats.german, &|| false);
    pair.and_then(|pair| word_diff::diff_links(&links, sides, &pair, &|| false))
        .unwrap_or_default()
        .iter()
        .map(|d| d.ops.len())
        .sum()
}

/// Linked story length / story length, over both sides, given the
/// links' (left, right) members. Page furniture counts on neither side of
/// the fraction.
fn overall_similarity<'a>(
    links: impl Iterator<Item = (&'a [usize], &'a [usize])>,
    (left, right): (&[Unit], &[Unit]),
    lengths: &lengths::Lengths,
) -> f64 {
    let story_len = |units: &[Unit], chars: &[u64], idx: &mut dyn Iterator<Item = usize>| {
        idx.filter(|&i| units[i].kind.is_story())
            .map(|i| chars[i])
            .sum::<u64>()
    };
    let (left_chars, right_chars) = (&lengths.left[..], &lengths.right[..]);
    let total = story_len(left, left_chars, &mut (0..left.len()))
        + story_len(right, right_chars, &mut (0..right.len()));
    // No story text on either side: nothing is linked, so nothing is
    // shared (two empty files are no more alike than the matrix, which
    // never aligns them, says).
    if total == 0 {
        return 0.0;
    }
    let linked: u64 = links
        .filter(|(l, r)| !l.is_empty() && !r.is_empty())
        .map(|(l, r)| {
            story_len(left, left_chars, &mut l.iter().copied())
                + story_len(right, right_chars, &mut r.iter().copied())
        })
        .sum();
    (linked as f64 / total as f64).min(1.0)
}

/// A tuning aid, not a check: prints every candidate pair of two demo
/// seeds with its overlap, covers and best statement overlap, e.g.
/// `A=1 B=4 cargo test --lib candidate_table -- --ignored --nocapture`.
#[cfg(test)]
mod tuning {
    use super::*;
    use crate::article::{demo::DEMO_CORPUS, parse_article};

    fn seed_from_env(var: &str) -> Article {
        let index: usize = std::env::var(var)
            .ok()
            .and_then(|v| v.parse().ok())
            .expect("set A and B to seed numbers 0-4");
        let (name, text) = DEMO_CORPUS[index];
        parse_article(name, name, text)
    }

    #[test]
    #[ignore = "prints a table for tuning thresholds"]
    fn candidate_table() {
        let (left, right) = (seed_from_env("A"), seed_from_env("B"));
        let left = units::units_of(&left, Granularity::Paragraph);
        let right = units::units_of(&right, Granularity::Paragraph);
        let bags = weights::Bags::build(&left, &right, |u| u.kind.is_story());
        for p in candidates::scored_candidates(&bags)
            .0
            .iter()
            .filter(|p| bags.dice(p) > 0.12)
        {
            println!(
                "{:3} {:3} dice {:.3} lc {:.3} rc {:.3} local {:.3}",
                p.left(),
                p.right(),
                bags.dice(p),
                bags.left_cover(p),
                bags.right_cover(p),
                p.local
            );
        }
    }
}
