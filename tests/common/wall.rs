//! Drawing one stage of a session the way the wall does, for tests that read what the
//! room would see (counts, overdue marks, agreement withdrawn).

use chrono::{DateTime, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use sameside::domain::board::board;
use sameside::domain::{History, Stage};
use sameside::tui::stages::StageCtx;
use sameside::tui::theme::Theme;
use sameside::tui::wall::Wall;

/// `stage` of `history` drawn on a `width` × `height` terminal in the dark theme, the
/// app clock at `now`: one string, rows joined by newlines, non-breaking spaces read as
/// spaces.
pub fn stage_text(
    history: &History,
    stage: Stage,
    now: DateTime<Utc>,
    (width, height): (u16, u16),
) -> String {
    let session = history.session();
    let board = board(session);
    let theme = Theme::dark();
    let wall = Wall::default();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| {
            let ctx = StageCtx::new(session, &board, &theme, false, None).on(now);
            wall.render(stage, frame, Rect::new(0, 0, width, height), height, &ctx);
        })
        .expect("drawing into a test terminal");
    let buf = terminal.backend().buffer().clone();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
                .replace('\u{a0}', " ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}
