//! Wall and CPU time of each engine stage, so benches can say where an
//! alignment spends its time without a profiler. A handful of clock reads
//! per run: free next to the work they time. CPU time is the process's
//! (all threads): on a busy machine it is the steadier figure, and CPU
//! above wall shows a stage using both cores.

use std::time::{Duration, Instant};

/// How long one stage took.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StageTime {
    pub wall: Duration,
    /// CPU time of the whole process (every thread) during the stage.
    pub cpu: Duration,
}

/// How long each stage of one alignment took. A long pair with a German
/// side is read for name evidence beside the stages from the candidates
/// to the moved flags, so their CPU includes that reading.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StageTimes {
    /// Tokenising both sides, interning, rarity weights and bags.
    pub bags: StageTime,
    /// Choosing and scoring candidate unit pairs.
    pub candidates: StageTime,
    /// The one-to-one first pass and the positional band's detection.
    pub first_pass: StageTime,
    /// Scoring the band's pairs that the candidate stage skipped.
    pub band_pairs: StageTime,
    /// Anchors, joins and gap filling into links.
    pub grouping: StageTime,
    /// Moved flags of the links.
    pub moved: StageTime,
    /// Word diffs, shared-word classes and callouts of every link.
    pub word_diff: StageTime,
    /// Unmatched units, reading order and the overall similarity.
    pub finish: StageTime,
}

impl StageTimes {
    /// The stages by name, in pipeline order, for printing.
    pub fn named(&self) -> [(&'static str, StageTime); 8] {
        [
            ("bags", self.bags),
            ("candidates", self.candidates),
            ("first pass", self.first_pass),
            ("band pairs", self.band_pairs),
            ("grouping", self.grouping),
            ("moved", self.moved),
            ("word diff", self.word_diff),
            ("finish", self.finish),
        ]
    }

    /// All stages together.
    pub fn total(&self) -> StageTime {
        let stages = self.named();
        StageTime {
            wall: stages.iter().map(|(_, t)| t.wall).sum(),
            cpu: stages.iter().map(|(_, t)| t.cpu).sum(),
        }
    }
}

/// Measures consecutive stages: each [`Stopwatch::lap`] ends one stage
/// and starts the next.
pub struct Stopwatch {
    wall: Instant,
    cpu: Duration,
}

impl Stopwatch {
    /// Starts timing the first stage.
    pub fn start() -> Self {
        Stopwatch {
            wall: Instant::now(),
            cpu: process_cpu(),
        }
    }

    /// Adds the time since the last lap to `stage`.
    pub fn lap(&mut self, stage: &mut StageTime) {
        let (wall, cpu) = (Instant::now(), process_cpu());
        stage.wall += wall - self.wall;
        stage.cpu += cpu.saturating_sub(self.cpu);
        (self.wall, self.cpu) = (wall, cpu);
    }
}

/// CPU time this process has used so far, all threads; zero where the
/// clock is unavailable.
fn process_cpu() -> Duration {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid, writable timespec for the call.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut now) };
    if status != 0 {
        return Duration::ZERO;
    }
    let secs = u64::try_from(now.tv_sec).unwrap_or(0);
    let nanos = u32::try_from(now.tv_nsec).unwrap_or(0);
    Duration::new(secs, nanos.min(999_999_999))
}
