//! The five stage screens of one view, each keeping its own cursor, and what every view
//! does with them alike: draw the stage on show (large title and all) or, in focus
//! mode, its selected item; pass a key to it; name its keys and its selected item.
//! The live session, the replay and the audience view each hold one set.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::domain::Stage;
use crate::tui::chrome::{render_big_title, split_big_title};
use crate::tui::intent::Intent;

use super::conflicts::ConflictsScreen;
use super::focus::render_focus;
use super::interests::InterestsScreen;
use super::roles::RolesScreen;
use super::summary::SummaryScreen;
use super::vision::VisionScreen;
use super::{FocusCard, StageCtx};

#[derive(Default)]
pub struct StageScreens {
    pub vision: VisionScreen,
    pub roles: RolesScreen,
    pub interests: InterestsScreen,
    pub conflicts: ConflictsScreen,
    pub summary: SummaryScreen,
}

impl StageScreens {
    /// Draws `stage` into `body`, under a large title when the terminal (`screen_height`
    /// rows) is tall enough.
    pub fn render(
        &self,
        stage: Stage,
        frame: &mut Frame,
        body: Rect,
        screen_height: u16,
        ctx: &StageCtx,
    ) {
        let (title, body) = split_big_title(body, screen_height, stage.label());
        render_big_title(frame, title, ctx.theme);
        match stage {
            Stage::Vision => self.vision.render(frame, body, ctx),
            Stage::Roles => self.roles.render(frame, body, ctx),
            Stage::Interests => self.interests.render(frame, body, ctx),
            Stage::Conflicts => self.conflicts.render(frame, body, ctx),
            Stage::Summary => self.summary.render(frame, body, ctx),
        }
    }

    /// Draws `stage`, or in focus mode its selected item alone. Should the item be gone
    /// (undone, say), the stage shows rather than an empty screen.
    pub fn render_or_focus(
        &self,
        stage: Stage,
        focus: bool,
        frame: &mut Frame,
        body: Rect,
        screen_height: u16,
        ctx: &StageCtx,
    ) {
        let card = if focus {
            self.focus_card(stage, ctx)
        } else {
            None
        };
        match card {
            Some(card) => render_focus(frame, body, &card, ctx.theme, screen_height, &ctx.fit),
            None => self.render(stage, frame, body, screen_height, ctx),
        }
    }

    /// Gives `key` to the screen of `stage`.
    pub fn handle_key(&mut self, stage: Stage, key: KeyEvent, ctx: &StageCtx) -> Option<Intent> {
        match stage {
            Stage::Vision => self.vision.handle_key(key, ctx),
            Stage::Roles => self.roles.handle_key(key, ctx),
            Stage::Interests => self.interests.handle_key(key, ctx),
            Stage::Conflicts => self.conflicts.handle_key(key, ctx),
            Stage::Summary => self.summary.handle_key(key, ctx),
        }
    }

    /// The selected item of `stage`, for focus mode.
    pub fn focus_card(&self, stage: Stage, ctx: &StageCtx) -> Option<FocusCard> {
        match stage {
            Stage::Vision => self.vision.focus_card(ctx),
            Stage::Roles => self.roles.focus_card(ctx),
            Stage::Interests => self.interests.focus_card(ctx),
            Stage::Conflicts => self.conflicts.focus_card(ctx),
            Stage::Summary => self.summary.focus_card(ctx),
        }
    }

    /// The keys the footer offers on `stage`.
    pub fn footer_keys(&self, stage: Stage) -> Vec<(&'static str, &'static str)> {
        match stage {
            Stage::Vision => self.vision.footer_keys(),
            Stage::Roles => self.roles.footer_keys(),
            Stage::Interests => self.interests.footer_keys(),
            Stage::Conflicts => self.conflicts.footer_keys(),
            Stage::Summary => self.summary.footer_keys(),
        }
    }
}
