//! What the vision screen's keys ask for: the editors of the statement and of a
//! partner's answers, the changes a single key records, and what the editors' text
//! changes once submitted.

use crate::domain::{Change, GateDecision, Partner, Session, Stance};
use crate::tui::editor::EditorMode;
use crate::tui::intent::Intent;
use crate::tui::purpose::{FieldId, Purpose, Values, VisionPurpose};

pub(super) fn next_stance(stance: Option<Stance>) -> Option<Stance> {
    match stance {
        None => Some(Stance::Collaborator),
        Some(Stance::Collaborator) => Some(Stance::Coopetitor),
        Some(Stance::Coopetitor) => Some(Stance::Competitor),
        Some(Stance::Competitor) => None,
    }
}

pub(super) fn toggle_agreement(session: &Session, partner: &Partner) -> Intent {
    let agreed = !partner.vision.agreed;
    // Agreeing to an empty statement would let the gate pass on nothing at all.
    if agreed && session.statement.trim().is_empty() {
        return Intent::Status(
            "Write the shared statement first — there is nothing to agree to yet".to_string(),
        );
    }
    Intent::Record(vec![Change::AgreementSet {
        partner: partner.id,
        agreed,
    }])
}

pub(super) fn edit_statement(session: &Session) -> Intent {
    let agreed = session.partners.iter().filter(|p| p.vision.agreed).count();
    // Rewriting the statement withdraws every agreement (see StatementSet); say so before
    // anyone types, not after.
    let title = if agreed > 0 {
        "Shared opportunity — changing it withdraws the agreements given".to_string()
    } else {
        "Shared opportunity".to_string()
    };
    Intent::Edit {
        title,
        initial: session.statement.clone(),
        mode: EditorMode::MultiLine,
        purpose: Purpose::Vision(VisionPurpose::Statement),
    }
}

pub(super) fn edit_view(partner: &Partner) -> Intent {
    Intent::Edit {
        title: format!("{}: its view of the opportunity", partner.name),
        initial: partner.vision.view.clone(),
        mode: EditorMode::MultiLine,
        purpose: Purpose::Vision(VisionPurpose::View(partner.id)),
    }
}

pub(super) fn edit_why_not_alone(partner: &Partner) -> Intent {
    Intent::Edit {
        title: format!("{}: why it cannot pursue this as well alone", partner.name),
        initial: partner.vision.why_not_alone.clone(),
        mode: EditorMode::MultiLine,
        purpose: Purpose::Vision(VisionPurpose::WhyNotAlone(partner.id)),
    }
}

pub(super) fn edit_alignment(partner: &Partner) -> Intent {
    Intent::Edit {
        title: format!(
            "{}: alignment with the statement, 1 (far apart) to 5 (fully aligned); empty clears",
            partner.name
        ),
        initial: partner
            .vision
            .alignment
            .map(|n| n.to_string())
            .unwrap_or_default(),
        mode: EditorMode::SingleLine,
        purpose: Purpose::Vision(VisionPurpose::Alignment(partner.id)),
    }
}

/// The changes the vision's editors ask for, by what each was for.
pub fn submit(
    purpose: &VisionPurpose,
    values: &Values,
    session: &Session,
) -> Result<Vec<Change>, String> {
    let text = values.text(FieldId::Text).to_string();
    match *purpose {
        VisionPurpose::Statement => {
            // An unchanged statement must not cost the partners their agreement.
            if text == session.statement {
                return Ok(Vec::new());
            }
            Ok(vec![Change::StatementSet { text }])
        }
        VisionPurpose::View(partner) => {
            if session
                .partner(partner)
                .is_some_and(|p| p.vision.view == text)
            {
                return Ok(Vec::new());
            }
            Ok(vec![Change::ViewSet { partner, text }])
        }
        VisionPurpose::WhyNotAlone(partner) => {
            if session
                .partner(partner)
                .is_some_and(|p| p.vision.why_not_alone == text)
            {
                return Ok(Vec::new());
            }
            Ok(vec![Change::WhyNotAloneSet { partner, text }])
        }
        VisionPurpose::Alignment(partner) => {
            let score = if text.is_empty() {
                None
            } else {
                match text.parse::<u8>() {
                    Ok(n @ 1..=5) => Some(n),
                    _ => {
                        return Err(format!(
                            "'{text}' is not a score: type 1 to 5, or leave it empty to clear"
                        ));
                    }
                }
            };
            Ok(vec![Change::AlignmentSet { partner, score }])
        }
        VisionPurpose::PassReason { then } => {
            if text.is_empty() {
                return Err(
                    "Say why the partners take a pass: the summary records the reason".to_string(),
                );
            }
            Ok(vec![
                Change::GateDecided {
                    decision: GateDecision::TakeAPass { reason: text },
                },
                Change::MovedTo { stage: then },
            ])
        }
        VisionPurpose::OverrideReason { then } => {
            if text.is_empty() {
                return Err(
                    "An override needs a reason: it is recorded with the decision".to_string(),
                );
            }
            Ok(vec![
                Change::GateDecided {
                    decision: GateDecision::Proceed {
                        override_reason: Some(text),
                    },
                },
                Change::MovedTo { stage: then },
            ])
        }
    }
}
