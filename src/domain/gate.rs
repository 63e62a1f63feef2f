//! What the room agreed to at the vision gate, and what has become of it since.
//!
//! The gate decision itself stores only the decision. The room can still edit the
//! statement and withdraw agreements after it, and a "gate passed" that stands over a
//! statement nobody agrees to any more misleads whoever reads the wall or the notes. So
//! the state keeps, beside the decision, the statement and the agreements as they were
//! when the gate was decided, and follows every later event: nothing new goes into the
//! file, the record of events already says all of it.

use chrono::{DateTime, Utc};

use super::session::{GateDecision, Session};
use super::stage::Stage;
use super::types::PartnerId;

// The record's type lives a layer down so that `Session` can hold one without the
// session module depending on the rules here.
pub use super::gate_record::GateRecord;

/// What the gate still lacks before a plain "proceed", in words; None when it is ready.
pub fn gate_missing(session: &Session) -> Option<String> {
    let mut missing = Vec::new();
    if session.statement.trim().is_empty() {
        missing.push("a shared statement".to_string());
    }
    let waiting: Vec<&str> = session
        .partners
        .iter()
        .filter(|p| !p.vision.agreed)
        .map(|p| p.name.as_str())
        .collect();
    if !waiting.is_empty() {
        missing.push(format!("agreement from {}", waiting.join(", ")));
    }
    if missing.is_empty() {
        None
    } else {
        Some(missing.join(" and "))
    }
}

/// Whether the session may show `stage`, and why not.
pub fn stage_lock(session: &Session, stage: Stage) -> Option<&'static str> {
    match (stage, &session.gate) {
        (Stage::Vision, _) => None,
        (_, None) => Some("the vision gate has not been decided"),
        (Stage::Summary, Some(_)) => None,
        (_, Some(GateDecision::TakeAPass { .. })) => {
            Some("the partners took a pass at the vision gate")
        }
        (_, Some(GateDecision::Proceed { .. })) => None,
    }
}

/// The gate record after an event at `at` left the state as `session` is now, given the
/// record before it. Called for every event, so it stays cheap: one comparison of the
/// statement and one look at each partner.
pub fn follow(
    before: Option<GateRecord>,
    session: &Session,
    at: DateTime<Utc>,
) -> Option<GateRecord> {
    let decision = session.gate.as_ref()?;
    let Some(mut record) = before else {
        return Some(GateRecord {
            at,
            statement: session.statement.clone(),
            agreed: agreeing(session),
            statement_changed: None,
            withdrawn: Vec::new(),
        });
    };
    // A pass closes the session there; what happens to the statement afterwards changes
    // nothing the room decided.
    if matches!(decision, GateDecision::TakeAPass { .. }) {
        return Some(record);
    }
    if session.statement == record.statement {
        record.statement_changed = None;
    } else if record.statement_changed.is_none() {
        record.statement_changed = Some(at);
    }
    for partner in &record.agreed {
        let agrees = session.partner(*partner).is_some_and(|p| p.vision.agreed);
        let listed = record.withdrawn.iter().position(|(p, _)| p == partner);
        match (agrees, listed) {
            (true, Some(i)) => {
                record.withdrawn.remove(i);
            }
            (false, None) if session.partner(*partner).is_some() => {
                record.withdrawn.push((*partner, at));
            }
            _ => {}
        }
    }
    // A partner removed from the session has nothing left to withdraw.
    record
        .withdrawn
        .retain(|(p, _)| session.partner(*p).is_some());
    Some(record)
}

fn agreeing(session: &Session) -> Vec<PartnerId> {
    session
        .partners
        .iter()
        .filter(|p| p.vision.agreed)
        .map(|p| p.id)
        .collect()
}

/// The sentence the wall and the notes say when the gate went on and what was agreed
/// there no longer holds, or `None` when it still holds. `time` writes a moment the way
/// the caller's page writes times. For example: "The gate was passed on 'We build X';
/// since then the statement was changed after the gate (10:02) and Acme withdrew
/// agreement at 10:02."
pub fn drift_sentence(session: &Session, time: &dyn Fn(DateTime<Utc>) -> String) -> Option<String> {
    let Drift { statement, since } = drift(session, time)?;
    Some(format!(
        "The gate was passed on {statement}; since then {since}."
    ))
}

/// What [`drift_sentence`] says, in its two parts.
pub fn drift(session: &Session, time: &dyn Fn(DateTime<Utc>) -> String) -> Option<Drift> {
    if !matches!(session.gate, Some(GateDecision::Proceed { .. })) {
        return None;
    }
    let record = session.gate_record.as_ref().filter(|r| r.has_drifted())?;
    let mut since = Vec::new();
    if let Some(at) = record.statement_changed {
        since.push(format!(
            "the statement was changed after the gate ({})",
            time(at)
        ));
    }
    for (partner, at) in &record.withdrawn {
        since.push(format!(
            "{} withdrew agreement at {}",
            session.partner_name(*partner),
            time(*at)
        ));
    }
    let since = match since.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => return None,
    };
    let statement = if record.statement.trim().is_empty() {
        "an empty statement".to_string()
    } else {
        format!("'{}'", record.statement.trim())
    };
    Some(Drift { statement, since })
}

/// The two halves of [`drift_sentence`], for a one-row screen that must show what changed
/// before the (possibly long) statement is cut off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drift {
    /// The statement as agreed, quoted.
    pub statement: String,
    /// What has happened since: "Acme withdrew agreement at 10:02".
    pub since: String,
}
