//! Two rules of the room that the wall and the notes must both keep: what was agreed at
//! the vision gate stays visible when it stops holding, and an action item whose day has
//! passed is called overdue.

#[path = "common/wall.rs"]
mod wall;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use sameside::domain::sample::example_proceed;
use sameside::domain::{ActionItem, Change, History, ItemId, Stage};
use sameside::export::csv::csv;
use sameside::export::html::html;
use sameside::export::json::json;
use sameside::export::markdown::markdown;
use sameside::export::{CsvTable, Notes};
use sameside::storage::Header;

fn generated() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap()
}

fn screen(history: &History, stage: Stage, now: DateTime<Utc>) -> String {
    wall::stage_text(history, stage, now, (220, 60))
}

fn exports(history: &History) -> (String, String) {
    let header = Header::for_history("t", None, history);
    let notes = Notes::new(history, &header, generated());
    (markdown(&notes), html(&notes))
}

// ---------------------------------------------------------------- the gate

#[test]
fn a_withdrawn_agreement_after_the_gate_is_named_on_the_wall_and_in_the_notes() {
    let mut history = example_proceed().unwrap();
    let first = history.session().partners[0].clone();
    let agreed_statement = history.session().statement.clone();
    let at = history.session().updated + Duration::minutes(5);
    history
        .record(
            at,
            Change::AgreementSet {
                partner: first.id,
                agreed: false,
            },
        )
        .unwrap();
    let when = at.format("%H:%M").to_string();
    let said = format!("{} withdrew agreement at {when}", first.name);

    let record = history.session().gate_record.clone().expect("gate record");
    assert_eq!(record.statement, agreed_statement);
    assert_eq!(record.withdrawn, vec![(first.id, at)]);

    let (md, page) = exports(&history);
    assert!(!md.contains("Every partner agreed"), "{md}");
    assert!(md.contains(&said), "{md}");
    assert!(md.contains("The gate was passed on"), "{md}");
    assert!(!page.contains("Every partner agreed"));
    assert!(page.contains(&said));

    let wall = screen(&history, Stage::Vision, at);
    assert!(
        wall.contains(&format!("⚠ Gate passed, but since then {said}")),
        "{wall}"
    );
    assert!(!wall.contains("✔ Gate passed"), "{wall}");

    // Agreeing again puts the gate back as it was.
    history
        .record(
            at + Duration::minutes(1),
            Change::AgreementSet {
                partner: first.id,
                agreed: true,
            },
        )
        .unwrap();
    let (md, _) = exports(&history);
    assert!(md.contains("Every partner agreed"), "{md}");
}

#[test]
fn a_statement_changed_after_the_gate_is_shown_as_changed_and_undo_takes_it_back() {
    let mut history = example_proceed().unwrap();
    let agreed_statement = history.session().statement.clone();
    let at = history.session().updated + Duration::minutes(5);
    history
        .record(
            at,
            Change::StatementSet {
                text: "Something else entirely".into(),
            },
        )
        .unwrap();
    let (md, page) = exports(&history);
    assert!(
        md.contains("the statement was changed after the gate"),
        "{md}"
    );
    assert!(md.contains(agreed_statement.trim()), "{md}");
    assert!(page.contains("the statement was changed after the gate"));
    let wall = screen(&history, Stage::Vision, at);
    assert!(
        wall.contains("⚠ Gate passed, but since then the statement was changed after the gate"),
        "{wall}"
    );

    history
        .record(at + Duration::minutes(1), Change::Undo)
        .unwrap();
    let record = history.session().gate_record.clone().expect("gate record");
    assert!(!record.has_drifted(), "{record:?}");
    let (md, _) = exports(&history);
    assert!(md.contains("Every partner agreed"), "{md}");
}

// ---------------------------------------------------------------- overdue

fn with_actions(days: &[(u32, &str)]) -> History {
    let mut history = example_proceed().unwrap();
    let mut at = history.session().updated;
    for (n, (day, text)) in days.iter().enumerate() {
        at += Duration::minutes(1);
        let action = ActionItem {
            id: ItemId(9000 + n as u32),
            text: (*text).to_string(),
            owner: "Sam".into(),
            due: NaiveDate::from_ymd_opt(2026, 11, *day),
        };
        history.record(at, Change::ActionAdded { action }).unwrap();
    }
    history
}

#[test]
fn today_is_not_overdue_and_yesterday_is() {
    let action = |day| ActionItem {
        id: ItemId(1),
        text: "x".into(),
        owner: String::new(),
        due: NaiveDate::from_ymd_opt(2026, 11, day),
    };
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    assert!(action(26).is_overdue(today));
    assert!(!action(27).is_overdue(today));
    assert!(!action(28).is_overdue(today));
}

#[test]
fn a_past_due_date_is_accepted_and_marked_overdue_in_every_export_and_on_the_summary() {
    // The notes are made on 27 November: the 20th has passed, the 27th is today.
    let history = with_actions(&[(20, "Send the term sheet"), (27, "Book the room")]);
    let header = Header::for_history("t", None, &history);
    let notes = Notes::new(&history, &header, generated());

    let md = markdown(&notes);
    let overdue_row = md
        .lines()
        .find(|l| l.contains("Send the term sheet"))
        .unwrap();
    assert!(overdue_row.contains("(overdue)"), "{overdue_row}");
    let today_row = md.lines().find(|l| l.contains("Book the room")).unwrap();
    assert!(!today_row.contains("overdue"), "{today_row}");

    assert!(html(&notes).contains("overdue</span>"));

    let table = csv(&notes, CsvTable::Actions);
    assert!(table.starts_with("text,owner,due,overdue"), "{table}");
    assert!(
        table.contains("Send the term sheet,Sam,2026-11-20,yes"),
        "{table}"
    );
    assert!(table.contains("Book the room,Sam,2026-11-27,no"), "{table}");

    let data: serde_json::Value = serde_json::from_str(&json(&notes).unwrap()).unwrap();
    let flags: Vec<(u64, bool)> = data["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["id"].as_u64().unwrap(), a["overdue"].as_bool().unwrap()))
        .filter(|(id, _)| *id >= 9000)
        .collect();
    assert_eq!(flags, [(9000, true), (9001, false)]);

    let wall = screen(&history, Stage::Summary, generated());
    let row = wall
        .lines()
        .find(|l| l.contains("Send the term sheet"))
        .unwrap();
    assert!(row.contains("2026-11-20 overdue"), "{row}");
    let row = wall.lines().find(|l| l.contains("Book the room")).unwrap();
    assert!(!row.contains("overdue"), "{row}");
}
