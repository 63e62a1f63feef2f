//! What the self-interest disclosure's forms are for.

use crate::domain::{ItemId, PartnerId};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InterestsPurpose {
    /// A new interest of this partner.
    NewInterest(PartnerId),
    /// Editing this interest.
    EditInterest(ItemId),
}
