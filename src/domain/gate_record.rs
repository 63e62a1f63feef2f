//! The shape of what the room agreed at the vision gate, kept beside the session's state.
//! How it is followed from event to event is in `gate`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::types::PartnerId;

/// The gate as decided, and the drift since.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GateRecord {
    /// When the gate was decided.
    pub at: DateTime<Utc>,
    /// The shared statement as it read when the gate was decided.
    pub statement: String,
    /// The partners who had agreed to that statement then.
    pub agreed: Vec<PartnerId>,
    /// When the statement was first changed after the gate; `None` while it reads as
    /// agreed (an edit taken back by undo is no change).
    pub statement_changed: Option<DateTime<Utc>>,
    /// Partners who agreed at the gate and do not agree now, each with when they stopped.
    /// Agreeing again takes a partner off the list.
    pub withdrawn: Vec<(PartnerId, DateTime<Utc>)>,
}

impl GateRecord {
    /// True when the gate went on to the roles and what was agreed there no longer holds:
    /// the statement reads differently, or a partner took back their agreement.
    pub fn has_drifted(&self) -> bool {
        self.statement_changed.is_some() || !self.withdrawn.is_empty()
    }
}
