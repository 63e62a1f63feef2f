//! The example sessions in `sessions/` are the scripted sessions of `domain::sample`,
//! saved by the storage code. These tests keep the files and the scripts in step, and
//! check that the files load back to the same sessions.
//!
//! To rewrite the files after changing a script: `SAMESIDE_WRITE_EXAMPLES=1 cargo test --test example_sessions`.

use std::path::PathBuf;

use sameside::domain::sample::{example_pass, example_proceed};
use sameside::domain::{History, Verdict};
use sameside::storage::Header;
use sameside::storage::filename::session_file_name;
use sameside::storage::format::{decode, encode};

fn examples() -> Vec<(String, History)> {
    let proceed = example_proceed();
    let pass = example_pass();
    assert!(proceed.is_ok() && pass.is_ok(), "{proceed:?} {pass:?}");
    let (Ok(proceed), Ok(pass)) = (proceed, pass) else {
        return Vec::new();
    };
    vec![
        ("example-northwind-globex".to_string(), proceed),
        ("example-acme-initech".to_string(), pass),
    ]
}

fn path_for(history: &History) -> PathBuf {
    let session = history.session();
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sessions")
        .join(session_file_name(
            session.created.date_naive(),
            &session.title,
        ))
}

#[test]
fn shipped_examples_match_their_scripts() {
    let write = std::env::var_os("SAMESIDE_WRITE_EXAMPLES").is_some();
    for (id, history) in examples() {
        let header = Header::for_history(&id, None, &history);
        let text = encode(&header, &history).map_err(|e| e.to_string());
        assert!(text.is_ok(), "{text:?}");
        let text = text.unwrap_or_default();
        let path = path_for(&history);
        if write {
            // Atomic, so the test that loads the files never sees half of one.
            sameside::storage::atomic::write_atomically(&path, text.as_bytes())
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
        let on_disk = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (run with SAMESIDE_WRITE_EXAMPLES=1)",
                path.display()
            )
        });
        assert_eq!(on_disk, text, "{} is out of date", path.display());
    }
}

#[test]
fn shipped_examples_load_back_to_the_same_session() {
    for (_, history) in examples() {
        let path = path_for(&history);
        let bytes = std::fs::read(&path).unwrap_or_default();
        let loaded = decode(&path, &bytes);
        assert!(loaded.is_ok(), "{loaded:?}");
        let (header, loaded) = loaded.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(loaded.session(), history.session());
        assert_eq!(header.title, history.session().title);
    }
}

#[test]
fn one_example_proceeds_and_one_takes_a_pass() {
    let verdicts: Vec<Option<Verdict>> = examples()
        .iter()
        .map(|(_, h)| h.session().verdict)
        .collect();
    assert_eq!(
        verdicts,
        vec![
            Some(Verdict::ProceedWithConditions),
            Some(Verdict::TakeAPass)
        ]
    );
}
