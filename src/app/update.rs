//! [`App::update`]: the only place the reader's state changes.

use ratatui::layout::Rect;

use super::geometry::Arrangement;
use super::{Action, App, Focus, View};

impl App {
    /// Applies an action typed or clicked by the user: as
    /// [`App::update`], except that the "terminal too small" screen, which
    /// shows nothing to act on, takes only quitting (a key pressed there
    /// changed the pair or opened a prompt unseen).
    pub fn input(&mut self, action: Action) {
        let too_small = self.geometry.arrangement == Some(Arrangement::TooSmall);
        if too_small && action != Action::Quit {
            return;
        }
        self.update(action);
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        if !matches!(
            action,
            Action::Resize(..)
                | Action::JobProgress(..)
                | Action::JobDone(..)
                | Action::JobPartial(..)
        ) {
            self.message = None;
            self.flash = None;
        }
        match action {
            Action::Down(n) => self.down(n),
            Action::Up(n) => self.up(n),
            Action::PageDown if self.view == View::Facts => {
                self.move_fact(self.facts_rows_visible() as isize);
            }
            Action::PageUp if self.view == View::Facts => {
                self.move_fact(-(self.facts_rows_visible() as isize));
            }
            Action::PageDown => self.scroll_to(self.scroll + self.page()),
            Action::PageUp => self.scroll_to(self.scroll.saturating_sub(self.page())),
            Action::Top if self.focus == Focus::List => self.list_cursor = 0,
            Action::Bottom if self.focus == Focus::List => self.move_list(true, usize::MAX),
            Action::Top => self.scroll_to(0),
            Action::Bottom => self.scroll_to(usize::MAX),
            Action::Next | Action::Previous => self.next(action == Action::Next),
            Action::Moved => self.jump_moved(),
            Action::FocusNext => self.focus_next(),
            Action::NextPair => self.step_pair(true),
            Action::PreviousPair => self.step_pair(false),
            Action::SetLeft => self.set_side(true),
            Action::SetRight => self.set_side(false),
            Action::Swap => self.open_pair(self.right, self.left),
            Action::StartSearch => self.search.open_prompt(),
            Action::SearchInput(c) => self.search.prompt_mut().into_iter().for_each(|p| p.push(c)),
            Action::SearchBackspace => self.search.prompt_mut().into_iter().for_each(|p| {
                p.pop();
            }),
            Action::SearchSubmit => self.submit_search(),
            Action::Back => self.back(),
            Action::ToggleWords => self.toggle_words(),
            Action::ToggleGranularity => self.toggle_granularity(),
            Action::ToggleOrder => self.toggle_order(),
            Action::Click(column, row) => self.click(column, row),
            Action::ToggleFurniture => self.toggle_furniture(),
            Action::ToggleList => self.toggle_list(),
            Action::ToggleHelp => {
                self.help = !self.help;
                self.help_scroll = 0;
            }
            Action::ToggleMatrix => self.toggle_matrix(),
            Action::ToggleFacts => self.toggle_facts(),
            Action::ToggleCoverage => self.toggle_coverage(),
            Action::ToggleUnique => self.toggle_unique(),
            Action::CellLeft => self.move_cell(0, -1),
            Action::CellRight => self.move_cell(0, 1),
            Action::Open if self.view == View::Matrix => self.open_cell(),
            Action::Open if self.view == View::Facts => self.open_fact(),
            Action::Open => {}
            Action::Resize(width, height) => self.resize(width, height),
            Action::Quit => self.quit = true,
            Action::JobProgress(id, progress) => self.jobs.set_progress(id, progress),
            Action::JobDone(id, output) => self.job_done(id, output),
            Action::JobPartial(id, output) => self.job_partial(id, output),
        }
    }

    fn page(&self) -> usize {
        self.geometry.body_rows().saturating_sub(2).max(1)
    }

    fn down(&mut self, n: usize) {
        if self.help {
            let most = super::keymap::BINDINGS.len() * 2;
            self.help_scroll = self.help_scroll.saturating_add(n).min(most);
            return;
        }
        match (self.view, self.focus) {
            (View::Matrix, _) => self.move_cell(n as isize, 0),
            (View::Facts, _) => self.move_fact(n as isize),
            (_, Focus::List) => self.move_list(true, n),
            _ => self.scroll_to(self.scroll.saturating_add(n)),
        }
    }

    fn up(&mut self, n: usize) {
        if self.help {
            self.help_scroll = self.help_scroll.saturating_sub(n);
            return;
        }
        match (self.view, self.focus) {
            (View::Matrix, _) => self.move_cell(-(n as isize), 0),
            (View::Facts, _) => self.move_fact(-(n as isize)),
            (_, Focus::List) => self.move_list(false, n),
            _ => self.scroll = self.scroll.saturating_sub(n),
        }
    }

    fn next(&mut self, forward: bool) {
        if self.search.is_active() {
            self.jump_hit(forward);
        } else {
            self.jump_difference(forward);
        }
    }

    fn focus_next(&mut self) {
        self.focus = match self.focus {
            Focus::Left => Focus::Right,
            Focus::Right if self.geometry.list.is_some() => Focus::List,
            Focus::Right | Focus::List => Focus::Left,
        };
        if self.focus == Focus::List {
            self.list_cursor = self.right;
        }
    }

    fn submit_search(&mut self) {
        let query = self.search.close_prompt().unwrap_or_default();
        if query.is_empty() {
            self.search.clear();
            return;
        }
        self.start_search(query, true);
    }

    /// Esc: leave the innermost thing open. Never quits: a second Esc after
    /// closing an overlay must not end the session (`q` quits).
    fn back(&mut self) {
        if self.help {
            self.help = false;
        } else if self.search.prompt().is_some() {
            self.search.close_prompt();
        } else if self
            .jobs
            .running()
            .iter()
            .any(|r| r.request.is_foreground())
        {
            self.cancel_jobs();
        } else if self.view != View::Reading {
            self.view = View::Reading;
        } else if self.search.is_active() {
            self.search.clear();
            self.message = Some("search cleared".into());
        } else if self.fact_mark.take().is_some() {
            self.message = Some("fact highlight cleared".into());
        } else if self.focus == Focus::List {
            self.focus = Focus::Left;
        } else {
            let quit = self.key_for(&Action::Quit);
            self.message = Some(format!("nothing to close — {quit} quits"));
        }
    }

    fn toggle_furniture(&mut self) {
        self.hide_furniture = !self.hide_furniture;
        self.relayout(true);
        let toggle = self.key_for(&Action::ToggleFurniture);
        self.message = Some(if self.hide_furniture {
            format!(
                "{} furniture ¶ hidden (boilerplate, captions) — {toggle} shows",
                self.hidden_furniture
            )
        } else {
            let next = self.key_for(&Action::Next);
            format!("boilerplate and captions shown; {next} skips them — {toggle} hides")
        });
    }

    fn toggle_words(&mut self) {
        self.words = self.words.next();
        let key = self.key_for(&Action::ToggleWords);
        self.message = Some(format!("{} — {key} cycles", self.words.describe()));
    }

    fn toggle_list(&mut self) {
        self.list_visible = !self.list_visible;
        let area = self.geometry.area;
        self.resize(area.width, area.height);
    }

    pub(super) fn resize(&mut self, width: u16, height: u16) {
        self.geometry = self.layout(Rect::new(0, 0, width, height));
        if self.geometry.list.is_none() && self.focus == Focus::List {
            self.focus = Focus::Left;
        }
        if self.model.width != self.geometry.text_width() {
            self.relayout(true);
        } else {
            self.clamp_scroll();
            self.refresh_overview();
        }
    }
}
