//! Two complete sessions scripted change by change, the way a moderator would have made
//! them: one that proceeds, one that takes a pass at the vision gate. They are the
//! example files shipped in `sessions/`, the example on the home screen, and the data
//! tests and benchmarks run on.

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::change::{ApplyError, Change};
use super::history::History;
use super::session::*;
use super::stage::Stage;
use super::types::*;

pub use big::{large, many_interests};
pub use pass::example_pass;
pub use proceed::example_proceed;

mod big;
mod pass;
mod proceed;

/// Records changes a realistic number of seconds apart.
struct Script {
    history: History,
    at: DateTime<Utc>,
}

impl Script {
    fn start(at: DateTime<Utc>, created: Change) -> Result<Script, ApplyError> {
        Ok(Script {
            history: History::create(at, created)?,
            at,
        })
    }

    fn after(&mut self, seconds: i64, change: Change) -> Result<(), ApplyError> {
        self.at += Duration::seconds(seconds);
        self.history.record(self.at, change).map(|_| ())
    }

    fn id(&self) -> ItemId {
        self.history.session().fresh_id()
    }

    /// Leaves the current stage for `stage`, recording the time spent as the app does.
    fn move_to(&mut self, stage: Stage, spent: i64) -> Result<(), ApplyError> {
        let current = self.history.session().current;
        self.after(
            spent,
            Change::TimeSpent {
                stage: current,
                seconds: spent.unsigned_abs(),
            },
        )?;
        self.after(0, Change::MovedTo { stage })
    }

    fn rep(
        &mut self,
        partner: PartnerId,
        name: &str,
        function: Function,
    ) -> Result<(), ApplyError> {
        let representative = Representative {
            id: self.id(),
            name: name.into(),
            function,
        };
        self.after(
            20,
            Change::RepresentativeAdded {
                partner,
                representative,
            },
        )
    }

    fn interest(
        &mut self,
        partner: PartnerId,
        statement: &str,
        category: InterestCategory,
        weight: Weight,
        function: Function,
    ) -> Result<(), ApplyError> {
        let interest = Interest {
            id: self.id(),
            partner,
            statement: statement.into(),
            category,
            weight,
            function,
        };
        self.after(75, Change::InterestAdded { interest })
    }

    /// Writes the statement, has every partner agree, and passes the vision gate.
    fn pass_gate(&mut self, statement: &str) -> Result<(), ApplyError> {
        self.after(
            5,
            Change::StatementSet {
                text: statement.into(),
            },
        )?;
        let partners: Vec<PartnerId> = self
            .history
            .session()
            .partners
            .iter()
            .map(|p| p.id)
            .collect();
        for partner in partners {
            self.after(
                5,
                Change::AgreementSet {
                    partner,
                    agreed: true,
                },
            )?;
        }
        self.after(
            5,
            Change::GateDecided {
                decision: GateDecision::Proceed {
                    override_reason: None,
                },
            },
        )
    }

    /// Records the room's outcome for the detected conflict of `rule` whose sentence
    /// mentions `about`, as the conflict check does.
    fn settle(
        &mut self,
        rule: super::detect::Rule,
        about: &str,
        seconds: i64,
        status: ConflictStatus,
        owner: &str,
    ) -> Result<(), ApplyError> {
        let key = super::detect::detect(self.history.session())
            .into_iter()
            .find(|f| f.rule == rule && f.explanation.contains(about))
            .map(|f| f.key)
            .ok_or(ApplyError::UnknownFinding(format!(
                "{rule:?} about {about}"
            )))?;
        self.after(
            seconds,
            Change::FindingSettled {
                key,
                status,
                owner: owner.into(),
            },
        )
    }

    fn raci(&mut self, role_name: &str, letters: &[(PartnerId, Raci)]) -> Result<(), ApplyError> {
        let role = self
            .history
            .session()
            .roles
            .iter()
            .find(|r| r.name == role_name)
            .map(|r| r.id)
            .ok_or(ApplyError::Empty("a role with that name in the template"))?;
        for (partner, letter) in letters {
            self.after(
                15,
                Change::RaciSet {
                    role,
                    partner: *partner,
                    letter: Some(*letter),
                },
            )?;
        }
        Ok(())
    }
}

fn time(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0)
        .single()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
