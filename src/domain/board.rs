//! The conflict board: the moderator's own conflicts and the detected ones in one list,
//! with the room's outcomes applied, and the readiness figures drawn from it. The
//! conflict check, the summary, the verdict rules and `sameside check` all read this.

use super::detect::{Finding, Rule, detect};
use super::session::{Conflict, ConflictStatus, ItemRef, Session};
use super::types::{ConflictCategory, ItemId, PartnerId, Severity};

/// Where a conflict on the board comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Entered by the moderator; edited and removed through its id.
    Moderator(ItemId),
    /// Found by a rule; settled through its key.
    Detected { key: String, rule: Rule },
}

/// One conflict as the room sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardEntry {
    pub source: Source,
    pub category: ConflictCategory,
    pub partners: Vec<PartnerId>,
    pub items: Vec<ItemRef>,
    pub description: String,
    pub severity: Severity,
    pub status: ConflictStatus,
    pub owner: String,
    /// The question for the room, for detected conflicts that have one.
    pub prompt: Option<String>,
    pub shared_terms: Vec<String>,
}

impl BoardEntry {
    pub fn is_detected(&self) -> bool {
        matches!(self.source, Source::Detected { .. })
    }

    pub fn rule(&self) -> Option<Rule> {
        match self.source {
            Source::Detected { rule, .. } => Some(rule),
            Source::Moderator(_) => None,
        }
    }

    fn from_conflict(c: &Conflict) -> BoardEntry {
        BoardEntry {
            source: Source::Moderator(c.id),
            category: c.category,
            partners: c.partners.clone(),
            items: c.items.clone(),
            description: c.description.clone(),
            severity: c.severity,
            status: c.status.clone(),
            owner: c.owner.clone(),
            prompt: None,
            shared_terms: Vec::new(),
        }
    }

    fn from_finding(f: Finding, session: &Session) -> BoardEntry {
        let outcome = session.outcomes.get(&f.key);
        BoardEntry {
            status: outcome.map_or(ConflictStatus::Open, |o| o.status.clone()),
            owner: outcome.map_or_else(String::new, |o| o.owner.clone()),
            source: Source::Detected {
                key: f.key,
                rule: f.rule,
            },
            category: f.category,
            partners: f.partners,
            items: f.items,
            description: f.explanation,
            severity: f.severity,
            prompt: f.prompt,
            shared_terms: f.shared_terms,
        }
    }
}

/// The board for `session`, given the findings already computed for it: moderator
/// conflicts first in the order entered, then detected ones worst first. A detected
/// conflict about exactly the items of a moderator's conflict in the same category is
/// the same conflict, and is shown once, as the moderator's.
pub fn board_from(session: &Session, findings: Vec<Finding>) -> Vec<BoardEntry> {
    let mut entries: Vec<BoardEntry> = session
        .conflicts
        .iter()
        .map(BoardEntry::from_conflict)
        .collect();
    for finding in findings {
        let duplicate = session.conflicts.iter().any(|c| {
            c.category == finding.category
                && !c.items.is_empty()
                && same_items(&c.items, &finding.items)
        });
        if !duplicate {
            entries.push(BoardEntry::from_finding(finding, session));
        }
    }
    entries
}

/// The board for `session`, running the rules.
pub fn board(session: &Session) -> Vec<BoardEntry> {
    board_from(session, detect(session))
}

fn same_items(a: &[ItemRef], b: &[ItemRef]) -> bool {
    let mut a = a.to_vec();
    let mut b = b.to_vec();
    a.sort();
    b.sort();
    a.dedup();
    b.dedup();
    a == b
}

/// How far the room has come with its conflicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Readiness {
    /// Conflicts still open, by severity (index = `Severity as usize`: low … critical).
    pub open: [usize; 4],
    pub parked: usize,
    /// Resolved or accepted as a risk.
    pub settled: usize,
    pub deal_breakers: usize,
    pub dismissed: usize,
}

impl Readiness {
    pub fn of(entries: &[BoardEntry]) -> Readiness {
        let mut r = Readiness::default();
        for e in entries {
            match &e.status {
                ConflictStatus::Open => r.open[severity_index(e.severity)] += 1,
                ConflictStatus::Parked => r.parked += 1,
                ConflictStatus::Resolved { .. } | ConflictStatus::AcceptedRisk => r.settled += 1,
                ConflictStatus::DealBreaker => r.deal_breakers += 1,
                ConflictStatus::Dismissed { .. } => r.dismissed += 1,
            }
        }
        r
    }

    pub fn open_total(&self) -> usize {
        self.open.iter().sum()
    }

    /// Conflicts that count (dismissed ones were judged not to be conflicts).
    pub fn total(&self) -> usize {
        self.open_total() + self.parked + self.settled + self.deal_breakers
    }

    /// Share of the conflicts that count which the room has decided on, 0–100.
    pub fn percent_decided(&self) -> usize {
        ((self.settled + self.deal_breakers) * 100)
            .checked_div(self.total())
            .unwrap_or(100)
    }

    /// "2 critical, 1 high open" style counts, worst first, or "none open".
    pub fn open_summary(&self) -> String {
        let parts: Vec<String> = Severity::ALL
            .iter()
            .rev()
            .filter(|s| self.open[severity_index(**s)] > 0)
            .map(|s| format!("{} {s}", self.open[severity_index(*s)]))
            .collect();
        if parts.is_empty() {
            "none open".to_string()
        } else {
            format!("{} open", parts.join(", "))
        }
    }
}

pub fn severity_index(severity: Severity) -> usize {
    match severity {
        Severity::Low => 0,
        Severity::Medium => 1,
        Severity::High => 2,
        Severity::Critical => 3,
    }
}

/// Agreements reached: every resolved conflict on the board with its agreement text.
pub fn agreements(entries: &[BoardEntry]) -> impl Iterator<Item = (&BoardEntry, &str)> {
    entries.iter().filter_map(|e| match &e.status {
        ConflictStatus::Resolved { agreement } => Some((e, agreement.as_str())),
        _ => None,
    })
}
