//! The stage screens that still write their keys by hand, seen through `Screen` until
//! each is rewritten around its own key table (`StageScreen`). Each screen's entry goes
//! when it is.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::domain::timeline::Changed;
use crate::tui::intent::Intent;
use crate::tui::widgets::KeyHelp;

use super::screen::Screen;
use super::{FocusCard, StageCtx};

macro_rules! hand_written_screen {
    ($screen:ty, $title:expr, $keys:expr) => {
        impl Screen for $screen {
            fn title(&self) -> &'static str {
                $title
            }
            fn handle_key(&mut self, key: KeyEvent, ctx: &StageCtx) -> Option<Intent> {
                <$screen>::handle_key(self, key, ctx)
            }
            fn footer_keys(&self, ctx: &StageCtx) -> Vec<(&'static str, &'static str)> {
                if ctx.read_only {
                    return Vec::new();
                }
                <$screen>::footer_keys(self)
            }
            fn help(&self, _read_only: bool) -> Vec<KeyHelp> {
                $keys.to_vec()
            }
            fn offered_keys(&self, _ctx: &StageCtx) -> Vec<(&'static str, KeyEvent)> {
                Vec::new()
            }
            fn render(&self, frame: &mut Frame, area: Rect, ctx: &StageCtx) {
                <$screen>::render(self, frame, area, ctx);
            }
            fn focus_card(&self, ctx: &StageCtx) -> Option<FocusCard> {
                <$screen>::focus_card(self, ctx)
            }
            fn follow(&mut self, _changed: &Changed, _ctx: &StageCtx) {}
        }
    };
}

hand_written_screen!(
    super::vision::VisionScreen,
    "Market vision",
    super::vision::KEYS
);
hand_written_screen!(super::roles::RolesScreen, "Role split", super::roles::KEYS);
hand_written_screen!(
    super::interests::InterestsScreen,
    "Self-interest disclosure",
    super::interests::KEYS
);
hand_written_screen!(
    super::conflicts::ConflictsScreen,
    "Conflict check",
    super::conflicts::KEYS
);
hand_written_screen!(
    super::partners::PartnersScreen,
    "Partners and representatives",
    super::partners::KEYS
);
