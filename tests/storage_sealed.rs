//! The moderator's file of sealed answers: owner-only, read back as written, checked
//! against the session's digests at the reveal, and gone once the round is over.

#[path = "common/domain.rs"]
mod domain;

use domain::*;
use sameside::domain::rounds::*;
use sameside::domain::*;
use sameside::storage::sealed::*;
use tempfile::TempDir;

const ROUND: ItemId = ItemId(100);

fn wish(statement: &str) -> Answer {
    Answer::Interest {
        statement: statement.to_string(),
        category: InterestCategory::AccountLeadership,
        weight: Weight::Important,
        function: Function::Engineering,
    }
}

/// A room with an interests round open for Halvard (Acme) and Ostrow (Globex).
fn room_with_round() -> Room {
    let mut room = Room::new();
    room.ok(round_opened(
        ROUND,
        RoundKind::Interests,
        Labelling::ByPerson,
        "What must your side get out of this?",
        vec![seat(ACME, "Halvard"), seat(GLOBEX, "Ostrow")],
    ));
    room
}

fn round(room: &Room) -> Round {
    room.session().round(ROUND).expect("the round").clone()
}

#[test]
fn sealed_answers_are_kept_owner_only_and_revealed_against_their_digests() {
    let dir = TempDir::new().unwrap();
    let session = dir.path().join("2026-12-05-pilot.ron");
    let mut room = room_with_round();
    let mut sealed = SealedAnswers::new(ROUND);
    let change = sealed
        .seal(
            RoundKind::Interests,
            1,
            ACME,
            "Halvard",
            wish("Lead the Voith account"),
        )
        .unwrap();
    room.ok(change);
    // Changing one's mind before the reveal: the same number, sealed again.
    let change = sealed
        .seal(
            RoundKind::Interests,
            1,
            ACME,
            "Halvard",
            wish("Lead Voith and Trumpf"),
        )
        .unwrap();
    room.ok(change);
    let change = sealed
        .seal(
            RoundKind::Interests,
            2,
            GLOBEX,
            "Ostrow",
            wish("Keep Trumpf"),
        )
        .unwrap();
    room.ok(change);
    write_sealed(&session, &sealed).unwrap();

    let path = sealed_path(&session);
    assert_eq!(path, dir.path().join("2026-12-05-pilot.sealed"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "others can read the sealed answers");
    }

    let read = read_sealed(&session, ROUND).unwrap();
    assert_eq!(read, sealed);
    let mut next = 200;
    let reveal = read
        .reveal(&round(&room), || {
            next += 1;
            ItemId(next)
        })
        .unwrap();
    room.ok(reveal);
    let statements: Vec<&str> = room
        .session()
        .interests
        .iter()
        .map(|i| i.statement.as_str())
        .collect();
    assert_eq!(statements, ["Lead Voith and Trumpf", "Keep Trumpf"]);

    discard_sealed(&session).unwrap();
    assert!(!path.exists());
    // Nothing there is not an error: the round may have had no answers.
    discard_sealed(&session).unwrap();
}

#[test]
fn an_answer_edited_in_the_sealed_file_is_caught_at_the_reveal_and_named() {
    let dir = TempDir::new().unwrap();
    let session = dir.path().join("pilot.ron");
    let mut room = room_with_round();
    let mut sealed = SealedAnswers::new(ROUND);
    room.ok(sealed
        .seal(
            RoundKind::Interests,
            1,
            GLOBEX,
            "Ostrow",
            wish("Keep Trumpf"),
        )
        .unwrap());
    write_sealed(&session, &sealed).unwrap();
    let path = sealed_path(&session);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("Keep Trumpf", "Keep Trumpf and Voith")).unwrap();

    let read = read_sealed(&session, ROUND).unwrap();
    let err = read.reveal(&round(&room), || ItemId(300)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the answer of Ostrow no longer matches what was sealed"
    );
    // An answer sealed in the session but not kept here is named too.
    let err = SealedAnswers::new(ROUND)
        .reveal(&round(&room), || ItemId(300))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "no sealed answer of Ostrow is kept on this computer"
    );
}

#[test]
fn a_damaged_sealed_file_is_reported_with_its_line_and_column() {
    let dir = TempDir::new().unwrap();
    let session = dir.path().join("pilot.ron");
    std::fs::write(
        sealed_path(&session),
        "(\n  round: 100,\n  answers: [oops],\n)",
    )
    .unwrap();
    let err = read_sealed(&session, ROUND).unwrap_err();
    let said = err.to_string();
    let expected = format!("{}:3:", sealed_path(&session).display());
    assert!(said.starts_with(&expected), "{said}");
}

#[test]
fn a_sealed_file_of_another_round_or_not_a_file_is_refused() {
    let dir = TempDir::new().unwrap();
    let session = dir.path().join("pilot.ron");
    write_sealed(&session, &SealedAnswers::new(ItemId(7))).unwrap();
    assert!(matches!(
        read_sealed(&session, ROUND),
        Err(SealedError::OtherRound(_))
    ));
    std::fs::remove_file(sealed_path(&session)).unwrap();
    std::fs::create_dir(sealed_path(&session)).unwrap();
    assert!(matches!(
        read_sealed(&session, ROUND),
        Err(SealedError::Read { .. })
    ));
    // No file at all: nothing sealed yet.
    let other = dir.path().join("other.ron");
    assert_eq!(
        read_sealed(&other, ROUND).unwrap(),
        SealedAnswers::new(ROUND)
    );
}

#[test]
fn an_answer_that_does_not_fit_the_question_is_not_sealed() {
    let mut sealed = SealedAnswers::new(ROUND);
    assert!(matches!(
        sealed.seal(RoundKind::Confidence, 1, ACME, "Halvard", Answer::Score(9)),
        Err(SealedError::Answer(_))
    ));
    assert!(matches!(
        sealed.seal(RoundKind::Interests, 1, ACME, "Halvard", wish("  ")),
        Err(SealedError::Answer(_))
    ));
    assert!(sealed.answers.is_empty());
}

#[test]
fn the_keeper_writes_the_newest_answers_reads_them_back_and_discards_them() {
    use sameside::storage::sealed_keeper::{KeeperNews, SealedKeeper};
    let dir = TempDir::new().unwrap();
    let session = dir.path().join("2026-12-05-pilot.ron");
    let keeper = SealedKeeper::start(session.clone());
    keeper.read(ROUND);
    let mut sealed = SealedAnswers::new(ROUND);
    for (number, statement) in [(1, "Lead Voith"), (2, "Keep Trumpf")] {
        sealed
            .seal(
                RoundKind::Interests,
                number,
                ACME,
                "Halvard",
                wish(statement),
            )
            .unwrap();
        keeper.write(sealed.clone());
    }
    keeper.flush();
    let news = keeper.news();
    // No file yet when it was read: an empty round, not an error.
    assert!(
        matches!(&news[0], KeeperNews::Loaded(Ok(a)) if a.answers.is_empty()),
        "{news:?}"
    );
    assert!(
        news[1..]
            .iter()
            .all(|n| matches!(n, KeeperNews::Written(Ok(())))),
        "{news:?}"
    );
    assert_eq!(read_sealed(&session, ROUND).unwrap(), sealed);

    keeper.read(ROUND);
    keeper.discard();
    keeper.flush();
    let news = keeper.news();
    assert!(
        matches!(&news[0], KeeperNews::Loaded(Ok(a)) if *a == sealed),
        "{news:?}"
    );
    assert!(matches!(news[1], KeeperNews::Discarded(Ok(()))), "{news:?}");
    assert!(!sealed_path(&session).exists());
}

#[test]
fn a_keeper_that_cannot_write_says_so_and_keeps_going() {
    use sameside::storage::sealed_keeper::{KeeperNews, SealedKeeper};
    let dir = TempDir::new().unwrap();
    // The session's folder is gone: nothing can be written beside it.
    let session = dir.path().join("gone").join("2026-12-05-pilot.ron");
    let keeper = SealedKeeper::start(session);
    let mut sealed = SealedAnswers::new(ROUND);
    sealed
        .seal(RoundKind::Interests, 1, ACME, "Halvard", wish("Lead Voith"))
        .unwrap();
    keeper.write(sealed.clone());
    keeper.write(sealed);
    keeper.flush();
    let news = keeper.news();
    assert!(!news.is_empty());
    for item in &news {
        match item {
            KeeperNews::Written(Err(e)) => assert!(e.to_string().contains("gone"), "{e}"),
            other => panic!("expected a failed write, got {other:?}"),
        }
    }
}
