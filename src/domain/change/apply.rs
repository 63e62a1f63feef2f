//! What each change does to the session, and the changes that undo it. The guards it
//! calls are in `guards`; the room's rules that hold across changes are checked around
//! it, in `Change::apply`.

use super::guards::*;
use super::rounds;
use super::{ApplyError, Change, MAX_PARTNERS, MAX_TIME_SPENT_SECONDS, MIN_PARTNERS};
use crate::domain::detect::{detect, legacy};
use crate::domain::gate::{gate_missing, stage_lock};
use crate::domain::glossary::GlossaryKind;
use crate::domain::session::*;
use crate::domain::types::*;
use crate::domain::verdict::verdict_block;

impl Change {
    pub(super) fn apply_inner(
        &self,
        s: &mut Session,
        checked: bool,
    ) -> Result<Vec<Change>, ApplyError> {
        use Change::*;
        match self {
            Created { .. } => Err(ApplyError::AlreadyCreated),
            TitleSet { title } => {
                non_empty(title, "the title")?;
                let old = std::mem::replace(&mut s.title, title.clone());
                Ok(vec![TitleSet { title: old }])
            }
            ModeratorSet { name } => {
                let old = std::mem::replace(&mut s.moderator, name.clone());
                Ok(vec![ModeratorSet { name: old }])
            }
            KindSet { kind } => {
                let old = std::mem::replace(&mut s.kind, kind.clone());
                Ok(vec![KindSet { kind: old }])
            }
            PartnerAdded {
                partner,
                name,
                brings,
            } => {
                if s.partners.len() >= MAX_PARTNERS {
                    return Err(ApplyError::PartnerCount(s.partners.len() + 1));
                }
                if s.partner(*partner).is_some() {
                    return Err(ApplyError::DuplicateId(ItemId(partner.0)));
                }
                check_partner_name(s, name, None)?;
                // Partners stay in id order, which is the order they joined, so undoing a
                // removal puts the partner back in its column.
                let at = s.partners.partition_point(|p| p.id < *partner);
                s.partners.insert(
                    at,
                    Partner {
                        id: *partner,
                        name: name.trim().to_string(),
                        brings: brings.clone(),
                        representatives: Vec::new(),
                        vision: PartnerVision::default(),
                    },
                );
                Ok(vec![PartnerRemoved { partner: *partner }])
            }
            PartnerRemoved { partner } => {
                let index = s
                    .partner_index(*partner)
                    .ok_or(ApplyError::UnknownPartner(*partner))?;
                let p = &s.partners[index];
                let in_use = !p.representatives.is_empty()
                    || p.vision != PartnerVision::default()
                    || s.roles.iter().any(|r| r.raci.contains_key(partner))
                    || s.holes.iter().any(|h| {
                        h.owner == *partner || h.filled_by == HoleFiller::Partner(*partner)
                    })
                    || s.interests.iter().any(|i| i.partner == *partner)
                    || s.conflicts.iter().any(|c| c.partners.contains(partner));
                // A product entry names its partner; removing the partner under it
                // would leave the glossary pointing at nobody.
                let has_products = s.glossary.iter().any(
                    |g| matches!(g.kind, GlossaryKind::Product { partner: owner } if owner == *partner),
                );
                if has_products && checked {
                    return Err(ApplyError::PartnerHasProducts(p.name.clone()));
                }
                if in_use && checked {
                    return Err(ApplyError::PartnerInUse(p.name.clone()));
                }
                if s.partners.len() <= MIN_PARTNERS {
                    return Err(ApplyError::PartnerCount(s.partners.len() - 1));
                }
                let removed = s.partners.remove(index);
                Ok(vec![PartnerAdded {
                    partner: removed.id,
                    name: removed.name,
                    brings: removed.brings,
                }])
            }
            PartnerRenamed { partner, name } => {
                check_partner(s, *partner)?;
                check_partner_name(s, name, Some(*partner))?;
                let p = s
                    .partner_mut(*partner)
                    .ok_or(ApplyError::UnknownPartner(*partner))?;
                let old = std::mem::replace(&mut p.name, name.trim().to_string());
                Ok(vec![PartnerRenamed {
                    partner: *partner,
                    name: old,
                }])
            }
            BringsSet { partner, text } => {
                let p = s
                    .partner_mut(*partner)
                    .ok_or(ApplyError::UnknownPartner(*partner))?;
                let old = std::mem::replace(&mut p.brings, text.clone());
                Ok(vec![BringsSet {
                    partner: *partner,
                    text: old,
                }])
            }
            RepresentativeAdded {
                partner,
                representative,
            } => {
                non_empty(&representative.name, "a representative's name")?;
                check_partner(s, *partner)?;
                check_new_id(s, representative.id, checked)?;
                note_id(s, representative.id);
                let p = s
                    .partner_mut(*partner)
                    .ok_or(ApplyError::UnknownPartner(*partner))?;
                insert_by_id(&mut p.representatives, representative.clone(), |r| r.id);
                Ok(vec![RepresentativeRemoved {
                    partner: *partner,
                    id: representative.id,
                }])
            }
            RepresentativeRemoved { partner, id } => {
                let p = s
                    .partner_mut(*partner)
                    .ok_or(ApplyError::UnknownPartner(*partner))?;
                let at = position(&p.representatives, |r| r.id == *id, "representative", *id)?;
                let representative = p.representatives.remove(at);
                Ok(vec![RepresentativeAdded {
                    partner: *partner,
                    representative,
                }])
            }
            RepresentativeEdited {
                partner,
                representative,
            } => {
                non_empty(&representative.name, "a representative's name")?;
                let p = s
                    .partner_mut(*partner)
                    .ok_or(ApplyError::UnknownPartner(*partner))?;
                let id = representative.id;
                let at = position(&p.representatives, |r| r.id == id, "representative", id)?;
                let old = std::mem::replace(&mut p.representatives[at], representative.clone());
                Ok(vec![RepresentativeEdited {
                    partner: *partner,
                    representative: old,
                }])
            }
            StatementSet { text } => {
                let old = std::mem::replace(&mut s.statement, text.clone());
                let mut inverse = vec![StatementSet { text: old }];
                for p in &mut s.partners {
                    if p.vision.agreed {
                        p.vision.agreed = false;
                        inverse.push(AgreementSet {
                            partner: p.id,
                            agreed: true,
                        });
                    }
                }
                Ok(inverse)
            }
            ViewSet { partner, text } => {
                let p = s
                    .partner_mut(*partner)
                    .ok_or(ApplyError::UnknownPartner(*partner))?;
                let old = std::mem::replace(&mut p.vision.view, text.clone());
                Ok(vec![ViewSet {
                    partner: *partner,
                    text: old,
                }])
            }
            WhyNotAloneSet { partner, text } => {
                let p = s
                    .partner_mut(*partner)
                    .ok_or(ApplyError::UnknownPartner(*partner))?;
                let old = std::mem::replace(&mut p.vision.why_not_alone, text.clone());
                Ok(vec![WhyNotAloneSet {
                    partner: *partner,
                    text: old,
                }])
            }
            AlignmentSet { partner, score } => {
                if let Some(n) = score
                    && !(1..=5).contains(n)
                {
                    return Err(ApplyError::AlignmentRange(*n));
                }
                let p = s
                    .partner_mut(*partner)
                    .ok_or(ApplyError::UnknownPartner(*partner))?;
                let old = std::mem::replace(&mut p.vision.alignment, *score);
                Ok(vec![AlignmentSet {
                    partner: *partner,
                    score: old,
                }])
            }
            StanceSet { partner, stance } => {
                let p = s
                    .partner_mut(*partner)
                    .ok_or(ApplyError::UnknownPartner(*partner))?;
                let old = std::mem::replace(&mut p.vision.stance, *stance);
                Ok(vec![StanceSet {
                    partner: *partner,
                    stance: old,
                }])
            }
            AgreementSet { partner, agreed } => {
                let p = s
                    .partner_mut(*partner)
                    .ok_or(ApplyError::UnknownPartner(*partner))?;
                let old = std::mem::replace(&mut p.vision.agreed, *agreed);
                Ok(vec![AgreementSet {
                    partner: *partner,
                    agreed: old,
                }])
            }
            GateDecided { decision } => {
                if s.gate.is_some() {
                    return Err(ApplyError::GateAlreadyDecided);
                }
                match decision {
                    _ if !checked => {}
                    GateDecision::Proceed {
                        override_reason: None,
                    } => {
                        if let Some(missing) = gate_missing(s) {
                            return Err(ApplyError::GateNotReady(missing));
                        }
                    }
                    GateDecision::Proceed {
                        override_reason: Some(reason),
                    } => {
                        non_empty(reason, "the reason for overriding the gate")?;
                    }
                    GateDecision::TakeAPass { reason } => {
                        if reason.trim().is_empty() {
                            return Err(ApplyError::PassWithoutReason);
                        }
                    }
                }
                let old_verdict = VerdictSet {
                    verdict: s.verdict,
                    note: s.verdict_note.clone(),
                };
                s.gate = Some(decision.clone());
                // A pass at the gate is the session's verdict; saying it again on the
                // summary would only invite the two to drift apart.
                if let GateDecision::TakeAPass { reason } = decision {
                    s.verdict = Some(Verdict::TakeAPass);
                    s.verdict_note = reason.clone();
                }
                Ok(vec![GateReopened, old_verdict])
            }
            GateReopened => {
                let old = s.gate.take().ok_or(ApplyError::GateNotDecided)?;
                // Without a gate decision no verdict stands; undo puts both back.
                let inverse = vec![
                    GateDecided { decision: old },
                    VerdictSet {
                        verdict: s.verdict.take(),
                        note: std::mem::take(&mut s.verdict_note),
                    },
                ];
                Ok(inverse)
            }
            RoleAdded { role } => {
                non_empty(&role.name, "a role's name")?;
                check_new_id(s, role.id, checked)?;
                for partner in role.raci.keys() {
                    check_partner(s, *partner)?;
                }
                note_id(s, role.id);
                insert_by_id(&mut s.roles, role.clone(), |r| r.id);
                Ok(vec![RoleRemoved { id: role.id }])
            }
            RoleRenamed { id, name } => {
                non_empty(name, "a role's name")?;
                let at = position(&s.roles, |r| r.id == *id, "role", *id)?;
                let old = std::mem::replace(&mut s.roles[at].name, name.clone());
                Ok(vec![RoleRenamed { id: *id, name: old }])
            }
            RoleRemoved { id } => {
                let at = position(&s.roles, |r| r.id == *id, "role", *id)?;
                let role = s.roles.remove(at);
                Ok(vec![RoleAdded { role }])
            }
            RaciSet {
                role,
                partner,
                letter,
            } => {
                check_partner(s, *partner)?;
                let at = position(&s.roles, |r| r.id == *role, "role", *role)?;
                let raci = &mut s.roles[at].raci;
                let old = match letter {
                    Some(l) => raci.insert(*partner, *l),
                    None => raci.remove(partner),
                };
                Ok(vec![RaciSet {
                    role: *role,
                    partner: *partner,
                    letter: old,
                }])
            }
            HoleAdded { hole } => {
                non_empty(&hole.text, "a hole's description")?;
                check_partner(s, hole.owner)?;
                check_filler(hole.owner, hole.filled_by, s)?;
                check_new_id(s, hole.id, checked)?;
                note_id(s, hole.id);
                insert_by_id(&mut s.holes, hole.clone(), |h| h.id);
                Ok(vec![HoleRemoved { id: hole.id }])
            }
            HoleEdited { id, text } => {
                non_empty(text, "a hole's description")?;
                let at = position(&s.holes, |h| h.id == *id, "hole", *id)?;
                let old = std::mem::replace(&mut s.holes[at].text, text.clone());
                Ok(vec![HoleEdited { id: *id, text: old }])
            }
            HoleFillerSet { id, filled_by } => {
                let at = position(&s.holes, |h| h.id == *id, "hole", *id)?;
                check_filler(s.holes[at].owner, *filled_by, s)?;
                let old = std::mem::replace(&mut s.holes[at].filled_by, *filled_by);
                Ok(vec![HoleFillerSet {
                    id: *id,
                    filled_by: old,
                }])
            }
            HoleRemoved { id } => {
                let at = position(&s.holes, |h| h.id == *id, "hole", *id)?;
                let hole = s.holes.remove(at);
                Ok(vec![HoleAdded { hole }])
            }
            InterestAdded { interest } => {
                non_empty(&interest.statement, "an interest's statement")?;
                check_partner(s, interest.partner)?;
                check_new_id(s, interest.id, checked)?;
                note_id(s, interest.id);
                insert_by_id(&mut s.interests, interest.clone(), |i| i.id);
                Ok(vec![InterestRemoved { id: interest.id }])
            }
            InterestEdited { interest } => {
                non_empty(&interest.statement, "an interest's statement")?;
                check_partner(s, interest.partner)?;
                let at = position(
                    &s.interests,
                    |i| i.id == interest.id,
                    "interest",
                    interest.id,
                )?;
                let old = std::mem::replace(&mut s.interests[at], interest.clone());
                Ok(vec![InterestEdited { interest: old }])
            }
            InterestRemoved { id } => {
                let at = position(&s.interests, |i| i.id == *id, "interest", *id)?;
                let interest = s.interests.remove(at);
                Ok(vec![InterestAdded { interest }])
            }
            ConflictAdded { conflict } => {
                check_conflict(s, conflict)?;
                if checked {
                    check_deal_breaker(s, &conflict.status)?;
                }
                check_new_id(s, conflict.id, checked)?;
                note_id(s, conflict.id);
                insert_by_id(&mut s.conflicts, conflict.clone(), |c| c.id);
                Ok(vec![ConflictRemoved { id: conflict.id }])
            }
            ConflictEdited { conflict } => {
                check_conflict(s, conflict)?;
                if checked {
                    check_deal_breaker(s, &conflict.status)?;
                }
                let at = position(
                    &s.conflicts,
                    |c| c.id == conflict.id,
                    "conflict",
                    conflict.id,
                )?;
                let old = std::mem::replace(&mut s.conflicts[at], conflict.clone());
                Ok(vec![ConflictEdited { conflict: old }])
            }
            ConflictRemoved { id } => {
                let at = position(&s.conflicts, |c| c.id == *id, "conflict", *id)?;
                let conflict = s.conflicts.remove(at);
                Ok(vec![ConflictAdded { conflict }])
            }
            FindingSettled { key, status, owner } => {
                check_status(status)?;
                if checked {
                    check_deal_breaker(s, status)?;
                }
                // A key an earlier version of the rules wrote (read from an older file)
                // settles the findings it stands for today; see `detect::legacy`.
                let keys = if legacy::is_retired(key) {
                    let successors = legacy::successors(key, &detect(s));
                    if successors.is_empty() {
                        vec![key.clone()]
                    } else {
                        successors
                    }
                } else {
                    // Only what the rules find now can be settled; a key from a typo or
                    // from items since removed would be a silent no-op otherwise.
                    if checked && !detect(s).iter().any(|f| &f.key == key) {
                        return Err(ApplyError::UnknownFinding(key.clone()));
                    }
                    vec![key.clone()]
                };
                let mut inverse = Vec::with_capacity(keys.len());
                for key in keys {
                    let old = if *status == ConflictStatus::Open {
                        s.outcomes.remove(&key)
                    } else {
                        s.outcomes.insert(
                            key.clone(),
                            Outcome {
                                status: status.clone(),
                                owner: owner.clone(),
                            },
                        )
                    };
                    let (status, owner) = old.map_or((ConflictStatus::Open, String::new()), |o| {
                        (o.status, o.owner)
                    });
                    inverse.push(FindingSettled { key, status, owner });
                }
                Ok(inverse)
            }
            FindingsSettled { keys, status } => {
                check_status(status)?;
                if keys.is_empty() {
                    return Err(ApplyError::Empty("the list of conflicts to settle"));
                }
                if checked {
                    check_deal_breaker(s, status)?;
                    // Detection runs once for the whole batch, not once per key.
                    let found = detect(s);
                    if let Some(key) = keys.iter().find(|k| !found.iter().any(|f| &f.key == *k)) {
                        return Err(ApplyError::UnknownFinding(key.clone()));
                    }
                }
                let mut inverse = Vec::with_capacity(keys.len());
                for key in keys {
                    let old = if *status == ConflictStatus::Open {
                        s.outcomes.remove(key)
                    } else {
                        let owner = s
                            .outcomes
                            .get(key)
                            .map(|o| o.owner.clone())
                            .unwrap_or_default();
                        s.outcomes.insert(
                            key.clone(),
                            Outcome {
                                status: status.clone(),
                                owner,
                            },
                        )
                    };
                    let (status, owner) = old.map_or((ConflictStatus::Open, String::new()), |o| {
                        (o.status, o.owner)
                    });
                    inverse.push(FindingSettled {
                        key: key.clone(),
                        status,
                        owner,
                    });
                }
                // Undone last to first, so a key named twice comes back to what it was
                // before the batch, not to the batch's own outcome.
                inverse.reverse();
                Ok(inverse)
            }
            VerdictSet { verdict, note } => {
                if checked {
                    let passed = matches!(s.gate, Some(GateDecision::TakeAPass { .. }));
                    let why = match verdict {
                        Some(v) => verdict_block(s, *v),
                        None if passed => Some(
                            "the partners took a pass at the vision gate; reopen the gate to change that",
                        ),
                        None => None,
                    };
                    if let Some(why) = why {
                        return Err(ApplyError::VerdictNotAllowed(why));
                    }
                }
                let old_verdict = std::mem::replace(&mut s.verdict, *verdict);
                let old_note = std::mem::replace(&mut s.verdict_note, note.clone());
                Ok(vec![VerdictSet {
                    verdict: old_verdict,
                    note: old_note,
                }])
            }
            ActionAdded { action } => {
                non_empty(&action.text, "an action item")?;
                check_due(action.due)?;
                check_new_id(s, action.id, checked)?;
                note_id(s, action.id);
                insert_by_id(&mut s.actions, action.clone(), |a| a.id);
                Ok(vec![ActionRemoved { id: action.id }])
            }
            ActionEdited { action } => {
                non_empty(&action.text, "an action item")?;
                check_due(action.due)?;
                let at = position(&s.actions, |a| a.id == action.id, "action item", action.id)?;
                let old = std::mem::replace(&mut s.actions[at], action.clone());
                Ok(vec![ActionEdited { action: old }])
            }
            ActionRemoved { id } => {
                let at = position(&s.actions, |a| a.id == *id, "action item", *id)?;
                let action = s.actions.remove(at);
                Ok(vec![ActionAdded { action }])
            }
            GlossaryAdded { entry } => {
                check_glossary_entry(s, entry)?;
                check_new_id(s, entry.id, checked)?;
                note_id(s, entry.id);
                insert_by_id(&mut s.glossary, tidy_entry(entry), |g| g.id);
                Ok(vec![GlossaryRemoved { id: entry.id }])
            }
            GlossaryEdited { entry } => {
                let at = position(
                    &s.glossary,
                    |g| g.id == entry.id,
                    "glossary entry",
                    entry.id,
                )?;
                check_glossary_entry(s, entry)?;
                let old = std::mem::replace(&mut s.glossary[at], tidy_entry(entry));
                Ok(vec![GlossaryEdited { entry: old }])
            }
            GlossaryRemoved { id } => {
                let at = position(&s.glossary, |g| g.id == *id, "glossary entry", *id)?;
                let entry = s.glossary.remove(at);
                Ok(vec![GlossaryAdded { entry }])
            }
            RoundOpened { round } => {
                rounds::open(s, round, checked)?;
                Ok(Vec::new())
            }
            AnswerSealed { round, seal } => {
                rounds::seal(s, *round, seal)?;
                Ok(Vec::new())
            }
            AnswerWithdrawn { round, number } => {
                rounds::withdraw(s, *round, *number)?;
                Ok(Vec::new())
            }
            RoundRevealed { round, answers } => {
                rounds::reveal(s, *round, answers, checked)?;
                Ok(Vec::new())
            }
            RoundCancelled { round } => {
                rounds::cancel(s, *round)?;
                Ok(Vec::new())
            }
            TimeboxSet { stage, minutes } => {
                if !(1..=600).contains(minutes) {
                    return Err(ApplyError::TimeboxRange(*minutes));
                }
                let old = s.clock.timebox_minutes(*stage);
                s.clock.set_timebox_minutes(*stage, *minutes);
                Ok(vec![TimeboxSet {
                    stage: *stage,
                    minutes: old,
                }])
            }
            MovedTo { stage } => {
                if let Some(why) = stage_lock(s, *stage) {
                    return Err(ApplyError::StageLocked(*stage, why));
                }
                s.current = *stage;
                s.reached = s.reached.max(*stage);
                Ok(Vec::new())
            }
            TimeSpent { stage, seconds } => {
                if *seconds > MAX_TIME_SPENT_SECONDS {
                    return Err(ApplyError::TimeSpentRange(*seconds));
                }
                s.clock.add_spent(*stage, *seconds);
                Ok(Vec::new())
            }
            Undo => Err(ApplyError::NothingToUndo),
            Redo => Err(ApplyError::NothingToRedo),
        }
    }
}
