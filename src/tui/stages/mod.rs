//! One screen per stage of the session. Each screen keeps only its cursor; the session
//! itself comes in through `StageCtx`, and keys come back out as `Intent`s.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

use crate::domain::Session;
use crate::domain::board::{BoardEntry, Source};
use crate::domain::timeline::Changed;

use super::theme::Theme;

pub mod columns;
pub mod conflicts;
pub mod focus;
pub mod interests;
pub mod marks;
pub mod partners;
pub mod roles;
pub mod round;
pub mod screen;
pub mod summary;
pub mod text;
pub mod vision;

pub use super::cursor::scroll_offset;
pub use super::fit::{FitReport, Hidden};

/// What every stage screen needs to draw itself and to decide what a key means.
pub struct StageCtx<'a> {
    pub session: &'a Session,
    /// The conflict board for `session` (entered and detected conflicts with their
    /// outcomes), computed once per change rather than on every frame.
    pub board: &'a [BoardEntry],
    pub theme: &'a Theme,
    /// True when the session is shown without the right to change it (another instance
    /// holds it, or a replay). Screens still move their cursor but ask for no changes.
    pub read_only: bool,
    /// What the event just replayed changed, while its highlight lasts; `None` in a
    /// live session. Screens mark it with `CHANGED_MARK` in `changed_style`.
    pub highlight: Option<&'a Changed>,
    /// What the screen could not show while drawing, for the footer's fit check.
    /// Screens report into it from `render`; whoever drew them reads it afterwards.
    pub fit: FitReport,
    /// The app clock's day, for what falls due (overdue action items); `None` where no
    /// clock is at hand, and then nothing is called overdue.
    pub today: Option<chrono::NaiveDate>,
    /// The moment the wall shows, for clocks that run on it (a sealed round's): the app
    /// clock in a live session, the replayed event's time in a replay.
    pub now: Option<chrono::DateTime<chrono::Utc>>,
}

/// The selected item of a stage, for focus mode: shown alone and large so the room can
/// discuss it. `kicker` says what kind of item it is and whose ("Interest · Globex
/// Integration"), `title` is the item itself in a few words, `details` the rest.
#[derive(Debug, Clone, Default)]
pub struct FocusCard {
    pub kicker: String,
    /// The style of the kicker: a partner's colour when the item is one partner's.
    pub kicker_style: Style,
    pub title: String,
    pub details: Vec<Line<'static>>,
}

/// The symbol in front of what a replayed event just changed, so the highlight does not
/// rest on colour alone.
pub const CHANGED_MARK: &str = "●";

/// The style of what a replayed event just changed: the warning colour reversed into
/// a bar. Reversed, so it cannot be read as a medium severity or a focused box, which
/// share that colour as text and border; it lasts only a moment.
pub fn changed_style(theme: &Theme) -> Style {
    theme.warn.add_modifier(Modifier::BOLD | Modifier::REVERSED)
}

/// Marks a row the replayed event just changed: every span takes the changed style, and
/// a two-cell gutter at its start (a first span of two spaces) takes the mark.
pub fn mark_changed(line: &mut Line<'_>, theme: &Theme) {
    let style = changed_style(theme);
    for span in &mut line.spans {
        span.style = span.style.patch(style);
    }
    if let Some(first) = line.spans.first_mut()
        && first.content == "  "
    {
        first.content = format!("{CHANGED_MARK} ").into();
    }
}

impl<'a> StageCtx<'a> {
    /// A context with an empty fit report, ready for one `render` or one key.
    pub fn new(
        session: &'a Session,
        board: &'a [BoardEntry],
        theme: &'a Theme,
        read_only: bool,
        highlight: Option<&'a Changed>,
    ) -> StageCtx<'a> {
        StageCtx {
            session,
            board,
            theme,
            read_only,
            highlight,
            fit: FitReport::default(),
            today: None,
            now: None,
        }
    }

    /// The same context, knowing what day the app clock says it is.
    pub fn on(mut self, now: chrono::DateTime<chrono::Utc>) -> StageCtx<'a> {
        self.today = Some(now.date_naive());
        self.now = Some(now);
        self
    }

    /// True when `action` was due before the app clock's day.
    pub fn is_overdue(&self, action: &crate::domain::ActionItem) -> bool {
        self.today.is_some_and(|today| action.is_overdue(today))
    }

    /// True when `entry` on the conflict board is what the replayed event changed.
    pub fn entry_changed(&self, entry: &BoardEntry) -> bool {
        match (self.highlight, &entry.source) {
            (Some(Changed::Conflict(id)), Source::Moderator(own)) => id == own,
            (Some(Changed::Finding(key)), Source::Detected { key: own, .. }) => key == own,
            (Some(Changed::Findings(keys)), Source::Detected { key: own, .. }) => {
                keys.contains(own)
            }
            _ => false,
        }
    }
}

/// An area with `n` rows cut from the top; what is left below.
pub fn take_top(area: Rect, n: u16) -> (Rect, Rect) {
    let n = n.min(area.height);
    let top = Rect::new(area.x, area.y, area.width, n);
    let rest = Rect::new(area.x, area.y + n, area.width, area.height - n);
    (top, rest)
}

/// An area with `n` rows cut from the bottom: what is left above, and the cut rows.
pub fn take_bottom(area: Rect, n: u16) -> (Rect, Rect) {
    let n = n.min(area.height);
    let above = Rect {
        height: area.height - n,
        ..area
    };
    let below = Rect::new(area.x, area.y + area.height - n, area.width, n);
    (above, below)
}

/// Writes one-row lines into `area`, top to bottom; what does not fit is left out. The
/// buffer is written directly rather than through a `Paragraph`, whose per-frame
/// wrapping machinery is the dearest part of drawing a dense column.
pub fn draw_lines(buf: &mut Buffer, area: Rect, lines: &[Line]) {
    let area = area.intersection(buf.area);
    for (y, line) in (area.y..area.bottom()).zip(lines) {
        buf.set_line(area.x, y, line, area.width);
    }
}

/// True for a Control or Alt chord. Those belong to the app (or to nothing), never to a
/// stage screen. Shift is not a chord here: `A` arrives as Shift-a on some terminals and
/// as plain `A` on others.
pub fn is_chord(key: &KeyEvent) -> bool {
    key.modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scroll_keeps_cursor_in_view() {
        assert_eq!(scroll_offset(0, 100, 10), 0);
        assert_eq!(scroll_offset(50, 100, 10), 45);
        assert_eq!(scroll_offset(99, 100, 10), 90);
        assert_eq!(scroll_offset(3, 5, 10), 0);
        assert_eq!(scroll_offset(3, 5, 0), 0);
    }
}
