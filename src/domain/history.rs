//! The event record of a session and the state derived from it, with undo and redo.
//!
//! Undo is itself an event: nothing is ever deleted from the record, so a replay shows
//! the room changing its mind, and the file stays append-only in meaning.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::change::{ApplyError, Change, MAX_PARTNERS, MIN_PARTNERS, check_time, same_name};
use super::changed::Changed;
use super::describe::describe;
use super::gate::{GateRecord, follow};
use super::session::{Partner, PartnerVision, Session};
use super::stage::{Stage, StageClock};
use super::types::ItemId;

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
    /// The gate record before and after the change. Undo and Redo put these back rather
    /// than following the state again: followed afresh, a gate decided again by a Redo
    /// would take what is agreed at the Redo as what was agreed at the gate.
    gate_before: Option<GateRecord>,
    gate_after: Option<GateRecord>,
}

impl Reversible {
    /// The change this entry made (and that a Redo would make again).
    pub(crate) fn forward(&self) -> &Change {
        &self.forward
    }
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
    fold: Fold,
}

/// Everything the fold of a record carries from one event to the next: the state and
/// the undo/redo stacks. It is kept apart from the event list so that a replay can keep
/// copies of it (checkpoints) without copying the record.
#[derive(Debug, Clone)]
pub(crate) struct Fold {
    pub(crate) session: Session,
    undo: Stack,
    redo: Stack,
}

/// How strictly `Fold::apply` guards against a failure part-way through an Undo or Redo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Guard {
    /// Work on a copy so a refused change leaves no trace: for changes made now and for
    /// a record read for the first time.
    Atomic,
    /// The very same events were already applied to the very same state once, checked,
    /// and applying is deterministic, so they cannot fail now: skip the copy (a seek
    /// stays at one clone however many undos it passes) and the room's rules (some run
    /// conflict detection, milliseconds each in a big session).
    Replayed,
}

/// An undo or redo stack as a persistent list: a copy shares every entry with the
/// original, so a checkpoint of the fold costs two pointer copies instead of a copy of
/// a stack that, in a long session, holds an entry for nearly every event. Across all
/// checkpoints of a replay the entries are stored once, so they stay O(events).
#[derive(Clone, Default)]
struct Stack {
    top: Option<Arc<Node>>,
}

struct Node {
    entry: Reversible,
    below: Option<Arc<Node>>,
}

impl Stack {
    fn last(&self) -> Option<&Reversible> {
        self.top.as_deref().map(|n| &n.entry)
    }

    fn is_empty(&self) -> bool {
        self.top.is_none()
    }

    fn push(&mut self, entry: Reversible) {
        let below = self.top.take();
        self.top = Some(Arc::new(Node { entry, below }));
    }

    /// Takes the top entry, copying it only when a checkpoint still shares it.
    fn pop(&mut self) -> Option<Reversible> {
        let node = self.top.take()?;
        match Arc::try_unwrap(node) {
            Ok(mut node) => {
                self.top = node.below.take();
                Some(node.entry)
            }
            Err(shared) => {
                self.top = shared.below.clone();
                Some(shared.entry.clone())
            }
        }
    }

    fn clear(&mut self) {
        release(self.top.take());
    }

    fn iter(&self) -> impl Iterator<Item = &Reversible> {
        std::iter::successors(self.top.as_deref(), |n| n.below.as_deref()).map(|n| &n.entry)
    }
}

/// Drops a list one node at a time: the derived, recursive drop would overflow the
/// stack on the 100,000-entry lists of a long session.
fn release(mut next: Option<Arc<Node>>) {
    while let Some(node) = next {
        next = match Arc::try_unwrap(node) {
            Ok(mut node) => node.below.take(),
            // Someone else (a checkpoint) still holds the rest of the list.
            Err(_) => None,
        };
    }
}

impl Drop for Stack {
    fn drop(&mut self) {
        release(self.top.take());
    }
}

impl std::fmt::Debug for Stack {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Listed iteratively for the same reason the list is dropped iteratively.
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Fold {
    /// The state right after the `Created` event.
    pub(crate) fn create(at: DateTime<Utc>, created: &Change) -> Result<Fold, ApplyError> {
        check_time(at)?;
        Ok(Fold {
            session: created_session(at, created)?,
            undo: Stack::default(),
            redo: Stack::default(),
        })
    }

    /// The sentence for `change` made to this state.
    pub(crate) fn describe(&self, change: &Change) -> String {
        describe(
            change,
            &self.session,
            self.undo.last().map(|r| r.said.as_str()),
            self.redo.last().map(|r| r.said.as_str()),
        )
    }

    /// What an Undo would take back now, and what a Redo would put back.
    pub(crate) fn undo_top(&self) -> Option<&Reversible> {
        self.undo.last()
    }

    pub(crate) fn redo_top(&self) -> Option<&Reversible> {
        self.redo.last()
    }

    /// Applies one event after the `Created` one. `said` is the event's sentence when
    /// the caller already has it (a replay computes every sentence once); it is only
    /// kept for changes that can be undone. On error under `Guard::Atomic` the fold is
    /// unchanged.
    pub(crate) fn apply(
        &mut self,
        event: &Event,
        said: Option<&str>,
        guard: Guard,
    ) -> Result<(), ApplyError> {
        check_time(event.at)?;
        match &event.change {
            Change::Undo => {
                let entry = self.undo.last().ok_or(ApplyError::NothingToUndo)?;
                run_all(&mut self.session, &entry.inverse, guard)?;
                self.session.gate_record = entry.gate_before.clone();
                if let Some(entry) = self.undo.pop() {
                    self.redo.push(entry);
                }
            }
            Change::Redo => {
                let entry = self.redo.last().ok_or(ApplyError::NothingToRedo)?;
                let inverse = run_one(&mut self.session, &entry.forward, guard)?;
                self.session.gate_record = entry.gate_after.clone();
                if let Some(entry) = self.redo.pop() {
                    self.undo.push(Reversible {
                        forward: entry.forward,
                        inverse,
                        said: entry.said,
                        gate_before: entry.gate_before,
                        gate_after: entry.gate_after,
                    });
                }
            }
            change => {
                let said = match said {
                    _ if !change.is_undoable() => String::new(),
                    Some(said) => said.to_string(),
                    None => describe(change, &self.session, None, None),
                };
                let inverse = match guard {
                    Guard::Atomic => change.apply(&mut self.session)?,
                    // The room's rules only ever refuse a change, never alter what it
                    // does, and this one passed them already; skipping them keeps a
                    // seek from re-running conflict detection for every settled finding.
                    Guard::Replayed => change.apply_restoring(&mut self.session)?,
                };
                stamp_round(&mut self.session, change, event.at);
                let gate_before = self.session.gate_record.take();
                self.session.gate_record = follow(gate_before.clone(), &self.session, event.at);
                if change.is_undoable() {
                    self.undo.push(Reversible {
                        forward: change.clone(),
                        inverse,
                        said,
                        gate_before,
                        gate_after: self.session.gate_record.clone(),
                    });
                    self.redo.clear();
                }
            }
        }
        self.session.updated = event.at;
        Ok(())
    }
}

/// Notes on a round when it opened and closed: the changes themselves carry no time,
/// their events do.
fn stamp_round(session: &mut Session, change: &Change, at: DateTime<Utc>) {
    let (id, opening) = match change {
        Change::RoundOpened { round } => (round.id, true),
        Change::RoundRevealed { round, .. } | Change::RoundCancelled { round } => (*round, false),
        _ => return,
    };
    if let Some(round) = session.rounds.iter_mut().find(|r| r.id() == id) {
        if opening {
            round.opened_at = Some(at);
        } else {
            round.closed_at = Some(at);
        }
    }
}

/// Applies restoring changes on a copy (under `Guard::Atomic`) so that a failure
/// part-way leaves the state untouched.
fn run_all(session: &mut Session, changes: &[Change], guard: Guard) -> Result<(), ApplyError> {
    if guard == Guard::Replayed {
        for change in changes {
            change.apply_restoring(session)?;
        }
        return Ok(());
    }
    let mut next = session.clone();
    for change in changes {
        change.apply_restoring(&mut next)?;
    }
    *session = next;
    Ok(())
}

fn run_one(
    session: &mut Session,
    change: &Change,
    guard: Guard,
) -> Result<Vec<Change>, ApplyError> {
    if guard == Guard::Replayed {
        return change.apply_restoring(session);
    }
    let mut next = session.clone();
    let inverse = change.apply_restoring(&mut next)?;
    *session = next;
    Ok(inverse)
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
        gate_record: None,
        roles: Vec::new(),
        holes: Vec::new(),
        interests: Vec::new(),
        conflicts: Vec::new(),
        outcomes: Default::default(),
        verdict: None,
        verdict_note: String::new(),
        actions: Vec::new(),
        glossary: Vec::new(),
        rounds: Vec::new(),
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
            return Err(ApplyError::DuplicateId(ItemId(p.id.0)));
        }
        if session.partners.iter().any(|q| same_name(&q.name, &p.name)) {
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
        let fold = Fold::create(at, &created)?;
        Ok(History {
            events: vec![Event {
                at,
                change: created,
            }],
            fold,
        })
    }

    /// A history whose fold was computed elsewhere (a replay's checkpoints): `fold` must
    /// be the fold of exactly `events`.
    pub(crate) fn from_parts(events: Vec<Event>, fold: Fold) -> History {
        History { events, fold }
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
        history.events.reserve(total.saturating_sub(1));
        for (index, event) in iter {
            history.push(event).map_err(|e| fail(index, e))?;
        }
        Ok(history)
    }

    pub fn session(&self) -> &Session {
        &self.fold.session
    }

    pub fn events(&self) -> &[Event] {
        &self.events
    }

    pub fn can_undo(&self) -> bool {
        !self.fold.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.fold.redo.is_empty()
    }

    /// Records a change made now. Returns the sentence that describes it; on error the
    /// record and the state are unchanged.
    pub fn record(&mut self, at: DateTime<Utc>, change: Change) -> Result<String, ApplyError> {
        // Keys the rules no longer write are read from older files only; one recorded
        // now can only be a slip, and would settle nothing the room can see.
        if let Change::FindingSettled { key, .. } = &change
            && crate::domain::detect::legacy::is_retired(key)
        {
            return Err(ApplyError::UnknownFinding(key.clone()));
        }
        let text = self.fold.describe(&change);
        let event = Event { at, change };
        self.fold.apply(&event, Some(&text), Guard::Atomic)?;
        self.events.push(event);
        Ok(text)
    }

    /// What the latest event touched, the way a replay highlights it: for an Undo what
    /// it took back (now on top of the redo stack), for a Redo what it made again (now
    /// on top of the undo stack). For a view that reloads the record and wants to mark
    /// what the reload brought without replaying it.
    pub fn last_changed(&self) -> Option<Changed> {
        let last = self.events.last()?;
        match &last.change {
            Change::Undo => self.fold.redo_top().and_then(|r| Changed::of(r.forward())),
            Change::Redo => self.fold.undo_top().and_then(|r| Changed::of(r.forward())),
            change => Changed::of(change),
        }
    }

    /// Describes what `Undo` would take back, for the confirmation in the status line.
    pub fn undo_preview(&self) -> Option<String> {
        self.fold.undo_top().map(|r| r.said.clone())
    }

    fn push(&mut self, event: Event) -> Result<(), ApplyError> {
        self.fold.apply(&event, None, Guard::Atomic)?;
        self.events.push(event);
        Ok(())
    }

    /// Sentences describing each event in order, as a replay or a decision log shows them.
    pub fn describe_all(&self) -> Vec<String> {
        let mut out = Vec::with_capacity(self.events.len());
        let mut iter = self.events.iter();
        let Some(first) = iter.next() else {
            return out;
        };
        let Ok(mut shadow) = Fold::create(first.at, &first.change) else {
            return out;
        };
        out.push(shadow.describe(&first.change));
        for event in iter {
            let said = shadow.describe(&event.change);
            let applied = shadow.apply(event, Some(&said), Guard::Atomic);
            out.push(said);
            if applied.is_err() {
                break;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
