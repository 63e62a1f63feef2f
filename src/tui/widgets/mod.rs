//! Small drawing helpers shared by every screen.
//!
//! Every helper takes its styles from the caller: the app owns the theme, and a
//! helper that picked its own colours would clash with it on the wall display.
//! Text is measured in terminal cells (not bytes or chars) so wide characters
//! such as CJK or emoji never push a layout out of line, and every helper
//! tolerates any area, including empty ones and ones partly off-screen.
//!
//! Split by job: `text` measures, cuts and wraps; `dialog` draws boxes over the
//! screen; `help` lays out the key overlay. What every screen uses is re-exported here.

mod dialog;
mod help;
#[cfg(test)]
pub(crate) mod testing;
#[cfg(test)]
mod tests;
mod text;

pub use dialog::render_dialog;
pub use help::{help_overlay_max_scroll, render_help_overlay};
pub use text::{display_width, fit_to_width, truncate_to_width, wrap_lines};

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// Styles for a bordered box drawn over the screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DialogStyle {
    /// Text and background inside the box.
    pub body: Style,
    /// The frame around the box.
    pub border: Style,
    /// The title set into the top border (and section headings of the help).
    pub title: Style,
}

/// One row of the help overlay: the key(s) and what they do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyHelp {
    /// How the key is written, e.g. `"Ctrl-S"` or `"↑ ↓"`.
    pub keys: &'static str,
    /// What it does, in a few words.
    pub what: &'static str,
}

/// A dialog body never gets wider than this many cells, even on a wide
/// terminal: long lines are much harder to follow from across a room.
pub const DIALOG_MAX_BODY_WIDTH: usize = 72;

/// A rectangle of at most `width` × `height` centred in `area`; never larger
/// than `area` and always inside it.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// Fills the whole frame with a centred note that the terminal is smaller
/// than `need` (columns, rows).
///
/// The full sentence is used when it fits; on very small terminals a shorter
/// form is chosen so the most useful part (the size needed) stays visible.
pub fn render_too_small(frame: &mut Frame, need: (u16, u16), style: Style) {
    let area = frame.area();
    frame.render_widget(Clear, area);
    frame.render_widget(Block::new().style(style), area);
    if area.is_empty() {
        return;
    }
    let (nw, nh) = need;
    let candidates = [
        format!(
            "terminal too small (need {nw}×{nh}, have {}×{})",
            area.width, area.height
        ),
        format!("too small: need {nw}×{nh}"),
        format!("need {nw}×{nh}"),
        format!("{nw}×{nh}"),
    ];
    let wrapped_candidates = candidates
        .iter()
        .map(|c| wrap_lines(&[Line::from(c.as_str()).centered()], area.width));
    let mut chosen = Vec::new();
    for wrapped in wrapped_candidates {
        let fits = wrapped.len() <= usize::from(area.height);
        chosen = wrapped;
        if fits {
            break;
        }
    }
    let height = to_u16(chosen.len()).min(area.height);
    let rect = centered(area, area.width, height);
    frame.render_widget(Paragraph::new(chosen).style(style), rect);
}

/// A footer such as `q quit · ? help`: each key in `key_style`, each
/// description and separator in `text_style`.
pub fn footer_line(keys: &[(&str, &str)], key_style: Style, text_style: Style) -> Line<'static> {
    let mut spans = Vec::with_capacity(keys.len() * 4);
    for (i, (key, what)) in keys.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", text_style));
        }
        spans.push(Span::styled(key.to_string(), key_style));
        if !what.is_empty() {
            spans.push(Span::styled(format!(" {what}"), text_style));
        }
    }
    Line::from(spans)
}

fn to_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}
