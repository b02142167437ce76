//! Doing a [`Job`]: the same function whether a worker thread runs it or
//! a test runs it inline. It reads only the shared corpus, checks the
//! cancel flag between steps, and reports steps done as it goes.

use std::sync::Arc;

use crate::align::{Alignment, Granularity};
use crate::facts::extract_facts_with;

use super::jobs::{Job, JobOutput, JobRequest, Layout, SearchRanges};
use super::order::side_order;
use super::preview::{PREVIEW_BYTES, preview_alignment, worth_previewing};
use super::rows::{RowModel, UnitMarks};
use super::search::find_all;
use super::shared::SharedCorpus;

/// Units searched between two checks of the cancel flag.
const SEARCH_STEP: usize = 512;

/// Runs `job` to its end (or until cancelled); `report(done, total)` is
/// called as steps complete.
pub fn run_job(
    job: &Job,
    corpus: &SharedCorpus,
    report: &mut dyn FnMut(usize, usize),
) -> JobOutput {
    run_job_with(job, corpus, report, &mut |_| {})
}

/// [`run_job`], handing a partial result to `partial` on the way where
/// the job has one (a big pair's preview).
pub fn run_job_with(
    job: &Job,
    corpus: &SharedCorpus,
    report: &mut dyn FnMut(usize, usize),
    partial: &mut dyn FnMut(JobOutput),
) -> JobOutput {
    match &job.request {
        JobRequest::Align {
            left,
            right,
            granularity,
            layout,
            preview,
        } => {
            if *preview
                && corpus
                    .alignment_ready(*left, *right, *granularity)
                    .is_none()
                && let Some(output) = previewed(job, corpus, (*left, *right), *granularity)
            {
                partial(output);
            }
            // The cancel flag reaches the engine: Esc stops the work.
            match corpus.alignment_with(*left, *right, *granularity, &*job.cancel) {
                Some(alignment) if !job.cancelled() => {
                    let model = layout.map(|layout| laid_out(&alignment, layout));
                    JobOutput::Aligned(alignment, model)
                }
                _ => JobOutput::Cancelled,
            }
        }
        JobRequest::Similarity { left } => similarity(job, corpus, *left, report),
        // The cancel flag reaches the engine's loops, so Esc stops the work
        // itself, not only the wait for it.
        JobRequest::Compare => corpus
            .comparison_with(&*job.cancel)
            .map_or(JobOutput::Cancelled, JobOutput::Compared),
        JobRequest::Facts => extract_facts_with(corpus.articles(), &*job.cancel)
            .map_or(JobOutput::Cancelled, |facts| JobOutput::Facts(facts.into())),
        JobRequest::Search { query, alignment } => {
            let fold = !query.chars().any(char::is_uppercase);
            let total = alignment.left.len() + alignment.right.len();
            let mut ranges: SearchRanges = [Vec::new(), Vec::new()];
            for (side, units) in [&alignment.left, &alignment.right].into_iter().enumerate() {
                for chunk in units.chunks(SEARCH_STEP) {
                    if job.cancelled() {
                        return JobOutput::Cancelled;
                    }
                    ranges[side].extend(chunk.iter().map(|u| find_all(&u.text, query, fold)));
                    report(ranges[0].len() + ranges[1].len(), total);
                }
            }
            JobOutput::Found(Arc::new(ranges))
        }
    }
}

/// Rows of `alignment` as `layout` asks.
fn laid_out(alignment: &Alignment, layout: Layout) -> (Layout, Arc<RowModel>) {
    let order = side_order(&alignment.groups, layout.order);
    let marks = UnitMarks::of(alignment);
    let model = RowModel::build_in_order(alignment, &marks, layout.width, &order, |group| {
        !(layout.hide_furniture && alignment.is_furniture(group))
    });
    (layout, Arc::new(model))
}

/// A big pair's preview, laid out (see [`super::preview`]); `None` for a
/// small pair or when cancelled.
fn previewed(
    job: &Job,
    corpus: &SharedCorpus,
    (left, right): (usize, usize),
    granularity: Granularity,
) -> Option<JobOutput> {
    let JobRequest::Align { layout, .. } = &job.request else {
        return None;
    };
    let articles = corpus.articles();
    let (left, right) = (articles.get(left)?, articles.get(right)?);
    if !worth_previewing(left, right) {
        return None;
    }
    let (alignment, preview) =
        preview_alignment(left, right, granularity, PREVIEW_BYTES, &*job.cancel)?;
    let model = layout.map(|layout| laid_out(&alignment, layout));
    Some(JobOutput::Previewed(Arc::new(alignment), preview, model))
}

/// Similarity of every article to `left`, one alignment at a time (each
/// kept in the corpus, so opening that pair later is instant).
fn similarity(
    job: &Job,
    corpus: &SharedCorpus,
    left: usize,
    report: &mut dyn FnMut(usize, usize),
) -> JobOutput {
    let n = corpus.articles().len();
    let mut out = Vec::with_capacity(n);
    for other in 0..n {
        if job.cancelled() {
            return JobOutput::Cancelled;
        }
        out.push(if other == left {
            1.0
        } else {
            corpus
                .alignment_with(left, other, Granularity::Paragraph, &*job.cancel)
                .map_or(0.0, |a| a.similarity)
        });
        report(other + 1, n);
    }
    if job.cancelled() {
        // The last alignment may have stopped half-way: no 0 for it.
        return JobOutput::Cancelled;
    }
    JobOutput::Similarity(out.into())
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicBool;

    use super::*;

    fn cancelled(request: JobRequest) -> Job {
        Job {
            id: 1,
            request,
            cancel: Arc::new(AtomicBool::new(true)),
        }
    }

    #[test]
    fn a_cancelled_comparison_stops_and_keeps_nothing() {
        let corpus = SharedCorpus::demo();
        let output = run_job(&cancelled(JobRequest::Compare), &corpus, &mut |_, _| {});
        assert_eq!(output, JobOutput::Cancelled);
        assert!(corpus.comparison_ready().is_none());
    }

    #[test]
    fn cancelled_facts_stop() {
        let output = run_job(
            &cancelled(JobRequest::Facts),
            &SharedCorpus::demo(),
            &mut |_, _| {},
        );
        assert_eq!(output, JobOutput::Cancelled);
    }
}
