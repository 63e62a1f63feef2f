//! Two complete sessions scripted change by change, the way a moderator would have made
//! them: one that proceeds, one that takes a pass at the vision gate. They are the
//! example files shipped in `sessions/`, the example on the home screen, and the data
//! tests and benchmarks run on.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};

use super::change::{ApplyError, Change, NewPartner};
use super::history::History;
use super::session::*;
use super::stage::Stage;
use super::templates::template_roles;
use super::types::*;

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
    use super::detect::Rule;
    s.settle(Rule::ClashingInterests, "account leadership", 420, ConflictStatus::Resolved {
        agreement: "Northwind leads its top 20 named accounts; Globex leads all other EMEA accounts and every delivery.".into(),
    }, "Priya Raman and Helen Marsh")?;
    s.settle(Rule::ClashingInterests, "IP ownership", 360, ConflictStatus::Resolved {
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
        "in margin sharing",
        240,
        ConflictStatus::AcceptedRisk,
        "Sam Reyes",
    )?;
    s.settle(
        Rule::ClashingInterests,
        "in territory and",
        200,
        ConflictStatus::Resolved {
            agreement:
                "No exclusive territories; account leadership follows the named-account list."
                    .into(),
        },
        "Marco Silva",
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
    s.settle(
        Rule::NobodyResponsible,
        "Implementation and integration",
        30,
        ConflictStatus::Dismissed {
            reason: "Globex does the work itself.".into(),
        },
        "",
    )?;
    s.settle(
        Rule::NobodyResponsible,
        "Project management",
        30,
        ConflictStatus::Dismissed {
            reason: "Globex does the work itself.".into(),
        },
        "",
    )?;
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

/// A big, busy session for benchmarks: `partners` partners and about `items` items spread
/// over roles, holes, interests and conflicts, then small edits until the record holds
/// `events` events. Text varies so that nothing is artificially cheap to lay out.
pub fn large(partners: usize, items: usize, events: usize) -> Result<History, ApplyError> {
    use Change::*;
    let partners = partners.clamp(2, super::change::MAX_PARTNERS);
    let ids: Vec<PartnerId> = (1..=partners as u32).map(PartnerId).collect();
    let mut s = Script::start(
        time(2026, 11, 20, 9, 0),
        Created {
            title: "Large benchmark session".into(),
            moderator: "Bench".into(),
            kind: PartnershipType::AllianceMember,
            partners: ids
                .iter()
                .map(|id| NewPartner {
                    id: *id,
                    name: format!("Partner {} Holdings", id.0),
                    brings: format!("Capability number {} for the alliance", id.0),
                })
                .collect(),
            roles: Vec::new(),
        },
    )?;
    for (n, partner) in ids.iter().enumerate() {
        s.rep(*partner, &format!("Executive {n}"), Function::Executive)?;
        s.rep(*partner, &format!("Seller {n}"), Function::Sales)?;
    }
    s.pass_gate("A shared opportunity worth pursuing together across regions and industries.")?;
    let words = [
        "EMEA",
        "accounts",
        "pricing",
        "connectors",
        "roadmap",
        "margin",
        "support",
        "training",
    ];
    for i in 0..items {
        let partner = ids[i % ids.len()];
        let word = words[i % words.len()];
        let id = s.id();
        let change = match i % 8 {
            0 => RoleAdded {
                role: Role {
                    id,
                    name: format!("Role {i}: {word} work"),
                    raci: Default::default(),
                },
            },
            1 => HoleAdded {
                hole: Hole {
                    id,
                    owner: partner,
                    text: format!("Gap {i} in {word}"),
                    filled_by: HoleFiller::Itself,
                },
            },
            2 if i % 16 == 2 => ConflictAdded {
                conflict: Conflict {
                    id,
                    origin: ConflictOrigin::Moderator,
                    category: ConflictCategory::Pricing,
                    partners: vec![partner],
                    items: vec![],
                    description: format!(
                        "Conflict {i} over {word} between the partners, needing a decision"
                    ),
                    severity: Severity::ALL[i % 4],
                    status: ConflictStatus::Open,
                    owner: format!("Owner {i}"),
                },
            },
            _ => InterestAdded {
                interest: Interest {
                    id,
                    partner,
                    statement: format!(
                        "Interest {i}: protect our {word} position in the joint offer"
                    ),
                    category: InterestCategory::ALL[i % 7],
                    weight: Weight::ALL[i % 3],
                    function: Function::ALL[i % 10],
                },
            },
        };
        s.after(1, change)?;
    }
    let role_ids: Vec<ItemId> = s.history.session().roles.iter().map(|r| r.id).collect();
    let mut n = 0usize;
    while s.history.events().len() < events {
        let partner = ids[n % ids.len()];
        let change = match (n % 3, role_ids.get(n % role_ids.len().max(1))) {
            (0, Some(role)) => RaciSet {
                role: *role,
                partner,
                letter: Some(Raci::ALL[n % 4]),
            },
            (1, _) => AlignmentSet {
                partner,
                score: Some((n % 5) as u8 + 1),
            },
            _ => ViewSet {
                partner,
                text: format!("View revision {n} of the opportunity"),
            },
        };
        s.after(1, change)?;
        n += 1;
    }
    Ok(s.history)
}

/// A session in the conflict check with `count` interests spread over `partners`
/// partners, for the detection benchmark. Statements are drawn from a vocabulary of
/// subjects so that partners overlap the way real rooms do: often, but not always.
pub fn many_interests(partners: usize, count: usize) -> Result<History, ApplyError> {
    use Change::*;
    const SUBJECTS: &[&str] = &[
        "EMEA",
        "enterprise accounts",
        "public sector",
        "retail chains",
        "pricing model",
        "discount levels",
        "connector code",
        "roadmap votes",
        "support contracts",
        "training",
        "Nordic region",
        "DACH region",
        "Benelux",
        "automotive customers",
        "pharma customers",
        "data platform",
        "analytics dashboards",
        "edge devices",
        "cloud hosting",
        "renewals",
        "lead sharing",
        "deal registration",
        "co-marketing budget",
        "brand usage",
        "patents",
        "source code escrow",
        "service margins",
        "licence fees",
        "reseller margin",
        "onboarding",
    ];
    const VERBS: &[&str] = &[
        "Lead", "Own", "Decide", "Control", "Protect", "Set", "Approve", "Grow",
    ];
    let partners = partners.clamp(2, super::change::MAX_PARTNERS);
    let ids: Vec<PartnerId> = (1..=partners as u32).map(PartnerId).collect();
    let kind = PartnershipType::ChannelReseller;
    let mut s = Script::start(
        time(2026, 11, 21, 9, 0),
        Created {
            title: "Detection benchmark".into(),
            moderator: "Bench".into(),
            kind: kind.clone(),
            partners: ids
                .iter()
                .map(|id| NewPartner {
                    id: *id,
                    name: format!("Partner {}", id.0),
                    brings: String::new(),
                })
                .collect(),
            roles: template_roles(&kind, 1),
        },
    )?;
    s.pass_gate("A shared opportunity.")?;
    s.move_to(Stage::Roles, 60)?;
    let roles: Vec<ItemId> = s.history.session().roles.iter().map(|r| r.id).collect();
    for (n, role) in roles.iter().enumerate() {
        let partner = ids[n % ids.len()];
        s.after(
            1,
            RaciSet {
                role: *role,
                partner,
                letter: Some(Raci::Accountable),
            },
        )?;
    }
    s.move_to(Stage::Interests, 60)?;
    // A small linear congruential generator: the same "random" session every run.
    let mut seed: u64 = 0x5eed;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n
    };
    for i in 0..count {
        let id = s.id();
        let statement = format!(
            "{} {} and {}",
            VERBS[next(VERBS.len())],
            SUBJECTS[next(SUBJECTS.len())],
            SUBJECTS[next(SUBJECTS.len())]
        );
        let interest = Interest {
            id,
            partner: ids[i % ids.len()],
            statement,
            category: InterestCategory::ALL[next(InterestCategory::ALL.len())],
            weight: Weight::ALL[next(Weight::ALL.len())],
            function: Function::ALL[next(Function::ALL.len())],
        };
        s.after(1, InterestAdded { interest })?;
    }
    s.move_to(Stage::Conflicts, 60)?;
    Ok(s.history)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_proceeding_example_reaches_a_verdict_with_conditions() {
        let history = example_proceed();
        assert!(history.is_ok(), "{history:?}");
        let Ok(history) = history else { return };
        let s = history.session();
        assert_eq!(s.verdict, Some(Verdict::ProceedWithConditions));
        assert_eq!(s.reached, Stage::Summary);
        assert_eq!(s.interests.len(), 8);
        let board = crate::domain::board::board(s);
        assert_eq!(crate::domain::board::agreements(&board).count(), 6);
        let readiness = crate::domain::board::Readiness::of(&board);
        assert_eq!(readiness.deal_breakers, 0);
        assert!(readiness.dismissed >= 2, "{readiness:?}");
        assert_eq!(
            readiness.open[2] + readiness.open[3],
            0,
            "no high or critical left open: {readiness:?}"
        );
        assert!(readiness.parked >= 1, "{readiness:?}");
        assert!(s.clock.spent_seconds(Stage::Vision) > 0);
    }

    #[test]
    fn large_sessions_have_the_size_asked_for() {
        let history = large(4, 1_000, 10_000);
        assert!(history.is_ok(), "{:?}", history.err());
        let Ok(history) = history else { return };
        assert_eq!(history.events().len(), 10_000);
        let s = history.session();
        let items = s.roles.len() + s.holes.len() + s.interests.len() + s.conflicts.len();
        assert_eq!(items, 1_000);
    }

    #[test]
    fn the_pass_example_ends_at_the_gate() {
        let history = example_pass();
        assert!(history.is_ok(), "{history:?}");
        let Ok(history) = history else { return };
        let s = history.session();
        assert_eq!(s.verdict, Some(Verdict::TakeAPass));
        assert!(matches!(s.gate, Some(GateDecision::TakeAPass { .. })));
        assert_eq!(s.current, Stage::Summary);
    }
}
