//! Per-article work on every core. Articles are read independently (the
//! casing tallies and the candidates of one article need no other), so
//! they are handed out one at a time to a thread per core and the results
//! put back in article order: the output is the same as a plain loop's.

use crate::article::Article;
use crate::progress::Progress;

/// `work(index, article)` for every article, in article order; `None` when
/// `progress` cancels (checked before each article).
pub fn per_article<'a, T: Send>(
    articles: &'a [Article],
    progress: &dyn Progress,
    work: impl Fn(usize, &'a Article) -> T + Sync,
) -> Option<Vec<T>> {
    let cancelled = || progress.cancelled();
    crate::parallel::map_each_until(articles, &cancelled, |index, article| {
        let done = work(index, article);
        progress.advance(1);
        done
    })
}
