//! The partnership session itself: who is in the room, what they said at each stage, and
//! the rules for moving between stages. Nothing here knows about terminals or files.

pub mod advice;
pub mod board;
pub mod change;
pub mod changed;
pub mod describe;
pub mod detect;
pub mod gate;
pub mod gate_record;
pub mod glossary;
pub mod history;
pub mod rounds;
pub mod sample;
pub mod session;
pub mod stage;
pub mod stage_time;
pub mod tally;
pub mod templates;
pub mod timeline;
pub mod types;
pub mod unique_keys;
pub mod verdict;

pub use change::{ApplyError, Change, NewPartner};
pub use glossary::{GlossaryEntry, GlossaryKind};
pub use history::{Event, History, ReplayError};
pub use session::*;
pub use stage::{Stage, StageClock};
pub use types::*;
