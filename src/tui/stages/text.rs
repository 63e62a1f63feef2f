//! Plain-text helpers the stage screens share: wrapping, cutting to a width, and
//! clipping to a number of rows. Widths are in terminal cells, never in bytes or chars.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::tui::widgets::{display_width, truncate_to_width, wrap_lines};

/// Wraps text that may hold line breaks to `width` cells, as plain rows.
pub fn wrap_text(text: &str, width: u16) -> Vec<String> {
    let lines: Vec<Line> = text.lines().map(Line::raw).collect();
    wrap_lines(&lines, width)
        .iter()
        .map(|l| l.to_string())
        .collect()
}

/// Keeps at most `max` rows; when rows were dropped the last kept one ends in `…`, so
/// the room can see there is more (Enter shows all of it).
pub fn clip_rows(mut rows: Vec<String>, max: usize, width: usize) -> Vec<String> {
    if rows.len() > max {
        rows.truncate(max);
        if let Some(last) = rows.last_mut() {
            *last = if display_width(last) < width {
                format!("{last}…")
            } else {
                truncate_to_width(&format!("{last}…"), width)
            };
        }
    }
    rows
}

/// Fits styled parts into `width` cells, cutting the last part that does not fit.
pub fn fit_parts(parts: &[(&str, Style)], width: usize) -> Vec<Span<'static>> {
    let mut left = width;
    let mut spans = Vec::with_capacity(parts.len());
    for (text, style) in parts {
        if left == 0 {
            break;
        }
        let width = display_width(text);
        if width <= left {
            left -= width;
            spans.push(Span::styled((*text).to_string(), *style));
        } else {
            spans.push(Span::styled(truncate_to_width(text, left), *style));
            break;
        }
    }
    spans
}

/// Text a person may have typed or pasted over several lines, as one line: line breaks
/// and runs of spaces fold to one space, for a table row, a dialog or a status line.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
