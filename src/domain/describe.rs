//! Turns a change into the sentence a room would use for it ("Globex added interest
//! 'Own EMEA enterprise accounts'"). Replay, the status line and the decision log all
//! speak through here, so the wording stays the same everywhere.

use super::change::Change;
use super::detect::detect;
use super::glossary::{GlossaryEntry, GlossaryKind};
use super::rounds::Labelling;
use super::session::{ConflictStatus, GateDecision, Session};
use super::types::HoleFiller;

/// Cuts long user text so a sentence stays on one projected line.
fn quote(text: &str) -> String {
    const MAX: usize = 60;
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > MAX {
        let cut: String = one_line.chars().take(MAX - 1).collect();
        format!("'{cut}…'")
    } else {
        format!("'{one_line}'")
    }
}

fn cleared_or(
    text: &str,
    set: impl FnOnce() -> String,
    cleared: impl FnOnce() -> String,
) -> String {
    if text.trim().is_empty() {
        cleared()
    } else {
        set()
    }
}

/// A glossary entry in a few words: "account 'Daimler Truck' (also 'DTAG')",
/// "place 'Allgäu' in 'Bavaria'", "product 'Ferro PLM' of Ferro".
fn glossary_entry(session: &Session, entry: &GlossaryEntry) -> String {
    let mut said = format!("{} {}", entry.kind.label(), quote(&entry.name));
    match &entry.kind {
        GlossaryKind::Account => {}
        GlossaryKind::Place { within } if within.is_empty() => {}
        GlossaryKind::Place { within } => {
            let places: Vec<String> = within.iter().map(|p| quote(p)).collect();
            said.push_str(&format!(" in {}", places.join(", ")));
        }
        GlossaryKind::Product { partner } => {
            said.push_str(&format!(" of {}", session.partner_name(*partner)));
        }
    }
    if !entry.aliases.is_empty() {
        let aliases: Vec<String> = entry.aliases.iter().map(|a| quote(a)).collect();
        said.push_str(&format!(" (also {})", aliases.join(", ")));
    }
    said
}

pub fn filler_label(session: &Session, filler: HoleFiller) -> String {
    match filler {
        HoleFiller::Itself => "itself".to_string(),
        HoleFiller::Partner(p) => session.partner_name(p),
        HoleFiller::ThirdParty => "a third party".to_string(),
        HoleFiller::Unresolved => "nobody yet".to_string(),
    }
}

/// Describes `change` as applied to `before`. `undo_said`/`redo_said` are the sentences
/// of what Undo and Redo would act on, so those events can say what they took back.
pub(crate) fn describe(
    change: &Change,
    before: &Session,
    undo_said: Option<&str>,
    redo_said: Option<&str>,
) -> String {
    use Change::*;
    let name = |p| before.partner_name(p);
    match change {
        Created {
            title, partners, ..
        } => {
            let names: Vec<&str> = partners.iter().map(|p| p.name.as_str()).collect();
            format!("Session {} opened with {}", quote(title), names.join(", "))
        }
        TitleSet { title } => format!("Title changed to {}", quote(title)),
        ModeratorSet { name } => format!("Moderator set to {}", quote(name)),
        KindSet { kind } => format!("Partnership type set to {}", kind.label()),
        PartnerAdded { name, .. } => format!("Partner {} joined", quote(name)),
        PartnerRemoved { partner } => format!("Partner {} removed", quote(&name(*partner))),
        PartnerRenamed { partner, name: new } => {
            format!("{} renamed to {}", name(*partner), quote(new))
        }
        BringsSet { partner, text } => cleared_or(
            text,
            || format!("{} brings {}", name(*partner), quote(text)),
            || format!("{} cleared what it brings", name(*partner)),
        ),
        RepresentativeAdded {
            partner,
            representative,
        } => format!(
            "{} added representative {} ({})",
            name(*partner),
            quote(&representative.name),
            representative.function
        ),
        RepresentativeRemoved { partner, id } => {
            let who = before
                .partner(*partner)
                .and_then(|p| p.representatives.iter().find(|r| r.id == *id))
                .map_or_else(|| "a representative".to_string(), |r| quote(&r.name));
            format!("{} removed representative {}", name(*partner), who)
        }
        RepresentativeEdited {
            partner,
            representative,
        } => format!(
            "{} corrected representative {} ({})",
            name(*partner),
            quote(&representative.name),
            representative.function
        ),
        StatementSet { text } => {
            let withdrawn = before.partners.iter().any(|p| p.vision.agreed);
            let base = cleared_or(
                text,
                || format!("Shared statement set to {}", quote(text)),
                || "Shared statement cleared".to_string(),
            );
            if withdrawn {
                format!("{base}; earlier agreements withdrawn")
            } else {
                base
            }
        }
        ViewSet { partner, text } => cleared_or(
            text,
            || format!("{} described its view: {}", name(*partner), quote(text)),
            || format!("{} cleared its view", name(*partner)),
        ),
        WhyNotAloneSet { partner, text } => cleared_or(
            text,
            || format!("{} said why not alone: {}", name(*partner), quote(text)),
            || format!("{} cleared why not alone", name(*partner)),
        ),
        AlignmentSet { partner, score } => match score {
            Some(n) => format!("{} rated its alignment {n} of 5", name(*partner)),
            None => format!("{} cleared its alignment score", name(*partner)),
        },
        StanceSet { partner, stance } => match stance {
            Some(s) => format!("{} sees itself as {}", name(*partner), s),
            None => format!("{} cleared its stance", name(*partner)),
        },
        AgreementSet { partner, agreed } => {
            if *agreed {
                format!("{} agreed to the shared statement", name(*partner))
            } else {
                format!("{} withdrew its agreement", name(*partner))
            }
        }
        GateDecided { decision } => match decision {
            GateDecision::Proceed {
                override_reason: None,
            } => "Vision gate passed: proceed to the role split".to_string(),
            GateDecision::Proceed {
                override_reason: Some(reason),
            } => format!("Moderator overrode the vision gate: {}", quote(reason)),
            GateDecision::TakeAPass { reason } => {
                format!("The partners took a pass: {}", quote(reason))
            }
        },
        GateReopened => "Vision gate reopened".to_string(),
        RoleAdded { role } => format!("Role {} added", quote(&role.name)),
        RoleRenamed { id, name: new } => {
            let old = before.role(*id).map_or("a role", |r| r.name.as_str());
            format!("Role {} renamed to {}", quote(old), quote(new))
        }
        RoleRemoved { id } => {
            let old = before.role(*id).map_or("a role", |r| r.name.as_str());
            format!("Role {} removed", quote(old))
        }
        RaciSet {
            role,
            partner,
            letter,
        } => {
            let role = before.role(*role).map_or("a role", |r| r.name.as_str());
            match letter {
                Some(l) => format!("{} is {} for {}", name(*partner), l, quote(role)),
                None => format!("{} has no part in {}", name(*partner), quote(role)),
            }
        }
        HoleAdded { hole } => format!(
            "{} named a hole: {} (filled by {})",
            name(hole.owner),
            quote(&hole.text),
            filler_label(before, hole.filled_by)
        ),
        HoleEdited { id, text } => {
            let old = before.hole(*id).map_or("a hole", |h| h.text.as_str());
            format!("Hole {} reworded to {}", quote(old), quote(text))
        }
        HoleFillerSet { id, filled_by } => {
            let hole = before.hole(*id).map_or("a hole", |h| h.text.as_str());
            format!(
                "Hole {} to be filled by {}",
                quote(hole),
                filler_label(before, *filled_by)
            )
        }
        HoleRemoved { id } => {
            let hole = before.hole(*id).map_or("a hole", |h| h.text.as_str());
            format!("Hole {} removed", quote(hole))
        }
        InterestAdded { interest } => format!(
            "{} added interest {}",
            name(interest.partner),
            quote(&interest.statement)
        ),
        InterestEdited { interest } => format!(
            "{} revised interest {} ({}, {})",
            name(interest.partner),
            quote(&interest.statement),
            interest.category,
            interest.weight
        ),
        InterestRemoved { id } => match before.interest(*id) {
            Some(i) => format!(
                "{} withdrew interest {}",
                name(i.partner),
                quote(&i.statement)
            ),
            None => "An interest was withdrawn".to_string(),
        },
        ConflictAdded { conflict } => format!(
            "Conflict noted ({}, {}): {}",
            conflict.category,
            conflict.severity,
            quote(&conflict.description)
        ),
        ConflictEdited { conflict } => format!(
            "Conflict {} now {} ({})",
            quote(&conflict.description),
            conflict.status.label(),
            conflict.severity
        ),
        ConflictRemoved { id } => {
            let what = before
                .conflict(*id)
                .map_or("a conflict", |c| c.description.as_str());
            format!("Conflict {} removed", quote(what))
        }
        FindingSettled { key, status, owner } => {
            let what = outcome_words(status, owner);
            // Name the conflict by its sentence, as the room saw it.
            let about = detect(before)
                .into_iter()
                .find(|f| &f.key == key)
                .map_or_else(|| format!("'{key}'"), |f| quote(&f.explanation));
            format!("Conflict {about} {what}")
        }
        // A batch is told by its size: naming a dozen sentences would not fit the line.
        FindingsSettled { keys, status } => match keys.len() {
            1 => format!("1 conflict {}", outcome_words(status, "")),
            n => format!("{n} conflicts {}", outcome_words(status, "")),
        },
        VerdictSet { verdict, note } => match verdict {
            Some(v) if note.trim().is_empty() => format!("Verdict: {v}"),
            Some(v) => format!("Verdict: {v} ({})", quote(note).trim_matches('\'')),
            None => "Verdict cleared".to_string(),
        },
        ActionAdded { action } => {
            let owner = if action.owner.trim().is_empty() {
                String::new()
            } else {
                format!(" for {}", action.owner.trim())
            };
            format!("Action item{owner}: {}", quote(&action.text))
        }
        ActionEdited { action } => format!("Action item revised: {}", quote(&action.text)),
        ActionRemoved { id } => {
            let what = before
                .action(*id)
                .map_or("an action item", |a| a.text.as_str());
            format!("Action item {} removed", quote(what))
        }
        GlossaryAdded { entry } => {
            format!("Glossary: {} added", glossary_entry(before, entry))
        }
        GlossaryEdited { entry } => {
            format!("Glossary: now {}", glossary_entry(before, entry))
        }
        GlossaryRemoved { id } => match before.glossary_entry(*id) {
            Some(entry) => format!(
                "Glossary: {} {} removed",
                entry.kind.label(),
                quote(&entry.name)
            ),
            None => "Glossary: an entry removed".to_string(),
        },
        RoundOpened { round } => {
            let labelled = match round.labelling {
                Labelling::ByPerson => "by person",
                Labelling::ByPartner => "by partner",
                Labelling::Anonymous => "anonymous within each partner",
            };
            format!(
                "Sealed round opened ({}): {}, {} to answer, {labelled}",
                round.kind.label(),
                quote(&round.prompt),
                count(round.seats.len(), "person", "people")
            )
        }
        AnswerSealed { round, seal } => {
            // An anonymous round names the partner only, in replay and notes alike.
            let anonymous = before
                .round(*round)
                .is_some_and(|r| r.spec.labelling == Labelling::Anonymous);
            if anonymous {
                format!("An answer sealed for {}", name(seal.partner))
            } else {
                format!(
                    "{} ({}) sealed an answer",
                    seal.person.trim(),
                    name(seal.partner)
                )
            }
        }
        AnswerWithdrawn { round, number } => {
            match before.round(*round).and_then(|r| r.seal(*number)) {
                Some(seal) => format!("A sealed answer taken back ({})", name(seal.partner)),
                None => "A sealed answer taken back".to_string(),
            }
        }
        RoundRevealed { answers, .. } => format!(
            "Sealed round revealed: {}",
            count(answers.len(), "answer", "answers")
        ),
        RoundCancelled { .. } => "Sealed round cancelled; its answers are never shown".to_string(),
        TimeboxSet { stage, minutes } => format!("{stage} timebox set to {minutes} min"),
        MovedTo { stage } => format!("Moved to {}. {stage}", stage.number()),
        TimeSpent { stage, seconds } => {
            format!("{} min {} s spent in {stage}", seconds / 60, seconds % 60)
        }
        Undo => match undo_said {
            Some(said) => format!("Undid: {said}"),
            None => "Undo (nothing to take back)".to_string(),
        },
        Redo => match redo_said {
            Some(said) => format!("Redid: {said}"),
            None => "Redo (nothing to put back)".to_string(),
        },
    }
}

/// What an outcome did to a detected conflict, as the end of a sentence: "dismissed:
/// 'both sell in France already'".
fn outcome_words(status: &ConflictStatus, owner: &str) -> String {
    match status {
        ConflictStatus::Open => "reopened".to_string(),
        ConflictStatus::Resolved { agreement } => format!("resolved: {}", quote(agreement)),
        ConflictStatus::AcceptedRisk if owner.trim().is_empty() => "accepted as a risk".to_string(),
        ConflictStatus::AcceptedRisk => format!("accepted as a risk, owned by {}", owner.trim()),
        ConflictStatus::DealBreaker => "called a deal-breaker".to_string(),
        ConflictStatus::Parked => "parked for later".to_string(),
        ConflictStatus::Dismissed { reason } => format!("dismissed: {}", quote(reason)),
    }
}

/// "1 person", "3 people".
fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}
