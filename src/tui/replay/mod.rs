//! Replaying a past session: the same stage screens as a live session, read-only, for
//! the state at a chosen event, with a timeline bar to walk the record. Nothing here
//! writes the replayed file; "continue from here" writes a new one through the app.

mod keys;

pub use keys::{REPLAY_BINDINGS, ReplayAction, speed_for_key};

use std::cell::Cell;
use std::path::PathBuf;
use std::rc::Rc;
use std::time::Duration;

use chrono::{DateTime, FixedOffset, Utc};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::domain::board::{BoardEntry, board};
use crate::domain::timeline::{Changed, Player};
use crate::domain::{History, Session, Stage};
use crate::storage::store::Recorded;
use crate::storage::{FileError, Header};

use super::chrome::{
    clock_text, render_footer, render_header, short_label, wall_clock, wall_layout,
};
use super::stages::StageCtx;
use super::theme::Theme;
use super::wall::Wall;
use super::widgets::{display_width, truncate_to_width};

/// Rows the timeline bar takes: where and when, the bar itself, the event in words.
pub const BAR_ROWS: u16 = 3;

/// How long, on the replay's clock, the item an event changed stays highlighted: long
/// enough to find it on the wall, short enough not to linger into the next event at 1×.
pub const HIGHLIGHT: Duration = Duration::from_millis(1500);

pub struct ReplayView {
    pub path: PathBuf,
    pub header: Header,
    player: Player,
    /// Where and why the record stops early, worded at the failing event's line.
    stop: Option<FileError>,
    /// The app's time when the replay opened: the player's clock counts from here.
    origin: DateTime<Utc>,
    /// The latest replay time seen, so a wall clock set back never runs playback
    /// backwards (the player expects a time that only grows).
    latest: Cell<Duration>,
    /// The state and conflict board at `shown_at`, kept so that drawing a frame costs
    /// no replay and the detection rules run once per position, not once per frame.
    shown_at: usize,
    state: Session,
    board: Rc<[BoardEntry]>,
    /// When (replay time) the position last changed, for the highlight.
    changed_at: Option<Duration>,
    /// Show event times at this offset instead of the local zone (pictures in tests).
    offset: Option<FixedOffset>,
    /// The stage screens, focus and partners panel, as the live session has them.
    wall: Wall,
}

impl ReplayView {
    /// A replay of `recorded`, paused at the created session; `now` is the app's clock.
    pub fn new(recorded: Recorded, now: DateTime<Utc>) -> ReplayView {
        let mut player = Player::new(recorded.timeline);
        let state = player.state().clone();
        let board = Rc::from(board(&state));
        ReplayView {
            path: recorded.path,
            header: recorded.header,
            player,
            stop: recorded.stop,
            origin: now,
            latest: Cell::new(Duration::ZERO),
            shown_at: 0,
            state,
            board,
            changed_at: None,
            offset: None,
            wall: Wall::default(),
        }
    }

    pub fn player(&self) -> &Player {
        &self.player
    }

    /// The session as it was at the replay position.
    pub fn state(&self) -> &Session {
        &self.state
    }

    /// The stage on show: the one that was on the wall at that event.
    pub fn stage(&self) -> Stage {
        self.state.current
    }

    /// Where the replay stops early, if an event in the file does not apply.
    pub fn stop(&self) -> Option<&FileError> {
        self.stop.as_ref()
    }

    /// Shows event times at a fixed offset from UTC rather than in the local zone.
    pub fn set_time_offset(&mut self, offset: FixedOffset) {
        self.offset = Some(offset);
    }

    /// The app's time as the player's monotonic clock: time since the replay opened.
    fn replay_time(&self, now: DateTime<Utc>) -> Duration {
        let since = (now - self.origin).to_std().unwrap_or(Duration::ZERO);
        let latest = self.latest.get().max(since);
        self.latest.set(latest);
        latest
    }

    /// Takes over the state at the player's position when it moved.
    fn sync(&mut self, now: Duration) {
        let at = self.player.position();
        if at == self.shown_at {
            return;
        }
        let state = self.player.state().clone();
        self.board = Rc::from(board(&state));
        self.state = state;
        self.shown_at = at;
        self.changed_at = Some(now);
    }

    /// Playback between keys: applies every event that has come due. True when the
    /// position moved.
    pub fn tick(&mut self, now: DateTime<Utc>) -> bool {
        let now = self.replay_time(now);
        let moved = self.player.tick(now);
        self.sync(now);
        moved
    }

    /// Jumps to the next event that mentions `text`; false when none does.
    pub fn find(&mut self, text: &str, now: DateTime<Utc>) -> bool {
        let now = self.replay_time(now);
        let found = self.player.find(text);
        self.restart_wait(now);
        self.sync(now);
        found
    }

    /// A history up to the replay position, to go on from in a new file.
    pub fn continue_here(&self) -> Result<History, String> {
        self.player.continue_here().map_err(|e| e.to_string())
    }

    /// After a jump while playing, the wait for the next event starts at the key, not
    /// at the next tick a quarter second later.
    fn restart_wait(&mut self, now: Duration) {
        if self.player.is_playing() {
            self.player.tick(now);
        }
    }

    /// A read-only context for the state at the position.
    fn ctx<'a>(&'a self, theme: &'a Theme, highlight: Option<&'a Changed>) -> StageCtx<'a> {
        StageCtx::new(&self.state, &self.board, theme, true, highlight)
    }

    fn clock_of(&self, at: DateTime<Utc>, format: &str) -> String {
        wall_clock(at, self.offset, format)
    }

    pub fn render(
        &self,
        frame: &mut Frame,
        area: Rect,
        theme: &Theme,
        now: DateTime<Utc>,
        status: Option<(&str, Style)>,
    ) {
        let area = area.intersection(frame.area());
        let [header_area, body, bar_area, footer_area] = wall_layout(area, BAR_ROWS);

        let stage = self.stage();
        let spent = self.state.clock.spent_seconds(stage);
        render_header(
            frame,
            header_area,
            &self.state,
            stage,
            spent,
            Some("REPLAY"),
            theme,
        );
        let replay_now = self.replay_time(now);
        let mut ctx = self.ctx(theme, self.highlight(replay_now)).on(now);
        // A round's clock runs in the replayed time, not today's.
        ctx.now = Some(self.state.updated);
        self.wall.render(stage, frame, body, area.height, &ctx);
        let lines = self.bar_lines(usize::from(area.width), theme, replay_now);
        frame.render_widget(Paragraph::new(lines), bar_area);
        render_footer(
            frame,
            footer_area,
            &self.footer_keys(&ctx),
            status,
            &ctx.fit,
            theme,
        );
    }

    /// The three rows of the timeline bar.
    fn bar_lines(&self, width: usize, theme: &Theme, now: Duration) -> Vec<Line<'static>> {
        let timeline = self.player.timeline();
        let at = self.player.position();
        let total = timeline.total();

        // Row 1: where and when, and how it plays.
        let mut info = format!(" event {} of {total}", at + 1);
        if let Some(time) = timeline.time_of(at) {
            info.push_str(&format!(" · {}", self.clock_of(time, "%H:%M:%S")));
        }
        if let Some(elapsed) = timeline.elapsed(at) {
            let seconds = elapsed.num_seconds();
            let sign = if seconds < 0 { "-" } else { "+" };
            info.push_str(&format!(" · {sign}{}", clock_text(seconds.unsigned_abs())));
        }
        let state = if self.player.is_playing() {
            "▶ playing"
        } else {
            "❚❚ paused"
        };
        let mut row1 = vec![
            Span::styled(info, theme.text),
            Span::styled(
                format!(" · {state} · {}", self.player.speed()),
                theme.accent,
            ),
        ];
        if let Some(stop) = timeline.stop().filter(|_| !self.player.at_end()) {
            row1.push(Span::styled(
                format!(" · stops early, at event {}", stop.index + 1),
                theme.warn,
            ));
        }

        // Row 2: the bar, stage changes marked with the stage's initial.
        let row2 = self.bar(width.saturating_sub(2), theme);

        // Row 3: the event in words, or why the replay ends here.
        let row3 = match (self.player.at_stop(), &self.stop) {
            (Some(stop), Some(error)) => Line::from(Span::styled(
                truncate_to_width(
                    &format!(
                        " ⚠ stops at event {} of {}: {error}",
                        stop.index + 1,
                        stop.total
                    ),
                    width,
                ),
                theme.bad,
            )),
            _ => self.event_line(width, theme, now),
        };
        vec![Line::from(row1), row2, row3]
    }

    fn bar(&self, width: usize, theme: &Theme) -> Line<'static> {
        let timeline = self.player.timeline();
        let total = timeline.total();
        if width == 0 {
            return Line::default();
        }
        let column = |position: usize| {
            if total <= 1 {
                0
            } else {
                position.min(total - 1) * (width - 1) / (total - 1)
            }
        };
        let here = column(self.player.position());
        let playable_end = column(timeline.last());
        let mut cells: Vec<(char, Style)> = (0..width)
            .map(|c| {
                if c > playable_end {
                    // Events after the one that does not apply: in the file, never shown.
                    ('╌', theme.bad)
                } else if c < here {
                    ('━', theme.accent)
                } else {
                    ('─', theme.muted)
                }
            })
            .collect();
        for (position, stage) in timeline.stage_boundaries() {
            if let Some(cell) = cells.get_mut(column(*position)) {
                let initial = short_label(*stage).chars().next().unwrap_or('|');
                *cell = (initial, theme.heading);
            }
        }
        if let Some(cell) = cells.get_mut(here) {
            *cell = ('●', theme.selected);
        }
        let mut spans = vec![Span::raw(" ")];
        spans.extend(
            cells
                .into_iter()
                .map(|(c, s)| Span::styled(c.to_string(), s)),
        );
        Line::from(spans)
    }

    /// What the event at the position changed, while its highlight lasts (`now` in
    /// replay time).
    fn highlight(&self, now: Duration) -> Option<&Changed> {
        let fresh = self
            .changed_at
            .is_some_and(|since| now.saturating_sub(since) < HIGHLIGHT);
        if !fresh {
            return None;
        }
        self.player.timeline().changed(self.player.position())
    }

    fn event_line(&self, width: usize, theme: &Theme, now: Duration) -> Line<'static> {
        let timeline = self.player.timeline();
        let at = self.player.position();
        let time = timeline
            .time_of(at)
            .map(|t| self.clock_of(t, "%H:%M"))
            .unwrap_or_default();
        let said = timeline.sentence(at).unwrap_or_default();
        let marker = match self.highlight(now) {
            Some(changed) => format!("  ● changed: {}", changed_label(changed, &self.state)),
            None => String::new(),
        };
        let room = width.saturating_sub(display_width(&marker) + display_width(&time) + 2);
        let mut spans = vec![
            Span::styled(format!(" {time} "), theme.muted),
            Span::styled(truncate_to_width(said, room), theme.text),
        ];
        if !marker.is_empty() {
            spans.push(Span::styled(marker, theme.warn));
        }
        Line::from(spans)
    }
}

/// What an event changed, in a few words, for the highlight marker.
fn changed_label(changed: &Changed, session: &Session) -> String {
    match changed {
        Changed::Session => "title, moderator or type".to_string(),
        Changed::Partner(p) => format!("partner {}", session.partner_name(*p)),
        Changed::Representative { partner, .. } => {
            format!("representative of {}", session.partner_name(*partner))
        }
        Changed::Vision(p) => format!("{}'s vision", session.partner_name(*p)),
        Changed::Statement => "shared statement".to_string(),
        Changed::Gate => "vision gate".to_string(),
        Changed::Role(_) => "role".to_string(),
        Changed::Raci { partner, .. } => format!("RACI of {}", session.partner_name(*partner)),
        Changed::Hole(_) => "hole in the role split".to_string(),
        Changed::Interest(_) => "interest".to_string(),
        Changed::Conflict(_) => "conflict".to_string(),
        Changed::Finding(_) => "conflict outcome".to_string(),
        Changed::Findings(keys) => format!("outcomes of {} conflicts", keys.len()),
        Changed::Verdict => "verdict".to_string(),
        Changed::Action(_) => "action item".to_string(),
        Changed::Glossary(_) => "glossary entry".to_string(),
        Changed::Round(_) => "sealed round".to_string(),
        Changed::Stage(stage) => format!("stage: {stage}"),
        Changed::Clock(stage) => format!("time of {stage}"),
    }
}

#[cfg(test)]
mod tests;
