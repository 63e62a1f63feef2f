//! The stages of a session, in the order the method walks them, and the timeboxes that
//! keep each one honest.

use serde::{Deserialize, Serialize};

/// One step of the method. The order of the variants is the order of the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Stage {
    Vision,
    Roles,
    Interests,
    Conflicts,
    Summary,
}

impl Stage {
    pub const ALL: [Stage; 5] = [
        Stage::Vision,
        Stage::Roles,
        Stage::Interests,
        Stage::Conflicts,
        Stage::Summary,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Stage::Vision => "Market vision",
            Stage::Roles => "Role split",
            Stage::Interests => "Self-interests",
            Stage::Conflicts => "Conflict check",
            Stage::Summary => "Summary",
        }
    }

    /// The 1-based step number shown in the header ("Summary" is step 5).
    pub fn number(self) -> usize {
        self.index() + 1
    }

    pub fn index(self) -> usize {
        match self {
            Stage::Vision => 0,
            Stage::Roles => 1,
            Stage::Interests => 2,
            Stage::Conflicts => 3,
            Stage::Summary => 4,
        }
    }

    pub fn next(self) -> Option<Stage> {
        Stage::ALL.get(self.index() + 1).copied()
    }

    pub fn prev(self) -> Option<Stage> {
        self.index()
            .checked_sub(1)
            .and_then(|i| Stage::ALL.get(i).copied())
    }

    /// Minutes a stage gets unless the room changes it; the vision and the disclosure of
    /// interests are where rooms most often run long, so they get the most.
    pub fn default_timebox_minutes(self) -> u32 {
        match self {
            Stage::Vision => 25,
            Stage::Roles => 20,
            Stage::Interests => 25,
            Stage::Conflicts => 20,
            Stage::Summary => 10,
        }
    }
}

impl std::fmt::Display for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// Planned minutes and recorded seconds for every stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageClock {
    timebox_minutes: [u32; 5],
    spent_seconds: [u64; 5],
}

impl Default for StageClock {
    fn default() -> Self {
        StageClock {
            timebox_minutes: Stage::ALL.map(Stage::default_timebox_minutes),
            spent_seconds: [0; 5],
        }
    }
}

impl StageClock {
    pub fn timebox_minutes(&self, stage: Stage) -> u32 {
        self.timebox_minutes[stage.index()]
    }

    pub fn set_timebox_minutes(&mut self, stage: Stage, minutes: u32) {
        self.timebox_minutes[stage.index()] = minutes;
    }

    pub fn spent_seconds(&self, stage: Stage) -> u64 {
        self.spent_seconds[stage.index()]
    }

    pub fn add_spent(&mut self, stage: Stage, seconds: u64) {
        let slot = &mut self.spent_seconds[stage.index()];
        *slot = slot.saturating_add(seconds);
    }

    pub fn total_spent_seconds(&self) -> u64 {
        self.spent_seconds.iter().sum()
    }

    pub fn total_timebox_minutes(&self) -> u32 {
        self.timebox_minutes.iter().sum()
    }
}

#[cfg(test)]
mod tests;
