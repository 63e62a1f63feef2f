//! What an editor or a form is for, as plain data: which thing it changes and how its
//! fields are named. A screen asks for an editor with a `Purpose`; when the moderator
//! submits, `tui::submit` hands the purpose and the typed `Values` to the one function
//! of that stage that turns them into changes. Being data, an intent can be compared,
//! printed and tested without running anything.

use std::fmt;
use std::rc::Rc;

use crate::domain::{Change, Session, Stage};

use super::form::Form;

mod vision;

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
#[derive(Debug, Clone, PartialEq)]
pub enum Purpose {
    /// The timebox of a stage, in minutes.
    Timebox(Stage),
    Vision(VisionPurpose),
    /// A screen not yet moved to purposes: its editor's text goes to this function.
    LegacyText(LegacyText),
    /// A screen not yet moved to purposes: its form goes to this function.
    LegacyForm(LegacyForm),
}

type TextFn = dyn Fn(String, &Session) -> Result<Vec<Change>, String>;
type FormFn = dyn Fn(&Form, &Session) -> Result<Vec<Change>, String>;

#[derive(Clone)]
pub struct LegacyText(pub Rc<TextFn>);

#[derive(Clone)]
pub struct LegacyForm(pub Rc<FormFn>);

impl Purpose {
    pub fn legacy_text(
        f: impl Fn(String, &Session) -> Result<Vec<Change>, String> + 'static,
    ) -> Purpose {
        Purpose::LegacyText(LegacyText(Rc::new(f)))
    }
}

impl fmt::Debug for LegacyText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("LegacyText")
    }
}

impl fmt::Debug for LegacyForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("LegacyForm")
    }
}

impl PartialEq for LegacyText {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl PartialEq for LegacyForm {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
