//! A small dialog with several fields: text fields the moderator types into and choice
//! fields cycled with the arrow keys. `Tab`/`↓` and `Shift-Tab`/`↑` move between fields,
//! `Enter` saves, `Esc` cancels. The form stays open with a message when a value is
//! refused, so nothing typed is lost.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::editor::{EditorMode, EditorOutcome, TextEditor};
use super::purpose::{FieldId, FieldValue, Purpose, Values};
use super::theme::Theme;
use super::widgets::{centered, truncate_to_width};

#[derive(Debug, Clone)]
pub enum FieldKind {
    Text(Box<TextEditor>),
    Choice {
        options: Vec<String>,
        selected: usize,
    },
}

#[derive(Debug, Clone)]
pub struct Field {
    /// What the field is, for reading its value by name.
    pub id: FieldId,
    pub label: String,
    pub kind: FieldKind,
}

impl Field {
    /// What the field holds now.
    pub fn value(&self) -> FieldValue {
        match &self.kind {
            FieldKind::Text(editor) => FieldValue::Text(editor.text()),
            FieldKind::Choice { selected, .. } => FieldValue::Choice(*selected),
        }
    }
}

/// Two fields are the same when they are the same field holding the same value; the
/// editors' cursors and scroll positions do not count.
impl PartialEq for Field {
    fn eq(&self, other: &Field) -> bool {
        self.id == other.id && self.label == other.label && self.value() == other.value()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub error: Option<String>,
    /// What the form is for: `tui::submit` turns its values into changes.
    pub purpose: Purpose,
    /// What Enter does, in the hint line ("save", "seal").
    pub verb: &'static str,
}

pub enum FormOutcome {
    Editing,
    Submit,
    Cancel,
}

impl Form {
    pub fn new(title: impl Into<String>, purpose: Purpose) -> Form {
        Form {
            title: title.into(),
            fields: Vec::new(),
            focus: 0,
            error: None,
            purpose,
            verb: "save",
        }
    }

    /// The same form, with Enter named `verb` in its hint line.
    pub fn enter_does(mut self, verb: &'static str) -> Form {
        self.verb = verb;
        self
    }

    /// Adds a one-line text field named `id`.
    pub fn text_field(mut self, id: FieldId, label: &str, initial: &str) -> Form {
        self.fields.push(Field {
            id,
            label: label.to_string(),
            kind: FieldKind::Text(Box::new(TextEditor::new(initial, EditorMode::SingleLine))),
        });
        self
    }

    /// Adds a choice field named `id` over `options`, starting at `selected`.
    pub fn choice_field(
        mut self,
        id: FieldId,
        label: &str,
        options: Vec<String>,
        selected: usize,
    ) -> Form {
        let selected = selected.min(options.len().saturating_sub(1));
        self.fields.push(Field {
            id,
            label: label.to_string(),
            kind: FieldKind::Choice { options, selected },
        });
        self
    }

    /// What every field holds, by name.
    pub fn values(&self) -> Values {
        self.fields.iter().fold(Values::default(), |values, field| {
            values.with(field.id, field.value())
        })
    }

    /// The text of field `index` (trimmed), or "" when it is not a text field.
    pub fn value(&self, index: usize) -> String {
        match self.fields.get(index).map(|f| &f.kind) {
            Some(FieldKind::Text(editor)) => editor.text().trim().to_string(),
            _ => String::new(),
        }
    }

    /// The selected option of field `index`, or 0 when it is not a choice field.
    pub fn selected(&self, index: usize) -> usize {
        match self.fields.get(index).map(|f| &f.kind) {
            Some(FieldKind::Choice { selected, .. }) => *selected,
            _ => 0,
        }
    }

    fn move_focus(&mut self, forward: bool) {
        let n = self.fields.len().max(1);
        self.focus = if forward {
            (self.focus + 1) % n
        } else {
            (self.focus + n - 1) % n
        };
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> FormOutcome {
        match key.code {
            KeyCode::Tab | KeyCode::Down => {
                self.move_focus(true);
                return FormOutcome::Editing;
            }
            KeyCode::BackTab | KeyCode::Up => {
                self.move_focus(false);
                return FormOutcome::Editing;
            }
            KeyCode::Enter if key.modifiers.is_empty() => return FormOutcome::Submit,
            KeyCode::Esc => return FormOutcome::Cancel,
            _ => {}
        }
        let Some(field) = self.fields.get_mut(self.focus) else {
            return FormOutcome::Editing;
        };
        match &mut field.kind {
            FieldKind::Text(editor) => {
                if let EditorOutcome::Cancel = editor.handle_key(key) {
                    return FormOutcome::Cancel;
                }
            }
            FieldKind::Choice { options, selected } => {
                let n = options.len().max(1);
                match key.code {
                    KeyCode::Right | KeyCode::Char(' ') | KeyCode::Char('l') => {
                        *selected = (*selected + 1) % n;
                    }
                    KeyCode::Left | KeyCode::Char('h') => *selected = (*selected + n - 1) % n,
                    KeyCode::Char(c)
                        if key.modifiers.difference(KeyModifiers::SHIFT).is_empty() =>
                    {
                        // Typing the first letter of an option jumps to it, as list boxes do.
                        let lower = c.to_lowercase().to_string();
                        let start = *selected + 1;
                        if let Some(found) = (0..n)
                            .map(|i| (start + i) % n)
                            .find(|i| options[*i].to_lowercase().starts_with(&lower))
                        {
                            *selected = found;
                        }
                    }
                    _ => {}
                }
            }
        }
        FormOutcome::Editing
    }

    pub fn paste(&mut self, text: &str) {
        if let Some(Field {
            kind: FieldKind::Text(editor),
            ..
        }) = self.fields.get_mut(self.focus)
        {
            editor.paste(text);
        }
    }

    fn height(&self) -> u16 {
        let fields: u16 = self
            .fields
            .iter()
            .map(|f| match f.kind {
                FieldKind::Text(_) => 3,
                FieldKind::Choice { .. } => 1,
            })
            .sum();
        // Borders, the hint line and an error line.
        fields + 4
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let width = area.width.saturating_sub(4).min(76);
        let outer = centered(area, width, self.height().min(area.height));
        if outer.width < 4 || outer.height < 3 {
            return;
        }
        frame.render_widget(Clear, outer);
        let block = Block::default()
            .borders(Borders::ALL)
            // The background again: `Clear` above reset it to the terminal's.
            .style(theme.base)
            .border_style(theme.focus_border)
            .title(Span::styled(format!(" {} ", self.title), theme.heading));
        let inner = block.inner(outer);
        frame.render_widget(block, outer);
        let mut y = inner.y;
        let bottom = inner.bottom();
        for (i, field) in self.fields.iter().enumerate() {
            let focused = i == self.focus;
            match &field.kind {
                FieldKind::Text(editor) => {
                    let area = Rect::new(inner.x, y, inner.width, 3).intersection(inner);
                    editor.render(frame, area, &field.label, theme.editor(focused));
                    y = y.saturating_add(3);
                }
                FieldKind::Choice { options, selected } => {
                    let value = options.get(*selected).map_or("", String::as_str);
                    let label_style = if focused { theme.accent } else { theme.muted };
                    let value_style = if focused { theme.selected } else { theme.text };
                    let label = truncate_to_width(&field.label, 20);
                    let line = Line::from(vec![
                        Span::styled(format!(" {label:<20} "), label_style),
                        Span::styled(format!("◀ {value} ▶"), value_style),
                    ]);
                    let row = Rect::new(inner.x, y, inner.width, 1).intersection(inner);
                    frame.render_widget(Paragraph::new(line), row);
                    y = y.saturating_add(1);
                }
            }
            if y >= bottom {
                break;
            }
        }
        let hint_area =
            Rect::new(inner.x, bottom.saturating_sub(1), inner.width, 1).intersection(inner);
        let has_choices = self
            .fields
            .iter()
            .any(|f| matches!(f.kind, FieldKind::Choice { .. }));
        let hint = match &self.error {
            Some(error) => Line::from(Span::styled(format!(" {error}"), theme.bad)),
            None => {
                let mut spans = vec![
                    Span::styled(" Enter", theme.key),
                    Span::styled(format!(" {}  ", self.verb), theme.muted),
                    Span::styled("Tab", theme.key),
                    Span::styled(" next field  ", theme.muted),
                ];
                if has_choices {
                    spans.push(Span::styled("←→", theme.key));
                    spans.push(Span::styled(" choose  ", theme.muted));
                }
                spans.push(Span::styled("Esc", theme.key));
                spans.push(Span::styled(" cancel", theme.muted));
                Line::from(spans)
            }
        };
        frame.render_widget(Paragraph::new(hint).wrap(Wrap { trim: true }), hint_area);
    }
}
