//! The LCS walk's diff made into [`Step`]s: changes slid along equal
//! runs until they join or reach a run's end ("a b" against "a b c b":
//! the diff may keep the second "b" and insert "b c" before it; slid, it
//! keeps the first and inserts "c b" after it), then each change between
//! equal runs merged into one step.
//!
//! This is exactly what `similar`'s `Compact` and `Replace` hooks and
//! [`super::cleanup::steps_into`] give together (the sliding
//! is diffy's, as `similar` ports it; tests compare the two on 1,700
//! random list pairs), on a buffer kept from link to link: the hooks
//! build and grow two op lists per link, about a tenth of the word diff's
//! time on a book-length pair. A diff with more ops than [`OWN_OPS`] is
//! handed to the hooks, whose gap buffer keeps its sliding linear; this
//! one moves the tail of its list on each edit.

use std::convert::Infallible;
use std::ops::Range;

use similar::algorithms::{Capture, Compact, DiffHook, Replace};

use super::cleanup::{Step, steps_into};

/// Most ops compacted here; more go to `similar`'s hooks.
pub(super) const OWN_OPS: usize = 256;

/// What an op does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tag {
    Equal,
    Delete,
    Insert,
}

/// One op of the diff: where it starts on each side and how many tokens
/// it covers (on the old side for a deletion, the new for an insertion,
/// both for an equal run).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Op {
    tag: Tag,
    old: usize,
    new: usize,
    len: usize,
}

impl Op {
    fn old_range(&self) -> Range<usize> {
        match self.tag {
            Tag::Insert => self.old..self.old,
            _ => self.old..self.old + self.len,
        }
    }

    fn new_range(&self) -> Range<usize> {
        match self.tag {
            Tag::Delete => self.new..self.new,
            _ => self.new..self.new + self.len,
        }
    }

    /// Moves the op `n` tokens back on both sides.
    fn shift_left(&mut self, n: usize) {
        self.old -= n;
        self.new -= n;
    }

    /// Moves the op `n` tokens on on both sides.
    fn shift_right(&mut self, n: usize) {
        self.old += n;
        self.new += n;
    }

    /// Takes in the `n` tokens before it.
    fn grow_left(&mut self, n: usize) {
        self.shift_left(n);
        self.len += n;
    }

    /// Takes in the `n` tokens after it.
    fn grow_right(&mut self, n: usize) {
        self.len += n;
    }

    /// Gives up its last `n` tokens.
    fn shrink_left(&mut self, n: usize) {
        self.len -= n;
    }

    /// Gives up its first `n` tokens.
    fn shrink_right(&mut self, n: usize) {
        self.shift_right(n);
        self.len -= n;
    }
}

/// The ops of one diff as the walk gives them, compacted in place; kept
/// by a word-diff worker from link to link.
#[derive(Default)]
pub struct Compactor {
    ops: Vec<Op>,
}

impl Compactor {
    /// Records one op of the walk.
    fn push(&mut self, tag: Tag, old: usize, new: usize, len: usize) -> Result<(), Infallible> {
        self.ops.push(Op { tag, old, new, len });
        Ok(())
    }

    /// Forgets the last diff's ops, keeping their room.
    pub fn clear(&mut self) {
        self.ops.clear();
    }

    /// The ops so far compacted and written into `steps` (cleared
    /// first); returns how many tokens the equal runs keep.
    pub fn steps_into(&mut self, old: &[u64], new: &[u64], steps: &mut Vec<Step>) -> usize {
        if self.ops.len() > OWN_OPS {
            return self.steps_by_hooks(old, new, steps);
        }
        compact(&mut self.ops, old, new);
        normalize(&mut self.ops);
        merged_steps(&self.ops, steps)
    }

    /// [`Self::steps_into`] through `similar`'s hooks.
    fn steps_by_hooks(&self, old: &[u64], new: &[u64], steps: &mut Vec<Step>) -> usize {
        let mut hook = Compact::new(Replace::new(Capture::new()), old, new);
        for op in &self.ops {
            let sent = match op.tag {
                Tag::Equal => hook.equal(op.old, op.new, op.len),
                Tag::Delete => hook.delete(op.old, op.len, op.new),
                Tag::Insert => hook.insert(op.old, op.new, op.len),
            };
            // Capture never fails.
            if sent.is_err() {
                break;
            }
        }
        let _ = hook.finish();
        let ops = hook.into_inner().into_inner().into_ops();
        steps_into(&ops, steps)
    }
}

impl DiffHook for Compactor {
    type Error = Infallible;

    fn equal(&mut self, old: usize, new: usize, len: usize) -> Result<(), Infallible> {
        self.push(Tag::Equal, old, new, len)
    }

    fn delete(&mut self, old: usize, len: usize, new: usize) -> Result<(), Infallible> {
        self.push(Tag::Delete, old, new, len)
    }

    fn insert(&mut self, old: usize, new: usize, len: usize) -> Result<(), Infallible> {
        self.push(Tag::Insert, old, new, len)
    }
}

/// Every deletion, then every insertion, slid up and then down to join
/// its neighbours.
fn compact(ops: &mut Vec<Op>, old: &[u64], new: &[u64]) {
    for tag in [Tag::Delete, Tag::Insert] {
        let mut at = 0;
        while let Some(op) = ops.get(at) {
            if op.tag == tag {
                at = slide_up(ops, old, new, at);
                at = slide_down(ops, old, new, at);
            }
            at += 1;
        }
    }
}

/// How many tokens at the ends of `a` and `b` are equal.
pub(super) fn common_suffix(a: &[u64], b: &[u64]) -> usize {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// How many tokens at the starts of `a` and `b` are equal.
pub(super) fn common_prefix(a: &[u64], b: &[u64]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// Slides the change at `at` towards the front while it can; returns
/// where it ends up.
fn slide_up(ops: &mut Vec<Op>, old: &[u64], new: &[u64], mut at: usize) -> usize {
    while let Some(&before) = at.checked_sub(1).and_then(|i| ops.get(i)) {
        let this = ops[at];
        match (this.tag, before.tag) {
            (Tag::Insert | Tag::Delete, Tag::Equal) => {
                let shared = if this.tag == Tag::Insert {
                    common_suffix(&old[before.old_range()], &new[this.new_range()])
                } else {
                    // A deletion moves up only to join the one before.
                    let joins = at
                        .checked_sub(2)
                        .and_then(|i| ops.get(i))
                        .is_some_and(|op| op.tag == Tag::Delete);
                    if !joins {
                        break;
                    }
                    common_suffix(&old[this.old_range()], &new[before.new_range()])
                };
                if shared > 0 {
                    if ops.get(at + 1).is_some_and(|op| op.tag == Tag::Equal) {
                        ops[at + 1].grow_left(shared);
                    } else {
                        let (old_end, new_end) = if this.tag == Tag::Insert {
                            (before.old_range().end, this.new_range().end)
                        } else {
                            (this.old_range().end, before.new_range().end)
                        };
                        let equal = Op {
                            tag: Tag::Equal,
                            old: old_end - shared,
                            new: new_end - shared,
                            len: shared,
                        };
                        ops.insert(at + 1, equal);
                    }
                    ops[at].shift_left(shared);
                    ops[at - 1].shrink_left(shared);
                    if ops[at - 1].len == 0 {
                        ops.remove(at - 1);
                        at -= 1;
                    }
                } else if ops[at - 1].len == 0 {
                    ops.remove(at - 1);
                    at -= 1;
                } else {
                    break;
                }
            }
            (Tag::Insert, Tag::Delete) | (Tag::Delete, Tag::Insert) => {
                swap_change_pair(ops, at - 1);
                at -= 1;
            }
            (Tag::Insert, Tag::Insert) | (Tag::Delete, Tag::Delete) => {
                ops[at - 1].grow_right(this.len);
                ops.remove(at);
                at -= 1;
            }
            // Only changes are slid.
            (Tag::Equal, _) => break,
        }
    }
    at
}

/// Slides the change at `at` towards the back while it can; returns
/// where it ends up.
fn slide_down(ops: &mut Vec<Op>, old: &[u64], new: &[u64], mut at: usize) -> usize {
    while let Some(&after) = ops.get(at + 1) {
        let this = ops[at];
        match (this.tag, after.tag) {
            (Tag::Insert | Tag::Delete, Tag::Equal) => {
                let shared = if this.tag == Tag::Insert {
                    common_prefix(&old[after.old_range()], &new[this.new_range()])
                } else {
                    // A deletion moves down only to join the one after.
                    let joins = ops.get(at + 2).is_some_and(|op| op.tag == Tag::Delete);
                    if !joins {
                        break;
                    }
                    common_prefix(&old[this.old_range()], &new[after.new_range()])
                };
                if shared > 0 {
                    let equal_before = at
                        .checked_sub(1)
                        .and_then(|i| ops.get(i))
                        .is_some_and(|op| op.tag == Tag::Equal);
                    if equal_before {
                        ops[at - 1].grow_right(shared);
                    } else {
                        let old_start = if this.tag == Tag::Insert {
                            after.old_range().start
                        } else {
                            this.old_range().start
                        };
                        let equal = Op {
                            tag: Tag::Equal,
                            old: old_start,
                            new: this.new_range().start,
                            len: shared,
                        };
                        ops.insert(at, equal);
                        at += 1;
                    }
                    ops[at].shift_right(shared);
                    ops[at + 1].shrink_right(shared);
                    if ops[at + 1].len == 0 {
                        ops.remove(at + 1);
                    }
                } else if ops[at + 1].len == 0 {
                    ops.remove(at + 1);
                } else {
                    break;
                }
            }
            (Tag::Insert, Tag::Delete) | (Tag::Delete, Tag::Insert) => {
                swap_change_pair(ops, at);
                at += 1;
            }
            (Tag::Insert, Tag::Insert) | (Tag::Delete, Tag::Delete) => {
                ops[at].grow_right(after.len);
                ops.remove(at + 1);
            }
            // Only changes are slid.
            (Tag::Equal, _) => break,
        }
    }
    at
}

/// Swaps the deletion and insertion at `first` and `first + 1`, keeping
/// each side's positions running on.
fn swap_change_pair(ops: &mut [Op], first: usize) {
    let second = first + 1;
    let old_start = ops[first].old_range().start;
    let old_end = ops[second].old_range().end;
    let new_start = ops[first].new_range().start;
    let new_end = ops[second].new_range().end;
    ops.swap(first, second);
    // A deletion's `new` and an insertion's `old` are where it stands on
    // the side it does not cover.
    match ops[first].tag {
        Tag::Insert => ops[first].old = old_start,
        _ => ops[first].new = new_start,
    }
    match ops[second].tag {
        Tag::Insert => ops[second].old = old_end,
        _ => ops[second].new = new_end,
    }
}

/// Sets where each change stands on the side it does not cover to where
/// the ops before it left off.
fn normalize(ops: &mut [Op]) {
    let (mut old_at, mut new_at) = ops
        .first()
        .map_or((0, 0), |op| (op.old_range().start, op.new_range().start));
    for op in ops {
        match op.tag {
            Tag::Equal => {
                old_at = op.old + op.len;
                new_at = op.new + op.len;
            }
            Tag::Delete => {
                op.new = new_at;
                old_at = op.old + op.len;
            }
            Tag::Insert => {
                op.old = old_at;
                new_at = op.new + op.len;
            }
        }
    }
}

/// Steps from compacted ops, as the `Replace` hook then
/// [`steps_into`] make them: neighbouring equal runs are one step, and so
/// are all the changes between two equal runs (their deletions' start
/// and length on the old side, their insertions' on the new). Returns the
/// tokens kept equal.
fn merged_steps(ops: &[Op], steps: &mut Vec<Step>) -> usize {
    steps.clear();
    let mut kept = 0;
    // The open equal run (old, new, len), deletion (old, len, new) and
    // insertion (old, new, len).
    let mut equal: Option<(usize, usize, usize)> = None;
    let mut deleted: Option<(usize, usize, usize)> = None;
    let mut inserted: Option<(usize, usize, usize)> = None;
    let flush_equal = |equal: &mut Option<(usize, usize, usize)>, steps: &mut Vec<Step>| {
        if let Some((old, new, len)) = equal.take() {
            steps.push(Step::Same(old..old + len, new..new + len));
        }
    };
    let flush_change = |deleted: &mut Option<(usize, usize, usize)>,
                        inserted: &mut Option<(usize, usize, usize)>,
                        steps: &mut Vec<Step>| {
        let step = match (deleted.take(), inserted.take()) {
            (Some((old, old_len, _)), Some((_, new, new_len))) => {
                Step::Changed(old..old + old_len, new..new + new_len)
            }
            (Some((old, old_len, new)), None) => Step::Changed(old..old + old_len, new..new),
            (None, Some((old, new, new_len))) => Step::Changed(old..old, new..new + new_len),
            (None, None) => return,
        };
        steps.push(step);
    };
    for op in ops {
        match op.tag {
            Tag::Equal => {
                flush_change(&mut deleted, &mut inserted, steps);
                kept += op.len;
                equal = Some(match equal {
                    Some((old, new, len)) => (old, new, len + op.len),
                    None => (op.old, op.new, op.len),
                });
            }
            Tag::Delete => {
                flush_equal(&mut equal, steps);
                deleted = Some(match deleted {
                    Some((old, len, new)) => (old, len + op.len, new),
                    None => (op.old, op.len, op.new),
                });
            }
            Tag::Insert => {
                flush_equal(&mut equal, steps);
                inserted = Some(match inserted {
                    Some((old, new, len)) => (old, new, len + op.len),
                    None => (op.old, op.new, op.len),
                });
            }
        }
    }
    flush_equal(&mut equal, steps);
    flush_change(&mut deleted, &mut inserted, steps);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use similar::algorithms::myers;

    /// Both ways of making steps from the same raw ops: here, and by
    /// `similar`'s hooks.
    fn both(raw: &[similar::DiffOp], a: &[u64], b: &[u64]) -> [(Vec<Step>, usize); 2] {
        let mut compactor = Compactor::default();
        for op in raw {
            let _ = op.apply_to_hook(&mut compactor);
        }
        // The hooks are given the ops before this compaction changes them.
        let mut hooks = Vec::new();
        let kept_hooks = compactor.steps_by_hooks(a, b, &mut hooks);
        let mut here = Vec::new();
        let kept_here = compactor.steps_into(a, b, &mut here);
        [(here, kept_here), (hooks, kept_hooks)]
    }

    #[test]
    fn myers_raw_ops_compact_as_similar_compacts_them() {
        let mut seed = 5u64;
        let mut own = 0;
        for (alphabet, max_len) in [(2, 12), (3, 40), (4, 120), (8, 300)] {
            for _ in 0..200 {
                let mut next = |bound: u64| (crate::test_rng::next(&mut seed) >> 33) % bound;
                let (n, m) = (next(max_len + 1) as usize, next(max_len + 1) as usize);
                let a: Vec<u64> = (0..n).map(|_| next(alphabet)).collect();
                let b: Vec<u64> = (0..m).map(|_| next(alphabet)).collect();
                let mut capture = Capture::new();
                let _ = myers::diff(&mut capture, &a, 0..n, &b, 0..m);
                let raw = capture.into_ops();
                own += usize::from(raw.len() <= OWN_OPS && raw.len() > 64);
                let [here, hooks] = both(&raw, &a, &b);
                assert_eq!(here, hooks, "{a:?} {b:?}");
            }
        }
        assert!(own > 50, "lists long enough to slide far: {own}");
    }

    /// Ops written as (tag, old, new, len), in `similar`'s form.
    fn ops(list: &[(char, usize, usize, usize)]) -> Vec<similar::DiffOp> {
        let op = |&(tag, old_index, new_index, len): &(char, usize, usize, usize)| match tag {
            '=' => similar::DiffOp::Equal {
                old_index,
                new_index,
                len,
            },
            '-' => similar::DiffOp::Delete {
                old_index,
                old_len: len,
                new_index,
            },
            _ => similar::DiffOp::Insert {
                old_index,
                new_index,
                new_len: len,
            },
        };
        list.iter().map(op).collect()
    }

    #[test]
    fn an_insertion_slides_to_the_end_of_the_equal_run() {
        // "a b" against "a b c b": the diff may keep the second "b" and
        // insert "b c" before it; sliding keeps the first and inserts
        // "c b" after it, so the equal run reads "a b" unbroken.
        let (a, b) = ([1, 2], [1, 2, 3, 2]);
        let raw = ops(&[('=', 0, 0, 1), ('+', 1, 1, 2), ('=', 1, 3, 1)]);
        let [here, hooks] = both(&raw, &a, &b);
        assert_eq!(here, hooks);
        let steps = vec![Step::Same(0..2, 0..2), Step::Changed(2..2, 2..4)];
        assert_eq!(here, (steps, 2));
    }
}
