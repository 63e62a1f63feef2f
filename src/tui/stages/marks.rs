//! The marks the stages share: how a severity is written so it reads without colour,
//! and the readiness line that says how far the room has come with its conflicts. The
//! conflict check and the summary both show them, so they are written once, here.

use ratatui::text::{Line, Span};

use crate::domain::Severity;
use crate::domain::board::{BoardEntry, Readiness, severity_index};
use crate::tui::theme::Theme;
use crate::tui::widgets::display_width;

/// The words and symbols that carry a severity, so it reads without colour.
pub fn severity_marker(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "!!! critical",
        Severity::High => "!! high",
        Severity::Medium => "! medium",
        Severity::Low => "· low",
    }
}

/// The symbol part of the marker alone, for the matrix cells.
pub fn severity_symbol(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "!!!",
        Severity::High => "!!",
        Severity::Medium => "!",
        Severity::Low => "·",
    }
}

/// "Readiness 60% · open: 1 critical, 2 high · ✖ 1 deal-breaker · 3 settled · 1 parked ·
/// 2 dismissed": what the room has decided, from the board, on one line.
pub fn readiness_line(board: &[BoardEntry], theme: &Theme) -> Line<'static> {
    let mut spans = Vec::new();
    for (n, part) in readiness_parts(board, theme).into_iter().enumerate() {
        if n > 0 {
            spans.push(Span::styled(" · ", theme.muted));
        }
        spans.extend(part);
    }
    Line::from(spans)
}

/// The readiness line broken between its parts to fit `width`, never inside one, so
/// "1 parked" is never split across rows. The summary shows it too.
pub fn readiness_rows(board: &[BoardEntry], theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width);
    let mut rows: Vec<Line<'static>> = Vec::new();
    let mut row: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for part in readiness_parts(board, theme) {
        let w = spans_width(&part);
        if !row.is_empty() && used + 3 + w > width {
            rows.push(Line::from(std::mem::take(&mut row)));
            used = 0;
        }
        if !row.is_empty() {
            row.push(Span::styled(" · ", theme.muted));
            used += 3;
        }
        row.extend(part);
        used += w;
    }
    rows.push(Line::from(row));
    rows
}

fn readiness_parts(board: &[BoardEntry], theme: &Theme) -> Vec<Vec<Span<'static>>> {
    let r = Readiness::of(board);
    let mut parts = vec![vec![Span::styled(
        format!("Readiness {}%", r.percent_decided()),
        theme.heading,
    )]];
    let mut open = vec![Span::styled("open: ", theme.text)];
    for severity in Severity::ALL.iter().rev() {
        let n = r.open[severity_index(*severity)];
        if n == 0 {
            continue;
        }
        if open.len() > 1 {
            open.push(Span::styled(", ", theme.muted));
        }
        open.push(Span::styled(
            format!("{n} {severity}"),
            theme.severity(*severity),
        ));
    }
    if open.len() == 1 {
        open.push(Span::styled("none", theme.good));
    }
    parts.push(open);
    if r.deal_breakers > 0 {
        parts.push(vec![Span::styled(
            format!(
                "✖ {}",
                plural(r.deal_breakers, "deal-breaker", "deal-breakers")
            ),
            theme.bad,
        )]);
    }
    parts.push(vec![Span::styled(
        format!("{} settled", r.settled),
        theme.text,
    )]);
    if r.parked > 0 {
        parts.push(vec![Span::styled(
            format!("{} parked", r.parked),
            theme.text,
        )]);
    }
    if r.dismissed > 0 {
        parts.push(vec![Span::styled(
            format!("{} dismissed", r.dismissed),
            theme.muted,
        )]);
    }
    parts
}

/// "3 settled", "1 deal-breaker": a count with its noun in the right number.
pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Cells the spans take on screen.
pub(super) fn spans_width(spans: &[Span]) -> usize {
    spans.iter().map(|s| display_width(&s.content)).sum()
}
