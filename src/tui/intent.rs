//! What a screen asks the app to do in answer to a key. Screens never change the session
//! themselves: they return an `Intent`, and the app records changes, opens editors and
//! dialogs, and saves. That keeps every change going through the event record.

use crate::domain::Change;

use super::editor::EditorMode;
use super::form::Form;
use super::purpose::Purpose;

/// What a screen asks of the app. Plain data: it can be compared and printed, and what
/// an editor or form will do is its `Purpose`, carried out by `tui::submit`.
#[derive(Debug, Clone, PartialEq)]
pub enum Intent {
    /// Record these changes, in order, as one step of the session.
    Record(Vec<Change>),
    /// Open a text editor over the screen.
    Edit {
        title: String,
        initial: String,
        mode: EditorMode,
        /// What the text is for. Submitting may run more than once: when the changes
        /// are refused, the editor stays open with the text and the reason.
        purpose: Purpose,
    },
    /// Open a form with several fields.
    Form(Form),
    /// Ask the moderator to choose; nothing happens without a deliberate key.
    Confirm(Confirm),
    /// Tell the moderator something in the status line.
    Status(String),
    /// Move the wall to another stage.
    GoTo(crate::domain::Stage),
    /// Open the session in this file.
    OpenSession(std::path::PathBuf),
    /// Open the built-in example session.
    OpenExample,
    /// Replay the session in this file, event by event, without changing it.
    Replay(std::path::PathBuf),
    /// Ask for a text and jump the replay to the next event that mentions it.
    FindInReplay,
    /// Start a new session file that goes on from the replay's position.
    ContinueReplay,
    /// Open this session for editing, now that the instance that held it has gone.
    TakeOver(std::path::PathBuf),
    /// Start setting up a new session.
    NewSession,
    /// Move this session file to the trash (the confirmation was already given).
    DeleteSession(std::path::PathBuf),
    /// Show the sessions in the trash.
    OpenTrash,
    /// Put this session back from the trash.
    RestoreFromTrash(Box<crate::storage::trash::Trashed>),
    /// Go back to the list of sessions.
    Home,
    /// Leave the session without saving, after saving failed and the moderator agreed.
    DiscardAndHome,
    /// Leave the app without waiting for saves that keep failing.
    QuitAnyway,
    /// Leave the app (saving first).
    Quit,
    /// Reveal the open sealed round (the moderator has agreed).
    RevealRound(crate::domain::ItemId),
    /// Cancel the open sealed round, throwing its answers away unread.
    CancelRound(crate::domain::ItemId),
    /// Hold the answers of the last revealed round on the wall.
    ShowRoundResult,
    /// Write the open session's notes (Markdown and HTML) beside its file.
    ExportNotes,
    /// Write the notes of the session in this file beside it.
    ExportFile(std::path::PathBuf),
}

/// One answer in a confirmation dialog.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfirmOption {
    pub key: char,
    pub label: String,
    pub then: Intent,
}

/// A dialog that names what is being decided and waits for one of its keys.
#[derive(Debug, Clone, PartialEq)]
pub struct Confirm {
    pub title: String,
    pub lines: Vec<String>,
    pub options: Vec<ConfirmOption>,
}

impl Confirm {
    /// A yes/no question whose "yes" carries out `then`.
    pub fn yes_no(title: impl Into<String>, question: impl Into<String>, then: Intent) -> Confirm {
        Confirm {
            title: title.into(),
            lines: vec![question.into()],
            options: vec![ConfirmOption {
                key: 'y',
                label: "yes".to_string(),
                then,
            }],
        }
    }
}
