//! The event record of a session: undo and redo, rebuilding a session from its events,
//! and the sentences that describe each event.

#[path = "common/domain.rs"]
mod common;

use common::*;
use proptest::prelude::*;
use sameside::domain::change::stage_lock;
use sameside::domain::*;

/// A session after the vision gate with one of everything, wall on the vision:
/// Acme, Globex, Initech and (added after the gate, nothing said) Umbrella;
/// representative 20, hole 21, interest 22, conflict 23, action 24; next id 25.
fn working_room() -> Room {
    use Change::*;
    let mut room = Room::new();
    room.ok(ViewSet {
        partner: ACME,
        text: "Mid-market wants packaged ERP".into(),
    });
    room.ok(WhyNotAloneSet {
        partner: ACME,
        text: "No implementation capacity".into(),
    });
    room.ok(AlignmentSet {
        partner: ACME,
        score: Some(4),
    });
    room.ok(StanceSet {
        partner: GLOBEX,
        stance: Some(Stance::Coopetitor),
    });
    room.pass_gate();
    room.ok(PartnerAdded {
        partner: PartnerId(4),
        name: "Umbrella".into(),
        brings: "Hosting".into(),
    });
    room.ok(RepresentativeAdded {
        partner: ACME,
        representative: rep(20, "Ada", Function::Executive),
    });
    room.ok(RaciSet {
        role: ItemId(1),
        partner: ACME,
        letter: Some(Raci::Accountable),
    });
    room.ok(HoleAdded {
        hole: hole(21, ACME, "No EMEA sales team", HoleFiller::Unresolved),
    });
    room.ok(InterestAdded {
        interest: interest(22, GLOBEX, "Own EMEA enterprise accounts"),
    });
    room.ok(ConflictAdded {
        conflict: conflict(
            23,
            &[ACME, GLOBEX],
            "Account leadership",
            ConflictStatus::Open,
        ),
    });
    room.ok(ActionAdded {
        action: action(24, "Draft the account split", "Dana"),
    });
    room.ok(verdict(
        Some(Verdict::ProceedWithConditions),
        "Account split first",
    ));
    assert_eq!(room.session().fresh_id(), ItemId(25));
    assert_eq!(room.session().current, Stage::Vision);
    room
}

/// Before the gate: statement written, every partner agreed, views said.
fn vision_room() -> Room {
    let mut room = Room::new();
    room.ok(Change::ViewSet {
        partner: GLOBEX,
        text: "Enterprise first".into(),
    });
    room.agree_all();
    room
}

fn passed_room() -> Room {
    let mut room = Room::new();
    room.ok(take_a_pass("No shared market"));
    room
}

/// Asserts `got` is the state `expected`, apart from the time of the last change and,
/// when ids were handed out in between, the id counter (which never moves back).
#[track_caller]
fn assert_same_state(got: &Session, expected: &Session, label: &str) {
    let mut got = got.clone();
    got.updated = expected.updated;
    if got.fresh_id() == expected.fresh_id() {
        assert_eq!(&got, expected, "{label}");
    } else {
        assert!(
            got.fresh_id() > expected.fresh_id(),
            "{label}: the id counter moved back"
        );
        assert_eq!(
            without_counter_and_time(&got),
            without_counter_and_time(expected),
            "{label}"
        );
    }
}

/// One row of the undo table: what it is, the room it starts from, the change made.
type UndoCase = (&'static str, fn() -> Room, Change);

fn undo_cases() -> Vec<UndoCase> {
    use Change::*;
    let mut renamed_interest = interest(22, ACME, "Own EMEA and DACH enterprise accounts");
    renamed_interest.category = InterestCategory::AccountLeadership;
    renamed_interest.weight = Weight::NonNegotiable;
    renamed_interest.function = Function::Executive;
    let mut raci_role = role(30, "Field marketing");
    raci_role.raci.insert(GLOBEX, Raci::Responsible);
    vec![
        (
            "title",
            working_room,
            TitleSet {
                title: "EMEA pilot v2".into(),
            },
        ),
        (
            "moderator",
            working_room,
            ModeratorSet { name: "Sam".into() },
        ),
        (
            "moderator cleared",
            working_room,
            ModeratorSet {
                name: String::new(),
            },
        ),
        (
            "kind",
            working_room,
            KindSet {
                kind: PartnershipType::Other("Joint venture".into()),
            },
        ),
        (
            "partner added",
            working_room,
            PartnerAdded {
                partner: PartnerId(5),
                name: "Hooli".into(),
                brings: "Search".into(),
            },
        ),
        (
            "last partner removed",
            working_room,
            PartnerRemoved {
                partner: PartnerId(4),
            },
        ),
        (
            "partner renamed",
            working_room,
            PartnerRenamed {
                partner: GLOBEX,
                name: "Globex Corp".into(),
            },
        ),
        (
            "brings",
            working_room,
            BringsSet {
                partner: ACME,
                text: "A 40-person delivery team".into(),
            },
        ),
        (
            "representative added",
            working_room,
            RepresentativeAdded {
                partner: GLOBEX,
                representative: rep(30, "Gus", Function::Legal),
            },
        ),
        (
            "representative removed",
            working_room,
            RepresentativeRemoved {
                partner: ACME,
                id: ItemId(20),
            },
        ),
        (
            "statement rewritten",
            vision_room,
            statement("Win DACH first"),
        ),
        ("statement cleared", vision_room, statement("")),
        (
            "view",
            working_room,
            ViewSet {
                partner: ACME,
                text: "Cloud ERP only".into(),
            },
        ),
        (
            "why not alone",
            working_room,
            WhyNotAloneSet {
                partner: GLOBEX,
                text: "No local presence".into(),
            },
        ),
        (
            "alignment cleared",
            working_room,
            AlignmentSet {
                partner: ACME,
                score: None,
            },
        ),
        (
            "alignment set",
            working_room,
            AlignmentSet {
                partner: INITECH,
                score: Some(2),
            },
        ),
        (
            "stance",
            working_room,
            StanceSet {
                partner: GLOBEX,
                stance: Some(Stance::Competitor),
            },
        ),
        (
            "agreement withdrawn",
            vision_room,
            AgreementSet {
                partner: ACME,
                agreed: false,
            },
        ),
        ("gate passed", vision_room, proceed()),
        (
            "gate overridden",
            Room::new,
            override_gate("Board approved the pilot"),
        ),
        (
            "pass at the gate",
            vision_room,
            take_a_pass("No shared market"),
        ),
        ("gate reopened", working_room, GateReopened),
        ("gate reopened after a pass", passed_room, GateReopened),
        ("role added", working_room, RoleAdded { role: raci_role }),
        (
            "role renamed",
            working_room,
            RoleRenamed {
                id: ItemId(2),
                name: "Delivery".into(),
            },
        ),
        (
            "role with raci removed",
            working_room,
            RoleRemoved { id: ItemId(1) },
        ),
        (
            "raci letter set",
            working_room,
            RaciSet {
                role: ItemId(2),
                partner: GLOBEX,
                letter: Some(Raci::Informed),
            },
        ),
        (
            "raci letter replaced",
            working_room,
            RaciSet {
                role: ItemId(1),
                partner: ACME,
                letter: Some(Raci::Responsible),
            },
        ),
        (
            "raci letter cleared",
            working_room,
            RaciSet {
                role: ItemId(1),
                partner: ACME,
                letter: None,
            },
        ),
        (
            "hole added",
            working_room,
            HoleAdded {
                hole: hole(30, GLOBEX, "No support desk", HoleFiller::Partner(INITECH)),
            },
        ),
        (
            "hole edited",
            working_room,
            HoleEdited {
                id: ItemId(21),
                text: "No EMEA channel".into(),
            },
        ),
        (
            "hole filler",
            working_room,
            HoleFillerSet {
                id: ItemId(21),
                filled_by: HoleFiller::Partner(GLOBEX),
            },
        ),
        ("hole removed", working_room, HoleRemoved { id: ItemId(21) }),
        (
            "interest added",
            working_room,
            InterestAdded {
                interest: interest(30, INITECH, "Keep the public sector"),
            },
        ),
        (
            "interest edited",
            working_room,
            InterestEdited {
                interest: renamed_interest,
            },
        ),
        (
            "interest removed",
            working_room,
            InterestRemoved { id: ItemId(22) },
        ),
        (
            "conflict added",
            working_room,
            ConflictAdded {
                conflict: conflict(
                    30,
                    &[INITECH],
                    "Public sector overlap",
                    ConflictStatus::AcceptedRisk,
                ),
            },
        ),
        (
            "conflict resolved",
            working_room,
            ConflictEdited {
                conflict: conflict(
                    23,
                    &[ACME, GLOBEX],
                    "Account leadership",
                    ConflictStatus::Resolved {
                        agreement: "Acme leads, Globex delivers".into(),
                    },
                ),
            },
        ),
        (
            "conflict removed",
            working_room,
            ConflictRemoved { id: ItemId(23) },
        ),
        (
            "verdict changed",
            working_room,
            verdict(Some(Verdict::Proceed), ""),
        ),
        ("verdict cleared", working_room, verdict(None, "")),
        (
            "action added",
            working_room,
            ActionAdded {
                action: action(30, "Send the NDA", ""),
            },
        ),
        (
            "action edited",
            working_room,
            ActionEdited {
                action: action(24, "Draft the account split by Friday", "Sam"),
            },
        ),
        (
            "action removed",
            working_room,
            ActionRemoved { id: ItemId(24) },
        ),
        (
            "timebox",
            working_room,
            TimeboxSet {
                stage: Stage::Interests,
                minutes: 45,
            },
        ),
    ]
}

#[test]
fn undo_of_every_kind_of_change_restores_the_state_before_it_and_redo_puts_it_back() {
    let mut kinds_seen = std::collections::BTreeSet::new();
    for (label, fixture, change) in undo_cases() {
        kinds_seen.insert(
            format!("{change:?}")
                .split([' ', '{'])
                .next()
                .unwrap()
                .to_string(),
        );
        let mut room = fixture();
        let before = room.session().clone();
        let events = room.events();
        room.ok(change.clone());
        let after = room.session().clone();
        assert_ne!(
            without_counter_and_time(&after),
            without_counter_and_time(&before),
            "{label}: the change did nothing"
        );
        assert!(room.history.can_undo(), "{label}");
        assert!(!room.history.can_redo(), "{label}");

        room.ok(Change::Undo);
        assert_same_state(room.session(), &before, &format!("{label}: undo"));
        assert!(room.history.can_redo(), "{label}");

        room.ok(Change::Redo);
        assert_same_state(room.session(), &after, &format!("{label}: redo"));
        assert!(!room.history.can_redo(), "{label}");

        room.ok(Change::Undo);
        assert_same_state(room.session(), &before, &format!("{label}: second undo"));
        assert_eq!(
            room.events(),
            events + 4,
            "{label}: change, undo, redo and undo are recorded"
        );
    }
    // Every undoable kind of change is in the table.
    assert_eq!(kinds_seen.len(), 36, "{kinds_seen:?}");
}

#[test]
fn undo_is_an_edit_made_at_its_own_time() {
    let mut room = working_room();
    let before = room.session().updated;
    room.ok(Change::TitleSet { title: "v2".into() });
    room.ok(Change::Undo);
    let undo_at = room.history.events().last().unwrap().at;
    assert!(undo_at > before);
    assert_eq!(room.session().updated, undo_at);
}

#[test]
fn ids_are_not_handed_out_again_after_an_undo() {
    let mut room = working_room();
    let before = room.session().clone();
    let id = room.session().fresh_id();
    room.ok(Change::ActionAdded {
        action: action(id.0, "Send the NDA", ""),
    });
    room.ok(Change::Undo);
    assert!(room.session().action(id).is_none());
    assert_eq!(
        room.session().fresh_id(),
        ItemId(id.0 + 1),
        "the undone id stays used up"
    );
    assert_eq!(
        without_counter_and_time(room.session()),
        without_counter_and_time(&before)
    );
}

#[test]
fn undoing_everything_returns_to_the_created_session_and_redoing_everything_returns_here() {
    let created = Room::new().session().clone();
    let mut room = working_room();
    let end = room.session().clone();
    let mut undone = 0;
    while room.history.can_undo() {
        room.ok(Change::Undo);
        undone += 1;
    }
    assert_eq!(undone, room.events() / 2, "one undo per edit");
    assert_same_state(room.session(), &created, "all undone");
    assert_eq!(room.refused(Change::Undo), ApplyError::NothingToUndo);

    while room.history.can_redo() {
        room.ok(Change::Redo);
    }
    assert_same_state(room.session(), &end, "all redone");
    assert_eq!(room.refused(Change::Redo), ApplyError::NothingToRedo);
}

#[test]
fn a_new_edit_after_undo_clears_redo() {
    let mut room = working_room();
    room.ok(Change::TitleSet { title: "v2".into() });
    room.ok(Change::TitleSet { title: "v3".into() });
    room.ok(Change::Undo);
    room.ok(Change::Undo);
    assert!(room.history.can_redo());
    room.ok(Change::ModeratorSet { name: "Sam".into() });
    assert!(!room.history.can_redo());
    assert_eq!(room.refused(Change::Redo), ApplyError::NothingToRedo);
    assert_eq!(room.session().title, "EMEA integration pilot");
    // Undo now takes back the new edit, then the edits before the undone ones.
    assert_eq!(room.ok(Change::Undo), "Undid: Moderator set to 'Sam'");
    assert_eq!(room.session().moderator, "Dana");
    assert_eq!(
        room.ok(Change::Undo),
        "Undid: Verdict: proceed with conditions (Account split first)"
    );
}

#[test]
fn nothing_to_undo_or_redo_is_an_error_and_leaves_no_event() {
    let mut room = Room::new();
    assert!(!room.history.can_undo());
    assert_eq!(room.history.undo_preview(), None);
    let err = room.refused(Change::Undo);
    assert_eq!(err, ApplyError::NothingToUndo);
    assert_eq!(err.to_string(), "nothing to undo");
    let err = room.refused(Change::Redo);
    assert_eq!(err, ApplyError::NothingToRedo);
    assert_eq!(err.to_string(), "nothing to redo");
    assert_eq!(room.events(), 1);
    assert_eq!(room.session().updated, at(0));
}

#[test]
fn moves_and_time_spent_are_not_undone_undo_skips_to_the_edit_before_them() {
    let mut room = Room::new();
    room.ok(move_to(Stage::Vision));
    room.ok(Change::TimeSpent {
        stage: Stage::Vision,
        seconds: 300,
    });
    assert!(
        !room.history.can_undo(),
        "moving and the clock are not edits"
    );
    assert_eq!(room.refused(Change::Undo), ApplyError::NothingToUndo);

    room.pass_gate();
    room.ok(Change::TitleSet { title: "v2".into() });
    room.ok(move_to(Stage::Roles));
    room.ok(Change::TimeSpent {
        stage: Stage::Roles,
        seconds: 95,
    });
    room.ok(move_to(Stage::Interests));
    assert_eq!(
        room.history.undo_preview().as_deref(),
        Some("Title changed to 'v2'")
    );
    assert_eq!(room.ok(Change::Undo), "Undid: Title changed to 'v2'");
    let s = room.session();
    assert_eq!(s.title, "EMEA integration pilot");
    assert_eq!(
        (s.current, s.reached),
        (Stage::Interests, Stage::Interests),
        "the wall stays"
    );
    assert_eq!(s.clock.spent_seconds(Stage::Roles), 95, "the clock stays");
    assert_eq!(s.clock.spent_seconds(Stage::Vision), 300);
}

#[test]
fn moving_between_undo_and_redo_keeps_redo() {
    let mut room = Room::new();
    room.pass_gate();
    room.ok(Change::TitleSet { title: "v2".into() });
    room.ok(Change::Undo);
    room.ok(move_to(Stage::Roles));
    room.ok(Change::TimeSpent {
        stage: Stage::Vision,
        seconds: 60,
    });
    assert!(room.history.can_redo());
    assert_eq!(room.ok(Change::Redo), "Redid: Title changed to 'v2'");
    assert_eq!(room.session().title, "v2");
    assert_eq!(room.session().current, Stage::Roles);
}

#[test]
fn undoing_the_gate_decision_takes_the_wall_back_to_the_vision() {
    let mut room = Room::new();
    room.pass_gate();
    room.ok(move_to(Stage::Conflicts));
    assert_eq!(
        room.ok(Change::Undo),
        "Undid: Vision gate passed: proceed to the role split"
    );
    let s = room.session();
    assert_eq!(s.gate, None);
    assert_eq!(
        s.current,
        Stage::Vision,
        "the conflict check is locked again"
    );
    assert_eq!(s.reached, Stage::Conflicts);
    assert!(
        s.partners.iter().all(|p| p.vision.agreed),
        "only the decision was taken back"
    );
    room.refused(move_to(Stage::Roles));
    room.ok(Change::Redo);
    room.ok(move_to(Stage::Roles));
}

#[test]
fn undoing_a_pass_clears_the_verdict_it_set_and_redo_sets_it_again() {
    let mut room = Room::new();
    room.ok(take_a_pass("No shared market"));
    room.ok(move_to(Stage::Summary));
    room.ok(Change::Undo);
    let s = room.session();
    assert_eq!(
        (s.gate.clone(), s.verdict, s.verdict_note.as_str()),
        (None, None, "")
    );
    assert_eq!(s.current, Stage::Vision);
    room.ok(Change::Redo);
    let s = room.session();
    assert_eq!(s.verdict, Some(Verdict::TakeAPass));
    assert_eq!(s.verdict_note, "No shared market");
}

#[test]
fn undoing_a_reopening_brings_back_gate_and_verdict() {
    let mut room = working_room();
    let before = room.session().clone();
    room.ok(Change::GateReopened);
    assert_eq!(room.session().verdict, None);
    assert_eq!(room.ok(Change::Undo), "Undid: Vision gate reopened");
    assert_same_state(room.session(), &before, "reopening undone");
    assert_eq!(room.session().verdict_note, "Account split first");
}

#[test]

fn undoing_a_partner_removal_puts_the_partner_back_in_its_place() {
    let mut room = Room::new();
    let before = room.session().clone();
    room.ok(Change::PartnerRemoved { partner: GLOBEX });
    room.ok(Change::Undo);
    let names: Vec<&str> = room
        .session()
        .partners
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["Acme", "Globex", "Initech"]);
    assert_same_state(room.session(), &before, "removal undone");
}

#[test]

fn undo_says_what_it_takes_back() {
    use Change::*;
    let cases = [
        (
            RoleRenamed {
                id: ItemId(1),
                name: "Architecture".into(),
            },
            "Role 'Solution architecture' renamed to 'Architecture'",
        ),
        (
            PartnerRenamed {
                partner: GLOBEX,
                name: "Globex Corp".into(),
            },
            "Globex renamed to 'Globex Corp'",
        ),
        (
            HoleEdited {
                id: ItemId(21),
                text: "No EMEA channel".into(),
            },
            "Hole 'No EMEA sales team' reworded to 'No EMEA channel'",
        ),
        (
            InterestRemoved { id: ItemId(22) },
            "Globex withdrew interest 'Own EMEA enterprise accounts'",
        ),
        (
            RoleRemoved { id: ItemId(2) },
            "Role 'Implementation and integration' removed",
        ),
        (
            ActionRemoved { id: ItemId(24) },
            "Action item 'Draft the account split' removed",
        ),
        (
            RepresentativeRemoved {
                partner: ACME,
                id: ItemId(20),
            },
            "Acme removed representative 'Ada'",
        ),
    ];
    for (change, sentence) in cases {
        let mut room = working_room();
        assert_eq!(room.ok(change), sentence);
        assert_eq!(room.history.undo_preview().as_deref(), Some(sentence));
        assert_eq!(room.ok(Undo), format!("Undid: {sentence}"));
    }
}

// ---------------------------------------------------------------- replay

/// A working session with undos, redos, moves and time on the record.
fn busy_room() -> Room {
    use Change::*;
    let mut room = working_room();
    room.ok(move_to(Stage::Roles));
    room.ok(TimeSpent {
        stage: Stage::Vision,
        seconds: 1500,
    });
    room.ok(RoleRenamed {
        id: ItemId(3),
        name: "PMO".into(),
    });
    room.ok(Undo);
    room.ok(Redo);
    room.ok(StatementSet {
        text: "Win DACH first".into(),
    });
    room.ok(Undo);
    room.ok(InterestAdded {
        interest: interest(25, INITECH, "Keep the public sector"),
    });
    room.ok(move_to(Stage::Summary));
    room.ok(PartnerRemoved {
        partner: PartnerId(4),
    });
    room.ok(Undo);
    room.ok(Undo);
    room
}

#[test]
fn replaying_the_events_rebuilds_an_equal_session() {
    let room = busy_room();
    let rebuilt = History::from_events(room.history.events().to_vec()).expect("the record replays");
    assert_eq!(rebuilt.session(), room.session());
    assert_eq!(rebuilt.events(), room.history.events());
    assert_eq!(rebuilt.can_undo(), room.history.can_undo());
    assert_eq!(rebuilt.can_redo(), room.history.can_redo());
    assert_eq!(rebuilt.undo_preview(), room.history.undo_preview());
    assert_eq!(rebuilt.describe_all(), room.history.describe_all());

    // The rebuilt history goes on exactly like the original.
    let (mut a, mut b) = (room.history.clone(), rebuilt);
    for change in [Change::Redo, Change::Undo, Change::Undo] {
        let ra = a.record(at(1000), change.clone());
        let rb = b.record(at(1000), change);
        assert_eq!(ra, rb);
        assert_eq!(a.session(), b.session());
    }
}

fn event(minute: i64, change: Change) -> Event {
    Event {
        at: at(minute),
        change,
    }
}

#[test]
fn replay_reports_which_event_does_not_fit() {
    use Change::*;
    let created = || event(0, created_with(&["Acme", "Globex"]));

    let err = History::from_events(Vec::new()).unwrap_err();
    assert_eq!(
        (err.index, err.total, err.error),
        (0, 0, ApplyError::NotCreated)
    );

    let err = History::from_events(vec![event(0, TitleSet { title: "x".into() }), created()])
        .unwrap_err();
    assert_eq!(
        (err.index, err.total, err.error),
        (0, 2, ApplyError::NotCreated)
    );

    let err = History::from_events(vec![
        created(),
        event(1, TitleSet { title: "v2".into() }),
        event(2, Undo),
        event(3, Undo),
        event(4, Redo),
    ])
    .unwrap_err();
    assert_eq!(
        err,
        ReplayError {
            index: 3,
            total: 5,
            error: ApplyError::NothingToUndo
        }
    );
    assert_eq!(err.to_string(), "event 4 of 5: nothing to undo");

    let err = History::from_events(vec![created(), event(1, proceed())]).unwrap_err();
    assert_eq!(err.index, 1);
    assert!(matches!(err.error, ApplyError::GateNotReady(_)));

    let err =
        History::from_events(vec![created(), event(1, statement("x")), created()]).unwrap_err();
    assert_eq!((err.index, err.error), (2, ApplyError::AlreadyCreated));

    // A valid record with a locked move slipped in before the gate.
    let mut events = working_room().history.events().to_vec();
    let total = events.len() + 1;
    events.insert(3, event(3, move_to(Stage::Conflicts)));
    let err = History::from_events(events).unwrap_err();
    assert_eq!(err.index, 3);
    assert_eq!(err.total, total);
    assert!(matches!(
        err.error,
        ApplyError::StageLocked(Stage::Conflicts, _)
    ));
}

// ---------------------------------------------------------------- sentences

#[test]
fn describe_all_gives_one_sentence_per_event_the_same_as_record_returned() {
    use Change::*;
    let mut room = Room::new();
    let mut said =
        vec!["Session 'EMEA integration pilot' opened with Acme, Globex, Initech".to_string()];
    let changes = [
        InterestAdded {
            interest: interest(20, GLOBEX, "Own EMEA enterprise accounts"),
        },
        Undo,
        Redo,
        AgreementSet {
            partner: ACME,
            agreed: true,
        },
        statement(
            "We win mid-market ERP rollouts in EMEA that neither of us could win alone today",
        ),
        move_to(Stage::Vision),
        TimeSpent {
            stage: Stage::Vision,
            seconds: 754,
        },
        take_a_pass("No shared market"),
        verdict(Some(Verdict::TakeAPass), ""),
    ];
    for change in changes {
        said.push(room.ok(change));
    }
    let all = room.history.describe_all();
    assert_eq!(all.len(), room.events());
    assert_eq!(all, said);
    assert_eq!(
        &all[1..],
        [
            "Globex added interest 'Own EMEA enterprise accounts'",
            "Undid: Globex added interest 'Own EMEA enterprise accounts'",
            "Redid: Globex added interest 'Own EMEA enterprise accounts'",
            "Acme agreed to the shared statement",
            "Shared statement set to 'We win mid-market ERP rollouts in EMEA that neither of us c…'; earlier agreements withdrawn",
            "Moved to 1. Market vision",
            "12 min 34 s spent in Market vision",
            "The partners took a pass: 'No shared market'",
            "Verdict: take a pass",
        ]
    );
}

#[test]
fn describe_all_of_a_replayed_record_matches_the_original() {
    let room = busy_room();
    let all = room.history.describe_all();
    assert_eq!(all.len(), room.events());
    assert!(all.iter().all(|s| !s.trim().is_empty()));
    assert_eq!(all.iter().filter(|s| s.starts_with("Undid: ")).count(), 4);
    assert_eq!(all.iter().filter(|s| s.starts_with("Redid: ")).count(), 1);
    assert!(all.contains(&"Initech added interest 'Keep the public sector'".to_string()));
}

// ---------------------------------------------------------------- random sessions

mod random {
    use super::*;
    use common::arbitrary::change;
    use proptest::collection::vec;
    use proptest::test_runner::TestCaseError;
    use std::collections::BTreeSet;

    /// What must hold of any session the guards let through.
    fn check_invariants(s: &Session) -> Result<(), TestCaseError> {
        prop_assert!((2..=8).contains(&s.partners.len()));
        let ids: BTreeSet<PartnerId> = s.partners.iter().map(|p| p.id).collect();
        prop_assert_eq!(ids.len(), s.partners.len(), "partner ids are unique");
        let names: BTreeSet<String> = s
            .partners
            .iter()
            .map(|p| p.name.to_ascii_lowercase())
            .collect();
        prop_assert_eq!(names.len(), s.partners.len(), "partner names are unique");
        prop_assert!(s.partners.iter().all(|p| !p.name.trim().is_empty()));

        let items: Vec<ItemId> = s
            .roles
            .iter()
            .map(|r| r.id)
            .chain(s.holes.iter().map(|h| h.id))
            .chain(s.interests.iter().map(|i| i.id))
            .chain(s.conflicts.iter().map(|c| c.id))
            .chain(s.actions.iter().map(|a| a.id))
            .chain(s.glossary.iter().map(|g| g.id))
            .chain(
                s.partners
                    .iter()
                    .flat_map(|p| p.representatives.iter().map(|r| r.id)),
            )
            .collect();
        let unique: BTreeSet<ItemId> = items.iter().copied().collect();
        prop_assert_eq!(
            unique.len(),
            items.len(),
            "item ids are unique: {:?}",
            items
        );
        prop_assert!(
            items.iter().all(|id| *id < s.fresh_id()),
            "the counter is ahead of every id"
        );

        prop_assert!(
            s.holes
                .iter()
                .all(|h| h.filled_by != HoleFiller::Partner(h.owner))
        );
        prop_assert!(
            s.partners
                .iter()
                .all(|p| p.vision.alignment.is_none_or(|n| (1..=5).contains(&n)))
        );
        prop_assert_eq!(
            stage_lock(s, s.current),
            None,
            "the wall is on an open stage"
        );
        prop_assert!(s.current <= s.reached);
        let glossary_names: Vec<String> = s
            .glossary
            .iter()
            .flat_map(|g| g.names().map(|n| n.to_lowercase()))
            .collect();
        let distinct: BTreeSet<&String> = glossary_names.iter().collect();
        prop_assert_eq!(
            distinct.len(),
            glossary_names.len(),
            "one glossary word, one entry"
        );
        for entry in &s.glossary {
            if let GlossaryKind::Product { partner } = entry.kind {
                prop_assert!(s.partner(partner).is_some(), "a product's partner exists");
            }
        }
        if let Some(GateDecision::TakeAPass { .. }) = s.gate {
            prop_assert!(matches!(s.verdict, None | Some(Verdict::TakeAPass)));
        }
        Ok(())
    }

    /// `got` equals `expected` apart from the time, the id counter and, when `moved`,
    /// the stage on the wall (undo and redo leave the wall alone unless its stage locks).
    fn same_state(got: &Session, expected: &Session, moved: bool) -> Result<(), TestCaseError> {
        let mut got = got.clone();
        got.updated = expected.updated;
        if moved {
            got.current = expected.current;
        }
        prop_assert_eq!(
            without_counter_and_time(&got),
            without_counter_and_time(expected)
        );
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 64,
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        #[test]
        fn random_sessions_keep_their_guards_and_replay_exactly(changes in vec(change(), 1..=60)) {
            let mut history = History::create(at(0), created_with(&["Acme", "Globex", "Initech"])).unwrap();
            let mut said = history.describe_all();
            for (step, change) in changes.into_iter().enumerate() {
                let when = at(step as i64 + 1);
                let before = history.clone();
                match history.record(when, change.clone()) {
                    Err(_) => {
                        prop_assert_eq!(history.session(), before.session(), "refused {:?}", change);
                        prop_assert_eq!(history.events(), before.events());
                        prop_assert_eq!(history.can_undo(), before.can_undo());
                        prop_assert_eq!(history.can_redo(), before.can_redo());
                    }
                    Ok(text) => {
                        prop_assert!(!text.trim().is_empty());
                        said.push(text);
                        prop_assert_eq!(history.events().len(), before.events().len() + 1);
                        prop_assert_eq!(&history.events().last().unwrap().change, &change);
                        prop_assert_eq!(history.session().updated, when);
                        check_invariants(history.session())?;
                        let moved = history.session().current != before.session().current;
                        if change.is_undoable() {
                            prop_assert!(history.can_undo());
                            prop_assert!(!history.can_redo());
                            let mut undone = history.clone();
                            prop_assert!(undone.record(when, Change::Undo).is_ok());
                            same_state(undone.session(), before.session(), moved)?;
                        } else if matches!(change, Change::MovedTo { .. } | Change::TimeSpent { .. }) {
                            prop_assert_eq!(history.can_undo(), before.can_undo());
                            prop_assert_eq!(history.can_redo(), before.can_redo());
                        }
                        if change == Change::Undo {
                            let mut redone = history.clone();
                            prop_assert!(redone.record(when, Change::Redo).is_ok());
                            same_state(redone.session(), before.session(), moved)?;
                        }
                    }
                }
            }
            let rebuilt = History::from_events(history.events().to_vec());
            prop_assert!(rebuilt.is_ok(), "{:?}", rebuilt.err());
            let rebuilt = rebuilt.unwrap();
            prop_assert_eq!(rebuilt.session(), history.session());
            prop_assert_eq!(rebuilt.can_undo(), history.can_undo());
            prop_assert_eq!(rebuilt.can_redo(), history.can_redo());
            prop_assert_eq!(history.describe_all(), said);
        }
    }
}
