//! The minimal diff's ops as steps: stretches that are the same on both
//! sides, and stretches changed between them (consecutive deletes and
//! inserts merged). No equal run is ever folded into a change: a word
//! both sides have in order stays `Equal`, and words the diff leaves
//! unmatched are sorted into shared and only-here by [`super::shared`],
//! so a paraphrase reads as a few strong marks in a lighter "shared"
//! tint rather than a wall of red and green.

use std::ops::Range;

use similar::{DiffOp, DiffTag};

/// A stretch of tokens: the same on both sides, or changed (either range
/// may be empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Same(Range<usize>, Range<usize>),
    Changed(Range<usize>, Range<usize>),
}

/// Steps from `similar`'s ops, consecutive changes merged, into `out`
/// (cleared first; a word diff reuses it from link to link); returns how
/// many tokens the equal ops keep.
pub fn steps_into(ops: &[DiffOp], out: &mut Vec<Step>) -> usize {
    out.clear();
    let mut kept = 0;
    for op in ops {
        let (tag, old, new) = op.as_tag_tuple();
        match (tag, out.last_mut()) {
            (DiffTag::Equal, _) => {
                kept += old.len();
                out.push(Step::Same(old, new));
            }
            (_, Some(Step::Changed(o, n))) => {
                o.end = old.end;
                n.end = new.end;
            }
            _ => out.push(Step::Changed(old, new)),
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use similar::{Algorithm, capture_diff_slices};

    #[test]
    fn consecutive_changes_merge_into_one_step() {
        let ops = capture_diff_slices(Algorithm::Myers, &[1, 2, 3, 4], &[1, 5, 6, 4]);
        let mut steps = vec![Step::Same(9..9, 9..9)];
        assert_eq!(steps_into(&ops, &mut steps), 2, "tokens kept equal");
        assert_eq!(
            steps,
            [
                Step::Same(0..1, 0..1),
                Step::Changed(1..3, 1..3),
                Step::Same(3..4, 3..4)
            ]
        );
    }
}
