//! The example that proceeds: a software vendor and a systems integrator.

use chrono::NaiveDate;

use super::{Script, time};
use crate::domain::change::{ApplyError, Change, NewPartner};
use crate::domain::history::History;
use crate::domain::session::*;
use crate::domain::stage::Stage;
use crate::domain::templates::template_roles;
use crate::domain::types::*;

const NORTHWIND: PartnerId = PartnerId(1);
const GLOBEX: PartnerId = PartnerId(2);

/// A software vendor and a systems integrator who agree to go on, with conditions.
pub fn example_proceed() -> Result<History, ApplyError> {
    use Change::*;
    use Function::*;
    use InterestCategory as Cat;
    use Raci::*;
    use Weight::*;
    let kind = PartnershipType::SystemIntegrator;
    let roles = template_roles(&kind, 1);
    let mut s = Script::start(
        time(2026, 11, 12, 9, 0),
        Created {
            title: "Northwind × Globex: plant-floor analytics".into(),
            moderator: "Dana Whitfield".into(),
            kind,
            partners: vec![
                NewPartner {
                    id: NORTHWIND,
                    name: "Northwind Analytics".into(),
                    brings: "Real-time analytics platform for manufacturing lines".into(),
                },
                NewPartner {
                    id: GLOBEX,
                    name: "Globex Integration".into(),
                    brings: "MES and shop-floor integration teams in 14 countries".into(),
                },
            ],
            roles,
        },
    )?;
    s.rep(NORTHWIND, "Priya Raman", Executive)?;
    s.rep(NORTHWIND, "Tom Okafor", Sales)?;
    s.rep(NORTHWIND, "Lena Brandt", Product)?;
    s.rep(NORTHWIND, "Marco Silva", Legal)?;
    s.rep(GLOBEX, "Helen Marsh", Executive)?;
    s.rep(GLOBEX, "Jorge Vidal", Services)?;
    s.rep(GLOBEX, "Aiko Tanaka", Engineering)?;
    s.rep(GLOBEX, "Sam Reyes", Finance)?;

    s.after(240, StatementSet {
        text: "Mid-size discrete manufacturers in Europe want line-level analytics that go live in weeks, not quarters. Together we can sell and deliver that as one offer.".into(),
    })?;
    s.after(120, ViewSet {
        partner: NORTHWIND,
        text: "Our platform wins pilots but stalls at roll-out: customers need integration with their MES that we do not do.".into(),
    })?;
    s.after(
        90,
        WhyNotAloneSet {
            partner: NORTHWIND,
            text: "We have no delivery capacity outside Germany and no MES practice.".into(),
        },
    )?;
    s.after(100, ViewSet {
        partner: GLOBEX,
        text: "Our customers ask for analytics after every MES project; today we build one-off dashboards with thin margins.".into(),
    })?;
    s.after(
        80,
        WhyNotAloneSet {
            partner: GLOBEX,
            text: "Building our own analytics product would take years and is not our business."
                .into(),
        },
    )?;
    s.after(
        30,
        AlignmentSet {
            partner: NORTHWIND,
            score: Some(4),
        },
    )?;
    s.after(
        20,
        AlignmentSet {
            partner: GLOBEX,
            score: Some(5),
        },
    )?;
    s.after(
        20,
        StanceSet {
            partner: NORTHWIND,
            stance: Some(Stance::Collaborator),
        },
    )?;
    s.after(
        20,
        StanceSet {
            partner: GLOBEX,
            stance: Some(Stance::Collaborator),
        },
    )?;
    s.after(
        40,
        AgreementSet {
            partner: NORTHWIND,
            agreed: true,
        },
    )?;
    s.after(
        15,
        AgreementSet {
            partner: GLOBEX,
            agreed: true,
        },
    )?;
    s.after(
        30,
        GateDecided {
            decision: GateDecision::Proceed {
                override_reason: None,
            },
        },
    )?;
    s.move_to(Stage::Roles, 1_560)?;

    // Roughly how such a room fills the table: mostly clear, with the doubts the
    // conflict check will bring back (two accountable, nobody accountable).
    s.raci(
        "Solution architecture",
        &[(GLOBEX, Accountable), (NORTHWIND, Responsible)],
    )?;
    s.raci(
        "Implementation and integration",
        &[(GLOBEX, Accountable), (NORTHWIND, Consulted)],
    )?;
    s.raci(
        "Project management",
        &[(GLOBEX, Accountable), (NORTHWIND, Informed)],
    )?;
    s.raci(
        "Product roadmap input",
        &[(NORTHWIND, Accountable), (GLOBEX, Responsible)],
    )?;
    s.raci(
        "Customer success after go-live",
        &[(NORTHWIND, Responsible), (GLOBEX, Responsible)],
    )?;
    s.raci(
        "Escalation to product engineering",
        &[(NORTHWIND, Accountable), (GLOBEX, Responsible)],
    )?;
    s.raci(
        "Joint account planning",
        &[(NORTHWIND, Accountable), (GLOBEX, Accountable)],
    )?;
    s.raci(
        "Executive sponsorship",
        &[(NORTHWIND, Responsible), (GLOBEX, Responsible)],
    )?;
    s.raci(
        "Pricing and commercial terms",
        &[(NORTHWIND, Accountable), (GLOBEX, Consulted)],
    )?;
    let id = s.id();
    s.after(
        60,
        HoleAdded {
            hole: Hole {
                id,
                owner: NORTHWIND,
                text: "Delivery capacity outside Germany".into(),
                filled_by: HoleFiller::Partner(GLOBEX),
            },
        },
    )?;
    let id = s.id();
    s.after(
        60,
        HoleAdded {
            hole: Hole {
                id,
                owner: NORTHWIND,
                text: "Sales coverage in the Nordics".into(),
                filled_by: HoleFiller::Itself,
            },
        },
    )?;
    let id = s.id();
    s.after(
        60,
        HoleAdded {
            hole: Hole {
                id,
                owner: GLOBEX,
                text: "Certified analytics engineers".into(),
                filled_by: HoleFiller::ThirdParty,
            },
        },
    )?;
    let id = s.id();
    s.after(
        45,
        HoleAdded {
            hole: Hole {
                id,
                owner: GLOBEX,
                text: "A repeatable analytics offer to sell".into(),
                filled_by: HoleFiller::Unresolved,
            },
        },
    )?;
    s.move_to(Stage::Interests, 1_380)?;

    s.interest(
        NORTHWIND,
        "Keep the direct relationship with our top 20 accounts",
        Cat::AccountLeadership,
        NonNegotiable,
        Sales,
    )?;
    s.interest(
        NORTHWIND,
        "List price set by us; partner discount at most 30%",
        Cat::Pricing,
        Important,
        Executive,
    )?;
    s.interest(
        NORTHWIND,
        "Connectors built in the project become part of our product",
        Cat::IpOwnership,
        NonNegotiable,
        Product,
    )?;
    s.interest(
        NORTHWIND,
        "No exclusivity clauses in any territory",
        Cat::Territory,
        Important,
        Legal,
    )?;
    s.interest(
        GLOBEX,
        "Own EMEA enterprise accounts for delivery work",
        Cat::AccountLeadership,
        NonNegotiable,
        Executive,
    )?;
    s.interest(
        GLOBEX,
        "Services margin of at least 35% on joint projects",
        Cat::MarginSharing,
        NonNegotiable,
        Finance,
    )?;
    s.interest(
        GLOBEX,
        "Keep the connectors we build as reusable assets",
        Cat::IpOwnership,
        Important,
        Engineering,
    )?;
    s.interest(
        GLOBEX,
        "A say in the roadmap for MES integrations",
        Cat::ProductDirection,
        Negotiable,
        Services,
    )?;
    s.move_to(Stage::Conflicts, 1_620)?;

    // The engine lays out what the earlier stages contain; the room works through it.
    use crate::domain::detect::Rule;
    s.settle(Rule::ClashingInterests, "accounts without naming them", 420, ConflictStatus::Resolved {
        agreement: "Northwind leads its top 20 named accounts; Globex leads all other EMEA accounts and every delivery.".into(),
    }, "Priya Raman and Helen Marsh")?;
    s.settle(Rule::ClashingInterests, "rights to connectors", 360, ConflictStatus::Resolved {
        agreement: "Generic connectors go into Northwind's product with Globex credited; customer-specific code stays with Globex.".into(),
    }, "Lena Brandt")?;
    s.settle(
        Rule::InterestVsRole,
        "Services margin",
        200,
        ConflictStatus::AcceptedRisk,
        "Sam Reyes",
    )?;
    s.settle(
        Rule::ClashingInterests,
        "different terms on price",
        240,
        ConflictStatus::AcceptedRisk,
        "Sam Reyes",
    )?;
    s.settle(
        Rule::InterestVsRole,
        "A say in the roadmap",
        260,
        ConflictStatus::Dismissed {
            reason: "Input is what Globex asks for, and what the role gives it.".into(),
        },
        "",
    )?;
    s.settle(Rule::HoleLeftToPartner, "Delivery capacity", 300, ConflictStatus::Resolved {
        agreement: "Globex delivers the projects it sells itself; outside its countries Northwind builds its own delivery partners.".into(),
    }, "Priya Raman")?;
    s.settle(
        Rule::NobodyAccountable,
        "Executive sponsorship",
        90,
        ConflictStatus::Parked,
        "Dana Whitfield",
    )?;
    // Two accountable for joint account planning: the room goes back to the role split
    // and fixes the table itself, which makes that conflict go away.
    s.move_to(Stage::Roles, 240)?;
    s.raci("Joint account planning", &[(GLOBEX, Responsible)])?;
    s.raci("Customer success after go-live", &[(GLOBEX, Accountable)])?;
    s.move_to(Stage::Conflicts, 120)?;
    s.settle(
        Rule::InterestVsRole,
        "Customer success",
        150,
        ConflictStatus::AcceptedRisk,
        "Helen Marsh",
    )?;
    s.settle(Rule::InterestVsRole, "Own EMEA enterprise accounts", 180, ConflictStatus::Resolved {
        agreement: "Joint account planning stays with Northwind for its top 20 accounts; Globex plans all others.".into(),
    }, "Tom Okafor")?;
    let id = s.id();
    s.after(
        150,
        ConflictAdded {
            conflict: Conflict {
                id,
                origin: ConflictOrigin::Moderator,
                category: ConflictCategory::Territory,
                partners: vec![NORTHWIND, GLOBEX],
                items: vec![],
                description:
                    "Both sales teams will approach the same mid-size prospects in the DACH region"
                        .into(),
                severity: Severity::Medium,
                status: ConflictStatus::Open,
                owner: "Tom Okafor".into(),
            },
        },
    )?;
    let mut conflict =
        s.history
            .session()
            .conflict(id)
            .cloned()
            .ok_or(ApplyError::UnknownItem {
                what: "conflict",
                id,
            })?;
    conflict.status = ConflictStatus::Resolved {
        agreement: "Deal registration: whoever registers a prospect first leads it for 90 days."
            .into(),
    };
    s.after(300, ConflictEdited { conflict })?;
    s.move_to(Stage::Summary, 1_500)?;

    s.after(120, VerdictSet {
        verdict: Some(Verdict::ProceedWithConditions),
        note: "Pilot with two customers before any wider roll-out; revisit margins after the pilot.".into(),
    })?;
    let id = s.id();
    s.after(
        60,
        ActionAdded {
            action: ActionItem {
                id,
                text: "Draft the named-account list for the rules of engagement".into(),
                owner: "Tom Okafor".into(),
                due: NaiveDate::from_ymd_opt(2026, 11, 26),
            },
        },
    )?;
    let id = s.id();
    s.after(
        60,
        ActionAdded {
            action: ActionItem {
                id,
                text: "Propose a pilot price model that works for both margins".into(),
                owner: "Sam Reyes".into(),
                due: NaiveDate::from_ymd_opt(2026, 12, 3),
            },
        },
    )?;
    let id = s.id();
    s.after(
        60,
        ActionAdded {
            action: ActionItem {
                id,
                text: "Pick two pilot customers".into(),
                owner: "Helen Marsh".into(),
                due: NaiveDate::from_ymd_opt(2026, 12, 10),
            },
        },
    )?;
    s.after(
        240,
        TimeSpent {
            stage: Stage::Summary,
            seconds: 540,
        },
    )?;
    Ok(s.history)
}
