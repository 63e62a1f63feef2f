//! Session files written under earlier rules: outcomes the room recorded under keys the
//! rules no longer write (`clash:`, `related:`, `terms:`, `no-r:`) land on today's pair
//! findings that lie inside them, and nowhere else.

use std::path::Path;

use chrono::{TimeZone, Utc};
use sameside::domain::board::{BoardEntry, Source, board};
use sameside::domain::detect::Rule;
use sameside::domain::*;
use sameside::storage::format::decode;

const OLDER: &str = "tests/older/northwind-settled-under-lumped-rules.ron";

fn load() -> History {
    let bytes = std::fs::read(OLDER).expect("the older file is in the repository");
    decode(Path::new(OLDER), &bytes)
        .unwrap_or_else(|e| panic!("{OLDER} does not load: {e}"))
        .1
}

fn detected<'a>(entries: &'a [BoardEntry], key: &str) -> Option<&'a BoardEntry> {
    entries
        .iter()
        .find(|e| matches!(&e.source, Source::Detected { key: k, .. } if k == key))
}

/// The board entry for `key`, which must be shown.
#[track_caller]
fn entry(session: &Session, key: &str) -> BoardEntry {
    let entries = board(session);
    detected(&entries, key)
        .cloned()
        .unwrap_or_else(|| panic!("{key} is not on the board: {entries:#?}"))
}

fn resolved(agreement: &str) -> ConflictStatus {
    ConflictStatus::Resolved {
        agreement: agreement.to_string(),
    }
}

const ACCOUNTS: &str = "Northwind leads its top 20 named accounts; Globex leads all other EMEA accounts and every delivery.";
const CONNECTORS: &str = "Generic connectors go into Northwind's product with Globex credited; customer-specific code stays with Globex.";

#[test]
fn an_older_file_with_lumped_keys_loads() {
    let history = load();
    assert!(!history.events().is_empty());
    assert!(!board(history.session()).is_empty());
}

#[test]
fn outcomes_under_lumped_keys_show_on_the_pairs_inside_them() {
    let history = load();
    let s = history.session();

    let accounts = entry(s, "pair:i22+i26@1+2");
    assert_eq!(accounts.rule(), Some(Rule::ClashingInterests));
    assert_eq!(accounts.severity, Severity::Critical);
    assert_eq!(accounts.category, ConflictCategory::AccountLeadership);
    assert_eq!(accounts.status, resolved(ACCOUNTS));
    assert_eq!(accounts.owner, "Priya Raman and Helen Marsh");

    let connectors = entry(s, "pair:i24+i28@1+2");
    assert_eq!(connectors.rule(), Some(Rule::ClashingInterests));
    assert_eq!(connectors.status, resolved(CONNECTORS));
    assert_eq!(connectors.owner, "Lena Brandt");

    // Settled under a related-categories key: a price cap against a margin floor.
    let price = entry(s, "pair:i23+i27@1+2");
    assert_eq!(price.rule(), Some(Rule::ClashingInterests));
    assert_eq!(price.status, ConflictStatus::AcceptedRisk);
    assert_eq!(price.owner, "Sam Reyes");

    // No retired key is shown on the board itself.
    for e in board(s) {
        if let Source::Detected { key, .. } = &e.source {
            assert!(
                !sameside::domain::detect::legacy::is_retired(key),
                "{key} is on the board"
            );
        }
    }
}

#[test]
fn no_r_outcomes_are_kept_but_show_on_no_entry() {
    let history = load();
    let s = history.session();
    let gone = ConflictStatus::Dismissed {
        reason: "Globex does the work itself.".to_string(),
    };
    for key in ["no-r:r2@2", "no-r:r3@2"] {
        assert_eq!(s.outcomes.get(key).map(|o| &o.status), Some(&gone), "{key}");
    }
    let entries = board(s);
    let shown: Vec<&BoardEntry> = entries.iter().filter(|e| e.status == gone).collect();
    assert!(shown.is_empty(), "{shown:#?}");
    assert!(
        entries.iter().all(
            |e| !matches!(&e.source, Source::Detected { key, .. } if key.starts_with("no-r:"))
        ),
        "{entries:#?}"
    );
}

/// The file's events up to and including the settle under `key`.
fn replayed_through(key: &str) -> History {
    let history = load();
    let events = history.events();
    let n = events
        .iter()
        .position(|e| matches!(&e.change, Change::FindingSettled { key: k, .. } if k == key))
        .unwrap_or_else(|| panic!("{OLDER} settles {key}"));
    History::from_events(events[..=n].to_vec()).expect("the events replay")
}

#[test]
fn undoing_a_legacy_settle_reopens_the_pairs_inside_it() {
    let mut history = replayed_through("clash:i24+i28@1+2");
    assert_eq!(
        entry(history.session(), "pair:i24+i28@1+2").status,
        resolved(CONNECTORS)
    );
    let when = Utc.with_ymd_and_hms(2026, 11, 12, 12, 0, 0).unwrap();
    history
        .record(when, Change::Undo)
        .expect("the settle is undone");
    let reopened = entry(history.session(), "pair:i24+i28@1+2");
    assert_eq!(reopened.status, ConflictStatus::Open);
    assert_eq!(reopened.owner, "");
    assert!(!history.session().outcomes.contains_key("pair:i24+i28@1+2"));
    // And redo settles it again.
    history.record(when, Change::Redo).expect("redo");
    assert_eq!(
        entry(history.session(), "pair:i24+i28@1+2").status,
        resolved(CONNECTORS)
    );
}

#[test]
fn a_typo_key_that_is_not_retired_is_still_refused() {
    let mut history = load();
    let before = history.session().outcomes.clone();
    let when = Utc.with_ymd_and_hms(2026, 11, 12, 12, 0, 0).unwrap();
    for typo in ["clsh:i24+i28@1+2", "pair:i24+i99@1+2", "clash-i24+i28"] {
        assert_eq!(
            history.record(
                when,
                Change::FindingSettled {
                    key: typo.to_string(),
                    status: ConflictStatus::Parked,
                    owner: String::new(),
                },
            ),
            Err(ApplyError::UnknownFinding(typo.to_string())),
            "{typo}"
        );
    }
    assert_eq!(history.session().outcomes, before);
}

/// A retired key is accepted when recorded so that older files replay; one that covers
/// none of today's findings settles nothing, so a room recording it now should hear so,
/// as it does for any other key that names no finding.
#[test]
fn a_retired_key_over_no_finding_today_is_refused_when_recorded() {
    let mut history = load();
    let before = history.session().outcomes.clone();
    let when = Utc.with_ymd_and_hms(2026, 11, 12, 12, 0, 0).unwrap();
    let key = "clash:i98+i99@1+2";
    assert_eq!(
        history.record(
            when,
            Change::FindingSettled {
                key: key.to_string(),
                status: ConflictStatus::Parked,
                owner: String::new(),
            },
        ),
        Err(ApplyError::UnknownFinding(key.to_string()))
    );
    assert_eq!(history.session().outcomes, before);
}
