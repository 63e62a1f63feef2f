//! Stage 2, the role split. Two panes share the wall:
//!
//! - **Roles**: a RACI table, one row per role and one letter column per partner, with a
//!   check column that says in words what is wrong with a row (nobody accountable, two
//!   accountable) or, calmly, that nobody is marked responsible yet (advice, not a
//!   conflict: see `domain::advice`). The room fills it in cell by cell.
//! - **Holes**: per partner, the gaps in its *own* business and who is to fill each one.
//!   The method's central warning lives here: a partner that expects *another partner* to
//!   fill its own hole is holding the classic mistaken belief, so those holes are flagged
//!   in words, not only in colour.
//!
//! The screen keeps only its cursor. Positions are clamped against the session every time
//! they are used, because the session can change under the cursor (undo, another pane).

mod cards;
mod holes;
mod intents;

pub use intents::submit;
mod paint;
mod table;
#[cfg(test)]
pub(crate) mod tests;

use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;

use crate::domain::timeline::Changed;
use crate::domain::{Change, Hole, PartnerId, Raci, Role, Session};
use crate::tui::bindings::{Binding, Chord};
use crate::tui::intent::Intent;

use super::screen::StageScreen;
use super::{FocusCard, StageCtx};

/// Which half of the screen the keys act on.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Pane {
    #[default]
    Roles,
    Holes,
}

/// Cursor state of the role-split screen.
#[derive(Debug, Default, Clone)]
pub struct RolesScreen {
    pane: Pane,
    /// Row in the roles table.
    role: usize,
    /// Column in the roles table: 0 is the role name, `i + 1` is partner `i`'s letter.
    column: usize,
    /// Partner column of the holes pane (position in `session.partners`).
    hole_partner: usize,
    /// Row within that partner's holes.
    hole: usize,
}

/// What a key on the role split stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RolesAction {
    RenameRole,
    CycleLetter,
    /// Set the letter under the cursor; `None` clears it.
    SetLetter(Option<Raci>),
    /// A letter key on the name column: says where letters are changed.
    LetterHint,
    AddRole,
    DeleteRole,
    /// From the name column onto the first partner's letter.
    Letters,
    ToHoles,
    ToRoles,
    AddHole,
    RewordHole,
    CycleFiller,
    DeleteHole,
    Up,
    Down,
    Left,
    Right,
    First,
    Last,
}

use RolesAction as A;

const ENTER: Chord = Chord::key(KeyCode::Enter);
const SPACE: Chord = Chord::char(' ');
const RIGHT: &[Chord] = &[Chord::key(KeyCode::Right), Chord::char('l')];
const TAB: &[Chord] = &[Chord::key(KeyCode::Tab), Chord::key(KeyCode::BackTab)];
const R: Option<Raci> = Some(Raci::Responsible);

/// Every key of the role split, in the order help lists them. The footer reads the same
/// table: the roles pane's keys come first, then the holes pane's, so each pane's footer
/// keeps its own order; moving the cursor is listed last and left out of the footer.
const BINDINGS: &[Binding<RolesAction>] = &[
    Binding::changes(
        &[ENTER],
        "Enter (on a role name)",
        "rename the role",
        A::RenameRole,
    )
    .footer_as("Enter", "rename"),
    Binding::changes(
        &[ENTER, SPACE],
        "Enter / Space (on a letter)",
        "cycle the letter: R → A → C → I → blank",
        A::CycleLetter,
    )
    .footer_as("Enter", "cycle letter"),
    Binding::changes(
        &[Chord::char('r'), Chord::char('R')],
        "r  A  c  i",
        "set Responsible / Accountable / Consulted / Informed",
        A::SetLetter(R),
    )
    .footer_as("r A c i", "set letter"),
    Binding::changes(
        &[Chord::char('A')],
        "A",
        "set Accountable",
        A::SetLetter(Some(Raci::Accountable)),
    )
    .unlisted(),
    Binding::changes(
        &[Chord::char('c'), Chord::char('C')],
        "c",
        "set Consulted",
        A::SetLetter(Some(Raci::Consulted)),
    )
    .unlisted(),
    Binding::changes(
        &[Chord::char('i'), Chord::char('I')],
        "i",
        "set Informed",
        A::SetLetter(Some(Raci::Informed)),
    )
    .unlisted(),
    Binding::changes(
        &[
            Chord::char('x'),
            Chord::key(KeyCode::Backspace),
            Chord::key(KeyCode::Delete),
        ],
        "x / Backspace / Delete",
        "clear the letter",
        A::SetLetter(None),
    )
    .footer_as("x", "clear"),
    Binding::changes(
        &[
            Chord::char('r'),
            Chord::char('R'),
            Chord::char('A'),
            Chord::char('c'),
            Chord::char('C'),
            Chord::char('i'),
            Chord::char('I'),
            Chord::char('x'),
            Chord::key(KeyCode::Backspace),
            Chord::key(KeyCode::Delete),
        ],
        "r A c i x",
        "on a role name: say where letters are set",
        A::LetterHint,
    )
    .unlisted(),
    Binding::changes(
        &[Chord::char('a')],
        "a",
        "add a role, or a hole for the focused partner",
        A::AddRole,
    )
    .footer("add role"),
    Binding::changes(
        &[Chord::char('d')],
        "d",
        "delete the role or hole (asks first)",
        A::DeleteRole,
    )
    .footer("delete role"),
    Binding::looks(RIGHT, "→", "onto the letters", A::Letters)
        .unlisted()
        .footer_as("→", "letters"),
    Binding::looks(
        TAB,
        "Tab / Shift-Tab",
        "switch between the roles table and the holes",
        A::ToHoles,
    )
    .footer_as("Tab", "holes"),
    Binding::changes(&[Chord::char('a')], "a", "add a hole", A::AddHole)
        .unlisted()
        .footer("add hole"),
    Binding::changes(
        &[ENTER],
        "Enter (on a hole)",
        "reword the hole",
        A::RewordHole,
    )
    .footer_as("Enter", "reword"),
    Binding::changes(
        &[SPACE],
        "Space (on a hole)",
        "change who fills the hole",
        A::CycleFiller,
    )
    .footer_as("Space", "who fills it"),
    Binding::changes(&[Chord::char('d')], "d", "delete the hole", A::DeleteHole)
        .unlisted()
        .footer("delete hole"),
    Binding::looks(TAB, "Tab", "to the roles table", A::ToRoles)
        .unlisted()
        .footer_as("Tab", "roles"),
    Binding::looks(
        &[Chord::key(KeyCode::Up), Chord::char('k')],
        "↑ ↓ ← → or h j k l",
        "move the cursor",
        A::Up,
    ),
    Binding::looks(
        &[Chord::key(KeyCode::Down), Chord::char('j')],
        "↓",
        "down",
        A::Down,
    )
    .unlisted(),
    Binding::looks(
        &[Chord::key(KeyCode::Left), Chord::char('h')],
        "←",
        "left",
        A::Left,
    )
    .unlisted(),
    Binding::looks(RIGHT, "→", "right", A::Right).unlisted(),
    Binding::looks(
        &[Chord::key(KeyCode::Home)],
        "Home / End",
        "first / last role or hole",
        A::First,
    ),
    Binding::looks(&[Chord::key(KeyCode::End)], "End", "last", A::Last).unlisted(),
];

impl RolesScreen {
    /// A copy of the cursor with every position inside what the session holds now.
    fn clamped(&self, s: &Session) -> RolesScreen {
        let mut c = self.clone();
        c.role = c.role.min(s.roles.len().saturating_sub(1));
        c.column = c.column.min(s.partners.len());
        c.hole_partner = c.hole_partner.min(s.partners.len().saturating_sub(1));
        let holes = s
            .partners
            .get(c.hole_partner)
            .map_or(0, |p| s.holes_of(p.id).count());
        c.hole = c.hole.min(holes.saturating_sub(1));
        c
    }

    /// The role under the cursor and, when the cursor is on a letter, whose letter it is.
    fn role_cell<'s>(&self, s: &'s Session) -> (Option<&'s Role>, Option<PartnerId>) {
        let partner = self
            .column
            .checked_sub(1)
            .and_then(|i| s.partners.get(i))
            .map(|p| p.id);
        (s.roles.get(self.role), partner)
    }

    /// The hole under the cursor in the holes pane.
    fn hole_at<'s>(&self, s: &'s Session) -> Option<&'s Hole> {
        let owner = s.partners.get(self.hole_partner)?;
        s.holes_of(owner.id).nth(self.hole)
    }

    /// Moves the cursor by one action; nothing for the app to do.
    fn step(&mut self, action: RolesAction, s: &Session) {
        let roles = self.pane == Pane::Roles;
        let rows = if roles {
            s.roles.len()
        } else {
            s.partners
                .get(self.hole_partner)
                .map_or(0, |p| s.holes_of(p.id).count())
        };
        let last_row = rows.saturating_sub(1);
        let row = if roles {
            &mut self.role
        } else {
            &mut self.hole
        };
        match action {
            A::Up => *row = row.saturating_sub(1),
            A::Down => *row = (*row + 1).min(last_row),
            A::First => *row = 0,
            A::Last => *row = last_row,
            A::Left if roles => self.column = self.column.saturating_sub(1),
            A::Left => self.hole_partner = self.hole_partner.saturating_sub(1),
            A::Right | A::Letters if roles => {
                self.column = (self.column + 1).min(s.partners.len());
            }
            A::Right => {
                self.hole_partner = (self.hole_partner + 1).min(s.partners.len().saturating_sub(1));
            }
            A::ToHoles => self.pane = Pane::Holes,
            A::ToRoles => self.pane = Pane::Roles,
            _ => {}
        }
    }
}

impl StageScreen for RolesScreen {
    type Action = RolesAction;
    const TITLE: &'static str = "Role split";
    const BINDINGS: &'static [Binding<RolesAction>] = BINDINGS;

    fn applies(&self, action: RolesAction, ctx: &StageCtx) -> bool {
        let s = ctx.session;
        let cur = self.clamped(s);
        let roles = cur.pane == Pane::Roles;
        let (role, partner) = cur.role_cell(s);
        let on_name = roles && role.is_some() && cur.column == 0;
        let on_letter = roles && role.is_some() && partner.is_some();
        let to_letters = on_name && !s.partners.is_empty();
        match action {
            A::RenameRole => on_name,
            A::CycleLetter => on_letter,
            // Clearing an empty cell would change nothing, so it is not offered there.
            A::SetLetter(None) => {
                on_letter
                    && role
                        .zip(partner)
                        .is_some_and(|(r, p)| r.raci.contains_key(&p))
            }
            A::SetLetter(Some(_)) => on_letter,
            A::LetterHint => on_name,
            A::AddRole | A::ToHoles => roles,
            A::DeleteRole => roles && role.is_some(),
            // Offered on a role's name only: with no role there is no letter to go to.
            A::Letters => to_letters,
            // Off a role's name `→` is a plain move; on it, `Letters` says where it goes.
            A::Right => !to_letters,
            A::ToRoles => !roles,
            A::AddHole => !roles && s.partners.get(cur.hole_partner).is_some(),
            A::RewordHole | A::CycleFiller | A::DeleteHole => !roles && cur.hole_at(s).is_some(),
            A::Up | A::Down | A::Left | A::First | A::Last => true,
        }
    }

    fn perform(&mut self, action: RolesAction, ctx: &StageCtx) -> Option<Intent> {
        let s = ctx.session;
        *self = self.clamped(s);
        let (role, partner) = self.role_cell(s);
        match action {
            A::RenameRole => role.map(intents::rename_role),
            A::CycleLetter => {
                let (role, partner) = (role?, partner?);
                let current = role.raci.get(&partner).copied();
                Some(intents::set_letter(role.id, partner, Raci::cycle(current)))
            }
            A::SetLetter(letter) => {
                let (role, partner) = (role?, partner?);
                // Nothing is recorded when the cell already says it, so the decision log
                // does not fill with changes that changed nothing; the status line says
                // why the key left the table as it was.
                if role.raci.get(&partner).copied() == letter {
                    return letter.map(|letter| {
                        Intent::Status(format!(
                            "{} is already {} for this role",
                            s.partner_name(partner),
                            letter.label()
                        ))
                    });
                }
                Some(intents::set_letter(role.id, partner, letter))
            }
            A::LetterHint => Some(Intent::Status(
                "Move right onto a partner's column to change a letter".to_string(),
            )),
            A::AddRole => Some(intents::add_role()),
            A::DeleteRole => role.map(intents::delete_role),
            A::AddHole => {
                let owner = s.partners.get(self.hole_partner)?;
                Some(intents::add_hole(s, owner.id))
            }
            A::RewordHole => self.hole_at(s).map(|h| intents::edit_hole(s, h)),
            A::CycleFiller => {
                let hole = self.hole_at(s)?;
                let next = intents::next_filler(s, hole.owner, hole.filled_by);
                Some(Intent::Record(vec![Change::HoleFillerSet {
                    id: hole.id,
                    filled_by: next,
                }]))
            }
            A::DeleteHole => self.hole_at(s).map(|h| intents::delete_hole(s, h)),
            A::Letters
            | A::ToHoles
            | A::ToRoles
            | A::Up
            | A::Down
            | A::Left
            | A::Right
            | A::First
            | A::Last => {
                self.step(action, s);
                None
            }
        }
    }

    /// Draws both panes into `area`.
    fn render(&self, frame: &mut Frame, area: Rect, ctx: &StageCtx) {
        let cur = self.clamped(ctx.session);
        let (roles_area, holes_area) = paint::split_panes(area, ctx.session);
        let buf = frame.buffer_mut();
        cur.render_roles(buf, roles_area, ctx);
        cur.render_holes(buf, holes_area, ctx);
    }

    /// The item under the cursor for focus mode: in the roles table the role with every
    /// partner's letter spelled out and its check; in the holes pane the hole with who
    /// fills it. `None` when the pane's list is empty.
    fn focus_card(&self, ctx: &StageCtx) -> Option<FocusCard> {
        let s = ctx.session;
        let cur = self.clamped(s);
        match cur.pane {
            Pane::Roles => {
                let role = s.roles.get(cur.role)?;
                Some(cards::role_card(s, role, cur.role, cur.column, ctx.theme))
            }
            Pane::Holes => {
                let hole = cur.hole_at(s)?;
                Some(cards::hole_card(
                    s,
                    hole,
                    cur.hole_partner,
                    cur.hole,
                    ctx.theme,
                ))
            }
        }
    }

    /// A role or a letter that just changed (added, renamed, undone) gets the cursor, in
    /// the roles table; a hole gets it in the holes pane, in its owner's column. So the
    /// next key acts on what the room just saw change, not on the row the cursor was on.
    fn follow(&mut self, changed: &Changed, ctx: &StageCtx) {
        let s = ctx.session;
        match changed {
            Changed::Role(id) => {
                if let Some(row) = s.roles.iter().position(|r| r.id == *id) {
                    self.pane = Pane::Roles;
                    self.role = row;
                }
            }
            Changed::Raci { role, partner } => {
                let row = s.roles.iter().position(|r| r.id == *role);
                let column = s.partner_index(*partner);
                if let (Some(row), Some(column)) = (row, column) {
                    self.pane = Pane::Roles;
                    self.role = row;
                    self.column = column + 1;
                }
            }
            Changed::Hole(id) => {
                let Some(hole) = s.hole(*id) else { return };
                let Some(owner) = s.partner_index(hole.owner) else {
                    return;
                };
                if let Some(row) = s.holes_of(hole.owner).position(|h| h.id == *id) {
                    self.pane = Pane::Holes;
                    self.hole_partner = owner;
                    self.hole = row;
                }
            }
            _ => {}
        }
    }
}
