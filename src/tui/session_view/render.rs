//! Drawing an open session: header, the wall, footer.

use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::tui::chrome::{render_footer, render_header, wall_layout};
use crate::tui::stages::StageCtx;
use crate::tui::theme::Theme;

use super::SessionView;

impl SessionView {
    pub fn render(
        &self,
        frame: &mut Frame,
        area: Rect,
        theme: &Theme,
        now: DateTime<Utc>,
        status: Option<(&str, Style)>,
    ) {
        let session = self.history.session();
        let [header_area, body, _, footer_area] = wall_layout(area, 0);
        let badge = match (&self.read_only, self.writer_gone) {
            (None, _) => None,
            (Some(_), false) => Some("READ-ONLY"),
            (Some(_), true) => Some("FREE: o TAKES OVER"),
        };
        render_header(
            frame,
            header_area,
            session,
            self.stage(),
            self.spent_now(now),
            badge,
            theme,
        );
        let board = self.board();
        let ctx = StageCtx::new(session, &board, theme, self.read_only.is_some(), None).on(now);
        self.wall
            .render(self.stage(), frame, body, area.height, &ctx);
        let fallback;
        let status = match status {
            Some(s) => Some(s),
            None => match &self.read_only {
                Some(reason) => {
                    fallback = format!("Read-only: {reason}");
                    Some((fallback.as_str(), theme.warn))
                }
                None => None,
            },
        };
        render_footer(
            frame,
            footer_area,
            &self.footer_keys(&ctx),
            status,
            &ctx.fit,
            theme,
        );
    }
}
