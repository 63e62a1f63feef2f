//! What the conflict check's editors and forms are for.

use crate::domain::board::Source;
use crate::domain::{ItemId, PartnerId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConflictsPurpose {
    /// A conflict the room sees; the form's "partners involved" choice picks from
    /// `partner_sets`, in the order it offered them.
    NewConflict { partner_sets: Vec<Vec<PartnerId>> },
    /// Editing an entered conflict, with the same choice of partners.
    EditConflict {
        id: ItemId,
        partner_sets: Vec<Vec<PartnerId>>,
    },
    /// What the partners agreed, settling the conflict as resolved.
    Agreement(Source),
    /// Who owns the risk the room accepts.
    RiskOwner(Source),
    /// Why the room dismisses a detected conflict.
    DismissReason(Source),
    /// Why the room dismisses the marked detected conflicts, by their keys: one reason
    /// for all of them.
    DismissMarked(Vec<String>),
    /// A glossary entry: a new one (`id` None) or the one with that id edited. `form`
    /// is the kind the form asks about, which decides its last field.
    GlossaryEntry {
        id: Option<ItemId>,
        form: GlossaryForm,
    },
}

/// The kind of glossary entry a form asks about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GlossaryForm {
    Account,
    /// Asks for the places that contain it.
    Place,
    /// Asks whose product it is, choosing from `partners` in the order offered.
    Product {
        partners: Vec<PartnerId>,
    },
}
