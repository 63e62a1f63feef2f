//! A sealed round on the wall. While a round is open the wall shows its question, who
//! has answered and for how long it has run, and never an answer. Once revealed, the
//! answers are shown together, labelled as the round said they would be, until the
//! moderator goes back to the stage.
//!
//! This screen takes the wall's place whenever a round is open, in the live session,
//! the replay and the audience view alike: the stage behind it waits.

mod draw;
mod forms;
#[cfg(test)]
mod tests;

pub use forms::{answer_form, open_form, read_answer, seats_of, submit_open, usual_prompt};

use std::cell::Cell;

use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;

use crate::domain::ItemId;
use crate::domain::Session;
use crate::domain::rounds::{Round, RoundState};
use crate::domain::timeline::Changed;
use crate::tui::bindings::{Binding, Chord};
use crate::tui::intent::{Confirm, ConfirmOption, Intent};

use super::screen::StageScreen;
use super::{FocusCard, StageCtx};

/// What the round screen shows and which revealed round it holds on the wall.
#[derive(Debug, Default, Clone)]
pub struct RoundScreen {
    /// The revealed round whose answers the moderator has on the wall; `None` once they
    /// went back to the stage.
    result: Option<ItemId>,
    /// How far down the revealed answers are scrolled.
    scroll: usize,
    /// How far they could scroll when last drawn: the keys stop there.
    furthest: Cell<usize>,
}

/// What a key on the round screen stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Answer,
    Reveal,
    Cancel,
    /// From the revealed answers back to the stage.
    Back,
    /// The answers of the round revealed before or after this one.
    Earlier,
    Later,
    Up,
    Down,
}

/// Every key of the round screen, in the order the help lists them.
const BINDINGS: &[Binding<Action>] = &[
    Binding::changes(
        &[Chord::char('a')],
        "a",
        "answer: blanks the wall for one person to type and seal an answer",
        Action::Answer,
    )
    .footer("answer"),
    Binding::changes(
        &[Chord::char('R')],
        "R",
        "reveal every sealed answer at once (asks first, naming who has not answered)",
        Action::Reveal,
    )
    .footer("reveal"),
    Binding::changes(
        &[Chord::char('X')],
        "X",
        "cancel the round: its answers are thrown away unread (asks first)",
        Action::Cancel,
    )
    .footer("cancel round"),
    Binding::looks(
        &[Chord::key(KeyCode::Up), Chord::char('k')],
        "↑ ↓ / j k",
        "scroll the revealed answers",
        Action::Up,
    ),
    Binding::looks(
        &[Chord::key(KeyCode::Down), Chord::char('j')],
        "↑ ↓ / j k",
        "",
        Action::Down,
    )
    .unlisted(),
    Binding::looks(
        &[Chord::key(KeyCode::Left)],
        "← →",
        "the answers of the round revealed before / after",
        Action::Earlier,
    )
    .footer_as("←→", "other rounds"),
    Binding::looks(&[Chord::key(KeyCode::Right)], "← →", "", Action::Later).unlisted(),
    Binding::looks(
        &[Chord::key(KeyCode::Esc), Chord::key(KeyCode::Enter)],
        "Esc / Enter",
        "from the revealed answers back to the stage",
        Action::Back,
    )
    .footer_as("Esc", "back to the stage"),
];

impl RoundScreen {
    /// The revealed round on show: the one the moderator holds up; in a view that only
    /// follows the record (a replay, the audience view), the one whose reveal is the
    /// latest change, so the room reads the answers until the moderator moves on.
    fn shown_result<'s>(&self, ctx: &StageCtx<'s>) -> Option<&'s Round> {
        let session = ctx.session;
        let revealed = |id: ItemId| {
            session
                .round(id)
                .filter(|r| r.state == RoundState::Revealed)
        };
        if let Some(id) = self.result {
            return revealed(id);
        }
        if let Some(Changed::Round(id)) = ctx.highlight
            && let Some(round) = revealed(*id)
        {
            return Some(round);
        }
        // The record's latest time is the reveal's own: nothing has happened since.
        session
            .rounds
            .iter()
            .rev()
            .find(|r| r.state == RoundState::Revealed)
            .filter(|r| ctx.read_only && r.closed_at == Some(session.updated))
    }

    /// The round this screen is about: the open one, else the revealed one on show.
    pub fn round<'s>(&self, ctx: &StageCtx<'s>) -> Option<&'s Round> {
        ctx.session.open_round().or_else(|| self.shown_result(ctx))
    }

    /// Whether the round takes the wall's place now.
    pub fn is_up(&self, ctx: &StageCtx) -> bool {
        self.round(ctx).is_some()
    }

    /// Holds the answers of the last revealed round on the wall (`V` on any stage).
    /// False when no round has been revealed.
    pub fn show_last_result(&mut self, session: &Session) -> bool {
        let last = session
            .rounds
            .iter()
            .rev()
            .find(|r| r.state == RoundState::Revealed);
        self.result = last.map(Round::id);
        self.scroll = 0;
        self.result.is_some()
    }

    /// The revealed round before (`forward` false) or after the one on show.
    fn step(&self, session: &Session, forward: bool) -> Option<ItemId> {
        let revealed: Vec<ItemId> = session
            .rounds
            .iter()
            .filter(|r| r.state == RoundState::Revealed)
            .map(Round::id)
            .collect();
        let at = revealed.iter().position(|id| Some(*id) == self.result)?;
        let next = if forward {
            at.checked_add(1)?
        } else {
            at.checked_sub(1)?
        };
        revealed.get(next).copied()
    }
}

/// Most people named in the question before a reveal: the rest are counted, so the
/// dialog's keys stay on an 80×24 screen however many are missing.
const NAMED_MISSING: usize = 8;

/// The question before a reveal: how many answers, and who has not given one.
fn reveal_confirm(session: &Session, round: &Round) -> Intent {
    let people = round.spec.seats.len();
    let missing = round.missing();
    let answered = people - missing.len();
    let mut lines = vec![match round.seals.len() {
        1 => format!("1 answer sealed from {answered} of {people} people goes on the wall."),
        n => format!(
            "{n} answers sealed from {answered} of {people} people go on the wall together."
        ),
    }];
    let mut named: Vec<String> = missing
        .iter()
        .take(NAMED_MISSING)
        .map(|seat| format!("{} ({})", seat.person, session.partner_name(seat.partner)))
        .collect();
    match missing.len().saturating_sub(NAMED_MISSING) {
        0 => {}
        1 => named.push("1 other".to_string()),
        n => named.push(format!("{n} others")),
    }
    if missing.is_empty() {
        lines.push("Everyone has answered.".to_string());
    } else {
        lines.push(format!("Not answered yet: {}.", named.join(", ")));
        lines.push("After the reveal nobody can add to this round.".to_string());
    }
    Intent::Confirm(Confirm {
        title: "Reveal the sealed answers?".to_string(),
        lines,
        options: vec![ConfirmOption {
            key: 'y',
            label: "reveal now".to_string(),
            then: Intent::RevealRound(round.id()),
        }],
    })
}

fn cancel_confirm(round: &Round) -> Intent {
    let sealed = match round.seals.len() {
        0 => "No answer has been sealed.".to_string(),
        1 => "The 1 sealed answer is thrown away unread.".to_string(),
        n => format!("The {n} sealed answers are thrown away unread."),
    };
    Intent::Confirm(Confirm {
        title: "Cancel the sealed round?".to_string(),
        lines: vec![
            sealed,
            "The record keeps only that the round was cancelled.".to_string(),
        ],
        options: vec![ConfirmOption {
            key: 'y',
            label: "cancel the round".to_string(),
            then: Intent::CancelRound(round.id()),
        }],
    })
}

impl StageScreen for RoundScreen {
    type Action = Action;
    const TITLE: &'static str = "Sealed round";
    const BINDINGS: &'static [Binding<Action>] = BINDINGS;

    fn applies(&self, action: Action, ctx: &StageCtx) -> bool {
        let session = ctx.session;
        let open = session.open_round().is_some();
        match action {
            Action::Answer | Action::Reveal | Action::Cancel => open,
            Action::Back => !open && self.result.is_some(),
            Action::Earlier => !open && self.step(session, false).is_some(),
            Action::Later => !open && self.step(session, true).is_some(),
            Action::Up | Action::Down => !open && self.result.is_some(),
        }
    }

    fn perform(&mut self, action: Action, ctx: &StageCtx) -> Option<Intent> {
        let session = ctx.session;
        match action {
            Action::Answer => Some(answer_form(session, session.open_round()?)),
            Action::Reveal => Some(reveal_confirm(session, session.open_round()?)),
            Action::Cancel => Some(cancel_confirm(session.open_round()?)),
            Action::Back => {
                self.result = None;
                None
            }
            Action::Earlier | Action::Later => {
                self.result = self.step(session, action == Action::Later).or(self.result);
                self.scroll = 0;
                None
            }
            Action::Up => {
                self.scroll = self.scroll.saturating_sub(1);
                None
            }
            Action::Down => {
                self.scroll = (self.scroll + 1).min(self.furthest.get());
                None
            }
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect, ctx: &StageCtx) {
        if let Some(round) = self.round(ctx) {
            self.furthest
                .set(draw::round(frame, area, round, self.scroll, ctx));
        }
    }

    /// A round has no item to single out: its answers are the room's together.
    fn focus_card(&self, _ctx: &StageCtx) -> Option<FocusCard> {
        None
    }

    /// A reveal puts its answers on the wall; a new or cancelled round clears them.
    fn follow(&mut self, changed: &Changed, ctx: &StageCtx) {
        let Changed::Round(id) = changed else {
            return;
        };
        self.scroll = 0;
        self.result = ctx
            .session
            .round(*id)
            .filter(|r| r.state == RoundState::Revealed)
            .map(Round::id);
    }
}
