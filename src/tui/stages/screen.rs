//! What every stage screen is to the wall: a key table, what its actions do, a drawing,
//! a focus card, and a cursor that follows what the record says just changed.
//!
//! A screen writes its keys once, in `BINDINGS`. The handling of a key, the footer and
//! the help overlay (and so the README's keymap) are all derived from that table here,
//! so no footer can offer a key that does nothing, and a read-only view cannot offer a
//! key that would change the session.

use std::fmt::Debug;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::domain::timeline::Changed;
use crate::tui::bindings::{self, Binding};
use crate::tui::intent::Intent;
use crate::tui::widgets::KeyHelp;

use super::{FocusCard, StageCtx};

/// A stage screen as its author writes it: one key table, and what each action does.
pub trait StageScreen {
    /// What a key on this screen can stand for.
    type Action: Copy + PartialEq + Debug + 'static;

    /// The screen's name in the help overlay and the README ("Role split").
    const TITLE: &'static str;

    /// Every key of the screen, once, in the order the help lists them.
    const BINDINGS: &'static [Binding<Self::Action>];

    /// Whether `action` means something where the cursor is now (a pane, a column, an
    /// item to act on). Keys whose action does not apply fall through to the next
    /// binding of the same key, and are not offered in the footer.
    fn applies(&self, _action: Self::Action, _ctx: &StageCtx) -> bool {
        true
    }

    /// Carries out `action`: moves the cursor, or asks the app for something.
    fn perform(&mut self, action: Self::Action, ctx: &StageCtx) -> Option<Intent>;

    /// Draws the stage into `area`, reporting into `ctx.fit` what did not fit. Through
    /// `Screen`, `area` is inside the frame and never empty.
    fn render(&self, frame: &mut Frame, area: Rect, ctx: &StageCtx);

    /// The selected item for focus mode; `None` when there is nothing selected.
    fn focus_card(&self, ctx: &StageCtx) -> Option<FocusCard>;

    /// The record says what the last change did (an item added, a conflict settled):
    /// the cursor goes there, so the next key acts on what the room just saw change.
    fn follow(&mut self, _changed: &Changed, _ctx: &StageCtx) {}
}

/// A stage screen as the wall holds it: the same screen, behind an object so the wall
/// keeps one list of them and needs no match over stages.
pub trait Screen {
    /// The screen's name in the help overlay.
    fn title(&self) -> &'static str;
    /// Turns a key into what the app should do (`None`: nothing, or only the cursor).
    fn handle_key(&mut self, key: KeyEvent, ctx: &StageCtx) -> Option<Intent>;
    /// The footer's key hints for where the cursor is now.
    fn footer_keys(&self, ctx: &StageCtx) -> Vec<(&'static str, &'static str)>;
    /// Every key the view may use, for the help overlay.
    fn help(&self, read_only: bool) -> Vec<KeyHelp>;
    /// Every chord the footer offers now: for the check that each does something.
    fn offered_keys(&self, ctx: &StageCtx) -> Vec<(&'static str, KeyEvent)>;
    fn render(&self, frame: &mut Frame, area: Rect, ctx: &StageCtx);
    fn focus_card(&self, ctx: &StageCtx) -> Option<FocusCard>;
    fn follow(&mut self, changed: &Changed, ctx: &StageCtx);
}

impl<T: StageScreen> Screen for T {
    fn title(&self) -> &'static str {
        T::TITLE
    }

    fn handle_key(&mut self, key: KeyEvent, ctx: &StageCtx) -> Option<Intent> {
        let action =
            bindings::dispatch(T::BINDINGS, &key, ctx.read_only, |a| self.applies(a, ctx))?;
        self.perform(action, ctx)
    }

    fn footer_keys(&self, ctx: &StageCtx) -> Vec<(&'static str, &'static str)> {
        bindings::footer(T::BINDINGS, ctx.read_only, |a| self.applies(a, ctx))
    }

    fn help(&self, read_only: bool) -> Vec<KeyHelp> {
        bindings::help(T::BINDINGS, read_only)
    }

    fn offered_keys(&self, ctx: &StageCtx) -> Vec<(&'static str, KeyEvent)> {
        let shown = self.footer_keys(ctx);
        bindings::offered(T::BINDINGS, ctx.read_only, |a| self.applies(a, ctx), &shown)
    }

    fn render(&self, frame: &mut Frame, area: Rect, ctx: &StageCtx) {
        // Every screen draws only inside the frame, and nothing into no room at all.
        let area = area.intersection(frame.area());
        if area.is_empty() {
            return;
        }
        StageScreen::render(self, frame, area, ctx);
    }

    fn focus_card(&self, ctx: &StageCtx) -> Option<FocusCard> {
        StageScreen::focus_card(self, ctx)
    }

    fn follow(&mut self, changed: &Changed, ctx: &StageCtx) {
        StageScreen::follow(self, changed, ctx);
    }
}
