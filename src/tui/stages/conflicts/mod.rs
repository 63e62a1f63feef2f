//! Stage 4, the conflict check: every conflict the earlier stages already contain (found
//! by the rules) merged with the ones the moderator entered, each with why it is a
//! conflict and what the room decided about it. Open ones come first, the worst on top;
//! a matrix of categories × partners shows where the friction is and filters the list;
//! a readiness line says how far the room has come.
//!
//! The list is drawn from the board in `StageCtx` (computed once per change), never
//! recomputed here. Outcomes go through the event record: `FindingSettled` for a
//! detected conflict, `ConflictEdited` for an entered one.
//!
//! This file holds the screen's state, its one key table and what each key does; the
//! drawing, the matrix and the dialogs live beside it.

use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::domain::board::{BoardEntry, Source};
use crate::domain::timeline::Changed;
use crate::tui::bindings::{Binding, Chord};
use crate::tui::intent::Intent;

use super::screen::StageScreen;
use super::{FocusCard, StageCtx};

mod detail;
mod dialogs;
mod glossary;
mod glossary_form;
mod layout;
mod list;
mod matrix;
mod matrix_view;
mod triage;
mod words;

#[cfg(test)]
mod tests;

// What other screens use from here: the summary shows the same readiness line.
pub use super::marks::{readiness_line, readiness_rows, severity_marker};

use detail::conflict_card;
pub use dialogs::submit;
use dialogs::{conflict_form, delete_confirm, edit_or_settle, settle_confirm};
pub use glossary::GlossaryAction;
use glossary::GlossaryView;
use matrix::{Filter, Matrix, filter_label};
use matrix_view::cell_card;
use words::group;

/// Cells the widest severity marker takes.
const MARKER_WIDTH: usize = 12;
/// Cells the widest category label ("account leadership") takes.
const CATEGORY_WIDTH: usize = 18;
/// Space between table columns: wide enough to read as separate columns from a distance.
const GAP: usize = 2;
/// Left margin of every row; the selected row shows its pointer here.
const GUTTER: usize = 2;
/// Below this width the detail panel goes under the list instead of beside it.
const SIDE_PANEL_MIN_WIDTH: u16 = 120;
/// From this size of the stage body on, the matrix stays on the wall above the list.
const INLINE_MATRIX_MIN: (u16, u16) = (160, 35);
/// Up to this many partners the matrix has a column per pair; beyond, one per partner.
const PAIR_COLUMNS_MAX_PARTNERS: usize = 4;
/// Narrowest and widest matrix column, in cells.
const CELL_MIN: usize = 7;
const CELL_MAX: usize = 14;

/// Which part of the screen has the keys.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Focus {
    #[default]
    List,
    Matrix,
    /// The session's glossary, over the list (`G`).
    Glossary,
}

/// The entry the cursor is on, by identity, and the group of the list it was in then.
/// The group tells an outcome (the entry left its group: the cursor keeps its place)
/// from an edit (it stayed: the cursor goes with it).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Pin {
    source: Source,
    group: u8,
}

#[derive(Debug, Default, Clone)]
pub struct ConflictsScreen {
    /// Position in the list as shown (filtered and ordered), used when the entry that was
    /// selected is gone or has moved on.
    cursor: usize,
    /// The entry under the cursor: when the board changes under it (a new conflict above
    /// it, say), the cursor stays on the same conflict.
    pinned: Option<Pin>,
    focus: Focus,
    filter: Option<Filter>,
    /// Row and column of the matrix cursor.
    cell: (usize, usize),
    glossary: GlossaryView,
    /// The severity filter and the marked conflicts.
    triage: triage::Triage,
}

/// What a key on the conflict check can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Open the settle dialog for the selected conflict.
    Settle,
    /// Edit the selected entered conflict; settle a detected one.
    EditOrSettle,
    /// Open the form for a new conflict.
    Add,
    /// Drop the matrix filter from the list.
    ShowAll,
    /// Give the keys to the matrix.
    OpenMatrix,
    /// Delete the selected entered conflict (after a yes).
    Delete,
    /// `d` on a detected conflict: say that it is dismissed, not deleted.
    SayDismissInstead,
    Down,
    Up,
    First,
    Last,
    /// The matrix cursor, one cell or to the first or last column.
    CellDown,
    CellUp,
    CellLeft,
    CellRight,
    FirstColumn,
    LastColumn,
    /// Narrow the list to the matrix cell under the cursor.
    ListCell,
    /// Give the keys back to the list.
    BackToList,
    /// Drop the filter while the matrix has the keys.
    ClearFilter,
    /// Open the session's glossary.
    OpenGlossary,
    /// A key while the glossary is open.
    Glossary(GlossaryAction),
    /// The next / previous open conflict from the cursor, round the end of the list.
    NextOpen,
    PreviousOpen,
    /// `n` or `N` with no other open conflict to go to: say so.
    NoOtherOpen,
    /// The severity filter, one step round "all → medium and up → high and up".
    HideLow,
    HighOnly,
    AllSeverities,
    /// The same round the other way (`V`): from "low hidden" one key shows all.
    SeverityBack,
    /// Mark or unmark the selected detected conflict.
    Mark,
    /// Space on an entered conflict: say why it is not marked.
    SayNotMarked,
    /// Drop every mark.
    Unmark,
    /// Dismiss the marked conflicts with one reason, in one step.
    DismissMarked,
    /// Dismiss the selected detected conflict (no marks): `s` then `x` in one key.
    DismissOne,
}

const fn key(code: KeyCode) -> Chord {
    Chord::key(code)
}

const fn letter(c: char) -> Chord {
    Chord::char(c)
}

impl StageScreen for ConflictsScreen {
    type Action = Action;

    const TITLE: &'static str = "Conflict check";

    // The list's keys, then the matrix's. Each footer reads in table order: the list's
    // "s settle · Enter edit/settle · a add · m matrix · d delete · ↑↓ select", the
    // matrix's "←→↑↓ cell · Enter list it · Esc back to list · f clear filter".
    const BINDINGS: &'static [Binding<Action>] = &[
        Binding::changes(
            &[letter('s')],
            "s",
            "settle: resolved, accepted risk, deal-breaker, park, dismiss (detected only) or reopen",
            Action::Settle,
        )
        .footer("settle"),
        Binding::changes(
            &[key(KeyCode::Enter)],
            "Enter",
            "edit an entered conflict; settle a detected one",
            Action::EditOrSettle,
        )
        .footer("edit/settle"),
        Binding::changes(
            &[letter('a')],
            "a",
            "add a conflict the room sees",
            Action::Add,
        )
        .footer("add"),
        Binding::looks(
            &[letter('f'), key(KeyCode::Esc)],
            "f  Esc",
            "clear the matrix filter: show every conflict again",
            Action::ShowAll,
        )
        .footer_as("f", "show all"),
        Binding::looks(
            &[letter('m')],
            "m",
            "matrix of categories × partners: arrows pick a cell, Enter lists its conflicts",
            Action::OpenMatrix,
        )
        .footer("matrix"),
        Binding::changes(
            &[letter('d')],
            "d",
            "delete an entered conflict (detected ones are dismissed: s then x)",
            Action::Delete,
        )
        .footer("delete"),
        // Not offered: the footer promises `d` only where it deletes.
        Binding::changes(
            &[letter('d')],
            "d",
            "say that detected conflicts are dismissed, not deleted",
            Action::SayDismissInstead,
        )
        .unlisted(),
        // Down first: the key the footer's "↑↓" stands for moves from the top row.
        Binding::looks(
            &[key(KeyCode::Down), letter('j')],
            "↑ ↓  j k",
            "select a conflict",
            Action::Down,
        )
        .footer_as("↑↓", "select"),
        Binding::looks(&[key(KeyCode::Up), letter('k')], "", "", Action::Up).unlisted(),
        Binding::looks(
            &[key(KeyCode::Home)],
            "Home End",
            "first / last conflict",
            Action::First,
        ),
        Binding::looks(&[key(KeyCode::End)], "", "", Action::Last).unlisted(),
        // Triage: the next open conflict, the severity filter, marks and what they are for.
        Binding::looks(
            &[letter('n')],
            "n N",
            "next / previous open conflict from the cursor (round the end of the list)",
            Action::NextOpen,
        )
        .footer_as("n N", "next open"),
        Binding::looks(&[letter('N')], "", "", Action::PreviousOpen).unlisted(),
        Binding::looks(&[letter('n'), letter('N')], "", "", Action::NoOtherOpen).unlisted(),
        // One key round three steps; the footer names the step it takes next.
        Binding::looks(
            &[letter('v')],
            "v V",
            "severity filter: v goes all → medium and up → high and up, V the other way; \
             the list's title says what is hidden",
            Action::HideLow,
        )
        .footer_as("v", "hide low"),
        Binding::looks(&[letter('v')], "", "", Action::HighOnly)
            .unlisted()
            .footer_as("v", "high and up"),
        Binding::looks(&[letter('v')], "", "", Action::AllSeverities)
            .unlisted()
            .footer_as("v", "show all"),
        Binding::looks(&[letter('V')], "", "", Action::SeverityBack).unlisted(),
        Binding::changes(
            &[letter(' ')],
            "Space",
            "mark or unmark a detected conflict, to dismiss several with one reason",
            Action::Mark,
        )
        .footer("mark"),
        // Entered conflicts are deleted, never dismissed, so marking one would promise a
        // bulk dismiss that skips it: Space says so instead.
        Binding::changes(&[letter(' ')], "", "", Action::SayNotMarked).unlisted(),
        Binding::changes(
            &[letter('x')],
            "x",
            "dismiss the marked conflicts with one reason (one undo takes them all back); \
             without marks, the selected detected conflict",
            Action::DismissMarked,
        )
        .footer("dismiss marked"),
        Binding::changes(&[letter('x')], "", "", Action::DismissOne).unlisted(),
        Binding::looks(
            &[key(KeyCode::Esc)],
            "Esc",
            "drop every mark",
            Action::Unmark,
        ),
        Binding::looks(
            &[key(KeyCode::Down), letter('j')],
            "↑ ↓ ← →  j k h l",
            "in the matrix: pick a cell",
            Action::CellDown,
        )
        .footer_as("←→↑↓", "cell"),
        // The other arrows stand for the same entry, shown while any of them can move.
        Binding::looks(&[key(KeyCode::Up), letter('k')], "", "", Action::CellUp)
            .unlisted()
            .footer_as("←→↑↓", "cell"),
        Binding::looks(&[key(KeyCode::Left), letter('h')], "", "", Action::CellLeft)
            .unlisted()
            .footer_as("←→↑↓", "cell"),
        Binding::looks(&[key(KeyCode::Right), letter('l')], "", "", Action::CellRight)
            .unlisted()
            .footer_as("←→↑↓", "cell"),
        Binding::looks(
            &[key(KeyCode::Home)],
            "Home End",
            "in the matrix: first / last column",
            Action::FirstColumn,
        ),
        Binding::looks(&[key(KeyCode::End)], "", "", Action::LastColumn).unlisted(),
        Binding::looks(
            &[key(KeyCode::Enter)],
            "Enter",
            "in the matrix: list the conflicts of the cell",
            Action::ListCell,
        )
        .footer("list it"),
        Binding::looks(
            &[key(KeyCode::Esc), letter('m')],
            "Esc  m",
            "in the matrix: back to the list",
            Action::BackToList,
        )
        .footer_as("Esc", "back to list"),
        Binding::looks(
            &[letter('f')],
            "f",
            "in the matrix: clear the filter",
            Action::ClearFilter,
        )
        .footer("clear filter"),
        Binding::looks(
            &[letter('G')],
            "G",
            "glossary: accounts, places and products the rules should know by every name",
            Action::OpenGlossary,
        )
        .footer("glossary"),
        Binding::changes(
            &[letter('a')],
            "a",
            "in the glossary: add an account, a place or a partner's product",
            Action::Glossary(GlossaryAction::Add),
        )
        .footer("add"),
        Binding::changes(
            &[key(KeyCode::Enter)],
            "Enter",
            "in the glossary: edit the entry (name, other names, where or whose)",
            Action::Glossary(GlossaryAction::Edit),
        )
        .footer("edit"),
        Binding::changes(
            &[letter('d')],
            "d",
            "in the glossary: remove the entry (asks first)",
            Action::Glossary(GlossaryAction::Remove),
        )
        .footer("remove"),
        Binding::looks(
            &[key(KeyCode::Down), letter('j')],
            "↑ ↓  j k",
            "in the glossary: select an entry",
            Action::Glossary(GlossaryAction::Down),
        )
        .footer_as("↑↓", "select"),
        Binding::looks(
            &[key(KeyCode::Up), letter('k')],
            "",
            "",
            Action::Glossary(GlossaryAction::Up),
        )
        .unlisted(),
        Binding::looks(
            &[key(KeyCode::Home)],
            "Home End",
            "in the glossary: first / last entry",
            Action::Glossary(GlossaryAction::First),
        ),
        Binding::looks(
            &[key(KeyCode::End)],
            "",
            "",
            Action::Glossary(GlossaryAction::Last),
        )
        .unlisted(),
        Binding::looks(
            &[key(KeyCode::Esc), letter('G')],
            "Esc  G",
            "in the glossary: back to the conflicts",
            Action::Glossary(GlossaryAction::Back),
        )
        .footer_as("Esc", "back to conflicts"),
    ];

    fn applies(&self, action: Action, ctx: &StageCtx) -> bool {
        use Action::*;
        let filtered = self.filter.is_some();
        match (self.focus, action) {
            (Focus::Glossary, Glossary(a)) => self.glossary.applies(a, ctx),
            (Focus::Glossary, _) | (_, Glossary(_)) => false,
            (Focus::List, OpenGlossary) => true,
            // An arrow applies only where there is a cell to go to, so the footer never
            // offers one that does nothing (a one-column matrix, the bottom row).
            (Focus::Matrix, CellDown | CellUp | CellLeft | CellRight) => {
                let matrix = Matrix::of(ctx.session, ctx.board);
                let (rows, cols) = (matrix.rows.len(), matrix.columns.len());
                let (r, c) = self.clamped_cell(&matrix);
                match action {
                    CellDown => r + 1 < rows,
                    CellUp => r > 0,
                    CellLeft => c > 0,
                    _ => c + 1 < cols,
                }
            }
            (Focus::Matrix, FirstColumn | LastColumn | ListCell | BackToList) => true,
            (Focus::Matrix, ClearFilter) => filtered,
            (Focus::Matrix, _) => false,
            // A filtered list is for settling what the cell holds; adding and deleting
            // wait until f shows every conflict again.
            (Focus::List, Add) => !filtered,
            (Focus::List, Delete) => !filtered && self.selected_is_entered(ctx) == Some(true),
            (Focus::List, SayDismissInstead) => {
                !filtered && self.selected_is_entered(ctx) == Some(false)
            }
            (Focus::List, ShowAll) => filtered,
            (Focus::List, OpenMatrix) => true,
            (Focus::List, Settle | EditOrSettle | First | Last) => self.listed(ctx) > 0,
            (Focus::List, Down | Up) => self.listed(ctx) > 1,
            (Focus::List, triage) => self.triage_applies(triage, ctx),
        }
    }

    fn perform(&mut self, action: Action, ctx: &StageCtx) -> Option<Intent> {
        if self.focus == Focus::Matrix {
            return self.perform_in_matrix(action, ctx);
        }
        if let Action::Glossary(action) = action {
            if action == GlossaryAction::Back {
                self.focus = Focus::List;
            }
            return self.glossary.perform(action, ctx);
        }
        let session = ctx.session;
        let order = self.order(ctx);
        let last = order.len().saturating_sub(1);
        let pos = self.position(ctx.board, &order);
        // Pin the entry under the cursor, so that whatever the key leads to, the record
        // can tell the cursor what became of it.
        self.select(ctx.board, &order, pos);
        let selected = order.get(pos).map(|&i| &ctx.board[i]);
        match action {
            Action::Up => self.select(ctx.board, &order, pos.saturating_sub(1)),
            Action::Down => self.select(ctx.board, &order, (pos + 1).min(last)),
            Action::First => self.select(ctx.board, &order, 0),
            Action::Last => self.select(ctx.board, &order, last),
            // The new conflict's id is the record's to give: `follow` puts the cursor on
            // it once it is recorded, and a cancelled form leaves the cursor alone.
            Action::Add => return Some(Intent::Form(conflict_form(session, None))),
            Action::EditOrSettle => return selected.map(|entry| edit_or_settle(session, entry)),
            Action::Settle => return selected.map(|entry| settle_confirm(session, entry)),
            Action::Delete | Action::SayDismissInstead => return selected.map(delete_confirm),
            Action::OpenMatrix => self.open_matrix(ctx),
            Action::ShowAll => self.filter = None,
            Action::OpenGlossary => self.focus = Focus::Glossary,
            triage => return self.perform_triage(triage, ctx, &order, pos),
        }
        None
    }

    fn render(&self, frame: &mut Frame, area: Rect, ctx: &StageCtx) {
        if self.focus == Focus::Glossary {
            return self.glossary.render(frame, area, ctx);
        }
        self.render_stage(frame, area, ctx);
    }

    /// The item under the cursor for focus mode: the selected conflict, or while the
    /// matrix has the keys, the cell under its cursor. `None` on an empty board.
    fn focus_card(&self, ctx: &StageCtx) -> Option<FocusCard> {
        if self.focus == Focus::Glossary {
            return self.glossary.focus_card(ctx);
        }
        if self.focus == Focus::Matrix {
            let matrix = Matrix::of(ctx.session, ctx.board);
            let (r, c) = self.clamped_cell(&matrix);
            return cell_card(ctx, &matrix, r, c);
        }
        let order = self.order(ctx);
        let pos = self.position(ctx.board, &order);
        let entry = ctx.board.get(*order.get(pos)?)?;
        let mut card = conflict_card(ctx, entry);
        let place = match &self.filter {
            None => format!("{} of {} conflicts", pos + 1, order.len()),
            Some(filter) => format!(
                "{} of {} conflicts in {}",
                pos + 1,
                order.len(),
                filter_label(ctx.session, filter)
            ),
        };
        card.details.push(Line::styled(place, ctx.theme.muted));
        Some(card)
    }

    /// A conflict added goes under the cursor, and so does one edited in place or
    /// brought back by an undo. A conflict that an outcome moved to another group (the
    /// one the moderator just settled) leaves the cursor where the moderator works: on
    /// whatever moved up into its place, usually the next open conflict.
    fn follow(&mut self, changed: &Changed, ctx: &StageCtx) {
        self.glossary.follow(changed, ctx.session);
        let is_it = |source: &Source| match (changed, source) {
            (Changed::Conflict(id), Source::Moderator(own)) => id == own,
            (Changed::Finding(key), Source::Detected { key: own, .. }) => key == own,
            (Changed::Findings(keys), Source::Detected { key: own, .. }) => keys.contains(own),
            _ => false,
        };
        if !matches!(
            changed,
            Changed::Conflict(_) | Changed::Finding(_) | Changed::Findings(_)
        ) || self.follow_dismissed(changed, ctx)
        {
            return;
        }
        let order = self.order(ctx);
        // Removed, or outside the filter: the cursor keeps its place (see `position`).
        let Some(pos) = order.iter().position(|&i| is_it(&ctx.board[i].source)) else {
            return;
        };
        let entry = &ctx.board[order[pos]];
        let moved_on = self
            .pinned
            .as_ref()
            .is_some_and(|pin| is_it(&pin.source) && pin.group != group(&entry.status));
        if moved_on {
            self.select(ctx.board, &order, self.cursor.min(order.len() - 1));
        } else {
            self.select(ctx.board, &order, pos);
        }
    }
}

impl ConflictsScreen {
    fn perform_in_matrix(&mut self, action: Action, ctx: &StageCtx) -> Option<Intent> {
        let matrix = Matrix::of(ctx.session, ctx.board);
        let (rows, cols) = (matrix.rows.len(), matrix.columns.len());
        let (mut r, mut c) = self.clamped_cell(&matrix);
        match action {
            Action::CellUp => r = r.saturating_sub(1),
            Action::CellDown => r = (r + 1).min(rows.saturating_sub(1)),
            Action::CellLeft => c = c.saturating_sub(1),
            Action::CellRight => c = (c + 1).min(cols.saturating_sub(1)),
            Action::FirstColumn => c = 0,
            Action::LastColumn => c = cols.saturating_sub(1),
            Action::ListCell => {
                let Some(filter) = matrix.filter_at(r, c) else {
                    return Some(Intent::Status(
                        "Nothing to list yet: no conflict is on the board.".to_string(),
                    ));
                };
                if matrix.tally(r, c).total() == 0 {
                    return Some(Intent::Status(format!(
                        "No conflicts in {}; pick a cell with a number.",
                        filter_label(ctx.session, &filter)
                    )));
                }
                self.filter = Some(filter);
                self.focus = Focus::List;
                self.cursor = 0;
                self.pinned = None;
            }
            Action::BackToList => self.focus = Focus::List,
            Action::ClearFilter => self.filter = None,
            _ => {}
        }
        self.cell = (r, c);
        None
    }

    /// Whether the conflict under the cursor was entered by the room (`Some(true)`) or
    /// found by the rules (`Some(false)`); `None` when the list is empty.
    fn selected_is_entered(&self, ctx: &StageCtx) -> Option<bool> {
        let order = self.order(ctx);
        let pos = self.position(ctx.board, &order);
        let entry = &ctx.board[*order.get(pos)?];
        Some(matches!(entry.source, Source::Moderator(_)))
    }

    /// How many conflicts the list shows: those in the filter's cell, or all of them
    /// down to the severity floor.
    fn listed(&self, ctx: &StageCtx) -> usize {
        self.order(ctx).len()
    }

    /// Gives the keys to the matrix, its cursor on the cell the list is filtered to.
    fn open_matrix(&mut self, ctx: &StageCtx) {
        self.focus = Focus::Matrix;
        if let Some(filter) = &self.filter {
            let matrix = Matrix::of(ctx.session, ctx.board);
            if let Some(cell) = matrix.find(filter) {
                self.cell = cell;
            }
        }
    }

    fn clamped_cell(&self, matrix: &Matrix) -> (usize, usize) {
        (
            self.cell.0.min(matrix.rows.len().saturating_sub(1)),
            self.cell.1.min(matrix.columns.len().saturating_sub(1)),
        )
    }

    /// The cursor's place in `order`: where the pinned entry is now, or the old place
    /// kept within the list when that entry is gone.
    fn position(&self, board: &[BoardEntry], order: &[usize]) -> usize {
        if order.is_empty() {
            return 0;
        }
        if let Some(pin) = &self.pinned
            && let Some(pos) = order.iter().position(|&i| board[i].source == pin.source)
        {
            return pos;
        }
        self.cursor.min(order.len() - 1)
    }

    fn select(&mut self, board: &[BoardEntry], order: &[usize], pos: usize) {
        self.cursor = pos;
        self.pinned = order.get(pos).map(|&i| Pin {
            source: board[i].source.clone(),
            group: group(&board[i].status),
        });
    }
}
