//! Reading the gazetteer's data file. The shipped file is part of the program, so every
//! mistake in it is a bug: the checks here are strict (unknown parents, a name given to
//! two places, a loop of containment), and a test reads the shipped file through them.

use serde::Deserialize;

use super::Kind;

/// The data file: a list of places, each inside the places it names in `within`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct File {
    pub places: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Entry {
    /// The English name, which findings show.
    pub name: String,
    pub kind: Kind,
    /// English names of the places this one lies inside.
    #[serde(default)]
    pub within: Vec<String>,
    /// Other names, abbreviations and adjectives (see `text::spellings` for `~`).
    #[serde(default)]
    pub names: Vec<String>,
}

/// What is wrong with a gazetteer file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GazetteerError {
    /// Not valid RON, or not the expected shape; `at` is `line:col: message`.
    #[error("gazetteer.ron:{at}")]
    Syntax { at: String },
    #[error("gazetteer: '{place}' is within '{parent}', which is not a place in the file")]
    UnknownParent { place: String, parent: String },
    #[error("gazetteer: '{name}' names both '{first}' and '{second}'")]
    NameTwice {
        name: String,
        first: String,
        second: String,
    },
    #[error("gazetteer: '{place}' has a name with no letters in it: '{name}'")]
    EmptyName { place: String, name: String },
    #[error("gazetteer: '{place}' lies inside itself (a loop of 'within')")]
    Loop { place: String },
    #[error("gazetteer: more than 65,535 places")]
    TooMany,
}

pub(super) fn parse(text: &str) -> Result<File, GazetteerError> {
    ron::from_str(text).map_err(|e| GazetteerError::Syntax { at: e.to_string() })
}
