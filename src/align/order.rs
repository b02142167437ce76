//! Side-by-side reading order: groups follow the left text, and a unit only
//! the right text has comes right after the group holding the right unit
//! before it, so both panes read down in order as far as possible.

use super::Group;

/// One group per unit that no link holds.
pub fn unmatched(groups: &[Group], left_len: usize, right_len: usize) -> Vec<Group> {
    let mut left_seen = vec![false; left_len];
    let mut right_seen = vec![false; right_len];
    for group in groups {
        group.left.iter().for_each(|&i| left_seen[i] = true);
        group.right.iter().for_each(|&i| right_seen[i] = true);
    }
    let alone = |left: Vec<usize>, right: Vec<usize>| Group {
        left,
        right,
        score: 0.0,
        moved: false,
        diff: Vec::new(),
        callouts: Vec::new(),
    };
    let lefts = (0..left_len)
        .filter(|&i| !left_seen[i])
        .map(|i| alone(vec![i], vec![]));
    let rights = (0..right_len)
        .filter(|&i| !right_seen[i])
        .map(|i| alone(vec![], vec![i]));
    lefts.chain(rights).collect()
}

/// Sorts groups into reading order (see the module doc).
pub fn reading_order(groups: Vec<Group>) -> Vec<Group> {
    let right_len = groups
        .iter()
        .flat_map(|g| g.right.iter())
        .max()
        .map_or(0, |m| m + 1);
    let (mut anchored, right_only): (Vec<Group>, Vec<Group>) =
        groups.into_iter().partition(|g| !g.left.is_empty());
    anchored.sort_by_key(|g| g.left.iter().copied().min());

    let mut owner = vec![None; right_len];
    for (index, group) in anchored.iter().enumerate() {
        group.right.iter().for_each(|&r| owner[r] = Some(index));
    }
    // Each right-only unit follows the anchored group of the nearest right
    // unit before it; with none before it, it opens the list.
    let mut nearest_before = vec![None; right_len];
    for r in 1..right_len {
        nearest_before[r] = owner[r - 1].or(nearest_before[r - 1]);
    }
    let mut after: Vec<Vec<Group>> = vec![Vec::new(); anchored.len()];
    let mut leading = Vec::new();
    let mut right_only = right_only;
    right_only.sort_by_key(|g| g.right.first().copied());
    for group in right_only {
        let r = group.right.first().copied().unwrap_or(0);
        match nearest_before.get(r).copied().flatten() {
            Some(index) => after[index].push(group),
            None => leading.push(group),
        }
    }
    let mut ordered = leading;
    for (group, followers) in anchored.into_iter().zip(after) {
        ordered.push(group);
        ordered.extend(followers);
    }
    ordered
}
