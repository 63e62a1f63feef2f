//! `sameside check FILE…`: one line per file, exit 1 if any is invalid.

use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::domain::board::{Readiness, board};
use crate::storage::store::read_session;

use super::output::{Out, line};

pub(super) fn check(out: &mut Out, files: &[PathBuf]) -> io::Result<ExitCode> {
    let mut all_valid = true;
    for file in files {
        match read_session(file) {
            Ok((_, history)) => {
                let session = history.session();
                let verdict = session
                    .verdict
                    .map_or("no verdict yet".to_string(), |v| format!("verdict: {v}"));
                let readiness = Readiness::of(&board(session));
                line(
                    out,
                    format!(
                        "{}: ok — '{}', {} partners, {} events, reached {}, {}; conflicts: {} ({} settled, {} deal-breakers, {} parked, {} dismissed)",
                        file.display(),
                        session.title,
                        session.partners.len(),
                        history.events().len(),
                        session.reached,
                        verdict,
                        readiness.open_summary(),
                        readiness.settled,
                        readiness.deal_breakers,
                        readiness.parked,
                        readiness.dismissed,
                    ),
                )?;
            }
            Err(e) => {
                all_valid = false;
                line(out, format!("{e}"))?;
            }
        }
    }
    if all_valid {
        Ok(ExitCode::SUCCESS)
    } else {
        Ok(ExitCode::from(1))
    }
}
