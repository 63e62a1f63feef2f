//! Writing the notes never holds up a key: the export runs on a thread of its own, the
//! app hears of it on a later tick, and quitting waits so that no notes are cut off.

use std::path::PathBuf;
use std::sync::mpsc::channel;

use sameside::tui::app::exports::Exports;

#[test]
fn starting_an_export_returns_before_the_export_is_done() {
    let mut exports = Exports::default();
    let (release, wait) = channel::<()>();
    // The job cannot finish until the test lets it: a disk that hangs.
    exports.start(move || {
        let _ = wait.recv();
        Ok((PathBuf::from("notes.md"), PathBuf::from("notes.html")))
    });
    assert!(
        exports.finished().is_empty(),
        "an unfinished export was reported"
    );
    release.send(()).expect("the job is waiting");
    let done = exports.wait();
    assert_eq!(
        done,
        vec![Ok((PathBuf::from("notes.md"), PathBuf::from("notes.html")))]
    );
    assert!(
        exports.finished().is_empty(),
        "an export was reported twice"
    );
}

#[test]
fn an_export_that_fails_reports_why() {
    let mut exports = Exports::default();
    exports.start(|| Err("notes.md: permission denied".to_string()));
    assert_eq!(
        exports.wait(),
        vec![Err("notes.md: permission denied".to_string())]
    );
}

#[test]
fn an_export_that_panics_is_reported_rather_than_lost() {
    let mut exports = Exports::default();
    exports.start(|| panic!("a bug in the exporter"));
    let done = exports.wait();
    assert_eq!(done.len(), 1);
    assert!(done[0].is_err(), "{done:?}");
}
