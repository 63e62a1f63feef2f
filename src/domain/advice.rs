//! Advice for the room about the RACI grid: things worth a look that are not a conflict
//! between partners, so they never reach the conflict board and carry no severity.
//!
//! With one RACI letter per partner and role, most roles end up with an accountable
//! partner and nobody marked responsible. That is usually because the accountable partner
//! also does the work (its A cannot also be an R), not because the partners disagree. The
//! role split asks, in calm words; where another partner does the work, the room marks it
//! R and the question goes away.

use super::gate::stage_lock;
use super::session::{Role, Session};
use super::stage::Stage;
use super::types::ItemId;

/// One piece of advice about one role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleAdvice {
    pub role: ItemId,
    /// A question the moderator can read aloud.
    pub text: String,
}

/// What the room may want to look at in the RACI grid that is not a conflict between
/// partners: a role with one accountable partner and nobody responsible ("Acme answers
/// for 'Billing'; is Acme also doing it? If another partner does the work, mark that partner R."). In role order.
pub fn role_advice(session: &Session) -> Vec<RoleAdvice> {
    if !gives_advice(session) {
        return Vec::new();
    }
    session
        .roles
        .iter()
        .filter_map(|role| advice_on(session, role))
        .collect()
}

/// The advice on one role, if it has any: the same answer `role_advice` gives for it,
/// without building the whole list (a long table asks row by row).
pub fn advice_for(session: &Session, role: &Role) -> Option<RoleAdvice> {
    if gives_advice(session) {
        advice_on(session, role)
    } else {
        None
    }
}

/// Advice starts once the room has reached the role split, and stops where the session
/// does not show it (before the vision gate is decided, or after a pass): a role nobody
/// has discussed yet has nothing to advise on.
fn gives_advice(session: &Session) -> bool {
    session.reached >= Stage::Roles && stage_lock(session, Stage::Roles).is_none()
}

fn advice_on(session: &Session, role: &Role) -> Option<RoleAdvice> {
    // Nobody accountable, or more than one, is a conflict the board names; advice would
    // only talk over it.
    let [accountable] = role.accountable()[..] else {
        return None;
    };
    if !role.responsible().is_empty() {
        return None;
    }
    let who = session.partner_name(accountable);
    Some(RoleAdvice {
        role: role.id,
        text: format!(
            "{who} answers for {}; is {who} also doing it? If another partner does the work, mark that partner R.",
            quote(&role.name)
        ),
    })
}

/// A role name in quotes on one line, cut so the question stays readable aloud.
fn quote(text: &str) -> String {
    const MAX: usize = 50;
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.is_empty() {
        return "an unnamed role".to_string();
    }
    if one_line.chars().count() > MAX {
        let cut: String = one_line.chars().take(MAX - 1).collect();
        format!("'{}…'", cut.trim_end())
    } else {
        format!("'{one_line}'")
    }
}
