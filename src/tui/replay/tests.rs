//! How the replay's keys walk the record.

use std::path::Path;

use chrono::{TimeZone, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::domain::timeline::Speed;
use crate::storage::store::read_record;
use crate::tui::clock::{Clock, FixedClock};
use crate::tui::intent::Intent;
use crate::tui::theme::Theme;

const NORTHWIND: &str = "2026-11-12-northwind-globex-plant-floor-analytics.ron";

fn clock() -> FixedClock {
    let start = Utc
        .with_ymd_and_hms(2026, 11, 27, 10, 0, 0)
        .single()
        .unwrap_or_default();
    FixedClock::new(start)
}

fn northwind(clock: &FixedClock) -> ReplayView {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions")
        .join(NORTHWIND);
    match read_record(&path) {
        Ok(recorded) => ReplayView::new(recorded, clock.now()),
        Err(e) => panic!("{e}"),
    }
}

fn press(view: &mut ReplayView, clock: &FixedClock, code: KeyCode) -> Option<Intent> {
    view.handle_key(
        KeyEvent::new(code, KeyModifiers::NONE),
        clock.now(),
        &Theme::dark(),
    )
}

#[test]
fn steps_home_end_and_the_state_follows() {
    let clock = clock();
    let mut view = northwind(&clock);
    assert_eq!(view.player().position(), 0);
    assert_eq!(view.stage(), Stage::Vision);
    press(&mut view, &clock, KeyCode::Right);
    press(&mut view, &clock, KeyCode::Right);
    assert_eq!(view.player().position(), 2);
    press(&mut view, &clock, KeyCode::Left);
    assert_eq!(view.player().position(), 1);
    press(&mut view, &clock, KeyCode::End);
    let last = view.player().timeline().last();
    assert_eq!(view.player().position(), last);
    assert_eq!(view.stage(), Stage::Summary);
    assert!(view.state().verdict.is_some());
    press(&mut view, &clock, KeyCode::Home);
    assert_eq!(view.player().position(), 0);
    assert!(view.state().verdict.is_none());
}

#[test]
fn brackets_jump_between_stage_changes() {
    let clock = clock();
    let mut view = northwind(&clock);
    let boundaries: Vec<usize> = view
        .player()
        .timeline()
        .stage_boundaries()
        .iter()
        .map(|(p, _)| *p)
        .collect();
    assert!(boundaries.len() >= 3, "{boundaries:?}");
    press(&mut view, &clock, KeyCode::Char(']'));
    assert_eq!(view.player().position(), boundaries[1]);
    press(&mut view, &clock, KeyCode::Char(']'));
    assert_eq!(view.player().position(), boundaries[2]);
    assert_eq!(
        view.stage(),
        view.player().timeline().stage_at(boundaries[2])
    );
    press(&mut view, &clock, KeyCode::Char('['));
    assert_eq!(view.player().position(), boundaries[1]);
}

#[test]
fn playing_advances_only_when_the_clock_does_and_pause_stops_it() {
    let clock = clock();
    let mut view = northwind(&clock);
    press(&mut view, &clock, KeyCode::Char('9'));
    assert_eq!(view.player().speed(), Speed::Compressed);
    press(&mut view, &clock, KeyCode::Char(' '));
    assert!(view.player().is_playing());
    view.tick(clock.now());
    assert_eq!(view.player().position(), 0, "nothing is due yet");
    clock.advance(chrono::Duration::milliseconds(400));
    assert!(view.tick(clock.now()));
    assert_eq!(view.player().position(), 1);
    // A late tick catches up on everything that came due.
    clock.advance(chrono::Duration::milliseconds(1200));
    view.tick(clock.now());
    assert_eq!(view.player().position(), 4);
    press(&mut view, &clock, KeyCode::Char(' '));
    assert!(!view.player().is_playing());
    clock.advance(chrono::Duration::seconds(60));
    assert!(!view.tick(clock.now()));
    assert_eq!(view.player().position(), 4);
}

#[test]
fn speed_keys_go_up_and_down_and_faster_plays_sooner() {
    let clock = clock();
    let mut view = northwind(&clock);
    assert_eq!(view.player().speed(), Speed::X1);
    press(&mut view, &clock, KeyCode::Char('+'));
    press(&mut view, &clock, KeyCode::Char('+'));
    assert_eq!(view.player().speed(), Speed::X5);
    press(&mut view, &clock, KeyCode::Char('-'));
    assert_eq!(view.player().speed(), Speed::X2);
    press(&mut view, &clock, KeyCode::Char('6'));
    assert_eq!(view.player().speed(), Speed::X60);

    let gap = view.player().timeline().gap_after(0);
    press(&mut view, &clock, KeyCode::Char(' '));
    let wait = Speed::X60.wait(gap);
    let wait = chrono::Duration::from_std(wait).unwrap_or_default();
    clock.advance(wait - chrono::Duration::milliseconds(1));
    view.tick(clock.now());
    assert_eq!(view.player().position(), 0);
    clock.advance(chrono::Duration::milliseconds(1));
    view.tick(clock.now());
    assert_eq!(view.player().position(), 1);
}

#[test]
fn the_other_keys_ask_the_app() {
    let clock = clock();
    let mut view = northwind(&clock);
    assert!(matches!(
        press(&mut view, &clock, KeyCode::Char('/')),
        Some(Intent::FindInReplay)
    ));
    assert!(matches!(
        press(&mut view, &clock, KeyCode::Char('c')),
        Some(Intent::ContinueReplay)
    ));
    assert!(matches!(
        press(&mut view, &clock, KeyCode::Char('q')),
        Some(Intent::Home)
    ));
    assert!(matches!(
        press(&mut view, &clock, KeyCode::Esc),
        Some(Intent::Home)
    ));
    assert!(view.find("Globex", clock.now()));
    let at = view.player().position();
    assert!(at > 0);
    let said = view.player().timeline().sentence(at).unwrap_or_default();
    assert!(said.to_lowercase().contains("globex"), "{said}");
    assert!(!view.find("no such words anywhere", clock.now()));
    assert_eq!(view.player().position(), at);
}

#[test]
fn continuing_from_the_middle_keeps_the_events_so_far() {
    let clock = clock();
    let mut view = northwind(&clock);
    for _ in 0..5 {
        press(&mut view, &clock, KeyCode::Right);
    }
    let history = view.continue_here();
    assert!(history.is_ok(), "{history:?}");
    if let Ok(history) = history {
        assert_eq!(history.events().len(), 6);
        assert_eq!(history.session(), view.state());
    }
}
