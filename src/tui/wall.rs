//! The wall: what the room sees of a session, shared by the live session, the replay and
//! the audience view. It owns the stage screens (each keeping its own cursor), the
//! partners panel, focus mode and the conflict board cache; the views around it supply
//! only the session to show (live history, replay position, followed file) and their
//! own keys.

use std::cell::RefCell;
use std::rc::Rc;

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;

use crate::domain::board::{BoardEntry, board};
use crate::domain::timeline::Changed;
use crate::domain::{Session, Stage};

use super::bindings::{self, Binding, Chord};
use super::chrome::{render_big_title, split_big_title};
use super::intent::Intent;
use super::stages::conflicts::ConflictsScreen;
use super::stages::focus::render_focus;
use super::stages::interests::InterestsScreen;
use super::stages::partners::PartnersScreen;
use super::stages::roles::RolesScreen;
use super::stages::round::RoundScreen;
use super::stages::screen::Screen;
use super::stages::summary::SummaryScreen;
use super::stages::vision::VisionScreen;
use super::stages::{FocusCard, StageCtx};
use super::widgets::KeyHelp;

/// The screen of each stage, in stage order. Adding a stage means adding it here.
fn screen_for(stage: Stage) -> Box<dyn Screen> {
    match stage {
        Stage::Vision => Box::new(VisionScreen::default()),
        Stage::Roles => Box::new(RolesScreen::default()),
        Stage::Interests => Box::new(InterestsScreen::default()),
        Stage::Conflicts => Box::new(ConflictsScreen::default()),
        Stage::Summary => Box::new(SummaryScreen::default()),
    }
}

/// What the wall's own keys stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WallAction {
    Focus,
    Unfocus,
    Partners,
    ClosePartners,
}

/// The keys every view of the wall shares: focus mode and the partners panel. They only
/// change what is shown, so read-only views have them too.
pub const WALL_BINDINGS: &[Binding<WallAction>] = &[
    Binding::looks(
        &[Chord::char('z')],
        "z",
        "focus: the selected item alone, large (arrows step to the next; z or Esc back)",
        WallAction::Focus,
    )
    .footer("focus"),
    Binding::looks(
        &[Chord::char('z'), Chord::key(KeyCode::Esc)],
        "z / Esc",
        "back from focus to the whole stage",
        WallAction::Unfocus,
    )
    .unlisted()
    .footer_as("z/Esc", "back to the stage"),
    Binding::looks(
        &[Chord::char('p')],
        "p",
        "partners and representatives (p again or Esc back)",
        WallAction::Partners,
    )
    .footer("partners"),
    Binding::looks(
        &[Chord::char('p'), Chord::key(KeyCode::Esc)],
        "p / Esc",
        "back from the partners to the stage",
        WallAction::ClosePartners,
    )
    .unlisted()
    .footer_as("p/Esc", "back to the stage"),
];

/// What the wall did with a key.
pub enum WallKey {
    /// One of the wall's own keys: this is what the app should do, if anything.
    Used(Option<Intent>),
    /// Not one of the wall's keys now: the view's own keys, then the screen, may have it.
    Unused,
}

/// The stage screens of one view and how they are on show.
pub struct Wall {
    screens: Vec<Box<dyn Screen>>,
    partners: PartnersScreen,
    /// A sealed round takes the stage's place while it is open, and its answers once
    /// revealed until the moderator goes back.
    round: RoundScreen,
    /// The partners panel is over the stage.
    show_partners: bool,
    /// Focus mode (`z`): the selected item alone and large instead of the whole stage.
    /// The cursor keys still move, so the room can step from item to item.
    focus: bool,
    /// The conflict board and the version of the session it was computed for: the rules
    /// run once per change, not once per frame.
    board: RefCell<Option<(u64, Rc<[BoardEntry]>)>>,
}

impl Default for Wall {
    fn default() -> Wall {
        Wall {
            screens: Stage::ALL.into_iter().map(screen_for).collect(),
            partners: PartnersScreen::default(),
            round: RoundScreen::default(),
            show_partners: false,
            focus: false,
            board: RefCell::new(None),
        }
    }
}

impl Wall {
    /// The conflict board of `session`, which the caller names by `version` (a number
    /// that changes whenever the session does: the event count, the replay position).
    pub fn board(&self, session: &Session, version: u64) -> Rc<[BoardEntry]> {
        let mut cache = self.board.borrow_mut();
        match &*cache {
            Some((v, entries)) if *v == version => Rc::clone(entries),
            _ => {
                let entries: Rc<[BoardEntry]> = board(session).into();
                *cache = Some((version, Rc::clone(&entries)));
                entries
            }
        }
    }

    /// True while focus mode is on.
    pub fn is_focused(&self) -> bool {
        self.focus
    }

    /// True while the partners panel is over the stage.
    pub fn shows_partners(&self) -> bool {
        self.show_partners
    }

    /// Opens or closes the partners panel (a new session opens on it).
    pub fn set_partners(&mut self, show: bool) {
        self.show_partners = show;
        if !show {
            self.focus = false;
        }
    }

    /// Leaves focus mode and the partners panel: another stage is on show.
    pub fn stage_changed(&mut self) {
        self.show_partners = false;
        self.focus = false;
    }

    fn screen(&self, stage: Stage, ctx: &StageCtx) -> &dyn Screen {
        if self.show_partners {
            return &self.partners;
        }
        if self.round.is_up(ctx) {
            return &self.round;
        }
        // `screens` has one entry per stage in `Stage::ALL` order.
        self.screens[stage.index()].as_ref()
    }

    fn screen_mut(&mut self, stage: Stage, ctx: &StageCtx) -> &mut dyn Screen {
        if self.show_partners {
            return &mut self.partners;
        }
        if self.round.is_up(ctx) {
            return &mut self.round;
        }
        self.screens[stage.index()].as_mut()
    }

    /// True while a sealed round stands in for the stage.
    pub fn shows_round(&self, ctx: &StageCtx) -> bool {
        !self.show_partners && self.round.is_up(ctx)
    }

    /// Holds the answers of the last revealed round on the wall; false when there are
    /// none.
    pub fn show_round_result(&mut self, session: &Session) -> bool {
        self.show_partners = false;
        self.focus = false;
        self.round.show_last_result(session)
    }

    /// Whether a wall key means something now. Focus applies also when nothing is
    /// selected: the status then says so, rather than the key doing nothing.
    fn applies(&self, action: WallAction) -> bool {
        match action {
            WallAction::Focus => !self.focus,
            WallAction::Unfocus => self.focus,
            WallAction::Partners => !self.show_partners && !self.focus,
            WallAction::ClosePartners => self.show_partners && !self.focus,
        }
    }

    /// Gives `key` to the wall's own keys (focus, partners), when one of them means
    /// something now. A view tries these first, then its own keys, then `screen_key`.
    pub fn own_key(&mut self, stage: Stage, key: &KeyEvent, ctx: &StageCtx) -> WallKey {
        let Some(action) =
            bindings::dispatch(WALL_BINDINGS, key, ctx.read_only, |a| self.applies(a))
        else {
            return WallKey::Unused;
        };
        WallKey::Used(match action {
            WallAction::Focus => {
                if self.screen(stage, ctx).focus_card(ctx).is_some() {
                    self.focus = true;
                    None
                } else {
                    Some(Intent::Status(
                        "Nothing is selected here to focus on.".to_string(),
                    ))
                }
            }
            WallAction::Unfocus => {
                self.focus = false;
                None
            }
            WallAction::Partners => {
                self.show_partners = true;
                None
            }
            WallAction::ClosePartners => {
                self.show_partners = false;
                None
            }
        })
    }

    /// Gives `key` to the screen on show.
    pub fn screen_key(&mut self, stage: Stage, key: KeyEvent, ctx: &StageCtx) -> Option<Intent> {
        self.screen_mut(stage, ctx).handle_key(key, ctx)
    }

    /// The help lines of the wall's own keys.
    pub fn own_help(read_only: bool) -> Vec<KeyHelp> {
        bindings::help(WALL_BINDINGS, read_only)
    }

    /// The record says what the last change did: the screen on show moves its cursor
    /// there.
    pub fn follow(&mut self, stage: Stage, changed: &Changed, ctx: &StageCtx) {
        // A round's news goes to the round whatever is on show: a reveal puts the
        // answers up even over the stage they were not opened from.
        if let Changed::Round(_) = changed {
            Screen::follow(&mut self.round, changed, ctx);
            self.show_partners = false;
            self.focus = false;
            return;
        }
        self.screen_mut(stage, ctx).follow(changed, ctx);
    }

    /// The footer's keys: in focus mode only stepping and leaving; otherwise the screen's
    /// keys for where its cursor is.
    pub fn footer_keys(&self, stage: Stage, ctx: &StageCtx) -> Vec<(&'static str, &'static str)> {
        if self.focus {
            let mut keys = vec![("↑↓ ←→", "another item")];
            keys.extend(bindings::footer(WALL_BINDINGS, ctx.read_only, |a| {
                self.applies(a)
            }));
            return keys;
        }
        let mut keys = self.screen(stage, ctx).footer_keys(ctx);
        // Leaving the partners panel is always offered; a view that only looks also
        // offers what there is to look at.
        keys.extend(bindings::footer(WALL_BINDINGS, ctx.read_only, |a| {
            let offered = match a {
                WallAction::ClosePartners => true,
                WallAction::Focus | WallAction::Partners => ctx.read_only,
                WallAction::Unfocus => false,
            };
            offered && self.applies(a)
        }));
        keys
    }

    /// The title and keys of the screen on show, then the wall's own keys, for help.
    pub fn help(&self, stage: Stage, ctx: &StageCtx) -> (&'static str, Vec<KeyHelp>) {
        let screen = self.screen(stage, ctx);
        (screen.title(), screen.help(ctx.read_only))
    }

    /// Every screen of the wall with its keys, the partners panel first and then the
    /// stages in order: the README's keymap is written from this.
    pub fn keymap(&self, read_only: bool) -> Vec<(&'static str, Vec<KeyHelp>)> {
        std::iter::once(&self.partners as &dyn Screen)
            .chain(self.screens.iter().map(|s| s.as_ref()))
            .chain(std::iter::once(&self.round as &dyn Screen))
            .map(|s| (s.title(), s.help(read_only)))
            .collect()
    }

    /// The selected item of the screen on show, for focus mode.
    pub fn focus_card(&self, stage: Stage, ctx: &StageCtx) -> Option<FocusCard> {
        self.screen(stage, ctx).focus_card(ctx)
    }

    /// The keys the footer offers now, each with the key event that presses it.
    pub fn offered_keys(&self, stage: Stage, ctx: &StageCtx) -> Vec<(&'static str, KeyEvent)> {
        self.screen(stage, ctx).offered_keys(ctx)
    }

    /// Draws the screen on show into `body` under a large title when the terminal
    /// (`screen_height` rows) is tall enough, or in focus mode its selected item alone.
    /// Should the item be gone (undone, say), the stage shows rather than an empty screen.
    pub fn render(
        &self,
        stage: Stage,
        frame: &mut Frame,
        body: Rect,
        screen_height: u16,
        ctx: &StageCtx,
    ) {
        let screen = self.screen(stage, ctx);
        let card = if self.focus {
            screen.focus_card(ctx)
        } else {
            None
        };
        if let Some(card) = card {
            render_focus(frame, body, &card, ctx.theme, screen_height, &ctx.fit);
            return;
        }
        let title = if self.show_partners {
            "Partners"
        } else if self.shows_round(ctx) {
            "Sealed round"
        } else {
            stage.label()
        };
        let (title_area, body) = split_big_title(body, screen_height, title);
        render_big_title(frame, title_area, ctx.theme);
        screen.render(frame, body, ctx);
    }
}
