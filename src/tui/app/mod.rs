//! The application: which screen is up, which dialog is over it, and what each key does
//! at the top level. Screens turn keys into `Intent`s; `dispatch` carries them out.

mod dispatch;
pub mod exports;
mod keys;
mod modal_keys;
mod render;

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
use super::intent::{Confirm, ConfirmOption, Intent};
use super::keys::TRASH_KEYS;
use super::keys::{HOME_KEYS, SETUP_KEYS, TEXT_KEYS, every_stage_keys};
use super::present::PresentView;
use super::purpose::Purpose;
use super::replay::ReplayView;
use super::session_view::{RecordError, SessionView};
use super::setup::{SetupOutcome, SetupScreen};
use super::submit::{submit_form, submit_text};
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
    include_str!("../../../sessions/2026-11-12-northwind-globex-plant-floor-analytics.ron");

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
        purpose: Purpose,
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
    fn edit(title: String, editor: TextEditor, purpose: Purpose) -> Modal {
        Modal::Edit {
            title,
            discard: DiscardGuard::new(vec![editor.text()]),
            editor: Box::new(editor),
            purpose,
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
    /// Notes being written on threads of their own.
    exports: exports::Exports,
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

impl App {
    /// Waits for the notes being written and says how it went: for tests, which cannot
    /// know when a thread finishes.
    pub fn finish_exports(&mut self) {
        for exported in self.exports.wait() {
            self.report_export(exported);
        }
    }
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
            exports: exports::Exports::default(),
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
                        // The kept error kind says what would help.
                        format!("To fix: {}.", e.advice()),
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

    /// Work between keys: collect autosave results and notice a timebox running out.
    pub fn tick(&mut self) {
        for exported in self.exports.finished() {
            self.report_export(exported);
        }
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
        if let Screen::Session(view) = &mut self.screen
            && let Some(said) = view.poll_sealed()
        {
            self.status = Some(match said {
                Ok(news) => (news, StatusKind::Info),
                Err(problem) => (problem, StatusKind::Warn),
            });
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
}
