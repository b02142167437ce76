//! The word-level diff of a link, as byte spans into the unit texts so a
//! UI can highlight exactly. Words and punctuation are tokens; spaces are
//! not (they fall in the gaps between spans). Comparison is on normalised
//! keys — case, curly/straight quotes, dashes, "U.S."/"US",
//! "percent"/"%" — while spans always point at the original text.
//!
//! Three kinds of words come out: the minimal diff's in-order common runs
//! (`Equal`; a link of thousands of changed words a side is first cut at
//! its unique common words, see [`super::anchors`]), words the other side
//! also has elsewhere (`Moved`, see [`super::shared`]), and words only
//! one side has (`Delete`/`Insert`).

use super::callouts::{Callout, callouts};
use super::cleanup::Step;
use super::lcs::Lcs;
use super::shared::{Fate, Sharing, share_with};
use super::word_tokens::{Token, tokens_into};

use super::grouping::Link;
use super::units::Unit;
use super::{DiffOp, DiffTag, Span};
use crate::facts::PairEvidence;
use crate::parallel::map_in_order_until;

/// Links per chunk handed to a worker: big enough that taking a chunk
/// costs nothing, small enough that both cores finish together.
const LINKS_PER_CHUNK: usize = 128;

/// A link's word diff and how much of it is unchanged.
pub struct WordDiff {
    pub ops: Vec<DiffOp>,
    /// 2 × words kept in order ÷ words on both sides: 1.0 for identical
    /// text. Counted on the minimal diff, so it is the same whichever side
    /// is left (below the LCS table's size; past it, nearly so).
    pub same: f64,
    /// Facts the two sides give differently.
    pub callouts: Vec<Callout>,
}

/// Buffers one worker reuses from link to link.
#[derive(Default)]
pub struct Scratch {
    left_tokens: Vec<Token>,
    left_keys: Vec<u64>,
    right_tokens: Vec<Token>,
    right_keys: Vec<u64>,
    unmatched: Unmatched,
    steps: Vec<Step>,
    /// The link's ops as they are found; copied out at their exact size,
    /// instead of a vector grown op by op (and kept with its slack).
    ops: Vec<DiffOp>,
    lcs: Lcs,
}

/// The diffs of all links, in their order, on all cores; `None` once
/// `stop` says so (checked every [`LINKS_PER_CHUNK`] links). `pair` is
/// what both sides say of names ([`pair_evidence`]).
pub fn diff_links(
    links: &[Link],
    (left, right): (&[Unit], &[Unit]),
    pair: &PairEvidence,
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<WordDiff>> {
    let diff = |scratch: &mut Scratch, l: &Link| {
        diff_group_with(scratch, (&l.left, &l.right), (left, right), pair)
    };
    map_in_order_until(links, LINKS_PER_CHUNK, Scratch::default, diff, stop)
}

/// What the story of both sides says about names, for every link's
/// callouts (as `facts` reads it: page furniture aside). `german` says
/// which sides read as German; only a pair with one is read (see
/// [`PairEvidence`]), `stop` asked every paragraph: `None` once it says
/// so.
pub fn pair_evidence(
    left: &[Unit],
    right: &[Unit],
    german: [bool; 2],
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<PairEvidence> {
    PairEvidence::of(&story_texts(left), &story_texts(right), german, stop)
}

fn story_texts(units: &[Unit]) -> Vec<&str> {
    units
        .iter()
        .filter(|u| u.kind.is_story())
        .map(|u| u.text.as_str())
        .collect()
}

/// The diff of the units of one link, in reading order of both sides
/// (neither side taken for German).
#[cfg(test)]
pub fn diff_group(
    left_idx: &[usize],
    right_idx: &[usize],
    left: &[Unit],
    right: &[Unit],
) -> WordDiff {
    let pair = PairEvidence::default();
    diff_group_with(
        &mut Scratch::default(),
        (left_idx, right_idx),
        (left, right),
        &pair,
    )
}

/// `diff_group` (the tests' form) with a worker's reusable buffers.
fn diff_group_with(
    scratch: &mut Scratch,
    (left_idx, right_idx): (&[usize], &[usize]),
    (left, right): (&[Unit], &[Unit]),
    pair: &PairEvidence,
) -> WordDiff {
    if let ([l], [r]) = (left_idx, right_idx)
        && left[*l].text == right[*r].text
        && left[*l].text.trim().len() == left[*l].text.len()
        && !left[*l].text.is_empty()
    {
        // Unchanged paragraphs, common in revisions, skip the diff.
        let whole = |unit: usize| Some(Span::new(unit, 0, left[*l].text.len()));
        let ops = vec![DiffOp {
            op: DiffTag::Equal,
            left: whole(*l),
            right: whole(*r),
        }];
        return WordDiff {
            ops,
            same: 1.0,
            callouts: Vec::new(),
        };
    }
    let Scratch {
        left_tokens,
        left_keys,
        right_tokens,
        right_keys,
        unmatched,
        steps,
        ops: out,
        lcs,
    } = scratch;
    tokens_into(left_idx, left, left_tokens, left_keys);
    tokens_into(right_idx, right, right_tokens, right_keys);
    let (left_tokens, left_keys) = (&left_tokens[..], &left_keys[..]);
    let (right_tokens, right_keys) = (&right_tokens[..], &right_keys[..]);
    let kept = lcs.steps_into(left_keys, right_keys, steps);
    let total = left_keys.len() + right_keys.len();
    let same = if total == 0 {
        1.0
    } else {
        2.0 * kept as f64 / total as f64
    };
    let sharing = unmatched.sort(steps, left_tokens, left_keys, right_tokens, right_keys);
    let right_unmatched = &unmatched.right_tokens;
    out.clear();
    let (mut left_at, mut right_at) = (0, 0);
    for step in steps.iter().cloned() {
        match step {
            Step::Same(old, new) => push_equal(&left_tokens[old], &right_tokens[new], out),
            Step::Changed(old, new) => {
                let ctx = Emit {
                    sharing: &sharing,
                    left: left_tokens,
                    right: right_tokens,
                    right_unmatched,
                    sealed: std::cell::Cell::new(false),
                };
                for (n, token) in old.clone().enumerate() {
                    ctx.left_token(token, left_at + n, out);
                }
                for (n, token) in new.clone().enumerate() {
                    ctx.right_token(token, right_at + n, out);
                }
                left_at += old.len();
                right_at += new.len();
            }
        }
    }
    let callouts = callouts(out, (left_idx, right_idx), (left, right), pair);
    WordDiff {
        ops: out.to_vec(),
        same,
        callouts,
    }
}

/// The unmatched tokens of a link, gathered for [`share_with`]; reused from
/// link to link.
#[derive(Default)]
pub struct Unmatched {
    left_keys: Vec<u64>,
    left_blocks: Vec<usize>,
    right_keys: Vec<u64>,
    right_blocks: Vec<usize>,
    /// Token index of each unmatched right token, in order.
    right_tokens: Vec<usize>,
    /// [`share_with`]'s buffer.
    positions: Vec<(u64, usize)>,
}

impl Unmatched {
    /// Unmatched tokens of both sides sorted into shared and only-here.
    /// Runs stay inside one block: one change step of one unit, so a
    /// run's span never covers an equal word or crosses units.
    fn sort(
        &mut self,
        steps: &[Step],
        left_tokens: &[Token],
        left_keys: &[u64],
        right_tokens: &[Token],
        right_keys: &[u64],
    ) -> Sharing {
        self.left_keys.clear();
        self.left_blocks.clear();
        self.right_keys.clear();
        self.right_blocks.clear();
        self.right_tokens.clear();
        // Block ids count changes of (step, unit) along each side.
        let (mut left_last, mut right_last) = (None, None);
        for (block, step) in steps.iter().enumerate() {
            if let Step::Changed(old, new) = step {
                for t in old.clone() {
                    self.left_keys.push(left_keys[t]);
                    let id = block_id(&mut left_last, (block, left_tokens[t].unit));
                    self.left_blocks.push(id);
                }
                for t in new.clone() {
                    self.right_keys.push(right_keys[t]);
                    self.right_tokens.push(t);
                    let id = block_id(&mut right_last, (block, right_tokens[t].unit));
                    self.right_blocks.push(id);
                }
            }
        }
        share_with(
            &mut self.positions,
            &self.left_keys,
            &self.left_blocks,
            &self.right_keys,
            &self.right_blocks,
        )
    }
}

/// Numbers (step, unit) blocks 0, 1, 2… in order of appearance, a new
/// number whenever the block differs from the previous token's.
fn block_id(last: &mut Option<((usize, usize), usize)>, block: (usize, usize)) -> usize {
    let id = match *last {
        None => 0,
        Some((previous, id)) if previous == block => id,
        Some((_, id)) => id + 1,
    };
    *last = Some((block, id));
    id
}

/// What [`diff_group_with`] needs to turn one unmatched token into ops.
struct Emit<'a> {
    sharing: &'a Sharing,
    left: &'a [Token],
    right: &'a [Token],
    /// Token index of each unmatched right token, in order.
    right_unmatched: &'a [usize],
    /// A token was skipped (it belongs to a paired run emitted with the
    /// left side): the next one-sided op must not extend across it.
    sealed: std::cell::Cell<bool>,
}

impl Emit<'_> {
    /// Left token `token`, the `at`-th unmatched one on the left.
    fn left_token(&self, token: usize, at: usize, out: &mut Vec<DiffOp>) {
        let one = span(&self.left[token..=token]);
        match self.sharing.left.get(at) {
            Some(Fate::Shared(run)) => match self.sharing.runs.get(*run) {
                Some(r) if r.paired && r.left == at => {
                    let (first_left, first_right) = (token, self.right_index(r.right));
                    let left = span(self.left.get(first_left..first_left + r.len).unwrap_or(&[]));
                    let right =
                        first_right.and_then(|f| span(self.right.get(f..f + r.len).unwrap_or(&[])));
                    out.push(DiffOp {
                        op: DiffTag::Moved,
                        left,
                        right,
                    });
                }
                Some(r) if r.paired => self.sealed.set(true),
                _ => self.push(out, DiffTag::Moved, one, None),
            },
            _ => self.push(out, DiffTag::Delete, one, None),
        }
    }

    /// Right token `token`, the `at`-th unmatched one on the right.
    fn right_token(&self, token: usize, at: usize, out: &mut Vec<DiffOp>) {
        let one = span(&self.right[token..=token]);
        match self.sharing.right.get(at) {
            Some(Fate::Shared(run)) => match self.sharing.runs.get(*run) {
                Some(r) if r.paired => self.sealed.set(true),
                _ => self.push(out, DiffTag::Moved, None, one),
            },
            _ => self.push(out, DiffTag::Insert, None, one),
        }
    }

    /// Appends a one-sided op, extending the previous one unless a
    /// skipped token lies between them.
    fn push(&self, out: &mut Vec<DiffOp>, op: DiffTag, left: Option<Span>, right: Option<Span>) {
        if self.sealed.replace(false) {
            out.push(DiffOp { op, left, right });
        } else {
            push(out, op, left, right);
        }
    }

    /// Token index of the `at`-th unmatched right token.
    fn right_index(&self, at: usize) -> Option<usize> {
        self.right_unmatched.get(at).copied()
    }
}

fn span(run: &[Token]) -> Option<Span> {
    let first = run.first()?;
    let last = run.last()?;
    Some(Span::new(first.unit, first.start, last.end))
}

/// Equal runs split wherever either side crosses into another unit.
fn push_equal(left: &[Token], right: &[Token], out: &mut Vec<DiffOp>) {
    let mut begin = 0;
    for k in 1..=left.len() {
        let boundary = k == left.len()
            || left[k].unit != left[begin].unit
            || right[k].unit != right[begin].unit;
        if boundary {
            push(
                out,
                DiffTag::Equal,
                span(&left[begin..k]),
                span(&right[begin..k]),
            );
            begin = k;
        }
    }
}

/// Appends a one-sided op (or an equal one), extending the previous
/// one-sided op of the same kind when it continues it in the same unit.
fn push(out: &mut Vec<DiffOp>, op: DiffTag, left: Option<Span>, right: Option<Span>) {
    if left.is_none() && right.is_none() {
        return;
    }
    let one_sided = left.is_none() || right.is_none();
    if let Some(last) = out.last_mut()
        && last.op == op
        && one_sided
        && (last.left.is_none() || last.right.is_none())
        && extends(&mut last.left, left)
        && extends(&mut last.right, right)
    {
        return;
    }
    out.push(DiffOp { op, left, right });
}

/// Extends `current` by `next` when both are in the same unit (or both
/// absent); returns false, changing nothing, otherwise.
fn extends(current: &mut Option<Span>, next: Option<Span>) -> bool {
    match (current.as_mut(), next) {
        (None, None) => true,
        (Some(c), Some(n)) if c.unit == n.unit => {
            c.end = n.end;
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Kind;

    fn unit(text: &str) -> Unit {
        Unit {
            text: text.into(),
            kind: Kind::Body,
            paragraph: 0,
        }
    }

    fn rendered(ops: &[DiffOp], left: &[Unit], right: &[Unit]) -> Vec<String> {
        ops.iter()
            .map(|op| {
                let text = |s: Option<Span>, units: &[Unit]| {
                    s.map(|s| units[s.unit()].text[s.range()].to_string())
                };
                match op.op {
                    DiffTag::Equal => format!("={}", text(op.left, left).unwrap_or_default()),
                    DiffTag::Delete => format!("-{}", text(op.left, left).unwrap_or_default()),
                    DiffTag::Insert => format!("+{}", text(op.right, right).unwrap_or_default()),
                    DiffTag::Moved => format!(
                        "~{}|{}",
                        text(op.left, left).unwrap_or_default(),
                        text(op.right, right).unwrap_or_default()
                    ),
                }
            })
            .collect()
    }

    #[test]
    fn marks_changed_words() {
        let left = [unit("Ukraine keeps 80% of its territory.")];
        let right = [unit("Ukraine retains 80% of its land.")];
        let ops = diff_group(&[0], &[0], &left, &right).ops;
        assert_eq!(
            rendered(&ops, &left, &right),
            [
                "=Ukraine",
                "-keeps",
                "+retains",
                "=80% of its",
                "-territory",
                "+land",
                "=."
            ]
        );
    }

    #[test]
    fn reordered_words_are_shared_not_only_here() {
        let left = [unit(
            "Steve Witkoff and Jared Kushner met Zelensky in Berlin.",
        )];
        let right = [unit(
            "In Berlin, Zelensky met Steve Witkoff and Jared Kushner.",
        )];
        let ops = diff_group(&[0], &[0], &left, &right).ops;
        let r = rendered(&ops, &left, &right);
        assert!(
            r.contains(&"~Steve Witkoff and Jared Kushner|Steve Witkoff and Jared Kushner".into())
                || r.contains(&"=Steve Witkoff and Jared Kushner".into()),
            "{r:?}"
        );
        // Nothing the other side has is marked only-here: only the comma.
        let only: Vec<&String> = r
            .iter()
            .filter(|s| s.starts_with('-') || s.starts_with('+'))
            .collect();
        assert_eq!(only, [&"+,".to_string()], "{r:?}");
    }

    #[test]
    fn case_and_percent_compare_equal() {
        let left = [unit("Ukraine keeps 80 percent.")];
        let right = [unit("ukraine keeps 80%.")];
        let ops = diff_group(&[0], &[0], &left, &right).ops;
        assert!(ops.iter().all(|op| op.op == DiffTag::Equal), "{ops:?}");
    }

    #[test]
    fn a_changed_number_is_called_out() {
        let left = [unit("Ukraine would keep 80% of the region, Witkoff said.")];
        let right = [unit("Ukraine would keep 75% of the region, Whitcoff said.")];
        let diff = diff_group(&[0], &[0], &left, &right);
        let called: Vec<(&str, &str)> = diff
            .callouts
            .iter()
            .map(|c| {
                (
                    &left[0].text[c.left.range()],
                    &right[0].text[c.right.range()],
                )
            })
            .collect();
        assert_eq!(called, [("80%", "75%"), ("Witkoff", "Whitcoff")]);
    }

    #[test]
    fn curly_and_straight_quotes_are_equal() {
        let left = [unit("“NATO’s”")];
        let right = [unit("\"NATO's\"")];
        let ops = diff_group(&[0], &[0], &left, &right).ops;
        assert!(ops.iter().all(|op| op.op == DiffTag::Equal));
    }

    #[test]
    fn dotted_acronyms_equal_plain_ones() {
        let left = [unit("The U.S. side agreed.")];
        let right = [unit("The US side agreed.")];
        let ops = diff_group(&[0], &[0], &left, &right).ops;
        assert!(ops.iter().all(|op| op.op == DiffTag::Equal), "{ops:?}");
    }

    #[test]
    fn equal_runs_split_at_unit_boundaries() {
        let left = [unit("One two."), unit("Three four.")];
        let right = [unit("One two. Three four.")];
        let ops = diff_group(&[0, 1], &[0], &left, &right).ops;
        assert_eq!(ops.len(), 2);
        assert_eq!(
            ops[0].left,
            Some(Span {
                unit: 0,
                start: 0,
                end: 8
            })
        );
        assert_eq!(
            ops[1].left,
            Some(Span {
                unit: 1,
                start: 0,
                end: 11
            })
        );
        assert_eq!(
            ops[1].right,
            Some(Span {
                unit: 0,
                start: 9,
                end: 20
            })
        );
    }
}
