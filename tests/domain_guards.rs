//! The guards of the session state machine, seen through `History::record`: what the
//! room may do at each point, what it is told when it may not, and that a refused change
//! leaves no trace.

#[path = "common/domain.rs"]
mod common;

use common::*;
use sameside::domain::change::{gate_missing, stage_lock, verdict_block};
use sameside::domain::*;

const LOCKED_BEFORE_GATE: [Stage; 4] = [
    Stage::Roles,
    Stage::Interests,
    Stage::Conflicts,
    Stage::Summary,
];

// ---------------------------------------------------------------- stages

#[test]
fn only_the_vision_is_open_before_the_gate() {
    let mut room = Room::new();
    assert_eq!(stage_lock(room.session(), Stage::Vision), None);
    for stage in LOCKED_BEFORE_GATE {
        assert_eq!(
            stage_lock(room.session(), stage),
            Some("the vision gate has not been decided"),
            "{stage:?}"
        );
        let err = room.refused(move_to(stage));
        assert_eq!(
            err,
            ApplyError::StageLocked(stage, "the vision gate has not been decided")
        );
        assert_eq!(
            err.to_string(),
            format!(
                "{} cannot be opened: the vision gate has not been decided",
                stage.label()
            )
        );
    }
    room.ok(move_to(Stage::Vision));
    assert_eq!(room.session().current, Stage::Vision);
    assert_eq!(room.session().reached, Stage::Vision);
}

#[test]
fn every_stage_opens_after_proceeding_and_reached_keeps_the_furthest() {
    let mut room = Room::new();
    room.pass_gate();
    for stage in Stage::ALL {
        assert_eq!(stage_lock(room.session(), stage), None, "{stage:?}");
    }
    assert_eq!(room.ok(move_to(Stage::Roles)), "Moved to 2. Role split");
    assert_eq!(
        (room.session().current, room.session().reached),
        (Stage::Roles, Stage::Roles)
    );
    room.ok(move_to(Stage::Conflicts));
    assert_eq!(room.session().reached, Stage::Conflicts);
    room.ok(move_to(Stage::Interests));
    assert_eq!(room.session().current, Stage::Interests);
    assert_eq!(
        room.session().reached,
        Stage::Conflicts,
        "going back does not lower reached"
    );
    room.ok(move_to(Stage::Vision));
    assert_eq!(
        (room.session().current, room.session().reached),
        (Stage::Vision, Stage::Conflicts)
    );
    room.ok(move_to(Stage::Summary));
    assert_eq!(room.session().reached, Stage::Summary);
}

#[test]
fn after_a_pass_only_the_vision_and_the_summary_open() {
    let mut room = Room::new();
    room.ok(take_a_pass("No shared market"));
    let why = "the partners took a pass at the vision gate";
    for stage in [Stage::Roles, Stage::Interests, Stage::Conflicts] {
        assert_eq!(stage_lock(room.session(), stage), Some(why));
        assert_eq!(
            room.refused(move_to(stage)),
            ApplyError::StageLocked(stage, why)
        );
    }
    room.ok(move_to(Stage::Summary));
    assert_eq!(
        (room.session().current, room.session().reached),
        (Stage::Summary, Stage::Summary)
    );
    room.ok(move_to(Stage::Vision));
    assert_eq!(
        (room.session().current, room.session().reached),
        (Stage::Vision, Stage::Summary)
    );
}

// ---------------------------------------------------------------- the vision gate

#[test]
fn proceeding_needs_a_statement_and_names_every_partner_still_to_agree() {
    let mut room = Room::new();
    let err = room.refused(proceed());
    assert_eq!(
        err,
        ApplyError::GateNotReady(
            "a shared statement and agreement from Acme, Globex, Initech".into()
        )
    );
    assert_eq!(
        err.to_string(),
        "proceeding needs a shared statement and agreement from Acme, Globex, Initech, or an override with a reason"
    );

    room.ok(statement("Together we win mid-market ERP rollouts in EMEA"));
    room.ok(agree(GLOBEX));
    let err = room.refused(proceed());
    assert_eq!(
        err,
        ApplyError::GateNotReady("agreement from Acme, Initech".into())
    );

    room.ok(agree(ACME));
    let err = room.refused(proceed());
    let text = err.to_string();
    assert!(text.contains("agreement from Initech"), "{text}");
    assert!(!text.contains("Acme") && !text.contains("Globex"), "{text}");
    assert_eq!(
        gate_missing(room.session()),
        Some("agreement from Initech".to_string())
    );

    room.ok(agree(INITECH));
    assert_eq!(gate_missing(room.session()), None);
    assert_eq!(
        room.ok(proceed()),
        "Vision gate passed: proceed to the role split"
    );
    assert_eq!(
        room.session().gate,
        Some(GateDecision::Proceed {
            override_reason: None
        })
    );
    assert_eq!(room.session().verdict, None);
}

#[test]
fn agreement_without_a_statement_is_not_enough() {
    for blank in ["", "   "] {
        let mut room = Room::new();
        room.ok(statement(blank));
        for p in [ACME, GLOBEX, INITECH] {
            room.ok(agree(p));
        }
        assert_eq!(
            room.refused(proceed()),
            ApplyError::GateNotReady("a shared statement".into()),
            "statement {blank:?}"
        );
    }
}

#[test]
fn withdrawn_agreement_blocks_proceeding_again() {
    let mut room = Room::new();
    room.agree_all();
    room.ok(Change::AgreementSet {
        partner: GLOBEX,
        agreed: false,
    });
    assert_eq!(
        room.refused(proceed()),
        ApplyError::GateNotReady("agreement from Globex".into())
    );
}

#[test]
fn override_with_a_reason_proceeds_without_statement_or_agreement() {
    let mut room = Room::new();
    for blank in ["", "   "] {
        assert_eq!(
            room.refused(override_gate(blank)),
            ApplyError::Empty("the reason for overriding the gate")
        );
    }
    let text = room.ok(override_gate("Board already approved the pilot"));
    assert_eq!(
        text,
        "Moderator overrode the vision gate: 'Board already approved the pilot'"
    );
    assert_eq!(
        room.session().gate,
        Some(GateDecision::Proceed {
            override_reason: Some("Board already approved the pilot".into())
        })
    );
    room.ok(move_to(Stage::Roles));
}

#[test]
fn taking_a_pass_needs_a_reason_and_becomes_the_verdict() {
    let mut room = Room::new();
    assert_eq!(room.refused(take_a_pass("")), ApplyError::PassWithoutReason);
    assert_eq!(
        room.refused(take_a_pass(" \t ")),
        ApplyError::PassWithoutReason
    );
    assert_eq!(
        room.ok(take_a_pass("Globex wants to own the accounts")),
        "The partners took a pass: 'Globex wants to own the accounts'"
    );
    let s = room.session();
    assert_eq!(s.verdict, Some(Verdict::TakeAPass));
    assert_eq!(s.verdict_note, "Globex wants to own the accounts");
    assert_eq!(
        s.gate,
        Some(GateDecision::TakeAPass {
            reason: "Globex wants to own the accounts".into()
        })
    );
}

#[test]
fn the_gate_cannot_be_decided_twice() {
    let mut room = Room::new();
    room.pass_gate();
    for again in [
        proceed(),
        override_gate("again"),
        take_a_pass("changed our minds"),
    ] {
        assert_eq!(room.refused(again), ApplyError::GateAlreadyDecided);
    }

    let mut room = Room::new();
    room.ok(take_a_pass("No shared market"));
    for again in [proceed(), override_gate("again"), take_a_pass("still no")] {
        assert_eq!(room.refused(again), ApplyError::GateAlreadyDecided);
    }
}

#[test]
fn reopening_needs_a_decided_gate() {
    let mut room = Room::new();
    assert_eq!(
        room.refused(Change::GateReopened),
        ApplyError::GateNotDecided
    );
}

#[test]
fn reopening_clears_gate_and_verdict_and_brings_the_wall_back_to_the_vision() {
    let mut room = Room::new();
    room.pass_gate();
    room.ok(move_to(Stage::Conflicts));
    room.ok(verdict(
        Some(Verdict::ProceedWithConditions),
        "Named account list first",
    ));
    assert_eq!(room.ok(Change::GateReopened), "Vision gate reopened");
    let s = room.session();
    assert_eq!(s.gate, None);
    assert_eq!(s.verdict, None);
    assert_eq!(s.verdict_note, "");
    assert_eq!(
        s.current,
        Stage::Vision,
        "the wall leaves a stage that is locked now"
    );
    assert_eq!(s.reached, Stage::Conflicts);
    room.refused(move_to(Stage::Roles));
    // The gate can be decided again, and this time differently.
    room.ok(take_a_pass("On reflection, no"));
    assert_eq!(room.session().verdict, Some(Verdict::TakeAPass));
}

#[test]
fn reopening_after_a_pass_leaves_the_summary() {
    let mut room = Room::new();
    room.ok(take_a_pass("No shared market"));
    room.ok(move_to(Stage::Summary));
    room.ok(Change::GateReopened);
    let s = room.session();
    assert_eq!(
        (s.gate.clone(), s.verdict, s.verdict_note.as_str()),
        (None, None, "")
    );
    assert_eq!(s.current, Stage::Vision);
}

#[test]
fn reopening_while_on_the_vision_keeps_the_wall_there() {
    let mut room = Room::new();
    room.pass_gate();
    room.ok(move_to(Stage::Roles));
    room.ok(move_to(Stage::Vision));
    room.ok(Change::GateReopened);
    assert_eq!(room.session().current, Stage::Vision);
    assert_eq!(room.session().reached, Stage::Roles);
}

#[test]
fn rewriting_the_statement_withdraws_agreements_and_undo_gives_them_back() {
    let mut room = Room::new();
    room.agree_all();
    let agreed = room.session().clone();
    let text = room.ok(statement("Together we win mid-market ERP and CRM rollouts"));
    assert_eq!(
        text,
        "Shared statement set to 'Together we win mid-market ERP and CRM rollouts'; earlier agreements withdrawn"
    );
    assert!(room.session().partners.iter().all(|p| !p.vision.agreed));
    assert_eq!(
        room.refused(proceed()),
        ApplyError::GateNotReady("agreement from Acme, Globex, Initech".into())
    );

    room.ok(Change::Undo);
    let mut restored = room.session().clone();
    restored.updated = agreed.updated;
    assert_eq!(restored, agreed, "statement and every agreement are back");
    room.ok(proceed());
}

#[test]
fn clearing_the_statement_also_withdraws_agreements() {
    let mut room = Room::new();
    room.agree_all();
    assert_eq!(
        room.ok(statement("")),
        "Shared statement cleared; earlier agreements withdrawn"
    );
    assert!(room.session().partners.iter().all(|p| !p.vision.agreed));
    assert_eq!(
        room.ok(statement("New words")),
        "Shared statement set to 'New words'"
    );
}

// ---------------------------------------------------------------- verdict

#[test]
fn no_verdict_before_the_gate() {
    let mut room = Room::new();
    for v in Verdict::ALL {
        assert_eq!(
            room.refused(verdict(Some(*v), "")),
            ApplyError::VerdictNotAllowed("the vision gate has not been decided")
        );
    }
}

#[test]
fn a_deal_breaker_blocks_a_plain_proceed_only() {
    let mut room = Room::new();
    room.pass_gate();
    room.ok(Change::ConflictAdded {
        conflict: conflict(
            20,
            &[ACME, GLOBEX],
            "Both want to lead the Siemens account",
            ConflictStatus::DealBreaker,
        ),
    });
    assert!(room.session().has_deal_breaker());
    let err = room.refused(verdict(Some(Verdict::Proceed), ""));
    assert_eq!(
        err.to_string(),
        "a deal-breaker is on the table: proceed with conditions or take a pass"
    );
    assert_eq!(
        room.ok(verdict(
            Some(Verdict::ProceedWithConditions),
            "Account split agreed by Q3"
        )),
        "Verdict: proceed with conditions (Account split agreed by Q3)"
    );
    room.ok(verdict(Some(Verdict::TakeAPass), "Too far apart"));
    assert_eq!(room.session().verdict, Some(Verdict::TakeAPass));

    // Once the room settles it, proceeding is allowed.
    room.ok(Change::ConflictEdited {
        conflict: conflict(
            20,
            &[ACME, GLOBEX],
            "Both want to lead the Siemens account",
            ConflictStatus::Resolved {
                agreement: "Acme leads, Globex delivers".into(),
            },
        ),
    });
    assert_eq!(
        room.ok(verdict(Some(Verdict::Proceed), "")),
        "Verdict: proceed"
    );
}

#[test]
fn an_open_conflict_does_not_block_proceeding() {
    let mut room = Room::new();
    room.pass_gate();
    room.ok(Change::ConflictAdded {
        conflict: conflict(20, &[ACME], "Pricing floor unclear", ConflictStatus::Open),
    });
    assert_eq!(verdict_block(room.session(), Verdict::Proceed), None);
    room.ok(verdict(Some(Verdict::Proceed), ""));
}

#[test]
fn proceeding_is_refused_after_a_pass_at_the_gate() {
    let mut room = Room::new();
    room.ok(take_a_pass("No shared market"));
    let why = "the partners took a pass at the vision gate; reopen the gate to change that";
    for v in [Verdict::Proceed, Verdict::ProceedWithConditions] {
        assert_eq!(
            room.refused(verdict(Some(v), "")),
            ApplyError::VerdictNotAllowed(why)
        );
    }
    room.ok(verdict(
        Some(Verdict::TakeAPass),
        "No shared market; revisit in 2026",
    ));
    assert_eq!(
        room.session().verdict_note,
        "No shared market; revisit in 2026"
    );
}

#[test]

fn the_verdict_stays_a_pass_while_the_gate_says_pass() {
    // The gate decision says "a pass at the gate is the session's verdict; saying it
    // again on the summary would only invite the two to drift apart". Clearing the
    // verdict is nevertheless accepted, leaving gate = pass and verdict = none.
    let mut room = Room::new();
    room.ok(take_a_pass("No shared market"));
    room.refused(verdict(None, ""));
}

// ---------------------------------------------------------------- partners

#[test]
fn alignment_runs_from_one_to_five() {
    let mut room = Room::new();
    for bad in [0u8, 6, 255] {
        assert_eq!(
            room.refused(Change::AlignmentSet {
                partner: ACME,
                score: Some(bad)
            }),
            ApplyError::AlignmentRange(bad)
        );
    }
    for good in [1u8, 3, 5] {
        let text = room.ok(Change::AlignmentSet {
            partner: ACME,
            score: Some(good),
        });
        assert_eq!(text, format!("Acme rated its alignment {good} of 5"));
        assert_eq!(
            room.session().partner(ACME).unwrap().vision.alignment,
            Some(good)
        );
    }
    room.ok(Change::AlignmentSet {
        partner: ACME,
        score: None,
    });
    assert_eq!(room.session().partner(ACME).unwrap().vision.alignment, None);
    assert_eq!(
        room.refused(Change::AlignmentSet {
            partner: PartnerId(9),
            score: Some(3)
        }),
        ApplyError::UnknownPartner(PartnerId(9))
    );
}

const NAMES: [&str; 9] = [
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Stark",
    "Wayne",
    "Tyrell",
    "Cyberdyne",
];

#[test]
fn a_session_is_created_with_two_to_eight_partners() {
    for n in 0..=NAMES.len() {
        let result = History::create(at(0), created_with(&NAMES[..n]));
        if (2..=8).contains(&n) {
            let history = result.unwrap_or_else(|e| panic!("{n} partners refused: {e}"));
            assert_eq!(history.session().partners.len(), n);
            assert_eq!(history.events().len(), 1);
        } else {
            assert_eq!(
                result.err(),
                Some(ApplyError::PartnerCount(n)),
                "{n} partners"
            );
        }
    }
}

#[test]
fn partners_can_be_added_up_to_eight_and_removed_down_to_two() {
    let mut room = Room::with_partners(&NAMES[..2]);
    assert_eq!(
        room.refused(Change::PartnerRemoved { partner: GLOBEX }),
        ApplyError::PartnerCount(1)
    );
    for (i, name) in NAMES.iter().enumerate().skip(2).take(6) {
        let text = room.ok(Change::PartnerAdded {
            partner: PartnerId(i as u32 + 1),
            name: name.to_string(),
            brings: String::new(),
        });
        assert_eq!(text, format!("Partner '{name}' joined"));
    }
    assert_eq!(room.session().partners.len(), 8);
    let err = room.refused(Change::PartnerAdded {
        partner: PartnerId(9),
        name: "Cyberdyne".into(),
        brings: String::new(),
    });
    assert_eq!(err, ApplyError::PartnerCount(9));
    assert_eq!(
        err.to_string(),
        "a session needs 2 to 8 partners, this one would have 9"
    );
    room.ok(Change::PartnerRemoved {
        partner: PartnerId(8),
    });
    assert_eq!(room.session().partners.len(), 7);
    assert!(room.session().partner(PartnerId(8)).is_none());
}

#[test]
fn partner_names_are_unique_ignoring_case_and_spaces() {
    assert_eq!(
        History::create(at(0), created_with(&["Acme", "ACME "])).err(),
        Some(ApplyError::DuplicatePartner("ACME".into()))
    );

    let mut room = Room::new();
    let err = room.refused(Change::PartnerAdded {
        partner: PartnerId(4),
        name: "  globex ".into(),
        brings: String::new(),
    });
    assert_eq!(err, ApplyError::DuplicatePartner("globex".into()));
    assert_eq!(
        err.to_string(),
        "there is already a partner called 'globex'"
    );

    assert_eq!(
        room.refused(Change::PartnerRenamed {
            partner: ACME,
            name: "INITECH".into()
        }),
        ApplyError::DuplicatePartner("INITECH".into())
    );
    // Renaming a partner to its own name in other letters is fine.
    assert_eq!(
        room.ok(Change::PartnerRenamed {
            partner: ACME,
            name: " ACME ".into()
        }),
        "Acme renamed to 'ACME'"
    );
    assert_eq!(room.session().partner(ACME).unwrap().name, "ACME");
}

#[test]

fn partner_names_are_unique_ignoring_case_beyond_ascii() {
    assert_eq!(
        History::create(at(0), created_with(&["Müller AG", "MÜLLER AG"])).err(),
        Some(ApplyError::DuplicatePartner("MÜLLER AG".into()))
    );
}

#[test]
fn partner_ids_are_unique() {
    let mut room = Room::new();
    assert_eq!(
        room.refused(Change::PartnerAdded {
            partner: GLOBEX,
            name: "Umbrella".into(),
            brings: String::new(),
        }),
        ApplyError::DuplicateId(ItemId(2))
    );
    let twice = Change::Created {
        title: "Pilot".into(),
        moderator: String::new(),
        kind: KIND,
        partners: vec![new_partner(1, "Acme"), new_partner(1, "Globex")],
        roles: Vec::new(),
    };
    assert_eq!(
        History::create(at(0), twice).err(),
        Some(ApplyError::DuplicateId(ItemId(1)))
    );
}

#[test]
fn a_partner_with_anything_recorded_cannot_be_removed() {
    use Change::*;
    let raci_role = ItemId(1);
    let recorded: Vec<(&str, Change)> = vec![
        (
            "representative",
            RepresentativeAdded {
                partner: INITECH,
                representative: rep(20, "Ines", Function::Sales),
            },
        ),
        (
            "view",
            ViewSet {
                partner: INITECH,
                text: "Mid-market is underserved".into(),
            },
        ),
        (
            "why not alone",
            WhyNotAloneSet {
                partner: INITECH,
                text: "No delivery capacity".into(),
            },
        ),
        (
            "alignment",
            AlignmentSet {
                partner: INITECH,
                score: Some(4),
            },
        ),
        (
            "stance",
            StanceSet {
                partner: INITECH,
                stance: Some(Stance::Coopetitor),
            },
        ),
        ("agreement", agree(INITECH)),
        (
            "raci",
            RaciSet {
                role: raci_role,
                partner: INITECH,
                letter: Some(Raci::Consulted),
            },
        ),
        (
            "own hole",
            HoleAdded {
                hole: hole(20, INITECH, "No EMEA sales team", HoleFiller::Unresolved),
            },
        ),
        (
            "fills a hole",
            HoleAdded {
                hole: hole(20, ACME, "No support desk", HoleFiller::Partner(INITECH)),
            },
        ),
        (
            "interest",
            InterestAdded {
                interest: interest(20, INITECH, "Keep the public sector"),
            },
        ),
        (
            "conflict",
            ConflictAdded {
                conflict: conflict(
                    20,
                    &[INITECH],
                    "Public sector overlap",
                    ConflictStatus::Open,
                ),
            },
        ),
    ];
    for (what, change) in recorded {
        let mut room = Room::new();
        room.ok(change);
        let err = room.refused(PartnerRemoved { partner: INITECH });
        assert_eq!(err, ApplyError::PartnerInUse("Initech".into()), "{what}");
        assert_eq!(
            err.to_string(),
            "Initech can only be removed while nothing has been recorded for it"
        );
        // Taking the record back frees the partner again.
        room.ok(Undo);
        assert_eq!(
            room.ok(PartnerRemoved { partner: INITECH }),
            "Partner 'Initech' removed",
            "{what}"
        );
        assert_eq!(room.session().partners.len(), 2);
    }
}

#[test]
fn removing_an_unknown_partner_is_refused() {
    let mut room = Room::new();
    assert_eq!(
        room.refused(Change::PartnerRemoved {
            partner: PartnerId(7)
        }),
        ApplyError::UnknownPartner(PartnerId(7))
    );
}

// ---------------------------------------------------------------- holes and items

#[test]
fn a_hole_cannot_be_filled_by_its_own_owner_as_another_partner() {
    let mut room = Room::new();
    room.pass_gate();
    let err = room.refused(Change::HoleAdded {
        hole: hole(20, ACME, "No EMEA sales team", HoleFiller::Partner(ACME)),
    });
    assert_eq!(err, ApplyError::SelfAsOtherPartner);
    assert_eq!(
        err.to_string(),
        "a hole cannot be filled by the partner that owns it; choose 'itself'"
    );
    assert_eq!(
        room.refused(Change::HoleAdded {
            hole: hole(
                20,
                ACME,
                "No EMEA sales team",
                HoleFiller::Partner(PartnerId(9))
            ),
        }),
        ApplyError::UnknownPartner(PartnerId(9))
    );
    assert_eq!(
        room.ok(Change::HoleAdded {
            hole: hole(20, ACME, "No EMEA sales team", HoleFiller::Partner(GLOBEX)),
        }),
        "Acme named a hole: 'No EMEA sales team' (filled by Globex)"
    );
    assert_eq!(
        room.refused(Change::HoleFillerSet {
            id: ItemId(20),
            filled_by: HoleFiller::Partner(ACME)
        }),
        ApplyError::SelfAsOtherPartner
    );
    room.ok(Change::HoleFillerSet {
        id: ItemId(20),
        filled_by: HoleFiller::Itself,
    });
    assert_eq!(
        room.session().hole(ItemId(20)).unwrap().filled_by,
        HoleFiller::Itself
    );
}

/// A room with one item of every kind, ids 20 to 25.
fn room_with_one_of_everything() -> Room {
    use Change::*;
    let mut room = Room::new();
    room.pass_gate();
    room.ok(RepresentativeAdded {
        partner: ACME,
        representative: rep(20, "Ada", Function::Executive),
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
        action: action(24, "Draft account split", "Dana"),
    });
    room.ok(RoleAdded {
        role: role(25, "Joint webinars"),
    });
    room
}

#[test]
fn item_ids_are_unique_across_every_kind_of_item() {
    use Change::*;
    let mut room = room_with_one_of_everything();
    assert_eq!(room.session().fresh_id(), ItemId(26));
    let taken = [1u32, 20, 21, 22, 23, 24, 25];
    for id in taken {
        let additions = [
            RoleAdded {
                role: role(id, "Field marketing"),
            },
            RepresentativeAdded {
                partner: GLOBEX,
                representative: rep(id, "Gus", Function::Legal),
            },
            HoleAdded {
                hole: hole(id, GLOBEX, "No local presence", HoleFiller::ThirdParty),
            },
            InterestAdded {
                interest: interest(id, INITECH, "Keep the public sector"),
            },
            ConflictAdded {
                conflict: conflict(
                    id,
                    &[INITECH],
                    "Public sector overlap",
                    ConflictStatus::Open,
                ),
            },
            ActionAdded {
                action: action(id, "Send the NDA", ""),
            },
        ];
        for change in additions {
            let err = room.refused(change.clone());
            assert_eq!(err, ApplyError::DuplicateId(ItemId(id)), "{change:?}");
            assert_eq!(
                err.to_string(),
                format!("id {id} is already in use or was used before")
            );
        }
    }
    room.ok(ActionAdded {
        action: action(26, "Send the NDA", ""),
    });
}

#[test]
fn created_roles_must_have_unique_ids_and_known_partners() {
    let mut roles = vec![role(1, "Delivery"), role(1, "Support")];
    let mut change = created_with(&["Acme", "Globex"]);
    if let Change::Created { roles: r, .. } = &mut change {
        *r = roles.clone();
    }
    assert_eq!(
        History::create(at(0), change.clone()).err(),
        Some(ApplyError::DuplicateId(ItemId(1)))
    );

    roles[1].id = ItemId(2);
    roles[1].raci.insert(PartnerId(5), Raci::Accountable);
    if let Change::Created { roles: r, .. } = &mut change {
        *r = roles;
    }
    assert_eq!(
        History::create(at(0), change).err(),
        Some(ApplyError::UnknownPartner(PartnerId(5)))
    );
}

#[test]
fn edits_and_removals_of_unknown_items_are_refused() {
    use Change::*;
    let mut room = room_with_one_of_everything();
    let unknown = ItemId(99);
    let cases = [
        (
            RoleRenamed {
                id: unknown,
                name: "X".into(),
            },
            "role",
        ),
        (RoleRemoved { id: unknown }, "role"),
        (
            RaciSet {
                role: unknown,
                partner: ACME,
                letter: Some(Raci::Informed),
            },
            "role",
        ),
        (
            HoleEdited {
                id: unknown,
                text: "X".into(),
            },
            "hole",
        ),
        (
            HoleFillerSet {
                id: unknown,
                filled_by: HoleFiller::Itself,
            },
            "hole",
        ),
        (HoleRemoved { id: unknown }, "hole"),
        (
            InterestEdited {
                interest: interest(99, ACME, "X"),
            },
            "interest",
        ),
        (InterestRemoved { id: unknown }, "interest"),
        (
            ConflictEdited {
                conflict: conflict(99, &[], "X", ConflictStatus::Open),
            },
            "conflict",
        ),
        (ConflictRemoved { id: unknown }, "conflict"),
        (
            ActionEdited {
                action: action(99, "X", ""),
            },
            "action item",
        ),
        (ActionRemoved { id: unknown }, "action item"),
        (
            RepresentativeRemoved {
                partner: ACME,
                id: unknown,
            },
            "representative",
        ),
    ];
    for (change, what) in cases {
        let err = room.refused(change);
        assert_eq!(err, ApplyError::UnknownItem { what, id: unknown });
        assert_eq!(err.to_string(), format!("no {what} with id 99"));
    }
    // The representative exists, but under another partner.
    assert!(matches!(
        room.refused(RepresentativeRemoved {
            partner: GLOBEX,
            id: ItemId(20)
        }),
        ApplyError::UnknownItem { .. }
    ));
}

#[test]
fn changes_naming_an_unknown_partner_are_refused() {
    use Change::*;
    let mut room = room_with_one_of_everything();
    let nobody = PartnerId(9);
    let cases = [
        PartnerRenamed {
            partner: nobody,
            name: "X".into(),
        },
        BringsSet {
            partner: nobody,
            text: "X".into(),
        },
        RepresentativeAdded {
            partner: nobody,
            representative: rep(30, "X", Function::Other),
        },
        ViewSet {
            partner: nobody,
            text: "X".into(),
        },
        WhyNotAloneSet {
            partner: nobody,
            text: "X".into(),
        },
        StanceSet {
            partner: nobody,
            stance: None,
        },
        agree(nobody),
        RaciSet {
            role: ItemId(1),
            partner: nobody,
            letter: Some(Raci::Responsible),
        },
        HoleAdded {
            hole: hole(30, nobody, "X", HoleFiller::Itself),
        },
        InterestAdded {
            interest: interest(30, nobody, "X"),
        },
        InterestEdited {
            interest: interest(22, nobody, "X"),
        },
        ConflictAdded {
            conflict: conflict(30, &[ACME, nobody], "X", ConflictStatus::Open),
        },
        ConflictEdited {
            conflict: conflict(23, &[nobody], "X", ConflictStatus::Open),
        },
    ];
    for change in cases {
        assert_eq!(room.refused(change), ApplyError::UnknownPartner(nobody));
    }
    let mut with_stranger = role(30, "Field marketing");
    with_stranger.raci.insert(nobody, Raci::Accountable);
    assert_eq!(
        room.refused(RoleAdded {
            role: with_stranger
        }),
        ApplyError::UnknownPartner(nobody)
    );
}

// ---------------------------------------------------------------- timebox and text

#[test]
fn a_timebox_runs_from_one_to_six_hundred_minutes() {
    let mut room = Room::new();
    for bad in [0u32, 601, u32::MAX] {
        let err = room.refused(Change::TimeboxSet {
            stage: Stage::Roles,
            minutes: bad,
        });
        assert_eq!(err, ApplyError::TimeboxRange(bad));
        assert_eq!(
            err.to_string(),
            format!("a timebox runs from 1 to 600 minutes, not {bad}")
        );
    }
    for good in [1u32, 600] {
        assert_eq!(
            room.ok(Change::TimeboxSet {
                stage: Stage::Roles,
                minutes: good
            }),
            format!("Role split timebox set to {good} min")
        );
        assert_eq!(room.session().clock.timebox_minutes(Stage::Roles), good);
    }
    assert_eq!(room.session().clock.timebox_minutes(Stage::Vision), 25);
}

#[test]
fn empty_names_and_statements_are_refused() {
    use Change::*;
    let mut room = room_with_one_of_everything();
    for blank in ["", "   ", "\n\t"] {
        let b = blank.to_string();
        let cases = [
            (TitleSet { title: b.clone() }, "the title"),
            (
                PartnerAdded {
                    partner: PartnerId(4),
                    name: b.clone(),
                    brings: "Cash".into(),
                },
                "a partner's name",
            ),
            (
                PartnerRenamed {
                    partner: GLOBEX,
                    name: b.clone(),
                },
                "a partner's name",
            ),
            (
                RepresentativeAdded {
                    partner: ACME,
                    representative: rep(30, blank, Function::Sales),
                },
                "a representative's name",
            ),
            (
                RoleAdded {
                    role: role(30, blank),
                },
                "a role's name",
            ),
            (
                RoleRenamed {
                    id: ItemId(1),
                    name: b.clone(),
                },
                "a role's name",
            ),
            (
                HoleAdded {
                    hole: hole(30, ACME, blank, HoleFiller::Itself),
                },
                "a hole's description",
            ),
            (
                HoleEdited {
                    id: ItemId(21),
                    text: b.clone(),
                },
                "a hole's description",
            ),
            (
                InterestAdded {
                    interest: interest(30, ACME, blank),
                },
                "an interest's statement",
            ),
            (
                InterestEdited {
                    interest: interest(22, GLOBEX, blank),
                },
                "an interest's statement",
            ),
            (
                ConflictAdded {
                    conflict: conflict(30, &[ACME], blank, ConflictStatus::Open),
                },
                "a conflict's description",
            ),
            (
                ConflictEdited {
                    conflict: conflict(23, &[ACME], blank, ConflictStatus::Open),
                },
                "a conflict's description",
            ),
            (
                ConflictEdited {
                    conflict: conflict(
                        23,
                        &[ACME],
                        "Account leadership",
                        ConflictStatus::Resolved {
                            agreement: b.clone(),
                        },
                    ),
                },
                "the agreement that resolves a conflict",
            ),
            (
                ActionAdded {
                    action: action(30, blank, "Dana"),
                },
                "an action item",
            ),
            (
                ActionEdited {
                    action: action(24, blank, "Dana"),
                },
                "an action item",
            ),
        ];
        for (change, what) in cases {
            let err = room.refused(change);
            assert_eq!(err, ApplyError::Empty(what));
            assert_eq!(err.to_string(), format!("{what} must not be empty"));
        }
    }
}

#[test]
fn a_session_needs_a_title_and_named_partners_from_the_start() {
    let mut blank_title = created_with(&["Acme", "Globex"]);
    if let Change::Created { title, .. } = &mut blank_title {
        *title = "  ".into();
    }
    assert_eq!(
        History::create(at(0), blank_title).err(),
        Some(ApplyError::Empty("the title"))
    );
    assert_eq!(
        History::create(at(0), created_with(&["Acme", " "])).err(),
        Some(ApplyError::Empty("a partner's name"))
    );
    assert_eq!(
        History::create(
            at(0),
            Change::TitleSet {
                title: "Pilot".into()
            }
        )
        .err(),
        Some(ApplyError::NotCreated)
    );
}

#[test]
fn a_session_is_created_only_once() {
    let mut room = Room::new();
    assert_eq!(
        room.refused(created_with(&["Umbrella", "Hooli"])),
        ApplyError::AlreadyCreated
    );
}

// ---------------------------------------------------------------- refusals leave no trace

#[test]
fn refused_changes_leave_a_busy_session_untouched_and_undo_still_takes_back_the_last_edit() {
    use Change::*;
    let mut room = room_with_one_of_everything();
    room.ok(verdict(
        Some(Verdict::ProceedWithConditions),
        "Account split first",
    ));
    room.ok(TitleSet {
        title: "EMEA pilot, second round".into(),
    });
    // A deal-breaker makes a plain "proceed" verdict one of the refusals.
    room.ok(ConflictEdited {
        conflict: conflict(
            23,
            &[ACME, GLOBEX],
            "Account leadership",
            ConflictStatus::DealBreaker,
        ),
    });
    let refusals = [
        proceed(),
        take_a_pass(""),
        verdict(Some(Verdict::Proceed), ""),
        AlignmentSet {
            partner: ACME,
            score: Some(9),
        },
        TimeboxSet {
            stage: Stage::Summary,
            minutes: 0,
        },
        PartnerRemoved { partner: ACME },
        TitleSet { title: " ".into() },
        RoleAdded {
            role: role(22, "Dup"),
        },
        HoleFillerSet {
            id: ItemId(21),
            filled_by: HoleFiller::Partner(ACME),
        },
        created_with(&["Acme", "Globex"]),
        Redo,
    ];
    let before = room.session().clone();
    let events = room.events();
    for change in refusals {
        room.refused(change);
    }
    assert_eq!(room.session(), &before);
    assert_eq!(room.events(), events);
    assert_eq!(
        room.ok(Undo),
        "Undid: Conflict 'Account leadership' now deal-breaker (high)"
    );
    assert_eq!(
        room.session().conflict(ItemId(23)).unwrap().status,
        ConflictStatus::Open
    );
}

#[test]
fn an_id_once_used_is_never_handed_out_again() {
    let mut history = sameside::domain::sample::example_pass().unwrap_or_else(|e| panic!("{e}"));
    let at = history.session().updated;
    let first_role = history.session().roles[0].clone();
    assert!(
        history
            .record(at, Change::RoleRemoved { id: first_role.id })
            .is_ok()
    );
    let reused = Change::RoleAdded {
        role: first_role.clone(),
    };
    assert_eq!(
        history.record(at, reused),
        Err(ApplyError::DuplicateId(first_role.id))
    );
    // Undo puts the removed role back under its own id.
    assert!(history.record(at, Change::Undo).is_ok());
    assert_eq!(history.session().role(first_role.id), Some(&first_role));
}
