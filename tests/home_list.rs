//! The session list on the home screen over a large folder: it paints from headers and
//! the list cache at once, checks the rest in the background, and names what it skips.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use sameside::storage::Listed;
use sameside::storage::dirs::{DirSource, SessionsDir};
use sameside::tui::home::{HomeEntry, HomeScreen};
use sameside::tui::intent::Intent;

const NORTHWIND: &str = "2026-11-12-northwind-globex-plant-floor-analytics.ron";

fn northwind() -> String {
    fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("sessions")
            .join(NORTHWIND),
    )
    .unwrap()
}

/// The example with one more event at the end that cannot be applied: the header and
/// the file's ending are fine, only a replay finds it.
fn fails_on_replay() -> String {
    let text = northwind();
    let end = text.rfind("  ],").expect("the events end");
    format!(
        "{}    (at: \"2026-11-12T12:16:00Z\", change: ViewSet(partner: 99, text: \"x\")),\n{}",
        &text[..end],
        &text[end..]
    )
}

/// A folder of 40 good sessions and, oldest by name and so checked last, one that
/// fails on replay.
fn large_folder() -> (tempfile::TempDir, SessionsDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let sessions = tmp.path().join("sessions");
    fs::create_dir(&sessions).unwrap();
    let text = northwind();
    for i in 0..40 {
        fs::write(sessions.join(format!("s{i:02}.ron")), &text).unwrap();
    }
    let bad = sessions.join("z-bad.ron");
    fs::write(&bad, fails_on_replay()).unwrap();
    let dir = SessionsDir {
        path: sessions,
        source: DirSource::Flag,
    };
    (tmp, dir, bad)
}

fn row<'a>(home: &'a HomeScreen, path: &Path) -> &'a Listed {
    home.entries
        .iter()
        .find_map(|e| match e {
            HomeEntry::Session(l) if l.path() == path => Some(l),
            _ => None,
        })
        .expect("the file is listed")
}

fn unchecked(home: &HomeScreen) -> usize {
    home.entries
        .iter()
        .filter(|e| matches!(e, HomeEntry::Session(l) if l.is_unchecked()))
        .count()
}

/// Polls until the checks on the other thread are all in and saved.
fn wait_for_checks(home: &mut HomeScreen) {
    let give_up = Instant::now() + Duration::from_secs(60);
    while home.is_checking() && Instant::now() < give_up {
        std::thread::sleep(Duration::from_millis(10));
        home.poll_checks();
    }
}

#[test]
fn a_large_folder_shows_headers_first_and_each_row_is_replaced_by_its_check() {
    let (tmp, dir, bad) = large_folder();
    let cache = tmp.path().join("cache");

    let mut home = HomeScreen::with_cache(dir.clone(), None, Some(cache.clone()));

    // The file that fails on replay is shown as its header says until it is checked.
    assert!(unchecked(&home) > 0);
    assert!(row(&home, &bad).is_unchecked(), "{:?}", row(&home, &bad));
    wait_for_checks(&mut home);
    assert_eq!(unchecked(&home), 0);
    match row(&home, &bad) {
        Listed::Damaged { error, .. } => {
            assert!(error.message.contains("cannot be applied"), "{error}")
        }
        other => panic!("not marked damaged: {other:?}"),
    }

    // The checks were saved, for the owner's eyes only (titles and partner names): the
    // next home screen starts fully checked.
    #[cfg(unix)]
    for entry in fs::read_dir(cache.join("lists")).unwrap() {
        use std::os::unix::fs::PermissionsExt;
        let mode = entry.unwrap().metadata().unwrap().permissions().mode();
        assert_eq!(
            mode & 0o077,
            0,
            "the list cache is readable by others: {mode:o}"
        );
    }
    let again = HomeScreen::with_cache(dir, None, Some(cache));
    assert_eq!(unchecked(&again), 0);
    assert!(matches!(row(&again, &bad), Listed::Damaged { .. }));
}

#[test]
fn a_cached_check_is_not_used_once_the_file_has_changed() {
    let (tmp, dir, bad) = large_folder();
    let cache = tmp.path().join("cache");
    let mut home = HomeScreen::with_cache(dir.clone(), None, Some(cache.clone()));
    wait_for_checks(&mut home);

    // Repaired, then one good file spoiled the same way.
    fs::write(&bad, northwind()).unwrap();
    let spoiled = dir.path.join("s05.ron");
    fs::write(&spoiled, fails_on_replay()).unwrap();
    let mut again = HomeScreen::with_cache(dir, None, Some(cache));
    wait_for_checks(&mut again);

    assert!(matches!(
        row(&again, &bad),
        Listed::Readable { checked: true, .. }
    ));
    assert!(matches!(row(&again, &spoiled), Listed::Damaged { .. }));
}

#[test]
fn a_garbage_list_cache_is_ignored() {
    let (tmp, dir, bad) = large_folder();
    let cache = tmp.path().join("cache");
    let mut home = HomeScreen::with_cache(dir.clone(), None, Some(cache.clone()));
    wait_for_checks(&mut home);
    for entry in fs::read_dir(cache.join("lists")).unwrap() {
        fs::write(entry.unwrap().path(), "{\"version\": 1, \"dir\": [[[").unwrap();
    }

    let mut again = HomeScreen::with_cache(dir, None, Some(cache));
    wait_for_checks(&mut again);

    assert!(matches!(row(&again, &bad), Listed::Damaged { .. }));
}

#[cfg(unix)]
#[test]
fn a_directory_named_like_a_session_is_a_skipped_row_that_does_not_open() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join(NORTHWIND), northwind()).unwrap();
    fs::create_dir(tmp.path().join("folder.ron")).unwrap();
    let dir = SessionsDir {
        path: tmp.path().to_path_buf(),
        source: DirSource::Flag,
    };
    let mut home = HomeScreen::new(dir, None);

    assert_eq!(home.entries.len(), 2);
    assert!(matches!(
        &home.entries[1],
        HomeEntry::Session(Listed::Skipped { reason, .. }) if reason == "not a regular file"
    ));
    home.selected = 1;
    for key in [
        KeyCode::Enter,
        KeyCode::Char('e'),
        KeyCode::Char('R'),
        KeyCode::Char('d'),
    ] {
        match home.handle_key(KeyEvent::from(key)) {
            Some(Intent::Status(text)) => {
                assert!(text.contains("folder.ron is not a session file"), "{text}")
            }
            _ => panic!("{key:?} gave no status"),
        }
    }
}
