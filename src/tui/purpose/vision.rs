//! What the market vision's editors are for.

use crate::domain::{PartnerId, Stage};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VisionPurpose {
    /// The shared statement of the opportunity.
    Statement,
    /// A partner's view of the opportunity.
    View(PartnerId),
    /// Why a partner cannot pursue it as well alone.
    WhyNotAlone(PartnerId),
    /// A partner's alignment score, 1 to 5, or empty to clear.
    Alignment(PartnerId),
    /// The reason to take a pass at the gate; the wall then moves to `then`.
    PassReason { then: Stage },
    /// The reason to override the gate and proceed; the wall then moves to `then`.
    OverrideReason { then: Stage },
}
