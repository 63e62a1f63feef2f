//! The rows of the agreements and the open conflicts: a marker, the category and the
//! text, in columns that line up across both lists.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::domain::ConflictStatus;
use crate::domain::board::{self, BoardEntry};
use crate::tui::theme::Theme;
use crate::tui::widgets::{fit_to_width, wrap_lines};

use super::super::StageCtx;
use super::super::conflicts::severity_marker;
use super::super::text::one_line;

/// Cells between columns.
pub(super) const GAP: usize = 2;

/// The three lists of the summary, in the order a narrow screen stacks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Section {
    Agreements,
    Conflicts,
    Actions,
}

/// Whether `status` keeps a conflict on the list of what is still open: deal-breakers
/// and parked conflicts are listed with the open ones.
fn unsettled_status(status: &ConflictStatus) -> bool {
    matches!(
        status,
        ConflictStatus::Open | ConflictStatus::DealBreaker | ConflictStatus::Parked
    )
}

/// What the room still has to live with: deal-breakers first (they decide the verdict),
/// then open conflicts, most severe first, then the parked ones.
pub(super) fn unsettled(board: &[BoardEntry]) -> Vec<&BoardEntry> {
    let rank = |status: &ConflictStatus| match status {
        ConflictStatus::DealBreaker => 0,
        ConflictStatus::Open => 1,
        _ => 2,
    };
    let mut list: Vec<(usize, &BoardEntry)> = board
        .iter()
        .enumerate()
        .filter(|(_, e)| unsettled_status(&e.status))
        .collect();
    list.sort_by_key(|(i, e)| (rank(&e.status), std::cmp::Reverse(e.severity), *i));
    list.into_iter().map(|(_, e)| e).collect()
}

/// How many entries `section` holds.
pub(super) fn section_len(ctx: &StageCtx, section: Section) -> usize {
    match section {
        Section::Agreements => board::agreements(ctx.board).count(),
        Section::Conflicts => ctx
            .board
            .iter()
            .filter(|e| unsettled_status(&e.status))
            .count(),
        Section::Actions => ctx.session.actions.len(),
    }
}

/// One agreement or unsettled conflict as the summary lists it.
pub(super) struct Entry {
    marker: &'static str,
    marker_style: Style,
    category: &'static str,
    text: String,
}

pub(super) struct EntryColumns {
    marker: usize,
    category: usize,
    pub(super) text: usize,
}

impl EntryColumns {
    pub(super) fn new(width: usize) -> EntryColumns {
        let marker = 14.min(width / 5);
        let category = 18.min(width / 4);
        EntryColumns {
            marker,
            category,
            text: width.saturating_sub(2 + marker + GAP + category + GAP),
        }
    }

    /// Cells before the text column.
    fn indent(&self) -> usize {
        2 + self.marker + GAP + self.category + GAP
    }
}

/// `max` entries of a section from the `first` on (none for the action items, which
/// are drawn by their own rows).
pub(super) fn entries(ctx: &StageCtx, section: Section, first: usize, max: usize) -> Vec<Entry> {
    let theme = ctx.theme;
    match section {
        Section::Agreements => board::agreements(ctx.board)
            .skip(first)
            .take(max)
            .map(|(e, agreement)| Entry {
                marker: "✔ agreed",
                marker_style: theme.good,
                category: e.category.label(),
                text: one_line(agreement),
            })
            .collect(),
        Section::Conflicts => unsettled(ctx.board)
            .into_iter()
            .skip(first)
            .take(max)
            .map(|e| {
                let (marker, marker_style) = conflict_marker(e, theme);
                Entry {
                    marker,
                    marker_style,
                    category: e.category.label(),
                    text: one_line(&e.description),
                }
            })
            .collect(),
        Section::Actions => Vec::new(),
    }
}

/// How an unsettled conflict is marked: as a deal-breaker, as parked, or by severity.
pub(super) fn conflict_marker(entry: &BoardEntry, theme: &Theme) -> (&'static str, Style) {
    match entry.status {
        ConflictStatus::DealBreaker => ("✖ deal-breaker", theme.bad),
        ConflictStatus::Parked => ("parked", theme.muted),
        _ => (
            severity_marker(entry.severity),
            theme.severity(entry.severity),
        ),
    }
}

/// An entry as one row cut to fit, or wrapped with its text kept in its column. The
/// selected entry carries the pointer and the selection's colours on every row.
pub(super) fn entry_lines(
    entry: &Entry,
    cols: &EntryColumns,
    theme: &Theme,
    wrap: bool,
    selected: bool,
) -> Vec<Line<'static>> {
    let gap = || Span::raw(" ".repeat(GAP));
    let head = vec![
        Span::raw(if selected { "▶ " } else { "  " }),
        cell(entry.marker, cols.marker, entry.marker_style),
        gap(),
        cell(entry.category, cols.category, theme.muted),
        gap(),
    ];
    let mut lines = if !wrap || cols.text == 0 {
        let mut spans = head;
        spans.push(cell(&entry.text, cols.text, theme.text));
        vec![Line::from(spans)]
    } else {
        let rows = wrap_lines(
            &[Line::styled(entry.text.clone(), theme.text)],
            cols.text as u16,
        );
        let mut head = Some(head);
        rows.into_iter()
            .map(|row| {
                let mut spans = head
                    .take()
                    .unwrap_or_else(|| vec![Span::raw(" ".repeat(cols.indent()))]);
                spans.extend(row.spans);
                Line::from(spans)
            })
            .collect()
    };
    if selected {
        for span in lines.iter_mut().flat_map(|l| l.spans.iter_mut()) {
            span.style = theme.selected;
        }
    }
    lines
}

/// `text` cut or padded to exactly `width` cells.
pub(super) fn cell(text: &str, width: usize, style: Style) -> Span<'static> {
    Span::styled(fit_to_width(text, width), style)
}
