//! Text in large letters for the back of the room: stage titles and focus mode. The
//! letters come from an 8×8 pixel font drawn with block characters; the size is picked
//! to fit the space, and text the font cannot draw is left to ordinary type.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use tui_big_text::{BigText, PixelSize};

use super::widgets::display_width;

/// The letter sizes tried, largest first, with the cells one letter takes.
///
/// Quadrant letters (four cells wide, four tall) are the smallest tried: sextant and
/// octant characters are missing from many terminal fonts and would show as boxes.
const SIZES: [(PixelSize, u16, u16); 3] = [
    (PixelSize::Full, 8, 8),
    (PixelSize::HalfHeight, 8, 4),
    (PixelSize::Quadrant, 4, 4),
];

/// Large text laid out for a space: the letter size and the lines after wrapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BigLayout {
    size: PixelSize,
    lines: Vec<String>,
    letter: (u16, u16),
}

impl BigLayout {
    /// Rows the text takes.
    pub fn height(&self) -> u16 {
        self.letter.1 * u16::try_from(self.lines.len()).unwrap_or(u16::MAX)
    }

    /// Cells the widest line takes.
    pub fn width(&self) -> u16 {
        let widest = self.lines.iter().map(|l| l.len()).max().unwrap_or(0);
        self.letter.0 * u16::try_from(widest).unwrap_or(u16::MAX)
    }

    /// The wrapped lines, for tests and for saying what was drawn.
    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    /// True for the largest letters (a full cell per pixel).
    pub fn is_full_size(&self) -> bool {
        self.size == PixelSize::Full
    }
}

/// True when the font has a glyph for every character. Only printable ASCII is
/// accepted: other scripts and accents would draw as gaps, which reads as a typo.
pub fn drawable(text: &str) -> bool {
    !text.trim().is_empty() && text.chars().all(|c| c == ' ' || c.is_ascii_graphic())
}

/// The largest letters in which `text`, wrapped at spaces onto at most `max_lines`
/// lines, fits `width` × `height` cells, trying only sizes no taller than `max_letter`
/// rows. `None` when the text cannot be drawn large or does not fit even the smallest.
pub fn fit(
    text: &str,
    width: u16,
    height: u16,
    max_lines: usize,
    max_letter: u16,
) -> Option<BigLayout> {
    if !drawable(text) {
        return None;
    }
    SIZES
        .iter()
        .filter(|(_, _, h)| *h <= max_letter)
        .find_map(|&(size, w, h)| {
            let per_line = usize::from(width / w);
            let lines = wrap_words(text, per_line)?;
            let rows = u16::try_from(lines.len()).ok()? * h;
            (lines.len() <= max_lines && rows <= height).then_some(BigLayout {
                size,
                lines,
                letter: (w, h),
            })
        })
}

/// Greedy word wrap to lines of at most `limit` characters; `None` when a single word
/// is longer than that (large letters are not broken mid-word).
fn wrap_words(text: &str, limit: usize) -> Option<Vec<String>> {
    if limit == 0 {
        return None;
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if display_width(word) > limit {
            return None;
        }
        if line.is_empty() {
            line.push_str(word);
        } else if line.len() + 1 + word.len() <= limit {
            line.push(' ');
            line.push_str(word);
        } else {
            lines.push(std::mem::take(&mut line));
            line.push_str(word);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    Some(lines)
}

/// Draws `layout` into `area` in `style`, aligned as asked.
pub fn render(buf: &mut Buffer, area: Rect, layout: &BigLayout, style: Style, align: Alignment) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let text = BigText::builder()
        .pixel_size(layout.size)
        .style(style)
        .alignment(align)
        .lines(
            layout
                .lines
                .iter()
                .map(|l| Line::from(l.clone()))
                .collect::<Vec<_>>(),
        )
        .build();
    text.render(area, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drawn(buf: &Buffer) -> String {
        buf.content.iter().map(|c| c.symbol()).collect()
    }

    #[test]
    fn picks_the_largest_letters_that_fit() {
        let full = fit("Roles", 80, 8, 1, 8).expect("fits");
        assert!(full.is_full_size());
        assert_eq!((full.width(), full.height()), (40, 8));
        // Not tall enough for full-size letters: half-height ones.
        let half = fit("Roles", 80, 4, 1, 8).expect("fits");
        assert!(!half.is_full_size());
        assert_eq!(half.height(), 4);
        // Too wide for eight-cell letters: quadrant ones, four cells each.
        let narrow = fit("Self-interest disclosure", 100, 4, 1, 8).expect("fits");
        assert_eq!(narrow.width(), 96);
    }

    #[test]
    fn wraps_at_spaces_and_refuses_what_cannot_fit() {
        let two = fit("Own EMEA enterprise accounts", 80, 8, 3, 4).expect("fits");
        // Half-height letters would need three lines (12 rows); quadrant ones need two.
        assert_eq!(two.lines(), ["Own EMEA enterprise", "accounts"]);
        assert_eq!(two.height(), 8);
        assert!(fit("Own EMEA enterprise accounts", 80, 8, 1, 4).is_none());
        assert!(fit("Supercalifragilistic", 40, 8, 3, 8).is_none());
        assert!(fit("", 80, 8, 1, 8).is_none());
    }

    #[test]
    fn text_the_font_lacks_stays_in_ordinary_type() {
        assert!(!drawable("Zürich office"));
        assert!(!drawable("Plan 🚀"));
        assert!(drawable("Role split"));
        assert!(fit("Zürich", 200, 8, 1, 8).is_none());
    }

    #[test]
    fn draws_block_letters_in_the_style_given() {
        let layout = fit("Hi", 20, 4, 1, 4).expect("fits");
        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 4));
        let style = Style::new().fg(ratatui::style::Color::Yellow);
        let area = buf.area;
        render(&mut buf, area, &layout, style, Alignment::Left);
        let text = drawn(&buf);
        assert!(text.contains('█') || text.contains('▀') || text.contains('▄'));
        assert_eq!(buf[(0, 0)].fg, ratatui::style::Color::Yellow);
        // Never outside the buffer, however small.
        let mut tiny = Buffer::empty(Rect::new(0, 0, 3, 1));
        render(
            &mut tiny,
            Rect::new(0, 0, 40, 10),
            &layout,
            style,
            Alignment::Center,
        );
    }
}
