//! Small drawing helpers shared by every screen.
//!
//! Every helper takes its styles from the caller: the app owns the theme, and a
//! helper that picked its own colours would clash with it on the wall display.
//! Text is measured in terminal cells (not bytes or chars) so wide characters
//! such as CJK or emoji never push a layout out of line, and every helper
//! tolerates any area, including empty ones and ones partly off-screen.

use ratatui::Frame;
use ratatui::buffer::CellWidth as _;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Padding, Paragraph};
use unicode_width::UnicodeWidthChar as _;

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

/// Gap between the key column and the description column of the help.
const HELP_COLUMN_GAP: usize = 2;
/// Indent of help entries below their section heading.
const HELP_INDENT: usize = 2;
/// Below this description width the help stacks description under key, since
/// a column a few cells wide would wrap into an unreadable ribbon.
const HELP_MIN_WHAT_WIDTH: usize = 12;

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

/// Display width of `s` in terminal cells, measured the way ratatui draws it
/// (control characters take no cells).
pub fn display_width(s: &str) -> usize {
    clusters(s).map(cluster_width).sum()
}

/// Cuts `s` to at most `width` cells, ending with `…` when anything was cut.
///
/// A wide character or an emoji sequence is never split: if it does not fit
/// entirely it is left out, so the result may be one cell narrower than
/// `width`.
pub fn truncate_to_width(s: &str, width: usize) -> String {
    if display_width(s) <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    // One cell is reserved for the ellipsis.
    let budget = width - 1;
    let mut out = String::new();
    let mut used = 0;
    for cluster in clusters(s) {
        let w = cluster_width(cluster);
        if used + w > budget {
            break;
        }
        used += w;
        out.push_str(cluster);
    }
    out.push('…');
    out
}

/// `s` cut (ending with `…`) or padded with spaces to exactly `width` cells, for text
/// in aligned columns.
pub fn fit_to_width(s: &str, width: usize) -> String {
    let cut = truncate_to_width(s, width);
    let pad = width.saturating_sub(display_width(&cut));
    format!("{cut}{}", " ".repeat(pad))
}

/// Word-wraps styled lines to `width` cells, keeping each span's style and
/// each line's own style and alignment.
///
/// Breaks at spaces; a word longer than a whole row is split between
/// characters, and wide (CJK) characters may break anywhere, as is usual for
/// those scripts. Every input line gives at least one output line, so blank
/// lines survive. Nothing is returned for `width == 0`.
pub fn wrap_lines(lines: &[Line<'_>], width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width);
    if width == 0 {
        return Vec::new();
    }
    lines.iter().flat_map(|l| wrap_line(l, width)).collect()
}

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

/// Draws a large centred overlay listing keys in two aligned columns, grouped
/// under section headings.
///
/// `scroll` is the number of rows scrolled past; it is clamped, so a caller
/// that overshoots still sees the last page (see [`help_overlay_max_scroll`]
/// to clamp its own counter). When rows are hidden below, the bottom border
/// shows `↓ more`; when rows are hidden above, it shows `↑ more`
/// (both: `↑ ↓ more`).
pub fn render_help_overlay(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    sections: &[(&str, &[KeyHelp])],
    scroll: u16,
    style: DialogStyle,
    key_style: Style,
) {
    let area = area.intersection(frame.area());
    if area.is_empty() {
        return;
    }
    let layout = help_layout(area, title, sections, style, key_style);
    let visible = usize::from(layout.inner.height);
    let max_scroll = layout.rows.len().saturating_sub(visible);
    let top = usize::from(scroll).min(max_scroll);
    let hidden_above = top > 0;
    let hidden_below = top + visible < layout.rows.len();

    let mut block = framed_block(style, layout.pad_x, 0);
    if let Some(t) = border_title(title, layout.rect.width) {
        block = block.title(Line::styled(t, style.title).centered());
    }
    let hint = match (hidden_above, hidden_below) {
        (true, true) => Some(" ↑ ↓ more "),
        (false, true) => Some(" ↓ more "),
        (true, false) => Some(" ↑ more "),
        (false, false) => None,
    };
    if let Some(hint) = hint
        && usize::from(layout.rect.width) >= display_width(hint) + 2
    {
        block = block.title_bottom(Line::styled(hint, style.title).right_aligned());
    }
    let rows: Vec<Line<'static>> = layout.rows.into_iter().skip(top).take(visible).collect();
    frame.render_widget(Clear, layout.rect);
    frame.render_widget(block, layout.rect);
    frame.render_widget(Paragraph::new(rows).style(style.body), layout.inner);
}

/// The largest useful `scroll` for [`render_help_overlay`] with the same
/// area, title and sections: scrolling further would show nothing new.
pub fn help_overlay_max_scroll(area: Rect, title: &str, sections: &[(&str, &[KeyHelp])]) -> u16 {
    let style = DialogStyle::default();
    let layout = help_layout(area, title, sections, style, Style::default());
    to_u16(
        layout
            .rows
            .len()
            .saturating_sub(usize::from(layout.inner.height)),
    )
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

// ---------------------------------------------------------------------------
// Layout internals

/// Where the help overlay goes and what it shows, before scrolling.
struct HelpLayout {
    rect: Rect,
    inner: Rect,
    pad_x: u16,
    rows: Vec<Line<'static>>,
}

fn help_layout(
    area: Rect,
    title: &str,
    sections: &[(&str, &[KeyHelp])],
    style: DialogStyle,
    key_style: Style,
) -> HelpLayout {
    // A margin lets the screen beneath show around the overlay, so it reads as
    // a layer that will go away rather than a new screen.
    let margin_x = if area.width >= 40 { 2 } else { 0 };
    let margin_y = if area.height >= 16 { 1 } else { 0 };
    let avail_w = usize::from(area.width.saturating_sub(2 * margin_x));
    let avail_h = area.height.saturating_sub(2 * margin_y);
    let pad_x: usize = if avail_w >= 40 {
        2
    } else if avail_w >= 12 {
        1
    } else {
        0
    };

    let key_w = sections
        .iter()
        .flat_map(|(_, keys)| keys.iter())
        .map(|k| display_width(k.keys))
        .max()
        .unwrap_or(0);
    let what_w = sections
        .iter()
        .flat_map(|(_, keys)| keys.iter())
        .map(|k| display_width(k.what))
        .max()
        .unwrap_or(0);
    let heading_w = sections
        .iter()
        .map(|(h, _)| display_width(h))
        .max()
        .unwrap_or(0);
    let content_w = heading_w.max(HELP_INDENT + key_w + HELP_COLUMN_GAP + what_w);
    // "Large": at least 60 cells when the terminal has them, so the help
    // always looks like the same familiar panel.
    let box_w = (content_w + 2 * pad_x + 2)
        .max(display_width(title) + 4)
        .max(avail_w.min(60))
        .min(avail_w);
    let inner_w = box_w.saturating_sub(2 + 2 * pad_x);
    let rows = help_rows(sections, inner_w, key_w, style, key_style);
    let box_h = to_u16(rows.len() + 2).min(avail_h);
    let rect = centered(area, to_u16(box_w), box_h);
    let inner = framed_block(style, to_u16(pad_x), 0).inner(rect);
    HelpLayout {
        rect,
        inner,
        pad_x: to_u16(pad_x),
        rows,
    }
}

fn help_rows(
    sections: &[(&str, &[KeyHelp])],
    inner_w: usize,
    key_w: usize,
    style: DialogStyle,
    key_style: Style,
) -> Vec<Line<'static>> {
    let mut rows = Vec::new();
    if inner_w == 0 {
        return rows;
    }
    let inner_u16 = to_u16(inner_w);
    let indent = HELP_INDENT.min(inner_w / 4);
    // The key column gets what it needs but never more than 40% of the row,
    // so descriptions keep room to be read.
    let key_col = key_w.min(inner_w * 2 / 5).max(1);
    let what_col = inner_w.saturating_sub(indent + key_col + HELP_COLUMN_GAP);
    let side_by_side = what_col >= HELP_MIN_WHAT_WIDTH;

    for (i, (heading, keys)) in sections.iter().enumerate() {
        if i > 0 {
            rows.push(Line::default());
        }
        if !heading.is_empty() {
            rows.extend(wrap_lines(
                &[Line::styled(heading.to_string(), style.title)],
                inner_u16,
            ));
        }
        for k in keys.iter() {
            if side_by_side {
                let key_rows = wrap_lines(&[Line::styled(k.keys, key_style)], to_u16(key_col));
                let what_rows = wrap_lines(&[Line::styled(k.what, style.body)], to_u16(what_col));
                let n = key_rows.len().max(what_rows.len());
                for r in 0..n {
                    let key_part = key_rows.get(r).cloned().unwrap_or_default();
                    let pad = key_col.saturating_sub(line_width(&key_part));
                    let mut spans = vec![Span::raw(" ".repeat(indent))];
                    spans.extend(key_part.spans);
                    spans.push(Span::raw(" ".repeat(pad + HELP_COLUMN_GAP)));
                    if let Some(w) = what_rows.get(r) {
                        spans.extend(w.spans.iter().cloned());
                    }
                    rows.push(Line::from(spans));
                }
            } else {
                // Too narrow for columns: key on its own row, description
                // indented beneath it.
                let sub = inner_w.saturating_sub(indent);
                for line in wrap_lines(&[Line::styled(k.keys, key_style)], to_u16(sub)) {
                    rows.push(indented(line, indent));
                }
                let deeper = (indent + 2).min(inner_w.saturating_sub(1));
                let sub = inner_w.saturating_sub(deeper);
                for line in wrap_lines(&[Line::styled(k.what, style.body)], to_u16(sub)) {
                    rows.push(indented(line, deeper));
                }
            }
        }
    }
    rows
}

fn indented(line: Line<'static>, indent: usize) -> Line<'static> {
    let mut spans = vec![Span::raw(" ".repeat(indent))];
    spans.extend(line.spans);
    Line::from(spans)
}

/// The common frame of dialogs and overlays.
fn framed_block(style: DialogStyle, pad_x: u16, pad_y: u16) -> Block<'static> {
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(style.border)
        .style(style.body)
        .padding(Padding::new(pad_x, pad_x, pad_y, pad_y))
}

/// The title text as set into a border of `box_width` cells, or `None` when
/// there is no title or no room for one.
fn border_title(title: &str, box_width: u16) -> Option<String> {
    // Two corners and a space either side of the title.
    let room = usize::from(box_width).saturating_sub(4);
    if title.is_empty() || room == 0 {
        return None;
    }
    Some(format!(" {} ", truncate_to_width(title, room)))
}

fn to_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

fn line_width(line: &Line<'_>) -> usize {
    line.spans.iter().map(|s| display_width(&s.content)).sum()
}

// ---------------------------------------------------------------------------
// Text measuring and wrapping

/// Splits `s` into user-perceived characters, closely enough for layout:
/// combining marks, variation selectors, zero-width joiners (emoji families),
/// skin-tone modifiers and flag pairs stay with the character they belong to.
/// Drawing a piece of one of these alone would misplace everything after it.
fn clusters(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        let mut chars = rest.char_indices();
        let (_, first) = chars.next()?;
        let mut end = first.len_utf8();
        let mut prev = first;
        let mut regional = usize::from(is_regional_indicator(first));
        for (i, c) in chars {
            let joins = !first.is_control()
                && (prev == '\u{200D}'
                    || c == '\u{200D}'
                    || c.width() == Some(0)
                    || is_emoji_modifier(c)
                    || (is_regional_indicator(c) && regional == 1));
            if !joins {
                break;
            }
            if is_regional_indicator(c) {
                regional += 1;
            }
            end = i + c.len_utf8();
            prev = c;
        }
        let (cluster, tail) = rest.split_at(end);
        rest = tail;
        Some(cluster)
    })
}

fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

fn is_emoji_modifier(c: char) -> bool {
    ('\u{1F3FB}'..='\u{1F3FF}').contains(&c)
}

/// Cells a cluster takes when ratatui draws it; ratatui skips anything with a
/// control character, so those take none.
fn cluster_width(cluster: &str) -> usize {
    if cluster.contains(char::is_control) {
        0
    } else {
        usize::from(cluster.cell_width())
    }
}

/// Whether a cluster is a place where a line may break. No-break spaces are
/// excluded because writers use them precisely to keep things together.
fn is_break_space(cluster: &str) -> bool {
    cluster
        .chars()
        .all(|c| c.is_whitespace() && !matches!(c, '\u{00A0}' | '\u{2007}' | '\u{202F}'))
}

/// One drawable cluster with its style.
#[derive(Clone)]
struct Atom<'s> {
    text: &'s str,
    width: usize,
    style: Style,
    space: bool,
}

/// Ends the current row, dropping spaces at its end (they would only push
/// the visible text off-centre).
fn finish_row<'s>(rows: &mut Vec<Vec<Atom<'s>>>, cur: &mut Vec<Atom<'s>>, cur_w: &mut usize) {
    while cur.last().is_some_and(|a| a.space) {
        cur.pop();
    }
    rows.push(std::mem::take(cur));
    *cur_w = 0;
}

fn wrap_line(line: &Line<'_>, width: usize) -> Vec<Line<'static>> {
    let atoms: Vec<Atom> = line
        .spans
        .iter()
        .flat_map(|span| {
            clusters(&span.content).map(move |text| Atom {
                text,
                width: cluster_width(text),
                style: span.style,
                space: is_break_space(text),
            })
        })
        // Nothing is drawn for these, so they must not take part in layout.
        .filter(|a| a.width > 0)
        .collect();

    // Group atoms into words: runs of spaces, runs of narrow non-space
    // characters, and each wide character alone (CJK may break anywhere).
    let mut words: Vec<&[Atom]> = Vec::new();
    let mut start = 0;
    for i in 1..=atoms.len() {
        let boundary = i == atoms.len()
            || atoms[i].space != atoms[i - 1].space
            || atoms[i].width > 1
            || atoms[i - 1].width > 1;
        if boundary {
            words.push(&atoms[start..i]);
            start = i;
        }
    }

    let mut rows: Vec<Vec<Atom>> = Vec::new();
    let mut cur: Vec<Atom> = Vec::new();
    let mut cur_w = 0;
    for word in words {
        let word_w: usize = word.iter().map(|a| a.width).sum();
        let is_space = word.first().is_some_and(|a| a.space);
        if cur_w + word_w <= width {
            // Spaces that would start a continuation row are dropped; only the
            // indentation at the very start of a line is kept.
            if !(is_space && cur.is_empty() && !rows.is_empty()) {
                cur.extend_from_slice(word);
                cur_w += word_w;
            }
            continue;
        }
        if is_space {
            finish_row(&mut rows, &mut cur, &mut cur_w);
            continue;
        }
        if !cur.is_empty() {
            finish_row(&mut rows, &mut cur, &mut cur_w);
        }
        if word_w <= width {
            cur.extend_from_slice(word);
            cur_w = word_w;
            continue;
        }
        // A word longer than a whole row is split between characters.
        for atom in word {
            if cur_w + atom.width > width && !cur.is_empty() {
                finish_row(&mut rows, &mut cur, &mut cur_w);
            }
            cur_w += atom.width;
            cur.push(atom.clone());
        }
    }
    if !cur.is_empty() || rows.is_empty() {
        finish_row(&mut rows, &mut cur, &mut cur_w);
    }

    rows.into_iter()
        .map(|row| {
            let mut spans: Vec<Span<'static>> = Vec::new();
            for atom in row {
                match spans.last_mut() {
                    Some(last) if last.style == atom.style => {
                        last.content.to_mut().push_str(atom.text)
                    }
                    _ => spans.push(Span::styled(atom.text.to_string(), atom.style)),
                }
            }
            let mut out = Line::from(spans).style(line.style);
            out.alignment = line.alignment;
            out
        })
        .collect()
}

/// Drawing in tests: a terminal in memory, and what it shows read back as text.
#[cfg(test)]
pub(crate) mod testing {
    use ratatui::buffer::{Buffer, CellWidth as _};
    use ratatui::{Frame, Terminal, backend::TestBackend};

    /// A `width` × `height` terminal that draws into memory.
    pub fn test_terminal(width: u16, height: u16) -> Terminal<TestBackend> {
        Terminal::new(TestBackend::new(width, height)).expect("a test terminal")
    }

    /// Runs `draw` once on a fresh `width` × `height` test terminal; what it drew.
    pub fn draw_buffer(width: u16, height: u16, draw: impl FnOnce(&mut Frame)) -> Buffer {
        let mut terminal = test_terminal(width, height);
        terminal.draw(draw).expect("drawing succeeds");
        terminal.backend().buffer().clone()
    }

    /// The screen as one string per row, wide characters counted once: the cell a wide
    /// character covers is skipped, so a row reads as the text that was drawn.
    pub fn text_rows(buf: &Buffer) -> Vec<String> {
        let area = buf.area;
        (area.y..area.bottom())
            .map(|y| {
                let mut s = String::new();
                let mut x = area.x;
                while x < area.right() {
                    let sym = buf[(x, y)].symbol();
                    s.push_str(sym);
                    x += sym.cell_width().max(1);
                }
                s
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{draw_buffer, test_terminal, text_rows};
    use super::*;
    use ratatui::style::{Color, Modifier};

    fn draw(w: u16, h: u16, f: impl FnOnce(&mut Frame)) -> Vec<String> {
        text_rows(&draw_buffer(w, h, f))
    }

    fn styles() -> DialogStyle {
        DialogStyle {
            body: Style::new().fg(Color::White).bg(Color::Blue),
            border: Style::new().fg(Color::Yellow),
            title: Style::new().add_modifier(Modifier::BOLD),
        }
    }

    #[test]
    fn centered_is_clamped_and_inside() {
        let area = Rect::new(10, 5, 20, 10);
        assert_eq!(centered(area, 10, 4), Rect::new(15, 8, 10, 4));
        assert_eq!(centered(area, 50, 50), area);
        assert_eq!(centered(area, 0, 0), Rect::new(20, 10, 0, 0));
        assert_eq!(centered(Rect::default(), 5, 5), Rect::default());
    }

    #[test]
    fn truncate_respects_width_and_wide_chars() {
        assert_eq!(truncate_to_width("hello", 5), "hello");
        assert_eq!(truncate_to_width("hello", 4), "hel…");
        assert_eq!(truncate_to_width("hello", 1), "…");
        assert_eq!(truncate_to_width("hello", 0), "");
        assert_eq!(truncate_to_width("", 0), "");
        // 世 is two cells: with 4 cells, "a世" + "…" is 4 wide; "a世界…" would be 6.
        assert_eq!(truncate_to_width("a世界b", 4), "a世…");
        // The wide char that would straddle the limit is left out entirely.
        assert_eq!(truncate_to_width("a世界b", 5), "a世…");
        assert_eq!(truncate_to_width("世界", 2), "…");
        // An emoji family and a flag are never split into pieces.
        let family = "👨\u{200D}👩\u{200D}👧 family";
        assert_eq!(truncate_to_width(family, 3), "👨\u{200D}👩\u{200D}👧…");
        assert_eq!(truncate_to_width("🇩🇪🇫🇷xx", 5), "🇩🇪🇫🇷…");
        assert_eq!(
            truncate_to_width("e\u{301}e\u{301}e\u{301}", 2),
            "e\u{301}…"
        );
        for w in 0..12 {
            let t = truncate_to_width("héllo 世界 👋!", w);
            assert!(display_width(&t) <= w, "{t:?} wider than {w}");
        }
    }

    #[test]
    fn wrap_breaks_at_spaces_and_splits_long_words() {
        let texts = |lines: Vec<Line<'static>>| -> Vec<String> {
            lines.iter().map(|l| l.to_string()).collect()
        };
        let wrapped = wrap_lines(&[Line::from("the quick brown fox")], 10);
        assert_eq!(texts(wrapped), ["the quick", "brown fox"]);
        let wrapped = wrap_lines(&[Line::from("abcdefghij"), Line::from("")], 4);
        assert_eq!(texts(wrapped), ["abcd", "efgh", "ij", ""]);
        let wrapped = wrap_lines(&[Line::from("日本語のテキスト")], 5);
        assert_eq!(texts(wrapped), ["日本", "語の", "テキ", "スト"]);
        assert!(wrap_lines(&[Line::from("x")], 0).is_empty());
        // Styles survive the wrap.
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let wrapped = wrap_lines(
            &[Line::from(vec![Span::raw("aa "), Span::styled("bb", bold)])],
            3,
        );
        assert_eq!(wrapped[1].spans[0].style, bold);
    }

    #[test]
    fn dialog_is_centred_sized_to_content_and_clears_beneath() {
        let screen = draw(40, 11, |f| {
            f.render_widget(
                Paragraph::new(vec![Line::from("x".repeat(40)); 11]),
                f.area(),
            );
            render_dialog(f, f.area(), "Note", &[Line::from("Saved.")], styles());
        });
        assert_eq!(
            screen,
            [
                "x".repeat(40),
                "x".repeat(40),
                "x".repeat(40),
                "xxxxxxxxxxxxxx╭── Note ──╮xxxxxxxxxxxxxx".to_string(),
                "xxxxxxxxxxxxxx│          │xxxxxxxxxxxxxx".to_string(),
                "xxxxxxxxxxxxxx│  Saved.  │xxxxxxxxxxxxxx".to_string(),
                "xxxxxxxxxxxxxx│          │xxxxxxxxxxxxxx".to_string(),
                "xxxxxxxxxxxxxx╰──────────╯xxxxxxxxxxxxxx".to_string(),
                "x".repeat(40),
                "x".repeat(40),
                "x".repeat(40),
            ]
        );
    }

    #[test]
    fn dialog_wraps_long_text_inside_the_area() {
        let text = "Both partners have agreed on the shared goals for the next quarter.";
        let screen = draw(30, 12, |f| {
            render_dialog(f, f.area(), "Agreed", &[Line::from(text)], styles());
        });
        let joined = screen.join("\n");
        assert!(
            joined.contains("│  Both partners have        │"),
            "{joined}"
        );
        assert!(
            joined.contains("│  quarter.                  │"),
            "{joined}"
        );
        assert!(screen.iter().all(|r| display_width(r) == 30));
    }

    #[test]
    fn dialog_never_panics_on_tiny_or_offscreen_areas() {
        for (w, h) in [(0, 0), (1, 1), (2, 2), (3, 1), (5, 3), (10, 3)] {
            draw(w, h, |f| {
                render_dialog(f, f.area(), "Title", &[Line::from("text 世界")], styles());
                render_dialog(
                    f,
                    Rect::new(3, 2, 50, 50),
                    "T",
                    &[Line::from("x")],
                    styles(),
                );
                render_dialog(f, Rect::new(200, 200, 5, 5), "T", &[], styles());
            });
        }
    }

    const NAV: &[KeyHelp] = &[
        KeyHelp {
            keys: "↑ ↓",
            what: "move between items",
        },
        KeyHelp {
            keys: "Enter",
            what: "open the selected item",
        },
    ];
    const EDIT: &[KeyHelp] = &[
        KeyHelp {
            keys: "Ctrl-←/→",
            what: "move by word",
        },
        KeyHelp {
            keys: "Esc",
            what: "cancel",
        },
    ];

    #[test]
    fn help_overlay_aligns_columns_under_headings() {
        let sections: &[(&str, &[KeyHelp])] = &[("Navigate", NAV), ("Edit", EDIT)];
        let screen = draw(70, 20, |f| {
            render_help_overlay(f, f.area(), "Keys", sections, 0, styles(), Style::new());
        });
        let joined = screen.join("\n");
        assert!(joined.contains("Keys"), "{joined}");
        assert!(!joined.contains("more"), "{joined}");
        let col = |needle: &str| -> usize {
            let row = screen.iter().find(|r| r.contains(needle)).unwrap();
            display_width(&row[..row.find(needle).unwrap()])
        };
        // Headings sit left of the entries; descriptions share one column.
        assert!(col("Navigate") < col("↑ ↓"));
        assert_eq!(col("↑ ↓"), col("Esc"));
        assert_eq!(col("move between"), col("open the"));
        assert_eq!(col("move between"), col("cancel"));
        assert_eq!(col("move between"), col("move by word"));
    }

    #[test]
    fn help_overlay_scrolls_and_hints_at_more() {
        let sections: &[(&str, &[KeyHelp])] = &[("Navigate", NAV), ("Edit", EDIT)];
        let area = Rect::new(0, 0, 40, 6);
        // 8 rows ("open the selected item" wraps) in a box with 4 inner rows.
        assert_eq!(help_overlay_max_scroll(area, "Keys", sections), 4);
        let top = draw(40, 6, |f| {
            render_help_overlay(f, f.area(), "Keys", sections, 0, styles(), Style::new());
        });
        assert!(top.join("\n").contains("Navigate"));
        assert!(top[5].contains("↓ more"), "{top:?}");

        // Overshooting scroll shows the last page, without the "more" hint.
        let bottom = draw(40, 6, |f| {
            render_help_overlay(f, f.area(), "Keys", sections, 99, styles(), Style::new());
        });
        let joined = bottom.join("\n");
        assert!(joined.contains("cancel"), "{joined}");
        assert!(!joined.contains("Navigate"), "{joined}");
        assert!(!joined.contains("↓"), "{joined}");
        assert!(bottom[5].contains("↑ more"), "{bottom:?}");
    }

    #[test]
    fn help_overlay_never_panics() {
        let sections: &[(&str, &[KeyHelp])] = &[("Navigate", NAV), ("", EDIT), ("Empty", &[])];
        for (w, h) in [
            (0, 0),
            (1, 1),
            (3, 1),
            (10, 3),
            (20, 5),
            (30, 40),
            (200, 60),
        ] {
            for scroll in [0, 1, 5, u16::MAX] {
                draw(w, h, |f| {
                    render_help_overlay(
                        f,
                        f.area(),
                        "Keys",
                        sections,
                        scroll,
                        styles(),
                        Style::new(),
                    );
                    render_help_overlay(
                        f,
                        Rect::new(5, 5, 100, 100),
                        "",
                        &[],
                        scroll,
                        styles(),
                        Style::new(),
                    );
                });
            }
        }
    }

    #[test]
    fn too_small_message_is_centred_and_fills_the_frame() {
        let style = Style::new().bg(Color::Red);
        let mut terminal = test_terminal(60, 5);
        terminal
            .draw(|f| render_too_small(f, (80, 24), style))
            .unwrap();
        let buf = terminal.backend().buffer();
        let screen = text_rows(buf);
        assert_eq!(
            screen[2].trim(),
            "terminal too small (need 80×24, have 60×5)"
        );
        assert!(screen[2].starts_with("         terminal"));
        assert!(buf.content.iter().all(|c| c.bg == Color::Red));
    }

    #[test]
    fn too_small_message_wraps_when_narrow() {
        let screen = draw(20, 8, |f| render_too_small(f, (80, 24), Style::new()));
        let text: Vec<&str> = screen
            .iter()
            .map(|r| r.trim())
            .filter(|r| !r.is_empty())
            .collect();
        assert_eq!(text, ["terminal too small", "(need 80×24, have", "20×8)"]);
        let screen = draw(10, 3, |f| render_too_small(f, (80, 24), Style::new()));
        let text: Vec<&str> = screen
            .iter()
            .map(|r| r.trim())
            .filter(|r| !r.is_empty())
            .collect();
        assert_eq!(text, ["too small:", "need 80×24"]);
    }

    #[test]
    fn too_small_never_panics() {
        for (w, h) in [(0, 0), (1, 1), (10, 3), (2, 40), (79, 23)] {
            draw(w, h, |f| render_too_small(f, (80, 24), Style::new()));
        }
    }

    #[test]
    fn footer_joins_keys_with_dots() {
        let key = Style::new().add_modifier(Modifier::BOLD);
        let text = Style::new().fg(Color::Gray);
        let line = footer_line(&[("q", "quit"), ("?", "help")], key, text);
        assert_eq!(line.to_string(), "q quit · ? help");
        assert_eq!(line.spans[0].style, key);
        assert_eq!(line.spans[1].style, text);
        assert_eq!(footer_line(&[], key, text).to_string(), "");
    }
}
