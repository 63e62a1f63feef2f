//! Stage 1, market vision. The room writes one statement of the opportunity it wants to
//! pursue together; each partner says how it sees that opportunity, why it could not do
//! it as well alone, how closely the statement matches its view, and finally whether it
//! agrees to the statement as written. The vision gate at the end of the stage is a real
//! decision: go on to the role split, or take a pass — both are sound outcomes.
//!
//! This file holds the cursor and the key table; drawing, the focus cards, the editors
//! and the gate live beside it.

mod cards;
mod columns;
mod draw;
mod edits;
mod gate;
#[cfg(test)]
mod tests;

use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;

use crate::domain::timeline::Changed;
use crate::domain::{Change, Partner, Session};
use crate::tui::bindings::{Binding, Chord};
use crate::tui::intent::Intent;

use super::screen::StageScreen;
use super::{FocusCard, StageCtx};

use cards::{partner_card, statement_card};
pub use edits::submit;
use edits::{
    edit_alignment, edit_statement, edit_view, edit_why_not_alone, next_stance, toggle_agreement,
};
pub use gate::gate_intent;

/// One partner's answers, top to bottom in its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    View,
    WhyNotAlone,
    Alignment,
    Stance,
    Agreement,
}

const FIELDS: [Field; 5] = [
    Field::View,
    Field::WhyNotAlone,
    Field::Alignment,
    Field::Stance,
    Field::Agreement,
];

/// Columns narrower than this would cut the answers into unreadable slivers; the window
/// slides instead. 26 cells fit three partners side by side at 80 columns.
const MIN_COLUMN_WIDTH: u16 = 26;

/// Width of the label in front of a one-line answer ("Alignment  ●●●○○ 3/5").
const LABEL_WIDTH: usize = 11;

/// Shown when the room has not written its statement yet.
const NO_STATEMENT: &str = "No shared statement yet — press Enter to write it together";

/// The same, where the session cannot be changed: no key would write it.
const NO_STATEMENT_READ_ONLY: &str = "No shared statement yet";

/// What stands in the statement box before the statement is written.
fn no_statement(read_only: bool) -> &'static str {
    if read_only {
        NO_STATEMENT_READ_ONLY
    } else {
        NO_STATEMENT
    }
}

/// Cursor state of the market-vision stage. Row 0 is the shared statement; rows 1.. are
/// a partner's answers in `FIELDS` order.
#[derive(Debug, Default, Clone)]
pub struct VisionScreen {
    row: usize,
    /// Position in `session.partners`; clamped whenever it is read, since partners can
    /// be removed while the cursor points at them.
    partner: usize,
}

/// What a key on the vision screen stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Left,
    Right,
    /// Between the statement and the partners.
    Jump,
    /// Edit the statement or the answer under the cursor; on the stance and the
    /// agreement, the same as Space.
    Enter,
    /// Set the alignment score; 0 clears it.
    Score(u8),
    /// Next stance, or agrees / not yet.
    Space,
    /// Agrees / not yet, for the partner under the cursor.
    Agree,
    /// The vision gate's dialog: decide it, or reopen it once decided.
    Gate,
    /// A key of another binding, named in the footer in the words that fit where the
    /// cursor is ("Enter the statement", "Enter edit", "Enter type a score").
    Say(Hint),
}

/// The footer's words for a key that means different things on different rows. Each
/// does exactly what the key's own binding does; it only says it for this row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    Statement,
    Edit,
    TypeScore,
    NextStance,
    Agreement,
    IntoAnswers,
    Sideways,
    Agrees,
}

impl Hint {
    /// The binding whose key this hint names.
    fn action(self) -> Action {
        match self {
            Hint::Statement | Hint::Edit | Hint::TypeScore => Action::Enter,
            Hint::NextStance | Hint::Agreement => Action::Space,
            Hint::IntoAnswers => Action::Down,
            Hint::Sideways => Action::Right,
            Hint::Agrees => Action::Agree,
        }
    }
}

const UP: &[Chord] = &[Chord::key(KeyCode::Up), Chord::char('k')];
const DOWN: &[Chord] = &[Chord::key(KeyCode::Down), Chord::char('j')];
const LEFT: &[Chord] = &[Chord::key(KeyCode::Left), Chord::char('h')];
const RIGHT: &[Chord] = &[Chord::key(KeyCode::Right), Chord::char('l')];
const ENTER: &[Chord] = &[Chord::key(KeyCode::Enter)];
const SPACE: &[Chord] = &[Chord::char(' ')];
const Y: &[Chord] = &[Chord::char('y')];

/// Every key of the vision screen, in the order the help lists them. The listed
/// bindings come first and are the ones a key reaches; the `Say` lines after them only
/// name the same keys in the footer, in the words and the order that fit each row.
const BINDINGS: &[Binding<Action>] = &[
    Binding::looks(
        UP,
        "↑ ↓  j k",
        "move between the statement and a partner's answers",
        Action::Up,
    ),
    Binding::looks(DOWN, "↑ ↓  j k", "", Action::Down).unlisted(),
    Binding::looks(LEFT, "← →  h l", "move between partners", Action::Left),
    Binding::looks(RIGHT, "← →  h l", "", Action::Right).unlisted(),
    Binding::looks(
        &[Chord::key(KeyCode::Tab), Chord::key(KeyCode::BackTab)],
        "Tab  Shift-Tab",
        "jump between the statement and the partners",
        Action::Jump,
    ),
    Binding::changes(
        ENTER,
        "Enter",
        "edit the statement or the answer under the cursor",
        Action::Enter,
    ),
    Binding::changes(
        &[Chord::char('1')],
        "1 – 5",
        "set the alignment score (cursor on the score)",
        Action::Score(1),
    )
    .footer_as("1–5", "score"),
    Binding::changes(&[Chord::char('2')], "2", "", Action::Score(2)).unlisted(),
    Binding::changes(&[Chord::char('3')], "3", "", Action::Score(3)).unlisted(),
    Binding::changes(&[Chord::char('4')], "4", "", Action::Score(4)).unlisted(),
    Binding::changes(&[Chord::char('5')], "5", "", Action::Score(5)).unlisted(),
    Binding::changes(
        &[Chord::char('0')],
        "0",
        "clear the alignment score (cursor on the score)",
        Action::Score(0),
    )
    .footer("clear"),
    Binding::changes(
        SPACE,
        "Space",
        "next stance, or agrees / not yet",
        Action::Space,
    ),
    Binding::changes(
        Y,
        "y",
        "agrees / not yet, for the partner under the cursor",
        Action::Agree,
    ),
    // The footer's words for the keys above, row by row.
    Binding::changes(ENTER, "Enter", "", Action::Say(Hint::Statement))
        .unlisted()
        .footer("the statement"),
    Binding::changes(ENTER, "Enter", "", Action::Say(Hint::Edit))
        .unlisted()
        .footer("edit"),
    Binding::changes(ENTER, "Enter", "", Action::Say(Hint::TypeScore))
        .unlisted()
        .footer("type a score"),
    Binding::changes(SPACE, "Space", "", Action::Say(Hint::NextStance))
        .unlisted()
        .footer("next stance"),
    Binding::changes(SPACE, "Space", "", Action::Say(Hint::Agreement))
        .unlisted()
        .footer("agrees / not yet"),
    Binding::looks(DOWN, "↓", "", Action::Say(Hint::IntoAnswers))
        .unlisted()
        .footer("partners' answers"),
    Binding::looks(
        &[Chord::key(KeyCode::Right), Chord::key(KeyCode::Left)],
        "←→",
        "",
        Action::Say(Hint::Sideways),
    )
    .unlisted()
    .footer("partner"),
    Binding::changes(Y, "y", "", Action::Say(Hint::Agrees))
        .unlisted()
        .footer("agrees?"),
    Binding::changes(
        &[Chord::char('g')],
        "g",
        "the vision gate: decide it, or reopen it once decided",
        Action::Gate,
    )
    .footer("vision gate"),
];

impl VisionScreen {
    fn field(&self) -> Option<Field> {
        self.row.checked_sub(1).and_then(|i| FIELDS.get(i).copied())
    }

    fn partner_index(&self, session: &Session) -> usize {
        self.partner.min(session.partners.len().saturating_sub(1))
    }

    /// The partner under the cursor, when the cursor is in the partners' columns.
    fn focused_partner<'s>(&self, session: &'s Session) -> Option<&'s Partner> {
        self.field()?;
        session.partners.get(self.partner_index(session))
    }

    /// True when the cursor is on `field` of a partner that exists.
    fn on(&self, session: &Session, fields: &[Field]) -> bool {
        self.field().is_some_and(|f| fields.contains(&f)) && self.focused_partner(session).is_some()
    }

    /// Enter (`edit` true) or Space on the item under the cursor. Space only acts where
    /// it is natural: cycling the stance and toggling agreement.
    fn activate(&self, session: &Session, edit: bool) -> Option<Intent> {
        let Some(field) = self.field() else {
            return edit.then(|| edit_statement(session));
        };
        let partner = self.focused_partner(session)?;
        match field {
            Field::View if edit => Some(edit_view(partner)),
            Field::WhyNotAlone if edit => Some(edit_why_not_alone(partner)),
            Field::Alignment if edit => Some(edit_alignment(partner)),
            Field::Stance => Some(Intent::Record(vec![Change::StanceSet {
                partner: partner.id,
                stance: next_stance(partner.vision.stance),
            }])),
            Field::Agreement => Some(toggle_agreement(session, partner)),
            _ => None,
        }
    }
}

impl StageScreen for VisionScreen {
    type Action = Action;
    const TITLE: &'static str = "Market vision";
    const BINDINGS: &'static [Binding<Action>] = BINDINGS;

    fn applies(&self, action: Action, ctx: &StageCtx) -> bool {
        use Field::*;
        let session = ctx.session;
        let several = session.partners.len() > 1;
        match action {
            Action::Up | Action::Down | Action::Jump | Action::Agree | Action::Gate => true,
            Action::Left | Action::Right => self.row > 0,
            Action::Enter => self.row == 0 || self.focused_partner(session).is_some(),
            Action::Score(_) => self.on(session, &[Alignment]),
            Action::Space => self.on(session, &[Stance, Agreement]),
            Action::Say(hint) => match hint {
                Hint::Statement | Hint::IntoAnswers => self.row == 0,
                Hint::Edit => self.on(session, &[View, WhyNotAlone]),
                Hint::TypeScore => self.on(session, &[Alignment]),
                Hint::NextStance => self.on(session, &[Stance]),
                Hint::Agreement => self.on(session, &[Agreement]),
                Hint::Sideways => {
                    several && self.on(session, &[View, WhyNotAlone, Stance, Agreement])
                }
                Hint::Agrees => self.on(session, &[View, WhyNotAlone, Alignment, Stance]),
            },
        }
    }

    /// Cursor moves return `None`: they change only this screen's state, and the app
    /// redraws after every key anyway.
    fn perform(&mut self, action: Action, ctx: &StageCtx) -> Option<Intent> {
        let session = ctx.session;
        self.partner = self.partner_index(session);
        match action {
            Action::Up => self.row = self.row.saturating_sub(1),
            Action::Down => self.row = (self.row + 1).min(FIELDS.len()),
            Action::Left => self.partner = self.partner.saturating_sub(1),
            Action::Right => {
                if self.partner + 1 < session.partners.len() {
                    self.partner += 1;
                }
            }
            Action::Jump => self.row = if self.row == 0 { 1 } else { 0 },
            Action::Enter => return self.activate(session, true),
            Action::Space => return self.activate(session, false),
            Action::Agree => {
                return Some(match self.focused_partner(session) {
                    Some(partner) => toggle_agreement(session, partner),
                    None => Intent::Status(
                        "Move into a partner's column to record its agreement".to_string(),
                    ),
                });
            }
            Action::Score(digit) => {
                let partner = self.focused_partner(session)?;
                // '0' is the quick way to clear: a score of zero does not exist.
                let score = (digit > 0).then_some(digit);
                return Some(Intent::Record(vec![Change::AlignmentSet {
                    partner: partner.id,
                    score,
                }]));
            }
            Action::Gate => return Some(gate_intent(session)),
            Action::Say(hint) => return self.perform(hint.action(), ctx),
        }
        None
    }

    fn render(&self, frame: &mut Frame, area: Rect, ctx: &StageCtx) {
        self.draw(frame, area, ctx);
    }

    /// The item under the cursor for focus mode: the shared statement with who agrees
    /// to it, or the focused partner's answers in full. Never `None`: the statement is
    /// always there to discuss, even before it is written.
    fn focus_card(&self, ctx: &StageCtx) -> Option<FocusCard> {
        let session = ctx.session;
        Some(match self.focused_partner(session) {
            Some(partner) => {
                let index = self.partner_index(session);
                partner_card(partner, index, self.field(), session, ctx.theme)
            }
            None => statement_card(session, ctx.theme, ctx.read_only),
        })
    }

    /// A new statement puts the cursor on it; a partner's answer changed (by a key,
    /// an undo or a replayed event) puts the cursor in that partner's column.
    fn follow(&mut self, changed: &Changed, ctx: &StageCtx) {
        match changed {
            Changed::Statement => self.row = 0,
            Changed::Vision(id) => {
                if let Some(index) = ctx.session.partners.iter().position(|p| p.id == *id) {
                    self.partner = index;
                    self.row = self.row.max(1);
                }
            }
            _ => {}
        }
    }
}
