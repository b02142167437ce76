//! Readable word diffs of paraphrase. A minimal diff of two paraphrases
//! matches every stray "the" and "to" between rewritten stretches, which
//! breaks the highlight into confetti. Much as diff-match-patch's semantic
//! cleanup does, an equal run shorter than the changes on both sides of it
//! is folded into them (strictly shorter: a lone shared name between two
//! one-word changes stays visible).

use std::ops::Range;

use similar::{DiffOp, DiffTag};

/// A stretch of tokens: the same on both sides, or changed (either range
/// may be empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Same(Range<usize>, Range<usize>),
    Changed(Range<usize>, Range<usize>),
}

/// Steps from `similar`'s ops, consecutive changes merged.
pub fn steps(ops: &[DiffOp]) -> Vec<Step> {
    let mut out: Vec<Step> = Vec::new();
    for op in ops {
        let (tag, old, new) = op.as_tag_tuple();
        match (tag, out.last_mut()) {
            (DiffTag::Equal, _) => out.push(Step::Same(old, new)),
            (_, Some(Step::Changed(o, n))) => {
                o.end = old.end;
                n.end = new.end;
            }
            _ => out.push(Step::Changed(old, new)),
        }
    }
    out
}

/// Folds chance equalities into the changes around them, until none is
/// left.
pub fn fold_chance_equalities(mut steps: Vec<Step>) -> Vec<Step> {
    let mut i = 1;
    while i + 1 < steps.len() {
        let folded = match (&steps[i - 1], &steps[i], &steps[i + 1]) {
            (Step::Changed(a, b), Step::Same(same, _), Step::Changed(c, d))
                if same.len() < a.len().max(b.len()) && same.len() < c.len().max(d.len()) =>
            {
                Some(Step::Changed(a.start..c.end, b.start..d.end))
            }
            _ => None,
        };
        match folded {
            Some(step) => {
                steps.splice(i - 1..=i + 1, [step]);
                i = i.saturating_sub(1).max(1);
            }
            None => i += 1,
        }
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_equality_between_longer_changes_is_folded() {
        let steps = vec![
            Step::Changed(0..3, 0..2),
            Step::Same(3..5, 2..4),
            Step::Changed(5..8, 4..7),
            Step::Same(8..12, 7..11),
        ];
        assert_eq!(
            fold_chance_equalities(steps),
            [Step::Changed(0..8, 0..7), Step::Same(8..12, 7..11)]
        );
    }

    #[test]
    fn a_long_equality_stays() {
        let steps = vec![
            Step::Changed(0..1, 0..1),
            Step::Same(1..4, 1..4),
            Step::Changed(4..5, 4..5),
        ];
        assert_eq!(fold_chance_equalities(steps.clone()), steps);
    }
}
