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
        }
    }

    /// The same context, knowing what day the app clock says it is.
    pub fn on(mut self, now: chrono::DateTime<chrono::Utc>) -> StageCtx<'a> {
        self.today = Some(now.date_naive());
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

/// What the stage screens' unit tests share: sessions to start from, a context, keys,
/// drawing a screen and reading it back, and opening what a key asked for.
#[cfg(test)]
pub(crate) mod testing {

    use chrono::{DateTime, TimeZone, Utc};
    use ratatui::Frame;
    use ratatui::buffer::Buffer;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use ratatui::style::Modifier;

    use crate::domain::timeline::Changed;
    use crate::domain::{Change, History, NewPartner, PartnerId, PartnershipType, Session, sample};
    use crate::tui::form::{FieldKind, Form};
    use crate::tui::intent::Intent;
    use crate::tui::theme::Theme;
    use crate::tui::widgets::display_width;
    use crate::tui::widgets::testing::draw_buffer;

    use super::StageCtx;

    /// The sample session that ends in a verdict to proceed: every stage has content.
    pub fn proceed() -> History {
        sample::example_proceed().expect("the sample session builds")
    }

    /// A fixed moment to record changes at, so nothing depends on the clock.
    pub fn at() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 12, 10, 0, 0).unwrap()
    }

    /// A session as it stands when the room sits down: partners named, nothing said.
    pub fn fresh(partners: usize) -> History {
        let names = [
            "Northwind Analytics",
            "Globex Integration",
            "Initech",
            "Umbrella",
            "Hooli",
            "Stark Industries",
            "Wayne Enterprises",
            "Cyberdyne Systems",
        ];
        History::create(
            at(),
            Change::Created {
                title: "Test session".into(),
                moderator: "Dana".into(),
                kind: PartnershipType::SystemIntegrator,
                partners: names
                    .iter()
                    .take(partners)
                    .zip(1..)
                    .map(|(name, id)| NewPartner {
                        id: PartnerId(id),
                        name: (*name).into(),
                        brings: String::new(),
                    })
                    .collect(),
                roles: Vec::new(),
            },
        )
        .unwrap()
    }

    /// The context of a moderator who may change the session.
    ///
    /// The board is computed here and leaked: tests are short-lived processes, and a
    /// context that borrows everything keeps the screens' signatures simple.
    pub fn ctx<'a>(session: &'a Session, theme: &'a Theme) -> StageCtx<'a> {
        let board: &'static [crate::domain::board::BoardEntry] =
            Box::leak(crate::domain::board::board(session).into_boxed_slice());
        StageCtx::new(session, board, theme, false, None)
    }

    /// A key pressed on its own, without modifiers.
    pub fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    /// Draws a screen with `render` into a fresh `width` × `height` test terminal, in the
    /// dark theme, and returns what it drew.
    pub fn draw_stage(
        width: u16,
        height: u16,
        session: &Session,
        render: impl FnOnce(&mut Frame, &StageCtx),
    ) -> Buffer {
        let theme = Theme::dark();
        let ctx = ctx(session, &theme);
        draw_buffer(width, height, |f| render(f, &ctx))
    }

    /// Draws a screen as a replay does right after an event that changed `changed`:
    /// a fresh `width` × `height` test terminal, dark theme, the change highlighted.
    pub fn draw_highlighted(
        width: u16,
        height: u16,
        session: &Session,
        changed: &Changed,
        render: impl FnOnce(&mut Frame, &StageCtx),
    ) -> Buffer {
        let theme = Theme::dark();
        let mut ctx = ctx(session, &theme);
        ctx.highlight = Some(changed);
        draw_buffer(width, height, |f| render(f, &ctx))
    }

    /// The rows (whole, as text) where a highlight mark is drawn in the changed style of
    /// the dark theme.
    pub fn marked_rows(buf: &Buffer) -> Vec<String> {
        let style = super::changed_style(&Theme::dark());
        let all = rows(buf);
        let area = buf.area;
        (area.y..area.bottom())
            .filter(|&y| {
                (area.x..area.right()).any(|x| {
                    let cell = &buf[(x, y)];
                    cell.symbol() == super::CHANGED_MARK
                        && cell.fg == style.fg.unwrap()
                        && cell.modifier.contains(Modifier::BOLD)
                })
            })
            .map(|y| all[usize::from(y - area.y)].clone())
            .collect()
    }

    /// Draws a screen with `render` on a `width` × `height` test terminal: its rows,
    /// and what it reported to the fit check as not shown.
    pub fn draw_fit(
        width: u16,
        height: u16,
        session: &Session,
        render: impl FnOnce(&mut Frame, &StageCtx),
    ) -> (Vec<String>, Vec<super::Hidden>) {
        let theme = Theme::dark();
        let ctx = ctx(session, &theme);
        let buf = draw_buffer(width, height, |f| render(f, &ctx));
        (rows(&buf), ctx.fit.hidden())
    }

    /// How many `noun` a screen reported as not shown, and with which keys.
    pub fn reported(hidden: &[super::Hidden], noun: &str) -> Option<(usize, &'static str)> {
        hidden
            .iter()
            .find(|h| h.noun == noun)
            .map(|h| (h.count, h.keys))
    }

    /// A focus card's detail lines as plain text.
    pub fn card_lines(card: &super::FocusCard) -> Vec<String> {
        card.details.iter().map(|l| l.to_string()).collect()
    }

    /// The screen as one string per row, cell by cell.
    pub fn rows(buf: &Buffer) -> Vec<String> {
        let area = buf.area;
        (area.y..area.bottom())
            .map(|y| {
                (area.x..area.right())
                    .map(|x| buf[(x, y)].symbol())
                    .collect()
            })
            .collect()
    }

    /// Row and column (in cells) where `needle` first appears.
    pub fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
        rows(buf).iter().enumerate().find_map(|(y, row)| {
            row.find(needle)
                .map(|byte| (y as u16, display_width(&row[..byte]) as u16))
        })
    }

    /// The form a key opened.
    pub fn form(intent: Option<Intent>) -> Form {
        match intent {
            Some(Intent::Form(form)) => form,
            _ => panic!("expected a form"),
        }
    }

    /// Replaces the text of text field `field`, as if typed.
    pub fn set_text(form: &mut Form, field: usize, text: &str) {
        match &mut form.fields[field].kind {
            FieldKind::Text(editor) => editor.set_text(text),
            FieldKind::Choice { .. } => panic!("field {field} is a choice"),
        }
    }

    /// What the editor a key opened records when `text` is submitted.
    pub fn submit_edit(
        intent: Intent,
        text: &str,
        session: &Session,
    ) -> Result<Vec<Change>, String> {
        match intent {
            Intent::Edit { purpose, .. } => {
                crate::tui::submit::submit_text(&purpose, text.to_string(), session)
            }
            _ => panic!("expected an editor"),
        }
    }

    /// The changes a key asked to record straight away.
    pub fn recorded(intent: Option<Intent>) -> Vec<Change> {
        match intent {
            Some(Intent::Record(changes)) => changes,
            Some(Intent::Status(s)) => panic!("expected changes, got status {s}"),
            _ => panic!("expected changes"),
        }
    }
}

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
