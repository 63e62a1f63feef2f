//! One screen per stage of the session. Each screen keeps only its cursor; the session
//! itself comes in through `StageCtx`, and keys come back out as `Intent`s.

use std::cell::RefCell;

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

/// A part of a stage screen that did not fit: `count` of `noun` (a plural, such as
/// "interests" or "roles"), and the keys that bring them into view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hidden {
    pub count: usize,
    pub noun: &'static str,
    pub keys: &'static str,
}

/// Collects what a screen could not show during one `render`, so nothing is cut off
/// silently: the footer says how much is hidden and which keys bring it into view.
///
/// Interior mutability because screens draw from a shared `&StageCtx`.
#[derive(Debug, Default)]
pub struct FitReport {
    hidden: RefCell<Vec<Hidden>>,
}

impl FitReport {
    /// Records that `count` `noun` are out of view and `keys` reach them (empty when
    /// no key does, only a larger window). Nothing is
    /// recorded for a count of zero. The same noun reported twice (two columns, say)
    /// adds up, and the first keys named are kept.
    pub fn hide(&self, count: usize, noun: &'static str, keys: &'static str) {
        if count == 0 {
            return;
        }
        let mut hidden = self.hidden.borrow_mut();
        match hidden.iter_mut().find(|h| h.noun == noun) {
            Some(h) => h.count += count,
            None => hidden.push(Hidden { count, noun, keys }),
        }
    }

    /// Everything reported so far, in the order reported.
    #[must_use]
    pub fn hidden(&self) -> Vec<Hidden> {
        self.hidden.borrow().clone()
    }

    /// One sentence for the footer, or `None` when everything fit:
    /// "Not shown: 4 interests, 1 partner · ↑↓ ←→ to see them".
    pub fn summary(&self) -> Option<String> {
        let hidden = self.hidden.borrow();
        if hidden.is_empty() {
            return None;
        }
        let parts: Vec<String> = hidden
            .iter()
            .map(|h| match h.count {
                1 => format!("1 {}", singular(h.noun)),
                n => format!("{n} {}", h.noun),
            })
            .collect();
        let keys = self.keys(&hidden);
        // No keys named means no key reaches them: only a bigger window does.
        let how = if keys.is_empty() {
            "a larger window shows them".to_string()
        } else {
            format!("{} to see them", keys.join(" "))
        };
        Some(format!("Not shown: {} · {how}", parts.join(", ")))
    }
}

impl FitReport {
    /// The summary in a few cells, for a footer whose status line is busy:
    /// "9 not shown · ↑↓ z".
    pub fn short(&self) -> Option<String> {
        let hidden = self.hidden.borrow();
        if hidden.is_empty() {
            return None;
        }
        let total: usize = hidden.iter().map(|h| h.count).sum();
        let keys = self.keys(&hidden);
        if keys.is_empty() {
            Some(format!("{total} not shown"))
        } else {
            Some(format!("{total} not shown · {}", keys.join(" ")))
        }
    }

    /// Each key once, in the order first named: "↑↓" and "↑↓ ←→" make "↑↓ ←→".
    fn keys<'a>(&self, hidden: &'a [Hidden]) -> Vec<&'a str> {
        let mut keys: Vec<&str> = Vec::new();
        for key in hidden.iter().flat_map(|h| h.keys.split_whitespace()) {
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        keys
    }
}

/// The singular of a plural noun phrase as the screens report them: the head noun
/// loses its plural ending. The head is the word before "of" ("lines of the
/// statement" → "line of the statement") or before "cut short", else the last word
/// ("action items" → "action item", "categories" → "category").
fn singular(noun: &str) -> String {
    let cut = [" of ", " cut short"]
        .iter()
        .filter_map(|sep| noun.find(sep))
        .min()
        .unwrap_or(noun.len());
    let (head, tail) = noun.split_at(cut);
    let (before, word) = match head.rsplit_once(' ') {
        Some((before, word)) => (format!("{before} "), word),
        None => (String::new(), head),
    };
    let word = if let Some(stem) = word.strip_suffix("sses") {
        format!("{stem}ss")
    } else if let Some(stem) = word.strip_suffix("ies") {
        format!("{stem}y")
    } else if let Some(stem) = word.strip_suffix('s') {
        stem.to_string()
    } else {
        word.to_string()
    };
    format!("{before}{word}{tail}")
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

/// Keeps a scrolled list's window around the cursor: returns the first visible row.
pub fn scroll_offset(cursor: usize, len: usize, visible: usize) -> usize {
    if visible == 0 || len <= visible {
        return 0;
    }
    let half = visible / 2;
    cursor.saturating_sub(half).min(len - visible)
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

#[cfg(test)]
mod fit_tests {
    use super::FitReport;

    #[test]
    fn nothing_hidden_says_nothing() {
        let fit = FitReport::default();
        fit.hide(0, "roles", "↑↓");
        assert!(fit.hidden().is_empty());
        assert_eq!(fit.summary(), None);
    }

    #[test]
    fn counts_add_up_per_noun_and_keys_are_named_once() {
        let fit = FitReport::default();
        fit.hide(3, "interests", "↑↓");
        fit.hide(2, "partners", "←→");
        fit.hide(4, "interests", "↑↓");
        fit.hide(1, "lines of the statement", "↑↓ z");
        assert_eq!(fit.short().as_deref(), Some("10 not shown · ↑↓ ←→ z"));
        assert_eq!(
            fit.summary().as_deref(),
            Some(
                "Not shown: 7 interests, 2 partners, 1 line of the statement · ↑↓ ←→ z to see them"
            )
        );
    }

    #[test]
    fn one_of_a_kind_is_said_in_the_singular() {
        for (plural, one) in [
            ("partners", "partner"),
            ("categories", "category"),
            ("words of the gate line", "word of the gate line"),
            ("action items", "action item"),
            ("holes cut short", "hole cut short"),
            ("separate businesses", "separate business"),
        ] {
            let fit = FitReport::default();
            fit.hide(1, plural, "↑↓");
            assert_eq!(
                fit.summary(),
                Some(format!("Not shown: 1 {one} · ↑↓ to see them"))
            );
        }
    }
}
