//! Finds the conflicts that the earlier stages already contain. Each rule reads the
//! session and reports findings: which partners, which items, how severe, and one
//! sentence a room can read aloud. Rules are listed in one table (`RULES`); adding a rule
//! means writing one function and adding one row.
//!
//! A finding's `key` names the rule and the exact items involved. It stays the same for
//! as long as those items exist, which is what lets the room's outcome for a finding
//! survive later edits that do not touch it.

mod fast_hash;
pub mod legacy;
mod pair_set;
mod pairs;
pub mod places;
mod rules;
mod signals;
pub mod terms;
pub mod topics;

use serde::{Deserialize, Serialize};

use super::gate::stage_lock;
use super::session::{ItemRef, Session};
use super::stage::Stage;
use super::types::{ConflictCategory, PartnerId, Severity};

pub use rules::RULES;

/// The rules the engine knows. Stored in session files (with a finding's outcome), so
/// variants are only ever added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Rule {
    ClashingInterests,
    SharedTerms,
    TwoAccountable,
    NobodyAccountable,
    NobodyResponsible,
    HoleLeftToPartner,
    InterestVsRole,
    VisionGap,
}

impl Rule {
    pub fn label(self) -> &'static str {
        RULES
            .iter()
            .find(|r| r.rule == self)
            .map_or("rule", |r| r.name)
    }
}

/// A conflict the engine found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Stable identity: the rule and the exact items (see the module comment).
    pub key: String,
    pub rule: Rule,
    pub category: ConflictCategory,
    pub partners: Vec<PartnerId>,
    pub items: Vec<ItemRef>,
    pub severity: Severity,
    /// One plain sentence that says why this is a conflict.
    pub explanation: String,
    /// The words two partners share, for the shared-terms rule.
    pub shared_terms: Vec<String>,
    /// A question for the room, where the rule has one.
    pub prompt: Option<String>,
}

/// One row of the rule table.
pub struct RuleDef {
    pub rule: Rule,
    /// The stage whose content the rule reads. A rule runs once the session has reached
    /// that stage: roles nobody has discussed yet are not a conflict.
    pub reads: Stage,
    /// The name shown with each finding ("found by: two accountable").
    pub name: &'static str,
    /// What the rule looks for, for the help screen and the docs.
    pub looks_for: &'static str,
    pub run: fn(&Session, &mut Vec<Finding>),
}

/// Every finding in `session`, ordered by severity (worst first), then by key, so the same
/// session always gives the same list.
pub fn detect(session: &Session) -> Vec<Finding> {
    let mut findings = Vec::new();
    // A rule runs once its stage has been reached and while it is open: after a pass at
    // the vision gate, roles and interests are not the room's business any more.
    let runs = |r: &&RuleDef| session.reached >= r.reads && stage_lock(session, r.reads).is_none();
    for rule in RULES.iter().filter(runs) {
        (rule.run)(session, &mut findings);
    }
    // The key also names the partners, so an outcome agreed with one partner does not
    // carry over when the same item is handed to another (a hole given to a new filler).
    let mut partners: Vec<u32> = Vec::new();
    for finding in &mut findings {
        partners.clear();
        partners.extend(finding.partners.iter().map(|p| p.0));
        partners.sort_unstable();
        partners.dedup();
        finding.key.push('@');
        for (n, p) in partners.iter().enumerate() {
            if n > 0 {
                finding.key.push('+');
            }
            push_number(&mut finding.key, *p);
        }
    }
    findings.sort_by(|a, b| b.severity.cmp(&a.severity).then_with(|| a.key.cmp(&b.key)));
    findings.dedup_by(|a, b| a.key == b.key);
    findings
}

/// The part of a key that names items: `i12+r3+v1`, sorted by kind and id.
pub(crate) fn items_key(items: &[ItemRef]) -> String {
    let mut sorted: Vec<(char, u32)> = items
        .iter()
        .map(|item| match item {
            ItemRef::Interest(id) => ('i', id.0),
            ItemRef::Role(id) => ('r', id.0),
            ItemRef::Hole(id) => ('h', id.0),
            ItemRef::Vision(p) => ('v', p.0),
        })
        .collect();
    // The same order as sorting the references: by kind (interest, role, hole, vision),
    // then by id.
    let rank = |kind: char| match kind {
        'i' => 0,
        'r' => 1,
        'h' => 2,
        _ => 3,
    };
    sorted.sort_unstable_by_key(|&(kind, id)| (rank(kind), id));
    sorted.dedup();
    let mut key = String::with_capacity(sorted.len() * 6);
    for (n, (kind, id)) in sorted.into_iter().enumerate() {
        if n > 0 {
            key.push('+');
        }
        key.push(kind);
        push_number(&mut key, id);
    }
    key
}

/// Writes `n` in decimal. A large session's keys name tens of thousands of items per
/// change, and the formatting machinery cost more than everything else in a key.
pub(crate) fn push_number(out: &mut String, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

#[cfg(test)]
mod tests;
