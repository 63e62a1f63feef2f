//! The session's own glossary: accounts, places and products named by the room, so that
//! the conflict rules can recognise them under every name the partners use. Entries are
//! changed only through events (`GlossaryAdded`, `GlossaryEdited`, `GlossaryRemoved`),
//! like everything else in a session.

use serde::{Deserialize, Serialize};

use super::types::{ItemId, PartnerId};

/// One thing the room named, with the other words it goes by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlossaryEntry {
    pub id: ItemId,
    pub kind: GlossaryKind,
    /// The name the room uses for it ("Daimler Truck").
    pub name: String,
    /// Other names for the same thing ("DTAG"); each counts as much as the name.
    pub aliases: Vec<String>,
}

/// What a glossary entry names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum GlossaryKind {
    /// A customer account the partners may both claim ("Daimler Truck", aliases "DTAG").
    Account,
    /// A place the shipped gazetteer lacks, inside the places named in `within`.
    Place { within: Vec<String> },
    /// A product or brand of this partner: never a shared term between partners.
    Product { partner: PartnerId },
}

impl GlossaryKind {
    /// The kind in a word, as lists and sentences show it.
    pub fn label(&self) -> &'static str {
        match self {
            GlossaryKind::Account => "account",
            GlossaryKind::Place { .. } => "place",
            GlossaryKind::Product { .. } => "product",
        }
    }
}

impl GlossaryEntry {
    /// The name followed by the aliases: every word the entry answers to.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// The names in `text` separated by commas, trimmed, empty ones left out: how a person
/// types a list of aliases or of places on one line.
pub fn split_names(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_string)
        .collect()
}
