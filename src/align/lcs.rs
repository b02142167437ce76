//! The word diff's engine: a longest common subsequence of two token-key
//! lists, found with bit-parallel rows (Allison–Dix, in Hyyrö's form).
//! A row of the LCS table is one machine word per 64 tokens, so a link
//! of two 30-word paragraphs costs a few hundred instructions where a
//! general-purpose Myers search cost tens of thousands; and the result
//! is always minimal below [`MAX_ROW_WORDS`]. A changed middle too large
//! for a table is first cut at its unique common words ([`anchors`]),
//! each gap between two is diffed the same way, and one with no such word
//! is diffed window by window: no clock decides how far a diff gets.
//!
//! The table is built over the reversed lists, so the walk that reads the
//! diff off it goes forward: it takes a common word at its first chance,
//! and a deletion before an insertion when both keep the subsequence as
//! long. Among the many longest subsequences of two paraphrases that
//! picks one; the compaction then slides the changes as `similar`'s did
//! for Myers' choice.
//!
//! [`anchors`]: super::anchors

use similar::algorithms::DiffHook;

use super::anchors::unique_anchors;
use super::cleanup::Step;
use super::compaction::{Compactor, common_prefix, common_suffix};

mod places;

use places::Places;

/// Largest table (rows × words per row) built; larger changed middles
/// are cut at their anchors first. 2^20 words is 8 MiB: two 8,000-word
/// texts diffed as one link.
const MAX_ROW_WORDS: usize = 1 << 20;

/// Tokens a side of one window of a middle too large for a table and
/// with no unique word to cut it at: a table of 4,096 × 64 words (2 MiB).
const WINDOW: usize = 4096;

/// Tables this large (in words) are let go of after their link: a rare
/// huge paragraph does not keep megabytes for the rest of the run.
const KEPT_ROW_WORDS: usize = 1 << 16;

/// The compacted diff of two key lists, for a caller that diffs now and
/// then (quotations across articles) rather than link after link.
pub fn diff_steps(old: &[u64], new: &[u64]) -> Vec<Step> {
    let mut steps = Vec::new();
    Lcs::default().steps_into(old, new, &mut steps);
    steps
}

/// The table's buffers, kept by a word-diff worker from link to link so
/// the table of a link allocates nothing.
#[derive(Default)]
pub struct Lcs {
    table: Table,
    /// Where each key of the new list stands, counted from its end.
    places: Places,
    matches: Vec<u64>,
    /// The walk's ops, compacted into steps.
    ops: Compactor,
}

impl Lcs {
    /// The diff of `old` and `new` as steps into `steps` (cleared
    /// first), compacted exactly as `similar`'s hooks would (see
    /// [`Compactor`]); returns how many tokens stay equal.
    pub fn steps_into(&mut self, old: &[u64], new: &[u64], steps: &mut Vec<Step>) -> usize {
        let mut ops = std::mem::take(&mut self.ops);
        ops.clear();
        self.emit(&mut ops, old, new);
        if self.table.rows.capacity() > KEPT_ROW_WORDS {
            self.table.rows = Vec::new();
        }
        let kept = ops.steps_into(old, new, steps);
        self.ops = ops;
        kept
    }

    /// Emits the diff into `hook` (not finished). Parts wait on a stack,
    /// last first, so a middle cut at thousands of anchors is never a
    /// recursion that deep.
    fn emit<D: DiffHook>(&mut self, hook: &mut D, old: &[u64], new: &[u64]) {
        let mut out = Emitter::new(hook);
        let mut parts = vec![Part::Diff(old, new)];
        while let Some(part) = parts.pop() {
            match part {
                Part::Equal(len) => out.run(Run::Equal, len),
                Part::Diff(old, new) => self.emit_part(old, new, &mut out, &mut parts),
            }
        }
        out.flush();
    }

    /// Emits what it can of one part now: its common ends, and its middle
    /// when that has a table or nothing in common; a larger middle is
    /// cut at its anchors, and the pieces pushed onto `parts` to come next.
    fn emit_part<'a, D: DiffHook>(
        &mut self,
        old: &'a [u64],
        new: &'a [u64],
        out: &mut Emitter<'_, D>,
        parts: &mut Vec<Part<'a>>,
    ) {
        let prefix = common_prefix(old, new);
        let (old_rest, new_rest) = (&old[prefix..], &new[prefix..]);
        let suffix = common_suffix(old_rest, new_rest);
        let old_mid = &old_rest[..old_rest.len() - suffix];
        let new_mid = &new_rest[..new_rest.len() - suffix];
        out.run(Run::Equal, prefix);
        let changed_both = !old_mid.is_empty() && !new_mid.is_empty();
        if changed_both && self.fill(old_mid, new_mid).is_some() {
            self.table.walk(old_mid, new_mid, out);
            out.run(Run::Equal, suffix);
            return;
        }
        let anchors = if changed_both {
            unique_anchors(old_mid, new_mid)
        } else {
            Vec::new()
        };
        if anchors.is_empty() {
            self.emit_windowed(old_mid, new_mid, out);
            out.run(Run::Equal, suffix);
            return;
        }
        // Pushed last first: the suffix, the gap after the last anchor,
        // that anchor, and so on back to the first gap.
        parts.push(Part::Equal(suffix));
        let mut ends = (old_mid.len(), new_mid.len());
        for &(i, j) in anchors.iter().rev() {
            parts.push(Part::Diff(&old_mid[i + 1..ends.0], &new_mid[j + 1..ends.1]));
            parts.push(Part::Equal(1));
            ends = (i, j);
        }
        parts.push(Part::Diff(&old_mid[..ends.0], &new_mid[..ends.1]));
    }

    /// Emits the diff of two lists too large for one table, window by
    /// window: a table of the next [`WINDOW`] tokens of each side, of
    /// which the first half of the walk is kept (the rest is read again
    /// with what follows). A change longer than a window is not seen
    /// whole, but the result is still a diff of the two lists, and the
    /// same one every time.
    fn emit_windowed<D: DiffHook>(&mut self, old: &[u64], new: &[u64], out: &mut Emitter<'_, D>) {
        let (mut i, mut j) = (0, 0);
        loop {
            let (old_end, new_end) = ((i + WINDOW).min(old.len()), (j + WINDOW).min(new.len()));
            let (old_window, new_window) = (&old[i..old_end], &new[j..new_end]);
            if old_window.is_empty()
                || new_window.is_empty()
                || self.fill(old_window, new_window).is_none()
            {
                out.run(Run::Delete, old.len() - i);
                out.run(Run::Insert, new.len() - j);
                return;
            }
            if old_end == old.len() && new_end == new.len() {
                self.table.walk(old_window, new_window, out);
                return;
            }
            let (kept_old, kept_new) =
                self.table
                    .walk_until(old_window, new_window, out, WINDOW / 2);
            (i, j) = (i + kept_old, j + kept_new);
        }
    }

    /// Builds the table of two non-empty lists; `None` when too large.
    fn fill(&mut self, old: &[u64], new: &[u64]) -> Option<()> {
        let width = new.len().div_ceil(64);
        if (old.len() + 1).saturating_mul(width) > MAX_ROW_WORDS {
            return None;
        }
        // Which places hold a key: the new list indexed once, then each
        // old token's matches are one lookup.
        self.places.index(new.iter().rev().copied());
        let table = &mut self.table;
        table.width = width;
        table.columns = new.len();
        table.rows.clear();
        table.rows.resize((old.len() + 1) * width, u64::MAX);
        self.matches.resize(width, 0);
        for (i, key) in old.iter().rev().enumerate() {
            // Bit j: the j-th new token from the end is this old token.
            self.matches.fill(0);
            let matches = &mut self.matches;
            self.places
                .each_place(*key, |j| matches[j / 64] |= 1 << (j % 64));
            table.next_row(i, &self.matches);
        }
        Some(())
    }
}

/// Rows of the bit-parallel LCS table of the reversed lists: bit `j` of
/// row `i` is clear when the LCS of the last `i` old tokens with the last
/// `j + 1` new ones is one longer than with the last `j`.
#[derive(Default)]
struct Table {
    /// Words per row.
    width: usize,
    /// Row 0 (all bits set: nothing in common yet), then one row per old
    /// token, last token first.
    rows: Vec<u64>,
    /// Tokens in the new list: bits past it in the last word are ignored.
    columns: usize,
}

impl Table {
    /// Row `i + 1` from row `i` and the places matching old token `i`
    /// (from the end): `V' = (V + (V & M)) | (V & !M)`, carried across
    /// words.
    fn next_row(&mut self, i: usize, matches: &[u64]) {
        let width = self.width;
        let (done, next) = self.rows.split_at_mut((i + 1) * width);
        let previous = &done[i * width..];
        let mut carry = false;
        for ((v, m), out) in previous.iter().zip(matches).zip(next.iter_mut()) {
            let u = v & m;
            let (sum, overflow_a) = v.overflowing_add(u);
            let (sum, overflow_b) = sum.overflowing_add(u64::from(carry));
            carry = overflow_a || overflow_b;
            *out = sum | (v & !m);
        }
    }

    /// The LCS of the last `i` old tokens and the last `j` new ones.
    fn lcs(&self, i: usize, j: usize) -> usize {
        let row = &self.rows[i * self.width..(i + 1) * self.width];
        let (full, part) = (j / 64, j % 64);
        let mut zeros: usize = row[..full].iter().map(|w| w.count_zeros() as usize).sum();
        if part > 0 {
            zeros += (!row[full] & ((1u64 << part) - 1)).count_ones() as usize;
        }
        zeros
    }

    /// Reads the diff off the table from the front: a common token is
    /// taken at once, else whichever side's token can go without
    /// shortening the subsequence (the old one on a tie).
    fn walk<D: DiffHook>(&self, old: &[u64], new: &[u64], out: &mut Emitter<'_, D>) {
        let (i, j) = self.walk_until(old, new, out, usize::MAX);
        out.run(Run::Delete, old.len() - i);
        out.run(Run::Insert, self.columns - j);
    }

    /// [`Self::walk`] until a side runs out or `limit` tokens of either
    /// side are read; returns how many of each were.
    fn walk_until<D: DiffHook>(
        &self,
        old: &[u64],
        new: &[u64],
        out: &mut Emitter<'_, D>,
        limit: usize,
    ) -> (usize, usize) {
        let (n, m) = (old.len(), self.columns);
        let (mut i, mut j) = (0, 0);
        while i < n && j < m && i < limit && j < limit {
            if old[i] == new[j] {
                out.run(Run::Equal, 1);
                i += 1;
                j += 1;
            } else if self.lcs(n - i - 1, m - j) >= self.lcs(n - i, m - j - 1) {
                out.run(Run::Delete, 1);
                i += 1;
            } else {
                out.run(Run::Insert, 1);
                j += 1;
            }
        }
        (i, j)
    }
}

/// A part of the diff still to emit.
enum Part<'a> {
    /// Tokens equal on both sides, as many as this.
    Equal(usize),
    /// Two lists to diff.
    Diff(&'a [u64], &'a [u64]),
}

/// What a run of tokens is to the diff.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Run {
    Equal,
    Delete,
    Insert,
}

/// Gathers single steps into runs and hands each run to the hook once.
struct Emitter<'h, D: DiffHook> {
    hook: &'h mut D,
    /// The open run: its kind, where it starts on both sides, its length.
    open: Option<(Run, usize, usize, usize)>,
    /// Where the next token of each side is.
    old_at: usize,
    new_at: usize,
    /// The hook's first error, which ends the emitting.
    failed: bool,
}

impl<'h, D: DiffHook> Emitter<'h, D> {
    fn new(hook: &'h mut D) -> Self {
        Emitter {
            hook,
            open: None,
            old_at: 0,
            new_at: 0,
            failed: false,
        }
    }

    fn run(&mut self, kind: Run, len: usize) {
        if len == 0 {
            return;
        }
        match &mut self.open {
            Some((open, _, _, open_len)) if *open == kind => *open_len += len,
            _ => {
                self.flush();
                self.open = Some((kind, self.old_at, self.new_at, len));
            }
        }
        if kind != Run::Insert {
            self.old_at += len;
        }
        if kind != Run::Delete {
            self.new_at += len;
        }
    }

    fn flush(&mut self) {
        let Some((kind, old, new, len)) = self.open.take() else {
            return;
        };
        if self.failed {
            return;
        }
        let sent = match kind {
            Run::Equal => self.hook.equal(old, new, len),
            Run::Delete => self.hook.delete(old, len, new),
            Run::Insert => self.hook.insert(old, new, len),
        };
        self.failed = sent.is_err();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::cleanup::steps_into;
    use similar::algorithms::{Capture, Compact, Replace};
    use similar::{Algorithm, DiffOp, DiffTag, capture_diff_slices};

    fn kept(ops: &[DiffOp]) -> usize {
        ops.iter()
            .filter(|op| op.tag() == DiffTag::Equal)
            .map(|op| op.old_range().len())
            .sum()
    }

    /// The table's diff as steps, and the tokens kept.
    fn steps(a: &[u64], b: &[u64]) -> (Vec<Step>, usize) {
        let mut steps = Vec::new();
        let kept = Lcs::default().steps_into(a, b, &mut steps);
        (steps, kept)
    }

    /// The LCS length by the textbook table.
    fn lcs_by_table(a: &[u64], b: &[u64]) -> usize {
        let mut table = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                table[i][j] = if a[i - 1] == b[j - 1] {
                    table[i - 1][j - 1] + 1
                } else {
                    table[i - 1][j].max(table[i][j - 1])
                };
            }
        }
        table[a.len()][b.len()]
    }

    /// Steps cover both lists in order, and same steps pair equal tokens.
    fn assert_consistent(steps: &[Step], a: &[u64], b: &[u64]) {
        let (mut i, mut j) = (0, 0);
        for step in steps {
            let (old, new) = match step {
                Step::Same(old, new) => {
                    assert_eq!(a[old.clone()], b[new.clone()]);
                    (old, new)
                }
                Step::Changed(old, new) => (old, new),
            };
            assert_eq!((old.start, new.start), (i, j), "{steps:?}");
            (i, j) = (old.end, new.end);
        }
        assert_eq!((i, j), (a.len(), b.len()));
    }

    fn lists(seed: &mut u64, alphabet: u64, max_len: u64) -> (Vec<u64>, Vec<u64>) {
        let mut next = |bound: u64| (crate::test_rng::next(seed) >> 33) % bound;
        let (n, m) = (next(max_len + 1), next(max_len + 1));
        let a = (0..n).map(|_| next(alphabet)).collect();
        let b = (0..m).map(|_| next(alphabet)).collect();
        (a, b)
    }

    #[test]
    fn the_diff_keeps_a_longest_common_subsequence() {
        let mut seed = 3u64;
        // Short lists, one word per row, and rows of several words with
        // carries between them.
        for (alphabet, max_len) in [(3, 12), (8, 40), (4, 70), (20, 200), (2, 150)] {
            for _ in 0..60 {
                let (a, b) = lists(&mut seed, alphabet, max_len);
                let (steps, kept_here) = steps(&a, &b);
                assert_consistent(&steps, &a, &b);
                assert_eq!(kept_here, lcs_by_table(&a, &b), "{a:?} {b:?}");
                // Myers is minimal too: the same number of words kept.
                let myers = capture_diff_slices(Algorithm::Myers, &a, &b);
                assert_eq!(kept_here, kept(&myers), "{a:?} {b:?}");
            }
        }
    }

    /// The walk's own ops, before compaction.
    fn walked(
        a: &[u64],
        b: &[u64],
    ) -> Vec<(DiffTag, std::ops::Range<usize>, std::ops::Range<usize>)> {
        let mut capture = Capture::new();
        Lcs::default().emit(&mut capture, a, b);
        capture
            .into_ops()
            .iter()
            .map(DiffOp::as_tag_tuple)
            .collect()
    }

    #[test]
    fn a_common_word_is_taken_at_its_first_chance() {
        // The left's word could pair with either of the right's two.
        assert_eq!(
            walked(&[1, 7], &[5, 1, 1, 8]),
            [
                (DiffTag::Insert, 0..0, 0..1),
                (DiffTag::Equal, 0..1, 1..2),
                (DiffTag::Delete, 1..2, 2..2),
                (DiffTag::Insert, 2..2, 2..4),
            ]
        );
    }

    #[test]
    fn a_deletion_comes_before_an_insertion() {
        assert_eq!(
            walked(&[1, 2, 3], &[1, 4, 3]),
            [
                (DiffTag::Equal, 0..1, 0..1),
                (DiffTag::Delete, 1..2, 1..1),
                (DiffTag::Insert, 2..2, 1..2),
                (DiffTag::Equal, 2..3, 2..3),
            ]
        );
    }

    /// The steps `similar`'s `Compact` and `Replace` hooks make of the
    /// walk's ops, and the tokens they keep.
    fn steps_by_hooks(a: &[u64], b: &[u64]) -> (Vec<Step>, usize) {
        let mut hook = Compact::new(Replace::new(Capture::new()), a, b);
        Lcs::default().emit(&mut hook, a, b);
        hook.finish().expect("capturing never fails");
        let ops = hook.into_inner().into_inner().into_ops();
        let mut steps = Vec::new();
        let kept = steps_into(&ops, &mut steps);
        (steps, kept)
    }

    #[test]
    fn the_steps_are_those_of_similars_compaction() {
        let mut seed = 11u64;
        // Small alphabets make many ops to slide and join; the longest
        // lists have more ops than the compaction keeps for itself.
        for (alphabet, max_len) in [(2, 10), (3, 30), (5, 60), (4, 200), (9, 400), (30, 900)] {
            for _ in 0..150 {
                let (a, b) = lists(&mut seed, alphabet, max_len);
                assert_eq!(steps(&a, &b), steps_by_hooks(&a, &b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn empty_and_identical_lists() {
        assert_eq!(steps(&[], &[]), (Vec::new(), 0));
        let same = [4, 5, 6];
        assert_eq!(steps(&same, &same), (vec![Step::Same(0..3, 0..3)], 3));
        assert_eq!(steps(&[], &same), (vec![Step::Changed(0..0, 0..3)], 0));
    }

    #[test]
    fn a_large_table_is_let_go_after_its_link() {
        let old: Vec<u64> = (0..3_000).collect();
        let new: Vec<u64> = (1..3_001).rev().collect();
        let (mut lcs, mut steps) = (Lcs::default(), Vec::new());
        assert_eq!(lcs.steps_into(&old, &new, &mut steps), 1);
        assert_eq!(lcs.table.rows.capacity(), 0);
        assert_eq!(lcs.steps_into(&[1, 2, 3], &[3, 2, 1], &mut steps), 1);
        assert!(lcs.table.rows.capacity() > 0, "a small table is kept");
    }

    /// Two lists of `len` distinct tokens, the second with every
    /// `every`-th token changed and, every `every * 3`-th, one added.
    fn edited(len: u64, every: u64) -> (Vec<u64>, Vec<u64>) {
        let old: Vec<u64> = (0..len).collect();
        let mut new = Vec::new();
        for &token in &old {
            if token % every == 0 {
                new.push(token + 1_000_000);
            } else {
                new.push(token);
            }
            if token % (every * 3) == 1 {
                new.push(token + 2_000_000);
            }
        }
        (old, new)
    }

    #[test]
    fn a_middle_too_large_for_a_table_is_cut_at_unique_words() {
        // 20,000 tokens a side: a table would be 20,000 × 313 words.
        let (old, new) = edited(20_000, 10);
        let mut lcs = Lcs::default();
        let mut steps = Vec::new();
        let kept = lcs.steps_into(&old, &new, &mut steps);
        assert_consistent(&steps, &old, &new);
        // Every unchanged token is unique on both sides: all are kept,
        // which is the longest common subsequence here.
        assert_eq!(kept, 18_000);
        // The same lists always give the same steps.
        let mut again = Vec::new();
        assert_eq!(Lcs::default().steps_into(&old, &new, &mut again), kept);
        assert_eq!(again, steps);
    }

    #[test]
    fn a_large_middle_with_nothing_unique_is_diffed_by_windows() {
        // Nothing in common: all changed.
        let old: Vec<u64> = (0..20_000).map(|i| i % 2).collect();
        let new: Vec<u64> = (0..20_000).map(|i| 5 + i % 3).collect();
        let mut steps = Vec::new();
        assert_eq!(Lcs::default().steps_into(&old, &new, &mut steps), 0);
        assert_eq!(steps, [Step::Changed(0..20_000, 0..20_000)]);
        // Two texts of 20 words repeated, one word in ten changed: every
        // word repeats, so none anchors, and the windows keep the rest.
        let old: Vec<u64> = (0..20_000).map(|i| i % 20).collect();
        let new: Vec<u64> = (0..20_000)
            .map(|i| if i % 10 == 3 { 100 + i % 7 } else { i % 20 })
            .collect();
        let kept = Lcs::default().steps_into(&old, &new, &mut steps);
        assert_consistent(&steps, &old, &new);
        assert_eq!(kept, 18_000);
        // Lists of different lengths, one running out first.
        let new: Vec<u64> = (0..9_000).map(|i| i % 20).collect();
        let kept = Lcs::default().steps_into(&old, &new, &mut steps);
        assert_consistent(&steps, &old, &new);
        assert_eq!(kept, 9_000);
    }
}
