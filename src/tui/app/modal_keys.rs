//! Keys while a dialog is up: editors, forms, confirmations, the help overlay and the
//! find prompt, with the question before typed text is thrown away.

use super::*;
use crate::tui::purpose::RoundPurpose;

impl App {
    pub(super) fn handle_modal_key(&mut self, mut modal: Modal, key: KeyEvent) {
        match self.guard_typed_text(&mut modal, &key) {
            Some(true) => {
                self.modal = Some(modal);
                return;
            }
            Some(false) => return,
            None => {}
        }
        match modal {
            Modal::Help { scroll } => {
                let scroll = match key.code {
                    KeyCode::Esc | KeyCode::Char('?') | KeyCode::Char('q') | KeyCode::Enter => {
                        return;
                    }
                    KeyCode::Down | KeyCode::Char('j') => scroll.saturating_add(1),
                    KeyCode::Up | KeyCode::Char('k') => scroll.saturating_sub(1),
                    KeyCode::PageDown | KeyCode::Char(' ') => scroll.saturating_add(10),
                    KeyCode::PageUp => scroll.saturating_sub(10),
                    _ => scroll,
                };
                self.modal = Some(Modal::Help { scroll });
            }
            Modal::Edit {
                title,
                mut editor,
                purpose,
                error,
                discard,
            } => match editor.handle_key(key) {
                EditorOutcome::Editing => {
                    // Once the moderator types again, the old complaint no longer applies.
                    let error = if is_typing(&key) { None } else { error };
                    self.modal = Some(Modal::Edit {
                        title,
                        editor,
                        purpose,
                        error,
                        discard,
                    })
                }
                EditorOutcome::Cancel => self.info("Cancelled; nothing changed."),
                EditorOutcome::Submit => {
                    let outcome = match &self.screen {
                        Screen::Session(view) => {
                            submit_text(&purpose, editor.text(), view.history.session())
                        }
                        _ => Err("no session is open".to_string()),
                    };
                    match outcome
                        .and_then(|changes| self.record(changes).map_err(|e| e.to_string()))
                    {
                        Ok(()) => {}
                        Err(e) => {
                            self.modal = Some(Modal::Edit {
                                title,
                                editor,
                                purpose,
                                error: Some(e),
                                discard,
                            })
                        }
                    }
                }
            },
            Modal::Find {
                mut editor,
                error,
                discard,
            } => match editor.handle_key(key) {
                EditorOutcome::Editing => {
                    let error = if is_typing(&key) { None } else { error };
                    self.modal = Some(Modal::Find {
                        editor,
                        error,
                        discard,
                    });
                }
                EditorOutcome::Cancel => {}
                EditorOutcome::Submit => {
                    let now = self.clock.now();
                    let text = editor.text();
                    let found = match &mut self.screen {
                        Screen::Replay(view) => view.find(&text, now),
                        _ => false,
                    };
                    if !found {
                        // Kept open with the text, so a typo is one key away from fixed.
                        let error = Some(format!("No event mentions '{}'", text.trim()));
                        self.modal = Some(Modal::Find {
                            editor,
                            error,
                            discard,
                        });
                    }
                }
            },
            Modal::Form(mut dialog) => match dialog.form.handle_key(key) {
                FormOutcome::Editing => self.modal = Some(Modal::Form(dialog)),
                FormOutcome::Cancel => self.info("Cancelled; nothing changed."),
                FormOutcome::Submit
                    if matches!(dialog.form.purpose, Purpose::Round(RoundPurpose::Seal(_))) =>
                {
                    // An answer stays off the record: the session keeps it sealed.
                    let now = self.clock.now();
                    let outcome = match &mut self.screen {
                        Screen::Session(view) => view.seal_answer(&dialog.form.values(), now),
                        _ => Err("no session is open".to_string()),
                    };
                    match outcome {
                        Ok(said) => self.info(said),
                        Err(e) => {
                            dialog.form.error = Some(e);
                            self.modal = Some(Modal::Form(dialog));
                        }
                    }
                }
                FormOutcome::Submit => {
                    let form = &dialog.form;
                    let outcome = match &self.screen {
                        Screen::Session(view) => submit_form(form, view.history.session()),
                        _ => Err("no session is open".to_string()),
                    };
                    if let Err(e) =
                        outcome.and_then(|changes| self.record(changes).map_err(|e| e.to_string()))
                    {
                        dialog.form.error = Some(e);
                        self.modal = Some(Modal::Form(dialog));
                    }
                }
            },
            Modal::Confirm(mut confirm) => {
                let chosen = match key.code {
                    KeyCode::Char(c) => confirm.options.iter().position(|o| o.key == c),
                    KeyCode::Enter if confirm.options.len() == 1 => Some(0),
                    _ => None,
                };
                match chosen {
                    Some(index) => {
                        let option = confirm.options.swap_remove(index);
                        self.dispatch(option.then);
                    }
                    None if matches!(key.code, KeyCode::Esc | KeyCode::Char('n')) => {
                        self.info("Cancelled; nothing changed.");
                    }
                    None => self.modal = Some(Modal::Confirm(confirm)),
                }
            }
        }
    }

    /// Keeps typed text from being lost by one key. Esc over changed text puts the
    /// question up instead of cancelling; while it is up, keys answer it. Returns
    /// whether the dialog stays open when the key was taken here, None when the dialog
    /// should handle it.
    pub(super) fn guard_typed_text(&mut self, modal: &mut Modal, key: &KeyEvent) -> Option<bool> {
        let typed = modal.typed()?;
        let guard = modal.discard_guard()?;
        if guard.is_asking() {
            return Some(match guard.answer(key) {
                Answer::Discard => {
                    self.info("Discarded what was typed; nothing changed.");
                    false
                }
                Answer::KeepEditing | Answer::Undecided => true,
            });
        }
        (key.code == KeyCode::Esc && !guard.may_close(&typed)).then_some(true)
    }
}
