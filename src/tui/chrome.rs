//! The frame around every session screen: a header with the title, the partners in their
//! colours, where the session stands and the stage timer; a footer with the keys that
//! matter now and the status line.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::domain::change::stage_lock;
use crate::domain::{Session, Stage};

use super::big_title::{self, BigLayout};
use super::fit::FitReport;
use super::theme::Theme;
use super::widgets::{display_width, footer_line, truncate_to_width};

/// Rows the header takes (two lines of text and a rule).
pub const HEADER_ROWS: u16 = 3;
/// Rows the footer takes (keys and status).
pub const FOOTER_ROWS: u16 = 2;

/// The parts of a view of the wall, top to bottom: the header, the stage, `band` rows
/// the view keeps for itself under the stage (the replay's timeline; none elsewhere),
/// and the footer. Header, band and footer keep their rows while there are rows to
/// keep; the stage takes what is left.
pub fn wall_layout(area: Rect, band: u16) -> [Rect; 4] {
    Layout::vertical([
        Constraint::Length(HEADER_ROWS),
        Constraint::Fill(1),
        Constraint::Length(band),
        Constraint::Length(FOOTER_ROWS),
    ])
    .areas(area)
}

/// The terminal height from which a stage's title is drawn in large letters. Below it
/// every row goes to the content, and the header's stage line names the stage.
pub const BIG_TITLE_MIN_HEIGHT: u16 = 40;
/// The terminal height from which the title may use full-size (eight-row) letters.
pub const FULL_TITLE_MIN_HEIGHT: u16 = 60;

/// Splits a screen's body into a large title for `label` and what is left, when the
/// terminal (`screen_height` rows) is tall enough and the title fits on one line.
/// Otherwise the whole body is left and no title is drawn.
pub fn split_big_title(
    body: Rect,
    screen_height: u16,
    label: &str,
) -> (Option<(Rect, BigLayout)>, Rect) {
    if screen_height < BIG_TITLE_MIN_HEIGHT {
        return (None, body);
    }
    let max_letter = if screen_height >= FULL_TITLE_MIN_HEIGHT {
        8
    } else {
        4
    };
    // One cell of margin on the left, as the rest of the screen has.
    let width = body.width.saturating_sub(2);
    let Some(layout) = big_title::fit(label, width, body.height / 3, 1, max_letter) else {
        return (None, body);
    };
    // A blank row under the letters keeps them apart from the content.
    let rows = layout.height() + 1;
    let title = Rect::new(body.x + 1, body.y, width, layout.height());
    let rest = Rect::new(body.x, body.y + rows, body.width, body.height - rows);
    (Some((title, layout)), rest)
}

/// Draws a title laid out by [`split_big_title`].
pub fn render_big_title(frame: &mut Frame, title: Option<(Rect, BigLayout)>, theme: &Theme) {
    if let Some((area, layout)) = title {
        big_title::render(
            frame.buffer_mut(),
            area,
            &layout,
            theme.heading,
            ratatui::layout::Alignment::Left,
        );
    }
}

/// `at` as a wall-clock time in `format`: in `offset` when one is set (tests fix it,
/// so pictures do not depend on the machine's zone), else in the local zone.
pub fn wall_clock(
    at: chrono::DateTime<chrono::Utc>,
    offset: Option<chrono::FixedOffset>,
    format: &str,
) -> String {
    match offset {
        Some(offset) => at.with_timezone(&offset).format(format).to_string(),
        None => at.with_timezone(&chrono::Local).format(format).to_string(),
    }
}

/// `mm:ss`, or `h:mm:ss` past an hour.
pub fn clock_text(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, (seconds / 60) % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m:02}:{s:02}")
    }
}

/// A one-word name for a stage, for narrow places.
pub fn short_label(stage: Stage) -> &'static str {
    match stage {
        Stage::Vision => "Vision",
        Stage::Roles => "Roles",
        Stage::Interests => "Interests",
        Stage::Conflicts => "Conflicts",
        Stage::Summary => "Summary",
    }
}

/// The stage timer: time spent against the timebox, and how far over it is.
fn timer_spans(spent: u64, timebox_min: u32, theme: &Theme) -> Vec<Span<'static>> {
    let limit = u64::from(timebox_min) * 60;
    let text = format!("⏱ {} / {}", clock_text(spent), clock_text(limit));
    if spent > limit {
        // The word carries the meaning on a projector that washes out the red.
        vec![Span::styled(format!("{text} over"), theme.bad)]
    } else if spent * 5 >= limit * 4 {
        vec![Span::styled(text, theme.warn)]
    } else {
        vec![Span::styled(text, theme.text)]
    }
}

/// Partner names that fit in `room` cells (with their separators): full names if they
/// fit, else first words, else first words cut evenly.
fn partner_labels(session: &Session, room: usize) -> Vec<String> {
    let full: Vec<String> = session.partners.iter().map(|p| p.name.clone()).collect();
    let width = |names: &[String]| names.iter().map(|n| display_width(n) + 3).sum::<usize>();
    if width(&full) <= room {
        return full;
    }
    let short: Vec<String> = session
        .partners
        .iter()
        .map(|p| p.name.split_whitespace().next().unwrap_or("").to_string())
        .collect();
    if width(&short) <= room {
        return short;
    }
    let each = (room / session.partners.len().max(1))
        .saturating_sub(3)
        .max(4);
    short.iter().map(|n| truncate_to_width(n, each)).collect()
}

/// Draws the header. `shown` is the stage on screen, `spent` the seconds spent in it.
pub fn render_header(
    frame: &mut Frame,
    area: Rect,
    session: &Session,
    shown: Stage,
    spent: u64,
    badge: Option<&str>,
    theme: &Theme,
) {
    let area = area.intersection(frame.area());
    if area.is_empty() {
        return;
    }
    let width = usize::from(area.width);
    let timer = timer_spans(spent, session.clock.timebox_minutes(shown), theme);
    let timer_width: usize = timer.iter().map(|s| display_width(&s.content)).sum();

    // Line 1: title, partners, timer on the right. The partners matter more than the
    // end of a long title, so names shrink to their first word before the title is cut
    // below a readable length.
    let mut left = vec![Span::raw(" ")];
    if let Some(badge) = badge {
        left.push(Span::styled(format!("{badge} "), theme.warn));
    }
    let room = width.saturating_sub(timer_width + 3 + badge.map_or(0, |b| display_width(b) + 1));
    let names = partner_labels(
        session,
        room.saturating_sub(display_width(&session.title).min(16) + 3),
    );
    let names_width: usize = names.iter().map(|n| display_width(n) + 3).sum();
    let title = truncate_to_width(&session.title, room.saturating_sub(names_width).max(8));
    left.push(Span::styled(title, theme.heading));
    for (i, name) in names.into_iter().enumerate() {
        let sep = if i == 0 { "   " } else { " · " };
        left.push(Span::styled(sep, theme.muted));
        left.push(Span::styled(name, theme.partner(i)));
    }
    let left_width: usize = left.iter().map(|s| display_width(&s.content)).sum();
    let pad = width.saturating_sub(left_width + timer_width + 1);
    left.push(Span::raw(" ".repeat(pad)));
    left.extend(timer);
    let line1 = Line::from(left);

    // Line 2: every stage, the shown one marked, locked ones dimmed.
    let long = width >= 100;
    let mut spans = vec![Span::raw(" ")];
    for (i, stage) in Stage::ALL.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" › ", theme.muted));
        }
        let label = if long {
            stage.label()
        } else {
            short_label(stage)
        };
        let text = format!("{} {}", stage.number(), label);
        let style: Style = if stage == shown {
            theme.selected
        } else if stage_lock(session, stage).is_some() {
            theme.muted
        } else {
            theme.text
        };
        let text = if stage == shown {
            format!("▶{text} ")
        } else {
            text
        };
        spans.push(Span::styled(text, style));
    }
    let line2 = Line::from(spans);
    let block = Block::default()
        .borders(Borders::BOTTOM)
        .border_style(theme.border);
    frame.render_widget(Paragraph::new(vec![line1, line2]).block(block), area);
}

/// Draws the footer: the keys that matter here, then the status line. `fit` is the fit
/// check's sentence when the screen could not show everything; it takes the right of
/// the status line (the whole line when there is no status), so content is never cut
/// off without the room being told.
pub fn render_footer(
    frame: &mut Frame,
    area: Rect,
    keys: &[(&str, &str)],
    status: Option<(&str, Style)>,
    fit: &FitReport,
    theme: &Theme,
) {
    let area = area.intersection(frame.area());
    if area.is_empty() {
        return;
    }
    // Keep whole "key what" pairs that fit, in order of importance, and always the help
    // key, rather than cutting the last pair in half at the screen edge.
    let width = usize::from(area.width).saturating_sub(1);
    let help = ("?", "help");
    let pair_width = |(k, w): (&str, &str)| display_width(k) + 1 + display_width(w) + 3;
    let mut used = pair_width(help);
    let mut all: Vec<(&str, &str)> = Vec::with_capacity(keys.len() + 1);
    for &pair in keys {
        if used + pair_width(pair) > width {
            break;
        }
        used += pair_width(pair);
        all.push(pair);
    }
    all.push(help);
    let keys_line = footer_line(&all, theme.key, theme.muted);
    let status_line = status_line(usize::from(area.width), status, fit, theme);
    let mut keys_line = keys_line;
    keys_line.spans.insert(0, Span::raw(" "));
    frame.render_widget(Paragraph::new(vec![keys_line, status_line]), area);
}

/// The footer's second line: the status on the left, the fit check on the right. The
/// status (a failed save, say) is the more urgent and keeps its words; the fit check
/// shortens to a count and the keys ("9 not shown · ↑↓") to make room for it, but it
/// never disappears: nothing is hidden without the footer saying so.
fn status_line(
    width: usize,
    status: Option<(&str, Style)>,
    fit: &FitReport,
    theme: &Theme,
) -> Line<'static> {
    let room = width.saturating_sub(2);
    let (status_text, status_style) = status.unwrap_or(("", theme.text));
    let (Some(full), Some(short)) = (fit.summary(), fit.short()) else {
        return Line::from(Span::styled(
            format!(" {}", truncate_to_width(status_text, room)),
            status_style,
        ));
    };
    let status_w = display_width(status_text);
    let gap = if status_w == 0 { 0 } else { 3 };
    let full = format!("▼ {full}");
    let short = format!("▼ {short}");
    let fit_shown = if status_w + gap + display_width(&full) <= room {
        full
    } else if status_w == 0 {
        truncate_to_width(&full, room)
    } else {
        truncate_to_width(&short, room)
    };
    let status_room = room.saturating_sub(display_width(&fit_shown) + gap);
    let status_shown = truncate_to_width(status_text, status_room);
    let pad = room.saturating_sub(display_width(&status_shown) + display_width(&fit_shown));
    Line::from(vec![
        Span::raw(" "),
        Span::styled(status_shown, status_style),
        Span::raw(" ".repeat(pad)),
        Span::styled(fit_shown, theme.accent),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_titles_only_on_tall_terminals() {
        let body = Rect::new(0, 3, 160, 37);
        let (title, rest) = split_big_title(body, 39, "Role split");
        assert!(title.is_none());
        assert_eq!(rest, body);
        let body = Rect::new(0, 3, 160, 40);
        let (title, rest) = split_big_title(body, 45, "Role split");
        let (area, layout) = title.expect("tall enough");
        assert_eq!(layout.height(), 4, "half-height letters below 60 rows");
        assert_eq!(area.y, 3);
        assert_eq!(rest.y, 3 + 5);
        assert_eq!(rest.height, 35);
        let body = Rect::new(0, 3, 200, 60);
        let (title, _) = split_big_title(body, 65, "Role split");
        assert_eq!(title.expect("tall").1.height(), 8);
        // Too long for one line even in the smallest letters: ordinary title only.
        let body = Rect::new(0, 3, 80, 40);
        let (title, rest) = split_big_title(body, 45, "Self-interest disclosure");
        assert!(title.is_none());
        assert_eq!(rest, body);
    }

    fn line_text(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn fit_check_sits_right_of_the_status_and_yields_to_it() {
        let theme = Theme::dark();
        let fit = FitReport::default();
        fit.hide(4, "interests", "↑↓");
        let text = line_text(&status_line(80, None, &fit, &theme));
        assert!(text.ends_with("▼ Not shown: 4 interests · ↑↓ to see them"));
        assert_eq!(display_width(&text), 79);

        let text = line_text(&status_line(80, Some(("Saved.", theme.good)), &fit, &theme));
        assert!(text.starts_with(" Saved."));
        assert!(text.ends_with("▼ Not shown: 4 interests · ↑↓ to see them"));

        // A long status keeps its words; the fit check shortens to a count and keys.
        let long = "Conflict 'Both sell to Initech' now resolved";
        let text = line_text(&status_line(80, Some((long, theme.bad)), &fit, &theme));
        assert!(text.starts_with(&format!(" {long}")), "{text}");
        assert!(text.ends_with("▼ 4 not shown · ↑↓"), "{text}");
        assert!(display_width(&text) <= 79);

        // Too long even for that: the status is cut, the count stays.
        let longer = long.repeat(3);
        let text = line_text(&status_line(80, Some((&longer, theme.bad)), &fit, &theme));
        assert!(text.ends_with("▼ 4 not shown · ↑↓"), "{text}");
        assert!(text.contains('…'), "{text}");

        let none = FitReport::default();
        let text = line_text(&status_line(
            80,
            Some(("Saved.", theme.good)),
            &none,
            &theme,
        ));
        assert_eq!(text, " Saved.");
    }

    #[test]
    fn clock_text_switches_to_hours() {
        assert_eq!(clock_text(0), "00:00");
        assert_eq!(clock_text(65), "01:05");
        assert_eq!(clock_text(3_725), "1:02:05");
    }
}
