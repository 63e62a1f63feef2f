//! Turns what was typed into an editor or a form into changes, by what it was for. Each
//! stage has one function that knows its purposes; this only finds it. The result may
//! be refused with a reason, and then the dialog stays open with the text.

use crate::domain::{Change, Session};

use super::form::Form;
use super::purpose::{Purpose, RoundPurpose, Values};
use super::session_view;
use super::stages;

/// The changes the text of a one-field editor asks for.
pub fn submit_text(
    purpose: &Purpose,
    text: String,
    session: &Session,
) -> Result<Vec<Change>, String> {
    submit(purpose, &Values::single(text), session)
}

/// The changes a submitted form asks for.
pub fn submit_form(form: &Form, session: &Session) -> Result<Vec<Change>, String> {
    submit(&form.purpose, &form.values(), session)
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
        Purpose::Roles(purpose) => stages::roles::submit(purpose, values, session),
        Purpose::Partners(purpose) => stages::partners::submit(purpose, values, session),
        Purpose::Interests(purpose) => stages::interests::submit(purpose, values, session),
        Purpose::Conflicts(purpose) => stages::conflicts::submit(purpose, values, session),
        Purpose::Summary(purpose) => stages::summary::submit(purpose, values, session),
        Purpose::Round(RoundPurpose::Open) => stages::round::submit_open(values, session),
        // An answer is kept outside the record until the reveal, so the session view
        // takes it (`SessionView::seal_answer`); only its seal becomes a change.
        Purpose::Round(RoundPurpose::Seal(_)) => {
            Err("a sealed answer is taken by the open session, not recorded".to_string())
        }
    }
}
