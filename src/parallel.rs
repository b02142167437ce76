//! Both cores for independent work (one word diff per link, one score per
//! candidate pair, one article's facts, one article pair's alignment)
//! without a thread-pool crate: scoped
//! threads pull fixed-size chunks from a shared counter, so a slow stretch
//! of the input does not leave one core idle, and results come back in
//! input order, so the output never depends on which thread ran what.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

/// Text below this many bytes is handled on one thread: starting and
/// joining a second one (a stack to map, a wake-up to wait for) costs
/// about a tenth of a millisecond, more than it saves on a news article,
/// and a short pair's whole run is a few milliseconds.
pub const SPLIT_FROM_BYTES: usize = 128 * 1024;

/// Worker threads: the machine's cores (the caller's thread is one).
/// Asked once: the standard library reads the cgroup's CPU quota from
/// `/proc` and `/sys` each time.
pub fn workers() -> usize {
    static WORKERS: OnceLock<usize> = OnceLock::new();
    *WORKERS.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// Threads for `pieces` pieces of work: one for a single piece, without
/// asking how many cores there are (that asking is a dozen system calls,
/// a noticeable part of a short pair's run).
fn threads_for(pieces: usize) -> usize {
    if pieces <= 1 {
        1
    } else {
        workers().min(pieces)
    }
}

/// `a` here and `b` on a second thread when `split` (and there is a
/// second core), else one after the other; both run to completion and a
/// panic in either is the caller's.
pub fn join<A: Send, B: Send>(
    split: bool,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    if !split || workers() < 2 {
        return (a(), b());
    }
    std::thread::scope(|scope| {
        let handle = scope.spawn(b);
        let a = a();
        let b = handle
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (a, b)
    })
}

/// What `keep` gives for each of `items`, in input order, each half of
/// the list read on its own core when `split`: a long text's hundreds of
/// thousands of candidate pairs are tens of megabytes to scan.
pub fn filter_map_halves<'a, T: Sync, R: Send>(
    items: &'a [T],
    split: bool,
    keep: impl Fn(&'a T) -> Option<R> + Sync,
) -> Vec<R> {
    let (front, back) = items.split_at(items.len() / 2);
    // Each half has room for all it could keep, the front for both:
    // neither list is copied as it grows, nor the front as the back
    // joins it (room never written costs no memory).
    let scan = |half: &'a [T], room: usize| -> Vec<R> {
        let mut kept = Vec::with_capacity(room);
        kept.extend(half.iter().filter_map(&keep));
        kept
    };
    let (mut kept, rest) = join(
        split,
        || scan(front, items.len()),
        || scan(back, back.len()),
    );
    kept.extend(rest);
    kept
}

/// `items` sorted by `order`, each half on its own core when `split` and
/// the halves then merged: the order one unstable sort gives whenever no
/// two items compare equal (callers break ties by input place). Ranking
/// a long text's pairs is a few tens of milliseconds on one thread, with
/// the other core idle.
pub fn sorted_by<T: Copy + Send>(
    mut items: Vec<T>,
    split: bool,
    order: impl Fn(&T, &T) -> std::cmp::Ordering + Sync,
) -> Vec<T> {
    if !split || workers() < 2 {
        items.sort_unstable_by(&order);
        return items;
    }
    let len = items.len();
    let (front, back) = items.split_at_mut(len / 2);
    join(
        true,
        || front.sort_unstable_by(&order),
        || back.sort_unstable_by(&order),
    );
    let mut merged = Vec::with_capacity(len);
    let (mut a, mut b) = (front.iter().peekable(), back.iter().peekable());
    while let (Some(&x), Some(&y)) = (a.peek(), b.peek()) {
        if order(x, y).is_le() {
            merged.push(*x);
            a.next();
        } else {
            merged.push(*y);
            b.next();
        }
    }
    merged.extend(a.copied());
    merged.extend(b.copied());
    merged
}

/// `work(scratch, item)` for every item, in input order, in chunks of
/// `chunk` items (each worker makes one `scratch`, reused buffers, with
/// `new_scratch`); `None` once `stop` says so (checked before each chunk),
/// so a cancelled job stops on every core.
pub fn map_in_order_until<T, R, S>(
    items: &[T],
    chunk: usize,
    new_scratch: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, &T) -> R + Sync,
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<R>>
where
    T: Sync,
    R: Send,
{
    ordered(items, chunk, new_scratch, |s, _, item| work(s, item), stop)
}

/// `work(index, item)` for every item, handed out one at a time (items
/// such as articles or article pairs differ widely in cost), in input
/// order; `None` once `stop` says so (checked before each item), so a
/// cancelled job stops on every core.
pub fn map_each_until<'a, T, R>(
    items: &'a [T],
    stop: &(dyn Fn() -> bool + Sync),
    work: impl Fn(usize, &'a T) -> R + Sync,
) -> Option<Vec<R>>
where
    T: Sync,
    R: Send,
{
    ordered(items, 1, || (), |_, index, item| work(index, item), stop)
}

/// The one loop behind both maps: workers pull `chunk`-sized pieces from
/// a shared counter until the items run out or `stop` holds. A worker's
/// panic is the caller's, as in a plain loop, so no result is ever lost
/// silently.
fn ordered<'a, T, R, S>(
    items: &'a [T],
    chunk: usize,
    new_scratch: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, usize, &'a T) -> R + Sync,
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<R>>
where
    T: Sync,
    R: Send,
{
    let chunk = chunk.max(1);
    let chunks = items.len().div_ceil(chunk);
    let next = AtomicUsize::new(0);
    let worker = || {
        let mut scratch = new_scratch();
        let mut done: Vec<(usize, Vec<R>)> = Vec::new();
        while !stop() {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let start = index.saturating_mul(chunk);
            let Some(part) = items.get(start..items.len().min(start.saturating_add(chunk))) else {
                break;
            };
            if part.is_empty() {
                break;
            }
            let results = part
                .iter()
                .enumerate()
                .map(|(offset, item)| work(&mut scratch, start + offset, item))
                .collect();
            done.push((index, results));
        }
        done
    };
    let threads = threads_for(chunks);
    let mut parts: Vec<(usize, Vec<R>)> = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(worker)).collect();
        let mut parts = worker();
        for helper in helpers {
            parts.extend(
                helper
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            );
        }
        parts
    });
    if stop() || parts.len() != chunks {
        return None;
    }
    parts.sort_unstable_by_key(|(index, _)| *index);
    Some(parts.into_iter().flat_map(|(_, part)| part).collect())
}

/// `work(scratch, chunk)` on every `chunk`-sized piece of `items`, in
/// place. Each worker makes one `scratch` with `new_scratch`.
pub fn for_each_chunk_mut<T, S>(
    items: &mut [T],
    chunk: usize,
    new_scratch: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, &mut [T]) + Sync,
) where
    T: Send,
{
    let chunk = chunk.max(1);
    let threads = threads_for(items.len().div_ceil(chunk));
    let pieces = Mutex::new(items.chunks_mut(chunk));
    let worker = || {
        let mut scratch = new_scratch();
        loop {
            let piece = match pieces.lock() {
                Ok(mut pieces) => pieces.next(),
                Err(poisoned) => poisoned.into_inner().next(),
            };
            let Some(piece) = piece else { break };
            work(&mut scratch, piece);
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(worker);
        }
        worker();
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_input_order() {
        let items: Vec<u32> = (0..1000).collect();
        let never = || false;
        let doubled = map_in_order_until(&items, 7, || (), |_, &i| i * 2, &never);
        assert_eq!(
            doubled,
            Some((0..1000).map(|i| i * 2).collect::<Vec<u32>>())
        );
    }

    #[test]
    fn every_item_is_changed_once() {
        let mut items = vec![1u32; 1001];
        for_each_chunk_mut(
            &mut items,
            10,
            || (),
            |_, piece| piece.iter_mut().for_each(|i| *i += 1),
        );
        assert!(items.iter().all(|&i| i == 2));
    }

    #[test]
    fn sorted_on_both_cores_is_one_sort() {
        for len in [0, 1, 2, 3, 10, 1001] {
            // Distinct keys in a scrambled order.
            let items: Vec<(u64, usize)> =
                (0..len).map(|i| ((i as u64 * 7919) % 1009, i)).collect();
            let mut expected = items.clone();
            expected.sort_unstable();
            for split in [false, true] {
                assert_eq!(sorted_by(items.clone(), split, |a, b| a.cmp(b)), expected);
            }
        }
    }

    #[test]
    fn halves_keep_what_one_filter_keeps_in_order() {
        for len in [0, 1, 2, 7, 1001] {
            let items: Vec<u32> = (0..len).map(|i| i * 7 % 13).collect();
            let keep = |&x: &u32| (x % 3 != 0).then_some(x * 2);
            let expected: Vec<u32> = items.iter().filter_map(keep).collect();
            for split in [false, true] {
                assert_eq!(filter_map_halves(&items, split, keep), expected, "{len}");
            }
        }
    }

    #[test]
    fn join_gives_both_results_split_or_not() {
        for split in [false, true] {
            let (a, b) = join(split, || 1 + 1, || "two".len());
            assert_eq!((a, b), (2, 3));
        }
    }

    #[test]
    fn each_item_gets_its_own_index() {
        let items: Vec<usize> = (0..500).collect();
        let never = || false;
        let seen = map_each_until(&items, &never, |index, &item| (index, item));
        let expected: Vec<(usize, usize)> = (0..500).map(|i| (i, i)).collect();
        assert_eq!(seen, Some(expected));
    }

    #[test]
    fn a_stop_gives_none() {
        let items: Vec<u32> = (0..500).collect();
        let calls = AtomicUsize::new(0);
        let stop = || calls.load(Ordering::Relaxed) >= 10;
        let result = map_each_until(&items, &stop, |_, &i| {
            calls.fetch_add(1, Ordering::Relaxed);
            i
        });
        assert_eq!(result, None);
        assert!(calls.load(Ordering::Relaxed) < 500);
    }

    #[test]
    fn empty_input_is_fine() {
        let never = || false;
        let none = map_in_order_until(&[], 4, || (), |_, &i: &u32| i, &never);
        assert_eq!(none, Some(Vec::new()));
        for_each_chunk_mut(&mut [] as &mut [u32], 4, || (), |_, _| {});
    }
}
