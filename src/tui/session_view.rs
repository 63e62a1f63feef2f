//! An open session on the wall: the stage screens, the keys every stage shares, stage
//! timing and saving. Every change goes through `record`, which applies it to the history,
//! notes the time spent when the stage changes, and hands the new state to the autosaver.

use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;

use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

use crate::domain::board::{BoardEntry, board};
use crate::domain::change::stage_lock;
use crate::domain::stage_time::{TimeboxLook, ran_out_between, time_to_record};
use crate::domain::{Change, History, Stage};
use crate::storage::autosave::{Autosaver, SaveReport};
use crate::storage::lock::SessionLock;
use crate::storage::{Access, Header, Opened};

use super::chrome::{
    FOOTER_ROWS, HEADER_ROWS, render_big_title, render_footer, render_header, split_big_title,
};
use super::editor::EditorMode;
use super::intent::Intent;
use super::stages::focus::{enter_focus, render_focus};
use super::stages::partners::PartnersScreen;
use super::stages::screen::Screen;
use super::stages::set::StageScreens;
use super::stages::vision;
use super::stages::{FocusCard, StageCtx};
use super::theme::Theme;
use super::watch::{Watch, WatchNews};
use super::widgets::KeyHelp;

pub struct SessionView {
    /// The file behind the session; None for the built-in example.
    pub path: Option<PathBuf>,
    id: String,
    continued_from: Option<String>,
    pub history: History,
    /// Why changes are refused, when they are.
    pub read_only: Option<String>,
    // Declared before the lock so that it drops first: dropping it waits for a save in
    // flight, and only then may the lock let another instance in.
    saver: Option<Autosaver>,
    // Held for as long as the session is open; dropping it lets another instance in.
    _lock: Option<SessionLock>,
    /// Follows the file while another instance writes it (read-only views of a file).
    watch: Option<Watch>,
    /// Set when the instance that wrote the session has closed it: `o` takes over.
    writer_gone: bool,
    /// When the stage on the wall was put there (or the session opened).
    entered_at: DateTime<Utc>,
    /// How many events the record held then: more now means the session was changed
    /// while the stage was shown, and only then is its time recorded.
    entered_events: usize,
    /// The stage shown when read-only, where moving around records nothing.
    view_stage: Stage,
    show_partners: bool,
    /// Focus mode (`z`): the selected item alone and large instead of the whole stage.
    /// The cursor keys still move, so the room can step from item to item.
    focus: bool,
    /// The timebox as the last tick saw it: the bell rings when it runs out between
    /// two looks, never for a stage that was over time before it came on the wall.
    last_look: Option<TimeboxLook>,
    /// The conflict board and the number of events it was computed for: the rules run
    /// once per change, not once per frame.
    board_cache: RefCell<(usize, Rc<[BoardEntry]>)>,
    screens: StageScreens,
    partners: PartnersScreen,
}

impl SessionView {
    pub fn from_opened(opened: Opened, now: DateTime<Utc>) -> SessionView {
        let (lock, read_only) = match opened.access {
            Access::Exclusive(lock) => (Some(lock), None),
            Access::ReadOnly(reason) => (None, Some(reason)),
        };
        let saver = lock
            .as_ref()
            .map(|_| Autosaver::start(opened.path.clone(), opened.history.events()));
        let watch = read_only.as_ref().map(|_| Watch::start(&opened.path));
        let mut view = SessionView::build(
            Some(opened.path),
            opened.header.id,
            opened.header.continued_from,
            opened.history,
            lock,
            saver,
            read_only,
            now,
        );
        view.watch = watch;
        view
    }

    /// A session shown without a file: the built-in example.
    pub fn read_only(
        history: History,
        id: String,
        reason: String,
        now: DateTime<Utc>,
    ) -> SessionView {
        SessionView::build(None, id, None, history, None, None, Some(reason), now)
    }

    #[allow(clippy::too_many_arguments)]
    fn build(
        path: Option<PathBuf>,
        id: String,
        continued_from: Option<String>,
        history: History,
        lock: Option<SessionLock>,
        saver: Option<Autosaver>,
        read_only: Option<String>,
        now: DateTime<Utc>,
    ) -> SessionView {
        let view_stage = history.session().current;
        let entered_events = history.events().len();
        let mut view = SessionView {
            path,
            id,
            continued_from,
            history,
            read_only,
            _lock: lock,
            saver,
            watch: None,
            writer_gone: false,
            entered_at: now,
            entered_events,
            view_stage,
            show_partners: false,
            focus: false,
            last_look: None,
            board_cache: RefCell::new((usize::MAX, Rc::from(Vec::new()))),
            screens: StageScreens::default(),
            partners: PartnersScreen::default(),
        };
        view.last_look = view.timebox_look(now);
        view
    }

    /// The conflict board for the session as it is now.
    pub fn board(&self) -> Rc<[BoardEntry]> {
        let events = self.history.events().len();
        let mut cache = self.board_cache.borrow_mut();
        if cache.0 != events {
            *cache = (events, Rc::from(board(self.history.session())));
        }
        Rc::clone(&cache.1)
    }

    /// The stage on screen.
    pub fn stage(&self) -> Stage {
        if self.read_only.is_some() {
            self.view_stage
        } else {
            self.history.session().current
        }
    }

    /// Shows `stage` in a read-only view (a replay, the example). Live sessions move
    /// only through recorded changes, so this refuses them, and it refuses locked stages.
    pub fn show_stage(&mut self, stage: Stage) -> bool {
        if self.read_only.is_none() || stage_lock(self.history.session(), stage).is_some() {
            return false;
        }
        self.view_stage = stage;
        self.show_partners = false;
        true
    }

    /// Seconds spent in the stage on screen, including the running time since it opened.
    pub fn spent_now(&self, now: DateTime<Utc>) -> u64 {
        let stage = self.stage();
        let recorded = self.history.session().clock.spent_seconds(stage);
        if self.read_only.is_some() {
            return recorded;
        }
        let running = (now - self.entered_at).num_seconds().max(0).unsigned_abs();
        recorded + running
    }

    /// The timebox of the stage on the wall, as it stands at `now`; None in read-only
    /// views, whose clock does not run.
    fn timebox_look(&self, now: DateTime<Utc>) -> Option<TimeboxLook> {
        if self.read_only.is_some() {
            return None;
        }
        let stage = self.stage();
        Some(TimeboxLook {
            stage,
            spent_seconds: self.spent_now(now),
            limit_seconds: u64::from(self.history.session().clock.timebox_minutes(stage)) * 60,
        })
    }

    /// True when the timebox of the stage on the wall has run out since the last look:
    /// the app rings the bell.
    pub fn timebox_just_ran_out(&mut self, now: DateTime<Utc>) -> bool {
        let Some(look) = self.timebox_look(now) else {
            return false;
        };
        ran_out_between(self.last_look.replace(look), look)
    }

    pub fn header(&self) -> Header {
        Header::for_history(&self.id, self.continued_from.as_deref(), &self.history)
    }

    /// Applies `changes` in order; stops at the first refused one. Returns the sentence
    /// for the last change applied, or the reason for the refusal.
    pub fn record(&mut self, changes: Vec<Change>, now: DateTime<Utc>) -> Result<String, String> {
        if let Some(reason) = &self.read_only {
            return Err(format!("Read-only: {reason}"));
        }
        let mut said = String::new();
        let mut outcome = Ok(());
        for change in changes {
            let before = self.history.session().current;
            let navigation = matches!(change, Change::MovedTo { .. });
            match self.history.record(now, change) {
                // "Vision gate passed" says more than the move that follows it.
                Ok(text) if !navigation || said.is_empty() => said = text,
                Ok(_) => {}
                Err(e) => {
                    outcome = Err(e.to_string());
                    break;
                }
            }
            let after = self.history.session().current;
            if after != before {
                // The stage on the wall changed: close its clock. The event names the stage,
                // so coming after the move is fine; the move itself is a change.
                let changed = self.history.events().len() > self.entered_events;
                if let Some(seconds) = time_to_record(self.entered_at, now, changed) {
                    let _ = self.history.record(
                        now,
                        Change::TimeSpent {
                            stage: before,
                            seconds,
                        },
                    );
                }
                self.entered_at = now;
                self.entered_events = self.history.events().len();
                self.last_look = self.timebox_look(now);
                self.show_partners = false;
            }
        }
        self.save();
        outcome.map(|()| said)
    }

    fn save(&mut self) {
        let header = self.header();
        if let Some(saver) = &mut self.saver {
            saver.request(header, &self.history);
        }
    }

    /// Takes what the file watch found, for a session another instance writes. Returns
    /// what the moderator should be told, if anything.
    pub fn follow(&mut self) -> Option<String> {
        let news = self.watch.as_mut()?.news();
        let mut said = None;
        for item in news {
            match item {
                WatchNews::Reloaded(history) => {
                    // The view stays where the moderator looked, unless it was showing
                    // the writer's stage: then it goes along, as the wall does.
                    if self.view_stage == self.history.session().current {
                        self.view_stage = history.session().current;
                    }
                    self.history = *history;
                    // Same length is not same content: a replaced file may differ.
                    self.board_cache.borrow_mut().0 = usize::MAX;
                }
                WatchNews::Unreadable(error) => {
                    said = Some(format!(
                        "Not updating: {error}; showing the last good state"
                    ));
                }
                WatchNews::WriterGone => {
                    self.writer_gone = true;
                    said = Some(
                        "The other sameside has closed this session: press o to take over"
                            .to_string(),
                    );
                }
                WatchNews::WriterBack => {
                    self.writer_gone = false;
                    said = Some("Another sameside has this session open again".to_string());
                }
            }
        }
        said
    }

    /// Waits up to `timeout` for the file watch to find something and takes it: for
    /// tests, which cannot know when the watch looks.
    pub fn follow_within(&mut self, timeout: std::time::Duration) -> Option<String> {
        let deadline = std::time::Instant::now() + timeout;
        while std::time::Instant::now() < deadline {
            let before = self.history.events().len();
            let said = self.follow();
            if said.is_some() || self.history.events().len() != before {
                return said.or(Some(String::new()));
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        None
    }

    /// True when the writer has gone and this read-only view may take the session over.
    pub fn may_take_over(&self) -> bool {
        self.writer_gone && self.path.is_some()
    }

    /// The newest report from the autosaver, if a write finished since the last look.
    pub fn poll_save(&mut self) -> Option<SaveReport> {
        self.saver.as_mut()?.poll()
    }

    /// Records the time spent in the current stage, if the session was changed while it
    /// was on the wall, and waits for every write. Returns the error when the session
    /// could not be saved.
    pub fn close(&mut self, now: DateTime<Utc>) -> Result<(), String> {
        if self.read_only.is_some() {
            return Ok(());
        }
        let stage = self.history.session().current;
        let changed = self.history.events().len() > self.entered_events;
        let seconds = time_to_record(self.entered_at, now, changed);
        let failed_before = self
            .saver
            .as_ref()
            .is_some_and(|s| s.last_error().is_some());
        if failed_before {
            self.save();
        }
        if let Some(seconds) = seconds {
            let _ = self
                .history
                .record(now, Change::TimeSpent { stage, seconds });
            self.entered_at = now;
            self.entered_events = self.history.events().len();
            self.save();
        }
        match &mut self.saver {
            Some(saver) => {
                saver.flush();
                match saver.last_error() {
                    Some(e) => Err(e.to_string()),
                    None => Ok(()),
                }
            }
            None => Ok(()),
        }
    }

    fn move_by(&mut self, forward: bool) -> Option<Intent> {
        let session = self.history.session();
        let here = self.stage();
        let mut candidate = if forward { here.next() } else { here.prev() };
        // Skip stages that are locked (after a pass, Summary follows Vision directly).
        while let Some(stage) = candidate {
            if stage_lock(session, stage).is_none() {
                break;
            }
            candidate = if forward { stage.next() } else { stage.prev() };
        }
        let Some(target) = candidate else {
            return Some(Intent::Status(if forward {
                "This is the last stage.".to_string()
            } else {
                "This is the first stage.".to_string()
            }));
        };
        if self.read_only.is_some() {
            self.view_stage = target;
            self.show_partners = false;
            return None;
        }
        Some(Intent::GoTo(target))
    }

    /// True while focus mode is on.
    pub fn is_focused(&self) -> bool {
        self.focus
    }

    /// The selected item of the screen on show, for focus mode.
    fn focus_card(&self, ctx: &StageCtx) -> Option<FocusCard> {
        if self.show_partners {
            return Screen::focus_card(&self.partners, ctx);
        }
        self.screens.focus_card(self.stage(), ctx)
    }

    /// Keys shared by every stage, then the stage's own.
    pub fn handle_key(&mut self, key: KeyEvent, theme: &Theme) -> Option<Intent> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('z') if !ctrl && self.focus => {
                self.focus = false;
                return None;
            }
            KeyCode::Esc if self.focus => {
                self.focus = false;
                return None;
            }
            KeyCode::Char('z') if !ctrl => {
                let board = self.board();
                let ctx = StageCtx::new(self.history.session(), &board, theme, true, None);
                let has_item = self.focus_card(&ctx).is_some();
                return enter_focus(&mut self.focus, has_item);
            }
            KeyCode::PageDown => {
                let session = self.history.session();
                if self.stage() == Stage::Vision && self.read_only.is_none() && !self.show_partners
                {
                    return Some(vision::gate_intent(session));
                }
                return self.move_by(true);
            }
            KeyCode::PageUp => return self.move_by(false),
            KeyCode::Char('o') if !ctrl && self.may_take_over() => {
                return self.path.clone().map(Intent::TakeOver);
            }
            KeyCode::Char('u') if !ctrl => return Some(Intent::Record(vec![Change::Undo])),
            KeyCode::Char('U') => return Some(Intent::Record(vec![Change::Redo])),
            KeyCode::Char('r') if ctrl => return Some(Intent::Record(vec![Change::Redo])),
            KeyCode::Char('p') if !ctrl => {
                self.show_partners = !self.show_partners;
                return None;
            }
            KeyCode::Esc if self.show_partners => {
                self.show_partners = false;
                return None;
            }
            KeyCode::Char('e')
                if !ctrl && self.stage() == Stage::Summary && !self.show_partners =>
            {
                return Some(Intent::ExportNotes);
            }
            KeyCode::Char('+') => return Some(self.timebox_change(1)),
            KeyCode::Char('-') => return Some(self.timebox_change(-1)),
            KeyCode::Char('t') if !ctrl => {
                let stage = self.stage();
                let minutes = self.history.session().clock.timebox_minutes(stage);
                return Some(Intent::Edit {
                    title: format!("Timebox for {stage}, in minutes"),
                    initial: minutes.to_string(),
                    mode: EditorMode::SingleLine,
                    on_submit: Box::new(move |text, _| {
                        let minutes: u32 = text
                            .trim()
                            .parse()
                            .map_err(|_| format!("'{}' is not a number of minutes", text.trim()))?;
                        Ok(vec![Change::TimeboxSet { stage, minutes }])
                    }),
                });
            }
            _ => {}
        }
        let read_only = self.read_only.is_some();
        let stage = self.stage();
        let session = self.history.session();
        let board = self.board();
        let ctx = StageCtx::new(session, &board, theme, read_only, None);
        if self.show_partners {
            return Screen::handle_key(&mut self.partners, key, &ctx);
        }
        self.screens.handle_key(stage, key, &ctx)
    }

    fn timebox_change(&self, delta: i64) -> Intent {
        let stage = self.stage();
        let minutes = i64::from(self.history.session().clock.timebox_minutes(stage));
        let next = (minutes + delta).clamp(1, 600);
        Intent::Record(vec![Change::TimeboxSet {
            stage,
            minutes: u32::try_from(next).unwrap_or(1),
        }])
    }

    /// The keys of the screen on show, for the help overlay.
    pub fn screen_keys(&self) -> (&'static str, Vec<KeyHelp>) {
        let read_only = self.read_only.is_some();
        if self.show_partners {
            return (self.partners.title(), self.partners.help(read_only));
        }
        self.screens.help(self.stage(), read_only)
    }

    fn footer_keys(&self, ctx: &StageCtx) -> Vec<(&'static str, &'static str)> {
        if self.focus {
            return vec![("↑↓ ←→", "another item"), ("z/Esc", "back to the stage")];
        }
        if self.read_only.is_some() {
            // Only what can be done here: look around.
            let mut keys = vec![
                ("PgDn/PgUp", "stages"),
                ("p", "partners"),
                ("arrows", "move"),
            ];
            if self.stage() == Stage::Summary {
                keys.push(("e", "export notes"));
            }
            if self.may_take_over() {
                keys.insert(0, ("o", "take over"));
            }
            keys.push(("q", "close"));
            return keys;
        }
        let mut keys = if self.show_partners {
            Screen::footer_keys(&self.partners, ctx)
        } else {
            self.screens.footer_keys(self.stage(), ctx)
        };
        if !keys.iter().any(|(k, _)| k.starts_with("PgDn")) {
            keys.push(("PgDn", "next stage"));
        }
        keys.push(("q", "save & close"));
        keys
    }

    pub fn render(
        &self,
        frame: &mut Frame,
        area: Rect,
        theme: &Theme,
        now: DateTime<Utc>,
        status: Option<(&str, ratatui::style::Style)>,
    ) {
        let session = self.history.session();
        let header_area = Rect::new(area.x, area.y, area.width, HEADER_ROWS.min(area.height));
        let footer_h = FOOTER_ROWS.min(area.height.saturating_sub(header_area.height));
        let footer_area = Rect::new(
            area.x,
            area.bottom().saturating_sub(footer_h),
            area.width,
            footer_h,
        );
        let body = Rect::new(
            area.x,
            header_area.bottom(),
            area.width,
            area.height.saturating_sub(header_area.height + footer_h),
        );
        let badge = match (&self.read_only, self.writer_gone) {
            (None, _) => None,
            (Some(_), false) => Some("READ-ONLY"),
            (Some(_), true) => Some("FREE: o TAKES OVER"),
        };
        render_header(
            frame,
            header_area,
            session,
            self.stage(),
            self.spent_now(now),
            badge,
            theme,
        );
        let board = self.board();
        let ctx = StageCtx::new(session, &board, theme, self.read_only.is_some(), None).on(now);
        // In focus mode the item takes the whole body; should it be gone (deleted by
        // undo, say), the stage shows again rather than an empty screen.
        if self.show_partners {
            let card = if self.focus {
                Screen::focus_card(&self.partners, &ctx)
            } else {
                None
            };
            match card {
                Some(card) => render_focus(frame, body, &card, theme, area.height, &ctx.fit),
                None => {
                    let (title, body) = split_big_title(body, area.height, "Partners");
                    render_big_title(frame, title, theme);
                    Screen::render(&self.partners, frame, body, &ctx);
                }
            }
        } else {
            self.screens
                .render_or_focus(self.stage(), self.focus, frame, body, area.height, &ctx);
        }
        let fallback;
        let status = match status {
            Some(s) => Some(s),
            None => match &self.read_only {
                Some(reason) => {
                    fallback = format!("Read-only: {reason}");
                    Some((fallback.as_str(), theme.warn))
                }
                None => None,
            },
        };
        render_footer(
            frame,
            footer_area,
            &self.footer_keys(&ctx),
            status,
            &ctx.fit,
            theme,
        );
    }
}
