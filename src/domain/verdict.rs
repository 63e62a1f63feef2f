//! The room's rules for the verdict: which verdicts the session allows now, and the rule
//! that ties the verdict to the conflict board — a plain "proceed" never stands over a
//! deal-breaker. The change guard refuses what breaks them and the summary screen asks
//! here what to offer, so each rule is written once.

use super::board::{BoardEntry, board};
use super::session::{ConflictStatus, GateDecision, Session};
use super::types::Verdict;

/// The deal-breakers on `board` in board order: each one rules out a plain "proceed".
/// Entered and detected conflicts count alike; a detected one counts only while its
/// finding is on the board (an outcome whose items changed no longer stands).
pub fn blocking_deal_breakers(board: &[BoardEntry]) -> Vec<&BoardEntry> {
    board
        .iter()
        .filter(|e| e.status == ConflictStatus::DealBreaker)
        .collect()
}

/// True when a deal-breaker stands on the board of `session`, entered or detected.
pub fn has_deal_breaker(session: &Session) -> bool {
    // An entered conflict is always on the board, so it settles the question without
    // running the rules; those take milliseconds in a big session and this is asked after
    // every change under a plain "proceed".
    if session
        .conflicts
        .iter()
        .any(|c| c.status == ConflictStatus::DealBreaker)
    {
        return true;
    }
    session
        .outcomes
        .values()
        .any(|o| o.status == ConflictStatus::DealBreaker)
        && !blocking_deal_breakers(&board(session)).is_empty()
}

// Defined here rather than in `session` so that the session's module stays below the
// board and the rules: `Session` is plain state, this is a room rule about it.
impl Session {
    /// True when a deal-breaker stands, entered or detected.
    pub fn has_deal_breaker(&self) -> bool {
        has_deal_breaker(self)
    }
}

/// Why `verdict` cannot be chosen now, if it cannot.
pub fn verdict_block(session: &Session, verdict: Verdict) -> Option<&'static str> {
    match (verdict, &session.gate) {
        (_, None) => Some("the vision gate has not been decided"),
        (
            Verdict::Proceed | Verdict::ProceedWithConditions,
            Some(GateDecision::TakeAPass { .. }),
        ) => Some("the partners took a pass at the vision gate; reopen the gate to change that"),
        (Verdict::Proceed, _) if has_deal_breaker(session) => {
            Some("a deal-breaker is on the table: proceed with conditions or take a pass")
        }
        _ => None,
    }
}

/// Why a conflict cannot be given `status` now, if it cannot: a deal-breaker cannot
/// appear under a plain "proceed" verdict. The verdict has to change first, so the two
/// never contradict each other.
pub fn deal_breaker_block(session: &Session, status: &ConflictStatus) -> Option<&'static str> {
    (*status == ConflictStatus::DealBreaker && session.verdict == Some(Verdict::Proceed))
        .then_some("the verdict is a plain proceed; change it before calling this a deal-breaker")
}

/// Why the state `session` is in after an edit breaks the verdict rule, if it does: any
/// edit can bring a settled deal-breaker back onto the board (an interest made firm
/// again, a moderator's copy removed), which under a plain "proceed" is a contradiction.
pub fn proceed_contradicted(session: &Session) -> Option<&'static str> {
    (session.verdict == Some(Verdict::Proceed) && has_deal_breaker(session)).then_some(
        "this would put a deal-breaker on the table under a plain proceed verdict; change the verdict first",
    )
}
