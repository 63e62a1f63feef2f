//! What the room agreed to at the vision gate, and what has become of it since.
//!
//! The gate decision itself stores only the decision. The room can still edit the
//! statement and withdraw agreements after it, and a "gate passed" that stands over a
//! statement nobody agrees to any more misleads whoever reads the wall or the notes. So
//! the state keeps, beside the decision, the statement and the agreements as they were
//! when the gate was decided, and follows every later event: nothing new goes into the
//! file, the record of events already says all of it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::session::{GateDecision, Session};
use super::types::PartnerId;

/// The gate as decided, and the drift since.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GateRecord {
    /// When the gate was decided.
    pub at: DateTime<Utc>,
    /// The shared statement as it read when the gate was decided.
    pub statement: String,
    /// The partners who had agreed to that statement then.
    pub agreed: Vec<PartnerId>,
    /// When the statement was first changed after the gate; `None` while it reads as
    /// agreed (an edit taken back by undo is no change).
    pub statement_changed: Option<DateTime<Utc>>,
    /// Partners who agreed at the gate and do not agree now, each with when they stopped.
    /// Agreeing again takes a partner off the list.
    pub withdrawn: Vec<(PartnerId, DateTime<Utc>)>,
}

impl GateRecord {
    /// True when the gate went on to the roles and what was agreed there no longer holds:
    /// the statement reads differently, or a partner took back their agreement.
    pub fn has_drifted(&self) -> bool {
        self.statement_changed.is_some() || !self.withdrawn.is_empty()
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
