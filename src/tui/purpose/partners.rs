//! What the partners panel's editors and forms are for.

use crate::domain::{ItemId, PartnerId};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartnersPurpose {
    Rename(PartnerId),
    /// What the partner brings to the table.
    Brings(PartnerId),
    NewRepresentative(PartnerId),
    EditRepresentative {
        partner: PartnerId,
        id: ItemId,
    },
    NewPartner,
}
