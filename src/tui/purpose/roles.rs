//! What the role split's editors and forms are for.

use crate::domain::{HoleFiller, ItemId, PartnerId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RolesPurpose {
    /// A new role, named by the text.
    NewRole,
    RenameRole(ItemId),
    /// A new hole in `owner`'s business; the form's "filled by" choice picks from
    /// `fillers`, in the order it offered them.
    NewHole {
        owner: PartnerId,
        fillers: Vec<HoleFiller>,
    },
    /// Rewording a hole.
    EditHole(ItemId),
}
