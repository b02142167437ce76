//! Side-by-side reading order: groups follow the left text, and a unit only
//! the right text has comes right after the group holding the right unit
//! before it, so both panes read down in order as far as possible. One
//! with no such group before it comes just before the first group that
//! holds a right unit: after what only the left text says before that
//! point, as a diff shows what went before what came, and after all of
//! the left text when the two share nothing.

use super::Group;

/// The (left, right) members of one group per unit that none of
/// `members` holds: left units first, then right ones, each in order.
pub fn unmatched_units<'a>(
    members: impl Iterator<Item = (&'a [usize], &'a [usize])>,
    left_len: usize,
    right_len: usize,
) -> Vec<(Vec<usize>, Vec<usize>)> {
    let mut left_seen = vec![false; left_len];
    let mut right_seen = vec![false; right_len];
    for (left, right) in members {
        left.iter().for_each(|&i| left_seen[i] = true);
        right.iter().for_each(|&i| right_seen[i] = true);
    }
    let lefts = (0..left_len)
        .filter(|&i| !left_seen[i])
        .map(|i| (vec![i], Vec::new()));
    let rights = (0..right_len)
        .filter(|&i| !right_seen[i])
        .map(|i| (Vec::new(), vec![i]));
    lefts.chain(rights).collect()
}

/// `groups` in the order `order` gives (each index once, as
/// [`reading_order_of`] gives them).
pub fn arranged(groups: Vec<Group>, order: &[usize]) -> Vec<Group> {
    let mut slots: Vec<Option<Group>> = groups.into_iter().map(Some).collect();
    order
        .iter()
        .filter_map(|&i| slots.get_mut(i).and_then(Option::take))
        .collect()
}

/// A group's index and its (left, right) members.
type Indexed<'a> = (usize, &'a [usize], &'a [usize]);

/// The indices of groups given by their (left, right) members, in
/// reading order (see the module doc): worked out on the members alone,
/// so it can be known before the groups are built.
pub fn reading_order_of<'a>(
    members: impl Iterator<Item = (&'a [usize], &'a [usize])> + Clone,
) -> Vec<usize> {
    let right_len = members
        .clone()
        .flat_map(|(_, right)| right.iter())
        .max()
        .map_or(0, |m| m + 1);
    let (mut anchored, mut right_only): (Vec<Indexed>, Vec<Indexed>) = members
        .enumerate()
        .map(|(i, (left, right))| (i, left, right))
        .partition(|(_, left, _)| !left.is_empty());
    anchored.sort_by_key(|(_, left, _)| left.iter().copied().min());

    let mut owner = vec![None; right_len];
    for (index, (_, _, right)) in anchored.iter().enumerate() {
        right.iter().for_each(|&r| owner[r] = Some(index));
    }
    // Each right-only unit follows the anchored group of the nearest right
    // unit before it; with none before it, it comes before the first
    // group holding a right unit (or last, if none does).
    let mut nearest_before = vec![None; right_len];
    for r in 1..right_len {
        nearest_before[r] = owner[r - 1].or(nearest_before[r - 1]);
    }
    let first_with_right = anchored
        .iter()
        .position(|(_, _, right)| !right.is_empty())
        .unwrap_or(anchored.len());
    right_only.sort_by_key(|(_, _, right)| right.first().copied());
    // Followers by the place they take: k comes before anchored group k
    // (or at the end, for k past the last), k + 1 after it; a stable sort
    // keeps each place's in right order.
    let mut followers: Vec<(usize, usize)> = right_only
        .iter()
        .map(|&(i, _, right)| {
            let r = right.first().copied().unwrap_or(0);
            let place = nearest_before
                .get(r)
                .copied()
                .flatten()
                .map_or(first_with_right, |k| k + 1);
            (place, i)
        })
        .collect();
    followers.sort_by_key(|&(place, _)| place);
    let mut followers = followers.into_iter().peekable();
    let mut ordered = Vec::with_capacity(anchored.len() + followers.len());
    let mut place = |ordered: &mut Vec<usize>, at: usize| {
        ordered.extend(std::iter::from_fn(|| {
            followers.next_if(|&(p, _)| p == at).map(|(_, i)| i)
        }));
    };
    let anchored_len = anchored.len();
    for (k, (i, _, _)) in anchored.into_iter().enumerate() {
        place(&mut ordered, k);
        ordered.push(i);
    }
    place(&mut ordered, anchored_len);
    ordered
}

#[cfg(test)]
mod tests {
    use super::*;

    type Members = (Vec<usize>, Vec<usize>);

    /// Reading order as first written, moving the groups themselves: the
    /// index version must place every group where this one does.
    fn reference(groups: Vec<Members>) -> Vec<Members> {
        let right_len = groups
            .iter()
            .flat_map(|g| g.1.iter())
            .max()
            .map_or(0, |m| m + 1);
        let (mut anchored, mut right_only): (Vec<Members>, Vec<Members>) =
            groups.into_iter().partition(|g| !g.0.is_empty());
        anchored.sort_by_key(|g| g.0.iter().copied().min());
        let mut owner = vec![None; right_len];
        for (index, group) in anchored.iter().enumerate() {
            group.1.iter().for_each(|&r| owner[r] = Some(index));
        }
        let mut nearest_before = vec![None; right_len];
        for r in 1..right_len {
            nearest_before[r] = owner[r - 1].or(nearest_before[r - 1]);
        }
        let mut after: Vec<Vec<Members>> = vec![Vec::new(); anchored.len()];
        // Right-only units with no right unit held before them.
        let mut opening = Vec::new();
        right_only.sort_by_key(|g| g.1.first().copied());
        for group in right_only {
            let r = group.1.first().copied().unwrap_or(0);
            match nearest_before.get(r).copied().flatten() {
                Some(index) => after[index].push(group),
                None => opening.push(group),
            }
        }
        let mut ordered = Vec::new();
        let mut opening = Some(opening);
        for (group, followers) in anchored.into_iter().zip(after) {
            if !group.1.is_empty() {
                ordered.extend(opening.take().unwrap_or_default());
            }
            ordered.push(group);
            ordered.extend(followers);
        }
        ordered.extend(opening.unwrap_or_default());
        ordered
    }

    /// Links over shuffled units (some of two units a side), then one
    /// group per unit they leave out.
    fn groups(seed: &mut u64, len: usize) -> Vec<Members> {
        let mut next = |bound: usize| (crate::test_rng::next(seed) >> 33) as usize % bound.max(1);
        let mut rights: Vec<usize> = (0..len).collect();
        for i in (1..len).rev() {
            rights.swap(i, next(i + 1));
        }
        let mut links: Vec<Members> = Vec::new();
        let mut l = 0;
        while l + 1 < len {
            match next(4) {
                0 => l += 1,
                1 => {
                    links.push((vec![l, l + 1], vec![rights[l]]));
                    l += 2;
                }
                _ => {
                    links.push((vec![l], vec![rights[l], rights[l + 1]]));
                    l += 2;
                }
            }
        }
        let members = links.iter().map(|g| (&g.0[..], &g.1[..]));
        let alone = unmatched_units(members, len, len);
        links.into_iter().chain(alone).collect()
    }

    #[test]
    fn index_order_is_the_group_moving_order() {
        let mut seed = 11;
        for len in [0, 1, 2, 5, 30, 200] {
            for _ in 0..20 {
                let groups = groups(&mut seed, len);
                let order = reading_order_of(groups.iter().map(|g| (&g.0[..], &g.1[..])));
                let placed: Vec<Members> = order.iter().map(|&i| groups[i].clone()).collect();
                assert_eq!(placed, reference(groups), "{len} units a side");
            }
        }
    }

    #[test]
    fn right_only_units_come_after_the_left_only_ones_before_them() {
        // Nothing in common: the left text, then the right.
        let alone: Vec<Members> = unmatched_units(std::iter::empty(), 2, 2);
        let order = reading_order_of(alone.iter().map(|g| (&g.0[..], &g.1[..])));
        let placed: Vec<&Members> = order.iter().map(|&i| &alone[i]).collect();
        let expected: [Members; 4] = [
            (vec![0], vec![]),
            (vec![1], vec![]),
            (vec![], vec![0]),
            (vec![], vec![1]),
        ];
        assert_eq!(placed, expected.iter().collect::<Vec<_>>());
        // An intro each side says alone, then a link: left's intro first,
        // right's next to the link.
        let groups: Vec<Members> = vec![(vec![1], vec![1]), (vec![0], vec![]), (vec![], vec![0])];
        let order = reading_order_of(groups.iter().map(|g| (&g.0[..], &g.1[..])));
        assert_eq!(order, [1, 2, 0]);
    }

    #[test]
    fn unmatched_units_are_the_ones_no_link_holds() {
        let links: Vec<Members> = vec![(vec![0, 1], vec![2]), (vec![3], vec![0])];
        let members = links.iter().map(|g| (&g.0[..], &g.1[..]));
        assert_eq!(
            unmatched_units(members, 5, 3),
            vec![(vec![2], vec![]), (vec![4], vec![]), (vec![], vec![1])]
        );
    }
}
