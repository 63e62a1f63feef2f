//! Carrying out what a screen asked for (`Intent`): recording changes through the one
//! writer, opening dialogs, moving between screens, exporting, the trash.

use super::*;

impl App {
    /// Records changes in the open session; the status line says what happened.
    pub(super) fn record(&mut self, changes: Vec<Change>) -> Result<(), RecordError> {
        let now = self.clock.now();
        let Screen::Session(view) = &mut self.screen else {
            return Err(RecordError::NoSession);
        };
        if changes.is_empty() {
            return Ok(());
        }
        let said = view.record(changes, now)?;
        self.info(said);
        Ok(())
    }

    pub(super) fn read_only_reason(&self) -> Option<String> {
        match &self.screen {
            Screen::Session(view) => view.read_only.clone(),
            _ => None,
        }
    }

    /// Carries out what a screen asked for.
    pub fn dispatch(&mut self, intent: Intent) {
        match intent {
            Intent::Record(changes) => {
                if let Err(e) = self.record(changes) {
                    self.error(e.to_string());
                }
            }
            Intent::Edit {
                title,
                initial,
                mode,
                purpose,
            } => {
                if let Some(reason) = self.read_only_reason() {
                    self.status = Some((format!("Read-only: {reason}"), StatusKind::Warn));
                    return;
                }
                self.modal = Some(Modal::edit(title, TextEditor::new(&initial, mode), purpose));
            }
            Intent::Form(form) => {
                if let Some(reason) = self.read_only_reason() {
                    self.status = Some((format!("Read-only: {reason}"), StatusKind::Warn));
                    return;
                }
                self.modal = Some(Modal::Form(Box::new(FormDialog::new(form))));
            }
            Intent::Confirm(confirm) => {
                if let Some(reason) = self.read_only_reason() {
                    self.status = Some((format!("Read-only: {reason}"), StatusKind::Warn));
                    return;
                }
                self.modal = Some(Modal::Confirm(confirm));
            }
            Intent::Status(text) if text.is_empty() => self.modal = Some(Modal::Help { scroll: 0 }),
            Intent::Status(text) => self.info(text),
            Intent::GoTo(stage) => self.go_to(stage),
            Intent::OpenSession(path) => self.open(&path),
            Intent::TakeOver(path) => {
                // The read-only view goes first, so nothing of it outlives the switch.
                let home = self
                    .home
                    .take()
                    .unwrap_or_else(|| HomeScreen::new(self.dir.clone(), None));
                self.screen = Screen::Home(home);
                self.open(&path);
                if let Screen::Session(view) = &self.screen
                    && view.read_only.is_none()
                {
                    self.info("Taken over: changes are saved from this screen now");
                }
            }
            Intent::OpenExample => match example() {
                Some((header, history)) => {
                    let view = SessionView::read_only(
                        history,
                        header.id,
                        "the built-in example; start your own with n on the session list"
                            .to_string(),
                        self.clock.now(),
                    );
                    self.show_session(view);
                }
                None => self.error("The built-in example could not be read."),
            },
            Intent::Replay(path) => self.replay(&path),
            Intent::FindInReplay => {
                self.modal = Some(Modal::Find {
                    editor: Box::new(TextEditor::new("", EditorMode::SingleLine)),
                    error: None,
                    discard: DiscardGuard::new(vec![String::new()]),
                });
            }
            Intent::ContinueReplay => self.continue_replay(),
            Intent::NewSession => self.start_setup(SetupScreen::default()),
            Intent::DeleteSession(path) => self.delete(&path),
            Intent::OpenTrash => self.show(Screen::Trash(TrashScreen::new(self.dir.path.clone()))),
            Intent::RestoreFromTrash(item) => self.restore(&item),
            Intent::Home => {
                if self.leave_session(false) {
                    self.go_home();
                }
            }
            Intent::DiscardAndHome => self.go_home(),
            Intent::Quit => {
                if self.leave_session(true) {
                    // Notes being written are finished, not cut off by the exit.
                    self.exports.wait();
                    self.quit = true;
                }
            }
            Intent::QuitAnyway => {
                self.exports.wait();
                self.quit = true;
            }
            Intent::RevealRound(round) => {
                self.round_step(|view, now| view.reveal_round(round, now))
            }
            Intent::CancelRound(round) => {
                self.round_step(|view, now| view.cancel_round(round, now))
            }
            Intent::ShowRoundResult => {
                if let Screen::Session(view) = &mut self.screen
                    && !view.show_round_result()
                {
                    self.info("No sealed round has been revealed in this session.");
                }
            }
            Intent::ExportNotes => {
                let Screen::Session(view) = &self.screen else {
                    self.error("Notes not written: no session is open");
                    return;
                };
                // The built-in example has no file: its notes go to the sessions
                // directory, under the example's name.
                let beside = view
                    .path
                    .clone()
                    .unwrap_or_else(|| self.dir.path.join(EXAMPLE_FILE));
                let (history, header, now) =
                    (view.history.clone(), view.header(), self.clock.now());
                self.exports
                    .start(move || write_notes(&beside, &history, &header, now));
                self.info("Writing the notes…");
            }
            Intent::ExportFile(path) => {
                let now = self.clock.now();
                self.exports.start(move || {
                    read_session(&path)
                        .map_err(|e| e.to_string())
                        .and_then(|(header, history)| write_notes(&path, &history, &header, now))
                });
                self.info("Writing the notes…");
            }
        }
    }

    /// Carries out a step of a sealed round on the open session; the status line says
    /// how it went.
    pub(super) fn round_step(
        &mut self,
        step: impl FnOnce(&mut SessionView, chrono::DateTime<chrono::Utc>) -> Result<String, String>,
    ) {
        let now = self.clock.now();
        let Screen::Session(view) = &mut self.screen else {
            self.error("No session is open");
            return;
        };
        match step(view, now) {
            Ok(said) => self.info(said),
            Err(e) => self.error(e),
        }
    }

    pub(super) fn report_export(&mut self, exported: Result<(PathBuf, PathBuf), String>) {
        match exported {
            Ok((md, _html)) => {
                // The name first: on a narrow wall the end of the line may be cut.
                let stem = md
                    .file_stem()
                    .map_or_else(String::new, |n| n.to_string_lossy().to_string());
                self.info(format!(
                    "Notes written: {stem}.md and .html, beside the session file"
                ));
            }
            Err(e) => self.error(format!("Notes not written: {e}")),
        }
    }

    pub(super) fn go_to(&mut self, stage: Stage) {
        if let Err(e) = self.record(vec![Change::MovedTo { stage }]) {
            self.error(e.to_string());
        }
    }

    pub(super) fn delete(&mut self, path: &Path) {
        match trash_session(path, self.clock.now()) {
            Ok(_) => {
                let name = path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                self.info(format!("Moved {name} to the trash; t puts it back"));
                if let Screen::Home(home) = &mut self.screen {
                    home.refresh(None);
                }
            }
            Err(e) => self.error(format!("Not deleted: {e}")),
        }
    }

    pub(super) fn restore(&mut self, item: &Trashed) {
        match restore_from_trash(item, &self.dir.path) {
            Ok(path) => {
                let name = path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                self.info(format!("Restored {name} to the session list"));
            }
            Err(e) => self.error(format!("Not restored: {e}")),
        }
        if let Screen::Trash(trash) = &mut self.screen {
            trash.refresh();
        }
    }
}
