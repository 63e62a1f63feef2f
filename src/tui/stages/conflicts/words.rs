//! How the conflict check words and orders its entries: the groups of the list and
//! their order, partner names that fit a cell, the status as the list says it, and text
//! cut or wrapped to the room a column has.

use std::cmp::Reverse;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::domain::board::{BoardEntry, Source};
use crate::domain::{ConflictStatus, PartnerId, Session};
use crate::tui::theme::Theme;
use crate::tui::widgets::{display_width, truncate_to_width, wrap_lines};

use super::matrix::Filter;
use crate::tui::stages::StageCtx;
use crate::tui::stages::marks::spans_width;
use crate::tui::stages::text::one_line;

/// Which block of the list a status belongs to: open ones first, then parked ones (still
/// undecided), deal-breakers (they decide the verdict), settled ones, and last the ones
/// the room judged not to be conflicts.
pub(super) fn group(status: &ConflictStatus) -> u8 {
    match status {
        ConflictStatus::Open => 0,
        ConflictStatus::Parked => 1,
        ConflictStatus::DealBreaker => 2,
        ConflictStatus::Resolved { .. } | ConflictStatus::AcceptedRisk => 3,
        ConflictStatus::Dismissed { .. } => 4,
    }
}

pub(super) fn group_heading(group: u8) -> &'static str {
    match group {
        0 => "OPEN",
        1 => "PARKED — for a later meeting",
        2 => "DEAL-BREAKERS",
        3 => "SETTLED",
        _ => "DISMISSED — judged not to be conflicts",
    }
}

/// Positions on the board, in the order the list shows them, narrowed to `filter`.
pub(super) fn display_order(ctx: &StageCtx, filter: Option<&Filter>) -> Vec<usize> {
    let board = ctx.board;
    let mut order: Vec<usize> = (0..board.len())
        .filter(|&i| filter.is_none_or(|f| f.holds(ctx.session, &board[i])))
        .collect();
    order.sort_by_key(|&i| (group(&board[i].status), Reverse(board[i].severity), i));
    order
}

/// User text as one quoted line, short enough for a dialog.
pub(super) fn quote(text: &str) -> String {
    format!("'{}'", truncate_to_width(&one_line(text), 140))
}

/// Where a conflict comes from, in a word or two: the rule's name, or "entered".
pub(super) fn source_tag(entry: &BoardEntry) -> String {
    match &entry.source {
        Source::Detected { rule, .. } => rule.label().to_string(),
        Source::Moderator(_) => "entered".to_string(),
    }
}

/// The first word of a partner's name where it tells the partners apart, else the name.
pub(super) fn short_name(session: &Session, id: PartnerId) -> String {
    let full = session.partner_name(id);
    let first_word = |name: &str| name.split_whitespace().next().unwrap_or("").to_lowercase();
    let word = first_word(&full);
    let unique = session
        .partners
        .iter()
        .filter(|p| first_word(&p.name) == word)
        .count()
        == 1;
    match full.split_whitespace().next() {
        Some(w) if unique => w.to_string(),
        _ => full,
    }
}

pub(super) fn partner_style(session: &Session, theme: &Theme, id: PartnerId) -> Style {
    session
        .partner_index(id)
        .map_or(theme.muted, |i| theme.partner(i))
}

/// The partners a conflict involves, each name in its partner's colour. `short` uses
/// each partner's first word where that still tells the partners apart.
pub(super) fn partner_spans(
    session: &Session,
    theme: &Theme,
    partners: &[PartnerId],
    short: bool,
) -> Vec<Span<'static>> {
    if partners.is_empty() {
        return vec![Span::styled("no partner named", theme.muted)];
    }
    // With more than two partners, naming them all is noise; two names are clearer than
    // "all partners" when only two are in the room.
    if session.partners.len() > 2 && involves_everyone(session, partners) {
        return vec![Span::styled("all partners", theme.text)];
    }
    let joiner = if partners.len() == 2 { " & " } else { ", " };
    let mut spans = Vec::with_capacity(partners.len() * 2);
    for (n, id) in partners.iter().enumerate() {
        if n > 0 {
            spans.push(Span::styled(joiner, theme.muted));
        }
        let name = if short {
            short_name(session, *id)
        } else {
            session.partner_name(*id)
        };
        spans.push(Span::styled(name, partner_style(session, theme, *id)));
    }
    spans
}

pub(super) fn involves_everyone(session: &Session, partners: &[PartnerId]) -> bool {
    session.partners.iter().all(|p| partners.contains(&p.id))
}

/// The partners for a table cell of `width` cells: full names when they fit, else first
/// words, else "both partners" when it is everyone, else the full names cut short.
pub(super) fn partner_cell(
    session: &Session,
    theme: &Theme,
    partners: &[PartnerId],
    width: usize,
) -> Vec<Span<'static>> {
    let full = partner_spans(session, theme, partners, false);
    if spans_width(&full) <= width {
        return full;
    }
    let short = partner_spans(session, theme, partners, true);
    if spans_width(&short) <= width {
        return short;
    }
    if involves_everyone(session, partners) {
        let words = if session.partners.len() == 2 {
            "both partners"
        } else {
            "all partners"
        };
        return vec![Span::styled(words, theme.text)];
    }
    short
}

/// The status as the list shows it, with the agreement or the reason after it.
pub(super) fn status_text(status: &ConflictStatus) -> String {
    match status {
        ConflictStatus::Resolved { agreement } => format!("resolved: {}", one_line(agreement)),
        ConflictStatus::Dismissed { reason } => format!("dismissed: {}", one_line(reason)),
        ConflictStatus::DealBreaker => "✖ deal-breaker".to_string(),
        other => other.label().to_string(),
    }
}

pub(super) fn status_style(status: &ConflictStatus, theme: &Theme) -> Style {
    match status {
        ConflictStatus::Open => theme.text,
        ConflictStatus::DealBreaker => theme.bad,
        _ => theme.muted,
    }
}

/// `spans` cut or padded to exactly `width` cells, ending in "…" when cut.
pub(super) fn fit(spans: Vec<Span<'static>>, width: usize) -> Vec<Span<'static>> {
    let total = spans_width(&spans);
    let mut out = Vec::with_capacity(spans.len() + 1);
    if total <= width {
        out.extend(spans);
        if total < width {
            out.push(Span::raw(" ".repeat(width - total)));
        }
        return out;
    }
    let mut left = width;
    for span in spans {
        let w = display_width(&span.content);
        // Keep one cell for the ellipsis unless this span is cut anyway.
        if w < left {
            left -= w;
            out.push(span);
            continue;
        }
        let cut = truncate_to_width(&span.content, left);
        left = left.saturating_sub(display_width(&cut));
        out.push(Span::styled(cut, span.style));
        break;
    }
    if left > 0 {
        out.push(Span::raw(" ".repeat(left)));
    }
    out
}

/// Wraps `line` to `width` and keeps at most `max` rows, the last ending in "…" when
/// anything was left out; and how many rows it left out.
pub(super) fn wrap_at_most(line: Line<'_>, width: u16, max: usize) -> (Vec<Line<'static>>, usize) {
    let mut rows = wrap_lines(&[line], width);
    let cut = rows.len().saturating_sub(max);
    if rows.len() > max {
        rows.truncate(max);
        if let Some(last) = rows.last_mut() {
            let mut spans = std::mem::take(&mut last.spans);
            let total = spans_width(&spans);
            if total < usize::from(width) {
                let style = spans.last().map_or(Style::default(), |s| s.style);
                spans.push(Span::styled("…", style));
            } else {
                // `fit` ends what it cuts with "…"; the padding after it is not needed.
                spans = fit(spans, usize::from(width));
                while spans.last().is_some_and(|s| s.content.trim().is_empty()) {
                    spans.pop();
                }
            }
            last.spans = spans;
        }
    }
    (rows, cut)
}
