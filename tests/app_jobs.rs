//! Background jobs as `update()` sees them: filed, progressing, cancelled,
//! done, and results nobody waits for any more dropped. Jobs are run
//! synchronously here (`run_filed_now`, or `run_job` by hand), so every
//! transition is deterministic.

mod common;

use common::{draw, screen_text};
use diptych::app::job_run::run_job;
use diptych::app::jobs::{Job, JobOutput, JobRequest, Progress};
use diptych::app::worker::run_filed_now;
use diptych::app::{Action, App, ReaderOptions, SharedCorpus, View};
use diptych::article::load_inputs;
use diptych::ui::ColorMode;

/// The demo corpus in a reader whose jobs wait for a runner.
fn background_app() -> App {
    let loaded = load_inputs(&[], &mut std::io::empty()).expect("demo corpus loads");
    let mut app = App::in_background(SharedCorpus::new(loaded.articles), ReaderOptions::default());
    app.update(Action::Resize(160, 45));
    app
}

/// Runs one filed job to its end, as a worker would, without a thread.
fn finish(app: &App, job: &Job) -> Action {
    Action::JobDone(job.id, run_job(job, app.corpus(), &mut |_, _| {}))
}

#[test]
fn the_first_pair_is_a_job_and_shows_when_it_is_done() {
    let mut app = background_app();
    assert!(app.model().groups.is_empty());
    let jobs = app.take_jobs();
    assert_eq!(jobs.len(), 1);
    assert!(matches!(
        jobs[0].request,
        JobRequest::Align {
            left: 0,
            right: 1,
            ..
        }
    ));
    assert_eq!(app.running_jobs().len(), 1);
    let screen = screen_text(&draw(&app, 160, 45, ColorMode::None));
    assert!(screen.contains("aligning 1 ⇄ 2 by paragraphs"), "{screen}");
    assert!(screen.contains("Esc cancels"), "{screen}");

    let done = finish(&app, &jobs[0]);
    app.update(done);
    run_filed_now(&mut app); // the similarity column
    assert!(app.running_jobs().is_empty());
    assert!(app.model().rows > 0);
    assert_eq!(app.pair(), (0, 1));
    assert!(app.similarity_to_left(4).is_some());
}

#[test]
fn progress_is_recorded_and_shown_with_an_honest_estimate() {
    let mut app = background_app();
    let id = app.take_jobs()[0].id;
    let progress = Progress {
        done: 40,
        total: 100,
        elapsed_ms: 2000,
    };
    app.update(Action::JobProgress(id, progress));
    assert_eq!(app.running_jobs()[0].progress, progress);
    let screen = screen_text(&draw(&app, 160, 45, ColorMode::None));
    assert!(
        screen.contains("40/100 · 2.0 s · about 3 s left"),
        "{screen}"
    );
}

#[test]
fn esc_cancels_the_running_job_and_its_late_result_is_dropped() {
    let mut app = background_app();
    let first = app.take_jobs().remove(0);
    app.update(Action::Back);
    assert!(first.cancelled());
    assert!(app.running_jobs().is_empty());
    assert!(!app.should_quit());
    assert!(app.message().is_some_and(|m| m.starts_with("cancelled")));
    let late = finish(&app, &first);
    app.update(late);
    assert!(app.model().groups.is_empty());
    // Esc with nothing running closes nothing more; it never quits.
    app.update(Action::Back);
    assert!(!app.should_quit());
}

#[test]
fn a_result_for_a_pair_no_longer_wanted_is_dropped() {
    let mut app = background_app();
    run_filed_now(&mut app);
    assert_eq!(app.pair(), (0, 1));
    // Backwards from 1 ⇄ 2 the pairs are 4 ⇄ 5, then 3 ⇄ 5: not aligned yet.
    app.update(Action::PreviousPair);
    let stale = app.take_jobs().remove(0);
    assert!(matches!(
        stale.request,
        JobRequest::Align {
            left: 3,
            right: 4,
            ..
        }
    ));
    app.update(Action::PreviousPair);
    let wanted = app.take_jobs().remove(0);
    assert!(matches!(
        wanted.request,
        JobRequest::Align {
            left: 2,
            right: 4,
            ..
        }
    ));
    assert!(stale.cancelled());
    // Meanwhile the old pair stays on screen and keeps answering keys.
    assert_eq!(app.pair(), (0, 1));
    app.update(Action::Down(2));
    assert_eq!(app.scroll(), 2);

    let late = finish(&app, &stale);
    app.update(late);
    assert_eq!(app.pair(), (0, 1));
    let done = finish(&app, &wanted);
    app.update(done);
    assert_eq!(app.pair(), (2, 4));
    assert_eq!(app.scroll(), 0);
}

#[test]
fn facts_open_when_their_job_is_done_and_esc_stops_it() {
    let mut app = background_app();
    run_filed_now(&mut app);
    app.update(Action::ToggleFacts);
    assert_eq!(app.view(), View::Reading);
    let facts = app.take_jobs().remove(0);
    assert!(matches!(facts.request, JobRequest::Facts));
    app.update(Action::Back);
    assert!(facts.cancelled());
    assert!(app.facts().is_none());

    app.update(Action::ToggleFacts);
    run_filed_now(&mut app);
    assert_eq!(app.view(), View::Facts);
    assert!(app.facts().is_some_and(|list| !list.facts.is_empty()));
}

#[test]
fn the_matrix_opens_when_the_comparison_is_done() {
    let mut app = background_app();
    run_filed_now(&mut app);
    app.update(Action::ToggleMatrix);
    assert_eq!(app.view(), View::Reading);
    assert_eq!(app.running_jobs().len(), 1);
    // A second M while it runs files nothing new.
    app.update(Action::ToggleMatrix);
    let jobs = app.take_jobs();
    assert_eq!(jobs.len(), 1);
    assert_eq!(app.running_jobs().len(), 1);
    let done = finish(&app, &jobs[0]);
    app.update(done);
    assert!(app.running_jobs().is_empty());
    assert_eq!(app.view(), View::Matrix);
    assert!(app.comparison_ready().is_some());
}

#[test]
fn a_search_of_a_pair_no_longer_shown_is_dropped() {
    let mut app = background_app();
    run_filed_now(&mut app);
    app.update(Action::StartSearch);
    for c in "ukraine".chars() {
        app.update(Action::SearchInput(c));
    }
    app.update(Action::SearchSubmit);
    let search = app.take_jobs().remove(0);
    let found = run_job(&search, app.corpus(), &mut |_, _| {});
    assert!(matches!(found, JobOutput::Found(_)));
    app.update(Action::Swap);
    run_filed_now(&mut app);
    let hits_now = app.search().hits().len();
    app.update(Action::JobDone(search.id, found));
    assert_eq!(app.search().hits().len(), hits_now);
    // The query is run again on the swapped pair.
    assert_eq!(app.search().query(), "ukraine");
    assert!(!app.search().hits().is_empty());
}

#[test]
fn granularity_switches_when_its_alignment_is_done() {
    let mut app = background_app();
    run_filed_now(&mut app);
    app.update(Action::ToggleGranularity);
    assert_eq!(app.granularity().name(), "paragraph");
    run_filed_now(&mut app);
    assert_eq!(app.granularity().name(), "sentence");
    assert_eq!(app.message(), Some("aligning by sentence"));
}

/// `paragraphs` numbered news-like paragraphs; `word` tells the sides apart.
fn numbered(paragraphs: usize, word: &str) -> diptych::article::Article {
    let text: String = (0..paragraphs)
        .map(|i| {
            format!(
                "Paragraph {i}: the council met about {word} and item x{i} on day {} with {} votes.\n\n",
                i % 28 + 1,
                i % 97
            )
        })
        .collect();
    diptych::article::parse_article("t.txt", "t.txt", &text)
}

#[test]
fn a_big_pair_previews_its_start_labelled_partial_then_keeps_the_place() {
    use diptych::align::Granularity;
    use diptych::app::preview::preview_alignment;
    use diptych::app::rows::Side;
    use std::sync::Arc;
    use std::sync::atomic::AtomicBool;

    let (left, right) = (numbered(600, "boats"), numbered(600, "ships"));
    let corpus = SharedCorpus::new(vec![left.clone(), right.clone()]);
    let mut app = App::in_background(corpus, ReaderOptions::default());
    app.update(Action::Resize(160, 45));
    let job = app.take_jobs().remove(0);
    assert!(matches!(
        job.request,
        JobRequest::Align { preview: true, .. }
    ));

    let never = AtomicBool::new(false);
    let (aligned, preview) =
        preview_alignment(&left, &right, Granularity::Paragraph, 12_000, &never)
            .expect("not cancelled");
    let partial = JobOutput::Previewed(Arc::new(aligned), preview, None);
    app.update(Action::JobPartial(job.id, partial));
    assert_eq!(app.preview(), Some(preview));
    let screen = screen_text(&draw(&app, 160, 45, ColorMode::None));
    assert!(screen.contains("PARTIAL: L ¶1–"), "{screen}");
    assert!(screen.contains("whole pair aligning"), "{screen}");
    assert!(!screen.contains("% similar"), "{screen}");
    assert!(
        screen.contains("Paragraph 0: the council met about boats"),
        "{screen}"
    );

    // Read on a little, then the whole alignment arrives.
    app.update(Action::Down(37));
    let offset = (0..40)
        .find(|k| {
            app.model()
                .line_at(Side::Left, app.scroll() + k)
                .is_some_and(|l| l.unit.is_some())
        })
        .expect("text on screen");
    let top = app
        .model()
        .line_at(Side::Left, app.scroll() + offset)
        .cloned();
    app.update(finish(&app, &job));
    assert_eq!(app.preview(), None);
    let after = app
        .model()
        .line_at(Side::Left, app.scroll() + offset)
        .cloned();
    assert_eq!(after, top, "the reader's place moved");
    let screen = screen_text(&draw(&app, 160, 45, ColorMode::None));
    assert!(!screen.contains("PARTIAL"), "{screen}");
    assert!(screen.contains("similar"), "{screen}");
}

#[test]
fn esc_during_a_preview_keeps_it_labelled_as_cancelled() {
    use diptych::align::Granularity;
    use diptych::app::preview::preview_alignment;
    use std::sync::Arc;
    use std::sync::atomic::AtomicBool;

    let (left, right) = (numbered(300, "boats"), numbered(300, "ships"));
    let corpus = SharedCorpus::new(vec![left.clone(), right.clone()]);
    let mut app = App::in_background(corpus, ReaderOptions::default());
    app.update(Action::Resize(160, 45));
    let job = app.take_jobs().remove(0);
    let never = AtomicBool::new(false);
    let (aligned, preview) =
        preview_alignment(&left, &right, Granularity::Paragraph, 6_000, &never)
            .expect("not cancelled");
    app.update(Action::JobPartial(
        job.id,
        JobOutput::Previewed(Arc::new(aligned), preview, None),
    ));
    app.update(Action::Back);
    assert!(job.cancelled());
    let screen = screen_text(&draw(&app, 160, 45, ColorMode::None));
    assert!(screen.contains("PARTIAL"), "{screen}");
    assert!(screen.contains("whole alignment cancelled"), "{screen}");
    // A late result of the cancelled job changes nothing.
    let late = run_job(&job, app.corpus(), &mut |_, _| {});
    app.update(Action::JobDone(job.id, late));
    assert!(app.preview().is_some());
}

#[test]
fn a_job_that_fails_ends_with_a_message_not_a_spinner() {
    let mut app = background_app();
    let job = app.take_jobs().remove(0);
    app.update(Action::JobDone(
        job.id,
        JobOutput::Failed("index out of bounds\u{1b}[2J".to_string()),
    ));
    assert!(app.running_jobs().is_empty());
    let screen = screen_text(&draw(&app, 160, 45, ColorMode::None));
    assert!(
        screen.contains("failed, a bug in diptych: index out of bounds"),
        "{screen}"
    );
    assert!(!screen.contains("Esc cancels"), "{screen}");
    assert!(!screen.contains('\u{1b}'), "{screen}");
}
