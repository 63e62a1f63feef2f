//! The room's outcomes for detected conflicts (`Change::FindingSettled`): they stay with
//! their finding while its items exist, whatever else changes; they hide with it and come
//! back with it; the guards around them; and the readiness figures drawn from the board.

#[path = "common/domain.rs"]
mod common;

use std::path::Path;

use common::*;
use sameside::domain::board::{BoardEntry, Readiness, Source, agreements, board};
use sameside::domain::detect::{Rule, detect};
use sameside::domain::*;
use sameside::storage::format::{Header, decode, encode};

// ---------------------------------------------------------------- building sessions

fn settle(key: &str, status: ConflictStatus, owner: &str) -> Change {
    Change::FindingSettled {
        key: key.to_string(),
        status,
        owner: owner.to_string(),
    }
}

fn resolved(agreement: &str) -> ConflictStatus {
    ConflictStatus::Resolved {
        agreement: agreement.to_string(),
    }
}

fn dismissed(reason: &str) -> ConflictStatus {
    ConflictStatus::Dismissed {
        reason: reason.to_string(),
    }
}

const AGREEMENT: &str = "Acme keeps Benelux; Globex keeps Belgium";

/// Acme, Globex and Initech at the interests, with one role that raises nothing and
/// one clash between Acme (interest 10) and Globex (interest 11) over territory.
fn clash_room() -> (Room, String) {
    let mut room = Room::without_roles(&["Acme", "Globex", "Initech"]);
    room.pass_gate();
    room.ok(move_to(Stage::Roles));
    room.ok(add_role(
        9,
        "Solution architecture",
        &[(ACME, Raci::Accountable), (GLOBEX, Raci::Responsible)],
    ));
    room.ok(move_to(Stage::Interests));
    room.ok(add_interest(
        10,
        ACME,
        InterestCategory::Territory,
        Weight::Important,
        "Exclusive Benelux rights",
    ));
    room.ok(add_interest(
        11,
        GLOBEX,
        InterestCategory::Territory,
        Weight::Important,
        "Sole reseller in Belgium",
    ));
    let findings = detect(room.session());
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let clash = &findings[0];
    assert_eq!(clash.rule, Rule::ClashingInterests);
    assert_eq!(
        clash.items,
        vec![ItemRef::Interest(ItemId(10)), ItemRef::Interest(ItemId(11))]
    );
    let key = clash.key.clone();
    (room, key)
}

fn detected<'a>(entries: &'a [BoardEntry], key: &str) -> Option<&'a BoardEntry> {
    entries
        .iter()
        .find(|e| matches!(&e.source, Source::Detected { key: k, .. } if k == key))
}

/// The board entry for `key`, which must be shown.
#[track_caller]
fn entry(session: &Session, key: &str) -> BoardEntry {
    let entries = board(session);
    detected(&entries, key)
        .cloned()
        .unwrap_or_else(|| panic!("{key} is not on the board: {entries:#?}"))
}

#[track_caller]
fn assert_settled(session: &Session, key: &str, when: &str) {
    let e = entry(session, key);
    assert_eq!(e.status, resolved(AGREEMENT), "{when}");
    assert_eq!(e.owner, "Dana", "{when}");
    let entries = board(session);
    let agreed: Vec<&str> = agreements(&entries).map(|(_, a)| a).collect();
    assert_eq!(agreed, vec![AGREEMENT], "{when}");
}

fn round_trip(history: &History) -> History {
    let header = Header::for_history("outcomes", None, history);
    let text = encode(&header, history).expect("the session encodes");
    decode(Path::new("outcomes.ron"), text.as_bytes())
        .expect("the session decodes")
        .1
}

// ---------------------------------------------------------------- identity

#[test]
fn a_settled_conflict_keeps_its_outcome_through_unrelated_changes() {
    let (mut room, key) = clash_room();
    assert_eq!(entry(room.session(), &key).status, ConflictStatus::Open);
    room.ok(settle(&key, resolved(AGREEMENT), "Dana"));
    assert_settled(room.session(), &key, "just settled");

    room.ok(add_interest(
        12,
        INITECH,
        InterestCategory::Pricing,
        Weight::Negotiable,
        "Transparent list prices",
    ));
    assert_settled(room.session(), &key, "an unrelated interest added");

    room.ok(Change::RoleRenamed {
        id: ItemId(9),
        name: "Delivery governance".into(),
    });
    assert_settled(room.session(), &key, "a role elsewhere renamed");

    for stage in [
        Stage::Conflicts,
        Stage::Summary,
        Stage::Roles,
        Stage::Vision,
    ] {
        room.ok(move_to(stage));
        assert_settled(room.session(), &key, &format!("moved to {stage:?}"));
    }

    // A third partner's firm claim on the same place clashes with both, but as new
    // pairs: the Acme–Globex clash keeps its items and so its outcome.
    room.ok(add_interest(
        13,
        INITECH,
        InterestCategory::Territory,
        Weight::Important,
        "Exclusive rights in Belgium",
    ));
    assert_settled(room.session(), &key, "a third partner in the category");
    let clashes = detect(room.session())
        .iter()
        .filter(|f| f.rule == Rule::ClashingInterests)
        .count();
    assert_eq!(clashes, 3);

    // Rewording one of its own items, or holding it harder, keeps the finding too.
    let mut edited = room.session().interest(ItemId(10)).unwrap().clone();
    edited.statement = "Exclusive rights in the Benelux".into();
    edited.weight = Weight::NonNegotiable;
    room.ok(Change::InterestEdited { interest: edited });
    assert_settled(room.session(), &key, "its own interest reworded");
    assert_eq!(entry(room.session(), &key).severity, Severity::High);

    let loaded = round_trip(&room.history);
    assert_settled(loaded.session(), &key, "saved and loaded");
}

#[test]
fn removing_an_item_hides_the_entry_and_undo_brings_it_back_with_its_outcome() {
    let (mut room, key) = clash_room();
    room.ok(settle(&key, resolved(AGREEMENT), "Dana"));
    let shown = board(room.session()).len();

    room.ok(Change::InterestRemoved { id: ItemId(11) });
    let entries = board(room.session());
    assert!(detected(&entries, &key).is_none(), "{entries:#?}");
    assert_eq!(entries.len(), shown - 1);
    assert_eq!(agreements(&entries).count(), 0);
    assert_eq!(Readiness::of(&entries), Readiness::default());
    assert_eq!(
        room.session().outcomes.get(&key).map(|o| &o.status),
        Some(&resolved(AGREEMENT)),
        "the outcome is kept, only not shown"
    );
    // Nor can it be settled again while its items are gone.
    assert_eq!(
        room.refused(settle(&key, ConflictStatus::Parked, "")),
        ApplyError::UnknownFinding(key.clone())
    );
    let loaded = round_trip(&room.history);
    assert!(detected(&board(loaded.session()), &key).is_none());
    assert!(loaded.session().outcomes.contains_key(&key));

    room.ok(Change::Undo);
    assert_settled(room.session(), &key, "removal undone");
    room.ok(Change::Redo);
    assert!(detected(&board(room.session()), &key).is_none());
    room.ok(Change::Undo);
    assert_settled(room.session(), &key, "removal undone again");
    assert_settled(round_trip(&room.history).session(), &key, "loaded");
}

/// Makes interest `id` negotiable.
fn loosen(room: &mut Room, id: u32) {
    let mut interest = room.session().interest(ItemId(id)).unwrap().clone();
    interest.weight = Weight::Negotiable;
    room.ok(Change::InterestEdited { interest });
}

#[test]
fn an_interest_made_negotiable_and_firm_again_gets_its_outcome_back() {
    let (mut room, key) = clash_room();
    room.ok(settle(&key, resolved(AGREEMENT), "Dana"));
    // One negotiable side lowers the clash; it is still the same finding.
    loosen(&mut room, 10);
    assert_settled(room.session(), &key, "one side negotiable");
    assert_eq!(entry(room.session(), &key).severity, Severity::Low);
    // Two negotiable sides are no clash: the entry goes, its outcome is kept.
    loosen(&mut room, 11);
    assert!(detected(&board(room.session()), &key).is_none());
    let mut interest = room.session().interest(ItemId(11)).unwrap().clone();
    interest.weight = Weight::Important;
    room.ok(Change::InterestEdited { interest });
    assert_settled(room.session(), &key, "firm again");
}

// ---------------------------------------------------------------- guards

#[test]
fn an_unknown_key_is_refused() {
    let (mut room, key) = clash_room();
    for unknown in [
        "clash:i98+i99",
        "",
        "nonsense",
        "two-a:r9",
        &format!("{key}+i12"),
    ] {
        assert_eq!(
            room.refused(settle(unknown, resolved("Split it"), "Dana")),
            ApplyError::UnknownFinding(unknown.to_string()),
            "{unknown}"
        );
    }
}

#[test]
fn a_finding_of_a_rule_that_does_not_run_yet_cannot_be_settled() {
    let mut room = Room::without_roles(&["Acme", "Globex"]);
    room.ok(add_role(
        10,
        "Solution architecture",
        &[(ACME, Raci::Accountable), (GLOBEX, Raci::Accountable)],
    ));
    let mut later = room.clone();
    later.pass_gate();
    later.ok(move_to(Stage::Roles));
    let key = detect(later.session())
        .into_iter()
        .find(|f| f.rule == Rule::TwoAccountable)
        .expect("two accountable at the role split")
        .key;
    assert_eq!(
        room.refused(settle(&key, ConflictStatus::Parked, "")),
        ApplyError::UnknownFinding(key.clone()),
        "at the vision"
    );
    later.ok(settle(&key, ConflictStatus::Parked, ""));
}

#[test]
fn dismissing_needs_a_reason_and_resolving_an_agreement() {
    let (mut room, key) = clash_room();
    for status in [
        dismissed(""),
        dismissed("  \n"),
        resolved(""),
        resolved(" "),
    ] {
        let err = room.refused(settle(&key, status.clone(), "Dana"));
        assert!(matches!(err, ApplyError::Empty(_)), "{status:?}: {err:?}");
    }
    room.ok(settle(&key, dismissed("Different customers entirely"), ""));
    let e = entry(room.session(), &key);
    assert_eq!(e.status, dismissed("Different customers entirely"));
    let readiness = Readiness::of(&board(room.session()));
    assert_eq!(readiness.dismissed, 1);
    assert_eq!(readiness.total(), 0);
    assert_eq!(readiness.percent_decided(), 100);
}

#[test]
fn an_entered_conflict_cannot_be_dismissed() {
    let (mut room, _) = clash_room();
    let entered = conflict(
        20,
        &[ACME, GLOBEX],
        "Both sales teams chase the same DACH prospects",
        ConflictStatus::Open,
    );
    let mut as_dismissed = entered.clone();
    as_dismissed.status = dismissed("Not really a conflict");
    assert_eq!(
        room.refused(Change::ConflictAdded {
            conflict: as_dismissed.clone()
        }),
        ApplyError::DismissEntered
    );
    room.ok(Change::ConflictAdded { conflict: entered });
    assert_eq!(
        room.refused(Change::ConflictEdited {
            conflict: as_dismissed
        }),
        ApplyError::DismissEntered
    );
}

#[test]
fn a_deal_breaker_is_refused_under_a_plain_proceed() {
    let (mut room, key) = clash_room();
    room.ok(verdict(Some(Verdict::Proceed), ""));
    let err = room.refused(settle(&key, ConflictStatus::DealBreaker, "Dana"));
    assert!(matches!(err, ApplyError::VerdictNotAllowed(_)), "{err:?}");
    // Anything short of a deal-breaker is fine under a proceed.
    room.ok(settle(&key, ConflictStatus::Parked, "Dana"));
    room.ok(verdict(
        Some(Verdict::ProceedWithConditions),
        "Pilot in Benelux first",
    ));
    room.ok(settle(&key, ConflictStatus::DealBreaker, "Dana"));
    assert_eq!(
        entry(room.session(), &key).status,
        ConflictStatus::DealBreaker
    );
}

#[test]
fn a_detected_deal_breaker_blocks_a_plain_proceed() {
    let (mut room, key) = clash_room();
    room.ok(settle(&key, ConflictStatus::DealBreaker, "Dana"));
    assert!(room.session().has_deal_breaker());
    let err = room.refused(verdict(Some(Verdict::Proceed), ""));
    assert!(matches!(err, ApplyError::VerdictNotAllowed(_)), "{err:?}");
    room.ok(verdict(
        Some(Verdict::ProceedWithConditions),
        "Only with a territory map signed first",
    ));
    room.ok(verdict(
        Some(Verdict::TakeAPass),
        "Territory is a deal-breaker",
    ));

    // Reopened, it blocks nothing any more.
    room.ok(settle(&key, ConflictStatus::Open, ""));
    assert!(!room.session().has_deal_breaker());
    room.ok(verdict(Some(Verdict::Proceed), ""));
}

#[test]
fn a_deal_breaker_whose_items_are_gone_blocks_nothing() {
    let (mut room, key) = clash_room();
    room.ok(settle(&key, ConflictStatus::DealBreaker, "Dana"));
    room.ok(Change::InterestRemoved { id: ItemId(10) });
    assert!(!room.session().has_deal_breaker());
    room.ok(verdict(Some(Verdict::Proceed), ""));
}

#[test]
fn the_deal_breakers_named_as_blocking_a_proceed_are_the_ones_the_guard_counts() {
    let (mut room, key) = clash_room();
    room.ok(Change::ConflictAdded {
        conflict: conflict(
            30,
            &[ACME, GLOBEX],
            "Both want to lead the Siemens account",
            ConflictStatus::DealBreaker,
        ),
    });
    room.ok(settle(&key, ConflictStatus::DealBreaker, "Dana"));
    let names = |room: &Room| -> Vec<String> {
        let entries = board(room.session());
        verdict::blocking_deal_breakers(&entries)
            .iter()
            .map(|e| e.description.clone())
            .collect()
    };
    // Entered first, then detected: the order the summary names them in.
    let both = names(&room);
    assert_eq!(both.len(), 2, "{both:?}");
    assert_eq!(both[0], "Both want to lead the Siemens account");
    assert!(verdict::verdict_block(room.session(), Verdict::Proceed).is_some());

    // The detected one goes with its items; the entered one still blocks.
    room.ok(Change::InterestRemoved { id: ItemId(10) });
    assert_eq!(names(&room), vec!["Both want to lead the Siemens account"]);
    assert!(verdict::verdict_block(room.session(), Verdict::Proceed).is_some());

    // None named, none counted: proceeding is open again.
    room.ok(Change::ConflictRemoved { id: ItemId(30) });
    assert!(names(&room).is_empty());
    assert!(!room.session().has_deal_breaker());
    assert_eq!(
        verdict::verdict_block(room.session(), Verdict::Proceed),
        None
    );
}

/// What the guards promise: "a deal-breaker cannot appear under a plain proceed verdict:
/// the verdict has to change first, so the two never contradict each other".
#[track_caller]
fn assert_no_deal_breaker_under_proceed(session: &Session) {
    let standing: Vec<BoardEntry> = board(session)
        .into_iter()
        .filter(|e| e.status == ConflictStatus::DealBreaker)
        .collect();
    assert!(
        session.verdict != Some(Verdict::Proceed) || standing.is_empty(),
        "plain proceed with deal-breakers on the board: {standing:#?}"
    );
}

#[test]
fn a_deal_breaker_does_not_come_back_under_a_plain_proceed_by_an_edit() {
    let (mut room, key) = clash_room();
    room.ok(settle(&key, ConflictStatus::DealBreaker, "Dana"));
    // Both sides negotiable: the clash, and its deal-breaker, leave the board.
    loosen(&mut room, 10);
    loosen(&mut room, 11);
    let mut interest = room.session().interest(ItemId(11)).unwrap().clone();
    room.ok(verdict(Some(Verdict::Proceed), ""));
    interest.weight = Weight::Important;
    // Either this edit is refused, or the deal-breaker must not stand next to "proceed".
    let when = at(900);
    let _ = room
        .history
        .record(when, Change::InterestEdited { interest });
    assert_no_deal_breaker_under_proceed(room.session());
}

#[test]
fn a_deal_breaker_does_not_come_back_under_a_plain_proceed_by_removing_its_copy() {
    let (mut room, key) = clash_room();
    room.ok(settle(&key, ConflictStatus::DealBreaker, "Dana"));
    let mut copy = conflict(
        20,
        &[ACME, GLOBEX],
        "Benelux against Belgium",
        ConflictStatus::Open,
    );
    copy.items = vec![ItemRef::Interest(ItemId(11)), ItemRef::Interest(ItemId(10))];
    room.ok(Change::ConflictAdded { conflict: copy });
    // The moderator's open copy hides the detected deal-breaker, so proceed is allowed.
    room.ok(verdict(Some(Verdict::Proceed), ""));
    let _ = room
        .history
        .record(at(900), Change::ConflictRemoved { id: ItemId(20) });
    assert_no_deal_breaker_under_proceed(room.session());
}

// ---------------------------------------------------------------- reopening, undo, redo

#[test]
fn reopening_takes_the_outcome_back() {
    let (mut room, key) = clash_room();
    room.ok(settle(&key, ConflictStatus::Parked, "Dana"));
    assert!(room.session().outcomes.contains_key(&key));
    room.ok(settle(&key, ConflictStatus::Open, "ignored"));
    assert!(room.session().outcomes.is_empty());
    let e = entry(room.session(), &key);
    assert_eq!(e.status, ConflictStatus::Open);
    assert_eq!(e.owner, "");
    // Reopening what is open is harmless.
    room.ok(settle(&key, ConflictStatus::Open, ""));
    assert!(room.session().outcomes.is_empty());
}

#[test]
fn undo_and_redo_of_an_outcome_restore_exactly() {
    let (mut room, key) = clash_room();
    let open = without_counter_and_time(room.session());
    room.ok(settle(&key, resolved(AGREEMENT), "Dana"));
    let settled = without_counter_and_time(room.session());
    room.ok(settle(&key, ConflictStatus::AcceptedRisk, "Globex legal"));
    let risk = without_counter_and_time(room.session());
    room.ok(settle(&key, ConflictStatus::Open, ""));
    let reopened = without_counter_and_time(room.session());
    assert_eq!(reopened, open);

    let steps = [
        (Change::Undo, &risk),
        (Change::Undo, &settled),
        (Change::Undo, &open),
        (Change::Redo, &settled),
        (Change::Redo, &risk),
        (Change::Redo, &reopened),
        (Change::Undo, &risk),
    ];
    for (n, (change, want)) in steps.into_iter().enumerate() {
        room.ok(change.clone());
        assert_eq!(
            &without_counter_and_time(room.session()),
            want,
            "step {n}: {change:?}"
        );
    }
    let e = entry(room.session(), &key);
    assert_eq!(e.status, ConflictStatus::AcceptedRisk);
    assert_eq!(e.owner, "Globex legal");
    let loaded = round_trip(&room.history);
    assert_eq!(loaded.session(), room.session());
}

// ---------------------------------------------------------------- readiness

#[test]
fn readiness_counts_the_board() {
    use ConflictStatus::*;
    let mut room = Room::without_roles(&["Acme", "Globex", "Initech"]);
    room.ok(Change::AlignmentSet {
        partner: ACME,
        score: Some(1),
    });
    room.ok(Change::AlignmentSet {
        partner: GLOBEX,
        score: Some(5),
    });
    room.ok(Change::StanceSet {
        partner: ACME,
        stance: Some(Stance::Competitor),
    });
    room.ok(Change::StanceSet {
        partner: GLOBEX,
        stance: Some(Stance::Collaborator),
    });
    room.pass_gate();
    room.ok(move_to(Stage::Roles));
    room.ok(add_role(
        10,
        "Solution architecture",
        &[
            (ACME, Raci::Accountable),
            (GLOBEX, Raci::Accountable),
            (INITECH, Raci::Responsible),
        ],
    ));
    room.ok(add_role(11, "Executive sponsorship", &[]));
    room.ok(add_role(
        12,
        "Pricing and commercial terms",
        &[(ACME, Raci::Accountable)],
    ));
    room.ok(Change::HoleAdded {
        hole: hole(
            13,
            ACME,
            "Delivery capacity outside Germany",
            HoleFiller::Partner(GLOBEX),
        ),
    });
    room.ok(move_to(Stage::Interests));
    room.ok(add_interest(
        14,
        ACME,
        InterestCategory::Territory,
        Weight::NonNegotiable,
        "Exclusive Benelux rights",
    ));
    room.ok(add_interest(
        15,
        GLOBEX,
        InterestCategory::Territory,
        Weight::NonNegotiable,
        "Sole reseller in Belgium",
    ));
    // A loosely held pair on one subject: a low clash.
    room.ok(add_interest(
        16,
        ACME,
        InterestCategory::ProductDirection,
        Weight::Important,
        "We decide the roadmap",
    ));
    room.ok(add_interest(
        17,
        GLOBEX,
        InterestCategory::ProductDirection,
        Weight::Negotiable,
        "A say in the roadmap",
    ));
    room.ok(Change::ConflictAdded {
        conflict: conflict(
            20,
            &[ACME, GLOBEX],
            "Both sales teams chase the same DACH prospects",
            Open,
        ),
    });

    let findings = detect(room.session());
    let found: Vec<(Rule, Severity)> = findings.iter().map(|f| (f.rule, f.severity)).collect();
    let key_of = |rule: Rule| {
        let matching: Vec<&str> = findings
            .iter()
            .filter(|f| f.rule == rule && f.severity != Severity::Low)
            .map(|f| f.key.as_str())
            .collect();
        assert_eq!(matching.len(), 1, "{rule:?}: {found:?}");
        matching[0].to_string()
    };
    let mut sorted = found.clone();
    sorted.sort();
    let mut expected = vec![
        (Rule::ClashingInterests, Severity::Critical),
        (Rule::TwoAccountable, Severity::High),
        (Rule::NobodyAccountable, Severity::Medium),
        (Rule::ClashingInterests, Severity::Low),
        (Rule::HoleLeftToPartner, Severity::High),
        (Rule::VisionGap, Severity::High),
        (Rule::VisionGap, Severity::High),
    ];
    expected.sort();
    assert_eq!(sorted, expected, "{findings:#?}");
    let stance_key = findings
        .iter()
        .find(|f| f.key.starts_with("stance:"))
        .unwrap()
        .key
        .clone();

    let before = Readiness::of(&board(room.session()));
    assert_eq!(before.open, [1, 1, 5, 1], "low, medium, high, critical");
    assert_eq!(before.total(), 7 + 1);
    assert_eq!(before.percent_decided(), 0);

    room.ok(settle(
        &key_of(Rule::ClashingInterests),
        DealBreaker,
        "Dana",
    ));
    room.ok(settle(
        &key_of(Rule::TwoAccountable),
        resolved("Acme answers for the architecture"),
        "",
    ));
    room.ok(settle(
        &key_of(Rule::HoleLeftToPartner),
        AcceptedRisk,
        "Acme",
    ));
    room.ok(settle(&key_of(Rule::NobodyAccountable), Parked, "Dana"));
    room.ok(settle(
        &stance_key,
        dismissed("They compete only outside Europe"),
        "",
    ));

    let entries = board(room.session());
    assert_eq!(entries.len(), 8);
    let r = Readiness::of(&entries);
    // Open: the alignment gap (high), the roadmap pair (low), the entered conflict (high).
    assert_eq!(r.open, [1, 0, 2, 0]);
    assert_eq!(r.open_total(), 3);
    assert_eq!(r.parked, 1);
    assert_eq!(r.settled, 2);
    assert_eq!(r.deal_breakers, 1);
    assert_eq!(r.dismissed, 1);
    assert_eq!(r.total(), 7, "dismissed ones do not count");
    assert_eq!(r.percent_decided(), 3 * 100 / 7);
    assert_eq!(r.open_summary(), "2 high, 1 low open");
    assert_eq!(agreements(&entries).count(), 1);

    assert_eq!(Readiness::of(&[]).percent_decided(), 100);
    assert_eq!(Readiness::of(&[]).open_summary(), "none open");
}

// ---------------------------------------------------------------- moderator's copy

#[test]
fn a_moderators_conflict_on_the_same_items_and_category_hides_the_detected_one() {
    let (mut room, key) = clash_room();
    let before = board(room.session());
    assert!(detected(&before, &key).is_some());

    // Same items in another category, or only some of the items: both stay on the board.
    let mut other_category = conflict(
        20,
        &[ACME, GLOBEX],
        "Price lists differ",
        ConflictStatus::Open,
    );
    other_category.category = ConflictCategory::Pricing;
    other_category.items = vec![ItemRef::Interest(ItemId(10)), ItemRef::Interest(ItemId(11))];
    room.ok(Change::ConflictAdded {
        conflict: other_category,
    });
    let mut some_items = conflict(21, &[ACME], "Benelux", ConflictStatus::Open);
    some_items.items = vec![ItemRef::Interest(ItemId(10))];
    room.ok(Change::ConflictAdded {
        conflict: some_items,
    });
    let entries = board(room.session());
    assert_eq!(entries.len(), before.len() + 2);
    assert!(detected(&entries, &key).is_some());

    // Exactly its items (in any order) and its category: shown once, as the moderator's.
    let mut copy = conflict(
        22,
        &[ACME, GLOBEX],
        "Benelux against Belgium",
        ConflictStatus::Open,
    );
    copy.items = vec![ItemRef::Interest(ItemId(11)), ItemRef::Interest(ItemId(10))];
    room.ok(Change::ConflictAdded { conflict: copy });
    let entries = board(room.session());
    assert_eq!(entries.len(), before.len() + 2);
    assert!(detected(&entries, &key).is_none(), "{entries:#?}");
    let copies = entries
        .iter()
        .filter(|e| e.source == Source::Moderator(ItemId(22)))
        .count();
    assert_eq!(copies, 1);

    room.ok(Change::ConflictRemoved { id: ItemId(22) });
    assert!(detected(&board(room.session()), &key).is_some());
}

// ---------------------------------------------------------------- whose outcome

#[test]
fn an_outcome_agreed_with_one_partner_does_not_carry_over_to_another() {
    let mut room = Room::without_roles(&["Acme", "Globex", "Initech"]);
    room.pass_gate();
    room.ok(move_to(Stage::Roles));
    room.ok(Change::HoleAdded {
        hole: hole(
            10,
            ACME,
            "Delivery capacity outside Germany",
            HoleFiller::Partner(GLOBEX),
        ),
    });
    let key = detect(room.session())
        .into_iter()
        .find(|f| f.rule == Rule::HoleLeftToPartner)
        .unwrap()
        .key;
    room.ok(settle(
        &key,
        resolved("Globex builds delivery capacity for its own reasons"),
        "Globex",
    ));
    room.ok(Change::HoleFillerSet {
        id: ItemId(10),
        filled_by: HoleFiller::Partner(INITECH),
    });
    let shown: Vec<BoardEntry> = board(room.session())
        .into_iter()
        .filter(|e| e.rule() == Some(Rule::HoleLeftToPartner))
        .collect();
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].partners, vec![ACME, INITECH]);
    assert_eq!(
        shown[0].status,
        ConflictStatus::Open,
        "Initech never agreed to Globex's answer: {shown:#?}"
    );
}
