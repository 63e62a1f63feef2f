//! What a key does at the top level: Ctrl-c, blanking, the theme, help, and handing
//! the rest to the dialog that is up or to the screen on show.

use super::*;

impl App {
    /// Feeds one terminal event to the app.
    pub fn handle_event(&mut self, event: Event) {
        match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => self.handle_key(key),
            Event::Paste(text) => self.paste(&text),
            Event::Resize(width, height) => self.last_size.set(Some((width, height))),
            _ => {}
        }
    }

    pub(super) fn paste(&mut self, text: &str) {
        if self.modal.as_ref().is_some_and(Modal::is_asking_to_discard) {
            // The question is up: the text waits for the answer.
            return;
        }
        match (&mut self.modal, &mut self.screen) {
            (Some(Modal::Edit { editor, .. }), _) => editor.paste(text),
            (Some(Modal::Form(dialog)), _) => dialog.form.paste(text),
            (None, Screen::Setup(setup)) => setup.paste(text),
            _ => {}
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && key.code == KeyCode::Char('c') {
            self.dispatch(Intent::Quit);
            return;
        }
        if self.blank {
            // Any key brings the screen back, and does nothing else: the press that
            // wakes the projector must not also act on the session.
            self.blank = false;
            return;
        }
        if self.is_too_small() {
            // The screen shows only "terminal too small": a key acting now would change
            // what nobody can see. Ctrl-c (above) still quits, saving first.
            return;
        }
        if self.modal.is_none() && !ctrl && is_blank_key(&key) && self.wall_keys_work() {
            self.blank = true;
            return;
        }
        if self.modal.is_none() && !ctrl && key.code == KeyCode::Char('T') && self.wall_keys_work()
        {
            self.next_theme();
            return;
        }
        if !matches!(self.status, Some((_, StatusKind::Error))) || self.modal.is_none() {
            self.status = None;
        }
        if let Some(modal) = self.modal.take() {
            self.handle_modal_key(modal, key);
            return;
        }
        let intent = match &mut self.screen {
            Screen::Home(home) => match key.code {
                KeyCode::Char('?') => Some(self.help()),
                KeyCode::Char('q') | KeyCode::Esc => Some(Intent::Quit),
                _ => home.handle_key(key),
            },
            Screen::Setup(setup) => match setup.handle_key(key) {
                SetupOutcome::Editing => None,
                SetupOutcome::Cancel if setup.is_dirty() => Some(Intent::Confirm(Confirm::yes_no(
                    "Discard the new session?",
                    "What you typed is not saved yet. Go back to the session list anyway?",
                    Intent::Home,
                ))),
                SetupOutcome::Cancel => Some(Intent::Home),
                SetupOutcome::Create(change) => match self.create(change) {
                    Ok(()) => None,
                    Err(e) => {
                        if let Screen::Setup(setup) = &mut self.screen {
                            setup.error = Some(e);
                        }
                        None
                    }
                },
            },
            Screen::Session(view) => match key.code {
                KeyCode::Char('?') => Some(self.help()),
                KeyCode::Char('q') if !ctrl => Some(Intent::Home),
                _ => view.handle_key(key, &self.theme),
            },
            Screen::Replay(view) => match key.code {
                KeyCode::Char('?') => Some(self.help()),
                _ => view.handle_key(key, self.clock.now(), &self.theme),
            },
            Screen::Present(view) => match key.code {
                KeyCode::Char('?') => Some(self.help()),
                _ => view.handle_key(key, &self.theme),
            },
            Screen::Trash(trash) => match key.code {
                KeyCode::Char('?') => Some(self.help()),
                _ => trash.handle_key(key),
            },
        };
        if let Some(intent) = intent {
            self.dispatch(intent);
        }
    }

    /// True when the last frame was smaller than the screens need.
    pub(super) fn is_too_small(&self) -> bool {
        self.last_size
            .get()
            .is_some_and(|(width, height)| width < MIN_SIZE.0 || height < MIN_SIZE.1)
    }

    /// Screens where `b`, `.` and `T` are commands rather than text: not the set-up
    /// form, which takes typing directly.
    pub(super) fn wall_keys_work(&self) -> bool {
        !matches!(self.screen, Screen::Setup(_))
    }

    pub(super) fn help(&self) -> Intent {
        // Opening help is a dialog like any other; no change to the session.
        Intent::Status(String::new())
    }
}
