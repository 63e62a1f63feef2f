//! What the sealed round's forms are for.

use crate::domain::ItemId;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundPurpose {
    /// A new sealed round: its question, how answers are labelled.
    Open,
    /// One person's answer to the open round `0`, sealed on this laptop.
    Seal(ItemId),
}
