//! Per-article work on every core. Articles are read independently (the
//! casing tallies and the candidates of one article need no other), so
//! they are handed out one at a time to a thread per core and the results
//! put back in article order: the output is the same as a plain loop's.

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::article::Article;
use crate::progress::Progress;

/// `work(index, article)` for every article, in article order; `None` when
/// `progress` cancels (checked before each article).
pub fn per_article<'a, T: Send>(
    articles: &'a [Article],
    progress: &dyn Progress,
    work: impl Fn(usize, &'a Article) -> T + Sync,
) -> Option<Vec<T>> {
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(articles.len().max(1));
    let worker = || {
        let mut done = Vec::new();
        loop {
            if progress.cancelled() {
                return done;
            }
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(article) = articles.get(i) else {
                return done;
            };
            done.push((i, work(i, article)));
            progress.advance(1);
        }
    };
    let mut done: Vec<(usize, T)> = if threads <= 1 {
        worker()
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads).map(|_| scope.spawn(worker)).collect();
            handles
                .into_iter()
                // A worker's panic is the caller's, as in a plain loop.
                .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
                .collect()
        })
    };
    if progress.cancelled() || done.len() != articles.len() {
        return None;
    }
    done.sort_unstable_by_key(|(i, _)| *i);
    Some(done.into_iter().map(|(_, t)| t).collect())
}
