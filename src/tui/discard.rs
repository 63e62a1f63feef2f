//! Esc never throws typed text away by itself. An editor or form whose text is as it
//! opened closes at once; one with changes asks "Discard what you typed?" and only `y`
//! lets the text go. `n`, or Esc again (pressed twice by habit), goes back to editing.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::form::{FieldKind, Form};
use super::theme::Theme;
use super::widgets::{DialogStyle, render_dialog};

/// The question, as the dialog shows it.
pub const QUESTION: &str = "Discard what you typed?";

/// What an editor or form held when it opened, and whether the question is up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscardGuard {
    initial: Vec<String>,
    asking: bool,
}

/// The moderator's answer to the question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// `y`: close and let the text go.
    Discard,
    /// `n` or Esc: the question goes away, the text stays.
    KeepEditing,
    /// Any other key: the question stays up and the key does nothing, so a letter
    /// typed before noticing the question changes neither the text nor the answer.
    Undecided,
}

impl DiscardGuard {
    /// Remembers `initial`, the values as the editor or form opens.
    pub fn new(initial: Vec<String>) -> DiscardGuard {
        DiscardGuard {
            initial,
            asking: false,
        }
    }

    pub fn is_asking(&self) -> bool {
        self.asking
    }

    /// Esc was pressed over `current`: true when the editor may close now because
    /// nothing was changed; otherwise the question goes up.
    pub fn may_close(&mut self, current: &[String]) -> bool {
        if current == self.initial.as_slice() {
            return true;
        }
        self.asking = true;
        false
    }

    /// Takes a key while the question is up.
    pub fn answer(&mut self, key: &KeyEvent) -> Answer {
        let answer = match key.code {
            KeyCode::Char('y' | 'Y') => Answer::Discard,
            KeyCode::Char('n' | 'N') | KeyCode::Esc => Answer::KeepEditing,
            _ => Answer::Undecided,
        };
        if answer == Answer::KeepEditing {
            self.asking = false;
        }
        answer
    }
}

/// A form open over the screen, with what it held when it opened.
pub struct FormDialog {
    pub form: Form,
    pub discard: DiscardGuard,
}

impl FormDialog {
    pub fn new(form: Form) -> FormDialog {
        let discard = DiscardGuard::new(form_values(&form));
        FormDialog { form, discard }
    }
}

/// Every field's value, text or choice, in order: what "changed" is judged on.
pub fn form_values(form: &Form) -> Vec<String> {
    form.fields
        .iter()
        .map(|field| match &field.kind {
            FieldKind::Text(editor) => editor.text(),
            FieldKind::Choice { selected, .. } => selected.to_string(),
        })
        .collect()
}

/// Draws the question over the editor or form it is about.
pub fn render_question(frame: &mut Frame, area: Rect, theme: &Theme, style: DialogStyle) {
    let lines = [
        Line::from(Span::styled(QUESTION, theme.text)),
        Line::default(),
        Line::from(vec![
            Span::styled("  y  ", theme.key),
            Span::styled("discard", theme.text),
            Span::styled(" · ", theme.muted),
            Span::styled("n  ", theme.key),
            Span::styled("keep editing", theme.text),
        ]),
    ];
    render_dialog(frame, area, "Not saved", &lines, style);
}
