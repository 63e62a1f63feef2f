//! The rows of the action items: what, who and by when, in columns, scrolled to the
//! cursor, with a date that has passed saying so.

use ratatui::text::{Line, Span};

use crate::domain::timeline::Changed;
use crate::tui::widgets::display_width;

use super::super::text::{one_line, wrap_text};
use super::super::{CHANGED_MARK, StageCtx, mark_changed, scroll_offset};
use super::dialogs::DATE_FORMAT;
use super::entries::{GAP, cell};
use super::lists::no_actions;

/// Cells for the owner and due-date columns of the action items.
const OWNER_WIDTH: usize = 20;
const DUE_WIDTH: usize = 10;
/// Said after a due date that has passed.
const OVERDUE: &str = " overdue";

/// The rows of the action items in view, and how many rows of their texts were cut to
/// fit one row each.
pub(super) fn action_lines(
    ctx: &StageCtx,
    width: usize,
    rows: usize,
    cursor: Option<usize>,
) -> (Vec<Line<'static>>, usize) {
    let theme = ctx.theme;
    let actions = &ctx.session.actions;
    if actions.is_empty() {
        let line = Line::styled(no_actions(ctx), theme.muted);
        return (vec![line], 0);
    }
    // The owner column is as wide as the longest owner, so the text gets the rest.
    let longest_owner = actions
        .iter()
        .map(|a| display_width(a.owner.trim()))
        .max()
        .unwrap_or(0)
        .max(display_width("no owner"));
    let owner_w = longest_owner.min(OWNER_WIDTH).min(width / 4);
    // An overdue date says so beside it, which takes a wider column.
    let due_w = if actions.iter().any(|a| ctx.is_overdue(a)) {
        (DUE_WIDTH + OVERDUE.len()).min(width / 4)
    } else {
        DUE_WIDTH.min(width / 6)
    };
    let text_w = width.saturating_sub(2 + GAP + owner_w + GAP + due_w);
    let first = scroll_offset(cursor.unwrap_or(0), actions.len(), rows);
    let mut cut = 0;
    let lines = actions
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(i, action)| {
            let text = one_line(&action.text);
            // Wrapped only when it does not fit, to count what the cell leaves out.
            if display_width(&text) > text_w {
                cut += wrap_text(&text, text_w as u16).len().saturating_sub(1);
            }
            let selected = cursor == Some(i);
            let (owner, owner_style) = if action.owner.trim().is_empty() {
                ("no owner".to_string(), theme.muted)
            } else {
                (action.owner.clone(), theme.text)
            };
            let (due, due_style) = match action.due {
                Some(d) if ctx.is_overdue(action) => {
                    (format!("{}{OVERDUE}", d.format(DATE_FORMAT)), theme.bad)
                }
                Some(d) => (d.format(DATE_FORMAT).to_string(), theme.text),
                None => ("no date".to_string(), theme.muted),
            };
            let mut line = Line::from(vec![
                Span::raw(if selected { "▶ " } else { "  " }),
                cell(&text, text_w, theme.text),
                Span::raw(" ".repeat(GAP)),
                cell(&owner, owner_w, owner_style),
                Span::raw(" ".repeat(GAP)),
                cell(&due, due_w, due_style),
            ]);
            let changed = ctx.highlight == Some(&Changed::Action(action.id));
            if selected {
                for span in &mut line.spans {
                    span.style = theme.selected;
                }
                if changed {
                    line.spans[0].content = format!("{CHANGED_MARK} ").into();
                }
            } else if changed {
                mark_changed(&mut line, theme);
            }
            line
        })
        .collect();
    (lines, cut)
}
