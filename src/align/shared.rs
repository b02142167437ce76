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

/// Tokens a side may have for a link to count keys along it and scan
/// its positions from the start: past that, lookups and cursors.
const LINEAR_COUNT_UP_TO: usize = 256;

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

/// `share` (the tests' form) with a buffer reused from link to link: each right key with
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
    // How many left tokens have a key: counted along the side on a short
    // link, looked up in a sorted copy on a long one (a count along a
    // book-length paragraph for every unique word made it quadratic).
    let mut left_sorted: Option<Vec<(u64, usize)>> = None;
    let mut count_left = |key: u64| {
        if left.len() <= LINEAR_COUNT_UP_TO {
            return left.iter().filter(|&&k| k == key).count();
        }
        let sorted = left_sorted.get_or_insert_with(|| {
            let mut keyed: Vec<(u64, usize)> = left.iter().copied().zip(0..).collect();
            keyed.sort_unstable();
            keyed
        });
        with_key(sorted, key).1.len()
    };
    // Per key (at its first entry in `positions`), how many of its
    // positions at the front are known taken; only long links keep it.
    let mut front: Vec<usize> = if right.len() > LINEAR_COUNT_UP_TO {
        vec![0; positions.len()]
    } else {
        Vec::new()
    };
    let mut i = 0;
    while i < left.len() {
        if sharing.left[i] != Fate::OnlyHere {
            i += 1;
            continue;
        }
        let (group, candidates) = with_key(positions, left[i]);
        if candidates.is_empty() {
            i += 1;
            continue;
        }
        // Skip the key's positions already taken at its front, and
        // remember how far: on a long link of few distinct words every
        // token would otherwise step over all the taken ones again.
        let mut free = front.get(group).copied().unwrap_or(0);
        while candidates
            .get(free)
            .is_some_and(|&(_, j)| sharing.right[j] != Fate::OnlyHere)
        {
            free += 1;
        }
        if let Some(first) = front.get_mut(group) {
            *first = free;
        }
        let mut best: Option<(usize, usize)> = None;
        for j in candidates[free..]
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
        let paired = len >= MIN_PAIRED_RUN || (candidates.len() == 1 && count_left(left[i]) == 1);
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

/// Where the entries of sorted `positions` with key `key` start, and
/// those entries.
fn with_key(positions: &[(u64, usize)], key: u64) -> (usize, &[(u64, usize)]) {
    let start = positions.partition_point(|&(k, _)| k < key);
    let len = positions[start..].partition_point(|&(k, _)| k == key);
    (start, &positions[start..start + len])
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

    /// A long link counts keys by lookup, and answers as a count along
    /// the side does.
    #[test]
    fn long_links_pair_single_words_as_short_ones_do() {
        // Left: 300 distinct words then a word the right has once, moved.
        let mut left: Vec<u64> = (1000..1300).collect();
        left.push(7);
        let right = vec![7, 2000, 2001];
        let s = share(&left, &vec![0; left.len()], &right, &[0; 3]);
        assert_eq!(s.runs.len(), 1);
        assert!(s.runs[0].paired, "one 7 on each side: paired");
        left.push(7);
        let s = share(&left, &vec![0; left.len()], &right, &[0; 3]);
        assert!(!s.runs[0].paired, "two 7s on the left: ambiguous");
    }

    #[test]
    fn runs_stop_at_unit_boundaries() {
        let s = share(&[1, 2], &[0, 1], &[1, 2], &[0, 0]);
        assert_eq!(s.runs.len(), 2);
        assert!(s.runs.iter().all(|r| r.len == 1));
    }
}
