//! Who is in the room: the partners side by side, what each brings, and the people
//! representing it with their function. Reached with `p` from any stage; it is not a
//! stage itself, so leaving it returns to the stage on the wall.
//!
//! Functions matter later: disclosure coverage counts which functions of each partner
//! put interests on the table, so a representative's function is asked for every time.
//!
//! Leaving it is the wall's key (`p` or `Esc`), so this table has no way back of its own.

mod cards;
mod intents;

pub use intents::submit;
mod render;
#[cfg(test)]
mod tests;

use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;

use crate::domain::timeline::Changed;
use crate::domain::{Partner, Representative, Session};
use crate::tui::bindings::{Binding, Chord};
use crate::tui::intent::Intent;

use super::screen::StageScreen;
use super::{FocusCard, StageCtx};

/// Cursor state of the partners screen. Row 0 is the partner's name, row 1 what it
/// brings, rows 2.. its representatives in order.
#[derive(Debug, Default, Clone)]
pub struct PartnersScreen {
    partner: usize,
    row: usize,
}

/// What the cursor is on, resolved against the session as it is now.
enum Target<'s> {
    Name(&'s Partner),
    Brings(&'s Partner),
    Representative(&'s Partner, &'s Representative),
}

/// What a key on the partners panel stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartnersAction {
    Left,
    Right,
    Up,
    Down,
    Rename,
    EditBrings,
    EditRepresentative,
    RemoveRepresentative,
    /// `d` off a representative: says what `d` and `D` remove.
    RemoveHint,
    AddRepresentative,
    AddPartner,
    RemovePartner,
}

use PartnersAction as P;

const ENTER: &[Chord] = &[Chord::key(KeyCode::Enter)];
const D: &[Chord] = &[Chord::char('d')];

/// Every key of the partners panel, in the order help lists them; the footer offers the
/// ones that apply to the row under the cursor, in the same order.
const BINDINGS: &[Binding<PartnersAction>] = &[
    Binding::looks(
        &[Chord::key(KeyCode::Left), Chord::char('h')],
        "← →  h l",
        "move between partners",
        P::Left,
    ),
    Binding::looks(
        &[Chord::key(KeyCode::Right), Chord::char('l')],
        "→",
        "next partner",
        P::Right,
    )
    .unlisted(),
    Binding::looks(
        &[Chord::key(KeyCode::Up), Chord::char('k')],
        "↑ ↓  j k",
        "move between name, what it brings and representatives",
        P::Up,
    ),
    Binding::looks(
        &[Chord::key(KeyCode::Down), Chord::char('j')],
        "↓",
        "next row",
        P::Down,
    )
    .unlisted(),
    Binding::changes(
        ENTER,
        "Enter",
        "edit the name, what it brings, or a representative",
        P::Rename,
    )
    .footer("rename"),
    Binding::changes(ENTER, "Enter", "edit what it brings", P::EditBrings)
        .unlisted()
        .footer("edit what it brings"),
    Binding::changes(
        ENTER,
        "Enter",
        "edit the representative",
        P::EditRepresentative,
    )
    .unlisted()
    .footer("edit"),
    Binding::changes(
        D,
        "d",
        "remove the representative under the cursor",
        P::RemoveRepresentative,
    )
    .footer("remove"),
    Binding::changes(D, "d", "what d removes", P::RemoveHint).unlisted(),
    Binding::changes(
        &[Chord::char('a')],
        "a",
        "add a representative to this partner",
        P::AddRepresentative,
    )
    .footer("add representative"),
    Binding::changes(&[Chord::char('A')], "A", "add a partner", P::AddPartner)
        .footer("add partner"),
    Binding::changes(
        &[Chord::char('D')],
        "D",
        "remove this partner (only while nothing is recorded for it)",
        P::RemovePartner,
    )
    .footer("remove partner"),
];

impl PartnersScreen {
    /// Pulls the cursor back inside the session, which may have lost partners or
    /// representatives since the last key.
    fn clamp(&mut self, session: &Session) {
        self.partner = self.partner.min(session.partners.len().saturating_sub(1));
        let rows = session
            .partners
            .get(self.partner)
            .map_or(1, |p| 2 + p.representatives.len());
        self.row = self.row.min(rows - 1);
    }

    /// The cursor as it stands against the session now.
    fn clamped(&self, session: &Session) -> PartnersScreen {
        let mut cursor = self.clone();
        cursor.clamp(session);
        cursor
    }

    fn target<'s>(&self, session: &'s Session) -> Option<Target<'s>> {
        let partner = session.partners.get(self.partner)?;
        Some(match self.row {
            0 => Target::Name(partner),
            1 => Target::Brings(partner),
            n => Target::Representative(partner, partner.representatives.get(n - 2)?),
        })
    }
}

impl StageScreen for PartnersScreen {
    type Action = PartnersAction;
    const TITLE: &'static str = "Partners and representatives";
    const BINDINGS: &'static [Binding<PartnersAction>] = BINDINGS;

    fn applies(&self, action: PartnersAction, ctx: &StageCtx) -> bool {
        let target = self.clamped(ctx.session).target(ctx.session);
        match action {
            P::Left | P::Right | P::Up | P::Down => true,
            P::Rename => matches!(target, Some(Target::Name(_))),
            P::EditBrings => matches!(target, Some(Target::Brings(_))),
            P::EditRepresentative | P::RemoveRepresentative => {
                matches!(target, Some(Target::Representative(..)))
            }
            P::RemoveHint => matches!(target, Some(Target::Name(_) | Target::Brings(_))),
            P::AddRepresentative | P::RemovePartner => target.is_some(),
            P::AddPartner => true,
        }
    }

    fn perform(&mut self, action: PartnersAction, ctx: &StageCtx) -> Option<Intent> {
        let session = ctx.session;
        self.clamp(session);
        match action {
            P::Left => self.partner = self.partner.saturating_sub(1),
            P::Right => self.partner += 1,
            P::Up => self.row = self.row.saturating_sub(1),
            P::Down => self.row += 1,
            P::AddPartner => return Some(intents::add_partner(session)),
            _ => {
                return match (action, self.target(session)?) {
                    (P::Rename, Target::Name(partner)) => Some(intents::rename(partner)),
                    (P::EditBrings, Target::Brings(partner)) => {
                        Some(intents::edit_brings(partner))
                    }
                    (P::EditRepresentative, Target::Representative(partner, rep)) => {
                        Some(intents::edit_representative(partner, rep))
                    }
                    (P::RemoveRepresentative, Target::Representative(partner, rep)) => {
                        Some(intents::remove_representative(partner, rep))
                    }
                    (P::RemoveHint, _) => Some(Intent::Status(
                        "d removes a representative: move down to one first (D removes the partner)"
                            .to_string(),
                    )),
                    (P::AddRepresentative, target) => {
                        Some(intents::add_representative(partner_of(&target)))
                    }
                    (P::RemovePartner, target) => {
                        Some(intents::remove_partner(partner_of(&target)))
                    }
                    _ => None,
                };
            }
        }
        self.clamp(session);
        None
    }

    /// Draws the hint line on top and one column per partner below it.
    fn render(&self, frame: &mut Frame, area: Rect, ctx: &StageCtx) {
        self.draw(frame, area, ctx);
    }

    /// The item under the cursor for focus mode: the partner (on its name or what it
    /// brings) with everyone representing it, or the representative under the cursor.
    /// `None` only when the session has no partners.
    fn focus_card(&self, ctx: &StageCtx) -> Option<FocusCard> {
        let session = ctx.session;
        let cursor = self.clamped(session);
        let index = cursor.partner;
        let (theme, read_only) = (ctx.theme, ctx.read_only);
        Some(match cursor.target(session)? {
            Target::Name(partner) => {
                cards::partner_card((partner, index), false, read_only, session, theme)
            }
            Target::Brings(partner) => {
                cards::partner_card((partner, index), true, read_only, session, theme)
            }
            Target::Representative(partner, rep) => {
                cards::representative_card(partner, index, rep, theme)
            }
        })
    }

    /// A partner that was just added, renamed or given what it brings gets the cursor
    /// (staying on the row it was on when it already had it); a representative just
    /// added or corrected gets it on their own row.
    fn follow(&mut self, changed: &Changed, ctx: &StageCtx) {
        let session = ctx.session;
        match changed {
            Changed::Partner(id) => {
                let Some(index) = session.partner_index(*id) else {
                    return;
                };
                if index != self.partner {
                    self.partner = index;
                    self.row = 0;
                }
            }
            Changed::Representative { partner, id } => {
                let Some(index) = session.partner_index(*partner) else {
                    return;
                };
                let row = session.partners[index]
                    .representatives
                    .iter()
                    .position(|r| r.id == *id);
                if let Some(row) = row {
                    self.partner = index;
                    self.row = row + 2;
                }
            }
            _ => {}
        }
    }
}

/// The partner a row belongs to.
fn partner_of<'s>(target: &Target<'s>) -> &'s Partner {
    match target {
        Target::Name(partner) | Target::Brings(partner) | Target::Representative(partner, _) => {
            partner
        }
    }
}
