//! The checks a change passes before it touches the session, and the small helpers that
//! keep ids unique and items in order. Each returns the error the moderator sees.

use chrono::{Datelike, NaiveDate};

use super::{ApplyError, FIRST_YEAR, LAST_YEAR};
use crate::domain::glossary::{GlossaryEntry, GlossaryKind};
use crate::domain::session::*;
use crate::domain::types::*;
use crate::domain::verdict::deal_breaker_block;

pub(super) fn check_due(due: Option<NaiveDate>) -> Result<(), ApplyError> {
    match due {
        Some(date) if !(FIRST_YEAR..=LAST_YEAR).contains(&date.year()) => {
            Err(ApplyError::DueDateRange(date))
        }
        _ => Ok(()),
    }
}

pub(super) fn non_empty(text: &str, what: &'static str) -> Result<(), ApplyError> {
    if text.trim().is_empty() {
        Err(ApplyError::Empty(what))
    } else {
        Ok(())
    }
}

pub(super) fn check_partner(session: &Session, id: PartnerId) -> Result<(), ApplyError> {
    session
        .partner(id)
        .map(|_| ())
        .ok_or(ApplyError::UnknownPartner(id))
}

/// A new item's id must be one never handed out before. Undo and redo put items back
/// with their old ids, so they skip that part and only check that nothing holds the id.
pub(super) fn check_new_id(session: &Session, id: ItemId, checked: bool) -> Result<(), ApplyError> {
    if checked && id.0 < session.next_id {
        return Err(ApplyError::DuplicateId(id));
    }
    check_fresh(session, id)
}

pub(super) fn check_fresh(session: &Session, id: ItemId) -> Result<(), ApplyError> {
    let used = session.roles.iter().any(|r| r.id == id)
        || session.holes.iter().any(|h| h.id == id)
        || session.interests.iter().any(|i| i.id == id)
        || session.conflicts.iter().any(|c| c.id == id)
        || session.actions.iter().any(|a| a.id == id)
        || session.glossary.iter().any(|g| g.id == id)
        || session.rounds.iter().any(|r| r.id() == id)
        || session
            .partners
            .iter()
            .any(|p| p.representatives.iter().any(|r| r.id == id));
    if used {
        Err(ApplyError::DuplicateId(id))
    } else {
        Ok(())
    }
}

pub(super) fn check_partner_name(
    session: &Session,
    name: &str,
    except: Option<PartnerId>,
) -> Result<(), ApplyError> {
    non_empty(name, "a partner's name")?;
    let taken = session
        .partners
        .iter()
        .any(|p| Some(p.id) != except && same_name(&p.name, name));
    if taken {
        return Err(ApplyError::DuplicatePartner(name.trim().to_string()));
    }
    Ok(())
}

/// Names that differ only in case or surrounding spaces are the same partner, in any script.
pub fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

pub(super) fn check_filler(
    owner: PartnerId,
    filled_by: HoleFiller,
    session: &Session,
) -> Result<(), ApplyError> {
    if let HoleFiller::Partner(other) = filled_by {
        if other == owner {
            return Err(ApplyError::SelfAsOtherPartner);
        }
        check_partner(session, other)?;
    }
    Ok(())
}

pub(super) fn check_conflict(session: &Session, conflict: &Conflict) -> Result<(), ApplyError> {
    non_empty(&conflict.description, "a conflict's description")?;
    for partner in &conflict.partners {
        check_partner(session, *partner)?;
    }
    check_status(&conflict.status)?;
    if matches!(conflict.status, ConflictStatus::Dismissed { .. }) {
        return Err(ApplyError::DismissEntered);
    }
    Ok(())
}

pub(super) fn check_status(status: &ConflictStatus) -> Result<(), ApplyError> {
    match status {
        ConflictStatus::Resolved { agreement } => {
            non_empty(agreement, "the agreement that resolves a conflict")
        }
        ConflictStatus::Dismissed { reason } => {
            non_empty(reason, "the reason for dismissing a conflict")
        }
        _ => Ok(()),
    }
}

pub(super) fn check_deal_breaker(
    session: &Session,
    status: &ConflictStatus,
) -> Result<(), ApplyError> {
    match deal_breaker_block(session, status) {
        Some(why) => Err(ApplyError::VerdictNotAllowed(why)),
        None => Ok(()),
    }
}

/// Keeps ids unique across undo and hand-written files: the counter only moves forward.
pub(super) fn note_id(session: &mut Session, id: ItemId) {
    session.next_id = session.next_id.max(id.0.saturating_add(1));
}

pub(super) fn position<T>(
    items: &[T],
    found: impl Fn(&T) -> bool,
    what: &'static str,
    id: ItemId,
) -> Result<usize, ApplyError> {
    items
        .iter()
        .position(found)
        .ok_or(ApplyError::UnknownItem { what, id })
}

/// Items are kept ordered by id, which is the order they were added in; that way undoing
/// a removal puts the item back where it was.
pub(super) fn insert_by_id<T>(items: &mut Vec<T>, item: T, id_of: impl Fn(&T) -> ItemId) {
    let id = id_of(&item);
    let at = items.partition_point(|x| id_of(x) < id);
    items.insert(at, item);
}

/// A glossary entry the session can take: a name, no empty alias or place, a product's
/// partner in the session, and no word that another entry (or this one) already uses.
/// The rules look entries up by any of their names, so one word must mean one thing.
/// The entry with the same id is the one being edited and is not compared with itself.
pub(super) fn check_glossary_entry(
    session: &Session,
    entry: &GlossaryEntry,
) -> Result<(), ApplyError> {
    non_empty(&entry.name, "a glossary entry's name")?;
    for alias in &entry.aliases {
        non_empty(alias, "an alias in the glossary")?;
    }
    match &entry.kind {
        GlossaryKind::Account => {}
        GlossaryKind::Place { within } => {
            for place in within {
                non_empty(place, "a place that contains a glossary place")?;
            }
        }
        GlossaryKind::Product { partner } => check_partner(session, *partner)?,
    }
    let mut seen: Vec<&str> = Vec::new();
    for name in entry.names() {
        if seen.iter().any(|s| same_name(s, name)) {
            return Err(ApplyError::DuplicateGlossaryName(name.trim().to_string()));
        }
        seen.push(name);
    }
    let others = session.glossary.iter().filter(|g| g.id != entry.id);
    for other in others {
        if let Some(name) = entry
            .names()
            .find(|name| other.names().any(|theirs| same_name(theirs, name)))
        {
            return Err(ApplyError::DuplicateGlossaryName(name.trim().to_string()));
        }
    }
    Ok(())
}

/// The entry as the session keeps it: names without surrounding spaces, as a partner's.
pub(super) fn tidy_entry(entry: &GlossaryEntry) -> GlossaryEntry {
    let tidy = |names: &[String]| names.iter().map(|n| n.trim().to_string()).collect();
    GlossaryEntry {
        id: entry.id,
        kind: match &entry.kind {
            GlossaryKind::Place { within } => GlossaryKind::Place {
                within: tidy(within),
            },
            kind => kind.clone(),
        },
        name: entry.name.trim().to_string(),
        aliases: tidy(&entry.aliases),
    }
}
