//! Stage 5, the summary: the room's verdict, the agreements it reached, what is still
//! open, who does what next, and how the time went. It is what the partners read
//! together at the end, so the verdict comes first and is the largest thing on the wall.
//!
//! The cursor is on the verdict or in one of the three lists (Tab moves between them),
//! so every list can be scrolled into view here and its selected entry shown whole in
//! focus mode.

mod actions;
mod cards;
mod dialogs;

pub use dialogs::submit;
mod entries;
mod layout;
mod lists;
mod time;
mod verdict;

#[cfg(test)]
mod tests;

use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;

use crate::domain::timeline::Changed;
use crate::tui::bindings::{Binding, Chord};
use crate::tui::intent::Intent;

use super::screen::StageScreen;
use super::{FocusCard, StageCtx};
use entries::{Section, section_len};

/// Where the summary's cursor is: on the verdict, or in one of its lists.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) enum Focus {
    #[default]
    Verdict,
    Actions,
    Agreements,
    Conflicts,
}

impl Focus {
    /// The order Tab goes round in: the verdict and who does what next first (what the
    /// room may still change here), then the record of the conflict check.
    const CYCLE: [Focus; 4] = [
        Focus::Verdict,
        Focus::Actions,
        Focus::Agreements,
        Focus::Conflicts,
    ];

    /// The list this focus is in; `None` on the verdict.
    fn section(self) -> Option<Section> {
        match self {
            Focus::Verdict => None,
            Focus::Actions => Some(Section::Actions),
            Focus::Agreements => Some(Section::Agreements),
            Focus::Conflicts => Some(Section::Conflicts),
        }
    }

    /// How many entries there are to stand on: one verdict, or the list's length.
    fn len(self, ctx: &StageCtx) -> usize {
        self.section().map_or(1, |s| section_len(ctx, s))
    }
}

#[derive(Debug, Default, Clone)]
pub struct SummaryScreen {
    focus: Focus,
    /// Position in `session.actions`.
    cursor: usize,
    /// Position in the agreements, and in the unsettled conflicts, as listed.
    agreement: usize,
    conflict: usize,
}

/// What a key on the summary stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SummaryAction {
    /// The verdict dialog, offered first while the cursor is not on an action item.
    Verdict,
    Up,
    Down,
    /// Down from the verdict into the action items.
    IntoActions,
    Next,
    Previous,
    EditAction,
    /// Enter on the verdict: the verdict dialog.
    VerdictByEnter,
    AddAction,
    DeleteAction,
    First,
    Last,
    ExportNotes,
    /// The verdict dialog from the action items, offered there after the item's keys.
    VerdictFromActions,
}

use SummaryAction as A;

impl StageScreen for SummaryScreen {
    type Action = SummaryAction;

    const TITLE: &'static str = "Summary";

    // In help order. The footer reads the table in the same order, which is why two
    // unlisted siblings close it: on the verdict it reads "v, a, e, ↓", on an action
    // item "Enter, a, d, v". Keys whose action does not apply fall through to the next
    // binding of the same key (↓ on the verdict, v on an action item).
    const BINDINGS: &'static [Binding<SummaryAction>] = &[
        Binding::changes(&[Chord::char('v')], "v", "record the verdict", A::Verdict)
            .footer("verdict"),
        Binding::looks(
            &[Chord::key(KeyCode::Up), Chord::char('k')],
            "↑ ↓  j k",
            "move between the verdict and the items of a list (above a list is the verdict, \
             below the verdict the action items)",
            A::Up,
        ),
        Binding::looks(
            &[Chord::key(KeyCode::Down), Chord::char('j')],
            "↓ j",
            "next item of the list",
            A::Down,
        )
        .unlisted(),
        Binding::looks(
            &[Chord::key(KeyCode::Tab)],
            "Tab  Shift-Tab",
            "switch between the verdict, the action items, the agreements and the open \
             conflicts",
            A::Next,
        ),
        Binding::looks(
            &[Chord::key(KeyCode::BackTab)],
            "Shift-Tab",
            "back to the previous part",
            A::Previous,
        )
        .unlisted(),
        Binding::changes(
            &[Chord::key(KeyCode::Enter)],
            "Enter",
            "change the verdict, or edit the selected action item",
            A::EditAction,
        )
        .footer("edit action item"),
        Binding::changes(
            &[Chord::key(KeyCode::Enter)],
            "Enter",
            "change the verdict",
            A::VerdictByEnter,
        )
        .unlisted(),
        Binding::changes(&[Chord::char('a')], "a", "add an action item", A::AddAction)
            .footer("add action item"),
        Binding::changes(
            &[Chord::char('d')],
            "d",
            "delete the selected action item",
            A::DeleteAction,
        )
        .footer("delete"),
        Binding::looks(
            &[Chord::key(KeyCode::Home)],
            "Home End",
            "first / last item of the list (from the verdict: of the action items)",
            A::First,
        ),
        Binding::looks(
            &[Chord::key(KeyCode::End)],
            "End",
            "last item of the list",
            A::Last,
        )
        .unlisted(),
        // Writing the notes beside the session changes nothing in it, so a read-only
        // view may export too.
        Binding::looks(
            &[Chord::char('e')],
            "e",
            "export the notes (Markdown and HTML, beside the session file)",
            A::ExportNotes,
        )
        .footer("export notes"),
        Binding::looks(
            &[Chord::key(KeyCode::Down), Chord::char('j')],
            "↓",
            "into the action items",
            A::IntoActions,
        )
        .unlisted()
        .footer_as("↓", "action items"),
        Binding::changes(
            &[Chord::char('v')],
            "v",
            "record the verdict",
            A::VerdictFromActions,
        )
        .unlisted()
        .footer("verdict"),
    ];

    fn applies(&self, action: SummaryAction, ctx: &StageCtx) -> bool {
        let (focus, _) = self.at(ctx);
        let actions = !ctx.session.actions.is_empty();
        match action {
            A::Verdict => focus != Focus::Actions,
            A::VerdictFromActions | A::EditAction | A::DeleteAction => focus == Focus::Actions,
            A::VerdictByEnter => focus == Focus::Verdict,
            A::Up | A::Down => focus != Focus::Verdict,
            A::IntoActions => focus == Focus::Verdict && actions,
            A::Next | A::Previous => self.step(ctx, 1) != focus,
            A::First | A::Last => focus != Focus::Verdict || actions,
            A::AddAction | A::ExportNotes => true,
        }
    }

    fn perform(&mut self, action: SummaryAction, ctx: &StageCtx) -> Option<Intent> {
        let (focus, index) = self.at(ctx);
        self.focus = focus;
        let last = focus.len(ctx).saturating_sub(1);
        let session = ctx.session;
        match action {
            A::Verdict | A::VerdictFromActions | A::VerdictByEnter => {
                return Some(dialogs::verdict_confirm(session, ctx.board));
            }
            A::AddAction => return Some(Intent::Form(dialogs::action_form(None))),
            A::ExportNotes => return Some(Intent::ExportNotes),
            A::EditAction => {
                let action = session.actions.get(index)?;
                return Some(Intent::Form(dialogs::action_form(Some(action))));
            }
            A::DeleteAction => return session.actions.get(index).map(dialogs::delete_action),
            // Above the first item of a list is the verdict.
            A::Up if index == 0 => self.focus = Focus::Verdict,
            A::Up => self.set_index(index - 1),
            A::Down => self.set_index((index + 1).min(last)),
            A::IntoActions => self.enter(Focus::Actions, 0, ctx),
            A::Next => self.focus = self.step(ctx, 1),
            A::Previous => self.focus = self.step(ctx, Focus::CYCLE.len() - 1),
            A::First | A::Last => {
                let list = if focus == Focus::Verdict {
                    Focus::Actions
                } else {
                    focus
                };
                let at = if action == A::First {
                    0
                } else {
                    list.len(ctx).saturating_sub(1)
                };
                self.enter(list, at, ctx);
            }
        }
        None
    }

    fn render(&self, frame: &mut Frame, area: Rect, ctx: &StageCtx) {
        layout::render(frame, area, ctx, self.at(ctx));
    }

    /// The item under the cursor for focus mode. The summary always has a verdict to
    /// show, if only "No verdict yet" and what comes before it, so this is never `None`.
    fn focus_card(&self, ctx: &StageCtx) -> Option<FocusCard> {
        let card = match self.at(ctx) {
            (Focus::Verdict, _) => None,
            (Focus::Actions, i) => cards::action_card(ctx, i),
            (Focus::Agreements, i) => cards::agreement_card(ctx, i),
            (Focus::Conflicts, i) => cards::conflict_card(ctx, i),
        };
        Some(card.unwrap_or_else(|| cards::verdict_card(ctx)))
    }

    /// After an action item is added or edited the cursor is on it, so the next key
    /// acts on what the room just saw written; after a verdict, on the verdict.
    fn follow(&mut self, changed: &Changed, ctx: &StageCtx) {
        match changed {
            Changed::Action(id) => {
                if let Some(at) = ctx.session.actions.iter().position(|a| a.id == *id) {
                    self.enter(Focus::Actions, at, ctx);
                }
            }
            Changed::Verdict => self.focus = Focus::Verdict,
            _ => {}
        }
    }
}

impl SummaryScreen {
    /// Where the cursor stands now, kept inside what the session holds: a list that has
    /// emptied (undo, a deletion) gives the cursor back to the verdict.
    fn at(&self, ctx: &StageCtx) -> (Focus, usize) {
        let index = match self.focus {
            Focus::Verdict => return (Focus::Verdict, 0),
            Focus::Actions => self.cursor,
            Focus::Agreements => self.agreement,
            Focus::Conflicts => self.conflict,
        };
        match self.focus.len(ctx) {
            0 => (Focus::Verdict, 0),
            len => (self.focus, index.min(len - 1)),
        }
    }

    fn set_index(&mut self, index: usize) {
        match self.focus {
            Focus::Verdict => {}
            Focus::Actions => self.cursor = index,
            Focus::Agreements => self.agreement = index,
            Focus::Conflicts => self.conflict = index,
        }
    }

    /// Puts the cursor at `index` of `list`, if the list has anything to stand on.
    fn enter(&mut self, list: Focus, index: usize, ctx: &StageCtx) {
        if list.len(ctx) > 0 {
            self.focus = list;
            self.set_index(index);
        }
    }

    /// The part `by` steps round the cycle from the current one, passing over empty
    /// lists (the verdict is never empty).
    fn step(&self, ctx: &StageCtx, by: usize) -> Focus {
        let (focus, _) = self.at(ctx);
        let n = Focus::CYCLE.len();
        let from = Focus::CYCLE.iter().position(|f| *f == focus).unwrap_or(0);
        (1..=n)
            .map(|k| Focus::CYCLE[(from + k * by) % n])
            .find(|f| f.len(ctx) > 0)
            .unwrap_or(Focus::Verdict)
    }
}
