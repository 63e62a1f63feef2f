//! The example that takes a pass at the vision gate.

use chrono::NaiveDate;

use super::{Script, time};
use crate::domain::change::{ApplyError, Change, NewPartner};
use crate::domain::history::History;
use crate::domain::session::*;
use crate::domain::stage::Stage;
use crate::domain::templates::template_roles;
use crate::domain::types::*;

const ACME: PartnerId = PartnerId(1);
const INITECH: PartnerId = PartnerId(2);

/// A robot maker and a vision-software house who learn at the gate that they are
/// competitors more than partners, and take a pass.
pub fn example_pass() -> Result<History, ApplyError> {
    use Change::*;
    let kind = PartnershipType::TechnologyOem;
    let roles = template_roles(&kind, 1);
    let mut s = Script::start(
        time(2026, 11, 19, 14, 0),
        Created {
            title: "Acme Robotics × Initech Vision: embedded OEM deal".into(),
            moderator: "Dana Whitfield".into(),
            kind,
            partners: vec![
                NewPartner {
                    id: ACME,
                    name: "Acme Robotics".into(),
                    brings: "Collaborative robot arms for packaging lines".into(),
                },
                NewPartner {
                    id: INITECH,
                    name: "Initech Vision".into(),
                    brings: "Machine-vision software for pick-and-place".into(),
                },
            ],
            roles,
        },
    )?;
    s.rep(ACME, "Ruth Adler", Function::Executive)?;
    s.rep(ACME, "Ken Ito", Function::Product)?;
    s.rep(INITECH, "Bill Lumbergh", Function::Executive)?;
    s.rep(INITECH, "Joanna Hale", Function::Sales)?;
    s.after(300, StatementSet {
        text: "Packaging plants want robot cells that recognise any product without reprogramming.".into(),
    })?;
    s.after(
        150,
        ViewSet {
            partner: ACME,
            text: "Vision should become a built-in feature of our arms, sold under our brand."
                .into(),
        },
    )?;
    s.after(
        120,
        ViewSet {
            partner: INITECH,
            text:
                "Our software should run on every arm brand; we will not be locked into one maker."
                    .into(),
        },
    )?;
    s.after(
        90,
        WhyNotAloneSet {
            partner: ACME,
            text: "Our in-house vision team is two people.".into(),
        },
    )?;
    s.after(
        60,
        AlignmentSet {
            partner: ACME,
            score: Some(2),
        },
    )?;
    s.after(
        30,
        AlignmentSet {
            partner: INITECH,
            score: Some(2),
        },
    )?;
    s.after(
        30,
        StanceSet {
            partner: ACME,
            stance: Some(Stance::Coopetitor),
        },
    )?;
    s.after(
        30,
        StanceSet {
            partner: INITECH,
            stance: Some(Stance::Competitor),
        },
    )?;
    s.after(
        40,
        AgreementSet {
            partner: ACME,
            agreed: true,
        },
    )?;
    s.after(200, GateDecided { decision: GateDecision::TakeAPass {
        reason: "Acme wants an exclusive embedded feature; Initech's strategy is to stay brand-neutral. Better to learn this now.".into(),
    } })?;
    s.move_to(Stage::Summary, 1_380)?;
    let id = s.id();
    s.after(
        120,
        ActionAdded {
            action: ActionItem {
                id,
                text: "Revisit in a year if Initech offers an OEM edition".into(),
                owner: "Ruth Adler".into(),
                due: NaiveDate::from_ymd_opt(2027, 11, 1),
            },
        },
    )?;
    s.after(
        60,
        TimeSpent {
            stage: Stage::Summary,
            seconds: 180,
        },
    )?;
    Ok(s.history)
}
