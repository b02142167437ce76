//! Finding one scored pair by position. The pairs are sorted by (left,
//! right) and run to hundreds of thousands of records (tens of MB), so a
//! binary search over all of them misses the cache at nearly every step;
//! rehoming and growing runs look up several pairs per link. Where each
//! left unit's row of pairs starts is a small array, and a lookup is then
//! a short search inside one row.

use super::Pair;

/// Start of each left unit's row in a sorted pair list.
pub(super) struct Rows {
    /// `starts[l]..starts[l + 1]` are the pairs of left unit `l`.
    starts: Vec<usize>,
    /// Length of the pair list the rows were taken from.
    len: usize,
}

impl Rows {
    /// The rows of `pairs` (sorted by (left, right)) for `left_len` left
    /// units.
    pub(super) fn of(pairs: &[Pair], left_len: usize) -> Rows {
        let mut starts = vec![0; left_len + 1];
        for pair in pairs {
            if let Some(count) = starts.get_mut(pair.left() + 1) {
                *count += 1;
            }
        }
        for l in 0..left_len {
            starts[l + 1] += starts[l];
        }
        Rows {
            starts,
            len: pairs.len(),
        }
    }

    /// The scored pair (left, right), if any. Falls back to a search of
    /// the whole list if `pairs` is not the list the rows were taken from.
    pub(super) fn find<'p>(
        &self,
        pairs: &'p [Pair],
        left: usize,
        right: usize,
    ) -> Option<&'p Pair> {
        let row = match (self.starts.get(left), self.starts.get(left + 1)) {
            (Some(&start), Some(&end)) if self.len == pairs.len() => pairs.get(start..end)?,
            _ => pairs,
        };
        row.binary_search_by_key(&(left, right), |p| (p.left(), p.right()))
            .ok()
            .map(|i| &row[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(left: usize, right: usize) -> Pair {
        Pair::at(left, right)
    }

    #[test]
    fn finds_exactly_the_scored_pairs() {
        let pairs = [pair(0, 1), pair(0, 4), pair(2, 0), pair(2, 2), pair(3, 3)];
        let rows = Rows::of(&pairs, 5);
        for l in 0..6 {
            for r in 0..6 {
                let expected = pairs.iter().find(|p| (p.left(), p.right()) == (l, r));
                assert_eq!(rows.find(&pairs, l, r), expected, "{l} {r}");
            }
        }
        // A list that grew since: the whole list is searched.
        let grown = [pair(0, 1), pair(1, 1), pair(2, 2)];
        assert_eq!(rows.find(&grown, 1, 1), Some(&grown[1]));
    }
}
