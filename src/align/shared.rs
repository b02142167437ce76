//! The words a minimal diff leaves unmatched are not all "only here": a
//! reworded sentence reuses many of them in another order. This sorts the
//! unmatched tokens of a link into **shared, elsewhere** (the other side
//! has the same word to spare, counted as a multiset) and **only here**
//! (it has not), and pairs shared runs with their counterpart: the
//! longest runs that read the same on both sides first, so "Steve
//! Witkoff and Jared Kushner" moved as a phrase is paired as one.

/// Fewest tokens for a run to be paired with its counterpart on sight; a
/// single word is paired only when its key is unambiguous (one spare on
/// each side), else it is shared without a named counterpart.
const MIN_PAIRED_RUN: usize = 2;

/// Candidate counterparts looked at per token: bounds the work on very
/// long links full of one common word.
const MAX_CANDIDATES: usize = 64;

/// What became of one unmatched token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    /// The other side does not have this word to spare.
    OnlyHere,
    /// Shared: run `run` (an index into [`Sharing::runs`]).
    Shared(usize),
}

/// A run of shared tokens: `len` tokens from left leftover position
/// `left` and right leftover position `right`, and whether the pairing is
/// unambiguous enough to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    pub left: usize,
    pub right: usize,
    pub len: usize,
    pub paired: bool,
}

/// The fates of both sides' unmatched tokens (parallel to the inputs).
#[derive(Debug, Default)]
pub struct Sharing {
    pub left: Vec<Fate>,
    pub right: Vec<Fate>,
    pub runs: Vec<Run>,
}

/// Sorts the unmatched tokens of a link. `left`/`right` are their
/// comparison keys in reading order; `left_unit`/`right_unit` the unit
/// each belongs to (a run never crosses units, since a span cannot).
#[cfg(test)]
pub fn share(left: &[u64], left_unit: &[usize], right: &[u64], right_unit: &[usize]) -> Sharing {
    share_with(&mut Vec::new(), left, left_unit, right, right_unit)
}

/// [`share`] with a buffer reused from link to link: each right key with
/// its position, sorted, so a key's positions are one slice in reading
/// order (a map of vectors cost an allocation per distinct word).
pub fn share_with(
    positions: &mut Vec<(u64, usize)>,
    left: &[u64],
    left_unit: &[usize],
    right: &[u64],
    right_unit: &[usize],
) -> Sharing {
    let mut sharing = Sharing {
        left: vec![Fate::OnlyHere; left.len()],
        right: vec![Fate::OnlyHere; right.len()],
        runs: Vec::new(),
    };
    if left.is_empty() || right.is_empty() {
        return sharing;
    }
    positions.clear();
    positions.extend(right.iter().enumerate().map(|(j, &key)| (key, j)));
    positions.sort_unstable();
    let count = |keys: &[u64], key: u64| keys.iter().filter(|&&k| k == key).count();
    let mut i = 0;
    while i < left.len() {
        if sharing.left[i] != Fate::OnlyHere {
            i += 1;
            continue;
        }
        let candidates = with_key(positions, left[i]);
        if candidates.is_empty() {
            i += 1;
            continue;
        }
        let mut best: Option<(usize, usize)> = None;
        for j in candidates
            .iter()
            .map(|&(_, j)| j)
            .filter(|&j| sharing.right[j] == Fate::OnlyHere)
            .take(MAX_CANDIDATES)
        {
            let mut len = 1;
            while i + len < left.len()
                && j + len < right.len()
                && left[i + len] == right[j + len]
                && sharing.left[i + len] == Fate::OnlyHere
                && sharing.right[j + len] == Fate::OnlyHere
                && left_unit[i + len] == left_unit[i]
                && right_unit[j + len] == right_unit[j]
            {
                len += 1;
            }
            if best.is_none_or(|(_, l)| len > l) {
                best = Some((j, len));
            }
        }
        let Some((j, len)) = best else {
            i += 1;
            continue;
        };
        let paired = len >= MIN_PAIRED_RUN || (count(left, left[i]) == 1 && candidates.len() == 1);
        let run = sharing.runs.len();
        sharing.runs.push(Run {
            left: i,
            right: j,
            len,
            paired,
        });
        for k in 0..len {
            sharing.left[i + k] = Fate::Shared(run);
            sharing.right[j + k] = Fate::Shared(run);
        }
        i += len;
    }
    sharing
}

/// The entries of sorted `positions` with key `key`.
fn with_key(positions: &[(u64, usize)], key: u64) -> &[(u64, usize)] {
    let start = positions.partition_point(|&(k, _)| k < key);
    let len = positions[start..].partition_point(|&(k, _)| k == key);
    &positions[start..start + len]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fates(s: &Sharing) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
        let f = |v: &[Fate]| {
            v.iter()
                .map(|f| match f {
                    Fate::OnlyHere => None,
                    Fate::Shared(r) => Some(*r),
                })
                .collect()
        };
        (f(&s.left), f(&s.right))
    }

    #[test]
    fn a_reordered_phrase_is_shared_and_paired() {
        // left: A B C x ; right: y A B C
        let s = share(&[1, 2, 3, 9], &[0; 4], &[8, 1, 2, 3], &[0; 4]);
        assert_eq!(
            fates(&s),
            (
                vec![Some(0), Some(0), Some(0), None],
                vec![None, Some(0), Some(0), Some(0)]
            )
        );
        assert!(s.runs[0].paired);
    }

    #[test]
    fn only_as_many_as_the_other_side_spares() {
        // left: the the the ; right: the
        let s = share(&[5, 5, 5], &[0; 3], &[5], &[0]);
        assert_eq!(fates(&s).0, vec![Some(0), None, None]);
        assert!(!s.runs[0].paired, "one of three is ambiguous");
    }

    #[test]
    fn runs_stop_at_unit_boundaries() {
        let s = share(&[1, 2], &[0, 1], &[1, 2], &[0, 0]);
        assert_eq!(s.runs.len(), 2);
        assert!(s.runs.iter().all(|r| r.len == 1));
    }
}
