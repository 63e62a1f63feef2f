//! Stage 3, self-interest disclosure. Each partner puts on the table what it must
//! protect, and the room sees at a glance how hard each interest is held and whether the
//! whole organisation has spoken or only the people at the top.
//!
//! The screen shows one column per partner, its interests sorted by weight
//! (non-negotiable first), and under each column who has spoken: every function of that
//! partner is marked as heard, in the room but silent, or not in the room. On a tall
//! screen that coverage sits under the lists; on a small one a verdict line stands in for
//! it and `c` opens the full view.
//!
//! This file holds the cursor and the key table; drawing the lists, the coverage and
//! the forms live beside it.

mod coverage;
mod draw;
mod forms;

pub use forms::{category_and_weight, chosen_category_and_weight, submit};
mod list;
#[cfg(test)]
mod tests;

use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::domain::timeline::Changed;
use crate::domain::{Change, Interest, ItemId, PartnerId, Session};
use crate::tui::bindings::{Binding, Chord};
use crate::tui::intent::Intent;

use super::screen::StageScreen;
use super::text::one_line;
use super::{FocusCard, StageCtx};

use coverage::coverage_card;
use forms::{add_form, column_items, delete_confirm, edit_form};
use list::{weight_heading, weight_mark, weight_style};

/// Narrowest partner column: below this a statement wraps into a ribbon nobody can read
/// from across the room, so fewer columns are shown and the rest are one key away.
const MIN_COLUMN_WIDTH: u16 = 30;
/// Rows the interest lists keep before the coverage under them is shown in full; the
/// interests are what the stage is about, the coverage is a check on them.
const MIN_LIST_ROWS: u16 = 12;
/// Narrowest cell of the coverage grid: a mark, a space and the longest short name.
const MIN_GRID_CELL: usize = 8;
/// Widest cell of the coverage grid, so the marks stay close to each other on wide screens.
const MAX_GRID_CELL: usize = 12;
/// Width of the function name column in the full coverage view: "services/delivery"
/// and a gap.
const FUNCTION_LABEL_WIDTH: usize = 19;
/// Widest status word of the full coverage view ("in the room, silent").
const LONG_STATUS_WIDTH: usize = 19;
/// Widest short status word ("spoke · 12").
const SHORT_STATUS_WIDTH: usize = 10;
/// Width of the short function name column ("Legal" and a gap).
const SHORT_LABEL_WIDTH: usize = 7;
/// The functions named when only the executive has spoken and nobody else is recorded
/// in the room: the people who usually know what the executive did not say.
const USUAL_VOICES: &str = "sales, product, engineering";

/// The cursor of the self-interest screen. It holds no session data: the session comes in
/// with every call, and the cursor is matched against it each time.
#[derive(Debug, Default, Clone)]
pub struct InterestsScreen {
    /// Position of the focused partner in `session.partners`.
    partner: usize,
    /// Where the cursor is in each partner's column. Kept per partner so coming back to a
    /// column finds the same interest, and by id so that the cursor stays on an interest
    /// whose weight changed even though that moves it within the column.
    cursors: Vec<ColumnCursor>,
    /// Whether the full coverage view replaces the interest lists.
    coverage: bool,
}

#[derive(Debug, Clone, Copy)]
struct ColumnCursor {
    partner: PartnerId,
    index: usize,
    id: Option<ItemId>,
}

/// What a key on the self-interest screen stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Left,
    Right,
    /// Tab: the next partner, round to the first after the last.
    Next,
    /// Shift-Tab: the previous partner, round to the last before the first.
    Previous,
    Up,
    Down,
    First,
    Last,
    Add,
    Edit,
    Weight,
    Delete,
    /// The full coverage view in place of the interests.
    Coverage,
    /// Back from the coverage view to the interests.
    Interests,
    /// ← and → as the coverage view's footer names them; the keys themselves are the
    /// Left and Right bindings.
    Sideways,
}

const LEFT: &[Chord] = &[Chord::key(KeyCode::Left), Chord::char('h')];
const RIGHT: &[Chord] = &[Chord::key(KeyCode::Right), Chord::char('l')];
const C: &[Chord] = &[Chord::char('c')];

/// Every key of this screen, in the order the help lists them.
const BINDINGS: &[Binding<Action>] = &[
    Binding::looks(LEFT, "← → / h l", "move between partners", Action::Left),
    Binding::looks(RIGHT, "← → / h l", "", Action::Right).unlisted(),
    // Named in the footer only where the arrows matter most: in the coverage view, where
    // ↑↓ do nothing and the partners are all there is to move between.
    Binding::looks(
        &[Chord::key(KeyCode::Right), Chord::key(KeyCode::Left)],
        "←→",
        "",
        Action::Sideways,
    )
    .unlisted()
    .footer("partner"),
    Binding::looks(
        &[Chord::key(KeyCode::Tab)],
        "Tab / Shift-Tab",
        "next / previous partner",
        Action::Next,
    ),
    Binding::looks(
        &[Chord::key(KeyCode::BackTab)],
        "Tab / Shift-Tab",
        "",
        Action::Previous,
    )
    .unlisted(),
    Binding::looks(
        &[Chord::key(KeyCode::Up), Chord::char('k')],
        "↑ ↓ / j k",
        "move between interests",
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
        &[Chord::key(KeyCode::Home)],
        "Home / End",
        "first / last interest",
        Action::First,
    ),
    Binding::looks(&[Chord::key(KeyCode::End)], "Home / End", "", Action::Last).unlisted(),
    Binding::changes(
        &[Chord::char('a')],
        "a",
        "add an interest for this partner",
        Action::Add,
    )
    .footer("add interest"),
    Binding::changes(
        &[Chord::key(KeyCode::Enter)],
        "Enter",
        "edit the interest",
        Action::Edit,
    )
    .footer("edit"),
    Binding::changes(
        &[Chord::char(' ')],
        "Space",
        "change its weight (non-negotiable → important → negotiable)",
        Action::Weight,
    )
    .footer("weight"),
    Binding::changes(
        &[Chord::char('d')],
        "d",
        "delete the interest",
        Action::Delete,
    )
    .footer("delete"),
    Binding::looks(
        C,
        "c",
        "coverage: which functions have spoken",
        Action::Coverage,
    )
    .footer("coverage"),
    Binding::looks(C, "c", "", Action::Interests)
        .unlisted()
        .footer("back to interests"),
];

impl StageScreen for InterestsScreen {
    type Action = Action;
    const TITLE: &'static str = "Self-interest disclosure";
    const BINDINGS: &'static [Binding<Action>] = BINDINGS;

    fn applies(&self, action: Action, ctx: &StageCtx) -> bool {
        let session = ctx.session;
        let Some(partner) = self.focused_partner(session) else {
            // Without partners there is nothing to move between or to add to.
            return false;
        };
        match action {
            Action::Left | Action::Right | Action::Next | Action::Previous | Action::Add => true,
            Action::Up | Action::Down | Action::First | Action::Last => !self.coverage,
            Action::Edit | Action::Weight | Action::Delete => {
                // Only on an interest: the lists, with one under the cursor.
                !self.coverage && !column_items(session, partner).is_empty()
            }
            Action::Coverage => !self.coverage,
            Action::Interests => self.coverage,
            Action::Sideways => self.coverage && session.partners.len() > 1,
        }
    }

    /// Cursor moves return `None`: they change only this screen's state.
    fn perform(&mut self, action: Action, ctx: &StageCtx) -> Option<Intent> {
        let session = ctx.session;
        let (partner, items, index) = self.sync(session)?;
        let last = session.partners.len() - 1;
        match action {
            Action::Left => self.partner = self.partner.saturating_sub(1),
            Action::Right | Action::Sideways => self.partner = (self.partner + 1).min(last),
            Action::Next => {
                self.partner = if self.partner >= last {
                    0
                } else {
                    self.partner + 1
                }
            }
            Action::Previous => {
                self.partner = if self.partner == 0 {
                    last
                } else {
                    self.partner - 1
                };
            }
            Action::Up => self.point_at(partner, &items, index.saturating_sub(1)),
            Action::Down => {
                let below = (index + 1).min(items.len().saturating_sub(1));
                self.point_at(partner, &items, below);
            }
            Action::First => self.point_at(partner, &items, 0),
            Action::Last => self.point_at(partner, &items, items.len().saturating_sub(1)),
            Action::Coverage | Action::Interests => self.coverage = !self.coverage,
            Action::Add => return Some(add_form(session, partner)),
            Action::Edit => return Some(edit_form(session, items.get(index)?)),
            Action::Weight => {
                let mut changed = (*items.get(index)?).clone();
                changed.weight = changed.weight.next();
                return Some(Intent::Record(vec![Change::InterestEdited {
                    interest: changed,
                }]));
            }
            Action::Delete => return Some(delete_confirm(session, items.get(index)?)),
        }
        None
    }

    fn render(&self, frame: &mut Frame, area: Rect, ctx: &StageCtx) {
        self.draw(frame, area, ctx);
    }

    /// The item under the cursor for focus mode: the selected interest, or in the
    /// coverage view the focused partner's coverage. `None` when there is neither.
    fn focus_card(&self, ctx: &StageCtx) -> Option<FocusCard> {
        let session = ctx.session;
        let theme = ctx.theme;
        let index = self.partner.min(session.partners.len().checked_sub(1)?);
        let partner = session.partners.get(index)?;
        if self.coverage {
            return Some(coverage_card(ctx, index, partner.id));
        }
        let items = column_items(session, partner.id);
        let cursor = self.resolve(partner.id, &items);
        let interest = items.get(cursor)?;
        let label = |text: &'static str| Span::styled(text, theme.muted);
        let weight = weight_style(theme, interest.weight);
        let details = vec![
            // The mark and the word carry the weight; the colour only underlines them.
            Line::from(vec![
                label("Weight: "),
                Span::styled(
                    format!(
                        "{} {}",
                        weight_mark(interest.weight),
                        weight_heading(interest.weight)
                    ),
                    weight,
                ),
            ]),
            Line::from(vec![
                label("Category: "),
                Span::styled(interest.category.to_string(), theme.text),
            ]),
            Line::from(vec![
                label("Stated by: "),
                Span::styled(interest.function.to_string(), theme.text),
            ]),
            // Where it stands in its column, so the room knows how much more there is.
            Line::styled(
                match items.len() {
                    1 => format!("The only interest of {}", partner.name),
                    n => format!("{} of {n} interests of {}", cursor + 1, partner.name),
                },
                theme.muted,
            ),
        ];
        Some(FocusCard {
            kicker: format!("Interest · {}", partner.name),
            kicker_style: theme.partner(index),
            title: one_line(&interest.statement),
            details,
        })
    }

    /// An interest added, edited or re-weighted (by a key, an undo or a replayed event):
    /// the cursor goes to it, in its partner's column, so the next key acts on what the
    /// room just saw change. An interest that is gone leaves the cursor where it is.
    fn follow(&mut self, changed: &Changed, ctx: &StageCtx) {
        let Changed::Interest(id) = changed else {
            return;
        };
        let session = ctx.session;
        let Some(interest) = session.interest(*id) else {
            return;
        };
        let Some(index) = session
            .partners
            .iter()
            .position(|p| p.id == interest.partner)
        else {
            return;
        };
        self.partner = index;
        let items = column_items(session, interest.partner);
        if let Some(at) = items.iter().position(|i| i.id == *id) {
            self.point_at(interest.partner, &items, at);
        }
    }
}

impl InterestsScreen {
    /// The partner whose column has the cursor, clamped to the partners there are.
    fn focused_partner(&self, session: &Session) -> Option<PartnerId> {
        let index = self.partner.min(session.partners.len().checked_sub(1)?);
        session.partners.get(index).map(|p| p.id)
    }

    /// Matches the cursor against the session as it is now (interests may have been
    /// added, removed or re-weighted since the last key) and returns the focused
    /// partner, its column and the cursor's place in it.
    fn sync<'s>(&mut self, session: &'s Session) -> Option<(PartnerId, Vec<&'s Interest>, usize)> {
        self.partner = self.partner.min(session.partners.len().checked_sub(1)?);
        let partner = session.partners.get(self.partner)?.id;
        let items = column_items(session, partner);
        let index = self.resolve(partner, &items);
        self.point_at(partner, &items, index);
        Some((partner, items, index))
    }

    fn point_at(&mut self, partner: PartnerId, items: &[&Interest], index: usize) {
        let id = items.get(index).map(|i| i.id);
        let cursor = ColumnCursor { partner, index, id };
        match self.cursors.iter_mut().find(|c| c.partner == partner) {
            Some(slot) => *slot = cursor,
            None => self.cursors.push(cursor),
        }
    }

    /// Where the cursor of `partner`'s column is in `items`, without changing anything,
    /// so drawing and keys agree on it.
    fn resolve(&self, partner: PartnerId, items: &[&Interest]) -> usize {
        if items.is_empty() {
            return 0;
        }
        let Some(cursor) = self.cursors.iter().find(|c| c.partner == partner) else {
            return 0;
        };
        cursor
            .id
            .and_then(|id| items.iter().position(|i| i.id == id))
            // The interest is gone: stay at the same height, on its neighbour.
            .unwrap_or_else(|| cursor.index.min(items.len() - 1))
    }
}
