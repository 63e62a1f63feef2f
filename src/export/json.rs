//! The session as JSON, for other tools: the state, the conflict board as the room saw it,
//! the decisions and the whole event record. Field by field in docs/session-format.md,
//! section "JSON export".
//!
//! The session and the events are serialised exactly as serde gives them, with the same
//! names as the RON file, so a tool that reads one reads the other and
//! `serde_json::from_str::<Session>` gives the session back. The board is not part of the
//! state (it is recomputed from it), so it gets its own small shape here.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::Notes;
use crate::domain::board::{BoardEntry, Source};
use crate::domain::detect::Rule;
use crate::domain::tally::{Tally, TimeTally};
use crate::domain::{
    ConflictCategory, ConflictStatus, Event, ItemId, ItemRef, PartnerId, Session, Severity,
};
use crate::storage::Header;

/// What the `format` field says, so a tool can tell this file from others.
pub const FORMAT: &str = "sameside-export";
/// The layout's version; raised when a field changes meaning or goes away.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Export<'a> {
    format: &'static str,
    version: u32,
    generated: DateTime<Utc>,
    header: &'a Header,
    session: &'a Session,
    board: Vec<BoardJson<'a>>,
    counts: Counts,
    actions: Vec<ActionJson>,
    decisions: Vec<Decision>,
    events: &'a [Event],
}

#[derive(Serialize)]
struct BoardJson<'a> {
    /// "entered" (by the moderator) or "detected" (by a rule).
    source: &'static str,
    /// The moderator's conflict this is, for entered ones.
    conflict: Option<ItemId>,
    /// The rule that found it, for detected ones, as named in the session file.
    rule: Option<Rule>,
    /// The rule's name in words ("two accountable").
    rule_name: Option<&'static str>,
    /// The finding's key, under which the room's outcome is stored.
    key: Option<&'a str>,
    category: ConflictCategory,
    severity: Severity,
    partners: &'a [PartnerId],
    items: &'a [ItemRef],
    description: &'a str,
    status: &'a ConflictStatus,
    owner: &'a str,
    prompt: Option<&'a str>,
    shared_terms: &'a [String],
}

/// The figures the notes print, as `Tally` and `TimeTally` define them.
#[derive(Serialize)]
struct Counts {
    on_board: usize,
    entered: usize,
    found: usize,
    open: usize,
    parked: usize,
    settled: usize,
    deal_breakers: usize,
    dismissed: usize,
    agreements: usize,
    planned_minutes: u64,
    actual_minutes: u64,
}

/// Each action item's standing on the day the notes were made.
#[derive(Serialize)]
struct ActionJson {
    id: ItemId,
    overdue: bool,
}

#[derive(Serialize)]
struct Decision {
    at: DateTime<Utc>,
    text: String,
}

impl<'a> BoardJson<'a> {
    fn of(entry: &'a BoardEntry) -> BoardJson<'a> {
        let (source, conflict, rule, key) = match &entry.source {
            Source::Moderator(id) => ("entered", Some(*id), None, None),
            Source::Detected { key, rule } => ("detected", None, Some(*rule), Some(key.as_str())),
        };
        BoardJson {
            source,
            conflict,
            rule,
            rule_name: rule.map(Rule::label),
            key,
            category: entry.category,
            severity: entry.severity,
            partners: &entry.partners,
            items: &entry.items,
            description: &entry.description,
            status: &entry.status,
            owner: &entry.owner,
            prompt: entry.prompt.as_deref(),
            shared_terms: &entry.shared_terms,
        }
    }
}

/// The whole export as pretty-printed JSON, ending with a newline.
pub fn json(notes: &Notes) -> Result<String, serde_json::Error> {
    let export = Export {
        format: FORMAT,
        version: VERSION,
        generated: notes.generated,
        header: notes.header,
        session: notes.session,
        board: notes.board.iter().map(BoardJson::of).collect(),
        counts: counts(notes),
        actions: notes
            .session
            .actions
            .iter()
            .map(|a| ActionJson {
                id: a.id,
                overdue: a.is_overdue(notes.generated.date_naive()),
            })
            .collect(),
        decisions: notes
            .decision_log()
            .into_iter()
            .map(|(at, text)| Decision { at, text })
            .collect(),
        events: notes.history.events(),
    };
    let mut text = serde_json::to_string_pretty(&export)?;
    text.push('\n');
    Ok(text)
}

fn counts(notes: &Notes) -> Counts {
    let tally = Tally::of(&notes.board);
    let time = TimeTally::of(notes.session);
    Counts {
        on_board: tally.on_board(),
        entered: tally.entered,
        found: tally.found,
        open: tally.open(),
        parked: tally.parked(),
        settled: tally.settled(),
        deal_breakers: tally.deal_breakers(),
        dismissed: tally.dismissed(),
        agreements: tally.agreements,
        planned_minutes: time.planned,
        actual_minutes: time.actual,
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::json;
    use crate::domain::sample::example_proceed;
    use crate::export::Notes;
    use crate::storage::Header;

    #[test]
    fn export_names_its_format_and_gives_the_session_back() {
        let history = example_proceed().unwrap();
        let header = Header::for_history("t", None, &history);
        let at = Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap();
        let text = json(&Notes::new(&history, &header, at)).unwrap();
        assert!(text.starts_with("{\n  \"format\": \"sameside-export\",\n  \"version\": 1,"));
        assert!(text.ends_with("}\n"));
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let session: crate::domain::Session =
            serde_json::from_value(value["session"].clone()).unwrap();
        assert_eq!(&session, history.session());
        assert_eq!(value["board"][0]["source"], "entered");
        assert_eq!(value["board"][1]["rule"], "ClashingInterests");
    }
}
