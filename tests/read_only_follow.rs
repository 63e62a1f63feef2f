//! A second sameside that opens a session someone else is writing may only look, but it
//! must show what the writer does, and say when the writer has gone so the moderator can
//! take over.

use std::time::Duration;

use chrono::{TimeZone, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use sameside::domain::{Change, Stage};
use sameside::storage::Access;
use sameside::storage::store::{open_session, save_session};
use sameside::tui::intent::Intent;
use sameside::tui::session_view::SessionView;
use sameside::tui::theme::Theme;

#[path = "common/domain.rs"]
mod common;
use common::Room;

const WAIT: Duration = Duration::from_secs(10);

#[test]
fn a_read_only_view_follows_the_writer_and_offers_to_take_over_when_it_closes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("2026-12-01-follow.ron");
    let room = Room::with_partners(&["Halvard", "Ostmark"]);
    let header = sameside::storage::Header::for_history("follow", None, &room.history);
    save_session(&path, &header, &room.history).expect("saved");
    let now = Utc
        .with_ymd_and_hms(2026, 12, 1, 9, 0, 0)
        .single()
        .expect("time");

    let writer = open_session(&path).expect("opens");
    assert!(matches!(writer.access, Access::Exclusive(_)));
    let mut writer = SessionView::from_opened(writer, now);
    let looker = open_session(&path).expect("opens again");
    assert!(matches!(looker.access, Access::ReadOnly(_)));
    let mut looker = SessionView::from_opened(looker, now);
    let before = looker
        .history
        .session()
        .clock
        .timebox_minutes(Stage::Vision);

    // The writer changes the timebox; the looker shows the new one by itself.
    writer
        .record(
            vec![Change::TimeboxSet {
                stage: Stage::Vision,
                minutes: before + 7,
            }],
            now,
        )
        .expect("recorded");
    writer.close(now).expect("saved");
    let deadline = std::time::Instant::now() + WAIT;
    while looker
        .history
        .session()
        .clock
        .timebox_minutes(Stage::Vision)
        == before
    {
        assert!(
            std::time::Instant::now() < deadline,
            "the read-only view never showed the writer's change"
        );
        let _ = looker.follow_within(Duration::from_millis(200));
    }
    assert_eq!(
        looker
            .history
            .session()
            .clock
            .timebox_minutes(Stage::Vision),
        before + 7
    );
    let o = KeyEvent::from(KeyCode::Char('o'));
    assert!(
        looker.handle_key(o, &Theme::dark()).is_none(),
        "o takes nothing over while the writer is there"
    );

    // The writer closes the session: the looker says so and o takes over.
    drop(writer);
    let mut said = None;
    let deadline = std::time::Instant::now() + WAIT;
    while !looker.may_take_over() {
        assert!(
            std::time::Instant::now() < deadline,
            "the writer's leaving was never noticed"
        );
        said = looker.follow_within(Duration::from_millis(200)).or(said);
    }
    let said = said.unwrap_or_default();
    assert!(said.contains("press o to take over"), "{said}");
    match looker.handle_key(o, &Theme::dark()) {
        Some(Intent::TakeOver(taken)) => assert_eq!(taken, path),
        _ => panic!("o should take the session over"),
    }
}
