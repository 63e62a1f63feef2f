//! The replay's keys, written once: they drive the player, and the footer and the help
//! overlay (and so the README) are read from the same table. Keys the table does not
//! take go to the wall, read-only, so the room can look around the stage on show.

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::domain::timeline::Speed;
use crate::tui::bindings::{self, Binding, Chord};
use crate::tui::intent::Intent;
use crate::tui::stages::StageCtx;
use crate::tui::theme::Theme;
use crate::tui::wall::WallKey;
use crate::tui::widgets::KeyHelp;

use super::ReplayView;

/// What a replay key stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplayAction {
    Play,
    Pause,
    StepForward,
    StepBack,
    NextStageChange,
    PrevStageChange,
    First,
    Last,
    Faster,
    Slower,
    Speed(Speed),
    Find,
    ContinueHere,
    Back,
}

/// Every key of the replay, in the order the help lists them. A replay changes no
/// session, so every binding only looks.
pub const REPLAY_BINDINGS: &[Binding<ReplayAction>] = &[
    Binding::looks(
        &[Chord::char(' ')],
        "Space",
        "play / pause",
        ReplayAction::Play,
    )
    .footer_as("Space", "play"),
    Binding::looks(&[Chord::char(' ')], "Space", "pause", ReplayAction::Pause)
        .unlisted()
        .footer_as("Space", "pause"),
    Binding::looks(
        &[Chord::key(KeyCode::Right)],
        "→ / ←",
        "one event forward / back",
        ReplayAction::StepForward,
    )
    .footer_as("← →", "step"),
    Binding::looks(
        &[Chord::key(KeyCode::Left)],
        "←",
        "one event back",
        ReplayAction::StepBack,
    )
    .unlisted(),
    Binding::looks(
        &[Chord::char(']')],
        "] / [",
        "next / previous stage change",
        ReplayAction::NextStageChange,
    )
    .footer_as("[ ]", "stage"),
    Binding::looks(
        &[Chord::char('[')],
        "[",
        "previous stage change",
        ReplayAction::PrevStageChange,
    )
    .unlisted(),
    Binding::looks(
        &[Chord::key(KeyCode::Home)],
        "Home / End",
        "first / last event",
        ReplayAction::First,
    ),
    Binding::looks(
        &[Chord::key(KeyCode::End)],
        "End",
        "last event",
        ReplayAction::Last,
    )
    .unlisted(),
    Binding::looks(
        &[Chord::char('+'), Chord::char('=')],
        "+ / -",
        "faster / slower (1×, 2×, 5×, 10×, 60×, compressed)",
        ReplayAction::Faster,
    )
    .footer_as("+ -", "speed"),
    Binding::looks(&[Chord::char('-')], "-", "slower", ReplayAction::Slower).unlisted(),
    Binding::looks(
        &[Chord::char('1')],
        "1 2 5 0 6 9",
        "speed 1×, 2×, 5×, 10× (0), 60× (6), compressed (9)",
        ReplayAction::Speed(Speed::X1),
    ),
    Binding::looks(
        &[Chord::char('2')],
        "2",
        "2×",
        ReplayAction::Speed(Speed::X2),
    )
    .unlisted(),
    Binding::looks(
        &[Chord::char('5')],
        "5",
        "5×",
        ReplayAction::Speed(Speed::X5),
    )
    .unlisted(),
    Binding::looks(
        &[Chord::char('0')],
        "0",
        "10×",
        ReplayAction::Speed(Speed::X10),
    )
    .unlisted(),
    Binding::looks(
        &[Chord::char('6')],
        "6",
        "60×",
        ReplayAction::Speed(Speed::X60),
    )
    .unlisted(),
    Binding::looks(
        &[Chord::char('9')],
        "9",
        "compressed",
        ReplayAction::Speed(Speed::Compressed),
    )
    .unlisted(),
    Binding::looks(
        &[Chord::char('/')],
        "/",
        "jump to the next event that mentions a text",
        ReplayAction::Find,
    )
    .footer("find"),
    Binding::looks(
        &[Chord::char('c')],
        "c",
        "continue from here in a new session file (this one stays as it is)",
        ReplayAction::ContinueHere,
    )
    .footer("continue here"),
    Binding::looks(
        &[Chord::char('q'), Chord::key(KeyCode::Esc)],
        "q / Esc",
        "back to the session list",
        ReplayAction::Back,
    )
    .footer_as("q", "back"),
];

/// The speed a digit key names. A digit is read as the speed it shows, so `5` is 5×
/// (a room that reads "5" does not expect 60×); `0` and `6` stand for 10× and 60×,
/// whose own figures are taken, and `9`, the top key, for compressed.
pub fn speed_for_key(key: char) -> Option<Speed> {
    let event = Chord::char(key).event();
    match bindings::dispatch(REPLAY_BINDINGS, &event, true, |_| true) {
        Some(ReplayAction::Speed(speed)) => Some(speed),
        _ => None,
    }
}

impl ReplayView {
    fn applies(&self, action: ReplayAction) -> bool {
        match action {
            ReplayAction::Play => !self.player.is_playing(),
            ReplayAction::Pause => self.player.is_playing(),
            _ => true,
        }
    }

    /// A key: the wall's own (focus, partners) first, then the replay's, then the stage
    /// on show, read-only, which can only look around.
    pub fn handle_key(
        &mut self,
        key: KeyEvent,
        now: DateTime<Utc>,
        theme: &Theme,
    ) -> Option<Intent> {
        let stage = self.stage();
        let ctx = StageCtx::new(&self.state, &self.board, theme, true, None);
        if let WallKey::Used(intent) = self.wall.own_key(stage, &key, &ctx) {
            return intent;
        }
        let Some(action) = bindings::dispatch(REPLAY_BINDINGS, &key, true, |a| self.applies(a))
        else {
            // Whatever a read-only screen asks for is dropped, bar a word for the
            // status line (why a key does nothing here).
            return match self.wall.screen_key(stage, key, &ctx) {
                Some(Intent::Status(said)) => Some(Intent::Status(said)),
                _ => None,
            };
        };
        let now = self.replay_time(now);
        let player = &mut self.player;
        match action {
            ReplayAction::Play | ReplayAction::Pause => player.toggle_play(),
            ReplayAction::StepForward => player.step_forward(),
            ReplayAction::StepBack => player.step_back(),
            ReplayAction::NextStageChange => player.next_boundary(),
            ReplayAction::PrevStageChange => player.prev_boundary(),
            ReplayAction::First => player.home(),
            ReplayAction::Last => player.end(),
            ReplayAction::Faster => player.set_speed(player.speed().faster()),
            ReplayAction::Slower => player.set_speed(player.speed().slower()),
            ReplayAction::Speed(speed) => player.set_speed(speed),
            ReplayAction::Find => return Some(Intent::FindInReplay),
            ReplayAction::ContinueHere => return Some(Intent::ContinueReplay),
            ReplayAction::Back => return Some(Intent::Home),
        }
        self.restart_wait(now);
        self.sync(now);
        None
    }

    /// The replay's keys for the footer; in focus mode only playing, stepping, another
    /// item and leaving focus.
    pub(super) fn footer_keys(&self, ctx: &StageCtx) -> Vec<(&'static str, &'static str)> {
        let keys = bindings::footer(REPLAY_BINDINGS, true, |a| self.applies(a));
        if !self.wall.is_focused() {
            return keys;
        }
        let mut keys: Vec<_> = keys
            .into_iter()
            .filter(|(_, words)| matches!(*words, "play" | "pause" | "step"))
            .collect();
        // ← → step the replay here, so only ↑ ↓ reach the focused stage's items.
        keys.push(("↑↓", "another item"));
        keys.extend(
            self.wall
                .footer_keys(self.stage(), ctx)
                .into_iter()
                .filter(|(_, words)| *words != "another item"),
        );
        keys
    }

    /// The help overlay's sections: the replay's keys, the wall's, and the keys of the
    /// stage on show that work in a replay.
    pub fn help(&self) -> Vec<(&'static str, Vec<KeyHelp>)> {
        // Which screen is up does not depend on the colours.
        let theme = crate::tui::theme::Theme::dark();
        let (title, stage) = self.wall.help(self.stage(), &self.ctx(&theme, None));
        vec![("Replay", crate::tui::keys::replay_keys()), (title, stage)]
    }
}
