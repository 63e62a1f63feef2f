//! How the summary shares the screen: the verdict at the top, how far the conflict
//! check came right under it, the lists in what is left (side by side on a wide
//! screen), and the time at the bottom.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

use crate::domain::GateDecision;
use crate::domain::timeline::Changed;
use crate::tui::widgets::wrap_lines;

use super::super::conflicts::readiness_rows;
use super::super::{StageCtx, take_top};
use super::Focus;
use super::entries::{GAP, Section};
use super::lists::render_sections;
use super::time::time_line;
use super::verdict::{render_verdict, verdict_body};

/// Below this width the lists stack; at or above it agreements and open conflicts sit
/// beside the action items.
pub(super) const TWO_COLUMN_MIN_WIDTH: u16 = 120;

/// Draws the summary into `area` with the cursor on `focus`, at `index` in its list.
pub(super) fn render(
    frame: &mut Frame,
    area: Rect,
    ctx: &StageCtx,
    (focus, index): (Focus, usize),
) {
    let session = ctx.session;
    let theme = ctx.theme;

    // The time line sits at the bottom; the verdict takes what it needs at the top;
    // the lists share what is left.
    let compact = area.width < TWO_COLUMN_MIN_WIDTH;
    let time = wrap_lines(&[time_line(session, theme, compact)], area.width);
    let time_h = if area.height >= 10 {
        time.len().min(3) as u16
    } else {
        0
    };
    let above_time = Rect::new(
        area.x,
        area.y,
        area.width,
        area.height.saturating_sub(time_h + u16::from(time_h > 0)),
    );
    let time_area = Rect::new(
        area.x,
        area.bottom().saturating_sub(time_h),
        area.width,
        time_h,
    )
    .intersection(area);
    // The verdict's focus card carries the note, the readiness and the time whole.
    ctx.fit.hide(
        time.len().saturating_sub(usize::from(time_area.height)),
        "lines of detail",
        "z",
    );
    frame.render_widget(Paragraph::new(time), time_area);

    let mut verdict_lines = verdict_body(
        session,
        theme,
        ctx.read_only,
        above_time.width.saturating_sub(6),
    );
    // Room for the verdict word and one line of its note at the least, and never
    // more than half the screen; the blank line under the verdict goes first.
    let cap = usize::from((above_time.height / 2).max(4));
    if verdict_lines.len() + 2 > cap
        && let Some(blank) = verdict_lines.iter().position(|l| l.width() == 0)
    {
        verdict_lines.remove(blank);
    }
    let verdict_h = (verdict_lines.len() as u16 + 2)
        .min(cap as u16)
        .min(above_time.height);
    let (verdict_area, rest) = take_top(above_time, verdict_h);
    // The box takes a row above and below its text.
    let verdict_rows = usize::from(verdict_area.height.saturating_sub(2));
    ctx.fit.hide(
        verdict_lines.len().saturating_sub(verdict_rows),
        "lines of detail",
        "z",
    );
    render_verdict(
        frame,
        verdict_area,
        theme,
        verdict_lines,
        (
            focus == Focus::Verdict,
            ctx.highlight == Some(&Changed::Verdict),
        ),
    );
    // How far the room came with its conflicts, right under the verdict it explains.
    // After a pass at the gate there was no conflict check to measure.
    let passed = matches!(ctx.session.gate, Some(GateDecision::TakeAPass { .. }));
    let rest = if passed {
        rest
    } else {
        let ready = readiness_rows(ctx.board, theme, rest.width);
        let room = if rest.height >= 4 { 2 } else { 0 };
        let (rows, below) = take_top(rest, ready.len().min(room) as u16);
        ctx.fit.hide(
            ready.len().saturating_sub(usize::from(rows.height)),
            "lines of detail",
            "z",
        );
        frame.render_widget(Paragraph::new(ready), rows);
        below
    };
    let lists = if rest.height > 12 {
        take_top(rest, 1).1
    } else {
        rest
    };

    let selected = focus.section().map(|s| (s, index));
    if lists.width >= TWO_COLUMN_MIN_WIDTH {
        let left_w = lists.width.saturating_sub(GAP as u16 * 2) / 2;
        let left = Rect::new(lists.x, lists.y, left_w, lists.height);
        let right_x = lists.x.saturating_add(left_w + GAP as u16 * 2);
        let right = Rect::new(
            right_x,
            lists.y,
            lists.right().saturating_sub(right_x),
            lists.height,
        )
        .intersection(lists);
        let sections = [Section::Agreements, Section::Conflicts];
        render_sections(frame, left, ctx, &sections, selected);
        render_sections(frame, right, ctx, &[Section::Actions], selected);
    } else {
        let sections = [Section::Agreements, Section::Conflicts, Section::Actions];
        render_sections(frame, lists, ctx, &sections, selected);
    }
}
