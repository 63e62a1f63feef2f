//! Drawing the self-interest stage: one column per partner, its interests over the
//! coverage that fits under them (or the full coverage view), and what did not fit.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::domain::ItemId;
use crate::domain::timeline::Changed;
use crate::tui::widgets::wrap_lines;

use super::super::columns::{ColumnWindow, partner_columns};
use super::super::{StageCtx, draw_lines};
use super::coverage::{
    CoverageFacts, draw_coverage_column, draw_strip, exec_only_prompt, legend_line, strip_rows,
    verdict,
};
use super::forms::column_items;
use super::list::{
    Column, EdgeHints, draw_bottom_hints, draw_frame, draw_list, draw_rule, hanging, pad,
};
use super::{InterestsScreen, MIN_COLUMN_WIDTH, MIN_LIST_ROWS};

/// How much of the coverage the interest view has room for under each column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CoverageFit {
    /// Not even a verdict line fits.
    None,
    /// A verdict (or the gentle prompt) in one or two lines.
    Verdict,
    /// Verdict, what is missing, and the mark of every function.
    Strip,
}

impl InterestsScreen {
    /// Draws the stage body into `area`.
    pub(super) fn draw(&self, frame: &mut Frame, area: Rect, ctx: &StageCtx) {
        let session = ctx.session;
        let theme = ctx.theme;
        let buf = frame.buffer_mut();
        if session.partners.is_empty() {
            // Partners are added on the partners panel, which only a live session can change.
            let text = if ctx.read_only {
                "No partners yet"
            } else {
                "No partners yet — press p to add them"
            };
            let line = Line::styled(text, theme.muted);
            buf.set_line(area.x, area.y, &line, area.width);
            return;
        }
        let focus = self.partner.min(session.partners.len() - 1);
        let changed = match ctx.highlight {
            Some(Changed::Interest(id)) => Some(*id),
            _ => None,
        };

        // The legend explains the coverage marks; it is only worth a row when marks show.
        let probe = partner_columns(area, session.partners.len(), focus, MIN_COLUMN_WIDTH);
        let column_width = probe
            .columns
            .iter()
            .map(|(_, r)| r.width)
            .min()
            .unwrap_or(0);
        let content_width = usize::from(column_width.saturating_sub(4));
        let with_legend = Rect {
            height: area.height.saturating_sub(1),
            ..area
        };
        let (fit, coverage_rows) = if self.coverage {
            (CoverageFit::Strip, 0)
        } else {
            coverage_fit(ctx, &probe, with_legend.height, content_width)
        };
        let show_legend = fit == CoverageFit::Strip && area.height >= 6;
        let columns_area = if show_legend { with_legend } else { area };
        let window = partner_columns(
            columns_area,
            session.partners.len(),
            focus,
            MIN_COLUMN_WIDTH,
        );

        let mut unseen = Unseen::default();
        let last_slot = window.columns.len().saturating_sub(1);
        for (slot, (index, rect)) in window.columns.iter().enumerate() {
            let hints = EdgeHints {
                left: if slot == 0 { window.hidden_left } else { 0 },
                right: if slot == last_slot {
                    window.hidden_right
                } else {
                    0
                },
            };
            let column = Column {
                index: *index,
                rect: rect.intersection(area),
                focused: *index == focus,
                hints,
            };
            if self.coverage {
                unseen.add(draw_coverage_column(buf, ctx, &column));
            } else {
                let column_unseen =
                    self.draw_interest_column(buf, ctx, &column, (fit, coverage_rows), changed);
                if !column.focused && column_unseen.interests > 0 {
                    unseen.elsewhere = true;
                }
                unseen.add(column_unseen);
            }
        }
        unseen.report(ctx, window.hidden_left + window.hidden_right);
        if show_legend {
            let y = area.bottom().saturating_sub(1);
            let legend = legend_line(theme, area.width.saturating_sub(1));
            buf.set_line(
                area.x.saturating_add(1),
                y,
                &legend,
                area.width.saturating_sub(1),
            );
        }
    }

    fn draw_interest_column(
        &self,
        buf: &mut Buffer,
        ctx: &StageCtx,
        column: &Column,
        (fit, coverage_rows): (CoverageFit, u16),
        changed: Option<ItemId>,
    ) -> Unseen {
        let (session, theme) = (ctx.session, ctx.theme);
        let Some(partner) = session.partners.get(column.index) else {
            return Unseen::default();
        };
        let items = column_items(session, partner.id);
        let inner = draw_frame(buf, theme, column, &partner.name, items.len());
        if inner.is_empty() {
            return Unseen {
                interests: items.len(),
                ..Unseen::default()
            };
        }
        let content = pad(inner);
        let facts = CoverageFacts::of(session, partner.id).seen_by(ctx.read_only);

        let coverage_rows = coverage_rows.min(inner.height);
        let list_height = inner.height - coverage_rows;
        let list = Rect {
            height: list_height,
            ..content
        };
        let below = Rect::new(
            content.x,
            content.y + list_height,
            content.width,
            coverage_rows,
        );

        let mut unseen = Unseen::default();
        let mut hidden = (0, 0);
        if items.is_empty() {
            let text = if column.focused && !ctx.read_only {
                "No interests yet — press a to add one"
            } else {
                "No interests yet"
            };
            let style = if column.focused {
                theme.text
            } else {
                theme.muted
            };
            let lines = wrap_lines(&[Line::styled(text, style)], content.width);
            draw_lines(buf, list, &lines);
        } else {
            let cursor = self.resolve(partner.id, &items);
            let at = (cursor, column.focused, changed);
            let drawn = draw_list(buf, theme, &items, at, list, inner);
            hidden = (drawn.above, drawn.below);
            unseen.interests = drawn.above + drawn.below;
            unseen.lines = drawn.cut_rows;
        }
        draw_bottom_hints(buf, theme, column, hidden.1);

        // Under the lists the coverage is cut down to a verdict line, or left out, when
        // rows are short; `c` shows it whole.
        unseen.grids = usize::from(fit != CoverageFit::Strip);
        match fit {
            CoverageFit::None => {}
            CoverageFit::Verdict => {
                let rest = draw_rule(buf, theme, below);
                let (mark, text, style) = match exec_only_prompt(&facts) {
                    Some(prompt) => ("○", prompt, theme.warn),
                    None => verdict(&facts, theme),
                };
                draw_lines(buf, rest, &hanging(mark, &text, style, rest.width));
            }
            CoverageFit::Strip => {
                let rest = draw_rule(buf, theme, below);
                unseen.functions = draw_strip(buf, theme, &facts, rest);
            }
        }
        unseen
    }
}

/// What the columns of one frame could not show, added up for the footer's fit check.
#[derive(Debug, Default)]
pub(super) struct Unseen {
    /// Interests scrolled out of their column, above and below.
    pub(super) interests: usize,
    /// Whether some of those are in a column other than the focused one, which the
    /// cursor reaches only after ←→.
    pub(super) elsewhere: bool,
    /// Rows of text cut off: statements past their two rows, coverage sentences past
    /// the bottom of their box.
    pub(super) lines: usize,
    /// Columns whose coverage grid gave way to a verdict line, or to nothing.
    pub(super) grids: usize,
    /// Functions of a coverage grid that had no row left.
    pub(super) functions: usize,
}

impl Unseen {
    fn add(&mut self, other: Unseen) {
        self.interests += other.interests;
        self.elsewhere |= other.elsewhere;
        self.lines += other.lines;
        self.grids += other.grids;
        self.functions += other.functions;
    }

    /// Tells the footer, with the keys that bring each part into view. `partners` are
    /// the columns beyond either edge.
    fn report(&self, ctx: &StageCtx, partners: usize) {
        // ↑↓ scroll only the focused column; the others need ←→ first. When partners are
        // hidden too, ←→ is named for them already and needs no second mention.
        let keys = if self.elsewhere && partners == 0 {
            "←→ ↑↓"
        } else {
            "↑↓"
        };
        ctx.fit.hide(self.interests, "interests", keys);
        ctx.fit.hide(partners, "partners", "←→");
        ctx.fit.hide(self.grids, "coverage grids", "c");
        // Cut text has no key that scrolls it: focus mode shows the selected item whole.
        ctx.fit.hide(self.lines, "lines of detail", "z");
        ctx.fit.hide(self.functions, "functions", "z");
    }
}

/// How much coverage fits under the lists and how many rows it takes. Decided once for
/// all columns (the tallest need wins) so the rules and grids line up across the wall.
fn coverage_fit(
    ctx: &StageCtx,
    window: &ColumnWindow,
    height: u16,
    width: usize,
) -> (CoverageFit, u16) {
    let (session, theme) = (ctx.session, ctx.theme);
    const VERDICT_ROWS: u16 = 1 + 2;
    let inner = height.saturating_sub(2);
    if width == 0 {
        return (CoverageFit::None, 0);
    }
    let strip = window
        .columns
        .iter()
        .filter_map(|(i, _)| session.partners.get(*i))
        .map(|p| {
            let facts = CoverageFacts::of(session, p.id).seen_by(ctx.read_only);
            strip_rows(&facts, theme, width)
        })
        .max()
        .unwrap_or(0);
    if inner >= strip.saturating_add(MIN_LIST_ROWS) {
        (CoverageFit::Strip, strip)
    } else if inner >= VERDICT_ROWS + 4 {
        (CoverageFit::Verdict, VERDICT_ROWS)
    } else {
        (CoverageFit::None, 0)
    }
}
