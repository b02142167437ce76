//! Sorting (left, right) unit positions in linear time. A long text's
//! candidate search and band produce hundreds of thousands of positions
//! whose coordinates are unit indices, so two stable counting passes
//! (by right, then by left) sort them in a few instructions each, where a
//! comparison sort took tens of millions: the same order, since equal
//! positions are interchangeable.

/// Sorts `positions` by left, then right; `key` reads a position's
/// (left, right) indices.
pub fn sort_by_place<P: Copy + Default>(positions: &mut [P], key: impl Fn(&P) -> (usize, usize)) {
    if positions.len() < 2 {
        return;
    }
    let mut buffer = vec![P::default(); positions.len()];
    counting_pass(positions, &mut buffer, |p| key(p).1);
    counting_pass(&buffer, positions, |p| key(p).0);
}

/// Copies `from` into `to` ordered by `index`, keeping the order of
/// equal indices.
fn counting_pass<P: Copy>(from: &[P], to: &mut [P], index: impl Fn(&P) -> usize) {
    let size = from.iter().map(&index).max().map_or(0, |max| max + 1);
    let mut starts = vec![0usize; size + 1];
    for p in from {
        starts[index(p) + 1] += 1;
    }
    for i in 0..size {
        starts[i + 1] += starts[i];
    }
    for p in from {
        let slot = &mut starts[index(p)];
        to[*slot] = *p;
        *slot += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_as_a_comparison_sort_does() {
        let mut seed = 5u64;
        for len in [0, 1, 2, 7, 100, 5_000] {
            let mut positions: Vec<(u32, u32)> = (0..len)
                .map(|_| {
                    let seed = crate::test_rng::next(&mut seed);
                    ((seed >> 40) as u32 % 97, (seed >> 20) as u32 % 61)
                })
                .collect();
            let mut expected = positions.clone();
            expected.sort_unstable();
            sort_by_place(&mut positions, |&(l, r)| (l as usize, r as usize));
            assert_eq!(positions, expected, "{len} positions");
        }
    }
}
