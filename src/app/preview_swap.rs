//! Showing a big pair's preview, and swapping the whole alignment in for
//! it without moving the reader: the text at the top of the panes stays
//! at the top.

use super::jobs::{JobId, JobOutput, JobRequest, Then};
use super::rows::{Line, Side};
use super::{App, Focus};

/// Where the reader is: a line of text (side, unit, its first byte) and
/// how many rows below the top of the panes it is.
type Anchor = (Side, usize, usize, usize);

impl App {
    /// A job's partial result: a big pair's preview, shown while the pair
    /// is opened from the top and its job still runs.
    pub(super) fn job_partial(&mut self, id: JobId, output: JobOutput) {
        let Some(running) = self.jobs.find(|r| r.id == id) else {
            return;
        };
        let (
            JobRequest::Align {
                left,
                right,
                granularity,
                ..
            },
            Then::OpenPair,
        ) = (&running.request, running.then)
        else {
            return;
        };
        let (left, right, granularity) = (*left, *right, *granularity);
        let JobOutput::Previewed(alignment, preview, model) = output else {
            return;
        };
        self.prebuilt = model;
        self.show_pair(left, right, granularity, alignment, Then::Store);
        self.preview = Some(preview);
        // The similarity column waits for the whole alignment: started
        // now, it would compute the pair a second time if Esc stops it.
        self.jobs
            .cancel_where(|r| matches!(r.request, JobRequest::Similarity { .. }));
        self.similarity = Vec::new();
    }

    /// The place to keep when the preview gives way to the whole pair.
    pub(super) fn preview_anchor(&self, left: usize, right: usize) -> Option<Anchor> {
        if self.preview.is_none() || (self.left, self.right) != (left, right) {
            return None;
        }
        let sides = if self.focus == Focus::Right {
            [Side::Right, Side::Left]
        } else {
            [Side::Left, Side::Right]
        };
        (0..self.geometry.body_rows().max(1)).find_map(|offset| {
            sides.into_iter().find_map(|side| {
                match self.model.line_at(side, self.scroll + offset) {
                    Some(Line {
                        unit: Some(unit),
                        range,
                        ..
                    }) => Some((side, *unit, range.start, offset)),
                    _ => None,
                }
            })
        })
    }

    /// Scrolls so the anchored text is where it was.
    pub(super) fn restore_anchor(&mut self, (side, unit, at, offset): Anchor) {
        if let Some(row) = self.model.row_of(side, unit, at) {
            self.scroll = row.saturating_sub(offset);
            self.clamp_scroll();
        }
    }
}
