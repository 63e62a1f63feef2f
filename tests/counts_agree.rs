//! The summary screen, the Markdown and HTML notes, the JSON export and `sameside check`
//! print the same numbers for the same session: conflicts on the board, open ones, and
//! planned against actual minutes. Before they shared one definition, the summary said
//! 22 open where the notes said 20, the HTML counted 27 on the board where the Markdown
//! said 30, and a session that took a pass planned 100 minutes on screen and 35 in the notes.

#[path = "common/wall.rs"]
mod wall;

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{DateTime, TimeZone, Utc};
use sameside::domain::board::board;
use sameside::domain::tally::{Tally, TimeTally};
use sameside::domain::{Change, ConflictStatus, History, Stage, sample};
use sameside::export::html::html;
use sameside::export::json::json;
use sameside::export::markdown::markdown;
use sameside::export::{Notes, minutes};
use sameside::storage::Header;
use sameside::storage::store::{read_session, save_session};

const EXAMPLES: [&str; 2] = [
    "2026-11-12-northwind-globex-plant-floor-analytics.ron",
    "2026-11-19-acme-robotics-initech-vision-embedded-oem-deal.ron",
];

fn generated() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap()
}

fn example(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sessions")
        .join(name)
}

/// The summary screen as text, one string with rows joined by newlines.
fn summary_screen(history: &History) -> String {
    wall::stage_text(history, Stage::Summary, generated(), (200, 60))
}

fn check_line(path: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_sameside"))
        .arg("check")
        .arg(path)
        .env("SAMESIDE_DIR", path.parent().unwrap())
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn duration(mins: u64) -> String {
    if mins >= 60 {
        format!("{} h {:02} min", mins / 60, mins % 60)
    } else {
        format!("{mins} min")
    }
}

/// Every place that prints counts, checked against the one definition.
fn all_agree(path: &Path) {
    let (header, history) = read_session(path).unwrap();
    let session = history.session();
    let notes = Notes::new(&history, &header, generated());
    let tally = Tally::of(&notes.board);
    let time = TimeTally::of(session);
    let name = path.display();

    let md = markdown(&notes);
    let page = html(&notes);
    let data: serde_json::Value = serde_json::from_str(&json(&notes).unwrap()).unwrap();
    let screen = summary_screen(&history);
    let check = check_line(path);

    // Time: the plan leaves out stages that were not held, everywhere.
    let total_row = md
        .lines()
        .find(|l| l.starts_with("| **Total**"))
        .unwrap_or_else(|| panic!("{name}: no total row"));
    let cells: Vec<&str> = total_row.split('|').map(str::trim).collect();
    assert_eq!(
        cells[2],
        format!("{} min", time.planned),
        "{name}: {total_row}"
    );
    assert_eq!(
        cells[3],
        format!("{} min", time.actual),
        "{name}: {total_row}"
    );
    assert!(
        page.contains(&format!(
            "{} spent of {} planned.",
            duration(time.actual),
            duration(time.planned)
        )),
        "{name}: HTML time"
    );
    assert!(
        screen.contains(&format!("total {} / {} min", time.planned, time.actual)),
        "{name}: summary screen time\n{screen}"
    );
    assert_eq!(data["counts"]["planned_minutes"], time.planned, "{name}");
    assert_eq!(data["counts"]["actual_minutes"], time.actual, "{name}");
    assert_eq!(
        time.actual,
        minutes(session.clock.total_spent_seconds()),
        "{name}"
    );

    // Conflicts.
    assert!(
        check.contains(&format!("conflicts: {} on the board, ", tally.on_board())),
        "{name}: {check}"
    );
    assert_eq!(data["counts"]["on_board"], tally.on_board(), "{name}");
    assert_eq!(data["counts"]["open"], tally.open(), "{name}");
    assert_eq!(data["counts"]["parked"], tally.parked(), "{name}");
    assert_eq!(data["counts"]["dismissed"], tally.dismissed(), "{name}");
    if session.reached >= Stage::Conflicts
        && sameside::domain::change::stage_lock(session, Stage::Conflicts).is_none()
    {
        let noun = if tally.on_board() == 1 {
            "conflict"
        } else {
            "conflicts"
        };
        assert!(
            md.contains(&format!("{} {noun} on the board:", tally.on_board())),
            "{name}: Markdown board"
        );
        assert!(
            md.contains(&format!("### Open ({})", tally.open())),
            "{name}: Markdown open"
        );
        assert!(
            page.contains(&format!(
                "<dt>conflicts on the board</dt><dd>{}</dd>",
                tally.on_board()
            )),
            "{name}: HTML board"
        );
        assert!(
            page.contains(&format!("<dt>still open</dt><dd>{}</dd>", tally.open())),
            "{name}: HTML open"
        );
        assert!(
            screen.contains(&format!("OPEN CONFLICTS  {}", tally.open())),
            "{name}: summary screen open\n{screen}"
        );
    }
}

#[test]
fn the_shipped_examples_print_the_same_counts_everywhere() {
    for name in EXAMPLES {
        all_agree(&example(name));
    }
}

#[test]
fn a_generated_session_prints_the_same_counts_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.ron");
    let mut history = sample::large(3, 80, 400).unwrap();
    // Give the conflicts every outcome in turn: parked, a risk, resolved, a
    // deal-breaker, left open.
    let conflicts = history.session().conflicts.clone();
    let mut at = history.session().updated;
    for (n, mut conflict) in conflicts.into_iter().enumerate() {
        conflict.status = match n % 5 {
            0 => ConflictStatus::Parked,
            1 => ConflictStatus::AcceptedRisk,
            2 => ConflictStatus::Resolved {
                agreement: "agreed".into(),
            },
            3 => ConflictStatus::DealBreaker,
            _ => continue,
        };
        at += chrono::Duration::seconds(30);
        history
            .record(at, Change::ConflictEdited { conflict })
            .unwrap();
    }
    let header = Header::for_history("large", None, &history);
    save_session(&path, &header, &history).unwrap();
    let tally = Tally::of(&board(history.session()));
    // The point of the test: a board with parked conflicts and deal-breakers, where the
    // old counts parted ways (the Northwind example has dismissed ones).
    assert!(
        tally.parked() > 0 && tally.deal_breakers() > 0 && tally.open() > 0,
        "{tally:?}"
    );
    all_agree(&path);
}

#[test]
fn a_pass_at_the_gate_plans_only_the_stages_that_were_held() {
    let (_, history) = read_session(&example(EXAMPLES[1])).unwrap();
    let time = TimeTally::of(history.session());
    // 25 minutes of vision and 10 of summary; the role split, the interests and the
    // conflict check were never going to run.
    assert_eq!(time.planned, 35);
    let held: Vec<Stage> = time
        .stages
        .iter()
        .filter(|s| s.actual.is_some())
        .map(|s| s.stage)
        .collect();
    assert_eq!(held, [Stage::Vision, Stage::Summary]);
    let screen = summary_screen(&history);
    assert!(screen.contains("total 35 / 26 min"), "{screen}");
    assert!(!screen.contains("total 100"), "{screen}");
}
