//! Why a change to the open session was not recorded, kept as a type until it is worded
//! for the moderator: the view is read-only, or the domain refused the change (and said
//! why). The screens show it where the change was asked for (the editor, the form, the
//! status line).

use crate::domain::change::ApplyError;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RecordError {
    /// The view may not change the session, for this reason.
    #[error("Read-only: {0}")]
    ReadOnly(String),
    /// The domain's guard refused the change.
    #[error("{0}")]
    Refused(#[from] ApplyError),
    /// No session is open to record into.
    #[error("no session is open")]
    NoSession,
}
