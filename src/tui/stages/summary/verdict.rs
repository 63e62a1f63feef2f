//! The verdict box at the top of the summary: the room's decision in its largest type,
//! and the conditions or reason that go with it, each line as the moderator typed it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Padding, Paragraph};

use crate::domain::{GateDecision, Session, Verdict};
use crate::tui::theme::Theme;
use crate::tui::widgets::wrap_lines;

use super::super::{CHANGED_MARK, changed_style};

pub(super) fn verdict_word(verdict: Option<Verdict>) -> &'static str {
    match verdict {
        Some(Verdict::Proceed) => "Proceed",
        Some(Verdict::ProceedWithConditions) => "Proceed with conditions",
        Some(Verdict::TakeAPass) => "Take a pass",
        None => "No verdict yet",
    }
}

/// A pass is a sound outcome, so it is shown in the calm accent colour, never as an
/// error.
pub(super) fn verdict_style(verdict: Option<Verdict>, theme: &Theme) -> Style {
    match verdict {
        Some(Verdict::Proceed) => theme.good.add_modifier(Modifier::BOLD),
        Some(Verdict::ProceedWithConditions) => theme.warn.add_modifier(Modifier::BOLD),
        Some(Verdict::TakeAPass) => theme.accent,
        None => theme.muted,
    }
}

/// The lines inside the verdict box, centred and wrapped to `width`.
pub(super) fn verdict_body(
    session: &Session,
    theme: &Theme,
    read_only: bool,
    width: u16,
) -> Vec<Line<'static>> {
    let verdict = session.verdict;
    let mut lines =
        vec![Line::styled(verdict_word(verdict), verdict_style(verdict, theme)).centered()];
    if let Some((text, style)) = verdict_text(session, theme, read_only) {
        lines.push(Line::default());
        lines.extend(
            text.into_iter()
                .map(|line| Line::styled(line, style).centered()),
        );
    }
    wrap_lines(&lines, width)
}

/// The lines the moderator typed into `note`, each trimmed; blank ones are left out,
/// as they would only push the rest of the summary down.
fn typed_lines(note: &str) -> Vec<&str> {
    note.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

/// `note`'s lines with `before` in front of the first and `after` behind the last: a
/// note typed on several lines keeps them, rather than running them together.
fn framed(before: &str, note: &[&str], after: &str) -> Vec<String> {
    let mut lines: Vec<String> = note.iter().map(|l| (*l).to_string()).collect();
    if lines.is_empty() {
        lines.push(String::new());
    }
    if let Some(first) = lines.first_mut() {
        first.insert_str(0, before);
    }
    if let Some(last) = lines.last_mut() {
        last.push_str(after);
    }
    lines
}

/// What goes with the verdict, one entry per line: its conditions or reason, or what the
/// room does next. A view that may not change the session (`read_only`) names no key
/// that would.
pub(super) fn verdict_text(
    session: &Session,
    theme: &Theme,
    read_only: bool,
) -> Option<(Vec<String>, Style)> {
    let verdict = session.verdict;
    let note = typed_lines(&session.verdict_note);
    match (verdict, &session.gate) {
        (Some(Verdict::TakeAPass), Some(GateDecision::TakeAPass { reason })) => {
            let mut reason = if note.is_empty() {
                typed_lines(reason)
            } else {
                note
            };
            if let Some(last) = reason.last_mut() {
                *last = last.trim_end_matches('.');
            }
            Some((
                framed(
                    "The partners took a pass at the vision gate: ",
                    &reason,
                    ". Learning early that the vision is not shared is a good outcome.",
                ),
                theme.text,
            ))
        }
        (Some(Verdict::ProceedWithConditions), _) => {
            Some((framed("Conditions: ", &note, ""), theme.text))
        }
        (Some(Verdict::TakeAPass), _) if !note.is_empty() => {
            Some((framed("Reason: ", &note, ""), theme.text))
        }
        (Some(_), _) if !note.is_empty() => Some((framed("", &note, ""), theme.text)),
        (Some(_), _) => None,
        (None, None) => Some((
            vec![
                "The vision gate has not been decided yet; the verdict comes after it.".to_string(),
            ],
            theme.muted,
        )),
        (None, Some(_)) if read_only => Some((
            vec!["The room has not recorded its verdict yet.".to_string()],
            theme.muted,
        )),
        (None, Some(_)) => Some((
            vec![
                "Press v to record the room's verdict: proceed, proceed with conditions, or \
                 take a pass."
                    .to_string(),
            ],
            theme.muted,
        )),
    }
}

pub(super) fn render_verdict(
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    lines: Vec<Line<'static>>,
    (focused, marked): (bool, bool),
) {
    if area.is_empty() {
        return;
    }
    // The focus shows in the title's style and in a pointer, so it reads without colour.
    // A verdict a replayed event just recorded carries the mark, even under the cursor.
    let mark = if marked {
        format!("{CHANGED_MARK} ")
    } else {
        String::new()
    };
    let title = match (focused, marked) {
        (true, _) => Span::styled(format!(" ▶ {mark}VERDICT "), theme.selected),
        (false, true) => Span::styled(format!(" {mark}VERDICT "), changed_style(theme)),
        (false, false) => Span::styled(" VERDICT ", theme.heading),
    };
    let border = match (focused, marked) {
        (_, true) => changed_style(theme),
        (true, false) => theme.focus_border,
        (false, false) => theme.border,
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(border)
        .padding(Padding::horizontal(2))
        .title(title);
    let inner = block.inner(area).intersection(area);
    frame.render_widget(block, area);
    frame.render_widget(Paragraph::new(lines), inner);
}
