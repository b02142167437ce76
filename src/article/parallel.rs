//! Inputs loaded side by side: reading, decoding and segmenting one file
//! is independent of the next, and on a two-core machine loading two
//! 3 MB articles one after the other left a core idle for a tenth of a
//! second. Plain scoped threads; results come back in input order.

use std::sync::atomic::{AtomicUsize, Ordering};

/// `f` of every item, in item order, computed on up to one thread per
/// core (the calling thread is one of them). Items are handed out one at
/// a time, so one large file does not hold up the small ones behind it.
/// A single item runs on the calling thread, with no thread started.
pub fn map_in_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    if items.len() <= 1 {
        return items.iter().map(f).collect();
    }
    let threads = crate::parallel::workers().min(items.len());
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else {
                return done;
            };
            done.push((i, f(item)));
        }
    };
    let mut results: Vec<Option<R>> = items.iter().map(|_| None).collect();
    std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut finished = vec![work()];
        for helper in helpers {
            match helper.join() {
                Ok(done) => finished.push(done),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        for (i, result) in finished.into_iter().flatten() {
            results[i] = Some(result);
        }
    });
    // Every index below items.len() was handed out exactly once.
    results.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_item_order() {
        let items: Vec<u64> = (0..50).collect();
        let squares = map_in_parallel(&items, |n| {
            // Uneven work, so threads finish out of order.
            std::thread::sleep(std::time::Duration::from_micros(50 * (n % 7)));
            n * n
        });
        assert_eq!(squares, items.iter().map(|n| n * n).collect::<Vec<_>>());
        assert_eq!(map_in_parallel(&[3], |n| n + 1), [4]);
        assert!(map_in_parallel(&[] as &[u8], |n| *n).is_empty());
    }
}
