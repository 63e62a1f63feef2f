//! Drawing the app: the screen on show, the status line, and the dialog over it.

use super::*;

impl App {
    pub(super) fn status_style(&self, kind: StatusKind) -> Style {
        match kind {
            StatusKind::Info => self.theme.good,
            StatusKind::Warn => self.theme.warn,
            StatusKind::Error => self.theme.bad,
        }
    }

    pub fn render(&self, frame: &mut Frame) {
        let area = frame.area();
        self.last_size.set(Some((area.width, area.height)));
        if self.blank {
            // Nothing but the blank colour: black where colour is allowed, the
            // terminal's own background where it is not.
            let style = if self.theme.colour {
                Style::new().bg(ratatui::style::Color::Black)
            } else {
                Style::default()
            };
            frame.buffer_mut().set_style(area, style);
            return;
        }
        // The theme's own background under everything, so a light theme is light on a
        // dark terminal too; screens then only set the colours of what they draw.
        frame.buffer_mut().set_style(area, self.theme.base);
        if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
            render_too_small(frame, MIN_SIZE, self.theme.base.patch(self.theme.warn));
            return;
        }
        let now = self.clock.now();
        let sealed_error = match &self.screen {
            Screen::Session(view) => view.sealed_write_error(),
            _ => None,
        };
        let problem = self.save_error.as_deref().or(sealed_error);
        let status: Option<(&str, Style)> = match (&self.status, problem) {
            (_, Some(e)) => Some((e, self.theme.bad)),
            (Some((text, kind)), None) => Some((text.as_str(), self.status_style(*kind))),
            (None, None) => None,
        };
        // One person types a sealed answer: nothing of the session is behind their form,
        // so a glance at the wall (or a mirrored projector) shows only the form.
        let answering = matches!(
            &self.modal,
            Some(Modal::Form(dialog))
                if matches!(dialog.form.purpose, Purpose::Round(crate::tui::purpose::RoundPurpose::Seal(_)))
        );
        match &self.screen {
            _ if answering => {}
            Screen::Home(home) => home.render(frame, area, &self.theme, now, status),
            Screen::Setup(setup) => setup.render(frame, area, &self.theme, now, status),
            Screen::Session(view) => view.render(frame, area, &self.theme, now, status),
            Screen::Replay(view) => view.render(frame, area, &self.theme, now, status),
            Screen::Present(view) => view.render(frame, area, &self.theme, now, status),
            Screen::Trash(trash) => trash.render(frame, area, &self.theme, status),
        }
        if let Some(modal) = &self.modal {
            self.render_modal(frame, area, modal);
            if modal.is_asking_to_discard() {
                render_question(frame, area, &self.theme, self.dialog_style());
            }
        }
        // Text from session files fills most of the frame; none of it may reach into
        // the cell before it.
        keep_cells_apart(frame.buffer_mut());
    }

    pub(super) fn dialog_style(&self) -> DialogStyle {
        DialogStyle {
            // The base style carries the background, which `Clear` under a dialog resets.
            body: self.theme.base,
            border: self.theme.focus_border,
            title: self.theme.heading,
        }
    }

    pub(super) fn help_sections(&self) -> (String, Vec<(&'static str, Vec<KeyHelp>)>) {
        match &self.screen {
            Screen::Home(_) => (
                "Keys — session list".to_string(),
                vec![("Session list", HOME_KEYS.to_vec())],
            ),
            Screen::Setup(_) => (
                "Keys — new session".to_string(),
                vec![
                    ("New session", SETUP_KEYS.to_vec()),
                    ("Typing", TEXT_KEYS.to_vec()),
                ],
            ),
            Screen::Replay(view) => ("Keys — replay".to_string(), view.help()),
            Screen::Trash(_) => (
                "Keys — trash".to_string(),
                vec![("Trash", TRASH_KEYS.to_vec())],
            ),
            Screen::Present(view) => ("Keys — audience view".to_string(), view.help()),
            Screen::Session(view) => {
                let (name, keys) = view.screen_keys();
                (
                    format!("Keys — {name}"),
                    vec![
                        (name, keys),
                        ("Every stage", every_stage_keys(view.read_only.is_some())),
                        ("Typing and forms", TEXT_KEYS.to_vec()),
                    ],
                )
            }
        }
    }

    /// A framed text dialog: the text box, then one line for the keys or the reason
    /// the text was refused, so nothing runs into the screen behind. `verb` says what
    /// Enter does ("save", or "find" in the replay's find prompt).
    pub(super) fn render_editor(
        &self,
        frame: &mut Frame,
        area: Rect,
        (title, verb): (&str, &str),
        editor: &TextEditor,
        error: Option<&str>,
    ) {
        let multi = editor.mode() == EditorMode::MultiLine;
        let box_height = if multi { 10 } else { 3 };
        let width = area.width.saturating_sub(8).min(90);
        let rect = centered(area, width, box_height + 4);
        frame.render_widget(ratatui::widgets::Clear, rect);
        let frame_block = ratatui::widgets::Block::bordered()
            .border_style(self.theme.focus_border)
            .style(self.theme.base);
        let inner = frame_block.inner(rect);
        frame.render_widget(frame_block, rect);
        let box_area = Rect::new(inner.x, inner.y, inner.width, box_height).intersection(inner);
        editor.render(frame, box_area, title, self.theme.editor(true));
        let hint = match error {
            Some(e) => Line::from(Span::styled(format!(" {e}"), self.theme.bad)),
            None if multi => Line::from(Span::styled(
                format!(" Enter {verb} · Alt-Enter new line · Esc cancel"),
                self.theme.muted,
            )),
            None => Line::from(Span::styled(
                format!(" Enter {verb} · Esc cancel"),
                self.theme.muted,
            )),
        };
        let hint_area =
            Rect::new(inner.x, inner.y + box_height, inner.width, 1).intersection(inner);
        frame.render_widget(ratatui::widgets::Paragraph::new(hint), hint_area);
    }

    pub(super) fn render_modal(&self, frame: &mut Frame, area: Rect, modal: &Modal) {
        match modal {
            Modal::Help { scroll } => {
                let (title, owned) = self.help_sections();
                let sections: Vec<(&str, &[KeyHelp])> = owned
                    .iter()
                    .map(|(name, keys)| (*name, keys.as_slice()))
                    .collect();
                let max = help_overlay_max_scroll(area, &title, &sections);
                render_help_overlay(
                    frame,
                    area,
                    &title,
                    &sections,
                    (*scroll).min(max),
                    self.dialog_style(),
                    self.theme.key,
                );
            }
            Modal::Find { editor, error, .. } => self.render_editor(
                frame,
                area,
                ("Find the next event that mentions", "find"),
                editor,
                error.as_deref(),
            ),
            Modal::Edit {
                title,
                editor,
                error,
                ..
            } => self.render_editor(frame, area, (title, "save"), editor, error.as_deref()),
            Modal::Form(dialog) => dialog.form.render(frame, area, &self.theme),
            Modal::Confirm(confirm) => {
                let mut lines: Vec<Line> = confirm
                    .lines
                    .iter()
                    .map(|l| Line::from(Span::styled(l.clone(), self.theme.text)))
                    .collect();
                lines.push(Line::default());
                for option in &confirm.options {
                    lines.push(Line::from(vec![
                        Span::styled(format!("  {}  ", option.key), self.theme.key),
                        Span::styled(option.label.clone(), self.theme.text),
                    ]));
                }
                lines.push(Line::from(vec![
                    Span::styled("  Esc  ", self.theme.key),
                    Span::styled("cancel, change nothing", self.theme.muted),
                ]));
                render_dialog(frame, area, &confirm.title, &lines, self.dialog_style());
            }
        }
    }
}
