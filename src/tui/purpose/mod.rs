//! What an editor or a form is for, as plain data: which thing it changes and how its
//! fields are named. A screen asks for an editor with a `Purpose`; when the moderator
//! submits, `tui::submit` hands the purpose and the typed `Values` to the one function
//! of that stage that turns them into changes. Being data, an intent can be compared,
//! printed and tested without running anything.

use crate::domain::Stage;

mod conflicts;
mod interests;
mod partners;
mod roles;
mod rounds;
mod summary;
mod vision;

pub use conflicts::{ConflictsPurpose, GlossaryForm};
pub use interests::InterestsPurpose;
pub use partners::PartnersPurpose;
pub use roles::RolesPurpose;
pub use rounds::RoundPurpose;
pub use summary::SummaryPurpose;
pub use vision::VisionPurpose;

/// The name of a field in a form, so what was typed is read by name, not by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldId {
    /// The one field of a text editor.
    Text,
    Name,
    Brings,
    Function,
    Statement,
    Description,
    Category,
    Weight,
    Severity,
    Partners,
    Owner,
    Due,
    FilledBy,
    Verdict,
    Note,
    /// Other names for the same thing, separated by commas.
    Aliases,
    /// The places a place lies in, separated by commas.
    Within,
    /// One partner, chosen.
    Partner,
    /// What a sealed round asks (self-interests, views, a score).
    Kind,
    /// The question on the wall.
    Prompt,
    /// How revealed answers are labelled.
    Labelling,
    /// The person answering, from the round's seats.
    Seat,
    /// A score, from a round's scale.
    Score,
}

/// What one field holds when the form is submitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldValue {
    Text(String),
    /// The position of the chosen option.
    Choice(usize),
}

/// What was typed and chosen in an editor or a form, by field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Values(Vec<(FieldId, FieldValue)>);

impl Values {
    /// The text of a one-field editor.
    pub fn single(text: impl Into<String>) -> Values {
        Values(vec![(FieldId::Text, FieldValue::Text(text.into()))])
    }

    /// The same values with `id` holding `value`.
    pub fn with(mut self, id: FieldId, value: FieldValue) -> Values {
        self.0.retain(|(held, _)| *held != id);
        self.0.push((id, value));
        self
    }

    /// The text of field `id`, trimmed; "" when there is no such text field.
    pub fn text(&self, id: FieldId) -> &str {
        self.0
            .iter()
            .find_map(|(held, value)| match value {
                FieldValue::Text(text) if *held == id => Some(text.trim()),
                _ => None,
            })
            .unwrap_or("")
    }

    /// The chosen option of field `id`; 0 when there is no such choice field.
    pub fn choice(&self, id: FieldId) -> usize {
        self.0
            .iter()
            .find_map(|(held, value)| match value {
                FieldValue::Choice(n) if *held == id => Some(*n),
                _ => None,
            })
            .unwrap_or(0)
    }
}

/// What an editor or a form is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// The timebox of a stage, in minutes.
    Timebox(Stage),
    Vision(VisionPurpose),
    Roles(RolesPurpose),
    Partners(PartnersPurpose),
    Interests(InterestsPurpose),
    Conflicts(ConflictsPurpose),
    Summary(SummaryPurpose),
    Round(RoundPurpose),
}
