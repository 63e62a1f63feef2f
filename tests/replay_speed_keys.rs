//! The replay's speed keys give the speed their label names: a moderator who presses `5`
//! expects five times as fast, not sixty.

use std::path::Path;

use chrono::{TimeZone, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use sameside::domain::timeline::Speed;
use sameside::storage::store::read_record;
use sameside::tui::replay::ReplayView;
use sameside::tui::theme::Theme;

const NORTHWIND: &str = "2026-11-12-northwind-globex-plant-floor-analytics.ron";

fn northwind() -> ReplayView {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions")
        .join(NORTHWIND);
    let now = Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap();
    match read_record(&path) {
        Ok(recorded) => ReplayView::new(recorded, now),
        Err(e) => panic!("{e}"),
    }
}

/// The speed after pressing `key` on a fresh replay.
fn speed_after(key: char) -> Speed {
    let mut view = northwind();
    let now = Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 1).unwrap();
    let _ = view.handle_key(
        KeyEvent::new(KeyCode::Char(key), KeyModifiers::NONE),
        now,
        &Theme::dark(),
    );
    view.player().speed()
}

#[test]
fn a_digit_that_names_a_speed_plays_at_that_speed() {
    assert_eq!(speed_after('1'), Speed::X1);
    assert_eq!(speed_after('2'), Speed::X2);
    assert_eq!(speed_after('5'), Speed::X5, "5 is five times as fast");
}

#[test]
fn ten_sixty_and_compressed_have_keys_of_their_own() {
    assert_eq!(speed_after('0'), Speed::X10, "0, as in 10");
    assert_eq!(speed_after('6'), Speed::X60, "6, as in 60");
    assert_eq!(speed_after('9'), Speed::Compressed, "9, the fastest");
}

#[test]
fn a_digit_that_names_no_speed_leaves_the_speed_alone() {
    for key in ['3', '4', '7', '8'] {
        assert_eq!(speed_after(key), Speed::X1, "{key} changed the speed");
    }
}

#[test]
fn the_help_names_each_speed_key_with_its_speed() {
    let help = sameside::tui::keys::replay_keys()
        .into_iter()
        .find(|k| k.what.starts_with("speed"))
        .expect("a help line for the speed keys");
    for (key, speed) in [
        ("1", "1×"),
        ("2", "2×"),
        ("5", "5×"),
        ("0", "10×"),
        ("6", "60×"),
    ] {
        assert!(help.keys.contains(key), "{} lacks {key}", help.keys);
        assert!(help.what.contains(speed), "{} lacks {speed}", help.what);
    }
}
