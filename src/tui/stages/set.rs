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
use super::screen::Screen;
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
            Stage::Vision => Screen::render(&self.vision, frame, body, ctx),
            Stage::Roles => Screen::render(&self.roles, frame, body, ctx),
            Stage::Interests => Screen::render(&self.interests, frame, body, ctx),
            Stage::Conflicts => Screen::render(&self.conflicts, frame, body, ctx),
            Stage::Summary => Screen::render(&self.summary, frame, body, ctx),
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
            Stage::Vision => Screen::handle_key(&mut self.vision, key, ctx),
            Stage::Roles => Screen::handle_key(&mut self.roles, key, ctx),
            Stage::Interests => Screen::handle_key(&mut self.interests, key, ctx),
            Stage::Conflicts => Screen::handle_key(&mut self.conflicts, key, ctx),
            Stage::Summary => Screen::handle_key(&mut self.summary, key, ctx),
        }
    }

    /// The screen of `stage` as the help overlay sees it: its title and keys.
    pub fn help(
        &self,
        stage: Stage,
        read_only: bool,
    ) -> (&'static str, Vec<super::super::widgets::KeyHelp>) {
        let screen: &dyn Screen = match stage {
            Stage::Vision => &self.vision,
            Stage::Roles => &self.roles,
            Stage::Interests => &self.interests,
            Stage::Conflicts => &self.conflicts,
            Stage::Summary => &self.summary,
        };
        (screen.title(), screen.help(read_only))
    }

    /// The selected item of `stage`, for focus mode.
    pub fn focus_card(&self, stage: Stage, ctx: &StageCtx) -> Option<FocusCard> {
        match stage {
            Stage::Vision => Screen::focus_card(&self.vision, ctx),
            Stage::Roles => Screen::focus_card(&self.roles, ctx),
            Stage::Interests => Screen::focus_card(&self.interests, ctx),
            Stage::Conflicts => Screen::focus_card(&self.conflicts, ctx),
            Stage::Summary => Screen::focus_card(&self.summary, ctx),
        }
    }

    /// The keys the footer offers on `stage`.
    pub fn footer_keys(&self, stage: Stage, ctx: &StageCtx) -> Vec<(&'static str, &'static str)> {
        match stage {
            Stage::Vision => Screen::footer_keys(&self.vision, ctx),
            Stage::Roles => Screen::footer_keys(&self.roles, ctx),
            Stage::Interests => Screen::footer_keys(&self.interests, ctx),
            Stage::Conflicts => Screen::footer_keys(&self.conflicts, ctx),
            Stage::Summary => Screen::footer_keys(&self.summary, ctx),
        }
    }
}
