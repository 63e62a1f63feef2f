//! What the vision screen's keys ask for: the editors of the statement and of a
//! partner's answers, and the changes a single key records.

use crate::domain::{Change, Partner, Session, Stance};
use crate::tui::editor::EditorMode;
use crate::tui::intent::Intent;

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
        on_submit: Box::new(|text: String, session: &Session| {
            let text = text.trim().to_string();
            // An unchanged statement must not cost the partners their agreement.
            if text == session.statement {
                return Ok(Vec::new());
            }
            Ok(vec![Change::StatementSet { text }])
        }),
    }
}

pub(super) fn edit_view(partner: &Partner) -> Intent {
    let id = partner.id;
    Intent::Edit {
        title: format!("{}: its view of the opportunity", partner.name),
        initial: partner.vision.view.clone(),
        mode: EditorMode::MultiLine,
        on_submit: Box::new(move |text: String, session: &Session| {
            let text = text.trim().to_string();
            if session.partner(id).is_some_and(|p| p.vision.view == text) {
                return Ok(Vec::new());
            }
            Ok(vec![Change::ViewSet { partner: id, text }])
        }),
    }
}

pub(super) fn edit_why_not_alone(partner: &Partner) -> Intent {
    let id = partner.id;
    Intent::Edit {
        title: format!("{}: why it cannot pursue this as well alone", partner.name),
        initial: partner.vision.why_not_alone.clone(),
        mode: EditorMode::MultiLine,
        on_submit: Box::new(move |text: String, session: &Session| {
            let text = text.trim().to_string();
            if session
                .partner(id)
                .is_some_and(|p| p.vision.why_not_alone == text)
            {
                return Ok(Vec::new());
            }
            Ok(vec![Change::WhyNotAloneSet { partner: id, text }])
        }),
    }
}

pub(super) fn edit_alignment(partner: &Partner) -> Intent {
    let id = partner.id;
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
        on_submit: Box::new(move |text: String, _session: &Session| {
            let text = text.trim();
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
            Ok(vec![Change::AlignmentSet { partner: id, score }])
        }),
    }
}
