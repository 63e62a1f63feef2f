//! What a failed save, deletion or restore tells the moderator: the same words as
//! always for what went wrong, and, from the kind of failure the operating system
//! gave, what they can do about it.

use std::io;
use std::path::Path;

use sameside::domain::sample::example_pass;
use sameside::export::ExportError;
use sameside::storage::save_error::Step;
use sameside::storage::store::{delete_session, save_session};
use sameside::storage::{Header, SaveError};

fn failed(kind: io::ErrorKind) -> SaveError {
    SaveError::io(
        Step::Write,
        Path::new("/media/stick/pilot.ron"),
        &io::Error::from(kind),
    )
}

#[test]
fn a_save_into_a_folder_that_is_gone_keeps_the_cause_and_says_to_check_the_drive() {
    let root = tempfile::tempdir().unwrap();
    let path = root.path().join("gone").join("pilot.ron");
    let history = example_pass().expect("the example builds");
    let header = Header::for_history("pilot", None, &history);

    let error = save_session(&path, &header, &history).unwrap_err();

    assert_eq!(error.kind(), Some(io::ErrorKind::NotFound));
    // The cause only: the screen already names the session, a path would crowd it out.
    assert_eq!(
        error.to_string(),
        io::Error::from_raw_os_error(2).to_string()
    );
    assert_eq!(
        error.advice(),
        "check that the drive and the folder are still there"
    );
}

#[test]
fn each_kind_of_failure_comes_with_what_to_do_about_it() {
    for (kind, advice) in [
        (io::ErrorKind::StorageFull, "free some disk space"),
        (io::ErrorKind::QuotaExceeded, "free some disk space"),
        (
            io::ErrorKind::PermissionDenied,
            "check the folder's permissions",
        ),
        (
            io::ErrorKind::ReadOnlyFilesystem,
            "the disk is read-only; use another folder",
        ),
        (
            io::ErrorKind::FileTooLarge,
            "the file is over this system's size limit; use another disk",
        ),
        (
            io::ErrorKind::StaleNetworkFileHandle,
            "check the connection to the shared folder",
        ),
        (io::ErrorKind::Other, "check the disk"),
    ] {
        assert_eq!(failed(kind).advice(), advice, "{kind:?}");
        assert_eq!(failed(kind).kind(), Some(kind));
    }
}

#[test]
fn the_messages_name_the_file_the_way_they_always_did() {
    let path = Path::new("/s/pilot.ron");
    let denied = io::Error::from(io::ErrorKind::PermissionDenied);
    let said = |step: Step| SaveError::io(step, path, &denied).to_string();
    assert_eq!(said(Step::Write), denied.to_string());
    assert_eq!(said(Step::Lock), format!("cannot lock it: {denied}"));
    assert_eq!(said(Step::Touch), format!("/s/pilot.ron: {denied}"));
    assert_eq!(
        said(Step::MakeTrash),
        format!("cannot make the trash folder /s/pilot.ron: {denied}")
    );
    assert_eq!(
        said(Step::MoveTo("/s/trash/1".into())),
        format!("cannot move /s/pilot.ron to /s/trash/1: {denied}")
    );
    assert_eq!(
        said(Step::MoveBack),
        format!("cannot move /s/pilot.ron back: {denied}")
    );
    assert_eq!(
        SaveError::HeldElsewhere.to_string(),
        "another sameside has this session open"
    );
}

#[test]
fn deleting_a_session_that_is_not_there_names_it_and_keeps_the_kind() {
    let root = tempfile::tempdir().unwrap();
    let path = root.path().join("never.ron");

    let error = delete_session(&path).unwrap_err();

    assert_eq!(error.kind(), Some(io::ErrorKind::NotFound));
    assert!(
        error
            .to_string()
            .starts_with(&format!("{}: ", path.display())),
        "{error}"
    );
}

#[test]
fn an_export_that_cannot_be_written_says_what_to_try_instead() {
    let error = ExportError::Json("key must be a string".into());
    assert_eq!(error.to_string(), "cannot write JSON: key must be a string");
    assert_eq!(
        error.advice(),
        "export another format and report this as a bug"
    );
}
