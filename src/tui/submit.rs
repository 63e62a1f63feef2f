//! Turns what was typed into an editor or a form into changes, by what it was for. Each
//! stage has one function that knows its purposes; this only finds it. The result may
//! be refused with a reason, and then the dialog stays open with the text.

use crate::domain::{Change, Session};

use super::form::Form;
use super::purpose::{Purpose, Values};
use super::session_view;
use super::stages;

/// The changes the text of a one-field editor asks for.
pub fn submit_text(
    purpose: &Purpose,
    text: String,
    session: &Session,
) -> Result<Vec<Change>, String> {
    match purpose {
        Purpose::LegacyText(f) => (f.0)(text, session),
        purpose => submit(purpose, &Values::single(text), session),
    }
}

/// The changes a submitted form asks for.
pub fn submit_form(form: &Form, session: &Session) -> Result<Vec<Change>, String> {
    match &form.purpose {
        Purpose::LegacyForm(f) => (f.0)(form, session),
        purpose => submit(purpose, &form.values(), session),
    }
}

/// The changes `values` make for `purpose`.
pub fn submit(
    purpose: &Purpose,
    values: &Values,
    session: &Session,
) -> Result<Vec<Change>, String> {
    match purpose {
        Purpose::Timebox(stage) => session_view::timebox_minutes(*stage, values),
        Purpose::Vision(purpose) => stages::vision::submit(purpose, values, session),
        Purpose::LegacyText(f) => (f.0)(
            values.text(super::purpose::FieldId::Text).to_string(),
            session,
        ),
        Purpose::LegacyForm(_) => Err("this form has no fields to read".to_string()),
    }
}
