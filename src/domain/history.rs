//! The event record of a session and the state derived from it, with undo and redo.
//!
//! Undo is itself an event: nothing is ever deleted from the record, so a replay shows
//! the room changing its mind, and the file stays append-only in meaning.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::change::{ApplyError, Change, MAX_PARTNERS, MIN_PARTNERS};
use super::describe::describe;
use super::session::{Partner, PartnerVision, Session};
use super::stage::{Stage, StageClock};

/// One recorded change and when it happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub at: DateTime<Utc>,
    pub change: Change,
}

/// A change that can be taken back: the event that made it, and how to reverse it.
#[derive(Debug, Clone)]
pub(crate) struct Reversible {
    forward: Change,
    inverse: Vec<Change>,
    /// The sentence for the change, worded against the state before it, so that
    /// "Undid: …" names things as they were when the change was made.
    said: String,
}

/// A failure to rebuild a session from its events: which event, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("event {} of {total}: {error}", .index + 1)]
pub struct ReplayError {
    /// Zero-based position of the event that could not be applied.
    pub index: usize,
    pub total: usize,
    pub error: ApplyError,
}

#[derive(Debug, Clone)]
pub struct History {
    events: Vec<Event>,
    session: Session,
    undo: Vec<Reversible>,
    redo: Vec<Reversible>,
}

/// Builds the first state from the `Created` event, checking what every session needs.
fn created_session(at: DateTime<Utc>, change: &Change) -> Result<Session, ApplyError> {
    let Change::Created {
        title,
        moderator,
        kind,
        partners,
        roles,
    } = change
    else {
        return Err(ApplyError::NotCreated);
    };
    if title.trim().is_empty() {
        return Err(ApplyError::Empty("the title"));
    }
    if !(MIN_PARTNERS..=MAX_PARTNERS).contains(&partners.len()) {
        return Err(ApplyError::PartnerCount(partners.len()));
    }
    let mut session = Session {
        title: title.clone(),
        moderator: moderator.clone(),
        kind: kind.clone(),
        created: at,
        updated: at,
        partners: Vec::new(),
        statement: String::new(),
        gate: None,
        roles: Vec::new(),
        holes: Vec::new(),
        interests: Vec::new(),
        conflicts: Vec::new(),
        outcomes: Default::default(),
        verdict: None,
        verdict_note: String::new(),
        actions: Vec::new(),
        current: Stage::Vision,
        reached: Stage::Vision,
        clock: StageClock::default(),
        next_id: 1,
    };
    for p in partners {
        if p.name.trim().is_empty() {
            return Err(ApplyError::Empty("a partner's name"));
        }
        if session.partner(p.id).is_some() {
            return Err(ApplyError::DuplicateId(super::types::ItemId(p.id.0)));
        }
        if session
            .partners
            .iter()
            .any(|q| super::change::same_name(&q.name, &p.name))
        {
            return Err(ApplyError::DuplicatePartner(p.name.trim().to_string()));
        }
        session.partners.push(Partner {
            id: p.id,
            name: p.name.trim().to_string(),
            brings: p.brings.clone(),
            representatives: Vec::new(),
            vision: PartnerVision::default(),
        });
    }
    for role in roles {
        Change::RoleAdded { role: role.clone() }.apply(&mut session)?;
    }
    Ok(session)
}

impl History {
    /// Starts a new session from its `Created` event.
    pub fn create(at: DateTime<Utc>, created: Change) -> Result<History, ApplyError> {
        let session = created_session(at, &created)?;
        Ok(History {
            events: vec![Event {
                at,
                change: created,
            }],
            session,
            undo: Vec::new(),
            redo: Vec::new(),
        })
    }

    /// Rebuilds a session from its whole record, stopping at the first event that does
    /// not fit the state before it.
    pub fn from_events(events: Vec<Event>) -> Result<History, ReplayError> {
        let total = events.len();
        let fail = |index: usize, error: ApplyError| ReplayError {
            index,
            total,
            error,
        };
        let mut iter = events.into_iter().enumerate();
        let Some((_, first)) = iter.next() else {
            return Err(fail(0, ApplyError::NotCreated));
        };
        let mut history = History::create(first.at, first.change).map_err(|e| fail(0, e))?;
        for (index, event) in iter {
            history.push(event).map_err(|e| fail(index, e))?;
        }
        Ok(history)
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    pub fn events(&self) -> &[Event] {
        &self.events
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Records a change made now. Returns the sentence that describes it; on error the
    /// record and the state are unchanged.
    pub fn record(&mut self, at: DateTime<Utc>, change: Change) -> Result<String, ApplyError> {
        let text = describe(&change, &self.session, self.undo.last(), self.redo.last());
        self.push(Event { at, change })?;
        Ok(text)
    }

    /// Describes what `Undo` would take back, for the confirmation in the status line.
    pub fn undo_preview(&self) -> Option<String> {
        self.undo.last().map(|r| r.said.clone())
    }

    fn push(&mut self, event: Event) -> Result<(), ApplyError> {
        match &event.change {
            Change::Undo => {
                let entry = self.undo.pop().ok_or(ApplyError::NothingToUndo)?;
                if let Err(e) = self.run_all(&entry.inverse) {
                    self.undo.push(entry);
                    return Err(e);
                }
                self.redo.push(entry);
            }
            Change::Redo => {
                let entry = self.redo.pop().ok_or(ApplyError::NothingToRedo)?;
                match self.run_one(&entry.forward) {
                    Ok(inverse) => self.undo.push(Reversible {
                        forward: entry.forward,
                        inverse,
                        said: entry.said,
                    }),
                    Err(e) => {
                        self.redo.push(entry);
                        return Err(e);
                    }
                }
            }
            change => {
                let said = if change.is_undoable() {
                    describe(change, &self.session, None, None)
                } else {
                    String::new()
                };
                let inverse = change.apply(&mut self.session)?;
                if change.is_undoable() {
                    self.undo.push(Reversible {
                        forward: change.clone(),
                        inverse,
                        said,
                    });
                    self.redo.clear();
                }
            }
        }
        self.session.updated = event.at;
        self.events.push(event);
        Ok(())
    }

    /// Applies a restoring change on a copy so that a failure part-way leaves the
    /// state untouched.
    fn run_all(&mut self, changes: &[Change]) -> Result<(), ApplyError> {
        let mut next = self.session.clone();
        for change in changes {
            change.apply_restoring(&mut next)?;
        }
        self.session = next;
        Ok(())
    }

    fn run_one(&mut self, change: &Change) -> Result<Vec<Change>, ApplyError> {
        let mut next = self.session.clone();
        let inverse = change.apply_restoring(&mut next)?;
        self.session = next;
        Ok(inverse)
    }

    /// Sentences describing each event in order, as a replay or a decision log shows them.
    pub fn describe_all(&self) -> Vec<String> {
        let mut out = Vec::with_capacity(self.events.len());
        let mut iter = self.events.iter();
        let Some(first) = iter.next() else {
            return out;
        };
        let Ok(mut shadow) = History::create(first.at, first.change.clone()) else {
            return out;
        };
        out.push(describe(&first.change, &shadow.session, None, None));
        for event in iter {
            out.push(describe(
                &event.change,
                &shadow.session,
                shadow.undo.last(),
                shadow.redo.last(),
            ));
            if shadow.push(event.clone()).is_err() {
                break;
            }
        }
        out
    }
}

/// Lets `describe` name what an Undo or Redo takes back without exposing the stacks.
pub(crate) fn reversible_said(entry: Option<&Reversible>) -> Option<&str> {
    entry.map(|r| r.said.as_str())
}
