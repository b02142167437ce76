//! The app's side of background jobs: filing one, taking its result in
//! (or dropping it when it is stale), and `Esc` cancelling what runs.

use std::sync::Arc;

use super::facts_view::FactsList;
use super::job_run::run_job;
use super::jobs::{JobId, JobOutput, JobRequest, Running, Then};
use super::{App, View};

impl App {
    /// Files a job; with inline jobs it also runs it here and now.
    pub(super) fn start_job(&mut self, request: JobRequest, then: Then) {
        self.jobs.start(request, then);
        if !self.inline_jobs {
            return;
        }
        for job in self.take_jobs() {
            let output = run_job(&job, &self.corpus, &mut |_, _| {});
            self.job_done(job.id, output);
        }
    }

    /// Starts the job unless one with the same request is already running.
    fn start_once(&mut self, request: JobRequest, then: Then) {
        let same = std::mem::discriminant(&request);
        if let Some(id) = self
            .jobs
            .find(|r| std::mem::discriminant(&r.request) == same)
            .map(|r| r.id)
        {
            self.jobs.set_then(id, then);
            return;
        }
        self.start_job(request, then);
    }

    /// `Esc` while work runs: stop all of it, keep what is shown.
    pub(super) fn cancel_jobs(&mut self) {
        let gone = self.jobs.cancel_where(|r| r.request.is_foreground());
        let what: Vec<String> = gone.iter().map(|r| r.request.describe()).collect();
        self.message = Some(format!("cancelled {}", what.join(", ")));
    }

    /// A job ended: take its result in, unless nobody waits for it.
    pub(super) fn job_done(&mut self, id: JobId, output: JobOutput) {
        let Some(Running { request, then, .. }) = self.jobs.finish(id) else {
            return;
        };
        match (request, output) {
            (request, JobOutput::Failed(reason)) => {
                let reason = crate::article::sanitize::line(&reason);
                self.message = Some(format!(
                    "{} failed, a bug in diptych: {reason}",
                    request.describe()
                ));
            }
            (
                JobRequest::Align {
                    left,
                    right,
                    granularity,
                    ..
                },
                JobOutput::Aligned(alignment, model),
            ) => {
                let anchor = self.preview_anchor(left, right);
                self.prebuilt = model;
                self.show_pair(left, right, granularity, alignment, then);
                if let Some(anchor) = anchor {
                    self.restore_anchor(anchor);
                }
            }
            (JobRequest::Similarity { left }, JobOutput::Similarity(values))
                if left == self.left =>
            {
                self.similarity = values.to_vec();
            }
            (JobRequest::Compare, JobOutput::Compared(comparison)) => {
                self.comparison = Some(comparison);
                self.after_comparison(then);
            }
            (JobRequest::Facts, JobOutput::Facts(facts)) => {
                self.facts = Some(FactsList::new(facts));
                if then == Then::OpenFacts {
                    self.toggle_facts();
                }
            }
            (JobRequest::Search { query, alignment }, JobOutput::Found(ranges))
                if Arc::ptr_eq(&alignment, &self.alignment) =>
            {
                self.search.set_ranges(query, ranges, &self.model);
                if then == Then::ShowHits {
                    self.jump_hit(true);
                }
            }
            _ => {}
        }
    }

    /// Runs `query` over the pair shown: filed as a job, since a big pair
    /// or a common word can take a while; with `jump`, goes to the first
    /// match when done.
    pub(super) fn start_search(&mut self, query: String, jump: bool) {
        self.jobs
            .cancel_where(|r| matches!(r.request, JobRequest::Search { .. }));
        self.search.begin(query.clone());
        let request = JobRequest::Search {
            query,
            alignment: self.alignment.clone(),
        };
        self.start_job(request, if jump { Then::ShowHits } else { Then::Store });
    }

    /// Whether the all-pairs comparison is at hand; if not, files the job
    /// that computes it and does `then` when it is done.
    pub(super) fn need_comparison(&mut self, then: Then) -> bool {
        if self.comparison.is_none() {
            self.comparison = self.corpus.comparison_ready();
        }
        if self.comparison.is_some() {
            return true;
        }
        self.start_once(JobRequest::Compare, then);
        false
    }

    /// Facts for the facts view: at hand, or filed as a job that opens
    /// the view when done.
    pub(super) fn need_facts(&mut self) -> bool {
        if self.facts.is_some() {
            return true;
        }
        self.start_once(JobRequest::Facts, Then::OpenFacts);
        false
    }

    fn after_comparison(&mut self, then: Then) {
        match then {
            Then::OpenMatrix if self.view != View::Matrix => self.toggle_matrix(),
            Then::Coverage if !self.coverage => self.toggle_coverage(),
            Then::Unique if !self.unique_only => self.toggle_unique(),
            _ => {}
        }
    }
}
