//! A box sized to its content, centred over the screen: dialogs and the frame they
//! share with the help overlay.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Padding, Paragraph};

use super::text::{display_width, line_width, truncate_to_width, wrap_lines};
use super::{DIALOG_MAX_BODY_WIDTH, DialogStyle, centered, to_u16};

/// Draws a box centred in `area`, sized to its content, over whatever is
/// beneath it.
///
/// The body is wrapped to fit; the box is never larger than `area`. If the
/// content is taller than the area, the box takes the full height and the
/// bottom of the text is cut off, so keep dialogs short.
pub fn render_dialog(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    lines: &[Line],
    style: DialogStyle,
) {
    let area = area.intersection(frame.area());
    if area.is_empty() {
        return;
    }
    let avail = usize::from(area.width.saturating_sub(2));
    // Breathing room inside the frame, given up first when space is short.
    let pad_x: usize = if avail >= 24 {
        2
    } else if avail >= 8 {
        1
    } else {
        0
    };
    let max_body = avail.saturating_sub(2 * pad_x);
    let natural = lines.iter().map(line_width).max().unwrap_or(0);
    // The box must be wide enough to show the title with a space either side.
    let title_need = (display_width(title) + 2).saturating_sub(2 * pad_x);
    let body_w = natural
        .min(DIALOG_MAX_BODY_WIDTH)
        .max(title_need)
        .max(1)
        .min(max_body);
    let wrapped = wrap_lines(lines, to_u16(body_w));
    let rows = wrapped.len();
    let pad_y: usize = if usize::from(area.height) >= rows + 4 {
        1
    } else {
        0
    };
    let box_w = to_u16(body_w + 2 * pad_x + 2);
    let box_h = to_u16(rows + 2 * pad_y + 2);
    let rect = centered(area, box_w, box_h);

    let mut block = framed_block(style, to_u16(pad_x), to_u16(pad_y));
    if let Some(t) = border_title(title, rect.width) {
        block = block.title(Line::styled(t, style.title).centered());
    }
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    frame.render_widget(Paragraph::new(wrapped).style(style.body), inner);
}

/// The common frame of dialogs and overlays.
pub(super) fn framed_block(style: DialogStyle, pad_x: u16, pad_y: u16) -> Block<'static> {
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(style.border)
        .style(style.body)
        .padding(Padding::new(pad_x, pad_x, pad_y, pad_y))
}

/// The title text as set into a border of `box_width` cells, or `None` when
/// there is no title or no room for one.
pub(super) fn border_title(title: &str, box_width: u16) -> Option<String> {
    // Two corners and a space either side of the title.
    let room = usize::from(box_width).saturating_sub(4);
    if title.is_empty() || room == 0 {
        return None;
    }
    Some(format!(" {} ", truncate_to_width(title, room)))
}
