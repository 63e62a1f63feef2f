//! The keys an open session has on every stage: moving between stages, undo and redo,
//! the timebox, taking over, closing. Written once here; the session view dispatches
//! from this table, its footer offers from it, and the help overlay and the README list
//! it, so the three cannot disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::domain::change::stage_lock;
use crate::domain::{Change, Stage};
use crate::tui::bindings::{self, Binding, Chord};
use crate::tui::editor::EditorMode;
use crate::tui::intent::Intent;
use crate::tui::purpose::{FieldId, Purpose, Values};
use crate::tui::stages::{StageCtx, is_chord, vision};
use crate::tui::theme::Theme;
use crate::tui::wall::{Wall, WallKey};
use crate::tui::widgets::KeyHelp;

use super::SessionView;

/// What a session-wide key stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionAction {
    /// PageDown at an undecided vision gate: the gate's decision comes first.
    DecideGate,
    NextStage,
    PrevStage,
    Undo,
    Redo,
    TimeboxUp,
    TimeboxDown,
    SetTimebox,
    /// Open a sealed round: each person answers on their own, then all are revealed.
    OpenRound,
    /// The answers of the last revealed round, on the wall again.
    RoundResult,
    /// A read-only view whose writer has gone takes the session over.
    TakeOver,
    /// Save and go back to the session list.
    SaveAndClose,
    /// Go back to the session list from a view that cannot change the session.
    Close,
}

const PAGE_DOWN: &[Chord] = &[Chord::key(KeyCode::PageDown)];
const Q: &[Chord] = &[Chord::char('q')];

/// Every session-wide key, in the order the help lists them. The footer offers those
/// with footer words, after the keys of the stage on show.
pub const SESSION_BINDINGS: &[Binding<SessionAction>] = &[
    Binding::looks(
        PAGE_DOWN,
        "PageDown",
        "next stage (locked stages are skipped)",
        SessionAction::NextStage,
    )
    .footer_as("PgDn", "next stage"),
    // No footer words: the vision screen offers the gate as "g vision gate".
    Binding::changes(
        PAGE_DOWN,
        "PageDown",
        "at an undecided vision gate: open the gate's decision (as g does)",
        SessionAction::DecideGate,
    ),
    Binding::looks(
        &[Chord::key(KeyCode::PageUp)],
        "PageUp",
        "previous stage (nothing is lost)",
        SessionAction::PrevStage,
    ),
    Binding::changes(
        &[Chord::char('u')],
        "u",
        "undo the last change",
        SessionAction::Undo,
    ),
    Binding::changes(
        &[Chord::char('U'), Chord::ctrl('r')],
        "U / Ctrl-r",
        "redo",
        SessionAction::Redo,
    ),
    Binding::changes(
        &[Chord::char('+')],
        "+ / -",
        "add / remove a minute of this stage's timebox",
        SessionAction::TimeboxUp,
    ),
    Binding::changes(
        &[Chord::char('-')],
        "-",
        "remove a minute of this stage's timebox",
        SessionAction::TimeboxDown,
    )
    .unlisted(),
    Binding::changes(
        &[Chord::char('t')],
        "t",
        "set this stage's timebox",
        SessionAction::SetTimebox,
    ),
    Binding::changes(
        &[Chord::char('S')],
        "S",
        "open a sealed round: everyone answers privately, then all answers are revealed at once",
        SessionAction::OpenRound,
    ),
    Binding::looks(
        &[Chord::char('V')],
        "V",
        "the answers of the last revealed sealed round (← → for earlier rounds)",
        SessionAction::RoundResult,
    ),
    Binding::looks(
        &[Chord::char('o')],
        "o",
        "take over a read-only session once the sameside that had it open has closed it",
        SessionAction::TakeOver,
    )
    .footer("take over"),
    Binding::changes(
        Q,
        "q",
        "save and go back to the session list",
        SessionAction::SaveAndClose,
    )
    .footer("save & close"),
    Binding::looks(
        Q,
        "q",
        "back to the session list (read-only: nothing to save)",
        SessionAction::Close,
    )
    .footer("close"),
];

impl SessionView {
    /// Whether a session-wide key means something now.
    fn applies(&self, action: SessionAction) -> bool {
        let live = self.read_only.is_none();
        let session = self.history.session();
        // While a round is open the wall is the round's: the stages, and undoing what
        // they hold, wait until it is revealed or cancelled.
        let round_open = session.open_round().is_some();
        match action {
            SessionAction::OpenRound => live && !round_open,
            SessionAction::RoundResult => {
                !round_open
                    && session
                        .rounds
                        .iter()
                        .any(|r| r.state == crate::domain::rounds::RoundState::Revealed)
            }
            SessionAction::DecideGate
            | SessionAction::NextStage
            | SessionAction::PrevStage
            | SessionAction::Undo
            | SessionAction::Redo
                if round_open =>
            {
                false
            }
            // The gate's dialog only while the gate is undecided: once it is decided,
            // PageDown simply goes on, so a presentation clicker is never stuck.
            SessionAction::DecideGate => self.at_undecided_gate(),
            SessionAction::NextStage => {
                !self.at_undecided_gate() && self.next_stage(true).is_some()
            }
            SessionAction::PrevStage => self.next_stage(false).is_some(),
            SessionAction::TakeOver => self.may_take_over(),
            SessionAction::SaveAndClose => live,
            SessionAction::Close => !live,
            SessionAction::Undo
            | SessionAction::Redo
            | SessionAction::TimeboxUp
            | SessionAction::TimeboxDown
            | SessionAction::SetTimebox => live,
        }
    }

    /// True on the vision stage of a live session whose gate is not decided yet: there
    /// PageDown opens the gate's decision rather than moving on.
    fn at_undecided_gate(&self) -> bool {
        self.read_only.is_none()
            && self.stage() == Stage::Vision
            && self.history.session().gate.is_none()
    }

    /// The stage PageDown (`forward`) or PageUp leads to: the next one that is not
    /// locked (after a pass, the summary follows the vision directly).
    fn next_stage(&self, forward: bool) -> Option<Stage> {
        let session = self.history.session();
        let step = |stage: Stage| if forward { stage.next() } else { stage.prev() };
        let mut candidate = step(self.stage());
        while let Some(stage) = candidate {
            if stage_lock(session, stage).is_none() {
                return Some(stage);
            }
            candidate = step(stage);
        }
        None
    }

    fn perform(&mut self, action: SessionAction) -> Option<Intent> {
        match action {
            SessionAction::DecideGate => Some(vision::gate_intent(self.history.session())),
            SessionAction::NextStage | SessionAction::PrevStage => {
                let target = self.next_stage(action == SessionAction::NextStage)?;
                if self.read_only.is_some() {
                    self.view_stage = target;
                    self.wall.stage_changed();
                    return None;
                }
                Some(Intent::GoTo(target))
            }
            SessionAction::Undo => Some(Intent::Record(vec![Change::Undo])),
            SessionAction::Redo => Some(Intent::Record(vec![Change::Redo])),
            SessionAction::TimeboxUp => Some(self.timebox_change(1)),
            SessionAction::TimeboxDown => Some(self.timebox_change(-1)),
            SessionAction::SetTimebox => {
                let stage = self.stage();
                let minutes = self.history.session().clock.timebox_minutes(stage);
                Some(Intent::Edit {
                    title: format!("Timebox for {stage}, in minutes"),
                    initial: minutes.to_string(),
                    mode: EditorMode::SingleLine,
                    purpose: Purpose::Timebox(stage),
                })
            }
            SessionAction::TakeOver => self.path.clone().map(Intent::TakeOver),
            SessionAction::OpenRound => Some(crate::tui::stages::round::open_form(
                self.history.session(),
                self.stage(),
            )),
            SessionAction::RoundResult => Some(Intent::ShowRoundResult),
            SessionAction::SaveAndClose | SessionAction::Close => Some(Intent::Home),
        }
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

    /// True while focus mode is on.
    pub fn is_focused(&self) -> bool {
        self.wall.is_focused()
    }

    /// Opens the partners panel over the stage: a new session starts there.
    pub fn show_partners(&mut self) {
        self.wall.set_partners(true);
    }

    /// A key, given to the wall's own keys (focus, partners), then to the keys every
    /// stage shares, then to the screen on show.
    pub fn handle_key(&mut self, key: KeyEvent, theme: &Theme) -> Option<Intent> {
        let read_only = self.read_only.is_some();
        let stage = self.stage();
        let board = self.board();
        let ctx = StageCtx::new(self.history.session(), &board, theme, read_only, None);
        if let WallKey::Used(intent) = self.wall.own_key(stage, &key, &ctx) {
            return intent;
        }
        // Over the partners panel the stage keys rest: PageDown there first closes the
        // panel, so the room sees the stage it is on before moving past it.
        if self.wall.shows_partners()
            && matches!(key.code, KeyCode::PageDown | KeyCode::PageUp)
            && !is_chord(&key)
        {
            self.wall.set_partners(false);
            return None;
        }
        let own = bindings::dispatch(SESSION_BINDINGS, &key, read_only, |a| self.applies(a));
        if let Some(action) = own {
            return self.perform(action);
        }
        let moving = matches!(key.code, KeyCode::PageDown | KeyCode::PageUp) && !is_chord(&key);
        if moving && self.history.session().open_round().is_some() {
            return Some(Intent::Status(
                "A sealed round is open: reveal it (R) or cancel it (X) first.".to_string(),
            ));
        }
        match key.code {
            KeyCode::PageDown if !is_chord(&key) => {
                return Some(Intent::Status("This is the last stage.".to_string()));
            }
            KeyCode::PageUp if !is_chord(&key) => {
                return Some(Intent::Status("This is the first stage.".to_string()));
            }
            _ => {}
        }
        let session = self.history.session();
        let ctx = StageCtx::new(session, &board, theme, read_only, None);
        self.wall.screen_key(stage, key, &ctx)
    }

    /// The title and keys of the screen on show, for the help overlay.
    pub fn screen_keys(&self) -> (&'static str, Vec<KeyHelp>) {
        let board = self.board();
        let theme = Theme::dark();
        let ctx = StageCtx::new(
            self.history.session(),
            &board,
            &theme,
            self.read_only.is_some(),
            None,
        );
        self.wall.help(self.stage(), &ctx)
    }

    /// The keys every stage shares, for the help overlay and the README: the session's
    /// own, then the wall's.
    pub fn every_stage_keys(read_only: bool) -> Vec<KeyHelp> {
        let mut keys = bindings::help_where(SESSION_BINDINGS, read_only, |a| {
            // A view lists the one way it closes.
            match a {
                SessionAction::SaveAndClose => !read_only,
                SessionAction::Close => read_only,
                _ => true,
            }
        });
        keys.extend(Wall::own_help(read_only));
        keys
    }

    /// Every key the footer offers now, each with the key event that presses it: for
    /// the check that each one does something.
    pub fn offered_keys(&self, theme: &Theme) -> Vec<(&'static str, KeyEvent)> {
        let board = self.board();
        let read_only = self.read_only.is_some();
        let ctx = StageCtx::new(self.history.session(), &board, theme, read_only, None);
        let shown = self.footer_keys(&ctx);
        let mut keys = self.wall.offered_keys(self.stage(), &ctx);
        keys.extend(bindings::offered(
            SESSION_BINDINGS,
            read_only,
            |a| self.applies(a),
            &shown,
        ));
        keys
    }

    /// The footer: the keys of the screen on show, then the session's own that apply.
    pub(super) fn footer_keys(&self, ctx: &StageCtx) -> Vec<(&'static str, &'static str)> {
        let mut keys = self.wall.footer_keys(self.stage(), ctx);
        if self.wall.is_focused() {
            return keys;
        }
        // Over the partners panel PageDown and PageUp only close it.
        let moves = !self.wall.shows_partners();
        let stage_keys: Vec<&str> = keys.iter().map(|(k, _)| *k).collect();
        let own = bindings::footer(SESSION_BINDINGS, self.read_only.is_some(), |a| {
            let moving = matches!(
                a,
                SessionAction::DecideGate | SessionAction::NextStage | SessionAction::PrevStage
            );
            (moves || !moving) && self.applies(a)
        });
        // A key the stage already offers keeps the stage's words.
        keys.extend(own.into_iter().filter(|(k, _)| !stage_keys.contains(k)));
        keys
    }
}

/// The change a typed timebox asks for: a whole number of minutes for `stage`.
pub fn timebox_minutes(stage: Stage, values: &Values) -> Result<Vec<Change>, String> {
    let text = values.text(FieldId::Text);
    let minutes: u32 = text
        .parse()
        .map_err(|_| format!("'{text}' is not a number of minutes"))?;
    Ok(vec![Change::TimeboxSet { stage, minutes }])
}
