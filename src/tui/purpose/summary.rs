//! What the summary's editors and forms are for.

use crate::domain::{ItemId, Verdict};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SummaryPurpose {
    /// The text that goes with a verdict: the conditions, or the reason for a pass.
    VerdictNote(Verdict),
    NewAction,
    EditAction(ItemId),
}
