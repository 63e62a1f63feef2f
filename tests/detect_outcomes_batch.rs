//! Several detected conflicts settled at once (`Change::FindingsSettled`), as the
//! conflict check's bulk dismiss records them: one event, one undo that takes every one
//! of them back, owners kept, and the same guards as settling one.

#[path = "common/domain.rs"]
mod common;

use std::path::Path;

use common::*;
use sameside::domain::board::{Source, board};
use sameside::domain::*;
use sameside::storage::format::{Header, decode, encode};

/// Later than anything the room recorded.
fn later(minute: i64) -> chrono::DateTime<chrono::Utc> {
    at(10_000 + minute)
}

/// Three partners at the conflicts with four pair findings: all three claim Bavaria
/// (three open pairs), and Acme and Globex hold a loose roadmap pair, parked with an
/// owner.
fn room_with_pairs() -> History {
    use InterestCategory::*;
    use Weight::*;
    let mut room = Room::without_roles(&["Acme", "Globex", "Initech"]);
    room.pass_gate();
    room.ok(move_to(Stage::Interests));
    room.ok(add_interest(
        10,
        ACME,
        Territory,
        NonNegotiable,
        "Exclusive rights in Bavaria",
    ));
    room.ok(add_interest(
        11,
        GLOBEX,
        Territory,
        NonNegotiable,
        "Sole reseller for Bavaria",
    ));
    room.ok(add_interest(
        12,
        INITECH,
        Territory,
        Important,
        "Field sales in Bavaria",
    ));
    room.ok(add_interest(
        13,
        ACME,
        ProductDirection,
        Important,
        "We decide the roadmap",
    ));
    room.ok(add_interest(
        14,
        GLOBEX,
        ProductDirection,
        Negotiable,
        "A say in the roadmap",
    ));
    room.ok(move_to(Stage::Conflicts));
    let findings = sameside::domain::detect::detect(room.session());
    assert_eq!(findings.len(), 4, "{findings:#?}");
    let roadmap = findings
        .iter()
        .find(|f| f.items.contains(&ItemRef::Interest(ItemId(13))))
        .expect("the roadmap pair")
        .key
        .clone();
    room.ok(Change::FindingSettled {
        key: roadmap,
        status: ConflictStatus::Parked,
        owner: "Dana Whitfield".to_string(),
    });
    room.history
}

fn dismissed(reason: &str) -> ConflictStatus {
    ConflictStatus::Dismissed {
        reason: reason.to_string(),
    }
}

/// The keys of the room's detected conflicts that `wanted` accepts, in board order.
fn keys_where(session: &Session, wanted: impl Fn(&ConflictStatus) -> bool) -> Vec<String> {
    board(session)
        .into_iter()
        .filter(|e| wanted(&e.status))
        .filter_map(|e| match e.source {
            Source::Detected { key, .. } => Some(key),
            Source::Moderator(_) => None,
        })
        .collect()
}

fn outcomes(session: &Session) -> Vec<(String, ConflictStatus, String)> {
    session
        .outcomes
        .iter()
        .map(|(k, o)| (k.clone(), o.status.clone(), o.owner.clone()))
        .collect()
}

#[test]
fn a_batch_is_one_event_and_one_undo_takes_every_conflict_back() {
    let mut history = room_with_pairs();
    let mut keys = keys_where(history.session(), |s| *s == ConflictStatus::Open);
    assert!(keys.len() >= 3, "the room has open detected conflicts");
    // The parked one has an owner, which a dismissal keeps and an undo restores.
    let parked = keys_where(history.session(), |s| *s == ConflictStatus::Parked);
    keys.extend(parked.iter().cloned());
    let before = outcomes(history.session());
    let events = history.events().len();

    let said = history
        .record(
            later(0),
            Change::FindingsSettled {
                keys: keys.clone(),
                status: dismissed("Advice, not claims"),
            },
        )
        .expect("the batch applies");
    assert_eq!(
        said,
        format!("{} conflicts dismissed: 'Advice, not claims'", keys.len())
    );
    assert_eq!(history.events().len(), events + 1);
    for key in &keys {
        assert_eq!(
            history.session().outcomes[key].status,
            dismissed("Advice, not claims")
        );
    }
    assert_eq!(
        history.session().outcomes[&parked[0]].owner,
        "Dana Whitfield"
    );
    let after = outcomes(history.session());

    let undone = history.record(later(1), Change::Undo).expect("undo");
    assert!(undone.starts_with("Undid: "), "{undone}");
    assert_eq!(outcomes(history.session()), before, "one undo restores all");

    history.record(later(2), Change::Redo).expect("redo");
    assert_eq!(outcomes(history.session()), after);

    // The batch is kept in the file like any other event.
    let header = Header::for_history("batch", None, &history);
    let text = encode(&header, &history).expect("the session encodes");
    let loaded = decode(Path::new("batch.ron"), text.as_bytes())
        .expect("the session decodes")
        .1;
    assert_eq!(loaded.session(), history.session());
}

#[test]
fn a_batch_with_an_unknown_key_changes_nothing() {
    let mut history = room_with_pairs();
    let mut keys = keys_where(history.session(), |s| *s == ConflictStatus::Open);
    keys.push("clash:i998+i999@1+2".to_string());
    let before = outcomes(history.session());
    let refused = history.record(
        later(0),
        Change::FindingsSettled {
            keys,
            status: dismissed("Not ours"),
        },
    );
    assert_eq!(
        refused,
        Err(ApplyError::UnknownFinding(
            "clash:i998+i999@1+2".to_string()
        ))
    );
    assert_eq!(outcomes(history.session()), before);
}

#[test]
fn a_batch_needs_conflicts_and_a_reason() {
    let mut history = room_with_pairs();
    let keys = keys_where(history.session(), |s| *s == ConflictStatus::Open);
    assert!(
        history
            .record(
                later(0),
                Change::FindingsSettled {
                    keys: Vec::new(),
                    status: dismissed("Not ours"),
                },
            )
            .is_err()
    );
    assert!(
        history
            .record(
                later(0),
                Change::FindingsSettled {
                    keys,
                    status: dismissed("  "),
                },
            )
            .is_err()
    );
}

#[test]
fn a_key_named_twice_comes_back_to_what_it_was_before_the_batch() {
    let mut history = room_with_pairs();
    let parked = keys_where(history.session(), |s| *s == ConflictStatus::Parked);
    let before = outcomes(history.session());
    history
        .record(
            later(0),
            Change::FindingsSettled {
                keys: vec![parked[0].clone(), parked[0].clone()],
                status: dismissed("Twice"),
            },
        )
        .expect("the batch applies");
    history.record(later(1), Change::Undo).expect("undo");
    assert_eq!(outcomes(history.session()), before);
}

#[test]
fn one_conflict_in_a_batch_is_said_in_the_singular() {
    let mut history = room_with_pairs();
    let keys = keys_where(history.session(), |s| *s == ConflictStatus::Open);
    let said = history
        .record(
            later(0),
            Change::FindingsSettled {
                keys: keys[..1].to_vec(),
                status: ConflictStatus::Parked,
            },
        )
        .expect("the batch applies");
    assert_eq!(said, "1 conflict parked for later");
}
