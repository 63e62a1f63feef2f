//! `sameside check FILE…`: one line per file, and one more under a file whose sealed
//! round is open; exit 1 if any is invalid.

use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::domain::board::board;
use crate::domain::tally::Tally;
use crate::storage::Listed;
use crate::storage::dirs::resolve_cache_dir;
use crate::storage::format::{Decoded, header_disagreements};
use crate::storage::list_cache::ListCache;
use crate::storage::listing::check_session;
use crate::storage::sealed::{read_sealed, sealed_path};

use super::output::{Out, line};

pub(super) fn check(out: &mut Out, files: &[PathBuf]) -> io::Result<ExitCode> {
    let mut all_valid = true;
    let mut caches = Caches::default();
    for file in files {
        let (read, stamp) = check_session(file);
        caches.remember(file, &read, stamp);
        match read {
            Ok(Decoded {
                header,
                history,
                written,
            }) => {
                let session = history.session();
                // The events win, but someone editing the file should know that the
                // header they see in it is not what the app shows.
                let stale: String = header_disagreements(&written, &header)
                    .iter()
                    .map(|d| format!("; {d}"))
                    .collect();
                let stale = if stale.is_empty() {
                    stale
                } else {
                    format!("{stale} (the events win; the next save rewrites the header)")
                };
                let verdict = session
                    .verdict
                    .map_or("no verdict yet".to_string(), |v| format!("verdict: {v}"));
                let tally = Tally::of(&board(session));
                line(
                    out,
                    format!(
                        "{}: ok — '{}', {} partners, {} events, reached {}, {}; conflicts: {} on the board, {} ({} settled, {} deal-breakers, {} parked, {} dismissed){}",
                        file.display(),
                        session.title,
                        session.partners.len(),
                        history.events().len(),
                        session.reached,
                        verdict,
                        tally.on_board(),
                        tally.outcomes.open_summary(),
                        tally.settled(),
                        tally.deal_breakers(),
                        tally.parked(),
                        tally.dismissed(),
                        stale,
                    ),
                )?;
                if let Some(round) = session.open_round() {
                    line(out, format!("  {}", open_round_line(file, round)))?;
                }
            }
            Err(e) => {
                all_valid = false;
                line(out, format!("{e}"))?;
            }
        }
    }
    caches.save();
    if all_valid {
        Ok(ExitCode::SUCCESS)
    } else {
        Ok(ExitCode::from(1))
    }
}

/// What a moderator coming back to a session should know of its open round: how many
/// have answered, and whether every sealed answer is still kept beside the file.
fn open_round_line(file: &std::path::Path, round: &crate::domain::rounds::Round) -> String {
    let people = round.spec.seats.len();
    let answered = people - round.missing().len();
    let open = format!(
        "a sealed round is open ({}): {answered} of {people} people answered",
        round.spec.kind.label()
    );
    let kept = match read_sealed(file, round.id()) {
        Ok(kept) => kept,
        Err(e) => return format!("{open}; its answers cannot be read: {e}"),
    };
    let lost = kept.lost(round).len();
    let path = sealed_path(file);
    match lost {
        0 => format!("{open}; every answer is kept in {}", path.display()),
        1 => format!(
            "{open}; 1 answer is not kept in {}: the reveal will leave it out",
            path.display()
        ),
        n => format!(
            "{open}; {n} answers are not kept in {}: the reveal will leave them out",
            path.display()
        ),
    }
}

/// The list caches of the folders the checked files are in: what `check` learns saves
/// the session list from checking the same files again.
#[derive(Default)]
struct Caches {
    by_dir: std::collections::HashMap<PathBuf, ListCache>,
}

impl Caches {
    fn remember(
        &mut self,
        file: &std::path::Path,
        read: &Result<Decoded, crate::storage::FileError>,
        stamp: Option<crate::storage::list_cache::Stamp>,
    ) {
        let Some(stamp) = stamp else { return };
        let dir = match file.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let cache = self.by_dir.entry(dir).or_insert_with_key(|dir| {
            let cache_dir = resolve_cache_dir(std::env::var_os("SAMESIDE_CACHE_DIR"));
            ListCache::load(cache_dir.as_deref(), dir)
        });
        let listed = match read {
            Ok(decoded) => Listed::Readable {
                path: file.to_path_buf(),
                header: decoded.header.clone(),
                checked: true,
            },
            Err(error) => Listed::Damaged {
                path: file.to_path_buf(),
                error: error.clone(),
            },
        };
        cache.put(&listed, stamp);
    }

    /// Saving only saves time later; a cache that cannot be written changes nothing.
    fn save(self) {
        for mut cache in self.by_dir.into_values() {
            let _ = cache.save();
        }
    }
}
