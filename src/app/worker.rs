//! Runs the reader's jobs on threads and hands their progress and results
//! back as actions, for an event loop (the terminal reader, or one SSH
//! visitor) to feed into `App::update`. No terminal in here.
//!
//! ```text
//! loop ─ app.take_jobs() ─▶ Worker::spawn ─▶ thread: run_job(cancel flag)
//!   ▲                                            │ progress, result
//!   └──── update(JobProgress / JobDone) ◀─ Worker::drain ◀─ channel
//! ```

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Instant;

use super::job_run::{run_job, run_job_with};
use super::jobs::{Job, JobId, JobOutput, Progress};
use super::shared::SharedCorpus;
use super::{Action, App};

enum Message {
    Progress(JobId, usize, usize),
    Partial(JobId, JobOutput),
    Done(JobId, JobOutput),
}

/// Threads running jobs, and what they have reported.
pub struct Worker {
    corpus: SharedCorpus,
    sender: Sender<Message>,
    receiver: Receiver<Message>,
    /// Per running job: when it started and its last step count.
    started: HashMap<JobId, (Instant, usize, usize)>,
    /// Per running job: the flag that stops it.
    cancels: HashMap<JobId, Arc<AtomicBool>>,
}

impl Worker {
    /// A runner for jobs over `corpus`.
    pub fn new(corpus: SharedCorpus) -> Self {
        let (sender, receiver) = channel();
        Worker {
            corpus,
            sender,
            receiver,
            started: HashMap::new(),
            cancels: HashMap::new(),
        }
    }

    /// Stops every job still running: the reader that filed them is
    /// going (an SSH visitor left), and a pair's alignment or a compare
    /// of every pair would otherwise run on for nobody.
    pub fn cancel_all(&self) {
        for cancel in self.cancels.values() {
            cancel.store(true, Ordering::Relaxed);
        }
    }

    /// Starts every job the app has filed, each on its own thread. A
    /// cancelled job's thread finishes on its own (or at its next check of
    /// the flag) and its result is dropped.
    pub fn spawn_filed(&mut self, app: &mut App) {
        for job in app.take_jobs() {
            self.spawn(job);
        }
    }

    fn spawn(&mut self, job: Job) {
        self.started.insert(job.id, (Instant::now(), 0, 0));
        self.cancels.insert(job.id, Arc::clone(&job.cancel));
        let id = job.id;
        let corpus = self.corpus.clone();
        let sender = self.sender.clone();
        let spawned = std::thread::Builder::new()
            .name(format!("{JOB_THREAD_PREFIX}{id}"))
            .spawn(move || {
                let mut report = |done, total| {
                    let _ = sender.send(Message::Progress(id, done, total));
                };
                let mut partial = |output| {
                    let _ = sender.send(Message::Partial(id, output));
                };
                // A job's panic is a bug, but not the reader's end: the
                // job ends failed and the reader says so (the terminal's
                // panic hook leaves other threads' panics to this).
                let run = std::panic::AssertUnwindSafe(|| {
                    run_job_with(&job, &corpus, &mut report, &mut partial)
                });
                let output = std::panic::catch_unwind(run)
                    .unwrap_or_else(|panic| JobOutput::Failed(panic_text(panic.as_ref())));
                let _ = sender.send(Message::Done(id, output));
            });
        if spawned.is_err() {
            // No thread to be had: the job ends as if cancelled.
            let _ = self.sender.send(Message::Done(id, JobOutput::Cancelled));
        }
    }

    /// Whether any job is still running.
    pub fn busy(&self) -> bool {
        !self.started.is_empty()
    }

    /// Everything reported since the last call, as actions: results, and
    /// for each job still running its latest progress with the time so far.
    pub fn drain(&mut self) -> Vec<Action> {
        let mut actions = Vec::new();
        while let Ok(message) = self.receiver.try_recv() {
            match message {
                Message::Progress(id, done, total) => {
                    if let Some(entry) = self.started.get_mut(&id) {
                        (entry.1, entry.2) = (done, total);
                    }
                }
                Message::Partial(id, output) => actions.push(Action::JobPartial(id, output)),
                Message::Done(id, output) => {
                    self.started.remove(&id);
                    self.cancels.remove(&id);
                    actions.push(Action::JobDone(id, output));
                }
            }
        }
        for (&id, &(start, done, total)) in &self.started {
            let elapsed_ms = u64::try_from(start.elapsed().as_millis()).unwrap_or(u64::MAX);
            let progress = Progress {
                done,
                total,
                elapsed_ms,
            };
            actions.push(Action::JobProgress(id, progress));
        }
        actions
    }
}

/// Threads that run jobs are named `job-N`, as a debugger or a panic
/// message shows them.
const JOB_THREAD_PREFIX: &str = "job-";

/// What a panic said, when it said it as text.
fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "it panicked".to_string())
}

impl Drop for Worker {
    /// Nobody can take a dropped worker's results.
    fn drop(&mut self) {
        self.cancel_all();
    }
}

/// Runs every filed job on this thread until none is left: the
/// synchronous runner (deterministic, for tests and tools without a loop).
pub fn run_filed_now(app: &mut App) {
    loop {
        let jobs = app.take_jobs();
        if jobs.is_empty() {
            return;
        }
        for job in jobs {
            let mut steps = Vec::new();
            let output = run_job(&job, app.corpus(), &mut |done, total| {
                steps.push((done, total));
            });
            if let Some(&(done, total)) = steps.last() {
                let progress = Progress {
                    done,
                    total,
                    elapsed_ms: 0,
                };
                app.update(Action::JobProgress(job.id, progress));
            }
            app.update(Action::JobDone(job.id, output));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::jobs::JobRequest;

    fn compare_job(id: JobId) -> Job {
        Job {
            id,
            request: JobRequest::Compare,
            cancel: Arc::new(AtomicBool::new(false)),
        }
    }

    #[test]
    fn cancel_all_and_drop_raise_every_running_jobs_flag() {
        let corpus = SharedCorpus::new(Vec::new());
        let (first, second) = (compare_job(1), compare_job(2));
        let flags = [Arc::clone(&first.cancel), Arc::clone(&second.cancel)];
        let mut worker = Worker::new(corpus.clone());
        worker.spawn(first);
        worker.cancel_all();
        assert!(flags[0].load(Ordering::Relaxed));

        let mut worker = Worker::new(corpus);
        worker.spawn(second);
        assert!(!flags[1].load(Ordering::Relaxed));
        drop(worker);
        assert!(flags[1].load(Ordering::Relaxed));
    }

    #[test]
    fn a_finished_job_is_no_longer_cancelled() {
        let mut worker = Worker::new(SharedCorpus::new(Vec::new()));
        let job = compare_job(7);
        let flag = Arc::clone(&job.cancel);
        worker.spawn(job);
        while worker.busy() {
            worker.drain();
            std::thread::yield_now();
        }
        drop(worker);
        assert!(!flag.load(Ordering::Relaxed), "its result was taken in");
    }
}
