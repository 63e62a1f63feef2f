//! The application: which screen is up, which dialog is over it, and what each key does
//! at the top level. Screens turn keys into `Intent`s; `dispatch` carries them out.

use std::path::{Path, PathBuf};
use std::rc::Rc;

use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::domain::{Change, History, Stage};
use crate::export::{CsvTable, Format, Notes, render};
use crate::storage::Header;
use crate::storage::atomic::write_atomically;
use crate::storage::autosave::SaveReport;
use crate::storage::dirs::{DirSource, SessionsDir};
use crate::storage::format::decode;
use crate::storage::lock::link_count;
use crate::storage::store::read_record;
use crate::storage::store::read_session;
use crate::storage::store::{create_continued, create_session, open_session};
use crate::storage::trash::{Trashed, restore_from_trash, trash_session};

use super::cells::keep_cells_apart;
use super::clock::Clock;
use super::discard::{Answer, DiscardGuard, FormDialog, form_values, render_question};
use super::editor::{EditorMode, EditorOutcome, TextEditor};
use super::form::FormOutcome;
use super::home::HomeScreen;
use super::intent::{Confirm, ConfirmOption, Intent, OnText};
use super::keys::TRASH_KEYS;
use super::keys::{HOME_KEYS, SETUP_KEYS, TEXT_KEYS, every_stage_keys};
use super::present::PresentView;
use super::replay::ReplayView;
use super::session_view::SessionView;
use super::setup::{SetupOutcome, SetupScreen};
use super::theme::{Theme, Themes};
use super::trash::TrashScreen;
use super::widgets::{
    DialogStyle, KeyHelp, centered, help_overlay_max_scroll, render_dialog, render_help_overlay,
    render_too_small,
};

/// The smallest terminal every screen is laid out for.
pub const MIN_SIZE: (u16, u16) = (80, 24);

/// The example shipped in `sessions/`, built into the binary so it opens from anywhere.
pub const EXAMPLE_FILE: &str = "2026-11-12-northwind-globex-plant-floor-analytics.ron";
const EXAMPLE_TEXT: &str =
    include_str!("../../sessions/2026-11-12-northwind-globex-plant-floor-analytics.ron");

pub enum Screen {
    Home(HomeScreen),
    Setup(Box<SetupScreen>),
    Session(Box<SessionView>),
    Replay(Box<ReplayView>),
    /// The audience view, following a file another instance writes.
    Present(Box<PresentView>),
    /// Deleted sessions, to put back.
    Trash(TrashScreen),
}

pub enum Modal {
    Help {
        scroll: u16,
    },
    Edit {
        title: String,
        editor: Box<TextEditor>,
        on_submit: OnText,
        error: Option<String>,
        discard: DiscardGuard,
    },
    Form(Box<FormDialog>),
    Confirm(Confirm),
    /// The text to look for in a replay.
    Find {
        editor: Box<TextEditor>,
        error: Option<String>,
        discard: DiscardGuard,
    },
}

impl Modal {
    /// An editor or form, to be opened with what it holds now as its starting point.
    fn edit(title: String, editor: TextEditor, on_submit: OnText) -> Modal {
        Modal::Edit {
            title,
            discard: DiscardGuard::new(vec![editor.text()]),
            editor: Box::new(editor),
            on_submit,
            error: None,
        }
    }

    /// What was typed, for the dialogs that hold typed text.
    fn typed(&self) -> Option<Vec<String>> {
        match self {
            Modal::Edit { editor, .. } | Modal::Find { editor, .. } => Some(vec![editor.text()]),
            Modal::Form(dialog) => Some(form_values(&dialog.form)),
            Modal::Help { .. } | Modal::Confirm(_) => None,
        }
    }

    fn discard_guard(&mut self) -> Option<&mut DiscardGuard> {
        match self {
            Modal::Edit { discard, .. } | Modal::Find { discard, .. } => Some(discard),
            Modal::Form(dialog) => Some(&mut dialog.discard),
            Modal::Help { .. } | Modal::Confirm(_) => None,
        }
    }

    /// True while the dialog asks whether to discard what was typed.
    fn is_asking_to_discard(&self) -> bool {
        match self {
            Modal::Edit { discard, .. } | Modal::Find { discard, .. } => discard.is_asking(),
            Modal::Form(dialog) => dialog.discard.is_asking(),
            Modal::Help { .. } | Modal::Confirm(_) => false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    Info,
    Warn,
    Error,
}

pub struct App {
    pub screen: Screen,
    pub modal: Option<Modal>,
    pub status: Option<(String, StatusKind)>,
    pub theme: Theme,
    /// The themes `T` cycles through; `theme` is the current one.
    themes: Themes,
    pub clock: Rc<dyn Clock>,
    pub dir: SessionsDir,
    pub quit: bool,
    /// Set when a timebox runs out; the event loop rings the terminal bell once.
    pub bell: bool,
    /// The last autosave failure, shown until a save succeeds.
    save_error: Option<String>,
    /// The screen is blanked (`b` or `.`, the presenters' convention, also sent by
    /// clickers) until the next key.
    pub blank: bool,
    home: Option<HomeScreen>,
    /// Where the session list keeps its checks.
    list_cache: Option<std::path::PathBuf>,
    /// The terminal's size at the last frame drawn. Below `MIN_SIZE` the screen says
    /// only that it is too small, so keys must not act on what nobody can see.
    last_size: std::cell::Cell<Option<(u16, u16)>>,
}

/// Writes the Markdown and HTML notes beside `session_path` (same name, other
/// extensions), atomically, and returns where.
fn write_notes(
    session_path: &Path,
    history: &History,
    header: &Header,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(PathBuf, PathBuf), String> {
    let notes = Notes::new(history, header, now);
    let mut written = Vec::new();
    for format in [Format::Markdown, Format::Html] {
        let text = render(&notes, format, CsvTable::Actions).map_err(|e| e.to_string())?;
        let path = session_path.with_extension(format.extension());
        write_atomically(&path, text.as_bytes()).map_err(|e| format!("{}: {e}", path.display()))?;
        written.push(path);
    }
    let html = written.pop().unwrap_or_default();
    let md = written.pop().unwrap_or_default();
    Ok((md, html))
}

/// The built-in example, parsed.
pub fn example() -> Option<(Header, History)> {
    decode(Path::new(EXAMPLE_FILE), EXAMPLE_TEXT.as_bytes()).ok()
}

/// The keys that blank the screen: `b`, and `.` which some presentation clickers send.
fn is_blank_key(key: &KeyEvent) -> bool {
    matches!(key.code, KeyCode::Char('b') | KeyCode::Char('.'))
}

/// Keys that change the text (as opposed to moving the cursor).
fn is_typing(key: &KeyEvent) -> bool {
    matches!(
        key.code,
        KeyCode::Char(_) | KeyCode::Backspace | KeyCode::Delete
    )
}

impl App {
    pub fn new(dir: SessionsDir, theme: Theme, clock: Rc<dyn Clock>) -> App {
        App::with_list_cache(dir, theme, clock, None)
    }

    /// An app whose session list remembers its checks in the list cache under
    /// `cache_dir` (see `storage::list_cache`).
    pub fn with_list_cache(
        dir: SessionsDir,
        theme: Theme,
        clock: Rc<dyn Clock>,
        cache_dir: Option<std::path::PathBuf>,
    ) -> App {
        let home =
            HomeScreen::with_cache(dir.clone(), example().map(|(h, _)| h), cache_dir.clone());
        App {
            screen: Screen::Home(home),
            modal: None,
            status: None,
            themes: Themes::only(theme.clone()),
            theme,
            clock,
            dir,
            quit: false,
            bell: false,
            save_error: None,
            blank: false,
            home: None,
            list_cache: cache_dir,
            last_size: std::cell::Cell::new(None),
        }
    }

    /// The themes to cycle through with `T`, starting at their current one.
    pub fn set_themes(&mut self, themes: Themes) {
        self.theme = themes.current().clone();
        self.themes = themes;
    }

    /// Switches to the next theme, live, and says which one is on.
    fn next_theme(&mut self) {
        if self.themes.len() < 2 {
            self.info(format!(
                "{} is the only theme available here.",
                self.theme.name
            ));
            return;
        }
        self.theme = self.themes.next().clone();
        let text = format!(
            "Theme: {} ({} of {}) · T for the next",
            self.theme.name,
            self.themes.position(),
            self.themes.len()
        );
        self.info(text);
    }

    fn info(&mut self, text: impl Into<String>) {
        self.status = Some((text.into(), StatusKind::Info));
    }

    fn error(&mut self, text: impl Into<String>) {
        self.status = Some((text.into(), StatusKind::Error));
    }

    /// Opens the session in `path` (the `open` command and the home screen).
    pub fn open(&mut self, path: &Path) {
        match open_session(path) {
            Ok(opened) => {
                let view = SessionView::from_opened(opened, self.clock.now());
                if let Some(reason) = &view.read_only {
                    self.status = Some((format!("Read-only: {reason}"), StatusKind::Warn));
                } else if link_count(path) > 1 {
                    self.status = Some((
                        "This file has other names (hard links): the first save parts them, and \
                         the other names keep the version from before"
                            .to_string(),
                        StatusKind::Warn,
                    ));
                } else {
                    self.info(format!("Opened {}", path.display()));
                }
                self.show_session(view);
                self.list_folder_of(path);
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    /// Makes the session list the one of `path`'s folder, so that closing a session
    /// opened by its path (`sameside open FILE`) shows the files beside it, not the
    /// default sessions folder. Opened from the list, the folder is the list's own and
    /// the list stays as it was, selection included.
    fn list_folder_of(&mut self, path: &Path) {
        let folder = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let same = |a: &Path, b: &Path| {
            a == b
                || matches!(
                    (a.canonicalize(), b.canonicalize()),
                    (Ok(a), Ok(b)) if a == b
                )
        };
        if same(&folder, &self.dir.path) {
            return;
        }
        self.dir = SessionsDir {
            path: folder,
            source: DirSource::OpenedFile,
        };
        // The list kept for coming back shows the other folder: `go_home` builds it anew.
        self.home = None;
    }

    /// A session list of the sessions folder, with the built-in example.
    fn new_home(&self) -> HomeScreen {
        HomeScreen::with_cache(
            self.dir.clone(),
            example().map(|(h, _)| h),
            self.list_cache.clone(),
        )
    }

    fn show_session(&mut self, view: SessionView) {
        self.show(Screen::Session(Box::new(view)));
    }

    /// Puts `screen` up, keeping the session list (and its selection) to come back to.
    fn show(&mut self, screen: Screen) {
        let previous = std::mem::replace(&mut self.screen, screen);
        if let Screen::Home(home) = previous {
            self.home = Some(home);
        }
    }

    /// Replays the session in `path`. Only reads the file: no lock, no backup, no save.
    pub fn replay(&mut self, path: &Path) {
        match read_record(path) {
            Ok(recorded) => {
                let view = ReplayView::new(recorded, self.clock.now());
                match view.stop() {
                    Some(stop) => {
                        self.status =
                            Some((format!("The record stops early: {stop}"), StatusKind::Warn))
                    }
                    None => self.info(format!("Replaying {}", path.display())),
                }
                self.show(Screen::Replay(Box::new(view)));
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    /// Shows the session in `path` to the audience, following the file as it changes.
    /// Only reads the file, like `replay`.
    pub fn present(&mut self, path: &Path) {
        match PresentView::open(path, self.clock.now()) {
            Ok(view) => self.show(Screen::Present(Box::new(view))),
            Err(e) => self.error(e.to_string()),
        }
    }

    /// Starts a new session file from the replay's position and opens it live. The
    /// replayed file stays as it is.
    fn continue_replay(&mut self) {
        let Screen::Replay(view) = &self.screen else {
            return;
        };
        let now = self.clock.now();
        let created = view.continue_here().and_then(|history| {
            create_continued(&self.dir.path, now, history, &view.header.id)
                .map_err(|e| e.to_string())
        });
        match created {
            Ok(opened) => {
                let path = opened.path.clone();
                let view = SessionView::from_opened(opened, now);
                self.screen = Screen::Session(Box::new(view));
                self.info(format!("Continued in {}", path.display()));
            }
            Err(e) => self.error(format!("Not continued: {e}")),
        }
    }

    /// Shows the setup form, pre-filled from the command line.
    pub fn start_setup(&mut self, setup: SetupScreen) {
        let previous = std::mem::replace(&mut self.screen, Screen::Setup(Box::new(setup)));
        if let Screen::Home(home) = previous {
            self.home = Some(home);
        }
    }

    /// Creates a session from a `Created` change and opens it.
    pub fn create(&mut self, created: Change) -> Result<(), String> {
        let now = self.clock.now();
        match create_session(&self.dir.path, now, created) {
            Ok(opened) => {
                let path = opened.path.clone();
                let mut view = SessionView::from_opened(opened, now);
                // The room starts by saying who is there.
                view.show_partners();
                self.show_session(view);
                self.info(format!("Created {}", path.display()));
                Ok(())
            }
            Err(e) => Err(e.to_string()),
        }
    }

    fn go_home(&mut self) {
        // Whatever failed to save belonged to the session just closed.
        self.save_error = None;
        let mut home = self.home.take().unwrap_or_else(|| self.new_home());
        home.refresh(None);
        self.screen = Screen::Home(home);
    }

    /// Closes the open session, saving it. False when saving failed and a dialog asks.
    fn leave_session(&mut self, then_quit: bool) -> bool {
        let now = self.clock.now();
        if let Screen::Session(view) = &mut self.screen
            && let Err(e) = view.close(now)
        {
            {
                let (key, label, then) = if then_quit {
                    ('x', "quit and lose the unsaved changes", Intent::QuitAnyway)
                } else {
                    (
                        'x',
                        "close and lose the unsaved changes",
                        Intent::DiscardAndHome,
                    )
                };
                self.modal = Some(Modal::Confirm(Confirm {
                    title: "The session is not saved".to_string(),
                    lines: vec![
                        format!("Saving failed: {e}."),
                        "Everything is still here, in memory.".to_string(),
                    ],
                    options: vec![
                        ConfirmOption {
                            key: 'r',
                            label: "try saving again".to_string(),
                            then: if then_quit {
                                Intent::Quit
                            } else {
                                Intent::Home
                            },
                        },
                        ConfirmOption {
                            key,
                            label: label.to_string(),
                            then,
                        },
                    ],
                }));
                return false;
            }
        }
        true
    }

    /// Feeds one terminal event to the app.
    pub fn handle_event(&mut self, event: Event) {
        match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => self.handle_key(key),
            Event::Paste(text) => self.paste(&text),
            Event::Resize(width, height) => self.last_size.set(Some((width, height))),
            _ => {}
        }
    }

    fn paste(&mut self, text: &str) {
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
    fn is_too_small(&self) -> bool {
        self.last_size
            .get()
            .is_some_and(|(width, height)| width < MIN_SIZE.0 || height < MIN_SIZE.1)
    }

    /// Screens where `b`, `.` and `T` are commands rather than text: not the set-up
    /// form, which takes typing directly.
    fn wall_keys_work(&self) -> bool {
        !matches!(self.screen, Screen::Setup(_))
    }

    fn help(&self) -> Intent {
        // Opening help is a dialog like any other; no change to the session.
        Intent::Status(String::new())
    }

    fn handle_modal_key(&mut self, mut modal: Modal, key: KeyEvent) {
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
                on_submit,
                error,
                discard,
            } => match editor.handle_key(key) {
                EditorOutcome::Editing => {
                    // Once the moderator types again, the old complaint no longer applies.
                    let error = if is_typing(&key) { None } else { error };
                    self.modal = Some(Modal::Edit {
                        title,
                        editor,
                        on_submit,
                        error,
                        discard,
                    })
                }
                EditorOutcome::Cancel => self.info("Cancelled; nothing changed."),
                EditorOutcome::Submit => {
                    let outcome = match &self.screen {
                        Screen::Session(view) => on_submit(editor.text(), view.history.session()),
                        _ => Err("no session is open".to_string()),
                    };
                    match outcome.and_then(|changes| self.record(changes)) {
                        Ok(()) => {}
                        Err(e) => {
                            self.modal = Some(Modal::Edit {
                                title,
                                editor,
                                on_submit,
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
                FormOutcome::Submit => {
                    let form = &dialog.form;
                    let outcome = match &self.screen {
                        Screen::Session(view) => (form.on_submit)(form, view.history.session()),
                        _ => Err("no session is open".to_string()),
                    };
                    if let Err(e) = outcome.and_then(|changes| self.record(changes)) {
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
    fn guard_typed_text(&mut self, modal: &mut Modal, key: &KeyEvent) -> Option<bool> {
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

    /// Records changes in the open session; the status line says what happened.
    fn record(&mut self, changes: Vec<Change>) -> Result<(), String> {
        let now = self.clock.now();
        let Screen::Session(view) = &mut self.screen else {
            return Err("no session is open".to_string());
        };
        if changes.is_empty() {
            return Ok(());
        }
        let said = view.record(changes, now)?;
        self.info(said);
        Ok(())
    }

    fn read_only_reason(&self) -> Option<String> {
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
                    self.error(e);
                }
            }
            Intent::Edit {
                title,
                initial,
                mode,
                on_submit,
            } => {
                if let Some(reason) = self.read_only_reason() {
                    self.status = Some((format!("Read-only: {reason}"), StatusKind::Warn));
                    return;
                }
                self.modal = Some(Modal::edit(
                    title,
                    TextEditor::new(&initial, mode),
                    on_submit,
                ));
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
                    self.quit = true;
                }
            }
            Intent::QuitAnyway => self.quit = true,
            Intent::ExportNotes => {
                let exported = match &self.screen {
                    Screen::Session(view) => {
                        // The built-in example has no file: its notes go to the sessions
                        // directory, under the example's name.
                        let beside = view
                            .path
                            .clone()
                            .unwrap_or_else(|| self.dir.path.join(EXAMPLE_FILE));
                        write_notes(&beside, &view.history, &view.header(), self.clock.now())
                    }
                    _ => Err("no session is open".to_string()),
                };
                self.report_export(exported);
            }
            Intent::ExportFile(path) => {
                let exported =
                    read_session(&path)
                        .map_err(|e| e.to_string())
                        .and_then(|(header, history)| {
                            write_notes(&path, &history, &header, self.clock.now())
                        });
                self.report_export(exported);
            }
        }
    }

    fn report_export(&mut self, exported: Result<(PathBuf, PathBuf), String>) {
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

    fn go_to(&mut self, stage: Stage) {
        if let Err(e) = self.record(vec![Change::MovedTo { stage }]) {
            self.error(e);
        }
    }

    fn delete(&mut self, path: &Path) {
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

    fn restore(&mut self, item: &Trashed) {
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

    /// Work between keys: collect autosave results and notice a timebox running out.
    pub fn tick(&mut self) {
        let now = self.clock.now();
        if let Screen::Replay(view) = &mut self.screen {
            // Several events may apply in one tick at high speed; the player catches up.
            view.tick(now);
        }
        if let Screen::Present(view) = &mut self.screen {
            view.poll(now);
        }
        if let Screen::Session(view) = &mut self.screen
            && let Some(said) = view.follow()
        {
            self.status = Some((said, StatusKind::Warn));
        }
        if let Screen::Home(home) = &mut self.screen {
            home.poll_checks();
        }
        if let Screen::Session(view) = &mut self.screen {
            match view.poll_save() {
                Some(SaveReport { result: Err(e), .. }) => {
                    self.save_error = Some(format!(
                        "Not saved: {e} — kept in memory, retrying; {}",
                        e.advice()
                    ));
                }
                Some(SaveReport {
                    result: Ok(()),
                    attempt,
                    ..
                }) => {
                    // Say that it worked, or the room is left with the memory of the
                    // failure and no word that it is over.
                    let was_failing = self.save_error.take().is_some();
                    if was_failing || attempt > 1 {
                        self.status = Some((
                            "Saved: the session is on disk again, nothing was lost".to_string(),
                            StatusKind::Info,
                        ));
                    }
                }
                None => {}
            }
            if view.timebox_just_ran_out(now) {
                self.bell = true;
                let stage = view.stage();
                self.status = Some((
                    format!("Time is up for {stage}. + adds a minute."),
                    StatusKind::Warn,
                ));
            }
        }
    }

    fn status_style(&self, kind: StatusKind) -> Style {
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
        let status: Option<(&str, Style)> = match (&self.status, &self.save_error) {
            (_, Some(e)) => Some((e.as_str(), self.theme.bad)),
            (Some((text, kind)), None) => Some((text.as_str(), self.status_style(*kind))),
            (None, None) => None,
        };
        match &self.screen {
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

    fn dialog_style(&self) -> DialogStyle {
        DialogStyle {
            // The base style carries the background, which `Clear` under a dialog resets.
            body: self.theme.base,
            border: self.theme.focus_border,
            title: self.theme.heading,
        }
    }

    fn help_sections(&self) -> (String, Vec<(&'static str, Vec<KeyHelp>)>) {
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
    fn render_editor(
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

    fn render_modal(&self, frame: &mut Frame, area: Rect, modal: &Modal) {
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
